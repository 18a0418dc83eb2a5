"""Attribute forms of real news: a possessive size ("X's 685B parameters"), a cost "at an
estimated cost of $N" of training, and "today" in a document whose dateline gives the day.
Invented names; negatives must state nothing."""

from __future__ import annotations

from tests.en_helpers import read_texts

TEXTS = [
    "Ossia-9B is small next to Corvane v2's 480B parameters, a model.",
    "Tessel v4 trained on 2,000,000 GPU hours at an estimated cost of $4,250,000.",
    "Quorra Labs unveils Tinder-2\n\nPublished March 3, 2025\n\n"
    "Today, Quorra Labs released Tinder-2, a small model.",
    "Quorra Labs\n\nMarch 3, 2025\n\nToday, Quorra Labs said it has not released Tinder-3.",
    "Quorra Labs\n\nToday, Quorra Labs released Tinder-4, a small model.",
]


def test_attribute_forms() -> None:
    _, _, attributes = read_texts(TEXTS)
    size, cost, today, negated, undated = attributes
    assert ("corvane-v2", "parameterCount", "480000000000") in size
    assert not any(s == "480b" for s, _, _ in size)  # the amount is no model
    assert ("tessel-v4", "trainingCost", "4250000") in {(s, p, v.split(".")[0]) for s, p, v in cost}
    assert ("tinder-2", "releaseDate", "2025-03-03") in today
    assert not negated and not undated
