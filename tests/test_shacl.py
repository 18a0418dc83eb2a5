"""The Oxigraph SHACL engine against pySHACL: same results on good and broken graphs."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF, XSD, Graph, Literal

from graph import shacl
from graph.validate import default_shapes, load_shapes, validate_graph
from tests.test_export import hostile_graph, rich_graph
from tests.test_validate import BROKEN, PREFIXES

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "data" / "sample.ttl"
BUILT = ROOT / "output" / "graph.ttl"

OFFSETS = (
    PREFIXES
    + """
kgv:e a kg:Evidence ; prov:hadPrimarySource kgd:d ; kg:sentence "s" ; kg:method "m" ;
    kg:sentenceStart 0 ; kg:startOffset 9 ; kg:endOffset 3 .
kgd:d a kg:Document ; rdfs:label "d" ; kg:contentHash "md5:x" ; kg:sourcePath "d.txt" .
"""
)


def _parsed(text: str) -> Graph:
    graph = Graph()
    graph.parse(data=text, format="turtle")
    return graph


def _mutated(seed: int) -> Graph:
    """The sample with random damage: triples dropped, literals retyped, types swapped."""
    rng = random.Random(seed)
    graph = Graph()
    graph.parse(SAMPLE)
    triples = sorted(graph)
    for s, p, o in rng.sample(triples, 12):
        graph.remove((s, p, o))
        choice = rng.randrange(3)
        if choice == 0 and isinstance(o, Literal):
            graph.add((s, p, Literal(str(o) + "x", datatype=XSD.integer)))
        elif choice == 1 and p == RDF.type:
            graph.add((s, p, rng.choice(triples)[2]))
    return graph


def _cases() -> list[object]:
    cases = [
        pytest.param(lambda: Graph().parse(SAMPLE), id="sample"),
        pytest.param(rich_graph, id="rich"),
        pytest.param(hostile_graph, id="hostile"),
        pytest.param(lambda: _parsed(BROKEN), id="broken"),
        pytest.param(lambda: _parsed(OFFSETS), id="offsets"),
        *(pytest.param(lambda s=seed: _mutated(s), id=f"mutated-{seed}") for seed in range(6)),
    ]
    if BUILT.is_file():
        cases.append(pytest.param(lambda: Graph().parse(BUILT), id="built"))
    return cases


def _keys(report, focus_nodes: set[str] | None = None) -> set[tuple[str, str, str, str]]:
    return {
        (v.focus, v.path, v.constraint, v.value)
        for v in report.violations
        if focus_nodes is None or v.focus in focus_nodes
    }


@pytest.mark.parametrize("make", _cases())
def test_both_engines_report_the_same_results(make) -> None:
    """Identical, but for two places where pySHACL departs from the SHACL spec.

    * It also lists the inner results of a failed ``sh:node`` on the value node, where
      SHACL reports the ``sh:node`` result only: extra results about such value nodes.
    * It lets an incomparable pair pass ``sh:lessThanOrEquals``, where SHACL requires a
      result: we report it, and the ill-formed number also fails ``sh:datatype``.
    """
    graph = make()
    ours = validate_graph(graph, engine="oxigraph")
    theirs = validate_graph(graph, engine="pyshacl")
    assert ours.conforms == theirs.conforms
    ill_typed = {
        v.focus for v in theirs.violations if v.constraint == "sh:DatatypeConstraintComponent"
    }
    only_ours = _keys(ours) - _keys(theirs)
    assert all(
        key[2] == "sh:LessThanOrEqualsConstraintComponent" and key[0] in ill_typed
        for key in only_ours
    ), only_ours
    nested = {v.value for v in ours.violations if v.constraint == "sh:NodeConstraintComponent"}
    only_theirs = _keys(theirs) - _keys(ours)
    assert {key[0] for key in only_theirs} <= nested, only_theirs


def test_packaged_shapes_are_within_the_engine() -> None:
    assert shacl.supports(default_shapes())


def test_shapes_beyond_the_engine_go_to_pyshacl(tmp_path: Path) -> None:
    shapes = tmp_path / "closed.ttl"
    shapes.write_text(
        PREFIXES
        + """
@prefix sh: <http://www.w3.org/ns/shacl#> .
<urn:x:Closed> a sh:NodeShape ; sh:targetClass kg:AIModel ; sh:closed true ;
    sh:ignoredProperties ( rdf:type ) .
""",
        encoding="utf-8",
    )
    loaded = load_shapes(shapes)
    assert not shacl.supports(loaded)
    report = validate_graph(Graph().parse(SAMPLE), loaded)
    assert not report.conforms
    assert {v.constraint for v in report.violations} == {"sh:ClosedConstraintComponent"}


def test_cli_validate_reads_a_store_folder(tmp_path: Path) -> None:
    from graph.store import write_store

    write_store(rich_graph(), tmp_path / "store")
    proc = subprocess.run(
        [sys.executable, "-m", "graph.cli", "validate", str(tmp_path / "store")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "conforms"
