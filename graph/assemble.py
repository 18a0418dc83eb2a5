"""Merge the per-document facts of a corpus into one :class:`~graph.model.Extraction`.

Language neutral: entities are merged across documents and languages (through the
shared gazetteer's canonical names), claims are mapped onto the merged entities, and
every fact gets a noisy-OR confidence over its independent evidence. The result depends
only on the multiset of :class:`~graph.model.DocumentFacts`, not on the order in which
they arrive (a cache, a cluster or a streaming build may deliver them in any order).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal

from graph.entities import merge_entities
from graph.lexicon import Lexicon
from graph.model import (
    AttributeClaim,
    AttributeFact,
    DocumentFacts,
    Evidence,
    Extraction,
    RelationFact,
)
from graph.ontology import symmetric_relations

__all__ = ["assemble", "combine_confidence"]


def combine_confidence(confidences: Sequence[float]) -> float:
    """Noisy-OR: independent sentences that support a fact make it more certain."""
    remaining = 1.0
    for confidence in confidences:
        remaining *= 1.0 - confidence
    return round(min(0.99, 1.0 - remaining), 3)


def _sorted_evidence(evidence: Iterable[Evidence]) -> tuple[Evidence, ...]:
    unique = {(e.doc_id, e.start, e.end, e.method): e for e in evidence}
    return tuple(unique[k] for k in sorted(unique))


def assemble(
    facts: Iterable[DocumentFacts],
    lexicon: Lexicon,
    skipped: tuple[str, ...] = (),
    warnings: tuple[str, ...] = (),
) -> Extraction:
    ordered = sorted(facts, key=lambda f: (f.document.doc_id, f.document.path))
    languages = {f.document.doc_id: f.document.language for f in ordered}
    entities, key_map = merge_entities((m for f in ordered for m in f.mentions), lexicon, languages)
    known = {e.key for e in entities}
    symmetric = symmetric_relations()

    relation_evidence: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for fact in ordered:
        for claim in fact.relations:
            subject = key_map.get(claim.subject, claim.subject)
            obj = key_map.get(claim.object, claim.object)
            if subject not in known or obj not in known or subject == obj:
                continue
            if claim.predicate in symmetric and obj < subject:
                subject, obj = obj, subject
            relation_evidence[(subject, claim.predicate, obj)].append(claim.evidence)
    relations = tuple(
        RelationFact(s, p, o, _sorted_evidence(ev), combine_confidence([e.confidence for e in ev]))
        for (s, p, o), ev in sorted(relation_evidence.items())
    )

    by_value: dict[tuple[str, str, object], list[AttributeClaim]] = defaultdict(list)
    for fact in ordered:
        for claim in fact.attributes:
            subject = key_map.get(claim.subject, claim.subject)
            if subject in known:
                by_value[(subject, claim.property, claim.value)].append(claim)
    # Functional properties: keep the best-supported value per (subject, property).
    best: dict[tuple[str, str], tuple[float, object]] = {}
    for (subject, prop, value), claims in by_value.items():
        score = combine_confidence([c.evidence.confidence for c in claims])
        current = best.get((subject, prop))
        if current is None or (score, str(value)) > (current[0], str(current[1])):
            best[(subject, prop)] = (score, value)
    attributes = []
    for (subject, prop), (score, value) in sorted(best.items()):
        claims = by_value[(subject, prop, value)]
        first = min(claims, key=lambda c: (c.evidence.doc_id, c.evidence.start))
        baseline = key_map.get(first.baseline, first.baseline) if first.baseline else None
        attributes.append(
            AttributeFact(
                subject=subject,
                property=prop,
                value=Decimal(str(value)) if isinstance(value, float) else value,
                datatype=first.datatype,
                evidence=_sorted_evidence(c.evidence for c in claims),
                confidence=score,
                unit=first.unit,
                baseline=baseline if baseline in known and baseline != subject else None,
            )
        )
    return Extraction(
        documents=tuple(f.document for f in ordered),
        entities=entities,
        relations=relations,
        attributes=tuple(attributes),
        skipped=skipped,
        warnings=warnings + tuple(w for f in ordered for w in f.warnings),
    )
