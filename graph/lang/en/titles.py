"""Titles of works, whose words are not all capitalised: "On the Dangers of Stochastic
Parrots", "Why AI Will Save the World", "Compute Is the Moat".

The name-merging step before the parse joins only capitalised words, so a title with
"the" or "of" inside comes out in pieces. A run of capitalised words held together by
"the", "of", "a" or a capitalised function word ("Is", "Why") is one name when it opens
the sentence and a verb or a comma follows it, or when a word that introduces a title
("titled", "wrote", "essay") stands before it; a whole line in title case is a headline.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from graph.lang.en.cues import word_set

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["title_runs"]

#: Lowercase words inside a title ("On the Dangers of Stochastic Parrots").
_TITLE_GLUE = frozenset({"the", "of", "a", "an"})
#: Function words a title capitalises ("Why AI Will Save the World", "Compute Is the Moat").
_TITLE_FUNCTION = word_set(
    "on why how what when where who is are will can could should the a an of to for in with"
)
#: Words after which a title begins: naming verbs, writing verbs, kinds of works.
_TITLE_INTRODUCERS = word_set(
    """
    title call name dub write co-write author co-author publish pen book essay paper memo
    report article study manifesto letter
    """
)


#: Job titles, which take "of" too ("VP of Research", "Head of AI"): such a run is a post.
_JOB_TITLES = word_set("vp ceo cto cfo coo chief head director president chairman officer")


_QUOTES = frozenset({'"', "“", "'", "‘"})


def _title_word(text: str) -> bool:
    return text[:1].isupper() and text.lower() not in _MONTHS_AND_DAYS


_MONTHS_AND_DAYS = word_set(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    """
)


def title_runs(
    tokens: list[Token], lemmas: list[str], texts: list[str]
) -> Iterator[tuple[int, int]]:
    """Token ranges [start, end) of the titles of a sentence."""
    if sum(1 for text in texts if text[:1].isupper()) < 2:
        return  # a title has two capitalised words at least
    starts = [0] + [
        i + 1
        for i, word in enumerate(lemmas[:-1])
        if word in _TITLE_INTRODUCERS or texts[i] in _QUOTES
    ]
    taken = 0
    for start in starts:
        if start < taken or not _title_word(texts[start]):
            continue
        end = _title_end(tokens, start)
        if end is not None:
            yield start, end
            taken = end


def _title_end(tokens: list[Token], start: int) -> int | None:
    end = start
    while end < len(tokens):
        text = tokens[end].text
        if _title_word(text) or (text.lower() in _TITLE_GLUE and end > start):
            end += 1
        else:
            break
    while end > start and tokens[end - 1].text.lower() in _TITLE_GLUE:
        end -= 1  # a title ends in a capitalised word
    words = [t.text for t in tokens[start:end]]
    capitals = sum(
        1
        for w in words
        for part in w.split()
        if part[:1].isupper() and part.lower() not in _TITLE_FUNCTION
    )
    # the words inside, merged name runs split again ("Textbooks Are All" is one token)
    parts = [part for w in words for part in w.split()][1:]
    glue = any(p.lower() in _TITLE_GLUE | _TITLE_FUNCTION for p in parts)
    # A function word inside ("the", "of", "Is") makes it a title; an opening one ("Why")
    # only when a comma follows ("Why Machines Dream, an essay by …"), not a verb ("What
    # Vexa Systems released on Monday was …" is a pseudo-cleft).
    opener = bool(words) and words[0].lower() in _TITLE_FUNCTION
    comma_after = end < len(tokens) and tokens[end].text == ","
    if capitals < 2 or not (glue or (opener and comma_after)) or end - start < 2:
        return None
    if any(w.lower() in _JOB_TITLES for w in words):
        return None  # "Former Vexo VP of Research Ivo Brandt is …": a job title and a name

    if end >= len(tokens) or (tokens[end].is_punct and tokens[end].text != ","):
        return None  # a whole line in title case is a headline, not a name
    after = tokens[end]
    if start == 0 and not (after.text == "," or after.pos_ in ("VERB", "AUX")):
        return None
    return end
