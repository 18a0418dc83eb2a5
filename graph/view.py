"""The page's view model straight from an :class:`~graph.model.Extraction`.

Why a second way to build it: :func:`graph.html.build_view` reads any RDF graph (query
results, graph files), which needs an rdflib ``Graph`` with its indices. The build has
the records the graph is made of, so it reads them directly: no graph in memory, and one
pass over the records instead of a lookup per node and evidence record. The result is
the dict ``build_view(build_graph(extraction))`` returns, key for key and in the same
order (a test checks it), so the page is byte-identical either way.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import URIRef

from graph.html import (
    _LANGUAGES,
    _XSD,
    ATTRIBUTES,
    _attribute_text,
    _clean_title,
    _issued_period,
    _pagerank,
    _wikidata_id,
    node_item,
    page_payload,
    write_page,
)
from graph.lines import attribute_value
from graph.model import (
    ENTITY_CLASSES,
    RELATIONS,
    AttributeFact,
    Document,
    Entity,
    Evidence,
    Extraction,
)
from graph.namespaces import PREFIXES
from graph.ontology import symmetric_relations, term_labels
from graph.rdf import _digest, canonical_decimal

__all__ = ["extraction_view", "write_extraction_html"]

_ENTITY, _DOCUMENT = PREFIXES["kge"], PREFIXES["kgd"]
_STATEMENT, _EVIDENCE, _WD = PREFIXES["kgs"], PREFIXES["kgv"], PREFIXES["wd"]
_KG = PREFIXES["kg"]


@cache
def _confidence(value: float) -> float:
    """A confidence as the page reads it back from the graph's ``xsd:decimal`` (cached:
    a corpus has a few hundred distinct confidences and tens of thousands of records)."""
    return round(float(canonical_decimal(round(float(value), 3))), 3)


def _labels(entity: Entity) -> tuple[dict[str, str], list[str]]:
    """graph.html._labels for an entity's records (prefLabel = rdfs:label, altLabel)."""
    pref = sorted((label.text for label in entity.pref_labels), key=str)
    by_language: dict[str, list[str]] = defaultdict(list)
    for label in entity.pref_labels:
        by_language[label.language.split("-")[0].lower()].append(label.text)
    ordered = pref + pref  # skos:prefLabel, then the same texts as rdfs:label
    display: dict[str, str] = {}
    for lang in _LANGUAGES:
        texts = by_language.get(lang)
        if texts:
            display[lang] = min(texts)
    alt = sorted(entity.alt_labels, key=lambda label: (_lang(label.language), label.text))
    fallback = (
        next(iter(display.values()), None)
        or next(iter(ordered), None)
        or next(iter(sorted(label.text for label in entity.alt_labels)), None)
        or _local(_ENTITY + entity.key)
    )
    for lang in _LANGUAGES:
        display.setdefault(lang, fallback)
    names: list[str] = []
    for text in [*ordered, *(label.text for label in alt)]:
        if text not in names:
            names.append(text)
    return display, names


def _lang(tag: str) -> str:
    return (tag or "").split("-")[0].lower()


def _local(iri: str) -> str:
    text = iri
    for sep in ("#", "/"):
        if sep in text:
            text = text.rsplit(sep, 1)[1] or text
    return text


class _Evidence:
    """graph.html._Evidence over evidence records: documents, sentences and records
    interned in the order the page first meets them."""

    def __init__(self, documents: dict[str, Document]) -> None:
        self._documents = documents
        self.docs: list[dict[str, Any]] = []
        self.texts: list[str] = []
        self.records: list[dict[str, Any]] = []
        self._doc_index: dict[str, int] = {}
        self._text_index: dict[str, int] = {}

    def _doc(self, doc_id: str) -> int:
        found = self._doc_index.get(doc_id)
        if found is not None:
            return found
        document = self._documents.get(doc_id)
        iri = _DOCUMENT + doc_id
        if document is None:
            item: dict[str, Any] = {"iri": iri, "title": _local(iri), "path": "", "lang": ""}
        else:
            item = {
                "iri": iri,
                "title": document.title,
                "path": document.path,
                "lang": document.language,
            }
            period = _issued_period([document.published] if document.published else [])
            if period is not None:
                item["date"], item["from"], item["to"] = period
        self._doc_index[doc_id] = len(self.docs)
        self.docs.append(item)
        return self._doc_index[doc_id]

    def _text(self, text: str) -> int:
        found = self._text_index.get(text)
        if found is None:
            found = self._text_index[text] = len(self.texts)
            self.texts.append(text)
        return found

    def record(self, evidence: Evidence) -> int:
        item: dict[str, Any] = {
            "s": self._text(evidence.sentence),
            "a": evidence.start - evidence.sentence_start,
            "b": evidence.end - evidence.sentence_start,
            "d": self._doc(evidence.doc_id),
            "m": evidence.method,
            "c": _confidence(evidence.confidence),
        }
        if evidence.raw_text:
            item["r"] = evidence.raw_text
        self.records.append(item)
        return len(self.records) - 1


def _support(
    statement: str, confidence: float, evidence: tuple[Evidence, ...], table: _Evidence
) -> dict[str, Any]:
    """graph.html._support for one statement: its evidence in the order of their IRIs."""
    keyed = {_digest(statement, e.doc_id, str(e.start), str(e.end), e.method): e for e in evidence}
    records = [table.record(keyed[digest]) for digest in sorted(keyed)]
    return {"conf": _confidence(confidence), "ev": records}


def _attribute_view(
    attribute: AttributeFact,
    table: _Evidence,
    labels: dict[str, dict[str, str]],
    index: dict[str, int],
) -> dict[str, Any]:
    value = attribute_value(attribute)
    subject = _ENTITY + attribute.subject
    statement = _STATEMENT + _digest(subject, _KG + attribute.property, value.n3())
    support = _support(statement, attribute.confidence, attribute.evidence, table)
    if attribute.unit:
        support["unit"] = attribute.unit
    baseline = _ENTITY + attribute.baseline if attribute.baseline else None
    if baseline is not None:
        support["baseline"] = URIRef(baseline)
    uri_labels = {URIRef(baseline): labels[baseline]} if baseline in labels else {}
    item: dict[str, Any] = {
        "p": attribute.property,
        "v": str(value),
        "t": _attribute_text(attribute.property, value, support, uri_labels),
        **support,
    }
    if value.datatype is not None and str(value.datatype).startswith(_XSD):
        item["dt"] = str(value.datatype)[len(_XSD) :]
    if baseline is not None:
        item.pop("baseline")
        item["base"] = index.get(baseline, baseline)
    return item


def extraction_view(
    extraction: Extraction, *, title: str = "Knowledge graph", language: str | None = "ja"
) -> dict[str, Any]:
    """The view :func:`graph.html.build_view` gives for ``build_graph(extraction)``."""
    term_names, symmetric = term_labels(), symmetric_relations()
    entities = {_ENTITY + e.key: e for e in extraction.entities}
    relations = [r for r in extraction.relations if r.predicate in RELATIONS]
    endpoints = {_ENTITY + k for r in relations for k in (r.subject, r.object)}
    node_class = {
        iri: (e.entity_class if e.entity_class in ENTITY_CLASSES else "Entity")
        for iri, e in entities.items()
        if e.entity_class in ENTITY_CLASSES or iri in endpoints
    }
    ordered = sorted(node_class)
    index = {node: i for i, node in enumerate(ordered)}
    labels: dict[str, dict[str, str]] = {}
    names: dict[str, list[str]] = {}
    for node in ordered:
        labels[node], names[node] = _labels(entities[node])

    table = _Evidence({d.doc_id: d for d in extraction.documents})
    raw = sorted(
        relations,
        key=lambda r: (
            index[_ENTITY + r.subject],
            RELATIONS.index(r.predicate),
            index[_ENTITY + r.object],
        ),
    )
    parallel: Counter[tuple[int, int]] = Counter()
    edges: list[dict[str, Any]] = []
    for relation in raw:
        subject, obj = _ENTITY + relation.subject, _ENTITY + relation.object
        a, b = index[subject], index[obj]
        pair = (min(a, b), max(a, b))
        statement = _STATEMENT + _digest(subject, _KG + relation.predicate, obj)
        support = _support(statement, relation.confidence, relation.evidence, table)
        edge: dict[str, Any] = {"id": len(edges), "from": a, "to": b, "p": relation.predicate}
        edge.update(support)
        edge["k"] = parallel[pair]
        parallel[pair] += 1
        edges.append(edge)

    ranks = _pagerank(len(ordered), ((e["from"], e["to"]) for e in edges))
    mentions = {node: entities[node].mention_count for node in ordered}
    order = sorted(
        range(len(ordered)),
        key=lambda i: (-ranks[i], -mentions[ordered[i]], labels[ordered[i]]["en"], i),
    )
    position = {i: p for p, i in enumerate(order)}
    top = max(ranks, default=1.0) or 1.0
    attributes: dict[str, list[AttributeFact]] = defaultdict(list)
    for attribute in extraction.attributes:
        if attribute.property in ATTRIBUTES:
            attributes[_ENTITY + attribute.subject].append(attribute)

    nodes: list[dict[str, Any]] = []
    for i, node in enumerate(ordered):
        entity = entities[node]
        item = node_item(
            i,
            node,
            node_class[node],
            labels[node],
            names[node],
            round(ranks[i] / top, 4),
            position[i],
            mentions[node],
            _wikidata_id([_WD + entity.wikidata] if entity.wikidata else []),
        )
        found = sorted(
            attributes.get(node, ()),
            key=lambda a: (ATTRIBUTES.index(a.property), str(attribute_value(a))),
        )
        views = [_attribute_view(a, table, labels, index) for a in found]
        if views:
            item["a"] = views
        nodes.append(item)

    if language in _LANGUAGES:
        default_language = language
    else:
        votes = Counter(
            _lang(d.language) for d in extraction.documents if _lang(d.language) in _LANGUAGES
        )
        default_language = votes.most_common(1)[0][0] if votes else "ja"
    return page_payload(
        title,
        default_language,
        nodes,
        edges,
        Counter(node_class.values()),
        (table.records, table.texts, table.docs),
        term_names,
        symmetric,
    )


def write_extraction_html(
    extraction: Extraction,
    path: str | os.PathLike[str],
    *,
    title: str = "Knowledge graph",
    language: str | None = "ja",
) -> Path:
    """The page :func:`graph.html.write_html` writes for ``build_graph(extraction)``."""
    view = extraction_view(extraction, title=_clean_title(title), language=language)
    return write_page(view, path)
