"""Language detection: the writing system first, then py3langid for Latin-script text."""

from __future__ import annotations

import hashlib

import pytest

from graph.documents import read_document
from graph.lang.detect import UNDETERMINED, detect_language
from graph.lexicon import load_lexicon
from graph.model import Document
from graph.pipeline import extract_facts


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Tessel Labs released Quorn-2, a small model, on Tuesday.", "en"),
        ("Orrery-13B outperforms Tansy-30B.", "en"),  # short and all names: still English
        ("メタは新しい言語モデルを発表した。", "ja"),
        ("谷歌发布了新的语言模型，该公司周二表示。", "zh"),
        ("구글은 새로운 언어 모델을 발표했다고 밝혔다.", "ko"),
        ("La société a présenté mardi un nouveau modèle de langage pour les entreprises.", "fr"),
        ("Das Unternehmen hat am Dienstag ein neues Sprachmodell für Firmen vorgestellt.", "de"),
        ("La empresa presentó el martes un nuevo modelo de lenguaje para empresas.", "es"),
        ("12345 67890", UNDETERMINED),
        ("", UNDETERMINED),
    ],
)
def test_detects_the_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_a_japanese_article_quoting_english_stays_japanese() -> None:
    text = (
        "メタのザッカーバーグCEOは発表会で次のように述べた。"
        '"We are releasing Llama 3 to everyone, because open source drives innovation '
        'and makes the technology safer for the whole industry," he said. '
        "同社は今後もモデルを公開する方針だ。"
    )
    assert detect_language(text) == "ja"


def test_an_english_article_naming_a_japanese_company_stays_english() -> None:
    text = "Sakana AI, known in Japan as サカナAI, released a new model on Monday."
    assert detect_language(text) == "en"


def test_documents_are_read_with_the_detected_language(tmp_path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Das Unternehmen hat ein neues Modell vorgestellt.", encoding="utf-8")
    assert read_document(path).language == "de"


def _document(doc_id: str, text: str) -> Document:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Document(doc_id, f"{doc_id}.txt", doc_id, text, detect_language(text), digest)


def test_unread_languages_are_reported_never_read_as_empty() -> None:
    warnings: list[str] = []
    documents = [
        _document("ko", "구글은 새로운 언어 모델을 발표했다고 밝혔다."),
        _document("fr", "La société a présenté mardi un nouveau modèle de langage."),
    ]
    assert list(extract_facts(documents, load_lexicon(), warnings=warnings)) == []
    assert sorted(w.split(":")[0] for w in warnings) == ["fr.txt", "ko.txt"]
    assert all("is not one we read (en, ja); skipped" in w for w in warnings)
