"""Forms met in unseen news (en batch 5), each on invented sentences with other names and
wordings: a surname the tokenizer took for a contraction, a kind acronym after a name,
known terms and parenthetical kinds that type the name they describe, list members past
a description, "a G42 company", companies launched and created, a title standing before
its person, former founders and former posts, variants named after their family, and
the investors of "the round". Negatives must state nothing; a strict xfail marks a
known gap."""

from __future__ import annotations

import pytest

from tests.en_helpers import read_texts

POSITIVE = [
    # "Ive", "Wed", "Hes" are names and words, not contractions without an apostrophe
    ("Mara Ive founded Corlath in 2019.", {("mara-ive", "founded", "corlath")}),
    # a kind acronym after a name is the type noun, no part of the name
    (
        "Last month, Dornach Labs unveiled the Vessa-3 LLM.",
        {("dornach-labs", "developed", "vessa-3")},
    ),
    (
        "Vessa-3 is a fine-tuned version of the Marlo-2 LLM.",
        {("vessa-3", "fineTunedFrom", "marlo-2")},
    ),
    # a known term in lowercase, with modifiers, in apposition: the name is a model
    (
        "Dornach Labs introduced Kelpie, a new Welsh-centric large language model (LLM).",
        {("dornach-labs", "developed", "kelpie")},
    ),
    # a list member after a description set off by commas
    (
        "Tarn-7B is the result of a collaboration between Olvo Labs, the Mersey Institute "
        "of Technology (MIOT), the first AI university in Wales, and Pellix Labs.",
        {("pellix-labs", "developed", "tarn-7b"), ("olvo-labs", "developed", "tarn-7b")},
    ),
    # "a G42 company": the company named before "company" owns the one described
    ("Quillon, a Harbex company, makes robots.", {("harbex", "owns", "quillon")}),
    # companies launching a named venture found it
    (
        "Ravel Systems, Quorn Group and Dask Labs are launching a joint venture named "
        "Harrowgate to build data centres.",
        {
            ("ravel-systems", "founded", "harrowgate"),
            ("quorn", "founded", "harrowgate"),
            ("dask-labs", "founded", "harrowgate"),
        },
    ),
    # a title before a name stands for the person, through a second description; a
    # former founder still founded
    (
        "Vexa, the AI company created by former Quorra founder and later critic Ida "
        "Mertz, raised money.",
        {("ida-mertz", "founded", "vexa"), ("ida-mertz", "founded", "quorra")},
    ),
    # the name after "the chatbot" is the version, the chatbot its family (read when the
    # parser makes "the chatbot" the version's holder, as in the article; here it does not)
    pytest.param(
        "Tallis launched the first version of its chatbot, Quip, in 2023. In April, "
        "Tallis released the latest version of the chatbot, Quip-2V.",
        {("quip-2v", "variantOf", "quip")},
        marks=pytest.mark.xfail(strict=True, reason="'version' gets no holder in this parse"),
    ),
    # a reward model named after its family
    (
        "Pellix released Orrin-4 and Orrin-4 Reward on Monday.",
        {("orrin-4-reward", "variantOf", "orrin-4")},
    ),
    # the investors of "the round" invested in the company that raised it
    (
        "Vexo Labs raised $6 billion in a Series B round. Investors in the round "
        "included Tarn Capital and Brisk Ventures.",
        {
            ("tarn-capital", "investedIn", "vexo-labs"),
            ("brisk-ventures", "investedIn", "vexo-labs"),
        },
    ),
    (
        "Vexo Labs said it has raised $40 million. Some of the firms that put money into "
        "this funding round included Tarn Capital and Olm Partners.",
        {("tarn-capital", "investedIn", "vexo-labs"), ("olm-partners", "investedIn", "vexo-labs")},
    ),
    (
        "Companies that have invested in Vexo Labs include Tarn Capital and Brisk Ventures.",
        {
            ("tarn-capital", "investedIn", "vexo-labs"),
            ("brisk-ventures", "investedIn", "vexo-labs"),
        },
    ),
    # a type noun after a comma describes the name before it (past a parenthesis),
    # wherever the parser hung it
    (
        "The model was trained on Arabic and code data on Kestrel Ridge 2 (KR-2), the "
        "recently announced multi-exaFLOP AI supercomputer built by Garrow Labs and "
        "Cemblas Systems.",
        {
            ("garrow-labs", "developed", "kestrel-ridge-2"),
            ("cemblas-systems", "developed", "kestrel-ridge-2"),
        },
    ),
]

NEGATIVE = [
    # a post the article calls former is over in the story of how it began
    (
        "Kiln, the studio co-founded by ex-Tessel designer Bram Olsen, grew fast. He "
        "joined Tessel in 2001.",
        ("bram-olsen", "worksFor", "tessel"),
    ),
    # ... but a past title at a company leaves a current one standing
    (
        "Kiln named Ada Roth as interim Kiln CEO. Ada Roth was previously the company's "
        "chief strategy officer.",
        ("ada-roth", "worksFor", "kiln", "never"),
    ),
    # the family is no variant of its version
    (
        "Tallis launched the first version of its chatbot, Quip, in 2023. In April, "
        "Tallis released the latest version of the chatbot, Quip-2V.",
        ("quip", "variantOf", "quip-2v"),
    ),
    # a second description with its own company takes no company from the first
    (
        "Tarn Labs, a Vexo company and a Pellory partner, sells chips.",
        ("tarn-labs", "partneredWith", "vexo"),
    ),
    # (en batch 6) people from a company found what is theirs, not the company's
    (
        "Veyra, a Lyon start-up founded last year by researchers from Orbis and Kestrel, "
        "raised money.",
        ("orbis", "founded", "veyra"),
    ),
    (
        "Quillon was founded in 2022 by former Harbex employees.",
        ("harbex", "founded", "quillon"),
    ),
]

#: Names typed by a kind they stand beside (the entity label alone says Person).
CLASSES = [
    # a name alone in a core role is typed by it: only a company raises money
    ("Quillet raised $40 million last week.", "quillet", "Organization"),
    # a lowercase known term, with modifiers, in apposition
    (
        "Dornach Labs introduced Kelpie, a new Welsh-centric large language model (LLM).",
        "kelpie",
        "AIModel",
    ),
    # the kind the parser hung in apposition to a copula's complement
    (
        "In tests, Ossian is a 13-billion parameter generative pre-trained transformer "
        "(GPT) model.",
        "ossian",
        "AIModel",
    ),
]

#: Names that must not be read.
NOT_NAMES = [
    ("Tarn, a Chinese AI company, grew quickly.", "chinese-ai"),
    ("Last month, Dornach Labs unveiled the Vessa-3 LLM.", "vessa-3-llm"),
]


@pytest.fixture(scope="module")
def read():
    texts = [_text(p) for p in POSITIVE] + [t for t, _ in NEGATIVE] + [t for t, _ in NOT_NAMES]
    texts = list(dict.fromkeys(texts + [t for t, _, _ in CLASSES]))
    extraction, relations, attributes = read_texts(texts)
    keys = {entity.key: entity.entity_class for entity in extraction.entities}
    by_text = dict(zip(texts, zip(relations, attributes, strict=True), strict=True))
    return by_text, keys


def _text(item: object) -> str:
    return item.values[0] if hasattr(item, "values") else item[0]  # type: ignore[index,union-attr]


@pytest.mark.parametrize(("text", "wanted"), POSITIVE, ids=[_text(p)[:40] for p in POSITIVE])
def test_reads_the_form(read, text, wanted) -> None:
    relations = read[0][text][0]
    missing = wanted - relations
    assert not missing, f"missing {missing}; read {relations}"


@pytest.mark.parametrize(("text", "wrong"), NEGATIVE, ids=[t[:40] for t, _ in NEGATIVE])
def test_states_nothing_it_does_not_say(read, text, wrong) -> None:
    relations = read[0][text][0]
    if wrong[-1] == "never":  # a triple that must be read
        assert wrong[:3] in relations, relations
        return
    assert not any(triple[: len(wrong)] == wrong for triple in relations), relations


@pytest.mark.parametrize(("text", "key"), NOT_NAMES, ids=[k for _, k in NOT_NAMES])
def test_is_no_name(read, text, key) -> None:
    relations, attributes = read[0][text]
    ends = {s for s, _, _ in relations} | {o for _, _, o in relations}
    ends |= {s for s, _, _ in attributes}
    assert key not in ends and key not in read[1], (relations, attributes)


@pytest.mark.parametrize(("text", "key", "entity_class"), CLASSES, ids=[k for _, k, _ in CLASSES])
def test_is_typed_by_its_kind(read, text, key, entity_class) -> None:
    assert read[1].get(key) == entity_class, read[1]
