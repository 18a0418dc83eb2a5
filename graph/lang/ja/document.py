"""Stage 3-4 driver: parsed sentences of one document -> mentions, relations, attributes.

This is the only place that holds spaCy objects and the document-level state that
links sentences (names known in the document, the last topic, pending release dates).
It returns plain records (:mod:`graph.model`) keyed by entity keys, ready for merging.
"""

from __future__ import annotations

import re
from decimal import Decimal

from graph.canonical import match_key
from graph.lang.ja.attributes import AttributeReader
from graph.lang.ja.cues import Cues
from graph.lang.ja.mentions import SentenceMention, detect_mentions, propagate_names
from graph.lang.ja.parse import ParsedSentence
from graph.lang.ja.patterns import Pattern
from graph.lang.ja.relations import RelationReader
from graph.lexicon import Lexicon
from graph.model import (
    AttributeClaim,
    Document,
    DocumentFacts,
    Evidence,
    Mention,
    RelationClaim,
)

__all__ = ["extract_document"]


def _evidence(
    sentence: ParsedSentence,
    span: tuple[int, int],
    method: str,
    confidence: float,
    raw_text: str = "",
) -> Evidence:
    return Evidence(
        doc_id=sentence.document.doc_id,
        sentence=sentence.text,
        sentence_start=sentence.start,
        start=sentence.start + span[0],
        end=sentence.start + span[1],
        method=method,
        confidence=confidence,
        raw_text=raw_text,
    )


_VERSIONISH = re.compile(r"^(?:v?\d+(?:\.\d+)*[a-z]?|\d+(?:\.\d+)?[bmkt])$", re.IGNORECASE)


def _add_short_names(known: dict[str, SentenceMention]) -> None:
    """``Opus`` for ``Claude 3 Opus``: the last word of a model's name, once introduced, is
    used alone; it names that model when no other model in the document ends the same way."""
    owners: dict[str, set[str]] = {}
    for mention in known.values():
        words = re.split(r"[ \-_・·]+", mention.canonical)
        if mention.entity_class == "AIModel" and len(words) > 1:
            last = words[-1]
            if len(last) > 2 and not _VERSIONISH.match(last):
                owners.setdefault(match_key(last), set()).add(mention.key)
    by_key = {m.key: m for m in known.values()}
    for short, keys in owners.items():
        if len(keys) == 1 and short not in known:
            known[short] = by_key[next(iter(keys))]


def extract_document(
    sentences: list[ParsedSentence],
    *,
    document: Document,
    lexicon: Lexicon,
    cues: Cues,
    patterns: tuple[Pattern, ...],
) -> DocumentFacts:
    # Pass 1: mentions from cues, and the names they make known in this document.
    detected = [detect_mentions(sentence, lexicon, cues) for sentence in sentences]
    known: dict[str, SentenceMention] = {}
    for mentions in detected:
        for mention in mentions:
            if mention.entity_class is not None and mention.cue != "document":
                known.setdefault(match_key(mention.surface), mention)
                known.setdefault(match_key(mention.canonical), mention)
    _add_short_names(known)
    propagated = [
        propagate_names(s, first, known) for s, first in zip(sentences, detected, strict=True)
    ]
    # Pass 2: a dry read that learns classes from relation roles anywhere in the document
    # ("KDDIとは…協業" makes KDDI a company), so that the real read, pass 3, knows them
    # from the first sentence on.
    dry_run = RelationReader(patterns, cues)
    for sentence, mentions in zip(sentences, propagated, strict=True):
        known_mentions = dry_run.type_known(mentions)
        if any(m.entity_class is None for m in known_mentions):
            dry_run.read(sentence, known_mentions, roles_only=True)
        else:
            dry_run.skim(sentence, known_mentions)
    # Pass 3: relations and attributes in order.
    relation_reader = RelationReader(patterns, cues, typed_by_role=dry_run.typed_by_role)
    attribute_reader = AttributeReader()
    mentions_out: list[Mention] = []
    relations: list[RelationClaim] = []
    attributes: list[AttributeClaim] = []
    for sentence, found in zip(sentences, propagated, strict=True):
        mentions = relation_reader.type_known(found)
        candidates = relation_reader.read(sentence, mentions)
        # Names typed only now, from their role in a relation, become mentions too.
        mentions = relation_reader.type_known(mentions)
        typed = [m for m in mentions if m.entity_class is not None]
        for m in typed:
            mentions_out.append(
                Mention(
                    text=sentence.text[m.start : m.end],
                    doc_id=document.doc_id,
                    start=sentence.start + m.start,
                    end=sentence.start + m.end,
                    entity_class=m.entity_class or "",
                    key=m.key,
                    canonical=m.canonical,
                    cue=m.cue,
                    wikidata=m.wikidata,
                )
            )
        for candidate in candidates:
            relations.append(
                RelationClaim(
                    candidate.subject.key,
                    candidate.relation,
                    candidate.object.key,
                    _evidence(sentence, candidate.span, candidate.method, candidate.confidence),
                )
            )
        for attribute in attribute_reader.read(sentence.doc, typed, sentence.text):
            value = attribute.value
            attributes.append(
                AttributeClaim(
                    subject=attribute.subject.key,
                    property=attribute.property,
                    value=Decimal(str(value)) if isinstance(value, float) else value,
                    datatype=attribute.datatype,
                    evidence=_evidence(
                        sentence,
                        attribute.span,
                        attribute.method,
                        attribute.confidence,
                        attribute.raw_text,
                    ),
                    unit=attribute.unit,
                    baseline=attribute.baseline.key if attribute.baseline else None,
                )
            )
    return DocumentFacts(document, tuple(mentions_out), tuple(relations), tuple(attributes))
