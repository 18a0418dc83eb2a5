"""The arguments gathered for one frame, before they become a
:class:`~graph.extraction.readings.Frame`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from graph.extraction.readings import Argument
from graph.lang.en.references import Target

__all__ = ["Slots"]


@dataclass
class Slots:
    """Arguments gathered for one frame: (role, target) in the order found."""

    items: list[tuple[str, Target]] = field(default_factory=list)

    def add(self, role: str, targets: Iterable[Target], via: str = "", penalty: float = 0.0):
        for target in targets:
            how = via or target.via
            self.items.append((role, Target(target.span, how, target.penalty + penalty)))

    def keys(self) -> set[str]:
        return {t.span.key for _, t in self.items}

    def arguments(self, offset: int) -> tuple[Argument, ...]:
        seen: dict[tuple[str, str], Argument] = {}
        for role, target in self.items:
            span = target.span
            argument = Argument(
                span.key,
                role,
                offset + span.start,
                offset + span.end,
                target.via,
                round(target.penalty, 3),
            )
            key = (role, span.key)
            if key not in seen or argument.penalty < seen[key].penalty:
                seen[key] = argument
        return tuple(sorted(seen.values(), key=lambda a: (a.start, a.role)))
