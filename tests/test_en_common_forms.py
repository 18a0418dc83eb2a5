"""The forms English business and technology news uses most, on invented sentences.

Written from the language, not from articles: every relation of the contract and the
attributes in active and passive clauses, relative clauses on either end, appositives,
possessives, nominalised events, coordination and investor lists, titles before and after
names, datelines and wire credits, "the company"/"it" references, and modality and
negation that must state nothing. A probe of what carries over to unseen news: a strict
xfail marks a known gap with the reason.
"""

from __future__ import annotations

import pytest

from tests.en_helpers import read_texts


def _gap(text: str, wanted: object, reason: str) -> object:
    """A known gap: the case must fail until the mechanism named in ``reason`` exists."""
    return pytest.param(text, wanted, marks=pytest.mark.xfail(strict=True, reason=reason))


POSITIVE = [
    # ---- acquired -------------------------------------------------------------------
    ("Brisco Labs acquired Nivara for $400 million.", {("brisco-labs", "acquired", "nivara")}),
    (
        "Quintell was acquired by Kestrel Dynamics in a $1.2 billion deal.",
        {("kestrel-dynamics", "acquired", "quintell")},
    ),
    (
        "Kestrel Dynamics bought drone startup Sablefin, a maker of inspection drones.",
        {("kestrel-dynamics", "acquired", "sablefin")},
    ),
    (
        "Dunmore Systems' acquisition of Pellucid closed on Tuesday.",
        {("dunmore-systems", "acquired", "pellucid")},
    ),
    (
        "Lumira, which Torvald Cloud bought last year, makes vector databases.",
        {("torvald-cloud", "acquired", "lumira")},
    ),
    (
        "Torvald Cloud, which bought Ordway Labs in 2022, is now buying Wexley.",
        {("torvald-cloud", "acquired", "ordway-labs"), ("torvald-cloud", "acquired", "wexley")},
    ),
    (
        "Velmont completed its purchase of Arkwright Health on Monday.",
        {("velmont", "acquired", "arkwright-health")},
    ),
    (
        "Corvex, a chip startup acquired by Halloran AI in 2021, designs inference accelerators.",
        {("halloran-ai", "acquired", "corvex")},
    ),
    (
        "SAN FRANCISCO, May 2 (Reuters) - Zephyrine said on Thursday it had acquired "
        "Tamberlane for $3 billion in cash.",
        {("zephyrine", "acquired", "tamberlane")},
    ),
    (
        "Mirelle snapped up speech startup Caddow in an all-stock deal.",
        {("mirelle", "acquired", "caddow")},
    ),
    (
        "The deal, in which Solenne AI bought Ravelo, was announced in March.",
        {("solenne-ai", "acquired", "ravelo")},
    ),
    (
        "Brennick Software took over Halden Analytics in a deal valued at $90 million.",
        {("brennick-software", "acquired", "halden-analytics")},
    ),
    # ---- investedIn -----------------------------------------------------------------
    (
        "Grayfield Capital invested $50 million in Ostrava Robotics.",
        {("grayfield-capital", "investedIn", "ostrava-robotics")},
    ),
    (
        "Fennimore, a legal AI startup, raised $80 million from Tarrow Ventures, "
        "Edgewater Partners and Ridgeback Capital.",
        {
            ("tarrow-ventures", "investedIn", "fennimore"),
            ("edgewater-partners", "investedIn", "fennimore"),
            ("ridgeback-capital", "investedIn", "fennimore"),
        },
    ),
    (
        "Caspian Peak Capital led the $120 million round in Lorvik, with participation "
        "from Maplewood Ventures and Strand Partners.",
        {
            ("caspian-peak-capital", "investedIn", "lorvik"),
            ("maplewood-ventures", "investedIn", "lorvik"),
            ("strand-partners", "investedIn", "lorvik"),
        },
    ),
    (
        "Lorvik's $120 million Series B was led by Caspian Peak Capital.",
        {("caspian-peak-capital", "investedIn", "lorvik")},
    ),
    (
        "Harbin Dynamics is backed by Tarrow Ventures and Selwyn Capital.",
        {
            ("tarrow-ventures", "investedIn", "harbin-dynamics"),
            ("selwyn-capital", "investedIn", "harbin-dynamics"),
        },
    ),
    (
        "Quellis has raised $40 million from investors including Orland Ventures, "
        "Brightwater Capital and Kessock Partners.",
        {
            ("orland-ventures", "investedIn", "quellis"),
            ("brightwater-capital", "investedIn", "quellis"),
            ("kessock-partners", "investedIn", "quellis"),
        },
    ),
    (
        "Velmont's $2 billion investment in Quellis makes it the largest shareholder.",
        {("velmont", "investedIn", "quellis")},
    ),
    (
        "Marrick, which counts Orland Ventures among its backers, builds coding agents.",
        {("orland-ventures", "investedIn", "marrick")},
    ),
    (
        "Orland Ventures, an early investor in Marrick, joined the round.",
        {("orland-ventures", "investedIn", "marrick")},
    ),
    (
        "Dravo Health secured $25 million in funding led by Selwyn Capital.",
        {("selwyn-capital", "investedIn", "dravo-health")},
    ),
    (
        "Tessaly said on Monday it had raised $60 million in a round led by Brightwater "
        "Capital. Kessock Partners also took part.",
        {("brightwater-capital", "investedIn", "tessaly")},
    ),
    (
        "Nordhaven Capital poured $300 million into Ambrell, a chip designer.",
        {("nordhaven-capital", "investedIn", "ambrell")},
    ),
    (
        "Ambrell counts Nordhaven Capital and Strand Partners as investors.",
        {
            ("nordhaven-capital", "investedIn", "ambrell"),
            ("strand-partners", "investedIn", "ambrell"),
        },
    ),
    # ---- partneredWith --------------------------------------------------------------
    (
        "Halloran AI partnered with Dunmore Systems to sell its models to banks.",
        {("halloran-ai", "partneredWith", "dunmore-systems")},
    ),
    (
        "Velmont and Brisco Labs announced a partnership on Tuesday.",
        {("velmont", "partneredWith", "brisco-labs")},
    ),
    (
        "Mirelle signed a multiyear deal with Torvald Cloud to run its models.",
        {("mirelle", "partneredWith", "torvald-cloud")},
    ),
    _gap(
        "Under the partnership with Zephyrine, Sablefin will supply drones.",
        {("zephyrine", "partneredWith", "sablefin")},
        "a fronted 'under the partnership with X' gets the clause's subject as no end",
    ),
    (
        "Kestrel Dynamics is teaming up with Arkwright Health on diagnostics.",
        {("kestrel-dynamics", "partneredWith", "arkwright-health")},
    ),
    (
        "Wexley has joined forces with Lumira to build search tools.",
        {("wexley", "partneredWith", "lumira")},
    ),
    (
        "Solenne AI struck a partnership with Brennick Software last year.",
        {("solenne-ai", "partneredWith", "brennick-software")},
    ),
    _gap(
        "Ravelo will work with Caddow to bring its assistant to cars.",
        {("ravelo", "partneredWith", "caddow")},
        "'work with' between companies is no partnership trigger",
    ),
    # ---- developed ------------------------------------------------------------------
    ("Brisco Labs released Quarry-7B on Tuesday.", {("brisco-labs", "developed", "quarry-7b")}),
    (
        "Falcata-70B was developed by Halloran AI.",
        {("halloran-ai", "developed", "falcata-70b")},
    ),
    (
        "Halyard-13B, a model built by Nivara, tops the leaderboard.",
        {("nivara", "developed", "halyard-13b")},
    ),
    (
        "Lumira's new model, Sprig-3, answers questions about contracts.",
        {("lumira", "developed", "sprig-3")},
    ),
    (
        "Torvald Cloud unveiled Cinder, a coding assistant for developers.",
        {("torvald-cloud", "developed", "cinder")},
    ),
    (
        "Zephyrine launched Gale-2 and Gale-2 Mini on Wednesday.",
        {("zephyrine", "developed", "gale-2"), ("zephyrine", "developed", "gale-2-mini")},
    ),
    (
        "Kestrel Dynamics, which makes the Pylon-4 model, said sales doubled.",
        {("kestrel-dynamics", "developed", "pylon-4")},
    ),
    (
        "NEW YORK (AP) — Mirelle on Monday introduced Vesper-5, its most capable model yet.",
        {("mirelle", "developed", "vesper-5")},
    ),
    _gap(
        "The Ordway Labs-developed Tinsel-8B model runs on a laptop.",
        {("ordway-labs", "developed", "tinsel-8b")},
        "a multi-word name before '-developed' is no prefix role",
    ),
    (
        "Dunmore Systems said it had built Marlin-2 from scratch.",
        {("dunmore-systems", "developed", "marlin-2")},
    ),
    (
        "Wexley's release of Brio-3 drew praise from developers.",
        {("wexley", "developed", "brio-3")},
    ),
    (
        "Corvex, the maker of Flintstar-9, is hiring.",
        {("corvex", "developed", "flintstar-9")},
    ),
    # ---- owns -----------------------------------------------------------------------
    (
        "Velmont owns Pinecrest, a popular photo app.",
        {("velmont", "owns", "pinecrest")},
    ),
    (
        "Sablefin, a unit of Zephyrine, makes drones.",
        {("zephyrine", "owns", "sablefin")},
    ),
    (
        "Arkwright Health is a subsidiary of Velmont.",
        {("velmont", "owns", "arkwright-health")},
    ),
    (
        "Brisco Labs, owned by Grayfield Capital, employs 300 people.",
        {("grayfield-capital", "owns", "brisco-labs")},
    ),
    (
        "Torvald Cloud's chat app Murmur has 40 million users.",
        {("torvald-cloud", "owns", "murmur")},
    ),
    (
        "Halloran AI holds a 30% stake in Corvex.",
        {("halloran-ai", "investedIn", "corvex")},
    ),
    (
        "Mirelle-owned Drift, a messaging service, was fined.",
        {("mirelle", "owns", "drift")},
    ),
    # ---- founded --------------------------------------------------------------------
    (
        "Nadia Okonkwo founded Fennimore in 2020.",
        {("nadia-okonkwo", "founded", "fennimore")},
    ),
    (
        "Quellis was founded by Elliot Farrand and Sofia Brandt in 2019.",
        {("elliot-farrand", "founded", "quellis"), ("sofia-brandt", "founded", "quellis")},
    ),
    (
        "Lorvik, a startup founded by Camille Duret, builds robots for warehouses.",
        {("camille-duret", "founded", "lorvik")},
    ),
    (
        "Henrik Solberg, who co-founded Tessaly, now advises Ambrell.",
        {("henrik-solberg", "founded", "tessaly")},
    ),
    (
        "Marrick co-founder Aiko Tanabe said demand was strong.",
        {("aiko-tanabe", "founded", "marrick")},
    ),
    (
        "Dravo Health's founder, Rohan Mehrotra, started the company in his garage.",
        {("rohan-mehrotra", "founded", "dravo-health")},
    ),
    _gap(
        "Ambrell was started by former Velmont engineers Lukas Brenner and Ines Carvalho.",
        {("lukas-brenner", "founded", "ambrell"), ("ines-carvalho", "founded", "ambrell")},
        "'former Velmont engineers A and B' as a passive agent loses the founders",
    ),
    (
        "Harbin Dynamics, which Marta Kowalczyk set up in 2018, makes lidar sensors.",
        {("marta-kowalczyk", "founded", "harbin-dynamics")},
    ),
    # ---- worksFor -------------------------------------------------------------------
    (
        "Halloran AI CEO Priya Ravindran said the model would ship soon.",
        {("priya-ravindran", "worksFor", "halloran-ai")},
    ),
    (
        "Marcus Oyelaran, Velmont's chief executive, declined to comment.",
        {("marcus-oyelaran", "worksFor", "velmont")},
    ),
    _gap(
        "Oyelaran, who leads Velmont, told analysts the deal was done.",
        {("oyelaran", "worksFor", "velmont")},
        "a one-word surname met once is no person name",
    ),
    (
        "Lena Vostrikova, chief technology officer at Brisco Labs, wrote the memo.",
        {("lena-vostrikova", "worksFor", "brisco-labs")},
    ),
    (
        "Tomasz Zielinski, a researcher at Nivara, led the study.",
        {("tomasz-zielinski", "worksFor", "nivara")},
    ),
    _gap(
        'Said Torvald Cloud spokesperson Greta Lindqvist: "We are pleased."',
        {("greta-lindqvist", "worksFor", "torvald-cloud")},
        "an inverted 'Said X spokesperson Y' keeps 'Said' in the company name",
    ),
    (
        "Daniel Okafor, head of research at Zephyrine, said the results were early.",
        {("daniel-okafor", "worksFor", "zephyrine")},
    ),
    (
        "Mirelle hired Yusuf Demir as its chief scientist.",
        {("yusuf-demir", "worksFor", "mirelle")},
    ),
    (
        "Kestrel Dynamics president Hana Novak will step down next year.",
        {("hana-novak", "worksFor", "kestrel-dynamics")},
    ),
    (
        "Wexley named Olivia Brandauer chief executive on Friday.",
        {("olivia-brandauer", "worksFor", "wexley")},
    ),
    (
        "Corvex engineer Mateo Ruiz built the first prototype.",
        {("mateo-ruiz", "worksFor", "corvex")},
    ),
    (
        "Ravelo's chief operating officer, Bea Lindgren, joined in 2021.",
        {("bea-lindgren", "worksFor", "ravelo")},
    ),
    # ---- competesWith ---------------------------------------------------------------
    (
        "Brisco Labs competes with Halloran AI for enterprise customers.",
        {("brisco-labs", "competesWith", "halloran-ai")},
    ),
    (
        "Nivara, a rival of Lumira, cut its prices.",
        {("nivara", "competesWith", "lumira")},
    ),
    (
        "Torvald Cloud and Zephyrine are rivals in the cloud market.",
        {("torvald-cloud", "competesWith", "zephyrine")},
    ),
    _gap(
        "Velmont is taking on Kestrel Dynamics with a cheaper drone.",
        {("velmont", "competesWith", "kestrel-dynamics")},
        "'take on' is no rivalry trigger",
    ),
    _gap(
        "Mirelle faces stiff competition from Wexley and Corvex.",
        {("mirelle", "competesWith", "wexley"), ("mirelle", "competesWith", "corvex")},
        "'faces competition from' is no rivalry frame",
    ),
    (
        "Ravelo's rivals include Caddow and Solenne AI.",
        {("ravelo", "competesWith", "caddow"), ("ravelo", "competesWith", "solenne-ai")},
    ),
    # ---- fineTunedFrom / basedOn / variantOf / trainedOn / uses ----------------------
    (
        "Sprig-3-Chat was fine-tuned from Sprig-3.",
        {("sprig-3-chat", "fineTunedFrom", "sprig-3")},
    ),
    (
        "Ordway Labs fine-tuned Quarry-7B to create Pebble-7B.",
        {("pebble-7b", "fineTunedFrom", "quarry-7b")},
    ),
    (
        "Pebble-Med, a fine-tuned version of Falcata-70B, answers medical questions.",
        {("pebble-med", "fineTunedFrom", "falcata-70b")},
    ),
    (
        "Cinder is based on Gale-2.",
        {("cinder", "basedOn", "gale-2")},
    ),
    (
        "Murmur, which is built on top of Vesper-5, answers in 40 languages.",
        {("murmur", "basedOn", "vesper-5")},
    ),
    (
        "Gale-2 Mini is a smaller version of Gale-2.",
        {("gale-2-mini", "variantOf", "gale-2")},
    ),
    (
        "Halyard-13B was trained on the Tidewrack dataset.",
        {("halyard-13b", "trainedOn", "tidewrack")},
    ),
    (
        "Nivara trained Halyard-13B on Corvid Corpus, a collection of 2 trillion tokens.",
        {("halyard-13b", "trainedOn", "corvid-corpus")},
    ),
    (
        "Brio-3 uses LoRA to cut memory use.",
        {("brio-3", "uses", "lora")},
    ),
    (
        "Dravo Health uses Vesper-5 to summarize patient notes.",
        {("dravo-health", "uses", "vesper-5")},
    ),
    (
        "Pinecrest is powered by Sprig-3.",
        {("pinecrest", "uses", "sprig-3")},
    ),
    # ---- outperforms ----------------------------------------------------------------
    (
        "Marlin-2 outperforms Quarry-7B on most benchmarks.",
        {("marlin-2", "outperforms", "quarry-7b")},
    ),
    (
        "Halloran AI said Falcata-70B beat Vesper-5 on coding tests.",
        {("falcata-70b", "outperforms", "vesper-5")},
    ),
    (
        "Gale-2 scored higher than Brio-3 on the reasoning benchmark.",
        {("gale-2", "outperforms", "brio-3")},
    ),
    # ---- viewsAsThreat --------------------------------------------------------------
    (
        "Velmont sees Kestrel Dynamics as its biggest threat.",
        {("velmont", "viewsAsThreat", "kestrel-dynamics")},
    ),
    (
        "Executives at Brisco Labs regard open source as a threat to its business.",
        {("brisco-labs", "viewsAsThreat", "open-source")},
    ),
    # ---- authoredBy -----------------------------------------------------------------
    (
        "The Harrow memo, written by a Zephyrine engineer, leaked online.",
        {("harrow", "authoredBy", "zephyrine")},
    ),
    # ---- "the company" / "it" references ---------------------------------------------
    (
        "Brisco Labs said on Monday that it had acquired Caddow.",
        {("brisco-labs", "acquired", "caddow")},
    ),
    (
        "Ambrell makes chips for data centers. The company was founded by Ines Carvalho.",
        {("ines-carvalho", "founded", "ambrell")},
    ),
    (
        "Tessaly builds voice agents. Brightwater Capital invested in the company last year.",
        {("brightwater-capital", "investedIn", "tessaly")},
    ),
    (
        "Lumira is growing fast. It released Sprig-4 in June.",
        {("lumira", "developed", "sprig-4")},
    ),
    # ---- attributes -----------------------------------------------------------------
    (
        "Quarry-7B has 7 billion parameters.",
        {("quarry-7b", "parameterCount", "7000000000")},
    ),
    (
        "Halloran AI released Falcata, a 70-billion-parameter model.",
        {("falcata", "parameterCount", "70000000000")},
    ),
    (
        "Brio-3, with 13 billion parameters, runs on one GPU.",
        {("brio-3", "parameterCount", "13000000000")},
    ),
    (
        "Training Marlin-2 cost about $4 million.",
        {("marlin-2", "trainingCost", "4000000")},
    ),
    (
        "Nivara said it spent $12 million to train Halyard-13B.",
        {("halyard-13b", "trainingCost", "12000000")},
    ),
    (
        "Zephyrine released Gale-2 on March 4, 2024.",
        {("gale-2", "releaseDate", "2024-03-04")},
    ),
    (
        "Vesper-5 was released in May 2024.",
        {("vesper-5", "releaseDate", "2024-05")},
    ),
    (
        "Pebble-7B reaches 90% of Quarry-7B's quality.",
        {("pebble-7b", "relativeQuality", "0.9")},
    ),
]

NEGATIVE = [
    # a wire service in a dateline is the reporter, never a party
    (
        "LONDON, June 3 (Reuters) - Brisco Labs agreed to acquire Nivara.",
        ("reuters", "acquired", "nivara"),
    ),
    (
        "BERLIN (AP) — Velmont announced a partnership with Corvex.",
        ("ap", "partneredWith", "corvex"),
    ),
    (
        "TOKYO, May 2 (Reuters) - Halloran AI released Falcata-70B.",
        ("reuters", "developed", "falcata-70b"),
    ),
    # plans, talks, rumours and denials are no facts
    ("Zephyrine plans to acquire Tamberlane.", ("zephyrine", "acquired", "tamberlane")),
    (
        "Velmont is in talks to buy Arkwright Health, people familiar said.",
        ("velmont", "acquired", "arkwright-health"),
    ),
    (
        "Kestrel Dynamics denied that it would buy Sablefin.",
        ("kestrel-dynamics", "acquired", "sablefin"),
    ),
    (
        "Mirelle did not invest in Caddow.",
        ("mirelle", "investedIn", "caddow"),
    ),
    (
        "Grayfield Capital is considering an investment in Ostrava Robotics.",
        ("grayfield-capital", "investedIn", "ostrava-robotics"),
    ),
    (
        "Torvald Cloud could partner with Lumira, analysts said.",
        ("torvald-cloud", "partneredWith", "lumira"),
    ),
    (
        "Dunmore Systems walked away from its bid for Pellucid.",
        ("dunmore-systems", "acquired", "pellucid"),
    ),
    (
        "Wexley rejected a takeover offer from Solenne AI.",
        ("solenne-ai", "acquired", "wexley"),
    ),
    # former ties
    (
        "Former Velmont CEO Marcus Oyelaran now runs a fund.",
        ("marcus-oyelaran", "worksFor", "velmont"),
    ),
    (
        "Lena Vostrikova, who previously worked at Nivara, joined Brisco Labs.",
        ("lena-vostrikova", "worksFor", "nivara"),
    ),
    (
        "Yusuf Demir left Mirelle in March.",
        ("yusuf-demir", "worksFor", "mirelle"),
    ),
    # look-alike relations
    (
        "Brisco Labs sold Caddow to Velmont.",
        ("brisco-labs", "acquired", "caddow"),
    ),
    (
        "Halloran AI's model runs on chips from Corvex.",
        ("halloran-ai", "acquired", "corvex"),
    ),
    (
        "Ambrell raised $30 million from Nordhaven Capital.",
        ("ambrell", "investedIn", "nordhaven-capital"),
    ),
    # the investors of a round are no investors in each other
    (
        "Quellis raised $40 million from Orland Ventures and Brightwater Capital.",
        ("orland-ventures", "investedIn", "brightwater-capital"),
    ),
    (
        "The round was led by Caspian Peak Capital, with participation from Strand Partners.",
        ("strand-partners", "investedIn", "caspian-peak-capital"),
    ),
    # a person quoted is no employee of the company named in the quote
    (
        '"Velmont is a great partner," said Priya Ravindran, chief executive of Halloran AI.',
        ("priya-ravindran", "worksFor", "velmont"),
    ),
    # a title of one company does not carry to the other end of the sentence
    (
        "Halloran AI CEO Priya Ravindran met Velmont's board on Tuesday.",
        ("priya-ravindran", "worksFor", "velmont"),
    ),
    # a founder of one company does not found the company he leads later
    (
        "Henrik Solberg, who co-founded Tessaly, now advises Ambrell.",
        ("henrik-solberg", "founded", "ambrell"),
    ),
    # negated lineage and comparison, a planned release
    (
        "Sprig-3 is not based on Gale-2.",
        ("sprig-3", "basedOn", "gale-2"),
    ),
    (
        "Marlin-2 did not beat Quarry-7B on coding.",
        ("marlin-2", "outperforms", "quarry-7b"),
    ),
    (
        "Zephyrine plans to release Gale-3 next year.",
        ("zephyrine", "developed", "gale-3"),
    ),
]


#: Relations read in either direction.
SYMMETRIC = frozenset({"partneredWith", "competesWith"})


def _close(found: set[tuple[str, str, str]], wanted: tuple[str, str, str]) -> bool:
    """A wanted fact is found as is, or (attributes) with a value within 1%."""
    subject, prop, value = wanted
    if wanted in found or (prop in SYMMETRIC and (value, prop, subject) in found):
        return True
    for s, p, v in found:
        if (s, p) != (subject, prop):
            continue
        try:
            if abs(float(v) - float(value)) <= 0.01 * abs(float(value)):
                return True
        except ValueError:
            continue
    return False


def _texts(cases: list) -> list[str]:
    return [case.values[0] if hasattr(case, "values") else case[0] for case in cases]


@pytest.fixture(scope="module")
def read():
    texts = list(dict.fromkeys(_texts(POSITIVE) + _texts(NEGATIVE)))
    _, relations, attributes = read_texts(texts)
    return dict(zip(texts, zip(relations, attributes, strict=True), strict=True))


def _ids(cases: list) -> list[str]:
    return [text[:48] for text in _texts(cases)]


@pytest.mark.parametrize(("text", "wanted"), POSITIVE, ids=_ids(POSITIVE))
def test_reads_the_form(read, text, wanted) -> None:
    relations, attributes = read[text]
    found = relations | attributes
    missing = {fact for fact in wanted if not _close(found, fact)}
    assert not missing, f"missing {missing}; read {relations} {attributes}"


@pytest.mark.parametrize(("text", "wrong"), NEGATIVE, ids=_ids(NEGATIVE))
def test_states_nothing_it_does_not_say(read, text, wrong) -> None:
    relations, attributes = read[text]
    found = relations | attributes
    assert not any(triple[: len(wrong)] == wrong for triple in found), found
