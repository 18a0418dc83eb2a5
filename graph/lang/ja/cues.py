"""Japanese cue words (``data/cues.yaml``): the words around names that reveal a class
(``〜社``, ``〜氏``, ``大規模言語モデル「…」``, ``ゲーム大手の…``), title nouns, anaphors.

Data, not code, so that they carry over to new articles and users can read them; this
loader checks them and says which entry is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from graph.errors import ResourceFileError
from graph.lexicon import read_yaml, strings
from graph.model import ENTITY_CLASSES

__all__ = ["Cues", "load_cues", "parse_cues"]

_DETERMINERS = ("同", "本", "当該", "この", "その", "各", "これらの")


@dataclass(frozen=True)
class Cues:
    type_nouns: tuple[tuple[str, str], ...]  # (noun, class), longest noun first
    descriptors: frozenset[str]
    org_suffixes: tuple[str, ...]  # longest first, as are the other word lists
    org_prefixes: tuple[str, ...]
    strong_org_heads: tuple[str, ...]
    weak_org_heads: tuple[str, ...]
    country_prefixes: tuple[str, ...]
    person_suffixes: tuple[str, ...]
    titles: tuple[str, ...]
    founder_roles: tuple[str, ...]
    author_roles: tuple[str, ...]
    generic_latin: frozenset[str]
    anaphors: tuple[tuple[str, str], ...]  # (word, class), longest first
    non_name_heads: tuple[str, ...] = ()
    edition_words: frozenset[str] = frozenset()  # Opus, Instruct: a model's editions, by word
    occupations: frozenset[str] = frozenset()  # 研究者, エンジニア: titles that name no post
    measure_nouns: frozenset[str] = frozenset()  # スコア, 性能: what a subject scores or shows
    title_modifiers: frozenset[str] = frozenset()  # チーフ, 主任: glued before a title, no name
    counting_nouns: frozenset[str] = frozenset()  # バージョン, レベル: a number after them counts
    tuning_editions: frozenset[str] = frozenset()  # Instruct, Chat: an instruction-tuned edition
    # (event word, canonical technique): 継続事前学習を行った「X」 names the method X was made by
    method_events: tuple[tuple[str, str], ...] = ()

    def method_of(self, word: str) -> str | None:
        """The technique a training event word names (``事後学習`` -> ``post-training``)."""
        return dict(self.method_events).get(word)

    def type_of_noun(self, compound: str) -> str | None:
        """Class named by a noun compound's ending: ``AI研究団体`` -> Organization."""
        return _type_of_noun(self, compound)

    def org_head(self, compound: str) -> tuple[str, bool] | None:
        """The company-name ending of ``compound`` and whether it is a strong one."""
        for head in self.strong_org_heads:
            if compound.endswith(head) and compound != head:
                return head, True
        for head in self.weak_org_heads:
            if compound.endswith(head) and compound != head:
                return head, False
        return None

    def title_at(self, text: str, start: int) -> str | None:
        """The longest title noun written at ``text[start:]``."""
        return next((t for t in self.titles if text.startswith(t, start)), None)

    def anaphor_class(self, word: str) -> str | None:
        return dict(self.anaphors).get(word)


@cache
def _type_of_noun(cues: Cues, compound: str) -> str | None:
    for noun, entity_class in cues.type_nouns:
        if compound.endswith(noun):
            before = compound[: -len(noun)].rstrip(" ")
            if noun.isascii() and before[-1:].isascii() and before[-1:].isalnum():
                continue  # "EleutherAI", "Mistral AI" are names, not "…AI" type nouns
            return entity_class
    return None


def _longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


def _by_class(data: dict[str, Any], key: str, source: str) -> tuple[tuple[str, str], ...]:
    table = data.get(key) or {}
    if not isinstance(table, dict):
        raise ResourceFileError(f"{source}: {key} must map classes to word lists")
    pairs = []
    for entity_class, words in table.items():
        if entity_class not in ENTITY_CLASSES:
            raise ResourceFileError(f"{source}: {key}: unknown class {entity_class!r}")
        pairs.extend((w, entity_class) for w in strings(words, f"{source}: {key}.{entity_class}"))
    return tuple(sorted(set(pairs), key=lambda p: (-len(p[0]), p[0])))


_FIELDS = {
    "type_nouns",
    "descriptors",
    "org_suffixes",
    "org_prefixes",
    "org_heads",
    "country_prefixes",
    "person_suffixes",
    "titles",
    "founder_roles",
    "author_roles",
    "generic_latin",
    "anaphors",
    "non_name_heads",
    "edition_words",
    "measure_nouns",
    "occupations",
    "title_modifiers",
    "counting_nouns",
    "tuning_editions",
    "method_events",
}


def parse_cues(text: str, source: str = "<cues>") -> Cues:
    data = read_yaml(source, text)
    if not isinstance(data, dict):
        raise ResourceFileError(f"{source}: expected a mapping of cue lists")
    unknown = set(data) - _FIELDS
    if unknown:
        raise ResourceFileError(f"{source}: unknown field(s) {', '.join(sorted(unknown))}")
    heads = data.get("org_heads") or {}
    if not isinstance(heads, dict) or set(heads) - {"strong", "weak"}:
        raise ResourceFileError(f"{source}: org_heads must have 'strong' and 'weak' lists")

    def words(key: str) -> tuple[str, ...]:
        return _longest_first(strings(data.get(key), f"{source}: {key}"))

    type_nouns = _by_class(data, "type_nouns", source)
    methods = data.get("method_events") or {}
    if not isinstance(methods, dict):
        raise ResourceFileError(f"{source}: method_events must map techniques to word lists")
    method_events = {}
    for technique, written in methods.items():
        if not isinstance(technique, str) or not technique.strip():
            raise ResourceFileError(f"{source}: method_events: a technique needs a name")
        for word in strings(written, f"{source}: method_events.{technique}"):
            if method_events.setdefault(word, technique) != technique:
                raise ResourceFileError(f"{source}: method_events: {word!r} names two techniques")
    listed = _by_class(data, "anaphors", source)
    made = {(d + noun, cls) for noun, cls in type_nouns for d in _DETERMINERS if len(noun) > 1}
    anaphors = tuple(sorted(set(listed) | made, key=lambda p: (-len(p[0]), p[0])))
    return Cues(
        type_nouns=type_nouns,
        descriptors=frozenset(words("descriptors")),
        org_suffixes=words("org_suffixes"),
        org_prefixes=words("org_prefixes"),
        strong_org_heads=_longest_first(strings(heads.get("strong"), f"{source}: org_heads")),
        weak_org_heads=_longest_first(strings(heads.get("weak"), f"{source}: org_heads")),
        country_prefixes=words("country_prefixes"),
        person_suffixes=words("person_suffixes"),
        # "チーフサイエンティスト", "主任研究員": a modifier glued to a title is a title too.
        titles=_longest_first(
            words("titles")
            + tuple(m + t for m in words("title_modifiers") for t in words("titles"))
        ),
        founder_roles=words("founder_roles"),
        author_roles=words("author_roles"),
        generic_latin=frozenset(words("generic_latin")),
        anaphors=anaphors,
        non_name_heads=words("non_name_heads"),
        edition_words=frozenset(w.casefold() for w in words("edition_words")),
        measure_nouns=frozenset(words("measure_nouns")),
        occupations=frozenset(words("occupations")),
        title_modifiers=frozenset(words("title_modifiers")),
        counting_nouns=frozenset(words("counting_nouns")),
        tuning_editions=frozenset(w.casefold() for w in words("tuning_editions")),
        method_events=tuple(sorted(method_events.items())),
    )


@cache
def load_cues() -> Cues:
    source = "graph/lang/ja/data/cues.yaml"
    text = resources.files("graph.lang.ja").joinpath("data/cues.yaml").read_text(encoding="utf-8")
    return parse_cues(text, source)
