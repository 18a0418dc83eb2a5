"""Whole articles written for these tests (not the seed, not the dev set).

They mix the constructions of everyday AI news; the expected facts were written down
from the text, not from the output. A failing fact here means a mechanism regressed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.pipeline import extract

ARTICLES = Path(__file__).parent / "data" / "articles"

EXPECTED = {
    "gemma-launch.ja.txt": {
        ("google", "developed", "gemma"),
        ("deepmind", "developed", "gemini"),
        ("gemma-7b", "outperforms", "llama-2-13b"),
        ("meta", "developed", "llama-2-13b"),
        ("gemma-7b", "variantOf", "gemma"),
        ("demis-hassabis", "worksFor", "deepmind"),
        ("google", "investedIn", "anthropic"),
        ("microsoft", "partneredWith", "mistral-ai"),
        ("microsoft", "investedIn", "mistral-ai"),
        ("mistral-ai", "developed", "mistral-large"),
    },
    "softbank-llm.ja.txt": {
        ("softbank", "owns", "sb-intuitions"),
        ("丹波廣寅", "worksFor", "sb-intuitions"),
        ("openai", "partneredWith", "softbank"),
        ("softbank", "founded", "sb-openai-japan"),
        ("sam-altman", "worksFor", "openai"),
        ("ntt", "developed", "tsuzumi"),
    },
    "apple-openai.ja.txt": {
        ("apple", "partneredWith", "openai"),
        ("ilya-sutskever", "founded", "safe-superintelligence"),
        ("ilya-sutskever", "founded", "openai"),
        ("yutaka-matsuo", "worksFor", "university-of-tokyo"),
    },
}

#: Facts the articles deny or never state; finding one is a precision bug.
NOT_STATED = {
    "apple-openai.ja.txt": {
        ("apple", "developed", "chatgpt"),  # Apple integrates ChatGPT, it did not make it
        ("apple", "investedIn", "openai"),  # "出資しない方針": negated
        ("ilya-sutskever", "worksFor", "openai"),  # "元OpenAIの研究者": a former tie
    },
}

ATTRIBUTES = {
    "gemma-launch.ja.txt": {
        ("gemma", "releaseDate", "2024-02-21"),
        ("gemma-2b", "parameterCount", "2000000000"),
        ("gemma-7b", "parameterCount", "7000000000"),
    },
    "softbank-llm.ja.txt": {("tsuzumi", "releaseDate", "2024-03")},
}


@pytest.fixture(scope="module")
def extractions(nlp):
    return {name: extract([ARTICLES / name]) for name in EXPECTED}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_expected_facts_are_found(extractions, name) -> None:
    found = {(r.subject, r.predicate, r.object) for r in extractions[name].relations}
    assert EXPECTED[name] <= found, EXPECTED[name] - found


@pytest.mark.parametrize("name", sorted(ATTRIBUTES))
def test_expected_attributes_are_found(extractions, name) -> None:
    found = {(a.subject, a.property, str(a.value)) for a in extractions[name].attributes}
    assert ATTRIBUTES[name] <= found, ATTRIBUTES[name] - found


def test_no_value_is_given_to_the_wrong_model(extractions) -> None:
    # "パラメータ数が20億の「Gemma 2B」" must not give Gemini (named earlier) 2B parameters.
    gemma = extractions["gemma-launch.ja.txt"]
    assert not [a for a in gemma.attributes if a.subject == "gemini"]


@pytest.mark.parametrize("name", sorted(NOT_STATED))
def test_denied_or_unstated_facts_are_not_extracted(extractions, name) -> None:
    found = {(r.subject, r.predicate, r.object) for r in extractions[name].relations}
    assert not (NOT_STATED[name] & found)


def test_a_denied_stance_is_no_stance(extractions) -> None:
    relations = extractions["apple-openai.ja.txt"].relations
    assert not [
        r for r in relations if r.predicate == "viewsAsThreat" and r.object == "generative-ai"
    ]
