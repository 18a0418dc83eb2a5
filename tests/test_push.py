"""``kg push`` against a real Graph Store server: ``oxigraph serve``, started here.

(The same push against Virtuoso is in tests/test_triplestore.py, beside its server.)
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDFS

from graph.cli import cli
from graph.errors import KgError
from graph.export import ONTOLOGY_IRI
from graph.push import DESCRIPTIONS_GRAPH, MANIFEST_GRAPH, push_graph
from graph.rdf import build_graph
from tests.test_export import rich_graph
from tests.test_store import DOC_A, DOC_B, _edited, _rich_extraction, _without


def _oxigraph() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(found).is_file():
        message = "oxigraph (pip package oxigraph, in the test extras) is not installed"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Oxigraph:
    def __init__(self, base: str) -> None:
        self.base = base
        self.store = base + "/store"

    def select(self, query: str) -> list[list[str]]:
        url = self.base + "/query?" + urllib.parse.urlencode({"query": query})
        request = urllib.request.Request(url, headers={"Accept": "text/csv"})
        with urllib.request.urlopen(request, timeout=30) as response:
            lines = response.read().decode("utf-8").splitlines()
        return [line.split(",") for line in lines[1:]]

    def graph_sizes(self) -> dict[str, int]:
        rows = self.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        return {g: int(n) for g, n in rows}

    def graph_text(self, name: str) -> bytes:
        url = self.store + "?" + urllib.parse.urlencode({"graph": name})
        request = urllib.request.Request(url, headers={"Accept": "application/n-triples"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return b"".join(sorted(response.read().splitlines(True)))


@pytest.fixture
def oxigraph(tmp_path: Path) -> Iterator[Oxigraph]:
    binary = _oxigraph()
    port = _free_port()
    process = subprocess.Popen(
        [binary, "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    server = Oxigraph(f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                server.select("ASK {}")
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline or process.poll() is not None:
                    pytest.fail("oxigraph serve did not start")
                time.sleep(0.2)
        yield server
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


def test_push_makes_one_graph_per_document(oxigraph: Oxigraph) -> None:
    summary = push_graph(rich_graph(), oxigraph.store)
    sizes = oxigraph.graph_sizes()
    assert set(sizes) == {DOC_A, DOC_B, str(ONTOLOGY_IRI), DESCRIPTIONS_GRAPH, MANIFEST_GRAPH}
    assert set(summary.sent) == {DESCRIPTIONS_GRAPH, DOC_A, DOC_B, str(ONTOLOGY_IRI)}
    label = (
        f"SELECT ?l WHERE {{ GRAPH <{DESCRIPTIONS_GRAPH}> "
        f"{{ <https://w3id.org/newskg/entity/alpaca> <{RDFS.label}> ?l }} }}"
    )
    assert oxigraph.select(label) == [["Alpaca"]]
    lineage = (
        "SELECT ?g ?o WHERE { GRAPH ?g { <https://w3id.org/newskg/entity/alpaca> "
        "<https://w3id.org/newskg/ontology#fineTunedFrom> ?o } }"
    )
    assert oxigraph.select(lineage) == [[DOC_B, "https://w3id.org/newskg/entity/llama"]]


def test_repushing_replaces_only_the_changed_document(oxigraph: Oxigraph) -> None:
    extraction = _rich_extraction()
    push_graph(build_graph(extraction), oxigraph.store)
    before_a = oxigraph.graph_text(DOC_A)
    assert push_graph(build_graph(extraction), oxigraph.store).sent == ()

    edited = _edited(extraction, "doc-b", "書き換えた文。")
    summary = push_graph(build_graph(edited), oxigraph.store)
    assert summary.sent == (DOC_B,) and summary.unchanged == 3
    assert oxigraph.graph_text(DOC_A) == before_a
    assert "書き換えた文。".encode() in oxigraph.graph_text(DOC_B)

    summary = push_graph(build_graph(_without(edited, "doc-a")), oxigraph.store)
    assert summary.deleted == (DOC_A,)
    assert DOC_A not in oxigraph.graph_sizes()


def test_cli_push_reads_files_and_reports(oxigraph: Oxigraph, tmp_path: Path) -> None:
    path = tmp_path / "rich.ttl"
    path.write_bytes(rich_graph().serialize(format="turtle", encoding="utf-8"))
    first = CliRunner().invoke(cli, ["push", str(path), oxigraph.store])
    assert first.exit_code == 0, first.output
    assert (
        first.output.startswith("Pushed 4 graphs to ")
        and "(0 unchanged, 0 deleted)" in first.output
    )
    second = CliRunner().invoke(cli, ["push", str(path), oxigraph.store])
    assert "Pushed 0 graphs" in second.output and "(4 unchanged" in second.output


def test_push_errors_are_one_line() -> None:
    port = _free_port()
    with pytest.raises(KgError, match="cannot reach"):
        push_graph(rich_graph(), f"http://127.0.0.1:{port}/store", timeout=5)
    result = CliRunner().invoke(cli, ["push", "tests/data/sample.ttl", "ftp://example.org/x"])
    assert result.exit_code == 2 and "not an http(s) URL" in result.output
