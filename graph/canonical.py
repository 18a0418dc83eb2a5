"""Pure helpers that decide when two surface forms name the same thing.

Why a module of its own: canonicalization is what keeps one node per real-world thing
(``Meta``/``Meta社``/``ＭＥＴＡ``), and it must behave identically in mention detection,
entity merging and tests. Everything here is a small pure function over strings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

__all__ = [
    "has_size_token",
    "iri_name",
    "is_katakana",
    "is_latin_name",
    "match_key",
    "normalize_surface",
    "size_of",
    "slug",
    "strip_org_affixes",
]

# Separators that do not distinguish names: "Vicuna-13B" == "Vicuna 13B" == "vicuna_13b".
_SEPARATORS = re.compile(r"[\s\-_・·･‐‑–—]+")
# Legal-form and country affixes around organization names.
_ORG_PREFIXES = ("株式会社", "有限会社", "合同会社", "米国", "米", "英", "仏", "独", "中国", "韓国")
_ORG_SUFFIXES = (
    "ホールディングス",
    "株式会社",
    "グループ",
    "社",
    " Inc.",
    " Inc",
    " Corporation",
    " Corp.",
    " Corp",
    " Ltd.",
    " Ltd",
    " LLC",
    " Co., Ltd.",
    " Group",
    " Holdings",
)
#: Suffixes that make a name a group or holding company (see strip_org_affixes).
_GROUP_SUFFIXES = frozenset({"ホールディングス", "グループ", " Group", " Holdings"})
_SIZE = re.compile(r"(?<![A-Za-z0-9])(\d+(?:\.\d+)?)\s*([BbMmKkTt])(?![A-Za-z0-9])")
_SIZE_FACTORS = {"k": 10**3, "m": 10**6, "b": 10**9, "t": 10**12}


def normalize_surface(text: str) -> str:
    """NFKC and collapsed whitespace: the form we keep as a label."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def match_key(text: str) -> str:
    """Case- and separator-insensitive form used to compare names."""
    value = unicodedata.normalize("NFKC", text).casefold()
    return _SEPARATORS.sub("", value)


def strip_org_affixes(text: str, *, known: Callable[[str], object | None] | None = None) -> str:
    """``米OpenAI社`` -> ``OpenAI``; leaves the name alone if stripping would empty it.

    A group or holding suffix (``グループ``, ``ホールディングス``, `` Group``, `` Holdings``)
    names a company of its own, not always the one of the bare name: ``known`` (a lexicon
    lookup, returning an entry or None) keeps it when the bare name is a known company
    that the full name is not (トヨタグループ stays itself: トヨタ is Toyota Motor). With no
    such knowledge, ``楽天グループ`` and ``楽天`` are taken for one company.
    """
    value = text.strip()
    changed = True
    while changed:
        changed = False
        for prefix in _ORG_PREFIXES:
            rest = value[len(prefix) :]
            glued = value.startswith(prefix) and rest and not rest[0].isspace()
            # Only strip a country prefix glued to a Latin or katakana name ("米OpenAI").
            if glued and (
                prefix in ("株式会社", "有限会社", "合同会社")
                or is_latin_name(rest[:1])
                or is_katakana(rest[:1])
            ):
                value, changed = rest.strip(), True
        for suffix in _ORG_SUFFIXES:
            if value.endswith(suffix) and len(value) > len(suffix):
                bare = value[: -len(suffix)].strip()
                if suffix in _GROUP_SUFFIXES and _another_company(value, bare, known):
                    continue
                value, changed = bare, True
    return value


def _another_company(name: str, bare: str, known: Callable[[str], object | None] | None) -> bool:
    """True when ``bare`` is a known company and ``name`` (with its group suffix) is not it."""
    if known is None:
        return False
    bare_entry = known(bare)
    return bare_entry is not None and known(name) is not bare_entry


_EXPERTS = re.compile(r"(?<![A-Za-z0-9])(\d+)[x×X](\d+(?:\.\d+)?)([BbMm])(?![A-Za-z0-9])")


def has_size_token(name: str) -> bool:
    """True for names that carry a model size: ``Vicuna-13B``, ``Mixtral-8x7B``."""
    return bool(_SIZE.search(name.replace("-", " "))) or bool(_EXPERTS.search(name))


def size_of(name: str) -> int | None:
    """Parameter count written in a model name: ``Vicuna-13B`` -> 13_000_000_000.

    Mixture-of-experts names (``Mixtral-8x7B``) give no count: experts share layers, so
    8 x 7B is not the model's size. A size in thousands is a context length
    (``StoryWriter-65k``), never a language model's parameter count.
    """
    if _EXPERTS.search(name):
        return None
    found = [f for f in _SIZE.findall(name.replace("-", " ")) if f[1] not in "kK"]
    if not found:
        return None
    number, unit = found[-1]
    return round(float(number) * _SIZE_FACTORS[unit.lower()])


def is_katakana(text: str) -> bool:
    return bool(text) and all(
        "\u30a0" <= c <= "\u30ff" or c in "ー・" or "\uff66" <= c <= "\uff9f" for c in text
    )


def is_latin_name(text: str) -> bool:
    """True when the text starts with a Latin letter (after NFKC): ``GPT-4``, ``Ｍｅｔａ``."""
    value = unicodedata.normalize("NFKC", text)
    return bool(value) and value[0].isascii() and value[0].isalpha()


#: Separators inside an IRI name; ``_`` is kept, as IRIs minted before kept it.
_NAME_SEPARATORS = re.compile(r"[\s\-・·･‐‑–—]+")
#: Characters an IRI name keeps as they are: letters, digits and ``_`` in any script.
_IRI_SAFE = re.compile(r"\w", re.UNICODE)


def iri_name(text: str) -> str:
    """The normalized name an entity IRI is minted from.

    NFKC, case folded, and every run of separators (spaces, hyphens, middle dots) written
    as one ``-``, none at the ends: ``Vicuna 13B`` and ``vicuna-13b`` are one name, while
    ``X++``, ``X#``, ``X.`` and ``X`` stay four.
    """
    value = unicodedata.normalize("NFKC", text).casefold()
    return _NAME_SEPARATORS.sub("-", value).strip("-")


def slug(text: str) -> str:
    """IRI-safe, stable and injective local name for a canonical name.

    Letters, digits and ``_`` (any script: IRIs allow ``楽天``) stay as they are, separator
    runs become ``-`` and a ``.`` between two of them stays (``mistral-7b-v0.1``); every
    other character is percent-encoded as UTF-8 (``c%2B%2B``, ``x%2E``), ``%`` itself
    included. So ``urllib.parse.unquote(slug(x)) == iri_name(x)``: names that differ get
    different IRIs, and the simple slugs of earlier versions are unchanged. The empty name
    gets ``-``, which no other name can produce.
    """
    name = iri_name(text)
    if not name:
        return "-"
    return "".join(
        char if _kept(name, i) else "".join(f"%{byte:02X}" for byte in char.encode("utf-8"))
        for i, char in enumerate(name)
    )


def _kept(name: str, i: int) -> bool:
    char = name[i]
    if char == "-" or _IRI_SAFE.match(char):
        return True
    inner = 0 < i < len(name) - 1
    return (
        char == "."
        and inner
        and bool(_IRI_SAFE.match(name[i - 1]) and _IRI_SAFE.match(name[i + 1]))
    )
