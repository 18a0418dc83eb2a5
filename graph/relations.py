"""Stage 4: relations from predicate-argument structures over GiNZA parses.

For every predicate (a verb, or an event noun such as 出資 carried by a light verb
行う/する/結ぶ), we collect the entity mentions that depend on it and read their role
from the case particles after them (が/は → ga, を → wo, に/に対して/と → ni, から,
を基に → basis, "Xのデータ" → data), undoing the passive. Japanese leaves subjects out
and shares them across clauses, so a missing ``ga`` is taken, in order, from the head
noun of a relative clause (``「ChatGPT」を開発するOpenAI``), from the clause this one is
chained to, and from the sentence's topic; each fallback lowers the confidence.
Patterns (``data/patterns.ja.yaml``) then map (trigger, roles, classes) to relations.

A few constructions are not predicate-argument shaped and have small rules of their own:
coordinated rivals (``A、B、Cなどの企業が争う``, ``AやBといったライバル企業``), stances in
quotes (``「Xは脅威」``, ``勝者はX``), employment (``XのCEOであるY氏``), possession of a
named model (``Mistral AI社のモデル「Y」``) and size/version variants (``LLaMA-65B``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

from graph.canonical import slug
from graph.errors import ResourceFileError
from graph.lexicon import Cues
from graph.mentions import SentenceMention, _preceding_compound, fold_width
from graph.model import ENTITY_CLASSES
from graph.nlp import ParsedSentence

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Candidate", "Pattern", "RelationReader", "load_patterns"]

ROLES = ("ga", "wo", "ni", "kara", "basis", "data", "de", "agent")
RECEIVING_VERBS = frozenset({"受ける", "得る", "受け入れる", "獲得"})
LIGHT_VERBS = frozenset(
    {"行う", "する", "実施", "結ぶ", "締結", "発表", "受ける", "進める", "図る"}
)
# "と" joins names only when another name follows at once ("AとBが"); otherwise it marks a
# partner ("Bと提携"), so it is handled by the linear check, not listed here.
_COORDINATORS = (
    "や",
    "など",
    "などの",
    "といった",
    "のような",
    "をはじめ",
    "、",
    "及び",
    "および",
)
_RIVAL_NOUNS = ("ライバル", "競合", "競争相手", "対抗")
_DATA_AFTER = re.compile(
    r"[」』]?の(?:[\u30a0-\u30ff\u4e00-\u9fff]{0,6}?)(データセット|データ|コーパス)"
)
_VERSION_TAIL = re.compile(r"^(?:v?\d+(?:\.\d+)*[a-z]?|\d+(?:\.\d+)?[BbMmKkTt])$")
_SUBSIDIARY_NOUNS = ("完全子会社", "子会社", "傘下", "グループ会社")
_EVENT_SUFFIXES = ("額", "比率", "先", "計画", "契約", "交渉", "合意", "発表")
_ACTING_GROUPS = frozenset(
    {"チーム", "研究チーム", "研究グループ", "研究陣", "開発チーム", "研究所", "部門"}
)
_STANCE_NOUNS = {"脅威": "viewsAsThreat", "勝者": "viewsAsWinner", "勝ち組": "viewsAsWinner"}
_SPEECH_VERBS = frozenset(
    {
        "記す",
        "述べる",
        "指摘",
        "主張",
        "する",
        "言う",
        "語る",
        "説明",
        "分析",
        "示す",
        "危惧",
        "警告",
        "考える",
        "見る",
        "認める",
    }
)


@dataclass(frozen=True)
class Pattern:
    id: str
    relation: str
    triggers: frozenset[str]  # lemmas; "*" = any predicate
    subject_role: str
    subject_classes: frozenset[str]
    object_role: str
    object_classes: frozenset[str]
    confidence: float
    symmetric: bool = False
    # Class given to an untyped name found in the role: a class, or "same" (the other end's).
    subject_infer: str | None = None
    object_infer: str | None = None


@dataclass(frozen=True)
class Candidate:
    """A relation read from one sentence, before entities are merged across documents."""

    subject: SentenceMention
    relation: str
    object: SentenceMention
    method: str
    confidence: float
    span: tuple[int, int]  # sentence-relative offsets covering both ends


def _role_spec(raw: object, where: str) -> tuple[str, frozenset[str], str | None]:
    if not isinstance(raw, dict) or raw.get("role") not in ROLES:
        raise ResourceFileError(f"{where}: needs a role among {', '.join(ROLES)}")
    classes = raw.get("classes") or []
    unknown = [c for c in classes if c not in ENTITY_CLASSES]
    if unknown or not classes:
        raise ResourceFileError(f"{where}: classes must be a non-empty list of contract classes")
    infer = raw.get("infer")
    if infer is not None and infer != "same" and infer not in classes:
        raise ResourceFileError(f"{where}: infer must be 'same' or one of the role's classes")
    return raw["role"], frozenset(classes), infer


def parse_patterns(text: str, source: str = "<patterns>") -> tuple[Pattern, ...]:
    """Validate and load pattern records; errors name the pattern and the field."""
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or not isinstance(data.get("patterns"), list):
        raise ResourceFileError(f"{source}: expected a mapping with a 'patterns' list")
    out = []
    for i, raw in enumerate(data["patterns"]):
        where = f"{source}: patterns[{i}]"
        if not isinstance(raw, dict):
            raise ResourceFileError(f"{where}: expected a mapping")
        for field in ("id", "relation", "triggers", "subject", "object"):
            if field not in raw:
                raise ResourceFileError(f"{where}: missing {field!r}")
        subject_role, subject_classes, subject_infer = _role_spec(
            raw["subject"], where + ".subject"
        )
        object_role, object_classes, object_infer = _role_spec(raw["object"], where + ".object")
        confidence = float(raw.get("confidence", 0.7))
        if not 0 < confidence <= 1:
            raise ResourceFileError(f"{where}: confidence must be in (0, 1]")
        out.append(
            Pattern(
                id=str(raw["id"]),
                relation=str(raw["relation"]),
                triggers=frozenset(str(t) for t in raw["triggers"]),
                subject_role=subject_role,
                subject_classes=subject_classes,
                object_role=object_role,
                object_classes=object_classes,
                confidence=confidence,
                symmetric=bool(raw.get("symmetric", False)),
                subject_infer=subject_infer,
                object_infer=object_infer,
            )
        )
    return tuple(out)


@cache
def load_patterns() -> tuple[Pattern, ...]:
    text = resources.files("graph").joinpath("data/patterns.ja.yaml").read_text(encoding="utf-8")
    return parse_patterns(text, "graph/data/patterns.ja.yaml")


# ----------------------------------------------------------------------------- parse helpers


def _marker(token: Token) -> str:
    """Case particles after a noun, joined: "が", "に対して", "による", "を基に"."""
    parts: list[tuple[int, str]] = []
    for child in token.children:
        if (
            child.i > token.i
            and child.dep_ in ("case", "mark")
            and child.pos_ in ("ADP", "SCONJ", "PART")
        ):
            parts.append((child.i, child.text))
            parts.extend((g.i, g.text) for g in child.children if g.dep_ == "fixed")
    # "Xを基に" / "Xをベースに": the noun 基 is the head of X, carrying に.
    marker = "".join(text for _, text in sorted(parts))
    for particle in ("などの", "など"):  # "AやBなどを" carries を
        if marker.startswith(particle) and len(marker) > len(particle) and marker != "などの":
            marker = marker[len(particle) :]
    head = token.head
    if marker == "を" and head.lemma_ in ("基", "もと", "ベース", "元") and head.i > token.i:
        return "を基に"
    return marker


def _is_coordination(marker: str) -> bool:
    return (
        marker == "" or marker in _COORDINATORS or marker.endswith(("など", "などの", "といった"))
    )


def _negated(predicate: Token) -> bool:
    """True when the predicate (or the light verb carrying it) is negated: しない, せず."""
    carriers = [predicate]
    if predicate.dep_ == "obj" and predicate.head.lemma_ in LIGHT_VERBS:
        carriers.append(predicate.head)
    return any(
        c.dep_ in ("aux", "fixed") and c.lemma_ in ("ない", "ず", "ぬ", "ん")
        for p in carriers
        for c in p.children
    )


def _quoted_clause(clause: Token) -> bool:
    """A clause reported with と (…と発表した) is what was said, not a chained action."""
    return any(c.dep_ in ("case", "mark") and c.lemma_ == "と" for c in clause.children)


def _joins(marker: str) -> bool:
    """Markers that can join a name to the next one in a coordination."""
    return marker == "と" or _is_coordination(marker)


def _role(marker: str, passive: bool) -> str | None:
    if marker in ("を基に",) or marker.startswith(("をもと", "をベース", "に基づ", "を元")):
        return "basis"
    if marker in ("による", "によって", "により"):
        return "ga" if passive else "agent"
    if marker in ("が", "は", "も", "では", "がは"):
        return "wo" if passive else "ga"
    if marker in ("を", "をも"):
        return "wo"
    if marker in (
        "に",
        "へ",
        "に対し",
        "に対して",
        "への",
        "と",
        "との",
        "にも",
        "とも",
        "に対する",
    ):
        return "ni"
    if marker in ("から", "からの"):
        return "kara"
    if marker in ("で", "を使って", "を用いて"):
        return "de"
    return None


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lemma_ in ("れる", "られる") for c in verb.children)


def _is_predicate(token: Token) -> bool:
    return token.pos_ in ("VERB", "ADJ") or (
        token.pos_ == "NOUN"
        and any(
            c.dep_ in ("aux", "cop") and c.lemma_ in ("する", "だ", "です") for c in token.children
        )
    )


@dataclass(frozen=True)
class _Arg:
    mention: SentenceMention
    role: str
    via: str  # "tree", "relative", "chain", "topic"
    penalty: float


class RelationReader:
    """Reads relation candidates from the sentences of one document, in order."""

    def __init__(self, patterns: Sequence[Pattern], cues: Cues) -> None:
        self.patterns = tuple(patterns)
        self.cues = cues
        self.by_trigger: dict[str, list[Pattern]] = {}
        for pattern in self.patterns:
            for trigger in pattern.triggers:
                self.by_trigger.setdefault(trigger, []).append(pattern)
        self.history: list[SentenceMention] = []  # mentions seen so far in the document
        self.topic: SentenceMention | None = None  # last は-marked organization
        self.type_noun_memory: dict[str, SentenceMention] = {}
        self.developed: dict[str, list[SentenceMention]] = {}  # org key -> what it made
        self.typed_by_role: dict[str, str] = {}  # key -> class inferred from a pattern role

    # -------------------------------------------------------------- per sentence
    def type_known(self, mentions: list[SentenceMention]) -> list[SentenceMention]:
        """Give untyped names the class a pattern role gave the same name earlier."""
        return [
            replace(m, entity_class=self.typed_by_role[m.key], cue=m.cue + "+role")
            if m.entity_class is None and m.key in self.typed_by_role
            else m
            for m in mentions
        ]

    def read(self, sentence: ParsedSentence, mentions: list[SentenceMention]) -> list[Candidate]:
        doc = sentence.doc
        self.text = fold_width(sentence.text)
        resolved = list(mentions) + self._anaphors(sentence, mentions)
        self._governors: dict[int, Token | None] = {}
        self._final_markers: dict[int, str] = {}
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
        out = _dedupe(out)
        for candidate in out:  # a class read from a role counts only if a relation came of it
            for end in (candidate.subject, candidate.object):
                if end.cue.startswith("role:") and end.entity_class:
                    self.typed_by_role.setdefault(end.key, end.entity_class)
        self._remember(doc, self.type_known(mentions))
        return out

    # -------------------------------------------------------------- anaphora
    def _anaphors(
        self, sentence: ParsedSentence, mentions: list[SentenceMention]
    ) -> list[SentenceMention]:
        """同社/同モデル/このモデル and bare type nouns (基盤モデル), resolved to earlier names."""
        out: list[SentenceMention] = []
        taken = [(m.start, m.end) for m in mentions]
        words = [(w, c) for w, c in self.cues.anaphors] + [
            (noun, m.entity_class or "") for noun, m in self.type_noun_memory.items()
        ]
        for word, entity_class in sorted(words, key=lambda wc: -len(wc[0])):
            for match in re.finditer(re.escape(word), self.text):
                start, end = match.span()
                if any(s < end and start < e for s, e in taken):
                    continue
                if self.text[end : end + 1] in ("「", "『", "・"):
                    continue  # a type noun introducing a new name, not a reference
                if word in self.type_noun_memory:
                    antecedent = self.type_noun_memory[word]
                else:
                    antecedent = self._last_of(entity_class, before=start, mentions=mentions)
                    if (
                        word == "それ"
                        and antecedent is not None
                        and antecedent not in mentions
                        and (antecedent not in self.history[-6:])
                    ):
                        antecedent = None
                if (
                    antecedent is None
                    or sentence.doc.char_span(start, end, alignment_mode="expand") is None
                ):
                    continue
                out.append(
                    SentenceMention(
                        start,
                        end,
                        self.text[start:end],
                        antecedent.entity_class,
                        f"anaphor:{word}",
                        antecedent.canonical,
                        antecedent.key,
                        antecedent.wikidata,
                    )
                )
                taken.append((start, end))
        return out

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

    def _remember(self, doc, mentions: list[SentenceMention]) -> None:
        for mention in mentions:
            if mention.entity_class is None:
                continue
            self.history.append(mention)
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
                and _marker(span.root) == "は"
            ):
                self.topic = mention

    # -------------------------------------------------------------- predicate-argument structures
    def _governor(self, token: Token) -> Token | None:
        """The predicate a mention depends on, skipping nouns and coordination (memoized)."""
        if token.i not in self._governors:
            self._governors[token.i] = self._find_governor(token)
        return self._governors[token.i]

    def _find_governor(self, token: Token) -> Token | None:
        following = self._next_coordinated(token)
        if following is not None and _joins(_marker(token)):
            return self._governor(following)
        current = token
        for _ in range(12):
            head = current.head
            if head.i == current.i:
                return None
            if head.i in self.by_head and _is_coordination(_marker(current)):
                current = head  # coordinated with another name: share its role
                continue
            if _is_predicate(head) or self._trigger_of(head):
                return self._event_of(head)
            current = head
        return None

    def _trigger_of(self, token: Token) -> str | None:
        """The trigger a token stands for: its lemma, or an event noun with a suffix
        (``出資額`` -> 出資, ``提携先`` -> 提携, ``買収計画`` -> 買収)."""
        lemma = token.lemma_
        if lemma in self.by_trigger:
            return lemma
        if token.tag_.startswith("接尾辞") and token.i > 0:
            # 商用|化, 実用|化: a suffix that makes a verb of the noun before it.
            joined = token.doc[token.i - 1].text + lemma
            if joined in self.by_trigger:
                return joined
        for suffix in _EVENT_SUFFIXES:
            if lemma.endswith(suffix) and lemma[: -len(suffix)] in self.by_trigger:
                return lemma[: -len(suffix)]
        return None

    def _event_of(self, predicate: Token) -> Token:
        """``出資を行い`` -> 出資: an event noun carried by a light verb is the real trigger."""
        if predicate.lemma_ in LIGHT_VERBS:
            for child in predicate.children:
                if child.dep_ == "obj" and self._trigger_of(child) and child.i not in self.by_head:
                    return child
        return predicate

    def _next_coordinated(self, token: Token) -> Token | None:
        """``AやBを`` / ``A、B、Cなどの``: the next name of a coordination, read linearly.

        Parses of coordinations are unreliable; the surface order is not.
        """
        mention = self.by_head.get(token.i)
        if mention is None:
            return None
        rest = self.text[mention.end :]
        rest = rest[1:] if rest[:1] in "」』" else rest
        joiner = re.match(r"(や|、|および|及び|と)", rest)
        if not joiner:
            return None
        limit = (
            mention.end
            + (1 if self.text[mention.end : mention.end + 1] in "」』" else 0)
            + len(joiner.group(0))
        )
        for head_i, other in sorted(self.by_head.items(), key=lambda kv: kv[1].start):
            if other.start >= mention.end and other.start - limit <= (
                1 if joiner.group(0) == "と" else 12
            ):
                between = self.text[limit : other.start]
                if re.search(r"[をがはにで]", between):
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
        if following is not None and _joins(_marker(token)):
            return self._final_marker(following)
        current = token
        for _ in range(8):
            marker = _marker(current)
            if not _is_coordination(marker) or current.head.i == current.i:
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
        return _marker(current)

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
            if _marker(token) == "の":
                # "Xのベースモデル": X stands for the generic noun it qualifies; "Googleの
                # 研究者が…" / "Microsoftのチームによって…": people act for their organization.
                head = token.head
                acts_for = mention.entity_class == "Organization" and (
                    head.text in self.cues.employment_roles or head.text in _ACTING_GROUPS
                )
                if head.i not in self.by_head and (
                    self.cues.type_of_noun(head.text) == mention.entity_class or acts_for
                ):
                    token = head
                else:
                    continue
            governor = self._governor(token)
            if governor is None:
                continue
            marker = self._final_marker(token)
            role = _role(marker, _is_passive(governor))
            if governor.dep_ == "obj" and governor.head.lemma_ in RECEIVING_VERBS:
                # "AはBから出資を受けた": the giver is the event's agent, the receiver its target.
                role = {"kara": "ga", "ga": "ni"}.get(role or "", role)
            if role is None:
                continue
            args.setdefault(governor.i, []).append(_Arg(mention, role, "tree", 0.0))
        out: list[Candidate] = []
        for governor_i in sorted(set(args) | {t.i for t in doc if self._trigger_of(t)}):
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
                    and not _quoted_clause(child)
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
                if "ga" not in roles:
                    extra.append(_Arg(head_mention, "ga", "relative", 0.05))
                elif "ga" in roles and "wo" not in roles:
                    extra.append(_Arg(head_mention, "wo", "relative", 0.05))
                elif "ga" in roles and "wo" in roles:
                    # "XがYを開発するZ": Z must fill a gap; X is most often mis-attached.
                    extra.append(_Arg(head_mention, "ga", "relative-override", 0.05))
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
                    chained = [a for a in self._direct_args(doc, clause) if a.role == "ga"]
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
            topic = self._sentence_topic(doc, before=governor.i) or self.topic
            if topic is not None:
                extra.append(_Arg(topic, "ga", "topic", 0.2))
        return extra

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
                _marker(head) != "の"
                or head.head.i == head.i
                or head.head.pos_ not in ("NOUN", "PROPN")
            ):
                break
            head = head.head
        if head.i in self.by_head:
            return self.by_head[head.i]
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
                role = _role(self._final_marker(token), _is_passive(predicate))
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
                _marker(token) == "の"
                and _marker(token.head) in ("は", "が")
                and token.head.i not in self.by_head
            ):
                return mention  # "基盤モデルの開発は…": the topic is the model
        return None

    def _apply(
        self, governor: Token, patterns: list[Pattern], event_args: list[_Arg]
    ) -> list[Candidate]:
        out: list[Candidate] = []
        if _negated(governor):
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
                confidence = max(
                    0.3,
                    pattern.confidence
                    - subject.penalty
                    - obj.penalty
                    - _distance_penalty(subject.mention, obj.mention),
                )
                out.append(
                    Candidate(
                        subject.mention,
                        pattern.relation,
                        obj.mention,
                        f"pattern:{pattern.id}/{self._trigger_of(governor) or governor.lemma_}/"
                        f"{subject.via}",
                        round(confidence, 3),
                        (
                            min(subject.mention.start, obj.mention.start),
                            max(subject.mention.end, obj.mention.end),
                        ),
                    )
                )
            if pattern.symmetric:
                group = [a for a in subjects if a.via == "tree"]
                for i, left in enumerate(group):
                    for right in group[i + 1 :]:
                        if left.mention.key != right.mention.key:
                            out.append(
                                self._pair(
                                    left.mention,
                                    pattern.relation,
                                    right.mention,
                                    f"pattern:{pattern.id}/coordinated",
                                    pattern.confidence - 0.05,
                                )
                            )
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
            if len(group) > 1 and not any(a.role == pattern.object_role for a in event_args):
                for i, left in enumerate(group):
                    for right in group[i + 1 :]:
                        if left.mention.key != right.mention.key:
                            out.append(
                                self._pair(
                                    left.mention,
                                    pattern.relation,
                                    right.mention,
                                    f"pattern:{pattern.id}/coordinated",
                                    pattern.confidence - 0.05,
                                )
                            )
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

    @staticmethod
    def _pair(
        left: SentenceMention, relation: str, right: SentenceMention, method: str, confidence: float
    ) -> Candidate:
        return Candidate(
            left,
            relation,
            right,
            method,
            round(confidence, 3),
            (min(left.start, right.start), max(left.end, right.end)),
        )

    # -------------------------------------------------------------- derivation
    def _basis(self, doc) -> list[Candidate]:
        """``Xを基に…したY`` / ``Xをベースに開発されたY``: Y is based on X.

        The parse of what ``を基に`` attaches to is unreliable, so the derived model is
        the next model named after the phrase, else the sentence's topic model.
        """
        out: list[Candidate] = []
        for head_i, base in self.by_head.items():
            if (
                base.entity_class not in ("AIModel", "Product")
                or _role(_marker(doc[head_i]), False) != "basis"
            ):
                continue
            derived = None
            for mention in sorted(self.by_head.values(), key=lambda m: m.start):
                if (
                    mention.start > base.end
                    and mention.entity_class == base.entity_class
                    and mention.key != base.key
                ):
                    derived = mention
                    break
            via = "following"
            if derived is None:
                derived = self._sentence_topic(doc, before=head_i)
                via = "topic"
            if (
                derived is None
                or derived.key == base.key
                or derived.entity_class not in ("AIModel", "Product")
            ):
                continue
            out.append(
                self._pair(
                    derived,
                    "basedOn",
                    base,
                    f"rule:basis/{via}",
                    0.8 if via == "following" else 0.7,
                )
            )
        return out

    # -------------------------------------------------------------- rivals
    def _rival_groups(self, doc) -> list[Candidate]:
        """``GoogleやAppleといったライバル企業`` -> the clause's subject competes with each."""
        out: list[Candidate] = []
        if not any(noun in self.text for noun in _RIVAL_NOUNS):
            return out
        for token in doc:
            if token.pos_ != "NOUN" or not (
                any(token.text.startswith(r) for r in _RIVAL_NOUNS)
                or any(
                    c.text in _RIVAL_NOUNS and c.dep_ in ("compound", "nmod")
                    for c in token.children
                )
            ):
                continue
            members = [
                m
                for i, m in self.by_head.items()
                if self._group_head(doc[i]) == token.i and m.entity_class == "Organization"
            ]
            if not members:
                # "競合となるOpenAI": the rival noun predicates a name.
                if token.head.i in self.by_head and token.dep_ in ("acl", "obl", "nmod", "advcl"):
                    members = [self.by_head[token.head.i]]
                else:
                    continue
            keys = {m.key for m in members}
            rival_of = self._sentence_subject(doc, exclude=keys)
            if rival_of is None:
                continue
            for member in members:
                out.append(self._pair(rival_of, "competesWith", member, "rule:rival-noun", 0.75))
        return out

    def _group_head(self, token: Token) -> int | None:
        current = token
        for _ in range(6):
            if current.head.i == current.i:
                return None
            marker = _marker(current)
            if not _is_coordination(marker):
                return None
            current = current.head
            if current.i not in self.by_head:
                return current.i
        return None

    def _sentence_subject(self, doc, *, exclude: set[str]) -> SentenceMention | None:
        for head_i in sorted(self.by_head):
            mention = self.by_head[head_i]
            if mention.key in exclude or mention.entity_class != "Organization":
                continue
            if self._final_marker(doc[head_i]) in ("は", "が", "も", "については", "について"):
                return mention
        for head_i in sorted(self.by_head):
            mention = self.by_head[head_i]
            if mention.key not in exclude and mention.entity_class == "Organization":
                return mention
        return None

    # -------------------------------------------------------------- stances
    def _stances(self, doc) -> list[Candidate]:
        """「Xは脅威」, Xの脅威, 勝者はX: a stance held by the speaker of the sentence."""
        out: list[Candidate] = []
        if not any(noun in self.text for noun in _STANCE_NOUNS):
            return out
        for token in doc:
            relation = _STANCE_NOUNS.get(token.lemma_)
            if relation is None:
                continue
            if re.match(
                r"(?:で|じゃ|とは)(?:は)?(?:ない|なく|ありません)",
                self.text[token.idx + len(token.text) :],
            ):
                continue  # 「Xは脅威ではない」 denies the stance
            target = self._stance_target(doc, token)
            if target is None:
                continue
            holder = self._stance_holder(doc, token, exclude={target.key})
            if holder is None:
                continue
            out.append(self._pair(holder, relation, target, f"rule:stance/{token.lemma_}", 0.75))
        return out

    def _stance_target(self, doc, noun: Token) -> SentenceMention | None:
        """The entity the stance is about: Xの脅威, 「Xは脅威」, 勝者はX, 勝者なのはX."""
        for child in noun.children:
            if child.i in self.by_head and child.i < noun.i and _marker(child) == "の":
                return self.by_head[child.i]
        for token in reversed(doc[max(0, noun.i - 4) : noun.i]):
            if token.i in self.by_head and _marker(token) in ("は", "が", "を"):
                return self.by_head[token.i]  # 「Xは脅威」, Xを脅威とみなす
        following = doc[noun.i + 1 : noun.i + 4].text
        if any(c.lemma_ == "は" for c in noun.children) or following.startswith(("は", "なのは")):
            for token in doc[noun.i + 1 : noun.i + 6]:
                if token.i in self.by_head:
                    return self.by_head[token.i]
        return None

    def _stance_holder(self, doc, noun: Token, *, exclude: set[str]) -> SentenceMention | None:
        """Who holds the stance: the speaker or the owner of the document quoting it."""
        inside_quote = self._inside_quote(noun)
        candidates = []
        for head_i in sorted(self.by_head):
            mention = self.by_head[head_i]
            if mention.key in exclude or mention.entity_class not in ("Organization", "Person"):
                continue
            if inside_quote and self._inside_quote(doc[head_i]):
                continue
            marker = self._final_marker(doc[head_i])
            score = 0 if marker in ("は", "が", "も", "の") else 1
            candidates.append((score, abs(head_i - noun.i), mention))
        if candidates:
            return min(candidates, key=lambda c: (c[0], c[1]))[2]
        return self.topic if self.topic and self.topic.key not in exclude else None

    def _inside_quote(self, token: Token) -> bool:
        before = self.text[: token.idx]
        return before.count("「") > before.count("」")

    # -------------------------------------------------------------- nominal rules
    def _employment(self, mentions: list[SentenceMention]) -> list[Candidate]:
        """A person tied to an organization by a role noun.

        ``MicrosoftのサティアナデラCEO``, ``OpenAIのCEOであるY氏``, ``X社長のY氏``,
        ``Y氏はXのCEOを務める`` give worksFor; founder roles (``Xの共同創業者``) give founded.
        A former tie (``元OpenAIの研究者``) gives nothing.
        """
        out: list[Candidate] = []
        people = [m for m in mentions if m.entity_class == "Person"]
        orgs = [m for m in mentions if m.entity_class == "Organization"]
        for role_words, relation in (
            (self.cues.employment_roles, "worksFor"),
            (self.cues.founder_roles, "founded"),
        ):
            roles = "|".join(re.escape(r) for r in role_words)
            for person in people:
                out += self._role_pairs(person, orgs, roles, relation)
        return out

    def _role_pairs(
        self, person: SentenceMention, orgs: list[SentenceMention], roles: str, relation: str
    ) -> list[Candidate]:
        out: list[Candidate] = []
        after = self.text[person.end : person.end + 12]
        method = f"rule:{'employment' if relation == 'worksFor' else 'founder'}"
        for org in (m for m in orgs if m.end <= person.start and not self._former(m)):
            gap = self.text[org.end : person.start]
            role_after = re.match(rf"(?:{roles})", after)
            if (
                re.fullmatch(rf"の(?:(?:{roles})(?:である|であった|だった|の|、)?)?", gap)
                and (role_after or gap != "の")
            ) or re.fullmatch(rf"\s?(?:{roles})(?:の|である|、)", gap):
                out.append(self._pair(person, relation, org, f"{method}/role", 0.8))
        # "Y氏はXのCEOを務める": the role follows the organization, the person is the topic.
        if not re.match(r"(?:氏|さん)?(?:は|が|も)", after):
            return out
        for org in (m for m in orgs if m.start > person.end and not self._former(m)):
            if re.match(
                rf"[」』]?の(?:{roles})(?:を務め|に就任|である|だ|で|として|の|、)",
                self.text[org.end :],
            ):
                out.append(self._pair(person, relation, org, f"{method}/role-of", 0.75))
                break
        return out

    def _former(self, org: SentenceMention) -> bool:
        """``元OpenAIの`` / ``前Google``: a tie that no longer holds."""
        return self.text[max(0, org.start - 1) : org.start] in ("元", "前")

    def _named_possession(self, mentions: list[SentenceMention]) -> list[Candidate]:
        """``Mistral AI社のオープンモデル「Mistral-7B-v0.1」`` -> the organization developed it."""
        out: list[Candidate] = []
        for org in (m for m in mentions if m.entity_class == "Organization"):
            for named in (
                m
                for m in mentions
                if m.entity_class in ("AIModel", "Product") and m.start > org.end
            ):
                gap = self.text[org.end : named.start]
                match = re.fullmatch(
                    r"(?:社|グループ)?の([\u30a0-\u30ff\u4e00-\u9fffA-Za-z]{0,12})[「『]?", gap
                )
                if match and (
                    match.group(1) == ""
                    or self.cues.type_of_noun(match.group(1)) in ("AIModel", "Product")
                ):
                    out.append(self._pair(org, "developed", named, "rule:possessive-name", 0.7))
                break
        return out

    def _own_possessive(self, doc) -> list[Candidate]:
        """``自社のモデルが流出したMeta``: Meta owns the model it was said to have made.

        自社 ("the company's own") refers to the organization whose clause contains it;
        the generic noun after it (モデル, 製品) is resolved to the last thing of that class
        the same organization developed earlier in the document.
        """
        out: list[Candidate] = []
        if "自社" not in self.text:
            return out
        for token in doc:
            if token.text != "自社" or _marker(token) != "の":
                continue
            noun = token.head
            entity_class = self.cues.type_of_noun(noun.text)
            if entity_class is None:
                continue
            owner = None
            ancestor = noun
            for _ in range(8):
                if ancestor.head.i == ancestor.i:
                    break
                ancestor = ancestor.head
                if (
                    ancestor.i in self.by_head
                    and self.by_head[ancestor.i].entity_class == "Organization"
                ):
                    owner = self.by_head[ancestor.i]
                    break
            if owner is None:
                owner = self._sentence_subject(doc, exclude=set())
            if owner is None:
                continue
            made = [m for m in self.developed.get(owner.key, []) if m.entity_class == entity_class]
            if made:
                out.append(self._pair(owner, "owns", made[-1], "rule:own-possessive", 0.7))
        return out

    def _subsidiaries(self, mentions: list[SentenceMention]) -> list[Candidate]:
        """``X傘下のY``, ``Xは傘下のY``, ``Xの子会社Y``, ``YはXの子会社だ`` -> X owns Y."""
        out: list[Candidate] = []
        if not any(word in self.text for word in _SUBSIDIARY_NOUNS):
            return out
        nouns = "|".join(_SUBSIDIARY_NOUNS)
        orgs = [m for m in mentions if m.entity_class == "Organization"]
        for left in orgs:
            for right in (m for m in orgs if m.start >= left.end and m.key != left.key):
                gap = self.text[left.end : right.start]
                if re.fullmatch(
                    rf"[」』]?(?:の|は|が)?、?(?:{nouns})(?:の|である|、)?[「『]?", gap
                ):
                    out.append(self._pair(left, "owns", right, "rule:subsidiary", 0.8))
                elif re.fullmatch(r"[」』]?(?:は|が|も)、?", gap) and re.match(
                    rf"[」』]?の(?:{nouns})", self.text[right.end :]
                ):
                    out.append(self._pair(right, "owns", left, "rule:subsidiary", 0.8))
        return out

    def _variants(self, mentions: list[SentenceMention]) -> list[Candidate]:
        """``LLaMA-65B`` variantOf ``LLaMA``; ``Gemma 7B`` variantOf ``Gemma`` when the
        family is a known model or was named earlier in the document."""
        out = []
        families = {
            m.canonical: m for m in (*self.history, *mentions) if m.entity_class == "AIModel"
        }
        for mention in mentions:
            if mention.entity_class != "AIModel":
                continue
            family = None
            if mention.family and mention.family != mention.canonical:
                family = SentenceMention(
                    mention.start,
                    mention.end,
                    mention.family,
                    "AIModel",
                    "family",
                    mention.family,
                    slug(mention.family),
                )
            else:
                parts = re.split(r"[ \-_・·]+", mention.canonical)
                for cut in range(len(parts) - 1, 0, -1):
                    head = families.get(" ".join(parts[:cut])) or families.get(
                        "-".join(parts[:cut])
                    )
                    if head is not None and all(_VERSION_TAIL.match(t) for t in parts[cut:]):
                        family = head
                        break
            if family is not None and family.key != mention.key:
                out.append(self._pair(mention, "variantOf", family, "rule:name-variant", 0.9))
        return out


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
