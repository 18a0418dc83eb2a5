"""Precision forms met on unseen news (en batches 10 and 11 at first contact), each on
invented sentences with other names and wordings: names inside a list member's
description are no members, a relative clause set off by a comma is of the name before
it, a standing post told in the simple past is a past one, a past employer in a
person's description is no antecedent of "its", unnamed plural people hold no title, a
loose name past another clause is no object, a partnership "with" an unnamed party pairs
no one, a sentence-initial participle or type-phrase word is no name, a possessive tie
the document calls former elsewhere is over, a sized name is a variant of its bare name
only when the bare name is a family, a two-letter surname is a short form, a technique
head with only a word of commonness ("standard architecture") names no method, and a
sentence opener ("Enter X") is no part of the name after it, and "Databrick’s" stands for
the Databricks named before; a model distilled from another is trained on it.
Negatives must state nothing."""

from __future__ import annotations

import hashlib

import pytest

from graph.lang.en.cues import load_cues
from graph.lang.en.gazetteer import Gazetteer
from graph.lang.en.names import find_names
from graph.lang.en.parse import parse_documents
from graph.lexicon import load_lexicon
from graph.model import Document
from tests.en_helpers import read_texts

POSITIVE = [
    # a list of founders whose members carry descriptions: the names inside them are no
    # founders, the members are
    (
        "Quorrel was founded by Dana Whit, a former securities and antitrust litigator at "
        "law firm Skadden & Arps, and Ivo Marsh, previously a research scientist at "
        "Anthropic, Cohere Labs (another of Canada’s AI groups) and Mistral AI.",
        {("dana-whit", "founded", "quorrel")},
    ),
    (
        "Brisa Robotics has also hired Omar Leith, an engineer from Quillon Labs, and "
        "Dana Kerr, who works on Orvik at Pellory Labs.",
        {
            ("omar-leith", "worksFor", "brisa-robotics"),
            ("dana-kerr", "worksFor", "brisa-robotics"),
            ("dana-kerr", "worksFor", "pellory-labs"),
        },
    ),
    # "A and B, who both …" share the clause
    (
        "Vexo was founded by Ann Lee and Tom Reade, who both work at Pellory Labs.",
        {("ann-lee", "worksFor", "pellory-labs"), ("tom-reade", "worksFor", "pellory-labs")},
    ),
    # a past employer in the description of the person is no antecedent of "its"
    (
        "On Monday, Vexo’s board appointed Dana Kerr, former Pellwick head, as its new "
        "Chief Executive Officer.",
        {("dana-kerr", "worksFor", "vexo")},
    ),
    (
        "Pellory Labs named Tom Reade, a former Quillon executive, as its chief executive.",
        {("tom-reade", "worksFor", "pellory-labs")},
    ),
    # a post in the present or the perfect stands; a founding in the past stays an event
    ("Ann Lee is chief executive of Pellory Labs.", {("ann-lee", "worksFor", "pellory-labs")}),
    (
        "Tom Reade, who has worked at Pellory Labs since 2020, leads its robotics team.",
        {("tom-reade", "worksFor", "pellory-labs")},
    ),
    ("Ann Lee was a co-founder of Pellory Labs.", {("ann-lee", "founded", "pellory-labs")}),
    ("Vexo was an early investor in Pellory Labs.", {("vexo", "investedIn", "pellory-labs")}),
    # "one of the founders of X" picks one person out of the plural
    (
        "Mara Quint, who was recently hired by Tarnwick to lead its robotics division, was "
        "co-founder of AI company Brellin, and one of the founders of UK AI pioneer Quorra.",
        {("mara-quint", "founded", "brellin"), ("mara-quint", "founded", "quorra")},
    ),
    # a term with a word that says which method stays
    (
        "Tarvo-12B relies on grouped-query attention, Quillon said.",
        {("tarvo-12b", "uses", "grouped-query-attention")},
    ),
    # a part of a company still speaks for it where it acts
    ("The Pellory team developed Orvik-3.", {("pellory", "developed", "orvik-3")}),
    # a name ending in -s written "X’s" after its cut stem is that name
    (
        "Pellorys acquired Tabula for $1 billion. Harbor Lake is Pellory’s existing "
        "product equivalent to Tabula.",
        {("pellorys", "owns", "harbor-lake")},
    ),
    # a model distilled from another learnt from its outputs: trained on it; derived
    # from it, it is built on it
    (
        "Pellory said its Tarvo-3 model was distilled from Orvik-70B.",
        {("tarvo-3", "trainedOn", "orvik-70b")},
    ),
    ("Tarvo-3 is derived from Orvik-70B.", {("tarvo-3", "basedOn", "orvik-70b")}),
    # a partnership with no other party pairs the group's members
    ("Quillon and Pellory have a deep partnership.", {("pellory", "partneredWith", "quillon")}),
    # a family named as such, or with two members: the sized names are its variants
    (
        "Quillon released the Tarvo family of models. Tarvo 7B is the smallest of them.",
        {("tarvo-7b", "variantOf", "tarvo")},
    ),
    (
        "Quillon released Tarvo 7B and Tarvo 70B. Tarvo is open source.",
        {("tarvo-7b", "variantOf", "tarvo"), ("tarvo-70b", "variantOf", "tarvo")},
    ),
    # an edition word needs no family: "Tarvo Pro" is a Tarvo
    (
        "Quillon released Tarvo Pro. Tarvo is open source.",
        {("tarvo-pro", "variantOf", "tarvo")},
    ),
    # a two-letter surname is the one person of the document with it
    (
        "Eldham University’s Mei-Lan Wu has quietly built a start-up. Wu, a computer "
        "scientist who has been dubbed the “godmother of robotics”, created a company "
        "called Sorrel Works in April.",
        {("mei-lan-wu", "founded", "sorrel-works")},
    ),
    (
        "Robotics pioneer Jun Ma is raising money for a new venture. Ma started Pellory "
        "Labs while on partial leave from Eldham University, where she co-directs a lab.",
        {("jun-ma", "founded", "pellory-labs")},
    ),
    # a possessive tie stands where nothing says it is over
    (
        "Cohere’s Aidan Marsh said the new model would ship in May. Cohere CEO Aidan "
        "Marsh also said sales grew.",
        {("aidan-marsh", "worksFor", "cohere")},
    ),
]

NEGATIVE = [
    # the law firm and the labs in the descriptions founded nothing
    (
        "Quorrel was founded by Dana Whit, a former securities and antitrust litigator at "
        "law firm Skadden & Arps, and Ivo Marsh, previously a research scientist at "
        "Anthropic, Cohere Labs (another of Canada’s AI groups) and Mistral AI.",
        ("dana-whit", "founded", "cohere-labs"),
    ),
    (
        "Quorrel was founded by Dana Whitcombe, a former securities and antitrust "
        "litigator at law firm Skadden & Arps, and Ivo Marsh, previously a research "
        "scientist at DeepMind, Google Research (another of Google’s AI groups) and Meta AI.",
        ("dana-whitcombe", "founded", "google-research"),
    ),
    # the relative clause after the second member is not the first member's
    (
        "Brisa Robotics has also hired Omar Leith, an engineer from Quillon Labs, and "
        "Dana Kerr, who works on Orvik at Pellory Labs.",
        ("omar-leith", "worksFor", "pellory-labs"),
    ),
    # a post told in the simple past is over
    (
        "Meta has also hired Tom Reade, who worked on Orvik at Pellory Labs.",
        ("tom-reade", "worksFor", "pellory-labs"),
    ),
    ("Ann Lee was chief executive of Pellory Labs.", ("ann-lee", "worksFor")),
    (
        "Before joining Tarnwick as head of search, Ada Voss was CTO of Quillon Systems, "
        "which Tarnwick acquired in 2012.",
        ("ada-voss", "worksFor", "quillon-systems"),
    ),
    # the former employer named in the description is not "its"
    (
        "On Monday, Vexo’s board appointed Dana Kerr, former Pellwick head, as its new "
        "Chief Executive Officer.",
        ("dana-kerr", "worksFor", "pellwick"),
    ),
    # unnamed engineers are nobody's title holders: not the person met before
    (
        "Tom Reade is chief executive of Brisa. Brisa later hired the Harrow engineers "
        "behind the Orvik chip.",
        ("tom-reade", "worksFor", "harrow"),
    ),
    # a company named after another clause is no object of the first verb
    (
        "Gaudex launched a new Tessel AI-training processor in March that it said will "
        "provide faster speeds to compete with those offered by Samsung’s rival, Nvidia "
        "Corp.",
        ("gaudex", "founded", "nvidia"),
    ),
    # partnerships with an unnamed party: the group's members are not partners
    (
        "Both Tarnwick and Brisa are big platforms, while Quillon, Pellory, and other "
        "vendors have deep partnerships with industry.",
        ("pellory", "partneredWith", "quillon"),
    ),
    (
        "Quillon and Pellory have long partnerships with hospitals.",
        ("pellory", "partneredWith", "quillon"),
    ),
    # a sentence-initial participle and a type phrase's first word are no names
    (
        "Co-founded by former Quillon executives, San Francisco-based Pellory also "
        "received a $2 billion investment from Tarnwick in 2023.",
        ("tarnwick", "investedIn", "co-founded"),
    ),
    (
        "Pellory is near a deal to raise $2 billion. Venture capital firm Harrow Partners "
        "is leading the funding round.",
        ("harrow-partners", "investedIn", "venture"),
    ),
    # a possessive tie the document calls a former post elsewhere is over
    (
        "Cohere’s Aidan Marsh will join Brisa to lead a new research team, the company "
        "said on Monday. Brisa hired ex-Cohere CEO Aidan Marsh after he was ousted last "
        "week.",
        ("aidan-marsh", "worksFor", "cohere"),
    ),
    # a technique head with only a word of commonness names no method
    (
        "Quillon released Tarvo-12B in May. It relies on standard architecture, so it is "
        "easy to use.",
        ("tarvo-12b", "uses"),
    ),
    # setting up or buying a part of a company ("the X research team") is no founding or
    # purchase of the company
    (
        "The company’s co-founders include Ada Voss, who helped set up the Quillon Brain "
        "research team in Seoul, and Tom Reade, one of the authors of a key paper.",
        ("ada-voss", "founded", "quillon-brain"),
    ),
    ("Tom Reade set up the Pellory robotics team in 2019.", ("tom-reade", "founded")),
    ("Tarnwick bought the Pellory chip unit for $2 billion.", ("tarnwick", "acquired")),
    # a stem met on its own is a name of its own
    (
        "Pellory acquired Tabula. Pellorys is a different firm. Harbor Lake is Pellory’s product.",
        ("pellorys", "owns"),
    ),
    (
        "Pellory said its Tarvo-3 model was distilled from Orvik-70B.",
        ("tarvo-3", "basedOn"),
    ),
    # one sized name beside its bare name: the same model, no variant
    (
        "We introduce Tarvo 7B, a model fine-tuned from the Pell 7B model. Tarvo shows "
        "many behaviours similar to larger models.",
        ("tarvo-7b", "variantOf", "tarvo"),
    ),
    (
        "The benchmark data show Kestrel beating Orvik 8x7B in reasoning. Orvik uses "
        "sparse experts.",
        ("orvik-8x7b", "variantOf", "orvik"),
    ),
]

#: A word that opens the sentence is no part of the name after it: (text, no name, name).
OPENERS = [
    ("Unlike Orvik, Quillon's Tarvo model is open source.", "unlike-orvik", "orvik"),
    ("Did Pellory just make the boldest bet in robotics?", "did-pellory", "pellory"),
    ("Enter Tarvo-7B, a cheaper model from Quillon.", "enter-tarvo-7b", "tarvo-7b"),
]


@pytest.fixture(scope="module")
def read():
    texts = [t for t, _ in POSITIVE] + [t for t, _ in NEGATIVE] + [t for t, _, _ in OPENERS]
    texts = list(dict.fromkeys(texts))
    extraction, relations, _ = read_texts(texts)
    keys = {entity.key for entity in extraction.entities}
    return dict(zip(texts, relations, strict=True)), keys


@pytest.mark.parametrize(("text", "wanted"), POSITIVE, ids=[t[:40] for t, _ in POSITIVE])
def test_reads_the_form(read, text, wanted) -> None:
    relations = read[0][text]
    missing = wanted - relations
    assert not missing, f"missing {missing}; read {relations}"


@pytest.mark.parametrize(("text", "wrong"), NEGATIVE, ids=[t[:40] for t, _ in NEGATIVE])
def test_states_nothing_it_does_not_say(read, text, wrong) -> None:
    relations = read[0][text]
    assert not any(triple[: len(wrong)] == wrong for triple in relations), relations


@pytest.mark.parametrize(("text", "wrong", "name"), OPENERS, ids=[k for _, k, _ in OPENERS])
def test_opener_is_no_part_of_the_name(read, text, wrong, name) -> None:
    keys = read[1]
    assert wrong not in keys
    assert name in keys


def _cues_of(text: str) -> dict[str, set[str]]:
    """surface -> the cues that voted for it, over every sentence of the text."""
    lexicon, cues = Gazetteer.of(load_lexicon()), load_cues()
    document = Document("t", "t.txt", "t", text, "en", hashlib.sha256(text.encode()).hexdigest())
    _, sentences = next(parse_documents([document]))
    out: dict[str, set[str]] = {}
    for sentence in sentences:
        for span in find_names(sentence, lexicon, cues).spans:
            out.setdefault(span.surface, set()).update(v.cue for v in span.votes)
    return out


def test_list_member_past_a_description_takes_no_vote_from_inside_it() -> None:
    # "A, a researcher from B, and C": C is listed with A, not with B (a company)
    found = _cues_of(
        "Tarnwick has also hired Omar Leith, a researcher from Cohere, and Dana Marsh, "
        "who worked on Orvik at Pellory Labs."
    )
    assert "coordination" not in found["Dana Marsh"]
    # a plain list still speaks for its members
    found = _cues_of("Investors include Cohere, Anthropic and Vellmora.")
    assert "coordination" in found["Vellmora"]
