"""From a token in a frame to the names it stands for.

An argument of a frame is often not a name itself: a type noun in apposition ("Arctic,
the model that Snowflake built"), a noun with the name beside it ("the Jamba family",
"the startup Xyz"), a stand-in for a name met earlier ("the company", "it", "its"),
people who stand for their employer ("analysts at Crestline Securities"), a list
introduced by "including", data drawn from a source ("tokens drawn from RefinedWeb"),
or, where a frame asks for an idea or a method, a plain noun phrase ("deepfake fraud",
"grouped-query attention"). :class:`ArgumentResolver` follows each of these to the
:class:`~graph.lang.en.names.NameSpan` records it means; stand-ins become reference
names (they fill roles but add no label).

:class:`Antecedents` is the document's memory for stand-ins: every name met so far with
a provisional class from its cues, so that "the company" finds the last company and
"it" the last thing that fits the role it fills.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from graph.canonical import slug
from graph.extraction.readings import Vote
from graph.lang.en.cues import Cues, word_set
from graph.lang.en.names import NameSpan, SentenceNames
from graph.lang.en.syntax import (
    contrasted,
    coordinated,
    kids,
    lemma,
    misread_type_noun,
    nominal,
    noun_words,
    tables,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Antecedents", "ArgumentResolver", "Target"]

#: Weight of cue votes a name needs before a stand-in takes it for typed.
_PROVISIONAL = 0.9
_TERM_CLASSES = frozenset({"Technique", "Concept"})
#: How many sentences back a stand-in may reach.
_REACH = 3
#: Nouns that stand for the name compounded with them: "the Nimbus-4 weights".
_STAND_FOR = frozenset(
    {
        "weights",
        "weight",
        "series",
        "line",
        "lineup",
        "brand",
        "code",
        "system",
        "systems",
        "comeback",
        "rise",
        "success",
        "surge",
        "popularity",
        "momentum",
        "dominance",
    }
)
#: Nouns for data whose source is the dataset: "3.5 trillion tokens drawn from RefinedWeb".
_DATA_NOUNS = frozenset(
    {
        "token",
        "data",
        "datum",
        "text",
        "post",
        "document",
        "image",
        "example",
        "sample",
        "page",
        "record",
        "demonstration",
        "conversation",
        "output",
        "response",
        "instruction",
    }
)
#: Verbs that make data from a model: "demonstrations generated using X" is data from X.
_GENERATING = frozenset({"generate", "produce", "create", "synthesize", "synthesise"})
_LIST_PREPS = frozenset({"including", "like", "such"})
#: Participles that name where data comes from: "tokens using X", "posts drawn from X".
_SOURCING = frozenset({"use", "draw", "take", "source", "collect", "scrape", "pull"})
#: Modifiers before a noun that may be the name it stands for: "its Tern-1 model".
_MODIFIERS = frozenset({"compound", "nummod", "amod", "nmod", "npadvmod"})
#: Kinds of made things: a company's name before their type noun is their maker.
_THINGS = frozenset({"AIModel", "Product", "Dataset", "Technique"})
#: Nouns of a funding round, which stands for the company that raised it.
_ROUND_NOUNS = frozenset({"round", "funding", "financing", "raise", "series"})
#: Type nouns for part of a company: "the NovaSky team" names NovaSky, but "the team"
#: alone is not the company ("he led the team that built X").
_PARTS = frozenset({"team", "unit", "division", "arm"})
#: Nouns that stand for what they are "of": "built on top of X", "released the weights
#: of X" (a model's parts released are the model released).
_SUPPORTS = frozenset(
    {
        "top",
        "basis",
        "back",
        "foundation",
        "base",
        "version",
        "form",
        "weight",
        "code",
        "architecture",  # "used the basic architecture of LLaMA": LLaMA, not a model met before
    }
)
#: Nouns for a part of something: "owns 90% of Arm Holdings".
_SHARES = frozenset(
    {
        "%",
        "percent",
        "cent",
        "majority",
        "stake",
        "share",
        "portion",
        "half",
        "part",
        "third",
        "quarter",
        "chunk",
        "piece",
        "bulk",
        "most",
        "control",
        "interest",
    }
)
_NAMING_VERBS = frozenset({"call", "name", "dub", "title", "brand", "christen", "know"})
_RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom", "whose"})
#: Adjectives that judge rather than name: dropped from a concept's name.
#: Words before a company that make it a past employer: "ex-Square", "former OpenAI".
_PAST_MARKS = frozenset({"ex", "ex-", "former", "onetime", "one-time", "erstwhile"})
_EVALUATIVE = word_set(
    """
    big biggest bigger large largest larger growing great greatest major main clear
    serious real potential possible likely new newer newest long-term long short-term
    significant huge enormous existential little small smaller top key primary other
    such same latest own ultimate standard common conventional traditional typical usual
    regular normal existing
    """
)


@dataclass(frozen=True)
class Target:
    """A name an argument token stands for, how it was found and how sure that is."""

    span: NameSpan
    via: str = "tree"
    penalty: float = 0.0


@dataclass
class _Seen:
    key: str
    canonical: str
    sentence: int
    start: int  # character offset in the document
    subject: bool = False
    embedded: bool = False  # inside a relative or reported clause


@dataclass
class Antecedents:
    """Names met so far in the document, with their cue votes, for stand-ins."""

    seen: list[_Seen] = field(default_factory=list)
    votes: dict[str, list[Vote]] = field(default_factory=lambda: defaultdict(list))
    # Kept as names are remembered (stand-ins are resolved often, documents are long):
    mentions: Counter[str] = field(default_factory=Counter)  # key -> occurrences so far
    last: dict[str, _Seen] = field(default_factory=dict)  # key -> its latest occurrence
    _classes: dict[str, str | None] = field(default_factory=dict)  # provisional, by key
    # Who raised money so far ("xAI said it has raised $6 billion"), latest last: the
    # company a later "the round" stands for.
    raisers: list[_Seen] = field(default_factory=list)

    def remember(self, names: SentenceNames, sentence: int, offset: int) -> None:
        for span in sorted(names.spans, key=lambda s: s.start):
            # Stand-ins count too: "The startup develops models. Its first model …"
            seen = _Seen(
                span.key, span.canonical, sentence, offset + span.start, span.subject, span.embedded
            )
            self.seen.append(seen)
            self.mentions[span.key] += 1
            self.last[span.key] = seen
            self.votes[span.key].extend(span.votes)
            self._classes.pop(span.key, None)

    def learn(self, key: str, entity_class: str) -> None:
        """A class learnt from a stand-in: "the company developed X" makes X's maker,
        if untyped, a company in the eyes of later stand-ins."""
        self.votes[key].append(Vote(entity_class, 0.5, "anaphor"))
        self._classes.pop(key, None)

    def provisional(self, key: str) -> str | None:
        if key in self._classes:
            return self._classes[key]
        totals: dict[str, float] = defaultdict(float)
        for vote in self.votes.get(key, ()):
            totals[vote.entity_class] += vote.weight
        best = max(sorted(totals), key=lambda c: totals[c]) if totals else None
        found = best if best is not None and totals[best] >= _PROVISIONAL else None
        self._classes[key] = found
        return found

    def find(
        self,
        classes: frozenset[str] | None,
        sentence: int,
        before: int,
        *,
        untyped_ok: bool = False,
        exclude: frozenset[str] = frozenset(),
        topic_first: bool = False,
        continuing: bool = False,
    ) -> _Seen | None:
        """The last name before ``before`` (document offset) of one of ``classes``, a
        subject first within a sentence; with ``untyped_ok``, an untyped name will do when
        no typed one fits. With ``continuing`` (a definite stand-in that is its clause's
        subject: "The company ..."), the previous sentence's main subject comes first."""
        if continuing:
            kept = self._continued(classes, sentence, exclude)
            if kept is not None:
                return kept
        fallback = None
        fitting: list[_Seen] = []
        current = None
        for seen in reversed(self.seen):
            if seen.start >= before or seen.key in exclude:
                continue
            if sentence - seen.sentence > _REACH:
                break
            if current is not None and seen.sentence != current and fitting:
                break
            entity_class = self.provisional(seen.key)
            if classes is None or entity_class in classes:
                fitting.append(seen)
                current = seen.sentence
            elif untyped_ok and entity_class is None and fallback is None:
                fallback = seen
        if fitting:
            # A pronoun takes the subject; "the company" (or a pronoun with no subject to
            # take) the document's topic, the fitting name met most often so far.
            subject = next((s for s in fitting if s.subject), None)
            # every remembered name comes from an earlier sentence, so from before ``before``
            mentions, ranked = self.mentions, self.last
            if topic_first:
                candidates = [
                    ranked[key]
                    for key in mentions
                    if key in ranked
                    and key not in exclude
                    and self._fits(key, classes)
                    and sentence - ranked[key].sentence <= _REACH
                ]
                topic = self._topic(classes, exclude)
                if candidates:
                    best = max(candidates, key=lambda s: (mentions[s.key], not s.embedded, s.start))
                    if topic is not None and mentions[topic.key] >= 2 * mentions[best.key] + 1:
                        return topic  # the article's company, named a while ago, over a
                        # company met once in passing ("By comparison, OpenAI's GPT-4 …")
                    return best
            if subject is not None:
                return subject
            return max(fitting, key=lambda s: (mentions[s.key], s.start))
        return fallback

    def _continued(
        self, classes: frozenset[str] | None, sentence: int, exclude: frozenset[str]
    ) -> _Seen | None:
        """The main-clause subject of the sentence just before, if it is one name that
        fits or has no class yet: "Vexo is best known for Orvik. The company …" continues
        with Vexo, whatever company the sentence before named in passing ("backed by
        Pell Capital"). A name whose cues say it is of another kind is no candidate."""
        found: list[_Seen] = []
        for seen in reversed(self.seen):
            if seen.sentence < sentence - 1:
                break
            if seen.sentence == sentence - 1 and seen.subject and not seen.embedded:
                found.append(seen)
        keys = {seen.key for seen in found}
        if len(keys) != 1:
            return None
        seen = found[0]
        if seen.key in exclude:
            return None
        if classes is None:
            return seen
        totals: dict[str, float] = defaultdict(float)
        for vote in self.votes.get(seen.key, ()):
            totals[vote.entity_class] += vote.weight
        # however faint its cues, a name leaning to another kind is none ("Dana Whitfield
        # joined X. The startup …": not Dana Whitfield)
        leaning = max(sorted(totals), key=lambda c: totals[c]) if totals else None
        return seen if leaning is None or leaning in classes else None

    def topic(self, classes: frozenset[str] | None, exclude: frozenset[str]) -> _Seen | None:
        """The document's topic of one of ``classes`` (see ``_topic``)."""
        return self._topic(classes, exclude)

    def _topic(self, classes: frozenset[str] | None, exclude: frozenset[str]) -> _Seen | None:
        """The fitting name met most often in the document so far, if met three times."""
        keys = [k for k in self.mentions if k not in exclude and self._fits(k, classes)]
        if not keys:
            return None
        key = max(keys, key=lambda k: (self.mentions[k], self.last[k].start))
        return self.last[key] if self.mentions[key] >= 3 else None

    def _fits(self, key: str, classes: frozenset[str] | None) -> bool:
        return classes is None or self.provisional(key) in classes


class ArgumentResolver:
    """Follows argument tokens of one sentence to the names they stand for."""

    def __init__(
        self,
        names: SentenceNames,
        cues: Cues,
        antecedents: Antecedents,
        sentence_index: int,
    ) -> None:
        self.names = names
        self.cues = cues
        self.antecedents = antecedents
        self.sentence_index = sentence_index
        self.offset = names.sentence.start
        self.doc = names.sentence.doc
        self._exclude: frozenset[str] = frozenset()
        text = names.sentence.text
        self._lists = "including" in text or "such as" in text or " like " in text

    # -- the entry point
    def targets(
        self,
        token: Token,
        classes: frozenset[str] | None = None,
        *,
        terms: bool = False,
        exclude: frozenset[str] = frozenset(),
    ) -> list[Target]:
        """The names ``token`` stands for; ``classes`` are what the role accepts (for
        stand-ins), ``terms`` allows a plain noun phrase to become a technique or
        concept, and a stand-in never means a name in ``exclude`` (the other arguments
        of its frame: in "its stake in the company", the company is not "its" owner)."""
        self._exclude = exclude
        found = self._direct(token, classes, terms, depth=0)
        out: list[Target] = []
        for target in found:
            if all(t.span is not target.span for t in out):
                out.append(target)
        return out

    def _direct(
        self, token: Token, classes: frozenset[str] | None, terms: bool, depth: int
    ) -> list[Target]:
        if depth > 3:
            return []
        misread = misread_type_noun(token)
        if misread is not None and self._name_at(misread) is not None:
            return self._direct(misread, classes, terms, depth + 1)  # "AI startup Anthropic"
        span = self._name_at(token)
        if span is not None and token.pos_ == "NOUN" and token.text.islower():
            named = self._named(token)  # "its latest large language model, named Llama 3"
            if named is not None:
                return [Target(named, "naming")]
            labelled = self._labelled_term(token, span)
            if labelled is not None:
                return [Target(labelled, "type-noun")]
            head = self._modified_noun(token)
            if head is not None:  # "into the open source AI vendor": the vendor
                typed = self.cues.type_of(noun_words(head))
                found = None
                if typed is not None and self._definite(token):
                    found = self._stand_in(head, frozenset({typed[0]}))
                return [found] if found else []
        generic = span is not None and self._generic_kind(token)
        if generic:
            # "is developing an LLM": a kind of thing, no named one ("an LLM called X": X);
            # but "X is a large language model created by Y" describes X, as any type
            # noun would: the copula and apposition below find it.
            named = self._named(token)
            if named is not None:
                return [Target(named, "naming")]
            return self._described(token)
        if span is not None:
            return [Target(span), *self._listed_with(token, classes, terms, depth)]
        if token.lower_ == "whose":  # "Vexo, whose investors include X": Vexo
            clause = _clause_of(token)
            if clause is not None and clause.dep_ == "relcl":
                return self._direct(clause.head, classes, terms, depth + 1)
            return []
        if token.pos_ == "PRON" or token.lower_ in self.cues.pronouns:
            if token.lower_ in _RELATIVE_PRONOUNS:
                return []
            found = self._pronoun(token, classes)
            # "he and co-founder Lucy Guo started Scale": the names coordinated with it too
            listed = self._listed_with(token, classes, terms, depth) if token.conjuncts else []
            if found is None:
                return listed
            # one level of evidence for the group, so the pronoun's name is not dropped
            return [found, *(Target(t.span, t.via, found.penalty) for t in listed)]
        if token.pos_ not in ("NOUN", "PROPN", "NUM", "X", "ADJ"):
            return []
        # The name this noun describes ("AI21 Labs, the company that …") or is
        # described by ("the startup Xyz").
        before = self._apposition_by_words(token)
        if before is not None:
            return [Target(before, "apposition")]
        if token.dep_ == "appos" and self._name_at(token.head):
            return [Target(self._name_at(token.head), "apposition")]  # type: ignore[arg-type]
        for child in kids(token):
            if child.dep_ == "appos" and self._name_at(child):
                found = self._direct(child, classes, terms, depth + 1)
                if token.tag_ == "NNS":  # "its Harbor apps, Tidepool and Keelson": all three
                    own = [c for c in kids(token) if c.dep_ == "compound" and self._name_at(c)]
                    found = [Target(self._name_at(c), "type-noun") for c in own] + found  # type: ignore[arg-type]
                return found
        described = self._described(token)
        if described:
            return described
        typed = self.cues.type_of(noun_words(token))
        colon = self._colon_apposition(token) if typed else None
        if colon is not None:  # "Introducing Jamba: AI21's Groundbreaking SSM-Transformer Model"
            return [Target(colon, "apposition")]
        if typed and typed[0] == "Person":  # "researchers including Dario Amodei"
            listed = self._including(token, classes, terms, depth)
            if listed:
                return listed
        compound = [
            c for c in kids(token) if c.dep_ in _MODIFIERS and c.i < token.i and self._name_at(c)
        ]
        if compound and typed and typed[0] == "Person" and token.tag_ == "NN":
            held = self._title_holder(token)
            if held is not None:  # "created by former OpenAI founder and critic Elon Musk"
                return [Target(held, "title")]
        if (
            compound
            and typed
            and typed[0] == "Person"
            and token.tag_ == "NN"
            and self._definite(token)
        ):
            employer = self._name_at(compound[-1])
            if employer is not None and _class_of(employer) not in (None, "Person"):
                # "the former DeepMind researcher": a person, not DeepMind (but "Marrow Labs
                # analysts" speak for Marrow Labs)
                found = self._stand_in(token, frozenset({"Person"}))
                return [found] if found else []
        if (
            compound
            and typed
            and typed[0] == "Person"
            and token.tag_ == "NNS"
            and lemma(token) not in self.cues.affiliated_people
        ):
            return []  # "founded by Google veterans", "OpenAI alums": people, not Google
        if lemma(token) in _STAND_FOR and not compound:  # "Pell Labs’s rise": Pell Labs
            owner = next((c for c in kids(token) if c.dep_ == "poss" and self._name_at(c)), None)
            if owner is not None:
                return [Target(self._name_at(owner), "type-noun", 0.05)]  # type: ignore[arg-type]
        proper = [c for c in compound if not c.text[:1].islower()]
        if proper and (typed or lemma(token) in _STAND_FOR):
            # "the Llama 3 model" is Llama 3; "the open source AI vendor" is no open source
            named = self._name_at(proper[-1])
            kind = _class_of(named) if named is not None else None
            if typed and typed[0] in _THINGS and kind in ("Organization", "Person"):
                return []  # "a deal for Nvidia chips": the chips, not Nvidia
            if (
                kind == "Organization"
                and lemma(token) in self.cues.affiliated_people
                and proper[-1].i == token.i - 1
            ):
                # "former OpenAI employees": people who speak for their employer
                return [Target(named, "affiliation", 0.05)]  # type: ignore[arg-type]
            # "its Customer 360 apps, Hyperforce and Data Cloud": the apps, and the rest
            # "the Vexo research team" is Vexo, as a part of it ("set up the team" is no
            # founding of Vexo)
            via = "part" if lemma(token) in _PARTS else "type-noun"
            return [Target(named, via), *self._listed_members(token)]  # type: ignore[arg-type]
        if compound and terms and classes:
            known = self._name_at(compound[-1])
            if known is not None and _class_of(known) in classes & _TERM_CLASSES:
                # "deepfake fraud" where the gazetteer knows "deepfake": the known idea
                return [Target(known, "concept", 0.05)]
        named = self._named(token)
        if named is not None:
            return [Target(named, "naming")]
        if lemma(token) in _SUPPORTS:  # "built on top of X", "on the basis of X"
            # "the weights and architecture of X": the "of" of the last conjunct too
            for prep in (p for part in (token, *token.conjuncts) for p in kids(part)):
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in kids(prep):
                        if pobj.dep_ == "pobj":
                            return self._direct(pobj, classes, terms, depth + 1)
        if lemma(token) in _SHARES or token.pos_ == "NUM":
            for prep in kids(token):
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in kids(prep):
                        if pobj.dep_ == "pobj":
                            found = self._direct(pobj, classes, terms, depth + 1)
                            return [Target(t.span, "share", 0.05) for t in found]
        listed = self._including(token, classes, terms, depth) or self._listed_members(token)
        if listed:
            return listed
        beside = self._name_beside(token, typed)
        if beside:
            return beside
        if lemma(token) in self.cues.affiliated_people:
            for prep in kids(token):
                if prep.dep_ == "prep" and prep.lower_ in ("at", "from", "of", "with"):
                    for pobj in kids(prep):
                        if pobj.dep_ == "pobj":
                            found = self._direct(pobj, None, False, depth + 1)
                            return [Target(t.span, "affiliation", 0.05) for t in found]
        if lemma(token) in _DATA_NOUNS:
            source = self._data_source(token, depth)
            if source:
                return source
        # a plural stands for a group, not for one name ("the funds raised", "the companies")
        plural = token.tag_ == "NNS" and token.lower_ != "data"
        if plural and typed and self._definite(token) and _counted_two(token):
            pair = self._last_two(token, frozenset({typed[0]}))
            if pair:  # "a partnership between the two companies"
                return pair
        if (
            lemma(token) in _ROUND_NOUNS
            and self._definite(token)
            and classes is not None
            and "Organization" in classes
        ):
            # "investors in the round", "put money into this funding round": the company
            # that raised it, which the article is about
            raiser = self.raiser(token)
            return [Target(raiser.span, "round", 0.1)] if raiser is not None else []
        if typed and self._definite(token) and lemma(token) not in _PARTS and not plural:
            commas = self._comma_apposition(token)
            if commas is not None:  # "The startup, MosaicML, is …" (parsed as no apposition)
                return [Target(commas, "apposition")]
            if _spells_out(token):
                return []  # "its recent releases, the X-powered assistant and …": new things
            found = self._stand_in(token, frozenset({typed[0]}))
            if found:
                return [found]
        if terms and token.pos_ == "NOUN":
            term = self._term(token, classes)
            if term:
                return [term, *self._listed_with(token, classes, terms, depth)]
        return []

    # -- helpers
    def _name_at(self, token: Token) -> NameSpan | None:
        return self.names.at(token)

    def stand_ins(self) -> None:
        """Resolve every subject stand-in of the sentence ("The bank said it uses X"),
        frame or not, so that later stand-ins can take it as their antecedent."""
        for token in self.names.tokens:
            if token.dep_ not in ("nsubj", "nsubjpass") or self._name_at(token):
                continue
            if any(s.start_token == token.i for s in self.names.spans):
                continue
            typed = self.cues.type_of([lemma(token)]) if token.pos_ == "NOUN" else None
            if typed and self._definite(token):
                self._exclude = frozenset()
                self._stand_in(token, frozenset({typed[0]}))

    def _name_beside(self, token: Token, typed: tuple[str, str] | None) -> list[Target]:
        """Names the words put beside a noun when the parser did not: "researchers Imogen
        Tate and Rafferty Cole" (people named after the noun), "Orrery-13B, an open model
        released by …" (a noun phrase after a name and a comma)."""
        doc = self.doc
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        people = typed is not None and typed[0] == "Person"
        if (
            following is not None
            and self._name_at(following)
            and (people or lemma(token) in self.cues.affiliated_people)
        ):
            found = [Target(self._name_at(following), "beside", 0.05)]  # type: ignore[arg-type]
            for other in coordinated(following):
                span = self._name_at(other)
                if span is not None and other.i != following.i:
                    found.append(Target(span, "beside", 0.05))
            return found
        start = min([c.i for c in kids(token) if c.i < token.i] + [token.i])
        if token.dep_ == "poss":
            # "Nina Holt, the company's co-founder": the phrase after the comma describes
            # the name by its head; its possessor ("the company") is another party
            return []
        if start >= 2 and doc[start - 1].text == "," and doc[start].lower_ in ("a", "an", "the"):
            span = self._name_at(doc[start - 2])
            if span is not None and typed is not None:
                return [Target(span, "apposition", 0.05)]
        return []

    def _colon_apposition(self, token: Token) -> NameSpan | None:
        """The name a colon sets before a type noun's phrase, as headlines do: "Jamba:
        AI21's Groundbreaking SSM-Transformer Model" describes Jamba."""
        edge = token.left_edge.i
        doc = token.doc
        if edge < 2 or doc[edge - 1].text != ":":
            return None
        return self._name_at(doc[edge - 2])

    def _labelled_term(self, token: Token, span: NameSpan) -> NameSpan | None:
        """The proper name before a term the gazetteer knows, used as its type noun:
        "its Llama large language model" is Llama, as "the Llama model" is; a company or
        a person there ("the Google language model") is the owner, not the thing."""
        for child in kids(token):
            if child.dep_ not in _MODIFIERS or child.i >= token.i or child.text[:1].islower():
                continue
            named = self._name_at(child)
            if named is None or named is span:
                continue
            if _class_of(named) in ("Organization", "Person"):
                return None
            return named
        return None

    def _modified_noun(self, token: Token) -> Token | None:
        """The type noun a lowercase term modifies, which the parser made its apposition:
        "the open source AI vendor" (the term is an adjective of "vendor")."""
        for child in kids(token):
            if child.dep_ != "appos" or child.i <= token.i:
                continue
            between = token.doc[token.i + 1 : child.i]
            if any(t.dep_ != "compound" for t in between):
                return None  # a comma, a real apposition
            if self.cues.type_of([lemma(child)]) is not None:
                return child
        return None

    def _last_two(self, token: Token, classes: frozenset[str]) -> list[Target]:
        """The two names of ``classes`` met last before ``token``, this sentence first."""
        out: list[Target] = []
        keys: set[str] = set()
        local = [s for s in self.names.spans if s.end <= token.idx and _class_of(s) in classes]
        for span in sorted(local, key=lambda s: -s.start):
            if span.key not in keys and len(out) < 2:
                out.append(Target(span, "anaphor", 0.05))
                keys.add(span.key)
        before = self.offset + token.idx
        for seen in reversed(self.antecedents.seen):
            if len(out) == 2 or self.sentence_index - seen.sentence > 2:
                break
            if seen.key in keys or seen.start >= before:
                continue
            if self.antecedents.provisional(seen.key) in (*classes, None):  # untyped will do
                out.append(self._reference(token, seen))
                keys.add(seen.key)
        return out if len(out) == 2 else []

    def _described(self, token: Token) -> list[Target]:
        """The name a noun describes as its apposition or a copula's complement ("AI21
        Labs, the company that …", "Falcon is a model released by TII")."""
        if token.dep_ == "appos" and self._name_at(token.head):
            return [Target(self._name_at(token.head), "apposition")]  # type: ignore[arg-type]
        if token.dep_ == "attr" and lemma(token.head) == "be":
            for child in kids(token.head):
                if child.dep_ in ("nsubj", "nsubjpass") and self._name_at(child):
                    return [Target(self._name_at(child), "copula")]  # type: ignore[arg-type]
        return []

    def _generic_kind(self, token: Token) -> bool:
        """A type noun the gazetteer knows as a term, used as a common noun: "an LLM",
        "LLMs" (an indefinite article or a bare plural)."""
        singular = token.lower_[:-1] if token.text.endswith("s") else token.lower_
        if all(self.cues.type_of([w]) is None for w in (lemma(token), token.lower_, singular)):
            return False  # "LLMs", which the tagger may keep as a proper noun of its own
        dets = [c.lower_ for c in kids(token) if c.dep_ == "det"]
        return bool(set(dets) & {"a", "an"}) or (token.tag_ in ("NNS", "NNPS") and not dets)

    def _apposition_by_words(self, token: Token) -> NameSpan | None:
        """ "on Condor Galaxy 1 (CG-1), the AI supercomputer built by X": a type noun set off
        by a comma right after a name describes that name, whatever far-off noun the
        parser hung the apposition from."""
        if token.dep_ != "appos" or self.cues.type_of(noun_words(token)) is None:
            return None
        doc = self.doc
        start = token.left_edge.i
        if start < 2 or doc[start - 1].text != "," or doc[start].lower_ not in ("a", "an", "the"):
            return None
        j = start - 2
        if doc[j].text == ")":
            opening = next(
                (k for k in range(j - 1, max(j - 6, -1), -1) if doc[k].text == "("), None
            )
            if opening is None:
                return None
            j = opening - 1
        span = self._name_at(doc[j]) if j >= 0 else None
        if span is None or span.end_token - 1 == token.head.i:
            return None  # the tree's own apposition, read below
        return span

    def _comma_apposition(self, token: Token) -> NameSpan | None:
        """The name set off by commas right after a noun: "the startup, MosaicML, is"."""
        doc = token.doc
        i = token.i
        if i + 3 >= len(doc) or doc[i + 1].text != "," or doc[i + 3].text not in (",", ")"):
            return None
        return self._name_at(doc[i + 2])

    def _named(self, token: Token) -> NameSpan | None:
        """ "a dataset it calls ForumMix", "a memo titled The Inference Squeeze"."""
        for child in kids(token):
            if child.dep_ in ("relcl", "acl") and lemma(child) in _NAMING_VERBS:
                for inner in kids(child):
                    if inner.dep_ in ("oprd", "dobj", "attr", "xcomp", "ccomp", "npadvmod"):
                        span = self._name_at(inner)
                        if span is not None and inner.i > child.i:
                            return span
        return None

    def _listed_with(
        self, token: Token, classes: frozenset[str] | None, terms: bool, depth: int
    ) -> list[Target]:
        """Names coordinated with this one: "A, B and C"; "A, B (apposition), C"; and
        the members of the list it is in by the words, wherever the parser hung them."""
        out = []
        for other in coordinated(token) if token.conjuncts else ():
            if other == token:
                continue
            span = self._name_at(other)
            if span is not None:
                out.append(Target(span))
            elif terms and other.pos_ == "NOUN":
                term = self._term(other, classes)
                if term:
                    out.append(term)
        for child in kids(token):
            if child.dep_ in ("nmod", "compound") and child.i < token.i and self._name_at(child):
                between = token.doc[child.i + 1 : token.i]
                if any(t.dep_ == "cc" for t in between):
                    # "Gemini Pro and Anthropic's Claude 3", parsed as one owner's model
                    out.append(Target(self._name_at(child)))  # type: ignore[arg-type]
            if child.dep_ == "appos" and self._name_at(child) and not contrasted(child):
                span = self._name_at(child)
                if (
                    span is not None
                    and self.cues.type_of([lemma(child)]) is None
                    and not self._after_noun(span)
                    and not self._continues_inner_list(span, token)
                ):
                    out.append(Target(span))
                    out.extend(self._listed_with(child, classes, terms, depth + 1))
            elif child.dep_ == "appos" and child.i > token.i and not contrasted(child):
                # "between A, B, the world's first AI university, and C": the parser hangs
                # the next member of the list from the description set off by commas
                for other in child.conjuncts:
                    span = self._name_at(other)
                    if (
                        span is not None
                        and other.i > child.i
                        and not contrasted(other)
                        and not self._continues_inner_list(span, token)
                    ):
                        out.append(Target(span))
        own = self._name_at(token)
        if own is not None and not contrasted(token):
            known = {id(t.span) for t in out}
            for member in self.names.word_list(own):
                if member is not own and id(member) not in known:
                    out.append(Target(member, "word-list"))
        return out

    def _after_noun(self, span: NameSpan) -> bool:
        """ "A, a former litigator at law firm B, and C": a name right after the object of
        a preposition names that object (the noun is its type), inside the description,
        whatever the parser hung it from."""
        if span.start_token == 0:
            return False
        before = self.doc[span.start_token - 1]
        return (
            before.pos_ == "NOUN"
            and before.dep_ == "pobj"  # "at law firm B"; not "billionaire B", a member's title
            and before.text.islower()
            and self._name_at(before) is None
        )

    def _continues_inner_list(self, span: NameSpan, holder: Token) -> bool:
        """ "A, previously a scientist at B, C and D": a name after a comma that follows
        the object of a preposition in the holder's description goes on that
        preposition's list (where A worked), not on the list of the holder, however the
        parser hung it; unless it is of the holder's kind and not of the inner name's
        ("A, a researcher from B, and E": E is hired too)."""
        doc = self.doc
        i = span.start_token - 1
        while i >= 0 and doc[i].text in (",", "and", "or"):
            i -= 1
        if i < 0 or i == span.start_token - 1 or i <= holder.i:
            return False
        previous = self._name_at(doc[i])
        if previous is None or previous is span or not _prepositional(doc[i], holder):
            return False
        own = self._name_at(holder)
        kind, inner = _own_cues_class(span), _own_cues_class(previous)
        outer = _own_cues_class(own) if own is not None else None
        if kind is not None and inner is not None:
            return not (kind == outer and kind != inner)
        # no kind yet: "at B, C" goes on B's list; "from B, and E" closes the outer one
        joins = {t.lower_ for t in doc[i + 1 : span.start_token]}
        return not joins & {"and", "or"}

    def _title_holder(self, token: Token) -> NameSpan | None:
        """The person a title before a name names, read by the words (the parser often
        makes the name an apposition elsewhere): "former OpenAI founder and later critic
        Elon Musk" -> Elon Musk; None when a verb or a comma comes first."""
        doc = self.doc
        for following in doc[token.i + 1 : token.i + 6]:
            span = self._name_at(following)
            if span is not None:
                return span if _class_of(span) not in _THINGS else None
            if following.dep_ == "cc" or following.pos_ in ("ADJ", "ADV"):
                continue
            if following.pos_ == "NOUN" and following.dep_ in ("compound", "conj"):
                continue  # "and later critic Elon Musk": another title of the same person
            return None
        return None

    def _listed_members(self, token: Token) -> list[Target]:
        """The names a plural noun lists after a comma, which the parser makes its
        conjuncts: "two open models, Yi-34B and Yi-6B", "its in-house chips, Trainium
        and Inferentia", "its Customer 360 apps, Hyperforce, Agentforce, and Data Cloud"."""
        doc = self.doc
        if token.tag_ != "NNS" or token.i + 1 >= len(doc) or doc[token.i + 1].text != ",":
            return []
        members = []
        for conjunct in token.conjuncts:
            span = self._name_at(conjunct)
            if span is not None and conjunct.i > token.i:
                members.append(Target(span, "apposition"))
        return members

    def _including(
        self, token: Token, classes: frozenset[str] | None, terms: bool, depth: int
    ) -> list[Target]:
        """ "three startups ..., including Sparrow Logistics" -> Sparrow Logistics."""
        if not self._lists:
            return []
        for child in token.subtree:
            listing = child.lower_ in _LIST_PREPS or (
                child.lower_ == "as" and any(c.lower_ == "such" for c in kids(child))
            )  # "its innovations such as X", with "such" hung from "as"
            if child.dep_ == "prep" and listing and child.head.i >= token.i:
                if _through_other_noun(child, token):
                    continue  # "X's comeback and a race with rivals, including A": the race's
                for pobj in kids(child):
                    if pobj.dep_ == "pobj":
                        found = self._direct(pobj, classes, terms, depth + 1)
                        if self._name_at(pobj) is None:
                            # "including the Lidl owner Schwarz group, Bosch and SAP": the
                            # list hangs from a described first member, not from a name
                            for other in pobj.conjuncts:
                                if other.i > pobj.i and (span := self._name_at(other)):
                                    found.append(Target(span))
                                    found.extend(
                                        self._listed_with(other, classes, terms, depth + 1)
                                    )
                        seen: set[str] = set()
                        return [
                            Target(t.span, "listed", 0.05)
                            for t in found
                            if not (t.span.key in seen or seen.add(t.span.key))
                        ]
        return []

    def _data_source(self, token: Token, depth: int) -> list[Target]:
        for child in kids(token):  # "3.5 trillion tokens using TII's RefinedWeb dataset"
            if child.dep_ == "acl" and lemma(child) in _SOURCING and child.i > token.i:
                for obj in kids(child):
                    if obj.dep_ == "dobj":
                        found = self._direct(obj, frozenset({"Dataset"}), False, depth + 1)
                        return [Target(t.span, "source", 0.05) for t in found]
            if child.dep_ == "acl" and lemma(child) in _GENERATING and child.i > token.i:
                # "52K demonstrations generated using text-davinci-003": the model's output
                for tool in kids(child):
                    if tool.dep_ in ("xcomp", "advcl") and lemma(tool) == "use":
                        for obj in kids(tool):
                            if obj.dep_ == "dobj":
                                found = self._direct(obj, None, False, depth + 1)
                                return [Target(t.span, "source", 0.05) for t in found]
        for child in token.subtree:
            direct = child.head == token and child.lower_ == "from"  # "tokens from X"
            if (
                child.dep_ == "prep"
                and child.lower_ in ("from", "of")
                and (child.head != token or direct)
            ):
                for pobj in kids(child):
                    if pobj.dep_ == "pobj":
                        found = self._direct(pobj, frozenset({"Dataset"}), False, depth + 1)
                        return [Target(t.span, "source", 0.05) for t in found]
        return []

    @staticmethod
    def _definite(token: Token) -> bool:
        """ "the company", "this startup", "the Beijing startup" (whatever the parser
        hung the article from)."""
        for child in kids(token):
            if child.dep_ == "det" and child.lower_ in ("the", "this", "that"):
                return True
        modifiers = [
            c for c in kids(token) if c.dep_ in ("compound", "amod", "nmod") and c.i < token.i
        ]
        start = min([c.i for c in modifiers] + [token.i])
        before = token.doc[start - 1] if start > 0 else None
        return before is not None and before.lower_ in ("the", "this", "that")

    def _pronoun(self, token: Token, classes: frozenset[str] | None) -> Target | None:
        if token.lower_ in self.cues.first_person and not token.text.isupper():
            return self._publisher(token, classes)  # ("US" is the country)
        wanted = self.cues.pronouns.get(token.lower_)
        if wanted is None:
            return None
        if token.lower_ in ("they", "their", "them", "theirs") and self._plural_owner(token):
            return None  # "The researchers claim that their model …": the researchers'
        if wanted == "*":
            allowed = (classes or frozenset()) - {"Person"} or None
        else:
            allowed = frozenset({wanted}) & classes if classes else frozenset({wanted})
            if not allowed:
                return None
        return self._stand_in(token, allowed)

    def _publisher(self, token: Token, classes: frozenset[str] | None) -> Target | None:
        """ "We are releasing Orbit-4", "the first entry in our series": outside quotes, the
        first person plural is the author of the text, a company writing of itself; the
        company the document names most often stands for it. Inside quotes it is the
        speaker's, whoever that is, and the last name met is no safe guess."""
        if classes is not None and "Organization" not in classes:
            return None
        before = self.names.sentence.text[: token.idx]
        opened = before.count("“") - before.count("”") + before.count('"') % 2
        if opened > 0:
            return None
        found = self.antecedents.topic(frozenset({"Organization"}), self._exclude)
        return self._reference(token, found) if found is not None else None

    def _plural_owner(self, token: Token) -> bool:
        """A plural common noun before the pronoun is the subject of a clause the pronoun
        sits in: "they"/"their" are its, not a name's."""
        for ancestor in token.ancestors:
            if ancestor.pos_ not in ("VERB", "AUX"):
                continue
            for child in kids(ancestor):
                if (
                    child.dep_ in ("nsubj", "nsubjpass")
                    and child.i < token.i
                    and child.tag_ == "NNS"
                    and self._name_at(child) is None
                    and not any(s.start_token == child.i for s in self.names.spans)
                ):
                    return True
        return False

    def _stand_in(self, token: Token, classes: frozenset[str] | None) -> Target | None:
        """A reference name for a stand-in: the last fitting name before it."""
        before = self.offset + token.idx
        found = self.antecedents.find(
            classes,
            self.sentence_index,
            before,
            untyped_ok=True,
            exclude=self._exclude,
            topic_first=token.pos_ != "PRON",
            continuing=token.pos_ != "PRON"
            and token.dep_ in ("nsubj", "nsubjpass")
            and not tables(self.doc).embedded(token.i),
        )
        local = self._local_antecedent(token, classes)
        if local is not None:
            return Target(local, "anaphor", 0.05)
        if found is None:
            return None
        return self._reference(token, found)

    def implicit(
        self,
        token: Token,
        classes: frozenset[str] | None,
        exclude: frozenset[str] = frozenset(),
        *,
        closest: bool = False,
    ) -> Target | None:
        """The name a relational noun leaves to the context, as a reference at ``token``.

        "value the ChatGPT owner at $830bn" (``closest``: the nearest fitting name before
        it in the sentence, else the document's topic); "has left for rival Anthropic",
        "Other investors include …" (the topic: the fitting name met most often so far).
        """
        before = self.offset + token.idx
        if closest:
            local = [
                span
                for span in self.names.spans
                if span.end <= token.idx
                and span.key not in exclude
                and (classes is None or self.class_of(span) in classes)
            ]
            if local:
                return Target(max(local, key=lambda s: s.start), "anaphor", 0.1)
        mentions: Counter[str] = Counter(self.antecedents.mentions)
        last: dict[str, _Seen] = dict(self.antecedents.last)
        kinds: dict[str, str | None] = {k: self.antecedents.provisional(k) for k in mentions}
        for span in self.names.spans:
            if span.end <= token.idx:
                mentions[span.key] += 1
                last[span.key] = _Seen(span.key, span.canonical, self.sentence_index, before)
                kinds[span.key] = kinds.get(span.key) or self.class_of(span)
        fitting = [
            key
            for key in mentions
            if key not in exclude and (classes is None or kinds[key] in classes)
        ]
        if not fitting:
            return None
        best = max(fitting, key=lambda k: (mentions[k], last[k].sentence, last[k].start))
        return self._reference(token, last[best])

    def raised(self, target: Target) -> None:
        """Remember that ``target`` raised money in this sentence."""
        seen = _Seen(target.span.key, target.span.canonical, self.sentence_index, 0)
        self.antecedents.raisers.append(seen)

    def raiser(self, token: Token, exclude: frozenset[str] = frozenset()) -> Target | None:
        """The company a definite round stands for: the latest one that raised money
        (not one of the round's own investors), else the article's company."""
        exclude = exclude | self._exclude
        for seen in reversed(self.antecedents.raisers):
            if seen.key not in exclude:
                return self._reference(token, seen)
        return self.implicit(token, frozenset({"Organization"}), exclude)

    def class_of(self, span: NameSpan) -> str | None:
        """The class a name seems to have so far (its cues here or before)."""
        return self.antecedents.provisional(span.key) or _class_of(span)

    def _reference(self, token: Token, found: _Seen) -> Target:
        end = token.idx + len(token)
        span = NameSpan(
            token.i,
            token.i + 1,
            token.idx,
            end,
            self.names.sentence.text[token.idx : end],
            found.canonical,
            found.key,
            reference=True,
            subject=token.dep_ in ("nsubj", "nsubjpass"),
            embedded=any(
                a.dep_ in ("relcl", "acl", "advcl", "ccomp", "pcomp") for a in token.ancestors
            ),
        )
        self.names.spans.append(span)
        return Target(span, "anaphor", 0.05)

    def _local_antecedent(self, token: Token, classes: frozenset[str] | None) -> NameSpan | None:
        """A fitting name earlier in the same sentence ("X ..., the company said")."""
        speaker = self._speaker(token)
        if speaker is not None:
            return speaker
        fitting = []
        untyped = []
        for span in self.names.spans:
            if span.end > token.idx or span.key in self._exclude or span.start_token == token.i:
                continue
            if token.pos_ != "PRON" and _same_clause(self.doc[span.end_token - 1], token):
                continue  # "The former DeepMind researcher founded the start-up": not DeepMind
            if token.pos_ != "PRON" and _in_relative_head(self.doc[span.end_token - 1], token):
                continue  # "investors like A and B, who put money into the company": not B
            if self._describes_name(self.doc[span.end_token - 1]):
                # "Meta alum Kevin Weil … is the company's CFO", "appointed Ann Lee, former
                # Vexo head, as its CEO": a past employer is no party of the sentence
                continue
            entity_class = self.antecedents.provisional(span.key) or _class_of(span)
            if entity_class is None and span.reference and span.end_token == span.start_token + 1:
                # "The company …, when it acquired X": the stand-in's own type noun
                typed = self.cues.type_of([lemma(self.doc[span.start_token])])
                entity_class = typed[0] if typed else None
            if entity_class is None and not span.votes:
                untyped.append(span)
            if classes is None or entity_class in classes:
                fitting.append(span)
        if not fitting:
            return max(untyped, key=lambda s: s.start) if untyped and self._exclude else None
        listed = self._listing_owner(token, fitting)
        if listed is not None:
            return listed
        # The most salient first: a main-clause subject, then anything outside relative
        # and reported clauses, then any subject, then the closest name.
        for tier in (
            [s for s in fitting if s.subject and not s.embedded],
            [s for s in fitting if not s.embedded],
            [s for s in fitting if s.subject],
            fitting,
        ):
            if tier:
                return max(tier, key=lambda s: s.start)
        return None

    def _describes_name(self, last: Token) -> bool:
        """A past employer in the description of a person ("Meta alum Kevin Weil",
        "ex-Square exec Sarah Friar", "former Vexo engineer Ada Voss"): no party of the
        sentence, so no antecedent of "the company" ("Tesla CEO Elon Musk … the
        carmaker" is Tesla: a current post)."""
        doc = self.doc
        after = doc[last.i + 1] if last.i + 1 < len(doc) else None
        before = {t.lower_ for t in doc[max(0, last.i - 2) : last.i]}
        former = bool(before & _PAST_MARKS) or (
            after is not None and after.lower_.startswith(("alum", "veteran"))
        )
        if not former:
            return False
        typed = self.cues.type_of([lemma(after)]) if after is not None else None
        if typed is not None and typed[0] == "Person":
            return True  # "ex-Quillon exec", however the parser hung the words
        if last.dep_ not in ("amod", "compound", "nmod") or last.head.i <= last.i:
            return False
        head = last.head
        for _ in range(3):  # the description ends at a name
            if self._name_at(head) is not None:
                return True
            if head.dep_ not in ("amod", "compound", "nmod", "conj") or head.head.i <= head.i:
                return False
            head = head.head
        return False

    def _listing_owner(self, token: Token, fitting: list[NameSpan]) -> NameSpan | None:
        """ "the employees at Inflection AI, including its co-founder": a possessive in
        a phrase that picks members out of a noun phrase is of the last fitting name of
        that noun phrase, not of the clause's subject."""
        if token.dep_ != "poss" or token.pos_ != "PRON":
            return None
        prep = token.head.head
        if prep.dep_ != "prep" or prep.lower_ not in _LIST_PREPS | {"among"}:
            return None
        owner = prep.head
        inside = {t.i for t in owner.subtree if t.i < prep.i}
        found = [s for s in fitting if s.end_token - 1 in inside]
        return max(found, key=lambda s: s.start) if found else None

    def _speaker(self, token: Token) -> NameSpan | None:
        """ "Zephyrine said it had acquired X": the subject pronoun of a clause reported by
        a name is that name, typed yet or not (news says this of companies constantly)."""
        clause = token.head
        if token.pos_ != "PRON" or token.dep_ not in ("nsubj", "nsubjpass"):
            return None
        if clause.dep_ != "ccomp" or lemma(clause.head) not in _SAYING:
            return None
        for child in kids(clause.head):
            if child.dep_ == "nsubj" and child.i < token.i:
                span = self._name_at(child)
                if span is not None and span.key not in self._exclude:
                    return span
        return None

    def _term(self, token: Token, classes: frozenset[str] | None) -> Target | None:
        """A plain noun phrase as a technique or a concept, where the role takes one."""
        if classes is None or not classes & {"Technique", "Concept"}:
            return None
        if token.lower_ in self.cues.pronouns or self._name_at(token):
            return None
        if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in kids(token)):
            return None  # "to build a search engine": some engine, not a named method
        words = [
            c
            for c in self.names.tokens[token.left_edge.i : token.i + 1]
            if c.dep_ in ("compound", "amod", "npadvmod", "punct", "nmod", "advmod")
            and not c.is_stop
        ]
        words = [w for w in words if w.lower_ not in _EVALUATIVE and w.pos_ != "NUM"]
        first = min([w.i for w in words if w.text != "-"] + [token.i])
        # keep hyphen joins only between kept words
        tokens = [t for t in self.names.tokens[first : token.i + 1] if t.lower_ not in _EVALUATIVE]
        if not tokens or any(t.is_stop and t.text != "-" for t in tokens):
            tokens = [token]
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        surface = self.names.sentence.text[start:end]
        heads = {lemma(t) for t in tokens} | {t.lower_ for t in tokens}
        if "Technique" in classes and heads & self.cues.technique_heads:
            entity_class = "Technique"
        elif "Concept" in classes:
            entity_class = "Concept"
        else:
            return None
        if len(tokens) == 1 and entity_class == "Concept" and token.pos_ != "NOUN":
            return None
        if len(tokens) == 1 and lemma(token) in self.cues.generic_heads:
            return None  # "relies on standard architecture": a kind of thing, no method
        span = NameSpan(
            tokens[0].i,
            token.i + 1,
            start,
            end,
            surface,
            surface if surface[:2].isupper() else surface[:1].lower() + surface[1:],
            slug(surface),
            [Vote(entity_class, 1.0, f"term:{lemma(token)}")],
        )
        if any(t in self.names.by_token for t in range(span.start_token, span.end_token)):
            return None
        self.names.add(span)
        return Target(span, "term", 0.05)


_CLAUSE_LINKS = frozenset({"relcl", "ccomp", "advcl", "xcomp", "acl", "conj", "parataxis"})


def _clause_of(token: Token) -> Token | None:
    """The verb of the clause a token belongs to (None past a clause link)."""
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "prep":
            return token  # "including", "following" as a preposition make no clause
        if token.head == token:
            return None
        if token.dep_ in _CLAUSE_LINKS and not (token.dep_ == "conj" and nominal(token.head)):
            return None  # a name coordinated with a noun stays in that noun's clause
        token = token.head
    return None


def _spells_out(token: Token) -> bool:
    """A definite noun in apposition to a plural common noun spells out what that noun
    counts ("DeepSeek's recent releases—the V3-powered assistant and the R1 model"):
    things told for the first time, not stand-ins for names met before."""
    head = token
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    return head.dep_ == "appos" and head.head.tag_ == "NNS" and head.head.pos_ == "NOUN"


def _counted_two(token: Token) -> bool:
    """ "the two companies", "both firms"."""
    return any(
        (c.dep_ == "nummod" and c.lower_ in ("two", "2")) or c.lower_ == "both" for c in kids(token)
    )


def _same_clause(name: Token, stand_in: Token) -> bool:
    """A stand-in never means a name of its own clause ("Google bought the company")."""
    verb, other = _clause_of(stand_in), _clause_of(name)
    return verb is not None and other is not None and verb.i == other.i


def _in_relative_head(name: Token, stand_in: Token) -> bool:
    """A description inside a relative clause never means a name of the phrase the
    clause describes: the clause tells what those names did to someone else."""
    for verb in stand_in.ancestors:
        if verb.dep_ == "relcl":
            head = verb.head
            clause = {t.i for t in verb.subtree}
            return name.i not in clause and any(t.i == name.i for t in head.subtree)
    return False


def _through_other_noun(child: Token, token: Token) -> bool:
    """Whether ``child`` hangs from ``token`` through another noun."""
    head = child.head
    for _ in range(12):
        if head == token or head.head == head:
            return False
        if head.pos_ in ("NOUN", "PROPN"):
            return True
        head = head.head
    return False


#: Verbs that report what their subject said it did.
_SAYING = frozenset({"say", "announce", "confirm", "disclose", "state", "report", "add", "tell"})


def _prepositional(token: Token, holder: Token) -> bool:
    """The token is the object of a preposition after ``holder`` (or a conjunct of one):
    "at B" in "A, previously a scientist at B"."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token.dep_ == "pobj" and holder.i < token.head.i < token.i


def _own_cues_class(span: NameSpan) -> str | None:
    """The class the name's own cues lean to, without the votes of the list it seems to
    be in or of the entity recogniser (both read the words around it, which is what the
    caller is deciding about)."""
    totals: dict[str, float] = defaultdict(float)
    for vote in span.votes:
        if vote.cue != "coordination" and not vote.cue.startswith(("ner:", "listed:")):
            totals[vote.entity_class] += vote.weight
    return max(sorted(totals), key=lambda c: totals[c]) if totals else None


def _class_of(span: NameSpan) -> str | None:
    totals: dict[str, float] = defaultdict(float)
    for vote in span.votes:
        totals[vote.entity_class] += vote.weight
    return max(sorted(totals), key=lambda c: totals[c]) if totals else None
