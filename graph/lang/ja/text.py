"""The text GiNZA parses: width-folded, with bracketed asides taken out.

Why: an aside in round brackets breaks the parse of the clause around it
(``株式会社ツバサ・インテリジェンス（本社：大阪市北区、代表取締役社長：真柴悠人）は`` becomes one
phrase) and Sudachi glues a bracket to the word before it (``百|度（バイドゥ）``). So each
sentence is parsed without its asides; the asides are kept as :class:`Aside` records
(a reading, an alias, an acronym, a ``本社：…`` list, a clause such as
``（2023年に米Databricksが買収）``) for the readers that want them, and every character
of the parsed text maps back to its place in the original sentence.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Aside", "CleanSentence", "clean_sentence", "fold_width"]

_OPEN = "（("
_CLOSE = "）)"


@lru_cache(maxsize=8192)
def fold_width(text: str) -> str:
    """NFKC per character where that keeps the length (Ｍｅｔａ -> Meta), so offsets hold."""
    out = []
    for char in text:
        folded = _DASHES.get(char) or unicodedata.normalize("NFKC", char)
        out.append(folded if len(folded) == 1 else char)
    return "".join(out)


#: Dashes NFKC leaves alone that news writes inside names (GPT−4 with a minus sign).
_DASHES = {"\u2212": "-", "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\uff0d": "-"}


@dataclass(frozen=True)
class Aside:
    """A bracketed aside taken out of the parsed text."""

    start: int  # offsets of the aside's content (without brackets) in the original sentence
    end: int
    text: str  # the content, width-folded
    anchor: int  # offset in the clean text where the aside stood (just after the word it glosses)


@dataclass(frozen=True)
class CleanSentence:
    original: str  # the sentence as written
    text: str  # what is parsed
    positions: tuple[int, ...]  # positions[i]: offset in ``original`` of clean character i
    asides: tuple[Aside, ...]

    def to_original(self, offset: int) -> int:
        """Offset in the original sentence of a clean offset (an end offset maps to an end)."""
        if offset >= len(self.positions):
            return len(self.original) if not self.positions else self.positions[-1] + 1
        return self.positions[offset]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            return self.to_original(start), self.to_original(start)
        return self.to_original(start), self.to_original(end - 1) + 1


def clean_sentence(sentence: str) -> CleanSentence:
    """Fold widths and take out round-bracket asides (nested ones with their parent)."""
    folded = fold_width(sentence)
    kept: list[str] = []
    positions: list[int] = []
    asides: list[Aside] = []
    depth, opened = 0, -1
    for i, char in enumerate(folded):
        if char in _OPEN:
            if depth == 0:
                opened = i
            depth += 1
            continue
        if char in _CLOSE and depth:
            depth -= 1
            if depth == 0:
                content = folded[opened + 1 : i]
                asides.append(Aside(opened + 1, i, content, len(kept)))
            continue
        if depth:
            continue
        kept.append(char)
        positions.append(i)
    if depth:  # an unclosed bracket: keep the rest as text rather than lose it
        for i in range(opened, len(folded)):
            kept.append(folded[i])
            positions.append(i)
    return CleanSentence(sentence, "".join(kept), tuple(positions), tuple(asides))
