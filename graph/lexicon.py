"""Load and validate the shared gazetteer (``data/lexicon.yaml``): widely known names of
the AI industry with their class, aliases in every language we read, and Wikidata links.

It is data so that users extend it without touching code (``kg build --lexicon``); this
loader checks it and says exactly which entry is wrong. Every language reader uses the
same gazetteer, which is what makes ``Meta`` and ``メタ`` one entity.

Mentions are looked up by surface form, so the lexicon must be unambiguous: a surface
(name or alias, compared as :func:`~graph.canonical.match_key` compares them) that named
two entries would silently link every mention to whichever came last, and two names with
one slug would share an IRI. Both are refused, within a file and after user files are
merged, with a message that names both entries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from graph.canonical import match_key, normalize_surface, slug
from graph.errors import ResourceFileError
from graph.model import ENTITY_CLASSES

__all__ = ["Lexicon", "LexiconEntry", "load_lexicon", "read_yaml", "strings"]


@dataclass(frozen=True)
class LexiconEntry:
    name: str
    entity_class: str
    ja: tuple[str, ...]
    en: tuple[str, ...]
    wikidata: str | None

    @property
    def surfaces(self) -> tuple[str, ...]:
        return (self.name, *self.ja, *self.en)


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[LexiconEntry, ...]

    @property
    def by_key(self) -> dict[str, LexiconEntry]:
        return _index(self)

    def lookup(self, surface: str) -> LexiconEntry | None:
        return self.by_key.get(match_key(surface))

    @property
    def non_latin_pattern(self) -> re.Pattern[str] | None:
        """One alternation of every non-Latin alias, longest first (a scan per sentence)."""
        return _non_latin_pattern(self)


@cache
def _index(lexicon: Lexicon) -> dict[str, LexiconEntry]:
    index: dict[str, LexiconEntry] = {}
    for entry in lexicon.entries:
        for surface in entry.surfaces:
            index[match_key(surface)] = entry
    return index


@cache
def _non_latin_pattern(lexicon: Lexicon) -> re.Pattern[str] | None:
    surfaces = {s for entry in lexicon.entries for s in entry.surfaces if not s.isascii()}
    if not surfaces:
        return None
    return re.compile("|".join(re.escape(s) for s in sorted(surfaces, key=lambda s: (-len(s), s))))


# libyaml's loader when installed: ten times faster on a lexicon of hundreds of entries.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(source: str | Path, text: str) -> Any:
    try:
        return yaml.load(text, Loader=_SAFE_LOADER)
    except yaml.YAMLError as exc:
        raise ResourceFileError(f"{source}: not valid YAML ({exc})") from exc


def strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise ResourceFileError(f"{where}: expected a list of strings")
    return tuple(normalize_surface(str(v)) for v in value)


def _surfaces(value: Any, where: str) -> tuple[str, ...]:
    """Aliases of an entry: strings that still name something once folded for matching."""
    surfaces = strings(value, where)
    if any(not match_key(surface) for surface in surfaces):
        raise ResourceFileError(f"{where}: an alias is empty; remove it")
    return surfaces


def _entry(raw: Any, where: str) -> LexiconEntry:
    if not isinstance(raw, dict) or "name" not in raw or "class" not in raw:
        raise ResourceFileError(f"{where}: each entry needs 'name' and 'class'")
    unknown = set(raw) - {"name", "class", "ja", "en", "wikidata"}
    if unknown:
        raise ResourceFileError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    if raw["class"] not in ENTITY_CLASSES:
        raise ResourceFileError(
            f"{where}: class {raw['class']!r} is not one of {', '.join(ENTITY_CLASSES)}"
        )
    qid = raw.get("wikidata")
    if qid is not None and not (isinstance(qid, str) and qid[:1] == "Q" and qid[1:].isdigit()):
        raise ResourceFileError(f"{where}: wikidata must look like Q42, got {qid!r}")
    name = normalize_surface(str(raw["name"]))
    if not match_key(name):
        raise ResourceFileError(f"{where}: the name is empty")
    return LexiconEntry(
        name=name,
        entity_class=raw["class"],
        ja=_surfaces(raw.get("ja"), where + ".ja"),
        en=_surfaces(raw.get("en"), where + ".en"),
        wikidata=qid,
    )


@dataclass(frozen=True)
class _Located:
    """An entry and where it was read (``mine.yaml: entities[3]``), for error messages."""

    entry: LexiconEntry
    where: str


def _check_unambiguous(items: Iterable[_Located]) -> None:
    """Every surface form names one entry, and every entry has an IRI of its own."""
    owners: dict[str, tuple[_Located, str]] = {}  # match key -> (owner, its surface)
    iris: dict[str, _Located] = {}
    for item in items:
        entry = item.entry
        for surface in entry.surfaces:
            owner, owned = owners.setdefault(match_key(surface), (item, surface))
            if owner.entry is not entry:
                raise ResourceFileError(_conflict(item, surface, owner, owned))
        iri = slug(entry.name)
        other = iris.setdefault(iri, item)
        if other is not item:
            raise ResourceFileError(
                f"{item.where}: {entry.name!r} and {other.entry.name!r} ({other.where}) would "
                f"share the IRI kge:{iri}; rename one of them"
            )


def _conflict(item: _Located, surface: str, owner: _Located, owned: str) -> str:
    """The message for one surface form claimed by two entries."""
    name, other = item.entry.name, owner.entry.name
    where = f"{item.where}: "
    if surface == name and owned == other:
        return f"{where}{name!r} and {other!r} ({owner.where}) are one name; merge the two entries"
    if owned == other:
        return (
            f"{where}alias {surface!r} of {name!r} is the name of another entry, "
            f"{other!r} ({owner.where}); remove the alias"
        )
    if surface == name:
        return (
            f"{where}the name {name!r} is also an alias of {other!r} ({owner.where}); "
            "remove that alias"
        )
    return (
        f"{where}alias {surface!r} names both {name!r} and {other!r} "
        f"({owner.where}, as {owned!r}); keep it on one entry"
    )


def _parse_located(text: str, source: str) -> list[_Located]:
    data = read_yaml(source, text)
    if not isinstance(data, dict) or not isinstance(data.get("entities"), list):
        raise ResourceFileError(f"{source}: expected a mapping with an 'entities' list")
    items = []
    for i, raw in enumerate(data["entities"]):
        where = f"{source}: entities[{i}]"
        items.append(_Located(_entry(raw, where), where))
    _check_unambiguous(items)
    return items


def parse_lexicon(text: str, source: str = "<lexicon>") -> tuple[LexiconEntry, ...]:
    """The entries of one lexicon file, checked on their own."""
    return tuple(item.entry for item in _parse_located(text, source))


def load_lexicon(extra: Iterable[str | Path] = ()) -> Lexicon:
    """The shipped lexicon, then each user file; a later entry with the same name wins.

    A user entry that reuses a surface form of another entry is refused rather than
    silently taking it over: to move an alias, repeat that entry by name without it.
    """
    text = resources.files("graph").joinpath("data/lexicon.yaml").read_text(encoding="utf-8")
    merged: dict[str, _Located] = {}
    for item in _parse_located(text, "graph/data/lexicon.yaml"):
        merged[match_key(item.entry.name)] = item
    for path in extra:
        file = Path(path)
        try:
            content = file.read_text(encoding="utf-8")
        except OSError as exc:
            raise ResourceFileError(f"{file}: cannot read lexicon ({exc.strerror})") from exc
        for item in _parse_located(content, str(file)):
            merged[match_key(item.entry.name)] = item
    _check_unambiguous(merged.values())
    return Lexicon(tuple(item.entry for item in merged.values()))
