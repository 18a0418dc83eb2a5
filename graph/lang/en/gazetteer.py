"""The shared gazetteer as the English reader looks it up.

Why a view of its own: the gazetteer (``graph/data/lexicon.yaml``, one file for every
language) is what makes ``Meta`` in an English article and ``メタ`` in a Japanese one the
same entity, so every English name is looked up in it. With 700 entries, one regular
expression of every surface cost more than the rest of the reader; a first-word index
and a dictionary look-up per candidate cost almost nothing. Built once per lexicon.
"""

from __future__ import annotations

import re

from graph.canonical import match_key, normalize_surface, slug, strip_org_affixes
from graph.lexicon import Lexicon, LexiconEntry

__all__ = ["Gazetteer", "canonical_of"]


class Gazetteer:
    """The shared lexicon as the reader looks it up: by match key, and as one pattern.

    Built once per document: the lexicon's own look-ups are cached by the lexicon, which
    costs a hash of every entry on each call.
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.by_key: dict[str, LexiconEntry] = dict(lexicon.by_key)
        self.starts, self.any_case = _word_index(lexicon)
        self.canonical: dict[str, tuple[str, str, LexiconEntry | None]] = {}

    @classmethod
    def of(cls, lexicon: Lexicon) -> Gazetteer:
        """The view of a lexicon, made once per lexicon object (hashing a lexicon of 700
        entries, as a cache keyed by it does, costs more than reading a sentence)."""
        cached = _GAZETTEERS.get(id(lexicon))
        if cached is None or cached[0] is not lexicon:
            cached = _GAZETTEERS[id(lexicon)] = (lexicon, cls(lexicon))
        return cached[1]

    def lookup(self, surface: str) -> LexiconEntry | None:
        return self.by_key.get(match_key(surface))

    def matches(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every gazetteer name in ``text``, longest first at each word.

        Word by word, with a dictionary look-up only where a word can begin a name: one
        alternation of every surface (1,500 of them) cost more than the rest of the
        reader. Lowercase entries ("open source") match in any case, the others only
        where the text capitalises them ("Gemini", not "gemini").
        """
        words = [(m.start(), m.end(), m.group(0).casefold()) for m in _WORD.finditer(text)]
        if "'" in text or "’" in text:  # "Google DeepMind’s" is "Google DeepMind"
            words = [
                (start, end - 2, word[:-2])
                if len(word) > 2 and word[-1] == "s" and word[-2] in "'’"
                else (start, end, word)
                for start, end, word in words
            ]
        out: list[tuple[int, int]] = []
        i = 0
        while i < len(words):
            longest = self.starts.get(words[i][2], 0)
            for n in range(min(longest, len(words) - i), 0, -1):
                start, end = words[i][0], words[i + n - 1][1]
                candidate = text[start:end]
                key = match_key(candidate)
                if key in self.by_key and (key in self.any_case or not candidate.islower()):
                    out.append((start, end))
                    i += n
                    break
            else:
                i += 1
        return out


_WORD = re.compile(r"\w+(?:[.·'’+&]\w+)*")
_GAZETTEERS: dict[int, tuple[Lexicon, Gazetteer]] = {}


def _word_index(lexicon: Lexicon) -> tuple[dict[str, int], frozenset[str]]:
    """First word of every Latin surface -> the most words a surface starting with it
    has; and the match keys of the lowercase surfaces."""
    starts: dict[str, int] = {}
    any_case: set[str] = set()
    for entry in lexicon.entries:
        for surface in entry.surfaces:
            if not surface.isascii():
                continue
            words = _WORD.findall(surface.casefold())
            if not words:
                continue
            starts[words[0]] = max(starts.get(words[0], 0), len(words))
            if surface == surface.lower():
                any_case.add(match_key(surface))
    return starts, frozenset(any_case)


def canonical_of(surface: str, lexicon: Gazetteer) -> tuple[str, str, LexiconEntry | None]:
    """(canonical name, entity key, gazetteer entry) of a surface form.

    The gazetteer's name where it knows the surface (that is what makes ``Meta`` here and
    ``メタ`` in a Japanese article one entity), else the surface without a leading
    article or a legal suffix ("Apple Inc." -> "Apple"). Remembered per gazetteer: a
    document names the same few things again and again.
    """
    known = lexicon.canonical.get(surface)
    if known is None:
        known = lexicon.canonical[surface] = _canonical_of(surface, lexicon)
        if len(lexicon.canonical) > _MEMORY:
            lexicon.canonical.clear()
    return known


_MEMORY = 100_000


def _canonical_of(surface: str, lexicon: Gazetteer) -> tuple[str, str, LexiconEntry | None]:
    text = normalize_surface(surface)
    text = re.sub(r"^(?:the|The)\s+", "", text)
    entry = lexicon.lookup(text)
    if entry is None:
        stripped = strip_org_affixes(text)
        entry = lexicon.lookup(stripped)
        text = stripped
    if entry is not None:
        return entry.name, slug(entry.name), entry
    return text, slug(text), None
