"""Stage 4: relations from predicate-argument structures over GiNZA parses.

For every predicate (a verb, or an event noun such as 出資 carried by a light verb
行う/する/結ぶ), we collect the entity mentions that depend on it and read their role
from the case particles after them (が/は → ga, を → wo, に/に対して/と → ni, から,
を基に → basis, "Xのデータ" → data), undoing the passive. Japanese leaves subjects out
and shares them across clauses, so a missing ``ga`` is taken, in order, from the head
noun of a relative clause (``「ChatGPT」を開発するOpenAI``), from the clause this one is
chained to, and from the sentence's topic; each fallback lowers the confidence.
Patterns (``data/patterns.ja.yaml``) then map (trigger, roles, classes) to relations.

Constructions that are not predicate-argument shaped (rivals, stances, roles,
possession, variants) are read by the rules of :mod:`graph.lang.ja.rules`, mixed in here;
token helpers live in :mod:`graph.lang.ja.syntax`, patterns and their loader in
:mod:`graph.lang.ja.patterns`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from spacy.symbols import ADJ, NOUN, PART, PROPN, VERB

from graph.lang.ja.cues import Cues
from graph.lang.ja.mentions import SentenceMention, _preceding_compound, fold_width
from graph.lang.ja.parse import ParsedSentence
from graph.lang.ja.patterns import Candidate, Pattern
from graph.lang.ja.rules import NominalRules, pair
from graph.lang.ja.syntax import (
    LIGHT_VERBS,
    RECEIVING_VERBS,
    argument_role,
    case_marker,
    is_coordination,
    is_passive,
    is_predicate,
    joins,
    negated,
    quoted_clause,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["RelationReader"]

_SIZE_REFERENCE = re.compile(r"(?<![A-Za-z0-9.])(\d+(?:\.\d+)?[BM])(?:版)?(?:の)?(?:モデル|版)")
_NAME_LIST_GAP = re.compile(r"[」』]?(?:と|や|、|および)?[「『]?")
_MODEL_ARGUMENT = re.compile(r"[」』]?(?:シリーズ|モデル)?(?:は|が|を)(?!基|もと|ベース)")
_SERIES_NOUNS = ("群", "シリーズ", "ファミリー")
_CORE_PARTICLE = re.compile(r"[」』]?(?:社|グループ)?(?:は|が|を|に|と|も)")
_SURFACE_MARKER = re.compile(
    r"(?:[（(][^（()）]*[）)])?[」』]?(?:シリーズ|モデル|群|ファミリー|氏|さん|ら)?"
    r"(によって|に対して|が|は|を|に|と|から|も)"
)
_COORDINATION_SKIP = re.compile(r"[」』]?(?:氏|さん|ら)?")
_JOINER = re.compile(r"と、|や|、|および|及び|と|「")
_DATA_AFTER = re.compile(
    r"[」』]?の(?:[\u30a0-\u30ff\u4e00-\u9fff]{0,6}?)(データセット|データ|コーパス)"
)
_CONTENT_POS = frozenset({NOUN, PROPN, VERB, ADJ, PART})
_EVENT_SUFFIX = re.compile(r"(?:額|比率|先|計画|契約|交渉|合意|発表)$")
_ACTING_GROUPS = frozenset(
    {"チーム", "研究チーム", "研究グループ", "研究陣", "開発チーム", "研究所", "部門"}
)


@dataclass(frozen=True)
class _Arg:
    mention: SentenceMention
    role: str
    via: str  # "tree", "relative", "chain", "topic"
    penalty: float


class RelationReader(NominalRules):
    """Reads relation candidates from the sentences of one document, in order."""

    def __init__(
        self,
        patterns: Sequence[Pattern],
        cues: Cues,
        *,
        typed_by_role: dict[str, str] | None = None,
    ) -> None:
        self.patterns = tuple(patterns)
        self.cues = cues
        self.by_trigger: dict[str, list[Pattern]] = {}
        for pattern in self.patterns:
            for trigger in pattern.triggers:
                self.by_trigger.setdefault(trigger, []).append(pattern)
        self.idioms: dict[str, list[str]] = {}  # verb -> fixed objects ("しのぎを削る")
        for trigger in self.by_trigger:
            if "を" in trigger[1:-1]:
                noun, verb = trigger.split("を", 1)
                self.idioms.setdefault(verb, []).append(noun)
        self.history: list[SentenceMention] = []  # mentions seen so far in the document
        self.core_organizations: list[SentenceMention] = []  # companies named as arguments
        self.series: set[str] = set()  # model families introduced as a series (モデル群「X」)
        self.topic: SentenceMention | None = None  # last は-marked organization
        self.topic_sentence = -1  # index of the sentence that set the topic
        self.sentences_read = 0
        self.model_topic: SentenceMention | None = None  # last model named as an argument
        self.type_noun_memory: dict[str, SentenceMention] = {}
        self.developed: dict[str, list[SentenceMention]] = {}  # org key -> what it made
        # key -> class inferred from a pattern role (seeded by a first read of the document)
        self.typed_by_role: dict[str, str] = dict(typed_by_role or {})

    # -------------------------------------------------------------- per sentence
    def type_known(self, mentions: list[SentenceMention]) -> list[SentenceMention]:
        """Give untyped names the class a pattern role gave the same name earlier."""
        return [
            replace(m, entity_class=self.typed_by_role[m.key], cue=m.cue + "+role")
            if m.entity_class is None and m.key in self.typed_by_role
            else m
            for m in mentions
        ]

    def read(
        self,
        sentence: ParsedSentence,
        mentions: list[SentenceMention],
        *,
        roles_only: bool = False,
    ) -> list[Candidate]:
        """Candidates of one sentence; ``roles_only`` runs just the patterns (enough to learn
        classes from roles, for the dry read of a document)."""
        doc = sentence.doc
        self.text = fold_width(sentence.text)
        resolved = list(mentions) + self._anaphors(sentence, mentions)
        self._governors: dict[int, Token | None] = {}
        self._final_markers: dict[int, str] = {}
        self._triggers: dict[int, str | None] = {}
        self.by_head: dict[int, SentenceMention] = {}
        self.span_tokens: set[int] = set()
        for mention in resolved:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            self.by_head[span.root.i] = mention
            self.span_tokens.update(t.i for t in span)
        out: list[Candidate] = []
        out += self._predicate_relations(doc)
        if roles_only:
            return self._finish(doc, mentions, out)
        out += self._basis(doc)
        out += self._rival_groups(doc)
        out += self._stances(doc)
        out += self._employment(sorted(resolved, key=lambda m: m.start))
        out += self._named_possession(sorted(resolved, key=lambda m: m.start))
        out += self._variants(mentions)
        out += self._own_possessive(doc)
        out += self._subsidiaries(mentions)
        for candidate in out:
            if candidate.relation == "developed":
                self.developed.setdefault(candidate.subject.key, []).append(candidate.object)
        return self._finish(doc, mentions, out)

    def skim(self, sentence: ParsedSentence, mentions: list[SentenceMention]) -> None:
        """Keep the document state (topic, history) for a sentence without reading it:
        the dry read skips sentences that have no untyped name to learn a class for."""
        self.text = fold_width(sentence.text)
        self._remember(sentence.doc, mentions)
        self.sentences_read += 1

    def _finish(
        self, doc, mentions: list[SentenceMention], out: list[Candidate]
    ) -> list[Candidate]:
        out = _dedupe(out)
        for candidate in out:  # a class read from a role counts only if a relation came of it
            for end in (candidate.subject, candidate.object):
                if end.cue.startswith("role:") and end.entity_class:
                    self.typed_by_role.setdefault(end.key, end.entity_class)
        self._remember(doc, self.type_known(mentions))
        self.sentences_read += 1
        return out

    # -------------------------------------------------------------- anaphora
    def _anaphors(
        self, sentence: ParsedSentence, mentions: list[SentenceMention]
    ) -> list[SentenceMention]:
        """同社/同モデル/このモデル and bare type nouns (基盤モデル), resolved to earlier names."""
        out: list[SentenceMention] = []
        taken = [(m.start, m.end) for m in mentions]
        classes = dict(self.cues.anaphors) | {
            noun: m.entity_class or "" for noun, m in self.type_noun_memory.items()
        }
        words = sorted(classes, key=lambda w: (-len(w), w))
        # One scan for all words, longest first at each position (hundreds of words).
        pattern = self._anaphor_pattern(tuple(words))
        for match in pattern.finditer(self.text):
            word, entity_class = match.group(0), classes[match.group(0)]
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            if self.text[end : end + 1] in ("「", "『", "・"):
                continue  # a type noun introducing a new name, not a reference
            if word in self.type_noun_memory:
                antecedent = self.type_noun_memory[word]
            elif entity_class == "Organization":
                antecedent = self._last_core_organization(before=start, mentions=mentions)
            else:
                antecedent = self._last_of(entity_class, before=start, mentions=mentions)
                if (
                    word == "それ"
                    and antecedent is not None
                    and antecedent not in mentions
                    and (antecedent not in self.history[-6:])
                ):
                    antecedent = None
            reference = self._reference(sentence, antecedent, start, end, f"anaphor:{word}")
            if reference is not None:
                out.append(reference)
                taken.append((start, end))
        out += self._size_anaphors(sentence, mentions, taken)
        return out

    @staticmethod
    @cache
    def _anaphor_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
        return re.compile("|".join(re.escape(w) for w in words))

    def _size_anaphors(
        self,
        sentence: ParsedSentence,
        mentions: list[SentenceMention],
        taken: list[tuple[int, int]],
    ) -> list[SentenceMention]:
        """``70Bモデル`` / ``8B版``: the model met earlier whose name carries that size."""
        out = []
        for match in _SIZE_REFERENCE.finditer(self.text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            size = match.group(1).lower()
            sized = [
                m
                for m in (*self.history, *mentions)
                if m.entity_class == "AIModel"
                and re.search(rf"(?<![0-9.]){re.escape(size)}(?![0-9a-z])", m.canonical.lower())
            ]
            # The model the text is about: most mentioned, then first introduced.
            counts: dict[str, int] = {}
            for m in sized:
                counts[m.key] = counts.get(m.key, 0) + 1
            antecedent = min(sized, key=lambda m: -counts[m.key], default=None)
            reference = self._reference(sentence, antecedent, start, end, "anaphor:size")
            if reference is not None:
                out.append(reference)
                taken.append((start, end))
        return out

    def _reference(
        self,
        sentence: ParsedSentence,
        antecedent: SentenceMention | None,
        start: int,
        end: int,
        cue: str,
    ) -> SentenceMention | None:
        """A mention at ``start:end`` that stands for ``antecedent`` (None if it cannot)."""
        if (
            antecedent is None
            or sentence.doc.char_span(start, end, alignment_mode="expand") is None
        ):
            return None
        return replace(antecedent, start=start, end=end, surface=self.text[start:end], cue=cue)

    def _last_of(
        self, entity_class: str, *, before: int, mentions: list[SentenceMention]
    ) -> SentenceMention | None:
        for mention in reversed([m for m in mentions if m.end <= before]):
            if mention.entity_class == entity_class:
                return mention
        for mention in reversed(self.history):
            if mention.entity_class == entity_class:
                return mention
        return None

    def _introduces_series(self, mention: SentenceMention) -> bool:
        """``モデル群「Claude 3」`` / ``「Llama-3-ELYZA-JP」シリーズ``: a family of models."""
        compound, _ = _preceding_compound(self.text, mention.start)
        after = self.text[mention.end : mention.end + 6].lstrip("」』")
        return compound.endswith(_SERIES_NOUNS) or after.startswith(_SERIES_NOUNS)

    def _is_core(self, mention: SentenceMention) -> bool:
        """Named as a clause argument (は/が/を/に/と…), not as a modifier (の, で)."""
        return _CORE_PARTICLE.match(self.text, mention.end) is not None

    def _last_core_organization(
        self, *, before: int, mentions: list[SentenceMention]
    ) -> SentenceMention | None:
        """同社: the last company named as an argument, in this sentence or earlier ones."""
        for mention in reversed([m for m in mentions if m.end <= before]):
            if mention.entity_class == "Organization" and self._is_core(mention):
                return mention
        if self.core_organizations:
            return self.core_organizations[-1]
        return self.topic or self._last_of("Organization", before=before, mentions=mentions)

    def _remember(self, doc, mentions: list[SentenceMention]) -> None:
        for mention in mentions:
            if mention.entity_class is None:
                continue
            self.history.append(mention)
            if mention.entity_class == "Organization" and self._is_core(mention):
                self.core_organizations.append(mention)
            if mention.entity_class == "AIModel" and self._introduces_series(mention):
                self.series.add(mention.canonical)
            if mention.entity_class == "AIModel" and _MODEL_ARGUMENT.match(self.text, mention.end):
                self.model_topic = mention
            compound, joiner = _preceding_compound(self.text, mention.start)
            if (
                compound
                and joiner in ("「", "『", "・", "の「")
                and self.cues.type_of_noun(compound)
            ):
                self.type_noun_memory[compound] = mention
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if (
                span is not None
                and mention.entity_class == "Organization"
                and case_marker(span.root) == "は"
            ):
                self.topic = mention
                if not self.text.startswith("は「", mention.end):  # a speaker is not an actor
                    self.topic_sentence = self.sentences_read

    # -------------------------------------------------------------- predicate-argument structures
    def _governor(self, token: Token) -> Token | None:
        """The predicate a mention depends on, skipping nouns and coordination (memoized)."""
        if token.i not in self._governors:
            self._governors[token.i] = self._find_governor(token)
        return self._governors[token.i]

    def _find_governor(self, token: Token) -> Token | None:
        following = self._next_coordinated(token)
        if following is not None and joins(case_marker(token)):
            return self._governor(following)
        current = token
        for _ in range(12):
            head = current.head
            if head.i == current.i:
                return None
            if head.i in self.by_head and is_coordination(case_marker(current)):
                current = head  # coordinated with another name: share its role
                continue
            if is_predicate(head) or self._trigger_of(head):
                return self._event_of(head)
            current = head
        return None

    def _trigger_of(self, token: Token) -> str | None:
        """The trigger a token stands for (memoized per sentence); see _find_trigger."""
        if token.i not in self._triggers:
            self._triggers[token.i] = self._find_trigger(token)
        return self._triggers[token.i]

    def _find_trigger(self, token: Token) -> str | None:
        """The trigger a token stands for: its lemma, or an event noun with a suffix
        (``出資額`` -> 出資, ``提携先`` -> 提携, ``買収計画`` -> 買収)."""
        if token.pos not in _CONTENT_POS:
            return None  # particles, punctuation, auxiliaries: most tokens, skipped cheaply
        lemma = token.lemma_
        if lemma in self.by_trigger:
            return lemma
        for noun in self.idioms.get(lemma, ()):  # しのぎを削る: a verb with its fixed object
            if any(c.dep_ == "obj" and c.lemma_ == noun for c in token.children):
                return f"{noun}を{lemma}"
        if token.tag_.startswith("接尾辞") and token.i > 0:
            # 商用|化, 実用|化: a suffix that makes a verb of the noun before it.
            joined = token.doc[token.i - 1].text + lemma
            if joined in self.by_trigger:
                return joined
        suffixed = _EVENT_SUFFIX.search(lemma)
        if suffixed and lemma[: suffixed.start()] in self.by_trigger:
            return lemma[: suffixed.start()]
        return None

    def _event_of(self, predicate: Token) -> Token:
        """``出資を行い`` -> 出資: an event noun carried by a light verb is the real trigger."""
        if predicate.lemma_ in LIGHT_VERBS:
            for child in predicate.children:
                if child.dep_ == "obj" and self._trigger_of(child) and child.i not in self.by_head:
                    return child
        return predicate

    def _next_coordinated(self, token: Token) -> Token | None:
        """``AやBを`` / ``A、B、Cなどの`` / ``「A」「B」`` / ``A氏と、…B氏``: the next name of a
        coordination, read linearly (parses of coordinations are unreliable; word order is not).

        A bare と joins only a name that follows at once (otherwise it marks a partner:
        ``Bと提携``); と followed by a comma joins a name of the same class further on.
        Names of another class in between (``OpenAIの「GPT-4」やGoogleの「Gemini」``) are
        skipped when a name of the same class follows.
        """
        mention = self.by_head.get(token.i)
        if mention is None:
            return None
        position = _COORDINATION_SKIP.match(self.text, mention.end).end()
        joiner = _JOINER.match(self.text, position)
        if not joiner:
            return None
        word = joiner.group(0)
        start = position + (0 if word == "「" else len(word))
        limit = 1 if word == "と" else 14
        following = sorted(
            (other.start, head_i, other)
            for head_i, other in self.by_head.items()
            if other.start >= start and other.start - start <= limit
        )
        same = [f for f in following if f[2].entity_class == mention.entity_class]
        if word == "と、" and not same:
            return None
        for other_start, head_i, _ in same or following:
            if re.search(r"[をがはにで]", self.text[start:other_start]):
                return None
            return token.doc[head_i]
        return None

    def _final_marker(self, token: Token) -> str:
        """Marker of a name, following coordination to the noun that carries the case (memoized)."""
        if token.i not in self._final_markers:
            self._final_markers[token.i] = self._find_final_marker(token)
        return self._final_markers[token.i]

    def _find_final_marker(self, token: Token) -> str:
        following = self._next_coordinated(token)
        if following is not None and joins(case_marker(token)):
            return self._final_marker(following)
        found = self._tree_marker(token)
        if found in ("", "など") and token.i in self.by_head:
            # The parse lost the particle (「X」シリーズを…): read it from the surface.
            surface = _SURFACE_MARKER.match(self.text, self.by_head[token.i].end)
            if surface:
                return surface.group(1)
        return found

    def _tree_marker(self, token: Token) -> str:
        current = token
        for _ in range(8):
            marker = case_marker(current)
            head = current.head
            counted = marker == "の" and any(c.dep_ == "nummod" for c in head.children)
            if counted and head.pos_ == "NOUN" and head.i not in self.by_head:
                current = head  # "…Lacroix氏の3人によって": the count carries the case
                continue
            if not is_coordination(marker) or current.head.i == current.i:
                return marker
            if current.dep_ not in (
                "nmod",
                "compound",
                "conj",
                "appos",
                "dep",
                "nsubj",
                "obj",
                "obl",
            ):
                return marker
            if current.head.pos_ not in ("NOUN", "PROPN", "NUM", "PRON"):
                return marker
            current = current.head
        return case_marker(current)

    def _data_token(self, doc, mention: SentenceMention) -> Token | None:
        """``Xのデータ`` / ``「X」の会話データ``: the noun naming data taken from X, if any."""
        match = _DATA_AFTER.match(self.text, mention.end)
        if not match:
            return None
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        return span.root if span is not None else None

    def _predicate_relations(self, doc) -> list[Candidate]:
        args: dict[int, list[_Arg]] = {}
        for head_i, mention in self.by_head.items():
            token = doc[head_i]
            data = self._data_token(doc, mention)
            if data is not None:
                governor = self._governor(data)
                if governor is not None:
                    args.setdefault(governor.i, []).append(_Arg(mention, "data", "tree", 0.0))
                continue
            if case_marker(token) == "の":
                # "Xのベースモデル": X stands for the generic noun it qualifies; "Googleの
                # 研究者が…" / "Microsoftのチームによって…": people act for their organization.
                head = token.head
                acts_for = mention.entity_class == "Organization" and (
                    head.text in self.cues.employment_roles or head.text in _ACTING_GROUPS
                )
                # "「Le Chat」のベータ版を公開": an edition stands for the product itself.
                edition = head.text.endswith("版")
                if head.i not in self.by_head and (
                    self.cues.type_of_noun(head.text) == mention.entity_class or acts_for or edition
                ):
                    token = head
                else:
                    continue
            governor = self._governor(token)
            if governor is None:
                continue
            marker = self._final_marker(token)
            role = argument_role(marker, is_passive(governor))
            if role == "agent" and governor.pos_ == "NOUN":
                role = "ga"  # "MicrosoftによるOpenAIへの出資": the agent of a nominal event
            if governor.dep_ == "obj" and governor.head.lemma_ in RECEIVING_VERBS:
                # "AはBから出資を受けた": the giver is the event's agent, the receiver its target.
                role = {"kara": "ga", "ga": "ni"}.get(role or "", role)
            if role is None:
                continue
            args.setdefault(governor.i, []).append(_Arg(mention, role, "tree", 0.0))
        out: list[Candidate] = []
        triggers = {t.i for t in doc if t.i not in self.span_tokens and self._trigger_of(t)}
        for governor_i in sorted(set(args) | triggers):
            governor = doc[governor_i]
            trigger = self._trigger_of(governor) or governor.lemma_
            patterns = self.by_trigger.get(trigger, []) + self.by_trigger.get("*", [])
            if not patterns:
                continue
            event_args = list(args.get(governor_i, []))
            event_args += self._inherited(doc, governor, event_args)
            out += self._apply(governor, patterns, event_args)
        return out

    def _inherited(self, doc, governor: Token, own: list[_Arg]) -> list[_Arg]:
        """Fill missing ga/wo from a relative clause head, the chained clause, or the topic."""
        roles = {a.role for a in own}
        extra: list[_Arg] = []
        carrier = (
            governor.head
            if governor.dep_ == "obj" and governor.head.lemma_ in LIGHT_VERBS
            else governor
        )
        # "出資を行い、パートナーシップを結んだ": a partner (or object) named in the clause
        # chained before this one, when this one names none.
        for role in ("ni", "wo"):
            if role in roles:
                continue
            for child in carrier.children:
                if (
                    child.dep_ in ("advcl", "conj")
                    and child.i < carrier.i
                    and not quoted_clause(child)
                ):
                    for arg in self._direct_args(doc, self._event_of(child)):
                        if arg.role == role:
                            extra.append(_Arg(arg.mention, role, "chain", 0.1))
        # "マスク氏が2023年に設立した企業": a が-marked name just before the verb in the same
        # clause is its subject even when the parse hung it on the noun the clause modifies.
        if "ga" not in roles:
            linear = self._linear_subject(doc, carrier)
            if linear is not None:
                extra.append(_Arg(linear, "ga", "linear", 0.05))
                roles.add("ga")
        # Cleft: "公開したのは、「A」と「B」の2モデル" -> A and B are what was published.
        if (
            "wo" not in roles
            and any(c.dep_ == "mark" and c.lemma_ == "の" for c in carrier.children)
            and any(c.lemma_ == "は" for c in carrier.children)
        ):
            for mention in self.by_head.values():
                if (
                    mention.start > carrier.idx
                    and mention.entity_class in ("AIModel", "Product")
                    and (not mention.cue.startswith("anaphor"))
                ):
                    extra.append(_Arg(mention, "wo", "cleft", 0.1))
            roles.add("wo")
        # Walk up through the light verb, て-chains and auxiliaries to the clause's attachment.
        clause = governor
        for _ in range(6):
            if clause.dep_ in ("obj",) and clause.head.lemma_ in LIGHT_VERBS:
                clause = clause.head
                continue
            head_mention = self._relative_head(doc, clause) if clause.dep_ == "acl" else None
            if head_mention is not None:
                # "Amazonが開発したAIチップ「Trainium」と「Inferentia」": every name of the head.
                for named in self._with_coordinated(head_mention):
                    if "ga" not in roles:
                        extra.append(_Arg(named, "ga", "relative", 0.05))
                    elif "wo" not in roles:
                        extra.append(_Arg(named, "wo", "relative", 0.05))
                    else:
                        # "XがYを開発するZ": Z must fill a gap; X is most often mis-attached.
                        extra.append(_Arg(named, "ga", "relative-override", 0.05))
                return extra
            if clause.dep_ in ("acl",) and clause.head.pos_ == "NOUN":
                # "…を基に…したチャットモデル「Y」": the name sits in apposition to the noun.
                named = self._named_apposition(doc, clause.head)
                if named is not None:
                    role = "ga" if "ga" not in roles else "wo"
                    extra.append(_Arg(named, role, "relative", 0.05))
                    return extra
            if (
                clause.dep_ in ("advcl", "conj", "xcomp", "ccomp", "csubj", "acl")
                and clause.head.i != clause.i
            ):
                clause = clause.head
                if "ga" not in roles:
                    # Every coordinated subject of the clause: "AとBは…を行うと発表した".
                    chained = self._coordinated_group(
                        [a for a in self._direct_args(doc, clause) if a.role == "ga"], doc
                    )
                    extra.extend(_Arg(a.mention, "ga", "chain", 0.1) for a in chained)
                    if chained:
                        roles.add("ga")
                continue
            if (
                clause.dep_ in ("nmod", "obj", "obl", "nsubj")
                and clause.pos_ in ("NOUN", "PART")
                and (clause.head.pos_ in ("VERB", "ADJ") and clause.head.dep_ == "acl")
            ):
                clause = (
                    clause.head
                )  # "Xをしのぐほどの性能を誇るモデル「Y」": climb to the relative clause
                continue
            if (
                clause.pos_ in ("VERB", "ADJ")
                and clause.head.pos_ in ("NOUN", "PART")
                and clause.head.i != clause.i
            ):
                clause = clause.head
                continue
            break
        if "ga" not in roles:
            # In a passive the sentence's own topic is what was acted on, so only the
            # company the text is about (named in an earlier sentence) can be the agent.
            passive = is_passive(governor)
            topic = None if passive else self._sentence_topic(doc, before=governor.i)
            own_keys = {a.mention.key for a in own}
            recent = not passive or self.sentences_read - self.topic_sentence <= 1
            if (
                topic is None
                and self.topic is not None
                and self.topic.key not in own_keys
                and recent
            ):
                topic = self.topic  # a passive's agent only if the company led the last sentence
            if topic is not None:
                extra.append(_Arg(topic, "ga", "topic", 0.2))
            if (
                self.model_topic is not None
                and not passive
                and self.model_topic.key not in own_keys
            ):
                # "…「Mixtral 8x7B」を公開した。…多くのベンチマークでLlama 2 70Bを上回り": the model
                # the text is about; only patterns that take a model as subject can use it.
                extra.append(_Arg(self.model_topic, "ga", "topic", 0.25))
        return extra

    def _with_coordinated(self, mention: SentenceMention) -> list[SentenceMention]:
        """The name and those listed right after it: ``「A」と「B」``, ``A、B``."""
        names = sorted(self.by_head.values(), key=lambda m: m.start)
        group = [mention]
        for other in names:
            if other.start <= group[-1].start or other.entity_class != mention.entity_class:
                continue
            if not _NAME_LIST_GAP.fullmatch(self.text[group[-1].end : other.start]):
                break
            group.append(other)
        return group

    def _coordinated_group(self, args: list[_Arg], doc) -> list[_Arg]:
        """The subject nearest the verb and the names coordinated with it, not every
        が/は-marked name the parse hung on the clause."""
        if len(args) < 2:
            return args
        ordered = sorted(args, key=lambda a: a.mention.start)
        group = [ordered[-1]]
        heads = {i for i, m in self.by_head.items() if m.key == ordered[-1].mention.key}
        for arg in reversed(ordered[:-1]):
            head_i = next(i for i, m in self.by_head.items() if m is arg.mention)
            following = self._next_coordinated(doc[head_i])
            if following is not None and following.i in heads:
                group.append(arg)
                heads.add(head_i)
        return group

    def _linear_subject(self, doc, verb: Token) -> SentenceMention | None:
        """The nearest が-marked name left of ``verb`` with no comma, quote or verb between."""
        for head_i in sorted((i for i in self.by_head if i < verb.i), reverse=True):
            between = doc[head_i + 1 : verb.i]
            if any(t.text in ("、", "。", "「", "」") or t.pos_ == "VERB" for t in between):
                return None
            if self._final_marker(doc[head_i]) == "が":
                return self.by_head[head_i]
        return None

    def _relative_head(self, doc, clause: Token) -> SentenceMention | None:
        """The name a relative clause modifies, looking through ``Xの…「Y」`` noun phrases.

        ``…を誇るオープンソースの大規模言語モデル「Vicuna-13B」``: the clause attaches to the
        first noun of the phrase; the phrase's head is the quoted name at its end.
        """
        head = clause.head
        for _ in range(4):
            if (
                case_marker(head) != "の"
                or head.head.i == head.i
                or head.head.pos_ not in ("NOUN", "PROPN")
            ):
                break
            head = head.head
        if head.i in self.by_head:
            return self.by_head[head.i]
        for child in head.children:  # "…を率いるハサビス氏": the name carries an honorific
            named = self.by_head.get(child.i)
            if named is not None and named.end == head.idx and child.dep_ == "compound":
                return named
        named = self._named_apposition(doc, head)
        if named is None and any(c.dep_ == "cop" for c in head.children):
            # "xAIはマスク氏が設立したAI企業だ": the predicate noun is the topic itself.
            named = self._sentence_topic(doc, before=clause.i)
        return named

    def _named_apposition(self, doc, noun: Token) -> SentenceMention | None:
        """The name written right after a generic noun: ``チャットモデル「Y」``."""
        end = noun.idx + len(noun.text)
        for mention in self.by_head.values():
            gap = self.text[end : mention.start]
            if mention.start >= end and len(gap) <= 1 and gap in ("", "「", "『", "・"):
                return mention
        for child in noun.children:
            if child.i in self.by_head and child.i > noun.i:
                return self.by_head[child.i]
        if noun.head.i in self.by_head and noun.dep_ in ("compound", "nmod", "appos"):
            return self.by_head[noun.head.i]
        return None

    def _direct_args(self, doc, predicate: Token) -> list[_Arg]:
        out = []
        for head_i, mention in self.by_head.items():
            token = doc[head_i]
            if self._governor(token) is not None and self._governor(token).i == predicate.i:
                role = argument_role(self._final_marker(token), is_passive(predicate))
                if role:
                    out.append(_Arg(mention, role, "tree", 0.0))
        return out

    def _sentence_topic(self, doc, *, before: int) -> SentenceMention | None:
        for head_i in sorted(self.by_head):
            if head_i >= before:
                break
            mention = self.by_head[head_i]
            if mention.entity_class not in ("Organization", "AIModel", "Product"):
                continue
            token = doc[head_i]
            if self._final_marker(token) in ("は", "が"):
                return mention
            if (
                case_marker(token) == "の"
                and case_marker(token.head) in ("は", "が")
                and token.head.i not in self.by_head
            ):
                return mention  # "基盤モデルの開発は…": the topic is the model
        return None

    def _apply(
        self, governor: Token, patterns: list[Pattern], event_args: list[_Arg]
    ) -> list[Candidate]:
        out: list[Candidate] = []
        if negated(governor):
            return out  # "出資しない方針", "買収しなかった": the text denies the relation
        for pattern in patterns:
            subjects = self._fitting(event_args, pattern.subject_role, pattern.subject_classes)
            objects = self._fitting(event_args, pattern.object_role, pattern.object_classes)
            subjects = subjects or self._inferred(
                event_args, pattern.subject_role, pattern.subject_infer, objects, pattern
            )
            objects = objects or self._inferred(
                event_args, pattern.object_role, pattern.object_infer, subjects, pattern
            )
            if pattern.same_class:
                subjects = [
                    s for s in subjects if any(_alike(s.mention, o.mention) for o in objects)
                ]
            if not subjects or not objects:
                continue
            # Prefer the closest level of evidence: tree over relative over chain over topic.
            override = [a for a in subjects if a.via == "relative-override"]
            best = min(a.penalty for a in subjects)
            subjects = override or [a for a in subjects if a.penalty == best]
            pairs = _pair_gapped(subjects, objects)
            for subject, obj in pairs:
                if subject.mention.key == obj.mention.key:
                    continue
                if pattern.same_class and (
                    not _alike(subject.mention, obj.mention)
                    or _same_family(subject.mention, obj.mention)
                ):
                    continue
                confidence = max(
                    0.3,
                    pattern.confidence
                    - subject.penalty
                    - obj.penalty
                    - _distance_penalty(subject.mention, obj.mention),
                )
                trigger = self._trigger_of(governor) or governor.lemma_
                method = f"pattern:{pattern.id}/{trigger}/{subject.via}"
                out.append(pair(subject.mention, pattern.relation, obj.mention, method, confidence))
            if pattern.symmetric:
                out += _pairwise([a for a in subjects if a.via == "tree"], pattern)
        # Coordinated subjects of a symmetric trigger without an object ("A、B、Cが争う").
        for pattern in patterns:
            if not pattern.symmetric:
                continue
            group = [
                a
                for a in event_args
                if a.role == "ga"
                and a.via in ("tree", "chain")
                and a.mention.entity_class in pattern.subject_classes
            ]
            if pattern.subject_infer and (group or pattern.subject_infer != "same"):
                group += self._inferred_group(event_args, group, pattern)
            if not any(a.role == pattern.object_role for a in event_args):
                out += _pairwise(group, pattern)
        return out

    def _inferred_group(self, args: list[_Arg], group: list[_Arg], pattern: Pattern) -> list[_Arg]:
        """Untyped names coordinated with typed ones in a symmetric event share their class."""
        infer = pattern.subject_infer
        infer = group[0].mention.entity_class if infer == "same" else infer
        out = []
        for arg in args:
            untyped = arg.mention.entity_class is None
            if arg.role == "ga" and arg.via in ("tree", "chain") and untyped:
                typed = replace(arg.mention, entity_class=infer, cue=f"role:{pattern.id}")
                out.append(replace(arg, mention=typed))
        return out

    @staticmethod
    def _fitting(args: list[_Arg], role: str, classes: frozenset[str]) -> list[_Arg]:
        return [a for a in args if a.role == role and a.mention.entity_class in classes]

    def _inferred(
        self, args: list[_Arg], role: str, infer: str | None, others: list[_Arg], pattern: Pattern
    ) -> list[_Arg]:
        """Type untyped names from their role: an unmarked agent of 発表 is an organization;
        what outperforms a model is a model. Only names read from the tree qualify.
        """
        if infer is None:
            return []
        if infer == "same":
            classes = {a.mention.entity_class for a in others}
            if len(classes) != 1:
                return []
            infer = classes.pop()
        out = []
        for arg in args:
            if arg.role == role and arg.mention.entity_class is None and arg.via == "tree":
                typed = replace(arg.mention, entity_class=infer, cue=f"role:{pattern.id}")
                out.append(replace(arg, mention=typed))
        return out


def _pairwise(group: list[_Arg], pattern: Pattern) -> list[Candidate]:
    """Every pair of a coordinated group of a symmetric relation ("A、B、Cが争う")."""
    return [
        pair(
            left.mention,
            pattern.relation,
            right.mention,
            f"pattern:{pattern.id}/coordinated",
            pattern.confidence - 0.05,
        )
        for i, left in enumerate(group)
        for right in group[i + 1 :]
        if left.mention.key != right.mention.key
    ]


def _alike(left: SentenceMention, right: SentenceMention) -> bool:
    """Same class, counting models and products as one kind (a chat app vs. a model)."""
    kinds = {"AIModel": "model", "Product": "model"}
    left_kind = kinds.get(left.entity_class or "", left.entity_class)
    return left_kind == kinds.get(right.entity_class or "", right.entity_class)


def _same_family(left: SentenceMention, right: SentenceMention) -> bool:
    """``Claude 3 Opus`` and ``Claude 3``: a model is not compared with its own family."""
    a, b = left.canonical.lower(), right.canonical.lower()
    return (
        a.startswith(b + " ")
        or b.startswith(a + " ")
        or a.startswith(b + "-")
        or b.startswith(a + "-")
    )


def _distance_penalty(left: SentenceMention, right: SentenceMention) -> float:
    """Far-apart arguments are more often a misreading: up to 0.15 off past 40 characters."""
    gap = max(left.start, right.start) - min(left.end, right.end)
    return min(0.15, max(0, gap - 40) / 400)


def _pair_gapped(subjects: list[_Arg], objects: list[_Arg]) -> list[tuple[_Arg, _Arg]]:
    """Pair arguments of a gapped coordination by order: AがXを、BがYを…発表.

    With as many tree-level subjects as objects (more than one each), the i-th subject
    goes with the i-th object; otherwise every subject pairs with every object.
    """
    tree_subjects = [a for a in subjects if a.via == "tree"]
    if len(tree_subjects) > 1 and len(tree_subjects) == len(objects):
        ordered_s = sorted(tree_subjects, key=lambda a: a.mention.start)
        ordered_o = sorted(objects, key=lambda a: a.mention.start)
        return list(zip(ordered_s, ordered_o, strict=False))
    return [(s, o) for s in subjects for o in objects]


def _dedupe(candidates: Iterable[Candidate]) -> list[Candidate]:
    best: dict[tuple[str, str, str], Candidate] = {}
    for candidate in candidates:
        key = (candidate.subject.key, candidate.relation, candidate.object.key)
        if key not in best or candidate.confidence > best[key].confidence:
            best[key] = candidate
    return list(best.values())
