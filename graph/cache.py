"""The extraction cache: each document's facts, kept between builds in SQLite.

Why: parsing is nearly all of a build's time, and a document's facts depend only on its
text and on the extractor (see :class:`~graph.model.DocumentFacts`). So a build parses
only documents whose text, or whose language reader, lexicon or package version, it has
not seen before, and takes every other document's facts from here. Entries are keyed by
the SHA-256 of the text and an extractor fingerprint; nothing in them is ever stale,
only unused. Retraction needs no bookkeeping: the graph is assembled from the facts of
the documents of *this* build, so a removed or changed document's old evidence is simply
not among them, and confidence is recomputed from what remains.

The store is one file in the output folder (``.kg-cache.sqlite``), written in
transactions, so a build that is killed keeps the documents it had finished (the next
build resumes) and never leaves a half-written entry.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from importlib import metadata, resources
from pathlib import Path

from graph.errors import KgError
from graph.lexicon import Lexicon
from graph.model import Document, DocumentFacts
from graph.records import facts_from_json, facts_to_json

__all__ = [
    "CACHE_FILE",
    "CacheError",
    "FactCache",
    "extractor_fingerprint",
    "package_fingerprint",
    "rebind",
]

CACHE_FILE = ".kg-cache.sqlite"
#: Bumped when the stored layout changes; part of every fingerprint.
SCHEMA = 1
_BATCH = 500  # rows per SELECT ... IN (...) and per transaction


class CacheError(KgError):
    """The cache file cannot be used (not a cache, or another program holds it)."""


#: Modules outside the language packages that shape every document's facts (keys are
#: minted by canonical.slug, records defined in model and stored by records).
_SHARED_MODULES = ("canonical.py", "lexicon.py", "model.py", "records.py")


def extractor_fingerprint(reader_fingerprint: str, lexicon: Lexicon) -> str:
    """What a document's facts depend on besides its text: the language reader (its code,
    data and model versions), the shared modules that mint keys and records, the
    lexicon's content and this package's version."""
    try:
        version = metadata.version("newskg")
    except metadata.PackageNotFoundError:
        version = "unknown"
    digest = hashlib.sha256()
    for part in (f"schema {SCHEMA}", version, reader_fingerprint, repr(lexicon.entries)):
        digest.update(part.encode("utf-8") + b"\0")
    package = resources.files("graph")
    for name in _SHARED_MODULES:
        digest.update(name.encode() + b"\0" + package.joinpath(name).read_bytes())
    return digest.hexdigest()


def package_fingerprint() -> str:
    """SHA-256 over every file of the package (code, templates, data): what the outputs
    depend on besides the facts, so that a build after any change to it is a real one."""
    digest = hashlib.sha256()
    stack = [(resources.files("graph"), "")]
    while stack:
        folder, prefix = stack.pop()
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            name = prefix + entry.name
            if entry.is_dir():
                if entry.name != "__pycache__":
                    stack.append((entry, name + "/"))
            elif not entry.name.endswith((".pyc", ".pyo")):
                digest.update(name.encode() + b"\0" + hashlib.sha256(entry.read_bytes()).digest())
    return digest.hexdigest()


def rebind(facts: DocumentFacts, document: Document) -> DocumentFacts:
    """Cached facts of the same text, told about the document they now stand for.

    The text is the same, so every offset holds; only the record of the document (id,
    path, title, date) may differ, e.g. after a file was renamed.
    """
    old = facts.document
    if old.doc_id == document.doc_id:
        return replace(facts, document=document)
    doc_id = document.doc_id
    return DocumentFacts(
        document=document,
        mentions=tuple(replace(m, doc_id=doc_id) for m in facts.mentions),
        relations=tuple(
            replace(r, evidence=replace(r.evidence, doc_id=doc_id)) for r in facts.relations
        ),
        attributes=tuple(
            replace(a, evidence=replace(a.evidence, doc_id=doc_id)) for a in facts.attributes
        ),
        warnings=tuple(w.replace(old.path, document.path) for w in facts.warnings),
    )


class FactCache:
    """Per-document facts keyed by (text SHA-256, extractor fingerprint).

    Facts are stored without the document's text (the key stands for it) as the
    lossless JSON of :mod:`graph.records`.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self._db = sqlite3.connect(self.path, timeout=30.0)
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS facts ("
                " sha256 TEXT NOT NULL, fingerprint TEXT NOT NULL, language TEXT NOT NULL,"
                " facts TEXT NOT NULL, PRIMARY KEY (sha256, fingerprint))"
            )
            self._db.commit()
        except sqlite3.DatabaseError as exc:
            raise CacheError(
                f"{self.path} is not a usable cache ({exc}); delete it, or build with --no-cache"
            ) from exc
        self._pending: list[tuple[str, str, str, str]] = []

    # -- reading
    def lookup(
        self, documents: Sequence[Document], fingerprints: dict[str, str]
    ) -> dict[str, DocumentFacts]:
        """The cached facts of every document found, by ``doc_id``, rebound to it.

        ``fingerprints`` maps a language to its extractor fingerprint; documents of other
        languages are not looked up.
        """
        wanted: dict[tuple[str, str], list[Document]] = {}
        for document in documents:
            fingerprint = fingerprints.get(document.language)
            if fingerprint is not None:
                wanted.setdefault((document.sha256, fingerprint), []).append(document)
        found: dict[str, DocumentFacts] = {}
        keys = list(wanted)
        for start in range(0, len(keys), _BATCH):
            batch = keys[start : start + _BATCH]
            placeholders = ",".join("(?, ?)" for _ in batch)
            rows = self._db.execute(
                f"SELECT sha256, fingerprint, facts FROM facts "
                f"WHERE (sha256, fingerprint) IN (VALUES {placeholders})",
                [value for key in batch for value in key],
            )
            for sha256, fingerprint, text in rows:
                facts = facts_from_json(text)
                for document in wanted[(sha256, fingerprint)]:
                    found[document.doc_id] = rebind(facts, document)
        return found

    def other_fingerprints(self, language: str, fingerprint: str) -> int:
        """How many entries of ``language`` were made by another extractor."""
        (count,) = self._db.execute(
            "SELECT COUNT(*) FROM facts WHERE language = ? AND fingerprint != ?",
            (language, fingerprint),
        ).fetchone()
        return count

    # -- writing
    def put(self, facts: DocumentFacts, fingerprint: str) -> None:
        """Store a document's facts (written in batches; :meth:`flush` or :meth:`close`)."""
        document = facts.document
        stored = replace(facts, document=replace(document, text=""))
        self._pending.append(
            (document.sha256, fingerprint, document.language, facts_to_json(stored))
        )
        if len(self._pending) >= _BATCH:
            self.flush()

    def put_json(self, sha256: str, language: str, fingerprint: str, text: str) -> None:
        """Store facts already in their JSON form (as records come back from workers)."""
        self._pending.append((sha256, fingerprint, language, text))
        if len(self._pending) >= _BATCH:
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO facts (sha256, fingerprint, language, facts) "
                "VALUES (?, ?, ?, ?)",
                self._pending,
            )
        self._pending = []

    def forget_other_fingerprints(self, fingerprints: dict[str, str]) -> None:
        """Drop the entries of older extractors of these languages: they can never be hit."""
        with self._db:
            for language, fingerprint in fingerprints.items():
                self._db.execute(
                    "DELETE FROM facts WHERE language = ? AND fingerprint != ?",
                    (language, fingerprint),
                )

    def __len__(self) -> int:
        (count,) = self._db.execute("SELECT COUNT(*) FROM facts").fetchone()
        return count

    def close(self) -> None:
        self.flush()
        self._db.close()

    def __enter__(self) -> FactCache:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
