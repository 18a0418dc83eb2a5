"""Stage 4b: typed attributes (parameter counts, costs, relative quality, release dates).

The parsers at the top are small pure functions over strings (``parse_number("130億")``);
the rules below them decide which entity a value belongs to, using the mentions and the
parse of the sentence. Raw text always travels with the value into the provenance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from graph.canonical import size_of
from graph.lang.ja.mentions import SentenceMention, fold_width

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "AttributeCandidate",
    "AttributeReader",
    "parse_date",
    "parse_money_usd",
    "parse_number",
    "parse_percent",
]

_UNITS = {"万": 10**4, "億": 10**8, "兆": 10**12}
_NUMBER = r"\d+(?:[,，]\d{3})*(?:\.\d+)?"
_JA_NUMBER = re.compile(rf"(?:{_NUMBER}[兆億万]?)+")
_SIZE_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*([BbMmKkTt])(?![A-Za-z])")


def parse_number(text: str) -> Decimal | None:
    """Japanese and Latin numerals: ``130億`` -> 13000000000, ``1兆3000億``, ``1,000``, ``13B``."""
    value = fold_width(text).strip().replace(",", "").replace("，", "")
    size = _SIZE_NUMBER.fullmatch(value)
    if size:
        return Decimal(size_of(value) or 0) or None
    if not re.fullmatch(r"(?:\d+(?:\.\d+)?[兆億万]?)+", value):
        return None
    total = Decimal(0)
    for number, unit in re.findall(r"(\d+(?:\.\d+)?)([兆億万]?)", value):
        total += Decimal(number) * (_UNITS[unit] if unit else 1)
    return total


_MONEY = re.compile(
    rf"(?:(?:US)?\$\s*(?P<pre>{_NUMBER}[兆億万]?)|(?P<num>(?:{_NUMBER}[兆億万]?)+)\s*(?:米ドル|ドル|USドル))"
)


def parse_money_usd(text: str) -> Decimal | None:
    """US-dollar amounts: ``100ドル``, ``1000万ドル``, ``$300``, ``300米ドル``; others -> None."""
    match = _MONEY.fullmatch(fold_width(text).strip())
    if not match:
        return None
    return parse_number(match.group("pre") or match.group("num"))


def parse_percent(text: str) -> Decimal | None:
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*[%％]", fold_width(text).strip())
    return Decimal(match.group(1)) / 100 if match else None


_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})年(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?)?")


def parse_date(text: str) -> tuple[str, str] | None:
    """``2024年3月21日`` -> ("2024-03-21", "date"); ``2023年3月`` -> ("2023-03", "gYearMonth")."""
    match = _DATE.fullmatch(fold_width(text).strip())
    if not match:
        return None
    year, month, day = match.group("y"), match.group("m"), match.group("d")
    if day:
        return f"{year}-{int(month):02d}-{int(day):02d}", "date"
    if month:
        return f"{year}-{int(month):02d}", "gYearMonth"
    return year, "gYear"


@dataclass(frozen=True)
class AttributeCandidate:
    subject: SentenceMention
    property: str
    value: int | Decimal | str
    datatype: str
    raw_text: str
    method: str
    confidence: float
    span: tuple[int, int]  # sentence-relative offsets of the value
    unit: str | None = None
    baseline: SentenceMention | None = None


_PARAMETER_AFTER = re.compile(
    rf"(?P<num>(?:{_NUMBER}[兆億万]?)+|\d+(?:\.\d+)?[BM])(?:個)?の?(?:パラメーター|パラメータ)"
)
_PARAMETER_BEFORE = re.compile(
    rf"(?:パラメーター|パラメータ)(?:数|のサイズ|の数|規模)?(?:は|が|:|：)\s*(?:約)?(?P<num>(?:{_NUMBER}[兆億万]?)+|\d+(?:\.\d+)?[BM])"
)
_MONEY_IN_TEXT = re.compile(
    rf"(?:US)?\$\s*{_NUMBER}[兆億万]?|(?:{_NUMBER}[兆億万]?)+\s*(?:米ドル|ドル)"
)
_NOT_COST = (
    "月額",
    "価格",
    "料金",
    "売上",
    "評価額",
    "出資",
    "投資",
    "調達",
    "買収",
    "時価総額",
    "収益",
    "資金",
)
_RELEASE_TRIGGERS = frozenset(
    {"公開", "発表", "リリース", "発売", "登場", "提供", "公表", "商用化", "提供開始"}
)


def _verb_lemma(token) -> str:
    """Lemma, joined with the noun before a verb-making suffix: 商用|化 -> 商用化."""
    if token.tag_.startswith("接尾辞") and token.i > 0:
        return token.doc[token.i - 1].text + token.lemma_
    return token.lemma_


_MODEL_PREDICATE = re.compile(
    r"(?:パラメーター|パラメータ)?(?:級)?の[^。、]{0,8}?(?:モデル|LLM)(?:だ|である|です)"
)
_TOPIC_AFTER = re.compile(r"[」』]?は")
_MAKING_VERBS = frozenset({"開発", "構築", "作成", "公開", "発表", "リリース"})
_PRONOUN_SUBJECT = re.compile(r"(?:私たち|我々|われわれ|私|彼ら)(?:が|は)")


class AttributeReader:
    """Reads attribute candidates sentence by sentence; keeps a little document state."""

    def __init__(self) -> None:
        self.last_model: SentenceMention | None = None
        self.pending_release: tuple[str, str, str, str] | None = None  # lemma, value, type, raw
        self.pending_age = 0

    def read(
        self, doc: Doc, mentions: list[SentenceMention], text: str | None = None
    ) -> list[AttributeCandidate]:
        text = fold_width(doc.text if text is None else text)
        models = [m for m in mentions if m.entity_class == "AIModel"]
        out: list[AttributeCandidate] = []
        out += self._sizes_in_names(models)
        out += self._parameters(text, models)
        out += self._costs(text, models)
        out += self._relative_quality(text, mentions)
        out += self._release_dates(doc, text, mentions)
        if models:
            self.last_model = models[-1]
        return out

    # -- parameter counts
    def _sizes_in_names(self, models: list[SentenceMention]) -> list[AttributeCandidate]:
        out = []
        for model in models:
            size = size_of(model.canonical)
            if size:
                out.append(
                    AttributeCandidate(
                        model,
                        "parameterCount",
                        size,
                        "integer",
                        model.surface,
                        "attribute:parameter-count/name",
                        0.9,
                        (model.start, model.end),
                    )
                )
        return out

    def _owner_before(
        self, text: str, position: int, models: list[SentenceMention]
    ) -> tuple[SentenceMention | None, str]:
        before = [m for m in models if m.end <= position]
        if before:
            return before[-1], "sentence"
        if not models and not _PRONOUN_SUBJECT.search(text) and self.last_model is not None:
            return self.last_model, "previous-sentence"
        return None, ""

    def _parameters(self, text: str, models: list[SentenceMention]) -> list[AttributeCandidate]:
        out = []
        for regex in (_PARAMETER_AFTER, _PARAMETER_BEFORE):
            for match in regex.finditer(text):
                value = parse_number(match.group("num"))
                if value is None or value < 10**6:
                    continue
                # "20億パラメータの「Gemma 2B」": the model named right after the value owns it.
                following = re.match(r"の?[「『]?", text[match.end() :])
                position = match.end() + (following.end() if following else 0)
                owner = next((m for m in models if m.start == position), None)
                where = "following"
                if owner is None and _MODEL_PREDICATE.match(text, match.end()):
                    # "Xは…70億パラメータのモデルだ": the value describes the topic model.
                    owner = next((m for m in models if _TOPIC_AFTER.match(text, m.end)), None)
                    where = "topic"
                if owner is None:
                    owner, where = self._owner_before(text, match.start("num"), models)
                if owner is None:
                    continue
                confidence = 0.6 if where == "previous-sentence" else 0.8
                out.append(
                    AttributeCandidate(
                        owner,
                        "parameterCount",
                        int(value),
                        "integer",
                        match.group(0),
                        f"attribute:parameter-count/{where}",
                        confidence,
                        match.span("num"),
                    )
                )
        return out

    # -- costs
    def _costs(self, text: str, models: list[SentenceMention]) -> list[AttributeCandidate]:
        if any(word in text for word in _NOT_COST):
            return []
        out = []
        for match in _MONEY_IN_TEXT.finditer(text):
            value = parse_money_usd(match.group(0))
            if value is None:
                continue
            before = [m for m in models if m.end <= match.start()]
            if not before:
                continue
            owner = before[-1]
            between = text[owner.end : match.start()]
            if len(between) > 12 or "。" in between:
                continue
            out.append(
                AttributeCandidate(
                    owner,
                    "trainingCost",
                    value,
                    "decimal",
                    match.group(0),
                    "attribute:cost",
                    0.7,
                    match.span(),
                    unit="USD",
                )
            )
        return out

    # -- relative quality
    def _relative_quality(
        self, text: str, mentions: list[SentenceMention]
    ) -> list[AttributeCandidate]:
        baseline = None
        for mention in mentions:
            if re.match(r"[」』]?(?:を|が)100\s*[%％]\s*と(?:した|する|して)", text[mention.end :]):
                baseline = mention
                break
        if baseline is None:
            return []
        out = [
            AttributeCandidate(
                baseline,
                "relativeQuality",
                Decimal("1.0"),
                "decimal",
                "100%",
                "attribute:relative-quality/baseline",
                0.7,
                (baseline.start, baseline.end),
                baseline=baseline,
            )
        ]
        for mention in mentions:
            if mention.start <= baseline.start or mention.entity_class not in (
                "AIModel",
                "Product",
            ):
                continue
            match = re.match(
                r"[」』]?(?:が|は|の(?:品質|性能|スコア|精度|応答品質)(?:は|が))\s*(?:約)?(\d+(?:\.\d+)?)\s*[%％]",
                text[mention.end :],
            )
            if match:
                value = Decimal(match.group(1)) / 100
                start = mention.end + match.start(1)
                out.append(
                    AttributeCandidate(
                        mention,
                        "relativeQuality",
                        value,
                        "decimal",
                        match.group(1) + "%",
                        "attribute:relative-quality",
                        0.85,
                        (start, mention.end + match.end()),
                        baseline=baseline,
                    )
                )
        return out

    @staticmethod
    def _depends_on(doc: Doc, mention: SentenceMention, governor) -> bool:
        """True when the name is an argument of ``governor`` (not of a clause inside it)."""
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        token = span.root
        for _ in range(8):
            if token.i == governor.i:
                return True
            inner_verb = token.pos_ in ("VERB", "ADJ") and token.i != span.root.i
            # "Xを開発したと発表した": a reported release still dates X.
            if token.head.i == token.i or (inner_verb and _verb_lemma(token) not in _MAKING_VERBS):
                return False
            token = token.head
        return False

    @staticmethod
    def _is_released_thing(text: str, mention: SentenceMention) -> bool:
        """The name is an argument (を/が/は…), not a modifier (Xの, Xベースの)."""
        rest = text[mention.end :]
        if re.match(r"[」』]?(?:を(?:基|もと|ベース|元)|ベース)", rest):
            return False  # "Xを基にしたY": X is the base, not the thing released
        return re.match(r"[」』]?(?:シリーズ|モデル)?(?:を|が|は|も|と|や|、)", rest) is not None

    # -- release dates
    def _release_dates(
        self, doc: Doc, text: str, mentions: list[SentenceMention]
    ) -> list[AttributeCandidate]:
        targets = [m for m in mentions if m.entity_class in ("AIModel", "Product")]
        if not self.pending_release and not _DATE.search(text):
            return []  # nothing to date and nothing carried over
        triggers = {_verb_lemma(t) for t in doc if _verb_lemma(t) in _RELEASE_TRIGGERS}
        out: list[AttributeCandidate] = []
        found_date = False
        for match in _DATE.finditer(text):
            after, before = (
                text[match.end() : match.end() + 4],
                text[max(0, match.start() - 2) : match.start()],
            )
            if after.startswith(("から", "にかけて", "~", "〜", "・")) or (
                before.endswith(("から", "、")) and "にかけて" in text
            ):
                continue
            parsed = parse_date(match.group(0))
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if parsed is None or span is None:
                continue
            governor = span.root.head
            for _ in range(6):
                if _verb_lemma(governor) in _RELEASE_TRIGGERS or governor.head.i == governor.i:
                    break
                governor = governor.head
            if _verb_lemma(governor) not in _RELEASE_TRIGGERS:
                continue
            found_date = True
            value, datatype = parsed
            own = [
                t
                for t in targets
                if self._depends_on(doc, t, governor) and self._is_released_thing(text, t)
            ]
            if targets and own:
                for target in own:
                    out.append(
                        AttributeCandidate(
                            target,
                            "releaseDate",
                            value,
                            datatype,
                            match.group(0),
                            "attribute:release-date",
                            0.75,
                            match.span(),
                        )
                    )
            elif not targets:
                self.pending_release = (_verb_lemma(governor), value, datatype, match.group(0))
                self.pending_age = 0
        if not found_date and self.pending_release and targets:
            lemma, value, datatype, raw = self.pending_release
            if lemma in triggers:
                for target in targets:
                    out.append(
                        AttributeCandidate(
                            target,
                            "releaseDate",
                            value,
                            datatype,
                            raw,
                            "attribute:release-date/next-sentence",
                            0.6,
                            (target.start, target.end),
                        )
                    )
                self.pending_release = None
        if self.pending_release is not None:
            self.pending_age += 1
            if self.pending_age > 2:
                self.pending_release = None
        return out
