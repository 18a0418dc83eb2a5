"""The one interface the pipeline calls per language, a fingerprint helper, and the
streaming parse loop every language shares.

A language lives in its own package under ``graph/lang/`` (its sentence splitter, parse,
mentions, relations, attributes and pattern data) and exposes a :class:`LanguageReader`.
Adding a language is a new folder and a line in ``graph.lang.READERS``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from importlib import metadata, resources
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from graph.lexicon import Lexicon
from graph.model import Document, DocumentFacts

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["LanguageReader", "parse_stream", "source_fingerprint"]

Piece = TypeVar("Piece")


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


def parse_stream(
    documents: Iterable[Document],
    nlp: Language,
    pieces: Callable[[Document], list[tuple[str, Piece]]],
    *,
    n_process: int = 1,
    batch_size: int = 64,
    progress: bool = False,
) -> Iterator[tuple[Document, list[tuple[Doc, Piece]]]]:
    """Parse the sentences ``pieces`` cuts each document into (text to parse, what the
    reader keeps with it) in one ``nlp.pipe`` stream, and yield each document with its
    parsed pieces as soon as its last one is parsed: nothing of a document is kept once it
    has been yielded, and a document with no sentence is still yielded (with none)."""
    current: list[Document] = []  # documents whose sentences are queued, oldest first

    def jobs() -> Iterator[tuple[str, tuple[int, Any]]]:
        for number, document in enumerate(documents):
            current.append(document)
            cut = pieces(document)
            for text, piece in cut:
                yield text, (number, piece)
            if not cut:
                yield "", (number, None)  # (None, not a sentinel: n_process pickles it)

    parsed: Iterable[tuple[Doc, tuple[int, Any]]] = nlp.pipe(
        jobs(), as_tuples=True, n_process=n_process, batch_size=batch_size
    )
    if progress:
        from tqdm import tqdm

        parsed = tqdm(parsed, unit="sent", desc="parsing", leave=False)
    number = 0
    out: list[tuple[Doc, Piece]] = []
    for doc, (doc_number, piece) in parsed:
        while doc_number > number:
            yield current.pop(0), out
            number, out = number + 1, []
        if piece is not None:
            out.append((doc, piece))
    if current:
        yield current.pop(0), out
