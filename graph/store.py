"""Graphs in Oxigraph: loading files fast, and an on-disk store with one graph per document.

Why Oxigraph (pyoxigraph) and not rdflib for reading: rdflib parses ~30k triples/s in
Python; Oxigraph parses in Rust about fifty times faster and answers SPARQL over the same
store. Every command that *reads* a built graph (``kg query``, ``kg export``,
``kg validate``, ``kg serve``) loads it through :func:`open_graph`, which accepts a graph
file (any RDF syntax, by suffix) or a store folder written by :func:`write_store`.

The on-disk store keeps **one named graph per source document** plus one for the ontology,
with the entity and document descriptions in the default graph: exactly the dataset view
of :func:`graph.export.split_by_document`. Syncing a new build into an existing store
rewrites only the graphs whose content changed and drops the graphs of removed documents.
A small manifest (``newskg-store.json``) records a digest per graph; it is written last,
and graphs being rewritten are marked first, so an interrupted sync is finished by the
next one instead of leaving a graph half old, half new.

Blank nodes are not given stable labels by Oxigraph; graphs built by ``kg build`` have none.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from graph.errors import KgError
from graph.namespaces import PREFIXES

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

__all__ = [
    "MANIFEST_NAME",
    "GraphSource",
    "StoreError",
    "StoreSync",
    "is_store_folder",
    "open_graph",
    "open_store",
    "quads",
    "rdf_format_of",
    "rdflib_ntriples",
    "rdflib_to_store",
    "source_to_rdflib",
    "to_oxigraph",
    "to_rdflib",
    "write_store",
]

MANIFEST_NAME = "newskg-store.json"
#: The ontology's named graph (the same IRI as ``graph.export.ONTOLOGY_IRI``).
ONTOLOGY_GRAPH = PREFIXES["kg"].rstrip("#")
_MANIFEST_VERSION = 1
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

#: File suffixes Oxigraph can parse, and what they mean.
_SUFFIX_FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".ntriples": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nquads": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".n3": ox.RdfFormat.N3,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
}


class StoreError(KgError):
    """A graph file or store folder cannot be read or written."""


class GraphSource:
    """A graph to read: a graph file, a store folder, or a store already in memory.

    A file is parsed only when needed, and in the way the need calls for: queries load it
    into an in-memory Oxigraph store (:attr:`store`), exports stream it through the parser
    (:meth:`ntriples`) so literals keep their exact lexical form (a store keeps numbers by
    value, so ``"600.0"^^xsd:decimal`` comes back as ``"600"``). ``is_dataset`` is True
    for N-Quads/TriG files and stores: queries then see the union of all graphs by default,
    as a reader of such a file expects.
    """

    def __init__(
        self,
        path: Path | None = None,
        *,
        store: ox.Store | None = None,
        is_dataset: bool = False,
    ) -> None:
        self.path = path
        self._store = store
        self._format = rdf_format_of(path) if store is None and path is not None else None
        self.is_dataset = is_dataset or bool(self._format and self._format.supports_datasets)

    @property
    def store(self) -> ox.Store:
        """The graph in an Oxigraph store (a file is loaded on first use)."""
        if self._store is None:
            assert self.path is not None and self._format is not None
            store = ox.Store()
            with _parse_errors(self.path):
                store.load(path=str(self.path), format=self._format)
            self._store = store
        return self._store

    def _data_graphs(self) -> list[Any]:
        """The graphs holding the built graph: all but the ontology's (exports add it back)."""
        named = [g for g in self.store.named_graphs() if g.value != ONTOLOGY_GRAPH]
        return [ox.DefaultGraph(), *named]

    def triples(self) -> Iterator[Any]:
        """Every triple of the built graph (Oxigraph terms; a file is streamed, not stored)."""
        if self._store is not None or self._format is None:
            for name in self._data_graphs():
                for quad in self.store.quads_for_pattern(None, None, None, name):
                    yield quad.triple
            return
        assert self.path is not None
        with _parse_errors(self.path):
            yield from self._file_triples()

    def _file_triples(self) -> Iterator[Any]:
        assert self.path is not None and self._format is not None
        parsed = ox.parse(path=str(self.path), format=self._format)
        if not self._format.supports_datasets:
            yield from parsed
            return
        ontology = ox.NamedNode(ONTOLOGY_GRAPH)
        for quad in parsed:
            if quad.graph_name != ontology:
                yield quad.triple

    def ntriples(self) -> bytes:
        """Canonical N-Triples of the union of all graphs (lexical forms kept for files)."""
        if self._store is not None or self._format is None:
            return b"".join(
                self.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name)
                for name in self._data_graphs()
            )
        assert self.path is not None
        with _parse_errors(self.path):
            return ox.serialize(self._file_triples(), format=ox.RdfFormat.N_TRIPLES)

    def __len__(self) -> int:
        return len(self.store)


@contextmanager
def _parse_errors(path: Path) -> Iterator[None]:
    """Parser errors as one-line :class:`StoreError` naming the file."""
    try:
        yield
    except (SyntaxError, ValueError, OSError) as exc:
        detail = " ".join(str(exc).split())
        raise StoreError(f"{path}: cannot parse as RDF ({detail}); fix or rebuild it") from exc


# ---------------------------------------------------------------- terms


def to_rdflib(term: Any) -> Node:
    """An Oxigraph term as the equal rdflib term (``xsd:string`` literals stay plain)."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise StoreError(f"unsupported RDF term {term!r} (RDF-star triples are not supported)")


def to_oxigraph(term: Node) -> Any:
    """An rdflib term as the equal Oxigraph term."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None and str(term.datatype) != _RDF_LANG_STRING:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise StoreError(f"unsupported RDF term {term!r}")


def quads(triples: Iterable[tuple[Node, Node, Node]], graph_name: Any) -> Iterator[ox.Quad]:
    """Quads for rdflib triples; IRIs repeat a lot, so each is converted once."""
    from rdflib import URIRef

    cache: dict[Node, Any] = {}
    for s, p, o in triples:
        terms = []
        for term in (s, p, o):
            converted = cache.get(term) if isinstance(term, URIRef) else None
            if converted is None:
                converted = to_oxigraph(term)
                if isinstance(term, URIRef):
                    cache[term] = converted
            terms.append(converted)
        yield ox.Quad(terms[0], terms[1], terms[2], graph_name)


def rdflib_to_store(
    graph: Graph, store: ox.Store | None = None, graph_name: Any = None
) -> ox.Store:
    """Add an rdflib graph (a Dataset: every graph) to ``store`` (a new one by default)."""
    from rdflib import Dataset
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID, ConjunctiveGraph

    target = store if store is not None else ox.Store()
    if isinstance(graph, (Dataset, ConjunctiveGraph)):
        for context in graph.contexts():
            ident = context.identifier
            name = ox.DefaultGraph() if ident == DATASET_DEFAULT_GRAPH_ID else to_oxigraph(ident)
            target.extend(quads(context, name))
    else:
        target.extend(quads(graph, graph_name or ox.DefaultGraph()))
    return target


def rdflib_ntriples(graph: Graph) -> bytes:
    """Canonical N-Triples of an rdflib graph (of every graph, for a Dataset), lossless."""
    from rdflib import Dataset
    from rdflib.graph import ConjunctiveGraph

    triples = graph.triples((None, None, None))
    if isinstance(graph, (Dataset, ConjunctiveGraph)):
        triples = ((s, p, o) for s, p, o, _ in graph.quads((None, None, None, None)))
    converted = quads(triples, ox.DefaultGraph())
    return ox.serialize((q.triple for q in converted), format=ox.RdfFormat.N_TRIPLES)


def source_to_rdflib(source: GraphSource) -> Graph:
    """The union of every graph of ``source`` as one rdflib graph (for rdflib-only code).

    A file is streamed through Oxigraph's parser (lexical forms kept), a store read back.
    """
    from graph.rdf import new_graph

    graph = new_graph()
    cache: dict[Any, Node] = {}

    def term(value: Any) -> Node:
        found = cache.get(value)
        if found is None:
            found = to_rdflib(value)
            if not isinstance(value, ox.Literal):
                cache[value] = found
        return found

    for triple in source.triples():
        graph.add((term(triple.subject), term(triple.predicate), term(triple.object)))
    return graph


# ---------------------------------------------------------------- files and folders


def rdf_format_of(path: Path) -> ox.RdfFormat:
    """The RDF syntax of a file by its suffix; a clear error for anything else."""
    fmt = _SUFFIX_FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted({s for s in _SUFFIX_FORMATS if len(s) <= 6}))
        raise StoreError(
            f"{path}: unknown RDF file suffix {path.suffix or '(none)'!r}; "
            f"use a graph file ({known}) or a store folder from kg build --store"
        )
    return fmt


def is_store_folder(path: Path) -> bool:
    """A folder written by :func:`write_store`, or any Oxigraph (RocksDB) store folder."""
    return path.is_dir() and ((path / MANIFEST_NAME).is_file() or (path / "CURRENT").is_file())


def open_graph(path: str | os.PathLike[str]) -> GraphSource:
    """A graph file (parsed when first needed) or a store folder (opened read-only)."""
    location = Path(path)
    if location.is_dir():
        if not is_store_folder(location):
            raise StoreError(
                f"{location} is a folder but not a graph store; give a graph file "
                "(graph.ttl) or a folder written by kg build --store"
            )
        return GraphSource(location, store=open_store(location), is_dataset=True)
    if not location.is_file():
        raise StoreError(
            f"{location}: no such graph file or store folder; "
            "run `kg build` first or check the path"
        )
    return GraphSource(location)


def open_store(directory: str | os.PathLike[str], *, writable: bool = False) -> ox.Store:
    """Open the Oxigraph store in ``directory``: read-only by default, so readers can share it."""
    folder = Path(directory)
    try:
        if writable:
            folder.mkdir(parents=True, exist_ok=True)
            return ox.Store(str(folder))
        if not is_store_folder(folder):
            raise StoreError(
                f"{folder}: no graph store here; create one with kg build --store {folder}"
            )
        return ox.Store.read_only(str(folder))
    except OSError as exc:
        detail = " ".join(str(exc).split())
        raise StoreError(
            f"{folder}: cannot open the graph store ({detail}); is another kg build "
            "writing it? wait for it, or give another folder"
        ) from exc


# ---------------------------------------------------------------- syncing a build


@dataclass(frozen=True)
class StoreSync:
    """What a sync changed: graph names (``""`` is the default graph) written and dropped."""

    written: tuple[str, ...]
    dropped: tuple[str, ...]
    kept: int


def _graph_key(name: Any) -> str:
    return "" if isinstance(name, ox.DefaultGraph) else name.value


def _graph_name(key: str) -> Any:
    return ox.DefaultGraph() if key == "" else ox.NamedNode(key)


def _read_manifest(folder: Path) -> dict[str, str]:
    path = folder / MANIFEST_NAME
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreError(
            f"{path}: unreadable store manifest ({exc}); delete the folder and build again"
        ) from exc
    if data.get("version") != _MANIFEST_VERSION:
        return {}  # another layout: every graph is rewritten
    return dict(data.get("graphs", {}))


def _write_manifest(folder: Path, graphs: dict[str, str]) -> None:
    from graph.outputs import write_atomic

    payload = {"version": _MANIFEST_VERSION, "graphs": dict(sorted(graphs.items()))}
    write_atomic(folder / MANIFEST_NAME, json.dumps(payload, indent=1, sort_keys=True) + "\n")


def dataset_graphs(graph: Graph) -> dict[str, bytes]:
    """The build's dataset view as canonical N-Triples per graph name (sorted lines)."""
    from graph.export import dataset_lines
    from graph.ntriples import ntriples_line

    return {
        key: b"".join(ntriples_line(line) for line in lines)
        for key, lines in dataset_lines(graph).items()
    }


def _replace_graph(store: ox.Store, key: str, data: bytes) -> None:
    """Swap one graph's content for ``data`` (canonical N-Triples)."""
    name = _graph_name(key)
    if key == "":
        store.clear_graph(name)
    elif store.contains_named_graph(name):
        store.remove_graph(name)
    store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=name)
    if key:
        store.add_graph(name)  # an empty graph still exists


def write_store(graph: Graph | GraphSource, directory: str | os.PathLike[str]) -> StoreSync:
    """Sync ``graph`` into the store in ``directory``: only changed graphs are rewritten.

    Each graph's digest is the SHA-256 of its sorted canonical N-Triples, so an unchanged
    document costs one hash and no write.
    """
    folder = Path(directory)
    if folder.exists() and not folder.is_dir():
        raise StoreError(f"{folder} is a file; --store needs a folder (new or from kg build)")
    if folder.is_dir() and any(folder.iterdir()) and not is_store_folder(folder):
        raise StoreError(
            f"{folder} holds other files and no graph store; give a new or empty folder "
            "for --store (nothing in it was changed)"
        )
    wanted = dataset_graphs(graph)
    digests = {key: hashlib.sha256(data).hexdigest() for key, data in wanted.items()}
    previous = _read_manifest(folder)
    store = open_store(folder, writable=True)
    existing = {_graph_key(g) for g in store.named_graphs()} | {""}
    changed = sorted(k for k in wanted if previous.get(k) != digests[k] or k not in existing)
    dropped = sorted((set(previous) | (existing - {""})) - set(wanted))
    # Mark what is about to change, so an interrupted sync is redone, never trusted.
    _write_manifest(folder, {k: v for k, v in previous.items() if k not in changed + dropped})
    for key in dropped:
        store.remove_graph(_graph_name(key))
    for key in changed:
        _replace_graph(store, key, wanted[key])
    store.flush()
    del store  # release the RocksDB lock before readers open the folder
    _write_manifest(folder, digests)
    return StoreSync(
        written=tuple(changed), dropped=tuple(dropped), kept=len(wanted) - len(changed)
    )
