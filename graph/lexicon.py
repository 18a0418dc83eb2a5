"""Load and validate the shared gazetteer (``data/lexicon.yaml``): widely known names of
the AI industry with their class, aliases in every language we read, and Wikidata links.

It is data so that users extend it without touching code (``kg build --lexicon``); this
loader checks it and says exactly which entry is wrong. Every language reader uses the
same gazetteer, which is what makes ``Meta`` and ``メタ`` one entity.
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

from graph.canonical import match_key, normalize_surface
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


def read_yaml(source: str | Path, text: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ResourceFileError(f"{source}: not valid YAML ({exc})") from exc


def strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise ResourceFileError(f"{where}: expected a list of strings")
    return tuple(normalize_surface(str(v)) for v in value)


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
    return LexiconEntry(
        name=normalize_surface(str(raw["name"])),
        entity_class=raw["class"],
        ja=strings(raw.get("ja"), where + ".ja"),
        en=strings(raw.get("en"), where + ".en"),
        wikidata=qid,
    )


def parse_lexicon(text: str, source: str = "<lexicon>") -> tuple[LexiconEntry, ...]:
    data = read_yaml(source, text)
    if not isinstance(data, dict) or not isinstance(data.get("entities"), list):
        raise ResourceFileError(f"{source}: expected a mapping with an 'entities' list")
    return tuple(_entry(raw, f"{source}: entities[{i}]") for i, raw in enumerate(data["entities"]))


def load_lexicon(extra: Iterable[str | Path] = ()) -> Lexicon:
    """The shipped lexicon, then each user file; a later entry with the same name wins."""
    text = resources.files("graph").joinpath("data/lexicon.yaml").read_text(encoding="utf-8")
    merged: dict[str, LexiconEntry] = {}
    for entry in parse_lexicon(text, "graph/data/lexicon.yaml"):
        merged[match_key(entry.name)] = entry
    for path in extra:
        file = Path(path)
        try:
            content = file.read_text(encoding="utf-8")
        except OSError as exc:
            raise ResourceFileError(f"{file}: cannot read lexicon ({exc.strerror})") from exc
        for entry in parse_lexicon(content, str(file)):
            merged[match_key(entry.name)] = entry
    return Lexicon(tuple(merged.values()))
