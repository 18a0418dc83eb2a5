"""The on-disk store: one graph per document, syncs that rewrite only what changed."""

from __future__ import annotations

import dataclasses
import json
import threading
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph

from graph.cli import cli
from graph.export import ONTOLOGY_IRI, dataset_lines, serialize
from graph.model import Extraction
from graph.namespaces import PREFIXES
from graph.ntriples import ntriples_line
from graph.query import open_source, run_query
from graph.rdf import build_graph
from graph.store import MANIFEST_NAME, StoreError, open_store, write_store
from tests.test_export import rich_graph

DOC_A, DOC_B = PREFIXES["kgd"] + "doc-a", PREFIXES["kgd"] + "doc-b"


def _rich_extraction() -> Extraction:
    """The records behind tests.test_export.rich_graph, rebuilt so they can be edited."""
    import tests.test_export as export_tests

    captured: list[Extraction] = []
    original = export_tests.build_graph
    export_tests.build_graph = lambda extraction: (
        captured.append(extraction) or original(extraction)
    )
    try:
        export_tests.rich_graph()
    finally:
        export_tests.build_graph = original
    return captured[0]


def _edited(extraction: Extraction, doc: str, sentence: str) -> Extraction:
    """``extraction`` with every evidence sentence of ``doc`` replaced."""

    def fix(evidence):
        return (
            dataclasses.replace(evidence, sentence=sentence) if evidence.doc_id == doc else evidence
        )

    return dataclasses.replace(
        extraction,
        relations=tuple(
            dataclasses.replace(r, evidence=tuple(map(fix, r.evidence)))
            for r in extraction.relations
        ),
        attributes=tuple(
            dataclasses.replace(a, evidence=tuple(map(fix, a.evidence)))
            for a in extraction.attributes
        ),
    )


def _without(extraction: Extraction, doc: str) -> Extraction:
    """``extraction`` as if ``doc`` had never been read."""
    relations = []
    for r in extraction.relations:
        kept = tuple(e for e in r.evidence if e.doc_id != doc)
        if kept:
            relations.append(dataclasses.replace(r, evidence=kept))
    attributes = []
    for a in extraction.attributes:
        kept = tuple(e for e in a.evidence if e.doc_id != doc)
        if kept:
            attributes.append(dataclasses.replace(a, evidence=kept))
    return dataclasses.replace(
        extraction,
        documents=tuple(d for d in extraction.documents if d.doc_id != doc),
        relations=tuple(relations),
        attributes=tuple(attributes),
    )


def _store_graphs(folder: Path) -> dict[str, bytes]:
    store = open_store(folder)
    names = [ox.DefaultGraph(), *store.named_graphs()]
    out = {
        ("" if isinstance(n, ox.DefaultGraph) else n.value): b"".join(
            sorted(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=n).splitlines(True))
        )
        for n in names
    }
    del store
    return out


def _expected_graphs(graph: Graph) -> dict[str, bytes]:
    """The dataset view as a fresh store keeps it (numbers in canonical form)."""
    memory = ox.Store()
    for name, lines in dataset_lines(graph).items():
        target = ox.DefaultGraph() if name == "" else ox.NamedNode(name)
        memory.load(
            b"".join(ntriples_line(x) for x in lines), ox.RdfFormat.N_TRIPLES, to_graph=target
        )
        if name:
            memory.add_graph(target)
    names = [ox.DefaultGraph(), *memory.named_graphs()]
    return {
        ("" if isinstance(n, ox.DefaultGraph) else n.value): b"".join(
            sorted(memory.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=n).splitlines(True))
        )
        for n in names
    }


def test_one_named_graph_per_document_plus_the_ontology(tmp_path: Path) -> None:
    summary = write_store(rich_graph(), tmp_path / "store")
    graphs = _store_graphs(tmp_path / "store")
    assert set(graphs) == {"", DOC_A, DOC_B, str(ONTOLOGY_IRI)}
    assert graphs == _expected_graphs(rich_graph())
    assert set(summary.written) == set(graphs) and summary.dropped == ()
    manifest = json.loads((tmp_path / "store" / MANIFEST_NAME).read_text("utf-8"))
    assert set(manifest["graphs"]) == set(graphs)


def test_a_sync_rewrites_only_changed_documents_and_drops_removed_ones(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    extraction = _rich_extraction()
    write_store(build_graph(extraction), folder)
    again = write_store(build_graph(extraction), folder)
    assert again.written == () and again.dropped == () and again.kept == 4

    edited = _edited(extraction, "doc-b", "書き換えた文。")
    changed = write_store(build_graph(edited), folder)
    assert changed.written == (DOC_B,)  # doc-a, the ontology, the descriptions: untouched
    assert _store_graphs(folder) == _expected_graphs(build_graph(edited))

    removed = write_store(build_graph(_without(edited, "doc-a")), folder)
    assert removed.dropped == (DOC_A,)
    assert DOC_A not in _store_graphs(folder)
    assert _store_graphs(folder) == _expected_graphs(build_graph(_without(edited, "doc-a")))


def test_an_interrupted_sync_is_finished_by_the_next(tmp_path: Path, monkeypatch) -> None:
    import graph.store as store_module

    folder = tmp_path / "store"
    extraction = _rich_extraction()
    write_store(build_graph(extraction), folder)
    edited = _edited(_edited(extraction, "doc-a", "新しい文A。"), "doc-b", "新しい文B。")
    calls = []

    def failing(store, key, data):
        calls.append(key)
        if len(calls) == 2:
            raise KeyboardInterrupt  # killed half-way through the rewrite
        original(store, key, data)

    original = store_module._replace_graph
    monkeypatch.setattr(store_module, "_replace_graph", failing)
    with pytest.raises(KeyboardInterrupt):
        write_store(build_graph(edited), folder)
    monkeypatch.setattr(store_module, "_replace_graph", original)
    # Back to the old content: a graph half rewritten must not pass for unchanged.
    write_store(build_graph(extraction), folder)
    assert _store_graphs(folder) == _expected_graphs(build_graph(extraction))


def test_commands_accept_a_store_folder(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    write_store(rich_graph(), folder)
    runner = CliRunner()
    result = runner.invoke(
        cli, ["query", str(folder), "SELECT ?o WHERE { kge:alpaca kg:fineTunedFrom ?o }"]
    )
    assert result.exit_code == 0 and "kge:llama" in result.output, result.output
    per_graph = run_query(
        open_source(folder), "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s kg:evidence ?e } }"
    )
    assert {str(row[0]) for row in per_graph.rows} == {DOC_A, DOC_B}
    exported = runner.invoke(cli, ["export", str(folder), "--format", "nquads"])
    assert exported.exit_code == 0, exported.output
    assert exported.stdout_bytes.count(b"\n") == serialize(rich_graph(), "nquads").count(b"\n")
    assert runner.invoke(cli, ["validate", str(folder)]).output.strip() == "conforms"


def test_serve_a_store_folder(tmp_path: Path) -> None:
    from graph.serve import SparqlServer

    folder = tmp_path / "store"
    write_store(rich_graph(), folder)
    with SparqlServer(folder, "127.0.0.1", 0, workers=2) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        query = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        url = server.url + "?" + urllib.parse.urlencode({"query": query})
        with urllib.request.urlopen(
            urllib.request.Request(url, headers={"Accept": "text/csv"})
        ) as r:
            assert r.read().decode().split() == ["n", "3"]
        server.shutdown()
        thread.join(timeout=10)


def test_store_errors_say_how_to_fix(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="needs a folder"):
        write_store(rich_graph(), tmp_path / "file")
    (tmp_path / "papers").mkdir()
    (tmp_path / "papers" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(StoreError, match="holds other files"):
        write_store(rich_graph(), tmp_path / "papers")
    assert [p.name for p in (tmp_path / "papers").iterdir()] == ["notes.txt"]
    (tmp_path / "plain").mkdir()
    result = CliRunner().invoke(cli, ["query", str(tmp_path / "plain"), "ASK {}"])
    assert result.exit_code == 2 and "not a graph store" in result.output


@pytest.mark.slow
def test_kg_build_store_option(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "見出し\n\nAnthropicは2024年3月4日、大規模言語モデル「Claude 3」を発表した。\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        cli,
        ["build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--store",
         str(tmp_path / "store")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    graphs = _store_graphs(tmp_path / "store")
    assert any(name.startswith(PREFIXES["kgd"]) for name in graphs)
    built = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert graphs == _expected_graphs(built)
