"""Typed values in English text: amounts, US dollars, percentages and dates.

Small pure functions over strings, so that the rules that attach a value to a name
(:mod:`graph.lang.en.attributes`) never parse numbers themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

__all__ = [
    "MONEY",
    "PARAMETERS",
    "PERCENT",
    "dates_in",
    "parse_amount",
    "parse_date",
    "parse_money",
    "parse_percent",
]

_SCALES = {
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "m": 10**6,
    "mn": 10**6,
    "billion": 10**9,
    "b": 10**9,
    "bn": 10**9,
    "trillion": 10**12,
    "t": 10**12,
    "tn": 10**12,
}
_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_SCALE = r"trillion|billion|million|thousand|bn|tn|mn|[TBMK]\b|[tbmk]\b"
_AMOUNT = re.compile(rf"(?P<num>{_NUMBER})\s*-?\s*(?P<scale>{_SCALE})?", re.IGNORECASE)


def parse_amount(text: str) -> Decimal | None:
    """``13 billion`` -> 13000000000, ``1.3B``, ``2,000``, ``70-billion``."""
    match = _AMOUNT.fullmatch(text.strip())
    if not match:
        return None
    number = Decimal(match.group("num").replace(",", ""))
    scale = (match.group("scale") or "").lower()
    return number * _SCALES.get(scale, 1)


PARAMETERS = re.compile(
    # "46.7B total parameters" counts them all; "12.9B active parameters" does not
    rf"(?P<amount>{_NUMBER}\s*-?\s*(?:{_SCALE}))\s*-?\s*(?:total\s+)?(?:parameters?|params?)\b",
    re.IGNORECASE,
)
MONEY = re.compile(
    rf"(?:US)?\$\s*(?P<amount>{_NUMBER}(?:\s*(?:{_SCALE}))?)"
    rf"|(?P<words>{_NUMBER}(?:\s*(?:{_SCALE}))?)\s*(?:US\s*)?(?:dollars|USD)\b",
    re.IGNORECASE,
)


def parse_money(text: str) -> Decimal | None:
    """US dollars: ``$100``, ``$1.3 billion``, ``4.6 million dollars``; others -> None."""
    match = MONEY.fullmatch(text.strip())
    if not match:
        return None
    return parse_amount(match.group("amount") or match.group("words"))


PERCENT = re.compile(r"(?P<num>\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)", re.IGNORECASE)


def parse_percent(text: str) -> Decimal | None:
    """``92%``, ``85 percent`` -> 0.92, 0.85."""
    match = PERCENT.fullmatch(text.strip())
    return Decimal(match.group("num")) / 100 if match else None


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DATES = [
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}\b", re.I),
    re.compile(rf"\b{_YEAR}\b"),
]


def parse_date(text: str) -> tuple[str, str] | None:
    """``March 21, 2024`` -> ("2024-03-21", "date"); ``March 2024`` -> ("2024-03",
    "gYearMonth"); ``2023`` -> ("2023", "gYear")."""
    for pattern in _DATES:
        match = pattern.fullmatch(text.strip())
        if match:
            return _date_value(match)
    return None


def _date_value(match: re.Match[str]) -> tuple[str, str]:
    groups = match.groupdict()
    year = groups["year"]
    month = groups.get("month")
    if not month:
        return year, "gYear"
    number = _MONTHS[month.lower().rstrip(".")]
    day = groups.get("day")
    if day and 1 <= int(day) <= 31:
        return f"{year}-{number:02d}-{int(day):02d}", "date"
    return f"{year}-{number:02d}", "gYearMonth"


def dates_in(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, value, datatype) of every date, the most specific reading first."""
    taken: list[tuple[int, int]] = []
    for pattern in _DATES:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            taken.append(match.span())
            value, datatype = _date_value(match)
            yield match.start(), match.end(), value, datatype


#: Words a dateline may hold besides its date: "Published September 6, 2023", "December
#: 2, 2025, 11:43 AM ET", "Updated: April 17, 2023".
_DATELINE_WORDS = frozenset(
    {"published", "updated", "posted", "on", "am", "pm", "et", "pt", "gmt", "utc"}
)


def dateline(text: str, window: int = 5) -> str | None:
    """The day of a line near the top that is only a date ("April 17, 2023"): when a
    document was published, for "today" in its sentences."""
    lines = [line for line in text[:4096].splitlines() if line.strip()][:window]
    for line in lines:
        for start, end, value, datatype in dates_in(line):
            if datatype != "date":
                break
            rest = (line[:start] + " " + line[end:]).lower()
            words = re.findall(r"[a-z]+", rest)
            if all(w in _DATELINE_WORDS for w in words):
                return value
            break
    return None
