"""Predicate-argument frames of one parsed Japanese sentence.

Every predicate or event word that is a trigger of some pattern gets a frame: a verb
(``買収した``), an event noun carried by a light verb (``開発を行い``, ``出資を受けた``), an
event noun used as a noun (``XによるYの買収``, ``Meta開発のモデル``, ``Xとの資本業務提携``),
a relational noun (``LINEヤフー傘下のPayPay``, ``Xの出資先であるY``, ``XのCEO、Y氏``) or an
idiom (``傘下に持つ``, ``しのぎを削る``). Its arguments are the names that depend on it, with
their role from the case particle after them, in the active voice.

Japanese leaves arguments out, so a missing subject or object is filled, in order of
confidence, from: the head of a relative clause (``NTTが開発した「tsuzumi」``), the focus of
a cleft (``開発したのは、Xだ``), the clause this one is chained to or reported by
(``…を開発したことも明らかにした``), the sentence's topic and the previous sentence's topic.
A frame inside a denial, a plan, a rumour or a former tie is *blocked*: it states no
fact, though it still tells what kind of thing fills each role.

This module keeps the builder's core: the order its steps run in and one trigger's frame.
The steps themselves live in :mod:`graph.lang.ja.framing`, one module per responsibility
(words, records, triggers, attaching names, heads of nouns, clauses, gaps, blocking,
construction frames); the data types are re-exported from here.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING

from graph.lang.ja.cues import Cues
from graph.lang.ja.framing.attach import _Attaching
from graph.lang.ja.framing.blocking import _Blocking
from graph.lang.ja.framing.clauses import _Clauses
from graph.lang.ja.framing.constructions import _Constructions
from graph.lang.ja.framing.gaps import _Gaps
from graph.lang.ja.framing.heads import _Heads
from graph.lang.ja.framing.records import Placed, ProtoArgument, ProtoFrame, TriggerTable, _Sentence
from graph.lang.ja.framing.triggers import _Triggers
from graph.lang.ja.framing.words import (
    _BASIS_MARKERS,
    _JOINING_VERBS,
    _RELATIONAL,
    _USED_AT,
    _glued,
)
from graph.lang.ja.syntax import (
    RECEIVING_VERBS,
    active_role,
    is_passive,
    is_predicate,
    surface_marker,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Placed", "ProtoArgument", "ProtoFrame", "TriggerTable", "build_frames"]


def build_frames(
    doc: Doc,
    text: str,
    names: list[Placed],
    triggers: TriggerTable,
    cues: Cues,
    previous_topic: Placed | None = None,
    previous_round: Placed | None = None,
) -> list[ProtoFrame]:
    """The frames of one sentence (clean-text offsets)."""
    sentence = _Sentence(doc, text, names, triggers, cues, previous_topic, previous_round)
    return _FrameBuilder(sentence).build()


class _FrameBuilder(_Triggers, _Attaching, _Heads, _Clauses, _Gaps, _Blocking, _Constructions):
    """Builds one sentence's frames. The work is split by responsibility among its parts (see
    :mod:`graph.lang.ja.framing`): finding triggers, attaching names, what nouns stand for,
    the shape of clauses, filling gaps, blocking, and construction frames; this class keeps
    the order they run in (``__init__``, ``build``) and one trigger's frame (``_frame``)."""

    def __init__(self, sentence: _Sentence) -> None:
        self.s = sentence
        self.doc = sentence.doc
        self.text = sentence.text
        self.by_token = {p.token: p for p in sentence.names}
        self.args: dict[int, list[tuple[Placed, str]]] = defaultdict(list)
        self.possessors: dict[int, list[Placed]] = defaultdict(list)
        self.paired: dict[int, Placed] = {}  # the one name a name-before-の possessor owns
        self.prefixes: dict[int, list[Placed]] = defaultdict(list)
        self.group_of: dict[int, list[Placed]] = {}
        self.extent: dict[int, int] = {}  # first word of a two-word trigger -> its last word
        self.carried: dict[int, list[Placed]] = {}  # counter noun (3モデル) -> its list
        self.themes: list[Placed] = []  # "Xをめぐっては、…": what the whole sentence is about
        # Syntactic token of each trigger -> (trigger, blocking reason, first word).
        self.events: dict[int, tuple[str, str | None, int]] = {}
        covered: set[int] = set()  # words inside a longer trigger found first (完全|子会社|化)
        for token in self.doc:
            if token.i in self.events or token.i in covered:
                continue
            found = self._find_trigger(token)
            if found is not None:
                last = self.extent.get(token.i, token.i)
                self.events[last] = (*found, token.i)
                covered.update(range(token.i, last + 1))
        # The token carrying each name's syntax (a type noun in apposition: モデル「FLUX.1」).
        self.anchored = {self._anchor(p)[0].i: p for p in sentence.names}
        # Quoted speech or writing: 「…」 spans longer than a name.
        named = {(p.start - 1, p.end + 1) for p in sentence.names}  # 「Mochi-Small」 is a name
        self.quotes = [
            m.span()
            for m in re.finditer(r"「[^「」]*」", self.text)
            if (len(m.group(0)) > 12 or re.search(r"[はがをに]", m.group(0)))
            and m.span() not in named
        ]
        self._attach_all()
        for i, args in list(self.args.items()):
            token = self.doc[i]
            if (
                i not in self.events
                and is_predicate(token)
                and any(m in _BASIS_MARKERS or m in ("DATA", "TRAINEE") for _, m in args)
            ):
                self.events[i] = (token.lemma_, None, i)  # read by the patterns for any predicate

    def build(self) -> list[ProtoFrame]:
        frames = []
        # A trigger written as two words (インストラクション|チューニング, 微調整|版) has its
        # syntax on the last word, the compound's head.
        for last, (trigger, suffix_block, first) in sorted(self.events.items()):
            # "サムスンが製造・販売する「Galaxy」": a verbal noun joined by ・ to the next
            # one shares its arguments, which the parse gives to the last.
            syntax = self._conjoined_head(self.doc[last])
            frame = self._frame(syntax, trigger, suffix_block, first=self.doc[first])
            if frame is not None:
                frames.append(frame)
        frames = self._share_coordinated_events(frames)
        frames = self._share_joint_titles(frames)
        frames += self._joint_actors(frames)
        frames += self._possessives()
        frames += self._own_names()
        frames += self._glued_titles()
        # "ディープマインドのスレイマン氏起用": Xの before a person hired or moving in the same
        # sentence names where they come from, not where they work.
        moving = {
            a.name.token
            for f in frames
            if f.trigger in self.s.triggers.employing
            for a in f.arguments
        }
        return [
            f
            for f in frames
            if not (f.trigger == "@affiliation" and f.arguments[0].name.token in moving)
        ]

    def _role_word(self, token: Token) -> bool:
        """A title or a founder's or author's role (社長, 共同創業者): a post, not a place."""
        cues = self.s.cues
        return (
            token.text in self.s.triggers.titles
            or token.text in cues.founder_roles
            or token.text in cues.author_roles
        )

    def _frame(
        self, event: Token, trigger: str, suffix_block: str | None, first: Token | None = None
    ) -> ProtoFrame | None:
        first = first if first is not None else event
        carrier = self._carrier(event, trigger)
        if (
            carrier is None
            and event.dep_ == "compound"
            and event.head.i < event.i
            and _glued(self.doc, event.i - 1)
        ):
            # "戦略的パートナーシップを結ぶ": the parse made the compound's first word its head;
            # Japanese compounds end on their head, so the event takes that word's place.
            carrier = self._carrier(event.head, trigger)
            if carrier is not None:
                first = event.head
        clause = carrier if carrier is not None else event
        verbal = is_predicate(clause) or carrier is not None or self._headline_predicate(event)
        passive = is_passive(clause) if verbal else False
        receiving = carrier is not None and carrier.lemma_ in RECEIVING_VERBS
        arguments: list[ProtoArgument] = []
        idiom_nouns = self._idiom_nouns(event, trigger)
        extent = [first] if first is not event else []
        # "ハヤブサ電機と激しい競争を": an adjective on the event noun took its argument
        degrees = [
            c
            for c in event.children
            if c.dep_ in ("acl", "amod") and c.pos_ == "ADJ" and c.i < event.i
        ]
        positions = [event, carrier, *idiom_nouns, *extent, *degrees]
        for position in positions:
            if position is None:
                continue
            for name, marker in self.args.get(position.i, []):
                if marker in ("や", "、"):
                    continue
                if not verbal and marker in ("が", "は", "も"):
                    role = "ga"  # the topic of a noun predicate (DeepMindはGoogleの子会社だ)
                else:
                    role = active_role(marker, passive=passive, receiving=receiving)
                if role is not None:
                    arguments.append(ProtoArgument(name, role))
        if passive and trigger in _USED_AT:
            # "「Kiri」で使われているトークナイザー「Tama」": the user, not a place or a means
            arguments = [replace(a, role="ga") if a.role == "de" else a for a in arguments]
        if trigger in self.s.triggers.transitive:
            arguments = self._lone_mo(arguments, positions, passive=passive)
        arguments += self._theme(event, arguments)
        arguments = self._topic_beside_subject(
            arguments, positions, passive=passive, relational=self._relational(trigger)
        )
        arguments += self._gapped_subjects(arguments)
        possessors = [
            n for t in (event, *idiom_nouns, *extent) for n in self.possessors.get(t.i, [])
        ]
        if trigger == "@title" and not possessors:
            # "マイクロソフトのAI担当副社長": the company owns the title's whole compound,
            # whichever of its words the parse hung the の-phrase on.
            j = event.i - 1
            while (
                j >= 0
                and j not in self.by_token
                and self.doc[j].pos_ in ("NOUN", "PROPN")
                and _glued(self.doc, j)
            ):
                possessors += self.possessors.get(j, [])
                j -= 1
        if not possessors and (self._relational(trigger) or trigger in _RELATIONAL):
            # "OpenAIの共同創業者": the name written right before の, wherever the parse hung it
            before = next(
                (p for p in self.by_token.values() if self._anchor(p)[1] + 1 == first.idx),
                None,
            )
            if before is not None and self.text[first.idx - 1] == "の":
                possessors = [before]
        prefixes = list(self.prefixes.get(event.i, []))
        if first is not event:
            # "Tovrin AI共同創業者・COO": a two-word trigger's name is glued to its first word
            prefixes += [p for p in self.prefixes.get(first.i, []) if p not in prefixes]
        if trigger == "@title":
            # 米Appleのティム・クックCEO: the company owns the name the title is glued to.
            possessors += [o for p in prefixes for o in self.possessors.get(p.token, [])]
            # "ホワイトハウスのAIおよび暗号資産担当責任者": a place the title is at, named or not.
            # ("共同創業者の高橋健太社長": a role before の is another title of the holder,
            # no place.)
            described = any(
                t.dep_ == "case"
                and t.text == "の"
                and t.i < event.i
                and not self._role_word(t.head)
                for t in event.subtree
            )
            occupation = event.text in self.s.cues.occupations  # "AI研究者であるX氏"
            # ("…、Threadsで発表した": a medium is no place of work; "X社でCEOを務める" is)
            at_company = any(
                m in ("で", "では") and n.hint in (None, "Organization")
                for n, m in self.args.get(clause.i, [])
            )
            if not possessors and not described and not occupation and not at_company:
                # "現在はボーン氏がCEOを務める": the position is at the company the text is about,
                # this sentence's topic first ("OpenAIは、X氏がCEOとして復帰すると発表した").
                topic = [
                    n
                    for n in self._sentence_topic(before=event.i, exclude=set())
                    if n.hint == "Organization"
                ]
                if topic:
                    arguments += [ProtoArgument(n, "poss", "topic", 0.1) for n in topic]
                elif (
                    self.s.previous_topic is not None
                    and self.s.previous_topic.hint == "Organization"
                    # ("昨年Xで起きたY CEOの解任": a company the sentence names is the place)
                    and not any(
                        n.hint in ("Organization", None) and n.key != self.s.previous_topic.key
                        for n in self.s.names
                        if n.token not in {a.name.token for a in arguments}
                        and n.token not in {p.token for p in prefixes}
                        and n.token != event.i
                    )
                ):
                    arguments.append(ProtoArgument(self.s.previous_topic, "poss", "previous", 0.15))
        for name in possessors:
            role = "ga" if prefixes and trigger != "@title" else "poss"
            arguments.append(ProtoArgument(name, role))
        last = event
        while last.dep_ == "compound" and last.head.i == last.i + 1:
            last = last.head  # "チーフ|サイエンティスト": a title written in two words
        if (trigger == "@title" or self._relational(trigger)) and last.head.i > last.i:
            joining = last.head
            if joining.lemma_ in _JOINING_VERBS and surface_marker(self.text, self._end(last)) in (
                "に",
                "には",
                "にも",
            ):
                # "Xの主要株主には、Yが名を連ねる", "YがXの取締役に就く": Y becomes one.
                arguments += [
                    ProtoArgument(n, "head")
                    for n, m in self.args.get(joining.i, [])
                    if m in ("が", "も", "は")
                ]
        if trigger == "@title" and last.head.i > last.i:
            appointing = last.head
            while appointing.lemma_ == "する" and appointing.head.i > appointing.i:
                appointing = appointing.head  # "…を最高技術責任者として迎え入れた"
            if (
                appointing.lemma_ in self.s.triggers.employing
                or self._compound_text(appointing) in self.s.triggers.employing
            ) and surface_marker(self.text, self._end(last)) in ("に", "として"):
                # "X氏をYのチーフサイエンティストに任命": the one appointed holds the title.
                arguments += [
                    ProtoArgument(n, "head")
                    for position in (appointing, last)
                    for n, m in self.args.get(position.i, [])
                    if m == "を"
                ]
        incorporated = carrier is None and not is_predicate(clause)
        incorporated = incorporated and self._headline_incorporated(event)
        for name in prefixes:
            arguments.append(ProtoArgument(name, "wo" if incorporated else "prefix"))
        arguments += self._heads(event, arguments)
        if trigger == "@title" and any(a.role == "head" for a in arguments):
            # "Quora CEOのAdam D'Angelo氏": with its holder named, a name before the title is
            # the organization (ティム・クックCEO, with no holder after it, is the person).
            arguments = [replace(a, role="poss") if a.role == "prefix" else a for a in arguments]
        if (not verbal or self._relational(trigger)) and self.text.startswith(
            "として", self._end(event)
        ):
            # "Tovrin AIを競合企業として挙げた": what is taken as the noun is what it describes.
            arguments = [replace(a, role="head") if a.role == "wo" else a for a in arguments]
        heads = [a for a in arguments if a.role == "head"]
        if (
            (not verbal or self._relational(trigger))
            and not possessors
            and not prefixes
            and (
                event.i in self.carried
                or (
                    heads
                    and self.text.startswith(
                        ("の", "である", "だった", "となった", "として"), self._end(event)
                    )
                )
            )
        ):
            # "GoogleやAppleといったライバル企業に遅れを取った", "Googleは傘下のDeepMind…",
            # "XはYを競合企業として挙げた": whose rivals, whose subsidiary — the company the
            # sentence has as its subject.
            owner = self._preceding_subject(event, {a.name.token for a in arguments})
            if owner is None and self._relational(trigger):
                # "開発元のイズモ・ラボは、「Izumo-13B」が…": the developer of the model the
                # sentence goes on to speak of.
                owner = self._model_after(event, {a.name.token for a in arguments})
            if owner is not None:
                arguments.append(ProtoArgument(owner, "poss", "topic", 0.1))
            elif (
                heads
                and event.text in (*self.s.cues.founder_roles, *self.s.cues.author_roles)
                and all(a.name.hint == "Person" for a in heads)
                and self.s.previous_topic is not None
                and self.s.previous_topic.hint == "Organization"
                and self._quote_of(event.idx) is None
            ):
                # "Xでは幹部の退社が続く。共同創業者のY氏も…": a person's role at no company
                # named is at the company the text is about.
                arguments.append(ProtoArgument(self.s.previous_topic, "poss", "previous", 0.15))
        if (
            not verbal
            and not heads
            and (possessors or prefixes)
            and re.match(
                r"(?:の(?:1人|一人|ひとり|一社|1社)|として|でもある|であり)",
                self.text[self._end(event) :],
            )
        ):
            # "ジョーンズ氏は、論文「X」の共著者の1人として知られる": the topic is the one.
            topic = self._sentence_topic(before=event.i, exclude={a.name.token for a in arguments})
            arguments += [ProtoArgument(n, "head", "topic", 0.05) for n in topic]
        if (
            not verbal
            and event.dep_ in ("obj", "obl")
            and not any("ga" in a.role.split("|") for a in arguments)
            and not self._relational(trigger)
        ):
            # "Amazonは、Anthropicへの出資額を引き上げた": the verb's subject did the event.
            subjects = self._direct_subjects(event.head) or self._sentence_topic(
                before=event.i, exclude={a.name.token for a in arguments}
            )
            # "Xからの出資を集めている": a receiving verb's subject is the event's receiver,
            # and with none in the sentence, the company the previous sentence spoke of.
            taking = event.head.lemma_ in RECEIVING_VERBS and event.dep_ == "obj"
            if taking and any(a.role == "kara" for a in arguments):
                # (the giver, marked から, is the event's doer: 受ける undone)
                arguments = [replace(a, role="ga") if a.role == "kara" else a for a in arguments]
                arguments += [ProtoArgument(n, "ni", "chain", 0.1) for n in subjects]
                if (
                    not subjects
                    and self.s.previous_topic is not None
                    and self.s.previous_topic.hint in ("Organization", None)
                    and self._quote_of(event.idx) is None
                ):
                    arguments.append(ProtoArgument(self.s.previous_topic, "ni", "previous", 0.2))
            else:
                arguments += [ProtoArgument(n, "ga", "chain", 0.1) for n in subjects]
        gaps = self._gaps(
            clause, event, arguments, passive=passive, verbal=verbal, receiving=receiving
        )
        if self._relational(trigger):
            # "SSIは、A氏とB氏の3人が共同創業者として関わっている": the topic a relational noun
            # leaves out is whose founders (subsidiary, rival…) they are.
            gaps = [
                replace(a, role="poss")
                if a.via == "topic" and {"wo", "ni"} & set(a.role.split("|"))
                else a
                for a in gaps
                # no one "does" a 軽量版 (a title, though, is held: X氏がCEOを務める)
                if trigger == "@title" or not (a.via in ("chain", "previous") and a.role == "ga")
            ]
        arguments += gaps
        if (
            passive
            and idiom_nouns
            and not any("poss" in a.role for a in arguments)
            and self.s.previous_topic is not None
        ):
            # "学習には…DPOが使われている": the training is the last topic's (the model's).
            arguments.append(ProtoArgument(self.s.previous_topic, "poss", "previous", 0.2))
        arguments += self._measured(event, arguments)
        arguments += self._speakers(clause, arguments)
        arguments += self._results(clause, arguments)
        arguments += self._chained_objects(clause, arguments)
        arguments += self._round_owners(clause, arguments)
        if not arguments:
            return None
        blocked = suffix_block or self._blocked(event, clause, {a.name.token for a in arguments})
        if trigger == "@title" and any(
            self.text[max(0, a.name.start - 1) : a.name.start] in ("元", "前", "旧")
            for a in arguments
            if a.role == "poss"
        ):
            blocked = "former"  # "元OpenAIの研究者": a former position
        start, end = first.idx, event.idx + len(event.text)
        return ProtoFrame(trigger, start, end, tuple(_unique(arguments)), blocked, clause.i)


def _unique(arguments: list[ProtoArgument]) -> list[ProtoArgument]:
    seen: set[tuple[int, str, str]] = set()
    out = []
    for argument in arguments:
        key = (argument.name.token, argument.name.key, argument.role)  # 両社: one token, two names
        if key not in seen:
            seen.add(key)
            out.append(argument)
    return out
