from __future__ import annotations

from pathlib import Path

import pytest

from graph.documents import find_documents, read_document, read_documents
from graph.errors import BadDocumentError, NoDocumentsError

JA = "MetaはLLaMAを発表した。\n"


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_reads_text_with_title_language_and_hash(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "a-news.ja.txt", "見出し\n\n" + JA))
    assert doc.title == "見出し"
    assert doc.language == "ja"
    assert doc.doc_id == "a-news-ja"
    assert len(doc.sha256) == 64
    assert doc.text.startswith("見出し")


def test_html_is_stripped_to_text(tmp_path: Path) -> None:
    page = (
        "<html><head><title>記事</title><script>alert(1)</script></head><body><p>"
        + JA
        + "</p></body></html>"
    )
    doc = read_document(write(tmp_path / "a.html", page))
    assert doc.title == "記事"
    assert "alert" not in doc.text
    assert "LLaMAを発表" in doc.text


def test_markdown_markup_is_dropped(tmp_path: Path) -> None:
    doc = read_document(
        write(tmp_path / "a.md", "# 見出し\n\n[Meta](https://x)はLLaMAを**発表**した。")
    )
    assert doc.title == "見出し"
    assert "MetaはLLaMAを発表した。" in doc.text


def test_utf8_bom_and_utf16_bom_are_decoded(tmp_path: Path) -> None:
    assert read_document(write(tmp_path / "a.txt", b"\xef\xbb\xbf" + JA.encode())).text == JA
    assert read_document(write(tmp_path / "b.txt", JA.encode("utf-16"))).text == JA


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"  \n\t ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
        (JA.encode("shift_jis"), "--encoding shift_jis"),
        (JA.encode("euc_jp"), "--encoding euc_jp"),
        (JA.encode("utf-16-le"), "--encoding utf-16-le"),
    ],
)
def test_bad_input_names_file_and_fix(tmp_path: Path, data: bytes, message: str) -> None:
    path = write(tmp_path / "bad.txt", data)
    with pytest.raises(BadDocumentError) as info:
        read_document(path)
    assert "bad.txt" in str(info.value)
    assert message in str(info.value)


def test_explicit_encoding_reads_legacy_files(tmp_path: Path) -> None:
    path = write(tmp_path / "sjis.txt", JA.encode("cp932"))
    assert read_document(path, encoding="cp932").text == JA
    with pytest.raises(BadDocumentError, match="unknown encoding"):
        read_document(path, encoding="no-such-codec")


def test_find_documents_walks_folders_and_skips_hidden(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", JA)
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "a.md", JA)
    write(tmp_path / "ignored.pdf", b"%PDF")
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git" / "c.txt", JA)
    found = [p.relative_to(tmp_path).as_posix() for p in find_documents([tmp_path])]
    assert found == ["b.txt", "sub/a.md"]


def test_find_documents_errors(tmp_path: Path) -> None:
    with pytest.raises(BadDocumentError, match="no such file"):
        find_documents([tmp_path / "missing"])
    with pytest.raises(NoDocumentsError, match=r"\.txt, \.md or \.html"):
        find_documents([tmp_path])


def test_skip_bad_reports_and_continues(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", JA)
    bad = write(tmp_path / "bad.txt", b"")
    skipped: list[str] = []
    docs = list(read_documents([bad, good], skip_bad=True, skipped=skipped))
    assert [d.doc_id for d in docs] == ["good"]
    assert len(skipped) == 1 and "bad.txt" in skipped[0]
    with pytest.raises(BadDocumentError):
        list(read_documents([bad, good]))


def test_same_file_names_get_distinct_stable_ids(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    a = write(tmp_path / "x" / "news.txt", JA)
    b = write(tmp_path / "y" / "news.txt", JA)
    first = [d.doc_id for d in read_documents([a, b])]
    second = [d.doc_id for d in read_documents([a, b])]
    assert first == second and len(set(first)) == 2
