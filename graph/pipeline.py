"""The whole build: documents -> parse -> facts -> entities -> graph -> files.

``extract(paths)`` returns the typed :class:`~graph.model.Extraction`; ``build_outputs``
also writes ``graph.ttl``, ``graph.html`` and any extra formats, all or nothing: every
check that can fail runs before parsing, and the outputs are swapped in together
(:class:`~graph.outputs.OutputFolder`), so a failed or interrupted build leaves the old
files as they were.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from graph.documents import Corpus, display_path, read_corpus
from graph.entities import merge_entities
from graph.extract import DocumentFacts, extract_document
from graph.lexicon import load_cues, load_lexicon
from graph.model import AttributeFact, Evidence, Extraction, RelationFact
from graph.nlp import parse_documents
from graph.ontology import symmetric_relations
from graph.outputs import OutputFolder, serialize_turtle, write_atomic
from graph.patterns import load_patterns
from graph.rdf import build_graph

__all__ = ["BuildSummary", "build_outputs", "extract", "extract_corpus"]

#: Above this many characters of input, parse with both cores.
PARALLEL_THRESHOLD = 200_000


def _combine(confidences: Sequence[float]) -> float:
    """Noisy-OR: independent sentences that support a fact make it more certain."""
    remaining = 1.0
    for confidence in confidences:
        remaining *= 1.0 - confidence
    return round(min(0.99, 1.0 - remaining), 3)


def extract(
    paths: Sequence[str | Path],
    *,
    encoding: str | None = None,
    skip_bad: bool = False,
    progress: bool = False,
    lexicon_files: Sequence[str | Path] = (),
    root: str | Path | None = None,
    published: str | None = None,
) -> Extraction:
    """Read, parse and extract: the library entry point behind ``kg build``.

    ``root`` is the folder stored paths are relative to (default: the one holding every
    input); ``published`` is the date of documents that state none (ISO, e.g. 2024-03).
    """
    corpus = read_corpus(
        paths, root=root, encoding=encoding, skip_bad=skip_bad, published=published
    )
    return extract_corpus(corpus, load_lexicon(lexicon_files), progress=progress)


def extract_corpus(corpus: Corpus, lexicon, *, progress: bool = False) -> Extraction:
    """Parse and extract documents already read (every input check has passed)."""
    documents = list(corpus.documents)
    if not documents:
        from graph.errors import NoDocumentsError

        raise NoDocumentsError("every input document was skipped; nothing to build")
    cues = load_cues()
    patterns = load_patterns()
    size = sum(len(d.text) for d in documents)
    n_process = min(2, os.cpu_count() or 1) if size > PARALLEL_THRESHOLD else 1
    facts: list[DocumentFacts] = []
    with _CtrlCForTheParentOnly():
        parsed = parse_documents(documents, n_process=n_process, progress=progress)
        for document, sentences in zip(documents, parsed, strict=False):
            facts.append(
                extract_document(
                    sentences, document=document, lexicon=lexicon, cues=cues, patterns=patterns
                )
            )
    return _assemble(facts, lexicon, corpus.skipped)


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


def _assemble(facts: list[DocumentFacts], lexicon, skipped: tuple[str, ...]) -> Extraction:
    languages = {f.document.doc_id: f.document.language for f in facts}
    entities, key_map = merge_entities((m for f in facts for m in f.mentions), lexicon, languages)
    known = {e.key for e in entities}

    relation_evidence: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for fact in facts:
        for subject, relation, obj, evidence in fact.relations:
            subject, obj = key_map.get(subject, subject), key_map.get(obj, obj)
            if subject not in known or obj not in known or subject == obj:
                continue
            if relation in symmetric_relations() and obj < subject:
                subject, obj = obj, subject
            relation_evidence[(subject, relation, obj)].append(evidence)
    relations = tuple(
        RelationFact(s, p, o, tuple(_sorted_evidence(ev)), _combine([e.confidence for e in ev]))
        for (s, p, o), ev in sorted(relation_evidence.items())
    )

    attribute_evidence: dict[tuple[str, str, object], list] = defaultdict(list)
    for fact in facts:
        for candidate, evidence in fact.attributes:
            subject = key_map.get(candidate.subject.key, candidate.subject.key)
            if subject not in known:
                continue
            attribute_evidence[(subject, candidate.property, candidate.value)].append(
                (candidate, evidence)
            )
    # Functional properties: keep the best-supported value per (subject, property).
    best: dict[tuple[str, str], tuple[float, object]] = {}
    for (subject, prop, value), items in attribute_evidence.items():
        score = _combine([e.confidence for _, e in items])
        current = best.get((subject, prop))
        if current is None or (score, str(value)) > (current[0], str(current[1])):
            best[(subject, prop)] = (score, value)
    attributes = []
    for (subject, prop), (score, value) in sorted(best.items()):
        items = attribute_evidence[(subject, prop, value)]
        candidate = items[0][0]
        baseline = candidate.baseline.key if candidate.baseline else None
        baseline = key_map.get(baseline, baseline) if baseline else None
        attributes.append(
            AttributeFact(
                subject=subject,
                property=prop,
                value=value if not isinstance(value, float) else Decimal(str(value)),
                datatype=candidate.datatype,
                evidence=tuple(_sorted_evidence([e for _, e in items])),
                confidence=score,
                unit=candidate.unit,
                baseline=baseline if baseline in known and baseline != subject else None,
            )
        )
    return Extraction(
        documents=tuple(f.document for f in facts),
        entities=entities,
        relations=relations,
        attributes=tuple(attributes),
        skipped=skipped,
    )


def _sorted_evidence(evidence: list[Evidence]) -> list[Evidence]:
    unique = {(e.doc_id, e.start, e.end, e.method): e for e in evidence}
    return [unique[k] for k in sorted(unique)]


def _count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


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
        files = ", ".join(display_path(p) for p in self.outputs)
        return (
            f"Built {files} from {_count(self.documents, 'document')}: "
            f"{_count(self.entities, 'entity', 'entities')}, "
            f"{_count(self.relations, 'relation')}, {_count(self.attributes, 'attribute')} "
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
    root: str | Path | None = None,
    published: str | None = None,
) -> BuildSummary:
    """Extract, then write ``graph.ttl``, ``graph.html`` and ``graph.<ext>`` per extra format.

    Everything that can fail without parsing is checked first, in this order: formats,
    the output folder, the lexicon, every input document. Only then is anything parsed;
    the outputs appear together at the end, or not at all.
    """
    started = time.perf_counter()
    if formats:
        from graph.export import check_format

        for fmt in formats:
            check_format(fmt)
    with OutputFolder.prepare(out_dir, inputs=[Path(p) for p in paths]) as folder:
        lexicon = load_lexicon(lexicon_files)
        corpus = read_corpus(
            paths, root=root, encoding=encoding, skip_bad=skip_bad, published=published
        )
        extraction = extract_corpus(corpus, lexicon, progress=progress)
        names = _write_outputs(extraction, folder, formats)
        folder.commit(names)
    out = Path(out_dir)
    return BuildSummary(
        documents=len(extraction.documents),
        entities=len(extraction.entities),
        relations=len(extraction.relations),
        attributes=len(extraction.attributes),
        seconds=time.perf_counter() - started,
        outputs=tuple(out / name for name in names),
        skipped=extraction.skipped,
        warnings=corpus.warnings,
    )


def _write_outputs(
    extraction: Extraction, folder: OutputFolder, formats: Iterable[str]
) -> list[str]:
    """Write every output into the staging folder; returns their names, in order."""
    graph = build_graph(extraction)
    names = ["graph.ttl", "graph.html"]
    write_atomic(folder.path("graph.ttl"), serialize_turtle(graph))
    from graph.html import write_html

    title = extraction.documents[0].title if len(extraction.documents) == 1 else "Knowledge graph"
    language = extraction.documents[0].language
    write_html(graph, folder.path("graph.html"), title=title, language=language)
    extra = [fmt for fmt in dict.fromkeys(formats) if fmt != "turtle"]  # graph.ttl: always
    if extra:
        from graph.export import SUFFIXES, export_graph

        for fmt in extra:
            name = "neo4j" if fmt == "neo4j" else f"graph{SUFFIXES[fmt]}"
            export_graph(graph, fmt, folder.path(name))
            names.append(name)
    return names
