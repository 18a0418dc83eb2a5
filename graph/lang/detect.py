"""Which language a document is written in: the writing system first, then py3langid.

Why two steps: a statistical identifier reads a Japanese article that quotes an English
sentence, or that is full of Latin-script names, as English, while the writing system
settles it at once (kana are Japanese only; Hangul is Korean; Han characters without
kana are Chinese). CJK characters carry about three Latin letters' worth of text each,
so they are weighed that way before comparing scripts. Text in the Latin script goes to
py3langid (langid.py's model, shipped in the package: nothing is downloaded), restricted
to languages written in Latin letters, so that a short English line of product names is
not taken for Occitan. Anything it cannot place with confidence is ``"und"``, which the
pipeline reports as a language we do not read rather than reading it as empty English.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

__all__ = ["UNDETERMINED", "detect_language"]


def _words(text: str) -> frozenset[str]:
    """A word list written as one string (easier to read and edit than a list)."""
    return frozenset(text.split())


UNDETERMINED = "und"  # BCP 47 for "undetermined"

#: How many Latin letters one CJK character is worth when scripts are compared.
_CJK_WEIGHT = 3
#: Share of the (weighted) letters a script needs to decide the language by itself.
_SCRIPT_SHARE = 0.3
#: Share of kana among CJK characters that makes CJK text Japanese rather than Chinese.
_KANA_IN_CJK = 0.05
_SAMPLE = 20_000  # characters: enough to decide, bounded cost on huge files
#: Languages written in Latin letters that the identifier may choose between.
_LATIN_LANGUAGES = _words(
    "en fr de es it pt nl sv da no fi pl cs sk ro hu tr id ms vi hr sl et lv lt ca eu gl "
    "af sw tl is ga cy sq"
)
_MIN_CONFIDENCE = 0.5
_ENGLISH_WORDS = _words(
    "the of and to in is was for on that with as by it from at are has have said its "
    "which an be this will were their"
)
_WORD = re.compile(r"[A-Za-z']+")


def _scripts(text: str) -> dict[str, int]:
    counts = {"kana": 0, "han": 0, "hangul": 0, "latin": 0, "other": 0}
    for char in text:
        code = ord(char)
        if 0x3040 <= code <= 0x30FF or 0xFF66 <= code <= 0xFF9F or 0x31F0 <= code <= 0x31FF:
            counts["kana"] += 1
        elif 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF:
            counts["han"] += 1
        elif 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
            counts["hangul"] += 1
        elif char.isalpha():
            if code < 0x0250 or 0x1E00 <= code <= 0x1EFF:
                counts["latin"] += 1
            else:
                counts["other"] += 1
    return counts


@cache
def _identifier(latin_only: bool) -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if latin_only:
        identifier.set_languages(sorted(_LATIN_LANGUAGES))
    return identifier


def _english_share(text: str) -> float:
    words = [w.lower() for w in _WORD.findall(text)]
    return sum(w in _ENGLISH_WORDS for w in words) / len(words) if words else 0.0


def detect_language(text: str) -> str:
    """BCP 47 code of the text's language ("en", "ja", "zh", "ko", "fr" …) or "und"."""
    sample = text[:_SAMPLE]
    counts = _scripts(sample)
    cjk = counts["kana"] + counts["han"]
    total = _CJK_WEIGHT * (cjk + counts["hangul"]) + counts["latin"] + counts["other"]
    if not total:
        return UNDETERMINED
    if _CJK_WEIGHT * counts["hangul"] / total >= _SCRIPT_SHARE:
        return "ko"
    if _CJK_WEIGHT * cjk / total >= _SCRIPT_SHARE:
        return "ja" if counts["kana"] >= _KANA_IN_CJK * cjk else "zh"
    if counts["other"] > counts["latin"]:
        language, confidence = _identifier(False).classify(sample)
        return language if confidence >= _MIN_CONFIDENCE else UNDETERMINED
    language, confidence = _identifier(True).classify(sample)
    if language == "en" or (confidence < 0.9 and _english_share(sample) >= 0.12):
        return "en"
    return language if confidence >= _MIN_CONFIDENCE else UNDETERMINED
