"""What a language reader reads from one sentence, before classes are decided.

A reader turns each parsed sentence into a :class:`SentenceReading`: the candidate
:class:`Name` occurrences with the class evidence (:class:`Vote`) their cues give, the
predicate-argument :class:`Frame` records (a trigger and its arguments by role) and the
:class:`AttributeReading` values. Nothing here is typed yet: the class of a name is
decided once per document from all its votes, including the votes that the roles it
fills in frames give (:mod:`graph.extraction.typing`), and only then are frames matched
against patterns (:mod:`graph.extraction.matching`). That order is what lets a name
with no cue at all, such as the unknown agent of an acquisition, earn its class.

All offsets are character offsets into ``Document.text``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

__all__ = [
    "Argument",
    "AttributeReading",
    "Frame",
    "Name",
    "SentenceReading",
    "Vote",
]


@dataclass(frozen=True)
class Vote:
    """Evidence that a name is of a class: ``Vote("Organization", 4.0, "marker:社")``."""

    entity_class: str
    weight: float
    cue: str


@dataclass(frozen=True)
class Name:
    """One occurrence of a candidate name in a sentence.

    ``key`` identifies the entity (occurrences with equal keys are one entity);
    ``reference`` marks an occurrence that stands for a name met earlier (同社, "the
    company"): it takes part in frames but adds no label.
    """

    start: int
    end: int
    surface: str
    key: str
    canonical: str
    votes: tuple[Vote, ...] = ()
    wikidata: str | None = None
    reference: bool = False
    # Classes a frame role may give the name (None: any): a generic-looking compound
    # (サイバーエージェント) may be typed as a company by its role, never as a product.
    inferable: frozenset[str] | None = None
    # A bare noun phrase that only the role it fills could make a name (湊情報技術).
    weak: bool = False


@dataclass(frozen=True)
class Argument:
    """A name filling a role of a frame.

    ``role`` is one of the language's role names ("ga", "wo" …; "subj", "obj" …), or
    several joined by ``|`` when the syntax leaves the choice to the pattern (the head
    of a relative clause may be its subject or its object). ``via`` says how the
    argument was found ("tree", "relative", "chain", "topic", "previous" …) and
    ``penalty`` how much less certain that makes the reading.
    """

    key: str
    role: str
    start: int
    end: int
    via: str = "tree"
    penalty: float = 0.0

    def fills(self, roles: str) -> bool:
        """Whether the argument can fill one of ``roles`` ("ga" or "ga|no")."""
        return not set(self.role.split("|")).isdisjoint(roles.split("|"))


@dataclass(frozen=True)
class Frame:
    """A predicate (or a construction standing for one) and its arguments.

    ``trigger`` is the predicate's lemma (開発, acquire) or a construction's name
    starting with ``@`` (``@possessive``). ``blocked`` says why the frame states no
    fact ("negated", "planned", "reported", "former", "denied"; "past": set in the past,
    which blocks a tie but not an event); a blocked frame still tells what kind of thing
    fills each role.
    """

    trigger: str
    start: int
    end: int
    arguments: tuple[Argument, ...]
    blocked: str | None = None


@dataclass(frozen=True)
class AttributeReading:
    """A typed value read for a name: kept only if the name gets one of ``classes``."""

    subject: str  # name key
    property: str
    value: int | Decimal | str
    datatype: str
    start: int  # offsets of the value's text
    end: int
    raw_text: str
    method: str
    confidence: float
    classes: frozenset[str] = frozenset({"AIModel"})
    unit: str | None = None
    baseline: str | None = None  # name key


@dataclass(frozen=True)
class SentenceReading:
    index: int  # position of the sentence in the document
    start: int  # offset of the sentence in Document.text
    text: str  # the sentence as written
    names: tuple[Name, ...]
    frames: tuple[Frame, ...] = ()
    attributes: tuple[AttributeReading, ...] = ()
