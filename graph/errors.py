"""Named exceptions. Each message says what went wrong *and* how to fix it.

The CLI turns any :class:`KgError` into a one-line ``Error: ...`` and exit status 2.
"""

from __future__ import annotations

__all__ = [
    "BadDocumentError",
    "ExportError",
    "KgError",
    "NoDocumentsError",
    "QueryError",
    "ResourceFileError",
]


class KgError(Exception):
    """Base class of every error the library raises on purpose."""


class BadDocumentError(KgError):
    """A source document cannot be read as text (missing, empty, binary, wrong encoding)."""

    def __init__(self, path: str, problem: str, fix: str) -> None:
        self.path = path
        super().__init__(f"{path}: {problem}; {fix}")


class NoDocumentsError(KgError):
    """The input paths name no readable .txt, .md or .html document."""


class QueryError(KgError):
    """A SPARQL query is malformed or cannot be run."""


class ExportError(KgError):
    """A graph cannot be exported in the requested format."""


class ResourceFileError(KgError):
    """A lexicon, pattern or mapping data file is malformed."""


class ServeError(KgError):
    """The SPARQL endpoint cannot start (missing graph, port in use, worker failure)."""


__all__ += ["ServeError"]  # appended here (not above) so concurrent edits merge cleanly
