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
    readings: Sequence[SentenceReading], index: PatternIndex, strong_cue: float | None = None
) -> dict[str, Decision]:
    """Each name's class: its cues, then the roles it fills. With ``strong_cue`` (a reader
    whose cue weights are on that scale), roles also add to names the cues typed weakly;
    without it, only to names the cues left untyped."""
    cue_votes: dict[str, list[Vote]] = defaultdict(list)
    inferable: dict[str, frozenset[str]] = {}
    named: set[str] = set()  # keys some occurrence of which looks like a name
    for reading in readings:
        for name in reading.names:
            cue_votes[name.key].extend(name.votes)
            if not name.weak:
                named.add(name.key)
            if name.inferable is not None and not name.reference:
                inferable[name.key] = inferable.get(name.key, name.inferable) & name.inferable
    by_cue = decide_classes(cue_votes)
    # Roles may add to a class only where the cues are weak: one role never outweighs a
    # gazetteer entry, a marker or a type noun in apposition.
    if strong_cue is None:
        untyped = {key for key in cue_votes if key not in by_cue}
    else:
        untyped = {key for key in cue_votes if _strongest(cue_votes[key]) < strong_cue}
    # A value only a model has (a parameter count, a quality ratio) is evidence of a model.
    for reading in readings:
        for value in reading.attributes:
            if (
                value.property in _MODEL_ONLY
                and value.classes == frozenset({"AIModel"})
                and value.subject in untyped
            ):
                cue_votes[value.subject].append(Vote("AIModel", 1.0, f"attribute:{value.property}"))
    decisions = by_cue
    for _ in range(_ROUNDS):
        classes = {key: d.entity_class for key, d in decisions.items()}
        votes = {key: list(v) for key, v in cue_votes.items()}
        weak = frozenset(cue_votes) - named
        for reading in readings:
            # One sentence is one piece of evidence: frames that read the same words twice
            # (an event noun and its idiom, ベース and ベースにする) vote once per class.
            strongest: dict[tuple[str, str], Vote] = {}
            for key, vote in role_votes(reading.frames, index, classes, untyped, inferable, weak):
                held = strongest.get((key, vote.entity_class))
                if held is None or vote.weight > held.weight:
                    strongest[(key, vote.entity_class)] = vote
            for (key, _), vote in strongest.items():
                votes.setdefault(key, []).append(vote)
        decisions = decide_classes(votes)
    return decisions


#: Values only a model has: a release date or a cost may be a product's or a company's.
_MODEL_ONLY = frozenset({"parameterCount", "relativeQuality"})

#: Cue weight from which the cues alone decide a class.
STRONG_CUE = 2.0


def _strongest(votes: list[Vote]) -> float:
    totals: dict[str, float] = defaultdict(float)
    for vote in votes:
        totals[vote.entity_class] += vote.weight
    return max(totals.values(), default=0.0)


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
    strong_cue: float | None = None,
) -> DocumentFacts:
    decisions = decide_document_classes(readings, index, strong_cue)
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
    """One claim per fact and sentence: the most confident reading of it.

    A sentence that says a company bought shares of another and so took control of it
    ("Xの株式を取得して子会社化", "bought its shares to acquire it") states one acquisition:
    the share purchase is how it was done, not an investment beside it.
    """
    best: dict[tuple[str, str, str, int], RelationClaim] = {}
    for claim in claims:
        key = (claim.subject, claim.predicate, claim.object, claim.evidence.sentence_start)
        if key not in best or claim.evidence.confidence > best[key].evidence.confidence:
            best[key] = claim
    acquisitions = {
        (c.subject, c.object, c.evidence.sentence_start)
        for c in best.values()
        if c.predicate == "acquired"
    }
    return tuple(
        c
        for c in best.values()
        if not (
            c.predicate == "investedIn"
            and (c.subject, c.object, c.evidence.sentence_start) in acquisitions
        )
    )
