"""Exports are checked by independent tools, not only by the library that wrote them.

rdflib writes our files, so rdflib reading them back proves little. Here ``rapper``
(Raptor, C) and ``pyoxigraph`` (Oxigraph, Rust) must parse every RDF export without a
warning and see the same triples; networkx must reload the GraphML with every attribute;
the Neo4j CSV headers must follow the ``neo4j-admin import`` header grammar.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import RDF, XSD, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import PROV

from graph.cli import cli
from graph.errors import ExportError
from graph.export import (
    FORMATS,
    NEO4J_NODE_HEADER,
    NEO4J_RELATIONSHIP_HEADER,
    ONTOLOGY_IRI,
    contract_relations,
    entity_network,
    export_graph,
    ontology_graph,
    serialize,
    split_by_document,
)
from graph.model import (
    AttributeFact,
    Document,
    Entity,
    Evidence,
    Extraction,
    Label,
    RelationFact,
)
from graph.namespaces import KG, PREFIXES
from graph.rdf import build_graph

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "data" / "sample.ttl"
BUILT = ROOT / "output" / "graph.ttl"

RDF_FORMATS = ("turtle", "ntriples", "nquads", "trig", "jsonld", "rdfxml")
DATASET_FORMATS = ("nquads", "trig")
RAPPER_SYNTAX = {
    "turtle": "turtle",
    "ntriples": "ntriples",
    "rdfxml": "rdfxml",
    "trig": "trig",
    "nquads": "nquads",
}
OXIGRAPH_FORMAT = {
    "turtle": pyoxigraph.RdfFormat.TURTLE,
    "ntriples": pyoxigraph.RdfFormat.N_TRIPLES,
    "nquads": pyoxigraph.RdfFormat.N_QUADS,
    "trig": pyoxigraph.RdfFormat.TRIG,
    "jsonld": pyoxigraph.RdfFormat.JSON_LD,
    "rdfxml": pyoxigraph.RdfFormat.RDF_XML,
}


# ---------------------------------------------------------------- graphs under test


def _evidence(doc: str, start: int, method: str, raw: str = "") -> Evidence:
    return Evidence(
        doc_id=doc,
        sentence='「A」と"B"を比較した。\\ <tag> & 改行\nあり',
        sentence_start=0,
        start=start,
        end=start + 3,
        method=method,
        confidence=0.85,
        raw_text=raw,
    )


def rich_graph() -> Graph:
    """Real builder output with the awkward cases: two documents, a statement read from
    both, parallel relations between one pair, quotes/backslashes/newlines/markup in
    literals, every attribute datatype."""
    docs = (
        Document("doc-a", "seeds/a.ja.txt", "記事A", "...", "ja", "a" * 64),
        Document("doc-b", "seeds/b.en.txt", 'Memo "B"', "...", "en", "b" * 64),
    )
    entities = (
        Entity(
            "google",
            "Google",
            "Organization",
            (Label("Google", "en"), Label("グーグル", "ja")),
            (Label("Google社", "ja"),),
            4,
            "Q95",
        ),
        Entity("openai", "OpenAI", "Organization", (Label("OpenAI", "en"),), (), 3, "Q21708200"),
        Entity("llama", "LLaMA", "AIModel", (Label("LLaMA", "en"),), (Label("ラマ", "ja"),), 5),
        Entity("alpaca", "Alpaca", "AIModel", (Label("Alpaca", "en"),), (), 2),
        Entity("lora", "LoRA", "Technique", (Label("LoRA", "en"),), (), 1),
        Entity("memo", "Memo", "Document", (Label('The "moat" memo', "en"),), (), 1),
        Entity("someone", "Someone", "Person", (Label("誰か", "ja"),), (), 1),
    )
    relations = (
        RelationFact(
            "google",
            "competesWith",
            "openai",
            (_evidence("doc-a", 0, "pattern:rival"), _evidence("doc-b", 5, "pattern:rival")),
            0.9,
        ),
        RelationFact("google", "partneredWith", "openai", (_evidence("doc-a", 9, "p:x"),), 0.4),
        RelationFact("alpaca", "fineTunedFrom", "llama", (_evidence("doc-b", 2, "p:ft"),), 0.8),
        RelationFact("alpaca", "uses", "lora", (_evidence("doc-b", 7, "p:uses"),), 0.7),
        RelationFact("memo", "authoredBy", "someone", (_evidence("doc-a", 1, "p:by"),), 0.6),
    )
    attributes = (
        AttributeFact(
            "alpaca", "trainingCost", Decimal("600"), "decimal",
            (_evidence("doc-b", 3, "attribute:cost", "$600"),), 0.9, unit="USD",
        ),
        AttributeFact(
            "alpaca", "parameterCount", 7_000_000_000, "integer",
            (_evidence("doc-a", 4, "attribute:params", "70億"),), 0.9,
        ),
        AttributeFact(
            "alpaca", "relativeQuality", Decimal("0.92"), "decimal",
            (_evidence("doc-a", 6, "attribute:quality", "92%"),), 0.7, baseline="llama",
        ),
        AttributeFact(
            "alpaca", "releaseDate", "2023-03", "gYearMonth",
            (_evidence("doc-b", 8, "attribute:date", "2023年3月"),), 0.8,
        ),
        AttributeFact(
            "llama", "releaseDate", "2023-02-24", "date",
            (_evidence("doc-a", 8, "attribute:date", "2月24日"),), 0.8,
        ),
    )  # fmt: skip
    return build_graph(Extraction(docs, entities, relations, attributes))


def _load(path: Path) -> Graph:
    graph = Graph()
    graph.parse(path)
    return graph


def _graph_cases() -> list[object]:
    cases: list[object] = [
        pytest.param(lambda: _load(SAMPLE), id="sample"),
        pytest.param(rich_graph, id="rich"),
    ]
    if BUILT.is_file():
        cases.append(pytest.param(lambda: _load(BUILT), id="built"))
    return cases


@pytest.fixture(params=_graph_cases())
def source(request: pytest.FixtureRequest) -> Graph:
    return request.param()


def _require(tool: str) -> str:
    """Path of an external tool: a skip locally, a failure in CI (where it must exist)."""
    found = shutil.which(tool)
    if found:
        return found
    message = f"{tool} is not installed (Debian: see .ci/apt-packages.txt)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def _quad_count(graph: Graph, fmt: str) -> int:
    if fmt in DATASET_FORMATS:
        return sum(len(g) for g in _graphs(split_by_document(graph)).values())
    return len(graph)


# ---------------------------------------------------------------- format list and errors


def test_formats_are_the_documented_ones() -> None:
    assert set(FORMATS) == {
        "turtle", "ntriples", "nquads", "trig", "jsonld", "rdfxml", "graphml", "neo4j"
    }  # fmt: skip


def test_unknown_format_lists_the_valid_ones() -> None:
    with pytest.raises(ExportError) as info:
        export_graph(_load(SAMPLE), "owl-functional")
    message = str(info.value)
    assert "owl-functional" in message
    for fmt in FORMATS:
        assert fmt in message


def test_neo4j_needs_a_folder() -> None:
    with pytest.raises(ExportError, match="--out"):
        export_graph(_load(SAMPLE), "neo4j")


# ---------------------------------------------------------------- independent parsers


@pytest.mark.parametrize("fmt", sorted(RAPPER_SYNTAX))
def test_rapper_parses_without_warnings(source: Graph, fmt: str, tmp_path: Path) -> None:
    rapper = _require("rapper")
    path = tmp_path / f"graph.{fmt}"
    export_graph(source, fmt, path)
    proc = subprocess.run(
        [rapper, "-i", RAPPER_SYNTAX[fmt], "-c", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "warning" not in proc.stderr.lower(), proc.stderr
    assert "error" not in proc.stderr.lower(), proc.stderr
    count = re.search(r"returned (\d+) (?:triples|statements)", proc.stderr)
    assert count, proc.stderr
    assert int(count.group(1)) == _quad_count(source, fmt)


def _oxigraph_dataset(data: bytes, fmt: str) -> Dataset:
    """Parse with Oxigraph, hand the quads back to rdflib through canonical N-Quads."""
    quads = list(pyoxigraph.parse(data, format=OXIGRAPH_FORMAT[fmt]))
    nquads = pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.N_QUADS)
    dataset = Dataset()
    dataset.parse(data=nquads, format="nquads")
    return dataset


def _graphs(dataset: Dataset) -> dict[str, Graph]:
    out: dict[str, Graph] = {}
    for context in dataset.graphs():
        if len(context):
            copy = Graph()
            for triple in context:
                copy.add(triple)
            out[str(context.identifier)] = copy
    return out


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_pyoxigraph_parses_an_isomorphic_graph(source: Graph, fmt: str) -> None:
    parsed = _oxigraph_dataset(serialize(source, fmt), fmt)
    if fmt in DATASET_FORMATS:
        assert _graphs(parsed).keys() == _graphs(split_by_document(source)).keys()
        for name, expected in _graphs(split_by_document(source)).items():
            assert isomorphic(_graphs(parsed)[name], expected), name
    else:
        union = Graph()
        for triple in parsed.triples((None, None, None)):
            union.add(triple)
        assert len(union) == len(source)
        assert isomorphic(union, source)


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_rdflib_round_trip_is_isomorphic(source: Graph, fmt: str) -> None:
    data = serialize(source, fmt)
    rdflib_format = {"ntriples": "nt", "jsonld": "json-ld", "rdfxml": "xml"}.get(fmt, fmt)
    if fmt in DATASET_FORMATS:
        dataset = Dataset()
        dataset.parse(data=data, format=rdflib_format)
        union = Graph()
        for name, graph in _graphs(dataset).items():
            if name != str(ONTOLOGY_IRI):
                for triple in graph:
                    union.add(triple)
        assert isomorphic(union, source)
    else:
        back = Graph()
        back.parse(data=data, format=rdflib_format)
        assert isomorphic(back, source)


# ---------------------------------------------------------------- dataset layout


def test_dataset_has_one_graph_per_document_plus_ontology(source: Graph) -> None:
    dataset = split_by_document(source)
    graphs = _graphs(dataset)
    documents = {str(d) for d in source.subjects(RDF.type, KG.Document) if "/document/" in d}
    assert set(graphs) - {str(DATASET_DEFAULT_GRAPH_ID)} == documents | {str(ONTOLOGY_IRI)}
    assert isomorphic(graphs[str(ONTOLOGY_IRI)], ontology_graph())
    default = graphs[str(DATASET_DEFAULT_GRAPH_ID)]
    assert not list(default.subjects(RDF.type, RDF.Statement))
    assert not list(default.subjects(RDF.type, KG.Evidence))
    for statement in source.subjects(RDF.type, RDF.Statement):
        for evidence in source.objects(statement, KG.evidence):
            document = str(source.value(evidence, PROV.hadPrimarySource))
            named = graphs[document]
            assert (statement, KG.evidence, evidence) in named
            assert (evidence, PROV.hadPrimarySource, URIRef(document)) in named
            direct = (
                source.value(statement, RDF.subject),
                source.value(statement, RDF.predicate),
                source.value(statement, RDF.object),
            )
            assert direct in named
            assert (statement, KG.confidence, None) in named


def test_statement_read_from_two_documents_is_in_both() -> None:
    graphs = _graphs(split_by_document(rich_graph()))
    rivals = [
        name
        for name, graph in graphs.items()
        if (URIRef(PREFIXES["kge"] + "google"), KG.competesWith, None) in graph
    ]
    assert sorted(rivals) == [PREFIXES["kgd"] + "doc-a", PREFIXES["kgd"] + "doc-b"]


def test_jsonld_uses_a_compact_context() -> None:
    document = json.loads(serialize(_load(SAMPLE), "jsonld"))
    assert document["@context"]["kge"] == PREFIXES["kge"]
    assert set(PREFIXES) <= set(document["@context"])
    ids = {node["@id"] for node in document["@graph"]}
    assert "kge:meta" in ids


# ---------------------------------------------------------------- determinism


def test_exports_do_not_depend_on_insertion_order() -> None:
    source = rich_graph()
    triples = list(source)
    random.Random(7).shuffle(triples)
    shuffled = Graph()
    for triple in triples:
        shuffled.add(triple)
    for fmt in FORMATS:
        if fmt != "neo4j":
            assert serialize(source, fmt) == serialize(shuffled, fmt), fmt


def test_exports_do_not_depend_on_hash_seed(tmp_path: Path) -> None:
    script = (
        "import hashlib, sys\n"
        "from rdflib import Graph\n"
        "from graph.export import FORMATS, serialize\n"
        "g = Graph(); g.parse(sys.argv[1])\n"
        "print(' '.join(hashlib.sha256(serialize(g, f)).hexdigest()\n"
        "               for f in FORMATS if f != 'neo4j'))\n"
    )
    path = tmp_path / "rich.nt"
    path.write_bytes(rich_graph().serialize(format="nt", encoding="utf-8"))
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        proc = subprocess.run(
            [sys.executable, "-c", script, str(path)],
            capture_output=True, text=True, env=env, timeout=120, check=True,
        )  # fmt: skip
        digests.add(proc.stdout)
    assert len(digests) == 1


# ---------------------------------------------------------------- GraphML


def test_graphml_reloads_with_every_attribute(source: Graph, tmp_path: Path) -> None:
    path = tmp_path / "graph.graphml"
    export_graph(source, "graphml", path)
    expected = entity_network(source)
    reloaded = nx.read_graphml(path, force_multigraph=True)
    assert isinstance(reloaded, nx.MultiDiGraph)
    assert dict(reloaded.nodes(data=True)) == dict(expected.nodes(data=True))
    assert sorted(reloaded.edges(keys=True, data=True)) == sorted(
        expected.edges(keys=True, data=True)
    )
    for _, data in reloaded.nodes(data=True):
        assert isinstance(data["mentionCount"], int)
        assert data["class"] in {"Organization", "Person", "AIModel", "Product",
                                 "Technique", "Dataset", "Concept", "Document"}  # fmt: skip
    for _, _, data in reloaded.edges(data=True):
        assert isinstance(data["confidence"], float)
        assert 0.0 <= data["confidence"] <= 1.0
        assert URIRef(data["predicate"]) in contract_relations()


def test_graphml_is_plain_graphml_for_gephi_and_yed(tmp_path: Path) -> None:
    """Only the GraphML namespace, typed keys, unique ids: what Gephi/yEd/Cytoscape read."""
    path = tmp_path / "graph.graphml"
    export_graph(rich_graph(), "graphml", path)
    root = ET.parse(path).getroot()
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    assert root.tag == f"{ns}graphml"
    keys = root.findall(f"{ns}key")
    assert keys and all(k.get("attr.type") in {"string", "double", "long", "int"} for k in keys)
    assert {k.get("attr.name") for k in keys if k.get("for") == "node"} >= {"label", "class"}
    assert {k.get("attr.name") for k in keys if k.get("for") == "edge"} >= {"type", "confidence"}
    ids = [e.get("id") for e in root.iter() if e.tag in (f"{ns}node", f"{ns}edge")]
    assert len(ids) == len(set(ids))
    edges = root.findall(f".//{ns}edge")
    pairs = [(e.get("source"), e.get("target")) for e in edges]
    assert len(pairs) > len(set(pairs)), "parallel relations between one pair are kept"


def test_graphml_edges_are_contract_relations_only() -> None:
    network = entity_network(rich_graph())
    types = {data["type"] for _, _, data in network.edges(data=True)}
    assert types == {"competesWith", "partneredWith", "fineTunedFrom", "uses", "authoredBy"}
    assert all(n.startswith(PREFIXES["kge"]) for n in network.nodes)


# ---------------------------------------------------------------- Neo4j


_NEO4J_TYPES = (
    "int|long|float|double|boolean|byte|short|char|string|point|date|localtime|time|"
    "localdatetime|datetime|duration"
)
#: One header field of ``neo4j-admin database import``: ``name:type[](group)``, where the
#: special fields are ID, LABEL, START_ID, END_ID, TYPE and IGNORE.
_FIELD = re.compile(
    r"^(?P<name>[^:()]*)"
    r"(?::(?P<type>ID|LABEL|START_ID|END_ID|TYPE|IGNORE|" + _NEO4J_TYPES + r")(?P<array>\[\])?)?"
    r"(?:\((?P<group>[^()]+)\))?$"
)


def _parse_header(fields: list[str]) -> list[tuple[str, str, bool]]:
    parsed = []
    for field in fields:
        match = _FIELD.match(field)
        assert match, f"not a neo4j-admin header field: {field!r}"
        assert match.group("name") or match.group("type"), field
        parsed.append((match.group("name"), match.group("type") or "string", bool(match["array"])))
    return parsed


def _check_value(kind: str, array: bool, value: str) -> None:
    values = value.split(";") if array and value else [value]
    for item in values:
        if item == "":
            continue  # empty means "no value" to neo4j-admin
        if kind in ("int", "long"):
            int(item)
        elif kind in ("float", "double"):
            float(item)
        elif kind == "boolean":
            assert item in ("true", "false")


def test_neo4j_files_follow_the_import_header_grammar(source: Graph, tmp_path: Path) -> None:
    folder = export_graph(source, "neo4j", tmp_path / "neo4j")
    assert isinstance(folder, Path)
    assert sorted(p.name for p in folder.iterdir()) == [
        "import.cypher", "nodes.csv", "relationships.csv"
    ]  # fmt: skip
    nodes = list(csv.reader(io.StringIO((folder / "nodes.csv").read_text("utf-8"))))
    rels = list(csv.reader(io.StringIO((folder / "relationships.csv").read_text("utf-8"))))
    assert tuple(nodes[0]) == NEO4J_NODE_HEADER and tuple(rels[0]) == NEO4J_RELATIONSHIP_HEADER
    node_header = _parse_header(nodes[0])
    rel_header = _parse_header(rels[0])
    assert [t for _, t, _ in node_header].count("ID") == 1
    assert [t for _, t, _ in node_header].count("LABEL") == 1
    for special in ("START_ID", "END_ID", "TYPE"):
        assert [t for _, t, _ in rel_header].count(special) == 1
    assert "float" in [t for _, t, _ in rel_header]
    ids = set()
    for row in nodes[1:]:
        assert len(row) == len(node_header)
        for (_, kind, array), value in zip(node_header, row, strict=True):
            _check_value(kind, array, value)
        ids.add(row[0])
        assert row[1].split(";")[0] == "Entity"
    assert len(ids) == len(nodes) - 1
    network = entity_network(source)
    assert len(rels) - 1 == network.number_of_edges()
    for row in rels[1:]:
        assert len(row) == len(rel_header)
        for (_, kind, array), value in zip(rel_header, row, strict=True):
            _check_value(kind, array, value)
        assert row[0] in ids and row[1] in ids
        assert re.fullmatch(r"[A-Z][A-Z_]*", row[2])


def test_neo4j_cypher_script_loads_both_files(tmp_path: Path) -> None:
    folder = export_graph(rich_graph(), "neo4j", tmp_path / "neo4j")
    assert isinstance(folder, Path)
    script = (folder / "import.cypher").read_text("utf-8")
    assert "LOAD CSV WITH HEADERS FROM 'file:///nodes.csv'" in script
    assert "LOAD CSV WITH HEADERS FROM 'file:///relationships.csv'" in script
    for column in re.findall(r"row\.`([^`]+)`", script):
        assert column in NEO4J_NODE_HEADER + NEO4J_RELATIONSHIP_HEADER, column
    for column in re.findall(r"row\.(\w+)", script):
        assert column in NEO4J_NODE_HEADER + NEO4J_RELATIONSHIP_HEADER, column
    rels = (folder / "relationships.csv").read_text("utf-8")
    for rel_type in {row[2] for row in csv.reader(io.StringIO(rels))} - {":TYPE"}:
        assert f"[r:{rel_type} " in script, rel_type
    assert script.count("(") == script.count(")")
    assert script.count("{") == script.count("}")


# ---------------------------------------------------------------- files and CLI


def test_export_writes_atomically_and_returns_the_path(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "graph.ttl"
    assert export_graph(_load(SAMPLE), "turtle", target) == target
    assert [p.name for p in target.parent.iterdir()] == ["graph.ttl"]
    assert isomorphic(_load(target), _load(SAMPLE))


def test_cli_export_to_stdout_and_file(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["export", str(SAMPLE), "--format", "ntriples"])
    assert result.exit_code == 0, result.output
    assert len(result.stdout_bytes.decode("utf-8").splitlines()) == len(_load(SAMPLE))
    out = tmp_path / "g.graphml"
    result = runner.invoke(cli, ["export", str(SAMPLE), "--format", "graphml", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert nx.read_graphml(out).number_of_nodes() == 3


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--format", "yaml"], "use one of: turtle"),
        (["--format", "neo4j"], "--out"),
    ],
)
def test_cli_export_errors_are_one_line(args: list[str], needle: str) -> None:
    result = CliRunner().invoke(cli, ["export", str(SAMPLE), *args])
    assert result.exit_code == 2
    assert result.output.startswith("Error: ") and needle in result.output


def test_cli_export_missing_graph_says_how_to_fix(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", str(tmp_path / "no.ttl"), "--format", "turtle"])
    assert result.exit_code == 2
    assert "kg build" in result.output


def test_rich_builder_output_conforms_to_the_shapes() -> None:
    """The awkward-case graph is real builder output, so it must satisfy the contract too."""
    from graph.validate import format_report, validate_graph

    report = validate_graph(rich_graph())
    assert report.conforms, format_report(report)


def test_foreign_vocabulary_and_tricky_literals_survive_every_rdf_format() -> None:
    """Triples others may add: an unbound namespace, a literal that looks like Turtle."""
    graph = _load(SAMPLE)
    meta = URIRef(PREFIXES["kge"] + "meta")
    graph.add((meta, URIRef("http://example.org/other#note"), Literal("@prefix x: <y> .\n}")))
    graph.add(
        (meta, URIRef("http://example.org/other#score"), Literal("1.5E0", datatype=XSD.double))
    )
    for fmt in RDF_FORMATS:
        parsed = _oxigraph_dataset(serialize(graph, fmt), fmt)
        union = Graph()
        for name, part in _graphs(parsed).items():
            if name != str(ONTOLOGY_IRI):
                for triple in part:
                    union.add(triple)
        assert isomorphic(union, graph), fmt


# ---------------------------------------------------------------- hostile literals (#10.7)

#: Characters documents may carry that some formats cannot: XML 1.0 has no way at all to
#: write U+0000-U+0008, U+000B, U+000C, U+000E-U+001F, U+FFFE, U+FFFF.
XML_ILLEGAL = "\x00\x01\x08\x0b\x0c\x1b\x1f\ufffe\uffff"
HOSTILE = f"A{XML_ILLEGAL}B \x7f\x85\u2028 ]]> <!-- & \"'\\ \r\n\t end"


def hostile_graph() -> Graph:
    """Builder output whose titles, labels, sentences and raw texts hold every hostile character."""
    doc = Document("hostile", "in/hostile.txt", "Title" + HOSTILE, "...", "ja", "c" * 64)
    entities = (
        Entity(
            "a", "A", "Organization", (Label("Org" + HOSTILE, "en"),), (Label(HOSTILE, "ja"),), 1
        ),
        Entity("b", "B", "AIModel", (Label("Model" + HOSTILE, "en"),), (), 1),
    )
    evidence = Evidence("hostile", "Sentence" + HOSTILE, 0, 0, 3, "p:x", 0.8, raw_text=HOSTILE)
    relations = (RelationFact("a", "developed", "b", (evidence,), 0.8),)
    return build_graph(Extraction((doc,), entities, relations, ()))


def _without_illegal(graph: Graph) -> Graph:
    table = str.maketrans("", "", XML_ILLEGAL)
    cleaned = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal):
            o = Literal(str(o).translate(table), lang=o.language, datatype=o.datatype)
        cleaned.add((s, p, o))
    return cleaned


@pytest.mark.parametrize("fmt", sorted(RAPPER_SYNTAX))
def test_rapper_parses_every_export_of_a_hostile_graph(fmt: str, tmp_path: Path) -> None:
    rapper = _require("rapper")
    source = hostile_graph()
    path = tmp_path / f"graph.{fmt}"
    export_graph(source, fmt, path)
    proc = subprocess.run(
        [rapper, "-i", RAPPER_SYNTAX[fmt], "-c", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "error" not in proc.stderr.lower() and "warning" not in proc.stderr.lower()
    count = re.search(r"returned (\d+) (?:triples|statements)", proc.stderr)
    assert count and int(count.group(1)) == _quad_count(_without_illegal(source), fmt)


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_every_format_drops_the_same_characters(fmt: str) -> None:
    """One rule for all formats: what XML cannot hold is dropped, everything else kept."""
    source = hostile_graph()
    parsed = _oxigraph_dataset(serialize(source, fmt), fmt)
    union = Graph()
    for name, part in _graphs(parsed).items():
        if name != str(ONTOLOGY_IRI):
            for triple in part:
                union.add(triple)
    assert isomorphic(union, _without_illegal(source)), fmt
    kept = {str(o) for o in union.objects() if isinstance(o, Literal)}
    assert any("\x7f\x85\u2028 ]]> <!-- &" in text for text in kept)


def test_graphml_and_neo4j_of_a_hostile_graph_parse(tmp_path: Path) -> None:
    source = hostile_graph()
    path = tmp_path / "graph.graphml"
    export_graph(source, "graphml", path)
    ET.parse(path)  # well-formed XML
    reloaded = nx.read_graphml(path, force_multigraph=True)
    labels = {data["label"] for _, data in reloaded.nodes(data=True)}
    assert "Org" + HOSTILE.translate(str.maketrans("", "", XML_ILLEGAL)) in labels
    folder = export_graph(source, "neo4j", tmp_path / "neo4j")
    assert isinstance(folder, Path)
    rows = list(csv.reader(io.StringIO((folder / "nodes.csv").read_text("utf-8"))))
    assert len(rows) == 3 and not any(c in "".join(rows[1]) for c in XML_ILLEGAL)


# ---------------------------------------------------------------- format names (#10.15)


@pytest.mark.parametrize(
    ("alias", "fmt"),
    [("ttl", "turtle"), ("json-ld", "jsonld"), ("xml", "rdfxml"), ("nt", "ntriples"),
     ("NQ", "nquads"), ("rdf", "rdfxml")],
)  # fmt: skip
def test_cli_export_accepts_the_usual_aliases(alias: str, fmt: str) -> None:
    result = CliRunner().invoke(cli, ["export", str(SAMPLE), "--format", alias])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == serialize(_load(SAMPLE), fmt)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("g.ttl", "turtle"), ("g.nt", "ntriples"), ("g.nq", "nquads"), ("g.trig", "trig"),
     ("g.jsonld", "jsonld"), ("g.json", "jsonld"), ("g.rdf", "rdfxml"), ("g.xml", "rdfxml"),
     ("g.graphml", "graphml")],
)  # fmt: skip
def test_cli_export_infers_the_format_from_out(name: str, fmt: str, tmp_path: Path) -> None:
    out = tmp_path / name
    result = CliRunner().invoke(cli, ["export", str(SAMPLE), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == serialize(_load(SAMPLE), fmt)


def test_cli_export_without_a_format_it_can_tell_says_so(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", str(SAMPLE), "--out", str(tmp_path / "g.xls")])
    assert result.exit_code == 2
    assert "cannot tell the format from 'g.xls'" in result.output and "--format" in result.output
    assert not (tmp_path / "g.xls").exists()


# ---------------------------------------------------------------- big graphs (#11.6)


def test_graphml_and_neo4j_of_an_8000_edge_hub(tmp_path: Path) -> None:
    """Each edge once: the old exporter re-sorted the hub's statements per edge (219 s).

    Run in a child process with a generous bound, so a quadratic exporter fails here
    instead of stalling the suite; the measured speed is in benchmarks/bench_serve.py.
    """
    edges = 8000
    docs = (Document("hub", "hub.txt", "Hub", "...", "en", "d" * 64),)
    hub = Entity("hub", "Hub", "Organization", (Label("Hub", "en"),), (), 1)
    models = [
        Entity(f"m{i}", f"M{i}", "AIModel", (Label(f"M{i}", "en"),), (), 1) for i in range(edges)
    ]
    entities = (hub, *models)
    relations = tuple(
        RelationFact("hub", "developed", f"m{i}", (_evidence("hub", i, "p:dev"),), 0.8)
        for i in range(edges)
    )
    source = tmp_path / "hub.nt"
    source.write_bytes(
        build_graph(Extraction(docs, entities, relations, ())).serialize(
            format="nt", encoding="utf-8"
        )
    )
    script = (
        "import sys\n"
        "from graph.export import export_graph\n"
        "from graph.query import open_source\n"
        "g = open_source(sys.argv[1])\n"
        "export_graph(g, 'graphml', sys.argv[2])\n"
        "export_graph(g, 'neo4j', sys.argv[3])\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run(
        [sys.executable, "-c", script, str(source), str(tmp_path / "hub.graphml"),
         str(tmp_path / "neo4j")],
        env=env, timeout=120, check=True,
    )  # fmt: skip
    network = nx.read_graphml(tmp_path / "hub.graphml", force_multigraph=True)
    assert network.out_degree(PREFIXES["kge"] + "hub") == edges
    rels = (tmp_path / "neo4j" / "relationships.csv").read_text("utf-8").splitlines()
    assert len(rels) == edges + 1


@pytest.mark.parametrize("fmt", DATASET_FORMATS)
def test_a_dataset_export_exports_back_to_itself(fmt: str, tmp_path: Path) -> None:
    """Reading a TriG/N-Quads export gives the built graph (the ontology graph is set aside)."""
    from graph.query import open_source

    path = tmp_path / f"graph{'.trig' if fmt == 'trig' else '.nq'}"
    export_graph(rich_graph(), fmt, path)
    again = open_source(path)
    for other in FORMATS:
        if other != "neo4j":
            assert serialize(again, other) == serialize(rich_graph(), other), other
