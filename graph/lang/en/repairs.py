"""Readings for where the small parser's tree is wrong in a known way.

``en_core_web_sm`` reads some sentences as noun phrases, some verbs as modifiers or
plural nouns, and some relative clauses as participles. Each repair here recognises
one such shape from the words and the labels around them, and reads the frame the
sentence states, with a small penalty for being read off the surface:

* "Brushwork, the tool Palette Studio released on Tuesday" (a relative clause read as a
  participle of the name);
* "Corax-9B beats Ptarmigan-7B" (the verb read as a plural noun);
* "spent $4.6 million training Tessera-2" (the gerund read as a noun);
* "EleutherAI trained GPT-NeoX-20B on the Pile" (the verb read as a modifier of the
  name after it);
* "What Vexa Systems released on Monday was Tinder-2" (a pseudo-cleft read as a noun
  phrase).

They are a mixin of :class:`~graph.lang.en.frames.FrameReader`, whose resolution of
arguments (``_resolve``) and emission of frames (``_emit``) they use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.lang.en.references import Target
from graph.lang.en.slots import Slots
from graph.lang.en.syntax import (
    block_reason,
    kids,
    lemma,
    prep_role,
    reduced_relative,
    verb_arguments,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from graph.extraction.readings import Frame
    from graph.lang.en.names import SentenceNames

__all__ = ["ParseRepairs"]

_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})

#: Verbs of a purpose clause that creates something ("fine-tuned X to create Y").
CREATE = frozenset({"create", "make", "produce", "build", "yield", "develop", "release"})


class ParseRepairs:
    """Frames read from the words where the tree is known to go wrong."""

    doc: Doc
    names: SentenceNames
    offset: int
    triggers: frozenset[str]
    frames: list[Frame]
    cues: object
    roles: dict[tuple[str, str], frozenset[str]]

    def _resolve(self, trigger: str, role: str, token: Token, exclude=None) -> list[Target]:
        raise NotImplementedError

    def _emit(self, trigger: str, anchor: Token, slots: Slots, blocked: str | None) -> None:
        raise NotImplementedError

    def _former_prefix(self, noun: Token) -> bool:
        raise NotImplementedError

    def _is_name(self, token: Token) -> bool:
        raise NotImplementedError

    def _reduced_relative(self, verb: Token, trigger: str) -> bool:
        """ "Brushwork, the tool Palette Studio released on Tuesday": the parser hangs the
        verb from the name as a participle; it is a relative clause whose subject the
        name is and whose object is what the noun before it stands for."""
        head = verb.head
        if not reduced_relative(head) or head.i == verb.i or verb.dep_ != "acl":
            return False
        slots = Slots()
        slots.add("subj", self._resolve(trigger, "subj", head))
        slots.add("obj", self._resolve(trigger, "obj", head.head, slots.keys()), "relative")
        for role, token in verb_arguments(verb):
            if role not in ("subj", "obj"):
                slots.add(role, self._resolve(trigger, role, token, slots.keys()))
        self._emit(trigger, verb, slots, block_reason(verb, self.cues))
        return True

    def _surface_triple(self, token: Token) -> None:
        """ "Corax-9B beats Ptarmigan-7B": a verb between two names that the parser read
        as something else (here a plural noun); read from the words when the tree gave
        the verb no frame."""
        i = token.i
        if i == 0 or i + 1 >= len(self.doc) or (token.pos_ == "VERB" and token.dep_ != "dobj"):
            return
        trigger = lemma(token)
        if trigger not in self.triggers or not token.lower_.endswith(("s", "ed")):
            return
        left, right = self.doc[i - 1], self.doc[i + 1]
        if not (self._is_name(left) and self._is_name(right)):
            return
        if any(f.start == self.offset + token.idx for f in self.frames):
            return
        slots = Slots()
        slots.add("subj", self._resolve(trigger, "subj", left), "surface", 0.05)
        slots.add("obj", self._resolve(trigger, "obj", right), "surface", 0.05)
        self._emit(trigger, token, slots, None)

    def _plural_verb(self, token: Token) -> None:
        """ "Quillon partners with Dorvex", "Tarnis invests in Quillon", "Talkly competes
        with X": a sentence whose verb the parser read as a plural noun, its root, with
        the name before it as a modifier; the name is the subject and the noun's
        prepositions are the verb's."""
        i = token.i
        if token.tag_ != "NNS" or token.dep_ != "ROOT" or i == 0:
            return
        trigger = lemma(token)
        if trigger not in self.triggers or not token.lower_.endswith("s"):
            return
        left = self.doc[i - 1]
        if not self._is_name(left) or left.head != token:
            return
        slots = Slots()
        for prep in kids(token):
            role = prep_role(prep) if prep.dep_ == "prep" and prep.i > i else None
            for pobj in kids(prep) if role else ():
                if pobj.dep_ == "pobj":
                    slots.add(role, self._resolve(trigger, role, pobj), "surface", 0.05)  # type: ignore[arg-type]
        if not slots.items:
            return
        slots.add("subj", self._resolve(trigger, "subj", left, slots.keys()), "surface", 0.05)
        self._emit(trigger, token, slots, block_reason(token, self.cues))  # type: ignore[arg-type]

    def _misparsed_gerund(self, token: Token) -> None:
        """ "spent $4.6 million training Tessera-2": a gerund the parser made a noun,
        with the name after it hanging from the same verb."""
        word = token.lower_
        if token.pos_ != "NOUN" or not word.endswith("ing") or token.i + 1 >= len(self.doc):
            return
        stem = word[:-3]
        trigger = next((t for t in (stem, stem + "e") if t in self.triggers), None)
        after = self.doc[token.i + 1]
        if trigger is None or not self._is_name(after) or after.head != token.head:
            return
        slots = Slots()
        slots.add("obj", self._resolve(trigger, "obj", after), "surface", 0.05)
        for role, argument in verb_arguments(token.head):
            if role == "subj":
                found = self._resolve(trigger, "subj", argument, slots.keys())
                slots.add("subj", found, "control", 0.05)
        self._emit(trigger, token, slots, block_reason(token.head, self.cues))

    def _misparsed_verb(self, token: Token) -> None:
        """ "EleutherAI trained GPT-NeoX-20B on the Pile": a verb between two names that
        the parser made a modifier of the second one ("trained GPT-NeoX-20B")."""
        if token.dep_ not in ("amod", "compound") or token.tag_ not in ("VBD", "VBN", "JJ"):
            return
        trigger = lemma(token)
        head = token.head
        if trigger not in self.triggers or head.i <= token.i or not self._is_name(head):
            return
        if token.i == 0 or not self._is_name(self.doc[token.i - 1]) or head.i != token.i + 1:
            return
        if not self.doc[token.i - 1].whitespace_:
            return  # "Microsoft-owned LinkedIn" is a participle, read by _participle
        slots = Slots()
        slots.add("subj", self._resolve(trigger, "subj", self.doc[token.i - 1]), "surface", 0.05)
        slots.add("obj", self._resolve(trigger, "obj", head), "surface", 0.05)
        for child in kids(head):
            role = prep_role(child) if child.dep_ == "prep" and child.i > head.i else None
            if role:
                for pobj in kids(child):
                    if pobj.dep_ == "pobj":
                        slots.add(role, self._resolve(trigger, role, pobj), "surface", 0.05)
        for later in self.doc[head.i + 1 :]:
            if lemma(later) in CREATE and any(c.lower_ == "to" for c in kids(later)):
                for role, argument in verb_arguments(later):
                    if role == "obj":
                        found = self._resolve(trigger, "result", argument)
                        slots.add("result", found, "purpose", 0.05)
                break
        self._emit(trigger, token, slots, None)

    def _misparsed_title(self, token: Token) -> bool:
        """ "… and Dorvex co-founder Lena Ostrik", "Harrow.com founder Ada Voss": a title
        the parser tagged a verb between two names (the company an auxiliary or a
        subject, the person its object). By the words, it is the title of the name after
        it at the name before it; a ``holder`` frame, and the verb's own frame is none."""
        if token.pos_ not in ("VERB", "AUX") or not 0 < token.i < len(self.doc) - 1:
            return False
        if token.tag_ in ("VBD", "VBN", "VBG", "VBZ"):
            return False  # "Ordway Labs fine-tuned Quarry-7B": a verb's own form
        trigger = token.lower_  # the noun's own word ("co-founder"), not a verb's lemma
        if trigger not in self.triggers or (trigger, "holder") not in self.roles:
            return False
        before, after = self.doc[token.i - 1], self.doc[token.i + 1]
        if not (self._is_name(before) and self._is_name(after)):
            return False
        if not before.whitespace_ or after.dep_ not in ("dobj", "nsubj", "attr", "oprd"):
            return False  # "Vexo-led", and a verb's real object
        slots = Slots()
        slots.add("holder", self._resolve(trigger, "holder", after), "surface", 0.05)
        slots.add("of", self._resolve(trigger, "of", before), "surface", 0.05)
        self._emit(trigger, token, slots, "former" if self._former_prefix(token) else None)
        return True

    def _surface_possessive(self, marker: Token) -> None:
        """ "Google DeepMind’s previous AlphaFold 2 system", "A and Google’s DeepMind": a
        possessive ending the parser did not make a possessor (a conjunct, a stray
        dependent); the owner is the name before it, the owned the noun phrase after."""
        i = marker.i
        if marker.text not in _POSSESSIVE or i == 0 or i + 1 >= len(self.doc):
            return
        owner = self.doc[i - 1]
        if owner.dep_ == "poss" or not self._is_name(owner) or owner.whitespace_:
            return
        owned = self.doc[i + 1]
        for _ in range(3):  # "’s previous AlphaFold 2 system": the noun the words lead to
            if self._is_name(owned) or owned.head.i <= owned.i:
                break
            owned = owned.head
        if not (self._is_name(owned) or owned.pos_ in ("NOUN", "PROPN")):
            return
        slots = Slots()
        # "Alphabet Inc.'s Google Gemini": the parent of the company that leads the name
        trigger = "@possessive-parent" if owned.i in self.names.heads else "@possessive"
        named = self.names.at(owned)  # the name itself, not the names coordinated with it
        found = [Target(named)] if named else self._resolve(trigger, "obj", owned)
        slots.add("obj", found, "surface", 0.05)
        slots.add("subj", [Target(self.names.at(owner))], "surface", 0.05)  # type: ignore[arg-type]
        self._emit(trigger, owner, slots, None)

    def _pseudo_cleft(self) -> None:
        """ "What Vexa Systems released on Monday was Tinder-2": the parser reads the
        "what" clause as a noun phrase; read from the words (a name, a trigger, then
        *be* and the name it focuses on)."""
        if len(self.doc) < 5 or self.doc[0].lower_ != "what":
            return
        tokens = list(self.doc)
        if not self._is_name(tokens[1]):
            return
        verb = next((t for t in tokens[2:6] if lemma(t) in self.triggers), None)
        if verb is None:
            return
        be = next((t for t in tokens[verb.i + 1 :] if lemma(t) == "be"), None)
        if be is None or be.i + 1 >= len(tokens) or not self._is_name(tokens[be.i + 1]):
            return
        trigger = lemma(verb)
        slots = Slots()
        slots.add("subj", self._resolve(trigger, "subj", tokens[1]), "surface", 0.05)
        slots.add("obj", self._resolve(trigger, "obj", tokens[be.i + 1]), "cleft", 0.05)
        self._emit(trigger, verb, slots, block_reason(verb, self.cues))  # type: ignore[arg-type]
