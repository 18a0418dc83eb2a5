"""Candidate names in English sentences and the class votes their cues give."""

from __future__ import annotations

import hashlib

import pytest

from graph.extraction.facts import decide_document_classes
from graph.lang.en import load_patterns
from graph.lang.en.cues import load_cues
from graph.lang.en.document import sentence_readings
from graph.lang.en.gazetteer import Gazetteer
from graph.lang.en.names import find_names
from graph.lang.en.parse import parse_documents
from graph.lexicon import load_lexicon
from graph.model import Document


def _document(text: str) -> Document:
    return Document("t", "t.txt", "t", text, "en", hashlib.sha256(text.encode()).hexdigest())


@pytest.fixture(scope="module")
def names_of():
    lexicon, cues = Gazetteer.of(load_lexicon()), load_cues()

    def read(text: str) -> dict[str, set[str]]:
        """surface -> the cues that voted for it, over every sentence of the text."""
        _, sentences = next(parse_documents([_document(text)]))
        out: dict[str, set[str]] = {}
        for sentence in sentences:
            for span in find_names(sentence, lexicon, cues).spans:
                out.setdefault(span.surface, set()).update(v.cue for v in span.votes)
        return out

    return read


@pytest.fixture(scope="module")
def classes_of():
    lexicon, cues, index = load_lexicon(), load_cues(), load_patterns()

    def read(text: str) -> dict[str, str]:
        _, sentences = next(parse_documents([_document(text)]))
        readings = sentence_readings(sentences, lexicon, cues, index)
        decided = decide_document_classes(readings, index)
        return {
            name.surface: decided[name.key].entity_class
            for reading in readings
            for name in reading.names
            if name.key in decided and not name.reference
        }

    return read


def test_gazetteer_names_vote_and_take_the_shared_key(names_of, classes_of) -> None:
    assert "lexicon" in names_of("Meta Platforms opened a lab.")["Meta Platforms"]
    assert classes_of("Microsoft opened a lab in Oslo.") == {"Microsoft": "Organization"}


def test_apposition_copula_and_type_nouns(names_of) -> None:
    found = names_of(
        "Tessel, a Lyon-based startup, sells tools. Pellmore is a data company. "
        "The Quorn model is small. Their Bricket chatbot is new."
    )
    assert "apposition:startup" in found["Tessel"]
    assert "copula:company" in found["Pellmore"]
    assert "type-noun:model" in found["Quorn"]
    assert "type-noun:chatbot" in found["Bricket"]
    assert "Lyon" not in found  # a place, not a name of the graph


def test_titles_type_the_person_and_the_employer(names_of) -> None:
    found = names_of("Corvatech CEO Lionel Petrakis spoke on Friday.")
    assert "title:ceo" in found["Lionel Petrakis"]
    assert "employer:ceo" in found["Corvatech"]


def test_name_shapes(names_of) -> None:
    found = names_of("Drayton Labs and Solvane AI trained Tidewell-13B and Orin-9.")
    assert "marker:labs" in found["Drayton Labs"]
    assert "marker:ai" in found["Solvane AI"]
    assert "name:size" in found["Tidewell-13B"]
    assert "name:version" in found["Orin-9"]


def test_first_words_and_places(names_of) -> None:
    found = names_of(
        "Analysts expect growth. Pellucid, which sells sensors, hired engineers. "
        "Despite that, offices in Austin and Toronto stayed open."
    )
    assert "Pellucid" in found
    assert not {"Analysts", "Despite", "Austin", "Toronto"} & set(found)


def test_short_forms_join_the_full_name(classes_of) -> None:
    classes = classes_of("Brightline Robotics built a robot. Brightline said it works.")
    assert classes.get("Brightline") == "Organization"


def test_late_typing_from_roles(classes_of) -> None:
    # No cue at all: the roles in the acquisition type both ends.
    classes = classes_of("Wenlock Foods acquired Harrowgate for $5 million.")
    assert classes == {"Wenlock Foods": "Organization", "Harrowgate": "Organization"}


def test_quoted_titles_and_people_with_colleagues(names_of) -> None:
    """A quoted title is a work, whatever merged run the parser saw inside it; a name
    coordinated with "colleagues" is a person."""
    found = names_of(
        "“Tides Are All You Want,” submitted on Monday by Orla Venn and colleagues at "
        "Pellory Labs, made a bold argument."
    )
    assert "quoted-title" in found["Tides Are All You Want"]
    assert "with:colleague" in found["Orla Venn"]


def test_senior_titles_and_based_companies(classes_of) -> None:
    """The holder of a senior title is a person (a role cue, whatever the parse); what
    is "Oslo-based" is a company."""
    classes = classes_of(
        "The deal will help, Corvane Capital senior vice president Arlo Penn told Reuters. "
        "Vexo Labs brought Oslo-based Tarnwick into the fold."
    )
    assert classes.get("Arlo Penn") == "Person"
    assert classes.get("Tarnwick") == "Organization"
