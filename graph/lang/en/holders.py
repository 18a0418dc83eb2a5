"""Who a relational noun describes: the *holder* of "CEO", "founder", "rival", "version".

News names a person's or a company's relation to another mostly with nouns, and the
holder sits in many places around the noun:

* beside it: "co-founder Ramin Hasani", "Uber rival Lyft", "OpenAI president and
  co-founder Greg Brockman" (a chain of titles before one name);
* in apposition: "Lexa-8B, a fine-tuned version of X", "Selma Haug, the author of …",
  "A and B, two of the three founders of X" (a partitive after a comma);
* as the subject of a copula: "X is a variant of Y", "X became chief executive of Y",
  "despite being a major backer of Z" (the subject of the clause the copula hangs from);
* as the complement of *as*: "who serves as CEO of X", "emerged as X's main rival"
  (the subject), "admired him as a founder of X" (the object);
* in a list after it: "OpenAI's rivals, including A and B", "investors such as A", or
  as the object of *include*: "Other investors include A, B and C".

A mixin of :class:`~graph.lang.en.frames.FrameReader`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.lang.en.syntax import contrasted, kids, lemma, verb_arguments

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from graph.lang.en.cues import Cues
    from graph.lang.en.names import SentenceNames

__all__ = ["RelationalNouns"]

#: Words that take a part of a group: "two of the founders", "one of its investors".
_PARTITIVES = frozenset({"one", "some", "all", "both", "several", "many", "most", "each", "among"})
#: Copulas: "X is / became / remains the CEO of Y".
_COPULAS = frozenset({"be", "become", "remain", "stay"})
#: Verbs whose *as* complement describes the subject even with an object ("joined OpenAI
#: as CTO", "serves as CEO"); others describe the object ("named him as CEO").
_SUBJECT_AS = frozenset(
    {
        "join",
        "rejoin",
        "work",
        "serve",
        "emerge",
        "act",
        "remain",
        "stay",
        "return",
        "start",
        "begin",
        "come",
        "be",
        "become",
        "continue",
        "sit",
        "step",
        "stand",
        "rank",
    }
)
_LIST_WORDS = frozenset({"including", "like"})
_OPENERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our"})
_RELATIVE = frozenset({"which", "that", "who", "whom", "whose"})
_CHAIN_GLUE = frozenset({"and", ",", "&"})


class RelationalNouns:
    """The holders of a relational noun, read from the tree and from the words."""

    doc: Doc
    names: SentenceNames
    triggers: frozenset[str]
    cues: Cues

    def _is_name(self, token: Token) -> bool:
        raise NotImplementedError

    # -- titles in a row: "OpenAI president and co-founder Greg Brockman"
    def _is_title(self, token: Token) -> bool:
        return token.pos_ in ("NOUN", "PROPN", "VERB") and lemma(token) in self.triggers

    def title_chain(self, noun: Token) -> list[Token]:
        """The titles coordinated with ``noun`` by the words ("president and co-founder"),
        in order; the parser rarely coordinates them."""
        doc = self.doc
        chain = [noun]
        i = noun.i
        while i >= 2 and doc[i - 1].lower_ in _CHAIN_GLUE and self._is_title(doc[i - 2]):
            i -= 2
            chain.insert(0, doc[i])
        i = noun.i
        while (
            i + 2 < len(doc)
            and doc[i + 1].lower_ in _CHAIN_GLUE
            and self._is_title(doc[i + 2])
            and not self._is_name(doc[i + 2])
        ):
            i += 2
            chain.append(doc[i])
        return chain

    def _beside(self, noun: Token) -> Token | None:
        """The name right after the last title of the chain: "co-founder Greg Brockman"."""
        doc = self.doc
        i = self.title_chain(noun)[-1].i + 1
        skipped = 0  # "rival labs Anthropic and OpenAI": a type noun between
        while (
            i < len(doc)
            and skipped < 2
            and not self._is_name(doc[i])
            and doc[i].pos_ == "NOUN"
            and self.cues.type_of([lemma(doc[i])]) is not None
        ):
            i, skipped = i + 1, skipped + 1
        if i < len(doc) and self._is_name(doc[i]) and i > noun.i:
            return doc[i]
        # "former OpenAI founder and later critic Elon Musk": another description of the
        # same person between the title and the name
        j = self.title_chain(noun)[-1].i + 1
        if j < len(doc) and doc[j].dep_ == "cc" and doc[j].lower_ == "and":
            for k in range(j + 1, min(j + 4, len(doc))):
                token = doc[k]
                if self._is_name(token):
                    return token if k > j + 1 and doc[k - 1].dep_ == "compound" else None
                if not (token.pos_ in ("ADJ", "ADV") or token.dep_ == "compound"):
                    return None
        return None

    # -- the holders
    def _holders(self, noun: Token, host: Token) -> list[tuple[Token, str]]:
        beside = self._beside(noun)
        if beside is not None:  # the name a title stands before is its only holder
            return [(beside, "beside")]
        out: list[tuple[Token, str]] = []
        if noun.dep_ in ("compound", "nmod") and self.names.at(noun.head):
            out.append((noun.head, "compound"))  # "Uber rival Lyft"
        while host.dep_ == "conj" and self._is_title(host.head):
            host = host.head  # "who will serve as EVP and CEO of X": the first title's place
        part = _partitive(host)  # "A and B, two of the founders of X": the group
        place = part if part is not None else host
        out.extend(self._after_comma(place))
        following = self.doc[host.i + 1] if host.i + 1 < len(self.doc) else None
        if following is not None and following.head == host.head and self._is_name(following):
            out.append((following, "beside"))  # "under chief executive Arvind Krishna"
        if place.dep_ == "appos" and not contrasted(place):
            out.append((place.head, "apposition"))  # "Lexa-8B, a fine-tuned version of X"
        elif self._conjoined_apposition(place):
            out.append((place.head, "apposition"))
        for child in kids(host):
            if child.dep_ == "appos":
                out.append((child, "apposition"))  # "co-founder Ramin Hasani"
        out.extend(self._copula_subjects(place))
        out.extend(self._as_holders(place))
        out.extend(self._among_holders(place))
        out.extend(self._listed_holders(host))
        return out

    def _conjoined_apposition(self, place: Token) -> bool:
        """ "Dara Quist, co-founder and former COO of Velloq": a bare title right after a
        name and a comma that the parser made the name's conjunct is its apposition (a
        list of names joins names; a title joined by "and" is one: "Vexo and its CEO")."""
        if place.dep_ != "conj" or not self._is_name(place.head) or place.head.i > place.i:
            return False
        start = min([c.i for c in kids(place) if c.i < place.i] + [place.i])
        if start < 2 or self.doc[start - 1].text != ",":
            return False
        named = self.names.at(place.head)
        return named is not None and named.end_token == start - 1

    def _after_comma(self, place: Token) -> list[tuple[Token, str]]:
        """ "Selma Haug, the author of …", "A and B, two of the three founders of X"."""
        doc = self.doc
        start = min([c.i for c in kids(place) if c.i < place.i] + [place.i])
        if start < 2 or doc[start - 1].text != ",":
            return []
        if place.dep_ == "appos" and not _partitive_word(place):
            return []  # the tree's apposition, read by the caller
        if place.dep_ == "poss":
            # "Nina Holt, the company's co-founder": the description after the comma is
            # the possessed noun's; its possessor is another party ("the company")
            return []
        opener = doc[start]
        # "Ernie Bot, its answer to ChatGPT", "Zed, Tessel's rival": a possessor opens a
        # description as an article does
        described = opener.lower_ in _OPENERS or _partitive_word(opener) or opener.dep_ == "poss"
        if described and self._is_name(doc[start - 2]):
            return [(doc[start - 2], "apposition")]
        return []

    def _copula_subjects(self, place: Token) -> list[tuple[Token, str]]:
        copula = place
        if place.dep_ == "pobj" and place.head.lower_ == "of" and place.head.head.dep_ == "attr":
            copula = place.head.head  # "he is one of its early investors"
        if copula.dep_ not in ("attr", "acomp") or lemma(copula.head) not in _COPULAS:
            return []
        be = copula.head
        out = []
        for child in kids(be):
            if child.dep_ in ("nsubj", "nsubjpass"):
                if child.lower_ in _RELATIVE and be.dep_ == "relcl":
                    out.append((be.head, "copula"))  # "X, which is a variant of Y"
                else:
                    out.append((child, "copula"))  # "X is a version of Y"
        if not out:  # "despite being a major backer of Z": the governing clause's subject
            subject = _governing_subject(be)
            if subject is not None:
                out.append((subject, "copula"))
        return out

    def _as_holders(self, place: Token) -> list[tuple[Token, str]]:
        """ "who serves as CEO of X", "emerged as X's rival", "admired him as a founder"."""
        prep = place.head
        if place.dep_ != "pobj" or prep.lower_ != "as" or prep.dep_ != "prep":
            return []
        verb = prep.head
        if verb.pos_ not in ("VERB", "AUX"):
            return []
        arguments = list(verb_arguments(verb))
        objects = [t for role, t in arguments if role == "obj"]
        subjects = [t for role, t in arguments if role == "subj"]
        # "As the largest investor in X, Vexo has put …": a fronted *as* phrase describes
        # the subject after it, whatever the verb
        fronted = any(prep.i < t.i < verb.i for t in subjects)
        if objects and lemma(verb) not in _SUBJECT_AS and not fronted:
            return [(objects[0], "as")]
        if not subjects:
            subject = _governing_subject(verb)
            subjects = [subject] if subject is not None else []
        out = []
        for subject in subjects:
            if subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
                out.append((verb.head, "as"))  # "Demis Hassabis, who serves as CEO of …"
            else:
                out.append((subject, "as"))
        return out

    def _among_holders(self, place: Token) -> list[tuple[Token, str]]:
        """ "Vexo counts Harrow among its investors", "Harrow is among its backers"."""
        prep = place.head
        if place.dep_ != "pobj" or prep.lower_ != "among" or prep.dep_ != "prep":
            return []
        verb = prep.head
        if verb.pos_ not in ("VERB", "AUX"):
            return []
        arguments = list(verb_arguments(verb))
        objects = [t for role, t in arguments if role == "obj"]
        if objects:
            return [(objects[0], "among")]
        if lemma(verb) in _COPULAS:
            return [(t, "among") for role, t in arguments if role == "subj"]
        return []

    def _listed_holders(self, host: Token) -> list[tuple[Token, str]]:
        """ "OpenAI's rivals, including A and B"; "Other investors include A, B and C"."""
        doc = self.doc
        out: list[tuple[Token, str]] = []
        i = host.i + 1
        if i < len(doc) and doc[i].text == ",":
            i += 1
        if i + 1 < len(doc) and (
            doc[i].lower_ in _LIST_WORDS or (doc[i].lower_ == "such" and doc[i + 1].lower_ == "as")
        ):
            word = doc[i + 1] if doc[i].lower_ == "such" else doc[i]
            objects = [c for c in kids(word) if c.dep_ == "pobj"]  # the phrase's head
            first = objects[0] if objects else doc[word.i + 1]
            if self._is_name(first):
                out.append((first, "listed"))
        if host.dep_ == "nsubj" and lemma(host.head) in ("include", "comprise"):
            for child in kids(host.head):
                if child.dep_ in ("dobj", "attr") and child.i > host.head.i:
                    out.append((child, "listed"))
        return out


def _partitive_word(token: Token) -> bool:
    return token.pos_ == "NUM" or token.lower_ in _PARTITIVES


def _partitive(host: Token) -> Token | None:
    """The partitive a noun is the group of: "two" in "two of the three founders"."""
    if host.dep_ != "pobj" or host.head.lower_ != "of":
        return None
    part = host.head.head
    return part if _partitive_word(part) and part.i < host.i else None


def _governing_subject(verb: Token) -> Token | None:
    """The subject a subjectless clause takes from the clause it hangs from: "with X also
    joining, despite being a backer of Y" (X), "X, founded by …" (up to three links)."""
    token = verb
    for _ in range(4):
        if token.head == token:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            for role, argument in verb_arguments(token):
                if role == "subj":
                    return argument
        if token.dep_ not in ("prep", "pcomp", "advcl", "xcomp", "conj", "acl"):
            return None
    return None
