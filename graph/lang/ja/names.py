"""Candidate names in a parsed Japanese sentence, each with the class evidence its cues give.

Names are found on the surface first, because the tokenizer splits what it does not
know (``智|譜|AI``, ``ミナト|ロボティクス``) and the parse then follows the pieces:

* Latin-script runs (``Mistral-7B-v0.1``, ``Stability AI``, ``Run:ai``), with a glued
  country prefix (``米Waymo``) or company / person marker (``Helix Vision社``, ``Lee氏``);
* names in 「」『』 (``大規模言語モデル「ERNIE 4.0」``, ``「Duolingo Max」``);
* Japanese names written with a marker: ``〜社``, ``株式会社〜``, ``〜氏``, a title after a
  name (``ティム・クックCEO``), a company-name ending (``霧島ソリューションズ``, ``白樺銀行``);
* proper nouns and katakana compounds Sudachi knows or cannot split into words;
* the shared gazetteer (aliases in every language, Sudachi's normalized forms too).

Overlapping candidates resolve to the longest well-formed span (``東京大学`` over
``東京``). The context then adds votes: a type noun in apposition (``スタートアップの``,
``ゲーム大手の``, ``モデル「…」``, ``「…」コーパス``), a counted list (``A、B、Cの3社``).
No class is decided here: :mod:`graph.extraction.typing` does that once per document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from graph.canonical import has_size_token, is_katakana, match_key, normalize_surface, slug
from graph.extraction.readings import Vote
from graph.lang.ja.cues import Cues
from graph.lang.ja.syntax import ROUND_LABEL
from graph.lexicon import Lexicon, LexiconEntry

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Found", "NameFinder", "compound_before", "introduces_a_name", "is_name_like"]

# Weights of the cues (see graph.extraction.typing: one plain role in a frame votes 1.0).
LEXICON, MARKER, TITLE, TYPE_NOUN, STRONG_HEAD, SIZE, COPULA, COUNTED = (
    10.0,
    5.0,
    4.0,
    3.0,
    3.0,
    2.5,
    2.5,
    2.5,
)
WEAK_APPOSITION = 0.8
_FOOTNOTE = re.compile(r"\s*[※＊]\d*$")
SIBLING = 1.0  # a listed name's class, from the names listed beside it
COUNTRY, LIST, WEAK_HEAD, PERSON_TAGS, ORG_WORD, ORG_TAG, VERSION = (
    2.0,
    2.0,
    1.5,
    1.5,
    1.5,
    1.5,
    1.2,
)

_L = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
# A Latin-script name: words of letters/digits joined by single spaces, hyphens, dots,
# colons, ampersands or apostrophes ("Run:ai", "AT&T", "Amazon.com", "Mixtral 8x7B"), and
# the multiplication sign of a mixture of experts' size ("Tanuki-8×8B").
_LATIN_NAME = re.compile(
    rf"(?<![{_L}0-9])[{_L}0-9][{_L}0-9]*(?:(?:[.+:&']|(?<=\d)×(?=\d))[{_L}0-9]+)*\+*"
    rf"(?:(?:[ \-_・·/]|(?<=[{_L}])(?=\d))[{_L}0-9]+(?:(?:[.+:&']|(?<=\d)×(?=\d))[{_L}0-9]+)*\+*)*"
)
_QUOTED = re.compile(r"[「『]([^「」『』]{1,60})[」』]")
_KANA = re.compile(r"[\u3041-\u3096]")
_CJK = re.compile(r"[\u4e00-\u9fff\u3005\u30a0-\u30ffA-Za-z0-9]")
_NOUNISH = re.compile(r"[\u30a0-\u30ff\u4e00-\u9fff\u3005A-Za-z0-9ー・]+$")
_NOUN_START = re.compile(r"[\u30a0-\u30ff\u4e00-\u9fff\u3005A-Za-z]+")
_COUNTED = re.compile(
    r"[」』]?(?:の|ら)?(?:計)?(?P<n>\d+|[一二三四五六七八九十両]+)"
    r"(?P<unit>社|人|氏|者|団体|機関|モデル|種類)(?![\u4e00-\u9fff])"
)
# What follows a news outlet's name: it reports (が報じた, の報道によると, によれば).
_NEWS_SOURCE = re.compile(
    r"(?:が|は)(?:[^、。]{0,12}と)?(?:報じ|伝え|報道|スクープ|特報)"
    r"|の(?:報道|取材|記事|調査|分析|報告|試算|集計|推計)(?:によると|によれば|では|で)"
    r"|(?:によると|によれば)"
)
# A count of a type noun: "の両システム", "の2プラットフォーム" (社, 人 are _COUNTED's units)
_COUNTED_TYPE = re.compile(
    r"[」』]?の(?:計)?(?:\d+|[二三四五六七八九十両]+)(?P<noun>[\u30a0-\u30ff\u4e00-\u9fffA-Za-z]{2,10})"
)
_COUNTED_LIST = re.compile(
    r"(?P<members>(?:[^、。「」『』はがをにのでと]{2,20}、){1,8}[^、。「」『』はがをにのでと]{2,20})"
    r"(?:など)?の(?:計)?(?:\d+|[二三四五六七八九十])(?:種類|社|人|団体|機関|つ|件|カ国)"
)
_LIST_TAIL = re.compile(
    r"[」』]?(?:など|等|といった|のような|をはじめとする|をはじめ)(?:の)?(?:[\u4e00-\u9fff]{1,4}の)?"
    r"(?P<noun>[\u30a0-\u30ff\u4e00-\u9fffA-Za-z]+)"
)
_JOINER = re.compile(r"[」』]?\s?(?:、|,\s?|と|や|および|及び|並びに|・)?\s?[「『]?|[」』]")
_ORG_WORDS = re.compile(
    r"(?:^|\s)(?:Inc|Corp|Corporation|Co|Ltd|LLC|GmbH|AG|SA|Labs?|Lab|Technologies|Technology|"
    r"Systems|Ventures|Capital|Partners|Research|Robotics|Networks|Semiconductors?|Holdings|"
    r"Group|Dynamics|Analytics|Computing|Cloud|Foundation|Institute|University|Electronics|"
    r"Industries|Motors|Insights|AI|Health|Media|Software|Studios?|Bank|Japan|Chips|Data|"
    r"Intelligence|Solutions|Security|Energy|Power|Cooling|Mind|Reasoning|Compute|Silicon)\.?$"
)
_COPULA_TAIL = re.compile(
    r"([\u30a0-\u30ff\u4e00-\u9fffA-Za-z]+)(?:だ|である|です|だった|でした|となる)[。．]?\s*$"
)
_PERSON_TAG = "人名"
#: A generic-looking compound may be typed by its role only as a doer (a company's name
#: can end in a common word; a product described by common words is no name).
_AGENTS = frozenset({"Organization", "Person"})
_PLACE_TAG = "地名"
_DATEISH = re.compile(
    r"^(?:\d+|[一二三四五六七八九十百千]+)(?:年|月|日|時|分|期|度|%|割|倍|人|社|件|億|万|兆)?"
)


@dataclass(frozen=True)
class Found:
    """A candidate name in the clean text of a sentence (clean-text offsets)."""

    start: int
    end: int
    unit_end: int  # end of the whole written unit, with a marker that belongs to it (社, 氏)
    surface: str
    canonical: str
    votes: tuple[Vote, ...] = ()
    wikidata: str | None = None
    priority: int = 0  # breaks ties between candidates of one span: gazetteer > marker > shape
    lexical: bool = False  # canonical comes from the gazetteer
    role_only: bool = False  # a bare noun phrase: a name only if a frame role types it
    inferable: frozenset[str] | None = None  # classes a role may give it (None: any)

    @property
    def key(self) -> str:
        return slug(self.canonical)

    def with_votes(self, *votes: Vote) -> Found:
        return replace(self, votes=self.votes + votes)


def compound_before(text: str, start: int) -> tuple[str, str]:
    """The noun compound just before ``start`` and the joiner between it and the name.

    ``大規模言語モデル「LLaMA」`` -> ("大規模言語モデル", "「"); ``団体・OpenAI`` -> ("団体", "・");
    ``スタートアップのNexora`` -> ("スタートアップ", "の").
    """
    before = text[:start]
    joiner = ""
    for candidate in ("の「", "の『", "「", "『", "・", "の", "、", " ", "である", "であり"):
        if before.endswith(candidate):
            joiner, before = candidate, before[: -len(candidate)]
            break
    found = _NOUNISH.search(before)
    return (found.group(0) if found else "", joiner)


def is_name_like(token: Token) -> bool:
    """A word that can be part of a name: a proper noun, a katakana or Latin word."""
    text = token.text
    return (
        token.pos_ == "PROPN"
        or "固有名詞" in token.tag_
        or is_katakana(text)
        or bool(re.fullmatch(rf"[{_L}0-9.\-]+", text))
    )


_NOT_IN_NAMES = frozenset(
    {
        "氏",
        "社",
        "さん",
        "ら",
        "等",
        "たち",
        "など",
        "向け",
        "製",
        "系",
        "的",
        "担当",
        "担当者",
        "担当幹部",
        "傘下",
        "出身",
        "発",
        # 現在ミカゲ技研に在籍: a time word glued to a name is no part of it
        "現在",
        "当時",
        "今回",
        "今後",
        "昨年",
        "今年",
        "同日",
        "同年",
    }  # 米アルファベット傘下グーグル, 東大発ベンチャー: relations, not name parts
)
_HIRAGANA = re.compile(r"[\u3041-\u309f]+")
_QUOTE_MARKS = frozenset({'"', "“", "”", "‘", "’", "«", "»"})  # the tagger calls " a noun


_KANA_VERSION = re.compile(
    r"[\u30a0-\u30ff][\u30a0-\u30ff・ー()A-Za-z ]*[\u30a0-\u30ff)]\s?\d+(?:\.\d+)*"
)
#: An aside giving where a company is: 東京都港区, 米カリフォルニア州, 本社：大阪市.
#: The version glued after a katakana name: 3.5, 4.0, S24, X1 and an edition word (3 Opus).
_KANA_NAME_VERSION = re.compile(
    r"(?:(?P<dotted>\d+(?:\.\d+)+)|(?P<lettered>[A-Z]{1,2}\d+[a-z]?)|\d+)"
    r"(?:[ \-](?P<edition>[A-Za-z][A-Za-z0-9]*))?"
)
_PLACE_GLOSS = re.compile(
    r"(?:本社[：:])?[\u4e00-\u9fff\u30a1-\u30ff]{1,8}(?:都|道|府|県|市|区|町|村|州)"
    r"(?:[\u4e00-\u9fff]{1,6}(?:市|区|町|村))?"
)
_LATIN_LIST = re.compile(r"[A-Za-z0-9]・[A-Za-z][^・]*・[A-Za-z]")


def _latin_spans(text: str) -> Iterator[tuple[int, int]]:
    """Latin-script name runs; a run with two or more ・ is a list (GPT・BERT・CLIP), split at
    them, while one ・ may be part of a name (DALL・E 2)."""
    for match in _LATIN_NAME.finditer(text):
        start, end = match.span()
        if text.count("・", start, end) < 2:
            yield start, end
            continue
        for part in re.finditer(r"[^・]+", text[start:end]):
            yield start + part.start(), start + part.end()


def _japan_subsidiary(run: list[Token]) -> bool:
    """``日本IBM``, ``日本マイクロソフト``: 日本 glued to a Latin or katakana company name is
    the name of its Japanese company, not a descriptor (日本企業, 日本のIBM are not)."""
    return (
        len(run) > 1
        and run[0].text == "日本"
        and run[0].idx + 2 == run[1].idx
        and (bool(re.match(r"[A-Za-z]", run[1].text)) or is_katakana(run[1].text))
    )


def _only_org_head(cues: Cues, word: str) -> bool:
    head = cues.org_head(" " + word)
    return head is not None and head[0] == word


def _adverbial_before_name(run: list[Token]) -> bool:
    """``その後アルトマン氏``, ``今のところOpenAIを``: a time or adverbial noun (Sudachi's
    副詞可能) glued before a proper, katakana or Latin word is no part of the name
    (毎日新聞 keeps 毎日: a common kanji noun follows it)."""
    if len(run) < 2 or not run[0].tag_.endswith("副詞可能"):
        return False
    following = run[1]
    return (
        "固有名詞" in following.tag_
        or is_katakana(following.text)
        or bool(re.match(r"[A-Za-z]", following.text))
    )


def _affiliation_dot(run: list[Token], token: Token) -> bool:
    """``Sakana AI・伊藤錬COO``, ``トヨタ・豊田章男社長``: a ・ between a company and a person
    written after it joins two names, not one; ``ティム・クック`` (two parts of a person's
    name) is one. The sign is a surname after the dot that is in kanji, or a person's name
    after a Latin company name."""
    if len(run) < 2 or run[-1].text != "・" or _PERSON_TAG in run[-2].tag_:
        return False
    surname = "人名-姓" in token.tag_ and re.fullmatch(r"[\u4e00-\u9fff\u3005]+", token.text)
    latin_before = run[-2].text.isascii() and not token.text.isascii()
    return bool(surname) or (latin_before and _PERSON_TAG in token.tag_)


def _is_noun(token: Token) -> bool:
    """A word a name can be made of: a noun by its dictionary tag (the tagger's POS calls
    カナメ an adverb), any katakana word, a middle dot or hyphen inside a name."""
    text = token.text
    if text in _NOT_IN_NAMES or text in _QUOTE_MARKS:
        return False
    if token.tag_.startswith("接尾辞") and _HIRAGANA.fullmatch(text):
        return False  # "Mistral AIとも手を組んだ": とも is a particle-like suffix, not a name part
    return (
        (token.tag_.startswith(("名詞", "接頭辞")) and not token.tag_.startswith("名詞-数詞"))
        or token.pos_ in ("NOUN", "PROPN")
        or is_katakana(text)
        or (token.pos_ == "SYM" and text in ("・", "-", "=", "＝"))  # バンクマン=フリード
    )


class NameFinder:
    """Finds the candidate names of one sentence (see the module docstring)."""

    def __init__(
        self, lexicon: Lexicon, cues: Cues, relational: frozenset[str] = frozenset()
    ) -> None:
        self.lexicon = lexicon
        self.cues = cues
        # Trigger nouns and titles: never the last word of a name (LINEヤフー|傘下, AI|開発).
        self.relational = relational | frozenset(cues.titles)
        self._type_nouns = frozenset(noun for noun, _ in cues.type_nouns)

    # ------------------------------------------------------------------ entry point
    def find(self, text: str, doc: Doc, glosses: Sequence[tuple[int, str]] = ()) -> list[Found]:
        """The names of one sentence's clean text; ``glosses`` are its bracketed asides as
        (offset in the clean text, text), which mark the word before them as a name."""
        candidates: list[Found] = []
        candidates += self._glossed(text, doc, glosses)
        if _KANA.search(text) or (_CJK.search(text[:1] or " ") and not text.isascii()):
            candidates += self._latin(text)
        candidates += self._quoted(text)
        candidates += self._lexicon_words(text, doc)
        candidates += self._marked(text, doc)
        candidates += self._org_heads(text, doc)
        candidates += self._proper_nouns(text, doc)
        candidates += self._counted_members(text, doc)
        candidates += self._japan_subsidiaries(text, candidates)
        candidates = [
            c
            for c in candidates
            # (a type noun introducing the next name, "AIスタートアップの「X」", is no name;
            # "ミナセ計算研究所の「Kagami」", a name with a company ending, is)
            if not (
                introduces_a_name(text, c.unit_end)
                and self.cues.type_of_noun(c.surface)
                and not any(v.cue.startswith("org-head:") for v in c.votes)
            )
            and not self._event_word(text, c)
            and not ROUND_LABEL.fullmatch(c.surface)  # シリーズF, シードラウンド: no names
            and not (_LATIN_LIST.search(c.surface) and not c.lexical)  # GPT・BERT・CLIP
            and not (
                c.surface.endswith(self.cues.non_name_heads)
                and not c.lexical
                and not _opens_quote(text, c.start)
            )
        ]
        chosen = _resolve_overlaps(candidates)
        chosen = self._drop_descriptors(text, chosen)
        chosen = [self._context_votes(text, found, chosen) for found in chosen]
        chosen = self._copula_votes(text, chosen)
        return self._list_votes(text, chosen)

    def _glossed(self, text: str, doc: Doc, glosses: Sequence[tuple[int, str]]) -> list[Found]:
        """``美団(メイトゥアン)``, ``美団(北京市、メイトゥアン)``: a kanji word glossed with its
        reading in katakana or Latin letters is a name (a Chinese company's, most often),
        even one the tokenizer cuts into common words."""
        out = []
        for anchor, gloss in glosses:
            parts = [p.strip() for p in re.split(r"[、,，]", gloss)]
            if _PLACE_GLOSS.fullmatch(gloss.strip()) and re.match(
                r"[\u30a1-\u30ff]", text[anchor - 1 : anchor]
            ):
                # "スタートアップ、ヴィジョナ（東京都港区）": a place in brackets after a
                # katakana word says where that company is.
                start = anchor
                while start > 0 and re.match(r"[\u30a1-\u30ff・]", text[start - 1]):
                    start -= 1
                if anchor - start >= 2 and not self.cues.type_of_noun(text[start:anchor]):
                    votes = (Vote("Organization", TYPE_NOUN, "aside:place"),)
                    out.append(self._make(text, start, anchor, votes, priority=1))
                continue
            if not any(
                (is_katakana(p) and len(p) >= 3) or re.fullmatch(r"[A-Z][A-Za-z0-9 .&\-]+", p)
                for p in parts
            ):
                continue
            start = anchor
            latin = any(re.fullmatch(r"[A-Z][A-Za-z0-9 .&\-]+", p) for p in parts)
            # "美団(メイトゥアン)": kanji with its reading; "マヌス(Manus)": katakana with its
            # spelling in Latin letters
            letters = (
                r"[\u4e00-\u9fff\u3005]" if not latin else r"[\u4e00-\u9fff\u3005\u30a1-\u30ff]"
            )
            while start > 0 and re.match(letters, text[start - 1]):
                start -= 1
            prefix = next(
                (p for p in self.cues.country_prefixes if text.startswith(p, start)), None
            )
            if prefix and anchor - start - len(prefix) >= 2:
                start += len(prefix)  # "米連邦通信委員会（FCC）": the country is no part of it
            if not 2 <= anchor - start <= 8:
                continue
            surface = text[start:anchor]
            if self._described_noun(surface) or self.cues.anaphor_class(surface):
                continue
            found = self._make(text, start, anchor, priority=1)
            out.append(found if found.lexical else replace(found, inferable=_AGENTS))
        return out

    def _drop_descriptors(self, text: str, chosen: list[Found]) -> list[Found]:
        """``ビジネスチャットの米Slack``, ``インフラ自動化ソフトウェアの米HashiCorp``: a bare noun
        phrase in apposition before a name describes it; it is not a name itself."""
        starts = {f.start for f in chosen}
        out = []
        for found in chosen:
            if not found.votes and not found.lexical and text.startswith("の", found.unit_end):
                position = found.unit_end + 1
                prefix = next(
                    (p for p in self.cues.country_prefixes if text.startswith(p, position)), ""
                )
                position += len(prefix)
                if position in starts or (position + 1 in starts and text[position] in "「『"):
                    continue
            out.append(found)
        return out

    def _event_word(self, text: str, found: Found) -> bool:
        """``微調整を行う``, ``ファインチューニングし``: a trigger word names an action, not
        the technique, unless it is quoted or called a method (``微調整という手法``)."""
        if found.surface not in self.relational:
            return False
        if _opens_quote(text, found.start):
            return False
        after = text[found.unit_end : found.unit_end + 6]
        return not after.startswith(("という", "と呼ばれる", "手法", "技術", "方式"))

    def _copula_votes(self, text: str, chosen: list[Found]) -> list[Found]:
        """``「Phi-3-mini」は…小型言語モデルだ``: the topic is what the sentence ends by
        calling it."""
        tail = _COPULA_TAIL.search(text)
        if tail is None:
            return chosen
        entity_class = self.cues.type_of_noun(tail.group(1))
        if entity_class is None:
            return chosen
        out = sorted(chosen, key=lambda f: f.start)
        vote = Vote(entity_class, COPULA, f"copula:{tail.group(1)}")
        for i, found in enumerate(out):
            after = text[found.unit_end :]
            after = after[1:] if after[:1] in "」』" else after
            if after.startswith(("は", "とは", "も")) and found.start < tail.start():
                out[i] = found.with_votes(vote)
                j = i  # the names coordinated with the topic share its class
                while j > 0 and _JOINER.fullmatch(text[out[j - 1].unit_end : out[j].start]):
                    j -= 1
                    out[j] = out[j].with_votes(vote)
        return out

    # ------------------------------------------------------------------ helpers
    def _entry(self, surface: str) -> LexiconEntry | None:
        entry = self.lexicon.lookup(surface)
        if entry is None and len(surface) > 2:
            # News shortens group names: ソフトバンクG, 楽天G (グループ), 住友HD (ホールディングス).
            for short, full in (("G", "グループ"), ("HD", "ホールディングス")):
                if surface.endswith(short) and not surface[: -len(short)].isascii():
                    entry = self.lexicon.lookup(surface[: -len(short)] + full)
                    break
        return entry

    def _make(
        self,
        text: str,
        start: int,
        end: int,
        votes: Iterable[Vote] = (),
        *,
        unit_end: int | None = None,
        priority: int = 0,
        role_only: bool = False,
        strip_org: bool = False,
    ) -> Found:
        while start < end and text[start] in "・ 　-":
            start += 1  # "AIスタートアップ・Mistral AI": the dot joins apposition, not the name
        footnote = _FOOTNOTE.search(text, start, end)
        if footnote is not None and footnote.start() > start:
            # "「Depth Fold※2」": a footnote mark is no part of the name, but of its unit
            unit_end, end = unit_end or end, footnote.start()
        surface = text[start:end]
        entry = self._entry(surface)
        votes = tuple(votes)
        if entry is not None:
            return Found(
                start,
                end,
                unit_end or end,
                surface,
                entry.name,
                (Vote(entry.entity_class, LEXICON, "lexicon"), *votes),
                entry.wikidata,
                priority + 10,
                lexical=True,
            )
        canonical = normalize_surface(surface)
        if strip_org:
            canonical = self._strip_org(canonical)
        return Found(
            start,
            end,
            unit_end or end,
            surface,
            canonical,
            votes,
            None,
            priority,
            role_only=role_only,
        )

    def _strip_org(self, name: str) -> str:
        """``ソフトバンクグループ`` stays (a different company from ``ソフトバンク``) when the
        gazetteer knows it; otherwise group / legal-form endings are not part of the name."""
        if self._entry(name) is not None:
            return name
        for suffix in ("株式会社", "ホールディングス", "グループ", "HD"):
            if name.endswith(suffix) and len(name) > len(suffix) + 1:
                stripped = name[: -len(suffix)].rstrip(" ・")
                if self._entry(stripped) is None or suffix == "株式会社":
                    return stripped if suffix == "株式会社" else name
        for prefix in self.cues.org_prefixes:
            if name.startswith(prefix) and len(name) > len(prefix) + 1:
                return name[len(prefix) :].lstrip(" ・")
        return name

    def _suffix_at(self, text: str, end: int) -> tuple[str, str] | None:
        """A company or person marker written right after a name: ("社", "Organization")."""
        rest = text[end:]
        for suffix in ("株式会社", "社"):
            if rest.startswith(suffix):
                after = rest[len(suffix) : len(suffix) + 1]
                if suffix == "社" and after in ("会", "員", "長", "内", "外", "製", "債", "屋"):
                    return None  # 社会, 社員, 社長 … are words, not the marker
                return suffix, "Organization"
        for suffix in self.cues.person_suffixes:
            if rest.startswith(suffix):
                return suffix, "Person"
        return None

    # ------------------------------------------------------------------ Latin names
    def _latin(self, text: str) -> list[Found]:
        out = []
        for start, end in _latin_spans(text):
            surface = text[start:end].rstrip(".'/ -")
            end = start + len(surface)
            kana = self._kana_with_version(text, start, end)
            if kana is not None:
                out.append(kana)
            # Generic leading words written apart ("GPU Nexa" is Nexa); "AI Labs" and
            # "LLM-jp" are names of their own.
            words = re.split(r"(?<=\S)(?= )", surface)
            while len(words) > 1 and words[0].strip() in self.cues.generic_latin:
                if len(words) == 2:
                    break
                start += len(words[0])
                words = words[1:]
                while start < end and text[start] in " -_・·":
                    start += 1
            # "Quora CEOのAdam D'Angelo氏": a title written after a name is not part of it.
            while len(words) > 1 and words[-1].strip() in self.cues.titles:
                end -= len(words[-1])
                words = words[:-1]
            surface = text[start:end]
            if (
                surface in self.cues.generic_latin
                or len(surface) < 2
                or (
                    re.fullmatch(r"[\d.,:/\-]+[A-Za-z]{0,2}", surface)
                    and not has_size_token(surface)
                )
                or _DATEISH.fullmatch(surface)
            ):
                continue
            if re.fullmatch(r"\d+(?:\.\d+)?[BbMmKkTt]", surface):
                continue  # a bare size (13B): an attribute value, not a name
            if surface.islower() and surface.casefold() in self.cues.edition_words:
                continue  # "Llama-2のbase モデル": an edition word alone names nothing
            quoted = _opens_quote(text, start)
            if re.fullmatch(r"[A-Z]{1,2}", surface) and not quoted and self._entry(surface) is None:
                continue  # "大規模なDC", "EV大手": an abbreviation of a common noun
            out.append(self._latin_name(text, start, end))
        return out

    def _kana_with_version(self, text: str, start: int, end: int) -> Found | None:
        """``クロード3.5 Sonnet``, ``ギャラクシーS24``, ``ジェミニ2.0 Flash``: a name written in
        katakana with its version in Latin letters and digits glued after it is one name (the
        tokenizer cuts it at the script change, and the pieces are neither name). A common
        katakana noun before a plain count (``レベル3``, ``テーマ10``) is no name: the version
        must look like one (a dotted number, letters and digits, or an edition word after it)."""
        kana_start = start
        while kana_start > 0 and re.match(r"[\u30a1-\u30fa\u30fc・]", text[kana_start - 1]):
            kana_start -= 1
        kana = text[kana_start:start].strip("・")
        if len(kana) < 2 or not is_katakana(kana):
            return None
        version = _KANA_NAME_VERSION.match(text[start:end])
        if version is None:
            return None
        edition = version.group("edition")
        if not (version.group("dotted") or version.group("lettered")) and not (
            edition and edition.casefold() in self.cues.edition_words
        ):
            return None
        if (
            self.cues.type_of_noun(kana)
            or kana in self.cues.measure_nouns
            or kana in self.relational
            or kana in self.cues.descriptors
            or kana.endswith(tuple(self.cues.counting_nouns))
        ):
            return None  # "モデル3.5", "スコア8.5", "バージョン2.0": a type or counting word
        kana_start = text.index(kana, kana_start)
        vote = Vote("AIModel", VERSION, "name:version")
        return self._make(text, kana_start, end, (vote,), priority=3)

    def _latin_name(self, text: str, start: int, end: int) -> Found:
        surface = text[start:end]
        votes: list[Vote] = []
        unit_end = end
        marker = self._suffix_at(text, end)
        if marker is not None:
            suffix, entity_class = marker
            votes.append(Vote(entity_class, MARKER, f"marker:{suffix}"))
            unit_end = end + len(suffix)
        if text[:start].endswith(tuple(self.cues.org_prefixes)):
            votes.append(Vote("Organization", MARKER, "marker:株式会社"))
        title = self.cues.title_at(text, end)
        if title is not None and not title.isascii() and marker is None:
            # "Maya Lin所長": a Latin name glued to a kanji title is a person's.
            votes.append(Vote("Person", TITLE, f"title:{title}"))
        prefix = next((p for p in self.cues.country_prefixes if text[:start].endswith(p)), None)
        if prefix is not None and not re.search(r"[\u4e00-\u9fff]$", text[: start - len(prefix)]):
            votes.append(Vote("Organization", COUNTRY, f"country:{prefix}"))
        if has_size_token(surface):
            votes.append(Vote("AIModel", SIZE, "name:size"))
        elif re.search(r"\d", surface) and re.search(rf"[{_L}]", surface):
            votes.append(Vote("AIModel", VERSION, "name:version"))
        if (_ORG_WORDS.search(surface) and " " in surface) or re.search(
            r"(?:Labs?|Inc\.?|Corp\.?|LLC|Ltd\.?|GmbH)$", surface
        ):
            votes.append(Vote("Organization", ORG_WORD, "name:org-word"))
        return self._make(text, start, end, votes, unit_end=unit_end, priority=3)

    # ------------------------------------------------------------------ quoted names
    def _japan_subsidiaries(self, text: str, candidates: list[Found]) -> list[Found]:
        """``日本IBM``, ``日本マイクロソフト``: 日本 glued before a known company names its
        Japanese company, an entity of its own (日本企業, 日本のIBM do not)."""
        out = []
        for found in candidates:
            start = found.start
            if (
                text[max(0, start - 2) : start] != "日本"
                or re.match(r"[\u4e00-\u9fff]", text[max(0, start - 3) : max(0, start - 2)])
                or not any(
                    v.entity_class == "Organization" and v.weight >= TYPE_NOUN for v in found.votes
                )
            ):
                continue
            vote = Vote("Organization", TYPE_NOUN, "subsidiary:日本")
            out.append(
                self._make(
                    text, start - 2, found.end, (vote,), unit_end=found.unit_end, priority=16
                )
            )
        return out

    def _quoted(self, text: str) -> list[Found]:
        out = []
        for match in _QUOTED.finditer(text):
            inner = match.group(1)
            start, end = match.span(1)
            stripped = inner.strip()
            if not stripped or "。" in inner or len(stripped) > 50:
                continue
            compound, _ = compound_before(text, match.start())
            entity_class = self.cues.type_of_noun(compound) if compound else None
            after = _NOUN_START.match(text, match.end())
            after_class = self.cues.type_of_noun(after.group(0)) if after else None
            hiragana = len(_KANA.findall(inner))
            speech = (
                hiragana > 2
                or inner.endswith(("だ", "です", "ない", "た", "る"))
                or re.search(r"[^\u3041-\u3096][はがを][^\u3041-\u3096]", inner) is not None
            )
            if speech and entity_class is None and after_class is None:
                continue  # a quoted phrase, not a name
            if re.fullmatch(r"[\d,.]+", stripped) or re.fullmatch(
                r"\d+(?:\.\d+)?[BbMmKkTt]", stripped
            ):
                continue  # a number or a bare size (「7B」): a value, not a name
            if "の" in inner and any(inner.endswith(w) for w in self.relational if len(w) > 1):
                continue  # 「生成AI時代の最大の勝者」: a characterization, not a name
            family = next((w for w in ("シリーズ", "ファミリー") if stripped.endswith(w)), None)
            if family and len(stripped) > len(family) + 1:
                # 「Claude 2シリーズ」: the series of the model named before the word
                end = start + inner.rindex(family)
                while end > start and text[end - 1] == " ":
                    end -= 1
                stripped = text[start:end].strip()
            votes = []
            if _KANA_VERSION.fullmatch(stripped):
                # 「エクサワン4.0」, 「ツバメ2」: a kana name with a version number is a model's
                # (Latin ones get this vote from _latin_name)
                votes.append(Vote("AIModel", VERSION, "name:version"))
            out.append(self._make(text, start, end, votes, priority=4))
        return out

    # ------------------------------------------------------------------ gazetteer
    def _lexicon_words(self, text: str, doc: Doc) -> list[Found]:
        """Non-Latin gazetteer aliases (グーグル, 百度) and Sudachi's normalized forms."""
        out = []
        pattern = self.lexicon.non_latin_pattern
        if pattern is not None:
            for match in pattern.finditer(text):
                start, end = match.span()
                if self._inside_word(doc, start, end) and not self._method_and_its_noun(
                    doc, match.group(0), start, end
                ):
                    continue
                if introduces_a_name(text, end):
                    # "大規模言語モデル「X」" introduces a name; "メタの「Llama 3」" is the
                    # company's model: a company or a person is no type noun.
                    entry = self._entry(match.group(0))
                    if entry is None or entry.entity_class not in ("Organization", "Person"):
                        continue
                    if self.cues.type_of_noun(match.group(0)):
                        continue
                out.append(self._make(text, start, end, priority=5))
        for token in doc:
            norm = token.norm_
            if norm != token.text and norm.isascii() and self._entry(norm) is not None:
                if not is_katakana(token.text):
                    continue
                entry = self._entry(norm)
                assert entry is not None
                start, end = token.idx, token.idx + len(token.text)
                if self._inside_word(doc, start, end):
                    continue  # 「マイクロソフトAI」 is a name of its own, not Microsoft
                out.append(
                    Found(
                        start,
                        end,
                        end,
                        token.text,
                        entry.name,
                        (Vote(entry.entity_class, LEXICON, "lexicon:norm"),),
                        entry.wikidata,
                        14,
                        lexical=True,
                    )
                )
        return out

    def _inside_word(self, doc: Doc, start: int, end: int) -> bool:
        """``オープンソースコミュニティ`` is not a mention of オープンソース; ``画像生成AI`` not
        of 生成AI: a gazetteer alias must not be glued to more noun on either side."""
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return True
        if span.start_char != start or span.end_char != end:
            return True
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        glued_after = (
            after is not None
            and after.idx == end
            and after.pos_ in ("NOUN", "PROPN")
            and not after.tag_.startswith("接尾辞")
            and not after.text.startswith(("社", "氏"))
        )
        glued_before = (
            before is not None
            and before.idx + len(before.text) == start
            and before.pos_ in ("NOUN", "PROPN")
            and not self.cues.country_prefixes.__contains__(before.text)
            and before.text not in self.cues.descriptors
            and not self._type_noun_before(doc, span.start)
        )
        return glued_after or glued_before or span.root.pos_ == "VERB"

    def _method_and_its_noun(self, doc: Doc, alias: str, start: int, end: int) -> bool:
        """``強化学習アルゴリズム``, ``深層学習技術``: a technique glued to a technique's type
        noun is that technique, named with what it is (unlike オープンソースコミュニティ)."""
        entry = self._entry(alias)
        if entry is None or entry.entity_class != "Technique":
            return False
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or span.start_char != start or span.end_char != end:
            return False
        j = span.end
        while (
            j < len(doc)
            and doc[j].pos_ in ("NOUN", "PROPN")
            and doc[j].idx == (doc[j - 1].idx + len(doc[j - 1].text))
        ):
            j += 1
        rest = doc.text[end : doc[j - 1].idx + len(doc[j - 1].text)] if j > span.end else ""
        return bool(rest) and dict(self.cues.type_nouns).get(rest) == "Technique"

    def _type_noun_before(self, doc: Doc, i: int) -> bool:
        """``新興企業|アンソロピック``: the glued nouns before token ``i`` are a type noun
        in apposition, which introduces a name rather than being part of a word with it."""
        j = i
        while (
            j > 0
            and doc[j - 1].idx + len(doc[j - 1].text) == doc[j].idx
            and doc[j - 1].pos_ in ("NOUN", "PROPN")
        ):
            j -= 1
            if self.cues.type_of_noun(doc.text[doc[j].idx : doc[i].idx]):
                return True
        return False

    # ------------------------------------------------------------------ marked names
    def _name_tokens_before(self, doc: Doc, i: int, *, person: bool) -> tuple[int, int] | None:
        """Start/end offsets of the name written right before token ``i``."""
        tokens = list(doc)
        j = i - 1
        while j >= 0:
            t = tokens[j]
            if t.idx + len(t.text) != (tokens[j + 1].idx if j + 1 < len(tokens) else 0) and (
                j != i - 1 and not t.text.isascii()
            ):
                break
            text = t.text
            if j > 0 and j + 1 < i and _affiliation_dot([tokens[j - 1], t], tokens[j + 1]):
                break  # "トヨタ・豊田章男社長": the company is written before the dot
            after_name = j > 0 and _PERSON_TAG in tokens[j - 1].tag_
            ok = (
                is_katakana(text)
                or (
                    text in ("=", "＝") and j > 0 and is_katakana(tokens[j - 1].text)
                )  # バンクマン=フリード
                or (person and _PERSON_TAG in t.tag_)
                or (
                    person
                    and after_name
                    and len(text) <= 2
                    and re.fullmatch(r"[\u4e00-\u9fff]+", text)
                )
                or (not person and _is_noun(t) and text not in self.cues.descriptors)
                or (not person and re.fullmatch(rf"[{_L}0-9.\-&]+", text) is not None)
            )
            if person and t.pos_ == "NOUN" and not is_katakana(text) and _PERSON_TAG not in t.tag_:
                ok = ok and after_name
            if not ok:
                break
            if self.cues.type_of_noun(text) and not person and j < i - 1:
                break
            j -= 1
        if j == i - 1:
            return None
        first, last = tokens[j + 1], tokens[i - 1]
        start, end = first.idx, last.idx + len(last.text)
        text = doc.text
        while start < end and text[start] in "・ ":
            start += 1
        return (start, end) if end > start else None

    def _marked(self, text: str, doc: Doc) -> list[Found]:
        """``〜社``, ``株式会社〜``, ``〜氏``, ``ティム・クックCEO``."""
        out = []
        tokens = list(doc)
        for i, token in enumerate(tokens):
            word = token.text
            if word in self.cues.person_suffixes or (word == "さん" and i > 0):
                span = self._name_tokens_before(doc, i, person=True)
                if span is not None and self._fit_person(text[span[0] : span[1]]):
                    votes = (Vote("Person", MARKER, f"marker:{word}"),)
                    out.append(
                        self._make(text, *span, votes, unit_end=token.idx + len(word), priority=6)
                    )
            elif (
                word in ("社", "株式会社")
                and i > 0
                and (
                    token.idx == tokens[i - 1].idx + len(tokens[i - 1].text)
                    # ("OpenAI 社の": a Latin name written apart from 社)
                    or (
                        word == "社"
                        and tokens[i - 1].text.isascii()
                        and text[token.idx - 1 : token.idx] == " "
                        and token.idx == tokens[i - 1].idx + len(tokens[i - 1].text) + 1
                    )
                )
                # ("…を株式会社X": after a particle 株式会社 opens the name that follows)
                and (word == "社" or _is_noun(tokens[i - 1]))
            ):
                if self._suffix_at(text, token.idx) is None:
                    continue
                span = self._name_tokens_before(doc, i, person=False)
                if span is not None:
                    # "米Brightwater Labs社": the country is no part of the name.
                    prefix = next(
                        (p for p in self.cues.country_prefixes if text.startswith(p, span[0])), None
                    )
                    rest = text[span[0] + len(prefix) : span[1]] if prefix else ""
                    if (
                        prefix
                        and rest
                        and ((rest[0].isascii() and rest[0].isalpha()) or is_katakana(rest[0]))
                    ):
                        span = (span[0] + len(prefix), span[1])
                if span is not None and self._fit_org(text[span[0] : span[1]]):
                    votes = (Vote("Organization", MARKER, f"marker:{word}"),)
                    unit = token.idx + len(word)
                    out.append(
                        self._make(text, *span, votes, unit_end=unit, priority=6, strip_org=True)
                    )
            elif word in self.cues.org_prefixes or (
                word == "株式" and i + 1 < len(tokens) and tokens[i + 1].text == "会社"
            ):
                start = token.idx + len(word) + (2 if word == "株式" else 0)
                end = self._run_end(text, doc, start)
                if end > start and self._fit_prefixed_org(text[start:end]):
                    votes = (Vote("Organization", MARKER, "marker:株式会社"),)
                    out.append(self._make(text, start, end, votes, priority=6, strip_org=True))
            title = self.cues.title_at(text, token.idx)
            if (
                title is not None
                and (title == word or self._title_ends_at_token(doc, token.idx + len(title)))
                and i > 0
                and word not in ("代表", "トップ")
            ):
                # ティム・クックCEO: a katakana or kanji person name glued to a title.
                span = self._name_tokens_before(doc, i, person=True)
                modifier = next(
                    (
                        m
                        for m in self.cues.title_modifiers
                        if span is not None
                        and text.endswith(m, *span)
                        and span[1] - span[0] > len(m) + 1
                        and m + title in self.relational
                    ),
                    None,
                )
                if span is not None and modifier is not None:
                    # "マリア・ロッシ上席|研究員": the modifier belongs to the title (上席研究員),
                    # though a short kanji word after a surname may be a given name.
                    span = (span[0], span[1] - len(modifier))
                if (
                    span is not None
                    and self._fit_person(text[span[0] : span[1]])
                    and text[span[0] : span[1]] not in self.cues.title_modifiers
                ):
                    surface = text[span[0] : span[1]]
                    if "・" in surface or any(_PERSON_TAG in t.tag_ for t in tokens[:i]):
                        votes = (Vote("Person", TITLE, f"title:{title}"),)
                        out.append(self._make(text, *span, votes, priority=5))
        return out

    @staticmethod
    def _title_ends_at_token(doc: Doc, end: int) -> bool:
        """``上席|研究員``: a title the tokenizer writes in several words still ends a name
        before it, if it ends where a word does (not inside ``研究員会``)."""
        return any(t.idx + len(t.text) == end for t in doc) and not any(
            t.idx < end < t.idx + len(t.text) for t in doc
        )

    def _run_end(self, text: str, doc: Doc, start: int) -> int:
        """End of the name that starts at ``start`` (after 株式会社): nouns, katakana, Latin.
        A type noun inside ends it (``株式会社Xのモデル``) unless the run goes on to a
        company-name ending (``株式会社新潟日報生成AI研究所``) or the type noun is a katakana
        word going on a katakana name (``株式会社アブストラクトエンジン``)."""
        end = start
        cut: int | None = None  # where the first type noun would end the name
        for token in doc:
            if token.idx < start:
                continue
            if token.idx != end:
                break
            if not (_is_noun(token) or re.fullmatch(rf"[{_L}0-9.\-&]+", token.text)):
                break
            if token.text in ("社", "氏"):
                break
            katakana_compound = is_katakana(token.text) and is_katakana(text[end - 1 : end])
            if (
                cut is None
                and end > start
                and self.cues.type_of_noun(token.text)
                and not katakana_compound
            ):
                cut = end
            end = token.idx + len(token.text)
        if cut is not None:
            ending = self.cues.org_head(text[start:end])
            if ending is None or not ending[1]:
                return cut
        return end

    def _fit_person(self, surface: str) -> bool:
        return (
            len(surface) >= 2
            and self.cues.anaphor_class(surface) is None
            and surface not in self.cues.descriptors
            and not self.cues.type_of_noun(surface)
            and _KANA.search(surface) is None
        )

    def _fit_org(self, surface: str) -> bool:
        return (
            len(surface) >= 2
            and self.cues.anaphor_class(surface) is None
            and surface not in self.cues.descriptors
            and not _DATEISH.match(surface)
            and self.cues.type_of_noun(surface) not in ("Organization",)
            and not self._described_noun(surface)
        )

    def _fit_prefixed_org(self, surface: str) -> bool:
        """After 株式会社 a name that ends like a type noun (``新潟日報生成AI研究所``) is
        still a name, if something stands before its company-name ending."""
        if self._fit_org(surface):
            return True
        ending = self.cues.org_head(surface)
        return (
            ending is not None
            and len(surface) - len(ending[0]) >= 2
            and not self._described_noun(surface)
            and self.cues.anaphor_class(surface) is None
        )

    def _described_noun(self, surface: str) -> bool:
        """``新会社``, ``大手企業``, ``国内勢``: a descriptor and a common noun, no name. A name
        may begin like a descriptor (``新潟日報``, ``日本電気``, ``大和証券``)."""
        for descriptor in self.cues.descriptors:
            if surface.startswith(descriptor):
                rest = surface[len(descriptor) :]
                if (
                    len(rest) <= 1
                    or rest in self._type_nouns
                    or rest in self.cues.descriptors
                    or self._described_noun(rest)
                ):
                    return True
        return False

    # ------------------------------------------------------------------ company-name endings
    def _noun_runs(self, doc: Doc) -> list[list[Token]]:
        """Maximal runs of glued nouns (no particle, bracket or comma between them)."""
        runs: list[list[Token]] = []
        current: list[Token] = []
        for token in doc:
            gap = doc.text[current[-1].idx + len(current[-1].text) : token.idx] if current else ""
            spaced = gap == " " and not current[-1].text.isascii() and not token.text.isascii()
            glued = bool(current) and (gap == "" or spaced)
            # "北京光年之外科技": 之 joins a Chinese name (the tokenizer calls it a particle)
            linking = (
                token.text == "之"
                and glued
                and bool(re.match(r"[\u4e00-\u9fff]", current[-1].text[-1:]))
            )
            if (_is_noun(token) or linking) and not _DATEISH.fullmatch(token.text):
                if (
                    current
                    and not glued
                    and not (current[-1].text.isascii() and token.text.isascii())
                ) or _affiliation_dot(current, token):
                    runs.append(current)
                    current = []
                current.append(token)
            else:
                if current:
                    runs.append(current)
                current = []
        if current:
            runs.append(current)
        return runs

    def _trim(self, run: list[Token]) -> list[Token]:
        """Drop what surrounds a name in a noun run: descriptors (大手, 国内), country
        prefixes (米), legal forms (株式会社) and a leading type noun (スタートアップ)."""
        while run and (
            (run[0].text in self.cues.descriptors and not _japan_subsidiary(run))
            or run[0].text in self.cues.country_prefixes
            or (run[0].text == "・" and len(run) > 1)  # アメリカ・プリンストン大学
            # "このほか米投資ファンド": an adverbial noun in hiragana opens no name
            or (len(run) > 1 and re.fullmatch(r"[\u3041-\u3096]+", run[0].text) is not None)
            or run[0].text in self.cues.org_prefixes
            or (run[0].text in self._type_nouns and len(run) > 1)
            # "GroqのCEOジョナサン・ロスは": a title written before the name it goes with
            or (run[0].text in self.cues.titles and len(run) > 1 and is_katakana(run[1].text))
            or (run[0].text == "株式" and len(run) > 1 and run[1].text == "会社")
            or _adverbial_before_name(run)
        ):
            run = run[2:] if run[0].text == "株式" else run[1:]
        # "エンジン開発元・Nuance Communications", "メガバンク・MUFG": common nouns, a dot and a
        # Latin-script name are a description in apposition and the name (DALL・E is Latin on
        # both sides; トヨタ・Woven begins with a proper noun and is left whole).
        dots = [k for k, t in enumerate(run) if t.text == "・"]
        for k in dots[:1]:
            if (
                0 < k < len(run) - 1
                and re.match(r"[A-Za-z]", run[k + 1].text)
                # ("オルカ・AI": a generic word after the dot makes one name with the word before)
                and "".join(t.text for t in run[k + 1 :]).strip() not in self.cues.generic_latin
                and all(
                    not t.text.isascii()
                    and "固有名詞" not in t.tag_
                    and self._entry(t.text) is None
                    for t in run[:k]
                )
            ):
                run = run[k + 1 :]
        # "国立|研究|開発|法人産業技術総合研究所": a legal form written in several words.
        for size in range(min(len(run) - 1, 5), 1, -1):
            if "".join(t.text for t in run[:size]) in self.cues.org_prefixes:
                run = run[size:]
                break
        # "AI研究企業DeepMind", "AIスタートアップCohere": a type noun in apposition, then the name.
        for cut in range(len(run) - 1, 0, -1):
            prefix = "".join(t.text for t in run[:cut])
            rest = "".join(t.text for t in run[cut:])
            if (
                self.cues.type_of_noun(prefix)
                and not run[cut - 1].text.isascii()
                # ("モエギ技研": the rest is only a company-name ending; "OpenAI" is a name)
                and not (len(run) - cut == 1 and _only_org_head(self.cues, rest))
                # "大規模言語モデル研究開発センター" is one name: what follows the type noun must
                # look like a name of its own (Latin, katakana, a proper noun).
                and any(
                    t.text.isascii() or is_katakana(t.text) or t.pos_ == "PROPN" for t in run[cut:]
                )
            ):
                run = run[cut:]
                break
        # "IT大手マイクロソフト", "半導体大手エヌビディア": an industry and a descriptor.
        for k in range(len(run) - 2, -1, -1):
            if run[k].text in self.cues.descriptors and k > 0:
                run = run[k + 1 :]
                break
        # "ジョン・ドウ上席|研究員": a title the tokenizer writes in several words ends no name.
        for size in (3, 2):
            if len(run) > size and "".join(t.text for t in run[-size:]) in self.relational:
                run = run[:-size]
                break
        while run and (
            run[-1].text in self.cues.org_prefixes
            or run[-1].text in ("・", "-", "兼")  # "孫正義会長兼社長": two titles
            or run[-1].text in self.relational
            or run[-1].lemma_ in self.relational
        ):
            run = run[:-1]
        return run

    def _org_heads(self, text: str, doc: Doc) -> list[Found]:
        out = []
        for run in self._noun_runs(doc):
            run = self._trim(run)
            if not run:
                continue
            if len(run) == 1:
                token = run[0]
                head = self.cues.org_head(token.text)
                modifier = token.text[: -len(head[0])] if head else ""
                # ヨツバシステムズ, 楽天グループ: a word the dictionary does not know, ending in a
                # company-name word (ナノテクノロジー is a word, hence not テクノロジー).
                single = head is not None and (
                    (head[0] in ("グループ", "ホールディングス", "HD") and len(modifier) > 1)
                    # 川崎重工業, 三菱電機: a proper noun in the dictionary with a strong ending
                    or (head[1] and "固有名詞" in token.tag_ and "地名" not in token.tag_)
                    or (
                        head[1]
                        and is_katakana(modifier)
                        and len(modifier) >= 3
                        and head[0] not in ("テクノロジー", "テクノロジーズ", "バイオ", "ジャパン")
                        and "固有名詞" not in token.tag_
                    )
                )
                if single and modifier not in self.cues.descriptors:
                    start, end = token.idx, token.idx + len(token.text)
                    vote = Vote("Organization", STRONG_HEAD, f"org-head:{head[0]}")
                    out.append(self._make(text, start, end, (vote,), priority=2))
                continue
            for last in range(len(run), 1, -1):
                piece = run[:last]
                surface = text[piece[0].idx : piece[-1].idx + len(piece[-1].text)]
                head = self.cues.org_head(surface)
                if head is None or not surface.endswith(piece[-1].text):
                    continue
                word, strong = head
                modifier = surface[: -len(word)]
                if (
                    not modifier
                    or modifier in self.cues.descriptors
                    or self.cues.type_of_noun(modifier)
                    or surface in self._type_nouns  # 投資ファンド, 研究機関: kinds, no names
                ):
                    continue
                first = piece[0]
                if not strong and not is_name_like(first):
                    continue
                if (
                    self.cues.type_of_noun(surface) == "Organization"
                    and word not in surface[-len(word) :]
                ):
                    continue
                start, end = piece[0].idx, piece[-1].idx + len(piece[-1].text)
                vote = Vote(
                    "Organization", STRONG_HEAD if strong else WEAK_HEAD, f"org-head:{word}"
                )
                out.append(self._make(text, start, end, (vote,), priority=2))
                break
        return out

    # ------------------------------------------------------------------ proper nouns
    def _proper_nouns(self, text: str, doc: Doc) -> list[Found]:
        """Proper nouns and katakana compounds: candidates a role or cue may type."""
        out = []
        for whole in self._noun_runs(doc):
            run = self._trim(whole)
            # "半導体会社アーム", "米新興企業アンソロピック": a word right after a company type
            # noun is the company's name, even one the dictionary knows as a common word.
            introduced = (
                len(run) == 1
                and run[0].i > whole[0].i
                and is_katakana(run[0].text)
                and len(run[0].text) >= 3
                and self.cues.type_of_noun(text[whole[0].idx : run[0].idx]) == "Organization"
                and not self.cues.type_of_noun(run[0].text)
            )
            # "ベンチャーキャピタルのベンチマーク": so does a company type noun and の before it.
            introduced = introduced or (
                len(run) == 1
                and run[0].i == whole[0].i
                and is_katakana(run[0].text)
                and len(run[0].text) >= 3
                and text[run[0].idx - 1 : run[0].idx] == "の"
                and self.cues.type_of_noun(compound_before(text, run[0].idx - 1)[0])
                == "Organization"
                and not self.cues.type_of_noun(run[0].text)
            )
            # "米アルファベット": a country prefix makes a name of a word the dictionary knows.
            countried = (
                len(run) == 1
                and whole[0].text in self.cues.country_prefixes
                and run[0].i > whole[0].i
                and is_katakana(run[0].text)
                and len(run[0].text) >= 3
            )
            while len(run) > 1 and self.cues.type_of_noun(run[-1].text) and run[-2].text.isascii():
                run = run[:-1]  # "Gemmaモデル": the name and a type noun glued to it
            if not run:
                continue
            start, end = run[0].idx, run[-1].idx + len(run[-1].text)
            surface = text[start:end]
            if surface.isascii() or len(surface) < 2 or _DATEISH.fullmatch(surface):
                continue
            if self.cues.anaphor_class(surface) or surface in self.cues.descriptors:
                continue
            tags = [t.tag_ for t in run]
            persons = sum(_PERSON_TAG in t for t in tags)
            if persons >= 2 and all(
                _PERSON_TAG in t or is_katakana(tok.text) for t, tok in zip(tags, run, strict=True)
            ):
                out.append(
                    self._make(
                        text, start, end, (Vote("Person", PERSON_TAGS, "tag:人名"),), priority=1
                    )
                )
                continue
            if all(_PLACE_TAG in t for t in tags):
                if re.search(r"[市県府都町村]$", surface) and len(run) == 1:
                    # "川崎重工業、…、神戸市は…と連携": a city or prefecture acts as its
                    # government does; only a role (or a list of companies) makes it one.
                    found = self._make(text, start, end, priority=-1, role_only=True)
                    out.append(replace(found, inferable=_AGENTS))
                continue  # a place: 東京, 大阪市北区
            proper = (
                countried
                or introduced
                or any(
                    "固有名詞" in t or tok.pos_ == "PROPN" for t, tok in zip(tags, run, strict=True)
                )
            )
            # A katakana word then common kanji (パラメータ規模, ユーザー数) is a common compound.
            katakana = any(is_katakana(t.text) and len(t.text) >= 2 for t in run) and (
                is_katakana(run[-1].text) or run[-1].text.isascii()
            )
            if not (proper or (katakana and (len(run) >= 2 or "・" in surface))):
                if not self._role_candidate(run):
                    continue
                found = self._make(text, start, end, priority=-1, role_only=True)
                out.append(replace(found, inferable=_AGENTS) if not found.lexical else found)
                continue
            votes: list[Vote] = []
            if any("組織名" in t for t in tags):
                votes.append(Vote("Organization", ORG_TAG, "tag:組織名"))
            found = self._make(text, start, end, votes, priority=0)
            if not votes and not found.lexical and not proper:
                # A bare katakana compound may be a company's name; a product or model named
                # in prose is quoted or written in Latin letters.
                found = replace(found, inferable=_AGENTS)
            if (
                len(run) >= 2
                and self.cues.type_of_noun(run[-1].text)
                and not found.lexical
                and not proper
            ):
                continue  # "生成AIチャットモデル": words ending in a type noun describe, not name
            if self.cues.type_of_noun(surface) and not found.lexical and not votes:
                # サイバーエージェント may be a company; 業務支援サービス, 施工管理AI describe a
                # thing in words and name nothing.
                if re.search(r"[\u4e00-\u9fff]", surface):
                    continue
                found = replace(found, inferable=_AGENTS)
            out.append(found)
        return out

    def _counted_members(self, text: str, doc: Doc) -> list[Found]:
        """``日本語版ウィキペディア、国会会議録、青空文庫の3種類のテキスト``: the members of a
        counted list are names, whatever words they are made of."""
        out = []
        for match in _COUNTED_LIST.finditer(text):
            start = match.start()
            for part in re.finditer(r"[^、]+", match.group("members")):
                member = part.group(0).strip("「」『』 ")
                for suffix in self.cues.person_suffixes:
                    if member.endswith(suffix) and len(member) > len(suffix) + 1:
                        member = member[: -len(suffix)]  # "A氏、B氏、C氏の3人": the names
                        break
                if not member or len(member) < 2 or _KANA.search(member):
                    continue
                offset = start + part.start() + part.group(0).index(member)
                if self._inside_word(doc, offset, offset + len(member)):
                    continue
                out.append(self._make(text, offset, offset + len(member), priority=-2))
        return out

    def _role_candidate(self, run: Sequence[Token]) -> bool:
        """A compound of common nouns that may still be a name if a frame role types it
        (湊情報技術 is a place and two common nouns): not a type noun, not generic."""
        if len(run) < 2:
            return False
        surface = "".join(t.text for t in run)
        proper_first = "固有名詞" in run[0].tag_ or run[0].pos_ == "PROPN"
        return not (
            self.cues.type_of_noun(surface)
            or (self.cues.org_head(surface) is None and not proper_first)
            or any(t.pos_ == "NUM" for t in run)
            or _KANA.search(surface)
        )

    # ------------------------------------------------------------------ context votes
    def _context_votes(self, text: str, found: Found, chosen: list[Found]) -> Found:
        start = found.start
        if _opens_quote(text, start):
            start -= 1
        compound, joiner = compound_before(text, start)
        votes: list[Vote] = []
        # "ミナセ計算研究所の「Kagami」": a name before の owns the next one; it is no type noun.
        compound_end = start - len(joiner)
        named = any(
            o.end == compound_end or o.unit_end == compound_end for o in chosen if o is not found
        )
        if (
            compound
            and not named
            and joiner
            in (
                "「",
                "『",
                "・",
                "の",
                "の「",
                "の『",
                "",
                "、",
                " ",
                "である",
                "であり",
            )
        ):
            compound = self._trim_descriptor_compound(compound)
            entity_class = self.cues.type_of_noun(compound)
            if entity_class is None and joiner == "" and compound in self.cues.titles:
                entity_class = "Person"  # "CEOジョナサン・ロス": a title glued before a name
            quoted = text[start : start + 1] in ("「", "『")
            if (
                entity_class
                and (quoted or not (joiner == "" and compound == text[:start]))
                and (
                    joiner != ""
                    or not any(other.end == start for other in chosen if other is not found)
                )
            ):
                # "翻訳AIのLinguaBridge": a product category before の often describes the
                # company that makes it, so that apposition is weak evidence.
                weak = joiner == "の" and entity_class in ("AIModel", "Product") and not quoted
                weight = WEAK_APPOSITION if weak else TYPE_NOUN
                # "Research部門の近江崇宏", "AI研究所のYann LeCun": the unit's person.
                personal = any(v.entity_class == "Person" for v in found.votes)
                if not (joiner == "の" and entity_class == "Organization" and personal):
                    votes.append(Vote(entity_class, weight, f"type-noun:{compound}"))
        if (
            joiner == ""
            and compound in self.cues.country_prefixes
            and is_katakana(found.surface)
            and not found.lexical
            and not self.cues.type_of_noun(found.surface)
            and not any(v.entity_class == "Person" for v in found.votes)
        ):
            # "英フィナンシャル・タイムズ", "独アクセル・シュプリンガー": a country prefix glued
            # to a katakana name marks a company, as it does a Latin one (米Waymo).
            votes.append(Vote("Organization", COUNTRY, f"country:{compound}"))
        end = found.unit_end
        after = text[end:]
        after = after[1:] if after[:1] in "」』" else after
        noun = _NOUN_START.match(after)
        if noun:
            word = noun.group(0)
            for series in ("シリーズ", "ファミリー", "群"):
                if word.startswith(series):
                    votes.append(Vote("AIModel", TYPE_NOUN, f"type-noun:{series}"))
            entity_class = self.cues.type_of_noun(word)
            if (
                entity_class
                and word in self._type_nouns
                and text[found.end : found.end + 1] in ("」", "』")
            ):
                votes.append(Vote(entity_class, TYPE_NOUN, f"type-noun:{word}"))
        if _opens_quote(text, found.start):
            inner = re.sub(r"\s*(?:\d{4}|\d+(?:\.\d+)?)$", "", found.surface)
            inner_class = self.cues.type_of_noun(inner)
            if inner_class in ("Document", "Dataset") and inner != compound:
                votes.append(Vote(inner_class, COPULA, f"name-ends:{inner[-3:]}"))
        for link in ("という", "と呼ばれる", "などの", "として", "と名付けた", "と称する"):
            if after.startswith(link):
                noun = _NOUN_START.match(after, len(link))
                word = noun.group(0) if noun else ""
                if noun and not self.cues.type_of_noun(word):
                    word = after[noun.start() : noun.end() + 1]  # "仕組み": a kana ending
                if word and self.cues.type_of_noun(word):
                    entity_class = self.cues.type_of_noun(word)
                    assert entity_class is not None
                    votes.append(Vote(entity_class, TYPE_NOUN - 0.5, f"type-noun:{word}"))
        quoted = _opens_quote(text, found.start)
        if not quoted and not any(v.entity_class == "Person" for v in found.votes):
            source = _NEWS_SOURCE.match(after)
            if source:
                # "フィナンシャル・タイムズが報じた", "クランチベースの報道によると": who
                # reports news is an outlet (a quoted title reporting it is a document).
                votes.append(Vote("Organization", TYPE_NOUN - 0.5, f"source:{source.group(0)}"))
        return found.with_votes(*votes) if votes else found

    def _trim_descriptor_compound(self, compound: str) -> str:
        return compound

    def _list_votes(self, text: str, chosen: list[Found]) -> list[Found]:
        """A list ending in a counter or a type noun types its members: ``A、B、Cの3社``,
        ``AやBなどの大手企業``, ``篠宮蓮氏と芦田奈々氏の2人``."""
        chosen = sorted(chosen, key=lambda f: f.start)
        out = list(chosen)
        for i, found in enumerate(chosen):
            tail_class = None
            tail = text[found.unit_end :]
            counted = _COUNTED.match(tail)
            listed = _LIST_TAIL.match(tail)
            if counted:
                unit = counted.group("unit")
                tail_class = {
                    "社": "Organization",
                    "団体": "Organization",
                    "機関": "Organization",
                    "人": "Person",
                    "氏": "Person",
                    "者": "Person",
                    "モデル": "AIModel",
                }.get(unit)
                weight, cue = COUNTED, f"list:{unit}"
            elif counted_type := _COUNTED_TYPE.match(tail):
                # "「グレース・ブラックウェル」「ベラ・ルービン」の両システム"
                counted = counted_type
                tail_class = self.cues.type_of_noun(counted_type.group("noun"))
                weight, cue = COUNTED, f"list:{counted_type.group('noun')}"
            elif listed:
                tail_class = self.cues.type_of_noun(listed.group("noun"))
                weight, cue = LIST, f"list:{listed.group('noun')}"
            if tail_class is None:
                continue
            members = [i]
            j = i
            while j > 0 and _JOINER.fullmatch(text[chosen[j - 1].unit_end : chosen[j].start]):
                j -= 1
                members.append(j)
            if len(members) < 2 and not counted:
                continue
            for m in members:
                out[m] = out[m].with_votes(Vote(tail_class, weight, cue))
        return _sibling_votes(text, out)


def sibling_votes(text: str, chosen: list[Found], known: Mapping[str, str]) -> list[Found]:
    """:func:`_sibling_votes` with what the whole document says of each name (``known``:
    key -> class its strong cues give anywhere in the text): "キャロライン・エリソン氏" once
    makes her a person wherever she is listed."""
    return _sibling_votes(text, chosen, known)


_POSSESSOR_TAIL = re.compile(r" ?[A-Za-z\u4e00-\u9fff\u30a0-\u30ff]{0,8}の(?!ほか|[、。])")


def _sibling_votes(
    text: str, chosen: list[Found], known: Mapping[str, str] | None = None
) -> list[Found]:
    """``ツイッター、セールスフォースが続く``: names listed together are of one kind, so a
    member with no cue of its own leans to the class its cued siblings agree on."""
    known = known or {}
    out = list(chosen)
    runs: list[list[int]] = [[0]] if chosen else []
    for i in range(1, len(chosen)):
        # "ラリー・サマーズ氏、Quora CEOのAdam D'Angelo氏": a name owning the noun after it
        # is no member of the list; the noun's holder is.
        owner = _POSSESSOR_TAIL.match(text, chosen[i].unit_end)
        if not owner and _JOINER.fullmatch(text[chosen[i - 1].unit_end : chosen[i].start]):
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        if len(run) < 2:
            continue
        kinds = set()
        strength: dict[int, float] = {}
        for i in run:
            weights: dict[str, float] = {}
            for vote in chosen[i].votes:
                weights[vote.entity_class] = weights.get(vote.entity_class, 0) + vote.weight
            strength[i] = max(weights.values(), default=0.0)
            if strength[i] >= TYPE_NOUN:  # a gazetteer entry, a marker, a type noun
                kinds.add(max(weights, key=lambda c: weights[c]))
            elif chosen[i].key in known:
                strength[i] = TYPE_NOUN
                kinds.add(known[chosen[i].key])
        if len(kinds) != 1:
            continue
        kind = kinds.pop()
        for i in run:
            if strength[i] < TYPE_NOUN:  # no cue, or only a weak one (a version number)
                out[i] = chosen[i].with_votes(Vote(kind, SIBLING * 2, "list:sibling"))
    return out


def _opens_quote(text: str, start: int) -> bool:
    """A 「 or 『 right before ``start``. (A slice before offset 0 is empty, and the empty
    string is "in" every string: a name opening the sentence is not quoted.)"""
    return start > 0 and text[start - 1] in "「『"


def introduces_a_name(text: str, end: int) -> bool:
    """``大規模言語モデル「LLaMA」``: a word used as the type noun of the name after it."""
    return text[end : end + 1] in ("「", "『", "・") or text[end : end + 2] in ("の「", "の『")


_SEQUEL = re.compile(r"[ \-]?\d+(?:\.\d+)*")


def _resolve_overlaps(candidates: list[Found]) -> list[Found]:
    """Longest well-formed span wins; on equal spans the votes are pooled, the highest
    priority candidate gives the canonical name."""
    by_span: dict[tuple[int, int], list[Found]] = {}
    for found in candidates:
        by_span.setdefault((found.start, found.end), []).append(found)
    pooled = []
    for group in by_span.values():
        best = max(group, key=lambda f: (f.priority, f.unit_end))
        votes = tuple(v for f in group for v in f.votes)
        seen: set[tuple[str, str]] = set()
        unique = []
        for vote in votes:
            if (vote.entity_class, vote.cue) not in seen:
                seen.add((vote.entity_class, vote.cue))
                unique.append(vote)
        inferable = [f.inferable for f in group]
        pooled.append(
            replace(
                best,
                votes=tuple(unique),
                role_only=all(f.role_only for f in group),
                unit_end=max(f.unit_end for f in group),
                inferable=None if None in inferable else best.inferable,
            )
        )
    # A known name wins over a slightly longer span, unless that span is the known name plus a
    # version ("ソフトバンク・ビジョン・ファンド2", "Claude 4"): a sequel is an entity of its own.
    known = {(f.start, f.surface) for f in pooled if f.lexical}
    sequels = {
        id(f)
        for f in pooled
        if not f.lexical
        and any(
            start == f.start and _SEQUEL.fullmatch(f.surface[len(surface) :])
            for start, surface in known
            if f.surface.startswith(surface) and len(f.surface) > len(surface)
        )
    }
    pooled.sort(
        key=lambda f: (
            -(f.end - f.start) - (2 if f.lexical else 0) - (3 if id(f) in sequels else 0),
            -f.priority,
            f.start,
        )
    )
    chosen: list[Found] = []
    for found in pooled:
        if any(f.start < found.unit_end and found.start < f.unit_end for f in chosen):
            continue
        chosen.append(found)
    return sorted(chosen, key=lambda f: f.start)


def same_name(left: str, right: str) -> bool:
    return match_key(left) == match_key(right)
