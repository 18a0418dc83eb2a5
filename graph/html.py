"""The interactive HTML page of a graph: one self-contained file people can open from disk.

Why it is built this way:

* **One file, no network.** The page is mailed around and opened from ``file://``, often
  offline, so vis-network's JavaScript and CSS (taken from the installed pyvis package) are
  inlined and a Content-Security-Policy with ``default-src 'none'`` forbids every fetch.
  pyvis's own templates link a CDN even in ``in_line`` mode, hence our own Jinja2 template.
* **Untrusted text.** Labels and evidence sentences come from arbitrary documents. The data
  travels as JSON inside ``<script type="application/json">`` with ``<``, ``>``, ``&`` and
  U+2028/U+2029 escaped (:func:`embed_json`); the page builds its DOM with ``textContent``
  only; and the CSP admits only our two inline scripts, by hash, so even a bug that let
  markup through could not run it.
* **The page does the drawing, Python does the reading.** :func:`build_view` turns the RDF
  shape of :mod:`graph.rdf` into a compact view model (nodes, edges, evidence, labels from
  the ontology, importance); ``graph/templates/graph.js`` draws and explores it.
* **Big graphs stay readable.** Above :data:`LARGE_GRAPH_THRESHOLD` nodes the page draws the
  most important ones (PageRank) of whatever the filters admit; a search brings any entity
  in with its most important neighbours; a period filter keeps the facts whose evidence
  comes from documents dated (``dcterms:issued``) within it. Every fact's evidence names its
  document, so the page dates facts without any extra data.
"""

from __future__ import annotations

import base64
import calendar
import hashlib
import json
import math
import os
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO

import jinja2
from markupsafe import Markup
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from graph.errors import QueryError
from graph.model import ENTITY_CLASSES, RELATIONS
from graph.namespaces import KG, WD
from graph.ontology import symmetric_relations, term_labels
from graph.outputs import write_atomic_stream
from graph.query import QueryResult

__all__ = [
    "ATTRIBUTES",
    "CLASS_STYLES",
    "LARGE_GRAPH_THRESHOLD",
    "NEIGHBOUR_LIMIT",
    "RELATIONS",
    "build_view",
    "embed_json",
    "iter_embedded_json",
    "render_html",
    "write_html",
    "write_page",
    "write_query_html",
]

#: Above this many nodes the page first shows only the most important ones (and says how
#: many it hides): vis-network lays out a few hundred nodes in well under a second, and a
#: hairball of thousands tells nobody anything before they filter or search.
LARGE_GRAPH_THRESHOLD = 300

#: A search brings its entity into a capped view with at most this many of its neighbours
#: (the most important first): enough to see its context, not so many that a hub such as
#: OpenAI floods the view. The side panel still lists every fact.
NEIGHBOUR_LIMIT = 60


#: Attribute predicates shown in the side panel (literal values, never nodes).
ATTRIBUTES: tuple[str, ...] = ("parameterCount", "trainingCost", "relativeQuality", "releaseDate")

#: Colour (Okabe-Ito, readable by colour-blind readers) and vis-network shape per class.
#: Shapes that draw the label *below* the node are used so node size can show importance.
CLASS_STYLES: dict[str, dict[str, Any]] = {
    "Organization": {"color": "#0072B2", "shape": "hexagon"},
    "Person": {"color": "#E69F00", "shape": "star"},
    "AIModel": {"color": "#D55E00", "shape": "dot"},
    "Product": {"color": "#009E73", "shape": "diamond"},
    "Technique": {"color": "#CC79A7", "shape": "triangle"},
    "Dataset": {"color": "#56B4E9", "shape": "triangleDown"},
    "Concept": {"color": "#E8D534", "shape": "dot", "dashes": True},
    "Document": {"color": "#8C8C8C", "shape": "square"},
    "Entity": {"color": "#BBBBBB", "shape": "dot"},
}

#: Edge colour by kind of relation: lineage (blue-grey), rivalry and stance (red), business
#: and people (green). Seventeen distinct colours would be noise; three groups read at a glance.
_RELATION_GROUPS: dict[str, str] = {
    **dict.fromkeys(
        ("developed", "fineTunedFrom", "basedOn", "trainedOn", "variantOf", "uses"), "#5B7083"
    ),
    **dict.fromkeys(("outperforms", "competesWith", "viewsAsThreat", "viewsAsWinner"), "#C0392B"),
    **dict.fromkeys(
        ("owns", "acquired", "investedIn", "partneredWith", "worksFor", "founded", "authoredBy"),
        "#2E8B57",
    ),
}

_LANGUAGES = ("ja", "en")
_VIS_DIR = ("templates", "lib", "vis-9.1.2")
_XSD = "http://www.w3.org/2001/XMLSchema#"
_SOURCE_MAP = re.compile(r"^(?://|/\*)# sourceMappingURL=[^\n]*$", re.MULTILINE)


# ---------------------------------------------------------------- resources


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS from the installed pyvis package, made safe to inline."""
    import pyvis

    base = Path(pyvis.__file__).parent.joinpath(*_VIS_DIR)
    js = base.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    css = base.joinpath("vis-network.css").read_text(encoding="utf-8")
    # The source-map comment would make an open DevTools fetch a file that is not there.
    # (A regular expression, not splitlines(): the minified code holds U+2028 and friends.)
    js = _SOURCE_MAP.sub("", js)
    css = _SOURCE_MAP.sub("", css)
    _check_inlinable(js, "script")
    _check_inlinable(css, "style")
    return js, css


def _template_text(name: str) -> str:
    return (resources.files("graph") / "templates" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FunctionLoader(_template_text),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def _check_inlinable(text: str, tag: str) -> None:
    """Refuse code that would end its own inline element early (a corrupted page).

    ``</script`` ends the element; ``<!--`` can switch the HTML parser into the "double
    escaped" state in which a later ``<script`` hides the real end tag.
    """
    lowered = text.lower()
    if f"</{tag}" in lowered or "<!--" in lowered:
        raise RuntimeError(f"cannot inline text containing '</{tag}' or '<!--'")


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


# ---------------------------------------------------------------- JSON


def embed_json(data: object) -> str:
    """JSON that is safe inside ``<script type="application/json">`` in an HTML page.

    ``<`` and ``>`` are escaped so no ``</script>`` or ``<!--`` can close or confuse the
    element, ``&`` so no character reference is ever formed, and U+2028/U+2029 because
    older JavaScript parsers treat them as line ends. All of them occur only inside JSON
    strings, where ``\\uXXXX`` escapes mean exactly the same characters.
    """
    return "".join(iter_embedded_json(data))


_JSON_SLICE = 1024  # list items encoded per piece


def _json(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def iter_embedded_json(data: object) -> Iterator[str]:
    """:func:`embed_json` in pieces, so a big page is written without its whole text in
    memory (a 3,000-document page held four copies of it). The pieces join to exactly
    ``json.dumps(data)``'s text: a dict's keys in order, its long lists a slice of items at
    a time, each piece escaped alone (every escaped character lies inside a string)."""
    if not isinstance(data, dict) or not all(isinstance(key, str) for key in data):
        yield _json(data)
        return
    yield "{"
    for number, (key, value) in enumerate(data.items()):
        yield ("," if number else "") + _json(key) + ":"
        if isinstance(value, list) and len(value) > _JSON_SLICE:
            for start in range(0, len(value), _JSON_SLICE):
                items = ",".join(_json(item) for item in value[start : start + _JSON_SLICE])
                yield ("[" if start == 0 else ",") + items
            yield "]"
        else:
            yield _json(value)
    yield "}"


# ---------------------------------------------------------------- reading the graph


def _local(term: URIRef) -> str:
    text = str(term)
    for sep in ("#", "/"):
        if sep in text:
            text = text.rsplit(sep, 1)[1] or text
    return text


def _lang_of(literal: Literal) -> str:
    return (literal.language or "").split("-")[0].lower()


def _int(value: object) -> int | None:
    if isinstance(value, Literal):
        try:
            return int(str(value))
        except ValueError:
            return None
    return None


def _float(value: object) -> float | None:
    if isinstance(value, Literal):
        try:
            number = float(str(value))
        except ValueError:
            return None
        return number if math.isfinite(number) else None
    return None


def _value(graph: Graph, node: object, predicate: URIRef) -> object | None:
    """``graph.value`` for any node a triple may hold (literals have no properties)."""
    if not isinstance(node, URIRef | BNode):
        return None
    return graph.value(node, predicate)


def _entity_classes(graph: Graph) -> dict[URIRef, str]:
    """Each typed entity IRI with its contract class (first in ENTITY_CLASSES order)."""
    classes: dict[URIRef, str] = {}
    for name in ENTITY_CLASSES:
        for subject in graph.subjects(RDF.type, KG[name]):
            if isinstance(subject, URIRef) and subject not in classes:
                classes[subject] = name
    return classes


def _is_source_document(graph: Graph, node: URIRef) -> bool:
    return (node, KG.sourcePath, None) in graph


def _labels(graph: Graph, node: URIRef) -> tuple[dict[str, str], list[str]]:
    """Display label per language, and every distinct label (for search and the panel).

    Preference per language: skos:prefLabel, rdfs:label, then any label in the other
    language, then an altLabel, then the IRI's local name — a node is never nameless.
    """
    pref = [o for o in graph.objects(node, SKOS.prefLabel) if isinstance(o, Literal)]
    plain = [o for o in graph.objects(node, RDFS.label) if isinstance(o, Literal)]
    alt = [o for o in graph.objects(node, SKOS.altLabel) if isinstance(o, Literal)]
    titles = [o for o in graph.objects(node, DCTERMS.title) if isinstance(o, Literal)]
    ordered = sorted(pref, key=str) + sorted(plain, key=str) + sorted(titles, key=str)
    display: dict[str, str] = {}
    for lang in _LANGUAGES:
        for literal in ordered:
            if _lang_of(literal) == lang:
                display[lang] = str(literal)
                break
    fallback = (
        next(iter(display.values()), None)
        or next((str(x) for x in ordered), None)
        or next((str(x) for x in sorted(alt, key=str)), None)
        or _local(node)
    )
    for lang in _LANGUAGES:
        display.setdefault(lang, fallback)
    names: list[str] = []
    for literal in [*ordered, *sorted(alt, key=lambda x: (_lang_of(x), str(x)))]:
        if str(literal) not in names:
            names.append(str(literal))
    return display, names


def _wikidata(graph: Graph, node: URIRef) -> str | None:
    return _wikidata_id(str(target) for target in graph.objects(node, OWL.sameAs))


def _wikidata_id(targets: Iterable[str]) -> str | None:
    """The Wikidata item (Q…) among ``owl:sameAs`` targets, the first in IRI order."""
    prefix = str(WD)
    for text in sorted(targets):
        if text.startswith(prefix) and text[len(prefix) :][1:].isdigit():
            qid = text[len(prefix) :]
            if qid.startswith("Q"):
                return qid
    return None


def _statement_index(graph: Graph) -> dict[tuple[object, object, object], list[URIRef | BNode]]:
    index: dict[tuple[object, object, object], list[URIRef | BNode]] = defaultdict(list)
    for statement in graph.subjects(RDF.type, RDF.Statement):
        subject = graph.value(statement, RDF.subject)
        predicate = graph.value(statement, RDF.predicate)
        obj = graph.value(statement, RDF.object)
        if subject is not None and predicate is not None and obj is not None:
            index[(subject, predicate, obj)].append(statement)  # type: ignore[arg-type]
    return index


class _Evidence:
    """Interns documents, sentences and evidence records into flat tables.

    A sentence often supports several statements; storing it once keeps big pages small.
    """

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.docs: list[dict[str, Any]] = []
        self.texts: list[str] = []
        self.records: list[dict[str, Any]] = []
        self._doc_index: dict[object, int] = {}
        self._text_index: dict[str, int] = {}
        self._record_index: dict[object, int] = {}

    def _doc(self, node: object) -> int | None:
        if node is None:
            return None
        if node not in self._doc_index:
            g = self.graph
            title = _value(g, node, DCTERMS.title) or _value(g, node, RDFS.label)
            path = _value(g, node, KG.sourcePath)
            language = _value(g, node, DCTERMS.language)
            if title is None:
                title = path if path is not None else _local(URIRef(str(node)))
            self._doc_index[node] = len(self.docs)
            item = {
                "iri": str(node),
                "title": str(title),
                "path": str(path) if path is not None else "",
                "lang": str(language) if language is not None else "",
            }
            period = _issued(g, node)
            if period is not None:
                item["date"], item["from"], item["to"] = period
            self.docs.append(item)
        return self._doc_index[node]

    def _text(self, text: str) -> int:
        if text not in self._text_index:
            self._text_index[text] = len(self.texts)
            self.texts.append(text)
        return self._text_index[text]

    def record(self, node: object) -> int:
        if node in self._record_index:
            return self._record_index[node]
        g = self.graph
        sentence = _value(g, node, KG.sentence)
        start = _int(_value(g, node, KG.sentenceStart))
        begin = _int(_value(g, node, KG.startOffset))
        end = _int(_value(g, node, KG.endOffset))
        item: dict[str, Any] = {"s": self._text(str(sentence) if sentence is not None else "")}
        if start is not None and begin is not None and end is not None:
            # Offsets are into the document; the page wants them relative to the sentence.
            item["a"], item["b"] = begin - start, end - start
        doc = self._doc(_value(g, node, PROV.hadPrimarySource))
        if doc is not None:
            item["d"] = doc
        method = _value(g, node, KG.method)
        if method is not None:
            item["m"] = str(method)
        confidence = _float(_value(g, node, KG.confidence))
        if confidence is not None:
            item["c"] = round(confidence, 3)
        raw = _value(g, node, KG.rawText)
        if raw is not None:
            item["r"] = str(raw)
        self._record_index[node] = len(self.records)
        self.records.append(item)
        return self._record_index[node]


_ISSUED = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _issued(graph: Graph, document: object) -> tuple[str, str, str] | None:
    """A document's ``dcterms:issued`` as (lexical date, first day, last day), or None.

    The build writes an ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear``; a month or a year
    is the whole period it names, so a filter for March 2024 keeps a document dated "2024".
    Anything unreadable counts as undated rather than guessed. With several values the
    earliest wins, so the page is the same whatever order the graph lists them in.
    """
    if not isinstance(document, URIRef | BNode):
        return None
    return _issued_period(str(v) for v in graph.objects(document, DCTERMS.issued))


def _issued_period(values: Iterable[str]) -> tuple[str, str, str] | None:
    """:func:`_issued` over the lexical forms of a document's ``dcterms:issued`` values."""
    for value in sorted(values):
        match = _ISSUED.match(value.strip())
        if not match:
            continue
        year, month, day = match.group(1), match.group(2), match.group(3)
        try:
            if day is not None:
                first = last = date(int(year), int(month), int(day))
            elif month is not None:
                first = date(int(year), int(month), 1)
                last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
            else:
                first, last = date(int(year), 1, 1), date(int(year), 12, 31)
        except ValueError:  # month 13, February 30, year 0
            continue
        return match.group(0), first.isoformat(), last.isoformat()
    return None


def _support(
    graph: Graph,
    statements: list[URIRef | BNode],
    evidence: _Evidence,
) -> dict[str, Any]:
    """Confidence, evidence indices, unit and baseline of the statements behind one triple."""
    out: dict[str, Any] = {}
    confidences = [
        c for c in (_float(graph.value(s, KG.confidence)) for s in statements) if c is not None
    ]
    if confidences:
        out["conf"] = round(max(confidences), 3)
    records: list[int] = []
    for statement in statements:
        for node in sorted(graph.objects(statement, KG.evidence), key=str):
            index = evidence.record(node)
            if index not in records:
                records.append(index)
    out["ev"] = records
    for statement in statements:
        unit = graph.value(statement, KG.unit)
        if unit is not None:
            out["unit"] = str(unit)
        baseline = graph.value(statement, KG.baseline)
        if isinstance(baseline, URIRef):
            out["baseline"] = baseline
    return out


# ---------------------------------------------------------------- formatting attributes


def _group_digits(value: int) -> str:
    return f"{value:,}"


def _trim(number: float) -> str:
    text = f"{number:.2f}".rstrip("0").rstrip(".")
    return text


def _count_text(value: int) -> dict[str, str]:
    """13000000000 → "13B" / "130億": how the news itself writes model sizes."""
    en = _group_digits(value)
    for scale, suffix in ((10**12, "T"), (10**9, "B"), (10**6, "M"), (10**3, "K")):
        if abs(value) >= scale:
            en = f"{_trim(value / scale)}{suffix}"
            break
    ja = _group_digits(value)
    for scale, suffix in ((10**12, "兆"), (10**8, "億"), (10**4, "万")):
        if abs(value) >= scale:
            ja = f"{_trim(value / scale)}{suffix}"
            break
    return {"en": en, "ja": ja}


def _attribute_text(
    name: str, value: Literal, support: dict[str, Any], labels: dict[URIRef, dict[str, str]]
) -> dict[str, str]:
    """Human reading of an attribute value, with its unit, in each language."""
    lexical = str(value)
    if name == "parameterCount":
        count = _int(value)
        if count is None:
            return {"ja": lexical, "en": lexical}
        short = _count_text(count)
        full = _group_digits(count)
        return {
            "en": f"{short['en']} parameters ({full})",
            "ja": f"{short['ja']} パラメータ（{full}）",
        }
    if name == "trainingCost":
        try:
            amount = Decimal(lexical)
        except InvalidOperation:
            return {"ja": lexical, "en": lexical}
        unit = support.get("unit", "USD")
        shown = f"{amount:,.2f}".removesuffix(".00")
        if unit == "USD":
            return {"en": f"US${shown}", "ja": f"{shown} 米ドル"}
        return {"en": f"{shown} {unit}", "ja": f"{shown} {unit}"}
    if name == "relativeQuality":
        ratio = _float(value)
        if ratio is None:
            return {"ja": lexical, "en": lexical}
        percent = f"{_trim(ratio * 100)}%"
        baseline = support.get("baseline")
        if isinstance(baseline, URIRef):
            names = labels.get(baseline) or {"ja": _local(baseline), "en": _local(baseline)}
            return {"en": f"{percent} of {names['en']}", "ja": f"{names['ja']}の{percent}"}
        return {"en": percent, "ja": percent}
    return {"ja": lexical, "en": lexical}


# ---------------------------------------------------------------- importance


def _pagerank(count: int, pairs: Iterable[tuple[int, int]], damping: float = 0.85) -> list[float]:
    """PageRank over the undirected graph of ``pairs`` (power iteration, deterministic).

    Undirected because a developer and what it developed both matter; hand-written rather
    than ``networkx.pagerank`` because that needs SciPy, which nothing else here does.
    """
    if count == 0:
        return []
    neighbours: list[list[int]] = [[] for _ in range(count)]
    for a, b in pairs:
        if a != b:
            neighbours[a].append(b)
            neighbours[b].append(a)
    rank = [1.0 / count] * count
    for _ in range(100):
        dangling = sum(rank[i] for i in range(count) if not neighbours[i])
        base = (1.0 - damping) / count + damping * dangling / count
        new = [base] * count
        for i, links in enumerate(neighbours):
            if links:
                share = damping * rank[i] / len(links)
                for j in links:
                    new[j] += share
        delta = sum(abs(x - y) for x, y in zip(new, rank, strict=True))
        rank = new
        if delta < 1e-9 * count:
            break
    return rank


# ---------------------------------------------------------------- the view model


def _detect_language(graph: Graph) -> str:
    """The language most source documents are in (ja or en); ja when unknown."""
    votes: Counter[str] = Counter()
    for doc in graph.subjects(RDF.type, KG.Document):
        for language in graph.objects(doc, DCTERMS.language):
            tag = str(language).split("-")[0].lower()
            if tag in _LANGUAGES:
                votes[tag] += 1
    return votes.most_common(1)[0][0] if votes else "ja"


def build_view(
    graph: Graph,
    *,
    title: str = "Knowledge graph",
    language: str | None = "ja",
    only_nodes: set[URIRef] | None = None,
    only_edges: set[tuple[URIRef, URIRef, URIRef]] | None = None,
) -> dict[str, Any]:
    """The page's data: nodes, edges, evidence, legend entries and labels.

    ``only_nodes``/``only_edges`` restrict the picture (query results) while details such
    as labels, attributes and evidence still come from the whole ``graph``.
    """
    term_names, symmetric = term_labels(), symmetric_relations()
    classes = _entity_classes(graph)
    excluded = set(graph.subjects(RDF.type, RDF.Statement)) | set(
        graph.subjects(RDF.type, KG.Evidence)
    )

    # Edges first: a source document is drawn only when a relation touches it.
    raw_edges: list[tuple[URIRef, str, URIRef]] = []
    endpoints: set[URIRef] = set()
    for name in RELATIONS:
        predicate = KG[name]
        for subject, obj in graph.subject_objects(predicate):
            if not (isinstance(subject, URIRef) and isinstance(obj, URIRef)):
                continue
            if subject in excluded or obj in excluded:
                continue
            if only_edges is not None and (subject, predicate, obj) not in only_edges:
                continue
            if only_nodes is not None and not (subject in only_nodes and obj in only_nodes):
                continue
            raw_edges.append((subject, name, obj))
            endpoints.update((subject, obj))

    node_class: dict[URIRef, str] = {}
    for node, name in classes.items():
        if only_nodes is not None and node not in only_nodes:
            continue
        # Source documents are provenance, not news content: drawn only when related, or
        # when a query result names them explicitly.
        if (
            only_nodes is None
            and name == "Document"
            and node not in endpoints
            and _is_source_document(graph, node)
        ):
            continue
        node_class[node] = name
    for node in endpoints:
        node_class.setdefault(node, classes.get(node, "Entity"))

    ordered = sorted(node_class, key=str)
    index = {node: i for i, node in enumerate(ordered)}
    labels: dict[URIRef, dict[str, str]] = {}
    names: dict[URIRef, list[str]] = {}
    for node in ordered:
        labels[node], names[node] = _labels(graph, node)

    statements = _statement_index(graph)
    evidence = _Evidence(graph)

    raw_edges.sort(key=lambda e: (index[e[0]], RELATIONS.index(e[1]), index[e[2]]))
    parallel: Counter[tuple[int, int]] = Counter()
    edges: list[dict[str, Any]] = []
    for subject, name, obj in raw_edges:
        a, b = index[subject], index[obj]
        pair = (min(a, b), max(a, b))
        support = _support(graph, statements.get((subject, KG[name], obj), []), evidence)
        edge: dict[str, Any] = {"id": len(edges), "from": a, "to": b, "p": name, **support}
        # Parallel edges between one pair get increasing curvature so none hides another;
        # opposite directions already bow to opposite sides (curvedCW).
        edge["k"] = parallel[pair]
        parallel[pair] += 1
        edges.append(edge)

    ranks = _pagerank(len(ordered), ((e["from"], e["to"]) for e in edges))
    mentions = {node: _int(graph.value(node, KG.mentionCount)) or 0 for node in ordered}
    order = sorted(
        range(len(ordered)),
        key=lambda i: (-ranks[i], -mentions[ordered[i]], labels[ordered[i]]["en"], i),
    )
    position = {i: p for p, i in enumerate(order)}
    top = max(ranks, default=1.0) or 1.0

    nodes: list[dict[str, Any]] = []
    for i, node in enumerate(ordered):
        item = node_item(
            i,
            str(node),
            node_class[node],
            labels[node],
            names[node],
            round(ranks[i] / top, 4),
            position[i],
            mentions[node],
            _wikidata(graph, node),
        )
        attributes = []
        for name in ATTRIBUTES:
            for value in sorted(graph.objects(node, KG[name]), key=str):
                if not isinstance(value, Literal):
                    continue
                support = _support(graph, statements.get((node, KG[name], value), []), evidence)
                attribute: dict[str, Any] = {
                    "p": name,
                    "v": str(value),
                    "t": _attribute_text(name, value, support, labels),
                    **support,
                }
                if value.datatype is not None and str(value.datatype).startswith(_XSD):
                    attribute["dt"] = str(value.datatype)[len(_XSD) :]
                baseline = attribute.pop("baseline", None)
                if baseline is not None:
                    attribute["base"] = index.get(baseline, str(baseline))
                attributes.append(attribute)
        if attributes:
            item["a"] = attributes
        nodes.append(item)

    default_language = language if language in _LANGUAGES else _detect_language(graph)
    return page_payload(
        title,
        default_language,
        nodes,
        edges,
        Counter(node_class.values()),
        (evidence.records, evidence.texts, evidence.docs),
        term_names,
        symmetric,
    )


def node_item(
    i: int,
    iri: str,
    entity_class: str,
    label: Any,
    names: Any,
    importance: float,
    rank: int,
    mentions: Any,
    wikidata: str | None,
) -> dict[str, Any]:
    """One node of the page's data, the same from Turtle (:func:`graph_data`) and from
    records (:mod:`graph.view`); attributes are added by the caller."""
    item: dict[str, Any] = {
        "id": i,
        "iri": iri,
        "c": entity_class,
        "l": label,
        "n": names,
        "imp": importance,
        "rank": rank,
    }
    if mentions:
        item["m"] = mentions
    if wikidata:
        item["wd"] = wikidata
    return item


def page_payload(
    title: str,
    language: str,
    nodes: list[dict[str, Any]],
    edges: list[dict[str, Any]],
    class_counts: Counter[str],
    evidence: tuple[list[Any], list[str], list[dict[str, Any]]],
    term_names: Mapping[str, Any],
    symmetric: Iterable[str],
) -> dict[str, Any]:
    """The page's data from its nodes, edges and evidence tables: one shape whether the
    graph was read from Turtle (:func:`graph_data`) or built from records
    (:mod:`graph.view`)."""
    records, texts, docs = evidence
    symmetric = set(symmetric)
    relation_counts = Counter(e["p"] for e in edges)
    present_classes = [c for c in (*ENTITY_CLASSES, "Entity") if class_counts[c]]
    dated = [d for d in docs if "from" in d]
    return {
        "meta": {
            "title": title,
            "language": language,
            "threshold": LARGE_GRAPH_THRESHOLD,
            "neighbourLimit": NEIGHBOUR_LIMIT,
            "nodeCount": len(nodes),
            "edgeCount": len(edges),
            "dates": {
                "min": min((d["from"] for d in dated), default=None),
                "max": max((d["to"] for d in dated), default=None),
                "dated": len(dated),
                "undated": len(docs) - len(dated),
            },
        },
        "classes": [
            {
                "id": c,
                "label": _both(term_names.get(c), c),
                "count": class_counts[c],
                **CLASS_STYLES[c],
            }
            for c in present_classes
        ],
        "relations": [
            {
                "id": r,
                "label": _both(term_names.get(r), r),
                "count": relation_counts[r],
                "color": _RELATION_GROUPS[r],
                "symmetric": r in symmetric,
            }
            for r in RELATIONS
            if relation_counts[r]
        ],
        "attributes": {a: _both(term_names.get(a), a) for a in ATTRIBUTES},
        "nodes": nodes,
        "edges": edges,
        "evidence": records,
        "texts": texts,
        "docs": docs,
    }


def _both(labels: dict[str, str] | None, fallback: str) -> dict[str, str]:
    labels = labels or {}
    return {lang: labels.get(lang) or labels.get("en") or fallback for lang in _LANGUAGES}


# ---------------------------------------------------------------- rendering


#: Where the page's data goes in the rendered template (no JSON or page text holds it).
_DATA_MARK = "\x00kg-data\x00"


def _page_parts(view: dict[str, Any]) -> tuple[str, str]:
    """The page before and after its embedded data."""
    vis_js, vis_css = _vis_assets()
    app_js = _template_text("graph.js")
    app_css = _template_text("graph.css")
    _check_inlinable(app_js, "script")
    _check_inlinable(app_css, "style")
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {_csp_hash(vis_js)} {_csp_hash(app_js)}",
            f"style-src {_csp_hash(vis_css)} {_csp_hash(app_css)}",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    template = _environment().get_template("graph.html.j2")
    page = template.render(
        title=view["meta"]["title"],
        language=view["meta"]["language"],
        csp=csp,
        vis_js=Markup(vis_js),
        vis_css=Markup(vis_css),
        app_js=Markup(app_js),
        app_css=Markup(app_css),
        data=Markup(_DATA_MARK),
    )
    head, tail = page.split(_DATA_MARK)
    return head, tail


def _render(view: dict[str, Any]) -> str:
    head, tail = _page_parts(view)
    return head + embed_json(view) + tail


def write_page(view: dict[str, Any], path: str | os.PathLike[str]) -> Path:
    """The page for ``view`` written atomically, its data streamed in pieces."""
    head, tail = _page_parts(view)

    def write(handle: BinaryIO) -> None:
        handle.write(head.encode("utf-8"))
        for piece in iter_embedded_json(view):
            handle.write(piece.encode("utf-8"))
        handle.write(tail.encode("utf-8"))

    return write_atomic_stream(path, write)


def render_html(
    graph: Graph, *, title: str = "Knowledge graph", language: str | None = "ja"
) -> str:
    """The whole page as a string.

    ``language`` is the initial label language (``ja`` or ``en``, switchable on the page);
    ``None`` picks the language most source documents are written in.
    """
    return _render(build_view(graph, title=_clean_title(title), language=language))


def write_html(
    graph: Graph,
    path: str | os.PathLike[str],
    *,
    title: str = "Knowledge graph",
    language: str | None = "ja",
) -> Path:
    """Render and write atomically, so a reader never sees half a page."""
    return write_page(build_view(graph, title=_clean_title(title), language=language), path)


def _clean_title(title: str) -> str:
    return unicodedata.normalize("NFC", title).strip() or "Knowledge graph"


def _entities_named(graph: Graph, result: QueryResult) -> set[URIRef]:
    """Entities a SELECT result names in any column: by IRI, or by one of their labels.

    The shipped queries return labels ("Meta", "LLaMA"), not IRIs, so a label that belongs
    to exactly one entity stands for it; a label shared by several entities names them all.
    """
    known = _entity_classes(graph)
    values = {value for row in result.rows for value in row if value is not None}
    nodes = {value for value in values if isinstance(value, URIRef) and value in known}
    texts = {str(value) for value in values if isinstance(value, Literal)}
    if texts:
        for predicate in (RDFS.label, SKOS.prefLabel, SKOS.altLabel):
            for subject, label in graph.subject_objects(predicate):
                if subject in known and str(label) in texts:
                    nodes.add(subject)  # type: ignore[arg-type]
    return nodes


def write_query_html(graph: Graph, result: QueryResult, path: str | os.PathLike[str]) -> Path:
    """Draw a query's answer as the same kind of page.

    CONSTRUCT/DESCRIBE: the entities and relations of the constructed graph, described from
    the union of both graphs. SELECT: every entity bound in the rows, plus the relations of
    ``graph`` between them, because a table of names says nothing about how they connect.
    """
    if result.kind in ("CONSTRUCT", "DESCRIBE") and result.graph is not None:
        constructed = result.graph
        both = graph + constructed
        known = _entity_classes(both)
        nodes = {
            term
            for triple in constructed
            for term in (triple[0], triple[2])
            if isinstance(term, URIRef) and term in known
        }
        relation_terms = {KG[name] for name in RELATIONS}
        edges = {
            (s, p, o)
            for s, p, o in constructed
            if p in relation_terms and isinstance(s, URIRef) and isinstance(o, URIRef)
        }
        nodes.update(term for s, _, o in edges for term in (s, o))
        view = build_view(
            both,
            title=f"{result.kind} query result",
            language=None,
            only_nodes=nodes,
            only_edges=edges,  # type: ignore[arg-type]
        )
    elif result.kind == "SELECT":
        nodes = _entities_named(graph, result)
        if not nodes:
            raise QueryError(
                "--html has nothing to draw: no column of the result holds an entity of the "
                "graph (its IRI or one of its labels); select ?entity or its rdfs:label"
            )
        view = build_view(graph, title="SELECT query result", language=None, only_nodes=nodes)
    else:
        article = "an" if result.kind[:1] in "AEIOU" else "a"
        raise QueryError(
            f"--html cannot draw {article} {result.kind} result; "
            "use a SELECT, CONSTRUCT or DESCRIBE query"
        )
    return write_page(view, path)
