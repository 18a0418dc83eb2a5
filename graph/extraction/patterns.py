"""Relation patterns as data, one schema for every language.

A pattern maps a frame to a relation: its trigger lemmas (or construction names such as
``@possessive``), the role that holds the subject and the role that holds the object,
the classes each end may have, the class an end with no class of its own *infers* from
filling that role ("an unknown agent of 買収 is an organization"), and a confidence.
Each language keeps its patterns in ``graph/lang/<code>/data/patterns.yaml`` and names
its own roles; :func:`parse_patterns` checks a file against that role set and the
contract, and says which record and field is wrong.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

import yaml

from graph.errors import ResourceFileError
from graph.model import ENTITY_CLASSES
from graph.model import RELATIONS as CONTRACT_RELATIONS  # (here: a set, for membership)

__all__ = [
    "EVENT_RELATIONS",
    "RELATIONS",
    "Pattern",
    "PatternIndex",
    "load_patterns",
    "parse_patterns",
]

#: The contract's relations (a pattern may state no other).
RELATIONS = frozenset(CONTRACT_RELATIONS)

#: Relations that record something done: once it happened it stays true, so a frame set in
#: the past ("以前、…から資金調達を行った", "previously raised") still states them, while a
#: past tie (worksFor, owns, partneredWith, competesWith, uses, views) is a former one.
EVENT_RELATIONS = frozenset(
    {
        "developed",
        "fineTunedFrom",
        "basedOn",
        "trainedOn",
        "variantOf",
        "acquired",
        "investedIn",
        "founded",
        "authoredBy",
    }
)


@dataclass(frozen=True)
class Pattern:
    id: str
    relation: str
    triggers: frozenset[str]  # lemmas or @constructions; "*" = any predicate
    subject_role: str
    subject_classes: frozenset[str]
    object_role: str
    object_classes: frozenset[str]
    confidence: float
    symmetric: bool = False
    # Class given to a name with none of its own found in the role; "same" = the other end's.
    subject_infer: str | None = None
    object_infer: str | None = None
    # Both ends must be of one kind (models and products count as one): rivals, comparisons.
    same_class: bool = False
    # Reasons a frame is blocked that this pattern still reads: a stance is an "opinion".
    accepts: frozenset[str] = frozenset()


@dataclass(frozen=True)
class PatternIndex:
    """Patterns by trigger, for the matcher's look-ups."""

    patterns: tuple[Pattern, ...]

    def for_trigger(self, trigger: str) -> tuple[Pattern, ...]:
        table = self._by_trigger
        return table.get(trigger, ()) + table.get("*", ())

    @cached_property
    def triggers(self) -> frozenset[str]:
        return frozenset(self._by_trigger)

    @cached_property
    def _by_trigger(self) -> dict[str, tuple[Pattern, ...]]:
        # Kept on the instance: a cache keyed by the index would hash every pattern on
        # every look-up (thousands per document).
        return _by_trigger(self)


def _by_trigger(index: PatternIndex) -> dict[str, tuple[Pattern, ...]]:
    table: dict[str, list[Pattern]] = {}
    for pattern in index.patterns:
        for trigger in sorted(pattern.triggers):
            table.setdefault(trigger, []).append(pattern)
    return {trigger: tuple(patterns) for trigger, patterns in table.items()}


def _end(raw: object, where: str, roles: Collection[str]) -> tuple[str, frozenset[str], str | None]:
    role = raw.get("role") if isinstance(raw, dict) else None
    names = role if isinstance(role, list) else [role]
    if not isinstance(raw, dict) or not names or any(r not in roles for r in names):
        raise ResourceFileError(
            f"{where}: needs a role (or list of roles) among {', '.join(sorted(roles))}"
        )
    unknown = set(raw) - {"role", "classes", "infer"}
    if unknown:
        raise ResourceFileError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    classes = raw.get("classes") or []
    if not isinstance(classes, list) or not classes or set(classes) - set(ENTITY_CLASSES):
        raise ResourceFileError(f"{where}: classes must be a non-empty list of contract classes")
    infer = raw.get("infer")
    if infer is not None and infer != "same" and infer not in classes:
        raise ResourceFileError(f"{where}: infer must be 'same' or one of the role's classes")
    return "|".join(names), frozenset(classes), infer


_FIELDS = {
    "id",
    "relation",
    "triggers",
    "subject",
    "object",
    "confidence",
    "symmetric",
    "same_class",
    "accepts",
}


def parse_patterns(text: str, roles: Collection[str], source: str = "<patterns>") -> PatternIndex:
    """Validate and load pattern records; errors name the file, the pattern and the field."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ResourceFileError(f"{source}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("patterns"), list):
        raise ResourceFileError(f"{source}: expected a mapping with a 'patterns' list")
    if set(data) - {"patterns", "triggers"}:
        extra = ", ".join(sorted(set(data) - {"patterns", "triggers"}))
        raise ResourceFileError(f"{source}: unknown top-level field(s) {extra}")
    out: list[Pattern] = []
    seen: set[str] = set()
    for i, raw in enumerate(data["patterns"]):
        where = f"{source}: patterns[{i}]"
        if not isinstance(raw, dict):
            raise ResourceFileError(f"{where}: expected a mapping")
        where = f"{source}: pattern {raw.get('id', i)!r}"
        for field in ("id", "relation", "triggers", "subject", "object"):
            if field not in raw:
                raise ResourceFileError(f"{where}: missing {field!r}")
        unknown = set(raw) - _FIELDS
        if unknown:
            raise ResourceFileError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        if raw["id"] in seen:
            raise ResourceFileError(f"{where}: duplicate id")
        seen.add(raw["id"])
        if raw["relation"] not in RELATIONS:
            raise ResourceFileError(f"{where}: relation {raw['relation']!r} is not in the contract")
        triggers = raw["triggers"]
        if not isinstance(triggers, list) or not triggers:
            raise ResourceFileError(f"{where}: triggers must be a non-empty list")
        subject_role, subject_classes, subject_infer = _end(
            raw["subject"], where + ".subject", roles
        )
        object_role, object_classes, object_infer = _end(raw["object"], where + ".object", roles)
        confidence = raw.get("confidence", 0.7)
        if not isinstance(confidence, (int, float)) or not 0 < confidence <= 1:
            raise ResourceFileError(f"{where}: confidence must be a number in (0, 1]")
        out.append(
            Pattern(
                id=str(raw["id"]),
                relation=raw["relation"],
                triggers=frozenset(str(t) for t in _flatten(triggers)),
                subject_role=subject_role,
                subject_classes=subject_classes,
                object_role=object_role,
                object_classes=object_classes,
                confidence=float(confidence),
                symmetric=bool(raw.get("symmetric", False)),
                subject_infer=subject_infer,
                object_infer=object_infer,
                same_class=bool(raw.get("same_class", False)),
                accepts=frozenset(str(a) for a in raw.get("accepts") or ()),
            )
        )
    return PatternIndex(tuple(out))


def _flatten(items: list[object]) -> list[object]:
    """Trigger lists may include YAML-anchored lists (``[*develop_verbs, 作る]``)."""
    flat: list[object] = []
    for item in items:
        flat.extend(_flatten(item) if isinstance(item, list) else [item])
    return flat


@cache
def load_patterns(package: str, roles: frozenset[str]) -> PatternIndex:
    """The patterns of a language package (``<package>/data/patterns.yaml``)."""
    path = resources.files(package).joinpath("data/patterns.yaml")
    source = f"{package.replace('.', '/')}/data/patterns.yaml"
    return parse_patterns(path.read_text(encoding="utf-8"), roles, source)
