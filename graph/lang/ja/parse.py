"""Stage 2: split documents into sentences and parse them with GiNZA.

We split sentences ourselves (at 。！？ and line breaks, never inside 「」 quotes) and parse
each one as its own spaCy ``Doc``: GiNZA's own splitter sometimes cuts a name in two
("Mistral | AI社"), and a reported quote must stay in one tree with its speaker.
Character offsets of every sentence into the document text are kept, so provenance
points at the exact place in the source.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from graph.model import Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["ParsedSentence", "load_pipeline", "parse_documents", "split_sentences"]

log = logging.getLogger(__name__)

MODEL = "ja_ginza"
#: GiNZA components we do not use: our own mention detection replaces NER.
EXCLUDED_COMPONENTS = ("ner",)
_OPEN = "「『（(【"
_CLOSE = "」』）)】"
_ENDS = "。！？!?"
_MAX_SENTENCE = 400  # characters; longer runs are cut at the next 。 even inside quotes


@dataclass(frozen=True)
class ParsedSentence:
    """A parsed sentence and where it sits in its document."""

    document: Document
    index: int  # position of the sentence in the document
    start: int  # offset of the sentence's first character in document.text
    doc: Doc
    text: str  # the sentence (kept: spaCy rebuilds Doc.text on every access)


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
            spans.append((start + left, start + right))

    for i, char in enumerate(text):
        if char == "\n":
            close(i)
            start, depth = i + 1, 0
        elif char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(0, depth - 1)
        elif char in _ENDS and (depth == 0 or i - start > _MAX_SENTENCE):
            close(i + 1)
            start, depth = i + 1, 0
    close(len(text))
    return spans


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
    nlp = nlp or load_pipeline()
    current: list[Document] = []  # documents whose sentences are queued, oldest first

    def jobs() -> Iterator[tuple[str, tuple[int, int, int]]]:
        for number, document in enumerate(documents):
            current.append(document)
            spans = split_sentences(document.text)
            for index, (start, end) in enumerate(spans):
                yield document.text[start:end], (number, index, start)
            if not spans:
                yield "", (number, -1, 0)  # an empty document still yields its (empty) facts

    parsed: Iterable[tuple[Doc, tuple[int, int, int]]] = nlp.pipe(
        jobs(), as_tuples=True, n_process=n_process, batch_size=batch_size
    )
    if progress:
        from tqdm import tqdm

        parsed = tqdm(parsed, unit="sent", desc="parsing", leave=False)
    number = 0
    sentences: list[ParsedSentence] = []
    for doc, (doc_number, index, start) in parsed:
        while doc_number > number:
            yield current.pop(0), sentences
            number, sentences = number + 1, []
        if index >= 0:
            sentences.append(ParsedSentence(current[0], index, start, doc, doc.text))
    if current:
        yield current.pop(0), sentences
