"""Japanese: GiNZA parses, cue-based mentions, case-frame relations, typed attributes."""

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
        from graph.lang.ja.cues import load_cues
        from graph.lang.ja.document import extract_document
        from graph.lang.ja.parse import parse_documents
        from graph.lang.ja.patterns import load_patterns

        cues, patterns = load_cues(), load_patterns()
        for document, sentences in parse_documents(
            documents, n_process=n_process, progress=progress
        ):
            yield extract_document(
                sentences, document=document, lexicon=lexicon, cues=cues, patterns=patterns
            )
