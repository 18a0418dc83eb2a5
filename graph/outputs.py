"""Writing output files safely: deterministic Turtle, atomic replace.

A failed run must never leave a half-written file behind, so every writer goes through
:func:`write_atomic` (temp file in the same folder, fsync, ``os.replace``).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rdflib import Graph

    from graph.store import GraphSource

__all__ = ["serialize_turtle", "write_atomic", "write_turtle"]


def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> Path:
    """Write ``data`` to ``path`` so that readers see either the old file or the whole new one."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target


def serialize_turtle(graph: Graph | GraphSource) -> bytes:
    """Turtle with sorted prefixes, subjects, predicates and objects: same graph, same bytes.

    The graph goes through Oxigraph's canonical N-Triples (Rust) and one sort, then a
    single pass writes the Turtle (see :mod:`graph.ntriples`): linear after the sort, and
    numbers keep their exact lexical form.
    """
    from graph.namespaces import PREFIXES
    from graph.ntriples import graph_lines, turtle_document

    prefixes = {**PREFIXES, "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}
    return turtle_document(graph_lines(graph), prefixes)


def write_turtle(graph: Graph, path: str | os.PathLike[str]) -> Path:
    return write_atomic(path, serialize_turtle(graph))
