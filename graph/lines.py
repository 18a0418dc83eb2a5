"""An :class:`~graph.model.Extraction` straight to sorted canonical N-Triples lines.

Why: the build used to add every triple to an rdflib ``Graph`` (3 indices, ~1.5 KiB per
triple) only to dump it again for the Turtle writer; at 3,000 documents that graph was
the largest object of the build and a third of a rebuild's time. Here each record is
written once as the line :mod:`graph.ntriples` sorts and writes (``"<s> <p> o"``,
``rdf:type`` as :data:`~graph.ntriples.TYPE_MARK`), so memory is the lines themselves and
time is one pass plus the sort.

The lines are exactly those of ``graph_lines(build_graph(extraction))`` (a test checks
it): terms are spelled as Oxigraph's canonical N-Triples spells them (the same escapes,
lower-case language tags), literals keep the lexical forms :mod:`graph.rdf` gives them,
and statement and evidence IRIs are the same content hashes. Attribute values, the one
place rdflib's literal rules (normalisation, ``n3()`` for the statement hash) matter, are
few, so they still go through :func:`graph.rdf.attribute_literal`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import cache

from rdflib import Literal

from graph.model import AttributeFact, Document, Entity, Evidence, Extraction, RelationFact
from graph.namespaces import KG, PREFIXES
from graph.ntriples import TYPE_MARK
from graph.rdf import _DATE_TYPES, _digest, attribute_literal, canonical_decimal

__all__ = ["attribute_value", "extraction_lines", "iter_extraction_lines", "literal"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

#: The characters canonical N-Triples (Oxigraph) escapes in a literal, and how.
_ESCAPES = {
    **{code: f"\\u{code:04X}" for code in (*range(0x20), 0x7F, 0xFFFE, 0xFFFF)},
    0x08: "\\b",
    0x09: "\\t",
    0x0A: "\\n",
    0x0C: "\\f",
    0x0D: "\\r",
    0x22: '\\"',
    0x5C: "\\\\",
}
_NEEDS_ESCAPE = frozenset(chr(code) for code in _ESCAPES)


def _quoted(text: str) -> str:
    if _NEEDS_ESCAPE.isdisjoint(text):
        return f'"{text}"'
    return '"' + text.translate(_ESCAPES) + '"'


def literal(text: str, *, language: str | None = None, datatype: str | None = None) -> str:
    """A literal token as canonical N-Triples writes it (``xsd:string`` stays plain)."""
    if language:
        return f"{_quoted(text)}@{language.lower()}"
    if datatype is None or datatype == _XSD + "string":
        return _quoted(text)
    return f"{_quoted(text)}^^<{datatype}>"


def attribute_value(attribute: AttributeFact) -> Literal:
    """:func:`graph.rdf.attribute_literal`, once per distinct value: rdflib's literal
    rules (normalisation, ``n3()``) are slow, and values repeat across a corpus."""
    return _attribute_value(type(attribute.value), attribute.value, attribute.datatype)


@cache
def _attribute_value(kind: type, value: object, datatype: str) -> Literal:
    # ``kind`` keeps 100 and Decimal("100") apart (they are equal and hash alike).
    return attribute_literal(AttributeFact("", "", value, datatype, (), 0.0))  # type: ignore[arg-type]


@cache
def _attribute_token(kind: type, value: object, datatype: str) -> tuple[str, str]:
    """The N-Triples token of an attribute value and the ``n3()`` graph.rdf hashes."""
    term = _attribute_value(kind, value, datatype)
    iri = str(term.datatype) if term.datatype is not None else None
    return literal(str(term), language=term.language, datatype=iri), term.n3()


def _integer(value: int) -> str:
    return f'"{value}"^^<{_XSD}integer>'


@cache
def _decimal(value: float) -> str:
    """A confidence as graph.rdf writes it: rounded to three places, "0.8" never "0.80"."""
    number = canonical_decimal(round(float(value), 3))
    return f'"{number:f}"^^<{_XSD}decimal>'


def _iri(value: str) -> str:
    return f"<{value}>"


_TYPE = TYPE_MARK.decode()
_ENTITY, _DOCUMENT = PREFIXES["kge"], PREFIXES["kgd"]
_STATEMENT, _EVIDENCE, _WD = PREFIXES["kgs"], PREFIXES["kgv"], PREFIXES["wd"]
_KG_TERMS = (
    "sourcePath",
    "contentHash",
    "mentionCount",
    "evidence",
    "sentence",
    "sentenceStart",
    "startOffset",
    "endOffset",
    "method",
    "confidence",
    "rawText",
    "unit",
    "baseline",
)
#: Predicate tokens by short name.
_P = {
    "label": "<http://www.w3.org/2000/01/rdf-schema#label>",
    "pref": "<http://www.w3.org/2004/02/skos/core#prefLabel>",
    "alt": "<http://www.w3.org/2004/02/skos/core#altLabel>",
    "title": "<http://purl.org/dc/terms/title>",
    "language": "<http://purl.org/dc/terms/language>",
    "issued": "<http://purl.org/dc/terms/issued>",
    "sameAs": "<http://www.w3.org/2002/07/owl#sameAs>",
    "source": "<http://www.w3.org/ns/prov#hadPrimarySource>",
    "subject": f"<{_RDF}subject>",
    "predicate": f"<{_RDF}predicate>",
    "object": f"<{_RDF}object>",
    **{name: f"<{KG[name]}>" for name in _KG_TERMS},
}
_DOCUMENT_TYPES = (_iri(str(KG.Document)), _iri("http://www.w3.org/ns/prov#Entity"))
_EVIDENCE_TYPE = _iri(str(KG.Evidence))
_STATEMENT_TYPE = _iri(_RDF + "Statement")


def extraction_lines(extraction: Extraction) -> list[bytes]:
    """The extraction's graph as sorted, distinct lines (see :mod:`graph.ntriples`)."""
    return list(iter_extraction_lines(extraction))


def iter_extraction_lines(extraction: Extraction) -> Iterator[bytes]:
    """:func:`extraction_lines` one subject at a time: memory is the records, not the lines.

    Lines sort by their subject first (``"<s> "``: no IRI holds ``>``, so the subjects'
    tokens sort as the lines do), so the subjects are sorted once and each subject's
    lines are made from the records that write them, sorted, and let go. At 3,000
    documents the whole list of lines was ~130 MiB, the largest object of a build.
    """
    writers: _Writers = defaultdict(list)
    for document in extraction.documents:
        writers[_iri(_DOCUMENT + document.doc_id)].append((_document, (document,)))
    for entity in extraction.entities:
        writers[_iri(_ENTITY + entity.key)].append((_entity, (entity,)))
    for relation in extraction.relations:
        _index_claim(writers, _relation_parts, relation)
    for attribute in extraction.attributes:
        _index_claim(writers, _attribute_parts, attribute)
    for subject in sorted(writers, key=str.encode):
        lines = {line.encode("utf-8") for write, args in writers[subject] for line in write(*args)}
        yield from sorted(lines)


_Parts = Callable[..., tuple[str, list[str], list[str]]]
#: Subject token -> what writes its lines (a function and its arguments).
_Writers = dict[str, list[tuple[Callable[..., Iterator[str]], tuple[object, ...]]]]


def _index_claim(
    writers: _Writers,
    parts: _Parts,
    fact: RelationFact | AttributeFact,
) -> None:
    """A fact's lines by subject: the asserted triple (its subject's), the statement's
    (its reification, confidence, unit, baseline, evidence links), each evidence's. Only
    the subjects are made now; the lines are made again when their subject's turn comes."""
    statement, lines, _ = parts(fact)
    writers[lines[0].split(" ", 1)[0]].append((_asserted_line, (parts, fact)))
    writers[_iri(statement)].append((_statement_lines, (parts, fact)))
    for item in fact.evidence:
        writers[_evidence_node(statement, item)].append((_evidence_body, (statement, item)))


def _asserted_line(parts: _Parts, fact: RelationFact | AttributeFact) -> Iterator[str]:
    yield parts(fact)[1][0]


def _statement_lines(parts: _Parts, fact: RelationFact | AttributeFact) -> Iterator[str]:
    statement, lines, extra = parts(fact)
    yield from lines[1:]
    yield from extra
    for item in fact.evidence:
        yield _evidence_link(statement, item)


def _lines(extraction: Extraction) -> Iterator[str]:
    for document in extraction.documents:
        yield from _document(document)
    for entity in extraction.entities:
        yield from _entity(entity)
    for relation in extraction.relations:
        yield from _relation(relation)
    for attribute in extraction.attributes:
        yield from _attribute(attribute)


def _document(document: Document) -> Iterator[str]:
    node = _iri(_DOCUMENT + document.doc_id)
    title = literal(document.title, language=document.language)
    yield from (f"{node} {_TYPE} {kind}" for kind in _DOCUMENT_TYPES)
    yield f"{node} {_P['label']} {title}"
    yield f"{node} {_P['title']} {title}"
    yield f"{node} {_P['language']} {literal(document.language)}"
    yield f"{node} {_P['sourcePath']} {literal(document.path)}"
    yield f"{node} {_P['contentHash']} {literal('sha256:' + document.sha256)}"
    if document.published:
        datatype = str(_DATE_TYPES[len(document.published)])
        yield f"{node} {_P['issued']} {literal(document.published, datatype=datatype)}"


def _entity(entity: Entity) -> Iterator[str]:
    node = _iri(_ENTITY + entity.key)
    yield f"{node} {_TYPE} {_iri(str(KG[entity.entity_class]))}"
    for label in entity.pref_labels:
        text = literal(label.text, language=label.language)
        yield f"{node} {_P['label']} {text}"
        yield f"{node} {_P['pref']} {text}"
    for label in entity.alt_labels:
        yield f"{node} {_P['alt']} {literal(label.text, language=label.language)}"
    yield f"{node} {_P['mentionCount']} {_integer(entity.mention_count)}"
    if entity.wikidata:
        yield f"{node} {_P['sameAs']} {_iri(_WD + entity.wikidata)}"


def _statement(subject: str, predicate: str, obj: str, key: str) -> tuple[str, list[str]]:
    """The asserted triple and its reification; ``key`` is what graph.rdf hashes for the
    object (the IRI, or a literal's ``n3()``)."""
    node = _STATEMENT + _digest(subject, predicate, key)
    s, p, iri = _iri(subject), _iri(predicate), _iri(node)
    return node, [
        f"{s} {p} {obj}",
        f"{iri} {_TYPE} {_STATEMENT_TYPE}",
        f"{iri} {_P['subject']} {s}",
        f"{iri} {_P['predicate']} {p}",
        f"{iri} {_P['object']} {obj}",
    ]


def _evidence_node(statement: str, evidence: Evidence) -> str:
    digest = _digest(
        statement, evidence.doc_id, str(evidence.start), str(evidence.end), evidence.method
    )
    return _iri(_EVIDENCE + digest)


def _evidence_link(statement: str, evidence: Evidence) -> str:
    return f"{_iri(statement)} {_P['evidence']} {_evidence_node(statement, evidence)}"


def _evidence(statement: str, evidence: Evidence) -> Iterator[str]:
    yield _evidence_link(statement, evidence)
    yield from _evidence_body(statement, evidence)


def _evidence_body(statement: str, evidence: Evidence) -> Iterator[str]:
    """An evidence node's own lines (its subject's; the link is the statement's)."""
    node = _evidence_node(statement, evidence)
    yield f"{node} {_TYPE} {_EVIDENCE_TYPE}"
    yield f"{node} {_P['source']} {_iri(_DOCUMENT + evidence.doc_id)}"
    yield f"{node} {_P['sentence']} {_quoted(evidence.sentence)}"
    yield f"{node} {_P['sentenceStart']} {_integer(evidence.sentence_start)}"
    yield f"{node} {_P['startOffset']} {_integer(evidence.start)}"
    yield f"{node} {_P['endOffset']} {_integer(evidence.end)}"
    yield f"{node} {_P['method']} {_quoted(evidence.method)}"
    yield f"{node} {_P['confidence']} {_decimal(evidence.confidence)}"
    if evidence.raw_text:
        yield f"{node} {_P['rawText']} {_quoted(evidence.raw_text)}"


def _relation_parts(relation: RelationFact) -> tuple[str, list[str], list[str]]:
    """The statement IRI, the asserted triple and reification, the statement's other lines."""
    obj = _ENTITY + relation.object
    statement, lines = _statement(
        _ENTITY + relation.subject, str(KG[relation.predicate]), _iri(obj), obj
    )
    return (
        statement,
        lines,
        [f"{_iri(statement)} {_P['confidence']} {_decimal(relation.confidence)}"],
    )


def _relation(relation: RelationFact) -> Iterator[str]:
    statement, lines, extra = _relation_parts(relation)
    yield from lines
    yield from extra
    for evidence in relation.evidence:
        yield from _evidence(statement, evidence)


def _attribute_parts(attribute: AttributeFact) -> tuple[str, list[str], list[str]]:
    value = attribute_literal(attribute)
    datatype = str(value.datatype) if value.datatype is not None else None
    token = literal(str(value), language=value.language, datatype=datatype)
    statement, lines = _statement(
        _ENTITY + attribute.subject, str(KG[attribute.property]), token, value.n3()
    )
    node = _iri(statement)
    extra = [f"{node} {_P['confidence']} {_decimal(attribute.confidence)}"]
    if attribute.unit:
        extra.append(f"{node} {_P['unit']} {_quoted(attribute.unit)}")
    if attribute.baseline:
        extra.append(f"{node} {_P['baseline']} {_iri(_ENTITY + attribute.baseline)}")
    return statement, lines, extra


def _attribute(attribute: AttributeFact) -> Iterator[str]:
    statement, lines, extra = _attribute_parts(attribute)
    yield from lines
    yield from extra
    for evidence in attribute.evidence:
        yield from _evidence(statement, evidence)
