"""Frames x patterns: the relations a frame states, and the classes its roles imply.

Two questions are asked of every frame, in this order. :func:`role_votes`: what does
filling a role say about a name that has no class of its own? (the subject of 買収 whose
object is a company is a company). :func:`match_frame`: once classes are decided, which
relations does the frame state? Both are language neutral: the language readers have
already turned their syntax into roles.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from graph.extraction.patterns import Pattern, PatternIndex
from graph.extraction.readings import Argument, Frame, Vote

__all__ = ["Match", "match_frame", "role_votes"]

#: A role read straight from the syntax votes this much; fallbacks vote less.
_ROLE_WEIGHT = 1.0
#: Arguments found this indirectly (a topic two sentences back…) never type a name.
_MAX_VOTING_PENALTY = 0.15
_KINDS = {"AIModel": "model", "Product": "model"}


@dataclass(frozen=True)
class Match:
    pattern: Pattern
    subject: Argument
    object: Argument
    confidence: float


def _alike(left: str | None, right: str | None) -> bool:
    """One kind of thing: same class, counting models and products as one."""
    return left is not None and _KINDS.get(left, left) == _KINDS.get(right or "", right)


def _ends(frame: Frame, pattern: Pattern) -> tuple[list[Argument], list[Argument]]:
    subjects = [a for a in frame.arguments if a.fills(pattern.subject_role)]
    objects = [a for a in frame.arguments if a.fills(pattern.object_role)]
    return subjects, objects


def role_votes(
    frames: Iterable[Frame],
    index: PatternIndex,
    classes: Mapping[str, str],
    eligible: set[str] | None = None,
) -> Iterator[tuple[str, Vote]]:
    """Class votes for names with no class from a cue (``eligible``, default: untyped ones).

    A role votes when the frame also has the other end: fully when that end's class
    fits the pattern, half when it has no class yet (and may earn one the same way).
    """
    for frame in frames:
        for pattern in index.for_trigger(frame.trigger):
            subjects, objects = _ends(frame, pattern)
            passes = [
                (subjects, objects, pattern.subject_infer, pattern.object_classes, "subject"),
                (objects, subjects, pattern.object_infer, pattern.subject_classes, "object"),
            ]
            if pattern.symmetric and not objects:
                # A coordinated group of a symmetric relation ("the partnership between A
                # and B"): its members are each other's other end, as match_frame reads them.
                passes = [
                    (subjects, subjects, pattern.subject_infer, pattern.subject_classes, "subject")
                ]
            for ends, others, infer, other_classes, role in passes:
                if infer is None or not others:
                    continue
                for arg in ends:
                    open_to_vote = (
                        arg.key not in classes if eligible is None else arg.key in eligible
                    )
                    if not open_to_vote or arg.penalty > _MAX_VOTING_PENALTY:
                        continue
                    partners = [o for o in others if o.key != arg.key]
                    if not partners:
                        continue
                    typed = [
                        classes[o.key] for o in partners if classes.get(o.key) in other_classes
                    ]
                    if infer == "same":
                        kinds = set(typed)
                        if len(kinds) != 1:
                            continue
                        entity_class, weight = kinds.pop(), _ROLE_WEIGHT
                    else:
                        entity_class = infer
                        untyped = any(o.key not in classes for o in partners)
                        weight = _ROLE_WEIGHT if typed else (_ROLE_WEIGHT / 2 if untyped else 0)
                    if weight:
                        weight *= 1 - 2 * arg.penalty
                        cue = f"role:{pattern.id}.{role}"
                        yield arg.key, Vote(entity_class, round(weight, 3), cue)


def _distance_penalty(left: Argument, right: Argument) -> float:
    """Far-apart arguments are more often a misreading: up to 0.15 off past 40 characters."""
    gap = max(left.start, right.start) - min(left.end, right.end)
    return min(0.15, max(0, gap - 40) / 400)


def _pairs(subjects: list[Argument], objects: list[Argument]) -> list[tuple[Argument, Argument]]:
    """Pair a gapped coordination by order (AがXを、BがYを発表); otherwise every pair."""
    if len(subjects) > 1 and len(subjects) == len(objects):
        ordered = sorted([*subjects, *objects], key=lambda a: a.start)
        if all((arg in subjects) == (i % 2 == 0) for i, arg in enumerate(ordered)):
            return list(zip(ordered[0::2], ordered[1::2], strict=True))
    return [(s, o) for s in subjects for o in objects]


def _closest(args: list[Argument]) -> list[Argument]:
    """Only the most direct level of evidence: the tree over a relative head over a topic."""
    if not args:
        return args
    best = min(a.penalty for a in args)
    return [a for a in args if a.penalty == best]


def match_frame(frame: Frame, index: PatternIndex, classes: Mapping[str, str]) -> list[Match]:
    """The relations a frame states, given the decided classes (none if it is blocked)."""
    if frame.blocked:
        return []
    out: list[Match] = []
    for pattern in index.for_trigger(frame.trigger):
        subjects, objects = _ends(frame, pattern)
        subjects = [a for a in subjects if classes.get(a.key) in pattern.subject_classes]
        objects = [a for a in objects if classes.get(a.key) in pattern.object_classes]
        if pattern.same_class:
            subjects = [
                s for s in subjects if any(_alike(classes[s.key], classes[o.key]) for o in objects)
            ]
        subjects, objects = _closest(subjects), _closest(objects)
        if pattern.symmetric and not objects:
            group = [a for a in subjects if a.penalty <= _MAX_VOTING_PENALTY]
            objects = subjects = group
        for subject, obj in _pairs(subjects, objects):
            if subject.key == obj.key or (subject is not obj and subject.start == obj.start):
                continue
            if pattern.same_class and not _alike(classes[subject.key], classes[obj.key]):
                continue
            if pattern.symmetric and subjects is objects and subject.start > obj.start:
                continue  # each unordered pair of a coordinated group once
            confidence = (
                pattern.confidence - subject.penalty - obj.penalty - _distance_penalty(subject, obj)
            )
            out.append(Match(pattern, subject, obj, round(max(0.3, confidence), 3)))
    return out
