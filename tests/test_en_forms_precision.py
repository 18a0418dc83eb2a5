"""Forms behind wrong triples on English news (issue 9), each on invented sentences with
other names and wordings: what a definite stand-in continues ("The company …" after a
sentence about a name with no class yet), ties the sentence says are over, and phrases
that are no name. Negatives must state nothing."""

from __future__ import annotations

import pytest

from tests.en_helpers import read_texts

POSITIVE = [
    # a name given by "called"/"named"/"known as" belongs to its noun's clause: the
    # company just introduced, not a name outside a clause one sentence earlier
    (
        "Eldham University's robotics leader Mara Quint has quietly built a start-up. "
        "Quint, a scientist who has been dubbed a pioneer, created a company called Vellor "
        "Works in May. The start-up has raised money from Pellwick Capital.",
        {("pellwick-capital", "investedIn", "vellor-works")},
    ),
    # "The company …" opening a sentence continues the subject of the sentence before,
    # even a name with no class yet, not a company that sentence named in passing
    (
        "Norvale is targeting a valuation of $2 billion in a round already backed by "
        "Pellwick Capital and Dray Partners. The company behind the Quibble chatbot "
        "opened talks in March.",
        {("norvale", "developed", "quibble")},
    ),
    (
        "Halvix is best known as the maker of the Ostrava coding agent, which Brellin "
        "Ventures funded. The company rose to fame in July when it acquired Tamsin, a "
        "rival startup.",
        {("halvix", "acquired", "tamsin")},
    ),
    (
        "Torvik bought Selden Robotics in 2021. The company then acquired Marsh AI.",
        {("torvik", "acquired", "marsh-ai"), ("torvik", "acquired", "selden-robotics")},
    ),
    (
        "Sorrell Health said it hired analysts from Keppler Group. The company later "
        "acquired Omnirise.",
        {("sorrell-health", "acquired", "omnirise")},
    ),
    # a person is no company: the stand-in skips a subject that leans to another kind
    (
        "Dana Whitfield joined Corvane Labs in 2020. The startup acquired Pexa in 2023.",
        {("corvane-labs", "acquired", "pexa")},
    ),
    # a post is over only where the sentence ends it: leaving another company's board,
    # an open-ended "since", an event's span of years and a title in a plain report stand
    (
        "Tarnwick CEO Joan Reyes left Halden's board in May.",
        {("joan-reyes", "worksFor", "tarnwick")},
    ),
    ("Jonas Pike has worked at Velloq since 2019.", {("jonas-pike", "worksFor", "velloq")}),
    ("Orbis CEO Tom Reade is stepping down after a decade.", {("tom-reade", "worksFor", "orbis")}),
    ("Orbis CEO Tom Reade plans to resign in June.", {("tom-reade", "worksFor", "orbis")}),
    (
        "Tavi Labs developed the Orrin model from 2019 to 2021.",
        {("tavi-labs", "developed", "orrin")},
    ),
    (
        "Brimco CEO Lena Ortiz said the startup will hire more engineers.",
        {("lena-ortiz", "worksFor", "brimco")},
    ),
    # "University of X", "Bank of X": one name, not a bare "University"
    (
        "Mara Quint, a robotics researcher at the University of Eldham, has joined Torvane.",
        {("mara-quint", "worksFor", "university-of-eldham")},
    ),
    (
        "Dana Cole, an economist at Bank of Lorimer, said Velloq is overvalued.",
        {("dana-cole", "worksFor", "bank-of-lorimer")},
    ),
    ("Horvath joined the Tata group in 2020.", {("horvath", "worksFor", "tata-group")}),
    # "City, State-based X": the city is a place, X the company ("Figure" too, a word
    # that is otherwise no name)
    (
        "Sunnyvale, California-based Brevik said it signed a collaboration with Tessaract Labs.",
        {("brevik", "partneredWith", "tessaract-labs")},
    ),
    (
        "Austin, Texas-based Figure said it signed a collaboration with Tessaract Labs.",
        {("figure", "partneredWith", "tessaract-labs")},
    ),
    # a name ending in Alliance, Coalition, Consortium is a body of members: launched, it
    # is founded, not developed
    (
        "On Tuesday the two companies, Tamsin and Brevik, launched the new Open Robotics "
        "Alliance with 30 founding members.",
        {
            ("tamsin", "founded", "open-robotics-alliance"),
            ("brevik", "founded", "open-robotics-alliance"),
        },
    ),
    (
        "Pellory launched the Safe Agents Coalition in May.",
        {("pellory", "founded", "safe-agents-coalition")},
    ),
    # a past employer in a person's description ("ex-X exec", "X alum") is no antecedent
    # of "the company"; a current one is ("X Chief Executive Y … the carmaker"); among
    # names met as often, one outside a subordinate clause ("as a Brisa deal is unveiled")
    (
        "Pellory Labs’ C-suite shakeup continues with two new hires as a Brisa deal is "
        "unveiled\nVexo alum Ada Voss joins as chief product officer and ex-Quillon exec "
        "Tom Reade is the company’s first-ever chief financial officer.",
        {("tom-reade", "worksFor", "pellory-labs")},
    ),
    (
        "Tarnwick Chief Executive Ada Voss predicted a billion home robots by 2040, as the "
        "carmaker released its latest humanoid Orvo Gen in development.",
        {("tarnwick", "developed", "orvo-gen")},
    ),
    # "the architecture of X" is X's: what is used is the model it describes
    (
        "Quorra Labs released the Tarn-9 model last year. It clarified that in the process "
        "of training the model, Quorra Labs used the basic architecture of Pell-2, which "
        "allowed for a quick start.",
        {("quorra-labs", "uses", "pell-2")},
    ),
    # the possessor of a name led by another company's name is that company's parent: it
    # owns the thing, the leading company made it (the form needs gazetteer names)
    (
        "Analysts compared it with Alphabet's Google Gemini and Meta's Llama 3.",
        {
            ("alphabet", "owns", "gemini"),
            ("google", "developed", "gemini"),
            ("meta", "developed", "llama-3"),
        },
    ),
    # a short lowercase name with a version that a model noun names ("a reasoning model,
    # s1,") is a name
    (
        "Researchers at Orla Labs have developed a reasoning model, q7, for less than $50.",
        {("orla-labs", "developed", "q7")},
    ),
    # a model based on an architecture uses it; based on a model, it is derived from it
    (
        "Corvid-3 is based on a sparse mixture-of-experts architecture, Tamsin said.",
        {("corvid-3", "uses", "mixture-of-experts")},
    ),
    ("Tarn-2 is based on Orvik-7B, Tamsin said.", {("tarn-2", "basedOn", "orvik-7b")}),
    # a possessive in a phrase that picks members out of a noun phrase is of that phrase's
    # name ("the employees at X, including its co-founder"), not of the clause's subject
    (
        "Ofcom is already probing a similar deal — Pellory’s March hiring of most of the "
        "employees at Quillon Labs, including its co-founder, Ada Brandt.",
        {("ada-brandt", "founded", "quillon-labs")},
    ),
]

NEGATIVE = [
    (
        "Eldham University's robotics leader Mara Quint has quietly built a start-up. "
        "Quint, a scientist who has been dubbed a pioneer, created a company called Vellor "
        "Works in May. The start-up has raised money from Pellwick Capital.",
        ("pellwick-capital", "investedIn", "eldham-university"),
    ),
    (
        "Norvale is targeting a valuation of $2 billion in a round already backed by "
        "Pellwick Capital and Dray Partners. The company behind the Quibble chatbot "
        "opened talks in March.",
        ("dray-partners", "developed"),
    ),
    (
        "Halvix is best known as the maker of the Ostrava coding agent, which Brellin "
        "Ventures funded. The company rose to fame in July when it acquired Tamsin, a "
        "rival startup.",
        ("brellin-ventures", "acquired"),
    ),
    (
        "Torvik bought Selden Robotics in 2021. The company then acquired Marsh AI.",
        ("selden-robotics", "acquired"),
    ),
    (
        "Dana Whitfield joined Corvane Labs in 2020. The startup acquired Pexa in 2023.",
        ("dana-whitfield", "acquired"),
    ),
    # the title of one who resigns, quits or steps down is the post left
    (
        "Brimco CEO Lena Ortiz has resigned from the robotics startup after months of "
        "tension with investors.",
        ("lena-ortiz", "worksFor"),
    ),
    ("Pellory chief technology officer Amir Haddad stepped down on Friday.", ("amir-haddad",)),
    ("Orbis CEO Tom Reade quit on Monday.", ("tom-reade", "worksFor")),
    # a closed span of years puts a standing tie in the past
    (
        "Nadia Fenn served as Corvid's head of research at Corvid from 2016 to 2021.",
        ("nadia-fenn", "worksFor"),
    ),
    (
        "Omar Leith worked at Quillon between 2015 and 2019 before founding Skelda.",
        ("omar-leith", "worksFor", "quillon"),
    ),
    (
        "Ofcom is already probing a similar deal — Pellory’s March hiring of most of the "
        "employees at Quillon Labs, including its co-founder, Ada Brandt.",
        ("ada-brandt", "founded", "ofcom"),
    ),
    (
        "Corvid-3 is based on a sparse mixture-of-experts architecture, Tamsin said.",
        ("corvid-3", "basedOn"),
    ),
    ("Pellory launched the Safe Agents Coalition in May.", ("pellory", "developed")),
    (
        "Pellory Labs’ C-suite shakeup continues with two new hires as a Brisa deal is "
        "unveiled\nVexo alum Ada Voss joins as chief product officer and ex-Quillon exec "
        "Tom Reade is the company’s first-ever chief financial officer.",
        ("tom-reade", "worksFor", "quillon"),
    ),
    # "size" is a measure, not a variant ("a Pell 2 model more than three times its size")
    (
        "Tamsin said that Orvik-7B performed as well as a Pell 2 model more than three times "
        "its size.",
        ("pell-2", "variantOf"),
    ),
    # definite nouns that spell out a plural ("its releases—the X-powered assistant and
    # the Y model") tell of new things and stand for no name met before
    (
        "Tamsin launched Quibble in May. Brevik's recent releases—the Dune-3-powered AI "
        "assistant on January 10 and the Tarn model on January 20—have shaken the market.",
        ("quibble", "uses"),
    ),
    (
        "Analysts compared it with Alphabet's Google Gemini and Meta's Llama 3.",
        ("alphabet", "developed"),
    ),
    # "their" after a plural common noun subject is that noun's, not a company's
    (
        "Tavi Labs released Dune-9. The model, named q7, is claimed to match Dune-9. The "
        "researchers claim that their model q7 was trained in 26 minutes.",
        ("tavi-labs", "developed", "q7"),
    ),
    # a coordinated verb with a subject of its own ("and those experts use …") takes
    # nothing from the first verb's; the "it" of "it is possible to …" is nobody
    (
        "Tamsin released the Orvik model. When prompted with a problem, the model picks a "
        "group of experts from a pool of agents, and those experts use their training to "
        "decide which output suits them.",
        ("tamsin", "uses"),
    ),
    (
        "Tamsin released the Orvik-2 model. It is possible to use synthetic dialogue data "
        "that has been generated from other LLMs.",
        ("orvik-2", "uses"),
    ),
]


NOT_NAMES = [
    # an acronym spelt out as a common noun, here and later in the document
    (
        "According to CEO Ilya Moss, Pellucid's annual recurring revenue (ARR) has doubled. "
        "The combined ARR grew 30 percent, Pellucid said.",
        "arr",
    ),
    # in a title-case headline a hyphenated name with a digit stays whole ("Dune-T2")
    (
        "Open-Source AI Achievements: Tarvo's Budget-Friendly Dune-T2 Model\n"
        "Tarvo released Dune-T2 on Monday.",
        "t2",
    ),
    # a lowercase word with a digit that no model noun names stays no name
    ("He scored 8 points in q2 and the s1 round.", "q2"),
    # a kind of group named by a word that is no name ("AI", "API")
    ("Mara Quint has joined Torvane as a director in its AI group.", "ai-group"),
    (
        "Sunnyvale, California-based Brevik said it signed a collaboration with Tessaract Labs.",
        "sunnyvale",
    ),
]


CLASSES = [
    # a type noun right before a name describes it, whatever head the parser hung the
    # name from in apposition ("the Oracle executive chairman … firms Marlow Capital")
    (
        "Brevik is a robotics startup. The company confirmed it raised $300 million in a "
        "funding round led by the Oracle executive chairman alongside venture capital firms "
        "Marlow Capital and Index Ventures, giving the startup a $2 billion valuation.",
        "marlow-capital",
        "Organization",
    ),
]


@pytest.fixture(scope="module")
def read():
    texts = [t for t, _ in POSITIVE] + [t for t, _ in NEGATIVE] + [t for t, _ in NOT_NAMES]
    texts = list(dict.fromkeys(texts + [t for t, _, _ in CLASSES]))
    extraction, relations, attributes = read_texts(texts)
    keys = {entity.key: entity.entity_class for entity in extraction.entities}
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


@pytest.mark.parametrize(("text", "key", "wanted"), CLASSES, ids=[k for _, k, _ in CLASSES])
def test_class(read, text, key, wanted) -> None:
    assert read[1].get(key) == wanted
