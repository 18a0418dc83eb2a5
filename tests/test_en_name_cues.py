"""Class cues of real news prose: sources of news ("Reuters reported", "according to X",
"reported by The Information"), kinds of publishers ("the journal Nature"), the "The" of
a publication's name, and the given name a quote uses for a person met before."""

from __future__ import annotations

from tests.en_helpers import read_texts


def _entities(text: str) -> dict[str, tuple[str, set[str]]]:
    extraction, _, _ = read_texts([text])
    return {
        e.key: (e.entity_class, {label.text for label in (*e.pref_labels, *e.alt_labels)})
        for e in extraction.entities
    }


def test_sources_of_news_are_organizations() -> None:
    entities = _entities(
        "The deal was first reported by The Quillwire. In May, the Harbor Street Ledger "
        "reported a loss, according to The Daily Varn."
    )
    for key in ("quillwire", "harbor-street-ledger", "daily-varn"):
        assert entities.get(key, ("",))[0] == "Organization", (key, entities)


def test_a_capitalised_the_belongs_to_the_name() -> None:
    entities = _entities("His departure was first reported by The Quillwire on Monday.")
    assert "The Quillwire" in entities["quillwire"][1]


def test_publishers_are_organizations() -> None:
    entities = _entities("Researchers published a paper in the scientific journal Orrery.")
    assert entities["orrery"][0] == "Organization"


def test_a_person_speaks_for_themselves() -> None:
    # a person-shaped name reporting something is not typed an organization
    entities = _entities("In 2021, Mara Quist reported that sales fell.")
    assert entities.get("mara-quist", ("Person",))[0] == "Person"


def test_a_given_name_joins_the_full_name() -> None:
    entities = _entities(
        "Investors backed Ilario Venn, co-founder of Brisk Labs. "
        '"I have known Ilario for years," said one of them.'
    )
    assert "ilario" not in entities and "Ilario" in entities["ilario-venn"][1]
