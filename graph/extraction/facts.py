"""One document's readings -> its :class:`~graph.model.DocumentFacts`.

The order is the point of the design: collect every name and frame of the document,
decide classes once (cue votes, then the votes of the roles names fill, twice so that a
class learnt in one frame can type the other end of another), and only then match the
frames against the patterns. A name typed by its role in the last sentence is typed in
the first one too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from graph.extraction.matching import match_frame, role_votes
from graph.extraction.patterns import PatternIndex
from graph.extraction.readings import Name, SentenceReading, Vote
from graph.extraction.typing import Decision, decide_classes
from graph.model import (
    AttributeClaim,
    Document,
    DocumentFacts,
    Evidence,
    Mention,
    RelationClaim,
)

__all__ = ["decide_document_classes", "document_facts"]

_ROUNDS = 2


def decide_document_classes(
    readings: Sequence[SentenceReading], index: PatternIndex
) -> dict[str, Decision]:
    cue_votes: dict[str, list[Vote]] = defaultdict(list)
    for reading in readings:
        for name in reading.names:
            cue_votes[name.key].extend(name.votes)
    by_cue = decide_classes(cue_votes)
    untyped = {key for key in cue_votes if key not in by_cue}
    frames = [frame for reading in readings for frame in reading.frames]
    decisions = by_cue
    for _ in range(_ROUNDS):
        classes = {key: d.entity_class for key, d in decisions.items()}
        votes = {key: list(v) for key, v in cue_votes.items()}
        for key, vote in role_votes(frames, index, classes, eligible=untyped):
            votes.setdefault(key, []).append(vote)
        decisions = decide_classes(votes)
    return decisions


def _mention(document: Document, name: Name, decision: Decision) -> Mention:
    return Mention(
        text=name.surface,
        doc_id=document.doc_id,
        start=name.start,
        end=name.end,
        entity_class=decision.entity_class,
        key=name.key,
        canonical=name.canonical,
        cue=decision.cue,
        wikidata=name.wikidata,
    )


def _evidence(
    document: Document,
    reading: SentenceReading,
    span: tuple[int, int],
    method: str,
    confidence: float,
    raw_text: str = "",
) -> Evidence:
    return Evidence(
        doc_id=document.doc_id,
        sentence=reading.text,
        sentence_start=reading.start,
        start=span[0],
        end=span[1],
        method=method,
        confidence=confidence,
        raw_text=raw_text,
    )


def document_facts(
    document: Document,
    readings: Sequence[SentenceReading],
    index: PatternIndex,
    warnings: tuple[str, ...] = (),
) -> DocumentFacts:
    decisions = decide_document_classes(readings, index)
    classes = {key: d.entity_class for key, d in decisions.items()}
    mentions: list[Mention] = []
    relations: list[RelationClaim] = []
    attributes: list[AttributeClaim] = []
    for reading in readings:
        for name in reading.names:
            decision = decisions.get(name.key)
            if decision is not None and not name.reference:
                mentions.append(_mention(document, name, decision))
        for frame in reading.frames:
            for match in match_frame(frame, index, classes):
                span = (
                    min(match.subject.start, match.object.start, frame.start),
                    max(match.subject.end, match.object.end, frame.end),
                )
                method = f"pattern:{match.pattern.id}/{frame.trigger}/{match.subject.via}"
                if match.object.via != "tree":
                    method += f"+{match.object.via}"
                relations.append(
                    RelationClaim(
                        match.subject.key,
                        match.pattern.relation,
                        match.object.key,
                        _evidence(document, reading, span, method, match.confidence),
                    )
                )
        for value in reading.attributes:
            if classes.get(value.subject) not in value.classes:
                continue
            baseline = value.baseline if value.baseline in classes else None
            attributes.append(
                AttributeClaim(
                    subject=value.subject,
                    property=value.property,
                    value=value.value,
                    datatype=value.datatype,
                    evidence=_evidence(
                        document,
                        reading,
                        (value.start, value.end),
                        value.method,
                        value.confidence,
                        value.raw_text,
                    ),
                    unit=value.unit,
                    baseline=baseline,
                )
            )
    return DocumentFacts(
        document=document,
        mentions=tuple(mentions),
        relations=_best_per_sentence(relations),
        attributes=tuple(attributes),
        warnings=warnings,
    )


def _best_per_sentence(claims: list[RelationClaim]) -> tuple[RelationClaim, ...]:
    """One claim per fact and sentence: the most confident reading of it."""
    best: dict[tuple[str, str, str, int], RelationClaim] = {}
    for claim in claims:
        key = (claim.subject, claim.predicate, claim.object, claim.evidence.sentence_start)
        if key not in best or claim.evidence.confidence > best[key].evidence.confidence:
            best[key] = claim
    return tuple(best.values())
