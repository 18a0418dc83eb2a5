"""The SPARQL 1.1 Protocol side of ``kg serve``: limits, formats, and answering one request.

Nothing here does I/O: :func:`answer` runs in a worker's query thread against an Oxigraph
store and returns the reply (status, body, media type) for the HTTP layer to send.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from http import HTTPStatus
from typing import Any

from graph.query import FEDERATION_REFUSED, QUERY_PREFIXES, query_features

DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30.0
MAX_BODY_BYTES = 1 << 20  # a query larger than 1 MiB is a mistake or an attack
MAX_HEADER_BYTES = 64 << 10  # request line (GET ?query=...) plus headers

#: SELECT/ASK result formats: short name -> (media type, other accepted media types).
RESULT_FORMATS: dict[str, tuple[str, tuple[str, ...]]] = {
    "json": ("application/sparql-results+json", ("application/json",)),
    "xml": ("application/sparql-results+xml", ("application/xml", "text/xml")),
    "csv": ("text/csv", ()),
    "tsv": ("text/tab-separated-values", ()),
}

#: CONSTRUCT/DESCRIBE formats: short name -> (media type, other accepted media types).
GRAPH_FORMATS: dict[str, tuple[str, tuple[str, ...]]] = {
    "turtle": (
        "text/turtle",
        ("application/turtle", "application/x-turtle", "text/n3", "text/rdf+n3"),
    ),
    "jsonld": ("application/ld+json", ("application/json", "application/x-json+ld")),
    "ntriples": ("application/n-triples", ("text/plain",)),
    "rdfxml": ("application/rdf+xml", ("application/xml", "text/xml")),
}

#: Alternative spellings of the ``format`` parameter.
_FORMAT_ALIASES = {
    "ttl": "turtle",
    "n3": "turtle",  # Turtle is N3; SPARQLWrapper asks for N3 this way
    "json-ld": "jsonld",
    "nt": "ntriples",
    "n-triples": "ntriples",
    "rdf": "rdfxml",
    "rdf/xml": "rdfxml",
}


@dataclass(frozen=True)
class Limits:
    """What one query and one connection may cost (see the module docstring)."""

    timeout: float = DEFAULT_TIMEOUT  # seconds a query may run
    memory_mb: int = 2048  # worker memory above the loaded graph
    max_rows: int = 100_000  # rows (or triples) in one result
    queue_timeout: float = 10.0  # seconds a query may wait for a free query thread
    query_threads: int = 4  # queries one worker runs at once
    request_timeout: float = 10.0  # seconds to receive a whole request (headers and body)
    idle_timeout: float = 15.0  # seconds a kept-alive connection may sit idle
    max_connections: int = 512  # open connections per worker


@dataclass(frozen=True)
class AccessPolicy:
    """Who may call the endpoint, and whether queries may reach other servers."""

    cors_origins: tuple[str, ...] = ()  # browser origins allowed to read answers ("*" = any)
    allowed_hosts: tuple[str, ...] = ()  # extra Host names this server answers to
    federation: bool = False  # allow SERVICE


# ---------------------------------------------------------------- content negotiation


def _parse_accept(header: str) -> list[str]:
    """Media ranges of an Accept header, best first (by q, then by order)."""
    ranges: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        quality = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0:
            ranges.append((-quality, index, media))
    return [media for _, _, media in sorted(ranges)]


@lru_cache(maxsize=512)  # clients send the same few Accept headers; pure and bounded
def negotiate(kind: str, accept: str | None, fmt: str | None) -> str | None:
    """The short format name to answer a ``kind`` query with, or None when nothing fits.

    ``kind`` is "solutions"/"boolean" (SELECT/ASK) or "graph" (CONSTRUCT/DESCRIBE). A
    ``format`` parameter (short name or media type) wins over the Accept header, because
    clients use it exactly when they cannot set headers. ``json``/``xml`` mean the
    results format for SELECT/ASK and JSON-LD/RDF/XML for graphs, as SPARQLWrapper expects.
    """
    table = GRAPH_FORMATS if kind == "graph" else RESULT_FORMATS
    default = "turtle" if kind == "graph" else "json"
    if fmt:
        wanted = fmt.strip().lower()
        if kind == "graph" and wanted in ("json", "xml"):
            wanted = {"json": "jsonld", "xml": "rdfxml"}[wanted]
        wanted = _FORMAT_ALIASES.get(wanted, wanted)
        if wanted in table:
            return wanted
        for name, (media, aliases) in table.items():
            if wanted == media or wanted in aliases:
                return name
        return None
    if not accept:
        return default
    for media in _parse_accept(accept):
        if media in ("*/*", "*"):
            return default
        for name, (main, _aliases) in table.items():
            if media == main:
                return name
        for name, (_main, aliases) in table.items():
            if media in aliases:
                return name
        if media.endswith("/*"):
            family = media[:-1]
            for name, (main, _aliases) in table.items():
                if main.startswith(family):
                    return name
    return None


def _media_type(kind: str, name: str) -> str:
    table = GRAPH_FORMATS if kind == "graph" else RESULT_FORMATS
    return table[name][0] + "; charset=utf-8"


def _supported(kind: str) -> str:
    table = GRAPH_FORMATS if kind == "graph" else RESULT_FORMATS
    return ", ".join(f"{media} (format={name})" for name, (media, _) in table.items())


def is_update(text: str) -> bool:
    """True when ``text`` is SPARQL Update (INSERT, DELETE, LOAD, CLEAR, ...), by a lexical scan."""
    return query_features(text).update


# ---------------------------------------------------------------- answering (worker threads)


class _TooManyRowsError(Exception):
    pass


@dataclass(frozen=True)
class Request:
    query: str
    accept: str | None
    fmt: str | None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes
    content_type: str = "text/plain; charset=utf-8"


def text_reply(status: int, message: str) -> Reply:
    return Reply(status, (message.rstrip("\n") + "\n").encode("utf-8"))


class _CountingWriter:
    """Collects a serialized result, counting rows as the bytes stream by (in C).

    Oxigraph serializes in Rust and hands over ~8 KiB at a time; each format marks rows in
    a way no value can imitate: a JSON binding opens with ``[{"``/``,{"`` (a quote inside
    a string is escaped), an XML one with ``<result>`` (``<`` in text is escaped), and a
    TSV/CSV row ends with a newline (a CSV value holding a newline counts twice: a
    stricter cap, never a looser one). Past the cap the writer raises, which stops the
    serialization, and with it the evaluation, at once.
    """

    def __init__(self, fmt: str, max_rows: int) -> None:
        self.markers = {"json": (b',{"', b'[{"'), "xml": (b"<result>",)}.get(fmt, (b"\n",))
        # A marker may straddle two chunks: keep what could be its start, never a whole one.
        self._keep = max(len(m) for m in self.markers) - 1
        self.rows = -1 if fmt in ("csv", "tsv") else 0  # the header line is no row
        self.max_rows = max_rows
        self.parts: list[bytes] = []
        self._tail = b""

    def write(self, data: bytes) -> int:
        chunk = bytes(data)
        window = self._tail + chunk
        self.rows += sum(window.count(marker) for marker in self.markers)
        self._tail = window[len(window) - self._keep :] if self._keep else b""
        if self.rows > self.max_rows:
            raise _TooManyRowsError
        self.parts.append(chunk)
        return len(data)

    def flush(self) -> None:
        pass

    def body(self) -> bytes:
        return b"".join(self.parts)


def _results_formats() -> dict[str, Any]:
    import pyoxigraph as ox

    return {
        "json": ox.QueryResultsFormat.JSON,
        "xml": ox.QueryResultsFormat.XML,
        "csv": ox.QueryResultsFormat.CSV,
        "tsv": ox.QueryResultsFormat.TSV,
    }


_RESULT_FORMATS = _results_formats()


def answer(store: Any, union: bool, request: Request, max_rows: int, federation: bool) -> Reply:
    """Evaluate one request against ``store`` (runs in a worker's query thread)."""
    import pyoxigraph as ox

    features = query_features(request.query)
    if features.update:
        return read_only_reply()
    if features.federated and not federation:
        return text_reply(
            HTTPStatus.FORBIDDEN,
            FEDERATION_REFUSED.replace("--federation", "kg serve --federation"),
        )
    options: dict[str, Any] = {"prefixes": QUERY_PREFIXES}
    try:
        if request.default_graphs:
            options["default_graph"] = [ox.NamedNode(iri) for iri in request.default_graphs]
        elif union and not features.names_dataset:
            options["use_default_graph_as_union"] = True
        if request.named_graphs:
            options["named_graphs"] = [ox.NamedNode(iri) for iri in request.named_graphs]
    except ValueError as exc:
        return text_reply(
            HTTPStatus.BAD_REQUEST,
            f"default-graph-uri/named-graph-uri must be absolute IRIs ({exc})",
        )
    try:
        result = store.query(request.query, **options)
        if isinstance(result, ox.QueryBoolean):
            name = negotiate("boolean", request.accept, request.fmt)
            if name is None:
                return _not_acceptable("boolean")
            body = result.serialize(format=_RESULT_FORMATS[name])
            return Reply(HTTPStatus.OK, body, _media_type("boolean", name))
        if isinstance(result, ox.QuerySolutions):
            name = negotiate("solutions", request.accept, request.fmt)
            if name is None:
                return _not_acceptable("solutions")
            writer = _CountingWriter(name, max_rows)
            result.serialize(writer, _RESULT_FORMATS[name])
            return Reply(HTTPStatus.OK, writer.body(), _media_type("solutions", name))
        name = negotiate("graph", request.accept, request.fmt)
        if name is None:
            return _not_acceptable("graph")
        triples = []
        for triple in result:
            triples.append(triple)
            if len(triples) > max_rows:
                raise _TooManyRowsError
        rdf_format = {
            "turtle": ox.RdfFormat.TURTLE,
            "jsonld": ox.RdfFormat.JSON_LD,
            "ntriples": ox.RdfFormat.N_TRIPLES,
            "rdfxml": ox.RdfFormat.RDF_XML,
        }[name]
        prefixes = QUERY_PREFIXES if name == "turtle" else None
        body = ox.serialize(triples, format=rdf_format, prefixes=prefixes)
        return Reply(HTTPStatus.OK, body, _media_type("graph", name))
    except SyntaxError as exc:
        detail = " ".join(str(exc).split())
        return text_reply(HTTPStatus.BAD_REQUEST, f"malformed SPARQL query: {detail[:300]}")
    except _TooManyRowsError:
        return text_reply(
            HTTPStatus.SERVICE_UNAVAILABLE,
            f"the result has more than {max_rows} rows, the limit of this endpoint; add a "
            "LIMIT or narrow the query (or restart kg serve with a larger --max-rows)",
        )
    except (OSError, ValueError, RuntimeError) as exc:
        detail = " ".join(str(exc).split())
        return text_reply(HTTPStatus.INTERNAL_SERVER_ERROR, f"query failed: {detail[:300]}")


def read_only_reply() -> Reply:
    return text_reply(
        HTTPStatus.FORBIDDEN,
        "this endpoint is read-only: SPARQL Update is refused; "
        "change the source documents and run `kg build` instead",
    )


def _not_acceptable(kind: str) -> Reply:
    return text_reply(
        HTTPStatus.NOT_ACCEPTABLE,
        f"cannot answer in the requested format; use one of: {_supported(kind)}",
    )
