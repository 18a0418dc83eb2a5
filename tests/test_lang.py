from __future__ import annotations

import hashlib

import pytest

from graph.lang import LANGUAGES, UnsupportedLanguageError, reader_for
from graph.lexicon import load_lexicon
from graph.model import Document
from graph.pipeline import extract_facts


def _document(doc_id: str, text: str, language: str = "ja") -> Document:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Document(doc_id, f"{doc_id}.txt", doc_id, text, language, digest)


def test_registry_knows_japanese_and_refuses_others() -> None:
    assert "ja" in LANGUAGES
    assert reader_for("ja") is reader_for("ja")
    with pytest.raises(UnsupportedLanguageError, match="we read"):
        reader_for("xx")


def test_fingerprint_is_a_stable_digest() -> None:
    first = reader_for("ja").fingerprint()
    assert len(first) == 64 and first == reader_for("ja").fingerprint()


@pytest.mark.slow
def test_reader_streams_documents() -> None:
    """The first document's facts come before the last document has been read."""
    pulled = 0

    def documents():
        nonlocal pulled
        for i in range(400):
            pulled += 1
            yield _document(f"d{i}", f"企業{i}は新しいモデルを発表した。")

    facts = reader_for("ja").read(documents(), load_lexicon())
    first = next(facts)
    assert first.document.doc_id == "d0"
    assert pulled < 400
    rest = list(facts)
    assert [f.document.doc_id for f in rest] == [f"d{i}" for i in range(1, 400)]


def test_unread_language_is_a_warning_not_silence() -> None:
    warnings: list[str] = []
    facts = list(
        extract_facts([_document("k", "안녕하세요", "ko")], load_lexicon(), warnings=warnings)
    )
    assert facts == []
    assert len(warnings) == 1 and "k.txt" in warnings[0] and "'ko'" in warnings[0]


class _EchoPipeline:
    """A stand-in for a spaCy pipeline: 'parses' a text into its upper-case form."""

    def pipe(self, jobs, as_tuples, n_process, batch_size):
        assert as_tuples
        for text, context in jobs:
            yield text.upper(), context


def test_parse_stream_groups_pieces_by_document_and_keeps_empty_ones() -> None:
    from graph.lang.base import parse_stream

    documents = [
        Document(f"d{i}", f"d{i}.txt", "t", text, "en", str(i))
        for i, text in enumerate(["a b", "", "c"])
    ]
    stream = parse_stream(documents, _EchoPipeline(), lambda d: [(w, w) for w in d.text.split()])
    assert [(d.doc_id, parsed) for d, parsed in stream] == [
        ("d0", [("A", "a"), ("B", "b")]),
        ("d1", []),
        ("d2", [("C", "c")]),
    ]
