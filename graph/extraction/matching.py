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

from graph.extraction.patterns import EVENT_RELATIONS, Pattern, PatternIndex
from graph.extraction.readings import Argument, Frame, Vote

__all__ = ["Match", "match_frame", "role_votes"]

#: A role read straight from the syntax votes this much; fallbacks vote less.
_ROLE_WEIGHT = 1.0
#: A role whose other end is a name with no class yet.
_UNTYPED_PARTNER = 0.9
# A role whose other end the text leaves out ("…を買収した" with no buyer in the sentence).
_LONE_ROLE = 0.9
#: The core cases whose lone filler says its class (Japanese ga/wo, English subject/object).
_CORE_ROLES = frozenset({"ga", "wo", "subj", "obj"})
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
    inferable: Mapping[str, frozenset[str]] | None = None,
    weak: frozenset[str] = frozenset(),
) -> Iterator[tuple[str, Vote]]:
    """Class votes for names with no class from a cue (``eligible``, default: untyped ones).

    A role votes fully when the frame also has the other end and that end's class
    fits the pattern; when the other end has no class yet either, enough to type the name
    if that end looks like a name (``蒼天テクノロジーズはHelix Visionを買収した``), half if
    it is a bare noun phrase (``weak``) that only its role could make a name; weakly
    when the text leaves the other end out (:func:`_lone_role_votes`).
    """
    for frame in frames:
        open_keys = {
            a.key
            for a in frame.arguments
            if (a.key not in classes if eligible is None else a.key in eligible)
        }
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
                if infer is None:
                    continue
                if not others:
                    # (same: only the other end's class could tell; a frame with other
                    # roles filled has its other end, only read otherwise)
                    if infer != "same" and len({a.role for a in frame.arguments}) == 1:
                        yield from _lone_role_votes(ends, infer, pattern, role, open_keys, weak)
                    continue
                for arg in ends:
                    open_to_vote = (
                        arg.key not in classes if eligible is None else arg.key in eligible
                    )
                    if not open_to_vote or arg.penalty > _MAX_VOTING_PENALTY:
                        continue
                    if arg.key in weak and arg.penalty > 0:
                        continue  # a bare noun phrase becomes a name only where the syntax says so
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
                        untyped = [o for o in partners if o.key not in classes]
                        if typed:
                            weight = _ROLE_WEIGHT
                        elif any(o.key not in weak for o in untyped):
                            weight = _UNTYPED_PARTNER
                        else:
                            weight = _ROLE_WEIGHT / 2 if untyped else 0
                    allowed = (inferable or {}).get(arg.key)
                    if allowed is not None and entity_class not in allowed:
                        continue
                    if weight:
                        weight *= 1 - arg.penalty
                        cue = f"role:{pattern.id}.{role}"
                        yield arg.key, Vote(entity_class, round(weight, 3), cue)


def _lone_role_votes(
    ends: list[Argument],
    infer: str,
    pattern: Pattern,
    role: str,
    open_keys: set[str],
    weak: frozenset[str],
) -> Iterator[tuple[str, Vote]]:
    """``画像検索のMoodstockやボットプラットフォームのApi.aiを買収した``: a name in the
    parse's own slot of a pattern whose other end the text leaves out still plays that role;
    a weak vote, enough to type a name no cue types, never to outvote a cue."""
    for arg in ends:
        if arg.key not in open_keys or arg.key in weak or arg.penalty > 0:
            continue
        if not set(arg.role.split("|")) & _CORE_ROLES:
            continue  # "…クラスターで行われた": で, と, から say too little alone
        yield arg.key, Vote(infer, _LONE_ROLE, f"role:{pattern.id}.{role}-alone")


def _same_family(left: str, right: str) -> bool:
    """One key is the other plus a variant suffix (``claude-3`` / ``claude-3-opus``)."""
    return left.startswith(right + "-") or right.startswith(left + "-")


def _distance_penalty(left: Argument, right: Argument) -> float:
    """Far-apart arguments are more often a misreading: up to 0.15 off past 40 characters."""
    gap = max(left.start, right.start) - min(left.end, right.end)
    return min(0.15, max(0, gap - 40) / 400)


def _pairs(subjects: list[Argument], objects: list[Argument]) -> list[tuple[Argument, Argument]]:
    """Pair a gapped coordination by order (AがXを、BがYとZを発表; AはX、BはYをそれぞれ買収);
    otherwise every pair."""
    ordered = sorted([*subjects, *objects], key=lambda a: a.start)
    runs: list[tuple[bool, list[Argument]]] = []  # (is a subject run, its arguments)
    for arg in ordered:
        is_subject = arg in subjects and arg not in objects
        if runs and runs[-1][0] == is_subject:
            runs[-1][1].append(arg)
        else:
            runs.append((is_subject, [arg]))
    blocks = len(runs) // 2
    if (
        len(subjects) > 1
        and blocks >= 2
        and len(runs) == 2 * blocks
        and all(runs[2 * i][0] and not runs[2 * i + 1][0] for i in range(blocks))
    ):
        return [(s, o) for i in range(blocks) for s in runs[2 * i][1] for o in runs[2 * i + 1][1]]
    return [(s, o) for s in subjects for o in objects]


def _closest(args: list[Argument]) -> list[Argument]:
    """Only the most direct level of evidence: the tree over a relative head over a topic."""
    if not args:
        return args
    best = min(a.penalty for a in args)
    return [a for a in args if a.penalty == best]


def _blocked_for(frame: Frame, pattern: Pattern) -> bool:
    """Whether the frame's block stops the pattern: a pattern accepts some reasons, and a
    past frame still states an event (see EVENT_RELATIONS)."""
    if not frame.blocked or frame.blocked in pattern.accepts:
        return False
    return not (frame.blocked == "past" and pattern.relation in EVENT_RELATIONS)


def match_frame(frame: Frame, index: PatternIndex, classes: Mapping[str, str]) -> list[Match]:
    """The relations a frame states, given the decided classes (none if it is blocked)."""
    out: list[Match] = []
    for pattern in index.for_trigger(frame.trigger):
        if _blocked_for(frame, pattern):
            continue
        subjects, objects = _ends(frame, pattern)
        subjects = [a for a in subjects if classes.get(a.key) in pattern.subject_classes]
        objects = [a for a in objects if classes.get(a.key) in pattern.object_classes]
        if pattern.same_class and objects:
            subjects = [
                s for s in subjects if any(_alike(classes[s.key], classes[o.key]) for o in objects)
            ]
        subjects, objects = _closest(subjects), _closest(objects)
        if pattern.symmetric and not objects:
            group = [a for a in subjects if a.penalty <= _MAX_VOTING_PENALTY]
            objects = subjects = group
        for subject, obj in _pairs(subjects, objects):
            if subject.key == obj.key:
                continue
            if pattern.same_class and not _alike(classes[subject.key], classes[obj.key]):
                continue
            if pattern.same_class and _same_family(subject.key, obj.key):
                continue  # "Claude 3 Opus" is no rival of, nor better than, "Claude 3"
            if (
                pattern.symmetric
                and subjects is objects
                and (subject.start, subject.key) > (obj.start, obj.key)
            ):
                continue  # each unordered pair of a coordinated group once (両社: one place)
            confidence = (
                pattern.confidence - subject.penalty - obj.penalty - _distance_penalty(subject, obj)
            )
            out.append(Match(pattern, subject, obj, round(max(0.3, confidence), 3)))
    return out
