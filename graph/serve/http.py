"""HTTP in a worker: one asyncio protocol per connection, the limits, and stopping cleanly.

httptools (llhttp, in C) parses; each response goes out in one write. A query runs in a
query thread under a timer; past the timeout, or past the memory limit, every query in
flight is answered 503 and the worker exits (the supervisor starts a new one).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import resource
import socket
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

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
    slots: asyncio.Semaphore
    in_flight: dict[int, _InFlight] = field(default_factory=dict)
    connections: set[Any] = field(default_factory=set)
    stopping: bool = False
    shares: Shares | None = None
    accepted: int = 0  # accepted, not yet connected


class _RefusalError(Exception):
    """Raised from a parser callback to stop reading a request we will not serve."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _response(
    status: int, reply: Reply, extra: list[tuple[str, str]], *, keep_alive: bool, head: bool
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

    def send(self, reply: Reply, extra: list[tuple[str, str]] | None = None) -> None:
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


async def _handle(conn: Connection, incoming: _Incoming) -> tuple[Reply, list[tuple[str, str]]]:
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
    params = parse_qs(url.query, keep_blank_values=True)
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
            form = parse_qs(body, keep_blank_values=True)
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
    return await _evaluate(conn, request), cors


async def _evaluate(conn: Connection, request: Request) -> Reply:
    """Wait for a query thread (at most ``queue_timeout``), then run under the timeout."""
    state = conn.state
    limits = state.limits
    try:
        await asyncio.wait_for(state.slots.acquire(), limits.queue_timeout)
    except TimeoutError:
        return text_reply(
            HTTPStatus.SERVICE_UNAVAILABLE,
            f"the endpoint is busy: {limits.query_threads} queries are running in this worker "
            f"and this one waited {limits.queue_timeout:g} s; try again",
        )
    loop = asyncio.get_running_loop()
    key = id(conn)
    flight = _InFlight(conn, time.monotonic())
    flight.timer = loop.call_later(limits.timeout, stop_worker, state, key, "timeout")
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
    for connection in list(state.connections):
        if connection.transport is not None and not connection.transport.is_closing():
            connection.transport.close()
    if state.shares is not None:
        state.shares.mark_full()  # take no more connections on the way out
    os._exit(3)  # the writes above went out at once (small replies, sockets not full)


def rss_bytes() -> int:
    with open("/proc/self/statm", "rb") as handle:
        return int(handle.read().split()[1]) * resource.getpagesize()


async def watch_memory(state: WorkerState, baseline: int) -> None:
    """Poll the worker's resident size; past the limit, stop the worker (answering 503)."""
    limit = baseline + state.limits.memory_mb * (1 << 20)
    while True:
        await asyncio.sleep(0.02)
        if state.in_flight and rss_bytes() > limit:
            stop_worker(state, None, "memory")
