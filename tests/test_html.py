"""The HTML graph page without a browser: data model, escaping, self-containedness.

What a browser does with the page is in ``tests/test_browser.py``; these tests pin the
properties that can be read from the file itself, fast and everywhere.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import Counter
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from graph.errors import QueryError
from graph.html import (
    LARGE_GRAPH_THRESHOLD,
    RELATIONS,
    build_view,
    embed_json,
    iter_embedded_json,
    render_html,
    write_html,
    write_query_html,
)
from graph.namespaces import DOCUMENT, ENTITY, EVIDENCE, KG, STATEMENT
from graph.query import load_graph, run_query

SAMPLE = Path(__file__).parent / "data" / "sample.ttl"
DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")  # (rdflib's XSD upsets pytest)

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "</script><script>alert(2)</script>",
    "a & b &amp; <!-- c -->",
    "line\u2028separator\u2029end",
]


@pytest.fixture(scope="module")
def sample() -> Graph:
    return load_graph(SAMPLE)


class _Elements(HTMLParser):
    """Counts the elements a browser would build (script text is not parsed as markup)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1


def elements(page: str) -> Counter[str]:
    parser = _Elements()
    parser.feed(page)
    parser.close()
    return parser.tags


def data_block(page: str) -> dict:
    """The JSON the page embeds, read the way the browser reads it."""
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert match, "no data block"
    return json.loads(match.group(1))


def hostile_graph() -> Graph:
    """Labels, titles and sentences that try to break out of every context on the page."""
    graph = Graph()
    doc = DOCUMENT["evil"]
    graph.add((doc, RDF.type, KG.Document))
    graph.add((doc, DCTERMS.title, Literal(HOSTILE[1], lang="ja")))
    graph.add((doc, KG.sourcePath, Literal("evil.txt")))
    graph.add((doc, DCTERMS.language, Literal("ja")))
    a, b = ENTITY["a"], ENTITY["b"]
    graph.add((a, RDF.type, KG.Organization))
    graph.add((b, RDF.type, KG.AIModel))
    for i, text in enumerate(HOSTILE):
        graph.add((a if i % 2 == 0 else b, SKOS.altLabel, Literal(text, lang="ja")))
    graph.add((a, RDFS.label, Literal(HOSTILE[0], lang="ja")))
    graph.add((b, RDFS.label, Literal(HOSTILE[1], lang="en")))
    graph.add((a, KG.developed, b))
    statement, evidence = STATEMENT["s"], EVIDENCE["v"]
    sentence = "".join(HOSTILE)
    graph.add((statement, RDF.type, RDF.Statement))
    graph.add((statement, RDF.subject, a))
    graph.add((statement, RDF.predicate, KG.developed))
    graph.add((statement, RDF.object, b))
    graph.add((statement, KG.confidence, Literal(Decimal("0.7"), datatype=DECIMAL)))
    graph.add((statement, KG.evidence, evidence))
    graph.add((evidence, RDF.type, KG.Evidence))
    graph.add((evidence, KG.sentence, Literal(sentence)))
    graph.add((evidence, KG.sentenceStart, Literal(10)))
    graph.add((evidence, KG.startOffset, Literal(10)))
    graph.add((evidence, KG.endOffset, Literal(10 + len(HOSTILE[0]))))
    graph.add((evidence, KG.method, Literal(HOSTILE[3])))
    graph.add((evidence, PROV.hadPrimarySource, doc))
    return graph


def star_graph(leaves: int) -> Graph:
    """One hub with many leaves, plus a short chain: importance must rank the hub first."""
    graph = Graph()
    hub = ENTITY["hub"]
    graph.add((hub, RDF.type, KG.Organization))
    graph.add((hub, RDFS.label, Literal("Hub", lang="en")))
    for i in range(leaves):
        leaf = ENTITY[f"leaf{i}"]
        graph.add((leaf, RDF.type, KG.AIModel))
        graph.add((leaf, RDFS.label, Literal(f"Leaf {i}", lang="en")))
        graph.add((hub, KG.developed, leaf))
    return graph


_XSD = "http://www.w3.org/2001/XMLSchema#"

#: Documents of dated_graph(): dcterms:issued as a day, a month, a year, nothing, nonsense.
DATED_DOCS: dict[str, tuple[str, str] | None] = {
    "d2023": ("2023-05-10", "date"),
    "d2024m": ("2024-02", "gYearMonth"),
    "d2024y": ("2024", "gYear"),
    "dnone": None,
    "dbad": ("2024-13", "gYearMonth"),
}
#: Facts of dated_graph(): subject, relation (or attribute), object, documents of its evidence.
DATED_FACTS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("a", "developed", "b", ("d2023",)),
    ("c", "uses", "d", ("d2024m",)),
    ("e", "owns", "f", ("dnone",)),
    ("g", "acquired", "h", ("d2024y",)),
    ("a", "investedIn", "c", ("d2023", "d2024m")),
    ("k", "basedOn", "l", ("dbad",)),
    ("i", "parameterCount", "7000000000", ("d2024m",)),
)


def dated_graph() -> Graph:
    """Entities a–l whose facts come from documents with every kind of date (and none).

    ``j`` has no fact at all; ``i`` only an attribute. The ``dcterms:issued`` triples are
    what the build writes on each ``kg:Document``.
    """
    graph = Graph()
    for name, issued in DATED_DOCS.items():
        doc = DOCUMENT[name]
        graph.add((doc, RDF.type, KG.Document))
        graph.add((doc, KG.sourcePath, Literal(f"{name}.txt")))
        graph.add((doc, DCTERMS.title, Literal(f"Doc {name}", lang="en")))
        if issued is not None:
            value, datatype = issued
            graph.add((doc, DCTERMS.issued, Literal(value, datatype=URIRef(_XSD + datatype))))
    for i, key in enumerate("abcdefghijkl"):
        node = ENTITY[key]
        graph.add((node, RDF.type, KG[("Organization", "AIModel", "Product")[i % 3]]))
        graph.add((node, RDFS.label, Literal(key.upper(), lang="en")))
    for n, (s, p, o, docs) in enumerate(DATED_FACTS):
        obj = ENTITY[o] if p != "parameterCount" else Literal(int(o))
        graph.add((ENTITY[s], KG[p], obj))
        statement = STATEMENT[f"f{n}"]
        graph.add((statement, RDF.type, RDF.Statement))
        graph.add((statement, RDF.subject, ENTITY[s]))
        graph.add((statement, RDF.predicate, KG[p]))
        graph.add((statement, RDF.object, obj))
        for doc in docs:
            evidence = EVIDENCE[f"f{n}-{doc}"]
            graph.add((statement, KG.evidence, evidence))
            graph.add((evidence, RDF.type, KG.Evidence))
            graph.add((evidence, KG.sentence, Literal(f"{s} {p} {o} says {doc}.")))
            graph.add((evidence, PROV.hadPrimarySource, DOCUMENT[doc]))
    return graph


# ---------------------------------------------------------------- embed_json


def test_embed_json_escapes_html_breakers_and_round_trips() -> None:
    value = {"s": HOSTILE, "k<>&": "\u2028\u2029"}
    text = embed_json(value)
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in text
    assert json.loads(text) == value


def test_embedded_json_in_pieces_is_the_one_shot_text() -> None:
    """A big page is written piece by piece; the pieces must be json.dumps's bytes."""
    long = [{"t": f"</script>{i}&\u2028", "n": i} for i in range(2_500)]
    value = {"meta": {"a": "<b>"}, "nodes": long, "short": [1, 2], "empty": [], "x": None}
    pieces = list(iter_embedded_json(value))
    assert len(pieces) > 5  # the long list went out in slices
    one_shot = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    escaped = (
        one_shot.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    ).replace("\u2028", "\\u2028")
    assert "".join(pieces) == escaped == embed_json(value)
    assert json.loads("".join(pieces)) == value
    assert list(iter_embedded_json([1, "<"])) == ['[1,"\\u003c"]']


def test_embed_json_rejects_nan() -> None:
    with pytest.raises(ValueError):
        embed_json({"x": float("nan")})


# ---------------------------------------------------------------- the view model


def test_sample_nodes_and_edges(sample: Graph) -> None:
    view = build_view(sample)
    iris = {n["iri"] for n in view["nodes"]}
    assert iris == {str(ENTITY["llama"]), str(ENTITY["meta"]), str(ENTITY["vicuna-13b"])}
    assert view["meta"]["nodeCount"] == 3
    assert view["meta"]["edgeCount"] == 2
    by_iri = {n["iri"]: n for n in view["nodes"]}
    edges = {
        (view["nodes"][e["from"]]["iri"], e["p"], view["nodes"][e["to"]]["iri"])
        for e in view["edges"]
    }
    assert edges == {
        (str(ENTITY["meta"]), "developed", str(ENTITY["llama"])),
        (str(ENTITY["vicuna-13b"]), "fineTunedFrom", str(ENTITY["llama"])),
    }
    assert str(DOCUMENT["sample-ja"]) not in iris  # a source document is provenance, not a node
    assert by_iri[str(ENTITY["meta"])]["wd"] == "Q380"
    assert "ラマ" in by_iri[str(ENTITY["llama"])]["n"]


def test_legend_and_edge_labels_come_from_the_ontology(sample: Graph) -> None:
    view = build_view(sample)
    classes = {c["id"]: c["label"] for c in view["classes"]}
    relations = {r["id"]: r["label"] for r in view["relations"]}
    assert classes["AIModel"] == {"ja": "AIモデル", "en": "AI model"}
    assert relations["fineTunedFrom"] == {"ja": "微調整元", "en": "fine-tuned from"}
    assert view["attributes"]["parameterCount"]["ja"] == "パラメータ数"


def test_evidence_offsets_are_relative_to_the_sentence(sample: Graph) -> None:
    view = build_view(sample)
    developed = next(e for e in view["edges"] if e["p"] == "developed")
    assert developed["conf"] == 0.9
    (index,) = developed["ev"]
    record = view["evidence"][index]
    assert (record["a"], record["b"]) == (0, 4)
    assert view["texts"][record["s"]][record["a"] : record["b"]] == "Meta"
    assert view["docs"][record["d"]]["title"] == "サンプル"
    assert record["m"] == "pattern:developed"


def test_attributes_are_shown_with_units(sample: Graph) -> None:
    view = build_view(sample)
    vicuna = next(n for n in view["nodes"] if n["iri"].endswith("vicuna-13b"))
    attributes = {a["p"]: a for a in vicuna["a"]}
    assert attributes["parameterCount"]["t"]["en"].startswith("13B parameters")
    assert attributes["parameterCount"]["t"]["ja"].startswith("130億")
    assert attributes["relativeQuality"]["t"] == {"en": "92% of LLaMA", "ja": "LLaMAの92%"}
    assert attributes["parameterCount"]["ev"], "attribute evidence is linked"
    assert attributes["parameterCount"]["conf"] == 0.9


def test_training_cost_in_usd() -> None:
    graph = Graph()
    model = ENTITY["m"]
    graph.add((model, RDF.type, KG.AIModel))
    graph.add((model, KG.trainingCost, Literal(Decimal("300"), datatype=DECIMAL)))
    (attribute,) = build_view(graph)["nodes"][0]["a"]
    assert attribute["t"] == {"en": "US$300", "ja": "300 米ドル"}


def test_source_document_is_drawn_when_it_takes_part_in_a_relation() -> None:
    graph = Graph()
    doc, person = DOCUMENT["memo"], ENTITY["p"]
    graph.add((doc, RDF.type, KG.Document))
    graph.add((doc, KG.sourcePath, Literal("memo.txt")))
    graph.add((doc, DCTERMS.title, Literal("Memo", lang="en")))
    graph.add((person, RDF.type, KG.Person))
    graph.add((doc, KG.authoredBy, person))
    view = build_view(graph)
    assert {n["c"] for n in view["nodes"]} == {"Document", "Person"}
    assert view["nodes"][0]["l"]["en"] in {"Memo", "p"}


def test_importance_ranks_hub_first_and_ranks_are_a_permutation() -> None:
    view = build_view(star_graph(20))
    ranks = sorted(n["rank"] for n in view["nodes"])
    assert ranks == list(range(21))
    hub = next(n for n in view["nodes"] if n["iri"].endswith("hub"))
    assert hub["rank"] == 0
    assert hub["imp"] == 1.0


def test_labels_fall_back_across_languages(sample: Graph) -> None:
    view = build_view(sample)
    vicuna = next(n for n in view["nodes"] if n["iri"].endswith("vicuna-13b"))
    assert vicuna["l"] == {"ja": "Vicuna-13B", "en": "Vicuna-13B"}


def test_default_language_follows_the_documents(sample: Graph) -> None:
    assert build_view(sample, language=None)["meta"]["language"] == "ja"
    english = Graph()
    english.add((DOCUMENT["d"], RDF.type, KG.Document))
    english.add((DOCUMENT["d"], DCTERMS.language, Literal("en")))
    assert build_view(english, language=None)["meta"]["language"] == "en"
    assert build_view(english, language="ja")["meta"]["language"] == "ja"


# ---------------------------------------------------------------- the page


def test_page_is_self_contained(sample: Graph) -> None:
    page = render_html(sample)
    assert not re.search(r"<script[^>]*\ssrc=", page, re.I)
    assert not re.search(r"<link[^>]*\shref=", page, re.I)
    assert not re.search(r"""\s(?:src|href)\s*=\s*["']?(?:https?:)?//""", page, re.I)
    assert not re.search(r"""url\(\s*["']?(?:https?:)?//""", page, re.I)
    assert "sourceMappingURL" not in page
    assert "vis.Network" in page  # vis-network itself is inline
    tags = elements(page)
    assert tags["script"] == 3  # data, vis-network, our code
    assert tags["link"] == 0 and tags["img"] == 0 and tags["iframe"] == 0


def test_content_security_policy_admits_only_the_inline_code(sample: Graph) -> None:
    page = render_html(sample)
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert csp
    policy = csp.group(1).replace("&#39;", "'")
    assert "default-src 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    styles = re.findall(r"<style>(.*?)</style>", page, re.S)
    assert len(scripts) == 2 and len(styles) == 2
    for code in scripts + styles:
        digest = base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in policy


def test_page_embeds_the_view(sample: Graph) -> None:
    page = render_html(sample, title="Sample", language="en")
    data = data_block(page)
    assert data == build_view(sample, title="Sample", language="en")
    assert '<html lang="en">' in page


def test_hostile_text_is_escaped_and_survives_as_data() -> None:
    graph = hostile_graph()
    page = render_html(graph, title=HOSTILE[0])
    # Only our own elements exist; nothing the documents said became markup.
    tags = elements(page)
    assert tags["script"] == 3
    assert tags["img"] == 0 and tags["svg"] == 0
    assert page.lower().count("</script") == 3
    for raw in ("<script>alert", "<img src=x", "<svg onload", "</script><script>", "<!-- c"):
        assert raw not in page
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>" in page
    data = data_block(page)
    texts = {text for node in data["nodes"] for text in node["n"]}
    assert set(HOSTILE) <= texts
    assert data["texts"] == ["".join(HOSTILE)]
    assert data["docs"][0]["title"] == HOSTILE[1]
    assert data["evidence"][0]["m"] == HOSTILE[3]


def test_output_is_deterministic(sample: Graph) -> None:
    assert render_html(sample) == render_html(load_graph(SAMPLE))


def test_write_html_is_atomic(tmp_path: Path, sample: Graph) -> None:
    target = tmp_path / "out" / "graph.html"
    assert write_html(sample, target, title="T") == target
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in target.parent.iterdir()] == ["graph.html"]


def test_large_graph_metadata() -> None:
    view = build_view(star_graph(LARGE_GRAPH_THRESHOLD + 5))
    assert view["meta"]["threshold"] == LARGE_GRAPH_THRESHOLD
    assert view["meta"]["nodeCount"] == LARGE_GRAPH_THRESHOLD + 6


def test_documents_carry_the_period_their_date_names() -> None:
    view = build_view(dated_graph())
    docs = {d["path"]: d for d in view["docs"]}
    periods = {path: (d.get("date"), d.get("from"), d.get("to")) for path, d in docs.items()}
    assert periods == {
        "d2023.txt": ("2023-05-10", "2023-05-10", "2023-05-10"),
        "d2024m.txt": ("2024-02", "2024-02-01", "2024-02-29"),  # a leap year
        "d2024y.txt": ("2024", "2024-01-01", "2024-12-31"),
        "dnone.txt": (None, None, None),
        "dbad.txt": (None, None, None),  # month 13: undated, not guessed
    }
    assert view["meta"]["dates"] == {
        "min": "2023-05-10",
        "max": "2024-12-31",
        "dated": 3,
        "undated": 2,
    }
    # Each fact's evidence names its documents, which is what the page filters on.
    edge = next(e for e in view["edges"] if e["p"] == "investedIn")
    assert sorted(docs_of(view, edge["ev"])) == ["d2023.txt", "d2024m.txt"]


def docs_of(view: dict, evidence: list[int]) -> list[str]:
    return [view["docs"][view["evidence"][i]["d"]]["path"] for i in evidence]


def test_a_date_time_reads_as_its_day_and_the_earliest_date_wins() -> None:
    graph = dated_graph()
    doc = DOCUMENT["dnone"]
    graph.add(
        (doc, DCTERMS.issued, Literal("2024-06-30T23:00:00", datatype=URIRef(_XSD + "dateTime")))
    )
    graph.add((doc, DCTERMS.issued, Literal("2024-07-01", datatype=URIRef(_XSD + "date"))))
    view = build_view(graph)
    item = next(d for d in view["docs"] if d["path"] == "dnone.txt")
    assert (item["from"], item["to"]) == ("2024-06-30", "2024-06-30")


def test_graph_without_dates_has_no_period() -> None:
    view = build_view(star_graph(3))
    assert view["meta"]["dates"] == {"min": None, "max": None, "dated": 0, "undated": 0}


# ---------------------------------------------------------------- query pages


def test_select_result_draws_bound_entities_and_their_relations(
    tmp_path: Path, sample: Graph
) -> None:
    result = run_query(sample, "SELECT ?m WHERE { ?m a kg:AIModel }")
    path = write_query_html(sample, result, tmp_path / "q.html")
    data = data_block(path.read_text(encoding="utf-8"))
    assert {n["iri"].rsplit("/", 1)[1] for n in data["nodes"]} == {"llama", "vicuna-13b"}
    assert [e["p"] for e in data["edges"]] == ["fineTunedFrom"]
    assert data["edges"][0]["ev"], "evidence comes from the whole graph"


def test_construct_result_draws_the_constructed_graph(tmp_path: Path, sample: Graph) -> None:
    result = run_query(sample, "CONSTRUCT { ?a kg:developed ?b } WHERE { ?a kg:developed ?b }")
    path = write_query_html(sample, result, tmp_path / "c.html")
    data = data_block(path.read_text(encoding="utf-8"))
    assert {n["l"]["en"] for n in data["nodes"]} == {"Meta", "LLaMA"}
    assert [e["p"] for e in data["edges"]] == ["developed"]
    assert data["nodes"][0]["c"] in {"Organization", "AIModel"}


def test_ask_result_cannot_be_drawn(tmp_path: Path, sample: Graph) -> None:
    result = run_query(sample, "ASK { ?s ?p ?o }")
    with pytest.raises(QueryError, match="SELECT, CONSTRUCT or DESCRIBE"):
        write_query_html(sample, result, tmp_path / "a.html")
    assert not (tmp_path / "a.html").exists()


def test_cli_query_html(tmp_path: Path) -> None:
    from graph.cli import cli

    out = tmp_path / "result.html"
    query = "SELECT ?s WHERE { ?s kg:developed ?o }"
    result = CliRunner().invoke(cli, ["query", str(SAMPLE), query, "--html", str(out)])
    assert result.exit_code == 0, result.output
    data = data_block(out.read_text(encoding="utf-8"))
    assert [n["l"]["en"] for n in data["nodes"]] == ["Meta"]


def test_every_relation_has_a_legend_colour() -> None:
    graph = Graph()
    for i, name in enumerate(RELATIONS):
        a, b = ENTITY[f"a{i}"], ENTITY[f"b{i}"]
        graph.add((a, RDF.type, KG.Concept))
        graph.add((b, RDF.type, KG.Concept))
        graph.add((a, KG[name], b))
    view = build_view(graph)
    assert [r["id"] for r in view["relations"]] == list(RELATIONS)
    assert all(re.fullmatch(r"#[0-9A-F]{6}", r["color"]) for r in view["relations"])
