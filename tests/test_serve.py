"""``kg serve``: a real SPARQL client (SPARQLWrapper) and raw HTTP against a live server.

The server runs in a thread of this process on a free loopback port; its query workers
are separate processes, so the timeout test really kills a runaway query.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from SPARQLWrapper import CSV, JSON, JSONLD, N3, TSV, TURTLE, XML, SPARQLWrapper

from graph.errors import ServeError
from graph.namespaces import PREFIXES
from graph.query import run_query
from graph.serve import AccessPolicy, Limits, SparqlServer, is_update, negotiate

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "data" / "sample.ttl"
BUILT = ROOT / "output" / "graph.ttl"
TIMEOUT = 2.0
ALLOWED_ORIGIN = "https://yasgui.example.org"

SELECT = """SELECT ?model ?label WHERE {
  ?model a kg:AIModel ; rdfs:label ?label .
  FILTER(lang(?label) = "en")
} ORDER BY ?model"""
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o }"


@pytest.fixture(scope="module")
def server() -> Iterator[SparqlServer]:
    srv = SparqlServer(
        SAMPLE,
        "127.0.0.1",
        0,
        workers=2,
        limits=Limits(timeout=TIMEOUT, max_rows=1000),
        policy=AccessPolicy(cors_origins=(ALLOWED_ORIGIN,)),
    )
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def graph() -> Graph:
    graph = Graph()
    graph.parse(SAMPLE)
    return graph


def _http(
    url: str,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
    method: str | None = None,
) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def _get(server: SparqlServer, accept: str | None = None, **params: str) -> tuple[int, dict, bytes]:
    url = server.url + "?" + urllib.parse.urlencode(params)
    return _http(url, headers={"Accept": accept} if accept else {})


def _wrapper(server: SparqlServer, query: str, fmt: str, method: str = "GET") -> SPARQLWrapper:
    client = SPARQLWrapper(server.url)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setMethod(method)
    client.setTimeout(30)
    return client


def _expected_rows(graph: Graph, query: str) -> list[dict[str, str]]:
    result = run_query(graph, query)
    return [
        {var: str(value) for var, value in zip(result.variables, row, strict=True)}
        for row in result.rows
    ]


# ---------------------------------------------------------------- SPARQLWrapper


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_select_json_matches_run_query(server: SparqlServer, graph: Graph, method: str) -> None:
    data = _wrapper(server, SELECT, JSON, method).queryAndConvert()
    assert isinstance(data, dict)
    rows = [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]
    assert rows == _expected_rows(graph, SELECT)
    assert rows  # the sample has English model labels


def test_select_xml_csv_tsv(server: SparqlServer, graph: Graph) -> None:
    expected = _expected_rows(graph, SELECT)
    xml = _wrapper(server, SELECT, XML).queryAndConvert()
    values = [
        [b.getElementsByTagName("uri") or b.getElementsByTagName("literal")][0][0].firstChild.data
        for b in xml.getElementsByTagName("binding")
    ]
    assert values == [v for row in expected for v in row.values()]
    text = _wrapper(server, SELECT, CSV).queryAndConvert()
    assert list(csv.DictReader(io.StringIO(text.decode("utf-8")))) == expected
    tsv = _wrapper(server, SELECT, TSV).queryAndConvert().decode("utf-8").splitlines()
    assert tsv[0].split("\t") == ["?model", "?label"]
    assert len(tsv) == len(expected) + 1


def test_ask(server: SparqlServer) -> None:
    client = _wrapper(server, "ASK { kge:meta kg:developed kge:llama }", JSON)
    assert client.queryAndConvert()["boolean"] is True
    client = _wrapper(server, "ASK { kge:llama kg:developed kge:meta }", JSON)
    assert client.queryAndConvert()["boolean"] is False


@pytest.mark.parametrize("fmt", [TURTLE, JSONLD, N3, XML])
def test_construct_formats(server: SparqlServer, graph: Graph, fmt: str) -> None:
    query = "CONSTRUCT { ?s kg:developed ?o } WHERE { ?s kg:developed ?o }"
    result = _wrapper(server, query, fmt).query()
    body = result.response.read()
    content_type = result.response.headers["Content-Type"]
    parse_as = {
        TURTLE: "turtle",
        JSONLD: "json-ld",
        N3: "turtle",
        XML: "xml",
    }[fmt]
    received = Graph()
    received.parse(data=body, format=parse_as)
    expected = run_query(graph, query).graph
    assert expected is not None
    assert isomorphic(received, expected), content_type
    assert len(received) == 1


def test_predeclared_prefixes_and_japanese_literals(server: SparqlServer) -> None:
    client = _wrapper(server, 'SELECT ?e WHERE { ?e skos:altLabel "ラマ"@ja }', JSON)
    bindings = client.queryAndConvert()["results"]["bindings"]
    assert [b["e"]["value"] for b in bindings] == ["https://w3id.org/newskg/entity/llama"]


# ---------------------------------------------------------------- raw protocol


def test_post_form_and_direct_body(server: SparqlServer) -> None:
    form = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}).encode()
    status, headers, body = _http(
        server.url, form, {"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert status == 200 and json.loads(body)["boolean"] is True
    status, headers, body = _http(
        server.url,
        b"SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
        {"Content-Type": "application/sparql-query", "Accept": "text/csv"},
    )
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert body.decode().splitlines() == ["n", "89"]


@pytest.mark.parametrize(
    ("accept", "fmt", "media"),
    [
        ("application/sparql-results+xml", None, "application/sparql-results+xml"),
        ("text/tab-separated-values", None, "text/tab-separated-values"),
        ("text/html,application/xhtml+xml,*/*;q=0.8", None, "application/sparql-results+json"),
        ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", None,
         "application/sparql-results+xml"),
        (None, "csv", "text/csv"),
        ("application/sparql-results+xml", "json", "application/sparql-results+json"),
    ],
)  # fmt: skip
def test_content_negotiation(
    server: SparqlServer, accept: str | None, fmt: str | None, media: str
) -> None:
    params = {"query": SELECT} | ({"format": fmt} if fmt else {})
    status, headers, _ = _get(server, accept, **params)
    assert status == 200
    assert headers["Content-Type"].split(";")[0] == media


@pytest.mark.parametrize(
    ("accept", "media", "parse_as"),
    [
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("text/turtle", "text/turtle", "turtle"),
        (None, "text/turtle", "turtle"),
    ],
)
def test_describe_and_construct_by_accept(
    server: SparqlServer, graph: Graph, accept: str | None, media: str, parse_as: str
) -> None:
    status, headers, body = _get(server, accept, query="DESCRIBE kge:meta")
    assert status == 200 and headers["Content-Type"].split(";")[0] == media
    received = Graph()
    received.parse(data=body, format=parse_as)
    assert len(received) == len(list(graph.triples((URIRef(PREFIXES["kge"] + "meta"), None, None))))


def test_not_acceptable_lists_formats(server: SparqlServer) -> None:
    status, _, body = _get(server, "image/png", query=SELECT)
    assert status == 406
    assert b"application/sparql-results+json" in body
    status, _, body = _get(server, None, query="CONSTRUCT WHERE { ?s ?p ?o }", format="csv")
    assert status == 406 and b"text/turtle" in body


@pytest.mark.parametrize(
    ("data", "content_type", "params"),
    [
        (None, None, {"update": "INSERT DATA { kge:a kg:developed kge:b }"}),
        (None, None, {"query": "INSERT DATA { kge:a kg:developed kge:b }"}),
        (None, None, {"query": "DELETE WHERE { ?s ?p ?o }"}),
        (b"update=CLEAR+ALL", "application/x-www-form-urlencoded", {}),
        (b"DROP ALL", "application/sparql-update", {}),
        (b"LOAD <http://example.org/x.ttl>", "application/sparql-query", {}),
    ],
)
def test_updates_are_forbidden(
    server: SparqlServer, data: bytes | None, content_type: str | None, params: dict[str, str]
) -> None:
    url = server.url + ("?" + urllib.parse.urlencode(params) if params else "")
    headers = {"Content-Type": content_type} if content_type else {}
    status, _, body = _http(url, data, headers)
    assert status == 403, body
    assert b"read-only" in body
    # and nothing changed
    status, _, body = _get(server, "text/csv", query="SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
    assert body.decode().splitlines()[1] == "89"


def test_timeout_stops_the_query_and_the_server_recovers(server: SparqlServer) -> None:
    started = time.monotonic()
    status, _, body = _get(server, None, query=SLOW)
    elapsed = time.monotonic() - started
    assert status == 503
    assert b"timed out" in body and b"--timeout" in body
    assert TIMEOUT <= elapsed < TIMEOUT + 10
    for _ in range(3):  # the killed worker is replaced; service continues meanwhile
        status, _, body = _get(server, None, query="ASK { ?s ?p ?o }")
        assert status == 200


def test_malformed_query_is_400_with_message(server: SparqlServer) -> None:
    status, _, body = _get(server, None, query="SELECT ?x WHERE { ?x ")
    assert status == 400
    assert body.startswith(b"malformed SPARQL query")
    status, _, body = _get(server, None, query="ASK {}", **{"default-graph-uri": "not an iri"})
    assert status == 400 and b"absolute IRIs" in body


def test_default_graph_uri_selects_a_graph(server: SparqlServer) -> None:
    status, _, body = _get(
        server, None, query="ASK { ?s ?p ?o }", **{"default-graph-uri": "urn:newskg:none"}
    )
    assert status == 200 and json.loads(body)["boolean"] is False


def test_cors_preflight_and_help_page(server: SparqlServer) -> None:
    status, headers, _ = _http(server.url, method="OPTIONS", headers={"Origin": ALLOWED_ORIGIN})
    assert status == 204
    assert headers["Access-Control-Allow-Origin"] == ALLOWED_ORIGIN
    assert "POST" in headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in headers["Access-Control-Allow-Headers"]
    status, headers, body = _http(server.url)
    assert status == 200 and b"read-only" in body
    status, _, _ = _http(server.url.replace("/sparql", "/elsewhere"))
    assert status == 404
    status, _, _ = _http(server.url, b"x", {"Content-Type": "text/plain"})
    assert status == 415


def test_binds_loopback_by_default(server: SparqlServer) -> None:
    assert server.server_address[0] == "127.0.0.1"
    assert server.url.startswith("http://127.0.0.1:")


# ---------------------------------------------------------------- library and CLI


def test_negotiate_rules() -> None:
    assert negotiate("solutions", None, None) == "json"
    assert negotiate("graph", None, None) == "turtle"
    assert negotiate("graph", "application/n-triples", None) == "ntriples"
    assert negotiate("graph", None, "xml") == "rdfxml"
    assert negotiate("boolean", None, "xml") == "xml"
    assert negotiate("graph", "text/*", None) == "turtle"
    assert negotiate("solutions", "image/png", None) is None


def test_is_update() -> None:
    assert is_update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert is_update("PREFIX x: <urn:x#> DELETE WHERE { ?s x:p ?o }")
    assert not is_update("SELECT * WHERE { ?s ?p ?o }")
    assert not is_update("nonsense")


def test_server_errors_say_how_to_fix(tmp_path: Path, server: SparqlServer) -> None:
    with pytest.raises(ServeError, match="kg build"):
        SparqlServer(tmp_path / "missing.ttl", port=0)
    port = server.server_address[1]
    with pytest.raises(ServeError, match="--port"):
        SparqlServer(SAMPLE, "127.0.0.1", port)
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix : <urn:x#> .\n:a :b", encoding="utf-8")
    with pytest.raises(ServeError, match="cannot load the graph"):
        SparqlServer(bad, port=0)


def test_cli_serve_runs_and_stops_on_ctrl_c() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "graph.cli", "serve", str(SAMPLE), "--port", "0", "--workers", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )
    try:
        line = ""
        deadline = time.monotonic() + 60
        while "Serving" not in line and time.monotonic() < deadline:
            line = proc.stderr.readline() if proc.stderr else ""
            if not line and proc.poll() is not None:
                break
        assert "Serving 89 triples at http://127.0.0.1:" in line, line
        url = line.split(" at ")[1].split()[0]
        status, _, body = _http(url + "?" + urllib.parse.urlencode({"query": "ASK {}"}))
        assert status == 200 and json.loads(body)["boolean"] is True
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
        assert proc.wait(timeout=20) == 0
        rest = proc.stderr.read() if proc.stderr else ""
        assert "Traceback" not in rest, rest
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        for stream in (proc.stdout, proc.stderr):
            if stream:
                stream.close()


# ---------------------------------------------------------------- documented queries


def _term(binding: dict[str, str] | None) -> object:
    """A SPARQL-JSON term as the rdflib term run_query would give (bnodes made equal)."""
    if binding is None:
        return None
    if binding["type"] == "uri":
        return URIRef(binding["value"])
    if binding["type"] == "bnode":
        return "_:b"
    datatype = binding.get("datatype")
    return Literal(
        binding["value"],
        lang=binding.get("xml:lang"),
        datatype=URIRef(datatype) if datatype else None,
    )


@pytest.fixture(scope="module")
def documented() -> Iterator[tuple[SparqlServer, Graph]]:
    """A second server over the built graph (the sample when there is none yet)."""
    source = BUILT if BUILT.is_file() else SAMPLE
    graph = Graph()
    graph.parse(source)
    srv = SparqlServer(source, "127.0.0.1", 0, timeout=30, workers=1)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield srv, graph
    finally:
        srv.shutdown()
        srv.close()
        thread.join(timeout=10)


@pytest.mark.parametrize("path", sorted((ROOT / "queries").glob("*.rq")), ids=lambda p: p.name)
def test_documented_queries_agree_with_run_query(
    path: Path, documented: tuple[SparqlServer, Graph]
) -> None:
    """Two engines, one answer: pyoxigraph behind kg serve and rdflib behind kg query."""
    srv, graph = documented
    text = path.read_text(encoding="utf-8")
    ours = run_query(graph, text)
    if ours.kind in ("CONSTRUCT", "DESCRIBE"):
        status, _, body = _get(srv, "application/n-triples", query=text)
        assert status == 200, body
        theirs = Graph()
        theirs.parse(data=body, format="nt")
        assert ours.graph is not None and isomorphic(theirs, ours.graph)
        return
    status, _, body = _get(srv, "application/sparql-results+json", query=text)
    assert status == 200, body
    data = json.loads(body)
    if ours.kind == "ASK":
        assert data["boolean"] == ours.boolean
        return
    variables = list(ours.variables)
    assert set(data["head"]["vars"]) == set(variables)
    theirs_rows = Counter(
        tuple(_term(b.get(v)) for v in variables) for b in data["results"]["bindings"]
    )
    ours_rows = Counter(
        tuple("_:b" if isinstance(t, BNode) else t for t in row) for row in ours.rows
    )
    assert theirs_rows == ours_rows


# ---------------------------------------------------------------- no request leaves (#10.1)


class _Listener:
    """A loopback socket that records every connection made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/sparql"
        self.requests: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(2)
                with contextlib.suppress(OSError):
                    self.requests.append(conn.recv(65536))

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[_Listener]:
    recorder = _Listener()
    yield recorder
    recorder.close()


@contextlib.contextmanager
def _running(**kwargs: object) -> Iterator[SparqlServer]:
    srv = SparqlServer(SAMPLE, kwargs.pop("host", "127.0.0.1"), 0, **kwargs)  # type: ignore[arg-type]
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.close()
        thread.join(timeout=10)


@pytest.mark.parametrize("silent", ["", "SILENT "])
def test_service_is_refused_and_nothing_is_requested(
    server: SparqlServer, listener: _Listener, silent: str
) -> None:
    query = f"SELECT * WHERE {{ SERVICE {silent}<{listener.url}> {{ ?s ?p ?o }} }}"
    status, _, body = _get(server, None, query=query)
    assert status == 403 and b"SERVICE" in body and b"--federation" in body
    escaped = query.replace("SERVICE", "\\u0053ERVICE")
    assert _get(server, None, query=escaped)[0] == 403
    time.sleep(0.3)
    assert listener.requests == []


def test_federation_is_an_explicit_opt_in(listener: _Listener) -> None:
    with _running(workers=1, policy=AccessPolicy(federation=True)) as srv:
        query = f"SELECT * WHERE {{ SERVICE SILENT <{listener.url}> {{ ?s ?p ?o }} }}"
        _get(srv, None, query=query)
    assert listener.requests and listener.requests[0].startswith(b"POST ")


def test_cors_only_for_the_origins_named(server: SparqlServer) -> None:
    status, headers, _ = _get(server, None, query="ASK {}")
    assert status == 200 and "Access-Control-Allow-Origin" not in headers
    url = server.url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    status, headers, body = _http(url, headers={"Origin": "https://evil.example"})
    assert status == 403 and b"--cors-origin" in body
    assert "Access-Control-Allow-Origin" not in headers
    status, headers, _ = _http(url, headers={"Origin": ALLOWED_ORIGIN})
    assert status == 200 and headers["Access-Control-Allow-Origin"] == ALLOWED_ORIGIN


def _raw(server: SparqlServer, data: bytes, timeout: float = 10.0) -> bytes:
    """Send raw bytes, return everything the server sends back before closing (or timeout)."""
    host, port = server.server_address[:2]
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.sendall(data)
        chunks = []
        with contextlib.suppress(TimeoutError):
            while chunk := sock.recv(65536):
                chunks.append(chunk)
                if b"\r\n\r\n" in b"".join(chunks) and b"Connection: close" not in chunks[0]:
                    head, _, rest = b"".join(chunks).partition(b"\r\n\r\n")
                    length = re.search(rb"(?i)content-length: (\d+)", head)
                    if length and len(rest) >= int(length.group(1)):
                        break
        return b"".join(chunks)


def test_host_header_must_name_this_server(server: SparqlServer) -> None:
    port = server.server_address[1]
    for host, status in [("evil.example", b"403"), (f"evil.example:{port}", b"403"),
                         (f"127.0.0.1:{port}", b"200"), (f"localhost:{port}", b"200")]:  # fmt: skip
        reply = _raw(
            server, f"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()
        )
        assert reply.split(b" ")[1] == status, (host, reply[:200])
    assert b"DNS rebinding" in _raw(
        server, b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: a.b\r\n\r\n"
    )


# ---------------------------------------------------------------- limits (#10.2)


CARTESIAN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
CARTESIAN_SORTED = CARTESIAN + " ORDER BY ?a ?d ?g ?c ?f ?i"


def test_too_many_rows_is_503_with_the_reason(server: SparqlServer) -> None:
    status, _, body = _get(server, None, query=CARTESIAN)
    assert status == 503 and b"more than 1000 rows" in body and b"--max-rows" in body
    assert _get(server, None, query="ASK { ?s ?p ?o }")[0] == 200


def test_memory_limit_stops_the_worker_with_503_and_service_continues() -> None:
    with _running(workers=1, limits=Limits(timeout=60, memory_mb=100, max_rows=10**12)) as srv:
        started = time.monotonic()
        status, _, body = _get(srv, None, query=CARTESIAN_SORTED)
        assert status == 503 and b"memory" in body and b"--memory-limit" in body, body
        assert time.monotonic() - started < 50  # stopped by the memory limit, not the timeout
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # a fresh worker takes over
            with contextlib.suppress(OSError):
                if _get(srv, None, query="ASK { ?s ?p ?o }")[0] == 200:
                    break
            time.sleep(0.2)
        else:
            pytest.fail("no worker answered after the memory limit")


def test_two_slow_queries_do_not_block_everyone() -> None:
    limits = Limits(timeout=6, max_rows=10**12)
    with _running(workers=1, limits=limits) as srv:
        slow = [threading.Thread(target=_get, args=(srv, None), kwargs={"query": SLOW})
                for _ in range(2)]  # fmt: skip
        for thread in slow:
            thread.start()
        time.sleep(0.5)
        started = time.monotonic()
        status, _, _ = _get(srv, None, query="ASK { ?s ?p ?o }")
        waited = time.monotonic() - started
        assert status == 200 and waited < 4, waited  # long before the slow ones time out
        for thread in slow:
            thread.join(timeout=30)


def test_the_queue_has_its_own_wait_limit() -> None:
    limits = Limits(timeout=8, query_threads=1, queue_timeout=0.5, max_rows=10**12)
    with _running(workers=1, limits=limits) as srv:
        slow = threading.Thread(target=_get, args=(srv, None), kwargs={"query": SLOW})
        slow.start()
        time.sleep(0.5)
        started = time.monotonic()
        status, _, body = _get(srv, None, query="ASK { ?s ?p ?o }")
        assert status == 503 and b"busy" in body
        assert time.monotonic() - started < 4
        slow.join(timeout=30)


def test_listen_backlog_is_large(server: SparqlServer) -> None:
    port = server.server_address[1]
    listing = subprocess.run(
        ["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True, check=True
    ).stdout.split()
    assert int(listing[2]) > 5, listing  # Send-Q of a listening socket is its backlog


def test_slowloris_and_idle_connections_are_closed() -> None:
    with _running(workers=1, limits=Limits(request_timeout=1.0, idle_timeout=1.0)) as srv:
        host, port = srv.server_address[:2]
        with socket.create_connection((host, port), timeout=10) as sock:
            sock.sendall(
                f"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: {host}:{port}\r\n".encode()
            )
            started = time.monotonic()
            closed = False
            while time.monotonic() - started < 6:
                try:
                    sock.sendall(b"X-a: b\r\n")  # one header line at a time, never the end
                    sock.settimeout(0.3)
                    data = sock.recv(4096)
                    if data == b"" or data.startswith(b"HTTP/1.1 408"):
                        closed = True
                        break
                except TimeoutError:
                    continue
                except OSError:
                    closed = True
                    break
            assert closed and time.monotonic() - started < 4
        with socket.create_connection((host, port), timeout=10) as sock:  # idle keep-alive
            sock.sendall(
                f"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode()
            )
            first = sock.recv(65536)
            assert first.startswith(b"HTTP/1.1 200")
            started = time.monotonic()
            sock.settimeout(5)
            assert sock.recv(65536) == b""
            assert time.monotonic() - started < 4


def test_negative_content_length_is_a_quick_400(server: SparqlServer) -> None:
    host, port = server.server_address[:2]
    reply = _raw(
        server,
        f"POST /sparql HTTP/1.1\r\nHost: {host}:{port}\r\n"
        "Content-Type: application/sparql-query\r\nContent-Length: -1\r\n\r\nASK {}".encode(),
        timeout=5,
    )
    assert reply.startswith(b"HTTP/1.1 400")


def test_big_malformed_bodies_are_refused_cheaply(server: SparqlServer) -> None:
    host, port = server.server_address[:2]
    body = b"INSERT DATA { " + b'<urn:a> <urn:b> "x" . ' * 45000 + b" OOPS"
    assert len(body) < (1 << 20)
    reply = _raw(
        server,
        f"POST /sparql HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/sparql-query"
        f"\r\nContent-Length: {len(body)}\r\n\r\n".encode()
        + body,
        timeout=5,  # the old front process spent 8 s in a Python parser on such a body
    )
    assert reply.split(b" ")[1] in (b"400", b"403"), reply[:200]
    with socket.create_connection((host, port), timeout=5) as sock:  # over 1 MiB: not read
        sock.sendall(
            f"POST /sparql HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/"
            f"sparql-query\r\nContent-Length: {2 << 20}\r\n\r\n".encode()
        )
        assert sock.recv(65536).startswith(b"HTTP/1.1 413")


def test_chunked_post_bodies_work(server: SparqlServer) -> None:
    host, port = server.server_address[:2]
    query = b"SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (query[:10], query[10:]))
    reply = _raw(
        server,
        f"POST /sparql HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/sparql-query"
        "\r\nAccept: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n".encode()
        + chunks
        + b"0\r\n\r\n",
    )
    assert reply.startswith(b"HTTP/1.1 200"), reply[:300]
    assert reply.endswith(b"n\r\n89\r\n")


def test_ipv6_loopback() -> None:
    with _running(host="::1", workers=1) as srv:
        assert srv.url.startswith("http://[::1]:")
        status, _, body = _get(srv, None, query="ASK { ?s ?p ?o }")
        assert status == 200 and json.loads(body)["boolean"] is True


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def test_sigterm_stops_the_workers_even_mid_query() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "graph.cli", "serve", str(SAMPLE), "--port", "0", "--timeout", "60"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )
    try:
        line = proc.stderr.readline() if proc.stderr else ""
        assert "Serving" in line, line
        url = line.split(" at ")[1].split()[0]
        workers = _children(proc.pid)
        assert len(workers) == 2

        def slow_query() -> None:
            with contextlib.suppress(OSError):  # the server goes away mid-query
                _http(url + "?" + urllib.parse.urlencode({"query": SLOW}))

        busy = threading.Thread(target=slow_query, daemon=True)
        busy.start()
        time.sleep(1.0)
        proc.send_signal(signal.SIGTERM)  # the main process only, as a service manager does
        assert proc.wait(timeout=20) == 0
        deadline = time.monotonic() + 10
        while any(Path(f"/proc/{w}").exists() for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        alive = [w for w in workers if Path(f"/proc/{w}").exists()]
        assert not alive, f"workers left running: {alive}"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        if proc.stderr:
            proc.stderr.close()


# ---------------------------------------------------------------- the request path


def test_form_decoding_is_parse_qs() -> None:
    """parse_form (C where it can) decodes exactly as urllib.parse.parse_qs does."""
    import random

    from graph.serve.http import parse_form

    tricky = [
        "", "&", "&&a=1&&", "a", "a=", "=b", "a=1&a=2&b", "query=SELECT+%3Fs%20WHERE+%7B%7D",
        "q=%E3%83%A9%E3%83%9E", "q=%E3%83", "q=%E3a%81", "q=%zz%2", "q=100%", "q=%%41",
        "q=a\\x41%5Cx41", "q=\\", "q=ラマ%E3%83%9E", "q=%C3%28", "a=b=c", "+=+", "q=%2B+%2b",
        "q=%00%0A%0d", "q=%F0%9F%98%80", "q=%ED%A0%80",
    ]  # fmt: skip
    alphabet = "%%%+&=aZ09\\xé\u30e9EeFf"
    rng = random.Random(11)
    tricky += [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24))) for _ in range(3000)
    ]
    for text in tricky:
        assert parse_form(text) == urllib.parse.parse_qs(text, keep_blank_values=True), text


def test_pipelined_requests_are_answered_in_order() -> None:
    """Many requests in one write (immediate replies and queries mixed) come back in order."""
    limits = Limits(timeout=10, query_threads=1, queue_timeout=30)
    with _running(workers=1, limits=limits) as srv:
        host, port = srv.server_address[:2]
        requests, expected = [], []
        for i in range(300):
            if i % 3 == 0:
                target, status = "/nowhere", 404
            elif i % 3 == 1:
                target, status = "/sparql", 200  # the help text
            else:
                query = f"SELECT ({i} AS ?n) WHERE {{}}"
                target, status = "/sparql?" + urllib.parse.urlencode({"query": query}), 200
            requests.append(f"GET {target} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n")
            expected.append((status, f'"{i}"' if i % 3 == 2 else None))
        with socket.create_connection((host, port), timeout=30) as sock:
            sock.sendall("".join(requests).encode("ascii"))
            reader = sock.makefile("rb")
            for status, value in expected:
                line = reader.readline().decode("latin-1")
                assert line.split()[1] == str(status), line
                length = 0
                while (header := reader.readline()) not in (b"\r\n", b""):
                    name, _, field = header.decode("latin-1").partition(":")
                    if name.lower() == "content-length":
                        length = int(field)
                body = reader.read(length)
                if value is not None:
                    assert value.encode() in body, body


def test_queries_waiting_for_a_thread_are_all_answered() -> None:
    """With one query thread, concurrent queries queue and every one of them is answered."""
    limits = Limits(timeout=10, query_threads=1, queue_timeout=30)
    with _running(workers=1, limits=limits) as srv:
        results: list[int] = []

        def ask(i: int) -> None:
            status, _, body = _get(srv, None, query=f"SELECT ({i} AS ?n) WHERE {{}}")
            assert f'"{i}"'.encode() in body
            results.append(status)

        threads = [threading.Thread(target=ask, args=(i,)) for i in range(24)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert results == [200] * 24
