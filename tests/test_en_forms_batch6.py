"""Forms met in unseen news (en batch 6), each on invented sentences with other names and
wordings: bare sizes listed only with each other, kind acronyms (SLM, VLM) that are no
names, a "… parameters" subject whose count stays with it, a former title whose holder
hangs through "of", a name with an appositive the parser misplaced that is no place,
"other investors" of the company that took money last, a list after "including" read
as one side of the clause (all of its members, none of them the other side), and "the
X group" as a conglomerate's name. Negatives must state nothing."""

from __future__ import annotations

import pytest

from tests.en_helpers import read_texts

POSITIVE = [
    # "other investors" are investors of the company that took the money last, not of
    # the article's most named company (here the first investor)
    (
        "Halvard Capital is investing $900 million into Quenby, a robotics start-up. "
        "Halvard Capital said the deal closes in May. In March Halvard Capital had put "
        "$50 million into Quenby. Other investors include Orrin Ventures and Selk Partners.",
        {
            ("orrin-ventures", "investedIn", "quenby"),
            ("selk-partners", "investedIn", "quenby"),
        },
    ),
    # a list after "including" is the subject; "the company" is someone outside it
    (
        "Marlow Robotics raised money this month. A consortium of backers, including the "
        "Tessel owner Brannock group, Cadwy, Fenlo and Orrin Ventures, poured $300 million "
        "into the British robotics company.",
        {
            ("brannock-group", "investedIn", "marlow-robotics"),
            ("cadwy", "investedIn", "marlow-robotics"),
            ("fenlo", "investedIn", "marlow-robotics"),
            ("orrin-ventures", "investedIn", "marlow-robotics"),
        },
    ),
    # a name with an appositive the parser hung elsewhere is a company, not a place
    (
        "Investors in Ardent, an AI startup whose staff were hired by Quorvo in May, will "
        "be repaid. Ardent will get $20 million, while investors like Selk Partners and "
        "Dovan Capital, who put $300 million into the company, will recoup their money.",
        {
            ("selk-partners", "investedIn", "ardent"),
            ("dovan-capital", "investedIn", "ardent"),
        },
    ),
    # a bare size listed with a sized name is still that model's size
    (
        "Pellix released Orvane-8B and 70B today.",
        {("orvane-8b", "parameterCount", "8000000000")},
    ),
    # a current title through "of" still names the post
    (
        "Kiln's team includes Vexa Vice President of Research Dara Quell.",
        {("dara-quell", "worksFor", "vexa")},
    ),
]

NEGATIVE = [
    # a description in a relative clause never means a name of the phrase it describes
    (
        "Ardent will get $20 million, while investors like Selk Partners and Dovan "
        "Capital, who put $300 million into the company, will recoup their money.",
        ("selk-partners", "investedIn", "dovan-capital"),
    ),
    # a past title however the holder hangs on it
    (
        "The start-up's co-founders, who include former Vexa Vice President of Research "
        "Dara Quell, moved to Kiln.",
        ("dara-quell", "worksFor", "vexa"),
    ),
    # the count of a subject describes it, never the verb's object
    (
        "Tarnish Labs shipped Quill-2 in May. The 3.8 billion-parameter SLM beat Vessa 3 "
        "on most tests.",
        ("vessa-3", "parameterCount"),
    ),
    # the investors of a described past deal are no investors of the later round
    (
        "Orrin Ventures, an early backer of companies including Tamsin, is leading "
        "Corlath's round. Other investors include Selk Partners.",
        ("selk-partners", "investedIn", "tamsin"),
    ),
    # a list after "including" never supplies the other end of its own clause
    (
        "Marlow Robotics raised money. A group of investors, including Cadwy, Fenlo and "
        "Dovan Capital, pumped $90 million into the company.",
        ("cadwy", "investedIn", "dovan-capital"),
    ),
]

#: Names that must not be read.
NOT_NAMES = [
    # sizes listed only with each other are the sizes of a named model, no models
    ("Corvane from Tessel offers both 9B and 40B versions.", "9b"),
    ("Corvane from Tessel offers both 9B and 40B versions.", "40b"),
    ("Corvane ships in three sizes: 2_5B, 6B and 12B.", "2_5b"),
    # a kind acronym is no name, singular or plural
    ("This latest SLM from Tessel was preceded by Orvane-1.", "slm"),
    ("Tessel compared Orvane-1 with existing SLMs and VLMs.", "slms"),
    ("Tessel compared Orvane-1 with existing SLMs and VLMs.", "vlms"),
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
    relations, attributes = read[0][text]
    missing = wanted - relations - attributes
    assert not missing, f"missing {missing}; read {relations} {attributes}"


@pytest.mark.parametrize(("text", "wrong"), NEGATIVE, ids=[t[:40] for t, _ in NEGATIVE])
def test_states_nothing_it_does_not_say(read, text, wrong) -> None:
    relations, attributes = read[0][text]
    found = relations | attributes
    assert not any(triple[: len(wrong)] == wrong for triple in found), found


@pytest.mark.parametrize(("text", "key"), NOT_NAMES, ids=[k for _, k in NOT_NAMES])
def test_is_no_name(read, text, key) -> None:
    relations, attributes = read[0][text]
    ends = {s for s, _, _ in relations} | {o for _, _, o in relations}
    ends |= {s for s, _, _ in attributes}
    assert key not in ends and key not in read[1], (relations, attributes)
