"""Japanese: GiNZA parses, candidate names with class votes, case frames, typed attributes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

from graph.lang.base import source_fingerprint
from graph.lexicon import Lexicon
from graph.model import Document, DocumentFacts

__all__ = ["JapaneseReader"]


class JapaneseReader:
    """The :class:`~graph.lang.base.LanguageReader` of Japanese."""

    language = "ja"

    @cache  # noqa: B019 - one reader per process (graph.lang.reader_for caches it)
    def fingerprint(self) -> str:
        return source_fingerprint("graph.lang.ja", ("spacy", "ginza", "ja-ginza", "SudachiPy"))

    def read(
        self,
        documents: Iterable[Document],
        lexicon: Lexicon,
        *,
        n_process: int = 1,
        progress: bool = False,
    ) -> Iterator[DocumentFacts]:
        from graph.extraction.patterns import load_patterns
        from graph.lang.ja.cues import load_cues
        from graph.lang.ja.parse import parse_documents
        from graph.lang.ja.reader import DocumentReader
        from graph.lang.ja.syntax import ROLES

        reader = DocumentReader(lexicon, load_cues(), load_patterns("graph.lang.ja", ROLES))
        for document, sentences in parse_documents(
            documents, n_process=n_process, progress=progress
        ):
            yield reader.read(document, sentences)
