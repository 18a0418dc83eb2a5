"""Surface case markers, active-voice roles, voice and negation."""

from __future__ import annotations

import pytest

from graph.lang.ja.syntax import active_role, is_negated, is_passive, surface_marker


def token(nlp, text: str, word: str):
    return next(t for t in nlp(text) if t.text == word)


@pytest.mark.parametrize(
    ("text", "end", "marker"),
    [
        ("MetaがLLaMAを公開した", 4, "が"),
        ("OpenAIに対して出資した", 6, "に対して"),
        ("「LLaMA」を基に開発した", 6, "を基に"),  # the closing quote is skipped
        ("LLaMAを基に開発した", 5, "を基に"),
        ("GoogleやAppleなどを挙げた", 12, "を"),  # など is skipped
        ("Zorbix社によるQux社の買収", 7, "による"),
        ("Zorbixの新モデル", 6, "の"),
        ("Zorbix新モデル", 6, ""),
    ],
)
def test_surface_markers(text, end, marker) -> None:
    assert surface_marker(text, end) == marker


@pytest.mark.parametrize(
    ("marker", "passive", "receiving", "expected"),
    [
        ("が", False, False, "ga"),
        ("は", True, False, "wo"),  # the passive's subject is the patient
        ("によって", True, False, "ga"),
        ("による", False, False, "ga"),  # the agent of a nominal event
        ("に", True, False, "ga"),  # Xに採用された: the agent
        ("から", True, False, "kara"),  # the source stays: Xからファインチューニングされた
        ("から", False, True, "ga"),  # Xから出資を受けた: the giver
        ("は", False, True, "ni"),  # …the receiver
        ("に対して", False, False, "ni"),
        ("を基に", False, False, "basis"),
        ("の", False, False, "poss"),
        ("について", False, False, "about"),
        ("へへ", False, False, None),
    ],
)
def test_roles_undo_voice(marker, passive, receiving, expected) -> None:
    assert active_role(marker, passive=passive, receiving=receiving) == expected


def test_passive_and_negation(nlp) -> None:
    assert is_passive(token(nlp, "LLaMAはMetaによって開発された。", "開発"))
    assert not is_passive(token(nlp, "MetaはLLaMAを開発した。", "開発"))
    assert is_negated(token(nlp, "AppleはOpenAIに出資しない。", "出資"))
    assert not is_negated(token(nlp, "AppleはOpenAIに出資した。", "出資"))
