"""`kg query` on the example queries in queries/, against the committed seed graph."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import socket
import threading
import time

import pytest
from click.testing import CliRunner

from graph.cli import cli
from graph.errors import QueryError
from graph.export import ONTOLOGY_IRI
from graph.namespaces import PREFIXES
from graph.query import format_result, load_graph, open_source, read_query, run_query
from tests.conftest import ROOT

GRAPH = ROOT / "output" / "graph.ttl"
QUERIES = ROOT / "queries"


@pytest.fixture(scope="module")
def graph():
    return load_graph(GRAPH)


def rows(graph, name: str) -> list[tuple[str, ...]]:
    result = run_query(graph, read_query(str(QUERIES / name)))
    return [tuple(str(v) for v in row) for row in result.rows]


def test_who_developed_what(graph) -> None:
    found = {(r[0], r[1]) for r in rows(graph, "developed.rq")}
    assert {
        ("Meta", "LLaMA"),
        ("OpenAI", "GPT-4"),
        ("OpenAI", "ChatGPT"),
        ("Google", "LaMDA"),
    } <= found


def test_lineage_is_transitive(graph) -> None:
    assert ("Vicuna-13B", "LLaMA") in rows(graph, "lineage.rq")


def test_threats_come_with_their_sentences(graph) -> None:
    found = rows(graph, "threats.rq")
    assert all(r[0] == "Google" and r[1] == "open source" for r in found)
    assert any("脅威" in r[2] for r in found)


def test_models_by_parameter_count_are_sorted(graph) -> None:
    found = rows(graph, "parameters.rq")
    counts = [int(r[1]) for r in found]
    assert counts == sorted(counts, reverse=True)
    assert ("Vicuna-13B", "13000000000") in found


def test_ask_and_construct(graph) -> None:
    assert run_query(graph, read_query(str(QUERIES / "is-llama-fine-tuned.rq"))).boolean is True
    constructed = run_query(graph, read_query(str(QUERIES / "company-subgraph.rq")))
    assert constructed.graph is not None and len(constructed.graph) > 10


def test_output_formats(graph) -> None:
    result = run_query(graph, read_query(str(QUERIES / "developed.rq")))
    table = format_result(result, "table")
    assert table.splitlines()[0].split() == ["developer", "product", "confidence"]
    parsed_csv = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert (
        parsed_csv[0] == ["developer", "product", "confidence"]
        and len(parsed_csv) == len(result.rows) + 1
    )
    assert format_result(result, "tsv").splitlines()[0] == "developer\tproduct\tconfidence"
    payload = json.loads(format_result(result, "json"))
    assert payload["head"]["vars"] == ["developer", "product", "confidence"]
    assert len(payload["results"]["bindings"]) == len(result.rows)


def test_malformed_query_is_a_one_line_error_with_status_2() -> None:
    outcome = CliRunner().invoke(cli, ["query", str(GRAPH), "SELECT ?x WHERE { ?x a }"])
    assert outcome.exit_code == 2
    assert outcome.output.count("\n") == 1 and "malformed SPARQL query at line 1" in outcome.output


def test_cli_query_reads_rq_files_and_prints_csv() -> None:
    outcome = CliRunner().invoke(
        cli, ["query", str(GRAPH), str(QUERIES / "rivals.rq"), "--format", "csv"]
    )
    assert outcome.exit_code == 0, outcome.output
    assert "Google,OpenAI" in outcome.output


def test_missing_graph_and_query_file() -> None:
    with pytest.raises(QueryError, match="run `kg build`"):
        load_graph(ROOT / "nope.ttl")
    with pytest.raises(QueryError, match="no such query file"):
        read_query("nope.rq")


# ---------------------------------------------------------------- federation stays off (#10.1)


class _Listener:
    """A loopback socket that records every connection made to it (nothing else answers)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/sparql"
        self.requests: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(2)
                with contextlib.suppress(OSError):
                    self.requests.append(conn.recv(65536))

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.sock.close()


@pytest.fixture
def listener():
    server = _Listener()
    yield server
    server.close()


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
        "select * where {{ service <{url}> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
        "PREFIX ex: <urn:x#>\nSELECT * WHERE {{ ?s ex:a\\#b ?o SERVICE <{url}> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ SERVICE <file:///etc/passwd> {{ ?s ?p ?o }} }}",
    ],
)
def test_service_is_refused_and_nothing_is_requested(graph, listener, template: str) -> None:
    query = template.format(url=listener.url)
    with pytest.raises(QueryError, match="--federation"):
        run_query(graph, query)
    outcome = CliRunner().invoke(cli, ["query", str(GRAPH), query])
    assert outcome.exit_code == 2
    assert outcome.output.count("\n") == 1 and "SERVICE" in outcome.output
    time.sleep(0.3)
    assert listener.requests == []


def test_the_word_service_in_strings_iris_and_names_is_no_federation(graph) -> None:
    query = """PREFIX service: <urn:service#>
    SELECT ?x WHERE { # SERVICE <http://example.org/> in a comment
      VALUES ?x { "SERVICE <http://example.org/> {}" <urn:SERVICE> service:SERVICE }
      FILTER(?x != ''' SERVICE ''')
    }"""
    assert len(run_query(graph, query).rows) == 3


def test_federation_is_an_explicit_opt_in(graph, listener) -> None:
    query = f"SELECT * WHERE {{ SERVICE SILENT <{listener.url}> {{ ?s ?p ?o }} }}"
    CliRunner().invoke(cli, ["query", str(GRAPH), query, "--federation"])
    deadline = time.monotonic() + 5
    while not listener.requests and time.monotonic() < deadline:
        time.sleep(0.05)
    assert listener.requests and listener.requests[0].startswith(b"POST ")


def test_updates_are_refused_not_run(tmp_path) -> None:
    outcome = CliRunner().invoke(cli, ["query", str(GRAPH), "LOAD <file:///etc/hostname>"])
    assert outcome.exit_code == 2 and "read-only" in outcome.output


# ---------------------------------------------------------------- terminal safety (#10.3)


def _graph_file(tmp_path, turtle: str):
    path = tmp_path / "g.ttl"
    path.write_text(
        "@prefix kg: <https://w3id.org/newskg/ontology#> .\n"
        "@prefix kge: <https://w3id.org/newskg/entity/> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n" + turtle,
        encoding="utf-8",
    )
    return path


def test_table_output_escapes_control_characters(tmp_path) -> None:
    path = _graph_file(
        tmp_path,
        'kge:x a kg:AIModel ; rdfs:label "red\\u001B[31m alarm\\u0007 two\\nlines\\u202Etxt" .\n',
    )
    outcome = CliRunner().invoke(cli, ["query", str(path), "SELECT ?l WHERE { ?x rdfs:label ?l }"])
    assert outcome.exit_code == 0, outcome.output
    assert "\x1b" not in outcome.output and "\x07" not in outcome.output
    assert "\u202e" not in outcome.output
    assert "red\\x1b[31m alarm\\x07 two\\nlines\\u202etxt" in outcome.output
    assert len(outcome.output.splitlines()) == 4  # header, rule, one row, count
    machine = CliRunner().invoke(
        cli, ["query", str(path), "SELECT ?l WHERE { ?x rdfs:label ?l }", "--format", "json"]
    )
    value = json.loads(machine.output)["results"]["bindings"][0]["l"]["value"]
    assert value == "red\x1b[31m alarm\x07 two\nlines\u202etxt"  # machines get the data as is


# ---------------------------------------------------------------- datasets (#10.14)


@pytest.fixture(scope="module")
def trig(tmp_path_factory):
    path = tmp_path_factory.mktemp("trig") / "graph.trig"
    outcome = CliRunner().invoke(cli, ["export", str(GRAPH), "--out", str(path)])
    assert outcome.exit_code == 0, outcome.output
    nquads = path.with_suffix(".nq")
    outcome = CliRunner().invoke(cli, ["export", str(GRAPH), "--out", str(nquads)])
    assert outcome.exit_code == 0, outcome.output
    return path, nquads


def test_a_dataset_file_is_queried_as_the_union_of_its_graphs(graph, trig) -> None:
    expected = rows(graph, "developed.rq")
    assert expected
    for path in trig:
        result = run_query(open_source(path), read_query(str(QUERIES / "developed.rq")))
        assert [tuple(str(v) for v in row) for row in result.rows] == expected


def test_graph_and_from_named_work_on_a_dataset(trig) -> None:
    source = open_source(trig[0])
    per_graph = run_query(
        source, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s kg:evidence ?e } } GROUP BY ?g"
    )
    documents = {str(row[0]) for row in per_graph.rows}
    assert documents and all(d.startswith(PREFIXES["kgd"]) for d in documents)
    one = sorted(documents)[0]
    named = run_query(
        source, f"SELECT DISTINCT ?g FROM NAMED <{one}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    )
    assert [str(row[0]) for row in named.rows] == [one]
    ontology = run_query(
        source, f"ASK FROM <{ONTOLOGY_IRI}> {{ kg:developed a owl:ObjectProperty }}"
    )
    assert ontology.boolean is True
    no_data = run_query(source, f"ASK FROM <{ONTOLOGY_IRI}> {{ ?x kg:developed ?y }}")
    assert no_data.boolean is False


def test_construct_with_a_table_format_is_refused_with_the_alternative() -> None:
    outcome = CliRunner().invoke(
        cli, ["query", str(GRAPH), str(QUERIES / "company-subgraph.rq"), "--format", "csv"]
    )
    assert outcome.exit_code == 2
    assert "is a graph, not a table" in outcome.output and "--format table" in outcome.output
    turtle = CliRunner().invoke(cli, ["query", str(GRAPH), str(QUERIES / "company-subgraph.rq")])
    assert turtle.exit_code == 0 and "@prefix kg:" in turtle.output


# ---------------------------------------------------------------- --html (#10.13)


def _page_nodes(path) -> set[str]:
    from tests.test_html import data_block

    return {n["iri"].rsplit("/", 1)[1] for n in data_block(path.read_text("utf-8"))["nodes"]}


def test_html_draws_the_entities_a_label_query_names(tmp_path) -> None:
    out = tmp_path / "developed.html"
    outcome = CliRunner().invoke(
        cli, ["query", str(GRAPH), str(QUERIES / "developed.rq"), "--html", str(out)]
    )
    assert outcome.exit_code == 0, outcome.output
    assert {"meta", "llama", "openai", "gpt-4"} <= _page_nodes(out)


def test_html_says_why_nothing_can_be_drawn(tmp_path) -> None:
    out = tmp_path / "none.html"
    query = "SELECT ?n WHERE { ?x kg:mentionCount ?n } LIMIT 2"
    outcome = CliRunner().invoke(cli, ["query", str(GRAPH), query, "--html", str(out)])
    assert outcome.exit_code == 2 and "nothing to draw" in outcome.output
    assert not out.exists()
    ask = CliRunner().invoke(
        cli, ["query", str(GRAPH), "ASK { ?s ?p ?o }", "--html", str(tmp_path / "a.html")]
    )
    assert ask.exit_code == 2 and "cannot draw an ASK result" in ask.output
