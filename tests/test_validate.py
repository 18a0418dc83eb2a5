"""SHACL validation: our graphs conform, broken ones fail with readable, specific reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import OWL, SH

from graph.cli import cli
from graph.errors import ResourceFileError
from graph.export import contract_relations, ontology_graph
from graph.validate import default_shapes, format_report, load_shapes, validate_graph

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "data" / "sample.ttl"
BUILT = ROOT / "output" / "graph.ttl"

PREFIXES = """
@prefix kg: <https://w3id.org/newskg/ontology#> .
@prefix kge: <https://w3id.org/newskg/entity/> .
@prefix kgd: <https://w3id.org/newskg/document/> .
@prefix kgs: <https://w3id.org/newskg/statement/> .
@prefix kgv: <https://w3id.org/newskg/evidence/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

#: One defect per line; the comment names what must be reported.
BROKEN = (
    PREFIXES
    + """
kge:nolabel a kg:AIModel .                                   # no label
kge:twoclasses a kg:AIModel, kg:Product ; rdfs:label "X" .   # two contract classes
kge:org a kg:Organization ; rdfs:label "Org" ;
    kg:fineTunedFrom kge:twoclasses .                        # domain: subject not an AIModel
kge:person a kg:Person ; rdfs:label "P" ;
    kg:worksFor kge:twoclasses .                             # range: object not an Organization
kge:model a kg:AIModel ; rdfs:label "M" ;
    kg:parameterCount "13B" ;                                # datatype: not xsd:integer
    kg:releaseDate "yesterday" ;                             # datatype: not a date type
    kg:uses kge:ghost .                                      # range: untyped entity
kgs:s a rdf:Statement ; rdf:subject kge:model ; rdf:predicate kg:uses ;
    rdf:object kge:ghost ; kg:confidence 1.5 .               # confidence > 1, no evidence
"""
)


def _graph(text: str) -> Graph:
    graph = Graph()
    graph.parse(data=text, format="turtle")
    return graph


def _sample() -> Graph:
    graph = Graph()
    graph.parse(SAMPLE)
    return graph


def test_sample_graph_conforms() -> None:
    report = validate_graph(_sample())
    assert report.conforms, format_report(report)
    assert format_report(report) == "conforms"


@pytest.mark.skipif(not BUILT.is_file(), reason="output/graph.ttl not built (run kg build)")
def test_built_graph_conforms() -> None:
    graph = Graph()
    graph.parse(BUILT)
    report = validate_graph(graph)
    assert report.conforms, format_report(report)


def test_broken_graph_reports_each_kind_of_violation() -> None:
    report = validate_graph(_graph(BROKEN))
    assert not report.conforms
    found = {(v.focus, v.path, v.constraint) for v in report.violations}
    expected = {
        ("kge:nolabel", "rdfs:label", "sh:MinCountConstraintComponent"),
        ("kge:twoclasses", "rdf:type", "sh:QualifiedMaxCountConstraintComponent"),
        ("kge:org", "", "sh:ClassConstraintComponent"),
        ("kge:person", "kg:worksFor", "sh:ClassConstraintComponent"),
        ("kge:model", "kg:parameterCount", "sh:DatatypeConstraintComponent"),
        ("kge:model", "kg:releaseDate", "sh:OrConstraintComponent"),
        ("kge:model", "kg:uses", "sh:NodeConstraintComponent"),
        ("kgs:s", "kg:confidence", "sh:MaxInclusiveConstraintComponent"),
        ("kgs:s", "kg:evidence", "sh:MinCountConstraintComponent"),
    }
    assert expected <= found, sorted(found)


def test_report_is_readable() -> None:
    text = format_report(validate_graph(_graph(BROKEN)))
    assert "Violation: kge:model  kg:parameterCount  [Datatype]" in text
    assert "kg:parameterCount must be a positive xsd:integer" in text
    assert 'value: "13B"' in text
    assert "an entity needs exactly one contract class" in text
    assert text.splitlines()[-1].startswith("does not conform: ")


def test_offsets_must_be_ordered_and_hash_well_formed() -> None:
    text = (
        PREFIXES
        + """
kgv:e a kg:Evidence ; prov:hadPrimarySource kgd:d ; kg:sentence "s" ; kg:method "m" ;
    kg:sentenceStart 0 ; kg:startOffset 9 ; kg:endOffset 3 .
kgd:d a kg:Document ; rdfs:label "d" ; kg:contentHash "md5:x" ; kg:sourcePath "d.txt" .
"""
    )
    report = validate_graph(_graph(text))
    found = {(v.focus, v.path) for v in report.violations}
    assert ("kgv:e", "kg:startOffset") in found
    assert ("kgd:d", "kg:contentHash") in found


def test_every_ontology_relation_and_attribute_has_a_shape() -> None:
    """The shapes are hand-written; this keeps them in step with the ontology."""
    shapes = default_shapes()
    onto = ontology_graph()
    targeted = set(shapes.objects(None, SH.targetSubjectsOf))
    for relation in contract_relations():
        assert relation in targeted, f"no shape for {relation}"
    for attribute in onto.subjects(RDF.type, OWL.DatatypeProperty):
        domain = onto.value(attribute, RDFS.domain)
        if domain is not None and str(domain).endswith(("#AIModel", "#Entity")):
            if attribute == URIRef("https://w3id.org/newskg/ontology#mentionCount"):
                continue  # checked on every entity instead
            assert attribute in targeted, f"no shape for {attribute}"


def test_custom_shapes_file(tmp_path: Path) -> None:
    shapes = tmp_path / "strict.ttl"
    shapes.write_text(
        PREFIXES
        + """
@prefix sh: <http://www.w3.org/ns/shacl#> .
<urn:x:NoVicuna> a sh:NodeShape ; sh:targetClass kg:AIModel ;
    sh:property [ sh:path kg:parameterCount ; sh:maxCount 0 ; sh:message "no sizes"@en ] .
""",
        encoding="utf-8",
    )
    report = validate_graph(_sample(), load_shapes(shapes))
    assert not report.conforms
    assert [v.message for v in report.violations] == ["no sizes"]


def test_bad_shapes_file_says_how_to_fix(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(ResourceFileError, match="--shapes"):
        load_shapes(bad)
    with pytest.raises(ResourceFileError, match="no such shapes file"):
        load_shapes(tmp_path / "missing.ttl")


def test_cli_validate_exit_codes(tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(cli, ["validate", str(SAMPLE)])
    assert ok.exit_code == 0, ok.output
    assert ok.output.strip() == "conforms"
    broken = tmp_path / "broken.ttl"
    broken.write_text(BROKEN, encoding="utf-8")
    bad = runner.invoke(cli, ["validate", str(broken)])
    assert bad.exit_code == 1
    assert "Violation: kge:nolabel  rdfs:label" in bad.output
    missing = runner.invoke(cli, ["validate", str(tmp_path / "none.ttl")])
    assert missing.exit_code == 2 and missing.output.startswith("Error: ")
