"""English relations, one syntactic form per sentence, on sentences written for these tests
(invented names), and negatives that must state nothing. The whole table is built as one
corpus, so the test runs the real pipeline once."""

from __future__ import annotations

import pytest

from tests.en_helpers import read_texts

POSITIVE = [
    # developed: active, apposition, passive, relative clause, cleft, nominalisation
    (
        "Pemberton Robotics unveiled Quill-3, a compact vision model, on Wednesday.",
        ("pemberton-robotics", "developed", "quill-3"),
    ),
    ("The Saffron chatbot was built by Orla Systems.", ("orla-systems", "developed", "saffron")),
    (
        "Duskbridge, the model that Varnel AI trained for customer service, is now free.",
        ("varnel-ai", "developed", "duskbridge"),
    ),
    (
        "It was Coldharbor, a Lisbon startup, that released the Tamsin family of models.",
        ("coldharbor", "developed", "tamsin"),
    ),
    (
        "The launch of Veldt-2 by Marrow Labs surprised analysts.",
        ("marrow-labs", "developed", "veldt-2"),
    ),
    (
        "Greywick is a Toronto-based startup. The company developed Osmer, a model for radiology.",
        ("greywick", "developed", "osmer"),
    ),
    (
        "Harlan Digital's Pico assistant answers billing questions.",
        ("harlan-digital", "owns", "pico"),
    ),
    ("Norvell-owned Skiff has opened an office in Madrid.", ("norvell", "owns", "skiff")),
    # acquired
    (
        "Hollis Group acquired Brackenfield for $300 million in 2023.",
        ("hollis", "acquired", "brackenfield"),
    ),
    (
        "Brackenfield was bought by Hollis Group last spring.",
        ("hollis", "acquired", "brackenfield"),
    ),
    (
        "Tavish Capital completed its purchase of Norrow Data in May.",
        ("tavish-capital", "acquired", "norrow-data"),
    ),
    (
        "The acquisition of Pellet by Ambrose Software closed on Friday.",
        ("ambrose-software", "acquired", "pellet"),
    ),
    # investedIn
    (
        "Garrick Ventures invested $20 million in Solvane.",
        ("garrick-ventures", "investedIn", "solvane"),
    ),
    ("Solvane is backed by Garrick Ventures.", ("garrick-ventures", "investedIn", "solvane")),
    (
        "Lusk Capital's investment in Corrib Energy doubled its valuation.",
        ("lusk-capital", "investedIn", "corrib-energy"),
    ),
    (
        "Tarrow-backed Minnow AI released its first model on Monday.",
        ("tarrow", "investedIn", "minnow-ai"),
    ),
    # partneredWith (symmetric: either direction)
    (
        "Ostrander Bank partnered with Pyxis Cloud to build a fraud model.",
        ("ostrander-bank", "partneredWith", "pyxis-cloud"),
    ),
    (
        "The partnership between Kelso Motors and Brigg Telecom was announced on Tuesday.",
        ("brigg-telecom", "partneredWith", "kelso-motors"),
    ),
    (
        "Vantner Retail signed a partnership agreement with Coppice AI.",
        ("coppice-ai", "partneredWith", "vantner-retail"),
    ),
    # worksFor
    (
        "Quentin Ashby works at Fernlight Analytics as a researcher.",
        ("quentin-ashby", "worksFor", "fernlight-analytics"),
    ),
    (
        "Fernlight Analytics hired Maren Holt as its chief scientist.",
        ("maren-holt", "worksFor", "fernlight-analytics"),
    ),
    (
        "Corvatech CEO Lionel Petrakis announced the results.",
        ("lionel-petrakis", "worksFor", "corvatech"),
    ),
    (
        "Ilse Marchetti, a researcher at Drayton Labs, wrote the report.",
        ("ilse-marchetti", "worksFor", "drayton-labs"),
    ),
    # founded
    ("Hedda Voss founded Quillon in 2021.", ("hedda-voss", "founded", "quillon")),
    ("Quillon was founded by Hedda Voss and Rune Abel.", ("rune-abel", "founded", "quillon")),
    (
        "Brisa Labs co-founder Tomas Elund said the lab would hire ten people.",
        ("tomas-elund", "founded", "brisa-labs"),
    ),
    # model lineage
    (
        "Tamsin-2 was fine-tuned from Orrery-13B on support transcripts.",
        ("tamsin-2", "fineTunedFrom", "orrery-13b"),
    ),
    (
        "Kelvin-8B, a fine-tuned version of Orrery-13B, runs on laptops.",
        ("kelvin-8b", "fineTunedFrom", "orrery-13b"),
    ),
    ("Bramble Chat is based on Orrery-13B.", ("bramble-chat", "basedOn", "orrery-13b")),
    (
        "Orrery-13B was trained on the Fenwick corpus, a collection of public court filings.",
        ("orrery-13b", "trainedOn", "fenwick"),
    ),
    ("Nimbus-Lite is a smaller version of Nimbus.", ("nimbus-lite", "variantOf", "nimbus")),
    ("Parrin ships in two sizes, Parrin-3B and Parrin-40B.", ("parrin-40b", "variantOf", "parrin")),
    (
        "Orrery-13B outperforms Tansy-30B on coding tasks.",
        ("orrery-13b", "outperforms", "tansy-30b"),
    ),
    (
        "Tansy-30B was beaten by Orrery-13B on every coding test.",
        ("orrery-13b", "outperforms", "tansy-30b"),
    ),
    # rivals, uses, authorship, stances
    (
        "Veltro Motors competes with Arkady Auto in Europe.",
        ("arkady-auto", "competesWith", "veltro-motors"),
    ),
    (
        "Pyxis Cloud uses retrieval-augmented generation to answer questions.",
        ("pyxis-cloud", "uses", "retrieval-augmented-generation"),
    ),
    (
        "The Tarnished Ledger, a book by Odile Fenn, argues that AI is overhyped.",
        ("tarnished-ledger", "authoredBy", "odile-fenn"),
    ),
    (
        "Marrow Labs sees open-weight models as a threat to its business.",
        ("marrow-labs", "viewsAsThreat", "open-weight-models"),
    ),
    (
        "Analysts at Pellham Securities view Corvatech as the winner of the chip race.",
        ("pellham-securities", "viewsAsWinner", "corvatech"),
    ),
    # forms whose parse the small model gets wrong, read all the same
    (
        "Garrick Ventures said it had invested $10 million in Solvane, the maker of Quip.",
        ("garrick-ventures", "investedIn", "solvane"),
    ),
    (
        "Lumen Health bought Corvid Bio and Tally Labs this year.",
        ("lumen-health", "acquired", "tally-labs"),
    ),
    (
        "Aster Capital led a $40 million round in Quell AI.",
        ("aster-capital", "investedIn", "quell-ai"),
    ),
    (
        "Quell AI raised $40 million from Aster Capital and Pike Ventures.",
        ("pike-ventures", "investedIn", "quell-ai"),
    ),
    (
        "Nimbus Robotics rival Ardent Systems cut prices last week.",
        ("ardent-systems", "competesWith", "nimbus-robotics"),
    ),
    (
        "Corax-9B beats Ptarmigan-7B on math benchmarks.",
        ("corax-9b", "outperforms", "ptarmigan-7b"),
    ),
    (
        "Ptarmigan-7B trails Corax-9B on every benchmark.",
        ("corax-9b", "outperforms", "ptarmigan-7b"),
    ),
    ("Quill Tutor is built on top of Corax-9B.", ("quill-tutor", "basedOn", "corax-9b")),
    ("Corax-9B was pretrained on the Tamarack dataset.", ("corax-9b", "trainedOn", "tamarack")),
    (
        "Researchers fine-tuned Corax-9B to produce Pelion-9B.",
        ("pelion-9b", "fineTunedFrom", "corax-9b"),
    ),
    (
        "Selma Haug, the author of The Patient Machine, spoke on Friday.",
        ("patient-machine", "authoredBy", "selma-haug"),
    ),
    (
        "Tessel CEO Marguerite Olsen said the company would grow.",
        ("marguerite-olsen", "worksFor", "tessel"),
    ),
    (
        "Harrowgate AI, a startup founded by former researchers Imogen Tate and Rafferty Cole, "
        "said it had raised money.",
        ("rafferty-cole", "founded", "harrowgate-ai"),
    ),
    (
        "It was Brenton Labs that built the Quasar-4 model, not its larger rival Halcyon AI.",
        ("brenton-labs", "developed", "quasar-4"),
    ),
    (
        "Moravia Capital, a fund based in Prague that has backed forty startups and manages "
        "about $2 billion, invested in Sable Health last month.",
        ("moravia-capital", "investedIn", "sable-health"),
    ),
    (
        "Mina Okoro launched Kettle AI in 2020 after leaving Google.",
        ("mina-okoro", "founded", "kettle-ai"),
    ),
    (
        "Kettle AI struck a partnership with Dorset Foods.",
        ("kettle-ai", "partneredWith", "dorset-foods"),
    ),
    (
        "Sable Health received an investment from Moravia Capital.",
        ("moravia-capital", "investedIn", "sable-health"),
    ),
    ("Brisket-7B did better than Orrin-7B in coding.", ("brisket-7b", "outperforms", "orrin-7b")),
    (
        "It is Tamsin-9, not the larger Orrin-70B, that performs best on the triage test.",
        ("tamsin-9", "outperforms", "orrin-70b"),
    ),
    (
        "What Vexa Systems released on Monday was Tinder-2, a model for call centres.",
        ("vexa-systems", "developed", "tinder-2"),
    ),
    # titles of works, whose words are not all capitalised
    (
        "Why Machines Dream, an essay by Odile Fenn, argues for slower research.",
        ("why-machines-dream", "authoredBy", "odile-fenn"),
    ),
    (
        "On the Limits of Scale was co-written by Rune Abel and Hedda Voss.",
        ("on-the-limits-of-scale", "authoredBy", "hedda-voss"),
    ),
    # trigger synonyms: money pumped into a company, a challenger or an answer to a rival
    (
        "Harwell Group said it will pump 400 million euros into the startup Lindqvist AI.",
        ("harwell", "investedIn", "lindqvist-ai"),
    ),
    (
        "Brisa Chat, its long-awaited answer to Quillon's Sparrow assistant, is out.",
        ("brisa-chat", "competesWith", "sparrow"),
    ),
    (
        "Tolland Labs is a young challenger to Merrow AI.",
        ("tolland-labs", "competesWith", "merrow-ai"),
    ),
    # a noun named by a naming verb is the name, even a term the gazetteer knows
    (
        "Pellam Labs has unleashed its latest large language model – named Orvik 2 – today.",
        ("pellam-labs", "developed", "orvik-2"),
    ),
    # "can" states an ability; a named maker's claim is how results are reported
    ("Brisa Chat can use Orvik-7B for long documents.", ("brisa-chat", "uses", "orvik-7b")),
    (
        "Pellam Labs claims Orvik-9B can outperform Tansy-30B on coding tests.",
        ("orvik-9b", "outperforms", "tansy-30b"),
    ),
    # a known lowercase term modifying a type noun is no name for it: the noun's referent
    (
        "Ferrow Labs makes tools. On Monday, Harwell Group said it will pump two billion "
        "euros, or about $2.1 billion, into the fast-growing open source AI vendor in the "
        "form of cloud credits.",
        ("harwell", "investedIn", "ferrow-labs"),
    ),
    # agreements and deals with a company; competition faced; a product built with a model
    (
        "Tessiva Labs signed a multi-year agreement with Brinmoor Systems.",
        ("tessiva-labs", "partneredWith", "brinmoor-systems"),
    ),
    (
        "Tessiva Labs struck a licensing deal with Brinmoor Systems.",
        ("tessiva-labs", "partneredWith", "brinmoor-systems"),
    ),
    (
        "Tessiva Labs faces competition from Brinmoor Systems.",
        ("tessiva-labs", "competesWith", "brinmoor-systems"),
    ),
    ("Brisa Chat is built with Corax-9B.", ("brisa-chat", "uses", "corax-9b")),
    (
        "Tessiva Labs received funding from Harwell Group.",
        ("harwell", "investedIn", "tessiva-labs"),
    ),
    # a hyphenated participle the tagger calls an adjective is still a passive
    (
        "Pellam Labs introduced Corax-9B, a model fine-tuned from Tansy-30B on 50K examples.",
        ("corax-9b", "fineTunedFrom", "tansy-30b"),
    ),
    # a model distilled from another learnt from its outputs: trained on them
    ("Corax-9B was distilled from Tansy-30B.", ("corax-9b", "trainedOn", "tansy-30b")),
    # data a model generated: the model stays a model, and the data is from it
    (
        "We train Corax-9B on 50K demonstrations generated using Tansy-30B.",
        ("corax-9b", "trainedOn", "tansy-30b"),
    ),
    # leading a team at a company
    (
        "Odile Fenn, who leads the research team at Tessiva Labs, spoke.",
        ("odile-fenn", "worksFor", "tessiva-labs"),
    ),
    # data named as the source of tokens; a stake owned or acquired; a model's weights
    (
        "Corax-9B was trained on 2 trillion tokens from the Brinwell dataset.",
        ("corax-9b", "trainedOn", "brinwell"),
    ),
    (
        "Harwell Group owns a majority stake in Tessiva Labs.",
        ("harwell", "investedIn", "tessiva-labs"),
    ),
    (
        "Harwell Group acquired a 10% stake in Brinmoor Systems.",
        ("harwell", "investedIn", "brinmoor-systems"),
    ),
    (
        "Tessiva Labs released the weights of Corax-9B under an open license.",
        ("tessiva-labs", "developed", "corax-9b"),
    ),
    # a model named in lowercase (a company's model is the model it made)
    (
        "Brisket-7B behaves similarly to Pellam Labs’s orvik-chat-002, while being small.",
        ("pellam-labs", "developed", "orvik-chat-002"),
    ),
    # a name ending in s takes a bare apostrophe as its possessive
    (
        "Corvid Systems’ purchase of Pellam Data was approved on Friday.",
        ("corvid-systems", "acquired", "pellam-data"),
    ),
]

#: Objects the shared gazetteer may know under its own name ("open weights").
ALSO = {"open-weight-models": ("open-weights",)}

NEGATIVE = [
    ("Hollis Group did not acquire Brackenfield.", "acquired"),
    ("Hollis Group plans to acquire Brackenfield next year.", "acquired"),
    ("Tavish Capital denied reports that it had bought Norrow Data.", "acquired"),
    ("Garrick Ventures is in talks to invest in Solvane.", "investedIn"),
    ("Former Corvatech executive Lionel Petrakis joined the board of a charity.", "worksFor"),
    ("Ostrander Bank ended its partnership with Pyxis Cloud in 2022.", "partneredWith"),
    ("Ostrander Bank is exploring a partnership with Pyxis Cloud.", "partneredWith"),
    ("Tamsin-2 was not fine-tuned from Orrery-13B, its makers said.", "fineTunedFrom"),
    ("Quorn-Pro is not a variant of Quorn but a separate model.", "variantOf"),
    ("Analysts asked whether Corvatech could emerge as a winner.", "viewsAsWinner"),
    ("Marrow Labs does not see Pyxis Cloud as a threat.", "viewsAsThreat"),
    ("Kestrel Law decided not to use Bramble Chat.", "uses"),
    ("Veldt-3 did not outperform Tansy-30B on any test.", "outperforms"),
    ("Hedda Voss did not found Quillon; she is an adviser.", "founded"),
    ("Orrery-13B uses the Fable architecture rather than a Transformer.", None),
    ("Ines Carvalho no longer works for Nimbus Robotics.", "worksFor"),
    ("Brisket-7B did not perform better than Orrin-7B.", "outperforms"),
    ("Mina Okoro stepped down as chief executive of Kettle AI in May.", "worksFor"),
    ("Kettle AI is not owned by Dorset Foods.", "owns"),
    ("Nimbus Robotics never partnered with Ardent Systems.", "partneredWith"),
    ("Rumours that Lumen Health bought Corvid Bio were denied on Monday.", "acquired"),
    ("Lumen Health has agreed to buy Corvid Bio for $90 million.", "acquired"),
    ("Corax-9B might outperform Ptarmigan-7B, the researchers speculated.", "outperforms"),
    ("Reports claim that Corax-9B can outperform Ptarmigan-7B.", "outperforms"),
    # a deal may be a sale: only agreements and licensing deals are partnerships
    ("The deal between Hollis Group and Brackenfield values it at $1 billion.", "partneredWith"),
]


@pytest.fixture(scope="module")
def built():
    texts = [text for text, _ in POSITIVE] + [text for text, _ in NEGATIVE]
    _, relations, _ = read_texts(texts)
    return relations


@pytest.mark.parametrize(("index", "case"), list(enumerate(POSITIVE)), ids=lambda v: str(v)[:40])
def test_reads_the_relation(built, index, case) -> None:
    text, (subject, predicate, obj) = case
    triples = built[index]
    found = (subject, predicate, obj) in triples or any(
        (subject, predicate, alternative) in triples for alternative in ALSO.get(obj, ())
    )
    if predicate in ("partneredWith", "competesWith"):
        found = found or (obj, predicate, subject) in triples
    assert found, f"{text!r}: got {sorted(triples)}"


@pytest.mark.parametrize(("index", "case"), list(enumerate(NEGATIVE)), ids=lambda v: str(v)[:40])
def test_states_nothing_it_does_not_say(built, index, case) -> None:
    text, predicate = case
    triples = built[len(POSITIVE) + index]
    if predicate is None:  # "rather than a Transformer": the contrasted name is no object
        assert not any(o == "transformer" for _, _, o in triples), sorted(triples)
    else:
        assert not any(p == predicate for _, p, _ in triples), f"{text!r}: {sorted(triples)}"


def test_an_author_line_under_a_title_names_the_authors() -> None:
    texts = [
        "Quiet Gradients: Training Small Models Well\n\n"
        "Authors: Ines Marlowe* and Tomas B. Ek and Rhea Oduya\n\n"
        "We introduce Quill-2, a small model.",
        "The report is out. Authors: Ines Marlowe and Tomas Ek wrote nothing else.",
    ]
    _, relations, _ = read_texts(texts)
    title = "quiet-gradients%3A-training-small-models-well"
    for author in ("ines-marlowe", "tomas-b%2E-ek", "rhea-oduya"):
        assert (title, "authoredBy", author) in relations[0], sorted(relations[0])
    assert not any(p == "authoredBy" for _, p, _ in relations[1]), sorted(relations[1])
