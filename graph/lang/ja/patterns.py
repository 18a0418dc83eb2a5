"""Relation patterns as data, and the candidate relations that patterns and rules yield.

A pattern (``data/patterns.ja.yaml``) names its trigger lemmas, the argument role that
fills the subject and the object, the classes each end may have (and may *infer* for an
untyped name), and the relation it yields. :func:`parse_patterns` validates a file and
says which record and field is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from graph.errors import ResourceFileError
from graph.lang.ja.mentions import SentenceMention
from graph.model import ENTITY_CLASSES

__all__ = ["ROLES", "Candidate", "Pattern", "load_patterns", "parse_patterns"]

#: Argument roles a pattern may name (see the header of data/patterns.ja.yaml).
ROLES = ("ga", "wo", "ni", "kara", "basis", "data", "de", "agent")


@dataclass(frozen=True)
class Pattern:
    id: str
    relation: str
    triggers: frozenset[str]  # lemmas; "*" = any predicate
    subject_role: str
    subject_classes: frozenset[str]
    object_role: str
    object_classes: frozenset[str]
    confidence: float
    symmetric: bool = False
    # Class given to an untyped name found in the role: a class, or "same" (the other end's).
    subject_infer: str | None = None
    object_infer: str | None = None
    # Both ends must be alike (models and products count as alike): rivals and comparisons.
    same_class: bool = False


@dataclass(frozen=True)
class Candidate:
    """A relation read from one sentence, before entities are merged across documents."""

    subject: SentenceMention
    relation: str
    object: SentenceMention
    method: str
    confidence: float
    span: tuple[int, int]  # sentence-relative offsets covering both ends


def _role_spec(raw: object, where: str) -> tuple[str, frozenset[str], str | None]:
    if not isinstance(raw, dict) or raw.get("role") not in ROLES:
        raise ResourceFileError(f"{where}: needs a role among {', '.join(ROLES)}")
    classes = raw.get("classes") or []
    unknown = [c for c in classes if c not in ENTITY_CLASSES]
    if unknown or not classes:
        raise ResourceFileError(f"{where}: classes must be a non-empty list of contract classes")
    infer = raw.get("infer")
    if infer is not None and infer != "same" and infer not in classes:
        raise ResourceFileError(f"{where}: infer must be 'same' or one of the role's classes")
    return raw["role"], frozenset(classes), infer


def parse_patterns(text: str, source: str = "<patterns>") -> tuple[Pattern, ...]:
    """Validate and load pattern records; errors name the pattern and the field."""
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or not isinstance(data.get("patterns"), list):
        raise ResourceFileError(f"{source}: expected a mapping with a 'patterns' list")
    out = []
    for i, raw in enumerate(data["patterns"]):
        where = f"{source}: patterns[{i}]"
        if not isinstance(raw, dict):
            raise ResourceFileError(f"{where}: expected a mapping")
        for field in ("id", "relation", "triggers", "subject", "object"):
            if field not in raw:
                raise ResourceFileError(f"{where}: missing {field!r}")
        subject_role, subject_classes, subject_infer = _role_spec(
            raw["subject"], where + ".subject"
        )
        object_role, object_classes, object_infer = _role_spec(raw["object"], where + ".object")
        confidence = float(raw.get("confidence", 0.7))
        if not 0 < confidence <= 1:
            raise ResourceFileError(f"{where}: confidence must be in (0, 1]")
        out.append(
            Pattern(
                id=str(raw["id"]),
                relation=str(raw["relation"]),
                triggers=frozenset(str(t) for t in raw["triggers"]),
                subject_role=subject_role,
                subject_classes=subject_classes,
                object_role=object_role,
                object_classes=object_classes,
                confidence=confidence,
                symmetric=bool(raw.get("symmetric", False)),
                subject_infer=subject_infer,
                object_infer=object_infer,
                same_class=bool(raw.get("same_class", False)),
            )
        )
    return tuple(out)


@cache
def load_patterns() -> tuple[Pattern, ...]:
    text = (
        resources.files("graph.lang.ja").joinpath("data/patterns.yaml").read_text(encoding="utf-8")
    )
    return parse_patterns(text, "graph/lang/ja/data/patterns.yaml")
