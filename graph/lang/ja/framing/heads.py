"""What nouns stand for: the names a noun is, is in apposition with or is about, and the
names a relational or event noun describes (its ``head`` arguments: ``X傘下のPayPay``).

Reads the maps attachment filled; used by the frame itself, by gap filling (the head of a
relative clause) and by the construction frames.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.lang.ja.framing.records import Placed, ProtoArgument, _State
from graph.lang.ja.framing.words import _FORMAL_NOUNS, _LINKING, _PROPERTIES, _STANDS_FOR
from graph.lang.ja.syntax import is_predicate, surface_marker

if TYPE_CHECKING:
    from spacy.tokens import Token


class _Heads(_State):
    """What a noun stands for: the names it is, is in apposition with, or describes."""

    def _named(self, token: Token) -> list[Placed]:
        """The names a noun stands for: itself, a name in apposition, or what it is about
        (``「CallMate」の普及`` stands for CallMate)."""
        if token.i in self.by_token:
            return list(self.group_of.get(token.i, [self.by_token[token.i]]))
        if token.i in self.carried:
            return list(self.carried[token.i])
        glued = next(
            (p for p in self.by_token.values() if p.unit_end == token.idx and p.end == token.idx),
            None,
        )
        if glued is not None and self.s.cues.type_of_noun(token.text) == "Technique":
            # "…に導入された強化学習|アルゴリズム": a technique named with its type noun
            return list(self.group_of.get(glued.token, [glued]))
        for other in sorted(self.by_token.values(), key=lambda p: p.start):
            gap = self.text[token.idx + len(token.text) : other.start]
            gap = re.sub(r"^(、?)(?:株式会社|有限会社|合同会社)", r"\1", gap)
            if other.start >= token.idx + len(token.text) and gap in (
                "",
                "「",
                "『",
                "・",
                "の「",
                "の",
                "、",
            ):
                kind = self.s.cues.type_of_noun(token.text)
                if gap in ("の", "、") and (
                    not kind or (other.hint is not None and other.hint != kind)
                ):
                    continue  # "AI研究所のYann LeCun": an institute's person, not the institute
                return list(self.group_of.get(other.token, [other]))
        if token.text in _STANDS_FOR or token.lemma_ in _STANDS_FOR:
            owners = self.possessors.get(token.i, [])
            if owners:
                return list(owners)
        if token.lemma_ in _FORMAL_NOUNS and token.head.i > token.i:
            return self._named(token.head)  # "Metaが発表したばかりの「LLaMA」"
        if self.s.cues.type_of_noun(token.text) and any(c.dep_ == "cop" for c in token.children):
            # "xAIはマスク氏が設立したAI企業だ": the predicate noun is the topic itself.
            topic = self._sentence_topic(before=token.i, exclude=set())
            if topic:
                return topic
        if token.lemma_ in _PROPERTIES or token.text in _PROPERTIES:
            # "Xをしのぐほどの性能を誇る「Vicuna-13B」": the property stands for what has it
            # ("MMLUのスコア" is a model's score on a benchmark, not the benchmark's).
            owners = [o for o in self.possessors.get(token.i, []) if o.hint != "Dataset"]
            if owners:
                return list(owners)
            holder = token.head
            if holder.i != token.i and is_predicate(holder) and token.dep_ in ("obj", "nsubj"):
                subjects = self._direct_subjects(holder)
                if subjects:
                    return subjects
                if self._is_relative(holder):
                    return self._named(self._phrase_head(holder.head))
        return []

    def _modified_noun(self, clause: Token) -> Token | None:
        """The noun a relative clause modifies: its head, or (where the parse lost it) the
        noun written right after the clause."""
        if self._is_relative(clause):
            return clause.head
        end = self._clause_end(clause)
        following = self._token_at(end)
        if following is not None and following.idx == end and following.pos_ in ("NOUN", "PROPN"):
            return following
        return None

    def _compound_possessors(self, noun: Token) -> list[Placed]:
        """Possessors of a noun compound (``GoogleのAI関連内部文書``), whichever of its words
        the parse hung them on."""
        owners = list(self.possessors.get(noun.i, []))
        i = noun.i
        while i > 0 and self.doc[i - 1].idx + len(self.doc[i - 1].text) == self.doc[i].idx:
            i -= 1
            if self.doc[i].pos_ not in ("NOUN", "PROPN"):
                break
            owners = self.possessors.get(i, []) + owners
        return owners

    def _phrase_head(self, token: Token) -> Token:
        """``…を誇るオープンソースの大規模言語モデル「Vicuna-13B」``: a relative clause hangs on
        the first noun of the noun phrase; the phrase's head is what it describes."""
        current = token
        for _ in range(4):
            if self._trigger(current.head) is not None or current.head.lemma_ in _PROPERTIES:
                break
            name = self.by_token.get(current.i) or self.anchored.get(current.i)
            end = current.idx + len(current.text)
            if name is not None:
                end = self._anchor(name)[1]
            head = current.head
            if surface_marker(self.text, end) != "の" or head.i <= current.i:
                break
            if head.pos_ not in ("NOUN", "PROPN", "NUM"):
                break
            current = head
        return current

    def _heads(self, event: Token, present: list[ProtoArgument]) -> list[ProtoArgument]:
        """What a relational or event noun describes: ``X傘下のPayPay``, ``Xの出資先である
        Kestrel``, ``Xの子会社Vistara``, ``Meta開発のモデル「SAM」``,
        ``Xの土台となったのは、Yだ``."""
        if event.pos_ == "VERB" and not any(c.dep_ == "cop" for c in event.children):
            return []
        last = event
        end = last.idx + len(last.text)
        marker = surface_marker(self.text, end)
        head = event.head
        names: list[Placed] = []
        linking = self.text.startswith(_LINKING, end)
        if marker == "の" and head.i > event.i:
            names = self._named(head)
            if event.text in self.s.triggers.titles:
                # "ラリー・サマーズ氏、Quora CEOのAdam D'Angelo氏": the title is the next name's.
                after = end + len(marker)
                names = [n for n in names if n.start == after] or names
        elif marker in ("は", "が") and head.i in self.by_token and head.i > event.i:
            names = self._named(head)  # "勝者はMeta": the noun is the topic, the name its predicate
        elif linking or marker == "、":
            verb = next((t for t in self.doc[last.i + 1 : last.i + 4] if t.pos_ == "VERB"), None)
            clause = verb if verb is not None else event
            if self._is_cleft(clause):
                names = self._cleft_focus(clause)
            elif clause.head.i > clause.i:
                names = self._named(self._phrase_head(clause.head))
            elif head.i > event.i:
                names = self._named(head)
        elif head.i in self.by_token and head.i > event.i and head.idx - end <= 1:
            names = self._named(head)
        if not names:
            for other in self.by_token.values():
                if other.start == end or (other.start == end + 1 and self.text[end] in "「『、"):
                    names = list(self.group_of.get(other.token, [other]))
                    break
        coordinated = re.match(r"(?:かつ|兼|であり、?)", self.text[end:]) is not None
        if coordinated:
            names = []  # "TwitterのオーナーかつテスラのCEOであるX氏": X's, not テスラ's
        if not names and re.match(r"(?:である|だった|となった|かつ|兼)", self.text[end:]):
            # "テスラのCEOであるイーロン・マスク氏", "TwitterのオーナーかつテスラのCEOである
            # X氏": the name the linked (or coordinated) noun phrase ends on, where the parse
            # lost it.
            following = re.match(r"(?:である|だった|となった)?(?:かつ|兼)?", self.text[end:])
            after = end + (following.end() if following else 0)
            for other in sorted(self.by_token.values(), key=lambda p: p.start):
                if other.start < after or (
                    coordinated and self.text.startswith("の", self._anchor(other)[1])
                ):
                    continue
                between = self.text[after : other.start]
                if re.fullmatch(r"(?:[^、。はがをにで]*?(?:である|の))?[「『]?", between):
                    names = list(self.group_of.get(other.token, [other]))
                break
        if not names and marker == "として":
            # "XをCEOとして迎える", "Yを競合企業として挙げる": what the verb takes as the noun;
            # "伊藤錬氏もCOOとして加わった": else the clause's subject, for a title.
            names = [n for n, m in self.args.get(head.i, []) if m == "を"]
            if not names and event.text in self.s.triggers.titles:
                names = [n for n, m in self.args.get(head.i, []) if m in ("が", "は", "も")]
        if not names and marker == "は" and event.text in self.s.triggers.titles:
            # "CEOはHa氏、CTOはJones氏が務める": the title is the topic, its holder follows.
            after = end + len(marker)
            for other in self.by_token.values():
                if other.start == after and re.match(
                    r"(?:が務め|が就|、|。|だ|で)", self.text[other.unit_end :]
                ):
                    names = [other]
        if not names and event.i in self.carried:
            names = list(self.carried[event.i])  # "GoogleやAppleといったライバル企業"
        taken = {a.name.token for a in present}
        return [ProtoArgument(n, "head", "tree") for n in names if n.token not in taken]

    def _cleft_focus(self, clause: Token) -> list[Placed]:
        head = clause.head
        named = self._named(head)
        for group in self.carried.values():  # "公開したのは、「A」のほか…「C」の3モデル"
            if any(n in group for n in named):
                return list(group)
        if named:
            return named
        for child in head.children:
            if child.i in self.by_token and child.i > clause.i:
                return list(self.group_of.get(child.i, [self.by_token[child.i]]))
        return []
