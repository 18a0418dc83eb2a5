"""Split Japanese documents into sentences and parse them with GiNZA, streaming.

We split sentences ourselves (at 。！？ and line breaks, never inside 「」 quotes) and parse
each one as its own spaCy ``Doc``: GiNZA's own splitter sometimes cuts a name in two
("Mistral | AI社"), and a reported quote must stay in one tree with its speaker. An
over-long run with no sentence end (a table, a list glued into one line) is cut at safe
boundaries first: Sudachi refuses inputs near 49 KB and GiNZA's phrase recognizer slows
down sharply on long ones. What is parsed is the sentence's clean text (asides taken out,
:mod:`graph.lang.ja.text`); character offsets into the document are kept, so provenance
points at the exact place in the source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from graph.lang.base import parse_stream
from graph.lang.ja.text import CleanSentence, clean_sentence
from graph.model import Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "MAX_SENTENCE",
    "ParsedSentence",
    "load_pipeline",
    "parse_documents",
    "split_sentences",
]

MODEL = "ja_ginza"
#: GiNZA components we do not use: our own mention detection replaces NER.
EXCLUDED_COMPONENTS = ("ner",)
_OPEN = "「『（(【"
_CLOSE = "」』）)】"
_ENDS = "。！？!?"
_MAX_QUOTED = 400  # characters; a longer run is cut at the next 。 even inside quotes
#: Longest sentence we parse; longer runs are cut at 、, a space or, failing those, here.
MAX_SENTENCE = 500
_SAFE_CUT = re.compile(r"[、，,;；：:\s]")


@dataclass(frozen=True)
class ParsedSentence:
    """A parsed sentence and where it sits in its document."""

    document: Document
    index: int  # position of the sentence in the document
    start: int  # offset of the sentence's first character in document.text
    doc: Doc  # the parse of ``clean.text``
    clean: CleanSentence

    @property
    def text(self) -> str:
        """The sentence as written in the document."""
        return self.clean.original


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` into pieces of at most MAX_SENTENCE characters."""
    pieces = []
    while end - start > MAX_SENTENCE:
        window = text[start : start + MAX_SENTENCE]
        cuts = [m.end() for m in _SAFE_CUT.finditer(window) if m.end() > MAX_SENTENCE // 2]
        cut = start + (cuts[-1] if cuts else MAX_SENTENCE)
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


_HEADLINE_BREAK = re.compile(r"(?<=[^\x00-\x7f])[ \u3000]+(?=[^\x00-\x7f])|\u3000+")


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A headline (a line with no full stop) is phrases set apart by spaces
    (``…新手法を発表 日本語数学LLM「EvoLLM-JP」を公開``): each is read as a sentence."""
    spans = [(start, end)]
    if "。" not in text[start:end]:
        spans, at = [], start
        for match in _HEADLINE_BREAK.finditer(text, start, end):
            spans.append((at, match.start()))
            at = match.end()
        spans.append((at, end))
    return [piece for s, e in spans if e > s for piece in _cut_long(text, s, e)]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the sentences of ``text``, stripped of whitespace."""
    spans: list[tuple[int, int]] = []
    depth = 0
    start = 0

    def close(end: int) -> None:
        segment = text[start:end]
        left = len(segment) - len(segment.lstrip())
        right = len(segment.rstrip())
        if right > left:
            for piece_start, piece_end in _pieces(text, start + left, start + right):
                piece = text[piece_start:piece_end]
                lead = len(piece) - len(piece.lstrip())
                trail = len(piece.rstrip())
                if trail > lead:
                    spans.append((piece_start + lead, piece_start + trail))

    for i, char in enumerate(text):
        if char == "\n":
            close(i)
            start, depth = i + 1, 0
        elif char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(0, depth - 1)
        elif char in _ENDS and (depth == 0 or i - start > _MAX_QUOTED):
            close(i + 1)
            start, depth = i + 1, 0
    close(len(text))
    return spans


def long_run_warnings(document: Document) -> list[str]:
    """One line per place where a run with no sentence end had to be cut."""
    warnings = []
    line_start = 0
    for number, line in enumerate(document.text.split("\n"), start=1):
        longest = max((len(p) for p in re.split(f"[{_ENDS}]", line)), default=0)
        if longest > MAX_SENTENCE:
            warnings.append(
                f"{document.path}: line {number}: {longest} characters without a sentence end; "
                f"cut into pieces of at most {MAX_SENTENCE} at commas or spaces before parsing"
            )
        line_start += len(line) + 1
    return warnings


@cache
def load_pipeline(model: str = MODEL) -> Language:
    """Load GiNZA once per process (it takes seconds)."""
    import spacy

    try:
        return spacy.load(model, exclude=list(EXCLUDED_COMPONENTS))
    except OSError as exc:  # model package missing
        from graph.errors import KgError

        raise KgError(
            f"the spaCy model {model!r} is not installed; run `pip install ja-ginza`"
        ) from exc


def parse_documents(
    documents: Iterable[Document],
    *,
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = 64,
    progress: bool = False,
) -> Iterator[tuple[Document, list[ParsedSentence]]]:
    """Yield each document with its parsed sentences, as soon as its last sentence is
    parsed: nothing of a document is kept once it has been yielded."""

    def pieces(document: Document) -> list[tuple[str, tuple[int, int, CleanSentence]]]:
        out = []
        for index, (start, end) in enumerate(split_sentences(document.text)):
            clean = clean_sentence(document.text[start:end])
            out.append((clean.text, (index, start, clean)))
        return out

    stream = parse_stream(
        documents,
        nlp or load_pipeline(),
        pieces,
        n_process=n_process,
        batch_size=batch_size,
        progress=progress,
    )
    for document, parsed in stream:
        yield (
            document,
            [
                ParsedSentence(document, index, start, doc, clean)
                for doc, (index, start, clean) in parsed
            ],
        )
