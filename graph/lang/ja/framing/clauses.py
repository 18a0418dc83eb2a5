"""The shape of a Japanese sentence's clauses and what it is about.

Where a predicate ends with its auxiliaries, whether a clause is relative (連体), cleft
(``…したのは、Xだ``) or continuative and which clause it chains to, the subjects a
predicate has of its own, quoted speech, the sentence's topic and a headline's opening
subject. Gap filling, blocking and the frame itself all ask these questions, so they
live apart from any one of them.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from graph.lang.ja.framing.records import Placed, _State
from graph.lang.ja.framing.words import _FORMAL_NOUNS, _HEADLINE_ENDS
from graph.lang.ja.syntax import active_role, is_passive, is_predicate, surface_marker

if TYPE_CHECKING:
    from spacy.tokens import Token


class _Clauses(_State):
    """The shape of clauses and the sentence's topic: where a clause ends, whether it is
    relative, cleft or chained, its direct subjects, quotes and headlines."""

    def _clause_end(self, clause: Token) -> int:
        """End of the predicate with its auxiliaries (開発|し|て|いる)."""
        end = clause.idx + len(clause.text)
        for token in self.doc[clause.i + 1 :]:
            if token.idx != end or token.pos_ not in ("AUX", "SCONJ", "PART", "VERB"):
                break
            if token.pos_ in ("VERB", "SCONJ") and token.lemma_ not in (
                "いる",
                "てる",
                "て",
                "ある",
                "おる",
                "しまう",
            ):
                break
            end = token.idx + len(token.text)
        return end

    def _continuative(self, clause: Token) -> bool:
        """``…を取得し、``: the predicate's last word is in its continuative form (連用形),
        which no relative clause ends in, whatever the parse calls it."""
        last = clause
        for token in self.doc[clause.i + 1 :]:
            if token.head.i != clause.i or token.dep_ not in ("aux", "cop"):
                break
            last = token
        return any("連用形" in form for form in last.morph.get("Inflection"))

    def _chain_head(self, clause: Token) -> Token | None:
        """The predicate a continuative clause (``…し、``, ``…して、``) leads on to: its head in
        the parse, or, when the parse hung it elsewhere, the next main predicate."""
        head = clause.head
        if clause.dep_ in ("advcl", "conj") and head.i > clause.i:
            return head
        end = self._clause_end(clause)
        if not self.text.startswith(("、", "て、", "で、"), end):
            return None
        if clause.dep_ == "acl" and not self._continuative(clause):
            return None  # a relative clause (…を開発した、新しい会社) leads on to no verb
        for token in self.doc[clause.i + 1 :]:
            if is_predicate(token) and token.dep_ in ("ROOT", "advcl", "conj", "ccomp"):
                return token
        return None

    def _is_relative(self, clause: Token) -> bool:
        head = clause.head
        if head.i == clause.i or head.i < clause.i:
            return False
        if self._continuative(clause) and self.text.startswith("、", self._clause_end(clause)):
            return False  # "ミナセ技研と組み、「Kiri」を…": 連用形 and a comma end no relative
        if clause.dep_ == "acl" or head.lemma_ in _FORMAL_NOUNS:
            return True
        end = self._clause_end(clause)
        if (
            self.doc[clause.i + 1 : clause.i + 3]
            and self.text[end - 2 : end] in ("ほど", "ような")
            and (self.text.startswith("の", end) and head.pos_ in ("NOUN", "PROPN"))
        ):
            return True  # "LLaMAをしのぐほどの性能": an adnominal clause through ほど/ような
        marker = surface_marker(self.text, end)
        return marker == "" and head.pos_ in ("NOUN", "PROPN") and clause.dep_ not in ("advcl",)

    def _is_cleft(self, clause: Token) -> bool:
        """``…を開発したのは、Xだ``: the clause is nominalized by の and made the topic."""
        return clause.head.i != clause.i and self.text.startswith(
            ("のは", "のが"), self._clause_end(clause)
        )

    def _modifies_topic(self, clause: Token) -> bool:
        if not self._is_relative(clause):
            return False
        head = self._named(self._phrase_head(clause.head))
        return any(surface_marker(self.text, self._anchor(n)[1]) in ("は", "では") for n in head)

    def _next_relative(self, clause: Token) -> Token | None:
        """The next predicate after a continuative clause, when it is a relative clause."""
        for token in self.doc[clause.i + 1 :]:
            if is_predicate(token) and token.i != clause.i:
                return token if token.dep_ == "acl" and self._is_relative(token) else None
        return None

    def _name_after_adnominal(self, clause: Token) -> Placed | None:
        """The name written right after ``clause`` when the clause ends in its adnominal
        form (連体形) and the parse did not hang it on anything to its right."""
        if clause.head.i > clause.i:
            return None
        last = clause
        for token in self.doc[clause.i + 1 :]:
            if token.head.i != clause.i or token.dep_ not in ("aux", "cop"):
                break
            last = token
        if not any("連体形" in form for form in last.morph.get("Inflection")):
            return None
        end = last.idx + len(last.text)
        start = end + (1 if self.text[end : end + 1] in ("「", "『") else 0)
        return next((p for p in self.by_token.values() if p.start == start), None)

    def _direct_subjects(self, predicate: Token) -> list[Placed]:
        found = []
        for name, marker in self.args.get(predicate.i, []):
            if (
                marker in ("による", "によって", "により")
                and predicate.pos_ == "VERB"
                and not is_passive(predicate)
            ):
                continue  # "規制当局による審査を経て": the agent of the noun, not of 経る
            if active_role(marker, passive=is_passive(predicate)) == "ga":
                found.append(name)
        for child in predicate.children:
            if child.dep_ == "obj" and self._trigger(child) is None:
                continue
            for name, marker in self.args.get(child.i, []):
                if marker in ("は", "が") and child.dep_ in ("obj", "nsubj"):
                    found.append(name)
        return found

    def _quote_of(self, offset: int) -> tuple[int, int] | None:
        """The 「…」 span that contains ``offset`` (speech is a discourse of its own)."""
        for start, end in self.quotes:
            if start < offset < end:
                return start, end
        return None

    def _model_after(self, token: Token, exclude: set[int]) -> Placed | None:
        for name in sorted(self.by_token.values(), key=lambda p: p.start):
            if (
                name.token > token.i
                and name.token not in exclude
                and name.hint in ("AIModel", "Product")
            ):
                return name
        return None

    def _preceding_subject(self, token: Token, exclude: set[int]) -> Placed | None:
        scope = self._quote_of(token.idx)
        for name in sorted(self.by_token.values(), key=lambda p: -p.start):
            if (
                name.token >= token.i
                or name.token in exclude
                or self._quote_of(name.start) != scope
            ):
                continue
            _, end = self._anchor(name)
            if surface_marker(self.text, end) in ("が", "は") and name.hint != "Person":
                return name
        return None

    def _sentence_topic(
        self, *, before: int, exclude: set[int], markers: tuple[str, ...] = ("は", "では")
    ) -> list[Placed]:
        scope = self._quote_of(self.doc[before].idx) if before < len(self.doc) else None
        for name in sorted(self.by_token.values(), key=lambda p: p.start):
            if name.token >= before or name.token in exclude:
                continue
            if self._quote_of(name.start) != scope:
                continue
            anchor, end = self._anchor(name)
            # ("ミナセ技研は、…を開始した": a topic the parse left as a fragment of its own,
            # with the sentence's predicate after it, is still the topic)
            fragment = anchor.head.i == anchor.i and any(
                t.dep_ == "ROOT" and t.i > anchor.i and is_predicate(t) for t in self.doc
            )
            if surface_marker(self.text, end) in markers and (
                anchor.head.i != anchor.i or fragment
            ):
                return list(self.group_of.get(name.token, [name]))
            if self._headline_subject(name):
                return sorted(self.group_of.get(name.token, [name]), key=lambda n: n.start)
        return []

    def _headline_predicate(self, event: Token) -> bool:
        """``…「EvoLLM-JP」を公開``, ``仏Mistral AIと複数年の提携``: a headline ends a phrase
        on an event noun that takes an object, and it reads as the verb."""
        end = event.idx + len(event.text)
        if self.text[end : end + 1] not in _HEADLINE_ENDS or event.pos_ not in ("NOUN", "VERB"):
            return False
        markers = {m for _, m in self.args.get(event.i, [])}
        if markers & {"を", "と", "が", "に", "から"}:
            return True
        return self._headline_incorporated(event)

    def _headline_incorporated(self, event: Token) -> bool:
        """``アリババ、新型AI「Qwen-X」発表``, ``オルカ、ミナセ買収``: a headline (no full stop)
        that opens with its subject and a comma and ends on an event noun with a name glued
        right before it; the noun is the verb, and the glued name is what it is done to (a
        verbal noun's incorporated noun is its object), not a doer as in ``Meta開発の…``."""
        end = event.idx + len(event.text)
        return (
            bool(self.prefixes.get(event.i))
            and "。" not in self.text
            and self.text[end : end + 1] in _HEADLINE_ENDS
            and self._headline_opener() is not None
        )

    def _headline_opener(self) -> Placed | None:
        first = min(self.by_token.values(), key=lambda p: p.start, default=None)
        return first if first is not None and self._headline_subject(first) else None

    def _headline_subject(self, name: Placed) -> bool:
        """``Sakana AI、新手法を発表``: a headline opens with its subject and a comma."""
        group = sorted(self.group_of.get(name.token, [name]), key=lambda n: n.start)
        if len(group) == 1:
            return self._opens_headline(name)
        # "産総研と東工大、新モデル「X」公開": subjects joined by と open it together (a list
        # joined by commas, "A、B、Cが…", is no opener)
        joined = all(
            self.text[a.unit_end : b.start].strip("「」『』 ") == "と" for a, b in pairwise(group)
        )
        return joined and name is group[0] and self._opens_headline_group(group)

    def _opens_headline_group(self, group: list[Placed]) -> bool:
        """The first name of a と-joined group opens a headline and a comma follows the last."""
        first, last = group[0], group[-1]
        opening = self.text[: first.start].strip().rstrip("「『")
        opening = re.sub(r"^[【\[][^】\]]{0,20}[】\]]\s*", "", opening)
        return (
            "。" not in self.text
            and (opening == "" or opening in self.s.cues.country_prefixes)
            and self.text[last.unit_end :].lstrip("」』").startswith("、")
        )

    def _opens_headline(self, name: Placed) -> bool:
        """The name opens a headline (a line with no full stop) and a comma follows it."""
        opening = self.text[: name.start].strip().rstrip("「『")
        opening = re.sub(
            r"^[【\[][^】\]]{0,20}[】\]]\s*", "", opening
        )  # 【ITニュース解説】, [速報]
        if self.s.cues.type_of_noun(opening):
            opening = ""  # "AIモデル「Llama 3.3 Swallow」、…"
        return (
            "。" not in self.text
            and (opening == "" or opening in self.s.cues.country_prefixes)
            and self.text[name.unit_end :].lstrip("」』").startswith("、")
        )
