"""SPARQL over a built graph: load, run, and format results for people or machines.

Queries run on Oxigraph (pyoxigraph): standards-complete SPARQL 1.1 in Rust, and no query
reaches the network or the file system unless the user asks. Two things in a SPARQL text
could make requests: ``SERVICE`` (federation) and updates such as ``LOAD``. Both are found
by :func:`query_features`, a lexical scan that skips strings, IRIs and comments exactly as
the SPARQL grammar does (after decoding ``\\u`` escapes, which SPARQL allows anywhere),
so it costs microseconds and needs no second parser. ``SERVICE`` is refused unless the
caller opts in (``kg query --federation``); updates are always refused.

Graph files holding named graphs (TriG, N-Quads, store folders) are queried as the union
of their graphs, unless the query names its own dataset with ``FROM``/``FROM NAMED``.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import BNode, Graph, Literal, URIRef

from graph.errors import KgError, QueryError
from graph.namespaces import PREFIXES

if TYPE_CHECKING:
    import pyoxigraph as ox

    from graph.store import GraphSource

__all__ = [
    "QueryFeatures",
    "QueryResult",
    "format_result",
    "load_graph",
    "open_source",
    "query_features",
    "read_query",
    "run_query",
]

OUTPUT_FORMATS = ("table", "csv", "tsv", "json")

#: Every prefix a query may use without declaring it.
QUERY_PREFIXES: dict[str, str] = {**PREFIXES, "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}


# ---------------------------------------------------------------- loading


def open_source(path: str | Path) -> GraphSource:
    """A graph file or store folder, ready to query (errors say how to fix them)."""
    from graph.store import StoreError, open_graph

    try:
        return open_graph(path)
    except StoreError as exc:
        raise QueryError(str(exc)) from exc


def load_graph(path: str | Path) -> Graph:
    """A graph file or store folder as an rdflib graph (the union of its graphs).

    Parsed by Oxigraph, then handed to rdflib: for code that needs rdflib's API (the HTML
    page, notebooks). Commands that only query or export use :func:`open_source`.
    """
    from graph.store import StoreError, source_to_rdflib

    try:
        return source_to_rdflib(open_source(path))
    except StoreError as exc:
        raise QueryError(str(exc)) from exc


def read_query(query_or_path: str) -> str:
    """A SPARQL string, or the text of a ``.rq``/``.sparql`` file when given a path."""
    candidate = Path(query_or_path)
    if query_or_path.endswith((".rq", ".sparql")) or (
        "\n" not in query_or_path and len(query_or_path) < 4096 and candidate.is_file()
    ):
        if not candidate.is_file():
            raise QueryError(f"{query_or_path}: no such query file")
        return candidate.read_text(encoding="utf-8")
    return query_or_path


# ---------------------------------------------------------------- lexical scan

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
#: What is not code, in the SPARQL grammar's own terms: escaped name characters
#: (``ex:a\#b``), the four string forms, IRI references and comments.
_NOT_CODE = re.compile(
    r"""
      \\.
    | \"\"\"(?:(?:\"|\"\")?(?:[^\"\\]|\\.))*\"\"\"
    | '''(?:(?:'|'')?(?:[^'\\]|\\.))*'''
    | \"(?:[^\"\\\n\r]|\\.)*\"
    | '(?:[^'\\\n\r]|\\.)*'
    | <[^<>\"{}|^`\\\x00-\x20]*>
    | \#[^\n\r]*
    """,
    re.VERBOSE | re.DOTALL,
)
_KEYWORD = r"(?<![\w.:?$\\-]){}(?![\w:-])"
_SERVICE = re.compile(_KEYWORD.format("SERVICE"), re.IGNORECASE)
_DATASET_CLAUSE = re.compile(_KEYWORD.format("FROM"), re.IGNORECASE)
_PROLOGUE = r"^\s*(?:(?:PREFIX\s+[^\s:]*:|BASE)\s*)*"
_UPDATE = re.compile(
    _PROLOGUE + r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)(?![\w:-])",
    re.IGNORECASE,
)
_FORM = re.compile(_PROLOGUE + r"(SELECT|CONSTRUCT|DESCRIBE|ASK)(?![\w:-])", re.IGNORECASE)


@dataclass(frozen=True)
class QueryFeatures:
    """What a query text asks for, as far as safety and dataset choice are concerned."""

    federated: bool  # uses SERVICE: would send requests to other servers
    update: bool  # is SPARQL Update (INSERT, LOAD, DROP ...)
    names_dataset: bool  # has FROM / FROM NAMED
    form: str | None  # SELECT, CONSTRUCT, DESCRIBE, ASK (None when unrecognisable)


def query_features(text: str) -> QueryFeatures:
    """Scan ``text`` as SPARQL's tokenizer would, without parsing it (linear, in C regex)."""
    decoded = _CODEPOINT.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)
    code = _NOT_CODE.sub(" ", decoded)
    form = _FORM.match(code)
    return QueryFeatures(
        federated=bool(_SERVICE.search(code)),
        update=bool(_UPDATE.match(code)),
        names_dataset=bool(_DATASET_CLAUSE.search(code)),
        form=form.group(1).upper() if form else None,
    )


FEDERATION_REFUSED = (
    "SERVICE (a federated query) is off: it would send requests to other servers; "
    "allow it explicitly with --federation if you trust the query"
)


# ---------------------------------------------------------------- running


@dataclass(frozen=True)
class QueryResult:
    """A query's answer: rows for SELECT, a boolean for ASK, a graph for CONSTRUCT/DESCRIBE."""

    kind: str  # "SELECT", "ASK", "CONSTRUCT", "DESCRIBE"
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[object, ...], ...] = ()
    boolean: bool | None = None
    graph: Graph | None = None


_SYNTAX_AT = re.compile(r"^error at (\d+):(\d+): (.*)$", re.DOTALL)


def _syntax_message(exc: SyntaxError) -> str:
    text = " ".join(str(exc).split())
    match = _SYNTAX_AT.match(text)
    where, detail = "", text
    if match:
        where = f" at line {match.group(1)}, column {match.group(2)}"
        detail = match.group(3)
    if len(detail) > 160:
        detail = detail[:157] + "..."
    return f"malformed SPARQL query{where}: {detail}"


def _store_for(graph: Graph | GraphSource | ox.Store) -> tuple[ox.Store, bool]:
    from graph.ntriples import source_store

    try:
        return source_store(graph)
    except KgError as exc:
        raise QueryError(str(exc)) from exc


def run_query(
    graph: Graph | GraphSource | ox.Store, query: str, *, federation: bool = False
) -> QueryResult:
    """Run a read-only SPARQL query; our prefixes (``kg:``, ``kge:``, ``rdf:`` ...) are predeclared.

    ``graph`` is an rdflib graph, a :class:`~graph.store.GraphSource` or an Oxigraph store.
    """
    import pyoxigraph as ox

    from graph.store import to_rdflib

    features = query_features(query)
    if features.update:
        raise QueryError(
            "kg query is read-only: SPARQL Update (INSERT, DELETE, LOAD ...) is not run; "
            "change the documents and run kg build instead"
        )
    if features.federated and not federation:
        raise QueryError(FEDERATION_REFUSED)
    store, union = _store_for(graph)
    options: dict[str, Any] = {"prefixes": QUERY_PREFIXES}
    if union and not features.names_dataset:
        options["use_default_graph_as_union"] = True
    try:
        result = store.query(query, **options)
    except SyntaxError as exc:
        raise QueryError(_syntax_message(exc)) from exc
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"the query failed: {' '.join(str(exc).split())}") from exc
    if isinstance(result, ox.QueryBoolean):
        return QueryResult(kind="ASK", boolean=bool(result))
    if isinstance(result, ox.QueryTriples):
        from graph.rdf import new_graph

        constructed = new_graph()
        for triple in result:
            constructed.add(
                (to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object))
            )
        kind = "DESCRIBE" if features.form == "DESCRIBE" else "CONSTRUCT"
        return QueryResult(kind=kind, graph=constructed)
    variables = tuple(v.value for v in result.variables)
    rows = tuple(
        tuple(None if value is None else to_rdflib(value) for value in solution)
        for solution in result
    )
    return QueryResult(kind="SELECT", variables=variables, rows=rows)


# ---------------------------------------------------------------- formatting


#: Characters a terminal would act on instead of showing: C0/C1 controls and the Unicode
#: bidirectional controls (which can make text display in another order than it reads).
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_NAMED_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def printable(text: str) -> str:
    """``text`` safe to write to a terminal: control characters shown as escapes."""
    if text.isprintable():
        return text
    out = []
    for char in text:
        if unicodedata.category(char) == "Cc" or char in _BIDI_CONTROLS:
            code = ord(char)
            out.append(
                _NAMED_ESCAPES.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
            )
        else:
            out.append(char)
    return "".join(out)


def _short(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, iri in PREFIXES.items():
            if str(term).startswith(iri):
                return f"{prefix}:{str(term)[len(iri) :]}"
        return str(term)
    return str(term)


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render a result as an aligned table, CSV, TSV or SPARQL-JSON-like JSON.

    A CONSTRUCT/DESCRIBE result is a graph: ``table`` writes it as Turtle and ``json`` as
    JSON-LD; CSV and TSV are refused (a graph is not a table).
    """
    if fmt not in OUTPUT_FORMATS:
        raise QueryError(f"unknown output format {fmt!r}; use one of {', '.join(OUTPUT_FORMATS)}")
    if result.kind == "ASK":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean})
        return "true" if result.boolean else "false"
    if result.graph is not None:
        from graph.export import serialize
        from graph.outputs import serialize_turtle

        if fmt in ("csv", "tsv"):
            raise QueryError(
                f"a {result.kind} result is a graph, not a table, so --format {fmt} does not "
                "apply; use --format table for Turtle or --format json for JSON-LD"
            )
        if fmt == "json":
            return serialize(result.graph, "jsonld").decode("utf-8")
        return printable_turtle(serialize_turtle(result.graph).decode("utf-8"))
    if fmt == "json":
        bindings = [
            {
                var: _json_term(value)
                for var, value in zip(result.variables, row, strict=False)
                if value is not None
            }
            for row in result.rows
        ]
        payload = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
        return json.dumps(payload, ensure_ascii=False, indent=2)
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow(["" if v is None else str(v) for v in row])
        return buffer.getvalue().rstrip("\n")
    return _table(result)


def printable_turtle(text: str) -> str:
    """Turtle for a terminal: canonical escapes already cover controls; bidi ones remain."""
    return "\n".join(printable(line) for line in text.split("\n"))


def _json_term(term: object) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype:
        out["datatype"] = str(term.datatype)
    return out


def _width(text: str) -> int:
    """Display width: East Asian wide characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(result: QueryResult) -> str:
    header = [printable(h) for h in result.variables]
    body = [[printable(_short(v)) for v in row] for row in result.rows]
    widths = [_width(h) for h in header]
    for row in body:
        widths = [max(w, _width(cell)) for w, cell in zip(widths, row, strict=False)]

    def line(cells: list[str]) -> str:
        padded = (c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True))
        return "  ".join(padded).rstrip()

    out = [line(header), "  ".join("-" * w for w in widths)]
    out.extend(line(row) for row in body)
    out.append(f"({len(body)} row{'s' if len(body) != 1 else ''})")
    return "\n".join(out)
