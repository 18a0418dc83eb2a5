"""Which words of the Japanese parse are triggers, and which word carries each one's syntax.

A trigger is a pattern's word: a verb, an event noun, a title, a relational noun or an
idiom, possibly written as two or three words (完全|子会社|化). ``_FrameBuilder.__init__``
finds them all first (``_find_trigger``), so every later step asks ``_trigger``; the
carrier (出資を *行う*, CEOを *務める*) is where an event noun's arguments are hung.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.lang.ja.framing.records import _State
from graph.lang.ja.framing.words import _BLOCKING_SUFFIXES, _EVENT_SUFFIXES, _RELATIONAL, _glued
from graph.lang.ja.syntax import LIGHT_VERBS, TITLE_VERBS, is_predicate, surface_marker

if TYPE_CHECKING:
    from spacy.tokens import Token


class _Triggers(_State):
    """Finding triggers in the parse and the words that carry them (light verbs, idiom nouns,
    compounds), with the lookups from text offsets to tokens the other parts use."""

    def _token_ending_at(self, end: int) -> Token | None:
        for token in self.doc:
            if token.idx + len(token.text) == end:
                return token
        return None

    def _token_at(self, offset: int) -> Token | None:
        for token in self.doc:
            if token.idx <= offset < token.idx + len(token.text):
                return token
        return None

    def _end(self, token: Token) -> int:
        return token.idx + len(token.text)

    def _trigger(self, token: Token) -> tuple[str, str | None] | None:
        """The trigger a token carries the syntax of (memoized in ``self.events``)."""
        found = self.events.get(token.i)
        return None if found is None else found[:2]

    def _find_trigger(self, token: Token) -> tuple[str, str | None] | None:
        if token.i in self.by_token:
            return None
        if token.pos_ in ("ADP", "AUX", "PUNCT", "SCONJ", "CCONJ", "NUM", "SYM"):
            return None
        if token.tag_.startswith("接尾辞") and not (
            token.i - 1 in self.by_token and _glued(self.doc, token.i - 1)
        ):
            return None  # "GPT-4超え" compares a name; "1億ドル超" only rounds an amount
        triggers = self.s.triggers
        lemma = token.lemma_
        for trigger, noun, particle, verb in triggers.idioms:
            if lemma == verb or token.text == verb:
                for child in token.children:
                    if self._compound_text(child).endswith(noun) and surface_marker(
                        self.text, child.idx + len(child.text)
                    ).startswith(particle):
                        return trigger, None
        following = self.doc[token.i + 1] if token.i + 1 < len(self.doc) else None
        if (
            token.i + 2 < len(self.doc)
            and _glued(self.doc, token.i)
            and _glued(self.doc, token.i + 1)
        ):
            # 完全|子会社|化, 継続|事前|学習: three words written as one trigger
            third = self.doc[token.i + 2]
            joined = token.text + self.doc[token.i + 1].text + third.text
            if joined in triggers.words and third.pos_ in ("NOUN", "PROPN", "PART", "VERB"):
                self.extent[token.i] = third.i
                return joined, None
        if (
            following is not None
            and following.idx == token.idx + len(token.text)
            and following.pos_ in ("NOUN", "PROPN", "PART", "VERB")  # 追加|学習した
            and token.text + following.text in triggers.words
        ):
            self.extent[token.i] = following.i  # 微調整|版, 提携|先, 開発|元
            return token.text + following.text, None
        if (
            following is not None
            and following.idx == token.idx + len(token.text)
            and following.text in _EVENT_SUFFIXES
            and (token.lemma_ in triggers.words or token.text in triggers.words)
        ):
            # 買収|手続き, 出資|額, 買収|計画: the suffix noun carries the syntax
            self.extent[token.i] = following.i
            return (
                token.lemma_ if token.lemma_ in triggers.words else token.text,
                _BLOCKING_SUFFIXES.get(following.text),
            )
        if lemma in ("化", "化する") and token.i > 0:
            joined = self.doc[token.i - 1].text + "化"
            if joined in triggers.words:
                return joined, None
        if lemma in triggers.words:
            return lemma, None
        if token.text in triggers.words:
            return token.text, None
        if token.text in triggers.titles and (
            token.pos_ in ("NOUN", "PROPN")
            or surface_marker(self.text, token.idx + len(token.text)) in ("として", "に", "の")
        ):
            return "@title", None  # ("…を最高技術責任者として": a title, whatever the tag)
        if token.pos_ in ("NOUN", "PROPN", "VERB"):
            return triggers.noun_trigger(token.text)
        return None

    def _compound_text(self, token: Token) -> str:
        """A noun with the words glued before it that the parse hangs on it as a compound
        (提携|相手 of 提携相手に選ぶ)."""
        first = token
        while (
            first.i > 0
            and self.doc[first.i - 1].dep_ == "compound"
            and self.doc[first.i - 1].head.i == token.i
            and _glued(self.doc, first.i - 1)
        ):
            first = self.doc[first.i - 1]
        return self.text[first.idx : token.idx + len(token.text)]

    def _conjoined_head(self, token: Token) -> Token:
        following = token.i + 1
        if (
            following + 1 < len(self.doc)
            and self.doc[following].text == "・"
            and token.head.i == following + 1
            and token.dep_ == "compound"
            and token.head.pos_ in ("VERB", "NOUN")
            and token.head.i not in self.by_token
        ):
            return token.head
        return token

    def _carrier(self, event: Token, trigger: str) -> Token | None:
        """The verb that carries an event noun (出資を行う, 買収が完了した, CEOを務める)."""
        head = event.head
        end = event.idx + len(event.text)
        if (
            event.pos_ in ("NOUN", "PROPN")
            and surface_marker(self.text, end) in ("は", "が")
            and (head.i == event.i or not is_predicate(head))
        ):
            # "基盤モデルの開発は、…学習することで行われた": where the parse lost the link,
            # a topic event noun is carried by the sentence's final light verb.
            final = [t for t in self.doc if t.dep_ == "ROOT" and t.i > event.i and t.pos_ == "VERB"]
            if final and (final[-1].lemma_ in LIGHT_VERBS or final[-1].text in LIGHT_VERBS):
                return final[-1]
        if head.i == event.i or event.pos_ not in ("NOUN", "PROPN", "VERB"):
            return None
        if event.dep_ not in ("obj", "nsubj", "obl", "iobj", "compound", "nmod"):
            return None
        verbs = TITLE_VERBS if trigger == "@title" else LIGHT_VERBS
        if head.lemma_ == "なる" and event.dep_ in ("obl", "obj", "nsubj"):
            return head  # "Xが勝者になる", "Xの子会社となった": the noun is what X becomes
        if head.lemma_ in verbs or head.text in verbs:
            if event.dep_ in ("compound", "nmod") and head.lemma_ not in ("化",):
                return None
            return head
        return None

    def _idiom_nouns(self, verb: Token, trigger: str) -> list[Token]:
        """The fixed noun of an idiom (傘下 in 傘下に持つ): names hung on it are the verb's."""
        for name, noun, _, _verb in self.s.triggers.idioms:
            if name == trigger:
                return [c for c in verb.children if c.text.endswith(noun)]
        return []

    def _relational(self, trigger: str) -> bool:
        """Relational nouns (傘下, 創業者, CEO) name a role, not an event someone does."""
        return (
            trigger == "@title" or trigger in _RELATIONAL or trigger in self.s.triggers.relational
        )
