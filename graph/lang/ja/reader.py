"""One Japanese document's parsed sentences -> its readings -> its facts.

Two passes over the document. The first finds the candidate names of every sentence
(:mod:`graph.lang.ja.names`), their aliases in asides (``百度（バイドゥ）``) and every
other occurrence of a name once it is known, so that one name has one key throughout.
The second walks the sentences in order, keeping a little memory (the names met so far,
the last topic) to resolve anaphors (``同社``, ``同モデル``, ``両社``) and the subject the
previous sentence leaves to this one, and reads each sentence's frames
(:mod:`graph.lang.ja.frames`) and attribute values. The shared core then decides classes
and relations for the whole document (:func:`graph.extraction.facts.document_facts`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from graph.canonical import is_katakana, match_key, normalize_surface, slug
from graph.extraction.facts import STRONG_CUE, document_facts
from graph.extraction.patterns import PatternIndex
from graph.extraction.readings import (
    Argument,
    AttributeReading,
    Frame,
    Name,
    SentenceReading,
    Vote,
)
from graph.lang.ja.cues import Cues
from graph.lang.ja.frames import Placed, ProtoArgument, ProtoFrame, TriggerTable, build_frames
from graph.lang.ja.names import (
    Found,
    NameFinder,
    compound_before,
    introduces_a_name,
    sibling_votes,
)
from graph.lang.ja.parse import ParsedSentence, load_pipeline, long_run_warnings
from graph.lang.ja.syntax import is_predicate, surface_marker
from graph.lang.ja.text import CleanSentence
from graph.lang.ja.values import DATE, Value, ValueReader, parse_date
from graph.lang.ja.values import NameView as ValueView
from graph.lexicon import Lexicon
from graph.model import Document, DocumentFacts

__all__ = ["DocumentReader"]

_ALIAS = re.compile(r"[\u30a0-\u30ffA-Za-z0-9][\u30a0-\u30ffA-Za-z0-9\u4e00-\u9fff .\-・&]{0,39}")
_MODEL_CLASSES = frozenset({"AIModel", "Product"})
_RELEASES = frozenset(
    {
        "公開",
        "発表",
        "リリース",
        "発売",
        "登場",
        "提供",
        "公表",
        "商用化",
        "提供開始",
        "投入",
        "披露",
        "ローンチ",
        "一般公開",
        "無償公開",
        "正式発表",
        "配信",
        "搭載開始",
        "お披露目",
    }
)
_KATAKANA_COMPANY = re.compile(r"[\u30a1-\u30fa\u30fc]{3,}・?[\u30a1-\u30fa\u30fc]{4,}")
_VERSIONISH = re.compile(r"^(?:v?\d+(?:\.\d+)*[a-z]?|\d+(?:\.\d+)?[bmkt])$", re.IGNORECASE)
_SIZE_REFERENCE = re.compile(r"(?<![A-Za-z0-9.])(\d+(?:\.\d+)?[BM])(?:版)?(?:の)?(?:モデル|版)")
_NAMING = re.compile(
    r"(?:同|新|この|その|本)?(?P<noun>モデル|サービス|製品|システム|アプリ|AI|LLM|チャットボット)?"
    r"(?:の)?(?:名|名称|名前)は[、,]?\s*[「『](?P<name>[^」』]+)[」』]"
)
_CLAUSE_ASIDE = re.compile(r"[がにをで]|傘下|設立|創業|買収|開発|公開|発表|リリース|発売")
#: A space inside a kanji name (曽根岡 侑也): not part of the name.
_KANJI_SPACE = re.compile(r"(?<=[\u4e00-\u9fff\u3005])[ \u3000](?=[\u4e00-\u9fff])")
_PERSON = re.compile(
    r"[\u4e00-\u9fff\u3005]{2,6}"  # kanji
    r"|[\u4e00-\u9fff\u3005]{1,4}[ \u3000][\u4e00-\u9fff\u3005]{1,4}"  # 曽根岡 侑也
    r"|[\u30a0-\u30ff]{2,}(?:・[\u30a0-\u30ff]+)+"  # katakana, dotted
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+)+"  # Latin
)


@dataclass
class _Memory:
    """What the document has said so far."""

    hints: dict[str, dict[str, float]] = field(default_factory=lambda: defaultdict(dict))
    recent: list[tuple[str, str | None, bool]] = field(default_factory=list)  # key, hint, core
    topic: Placed | None = None  # the previous sentence's topic
    topics: list[Placed] = field(default_factory=list)  # earlier topics, latest first
    employers: dict[str, Placed] = field(default_factory=dict)  # person key -> company named
    # Who raised the money the text last spoke of, and how many sentences ago.
    round_owner: Placed | None = None
    round_age: int = 0
    type_nouns: dict[str, str] = field(default_factory=dict)  # モデル -> key introduced with it
    introduced: dict[str, list[str]] = field(default_factory=dict)  # モデル -> keys, oldest first
    canonicals: dict[str, str] = field(default_factory=dict)  # key -> canonical name
    # A dated release whose object the sentence did not name: (trigger, (value, type), raw)
    pending_release: tuple[str, tuple[str, str], str] | None = None
    last_date: tuple[int, int, int] | None = None  # (year, month or 0, day or 0) written last
    released: Placed | None = None  # the model or product the text last put out (Xが「M」を公開)

    def hint(self, key: str) -> str | None:
        votes = self.hints.get(key)
        if not votes:
            return None
        best = max(votes, key=lambda c: votes[c])
        return best if votes[best] >= 0.9 else None

    def learn(self, key: str, votes: Sequence[Vote]) -> None:
        table = self.hints[key]
        for vote in votes:
            table[vote.entity_class] = table.get(vote.entity_class, 0.0) + vote.weight


def _occurrences(word: str, text: str) -> Iterator[tuple[int, int]]:
    """Spans of ``word`` in ``text``, left to right, not overlapping (as re.finditer, but
    without compiling a pattern per word: the anaphors and type nouns are many)."""
    start = text.find(word)
    while start >= 0:
        yield start, start + len(word)
        start = text.find(word, start + len(word))


#: Roles of a training event that hold the model made or trained by it (not the base model
#: it starts from: に, から, を基に) or the company doing it.
_METHOD_USERS = frozenset({"ga", "head", "result", "poss"})


class DocumentReader:
    """Reads the documents of one build (state is per document, not per reader)."""

    def __init__(self, lexicon: Lexicon, cues: Cues, patterns: PatternIndex) -> None:
        self.lexicon = lexicon
        self.cues = cues
        self.patterns = patterns
        # Triggers only read with a head (軽量版, 出資先): nouns of a relation, not events.
        with_head: dict[str, bool] = {}
        transitive: set[str] = set()  # triggers some pattern reads with a を-object
        employing: set[str] = set()  # triggers of worksFor (採用, 移籍, 就任)
        tuning: set[str] = set()  # triggers of fineTunedFrom (継続事前学習, 微調整)
        for pattern in patterns.patterns:
            ends = [set(pattern.subject_role.split("|")), set(pattern.object_role.split("|"))]
            # one end is what the noun describes, the other only its possessor or prefix
            headed = any("head" in end for end in ends) and any(
                not end & {"ga", "wo"} for end in ends
            )
            for trigger in pattern.triggers:
                if not trigger.startswith("@") and trigger != "*":
                    with_head[trigger] = with_head.get(trigger, True) and headed
                    if "wo" in ends[0] | ends[1]:
                        transitive.add(trigger)
                    if pattern.relation == "worksFor":
                        employing.add(trigger)
                    if pattern.relation == "fineTunedFrom":
                        tuning.add(trigger)
        relational = {trigger for trigger, headed in with_head.items() if headed}
        self.triggers = TriggerTable.of(
            patterns.triggers,
            cues.titles,
            relational,
            transitive=transitive,
            employing=employing,
            tuning=tuning,
        )
        self.finder = NameFinder(lexicon, cues, self.triggers.words)
        self._doc = None  # the sentence being read (for the frame post-processing)
        self._sentence_companies: set[str] = set()  # organizations the sentence names

    def read(self, document: Document, sentences: Sequence[ParsedSentence]) -> DocumentFacts:
        found = [
            self.finder.find(s.clean.text, s.doc, [(a.anchor, a.text) for a in s.clean.asides])
            for s in sentences
        ]
        found = self._unify_keys(found, self._aside_people(sentences))
        found = self._propagate(sentences, found)
        found = _defined_names(sentences, found, self._alias_asides)
        known = _strongly_typed(found)
        found = [
            sibling_votes(s.clean.text, names, known)
            for s, names in zip(sentences, found, strict=True)
        ]
        memory = _Memory()
        attributes = ValueReader()
        readings = []
        for sentence, names in zip(sentences, found, strict=True):
            readings.append(self._read_sentence(sentence, names, memory, attributes))
        readings = _with_variants(readings, self.cues.edition_words, self.cues.tuning_editions)
        return document_facts(
            document,
            readings,
            self.patterns,
            warnings=tuple(long_run_warnings(document)),
            strong_cue=STRONG_CUE,
        )

    # ------------------------------------------------------------------ names, document-wide
    def _aside_people(self, sentences: Sequence[ParsedSentence]) -> dict[str, str]:
        """Written form -> name of the people asides name with a title
        (``（本社：東京都渋谷区、代表取締役CEO：鈴木一郎）``), so that a later ``鈴木氏`` is
        the same person."""
        people: dict[str, str] = {}
        for sentence in sentences:
            for aside in sentence.clean.asides:
                for _, _, _, written in self._titled_people(aside.text):
                    people.setdefault(written, written)
        return people

    def _titled_people(self, text: str) -> Iterator[tuple[str, int, str, str]]:
        """(title, offset in ``text``, the name as written, the name without spaces) for
        each ``TITLE：NAME`` part of an aside (``代表取締役:曽根岡 侑也``)."""
        offset = 0
        for part in re.split(r"(?<=[、,，;；])", text):
            title, _, person = re.sub(r"[、,，;；]$", "", part).partition(
                "：" if "：" in part else ":"
            )
            title, person = title.strip(), person.strip()
            if title and person and self.cues.title_at(title, 0) and _PERSON.fullmatch(person):
                yield title, offset + part.index(person), person, _KANJI_SPACE.sub("", person)
            offset += len(part)

    def _unify_keys(
        self, found: list[list[Found]], aside_people: Mapping[str, str] | None = None
    ) -> list[list[Found]]:
        """One canonical name per written form in a document (the gazetteer's if it knows
        it, else the first seen), so ``ツバサ・インテリジェンス`` and a later
        ``ツバサインテリジェンス`` are one entity."""
        canonical: dict[str, str] = {}
        for names in found:
            for name in sorted(names, key=lambda f: not f.lexical):
                canonical.setdefault(match_key(name.canonical), name.canonical)
                canonical.setdefault(match_key(name.surface), name.canonical)
        # "Opus" for "Claude 3 Opus": once a model's full name is written, its last word
        # alone names it, when no other model of the document ends the same way.
        owners: dict[str, set[str]] = {}
        for names in found:
            for name in names:
                words = re.split(r"[ \-_・·]+", name.canonical)
                models = any(v.entity_class == "AIModel" for v in name.votes)
                if (
                    models
                    and len(words) > 2
                    and len(words[-1]) > 2
                    and not _VERSIONISH.match(words[-1])
                ):
                    owners.setdefault(match_key(words[-1]), set()).add(name.canonical)
        for short, full in owners.items():
            # ("Opus" may be written before the full name: it still names it, unless the
            # gazetteer knows "Opus" as something of its own.)
            if len(full) == 1 and (
                short not in canonical or self.lexicon.lookup(canonical[short]) is None
            ):
                canonical[short] = next(iter(full))
        # "ソフトバンク" in an article about "ソフトバンクグループ": news shortens a group's
        # name; the two are one company there unless a sentence names both side by side.
        groups: dict[str, str] = {}
        for names in found:
            for name in names:
                stem = re.sub(
                    r"(?: ?Group| ?Holdings|グループ|ホールディングス)$", "", name.canonical
                )
                if stem != name.canonical and stem:
                    groups.setdefault(match_key(stem), name.canonical)
        together = {
            match_key(n.canonical)
            for names in found
            for n in names
            if any(
                match_key(m.canonical) != match_key(n.canonical)
                and groups.get(match_key(n.canonical)) == m.canonical
                for m in names
            )
        }
        for short, group in groups.items():
            # (A gazetteer entry of its own, ソフトバンク, stays itself: issue 10 item 20.)
            if (
                short not in together
                and short in canonical
                and self.lexicon.lookup(canonical[short]) is None
            ):
                canonical[short] = group
        # "川崎重工" for "川崎重工業": a company name that is already one (it ends in a
        # company-name ending) written a character or two short is the same company.
        written = {n.canonical for names in found for n in names if not n.role_only}
        for short in written:
            if self.cues.org_head(short) is None or self.lexicon.lookup(short) is not None:
                continue
            longer = [
                w
                for w in written
                if w.startswith(short)
                and 1 <= len(w) - len(short) <= 2
                and self.cues.org_head(w) is not None
            ]
            if len(longer) == 1:
                canonical[match_key(short)] = longer[0]
        # "Ha氏" after "David Ha氏", "メンシュ氏" after "アーサー・メンシュ氏": a person is
        # named again by the family name, when no other person of the document shares it.
        family: dict[str, set[str]] = {}
        for names in found:
            for name in names:
                for written in {name.canonical, name.surface}:  # Sam Altman, サム・アルトマン
                    words = re.split(r"[ ・·]+", written)
                    if _is_person(name) and len(words) >= 2 and len(words[-1]) >= 2:
                        family.setdefault(match_key(words[-1]), set()).add(name.canonical)

        # "蒼井氏" after "蒼井美咲氏": a kanji name is written surname first.
        kanji_people = {
            n.surface: n.canonical
            for names in found
            for n in names
            if _is_person(n) and re.fullmatch(r"[\u4e00-\u9fff\u3005]{3,6}", n.surface)
        }
        for written, person in (aside_people or {}).items():
            if re.fullmatch(r"[\u4e00-\u9fff\u3005]{3,6}", written):
                kanji_people.setdefault(written, person)
        for names in found:
            for name in names:
                surname = name.surface
                if _is_person(name) and re.fullmatch(r"[\u4e00-\u9fff\u3005]{1,3}", surname):
                    fuller = {
                        full
                        for written, full in kanji_people.items()
                        if written.startswith(surname) and written != surname
                    }
                    if len(fuller) == 1:
                        family.setdefault(match_key(surname), set()).update(fuller)

        # "Shengjiaは…" after "Shengjia Zhao氏": a Latin given name alone, when it is the
        # given name of one person of the document and the family name of no one.
        given: dict[str, set[str]] = {}
        for names in found:
            for name in names:
                words = name.canonical.split(" ")
                if _is_person(name) and len(words) == 2 and name.canonical.isascii():
                    given.setdefault(match_key(words[0]), set()).add(name.canonical)
        recent: dict[str, str] = {}  # family name -> the last person written in full with it

        def person(name: Found) -> str | None:
            key = match_key(name.canonical)
            full = family.get(key)
            single = len(re.split(r"[ ・·]+", name.canonical)) == 1
            # ("Wang は…" after "Alexandr Wang": a bare Latin family name with no cue of its
            # own names the one person of the document it is the family name of.)
            bare = not name.votes and not name.lexical and _FAMILY_NAME.fullmatch(name.canonical)
            if not single or not (_is_person(name) or bare):
                return None
            first = given.get(key)
            if not full and first and len(first) == 1:
                return next(iter(first))
            if full and len(full) == 1:
                return next(iter(full))
            # Two people share the family name: the one last written in full before it.
            return recent.get(key) if full else None

        out = []
        for names in found:
            unified = []
            for n in names:
                unified.append(
                    replace(
                        n,
                        canonical=person(n) or canonical.get(match_key(n.canonical), n.canonical),
                    )
                )
                words = re.split(r"[ ・·]+", n.canonical)
                if _is_person(n) and len(words) >= 2 and len(words[-1]) >= 2:
                    recent[match_key(words[-1])] = n.canonical
            out.append(unified)
        return out

    def _name_core(self, sentence: ParsedSentence, name: Found) -> str | None:
        """``光年之外`` for ``北京光年之外科技``: a company name without its city and its
        company-name ending, the way later sentences write it."""
        ending = self.cues.org_head(name.surface)
        if ending is not None and ending[1] and _KATAKANA_COMPANY.fullmatch(name.surface):
            # "シスコ" for "シスコシステムズ", "アーム" for "アーム・ホールディングス": a katakana
            # company name loses its katakana company-name ending (a word of its own) later.
            core = name.surface[: -len(ending[0])].rstrip("・")
            if (
                len(core) >= 3
                and len(ending[0]) >= 4
                and not self.cues.type_of_noun(core)
                and not self.finder._described_noun(core)
            ):
                return core
            return None
        if ending is None or not re.search(r"[\u4e00-\u9fff]", name.surface):
            return None
        start, end = name.start, name.end - len(ending[0])
        first = next((t for t in sentence.doc if t.idx == start), None)
        if first is not None and "地名" in first.tag_ and first.idx + len(first.text) < end:
            start = first.idx + len(first.text)
        core = sentence.clean.text[start:end]
        if len(core) < 2 or core == name.surface or start == name.start:
            return None  # (only a name written with its city: 北京一流科技 -> 一流 is a word)
        if self.cues.type_of_noun(core) or self.finder._described_noun(core):
            return None
        return core

    def _propagate(
        self, sentences: Sequence[ParsedSentence], found: list[list[Found]]
    ) -> list[list[Found]]:
        """Other occurrences of names the document has introduced with a cue (a katakana or
        kanji name is found by its marker once, then written bare)."""
        known: dict[str, Found] = {}
        for sentence, names in zip(sentences, found, strict=True):
            for name in names:
                if name.role_only or (not name.votes and not name.lexical):
                    continue
                if not name.surface.isascii() and len(name.surface) >= 2:
                    known.setdefault(name.surface, name)
                    core = self._name_core(sentence, name)
                    if core is not None:
                        known.setdefault(core, replace(name, surface=core))
            for owner, alias, _ in self._alias_asides(sentence, names):
                if not alias.isascii() and len(alias) >= 2:
                    known.setdefault(alias, replace(owner, surface=alias))
        if not known:
            return found
        pattern = re.compile("|".join(re.escape(s) for s in sorted(known, key=len, reverse=True)))
        out = []
        for sentence, names in zip(sentences, found, strict=True):
            text = sentence.clean.text
            taken = [(n.start, n.unit_end) for n in names]
            extra = []
            for match in pattern.finditer(text):
                start, end = match.span()
                if any(s < end and start < e for s, e in taken):
                    continue
                if self.finder._inside_word(sentence.doc, start, end):
                    continue
                if self.cues.type_of_noun(match.group(0)) and introduces_a_name(text, end):
                    continue  # 大規模言語モデル「X」: the type noun of the next name
                hit = known[match.group(0)]
                extra.append(
                    Found(start, end, end, match.group(0), hit.canonical, (), hit.wikidata, 0)
                )
                taken.append((start, end))
            merged = [
                replace(n, canonical=known[n.surface].canonical, votes=n.votes)
                if n.surface in known and (n.role_only or not (n.votes or n.lexical))
                else n
                for n in names
            ]
            out.append(sorted(merged + extra, key=lambda f: f.start))
        return out

    # ------------------------------------------------------------------ one sentence
    def _read_sentence(
        self,
        sentence: ParsedSentence,
        found: list[Found],
        memory: _Memory,
        attributes: ValueReader,
    ) -> SentenceReading:
        clean = sentence.clean
        doc = sentence.doc
        for name in found:
            memory.learn(name.key, name.votes)
            memory.canonicals.setdefault(name.key, name.canonical)
        references = self._references(clean.text, found, memory)
        placed = self._merge_tokens(doc, found, references, memory)
        self._doc = doc
        memory.round_age += 1
        if memory.round_age > 2:
            memory.round_owner = None  # a round is spoken of for a sentence or two
        # What the text has learnt of the carried names since they were placed.
        memory.topics = [replace(t, hint=memory.hint(t.key) or t.hint) for t in memory.topics]
        if memory.topic is not None:
            memory.topic = replace(
                memory.topic, hint=memory.hint(memory.topic.key) or memory.topic.hint
            )
        frames = build_frames(
            doc, clean.text, placed, self.triggers, self.cues, memory.topic, memory.round_owner
        )
        frames = [self._fitting_topic(frame, memory) for frame in frames]
        self._sentence_companies = {p.key for p in placed if p.hint == "Organization"}
        frames = [self._company_of_discourse(frame, memory) for frame in frames]
        frames = [self._partner_of_discourse(frame, memory) for frame in frames]
        frames = [_known_employer(frame, memory) for frame in frames]
        frames = self._round_investments(frames, memory)
        for frame in frames:
            if frame.blocked is None and (
                frame.trigger in _RELEASES or frame.trigger in _making_triggers(self.patterns)
            ):
                made = [
                    a.name
                    for a in frame.arguments
                    if a.role == "wo"
                    and a.via == "tree"
                    and (a.name.hint in _MODEL_CLASSES or a.name.hint is None)
                ]
                memory.released = made[-1] if made else memory.released
        names = self._names(sentence, found, references)
        names += self._aliases(sentence, found)
        readings = tuple(self._frame(sentence, f) for f in frames)
        methods, readings = self._method_events(sentence, frames, readings)
        names += methods
        readings += self._named_later(sentence, placed, memory)
        people, titles = self._aside_titles(sentence, found, memory)
        names += people
        readings += titles
        employers, affiliations = self._aside_affiliations(sentence, found)
        names += employers
        readings += affiliations
        appositions = self._aside_appositions(sentence, found)
        for name in appositions:
            memory.learn(name.key, name.votes)
            memory.canonicals.setdefault(name.key, name.canonical)
        names += appositions
        clause_names, clause_frames, clause_values = self._aside_clauses(sentence, found, memory)
        names += clause_names
        readings += clause_frames
        values = self._attributes(sentence, found, references, memory, attributes, frames)
        values += clause_values
        self._remember(clean.text, found, references, placed, memory)
        return SentenceReading(
            sentence.index, sentence.start, sentence.text, tuple(names), readings, values
        )

    def _doc_span(self, sentence: ParsedSentence, start: int, end: int) -> tuple[int, int]:
        first, last = sentence.clean.original_span(start, end)
        return sentence.start + first, sentence.start + last

    def _names(
        self, sentence: ParsedSentence, found: list[Found], references: list[tuple[Found, bool]]
    ) -> list[Name]:
        out = []
        for name in found:
            start, end = self._doc_span(sentence, name.start, name.end)
            out.append(
                Name(
                    start,
                    end,
                    sentence.document.text[start:end],
                    name.key,
                    name.canonical,
                    name.votes,
                    name.wikidata,
                    inferable=name.inferable,
                    weak=name.role_only,
                )
            )
        for reference, _ in references:
            start, end = self._doc_span(sentence, reference.start, reference.end)
            out.append(
                Name(
                    start,
                    end,
                    reference.surface,
                    reference.key,
                    reference.canonical,
                    reference.votes,
                    None,
                    True,
                )
            )
        return out

    def _alias_asides(
        self, sentence: ParsedSentence, found: list[Found]
    ) -> list[tuple[Found, str, int]]:
        """(owner, alias, offset in the sentence) for each aside that is another name of the
        name it follows: a reading, an acronym, an English name (``百度（バイドゥ）``)."""
        out = []
        for aside in sentence.clean.asides:
            owner = _before_aside(found, sentence.clean.text, aside.anchor)
            if owner is None:
                continue
            text = aside.text.strip()
            if not _ALIAS.fullmatch(text) or "：" in text or ":" in text:
                continue
            if re.search(r"\d{4}年|\d+月", text) or len(text) < 2:
                continue
            if re.fullmatch(r"[\d.,%％\s]+(?:[万億兆千]|[BMKT]|パラメータ[ー]?)*", text):
                continue  # "GPT-4o(0.848)", "「Gemma 7B」(70億)": a score or a size, no name
            if text in self.cues.generic_latin:
                continue
            if self._affiliation(owner, text) is not None:
                continue  # "鈴木氏（ミナセ技研CEO）": where the person works, not a second name
            out.append((owner, text, aside.start + (len(aside.text) - len(aside.text.lstrip()))))
        return out

    def _affiliation(self, owner: Found, text: str) -> tuple[str, str] | None:
        """(organization, title) when an aside after a person names where the person works:
        ``鈴木一郎氏（ミナセ技研CEO）``, ``山田太郎教授（東京大学）``. Without a title the
        organization must show itself as one (a company-name ending, the gazetteer): an aside
        after a name is as often a reading or an age."""
        if not any(v.entity_class == "Person" for v in owner.votes):
            return None
        body = text.strip()
        title = max(
            (t for t in self.cues.titles if body.endswith(t) and len(body) > len(t)),
            key=len,
            default="",
        )
        organization = body[: len(body) - len(title)].rstrip(" ・")
        if len(organization) < 2 or re.search(r"[、,，:：\d]|歳$", organization):
            return None
        entry = self.lexicon.lookup(organization)
        if entry is not None and entry.entity_class != "Organization":
            return None  # "Mark Zuckerberg(マーク・ザッカーバーグ)氏": the name again
        known = entry is not None
        headed = self.cues.org_head(organization) is not None  # 東京大学, ミナセ技研
        if known or headed or (title and self.finder._fit_org(organization)):
            return organization, title
        return None

    def _aside_appositions(self, sentence: ParsedSentence, found: list[Found]) -> list[Name]:
        """``国産LLM(OpenCALM)``, ``新モデル（Aoba-7B）``: a name in brackets after a type
        noun is what the type noun names; the noun gives its class."""
        out = []
        text = sentence.clean.text
        for aside in sentence.clean.asides:
            name = aside.text.strip().strip("「」『』")
            if _before_aside(found, text, aside.anchor) is not None:
                continue  # an aside after a name glosses that name
            if not re.fullmatch(r"[A-Za-z][A-Za-z0-9.\-]*(?: [A-Za-z0-9.\-]+){0,3}", name):
                continue
            if name in self.cues.generic_latin or len(name) < 3:
                continue
            compound, joiner = compound_before(text, aside.anchor)
            entity_class = self.cues.type_of_noun(compound) if joiner == "" else None
            if entity_class is None:
                continue
            at = sentence.start + aside.start + aside.text.index(name)
            entry = self.lexicon.lookup(name)
            canonical = entry.name if entry is not None else name
            vote = Vote(entity_class, 3.0, f"type-noun:{compound}")
            out.append(Name(at, at + len(name), name, slug_of(canonical), canonical, (vote,)))
        return out

    def _aside_affiliations(
        self, sentence: ParsedSentence, found: list[Found]
    ) -> tuple[list[Name], tuple[Frame, ...]]:
        """The organization an affiliation aside names, and the person's tie to it."""
        names: list[Name] = []
        frames: list[Frame] = []
        for aside in sentence.clean.asides:
            owner = _before_aside(found, sentence.clean.text, aside.anchor)
            if owner is None:
                continue
            affiliation = self._affiliation(owner, aside.text)
            if affiliation is None:
                continue
            organization, _ = affiliation
            at = sentence.start + aside.start + aside.text.index(organization)
            entry = self.lexicon.lookup(organization)
            canonical = entry.name if entry is not None else organization
            votes = (Vote("Organization", 3.0, "aside:affiliation"),)
            if entry is not None:
                votes = (Vote(entry.entity_class, 10.0, "lexicon"), *votes)
            name = Name(
                at,
                at + len(organization),
                organization,
                slug_of(canonical),
                canonical,
                votes,
                entry.wikidata if entry is not None else None,
            )
            names.append(name)
            person_start, person_end = self._doc_span(sentence, owner.start, owner.end)
            arguments = (
                Argument(owner.key, "head", person_start, person_end),
                Argument(name.key, "poss", name.start, name.end),
            )
            frames.append(Frame("@title", name.start, name.end, arguments))
        return names, tuple(frames)

    def _aliases(self, sentence: ParsedSentence, found: list[Found]) -> list[Name]:
        out = []
        for owner, text, offset in self._alias_asides(sentence, found):
            start = sentence.start + offset
            out.append(Name(start, start + len(text), text, owner.key, owner.canonical))
        return out

    def _aside_titles(
        self, sentence: ParsedSentence, found: list[Found], memory: _Memory | None = None
    ) -> tuple[list[Name], tuple[Frame, ...]]:
        """``株式会社X（本社：大阪市、代表取締役社長：真柴悠人）``: the people an aside names
        with their title hold that title at the company the aside follows."""
        names: list[Name] = []
        frames: list[Frame] = []
        for aside in sentence.clean.asides:
            owner = _before_aside(found, sentence.clean.text, aside.anchor)
            if owner is None or not re.search(r"[:：]", aside.text):
                continue
            for title, offset, person, written in self._titled_people(aside.text):
                at = sentence.start + aside.start + offset
                end = at + len(person)
                vote = Vote("Person", 4.0, f"title:{title}")
                name = Name(at, end, person, slug_of(written), written, (vote,))
                owner_start, owner_end = self._doc_span(sentence, owner.start, owner.end)
                names.append(name)
                arguments = (
                    Argument(name.key, "head", at, end),
                    Argument(owner.key, "poss", owner_start, owner_end),
                )
                frames.append(Frame("@title", at, end, arguments))
                if memory is not None:
                    # (a later "鈴木CEOは" holds the title at this company)
                    employer = Placed(
                        owner.key, owner.start, owner.end, owner.unit_end, -1, False, "Organization"
                    )
                    memory.employers.setdefault(name.key, employer)
        return names, tuple(frames)

    def _aside_clauses(
        self, sentence: ParsedSentence, found: list[Found], memory: _Memory
    ) -> tuple[list[Name], tuple[Frame, ...], tuple[AttributeReading, ...]]:
        """``米MosaicML（2023年に米Databricksが買収）``: an aside that is a clause says something
        of the name it follows. It is read as the relative clause it stands for
        ("2023年に米Databricksが買収したMosaicML"), parsed on its own."""
        names: list[Name] = []
        frames: list[Frame] = []
        values: list[AttributeReading] = []
        for aside in sentence.clean.asides:
            owner = _before_aside(found, sentence.clean.text, aside.anchor)
            text = aside.text
            if owner is None or len(text) > 60 or not _CLAUSE_ASIDE.search(text):
                continue
            if self.triggers.pattern.search(text) is None:
                continue
            glue = "した" if re.search(r"[\u4e00-\u9fff]$", text) else ""
            synthetic = text + glue + owner.surface
            original = sentence.clean
            positions = [aside.start + i for i in range(len(text))]
            positions += [aside.end - 1] * len(glue)
            positions += [original.to_original(owner.start + i) for i in range(len(owner.surface))]
            clean = CleanSentence(original.original, synthetic, tuple(positions), ())
            doc = _nlp()(synthetic)
            inner = ParsedSentence(sentence.document, sentence.index, sentence.start, doc, clean)
            inner_found = [n for n in self.finder.find(synthetic, doc) if n.surface]
            inner_found = [
                replace(n, canonical=owner.canonical, votes=())
                if n.start == len(text) + len(glue)
                else n
                for n in inner_found
            ]
            placed = self._merge_tokens(doc, inner_found, [], memory)
            protos = build_frames(doc, synthetic, placed, self.triggers, self.cues)
            frames += [self._frame(inner, proto) for proto in protos]
            names += [n for n in self._names(inner, inner_found, []) if n.key != owner.key]
            values += self._attributes(inner, inner_found, [], memory, ValueReader(), protos, False)
        return names, tuple(frames), tuple(values)

    # ------------------------------------------------------------------ anaphora
    def _references(
        self, text: str, found: list[Found], memory: _Memory
    ) -> list[tuple[Found, bool]]:
        """同社, 同モデル, 両社 …: the earlier names they stand for, as extra names."""
        out: list[tuple[Found, bool]] = []
        taken = [(n.start, n.unit_end) for n in found]
        for word, entity_class in self.cues.anaphors:
            for start, end in _occurrences(word, text):
                if any(s < end and start < e for s, e in taken):
                    continue
                if text[end : end + 1] in ("「", "『", "・"):
                    continue  # a type noun introducing a new name
                if start > 0 and re.match(r"[\u4e00-\u9fff\u30a0-\u30ff]", text[start - 1]):
                    continue  # inside a word: 共同創業者 is no 同創業者
                antecedents = self._antecedents(word, entity_class, start, text, found, memory)
                # "同社" says the name it stands for is a company: one cue among the others.
                vote = (Vote(entity_class, 1.5, f"anaphor:{word}"),)
                for canonical in antecedents:
                    out.append((Found(start, end, end, word, canonical, vote), True))
                if antecedents:
                    taken.append((start, end))
        # "70Bモデル", "8B版": the model met earlier whose name carries that size.
        for match in _SIZE_REFERENCE.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            size = re.compile(rf"(?<![0-9.]){re.escape(match.group(1))}(?![0-9a-z])", re.IGNORECASE)
            # Of the models with that size, the one introduced first: an article presents its
            # own models before the ones they are compared with or built on.
            for key in list(memory.canonicals):
                if memory.hint(key) == "AIModel" and size.search(memory.canonicals.get(key, "")):
                    out.append(
                        (Found(start, end, end, match.group(0), memory.canonicals[key]), True)
                    )
                    taken.append((start, end))
                    break
        # A bare type noun used before to introduce a name stands for it: "基盤モデルの開発は".
        for noun, key in sorted(memory.type_nouns.items(), key=lambda kv: -len(kv[0])):
            if len(noun) < 4:
                continue  # モデル, AI alone are too common to stand for one name
            for start, end in _occurrences(noun, text):
                if any(s < end and start < e for s, e in taken) or introduces_a_name(text, end):
                    continue
                predicate = re.match(r"(?:。|$|だ|である|です)", text[end:]) is not None
                if start > 0 and re.match(r"[\u30a0-\u30ff\u4e00-\u9fffA-Za-z]", text[start - 1]):
                    continue  # inside a longer noun
                if start > 0 and text[start - 1] in "なのた" and not predicate:
                    # described anew ("オープンな基盤モデル"), unless the sentence ends on it:
                    # "…を強化したAIモデル。" describes the model the text is about.
                    continue
                if re.match(r"[\u30a0-\u30ff\u4e00-\u9fffA-Za-z「『]", text[end : end + 1]):
                    continue
                out.append((Found(start, end, end, noun, memory.canonicals[key]), True))
                taken.append((start, end))
        return out

    def _antecedents(
        self,
        word: str,
        entity_class: str,
        position: int,
        text: str,
        found: list[Found],
        memory: _Memory,
    ) -> list[str]:
        """Canonical names of what an anaphor stands for (two for 両社), or none."""
        noun = (
            word[1:]
            if word[:1] in "同本当"
            else word[2:]
            if word[:2] in ("この", "その", "当該")
            else ""
        )
        if noun in memory.type_nouns:
            # "同モデル": of the names introduced as a モデル, the one the text is about (a
            # recent topic), else the last one.
            introduced = memory.introduced.get(noun, [])
            topical = next((t.key for t in memory.topics if t.key in introduced), None)
            return [memory.canonicals[topical or memory.type_nouns[noun]]]
        typed = noun and entity_class in _MODEL_CLASSES
        if word[:2] in ("この", "その"):
            # "「B」は…。このモデルは…": a model or product noun with a determiner stands for
            # the one the text is about or has just put out; "その技術" points back only to
            # something introduced as a 技術.
            return self._typed_antecedent(entity_class, position, found, memory) if typed else []
        before = [n for n in found if n.end <= position]
        topic_now = [n.key for n in before if _is_topic(text, n)]
        earlier = memory.recent + [
            (n.key, memory.hint(n.key), _is_subject(text, n)) for n in before
        ]
        # The order a reader resolves 同社 in: this sentence's topic, the previous sentence's
        # topic, the last subject, the last name of the class. As an object (同社に出資) it
        # is another company than the sentence's own subject: the last one named.
        as_subject = surface_marker(text, position + len(word)) in ("は", "が", "も", "では", "の")
        ranked: list[str] = topic_now[:1] if as_subject else []
        if as_subject and not topic_now:
            # "日本IBMが開催したイベントで同社の山口社長は": this sentence's own subject first
            ranked += [n.key for n in reversed(before) if _is_subject(text, n)][:1]
        if memory.topic is not None and as_subject:
            ranked.append(memory.topic.key)
        if not as_subject:
            ranked += [key for key, _, _ in reversed(earlier) if key not in topic_now]
        ranked += [key for key, _, subject in reversed(earlier) if subject]
        ranked += [key for key, _, _ in reversed(earlier)]
        wanted = 2 if word.startswith("両") else 1
        if wanted == 2:  # 両社: the two companies most recently named
            ranked = [key for key, _, _ in reversed(earlier)]
        out: list[str] = []
        for strict in (True, False):
            for key in ranked:
                hint = memory.hint(key)
                if strict:
                    fits = hint == entity_class and (word != "それ" or hint in _MODEL_CLASSES)
                else:
                    fits = (
                        hint is None
                        and entity_class == "Organization"
                        and key in topic_now + [k for k, _, subject in earlier if subject]
                    )
                if fits and key not in out:
                    out.append(key)
                if len(out) == wanted:
                    break
            if len(out) == wanted:
                break
        if len(out) < wanted:
            # "Xは「B」を公開した。同モデルは…": B, not typed yet, was just put out.
            return self._typed_antecedent(entity_class, position, found, memory) if typed else []
        return [memory.canonicals[key] for key in out]

    def _typed_antecedent(
        self, entity_class: str, position: int, found: list[Found], memory: _Memory
    ) -> list[str]:
        """A name of the type noun's class written before it in the sentence, else the
        latest topic, the model or product just put out, the latest name of that class (the
        latest topic or the one just put out counts while not typed yet)."""
        for name in sorted(found, key=lambda n: -n.start):
            if name.end <= position and memory.hint(name.key) == entity_class:
                return [memory.canonicals.get(name.key, name.canonical)]
        ranked = [t.key for t in memory.topics]
        if memory.released is not None:
            ranked.append(memory.released.key)
        salient = set(ranked[:1] + ranked[-1:] if memory.released is not None else ranked[:1])
        ranked += [key for key, _, _ in reversed(memory.recent)]
        for key in dict.fromkeys(ranked):
            hint = memory.hint(key)
            shaped = hint is None and key in salient
            if hint == entity_class or shaped:
                return [memory.canonicals[key]] if key in memory.canonicals else []
        return []

    # ------------------------------------------------------------------ tokens
    def _merge_tokens(
        self,
        doc,
        found: list[Found],
        references: list[tuple[Found, bool]],
        memory: _Memory,
    ) -> list[Placed]:
        """Make each name one token (its parse is the parse of its head), then place it."""
        units = [(n, False) for n in found] + references
        spans = []
        used: set[int] = set()
        for name, _ in sorted(units, key=lambda u: u[0].start):
            span = doc.char_span(name.start, name.unit_end, alignment_mode="expand")
            if span is None or len(span) < 2:
                continue
            indices = set(range(span.start, span.end))
            if indices & used:
                continue
            used |= indices
            spans.append(span)
        if spans:
            for span in spans:
                _root_at_last_word(span)
            with doc.retokenize() as retokenizer:
                for span in spans:
                    retokenizer.merge(span)
        placed = []
        for name, is_reference in units:
            span = doc.char_span(name.start, max(name.end, name.start + 1), alignment_mode="expand")
            if span is None:
                continue
            hint = memory.hint(name.key)
            placed.append(
                Placed(
                    name.key,
                    name.start,
                    name.end,
                    name.unit_end,
                    span.root.i,
                    is_reference,
                    hint,
                )
            )
        # Two references at one token (両社) stay two names, one group.
        return sorted(placed, key=lambda p: (p.start, p.key))

    # ------------------------------------------------------------------ frames and values
    def _round_investments(self, frames: list[ProtoFrame], memory: _Memory) -> list[ProtoFrame]:
        """``…で3億ユーロを調達し、NVIDIAも出資に加わった``: an investment that names no
        investee is in the round just told of; the company that raised it is remembered."""
        raising, investing = _funding_triggers(self.patterns)
        out = []
        for frame in sorted(frames, key=lambda f: f.start):
            roles = {r for a in frame.arguments for r in a.role.split("|")}
            if frame.blocked in (None, "past") and frame.trigger in raising:
                subject = next((a.name for a in frame.arguments if a.role == "ga"), None)
                if subject is not None:
                    memory.round_owner, memory.round_age = subject, 0
            elif frame.blocked in (None, "past") and frame.trigger in investing:
                target = next((a.name for a in frame.arguments if a.role in ("ni", "round")), None)
                if target is not None:
                    memory.round_owner, memory.round_age = target, 0
                elif "ga" in roles and memory.round_owner is not None:
                    owner = memory.round_owner
                    if owner.key not in {a.name.key for a in frame.arguments}:
                        added = ProtoArgument(owner, "round", "previous", 0.15)
                        frame = replace(frame, arguments=(*frame.arguments, added))
            out.append(frame)
        return out

    def _company_of_discourse(self, frame: ProtoFrame, memory: _Memory) -> ProtoFrame:
        """``伊藤錬氏も共同創業に加わった``, ``X氏は2020年に入社した``: what a person does
        toward a company the sentence leaves unnamed is toward the company the text is about."""
        if frame.blocked is not None or self._unplaced_title(frame):
            return frame
        if frame.trigger in _RELEASES:
            return frame  # "CEOのX氏が発表した": announcing is no tie to what is left out
        people = [a for a in frame.arguments if a.name.hint == "Person"]
        company = _company_spoken_of(memory)
        if not people or company is None or company.key in {a.name.key for a in frame.arguments}:
            return frame
        for pattern in self.patterns.for_trigger(frame.trigger):
            if (
                pattern.object_classes != {"Organization"}
                or "Person" not in pattern.subject_classes
            ):
                continue
            if {"round", "stake"} & set(pattern.object_role.split("|")):
                continue  # a round or a share is spoken of as such (同ラウンド, 株), not left out
            subject_roles = set(pattern.subject_role.split("|"))
            object_roles = pattern.object_role.split("|")
            if object_roles[0] == "ni" and frame.clause >= 0 and self._has_ni(frame):
                continue  # "アルトマン氏復帰の動きに加わった": joined something, named or not
            if not any(set(a.role.split("|")) & subject_roles for a in people):
                continue
            if any(
                set(a.role.split("|")) & set(object_roles)
                for a in frame.arguments
                if a not in people  # (高橋CEO: the person glued to the title is no company)
            ):
                continue
            glued = any(set(a.role.split("|")) & set(object_roles) for a in people)
            if glued and self._sentence_companies - {company.key}:
                continue  # "OpenAIで起きたアルトマンCEOの解任": the company is in the sentence
            added = ProtoArgument(company, object_roles[0], "previous", 0.2)
            return replace(frame, arguments=(*frame.arguments, added))
        return frame

    def _partner_of_discourse(self, frame: ProtoFrame, memory: _Memory) -> ProtoFrame:
        """``この開発は産業技術総合研究所との共同研究の一環で行われた``: a partnership
        with one party named and none doing it is the company the text is about's."""
        if frame.blocked is not None:
            return frame
        roles = [r for a in frame.arguments for r in a.role.split("|")]
        partners = [a for a in frame.arguments if a.role == "to"]
        company = next((t for t in memory.topics if t.hint == "Organization"), None)
        if (
            len(partners) != 1
            or any(r in ("ga", "poss", "prefix") for r in roles)
            or company is None
            or company.key == partners[0].name.key
            or not any(
                p.relation == "partneredWith"
                and "to" in p.subject_role.split("|") + p.object_role.split("|")
                for p in self.patterns.for_trigger(frame.trigger)
            )
        ):
            return frame
        added = ProtoArgument(company, "ga", "previous", 0.2)
        return replace(frame, arguments=(*frame.arguments, added))

    def _unplaced_title(self, frame: ProtoFrame) -> bool:
        """``AI研究者であるX氏``, ``ホワイトハウスの…責任者``: an occupation, or a post at a
        place the text names without a name we read, says nothing of the text's company."""
        doc = self._doc
        if frame.trigger != "@title" or doc is None:
            return False
        if doc.text[frame.start : frame.end] in self.cues.occupations:
            return True
        title = doc.char_span(frame.start, frame.end, alignment_mode="expand")
        roles = {*self.triggers.titles, *self.cues.founder_roles, *self.cues.author_roles}
        return title is not None and any(
            t.dep_ == "case" and t.text == "の" and t.i < title.root.i and t.head.text not in roles
            for t in title.root.subtree
        )

    def _has_ni(self, frame: ProtoFrame) -> bool:
        doc = self._doc
        if doc is None or frame.clause >= len(doc):
            return False
        return any(
            any(g.dep_ == "case" and g.text in ("に", "へ") for g in child.children)
            # ("2025年11月に入社した": a time is when, not what was joined)
            and "副詞可能" not in child.tag_  # 今年, 昨年
            and not (child.text in ("年", "月", "日") or any(c.like_num for c in child.children))
            for child in doc[frame.clause].children
        )

    def _fitting_topic(self, frame: ProtoFrame, memory: _Memory) -> ProtoFrame:
        """The subject a sentence leaves out is the latest topic *that can do the act*:
        after "Jones氏は…として知られる。", "…で3000万ドルを調達した" is the company's act,
        so a topic whose class no pattern of the trigger takes gives way to an earlier one.
        The act's other end counts too: after "Xは「M」を公開した。", "…「Y」を超えるスコアを
        獲得した" compares a model with a model, so the model the text has just put out
        (memory.released) does it, not the company."""
        arguments = list(frame.arguments)
        patterns = self.patterns.for_trigger(frame.trigger)
        for position, argument in enumerate(arguments):
            if argument.via != "previous" or argument.role != "ga":
                continue
            others = [a for a in arguments if a is not argument and a.via != "previous"]
            if argument.name.hint is None or self._can_do(argument.name, others, patterns):
                continue
            candidates = [*memory.topics[1:], *([memory.released] if memory.released else [])]
            taken = {a.name.key for a in arguments}
            fitting = next(
                (
                    t
                    for t in candidates
                    if t.hint is not None
                    and t.key not in taken
                    and self._can_do(t, others, patterns)
                ),
                None,
            )
            if fitting is not None:
                arguments[position] = replace(
                    argument, name=fitting, penalty=argument.penalty + 0.05
                )
        return replace(frame, arguments=tuple(arguments))

    @staticmethod
    def _can_do(name: Placed, others: list[ProtoArgument], patterns) -> bool:
        """Some pattern of the trigger takes ``name`` as its が-end, and, where the frame
        names the other end with a known class, that end too (of the same class when the
        pattern says so)."""
        if not any(
            name.hint in classes
            for pattern in patterns
            for role, classes in (
                (pattern.subject_role, pattern.subject_classes),
                (pattern.object_role, pattern.object_classes),
            )
            if "ga" in role.split("|")
        ):
            return not any(
                "ga" in role.split("|")
                for pattern in patterns
                for role in (pattern.subject_role, pattern.object_role)
            )
        for pattern in patterns:
            for own_role, own, other_role, other in (
                (
                    pattern.subject_role,
                    pattern.subject_classes,
                    pattern.object_role,
                    pattern.object_classes,
                ),
                (
                    pattern.object_role,
                    pattern.object_classes,
                    pattern.subject_role,
                    pattern.subject_classes,
                ),
            ):
                if "ga" not in own_role.split("|") or name.hint not in own:
                    continue
                filling = [
                    a
                    for a in others
                    if set(a.role.split("|")) & set(other_role.split("|")) and a.name.hint
                ]
                if not filling:
                    return True
                if any(
                    a.name.hint in other and (not pattern.same_class or a.name.hint == name.hint)
                    for a in filling
                ):
                    return True
        return False

    def _named_later(
        self, sentence: ParsedSentence, placed: Sequence[Placed], memory: _Memory
    ) -> tuple[Frame, ...]:
        """``Xは新モデルを発表した。モデル名は「Takane」``: a sentence that only names what
        the text has just introduced names the company's new model (or product)."""
        match = _NAMING.match(sentence.clean.text)
        company = next((t for t in memory.topics if t.hint == "Organization"), None)
        if match is None or company is None:
            return ()
        start = match.start("name")
        named = next((p for p in placed if p.start == start), None)
        if named is None or named.key == company.key:
            return ()
        noun = match.group("noun") or ""
        trigger = "@named-product" if noun in ("サービス", "製品", "アプリ") else "@named-model"
        at, end = self._doc_span(sentence, named.start, named.end)
        arguments = (
            Argument(company.key, "ga", at, end, "previous", 0.2),
            Argument(named.key, "wo", at, end, "tree", 0.0),
        )
        return (Frame(trigger, at, end, arguments),)

    def _method_events(
        self,
        sentence: ParsedSentence,
        frames: list[ProtoFrame],
        readings: tuple[Frame, ...],
    ) -> tuple[list[Name], tuple[Frame, ...]]:
        """``Xに継続事前学習を行った「Y」``, ``「Y」の事後学習では``: a training event whose word
        names a technique (cues ``method_events``) says the model it makes or trains was made
        by that technique; the word becomes a Technique name in the role "method". Only a
        frame with a doer, a result or an owner of the event gets it (a method merely
        spoken of, ``事前学習とは…``, names no fact)."""
        names: list[Name] = []
        out = []
        for proto, reading in zip(frames, readings, strict=True):
            word = sentence.clean.text[proto.start : proto.end]
            technique = self.cues.method_of(word) or self.cues.method_of(proto.trigger)
            span = (reading.start, reading.end)
            if technique is None and proto.trigger == "@tuned":
                # "「Kiri 2」の日本語継続事前学習モデル「Aoi」": the noun calling Aoi the tuned
                # model of Kiri 2 names the method it was tuned by.
                technique, span = self._method_between(sentence, proto, span)
            # (the model made is in the clause itself or owns the work it is part of,
            # "「X」の開発では…追加学習した": a topic or the previous sentence's subject is as
            # often the base model or the company)
            roles = {
                r
                for a in proto.arguments
                if a.via in ("tree", "relative", "round")
                for r in a.role.split("|")
            }
            results = []
            if any(a.role == "basis" for a in proto.arguments):
                # "「Emi」は、「SDXL」をベースにミナセ技研が追加学習をした…モデルだ": with the
                # base named, the sentence's topic is what the training made
                results = [
                    Argument(
                        a.name.key,
                        "result",
                        *self._doc_span(sentence, a.name.start, a.name.end),
                        a.via,
                        a.penalty,
                    )
                    for a in proto.arguments
                    if a.via == "topic" and set(a.role.split("|")) & {"wo", "ni"}
                ]
            if technique is None or proto.blocked or not (roles & _METHOD_USERS or results):
                out.append(reading)
                continue
            entry = self.lexicon.lookup(technique)
            canonical = entry.name if entry is not None else technique
            key = slug(canonical)
            if any(a.key == key for a in reading.arguments):
                out.append(reading)
                continue
            vote = Vote("Technique", STRONG_CUE * 5, "method-event")
            names.append(
                Name(
                    span[0],
                    span[1],
                    sentence.document.text[span[0] : span[1]],
                    key,
                    canonical,
                    (vote,),
                    entry.wikidata if entry is not None else None,
                )
            )
            method = Argument(key, "method", reading.start, reading.end)
            out.append(replace(reading, arguments=(*reading.arguments, *results, method)))
        return names, tuple(out)

    def _method_between(
        self, sentence: ParsedSentence, proto: ProtoFrame, span: tuple[int, int]
    ) -> tuple[str | None, tuple[int, int]]:
        """The training method a tuned-model noun names between the base and the model
        (``Xの日本語継続事前学習モデル「Y」`` -> continued pretraining), with its place in the
        document; the longest method word wins (継続事前学習 over 事前学習)."""
        base = next((a.name for a in proto.arguments if a.role == "wo"), None)
        model = next((a.name for a in proto.arguments if a.role == "ga"), None)
        if base is None or model is None or base.unit_end >= model.start:
            return None, span
        text = sentence.clean.text
        found: tuple[str, int, int] | None = None
        for word, technique in self.cues.method_events:
            at = text.find(word, base.unit_end, model.start)
            if at >= 0 and (found is None or len(word) > found[2] - found[1]):
                found = (technique, at, at + len(word))
        if found is None:
            return None, span
        return found[0], self._doc_span(sentence, found[1], found[2])

    def _frame(self, sentence: ParsedSentence, frame: ProtoFrame) -> Frame:
        start, end = self._doc_span(sentence, frame.start, frame.end)
        arguments = []
        for argument in frame.arguments:
            name = argument.name
            if argument.via == "previous":
                a_start, a_end = start, end  # the name is in the previous sentence
            else:
                a_start, a_end = self._doc_span(sentence, name.start, name.end)
            arguments.append(
                Argument(name.key, argument.role, a_start, a_end, argument.via, argument.penalty)
            )
        return Frame(frame.trigger, start, end, tuple(arguments), frame.blocked)

    def _attributes(
        self,
        sentence: ParsedSentence,
        found: list[Found],
        references: list[tuple[Found, bool]],
        memory: _Memory,
        reader: ValueReader,
        frames: list[ProtoFrame],
        carry: bool = True,
    ) -> tuple[AttributeReading, ...]:
        text = sentence.clean.text
        views = []
        for name in [*found, *(r for r, _ in references)]:
            hint = memory.hint(name.key)
            end = name.unit_end + (
                1 if text[name.unit_end : name.unit_end + 1] in ("」", "』") else 0
            )
            quoted = name.start > 0 and text[name.start - 1] in "「『"  # (not the empty slice at 0)
            if hint is None and (quoted or _model_shaped(name.surface)):
                hint = "AIModel"  # may be a model: the document's class decision has the last word
            views.append(ValueView(name.start, end, name.surface, name.key, name.canonical, hint))
        views.sort(key=lambda v: v.start)
        values = reader.read(text, views)
        values += self._release_dates(sentence, views, frames, memory if carry else None)
        out = []
        for value in values:
            start, end = self._doc_span(sentence, *value.span)
            classes = _MODEL_CLASSES if value.property == "releaseDate" else frozenset({"AIModel"})
            out.append(
                AttributeReading(
                    subject=value.subject.key,
                    property=value.property,
                    value=value.value,
                    datatype=value.datatype,
                    start=start,
                    end=end,
                    raw_text=value.raw_text,
                    method=value.method,
                    confidence=value.confidence,
                    classes=classes,
                    unit=value.unit,
                    baseline=value.baseline.key if value.baseline else None,
                )
            )
        return tuple(out)

    def _release_dates(
        self,
        sentence: ParsedSentence,
        views: list[ValueView],
        frames: list[ProtoFrame],
        memory: _Memory | None = None,
    ) -> list[Value]:
        """``2024年3月21日、「Yotsuba-LM」を公開した``, ``2024年に公開した「Akebono-Art」``,
        ``「Shizuku」（2023年7月公開）``: a date dating a release verb dates what it releases.
        ``楽天は3月21日、LLMを公開した。公開したのは「A」…``: a release the sentence dates but
        names no model for is dated again where the next sentence names them."""
        text, doc = sentence.clean.text, sentence.doc
        by_key = {v.key: v for v in views}
        out: list[Value] = []
        dated: set[int] = set()
        pending = None
        if memory is not None:
            pending, memory.pending_release = memory.pending_release, None
        for match, parsed in _dates(text, memory):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None:
                continue
            after = text[match.end() :]
            if after.startswith(("まで", "にかけて", "以降", "以来", "末", "中")) or (
                after.startswith("から") and re.search(r"まで|にかけて", after)
            ):
                continue  # a period, not the day of a release ("同日から公開" is one)
            governor = span.root
            release_nouns = {f.clause for f in frames if f.trigger in _RELEASES}
            for _ in range(4):
                if is_predicate(governor) or governor.head.i == governor.i:
                    break
                governor = governor.head
                if governor.i in release_nouns:
                    break  # "2022年11月の公開から": the date of the release noun
            if governor.dep_ == "acl":
                # "2023年8月に「Llama 2」を基にした「X」を公開する": the parse may hang the date
                # on the clause describing the released name; the release dates it.
                described = [governor.head]
                while (
                    len(described) < 3
                    and described[-1].head.i != described[-1].i
                    and not is_predicate(described[-1].head)
                ):
                    described.append(described[-1].head)  # "…を基にした70億パラメータの「X」"
                for frame in frames:
                    released = {
                        a.name.token
                        for a in frame.arguments
                        if set(a.role.split("|")) & {"wo", "poss", "head"}
                    }
                    if (
                        frame.trigger in _RELEASES
                        and not frame.blocked
                        and released & {t.i for t in described}
                    ):
                        governor = doc[frame.clause]
                        break
            if text.startswith("、", match.end()):
                # "楽天グループは2024年3月21日、…を公開した": a date set off by a comma dates the
                # predicate of the clause it opens (the first release after it), whatever verb
                # the parse hung it on; else the sentence's main predicate.
                releases = sorted(
                    f.clause
                    for f in frames
                    if f.trigger in _RELEASES
                    and f.clause > span.root.i
                    and not f.blocked
                    and doc[f.clause].dep_ != "acl"  # not "米Metaが公開した「Llama 3」"
                )
                roots = [t for t in doc if t.dep_ == "ROOT" and t.i > span.root.i]
                governor = doc[releases[0]] if releases else roots[-1] if roots else governor
            for number, frame in enumerate(frames):
                if frame.clause != governor.i or frame.trigger not in _RELEASES or frame.blocked:
                    continue
                dated.add(number)
                released = self._released(frame, by_key)
                for view in released:
                    out.append(
                        Value(
                            view,
                            "releaseDate",
                            parsed[0],
                            parsed[1],
                            match.group(0),
                            "attribute:release-date",
                            0.75,
                            match.span(),
                        )
                    )
                if not released and memory is not None:
                    memory.pending_release = (frame.trigger, parsed, match.group(0))
        if pending is not None and not out:
            trigger, parsed, raw = pending
            for number, frame in enumerate(frames):
                if number in dated or frame.trigger != trigger or frame.blocked:
                    continue
                for view in self._released(frame, by_key):
                    span = (view.start, view.end)
                    out.append(
                        Value(
                            view,
                            "releaseDate",
                            parsed[0],
                            parsed[1],
                            raw,
                            "attribute:release-date/previous-sentence",
                            0.6,
                            span,
                        )
                    )
        return out

    @staticmethod
    def _released(frame: ProtoFrame, by_key: dict[str, ValueView]) -> list[ValueView]:
        """The model-like names a release frame releases (its object, a cleft's focus; the
        subject of a release noun, ``「ChatGPT」は2022年11月の公開から…``: a model is not
        the releaser)."""

        def model(key: str) -> bool:
            return key in by_key and by_key[key].entity_class in _MODEL_CLASSES

        objects = [
            by_key[a.name.key]
            for a in frame.arguments
            if set(a.role.split("|")) & {"wo", "poss", "head"} and model(a.name.key)
        ]
        if objects:
            return objects
        return [
            by_key[a.name.key]
            for a in frame.arguments
            if a.role == "ga" and a.via in ("chain", "topic", "tree") and model(a.name.key)
        ]

    # ------------------------------------------------------------------ memory
    def _remember(
        self,
        text: str,
        found: list[Found],
        references: list[tuple[Found, bool]],
        placed: list[Placed],
        memory: _Memory,
    ) -> None:
        topic = None
        for name in sorted([*found, *(r for r, _ in references)], key=lambda n: n.start):
            marker = surface_marker(text, name.unit_end)
            memory.recent.append((name.key, memory.hint(name.key), _is_subject(text, name)))
            headline = (
                "。" not in text
                and not text[: name.start].strip()
                and text.startswith("、", name.unit_end)
            )
            # ("Form 10-Kでは": a document or a place is where something is said, not who.)
            if topic is None and (
                marker == "は"
                or headline
                or (marker == "では" and memory.hint(name.key) in ("Organization", "Person", None))
            ):
                topic = next((p for p in placed if p.key == name.key), None)
            before = text[: name.start]
            written = re.search(r"([\u30a0-\u30ff\u4e00-\u9fffA-Za-z0-9]+)[「『]$", before)
            if written and self.cues.type_of_noun(written.group(1)):  # "AIモデル「X」" as written
                memory.type_nouns[written.group(1)] = name.key
            for (
                noun,
                noun_class,
            ) in self.cues.type_nouns:  # every ending: 大規模言語モデル, 言語モデル, モデル
                if before.endswith((noun + "「", noun + "『", noun + "・")) or (
                    before.endswith(noun) and (name.lexical or name.votes)
                ):
                    # a model introduced as an LLM is a モデル too ("日本語LLM「B」…。このモデルは")
                    kinds = (noun, "モデル") if noun_class == "AIModel" else (noun,)
                    for kind in dict.fromkeys(kinds):
                        memory.type_nouns[kind] = name.key
                        introduced = memory.introduced.setdefault(kind, [])
                        if name.key in introduced:
                            introduced.remove(name.key)
                        introduced.append(name.key)
        memory.recent = memory.recent[-30:]
        if topic is None:
            topic = self._theme_or_title(text, found, placed)
        if topic is None:
            topic = _possessor_topic(text, found, placed)
        if topic is None:
            topic = self._main_subject(text, found, placed)
        if topic is not None:
            memory.topic = topic
            memory.topics = [topic, *(t for t in memory.topics if t.key != topic.key)][:4]
            # "注目を集めるNTTの「tsuzumi 2」。": the company owning a model or product the
            # text is about is the company it is about, next to it.
            owner = next(
                (
                    p
                    for p in placed
                    if p.hint == "Organization"
                    and re.fullmatch(r"の[「『]?", text[p.unit_end : topic.start])
                ),
                None,
            )
            if topic.hint in (*_MODEL_CLASSES, None) and owner is not None:
                rest = [t for t in memory.topics[1:] if t.key != owner.key]
                memory.topics = [topic, owner, *rest][:4]

    def _theme_or_title(self, text: str, found: list[Found], placed: list[Placed]) -> Placed | None:
        """What a sentence with no は-topic is about, when it says so: its theme
        (``Xについても、…``, ``Xをめぐっては``) or, for a line that is only a noun phrase
        ending in a name (``世界を震撼させた中国AI、DeepSeek-R1。``), that name."""
        doc = self._doc
        for name in sorted(found, key=lambda n: n.start):
            if _THEME.match(text, name.unit_end):
                return next(
                    (p for p in placed if p.key == name.key and p.start == name.start), None
                )
        if doc is None or not found:
            return None
        last = max(found, key=lambda n: n.start)
        if text[last.unit_end :].strip(" 」』") not in ("", "。"):
            return None
        at = next((p for p in placed if p.key == last.key and p.start == last.start), None)
        if at is None or at.token >= len(doc) or doc[at.token].dep_ != "ROOT":
            return None
        return at

    def _main_subject(self, text: str, found: list[Found], placed: list[Placed]) -> Placed | None:
        """``Xが、…を任命した。CEOのY氏が…``: a sentence with no topic (は) carries its main
        clause's が/も-subject on to the next, as a topic would: the one the text now speaks
        of. Not a subject inside a quote, in a clause that describes a noun, or a news
        outlet reporting (``Xが報じた``)."""
        doc = self._doc
        if doc is None:
            return None
        for name in sorted(found, key=lambda n: n.start):
            if surface_marker(text, name.unit_end) not in ("が", "も"):
                continue
            if text[: name.start].count("「") > text[: name.start].count("」"):
                continue  # inside quoted speech
            if _REPORTING.match(text, name.unit_end):
                continue
            if any(
                _JOINED.fullmatch(text[n.unit_end : name.start]) for n in found if n is not name
            ):
                return None  # the last of a list of subjects (A、B、Cも参加した): not one
            at = next((p for p in placed if p.key == name.key and p.start == name.start), None)
            if at is None or at.token >= len(doc):
                continue
            token = doc[at.token]
            if at.hint == "Person":
                return None  # a person's act (X氏が就任した) leaves the text's company in place
            if token.head.dep_ == "ROOT" and token.head.i > token.i:
                return at
            return None  # the first subject belongs to a clause inside the sentence
        return None


def _possessor_topic(text: str, found: list[Found], placed: list[Placed]) -> Placed | None:
    """``Llama 4の大きな特徴の1つは、…``: a topic that is a common noun owned by a name
    makes the name what the text now speaks of (its features, its shares, its results)."""
    topic = _TOPIC_PHRASE.search(text)
    if topic is None or text[: topic.start()].count("「") > text[: topic.start()].count("」"):
        return None
    inside = [n for n in found if topic.start() <= n.start < topic.end()]
    if not inside or text[inside[0].unit_end : inside[0].unit_end + 1] != "の":
        return None
    if any(n.start > inside[0].start for n in inside):
        return None  # another name before は is the topic's own ("Xの鈴木社長は")
    owner = inside[0]
    return next((p for p in placed if p.key == owner.key and p.start == owner.start), None)


#: The sentence's first は-phrase: from a sentence start or comma to は, with no verb-like
#: break (a clause ending in た/る before は is a relative clause, not a possessive chain).
_TOPIC_PHRASE = re.compile(r"(?:^|(?<=[、,]))[^、,。「」はがをにでとも]{2,40}は(?![じ])")

_THEME = re.compile(r"[」』]?(?:について|に関して|をめぐって|を巡って|をめぐり)(?:は|も)")

#: A subject that reports (Xが報じた, Xが…と伝えた) is a source, not what the text is about.
_JOINED = re.compile(r"[、,・やと]\s*[^、。はがをにでのも]{0,3}")
_REPORTING = re.compile(r"(?:が|も)(?:[^、。]{0,12}と)?(?:報じ|伝え|報道)")

_VERSION_PIECE = re.compile(
    r"v?\d+(?:\.\d+)*[a-z]?|\d+(?:\.\d+)?[BbMmKkTt]|\d+x\d+[Bb]|[A-Z]{1,3}\d*|\d+[a-z]?"
)
_UNRELATED = re.compile(r"無関係|別物|関係(?:が|は)?ない|異なる|別の")


def _with_variants(
    readings: list[SentenceReading],
    editions: frozenset[str],
    tuning: frozenset[str] = frozenset(),
) -> list[SentenceReading]:
    """``Llama 3.1 70B``, ``Claude 3 Opus``, ``Hibari-2-Lite``: a name that is another name
    of the document plus a size, version or edition word is a variant of it (frame
    ``@variant``); plus a word of its own (``Llama 3.3 Swallow``) it is a new model built on
    it (``@derived``). Only the longest such name counts (Swallow 70B is a variant of
    Llama 3.3 Swallow, not of Llama 3.3); blocked where the text calls them unrelated."""
    first: dict[str, tuple[int, Name]] = {}
    for i, reading in enumerate(readings):
        for name in reading.names:
            if not name.reference:
                first.setdefault(name.canonical, (i, name))
    # Every written form of each name: "JSLM Beta 70B" is a variant of "Japanese Stable LM
    # Beta (JSLM Beta)" through the short form the aside gave it.
    forms: dict[str, tuple[str, Name]] = {}
    for canonical, (_, name) in first.items():
        forms.setdefault(canonical, (canonical, name))
    for reading in readings:
        for name in reading.names:
            if name.surface not in forms and name.canonical in first:
                forms[name.surface] = (name.canonical, first[name.canonical][1])
    out = list(readings)
    for canonical, (i, name) in sorted(first.items()):
        families = [
            form
            for form, (_, base) in forms.items()
            if form != canonical
            and canonical.startswith(form)
            and canonical[len(form) : len(form) + 1] in (" ", "-", "_")
            and base.key != name.key
        ]
        if not families:
            continue
        family = max(families, key=len)
        base = forms[family][1]
        pieces = [p for p in re.split(r"[ \-_]+", canonical[len(family) :]) if p]
        editions_only = all(_VERSION_PIECE.fullmatch(p) or p.casefold() in editions for p in pieces)
        own_word = any(
            re.fullmatch(r"[A-Za-z][A-Za-z0-9]+", p)
            and not _VERSION_PIECE.fullmatch(p)
            and p.casefold() not in editions
            for p in pieces
        )
        if editions_only:
            trigger = "@variant"
        elif own_word and all(re.fullmatch(r"[A-Za-z0-9.]+", p) for p in pieces):
            trigger = "@derived"
        else:
            continue
        reading = out[i]
        blocked = "negated" if _UNRELATED.search(reading.text) else None
        frame = Frame(
            trigger,
            name.start,
            name.end,
            (
                Argument(name.key, "ga", name.start, name.end),
                Argument(base.key, "wo", name.start, name.end, "document"),
            ),
            blocked,
        )
        frames = [frame]
        if trigger == "@variant" and any(p.casefold() in tuning for p in pieces):
            frames.append(replace(frame, trigger="@tuned-edition"))
        out[i] = replace(reading, frames=(*reading.frames, *frames))
    return out


_DEFINITION = re.compile(
    r"\s*以下[、,，]?\s*[「『“\"]?(?P<short>[^」』”\"、]{1,20}?)[」』”\"]?\s*"
    r"(?:と(?:いう|いいます|表記|略す|略記|称する|します))?\s*"
)


def _defined_names(
    sentences: Sequence[ParsedSentence],
    found: list[list[Found]],
    alias_asides: Callable[[ParsedSentence, list[Found]], list[tuple[Found, str, int]]],
) -> list[list[Found]]:
    """``株式会社AI ONE（以下、AI社）``: a press release defines a short name in an aside and
    writes only that from then on; each later ``AI社`` is the company the aside follows. So
    does a short name in brackets (``Stable Diffusion XL 1.0(SDXL)``): within the document
    it names what it followed, whatever else the gazetteer knows by it."""
    defined: dict[str, Found] = {}
    for sentence, names in zip(sentences, found, strict=True):
        for owner, alias, _ in alias_asides(sentence, names):
            if alias.isascii() and alias.isupper() and not owner.lexical:
                defined.setdefault(alias, owner)  # an acronym: SDXL, PFN
        for aside in sentence.clean.asides:
            match = _DEFINITION.fullmatch(aside.text)
            owner = _before_aside(names, sentence.clean.text, aside.anchor)
            if match is None or owner is None:
                continue
            short = match.group("short").strip()
            if short.startswith(("当社", "同社", "本", "当")):
                continue  # （以下、当社）: the issuer's own word for itself, read as an anaphor
            defined.setdefault(short, owner)
    if not defined:
        return found
    out = []
    for sentence, names in zip(sentences, found, strict=True):
        text = sentence.clean.text
        out.append(
            [
                replace(owner, start=n.start, end=n.end, unit_end=n.unit_end, surface=n.surface)
                if (owner := defined.get(text[n.start : n.unit_end]) or defined.get(n.surface))
                is not None
                and owner is not n
                else n
                for n in names
            ]
        )
    return out


def _before_aside(found: list[Found], text: str, anchor: int) -> Found | None:
    """The name an aside follows (``百度（バイドゥ）``, ``「Shizuku」（2023年7月公開）``)."""
    for name in found:
        end = name.unit_end + (1 if text[name.unit_end : name.unit_end + 1] in ("」", "』") else 0)
        if anchor in (name.end, name.unit_end, end):
            return name
        if text[name.unit_end : anchor] in _LEGAL_FORMS:
            # "ソフトバンクグループ株式会社（代表取締役会長：…）": a legal form the name's
            # unit did not take in (its name ends like a type noun) still comes before it.
            return name
    return None


#: Legal forms written right after a company's name, before an aside about the company.
_LEGAL_FORMS = frozenset({"株式会社", "有限会社", "合同会社", "社"})


def _nlp():
    return load_pipeline()


def _root_at_last_word(span) -> None:
    """A name is one noun phrase, headed by its last word (Japanese is head-final): where the
    parse hung a name's words elsewhere (``Allen | Institute | for`` as a clause), re-hang
    them on the last word so that the merged name takes that word's place in the tree."""
    words = [t for t in span if t.pos_ not in ("PUNCT",)]
    if not words:
        return
    last = words[-1]
    inside = range(span.start, span.end)
    if last.head.i in inside and last.head.i != last.i:
        return
    ancestor = last
    while ancestor.head.i != ancestor.i:  # re-hanging must not close a cycle
        ancestor = ancestor.head
        if ancestor.i in inside:
            return
    for token in words[:-1]:
        if token.head.i not in inside or token.head.i == token.i:
            token.head = last
            token.dep_ = "compound"


def slug_of(name: str) -> str:
    return slug(normalize_surface(name))


_RELATIVE_DATE = re.compile(
    r"(?P<same>同日|同月)|同年(?P<sm>\d{1,2})月(?:(?P<sd>\d{1,2})日)?|(?<![年\d])(?P<m>\d{1,2})月(?P<d>\d{1,2})日"
)


def _dates(text: str, memory: _Memory | None) -> list[tuple[re.Match[str], tuple[str, str]]]:
    """The dates a sentence writes, in order: full ones (``2024年3月21日``) and those that
    lean on the last one the text gave (``同日``, ``同月``, ``同年9月``, ``3月10日``)."""
    found: list[tuple[re.Match[str], tuple[str, str]]] = []
    full = [(m, parse_date(m.group(0))) for m in DATE.finditer(text)]
    relative = list(_RELATIVE_DATE.finditer(text))
    events = sorted(
        [*((m.start(), 0, m, p) for m, p in full), *((m.start(), 1, m, None) for m in relative)],
        key=lambda e: (e[0], e[1]),
    )
    taken: list[tuple[int, int]] = []
    for _, _, match, parsed in events:
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        if parsed is None and memory is not None and memory.last_date is not None:
            year, month, day = memory.last_date
            if match.group("same") == "同日" and day:
                parsed = (f"{year}-{month:02d}-{day:02d}", "date")
            elif match.group("same") == "同月" and month:
                parsed = (f"{year}-{month:02d}", "gYearMonth")
            elif match.group("sm"):
                sd = match.group("sd")
                parsed = (
                    (f"{year}-{int(match.group('sm')):02d}-{int(sd):02d}", "date")
                    if sd
                    else (f"{year}-{int(match.group('sm')):02d}", "gYearMonth")
                )
            elif match.group("m"):
                parsed = (f"{year}-{int(match.group('m')):02d}-{int(match.group('d')):02d}", "date")
        if parsed is None:
            continue
        taken.append(match.span())
        found.append((match, parsed))
        if memory is not None:
            parts = [int(p) for p in parsed[0].split("-")]
            month, day = [*parts[1:], 0, 0][:2]
            memory.last_date = (parts[0], month, day)
    return found


def _known_employer(frame: ProtoFrame, memory: _Memory) -> ProtoFrame:
    """``エヌビディアのジェンスン・フアンCEO`` … ``フアンCEOは``: a title written later
    without its company is at the company the text named for that person, not at
    whichever company the text is about."""
    if frame.trigger != "@title":
        return frame
    people = [
        a.name
        for a in frame.arguments
        if a.role in ("head", "prefix", "ga") and a.name.hint == "Person"
    ]
    stated = [a for a in frame.arguments if a.role == "poss" and a.via == "tree"]
    if stated:
        if frame.blocked is not None:
            return frame  # "元セールスフォースCEOのX氏": no longer there
        for person in people:
            memory.employers.setdefault(person.key, stated[0].name)
        return frame
    arguments = list(frame.arguments)
    for position, argument in enumerate(arguments):
        if argument.role != "poss" or argument.via not in ("previous", "topic"):
            continue
        known = next((memory.employers[p.key] for p in people if p.key in memory.employers), None)
        if known is not None and known.key != argument.name.key:
            arguments[position] = replace(argument, name=known, via="previous", penalty=0.15)
    return replace(frame, arguments=tuple(arguments))


def _company_spoken_of(memory: _Memory) -> Placed | None:
    """The company the text is about: the latest topic that is one, or, when the latest
    topic is a person the text has placed at a company (``同社のX CEOは…``), that company."""
    latest = memory.topics[0] if memory.topics else None
    if latest is not None and latest.hint == "Person" and latest.key in memory.employers:
        return memory.employers[latest.key]
    return next((t for t in memory.topics if t.hint == "Organization"), None)


def _strongly_typed(found: list[list[Found]]) -> dict[str, str]:
    """Key -> class for names some occurrence of which has a strong cue (gazetteer,
    marker, type noun), when all such occurrences agree."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for names in found:
        for name in names:
            weights: dict[str, float] = defaultdict(float)
            for vote in name.votes:
                weights[vote.entity_class] += vote.weight
            if weights and max(weights.values()) >= 3.0:
                kinds[name.key].add(max(weights, key=lambda c: weights[c]))
    return {key: next(iter(k)) for key, k in kinds.items() if len(k) == 1}


_FAMILY_NAME = re.compile(r"[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?")


def _is_person(name: Found) -> bool:
    return any(v.entity_class == "Person" for v in name.votes)


@cache
def _funding_triggers(index: PatternIndex) -> tuple[frozenset[str], frozenset[str]]:
    """Triggers of raising money (the subject receives: 調達) and of investing (出資)."""
    raising: set[str] = set()
    investing: set[str] = set()
    for pattern in index.patterns:
        if pattern.relation != "investedIn":
            continue
        if "ga" in pattern.object_role.split("|") and "kara" in pattern.subject_role.split("|"):
            raising |= pattern.triggers
        elif "ni" in pattern.object_role.split("|") and "ga" in pattern.subject_role.split("|"):
            investing |= pattern.triggers
    return frozenset(raising), frozenset(investing)


@cache
def _making_triggers(index: PatternIndex) -> frozenset[str]:
    """Triggers of making a model or product (開発, 構築, 公開): the developed patterns'."""
    return frozenset(
        trigger
        for pattern in index.patterns
        if pattern.relation == "developed"
        for trigger in pattern.triggers
        if not trigger.startswith("@")
    )


def _is_topic(text: str, name: Found) -> bool:
    return surface_marker(text, name.unit_end) in ("は", "では") and not _model_shaped(name.surface)


def _is_subject(text: str, name: Found) -> bool:
    """Named as a subject or topic (は/が/も/では): what a later 同社 most often means."""
    return surface_marker(text, name.unit_end) in ("は", "が", "も", "では") and not _model_shaped(
        name.surface
    )


def _model_shaped(surface: str) -> bool:
    return bool(re.search(r"[A-Za-z]", surface) and re.search(r"\d", surface)) or is_katakana(
        surface
    )
