"""The build's direct writers give what the rdflib path gives, byte for byte.

The build writes its Turtle from :func:`graph.lines.extraction_lines` and its page from
:func:`graph.view.extraction_view`, never building an rdflib graph; both must equal the
rdflib path (:func:`graph.rdf.build_graph` then the generic readers) for every record,
including text that needs escaping and every kind of attribute value.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from graph.html import build_view
from graph.lines import extraction_lines, literal
from graph.model import AttributeFact, Document, Entity, Evidence, Extraction, Label, RelationFact
from graph.ntriples import graph_lines
from graph.rdf import build_graph
from graph.view import extraction_view

#: Every character canonical N-Triples escapes, and some it does not.
AWKWARD = 'q"b\\s\n\r\t\b\f\x00\x01\x1f\x7f\ufffe\uffff\u2028é日本\U0001f600 end'


def _evidence(doc: str, start: int, method: str, confidence: float, raw: str = "") -> Evidence:
    return Evidence(
        doc, f"文 {AWKWARD} {start}", start - 2, start, start + 4, method, confidence, raw
    )


@pytest.fixture(scope="module")
def articles_extraction() -> Extraction:
    """The test articles of both languages, read by the real readers."""
    from pathlib import Path

    from graph.pipeline import extract

    data = Path(__file__).parent / "data"
    return extract([data / "articles", data / "heldout", data / "mixed"])


def awkward_extraction() -> Extraction:
    documents = (
        Document("d1", "a/d1.txt", f"Title {AWKWARD}", "", "ja", "0" * 64, "2024-03-21"),
        Document("d2", "b/d 2.txt", "", "", "en", "1" * 64, "2024-03"),
        Document("d3", "c.txt", "Third", "", "ja", "2" * 64, "2023"),
        Document("d4", "d.txt", "Fourth", "", "en", "3" * 64),
    )
    entities = (
        Entity("a%2B%2B", "A++", "Organization", (Label("A++", "en"),), (), 3, "Q42"),
        Entity(
            "beta",
            "Beta",
            "AIModel",
            (Label("Beta", "en"), Label("ベータ", "ja")),
            (Label(f"alt {AWKWARD}", "ja"), Label("B", "en"), Label("Bēta", "en")),
            2,
        ),
        Entity("gamma", "Gamma", "Person", (), (Label("Γ", "en"),), 0),
        Entity("delta", "Delta", "Document", (Label("Delta", "ja"),), (), 1, "P31"),
        Entity("same", "Same", "Concept", (Label("Same", "en"), Label("Same", "ja")), (), 1),
    )
    relations = (
        RelationFact(
            "a%2B%2B",
            "developed",
            "beta",
            (_evidence("d1", 10, "pattern:x", 0.85), _evidence("d2", 4, "pattern:y", 0.5)),
            0.925,
        ),
        RelationFact("beta", "competesWith", "gamma", (_evidence("d3", 3, "p", 0.3333),), 0.333),
        RelationFact("gamma", "worksFor", "a%2B%2B", (_evidence("d4", 7, "p", 1.0),), 1.0),
        RelationFact("beta", "outperforms", "gamma", (_evidence("d1", 20, "p", 0.1),), 0.1),
        RelationFact("delta", "uses", "same", (_evidence("d1", 30, "p", 0.2),), 0.2),
    )
    attributes = (
        AttributeFact(
            "beta",
            "parameterCount",
            13_000_000_000,
            "integer",
            (_evidence("d1", 40, "attribute:count", 0.9, "130億"),),
            0.9,
        ),
        AttributeFact(
            "beta",
            "trainingCost",
            Decimal("100"),
            "decimal",
            (_evidence("d2", 9, "c", 0.7),),
            0.7,
            unit="USD",
        ),
        AttributeFact(
            "gamma",
            "relativeQuality",
            Decimal("0.92"),
            "decimal",
            (_evidence("d3", 5, "q", 0.6, "92%"),),
            0.6,
            baseline="beta",
        ),
        AttributeFact(
            "a%2B%2B", "releaseDate", "2023-03", "gYearMonth", (_evidence("d4", 2, "d", 0.8),), 0.8
        ),
        AttributeFact(
            "same", "releaseDate", "2024-01-05", "date", (_evidence("d1", 50, "d", 0.8),), 0.8
        ),
    )
    return Extraction(documents, entities, relations, attributes)


def test_lines_equal_the_rdflib_graphs_lines() -> None:
    extraction = awkward_extraction()
    assert extraction_lines(extraction) == graph_lines(build_graph(extraction))


def test_lines_of_real_articles_equal_the_rdflib_graphs_lines(articles_extraction) -> None:
    assert extraction_lines(articles_extraction) == graph_lines(build_graph(articles_extraction))


@pytest.mark.parametrize("language", ["ja", "en", None])
def test_view_equals_the_rdflib_graphs_view(language: str | None) -> None:
    extraction = awkward_extraction()
    direct = extraction_view(extraction, title="T", language=language)
    generic = build_view(build_graph(extraction), title="T", language=language)
    # Key order matters too: the page embeds the JSON as it is.
    assert json.dumps(direct, ensure_ascii=False) == json.dumps(generic, ensure_ascii=False)


def test_view_of_real_articles_equals_the_rdflib_graphs_view(articles_extraction) -> None:
    direct = extraction_view(articles_extraction, title="T")
    generic = build_view(build_graph(articles_extraction), title="T")
    assert json.dumps(direct, ensure_ascii=False) == json.dumps(generic, ensure_ascii=False)


def test_literals_are_spelled_as_oxigraph_spells_them() -> None:
    import pyoxigraph as ox

    text = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert literal(text) == str(ox.Literal(text))
    assert literal("x", language="JA") == str(ox.Literal("x", language="ja"))
    xsd_string = ox.NamedNode("http://www.w3.org/2001/XMLSchema#string")
    assert literal("x", datatype=xsd_string.value) == str(ox.Literal("x"))


@pytest.mark.parametrize("chunk", [None, 2])
def test_streamed_turtle_is_the_whole_documents_bytes(
    tmp_path, articles_extraction, monkeypatch, chunk
) -> None:
    """The build streams its Turtle (lines one subject at a time, chunks to a file); the
    bytes are those of the whole-document writer, for real articles and awkward text."""
    from graph.lines import iter_extraction_lines
    from graph.namespaces import PREFIXES
    from graph.ntriples import turtle_document, write_turtle_document

    if chunk:  # many chunks: a block of one subject split across them
        monkeypatch.setattr("graph.ntriples._CHUNK_PIECES", chunk)
    prefixes = {**PREFIXES, "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}
    for number, extraction in enumerate((awkward_extraction(), articles_extraction)):
        whole = turtle_document(graph_lines(build_graph(extraction)), prefixes)
        path = tmp_path / f"graph-{number}.ttl"
        write_turtle_document(path, iter_extraction_lines(extraction), prefixes)
        assert path.read_bytes() == whole
    write_turtle_document(tmp_path / "empty.ttl", iter(()), prefixes)
    assert (tmp_path / "empty.ttl").read_bytes() == turtle_document([], prefixes) == b""
