"""Graphs as sorted canonical N-Triples lines, and the deterministic writers built on them.

Why lines: Oxigraph dumps canonical N-Triples in Rust at ~1M triples/s, and one sort of
those lines gives a total, content-only order (no insertion order, no hash seed). Every
writer here (Turtle, TriG, N-Quads) walks that order once, so output is byte-identical for
the same graph and costs time linear in its size (plus the sort). A line is
``"<s> <p> o"`` without the final ``" ."``: subjects and predicates never contain a space
in canonical N-Triples, so ``line.split(b" ", 2)`` gives the three terms. Lines are
UTF-8 bytes (sorting bytes is twice as fast as sorting text, and gives the same code point
order), and ``rdf:type`` is written as the byte ``\x01`` so that it sorts first within its
subject and Turtle can open each block with ``a``; canonical N-Triples escapes every
control character, so no literal holds a raw ``\x01`` (:func:`split_line` restores it).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import pyoxigraph as ox

if TYPE_CHECKING:
    from rdflib import Graph

    from graph.store import GraphSource

__all__ = [
    "TYPE_MARK",
    "Compactor",
    "drop_xml_illegal",
    "graph_lines",
    "join_line",
    "literal_parts",
    "ntriples_line",
    "sorted_lines",
    "source_store",
    "split_line",
    "turtle_body",
    "turtle_chunks",
    "turtle_document",
    "used_prefix_header",
    "write_turtle_document",
]

RDF_TYPE = b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
TYPE_MARK = b"\x01"
_XSD = "http://www.w3.org/2001/XMLSchema#"

#: A prefixed-name local part we are sure every Turtle/TriG reader accepts.
_SAFE_LOCAL = re.compile(rb"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")
#: Lexical forms Turtle can write bare without changing the literal.
_BARE = {
    (_XSD + "integer").encode(): re.compile(rb"[+-]?[0-9]+"),
    (_XSD + "decimal").encode(): re.compile(rb"[+-]?[0-9]*\.[0-9]+"),
    (_XSD + "double").encode(): re.compile(rb"[+-]?(?:[0-9]+\.[0-9]*|\.?[0-9]+)[eE][+-]?[0-9]+"),
    (_XSD + "boolean").encode(): re.compile(rb"true|false"),
}
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_ESCAPE_BYTES = re.compile(rb"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_ECHARS = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def source_store(source: Graph | GraphSource | ox.Store) -> tuple[ox.Store, bool]:
    """An Oxigraph store for any graph we accept, and whether to read all its graphs."""
    from graph.store import GraphSource, rdflib_to_store

    if isinstance(source, GraphSource):
        return source.store, source.is_dataset
    if isinstance(source, ox.Store):
        return source, True
    from rdflib import Dataset
    from rdflib.graph import ConjunctiveGraph

    return rdflib_to_store(source), isinstance(source, (Dataset, ConjunctiveGraph))


def _mark_types(data: bytes) -> bytes:
    return data.replace(b"> " + RDF_TYPE + b" ", b"> " + TYPE_MARK + b" ")


def sorted_lines(data: bytes, *, distinct: bool = True) -> list[bytes]:
    """Canonical N-Triples text as sorted lines (see the module docstring)."""
    lines = _mark_types(data).split(b" .\n")
    if lines and not lines[-1]:
        lines.pop()
    if distinct:
        lines = list(set(lines))
    lines.sort()
    return lines


def graph_lines(source: Graph | GraphSource | ox.Store) -> list[bytes]:
    """Sorted, distinct lines of a graph (of the union of all graphs of a dataset).

    Lexical forms are kept exactly for rdflib graphs and graph files; a store hands back
    the canonical forms it keeps.
    """
    from graph.store import GraphSource, rdflib_ntriples

    if isinstance(source, GraphSource):
        return sorted_lines(source.ntriples())
    if isinstance(source, ox.Store):
        return sorted_lines(GraphSource(store=source, is_dataset=True).ntriples())
    return sorted_lines(rdflib_ntriples(source))


def split_line(line: bytes) -> tuple[bytes, bytes, bytes]:
    """Subject, predicate and object tokens of a line (``rdf:type`` restored)."""
    subject, predicate, obj = line.split(b" ", 2)
    if predicate == TYPE_MARK:
        predicate = RDF_TYPE
    if TYPE_MARK in obj:
        obj = obj.replace(TYPE_MARK, RDF_TYPE)
    return subject, predicate, obj


def join_line(subject: bytes, predicate: bytes, obj: bytes) -> bytes:
    """The line for three tokens (the inverse of :func:`split_line`)."""
    if predicate == RDF_TYPE:
        predicate = TYPE_MARK
    if b"> " + RDF_TYPE + b" " in obj:
        obj = obj.replace(b"> " + RDF_TYPE + b" ", b"> " + TYPE_MARK + b" ")
    return subject + b" " + predicate + b" " + obj


def ntriples_line(line: bytes) -> bytes:
    """A line back in canonical N-Triples form, with its final ``" ."``."""
    if TYPE_MARK in line:
        line = b" ".join(split_line(line))
    return line + b" .\n"


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        if match.group(3) is not None:
            return _ECHARS.get(match.group(3), match.group(3))
        return chr(int(match.group(1) or match.group(2), 16))

    return _ESCAPE.sub(one, text)


def literal_parts(token: bytes) -> tuple[str, str | None, str | None]:
    """``(lexical form, language, datatype IRI)`` of a literal token (datatype None = string)."""
    text = token.decode("utf-8")
    end = text.rindex('"')
    lexical = _unescape(text[1:end])
    rest = text[end + 1 :]
    if rest.startswith("@"):
        return lexical, rest[1:], None
    if rest.startswith("^^<"):
        datatype = rest[3:-1]
        return lexical, None, None if datatype == _XSD + "string" else datatype
    return lexical, None, None


def _is_xml_char(code: int) -> bool:
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def drop_xml_illegal(lines: Sequence[bytes]) -> list[bytes]:
    """Lines with the characters XML 1.0 cannot hold removed from every literal.

    RDF/XML and GraphML cannot carry U+0000-U+0008, U+000B, U+000C, U+000E-U+001F,
    U+FFFE or U+FFFF at all (not even as character references), so every export drops them
    from literals in every format alike, and the formats stay one and the same graph.
    Canonical N-Triples writes exactly these as escapes, so only escapes are inspected.
    """

    def clean(match: re.Match[bytes]) -> bytes:
        code = match.group(1) or match.group(2)
        if code is not None:
            return match.group(0) if _is_xml_char(int(code, 16)) else b""
        return b"" if match.group(3) in (b"b", b"f") else match.group(0)

    out = []
    changed = False
    for line in lines:
        if b"\\" in line:
            subject, predicate, obj = split_line(line)
            if obj.startswith(b'"'):
                cleaned = _ESCAPE_BYTES.sub(clean, obj)
                if cleaned != obj:
                    changed = True
                    line = join_line(subject, predicate, cleaned)
        out.append(line)
    return sorted(set(out)) if changed else out


class Compactor:
    """Turtle names for IRIs under our prefixes, remembering which prefixes were used."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        self._namespaces = sorted(
            ((p.encode(), ns.encode()) for p, ns in prefixes.items()),
            key=lambda kv: (-len(kv[1]), kv[0]),
        )
        # A safe local name holds no "/" or "#", so when every namespace ends in one, the
        # only namespace that can match is the IRI up to its last "/" or "#": one lookup
        # instead of a scan of every prefix (the scan stays for other namespaces).
        self._by_namespace: dict[bytes, bytes] | None = None
        if all(ns.endswith((b"/", b"#")) for _, ns in self._namespaces):
            self._by_namespace = {}
            for prefix, namespace in self._namespaces:
                self._by_namespace.setdefault(namespace, prefix)
        self._cache: dict[bytes, bytes] = {}
        self.used: set[str] = set()

    def iri(self, token: bytes) -> bytes:
        """``<iri>`` as ``prefix:local`` when that reads back as the same IRI."""
        found = self._cache.get(token)
        if found is None:
            found = token
            text = token[1:-1]
            if self._by_namespace is not None:
                cut = max(text.rfind(b"/"), text.rfind(b"#")) + 1
                prefix = self._by_namespace.get(text[:cut]) if cut else None
                if prefix is not None and _SAFE_LOCAL.fullmatch(text[cut:]):
                    found = prefix + b":" + text[cut:]
                    self.used.add(prefix.decode())
            else:
                for prefix, namespace in self._namespaces:
                    local = text[len(namespace) :]
                    if text.startswith(namespace) and _SAFE_LOCAL.fullmatch(local):
                        found = prefix + b":" + local
                        self.used.add(prefix.decode())
                        break
            self._cache[token] = found
        return found

    def term(self, token: bytes) -> bytes:
        """Any token: IRIs compacted, numbers and booleans bare, datatypes compacted."""
        first = token[:1]
        if first == b"<":
            return self.iri(token)
        if first == b'"' and token.endswith(b">"):
            found = self._cache.get(token)
            if found is None:
                split = token.rfind(b'"^^<')
                datatype = token[split + 4 : -1]
                bare = _BARE.get(datatype)
                lexical = token[1:split]
                if bare is not None and bare.fullmatch(lexical):
                    found = lexical
                else:
                    found = token[: split + 3] + self.iri(token[split + 3 :])
                self._cache[token] = found
            return found
        return token


def turtle_body(lines: Iterable[bytes], compactor: Compactor) -> bytes:
    """Turtle statements for sorted lines: one block per subject, ``a`` first."""
    return b"".join(turtle_chunks(lines, compactor))


_CHUNK_PIECES = 1 << 16  # pieces joined per chunk: ~2-5 MiB of Turtle


def turtle_chunks(lines: Iterable[bytes], compactor: Compactor) -> Iterator[bytes]:
    """:func:`turtle_body` in chunks, for writers that stream it to a file.

    The loop is the cost of every Turtle we write, so it is kept flat: each IRI and typed
    literal is compacted once (the compactor's cache), plain literals pass through as
    they are (canonical N-Triples escapes are valid Turtle).
    """
    out: list[bytes] = []
    append = out.append
    cache = compactor._cache
    term = compactor.term
    subject: bytes | None = None
    predicate: bytes | None = None
    for line in lines:
        s, p, o = line.split(b" ", 2)
        if o[0] == 34 and o[-1] != 62:  # '"', not '>': a plain or language-tagged literal
            obj = o.replace(TYPE_MARK, RDF_TYPE) if TYPE_MARK in o else o
        else:
            obj = cache.get(o) or term(o)
        if s == subject:
            if p == predicate:
                append(b",\n        " + obj)
                continue
            append(b" ;\n    ")
        else:
            if subject is not None:
                append(b" .\n\n")
            append((cache.get(s) or term(s)) + b" ")
            subject = s
        append((b"a" if p == TYPE_MARK else (cache.get(p) or term(p))) + b" " + obj)
        predicate = p
        if len(out) >= _CHUNK_PIECES:
            yield b"".join(out)
            out.clear()
    if subject is not None:
        append(b" .\n")
    if out:
        yield b"".join(out)


def used_prefix_header(compactor: Compactor, prefixes: dict[str, str]) -> bytes:
    lines = (f"@prefix {p}: <{prefixes[p]}> .\n" for p in sorted(compactor.used))
    return "".join(lines).encode("utf-8")


def write_turtle_document(
    path: str | os.PathLike[str], lines: Iterable[bytes], prefixes: dict[str, str]
) -> None:
    """:func:`turtle_document` written to ``path`` atomically, never whole in memory.

    The prefix header lists only the prefixes the body uses, known once the body is
    written: so the body streams into a temporary file first and is copied (by the
    kernel) after the header.
    """
    from graph.outputs import write_atomic_stream

    target = Path(path)
    compactor = Compactor(prefixes)
    with tempfile.TemporaryFile(dir=target.parent) as body:
        size = 0
        for chunk in turtle_chunks(lines, compactor):
            body.write(chunk)
            size += len(chunk)
        body.flush()
        header = used_prefix_header(compactor, prefixes)

        def write(handle: BinaryIO) -> None:
            handle.write(header + (b"\n" if header and size else b""))
            handle.flush()
            body.seek(0)
            shutil.copyfileobj(body, handle, 1 << 20)

        write_atomic_stream(target, write)


def turtle_document(lines: Iterable[bytes], prefixes: dict[str, str]) -> bytes:
    """A whole Turtle document: the prefixes it uses (sorted), a blank line, the body."""
    compactor = Compactor(prefixes)
    body = turtle_body(lines, compactor)
    header = used_prefix_header(compactor, prefixes)
    return header + (b"\n" if header and body else b"") + body
