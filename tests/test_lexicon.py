from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from graph.canonical import match_key, slug
from graph.errors import ResourceFileError
from graph.lang.ja.cues import load_cues
from graph.lexicon import load_lexicon, parse_lexicon
from graph.model import ENTITY_CLASSES

SHIPPED = Path(__file__).resolve().parent.parent / "graph" / "data" / "lexicon.yaml"


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
            entities("{name: Zeta, class: Organization, ja: ['・']}"),
            r"entities\[0\].ja: an alias is empty",
        ),
        (entities("{name: '-', class: Organization}"), r"entities\[0\]: the name is empty"),
    ],
)
def test_ambiguous_lexicon_names_both_entries(text: str, message: str) -> None:
    with pytest.raises(ResourceFileError, match=message):
        parse_lexicon(text, "mine.yaml")


def test_names_that_differ_in_punctuation_are_two_entries() -> None:
    """IRIs are minted injectively (issue 10 item 5), so Qux R and Qux R+ no longer clash."""
    from graph.canonical import slug

    entries = parse_lexicon(
        entities("{name: Qux R, class: AIModel}", "{name: Qux R+, class: AIModel}"), "mine.yaml"
    )
    assert [slug(e.name) for e in entries] == ["qux-r", "qux-r%2B"]


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


# ---- the shipped gazetteer

QID = re.compile(r"Q[1-9][0-9]*")
HEADER = re.compile(r"\s*# ---- (?P<class>[A-Za-z]+)(?::.*)?$")


def test_shipped_lexicon_is_a_gazetteer_of_valid_entries() -> None:
    lexicon = load_lexicon()  # the loader refuses malformed or ambiguous entries
    assert len(lexicon.entries) >= 450
    assert {entry.entity_class for entry in lexicon.entries} == set(ENTITY_CLASSES)
    for entry in lexicon.entries:
        assert entry.wikidata is None or QID.fullmatch(entry.wikidata), entry.name


def test_no_surface_form_names_two_shipped_entries() -> None:
    owners: dict[str, set[str]] = {}
    for entry in load_lexicon().entries:
        for surface in entry.surfaces:
            owners.setdefault(match_key(surface), set()).add(entry.name)
    assert {key: names for key, names in owners.items() if len(names) > 1} == {}
    iris = Counter(slug(entry.name) for entry in load_lexicon().entries)
    assert [iri for iri, count in iris.items() if count > 1] == []


def test_no_generic_noun_is_listed_as_a_name() -> None:
    """Generic words are never names; a concept or technique is named by its common noun
    (大規模言語モデル is the concept and the type noun of 大規模言語モデル「X」)."""
    cues = load_cues()
    generic = {match_key(w) for w in cues.generic_latin} | {
        match_key(noun) for noun, _ in cues.type_nouns
    }
    listed = {
        s
        for entry in load_lexicon().entries
        if entry.entity_class not in ("Concept", "Technique")
        for s in entry.surfaces
    }
    assert sorted(s for s in listed if match_key(s) in generic) == []


def test_shipped_lexicon_is_grouped_by_class_and_sorted() -> None:
    """Each "# ---- Class: group" header is followed by entries of that class, by name."""
    groups: list[tuple[str, list[dict]]] = []
    for line in SHIPPED.read_text(encoding="utf-8").splitlines():
        header = HEADER.match(line)
        if header:
            groups.append((header["class"], []))
        elif line.lstrip().startswith("- "):
            assert groups, f"entry before the first group header: {line}"
            groups[-1][1].append(yaml.safe_load(line.strip()[2:]))
    assert sum(len(group) for _, group in groups) == len(load_lexicon().entries)
    for entity_class, group in groups:
        assert entity_class in ENTITY_CLASSES
        assert [e["class"] for e in group] == [entity_class] * len(group)
        names = [e["name"] for e in group]
        assert names == sorted(names, key=str.casefold), f"{entity_class} group is not sorted"


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("ソフトバンクグループ", "SoftBank Group"),
        ("ソフトバンク", "SoftBank"),
        ("ソニーグループ", "Sony Group"),
        ("ソニー", "Sony"),
        ("パナソニックHD", "Panasonic Holdings"),
        ("パナソニック", "Panasonic"),
        ("サムスングループ", "Samsung Group"),
        ("サムスン電子", "Samsung Electronics"),
        ("GPT-4", "GPT-4"),
        ("GPT-4 Turbo", "GPT-4 Turbo"),
        ("gpt-4o", "GPT-4o"),
        ("Llama 3.1", "Llama 3.1"),
        ("Claude 3.5 Sonnet", "Claude 3.5 Sonnet"),
        ("Mixtral-8x7B", "Mixtral 8x7B"),
        ("サム・アルトマン", "Sam Altman"),
        ("孫 正義", "Masayoshi Son"),
        ("百度", "Baidu"),
        ("バイドゥ", "Baidu"),
    ],
)
def test_companies_and_versions_are_their_own_entries(surface: str, name: str) -> None:
    assert load_lexicon().lookup(surface).name == name


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


def test_cues_method_events_name_their_technique() -> None:
    cues = load_cues()
    assert cues.method_of("継続事前学習") == "continued pretraining"
    assert cues.method_of("事後学習") == "post-training"
    assert cues.method_of("事前学習") is None  # every model is pretrained: no technique
    assert cues.method_of("微調整") is None  # fineTunedFrom already states it


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("method_events: [事後学習]", "must map techniques"),
        ("method_events: {a: [事後学習], b: [事後学習]}", "names two techniques"),
        ("method_events: {post-training: 事後学習}", "list of strings"),
    ],
)
def test_cues_method_events_are_checked(data: str, message: str) -> None:
    from graph.lang.ja.cues import parse_cues

    with pytest.raises(ResourceFileError, match=message):
        parse_cues(data, "test.yaml")
