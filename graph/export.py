"""Export a built graph to the formats other tools read.

Why so many: the Turtle we build is the source of truth, but people open graphs in triple
stores (N-Triples, N-Quads, TriG, RDF/XML, JSON-LD), in graph tools (GraphML for Gephi,
Cytoscape, yEd) and in Neo4j (``neo4j-admin import`` CSV plus a ``LOAD CSV`` script).
Every writer is deterministic (sorted), so re-exporting an unchanged graph gives the same
bytes and diffs stay readable.

Two derived views are defined here once and reused (by ``kg validate``, the notebook, ...):

* :func:`entity_network` -- entities as nodes, contract relations as edges, with the
  confidence of the reified statement;
* :func:`split_by_document` -- the graph as a dataset with one named graph per source
  document (what each document says and why), the entity and document descriptions in
  the default graph, and the ontology in its own named graph.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import networkx as nx
from rdflib import RDF, RDFS, BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import OWL, PROV, SKOS
from rdflib.plugins.serializers.turtle import _GEN_QNAME_FOR_DT, TurtleSerializer
from rdflib.term import Node

from graph.errors import ExportError
from graph.model import ENTITY_CLASSES
from graph.namespaces import ENTITY, KG, PREFIXES
from graph.ontology import ontology_graph
from graph.outputs import write_atomic
from graph.rdf import new_graph

__all__ = [
    "CONTRACT_CLASSES",
    "FORMATS",
    "ONTOLOGY_IRI",
    "check_format",
    "contract_relations",
    "entity_network",
    "export_graph",
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

#: IRIs of the contract classes an entity may have.
CONTRACT_CLASSES: tuple[URIRef, ...] = tuple(KG[name] for name in ENTITY_CLASSES)

#: The ontology's own IRI; also the name of its graph in N-Quads/TriG exports.
ONTOLOGY_IRI = URIRef(PREFIXES["kg"].rstrip("#"))

_RDF_NS = str(RDF)


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
    context = dict(PREFIXES)
    context["rdf"] = _RDF_NS
    return dict(sorted(context.items()))


# ---------------------------------------------------------------- helpers


def _key(triple: tuple[Node, Node, Node]) -> tuple[str, str, str]:
    return (triple[0].n3(), triple[1].n3(), triple[2].n3())


def _sorted_copy(triples: Iterable[tuple[Node, Node, Node]]) -> Graph:
    """A graph holding ``triples`` inserted in sorted order.

    rdflib's serializers walk the store in insertion order, so sorted insertion is what
    makes RDF/XML, JSON-LD and TriG byte-stable.
    """
    graph = new_graph()
    for triple in sorted(triples, key=_key):
        graph.add(triple)
    return graph


def _local(iri: Node) -> str:
    text = str(iri)
    return re.split(r"[#/]", text)[-1]


class _LosslessTurtle(TurtleSerializer):
    """rdflib's Turtle writer, but numbers keep their exact lexical form.

    rdflib writes ``"600"^^xsd:decimal`` as ``600.0`` and doubles in exponent form, which
    are different RDF terms; a reader would get a graph that is not isomorphic to ours.
    Where the shorthand would change the lexical form we write the long form instead.
    """

    def __init__(self, store: Graph, *, generate_prefixes: bool = True) -> None:
        super().__init__(store)
        self._generate_prefixes = generate_prefixes

    def get_pname(self, uri: Node, gen_prefix: bool = True) -> str | None:
        # TriG bodies share one prefix header, so they must not invent prefixes (ns1:).
        return super().get_pname(uri, gen_prefix and self._generate_prefixes)

    def label(self, node: Node, position: int) -> str:
        text = super().label(node, position)
        changed = isinstance(node, Literal) and not text.startswith('"') and text != str(node)
        if changed and isinstance(node, Literal) and node.datatype is not None:
            return node._literal_n3(
                use_plain=False,
                qname_callback=lambda dt: self.get_pname(dt, _GEN_QNAME_FOR_DT),
            )
        return text


def _turtle(graph: Graph, *, generate_prefixes: bool = True) -> bytes:
    buffer = io.BytesIO()
    serializer = _LosslessTurtle(_sorted_copy(graph), generate_prefixes=generate_prefixes)
    serializer.serialize(buffer, encoding="utf-8")
    return buffer.getvalue()


def _sorted_lines(data: bytes) -> bytes:
    lines = sorted({line for line in data.decode("utf-8").splitlines() if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


# ---------------------------------------------------------------- dataset view


def split_by_document(graph: Graph, *, include_ontology: bool = True) -> Dataset:
    """The graph as a dataset: one named graph per source document.

    Each ``rdf:Statement`` goes, with its direct triple and the ``kg:Evidence`` records
    from that document, into the graph named by the document IRI of its evidence
    (``prov:hadPrimarySource``); a statement read from two documents appears in both.
    Entity and document descriptions stay in the default graph, and the ontology gets a
    graph of its own named by its IRI. The union of the document graphs and the default
    graph is exactly the input, so nothing is lost.
    """
    per_graph: dict[URIRef | None, set[tuple[Node, Node, Node]]] = {}
    placed: set[tuple[Node, Node, Node]] = set()

    def put(name: URIRef | None, triple: tuple[Node, Node, Node]) -> None:
        per_graph.setdefault(name, set()).add(triple)
        placed.add(triple)

    for statement in set(graph.subjects(RDF.type, RDF.Statement)):
        evidence_nodes = set(graph.objects(statement, KG.evidence))
        documents: set[URIRef] = set()
        for evidence in evidence_nodes:
            source = graph.value(evidence, PROV.hadPrimarySource)
            name = source if isinstance(source, URIRef) else None
            if name is not None:
                documents.add(name)
            put(name, (statement, KG.evidence, evidence))
            for triple in graph.triples((evidence, None, None)):
                put(name, triple)
        own = [t for t in graph.triples((statement, None, None)) if t[1] != KG.evidence]
        subject = graph.value(statement, RDF.subject)
        predicate = graph.value(statement, RDF.predicate)
        obj = graph.value(statement, RDF.object)
        direct = (subject, predicate, obj)
        if None not in direct and direct in graph:
            own.append(direct)  # type: ignore[arg-type]
        for name in sorted(documents) or [None]:
            for triple in own:
                put(name, triple)

    for triple in graph:
        if triple not in placed:
            per_graph.setdefault(None, set()).add(triple)

    dataset = Dataset(default_union=False)
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    dataset.bind("rdf", _RDF_NS)
    default = dataset.graph(DATASET_DEFAULT_GRAPH_ID)
    for triple in sorted(per_graph.get(None, ()), key=_key):
        default.add(triple)
    for name in sorted(n for n in per_graph if n is not None):
        named = dataset.graph(name)
        for triple in sorted(per_graph[name], key=_key):
            named.add(triple)
    if include_ontology:
        named = dataset.graph(ONTOLOGY_IRI)
        for triple in sorted(ontology_graph(), key=_key):
            named.add(triple)
    return dataset


def _trig(dataset: Dataset) -> bytes:
    """TriG with sorted graphs and subjects: the default graph first, then by name.

    Written graph by graph through rdflib's Turtle serializer (whose subject order is
    stable) because rdflib's TriG writer orders graphs by store internals.
    """
    lines = [f"@prefix {p}: <{ns}> ." for p, ns in sorted({**PREFIXES, "rdf": _RDF_NS}.items())]
    lines.append("")
    contexts = sorted(
        (g for g in dataset.graphs() if len(g)),
        key=lambda g: (g.identifier != DATASET_DEFAULT_GRAPH_ID, str(g.identifier)),
    )
    for context in contexts:
        body = _turtle_body(context)
        if context.identifier == DATASET_DEFAULT_GRAPH_ID:
            lines.append("{")
        else:
            lines.append(f"{context.identifier.n3()} {{")
        lines.append(body)  # not indented: that would alter multi-line string literals
        lines.append("}")
        lines.append("")
    return "\n".join(lines).encode("utf-8")


def _nquads(dataset: Dataset) -> bytes:
    """Sorted N-Quads, built from rdflib's N-Triples lines (its N-Quads writer is deprecated)."""
    lines: list[str] = []
    for context in dataset.graphs():
        plain = Graph()
        for triple in context:
            plain.add(triple)
        suffix = (
            "" if context.identifier == DATASET_DEFAULT_GRAPH_ID else f" {context.identifier.n3()}"
        )
        for line in plain.serialize(format="nt").splitlines():
            if line.strip():
                assert line.endswith(" .")
                lines.append(line[:-2] + suffix + " .")
    return ("\n".join(sorted(set(lines))) + "\n").encode("utf-8") if lines else b""


def _turtle_body(graph: Graph) -> str:
    """Turtle statements without the prefix header (which only ever uses our prefixes)."""
    lines = _turtle(graph, generate_prefixes=False).decode("utf-8").splitlines()
    start = 0
    while start < len(lines) and (lines[start].startswith("@prefix ") or not lines[start].strip()):
        declared = lines[start].split()[1:2]
        if declared and declared[0].rstrip(":") not in {*PREFIXES, "rdf"}:
            raise ExportError(f"TriG: unexpected prefix {declared[0]}; report this as a bug")
        start += 1
    return "\n".join(lines[start:]).strip("\n")


# ---------------------------------------------------------------- network view


def _pick_label(graph: Graph, node: URIRef, language: str | None = None) -> str:
    labels = [o for o in graph.objects(node, SKOS.prefLabel) if isinstance(o, Literal)]
    labels += [o for o in graph.objects(node, RDFS.label) if isinstance(o, Literal)]
    if language is not None:
        for label in sorted(labels):
            if label.language == language:
                return str(label)
        return ""
    for preferred in ("en", "ja"):
        for label in sorted(labels):
            if label.language == preferred:
                return str(label)
    return str(sorted(labels)[0]) if labels else _local(node)


def _entity_class(graph: Graph, node: URIRef) -> str:
    classes = sorted(_local(c) for c in graph.objects(node, RDF.type) if c in CONTRACT_CLASSES)
    return classes[0] if classes else "Entity"


def _statement_of(graph: Graph, subject: Node, predicate: Node, obj: Node) -> URIRef | None:
    for statement in sorted(graph.subjects(RDF.subject, subject)):
        if (statement, RDF.predicate, predicate) in graph and (
            statement,
            RDF.object,
            obj,
        ) in graph:
            assert isinstance(statement, URIRef)
            return statement
    return None


def entity_network(graph: Graph) -> nx.MultiDiGraph:
    """Entities as nodes and contract relations between them as edges.

    Nodes are keyed by IRI and carry ``label`` (English if known, else Japanese),
    ``label_ja``, ``label_en``, ``class``, ``mentionCount``, ``wikidata`` (QID or "") and
    ``iri``. Edges are keyed by statement IRI (unique, so GraphML edge ids are too) and
    carry ``type`` (ontology local name), ``label`` (its English label), ``predicate``
    (IRI), ``confidence`` (float, from the reified statement), ``evidenceCount`` and
    ``statement`` (IRI or ""). All values are
    plain str/int/float, so the network survives GraphML and CSV unchanged.
    """
    relations = contract_relations()
    onto = ontology_graph()
    network = nx.MultiDiGraph()
    entities = sorted(
        {
            s
            for cls in CONTRACT_CLASSES
            for s in graph.subjects(RDF.type, cls)
            if isinstance(s, URIRef) and str(s).startswith(str(ENTITY))
        }
    )
    for node in entities:
        same_as = sorted(str(o) for o in graph.objects(node, OWL.sameAs))
        mention_count = graph.value(node, KG.mentionCount)
        network.add_node(
            str(node),
            label=_pick_label(graph, node),
            label_ja=_pick_label(graph, node, "ja"),
            label_en=_pick_label(graph, node, "en"),
            **{"class": _entity_class(graph, node)},
            mentionCount=int(mention_count.toPython()) if isinstance(mention_count, Literal) else 0,
            wikidata=_local(same_as[0]) if same_as else "",
            iri=str(node),
        )
    members = set(entities)
    for predicate in relations:
        relation_label = _pick_label(onto, predicate, "en") or _local(predicate)
        for subject, obj in sorted(graph.subject_objects(predicate)):
            if subject not in members or obj not in members:
                continue
            statement = _statement_of(graph, subject, predicate, obj)
            confidence = graph.value(statement, KG.confidence) if statement else None
            network.add_edge(
                str(subject),
                str(obj),
                key=str(statement) if statement else f"{subject}|{predicate}|{obj}",
                type=_local(predicate),
                label=relation_label,
                predicate=str(predicate),
                confidence=float(confidence.toPython()) if isinstance(confidence, Literal) else 1.0,
                evidenceCount=len(set(graph.objects(statement, KG.evidence))) if statement else 0,
                statement=str(statement) if statement else "",
            )
    return network


def _graphml(graph: Graph) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml_xml(entity_network(graph), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()


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


def _neo4j_files(graph: Graph) -> dict[str, bytes]:
    network = entity_network(graph)
    node_rows: list[list[object]] = [list(NEO4J_NODE_HEADER)]
    for node, data in sorted(network.nodes(data=True)):
        alt = sorted(
            {
                " ".join(str(o).split()).replace(";", ",")
                for o in graph.objects(URIRef(node), SKOS.altLabel)
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
        network.edges(data=True), key=lambda e: (e[0], e[1], e[2]["type"])
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


def write_neo4j(graph: Graph, folder: str | Path) -> Path:
    """Write ``nodes.csv``, ``relationships.csv`` and ``import.cypher`` into ``folder``."""
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise ExportError(
            f"{target}: the neo4j export writes a folder, but this is a file; "
            "give a folder path with --out"
        )
    for name, data in _neo4j_files(graph).items():
        write_atomic(target / name, data)
    return target


# ---------------------------------------------------------------- entry points


def _jsonld(graph: Graph) -> bytes:
    context = jsonld_context()
    text = _sorted_copy(graph).serialize(format="json-ld", context=context, auto_compact=True)
    document = json.loads(text)
    nodes = document.get("@graph", [])
    if isinstance(document, dict) and "@graph" not in document and "@id" in document:
        nodes = [{k: v for k, v in document.items() if k != "@context"}]

    def canonical(value: object) -> object:
        if isinstance(value, list):
            items = [canonical(v) for v in value]
            return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
        if isinstance(value, dict):
            return {k: canonical(v) for k, v in sorted(value.items())}
        return value

    ordered = sorted((canonical(n) for n in nodes), key=lambda n: str(n.get("@id", "")))  # type: ignore[union-attr]
    payload = {"@context": context, "@graph": ordered}
    return (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _rdfxml(graph: Graph) -> bytes:
    """Flat RDF/XML (one ``rdf:Description`` per subject), sorted.

    Written by hand because rdflib's XML writer orders subjects by hash, so its bytes
    change from run to run.
    """
    copy = _sorted_copy(graph)
    manager = copy.namespace_manager
    qnames: dict[Node, str] = {}
    used: dict[str, str] = {"rdf": _RDF_NS}
    for predicate in sorted(set(copy.predicates()), key=str):
        try:
            prefix, namespace, local = manager.compute_qname_strict(str(predicate))
        except ValueError as exc:
            raise ExportError(
                f"RDF/XML cannot write the predicate <{predicate}> (no XML name for it); "
                "export as turtle or ntriples instead"
            ) from exc
        used[prefix] = str(namespace)
        qnames[predicate] = f"{prefix}:{local}"

    def node_attr(node: Node, about: bool) -> str:
        if isinstance(node, BNode):
            return f"rdf:nodeID={quoteattr('b' + str(node))}"
        return f"{'rdf:about' if about else 'rdf:resource'}={quoteattr(str(node))}"

    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<rdf:RDF"]
    lines += [f"   xmlns:{p}={quoteattr(ns)}" for p, ns in sorted(used.items())]
    lines.append(">")
    for subject in sorted(set(copy.subjects()), key=lambda n: n.n3()):
        lines.append(f"  <rdf:Description {node_attr(subject, about=True)}>")
        for _, predicate, obj in sorted(copy.triples((subject, None, None)), key=_key):
            name = qnames[predicate]
            if isinstance(obj, Literal):
                attrs = ""
                if obj.language:
                    attrs = f" xml:lang={quoteattr(obj.language)}"
                elif obj.datatype is not None:
                    attrs = f" rdf:datatype={quoteattr(str(obj.datatype))}"
                text = escape(str(obj), {"\r": "&#13;"})
                lines.append(f"    <{name}{attrs}>{text}</{name}>")
            else:
                lines.append(f"    <{name} {node_attr(obj, about=False)}/>")
        lines.append("  </rdf:Description>")
    lines.append("</rdf:RDF>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def serialize(graph: Graph, fmt: str) -> bytes:
    """The graph in one of the single-file :data:`FORMATS`, as bytes (deterministic)."""
    check_format(fmt)
    if fmt == "neo4j":
        raise ExportError("the neo4j export is a folder of CSV files; give a folder with --out")
    if fmt == "turtle":
        return _turtle(graph)
    if fmt == "ntriples":
        return _sorted_lines(graph.serialize(format="nt", encoding="utf-8"))
    if fmt == "nquads":
        return _nquads(split_by_document(graph))
    if fmt == "trig":
        return _trig(split_by_document(graph))
    if fmt == "jsonld":
        return _jsonld(graph)
    if fmt == "rdfxml":
        return _rdfxml(graph)
    return _graphml(graph)


def check_format(fmt: str) -> None:
    """Raise :class:`ExportError` listing the valid formats when ``fmt`` is not one."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")


def export_graph(graph: Graph, fmt: str, out: str | Path | None = None) -> bytes | Path:
    """Export ``graph`` as ``fmt``: bytes when ``out`` is None, else the path written.

    Files are written atomically, so a failed export never leaves half a file behind.
    """
    check_format(fmt)
    if fmt == "neo4j":
        if out is None:
            raise ExportError(
                "the neo4j export writes a folder (nodes.csv, relationships.csv, "
                "import.cypher); give one with --out, e.g. --out output/neo4j"
            )
        return write_neo4j(graph, out)
    data = serialize(graph, fmt)
    if out is None:
        return data
    target = Path(out)
    if target.is_dir():
        raise ExportError(
            f"{target} is a folder; give a file name such as {target}/graph{SUFFIXES[fmt]}"
        )
    return write_atomic(target, data)
