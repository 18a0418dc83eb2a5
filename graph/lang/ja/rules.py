"""Relation rules for constructions that are not predicate-argument shaped.

Each rule reads one sentence through the state the :class:`~graph.lang.ja.relations.RelationReader`
keeps (names by head token, the sentence text, the document's topic and what each
organization developed) and returns :class:`~graph.lang.ja.patterns.Candidate` records:

* derivation: ``Xを基に…したY`` (basedOn) and size/version variants (``LLaMA-65B``);
* rivals: ``AやBといったライバル企業``, ``競合となるX``;
* stances: ``「Xは脅威」``, ``Xの脅威``, ``勝者はX`` (negations excluded);
* roles: ``XのCEOであるY氏`` (worksFor), ``Xの共同創業者`` (founded), former ties excluded;
* possession: ``Mistral AI社のモデル「Y」`` (developed), ``自社の…`` and ``X傘下のY`` (owns).

``NominalRules`` is a mixin of :class:`~graph.lang.ja.relations.RelationReader`: the rules share
its parse walks (``_final_marker``, ``_sentence_topic``) instead of re-deriving them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.canonical import slug
from graph.lang.ja.mentions import SentenceMention
from graph.lang.ja.patterns import Candidate
from graph.lang.ja.syntax import argument_role, case_marker, is_coordination

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from graph.lang.ja.cues import Cues

__all__ = ["NominalRules", "pair"]

_RIVAL_NOUNS = ("ライバル", "競合", "競争相手", "対抗")
_RIVAL_OF = re.compile(r"[」』]?の(?:ライバル|対抗馬|競合|競争相手)")
_VERSION_TAIL = re.compile(r"^(?:v?\d+(?:\.\d+)*[a-z]?|\d+(?:\.\d+)?[BbMmKkTt])$")
_BECAME_SUBSIDIARY = re.compile(
    r"[」』]?の(?:連結|完全)?子会社(?:と|に)な|[」』]?の傘下に(?:入|な)"
)
_SUBSIDIARY_NOUNS = ("完全子会社", "連結子会社", "子会社", "傘下", "グループ会社")
_BASE_AFTER = re.compile(r"[」』]?(?:ベース|ベースの|を基盤と)")
_POSSESSIVE_GAP = re.compile(r"(?:社|グループ)?の([\u30a0-\u30ff\u4e00-\u9fffA-Za-z]{0,12})[「『]?")
_NAME_JOINER = re.compile(r"[」』]?(?:と|や|、|および)?[「『]?")
_STANCE_NOUNS = {"脅威": "viewsAsThreat", "勝者": "viewsAsWinner", "勝ち組": "viewsAsWinner"}


def pair(
    left: SentenceMention, relation: str, right: SentenceMention, method: str, confidence: float
) -> Candidate:
    """A candidate whose evidence span covers both names."""
    return Candidate(
        left,
        relation,
        right,
        method,
        round(confidence, 3),
        (min(left.start, right.start), max(left.end, right.end)),
    )


class NominalRules:
    """Rules over names, role nouns and fixed phrases (mixed into RelationReader)."""

    # State the reader provides (see RelationReader.read).
    text: str  # the sentence, width-folded
    by_head: dict[int, SentenceMention]  # names by the index of their head token
    cues: Cues
    history: list[SentenceMention]  # names met earlier in the document
    topic: SentenceMention | None  # last は-marked organization
    developed: dict[str, list[SentenceMention]]  # organization key -> what it made
    series: set[str]  # model families introduced as a series

    def _final_marker(self, token: Token) -> str: ...
    def _sentence_topic(self, doc: Doc, *, before: int) -> SentenceMention | None: ...

    # -------------------------------------------------------------- derivation
    def _basis(self, doc) -> list[Candidate]:
        """``Xを基に…したY`` / ``Xをベースに開発されたY``: Y is based on X.

        The parse of what ``を基に`` attaches to is unreliable, so the derived model is
        the next model named after the phrase, else the sentence's topic model.
        """
        out: list[Candidate] = []
        for head_i, base in self.by_head.items():
            based = argument_role(case_marker(doc[head_i]), False) == "basis"
            based = based or _BASE_AFTER.match(self.text, base.end) is not None  # Xベースの
            if base.entity_class not in ("AIModel", "Product") or not based:
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
                pair(
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
        out += self._rival_of()
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
                out.append(pair(rival_of, "competesWith", member, "rule:rival-noun", 0.75))
        return out

    def _rival_of(self) -> list[Candidate]:
        """``OpenAIの対抗馬と目されるMistral AI``: X's rival is the name the phrase describes
        (the next organization), else the sentence's subject."""
        out: list[Candidate] = []
        orgs = sorted(
            (m for m in self.by_head.values() if m.entity_class == "Organization"),
            key=lambda m: m.start,
        )
        for rival in orgs:
            match = _RIVAL_OF.match(self.text, rival.end)
            if not match:
                continue
            later = [m for m in orgs if m.start >= match.end() and m.key != rival.key]
            other = later[0] if later else self._topic_organization(exclude=rival)
            if other is not None and other.key != rival.key:
                out.append(pair(other, "competesWith", rival, "rule:rival-of", 0.7))
        return out

    def _group_head(self, token: Token) -> int | None:
        current = token
        for _ in range(6):
            if current.head.i == current.i:
                return None
            marker = case_marker(current)
            if not is_coordination(marker):
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
            out.append(pair(holder, relation, target, f"rule:stance/{token.lemma_}", 0.75))
        return out

    def _stance_target(self, doc, noun: Token) -> SentenceMention | None:
        """The entity the stance is about: Xの脅威, 「Xは脅威」, 勝者はX, 勝者なのはX."""
        for child in noun.children:
            if child.i in self.by_head and child.i < noun.i and case_marker(child) == "の":
                return self.by_head[child.i]
        for token in reversed(doc[max(0, noun.i - 4) : noun.i]):
            if token.i in self.by_head and case_marker(token) in ("は", "が", "を"):
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
        documents = [m for m in mentions if m.entity_class == "Document"]
        for role_words, relation, targets in (
            (self.cues.employment_roles, "worksFor", orgs),
            (self.cues.founder_roles, "founded", orgs),
            (self.cues.author_roles, "authoredBy", documents),
        ):
            roles = "|".join(re.escape(r) for r in role_words)
            for person in people:
                found = self._role_pairs(person, targets, roles, relation)
                if relation == "authoredBy":  # "論文「X」の共著者のY氏": X authoredBy Y
                    found = [
                        pair(c.object, relation, c.subject, c.method, c.confidence) for c in found
                    ]
                out += found
        return out

    def _role_pairs(
        self, person: SentenceMention, orgs: list[SentenceMention], roles: str, relation: str
    ) -> list[Candidate]:
        out: list[Candidate] = []
        after = self.text[person.end : person.end + 40]
        method = f"rule:{'employment' if relation == 'worksFor' else 'founder'}"
        # "XのCEOであるY氏", "X社長のY氏", "XのAzure担当幹部、Y氏"
        for org in (m for m in orgs if m.end <= person.start and not self._former(m)):
            gap = self.text[org.end : person.start]
            role_after = re.match(rf"(?:{roles})", after)
            if (
                re.fullmatch(
                    rf"の(?:[^、。はがをにで「」]{{0,15}}?(?:{roles})+(?:である|であった|だった|の|、)?)?",
                    gap,
                )
                and (role_after or gap != "の")
            ) or re.fullmatch(rf"\s?(?:{roles})+(?:の|である|、)", gap):
                out.append(pair(person, relation, org, f"{method}/role", 0.8))
        before = self.text[max(0, person.start - 20) : person.start]
        if (
            not out
            and re.search(rf"(?:{roles})+(?:は|が)$", before)
            and re.match(r"(?:氏|さん)?(?:、|が務め|は務め|$)", after)
        ):
            # "CEOはHa氏、CTOはJones氏が務める": the role is named first.
            org = self._topic_organization(exclude=person)
            if org is not None:
                out.append(pair(person, relation, org, f"{method}/role-first", 0.7))
        if out or not re.match(r"(?:氏|さん)?(?:は|が|も)", after):
            return out
        # "Y氏はXのCEOを務める": the role follows the organization, the person is the topic.
        for org in (m for m in orgs if m.start > person.end and not self._former(m)):
            if re.match(
                rf"[」』]?の(?:{roles})+(?:を務め|に就任|である|だ|で|として|の|、)",
                self.text[org.end :],
            ):
                return [pair(person, relation, org, f"{method}/role-of", 0.75)]
        # "Y氏がCEOを務めるX社" (a relative clause) or "Y氏がCEOを務める" (the topic company).
        held = re.match(
            rf"(?:氏|さん)?(?:が|は|も)(?:{roles})+(?:を務め(?:る|ている|た)?|に就任し?た?|として)",
            after,
        )
        if held is None and re.search(r"を務め|に就任", self.text[person.end :]):
            # "A氏がCEO、B氏がプレジデントを務める": the verb comes after the list.
            held = re.match(rf"(?:氏|さん)?(?:が|は)(?:{roles})+、", after)
        if held is None:
            return out
        end = person.end + held.end()
        attributive = self.text[end : end + 1] not in ("、", "。", "」", "")
        following = [m for m in orgs if m.start >= end and m.start - end <= 60]
        # The relative clause modifies the noun phrase whose head carries は/が.
        heads = [m for m in following if self.text[m.end : m.end + 1] in ("は", "が")]
        following = heads or following
        org = (
            following[0] if attributive and following else self._topic_organization(exclude=person)
        )
        if org is not None and not self._former(org):
            out.append(pair(person, relation, org, f"{method}/holds-role", 0.7))
        return out

    def _topic_organization(self, *, exclude: SentenceMention) -> SentenceMention | None:
        """The company a sentence is about: its は/が organization, else the document's."""
        for head_i in sorted(self.by_head):
            mention = self.by_head[head_i]
            if mention.entity_class == "Organization" and mention.key != exclude.key:
                return mention if self.text[mention.end : mention.end + 1] in ("は", "が") else None
        return self.topic

    def _former(self, org: SentenceMention) -> bool:
        """``元OpenAIの`` / ``前Google``: a tie that no longer holds."""
        return self.text[max(0, org.start - 1) : org.start] in ("元", "前")

    def _named_possession(self, mentions: list[SentenceMention]) -> list[Candidate]:
        """``Mistral AI社のオープンモデル「Mistral-7B-v0.1」`` -> the organization developed it.

        Names coordinated right after the first (``Metaの「A」と「B」``) are the
        organization's too.
        """
        out: list[Candidate] = []
        for org in (m for m in mentions if m.entity_class == "Organization"):
            named = [
                m
                for m in mentions
                if m.entity_class in ("AIModel", "Product") and m.start > org.end
            ]
            if not named:
                continue
            first = named[0]
            match = _POSSESSIVE_GAP.fullmatch(self.text[org.end : first.start])
            if not match or (
                match.group(1)
                and self.cues.type_of_noun(match.group(1)) not in ("AIModel", "Product")
            ):
                continue
            owned = [first]
            for following in named[1:]:
                if not _NAME_JOINER.fullmatch(self.text[owned[-1].end : following.start]):
                    break
                owned.append(following)
            out += [pair(org, "developed", m, "rule:possessive-name", 0.7) for m in owned]
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
            if token.text != "自社" or case_marker(token) != "の":
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
                out.append(pair(owner, "owns", made[-1], "rule:own-possessive", 0.7))
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
                    out.append(pair(left, "owns", right, "rule:subsidiary", 0.8))
                elif re.fullmatch(r"[」』]?(?:は|が|も)、?", gap) and re.match(
                    rf"[」』]?の(?:{nouns})", self.text[right.end :]
                ):
                    out.append(pair(right, "owns", left, "rule:subsidiary", 0.8))
        # "(ELYZAは)…KDDIの連結子会社となり": the company the sentence is about.
        for parent in orgs:
            if _BECAME_SUBSIDIARY.match(self.text, parent.end):
                child = self._topic_organization(exclude=parent)
                if child is not None and child.key != parent.key:
                    out.append(pair(parent, "owns", child, "rule:subsidiary/became", 0.75))
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
                    tail = parts[cut:]
                    versioned = all(_VERSION_TAIL.match(t) for t in tail)
                    if head is not None and (
                        versioned or (head.canonical in self.series and len(tail) <= 2)
                    ):
                        family = head
                        break
            if family is not None and family.key != mention.key:
                out.append(pair(mention, "variantOf", family, "rule:name-variant", 0.9))
        return out
