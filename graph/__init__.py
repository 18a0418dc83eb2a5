"""newskg: knowledge graphs from Japanese AI-industry news.

The pipeline, one module per stage: ``documents`` → ``nlp`` → ``mentions`` →
``relations``/``rules``/``attributes`` (driven by ``extract``) → ``entities`` → ``rdf`` →
``outputs``/``html``. The names below are the library's public API; the ``kg`` command
(``graph.cli``) is a thin layer over them.

>>> from graph import build_outputs, load_graph, read_query, run_query  # doctest: +SKIP
>>> build_outputs(["seeds"], "output")  # doctest: +SKIP
>>> run_query(load_graph("output/graph.ttl"), read_query("queries/lineage.rq"))  # doctest: +SKIP
"""

from __future__ import annotations

from graph.pipeline import BuildSummary, build_outputs, extract
from graph.query import format_result, load_graph, read_query, run_query
from graph.rdf import build_graph

__all__ = [
    "BuildSummary",
    "build_graph",
    "build_outputs",
    "extract",
    "format_result",
    "load_graph",
    "read_query",
    "run_query",
]
