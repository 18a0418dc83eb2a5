"""The English reader behind the pipeline: registry, streaming, provenance, the
``--language`` override, one graph across languages, and the construction-matrix bar."""

from __future__ import annotations

import hashlib

import pytest
from click.testing import CliRunner

from graph.cli import cli
from graph.lang import LANGUAGES, UnsupportedLanguageError, reader_for
from graph.lexicon import load_lexicon
from graph.model import Document
from graph.outputs import serialize_turtle
from graph.pipeline import extract
from graph.rdf import build_graph
from tests.conftest import ROOT, construction_matrix_report

MIXED = ROOT / "tests" / "data" / "mixed"


def _document(doc_id: str, text: str) -> Document:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Document(doc_id, f"{doc_id}.txt", doc_id, text, "en", digest)


def test_registry_reads_english() -> None:
    assert "en" in LANGUAGES and reader_for("en").language == "en"
    fingerprint = reader_for("en").fingerprint()
    assert len(fingerprint) == 64 and fingerprint != reader_for("ja").fingerprint()


def test_reader_streams_documents() -> None:
    pulled = 0

    def documents():
        nonlocal pulled
        for i in range(300):
            pulled += 1
            yield _document(f"d{i}", f"Firm{i} Labs released Model-{i}, a small model.")

    facts = reader_for("en").read(documents(), load_lexicon())
    assert next(facts).document.doc_id == "d0" and pulled < 300
    assert len(list(facts)) == 299


def test_facts_carry_their_provenance(tmp_path) -> None:
    text = "Intro line.\nHollis Group acquired Brackenfield for $300 million in 2023."
    (tmp_path / "deal.txt").write_text(text, encoding="utf-8")
    extraction = extract([tmp_path])
    (fact,) = [r for r in extraction.relations if r.predicate == "acquired"]
    (evidence,) = fact.evidence
    document = text  # the extraction keeps no texts (memory is bounded by the facts)
    assert document[evidence.sentence_start :].startswith(evidence.sentence)
    assert evidence.sentence.startswith("Hollis Group acquired")
    assert "Hollis Group" in document[evidence.start : evidence.end]
    assert evidence.method.startswith("pattern:acquired/acquire/")
    assert 0 < evidence.confidence <= 1 and fact.confidence == evidence.confidence


def test_english_output_is_deterministic(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(
        "Hedda Voss founded Quillon. Quillon partnered with Pyxis Cloud.", encoding="utf-8"
    )
    first = serialize_turtle(build_graph(extract([tmp_path])))
    assert first == serialize_turtle(build_graph(extract([tmp_path])))


def test_language_override(tmp_path) -> None:
    (tmp_path / "names.txt").write_text("Orrery-13B, Tansy-30B, Veldt-2.", encoding="utf-8")
    extraction = extract([tmp_path], language="en")
    assert [d.language for d in extraction.documents] == ["en"]
    with pytest.raises(UnsupportedLanguageError, match="choose one of en, ja"):
        extract([tmp_path], language="xx")
    result = CliRunner().invoke(cli, ["build", str(tmp_path), "--language", "ko"])
    assert result.exit_code == 2 and "--language" in result.output


def test_one_graph_across_languages(tmp_path) -> None:
    """An English and a Japanese article (tests/data/mixed, written for this test) name
    the same companies and model: one IRI each, with labels in both languages."""
    extraction = extract([MIXED])
    assert sorted(d.language for d in extraction.documents) == ["en", "ja"]
    entities = {e.key: e for e in extraction.entities}
    for key, english, japanese in (
        ("meta", "Meta", "メタ"),
        ("microsoft", "Microsoft", "マイクロソフト"),
        ("llama", "LLaMA", "ラマ"),
    ):
        entity = entities[key]
        labels = {(label.language, label.text) for label in entity.pref_labels}
        assert ("en", english) in labels and ("ja", japanese) in labels, entity
    invested = [
        r for r in extraction.relations if (r.subject, r.predicate) == ("microsoft", "investedIn")
    ]
    assert [r.object for r in invested] == ["brightwater-labs"]
    assert {e.doc_id for e in invested[0].evidence} == {"brightwater-en", "brightwater-ja"}
    triples = {(r.subject, r.predicate, r.object) for r in extraction.relations}
    assert ("meta", "developed", "llama") in triples  # read from the Japanese article
    assert ("kestrel-7b", "fineTunedFrom", "llama") in triples  # from the English one


def test_construction_matrix_bar(tmp_path) -> None:
    """The English construction matrix of ../shared/eval: at least 85% of its items pass
    and at least 95% of its negative items are clean."""
    report = construction_matrix_report("en", tmp_path)
    assert report["pass_rate"] >= 0.85, report
    assert report["polarity"]["neg"]["rate"] >= 0.95, report["polarity"]
