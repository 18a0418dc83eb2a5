"""Lossless, deterministic JSON for :class:`~graph.model.DocumentFacts`.

Why: the per-document facts are the unit a build caches (``graph.cache``) and ships
between processes (``graph.cluster``). JSON keeps the cache readable with any SQLite
browser and independent of pickle's versioning; ``Decimal`` values are tagged so that
``facts_from_json(facts_to_json(f)) == f`` holds exactly.
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from decimal import Decimal
from typing import Any

from graph.model import (
    AttributeClaim,
    Document,
    DocumentFacts,
    Evidence,
    Mention,
    RelationClaim,
)

__all__ = ["facts_from_json", "facts_to_json"]


def _encode(value: Any) -> Any:
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    return value


def facts_to_json(facts: DocumentFacts) -> str:
    """One line of JSON; the same facts always give the same text."""
    return json.dumps(
        _encode(asdict(facts)), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )


def _value(raw: Any) -> int | Decimal | str:
    if isinstance(raw, dict):
        return Decimal(raw["decimal"])
    return raw


def _record(cls: type, raw: dict[str, Any]) -> Any:
    known = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in raw.items() if k in known})


def facts_from_json(text: str) -> DocumentFacts:
    raw = json.loads(text)
    document = _record(Document, raw["document"])
    mentions = tuple(_record(Mention, m) for m in raw["mentions"])
    relations = tuple(
        RelationClaim(
            subject=r["subject"],
            predicate=r["predicate"],
            object=r["object"],
            evidence=_record(Evidence, r["evidence"]),
        )
        for r in raw["relations"]
    )
    attributes = tuple(
        AttributeClaim(
            subject=a["subject"],
            property=a["property"],
            value=_value(a["value"]),
            datatype=a["datatype"],
            evidence=_record(Evidence, a["evidence"]),
            unit=a["unit"],
            baseline=a["baseline"],
        )
        for a in raw["attributes"]
    )
    return DocumentFacts(document, mentions, relations, attributes, tuple(raw["warnings"]))
