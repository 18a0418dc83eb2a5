"""Attaching names to their governors: the first step of the Japanese frame builder.

Each placed name, or list of names joined by と/や/、, is hung on the predicate or event
noun it depends on (``self.args``), on the noun it is the possessor of (``self.possessors``,
``Xの``) or on the trigger it is glued before (``self.prefixes``, ``LINEヤフー傘下``). The
parse is often wrong about where a name hangs, so this corrects it from the written text:
case markers, lists with counts (``3社``), nouns a case passes through (``Xの株式を``),
basis phrases (``Xを基に``), relative and reported clauses. Everything after it reads
only these maps.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from graph.lang.ja.framing.records import Placed, _State
from graph.lang.ja.framing.words import (
    _ADNOMINAL,
    _BASIS_MARKERS,
    _BASIS_VERBS,
    _CONTROL,
    _COUNTER,
    _DATA_NOUNS,
    _FAMILY_WORDS,
    _INSTRUMENT_VERBS,
    _JOIN_GAP,
    _LIST_TAIL,
    _LIST_TAIL_PLAIN,
    _MATCHES,
    _MODEL_NOUNS,
    _PEOPLE,
    _REPORTED,
    _STAKES,
    _THEMES,
    _THROUGH,
    _fraction_before,
    _glued,
)
from graph.lang.ja.syntax import COMPARISON_MARKERS, LIGHT_VERBS, is_predicate, surface_marker

if TYPE_CHECKING:
    from spacy.tokens import Token


# List tails that put the list in apposition to the class noun after them.
_APPOSED = ("といった", "などの", "等の", "のような")


class _Attaching(_State):
    """Attaching each name (or list of names) to the word it is an argument, possessor or
    prefix of, with the case marker written after it."""

    def _anchor(self, name: Placed) -> tuple[Token, int]:
        """The token that carries the name's syntax, and where its written unit ends.

        ``モデル「FLUX.1」を``: the type noun carries it; ``「ROOTS」コーパスは``: the noun after.
        """
        token = self.doc[name.token]
        end = name.unit_end
        if self.text[end : end + 1] in "」』":
            end += 1
        # "イ・セドル九段との": a person's suffix the tokenizer split (九|段) ends the unit
        suffix = next((s for s in self.s.cues.person_suffixes if self.text.startswith(s, end)), "")
        if suffix and name.hint == "Person":
            end += len(suffix)
        head = token.head
        if head.i != token.i and token.dep_ in ("compound", "nmod", "appos", "dep", "amod"):
            gap_before = self.text[head.idx + len(head.text) : name.start]
            if (
                head.i < token.i
                and gap_before in ("", "「", "『", "・", "の「", "の『")
                and self.s.cues.type_of_noun(head.text)
                and head.i not in self.by_token
            ):
                return head, end
            if (
                head.i > token.i
                and head.idx == end
                and self.s.cues.type_of_noun(head.text)
                and self._trigger(head) is None
            ):
                return head, head.idx + len(head.text)
            if (
                head.i > token.i
                and head.idx == end
                and head.text in ("シリーズ", "ファミリー", "群")
            ):
                return head, head.idx + len(head.text)
        return token, end

    def _attach_all(self) -> None:
        ordered = sorted(self.s.names, key=lambda p: p.start)
        # "OpenAIの「GPT-4」やGoogleの「Gemini」": a possessor in front of a name is no member
        # of the list the names form; it is attached on its own (to the name it qualifies).
        pairs = [(p, q) for p, q in pairwise(ordered) if self._owns(p, q)]
        names = [p for p in ordered if p not in {owner for owner, _ in pairs}]
        for owner, owned in pairs:
            self._attach([owner])  # where the parse hangs it (a title: MicrosoftのAzure担当幹部)
            head = self._anchor(owned)[0].i
            if owner not in self.possessors[head]:
                self.possessors[head].append(owner)
            self.paired[head] = owned
        groups: list[list[Placed]] = []
        index = 0
        while index < len(names):
            group = [names[index]]
            while index + 1 < len(names) and self._joined(group[-1], names[index + 1]):
                index += 1
                group.append(names[index])
            index += 1
            groups.append(group)
        for group in groups:
            for member in group:
                self.group_of[member.token] = group
        # (the joined lists only carry a case: each member keeps its own modifiers' ties)
        for group in self._modified_lists(groups):
            self._attach(group)

    def _modified_lists(self, groups: list[list[Placed]]) -> list[list[Placed]]:
        """Lists whose members carry modifiers of their own, joined into one group.

        "A、シンガポールの政府系ファンドであるB、運営会社CなどからX", "AやY傘下のBといった
        モデルを", "A氏や、論文を手がけた研究者のB氏らが": a member may be written with a
        possessor, an apposition or a relative clause before it, which breaks the pairwise
        joining of names. Closed by a list's tail (など, といった, ら), the list reaches back
        over each comma: the name written right before the comma is a member, whatever
        modifies the one after it, and the case after the tail is every member's. Without
        a tail only や joins ("「A」や、Yが買収した「B」を傘下に持つ"). (Names inside a
        modifier keep their own place: Yの, Y傘下, Yが…務める.)
        """
        merged = [list(g) for g in groups]
        # where each group's last name ends -> the group (a member before a comma)
        ends = {self._anchor(g[-1])[1]: (g[-1], i) for i, g in enumerate(merged)}
        inside: set[int] = set()  # groups inside a member's modifier: no members
        for i in range(len(merged) - 1, -1, -1):
            group = merged[i]
            if not group or i in inside:
                continue
            _, end = self._anchor(group[-1])
            closed = self._list_tail(end) is not None or re.match(
                r"[」』]?(?:氏|さん)?(?:など|等|ら(?=[はがもをにとで]))", self.text[end:]
            )
            # (without a tail, only や joins: it joins nouns, never clauses, as 、 may)
            while (
                previous := self._member_before(group[0], ends, by_ya_only=not closed)
            ) is not None and (previous < i and merged[previous]):
                merged[previous].extend(group)
                merged[i] = []
                inside.update(range(previous + 1, i))
                group, i = merged[previous], previous
        return [g for g in merged if g]

    def _member_before(
        self, first: Placed, ends: dict[int, tuple[Placed, int]], *, by_ya_only: bool = False
    ) -> int | None:
        """The group whose last name is written right before ``first``'s separator (、, や,
        や、) and the modifier of ``first`` that follows it ("A、シンガポールの政府系ファンド
        であるB", "AやY傘下のB")."""
        start = first.start
        if self.text[start - 1 : start] in ("「", "『"):
            start -= 1
        low = max(0, start - 40)
        window = self.text[low:start]
        for separator in sorted((i for i, c in enumerate(window) if c in "、や"), reverse=True):
            modifier = window[separator + 1 :]
            if "、" in modifier or "。" in modifier:
                return None
            if re.search(r"(?:[はがをにでとへも]|から)$", modifier):
                return None  # "A、Bと…": a clause's case, no modifier of a member
            cut = low + separator
            if self.text[cut] == "、" and self.text[cut - 1 : cut] == "や":
                cut -= 1  # "A」や、…B"
            if by_ya_only and self.text[cut] != "や":
                continue
            member = ends.get(cut)
            if member is not None:
                name, index = member
                return None if self._opens_headline(name) else index
        return None

    def _owns(self, left: Placed, right: Placed) -> bool:
        """``Googleの「Gemini」``: a name written with の right before another name."""
        if left.token == right.token:
            return False
        _, end = self._anchor(left)
        # ("Google の「 Gemma 3 」": text spaced between words, as machine-set news is)
        gap = re.sub(r"[ \u3000]", "", self.text[end : right.start])
        if gap in ("の", "の「", "の『"):
            return True
        # "MicrosoftのクラウドサービスAzure": the owner, a type noun, then the name.
        noun = gap[1:].rstrip("「『") if gap.startswith("の") else ""
        return (
            re.fullmatch(r"[\u30a0-\u30ff\u4e00-\u9fffA-Za-z]{1,12}", noun) is not None
            and self.s.cues.type_of_noun(noun) is not None
        )

    def _joined(self, left: Placed, right: Placed) -> bool:
        if left.token == right.token:
            return True  # 両社: one word standing for two names
        _, end = self._anchor(left)
        gap = self.text[end : right.start]
        rest = gap.lstrip("」』")
        if rest.startswith("、") and rest[1:].rstrip("「『") in self.s.cues.descriptors:
            return True  # "ジャーン・タリン、新興リスク研究センター": a list, a descriptor
        if gap.lstrip("」』").startswith("、") and self._opens_headline(left):
            return False  # "Microsoft、仏Mistral AIと提携": the headline's subject, then its news
        honorific = ("氏", "さん")
        if self.text.startswith(honorific, left.end) != self.text.startswith(honorific, right.end):
            return False  # people listed are each written with 氏: "A氏、Quora CEOのB氏"
        if self.text.startswith("と、", end) and len(gap) <= 40 and "。" not in gap:
            # "Silo AIと、サーバーを設計する米ZT Systemsを": と then a comma joins the next
            # name that carries a case, past the clause describing it.
            _, right_end = self._anchor(right)
            return surface_marker(self.text, right_end) not in ("", "と", "、", "や")
        if not _JOIN_GAP.fullmatch(gap):
            return False
        marker = surface_marker(self.text, end)
        if gap.strip("」』「『") == "" and marker == "":
            # 「A」「B」: two quoted names side by side (not the ends of two quoted clauses)
            whole = all(
                self.text[p.start - 1 : p.start] in "「『"
                and self.text[self._anchor(p)[1] - 1] in "」』"
                for p in (left, right)
            )
            return left.key != right.key and whole
        return (
            marker in ("と", "、", "や", "および", "及び", "並びに", "", "の")
            and (marker != "の" or self.text.startswith(("のほか", "に加え", "のみならず"), end))
        ) or gap.startswith("・")

    def _attach(self, group: list[Placed]) -> None:
        last = group[-1]
        anchor, end = self._anchor(last)
        tail = _COUNTER.match(self.text, end) or self._list_tail(end)
        tail_noun = tail is not None and (
            re.search(r"[\u30a0-\u30ff\u4e00-\u9fffA-Za-z0-9]$", tail.group(0)) is not None
            # ("「X」と呼ばれる仕組みを": a noun that ends in kana)
            or getattr(self._token_ending_at(tail.end()), "pos_", "") == "NOUN"
        )
        if tail and tail_noun:
            carrier = self._token_ending_at(tail.end()) or self._token_at(tail.end() - 1)
            if carrier is not None and (
                carrier.i not in self.by_token or self.by_token[carrier.i].hint is None
            ):
                # (a tail cut inside a long noun ends with it: …といったオープンな日本語データ)
                anchor, end = carrier, max(tail.end(), self._end(carrier))
                group = self._counted_group(group, tail.group(0))
                self.carried[carrier.i] = group
            elif (
                carrier is not None
                and carrier.i in self.by_token
                and self.by_token[carrier.i].hint in ("Concept", "Dataset", "Technique")
                and tail.group(0).lstrip("」』").startswith(_APPOSED)
            ):
                # "WikipediaやCommon Crawlといった日本語データを", "XやYなどのLLMを": the
                # class noun is a name of its own (a concept); the list is in apposition to
                # it and takes its case.
                anchor, end = carrier, max(tail.end(), self._end(carrier))
                self.carried[carrier.i] = group
        elif tail:
            end = tail.end()  # "AやBなどを": the list carries the case after など
        marker = surface_marker(self.text, end)
        head = anchor.head
        if marker == "の" and head.i < anchor.i:
            # "先駆的論文「X」の執筆": the parse hung the name on a word before it; what it
            # is written before の is the noun right after.
            after = re.match(r"[」』 ]*の", self.text[end:])
            following = self._token_at(end + after.end()) if after else None
            if following is not None and following.i > anchor.i:
                head = following
        if marker == "の" and head.i > anchor.i:
            # "Intelの普通株式に投資": the parse hung the name on the verb; the noun run
            # written after の is what it is the possessor of.
            run = self._token_at(end + 1)
            while (
                run is not None
                and run.i + 1 < len(self.doc)
                and run.pos_ in ("NOUN", "PROPN")
                and _glued(self.doc, run.i)
                and self.doc[run.i + 1].pos_ in ("NOUN", "PROPN")
            ):
                run = self.doc[run.i + 1]
            if (
                run is not None
                and run.i != head.i
                and run.i not in self.by_token
                and self._through(run) is not None
                and run.head.i == head.i
            ):
                head = run
        # "Wikipedia, OSCAR等の日本語と英語データを利用": a list carried by a data noun
        data = anchor.i in self.carried and anchor.text.endswith(tuple(_DATA_NOUNS))
        stake: bool | None = None  # "Xの株を取得": shares bought; "Xの全株式を": the company
        round_of = False  # the name is the company whose funding round the noun is
        while marker == "の" and head.i > anchor.i and self._through(head) is not None:
            through = self._through(head)
            assert through is not None
            after = surface_marker(self.text, through.idx + len(through.text))
            if (through.text in _PEOPLE or through.lemma_ in _PEOPLE) and after not in (
                "は",
                "が",
                "も",
                "を",
                "に",
                "から",
                "によって",
                "と",
                "により",
            ):
                break  # "OpenAIの研究者であるY": a title, not the company acting
            anchor = through
            data = data or anchor.text in _DATA_NOUNS
            if anchor.text in ("割", "%", "％"):
                stake = _fraction_before(self.text[: anchor.idx], anchor.text) < 0.5
            elif (
                anchor.text in _STAKES
                or (anchor.text.endswith(("株式", "株")) and anchor.text not in _CONTROL)
            ) and stake is None:
                stake = not re.search(r"全$", self.text[: anchor.idx])
            elif anchor.text in _CONTROL:
                stake = False
            if anchor.text.endswith(("ラウンド", "株主")) or anchor.text in (
                "増資",
                "第三者割当増資",
            ):
                round_of = True  # "ミナセ技研の資金調達ラウンドには…参加": its round
            end = anchor.idx + len(anchor.text)
            marker, head = surface_marker(self.text, end), anchor.head
        if data and marker not in ("の", ""):
            # "「ShareGPT」のデータに基づき": what the data came from, whatever the case;
            # "「Kiri」の学習データには…": a model owns its training data, it is no source.
            governor = self._basis_owner(self._governor(anchor))
            written = self.text[max(0, anchor.idx - 4) : anchor.idx + len(anchor.text)]
            trainee = re.search(r"(?:学習|訓練)用?データ$", written) is not None and all(
                m.hint == "AIModel" for m in group
            )
            if governor is not None:
                for member in group:
                    self.args[governor.i].append((member, "TRAINEE" if trainee else "DATA"))
            return
        owner = self.by_token.get(head.i) or self.anchored.get(head.i)
        if marker == "の" and owner is not None and head.i > anchor.i:
            # "エレナ・バルガ氏のQuantaMind社への移籍": the possessor belongs to the event the
            # next name is an adnominal argument of, not to that name.
            owner_anchor, owner_end = self._anchor(owner)
            if surface_marker(self.text, owner_end) in _ADNOMINAL:
                event = self._governor(owner_anchor, adnominal=True)
                if event is not None and self._trigger(event) is not None:
                    self.possessors[event.i].extend(group)
                    return
        if marker == "の":
            if head.i != anchor.i:
                self.possessors[head.i].extend(group)
            return
        family_at = end + len(self.text[end:]) - len(self.text[end:].lstrip("」』"))
        if marker == "" and self.text.startswith(_FAMILY_WORDS, family_at):
            # "「Llama-3-ELYZA-JP」シリーズを開発": the series word carries the name's case.
            carrier = self._token_at(family_at)
            if carrier is not None and carrier.i not in self.by_token:
                anchor, end = carrier, carrier.idx + len(carrier.text)
                marker, head = surface_marker(self.text, end), carrier.head
        if marker == "":
            glued = self._token_at(end)
            if glued is None and self.text[end : end + 1] in (" ", "\u3000"):
                # "Sakana AI 共同創業者": text spaced between words glues with a space
                glued = self._token_at(end + 1)
                end += 1
            if (
                glued is not None
                and glued.idx == end
                and glued.i not in self.by_token
                and self._trigger(glued) is not None
            ):
                self.prefixes[glued.i].extend(group)  # "Scale AI創業者", "LINEヤフー傘下"
            elif head.i != anchor.i and head.i > anchor.i and head.idx <= end + 1:
                self.prefixes[head.i].extend(group)
            return
        if marker in ("や", "、"):
            # "川崎重工業、神戸商工貿易センター、神戸市は": the list ends in a member that is no
            # name (a city); the case after it is the whole list's.
            last_member = re.match(
                r"[」』]?[、や]([^\s、。はがをにでとや「」『』]{1,8})(?=[はがもを])",
                self.text[end:],
            )
            carrier = self._token_ending_at(end + last_member.end()) if last_member else None
            if carrier is None or carrier.i in self.by_token or tail or len(group) < 2:
                return  # (only a list of names, not "「X」と呼ばれる、データを…")
            anchor, end = carrier, end + last_member.end()
            marker = surface_marker(self.text, end)
        match = self._token_at(self.text.find("との", end) + 2) if marker == "との" else None
        while (
            match is not None
            and match.i + 1 < len(self.doc)
            and _glued(self.doc, match.i)
            and (self.doc[match.i + 1].pos_ in ("NOUN", "NUM"))
        ):
            match = self.doc[match.i + 1]  # the compound's last word (五|番勝負)
        if match is not None and match.text.endswith(_MATCHES) and match.head.i != match.i:
            # "イ・セドル九段との五番勝負に勝利": the opponent of the match is the other party
            # of what is done in it.
            match_governor = self._governor(match)
            if match_governor is not None and self._trigger(match_governor) is None:
                # "…との五番勝負に勝利を収めた": a light verb's event noun is what is done
                match_governor = next(
                    (
                        c
                        for c in match_governor.children
                        if c.dep_ == "obj" and self._trigger(c) is not None
                    ),
                    None,
                )
            if match_governor is not None and self._trigger(match_governor) is not None:
                for member in group:
                    self.args[match_governor.i].append((member, "と"))
                return
        if self.text.startswith(_THEMES, end):
            self.themes.extend(group)
        governor = self._governor(anchor, adnominal=marker in _ADNOMINAL)
        if (
            marker in COMPARISON_MARKERS
            and governor is not None
            and governor.lemma_ in ("比べる", "比較", "比較する")
            and governor.head.i != governor.i
        ):
            governor = governor.head  # "「GPT-4」と比べて高い": the marker's own verb is no clause
        if marker == "が" and governor is not None:
            governor = self._outer_clause(anchor, self._nearer_relative_clause(anchor, governor))
        elif marker == "が" and anchor.head.i > anchor.i:
            # "…ジム・ケラー氏がCEOを務めるスタートアップ企業。": the parse made the subject
            # the sentence's last noun's; the relative clause between them is its clause.
            nearer = self._nearer_relative_clause(anchor, anchor.head)
            governor = nearer if nearer.i != anchor.head.i else None
        if marker in ("が", "は", "も") and governor is not None:
            governor = self._reported_clause(anchor, governor)
        while (
            marker in ("について", "に関して", "については", "に関しては")
            and governor is not None
            and self._trigger(governor) is None
            and (chained := self._chain_head(governor)) is not None
        ):
            # "HashiCorpについて、審査を経て、買収を完了した": the theme of the sentence's
            # chain of clauses is the theme of the predicate it ends in.
            governor = chained
        if marker in _BASIS_MARKERS:
            governor = self._basis_clause(self._basis_owner(governor))
        if marker == "を" and governor is not None:
            end_of_clause = governor.idx + len(governor.text)
            if re.match(r"(?:る|た|ない)?ように", self.text[end_of_clause : end_of_clause + 5]):
                # "それを…できるようにファインチューニングした": the object of the purpose clause
                # is what the verb after ように acts on.
                following = self._next_predicate_after(end_of_clause)
                if following is not None:
                    for member in group:
                        self.args[following.i].append((member, marker))
        if governor is not None:
            if stake and marker == "を":
                marker = "STAKE"  # a share of a company is an investment in it
            if round_of and marker in ("に", "には", "にも", "へ"):
                marker = "ROUND"  # joining a company's round is investing in it
            for member in group:
                self.args[governor.i].append((member, marker))
            if marker == "を" and governor.lemma_ in _INSTRUMENT_VERBS:
                # "コーパスXを用いて、Yの事前学習を行った": X is what the next clause does it with.
                following = self._next_predicate(governor)
                if following is not None:
                    for member in group:
                        self.args[following.i].append((member, "で"))

    def _list_tail(self, end: int) -> re.Match[str] | None:
        """What closes a list after its last name (``など``, ``といった企業``), up to the noun
        that carries the list's case.

        "…等の日本語と英語データを" has coordinated modifiers before its noun; in "…といった
        企業と提携した" the と after the noun is the list's case, for the word after it is an
        event (a trigger), not the second half of a compound noun.
        """
        tail = _LIST_TAIL.match(self.text, end)
        plain = _LIST_TAIL_PLAIN.match(self.text, end)
        if tail is None or plain is None or plain.end() >= tail.end():
            return tail
        joint = plain.end()
        if self.text[joint : joint + 1] in ("と", "や"):
            following = self._token_at(joint + 1)
            if following is not None and self._trigger(following) is not None:
                return plain
        return tail

    def _nearer_relative_clause(self, anchor: Token, governor: Token) -> Token:
        """``曽根岡侑也氏が代表取締役CEOを務める…株式会社ELYZAは…発表した``: the parse hung a
        が-subject on a verb far to the right; a relative clause's verb between them with
        no subject of its own is the one it belongs to (が marks the subject of the nearest
        clause; the sentence's own subject is written with は)."""
        for token in self.doc[anchor.i + 1 : governor.i]:
            if token.text == "、":
                return governor  # "瑞穂自動車が、…を開発するSableへの出資を": the main subject
            if token.dep_ != "acl" or token.pos_ != "VERB" or token.head.i <= token.i:
                continue
            if any(c.dep_ in ("nsubj", "csubj") for c in token.children):
                return governor
            return token
        return governor

    def _outer_clause(self, anchor: Token, governor: Token) -> Token:
        """``GroqがA、Yがパートナーを務めるBなどから調達した``: the parse gave a relative
        clause two が-subjects; the nearer one is its own, and the farther one is the subject
        of the predicate the described noun is an argument of."""
        if governor.dep_ != "acl" or governor.head.i <= governor.i:
            return governor
        nearer = [
            c
            for c in governor.children
            if anchor.i < c.i < governor.i
            and c.dep_ == "nsubj"
            and any(k.dep_ == "case" and k.text == "が" for k in c.children)
        ]
        outer = governor.head.head
        if nearer and outer.i > governor.head.i and is_predicate(outer):
            return outer
        return governor

    def _reported_clause(self, anchor: Token, governor: Token) -> Token:
        """``Gemini Ultraが…GPT-4を超えたとされる``: a subject the parse hung on the verb
        of hearsay belongs to the reported clause after it, when that clause has none."""
        for child in governor.children:
            if child.dep_ not in ("advcl", "ccomp") or not anchor.i < child.i < governor.i:
                continue
            if self._trigger(child) is None:
                continue
            if not _REPORTED.match(self.text, self._clause_end(child)):
                continue
            if any(m in ("が", "は") for _, m in self.args.get(child.i, [])):
                continue
            return child
        return governor

    def _next_predicate_after(self, offset: int) -> Token | None:
        for token in self.doc:
            if token.idx >= offset and is_predicate(token) and token.pos_ == "VERB":
                return token
        return None

    def _basis_clause(self, governor: Token | None) -> Token | None:
        """``同モデルを基に利用者が入力した指示に…できるようにしたモデル「Y」``: the basis is
        the basis of the clause that describes a name, not of every verb inside it."""
        current = governor
        for _ in range(6):
            if current is None or current.head.i == current.i:
                return current if current is not None else governor
            if self._is_relative(current) and self._named(self._phrase_head(current.head)):
                return current
            if any(n for n, m in self.args.get(current.i, []) if m in ("が", "は")):
                return current
            current = current.head
        return governor

    def _basis_owner(self, governor: Token | None) -> Token | None:
        """``Xに基づき、…微調整する``: the parse may make 基づく a verb of its own; what it
        marks belongs to the predicate it leads to."""
        if governor is not None and governor.lemma_ in _BASIS_VERBS:
            return self._next_predicate(governor) or governor.head
        return governor

    def _next_predicate(self, clause: Token) -> Token | None:
        """The predicate a て-clause leads on to (before the relative-clause machinery)."""
        end = clause.idx + len(clause.text)
        if (
            not re.match(r"(?:し)?て[、,]?|[、,]", self.text[end : end + 3])
            and clause.dep_ != "advcl"
        ):
            return None
        head = clause.head
        if head.i > clause.i and (is_predicate(head) or head.lemma_ in LIGHT_VERBS):
            return head
        for token in self.doc[clause.i + 1 :]:
            if is_predicate(token):
                return token
        return None

    def _through(self, noun: Token) -> Token | None:
        """The noun a case passes through (株式, 権利, シリーズBラウンド, ベースモデル, データ),
        written as the compound ending at ``noun``'s head if ``noun`` only starts it."""
        if noun.text in _THROUGH or noun.lemma_ in _THROUGH:
            return noun
        if noun.text.endswith(("株式", "株")) and noun.text not in ("全株式", "全株"):
            return noun  # "Intelの普通株式に投資", "優先株": a kind of share
        compound, i = noun.text, noun.i
        while i > 0 and self.doc[i - 1].idx + len(self.doc[i - 1].text) == self.doc[i].idx:
            i -= 1
            if self.doc[i].pos_ not in ("NOUN", "PROPN") or i in self.by_token:
                break
            compound = self.doc[i].text + compound
            if compound in _THROUGH:
                return noun  # "研究者|ら": the compound ending here
        after = self.text[noun.idx + len(noun.text) :]
        if (noun.text in _MODEL_NOUNS or noun.text in _DATA_NOUNS) and not after.startswith(
            ("「", "『", "・")
        ):
            return noun  # "LLaMAのベースモデルを微調整": the model stands for LLaMA
        if noun.text in self.s.cues.measure_nouns and self._trigger(noun.head) is not None:
            return noun  # "GPT-4の性能を上回った": what is compared is GPT-4
        head = noun.head
        glued = all(t.idx + len(t.text) == self.doc[t.i + 1].idx for t in self.doc[noun.i : head.i])
        if head.i > noun.i and glued and (head.text in _THROUGH or head.lemma_ in _THROUGH):
            return head
        return None

    def _counted_group(self, group: list[Placed], tail: str) -> list[Placed]:
        """``「A」のほか、…「B」と、…「C」の3モデル``: a count names how many members the list
        has; members written far apart (each with its own description) join it."""
        number = re.search(r"\d+|[一二三四五六七八九十]", tail)
        if number is None:
            return group
        digits = "一二三四五六七八九十"
        count = (
            int(number.group(0)) if number.group(0).isdigit() else digits.index(number.group(0)) + 1
        )
        members = list(group)
        for name in sorted(self.by_token.values(), key=lambda p: -p.start):
            if len(members) >= count:
                break
            if name.start >= members[0].start or name.reference:
                continue
            _, end = self._anchor(name)
            if surface_marker(self.text, end) in ("と", "や", "、") or self.text.startswith(
                ("のほか", "に加え"), end
            ):
                members.insert(0, name)
        return members if len(members) == count else group

    def _governor(self, token: Token, *, adnominal: bool = False) -> Token | None:
        """The predicate or event noun a case-marked name depends on. An adnominal marker
        (による, との, への) modifies an event noun further right in the noun phrase, through
        whatever the parse hung it on (``XによるモデルYの開発``)."""
        current = token
        through_name = False
        for _ in range(6 if adnominal else 4):
            head = current.head
            if head.i == current.i:
                return None
            if through_name and head.pos_ in ("NOUN", "PROPN"):
                current = head
                continue
            if is_predicate(head) or self._trigger(head) is not None:
                return head
            if head.i in self.by_token and not adnominal:
                if current.i == token.i and surface_marker(
                    self.text, token.idx + len(token.text)
                ).startswith(("が", "は")):
                    # "ミカゲ技研がヒノデ電機の買収を表明": a subject hung on another name is a
                    # misparse; its clause is the verb further up, past the noun phrase.
                    current, through_name = head, True
                    continue
                return None
            current = head
        return None
