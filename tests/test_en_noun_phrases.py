"""Noun-phrase forms of real news: possessives the parser did not attach, modifiers that
do not reach a conjunct with its own owner, joint projects, names with a version word, a
product named after a model, and the class a list gives its members. Invented names;
negatives must state nothing."""

from __future__ import annotations

from tests.en_helpers import form_tests, read_texts

PAIR = "Fund managers like Ferrow-backed Glimmer AI and Harlan Systems’s Nox chatbot."

POSITIVE = [
    # a possessive the parser left as a stray dependent or a conjunct
    (
        "The new software goes far beyond Quorra Labs’s previous Talon-2 system.",
        {("quorra-labs", "developed", "talon-2")},
    ),
    (
        PAIR,
        {("ferrow", "investedIn", "glimmer-ai"), ("harlan-systems", "owns", "nox")},
    ),
    ("Vexo Labs released an LLM called Orvik.", {("vexo-labs", "developed", "orvik")}),
    # "A and B's C" read by the parser as one owner's model: A is listed too; and a
    # possessor of a model with no class of its own is its company
    (
        "Vexo claims Orvik-9B can outperform larger models including Tansy Pro and "
        "Brellic's Corax-40B.",
        {
            ("orvik-9b", "outperforms", "tansy-pro"),
            ("orvik-9b", "outperforms", "corax-40b"),
            ("brellic", "developed", "corax-40b"),
        },
    ),
    # joint projects: every member made the thing
    (
        "Brindle-7B is a collaboration between Corvin Labs, Ostrava Research and Pell Systems.",
        {
            ("corvin-labs", "developed", "brindle-7b"),
            ("ostrava-research", "developed", "brindle-7b"),
            ("pell-systems", "developed", "brindle-7b"),
        },
    ),
    (
        "Quillfeather-9B, a project by Marrow Labs, is now open.",
        {("marrow-labs", "developed", "quillfeather-9b")},
    ),
]

NEGATIVE = [
    # a type noun the gazetteer knows, used as a common noun, is a kind, not a thing
    ("Brellic, which is developing an LLM for lawyers, grew.", ("brellic", "developed", "llm")),
    (
        "Brellic, which is developing an LLM for lawyers, grew.",
        ("brellic", "developed", "large-language-model"),
    ),
    # a possessor owns the name it is attached to, not the names coordinated with it
    (
        "Tovin followed Harlix's Quarry and Benmore's Stilt in skipping demos.",
        ("harlix", "owns", "stilt"),
    ),
    (
        "Tovin followed Harlix's Quarry and Benmore's Stilt in skipping demos.",
        ("benmore", "owns", "quarry"),
    ),
    (
        "The models are not tied to providers like Ostrava or Pellin's Dunmore.",
        ("pellin", "owns", "ostrava"),
    ),
    # a sister company is no property
    (
        "Harlix's Quarry Labs and its sister company Stilt Labs built a model.",
        ("quarry-labs", "owns", "stilt-labs"),
    ),
    # the modifier of the first conjunct says nothing of the owner of the second
    (
        PAIR,
        ("ferrow", "investedIn", "harlan-systems"),
    ),
    (
        PAIR,
        ("ferrow", "investedIn", "nox"),
    ),
]


read, test_reads_the_phrase, test_states_nothing_it_does_not_say = form_tests(POSITIVE, NEGATIVE)


def test_an_ordinary_word_after_a_company_is_an_edition_of_one_name() -> None:
    _, relations, _ = read_texts(["Tovin Chat can use Cohere Pilot (a prototype model)."])
    assert ("tovin-chat", "uses", "cohere-pilot") in relations[0], relations[0]


def test_a_sized_name_written_without_a_space_and_a_bare_size_are_variants() -> None:
    text = "Vexo released Orvik 3 today. Vexo claims Orvik3-8B and 70B beat larger models."
    _, relations, _ = read_texts([text])
    assert ("orvik3-8b", "variantOf", "orvik-3") in relations[0], relations[0]
    assert ("70b", "variantOf", "orvik-3") in relations[0], relations[0]


def test_a_product_named_after_a_model_is_no_variant_of_it() -> None:
    text = (
        "Sable is a language model made by Corvid Labs. Its coding assistant, Sable Code, "
        "writes tests. The Sable Code app runs on laptops."
    )
    _, (relations,), _ = read_texts([text])
    assert ("sable-code", "variantOf", "sable") not in relations


def test_a_version_word_after_a_known_name_is_part_of_the_name() -> None:
    # "DeepSeek v3": a gazetteer company followed by a version is one model, not the
    # company's product "v3"
    extraction, (relations,), _ = read_texts(["DeepSeek v3 is out, and DeepSeek v3 is fast."])
    keys = {e.key for e in extraction.entities}
    assert "deepseek-v3" in keys and "v3" not in keys
    assert not relations


def test_a_split_name_keeps_its_whole_form_as_a_label() -> None:
    # "Stanford CRFM" holds the gazetteer's Stanford and a name of its own
    extraction, _, _ = read_texts(["Stanford Trellis and Hazy Research built Ossia-2."])
    labels = {label.text for e in extraction.entities for label in (*e.pref_labels, *e.alt_labels)}
    assert "Stanford Trellis" in labels


def test_members_of_a_list_take_the_class_of_the_list() -> None:
    text = (
        "The wave began with open models like Ruskin, Vellum-Chat and Ossia. "
        "Nadia Roe led products at Brindle Labs, Quade and Fennimore."
    )
    extraction, _, _ = read_texts([text])
    classes = {e.key: e.entity_class for e in extraction.entities}
    assert classes.get("ruskin") == classes.get("ossia") == "AIModel"
    assert classes.get("quade") == classes.get("fennimore") == "Organization"


def test_a_model_name_before_a_known_term_is_the_thing_named() -> None:
    """ "its Talbot large language model" is Talbot, as "the Talbot model" is."""
    _, (triples,), _ = read_texts(
        ["Quorvex released its Talbot large language model on Monday, which is free to use."]
    )
    assert ("quorvex", "developed", "talbot") in triples, triples


def test_titles_with_departments_and_hyphenated_given_names() -> None:
    """ "VP of Research", "Chief Technology Officer" are titles; "Park Min-ji" one name."""
    extraction, relations, _ = read_texts(
        [
            "Former Quorvex VP of Research Ivo Brandt is the new Chief Technology Officer of "
            "Lumetric.",
            "Vexon chief executive Park Min-ji spoke at the event.",
        ]
    )
    keys = {e.key for e in extraction.entities}
    assert "ivo-brandt" in keys and "technology" not in keys, keys
    assert ("ivo-brandt", "worksFor", "lumetric") in relations[0]
    assert ("park-min-ji", "worksFor", "vexon") in relations[1]


def test_a_colon_sets_the_name_of_a_headline_description() -> None:
    """ "Orvik: Pellory Labs' New Model" describes Orvik, not a word inside the phrase."""
    _, (triples,), _ = read_texts(
        ["Introducing OrvikLM-7B: TarnAI’s Groundbreaking Hybrid Model\n\nIt is fast."]
    )
    assert ("tarnai", "owns", "orviklm-7b") in triples or (
        "tarnai",
        "developed",
        "orviklm-7b",
    ) in triples, triples


def test_a_plural_type_noun_names_no_thing() -> None:
    """ "specialized LLMs" is a kind of thing, whatever the tagger calls the word."""
    _, (triples,), _ = read_texts(
        [
            "Machine learning (ML) engineers at Vexo Labs can fine-tune them and create more "
            "powerful specialized LLMs to perform tasks."
        ]
    )
    assert not any(o == "llms" for _, _, o in triples), triples


def test_the_name_after_a_department_holds_the_title() -> None:
    """ "former Quorvex VP of Research Ivo Brandt": Ivo Brandt is the VP, a person."""
    extraction, _, _ = read_texts(["Former Quorvex VP of Research Ivo Brandt joined Lumetric."])
    classes = {e.key: e.entity_class for e in extraction.entities}
    assert classes.get("ivo-brandt") == "Person", classes
