"""Export a built graph to the formats other tools read.

Why so many: the Turtle we build is the source of truth, but people open graphs in triple
stores (N-Triples, N-Quads, TriG, RDF/XML, JSON-LD), in graph tools (GraphML for Gephi,
Cytoscape, yEd) and in Neo4j (``neo4j-admin import`` CSV plus a ``LOAD CSV`` script).

How: the graph is read once as sorted canonical N-Triples lines (Oxigraph dumps them in
Rust, see :mod:`graph.ntriples`) and every writer makes one pass over those lines, so
exports are deterministic (same graph, same bytes) and linear in the graph's size. Literals
lose the characters XML 1.0 cannot hold, in every format alike (:func:`export_lines`).

Two derived views are defined here once and reused (by ``kg validate``, the notebook, ...):

* :func:`entity_network` -- entities as nodes, contract relations as edges, with the
  confidence of the reified statement;
* :func:`split_by_document` -- the graph as a dataset with one named graph per source
  document (what each document says and why), the entity and document descriptions in
  the default graph, and the ontology in its own named graph.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

import networkx as nx
from rdflib import RDF, RDFS, Dataset, Graph, URIRef
from rdflib.namespace import OWL, PROV, SKOS

from graph.errors import ExportError
from graph.model import ENTITY_CLASSES
from graph.namespaces import ENTITY, KG, PREFIXES
from graph.ntriples import (
    TYPE_MARK,
    Compactor,
    drop_xml_illegal,
    graph_lines,
    join_line,
    literal_parts,
    ntriples_line,
    split_line,
    turtle_body,
    turtle_document,
    used_prefix_header,
)
from graph.ontology import ontology_graph
from graph.outputs import write_atomic

if TYPE_CHECKING:
    from graph.store import GraphSource

__all__ = [
    "CONTRACT_CLASSES",
    "FORMATS",
    "FORMAT_ALIASES",
    "ONTOLOGY_IRI",
    "canonical_format",
    "check_format",
    "contract_relations",
    "dataset_lines",
    "entity_network",
    "export_graph",
    "export_lines",
    "jsonld_context",
    "ontology_graph",
    "serialize",
    "split_by_document",
    "write_neo4j",
]

#: Export formats, in the order ``kg export --help`` lists them.
FORMATS: tuple[str, ...] = (
    "turtle",
    "ntriples",
    "nquads",
    "trig",
    "jsonld",
    "rdfxml",
    "graphml",
    "neo4j",
)

#: Usual file suffix of each format (``neo4j`` is a folder).
SUFFIXES: dict[str, str] = {
    "turtle": ".ttl",
    "ntriples": ".nt",
    "nquads": ".nq",
    "trig": ".trig",
    "jsonld": ".jsonld",
    "rdfxml": ".rdf",
    "graphml": ".graphml",
    "neo4j": "",
}

#: The other names people give the formats (file suffixes, media-type spellings).
FORMAT_ALIASES: dict[str, str] = {
    "ttl": "turtle",
    "nt": "ntriples",
    "n-triples": "ntriples",
    "nq": "nquads",
    "n-quads": "nquads",
    "json-ld": "jsonld",
    "json": "jsonld",
    "xml": "rdfxml",
    "rdf": "rdfxml",
    "rdf/xml": "rdfxml",
    "rdf-xml": "rdfxml",
    "owl": "rdfxml",
}

#: IRIs of the contract classes an entity may have.
CONTRACT_CLASSES: tuple[URIRef, ...] = tuple(KG[name] for name in ENTITY_CLASSES)

#: The ontology's own IRI; also the name of its graph in N-Quads/TriG exports.
ONTOLOGY_IRI = URIRef(PREFIXES["kg"].rstrip("#"))

_RDF_NS = str(RDF)
_ALL_PREFIXES = {**PREFIXES, "rdf": _RDF_NS}


def _iri_token(iri: str) -> bytes:
    return f"<{iri}>".encode()


@cache
def contract_relations() -> dict[URIRef, tuple[URIRef, URIRef]]:
    """Relation predicates between entities, each with its (domain, range) from the ontology.

    Read from the ontology rather than hard-coded so a new relation there is exported and
    validated without touching this module. Object properties about statements
    (``kg:evidence``, ``kg:baseline``) are not relations between entities and are left out.
    """
    onto = ontology_graph()
    allowed = {KG.Entity, *CONTRACT_CLASSES}
    relations: dict[URIRef, tuple[URIRef, URIRef]] = {}
    for prop in onto.subjects(RDF.type, OWL.ObjectProperty):
        domain = onto.value(prop, RDFS.domain)
        range_ = onto.value(prop, RDFS.range)
        if domain in allowed and range_ in allowed:
            assert isinstance(prop, URIRef) and isinstance(domain, URIRef)
            assert isinstance(range_, URIRef)
            relations[prop] = (domain, range_)
    return dict(sorted(relations.items()))


def jsonld_context() -> dict[str, str]:
    """The compact JSON-LD ``@context``: our prefixes (plus ``rdf``), nothing remote."""
    return dict(sorted(_ALL_PREFIXES.items()))


def _local(iri: object) -> str:
    return re.split(r"[#/]", str(iri))[-1]


def _iri_of(token: bytes) -> str:
    return token[1:-1].decode("utf-8")


# ---------------------------------------------------------------- formats


def canonical_format(fmt: str) -> str:
    """The format name for ``fmt`` or one of its aliases (``ttl``, ``json-ld``, ``xml`` ...)."""
    name = fmt.strip().lower()
    name = FORMAT_ALIASES.get(name, name)
    check_format(name)
    return name


def check_format(fmt: str) -> None:
    """Raise :class:`ExportError` listing the valid formats when ``fmt`` is not one."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")


def format_for(fmt: str | None, out: str | Path | None) -> str:
    """The format to write: ``fmt`` (or an alias), else the one ``out``'s suffix names."""
    if fmt:
        return canonical_format(fmt)
    if out is not None:
        suffix = Path(out).suffix.lower().lstrip(".")
        if suffix:
            name = FORMAT_ALIASES.get(suffix, suffix)
            if name in FORMATS:
                return name
        raise ExportError(
            f"cannot tell the format from {Path(out).name!r}; give --format "
            f"({', '.join(FORMATS)}) or a name ending in .ttl, .nt, .nq, .trig, .jsonld, "
            ".rdf or .graphml"
        )
    raise ExportError(f"give --format ({', '.join(FORMATS)}) or --out with a file suffix")


# ---------------------------------------------------------------- lines


def export_lines(graph: Graph | GraphSource) -> list[bytes]:
    """The sorted lines every export writes: the union graph, XML-illegal characters dropped."""
    return drop_xml_illegal(graph_lines(graph))


@cache
def _ontology_lines() -> tuple[bytes, ...]:
    return tuple(graph_lines(ontology_graph()))


_EVIDENCE = _iri_token(str(KG.evidence))
_SOURCE = _iri_token(str(PROV.hadPrimarySource))
_STATEMENT = _iri_token(str(RDF.Statement))
_RDF_TYPE = _iri_token(str(RDF.type))
_REIFIED = {
    _iri_token(str(RDF.subject)): 0,
    _iri_token(str(RDF.predicate)): 1,
    _iri_token(str(RDF.object)): 2,
}


def split_lines(lines: Sequence[bytes], *, include_ontology: bool = True) -> dict[str, list[bytes]]:
    """Lines by graph name (``""`` = default graph): the dataset view, in two passes.

    Each ``rdf:Statement`` goes, with its direct triple and the ``kg:Evidence`` records
    from that document, into the graph named by the document IRI of its evidence
    (``prov:hadPrimarySource``); a statement read from two documents appears in both.
    Entity and document descriptions stay in the default graph, and the ontology gets a
    graph of its own named by its IRI. The union of the graphs is exactly the input.
    """
    statements: set[bytes] = set()
    evidence_of: dict[bytes, list[bytes]] = defaultdict(list)
    source_of: dict[bytes, bytes] = {}
    reified: dict[bytes, list[bytes | None]] = defaultdict(lambda: [None, None, None])
    for line in lines:  # raw split: rdf:type is the marker byte here (see graph.ntriples)
        s, p, o = line.split(b" ", 2)
        if p == _EVIDENCE:
            evidence_of[s].append(o)
        elif p == _SOURCE and o.startswith(b"<"):
            source_of[s] = o
        elif p == TYPE_MARK and o == _STATEMENT:
            statements.add(s)
        elif p in _REIFIED:
            reified[s][_REIFIED[p]] = o
    documents_of: dict[bytes, list[bytes]] = {}
    evidence_graph: dict[bytes, bytes] = {}
    direct: dict[bytes, set[bytes]] = defaultdict(set)  # by the line of the direct triple
    for statement in statements:
        docs: set[bytes] = set()
        for evidence in evidence_of.get(statement, ()):
            doc = source_of.get(evidence, b"")
            evidence_graph[evidence] = doc
            if doc:
                docs.add(doc)
        documents_of[statement] = sorted(docs) or [b""]
        s, p, o = reified.get(statement, (None, None, None))
        if s is not None and p is not None and o is not None:
            direct[join_line(s, p, o)].update(documents_of[statement])
    graphs: dict[bytes, list[bytes]] = defaultdict(list)
    evidence_link = b" " + _EVIDENCE + b" "
    for line in lines:
        s = line[: line.find(b" ")]
        target = evidence_graph.get(s)
        if target is not None:
            graphs[target].append(line)
            continue
        docs_of_statement = documents_of.get(s)
        if docs_of_statement is not None:
            if line.startswith(evidence_link, len(s)):
                target = evidence_graph.get(line[len(s) + len(evidence_link) :])
                if target is not None:
                    graphs[target].append(line)
                    continue
            for doc in docs_of_statement:
                graphs[doc].append(line)
            continue
        for doc in direct.get(line) or (b"",):
            graphs[doc].append(line)
    # Lines arrive sorted and each reaches a graph once, so every graph stays sorted.
    out = {("" if name == b"" else _iri_of(name)): part for name, part in graphs.items()}
    if include_ontology:
        out[str(ONTOLOGY_IRI)] = list(_ontology_lines())
    return dict(sorted(out.items(), key=lambda kv: (kv[0] != "", kv[0])))


def dataset_lines(graph: Graph | GraphSource) -> dict[str, list[bytes]]:
    """The dataset view of ``graph`` (unchanged literals), as sorted lines per graph name."""
    return split_lines(graph_lines(graph))


def split_by_document(graph: Graph | GraphSource, *, include_ontology: bool = True) -> Dataset:
    """The dataset view (see :func:`split_lines`) as an rdflib :class:`~rdflib.Dataset`."""
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    dataset = Dataset(default_union=False)
    for prefix, namespace in _ALL_PREFIXES.items():
        dataset.bind(prefix, namespace)
    for name, lines in split_lines(graph_lines(graph), include_ontology=include_ontology).items():
        target = dataset.graph(URIRef(name) if name else DATASET_DEFAULT_GRAPH_ID)
        data = b"".join(ntriples_line(line) for line in lines)
        if data:
            target.parse(data=data, format="nt")
    return dataset


# ---------------------------------------------------------------- RDF writers


def _nquads(graphs: dict[str, list[bytes]]) -> bytes:
    out = []
    for name, lines in graphs.items():
        suffix = b" ." if not name else b" " + _iri_token(name) + b" ."
        out.extend(ntriples_line(line)[:-3] + suffix for line in lines)
    out.sort()
    return b"".join(line + b"\n" for line in out)


def _trig(graphs: dict[str, list[bytes]]) -> bytes:
    """TriG: one prefix header, the default graph first, then the named graphs by name."""
    compactor = Compactor(_ALL_PREFIXES)
    blocks = []
    for name, lines in graphs.items():
        if not lines:
            continue
        opening = b"{" if not name else compactor.iri(_iri_token(name)) + b" {"
        blocks.append(opening + b"\n" + turtle_body(lines, compactor) + b"}\n")
    header = used_prefix_header(compactor, _ALL_PREFIXES)
    return header + b"\n" + b"\n".join(blocks)


def _jsonld_value(token: bytes, compactor: Compactor) -> object:
    if token.startswith(b"<"):
        return {"@id": _jsonld_iri(token, compactor)}
    if token.startswith(b"_:"):
        return {"@id": token.decode("utf-8")}
    lexical, language, datatype = literal_parts(token)
    if language:
        return {"@value": lexical, "@language": language}
    if datatype is None:
        return lexical
    return {"@value": lexical, "@type": _jsonld_iri(_iri_token(datatype), compactor)}


def _jsonld_iri(token: bytes, compactor: Compactor) -> str:
    if token.startswith(b"_:"):
        return token.decode("utf-8")
    compact = compactor.iri(token)
    return (compact[1:-1] if compact.startswith(b"<") else compact).decode("utf-8")


def _jsonld(lines: Sequence[bytes]) -> bytes:
    """Compact JSON-LD with our prefixes as the context: one node per subject, sorted."""
    compactor = Compactor(_ALL_PREFIXES)
    nodes = []
    for subject, group in groupby(map(split_line, lines), key=lambda t: t[0]):
        node: dict[str, object] = {"@id": _jsonld_iri(subject, compactor)}
        types: list[str] = []
        values: dict[str, list[object]] = {}
        for _, predicate, obj in group:
            if predicate == _RDF_TYPE and not obj.startswith(b'"'):
                types.append(_jsonld_iri(obj, compactor))
            else:
                key = _jsonld_iri(predicate, compactor)
                values.setdefault(key, []).append(_jsonld_value(obj, compactor))
        if types:
            node["@type"] = types[0] if len(types) == 1 else types
        for key, items in values.items():
            node[key] = items[0] if len(items) == 1 else items
        nodes.append(node)
    payload = {"@context": jsonld_context(), "@graph": nodes}
    return (json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


_NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9._-]*")


def _xml_names(predicates: Iterable[bytes]) -> tuple[dict[bytes, str], dict[str, str]]:
    """A qualified XML name for every predicate, and the namespaces they use."""
    by_namespace = sorted(_ALL_PREFIXES.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    names: dict[bytes, str] = {}
    used: dict[str, str] = {"rdf": _RDF_NS}
    extra: dict[str, str] = {}
    for token in sorted(set(predicates)):
        iri = _iri_of(token)
        for prefix, namespace in by_namespace:
            local = iri[len(namespace) :]
            if iri.startswith(namespace) and _NCNAME.fullmatch(local):
                names[token] = f"{prefix}:{local}"
                used[prefix] = namespace
                break
        else:
            match = re.search(r"[A-Za-z_][A-Za-z0-9._-]*$", iri)
            if match is None or match.start() == 0:
                raise ExportError(
                    f"RDF/XML cannot write the predicate <{iri}> (no XML name for it); "
                    "export as turtle or ntriples instead"
                )
            namespace = iri[: match.start()]
            prefix = extra.setdefault(namespace, f"ns{len(extra) + 1}")
            names[token] = f"{prefix}:{match.group(0)}"
            used[prefix] = namespace
    return names, used


def _rdfxml(lines: Sequence[bytes]) -> bytes:
    """Flat RDF/XML (one ``rdf:Description`` per subject), in line order."""
    triples = [split_line(line) for line in lines]
    names, used = _xml_names(p for _, p, _ in triples)

    def node_attr(token: bytes, about: bool) -> str:
        if token.startswith(b"_:"):
            return f"rdf:nodeID={quoteattr(token[2:].decode('utf-8'))}"
        return f"{'rdf:about' if about else 'rdf:resource'}={quoteattr(_iri_of(token))}"

    out = ['<?xml version="1.0" encoding="utf-8"?>', "<rdf:RDF"]
    out += [f"   xmlns:{p}={quoteattr(ns)}" for p, ns in sorted(used.items())]
    out.append(">")
    for subject, group in groupby(triples, key=lambda t: t[0]):
        out.append(f"  <rdf:Description {node_attr(subject, about=True)}>")
        for _, predicate, obj in group:
            name = names[predicate]
            if obj.startswith(b'"'):
                lexical, language, datatype = literal_parts(obj)
                attrs = ""
                if language:
                    attrs = f" xml:lang={quoteattr(language)}"
                elif datatype is not None:
                    attrs = f" rdf:datatype={quoteattr(datatype)}"
                out.append(f"    <{name}{attrs}>{escape(lexical, {chr(13): '&#13;'})}</{name}>")
            else:
                out.append(f"    <{name} {node_attr(obj, about=False)}/>")
        out.append("  </rdf:Description>")
    out.append("</rdf:RDF>")
    return ("\n".join(out) + "\n").encode("utf-8")


# ---------------------------------------------------------------- network view


class _Facts:
    """What the network view needs, gathered in one pass over the lines."""

    def __init__(self, lines: Sequence[bytes]) -> None:
        classes = {_iri_token(str(c)): _local(c) for c in CONTRACT_CLASSES}
        self.relations = {_iri_token(str(p)): p for p in contract_relations()}
        label_predicates = {_iri_token(str(SKOS.prefLabel)), _iri_token(str(RDFS.label))}
        alt, mentions = _iri_token(str(SKOS.altLabel)), _iri_token(str(KG.mentionCount))
        same_as, confidence = _iri_token(str(OWL.sameAs)), _iri_token(str(KG.confidence))
        entity_prefix = b"<" + str(ENTITY).encode()
        self.classes: dict[bytes, list[str]] = defaultdict(list)
        self.labels: dict[bytes, set[tuple[str, str]]] = defaultdict(set)
        self.alt_labels: dict[bytes, set[str]] = defaultdict(set)
        self.mentions: dict[bytes, int] = {}
        self.same_as: dict[bytes, list[str]] = defaultdict(list)
        self.edges: list[tuple[bytes, bytes, bytes]] = []
        self.confidence: dict[bytes, float] = {}
        self.evidence: dict[bytes, int] = defaultdict(int)
        reified: dict[bytes, list[bytes | None]] = defaultdict(lambda: [None, None, None])
        for line in lines:
            s, p, o = split_line(line)
            if p == _RDF_TYPE:
                if o in classes and s.startswith(entity_prefix):
                    self.classes[s].append(classes[o])
            elif p in label_predicates and o.startswith(b'"'):
                lexical, language, _ = literal_parts(o)
                self.labels[s].add((lexical, language or ""))
            elif p == alt and o.startswith(b'"'):
                self.alt_labels[s].add(literal_parts(o)[0])
            elif p == mentions and o.startswith(b'"'):
                with contextlib.suppress(ValueError):
                    self.mentions[s] = int(literal_parts(o)[0])
            elif p == same_as and o.startswith(b"<"):
                self.same_as[s].append(_iri_of(o))
            elif p in self.relations:
                self.edges.append((s, p, o))
            elif p == confidence and o.startswith(b'"'):
                with contextlib.suppress(ValueError):
                    self.confidence[s] = float(literal_parts(o)[0])
            elif p == _EVIDENCE:
                self.evidence[s] += 1
            elif p in _REIFIED:
                reified[s][_REIFIED[p]] = o
        self.statement: dict[tuple[bytes, bytes, bytes], bytes] = {}
        for statement in sorted(reified):
            key = tuple(reified[statement])
            if None not in key:
                self.statement.setdefault(key, statement)  # type: ignore[arg-type]

    def label(self, node: bytes, language: str | None = None) -> str:
        labels = sorted(self.labels.get(node, ()))
        if language is not None:
            return next((text for text, lang in labels if lang == language), "")
        for preferred in ("en", "ja"):
            for text, lang in labels:
                if lang == preferred:
                    return text
        return labels[0][0] if labels else _local(_iri_of(node))


def _network(facts: _Facts) -> nx.MultiDiGraph:
    onto = ontology_graph()
    network = nx.MultiDiGraph()
    for node in sorted(facts.classes):
        same_as = sorted(facts.same_as.get(node, ()))
        network.add_node(
            _iri_of(node),
            label=facts.label(node),
            label_ja=facts.label(node, "ja"),
            label_en=facts.label(node, "en"),
            **{"class": sorted(facts.classes[node])[0]},
            mentionCount=facts.mentions.get(node, 0),
            wikidata=_local(same_as[0]) if same_as else "",
            iri=_iri_of(node),
        )
    relation_labels = {
        token: next((str(o) for o in onto.objects(p, RDFS.label) if o.language == "en"), "")
        or _local(p)
        for token, p in facts.relations.items()
    }
    for s, p, o in sorted(facts.edges, key=lambda e: (e[1], e[0], e[2])):
        if s not in facts.classes or o not in facts.classes:
            continue
        statement = facts.statement.get((s, p, o))
        network.add_edge(
            _iri_of(s),
            _iri_of(o),
            key=_iri_of(statement) if statement else f"{_iri_of(s)}|{_iri_of(p)}|{_iri_of(o)}",
            type=_local(_iri_of(p)),
            label=relation_labels[p],
            predicate=_iri_of(p),
            confidence=facts.confidence.get(statement, 1.0) if statement else 1.0,
            evidenceCount=facts.evidence.get(statement, 0) if statement else 0,
            statement=_iri_of(statement) if statement else "",
        )
    return network


def entity_network(graph: Graph | GraphSource) -> nx.MultiDiGraph:
    """Entities as nodes and contract relations between them as edges.

    Nodes are keyed by IRI and carry ``label`` (English if known, else Japanese),
    ``label_ja``, ``label_en``, ``class``, ``mentionCount``, ``wikidata`` (QID or "") and
    ``iri``. Edges are keyed by statement IRI (unique, so GraphML edge ids are too) and
    carry ``type`` (ontology local name), ``label`` (its English label), ``predicate``
    (IRI), ``confidence`` (float, from the reified statement), ``evidenceCount`` and
    ``statement`` (IRI or ""). All values are plain str/int/float, so the network survives
    GraphML and CSV unchanged. Built from one pass over the lines and dictionary joins, so
    its cost is linear in the graph (a hub with 8,000 relations costs 8,000 edges).
    """
    return _network(_Facts(export_lines(graph)))


def _graphml(network: nx.MultiDiGraph) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml_xml(network, buffer, encoding="utf-8", prettyprint=True)
    # XML readers turn a raw CR into LF; markup has none, so every CR is data to protect.
    return buffer.getvalue().replace(b"\r", b"&#13;")


# ---------------------------------------------------------------- Neo4j


def _neo4j_type(local_name: str) -> str:
    """``fineTunedFrom`` -> ``FINE_TUNED_FROM``: Neo4j's relationship-type convention."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", local_name).upper()


NEO4J_NODE_HEADER = (
    "iri:ID",
    ":LABEL",
    "label",
    "labelJa",
    "labelEn",
    "class",
    "mentionCount:int",
    "wikidata",
    "altLabels:string[]",
)
NEO4J_RELATIONSHIP_HEADER = (
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "relation",
    "confidence:float",
    "evidenceCount:int",
    "statement",
)


def _csv(rows: Iterable[Iterable[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    for row in rows:
        writer.writerow([" ".join(str(v).split()) if isinstance(v, str) else v for v in row])
    return buffer.getvalue().encode("utf-8")


def _cypher_script() -> str:
    """A ``LOAD CSV`` script that needs no APOC: labels and types are switched by FOREACH."""
    label_sets = "\n".join(
        f"FOREACH (_ IN CASE WHEN row.class = '{_local(c)}' THEN [1] ELSE [] END | "
        f"SET n:{_local(c)})"
        for c in CONTRACT_CLASSES
    )
    rel_merges = "\n".join(
        f"FOREACH (_ IN CASE WHEN row.`:TYPE` = '{_neo4j_type(_local(p))}' THEN [1] ELSE [] END |\n"
        f"  MERGE (a)-[r:{_neo4j_type(_local(p))} {{statement: key}}]->(b)\n"
        f"  SET r.relation = row.relation, r.confidence = toFloat(row.`confidence:float`),\n"
        f"      r.evidenceCount = toInteger(row.`evidenceCount:int`))"
        for p in contract_relations()
    )
    return f"""// Load the newskg export into Neo4j without APOC.
//
// 1. Copy nodes.csv and relationships.csv into the database's import/ folder.
// 2. Run: cypher-shell -u neo4j -p <password> -f import.cypher
//
// For an empty database the offline bulk importer is faster and reads the same files:
//   neo4j-admin database import full --nodes=import/nodes.csv \\
//       --relationships=import/relationships.csv --array-delimiter=';' neo4j

CREATE CONSTRAINT entity_iri IF NOT EXISTS FOR (n:Entity) REQUIRE n.iri IS UNIQUE;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
MERGE (n:Entity {{iri: row.`iri:ID`}})
SET n.label = row.label, n.labelJa = row.labelJa, n.labelEn = row.labelEn,
    n.class = row.class, n.mentionCount = toInteger(row.`mentionCount:int`),
    n.wikidata = row.wikidata,
    n.altLabels = CASE WHEN row.`altLabels:string[]` IS NULL THEN []
                  ELSE split(row.`altLabels:string[]`, ';') END
WITH n, row
{label_sets};

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
MATCH (a:Entity {{iri: row.`:START_ID`}})
MATCH (b:Entity {{iri: row.`:END_ID`}})
WITH a, b, row,
     coalesce(row.statement, row.`:START_ID` + ' ' + row.`:TYPE` + ' ' + row.`:END_ID`) AS key
{rel_merges};
"""


def _neo4j_files(facts: _Facts) -> dict[str, bytes]:
    network = _network(facts)
    node_rows: list[list[object]] = [list(NEO4J_NODE_HEADER)]
    for node, data in sorted(network.nodes(data=True)):
        alt = sorted(
            {
                " ".join(a.split()).replace(";", ",")
                for a in facts.alt_labels.get(_iri_token(node), ())
            }
        )
        node_rows.append(
            [
                node,
                f"Entity;{data['class']}",
                data["label"],
                data["label_ja"],
                data["label_en"],
                data["class"],
                data["mentionCount"],
                data["wikidata"],
                ";".join(alt),
            ]
        )
    rel_rows: list[list[object]] = [list(NEO4J_RELATIONSHIP_HEADER)]
    for start, end, data in sorted(
        network.edges(data=True), key=lambda e: (e[0], e[1], e[2]["type"], e[2]["statement"])
    ):
        rel_rows.append(
            [
                start,
                end,
                _neo4j_type(data["type"]),
                data["type"],
                repr(float(data["confidence"])),
                data["evidenceCount"],
                data["statement"],
            ]
        )
    return {
        "nodes.csv": _csv(node_rows),
        "relationships.csv": _csv(rel_rows),
        "import.cypher": _cypher_script().encode("utf-8"),
    }


def write_neo4j(graph: Graph | GraphSource, folder: str | Path) -> Path:
    """Write ``nodes.csv``, ``relationships.csv`` and ``import.cypher`` into ``folder``."""
    return _write_neo4j(_Facts(export_lines(graph)), folder)


def _write_neo4j(facts: _Facts, folder: str | Path) -> Path:
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise ExportError(
            f"{target}: the neo4j export writes a folder, but this is a file; "
            "give a folder path with --out"
        )
    for name, data in _neo4j_files(facts).items():
        write_atomic(target / name, data)
    return target


# ---------------------------------------------------------------- entry points


def _serialize_lines(lines: list[bytes], fmt: str) -> bytes:
    if fmt == "turtle":
        return turtle_document(lines, _ALL_PREFIXES)
    if fmt == "ntriples":
        return b"".join(ntriples_line(line) for line in lines)
    if fmt == "nquads":
        return _nquads(split_lines(lines))
    if fmt == "trig":
        return _trig(split_lines(lines))
    if fmt == "jsonld":
        return _jsonld(lines)
    if fmt == "rdfxml":
        return _rdfxml(lines)
    return _graphml(_network(_Facts(lines)))


def serialize(graph: Graph | GraphSource, fmt: str) -> bytes:
    """The graph in one of the single-file :data:`FORMATS`, as bytes (deterministic)."""
    fmt = canonical_format(fmt)
    if fmt == "neo4j":
        raise ExportError("the neo4j export is a folder of CSV files; give a folder with --out")
    return _serialize_lines(export_lines(graph), fmt)


def export_graph(
    graph: Graph | GraphSource, fmt: str | None, out: str | Path | None = None
) -> bytes | Path:
    """Export ``graph`` as ``fmt`` (or the format ``out``'s suffix names).

    Returns the bytes when ``out`` is None, else the path written. Files are written
    atomically, so a failed export never leaves half a file behind.
    """
    fmt = format_for(fmt, out)
    if fmt == "neo4j":
        if out is None:
            raise ExportError(
                "the neo4j export writes a folder (nodes.csv, relationships.csv, "
                "import.cypher); give one with --out, e.g. --out output/neo4j"
            )
        return write_neo4j(graph, out)
    target = Path(out) if out is not None else None
    if target is not None and target.is_dir():
        raise ExportError(
            f"{target} is a folder; give a file name such as {target}/graph{SUFFIXES[fmt]}"
        )
    data = serialize(graph, fmt)
    if target is None:
        return data
    return write_atomic(target, data)
