"""Check a graph against the SHACL shapes of our contract (``graph/data/shapes.ttl``).

Why SHACL and not more Python checks: the shapes are data, so any SHACL engine (pySHACL,
TopBraid or a triple store elsewhere) can hold a graph to the same contract, and the
report says *which* node broke *which* rule. Graphs are read through Oxigraph and checked
by :mod:`graph.shacl` (seconds for an archive of thousands of documents); a shapes graph
using SHACL features beyond it goes to pySHACL. Either way the report becomes short,
sorted, readable lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from graph.errors import ResourceFileError
from graph.namespaces import PREFIXES

if TYPE_CHECKING:
    from graph.store import GraphSource

__all__ = [
    "ValidationReport",
    "Violation",
    "default_shapes",
    "format_report",
    "load_shapes",
    "validate_graph",
]


@dataclass(frozen=True, order=True)
class Violation:
    """One failed constraint: where (focus node, path), what (message) and how bad."""

    focus: str
    path: str
    message: str
    value: str = ""
    severity: str = "Violation"
    constraint: str = ""


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of a validation run; ``conforms`` is False when any result is a Violation."""

    conforms: bool
    violations: tuple[Violation, ...]


def default_shapes() -> Graph:
    """The shapes shipped with the package."""
    data = (resources.files("graph") / "data" / "shapes.ttl").read_bytes()
    graph = Graph()
    graph.parse(data=data, format="turtle")
    return graph


def load_shapes(path: str | Path | None = None) -> Graph:
    """Shapes from ``path`` (Turtle or any RDF format by suffix), or the packaged ones."""
    if path is None:
        return default_shapes()
    file = Path(path)
    if not file.is_file():
        raise ResourceFileError(f"{file}: no such shapes file; check the --shapes path")
    graph = Graph()
    try:
        graph.parse(file)
    except Exception as exc:  # rdflib raises parser-specific types
        raise ResourceFileError(
            f"{file}: cannot parse the shapes as RDF ({exc.__class__.__name__}: {exc}); "
            "fix the file or drop --shapes to use the packaged shapes"
        ) from exc
    return graph


def _short(term: Node | None) -> str:
    """Prefixed name for our namespaces, N-Triples-ish form otherwise."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        text = str(term)
        for prefix, namespace in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if text.startswith(namespace):
                return f"{prefix}:{text[len(namespace) :]}"
        for prefix, namespace in (("rdf", str(RDF)), ("sh", str(SH))):
            if text.startswith(namespace):
                return f"{prefix}:{text[len(namespace) :]}"
        return f"<{text}>"
    if isinstance(term, Literal):
        if term.datatype is not None and not term.language:
            return f"{Literal(str(term)).n3()}^^{_short(term.datatype)}"
        return term.n3()
    return str(term)


def _path(report: Graph, node: Node | None) -> str:
    """A readable form of a SHACL path: predicate, ``^inverse`` or a sequence."""
    if node is None:
        return ""
    if isinstance(node, URIRef):
        return _short(node)
    inverse = report.value(node, SH.inversePath)
    if inverse is not None:
        return "^" + _path(report, inverse)
    if (node, RDF.first, None) in report:
        items = []
        current: Node | None = node
        while current is not None and current != RDF.nil:
            items.append(_path(report, report.value(current, RDF.first)))
            current = report.value(current, RDF.rest)
        return "/".join(items)
    return str(node)


def _message(report: Graph, result: Node) -> str:
    messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
    english = [
        str(m)
        for m in report.objects(result, SH.resultMessage)
        if isinstance(m, Literal) and m.language == "en"
    ]
    return (english or messages or ["constraint violated"])[0]


def validate_graph(
    graph: Graph | GraphSource, shapes: Graph | None = None, *, engine: str = "auto"
) -> ValidationReport:
    """Validate ``graph`` against ``shapes`` (default: the packaged contract shapes).

    ``engine`` is "auto" (:mod:`graph.shacl` when it implements every feature the shapes
    use, else pySHACL), "oxigraph" or "pyshacl". No RDFS/OWL inference is run: the
    contract says each entity carries its class explicitly, so inferring classes would
    hide exactly the errors we look for.
    """
    from graph import shacl

    shapes_graph = shapes if shapes is not None else default_shapes()
    if engine == "pyshacl" or (engine == "auto" and not shacl.supports(shapes_graph)):
        return _validate_with_pyshacl(_as_rdflib(graph), shapes_graph)
    results = shacl.validate_triples(_triples(graph), shapes_graph)
    violations = {
        Violation(
            focus=_short(_rdflib(r.focus)),
            path=_path_text(r.path),
            message=r.message,
            value=_short(_rdflib(r.value)) if r.value is not None else "",
            severity=r.severity,
            constraint="sh:" + r.component,
        )
        for r in results
    }
    conforms = not any(v.severity == "Violation" for v in violations)
    return ValidationReport(conforms=conforms, violations=tuple(sorted(violations)))


def _rdflib(term: Any) -> Node:
    from graph.store import to_rdflib

    return to_rdflib(term)


def _path_text(path: str | None) -> str:
    if path is None:
        return ""
    inverse = path.startswith("^")
    return ("^" if inverse else "") + _short(URIRef(path.lstrip("^")))


def _triples(graph: Graph | GraphSource) -> Any:
    import pyoxigraph as ox

    from graph.store import GraphSource, quads

    if isinstance(graph, GraphSource):
        return graph.triples()
    return (quad.triple for quad in quads(graph, ox.DefaultGraph()))


def _as_rdflib(graph: Graph | GraphSource) -> Graph:
    from graph.store import GraphSource, source_to_rdflib

    return source_to_rdflib(graph) if isinstance(graph, GraphSource) else graph


def _validate_with_pyshacl(graph: Graph, shapes: Graph) -> ValidationReport:
    from pyshacl import validate

    conforms, report_graph, _ = validate(
        graph,
        shacl_graph=shapes,
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
        advanced=True,
    )
    assert isinstance(report_graph, Graph)
    violations = []
    for result in report_graph.subjects(RDF.type, SH.ValidationResult):
        severity = report_graph.value(result, SH.resultSeverity)
        violations.append(
            Violation(
                focus=_short(report_graph.value(result, SH.focusNode)),
                path=_path(report_graph, report_graph.value(result, SH.resultPath)),
                message=_message(report_graph, result),
                value=_short(report_graph.value(result, SH.value)),
                severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
                constraint=_short(report_graph.value(result, SH.sourceConstraintComponent)),
            )
        )
    return ValidationReport(conforms=bool(conforms), violations=tuple(sorted(set(violations))))


def format_report(report: ValidationReport) -> str:
    """One block per result, sorted by focus node, then a count; or just ``conforms``."""
    if report.conforms and not report.violations:
        return "conforms"
    lines = []
    for violation in report.violations:
        where = violation.focus + (f"  {violation.path}" if violation.path else "")
        rule = violation.constraint.removeprefix("sh:").removesuffix("ConstraintComponent")
        lines.append(f"{violation.severity}: {where}" + (f"  [{rule}]" if rule else ""))
        lines.append(f"    {violation.message}")
        if violation.value:
            lines.append(f"    value: {violation.value}")
    counts: dict[str, int] = {}
    for violation in report.violations:
        counts[violation.severity] = counts.get(violation.severity, 0) + 1
    summary = ", ".join(
        f"{n} {kind.lower()}{'s' if n != 1 else ''}" for kind, n in sorted(counts.items())
    )
    verdict = "conforms" if report.conforms else "does not conform"
    lines.append(f"{verdict}: {summary}")
    return "\n".join(lines)
