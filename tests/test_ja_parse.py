from __future__ import annotations

from graph.lang.ja.parse import split_sentences


def spans(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_splits_at_sentence_ends_and_lines() -> None:
    assert spans("AはBだ。CはDだ！\nE") == ["AはBだ。", "CはDだ！", "E"]


def test_keeps_quotes_whole() -> None:
    text = "Googleは「Aです。Bです。」と述べた。次の文。"
    assert spans(text) == ["Googleは「Aです。Bです。」と述べた。", "次の文。"]


def test_offsets_point_into_the_text() -> None:
    text = "  一文目。  二文目。"
    for start, end in split_sentences(text):
        assert text[start:end].strip() == text[start:end]


def test_unbalanced_quote_does_not_swallow_the_document() -> None:
    text = "「閉じない引用。\n次の行。"
    assert spans(text) == ["「閉じない引用。", "次の行。"]


def test_parse_keeps_document_offsets(parse) -> None:
    document, sentences = parse("一文目です。MetaはLLaMAを発表した。")
    second = sentences[1]
    assert document.text[second.start : second.start + len(second.text)] == second.text
