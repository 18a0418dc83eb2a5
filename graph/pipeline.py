"""The whole build: documents -> parse -> facts -> entities -> graph -> files.

``extract(paths)`` returns the typed :class:`~graph.model.Extraction`; ``build_outputs``
also writes ``graph.ttl`` and ``graph.html`` (atomically: a failed build leaves the old
files as they were).
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from graph.documents import find_documents, read_documents
from graph.entities import merge_entities
from graph.extract import DocumentFacts, extract_document
from graph.lexicon import load_cues, load_lexicon
from graph.model import AttributeFact, Evidence, Extraction, RelationFact
from graph.nlp import parse_documents
from graph.ontology import symmetric_relations
from graph.outputs import serialize_turtle, write_atomic
from graph.patterns import load_patterns
from graph.rdf import build_graph

__all__ = ["BuildSummary", "build_outputs", "extract"]

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
) -> Extraction:
    """Read, parse and extract: the library entry point behind ``kg build``."""
    skipped: list[str] = []
    documents = list(
        read_documents(find_documents(paths), encoding=encoding, skip_bad=skip_bad, skipped=skipped)
    )
    if not documents:
        from graph.errors import NoDocumentsError

        raise NoDocumentsError("every input document was skipped; nothing to build")
    lexicon = load_lexicon(lexicon_files)
    cues = load_cues()
    patterns = load_patterns()
    size = sum(len(d.text) for d in documents)
    n_process = min(2, os.cpu_count() or 1) if size > PARALLEL_THRESHOLD else 1
    facts: list[DocumentFacts] = []
    for document, sentences in zip(
        documents, parse_documents(documents, n_process=n_process, progress=progress), strict=False
    ):
        facts.append(
            extract_document(
                sentences, document=document, lexicon=lexicon, cues=cues, patterns=patterns
            )
        )
    return _assemble(facts, lexicon, tuple(skipped))


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


@dataclass(frozen=True)
class BuildSummary:
    documents: int
    entities: int
    relations: int
    attributes: int
    seconds: float
    outputs: tuple[Path, ...]
    skipped: tuple[str, ...]

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
        paths, encoding=encoding, skip_bad=skip_bad, progress=progress, lexicon_files=lexicon_files
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
    )
