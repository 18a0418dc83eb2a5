"""The ontology file (``data/ontology.ttl``) as data the code can ask questions of.

One loader, so that the exporters, the HTML page and the pipeline read the same terms:
which relations are symmetric, what each term is called in Japanese and English.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import OWL

from graph.namespaces import KG
from graph.rdf import new_graph

__all__ = ["ontology_graph", "symmetric_relations", "term_labels"]

_PREFIX = str(KG._NS)


@cache
def _ontology_turtle() -> bytes:
    return (resources.files("graph") / "data" / "ontology.ttl").read_bytes()


@cache
def _shared_graph() -> Graph:
    graph = new_graph()
    graph.parse(data=_ontology_turtle(), format="turtle")
    return graph


def ontology_graph() -> Graph:
    """A fresh copy of the ontology (fresh so callers may modify it)."""
    graph = new_graph()
    graph.parse(data=_ontology_turtle(), format="turtle")
    return graph


def _local(term: object) -> str | None:
    if isinstance(term, URIRef) and str(term).startswith(_PREFIX):
        return str(term)[len(_PREFIX) :]
    return None


@cache
def term_labels() -> dict[str, dict[str, str]]:
    """Labels of every ontology term by local name and language: ``{"developed": {"ja": …}}``."""
    labels: dict[str, dict[str, str]] = {}
    for term, label in _shared_graph().subject_objects(RDFS.label):
        name = _local(term)
        if name is not None and isinstance(label, Literal):
            labels.setdefault(name, {})[label.language or "en"] = str(label)
    return labels


@cache
def symmetric_relations() -> frozenset[str]:
    """Local names of the relations declared ``owl:SymmetricProperty`` (competesWith, …)."""
    return frozenset(
        name
        for name in map(_local, _shared_graph().subjects(RDF.type, OWL.SymmetricProperty))
        if name is not None
    )
