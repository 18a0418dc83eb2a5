"""Filling the arguments Japanese leaves out, in order of confidence.

A missing subject or object is taken from the head of a relative clause, the focus of a
cleft, the clause this one is chained to or reported by, the sentence's topic and the
previous sentence's topic (``_gaps``); a は-topic beside a が-subject is re-read as
another argument (``_topic_beside_subject``); and some roles come from elsewhere in the
sentence: speakers of a view, results of a chained clause, objects shared along a chain,
the owner of a funding round, what a measure is compared with. Each filled argument
carries how it was found (``via``) and a penalty, which the shared core weighs.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from graph.lang.ja.framing.records import Placed, ProtoArgument, _State
from graph.lang.ja.framing.words import (
    _ANAPHOR_PREFIXES,
    _INVESTING,
    _LEAD_VERBS,
    _NOMINALIZERS,
    _PARALLEL_COUNT,
    _PURPOSE_EVENTS,
    _ROUNDS,
    _THINKING,
    _TRAINING_STAGES,
    _glued,
)
from graph.lang.ja.syntax import ROUND_LABEL, active_role, is_predicate, surface_marker

if TYPE_CHECKING:
    from spacy.tokens import Token

_STAGE_WORDS = tuple(sorted(_TRAINING_STAGES))

# A title written after a person, then the topic marker: "鈴木一郎社長は", "…最高経営責任者(CEO)は".
_TITLE_TOPIC = re.compile(r"([^\s、。はがをにの(（]{1,10})(?:[(（][^)）]{1,10}[)）])?は")


class _Gaps(_State):
    """Filling the arguments a frame leaves out, and re-reading the ones it has."""

    def _markers(self, positions: list[Token | None]) -> dict[int, str]:
        """The case marker each name at these positions is written with (が, は, も, …)."""
        return {
            name.token: marker
            for position in positions
            if position is not None
            for name, marker in self.args.get(position.i, [])
        }

    def _lone_mo(
        self, arguments: list[ProtoArgument], positions: list[Token | None], *, passive: bool
    ) -> list[ProtoArgument]:
        """``同時に、小型版「Hibari-2-Lite」も用意した``: も stands for が or を; alone, with
        no subject or object beside it, it may be either (for a verb that takes a を-object),
        and the patterns' classes choose."""
        if passive:
            return arguments
        markers = self._markers(positions)
        core = {a.name.token: a for a in arguments if set(a.role.split("|")) & {"ga", "wo"}}
        if len(core) != 1:
            return arguments
        ((token, lone),) = core.items()
        if lone.role != "ga" or markers.get(token) != "も":
            return arguments
        return [replace(a, role="ga|wo") if a.name.token == token else a for a in arguments]

    def _theme(self, event: Token, arguments: list[ProtoArgument]) -> list[ProtoArgument]:
        """``オープンAIをめぐっては、…ソフトバンクグループが…追加出資を発表する``: a
        sentence's theme (Xをめぐっては, Xについては) is what an event in it with no object of
        its own is about."""
        roles = {r for a in arguments for r in a.role.split("|")}
        if roles & {"wo", "ni", "about", "to", "poss", "head", "de"}:
            return []
        taken = {a.name.token for a in arguments}
        return [
            ProtoArgument(theme, "about", "theme", 0.1)
            for theme in self.themes
            if theme.token not in taken and theme.end <= event.idx
        ]

    def _topic_beside_subject(
        self,
        arguments: list[ProtoArgument],
        positions: list[Token | None],
        *,
        passive: bool,
        relational: bool = False,
    ) -> list[ProtoArgument]:
        """``「Tessera-40B」は、アイリス情報システムが開発した``: with a が-subject present, the
        は-topic is another argument (most often the object), not a second subject."""
        if passive:
            return arguments
        markers = self._markers(positions)
        subjects = [a for a in arguments if a.role == "ga" and markers.get(a.name.token) == "が"]
        if not subjects:
            return arguments
        topics = [
            a for a in arguments if a.role == "ga" and markers.get(a.name.token) in ("は", "では")
        ]
        if topics and all(s.name.start < t.name.start for s in subjects for t in topics):
            # "曽根岡氏がCEOを務める…ELYZAは新モデルを発表した": a が-phrase before the topic
            # belongs to a clause describing the topic; the topic is the subject here.
            drop = {s.name.token for s in subjects}
            return [a for a in arguments if a.name.token not in drop]
        counted = [t for t in topics if _PARALLEL_COUNT.match(self.text, self._anchor(t.name)[1])]
        if counted and len(counted) == len(topics):
            # "グーグルは21社、メタは18社、アマゾンが10社を買収した": topics each with their own
            # count are parallel subjects of the gapped verb, not its objects.
            return arguments
        present = {r for a in arguments for r in a.role.split("|")}
        gap = "|".join(r for r in ("wo", "ni") if r not in present) or "to"
        if len(subjects) >= 2 and "wo" not in present:
            # "「Kiri」は、AとBが共同開発した": subjects that act together are each other's
            # partners; the topic is what they made.
            gap = "wo"
        if relational:
            gap = "poss"  # "SSIは、A氏ら3人が共同創業者として関わる": SSI's co-founders
        return [
            ProtoArgument(a.name, gap, "topic", 0.05)
            if a.role == "ga" and markers.get(a.name.token) in ("は", "では")
            else a
            for a in arguments
        ]

    def _gapped_subjects(self, arguments: list[ProtoArgument]) -> list[ProtoArgument]:
        """``OpenAIが「GPT-4」を、Metaが「LLaMA」を…発表``: in a gapped coordination each object
        has its own subject right before it, wherever the parse hung that subject."""
        objects = [a for a in arguments if a.role == "wo"]
        if len(objects) < 2:
            return []
        taken = {a.name.token for a in arguments}
        out = []
        for obj in objects:
            start = obj.name.start - (
                1 if self.text[obj.name.start - 1 : obj.name.start] in "「『" else 0
            )
            for name in self.by_token.values():
                _, end = self._anchor(name)
                if name.token in taken or end > start:
                    continue
                if self.text[end:start] == "が" and surface_marker(self.text, end) == "が":
                    out.append(ProtoArgument(name, "ga"))
        return out if len(out) + sum(a.role == "ga" for a in arguments) == len(objects) else []

    def _gaps(
        self,
        clause: Token,
        event: Token,
        present: list[ProtoArgument],
        *,
        passive: bool,
        verbal: bool,
        receiving: bool = False,
    ) -> list[ProtoArgument]:
        # ("「X」も用意した": a lone も-phrase may be the object; the subject is still sought.)
        # With a receiving verb (Xから出資を受けた) the verb's own subject is the receiver,
        # the ni-role; the giver (ga) is marked から. A left-out subject is sought the same way.
        subject = "ni" if receiving else "ga"
        roles = {
            r
            for a in present
            for r in (["wo"] if a.role == "ga|wo" and a.via == "tree" else a.role.split("|"))
        }
        taken = {a.name.token for a in present}
        out: list[ProtoArgument] = []
        if not verbal:
            return out

        def gap_role() -> str:
            if passive:
                return "wo" if "wo" not in roles else "ni|to"
            if "ga" in roles:
                return "|".join(r for r in ("wo", "ni", "to") if r not in roles) or "de"
            return "ga" if "wo" in roles else "ga|wo"

        if subject not in roles and not passive:
            linear = self._linear_subject(clause, taken)
            if linear is not None:
                out.append(ProtoArgument(linear, subject, "linear", 0.02))
                roles.add(subject)
                taken.add(linear.token)
        filler: list[Placed] = []
        via = ""
        if self._is_relative(clause):
            phrase_head = self._phrase_head(clause.head)
            filler, via = self._named(phrase_head), "relative"
            if not filler and phrase_head.text in self.s.triggers.titles:
                # "ハヤブサ電機を率いる鈴木一郎社長は": the person the title is glued to
                filler = [
                    p
                    for p in self.by_token.values()
                    if phrase_head.idx in (p.end, p.unit_end) and p.token < phrase_head.i
                ]
            gap = self.text[self._clause_end(clause) : min((n.start for n in filler), default=0)]
            gap = gap.lstrip("たるだ").rstrip("「『")
            quoted = all(self.text[n.start - 1 : n.start] in ("「", "『") for n in filler)
            if len(filler) > 1 and not quoted and (len(gap) <= 1 or self.s.cues.type_of_noun(gap)):
                # (AIチップ「Trainium」と「Inferentia」: a quoted list is introduced as one.)
                # "「ChatGPT」を開発した米オープンAIとソフトバンク": the clause describes the
                # name it stands right before, not the whole list.
                filler = filler[:1]
            if (
                not filler
                and phrase_head.text in self.s.cues.measure_nouns
                and phrase_head.head.i != phrase_head.i
            ):
                # "70Bモデルは「GPT-4」を上回るスコアを記録した": the score is the subject's.
                owner = phrase_head.head
                filler = [n for n, m in self.args.get(owner.i, []) if m in ("が", "は", "も")]
                # ("ベンチマーク「X」では": a では-phrase is where it was measured, not who)
                filler = filler or self._sentence_topic(
                    before=clause.i, exclude=set(), markers=("は",)
                )
                if not filler and self.s.previous_topic is not None:
                    filler, via = [self.s.previous_topic], "previous"
            if not filler and re.match(
                r"(?:で、|で|だ|である|です|。|とされ)", self.text[self._end(phrase_head) :]
            ):
                # "xAIはマスク氏が率いる新会社で": a described noun that is the predicate of
                # the sentence's topic stands for the topic; with no topic of its own, the
                # previous sentence's ("Xは…。…と競合できる唯一の企業とされる").
                filler = self._sentence_topic(before=clause.i, exclude=set())
                if (
                    not filler
                    and self.s.previous_topic is not None
                    and not any(
                        surface_marker(self.text, n.unit_end) in ("は", "が")
                        for n in self.by_token.values()
                    )
                    and self._quote_of(clause.idx) is None
                    and (
                        self.s.cues.type_of_noun(phrase_head.text) is None
                        or self.s.cues.type_of_noun(phrase_head.text) == self.s.previous_topic.hint
                    )
                ):
                    filler, via = [self.s.previous_topic], "previous"
        elif (
            self._continuative(clause)
            and self.text.startswith("、", self._clause_end(clause))
            and (chained := self._next_relative(clause)) is not None
            and self._phrase_head(chained.head).i in self.by_token
        ):
            # "ミナセ技研が開発し、ハヤブサ電機が販売する「Kiri」": coordinated relative
            # clauses describe the same head, when that head is a name ("…と組み、「Kiri」を
            # 活用したサービス" describes a service, and its object is no one's partner).
            filler, via = self._named(self._phrase_head(chained.head)), "relative"
        elif (named := self._name_after_adnominal(clause)) is not None:
            # "「Kiri-7B」を手がけるミナセ技研は": a clause in its adnominal form written right
            # before a name describes it, though the parse made the clause a sentence.
            filler, via = [named], "relative"
        elif self._is_cleft(clause):
            filler, via = self._cleft_focus(clause), "cleft"
        if filler and via == "relative" and not passive:
            present, roles = self._main_clause_subject(clause, present, filler, roles)
        if filler:
            role = gap_role()
            out += [ProtoArgument(n, role, via, 0.05) for n in filler if n.token not in taken]
            # An ambiguous filler ("ga|wo": 公開したのは「A」) may be the object: keep looking
            # for a subject, and let the patterns' classes choose.
            roles |= set(role.split("|")) - ({"ga"} if "|" in role else set())
            taken |= {n.token for n in filler}
        if (
            subject == "ga"
            and "ga" in roles
            and event.lemma_ in _INVESTING
            and not {"ni", "wo", "round", "stake", "to"} & roles
            and self.s.previous_topic is not None
            and self.s.previous_topic.hint in ("Organization", None)
            # (a name of the previous sentence: its token index is of that sentence's parse)
            and self.s.previous_topic.key not in {a.name.key for a in present}
            and self._quote_of(clause.idx) is None
            # ("積極的にAI投資を行っている": a noun glued before the event says what it is in)
            and not any(c.dep_ == "compound" and c.i not in self.by_token for c in event.children)
        ):
            # "Mistral AIは…。米Microsoftや米NVIDIAなども出資をしている": investors named, the
            # company they invest in left out is the one the text is about.
            out.append(ProtoArgument(self.s.previous_topic, "ni", "previous", 0.2))
        if (
            subject == "ga"
            and "ga" in roles
            and not passive
            and not {"wo", "ni", "to", "about", "round", "stake", "de"} & roles
            and event.lemma_ in self.s.triggers.transitive
            and self.s.previous_topic is not None
            and self.s.previous_topic.hint in ("AIModel", "Product")
            and self.s.previous_topic.key not in {a.name.key for a in present}
            and self._quote_of(clause.idx) is None
            and not any(c.dep_ == "compound" and c.i not in self.by_token for c in event.children)
        ):
            # "「X」は法人向けのサービスだ。日本ではAやBなどが導入した": with the doers named
            # and nothing done, what they take up is the model or product the text is about.
            out.append(ProtoArgument(self.s.previous_topic, "wo", "previous", 0.2))
            roles.add("wo")
        if subject in roles:
            opener = self._headline_opener()
            if (
                opener is not None
                and "wo" not in roles
                and not passive
                and not receiving
                and opener.token not in taken
            ):
                # "AIモデル「Llama 3.3 Swallow」、東京科学大などのチームが公開": with a subject
                # of its own, the headline's opening name is what was done.
                out.append(ProtoArgument(opener, "wo", "topic", 0.1))
            return out
        if not passive and self._unnamed_subject(clause):
            # "Xの使命は誰もが機械学習を利用できるようにすること": the clause has a subject of
            # its own, no name; no subject from a chained clause or a topic fills it.
            return out
        inherited = self._chained_subjects(clause)
        if inherited:
            out += [
                ProtoArgument(n, subject, "chain", 0.05) for n in inherited if n.token not in taken
            ]
            return out
        topic = self._sentence_topic(before=clause.i, exclude=taken)
        if topic:
            out += [ProtoArgument(n, subject, "topic", 0.1) for n in topic]
            return out
        spoken_for = self._titled_topic_company(before=clause.i, exclude=taken)
        if spoken_for is not None and not passive:
            # "ハヤブサ電機の鈴木一郎社長は、ミナセ技研との提携を発表した": the topic is a
            # company's officer, who speaks and acts for it; the company is the party.
            out.append(ProtoArgument(spoken_for, subject, "topic", 0.1))
            return out
        if (
            self.s.previous_topic is not None
            and not passive  # a passive leaves its agent unknown more often than not
            and self._quote_of(clause.idx) is None
            and self.s.previous_topic.key not in {a.name.key for a in present}
        ):
            out.append(ProtoArgument(self.s.previous_topic, subject, "previous", 0.2))
        return out

    def _titled_topic_company(self, *, before: int, exclude: set[int]) -> Placed | None:
        """The company of a topic written as its officer: "XのY社長は", "XのY最高経営責任者
        (CEO)は" (a title after the person, then は)."""
        titles = self.s.triggers.titles
        ordered = sorted(self.by_token.values(), key=lambda p: p.start)
        for person in ordered:
            if person.hint != "Person" or person.token >= before or person.token in exclude:
                continue
            _, end = self._anchor(person)
            after = _TITLE_TOPIC.match(self.text, end)
            if after is None or after.group(1) not in titles:
                continue
            for company in ordered:
                if company.hint != "Organization" or company.token in exclude:
                    continue
                if (
                    self._anchor(company)[1] < person.start
                    and self.text[self._anchor(company)[1] : person.start] == "の"
                ):
                    return company
        return None

    def _unnamed_subject(self, clause: Token) -> bool:
        """The clause has a が-marked subject written before it that is no name (誰もが,
        利用者が, 多くの企業が)."""
        children = list(clause.children)
        if clause.head.lemma_ == "する" and clause.head.i > clause.i:
            # "誰もが…利用できるようにする": the parse hangs the subject on the light verb
            children += list(clause.head.children)
        return any(
            child.i < clause.i
            and child.i not in self.by_token
            and child.i not in self.anchored
            and child.pos_ in ("NOUN", "PRON", "PROPN")
            and any(c.dep_ == "case" and c.text == "が" for c in child.children)
            for child in children
        )

    def _linear_subject(self, clause: Token, taken: set[int]) -> Placed | None:
        """``米Salesforceが2021年に買収した…``: the が-marked name right before the verb, with
        no comma or other verb between, is its subject even where the parse hung it elsewhere."""
        for name in sorted(self.by_token.values(), key=lambda p: -p.start):
            if name.token >= clause.i or name.token in taken:
                continue
            _, end = self._anchor(name)
            between = self.doc[name.token + 1 : clause.i]
            if "、" in self.text[end : clause.idx] or any(
                is_predicate(t) and t.i != clause.i for t in between
            ):
                return None
            if surface_marker(self.text, end) == "が":
                # "XがYを開発するZに出資": with an object between, X is the main clause's
                # unless the clause describes the topic ("XがCEOを務めるYは").
                if "を" not in self.text[end + 1 : clause.idx] or self._modifies_topic(clause):
                    return name
                return None
            return None
        return None

    def _main_clause_subject(
        self,
        clause: Token,
        present: list[ProtoArgument],
        filler: list[Placed],
        roles: set[str],
    ) -> tuple[list[ProtoArgument], set[str]]:
        """``Microsoftが…を開発するOpenAIに出資``: a が-subject written before the relative
        clause's object, of the same kind as the clause's head, is the main clause's subject;
        the head is the relative clause's."""
        subjects = {a.name.token: a for a in present if a.role == "ga" and a.via == "tree"}
        objects = [a for a in present if a.role == "wo"]
        if len(subjects) != 1 or not filler or not objects:
            return present, roles
        subject = next(iter(subjects.values()))
        if subject.name.key in {f.key for f in filler}:
            return present, roles
        if subject.name.hint is None or subject.name.hint != filler[0].hint:
            return present, roles
        if subject.name.start > min(o.name.start for o in objects):
            return present, roles
        present[:] = [a for a in present if a.name.token != subject.name.token]  # the caller's
        return present, roles - {"ga"}

    def _chained_subjects(self, clause: Token) -> list[Placed]:
        """The subject of the clause this one is chained to, reported by or nominalized in."""
        # "…を調達し、NVIDIAも出資に加わった": a subject written after this clause is the
        # later clause's own; only one written before it spans both.
        start = clause.left_edge.idx
        chained = self._chain_head(clause)
        if chained is not None:
            subjects = [n for n in self._direct_subjects(chained) if n.start < start]
            if not subjects and self._is_relative(chained):
                # "「LaMDA」を開発してしのぎを削ろうとするGoogle": the chain ends in a relative
                # clause, whose head is the subject of every clause in it.
                subjects = self._named(chained.head)
            if subjects:
                return subjects
        current = clause
        for _ in range(4):
            head = current.head
            if head.i == current.i:
                break
            if current.dep_ in ("advcl", "conj", "ccomp", "xcomp", "csubj") or (
                current.dep_ == "acl" and head.lemma_ in _NOMINALIZERS
            ):
                target = head
                if head.lemma_ in _NOMINALIZERS and head.head.i != head.i:
                    target = head.head
                subjects = [n for n in self._direct_subjects(target) if n.start < start]
                if subjects:
                    return subjects
                current = target
                continue
            if head.lemma_ in _NOMINALIZERS and current.dep_ in ("acl", "nmod"):
                current = head
                continue
            break
        for child in clause.children:
            if child.dep_ in ("advcl", "conj") and is_predicate(child):
                subjects = self._direct_subjects(child)
                if subjects:
                    return subjects
        return []

    def _measured(self, event: Token, present: list[ProtoArgument]) -> list[ProtoArgument]:
        """``「GPT-4」と比べて高い性能を示した``, ``Xに対して優れた性能を発揮``,
        ``Aの性能はBより高い``: a word of degree said of a measure (性能, スコア) compares
        whose measure it is (the possessor, or the subject of the verb that shows it) with
        what the sentence compares it to, wherever the parse hung those."""
        measure = None
        if event.dep_ in ("acl", "amod") and event.head.text in self.s.cues.measure_nouns:
            measure = event.head
        else:
            measure = next(
                (
                    c
                    for c in event.children
                    if c.dep_ == "nsubj" and c.text in self.s.cues.measure_nouns
                ),
                None,
            )
        if measure is None:
            return []
        taken = {a.name.token for a in present}
        out = [ProtoArgument(n, "ga") for n in self.possessors.get(measure.i, [])]
        shower = self._governor(measure) if measure.head.i != event.i else None
        if shower is not None and shower.i != event.i:
            for name, marker in self.args.get(shower.i, []):
                role = active_role(marker)
                if role == "ga" or marker in ("に対して", "に対し") or role == "than":
                    out.append(ProtoArgument(name, "than" if role != "ga" else "ga", "tree", 0.05))
        return [a for a in out if a.name.token not in taken]

    def _speakers(self, clause: Token, present: list[ProtoArgument]) -> list[ProtoArgument]:
        """``リサ・ホルト氏は…Xが勝者になるとみている``: whoever thinks or says the clause is its
        speaker (stance patterns read the view from there)."""
        current = clause
        quote = self._quote_of(clause.idx)
        for _ in range(4):
            head = current.head
            end = self._clause_end(current)
            if quote is not None and end <= quote[1]:
                # 「Xは脅威」「勝者はY」などと記した: what is said is reported after the quotes
                after = re.match(r"(?:」?「[^「」]*」)*」?(?:など)?", self.text[end:])
                end += after.end() if after else 0
                reporter = self._token_at(end + 1)
                if self.text.startswith(("と", "との"), end) and reporter is not None:
                    head = reporter if is_predicate(reporter) else reporter.head
            if head.i == current.i:
                return []
            quoted = self.text.startswith(("と", "との", "ように", "ことを", "ことも", "こと"), end)
            if quoted and (head.lemma_ in _THINKING or head.text in _THINKING):
                taken = {a.name.token for a in present}
                speakers = self._direct_subjects(head) or self._sentence_topic(
                    before=head.i, exclude=taken
                )
                modified = self._modified_noun(head)
                if not speakers and modified is not None:
                    # "…と記されたGoogleの内部文書": the document speaks for its owner.
                    document = self._phrase_head(modified)
                    speakers = self._compound_possessors(document) or self._named(document)
                return [
                    ProtoArgument(n, "speaker", "speaker", 0.0)
                    for n in speakers
                    if n.token not in taken
                ]
            if head.lemma_ in _NOMINALIZERS or head.lemma_ in ("見方", "考え", "認識", "見解"):
                current = head
                continue
            if not is_predicate(current) and is_predicate(head):
                current = head  # "Xの一人勝ちが続くと予想": the noun's clause is what is said
                continue
            return []
        return []

    def _results(self, clause: Token, present: list[ProtoArgument]) -> list[ProtoArgument]:
        """``Xをファインチューニングし、「Y」を開発した``: what the clause this one leads to
        makes is the result of this one (a derived model, a trained model)."""
        head = self._chain_head(clause)
        if head is None:
            return []
        taken = {a.name.token for a in present}
        out = []
        for position in (head, *[c for c in head.children if c.dep_ == "obj"]):
            for name, marker in self.args.get(position.i, []):
                if marker == "を" and name.token not in taken:
                    out.append(ProtoArgument(name, "result", "chain", 0.05))
            if position is not head:
                out += [
                    ProtoArgument(n, "result", "chain", 0.05)
                    for n in self.possessors.get(position.i, [])
                    if n.token not in taken
                ]
        return out

    def _chained_objects(self, clause: Token, present: list[ProtoArgument]) -> list[ProtoArgument]:
        """``カナエ技研の全株式を取得し、完全子会社化した``: a verb with no object of its own
        acts on the object of the clause chained before it."""
        if any(a.name and set(a.role.split("|")) & {"wo", "ni"} for a in present):
            return []
        if any(
            c.dep_ == "obj" or any(g.dep_ == "case" and g.text == "を" for g in c.children)
            for c in clause.children
        ):
            return []  # "同社を退社し、自身の会社を設立した": an object of its own, unnamed
        for child in clause.children:
            chained = self._chain_head(child) if child.i < clause.i else None
            # (continuative only: "…を買収したと発表した" reports, it does not share objects)
            if (
                is_predicate(child)
                and chained is not None
                and chained.i == clause.i
                and self._continuative(child)
            ):
                # ("Xの株式を取得して連結子会社化する": the company whose shares were bought is
                # what the second verb makes a subsidiary.)
                objects = [
                    name
                    for position in (child, *[c for c in child.children if c.dep_ == "obj"])
                    for name, marker in self.args.get(position.i, [])
                    if marker in ("を", "STAKE")
                ]
                return [ProtoArgument(n, "wo", "chain", 0.05) for n in objects]
        return []

    def _round_owners(self, clause: Token, present: list[ProtoArgument]) -> list[ProtoArgument]:
        """``Xが実施した増資で…出資した``, ``XのシリーズBラウンドに出資``: the company whose
        funding round it is receives the investment; ``Xが主導するラウンドで…調達した``: the
        lead is an investor; ``同ラウンドには…も名を連ねた``: the round the text spoke of.
        ``「InstructGPT」の開発で採用された``: what is being developed is what adopts it."""
        roles = {r for a in present for r in a.role.split("|")}
        # (in a training stage, a doer the clause itself names: the relative head of
        # "「X」の事後学習で用いたSFT" is what is used, a topic is carried from elsewhere)
        doers = [
            a for a in present if a.role == "ga" and a.via not in ("topic", "previous", "chain")
        ]
        # (the owner of the work is nearer than a subject carried from elsewhere)
        named_roles = {
            r
            for a in present
            if a.via not in ("topic", "previous", "chain")
            for r in a.role.split("|")
        }
        out = []
        for child in [*clause.children, *self._earlier_scenes(clause)]:
            if child.i in self.by_token:
                continue
            label = ROUND_LABEL.fullmatch(self._compound_text(child)) is not None
            if (any(child.text.endswith(r) for r in _ROUNDS) or label) and "round" not in roles:
                for grandchild in child.children:
                    if grandchild.dep_ != "acl":
                        continue
                    subjects = [n for n, m in self.args.get(grandchild.i, []) if m in ("が", "は")]
                    leads = grandchild.lemma_ in _LEAD_VERBS or grandchild.text in _LEAD_VERBS
                    out += [
                        ProtoArgument(n, "kara" if leads else "round", "round", 0.05)
                        for n in subjects
                    ]
                owners = list(self.possessors.get(child.i, []))
                # ("シリーズFには…も参加した": a bare series label is the round the text is on)
                if (
                    not owners
                    and self.s.previous_round is not None
                    and (self._anaphoric(child) or label)
                ):
                    out.append(ProtoArgument(self.s.previous_round, "round", "previous", 0.15))
                out += [ProtoArgument(n, "round", "round", 0.05) for n in owners]
            elif (
                child.lemma_ in _PURPOSE_EVENTS
                and (
                    "ga" not in named_roles
                    or (self._compound_text(child).endswith(_STAGE_WORDS) and not doers)
                )
                and surface_marker(self.text, child.idx + len(child.text))
                in ("で", "では", "に", "には")
            ):
                owners = list(self.possessors.get(child.i, []))
                j = child.i - 1
                while not owners and j >= 0 and self.doc[j].pos_ == "NOUN" and _glued(self.doc, j):
                    # "「X」の事後|学習で": the の-phrase may hang on the compound's first word
                    owners = list(self.possessors.get(j, []))
                    j -= 1
                for grandchild in child.children:
                    if grandchild.dep_ == "acl":
                        owners += [
                            n for n, m in self.args.get(grandchild.i, []) if m in ("が", "は")
                        ]
                out += [ProtoArgument(n, "ga", "round", 0.05) for n in owners]
        if (
            not out
            and clause.lemma_ in ("参加", "名を連ねる", "参画", "応じる")
            and not {"round", "ni", "wo", "to"} & roles
            and "ga" in roles
            and self.s.previous_round is not None
            and self.s.previous_round.key not in {a.name.key for a in present}
        ):
            # "…資金を調達した。その他、A、B…なども参加する": joining the round spoken of
            out.append(ProtoArgument(self.s.previous_round, "round", "previous", 0.15))
        return out

    def _earlier_scenes(self, clause: Token) -> list[Token]:
        """``Xの開発では、…を複製し、…追加学習した``: a では-phrase of a clause chained before
        this one sets the scene of the whole chain (read as a purpose event's owner only)."""
        out = []
        stack = [c for c in clause.children if c.dep_ == "advcl" and c.i < clause.i]
        while stack:
            chained = stack.pop()
            for child in chained.children:
                if child.dep_ == "advcl" and child.i < chained.i:
                    stack.append(child)
                elif (
                    child.lemma_ in _PURPOSE_EVENTS
                    and surface_marker(self.text, child.idx + len(child.text)) == "では"
                ):
                    out.append(child)
        return out

    def _anaphoric(self, noun: Token) -> bool:
        """``同ラウンド``, ``このラウンド``, ``今回の増資``: a noun pointing back in the text."""
        before = self.text[max(0, noun.idx - 3) : noun.idx]
        return noun.text.startswith(_ANAPHOR_PREFIXES) or before.endswith(
            (*_ANAPHOR_PREFIXES, "今回の")
        )
