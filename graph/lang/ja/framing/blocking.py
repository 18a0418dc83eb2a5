"""Blocking: whether a frame states a fact.

A frame inside a denial, a plan, a rumour, an opinion, a hedge or a former or ended tie is
*blocked* with the reason: it states no fact, though it still tells what kind of thing
fills each role. Kept apart from argument finding because it reads different cues (the
verbs and nouns a clause is embedded under, tense, 元/前/旧) and decides nothing about roles.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.lang.ja.framing.records import _State
from graph.lang.ja.framing.words import (
    _BLOCKERS,
    _BLOCKING_SUFFIXES,
    _FORMER,
    _NOMINALIZERS,
    _NOUN_NEGATION,
    _PAST,
    _REPORTERS,
    _glued,
)
from graph.lang.ja.syntax import is_negated, is_predicate

if TYPE_CHECKING:
    from spacy.tokens import Token


#: A request to the reader after a clause (してください, してみてください, しましょう).
_REQUEST = re.compile(r"(?:し|さ)?(?:て|で)(?:み|おい)?(?:て)?(?:ください|下さい)|(?:し)?ましょう")


def end_token(clause: Token) -> int:
    """The index of the last token of a clause's own words (its rightmost descendant)."""
    return max([clause.i, *(t.i for t in clause.subtree)])


class _Blocking(_State):
    """Whether a frame states a fact: negation, plans, opinions, denials, reports, former and
    past ties."""

    def _blocked(self, event: Token, clause: Token, parties: set[int] = frozenset()) -> str | None:
        if is_negated(clause) or (clause is not event and is_negated(event)):
            return "negated"
        if clause is event and _NOUN_NEGATION.match(self.text, self._end(event)):
            return "negated"  # "両社は提携関係にはない", "出資ではなく"
        if re.match(r"(?:た|る|だ)?か?どうか", self.text[self._clause_end(clause) :]):
            return "hedged"  # "…を超えたかどうかは分かっていない"
        if _REQUEST.match(self.text, self._end(clause)):
            return "requested"  # "…を利用してください": the reader is told to, no fact
        if (
            clause.dep_ == "acl"
            and clause.head.text in self.s.cues.measure_nouns
            and is_negated(clause.head.head)
        ):
            return "negated"  # "…を上回るスコアを記録できなかった"
        if clause.dep_ == "acl" and re.match(
            r"(?:することが|が)?(?:でき|出来)る(?!よう)", self.text[self._end(clause) :]
        ):
            return "ability"  # "データを再構築できる技術": what a thing can do, no event
        if re.match(
            r"(?:(?:することが|が)?(?:でき|出来)る|(?<=[えけせてねべめれ]る))"
            r"よう(?!に?な[っりるれ])(?!に?し(?:た|て|まし))",
            self.text[self._end(clause) :],
        ):
            # "誰もがXを利用できるようにすること(が使命)", "…を使えるよう、…": a goal
            # the clause is for, no event ("…できるようになった", "…できるようにした" are).
            return "ability"
        if self._ended(clause):
            return "past"  # "2009年から2025年まで在籍した": a tie that ended is a past one
        for position in (event, clause):
            for child in position.children:
                # "元OpenAI サツケヴァー氏、…設立": 元 before another name is that name's.
                # ("元セールスフォースCEOのX氏": it is, when that name is a party to the frame.)
                before_name = child.i + 1 in self.by_token and child.i + 1 != position.i
                # 元/前/旧 are prefixes: they make the noun they are written on a former one
                # ("アラメダ・リサーチの元CEO キャロライン・エリソン氏などから資金調達" is no
                # former fund-raising); かつて, 以前 date a whole clause.
                between = self.doc[child.i + 1 : position.i]
                compound = all(
                    t.pos_ in ("NOUN", "PROPN")
                    and t.i not in self.by_token
                    and _glued(self.doc, t.i - 1)
                    for t in between
                ) and _glued(self.doc, position.i - 1)  # 元AI部門トップ: one compound
                prefix = child.text in ("元", "前", "旧") and not compound and not before_name
                if (
                    (child.text in _FORMER or child.lemma_ in _FORMER)
                    and not prefix
                    and (not before_name or child.i + 1 in parties)
                ):
                    # かつて, 以前 date the clause: a past tie is a former one, a past event
                    # still happened (the patterns' relations decide).
                    return "past" if child.text in _PAST else "former"
            if position.i > 0 and self.doc[position.i - 1].text in ("元", "前", "旧"):
                return "former"
        current = clause
        through_quote = False
        for _ in range(5):
            head = current.head
            if head.i == current.i:
                break
            if current.i in self.by_token or (
                current is not clause
                and not is_predicate(current)
                and self._trigger(current) is None
                and current.lemma_ not in _NOMINALIZERS
                and current.dep_ in ("nsubj", "obl", "iobj", "dislocated")
            ):
                break  # a participant of the governing verb, not what it says or plans
            end = self._clause_end(current)
            if (
                is_predicate(current)
                and self.text.startswith("、", end)
                and re.search(
                    r"(?:て|で)(?:おり|いて|いるが|きており)$", self.text[current.idx : end]
                )
            ):
                # "「X」の開発と提供を行っており、今後も…強化していく予定": a state the
                # sentence asserts before it turns to plans is no plan.
                break
            if (
                is_predicate(current)
                and self.text.startswith("、", end)
                and self._continuative(current)
                and any(
                    c.i > end_token(current)
                    and (
                        c.dep_ == "nsubj"
                        or (is_predicate(c) and any(g.dep_ == "nsubj" for g in c.children))
                    )
                    for c in head.children
                )
            ):
                # "XはYと連携し、年末にはZがWに搭載される予定": the plan is the later clause's,
                # which has a subject of its own
                break
            marks = {c.lemma_ for c in current.children if c.dep_ in ("mark", "case")}
            if "と" in marks or "との" in marks or head.lemma_ in _NOMINALIZERS:
                through_quote = True
            reason = _BLOCKERS.get(head.lemma_) or _BLOCKERS.get(head.text)
            if (
                reason is not None
                and head.lemma_ not in _REPORTERS
                and (reason != "reported" or through_quote or current.dep_ in ("acl", "ccomp"))
            ):
                return reason
            found = self.s.triggers.noun_trigger(head.text) if head.pos_ == "NOUN" else None
            if found is None:
                suffix = next((s for s in _BLOCKING_SUFFIXES if head.text.endswith(s)), None)
                if suffix and head.text != suffix:
                    return _BLOCKING_SUFFIXES[suffix]
            if through_quote and is_negated(head):
                return "negated"
            if head.dep_ == "ROOT":
                break
            current = head
        return None

    def _ended(self, clause: Token) -> bool:
        """A past-tense clause with a time it lasted until (``2025年まで…在籍した``)."""
        end = self._clause_end(clause)
        if self.text[end - 1 : end] != "た" and not self._continuative(clause):
            return False  # ("…まで在籍し、…務めた後": a chain of past clauses)
        for child in clause.children:
            if not any(g.text == "まで" for g in child.children):
                continue
            written = self.text[max(0, child.idx - 8) : child.idx + len(child.text)]
            if re.search(r"(?:\d{4}年|\d{1,2}月|昨年|前年|先月|当時)$", written):
                return True
        return False
