"""Candidate names in an English sentence, each with the class votes its cues give.

A name is found by its shape (a capitalised or mixed-case token, a run merged before the
parse: "Hugging Face", "Llama 3.1 70B"), or by the gazetteer (also lowercase entries
such as "open source"). Its class is *not* decided here: every cue votes
(:class:`~graph.extraction.readings.Vote`) and the shared core decides once per document
(:mod:`graph.extraction.typing`). The cues:

* the gazetteer (``graph/data/lexicon.yaml``, shared with Japanese): strongest;
* a type noun in apposition, as a copula's complement or beside the name ("Mistral, a
  Paris-based startup", "Mosslight is a startup", "the Llama 3 model", "the startup
  Xyz", "OpenAI CEO Sam Altman");
* naming verbs ("a dataset it calls ForumMix", "a memo titled X");
* a company suffix ("Tessaract Labs", "Apple Inc."), a size or version ("Tidal-13B",
  "Orin-9"), the shape of a person's name;
* spaCy's entity label, as one weak vote among others (the small model often calls an
  unknown model a person).

Places ("a Seoul startup", "offices in Austin", "Paris-based") are not names of the graph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from graph.canonical import has_size_token, match_key
from graph.extraction.readings import Name, Vote
from graph.lang.en.cues import Cues, word_set
from graph.lang.en.gazetteer import Gazetteer, canonical_of
from graph.lang.en.parse import (
    TITLE_WORDS,
    VERSION_WORDS,
    ParsedSentence,
    department_of_title,
    english_words,
    lowercase_model,
)
from graph.lang.en.syntax import kids, lemma, nominal, noun_words, reduced_relative, tables
from graph.lang.en.titles import title_runs

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["NameSpan", "SentenceNames", "find_names", "short_forms"]

# How much each kind of cue weighs (the shared core types a name from 0.9 up).
LEXICON = 6.0
LOOSE_BASED = 1.5  # "France-based Mipsology"
QUOTED_TITLE = 1.5  # “Textbooks Are All You Need,”
TYPE_NOUN = 3.0  # apposition, copula, "the startup X", "X, a model"
NAMING = 3.0  # "a dataset it calls X"
DEFINITE_COMPOUND = 2.5  # "the Llama 3 model"
LOOSE_COMPOUND = 1.0  # "an OpenAI model": the name may be the maker, not the model
EMPLOYER = 1.5  # "Corvatech CEO", "a Stanford professor"
SUFFIX = 2.5
WEAK_SUFFIX = 1.2
SIZE = 2.0
VERSION = 1.0
LISTED = 2.0  # "models like X, Y and Z"
SOURCE = 0.6  # "Reuters reported": with the entity label, enough to type the name
UNLABELLED_SOURCE = 0.9  # "the Wall Street Journal reported", no entity label
COORDINATED = 1.0  # "Meta, Uber and Airtable": one member's clear cue
RELATIVE_WHO = 1.0  # "Ann Lee, who became CEO": "who" is said of people
PERSON_SHAPE = 0.7
PERSON_SHAPE_COMMON = 0.4
NER = {"ORG": ("Organization", 0.6), "PERSON": ("Person", 0.8), "PRODUCT": ("Product", 0.5)}
NER_WORK = ("Document", 0.6)

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: The vote each surface's shape gives (the cues data is loaded once per process).
_SHAPES: dict[tuple[int, str], Vote | None] = {}
_NOT_NAME_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL"})
_LOCATIVE = frozenset({"in", "across", "near", "throughout", "outside", "around"})
_ROUND_NAME = re.compile(r"^Series [A-H]\d?$")
_AMOUNT = re.compile(r"^\d+(?:[._]\d+)?[BMKT]$")  # "1_1B": a file name's 1.1B
_VERSION_TOKEN = re.compile(r"^[vV]\d+(?:\.\d+)*$")
_VERSION_END = re.compile(r"(?:[\s\-_.]v?\d+(?:\.\d+)*[a-z]?|\d)$", re.IGNORECASE)


def _person_word(word: str) -> bool:
    """ "Timothée", "O'Brien", "M.": a capital, then lowercase letters of any script."""
    if len(word) == 2 and word[0].isupper() and word[1] == ".":
        return True
    parts = re.split(r"['’-]", word)
    return all(p[:1].isupper() and p[1:].isalpha() and p[1:].islower() for p in parts if p)


#: Heads whose "in" takes an argument, not a place: "invested in Harvey".
_IN_ARGUMENTS = frozenset({"invest", "investment", "stake", "interest", "participate", "round"})
_EMBEDDING = frozenset({"relcl", "acl", "advcl", "ccomp", "pcomp"})
_NAMING_VERBS = frozenset({"call", "name", "dub", "title", "brand", "christen", "know"})
#: Verbs whose subject (or "by" agent) is a source of news: "Reuters reported".
_REPORTING = frozenset({"report", "say", "tell", "write", "note", "reveal", "confirm", "add"})


@dataclass
class NameSpan:
    """A name occurrence in a parsed sentence: token range, offsets and votes so far."""

    start_token: int
    end_token: int
    start: int  # character offsets in the sentence
    end: int
    surface: str
    canonical: str
    key: str
    votes: list[Vote] = field(default_factory=list)
    wikidata: str | None = None
    reference: bool = False
    subject: bool = False  # the name is a clause's subject: the likelier antecedent of "it"
    embedded: bool = False  # inside a relative or reported clause: a less likely one

    def as_name(self, offset: int) -> Name:
        return Name(
            start=offset + self.start,
            end=offset + self.end,
            surface=self.surface,
            key=self.key,
            canonical=self.canonical,
            votes=tuple(self.votes),
            wikidata=self.wikidata,
            reference=self.reference,
        )


@dataclass
class SentenceNames:
    """The names of one sentence and which token belongs to which name."""

    sentence: ParsedSentence
    tokens: list[Token] = field(default_factory=list)  # made once: spaCy makes a new
    # Token object on every access, and the readers walk the sentence several times
    spans: list[NameSpan] = field(default_factory=list)
    by_token: dict[int, NameSpan] = field(default_factory=dict)
    heads: dict[int, list[NameSpan]] = field(default_factory=dict)  # merged token -> parts

    def add(self, span: NameSpan) -> NameSpan | None:
        """Add a name unless its tokens already belong to one; returns the name kept."""
        tokens = range(span.start_token, span.end_token)
        if any(t in self.by_token for t in tokens):
            return None
        self.spans.append(span)
        for t in tokens:
            self.by_token[t] = span
        return span

    def at(self, token: Token) -> NameSpan | None:
        return self.by_token.get(token.i)

    def drop(self, span: NameSpan) -> None:
        """Remove a name found to be none."""
        self.spans.remove(span)
        for t in range(span.start_token, span.end_token):
            if self.by_token.get(t) is span:
                del self.by_token[t]

    def names(self) -> tuple[Name, ...]:
        ordered = sorted(self.spans, key=lambda s: (s.start, s.end))
        return tuple(s.as_name(self.sentence.start) for s in ordered)

    def word_list(self, span: NameSpan) -> list[NameSpan]:
        """The list of names ``span`` is a member of, read by the words: "A, B, C and D",
        "A, B and other investors". News lists investors and rivals at length, and the
        small parser hangs the later members anywhere (an apposition, a ``dep`` of the
        verb), so the tree's coordination loses them. Empty when ``span`` is in no list.

        A list is closed: "and"/"or" before its last member, or "and other(s)" after it
        (a run of names set off by commas alone may be two phrases: "In 2021, Vexo"). A
        two-name list must be joined by "and"/"or" alone ("A, which backs B, and C" lists
        B and C in no list); a possessor ("A and B's C") is no member.
        """
        doc = self.sentence.doc
        ordered = sorted(
            (
                s
                for s in self.spans
                if not s.reference and not _possessor(s, doc) and not self._modifier(s)
            ),
            key=lambda s: s.start_token,
        )
        runs: list[list[NameSpan]] = []
        seps: list[list[tuple[str, ...]]] = []
        for other in ordered:
            if runs:
                last = runs[-1][-1]
                between = tuple(t.lower_ for t in doc[last.end_token : other.start_token])
                if between in _LIST_SEPARATORS:
                    runs[-1].append(other)
                    seps[-1].append(between)
                    continue
            runs.append([other])
            seps.append([])
        for run, joins in zip(runs, seps, strict=True):
            if span not in run or len(run) < 2:
                continue
            closed = any(w in ("and", "or") for w in joins[-1]) or _others_after(run[-1], doc)
            if not closed or any(w in ("and", "or") for join in joins[:-1] for w in join):
                return []  # "A and B, C": two phrases
            if len(run) == 2 and joins[0] not in (("and",), ("or",)):
                return []
            return run
        return []

    def _modifier(self, span: NameSpan) -> bool:
        """ "Amazon.com founder Jeff Bezos": a name before a singular noun modifies it and
        lists nothing of its own ("A, B and C models" is a list of three models)."""
        doc = self.sentence.doc
        if span.end_token >= len(doc):
            return False
        after = doc[span.end_token]
        return (
            after.pos_ in ("NOUN", "PROPN")
            and after.tag_ not in ("NNS", "NNPS")
            and self.at(after) is None
        )


#: What stands between two members of a list of names.
_LIST_SEPARATORS = frozenset({(",",), ("and",), ("or",), (",", "and"), (",", "or")})
#: "A, B and other investors", "A, B and others": the list goes on unnamed, so it is closed.
_OTHERS = frozenset({"other", "others", "several", "many", "more"})


def _possessor(span: NameSpan, doc: Doc) -> bool:
    return span.end_token < len(doc) and doc[span.end_token].text in ("'s", "’s", "'", "’")


def _others_after(span: NameSpan, doc: Doc) -> bool:
    words = [t.lower_ for t in doc[span.end_token : span.end_token + 3]]
    if words[:1] == [","]:
        words = words[1:]
    return len(words) >= 2 and words[0] in ("and", "among") and words[1] in _OTHERS


# ---------------------------------------------------------------------------- the finder


class _Finder:
    def __init__(self, sentence: ParsedSentence, lexicon: Gazetteer, cues: Cues) -> None:
        self.sentence = sentence
        self.doc: Doc = sentence.doc
        self.lexicon = lexicon
        self.cues = cues
        self.names = SentenceNames(sentence, tables(self.doc).tokens)
        self.ner: dict[int, str] = {}
        for ent in self.doc.ents:
            for token in ent:
                self.ner[token.i] = ent.label_

    # -- building names
    def _span(self, start_token: int, end_token: int, start: int, end: int) -> NameSpan | None:
        surface = self.sentence.text[start:end]
        if wire_credit(self.sentence.text, start, end):
            return None  # "SAN FRANCISCO, May 2 (Reuters) - …": the reporter, no party
        canonical, key, entry = canonical_of(surface, self.lexicon)
        if not key or key in ("entity",):
            return None
        span = NameSpan(start_token, end_token, start, end, surface, canonical, key)
        head = self.doc[end_token - 1]
        span.subject = head.dep_ in ("nsubj", "nsubjpass") or (
            head.dep_ == "ROOT" and any(c.dep_ == "acl" for c in kids(head))
        )  # "Ostrander Bank partnered with …", misparsed as a noun phrase
        span.embedded = tables(self.doc).embedded(head.i)
        if entry is not None:
            span.votes.append(Vote(entry.entity_class, LEXICON, "lexicon"))
            span.wikidata = entry.wikidata
        return span

    def _token_range(self, start: int, end: int) -> tuple[int, int] | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        return span.start, span.end

    # -- step 1: the gazetteer, also inside merged tokens ("Google Gemini")
    def gazetteer(self) -> None:
        for match in self.lexicon.matches(self.sentence.text):
            tokens = self._token_range(*match)
            if tokens is None:
                continue
            first, last = self.doc[tokens[0]], self.doc[tokens[1] - 1]
            whole = first.idx == match[0] and last.idx + len(last) == match[1]
            if not whole and tokens[1] - tokens[0] == 1 and self._splits_merged(first, match):
                continue
            if whole:
                span = self._span(tokens[0], tokens[1], *match)
                if span is not None:
                    self.names.add(span)

    def _splits_merged(self, token: Token, match: tuple[int, int]) -> bool:
        """A gazetteer name that is the leading part of a merged name: "Google Gemini"
        holds Google (the owner) and Gemini; recorded as two parts of one token."""
        if match[0] != token.idx:
            return True
        rest_start = match[1]
        while rest_start < token.idx + len(token) and self.sentence.text[rest_start] in " -":
            rest_start += 1
        rest_end = token.idx + len(token)
        if rest_start >= rest_end or token.i in self.names.by_token:
            return True
        rest = self.sentence.text[rest_start:rest_end]
        if rest.lower() in VERSION_WORDS or rest[:1].isdigit() or _VERSION_TOKEN.match(rest):
            return True  # "GPT-4o mini", "DeepSeek v3" are one name, not two
        if " " not in rest and rest.lower() in english_words() and not self.lexicon.lookup(rest):
            return True  # "Mistral Next": an ordinary word names an edition, not a product
        if rest.lower().rstrip(".") in self.cues.org_suffixes | self.cues.weak_org_suffixes:
            whole = self._span(token.i, token.i + 1, token.idx, rest_end)
            if whole is not None:  # "SoftBank Group" is SoftBank
                self.names.add(whole)
            return True
        owner = self._span(token.i, token.i + 1, match[0], match[1])
        named = self._span(token.i, token.i + 1, rest_start, rest_end)
        if named is not None:  # "Stanford CRFM", "Amazon SageMaker": the whole is its name too
            named.surface = self.sentence.text[token.idx : rest_end]
        if owner is None or named is None or not owner.votes:
            return True
        if owner.votes[0].entity_class != "Organization":
            return True
        self.names.spans.extend([owner, named])
        self.names.by_token[token.i] = named
        self.names.heads[token.i] = [owner, named]
        return True

    # -- step 1b: titles of works, whose words are not all capitalised
    def titles(self) -> None:
        """ "On the Dangers of Stochastic Parrots was co-written by …" (see
        :mod:`graph.lang.en.titles`)."""
        tokens = self.names.tokens
        table = tables(self.doc)
        for start, end in title_runs(tokens, table.lemmas, table.texts):
            self._add_title(tokens, start, end)

    def _add_title(self, tokens: list[Token], start: int, end: int) -> None:
        inside = [s for s in self.names.spans if start <= s.start_token and s.end_token <= end]
        if any(
            s.start_token < end and start < s.end_token and s not in inside
            for s in self.names.spans
        ):
            return
        for span in inside:
            self.names.spans.remove(span)
            for t in range(span.start_token, span.end_token):
                self.names.by_token.pop(t, None)
        first, last = tokens[start], tokens[end - 1]
        span = self._span(start, end, first.idx, last.idx + len(last))
        if span is not None:
            if _quoted(tokens, start, end):
                # “Textbooks Are All You Need,” submitted to arXiv: a quoted title is a work
                span.votes.append(Vote("Document", QUOTED_TITLE, "quoted-title"))
            self.names.add(span)

    # -- step 2: name-shaped tokens
    def shaped(self) -> None:
        headline = bool(self.doc.user_data.get("newskg.headline"))
        tokens = self.names.tokens
        for i, text in enumerate(tables(self.doc).texts):
            if text.islower() and _SHORT_MODEL.fullmatch(text) and self._kind_named(tokens[i]):
                span = self._span(i, i + 1, tokens[i].idx, tokens[i].idx + len(text))
                if span is not None and i not in self.names.by_token:
                    self.names.add(span)
                continue
            if (text.islower() and not lowercase_model(text)) or not text[:1].isalnum():
                continue  # most tokens: no capital, or punctuation
            token = tokens[i]
            if headline and not (any(c.isdigit() for c in text) or _inner_capital(text)):
                continue  # in a title-case headline only "GPT-4o", "OpenAI" look like names
            if token.i in self.names.by_token or not self._name_shaped(token):
                continue
            start, end = token.idx, token.idx + len(token)
            before = self.doc[token.i - 1] if token.i > 1 else None
            if before is not None and before.text == "The" and before.whitespace_:
                start = before.idx  # "reported by The Information": "The" is in the name
            span = self._span(token.i, token.i + 1, start, end)
            if span is not None:
                self.names.add(span)

    def _kind_named(self, token: Token) -> bool:
        """A short lowercase word with a digit ("s1", "k2") that a model or product noun
        names: "a reasoning model, s1,", "the s1 model", "a model named s1"."""
        head = token.head
        if token.dep_ == "appos" or (token.dep_ in ("compound", "nmod") and head.i > token.i):
            typed = self._type(head)
            return typed is not None and typed[0] in ("AIModel", "Product")
        if token.dep_ in ("oprd", "attr", "dobj", "xcomp", "ccomp") and lemma(head) in (
            "name",
            "call",
            "dub",
        ):
            return head.dep_ in ("acl", "relcl") and self._type(head.head) is not None
        return False

    def _name_shaped(self, token: Token) -> bool:
        text = token.text
        if not any(c.isalpha() for c in text) or token.is_punct:
            return False
        if self.ner.get(token.i) in _NOT_NAME_LABELS and not any(c.isupper() for c in text[1:]):
            return False
        words = text.lower().split()
        introduced = token.i > 0 and self.doc[token.i - 1].lower_ in _COMPANY_NOUNS
        # "California-based Figure": what a place-based phrase introduces is a name
        introduced = introduced or (
            token.i > 1
            and self.doc[token.i - 1].lower_ == "based"
            and self.doc[token.i - 2].text == "-"
        )
        if " ".join(words) in self.cues.not_names and not introduced:
            return False  # "Code Red" ("Robotics startup Figure" is a company)
        if all(w in TITLE_WORDS for w in words):
            return False  # "Microsoft President Brad Smith": a title between two names
        if len(words) == 1 and department_of_title(self.doc, token.i):
            return False  # "Chief Technology Officer": a department in a title
        if _ROUND_NAME.match(text):
            return False  # "a $50 million Series B": a funding round, not a thing
        if _MONTH_DAY.fullmatch(text):
            return False  # "Feb 29 (Reuters) -": a dateline's date
        if _TICKER.fullmatch(text):
            return False  # "Alibaba (9988.HK)", "(NYSE: CRM)": a stock ticker, no name
        if _AMOUNT.match(text) and not self._listed_size(token):
            # "DeepSeek v3's 685B parameters", "with 132B total parameters", "a $9B
            # valuation": an amount, not a model; only beside a sized name is a bare size
            # one ("Orvik3-8B and 70B")
            return False
        if len(words) == 1 and words[0] in _FUNCTION_WORDS:
            return False
        if _spelt_out(self.doc, token):
            return False  # "annual recurring revenue (ARR)": the initials of a common noun
        if (
            len(words) == 2
            and words[1] in self.cues.weak_org_suffixes
            and words[0] in english_words()
            and _DEMONYM_WORD.search(words[0])
        ):
            return False  # "the Chinese AI lab DeepSeek": a nationality and a field
        if len(words) == 1 and text.rstrip("s").isupper() and self._type_word(words[0]):
            return False  # "Databricks' first LLM", "LLMs": an acronym of a kind, no name
        if text.lower() in self.cues.places or self._is_place(token):
            return False
        if lowercase_model(text):
            return True  # "text-davinci-003"
        mixed = text[:1].islower() and any(c.isupper() for c in text[1:])
        digits_first = text[:1].isdigit() and any(c.isupper() for c in text)
        if not (text[:1].isupper() or mixed or digits_first):
            return False
        if token.i == 0 or self.doc[token.i - 1].text in ('"', "“", "(", "'", "‘"):
            return self._initial_is_name(token)
        return not token.is_sent_start or self._initial_is_name(token)

    def _type_word(self, word: str) -> bool:
        singular = word[:-1] if word.endswith("s") else word
        return any(
            (found := self.cues.type_of([w])) is not None and found[1] == w
            for w in (word, singular)
        )

    def _listed_size(self, token: Token) -> bool:
        """A bare size listed beside a sized name ("Orvik3-8B and 70B", "70B, 8B"),
        by the words around it (the parser often breaks such a list)."""
        tokens = self.names.tokens
        for step in (-1, 1):
            joint, other = token.i + step, token.i + 2 * step
            while (
                0 <= other < len(tokens)
                and tokens[joint].lower_ in ("and", "or", ",")
                and has_size_token(tokens[other].text)
            ):
                if not _AMOUNT.match(tokens[other].text):
                    return True  # the list reaches a sized name: "Orvik3-8B, 13B and 70B"
                # another bare size ("both 7B and 70B versions"): look on along the list
                joint, other = other + step, other + 2 * step
        return False

    def _initial_is_name(self, token: Token) -> bool:
        """A capitalised first word is a name only with some sign of one: the tagger's
        proper noun, an entity label, capitals or digits inside, several words."""
        text = token.text
        if " " in text or any(c.isdigit() for c in text) or any(c.isupper() for c in text[1:]):
            return True
        word = text.lower()
        if word in _FUNCTION_WORDS or lemma(token) in _FUNCTION_WORDS:
            return False
        if self._opens_type_phrase(token):
            return False  # "Venture capital firm Lightspeed …": the sentence's capital
        if token.pos_ == "PROPN" or token.i in self.ner:
            return True
        known = english_words()
        if word not in known and lemma(token) not in known and not _english_participle(word):
            return True  # not an English word at all: "Vantly", "Chegg"
        if word in self.cues.type_nouns or word in self.cues.technique_heads:
            return False  # "Software is …", "Attention is …"
        # A singular common noun needs a determiner; one without is a name ("Pellucid, …").
        determined = any(c.dep_ in ("det", "poss") for c in kids(token))
        return token.tag_ in ("NN", "NNP") and not determined and token.dep_ != "compound"

    def _opens_type_phrase(self, token: Token) -> bool:
        """An English word that opens a lowercase type phrase before a name ("Venture
        capital firm X", "Software maker X"): a modifier of the type noun, no name."""
        doc = self.doc
        if token.i + 1 >= len(doc) or not doc[token.i + 1].is_lower:
            return False
        if token.lower_ not in english_words() or token.dep_ not in ("compound", "amod", "nmod"):
            return False
        head = token.head
        if head.i <= token.i or any(not t.is_lower for t in doc[token.i + 1 : head.i + 1]):
            return False
        typed = self._type(head)
        return typed is not None and head.i + 1 < len(doc) and doc[head.i + 1].text[:1].isupper()

    def _is_place(self, token: Token) -> bool:
        """A listed place, or a name the parser calls a place and the syntax agrees:
        "offices in Austin", "a Seoul startup", "Paris-based"."""
        if token.lower_ in self.cues.places:
            return True
        if any(c.isdigit() for c in token.text):
            return False  # "Llama 2 7B" is no place, whatever the parser says
        doc = self.doc
        based = (
            token.i + 2 < len(doc)
            and doc[token.i + 1].text == "-"
            and doc[token.i + 2].lower_ == "based"
        )
        if (
            token.i + 4 < len(doc)
            and doc[token.i + 1].text == ","
            and doc[token.i + 3].text == "-"
            and doc[token.i + 4].lower_ == "based"
            and (
                doc[token.i + 2].lower_ in self.cues.places
                or self.ner.get(token.i + 2) in _PLACE_LABELS
            )
        ):
            return True  # "Sunnyvale, California-based Figure": a city and its state
        if based:  # "a Lyon-based startup", not "a Vireo-based assistant"
            typed = self.cues.type_of([lemma(doc[token.i + 2].head)])
            if typed is not None and typed[0] in ("Organization", "Person"):
                return True
        label = self.ner.get(token.i)
        if label == "NORP":  # "British", "Finnish" before a noun; "Rivian" is a company
            modifier = token.dep_ in ("amod", "compound", "nmod") and token.head.i > token.i
            return modifier and text_is_demonym(token.text)
        if label not in _PLACE_LABELS:
            return False
        if any(c.dep_ == "appos" and self._type(c) for c in kids(token)):
            return False  # "Harvey, a startup that ..."
        if self._surface_type(token.i + 1) is not None:
            return False  # "in Adept, an AI startup whose …", the parser's appositive elsewhere
        doc = self.doc
        if token.i + 2 < len(doc) and doc[token.i + 1].text == "-":
            return doc[token.i + 2].lower_ == "based"
        head = token.head
        if token.dep_ == "pobj" and head.lower_ in _LOCATIVE:
            return lemma(head.head) not in _IN_ARGUMENTS
        if token.dep_ in ("compound", "npadvmod", "nmod") and head.pos_ == "NOUN":
            typed = self.cues.type_of([lemma(head)])
            return typed is not None and typed[0] == "Organization"
        return False

    # -- step 3: the cues that vote
    def vote(self) -> None:
        for span in list(self.names.spans):
            self._shape_votes(span)
        for span in list(self.names.spans):
            self._context_votes(span)
        self._group_votes()

    def _group_votes(self) -> None:
        """Members of one list are of one kind: "models like LLaMA, Alpaca and Koala" (the
        type noun the list hangs from), "Meta, Uber, and Airtable" (a member whose cues
        are clear speaks for the others, weakly)."""
        own: dict[int, tuple[str, float] | None] = {}
        for span in self.names.spans:
            totals: dict[str, float] = {}
            for vote in span.votes:
                if not vote.cue.startswith("ner:"):
                    totals[vote.entity_class] = totals.get(vote.entity_class, 0.0) + vote.weight
            best = max(sorted(totals), key=lambda c: totals[c]) if totals else None
            own[id(span)] = (best, totals[best]) if best else None
        for run in self._name_runs():
            tokens = [self.doc[s.end_token - 1] for s in run]
            listed = self._list_type(tokens[0])
            clear = [cue for cue in (own[id(s)] for s in run) if cue and cue[1] >= SUFFIX]
            kinds = {cue[0] for cue in clear}
            for span in run:
                if listed is not None:
                    span.votes.append(Vote(listed[0], LISTED, f"listed:{listed[1]}"))
                if len(kinds) == 1 and len(run) > 1:
                    span.votes.append(Vote(next(iter(kinds)), COORDINATED, "coordination"))
        for span in self.names.spans:
            # "by Suriya Gunasekar and colleagues", "Ada Voss and her co-authors" (by the
            # words: the parser hangs the plural anywhere)
            after = self.doc[span.end_token : span.end_token + 3]
            if len(after) < 2 or after[0].lower_ != "and":
                continue
            if not any(v.cue == "name:person" for v in span.votes):
                continue  # "Vexo and researchers at X": a company and people
            other = after[1] if after[1].dep_ != "poss" or len(after) < 3 else after[2]
            typed = self._type(other) if other.tag_ == "NNS" else None
            if typed and typed[0] == "Person" and not self.names.at(other):
                span.votes.append(Vote("Person", TYPE_NOUN, f"with:{typed[1]}"))

    def _name_runs(self) -> list[list[NameSpan]]:
        """Names listed one after another: "A, B, C and D" (by the words: the parser
        often hangs the later members elsewhere)."""
        doc = self.doc
        spans = sorted(
            (
                s
                for s in self.names.spans
                if not s.reference  # a possessor is no member: "A and B's C"
                and not (s.end_token < len(doc) and doc[s.end_token].text in ("'s", "’s"))
            ),
            key=lambda s: s.start_token,
        )
        runs: list[list[NameSpan]] = []
        closed: list[bool] = []  # whether "and"/"or" came before the run's last member
        for span in spans:
            if runs:
                last = runs[-1][-1]
                if span.start_token < last.end_token:  # two parts of one merged token
                    runs[-1][-1] = span
                    continue
                between = [t.lower_ for t in self.doc[last.end_token : span.start_token]]
                if (
                    0 < len(between) <= 2
                    and all(w in (",", "and", "or") for w in between)
                    and not self._closes_outer_list(last, span, between)
                ):
                    runs[-1].append(span)
                    closed[-1] = "and" in between or "or" in between
                    continue
            runs.append([span])
            closed.append(False)
        out = []
        for run, ends_in_and in zip(runs, closed, strict=True):
            if len(run) > 1 and not ends_in_and:
                run = run[:1]  # "… Nadia Perrin, Vellum AI is new": a comma alone lists nothing
            if len(run) > 1 or self._list_type(self.doc[run[0].end_token - 1]):
                out.append(run)
        return out

    def _closes_outer_list(self, last: NameSpan, span: NameSpan, between: list[str]) -> bool:
        """ "hired A, a researcher from B, and C": B ends A's description (the object of a
        preposition in an apposition to a name), and ", and C" goes back to the list of A
        and C, not on from B (C is no kind of B)."""
        if "and" not in between and "or" not in between:
            return False
        token = self.doc[last.end_token - 1]
        new = self.doc[span.end_token - 1]
        if token.dep_ != "pobj" or new in token.conjuncts:
            return False
        for ancestor in token.ancestors:
            if ancestor.dep_ == "appos" and self.names.at(ancestor.head) is not None:
                return self.names.at(ancestor) is None
        return False

    def _list_type(self, first: Token) -> tuple[str, str] | None:
        """The type noun a list is introduced by: "models like X", "companies such as X",
        "startups including X"."""
        prep = first.head
        if first.dep_ != "pobj" or prep.lower_ not in ("like", "including", "as"):
            return None
        if prep.lower_ == "as" and not any(c.lower_ == "such" for c in kids(prep)):
            return None
        noun = prep.head
        return self._type(noun) if noun.pos_ in ("NOUN", "PROPN") else None

    def _shape_votes(self, span: NameSpan) -> None:
        key = (id(self.cues), span.surface)
        if key in _SHAPES:
            shape = _SHAPES[key]
        else:
            shape = _SHAPES[key] = self._shape_vote(span.surface)
            if len(_SHAPES) > 100_000:
                _SHAPES.clear()
        if shape is not None:
            span.votes.append(shape)
        label = self.ner.get(span.start_token)
        if label in NER:
            entity_class, weight = NER[label]
            span.votes.append(Vote(entity_class, weight, f"ner:{label}"))
        elif label == "WORK_OF_ART":
            span.votes.append(Vote(NER_WORK[0], NER_WORK[1], "ner:WORK_OF_ART"))

    def _shape_vote(self, surface: str) -> Vote | None:
        """What the name's own shape says: a suffix, a size or version, a person's name."""
        words = surface.split()
        last = words[-1].lower().rstrip(",")
        if len(words) > 1 and last in self.cues.org_suffixes:
            return Vote("Organization", SUFFIX, f"marker:{last}")
        if len(words) > 1 and last in self.cues.weak_org_suffixes:
            return Vote("Organization", WEAK_SUFFIX, f"marker:{last}")
        if len(words) == 1 and re.search(r"[a-z](?:AI|Labs)$", surface):
            return Vote("Organization", WEAK_SUFFIX, "marker:ai")  # "EleutherAI"
        if has_size_token(surface):
            return Vote("AIModel", SIZE, "name:size")
        if _VERSION_END.search(surface) or (len(words) > 1 and words[-1].lower() in VERSION_WORDS):
            return Vote("AIModel", VERSION, "name:version")
        if (
            2 <= len(words) <= 3
            and words[0] != "The"  # "The Information" is a publication
            and all(_person_word(w) for w in words)
            and not any(w.lower() in self.cues.type_nouns for w in words)
        ):
            # A given name is rarely an English word ("Meridian Law" is a firm).
            common = words[0].lower() in english_words()
            return Vote("Person", PERSON_SHAPE_COMMON if common else PERSON_SHAPE, "name:person")
        return None

    def _context_votes(self, span: NameSpan) -> None:
        token = self.doc[span.end_token - 1]
        found = list(self._described_by(token))
        if not any(how == "apposition" for *_, how in found):
            found.extend(self._surface_apposition(span))
        for entity_class, noun, weight, how in found:
            span.votes.append(Vote(entity_class, weight, f"{how}:{noun}"))
        source = self._source_vote(token, span)
        if source is not None:
            span.votes.append(source)
        if _who_clause(token):
            span.votes.append(Vote("Person", RELATIVE_WHO, "relative:who"))

    def _source_vote(self, token: Token, span: NameSpan) -> Vote | None:
        """ "Reuters reported", "reported by The Information", "according to X": a source
        of news is an organization or a person, whichever the entity label says (the
        label alone is too weak a cue to type a name)."""
        head = token.head
        if token.dep_ == "nsubj" and lemma(head) in _REPORTING:
            how = lemma(head)
        elif token.dep_ == "pobj" and head.lower_ == "by" and lemma(head.head) in _REPORTING:
            how = lemma(head.head)
        elif token.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
            how = "according"
        else:
            return None
        label = NER.get(self.ner.get(token.i, ""))
        if label is not None and label[0] != "Product":
            return Vote(label[0], SOURCE, f"source:{how}")
        shape = max((v.weight for v in span.votes if v.cue == "name:person"), default=0.0)
        words = span.surface.split()
        publication = words[0] == "The" or (len(words) >= 3 and shape < PERSON_SHAPE)
        if label is None and len(words) > 1 and (shape == 0.0 or publication):
            # "the Wall Street Journal reported": a source whose name is no person's
            return Vote("Organization", UNLABELLED_SOURCE, f"source:{how}")
        return None

    def _surface_apposition(self, span: NameSpan) -> Iterable[tuple[str, str, float, str]]:
        """ "Ask Vantly, a customer-support chatbot, …" read from the words alone, for
        when the parser attached the appositive elsewhere."""
        typed = self._surface_type(span.end_token)
        if typed:
            yield typed[0], typed[1], TYPE_NOUN, "apposition"

    def _surface_type(self, end: int) -> tuple[str, str] | None:
        """The type noun of ", a/an/the … NOUN" right after token ``end`` (past a
        parenthesis), read from the words."""
        doc = self.doc
        i = after_parenthesis(doc, end)
        if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("a", "an", "the"):
            return None
        words: list[str] = []
        for token in doc[i + 2 : i + 9]:
            if token.text in ("-",):
                continue
            if token.is_punct or token.pos_ in ("VERB", "ADP", "AUX", "PRON", "DET", "CCONJ"):
                break
            if self.names.at(token) is not None:
                return None
            words.append(lemma(token))
        last = i + 2 + len(words)
        if not words or (last < len(doc) and doc[last].pos_ in ("NOUN", "PROPN")):
            return None
        return self.cues.type_of(words)

    def _type(self, noun: Token) -> tuple[str, str] | None:
        if not nominal(noun):
            return None
        span = self.names.at(noun)
        if span is not None and not self._kind_term(span):
            return None
        # "a startup building search tools": the parser makes the participle a noun and
        # the type noun its modifier; the type noun before an -ing word is the head.
        for child in sorted(kids(noun), key=lambda t: t.i):
            if child.dep_ == "compound" and child.i + 1 < noun.i:
                after = noun.doc[child.i + 1]
                if after.lower_.endswith("ing") and after.dep_ in ("compound", "amod"):
                    typed = self.cues.type_of([lemma(child)])
                    if typed:
                        return typed
        return self.cues.type_of(noun_words(noun))

    def _kind_term(self, span: NameSpan) -> bool:
        """A known term written in lowercase that names a kind ("a new Arabic-centric
        large language model"): as a type noun it describes the name beside it, as any
        other type noun does."""
        words = span.surface.split()
        return span.surface.islower() and self.cues.type_of(words) is not None

    def _listing_noun(self, token: Token) -> Token | None:
        """The plural noun a list of names stands in apposition to, which the parser
        makes the first conjunct: "two open models, Orvik-9B and Orvik-2B"."""
        if token.dep_ != "conj":
            return None
        first = token.head
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        doc = self.doc
        if first.tag_ != "NNS" or first.i + 1 >= len(doc) or doc[first.i + 1].text != ",":
            return None
        return first if self.names.at(first) is None else None

    def _affiliated(self, noun: Token) -> bool:
        """A role noun "at" a named organization: a person's position ("a partner at X",
        "a fellow at X")."""
        if not nominal(noun) or self.names.at(noun) is not None:
            return False
        return any(
            prep.dep_ == "prep"
            and prep.lower_ == "at"
            and any(p.dep_ == "pobj" and self.names.at(p) is not None for p in kids(prep))
            for prep in kids(noun)
        )

    def _own_noun(self, token: Token) -> bool:
        """A type noun right before the name that is not the head the parser hung it
        from: "led by the Amazon chairman alongside venture firms Lux Capital" is
        described by "firms", not by "chairman" (a misparsed apposition)."""
        if token.i == 0:
            return False
        before = self.doc[token.i - 1]
        return (
            before != token.head
            and before.pos_ == "NOUN"
            and self.names.at(before) is None
            and self._type(before) is not None
        )

    def _described_by(self, token: Token) -> Iterable[tuple[str, str, float, str]]:
        """Type nouns that describe the name at ``token``, with the cue's weight."""
        # "Mistral, a Paris-based startup" / "the startup, Xyz" / "CEO Sam Altman"
        for child in kids(token):
            if child.dep_ == "amod" and child.lower_ == "based" and child.i < token.i:
                place = self.doc[child.i - 2] if child.i >= 2 else None
                if (
                    place is not None
                    and self.doc[child.i - 1].text == "-"
                    and place.text[:1].isupper()
                ):
                    # "France-based Mipsology": what is based somewhere is a company
                    yield "Organization", "based", LOOSE_BASED, "based"
            if child.dep_ == "appos":
                typed = self._type(child)
                if typed:
                    yield typed[0], typed[1], TYPE_NOUN, "apposition"
                elif self._affiliated(child):  # "Fintan Doyle, a partner at Redcliff"
                    yield "Person", lemma(child), TYPE_NOUN, "apposition-at"
            elif child.dep_ == "compound" and child.i < token.i:
                typed = self._type(child)
                if typed:  # "OpenAI CEO Sam Altman", "Uber rival Lyft"
                    yield typed[0], typed[1], TYPE_NOUN, "title"
        if token.dep_ == "appos" and not reduced_relative(token) and not self._own_noun(token):
            typed = self._type(token.head)
            if typed:  # "its developer, Wader AI"; "the startup Xyz"
                yield typed[0], typed[1], TYPE_NOUN, "apposition"
        listing = self._listing_noun(token)
        if listing is not None:
            typed = self._type(listing)
            if typed:  # "its in-house chips, Trainium and Inferentia"
                yield typed[0], typed[1], TYPE_NOUN, "apposition"
        after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if (
            after is not None
            and token.dep_ == "compound"
            and after.dep_ == "compound"
            and after.head == token.head
        ):
            typed = self._type(after)
            if typed and typed[0] == "Person":  # "Tessel CEO Marguerite Olsen"
                yield "Organization", typed[1], EMPLOYER, "employer"
        if token.dep_ in ("compound", "amod", "nmod") and token.head.i > token.i:
            typed = self._type(token.head)
            if typed and typed[0] == "Person":  # "Corvatech CEO …": the employer
                yield "Organization", typed[1], EMPLOYER, "employer"
            elif typed:  # "the Llama 3 model"
                definite = any(
                    (c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their", "this"))
                    or c.dep_ == "poss"
                    for c in kids(token.head)
                )
                weight = DEFINITE_COMPOUND if definite else LOOSE_COMPOUND
                yield typed[0], typed[1], weight, "type-noun"
        # "Mosslight is a Dublin-based startup"
        if token.dep_ in ("nsubj", "nsubjpass") and lemma(token.head) == "be":
            for child in kids(token.head):
                if child.dep_ not in ("attr", "acomp"):
                    continue
                # "X is a 13-billion parameter transformer (GPT) model": the kind
                # the parser hung in apposition to the first noun
                nouns = [child] + [c for c in kids(child) if c.dep_ == "appos"]
                if child.lower_ in ("one", "some", "among"):  # "one of the largest models"
                    nouns = [p for c in kids(child) if c.lower_ == "of" for p in kids(c)]
                for noun in nouns:
                    typed = self._type(noun)
                    if typed:
                        yield typed[0], typed[1], TYPE_NOUN, "copula"
        # "a dataset it calls ForumMix", "a memo titled The Inference Squeeze"
        verb = token.head
        if token.dep_ in ("oprd", "dobj", "xcomp", "ccomp", "attr", "npadvmod", "appos") and (
            lemma(verb) in _NAMING_VERBS
        ):
            target = verb.head if verb.dep_ in ("relcl", "acl") else None
            if target is not None:
                typed = self._type(target)
                if typed:
                    yield typed[0], typed[1], NAMING, "naming"


#: A short lowercase model name: a few letters and a version ("s1", "k2", "r1.5").
_SHORT_MODEL = re.compile(r"[a-z]{1,3}\d+(?:\.\d+)?")

_MONTH_DAY = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?"
)

_TICKER = re.compile(
    r"\d{3,5}\.(?:HK|T|KS|SS|SZ)|[A-Z]{1,5}\.(?:HK|L|TO|PA|DE|AS|SW)"
    r"|NYSE|NASDAQ|Nasdaq|HKEX|TSE|LSE"
)

#: Nouns after which a capitalised word names a company ("startup Figure", "firm Table").
_COMPANY_NOUNS = frozenset(
    {"startup", "start-up", "company", "firm", "unicorn", "lab", "maker", "developer"}
)

_FUNCTION_WORDS = word_set(
    """
    the a an this that these those it its they their he she we i you our my his her
    in on at by for with from to of and but or so as if when while after before since
    despite although though because according with without during over under about
    there here then now what who which why how former new all some many most several
    both each every no not one two three four five six seven eight nine ten
    analysts reviewers researchers investors executives users customers critics experts
    """
)

_DEMONYMS = re.compile(r"(?:ish|ese|ian|an|ic|i|ch|ss|ek)$")
#: Endings of a nationality that is an English word ("Chinese", "French", "Korean").
_DEMONYM_WORD = re.compile(r"(?:ish|ese|ian|ean|can|ch|man|i)$")


_OPENING_QUOTES = frozenset({'"', "“", "‘"})
_CLOSING_QUOTES = frozenset({'"', "”", "’"})


def after_parenthesis(doc: Doc, i: int) -> int:
    """The token after a short parenthesis that starts at ``i`` ("Condor Galaxy 1
    (CG-1), the supercomputer …": the comma), else ``i``."""
    if i < len(doc) and doc[i].text == "(":
        for j in range(i + 1, min(i + 6, len(doc))):
            if doc[j].text == ")":
                return j + 1
    return i


def _spelt_out(doc: Doc, token: Token) -> bool:
    """An acronym in brackets after the lowercase words it abbreviates: "annual recurring
    revenue (ARR)", "total addressable market (TAM)" name no thing of the graph."""
    text = token.text
    i = token.i
    if not (text.isupper() and text.isalpha() and 2 <= len(text) <= 6):
        return False
    if i < 2 or doc[i - 1].text != "(" or i + 1 >= len(doc) or doc[i + 1].text != ")":
        return False
    words = doc[max(0, i - 1 - len(text)) : i - 1]
    if len(words) != len(text) or not all(w.is_lower and w.is_alpha for w in words):
        return False
    return "".join(w.text[0] for w in words) == text.lower()


def _quoted(tokens: list[Token], start: int, end: int) -> bool:
    """The run stands between quotes, a comma perhaps inside the closing one."""
    if start == 0 or tokens[start - 1].text not in _OPENING_QUOTES:
        return False
    after = [t.text for t in tokens[end : end + 2]]
    return bool(after) and (
        after[0] in _CLOSING_QUOTES or (after[0] in (",", ".") and after[1:2] == ["”"])
    )


def _who_clause(token: Token) -> bool:
    """A relative clause on the name whose pronoun is "who" or "whom"."""
    for clause in kids(token):
        if clause.dep_ == "relcl" and clause.i > token.i:
            return any(c.lower_ in ("who", "whom") and c.i < clause.i for c in kids(clause))
    return False


def _english_participle(word: str) -> bool:
    """ "Co-founded by …", "Well-funded", "Re-launched": a hyphenated participle made of
    English words opens a sentence as a word, not as a name."""
    parts = word.split("-")
    if len(parts) < 2 or not parts[-1].endswith(("ed", "ing")):
        return False
    known = english_words()
    last = parts[-1]
    stems = {last, last[:-2], last[:-1], last[:-3], last[:-3] + "e"}
    return all(p in known for p in parts[:-1]) and any(s in known for s in stems if s)


def _inner_capital(text: str) -> bool:
    return any(c.isupper() for c in text[1:]) and any(c.islower() for c in text)


def text_is_demonym(text: str) -> bool:
    """ "British", "Finnish", "Chinese": nationality words, not names of things."""
    return " " not in text and bool(_DEMONYMS.search(text.lower()))


#: A wire service's credit in a dateline: "(Reuters) -", "(AP) —", near the start.
_WIRE_CREDIT = re.compile(r"\)\s*(?:(?:-{1,2}|[—–])(?:\s|$)|$)")
_DATELINE_REACH = 80


def wire_credit(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is the credit of a dateline: in
    parentheses of its own, followed by a dash, within the dateline's reach. The wire
    service reports the story; it never acts in it, nor is it what "it" stands for."""
    if start > _DATELINE_REACH or not text[:start].endswith("("):
        return False
    return _WIRE_CREDIT.match(text, end) is not None


def find_names(sentence: ParsedSentence, lexicon: Gazetteer, cues: Cues) -> SentenceNames:
    """The candidate names of a sentence with their cue votes."""
    finder = _Finder(sentence, lexicon, cues)
    finder.gazetteer()
    finder.titles()
    finder.shaped()
    finder.vote()
    return finder.names


def drop_spelt_out(all_names: Sequence[SentenceNames]) -> None:
    """An acronym the document spells out as a common noun ("annual recurring revenue
    (ARR)") is no name anywhere in it ("the combined ARR grew")."""
    common = {
        token.text
        for names in all_names
        for token in names.tokens
        if token.text.isupper() and _spelt_out(token.doc, token)
    }
    if not common:
        return
    for names in all_names:
        for span in list(names.spans):
            if span.surface in common and not any(v.cue == "lexicon" for v in span.votes):
                names.drop(span)


def short_forms(spans: Iterable[NameSpan]) -> dict[str, NameSpan]:
    """Shorter forms a document uses for a name once introduced, by match key.

    "Brightline" for "Brightline Robotics" (a company's first word) and "Altman" for "Sam
    Altman" (a person's last word), when exactly one name of the document has that form.
    """
    owners: dict[str, dict[str, NameSpan]] = {}
    for span in spans:
        words = span.canonical.split()
        if len(words) < 2 or span.reference:
            continue
        totals: dict[str, float] = {}
        for vote in span.votes:
            totals[vote.entity_class] = totals.get(vote.entity_class, 0.0) + vote.weight
        top = max(sorted(totals), key=lambda c: totals[c]) if totals else None
        forms = []
        surname = None
        if top == "Organization" or words[-1].lower() in _ORG_WORDS:
            forms.append(words[0])
        if top == "Person" and totals["Person"] >= PERSON_SHAPE:
            # joined only to a one-word name that is no other kind: "Altman"; and the
            # given name a quote uses ("I've known Mustafa for years")
            forms.extend((words[-1], words[0]))
            surname = words[-1]
        for form in forms:
            # a two-letter surname ("Li" for "Fei-Fei Li", "Ha" for "David Ha") is a form
            # too: a capitalised name-shaped word, never a title-case "He" (no name)
            short = form == surname and len(form) == 2 and _person_word(form)
            if (len(form) > 2 or short) and form[0].isupper():
                owners.setdefault(match_key(form), {})[span.key] = span
    return {form: next(iter(k.values())) for form, k in owners.items() if len(k) == 1}


_ORG_WORDS = frozenset({"labs", "inc", "inc.", "corp", "ai", "capital", "ventures", "systems"})
