"""Forms that recur across the studied English batches (counted over all of them, not
met in one), each on invented sentences with other names and wordings: a possessed kind
noun of a thing followed by its name ("Vexo's earlier model, Orbit-2", "Tarn Robotics'
humanoid robot Pindle"), whatever the parser hung the name on. Negatives must state
nothing: a kind noun of a company or a person, or a plural kind listing other things."""

from __future__ import annotations

import pytest

from tests.en_helpers import read_texts

POSITIVE = [
    # a possessed kind noun, a comma, then the name: the apposition names the thing
    (
        "Velora Labs's earlier model, Kestrel-2, sparked a price war.",
        {("velora-labs", "developed", "kestrel-2")},
    ),
    # the name right after the kind noun, the parser making it a clause of its own
    (
        "Tarnix plans to sell Dovecote Robotics' humanoid robot Pindle 3 next year.",
        {("dovecote-robotics", "developed", "pindle-3")},
    ),
    # the apposition in the subject, another kind noun
    (
        "Marwick's newest model, Tavvik-3, drew complaints from teachers.",
        {("marwick", "developed", "tavvik-3")},
    ),
]

NEGATIVE = [
    # a company kind noun before the name: a peer or a backer, not a thing it made
    ("Velora Labs's investor, Harbex Capital, sold its stake.", ("velora-labs",)),
    ("Velora Labs's rival, Marwick, launched Orbit-5.", ("velora-labs", "developed")),
]


@pytest.fixture(scope="module")
def read():
    texts = list(dict.fromkeys([t for t, _ in POSITIVE] + [t for t, _ in NEGATIVE]))
    _, relations, _ = read_texts(texts)
    return dict(zip(texts, relations, strict=True))


@pytest.mark.parametrize(("text", "wanted"), POSITIVE, ids=[t[:40] for t, _ in POSITIVE])
def test_reads_the_form(read, text, wanted) -> None:
    missing = wanted - read[text]
    assert not missing, f"missing {missing}; read {read[text]}"


@pytest.mark.parametrize(("text", "wrong"), NEGATIVE, ids=[t[:40] for t, _ in NEGATIVE])
def test_states_nothing_it_does_not_say(read, text, wrong) -> None:
    assert not any(triple[: len(wrong)] == wrong for triple in read[text]), read[text]
