"""Forms met in unseen news (en batch 4), each on invented sentences with other names and
wordings: a known term used as a type noun, title words and quantifiers that are no part
of a name, bare sizes that are amounts, "startup" misread as a verb, a company's model as
the model it made, and the names a plural noun lists after a comma. Negatives must state
nothing; a strict xfail marks a known gap."""

from __future__ import annotations

import pytest

from tests.en_helpers import read_texts

POSITIVE = [
    # a term the gazetteer knows ("large language model"), used with an article as a
    # type noun, describes the copula's subject or the name it stands beside
    (
        "Tansy is a large language model developed by Quarrel Labs.",
        {("quarrel-labs", "developed", "tansy")},
    ),
    (
        "Sorvin, a large language model built by Ostrel Systems, is free to use.",
        {("ostrel-systems", "developed", "sorvin")},
    ),
    # a title word is no part of the name after it
    (
        "Pendle Labs was started in 2019 by Chief Scientist Ilse Varga and Corin Tate.",
        {("ilse-varga", "founded", "pendle-labs"), ("corin-tate", "founded", "pendle-labs")},
    ),
    # "startup" read by the tagger as a past-tense verb before a name
    (
        "Harrowgate Group also bought speech analytics startup Quillon in March.",
        {("harrowgate", "acquired", "quillon")},
    ),
    (
        "Ferrant Capital doubled its investment in robotics startup Velloq on Friday.",
        {("ferrant-capital", "investedIn", "velloq")},
    ),
    # a company's model is the model it made
    (
        "Critics compared it with Dunmore AI's Sorrel-12B.",
        {("dunmore-ai", "developed", "sorrel-12b")},
    ),
    (
        "In May, Pellory debuted its latest Garnet model, Garnet 2 Pro, to wide praise.",
        {("pellory", "developed", "garnet-2-pro")},
    ),
    # the names a plural noun lists after a comma (the parser makes them its conjuncts)
    (
        "Tessiva said it released two open models, Wren-34B and Wren-6B, last week.",
        {("tessiva", "developed", "wren-34b"), ("tessiva", "developed", "wren-6b")},
    ),
    (
        "Analysts praised Calder Cloud's in-house chips, Flintcore and Ashcore.",
        {("calder-cloud", "owns", "flintcore"), ("calder-cloud", "owns", "ashcore")},
    ),
    (
        "Marlin Soft will move its Harbor apps, Tidepool, Keelson, and Data Reef to Azure.",
        {
            ("marlin-soft", "owns", "harbor"),
            ("marlin-soft", "owns", "tidepool"),
            ("marlin-soft", "owns", "keelson"),
            ("marlin-soft", "owns", "data-reef"),
        },
    ),
    # a fronted "as" phrase describes the subject after it, whatever the verb
    (
        "As the largest backer of Quillon, Brandt Group has also taken a seat on its board.",
        {("brandt", "investedIn", "quillon")},
    ),
    # "the company" is the article's company, not one met once in passing
    (
        "Harlix Group builds chatbots. Harlix Group said sales rose. Harlix Group also "
        "hired staff. Critics noted that Corvane's model is larger. "
        "The company plans to put the model into its existing apps such as Tally.",
        {("harlix", "owns", "tally")},
    ),
]

NEGATIVE = [
    # a known term with an article and no name beside it is a kind, not a thing
    ("Brenwick is developing a large language model for banks.", ("brenwick", "developed")),
    # an acronym of a kind ("LLM") is no name, so no company owns it
    ("This is not Brellic's first LLM.", ("brellic", "owns")),
    ("This is not Brellic's first LLM.", ("brellic", "developed")),
    (
        "Harlix Group builds chatbots. Harlix Group said sales rose. Harlix Group also "
        "hired staff. Critics noted that Corvane's model is larger. "
        "The company plans to put the model into its existing apps such as Tally.",
        ("corvane", "owns", "tally"),
    ),
    # a possessed *name* is owned alone, even in a list
    (
        "Tovin compared Harlix's Quarry, Stilt and Benmore's Dunmore.",
        ("benmore", "owns", "quarry"),
    ),
]

#: Names that must not be read (a title word, a quantifier, a bare amount).
NOT_NAMES = [
    ("Pendle Labs was started in 2019 by Chief Scientist Ilse Varga.", "scientist-ilse-varga"),
    ("Both Orrin-7B and Orrin-7B-Chat are open models.", "both-orrin-7b"),
    ("It uses a mixture-of-experts design with 132B total parameters.", "132b"),
    ("Inside Vellum's $9B Valuation", "9b"),
]


@pytest.fixture(scope="module")
def read():
    texts = [t for t, _ in POSITIVE] + [t for t, _ in NEGATIVE] + [t for t, _ in NOT_NAMES]
    texts = list(dict.fromkeys(texts))
    extraction, relations, attributes = read_texts(texts)
    keys = {entity.key for entity in extraction.entities}
    by_text = dict(zip(texts, zip(relations, attributes, strict=True), strict=True))
    return by_text, keys


@pytest.mark.parametrize(("text", "wanted"), POSITIVE, ids=[t[:40] for t, _ in POSITIVE])
def test_reads_the_form(read, text, wanted) -> None:
    relations = read[0][text][0]
    missing = wanted - relations
    assert not missing, f"missing {missing}; read {relations}"


@pytest.mark.parametrize(("text", "wrong"), NEGATIVE, ids=[t[:40] for t, _ in NEGATIVE])
def test_states_nothing_it_does_not_say(read, text, wrong) -> None:
    relations = read[0][text][0]
    assert not any(triple[: len(wrong)] == wrong for triple in relations), relations


@pytest.mark.parametrize(("text", "key"), NOT_NAMES, ids=[k for _, k in NOT_NAMES])
def test_is_no_name(read, text, key) -> None:
    relations, attributes = read[0][text]
    ends = {s for s, _, _ in relations} | {o for _, _, o in relations}
    ends |= {s for s, _, _ in attributes}
    assert key not in ends and key not in read[1], (relations, attributes)
