"""One English document: parsed sentences -> readings -> the shared core's facts.

The only place that holds the document-level state linking sentences: the names met so
far (for "the company", "it"), the shorter forms a document uses for a name once
introduced ("Brightline" for "Brightline Robotics"), and the rules that need the whole
document (variants named after their family). Classes are then decided once for the
document, and relations matched, by :func:`graph.extraction.facts.document_facts`.
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.canonical import match_key
from graph.extraction.facts import document_facts
from graph.extraction.patterns import PatternIndex
from graph.extraction.readings import SentenceReading
from graph.lang.en.attributes import AttributeReader
from graph.lang.en.bylines import byline_frames
from graph.lang.en.cues import Cues
from graph.lang.en.frames import FrameReader, role_table
from graph.lang.en.gazetteer import Gazetteer
from graph.lang.en.names import SentenceNames, drop_spelt_out, find_names, short_forms
from graph.lang.en.parse import ParsedSentence
from graph.lang.en.references import Antecedents, ArgumentResolver
from graph.lang.en.rules import (
    add_name_variants,
    end_former_ties,
    orient_variants,
    prefer_stated_sizes,
)
from graph.lexicon import Lexicon
from graph.model import Document, DocumentFacts

__all__ = ["read_document", "sentence_readings"]


def _join_short_forms(all_names: Sequence[SentenceNames]) -> None:
    """Give a one-word form the key of the one longer name it abbreviates."""
    forms = short_forms(span for names in all_names for span in names.spans)
    for names in all_names:
        for span in names.spans:
            if " " in span.surface or span.reference:
                continue
            if any(v.cue == "lexicon" for v in span.votes):
                continue
            full = forms.get(match_key(span.surface))
            if full is None or full is span or full.key == span.key:
                continue
            own = {v.entity_class for v in span.votes if not v.cue.startswith(("ner:", "source:"))}
            if own and not own & {v.entity_class for v in full.votes}:
                continue  # "Mamba architecture" is not "Codestral Mamba"
            span.key, span.canonical = full.key, full.canonical
    _join_cut_possessives(all_names)


_POSSESSIVE = frozenset({"'s", "’s"})


def _join_cut_possessives(all_names: Sequence[SentenceNames]) -> None:
    """ "Databrick’s product" for Databricks: a name ending in -s written with "’s"
    after its cut stem is that name, when the stem is met only so and the full name is
    one the document names on its own."""
    spans = [span for names in all_names for span in names.spans if not span.reference]
    whole = {match_key(s.surface): s for s in spans if " " not in s.surface}
    stems: dict[str, list[tuple[SentenceNames, bool]]] = {}
    for names in all_names:
        doc = names.sentence.doc
        for span in names.spans:
            if span.reference or " " in span.surface or span.end_token >= len(doc):
                continue
            possessive = doc[span.end_token].text in _POSSESSIVE
            stems.setdefault(match_key(span.surface), []).append((names, possessive))
    for stem, uses in stems.items():
        full = whole.get(match_key(stem + "s"))
        if full is None or not all(possessive for _, possessive in uses):
            continue
        for names in {id(n): n for n, _ in uses}.values():
            for span in names.spans:
                if not span.reference and match_key(span.surface) == stem:
                    span.key, span.canonical = full.key, full.canonical


def sentence_readings(
    sentences: Sequence[ParsedSentence], lexicon: Lexicon, cues: Cues, index: PatternIndex
) -> list[SentenceReading]:
    """What the reader reads from each sentence, in order."""
    gazetteer = Gazetteer.of(lexicon)
    roles = role_table(index)
    all_names = [find_names(sentence, gazetteer, cues) for sentence in sentences]
    drop_spelt_out(all_names)
    bylines = byline_frames([(s.start, s.text) for s in sentences], all_names, gazetteer)
    _join_short_forms(all_names)
    antecedents = Antecedents()
    readings: list[SentenceReading] = []
    for i, (sentence, names) in enumerate(zip(sentences, all_names, strict=True)):
        resolver = ArgumentResolver(names, cues, antecedents, i)
        # "The company vaulted into the spotlight when it acquired X": the subject
        # stand-in first, so that the pronoun after it takes what it stands for
        resolver.stand_ins()
        frames = FrameReader(names, cues, index, resolver, roles).read()
        if i in bylines:
            frames.append(bylines[i])
        attributes = AttributeReader(names, cues, resolver).read()
        resolver.stand_ins()
        antecedents.remember(names, i, sentence.start)
        readings.append(
            SentenceReading(
                index=i,
                start=sentence.start,
                text=sentence.text,
                names=names.names(),
                frames=tuple(frames),
                attributes=tuple(attributes),
            )
        )
    readings = orient_variants(end_former_ties(readings, index), index)
    return prefer_stated_sizes(add_name_variants(readings, all_names))


def read_document(
    document: Document,
    sentences: Sequence[ParsedSentence],
    lexicon: Lexicon,
    cues: Cues,
    index: PatternIndex,
) -> DocumentFacts:
    return document_facts(document, sentence_readings(sentences, lexicon, cues, index), index)
