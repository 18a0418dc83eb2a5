"""``kg eval``: the gold format, the scoring rules, the report, and agreement with the kit.

Small graphs are built with :func:`graph.rdf.build_graph` (the real RDF shape, evidence
included); the agreement tests build the seed, dev and held-out graphs with the real
pipeline and compare every number with ``../shared/eval/score.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import cli
from graph.eval import (
    GoldFormatError,
    GoldSet,
    Tally,
    evaluate,
    evaluate_files,
    format_report,
    normalize_name,
    read_gold,
)
from graph.model import AttributeFact, Document, Entity, Evidence, Extraction, Label, RelationFact
from graph.outputs import serialize_turtle
from graph.rdf import build_graph
from tests.conftest import EVAL, ROOT, require_shared

SENTENCE = "MetaはLLaMAを発表し、GoogleはMetaを競合とみなした。"


def entity(key: str, name: str, cls: str, *alt: str) -> Entity:
    return Entity(key, name, cls, (Label(name, "en"),), tuple(Label(a, "ja") for a in alt), 1)


def evidence(sentence: str = SENTENCE, doc: str = "d") -> Evidence:
    return Evidence(doc, sentence, 0, 0, 4, "pattern:test", 0.8)


def relation(s: str, p: str, o: str, sentence: str = SENTENCE) -> RelationFact:
    return RelationFact(s, p, o, (evidence(sentence),), 0.8)


def attribute(s: str, p: str, value: object, datatype: str) -> AttributeFact:
    return AttributeFact(s, p, value, datatype, (evidence(),), 0.8)


def graph_of(entities, relations=(), attributes=()):
    doc = Document("d", "news/d.txt", "Title", SENTENCE, "ja", "0" * 64)
    return build_graph(Extraction((doc,), tuple(entities), tuple(relations), tuple(attributes)))


def gold_file(tmp_path: Path, text: str, name: str = "a.gold.tsv") -> Path:
    path = tmp_path / name
    path.write_text(text.lstrip("\n"), encoding="utf-8")
    return path


def tsv(*rows: str) -> str:
    """Gold lines written with ' | ' for readability, turned into tabs."""
    return "".join(row.replace(" | ", "\t") + "\n" for row in rows)


BASE_GOLD = tsv(
    "# a comment line",
    "ENTITY | Meta | Organization | Meta;メタ;Meta社",
    "ENTITY | LLaMA | AIModel | LLaMA;ラマ",
    "ENTITY | Google | Organization | Google;グーグル",
    "TRIPLE | Meta | developed | LLaMA | required | MetaはLLaMAを発表",
    "TRIPLE | Meta | owns | LLaMA | optional | implied",
    "TRIPLE | Google | competesWith | Meta | required | 競合",
    "ATTRIBUTE | LLaMA | parameterCount | 65000000000 | count | required | 650億",
)
ENTITIES = (
    entity("meta", "Meta", "Organization"),
    entity("llama", "LLaMA", "AIModel"),
    entity("google", "Google", "Organization"),
)


def score(tmp_path: Path, gold: str, entities=ENTITIES, relations=(), attributes=()):
    path = gold_file(tmp_path, gold)
    return evaluate(graph_of(entities, relations, attributes), [read_gold(path)])


# ---------------------------------------------------------------- matching rules


def test_names_match_after_nfkc_case_and_separator_folding() -> None:
    assert normalize_name("ＬＬａＭＡ-2") == normalize_name("llama 2") == "llama2"
    assert normalize_name("DALL・E_2") == normalize_name("dall·e 2") == "dalle2"
    assert normalize_name("Open\u3000AI") == "openai"


def test_labels_match_aliases_in_any_form(tmp_path: Path) -> None:
    entities = (
        entity("meta", "ＭＥＴＡ社", "Organization"),  # full-width, a listed alias
        entity("llama", "ら ま", "AIModel", "ラ・マ"),  # the altLabel folds to an alias
        entity("google", "google", "Organization"),
    )
    report = score(tmp_path, BASE_GOLD, entities, [relation("meta", "developed", "llama")])
    assert (report.overall.entities.found, report.overall.entities.typed) == (3, 3)
    assert report.overall.relations == Tally(output=1, correct=1, required=2, caught=1)


def test_optional_facts_are_correct_but_not_required(tmp_path: Path) -> None:
    report = score(
        tmp_path,
        BASE_GOLD,
        relations=[relation("meta", "developed", "llama"), relation("meta", "owns", "llama")],
    )
    r = report.overall.relations
    assert (r.output, r.correct, r.required, r.caught) == (2, 2, 2, 1)
    assert (r.precision, r.recall) == (1.0, 0.5)
    assert r.f1 == pytest.approx(2 / 3)


def test_symmetric_relations_match_either_way_others_do_not(tmp_path: Path) -> None:
    report = score(
        tmp_path,
        BASE_GOLD,
        relations=[
            relation("meta", "competesWith", "google"),  # gold says Google competesWith Meta
            relation("llama", "developed", "meta"),  # reversed: wrong
        ],
    )
    assert report.overall.relations == Tally(output=2, correct=1, required=2, caught=1)
    assert [(w.subject, w.predicate, w.object) for w in report.wrong] == [
        ("LLaMA", "developed", "Meta")
    ]
    assert report.wrong[0].reason == "not a gold fact"


def test_alternative_predicates_each_count(tmp_path: Path) -> None:
    gold = BASE_GOLD.replace("Meta\tdeveloped\tLLaMA", "Meta\tdeveloped|owns\tLLaMA")
    gold = gold.replace("TRIPLE\tMeta\towns\tLLaMA\toptional\timplied\n", "")
    report = score(tmp_path, gold, relations=[relation("meta", "owns", "llama")])
    assert report.overall.relations.caught == 1
    assert report.overall.by_relation["owns"] == Tally(output=1, correct=1, required=1, caught=1)
    assert "developed" not in report.overall.by_relation


@pytest.mark.parametrize(
    ("prop", "value", "datatype", "gold_value", "ok"),
    [
        ("parameterCount", 65_500_000_000, "integer", "65000000000", True),  # 0.77 % off
        ("parameterCount", 66_000_000_000, "integer", "65000000000", False),  # 1.5 % off
        ("relativeQuality", Decimal("92"), "decimal", "0.92", True),  # a percentage
        ("relativeQuality", Decimal("0.92"), "decimal", "0.92", True),
        ("relativeQuality", Decimal("0.5"), "decimal", "0.92", False),
        ("trainingCost", Decimal("300"), "decimal", "300", True),
        ("releaseDate", "2024-03-21", "date", "2024-03", True),  # more precise than gold
        ("releaseDate", "2024-03", "gYearMonth", "2024-03-21", True),  # less precise
        ("releaseDate", "2024-04", "gYearMonth", "2024-03-21", False),
    ],
)
def test_attribute_values(
    tmp_path: Path, prop: str, value: object, datatype: str, gold_value: str, ok: bool
) -> None:
    gold = tsv(
        "ENTITY | LLaMA | AIModel | LLaMA",
        f"ATTRIBUTE | LLaMA | {prop} | {gold_value} | x | required | e",
    )
    report = score(tmp_path, gold, attributes=[attribute("llama", prop, value, datatype)])
    a = report.overall.attributes
    assert (a.correct, a.caught) == ((1, 1) if ok else (0, 0))
    assert a.output == a.required == 1


def test_entities_found_typed_and_split(tmp_path: Path) -> None:
    entities = (
        entity("meta", "Meta", "Organization"),
        entity("meta-2", "メタ", "Organization"),  # the same company twice: split
        entity("llama", "LLaMA", "Product"),  # found, wrongly typed
    )
    report = score(tmp_path, BASE_GOLD, entities)
    assert report.overall.entities.to_json() == {
        "gold": 3,
        "found": 2,
        "typed": 1,
        "split": 1,
        "recall": 0.667,
        "type_accuracy": 0.5,
    }
    assert report.missing_entities == ("Google",)
    assert report.split_entities == ("Meta",)


# ---------------------------------------------------------------- documents and report


TWO_DOCS = (
    tsv(
        "ENTITY | Meta | Organization | Meta",
        "ENTITY | LLaMA | AIModel | LLaMA",
        "TRIPLE | Meta | developed | LLaMA | required | Meta released LLaMA",
    ),
    tsv(
        "ENTITY | Google | Organization | Google",
        "ENTITY | Meta | Organization | Meta",
        "TRIPLE | Google | competesWith | Meta | required | rivals",
        "TRIPLE | Google | investedIn | Meta | required | invested",
    ),
)


def test_per_document_scores_attribute_facts_by_their_entities(tmp_path: Path) -> None:
    paths = [gold_file(tmp_path, text, f"doc{i}.gold.tsv") for i, text in enumerate(TWO_DOCS)]
    entities = (*ENTITIES, entity("x", "Unknown Corp", "Organization"))
    relations = [
        relation("meta", "developed", "llama"),  # doc0 (Meta is in doc1 too: counted there)
        relation("google", "competesWith", "meta"),  # doc1 (and doc0 through Meta)
        relation("google", "uses", "llama"),  # wrong; touches both documents
        relation("x", "acquired", "x"),  # wrong; names no gold entity: overall only
    ]
    report = evaluate(graph_of(entities, relations), [read_gold(p) for p in paths])
    overall = report.overall.relations
    assert overall == Tally(output=4, correct=2, required=3, caught=2)
    doc0, doc1 = report.documents
    assert (doc0.name, doc1.name) == ("doc0", "doc1")
    assert doc0.score.relations == Tally(output=3, correct=2, required=1, caught=1)
    assert doc1.score.relations == Tally(output=3, correct=2, required=2, caught=1)
    assert doc0.score.entities.gold == 2 and doc1.score.entities.gold == 2
    # Per-relation tallies add up to the overall numbers.
    assert sum(report.overall.by_relation.values(), Tally()) == overall
    reasons = {(w.subject, w.predicate): (w.reason, w.documents) for w in report.wrong}
    assert reasons == {
        ("Google", "uses"): ("not a gold fact", ("doc0", "doc1")),
        ("Unknown Corp", "acquired"): ("neither end is a gold entity", ()),
    }
    missed = [(m.document, m.line, m.subject, m.predicate, m.object) for m in report.missed]
    assert missed == [("doc1", 4, "Google", "investedIn", "Meta")]
    assert report.missed[0].evidence == "invested"


def test_wrong_facts_carry_the_graphs_evidence_sentence(tmp_path: Path) -> None:
    said = "GoogleはLLaMAを採用したと報じられた。"
    report = score(tmp_path, BASE_GOLD, relations=[relation("google", "uses", "llama", said)])
    (wrong,) = report.wrong
    assert [(e.sentence, e.document) for e in wrong.evidence] == [(said, "news/d.txt")]
    assert wrong.subject_iri.endswith("/google")
    text = format_report(report)
    assert f"evidence: {said}  (news/d.txt)" in text
    assert "Google  uses  LLaMA  (not a gold fact)" in text
    # Missed facts show the annotator's evidence.
    assert "gold evidence: MetaはLLaMAを発表" in text
    assert "missed (3 required gold facts not in the graph)" in text


def test_report_json_has_the_kits_keys(tmp_path: Path) -> None:
    report = score(tmp_path, BASE_GOLD, relations=[relation("meta", "developed", "llama")])
    data = report.to_json()
    assert set(data["entities"]) == {"gold", "found", "typed", "split", "recall", "type_accuracy"}
    assert {"output", "correct", "required", "caught", "precision", "recall", "f1"} <= set(
        data["relations"]
    )
    assert data["relations"]["f1"] == round(2 * 1.0 * 0.5 / 1.5, 3)
    assert data["by_relation"]["developed"]["caught"] == 1
    assert [m["predicate"] for m in data["missed"]] == ["competesWith", "parameterCount"]
    json.dumps(data)  # serializable as is


# ---------------------------------------------------------------- the gold format


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ENTTY\tMeta\tOrganization\tMeta\n", "a.gold.tsv:1: unknown record kind 'ENTTY'"),
        ("ENTITY\tMeta\tOrganization\n", "a.gold.tsv:1: ENTITY needs 3 tab-separated fields"),
        ("ENTITY  Meta  Organization  Meta\n", "unknown record kind 'ENTITY  Meta"),
        (
            "ENTITY\tMeta\tOrganization\tMeta\nTRIPLE\tMeta\tdevelops\tMeta\trequired\te\n",
            "a.gold.tsv:2: unknown relation 'develops'",
        ),
        (
            "ENTITY\tMeta\tOrganization\tMeta\nTRIPLE\tMeta\tdeveloped\tLLaMA\trequired\te\n",
            "a.gold.tsv:2: unknown entity 'LLaMA'",
        ),
        (
            "ENTITY\tMeta\tOrganization\tMeta\nTRIPLE\tMeta\towns\tMeta\trequird\te\n",
            "'requird' must be 'required' or 'optional'",
        ),
        (
            "ENTITY\tMeta\tOrganization\tMeta\nATTRIBUTE\tMeta\tsize\t1\tx\trequired\te\n",
            "unknown attribute 'size'",
        ),
        (
            "ENTITY\tMeta\tOrganization\tMeta;M\nENTITY\tMistral\tOrganization\tm\n",
            "a.gold.tsv:2: alias 'm' names both 'Meta' and 'Mistral'",
        ),
    ],
)
def test_malformed_gold_is_a_named_error(tmp_path: Path, text: str, message: str) -> None:
    path = gold_file(tmp_path, text)
    with pytest.raises(GoldFormatError, match=None) as caught:
        GoldSet.of([read_gold(path)])
    assert message in str(caught.value)


def test_unreadable_gold_files(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="no such gold file"):
        read_gold(tmp_path / "missing.tsv")
    (tmp_path / "sjis.tsv").write_bytes("ENTITY\tメタ\tOrganization\tメタ\n".encode("shift_jis"))
    with pytest.raises(GoldFormatError, match="not UTF-8"):
        read_gold(tmp_path / "sjis.tsv")


def test_shared_gold_files_all_read() -> None:
    """Every gold file of the kit and of tests/data parses under the stricter checks."""
    require_shared()
    paths = sorted((EVAL / "gold").glob("*.tsv")) + sorted(
        (ROOT / "tests" / "data" / "heldout").glob("*.gold.tsv")
    )
    for path in paths:
        document = read_gold(path)
        GoldSet.of([document])
        assert document.entities, path


# ---------------------------------------------------------------- the command


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def small_case(tmp_path: Path) -> tuple[Path, Path]:
    graph = graph_of(ENTITIES, [relation("meta", "developed", "llama")])
    ttl = tmp_path / "graph.ttl"
    ttl.write_bytes(serialize_turtle(graph))
    return ttl, gold_file(tmp_path, BASE_GOLD)


def test_kg_eval_prints_a_report_and_exits_0(small_case: tuple[Path, Path]) -> None:
    ttl, gold = small_case
    outcome = run("eval", str(ttl), str(gold))
    assert outcome.exit_code == 0, outcome.output
    assert "relations   P 1.000  R 0.500  F1 0.667" in outcome.output
    assert "Google  competesWith  Meta" in outcome.output


def test_kg_eval_json(small_case: tuple[Path, Path]) -> None:
    ttl, gold = small_case
    outcome = run("eval", str(ttl), str(gold), "--json")
    assert outcome.exit_code == 0, outcome.output
    data = json.loads(outcome.output)
    assert data["relations"]["recall"] == 0.5
    assert data["documents"][0]["name"] == "a"


@pytest.mark.parametrize("problem", ["missing graph", "bad turtle", "bad gold", "missing gold"])
def test_kg_eval_bad_input_is_one_line_and_exit_2(
    small_case: tuple[Path, Path], tmp_path: Path, problem: str
) -> None:
    ttl, gold = small_case
    if problem == "missing graph":
        ttl = tmp_path / "nope.ttl"
    elif problem == "bad turtle":
        ttl.write_text("@prefix : <x#> .\n:a :b ", encoding="utf-8")
    elif problem == "bad gold":
        gold.write_text("TRIPLE\tA\tdeveloped\tB\trequired\te\n", encoding="utf-8")
    else:
        gold = tmp_path / "nope.tsv"
    # A real process: the error must be one line on stderr, never a traceback.
    result = subprocess.run(
        [sys.executable, "-m", "graph.cli", "eval", str(ttl), str(gold)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert "Traceback" not in result.stderr


# ---------------------------------------------------------------- agreement with the kit


def kit_score(graph: Path, golds: list[Path]) -> dict:
    result = subprocess.run(
        [
            sys.executable,
            str(EVAL / "score.py"),
            str(graph),
            *map(str, golds),
            "--json",
            "--verbose",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def built(paths: list[Path], out: Path) -> Path:
    from graph.pipeline import build_outputs

    build_outputs(paths, out)
    return out / "graph.ttl"


def _cases() -> dict[str, tuple[list[Path], list[Path]]]:
    gold = EVAL / "gold"
    heldout = ROOT / "tests" / "data" / "heldout"
    return {
        "seed": ([ROOT / "seeds"], [gold / "google-no-moat-memo.ja.gold.tsv"]),
        "dev": (
            [EVAL / "dev"],
            [gold / "rakuten-ai-7b.ja.gold.tsv", gold / "microsoft-openai.ja.gold.tsv"],
        ),
        "heldout": ([heldout], sorted(heldout.glob("*.gold.tsv"))),
    }


@pytest.mark.slow
@pytest.mark.parametrize("case", ["seed", "dev", "heldout"])
def test_kg_eval_agrees_with_the_kits_scorer(tmp_path: Path, case: str) -> None:
    require_shared()
    inputs, golds = _cases()[case]
    ttl = built(inputs, tmp_path / case)
    kit = kit_score(ttl, golds)
    outcome = run("eval", str(ttl), *map(str, golds), "--json")
    assert outcome.exit_code == 0, outcome.output
    ours = json.loads(outcome.output)
    assert ours["entities"] == kit["entities"]
    assert {k: ours["relations"][k] for k in kit["relations"]} == kit["relations"]
    assert {k: ours["attributes"][k] for k in kit["attributes"]} == kit["attributes"]
    # The same facts are missed and wrong, not only the same counts.
    assert ours["missing_entities"] == kit["missing_entities"]
    # (The kit joins alternative predicates in sorted order; we keep the annotator's.)
    missed = [
        [m["subject"], "|".join(sorted(m["predicate"].split("|"))), m["object"]]
        for m in ours["missed"]
    ]
    assert [m for m in missed if m[1] not in _ATTRIBUTES] == kit["missed_triples"]
    assert [m for m in missed if m[1] in _ATTRIBUTES] == kit["missed_attributes"]
    wrong = {tuple(w[k] for k in ("subject", "predicate", "object")) for w in ours["wrong"]}
    assert wrong == {tuple(w) for w in kit["wrong_triples"] + kit["wrong_attributes"]}
    report = evaluate_files(ttl, golds)
    assert sum(report.overall.by_relation.values(), Tally()) == report.overall.relations


_ATTRIBUTES = {"parameterCount", "trainingCost", "relativeQuality", "releaseDate"}
