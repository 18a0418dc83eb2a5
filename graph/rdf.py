"""Turn an :class:`~graph.model.Extraction` into an RDF graph.

Shape of what we write (see ``graph/data/ontology.ttl`` for the terms):

* each entity ``kge:<key>`` has one contract class, ``rdfs:label``/``skos:prefLabel`` per
  language, ``skos:altLabel`` for every other surface form, ``kg:mentionCount`` and
  ``owl:sameAs wd:Q…`` when the lexicon is certain of the Wikidata item;
* each source document ``kgd:<id>`` is a ``kg:Document`` with title, path (relative to the
  corpus root), language, hash and, when known, ``dcterms:issued`` (xsd:date, gYearMonth
  or gYear: as precise as the document says);
* each relation or attribute is asserted directly (so simple queries stay simple) *and*
  reified as an ``rdf:Statement`` ``kgs:<hash>`` carrying ``kg:confidence`` and one
  ``kg:evidence`` link per supporting sentence; evidence records ``kgv:<hash>`` hold the
  sentence, offsets, method and the source document (``prov:hadPrimarySource``).

Statement and evidence IRIs are hashes of their *content*, never of order, so the same
input always gives the same IRIs.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from graph.model import AttributeFact, Document, Entity, Evidence, Extraction, RelationFact
from graph.namespaces import DOCUMENT, ENTITY, EVIDENCE, KG, PREFIXES, STATEMENT, WD

__all__ = ["build_graph", "date_literal", "document_iri", "entity_iri"]


def entity_iri(key: str) -> URIRef:
    return ENTITY[key]


def document_iri(doc_id: str) -> URIRef:
    return DOCUMENT[doc_id]


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def canonical_decimal(value: float | Decimal) -> Decimal:
    """A decimal with at least one fractional digit ("100.0", never "100").

    Turtle writes decimals in that form; keeping the in-memory literal identical means a
    graph and its Turtle round trip are isomorphic term for term.
    """
    number = Decimal(str(value))
    return number.quantize(Decimal("0.1")) if number == number.to_integral_value() else number


def _decimal(value: float | Decimal) -> Literal:
    # Rounded to three places: confidences are estimates, and fixed precision keeps bytes stable.
    return Literal(canonical_decimal(round(float(value), 3)), datatype=XSD.decimal)


def new_graph() -> Graph:
    """An empty graph with our prefixes bound (and rdflib's defaults dropped)."""
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.bind("rdf", str(RDF))
    return graph


def build_graph(extraction: Extraction) -> Graph:
    graph = new_graph()
    for document in extraction.documents:
        _add_document(graph, document)
    for entity in extraction.entities:
        _add_entity(graph, entity)
    for relation in extraction.relations:
        _add_relation(graph, relation)
    for attribute in extraction.attributes:
        _add_attribute(graph, attribute)
    return graph


def _add_document(graph: Graph, document: Document) -> None:
    node = document_iri(document.doc_id)
    graph.add((node, RDF.type, KG.Document))
    graph.add((node, RDF.type, PROV.Entity))
    graph.add((node, RDFS.label, Literal(document.title, lang=document.language)))
    graph.add((node, DCTERMS.title, Literal(document.title, lang=document.language)))
    graph.add((node, DCTERMS.language, Literal(document.language)))
    graph.add((node, KG.sourcePath, Literal(document.path)))
    graph.add((node, KG.contentHash, Literal("sha256:" + document.sha256)))
    if document.published:
        graph.add((node, DCTERMS.issued, date_literal(document.published)))


#: XSD type of an ISO date by its length: "2024-03-21", "2024-03", "2024".
_DATE_TYPES = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}


def date_literal(iso: str) -> Literal:
    """An ISO date as the XSD literal of its precision (a month stays a month)."""
    return Literal(iso, datatype=_DATE_TYPES[len(iso)])


def _add_entity(graph: Graph, entity: Entity) -> None:
    node = entity_iri(entity.key)
    graph.add((node, RDF.type, KG[entity.entity_class]))
    for label in entity.pref_labels:
        graph.add((node, RDFS.label, Literal(label.text, lang=label.language)))
        graph.add((node, SKOS.prefLabel, Literal(label.text, lang=label.language)))
    for label in entity.alt_labels:
        graph.add((node, SKOS.altLabel, Literal(label.text, lang=label.language)))
    graph.add((node, KG.mentionCount, Literal(entity.mention_count)))
    if entity.wikidata:
        graph.add((node, OWL.sameAs, WD[entity.wikidata]))


def _add_evidence(graph: Graph, statement: URIRef, evidence: Evidence) -> None:
    node = EVIDENCE[
        _digest(
            str(statement), evidence.doc_id, str(evidence.start), str(evidence.end), evidence.method
        )
    ]
    graph.add((statement, KG.evidence, node))
    graph.add((node, RDF.type, KG.Evidence))
    graph.add((node, PROV.hadPrimarySource, document_iri(evidence.doc_id)))
    graph.add((node, KG.sentence, Literal(evidence.sentence)))
    graph.add((node, KG.sentenceStart, Literal(evidence.sentence_start)))
    graph.add((node, KG.startOffset, Literal(evidence.start)))
    graph.add((node, KG.endOffset, Literal(evidence.end)))
    graph.add((node, KG.method, Literal(evidence.method)))
    graph.add((node, KG.confidence, _decimal(evidence.confidence)))
    if evidence.raw_text:
        graph.add((node, KG.rawText, Literal(evidence.raw_text)))


def _add_statement(
    graph: Graph, subject: URIRef, predicate: URIRef, obj: URIRef | Literal
) -> URIRef:
    graph.add((subject, predicate, obj))
    key = obj.n3() if isinstance(obj, Literal) else str(obj)
    node = STATEMENT[_digest(str(subject), str(predicate), key)]
    graph.add((node, RDF.type, RDF.Statement))
    graph.add((node, RDF.subject, subject))
    graph.add((node, RDF.predicate, predicate))
    graph.add((node, RDF.object, obj))
    return node


def _add_relation(graph: Graph, relation: RelationFact) -> None:
    node = _add_statement(
        graph, entity_iri(relation.subject), KG[relation.predicate], entity_iri(relation.object)
    )
    graph.add((node, KG.confidence, _decimal(relation.confidence)))
    for evidence in relation.evidence:
        _add_evidence(graph, node, evidence)


def attribute_literal(attribute: AttributeFact) -> Literal:
    datatype = XSD[attribute.datatype]
    if attribute.datatype == "decimal":
        return Literal(canonical_decimal(Decimal(str(attribute.value))), datatype=datatype)
    return Literal(attribute.value, datatype=datatype)


def _add_attribute(graph: Graph, attribute: AttributeFact) -> None:
    node = _add_statement(
        graph, entity_iri(attribute.subject), KG[attribute.property], attribute_literal(attribute)
    )
    graph.add((node, KG.confidence, _decimal(attribute.confidence)))
    if attribute.unit:
        graph.add((node, KG.unit, Literal(attribute.unit)))
    if attribute.baseline:
        graph.add((node, KG.baseline, entity_iri(attribute.baseline)))
    for evidence in attribute.evidence:
        _add_evidence(graph, node, evidence)
