"""The one interface the pipeline calls per language, and a fingerprint helper.

A language lives in its own package under ``graph/lang/`` (its sentence splitter, parse,
mentions, relations, attributes and pattern data) and exposes a :class:`LanguageReader`.
Adding a language is a new folder and a line in ``graph.lang.READERS``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from importlib import metadata, resources
from typing import Protocol

from graph.lexicon import Lexicon
from graph.model import Document, DocumentFacts

__all__ = ["LanguageReader", "source_fingerprint"]


class LanguageReader(Protocol):
    """Reads documents of one language into per-document facts."""

    language: str  # BCP 47 code, e.g. "ja"

    def fingerprint(self) -> str:
        """Changes whenever anything that can change the facts changes: the reader's code
        and data files, the shared extraction code, the spaCy model's version."""
        ...

    def read(
        self,
        documents: Iterable[Document],
        lexicon: Lexicon,
        *,
        n_process: int = 1,
        progress: bool = False,
    ) -> Iterator[DocumentFacts]:
        """Yield each document's facts as soon as it is parsed, in input order, keeping
        nothing of a document once its facts are yielded."""
        ...


_SHARED_PACKAGES = ("graph.extraction",)


def _package_files(package: str) -> Iterator[tuple[str, bytes]]:
    root = resources.files(package)
    stack = [(root, "")]
    while stack:
        folder, prefix = stack.pop()
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            name = f"{prefix}{entry.name}"
            if entry.is_dir():
                if entry.name != "__pycache__":
                    stack.append((entry, name + "/"))
            elif entry.name.endswith((".py", ".yaml", ".yml", ".json", ".txt")):
                yield f"{package}/{name}", entry.read_bytes()


def source_fingerprint(package: str, distributions: Iterable[str]) -> str:
    """SHA-256 over a language package's code and data, the shared extraction code and
    the versions of the named distributions (spaCy and its model)."""
    digest = hashlib.sha256()
    for name in (package, *_SHARED_PACKAGES):
        try:
            files = sorted(_package_files(name))
        except ModuleNotFoundError:
            continue
        for path, data in files:
            digest.update(path.encode() + b"\0" + hashlib.sha256(data).digest())
    for dist in sorted(distributions):
        try:
            version = metadata.version(dist)
        except metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"{dist}=={version}\0".encode())
    return digest.hexdigest()
