"""Japanese cue words (``data/cues.yaml``): the words around names that reveal a class
(``〜社``, ``〜氏``, ``大規模言語モデル「…」``), role nouns and anaphors.

Data, not code, so that they carry over to new articles and users can read them; this
loader checks them and says which entry is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from graph.errors import ResourceFileError
from graph.lexicon import read_yaml, strings
from graph.model import ENTITY_CLASSES

__all__ = ["Cues", "load_cues"]


@dataclass(frozen=True)
class Cues:
    type_nouns: tuple[tuple[str, str], ...]  # (noun, class), longest noun first
    org_suffixes: tuple[str, ...]  # longest first, as are the other word lists
    org_prefixes: tuple[str, ...]
    person_suffixes: tuple[str, ...]
    employment_roles: tuple[str, ...]
    founder_roles: tuple[str, ...]
    author_roles: tuple[str, ...]
    generic_latin: frozenset[str]
    org_head_nouns: tuple[str, ...]
    anaphors: tuple[tuple[str, str], ...]  # (word, class), longest first

    def type_of_noun(self, compound: str) -> str | None:
        """Class named by a noun compound's ending: ``AI研究団体`` -> Organization."""
        for noun, entity_class in self.type_nouns:
            if compound.endswith(noun):
                return entity_class
        return None


_DETERMINERS = ("同", "本", "当該", "この", "その")


def _with_determiners(
    anaphors: tuple[tuple[str, str], ...], type_nouns: tuple[tuple[str, str], ...]
) -> tuple[tuple[str, str], ...]:
    """The listed anaphors plus 同/本/当該/この/その + every type noun (同モデル, 本サービス)."""
    made = {(d + noun, cls) for noun, cls in type_nouns for d in _DETERMINERS if len(noun) > 1}
    pairs = set(anaphors) | made
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p[0])))


def _longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


@cache
def load_cues() -> Cues:
    source = "graph/lang/ja/data/cues.yaml"
    text = resources.files("graph.lang.ja").joinpath("data/cues.yaml").read_text(encoding="utf-8")
    data = read_yaml(source, text)
    if not isinstance(data, dict):
        raise ResourceFileError(f"{source}: expected a mapping")

    def by_class(key: str) -> tuple[tuple[str, str], ...]:
        table = data.get(key) or {}
        if not isinstance(table, dict):
            raise ResourceFileError(f"{source}: {key} must map classes to word lists")
        pairs = []
        for entity_class, words in table.items():
            if entity_class not in ENTITY_CLASSES:
                raise ResourceFileError(f"{source}: {key}: unknown class {entity_class!r}")
            pairs.extend((w, entity_class) for w in strings(words, f"{source}: {key}"))
        return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p[0])))

    return Cues(
        type_nouns=by_class("type_nouns"),
        org_suffixes=_longest_first(strings(data.get("org_suffixes"), f"{source}: org_suffixes")),
        org_prefixes=strings(data.get("org_prefixes"), f"{source}: org_prefixes"),
        person_suffixes=_longest_first(
            strings(data.get("person_suffixes"), f"{source}: person_suffixes")
        ),
        author_roles=_longest_first(strings(data.get("author_roles"), f"{source}: author_roles")),
        founder_roles=_longest_first(
            strings(data.get("founder_roles"), f"{source}: founder_roles")
        ),
        employment_roles=_longest_first(
            strings(data.get("employment_roles"), f"{source}: employment_roles")
        ),
        generic_latin=frozenset(strings(data.get("generic_latin"), f"{source}: generic_latin")),
        org_head_nouns=_longest_first(
            strings(data.get("org_head_nouns"), f"{source}: org_head_nouns")
        ),
        anaphors=_with_determiners(by_class("anaphors"), by_class("type_nouns")),
    )
