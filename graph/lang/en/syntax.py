"""Pure helpers over spaCy tokens: voice, arguments, coordination, and what blocks a fact.

Everything that knows the labels of the English dependency scheme (ClearNLP, as
``en_core_web_sm`` uses it) lives here, so that the frame readers speak of subjects,
objects and prepositions rather than of ``nsubjpass`` and ``agent``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from graph.lang.en.cues import Cues

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "block_reason",
    "contrasted",
    "coordinated",
    "is_passive",
    "kids",
    "lemma",
    "main_verb_misparsed",
    "misparsed_subject",
    "misread_type_noun",
    "nominal",
    "noun_words",
    "own_possessor",
    "past_post",
    "prep_role",
    "reduced_relative",
    "tables",
    "verb_arguments",
]

_SUBJECTS = ("nsubj", "csubj", "expl")
_PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
_OBJECTS = ("dobj", "obj", "attr", "oprd")
#: Prepositions that are one word of a longer connective, never an argument's role.
_REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself"})
#: Words a sum ends in; the parser hangs the event's prepositions on them ("raised 600
#: million euros from X"): number words and currency nouns.
_AMOUNTS = frozenset(
    {
        "million",
        "billion",
        "trillion",
        "stake",
        "sum",
        "amount",
        "%",
        "euros",
        "euro",
        "dollars",
        "pounds",
        "yen",
        "yuan",
        "rupees",
        "francs",
        "won",
        "shekels",
    }
)
_NOT_ROLES = frozenset({"according", "such", "rather", "instead", "because", "due", "including"})


_EMBEDDING = frozenset({"relcl", "acl", "advcl", "ccomp", "pcomp"})
#: Participles that give a noun its name ("a company called X", "the firm, known as X"):
#: the name belongs to the noun's own clause, it is no embedded clause's.
_NAMING_PARTICIPLES = frozenset({"call", "name", "dub", "title", "brand", "christen", "know"})


class SentenceTables:
    """What the readers ask of a parsed sentence again and again, computed once.

    spaCy makes a new Token object on every access (``doc[i]``, ``token.children``,
    ``token.head``): walking the same children many times was most of the readers' cost.
    Kept in the Doc's ``user_data``, so it lives exactly as long as the parse.
    """

    def __init__(self, doc: Doc) -> None:
        self.tokens: list[Token] = list(doc)
        offsets = doc.to_array("HEAD").astype("int64").tolist()
        self.heads = [i + offset for i, offset in enumerate(offsets)]
        self.children: list[list[Token]] = [[] for _ in self.tokens]
        for i, head in enumerate(self.heads):
            if head != i:
                self.children[head].append(self.tokens[i])
        self.lemmas = [t.lemma_.lower() for t in self.tokens]
        self.texts = [t.text for t in self.tokens]
        self.deps = [t.dep_ for t in self.tokens]
        # answers that depend on the parse alone, remembered per token index
        self.arguments: dict[int, list[tuple[str, Token]]] = {}
        self.passive: dict[int, bool] = {}

    def head(self, token: Token) -> Token:
        return self.tokens[self.heads[token.i]]

    def embedded(self, i: int) -> bool:
        """Some ancestor of token ``i`` heads a relative or reported clause."""
        seen = 0
        while self.heads[i] != i and seen < 50:
            i = self.heads[i]
            token = self.tokens[i]
            if token.dep_ in _EMBEDDING and not (
                token.dep_ == "acl" and token.lemma_ in _NAMING_PARTICIPLES
            ):
                return True
            seen += 1
        return False


_LAST: list[Any] = [None, None]  # the last document asked about, and its tables


def tables(doc: Doc) -> SentenceTables:
    if _LAST[0] is doc:
        return _LAST[1]
    found = doc.user_data.get("newskg.tables")
    if found is None:
        found = doc.user_data["newskg.tables"] = SentenceTables(doc)
    _LAST[0], _LAST[1] = doc, found
    return found


def kids(token: Token) -> list[Token]:
    """``token.children``, from the sentence's tables."""
    doc = token.doc
    if _LAST[0] is doc:  # the sentence being read: no call to tables() (the hottest path)
        return _LAST[1].children[token.i]
    return tables(doc).children[token.i]


def lemma(token: Token) -> str:
    """The lowercase lemma, from the sentence's tables."""
    doc = token.doc
    if _LAST[0] is doc:
        return _LAST[1].lemmas[token.i]
    return tables(doc).lemmas[token.i]


def is_passive(verb: Token) -> bool:
    """See :func:`_is_passive` (remembered per token)."""
    table = tables(verb.doc)
    found = table.passive.get(verb.i)
    if found is None:
        found = table.passive[verb.i] = _is_passive(verb)
    return found


def _is_passive(verb: Token) -> bool:
    """A passive clause, a passive participle modifying a noun, or ``was fine-tuned``.

    The small model tags some participles as adjectives ("was fine-tuned from X" is an
    adjective complement of "was"); a participle-shaped complement of *be* with a
    ``by``/``from``/``on`` argument is read as the passive it is.
    """
    if any(child.dep_ in (*_PASSIVE_SUBJECTS, "auxpass", "agent") for child in kids(verb)):
        return True
    if main_verb_misparsed(verb):
        return False
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod", "advcl"):
        # "quit in 2021 to found X": an infinitive the tagger took for a participle
        return not any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(verb))
    participle = verb.tag_ in ("VBN", "JJ") and verb.lower_.endswith(("ed", "en", "lt"))
    if participle and verb.dep_ == "acl" and "-" in verb.text:
        return True  # "a model fine-tuned from X", the participle tagged an adjective
    return participle and verb.dep_ == "acomp" and lemma(verb.head) == "be"


def main_verb_misparsed(verb: Token) -> bool:
    return misparsed_subject(verb) is not None


def misparsed_subject(verb: Token) -> Token | None:
    """The subject of a sentence's verb that the parser took for a participle.

    "The company partnered with X": the small parser often reads a sentence whose verb
    could be a participle as one noun phrase (company <-acl- partnered); when that noun
    is the root of the sentence, the "participle" is the sentence's verb and the noun
    its subject. The same after a long appositive, where the verb hangs from whatever
    noun came last ("Moravia Capital, a fund that manages about $2 billion, invested
    in …"): a verbless root, a comma, then the verb.
    """
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN"):
        return None
    if any(c.dep_ in ("auxpass", "agent") for c in kids(verb)):
        return None
    head = verb.head
    if head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN") and head.i < verb.i:
        return head
    root = head
    while root.head != root:
        root = root.head
    after_comma = verb.i > 0 and verb.doc[verb.i - 1].text == ","
    if after_comma and root.pos_ in ("NOUN", "PROPN") and root.i < verb.i:
        return root
    return None


def prep_role(prep: Token) -> str | None:
    """The role a preposition gives its object: its own word ("from", "with"), or
    ``by`` for a passive's agent."""
    word = prep.lower_
    if word in _NOT_ROLES or not word.isalpha():
        return None
    return _SAME_ROLE.get(word, word)


#: Prepositions that say what another says: "built atop Llama 2" is built on it.
_SAME_ROLE = {"atop": "on", "upon": "on"}


_CONTRAST = frozenset({"than", "not", "nor", "instead", "versus", "vs", "vs.", "unlike"})


def contrasted(token: Token) -> bool:
    """ "rather than a Transformer", "not Condor-70B", "instead of X": a phrase set
    against another is no argument of the verb, whatever the parser hung it from."""
    start = token.left_edge.i
    doc = token.doc
    before = doc[start - 1].lower_ if start > 0 else ""
    if before in _CONTRAST:
        return True
    return before == "of" and start > 1 and doc[start - 2].lower_ == "instead"


def coordinated(token: Token) -> list[Token]:
    """The token and its conjuncts ("A, B and C"), in surface order; a contrasted one
    ("the Mamba architecture rather than a Transformer", "A, not B") is not among them."""
    doc = token.doc
    out = [token]
    for other in token.conjuncts:
        low, high = sorted((token.i, other.i))
        if any(t.lower_ in _CONTRAST for t in doc[low + 1 : high]):
            continue
        if any(c.dep_ == "case" for c in kids(other)):
            continue  # "OpenAI and Google’s DeepMind": Google is DeepMind's owner
        out.append(other)
    return sorted(out, key=lambda t: t.i)


def own_possessor(token: Token) -> bool:
    """ "Google’s DeepMind" (whatever the parser made of the possessive)."""
    if any(c.dep_ == "poss" for c in kids(token)):
        return True
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is not None and before.text in ("'s", "’s")


#: Labels the small parser gives a name it failed to attach ("Qualcomm" as a compound of
#: "competes", "Llama 2 70B" as an adverb of "outperforms").
_MISATTACHED = frozenset(
    {"compound", "nmod", "npadvmod", "advmod", "nummod", "amod", "meta", "dep", "punct"}
)


def verb_arguments(
    verb: Token, is_name: Callable[[Token], bool] | None = None
) -> Iterator[tuple[str, Token]]:
    """(role, token) for each argument of a verb, with the passive undone.

    subj: the active subject or the passive's ``by`` agent; obj: the direct object or
    the passive subject; a preposition's word for its object ("with", "from", "on").
    For ``was fine-tuned`` the subject of *be* is the passive subject. With ``is_name``,
    a name hanging from the verb by a label no argument has fills the subject or the
    object, whichever is missing on its side of the verb.
    """
    table = tables(verb.doc)
    found = table.arguments.get(verb.i)
    if found is None:
        found = table.arguments[verb.i] = list(_tree_arguments(verb))
    yield from found
    if is_name is None:
        return
    passive = is_passive(verb)
    if any(role == "obj" for role, _ in found):
        for child in kids(verb):  # "bought A and B" with B hung from the verb
            if child.dep_ == "conj" and child.i > verb.i and is_name(child):
                yield "obj", child
    empty_preps = {
        c.i: c for c in kids(verb) if c.dep_ == "prep" and not any(True for _ in kids(c))
    }
    for child in kids(verb):
        if child.dep_ in _MISATTACHED and is_name(child):
            before = empty_preps.get(child.i - 1)
            if before is not None and prep_role(before):  # "partnered with [Quantly]"
                yield prep_role(before) or "", child  # type: ignore[misc]
                continue
            left = child.i < verb.i
            role = ("obj" if passive else "subj") if left else "obj"
            if role == "obj" and not left and _past_other_clause(verb, child, found):
                continue  # "launched a chip that it said will compete with …, Nvidia Corp."
            yield role, child


def _past_other_clause(verb: Token, name: Token, found: list[tuple[str, Token]]) -> bool:
    """A name hung loosely after the verb, with the verb's object already given and
    another clause's verb between them, belongs to that later clause, not to this verb."""
    if not any(role == "obj" for role, _ in found):
        return False
    return any(t.pos_ in ("VERB", "AUX") for t in verb.doc[verb.i + 1 : name.i])


#: Nouns ``en_core_web_sm`` tags as past-tense verbs before a name ("bought analytics
#: startup Mapsense", "its investment in AI startup Anthropic"): the name becomes the
#: "verb"'s object, and the clause the noun heads is no clause.
_MISREAD_NOUNS = frozenset({"startup", "startups", "start-up", "start-ups"})


def amount_verb(token: Token) -> Token | None:
    """The verb a sum hangs from ("raised [$40 million] in a round"): the parser attaches
    the event noun's preposition to the sum, but the event is the verb's."""
    if (token.pos_ == "NUM" or token.lower_ in _AMOUNTS) and token.dep_ == "dobj":
        return token.head if token.head.pos_ in ("VERB", "AUX") else None
    return None


def misread_type_noun(token: Token) -> Token | None:
    """The object of a type noun misread as a verb, when ``token`` is that noun or the
    word just before it ("AI startup Anthropic" -> Anthropic)."""
    doc = token.doc
    for noun in (token, doc[token.i + 1] if token.i + 1 < len(doc) else None):
        if noun is None or noun.lower_ not in _MISREAD_NOUNS or noun.pos_ != "VERB":
            continue
        for child in kids(noun):
            if child.i != noun.i + 1:
                continue
            # the name right after it, whatever label the parser gave it: "startup
            # Caddow" as an object, a predicative ("oprd") or even an adverb
            if child.dep_ == "dobj" or (child.dep_ in _MISREAD_NAME_DEPS and child.is_title):
                return child
    return None


#: Labels the small parser gives the name after a type noun it misread as a verb.
_MISREAD_NAME_DEPS = frozenset({"oprd", "advmod", "npadvmod", "attr", "nsubj", "appos"})


def _tree_arguments(verb: Token) -> Iterator[tuple[str, Token]]:
    passive = is_passive(verb)
    for child in kids(verb):
        if child.dep_ in ("ccomp", "conj", "xcomp") and child.i > verb.i:
            named = misread_type_noun(child)
            if named is not None:  # "bought analytics startup Mapsense in May"
                yield "obj", named
                for prep in kids(child):
                    role = prep_role(prep) if prep.dep_ == "prep" else None
                    for pobj in kids(prep) if role else ():
                        if pobj.dep_ == "pobj":
                            yield role or "", pobj
    yield from _inverted_subjects(verb)
    holders = [verb]
    if verb.dep_ == "acomp" and passive:
        holders.append(verb.head)
    for holder in holders:
        for child in kids(holder):
            dep = child.dep_
            if dep in _SUBJECTS:
                yield ("obj" if passive and holder != verb else "subj"), child
            elif dep in _PASSIVE_SUBJECTS:
                yield "obj", child
            elif dep in _OBJECTS and holder == verb:
                if child.lower_ not in _REFLEXIVES:  # "had assembled itself"
                    yield "obj", child
                for prep in kids(child):  # "founded the start-up with X": X is the verb's
                    if prep.dep_ == "prep" and prep.lower_ == "with" and child.i < prep.i:
                        for pobj in kids(prep):
                            if pobj.dep_ == "pobj":
                                yield "with", pobj
                if child.pos_ == "NUM" or child.lower_ in _AMOUNTS:
                    # "invested $10 billion in OpenAI": the parser hangs "in" from the sum
                    for prep in kids(child):
                        role = prep_role(prep) if prep.dep_ == "prep" else None
                        for pobj in kids(prep) if role else ():
                            if pobj.dep_ == "pobj":
                                yield role or "", pobj
            elif dep == "dative" and holder == verb:
                yield ("to" if child.lower_ == "to" else "obj2"), child
            elif dep == "agent" and holder == verb:
                for pobj in kids(child):
                    if pobj.dep_ == "pobj":
                        yield "subj", pobj
            elif dep == "prep" and holder == verb:
                role = prep_role(child)
                if role is None:
                    continue
                for pobj in kids(child):
                    if pobj.dep_ == "pobj":
                        yield ("subj" if role == "by" and passive else role), pobj
                    elif pobj.dep_ == "prep":  # "out of", "away from"
                        inner = prep_role(pobj)
                        for deeper in kids(pobj):
                            if deeper.dep_ == "pobj" and inner:
                                yield inner, deeper
            elif dep == "prt" and holder == verb:
                continue


#: What the parser makes of the noun phrase after "be" in an inverted clause.
_INVERTED_COMPLEMENTS = frozenset({"attr", "acomp", "nsubj", "dobj"})


def _inverted_subjects(verb: Token) -> Iterator[tuple[str, Token]]:
    """ "Also taking part in the round were A and B", "Leading the round was X",
    "Joining them is Y": a gerund phrase fronted as the subject of "be" (the parser's
    ``csubj``) has the noun phrase after "be" for its own subject, whatever the verb.
    The first noun phrase after "be" only: "was X, the head of Y" keeps Y out."""
    if verb.dep_ != "csubj" or verb.tag_ != "VBG" or lemma(verb.head) != "be":
        return
    if verb.i > verb.head.i or any(c.dep_ in _SUBJECTS for c in kids(verb)):
        return
    for child in kids(verb.head):
        if child.dep_ in _INVERTED_COMPLEMENTS and child.i > verb.head.i:
            yield "subj", child
            return


_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "compound"})
_FINITE_OR_PARTICIPLE = frozenset({"VBD", "VBN", "VBG", "VBZ", "VBP", "MD"})


def nominal(token: Token) -> bool:
    """A noun, or a word in a noun's place that the tagger called something else
    ("Brisa Labs co-founder Tomas Elund", with co-founder tagged a verb)."""
    if token.pos_ in ("NOUN", "PROPN"):
        return True
    return token.dep_ in _NOMINAL_DEPS and token.tag_ not in _FINITE_OR_PARTICIPLE


def reduced_relative(name: Token) -> bool:
    """A name in apposition that is the subject of a participle-shaped verb with no
    object: "the tool Palette Studio released on Tuesday" (the tool that it released)."""
    if name.dep_ != "appos" or name.pos_ not in ("PROPN", "NOUN"):
        return False
    for child in kids(name):
        if child.dep_ == "acl" and child.tag_ in ("VBN", "VBD") and child.i == name.i + 1:
            taken = {c.dep_ for c in kids(child)}
            return not taken & {"dobj", "nsubjpass", "auxpass", "agent", "attr"}
    return False


def noun_words(token: Token) -> list[str]:
    """The lowercase lemmas of a noun and its compound modifiers, in order:
    ``chip designer`` -> ["chip", "designer"]."""
    words = [c for c in kids(token) if c.dep_ in ("compound", "amod") and c.i < token.i]
    words = [w for w in words if w.dep_ == "compound" or w.lower_.endswith("-based") is False]
    return [lemma(w) for w in sorted(words, key=lambda t: t.i)] + [lemma(token)]


def _chain(token: Token) -> Iterator[Token]:
    """The token and the heads it hangs from through clause links (up to the root)."""
    table = tables(token.doc)
    i = token.i
    for _ in range(12):
        yield table.tokens[i]
        if table.heads[i] == i:
            return
        i = table.heads[i]


#: Adverbs before a verb that say the event did not happen ("nearly acquired X").
_ALMOST = frozenset({"almost", "nearly"})


def _negated(token: Token, cues: Cues) -> bool:
    for child in kids(token):
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return True
        if child.dep_ in ("advmod", "preconj") and child.lower_ in ("never", "neither"):
            return True
        if child.dep_ == "advmod" and child.lower_ in _ALMOST and child.i < token.i:
            return True  # "AMD almost bought Nvidia in 2006": it did not
        following = token.doc[child.i + 1] if child.i + 1 < len(token.doc) else None
        if child.lower_ == "yet" and following is not None and following.lower_ == "to":
            return True  # "has yet to release" (not "its best model yet")
        if child.lower_ == "longer" and any(c.lower_ == "no" for c in kids(child)):
            return True  # "no longer works for"
    return False


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(verb))


def _own_claim(verb: Token) -> bool:
    """ "Meta claims Llama 3 outperforms X": a named company's claim is how news states
    benchmark results (patterns that take it say accepts: [claimed]); "reports claim
    that …" and a rumour's "claims" stay denials."""
    if verb.pos_ != "VERB" or lemma(verb) != "claim":
        return False
    return any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in kids(verb))


#: Prepositions that put an end date on a tie: "worked at Apple until 2017".
_ENDED_BY = frozenset({"until", "till", "til"})


def _dated(prep: Token) -> bool:
    """The object of ``prep`` is a date: a year, or a month ("until March")."""
    for pobj in kids(prep):
        if pobj.dep_ == "pobj" and (pobj.ent_type_ == "DATE" or pobj.like_num):
            return True
    return False


#: Verbs of a standing tie that a closed span of years puts in the past ("served as its
#: CFO from 2017 to 2022"); events keep their span ("developed X from 2019 to 2021").
_TIE_VERBS = frozenset(
    {"work", "serve", "lead", "head", "run", "chair", "oversee", "manage", "own", "hold", "be"}
)
_SPAN_ENDS = frozenset({"to", "through", "until", "till", "til"})


def _closed_span(prep: Token) -> bool:
    """ "from 2017 to 2022", "between 2015 and 2019": a span of dates with an end."""
    word = prep.lower_
    if word == "from" and _dated(prep):
        return any(g.dep_ == "prep" and g.lower_ in _SPAN_ENDS and _dated(g) for g in kids(prep))
    if word == "between" and _dated(prep):
        return any(
            p.dep_ == "pobj" and any(c.dep_ == "conj" and c.like_num for c in kids(p))
            for p in kids(prep)
        )
    return False


_CLAUSE_LINKS = frozenset({"xcomp", "ccomp", "acl", "relcl", "advcl", "pcomp", "conj", "prep"})


def block_reason(trigger: Token, cues: Cues) -> str | None:
    """Why a trigger states no fact: "negated", "planned", "denied", "modal", "former"
    (or a fact only for some relations: "ability", "claimed").

    Negation and modality belong to the trigger's own clause (its children, and those
    of the verb it is the complement of: "decided not to use"); plans, denials and
    questions are inherited from any clause the trigger is embedded in ("plans to
    acquire", "denied reports that it owns", "asked whether X could"). A partial block
    ("ability", "claimed") gives way to a full one found elsewhere: "reports claim that X
    can beat Y" is denied.
    """
    own = _own_block(trigger, cues)
    if own is not None and own != "ability":
        return own
    embedding = _embedding_block(trigger, cues)
    if embedding is not None and embedding != "claimed":
        return embedding
    return own or embedding


def _own_block(trigger: Token, cues: Cues) -> str | None:
    """What the trigger's own clause says: negation, modality, a former or planned tie."""
    if _negated(trigger, cues):
        return "negated"
    for child in kids(trigger):
        word = child.lower_
        if child.dep_ == "aux" and word in cues.modal_words:
            return "modal"
        if child.dep_ == "aux" and word in cues.ability_words:
            return "ability"
        if child.dep_ == "mark" and word in cues.denial_words:
            return "denied"
        if child.dep_ in ("amod", "advmod", "npadvmod") and (
            word in cues.former_words or lemma(child) in cues.former_words
        ):
            return "former"
        if child.dep_ in ("amod", "compound") and lemma(child) in cues.planning_words:
            return "planned"
        if child.dep_ == "prep" and child.lower_ in _ENDED_BY and _dated(child):
            return "former"  # "worked on AI at Apple till 2017"
        if child.dep_ == "prep" and lemma(trigger) in _TIE_VERBS and _closed_span(child):
            return "former"  # "served as CTO at X from 2017 to 2022"
        if child.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in _ENDED_BY for m in kids(child)
        ):
            return "former"  # "worked at X until she joined Y"
    return None


def _embedding_block(trigger: Token, cues: Cues) -> str | None:
    """What the clauses the trigger is embedded in say: plans, denials, claims."""
    for link, head in zip(_chain(trigger), list(_chain(trigger))[1:], strict=False):
        if link.dep_ not in _CLAUSE_LINKS:
            break
        if link.dep_ == "conj":
            continue  # a coordinated verb has its own polarity
        word = lemma(head)
        if link.dep_ in ("xcomp", "acl", "prep", "pcomp", "advcl") and _negated(head, cues):
            return "negated"
        if word in cues.planning_words and link.dep_ in ("xcomp", "acl", "pcomp", "prep"):
            return "planned"
        if word in cues.denial_words:
            return "claimed" if _own_claim(head) else "denied"
        if link.dep_ in ("xcomp",) and word in cues.former_words and not _infinitive(link):
            return "former"  # "stopped using X"; not "left OpenAI to join X" (a purpose)
        for child in kids(head):
            if child.dep_ == "mark" and child.lower_ in cues.denial_words:
                return "denied"
            if child.dep_ == "aux" and child.lower_ in cues.modal_words and link.dep_ == "xcomp":
                return "modal"
    return None


def past_post(verb: Token, complement: Token | None = None) -> str | None:
    """ "B, who worked on X at Y", "He served as CTO of Y", "Ann was CTO of Y": a standing
    tie told in the simple past is a past one (a current one is told in the present or
    the perfect: "works at", "has worked at", "is CTO of"); "worked with Y" (a
    collaboration, an event) is not a post. A past frame still states an event
    ("was a co-founder of Y", "was an early investor in Y")."""
    word = lemma(verb)
    if verb.tag_ != "VBD" or any(c.dep_ in ("aux", "auxpass") for c in kids(verb)):
        return None
    if word == "be":  # the copula of a title: "was CTO of Y"
        return "past" if complement is not None and complement.dep_ == "attr" else None
    if word not in _STANDING_POSTS:
        return None
    preps = {c.lower_ for c in kids(verb) if c.dep_ == "prep"}
    return "past" if preps & _STANDING_POSTS[word] else None


#: Verbs of a post held over time, with the prepositions that name the post or its place.
_STANDING_POSTS = {"work": frozenset({"at", "for"}), "serve": frozenset({"as"})}
