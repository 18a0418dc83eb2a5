"""Typed, frozen records that pass between the pipeline's stages.

The flow is one way: ``documents`` yields :class:`Document`; a language reader
(:mod:`graph.lang`) turns each into :class:`DocumentFacts` (mentions and claims);
``assemble`` merges them into :class:`Entity`, :class:`RelationFact` and
:class:`AttributeFact` records of one :class:`Extraction`; ``rdf`` turns that into
triples. spaCy objects never leave the extraction stage: these records hold only
strings, numbers and character offsets into ``Document.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

__all__ = [
    "ENTITY_CLASSES",
    "RELATIONS",
    "AttributeClaim",
    "AttributeFact",
    "Document",
    "DocumentFacts",
    "Entity",
    "Evidence",
    "Extraction",
    "Label",
    "Mention",
    "RelationClaim",
    "RelationFact",
]

#: The contract classes an entity may have (local names in the ontology).
ENTITY_CLASSES: tuple[str, ...] = (
    "Organization",
    "Person",
    "AIModel",
    "Product",
    "Technique",
    "Dataset",
    "Concept",
    "Document",
)

#: The contract's relations, in the contract's order (local names in the ontology; see
#: ../shared/eval/README.md and data/ontology.ttl).
RELATIONS: tuple[str, ...] = (
    "developed",
    "owns",
    "fineTunedFrom",
    "basedOn",
    "trainedOn",
    "variantOf",
    "outperforms",
    "competesWith",
    "viewsAsThreat",
    "viewsAsWinner",
    "acquired",
    "investedIn",
    "partneredWith",
    "worksFor",
    "founded",
    "uses",
    "authoredBy",
)


@dataclass(frozen=True)
class Document:
    """One decoded source document."""

    doc_id: str  # stable slug, minted from the file name
    path: str  # relative to the corpus root (see graph.documents), POSIX separators
    title: str
    text: str
    language: str  # BCP 47 tag, e.g. "ja"
    sha256: str  # hex digest of ``text`` encoded as UTF-8
    published: str | None = None  # ISO date: "2024-03-21", "2024-03" or "2024"


@dataclass(frozen=True)
class Evidence:
    """Where and how one fact was read: a sentence of a document and the rule that fired."""

    doc_id: str
    sentence: str
    sentence_start: int  # offset of the sentence in Document.text
    start: int  # offsets of the supporting span in Document.text
    end: int
    method: str  # e.g. "pattern:developed-ga-wo", "attribute:parameter-count"
    confidence: float
    raw_text: str = ""  # for attributes: the text the value was parsed from


@dataclass(frozen=True)
class Mention:
    """A surface form in a document that names an entity."""

    text: str  # surface form as written
    doc_id: str
    start: int
    end: int
    entity_class: str  # one of ENTITY_CLASSES
    key: str  # canonical key: mentions with equal keys are the same entity
    canonical: str  # preferred display name (English/Latin where known)
    cue: str  # what made it a mention: "lexicon", "quote", "latin", "ner", "marker:社", ...
    wikidata: str | None = None


@dataclass(frozen=True)
class RelationClaim:
    """One reading of subject --predicate--> object in one sentence, before merging.

    Ends are mention keys; the same fact read from several sentences or documents is
    several claims, merged (with a noisy-OR confidence) by :mod:`graph.assemble`.
    """

    subject: str
    predicate: str  # ontology local name, e.g. "developed"
    object: str
    evidence: Evidence


@dataclass(frozen=True)
class AttributeClaim:
    """One reading of subject --property--> typed value in one sentence, before merging."""

    subject: str  # mention key
    property: str
    value: int | Decimal | str
    datatype: str  # XSD local name
    evidence: Evidence
    unit: str | None = None
    baseline: str | None = None  # mention key of the relativeQuality baseline


@dataclass(frozen=True)
class DocumentFacts:
    """Everything extraction read from one document, independent of every other document:
    the unit that is cached, shipped between processes and merged into an Extraction."""

    document: Document
    mentions: tuple[Mention, ...]
    relations: tuple[RelationClaim, ...]
    attributes: tuple[AttributeClaim, ...]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Label:
    text: str
    language: str  # "ja", "en"


@dataclass(frozen=True)
class Entity:
    """One real-world thing, merged from all its mentions."""

    key: str  # slug used in the IRI
    canonical: str
    entity_class: str
    pref_labels: tuple[Label, ...]  # at most one per language
    alt_labels: tuple[Label, ...]  # every other surface form met
    mention_count: int
    wikidata: str | None = None


@dataclass(frozen=True)
class RelationFact:
    """subject --predicate--> object, with the evidence that supports it."""

    subject: str  # entity key
    predicate: str  # ontology local name, e.g. "developed"
    object: str  # entity key
    evidence: tuple[Evidence, ...]
    confidence: float


@dataclass(frozen=True)
class AttributeFact:
    """subject --property--> typed literal."""

    subject: str  # entity key
    property: str  # "parameterCount", "trainingCost", "relativeQuality", "releaseDate"
    value: int | Decimal | str  # str for dates in ISO form ("2024-03-21", "2023-03", "2023")
    datatype: str  # XSD local name: "integer", "decimal", "date", "gYearMonth", "gYear"
    evidence: tuple[Evidence, ...]
    confidence: float
    unit: str | None = None
    baseline: str | None = None  # entity key of the relativeQuality baseline


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from a set of documents: the input of the RDF stage."""

    documents: tuple[Document, ...]
    entities: tuple[Entity, ...]
    relations: tuple[RelationFact, ...]
    attributes: tuple[AttributeFact, ...]
    skipped: tuple[str, ...] = field(default=())  # messages for inputs skipped with --skip-bad
    warnings: tuple[str, ...] = field(default=())  # e.g. a document in a language we do not read
