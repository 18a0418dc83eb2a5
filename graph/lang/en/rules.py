"""Document-level rules: relations read from names rather than from one sentence's syntax.

A model named after another with a size or an edition word ("Qwen2-72B" and "Qwen2",
"Dune-Mini" and "Dune", "GPT-4o mini" and "GPT-4o") is a variant of it when both names
occur in the document, unless the document says otherwise: a blocked frame between the
two ("Tundra-Pro is not a variant of Tundra") keeps the rule from firing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from graph.canonical import slug
from graph.extraction.patterns import PatternIndex
from graph.extraction.readings import Argument, Frame, SentenceReading
from graph.lang.en.cues import load_cues
from graph.lang.en.frames import POST_VERBS
from graph.lang.en.names import NameSpan, SentenceNames
from graph.lang.en.parse import VERSION_WORDS

__all__ = [
    "VARIANT_TRIGGER",
    "add_name_variants",
    "end_former_ties",
    "orient_variants",
    "prefer_stated_sizes",
    "variant_base",
]

VARIANT_TRIGGER = "@name-variant"
POSSESSIVE = "@possessive"
_SIZE = r"\d+(?:\.\d+)?[BMK]|\d+x\d+(?:\.\d+)?[BM]"
#: Capitalised words that end a variant's name but never continue a lowercase one
#: ("Nemotron-4 340B Reward", a reward model of the family; "a 7B reward model").
_VARIANT_TAILS = VERSION_WORDS | frozenset({"reward"})
_TAIL = re.compile(
    rf"^(?P<base>.+?)[\s\-_]+(?P<tail>(?:{_SIZE})|(?:{'|'.join(sorted(_VARIANT_TAILS))}))$",
    re.IGNORECASE,
)


def variant_base(canonical: str) -> str | None:
    """The name a variant is named after: ``Qwen2-72B`` -> ``Qwen2``, ``GPT-4o mini`` ->
    ``GPT-4o``; None for a name with no size or edition word at its end."""
    match = _TAIL.match(canonical)
    if not match or not any(c.isalpha() for c in match.group("base")):
        return None
    return match.group("base")


_SIZE_TAIL = re.compile(rf"(?:{_SIZE})$", re.IGNORECASE)


def _sized(canonical: str) -> bool:
    """The name's tail is a size ("Alpaca 7B"), not an edition word ("GPT-4 Turbo")."""
    match = _TAIL.match(canonical)
    return bool(match) and bool(_SIZE_TAIL.match(match.group("tail")))


def _families(
    readings: Sequence[SentenceReading], members: dict[str, set[str]], words: frozenset[str]
) -> set[str]:
    """Base keys the document treats as a family: two members named after it, or a
    sentence that names it with a family word ("the Falcon family", "a model series
    called MPT", "both 7B and 70B versions" of it)."""
    found = {base for base, keys in members.items() if len(keys) > 1}
    for reading in readings:
        said = set(re.findall(r"[a-z]+", reading.text.lower()))
        if said & words:
            found.update(n.key for n in reading.names if not n.reference and n.key in members)
    return found


_BARE_SIZE = re.compile(rf"^(?:{_SIZE})$", re.IGNORECASE)


def _elided_base(span: NameSpan, names: SentenceNames) -> str | None:
    """ "Llama3-8B and 70B": a bare size after a sized name shares its family."""
    if not _BARE_SIZE.match(span.canonical):
        return None
    text = names.sentence.text
    for other in names.spans:
        if other.end <= span.start and text[other.end : span.start].strip() in ("and", ",", "or"):
            return variant_base(other.canonical)
    return None


def add_name_variants(
    readings: Sequence[SentenceReading], names: Sequence[SentenceNames]
) -> list[SentenceReading]:
    """The readings with an ``@name-variant`` frame wherever a name's base is in the
    document too."""
    first: dict[str, tuple[int, int, str]] = {}  # key -> (start, end, canonical)
    for reading in readings:
        for name in reading.names:
            if not name.reference:
                first.setdefault(name.key, (name.start, name.end, name.canonical))
    blocked = {
        frozenset(a.key for a in frame.arguments)
        for reading in readings
        for frame in reading.frames
        if frame.blocked
    }
    compact = {key.replace("-", ""): key for key in first}  # "Llama3-8B" beside "Llama 3"
    found: list[tuple[int, NameSpan, str, bool]] = []  # sentence, name, base key, sized
    members: dict[str, set[str]] = {}
    for i, sentence_names in enumerate(names):
        seen: set[str] = set()
        for span in sentence_names.spans:
            if span.reference or span.key in seen:
                continue
            seen.add(span.key)
            elided = _elided_base(span, sentence_names)
            base = variant_base(span.canonical) or elided
            if base is None:
                continue
            base_key = slug(base)
            base_key = compact.get(base_key.replace("-", ""), base_key)
            if base_key == span.key or base_key not in first:
                continue
            members.setdefault(base_key, set()).add(span.key)
            found.append((i, span, base_key, elided is not None or _sized(span.canonical)))
    families = _families(readings, members, load_cues().family_words)
    out = list(readings)
    for i, (reading, _) in enumerate(zip(readings, names, strict=True)):
        added = []
        for _, span, base_key, sized in (f for f in found if f[0] == i):
            if sized and base_key not in families:
                continue  # "Alpaca 7B" and "Alpaca": one model, its short name
            if any({span.key, base_key} <= pair for pair in blocked):
                continue
            start, end, _ = first[base_key]
            offset = reading.start
            holder = Argument(span.key, "holder", offset + span.start, offset + span.end, "name")
            family = Argument(base_key, "of", start, end, "name")
            added.append(Frame(VARIANT_TRIGGER, holder.start, holder.end, (holder, family)))
        if added:
            out[i] = replace(reading, frames=reading.frames + tuple(added))
    return out


def prefer_stated_sizes(readings: Sequence[SentenceReading]) -> list[SentenceReading]:
    """A size the text states ("has 7.5 billion parameters") over the size a name
    suggests ("Brisket-7B"): the name's reading is dropped for that model."""
    stated = {
        value.subject
        for reading in readings
        for value in reading.attributes
        if value.property == "parameterCount" and not value.method.endswith("/name")
    }
    if not stated:
        return list(readings)
    return [
        replace(
            reading,
            attributes=tuple(
                value
                for value in reading.attributes
                if not (value.subject in stated and value.method.endswith("/name"))
            ),
        )
        for reading in readings
    ]


def _relation_triggers(index: PatternIndex, relation: str) -> frozenset[str]:
    return frozenset(
        trigger
        for pattern in index.patterns
        if pattern.relation == relation
        for trigger in pattern.triggers
    )


def end_former_ties(
    readings: Sequence[SentenceReading], index: PatternIndex
) -> list[SentenceReading]:
    """A post the document calls former anywhere ("ex-Apple designer Jony Ive", "the
    former Vexo engineer") is over in every sentence: "He joined Apple in 1998" then
    tells the story of a past job, and the frame that reads it is blocked as former."""
    posts = _relation_triggers(index, "worksFor")
    former = [
        frozenset(a.key for a in frame.arguments)
        for reading in readings
        for frame in reading.frames
        if frame.blocked == "former"
    ]
    if not former:
        return list(readings)
    # a verb that tells of taking up the post, not a title the sentence gives as current
    # ("previously its chief strategy officer" leaves "interim CEO X" standing)
    ties = posts & POST_VERBS
    # "OpenAI's Sam Altman" names no post, only a tie: one the document calls former
    # elsewhere as a post ("ex-OpenAI CEO Sam Altman") is over there too
    former_posts = [
        frozenset(a.key for a in frame.arguments)
        for reading in readings
        for frame in reading.frames
        if frame.blocked == "former" and frame.trigger in posts
    ]

    def ended(frame: Frame) -> bool:
        keys = {a.key for a in frame.arguments}
        if frame.blocked is not None:
            return False
        if frame.trigger == POSSESSIVE and len(keys) == 2:
            return any(pair == keys for pair in former_posts)
        return frame.trigger in ties and any(len(pair) > 1 and pair <= keys for pair in former)

    return [
        replace(
            reading,
            frames=tuple(
                replace(frame, blocked="former") if ended(frame) else frame
                for frame in reading.frames
            ),
        )
        if any(ended(frame) for frame in reading.frames)
        else reading
        for reading in readings
    ]


def orient_variants(
    readings: Sequence[SentenceReading], index: PatternIndex
) -> list[SentenceReading]:
    """A variant is named after its family, never the other way round: "the latest
    version of the chatbot, Grok-1.5V", with "the chatbot" read as Grok and the name
    hung from it, says Grok-1.5V is the version of Grok, not Grok of Grok-1.5V."""
    variants = _relation_triggers(index, "variantOf")

    def turned(frame: Frame) -> Frame:
        if frame.trigger not in variants or frame.trigger == VARIANT_TRIGGER:
            return frame
        holders = [a for a in frame.arguments if a.fills("holder")]
        families = [a for a in frame.arguments if a.role == "of|obj" or a.role == "of"]
        if len(holders) != 1 or len(families) != 1:
            return frame
        holder, family = holders[0], families[0]
        if not family.key.startswith(holder.key + "-"):
            return frame
        rest = tuple(a for a in frame.arguments if a not in (holder, family))
        swapped = (replace(family, role=holder.role), replace(holder, role=family.role))
        return replace(frame, arguments=swapped + rest)

    return [
        replace(reading, frames=tuple(turned(frame) for frame in reading.frames))
        for reading in readings
    ]
