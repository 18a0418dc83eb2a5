"""More attribute forms of model news, each on invented sentences with a near miss:

* a size before a model noun without the word "parameters" ("Brisa, a 12B model");
* a count in a copular description ("Velar is a 95 billion parameter LLM") and "total
  parameters" (the active count "per token" is not the model's size);
* what a model cost to make: a verb of making with "for $N", a past "cost" whose subject
  is a model, "a training budget of $N";
* a post's own announcement, "we are excited to release X", under its dateline;
* a size in thousands inside a name is a context length, not a parameter count.
"""

from __future__ import annotations

from tests.en_helpers import read_texts


def _values(found: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    return {(s, p, v.split(".")[0]) for s, p, v in found}


SIZES = [
    "Tellane Labs today shipped Brisa, a 12B model trained on public code.",
    "Ondrel is a 40B model from Tellane Labs.",
    "Velar is a 95 billion parameter mixture-of-experts LLM from Tellane Labs.",
    '"Quillon has 52.5B total parameters but only uses 11.2B parameters per token," '
    "Tellane Labs said.",
    "Tellane Labs sold a 12B model stake to Harrow Capital.",  # no model named
    "Tellane Labs released Sparrow-Writer-65k, a model for long stories.",
]


def test_size_forms() -> None:
    _, _, attributes = read_texts(SIZES)
    brisa, ondrel, velar, quillon, stake, writer = (_values(a) for a in attributes)
    assert ("brisa", "parameterCount", "12000000000") in brisa
    assert ("ondrel", "parameterCount", "40000000000") in ondrel
    assert ("velar", "parameterCount", "95000000000") in velar
    assert ("quillon", "parameterCount", "52500000000") in quillon
    assert ("quillon", "parameterCount", "11200000000") not in quillon  # the active count
    assert not any(p == "parameterCount" for _, p, _ in stake)
    assert not any(p == "parameterCount" for _, p, _ in writer)  # 65k is a context length


COSTS = [
    "Researchers at Pell University built a reasoning model, Corvid, for less than $80.",
    "In comparison, the original Marten model cost around $700.",
    "Gannet required a training budget of less than $3 million.",
    "Pell University built a new library for $80 million.",  # not a model
    "Marten Plus costs $30 per month.",  # a price, not what the model cost
    "Tellane Labs bought Gannet for $3 million.",  # paid for, not made
]


def test_cost_forms() -> None:
    _, _, attributes = read_texts(COSTS)
    corvid, marten, gannet, library, price, bought = (_values(a) for a in attributes)
    assert ("corvid", "trainingCost", "80") in corvid
    assert ("marten", "trainingCost", "700") in marten
    assert ("gannet", "trainingCost", "3000000") in gannet
    for found in (library, price, bought):
        assert not any(p == "trainingCost" for _, p, _ in found)


RELEASES = [
    "Tellane Labs\n\nJuly 9, 2024\n\n"
    "Today, we are excited to release Plover, a small model built with Harrow AI.",
    "Tellane Labs\n\nMarch 4, 2024\n\nWe are thrilled to announce Egret, our newest model.",
    "Tellane Labs\n\nMarch 4, 2024\n\nWe are excited to share our plans for Egret-2.",
    "Tellane Labs\n\nToday, we are excited to release Plover-3, a small model.",  # no date
]


def test_announcement_forms() -> None:
    _, _, attributes = read_texts(RELEASES)
    plover, egret, plans, undated = attributes
    assert ("plover", "releaseDate", "2024-07-09") in plover
    assert ("egret", "releaseDate", "2024-03-04") in egret
    assert not any(p == "releaseDate" for _, p, _ in plans)
    assert not any(p == "releaseDate" for _, p, _ in undated)
