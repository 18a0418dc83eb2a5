"""Frames from an English dependency parse: a trigger and its arguments by role.

Roles (the ``roles`` of ``data/patterns.yaml``):

* ``subj`` / ``obj``: the active subject and object, with the passive undone ("X was
  acquired by Y": Y subj, X obj); the head of a relative clause fills the role of its
  relative pronoun ("the model that Snowflake built"); a verb with no subject takes
  its coordinated or governing verb's ("developed Quarto and licenses it", "fine-tuned
  X to create Y").
* a preposition's own word for its object: ``from``, ``on``, ``with``, ``in``, ``as``…
* ``result``: what a purpose clause creates ("fine-tuned X to create Y": Y).
* for nouns (event nouns "the acquisition of X by Y", relational nouns "OpenAI CEO Sam
  Altman"): ``holder``, the name the noun describes (apposition, compound head, copula
  subject); ``poss``, the possessor; ``of``, also a compound name before the noun and
  ``at`` ("a partner at Redcliff"); a light verb's subject is ``subj`` ("completed the
  acquisition of X").
* ``prefix``: the name in "Microsoft-owned", "Tencent-backed", "Vireo-based".

Constructions that stand for a relation get an ``@`` trigger: ``@possessive`` ("Meta's
Llama 3", "its Kimi chatbot"), ``@compound`` ("Google Gemini"), ``@threat`` and
``@winner`` ("sees X as a threat", "expects X to win").

Frames that are negated, planned, denied, modal or about a former tie are kept with
their ``blocked`` reason: they state no fact but still tell what fills each role.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.extraction.patterns import PatternIndex
from graph.extraction.readings import Frame, Vote
from graph.lang.en.cues import Cues, word_set
from graph.lang.en.holders import RelationalNouns
from graph.lang.en.names import NameSpan, SentenceNames
from graph.lang.en.parse import TITLE_WORDS, department_of_title
from graph.lang.en.references import ArgumentResolver, Target
from graph.lang.en.repairs import CREATE, ParseRepairs
from graph.lang.en.slots import Slots
from graph.lang.en.syntax import (
    amount_verb,
    block_reason,
    contrasted,
    is_passive,
    kids,
    lemma,
    misparsed_subject,
    nominal,
    noun_words,
    own_possessor,
    past_post,
    prep_role,
    tables,
    verb_arguments,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["ROLES", "FrameReader", "RoleTable", "role_table"]

ROLES = frozenset(
    {
        "subj",
        "obj",
        "holder",
        "poss",
        "of",
        "by",
        "in",
        "on",
        "with",
        "to",
        "from",
        "as",
        "for",
        "between",
        "into",
        "at",
        "against",
        "over",
        "than",
        "among",
        "under",
        "behind",
        "about",
        "via",
        "prefix",
        "result",
    }
)
_RELATIVE = frozenset({"which", "that", "who", "whom", "whose"})
#: "performs best", "did better than", "scores higher than": comparisons of quality.
_PERFORM = frozenset({"perform", "do", "score", "fare", "rank", "come", "finish"})
_GOOD = frozenset({"good", "well", "high", "better", "best", "higher", "highest"})
_TERM_CLASSES = frozenset({"Technique", "Concept"})
#: Labels of a name before a noun it modifies ("OpenAI CEO", "Uber rival", "Nimbus rival").
#: Verbs whose object is a participant of the event that is their subject.
_INCLUDE_VERBS = frozenset({"include", "feature", "involve"})
#: Nouns of kinship between companies (see FrameReader._kin_noun).
_KIN_WORDS = frozenset({"sister", "sibling", "peer", "fellow"})
_NAME_MODIFIERS = frozenset({"compound", "nmod", "nummod", "amod", "npadvmod"})
#: Weight of a class implied by a role beyond doubt ("trained on X": X is data).
ROLE_CUE = 2.5


class FrameReader(ParseRepairs, RelationalNouns):
    """Reads the frames of one parsed sentence."""

    def __init__(
        self,
        names: SentenceNames,
        cues: Cues,
        index: PatternIndex,
        resolver: ArgumentResolver,
        roles: RoleTable | None = None,
    ) -> None:
        self.names = names
        self.doc = names.sentence.doc
        self.offset = names.sentence.start
        self.cues = cues
        self.index = index
        self.resolver = resolver
        self.triggers = index.triggers
        self.roles = roles if roles is not None else role_table(index)
        self._stance_verbs = cues.regard_verbs | cues.expect_verbs
        self._accepts: dict[tuple[str, str], tuple[frozenset[str] | None, bool]] = {}
        self.frames: list[Frame] = []

    # -- entry point
    def read(self) -> list[Frame]:
        """Every frame of the sentence. Only tokens whose lemma can start a frame are
        looked at closely (a trigger, a stance verb, the base of a phrasal trigger, the
        head of a possessor): the rest of the sentence costs one look each."""
        tokens = self.names.tokens
        table = tables(self.doc)
        labels, heads, texts = table.deps, table.heads, table.texts
        possessed = {heads[i] for i, dep in enumerate(labels) if dep == "poss"}
        starts = _frame_starts(self.index, self.cues)
        for i, word in enumerate(table.lemmas):
            dep = labels[i]
            if i in possessed:
                self._possessive(tokens[i])
            elif (
                dep == "case" or dep == "dep" or (dep == "punct" and texts[i] in ("'s", "’s"))
            ) and labels[heads[i]] != "poss":  # a possessive the parser took for punctuation
                self._surface_possessive(tokens[i])
            if word not in starts and not texts[i].lower().endswith("ing"):
                continue
            token = tokens[i]
            if self.names.at(token) is None or token.i in self.names.heads:
                # A noun with a subject and an object is a verb the tagger missed
                # ("Analysts at X view Y as the winner").
                deps = {c.dep_ for c in kids(token)}
                verbal = {"nsubj", "dobj"} <= deps
                if (
                    token.pos_ in ("VERB", "AUX", "ADJ") or token.tag_ == "VBN" or verbal
                ) and not self._misparsed_title(token):
                    self._clause(token)
                if (nominal(token) or self._relational_modifier(token)) and not self.names.at(
                    token
                ):
                    self._nominal(token)
            self._participle(token)
            self._misparsed_verb(token)
            self._misparsed_gerund(token)
            self._surface_triple(token)
            self._plural_verb(token)
        for token in tokens:
            if token.pos_ == "ADJ" and token.dep_ == "acomp":
                self._predicate_adjective(token)
        self._merged_parts()
        self._maker_from()
        self._pseudo_cleft()
        return self.frames

    def _predicate_adjective(self, adjective: Token) -> None:
        """ "Orvik-7B is better than Tarn-13B", "X is superior to Y": an adjective after
        "be" takes the copula's subject (the lemmatizer makes "better" "well", so the
        word itself is the trigger)."""
        verb = adjective.head
        if lemma(verb) != "be":
            return
        trigger = adjective.lower_ if adjective.lower_ in self.triggers else lemma(adjective)
        if trigger not in self.triggers or trigger in ("well", "good"):
            return
        slots = Slots()
        for child in kids(verb):
            if child.dep_ == "nsubj":
                slots.add("subj", self._resolve(trigger, "subj", child))
        for prep in kids(adjective):
            role = prep_role(prep) if prep.dep_ == "prep" else None
            if role in ("than", "to"):
                for pobj in kids(prep):
                    if pobj.dep_ == "pobj":
                        slots.add(role, self._resolve(trigger, role, pobj, slots.keys()))
        if any(role == "subj" for role, _ in slots.items):
            self._emit(trigger, adjective, slots, block_reason(verb, self.cues))

    def _maker_from(self) -> None:
        """ "OpenHathi from Indian startup Sarvam AI", "X is a large language model from
        Sarvam AI": a thing named with "from" and a company is that company's (an
        ``@from`` frame; the patterns keep only models and products made by companies)."""
        for span in self.names.spans:
            if span.reference:
                continue
            token = self.doc[span.end_token - 1]
            things = [token]
            head = token.head
            adjacent = False
            if (
                token.dep_ in _NAME_MODIFIERS
                and head.i == span.end_token
                and head.pos_ == "NOUN"
                and self.names.at(head) is None
                and (
                    self.cues.type_of(noun_words(head)) is not None
                    or lemma(head) in self.cues.series_nouns
                )
            ):
                # "the Wren series from Pellory", "the Quill dataset from Harlix":
                # the type noun the name is compounded with carries the "from" (right
                # after it: the small parser hangs later ones anywhere)
                token, adjacent = head, True
            if token.dep_ == "attr" and lemma(token.head) == "be":
                things = []  # "X is a model from Y": the subject of the copula
                for child in kids(token.head):
                    if child.dep_ == "nsubj" and self.names.at(child) is not None:
                        things.append(child)
            for prep in kids(token):
                if prep.dep_ != "prep" or prep.lower_ != "from":
                    continue
                if adjacent and prep.i != token.i + 1:
                    continue
                for pobj in kids(prep):
                    if pobj.dep_ != "pobj" or self.names.at(pobj) is None:
                        continue
                    for thing in things:
                        slots = Slots()
                        slots.add("obj", [Target(self.names.at(thing))])  # type: ignore[arg-type]
                        slots.add("subj", self._resolve("@from", "subj", pobj))
                        self._emit("@from", prep, slots, None)

    def _relational_modifier(self, token: Token) -> bool:
        """ "rival Anthropic", "rival labs A and B": a relational adjective before a name."""
        if (lemma(token), "holder") not in self.roles:
            return False
        # "rival Anthropic"; "president and co-founder Greg Brockman" with the second
        # title tagged a verb
        return token.dep_ == "amod" or len(self.title_chain(token)) > 1

    # -- shared helpers
    def _is_name(self, token: Token) -> bool:
        return self.names.at(token) is not None

    def _classes(self, trigger: str, role: str) -> frozenset[str] | None:
        return self.roles.get((trigger, role)) or self.roles.get(("*", role))

    def _resolve(
        self, trigger: str, role: str, token: Token, exclude: set[str] | None = None
    ) -> list[Target]:
        cached = self._accepts.get((trigger, role))
        if cached is None:
            found = [self._classes(trigger, single) for single in role.split("|")]
            classes = frozenset().union(*(c for c in found if c)) if any(found) else None
            cached = self._accepts[(trigger, role)] = (
                classes,
                bool(classes and classes & _TERM_CLASSES),
            )
        classes, terms = cached
        found = self.resolver.targets(token, classes, terms=terms, exclude=frozenset(exclude or ()))
        if not found and role == "obj" and lemma(token) in self.cues.unit_nouns:
            return self._unit_owner(trigger, token)
        return found

    def _unit_owner(self, trigger: str, unit: Token) -> list[Target]:
        """ "runs Pellory's AI division", "a cloud group at Tarnwick led by X": the one who
        leads a company's unit works for the company (its possessor or the company
        compounded with it), for the relations of staff only."""
        if not any(p.relation == "worksFor" for p in self.index.for_trigger(trigger)):
            return []
        for child in kids(unit):
            if child.dep_ in ("poss", "compound") and child.i < unit.i:
                named = self.names.at(child)
                if named is not None and self.resolver.class_of(named) != "Person":
                    if not named.reference and all(v.cue != "unit-owner" for v in named.votes):
                        # a company's unit: the owner is a company
                        named.votes.append(Vote("Organization", ROLE_CUE, "unit-owner"))
                    return [Target(named, "unit", 0.05)]
        return []

    def _emit(self, trigger: str, anchor: Token, slots: Slots, blocked: str | None) -> None:
        relations = {p.relation for p in self.index.for_trigger(trigger)}
        if relations & _WHOLE_COMPANY:
            # "a start-up founded by researchers from Meta and Google": people from a company
            # speak or work for it, but what they found is theirs, not the company's; "set
            # up the Vexo research team", "bought the Vexo chip unit": a part, not the company
            dropped = {"part", "affiliation"} if "founded" in relations else {"part"}
            kept = [(role, t) for role, t in slots.items if t.via not in dropped]
            if len(kept) != len(slots.items):
                slots = Slots()
                slots.items.extend(kept)
        for role, target in slots.items:
            for single in role.split("|"):
                cue = self.cues.role_cues.get((trigger, single))
                span = target.span
                if (
                    cue
                    and not span.reference
                    and target.via != "source"  # data from a model leaves it a model
                    and all(v.cue != cue[1] for v in span.votes)
                ):
                    span.votes.append(Vote(cue[0], ROLE_CUE, cue[1]))
        arguments = slots.arguments(self.offset)
        # "Cognition raised $400 million.": one name in its role states no relation but is
        # evidence of its class (only a company raises money); such a frame stays for the
        # class decision and matches nothing.
        lone = len({a.key for a in arguments}) < 2
        symmetric = any(p.symmetric for p in self.index.for_trigger(trigger))
        if (
            symmetric
            and not any("with" in a.role.split("|") for a in arguments)
            and self._unnamed_party(anchor)
        ):
            # "A, B and other vendors have partnerships with industry": the other party is
            # named by a common noun, so the group's members are not each other's partners
            return
        if lone and not symmetric and (not arguments or blocked is not None):
            return
        if blocked is None:
            self._remember_investee(trigger, slots)
        start = self.offset + anchor.idx
        self.frames.append(Frame(trigger, start, start + len(anchor), arguments, blocked))

    def _unnamed_party(self, anchor: Token) -> bool:
        """The trigger (or the light verb it is the object of) has a "with" whose object
        is a common noun, no name and no stand-in for one ("with industry", "with
        hospitals"; "with each other" is the group itself)."""
        hosts = [anchor]
        if anchor.dep_ == "dobj":
            hosts.append(anchor.head)
        for host in hosts:
            for prep in kids(host):
                if prep.dep_ != "prep" or prep.lower_ != "with" or prep.i < anchor.i:
                    continue
                for pobj in kids(prep):
                    if pobj.dep_ != "pobj" or pobj.lower_ in _RECIPROCAL:
                        continue
                    if (
                        pobj.pos_ == "NOUN"
                        and pobj.text.islower()
                        and not self._is_name(pobj)
                        and not any(self._is_name(t) for t in pobj.subtree)
                        and not _determined(pobj)
                    ):
                        return True
        return False

    def _remember_investee(self, trigger: str, slots: Slots) -> None:
        """The company an investment went into is one that raised money: a later "the
        round" or "other investors" is about it. Only a deal told as an event counts; a
        title describes ("Lightspeed, an early backer of companies including Snap, is
        leading Mistral's round": the round is Mistral's)."""
        if any(role == "holder" for role, _ in slots.items):
            return
        for pattern in self.index.for_trigger(trigger):
            if pattern.relation != "investedIn":
                continue
            for role, target in slots.items:
                if pattern.object_role in role.split("|") and target.via != "topic":
                    self.resolver.raised(target)
                    return

    def _trigger_of(self, verb: Token) -> str | None:
        base = lemma(verb)
        for child in kids(verb):
            if child.dep_ == "prt":
                phrasal = f"{base} {child.lower_}"
                if phrasal in self.triggers:
                    return phrasal
        for prep in kids(verb):  # "brought Mipsology into the fold": bought it
            idiom = f"{base} into the fold"
            if (
                prep.dep_ == "prep"
                and prep.lower_ == "into"
                and idiom in self.triggers
                and any(lemma(p) == "fold" for p in kids(prep) if p.dep_ == "pobj")
            ):
                return idiom
        for child in kids(verb):  # "joined forces with X": a verb and its object noun
            if child.dep_ == "dobj" and self.names.at(child) is None:
                idiom = f"{base} {child.lower_}"
                if idiom in self.triggers:
                    return idiom
        if base in self._stance_verbs:
            stance = self._stance(verb)
            if stance:
                return stance[0]
        return base if base in self.triggers else None

    # -- stances: "sees X as a threat", "considers X a threat", "expects X to win"
    def _stance(self, verb: Token) -> tuple[str, Token | None, Token] | None:
        """(trigger, object token or None, complement) of a stance verb."""
        word = lemma(verb)
        if word in self.cues.regard_verbs:
            for child in kids(verb):
                nouns: list[Token] = []
                if child.dep_ == "prep" and child.lower_ == "as":
                    nouns = [c for c in kids(child) if c.dep_ == "pobj"]
                elif child.dep_ in ("oprd", "dobj", "ccomp", "xcomp", "attr"):
                    nouns = [child]
                for noun in nouns:
                    kind = self._stance_kind(noun)
                    if kind:
                        inner = [c for c in kids(noun) if c.dep_ == "nsubj"]
                        return kind, (inner[0] if inner else None), noun
        if word in self.cues.expect_verbs:
            for child in kids(verb):
                if child.dep_ in ("ccomp", "xcomp") and lemma(child) in self.cues.win_verbs:
                    inner = [c for c in kids(child) if c.dep_ == "nsubj"]
                    objects = [c for c in kids(verb) if c.dep_ == "dobj"]
                    target = inner[0] if inner else (objects[0] if objects else None)
                    return "@winner", target, child
        return None

    def _surface_list(self, last: Token) -> list[Token]:
        """ "Vexo Capital, Tarn Ventures and Brisk Partners invested in X", parsed as no
        list (the parser made the first names a modifier and a root): by the words, the
        names before "and" set off by commas alone ("Like A, B and C invested": not A)."""
        doc = self.doc
        own = self.names.at(last)
        i = own.start_token if own is not None else last.i
        if i < 2 or doc[i - 1].lower_ != "and":
            return []
        members: list[Token] = []
        j = i - 3 if doc[i - 2].text == "," else i - 2
        while j >= 0:
            span = self.names.at(doc[j])
            if span is None:
                return members  # "In 2020, B and C": the comma closed another phrase
            members.append(doc[span.end_token - 1])
            k = span.start_token - 1
            if k < 0 or doc[k].text != ",":
                if k >= 0 and doc[k].pos_ == "ADP":
                    members.pop()  # "Like Vexo Capital, …": set apart by the preposition
                return members
            j = k - 1
        return members

    def _stance_kind(self, noun: Token) -> str | None:
        word = lemma(noun)
        if word in self.cues.threat_nouns:
            return "@threat"
        if word in self.cues.winner_nouns:
            return "@winner"
        return None

    # -- clauses
    def _clause(self, verb: Token) -> None:
        if lemma(verb) == "be":
            return
        if lemma(verb) in _PERFORM and self._comparison(verb):
            return
        trigger = self._trigger_of(verb)
        if trigger is None:
            return
        slots = Slots()
        stance = self._stance(verb) if trigger.startswith("@") else None
        complement = stance[2] if stance else None
        passive = is_passive(verb)
        if self._reduced_relative(verb, trigger):
            return
        for role, token in verb_arguments(verb, self._is_name):
            if complement is not None and (token == complement or token.head == complement):
                continue
            if contrasted(token):
                continue
            span = self.names.at(token)
            if span is not None and span.start_token <= token.head.i < span.end_token:
                # "On the Dangers of X was co-written by …": the preposition is the
                # title's first word, and the title the clause's missing argument.
                role = "obj" if passive else "subj"
            if role == "as" and stance:
                continue
            slots.add(role, self._resolve(trigger, role, token, slots.keys()))
            if role == "subj" and token.i < verb.i and not token.conjuncts:
                for member in self._surface_list(token):
                    slots.add(role, self._resolve(trigger, role, member, slots.keys()), "list")
        if stance and stance[1] is not None:
            slots.add("obj", self._resolve(trigger, "obj", stance[1]))
        if complement is not None:  # "regarded as the winner ... by analysts at X"
            for child in kids(complement):
                if child.dep_ == "prep" and child.lower_ == "by" and passive:
                    for pobj in kids(child):
                        if pobj.dep_ == "pobj":
                            slots.add("subj", self._resolve(trigger, "subj", pobj))
        self._relative_head(verb, trigger, slots, passive)
        self._inherited_subject(verb, trigger, slots, passive)
        self._result(verb, trigger, slots)
        blocked = block_reason(verb, self.cues) or _left_since(verb, trigger) or past_post(verb)
        if lemma(verb) in _RAISING and not blocked:
            for role, target in slots.items:
                if role == "subj":
                    self.resolver.raised(target)
        self._emit(trigger, verb, slots, blocked)
        if any(c.dep_ == "advmod" and c.lower_ in _JOINTLY for c in kids(verb)):
            # "OpenAI, Kakao to jointly develop AI products": those who act jointly partner
            joint = Slots()
            joint.items.extend(item for item in slots.items if item[0] in ("subj", "with"))
            self._emit("@jointly", verb, joint, blocked)
        if any(role == "obj" and target.via == "share" for role, target in slots.items):
            # "owns 11 per cent of OpenAI": a shareholder, so an investor
            self._emit("@stake", verb, slots, blocked)

    def _comparison(self, verb: Token) -> bool:
        """ "X performs better than Y", "X did better than Y", and the cleft "It is X, not
        Y, that performs best": a ``@better`` frame (subject, and ``than`` for Y)."""
        degree = next((c for c in kids(verb) if c.dep_ == "advmod" and lemma(c) in _GOOD), None)
        if degree is None:
            return False
        trigger = "@better"
        slots = Slots()
        subjects = [t for r, t in verb_arguments(verb, self._is_name) if r == "subj"]
        if verb.dep_ == "relcl" and any(c.lower_ in _RELATIVE for c in kids(verb)):
            subjects.append(verb.head)
        focus = _cleft_focus(verb)
        if focus is not None:
            subjects = [s for s in subjects if s.lower_ not in _RELATIVE] + [focus[1]]
        for subject in subjects:
            slots.add("subj", self._resolve(trigger, "subj", subject))
            for other in kids(subject):  # "Osprey-13B, not the far larger Condor-70B"
                if other.dep_ in ("appos", "conj") and contrasted(other):
                    slots.add("than", self._resolve(trigger, "than", other), "contrast")
        for holder in (verb, degree):
            for prep in kids(holder):
                if prep.dep_ == "prep" and prep.lower_ == "than":
                    for pobj in kids(prep):
                        slots.add("than", self._resolve(trigger, "than", pobj))
        self._emit(trigger, verb, slots, block_reason(verb, self.cues))
        return True

    def _relative_head(self, verb: Token, trigger: str, slots: Slots, passive: bool) -> None:
        """The noun a relative clause or a participle modifies fills the missing role."""
        focus = _cleft_focus(verb)
        if focus is not None:  # "It was Brenton Labs that built the Quasar-4 model"
            pronoun, named = focus
            role = "subj" if pronoun.dep_ == "nsubj" else "obj"
            if passive and pronoun.dep_ == "nsubjpass":
                role = "obj"
            slots.add(role, self._resolve(trigger, role, named, slots.keys()), "cleft")
            return
        if verb.dep_ not in ("relcl", "acl") or verb.head == verb:
            return
        subject = misparsed_subject(verb)
        if subject is not None:  # "The company partnered with X"
            slots.add("subj", self._resolve(trigger, "subj", subject, slots.keys()), "tree")
            return
        role = None
        for child in kids(verb):
            if child.lower_ in _RELATIVE:
                if child.dep_ in ("nsubj",):
                    # "Lumira, which Torvald Cloud bought": the small parser labels the
                    # pronoun a subject beside the clause's own; then it is the object
                    role = "obj" if _second_subject(verb, child) else "subj"
                elif child.dep_ in ("nsubjpass", "dobj"):
                    role = "obj"
            elif child.dep_ == "prep":
                for pobj in kids(child):
                    if pobj.lower_ in _RELATIVE and pobj.dep_ == "pobj":
                        role = prep_role(child)
        if role is None:
            if any(c.lower_ in ("where", "when", "whereby") for c in kids(verb)):
                return  # "Fernlight, where he led the team": the head is where it happened
            roles = {r for r, _ in slots.items} | {r for r, _ in verb_arguments(verb)}
            if passive or (verb.dep_ == "relcl" and "subj" in roles and "obj" not in roles):
                role = "obj"
            elif verb.dep_ == "acl" and verb.tag_ == "VBG":
                role = "subj"  # "a startup building search tools"
            elif verb.dep_ == "relcl" and "subj" not in roles:
                role = "subj"
            else:
                return
        head = verb.head
        named = self.names.at(head)
        if named is None:
            beside = self._name_before_relative(verb)
            if beside is not None:  # "co-founder and CEO Ada Voss, who now runs …"
                head, named = beside, self.names.at(beside)
        closest = self._name_before_clause(verb)
        if named is not None and closest is not None:
            found = self._resolve(trigger, role, head, slots.keys())
            if any(self._described_apart(t.span, closest) for t in found):
                # "hired A, a researcher from X, and B, who worked at Y": set off by a
                # comma after members with descriptions of their own, the clause is of the
                # name before it (the parser may hang it on the first member)
                slots.add(role, [Target(closest)], "relative")
                return
        group = _group_subject(head) if named is None else None
        if group is not None:
            # "Companies that have invested in X include A and B", "some of the people and
            # groups that put money into the round included A, B": the ones included
            for child in kids(group.head):
                if child.dep_ == "dobj":
                    slots.add(role, self._resolve(trigger, role, child, slots.keys()), "included")
            return
        if named is not None and any(c.i > verb.i for c in head.conjuncts):
            # "include Ha, who helped set up X, and Llion Jones": a relative clause between
            # two conjuncts is of the one before it
            slots.add(role, [Target(named)], "relative")
            return
        slots.add(role, self._resolve(trigger, role, head, slots.keys()), "relative")

    def _name_before_clause(self, verb: Token) -> NameSpan | None:
        """The name right before the comma that opens a relative clause ("B, who …")."""
        start = verb.left_edge.i
        if start < 2 or self.doc[start - 1].text != "," or self.doc[start].lower_ not in _RELATIVE:
            return None
        return self.names.at(self.doc[start - 2])

    def _described_apart(self, first: NameSpan, last: NameSpan) -> bool:
        """Two members of a list with a description between them ("A, a researcher from
        X, and B"): each has its own; "A and B, who both …" share the clause."""
        if last.start_token <= first.start_token:
            return False
        between = self.doc[first.end_token : last.start_token]
        return any(t.text not in (",", "and", "or") and self.names.at(t) is None for t in between)

    def _name_before_relative(self, verb: Token) -> Token | None:
        """The name right before ", who" when the parser hung the relative clause from a
        noun above it: "including co-founder and CEO Ada Voss, who now runs X" (from
        "co-founder", whose conjunct the name is). A relative pronoun follows the noun
        phrase it stands for, so the name inside the head's phrase just before it is
        that phrase."""
        pronoun = next((c for c in kids(verb) if c.lower_ in ("who", "whom")), None)
        if pronoun is None or pronoun.i < 2 or self.doc[pronoun.i - 1].text != ",":
            return None
        last = self.doc[pronoun.i - 2]
        span = self.names.at(last)
        if span is None or span.reference:
            return None
        if verb.head not in last.ancestors:
            return None
        return last

    def _inherited_subject(self, verb: Token, trigger: str, slots: Slots, passive: bool) -> None:
        """A verb with no subject of its own: "developed X and licenses it", "fine-tuned X
        to create Y" (the governing verb's subject), or a passive participle's noun."""
        roles = {r for r, _ in slots.items}
        wanted = "obj" if passive else "subj"
        if wanted in roles:
            return
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in kids(verb)):
            return  # "the model picks experts, and those experts use X": a subject of its own
        head = verb.head
        if verb.dep_ == "conj" or (verb.dep_ in ("xcomp", "advcl") and not passive):
            for role, token in verb_arguments(head):
                if verb.dep_ != "conj" and _extraposed(token):
                    continue  # "It is possible to use X": nobody in particular
                head_passive = is_passive(head)
                if role == ("obj" if head_passive else "subj") and not passive:
                    via = "conj" if verb.dep_ == "conj" else "control"
                    found = self._resolve(trigger, "subj", token, slots.keys())
                    slots.add("subj", found, via, 0.05)
                elif role == "obj" and passive and head_passive and verb.dep_ == "conj":
                    slots.add("obj", self._resolve(trigger, "obj", token), "conj", 0.05)
                elif role == "subj" and passive and not head_passive and verb.dep_ == "conj":
                    # "It is the largest model … and was trained on X": the subject
                    slots.add("obj", self._resolve(trigger, "obj", token), "conj", 0.05)
            if head.dep_ in ("relcl", "acl") and verb.dep_ == "conj":
                self._relative_head(head, trigger, slots, is_passive(head))
            elif head.dep_ in ("relcl", "acl") and not passive and "subj" not in slots_roles(slots):
                # "a model that was trained using X", "Sorvin, a model crafted using X": the
                # controlling verb's own end is the noun its clause describes
                described = Slots()
                head_passive = is_passive(head)
                self._relative_head(head, trigger, described, head_passive)
                for role, target in described.items:
                    if role == ("obj" if head_passive else "subj"):
                        slots.add("subj", [target], "control", 0.05)
        elif (
            passive
            and verb.dep_ == "advcl"
            and verb.tag_ == "VBN"
            and verb.i < head.i
            and not any(c.dep_ in ("auxpass", "mark") for c in kids(verb))
        ):  # "Founded in 2021 by X, Anthropic has …": the participle is about the subject
            for role, token in verb_arguments(head):
                if role == ("obj" if is_passive(head) else "subj"):
                    found = self._resolve(trigger, "obj", token, slots.keys())
                    slots.add("obj", found, "participle", 0.05)

    def _result(self, verb: Token, trigger: str, slots: Slots) -> None:
        """ "fine-tuned X to create Y": Y is what the fine-tuning made."""
        for child in kids(verb):
            if child.dep_ in ("xcomp", "advcl") and lemma(child) in CREATE:
                for role, token in verb_arguments(child):
                    if role == "obj":
                        slots.add("result", self._resolve(trigger, "result", token), "purpose")

    # -- nouns: events ("the acquisition of X by Y") and relations ("OpenAI CEO Sam Altman")
    def _noun_trigger(self, noun: Token) -> str | None:
        word = lemma(noun)
        for child in kids(noun):
            if child.dep_ in ("amod", "compound") and child.i == noun.i - 1:
                for modifier in (lemma(child), child.lower_):
                    joined = f"{modifier} {word}"
                    if joined in self.triggers:
                        return joined
        return word if word in self.triggers else None

    def _nominal(self, noun: Token) -> None:
        trigger = self._noun_trigger(noun)
        if trigger is None:
            return
        host = noun
        while host.dep_ == "compound" and host.head.pos_ == "NOUN" and not self.names.at(host.head):
            host = host.head
        slots = Slots()
        blocked = block_reason(noun, self.cues) or (
            block_reason(host, self.cues) if host != noun else None
        )
        children = {c.i: c for c in (*kids(noun), *kids(host))}.values()
        owners = [c for c in children if c.dep_ == "poss"]
        preps = [c for c in children if c.dep_ == "prep"]
        by_present = any(p.lower_ == "by" for p in preps)
        of_present = any(p.lower_ == "of" for p in preps)
        for owner in owners:  # first: "its" is the subject; "the company" someone else
            role = "poss|of|obj" if by_present and not of_present else "poss|of"
            slots.add(role, self._resolve(trigger, role, owner, slots.keys()))
        for prep in sorted(preps, key=lambda t: t.i):
            role = prep_role(prep)
            if role is None:
                continue
            joined = {"of": "of|obj", "by": "by|subj", "at": "at|of"}.get(role, role)
            for pobj in kids(prep):
                if pobj.dep_ != "pobj":
                    continue
                named = self.names.at(pobj)
                if (
                    role == "of"
                    and named is not None
                    and named.start_token == prep.i + 2
                    and department_of_title(self.doc, prep.i + 1)
                ):
                    # "VP of Research Barret Zoph": the department ends the title, and the
                    # name after it holds it ("former VP of Research X" held it once)
                    slots.add("holder", [Target(named)], "beside")
                    if self._former_prefix(noun):
                        blocked = blocked or "former"
                    continue
                slots.add(joined, self._resolve(trigger, joined, pobj, slots.keys()))
        for child in kids(noun):
            if child.dep_ in _NAME_MODIFIERS and child.i < noun.i and self.names.at(child):
                # "Databricks’ purchase of X": a bare apostrophe the parser left as
                # punctuation still makes the name a possessor
                role = "poss|of" if _apostrophe_after(child) else "of"
                slots.add(role, self._resolve(trigger, role, child))
        edge = noun.left_edge.i
        if (
            edge >= 2
            and _apostrophe_after(self.doc[edge - 2])
            and self._is_name(self.doc[edge - 2])
        ):
            # "Corvid Systems’ purchase of X", the apostrophe left outside the phrase
            slots.add("poss|of", self._resolve(trigger, "poss|of", self.doc[edge - 2]))
        comma = self._comma_title(noun)
        if comma is not None:  # "said Lisa Su, AMD Chair and CEO"
            person, company = comma
            slots.add("holder", [Target(self.names.at(person))], "comma")  # type: ignore[arg-type]
            slots.add("of", self._resolve(trigger, "of", company, slots.keys()))
        before = None if comma is not None else self._before_title(noun)
        if before is not None:
            # "Tessel CEO Marguerite Olsen", "Tessel Chief Executive Officer M. Olsen"
            slots.add("of", self._resolve(trigger, "of", before))
        for participle in self._event_participles(host):  # "a round led by Garrick"
            if participle.dep_ == "acl" and is_passive(participle):
                for role, token in verb_arguments(participle):
                    if role == "subj":
                        found = self._resolve(trigger, "subj", token, slots.keys())
                        slots.add("subj", found, "participle", 0.05)
        for holder, via in self._holders(noun, host):
            named = self.names.at(holder)
            plural = any(t.tag_ in ("NNS", "NNPS") for t in self.doc[noun.i : holder.i])
            if via == "beside" and named is not None and not plural:
                # "former Google chief Eric Schmidt, French billionaire Xavier Niel": one
                # title, one name ("co-founders A and B" name both)
                slots.add("holder", [Target(named)], via)
                if any(self._former(c) for c in kids(holder) if c.i < noun.i) or (
                    self._former_prefix(noun) or self._leaves_post(holder, slots.keys())
                ):
                    blocked = blocked or "former"
                continue
            slots.add("holder", self._resolve(trigger, "holder", holder, slots.keys()), via)
            if self._former_prefix(noun):
                # "former OpenAI Vice President of Engineering David Luan": a past title
                # however the holder hangs on it (here through "of")
                blocked = blocked or "former"
        self._chained_owners(noun, trigger, slots)
        self._counted_among(host, trigger, slots)
        if (
            host.dep_ == "pobj"
            and host.head.lower_ == "under"
            and not any("of" in role.split("|") for role, _ in slots.items)
        ):  # "IBM, which under chief executive Arvind Krishna has …": the clause's subject
            governor = host.head.head
            for role, token in verb_arguments(governor, self._is_name):
                if role == "subj":
                    slots.add("of", self._resolve(trigger, "of", token, slots.keys()), "under")
            if governor.dep_ == "relcl":
                slots.add("of", self._resolve(trigger, "of", governor.head, slots.keys()), "under")
        self._included(host, trigger, slots)
        joined: Slots | None = None
        light = host.head if host.dep_ in ("dobj", "pobj", "nsubjpass") else None
        if light is not None and host.dep_ == "pobj":
            light = light.head if light.head != light else None
        if light is not None and amount_verb(light) is not None:
            light = amount_verb(light)  # "raised $60 million in a round led by X"
        endowed = light is not None and self._endowed(light, trigger)
        if endowed:  # "emerged from stealth with $5 million in funding led by X"
            light = light.head.head  # type: ignore[union-attr]
        alarm = trigger in self.cues.alarm_nouns and light is not None
        if light is not None and (
            endowed
            or lemma(light)
            in self.cues.light_verbs
            | self.cues.raising_verbs
            | self.cues.planning_words
            | self.cues.former_words
            or (alarm and lemma(light) in self.cues.alarm_verbs)  # "sounded the alarm over X"
        ):
            raiser = endowed or self._raised(trigger, light)
            # (with the names the parser hung from the verb by another label: "Tarn
            # Capital joined the round", the name parsed as an adverb)
            for role, token in verb_arguments(light, self._is_name):
                if role == "subj" and token.lower_ in _RELATIVE and light.dep_ == "relcl":
                    token = light.head  # "the startup, which announced a round": the startup
                if role == "subj":
                    end = "poss" if raiser else "subj"
                    slots.add(end, self._resolve(trigger, end, token, slots.keys()), "light", 0.05)
                    employer = self._employer(trigger, end, token)
                    if employer is not None:
                        slots.add(end, [employer], "light", 0.05)
                elif role in ("with", "in", "between", "over", "about", "from") and token != host:
                    slots.add(
                        role, self._resolve(trigger, role, token, slots.keys()), "light", 0.05
                    )
            self._listed_instances(light, host, trigger, slots)
            joined = self._coordinated_light_subjects(light, trigger, slots)
            joined = self._participants(light, host, trigger, slots, joined)
            word = lemma(light)
            if word in self.cues.former_words:
                blocked = blocked or "former"
            elif word in self.cues.planning_words:
                blocked = blocked or "planned"
            blocked = blocked or block_reason(light, self.cues)
        elif host.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr") and not any(
            role == "holder" and target.via not in ("copula", "as") for role, target in slots.items
        ):  # an event in a negated clause states nothing; "its chief scientist, X,
            # previously worked at Y" still names X its chief scientist
            blocked = blocked or _clause_block(host, self.cues)
        for group in self._implicit_ends(noun, host, trigger, slots):
            self._emit(trigger, noun, group, blocked)
        if joined is not None and joined.items:
            self._emit(trigger, noun, joined, blocked)
        self._emit(trigger, noun, slots, blocked)

    @staticmethod
    def _event_participles(host: Token) -> list[Token]:
        """The participles describing an event noun: its own, and those the parser hung
        from the sum before it ("$25 million in funding led by X": led is the
        funding's, not the sum's)."""
        found = list(kids(host))
        if host.dep_ == "pobj" and host.head.dep_ == "prep":
            amount = host.head.head
            if amount_verb(amount) is not None or amount.pos_ == "NUM":
                found += [c for c in kids(amount) if c.i > host.i]
        return found

    def _employer(self, trigger: str, role: str, token: Token) -> Target | None:
        """ "OpenAI chief executive Sam Altman announced a partnership with SoftBank": where
        only companies take the role, an executive named with the company's title acts
        for it (the company before the title)."""
        if "Person" in (self._classes(trigger, role) or {"Person"}):
            return None
        named = self.names.at(token)
        if named is None:
            return None
        before = [c for c in kids(token) if c.dep_ in ("compound", "nmod") and c.i < token.i]
        titles = [
            c
            for c in before
            if self.names.at(c) is None
            and (self.cues.type_of([lemma(c)]) or ("", ""))[0] == "Person"
        ]
        # the company hangs from the title ("OpenAI chief executive officer") or, as the
        # parser often has it, from the name beside the title
        for holder in (*titles, token if titles else None):
            if holder is None:
                continue
            for child in kids(holder):
                company = self.names.at(child)
                if (
                    child.dep_ in ("compound", "nmod", "poss")
                    and child.i < token.i
                    and company is not None
                    and company is not named
                ):
                    return Target(company, "employer", 0.05)
        return None

    def _listed_instances(self, light: Token, host: Token, trigger: str, slots: Slots) -> None:
        """ "Harlix has made several acquisitions, including A, B and C", "it has struck
        partnerships such as X": the names a plural event noun lists (an "including" or
        "such as" phrase of the noun, or of its light verb after the noun) are the
        events' other ends, in the one role the noun's patterns give that end."""
        if host.tag_ not in ("NNS", "NNPS") or (trigger, "holder") in self.roles:
            return
        wanted = {
            p.object_role.split("|")[0]
            for p in self.index.for_trigger(trigger)
            if p.subject_role == "subj"
        }
        if len(wanted) != 1:
            return  # "deals including X": bought, or partnered with?
        role = wanted.pop()
        for place in (host, light):
            for prep in kids(place):
                if prep.dep_ != "prep" or prep.i < host.i:
                    continue
                if prep.lower_ == "including" or (
                    prep.lower_ == "as" and any(c.lower_ == "such" for c in kids(prep))
                ):
                    for pobj in kids(prep):
                        if pobj.dep_ == "pobj" and self._is_name(pobj):
                            found = self._resolve(trigger, role, pobj, slots.keys())
                            slots.add(role, found, "including", 0.05)

    def _endowed(self, amount: Token, trigger: str) -> bool:
        """ "Vexo emerged from stealth with $5 million in funding", "launched with $9
        million in seed financing": a sum of a round held "with" by a clause's subject is
        money the subject raised (only for a round that has an owner's role)."""
        if amount.pos_ != "NUM" and amount.lower_ not in ("million", "billion", "trillion"):
            return False
        prep = amount.head
        if amount.dep_ != "pobj" or prep.lower_ != "with" or prep.head.pos_ not in ("VERB",):
            return False
        return any(
            p.relation == "investedIn" and p.subject_role == "subj" and p.object_role == "poss"
            for p in self.index.for_trigger(trigger)
        )

    def _raised(self, trigger: str, light: Token) -> bool:
        """ "Vexo closed a round": the subject of a raising verb is the company a round is
        for (the possessor: "its round"), where the event's subject is the investor."""
        if lemma(light) not in self.cues.raising_verbs:
            return False
        return any(
            p.subject_role == "subj" and p.object_role == "poss"
            for p in self.index.for_trigger(trigger)
        )

    def _included(self, host: Token, trigger: str, slots: Slots) -> None:
        """ "a funding round that includes Nvidia", "The round included A and B": what an
        event includes takes part in it (its subject); what a round values is the company
        it is for."""
        if (trigger, "subj") not in self.roles or (trigger, "holder") in self.roles:
            return
        for verb in kids(host):  # "the round, which values Vexo at $1 billion": Vexo's
            if verb.dep_ == "relcl" and lemma(verb) == "value" and (trigger, "poss") in self.roles:
                for child in kids(verb):
                    if child.dep_ == "dobj":
                        slots.add("poss", self._resolve(trigger, "poss", child, slots.keys()))
        verbs = [c for c in kids(host) if c.dep_ == "relcl" and lemma(c) in _INCLUDE_VERBS]
        verbs = [v for v in verbs if any(c.lower_ in ("that", "which") for c in kids(v))]
        if host.dep_ == "nsubj" and lemma(host.head) in _INCLUDE_VERBS:
            verbs.append(host.head)
        group = _described_group(host)
        if group is not None and lemma(group.head) in _INCLUDE_VERBS:
            # "Other companies involved in the Vexo funding include A and B", "Investors
            # taking part in the round include X": those a group in the event includes
            verbs.append(group.head)
        for verb in verbs:
            if block_reason(verb, self.cues):
                continue
            for child in kids(verb):
                if child.dep_ == "dobj":
                    found = self._resolve(trigger, "subj", child, slots.keys())
                    slots.add("subj", found, "included", 0.05)

    def _coordinated_light_subjects(self, light: Token, trigger: str, slots: Slots) -> Slots:
        """ "The round was led by A and joined by B": a second light verb coordinated with
        the first shares its event noun, and its subject takes part in the event too (a
        frame of its own, so that A, read more directly, does not hide B)."""
        joined = Slots()
        for verb in light.conjuncts:
            if verb.i < light.i or lemma(verb) not in self.cues.light_verbs:
                continue
            if any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in kids(verb)):
                continue  # a clause of its own
            if block_reason(verb, self.cues):
                continue
            for role, token in verb_arguments(verb):
                if role == "subj":
                    found = self._resolve(trigger, "subj", token, slots.keys())
                    joined.add("subj", found, "light", 0.05)
        if joined.items:
            joined.items.extend(item for item in slots.items if item[0] != "subj")
        return joined

    def _counted_among(self, host: Token, trigger: str, slots: Slots) -> None:
        """ "Vexo counts Harrow among its backers", "Marrick, which counts A and B as
        investors": the one who counts a name among its investors, rivals or partners is
        the other end of the relational noun (the noun's "its" is the counter; a named
        possessor, "among Tarn's backers", is left to the possessive)."""
        prep = host.head
        if host.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("as", "among"):
            return
        verb = prep.head
        if lemma(verb) not in _COUNT_VERBS or (trigger, "of") not in self.roles:
            return
        owners = [c for c in kids(host) if c.dep_ == "poss"]
        if any(self.names.at(o) is not None for o in owners):
            return
        for role, token in verb_arguments(verb):
            if role != "subj":
                continue
            if token.lower_ in _RELATIVE and verb.dep_ == "relcl":
                token = verb.head  # "Marrick, which counts …": Marrick
            slots.add("of", self._resolve(trigger, "of", token, slots.keys()), "counted")

    def _participants(
        self, light: Token, host: Token, trigger: str, slots: Slots, joined: Slots
    ) -> Slots:
        """ "X led the round in Vexo, with participation from A and B": the names a
        participation noun hung from the round's clause (its light verb, the round, or
        the participle "led by X") brings in take part in the round too; a frame of its
        own, with the round's other ends, so that the lead investor hides none of them."""
        if (trigger, "subj") not in self.roles:
            return joined
        places = [light, host, *(c for c in self._event_participles(host) if c.dep_ == "acl")]
        found = Slots()
        for place in places:
            for prep in kids(place):
                if prep.dep_ != "prep" or prep.lower_ != "with":
                    continue
                for noun in kids(prep):
                    if noun.dep_ != "pobj" or lemma(noun) not in self.cues.participation_nouns:
                        continue
                    for source in kids(noun):
                        if source.dep_ != "prep" or source.lower_ != "from":
                            continue
                        for pobj in kids(source):
                            if pobj.dep_ == "pobj":
                                targets = self._resolve(trigger, "subj", pobj, slots.keys())
                                found.add("subj", targets, "participation", 0.05)
        if not found.items:
            return joined
        found.items.extend(item for item in slots.items if item[0] != "subj")
        if joined.items:  # both: the participants join the coordinated light subjects
            joined.items.extend(item for item in found.items if item[0] == "subj")
            return joined
        return found

    def _former(self, modifier: Token) -> bool:
        """ "former" before a title, which the parser hangs on the name after it."""
        words = self.cues.former_words
        return modifier.dep_ == "amod" and (modifier.lower_ in words or lemma(modifier) in words)

    def _former_prefix(self, noun: Token) -> bool:
        """ "ex-Apple designer Jony Ive", "former OpenAI researcher X": a word of a past
        post in the few words before the title, however the parser hung it."""
        doc = self.doc
        for token in reversed(doc[max(0, noun.i - 4) : noun.i]):
            if token.lower_ in _FORMER_TITLE:
                return True
            if token.is_punct and token.text != "-":
                return False
            if token.dep_ == "det" or token.pos_ in ("VERB", "ADP", "AUX"):
                return False
        return False

    def _before_title(self, noun: Token) -> Token | None:
        """The name right before a title compounded with the name after it: "Tessel CEO
        Marguerite Olsen" (both compounds of the name), or before a title of one or more
        words right before a name, which the parser often cuts from the company ("Tessel
        Chief Executive Officer Marguerite Olsen", with Tessel left hanging)."""
        doc = self.doc
        i = noun.i
        last = max(noun.i, noun.head.i)
        while i > 0 and doc[i - 1].lower_ in TITLE_WORDS and i <= doc[i - 1].head.i <= last:
            i -= 1
        if i == 0 or not self._is_name(doc[i - 1]):
            return None
        before = doc[i - 1]
        if noun.dep_ == "compound" and before.head == noun.head:
            return before
        beside = self._beside(noun)
        if beside is not None and beside.i == noun.i + 1:
            return before  # name, title, name: however the parser hung them
        return None

    def _comma_title(self, noun: Token) -> tuple[Token, Token] | None:
        """(person, company) of a company's title set off from a name by a comma, read by
        the words: "said Lisa Su, AMD Chair and CEO", "Lena Vostrik, the Brisco Labs
        CEO, said", "AMD Executive Vice President and General Manager, Forrest Norrod".
        The small parser makes the company an apposition of the person and the title a
        part of the company, so the tree links neither. Only a title the clause ends
        after (a comma, a full stop, a quote) or a name ends after: "Tessel CEO Ada Voss"
        is read by the compound, and "A, Tessel CEO B" by the name after the title."""
        doc = self.doc
        words = _TITLE_RUN
        start = end = noun.i
        while start > 0 and doc[start - 1].lower_ in words:
            start -= 1
        while end + 1 < len(doc) and doc[end + 1].lower_ in words:
            end += 1
        if doc[start].lower_ in ("and", "&", "of") or start == 0:
            return None
        company = self.names.at(doc[start - 1])
        if company is None or company.end_token != start:
            return None
        first = company.start_token
        if first > 0 and doc[first - 1].lower_ in ("the", "its"):
            first -= 1
        after = doc[end + 1] if end + 1 < len(doc) else None
        if first >= 2 and doc[first - 1].text == ",":  # "Lisa Su, AMD CEO[,.]"
            person = self.names.at(doc[first - 2])
            if (
                person is not None
                and (after is None or after.is_punct)
                and not (after is not None and after.text in ("'s", "’s"))
            ):
                return doc[person.end_token - 1], doc[company.start_token]
        if (
            after is not None
            and after.text == ","
            and end + 2 < len(doc)
            and (first == 0 or doc[first - 1].is_punct or doc[first - 1].pos_ in ("VERB", "ADP"))
        ):  # "AMD EVP and General Manager, Forrest Norrod[,.]"
            person = self.names.at(doc[end + 2])
            if person is not None:
                close = person.end_token
                if close >= len(doc) or doc[close].is_punct:
                    return doc[person.start_token], doc[company.start_token]
        return None

    def _chained_owners(self, noun: Token, trigger: str, slots: Slots) -> None:
        """ "OpenAI president and co-founder Greg Brockman": the company before the first
        title is the company of every title in the row; "company CEO Sam Altman": a type
        noun before the title stands for the company the text is about."""
        if any(
            c.i < noun.i and c.dep_ in (*_NAME_MODIFIERS, "poss") and self._is_name(c)
            for c in kids(noun)
        ):
            return  # "a Vexo company and Pellory partner": the second has its own company
        chain = self.title_chain(noun)
        if noun.dep_ == "conj" and self._is_title(noun.head) and noun.head not in chain:
            chain.insert(0, noun.head)  # "EVP and CEO of Microsoft AI", as the tree has it
        if not any(p.dep_ == "prep" and p.lower_ == "of" for p in kids(noun)):
            # "co-founder and former chief scientist of Tarnwick": the tree's later
            # conjunct, with words between that break the chain by the words
            chain += [
                c
                for c in kids(noun)
                if c.dep_ == "conj" and c.i > noun.i and self._is_title(c) and c not in chain
            ]
        for title in chain:
            if title != noun:  # "president and CEO of X": the first title's "of"
                for prep in kids(title):
                    if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i > noun.i:
                        for pobj in kids(prep):
                            if pobj.dep_ == "pobj":
                                found = self._resolve(trigger, "of", pobj, slots.keys())
                                slots.add("of", found, "chain")
            for child in kids(title):
                if child.i >= title.i or child.dep_ not in (*_NAME_MODIFIERS, "poss"):
                    continue
                if title != noun and self._is_name(child):
                    slots.add("of", self._resolve(trigger, "of", child, slots.keys()), "chain")
                elif child.dep_ == "compound" and not self._is_name(child) and nominal(child):
                    typed = self.cues.type_of([lemma(child)])
                    if typed and typed[0] == "Organization" and not _filled(slots, "of"):
                        found = self.resolver.implicit(child, frozenset({"Organization"}))
                        if found is not None:
                            slots.add("of", [found], "type-noun")

    def _leaves_post(self, holder: Token, ends: set[str]) -> bool:
        """ "Vexo CEO Ada Voss has resigned from the startup", "… stepped down": the
        title of the one who leaves is the post left (unless the sentence says she left
        another company: "Vexo CEO Ada Voss left Pellory's board")."""
        if holder.dep_ != "nsubj":
            return False
        verb = holder.head
        particles = {c.lower_ for c in kids(verb) if c.dep_ in ("prt", "advmod")}
        word = lemma(verb)
        if word not in _LEFT and not ({f"{word} {p}" for p in particles} & _STEP_DOWN):
            return False
        if verb.tag_ in ("VB", "VBG") or block_reason(verb, self.cues) is not None:
            return False  # "will step down next year", "is stepping down": still in post
        for child in kids(verb):
            objects = [child] if child.dep_ == "dobj" else []
            if child.dep_ == "prep" and child.lower_ in ("from", "as"):
                objects = [c for c in kids(child) if c.dep_ == "pobj"]
            for obj in objects:
                # the object or its owner ("Halden's board"), not a modifier ("the UK
                # AI startup")
                for word in (obj, *(c for c in kids(obj) if c.dep_ == "poss")):
                    named = self.names.at(word)
                    if named is not None and named.key not in ends:
                        return False
        return True

    def _stood_for(
        self, host: Token, classes: frozenset[str], exclude: frozenset[str]
    ) -> Target | None:
        """What a subject stand-in was already resolved to ("The company behind X": the
        company the sentence continues with, see ArgumentResolver.stand_ins), so that one
        noun stands for one name."""
        for span in self.names.spans:
            if (
                span.reference
                and span.start_token == host.i
                and span.key not in exclude
                and self.resolver.class_of(span) in (classes | {None})
            ):
                return Target(span, "anaphor", 0.05)
        return None

    def _implicit_ends(self, noun: Token, host: Token, trigger: str, slots: Slots) -> list[Slots]:
        """Ends of a relational noun the sentence leaves to the context.

        "the ChatGPT owner" (a definite noun with no holder: the nearest fitting name
        before it); "rival Anthropic", "Other investors include …" (a noun of
        ``topic_relatives`` with no other end: the document's topic); "rival labs A and
        B" (several holders and no other end: each other's).
        """
        holder_classes = self.roles.get((trigger, "holder"))
        if holder_classes is None:
            self._implicit_event_end(noun, host, trigger, slots)
            return []
        holders = [t for role, t in slots.items if role == "holder"]
        others = [t for role, t in slots.items if role != "holder"]
        if not holders and others and _determined(host):
            typed = self.cues.type_of(noun_words(host)) or self.cues.type_of([lemma(noun)])
            if typed and typed[0] in holder_classes:
                # "The OpenAI co-founder and CEO met …" stands for a person, "the parent
                # company of X" for a company: never for the name of the other kind last met
                holder_classes = frozenset({typed[0]})
            if (
                typed
                and typed[0] == "Person"
                and host.tag_ in ("NNS", "NNPS")
                and not (host.dep_ == "pobj" and host.head.lower_ in ("of", "among"))
            ):
                # "the Quillon engineers who built X": unnamed people, no one name ("one of
                # the founders of X" picks one out: its holder is the clause's subject)
                return []
            if any(c.dep_ == "nummod" for t in (noun, *kids(noun)) for c in kids(t)):
                return []  # "the seven-billion parameter version of Llama 2": a new thing
            subjects = self._clause_subjects(host)
            exclude = frozenset(slots.keys()) | subjects
            # with the sentence's own subject ruled out, the description points past the
            # sentence: the document's topic ("Kakao will use technology developed by the
            # ChatGPT creator"), not a name met in passing
            local = [
                span
                for span in self.names.spans
                if span.end <= noun.idx
                and not span.reference
                and self.resolver.class_of(span) in holder_classes
            ]
            nearest = max(local, key=lambda s: s.start) if local and not subjects else None
            ends = slots.keys()
            if nearest is not None and nearest.key in ends:
                # the name it would stand for is its own other end ("Meta … the parent
                # company of Facebook", with Facebook a name of Meta): no safe reading
                return []
            found = self._stood_for(host, holder_classes, exclude)
            if found is None:
                found = self.resolver.implicit(noun, holder_classes, exclude, closest=not subjects)
            if found is not None:
                slots.add("holder", [found], "anaphor")
            return []
        if others or not holders or lemma(noun) not in self.cues.topic_relatives:
            return []
        if self._profession(noun):
            return []
        keys = {t.span.key for t in holders}
        alike = all(p.same_class for p in self.index.for_trigger(trigger))
        if len(keys) > 1 and alike:  # "rival labs Anthropic and OpenAI": one frame each
            groups = []
            for member in holders:
                group = Slots()
                group.add("holder", [member])
                group.add("of", [t for t in holders if t.span.key != member.span.key], "group")
                groups.append(group)
            slots.items.clear()
            return groups
        kind = self.resolver.class_of(holders[0].span) if alike else None
        classes = frozenset({kind}) if kind else self.roles.get((trigger, "of"))
        if any(p.relation == "investedIn" for p in self.index.for_trigger(trigger)):
            # "Other investors include A and B": investors of the company that took the
            # money last, not of the article's most named company (often the investor:
            # "Google invested $2 billion in Anthropic. Other investors include …")
            found = self.resolver.raiser(noun, frozenset(keys))
        else:
            found = self.resolver.implicit(noun, classes, frozenset(keys))
        if found is not None:
            slots.add("of", [found], "topic", 0.05)
        return []

    def _clause_subjects(self, host: Token) -> frozenset[str]:
        """Names a description in an object or an agent cannot stand for: the subjects of
        the clauses around it ("Vexo invested in the ChatGPT maker" is not about Vexo; "X
        is built atop the 7B version of Y" makes X no version). A description that is a
        subject itself ("Vexo said the ChatGPT maker would …") may well be the name."""
        keys: set[str] = set()
        token, steps = host, 0
        while token.head != token and steps < 6:
            if token.dep_ in ("nsubj", "nsubjpass", "appos", "conj"):
                break
            token, steps = token.head, steps + 1
            if token.pos_ in ("VERB", "AUX"):
                subjects = [c for c in kids(token) if c.dep_ in ("nsubj", "nsubjpass")]
                for child in subjects:
                    named = self.names.at(child)
                    if named is not None:
                        keys.add(named.key)
                unread = all(
                    c.pos_ == "PRON" and c.lower_ not in _RELATIVE and self.names.at(c) is None
                    for c in subjects
                )
                if subjects and not unread:
                    break  # the nearest clause with a subject ("investors that value …")
        return frozenset(keys)

    def _profession(self, noun: Token) -> bool:
        """ "Daniel Gross, an investor and engineer": coordinated with a word for a trade,
        "investor" names a trade too, not a stake in the company the text is about."""
        words = [c for c in (*noun.conjuncts, *self.title_chain(noun)) if c != noun]
        for word in words:
            typed = self.cues.type_of([lemma(word)])
            if lemma(word) not in self.cues.topic_relatives and typed and typed[0] == "Person":
                return True
        return False

    def _implicit_event_end(self, noun: Token, host: Token, trigger: str, slots: Slots) -> None:
        """ "Anthropic closed a round. The round was led by Coatue": a definite event noun
        with one end stated and the other left to the context (the document's topic)."""
        if not _determined(host) or noun.tag_ == "NNS":
            return
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in (*kids(noun), *kids(host))):
            return  # "the release of ChatGPT", "the formation of a division": said in place
        filled = {single for role, _ in slots.items for single in role.split("|")}
        if filled & {"of", "obj", "poss"}:
            return  # only the agent is stated ("The round was led by X")
        for pattern in self.index.for_trigger(trigger):
            has_subject = not filled.isdisjoint(pattern.subject_role.split("|"))
            has_object = not filled.isdisjoint(pattern.object_role.split("|"))
            if has_subject == has_object:
                continue
            role = pattern.object_role if has_subject else pattern.subject_role
            classes = pattern.object_classes if has_subject else pattern.subject_classes
            if has_subject and pattern.relation == "investedIn" and role == "poss":
                # "Vexo raised $20 million. Tarn Capital led the round.": a round is the
                # company's that last raised money, before the article's topic
                found = self.resolver.raiser(noun, frozenset(slots.keys()))
            else:
                found = self.resolver.implicit(noun, classes, frozenset(slots.keys()))
            if found is not None:
                slots.add(role.split("|")[0], [found], "topic", 0.1)
            return

    # -- noun-phrase constructions
    def _possessive(self, token: Token) -> None:
        """ "Meta's Llama 3", "its Kimi chatbot", "Quayside Software's assistant, Harbor"."""
        owners = [c for c in kids(token) if c.dep_ == "poss"]
        if not owners or self._noun_trigger(token) is not None:
            return
        if token.pos_ not in ("NOUN", "PROPN") and self.names.at(token) is None:
            return
        slots = Slots()
        trigger = "@possessive"
        if token.i in self.names.heads:
            # "Alphabet Inc.'s Google Gemini": the leading company made it (@compound), the
            # possessor is that company's parent: it owns what its company made
            trigger = "@possessive-parent"
        # A possessed name is owned alone: "Microsoft's Bing and Google's Bard", "Microsoft
        # or Alphabet's Google", "Meta's Llama and Mistral" do not share the owner.
        if self._kin_noun(token):
            return
        named = self._adjacent_possessed(owners[0], token) or self.names.at(token)
        if named is None and token.dep_ == "compound" and token.head.i > token.i:
            named = self.names.at(token.head)  # "Torvald Cloud's chat app Murmur": Murmur
        if named is None:
            named = self._named_kind(token)
        owned = [Target(named)] if named else self._resolve(trigger, "obj", token)
        if not owned:
            return
        slots.add("obj", owned)
        for owner in owners:
            slots.add("subj", self._resolve(trigger, "subj", owner, slots.keys()))
        between = self.doc[owners[0].i + 1 : token.i]
        # its model is its model, said or denied; "OpenAI's former CTO Mira Murati" is past
        former = any(t.lower_ in _FORMER_TITLE for t in between)
        self._emit(trigger, owners[0], slots, "former" if former else None)

    def _named_kind(self, kind: Token) -> NameSpan | None:
        """ "Vexo's earlier model, Orbit-2", "Tarn Robotics' humanoid robot Pindle": a
        possessed kind noun of a thing (a model, a robot, a chatbot) followed at once by
        a name, or by a comma and a name, names that thing, whatever the parser hung the
        name on (it often makes it a stray dependent or a clause of its own). A plural
        kind ("OpenAI's models, Claude and Gemini") lists other things, not its own, and
        a name that is itself a possessor ("Vexo's model, Tarn's model") is no
        apposition."""
        if kind.pos_ != "NOUN" or kind.tag_ in ("NNS", "NNPS"):
            return None
        words = [lemma(c) for c in kids(kind) if c.dep_ == "compound" and c.i < kind.i]
        found = self.cues.type_of([*words, lemma(kind)])
        if found is None or found[0] not in _THING_CLASSES:
            return None
        after = kind.i + 1
        if after < len(self.doc) and self.doc[after].text == ",":
            after += 1
        if after >= len(self.doc):
            return None
        span = self.names.at(self.doc[after])
        if span is None or span.start_token != after:
            return None
        end = span.end_token
        if end < len(self.doc) and self.doc[end].text in ("'s", "’s", "'", "’"):
            return None
        return span

    def _adjacent_possessed(self, owner: Token, head: Token) -> NameSpan | None:
        """ "from Alphabet Inc.'s Google, Nvidia Corp. and Salesforce": the parser may
        hang the possessor on a later member of a list; what is possessed is the name
        right after the "'s", when a list goes on after it (the possessor is a name:
        "its" may stand before a list)."""
        own = self.names.at(owner)
        if own is None:
            return None
        after = own.end_token + 1
        if after >= head.i or self.doc[own.end_token].text not in ("'s", "’s", "'", "’"):
            return None
        following = self.doc[after]
        span = self.names.at(following)
        if span is None or span is self.names.at(head):
            return None
        if span.end_token >= len(self.doc) or self.doc[span.end_token].lower_ not in (",", "and"):
            return None  # "OpenAI's C-suite": a word of the phrase, no member of a list
        return span

    def _kin_noun(self, token: Token) -> bool:
        """ "its sister company Isomorphic Labs", "its rival Anthropic": a noun of kinship
        before the possessed name says the two are peers, not owner and owned."""
        stack = [c for c in kids(token) if c.dep_ in ("compound", "amod") and c.i < token.i]
        while stack:
            word = stack.pop()
            if lemma(word) in _KIN_WORDS or (
                word.pos_ in ("NOUN", "ADJ") and (self._noun_trigger(word), "holder") in self.roles
            ):
                return True
            stack.extend(c for c in kids(word) if c.dep_ in ("compound", "amod"))
        return False

    def _participle(self, token: Token) -> None:
        """ "Microsoft-owned LinkedIn", "Tencent-backed Zhipu AI", "Vireo-based assistant"."""
        if token.dep_ != "amod" or token.pos_ not in ("VERB", "ADJ"):
            return
        trigger = lemma(token)
        if trigger not in self.triggers:
            return
        prefixes = [
            c
            for c in kids(token)
            if c.dep_ in ("npadvmod", "compound", "nmod", "advmod")
            and c.i + 2 == token.i
            and self.doc[c.i + 1].text == "-"
        ]
        if not prefixes:
            return
        slots = Slots()
        slots.add("prefix", self._resolve(trigger, "prefix", prefixes[0]))
        head = token.head
        if head.dep_ == "compound" and self.names.at(head.head) is not None:
            head = head.head  # "the Vexo-owned startup Pellory Labs": the startup's name
        owned = self._resolve(trigger, "obj", head, slots.keys())
        # "Microsoft-backed OpenAI and Google’s DeepMind": the modifier is not DeepMind's
        owned = [t for t in owned if not own_possessor(self.doc[t.span.end_token - 1])]
        slots.add("obj", owned)
        self._emit(trigger, token, slots, None)

    def _merged_parts(self) -> None:
        """ "Google Gemini" merged into one token: the leading company and the name."""
        for index, (owner, named) in sorted(self.names.heads.items()):
            token = self.doc[index]
            slots = Slots()
            slots.add("subj", [Target(owner, "compound")])
            slots.add("obj", [Target(named, "compound")])
            self._emit("@compound", token, slots, None)


def _group_subject(noun: Token) -> Token | None:
    """The subject of "include" that a plain noun is, or is part of ("the people and
    groups", "some of the investors"), else None."""
    if noun.dep_ == "conj":
        noun = noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in _SHARE_WORDS:
        noun = noun.head.head
    if noun.dep_ == "nsubj" and lemma(noun.head) in _INCLUDE_VERBS:
        return noun
    return None


#: Verbs of taking in money, whose subject a later "the round" stands for.
_RAISING = frozenset({"raise", "secure", "land", "close"})
#: Quantifiers over a group ("some of the investors").
_SHARE_WORDS = frozenset({"some", "many", "most", "all", "several", "few"})


def _second_subject(verb: Token, pronoun: Token) -> bool:
    """Whether a relative clause has a nominal subject after its pronoun (the pronoun,
    read as a subject too, is then the fronted object)."""
    return any(
        c.dep_ == "nsubj" and c.i > pronoun.i and c.lower_ not in _RELATIVE for c in kids(verb)
    )


def slots_roles(slots: Slots) -> set[str]:
    """The roles a frame's arguments fill so far."""
    return {role for role, _ in slots.items}


def _described_group(host: Token) -> Token | None:
    """The plural noun a participle in an event describes: "companies involved in the
    round", "investors taking part in the funding" (the noun is the clause's subject)."""
    prep = host.head
    if host.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("in", "to"):
        return None
    participle = prep.head
    if participle.dep_ != "acl" or participle.tag_ not in ("VBN", "VBG"):
        return None
    group = participle.head
    if group.tag_ not in ("NNS", "NNPS") or group.dep_ != "nsubj":
        return None
    return group


def _cleft_focus(verb: Token) -> tuple[Token, Token] | None:
    """(relative pronoun, focused phrase) of "It was X that VERB …" when the parser made
    the clause a complement of *be* rather than a relative clause of X."""
    if verb.dep_ != "ccomp" or lemma(verb.head) != "be":
        return None
    be = verb.head
    pronoun = next((c for c in kids(verb) if c.lower_ in ("that", "who", "which")), None)
    it = next((c for c in kids(be) if c.dep_ == "nsubj" and c.lower_ == "it"), None)
    focus = next((c for c in kids(be) if c.dep_ == "attr"), None)
    if pronoun is None or it is None or focus is None:
        return None
    return pronoun, focus


def _apostrophe_after(token: Token) -> bool:
    """ "Databricks’", "Jones'": the possessive of a name ending in *s*."""
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return (
        following is not None
        and following.text in ("'", "’")
        and not token.whitespace_
        and token.text[-1:].lower() == "s"
    )


def _extraposed(token: Token) -> bool:
    """The "it" of "it is possible / easy / common to …", standing for the clause."""
    verb = token.head
    if token.lower_ != "it" or token.dep_ != "nsubj" or lemma(verb) != "be":
        return False
    return any(c.dep_ == "acomp" and c.pos_ == "ADJ" for c in kids(verb))


def _filled(slots: Slots, role: str) -> bool:
    return any(role in r.split("|") for r, _ in slots.items)


def _determined(noun: Token) -> bool:
    """ "the ChatGPT owner", "this startup's backer" (not "a backer", not a bare noun)."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in kids(noun))


#: Adverbs of a shared deed ("to jointly develop", "will build it together").
_JOINTLY = frozenset({"jointly", "together"})
#: The words of a job title read by the words ("Executive Vice President and General
#: Manager", "Chair and CEO", "Head of Research").
_TITLE_RUN = TITLE_WORDS | word_set(
    "and & general manager senior managing partner technology operating financial product "
    "research of"
)
#: "counts X among its backers", "numbers X among its investors".
_COUNT_VERBS = frozenset({"count", "number", "list", "include"})

#: Words before a title that end the post ("its previous model" is still its model).
#: The classes of things a possessor makes or owns, named by a kind noun before a name.
_THING_CLASSES = frozenset({"AIModel", "Product", "Dataset", "Technique"})

_FORMER_TITLE = frozenset({"former", "ex", "ex-", "onetime", "one-time", "erstwhile"})

#: Verbs of leaving a post: coordinated after the clause that gives the post, they end
#: it ("served as CEO but left the company").
_LEFT = frozenset({"leave", "quit", "resign", "depart", "exit", "retire"})


_STEP_DOWN = frozenset({"step down", "step aside", "stand down"})

#: Relations of a whole company: a part of it ("its research team") is not founded or bought.
_WHOLE_COMPANY = frozenset({"founded", "acquired"})
_RECIPROCAL = frozenset({"other", "another"})  # "with each other", "with one another"

#: Verbs of taking up a post, which a later leaving ends.
POST_VERBS = frozenset({"join", "rejoin", "work", "serve", "lead", "head", "run"})


def _left_since(verb: Token, trigger: str) -> str | None:
    """ "Deng, a manager who joined OpenAI last year, left earlier this year": a post taken
    in a relative clause on the subject of a plain "left" (no object: the post it names)
    is over; "Deng, who joined OpenAI, left Meta" keeps it."""
    if trigger not in POST_VERBS or verb.dep_ != "relcl":
        return None
    person = verb.head
    if person.dep_ == "appos":
        person = person.head  # "Deng, a product manager who joined …"
    main = person.head
    if person.dep_ != "nsubj" or lemma(main) not in _LEFT:
        return None
    if any(c.dep_ in ("dobj", "prep") and c.lower_ not in ("in", "on", "at") for c in kids(main)):
        return None
    return "former"


def _clause_block(token: Token, cues: Cues) -> str | None:
    """The block of the clause a noun phrase sits in ("did not see X's ...")."""
    head = token.head
    steps = 0
    while head != token and steps < 4:
        if head.pos_ in ("VERB", "AUX"):
            particles = [c.lower_ for c in kids(head) if c.dep_ in ("prt", "advmod")]
            phrasal = {lemma(head), *(f"{lemma(head)} {p}" for p in particles)}
            if phrasal & cues.former_words:
                return "former"  # "stepped down as chief executive of X", "sold its stake"
            if any(c.dep_ == "conj" and c.i > head.i and lemma(c) in _LEFT for c in kids(head)):
                return "former"  # "served as its interim CEO but left the company in 2024"
            return block_reason(head, cues) or past_post(head, token)
        token, head = head, head.head
        steps += 1
    return None


RoleTable = dict[tuple[str, str], frozenset[str]]
_STARTS: dict[int, tuple[PatternIndex, frozenset[str]]] = {}


def _frame_starts(index: PatternIndex, cues: Cues) -> frozenset[str]:
    """Lemmas that may start a frame: triggers, the first word of multi-word triggers,
    stance verbs (kept per index object: computing it hashes every pattern)."""
    cached = _STARTS.get(id(index))
    if cached is not None and cached[0] is index:
        return cached[1]
    words = set(cues.regard_verbs | cues.expect_verbs | _PERFORM)
    for trigger in index.triggers:
        words.add(trigger)
        words.update(trigger.split())
    starts = frozenset(words)
    _STARTS[id(index)] = (index, starts)
    return starts


_ROLE_TABLES: dict[int, tuple[PatternIndex, RoleTable]] = {}


def role_table(index: PatternIndex) -> RoleTable:
    """(trigger, role) -> the classes the patterns accept there: what a stand-in in that
    role may stand for, and whether a plain noun phrase may fill it (kept per index)."""
    cached = _ROLE_TABLES.get(id(index))
    if cached is not None and cached[0] is index:
        return cached[1]
    table = _role_table(index)
    _ROLE_TABLES[id(index)] = (index, table)
    return table


def _role_table(index: PatternIndex) -> RoleTable:
    table: dict[tuple[str, str], set[str]] = {}
    for pattern in index.patterns:
        for trigger in pattern.triggers:
            table.setdefault((trigger, pattern.subject_role), set()).update(pattern.subject_classes)
            table.setdefault((trigger, pattern.object_role), set()).update(pattern.object_classes)
    return {k: frozenset(v) for k, v in table.items()}
