"""A small, read-only SPARQL 1.1 Protocol endpoint over a built graph.

Why: YASGUI, SPARQLWrapper, Protégé and most RDF tools talk to *endpoints*, not files.
``kg serve`` gives them one without installing a triple store.

Design, and why:

* **pyoxigraph** answers the queries (fast, standards-complete SPARQL 1.1).
* Queries run in **worker processes**, each holding its own in-memory copy of the graph.
  A pyoxigraph query cannot be interrupted from Python, so the only reliable way to
  enforce ``--timeout`` is to kill the process running it; a fresh worker then replaces
  it in the background. The HTTP process never evaluates SPARQL, so it stays responsive.
* The **standard library** ``ThreadingHTTPServer`` keeps dependencies at zero.
* **Read-only**: SPARQL Update (``update=`` or ``application/sparql-update``, or a query
  text that parses as an update) is answered with 403; the store is never written after
  loading anyway.
* Binds **loopback** by default; CORS is open (``*``) so browser clients such as YASGUI
  can call it from another origin.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from graph.errors import ServeError
from graph.namespaces import PREFIXES

__all__ = [
    "DEFAULT_PORT",
    "DEFAULT_TIMEOUT",
    "GRAPH_FORMATS",
    "RESULT_FORMATS",
    "SparqlServer",
    "is_update",
    "negotiate",
    "serve",
]

DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30.0
MAX_BODY_BYTES = 1 << 20  # a query larger than 1 MiB is a mistake or an attack
STARTUP_TIMEOUT = 120.0  # loading a big graph into a worker may take a while

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

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
    media = table[name][0]
    return media + "; charset=utf-8"


def _supported(kind: str) -> str:
    table = GRAPH_FORMATS if kind == "graph" else RESULT_FORMATS
    return ", ".join(f"{media} (format={name})" for name, (media, _) in table.items())


def is_update(text: str) -> bool:
    """True when ``text`` parses as SPARQL Update (INSERT, DELETE, LOAD, CLEAR, ...)."""
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(text)
    except Exception:  # pyparsing.ParseException and friends
        return False
    return True


# ---------------------------------------------------------------- worker processes


@dataclass(frozen=True)
class _Request:
    query: str
    accept: str | None
    fmt: str | None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


def _load_store(path: str) -> Any:
    from pyoxigraph import RdfFormat, Store

    suffix = Path(path).suffix.lstrip(".").lower()
    fmt = RdfFormat.from_extension({"rdf": "rdf", "owl": "rdf", "xml": "rdf"}.get(suffix, suffix))
    if fmt is None:
        raise ValueError(
            f"unknown RDF file suffix .{suffix}; use .ttl, .nt, .nq, .trig, .jsonld or .rdf"
        )
    store = Store()
    store.load(path=path, format=fmt)
    return store, fmt.supports_datasets


def _answer(store: Any, union: bool, request: _Request) -> tuple[Any, ...]:
    """Evaluate one request in a worker; returns a picklable reply tuple."""
    from pyoxigraph import (
        DefaultGraph,
        NamedNode,
        QueryBoolean,
        QueryResultsFormat,
        QuerySolutions,
        RdfFormat,
        serialize,
    )

    prefixes = {**PREFIXES, "rdf": _RDF}
    options: dict[str, Any] = {"prefixes": prefixes}
    try:
        if request.default_graphs:
            options["default_graph"] = [NamedNode(iri) for iri in request.default_graphs]
        elif union:
            options["use_default_graph_as_union"] = True
        else:
            options["default_graph"] = DefaultGraph()
        if request.named_graphs:
            options["named_graphs"] = [NamedNode(iri) for iri in request.named_graphs]
    except ValueError as exc:
        return ("bad", f"default-graph-uri/named-graph-uri must be absolute IRIs ({exc})")
    try:
        result = store.query(request.query, **options)
    except SyntaxError as exc:
        return ("syntax", str(exc))
    kind = (
        "boolean"
        if isinstance(result, QueryBoolean)
        else "solutions"
        if isinstance(result, QuerySolutions)
        else "graph"
    )
    name = negotiate(kind, request.accept, request.fmt)
    if name is None:
        return ("unacceptable", kind)
    if kind == "graph":
        rdf_format = {
            "turtle": RdfFormat.TURTLE,
            "jsonld": RdfFormat.JSON_LD,
            "ntriples": RdfFormat.N_TRIPLES,
            "rdfxml": RdfFormat.RDF_XML,
        }[name]
        body = serialize(result, format=rdf_format, prefixes=prefixes if name == "turtle" else None)
    else:
        results_format = {
            "json": QueryResultsFormat.JSON,
            "xml": QueryResultsFormat.XML,
            "csv": QueryResultsFormat.CSV,
            "tsv": QueryResultsFormat.TSV,
        }[name]
        body = result.serialize(format=results_format)
    return ("ok", _media_type(kind, name), body)


def _worker_main(conn: Connection, path: str) -> None:
    """Load the graph, report readiness, then answer requests until the pipe closes."""
    try:
        store, union = _load_store(path)
    except Exception as exc:
        conn.send(("failed", f"{exc.__class__.__name__}: {exc}"))
        return
    conn.send(("ready", len(store)))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        try:
            reply = _answer(store, union, request)
        except Exception as exc:  # evaluation errors: report, keep serving
            reply = ("error", f"{exc.__class__.__name__}: {exc}")
        conn.send(reply)


def _worker_entry(fd: int, path: str) -> None:
    """Entry point of a worker process started by :class:`_Worker` (``python -c``).

    Ctrl-C in a terminal reaches the whole process group; the parent decides when workers
    stop (it closes the pipe), so they ignore SIGINT instead of printing tracebacks.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_main(Connection(fd), path)


class _Worker:
    """One query process, talking pickles over a socket pair.

    Started with ``python -c`` rather than ``multiprocessing``: spawn re-imports the
    parent's ``__main__`` (breaking scripts and some test runners) and fork would copy a
    threaded server.
    """

    def __init__(self, path: str) -> None:
        self.conn, child = multiprocessing.Pipe(duplex=True)
        package_root = str(Path(__file__).resolve().parents[1])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (package_root, env.get("PYTHONPATH", "")) if p
        )
        code = (
            "import sys; from graph.serve import _worker_entry; "
            "_worker_entry(int(sys.argv[1]), sys.argv[2])"
        )
        self.process = subprocess.Popen(
            [sys.executable, "-c", code, str(child.fileno()), path],
            pass_fds=(child.fileno(),),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            env=env,
        )
        child.close()

    def wait_ready(self, timeout: float) -> int:
        if not self.conn.poll(timeout):
            self.kill()
            raise ServeError(
                f"the query worker did not load the graph within {timeout:.0f} s; "
                "is the file very large? try a smaller graph"
            )
        try:
            message = self.conn.recv()
        except EOFError as exc:
            self.kill()
            raise ServeError(
                "the query worker died while loading the graph; see the messages above"
            ) from exc
        if message[0] != "ready":
            self.kill()
            raise ServeError(
                f"cannot load the graph: {message[1]}; check the file with kg validate"
            )
        return int(message[1])

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.close()
        if self.process.poll() is None:
            self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)


class _Pool:
    """Worker processes, handed out one request at a time; a timed-out one is replaced."""

    def __init__(self, path: str, size: int) -> None:
        self._path = path
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        workers = [self._spawn() for _ in range(size)]
        try:
            counts = [w.wait_ready(STARTUP_TIMEOUT) for w in workers]
        except ServeError:
            self.close()
            raise
        self.triples = counts[0]
        for worker in workers:
            self._idle.put(worker)

    def _spawn(self) -> _Worker:
        worker = _Worker(self._path)
        with self._lock:
            self._all.add(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)
        if not self._closed:
            threading.Thread(target=self._replace, daemon=True).start()

    def _replace(self) -> None:
        worker = self._spawn()
        try:
            worker.wait_ready(STARTUP_TIMEOUT)
        except ServeError:
            with self._lock:
                self._all.discard(worker)
            return
        if self._closed:
            worker.kill()
        else:
            self._idle.put(worker)

    def run(self, request: _Request, timeout: float) -> tuple[Any, ...]:
        try:
            worker = self._idle.get(timeout=timeout + STARTUP_TIMEOUT / 4)
        except queue.Empty:
            return ("busy",)
        try:
            worker.conn.send(request)
            if not worker.conn.poll(timeout):
                self._retire(worker)
                return ("timeout",)
            reply = worker.conn.recv()
        except (EOFError, OSError):
            self._retire(worker)
            return ("error", "the query worker crashed (out of memory?); simplify the query")
        self._idle.put(worker)
        return tuple(reply)

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.kill()


# ---------------------------------------------------------------- HTTP


_HELP = """newskg SPARQL endpoint (read-only, SPARQL 1.1 Protocol).

Query with GET {url}?query=..., or POST the query form-encoded (query=...) or as
application/sparql-query. Results: SPARQL JSON (default), XML, CSV or TSV for SELECT/ASK;
Turtle (default), JSON-LD, N-Triples or RDF/XML for CONSTRUCT/DESCRIBE. Choose with the
Accept header or a format= parameter. Our prefixes (kg:, kge:, ...) are predeclared.
Updates are refused (403). Queries running longer than {timeout:g} s are stopped.
"""


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    protocol_version = "HTTP/1.1"
    server_version = "newskg-sparql/1.0"

    # -- plumbing

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.log_requests:
            super().log_message(format, *args)

    def _send(self, status: int, body: bytes | str, content_type: str) -> None:
        payload = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Vary", "Accept")
        self.send_header("Cache-Control", "no-store")
        if status == HTTPStatus.SERVICE_UNAVAILABLE:
            self.send_header("Retry-After", "1")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    def _error(self, status: int, message: str) -> None:
        self._send(status, message.rstrip("\n") + "\n", "text/plain; charset=utf-8")

    def _endpoint_path(self) -> bool:
        path = urlsplit(self.path).path.rstrip("/")
        if path in ("", "/sparql"):
            return True
        self._error(HTTPStatus.NOT_FOUND, f"no such path {path!r}; the endpoint is /sparql")
        return False

    # -- methods

    def do_OPTIONS(self) -> None:
        self.send_response(HTTPStatus.NO_CONTENT)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Access-Control-Max-Age", "86400")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        if not self._endpoint_path():
            return
        params = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
        if "update" in params:
            self._read_only()
            return
        if "query" not in params:
            url = self.server.url
            self._send(
                HTTPStatus.OK,
                _HELP.format(url=url, timeout=self.server.timeout),
                "text/plain; charset=utf-8",
            )
            return
        self._query(params, None)

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_POST(self) -> None:
        if not self._endpoint_path():
            return
        params = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            self._error(HTTPStatus.BAD_REQUEST, "bad Content-Length header")
            return
        if length > MAX_BODY_BYTES:
            self._error(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                f"request body over {MAX_BODY_BYTES} bytes; send a shorter query",
            )
            return
        body = self.rfile.read(length) if length else b""
        if content_type == "application/sparql-update":
            self._read_only()
            return
        if content_type == "application/x-www-form-urlencoded":
            form = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
            if "update" in form or "update" in params:
                self._read_only()
                return
            for key, values in form.items():
                params.setdefault(key, []).extend(values)
            self._query(params, None)
            return
        if content_type == "application/sparql-query":
            self._query(params, body.decode("utf-8", "replace"))
            return
        self._error(
            HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
            f"unsupported Content-Type {content_type or '(none)'!r}; POST the query as "
            "application/x-www-form-urlencoded (query=...) or application/sparql-query",
        )

    # -- the work

    def _read_only(self) -> None:
        self._error(
            HTTPStatus.FORBIDDEN,
            "this endpoint is read-only: SPARQL Update is refused; "
            "change the source documents and run `kg build` instead",
        )

    def _query(self, params: dict[str, list[str]], text: str | None) -> None:
        if text is None:
            queries = params.get("query", [])
            if len(queries) != 1:
                self._error(HTTPStatus.BAD_REQUEST, "give exactly one query parameter")
                return
            text = queries[0]
        if not text.strip():
            self._error(HTTPStatus.BAD_REQUEST, "the query is empty")
            return
        formats = params.get("format") or params.get("output") or [None]
        request = _Request(
            query=text,
            accept=self.headers.get("Accept"),
            fmt=formats[0],
            default_graphs=tuple(params.get("default-graph-uri", ())),
            named_graphs=tuple(params.get("named-graph-uri", ())),
        )
        reply = self.server.pool.run(request, self.server.timeout)
        status = reply[0]
        if status == "ok":
            self._send(HTTPStatus.OK, reply[2], reply[1])
        elif status == "syntax":
            if is_update(text):
                self._read_only()
            else:
                self._error(HTTPStatus.BAD_REQUEST, f"malformed SPARQL query: {reply[1]}")
        elif status == "bad":
            self._error(HTTPStatus.BAD_REQUEST, reply[1])
        elif status == "unacceptable":
            self._error(
                HTTPStatus.NOT_ACCEPTABLE,
                f"cannot answer in the requested format; use one of: {_supported(reply[1])}",
            )
        elif status == "timeout":
            self._error(
                HTTPStatus.SERVICE_UNAVAILABLE,
                f"query timed out: it ran longer than {self.server.timeout:g} s and was stopped; "
                "narrow it (LIMIT, more specific patterns) or restart kg serve with a larger "
                "--timeout",
            )
        elif status == "busy":
            self._error(HTTPStatus.SERVICE_UNAVAILABLE, "all query workers are busy; try again")
        else:
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, f"query failed: {reply[1]}")


class SparqlServer(ThreadingHTTPServer):
    """The endpoint: an HTTP server plus a pool of query workers holding the graph.

    Use as a context manager, or call :meth:`close` when done, so the workers stop.
    ``port=0`` picks a free port (see :attr:`url`).
    """

    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        graph_file: str | Path,
        host: str = "127.0.0.1",
        port: int = DEFAULT_PORT,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        workers: int = 2,
        log_requests: bool = False,
    ) -> None:
        file = Path(graph_file)
        if not file.is_file():
            raise ServeError(f"{file}: no such graph file; run `kg build` first or check the path")
        if timeout <= 0:
            raise ServeError(f"--timeout must be positive, not {timeout:g}")
        if workers < 1:
            raise ServeError(f"need at least one worker, not {workers}")
        self.timeout = float(timeout)
        self.log_requests = log_requests
        self.graph_file = file
        try:
            super().__init__((host, port), _Handler)
        except OSError as exc:
            raise ServeError(
                f"cannot listen on {host}:{port} ({exc.strerror or exc}); "
                "stop the other server or pick another --port"
            ) from exc
        try:
            self.pool = _Pool(str(file.resolve()), workers)
        except BaseException:
            self.server_close()
            raise

    @property
    def triples(self) -> int:
        return self.pool.triples

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        shown = f"[{host}]" if ":" in str(host) else str(host)
        return f"http://{shown}:{port}/sparql"

    def close(self) -> None:
        self.server_close()
        self.pool.close()

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
) -> None:
    """Serve until interrupted (Ctrl-C), logging requests to stderr."""
    with SparqlServer(
        graph_file, host, port, timeout=timeout, workers=workers, log_requests=True
    ) as server:
        line = f"Serving {server.triples} triples at {server.url} (read-only; Ctrl-C to stop)"
        print(line, file=sys.stderr, flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
