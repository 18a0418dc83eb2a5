"""The language-neutral core: pattern loading, class decisions, frame matching."""

from __future__ import annotations

import hashlib

import pytest

from graph.errors import ResourceFileError
from graph.extraction.facts import document_facts
from graph.extraction.matching import match_frame, role_votes
from graph.extraction.patterns import parse_patterns
from graph.extraction.readings import Argument, Frame, Name, SentenceReading, Vote
from graph.extraction.typing import decide_classes
from graph.model import Document

ROLES = frozenset({"subj", "obj", "to"})
PATTERNS = """
patterns:
  - id: acquired
    relation: acquired
    triggers: [acquire, buy]
    subject: {role: subj, classes: [Organization], infer: Organization}
    object: {role: obj, classes: [Organization, Product], infer: Organization}
    confidence: 0.85
  - id: partnered
    relation: partneredWith
    triggers: [partner]
    subject: {role: subj, classes: [Organization], infer: Organization}
    object: {role: to, classes: [Organization], infer: Organization}
    symmetric: true
  - id: outperforms
    relation: outperforms
    triggers: [beat]
    subject: {role: subj, classes: [AIModel, Product], infer: same}
    object: {role: obj, classes: [AIModel, Product], infer: same}
    same_class: true
"""


def _index():
    return parse_patterns(PATTERNS, ROLES, "test")


def _arg(key: str, role: str, start: int, penalty: float = 0.0, via: str = "tree") -> Argument:
    return Argument(key, role, start, start + 3, via, penalty)


def test_loader_names_the_bad_record_and_field() -> None:
    bad = PATTERNS.replace("role: to,", "role: nowhere,")
    with pytest.raises(ResourceFileError, match=r"'partnered'\.object: needs a role"):
        parse_patterns(bad, ROLES, "test")
    with pytest.raises(ResourceFileError, match="not in the contract"):
        parse_patterns(PATTERNS.replace("relation: acquired", "relation: ate"), ROLES)
    with pytest.raises(ResourceFileError, match="unknown field"):
        parse_patterns(PATTERNS.replace("confidence: 0.85", "confidense: 0.85"), ROLES)


def test_the_strongest_class_wins_and_thin_evidence_stays_untyped() -> None:
    decided = decide_classes(
        {
            "meta": [Vote("Organization", 10, "lexicon"), Vote("Person", 1, "role:x")],
            "vague": [Vote("Organization", 0.5, "role:y")],
        }
    )
    assert decided["meta"].entity_class == "Organization" and decided["meta"].cue == "lexicon"
    assert "vague" not in decided


def test_roles_type_names_with_no_cue() -> None:
    frame = Frame("acquire", 10, 12, (_arg("acme", "subj", 0), _arg("widget", "obj", 5)))
    votes = dict(role_votes([frame], _index(), {"widget": "Organization"}))
    assert votes["acme"] == Vote("Organization", 1.0, "role:acquired.subject")
    # With neither end typed, each role still votes, at half weight.
    votes = list(role_votes([frame], _index(), {}))
    assert sorted((k, v.weight) for k, v in votes) == [("acme", 0.5), ("widget", 0.5)]


def test_blocked_frames_state_nothing_but_still_type() -> None:
    frame = Frame("acquire", 10, 12, (_arg("acme", "subj", 0), _arg("widget", "obj", 5)), "planned")
    assert match_frame(frame, _index(), {"acme": "Organization", "widget": "Organization"}) == []
    assert dict(role_votes([frame], _index(), {"widget": "Organization"}))


def test_matching_prefers_direct_arguments_and_checks_classes() -> None:
    frame = Frame(
        "acquire",
        20,
        22,
        (
            _arg("topic", "subj", 0, penalty=0.2, via="topic"),
            _arg("acme", "subj", 8),
            _arg("widget", "obj", 14),
        ),
    )
    classes = {"topic": "Organization", "acme": "Organization", "widget": "Product"}
    matches = match_frame(frame, _index(), classes)
    assert [(m.subject.key, m.object.key) for m in matches] == [("acme", "widget")]
    assert match_frame(frame, _index(), {**classes, "widget": "Person"}) == []


def test_symmetric_groups_pair_up_once_and_gapped_clauses_zip() -> None:
    group = Frame("partner", 30, 32, tuple(_arg(k, "subj", i * 5) for i, k in enumerate("abc")))
    classes = dict.fromkeys("abc", "Organization")
    pairs = {(m.subject.key, m.object.key) for m in match_frame(group, _index(), classes)}
    assert pairs == {("a", "b"), ("a", "c"), ("b", "c")}
    gapped = Frame(
        "buy",
        40,
        42,
        (_arg("a", "subj", 0), _arg("x", "obj", 5), _arg("b", "subj", 10), _arg("y", "obj", 15)),
    )
    classes = dict.fromkeys("abxy", "Organization")
    pairs = {(m.subject.key, m.object.key) for m in match_frame(gapped, _index(), classes)}
    assert pairs == {("a", "x"), ("b", "y")}


def test_ambiguous_role_takes_the_free_end() -> None:
    frame = Frame("acquire", 10, 12, (_arg("acme", "subj", 0), _arg("rel", "subj|obj", 15)))
    classes = {"acme": "Organization", "rel": "Organization"}
    matches = match_frame(frame, _index(), classes)
    assert [(m.subject.key, m.object.key) for m in matches] == [("acme", "rel")]


def test_same_class_patterns_compare_like_with_like() -> None:
    frame = Frame("beat", 10, 12, (_arg("m1", "subj", 0), _arg("m2", "obj", 5)))
    assert match_frame(frame, _index(), {"m1": "AIModel", "m2": "Product"})
    assert dict(role_votes([frame], _index(), {"m2": "AIModel"}))["m1"].entity_class == "AIModel"


def test_document_facts_type_late_and_keep_provenance() -> None:
    text = "Acme bought Widgetco. Widgetco partners with Foo."
    document = Document("d", "d.txt", "t", text, "en", hashlib.sha256(text.encode()).hexdigest())
    names = (
        Name(0, 4, "Acme", "acme", "Acme", (Vote("Organization", 5, "marker"),)),
        Name(12, 20, "Widgetco", "widgetco", "Widgetco"),
    )
    second = (
        Name(22, 30, "Widgetco", "widgetco", "Widgetco"),
        Name(45, 48, "Foo", "foo", "Foo"),
    )
    readings = [
        SentenceReading(
            0,
            0,
            text[:21],
            names,
            (Frame("buy", 5, 11, (_arg("acme", "subj", 0), _arg("widgetco", "obj", 12))),),
        ),
        SentenceReading(
            1,
            22,
            text[22:],
            second,
            (Frame("partner", 31, 39, (_arg("widgetco", "subj", 22), _arg("foo", "to", 45))),),
        ),
    ]
    facts = document_facts(document, readings, _index())
    found = {(c.subject, c.predicate, c.object) for c in facts.relations}
    assert found == {("acme", "acquired", "widgetco"), ("widgetco", "partneredWith", "foo")}
    assert {m.key for m in facts.mentions} == {"acme", "widgetco", "foo"}
    claim = next(c for c in facts.relations if c.predicate == "acquired")
    assert claim.evidence.sentence == text[:21] and claim.evidence.start == 0
