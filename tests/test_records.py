from __future__ import annotations

from decimal import Decimal

from graph.model import (
    AttributeClaim,
    Document,
    DocumentFacts,
    Evidence,
    Mention,
    RelationClaim,
)
from graph.records import facts_from_json, facts_to_json


def _facts() -> DocumentFacts:
    document = Document("d", "d.txt", "T", "MetaはLLaMAを開発した。", "ja", "0" * 64, "2024-03")
    evidence = Evidence("d", "MetaはLLaMAを開発した。", 0, 0, 10, "pattern:x", 0.85, "")
    return DocumentFacts(
        document=document,
        mentions=(Mention("Meta", "d", 0, 4, "Organization", "meta", "Meta", "lexicon", "Q380"),),
        relations=(RelationClaim("meta", "developed", "llama", evidence),),
        attributes=(
            AttributeClaim("llama", "relativeQuality", Decimal("0.92"), "decimal", evidence),
            AttributeClaim("llama", "parameterCount", 13_000_000_000, "integer", evidence),
            AttributeClaim("llama", "releaseDate", "2023-02", "gYearMonth", evidence, None, "x"),
        ),
        warnings=("a warning",),
    )


def test_round_trip_is_exact() -> None:
    facts = _facts()
    again = facts_from_json(facts_to_json(facts))
    assert again == facts
    assert isinstance(again.attributes[0].value, Decimal)
    assert isinstance(again.attributes[1].value, int)


def test_json_is_deterministic_and_one_line() -> None:
    text = facts_to_json(_facts())
    assert text == facts_to_json(_facts())
    assert "\n" not in text
