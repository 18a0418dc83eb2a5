"""SPARQL over a built graph: load, run, and format results for people or machines."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.query import Result

from graph.errors import QueryError
from graph.namespaces import PREFIXES

__all__ = ["QueryResult", "format_result", "load_graph", "read_query", "run_query"]

OUTPUT_FORMATS = ("table", "csv", "tsv", "json")


def load_graph(path: str | Path) -> Graph:
    """Parse a graph file (format from its suffix); errors name the file and the problem."""
    file = Path(path)
    if not file.is_file():
        raise QueryError(f"{file}: no such graph file; run `kg build` first or check the path")
    try:
        graph = Graph()
        graph.parse(file)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise QueryError(f"{file}: cannot parse as RDF ({exc.__class__.__name__}: {exc})") from exc
    return graph


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


def _with_prefixes(query: str) -> str:
    """Prepend our standard prefixes the query does not declare itself."""
    declared = query.lower()
    lines = [
        f"PREFIX {prefix}: <{iri}>"
        for prefix, iri in PREFIXES.items()
        if f"prefix {prefix}:" not in declared
    ]
    lines.append("PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>")
    return "\n".join(lines) + "\n" + query


@dataclass(frozen=True)
class QueryResult:
    """A query's answer: rows for SELECT, a boolean for ASK, a graph for CONSTRUCT/DESCRIBE."""

    kind: str  # "SELECT", "ASK", "CONSTRUCT", "DESCRIBE"
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[object, ...], ...] = ()
    boolean: bool | None = None
    graph: Graph | None = None


def run_query(graph: Graph, query: str) -> QueryResult:
    full = _with_prefixes(query)
    header_lines = full.count("\n") - query.count("\n")
    try:
        result: Result = graph.query(full)
    except Exception as exc:  # pyparsing / rdflib errors
        lineno, col = getattr(exc, "lineno", None), getattr(exc, "col", None)
        message = getattr(exc, "msg", None) or " ".join(str(exc).split())
        where = f" at line {lineno - header_lines}, column {col}" if lineno and col else ""
        raise QueryError(f"malformed SPARQL query{where}: {message}") from exc
    if result.type == "ASK":
        return QueryResult(kind="ASK", boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        assert result.graph is not None
        return QueryResult(kind=result.type, graph=result.graph)
    variables = tuple(str(v) for v in (result.vars or ()))
    rows = tuple(tuple(row) for row in result)  # type: ignore[arg-type]
    return QueryResult(kind="SELECT", variables=variables, rows=rows)


def _short(term: object, graph: Graph | None = None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, iri in PREFIXES.items():
            if str(term).startswith(iri):
                return f"{prefix}:{str(term)[len(iri) :]}"
        return str(term)
    if isinstance(term, (Literal, BNode)):
        return str(term)
    return str(term)


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render a result as an aligned table, CSV, TSV or SPARQL-JSON-like JSON."""
    if fmt not in OUTPUT_FORMATS:
        raise QueryError(f"unknown output format {fmt!r}; use one of {', '.join(OUTPUT_FORMATS)}")
    if result.kind == "ASK":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean})
        return "true" if result.boolean else "false"
    if result.graph is not None:
        for prefix, iri in PREFIXES.items():
            result.graph.bind(prefix, iri, replace=True)
        return result.graph.serialize(format="json-ld" if fmt == "json" else "turtle")
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
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(result: QueryResult) -> str:
    header = list(result.variables)
    body = [[_short(v) for v in row] for row in result.rows]
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
