"""Stage 3: find the names in parsed sentences and give each a class.

GiNZA's NER is too noisy to trust for this domain (it tags Google as Person and as
Clothing), so mentions come from cues that carry over from one article to the next:

* Latin-script names in Japanese text (``Vicuna-13B``, ``Mistral-7B-v0.1``, ``Stability AI``);
* names in 「」 quotes typed by the noun before them (``大規模言語モデル「LLaMA」``);
* apposition (``AI研究団体・OpenAI``, ``対話型AIのChatGPT``);
* company and person markers (``〜社``, ``〜グループ``, ``株式会社〜``, ``〜氏``, ``〜CEO``);
* the lexicon of widely known names;
* and, once a name is known in a document, its other occurrences there.

Class evidence is ranked: lexicon > marker > model-size shape > apposition. A name with
no class evidence stays untyped here; relation patterns may type it from its role, and
names that stay untyped never reach the graph (a wrong class is worse than none).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from graph.canonical import (
    has_size_token,
    is_katakana,
    match_key,
    normalize_surface,
    slug,
    strip_org_affixes,
)
from graph.lang.ja.cues import Cues
from graph.lang.ja.parse import ParsedSentence
from graph.lexicon import Lexicon, LexiconEntry

__all__ = ["SentenceMention", "detect_mentions", "fold_width"]

# A Latin-script name: words of letters/digits joined by single spaces, hyphens or dots.
# Latin letters include accented ones (Timothée, Gödel); "L" stands for them below.
_L = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_LATIN_NAME = re.compile(
    rf"(?<![{_L}0-9])[{_L}][{_L}0-9]*(?:[.+'][{_L}0-9]+)*"
    rf"(?:(?:[ \-_・·]|(?<=[{_L}])(?=\d))[{_L}0-9]+(?:[.+'][{_L}0-9]+)*)*"
)
_QUOTED = re.compile(r"[「『]([^「」『』]{1,40})[」』]")
_NOUN_RUN = re.compile(r"[\u30a0-\u30ff\u4e00-\u9fffA-Za-z]+")
_NOUNISH = re.compile(r"[\u30a0-\u30ff\u4e00-\u9fffA-Za-z0-9ー]+$")
_VERSIONISH = re.compile(r"^(?:v?\d+(?:\.\d+)*[a-z]?|\d+(?:\.\d+)?[BbMmKkTt])$")
_PERSON_NAME_TAG = "人名"
_KANJI = re.compile(r"[\u4e00-\u9fff々]+")
_READING_AFTER = re.compile(r"[」』]?[（(]([\u30a1-\u30fa\u30fcー・]{2,})[）)]")
_READING_BEFORE = re.compile(r"([\u30a1-\u30fa\u30fcー・]{2,})[（(]$")
_BRACKET_CLOSE = re.compile(r"[）)]")
_LIST_TAIL = re.compile(
    r"[」』]?(?:など|といった|のような|をはじめとする)(?:の)?(?:[\u4e00-\u9fff]{1,4}の)?"
    r"(?P<noun>[\u30a0-\u30ff\u4e00-\u9fffA-Za-z]+)"
)
_LIST_JOINER = re.compile(r"[」』]?(?:や|、|と|および|及び|のほか、?|のほか)?[「『]?|[」』]")
_QUOTED_LIST_GAP = re.compile(r"[」』](?:と|や|、|および)?[「『]")
_GLOSSED_TERM = re.compile(
    r"(?P<term>[\u30a0-\u30ff\u4e00-\u9fff]{2,12})[（(](?P<acronym>[A-Za-z][A-Za-z0-9\-]{1,15})[）)]"
    r"(?P<noun>方式|手法|技術|アルゴリズム|アーキテクチャ)"
)
_NAME_WITH_ALIAS = re.compile(r"([^（()）]{1,25}?)\s*[（(]([^（()）]{2,40})[）)]")
# Legal-form suffixes written in Latin: part of the name's own words, never of its span.
_LATIN_ORG_SUFFIXES = ("Inc.", "Corp.", "Ltd.", "LLC")
_COPULA_TAIL = re.compile(
    r"([\u30a0-\u30ff\u4e00-\u9fffA-Za-z]+)(?:だ|である|です|だった|でした|となる)[。．]?\s*$"
)


@dataclass(frozen=True)
class SentenceMention:
    """A mention inside one parsed sentence (offsets relative to the sentence)."""

    start: int
    end: int
    surface: str
    entity_class: str | None
    cue: str
    canonical: str
    key: str
    wikidata: str | None = None
    family: str | None = None  # canonical name of the model family for size/version variants


@lru_cache(maxsize=4096)
def fold_width(text: str) -> str:
    """NFKC per character where that keeps the length, so offsets stay valid."""
    out = []
    for char in text:
        folded = unicodedata.normalize("NFKC", char)
        out.append(folded if len(folded) == 1 else char)
    return "".join(out)


def _mostly_latin(text: str) -> bool:
    """An English line (a title, a byline) in a Japanese article: no kana at all."""
    return not re.search(r"[\u3040-\u30ff]", text)


def _from_entry(
    start: int, end: int, surface: str, entry: LexiconEntry, cue: str
) -> SentenceMention:
    return SentenceMention(
        start, end, surface, entry.entity_class, cue, entry.name, slug(entry.name), entry.wikidata
    )


def _preceding_compound(text: str, start: int) -> tuple[str, str]:
    """The noun compound just before ``start`` and the joiner between it and the name.

    ``大規模言語モデル「LLaMA」`` -> ("大規模言語モデル", "「"); ``団体・OpenAI`` -> ("団体", "・").
    """
    before = text[:start]
    joiner = ""
    for candidate in ("「", "『", "・", "の", " ", "、"):
        if before.endswith(candidate):
            joiner = candidate
            before = before[: -len(candidate)]
            break
    if before.endswith("の「"):
        before, joiner = before[:-2], "の「"
    found = _NOUNISH.search(before)
    return (found.group(0) if found else "", joiner)


class _Detector:
    def __init__(self, sentence: ParsedSentence, lexicon: Lexicon, cues: Cues) -> None:
        self.sentence = sentence
        self.text = fold_width(sentence.text)
        self.lexicon = lexicon
        self.cues = cues
        self.found: list[SentenceMention] = []

    # -- helpers
    def _overlaps(self, start: int, end: int) -> bool:
        return any(m.start < end and start < m.end for m in self.found)

    def _token_boundary(self, start: int, end: int) -> bool:
        doc = self.sentence.doc
        return doc.char_span(start, end, alignment_mode="strict") is not None

    def _apposition_class(self, start: int, end: int) -> str | None:
        compound, joiner = _preceding_compound(self.text, start)
        if compound and joiner in ("「", "『", "・", "の", "の「", "、", ""):
            # "Xの" apposition needs a bare type noun ("対話型AIのChatGPT"), not "Mistral AI社の".
            entity_class = self.cues.type_of_noun(compound)
            if entity_class and not (joiner == "" and compound == self.text[:start]):
                return entity_class
        after = self.text[end:]
        after = after[1:] if after[:1] in "」』" else after
        for link in ("という", "と呼ばれる", "などの"):
            if after.startswith(link):
                noun = _NOUN_RUN.match(after, len(link))
                if noun:
                    return self.cues.type_of_noun(noun.group(0))
        return None

    def _org_suffix(self, end: int) -> str | None:
        for suffix in self.cues.org_suffixes:
            if self.text.startswith(suffix, end):
                rest = self.text[end + len(suffix) : end + len(suffix) + 1]
                if suffix == "社" and rest in ("会", "員", "長", "内", "外", "製"):
                    continue  # 社会, 社員, 社長 … are words, not the marker
                return suffix
        return None

    def _person_suffix(self, end: int) -> str | None:
        for suffix in self.cues.person_suffixes:
            if self.text.startswith(suffix, end):
                return suffix
        return None

    def add(self, mention: SentenceMention) -> None:
        if not self._overlaps(mention.start, mention.end):
            self.found.append(mention)

    # -- cues
    def latin_names(self) -> None:
        if "http" in self.text or _mostly_latin(self.text):
            return  # an English title line or a URL, not Japanese prose naming things
        for match in _LATIN_NAME.finditer(self.text):
            surface = match.group(0).rstrip(".'")
            start, end = match.start(), match.start() + len(surface)
            # Drop generic leading/trailing words: "AIスタートアップ" gives "AI" alone.
            words = re.split(r"(?<=[A-Za-z0-9.+'])(?=[ \-_・·])", surface)
            while words and words[0].strip(" -_・·") in self.cues.generic_latin and len(words) > 1:
                start += len(words[0]) + (1 if words[1][:1] in " -_・·" else 0)
                words = words[1:]
                words[0] = words[0].lstrip(" -_・·")
            surface = self.text[start:end]
            if surface in self.cues.generic_latin or len(surface) < 2 or surface.isdigit():
                continue
            if self._begins_listed_name(start, end):
                continue
            self._classify_latin(start, end, surface)

    def _begins_listed_name(self, start: int, end: int) -> bool:
        """``NTTドコモ``, ``LG電子``, ``MITライセンス``: a Latin word that begins a longer
        listed name is that name, not a name of its own (nor the NTT in NTTドコモ)."""
        pattern = self.lexicon.non_latin_pattern
        match = pattern.match(self.text, start) if pattern is not None else None
        if match is None or match.end() <= end or not self._token_boundary(start, match.end()):
            return False
        entry = self.lexicon.lookup(match.group(0))
        if entry is None:
            return False
        self.add(_from_entry(start, match.end(), match.group(0), entry, "lexicon"))
        return True

    def _classify_latin(self, start: int, end: int, surface: str) -> None:
        entry = self.lexicon.lookup(surface)
        org_suffix = self._org_suffix(end)
        person_suffix = self._person_suffix(end)
        if entry is not None:
            marked = org_suffix and org_suffix not in _LATIN_ORG_SUFFIXES
            if entry.entity_class == "Organization" and marked:  # KDDI社, as Zeta社 is read
                end += len(org_suffix)
                surface = self.text[start:end]
            self.add(_from_entry(start, end, surface, entry, "lexicon"))
            return
        if any(self.text[:start].endswith(p) for p in self.cues.org_prefixes):
            canonical = strip_org_affixes(normalize_surface(surface))
            self.add(
                SentenceMention(
                    start,
                    end,
                    surface,
                    "Organization",
                    "marker:株式会社",
                    canonical,
                    slug(canonical),
                )
            )
            return
        family = self._family(surface)
        if org_suffix and org_suffix not in _LATIN_ORG_SUFFIXES:
            full_end = end + len(org_suffix)
            canonical = strip_org_affixes(normalize_surface(surface))
            self.add(
                SentenceMention(
                    start,
                    full_end,
                    self.text[start:full_end],
                    "Organization",
                    f"marker:{org_suffix}",
                    canonical,
                    slug(canonical),
                )
            )
            return
        if person_suffix and person_suffix in ("氏", "さん"):
            canonical = normalize_surface(surface)
            self.add(
                SentenceMention(
                    start,
                    end,
                    surface,
                    "Person",
                    f"marker:{person_suffix}",
                    canonical,
                    slug(canonical),
                )
            )
            return
        canonical = normalize_surface(surface).replace("・", "-").replace("·", "-")
        apposition = self._apposition_class(start, end)
        if apposition is not None and apposition != "AIModel":
            # 有料プラン「Claude Pro」: the text says what it is, whatever the name looks like.
            self.add(
                SentenceMention(
                    start, end, surface, apposition, "apposition", canonical, slug(canonical)
                )
            )
            return
        if family is not None:
            self.add(
                SentenceMention(
                    start,
                    end,
                    surface,
                    "AIModel",
                    "name:variant",
                    canonical,
                    slug(canonical),
                    family=family.name,
                )
            )
            return
        if self._derived_from_known_model(surface):
            self.add(
                SentenceMention(
                    start, end, surface, "AIModel", "name:derived", canonical, slug(canonical)
                )
            )
            return
        if has_size_token(surface):
            self.add(
                SentenceMention(
                    start, end, surface, "AIModel", "name:size", canonical, slug(canonical)
                )
            )
            return
        cue = "apposition" if apposition else "latin"
        self.add(SentenceMention(start, end, surface, apposition, cue, canonical, slug(canonical)))

    def _derived_from_known_model(self, surface: str) -> bool:
        """``Llama 3 Swallow``: a longer name that starts with a known model's name."""
        parts = re.split(r"[ \-_・·]+", surface)
        for cut in range(len(parts) - 1, 0, -1):
            entry = self.lexicon.lookup(" ".join(parts[:cut]))
            if entry is not None and entry.entity_class == "AIModel":
                return True
        return False

    def _family(self, surface: str) -> LexiconEntry | None:
        """A known model family this name is a size/version variant of (``LLaMA-65B``)."""
        parts = re.split(r"[ \-_・·]+", surface)
        for cut in range(len(parts) - 1, 0, -1):
            head, tail = parts[:cut], parts[cut:]
            entry = self.lexicon.lookup(" ".join(head))
            if (
                entry
                and entry.entity_class == "AIModel"
                and all(
                    _VERSIONISH.match(t)
                    or t.lower() in ("turbo", "mini", "pro", "max", "ultra", "xl")
                    for t in tail
                )
            ):
                return entry
        return None

    def quoted_names(self) -> None:
        for match in _QUOTED.finditer(self.text):
            inner = match.group(1).strip()
            start = match.start(1) + (len(match.group(1)) - len(match.group(1).lstrip()))
            end = start + len(inner)
            bracketed = _NAME_WITH_ALIAS.fullmatch(inner)
            if bracketed and not self._overlaps(start, start + bracketed.end(1)):
                # 「進化的モデルマージ(Evolutionary Model Merge)」: a name and its alias.
                self._name_with_alias(match, start, bracketed)
                continue
            if self._overlaps(start, end) or re.search(r"[。、！？!?]", inner):
                continue
            entry = self.lexicon.lookup(inner)
            if entry is not None:
                self.add(_from_entry(start, end, inner, entry, "quote+lexicon"))
                continue
            entity_class = self._apposition_class(match.start(), match.end())
            if entity_class is None:
                continue
            if len(inner) > 25 or (re.search(r"[はがをにでと]", inner) and not is_katakana(inner)):
                continue  # a quoted phrase, not a name
            canonical = normalize_surface(inner)
            self.add(
                SentenceMention(
                    start, end, inner, entity_class, "quote", canonical, slug(canonical)
                )
            )

    def _name_with_alias(self, quote: re.Match[str], start: int, bracketed: re.Match[str]) -> None:
        entity_class = self._apposition_class(quote.start(), quote.end())
        if entity_class is None:
            return
        name = bracketed.group(1).strip()
        canonical = normalize_surface(name)
        alias_start = start + bracketed.start(2)
        alias_end = start + bracketed.end(2)
        # The alias may already be a (Latin) mention: it becomes a label of the same entity.
        self.found = [m for m in self.found if not (alias_start <= m.start and m.end <= alias_end)]
        for span_start, span_end in ((start, start + len(name)), (alias_start, alias_end)):
            self.add(
                SentenceMention(
                    span_start,
                    span_end,
                    self.text[span_start:span_end],
                    entity_class,
                    "quote",
                    canonical,
                    slug(canonical),
                )
            )

    def lexicon_words(self) -> None:
        """Non-Latin lexicon aliases (グーグル, オープンソース) at word boundaries."""
        pattern = self.lexicon.non_latin_pattern
        if pattern is None:
            return
        for match in pattern.finditer(self.text):
            start, end = match.span()
            if self._overlaps(start, end) or not self._token_boundary(start, end):
                continue
            if is_type_noun_use(self.text, start, end) or self._continues_compound(end):
                continue
            if self._used_as_verb(start, end):
                continue
            entry = self.lexicon.lookup(match.group(0))
            if entry is not None:
                self.add(_from_entry(start, end, match.group(0), entry, "lexicon"))

    def _continues_compound(self, end: int) -> bool:
        """``オープンソースコミュニティ`` is not a mention of オープンソース."""
        span = self.sentence.doc.char_span(end, end + 1, alignment_mode="expand")
        if span is None or not len(span) or span[0].idx != end:
            return False
        token = span[0]
        return token.pos_ in ("NOUN", "PROPN") and not token.tag_.startswith("接尾辞")

    def _used_as_verb(self, start: int, end: int) -> bool:
        """``微調整した`` names an action (a relation trigger), not the technique itself."""
        span = self.sentence.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and span.root.pos_ == "VERB"

    def readings(self) -> None:
        """``LLaMA(ラマ)`` and ``メタ(Meta)``: a reading in brackets names the same entity."""
        for mention in list(self.found):
            after = _READING_AFTER.match(self.text, mention.end)
            if after:
                start, end = after.span(1)
                self.add(
                    replace(mention, start=start, end=end, surface=after.group(1), cue="reading")
                )
            before = _READING_BEFORE.search(self.text[: mention.start])
            if before and _BRACKET_CLOSE.match(self.text, mention.end):
                start, end = before.span(1)
                self.add(
                    replace(mention, start=start, end=end, surface=before.group(1), cue="reading")
                )

    def list_types(self) -> None:
        """``NTTやKDDI、ソニーグループといった国内の大手企業``: a list ending in a type noun
        types every untyped name in it."""
        for tail in _LIST_TAIL.finditer(self.text):
            entity_class = self.cues.type_of_noun(tail.group("noun"))
            if entity_class is None:
                continue
            members = sorted(self.found, key=lambda m: m.start)
            end = tail.start()
            for i in range(len(members) - 1, -1, -1):
                mention = members[i]
                if mention.end > end:
                    continue
                if not _LIST_JOINER.fullmatch(self.text[mention.end : end]):
                    break
                if mention.entity_class is None:
                    index = self.found.index(mention)
                    self.found[index] = replace(mention, entity_class=entity_class, cue="list")
                end = mention.start
                if self.text[max(0, end - 1) : end] in "「『":
                    end -= 1

    def named_methods(self) -> None:
        """``混合エキスパート(MoE)方式``, ``検索拡張生成（RAG）技術``: a term glossed by a Latin
        acronym, followed by a type noun, names that kind of thing."""
        for match in _GLOSSED_TERM.finditer(self.text):
            entity_class = self.cues.type_of_noun(match.group("noun"))
            if entity_class is None:
                continue
            term, acronym = match.span("term"), match.span("acronym")
            # A listed term or acronym (検索拡張生成, MoE) names both: one entity, not two.
            entry = self.lexicon.lookup(match.group("term")) or self.lexicon.lookup(
                match.group("acronym")
            )
            spans = (acronym, term) if entry is not None else (acronym,)
            self.found = [
                m for m in self.found if not any(s <= m.start and m.end <= e for s, e in spans)
            ]
            canonical = normalize_surface(match.group("term"))
            for start, end in (term, acronym):
                surface = self.text[start:end]
                self.add(
                    _from_entry(start, end, surface, entry, "lexicon")
                    if entry is not None
                    else SentenceMention(
                        start,
                        end,
                        surface,
                        entity_class,
                        "glossed-term",
                        canonical,
                        slug(canonical),
                    )
                )

    def quoted_list_types(self) -> None:
        """``AIチップ「Trainium」と「Inferentia」``: quoted names listed after a typed one
        share its class."""
        self.found.sort(key=lambda m: m.start)
        for i in range(1, len(self.found)):
            previous, mention = self.found[i - 1], self.found[i]
            if mention.entity_class is not None or previous.entity_class is None:
                continue
            if _QUOTED_LIST_GAP.fullmatch(self.text[previous.end : mention.start]):
                typed = replace(mention, entity_class=previous.entity_class, cue="quoted-list")
                self.found[i] = typed

    def copula_types(self) -> None:
        """``「Phi-3-mini」は…小型言語モデルだ``: the topic is typed by the predicate noun."""
        tail = _COPULA_TAIL.search(self.text)
        if tail is None:
            return
        entity_class = self.cues.type_of_noun(tail.group(1))
        if entity_class is None:
            return
        for i, mention in enumerate(self.found):
            after = self.text[mention.end :]
            after = after[1:] if after[:1] in "」』" else after
            if mention.entity_class is None and after.startswith(("は", "とは")):
                self.found[i] = replace(mention, entity_class=entity_class, cue="copula")

    def org_and_person_markers(self) -> None:
        """Japanese names followed by 社/グループ (organizations) or 氏/CEO (people)."""
        doc = self.sentence.doc
        tokens = list(doc)
        for i, token in enumerate(tokens):
            text = fold_width(token.text)
            # Names written as one token that ends with a marker: 楽天グループ.
            for suffix in ("グループ", "ホールディングス"):
                if text.endswith(suffix) and len(text) > len(suffix) and "固有名詞" in token.tag_:
                    canonical = strip_org_affixes(text)
                    start, end = token.idx, token.idx + len(token.text)
                    self.add(
                        self._listed(start, end, text, canonical, "Organization")
                        or SentenceMention(
                            start,
                            end,
                            text,
                            "Organization",
                            f"marker:{suffix}",
                            canonical,
                            slug(canonical),
                        )
                    )
            if "固有名詞-一般" in token.tag_ or "固有名詞-組織名" in token.tag_:
                self._proper_noun(token, text)
            elif len(text) >= 6 and token.pos_ == "NOUN" and self._org_head(text):
                self._proper_noun(
                    token, text
                )  # 産業技術総合研究所: a long name the dictionary calls common
            if text in self.cues.person_suffixes and i > 0:
                self._person_before(tokens, i, text)
            elif text in ("社", "株式会社") and i > 0:
                self._org_before(tokens, i, text)

    def _listed(
        self, start: int, end: int, surface: str, canonical: str, entity_class: str
    ) -> SentenceMention | None:
        """A marked name the lexicon lists with the class its marker gives: ソフトバンクグループ
        is SoftBank Group, not the SoftBank its bare name would give; グーグル社 is Google,
        keyed as グーグル is."""
        for name in (surface, canonical):
            entry = self.lexicon.lookup(name)
            if entry is not None and entry.entity_class == entity_class:
                return _from_entry(start, end, surface, entry, "lexicon")
        return None

    def _org_head(self, text: str) -> str | None:
        return next((n for n in self.cues.org_head_nouns if text.endswith(n) and text != n), None)

    def _proper_noun(self, token, text: str) -> None:
        """A Japanese proper noun: an organization when it ends with 大学/研究所/銀行…,
        otherwise an untyped candidate that a relation role may type (富士通が提携)."""
        if len(text) < 2 or text.isascii() or self.lexicon.lookup(text) is not None:
            return
        if text in dict(self.cues.anaphors):
            return
        start, end = token.idx, token.idx + len(token.text)
        canonical = normalize_surface(text)
        head = self._org_head(text)
        if head is not None:
            self.add(
                SentenceMention(
                    start, end, text, "Organization", f"marker:{head}", canonical, slug(canonical)
                )
            )
        elif not is_katakana(text) or len(text) >= 3:
            self.add(
                SentenceMention(start, end, text, None, "proper-noun", canonical, slug(canonical))
            )

    def _name_run(self, tokens: Sequence, i: int, *, person: bool) -> tuple[int, int] | None:
        """Start/end char offsets of the name tokens right before token ``i``."""
        j = i - 1
        while j >= 0:
            t = tokens[j]
            text = fold_width(t.text)
            # A rare given name may be cut into kanji the dictionary does not know as a name
            # (丹波|廣|寅): accept short kanji pieces right after a name token.
            after_name = j > 0 and _PERSON_NAME_TAG in tokens[j - 1].tag_
            ok = (
                is_katakana(text)
                or (person and _PERSON_NAME_TAG in t.tag_)
                or (person and after_name and len(text) <= 2 and _KANJI.fullmatch(text) is not None)
                or (not person and "固有名詞" in t.tag_)
            )
            if not ok or (text in ("・",) and j == i - 1):
                break
            j -= 1
        if j == i - 1:
            return None
        first = tokens[j + 1]
        last = tokens[i - 1]
        start, end = first.idx, last.idx + len(last.text)
        while start < end and self.text[start] == "・":
            start += 1
        return (start, end) if end > start else None

    def _person_before(self, tokens: Sequence, i: int, suffix: str) -> None:
        span = self._name_run(tokens, i, person=True)
        if span is None:
            return
        start, end = span
        surface = self.text[start:end]
        if len(surface) < 2 or surface in dict(self.cues.anaphors):
            return
        entry = self.lexicon.lookup(surface)
        if entry is not None:
            # ジェンスン・フアンCEO: the lexicon scan takes ジェンスン・フアン for part of a
            # compound with CEO, so a listed person is added here; any other listed thing
            # (メタ社長) is not a person.
            if entry.entity_class == "Person":
                self.add(_from_entry(start, end, surface, entry, "lexicon"))
            return
        canonical = normalize_surface(surface)
        self.add(
            SentenceMention(
                start, end, surface, "Person", f"marker:{suffix}", canonical, slug(canonical)
            )
        )

    def _org_before(self, tokens: Sequence, i: int, suffix: str) -> None:
        span = self._name_run(tokens, i, person=False)
        if span is None:
            return
        start, end = span
        surface = self.text[start:end]
        if len(surface) < 2 or surface in dict(self.cues.anaphors):
            return
        canonical = strip_org_affixes(normalize_surface(surface))
        self.add(
            self._listed(start, end + len(suffix), surface + suffix, canonical, "Organization")
            or SentenceMention(
                start,
                end + len(suffix),
                surface + suffix,
                "Organization",
                f"marker:{suffix}",
                canonical,
                slug(canonical),
            )
        )


def is_type_noun_use(text: str, start: int, end: int) -> bool:
    """True when a known word is used as a type noun or inside a longer noun, not as a name.

    ``大規模言語モデル「LLaMA」`` and ``…の大規模言語モデル「Vicuna」`` introduce another name;
    ``画像生成AI`` is a longer noun that merely ends with 生成AI.
    """
    after = text[end : end + 2]
    if after[:1] in ("「", "『", "・") or after in ("の「", "の『"):
        return True
    return (
        start > 0
        and bool(re.match(r"[\u4e00-\u9fff\u30a0-\u30ff]", text[start - 1]))
        and text[start - 1] not in "「『・"
    )


def detect_mentions(
    sentence: ParsedSentence, lexicon: Lexicon, cues: Cues
) -> list[SentenceMention]:
    """Mentions of one sentence, from the cues above, without overlaps, in text order."""
    detector = _Detector(sentence, lexicon, cues)
    detector.latin_names()
    detector.org_and_person_markers()
    detector.quoted_names()
    detector.lexicon_words()
    detector.named_methods()
    detector.copula_types()
    detector.list_types()
    detector.quoted_list_types()
    detector.readings()
    return sorted(detector.found, key=lambda m: (m.start, m.end))


def propagate_names(
    sentence: ParsedSentence,
    mentions: list[SentenceMention],
    known: dict[str, SentenceMention],
) -> list[SentenceMention]:
    """Type untyped mentions and find other occurrences of names known in the document.

    ``known`` maps a match key (of the surface and of the canonical name) to a typed
    mention seen elsewhere in the same document.
    """
    text = fold_width(sentence.text)
    out: list[SentenceMention] = []
    for mention in mentions:
        if mention.entity_class is None:
            hit = known.get(match_key(mention.surface)) or known.get(match_key(mention.canonical))
            if hit is not None:
                mention = replace(
                    mention,
                    entity_class=hit.entity_class,
                    canonical=hit.canonical,
                    key=hit.key,
                    cue=mention.cue + "+document",
                    wikidata=hit.wikidata,
                )
        out.append(mention)
    taken = [(m.start, m.end) for m in out]
    for surface_key, hit in sorted(known.items(), key=lambda kv: -len(kv[0])):
        surface = hit.canonical if match_key(hit.canonical) == surface_key else hit.surface
        if surface.isascii() or len(surface) < 2:
            continue  # Latin names were all found by the Latin cue already
        for match in re.finditer(re.escape(surface), text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            if sentence.doc.char_span(start, end, alignment_mode="strict") is None:
                continue
            if is_type_noun_use(text, start, end):
                continue
            out.append(replace(hit, start=start, end=end, surface=text[start:end], cue="document"))
            taken.append((start, end))
    return sorted(out, key=lambda m: (m.start, m.end))
