"""The author line of a paper or a post: "Authors: A and B and C" under its title.

Research posts and papers open with their title on a line of its own and a line that
names the authors. Neither line has a verb, and the author line is in title case, so no
capital tells a name from a word there (the name finder reads such a line as a headline).
The two lines together state the fact: the work, authored by each person listed. Only a
labelled line counts ("Authors:", "Written by"): a bare "By …" opens sentences too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph.extraction.readings import Argument, Frame, Vote
from graph.lang.en.gazetteer import Gazetteer, canonical_of
from graph.lang.en.names import NameSpan, SentenceNames

__all__ = ["byline_frames"]

#: How much the layout says about the class of the title and of the authors.
BYLINE = 3.0
_LABEL = re.compile(r"^(?:Authors?|Written by|Author\(s\))\s*:?\s+")
_SEPARATOR = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
_AUTHOR = re.compile(r"^(?:[A-Z][\w'’-]*\.?)(?:\s+[A-Z][\w'’-]*\.?){1,4}$")
_MARKS = "*†‡∗#0123456789 "
#: The first lines of a document where its title and its author line stand.
_HEAD_LINES = 4
_TITLE_LENGTH = 160


def byline_frames(
    texts: Sequence[tuple[int, str]], all_names: Sequence[SentenceNames], gazetteer: Gazetteer
) -> dict[int, Frame]:
    """The authorship frame of a document's author line, by the index of its sentence.

    ``texts`` are (start offset, text) of the sentences; the title and the authors are
    added to ``all_names`` as names, with the class the layout gives them.
    """
    for index in range(1, min(_HEAD_LINES, len(texts))):
        start, text = texts[index]
        label = _LABEL.match(text)
        if label is None:
            continue
        title_start, title = texts[0]
        if not _is_title(title):
            return {}
        authors = list(_authors(text, label.end(), gazetteer))
        if not authors:
            return {}
        work = _span(title, 0, len(title), "Document", gazetteer)
        if work is None:
            return {}
        all_names[0].spans.append(work)
        all_names[index].spans.extend(authors)
        arguments = [Argument(work.key, "obj", title_start, title_start + len(title), "byline")]
        for author in authors:
            arguments.append(
                Argument(author.key, "subj", start + author.start, start + author.end, "byline")
            )
        return {index: Frame("write", start, start + label.end(), tuple(arguments))}
    return {}


def _is_title(text: str) -> bool:
    """A line of its own, short, with no sentence end."""
    words = text.split()
    return len(words) >= 2 and len(text) <= _TITLE_LENGTH and text[-1:] not in ".!?"


def _authors(text: str, offset: int, gazetteer: Gazetteer) -> list[NameSpan]:
    out = []
    position = offset
    for piece in _SEPARATOR.split(text[offset:]):
        at = text.find(piece, position)
        position = at + len(piece)
        name = piece.strip(_MARKS)
        if not name or not _AUTHOR.match(name):
            continue
        begin = text.find(name, at)
        span = _span(text, begin, begin + len(name), "Person", gazetteer)
        if span is not None:
            out.append(span)
    return out


def _span(
    text: str, start: int, end: int, entity_class: str, gazetteer: Gazetteer
) -> NameSpan | None:
    surface = text[start:end]
    canonical, key, _ = canonical_of(surface, gazetteer)
    if not key:
        return None
    vote = Vote(entity_class, BYLINE, "byline")
    return NameSpan(0, 0, start, end, surface, canonical, key, [vote])
