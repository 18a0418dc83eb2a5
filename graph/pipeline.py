"""The whole build: documents -> language readers -> facts -> assemble -> graph -> files.

``extract(paths)`` returns the typed :class:`~graph.model.Extraction`; ``build_outputs``
also writes ``graph.ttl`` and ``graph.html`` (atomically: a failed build leaves the old
files as they were).
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from graph.assemble import assemble
from graph.documents import find_documents, read_documents
from graph.lang import LANGUAGES, reader_for
from graph.lexicon import Lexicon, load_lexicon
from graph.model import Document, DocumentFacts, Extraction
from graph.outputs import serialize_turtle, write_atomic
from graph.rdf import build_graph

__all__ = ["BuildSummary", "build_outputs", "extract", "extract_facts"]

#: Above this many characters of input, parse with both cores.
PARALLEL_THRESHOLD = 200_000


def extract_facts(
    documents: Sequence[Document],
    lexicon: Lexicon,
    *,
    progress: bool = False,
    warnings: list[str] | None = None,
) -> Iterator[DocumentFacts]:
    """Each document's facts, read by its language's reader (one language at a time).

    A document in a language we have no reader for is reported in ``warnings``, never
    read as an empty graph in silence.
    """
    by_language: dict[str, list[Document]] = defaultdict(list)
    for document in documents:
        by_language[document.language].append(document)
    for language in sorted(by_language):
        group = by_language[language]
        if language not in LANGUAGES:
            for document in group:
                message = (
                    f"{document.path}: language {language!r} is not one we read "
                    f"({', '.join(LANGUAGES)}); skipped"
                )
                if warnings is not None:
                    warnings.append(message)
            continue
        size = sum(len(d.text) for d in group)
        n_process = min(2, os.cpu_count() or 1) if size > PARALLEL_THRESHOLD else 1
        yield from reader_for(language).read(group, lexicon, n_process=n_process, progress=progress)


def extract(
    paths: Sequence[str | Path],
    *,
    encoding: str | None = None,
    skip_bad: bool = False,
    progress: bool = False,
    lexicon_files: Sequence[str | Path] = (),
    language: str | None = None,
) -> Extraction:
    """Read, parse and extract: the library entry point behind ``kg build``.

    ``language`` overrides the detected language of every document (``kg build
    --language en``).
    """
    if language is not None and language not in LANGUAGES:
        from graph.lang import UnsupportedLanguageError

        raise UnsupportedLanguageError(
            f"--language {language!r} is not one we read; choose one of {', '.join(LANGUAGES)}"
        )
    skipped: list[str] = []
    documents = list(
        read_documents(find_documents(paths), encoding=encoding, skip_bad=skip_bad, skipped=skipped)
    )
    if language is not None:
        documents = [replace(document, language=language) for document in documents]
    if not documents:
        from graph.errors import NoDocumentsError

        raise NoDocumentsError("every input document was skipped; nothing to build")
    lexicon = load_lexicon(lexicon_files)
    warnings: list[str] = []
    facts = list(extract_facts(documents, lexicon, progress=progress, warnings=warnings))
    if not facts:
        from graph.errors import NoDocumentsError

        raise NoDocumentsError("; ".join(warnings) or "no document could be read")
    return assemble(facts, lexicon, tuple(skipped), tuple(warnings))


@dataclass(frozen=True)
class BuildSummary:
    documents: int
    entities: int
    relations: int
    attributes: int
    seconds: float
    outputs: tuple[Path, ...]
    skipped: tuple[str, ...]
    warnings: tuple[str, ...] = ()

    def line(self) -> str:
        files = ", ".join(str(p) for p in self.outputs)
        return (
            f"Built {files} from {self.documents} document{'s' if self.documents != 1 else ''}: "
            f"{self.entities} entities, {self.relations} relations, {self.attributes} attributes "
            f"in {self.seconds:.1f}s"
        )


def build_outputs(
    paths: Sequence[str | Path],
    out_dir: str | Path,
    *,
    encoding: str | None = None,
    skip_bad: bool = False,
    progress: bool = False,
    lexicon_files: Sequence[str | Path] = (),
    formats: Sequence[str] = (),
    language: str | None = None,
    store: str | Path | None = None,
) -> BuildSummary:
    """Extract, then write ``graph.ttl``, ``graph.html`` and ``graph.<ext>`` per extra format.

    Extra formats are checked before any work, so a typo fails fast and writes nothing.
    """
    if formats:
        from graph.export import check_format

        for fmt in formats:
            check_format(fmt)
    started = time.perf_counter()
    extraction = extract(
        paths,
        encoding=encoding,
        skip_bad=skip_bad,
        progress=progress,
        lexicon_files=lexicon_files,
        language=language,
    )
    graph = build_graph(extraction)
    out = Path(out_dir)
    turtle = serialize_turtle(graph)  # serialize fully before touching any file
    outputs = [write_atomic(out / "graph.ttl", turtle)]
    from graph.html import write_html

    title = extraction.documents[0].title if len(extraction.documents) == 1 else "Knowledge graph"
    language = extraction.documents[0].language
    outputs.append(write_html(graph, out / "graph.html", title=title, language=language))
    if formats:
        from graph.export import SUFFIXES, export_graph
    for fmt in dict.fromkeys(formats):
        if fmt == "turtle":
            continue  # graph.ttl is always written
        target = out / ("neo4j" if fmt == "neo4j" else f"graph{SUFFIXES[fmt]}")
        outputs.append(Path(export_graph(graph, fmt, target)))
    if store is not None:  # the on-disk store: one named graph per document (graph.store)
        from graph.store import write_store

        write_store(graph, store)
        outputs.append(Path(store))
    return BuildSummary(
        documents=len(extraction.documents),
        entities=len(extraction.entities),
        relations=len(extraction.relations),
        attributes=len(extraction.attributes),
        seconds=time.perf_counter() - started,
        outputs=tuple(outputs),
        skipped=extraction.skipped,
        warnings=extraction.warnings,
    )
