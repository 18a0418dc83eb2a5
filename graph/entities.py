"""Stage 5: merge mentions from all documents into one :class:`Entity` per real-world thing.

Mentions already carry a canonical key (lexicon name, or the name with company affixes
stripped, compared without case, width or separators). This stage adds the merges that
need the whole corpus (a person's family name alone, ``ナデラ``, joins ``サティア・ナデラ``),
picks each entity's class from its strongest cue, and chooses labels: a preferred label
per language and every other surface form as an alternative label, so that every merge
is visible in the output.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from graph.canonical import match_key, normalize_surface
from graph.lexicon import Lexicon, LexiconEntry
from graph.model import Entity, Label, Mention

__all__ = ["merge_entities"]

# Strength of the evidence a cue gives for a class; the strongest cue decides.
_CUE_STRENGTH = {
    "lexicon": 5,
    "quote+lexicon": 5,
    "marker": 4,
    "name": 3,
    "apposition": 2,
    "quote": 2,
}


def _strength(cue: str) -> int:
    head = cue.split(":", 1)[0].split("+", 1)[0]
    return _CUE_STRENGTH.get(cue, _CUE_STRENGTH.get(head, 1))


def _language_of(text: str) -> str:
    return "ja" if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text) else "en"


def _lookup(lexicon: Lexicon) -> Callable[[str], LexiconEntry | None]:
    """``lexicon.lookup`` with the index fetched once: ``Lexicon.by_key`` hashes the whole
    lexicon on every call (a cache keyed by the frozen dataclass), which at 3,000
    documents was most of this stage's time."""
    index = lexicon.by_key
    return lambda surface: index.get(match_key(surface))


def _person_aliases(mentions: list[Mention], lexicon: Lexicon) -> dict[str, str]:
    """Map the key of a bare family name to the key of the full name it abbreviates.

    A listed person's canonical name is English (Satya Nadella), so the family name is
    also read from the surface met and the lexicon's other forms (サティア・ナデラ -> ナデラ).
    """
    full_names: dict[str, set[str]] = defaultdict(set)
    lookup = _lookup(lexicon)
    for mention in mentions:
        if mention.entity_class == "Person":
            entry = lookup(mention.canonical)
            names = {mention.canonical, mention.text, *(entry.surfaces if entry else ())}
            for name in names:
                parts = re.split(r"[・·\s]+", normalize_surface(name))
                if len(parts) > 1:
                    full_names[match_key(parts[-1])].add(mention.key)
    aliases: dict[str, str] = {}
    for mention in mentions:
        if mention.entity_class == "Person" and mention.key not in aliases:
            owners = full_names.get(match_key(mention.canonical), set()) - {mention.key}
            if len(owners) == 1:
                aliases[mention.key] = next(iter(owners))
    return aliases


def merge_entities(
    mentions: Iterable[Mention], lexicon: Lexicon, languages: dict[str, str]
) -> tuple[tuple[Entity, ...], dict[str, str]]:
    """Entities sorted by key, and the map from every mention key to its entity's key.

    ``languages`` maps a document id to its language, for the preferred labels.
    """
    mentions = list(mentions)
    aliases = _person_aliases(mentions, lexicon)
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        groups[aliases.get(mention.key, mention.key)].append(mention)
    entities: list[Entity] = []
    lookup = _lookup(lexicon)
    for key in sorted(groups):
        group = groups[key]
        best = max(group, key=lambda m: (_strength(m.cue), len(m.canonical)))
        classes = Counter(m.entity_class for m in group if _strength(m.cue) == _strength(best.cue))
        entity_class = sorted(classes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        canonical = best.canonical
        entry = lookup(canonical)
        pref: dict[str, str] = {}
        if entry is not None:
            pref["en"] = entry.name
        surfaces = Counter(normalize_surface(m.text) for m in group)
        doc_languages = {languages.get(m.doc_id, "ja") for m in group}
        for language in sorted(doc_languages):
            if language in pref:
                continue
            # The Japanese label of a gazetteer entry unless the Japanese text itself
            # writes the name in Latin letters (English documents' spellings don't count).
            ja_surfaces = {
                normalize_surface(m.text) for m in group if languages.get(m.doc_id) == "ja"
            }
            if (
                language == "ja"
                and entry is not None
                and entry.ja
                and not any(match_key(s) == match_key(entry.name) for s in ja_surfaces)
            ):
                pref["ja"] = entry.ja[0]
            else:
                pref[language] = canonical
        if "en" not in pref and _language_of(canonical) == "en":
            pref["en"] = canonical
        alt = set(surfaces) | ({canonical} if canonical not in pref.values() else set())
        if entry is not None:
            alt |= set(entry.ja) | set(entry.en)
        pref_texts = {(text, lang) for lang, text in pref.items()}
        alt_labels = tuple(
            sorted(
                {Label(text, _language_of(text)) for text in alt}
                - {Label(text, lang) for text, lang in pref_texts},
                key=lambda label: (label.language, label.text),
            )
        )
        entities.append(
            Entity(
                key=key,
                canonical=canonical,
                entity_class=entity_class,
                pref_labels=tuple(Label(text, lang) for lang, text in sorted(pref.items())),
                alt_labels=alt_labels,
                mention_count=len(group),
                wikidata=best.wikidata or (entry.wikidata if entry else None),
            )
        )
    key_map = {m.key: aliases.get(m.key, m.key) for m in mentions}
    return tuple(entities), key_map
