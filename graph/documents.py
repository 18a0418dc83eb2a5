"""Stage 1: find and read source documents (.txt, .md, .html) into :class:`Document` records.

Bad input fails loudly and early with a message that names the file and the fix: we
would rather refuse a Shift_JIS file than build a graph of mojibake.
"""

from __future__ import annotations

import codecs
import hashlib
import html
import re
import unicodedata
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

from graph.errors import BadDocumentError, NoDocumentsError
from graph.lang.detect import detect_language
from graph.model import Document

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "SUFFIXES",
    "decode",
    "detect_language",
    "find_documents",
    "read_document",
    "read_documents",
]

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

# Legacy Japanese encodings we can recognise well enough to name in the error message.
_CANDIDATE_ENCODINGS = ("shift_jis", "cp932", "euc_jp", "iso2022_jp")


def find_documents(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders into a sorted list of document files.

    Folders are searched recursively for the known suffixes; hidden files are skipped.
    A path that does not exist is an error rather than an empty result.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise BadDocumentError(str(raw), "no such file or folder", "check the path")
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and p.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            found.append(path)
    unique = sorted(dict.fromkeys(found), key=lambda p: p.as_posix())
    if not unique:
        shown = ", ".join(str(p) for p in paths) or "(nothing)"
        raise NoDocumentsError(
            f"no documents in {shown}; give .txt, .md or .html files or a folder holding them"
        )
    return unique


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Bytes to text: UTF-8 (BOM or not), UTF-16 with a BOM, or the encoding the user names."""
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError as exc:
            raise BadDocumentError(
                path, f"unknown encoding {encoding!r}", "pass a Python codec name to --encoding"
            ) from exc
        except UnicodeDecodeError as exc:
            raise BadDocumentError(
                path,
                f"not valid {encoding} (byte {exc.start})",
                "pass the file's real encoding to --encoding",
            ) from exc
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        if _looks_like_bomless_utf16(data):
            raise BadDocumentError(
                path, "looks like UTF-16 without a byte-order mark", "pass --encoding utf-16-le"
            )
        raise BadDocumentError(path, "binary file, not text", "give a .txt, .md or .html document")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        guess = _guess_legacy_encoding(data)
        hint = f"pass --encoding {guess}" if guess else "pass the file's encoding with --encoding"
        raise BadDocumentError(path, f"not valid UTF-8 (byte {exc.start})", hint) from exc


def _looks_like_bomless_utf16(data: bytes) -> bool:
    sample = data[:4096]
    zeros_odd = sample[1::2].count(0)
    return len(sample) >= 4 and zeros_odd > len(sample) // 4


def _guess_legacy_encoding(data: bytes) -> str | None:
    """The legacy encoding whose decoding reads most like Japanese prose (most hiragana).

    Several codecs decode the same bytes without error, but only the right one yields
    the particles every Japanese sentence has.
    """
    best: tuple[float, str] | None = None
    for candidate in _CANDIDATE_ENCODINGS:
        try:
            text = data.decode(candidate)
        except UnicodeDecodeError:
            continue
        letters = [c for c in text if not c.isspace()]
        hiragana = sum(1 for c in letters if "\u3040" <= c <= "\u309f") / max(1, len(letters))
        if hiragana > 0.1 and (best is None or hiragana > best[0]):
            best = (hiragana, candidate)
    return best[1] if best else None


class _TextExtractor(HTMLParser):
    """HTML to text: drops script/style, keeps block structure as line breaks."""

    _SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head"})
    _BLOCK = frozenset(
        {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self._skip_depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in self._SKIP:
            self._skip_depth += 1
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self._SKIP and self._skip_depth:
            self._skip_depth -= 1
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        elif not self._skip_depth:
            self.parts.append(data)


def html_to_text(source: str) -> tuple[str, str]:
    """Return (title, text) of an HTML page."""
    parser = _TextExtractor()
    parser.feed(source)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return html.unescape("".join(parser.title_parts)).strip(), text


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKUP = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+\.\s+)", re.MULTILINE)


def markdown_to_text(source: str) -> str:
    """Markdown to plain text: keeps words, drops link targets, heading and list markers."""
    text = _MD_LINK.sub(r"\1", source)
    text = _MD_MARKUP.sub("", text)
    text = re.sub(r"(\*\*|__|`)", "", text)
    return text


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""


def slugify(name: str) -> str:
    """Lowercase ASCII-ish slug; non-Latin letters are kept (IRIs allow them)."""
    value = unicodedata.normalize("NFKC", name).casefold()
    value = re.sub(r"[^\w]+", "-", value).strip("-")
    return value or "document"


def read_document(
    path: str | Path,
    *,
    encoding: str | None = None,
    doc_id: str | None = None,
) -> Document:
    """Read one file into a :class:`Document`; raises :class:`BadDocumentError` on bad input."""
    file = Path(path)
    shown = file.as_posix()
    try:
        size = file.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise BadDocumentError(
                shown,
                f"{size} bytes is over the {MAX_DOCUMENT_BYTES}-byte limit for one document",
                "split it into several files",
            )
        data = file.read_bytes()
    except OSError as exc:
        raise BadDocumentError(
            shown, f"cannot read ({exc.strerror})", "check its permissions"
        ) from exc
    if not data.strip():
        raise BadDocumentError(shown, "empty file", "remove it or give it some text")
    source = decode(data, shown, encoding)
    suffix = file.suffix.lower()
    if suffix in (".html", ".htm"):
        title, text = html_to_text(source)
        title = title or _first_line(text)
    elif suffix in (".md", ".markdown"):
        text = markdown_to_text(source)
        title = _first_line(text)
    else:
        text = source
        title = _first_line(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise BadDocumentError(
            shown, "no text after markup is removed", "give a document with text"
        )
    return Document(
        doc_id=doc_id or slugify(file.name.rsplit(".", 1)[0] if "." in file.name else file.name),
        path=shown,
        title=title or file.name,
        text=text,
        language=detect_language(text),
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def read_documents(
    paths: Iterable[Path],
    *,
    encoding: str | None = None,
    skip_bad: bool = False,
    skipped: list[str] | None = None,
) -> Iterator[Document]:
    """Read every path; with ``skip_bad`` a bad file is recorded in ``skipped`` and passed over."""
    files = list(paths)
    ids = _unique_ids(files)
    for file in files:
        try:
            yield read_document(file, encoding=encoding, doc_id=ids[file])
        except BadDocumentError as exc:
            if not skip_bad:
                raise
            if skipped is not None:
                skipped.append(str(exc))


def _unique_ids(files: list[Path]) -> dict[Path, str]:
    """Slug per file from its name; names that collide get a short hash of their path."""
    base = {f: slugify(f.name.rsplit(".", 1)[0] if "." in f.name else f.name) for f in files}
    counts: dict[str, int] = {}
    for slug in base.values():
        counts[slug] = counts.get(slug, 0) + 1
    return {
        f: slug
        if counts[slug] == 1
        else f"{slug}-{hashlib.sha256(f.as_posix().encode()).hexdigest()[:8]}"
        for f, slug in base.items()
    }
