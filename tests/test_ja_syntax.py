"""Token helpers: case markers, roles after voice, negation, quoted clauses."""

from __future__ import annotations

import pytest

from graph.lang.ja.syntax import argument_role, case_marker, is_passive, negated, quoted_clause


def token(nlp, text: str, word: str):
    return next(t for t in nlp(text) if t.text == word)


def test_case_markers_join_multiword_particles(nlp) -> None:
    assert case_marker(token(nlp, "MetaがLLaMAを公開した。", "Meta")) == "が"
    assert case_marker(token(nlp, "OpenAIに対して出資した。", "OpenAI")) == "に対して"
    assert case_marker(token(nlp, "LLaMAを基に開発した。", "LLaMA")) == "を基に"
    assert case_marker(token(nlp, "GoogleやAppleなどを挙げた。", "Apple")) == "を"


@pytest.mark.parametrize(
    ("marker", "passive", "expected"),
    [
        ("が", False, "ga"),
        ("は", True, "wo"),  # the passive's subject is the patient
        ("によって", True, "ga"),
        ("によって", False, "agent"),
        ("に対して", False, "ni"),
        ("から", False, "kara"),
        ("を基に", False, "basis"),
        ("の", False, None),
    ],
)
def test_argument_role_undoes_the_passive(marker, passive, expected) -> None:
    assert argument_role(marker, passive) == expected


def test_passive_negation_and_quoted_clauses(nlp) -> None:
    assert is_passive(token(nlp, "LLaMAはMetaによって開発された。", "開発"))
    assert not is_passive(token(nlp, "MetaはLLaMAを開発した。", "開発"))
    assert negated(token(nlp, "AppleはOpenAIに出資しない。", "出資"))
    assert not negated(token(nlp, "AppleはOpenAIに出資した。", "出資"))
    assert quoted_clause(token(nlp, "提携すると発表した。", "提携"))
