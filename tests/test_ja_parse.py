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


def test_a_long_run_without_a_sentence_end_is_cut_and_reported() -> None:
    """Issue 10 item 8: ~60,000 characters with no 。 crashed Sudachi (and 17,000 took
    minutes in the bunsetu recognizer); they are cut at commas into short pieces, with a
    warning naming the document and the line."""
    from graph.lang.ja.parse import MAX_SENTENCE, long_run_warnings
    from graph.model import Document

    text = "見出し\n" + "生成AIの導入事例、" * 6000 + "\n最後の行。"
    spans = split_sentences(text)
    assert max(e - s for s, e in spans) <= MAX_SENTENCE
    assert "".join(text[s:e] for s, e in spans).replace("\n", "") == text.replace("\n", "")
    assert all(text[e - 1] == "、" for s, e in spans[1:-2])  # cut at the commas
    warnings = long_run_warnings(Document("d", "long.txt", "t", text, "ja", "h"))
    assert len(warnings) == 1 and warnings[0].startswith("long.txt: line 2: ")
