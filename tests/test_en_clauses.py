"""Clause forms of real news: a type noun in a copula standing for its subject, an opening
participle about the main subject, people listed after a plural noun, a definite event
noun whose other end is the document's topic. Invented names; negatives state nothing."""

from __future__ import annotations

import pytest

from tests.en_helpers import form_tests, read_texts

POSITIVE = [
    # "X is a model released by Y": the type noun stands for X
    (
        "Brisket-70B is a model released by Corvane Labs that follows earlier releases.",
        {("corvane-labs", "developed", "brisket-70b")},
    ),
    # "Founded in 2021 by ..., X has ...": the participle is about the main subject
    (
        "Founded in 2019 by Ilse Marrow and Teo Vance, Quillon Labs has grown fast.",
        {("ilse-marrow", "founded", "quillon-labs"), ("teo-vance", "founded", "quillon-labs")},
    ),
    # people listed after a plural noun are the agents, not their former employer
    (
        "Founded by former Ostrava Labs researchers including Nadia Perrin, Vellum AI is new.",
        {("nadia-perrin", "founded", "vellum-ai")},
    ),
    # "Vellum closed a round. The round was led by X": the round is Vellum's
    (
        "Harlan Robotics closed a $50 million round on Monday. The round was led by "
        "Corvin Capital.",
        {("corvin-capital", "investedIn", "harlan-robotics")},
    ),
]

# shares, alarms, building on a method, data drawn through a participle, a passive
# coordinated with a copula
POSITIVE += [
    (
        "Tamber Capital already owns about 11 per cent of Vireo Labs.",
        {("tamber-capital", "investedIn", "vireo-labs"), ("tamber-capital", "owns", "vireo-labs")},
    ),
    (
        "Coldwater Group holds 40% of Brinemark Labs.",
        {("coldwater", "investedIn", "brinemark-labs")},
    ),
    (
        "Two years ago, Harrow Systems sounded a “Code Red” over Quill-3, a chatbot.",
        {("harrow-systems", "viewsAsThreat", "quill-3")},
    ),
    (
        "Ashgrove Labs raised a red flag about Pell Systems’s rise.",
        {("ashgrove-labs", "viewsAsThreat", "pell-systems")},
    ),
    (
        "Tessel-40B is a version of Tessel-7B and builds on its innovations such as "
        "grouped-query attention.",
        {("tessel-40b", "uses", "grouped-query-attention")},
    ),
    (
        "Orrin-9B is a model. It is the largest open model, and was trained on 2 trillion "
        "tokens using Pell Labs's ForumMix dataset.",
        {("orrin-9b", "trainedOn", "forummix")},
    ),
]

# a round: who raises it (a raising verb's subject, a relative clause's head) and who
# is in it (led by, included)
POSITIVE += [
    (
        "The round, which values Tessiva Labs at $2 billion, was led by Orrin Capital.",
        {("orrin-capital", "investedIn", "tessiva-labs")},
    ),
    # leaving one employer to join another is a purpose, not a former tie
    (
        "Ansel Roe left Pellucid Labs to join Quorra AI as chief scientist.",
        {("ansel-roe", "worksFor", "quorra-ai")},
    ),
    (
        "Tessiva Labs raised $50 million in a round co-led by Orrin Capital and Pell Partners.",
        {
            ("orrin-capital", "investedIn", "tessiva-labs"),
            ("pell-partners", "investedIn", "tessiva-labs"),
        },
    ),
    (
        "Tessiva Labs raised $50 million. Orrin Capital participated in the round.",
        {("orrin-capital", "investedIn", "tessiva-labs")},
    ),
    (
        "Harrow Capital co-led Vexo Labs' $50 million Series B round.",
        {("harrow-capital", "investedIn", "vexo-labs")},
    ),
    (
        "Tessiva Labs closed a $50 million Series C led by Orrin Capital.",
        {("orrin-capital", "investedIn", "tessiva-labs")},
    ),
    (
        "Vexo Labs closed a funding round led by Harrow Capital.",
        {("harrow-capital", "investedIn", "vexo-labs")},
    ),
    (
        "Quenby AI raised $20 million. The round included Pell Partners and Brisk Ventures.",
        {
            ("pell-partners", "investedIn", "quenby-ai"),
            ("brisk-ventures", "investedIn", "quenby-ai"),
        },
    ),
    (
        "Tessiva Labs makes chips. Interest is rising in the Lyon-based startup, which "
        "recently announced a funding round that includes Orrin Capital.",
        {("orrin-capital", "investedIn", "tessiva-labs")},
    ),
]

# a second light verb coordinated with the first joins its event
POSITIVE += [
    (
        "Quenby AI's funding was led by Harrow Capital and joined by other investors such as "
        "Pell Partners and Brisk Ventures.",
        {
            ("pell-partners", "investedIn", "quenby-ai"),
            ("brisk-ventures", "investedIn", "quenby-ai"),
        },
    ),
]

NEGATIVE = [
    (
        "Coldwater Group sold its 40% of Brinemark Labs.",
        ("coldwater", "investedIn", "brinemark-labs"),
    ),
    # a relative clause between two conjuncts is of the one before it
    (
        "Its founders include Ansel Roe, who helped set up Pellucid Labs, and Mira Tan.",
        ("mira-tan", "founded", "pellucid-labs"),
    ),
    ("Ansel Roe stopped using Brisa Chat in May.", ("ansel-roe", "uses", "brisa-chat")),
    (
        "Ansel Roe worked at Pellucid Labs until he joined Quorra AI.",
        ("ansel-roe", "worksFor", "pellucid-labs"),
    ),
    # "can" is an ability: a fact of what a thing uses or beats, no event
    (
        "Tessiva Labs can acquire Brinmoor Systems only with approval.",
        ("tessiva-labs", "acquired", "brinmoor-systems"),
    ),
    # a company's claim reports a benchmark result, not a deal
    (
        "Wirecast claims Tessiva Labs bought Brinmoor Systems.",
        ("tessiva-labs", "acquired", "brinmoor-systems"),
    ),
    # an end date makes a tie a former one
    (
        "Oren Vale, an engineer who worked at Tessaract Labs until 2019, spoke.",
        ("oren-vale", "worksFor", "tessaract-labs"),
    ),
    (
        "Harrow Systems did not sound the alarm over Quill-3, a chatbot.",
        ("harrow-systems", "viewsAsThreat", "quill-3"),
    ),
    # an event noun with its complement said in place takes nothing from the topic
    (
        "Harlan Robotics sells robots. The release of Tessel-2 surprised Harlan Robotics.",
        ("harlan-robotics", "developed", "tessel-2"),
    ),
    (
        "Founded by former Ostrava Labs researchers including Nadia Perrin, Vellum AI is new.",
        ("ostrava-labs", "founded", "vellum-ai"),
    ),
    (
        "Founded by former Ostrava Labs researchers including Nadia Perrin, Vellum AI is new.",
        ("nadia-perrin", "worksFor", "ostrava-labs"),
    ),
]


read, test_reads_the_clause, test_states_nothing_it_does_not_say = form_tests(POSITIVE, NEGATIVE)


#: Forms met in unseen news (text, triples it states, triples it must not state).
NEWS_FORMS = [
    # contributing to a round is investing in the company that raised it
    (
        "Pellmont Labs has raised $90 million. Corvane Capital also contributed to the round.",
        {("corvane-capital", "investedIn", "pellmont-labs")},
        set(),
    ),
    # a post held in a clause that a coordinated "left" ends
    (
        "Kara Voss briefly served as Lumetric's interim chief executive but left the company "
        "in 2024.",
        set(),
        {("kara-voss", "worksFor", "lumetric")},
    ),
    # a post taken in a relative clause on the subject of a plain "left"
    (
        "Ivo Dern, a product manager who joined Quorvex last year, left earlier this year.",
        set(),
        {("ivo-dern", "worksFor", "quorvex")},
    ),
    # a thing made with a named company is a joint work
    (
        "Vortexa said it will develop new chips for Europe with chipmaker Lumetric.",
        {("lumetric", "partneredWith", "vortexa")},
        set(),
    ),
    # a person's own new venture is one they founded
    (
        "Lumetric co-founder Kara Voss announced her new venture, Orrin Labs, a Berlin-based "
        "startup.",
        {("kara-voss", "founded", "orrin-labs")},
        set(),
    ),
    # people named by their old employer are not the employer
    (
        "Talvi was founded by Quorvex veterans who disliked the costs.",
        set(),
        {("quorvex", "founded", "talvi")},
    ),
    # "almost bought" did not buy; "brought into the fold" did
    (
        "Vexo almost bought Pellory Labs in 2006.",
        set(),
        {("vexo", "acquired", "pellory-labs")},
    ),
    (
        "Vexo Labs also brought Oslo-based Tarnwick and Lyon-based Brisa into the fold last year.",
        {("vexo-labs", "acquired", "tarnwick"), ("vexo-labs", "acquired", "brisa")},
        set(),
    ),
    # a model "from" a company is the company's; "built atop" is built on
    (
        "Tarnic-2 from Indian startup Pellory Labs can handle Hindi. Tarnic-2 is built atop "
        "Orvik-7.",
        {("pellory-labs", "developed", "tarnic-2"), ("tarnic-2", "basedOn", "orvik-7")},
        set(),
    ),
    # a description in an object is not the clause's own subject; a description with a
    # size is a new thing, not the model met before
    (
        "Vexo Labs released the Orvik app in May. Vexo Labs now has 40 staff. Like Tarnwick "
        "Labs, Pellory Labs said it "
        "would be using technology developed by the Orvik creator.",
        {("vexo-labs", "developed", "orvik")},
        {("pellory-labs", "developed", "orvik"), ("tarnwick-labs", "developed", "orvik")},
    ),
    (
        "Tarnic-2 is built atop the seven-billion parameter version of Orvik-7.",
        set(),
        {("tarnic-2", "variantOf", "orvik-7")},
    ),
    # a pronoun coordinated with a name: both are the subject
    (
        "Ivo Dern was a student at Corvane University when he and co-founder Lena Marsh "
        "started Tarnwick Labs in 2016.",
        {("ivo-dern", "founded", "tarnwick-labs"), ("lena-marsh", "founded", "tarnwick-labs")},
        set(),
    ),
    # a venture between two companies; an executive named with the company's title acts
    # for the company where only companies partner
    (
        "Korean firms will join the Orvik project, a mega venture between Pellory Labs and "
        "Tarnwick Labs to build capacity in the US.",
        {("pellory-labs", "partneredWith", "tarnwick-labs")},
        set(),
    ),
    (
        "In a tour through Asia, Pellory Labs chief executive officer Ada Voss also announced "
        "a partnership with Japan’s Tarnwick Group.",
        {("pellory-labs", "partneredWith", "tarnwick")},
        {("ada-voss", "partneredWith", "tarnwick")},
    ),
    # a list of names the parser broke up is still the subject, by its words
    (
        "Vexo Capital, Tarn Ventures and Brisk Partners invested in Pellory Labs.",
        {
            ("vexo-capital", "investedIn", "pellory-labs"),
            ("tarn-ventures", "investedIn", "pellory-labs"),
            ("brisk-partners", "investedIn", "pellory-labs"),
        },
        set(),
    ),
    (
        "Like Vexo Capital, Tarn Ventures and Brisk Partners invested in Pellory Labs.",
        set(),
        {("vexo-capital", "investedIn", "pellory-labs")},
    ),
    # companies that act jointly partner; ones that each act do not
    (
        "Vexo Labs and Pellory Labs will jointly develop chips for Korea.",
        {("pellory-labs", "partneredWith", "vexo-labs")},
        set(),
    ),
    (
        "Vexo Labs and Tarnwick Labs each develop chips for Korea.",
        set(),
        {("tarnwick-labs", "partneredWith", "vexo-labs")},
    ),
    # an adjective after "be" takes the copula's subject; its negation states nothing
    (
        "Orvik-7B is better than Tarn-13B at maths. Orvik-9B is superior to Tarn-20B.",
        {("orvik-7b", "outperforms", "tarn-13b"), ("orvik-9b", "outperforms", "tarn-20b")},
        set(),
    ),
    (
        "Brisk-7B is not better than Ostley-13B at maths.",
        set(),
        {("brisk-7b", "outperforms", "ostley-13b")},
    ),
    # "to found" is the verb "found", and its subject the one who left to do it
    (
        "Ada Voss quit Vexo Labs in 2021 to found Pellory Labs.",
        {("ada-voss", "founded", "pellory-labs")},
        {("ada-voss", "worksFor", "vexo-labs")},
    ),
    # rivals a company faces are its competitors
    (
        "Vexo Labs faces rivals such as Pellory Labs and Tarnwick Labs.",
        {
            ("pellory-labs", "competesWith", "vexo-labs"),
            ("tarnwick-labs", "competesWith", "vexo-labs"),
        },
        set(),
    ),
    # "the X-owned startup Y": Y, the startup's name
    (
        "The Vexo Labs-owned startup Pellory Labs is growing.",
        {("vexo-labs", "owns", "pellory-labs")},
        set(),
    ),
    # backing "from" someone is their investment in the one who gets it
    (
        "Pellory Labs raised $5 million with backing from Vexo Capital.",
        {("vexo-capital", "investedIn", "pellory-labs")},
        set(),
    ),
    # a company's person works for it, unless the title between says "former"
    (
        "Vexo Labs' Ada Voss, a veteran researcher, said the model was ready.",
        {("ada-voss", "worksFor", "vexo-labs")},
        set(),
    ),
    (
        "Vexo Labs’ former chief technology officer Ivo Dern announced Tarnwick Labs.",
        set(),
        {("ivo-dern", "worksFor", "vexo-labs")},
    ),
    # a named product "made by" a company is its work; a deal made is no product
    (
        "Orvik, the chatbot made by Vexo Labs, is popular. Vexo Labs made a deal with "
        "Pellory Labs.",
        {("vexo-labs", "developed", "orvik")},
        {("vexo-labs", "developed", "pellory-labs")},
    ),
    # a deal for a named company is its purchase; a deal for a company's chips is not
    (
        "Vexo Labs completed its $2 billion deal for Pellory Labs on Monday.",
        {("vexo-labs", "acquired", "pellory-labs")},
        set(),
    ),
    (
        "Vexo Labs struck a deal for Pellory Labs chips. Tarnwick Labs used the Pellory Labs "
        "chatbot.",
        set(),
        {("vexo-labs", "acquired", "pellory-labs"), ("tarnwick-labs", "uses", "pellory-labs")},
    ),
    # a definite "parent company" is the company met last, not the person
    (
        "The move reflects a push by Corvane Labs CEO Ada Voss to revive AI efforts at the "
        "parent company of Talvi Labs and Pennix Labs.",
        {("corvane-labs", "owns", "talvi-labs")},
        {("ada-voss", "owns", "talvi-labs")},
    ),
]


@pytest.fixture(scope="module")
def news_forms():
    texts = [text for text, *_ in NEWS_FORMS]
    _, relations, _ = read_texts(texts)
    return dict(zip(texts, relations, strict=True))


@pytest.mark.parametrize(
    ("text", "wanted", "wrong"), NEWS_FORMS, ids=[t[:40] for t, *_ in NEWS_FORMS]
)
def test_news_forms(news_forms, text, wanted, wrong) -> None:
    read = news_forms[text]
    assert wanted <= read, read
    assert not wrong & read, read
