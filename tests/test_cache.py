"""Incremental builds (issue 11 item 1): the fact cache, retraction, fingerprints.

Every incremental build is compared byte for byte with a clean build of the same corpus:
that is the promise, whatever the cache holds.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from graph.cache import CACHE_FILE, FactCache, extractor_fingerprint, rebind
from graph.lexicon import load_lexicon
from graph.model import (
    AttributeClaim,
    Document,
    DocumentFacts,
    Evidence,
    Mention,
    RelationClaim,
)
from graph.namespaces import ENTITY, KG, STATEMENT
from graph.pipeline import build_outputs

A = "見出しA\n\nMetaは大規模言語モデル「LLaMA」を発表した。\n"
B = "見出しB\n\nGoogleは対話AI「Bard」を発表した。MetaはLLaMAを開発した。\n"
C = "見出しC\n\nAnthropicは2024年3月4日、大規模言語モデル「Claude 3」を発表した。\n"


def corpus(folder: Path, texts: dict[str, str]) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def same_as_clean(tmp_path: Path, inputs: Path, out: Path) -> None:
    clean = tmp_path / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    build_outputs([inputs], clean, use_cache=False)
    for name in ("graph.ttl", "graph.html"):
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name


def confidence(out: Path, subject: str, predicate: str, obj: str) -> Decimal | None:
    graph = Graph().parse(out / "graph.ttl")
    for statement in graph.subjects(URIRef(str(KG.evidence)), None):
        if not str(statement).startswith(str(STATEMENT)):
            continue
        triple = (
            graph.value(statement, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#subject")),
            graph.value(statement, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate")),
            graph.value(statement, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#object")),
        )
        if triple == (ENTITY[subject], KG[predicate], ENTITY[obj]):
            return graph.value(statement, KG.confidence).toPython()
    return None


@pytest.mark.slow
def test_incremental_builds_are_byte_identical_to_clean_builds(tmp_path: Path) -> None:
    inputs = corpus(tmp_path / "in", {"a.txt": A, "b.txt": B})
    out = tmp_path / "out"
    first = build_outputs([inputs], out)
    assert first.parsed == 2 and (out / CACHE_FILE).is_file()
    same_as_clean(tmp_path, inputs, out)

    unchanged = build_outputs([inputs], out)
    assert unchanged.up_to_date and unchanged.parsed == 0
    assert "Up to date" in unchanged.line() and unchanged.relations == first.relations

    (inputs / "c.txt").write_text(C, encoding="utf-8")  # one new document
    added = build_outputs([inputs], out)
    assert added.parsed == 1 and "2 documents from the cache" in added.line()
    same_as_clean(tmp_path, inputs, out)

    (inputs / "a.txt").write_text(A + "MetaはLLaMA 2を公開した。\n", encoding="utf-8")
    changed = build_outputs([inputs], out)
    assert changed.parsed == 1
    same_as_clean(tmp_path, inputs, out)

    (inputs / "b.txt").rename(inputs / "renamed.txt")  # same text, new id and path
    renamed = build_outputs([inputs], out)
    assert renamed.parsed == 0 and not renamed.up_to_date
    same_as_clean(tmp_path, inputs, out)


@pytest.mark.slow
def test_removed_evidence_is_retracted_and_confidence_recomputed(tmp_path: Path) -> None:
    inputs = corpus(tmp_path / "in", {"a.txt": A, "b.txt": B})
    out = tmp_path / "out"
    build_outputs([inputs], out)
    both = confidence(out, "meta", "developed", "llama")
    build_outputs([corpus(tmp_path / "only-a", {"a.txt": A})], tmp_path / "alone", use_cache=False)
    alone = confidence(tmp_path / "alone", "meta", "developed", "llama")
    assert both is not None and alone is not None and both > alone  # two sentences, noisy-OR
    assert confidence(out, "google", "developed", "bard") is not None

    (inputs / "b.txt").unlink()
    removed = build_outputs([inputs], out)
    assert removed.parsed == 0  # nothing to parse: a.txt comes from the cache
    assert confidence(out, "meta", "developed", "llama") == alone
    assert confidence(out, "google", "developed", "bard") is None  # no evidence left
    assert "kge:bard" not in (out / "graph.ttl").read_text(encoding="utf-8")
    same_as_clean(tmp_path, inputs, out)


@pytest.mark.slow
def test_a_changed_extractor_reads_everything_again_and_says_so(tmp_path: Path) -> None:
    inputs = corpus(tmp_path / "in", {"a.txt": A, "b.txt": B})
    out = tmp_path / "out"
    build_outputs([inputs], out)
    lexicon = tmp_path / "mine.yaml"
    lexicon.write_text("entities:\n  - {name: Zooble, class: Organization}\n", encoding="utf-8")
    notes: list[str] = []
    again = build_outputs([inputs], out, lexicon_files=[lexicon], notify=notes.append)
    assert again.parsed == 2
    assert len(notes) == 1 and "extractor changed since the last build" in notes[0]
    with FactCache(out / CACHE_FILE) as cache:
        assert len(cache) == 2  # the old extractor's entries are gone
    quiet: list[str] = []
    assert build_outputs([inputs], out, lexicon_files=[lexicon], notify=quiet.append).up_to_date
    assert quiet == []


@pytest.mark.slow
def test_no_cache_reads_everything_and_refreshes_the_cache(tmp_path: Path) -> None:
    inputs = corpus(tmp_path / "in", {"a.txt": A})
    out = tmp_path / "out"
    summary = build_outputs([inputs], out, use_cache=False)
    assert summary.parsed == 1
    assert build_outputs([inputs], out, use_cache=False).parsed == 1  # no shortcut either
    (inputs / "b.txt").write_text(B, encoding="utf-8")
    assert build_outputs([inputs], out).parsed == 1  # a.txt's facts were stored
    same_as_clean(tmp_path, inputs, out)


@pytest.mark.slow
def test_an_interrupted_build_keeps_what_it_parsed(tmp_path: Path, monkeypatch) -> None:
    inputs = corpus(tmp_path / "in", {"a.txt": A, "b.txt": B, "c.txt": C})
    out = tmp_path / "out"
    build_outputs([inputs / "a.txt"], out)  # out exists: the cache lives there
    import graph.pipeline as pipeline

    real = pipeline._compact
    seen: list[str] = []

    def ctrl_c_at_the_second(facts):  # b.txt is parsed, then Ctrl-C during c.txt
        seen.append(facts.document.doc_id)
        if len(seen) == 2:
            raise KeyboardInterrupt
        return real(facts)

    monkeypatch.setattr(pipeline, "_compact", ctrl_c_at_the_second)
    with pytest.raises(KeyboardInterrupt):
        build_outputs([inputs], out)
    monkeypatch.setattr(pipeline, "_compact", real)
    assert not (out / "graph.ttl").read_text(encoding="utf-8").count("kge:claude-3")
    resumed = build_outputs([inputs], out)
    assert resumed.parsed == 1  # a.txt was cached before; b.txt by the interrupted build
    same_as_clean(tmp_path, inputs, out)


def test_a_damaged_cache_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / CACHE_FILE
    path.write_text("not a database\n" * 200)
    from graph.cache import CacheError
    from graph.pipeline import _open_cache

    with pytest.raises(CacheError, match="not a usable cache"):
        FactCache(path)
    notes: list[str] = []
    with _open_cache(path, notes.append) as cache:
        assert len(cache) == 0
    assert "starting a new one" in notes[0]


def _facts(doc_id: str = "a", path: str = "a.txt") -> DocumentFacts:
    text = "MetaはLLaMAを発表した。"
    document = Document(doc_id, path, "t", text, "ja", "0" * 64, "2024-03")
    evidence = Evidence(doc_id, text, 0, 0, 4, "pattern:x", 0.8)
    return DocumentFacts(
        document,
        (Mention("Meta", doc_id, 0, 4, "Organization", "meta", "Meta", "latin"),),
        (RelationClaim("meta", "developed", "llama", evidence),),
        (AttributeClaim("llama", "relativeQuality", Decimal("0.92"), "decimal", evidence),),
        (f"{path}: a warning",),
    )


def test_cache_round_trip_is_lossless_and_keyed_by_text_and_extractor(tmp_path: Path) -> None:
    facts = _facts()
    with FactCache(tmp_path / CACHE_FILE) as cache:
        cache.put(facts, "fp1")
    with FactCache(tmp_path / CACHE_FILE) as cache:
        found = cache.lookup([facts.document], {"ja": "fp1"})
        assert found == {"a": facts}  # stored without its text, rebound to the document
        assert cache.lookup([facts.document], {"ja": "fp2"}) == {}
        assert cache.other_fingerprints("ja", "fp2") == 1


def test_cached_facts_are_rebound_to_a_renamed_document() -> None:
    facts = _facts()
    moved = Document("b", "sub/b.txt", "t2", "", "ja", "0" * 64, None)
    rebound = rebind(facts, moved)
    assert rebound.document == moved
    assert {m.doc_id for m in rebound.mentions} == {"b"}
    assert {r.evidence.doc_id for r in rebound.relations + rebound.attributes} == {"b"}
    assert rebound.warnings == ("sub/b.txt: a warning",)


def test_fingerprint_depends_on_reader_lexicon_and_nothing_else(tmp_path: Path) -> None:
    lexicon = load_lexicon()
    mine = tmp_path / "mine.yaml"
    mine.write_text("entities:\n  - {name: Zooble, class: Organization}\n", encoding="utf-8")
    base = extractor_fingerprint("reader-1", lexicon)
    assert base == extractor_fingerprint("reader-1", load_lexicon())
    assert base != extractor_fingerprint("reader-2", lexicon)
    assert base != extractor_fingerprint("reader-1", load_lexicon([mine]))


@pytest.mark.slow
def test_changed_package_code_rebuilds_outputs_from_cached_facts(
    tmp_path: Path, monkeypatch
) -> None:
    """A new page template or RDF writer must not leave old outputs "up to date"; the
    facts, which do not depend on it, still come from the cache."""
    inputs = corpus(tmp_path / "in", {"a.txt": A, "b.txt": B})
    out = tmp_path / "out"
    build_outputs([inputs], out)
    monkeypatch.setattr("graph.cache.package_fingerprint", lambda: "another version")
    again = build_outputs([inputs], out)
    assert not again.up_to_date and again.parsed == 0
