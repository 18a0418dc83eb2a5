"""English cue words (``data/cues.yaml``): type nouns, company suffixes, places, stand-ins
and the words that block a frame. Data, not code, so that they carry over to new
articles; this loader checks the file and says which entry is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from graph.errors import ResourceFileError
from graph.lexicon import read_yaml
from graph.model import ENTITY_CLASSES

__all__ = ["Cues", "load_cues", "parse_cues", "word_set"]

SOURCE = "graph/lang/en/data/cues.yaml"


def word_set(text: str) -> frozenset[str]:
    """A word list written as one string in code (easier to read than a list literal)."""
    return frozenset(text.split())


@dataclass(frozen=True)
class Cues:
    type_nouns: dict[str, str]  # lemma (or "language model") -> class
    org_suffixes: frozenset[str]
    weak_org_suffixes: frozenset[str]
    org_prefixes: frozenset[str]
    affiliated_people: frozenset[str]
    topic_relatives: frozenset[str]
    not_names: frozenset[str]
    places: frozenset[str]
    anaphor_determiners: frozenset[str]
    first_person: frozenset[str]
    pronouns: dict[str, str]  # pronoun -> class, "*" for any class
    negation_words: frozenset[str]
    planning_words: frozenset[str]
    denial_words: frozenset[str]
    modal_words: frozenset[str]
    ability_words: frozenset[str]
    former_words: frozenset[str]
    light_verbs: frozenset[str]
    raising_verbs: frozenset[str]
    regard_verbs: frozenset[str]
    threat_nouns: frozenset[str]
    winner_nouns: frozenset[str]
    win_verbs: frozenset[str]
    expect_verbs: frozenset[str]
    fear_nouns: frozenset[str]
    alarm_nouns: frozenset[str]
    alarm_verbs: frozenset[str]
    technique_heads: frozenset[str]
    participation_nouns: frozenset[str]
    family_words: frozenset[str]
    sentence_openers: frozenset[str]
    generic_heads: frozenset[str]
    series_nouns: frozenset[str]
    unit_nouns: frozenset[str]
    role_cues: dict[tuple[str, str], tuple[str, str]]  # (trigger, role) -> (class, cue name)

    def __hash__(self) -> int:  # dict fields: hash by identity (one Cues per process)
        return id(self)

    def type_of(self, words: list[str]) -> tuple[str, str] | None:
        """(class, noun) named by the last words of a noun phrase, longest match first:
        ``["chip", "designer"]`` -> ("Organization", "designer")."""
        for size in (3, 2, 1):
            if len(words) >= size:
                noun = " ".join(words[-size:])
                found = self.type_nouns.get(noun)
                if found:
                    return found, noun
                if size == 2:  # "start - up", split by the tokenizer: "start-up"
                    joined = "-".join(words[-2:])
                    found = self.type_nouns.get(joined)
                    if found:
                        return found, joined
        return None


def _words(data: dict[str, object], key: str) -> frozenset[str]:
    value = data.get(key)
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ResourceFileError(f"{SOURCE}: {key} must be a list of words")
    return frozenset(v.lower() for v in value)


def _by_class(data: dict[str, object], key: str, wildcard: bool = False) -> dict[str, str]:
    table = data.get(key) or {}
    if not isinstance(table, dict):
        raise ResourceFileError(f"{SOURCE}: {key} must map classes to word lists")
    out: dict[str, str] = {}
    for entity_class, words in table.items():
        if entity_class not in ENTITY_CLASSES and not (wildcard and entity_class == "*"):
            raise ResourceFileError(f"{SOURCE}: {key}: unknown class {entity_class!r}")
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ResourceFileError(f"{SOURCE}: {key}.{entity_class} must be a list of words")
        for word in words:
            out.setdefault(word.lower(), entity_class)
    return out


_FIELDS = {
    "type_nouns",
    "org_suffixes",
    "weak_org_suffixes",
    "org_prefixes",
    "affiliated_people",
    "topic_relatives",
    "not_names",
    "places",
    "anaphor_determiners",
    "first_person",
    "pronouns",
    "negation_words",
    "planning_words",
    "denial_words",
    "modal_words",
    "ability_words",
    "former_words",
    "light_verbs",
    "raising_verbs",
    "regard_verbs",
    "threat_nouns",
    "winner_nouns",
    "win_verbs",
    "expect_verbs",
    "fear_nouns",
    "alarm_nouns",
    "alarm_verbs",
    "technique_heads",
    "participation_nouns",
    "family_words",
    "sentence_openers",
    "generic_heads",
    "series_nouns",
    "unit_nouns",
    "role_cues",
}


def parse_cues(text: str) -> Cues:
    data = read_yaml(SOURCE, text)
    if not isinstance(data, dict):
        raise ResourceFileError(f"{SOURCE}: expected a mapping")
    unknown = set(data) - _FIELDS
    if unknown:
        raise ResourceFileError(f"{SOURCE}: unknown field(s) {', '.join(sorted(unknown))}")
    words = {key: _words(data, key) for key in _FIELDS - {"type_nouns", "pronouns", "role_cues"}}
    return Cues(
        type_nouns=_by_class(data, "type_nouns"),
        pronouns=_by_class(data, "pronouns", wildcard=True),
        role_cues=_role_cues(data.get("role_cues")),
        **words,
    )


def _role_cues(raw: object) -> dict[tuple[str, str], tuple[str, str]]:
    if raw is None:
        return {}
    if not isinstance(raw, list):
        raise ResourceFileError(f"{SOURCE}: role_cues must be a list")
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for i, entry in enumerate(raw):
        where = f"{SOURCE}: role_cues[{i}]"
        if not isinstance(entry, dict) or set(entry) != {"triggers", "role", "class"}:
            raise ResourceFileError(f"{where}: needs exactly triggers, role and class")
        if entry["class"] not in ENTITY_CLASSES:
            raise ResourceFileError(f"{where}: unknown class {entry['class']!r}")
        if not isinstance(entry["triggers"], list):
            raise ResourceFileError(f"{where}: triggers must be a list")
        for trigger in entry["triggers"]:
            cue = f"context:{entry['role']}-{trigger}"
            out[(str(trigger), str(entry["role"]))] = (entry["class"], cue)
    return out


@cache
def load_cues() -> Cues:
    text = resources.files("graph.lang.en").joinpath("data/cues.yaml").read_text(encoding="utf-8")
    return parse_cues(text)
