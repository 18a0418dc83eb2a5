"""A read-only SPARQL 1.1 Protocol endpoint over a built graph, safe to leave running.

Why: YASGUI, SPARQLWrapper, Protégé and most RDF tools talk to *endpoints*, not files.
``kg serve`` gives them one without installing a triple store.

Design, and why:

* **Worker processes serve HTTP themselves** (pre-fork): each loads the graph into its
  own Oxigraph store (or opens a store folder read-only) and accepts connections on the
  shared listening socket, so both cores parse HTTP and answer queries and no front
  process forwards every request. The supervisor (:class:`SparqlServer`) only starts
  workers, replaces any that exit, and stops them all on SIGTERM or Ctrl-C; workers also
  die with it (``PR_SET_PDEATHSIG``).
* **HTTP/1.1 by httptools** (llhttp, the C parser of Node.js; uvicorn's) on uvloop: chunked
  bodies, keep-alive, pipelining and ``Content-Length`` validation handled by maintained
  code, at a few microseconds a request; TCP_NODELAY and one write per response, so a
  kept-alive connection waits for no timer.
* **Queries run in a few threads per worker** (Oxigraph releases the GIL), so two slow
  queries do not block everyone. A query waits at most ``queue_timeout`` for a thread,
  then gets 503. A query cannot be interrupted from Python, so one that passes
  ``timeout``, or a worker whose memory passes ``memory_mb`` above the loaded graph,
  ends the worker process: every query in flight gets a 503 that says why, and the
  supervisor starts a fresh worker. A hard address-space limit (``setrlimit``) backs the
  memory check up. A result with more than ``max_rows`` rows is abandoned while
  streaming (503, nothing materialised).
* **Nothing leaves the machine**: ``SERVICE`` is refused (403) unless ``federation`` is
  on; updates are refused (403). Only the origins named in ``cors_origins`` may call the
  endpoint from a browser; a request whose ``Host`` is not this server's (DNS rebinding)
  gets 403.
* **Slow or broken clients cost little**: the whole request (headers and body) must
  arrive within ``request_timeout`` (slowloris), idle keep-alive connections are closed,
  bodies over 1 MiB are refused from their ``Content-Length`` before they are read, and
  malformed bodies are refused before any SPARQL parser sees them.
"""

from __future__ import annotations

import array
import asyncio
import contextlib
import ctypes
import json
import mmap
import os
import resource
import selectors
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from graph.errors import ServeError
from graph.query import FEDERATION_REFUSED, QUERY_PREFIXES, query_features

__all__ = [
    "DEFAULT_PORT",
    "DEFAULT_TIMEOUT",
    "GRAPH_FORMATS",
    "RESULT_FORMATS",
    "AccessPolicy",
    "Limits",
    "SparqlServer",
    "is_update",
    "negotiate",
    "serve",
]

DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30.0
MAX_BODY_BYTES = 1 << 20  # a query larger than 1 MiB is a mistake or an attack
MAX_HEADER_BYTES = 64 << 10  # request line (GET ?query=...) plus headers
STARTUP_TIMEOUT = 300.0  # loading a big graph into a worker may take a while

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
class _Request:
    query: str
    accept: str | None
    fmt: str | None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Reply:
    status: int
    body: bytes
    content_type: str = "text/plain; charset=utf-8"


def _text(status: int, message: str) -> _Reply:
    return _Reply(status, (message.rstrip("\n") + "\n").encode("utf-8"))


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


def answer(store: Any, union: bool, request: _Request, max_rows: int, federation: bool) -> _Reply:
    """Evaluate one request against ``store`` (runs in a worker's query thread)."""
    import pyoxigraph as ox

    features = query_features(request.query)
    if features.update:
        return _read_only()
    if features.federated and not federation:
        return _text(
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
        return _text(
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
            return _Reply(HTTPStatus.OK, body, _media_type("boolean", name))
        if isinstance(result, ox.QuerySolutions):
            name = negotiate("solutions", request.accept, request.fmt)
            if name is None:
                return _not_acceptable("solutions")
            writer = _CountingWriter(name, max_rows)
            result.serialize(writer, _RESULT_FORMATS[name])
            return _Reply(HTTPStatus.OK, writer.body(), _media_type("solutions", name))
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
        return _Reply(HTTPStatus.OK, body, _media_type("graph", name))
    except SyntaxError as exc:
        detail = " ".join(str(exc).split())
        return _text(HTTPStatus.BAD_REQUEST, f"malformed SPARQL query: {detail[:300]}")
    except _TooManyRowsError:
        return _text(
            HTTPStatus.SERVICE_UNAVAILABLE,
            f"the result has more than {max_rows} rows, the limit of this endpoint; add a "
            "LIMIT or narrow the query (or restart kg serve with a larger --max-rows)",
        )
    except (OSError, ValueError, RuntimeError) as exc:
        detail = " ".join(str(exc).split())
        return _text(HTTPStatus.INTERNAL_SERVER_ERROR, f"query failed: {detail[:300]}")


def _read_only() -> _Reply:
    return _text(
        HTTPStatus.FORBIDDEN,
        "this endpoint is read-only: SPARQL Update is refused; "
        "change the source documents and run `kg build` instead",
    )


def _not_acceptable(kind: str) -> _Reply:
    return _text(
        HTTPStatus.NOT_ACCEPTABLE,
        f"cannot answer in the requested format; use one of: {_supported(kind)}",
    )


# ---------------------------------------------------------------- HTTP (worker event loop)


_HELP = """newskg SPARQL endpoint (read-only, SPARQL 1.1 Protocol).

Query with GET {url}?query=..., or POST the query form-encoded (query=...) or as
application/sparql-query. Results: SPARQL JSON (default), XML, CSV or TSV for SELECT/ASK;
Turtle (default), JSON-LD, N-Triples or RDF/XML for CONSTRUCT/DESCRIBE. Choose with the
Accept header or a format= parameter. Our prefixes (kg:, kge:, ...) are predeclared.
Updates and SERVICE are refused (403). Queries running longer than {timeout:g} s are
stopped; results are limited to {max_rows} rows.
"""


@dataclass(frozen=True)
class _Incoming:
    method: str
    target: str
    headers: dict[str, str]
    body: bytes = b""


@dataclass
class _InFlight:
    """A query being evaluated; the event loop answers it if the worker must stop."""

    protocol: _Connection
    started: float
    timer: asyncio.TimerHandle | None = None


@dataclass
class _WorkerState:
    store: Any
    union: bool
    limits: Limits
    policy: AccessPolicy
    hosts: frozenset[str]
    url: str
    any_ip_host: bool
    executor: ThreadPoolExecutor
    slots: asyncio.Semaphore
    in_flight: dict[int, _InFlight] = field(default_factory=dict)
    connections: set[Any] = field(default_factory=set)
    stopping: bool = False
    shares: _Shares | None = None
    accepted: int = 0  # accepted, not yet connected


class _RefusalError(Exception):
    """Raised from a parser callback to stop reading a request we will not serve."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _response(
    status: int, reply: _Reply, extra: list[tuple[str, str]], *, keep_alive: bool, head: bool
) -> bytes:
    """Status line, headers and body as one buffer (one send: no Nagle/delayed-ACK wait)."""
    lines = [
        f"HTTP/1.1 {status} {HTTPStatus(status).phrase}",
        f"Content-Type: {reply.content_type}",
        f"Content-Length: {len(reply.body)}",
        "Cache-Control: no-store",
        "Vary: Accept, Origin",
        "Server: newskg-sparql",
    ]
    lines += [f"{name}: {value}" for name, value in extra]
    if status == HTTPStatus.SERVICE_UNAVAILABLE:
        lines.append("Retry-After: 1")
    if not keep_alive:
        lines.append("Connection: close")
    head_bytes = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    return head_bytes if head else head_bytes + reply.body


class _Connection(asyncio.Protocol):
    """One client connection: httptools (llhttp, in C) parses, one write per response.

    Requests are answered one at a time and in order; reading pauses while one is being
    answered, so a pipelining or flooding client buffers in its own socket, not here.
    """

    def __init__(self, state: _WorkerState) -> None:
        import httptools

        self._errors = (httptools.HttpParserError, httptools.HttpParserUpgrade)
        self.state = state
        self.parser = httptools.HttpRequestParser(self)
        self.transport: asyncio.Transport | None = None
        self._pending: deque[tuple[_Incoming, bool]] = deque()
        self._busy = False
        self._in_message = False
        self._deadline: asyncio.TimerHandle | None = None
        self._reset()

    def _reset(self) -> None:
        self._url = b""
        self._headers: dict[str, str] = {}
        self._body: list[bytes] = []
        self._size = 0
        self._head_size = 0

    # -- connection lifecycle

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]
        self.state.connections.add(self)
        if self.state.shares is not None:
            self.state.shares.set(len(self.state.connections) + self.state.accepted - 1)
        if len(self.state.connections) > self.state.limits.max_connections:
            self._refuse(HTTPStatus.SERVICE_UNAVAILABLE, "too many open connections; try again")
            return
        self._arm(self.state.limits.request_timeout)

    def connection_lost(self, exc: Exception | None) -> None:
        self.state.connections.discard(self)
        if self.state.shares is not None and not self.state.stopping:
            self.state.shares.set(len(self.state.connections))
        self._disarm()
        self.transport = None

    def _arm(self, seconds: float) -> None:
        self._disarm()
        self._deadline = asyncio.get_running_loop().call_later(seconds, self._expired)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expired(self) -> None:
        """The request did not arrive in time (slowloris), or the connection sat idle."""
        self._deadline = None
        if self._busy or self.transport is None:
            return
        if self._in_message:
            self._refuse(HTTPStatus.REQUEST_TIMEOUT, "the request took too long to arrive")
        else:
            self.transport.close()

    # -- parser callbacks (httptools calls these from feed_data)

    def on_message_begin(self) -> None:
        self._in_message = True
        self._reset()
        if not self._busy:
            self._arm(self.state.limits.request_timeout)

    def on_url(self, url: bytes) -> None:
        self._url += url
        self._head_size += len(url)
        if self._head_size > MAX_HEADER_BYTES:
            raise _RefusalError(
                HTTPStatus.REQUEST_URI_TOO_LONG, "request line too long; POST the query"
            )

    def on_header(self, name: bytes, value: bytes) -> None:
        self._head_size += len(name) + len(value)
        if self._head_size > MAX_HEADER_BYTES:
            raise _RefusalError(
                HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "request headers too large"
            )
        key = name.decode("latin-1").lower()
        text = value.decode("latin-1")
        self._headers[key] = f"{self._headers[key]}, {text}" if key in self._headers else text

    def on_headers_complete(self) -> None:
        length = self._headers.get("content-length", "")
        if length.isdigit() and int(length) > MAX_BODY_BYTES:
            raise _RefusalError(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                f"request body over {MAX_BODY_BYTES} bytes; send a shorter query",
            )
        if self._headers.get("expect", "").lower() == "100-continue" and self.transport:
            self.transport.write(b"HTTP/1.1 100 Continue\r\n\r\n")

    def on_body(self, body: bytes) -> None:
        self._size += len(body)
        if self._size > MAX_BODY_BYTES:
            raise _RefusalError(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                f"request body over {MAX_BODY_BYTES} bytes; send a shorter query",
            )
        self._body.append(body)

    def on_message_complete(self) -> None:
        self._in_message = False
        incoming = _Incoming(
            method=self.parser.get_method().decode("latin-1"),
            target=self._url.decode("latin-1"),
            headers=self._headers,
            body=b"".join(self._body),
        )
        self._pending.append((incoming, self.parser.should_keep_alive()))
        self._reset()

    # -- reading

    def data_received(self, data: bytes) -> None:
        try:
            self.parser.feed_data(data)
        except _RefusalError as refusal:
            self._refuse(refusal.status, str(refusal))
            return
        except self._errors as exc:
            cause = exc.__context__
            if isinstance(cause, _RefusalError):
                self._refuse(cause.status, str(cause))
            else:
                self._refuse(HTTPStatus.BAD_REQUEST, f"bad HTTP request: {exc}")
            return
        self._next()

    def _next(self) -> None:
        if self._busy or not self._pending or self.transport is None:
            return
        self._busy = True
        self._disarm()
        self.transport.pause_reading()
        incoming, keep_alive = self._pending.popleft()
        asyncio.get_running_loop().create_task(self._respond(incoming, keep_alive))

    async def _respond(self, incoming: _Incoming, keep_alive: bool) -> None:
        self._keep_alive = keep_alive
        self._method = incoming.method
        reply, extra = await _handle(self, incoming)
        self.send(reply, extra)

    def send(self, reply: _Reply, extra: list[tuple[str, str]] | None = None) -> None:
        """Write one whole response, then read the next request (or close)."""
        if self.transport is None or self.transport.is_closing():
            return
        keep_alive = getattr(self, "_keep_alive", False) and not self.state.stopping
        self.transport.write(
            _response(
                int(reply.status),
                reply,
                extra or [],
                keep_alive=keep_alive,
                head=getattr(self, "_method", "") == "HEAD",
            )
        )
        self._busy = False
        if not keep_alive:
            self.transport.close()
            return
        self.transport.resume_reading()
        if self._pending:
            self._next()
        else:
            self._arm(
                self.state.limits.request_timeout
                if self._in_message
                else self.state.limits.idle_timeout
            )

    def _refuse(self, status: int, message: str) -> None:
        """Answer a request we will not read further, then close the connection."""
        if self.transport is None or self.transport.is_closing():
            return
        reply = _text(status, message)
        self.transport.write(_response(status, reply, [], keep_alive=False, head=False))
        self.transport.close()


def _host_allowed(state: _WorkerState, host: str | None) -> bool:
    """The Host header names this server (DNS rebinding sends a foreign name)."""
    if not host:
        return False
    name = host.strip().lower()
    if name in state.hosts:
        return True
    if state.any_ip_host:  # bound to every address: any address literal is fine
        bare = name.rsplit(":", 1)[0] if not name.startswith("[") else name.split("]")[0][1:]
        with contextlib.suppress(ValueError):
            socket.inet_pton(socket.AF_INET6 if ":" in bare else socket.AF_INET, bare)
            return True
    return False


def _cors_headers(state: _WorkerState, origin: str | None) -> list[tuple[str, str]] | None:
    """CORS headers for an allowed origin, [] without an Origin, None for a refused one."""
    if origin is None:
        return []
    allowed = state.policy.cors_origins
    if "*" in allowed or origin in allowed:
        return [("Access-Control-Allow-Origin", origin)]
    return None


async def _handle(conn: _Connection, incoming: _Incoming) -> tuple[_Reply, list[tuple[str, str]]]:
    state = conn.state
    if not _host_allowed(state, incoming.headers.get("host")):
        host = incoming.headers.get("host", "(none)")
        return _text(
            HTTPStatus.FORBIDDEN,
            f"Host {host!r} is not this server's name (a DNS rebinding guard); call "
            f"{state.url}, or start kg serve with --allow-host NAME",
        ), []
    cors = _cors_headers(state, incoming.headers.get("origin"))
    if cors is None:
        return _text(
            HTTPStatus.FORBIDDEN,
            f"requests from the web page at {incoming.headers.get('origin')} are refused; "
            "start kg serve with --cors-origin ORIGIN to let that page query the graph",
        ), []
    url = urlsplit(incoming.target)
    path = url.path.rstrip("/")
    if path not in ("", "/sparql"):
        return _text(HTTPStatus.NOT_FOUND, f"no such path {path!r}; the endpoint is /sparql"), cors
    if incoming.method == "OPTIONS":
        preflight = [
            ("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
            ("Access-Control-Allow-Headers", "Content-Type, Accept"),
            ("Access-Control-Max-Age", "86400"),
        ]
        return _Reply(HTTPStatus.NO_CONTENT, b""), cors + (preflight if cors else [])
    params = parse_qs(url.query, keep_blank_values=True)
    text: str | None = None
    if incoming.method in ("GET", "HEAD"):
        if "update" in params:
            return _read_only(), cors
        if "query" not in params:
            help_text = _HELP.format(
                url=state.url, timeout=state.limits.timeout, max_rows=state.limits.max_rows
            )
            return _text(HTTPStatus.OK, help_text), cors
    elif incoming.method == "POST":
        content_type = (incoming.headers.get("content-type") or "").split(";")[0].strip().lower()
        try:
            body = incoming.body.decode("utf-8")
        except UnicodeDecodeError:
            return _text(HTTPStatus.BAD_REQUEST, "the request body is not UTF-8 text"), cors
        if content_type == "application/sparql-update":
            return _read_only(), cors
        if content_type == "application/x-www-form-urlencoded":
            form = parse_qs(body, keep_blank_values=True)
            if "update" in form or "update" in params:
                return _read_only(), cors
            for key, values in form.items():
                params.setdefault(key, []).extend(values)
        elif content_type == "application/sparql-query":
            text = body
        else:
            return _text(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                f"unsupported Content-Type {content_type or '(none)'!r}; POST the query as "
                "application/x-www-form-urlencoded (query=...) or application/sparql-query",
            ), cors
    else:
        return _text(HTTPStatus.METHOD_NOT_ALLOWED, "use GET or POST"), cors
    if text is None:
        queries = params.get("query", [])
        if len(queries) != 1:
            return _text(HTTPStatus.BAD_REQUEST, "give exactly one query parameter"), cors
        text = queries[0]
    if not text.strip():
        return _text(HTTPStatus.BAD_REQUEST, "the query is empty"), cors
    formats = params.get("format") or params.get("output") or [None]
    request = _Request(
        query=text,
        accept=incoming.headers.get("accept"),
        fmt=formats[0],
        default_graphs=tuple(params.get("default-graph-uri", ())),
        named_graphs=tuple(params.get("named-graph-uri", ())),
    )
    return await _evaluate(conn, request), cors


async def _evaluate(conn: _Connection, request: _Request) -> _Reply:
    """Wait for a query thread (at most ``queue_timeout``), then run under the timeout."""
    state = conn.state
    limits = state.limits
    try:
        await asyncio.wait_for(state.slots.acquire(), limits.queue_timeout)
    except TimeoutError:
        return _text(
            HTTPStatus.SERVICE_UNAVAILABLE,
            f"the endpoint is busy: {limits.query_threads} queries are running in this worker "
            f"and this one waited {limits.queue_timeout:g} s; try again",
        )
    loop = asyncio.get_running_loop()
    key = id(conn)
    flight = _InFlight(conn, time.monotonic())
    flight.timer = loop.call_later(limits.timeout, _stop_worker, state, key, "timeout")
    state.in_flight[key] = flight
    try:
        return await loop.run_in_executor(
            state.executor,
            answer,
            state.store,
            state.union,
            request,
            limits.max_rows,
            state.policy.federation,
        )
    finally:
        if flight.timer is not None:
            flight.timer.cancel()
        state.in_flight.pop(key, None)
        state.slots.release()


def _stop_worker(state: _WorkerState, culprit: int | None, reason: str) -> None:
    """Answer every query in flight with 503, then end this worker (the supervisor replaces it)."""
    if state.stopping:
        return
    state.stopping = True
    limits = state.limits
    for key, flight in list(state.in_flight.items()):
        if reason == "timeout" and key == culprit:
            message = (
                f"query timed out: it ran longer than {limits.timeout:g} s and was stopped; "
                "narrow it (LIMIT, more specific patterns) or restart kg serve with a larger "
                "--timeout"
            )
        elif reason == "memory":
            message = (
                f"the query needed more than {limits.memory_mb} MiB of memory and was stopped; "
                "narrow it (LIMIT, fewer unbound patterns) or restart kg serve with a larger "
                "--memory-limit"
            )
        else:
            message = "another query overran the limits and its worker restarted; try again"
        flight.protocol.send(_text(HTTPStatus.SERVICE_UNAVAILABLE, message))
    for connection in list(state.connections):
        if connection.transport is not None and not connection.transport.is_closing():
            connection.transport.close()
    if state.shares is not None:
        state.shares.set(_Shares.FULL)  # take no more connections on the way out
    os._exit(3)  # the writes above went out at once (small replies, sockets not full)


def _rss_bytes() -> int:
    with open("/proc/self/statm", "rb") as handle:
        return int(handle.read().split()[1]) * resource.getpagesize()


async def _watch_memory(state: _WorkerState, baseline: int) -> None:
    """Poll the worker's resident size; past the limit, stop the worker (answering 503)."""
    limit = baseline + state.limits.memory_mb * (1 << 20)
    while True:
        await asyncio.sleep(0.02)
        if state.in_flight and _rss_bytes() > limit:
            _stop_worker(state, None, "memory")


# ---------------------------------------------------------------- worker process


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the supervisor dies, however it dies."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)


def _cap_address_space(extra_bytes: int) -> None:
    """A hard ceiling for runaway allocations the memory watch did not catch in time."""
    with open("/proc/self/status", encoding="ascii") as handle:
        size_kb = next(int(line.split()[1]) for line in handle if line.startswith("VmSize:"))
    ceiling = size_kb * 1024 + extra_bytes
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))


def _worker_main(config_json: str) -> None:
    """Entry point of a worker process (started by :class:`SparqlServer` with ``python -c``)."""
    config = json.loads(config_json)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the supervisor
    _die_with_parent()
    ready = os.fdopen(config["ready_fd"], "w", buffering=1)
    try:
        from graph.store import open_graph

        source = open_graph(config["source"])
        store = source.store
        triples = len(store)
    except Exception as exc:
        ready.write(json.dumps({"failed": " ".join(str(exc).split())}) + "\n")
        return
    limits = Limits(**config["limits"])
    policy = AccessPolicy(
        **{k: tuple(v) if isinstance(v, list) else v for k, v in config["policy"].items()}
    )
    listener = socket.socket(fileno=config["listen_fd"])
    import uvloop

    uvloop.install()
    asyncio.run(
        _worker_loop(store, source.is_dataset, listener, limits, policy, config, ready, triples)
    )


class _Shares:
    """Open-connection counts of all workers, in a small shared file (one int32 each).

    A worker that holds more kept-alive clients than the least loaded one lets the next
    connection go to another worker, so 8 clients do not all end up on one process.
    A worker that is gone counts as full (the supervisor and the worker itself mark it).
    """

    FULL = 1 << 30

    def __init__(self, path: str, workers: int, index: int | None = None) -> None:
        self._file = open(path, "r+b")  # noqa: SIM115 - lives as long as the worker
        self._map = mmap.mmap(self._file.fileno(), 4 * workers)
        self.view = memoryview(self._map).cast("i")
        self.index = index

    @staticmethod
    def create(path: str, workers: int) -> None:
        with open(path, "wb") as handle:
            handle.write(array.array("i", [_Shares.FULL] * workers).tobytes())

    def set(self, value: int, index: int | None = None) -> None:
        self.view[self.index if index is None else index] = value

    def should_yield(self) -> bool:
        assert self.index is not None
        return self.view[self.index] > min(self.view) + 1


def _accept_balanced(
    loop: asyncio.AbstractEventLoop, listener: socket.socket, state: _WorkerState
) -> None:
    """Accept one connection per wake-up, and leave it to a less loaded worker if any.

    Every worker waits on the one listening socket. An event loop's own accept takes all
    pending connections at once, so a burst of 8 clients could all land on one worker
    while the other idles. A connection left for another worker is taken anyway after a
    few milliseconds, so no client waits on a balance that cannot be reached.
    """
    listener.setblocking(False)
    fd = listener.fileno()
    waiting_since: float | None = None

    def accept() -> None:
        nonlocal waiting_since
        shares = state.shares
        while True:
            if shares is not None and shares.should_yield():
                now = time.monotonic()
                waiting_since = waiting_since or now
                if now - waiting_since < 0.005:
                    loop.remove_reader(fd)  # look again soon; another worker may take it
                    loop.call_later(0.001, loop.add_reader, fd, accept)
                    return
            waiting_since = None
            try:
                conn, _ = listener.accept()
            except (BlockingIOError, InterruptedError):
                return  # none left (or another worker took it)
            except OSError:
                return  # out of file descriptors: the client waits in the backlog
            if shares is not None:  # counted now: connection_made comes a loop turn later
                state.accepted += 1
                shares.set(len(state.connections) + state.accepted)
            conn.setblocking(False)
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            loop.create_task(_connect(conn))

    async def _connect(conn: socket.socket) -> None:
        try:
            await loop.connect_accepted_socket(lambda: _Connection(state), conn)
        finally:
            state.accepted -= 1

    loop.add_reader(fd, accept)


async def _worker_loop(
    store: Any,
    union: bool,
    listener: socket.socket,
    limits: Limits,
    policy: AccessPolicy,
    config: dict[str, Any],
    ready: Any,
    triples: int,
) -> None:
    loop = asyncio.get_running_loop()
    executor = ThreadPoolExecutor(max_workers=limits.query_threads, thread_name_prefix="query")
    # Start every query thread now, so the address-space ceiling counts their stacks.
    warm = [loop.run_in_executor(executor, time.sleep, 0.01) for _ in range(limits.query_threads)]
    await asyncio.gather(*warm)
    state = _WorkerState(
        store=store,
        union=union,
        limits=limits,
        policy=policy,
        hosts=frozenset(config["hosts"]),
        url=config["url"],
        any_ip_host=config["any_ip_host"],
        executor=executor,
        slots=asyncio.Semaphore(limits.query_threads),
        shares=_Shares(config["shares"], config["workers"], config["index"]),
    )
    state.shares.set(0)
    baseline = _rss_bytes()
    _cap_address_space(2 * limits.memory_mb * (1 << 20) + (1 << 30))
    _accept_balanced(loop, listener, state)
    watch = loop.create_task(_watch_memory(state, baseline))
    ready.write(json.dumps({"ready": triples}) + "\n")
    ready.close()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    await stop.wait()
    state.shares.set(_Shares.FULL)
    watch.cancel()
    os._exit(0)  # queries still running in threads cannot be joined; nothing to flush


# ---------------------------------------------------------------- supervisor


def _allowed_hosts(host: str, port: int, extra: tuple[str, ...]) -> tuple[frozenset[str], bool]:
    """Host header values that name this server, and whether any IP literal is fine."""
    names = {host.lower(), *(e.lower() for e in extra)}
    wildcard = host in ("0.0.0.0", "::", "")
    if wildcard or host in ("127.0.0.1", "::1", "localhost") or host.startswith("127."):
        names |= {"127.0.0.1", "localhost", "::1"}
    values = set()
    for name in names:
        shown = f"[{name}]" if ":" in name and not name.startswith("[") else name
        values.add(f"{shown}:{port}")
        if port == 80:
            values.add(shown)
    return frozenset(values), wildcard


def _listen(host: str, port: int) -> socket.socket:
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
        sock = socket.socket(family, kind, proto)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(1024)
    except OSError as exc:
        raise ServeError(
            f"cannot listen on {host}:{port} ({exc.strerror or exc}); "
            "stop the other server or pick another --port"
        ) from exc
    sock.set_inheritable(True)
    return sock


class _WorkerProcess:
    """One worker: a ``python -c`` child sharing the listening socket, and its ready pipe."""

    def __init__(self, config: dict[str, Any], listener: socket.socket, index: int) -> None:
        read_fd, write_fd = os.pipe()
        package_root = str(Path(__file__).resolve().parents[1])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (package_root, env.get("PYTHONPATH", "")) if p
        )
        env.setdefault("MALLOC_ARENA_MAX", "2")  # keeps the address-space ceiling meaningful
        payload = json.dumps(
            {**config, "listen_fd": listener.fileno(), "ready_fd": write_fd, "index": index}
        )
        code = "import sys; from graph.serve import _worker_main; _worker_main(sys.argv[1])"
        self.process = subprocess.Popen(
            [sys.executable, "-c", code, payload],
            pass_fds=(listener.fileno(), write_fd),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            env=env,
        )
        os.close(write_fd)
        self.ready = os.fdopen(read_fd, "r")

    def wait_ready(self, timeout: float) -> int:
        with selectors.DefaultSelector() as selector:
            selector.register(self.ready, selectors.EVENT_READ)
            if not selector.select(timeout):
                self.stop()
                raise ServeError(
                    f"the query worker did not load the graph within {timeout:.0f} s; "
                    "is the file very large? try a store folder (kg build --store)"
                )
        line = self.ready.readline()
        self.ready.close()
        message = json.loads(line) if line.strip() else {"failed": "the worker died while loading"}
        if "ready" not in message:
            self.stop()
            raise ServeError(
                f"cannot load the graph: {message['failed']}; check the file with kg validate"
            )
        return int(message["ready"])

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self, grace: float = 5.0) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.ready.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


class SparqlServer:
    """The endpoint: a listening socket and worker processes that serve it.

    Use as a context manager, or call :meth:`close` when done, so the workers stop.
    ``port=0`` picks a free port (see :attr:`url`). :meth:`serve_forever` supervises the
    workers (replacing any that exit) until :meth:`shutdown`.
    """

    def __init__(
        self,
        graph_file: str | Path,
        host: str = "127.0.0.1",
        port: int = DEFAULT_PORT,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        workers: int = 2,
        limits: Limits | None = None,
        policy: AccessPolicy | None = None,
        log_requests: bool = False,  # kept for callers; workers do not log per request
    ) -> None:
        source = Path(graph_file)
        if not source.exists():
            raise ServeError(
                f"{source}: no such graph file or store folder; "
                "run `kg build` first or check the path"
            )
        limits = limits or Limits(timeout=timeout)
        if limits.timeout <= 0:
            raise ServeError(f"--timeout must be positive, not {limits.timeout:g}")
        if workers < 1:
            raise ServeError(f"need at least one worker, not {workers}")
        self.limits = limits
        self.policy = policy or AccessPolicy()
        self.timeout = limits.timeout
        self.graph_file = source
        self._socket = _listen(host, port)
        handle, self._shares_path = tempfile.mkstemp(prefix="newskg-serve-", suffix=".shares")
        os.close(handle)
        _Shares.create(self._shares_path, workers)
        self._shares = _Shares(self._shares_path, workers)
        self.server_address = self._socket.getsockname()
        bound_port = int(self.server_address[1])
        hosts, any_ip = _allowed_hosts(host, bound_port, self.policy.allowed_hosts)
        self._config = {
            "source": str(source.resolve()),
            "limits": asdict(limits),
            "policy": asdict(self.policy),
            "hosts": sorted(hosts),
            "workers": workers,
            "shares": self._shares_path,
            "any_ip_host": any_ip,
            "url": self.url,
        }
        self._workers: list[_WorkerProcess] = []
        self._stop = threading.Event()
        self._stopped = threading.Event()
        self._stopped.set()
        try:
            self._workers = [
                _WorkerProcess(self._config, self._socket, index) for index in range(workers)
            ]
            counts = [w.wait_ready(STARTUP_TIMEOUT) for w in self._workers]
        except BaseException:
            self.close()
            raise
        self.triples = counts[0]

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        shown = f"[{host}]" if ":" in str(host) else str(host)
        return f"http://{shown}:{port}/sparql"

    def serve_forever(self, poll_interval: float = 0.1) -> None:
        """Replace workers that exit (a stopped query, a crash) until :meth:`shutdown`."""
        self._stopped.clear()
        try:
            while not self._stop.wait(poll_interval):
                for index, worker in enumerate(self._workers):
                    if not worker.alive():
                        self._shares.set(_Shares.FULL, index)
                        self._workers[index] = _WorkerProcess(self._config, self._socket, index)
        finally:
            self._stopped.set()

    def shutdown(self) -> None:
        self._stop.set()
        self._stopped.wait(timeout=10)

    def close(self) -> None:
        """Stop every worker (SIGTERM, then SIGKILL) and the listening socket."""
        self._stop.set()
        for worker in self._workers:
            worker.stop()
        self._socket.close()
        with contextlib.suppress(OSError):
            os.unlink(self._shares_path)

    def __enter__(self) -> SparqlServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def serve(
    graph_file: str | Path,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    workers: int = 2,
    limits: Limits | None = None,
    policy: AccessPolicy | None = None,
) -> None:
    """Serve until Ctrl-C or SIGTERM; both stop every worker before returning."""

    def terminate(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        with SparqlServer(
            graph_file, host, port, timeout=timeout, workers=workers, limits=limits, policy=policy
        ) as server:
            line = f"Serving {server.triples} triples at {server.url} (read-only; Ctrl-C to stop)"
            print(line, file=sys.stderr, flush=True)
            with contextlib.suppress(KeyboardInterrupt):
                server.serve_forever()
    finally:
        signal.signal(signal.SIGTERM, previous)
