"""English: en_core_web_sm parses, late-typed names, dependency frames, typed attributes.

The reader collects candidate names with class votes, frames (a trigger and its
arguments by role) and attribute readings per sentence, and leaves the decisions to the
language-neutral core in :mod:`graph.extraction`: classes once per document, then
frames matched against ``data/patterns.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

from graph.lang.base import source_fingerprint
from graph.lexicon import Lexicon
from graph.model import Document, DocumentFacts

__all__ = ["EnglishReader", "load_patterns"]


@cache
def load_patterns():
    from graph.extraction.patterns import load_patterns as load
    from graph.lang.en.frames import ROLES

    return load("graph.lang.en", ROLES)


class EnglishReader:
    """The :class:`~graph.lang.base.LanguageReader` of English."""

    language = "en"

    @cache  # noqa: B019 - one reader per process (graph.lang.reader_for caches it)
    def fingerprint(self) -> str:
        from graph.lang.en.parse import MODEL_DISTRIBUTION

        return source_fingerprint("graph.lang.en", ("spacy", MODEL_DISTRIBUTION))

    def read(
        self,
        documents: Iterable[Document],
        lexicon: Lexicon,
        *,
        n_process: int = 1,
        progress: bool = False,
    ) -> Iterator[DocumentFacts]:
        from graph.lang.en.cues import load_cues
        from graph.lang.en.document import read_document
        from graph.lang.en.parse import parse_documents

        cues, index = load_cues(), load_patterns()
        for document, sentences in parse_documents(
            documents, n_process=n_process, progress=progress
        ):
            yield read_document(document, sentences, lexicon, cues, index)
