"""Our graph in a real triple store: OpenLink Virtuoso (Debian ``virtuoso-opensource-7-bin``).

A module fixture starts ``virtuoso-t`` in the foreground with its own ``virtuoso.ini`` in a
temporary folder, on free loopback ports (never as a system service), loads the graph
(``output/graph.ttl`` when built, else ``tests/data/sample.ttl``) through ``isql-vt`` and
``DB.DBA.TTLP_MT``, and stops the server at teardown. Each example query
(``queries/*.rq`` plus the ones below) must give the same answer through Virtuoso's
SPARQL endpoint as through :func:`graph.query.run_query`: the graph is portable, and so
are the queries we document.

Locally a missing Virtuoso skips these tests; in CI (``CI`` set) it fails them.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

from graph.namespaces import PREFIXES
from graph.query import run_query

ROOT = Path(__file__).resolve().parents[1]
BUILT = ROOT / "output" / "graph.ttl"
SAMPLE = ROOT / "tests" / "data" / "sample.ttl"
GRAPH_IRI = "urn:newskg:test"
STARTUP_SECONDS = 90
XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {
    XSD + name
    for name in (
        "integer", "decimal", "double", "float", "int", "long", "short", "byte",
        "nonNegativeInteger", "positiveInteger", "unsignedInt", "unsignedLong",
    )
}  # fmt: skip

#: Queries of our own, covering what the documented examples use: labels by language,
#: reification with confidence, evidence text in Japanese, aggregates, property paths,
#: OPTIONAL, FILTER on numbers and strings, ASK and CONSTRUCT.
BUILTIN_QUERIES: dict[str, str] = {
    "developed": """
SELECT ?org ?model WHERE { ?org kg:developed ?model }""",
    "labels-en": """
SELECT ?entity ?label WHERE {
  ?entity skos:prefLabel ?label . FILTER(lang(?label) = "en")
}""",
    "lineage-with-confidence": """
SELECT ?model ?base ?confidence WHERE {
  ?model kg:fineTunedFrom ?base .
  ?s a rdf:Statement ; rdf:subject ?model ; rdf:predicate kg:fineTunedFrom ;
     rdf:object ?base ; kg:confidence ?confidence .
}""",
    "evidence-sentences": """
SELECT ?statement ?sentence ?start ?end ?path WHERE {
  ?statement kg:evidence ?ev .
  ?ev kg:sentence ?sentence ; kg:startOffset ?start ; kg:endOffset ?end ;
      prov:hadPrimarySource ?doc .
  ?doc kg:sourcePath ?path .
}""",
    "entities-per-class": """
SELECT ?class (COUNT(?e) AS ?n) WHERE {
  ?e a ?class . FILTER(STRSTARTS(STR(?e), "https://w3id.org/newskg/entity/"))
} GROUP BY ?class""",
    "big-models": """
SELECT ?model ?params WHERE { ?model kg:parameterCount ?params . FILTER(?params > 1000000000) }""",
    "japanese-alt-labels": """
SELECT ?entity ?alt WHERE { ?entity skos:altLabel ?alt . FILTER(lang(?alt) = "ja") }""",
    # Virtuoso refuses a transitive path whose both ends are unbound ("transitive start
    # not given"), so the start is bound by a type pattern, as portable queries should.
    "ancestors-path": """
SELECT ?model ?ancestor WHERE {
  ?model a kg:AIModel .
  ?model (kg:fineTunedFrom|kg:basedOn|kg:variantOf)+ ?ancestor
}""",
    "optional-wikidata": """
SELECT ?entity ?wd WHERE {
  ?entity kg:mentionCount ?n . OPTIONAL { ?entity owl:sameAs ?wd }
}""",
    "ask-developed": "ASK { ?org kg:developed ?model }",
    "construct-relations": """
CONSTRUCT { ?s kg:developed ?o } WHERE { ?s kg:developed ?o }""",
}


# ---------------------------------------------------------------- the server


@dataclass
class Virtuoso:
    endpoint: str
    graph: Graph
    source: Path
    graph_store: str = ""  # SPARQL 1.1 Graph Store endpoint (for kg push)


def _require(tool: str) -> str:
    found = shutil.which(tool)
    if found:
        return found
    message = (
        f"{tool} is not installed (Debian: virtuoso-opensource-7-bin, see .ci/apt-packages.txt)"
    )
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _ini(folder: Path, sql_port: int, http_port: int) -> str:
    db = folder / "db"
    return f"""[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = ., {folder}
CheckpointInterval = 0
ServerThreads = 4

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
MaxClientConnections = 4
ServerThreads = 4

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 60
MaxQueryCostEstimationTime = 400
"""


def _wait_http(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"virtuoso-t exited ({process.returncode}):\n{log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    pytest.fail(f"virtuoso-t did not answer within {STARTUP_SECONDS}s:\n{log.read_text()[-2000:]}")


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    server = _require("virtuoso-t")
    isql = _require("isql-vt")
    folder = tmp_path_factory.mktemp("virtuoso")
    (folder / "db").mkdir()
    source = BUILT if BUILT.is_file() else SAMPLE
    data = folder / "graph.ttl"
    shutil.copyfile(source, data)
    sql_port, http_port = _free_port(), _free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(_ini(folder, sql_port, http_port), encoding="utf-8")
    log = folder / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [server, "+foreground", "+configfile", str(ini)],
            cwd=folder,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        endpoint = f"http://127.0.0.1:{http_port}/sparql"
        _wait_http(endpoint + "?" + urllib.parse.urlencode({"query": "ASK {}"}), process, log)
        load = (
            f"DB.DBA.TTLP_MT(file_to_string_output('{data}'), '', '{GRAPH_IRI}', 0); "
            'grant SPARQL_UPDATE to "SPARQL"; checkpoint;'  # lets kg push write (test server)
        )
        proc = subprocess.run(
            [isql, f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={load}"],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert proc.returncode == 0 and "Error" not in proc.stdout + proc.stderr, (
            proc.stdout + proc.stderr
        )
        graph = Graph()
        graph.parse(source)
        graph_store = f"http://127.0.0.1:{http_port}/sparql-graph-crud"
        yield Virtuoso(endpoint=endpoint, graph=graph, source=source, graph_store=graph_store)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


# ---------------------------------------------------------------- comparing answers


def _with_prefixes(query: str) -> str:
    """Declare our prefixes the query does not (as run_query does), for Virtuoso too."""
    declared = query.lower()
    lines = [
        f"PREFIX {prefix}: <{iri}>"
        for prefix, iri in {
            **PREFIXES,
            "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        }.items()
        if f"prefix {prefix}:" not in declared
    ]
    return "\n".join(lines) + "\n" + query


def _norm_value(kind: str, value: str, datatype: str | None, lang: str | None) -> tuple:
    if kind == "uri":
        return ("uri", value)
    if kind == "bnode":
        return ("bnode",)
    if lang:
        return ("lang", value, lang.lower())
    if datatype in NUMERIC:
        try:
            return ("num", round(float(Decimal(value)), 9))
        except InvalidOperation:
            return ("num?", value)
    if datatype == XSD + "boolean":
        return ("bool", value in ("true", "1"))
    if datatype in (None, XSD + "string"):
        return ("str", value)
    return ("typed", value, datatype)


def _norm_rdflib(term: object) -> tuple | None:
    if term is None:
        return None
    if isinstance(term, URIRef):
        return _norm_value("uri", str(term), None, None)
    if isinstance(term, BNode):
        return ("bnode",)
    assert isinstance(term, Literal)
    datatype = str(term.datatype) if term.datatype else None
    return _norm_value("literal", str(term), datatype, term.language)


def _norm_json(binding: dict[str, str] | None) -> tuple | None:
    if binding is None:
        return None
    return _norm_value(
        binding["type"], binding["value"], binding.get("datatype"), binding.get("xml:lang")
    )


def _ours(graph: Graph, query: str) -> object:
    result = run_query(graph, query)
    if result.kind == "ASK":
        return result.boolean
    if result.graph is not None:
        return result.graph
    return Counter(tuple(_norm_rdflib(v) for v in row) for row in result.rows)


def _theirs(endpoint: str, query: str, kind: str) -> object:
    client = SPARQLWrapper(endpoint)
    client.setQuery(_with_prefixes(query))
    client.addParameter("default-graph-uri", GRAPH_IRI)
    client.setTimeout(60)
    if kind in ("CONSTRUCT", "DESCRIBE"):
        client.setReturnFormat(TURTLE)
        body = client.query().response.read()
        graph = Graph()
        graph.parse(data=body, format="turtle")
        return graph
    client.setReturnFormat(JSON)
    data = client.queryAndConvert()
    assert isinstance(data, dict)
    if "boolean" in data:
        return bool(data["boolean"])
    variables = data["head"]["vars"]
    bindings = data["results"]["bindings"]
    if variables == ["__ask_retval"] or variables == ["__ASK_RETVAL"]:
        return bindings[0][variables[0]]["value"] in ("1", "true")
    return Counter(tuple(_norm_json(b.get(v)) for v in variables) for b in bindings)


def _variables_in_select_order(graph: Graph, query: str) -> tuple[str, ...]:
    return run_query(graph, query).variables


def _query_cases() -> list[object]:
    cases: list[object] = [pytest.param(text, id=name) for name, text in BUILTIN_QUERIES.items()]
    for path in sorted((ROOT / "queries").glob("*.rq")):
        cases.append(pytest.param(path.read_text(encoding="utf-8"), id=f"queries/{path.name}"))
    return cases


# ---------------------------------------------------------------- tests


def test_virtuoso_holds_every_triple(virtuoso: Virtuoso) -> None:
    answer = _theirs(virtuoso.endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "SELECT")
    assert answer == Counter({(("num", float(len(virtuoso.graph))),): 1})


@pytest.mark.parametrize("query", _query_cases())
def test_same_answers_as_run_query(virtuoso: Virtuoso, query: str) -> None:
    ours = _ours(virtuoso.graph, query)
    kind = run_query(virtuoso.graph, query).kind
    theirs = _theirs(virtuoso.endpoint, query, kind)
    if isinstance(ours, Graph):
        assert isinstance(theirs, Graph)
        assert isomorphic(ours, theirs)
    elif isinstance(ours, Counter):
        # Virtuoso names the columns like we do, but may order them differently.
        variables = _variables_in_select_order(virtuoso.graph, query)
        assert isinstance(theirs, Counter)
        assert sum(ours.values()) == sum(theirs.values()), f"row counts differ ({variables})"
        assert ours == theirs
    else:
        assert ours == theirs
    if virtuoso.source == SAMPLE and kind == "SELECT" and "ancestors" not in query:
        assert ours, "the sample graph should answer every built-in query"


# ---------------------------------------------------------------- kg push


def _graphs_in_virtuoso(virtuoso: Virtuoso, prefix: str) -> dict[str, int]:
    client = SPARQLWrapper(virtuoso.endpoint)
    client.setQuery(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        f'FILTER(STRSTARTS(STR(?g), "{prefix}")) }} GROUP BY ?g'
    )
    client.setReturnFormat(JSON)
    data = client.queryAndConvert()
    assert isinstance(data, dict)
    return {b["g"]["value"]: int(b["n"]["value"]) for b in data["results"]["bindings"]}


def test_push_to_virtuoso_replaces_only_the_changed_document(virtuoso: Virtuoso) -> None:
    """kg push over the Graph Store Protocol, into the real Virtuoso."""
    from graph.push import push_graph
    from graph.rdf import build_graph
    from tests.test_store import DOC_A, DOC_B, _edited, _rich_extraction

    extraction = _rich_extraction()
    first = push_graph(build_graph(extraction), virtuoso.graph_store)
    assert {DOC_A, DOC_B} <= set(first.sent)
    before = _graphs_in_virtuoso(virtuoso, PREFIXES["kgd"])
    assert set(before) == {DOC_A, DOC_B}
    edited = _edited(extraction, "doc-b", "書き換えた文。")
    second = push_graph(build_graph(edited), virtuoso.graph_store)
    assert second.sent == (DOC_B,)
    after = _graphs_in_virtuoso(virtuoso, PREFIXES["kgd"])
    assert after == before  # same shape: the sentence changed, not the triple count
    client = SPARQLWrapper(virtuoso.endpoint)
    sentence = f'?e <{PREFIXES["kg"]}sentence> "書き換えた文。"'
    client.setQuery(f"SELECT ?e WHERE {{ GRAPH <{DOC_B}> {{ {sentence} }} }}")
    client.setReturnFormat(JSON)
    assert client.queryAndConvert()["results"]["bindings"]
