from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import ResourceFileError
from graph.lexicon import load_cues, load_lexicon, parse_lexicon


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


def entities(*lines: str) -> str:
    return "entities:\n" + "".join(f"  - {line}\n" for line in lines)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            entities(
                "{name: Zeta, class: Organization, en: [ZT]}",
                "{name: Zed, class: Product, en: [zt]}",
            ),
            r"entities\[1\]: alias 'zt' names both 'Zed' and 'Zeta' \(mine.yaml: entities\[0\]",
        ),
        (
            entities(
                "{name: Zeta, class: Organization}", "{name: Zed, class: Product, en: [ZETA]}"
            ),
            r"alias 'ZETA' of 'Zed' is the name of another entry, 'Zeta'",
        ),
        (
            entities(
                "{name: Zed, class: Product, en: [Zeta]}", "{name: Zeta, class: Organization}"
            ),
            r"the name 'Zeta' is also an alias of 'Zed'",
        ),
        (
            entities(
                "{name: Zeta AI, class: Organization}", "{name: zeta-ai, class: Organization}"
            ),
            r"'zeta-ai' and 'Zeta AI' \(mine.yaml: entities\[0\]\) are one name",
        ),
        (
            entities("{name: Qux R, class: AIModel}", "{name: Qux R+, class: AIModel}"),
            r"'Qux R\+' and 'Qux R' \(mine.yaml: entities\[0\]\) would share the IRI kge:qux-r",
        ),
        (
            entities("{name: Zeta, class: Organization, ja: ['・']}"),
            r"entities\[0\].ja: an alias is empty",
        ),
        (entities("{name: '-', class: Organization}"), r"entities\[0\]: the name is empty"),
    ],
)
def test_ambiguous_lexicon_names_both_entries(text: str, message: str) -> None:
    with pytest.raises(ResourceFileError, match=message):
        parse_lexicon(text, "mine.yaml")


def test_a_surface_repeated_within_one_entry_is_harmless() -> None:
    (entry,) = parse_lexicon(entities("{name: Zeta, class: Organization, en: [ZETA, zeta]}"))
    assert entry.en == ("ZETA", "zeta")


def test_user_alias_of_a_shipped_entry_is_refused_until_moved(tmp_path: Path) -> None:
    taken = tmp_path / "taken.yaml"
    taken.write_text(entities("{name: Zeta Search, class: Product, ja: [グーグル]}"), "utf-8")
    with pytest.raises(ResourceFileError, match=r"'グーグル' names both .*'Google'") as caught:
        load_lexicon([taken])
    assert str(taken) in str(caught.value) and "graph/data/lexicon.yaml" in str(caught.value)
    # Repeating the shipped entry by name without the alias frees it for the user's entry.
    moved = tmp_path / "moved.yaml"
    moved.write_text(
        entities(
            "{name: Google, class: Organization, en: [Google LLC]}",
            "{name: Zeta Search, class: Product, ja: [グーグル]}",
        ),
        "utf-8",
    )
    assert load_lexicon([moved]).lookup("グーグル").name == "Zeta Search"


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
