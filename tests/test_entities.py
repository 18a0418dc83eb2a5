from __future__ import annotations

from graph.entities import merge_entities
from graph.lexicon import load_lexicon
from graph.model import Mention


def mention(
    text: str, key: str, canonical: str, entity_class: str, cue: str, start: int = 0
) -> Mention:
    return Mention(text, "d", start, start + len(text), entity_class, key, canonical, cue)


def test_surface_forms_merge_and_stay_visible_as_alt_labels() -> None:
    lexicon = load_lexicon()
    entities, _ = merge_entities(
        [
            mention("Meta", "meta", "Meta", "Organization", "lexicon"),
            mention("Meta社", "meta", "Meta", "Organization", "lexicon", 10),
            mention("メタ", "meta", "Meta", "Organization", "lexicon", 20),
        ],
        lexicon,
        {"d": "ja"},
    )
    (meta,) = entities
    assert meta.key == "meta" and meta.mention_count == 3
    assert {(lbl.text, lbl.language) for lbl in meta.pref_labels} == {
        ("Meta", "en"),
        ("Meta", "ja"),
    }
    alt = {lbl.text for lbl in meta.alt_labels}
    assert {"Meta社", "メタ", "Facebook"} <= alt
    assert meta.wikidata == "Q380"


def test_family_name_alone_joins_the_full_name() -> None:
    entities, key_map = merge_entities(
        [
            mention(
                "サティア・ナデラ", "サティア-ナデラ", "サティア・ナデラ", "Person", "marker:CEO"
            ),
            mention("ナデラ", "ナデラ", "ナデラ", "Person", "marker:氏", 30),
        ],
        load_lexicon(),
        {"d": "ja"},
    )
    assert [e.key for e in entities] == ["サティア-ナデラ"]
    assert key_map["ナデラ"] == "サティア-ナデラ"
    assert "ナデラ" in {lbl.text for lbl in entities[0].alt_labels}


def test_family_name_alone_joins_a_listed_person_named_in_english() -> None:
    entities, key_map = merge_entities(
        [
            mention("サティア・ナデラ", "satya-nadella", "Satya Nadella", "Person", "lexicon"),
            mention("ナデラ", "ナデラ", "ナデラ", "Person", "marker:氏", 30),
        ],
        load_lexicon(),
        {"d": "ja"},
    )
    assert [e.key for e in entities] == ["satya-nadella"]
    assert key_map["ナデラ"] == "satya-nadella"


def test_strongest_cue_decides_the_class() -> None:
    entities, _ = merge_entities(
        [
            mention("Zeta", "zeta", "Zeta", "Product", "apposition"),
            mention("Zeta社", "zeta", "Zeta", "Organization", "marker:社", 9),
        ],
        load_lexicon(),
        {"d": "ja"},
    )
    assert entities[0].entity_class == "Organization"
