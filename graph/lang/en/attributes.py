"""English typed attributes: parameter counts, training costs, relative quality, release dates.

The values are parsed by :mod:`graph.lang.en.values`; :class:`AttributeReader` decides,
from the parse, which name a value belongs to, and only where the sentence says what
the value is:

* a parameter count where "parameters" says so ("13 billion parameters", "the
  70-billion-parameter Cormorant model", "With 280 billion parameters, Gopher …") or
  where a model's name carries its size ("Tidal-13B");
* a training cost only for money tied to training ("trained X for $450", "spent $4.6
  million training X", "the compute bill for training X came to $12 million"), never for
  money raised, invested or paid for a company;
* a relative quality only with its baseline ("90% of X's quality", "85 percent of the
  level of X", "78% as good as those of X");
* a release date only where the date modifies a release ("released on 18 April 2024",
  "In March 2024, X released Y", "which came out in 2023").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from graph.canonical import size_of
from graph.extraction.readings import AttributeReading, Vote
from graph.lang.en.cues import Cues, word_set
from graph.lang.en.names import NameSpan, SentenceNames
from graph.lang.en.references import ArgumentResolver
from graph.lang.en.syntax import block_reason, is_passive, kids, lemma, verb_arguments
from graph.lang.en.values import (
    MONEY,
    PARAMETERS,
    PERCENT,
    dateline,
    dates_in,
    parse_amount,
    parse_money,
    parse_percent,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["AttributeReader"]

_YEAR_ANYWHERE = re.compile(r"(?:19|20)\d{2}")
_PER_TOKEN = re.compile(r"\s*(?:per|each|a)\s+(?:token|forward pass)", re.IGNORECASE)
_SIZE = re.compile(r"\d+(?:\.\d+)?[BM]")  # "12B", "1.3B", "350M": one token
_MODELS = frozenset({"AIModel"})
_RELEASABLE = frozenset({"AIModel", "Product"})
_QUALITY = frozenset({"AIModel", "Product"})
_HAVE = frozenset({"have", "feature", "contain", "boast", "pack", "use", "comprise", "total"})
_TRAIN = frozenset({"train", "pretrain", "pre-train", "training", "pretraining", "pre-training"})
#: Verbs of making a model: "built X for under $450" is what X cost to make, where the
#: thing made is a model (a type noun or a name already voted one).
_MAKE = frozenset(
    {"build", "develop", "create", "make", "produce", "replicate", "reproduce", "fine-tune"}
)
_MODEL_NOUNS = frozenset({"model", "llm", "version", "variant", "checkpoint"})
#: Words after an amount that make it a price, not what something cost to make.
_PRICE_WORDS = frozenset(
    {"per", "month", "year", "each", "token", "tokens", "subscription", "seat", "user"}
)
#: "We are excited to release X": the adjectives that carry a post's own announcement.
_ANNOUNCING = frozenset({"excited", "pleased", "proud", "happy", "thrilled", "delighted"})
_COST_VERBS = frozenset({"spend", "cost", "come", "total", "reach", "run", "amount", "be"})
_COST_NOUNS = frozenset({"cost", "bill", "budget", "price", "expense", "outlay", "tab"})
_NOT_COST = word_set(
    """
    raise valuation value round funding fund invest investment acquire acquisition buy
    purchase deal revenue sale sell pay loan grant price-tag worth valued
    """
)
_RELEASE_VERBS = frozenset(
    {
        "release",
        "launch",
        "unveil",
        "debut",
        "introduce",
        "ship",
        "open-source",
        "publish",
        "announce",
        "roll",
        "arrive",
        "become",
        "go",
        "come",
        "hit",
        "appear",
        "preview",
    }
)
_INTRANSITIVE = frozenset({"arrive", "debut", "appear", "come", "go", "hit", "become", "launch"})
_RELEASE_NOUNS = frozenset({"release", "launch", "debut", "unveiling", "introduction", "rollout"})
_QUALITY_NOUNS = frozenset(
    {
        "quality",
        "level",
        "performance",
        "capability",
        "score",
        "accuracy",
        "ability",
        "those",
        "that",
        "output",
        "answers",
        "results",
    }
)


#: A name with a parameter count or a training cost is a model; one with a release date
#: most often is (products are released too: a weaker vote).
PARAMETER_VOTE = 2.0
RELEASE_VOTE = 0.9


#: Clause roles that end the climb from a "… parameters" phrase: past a subject or an
#: object the words describe another thing (the verb's other argument).
_ARGUMENT_ENDS = frozenset({"nsubj", "nsubjpass", "dobj", "iobj", "agent"})


def _vote(span: NameSpan, entity_class: str, weight: float, cue: str) -> None:
    if all(v.cue != cue for v in span.votes):
        span.votes.append(Vote(entity_class, weight, cue))


def _other_kind(span: NameSpan) -> bool:
    """The name is known as something other than a model (a technique, a company)."""
    return bool(span.votes) and all(v.entity_class not in _MODELS for v in span.votes)


def _announced_now(verb: Token) -> bool:
    """ "We are releasing …", "We release …", "We are excited to release …": the
    announcement of the text itself."""
    if verb.dep_ == "xcomp" and verb.head.dep_ == "acomp" and verb.head.lower_ in _ANNOUNCING:
        verb = verb.head.head  # "we are excited to release": the present "are" speaks
        return verb.tag_ == "VBP" and any(
            c.dep_ == "nsubj" and c.lower_ == "we" for c in kids(verb)
        )
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBG", "VBP"):
        return False
    subjects = [c for c in kids(verb) if c.dep_ == "nsubj"]
    if not subjects or subjects[0].lower_ != "we":
        return False
    return verb.tag_ == "VBP" or any(
        c.dep_ == "aux" and c.lower_ in ("are", "'re") for c in kids(verb)
    )


class AttributeReader:
    """Typed values of one sentence, attached to the names they describe."""

    def __init__(self, names: SentenceNames, cues: Cues, resolver: ArgumentResolver) -> None:
        self.names = names
        self.cues = cues
        self.resolver = resolver
        self.sentence = names.sentence
        self.doc = names.sentence.doc
        self.text = names.sentence.text
        self.offset = names.sentence.start

    def read(self) -> list[AttributeReading]:
        """Each reader runs only where its value can be: a cheap look at the text first
        (most sentences hold no amount, no percentage and no year)."""
        text = self.text
        lowered = text.lower()
        out: list[AttributeReading] = list(self._sizes_in_names())
        if "param" in lowered:
            out.extend(self._parameters())
        elif "model" in lowered or "llm" in lowered:
            out.extend(self._sized_models())
        if "$" in text or "dollar" in lowered or "usd" in lowered:
            out.extend(self._costs())
        if "%" in text or "per" in lowered:
            out.extend(self._qualities())
        if _YEAR_ANYWHERE.search(text):
            out.extend(self._release_dates())
        elif "today" in lowered or lowered.startswith("we "):
            out.extend(self._released_today())
        return out

    def _released_today(self) -> Iterator[AttributeReading]:
        """ "Today, Vexa released Tinder-2", "We are releasing Tinder-2" (a post's own
        announcement) in a document whose dateline gives the day: the release date is the
        document's."""
        document = self.sentence.document
        published = document.published or dateline(document.text)
        if not published or len(published) != 10:
            return
        for token in self.names.tokens:
            if _announced_now(token):
                verb = token  # "We are releasing Grok-1" under the post's date
            elif token.lower_ != "today" or token.dep_ not in ("npadvmod", "advmod", "tmod"):
                continue
            else:
                verb = self._announcing(token.head)
            if not self._is_release(verb) or block_reason(verb, self.cues):
                continue
            for role, argument in verb_arguments(verb):
                if role == ("obj" if lemma(verb) not in _INTRANSITIVE else "subj"):
                    for span in self._names_for(argument, _RELEASABLE):
                        yield self._reading(
                            span,
                            "releaseDate",
                            published,
                            "date",
                            (token.idx, token.idx + len(token)),
                            "attribute:release-date/today",
                            0.7,
                            _RELEASABLE,
                        )
                        return

    def _announcing(self, verb: Token) -> Token:
        """ "Today, we are excited to release X": the release verb under the adjective."""
        for child in kids(verb):
            if child.dep_ == "acomp" and child.lower_ in _ANNOUNCING:
                for inner in kids(child):
                    if inner.dep_ == "xcomp" and self._is_release(inner):
                        return inner
        return verb

    # -- helpers
    def _reading(
        self,
        span: NameSpan,
        prop: str,
        value: int | Decimal | str,
        datatype: str,
        where: tuple[int, int],
        method: str,
        confidence: float,
        classes: frozenset[str],
        unit: str | None = None,
        baseline: str | None = None,
    ) -> AttributeReading:
        return AttributeReading(
            subject=span.key,
            property=prop,
            value=value,
            datatype=datatype,
            start=self.offset + where[0],
            end=self.offset + where[1],
            raw_text=self.text[where[0] : where[1]],
            method=method,
            confidence=confidence,
            classes=classes,
            unit=unit,
            baseline=baseline,
        )

    def _token_at(self, char: int) -> Token | None:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def _names_for(self, token: Token, classes: frozenset[str]) -> list[NameSpan]:
        return [t.span for t in self.resolver.targets(token, classes)]

    def _clause_subjects(self, verb: Token, classes: frozenset[str]) -> list[NameSpan]:
        """The subject of a verb: its own, a relative clause's head, or a stand-in."""
        passive = is_passive(verb)
        out = []
        for role, token in verb_arguments(verb):
            if role == ("obj" if passive else "subj"):
                out.extend(self._names_for(token, classes))
        if not out and verb.dep_ in ("relcl", "acl", "advcl") and verb.head.pos_ != "VERB":
            out.extend(self._names_for(verb.head, classes))
        return out

    # -- parameter counts
    def _sizes_in_names(self) -> Iterator[AttributeReading]:
        for span in self.names.spans:
            if span.reference:
                continue
            size = size_of(span.canonical)
            if size:
                yield self._reading(
                    span,
                    "parameterCount",
                    size,
                    "integer",
                    (span.start, span.end),
                    "attribute:parameter-count/name",
                    0.7,
                    _MODELS,
                )

    def _parameters(self) -> Iterator[AttributeReading]:
        for match in PARAMETERS.finditer(self.text):
            value = parse_amount(match.group("amount"))
            if not value or _PER_TOKEN.match(self.text, match.end()):
                continue  # "uses 12.9B parameters per token": the active ones
            token = self._token_at(match.end() - 1)
            if token is None:
                continue
            for span, how in self._parameter_owner(token):
                yield self._count(span, int(value), match.span(), how, 0.85)
                break

    def _count(
        self, span: NameSpan, value: int, where: tuple[int, int], how: str, confidence: float
    ) -> AttributeReading:
        """A parameter count read from the text; it makes its owner a model."""
        _vote(span, "AIModel", PARAMETER_VOTE, "attribute:parameters")
        return self._reading(
            span,
            "parameterCount",
            value,
            "integer",
            where,
            f"attribute:parameter-count/{how}",
            confidence,
            _MODELS,
        )

    def _sized_models(self) -> Iterator[AttributeReading]:
        """ "Nimbus, a 12B model", "Heron is a 40B model": a size in billions or millions
        right before a model noun counts its parameters even without the word."""
        for token in self.names.tokens:
            if lemma(token) not in _MODEL_NOUNS or token.pos_ not in ("NOUN", "PROPN"):
                continue
            for size in token.lefts:
                if size.dep_ not in ("compound", "nummod", "amod") or self.names.at(size):
                    continue
                match = _SIZE.fullmatch(size.text)
                value = parse_amount(size.text) if match else None
                if not value:
                    continue
                for span, how in self._parameter_owner(size):
                    where = (size.idx, size.idx + len(size))
                    yield self._count(span, int(value), where, f"sized-{how}", 0.75)
                    break

    def _parameter_owner(self, token: Token) -> Iterator[tuple[NameSpan, str]]:
        """The model a "… parameters" phrase describes."""
        for owner in kids(token):  # "DeepSeek v3's 685B parameters"
            if owner.dep_ == "poss":
                found = self._names_for(owner, _MODELS)
                if found:
                    yield found[0], "possessive"
                    return
        node = token
        for _ in range(6):
            head = node.head
            if head == node:
                return
            if node.dep_ in (
                "compound",
                "amod",
                "nmod",
                "nummod",
                "npadvmod",
                "punct",
            ) and head.pos_ in (
                "NOUN",
                "PROPN",
            ):
                found = self._names_for(head, _MODELS)
                inner = head.dep_ in ("compound", "nmod", "amod")
                if found and not (inner and _other_kind(found[0])):
                    yield found[0], "modifier"  # "the 70-billion-parameter Cormorant model"
                    return
                # "a 95 billion parameter mixture-of-experts LLM": a technique inside
                # the phrase is not what is counted; the phrase's head is
            if node.dep_ == "pobj" and head.lower_ == "with":
                owner = head.head
                if owner.pos_ in ("NOUN", "PROPN"):
                    found = self._names_for(owner, _MODELS)
                    if found:  # "a model with 1.3B parameters"
                        yield found[0], "with"
                        return
                if owner.pos_ in ("VERB", "AUX"):
                    found = self._clause_subjects(owner, _MODELS)
                    if found:  # "With 280 billion parameters, Gopher was …"
                        yield found[0], "with"
                        return
            if node.dep_ in ("dobj", "attr") and lemma(head) in _HAVE:
                found = self._clause_subjects(head, _MODELS)
                if found:  # "Mistral NeMo, which has 12 billion parameters"
                    yield found[0], "has"
                    return
            if node.dep_ == "attr" and lemma(head) == "be" and node is not token:
                found = self._clause_subjects(head, _MODELS)
                if found:  # "Kestrel is a 95 billion parameter LLM"
                    yield found[0], "is-a"
                return
            if node.dep_ in _ARGUMENT_ENDS and node is not token:
                # "The 2.7 billion-parameter SLM beat Llama 2": the count describes the
                # noun it modifies, never what that noun's verb is said of
                return
            node = head

    # -- training costs
    def _costs(self) -> Iterator[AttributeReading]:
        for match in MONEY.finditer(self.text):
            value = parse_money(match.group(0))
            if value is None:
                continue
            token = self._token_at(match.end() - 1)
            if token is None:
                continue
            found = self._cost_owner(token)
            if found is not None:
                span, how = found
                _vote(span, "AIModel", PARAMETER_VOTE, "attribute:training-cost")
                yield self._reading(
                    span,
                    "trainingCost",
                    value,
                    "decimal",
                    match.span(),
                    f"attribute:training-cost/{how}",
                    0.8,
                    _MODELS,
                    unit="USD",
                )

    def _cost_owner(self, money: Token) -> tuple[NameSpan, str] | None:
        node = money
        for _ in range(5):  # climb out of "less than $450", "about $4.6 million"
            if node.dep_ in ("pobj", "dobj", "attr", "npadvmod", "nsubj") or node.head == node:
                break
            if lemma(node.head) in _NOT_COST:
                return None
            node = node.head
        head = node.head
        if lemma(head) in _NOT_COST:
            return None
        if node.dep_ == "pobj" and head.lower_ == "for" and lemma(head.head) in _TRAIN:
            verb = head.head  # "trained X for less than $450"
            models = self._trained(verb)
            return (models[0], "for") if models else None
        if node.dep_ == "pobj" and head.lower_ == "for" and lemma(head.head) in _MAKE:
            made = self._made_model(head.head)  # "built a reasoning model, s1, for under $50"
            return (made, "made-for") if made is not None else None
        if node.dep_ == "pobj" and head.lower_ == "for":
            before = self._trained_before(head)
            if before is not None:  # the same, with the verb misparsed
                return before, "for"
        verb = head.head if node.dep_ == "pobj" else head
        if lemma(verb) in _NOT_COST or block_reason(verb, self.cues):
            return None
        if (
            node.dep_ == "pobj"
            and head.lower_ == "of"
            and lemma(verb) in _COST_NOUNS
            and any(lemma(c) in _TRAIN for c in verb.lefts)
        ):
            owner = self._cost_noun_owner(verb)
            if owner is not None:  # "X required a training budget of less than $2 million"
                return owner, "training-cost-of"
        holder = verb.head  # "X trained on … at an estimated cost of $5.6 million"
        if (
            node.dep_ == "pobj"
            and head.lower_ == "of"
            and lemma(verb) in _COST_NOUNS
            and verb.dep_ == "pobj"
            and holder.lower_ in ("at", "for")
            and lemma(holder.head) in _TRAIN
            and not block_reason(holder.head, self.cues)
        ):
            train = holder.head
            models = self._trained(train) or self._clause_subjects(train, _MODELS)
            if models:
                return models[0], "cost-of"
        following = self._trained_after(money)
        if following is not None and lemma(verb) in _COST_VERBS:
            return following, "surface"  # "spent about $4.6 million training Tessera-2"
        if lemma(verb) in _COST_VERBS:
            for candidate in verb.subtree:
                if lemma(candidate) in _TRAIN and candidate.i != money.i:
                    models = self._trained(candidate)
                    if models:  # "spent $4.6 million training X", "the bill for training X"
                        return models[0], lemma(verb)
            if lemma(verb) == "cost":
                found = self._clause_subjects(verb, _MODELS)
                if found and any(lemma(t) in _TRAIN for t in verb.subtree):
                    return found[0], "cost"  # "X cost $100 million to train"
                if (
                    found
                    and verb.tag_ == "VBD"
                    and self._model_subject(verb, found[0])
                    and not any(t.lower_ in _PRICE_WORDS for t in verb.subtree)
                ):
                    return found[0], "cost"  # "the original X model cost around $900"
            for candidate in kids(verb):
                if candidate.dep_ in ("nsubj", "nsubjpass") and lemma(candidate) in _COST_NOUNS:
                    for inner in candidate.subtree:
                        if lemma(inner) in _TRAIN:
                            models = self._trained(inner)
                            if models:
                                return models[0], "cost"
        return None

    def _made_model(self, verb: Token) -> NameSpan | None:
        """What a verb of making made, where that is a model: its object is a model noun
        ("a reasoning model, s1") or a name the sentence already calls a model."""
        if block_reason(verb, self.cues):
            return None
        if is_passive(verb):  # "Corvid was built for under $80"
            found = self._clause_subjects(verb, _MODELS)
            heads = [t for t in kids(verb) if t.dep_ == "nsubjpass"]
        else:
            heads = [t for t in kids(verb) if t.dep_ in ("dobj", "obj")]
            found = [s for t in heads for s in self._names_for(t, _MODELS)]
        for span in found:
            if any(lemma(t) in _MODEL_NOUNS for t in heads) or any(
                v.entity_class == "AIModel" for v in span.votes
            ):
                return span
        return None

    def _model_subject(self, verb: Token, span: NameSpan) -> bool:
        """The subject of *cost* is a model: its phrase says so ("the original X model")
        or the sentence already calls the name one."""
        subjects = [t for t in kids(verb) if t.dep_ == "nsubj"]
        return any(lemma(t) in _MODEL_NOUNS for t in subjects) or any(
            v.entity_class == "AIModel" for v in span.votes
        )

    def _cost_noun_owner(self, noun: Token) -> NameSpan | None:
        """Whose training cost a cost noun is: the possessor ("X's training cost of …") or
        the subject of the verb that has it ("X required a training budget of …")."""
        for child in kids(noun):
            if child.dep_ == "poss":
                found = self._names_for(child, _MODELS)
                if found:
                    return found[0]
        if noun.dep_ in ("dobj", "obj") and not block_reason(noun.head, self.cues):
            found = self._clause_subjects(noun.head, _MODELS)
            if found:
                return found[0]
        return None

    def _trained_before(self, preposition: Token) -> NameSpan | None:
        """ "trained Veldt-2 for $2 million" read from the words: a model named right
        after a form of *train*, right before "for"."""
        i = preposition.i
        if i < 2:
            return None
        span = self.names.at(self.doc[i - 1])
        if span is None:
            return None
        word = self.doc[span.start_token - 1] if span.start_token > 0 else None
        if word is not None and lemma(word) in _TRAIN:
            return span
        return None

    def _trained_after(self, money: Token) -> NameSpan | None:
        """A model named right after "training" / "to train" that follows the amount."""
        doc = self.doc
        end = money.i
        while end + 1 < len(doc) and doc[end + 1].pos_ in ("NUM", "SYM"):
            end += 1
        window = doc[end + 1 : end + 4]
        for k, token in enumerate(window):
            if lemma(token) in _TRAIN or token.lower_ in ("training", "train"):
                for later in window[k + 1 :]:
                    span = self.names.at(later)
                    if span is not None:
                        return span
        return None

    def _trained(self, verb: Token) -> list[NameSpan]:
        passive = is_passive(verb)
        out: list[NameSpan] = []
        for role, token in verb_arguments(verb):
            if role == "obj" or (role == "of" and verb.pos_ == "NOUN"):
                out.extend(self._names_for(token, _MODELS))
        for child in kids(verb):
            if child.dep_ == "prep" and child.lower_ == "of" and verb.pos_ == "NOUN":
                for pobj in kids(child):
                    out.extend(self._names_for(pobj, _MODELS))
        if not out and passive:
            out.extend(self._clause_subjects(verb, _MODELS))
        return out

    # -- relative quality
    def _qualities(self) -> Iterator[AttributeReading]:
        for match in PERCENT.finditer(self.text):
            value = parse_percent(match.group(0))
            token = self._token_at(match.start())
            if value is None or token is None:
                continue
            baseline = self._baseline(token)
            if baseline is None:
                continue
            subject = self._quality_subject(token, baseline)
            if subject is None:
                continue
            yield self._reading(
                subject,
                "relativeQuality",
                value,
                "decimal",
                match.span(),
                "attribute:relative-quality",
                0.8,
                _QUALITY,
                baseline=baseline.key,
            )
            yield self._reading(
                baseline,
                "relativeQuality",
                Decimal("1.0"),
                "decimal",
                (baseline.start, baseline.end),
                "attribute:relative-quality/baseline",
                0.7,
                _QUALITY,
                baseline=baseline.key,
            )

    def _percent_phrase(self, token: Token) -> Token:
        """The head of "90%" / "85 percent": the % sign or the word percent."""
        node = token
        while node.head != node and node.head.lower_ in ("%", "percent", "cent", "per"):
            node = node.head
        for child in kids(node):
            if child.lower_ in ("%", "percent"):
                return child
        return node

    def _baseline(self, token: Token) -> NameSpan | None:
        """The model a percentage is measured against: "of X's quality", "of the level
        of X", "as good as those of X"."""
        phrase = self._percent_phrase(token)
        roots = [phrase, token]
        comparisons = ("good", "well", "capable", "accurate", "strong", "fast")
        if phrase.head.lower_ in comparisons:
            roots.append(phrase.head)  # "78% as good as those of X"
        roots.extend(c for c in kids(phrase.head) if c.lower_ in comparisons)
        for root in roots:
            for node in root.subtree:
                if node.dep_ != "prep" or node.lower_ not in ("of", "as"):
                    continue
                for pobj in kids(node):
                    if pobj.dep_ != "pobj":
                        continue
                    found = self._names_for(pobj, _QUALITY)
                    if found:
                        return found[0]
                    if lemma(pobj) in _QUALITY_NOUNS or pobj.lower_ in _QUALITY_NOUNS:
                        for inner in pobj.subtree:
                            if inner.dep_ == "poss" or (inner.dep_ == "pobj" and inner != pobj):
                                found = self._names_for(inner, _QUALITY)
                                if found:
                                    return found[0]
        return None

    def _quality_subject(self, token: Token, baseline: NameSpan) -> NameSpan | None:
        node = token
        for _ in range(6):
            if node.head == node:
                break
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                if block_reason(node, self.cues):
                    return None
                for span in self._clause_subjects(node, _QUALITY):
                    if span.key != baseline.key:
                        return span
                for child in kids(node):  # "rated Wombat-3's answers 78% as good as …"
                    if child.dep_ == "dobj":
                        for inner in kids(child):
                            if inner.dep_ == "poss":
                                for span in self._names_for(inner, _QUALITY):
                                    if span.key != baseline.key:
                                        return span
                return None
        return None

    # -- release dates
    def _release_dates(self) -> Iterator[AttributeReading]:
        for start, end, value, datatype in dates_in(self.text):
            token = self._token_at(start)
            if token is None:
                continue
            found = self._released(token)
            if found is None:
                continue
            span, how = found
            _vote(span, "AIModel", RELEASE_VOTE, "attribute:release")
            yield self._reading(
                span,
                "releaseDate",
                value,
                datatype,
                (start, end),
                f"attribute:release-date/{how}",
                0.8,
                _RELEASABLE,
            )

    def _released(self, token: Token) -> tuple[NameSpan, str] | None:
        node = token
        for _ in range(4):
            if node.dep_ in ("pobj", "npadvmod", "tmod") or node.head == node:
                break
            node = node.head
        head = node.head
        if node.dep_ == "pobj" and head.lower_ in ("in", "on", "during", "since"):
            head = head.head
        elif node.dep_ not in ("npadvmod", "tmod"):
            return None
        if head.pos_ == "NOUN" and lemma(head) in _RELEASE_NOUNS:
            for child in kids(head):
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in kids(child):
                        found = self._names_for(pobj, _RELEASABLE)
                        if found:
                            return found[0], "release-of"
            return None
        if not self._is_release(head) or block_reason(head, self.cues):
            return None
        passive = is_passive(head)
        word = lemma(head)
        transitive = any(c.dep_ in ("dobj", "obj") for c in kids(head))
        wanted = "subj" if word in _INTRANSITIVE and not passive and not transitive else "obj"
        for role, argument in verb_arguments(head):
            if role == wanted:
                found = self._names_for(argument, _RELEASABLE)
                if found:
                    return found[0], word
        if head.dep_ == "conj":  # "X has 9 billion parameters and was released in …"
            shared = head.head
            for role, argument in verb_arguments(shared):
                if role == ("obj" if is_passive(shared) else "subj"):
                    found = self._names_for(argument, _RELEASABLE)
                    if found:
                        return found[0], word
        if head.dep_ in ("relcl", "acl", "advcl") and head.head.pos_ in ("PROPN", "NOUN"):
            found = self._names_for(head.head, _RELEASABLE)  # "Sandpiper-2, released on …"
            if found:
                return found[0], word
        return None

    def _is_release(self, verb: Token) -> bool:
        word = lemma(verb)
        if word not in _RELEASE_VERBS:
            return False
        if word in ("come", "roll"):  # "came out", "rolled out"
            return any(c.dep_ == "prt" and c.lower_ == "out" for c in kids(verb))
        if word == "go":  # "went on sale"
            return any(
                c.dep_ == "prep" and any(g.lower_ == "sale" for g in kids(c)) for c in kids(verb)
            )
        if word in ("become", "hit", "appear"):
            return any(c.lower_ in ("available", "shelves", "market") for c in verb.subtree)
        return True
