"""The one place that names IRIs: our ontology terms and the bases we mint IRIs under.

Code never spells an IRI string itself; it uses ``KG.developed``, ``ENTITY[slug]`` and so on,
so a typo in a term is an ``AttributeError`` at import time, not a silent new predicate.
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace

__all__ = [
    "BASE",
    "DOCUMENT",
    "ENTITY",
    "EVIDENCE",
    "KG",
    "PREFIXES",
    "STATEMENT",
    "WD",
]

BASE = "https://w3id.org/newskg/"


class KG(DefinedNamespace):
    """Terms of ``graph/data/ontology.ttl``; unknown names raise."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Entity: object
    Organization: object
    Person: object
    AIModel: object
    Product: object
    Technique: object
    Dataset: object
    Concept: object
    Document: object
    Evidence: object
    # relations
    developed: object
    owns: object
    fineTunedFrom: object
    basedOn: object
    trainedOn: object
    variantOf: object
    outperforms: object
    competesWith: object
    viewsAsThreat: object
    viewsAsWinner: object
    acquired: object
    investedIn: object
    partneredWith: object
    worksFor: object
    founded: object
    uses: object
    authoredBy: object
    # attributes
    parameterCount: object
    trainingCost: object
    relativeQuality: object
    releaseDate: object
    # provenance
    evidence: object
    confidence: object
    sentence: object
    sentenceStart: object
    startOffset: object
    endOffset: object
    method: object
    rawText: object
    unit: object
    baseline: object
    sourcePath: object
    contentHash: object
    mentionCount: object


ENTITY = Namespace(BASE + "entity/")
DOCUMENT = Namespace(BASE + "document/")
STATEMENT = Namespace(BASE + "statement/")
EVIDENCE = Namespace(BASE + "evidence/")
WD = Namespace("http://www.wikidata.org/entity/")

#: Prefixes bound in every graph we write, so Turtle stays short and stable.
PREFIXES: dict[str, str] = {
    "kg": str(KG._NS),
    "kge": str(ENTITY),
    "kgd": str(DOCUMENT),
    "kgs": str(STATEMENT),
    "kgv": str(EVIDENCE),
    "wd": str(WD),
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
