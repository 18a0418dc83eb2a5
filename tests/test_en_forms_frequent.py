"""Forms that recur across the studied English batches (counted over all of them, not
met in one), each on invented sentences with other names and wordings: a possessed kind
noun of a thing followed by its name ("Vexo's earlier model, Orbit-2", "Tarn Robotics'
humanoid robot Pindle"), whatever the parser hung the name on; a merged name the tagger
tagged as a verb, a pronoun or a number ("Reflection 70B"), which is a proper noun and a
nominal subject; a possessor inside the description after a name ("Nina Holt, the
company's co-founder"), which is another party than the name; the first person plural
of a company's own post, outside quotes, as the document's topic company. Negatives
must state nothing: a kind noun of a company or a person, a planned release, a former
post, "we" inside quotes, "we" with no topic company."""

from __future__ import annotations

import pytest

from graph.lang.en.parse import load_pipeline
from tests.en_helpers import form_tests

POSITIVE = [
    # a possessed kind noun, a comma, then the name: the apposition names the thing
    (
        "Velora Labs's earlier model, Kestrel-2, sparked a price war.",
        {("velora-labs", "developed", "kestrel-2")},
    ),
    # the name right after the kind noun, the parser making it a clause of its own
    (
        "Tarnix plans to sell Dovecote Robotics' humanoid robot Pindle 3 next year.",
        {("dovecote-robotics", "developed", "pindle-3")},
    ),
    # the apposition in the subject, another kind noun
    (
        "Marwick's newest model, Tavvik-3, drew complaints from teachers.",
        {("marwick", "developed", "tavvik-3")},
    ),
    # a merged name the tagger read by its letters as a verb (a clausal subject)
    (
        "Reflection 70B is an open-source large language model developed by Ostrel.",
        {("ostrel", "developed", "reflection-70b")},
    ),
    (
        "Critics say Reflection 70B, a compact model built by Harbex, lags behind.",
        {("harbex", "developed", "reflection-70b")},
    ),
    # "the company's TITLE" after a name and a comma: the company is the one met before
    (
        "Tarvo Labs raised $50 million on Monday. But Nina Holt, the company's co-founder, "
        "said the start-up was struggling.",
        {("nina-holt", "founded", "tarvo-labs")},
    ),
    (
        "Ostrel bought Tarvo Labs. Piet Lanser, the firm's chief executive, said the deal "
        "closed in May.",
        {("piet-lanser", "worksFor", "tarvo-labs")},
    ),
    # a company's own post: "we" and "our" are the company it names most often
    (
        "Pellix AI builds small models. Pellix AI was founded in 2021. Pellix AI is based in "
        "Lyon. Today, we are excited to release Corvo-9B, a compact model.",
        {("pellix-ai", "developed", "corvo-9b")},
    ),
    (
        "Pellix AI builds small models. Pellix AI was founded in 2021. Pellix AI is based in "
        "Lyon. This week we open-sourced the weights of our largest model, Corvo-40B.",
        {("pellix-ai", "developed", "corvo-40b")},
    ),
]

NEGATIVE = [
    # a company kind noun before the name: a peer or a backer, not a thing it made
    ("Velora Labs's investor, Harbex Capital, sold its stake.", ("velora-labs",)),
    ("Velora Labs's rival, Marwick, launched Orbit-5.", ("velora-labs", "developed")),
    ("Reflection 70B is an open-source model that Ostrel plans to release.", ("ostrel",)),
    # the possessor is no self-reference of the name, and a former post is past
    (
        "Tarvo Labs hired Nina Holt, the company's co-founder.",
        ("nina-holt", "founded", "nina-holt"),
    ),
    # inside quotes "we" is the speaker's, and no company is the topic of a short text
    (
        "Pellix AI builds small models. Pellix AI was founded in 2021. Pellix AI is based in "
        "Lyon. \u201cWe trained Corvo-9B on public data,\u201d said Ada Brun of Orsk.",
        ("pellix-ai", "developed"),
    ),
    ("Pellix AI builds models. Today, we are excited to release Corvo-9B.", ("pellix-ai",)),
    # "US" is the country, not "us"
    (
        "Pellix AI builds small models. Pellix AI was founded in 2021. Pellix AI is based in "
        "Lyon. The US bought Corvo-9B from Orsk.",
        ("pellix-ai",),
    ),
    (
        "Tarvo Labs raised $5 million. Nina Holt, the startup's former CTO, joined Harbex.",
        ("nina-holt", "worksFor", "tarvo-labs"),
    ),
]

#: Merged names the tagger reads by their letters (a verb, a pronoun): proper nouns.
MISTAGGED = [
    ("Reflection 70B is an open model.", "Reflection 70B"),
    ("Projection 70B is an open-source large language model.", "Projection 70B"),
]


@pytest.mark.parametrize(("text", "name"), MISTAGGED, ids=[n for _, n in MISTAGGED])
def test_merged_name_is_a_proper_noun(text, name) -> None:
    token = next(t for t in load_pipeline()(text) if t.text == name)
    assert (token.pos_, token.tag_) == ("PROPN", "NNP")
    assert token.dep_ != "csubj"


read, test_reads_the_form, test_states_nothing_it_does_not_say = form_tests(POSITIVE, NEGATIVE)
