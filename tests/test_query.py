"""`kg query` on the example queries in queries/, against the committed seed graph."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from graph.cli import cli
from graph.errors import QueryError
from graph.query import format_result, load_graph, read_query, run_query
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
