"""English forms ranked by what they cost in recall over the eight gold batches (issue 9).

The loss table over batches 1-8 put long investor lists first ("Backers include A, B, …
and C", "raised $X from A, B and other investors", where the parser hangs the later
members anywhere), then titles set off by a comma ("said Lisa Su, AMD Chair and CEO"),
possessed products and co-investors named after a round. Each mechanism is tested here on
invented sentences, with look-alikes that must state nothing.
"""

from __future__ import annotations

import pytest

from tests.en_helpers import read_texts

SYMMETRIC = {"partneredWith", "competesWith"}

POSITIVE = [
    # ---- a list of names read by the words
    (
        "Backers include Harrow Capital, Tarnside, Quillmore Partners, Osprey Systems, "
        "Lantern Ventures, Brightwell and Corvane Ventures.",
        "Ostrava raised $300 million this year. ",
        {
            ("harrow-capital", "investedIn", "ostrava"),
            ("osprey-systems", "investedIn", "ostrava"),
            ("corvane-ventures", "investedIn", "ostrava"),
        },
    ),
    (
        "Fenmoor raised $90 million from Harrow Capital, Tarnside Ventures, Quillmore Inc. "
        "and other investors.",
        "",
        {
            ("harrow-capital", "investedIn", "fenmoor"),
            ("tarnside-ventures", "investedIn", "fenmoor"),
            ("quillmore", "investedIn", "fenmoor"),
        },
    ),
    (
        "Fenmoor raised 500 million euros from Harrow Capital and Tarnside Ventures.",
        "",
        {
            ("harrow-capital", "investedIn", "fenmoor"),
            ("tarnside-ventures", "investedIn", "fenmoor"),
        },
    ),
    # ---- the name possessed is the one right after the "'s"
    (
        "Brindle Inc. has raised $50 million in funding from Pellam Inc.'s Orvik, Tessary Corp. "
        "and other investors.",
        "",
        {
            ("pellam", "owns", "orvik"),
            ("orvik", "investedIn", "brindle"),
            ("tessary", "investedIn", "brindle"),
        },
    ),
    # ---- co-investors after a round
    (
        "Quillon raised $5 million in a round led by Harrow Capital, with participation "
        "from Tarnside Ventures.",
        "",
        {
            ("harrow-capital", "investedIn", "quillon"),
            ("tarnside-ventures", "investedIn", "quillon"),
        },
    ),
    # ---- counted among its backers
    (
        "Vessla counts Marrowby Capital among its investors.",
        "",
        {("marrowby-capital", "investedIn", "vessla")},
    ),
    # ---- a company's title after a comma
    (
        '"We are thrilled," said Dr Ada Vorsk, Tessaline Chair and CEO.',
        "",
        {("ada-vorsk", "worksFor", "tessaline")},
    ),
    (
        "Lena Vostrik, the Brisco Dynamics CEO, spoke at the event.",
        "",
        {("lena-vostrik", "worksFor", "brisco-dynamics")},
    ),
    # ---- partnerships
    (
        "Carrowmere signed a supply deal with Ostrel Systems.",
        "",
        {("carrowmere", "partneredWith", "ostrel-systems")},
    ),
    (
        "Quorra Labs joined forces with Tessaline Inc. on robotics.",
        "",
        {("quorra-labs", "partneredWith", "tessaline")},
    ),
    # ---- a wire dateline, then a company named by a common word after "startup"
    (
        "Mar 3 (Reuters) - Drone startup Table said it raised $40 million from investors "
        "including Harrow Capital, Tarnside and Quillmore Partners.",
        "",
        {("harrow-capital", "investedIn", "table"), ("tarnside", "investedIn", "table")},
    ),
]

NEGATIVE = [
    # a stock ticker in brackets is no name of its own
    (
        "Chinese tech giant Harbex (9981.HK) said it released Quill-2, a new model.",
        ("9981.hk", "developed", "quill-2"),
    ),
    # ... but the common word stays a word elsewhere, and a dateline's date is no name
    (
        "Mar 3 (Reuters) - Table 2 shows that Harrow Capital invested in Tarnside.",
        ("harrow-capital", "investedIn", "table"),
    ),
    # a comma run with no "and" is no list: two phrases
    (
        "In 2021, Harrow Capital backed Fenmoor, Quillmore Inc. said.",
        ("quillmore", "investedIn", "fenmoor"),
    ),
    # "A, which backs B, and C": B and C are in no list
    (
        "Harrow Capital, which backs Fenmoor Inc., and Tarnside Ventures met on Monday.",
        ("harrow-capital", "investedIn", "tarnside-ventures"),
    ),
    # a planned deal is no partnership
    (
        "Carrowmere plans to sign a supply deal with Ostrel Systems.",
        ("carrowmere", "partneredWith", "ostrel-systems"),
    ),
    # a rival named by a possessive is no property
    (
        "Pellam Inc.'s rival Orvik Systems is growing fast.",
        ("pellam", "owns", "orvik-systems"),
    ),
    # a person working with a company is no partnership
    (
        "Ada Vorsk worked with Tessaline Inc. for years.",
        ("ada-vorsk", "partneredWith", "tessaline"),
    ),
    # a title with a name after it is the later name's: "A, Tessel CEO B, said"
    (
        "Marta Quell, Tessaline CEO Ivo Brandt and others attended.",
        ("marta-quell", "worksFor", "tessaline"),
    ),
]


def _text(case: tuple) -> str:
    return case[1] + case[0] if len(case) == 3 else case[0]


@pytest.fixture(scope="module")
def read():
    texts = list(dict.fromkeys([_text(c) for c in POSITIVE] + [c[0] for c in NEGATIVE]))
    _, relations, _ = read_texts(texts)
    return dict(zip(texts, relations, strict=True))


def _found(found: set, fact: tuple[str, str, str]) -> bool:
    s, p, o = fact
    return fact in found or (p in SYMMETRIC and (o, p, s) in found)


@pytest.mark.parametrize(
    ("sentence", "context", "wanted"), POSITIVE, ids=[c[0][:48] for c in POSITIVE]
)
def test_reads_the_ranked_form(read, sentence, context, wanted) -> None:
    found = read[context + sentence]
    missing = {fact for fact in wanted if not _found(found, fact)}
    assert not missing, f"missing {missing}; read {found}"


@pytest.mark.parametrize(("text", "wrong"), NEGATIVE, ids=[c[0][:48] for c in NEGATIVE])
def test_states_nothing_of_the_look_alike(read, text, wrong) -> None:
    assert not _found(read[text], wrong), read[text]
