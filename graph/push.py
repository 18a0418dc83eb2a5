"""``kg push``: load a graph into any SPARQL 1.1 Graph Store Protocol server.

Why the Graph Store Protocol: it is the one standard way to *write* whole graphs to a
triple store (Oxigraph, Fuseki, GraphDB, Virtuoso, Stardog all speak it), so no store
needs a driver of its own. The graph goes up as its dataset view
(:func:`graph.export.split_by_document`): one named graph per source document, the
ontology in its own graph, and the entity and document descriptions (the dataset's
default graph) in the named graph :data:`DESCRIPTIONS_GRAPH`, because quad stores such
as Virtuoso have no writable default graph. Query the union of the graphs (Virtuoso's
default; ``oxigraph serve --union-default-graph``) or name them with ``GRAPH``.

Re-pushing is incremental. Each graph's digest (SHA-256 of its sorted canonical
N-Triples) is kept on the server itself, in a small manifest graph
(:data:`MANIFEST_GRAPH`), so any machine can push the next build: graphs whose digest is
unchanged are not sent, changed ones are replaced with one ``PUT``, and graphs of removed
documents are deleted. The manifest is written last, so an interrupted push is simply
finished by the next one.
"""

from __future__ import annotations

import hashlib
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import TYPE_CHECKING

from graph.errors import KgError
from graph.namespaces import BASE, KG

if TYPE_CHECKING:
    from rdflib import Graph

    from graph.store import GraphSource

__all__ = ["DESCRIPTIONS_GRAPH", "MANIFEST_GRAPH", "PushError", "PushSummary", "push_graph"]

#: The graph on the server that records what each pushed graph holds.
MANIFEST_GRAPH = BASE + "push-manifest"
#: Where the dataset's default graph (entity and document descriptions) goes.
DESCRIPTIONS_GRAPH = BASE + "descriptions"
_HASH = str(KG.contentHash)


class PushError(KgError):
    """The Graph Store server refused a request or cannot be reached."""


@dataclass(frozen=True)
class PushSummary:
    """What a push did: graph names sent, deleted, and how many were already up to date."""

    url: str
    sent: tuple[str, ...]
    deleted: tuple[str, ...]
    unchanged: int

    def line(self) -> str:
        def count(n: int, noun: str) -> str:
            return f"{n} {noun}{'s' if n != 1 else ''}"

        return (
            f"Pushed {count(len(self.sent), 'graph')} to {self.url} "
            f"({self.unchanged} unchanged, {len(self.deleted)} deleted)"
        )


class _GraphStore:
    """The few Graph Store Protocol calls we make, with errors that say what to check."""

    def __init__(self, url: str, timeout: float) -> None:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise PushError(
                f"{url!r} is not an http(s) URL; give the server's Graph Store endpoint, "
                "e.g. http://127.0.0.1:7878/store (Oxigraph) or .../sparql-graph-crud (Virtuoso)"
            )
        self.url = url
        self.timeout = timeout

    def _target(self, graph: str) -> str:
        query = urllib.parse.urlencode({"graph": graph})
        return self.url + ("&" if "?" in self.url else "?") + query

    def _call(self, method: str, graph: str, body: bytes | None = None) -> tuple[int, bytes]:
        headers = {"Accept": "application/n-triples, text/plain;q=0.5"}
        if body is not None:
            headers["Content-Type"] = "text/turtle; charset=utf-8"  # N-Triples is Turtle
        request = urllib.request.Request(
            self._target(graph), data=body, headers=headers, method=method
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            if method in ("GET", "DELETE") and error.code == 404:
                return 404, b""
            detail = " ".join(error.read(300).decode("utf-8", "replace").split())
            raise PushError(
                f"{self.url}: {method} of graph <{graph}> was refused "
                f"({error.code} {error.reason}{': ' + detail if detail else ''}); "
                "check the URL is the Graph Store endpoint and that writes are allowed"
            ) from error
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise PushError(
                f"cannot reach {self.url} ({reason}); is the server running?"
            ) from error

    def get(self, graph: str) -> bytes | None:
        status, body = self._call("GET", graph)
        return None if status == 404 else body

    def put(self, graph: str, data: bytes) -> None:
        self._call("PUT", graph, data)

    def delete(self, graph: str) -> None:
        self._call("DELETE", graph)


def _read_manifest(data: bytes | None) -> dict[str, str]:
    """``{graph name: digest}`` from the manifest graph's N-Triples (or Turtle) text."""
    import pyoxigraph as ox

    if not data:
        return {}
    manifest: dict[str, str] = {}
    try:
        for triple in ox.parse(data, format=ox.RdfFormat.TURTLE):
            if triple.predicate.value == _HASH and isinstance(triple.subject, ox.NamedNode):
                manifest[triple.subject.value] = triple.object.value
    except SyntaxError:
        return {}  # unreadable: push everything again
    return manifest


def _manifest_body(digests: dict[str, str]) -> bytes:
    lines = [f'<{name}> <{_HASH}> "{digest}" .\n' for name, digest in sorted(digests.items())]
    return "".join(lines).encode("utf-8")


def push_graph(
    graph: Graph | GraphSource, url: str, *, timeout: float = 120.0, force: bool = False
) -> PushSummary:
    """Push ``graph`` to the Graph Store at ``url``; only changed graphs are sent.

    ``force`` sends every graph whatever the manifest says.
    """
    from graph.export import dataset_lines
    from graph.ntriples import ntriples_line

    server = _GraphStore(url, timeout)
    graphs = {
        (name or DESCRIPTIONS_GRAPH): b"".join(ntriples_line(line) for line in lines)
        for name, lines in dataset_lines(graph).items()
    }
    digests = {name: "sha256:" + hashlib.sha256(data).hexdigest() for name, data in graphs.items()}
    previous = {} if force else _read_manifest(server.get(MANIFEST_GRAPH))
    changed = [name for name in graphs if previous.get(name) != digests[name]]
    removed = sorted(set(previous) - set(graphs))
    for name in changed:
        server.put(name, graphs[name])
    for name in removed:
        server.delete(name)
    server.put(MANIFEST_GRAPH, _manifest_body(digests))
    return PushSummary(
        url=url,
        sent=tuple(changed),
        deleted=tuple(removed),
        unchanged=len(graphs) - len(changed),
    )
