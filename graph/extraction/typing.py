"""Decide each name's class once per document, from all the evidence for it.

Every cue that found a name votes for a class with a weight (a gazetteer entry far more
than a type noun, a type noun more than the role it fills in one frame). The class with
the most weight wins if it has enough; a name whose evidence is too thin stays
untyped and out of the graph: a wrong class is worse than a missing name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from graph.extraction.readings import Vote
from graph.model import ENTITY_CLASSES

__all__ = ["MIN_SUPPORT", "Decision", "decide_classes"]

#: Weight a class needs before a name is typed at all (one plain role in a frame has 1.0).
MIN_SUPPORT = 0.9


@dataclass(frozen=True)
class Decision:
    entity_class: str
    confidence: float  # the winner's share of all the weight
    cue: str  # the strongest cue for the winner: what the graph records as the reason


def decide_classes(votes: Mapping[str, Iterable[Vote]]) -> dict[str, Decision]:
    decisions: dict[str, Decision] = {}
    for key, key_votes in votes.items():
        totals: dict[str, float] = defaultdict(float)
        strongest: dict[str, Vote] = {}
        for vote in key_votes:
            totals[vote.entity_class] += vote.weight
            best = strongest.get(vote.entity_class)
            if best is None or (vote.weight, vote.cue) > (best.weight, best.cue):
                strongest[vote.entity_class] = vote
        if not totals:
            continue
        # Ties go to the class listed first in the contract (deterministic, rarely used).
        winner = max(totals, key=lambda c: (totals[c], -ENTITY_CLASSES.index(c)))
        if totals[winner] < MIN_SUPPORT:
            continue
        share = totals[winner] / sum(totals.values())
        decisions[key] = Decision(winner, round(share, 3), strongest[winner].cue)
    return decisions
