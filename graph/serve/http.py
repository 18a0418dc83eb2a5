"""HTTP in a worker: one asyncio protocol per connection, the limits, and stopping cleanly.

httptools (llhttp, in C) parses; each response goes out in one write. A query runs in a
query thread; a watch that wakes every 20 ms while queries run checks their age and the
worker's memory: past the timeout, or past the memory limit, every query in flight is
answered 503 and the worker exits (the supervisor starts a new one).

The path of one request does no per-request asyncio work beyond the callbacks: no task,
no asyncio future, no timer per query (requests are handled in the protocol's callbacks,
a query goes to its thread with ``executor.submit`` and comes back with one
``call_soon_threadsafe``), and the query string is decoded in C where it can be. At a few
thousand small queries a second that overhead was most of a worker's time.
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import os
import re
import resource
import socket
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from graph.serve.protocol import (
    MAX_BODY_BYTES,
    MAX_HEADER_BYTES,
    AccessPolicy,
    Limits,
    Reply,
    Request,
    answer,
    read_only_reply,
    text_reply,
)

if TYPE_CHECKING:
    from graph.serve.worker import Shares

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

    protocol: Connection
    started: float


@dataclass
class _Waiting:
    """A query waiting for a free query thread (at most ``queue_timeout``)."""

    protocol: Connection
    request: Request
    cors: list[tuple[str, str]]
    timer: asyncio.TimerHandle | None = None


@dataclass
class WorkerState:
    store: Any
    union: bool
    limits: Limits
    policy: AccessPolicy
    hosts: frozenset[str]
    url: str
    any_ip_host: bool
    executor: ThreadPoolExecutor
    loop: asyncio.AbstractEventLoop
    in_flight: dict[int, _InFlight] = field(default_factory=dict)
    waiting: deque[_Waiting] = field(default_factory=deque)
    connections: set[Any] = field(default_factory=set)
    stopping: bool = False
    shares: Shares | None = None
    accepted: int = 0  # accepted, not yet connected


class _RefusalError(Exception):
    """Raised from a parser callback to stop reading a request we will not serve."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


_STATUS_LINES = {status.value: f"HTTP/1.1 {status.value} {status.phrase}" for status in HTTPStatus}


def _response(
    status: int, reply: Reply, extra: list[tuple[str, str]], *, keep_alive: bool, head: bool
) -> bytes:
    """Status line, headers and body as one buffer (one send: no Nagle/delayed-ACK wait)."""
    lines = [
        _STATUS_LINES.get(status) or f"HTTP/1.1 {status} {HTTPStatus(status).phrase}",
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


class Connection(asyncio.Protocol):
    """One client connection: httptools (llhttp, in C) parses, one write per response.

    Requests are answered one at a time and in order; reading pauses while one is being
    answered, so a pipelining or flooding client buffers in its own socket, not here.
    """

    def __init__(self, state: WorkerState) -> None:
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
        """Answer pending requests in order; a query goes to a thread and ends the loop.

        A loop, not recursion: a pipelining client may send a thousand requests at once.
        """
        paused = False
        while not self._busy and self._pending and self.transport is not None:
            if self.transport.is_closing():
                return
            self._busy = True
            if not paused:
                self._disarm()
                self.transport.pause_reading()
                paused = True
            incoming, keep_alive = self._pending.popleft()
            self._keep_alive = keep_alive
            self._method = incoming.method
            reply, extra = _handle(self, incoming)
            if isinstance(reply, Request):
                _submit(self, reply, extra)
                return
            if not self._write(reply, extra):
                return
        if paused and not self._busy:
            self._resume()

    def send(self, reply: Reply, extra: list[tuple[str, str]] | None = None) -> None:
        """Write one whole response, then read the next request (or close)."""
        if self._write(reply, extra):
            if self._pending:
                self._next()
            else:
                self._resume()

    def _write(self, reply: Reply, extra: list[tuple[str, str]] | None) -> bool:
        """Write one response; False when the connection closes (or had closed)."""
        if self.transport is None or self.transport.is_closing():
            return False
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
            return False
        return True

    def _resume(self) -> None:
        """Nothing left to answer: read again, under the request or the idle deadline."""
        if self.transport is None or self.transport.is_closing():
            return
        self.transport.resume_reading()
        limits = self.state.limits
        self._arm(limits.request_timeout if self._in_message else limits.idle_timeout)

    def _refuse(self, status: int, message: str) -> None:
        """Answer a request we will not read further, then close the connection."""
        if self.transport is None or self.transport.is_closing():
            return
        reply = text_reply(status, message)
        self.transport.write(_response(status, reply, [], keep_alive=False, head=False))
        self.transport.close()


def _host_allowed(state: WorkerState, host: str | None) -> bool:
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


def _cors_headers(state: WorkerState, origin: str | None) -> list[tuple[str, str]] | None:
    """CORS headers for an allowed origin, [] without an Origin, None for a refused one."""
    if origin is None:
        return []
    allowed = state.policy.cors_origins
    if "*" in allowed or origin in allowed:
        return [("Access-Control-Allow-Origin", origin)]
    return None


_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")  # a % that is no escape: decode the slow way


def _unquote(text: str) -> str:
    """``urllib.parse.unquote``, in C for the usual ASCII query string (same result)."""
    if "%" not in text:
        return text
    if not text.isascii() or _ESCAPE.search(text):
        return unquote(text)
    escaped = text.replace("\\", "\\\\").replace("%", "\\x").encode("ascii")
    return codecs.escape_decode(escaped)[0].decode("utf-8", "replace")


def parse_form(text: str) -> dict[str, list[str]]:
    """``urllib.parse.parse_qs(text, keep_blank_values=True)``, about four times faster."""
    fields: dict[str, list[str]] = {}
    for pair in text.split("&"):
        if pair:
            name, _, value = pair.partition("=")
            fields.setdefault(_unquote(name.replace("+", " ")), []).append(
                _unquote(value.replace("+", " "))
            )
    return fields


def _handle(conn: Connection, incoming: _Incoming) -> tuple[Reply | Request, list[tuple[str, str]]]:
    """The reply to a request, or the query to evaluate (with the CORS headers to send)."""
    state = conn.state
    if not _host_allowed(state, incoming.headers.get("host")):
        host = incoming.headers.get("host", "(none)")
        return text_reply(
            HTTPStatus.FORBIDDEN,
            f"Host {host!r} is not this server's name (a DNS rebinding guard); call "
            f"{state.url}, or start kg serve with --allow-host NAME",
        ), []
    cors = _cors_headers(state, incoming.headers.get("origin"))
    if cors is None:
        return text_reply(
            HTTPStatus.FORBIDDEN,
            f"requests from the web page at {incoming.headers.get('origin')} are refused; "
            "start kg serve with --cors-origin ORIGIN to let that page query the graph",
        ), []
    url = urlsplit(incoming.target)
    path = url.path.rstrip("/")
    if path not in ("", "/sparql"):
        return text_reply(
            HTTPStatus.NOT_FOUND, f"no such path {path!r}; the endpoint is /sparql"
        ), cors
    if incoming.method == "OPTIONS":
        preflight = [
            ("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
            ("Access-Control-Allow-Headers", "Content-Type, Accept"),
            ("Access-Control-Max-Age", "86400"),
        ]
        return Reply(HTTPStatus.NO_CONTENT, b""), cors + (preflight if cors else [])
    params = parse_form(url.query)
    text: str | None = None
    if incoming.method in ("GET", "HEAD"):
        if "update" in params:
            return read_only_reply(), cors
        if "query" not in params:
            help_text = _HELP.format(
                url=state.url, timeout=state.limits.timeout, max_rows=state.limits.max_rows
            )
            return text_reply(HTTPStatus.OK, help_text), cors
    elif incoming.method == "POST":
        content_type = (incoming.headers.get("content-type") or "").split(";")[0].strip().lower()
        try:
            body = incoming.body.decode("utf-8")
        except UnicodeDecodeError:
            return text_reply(HTTPStatus.BAD_REQUEST, "the request body is not UTF-8 text"), cors
        if content_type == "application/sparql-update":
            return read_only_reply(), cors
        if content_type == "application/x-www-form-urlencoded":
            form = parse_form(body)
            if "update" in form or "update" in params:
                return read_only_reply(), cors
            for key, values in form.items():
                params.setdefault(key, []).extend(values)
        elif content_type == "application/sparql-query":
            text = body
        else:
            return text_reply(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                f"unsupported Content-Type {content_type or '(none)'!r}; POST the query as "
                "application/x-www-form-urlencoded (query=...) or application/sparql-query",
            ), cors
    else:
        return text_reply(HTTPStatus.METHOD_NOT_ALLOWED, "use GET or POST"), cors
    if text is None:
        queries = params.get("query", [])
        if len(queries) != 1:
            return text_reply(HTTPStatus.BAD_REQUEST, "give exactly one query parameter"), cors
        text = queries[0]
    if not text.strip():
        return text_reply(HTTPStatus.BAD_REQUEST, "the query is empty"), cors
    formats = params.get("format") or params.get("output") or [None]
    request = Request(
        query=text,
        accept=incoming.headers.get("accept"),
        fmt=formats[0],
        default_graphs=tuple(params.get("default-graph-uri", ())),
        named_graphs=tuple(params.get("named-graph-uri", ())),
    )
    return request, cors


def _submit(conn: Connection, request: Request, cors: list[tuple[str, str]]) -> None:
    """Run the query in a free query thread, or wait for one (at most ``queue_timeout``)."""
    state = conn.state
    if len(state.in_flight) < state.limits.query_threads:
        _start(conn, request, cors)
        return
    waiting = _Waiting(conn, request, cors)
    waiting.timer = state.loop.call_later(state.limits.queue_timeout, _waited_too_long, waiting)
    state.waiting.append(waiting)


def _waited_too_long(waiting: _Waiting) -> None:
    state = waiting.protocol.state
    with contextlib.suppress(ValueError):
        state.waiting.remove(waiting)
        limits = state.limits
        waiting.protocol.send(
            text_reply(
                HTTPStatus.SERVICE_UNAVAILABLE,
                f"the endpoint is busy: {limits.query_threads} queries are running in this "
                f"worker and this one waited {limits.queue_timeout:g} s; try again",
            ),
            waiting.cors,
        )


def _start(conn: Connection, request: Request, cors: list[tuple[str, str]]) -> None:
    state = conn.state
    key = id(conn)
    state.in_flight[key] = _InFlight(conn, time.monotonic())
    future = state.executor.submit(
        answer, state.store, state.union, request, state.limits.max_rows, state.policy.federation
    )
    loop = state.loop

    def done(future: Future[Reply]) -> None:  # in the query thread
        loop.call_soon_threadsafe(_finished, conn, key, future, cors)

    future.add_done_callback(done)


def _finished(
    conn: Connection, key: int, future: Future[Reply], cors: list[tuple[str, str]]
) -> None:
    """Back on the event loop: send the answer, and start the next waiting query."""
    state = conn.state
    state.in_flight.pop(key, None)
    if state.stopping:
        return
    try:
        reply = future.result()
    except Exception as exc:  # a bug, not the client's fault: say so, keep serving
        detail = " ".join(str(exc).split())
        reply = text_reply(HTTPStatus.INTERNAL_SERVER_ERROR, f"query failed: {detail[:300]}")
    conn.send(reply, cors)
    while state.waiting and len(state.in_flight) < state.limits.query_threads:
        waiting = state.waiting.popleft()
        if waiting.timer is not None:
            waiting.timer.cancel()
        if waiting.protocol.transport is not None and not waiting.protocol.transport.is_closing():
            _start(waiting.protocol, waiting.request, waiting.cors)


def stop_worker(state: WorkerState, culprit: int | None, reason: str) -> None:
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
        flight.protocol.send(text_reply(HTTPStatus.SERVICE_UNAVAILABLE, message))
    for waiting in state.waiting:
        message = "another query overran the limits and its worker restarted; try again"
        waiting.protocol.send(text_reply(HTTPStatus.SERVICE_UNAVAILABLE, message), waiting.cors)
    for connection in list(state.connections):
        if connection.transport is not None and not connection.transport.is_closing():
            connection.transport.close()
    if state.shares is not None:
        state.shares.mark_full()  # take no more connections on the way out
    os._exit(3)  # the writes above went out at once (small replies, sockets not full)


def rss_bytes() -> int:
    with open("/proc/self/statm", "rb") as handle:
        return int(handle.read().split()[1]) * resource.getpagesize()


async def watch_limits(state: WorkerState, baseline: int) -> None:
    """While queries run, check their age and the worker's resident size every 20 ms.

    A query past the timeout, or a worker past the memory limit, stops the worker
    (every query in flight answered 503).
    """
    limit = baseline + state.limits.memory_mb * (1 << 20)
    timeout = state.limits.timeout
    while True:
        await asyncio.sleep(0.02)
        if not state.in_flight:
            continue
        oldest = min(state.in_flight.items(), key=lambda item: item[1].started)
        if time.monotonic() - oldest[1].started > timeout:
            stop_worker(state, oldest[0], "timeout")
        if rss_bytes() > limit:
            stop_worker(state, None, "memory")
