from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from graph.documents import (
    ReadLog,
    find_documents,
    markdown_to_text,
    parse_date,
    read_corpus,
    read_document,
    read_documents,
)
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
    b = write(tmp_path / "y" / "news.txt", JA + "続報。\n")
    first = [d.doc_id for d in read_documents([a, b])]
    second = [d.doc_id for d in read_documents([a, b])]
    assert first == second and len(set(first)) == 2


# --- issue 10 item 6: one document is one document ---------------------------------------


def test_one_file_named_three_ways_is_read_once(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "x").mkdir()
    write(tmp_path / "a.txt", JA)
    monkeypatch.chdir(tmp_path)
    corpus = read_corpus(["a.txt", str(tmp_path / "a.txt"), "./x/../a.txt"])
    assert [d.path for d in corpus.documents] == ["a.txt"]
    assert len(corpus.warnings) == 2 and all("read once" in w for w in corpus.warnings)


def test_two_files_with_the_same_text_are_read_once(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", JA)
    write(tmp_path / "b.txt", JA)
    write(tmp_path / "c.txt", JA.encode("utf-16"))  # same text, other bytes
    corpus = read_corpus([tmp_path], root=tmp_path)
    assert [d.path for d in corpus.documents] == ["a.txt"]
    assert [w.split(":")[0] for w in corpus.warnings] == ["b.txt", "c.txt"]


def test_paths_and_ids_are_relative_to_the_root_not_the_current_folder(
    tmp_path: Path, monkeypatch
) -> None:
    for folder in ("in/x", "in/y"):
        (tmp_path / folder).mkdir(parents=True)
    write(tmp_path / "in" / "x" / "news.txt", JA)
    write(tmp_path / "in" / "y" / "news.txt", JA + "続報。\n")
    monkeypatch.chdir(tmp_path)
    here = read_corpus(["in"])
    monkeypatch.chdir(tmp_path / "in" / "x")
    there = read_corpus([str(tmp_path / "in")])
    assert here.documents == there.documents
    assert [d.path for d in here.documents] == ["in/x/news.txt", "in/y/news.txt"]
    rooted = read_corpus([tmp_path / "in" / "x"], root=tmp_path / "in")
    assert [d.path for d in rooted.documents] == ["x/news.txt"]
    with pytest.raises(BadDocumentError, match="outside --root"):
        read_corpus([tmp_path / "in" / "x"], root=tmp_path / "in" / "y")


# --- issue 10 item 9: decoding ---------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xef\xbb\xbf" + JA.encode() + b"\xff\xfe\x80", "UTF-8 byte-order mark"),
        (codecs.BOM_UTF16_LE + "あ".encode("utf-16-le") + b"\x00\xd8" + b"a\x00", "UTF-16"),
        (codecs.BOM_UTF16_LE + JA.encode("utf-16-le") + b"\x41", "UTF-16"),  # odd length
        (JA.encode("iso2022_jp"), "--encoding iso2022_jp"),
        (JA.encode() * 600 + b"\x00tail", "NUL byte"),
        (
            "見出し\n\nグーグルはあたらしいモデルをはっぴょうした。\n".encode("utf-16-le"),
            "utf-16-le",
        ),
        (
            "見出し\n\nグーグルはあたらしいモデルをはっぴょうした。\n".encode("utf-16-be"),
            "utf-16-be",
        ),
        ("Meta released LLaMA.\n".encode("utf-32-le"), "utf-32-le"),
    ],
    ids=[
        "bad-after-utf8-bom",
        "lone-surrogate",
        "odd-length-utf16",
        "iso-2022-jp",
        "nul-after-8k",
        "bomless-utf16-le",
        "bomless-utf16-be",
        "bomless-utf32",
    ],
)
def test_undecodable_files_are_refused_in_one_line(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = write(tmp_path / "bad.txt", data)
    with pytest.raises(BadDocumentError) as info:
        read_document(path)
    text = str(info.value)
    assert "bad.txt" in text and message in text and "\n" not in text
    # --skip-bad passes over it and reads the rest
    good = write(tmp_path / "good.txt", JA)
    log = ReadLog()
    corpus = read_corpus([path, good], skip_bad=True)
    assert [d.path for d in corpus.documents] == ["good.txt"] and len(corpus.skipped) == 1
    assert not log.skipped


def test_utf32_with_a_bom_is_decoded(tmp_path: Path) -> None:
    assert read_document(write(tmp_path / "a.txt", JA.encode("utf-32"))).text == JA
    assert read_document(write(tmp_path / "b.txt", JA.encode("utf-16"))).text == JA


def test_named_encoding_fixes_what_detection_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "jis.txt", JA.encode("iso2022_jp"))
    assert read_document(path, encoding="iso2022_jp").text == JA
    wide = write(tmp_path / "wide.txt", JA.encode("utf-16-le"))
    assert read_document(wide, encoding="utf-16-le").text == JA


# --- issue 10 item 10: markup ------------------------------------------------------------


def test_markdown_code_and_comments_are_not_prose() -> None:
    source = (
        "# 見出し\n\n"
        "MetaはLLaMAを発表した。`GoogleはGeminiを発表した`\n\n"
        "```\nOpenAIはGPT-4を発表した。\n```\n\n"
        "~~~python\nAppleはSiriを開発した。\n~~~\n\n"
        "    AmazonはAlexaを開発した。\n\n"
        "<!-- NVIDIAはH100を発表した。\n複数行 -->\n\n"
        "- 箇条書きの[リンク](https://example.com)。\n\n"
        "| 会社 | モデル |\n|---|---|\n| Mistral AI | Mixtral |\n"
    )
    text = markdown_to_text(source)
    for hidden in ("Gemini", "GPT-4", "Siri", "Alexa", "H100", "複数行", "https"):
        assert hidden not in text
    for kept in ("見出し", "MetaはLLaMAを発表した。", "箇条書きのリンク。", "Mistral AI Mixtral"):
        assert kept in text


@pytest.mark.parametrize(
    ("title", "expected"),
    [("AT&amp;T", "AT&T"), ("&amp;amp;", "&amp;"), ("&lt;b&gt;", "<b>")],
)
def test_html_titles_are_unescaped_once(tmp_path: Path, title: str, expected: str) -> None:
    page = f"<html><head><title>{title}</title></head><body><p>{JA}</p></body></html>"
    assert read_document(write(tmp_path / "a.html", page)).title == expected


# --- issue 10 item 12: messages --------------------------------------------------------


def test_a_file_name_with_a_newline_is_shown_on_one_line(tmp_path: Path) -> None:
    path = write(tmp_path / "bad\nname.txt", b"")
    with pytest.raises(BadDocumentError) as info:
        read_document(path)
    assert "\n" not in str(info.value) and "bad\\nname.txt" in str(info.value)


def test_an_unreadable_subfolder_is_named(tmp_path: Path, monkeypatch) -> None:
    write(tmp_path / "a.txt", JA)
    (tmp_path / "locked").mkdir()
    write(tmp_path / "locked" / "b.txt", JA)
    real_scandir = os.scandir

    def scandir(path):  # as an unprivileged user meets a folder without read permission
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr("os.scandir", scandir)
    with pytest.raises(BadDocumentError) as info:
        find_documents([tmp_path])
    assert "locked/" in str(info.value) and "Permission denied" in str(info.value)
    log = ReadLog()
    assert [p.name for p in find_documents([tmp_path], skip_bad=True, log=log)] == ["a.txt"]
    assert len(log.skipped) == 1 and "locked/" in log.skipped[0]


# --- document dates (issue 11 item 7, data side) ---------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "published"),
    [
        (
            "a.html",
            '<html><head><meta property="article:published_time" '
            'content="2024-03-21T09:00:00+09:00"><title>t</title></head>'
            f"<body><p>{JA}</p></body></html>",
            "2024-03-21",
        ),
        ("b.html", f'<p><time datetime="2024-03">3月</time></p><p>{JA}</p>', "2024-03"),
        ("c.txt", "見出し\n2024年3月21日（木） 10:00\n\n" + JA, "2024-03-21"),
        ("d.txt", "見出し\n\n2023年01月24日 11時13分 ソフトウェア\n\n" + JA, "2023-01-24"),
        ("e.txt", "見出し\n公開日：2024/02/30\n\n" + JA, None),  # not a real date
        ("f.txt", "見出し\n\nGoogleは2024年2月21日、Gemmaを発表した。\n", None),
        ("g.md", "# 見出し\n\n2024-02\n\n" + JA, "2024-02"),
    ],
)
def test_documents_get_their_publication_date(
    tmp_path: Path, name: str, content: str, published: str | None
) -> None:
    assert read_document(write(tmp_path / name, content)).published == published


def test_a_given_date_is_used_when_the_document_states_none(tmp_path: Path) -> None:
    plain = write(tmp_path / "a.txt", JA)
    dated = write(tmp_path / "b.txt", "2024年3月1日\n" + JA + "別の文。\n")
    documents = read_corpus([plain, dated], published="2023").documents
    assert [d.published for d in documents] == ["2023", "2024-03-01"]
    assert parse_date("2024-03") == "2024-03"
    for bad in ("2024-13", "March", "2024-02-30"):
        with pytest.raises(ValueError):
            parse_date(bad)
