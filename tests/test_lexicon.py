from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import ResourceFileError
from graph.lang.ja.cues import load_cues
from graph.lexicon import load_lexicon, parse_lexicon


def test_shipped_lexicon_loads_and_looks_up_aliases() -> None:
    lexicon = load_lexicon()
    assert lexicon.lookup("グーグル").name == "Google"
    assert lexicon.lookup("ＬＬａＭＡ").entity_class == "AIModel"
    assert lexicon.lookup("no such thing") is None


def test_user_lexicon_extends_and_overrides(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "entities:\n"
        "  - {name: Sakana AI, class: Organization, ja: [サカナAI]}\n"
        "  - {name: Google, class: Organization, ja: [谷歌]}\n",
        encoding="utf-8",
    )
    lexicon = load_lexicon([extra])
    assert lexicon.lookup("サカナAI").name == "Sakana AI"
    assert lexicon.lookup("谷歌").name == "Google"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("entities: 3", "'entities' list"),
        ("entities:\n  - {name: X}", "'name' and 'class'"),
        ("entities:\n  - {name: X, class: Planet}", "not one of"),
        ("entities:\n  - {name: X, class: Person, wikidata: 42}", "look like Q42"),
        ("entities:\n  - {name: X, class: Person, colour: red}", "unknown field"),
        ("entities: [", "not valid YAML"),
    ],
)
def test_malformed_lexicon_says_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ResourceFileError, match=message):
        parse_lexicon(text, "mine.yaml")


def test_cues_type_nouns_prefer_the_longest_suffix() -> None:
    cues = load_cues()
    assert cues.type_of_noun("大規模言語モデル") == "AIModel"
    assert cues.type_of_noun("AI研究団体") == "Organization"
    assert cues.type_of_noun("拡張機能") == "Product"
    assert cues.type_of_noun("天気") is None


def test_anaphors_are_made_from_every_type_noun() -> None:
    anaphors = dict(load_cues().anaphors)
    assert anaphors["同社"] == "Organization"
    assert anaphors["同LLM"] == "AIModel"  # 同 + a type noun, not a listed phrase
    assert anaphors["本サービス"] == "Product"
    assert anaphors["当該技術"] == "Technique"
