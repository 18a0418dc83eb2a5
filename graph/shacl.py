"""SHACL Core validation over Oxigraph terms: one pass to index the data, set-wise checks.

Why not only pySHACL: it walks rdflib graphs term by term and needs about a minute for
the 339k triples of a 3,000-document archive (rudof, in Rust, about 15 s). This engine
reads the triples once (streamed by Oxigraph), keeps only the predicates the shapes talk
about, and checks each shape over all its focus nodes at once, memoising whether a node
conforms to a shape used by ``sh:node``/``sh:or``/``sh:qualifiedValueShape``: a few
seconds at that size. It implements the SHACL Core components and targets our shapes
and most hand-written shapes use; :func:`supports` says whether a shapes graph stays
within them, and :mod:`graph.validate` hands any other shapes graph to pySHACL. The tests
check that both engines report the same results on good and broken graphs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

import pyoxigraph as ox
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH, XSD
from rdflib.term import Node

__all__ = ["Result", "supports", "validate_triples"]

_TYPE = ox.NamedNode(str(RDF.type))
_SUBCLASS = ox.NamedNode(str(RDFS.subClassOf))
_LANG_STRING = str(RDF.langString)

#: Lexical spaces of the XSD datatypes whose well-formedness sh:datatype checks.
_TZ = r"(?:Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00))?"
_YEAR = r"-?(?:[1-9]\d{3,}|0\d{3})"
_LEXICAL: dict[str, re.Pattern[str]] = {
    str(XSD.integer): re.compile(r"[+-]?\d+"),
    str(XSD.int): re.compile(r"[+-]?\d+"),
    str(XSD.long): re.compile(r"[+-]?\d+"),
    str(XSD.nonNegativeInteger): re.compile(r"\+?\d+|-0+"),
    str(XSD.positiveInteger): re.compile(r"\+?0*[1-9]\d*"),
    str(XSD.decimal): re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"),
    str(XSD.double): re.compile(r"[+-]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|INF)|NaN"),
    str(XSD.float): re.compile(r"[+-]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|INF)|NaN"),
    str(XSD.boolean): re.compile(r"true|false|1|0"),
    str(XSD.date): re.compile(_YEAR + r"-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])" + _TZ),
    str(XSD.gYearMonth): re.compile(_YEAR + r"-(?:0[1-9]|1[0-2])" + _TZ),
    str(XSD.gYear): re.compile(_YEAR + _TZ),
    str(XSD.dateTime): re.compile(
        _YEAR + r"-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d"
        r"(?:\.\d+)?" + _TZ
    ),
}
_NUMERIC = {str(XSD[n]) for n in ("integer", "int", "long", "decimal", "double", "float",
                                   "nonNegativeInteger", "positiveInteger")}  # fmt: skip

#: Components this engine evaluates (anything else in a shapes graph goes to pySHACL).
_PARAMETERS = {
    SH["class"], SH.datatype, SH.nodeKind, SH.minCount, SH.maxCount, SH["in"], SH.pattern,
    SH.flags, SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive,
    SH.uniqueLang, SH.lessThanOrEquals, SH.lessThan, SH.node, SH["or"], SH["and"], SH["not"],
    SH.qualifiedValueShape, SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.hasValue,
    SH.minLength, SH.maxLength, SH.languageIn, SH.equals, SH.disjoint,
}  # fmt: skip
_DESCRIPTIVE = {
    SH.path, SH.property, SH.message, SH.severity, SH.name, SH.description, SH.targetClass,
    SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.deactivated, SH.order,
    SH.group, SH.defaultValue, RDF.type, RDFS.comment, RDFS.label,
}  # fmt: skip


@dataclass(frozen=True)
class Result:
    """One validation result, in Oxigraph terms (``path`` is a predicate, ``^p`` or None)."""

    focus: Any
    path: str | None
    component: str  # local name, e.g. "MinCountConstraintComponent"
    message: str
    value: Any = None
    severity: str = "Violation"


def _ox(term: Node) -> Any:
    from graph.store import to_oxigraph

    return to_oxigraph(term)


def _all_shapes(shapes: Graph) -> set[Node]:
    found: set[Node] = set(shapes.subjects(RDF.type, SH.NodeShape))
    found |= set(shapes.subjects(RDF.type, SH.PropertyShape))
    found |= set(shapes.objects(None, SH.property))
    for predicate in (SH.node, SH.qualifiedValueShape, SH["not"]):
        found |= set(shapes.objects(None, predicate))
    for predicate in (SH["or"], SH["and"]):
        for head in shapes.objects(None, predicate):
            found |= set(Collection(shapes, head))
    return found


def supports(shapes: Graph) -> bool:
    """True when every shape uses only the targets, paths and components implemented here."""
    for shape in _all_shapes(shapes):
        for predicate, obj in shapes.predicate_objects(shape):
            if predicate in _PARAMETERS or predicate in _DESCRIPTIVE:
                if predicate == SH.path and not (
                    isinstance(obj, URIRef)
                    or (
                        isinstance(obj, BNode)
                        and isinstance(shapes.value(obj, SH.inversePath), URIRef)
                    )
                ):
                    return False
                continue
            if str(predicate).startswith(str(SH)):
                return False  # sh:closed, sh:sparql, complex paths, ...
        if (shape, RDF.type, RDFS.Class) in shapes:
            return False  # implicit class targets
    return True


class _Data:
    """The triples the shapes need, indexed by predicate (both directions, on demand)."""

    def __init__(self, triples: Iterable[Any], predicates: set[Any], inverse: set[Any]) -> None:
        self.forward: dict[Any, dict[Any, list[Any]]] = {p: defaultdict(list) for p in predicates}
        self.backward: dict[Any, dict[Any, list[Any]]] = {p: defaultdict(list) for p in inverse}
        seen: set[tuple[Any, Any, Any]] = set()
        for triple in triples:
            p = triple.predicate
            forward, backward = self.forward.get(p), self.backward.get(p)
            if forward is None and backward is None:
                continue
            s, o = triple.subject, triple.object
            if (s, p, o) in seen:
                continue  # the same triple in two named graphs
            seen.add((s, p, o))
            if forward is not None:
                forward[s].append(o)
            if backward is not None:
                backward[o].append(s)
        types = self.forward[_TYPE]
        subclass = self.forward.get(_SUBCLASS, {})
        self._supers: dict[Any, set[Any]] = {}
        self._subclass = subclass
        self.types = types

    def values(self, focus: Any, path: tuple[bool, Any]) -> list[Any]:
        inverse, predicate = path
        index = self.backward[predicate] if inverse else self.forward[predicate]
        return index.get(focus, [])

    def superclasses(self, cls: Any) -> set[Any]:
        found = self._supers.get(cls)
        if found is None:
            found, todo = {cls}, [cls]
            while todo:
                for parent in self._subclass.get(todo.pop(), ()):
                    if parent not in found:
                        found.add(parent)
                        todo.append(parent)
            self._supers[cls] = found
        return found

    def is_instance(self, node: Any, cls: Any) -> bool:
        return any(cls in self.superclasses(t) for t in self.types.get(node, ()))

    def instances(self, cls: Any) -> set[Any]:
        return {
            s for s, types in self.types.items() if any(cls in self.superclasses(t) for t in types)
        }


def _number(term: Any) -> Decimal | None:
    if not isinstance(term, ox.Literal) or term.datatype.value not in _NUMERIC:
        return None
    try:
        return Decimal(term.value.replace("INF", "Infinity"))
    except InvalidOperation:
        return None


def _compare(value: Any, bound: Any) -> int | None:
    """-1/0/1 when SPARQL would order the two literals, None when they are incomparable.

    Numbers compare by value (an ill-formed number compares with nothing); strings and
    well-formed dates of one datatype compare by their lexical forms.
    """
    a, b = _number(value), _number(bound)
    if a is not None and b is not None:
        return (a > b) - (a < b)
    if not (isinstance(value, ox.Literal) and isinstance(bound, ox.Literal)):
        return None
    datatype = value.datatype.value
    if datatype in _NUMERIC or bound.datatype.value in _NUMERIC:
        return None
    if value.language or bound.language or value.datatype != bound.datatype:
        return None
    if datatype != str(XSD.string) and not (
        datatype in _LEXICAL and _well_formed(value, datatype) and _well_formed(bound, datatype)
    ):
        return None
    return (value.value > bound.value) - (value.value < bound.value)


def _well_formed(term: Any, datatype: str) -> bool:
    if not isinstance(term, ox.Literal):
        return False
    if datatype == _LANG_STRING:
        return bool(term.language)
    if term.language or term.datatype.value != datatype:
        return False
    pattern = _LEXICAL.get(datatype)
    return pattern is None or bool(pattern.fullmatch(term.value))


_NODE_KINDS = {
    SH.IRI: (ox.NamedNode,),
    SH.BlankNode: (ox.BlankNode,),
    SH.Literal: (ox.Literal,),
    SH.BlankNodeOrIRI: (ox.BlankNode, ox.NamedNode),
    SH.BlankNodeOrLiteral: (ox.BlankNode, ox.Literal),
    SH.IRIOrLiteral: (ox.NamedNode, ox.Literal),
}


_COMPARISONS = {
    SH.minInclusive: ("MinInclusiveConstraintComponent", (0, 1)),
    SH.maxInclusive: ("MaxInclusiveConstraintComponent", (-1, 0)),
    SH.minExclusive: ("MinExclusiveConstraintComponent", (1,)),
    SH.maxExclusive: ("MaxExclusiveConstraintComponent", (-1,)),
}


@dataclass
class _Shape:
    """A shape read once from the shapes graph: its path, its constraints, its messages."""

    node: Node
    path: tuple[bool, Any] | None
    shown_path: str | None
    message: dict[str, str]  # component -> message (the shape's own, else a default)
    severity: str
    constraints: list[tuple[str, Any]]
    properties: list[Node]
    active: bool


class _Engine:
    def __init__(self, shapes: Graph, data: _Data) -> None:
        self.shapes = shapes
        self.data = data
        self._compiled: dict[Node, _Shape] = {}
        self._conforms: dict[tuple[Node, Any], bool] = {}

    # -- reading shapes (once each)

    def shape(self, node: Node) -> _Shape:
        found = self._compiled.get(node)
        if found is None:
            found = self._compile(node)
            self._compiled[node] = found
        return found

    def _compile(self, node: Node) -> _Shape:
        shapes = self.shapes
        raw = shapes.value(node, SH.path)
        path: tuple[bool, Any] | None = None
        if isinstance(raw, URIRef):
            path = (False, _ox(raw))
        elif raw is not None:
            path = (True, _ox(shapes.value(raw, SH.inversePath)))
        shown = None if path is None else ("^" if path[0] else "") + path[1].value
        messages = list(shapes.objects(node, SH.message))
        english = [str(m) for m in messages if isinstance(m, Literal) and m.language == "en"]
        own = (english or sorted(str(m) for m in messages) or [None])[0]
        severity = shapes.value(node, SH.severity)
        constraints: list[tuple[str, Any]] = []
        for predicate, parameter in sorted(shapes.predicate_objects(node)):
            constraint = self._constraint(node, predicate, parameter, path)
            if constraint is not None:
                constraints.append(constraint)
        components = {c[1][0] if c[0] == "compare" else c[0] for c in constraints}
        return _Shape(
            node=node,
            path=path,
            shown_path=shown,
            message={c: own or f"{c} violated" for c in components | _QUALIFIED},
            severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
            constraints=constraints,
            properties=sorted(shapes.objects(node, SH.property)),
            active=shapes.value(node, SH.deactivated) != Literal(True),
        )

    def _constraint(
        self, node: Node, predicate: Node, parameter: Node, path: tuple[bool, Any] | None
    ) -> tuple[str, Any] | None:
        shapes = self.shapes
        if predicate == SH["class"]:
            return ("ClassConstraintComponent", _ox(parameter))
        if predicate == SH.datatype:
            return ("DatatypeConstraintComponent", str(parameter))
        if predicate == SH.nodeKind:
            return ("NodeKindConstraintComponent", _NODE_KINDS.get(parameter, ()))
        if predicate == SH.minCount and path is not None:
            return ("MinCountConstraintComponent", int(parameter))  # type: ignore[call-overload]
        if predicate == SH.maxCount and path is not None:
            return ("MaxCountConstraintComponent", int(parameter))  # type: ignore[call-overload]
        if predicate == SH["in"]:
            return ("InConstraintComponent", {_ox(t) for t in Collection(shapes, parameter)})
        if predicate == SH.hasValue:
            return ("HasValueConstraintComponent", _ox(parameter))
        if predicate == SH.pattern:
            flags = str(shapes.value(node, SH.flags) or "")
            regex = re.compile(str(parameter), re.IGNORECASE if "i" in flags else 0)
            return ("PatternConstraintComponent", regex)
        if predicate == SH.minLength:
            return ("MinLengthConstraintComponent", int(parameter))  # type: ignore[call-overload]
        if predicate == SH.maxLength:
            return ("MaxLengthConstraintComponent", int(parameter))  # type: ignore[call-overload]
        if predicate in _COMPARISONS:
            return ("compare", (*_COMPARISONS[predicate], _ox(parameter)))
        if predicate == SH.languageIn:
            languages = tuple(str(t).lower() for t in Collection(shapes, parameter))
            return ("LanguageInConstraintComponent", languages)
        if predicate == SH.uniqueLang and parameter == Literal(True) and path is not None:
            return ("UniqueLangConstraintComponent", None)
        if predicate == SH.lessThan:
            return ("LessThanConstraintComponent", (_ox(parameter), (-1,)))
        if predicate == SH.lessThanOrEquals:
            return ("LessThanOrEqualsConstraintComponent", (_ox(parameter), (-1, 0)))
        if predicate == SH.equals:
            return ("EqualsConstraintComponent", _ox(parameter))
        if predicate == SH.disjoint:
            return ("DisjointConstraintComponent", _ox(parameter))
        if predicate == SH.node:
            return ("NodeConstraintComponent", parameter)
        if predicate == SH["not"]:
            return ("NotConstraintComponent", parameter)
        if predicate == SH["or"]:
            return ("OrConstraintComponent", tuple(Collection(shapes, parameter)))
        if predicate == SH["and"]:
            return ("AndConstraintComponent", tuple(Collection(shapes, parameter)))
        if predicate == SH.qualifiedValueShape and path is not None:
            low = shapes.value(node, SH.qualifiedMinCount)
            high = shapes.value(node, SH.qualifiedMaxCount)
            return (
                "qualified",
                (
                    parameter,
                    None if low is None else int(low),  # type: ignore[call-overload]
                    None if high is None else int(high),  # type: ignore[call-overload]
                ),
            )
        return None

    def targets(self, node: Node) -> set[Any]:
        shapes, data = self.shapes, self.data
        found: set[Any] = set()
        for cls in shapes.objects(node, SH.targetClass):
            found |= data.instances(_ox(cls))
        for target in shapes.objects(node, SH.targetNode):
            found.add(_ox(target))
        for predicate in shapes.objects(node, SH.targetSubjectsOf):
            found |= set(data.forward[_ox(predicate)])
        for predicate in shapes.objects(node, SH.targetObjectsOf):
            found |= set(data.backward[_ox(predicate)])
        return found

    # -- evaluation

    def conforms(self, node: Node, focus: Any) -> bool:
        key = (node, focus)
        found = self._conforms.get(key)
        if found is None:
            self._conforms[key] = True  # a recursive shape conforms to itself
            found = next(self.check(node, focus), None) is None
            self._conforms[key] = found
        return found

    def check(self, node: Node, focus: Any) -> Iterator[Result]:
        """Every result of a shape on one focus node (lazily: ``conforms`` stops at one)."""
        shape = self.shape(node)
        if not shape.active:
            return
        values = [focus] if shape.path is None else self.data.values(focus, shape.path)
        for kind, parameter in shape.constraints:
            for component, value in self._failures(kind, parameter, focus, values, shape):
                yield Result(
                    focus=focus,
                    path=shape.shown_path,
                    component=component,
                    message=shape.message[component],
                    value=value,
                    severity=shape.severity,
                )
        for prop in shape.properties:
            for value_node in values:
                yield from self.check(prop, value_node)

    def _failures(
        self, kind: str, parameter: Any, focus: Any, values: list[Any], shape: _Shape
    ) -> Iterator[tuple[str, Any]]:
        """(component, value) for each way ``values`` fail one constraint."""
        data = self.data
        if kind == "ClassConstraintComponent":
            for v in values:
                if not data.is_instance(v, parameter):
                    yield kind, v
        elif kind == "DatatypeConstraintComponent":
            for v in values:
                if not _well_formed(v, parameter):
                    yield kind, v
        elif kind == "NodeKindConstraintComponent":
            for v in values:
                if not isinstance(v, parameter):
                    yield kind, v
        elif kind == "MinCountConstraintComponent":
            if len(set(values)) < parameter:
                yield kind, None
        elif kind == "MaxCountConstraintComponent":
            if len(set(values)) > parameter:
                yield kind, None
        elif kind == "InConstraintComponent":
            for v in values:
                if v not in parameter:
                    yield kind, v
        elif kind == "HasValueConstraintComponent":
            if parameter not in values:
                yield kind, None
        elif kind == "PatternConstraintComponent":
            for v in values:
                if isinstance(v, ox.BlankNode) or not parameter.search(v.value):
                    yield kind, v
        elif kind in ("MinLengthConstraintComponent", "MaxLengthConstraintComponent"):
            for v in values:
                size = None if isinstance(v, ox.BlankNode) else len(v.value)
                short = kind.startswith("Min")
                if size is None or (size < parameter if short else size > parameter):
                    yield kind, v
        elif kind == "compare":
            component, good, bound = parameter
            for v in values:
                if _compare(v, bound) not in good:
                    yield component, v
        elif kind == "LanguageInConstraintComponent":
            for v in values:
                tag = v.language.lower() if isinstance(v, ox.Literal) and v.language else ""
                if not any(tag == lang or tag.startswith(lang + "-") for lang in parameter):
                    yield kind, v
        elif kind == "UniqueLangConstraintComponent":
            seen: dict[str, int] = defaultdict(int)
            for v in set(values):
                if isinstance(v, ox.Literal) and v.language:
                    seen[v.language.lower()] += 1
            if any(count > 1 for count in seen.values()):
                yield kind, None
        elif kind in ("LessThanConstraintComponent", "LessThanOrEqualsConstraintComponent"):
            other_predicate, good = parameter
            for other in data.values(focus, (False, other_predicate)):
                for v in values:
                    if _compare(v, other) not in good:
                        yield kind, v
        elif kind in ("EqualsConstraintComponent", "DisjointConstraintComponent"):
            others, mine = set(data.values(focus, (False, parameter))), set(values)
            differing = mine ^ others if kind.startswith("Equals") else mine & others
            for v in sorted(differing, key=str):
                yield kind, v
        elif kind == "NodeConstraintComponent":
            for v in values:
                if not self.conforms(parameter, v):
                    yield kind, v
        elif kind == "NotConstraintComponent":
            for v in values:
                if self.conforms(parameter, v):
                    yield kind, v
        elif kind in ("OrConstraintComponent", "AndConstraintComponent"):
            test = any if kind.startswith("Or") else all
            for v in values:
                if not test(self.conforms(member, v) for member in parameter):
                    yield kind, v
        elif kind == "qualified":
            member, low, high = parameter
            matching = sum(1 for v in set(values) if self.conforms(member, v))
            if low is not None and matching < low:
                yield "QualifiedMinCountConstraintComponent", None
            if high is not None and matching > high:
                yield "QualifiedMaxCountConstraintComponent", None


_QUALIFIED = {"QualifiedMinCountConstraintComponent", "QualifiedMaxCountConstraintComponent"}


def _needed_predicates(shapes: Graph) -> tuple[set[Any], set[Any]]:
    forward, backward = {_TYPE, _SUBCLASS}, set()
    for path in shapes.objects(None, SH.path):
        if isinstance(path, URIRef):
            forward.add(_ox(path))
        else:
            backward.add(_ox(shapes.value(path, SH.inversePath)))
    for predicate in shapes.objects(None, SH.targetSubjectsOf):
        forward.add(_ox(predicate))
    for predicate in shapes.objects(None, SH.targetObjectsOf):
        backward.add(_ox(predicate))
    for predicate in (SH.lessThan, SH.lessThanOrEquals, SH.equals, SH.disjoint):
        for other in shapes.objects(None, predicate):
            forward.add(_ox(other))
    return forward, backward


def validate_triples(triples: Iterable[Any], shapes: Graph) -> list[Result]:
    """Every result of every targeted shape (call :func:`supports` first)."""
    forward, backward = _needed_predicates(shapes)
    engine = _Engine(shapes, _Data(triples, forward, backward))
    results: list[Result] = []
    for shape in sorted(_all_shapes(shapes), key=str):
        for focus in sorted(engine.targets(shape), key=str):
            results.extend(engine.check(shape, focus))
    return results
