"""Score a built graph against hand-made gold annotations (``kg eval``).

Users who annotate their own articles measure the extractor on them with this module. The
gold format is the TSV of the evaluation kit (documented in the README):

    ENTITY     canonical   type(s; ';' for several accepted)   aliases (';'-separated)
    TRIPLE     subject     predicate ('|' for alternatives)   object   required|optional   evidence
    ATTRIBUTE  subject     property    value    unit   required|optional   evidence

The scoring follows the kit's contract exactly, so numbers agree with its scorer:

* A graph node stands for a gold entity when one of its labels equals one of the entity's
  aliases after :func:`normalize_name` (NFKC, case folding, no spaces, ``-``, ``_``, ``·``,
  ``・``). Graph terms are read by *local name*, so any base IRI works.
* Relation recall is over ``required`` gold triples; precision is over every contract
  relation the graph asserts, where matching a required *or* optional gold triple is
  correct and anything else (including triples whose ends name no gold entity) is wrong.
  ``competesWith`` and ``partneredWith`` match in either direction.
* Attributes likewise, values within 1 %; a ``relativeQuality`` above 1.5 against a gold
  ratio is read as a percentage; dates match when one is a prefix of the other.

A gold file is one document. Several gold files are scored as one set against one graph
(the overall numbers), and each file also gets its own numbers: a graph fact is
*attributed* to a gold file when its subject or object names one of that file's entities
(the kit's construction scorer does the same). A fact's correctness is always judged
against the whole set, so a fact true of another document is not wrong for this one;
facts that name no gold entity at all count only in the overall precision.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDFS

from graph.errors import KgError
from graph.model import RELATIONS
from graph.namespaces import KG

__all__ = [
    "CONTRACT_ATTRIBUTES",
    "CONTRACT_RELATIONS",
    "SYMMETRIC_RELATIONS",
    "DocumentScore",
    "EntityTally",
    "EvalInputError",
    "EvalReport",
    "EvidenceSentence",
    "GoldAttribute",
    "GoldDocument",
    "GoldEntity",
    "GoldFormatError",
    "GoldSet",
    "GoldTriple",
    "MissedFact",
    "Score",
    "Tally",
    "WrongFact",
    "evaluate",
    "evaluate_files",
    "format_report",
    "normalize_name",
    "read_gold",
    "report_json",
    "same_value",
]

#: Relations of the graph contract, in the contract's order (what the gold may state).
CONTRACT_RELATIONS: tuple[str, ...] = RELATIONS
#: Relations that hold in both directions: a gold ``A competesWith B`` accepts ``B … A``.
SYMMETRIC_RELATIONS: frozenset[str] = frozenset({"competesWith", "partneredWith"})
#: Attributes of the graph contract (literal values).
CONTRACT_ATTRIBUTES: tuple[str, ...] = (
    "parameterCount",
    "trainingCost",
    "relativeQuality",
    "releaseDate",
)
#: Local names of the label properties whose values name an entity.
_LABEL_PROPERTIES = frozenset(
    {"label", "prefLabel", "altLabel", "name", "alternateName", "hiddenLabel"}
)
_NEED = {"required": True, "optional": False}
_STRIP = str.maketrans("", "", " \t-_·・\u3000")
_TOLERANCE = Decimal("0.01")
#: A relativeQuality above this is a percentage when the gold value is a ratio (92 → 0.92).
_PERCENT_ABOVE = Decimal("1.5")


class EvalInputError(KgError):
    """The graph or a gold file cannot be read; ``kg eval`` exits with status 2."""


class GoldFormatError(EvalInputError):
    """A gold file cannot be read or breaks the format (the message names file and line)."""


def normalize_name(text: str) -> str:
    """The key names are compared by: NFKC, case folded, without spaces and separators.

    ``ＬＬａＭＡ-2``, ``llama 2`` and ``LLaMA・2`` all become ``llama2``.
    """
    return unicodedata.normalize("NFKC", text).casefold().translate(_STRIP)


def _local(term: object) -> str:
    return str(term).replace("#", "/").rstrip("/").rsplit("/", 1)[-1]


# ---------------------------------------------------------------- gold files


@dataclass(frozen=True)
class GoldEntity:
    name: str  # the canonical name facts refer to
    types: frozenset[str]  # accepted contract classes
    aliases: tuple[str, ...]  # every surface form, the canonical name included
    line: int


@dataclass(frozen=True)
class GoldTriple:
    subject: str
    predicates: tuple[str, ...]  # alternatives: any one of them counts
    object: str
    required: bool
    evidence: str  # the annotator's evidence column (a sentence or paragraph numbers)
    line: int


@dataclass(frozen=True)
class GoldAttribute:
    subject: str
    property: str
    value: str
    unit: str
    required: bool
    evidence: str
    line: int


@dataclass(frozen=True)
class GoldDocument:
    """One gold file: the annotation of one document."""

    path: str
    entities: tuple[GoldEntity, ...]
    triples: tuple[GoldTriple, ...]
    attributes: tuple[GoldAttribute, ...]

    @property
    def name(self) -> str:
        """The file name without ``.gold.tsv``/``.tsv``: what reports call the document."""
        name = Path(self.path).name
        for suffix in (".gold.tsv", ".tsv"):
            if name.endswith(suffix) and len(name) > len(suffix):
                return name[: -len(suffix)]
        return name


def _columns(cols: list[str], count: int, where: str, layout: str) -> list[str]:
    if len(cols) < count:
        raise GoldFormatError(
            f"{where}: {cols[0]} needs {count - 1} tab-separated fields ({layout}), "
            f"found {len(cols) - 1}; separate fields with tabs"
        )
    return [c.strip() for c in cols]


def _need(value: str, where: str) -> bool:
    if value not in _NEED:
        raise GoldFormatError(f"{where}: {value!r} must be 'required' or 'optional'")
    return _NEED[value]


def read_gold(path: str | Path) -> GoldDocument:
    """Parse one gold file; a malformed line is a :class:`GoldFormatError` naming it."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise GoldFormatError(f"{file}: no such gold file; check the path") from None
    except UnicodeDecodeError:
        raise GoldFormatError(f"{file}: not UTF-8 text; save the gold file as UTF-8") from None
    except OSError as exc:
        raise GoldFormatError(f"{file}: cannot read ({exc.strerror or exc})") from None
    entities: list[GoldEntity] = []
    triples: list[GoldTriple] = []
    attributes: list[GoldAttribute] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{file}:{number}"
        cols = line.split("\t")
        kind = cols[0].strip()
        if kind == "ENTITY":
            _, name, types, aliases = _columns(cols, 4, where, "canonical, types, aliases")[:4]
            if not name:
                raise GoldFormatError(f"{where}: ENTITY without a canonical name")
            accepted = frozenset(t.strip() for t in types.split(";") if t.strip())
            if not accepted:
                raise GoldFormatError(f"{where}: ENTITY {name!r} has no type")
            forms = (name, *(a.strip() for a in aliases.split(";") if a.strip()))
            entities.append(GoldEntity(name, accepted, tuple(dict.fromkeys(forms)), number))
        elif kind == "TRIPLE":
            cols = _columns(cols, 5, where, "subject, predicate, object, required|optional")
            predicates = tuple(p.strip() for p in cols[2].split("|") if p.strip())
            for predicate in predicates or ("",):
                if predicate not in CONTRACT_RELATIONS:
                    raise GoldFormatError(
                        f"{where}: unknown relation {predicate!r}; use one of "
                        + ", ".join(CONTRACT_RELATIONS)
                    )
            evidence = cols[5] if len(cols) > 5 else ""
            triples.append(
                GoldTriple(cols[1], predicates, cols[3], _need(cols[4], where), evidence, number)
            )
        elif kind == "ATTRIBUTE":
            cols = _columns(cols, 6, where, "subject, property, value, unit, required|optional")
            if cols[2] not in CONTRACT_ATTRIBUTES:
                raise GoldFormatError(
                    f"{where}: unknown attribute {cols[2]!r}; use one of "
                    + ", ".join(CONTRACT_ATTRIBUTES)
                )
            evidence = cols[6] if len(cols) > 6 else ""
            attributes.append(
                GoldAttribute(
                    cols[1], cols[2], cols[3], cols[4], _need(cols[5], where), evidence, number
                )
            )
        else:
            raise GoldFormatError(
                f"{where}: unknown record kind {kind!r}; use ENTITY, TRIPLE or ATTRIBUTE "
                "(or # for a comment)"
            )
    return GoldDocument(str(file), tuple(entities), tuple(triples), tuple(attributes))


@dataclass(frozen=True)
class GoldSet:
    """Several gold documents scored together: one alias table, one set of facts."""

    documents: tuple[GoldDocument, ...]
    types: Mapping[str, frozenset[str]]  # canonical name -> accepted classes
    aliases: Mapping[str, str]  # normalized alias -> canonical name
    owners: Mapping[str, tuple[int, ...]]  # canonical name -> indices of its documents

    @classmethod
    def of(cls, documents: Iterable[GoldDocument]) -> GoldSet:
        """Check the documents against each other (aliases, references) and index them."""
        docs = tuple(documents)
        types: dict[str, frozenset[str]] = {}
        aliases: dict[str, str] = {}
        owners: dict[str, list[int]] = {}
        for index, doc in enumerate(docs):
            for entity in doc.entities:
                types[entity.name] = entity.types  # a later declaration wins, as in the kit
                owners.setdefault(entity.name, [])
                if index not in owners[entity.name]:
                    owners[entity.name].append(index)
                for alias in entity.aliases:
                    key = normalize_name(alias)
                    if aliases.get(key, entity.name) != entity.name:
                        raise GoldFormatError(
                            f"{doc.path}:{entity.line}: alias {alias!r} names both "
                            f"{aliases[key]!r} and {entity.name!r}; give each alias to one entity"
                        )
                    aliases[key] = entity.name
        for doc in docs:
            facts: list[tuple[str, int]] = [
                (n, t.line) for t in doc.triples for n in (t.subject, t.object)
            ]
            facts += [(a.subject, a.line) for a in doc.attributes]
            for name, line in facts:
                if name not in types:
                    raise GoldFormatError(
                        f"{doc.path}:{line}: unknown entity {name!r}; declare it in an ENTITY line"
                    )
        return cls(docs, types, aliases, {k: tuple(v) for k, v in owners.items()})


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class Tally:
    """Counts behind precision and recall of one kind of fact."""

    output: int = 0  # facts the graph asserts
    correct: int = 0  # of those, matching a gold fact
    required: int = 0  # required gold facts
    caught: int = 0  # of those, found in the graph

    @property
    def precision(self) -> float:
        return self.correct / self.output if self.output else 0.0

    @property
    def recall(self) -> float:
        """1.0 when nothing is required: there was nothing to miss."""
        return self.caught / self.required if self.required else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.output + other.output,
            self.correct + other.correct,
            self.required + other.required,
            self.caught + other.caught,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "output": self.output,
            "correct": self.correct,
            "required": self.required,
            "caught": self.caught,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
        }


@dataclass(frozen=True)
class EntityTally:
    gold: int  # gold entities
    found: int  # named by at least one graph node
    typed: int  # named by a node with an accepted class
    split: int  # named by more than one node (duplicates)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def type_accuracy(self) -> float:
        return self.typed / self.found if self.found else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "found": self.found,
            "typed": self.typed,
            "split": self.split,
            "recall": round(self.recall, 3),
            "type_accuracy": round(self.type_accuracy, 3),
        }


@dataclass(frozen=True)
class Score:
    """Entities, relations and attributes of one document or of the whole set."""

    entities: EntityTally
    relations: Tally
    attributes: Tally
    by_relation: Mapping[str, Tally] = field(default_factory=dict)
    by_attribute: Mapping[str, Tally] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "entities": self.entities.to_json(),
            "relations": self.relations.to_json(),
            "attributes": self.attributes.to_json(),
            "by_relation": {k: v.to_json() for k, v in self.by_relation.items()},
            "by_attribute": {k: v.to_json() for k, v in self.by_attribute.items()},
        }


@dataclass(frozen=True)
class DocumentScore:
    name: str  # gold file name without .gold.tsv
    path: str
    score: Score
    missing_entities: tuple[str, ...]
    split_entities: tuple[str, ...]


@dataclass(frozen=True)
class EvidenceSentence:
    """A sentence the graph stores as evidence for a fact, and the document it is from."""

    sentence: str
    document: str  # the document's path (or title, or IRI when it has no path)


@dataclass(frozen=True)
class MissedFact:
    """A required gold fact the graph lacks, with the annotator's evidence."""

    kind: str  # "relation" or "attribute"
    document: str
    line: int
    subject: str
    predicate: str  # alternatives joined with '|'
    object: str  # the object entity, or the attribute value
    evidence: str


@dataclass(frozen=True)
class WrongFact:
    """A graph fact that matches no gold fact, with the evidence the graph gives for it."""

    kind: str  # "relation" or "attribute"
    subject: str  # a label of the subject node
    predicate: str
    object: str  # a label of the object node, or the literal value
    reason: str  # why it matched nothing (see _reason)
    subject_iri: str
    object_iri: str  # empty for attributes
    documents: tuple[str, ...]  # gold documents it is attributed to
    evidence: tuple[EvidenceSentence, ...]


@dataclass(frozen=True)
class EvalReport:
    graph: str
    overall: Score
    documents: tuple[DocumentScore, ...]
    missing_entities: tuple[str, ...]
    split_entities: tuple[str, ...]
    missed: tuple[MissedFact, ...]
    wrong: tuple[WrongFact, ...]

    def to_json(self) -> dict[str, Any]:
        """The report for machines; the top-level ``entities``/``relations``/``attributes``
        objects carry the same keys as the evaluation kit's ``score.py --json``."""
        return {
            "graph": self.graph,
            **self.overall.to_json(),
            "documents": [
                {
                    "name": d.name,
                    "file": d.path,
                    **d.score.to_json(),
                    "missing_entities": list(d.missing_entities),
                    "split_entities": list(d.split_entities),
                }
                for d in self.documents
            ],
            "missing_entities": list(self.missing_entities),
            "split_entities": list(self.split_entities),
            "missed": [
                {
                    "kind": m.kind,
                    "document": m.document,
                    "line": m.line,
                    "subject": m.subject,
                    "predicate": m.predicate,
                    "object": m.object,
                    "evidence": m.evidence,
                }
                for m in self.missed
            ],
            "wrong": [
                {
                    "kind": w.kind,
                    "subject": w.subject,
                    "predicate": w.predicate,
                    "object": w.object,
                    "reason": w.reason,
                    "subject_iri": w.subject_iri,
                    "object_iri": w.object_iri,
                    "documents": list(w.documents),
                    "evidence": [
                        {"sentence": e.sentence, "document": e.document} for e in w.evidence
                    ],
                }
                for w in self.wrong
            ],
        }


# ---------------------------------------------------------------- reading the graph


class _GraphFacts:
    """One pass over the graph: labels, classes, contract facts, and their evidence."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.labels: dict[URIRef, set[str]] = {}
        self.classes: dict[URIRef, set[str]] = {}
        self.relations: list[tuple[URIRef | BNode, URIRef, URIRef]] = []
        self.attributes: list[tuple[URIRef | BNode, URIRef, Literal]] = []
        relation_names, attribute_names = set(CONTRACT_RELATIONS), set(CONTRACT_ATTRIBUTES)
        for s, p, o in graph:
            name = _local(p)
            if isinstance(s, URIRef) and isinstance(o, Literal) and name in _LABEL_PROPERTIES:
                self.labels.setdefault(s, set()).add(str(o))
            if p == RDF.type and isinstance(s, URIRef) and isinstance(o, URIRef):
                self.classes.setdefault(s, set()).add(_local(o))
            if name in relation_names and isinstance(o, URIRef):
                self.relations.append((s, p, o))  # type: ignore[arg-type]
            elif name in attribute_names and isinstance(o, Literal):
                self.attributes.append((s, p, o))  # type: ignore[arg-type]
        # Sorted so reports list facts in the same order on every run.
        self.relations.sort(key=lambda t: (_local(t[1]), str(t[0]), str(t[2])))
        self.attributes.sort(key=lambda t: (_local(t[1]), str(t[0]), str(t[2])))

    def label(self, node: object) -> str:
        """A readable, stable name: the first label in sorted order, else the local name."""
        names = self.labels.get(node)  # type: ignore[call-overload]
        return sorted(names)[0] if names else _local(node)

    def evidence(self, s: object, p: object, o: object) -> tuple[EvidenceSentence, ...]:
        """The sentences of the fact's reification (rdf:Statement → kg:evidence)."""
        graph, found = self.graph, []
        for statement in graph.subjects(RDF.object, o):
            if (statement, RDF.subject, s) not in graph or (
                statement,
                RDF.predicate,
                p,
            ) not in graph:
                continue
            for node in graph.objects(statement, KG.evidence):
                sentence = graph.value(node, KG.sentence)
                if sentence is None:
                    continue
                found.append(EvidenceSentence(str(sentence), self._document(node)))
        return tuple(sorted(set(found), key=lambda e: (e.document, e.sentence)))

    def _document(self, evidence: object) -> str:
        doc = self.graph.value(evidence, PROV.hadPrimarySource)  # type: ignore[arg-type]
        if doc is None:
            return ""
        for prop in (KG.sourcePath, DCTERMS.title, RDFS.label):
            value = self.graph.value(doc, prop)
            if value is not None:
                return str(value)
        return str(doc)


# ---------------------------------------------------------------- matching


def _number(text: str) -> Decimal | None:
    try:
        number = Decimal(text.replace(",", "").strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def same_value(prop: str, got: str, want: str) -> bool:
    """Whether a graph value matches a gold value of attribute ``prop`` (see module doc)."""
    if prop == "releaseDate":
        return got.startswith(want) or (want.startswith(got) and len(got) >= 4)
    g, w = _number(got), _number(want)
    if g is None or w is None:
        return False
    if prop == "relativeQuality" and g > _PERCENT_ABOVE and w <= _PERCENT_ABOVE:
        g = g / 100
    return abs(g - w) <= abs(w) * _TOLERANCE


def _reason(subject_names: set[str], object_names: set[str] | None) -> str:
    """Why a fact matched nothing: a missing gold entity, or a fact the gold does not state."""
    if not subject_names and object_names is not None and not object_names:
        return "neither end is a gold entity"
    if not subject_names:
        return "subject is not a gold entity"
    if object_names is not None and not object_names:
        return "object is not a gold entity"
    return "not a gold fact"


@dataclass(frozen=True)
class _Verdict:
    """One contract fact of the graph and whether it matches a gold fact."""

    kind: str  # "relation" or "attribute"
    subject: object
    predicate: URIRef
    object: object
    ok: bool

    @property
    def name(self) -> str:
        return _local(self.predicate)


@dataclass(frozen=True)
class _Caught:
    """A gold fact, the document it belongs to, and the relation names that caught it."""

    document: int
    fact: GoldTriple | GoldAttribute
    caught_as: frozenset[str]


class _Matcher:
    """Matches the graph's facts to the gold set, as the kit's scorer does."""

    def __init__(self, facts: _GraphFacts, gold: GoldSet) -> None:
        self.facts, self.gold = facts, gold
        # Each labelled node -> the gold entities its labels name.
        self.names: dict[object, set[str]] = {}
        for node, labels in facts.labels.items():
            hits = {gold.aliases[k] for k in map(normalize_name, labels) if k in gold.aliases}
            if hits:
                self.names[node] = hits

    def documents_of(self, *nodes: object) -> set[int]:
        """The gold documents a fact is attributed to: those declaring one of its ends."""
        docs: set[int] = set()
        for node in nodes:
            for name in self.names.get(node, ()):
                docs.update(self.gold.owners.get(name, ()))
        return docs

    def entities(self, doc: int | None) -> tuple[EntityTally, list[str], list[str]]:
        """Found, typed and split gold entities of one document (``None``: the whole set)."""
        if doc is None:
            types = dict(self.gold.types)
        else:
            types = {e.name: e.types for e in self.gold.documents[doc].entities}
        nodes_of: dict[str, int] = dict.fromkeys(types, 0)
        typed: set[str] = set()
        for node, names in self.names.items():
            classes = self.facts.classes.get(node, set())  # type: ignore[call-overload]
            for name in names & types.keys():
                nodes_of[name] += 1
                if classes & types[name]:
                    typed.add(name)
        found = {n for n, count in nodes_of.items() if count}
        split = {n for n, count in nodes_of.items() if count > 1}
        tally = EntityTally(len(types), len(found), len(typed), len(split))
        return tally, sorted(types.keys() - found), sorted(split)

    def relations(self) -> tuple[list[_Verdict], list[_Caught]]:
        """Each graph relation with its verdict, and each gold triple with what caught it."""
        triples = [(d, t) for d, doc in enumerate(self.gold.documents) for t in doc.triples]
        want: dict[tuple[str, str, str], list[int]] = {}
        for k, (_, t) in enumerate(triples):
            for p in t.predicates:
                want.setdefault((t.subject, p, t.object), []).append(k)
        caught: list[set[str]] = [set() for _ in triples]
        verdicts = []
        for s, p, o in self.facts.relations:
            name = _local(p)
            hits: set[int] = set()
            for gs in self.names.get(s, ()):
                for go in self.names.get(o, ()):
                    hits.update(want.get((gs, name, go), ()))
                    if name in SYMMETRIC_RELATIONS:
                        hits.update(want.get((go, name, gs), ()))
            for k in hits:
                caught[k].add(name)
            verdicts.append(_Verdict("relation", s, p, o, bool(hits)))
        gold = [_Caught(d, t, frozenset(c)) for (d, t), c in zip(triples, caught, strict=True)]
        return verdicts, gold

    def attributes(self) -> tuple[list[_Verdict], list[_Caught]]:
        """Each graph attribute with its verdict, and each gold attribute with its catch."""
        rows = [(d, a) for d, doc in enumerate(self.gold.documents) for a in doc.attributes]
        caught = [False] * len(rows)
        verdicts = []
        for s, p, o in self.facts.attributes:
            name, ok = _local(p), False
            subjects = self.names.get(s, set())
            for k, (_, a) in enumerate(rows):
                if (
                    a.subject in subjects
                    and a.property == name
                    and same_value(name, str(o), a.value)
                ):
                    ok = caught[k] = True
            verdicts.append(_Verdict("attribute", s, p, o, ok))
        gold = [
            _Caught(d, a, frozenset({a.property}) if c else frozenset())
            for (d, a), c in zip(rows, caught, strict=True)
        ]
        return verdicts, gold


class _Counts:
    """Output/correct/required/caught per scope (``None`` = the whole set) and fact name."""

    def __init__(self) -> None:
        self._table: dict[tuple[int | None, str], list[int]] = {}

    def add(self, scopes: Iterable[int | None], name: str, slot: int) -> None:
        for scope in scopes:
            self._table.setdefault((scope, name), [0, 0, 0, 0])[slot] += 1

    def tallies(self, scope: int | None, names: Sequence[str]) -> dict[str, Tally]:
        return {n: Tally(*self._table[(scope, n)]) for n in names if (scope, n) in self._table}


_OUTPUT, _CORRECT, _REQUIRED, _CAUGHT = range(4)


def evaluate(graph: Graph, gold: GoldSet | Sequence[GoldDocument], *, name: str = "") -> EvalReport:
    """Score ``graph`` against ``gold``: overall, per document, per relation, with the misses."""
    gold_set = gold if isinstance(gold, GoldSet) else GoldSet.of(gold)
    docs = gold_set.documents
    facts = _GraphFacts(graph)
    matcher = _Matcher(facts, gold_set)
    counts = _Counts()

    relation_verdicts, gold_triples = matcher.relations()
    attribute_verdicts, gold_attributes = matcher.attributes()

    wrong: list[WrongFact] = []
    for v in (*relation_verdicts, *attribute_verdicts):
        is_relation = v.kind == "relation"
        attributed = sorted(
            matcher.documents_of(v.subject, v.object)
            if is_relation
            else matcher.documents_of(v.subject)
        )
        scopes = (None, *attributed)
        counts.add(scopes, v.name, _OUTPUT)
        if v.ok:
            counts.add(scopes, v.name, _CORRECT)
            continue
        object_names = matcher.names.get(v.object, set()) if is_relation else None
        wrong.append(
            WrongFact(
                kind=v.kind,
                subject=facts.label(v.subject),
                predicate=v.name,
                object=facts.label(v.object) if is_relation else str(v.object),
                reason=_reason(matcher.names.get(v.subject, set()), object_names),
                subject_iri=str(v.subject),
                object_iri=str(v.object) if is_relation else "",
                documents=tuple(docs[d].name for d in attributed),
                evidence=facts.evidence(v.subject, v.predicate, v.object),
            )
        )

    missed: list[MissedFact] = []
    for item in (*gold_triples, *gold_attributes):
        fact = item.fact
        if not fact.required:
            continue
        if isinstance(fact, GoldTriple):
            # A caught triple counts for the relation it was caught as; a missed one for
            # its first alternative, so the per-relation required counts add up.
            key = min(item.caught_as) if item.caught_as else fact.predicates[0]
            kind, predicate, value = "relation", "|".join(fact.predicates), fact.object
        else:
            key = fact.property
            kind, predicate, value = "attribute", fact.property, fact.value
        scopes = (None, item.document)
        counts.add(scopes, key, _REQUIRED)
        if item.caught_as:
            counts.add(scopes, key, _CAUGHT)
        else:
            document = docs[item.document].name
            missed.append(
                MissedFact(kind, document, fact.line, fact.subject, predicate, value, fact.evidence)
            )

    def score(scope: int | None) -> tuple[Score, list[str], list[str]]:
        entities, missing, split = matcher.entities(scope)
        by_relation = counts.tallies(scope, CONTRACT_RELATIONS)
        by_attribute = counts.tallies(scope, CONTRACT_ATTRIBUTES)
        relations = sum(by_relation.values(), Tally())
        attributes = sum(by_attribute.values(), Tally())
        return Score(entities, relations, attributes, by_relation, by_attribute), missing, split

    overall, missing, split = score(None)
    documents = []
    for d, doc in enumerate(docs):
        doc_score, doc_missing, doc_split = score(d)
        documents.append(
            DocumentScore(doc.name, doc.path, doc_score, tuple(doc_missing), tuple(doc_split))
        )
    return EvalReport(
        graph=name,
        overall=overall,
        documents=tuple(documents),
        missing_entities=tuple(missing),
        split_entities=tuple(split),
        missed=tuple(missed),
        wrong=tuple(wrong),
    )


def evaluate_files(graph_path: str | Path, gold_paths: Iterable[str | Path]) -> EvalReport:
    """Read a graph file and gold files, then :func:`evaluate`; bad input raises a KgError."""
    from graph.query import load_graph

    paths = list(gold_paths)
    if not paths:
        raise GoldFormatError("no gold file given; pass one or more .gold.tsv files")
    gold = GoldSet.of(read_gold(p) for p in paths)
    try:
        graph = load_graph(graph_path)
    except KgError as exc:
        # Parser messages may quote the bad input over several lines; ours is one line.
        raise EvalInputError(" ".join(str(exc).split())) from None
    return evaluate(graph, gold, name=str(graph_path))


# ---------------------------------------------------------------- the text report


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """Left-aligned first column, right-aligned numbers."""
    body = [list(map(str, r)) for r in rows]
    widths = [max(len(str(h)), *(len(r[i]) for r in body)) for i, h in enumerate(header)]

    def line(cells: Sequence[str]) -> str:
        first = str(cells[0]).ljust(widths[0])
        rest = (str(c).rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))
        return "  ".join([first, *rest]).rstrip()

    return [line(header), *(line(r) for r in body)]


def _prf(t: Tally) -> list[str]:
    return [f"{t.precision:.3f}", f"{t.recall:.3f}", f"{t.f1:.3f}"]


def format_report(report: EvalReport) -> str:
    """The report for people: summary, per document, per relation, then every miss."""
    o = report.overall
    e, r, a = o.entities, o.relations, o.attributes
    docs = len(report.documents)
    out = [
        f"{report.graph or 'graph'} against {docs} gold file{'s' if docs != 1 else ''}",
        "",
        f"entities    found {e.found}/{e.gold}  typed {e.typed}  split {e.split}",
        f"relations   P {r.precision:.3f}  R {r.recall:.3f}  F1 {r.f1:.3f}"
        f"  ({r.correct}/{r.output} output correct, {r.caught}/{r.required} required caught)",
        f"attributes  P {a.precision:.3f}  R {a.recall:.3f}  F1 {a.f1:.3f}"
        f"  ({a.correct}/{a.output} output correct, {a.caught}/{a.required} required caught)",
    ]
    if docs > 1:
        out += ["", "per document (graph facts attributed by the document's entities)"]
        out += _table(
            ["document", "entities", "typed", "rel P", "R", "F1", "attr P", "R", "F1"],
            (
                [
                    d.name,
                    f"{d.score.entities.found}/{d.score.entities.gold}",
                    str(d.score.entities.typed),
                    *_prf(d.score.relations),
                    *_prf(d.score.attributes),
                ]
                for d in report.documents
            ),
        )
    rows = [
        [name, str(t.output), str(t.correct), str(t.required), str(t.caught), *_prf(t)]
        for name, t in (*o.by_relation.items(), *o.by_attribute.items())
    ]
    if rows:
        out += [""]
        out += _table(
            ["relation / attribute", "output", "correct", "required", "caught", "P", "R", "F1"],
            rows,
        )
    if report.missing_entities:
        out += [
            "",
            f"missing entities ({len(report.missing_entities)}): "
            + ", ".join(report.missing_entities),
        ]
    if report.split_entities:
        out += [
            "",
            f"split entities ({len(report.split_entities)}): " + ", ".join(report.split_entities),
        ]
    if report.missed:
        out += ["", f"missed ({len(report.missed)} required gold facts not in the graph)"]
        for m in report.missed:
            out.append(f"  {m.document}:{m.line}  {m.subject}  {m.predicate}  {m.object}")
            if m.evidence:
                out.append(f"      gold evidence: {m.evidence}")
    if report.wrong:
        out += ["", f"wrong ({len(report.wrong)} graph facts that match no gold fact)"]
        for w in report.wrong:
            where = f"  [{', '.join(w.documents)}]" if w.documents else ""
            out.append(f"  {w.subject}  {w.predicate}  {w.object}  ({w.reason}){where}")
            for ev in w.evidence:
                source = f"  ({ev.document})" if ev.document else ""
                out.append(f"      evidence: {ev.sentence}{source}")
            if not w.evidence:
                out.append("      evidence: none recorded in the graph")
    return "\n".join(out)


def report_json(report: EvalReport) -> str:
    """:meth:`EvalReport.to_json` as indented UTF-8 JSON text."""
    return json.dumps(report.to_json(), ensure_ascii=False, indent=2)
