"""English typed values: the parsers, and which name each value is attached to (and when
a value is not the attribute it looks like)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graph.lang.en.values import parse_amount, parse_date, parse_money, parse_percent
from tests.en_helpers import read_texts


def test_amounts_money_and_percentages() -> None:
    assert parse_amount("13 billion") == 13_000_000_000
    assert parse_amount("1.3B") == 1_300_000_000
    assert parse_amount("70-billion") == 70_000_000_000
    assert parse_amount("2,000") == 2000
    assert parse_money("$100") == 100
    assert parse_money("$1.3 billion") == 1_300_000_000
    assert parse_money("4.6 million dollars") == 4_600_000
    assert parse_money("100 euros") is None
    assert parse_percent("92%") == Decimal("0.92")
    assert parse_percent("85 percent") == Decimal("0.85")


def test_dates() -> None:
    assert parse_date("March 21, 2024") == ("2024-03-21", "date")
    assert parse_date("21 March 2024") == ("2024-03-21", "date")
    assert parse_date("Sept. 5, 2023") == ("2023-09-05", "date")
    assert parse_date("March 2024") == ("2024-03", "gYearMonth")
    assert parse_date("2023") == ("2023", "gYear")
    assert parse_date("yesterday") is None


CASES = [
    ("Orrery-13B has 13 billion parameters.", ("orrery-13b", "parameterCount", "13000000000")),
    (
        "The 40-billion-parameter Bittern model is out.",
        ("bittern", "parameterCount", "40000000000"),
    ),
    (
        "Tansy, a model with 1.3B parameters, runs on phones.",
        ("tansy", "parameterCount", "1300000000"),
    ),
    (
        "With 90 billion parameters, Plume was the largest model of its year.",
        ("plume", "parameterCount", "90000000000"),
    ),
    ("Marrow Labs trained Veldt-2 for about $2 million.", ("veldt-2", "trainingCost", "2000000")),
    ("Corrie Labs spent $3.5 million training Sorrel-4.", ("sorrel-4", "trainingCost", "3500000")),
    ("Veldt-2 achieves 91% of Tansy-30B's quality.", ("veldt-2", "relativeQuality", "0.91")),
    ("Veldt-2 achieves 91% of Tansy-30B's quality.", ("tansy-30b", "relativeQuality", "1.0")),
    (
        "Larch-7B performs at 80 percent of the level of Tansy-30B.",
        ("larch-7b", "relativeQuality", "0.80"),
    ),
    ("Veldt-2 was released on June 3, 2024.", ("veldt-2", "releaseDate", "2024-06-03")),
    (
        "In May 2023, Marrow Labs released Veldt-1, a model for contracts.",
        ("veldt-1", "releaseDate", "2023-05"),
    ),
    ("Pipra-3, which came out in 2022, is still popular.", ("pipra-3", "releaseDate", "2022")),
    (
        "Corax-9B has 9 billion parameters and was released in April 2024.",
        ("corax-9b", "releaseDate", "2024-04"),
    ),
    ("Training Corax-9B cost roughly $3 million.", ("corax-9b", "trainingCost", "3000000")),
    # a post announcing its own release, under its date
    (
        "Open Release of Pellow-4\n\nMarch 3, 2025\n\nWe are releasing the weights of "
        "Pellow-4, our new model.",
        ("pellow-4", "releaseDate", "2025-03-03"),
    ),
]
NOT_ATTRIBUTES = [
    ("Marrow Labs raised $50 million to train Veldt-3.", "trainingCost"),
    ("Hollis Group acquired Veldt Labs for $1.3 billion.", "trainingCost"),
    ("Quillon was founded in March 2021 and has yet to release a model.", "releaseDate"),
    ("Veldt-2 scored 88% on the Tindle benchmark.", "relativeQuality"),
    ("Veldt-2 was trained on 15 trillion tokens.", "parameterCount"),
    ("March 3, 2025\n\nWe were releasing Pellow-5 slowly.", "releaseDate"),
]


@pytest.fixture(scope="module")
def built():
    texts = [t for t, _ in CASES] + [t for t, _ in NOT_ATTRIBUTES]
    _, _, attributes = read_texts(texts)
    return attributes


@pytest.mark.parametrize(("index", "case"), list(enumerate(CASES)), ids=lambda v: str(v)[:40])
def test_value_is_attached_to_its_name(built, index, case) -> None:
    text, (subject, prop, value) = case
    got = built[index]
    if prop == "releaseDate":
        assert (subject, prop, value) in got, f"{text!r}: {sorted(got)}"
    else:
        numbers = {(s, p, Decimal(v)) for s, p, v in got if p != "releaseDate"}
        assert (subject, prop, Decimal(value)) in numbers, f"{text!r}: {sorted(got)}"


@pytest.mark.parametrize(
    ("index", "case"), list(enumerate(NOT_ATTRIBUTES)), ids=lambda v: str(v)[:40]
)
def test_look_alike_values_are_not_attributes(built, index, case) -> None:
    text, prop = case
    got = built[len(CASES) + index]
    assert not any(p == prop for _, p, _ in got), f"{text!r}: {sorted(got)}"
