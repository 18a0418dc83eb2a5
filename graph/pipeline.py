"""The whole build: documents -> language readers -> facts -> assemble -> graph -> files.

``extract(paths)`` returns the typed :class:`~graph.model.Extraction`; ``build_outputs``
also writes ``graph.ttl``, ``graph.html`` and any extra formats. How a build is ordered,
and why:

1. Every check that can fail without parsing runs first: formats, the output folder
   (:class:`~graph.outputs.OutputFolder`), the lexicon, and every input document, read
   once and then dropped (only its record, not its text, is kept). A bad input stops the
   build before any parse, and nothing is written.
2. If the inputs, options and extractor are those of the last build and its outputs are
   untouched, there is nothing to do.
3. Documents whose facts are in the cache (:mod:`graph.cache`) are not parsed; the others
   are read again and parsed as a stream, one document's facts at a time, in this
   process or on a Dask cluster (:mod:`graph.cluster`). Only the compact facts are kept.
4. ``assemble`` merges the facts of this build's documents (so a removed or changed
   document's evidence is gone), the graph is written, and the outputs are swapped in
   together, or not at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path

from graph.assemble import assemble
from graph.documents import (
    Corpus,
    ReadLog,
    SourceFile,
    display_path,
    iter_documents,
    list_sources,
    read_corpus,
    read_document,
    without_text,
)
from graph.errors import BadDocumentError, NoDocumentsError
from graph.lang import LANGUAGES, reader_for
from graph.lexicon import Lexicon, load_lexicon
from graph.model import Document, DocumentFacts, Extraction
from graph.outputs import OutputFolder

__all__ = [
    "BuildSummary",
    "build_outputs",
    "extract",
    "extract_corpus",
    "extract_facts",
    "parse_processes",
]

#: Above this many characters of input, parse with both cores.
PARALLEL_THRESHOLD = 200_000
#: The progress bar appears only once a parse has taken this long.
PROGRESS_DELAY = 3.0


# --- extraction --------------------------------------------------------------------------


def parse_processes(characters: int, processes: int | None = None) -> int:
    """How many spaCy processes parse a language group of ``characters`` characters.

    ``processes`` is the user's choice (``kg build --processes``); by default a small
    corpus is parsed in this process and a large one by two forked parsers, which is
    about twice as fast on two cores but holds a copy of the model in each.
    """
    if processes is not None:
        return processes
    return min(2, os.cpu_count() or 1) if characters > PARALLEL_THRESHOLD else 1


def extract_facts(
    documents: Sequence[Document],
    lexicon: Lexicon,
    *,
    progress: bool = False,
    warnings: list[str] | None = None,
    processes: int | None = None,
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
            if warnings is not None:
                warnings.extend(_unread_language(d) for d in group)
            continue
        n_process = parse_processes(sum(len(d.text) for d in group), processes)
        with _CtrlCForTheParentOnly():
            yield from reader_for(language).read(
                group, lexicon, n_process=n_process, progress=progress
            )


def _unread_language(document: Document) -> str:
    return (
        f"{display_path(document.path)}: language {document.language!r} is not one we read "
        f"({', '.join(LANGUAGES)}); skipped"
    )


def extract(
    paths: Sequence[str | Path],
    *,
    encoding: str | None = None,
    skip_bad: bool = False,
    progress: bool = False,
    lexicon_files: Sequence[str | Path] = (),
    root: str | Path | None = None,
    published: str | None = None,
    language: str | None = None,
) -> Extraction:
    """Read, parse and extract (no cache, one process): the library's simplest entry point.

    ``root`` is the folder stored paths are relative to (default: the one holding the
    given paths); ``published`` is the date of documents that state none (2024-03);
    ``language`` overrides the detected language of every document (``--language en``).
    """
    _check_language(language)
    corpus = read_corpus(
        paths, root=root, encoding=encoding, skip_bad=skip_bad, published=published
    )
    if language is not None:
        corpus = replace(
            corpus, documents=tuple(replace(d, language=language) for d in corpus.documents)
        )
    return extract_corpus(corpus, load_lexicon(lexicon_files), progress=progress)


def _check_language(language: str | None) -> None:
    if language is not None and language not in LANGUAGES:
        from graph.lang import UnsupportedLanguageError

        raise UnsupportedLanguageError(
            f"--language {language!r} is not one we read; choose one of {', '.join(LANGUAGES)}"
        )


def extract_corpus(corpus: Corpus, lexicon: Lexicon, *, progress: bool = False) -> Extraction:
    """Parse and extract documents already read (every input check has passed)."""
    if not corpus.documents:
        raise NoDocumentsError("every input document was skipped; nothing to build")
    warnings: list[str] = []
    facts = [
        _compact(f)
        for f in extract_facts(corpus.documents, lexicon, progress=progress, warnings=warnings)
    ]
    if not facts:
        raise NoDocumentsError("; ".join(warnings) or "no document could be read")
    return assemble(facts, lexicon, corpus.skipped, corpus.warnings + tuple(warnings))


def _compact(facts: DocumentFacts) -> DocumentFacts:
    """Facts without the document's text: all the later stages need (memory is bounded by
    the fact tables, not by the corpus)."""
    return replace(facts, document=without_text(facts.document))


class _CtrlCForTheParentOnly:
    """While active, Ctrl-C stops the build and its parse workers quietly.

    Ctrl-C on a terminal signals the whole process group; left alone, every spaCy worker
    prints its own KeyboardInterrupt traceback, and a worker blocked on a full pipe keeps
    the build waiting. So workers forked meanwhile ignore SIGINT, and the build, on
    SIGINT, terminates them and raises one KeyboardInterrupt (one line and exit 130 in
    ``graph.cli``).
    """

    active = False

    @classmethod
    def after_fork_in_child(cls) -> None:
        if cls.active:
            signal.signal(signal.SIGINT, signal.SIG_IGN)

    @staticmethod
    def _interrupt(signum: int, frame: object) -> None:
        import multiprocessing
        import warnings

        # spaCy warns (W127) that its workers did not finish: we stopped them.
        warnings.filterwarnings("ignore", message=r".*W127")
        for child in multiprocessing.active_children():
            child.terminate()
        raise KeyboardInterrupt

    def __enter__(self) -> None:
        type(self).active = True
        self._previous = None
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._interrupt)

    def __exit__(self, *exc_info: object) -> None:
        type(self).active = False
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_CtrlCForTheParentOnly.after_fork_in_child)


# --- the build ---------------------------------------------------------------------------


def _count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"


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
    parsed: int = 0  # documents parsed by this build (the others came from the cache)
    up_to_date: bool = False  # nothing had changed: no output was rewritten
    stages: tuple[tuple[str, float], ...] = field(default=())  # seconds per stage

    def line(self) -> str:
        files = ", ".join(display_path(p) for p in self.outputs)
        counts = (
            f"{_count(self.entities, 'entity', 'entities')}, "
            f"{_count(self.relations, 'relation')}, {_count(self.attributes, 'attribute')}"
        )
        if self.up_to_date:
            return (
                f"Up to date: {files} from {_count(self.documents, 'document')}: {counts} "
                f"(nothing changed since the last build; {self.seconds:.1f}s)"
            )
        reused = self.documents - self.parsed
        tail = f" ({_count(reused, 'document')} from the cache)" if reused > 0 else ""
        return (
            f"Built {files} from {_count(self.documents, 'document')}: {counts} "
            f"in {self.seconds:.1f}s{tail}"
        )


class _Stages:
    """Wall-clock seconds per stage, for the summary and the scale benchmark."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.seconds[name] = self.seconds.get(name, 0.0) + now - self._last
        self._last = now


@dataclass
class _Scan:
    """Every input read once, before any parse: records without text, and what was passed
    over. Holding no text, it stays small for any corpus."""

    documents: list[Document]  # readable, in build order, without text
    sizes: dict[str, int]  # characters per doc_id
    sources: dict[str, SourceFile]
    log: ReadLog
    unread: list[str]  # warnings: documents in a language we do not read


def _scan(
    paths: Sequence[str | Path],
    *,
    root: str | Path | None,
    encoding: str | None,
    skip_bad: bool,
    published: str | None,
    language: str | None = None,
) -> _Scan:
    log = ReadLog()
    sources, _ = list_sources(paths, root=root, skip_bad=skip_bad, log=log)
    documents: list[Document] = []
    sizes: dict[str, int] = {}
    for document in iter_documents(
        sources, encoding=encoding, skip_bad=skip_bad, published=published, log=log
    ):
        if language is not None:
            document = replace(document, language=language)  # --language: the user knows
        documents.append(without_text(document))
        sizes[document.doc_id] = len(document.text)
    if not documents:
        raise NoDocumentsError("every input document was skipped; nothing to build")
    readable = [d for d in documents if d.language in LANGUAGES]
    unread = [_unread_language(d) for d in documents if d.language not in LANGUAGES]
    if not readable:
        raise NoDocumentsError("; ".join(unread))
    return _Scan(readable, sizes, {s.doc_id: s for s in sources}, log, unread)


def build_outputs(
    paths: Sequence[str | Path],
    out_dir: str | Path,
    *,
    encoding: str | None = None,
    skip_bad: bool = False,
    progress: bool = False,
    lexicon_files: Sequence[str | Path] = (),
    formats: Sequence[str] = (),
    root: str | Path | None = None,
    published: str | None = None,
    use_cache: bool = True,
    workers: int | None = None,
    cluster: str | None = None,
    processes: int | None = None,
    notify: Callable[[str], None] | None = None,
    language: str | None = None,
    store: str | Path | None = None,
) -> BuildSummary:
    """Build ``graph.ttl``, ``graph.html`` and ``graph.<ext>`` per extra format in ``out_dir``.

    ``use_cache``: take unchanged documents' facts from ``out_dir``'s cache (new facts are
    stored there either way, so a forced full build refreshes the cache). ``workers``:
    parse on a local Dask cluster of that many processes; ``cluster``: on the Dask
    scheduler at that address; ``processes``: spaCy processes on this machine otherwise
    (default: :func:`parse_processes`). ``store``: also sync the graph into that Oxigraph store
    folder (one named graph per document, see :mod:`graph.store`), before the outputs
    are swapped in. ``notify`` receives notes worth telling the user while the build runs
    (why everything is read again).
    """
    started = time.perf_counter()
    stages = _Stages()
    formats = tuple(dict.fromkeys(formats))
    if formats:
        from graph.export import check_format

        for fmt in formats:
            check_format(fmt)
    _check_language(language)
    with OutputFolder.prepare(out_dir, inputs=[Path(p) for p in paths]) as folder:
        if store is not None:
            _check_store(Path(store))
        lexicon = load_lexicon(lexicon_files)
        scan = _scan(
            paths,
            root=root,
            encoding=encoding,
            skip_bad=skip_bad,
            published=published,
            language=language,
        )
        fingerprints = _fingerprints({d.language for d in scan.documents}, lexicon)
        key = _build_key(scan.documents, fingerprints, formats)
        warnings = (*scan.log.warnings, *scan.unread)
        stages.lap("read")
        # With --store, the store is synced on every build (it keeps its own digests).
        if use_cache and store is None and (manifest := folder.unchanged_since(key)):
            counts = manifest.get("counts", {})
            return BuildSummary(
                documents=counts.get("documents", len(scan.documents)),
                entities=counts.get("entities", 0),
                relations=counts.get("relations", 0),
                attributes=counts.get("attributes", 0),
                seconds=time.perf_counter() - started,
                outputs=tuple(Path(out_dir) / n for n in manifest.get("outputs", ())),
                skipped=tuple(scan.log.skipped),
                warnings=warnings,
                up_to_date=True,
                stages=tuple(stages.seconds.items()),
            )
        from graph.cache import CACHE_FILE

        with ExitStack() as stack:
            # The cache is written either way: --no-cache only keeps the build from
            # taking anything out of it.
            cache = stack.enter_context(_open_cache(folder.shared_path(CACHE_FILE), notify))
            facts = _cached_facts(cache, scan.documents, fingerprints, notify) if use_cache else {}
            stages.lap("cache")
            work = _ToParse(
                tuple(d for d in scan.documents if d.doc_id not in facts),
                scan.sizes,
                scan.sources,
                encoding,
                published,
            )
            stream = _parse(work, lexicon, workers=workers, cluster=cluster, processes=processes)
            for new in _with_progress(stream, len(work.documents), enabled=progress):
                facts[new.document.doc_id] = new
                cache.put(new, fingerprints[new.document.language])
        stages.lap("parse")
        extraction = assemble(
            [facts[d.doc_id] for d in scan.documents],
            lexicon,
            tuple(scan.log.skipped),
            warnings,
        )
        del facts  # the per-document records: the extraction holds what the outputs need
        stages.lap("assemble")
        names = _write_outputs(extraction, folder, formats, stages, store=store)
        counts = {
            "documents": len(extraction.documents),
            "entities": len(extraction.entities),
            "relations": len(extraction.relations),
            "attributes": len(extraction.attributes),
        }
        folder.commit(names, shared=[CACHE_FILE], record={"build_key": key, "counts": counts})
        stages.lap("commit")
    return BuildSummary(
        **counts,
        seconds=time.perf_counter() - started,
        outputs=tuple(Path(out_dir) / name for name in names)
        + ((Path(store),) if store is not None else ()),
        skipped=extraction.skipped,
        warnings=extraction.warnings,
        parsed=len(work.documents),
        stages=tuple(stages.seconds.items()),
    )


def _open_cache(path: Path, notify: Callable[[str], None] | None):
    """The cache at ``path``; one that cannot be read (damaged, not a cache) is replaced
    by a new, empty one: it only ever saves work, so losing it loses no data."""
    from graph.cache import CacheError, FactCache

    try:
        return FactCache(path)
    except CacheError as exc:
        if notify:
            notify(
                f"{display_path(path)} is not a usable cache ({exc.__cause__ or exc}); "
                "starting a new one, so every document is read again."
            )
        path.unlink(missing_ok=True)
        return FactCache(path)


def _cached_facts(
    cache,
    documents: Sequence[Document],
    fingerprints: dict[str, str],
    notify: Callable[[str], None] | None,
) -> dict[str, DocumentFacts]:
    """The facts the cache has for these documents (by doc_id); says when an extractor
    changed since the last build, since then every document of its language is read."""
    facts = cache.lookup(documents, fingerprints)
    for language, fingerprint in sorted(fingerprints.items()):
        hits = sum(1 for d in documents if d.language == language and d.doc_id in facts)
        if not hits and cache.other_fingerprints(language, fingerprint) and notify:
            notify(
                f"The {language!r} extractor changed since the last build (code, patterns, "
                "lexicon or model version): every document is read again."
            )
    cache.forget_other_fingerprints(fingerprints)
    return facts


def _fingerprints(languages: Iterable[str], lexicon: Lexicon) -> dict[str, str]:
    from graph.cache import extractor_fingerprint

    return {
        language: extractor_fingerprint(reader_for(language).fingerprint(), lexicon)
        for language in sorted(languages)
    }


def _build_key(
    documents: Sequence[Document], fingerprints: dict[str, str], formats: Sequence[str]
) -> str:
    """Everything the outputs depend on: the documents' records (text by its hash), the
    extractor of each language, the package's code and the formats asked for."""
    from graph.cache import package_fingerprint

    digest = hashlib.sha256()
    settings = {"fingerprints": fingerprints, "formats": list(formats)}
    settings["package"] = package_fingerprint()
    digest.update(json.dumps(settings, sort_keys=True).encode())
    for d in documents:
        record = [d.doc_id, d.path, d.title, d.language, d.sha256, d.published]
        digest.update(json.dumps(record, ensure_ascii=False).encode() + b"\n")
    return digest.hexdigest()


def _reread(
    documents: Sequence[Document],
    sources: dict[str, SourceFile],
    *,
    encoding: str | None,
    published: str | None,
) -> Iterator[Document]:
    """The documents to parse, with their text, read again one at a time."""
    for document in documents:
        source = sources[document.doc_id]
        again = read_document(
            source.path,
            encoding=encoding,
            doc_id=document.doc_id,
            stored_path=document.path,
            published=published,
        )
        if again.sha256 != document.sha256:
            raise BadDocumentError(
                display_path(source.path),
                "changed while the build was reading it",
                "run the build again",
            )
        if again.language != document.language:
            again = replace(again, language=document.language)  # --language
        yield again


@dataclass(frozen=True)
class _ToParse:
    """The documents a build must parse, and how to get their text back."""

    documents: tuple[Document, ...]  # without text, in build order
    sizes: dict[str, int]  # characters per doc_id
    sources: dict[str, SourceFile]
    encoding: str | None
    published: str | None

    def texts(self, documents: Sequence[Document]) -> Iterator[Document]:
        return _reread(documents, self.sources, encoding=self.encoding, published=self.published)


def _parse(
    work: _ToParse,
    lexicon: Lexicon,
    *,
    workers: int | None,
    cluster: str | None,
    processes: int | None = None,
) -> Iterator[DocumentFacts]:
    """Compact facts of every document to parse, in this process or on a Dask cluster."""
    if not work.documents:
        return
    by_language: dict[str, list[Document]] = defaultdict(list)
    for document in work.documents:
        by_language[document.language].append(document)
    if workers is None and cluster is None:
        for language in sorted(by_language):
            group = by_language[language]
            size = sum(work.sizes[d.doc_id] for d in group)
            n_process = parse_processes(size, processes)
            with _CtrlCForTheParentOnly():
                stream = reader_for(language).read(work.texts(group), lexicon, n_process=n_process)
                for facts in stream:
                    compact = _compact(facts)
                    del facts  # the text goes now, not when the next document arrives
                    yield compact
        return
    from graph.cluster import ParseCluster
    from graph.records import facts_from_json

    ordered = [d for language in sorted(by_language) for d in by_language[language]]
    with ParseCluster.connect(cluster) if cluster else ParseCluster.local(workers or 1) as dask:
        dask.check_workers(by_language)
        for records in dask.read(work.texts(ordered), lexicon):
            yield facts_from_json(records.facts_json)


def _with_progress(
    items: Iterator[DocumentFacts], total: int, *, enabled: bool
) -> Iterator[DocumentFacts]:
    if not enabled or not total:
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(
        items, total=total, unit="doc", desc="reading", delay=PROGRESS_DELAY, leave=False
    )


def _check_store(store: Path) -> None:
    """The --store folder's checks, before any parse (graph.store.write_store repeats them)."""
    from graph.store import StoreError, is_store_folder

    if store.exists() and not store.is_dir():
        raise StoreError(f"{store} is a file; --store needs a folder (new or from kg build)")
    if store.is_dir() and any(store.iterdir()) and not is_store_folder(store):
        raise StoreError(
            f"{store} holds other files and no graph store; give a new or empty folder "
            "for --store (nothing in it was changed)"
        )


def _write_outputs(
    extraction: Extraction,
    folder: OutputFolder,
    formats: Iterable[str],
    stages: _Stages,
    *,
    store: str | Path | None = None,
) -> list[str]:
    """Write every output into the staging folder (and sync the store, if one is named);
    returns the names written into the folder, in order.

    No rdflib graph is built: the Turtle comes from the records' lines
    (:mod:`graph.lines`) and the page from the records (:mod:`graph.view`), both the
    bytes the rdflib path gives. Extra formats and the store read the Turtle just
    written, streamed through Oxigraph's parser (lexical forms kept).
    """
    from graph.lines import iter_extraction_lines
    from graph.namespaces import PREFIXES
    from graph.ntriples import write_turtle_document
    from graph.view import write_extraction_html

    names = ["graph.ttl", "graph.html"]
    prefixes = {**PREFIXES, "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}
    # Lines are made one subject at a time and the Turtle streams to the file: neither
    # the lines nor the document is ever whole in memory.
    write_turtle_document(folder.path("graph.ttl"), iter_extraction_lines(extraction), prefixes)
    stages.lap("turtle")
    title = extraction.documents[0].title if len(extraction.documents) == 1 else "Knowledge graph"
    language = extraction.documents[0].language
    write_extraction_html(extraction, folder.path("graph.html"), title=title, language=language)
    stages.lap("html")
    extra = [fmt for fmt in formats if fmt != "turtle"]  # graph.ttl is always written
    if extra or store is not None:
        from graph.store import GraphSource

        graph = GraphSource(folder.path("graph.ttl"))
    if extra:
        from graph.export import SUFFIXES, export_graph

        for fmt in extra:
            name = "neo4j" if fmt == "neo4j" else f"graph{SUFFIXES[fmt]}"
            export_graph(graph, fmt, folder.path(name))
            names.append(name)
        stages.lap("formats")
    if store is not None:  # the on-disk store: one named graph per document (graph.store)
        from graph.store import write_store

        write_store(graph, store)
        stages.lap("store")
    return names
