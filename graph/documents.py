"""Stage 1: find and read source documents (.txt, .md, .html) into :class:`Document` records.

Bad input fails loudly and early with a message that names the file and the fix: we
would rather refuse a Shift_JIS file than build a graph of mojibake. One file is one
document however it is named (``a.txt``, its absolute path, ``x/../a.txt``), and two files
with the same text are read once. Paths are stored relative to the corpus root (the
folder holding the given paths, or ``--root``) so that a build gives the same bytes from
whatever folder it is started in.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path

from graph.errors import BadDocumentError, KgError, NoDocumentsError
from graph.lang.detect import detect_language
from graph.model import Document

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "SUFFIXES",
    "Corpus",
    "InvalidDateError",
    "ReadLog",
    "SourceFile",
    "decode",
    "detect_language",
    "display_path",
    "find_documents",
    "iter_documents",
    "list_sources",
    "parse_date",
    "read_corpus",
    "read_document",
    "read_documents",
]

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

# Legacy Japanese encodings we can recognise well enough to name in the error message.
_CANDIDATE_ENCODINGS = ("shift_jis", "cp932", "euc_jp")
# Byte-order marks, longest first: a UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
# ISO-2022-JP is 7-bit, so it passes as ASCII; its escape sequences give it away.
_ISO2022_ESCAPES = (b"\x1b$B", b"\x1b$@", b"\x1b(J", b"\x1b(I", b"\x1b$(D")
_BINARY_SNIFF = 8192


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as one printable line: control characters (a newline in a name) escaped."""
    text = Path(path).as_posix() if not isinstance(path, str) else path
    return "".join(
        c if unicodedata.category(c)[0] != "C" or c == " " else repr(c)[1:-1] for c in text
    )


@dataclass
class ReadLog:
    """What reading passed over: skipped files (``--skip-bad``) and warnings (duplicates).

    Mutable on purpose: reading streams, and the messages are collected as it goes.
    """

    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SourceFile:
    """One input file, before it is read."""

    path: Path  # as the user named it (for messages)
    real: Path  # resolved, absolute: the identity of the file
    relative: str  # POSIX path relative to the corpus root: Document.path
    doc_id: str


@dataclass(frozen=True)
class Corpus:
    """The documents of a build, read, and what was passed over."""

    documents: tuple[Document, ...]
    root: Path
    skipped: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


# --- finding files ---------------------------------------------------------------------


def find_documents(
    paths: Iterable[str | Path], *, skip_bad: bool = False, log: ReadLog | None = None
) -> list[Path]:
    """Expand files and folders into a list of document files, each file once.

    Folders are searched recursively for the known suffixes; hidden files and folders are
    skipped. A path that does not exist, or a folder that cannot be read, is an error
    (with ``skip_bad``, a folder that cannot be read is reported in ``log`` instead).
    Files named several ways (``a.txt``, ``./x/../a.txt``, a symlink) are kept once,
    with a warning in ``log``.
    """
    given = list(paths)
    found: list[Path] = []
    for raw in given:
        path = Path(raw)
        if not path.exists():
            raise BadDocumentError(display_path(raw), "no such file or folder", "check the path")
        if path.is_dir():
            found.extend(_walk(path, skip_bad=skip_bad, log=log))
        else:
            found.append(path)
    unique: dict[str, Path] = {}
    for path in found:
        real = os.path.realpath(path)
        if real in unique:
            if log is not None and unique[real] != path:
                log.warnings.append(
                    f"{display_path(path)}: the same file as {display_path(unique[real])}; "
                    "read once"
                )
            continue
        unique[real] = path
    if not unique:
        shown = ", ".join(display_path(p) for p in given) or "(nothing)"
        raise NoDocumentsError(
            f"no documents in {shown}; give .txt, .md or .html files or a folder holding them"
        )
    return list(unique.values())


def _walk(folder: Path, *, skip_bad: bool, log: ReadLog | None) -> list[Path]:
    unreadable: list[OSError] = []
    files: list[Path] = []
    for current, dirs, names in os.walk(folder, onerror=unreadable.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            path = Path(current) / name
            if not name.startswith(".") and path.suffix.lower() in SUFFIXES and path.is_file():
                files.append(path)
    for error in unreadable:
        where = display_path(error.filename or folder)
        if not skip_bad:
            raise BadDocumentError(
                where + "/",
                f"cannot read this folder ({error.strerror})",
                "check its permissions, or pass --skip-bad to build without it",
            )
        if log is not None:
            log.skipped.append(f"{where}/: cannot read this folder ({error.strerror})")
    return files


def list_sources(
    paths: Iterable[str | Path],
    *,
    root: str | Path | None = None,
    skip_bad: bool = False,
    log: ReadLog | None = None,
) -> tuple[list[SourceFile], Path]:
    """The input files in a stable order (by path under the root), and that root.

    The root is ``root`` if given, else the deepest folder that holds every given path
    (``kg build seeds`` stores ``seeds/a.txt``, from whatever folder it is run); each
    document's stored path and id are taken relative to it, never to the current folder.
    """
    given = [Path(p) for p in paths]
    files = find_documents(given, skip_bad=skip_bad, log=log)
    reals = [Path(os.path.realpath(f)) for f in files]
    if root is not None:
        base = Path(os.path.realpath(root))
        if not base.is_dir():
            raise BadDocumentError(display_path(root), "--root is not a folder", "give a folder")
        for file, real in zip(files, reals, strict=True):
            if not real.is_relative_to(base):
                raise BadDocumentError(
                    display_path(file),
                    f"is outside --root {display_path(root)}",
                    "give a --root that holds every input",
                )
    else:
        base = Path(os.path.commonpath([Path(os.path.realpath(p)).parent for p in given]))
    relatives = [real.relative_to(base).as_posix() for real in reals]
    ids = _unique_ids(relatives)
    sources = [
        SourceFile(path=file, real=real, relative=rel, doc_id=ids[rel])
        for file, real, rel in zip(files, reals, relatives, strict=True)
    ]
    sources.sort(key=lambda s: s.relative)
    return sources, base


def slugify(name: str) -> str:
    """Lowercase ASCII-ish slug; non-Latin letters are kept (IRIs allow them)."""
    value = unicodedata.normalize("NFKC", name).casefold()
    value = re.sub(r"[^\w]+", "-", value).strip("-")
    return value or "document"


def _stem(name: str) -> str:
    return name.rsplit(".", 1)[0] if "." in name else name


def _unique_ids(relatives: Sequence[str]) -> dict[str, str]:
    """Slug per file from its name; names that collide get a short hash of their path.

    The hash is of the path under the root, so ids do not depend on the current folder.
    """
    base = {rel: slugify(_stem(rel.rsplit("/", 1)[-1])) for rel in relatives}
    counts: dict[str, int] = {}
    for value in base.values():
        counts[value] = counts.get(value, 0) + 1
    return {
        rel: value
        if counts[value] == 1
        else f"{value}-{hashlib.sha256(rel.encode()).hexdigest()[:8]}"
        for rel, value in base.items()
    }


# --- decoding --------------------------------------------------------------------------


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Bytes to text: UTF-8 (BOM or not), UTF-16/UTF-32 with a BOM, or the named encoding.

    Anything else is refused with the likely encoding named: UTF-16 without a BOM,
    ISO-2022-JP, Shift_JIS, EUC-JP, binary data, NUL bytes anywhere.
    """
    text = _decode_named(data, path, encoding) if encoding else _decode_detected(data, path)
    nul = text.find("\x00")
    if nul >= 0:
        raise BadDocumentError(
            path,
            f"contains a NUL character (character {nul}), so it is not plain text",
            "remove the NUL characters, or give a text document",
        )
    return text


def _decode_named(data: bytes, path: str, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError as exc:
        raise BadDocumentError(
            path, f"unknown encoding {encoding!r}", "pass a Python codec name to --encoding"
        ) from exc
    except UnicodeError as exc:
        where = f" (byte {exc.start})" if isinstance(exc, UnicodeDecodeError) else ""
        raise BadDocumentError(
            path, f"not valid {encoding}{where}", "pass the file's real encoding to --encoding"
        ) from exc


def _decode_detected(data: bytes, path: str) -> str:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise BadDocumentError(
                    path,
                    f"starts with a {name} byte-order mark but is not valid {name} "
                    f"({exc.reason} at byte {exc.start})",
                    "re-save it as UTF-8, or pass its real encoding with --encoding",
                ) from exc
    if any(escape in data for escape in _ISO2022_ESCAPES):
        raise BadDocumentError(
            path, "looks like ISO-2022-JP (JIS) text", "pass --encoding iso2022_jp"
        )
    wide = _bomless_wide_encoding(data)
    if wide is not None:
        raise BadDocumentError(
            path, f"looks like {wide.upper()} without a byte-order mark", f"pass --encoding {wide}"
        )
    nul = data.find(b"\x00")
    if 0 <= nul < _BINARY_SNIFF:
        raise BadDocumentError(path, "binary file, not text", "give a .txt, .md or .html document")
    if nul >= 0:
        raise BadDocumentError(
            path,
            f"contains a NUL byte (byte {nul}), so it is not plain text",
            "remove the NUL bytes, or give a text document",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        guess = _guess_legacy_encoding(data)
        hint = f"pass --encoding {guess}" if guess else "pass the file's encoding with --encoding"
        raise BadDocumentError(path, f"not valid UTF-8 (byte {exc.start})", hint) from exc


def _bomless_wide_encoding(data: bytes) -> str | None:
    """``utf-16-le`` etc. when the bytes read as text in a wide encoding with no BOM.

    Japanese in UTF-16 has few zero bytes, so zeros alone do not tell; the decoded text
    must read like prose: mostly hiragana-bearing Japanese, or mostly printable ASCII.
    Valid UTF-8 without NUL bytes is never reinterpreted.
    """
    if b"\x00" not in data:
        try:
            data.decode("utf-8")
            return None
        except UnicodeDecodeError:
            pass
    best: tuple[float, str] | None = None
    for codec, width in (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2)):
        if len(data) % width:
            continue
        try:
            text = data[:65536].decode(codec)
        except UnicodeDecodeError:
            continue
        score = _prose_score(text)
        if score > 0.5 and (best is None or score > best[0]):
            best = (score, codec)
    return best[1] if best else None


def _prose_score(text: str) -> float:
    """How much ``text`` reads like prose: share of hiragana (x5) or of printable ASCII."""
    letters = [c for c in text if not c.isspace()]
    if not letters or "\x00" in text:
        return 0.0
    hiragana = sum(1 for c in letters if "\u3040" <= c <= "\u309f") / len(letters)
    ascii_text = sum(1 for c in letters if " " < c < "\x7f") / len(letters)
    return max(min(1.0, hiragana * 5), ascii_text if ascii_text > 0.95 else 0.0)


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


# --- markup ----------------------------------------------------------------------------


class _TextExtractor(HTMLParser):
    """HTML to text: drops script/style, keeps block structure as line breaks.

    Also notes the publication date: ``<meta property="article:published_time">`` or
    else the first ``<time datetime>``.
    """

    _SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head"})
    _BLOCK = frozenset(
        {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.published_meta: str | None = None
        self.time_datetime: str | None = None
        self._skip_depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "meta" and values.get("property", values.get("name")) in (
            "article:published_time",
        ):
            self.published_meta = self.published_meta or values.get("content")
        elif tag == "time" and values.get("datetime") and self.time_datetime is None:
            self.time_datetime = values["datetime"]
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


@dataclass(frozen=True)
class _Page:
    title: str
    text: str
    published: str | None = None


def _read_html(source: str) -> _Page:
    parser = _TextExtractor()
    parser.feed(source)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    # The parser has already turned character references into characters: unescaping the
    # title again would read "AT&amp;amp;T" as "AT&T".
    title = " ".join("".join(parser.title_parts).split())
    published = _iso_prefix(parser.published_meta) or _iso_prefix(parser.time_datetime)
    return _Page(title, text, published)


def html_to_text(source: str) -> tuple[str, str]:
    """Return (title, text) of an HTML page."""
    page = _read_html(source)
    return page.title, page.text


def markdown_to_text(source: str) -> str:
    """Markdown to plain text: the prose only, as CommonMark reads it.

    Headings, paragraphs, list items, quotes and table cells are kept, with link text but
    not targets; fenced, indented and inline code, HTML comments and raw HTML tags are
    not prose and are dropped (a raw HTML block keeps its text).
    """
    from markdown_it import MarkdownIt

    blocks: list[str] = []
    row: list[str] | None = None  # the cells of the table row being read
    for token in MarkdownIt("commonmark").enable("table").parse(source):
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            blocks.append(" ".join(cell for cell in row if cell))
            row = None
        elif token.type == "inline":
            text = _inline_text(token.children or [])
            (row if row is not None else blocks).append(text)
        elif token.type == "html_block" and not token.content.lstrip().startswith("<!--"):
            blocks.append(_read_html(token.content).text)
    return "\n\n".join(block for block in blocks if block.strip())


def _inline_text(children) -> str:
    parts: list[str] = []
    for child in children:
        if child.type == "text":
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)
        # code_inline and html_inline (tags, comments) are not prose.
    return "".join(parts)


def _first_line(text: str) -> str:
    for line in text[:4096].splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""


# --- dates -----------------------------------------------------------------------------

_ISO_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T\s+Z])")
_DATE_LABEL = r"(?:(?:公開|配信|掲載|投稿|発行|発表)(?:日|日時)?|日付|Published|Posted|Date)"
_JA_DATE = r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?"
_NUMERIC_DATE = r"(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?"
_WEEKDAY = r"(?:\s*[（(](?:[月火水木金土日]|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?[)）])?"
_TIME = r"(?:\s*(?:\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}時(?:\d{1,2}分)?))?"
_DATE_LINE = re.compile(
    rf"^\s*(?:{_DATE_LABEL}\s*[:：]?\s*)?(?:{_JA_DATE}|{_NUMERIC_DATE}){_WEEKDAY}{_TIME}"
    r"(?:\s+[^\s。、，,.!?！？]{1,20})?\s*$",
    re.IGNORECASE,
)
#: Date lines are looked for among the first few lines (title, byline, date).
_DATE_LINE_WINDOW = 5


class InvalidDateError(KgError, ValueError):
    """A date given by the user (``--date``) is not an ISO date."""


def parse_date(value: str) -> str:
    """``2024-03-21`` / ``2024-03`` / ``2024`` as given, checked; :class:`InvalidDateError`
    otherwise."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    iso = _checked(*match.groups()) if match else None
    if iso is None:
        raise InvalidDateError(f"{value!r} is not a date; write it as 2024-03-21, 2024-03 or 2024")
    return iso


def _checked(year: str, month: str | None, day: str | None) -> str | None:
    try:
        if day:
            return dt.date(int(year), int(month or 0), int(day)).isoformat()
        if month:
            return dt.date(int(year), int(month), 1).isoformat()[:7]
        return f"{int(year):04d}"
    except ValueError:
        return None


def _iso_prefix(value: str | None) -> str | None:
    """The date part of an ISO timestamp (``2024-03-21T09:00:00+09:00`` -> ``2024-03-21``)."""
    if not value:
        return None
    match = _ISO_DATE.match(value)
    return _checked(*match.groups()) if match else None


def date_line(text: str) -> str | None:
    """The date of a line near the top that is only a date (``2024年3月21日（木） 10:00``)."""
    lines = [line for line in text[:4096].splitlines() if line.strip()][:_DATE_LINE_WINDOW]
    for line in lines:
        match = _DATE_LINE.match(unicodedata.normalize("NFKC", line))
        if match:
            groups = match.groups()
            year, month, day = groups[0:3] if groups[0] else groups[3:6]
            checked = _checked(year, month, day)
            if checked:
                return checked
    return None


# --- reading ---------------------------------------------------------------------------


def read_document(
    path: str | Path,
    *,
    encoding: str | None = None,
    doc_id: str | None = None,
    stored_path: str | None = None,
    published: str | None = None,
) -> Document:
    """Read one file into a :class:`Document`; raises :class:`BadDocumentError` on bad input.

    ``stored_path`` is the path recorded in the graph (default: the path as given);
    ``published`` is the date to use when the document states none.
    """
    file = Path(path)
    shown = display_path(file)
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
    del data  # a document may be megabytes: keep one copy of it at a time
    suffix = file.suffix.lower()
    stated: str | None = None
    if suffix in (".html", ".htm"):
        page = _read_html(source)
        text, title, stated = page.text, page.title, page.published
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
        doc_id=doc_id or slugify(_stem(file.name)),
        path=stored_path if stored_path is not None else file.as_posix(),
        title=title or file.name,
        text=text,
        language=detect_language(text),
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        published=stated or date_line(text) or published,
    )


def iter_documents(
    sources: Iterable[SourceFile],
    *,
    encoding: str | None = None,
    skip_bad: bool = False,
    published: str | None = None,
    log: ReadLog | None = None,
) -> Iterator[Document]:
    """Read sources one at a time; a text read before (same SHA-256) is passed over.

    With ``skip_bad`` a bad file is recorded in ``log.skipped`` instead of raising.
    """
    seen: dict[str, str] = {}
    for source in sources:
        try:
            document = read_document(
                source.path,
                encoding=encoding,
                doc_id=source.doc_id,
                stored_path=source.relative,
                published=published,
            )
        except BadDocumentError as exc:
            if not skip_bad:
                raise
            if log is not None:
                log.skipped.append(str(exc))
            continue
        first = seen.setdefault(document.sha256, source.relative)
        if first != source.relative:
            if log is not None:
                log.warnings.append(
                    f"{display_path(source.relative)}: the same text as "
                    f"{display_path(first)}; read once"
                )
            continue
        yield document


def read_corpus(
    paths: Iterable[str | Path],
    *,
    root: str | Path | None = None,
    encoding: str | None = None,
    skip_bad: bool = False,
    published: str | None = None,
) -> Corpus:
    """Find and read every document of a build (see :func:`list_sources`)."""
    log = ReadLog()
    sources, base = list_sources(paths, root=root, skip_bad=skip_bad, log=log)
    documents = tuple(
        iter_documents(sources, encoding=encoding, skip_bad=skip_bad, published=published, log=log)
    )
    return Corpus(documents, base, tuple(log.skipped), tuple(log.warnings))


def read_documents(
    paths: Iterable[Path],
    *,
    encoding: str | None = None,
    skip_bad: bool = False,
    skipped: list[str] | None = None,
) -> Iterator[Document]:
    """Read every path; with ``skip_bad`` a bad file is recorded in ``skipped`` and passed over.

    Paths are stored relative to the folder that holds them all (see :func:`read_corpus`).
    """
    log = ReadLog()
    sources, _ = list_sources(paths, skip_bad=skip_bad, log=log)
    try:
        yield from iter_documents(sources, encoding=encoding, skip_bad=skip_bad, log=log)
    finally:
        if skipped is not None:
            skipped.extend(log.skipped)


def without_text(document: Document) -> Document:
    """The document's record without its text: what the graph needs once it is read."""
    return replace(document, text="")
