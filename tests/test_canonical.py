from __future__ import annotations

import pytest

from graph.canonical import (
    is_latin_name,
    match_key,
    normalize_surface,
    size_of,
    slug,
    strip_org_affixes,
)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Vicuna-13B", "vicuna 13b"),
        ("ＬＬａＭＡ", "LLaMA"),  # full-width
        ("DALL・E 2", "DALL-E 2"),
        ("Stability AI", "StabilityAI"),
    ],
)
def test_match_key_ignores_case_width_and_separators(left: str, right: str) -> None:
    assert match_key(left) == match_key(right)


def test_match_key_keeps_sizes_apart() -> None:
    assert match_key("LLaMA-65B") != match_key("LLaMA")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Meta社", "Meta"),
        ("米OpenAI", "OpenAI"),
        ("楽天グループ", "楽天"),
        ("株式会社リコー", "リコー"),
        ("Mistral AI社", "Mistral AI"),
        ("Acme Inc.", "Acme"),
        ("社", "社"),  # nothing left to strip to
        ("米国", "米国"),  # a country alone is not stripped to nothing
    ],
)
def test_strip_org_affixes(raw: str, expected: str) -> None:
    assert strip_org_affixes(raw) == expected


@pytest.mark.parametrize(
    ("name", "size"),
    [
        ("Vicuna-13B", 13_000_000_000),
        ("Mistral-7B-v0.1", 7_000_000_000),
        ("Alpaca 7B", 7_000_000_000),
        ("Phi-1.5B", 1_500_000_000),
        ("GPT-4", None),
        ("BERT", None),
    ],
)
def test_size_of_reads_parameter_counts_from_names(name: str, size: int | None) -> None:
    assert size_of(name) == size


def test_slug_is_stable_and_iri_safe() -> None:
    assert slug("Rakuten AI 7B") == "rakuten-ai-7b"
    assert slug("Mistral-7B-v0.1") == "mistral-7b-v0-1"
    assert slug("楽天") == "楽天"
    assert slug("!!!") == "entity"


def test_surface_helpers() -> None:
    assert normalize_surface("  Ｇｏｏｇｌｅ   LLC ") == "Google LLC"
    assert is_latin_name("Ｍｅｔａ")
    assert not is_latin_name("メタ")


def test_mixture_of_experts_names_have_a_size_token_but_no_count() -> None:
    from graph.canonical import has_size_token

    assert has_size_token("Mixtral-8x7B")
    assert size_of("Mixtral-8x7B") is None
