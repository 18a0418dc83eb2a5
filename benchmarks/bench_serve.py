"""Benchmark: ``kg serve`` against ``oxigraph serve``, and graph I/O against bare pyoxigraph.

Not a test (machines are noisy): run it by hand and read the ratios.

    .venv/bin/python benchmarks/bench_serve.py [--sizes 600 3000] [--seconds 10]

Needs ``wrk`` (Debian: ``apt-get install wrk``) as the load generator, a C program, so the
client costs the two cores little, and ``oxigraph`` (pip package, in the test extras).

Graphs are synthetic (:mod:`benchmarks.synthetic`): the shape ``kg build`` writes, with
unique names per document so the graph grows with the document count.

**Serving.** Both servers get the same graph and the same mix of small queries (labels,
out- and in-edges of an entity, an ASK, evidence sentences, a class listing; the entity
changes from request to request) from 8 wrk connections, once with HTTP/1.1 keep-alive
and once with ``Connection: close`` (a new connection per query). ``oxigraph serve``
runs read-only on a store loaded beforehand; ``kg serve`` holds the graph file in memory
in its two workers. Printed: queries/s of each, the ratio kg/oxigraph (the issue's bar is
>= 0.33), and the mean latency of one kept-alive client (bar: <= 10 ms).

**I/O.** Each command end to end (a fresh process, as a user runs it) against pyoxigraph
doing the same work in a fresh process: COUNT(*) (load + query), Turtle export (load +
dump), every other export format, and ``kg validate``. Also serialize_turtle alone on a
loaded graph against Store.dump (bar: <= 2x at 1M triples).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from synthetic import write_synthetic

PYTHON = sys.executable
ENTITY = "https://w3id.org/newskg/entity/"
PREFIXES = (
    "PREFIX kg: <https://w3id.org/newskg/ontology#> "
    "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
)
MIX = (
    "SELECT ?l WHERE {{ <{e}> rdfs:label ?l }}",
    "SELECT ?p ?o WHERE {{ <{e}> ?p ?o }} LIMIT 20",
    "SELECT ?s ?p WHERE {{ ?s ?p <{e}> }} LIMIT 10",
    "ASK {{ <{e}> a ?c }}",
    "SELECT ?text WHERE {{ ?st rdf:subject <{e}> ; kg:evidence ?ev . ?ev kg:sentence ?text }} "
    "LIMIT 5",
    "SELECT ?e WHERE {{ ?e a kg:AIModel }} LIMIT 10",
)
_LUA = """
local paths = {}
for line in io.lines("%s") do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i], %s)
end
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait(url: str, process: subprocess.Popen[bytes], seconds: float = 600) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"server exited ({process.returncode}) before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                response.read()
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"no answer from {url}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def _paths(endpoint_path: str, documents: int, count: int = 2000) -> list[str]:
    paths = []
    for i in range(count):
        doc, index = (i * 7919) % documents, (i * 31) % 11
        query = PREFIXES + MIX[i % len(MIX)].format(e=f"{ENTITY}e{doc}-{index}")
        paths.append(endpoint_path + "?" + urllib.parse.urlencode({"query": query}))
    return paths


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def _wrk(
    base: str, paths: list[str], folder: Path, *, keep_alive: bool, connections: int, seconds: int
) -> tuple[float, float, int, float, float]:
    """(requests/s, mean latency ms, errors (non-2xx, timeouts), p50 ms, p99 ms) of one run."""
    path_file = folder / "paths.txt"
    path_file.write_text("\n".join(paths) + "\n", encoding="utf-8")
    close = "" if keep_alive else ', ["Connection"] = "close"'
    headers = '{["Accept"] = "application/sparql-results+json"' + close + "}"
    script = folder / "mix.lua"
    script.write_text(_LUA % (path_file, headers), encoding="utf-8")
    threads = min(2, connections)
    proc = subprocess.run(
        ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s",
         "-s", str(script), "--latency", base],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    out = proc.stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    latency = re.search(r"Latency\s+([\d.]+)(us|ms|s)", out)
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", out)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    assert latency and p50 and p99, out
    errors = 0
    for pattern in (r"Non-2xx or 3xx responses: (\d+)", r"Socket errors: .*?(\d+) timeout"):
        match = re.search(pattern, out)
        errors += int(match.group(1)) if match else 0
    return rate, _ms(*latency.groups()), errors, _ms(*p50.groups()), _ms(*p99.groups())


def _start_kg(graph: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    process = subprocess.Popen(
        [PYTHON, "-m", "graph.cli", "serve", str(graph), "--port", str(port), "--workers", "2"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    _wait(f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D", process)
    return process


def _start_oxigraph(graph: Path, folder: Path, port: int) -> subprocess.Popen[bytes]:
    binary = shutil.which("oxigraph") or str(Path(PYTHON).with_name("oxigraph"))
    location = folder / "oxigraph-db"
    if not location.exists():
        subprocess.run(
            [binary, "load", "--location", str(location), "--file", str(graph)],
            check=True, capture_output=True,
        )  # fmt: skip
    process = subprocess.Popen(
        [binary, "serve-read-only", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    _wait(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", process)
    return process


def bench_serving(graph: Path, documents: int, folder: Path, seconds: int) -> None:
    kg_port, ox_port = _free_port(), _free_port()
    kg = _start_kg(graph, kg_port)
    try:
        ox = _start_oxigraph(graph, folder, ox_port)
        try:
            for keep_alive in (True, False):
                label = "keep-alive" if keep_alive else "new connection per query"
                ours = _wrk(
                    f"http://127.0.0.1:{kg_port}", _paths("/sparql", documents), folder,
                    keep_alive=keep_alive, connections=8, seconds=seconds,
                )  # fmt: skip
                theirs = _wrk(
                    f"http://127.0.0.1:{ox_port}", _paths("/query", documents), folder,
                    keep_alive=keep_alive, connections=8, seconds=seconds,
                )  # fmt: skip
                print(
                    f"  serve, 8 clients, {label:25s} kg {ours[0]:8.0f} q/s  oxigraph "
                    f"{theirs[0]:8.0f} q/s  ratio {ours[0] / theirs[0]:.2f}  "
                    f"(errors: kg {ours[2]}, oxigraph {theirs[2]})"
                )
            one = _wrk(
                f"http://127.0.0.1:{kg_port}", _paths("/sparql", documents), folder,
                keep_alive=True, connections=1, seconds=max(3, seconds // 2),
            )  # fmt: skip
            print(
                f"  serve, 1 kept-alive client: kg latency per query mean {one[1]:.2f} ms, "
                f"median {one[3]:.2f} ms, 99th percentile {one[4]:.2f} ms"
            )
        finally:
            _stop(ox)
    finally:
        _stop(kg)


def _timed(command: list[str]) -> float:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    started = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def _pyoxigraph(code: str, *args: str) -> float:
    return _timed([PYTHON, "-c", "import sys, pyoxigraph as ox\n" + code, *args])


_OX_LOAD = "s = ox.Store(); s.load(path=sys.argv[1], format=ox.RdfFormat.N_TRIPLES)\n"
_OX_FORMATS = {
    "turtle": "TURTLE", "ntriples": "N_TRIPLES", "nquads": "N_QUADS", "trig": "TRIG",
    "jsonld": "JSON_LD", "rdfxml": "RDF_XML",
}  # fmt: skip
_SUFFIX = {"turtle": ".ttl", "ntriples": ".nt", "nquads": ".nq", "trig": ".trig",
           "jsonld": ".jsonld", "rdfxml": ".rdf", "graphml": ".graphml"}  # fmt: skip


def bench_io(graph: Path, folder: Path, formats: tuple[str, ...]) -> None:
    kg = [PYTHON, "-m", "graph.cli"]
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    ours = _timed([*kg, "query", str(graph), count])
    theirs = _pyoxigraph(_OX_LOAD + f"list(s.query({count!r}))", str(graph))
    print(f"  kg query COUNT(*)   {ours:6.2f} s   pyoxigraph load+query {theirs:6.2f} s   "
          f"ratio {ours / theirs:.2f}")  # fmt: skip
    for fmt in formats:
        out = folder / f"out{_SUFFIX[fmt]}"
        ours = _timed([*kg, "export", str(graph), "--format", fmt, "--out", str(out)])
        if fmt in _OX_FORMATS:
            name = _OX_FORMATS[fmt]
            dump = (
                f"f = ox.RdfFormat.{name}\n"
                "g = None if f.supports_datasets else ox.DefaultGraph()\n"
                "s.dump(sys.argv[2], f, from_graph=g)"
            )
            theirs = _pyoxigraph(_OX_LOAD + dump, str(graph), str(folder / f"ox{_SUFFIX[fmt]}"))
            print(f"  kg export {fmt:9s} {ours:6.2f} s   pyoxigraph load+dump  {theirs:6.2f} s   "
                  f"ratio {ours / theirs:.2f}")  # fmt: skip
        else:
            print(f"  kg export {fmt:9s} {ours:6.2f} s")
    ours = _timed([*kg, "validate", str(graph)])
    load = _pyoxigraph(_OX_LOAD, str(graph))
    print(f"  kg validate         {ours:6.2f} s   (pyoxigraph load alone {load:.2f} s)")


def bench_turtle(graph: Path) -> None:
    """serialize_turtle on a graph already in memory, against Store.dump of the same store."""
    import pyoxigraph as ox

    from graph.outputs import serialize_turtle
    from graph.store import GraphSource

    store = ox.Store()
    store.load(path=str(graph), format=ox.RdfFormat.N_TRIPLES)
    started = time.perf_counter()
    store.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph())
    dump = time.perf_counter() - started
    started = time.perf_counter()
    serialize_turtle(GraphSource(store=store))  # the same loaded store: the writing alone
    ours = time.perf_counter() - started
    print(f"  serialize_turtle    {ours:6.2f} s   Store.dump(TURTLE)    {dump:6.2f} s   "
          f"ratio {ours / dump:.2f}  ({len(store)} triples; ours sorted, theirs not)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[600, 3000], help="documents")
    parser.add_argument("--io-sizes", type=int, nargs="+", default=[1450, 4300])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--skip-serve", action="store_true")
    parser.add_argument("--skip-io", action="store_true")
    args = parser.parse_args()
    if not args.skip_serve and not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk)")
    cache = Path(tempfile.gettempdir()) / "newskg-bench"
    cache.mkdir(exist_ok=True)
    if not args.skip_serve:
        for documents in args.sizes:
            graph = write_synthetic(documents, cache)
            lines = sum(1 for _ in graph.open("rb"))
            print(f"{documents} documents, {lines} triples:")
            with tempfile.TemporaryDirectory() as work:
                bench_serving(graph, documents, Path(work), args.seconds)
    if not args.skip_io:
        for documents in args.io_sizes:
            graph = write_synthetic(documents, cache)
            lines = sum(1 for _ in graph.open("rb"))
            print(f"{documents} documents, {lines} triples:")
            with tempfile.TemporaryDirectory() as work:
                formats = ("turtle", "ntriples", "nquads", "trig", "jsonld", "rdfxml", "graphml")
                bench_io(graph, Path(work), formats)
            bench_turtle(graph)


if __name__ == "__main__":
    main()
