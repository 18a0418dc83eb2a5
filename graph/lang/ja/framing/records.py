"""The data the Japanese frame builder takes and gives: placed names, proto-arguments,
proto-frames, the trigger table, the sentence it reads, and the state its parts share.

These are plain records with no parsing in them, so the reader, the builder and its parts
all import them from here without importing one another.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from graph.lang.ja.cues import Cues
from graph.lang.ja.framing.words import _BLOCKING_SUFFIXES, _EVENT_SUFFIXES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass(frozen=True)
class Placed:
    """A name placed in the parse: its merged token and where it is written."""

    key: str
    start: int  # clean-text offsets of the name proper
    end: int
    unit_end: int  # end of its written unit (with 社/氏 and a closing quote)
    token: int  # index of the merged token in the sentence's Doc
    reference: bool = False
    hint: str | None = None  # the class cues give it so far (for anaphora and gaps)


@dataclass(frozen=True)
class ProtoArgument:
    name: Placed
    role: str
    via: str = "tree"
    penalty: float = 0.0


@dataclass(frozen=True)
class ProtoFrame:
    trigger: str
    start: int  # clean-text offsets of the trigger word
    end: int
    arguments: tuple[ProtoArgument, ...]
    blocked: str | None = None
    clause: int = -1  # the token of the predicate that carries the frame (for dates)


@dataclass(frozen=True)
class TriggerTable:
    """The patterns' triggers, split by how they are written."""

    words: frozenset[str]  # lemmas of verbs and nouns, and @constructions
    idioms: tuple[tuple[str, str, str, str], ...]  # (trigger, noun, particle, verb)
    titles: frozenset[str]
    # Nouns naming a relation, read with a head (軽量版, 出資先, 開発元): no one "does" them.
    relational: frozenset[str] = frozenset()
    # Triggers some pattern reads with a を-object (用意する, not 加わる).
    transitive: frozenset[str] = frozenset()
    # Triggers of worksFor (採用, 移籍, 就任): a person they speak of is changing employer.
    employing: frozenset[str] = frozenset()
    # Triggers of fineTunedFrom: "Xの継続事前学習モデル「Y」" names Y a tuned X.
    tuning: frozenset[str] = frozenset()

    @property
    def pattern(self) -> re.Pattern[str]:
        """One regex of every trigger word (a cheap test for "could this text state a fact")."""
        return _trigger_pattern(self)

    @classmethod
    def of(
        cls,
        triggers: Iterable[str],
        titles: Iterable[str],
        relational: Iterable[str] = (),
        *,
        transitive: Iterable[str] = (),
        employing: Iterable[str] = (),
        tuning: Iterable[str] = (),
    ) -> TriggerTable:
        words, idioms = set(), []
        for trigger in triggers:
            match = re.fullmatch(r"(.+?)(を|に|と|が|で)([^をにとがで]+)", trigger)
            # (手がける is one verb, not 手 + が + ける: an idiom with が needs a longer noun.)
            if (
                match
                and len(trigger) > 3
                and not trigger.startswith("@")
                and not (match.group(2) == "が" and len(match.group(1)) < 2)
                # (まとめる is a verb, not ま + と + める; しのぎを削る is an idiom)
                and not re.fullmatch(r"[\u3041-\u309f]", match.group(1))
            ):
                noun, particle, verb = match.groups()
                idioms.append((trigger, noun, particle, verb))
                if verb.endswith("する") and len(verb) > 2:  # 評する is also written 評す
                    idioms.append((trigger, noun, particle, verb[:-2] + "す"))
            else:
                words.add(trigger)
        return cls(
            frozenset(words),
            tuple(sorted(idioms)),
            frozenset(titles),
            frozenset(relational),
            frozenset(transitive),
            frozenset(employing),
            frozenset(tuning),
        )

    def noun_trigger(self, text: str) -> tuple[str, str | None] | None:
        """The trigger an event noun stands for, and a blocking reason its suffix gives:
        ``資本業務提携`` -> 提携, ``買収計画`` -> (買収, "planned"), ``出資額`` -> 出資."""
        if text in self.words:
            return text, None
        for suffix in _EVENT_SUFFIXES:
            stem = text[: -len(suffix)]
            if text.endswith(suffix) and len(stem) >= 2 and stem in self.words:
                return stem, _BLOCKING_SUFFIXES.get(suffix)
        for size in range(len(text) - 1, 1, -1):
            tail = text[-size:]
            if tail in self.words:
                return tail, None
        return None


@cache
def _trigger_pattern(table: TriggerTable) -> re.Pattern[str]:
    words = sorted(
        (w for w in table.words if not w.startswith("@") and len(w) > 1), key=len, reverse=True
    )
    return re.compile("|".join(re.escape(w) for w in words))


@dataclass
class _Sentence:
    doc: Doc
    text: str
    names: list[Placed]
    triggers: TriggerTable
    cues: Cues
    previous_topic: Placed | None
    previous_round: Placed | None = None  # who raised the money the text last spoke of
    by_token: dict[int, Placed] = field(default_factory=dict)
    groups: dict[str, list[Placed]] = field(default_factory=dict)  # key of a member -> group
    anchors: dict[str, Token] = field(default_factory=dict)
    markers: dict[tuple[int, int], str] = field(default_factory=dict)


class _State:
    """What every part of :class:`graph.lang.ja.frames._FrameBuilder` reads: the sentence,
    and the maps its ``__init__`` fills before any frame is built (annotations only; the
    parts are mixins that share one builder's attributes)."""

    s: _Sentence
    doc: Doc
    text: str
    by_token: dict[int, Placed]  # merged token of a name -> the name
    args: dict[int, list[tuple[Placed, str]]]  # governor token -> (name, case marker)
    possessors: dict[int, list[Placed]]  # noun token -> the names written Xの before it
    paired: dict[int, Placed]  # the one name a name-before-の possessor owns
    prefixes: dict[int, list[Placed]]  # token -> names glued before it (LINEヤフー傘下)
    group_of: dict[int, list[Placed]]  # token of a name -> the list it is a member of
    extent: dict[int, int]  # first word of a two-word trigger -> its last word
    carried: dict[int, list[Placed]]  # counter noun (3モデル) -> its list
    themes: list[Placed]  # "Xをめぐっては、…": what the whole sentence is about
    events: dict[int, tuple[str, str | None, int]]  # token -> (trigger, blocking, first word)
    anchored: dict[int, Placed]  # token carrying a name's syntax -> the name
    quotes: list[tuple[int, int]]  # 「…」 spans of quoted speech or writing
