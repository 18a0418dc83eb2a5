"""Predicate-argument frames of one parsed Japanese sentence.

Every predicate or event word that is a trigger of some pattern gets a frame: a verb
(``買収した``), an event noun carried by a light verb (``開発を行い``, ``出資を受けた``), an
event noun used as a noun (``XによるYの買収``, ``Meta開発のモデル``, ``Xとの資本業務提携``),
a relational noun (``LINEヤフー傘下のPayPay``, ``Xの出資先であるY``, ``XのCEO、Y氏``) or an
idiom (``傘下に持つ``, ``しのぎを削る``). Its arguments are the names that depend on it, with
their role from the case particle after them, in the active voice.

Japanese leaves arguments out, so a missing subject or object is filled, in order of
confidence, from: the head of a relative clause (``NTTが開発した「tsuzumi」``), the focus of
a cleft (``開発したのは、Xだ``), the clause this one is chained to or reported by
(``…を開発したことも明らかにした``), the sentence's topic and the previous sentence's topic.
A frame inside a denial, a plan, a rumour or a former tie is *blocked*: it states no
fact, though it still tells what kind of thing fills each role.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

from graph.lang.ja.cues import Cues
from graph.lang.ja.syntax import (
    BASIS_MARKERS,
    COMPARISON_MARKERS,
    LIGHT_VERBS,
    RECEIVING_VERBS,
    TITLE_VERBS,
    active_role,
    is_negated,
    is_passive,
    is_predicate,
    surface_marker,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Placed", "ProtoArgument", "ProtoFrame", "TriggerTable", "build_frames"]

_BASIS_VERBS = frozenset({"基づく", "もとづく", "基", "もと", "ベース", "元"})
_BASIS_MARKERS = frozenset(BASIS_MARKERS)
_MODEL_NOUNS = frozenset(
    {"モデル", "ベースモデル", "基盤モデル", "元モデル", "原型", "オリジナル版"}
)
_DATA_NOUNS = frozenset(
    {
        "データ",
        "会話データ",
        "学習データ",
        "テキスト",
        "テキストデータ",
        "対話データ",
        "コーパス",
        "データセット",
        "投稿",
        "文章",
        "記事",
    }
)
_FORMAL_NOUNS = frozenset({"ばかり", "ほど", "ところ", "よう", "直後", "まま", "ほか"})
_PROPERTIES = frozenset(
    {
        "性能",
        "品質",
        "能力",
        "スコア",
        "精度",
        "性能水準",
        "成績",
        "水準",
        "実力",
        "得点",
        "正答率",
        "評価",
    }
)
_THINKING = frozenset(
    {
        "みる",
        "見る",
        "予想",
        "考える",
        "見込む",
        "予測",
        "評価",
        "述べる",
        "語る",
        "指摘",
        "主張",
        "強調",
        "説明",
        "分析",
        "期待",
        "確信",
        "信じる",
        "思う",
        "認識",
        "位置づける",
        "呼ぶ",
        "示す",
        "見方",
        "警告",
        "懸念",
        "言う",
        "話す",
        "発言",
        "表明",
        "断言",
        "予言",
        "みなす",
        "見なす",
        "捉える",
        "とらえる",
        "記す",
        "書く",
        "記載",
        "明記",
        "記述",
        "結論づける",
        "警鐘",
    }
)
_PURPOSE_EVENTS = frozenset({"開発", "学習", "訓練", "構築", "設計", "事前学習"})


def _glued(doc: Doc, i: int) -> bool:
    """Token ``i`` is written right before the next one, with no space between."""
    return i + 1 < len(doc) and doc[i].idx + len(doc[i].text) == doc[i + 1].idx


_OWN = re.compile(r"(?:自前|自社|自社製|自社開発|独自)の[^、。「」『』はがをにでと]{0,15}[「『]?$")
_MATCHES = ("勝負", "対局", "対戦", "試合", "戦い", "決戦", "対決")
_HEADLINE_ENDS = (
    "",
    " ",
    "\u3000",
    "…",
    "―",
    "—",
    "：",
    ":",
    "！",
    "？",
)  # where a headline phrase ends
_REPORTED = re.compile(r"(?:た|る|だ)?と(?:さ|い|み|見|報|考|発表|主張|説明|明か)")
_NOUN_NEGATION = re.compile(
    r"(?:に|で|と)?(?:は|も)?(?:ない|なく|なかった|ありません|ございません)"
)
_FAMILY_WORDS = ("シリーズ", "ファミリー", "モデル群")
_QUALIFIER_SUFFIXES = ("向け", "用", "専用", "対応")
#: Verbs by which someone becomes what a relational noun marked に names (株主に名を連ねる).
_JOINING_VERBS = frozenset(
    {"名を連ねる", "連ねる", "加わる", "入る", "就く", "就任", "なる", "名乗り出る"}
)
_LEAD_VERBS = frozenset({"主導", "リード", "率いる", "取りまとめる", "引き受ける"})
_ANAPHOR_PREFIXES = ("同", "この", "その", "本")
#: Investing event nouns whose left-out object is the company the text is about.
_INVESTING = frozenset({"出資", "投資", "追加出資", "資本参加", "出資参加"})
_ROUND_LABEL = re.compile(r"(?:プレ)?シリーズ[A-ZＡ-Ｚ]\d?(?:ラウンド)?|シード(?:ラウンド)?")
_ROUNDS = ("増資", "ラウンド", "資金調達", "調達", "第三者割当増資", "割当増資", "出資枠")
_PEOPLE = frozenset(
    {
        "研究者",
        "研究者ら",
        "研究チーム",
        "開発チーム",
        "チーム",
        "研究陣",
        "開発陣",
        "幹部",
        "社員",
        "従業員",
        "エンジニア",
        "担当者",
        "広報",
        "関係者",
        "首脳",
        "経営陣",
        "研究グループ",
        "研究部門",
        "ら",
    }
)
_RELATIONAL = frozenset(
    {
        "傘下",
        "子会社",
        "完全子会社",
        "連結子会社",
        "孫会社",
        "グループ会社",
        "傘下企業",
        "関連会社",
        "系列",
        "親会社",
        "運営会社",
        "運営元",
        "所有者",
        "オーナー",
        "持ち主",
        "大株主",
        "筆頭株主",
        "開発元",
        "開発者",
        "開発企業",
        "開発会社",
        "提供元",
        "生みの親",
        "出資先",
        "投資先",
        "支援先",
        "出資者",
        "株主",
        "投資家",
        "出資元",
        "提携先",
        "提携相手",
        "パートナー",
        "協業先",
        "連携先",
        "創業者",
        "共同創業者",
        "設立者",
        "創設者",
        "著者",
        "共著者",
        "筆頭著者",
        "執筆者",
        "筆者",
        "著書",
        "ライバル",
        "競合",
        "競争相手",
        "対抗馬",
        "競合相手",
        "買収先",
        "基盤",
        "土台",
        "ベース",
        "ベースモデル",
        "微調整版",
        "派生モデル",
        "軽量版",
        "小型版",
        "後継",
    }
)
_INSTRUMENT_VERBS = frozenset({"用いる", "使う", "使用", "利用", "活用", "使える"})
_LINKING = (
    "である",
    "であり",
    "だった",
    "となる",
    "となっ",
    "になる",
    "になっ",
    "とされる",
    "として",
    "と目され",
    "とみられ",
    "と見られ",
    "と呼ばれ",
    "と言われ",
    "といわれ",
)
# A sentence's theme: "Xをめぐっては、…", "Xについては、…" (with は: the whole sentence's).
_THEMES = ("をめぐっては", "については", "に関しては", "を巡っては")
# "グーグルは21社、": a topic followed by a count and a comma, one of parallel clauses
_PARALLEL_COUNT = re.compile(
    r"[」』]?(?:は|では)\s?(?:約|計)?[\d,.]+(?:億|万)?(?:社|件|人|本|モデル|種類|ドル|円|%|億|万)(?:以上|超)?、"
)
_ADNOMINAL = frozenset({"による", "との", "への", "からの", "に対する", "としての"})
_JOINERS = ("と", "、", "や", "および", "及び", "並びに", "と、", "や、", "・", "")
_JOIN_GAP = re.compile(
    r"[」』]?(?:氏|さん|社)?\s?(?:と、?|、|,\s?|のみならず、?|だけでなく、?|や|および|及び|並びに|・|のほか、?|に加え、?|に加えて、?)?"
    r"(?:(?<=[、やか])[^、。「」『』]{1,30}?の)?(?:米国|中国|韓国|台湾|英国|[米英仏独中韓台印加豪])?\s?[「『]?"
)
#: Nouns a case passes through to the name they qualify: Armの株式の約9割を保有 -> Arm.
# Through-nouns that make a share of a company, and ones that make it control of it.
_STAKES = frozenset({"株式", "株", "持ち分", "持分", "一部", "議決権"})
_CONTROL = frozenset(
    {"全株式", "発行済み株式", "発行済株式", "過半数", "経営権", "支配権", "大半", "過半", "全部"}
)


def _fraction_before(text: str, unit: str) -> float:
    """The share written before 割 or % (``約9割`` -> 0.9, ``49%`` -> 0.49; unknown: 0)."""
    number = re.search(r"(\d+(?:\.\d+)?|[一二三四五六七八九十])\s*$", text)
    if number is None:
        return 0.0
    digits = number.group(1)
    value = (
        float("一二三四五六七八九十".index(digits) + 1)
        if not digits[0].isdigit()
        else float(digits)
    )
    return value / 10 if unit == "割" else value / 100


# Nouns a name acts through (Xの株式を取得, Googleの研究者らは, MetaのAI研究所の所長): shares,
# the people and teams who speak and act for an organization, its units and rounds.
_THROUGH = (
    _STAKES
    | _CONTROL
    | (_PEOPLE - {"ら"})
    | frozenset(
        {
            "権利",
            "割",
            "%",
            "株式会社",
            "ラウンド",
            "研究所",
            "AI研究所",
            "部門",
            "事業部",
            "研究開発部門",
            "開発部門",
            "研究開発センター",
            "研究センター",
            "シリーズAラウンド",
            "シリーズBラウンド",
            "シリーズCラウンド",
            "シリーズDラウンド",
            "資金調達ラウンド",
        }
    )
)
_COUNTER = re.compile(
    r"[」』]?(?:氏|さん|社)?(?:など|ら)?(?:の|ら)?(?:計)?(?:\d+|[一二三四五六七八九十両]+|双方|両方|両者|いずれ)"
    r"(?:社|人|氏|者|団体|機関|モデル|種類|つ|カ国|(?<=双方|両方|両者))(?![\u4e00-\u9fff])(?:の[^\s、。はがをにのでとや「」]{1,8})?"
)
_LIST_TAIL = re.compile(
    r"[」』]?(?:など|等|といった|という|と呼ばれる|と名付けた|と名付けられた|と命名した|と称する"
    r"|のような|をはじめとする|、?その他|、?ほか)(?:の)?(?!から|まで|より|へ|も)"
    # "…等の日本語と英語データ": the noun after the list may have coordinated modifiers
    r"(?:[^\s、。はがをにのでとや「」]{1,6}[とや](?=[^\s、。はがをにのでとや「」]{1,10}))?"
    r"[^\s、。はがをにのでとや「」]{0,10}"
    r"(?:の[^\s、。はがをにのでとやも「」]{1,8}(?=[はがもをにで]|から))?"
)
_NOMINALIZERS = frozenset({"こと", "の", "旨", "点", "もの"})
_STANDS_FOR = frozenset(
    {
        "普及",
        "台頭",
        "登場",
        "存在",
        "成長",
        "躍進",
        "参入",
        "攻勢",
        "動向",
        "勢い",
        "一人勝ち",
        "独走",
    }
)
_BLOCKERS: dict[str, str] = {
    **dict.fromkeys(
        (
            "検討",
            "計画",
            "予定",
            "方針",
            "見通し",
            "可能性",
            "目指す",
            "意向",
            "構想",
            "模索",
            "準備",
            "視野",
            "交渉",
            "協議",
            "狙う",
            "目標",
            "提案",
            "打診",
            "計画中",
        ),
        "planned",
    ),
    # What someone thinks or expects: no fact, but the stance patterns read it.
    **dict.fromkeys(
        ("予想", "予測", "見込む", "見込み", "期待", "みる", "見る", "考える", "思う"), "opinion"
    ),
    **dict.fromkeys(("否定", "否認", "訂正"), "denied"),
    **dict.fromkeys(
        ("断念", "見送る", "見送り", "打ち切る", "中止", "撤回", "白紙", "破談", "無関係", "解消"),
        "negated",
    ),
    **dict.fromkeys(("報じる", "報道", "噂", "指摘", "うわさ", "観測", "臆測", "憶測"), "reported"),
}
_BLOCKING_SUFFIXES: dict[str, str] = {
    "計画": "planned",
    "検討": "planned",
    "構想": "planned",
    "交渉": "planned",
    "協議": "planned",
    "案": "planned",
    "予定": "planned",
    "観測": "reported",
}
_EVENT_SUFFIXES = (
    "感",
    "関係",  # 協業関係, 提携関係: the relation the event noun sets up
    "額",
    "比率",
    "手続き",
    "契約",
    "合意",
    "完了",
    "発表",
    "計画",
    "検討",
    "構想",
    "交渉",
    "協議",
    "案",
    "予定",
    "観測",
    "件",
    "資金",
)
_FORMER = frozenset({"元", "前", "旧", "かつて", "出身", "以前"})
_PAST = frozenset({"かつて", "以前"})
# Stance verbs that keep the clause they report: "Xが勝者になるとみている" is the view itself.
_REPORTERS = frozenset(
    {
        "発表",
        "明らか",
        "説明",
        "述べる",
        "語る",
        "公表",
        "発言",
        "言う",
        "話す",
        "示す",
        "強調",
        "表明",
    }
)


@dataclass(frozen=True)
class Placed:
    """A name placed in the parse: its merged token and where it is written."""

    key: str
    start: int  # clean-text offsets of the name proper
    end: int
    unit_end: int  # end of its written unit (with 社/氏 and a closing quote)
    token: int  # index of the merged token in the sentence's Doc
    reference: bool = False
    hint: str | None = None  # the class cues give it so far (for anaphora and gaps)


@dataclass(frozen=True)
class ProtoArgument:
    name: Placed
    role: str
    via: str = "tree"
    penalty: float = 0.0


@dataclass(frozen=True)
class ProtoFrame:
    trigger: str
    start: int  # clean-text offsets of the trigger word
    end: int
    arguments: tuple[ProtoArgument, ...]
    blocked: str | None = None
    clause: int = -1  # the token of the predicate that carries the frame (for dates)


@dataclass(frozen=True)
class TriggerTable:
    """The patterns' triggers, split by how they are written."""

    words: frozenset[str]  # lemmas of verbs and nouns, and @constructions
    idioms: tuple[tuple[str, str, str, str], ...]  # (trigger, noun, particle, verb)
    titles: frozenset[str]
    # Nouns naming a relation, read with a head (軽量版, 出資先, 開発元): no one "does" them.
    relational: frozenset[str] = frozenset()
    # Triggers some pattern reads with a を-object (用意する, not 加わる).
    transitive: frozenset[str] = frozenset()
    # Triggers of worksFor (採用, 移籍, 就任): a person they speak of is changing employer.
    employing: frozenset[str] = frozenset()
    # Triggers of fineTunedFrom: "Xの継続事前学習モデル「Y」" names Y a tuned X.
    tuning: frozenset[str] = frozenset()

    @property
    def pattern(self) -> re.Pattern[str]:
        """One regex of every trigger word (a cheap test for "could this text state a fact")."""
        return _trigger_pattern(self)

    @classmethod
    def of(
        cls,
        triggers: Iterable[str],
        titles: Iterable[str],
        relational: Iterable[str] = (),
        *,
        transitive: Iterable[str] = (),
        employing: Iterable[str] = (),
        tuning: Iterable[str] = (),
    ) -> TriggerTable:
        words, idioms = set(), []
        for trigger in triggers:
            match = re.fullmatch(r"(.+?)(を|に|と|が|で)([^をにとがで]+)", trigger)
            # (手がける is one verb, not 手 + が + ける: an idiom with が needs a longer noun.)
            if (
                match
                and len(trigger) > 3
                and not trigger.startswith("@")
                and not (match.group(2) == "が" and len(match.group(1)) < 2)
                # (まとめる is a verb, not ま + と + める; しのぎを削る is an idiom)
                and not re.fullmatch(r"[\u3041-\u309f]", match.group(1))
            ):
                noun, particle, verb = match.groups()
                idioms.append((trigger, noun, particle, verb))
                if verb.endswith("する") and len(verb) > 2:  # 評する is also written 評す
                    idioms.append((trigger, noun, particle, verb[:-2] + "す"))
            else:
                words.add(trigger)
        return cls(
            frozenset(words),
            tuple(sorted(idioms)),
            frozenset(titles),
            frozenset(relational),
            frozenset(transitive),
            frozenset(employing),
            frozenset(tuning),
        )

    def noun_trigger(self, text: str) -> tuple[str, str | None] | None:
        """The trigger an event noun stands for, and a blocking reason its suffix gives:
        ``資本業務提携`` -> 提携, ``買収計画`` -> (買収, "planned"), ``出資額`` -> 出資."""
        if text in self.words:
            return text, None
        for suffix in _EVENT_SUFFIXES:
            stem = text[: -len(suffix)]
            if text.endswith(suffix) and len(stem) >= 2 and stem in self.words:
                return stem, _BLOCKING_SUFFIXES.get(suffix)
        for size in range(len(text) - 1, 1, -1):
            tail = text[-size:]
            if tail in self.words:
                return tail, None
        return None


@cache
def _trigger_pattern(table: TriggerTable) -> re.Pattern[str]:
    words = sorted(
        (w for w in table.words if not w.startswith("@") and len(w) > 1), key=len, reverse=True
    )
    return re.compile("|".join(re.escape(w) for w in words))


@dataclass
class _Sentence:
    doc: Doc
    text: str
    names: list[Placed]
    triggers: TriggerTable
    cues: Cues
    previous_topic: Placed | None
    previous_round: Placed | None = None  # who raised the money the text last spoke of
    by_token: dict[int, Placed] = field(default_factory=dict)
    groups: dict[str, list[Placed]] = field(default_factory=dict)  # key of a member -> group
    anchors: dict[str, Token] = field(default_factory=dict)
    markers: dict[tuple[int, int], str] = field(default_factory=dict)


def build_frames(
    doc: Doc,
    text: str,
    names: list[Placed],
    triggers: TriggerTable,
    cues: Cues,
    previous_topic: Placed | None = None,
    previous_round: Placed | None = None,
) -> list[ProtoFrame]:
    """The frames of one sentence (clean-text offsets)."""
    sentence = _Sentence(doc, text, names, triggers, cues, previous_topic, previous_round)
    return _FrameBuilder(sentence).build()


class _FrameBuilder:
    def __init__(self, sentence: _Sentence) -> None:
        self.s = sentence
        self.doc = sentence.doc
        self.text = sentence.text
        self.by_token = {p.token: p for p in sentence.names}
        self.args: dict[int, list[tuple[Placed, str]]] = defaultdict(list)
        self.possessors: dict[int, list[Placed]] = defaultdict(list)
        self.paired: dict[int, Placed] = {}  # the one name a name-before-の possessor owns
        self.prefixes: dict[int, list[Placed]] = defaultdict(list)
        self.group_of: dict[int, list[Placed]] = {}
        self.extent: dict[int, int] = {}  # first word of a two-word trigger -> its last word
        self.carried: dict[int, list[Placed]] = {}  # counter noun (3モデル) -> its list
        self.themes: list[Placed] = []  # "Xをめぐっては、…": what the whole sentence is about
        # Syntactic token of each trigger -> (trigger, blocking reason, first word).
        self.events: dict[int, tuple[str, str | None, int]] = {}
        covered: set[int] = set()  # words inside a longer trigger found first (完全|子会社|化)
        for token in self.doc:
            if token.i in self.events or token.i in covered:
                continue
            found = self._find_trigger(token)
            if found is not None:
                last = self.extent.get(token.i, token.i)
                self.events[last] = (*found, token.i)
                covered.update(range(token.i, last + 1))
        # The token carrying each name's syntax (a type noun in apposition: モデル「FLUX.1」).
        self.anchored = {self._anchor(p)[0].i: p for p in sentence.names}
        # Quoted speech or writing: 「…」 spans longer than a name.
        named = {(p.start - 1, p.end + 1) for p in sentence.names}  # 「Mochi-Small」 is a name
        self.quotes = [
            m.span()
            for m in re.finditer(r"「[^「」]*」", self.text)
            if (len(m.group(0)) > 12 or re.search(r"[はがをに]", m.group(0)))
            and m.span() not in named
        ]
        self._attach_all()
        for i, args in list(self.args.items()):
            token = self.doc[i]
            if (
                i not in self.events
                and is_predicate(token)
                and any(m in _BASIS_MARKERS or m == "DATA" for _, m in args)
            ):
                self.events[i] = (token.lemma_, None, i)  # read by the patterns for any predicate

    # ------------------------------------------------------------------ placement
    def _anchor(self, name: Placed) -> tuple[Token, int]:
        """The token that carries the name's syntax, and where its written unit ends.

        ``モデル「FLUX.1」を``: the type noun carries it; ``「ROOTS」コーパスは``: the noun after.
        """
        token = self.doc[name.token]
        end = name.unit_end
        if self.text[end : end + 1] in "」』":
            end += 1
        # "イ・セドル九段との": a person's suffix the tokenizer split (九|段) ends the unit
        suffix = next((s for s in self.s.cues.person_suffixes if self.text.startswith(s, end)), "")
        if suffix and name.hint == "Person":
            end += len(suffix)
        head = token.head
        if head.i != token.i and token.dep_ in ("compound", "nmod", "appos", "dep", "amod"):
            gap_before = self.text[head.idx + len(head.text) : name.start]
            if (
                head.i < token.i
                and gap_before in ("", "「", "『", "・", "の「", "の『")
                and self.s.cues.type_of_noun(head.text)
                and head.i not in self.by_token
            ):
                return head, end
            if (
                head.i > token.i
                and head.idx == end
                and self.s.cues.type_of_noun(head.text)
                and self._trigger(head) is None
            ):
                return head, head.idx + len(head.text)
            if (
                head.i > token.i
                and head.idx == end
                and head.text in ("シリーズ", "ファミリー", "群")
            ):
                return head, head.idx + len(head.text)
        return token, end

    def _attach_all(self) -> None:
        ordered = sorted(self.s.names, key=lambda p: p.start)
        # "OpenAIの「GPT-4」やGoogleの「Gemini」": a possessor in front of a name is no member
        # of the list the names form; it is attached on its own (to the name it qualifies).
        pairs = [(p, q) for p, q in pairwise(ordered) if self._owns(p, q)]
        names = [p for p in ordered if p not in {owner for owner, _ in pairs}]
        for owner, owned in pairs:
            self._attach([owner])  # where the parse hangs it (a title: MicrosoftのAzure担当幹部)
            head = self._anchor(owned)[0].i
            if owner not in self.possessors[head]:
                self.possessors[head].append(owner)
            self.paired[head] = owned
        index = 0
        while index < len(names):
            group = [names[index]]
            while index + 1 < len(names) and self._joined(group[-1], names[index + 1]):
                index += 1
                group.append(names[index])
            index += 1
            for member in group:
                self.group_of[member.token] = group
            self._attach(group)

    def _owns(self, left: Placed, right: Placed) -> bool:
        """``Googleの「Gemini」``: a name written with の right before another name."""
        if left.token == right.token:
            return False
        _, end = self._anchor(left)
        gap = self.text[end : right.start]
        if gap in ("の", "の「", "の『"):
            return True
        # "MicrosoftのクラウドサービスAzure": the owner, a type noun, then the name.
        noun = gap[1:].rstrip("「『") if gap.startswith("の") else ""
        return (
            re.fullmatch(r"[\u30a0-\u30ff\u4e00-\u9fffA-Za-z]{1,12}", noun) is not None
            and self.s.cues.type_of_noun(noun) is not None
        )

    def _joined(self, left: Placed, right: Placed) -> bool:
        if left.token == right.token:
            return True  # 両社: one word standing for two names
        _, end = self._anchor(left)
        gap = self.text[end : right.start]
        rest = gap.lstrip("」』")
        if rest.startswith("、") and rest[1:].rstrip("「『") in self.s.cues.descriptors:
            return True  # "ジャーン・タリン、新興リスク研究センター": a list, a descriptor
        if gap.lstrip("」』").startswith("、") and self._opens_headline(left):
            return False  # "Microsoft、仏Mistral AIと提携": the headline's subject, then its news
        honorific = ("氏", "さん")
        if self.text.startswith(honorific, left.end) != self.text.startswith(honorific, right.end):
            return False  # people listed are each written with 氏: "A氏、Quora CEOのB氏"
        if self.text.startswith("と、", end) and len(gap) <= 40 and "。" not in gap:
            # "Silo AIと、サーバーを設計する米ZT Systemsを": と then a comma joins the next
            # name that carries a case, past the clause describing it.
            _, right_end = self._anchor(right)
            return surface_marker(self.text, right_end) not in ("", "と", "、", "や")
        if not _JOIN_GAP.fullmatch(gap):
            return False
        marker = surface_marker(self.text, end)
        if gap.strip("」』「『") == "" and marker == "":
            # 「A」「B」: two quoted names side by side (not the ends of two quoted clauses)
            whole = all(
                self.text[p.start - 1 : p.start] in "「『"
                and self.text[self._anchor(p)[1] - 1] in "」』"
                for p in (left, right)
            )
            return left.key != right.key and whole
        return (
            marker in ("と", "、", "や", "および", "及び", "並びに", "", "の")
            and (marker != "の" or self.text.startswith(("のほか", "に加え", "のみならず"), end))
        ) or gap.startswith("・")

    def _attach(self, group: list[Placed]) -> None:
        last = group[-1]
        anchor, end = self._anchor(last)
        tail = _COUNTER.match(self.text, end) or _LIST_TAIL.match(self.text, end)
        tail_noun = tail is not None and (
            re.search(r"[\u30a0-\u30ff\u4e00-\u9fffA-Za-z0-9]$", tail.group(0)) is not None
            # ("「X」と呼ばれる仕組みを": a noun that ends in kana)
            or getattr(self._token_ending_at(tail.end()), "pos_", "") == "NOUN"
        )
        if tail and tail_noun:
            carrier = self._token_ending_at(tail.end()) or self._token_at(tail.end() - 1)
            if carrier is not None and (
                carrier.i not in self.by_token or self.by_token[carrier.i].hint is None
            ):
                anchor, end = carrier, tail.end()
                group = self._counted_group(group, tail.group(0))
                self.carried[carrier.i] = group
        elif tail:
            end = tail.end()  # "AやBなどを": the list carries the case after など
        marker = surface_marker(self.text, end)
        head = anchor.head
        if marker == "の" and head.i < anchor.i:
            # "先駆的論文「X」の執筆": the parse hung the name on a word before it; what it
            # is written before の is the noun right after.
            after = re.match(r"[」』 ]*の", self.text[end:])
            following = self._token_at(end + after.end()) if after else None
            if following is not None and following.i > anchor.i:
                head = following
        if marker == "の" and head.i > anchor.i:
            # "Intelの普通株式に投資": the parse hung the name on the verb; the noun run
            # written after の is what it is the possessor of.
            run = self._token_at(end + 1)
            while (
                run is not None
                and run.i + 1 < len(self.doc)
                and run.pos_ in ("NOUN", "PROPN")
                and _glued(self.doc, run.i)
                and self.doc[run.i + 1].pos_ in ("NOUN", "PROPN")
            ):
                run = self.doc[run.i + 1]
            if (
                run is not None
                and run.i != head.i
                and run.i not in self.by_token
                and self._through(run) is not None
                and run.head.i == head.i
            ):
                head = run
        # "Wikipedia, OSCAR等の日本語と英語データを利用": a list carried by a data noun
        data = anchor.i in self.carried and anchor.text.endswith(tuple(_DATA_NOUNS))
        stake: bool | None = None  # "Xの株を取得": shares bought; "Xの全株式を": the company
        round_of = False  # the name is the company whose funding round the noun is
        while marker == "の" and head.i > anchor.i and self._through(head) is not None:
            through = self._through(head)
            assert through is not None
            after = surface_marker(self.text, through.idx + len(through.text))
            if (through.text in _PEOPLE or through.lemma_ in _PEOPLE) and after not in (
                "は",
                "が",
                "も",
                "を",
                "に",
                "から",
                "によって",
                "と",
                "により",
            ):
                break  # "OpenAIの研究者であるY": a title, not the company acting
            anchor = through
            data = data or anchor.text in _DATA_NOUNS
            if anchor.text in ("割", "%", "％"):
                stake = _fraction_before(self.text[: anchor.idx], anchor.text) < 0.5
            elif (
                anchor.text in _STAKES
                or (anchor.text.endswith(("株式", "株")) and anchor.text not in _CONTROL)
            ) and stake is None:
                stake = not re.search(r"全$", self.text[: anchor.idx])
            elif anchor.text in _CONTROL:
                stake = False
            if anchor.text.endswith(("ラウンド", "株主")) or anchor.text in (
                "増資",
                "第三者割当増資",
            ):
                round_of = True  # "ミナセ技研の資金調達ラウンドには…参加": its round
            end = anchor.idx + len(anchor.text)
            marker, head = surface_marker(self.text, end), anchor.head
        if data and marker not in ("の", ""):
            # "「ShareGPT」のデータに基づき": what the data came from, whatever the case.
            governor = self._basis_owner(self._governor(anchor))
            if governor is not None:
                for member in group:
                    self.args[governor.i].append((member, "DATA"))
            return
        owner = self.by_token.get(head.i) or self.anchored.get(head.i)
        if marker == "の" and owner is not None and head.i > anchor.i:
            # "エレナ・バルガ氏のQuantaMind社への移籍": the possessor belongs to the event the
            # next name is an adnominal argument of, not to that name.
            owner_anchor, owner_end = self._anchor(owner)
            if surface_marker(self.text, owner_end) in _ADNOMINAL:
                event = self._governor(owner_anchor, adnominal=True)
                if event is not None and self._trigger(event) is not None:
                    self.possessors[event.i].extend(group)
                    return
        if marker == "の":
            if head.i != anchor.i:
                self.possessors[head.i].extend(group)
            return
        family_at = end + len(self.text[end:]) - len(self.text[end:].lstrip("」』"))
        if marker == "" and self.text.startswith(_FAMILY_WORDS, family_at):
            # "「Llama-3-ELYZA-JP」シリーズを開発": the series word carries the name's case.
            carrier = self._token_at(family_at)
            if carrier is not None and carrier.i not in self.by_token:
                anchor, end = carrier, carrier.idx + len(carrier.text)
                marker, head = surface_marker(self.text, end), carrier.head
        if marker == "":
            glued = self._token_at(end)
            if (
                glued is not None
                and glued.idx == end
                and glued.i not in self.by_token
                and self._trigger(glued) is not None
            ):
                self.prefixes[glued.i].extend(group)  # "Scale AI創業者", "LINEヤフー傘下"
            elif head.i != anchor.i and head.i > anchor.i and head.idx <= end + 1:
                self.prefixes[head.i].extend(group)
            return
        if marker in ("や", "、"):
            # "川崎重工業、神戸商工貿易センター、神戸市は": the list ends in a member that is no
            # name (a city); the case after it is the whole list's.
            last_member = re.match(
                r"[」』]?[、や]([^\s、。はがをにでとや「」『』]{1,8})(?=[はがもを])",
                self.text[end:],
            )
            carrier = self._token_ending_at(end + last_member.end()) if last_member else None
            if carrier is None or carrier.i in self.by_token or tail or len(group) < 2:
                return  # (only a list of names, not "「X」と呼ばれる、データを…")
            anchor, end = carrier, end + last_member.end()
            marker = surface_marker(self.text, end)
        match = self._token_at(self.text.find("との", end) + 2) if marker == "との" else None
        while (
            match is not None
            and match.i + 1 < len(self.doc)
            and _glued(self.doc, match.i)
            and (self.doc[match.i + 1].pos_ in ("NOUN", "NUM"))
        ):
            match = self.doc[match.i + 1]  # the compound's last word (五|番勝負)
        if match is not None and match.text.endswith(_MATCHES) and match.head.i != match.i:
            # "イ・セドル九段との五番勝負に勝利": the opponent of the match is the other party
            # of what is done in it.
            match_governor = self._governor(match)
            if match_governor is not None and self._trigger(match_governor) is None:
                # "…との五番勝負に勝利を収めた": a light verb's event noun is what is done
                match_governor = next(
                    (
                        c
                        for c in match_governor.children
                        if c.dep_ == "obj" and self._trigger(c) is not None
                    ),
                    None,
                )
            if match_governor is not None and self._trigger(match_governor) is not None:
                for member in group:
                    self.args[match_governor.i].append((member, "と"))
                return
        if self.text.startswith(_THEMES, end):
            self.themes.extend(group)
        governor = self._governor(anchor, adnominal=marker in _ADNOMINAL)
        if (
            marker in COMPARISON_MARKERS
            and governor is not None
            and governor.lemma_ in ("比べる", "比較", "比較する")
            and governor.head.i != governor.i
        ):
            governor = governor.head  # "「GPT-4」と比べて高い": the marker's own verb is no clause
        if marker == "が" and governor is not None:
            governor = self._nearer_relative_clause(anchor, governor)
        elif marker == "が" and anchor.head.i > anchor.i:
            # "…ジム・ケラー氏がCEOを務めるスタートアップ企業。": the parse made the subject
            # the sentence's last noun's; the relative clause between them is its clause.
            nearer = self._nearer_relative_clause(anchor, anchor.head)
            governor = nearer if nearer.i != anchor.head.i else None
        if marker in ("が", "は", "も") and governor is not None:
            governor = self._reported_clause(anchor, governor)
        while (
            marker in ("について", "に関して", "については", "に関しては")
            and governor is not None
            and self._trigger(governor) is None
            and (chained := self._chain_head(governor)) is not None
        ):
            # "HashiCorpについて、審査を経て、買収を完了した": the theme of the sentence's
            # chain of clauses is the theme of the predicate it ends in.
            governor = chained
        if marker in _BASIS_MARKERS:
            governor = self._basis_clause(self._basis_owner(governor))
        if marker == "を" and governor is not None:
            end_of_clause = governor.idx + len(governor.text)
            if re.match(r"(?:る|た|ない)?ように", self.text[end_of_clause : end_of_clause + 5]):
                # "それを…できるようにファインチューニングした": the object of the purpose clause
                # is what the verb after ように acts on.
                following = self._next_predicate_after(end_of_clause)
                if following is not None:
                    for member in group:
                        self.args[following.i].append((member, marker))
        if governor is not None:
            if stake and marker == "を":
                marker = "STAKE"  # a share of a company is an investment in it
            if round_of and marker in ("に", "には", "にも", "へ"):
                marker = "ROUND"  # joining a company's round is investing in it
            for member in group:
                self.args[governor.i].append((member, marker))
            if marker == "を" and governor.lemma_ in _INSTRUMENT_VERBS:
                # "コーパスXを用いて、Yの事前学習を行った": X is what the next clause does it with.
                following = self._next_predicate(governor)
                if following is not None:
                    for member in group:
                        self.args[following.i].append((member, "で"))

    def _next_predicate_after(self, offset: int) -> Token | None:
        for token in self.doc:
            if token.idx >= offset and is_predicate(token) and token.pos_ == "VERB":
                return token
        return None

    def _basis_clause(self, governor: Token | None) -> Token | None:
        """``同モデルを基に利用者が入力した指示に…できるようにしたモデル「Y」``: the basis is
        the basis of the clause that describes a name, not of every verb inside it."""
        current = governor
        for _ in range(6):
            if current is None or current.head.i == current.i:
                return current if current is not None else governor
            if self._is_relative(current) and self._named(self._phrase_head(current.head)):
                return current
            if any(n for n, m in self.args.get(current.i, []) if m in ("が", "は")):
                return current
            current = current.head
        return governor

    def _basis_owner(self, governor: Token | None) -> Token | None:
        """``Xに基づき、…微調整する``: the parse may make 基づく a verb of its own; what it
        marks belongs to the predicate it leads to."""
        if governor is not None and governor.lemma_ in _BASIS_VERBS:
            return self._next_predicate(governor) or governor.head
        return governor

    def _next_predicate(self, clause: Token) -> Token | None:
        """The predicate a て-clause leads on to (before the relative-clause machinery)."""
        end = clause.idx + len(clause.text)
        if (
            not re.match(r"(?:し)?て[、,]?|[、,]", self.text[end : end + 3])
            and clause.dep_ != "advcl"
        ):
            return None
        head = clause.head
        if head.i > clause.i and (is_predicate(head) or head.lemma_ in LIGHT_VERBS):
            return head
        for token in self.doc[clause.i + 1 :]:
            if is_predicate(token):
                return token
        return None

    def _through(self, noun: Token) -> Token | None:
        """The noun a case passes through (株式, 権利, シリーズBラウンド, ベースモデル, データ),
        written as the compound ending at ``noun``'s head if ``noun`` only starts it."""
        if noun.text in _THROUGH or noun.lemma_ in _THROUGH:
            return noun
        if noun.text.endswith(("株式", "株")) and noun.text not in ("全株式", "全株"):
            return noun  # "Intelの普通株式に投資", "優先株": a kind of share
        compound, i = noun.text, noun.i
        while i > 0 and self.doc[i - 1].idx + len(self.doc[i - 1].text) == self.doc[i].idx:
            i -= 1
            if self.doc[i].pos_ not in ("NOUN", "PROPN") or i in self.by_token:
                break
            compound = self.doc[i].text + compound
            if compound in _THROUGH:
                return noun  # "研究者|ら": the compound ending here
        after = self.text[noun.idx + len(noun.text) :]
        if (noun.text in _MODEL_NOUNS or noun.text in _DATA_NOUNS) and not after.startswith(
            ("「", "『", "・")
        ):
            return noun  # "LLaMAのベースモデルを微調整": the model stands for LLaMA
        if noun.text in self.s.cues.measure_nouns and self._trigger(noun.head) is not None:
            return noun  # "GPT-4の性能を上回った": what is compared is GPT-4
        head = noun.head
        glued = all(t.idx + len(t.text) == self.doc[t.i + 1].idx for t in self.doc[noun.i : head.i])
        if head.i > noun.i and glued and (head.text in _THROUGH or head.lemma_ in _THROUGH):
            return head
        return None

    def _counted_group(self, group: list[Placed], tail: str) -> list[Placed]:
        """``「A」のほか、…「B」と、…「C」の3モデル``: a count names how many members the list
        has; members written far apart (each with its own description) join it."""
        number = re.search(r"\d+|[一二三四五六七八九十]", tail)
        if number is None:
            return group
        digits = "一二三四五六七八九十"
        count = (
            int(number.group(0)) if number.group(0).isdigit() else digits.index(number.group(0)) + 1
        )
        members = list(group)
        for name in sorted(self.by_token.values(), key=lambda p: -p.start):
            if len(members) >= count:
                break
            if name.start >= members[0].start or name.reference:
                continue
            _, end = self._anchor(name)
            if surface_marker(self.text, end) in ("と", "や", "、") or self.text.startswith(
                ("のほか", "に加え"), end
            ):
                members.insert(0, name)
        return members if len(members) == count else group

    def _governor(self, token: Token, *, adnominal: bool = False) -> Token | None:
        """The predicate or event noun a case-marked name depends on. An adnominal marker
        (による, との, への) modifies an event noun further right in the noun phrase, through
        whatever the parse hung it on (``XによるモデルYの開発``)."""
        current = token
        through_name = False
        for _ in range(6 if adnominal else 4):
            head = current.head
            if head.i == current.i:
                return None
            if through_name and head.pos_ in ("NOUN", "PROPN"):
                current = head
                continue
            if is_predicate(head) or self._trigger(head) is not None:
                return head
            if head.i in self.by_token and not adnominal:
                if current.i == token.i and surface_marker(
                    self.text, token.idx + len(token.text)
                ).startswith(("が", "は")):
                    # "ミカゲ技研がヒノデ電機の買収を表明": a subject hung on another name is a
                    # misparse; its clause is the verb further up, past the noun phrase.
                    current, through_name = head, True
                    continue
                return None
            current = head
        return None

    def _token_ending_at(self, end: int) -> Token | None:
        for token in self.doc:
            if token.idx + len(token.text) == end:
                return token
        return None

    def _token_at(self, offset: int) -> Token | None:
        for token in self.doc:
            if token.idx <= offset < token.idx + len(token.text):
                return token
        return None

    # ------------------------------------------------------------------ triggers
    def _trigger(self, token: Token) -> tuple[str, str | None] | None:
        """The trigger a token carries the syntax of (memoized in ``self.events``)."""
        found = self.events.get(token.i)
        return None if found is None else found[:2]

    def _find_trigger(self, token: Token) -> tuple[str, str | None] | None:
        if token.i in self.by_token:
            return None
        if token.pos_ in ("ADP", "AUX", "PUNCT", "SCONJ", "CCONJ", "NUM", "SYM"):
            return None
        if token.tag_.startswith("接尾辞") and not (
            token.i - 1 in self.by_token and _glued(self.doc, token.i - 1)
        ):
            return None  # "GPT-4超え" compares a name; "1億ドル超" only rounds an amount
        triggers = self.s.triggers
        lemma = token.lemma_
        for trigger, noun, particle, verb in triggers.idioms:
            if lemma == verb or token.text == verb:
                for child in token.children:
                    if self._compound_text(child).endswith(noun) and surface_marker(
                        self.text, child.idx + len(child.text)
                    ).startswith(particle):
                        return trigger, None
        following = self.doc[token.i + 1] if token.i + 1 < len(self.doc) else None
        if (
            token.i + 2 < len(self.doc)
            and _glued(self.doc, token.i)
            and _glued(self.doc, token.i + 1)
        ):
            # 完全|子会社|化, 継続|事前|学習: three words written as one trigger
            third = self.doc[token.i + 2]
            joined = token.text + self.doc[token.i + 1].text + third.text
            if joined in triggers.words and third.pos_ in ("NOUN", "PROPN", "PART", "VERB"):
                self.extent[token.i] = third.i
                return joined, None
        if (
            following is not None
            and following.idx == token.idx + len(token.text)
            and following.pos_ in ("NOUN", "PROPN", "PART", "VERB")  # 追加|学習した
            and token.text + following.text in triggers.words
        ):
            self.extent[token.i] = following.i  # 微調整|版, 提携|先, 開発|元
            return token.text + following.text, None
        if (
            following is not None
            and following.idx == token.idx + len(token.text)
            and following.text in _EVENT_SUFFIXES
            and (token.lemma_ in triggers.words or token.text in triggers.words)
        ):
            # 買収|手続き, 出資|額, 買収|計画: the suffix noun carries the syntax
            self.extent[token.i] = following.i
            return (
                token.lemma_ if token.lemma_ in triggers.words else token.text,
                _BLOCKING_SUFFIXES.get(following.text),
            )
        if lemma in ("化", "化する") and token.i > 0:
            joined = self.doc[token.i - 1].text + "化"
            if joined in triggers.words:
                return joined, None
        if lemma in triggers.words:
            return lemma, None
        if token.text in triggers.words:
            return token.text, None
        if token.text in triggers.titles and (
            token.pos_ in ("NOUN", "PROPN")
            or surface_marker(self.text, token.idx + len(token.text)) in ("として", "に", "の")
        ):
            return "@title", None  # ("…を最高技術責任者として": a title, whatever the tag)
        if token.pos_ in ("NOUN", "PROPN", "VERB"):
            return triggers.noun_trigger(token.text)
        return None

    # ------------------------------------------------------------------ frames
    def build(self) -> list[ProtoFrame]:
        frames = []
        # A trigger written as two words (インストラクション|チューニング, 微調整|版) has its
        # syntax on the last word, the compound's head.
        for last, (trigger, suffix_block, first) in sorted(self.events.items()):
            # "サムスンが製造・販売する「Galaxy」": a verbal noun joined by ・ to the next
            # one shares its arguments, which the parse gives to the last.
            syntax = self._conjoined_head(self.doc[last])
            frame = self._frame(syntax, trigger, suffix_block, first=self.doc[first])
            if frame is not None:
                frames.append(frame)
        frames = self._share_coordinated_events(frames)
        frames = self._share_joint_titles(frames)
        frames += self._joint_actors(frames)
        frames += self._possessives()
        frames += self._own_names()
        frames += self._glued_titles()
        # "ディープマインドのスレイマン氏起用": Xの before a person hired or moving in the same
        # sentence names where they come from, not where they work.
        moving = {
            a.name.token
            for f in frames
            if f.trigger in self.s.triggers.employing
            for a in f.arguments
        }
        return [
            f
            for f in frames
            if not (f.trigger == "@affiliation" and f.arguments[0].name.token in moving)
        ]

    def _joint_actors(self, frames: list[ProtoFrame]) -> list[ProtoFrame]:
        """``AとBは共同で…を開発``, ``A、B、Cの3社が協力して``: subjects said to act
        together (共同で, 協力して, 連携して, 手を組んで) are partners, whatever they do."""
        out = []
        for frame in frames:
            if frame.clause < 0:
                continue
            clause = self.doc[frame.clause]
            joint = any(
                re.match(
                    r"(?:共同|協力|連携|協業|提携)(?:で|して|し|の上)", self.text[c.idx : c.idx + 4]
                )
                or self.text.startswith("手を組んで", c.idx)
                for c in clause.subtree
                if c.i < clause.i and c.head.i == clause.i
            )
            subjects = [a for a in frame.arguments if a.role == "ga" and a.via in ("tree", "topic")]
            if joint and len({a.name.key for a in subjects}) >= 2:
                out.append(
                    ProtoFrame(
                        "@jointly",
                        frame.start,
                        frame.end,
                        tuple(subjects),
                        frame.blocked,
                        frame.clause,
                    )
                )
        return out

    def _share_joint_titles(self, frames: list[ProtoFrame]) -> list[ProtoFrame]:
        """``ミナセ技研の共同創業者兼CEOだ``: two posts joined by 兼 are held by the same
        person at the same company; the parse gives the holder to the last one only."""
        by_start = {f.start: f for f in frames}
        out = []
        for frame in frames:
            after = (
                by_start.get(frame.end + 1)
                if self.text[frame.end : frame.end + 1] == "兼"
                else None
            )
            if after is not None:
                held = {(a.name.token, a.role) for a in frame.arguments}
                shared = [
                    a
                    for a in after.arguments
                    if a.role in ("ga", "head", "poss")
                    and (a.name.token, a.role) not in held
                    and not (a.role == "ga" and any(r == "head" for _, r in held))
                ]
                frame = replace(frame, arguments=(*frame.arguments, *shared))
            out.append(frame)
        return out

    def _share_coordinated_events(self, frames: list[ProtoFrame]) -> list[ProtoFrame]:
        """``「Fugaku-LLM」の開発と提供を行っており``: event nouns joined by と/や share
        their doer and what they are of (the parse gives each only one of them)."""
        by_token = {}
        for frame in frames:
            token = self._token_at(frame.start)
            if token is not None:
                by_token[token.i] = frame
        out = {id(f): f for f in frames}
        for i, first in by_token.items():
            token = self.doc[i]
            joined = any(c.dep_ == "case" and c.text in ("と", "や") for c in token.children)
            second = by_token.get(token.head.i)
            if not joined or second is None or token.head.i == i:
                continue
            if token.pos_ != "NOUN" or token.head.pos_ != "NOUN" or is_predicate(token):
                continue  # "…を買収したと発表した": a quoted clause, not a coordinated noun
            a, b = out[id(first)], out[id(second)]
            for receiver, giver, roles in ((a, b, ("ga",)), (b, a, ("poss", "wo"))):
                have = {r for arg in receiver.arguments for r in arg.role.split("|")}
                if have & set(roles):
                    continue
                shared = tuple(
                    replace(arg, via="chain", penalty=max(arg.penalty, 0.05))
                    for arg in giver.arguments
                    if arg.role in roles
                )
                if shared:
                    out[id(receiver)] = replace(receiver, arguments=(*receiver.arguments, *shared))
                    a, b = out[id(first)], out[id(second)]
        return [out[id(f)] for f in frames]

    def _nearer_relative_clause(self, anchor: Token, governor: Token) -> Token:
        """``曽根岡侑也氏が代表取締役CEOを務める…株式会社ELYZAは…発表した``: the parse hung a
        が-subject on a verb far to the right; a relative clause's verb between them with
        no subject of its own is the one it belongs to (が marks the subject of the nearest
        clause; the sentence's own subject is written with は)."""
        for token in self.doc[anchor.i + 1 : governor.i]:
            if token.text == "、":
                return governor  # "瑞穂自動車が、…を開発するSableへの出資を": the main subject
            if token.dep_ != "acl" or token.pos_ != "VERB" or token.head.i <= token.i:
                continue
            if any(c.dep_ in ("nsubj", "csubj") for c in token.children):
                return governor
            return token
        return governor

    def _compound_text(self, token: Token) -> str:
        """A noun with the words glued before it that the parse hangs on it as a compound
        (提携|相手 of 提携相手に選ぶ)."""
        first = token
        while (
            first.i > 0
            and self.doc[first.i - 1].dep_ == "compound"
            and self.doc[first.i - 1].head.i == token.i
            and _glued(self.doc, first.i - 1)
        ):
            first = self.doc[first.i - 1]
        return self.text[first.idx : token.idx + len(token.text)]

    def _conjoined_head(self, token: Token) -> Token:
        following = token.i + 1
        if (
            following + 1 < len(self.doc)
            and self.doc[following].text == "・"
            and token.head.i == following + 1
            and token.dep_ == "compound"
            and token.head.pos_ in ("VERB", "NOUN")
            and token.head.i not in self.by_token
        ):
            return token.head
        return token

    def _own_names(self) -> list[ProtoFrame]:
        """``アンソロピックは自前の対話型生成AI「クロード」``: 自社の, 自前の say the name is
        the subject's own."""
        out = []
        for name in self.s.names:
            if not _OWN.search(self.text[: name.start]):
                continue
            owners = self._sentence_topic(before=name.token, exclude={name.token})
            if owners:
                arguments = (
                    ProtoArgument(name, "head"),
                    *(ProtoArgument(o, "poss", "topic", 0.1) for o in owners),
                )
                out.append(ProtoFrame("@possessive", name.start, name.end, arguments))
        return out

    def _glued_titles(self) -> list[ProtoFrame]:
        """``東京大学の松尾豊教授``: a title written as the name's own suffix."""
        out = []
        for name in self.s.names:
            suffix = self.text[name.end : name.unit_end]
            if not suffix or suffix not in self.s.triggers.titles:
                continue
            owners = self.possessors.get(name.token, [])
            if owners:
                arguments = (
                    ProtoArgument(name, "head"),
                    *(ProtoArgument(o, "poss") for o in owners),
                )
                out.append(
                    ProtoFrame("@title", name.end, name.unit_end, arguments, None, name.token)
                )
        return out

    def _possessives(self) -> list[ProtoFrame]:
        """``Quillion AIのチャットボット「QuillChat」``: a name owned by the name before の."""
        out = []
        for head_i, owners in self.possessors.items():
            head = self.doc[head_i]
            if head_i in self.paired:
                owned = self._paired_run(self.paired[head_i])  # not the whole list
            else:
                owned = [n for n in self._named(head) if n not in owners]
            # "エヌビディアのクロード向け技術": a name glued to 向け/用 qualifies the noun after
            # it, which is what the possessor has.
            owned = [
                n
                for n in owned
                if not self.text[n.unit_end :].lstrip("」』").startswith(_QUALIFIER_SUFFIXES)
            ]
            # "OpenAIのGPT-3.5やGPT-4、GoogleのPaLM 2": a list member with a possessor of its
            # own is not the first one's, nor is the company that possessor is.
            own_possessor = {
                n.token
                for n in owned
                for p in self.by_token.values()
                if p not in owners and self.text[p.unit_end : n.start].rstrip("「『") == "の"
            }
            owned = [n for n in owned if n.token not in own_possessor]
            hints = {n.hint for n in owned}
            if len(owned) > 1 and "Organization" in hints and hints & {"AIModel", "Product"}:
                owned = [n for n in owned if n.hint != "Organization"]
            if not owned:
                continue
            arguments = [ProtoArgument(n, "poss") for n in owners]
            arguments += [ProtoArgument(n, "head") for n in owned]
            out.append(
                ProtoFrame("@possessive", head.idx, head.idx + len(head.text), tuple(arguments))
            )
            # "OpenAIのGreg Brockman氏": a name right after Xの, with no noun between them to
            # say what X is to it, belongs to X (the patterns' classes decide: a person works
            # there); "OpenAIの共同創業者X氏" says more and is read through its title.
            for name in owned:
                tuned = self._tuned_from(name, owners)
                if tuned is not None:
                    pair = (ProtoArgument(name, "ga"), ProtoArgument(tuned, "wo"))
                    out.append(ProtoFrame("@tuned", name.start, name.end, pair))
                direct = [o for o in owners if self.text[o.unit_end : name.start] == "の"]
                if direct:
                    affiliation = (ProtoArgument(name, "head"), ProtoArgument(direct[0], "poss"))
                    out.append(ProtoFrame("@affiliation", name.start, name.end, affiliation))
        return out

    def _tuned_from(self, name: Placed, owners: list[Placed]) -> Placed | None:
        """``Llama 2の日本語継続事前学習モデル「Youri 7B」``: a model called the tuned model
        of another (a fine-tuning word in the noun between them) is tuned from it."""
        words = [w for w in self.s.triggers.tuning if not w.startswith("@") and len(w) > 1]
        for owner in owners:
            between = self.text[owner.unit_end : name.start]
            match = re.fullmatch(
                r"[」』]?の([^、。「」『』はがを]{2,20}?)(?:モデル|版)[「『]?", between
            )
            if match and any(w in match.group(1) for w in words):
                return owner
        return None

    def _paired_run(self, owned: Placed) -> list[Placed]:
        """``NVIDIAの「A」「B」の両システム``: the name after the possessor and the names
        listed right after it, up to the next name that has a possessor of its own."""
        group = sorted(self.group_of.get(owned.token, [owned]), key=lambda n: n.start)
        run = []
        for member in group:
            if member.start < owned.start:
                continue
            if run and self._anchor(member)[0].i in self.paired:
                break
            run.append(member)
        return run or [owned]

    def _carrier(self, event: Token, trigger: str) -> Token | None:
        """The verb that carries an event noun (出資を行う, 買収が完了した, CEOを務める)."""
        head = event.head
        end = event.idx + len(event.text)
        if (
            event.pos_ in ("NOUN", "PROPN")
            and surface_marker(self.text, end) in ("は", "が")
            and (head.i == event.i or not is_predicate(head))
        ):
            # "基盤モデルの開発は、…学習することで行われた": where the parse lost the link,
            # a topic event noun is carried by the sentence's final light verb.
            final = [t for t in self.doc if t.dep_ == "ROOT" and t.i > event.i and t.pos_ == "VERB"]
            if final and (final[-1].lemma_ in LIGHT_VERBS or final[-1].text in LIGHT_VERBS):
                return final[-1]
        if head.i == event.i or event.pos_ not in ("NOUN", "PROPN", "VERB"):
            return None
        if event.dep_ not in ("obj", "nsubj", "obl", "iobj", "compound", "nmod"):
            return None
        verbs = TITLE_VERBS if trigger == "@title" else LIGHT_VERBS
        if head.lemma_ == "なる" and event.dep_ in ("obl", "obj", "nsubj"):
            return head  # "Xが勝者になる", "Xの子会社となった": the noun is what X becomes
        if head.lemma_ in verbs or head.text in verbs:
            if event.dep_ in ("compound", "nmod") and head.lemma_ not in ("化",):
                return None
            return head
        return None

    def _frame(
        self, event: Token, trigger: str, suffix_block: str | None, first: Token | None = None
    ) -> ProtoFrame | None:
        first = first if first is not None else event
        carrier = self._carrier(event, trigger)
        if (
            carrier is None
            and event.dep_ == "compound"
            and event.head.i < event.i
            and _glued(self.doc, event.i - 1)
        ):
            # "戦略的パートナーシップを結ぶ": the parse made the compound's first word its head;
            # Japanese compounds end on their head, so the event takes that word's place.
            carrier = self._carrier(event.head, trigger)
            if carrier is not None:
                first = event.head
        clause = carrier if carrier is not None else event
        verbal = is_predicate(clause) or carrier is not None or self._headline_predicate(event)
        passive = is_passive(clause) if verbal else False
        receiving = carrier is not None and carrier.lemma_ in RECEIVING_VERBS
        arguments: list[ProtoArgument] = []
        idiom_nouns = self._idiom_nouns(event, trigger)
        extent = [first] if first is not event else []
        # "ハヤブサ電機と激しい競争を": an adjective on the event noun took its argument
        degrees = [
            c
            for c in event.children
            if c.dep_ in ("acl", "amod") and c.pos_ == "ADJ" and c.i < event.i
        ]
        positions = [event, carrier, *idiom_nouns, *extent, *degrees]
        for position in positions:
            if position is None:
                continue
            for name, marker in self.args.get(position.i, []):
                if marker in ("や", "、"):
                    continue
                if not verbal and marker in ("が", "は", "も"):
                    role = "ga"  # the topic of a noun predicate (DeepMindはGoogleの子会社だ)
                else:
                    role = active_role(marker, passive=passive, receiving=receiving)
                if role is not None:
                    arguments.append(ProtoArgument(name, role))
        if trigger in self.s.triggers.transitive:
            arguments = self._lone_mo(arguments, positions, passive=passive)
        arguments += self._theme(event, arguments)
        arguments = self._topic_beside_subject(
            arguments, positions, passive=passive, relational=self._relational(trigger)
        )
        arguments += self._gapped_subjects(arguments)
        possessors = [
            n for t in (event, *idiom_nouns, *extent) for n in self.possessors.get(t.i, [])
        ]
        if trigger == "@title" and not possessors:
            # "マイクロソフトのAI担当副社長": the company owns the title's whole compound,
            # whichever of its words the parse hung the の-phrase on.
            j = event.i - 1
            while (
                j >= 0
                and j not in self.by_token
                and self.doc[j].pos_ in ("NOUN", "PROPN")
                and _glued(self.doc, j)
            ):
                possessors += self.possessors.get(j, [])
                j -= 1
        if not possessors and (self._relational(trigger) or trigger in _RELATIONAL):
            # "OpenAIの共同創業者": the name written right before の, wherever the parse hung it
            before = next(
                (p for p in self.by_token.values() if self._anchor(p)[1] + 1 == first.idx),
                None,
            )
            if before is not None and self.text[first.idx - 1] == "の":
                possessors = [before]
        prefixes = self.prefixes.get(event.i, [])
        if trigger == "@title":
            # 米Appleのティム・クックCEO: the company owns the name the title is glued to.
            possessors += [o for p in prefixes for o in self.possessors.get(p.token, [])]
            # "ホワイトハウスのAIおよび暗号資産担当責任者": a place the title is at, named or not.
            described = any(
                t.dep_ == "case" and t.text == "の" and t.i < event.i for t in event.subtree
            )
            occupation = event.text in self.s.cues.occupations  # "AI研究者であるX氏"
            # ("…、Threadsで発表した": a medium is no place of work; "X社でCEOを務める" is)
            at_company = any(
                m in ("で", "では") and n.hint in (None, "Organization")
                for n, m in self.args.get(clause.i, [])
            )
            if not possessors and not described and not occupation and not at_company:
                # "現在はボーン氏がCEOを務める": the position is at the company the text is about,
                # this sentence's topic first ("OpenAIは、X氏がCEOとして復帰すると発表した").
                topic = [
                    n
                    for n in self._sentence_topic(before=event.i, exclude=set())
                    if n.hint == "Organization"
                ]
                if topic:
                    arguments += [ProtoArgument(n, "poss", "topic", 0.1) for n in topic]
                elif (
                    self.s.previous_topic is not None
                    and self.s.previous_topic.hint == "Organization"
                ):
                    arguments.append(ProtoArgument(self.s.previous_topic, "poss", "previous", 0.15))
        for name in possessors:
            role = "ga" if prefixes and trigger != "@title" else "poss"
            arguments.append(ProtoArgument(name, role))
        last = event
        while last.dep_ == "compound" and last.head.i == last.i + 1:
            last = last.head  # "チーフ|サイエンティスト": a title written in two words
        if (trigger == "@title" or self._relational(trigger)) and last.head.i > last.i:
            joining = last.head
            if joining.lemma_ in _JOINING_VERBS and surface_marker(self.text, self._end(last)) in (
                "に",
                "には",
                "にも",
            ):
                # "Xの主要株主には、Yが名を連ねる", "YがXの取締役に就く": Y becomes one.
                arguments += [
                    ProtoArgument(n, "head")
                    for n, m in self.args.get(joining.i, [])
                    if m in ("が", "も", "は")
                ]
        if trigger == "@title" and last.head.i > last.i:
            appointing = last.head
            while appointing.lemma_ == "する" and appointing.head.i > appointing.i:
                appointing = appointing.head  # "…を最高技術責任者として迎え入れた"
            if (
                appointing.lemma_ in self.s.triggers.employing
                or self._compound_text(appointing) in self.s.triggers.employing
            ) and surface_marker(self.text, self._end(last)) in ("に", "として"):
                # "X氏をYのチーフサイエンティストに任命": the one appointed holds the title.
                arguments += [
                    ProtoArgument(n, "head")
                    for position in (appointing, last)
                    for n, m in self.args.get(position.i, [])
                    if m == "を"
                ]
        for name in prefixes:
            arguments.append(ProtoArgument(name, "prefix"))
        arguments += self._heads(event, arguments)
        if trigger == "@title" and any(a.role == "head" for a in arguments):
            # "Quora CEOのAdam D'Angelo氏": with its holder named, a name before the title is
            # the organization (ティム・クックCEO, with no holder after it, is the person).
            arguments = [replace(a, role="poss") if a.role == "prefix" else a for a in arguments]
        if (not verbal or self._relational(trigger)) and self.text.startswith(
            "として", self._end(event)
        ):
            # "Tovrin AIを競合企業として挙げた": what is taken as the noun is what it describes.
            arguments = [replace(a, role="head") if a.role == "wo" else a for a in arguments]
        heads = [a for a in arguments if a.role == "head"]
        if (
            (not verbal or self._relational(trigger))
            and not possessors
            and not prefixes
            and (
                event.i in self.carried
                or (
                    heads
                    and self.text.startswith(
                        ("の", "である", "だった", "となった", "として"), self._end(event)
                    )
                )
            )
        ):
            # "GoogleやAppleといったライバル企業に遅れを取った", "Googleは傘下のDeepMind…",
            # "XはYを競合企業として挙げた": whose rivals, whose subsidiary — the company the
            # sentence has as its subject.
            owner = self._preceding_subject(event, {a.name.token for a in arguments})
            if owner is None and self._relational(trigger):
                # "開発元のイズモ・ラボは、「Izumo-13B」が…": the developer of the model the
                # sentence goes on to speak of.
                owner = self._model_after(event, {a.name.token for a in arguments})
            if owner is not None:
                arguments.append(ProtoArgument(owner, "poss", "topic", 0.1))
        if (
            not verbal
            and not heads
            and (possessors or prefixes)
            and re.match(
                r"(?:の(?:1人|一人|ひとり|一社|1社)|として|でもある|であり)",
                self.text[self._end(event) :],
            )
        ):
            # "ジョーンズ氏は、論文「X」の共著者の1人として知られる": the topic is the one.
            topic = self._sentence_topic(before=event.i, exclude={a.name.token for a in arguments})
            arguments += [ProtoArgument(n, "head", "topic", 0.05) for n in topic]
        if (
            not verbal
            and event.dep_ in ("obj", "obl")
            and not any("ga" in a.role.split("|") for a in arguments)
            and not self._relational(trigger)
        ):
            # "Amazonは、Anthropicへの出資額を引き上げた": the verb's subject did the event.
            subjects = self._direct_subjects(event.head) or self._sentence_topic(
                before=event.i, exclude={a.name.token for a in arguments}
            )
            arguments += [ProtoArgument(n, "ga", "chain", 0.1) for n in subjects]
        gaps = self._gaps(
            clause, event, arguments, passive=passive, verbal=verbal, receiving=receiving
        )
        if self._relational(trigger):
            # "SSIは、A氏とB氏の3人が共同創業者として関わっている": the topic a relational noun
            # leaves out is whose founders (subsidiary, rival…) they are.
            gaps = [
                replace(a, role="poss")
                if a.via == "topic" and {"wo", "ni"} & set(a.role.split("|"))
                else a
                for a in gaps
                # no one "does" a 軽量版 (a title, though, is held: X氏がCEOを務める)
                if trigger == "@title" or not (a.via in ("chain", "previous") and a.role == "ga")
            ]
        arguments += gaps
        if (
            passive
            and idiom_nouns
            and not any("poss" in a.role for a in arguments)
            and self.s.previous_topic is not None
        ):
            # "学習には…DPOが使われている": the training is the last topic's (the model's).
            arguments.append(ProtoArgument(self.s.previous_topic, "poss", "previous", 0.2))
        arguments += self._measured(event, arguments)
        arguments += self._speakers(clause, arguments)
        arguments += self._results(clause, arguments)
        arguments += self._chained_objects(clause, arguments)
        arguments += self._round_owners(clause, arguments)
        if not arguments:
            return None
        blocked = suffix_block or self._blocked(event, clause, {a.name.token for a in arguments})
        if trigger == "@title" and any(
            self.text[max(0, a.name.start - 1) : a.name.start] in ("元", "前", "旧")
            for a in arguments
            if a.role == "poss"
        ):
            blocked = "former"  # "元OpenAIの研究者": a former position
        start, end = first.idx, event.idx + len(event.text)
        return ProtoFrame(trigger, start, end, tuple(_unique(arguments)), blocked, clause.i)

    def _measured(self, event: Token, present: list[ProtoArgument]) -> list[ProtoArgument]:
        """``「GPT-4」と比べて高い性能を示した``, ``Xに対して優れた性能を発揮``,
        ``Aの性能はBより高い``: a word of degree said of a measure (性能, スコア) compares
        whose measure it is (the possessor, or the subject of the verb that shows it) with
        what the sentence compares it to, wherever the parse hung those."""
        measure = None
        if event.dep_ in ("acl", "amod") and event.head.text in self.s.cues.measure_nouns:
            measure = event.head
        else:
            measure = next(
                (
                    c
                    for c in event.children
                    if c.dep_ == "nsubj" and c.text in self.s.cues.measure_nouns
                ),
                None,
            )
        if measure is None:
            return []
        taken = {a.name.token for a in present}
        out = [ProtoArgument(n, "ga") for n in self.possessors.get(measure.i, [])]
        shower = self._governor(measure) if measure.head.i != event.i else None
        if shower is not None and shower.i != event.i:
            for name, marker in self.args.get(shower.i, []):
                role = active_role(marker)
                if role == "ga" or marker in ("に対して", "に対し") or role == "than":
                    out.append(ProtoArgument(name, "than" if role != "ga" else "ga", "tree", 0.05))
        return [a for a in out if a.name.token not in taken]

    def _gapped_subjects(self, arguments: list[ProtoArgument]) -> list[ProtoArgument]:
        """``OpenAIが「GPT-4」を、Metaが「LLaMA」を…発表``: in a gapped coordination each object
        has its own subject right before it, wherever the parse hung that subject."""
        objects = [a for a in arguments if a.role == "wo"]
        if len(objects) < 2:
            return []
        taken = {a.name.token for a in arguments}
        out = []
        for obj in objects:
            start = obj.name.start - (
                1 if self.text[obj.name.start - 1 : obj.name.start] in "「『" else 0
            )
            for name in self.by_token.values():
                _, end = self._anchor(name)
                if name.token in taken or end > start:
                    continue
                if self.text[end:start] == "が" and surface_marker(self.text, end) == "が":
                    out.append(ProtoArgument(name, "ga"))
        return out if len(out) + sum(a.role == "ga" for a in arguments) == len(objects) else []

    def _theme(self, event: Token, arguments: list[ProtoArgument]) -> list[ProtoArgument]:
        """``オープンAIをめぐっては、…ソフトバンクグループが…追加出資を発表する``: a
        sentence's theme (Xをめぐっては, Xについては) is what an event in it with no object of
        its own is about."""
        roles = {r for a in arguments for r in a.role.split("|")}
        if roles & {"wo", "ni", "about", "to", "poss", "head", "de"}:
            return []
        taken = {a.name.token for a in arguments}
        return [
            ProtoArgument(theme, "about", "theme", 0.1)
            for theme in self.themes
            if theme.token not in taken and theme.end <= event.idx
        ]

    def _lone_mo(
        self, arguments: list[ProtoArgument], positions: list[Token | None], *, passive: bool
    ) -> list[ProtoArgument]:
        """``同時に、小型版「Hibari-2-Lite」も用意した``: も stands for が or を; alone, with
        no subject or object beside it, it may be either (for a verb that takes a を-object),
        and the patterns' classes choose."""
        if passive:
            return arguments
        markers = {
            name.token: marker
            for position in positions
            if position is not None
            for name, marker in self.args.get(position.i, [])
        }
        core = {a.name.token: a for a in arguments if set(a.role.split("|")) & {"ga", "wo"}}
        if len(core) != 1:
            return arguments
        ((token, lone),) = core.items()
        if lone.role != "ga" or markers.get(token) != "も":
            return arguments
        return [replace(a, role="ga|wo") if a.name.token == token else a for a in arguments]

    def _topic_beside_subject(
        self,
        arguments: list[ProtoArgument],
        positions: list[Token | None],
        *,
        passive: bool,
        relational: bool = False,
    ) -> list[ProtoArgument]:
        """``「Tessera-40B」は、アイリス情報システムが開発した``: with a が-subject present, the
        は-topic is another argument (most often the object), not a second subject."""
        if passive:
            return arguments
        markers = {
            name.token: marker
            for position in positions
            if position is not None
            for name, marker in self.args.get(position.i, [])
        }
        subjects = [a for a in arguments if a.role == "ga" and markers.get(a.name.token) == "が"]
        if not subjects:
            return arguments
        topics = [
            a for a in arguments if a.role == "ga" and markers.get(a.name.token) in ("は", "では")
        ]
        if topics and all(s.name.start < t.name.start for s in subjects for t in topics):
            # "曽根岡氏がCEOを務める…ELYZAは新モデルを発表した": a が-phrase before the topic
            # belongs to a clause describing the topic; the topic is the subject here.
            drop = {s.name.token for s in subjects}
            return [a for a in arguments if a.name.token not in drop]
        counted = [t for t in topics if _PARALLEL_COUNT.match(self.text, self._anchor(t.name)[1])]
        if counted and len(counted) == len(topics):
            # "グーグルは21社、メタは18社、アマゾンが10社を買収した": topics each with their own
            # count are parallel subjects of the gapped verb, not its objects.
            return arguments
        present = {r for a in arguments for r in a.role.split("|")}
        gap = "|".join(r for r in ("wo", "ni") if r not in present) or "to"
        if len(subjects) >= 2 and "wo" not in present:
            # "「Kiri」は、AとBが共同開発した": subjects that act together are each other's
            # partners; the topic is what they made.
            gap = "wo"
        if relational:
            gap = "poss"  # "SSIは、A氏ら3人が共同創業者として関わる": SSI's co-founders
        return [
            ProtoArgument(a.name, gap, "topic", 0.05)
            if a.role == "ga" and markers.get(a.name.token) in ("は", "では")
            else a
            for a in arguments
        ]

    def _end(self, token: Token) -> int:
        return token.idx + len(token.text)

    def _relational(self, trigger: str) -> bool:
        """Relational nouns (傘下, 創業者, CEO) name a role, not an event someone does."""
        return (
            trigger == "@title" or trigger in _RELATIONAL or trigger in self.s.triggers.relational
        )

    def _idiom_nouns(self, verb: Token, trigger: str) -> list[Token]:
        """The fixed noun of an idiom (傘下 in 傘下に持つ): names hung on it are the verb's."""
        for name, noun, _, _verb in self.s.triggers.idioms:
            if name == trigger:
                return [c for c in verb.children if c.text.endswith(noun)]
        return []

    # ------------------------------------------------------------------ heads of nouns
    def _named(self, token: Token) -> list[Placed]:
        """The names a noun stands for: itself, a name in apposition, or what it is about
        (``「CallMate」の普及`` stands for CallMate)."""
        if token.i in self.by_token:
            return list(self.group_of.get(token.i, [self.by_token[token.i]]))
        if token.i in self.carried:
            return list(self.carried[token.i])
        for other in sorted(self.by_token.values(), key=lambda p: p.start):
            gap = self.text[token.idx + len(token.text) : other.start]
            gap = re.sub(r"^(、?)(?:株式会社|有限会社|合同会社)", r"\1", gap)
            if other.start >= token.idx + len(token.text) and gap in (
                "",
                "「",
                "『",
                "・",
                "の「",
                "の",
                "、",
            ):
                kind = self.s.cues.type_of_noun(token.text)
                if gap in ("の", "、") and (
                    not kind or (other.hint is not None and other.hint != kind)
                ):
                    continue  # "AI研究所のYann LeCun": an institute's person, not the institute
                return list(self.group_of.get(other.token, [other]))
        if token.text in _STANDS_FOR or token.lemma_ in _STANDS_FOR:
            owners = self.possessors.get(token.i, [])
            if owners:
                return list(owners)
        if token.lemma_ in _FORMAL_NOUNS and token.head.i > token.i:
            return self._named(token.head)  # "Metaが発表したばかりの「LLaMA」"
        if self.s.cues.type_of_noun(token.text) and any(c.dep_ == "cop" for c in token.children):
            # "xAIはマスク氏が設立したAI企業だ": the predicate noun is the topic itself.
            topic = self._sentence_topic(before=token.i, exclude=set())
            if topic:
                return topic
        if token.lemma_ in _PROPERTIES or token.text in _PROPERTIES:
            # "Xをしのぐほどの性能を誇る「Vicuna-13B」": the property stands for what has it
            # ("MMLUのスコア" is a model's score on a benchmark, not the benchmark's).
            owners = [o for o in self.possessors.get(token.i, []) if o.hint != "Dataset"]
            if owners:
                return list(owners)
            holder = token.head
            if holder.i != token.i and is_predicate(holder) and token.dep_ in ("obj", "nsubj"):
                subjects = self._direct_subjects(holder)
                if subjects:
                    return subjects
                if self._is_relative(holder):
                    return self._named(self._phrase_head(holder.head))
        return []

    def _modified_noun(self, clause: Token) -> Token | None:
        """The noun a relative clause modifies: its head, or (where the parse lost it) the
        noun written right after the clause."""
        if self._is_relative(clause):
            return clause.head
        end = self._clause_end(clause)
        following = self._token_at(end)
        if following is not None and following.idx == end and following.pos_ in ("NOUN", "PROPN"):
            return following
        return None

    def _compound_possessors(self, noun: Token) -> list[Placed]:
        """Possessors of a noun compound (``GoogleのAI関連内部文書``), whichever of its words
        the parse hung them on."""
        owners = list(self.possessors.get(noun.i, []))
        i = noun.i
        while i > 0 and self.doc[i - 1].idx + len(self.doc[i - 1].text) == self.doc[i].idx:
            i -= 1
            if self.doc[i].pos_ not in ("NOUN", "PROPN"):
                break
            owners = self.possessors.get(i, []) + owners
        return owners

    def _phrase_head(self, token: Token) -> Token:
        """``…を誇るオープンソースの大規模言語モデル「Vicuna-13B」``: a relative clause hangs on
        the first noun of the noun phrase; the phrase's head is what it describes."""
        current = token
        for _ in range(4):
            if self._trigger(current.head) is not None or current.head.lemma_ in _PROPERTIES:
                break
            name = self.by_token.get(current.i) or self.anchored.get(current.i)
            end = current.idx + len(current.text)
            if name is not None:
                end = self._anchor(name)[1]
            head = current.head
            if surface_marker(self.text, end) != "の" or head.i <= current.i:
                break
            if head.pos_ not in ("NOUN", "PROPN", "NUM"):
                break
            current = head
        return current

    def _heads(self, event: Token, present: list[ProtoArgument]) -> list[ProtoArgument]:
        """What a relational or event noun describes: ``X傘下のPayPay``, ``Xの出資先である
        Kestrel``, ``Xの子会社Vistara``, ``Meta開発のモデル「SAM」``,
        ``Xの土台となったのは、Yだ``."""
        if event.pos_ == "VERB" and not any(c.dep_ == "cop" for c in event.children):
            return []
        last = event
        end = last.idx + len(last.text)
        marker = surface_marker(self.text, end)
        head = event.head
        names: list[Placed] = []
        linking = self.text.startswith(_LINKING, end)
        if marker == "の" and head.i > event.i:
            names = self._named(head)
            if event.text in self.s.triggers.titles:
                # "ラリー・サマーズ氏、Quora CEOのAdam D'Angelo氏": the title is the next name's.
                after = end + len(marker)
                names = [n for n in names if n.start == after] or names
        elif marker in ("は", "が") and head.i in self.by_token and head.i > event.i:
            names = self._named(head)  # "勝者はMeta": the noun is the topic, the name its predicate
        elif linking or marker == "、":
            verb = next((t for t in self.doc[last.i + 1 : last.i + 4] if t.pos_ == "VERB"), None)
            clause = verb if verb is not None else event
            if self._is_cleft(clause):
                names = self._cleft_focus(clause)
            elif clause.head.i > clause.i:
                names = self._named(self._phrase_head(clause.head))
            elif head.i > event.i:
                names = self._named(head)
        elif head.i in self.by_token and head.i > event.i and head.idx - end <= 1:
            names = self._named(head)
        if not names:
            for other in self.by_token.values():
                if other.start == end or (other.start == end + 1 and self.text[end] in "「『、"):
                    names = list(self.group_of.get(other.token, [other]))
                    break
        coordinated = re.match(r"(?:かつ|兼|であり、?)", self.text[end:]) is not None
        if coordinated:
            names = []  # "TwitterのオーナーかつテスラのCEOであるX氏": X's, not テスラ's
        if not names and re.match(r"(?:である|だった|となった|かつ|兼)", self.text[end:]):
            # "テスラのCEOであるイーロン・マスク氏", "TwitterのオーナーかつテスラのCEOである
            # X氏": the name the linked (or coordinated) noun phrase ends on, where the parse
            # lost it.
            following = re.match(r"(?:である|だった|となった)?(?:かつ|兼)?", self.text[end:])
            after = end + (following.end() if following else 0)
            for other in sorted(self.by_token.values(), key=lambda p: p.start):
                if other.start < after or (
                    coordinated and self.text.startswith("の", self._anchor(other)[1])
                ):
                    continue
                between = self.text[after : other.start]
                if re.fullmatch(r"(?:[^、。はがをにで]*?(?:である|の))?[「『]?", between):
                    names = list(self.group_of.get(other.token, [other]))
                break
        if not names and marker == "として":
            # "XをCEOとして迎える", "Yを競合企業として挙げる": what the verb takes as the noun;
            # "伊藤錬氏もCOOとして加わった": else the clause's subject, for a title.
            names = [n for n, m in self.args.get(head.i, []) if m == "を"]
            if not names and event.text in self.s.triggers.titles:
                names = [n for n, m in self.args.get(head.i, []) if m in ("が", "は", "も")]
        if not names and marker == "は" and event.text in self.s.triggers.titles:
            # "CEOはHa氏、CTOはJones氏が務める": the title is the topic, its holder follows.
            after = end + len(marker)
            for other in self.by_token.values():
                if other.start == after and re.match(
                    r"(?:が務め|が就|、|。|だ|で)", self.text[other.unit_end :]
                ):
                    names = [other]
        if not names and event.i in self.carried:
            names = list(self.carried[event.i])  # "GoogleやAppleといったライバル企業"
        taken = {a.name.token for a in present}
        return [ProtoArgument(n, "head", "tree") for n in names if n.token not in taken]

    # ------------------------------------------------------------------ gaps
    def _gaps(
        self,
        clause: Token,
        event: Token,
        present: list[ProtoArgument],
        *,
        passive: bool,
        verbal: bool,
        receiving: bool = False,
    ) -> list[ProtoArgument]:
        # ("「X」も用意した": a lone も-phrase may be the object; the subject is still sought.)
        # With a receiving verb (Xから出資を受けた) the verb's own subject is the receiver,
        # the ni-role; the giver (ga) is marked から. A left-out subject is sought the same way.
        subject = "ni" if receiving else "ga"
        roles = {
            r
            for a in present
            for r in (["wo"] if a.role == "ga|wo" and a.via == "tree" else a.role.split("|"))
        }
        taken = {a.name.token for a in present}
        out: list[ProtoArgument] = []
        if not verbal:
            return out

        def gap_role() -> str:
            if passive:
                return "wo" if "wo" not in roles else "ni|to"
            if "ga" in roles:
                return "|".join(r for r in ("wo", "ni", "to") if r not in roles) or "de"
            return "ga" if "wo" in roles else "ga|wo"

        if subject not in roles and not passive:
            linear = self._linear_subject(clause, taken)
            if linear is not None:
                out.append(ProtoArgument(linear, subject, "linear", 0.02))
                roles.add(subject)
                taken.add(linear.token)
        filler: list[Placed] = []
        via = ""
        if self._is_relative(clause):
            phrase_head = self._phrase_head(clause.head)
            filler, via = self._named(phrase_head), "relative"
            if not filler and phrase_head.text in self.s.triggers.titles:
                # "ハヤブサ電機を率いる鈴木一郎社長は": the person the title is glued to
                filler = [
                    p
                    for p in self.by_token.values()
                    if phrase_head.idx in (p.end, p.unit_end) and p.token < phrase_head.i
                ]
            gap = self.text[self._clause_end(clause) : min((n.start for n in filler), default=0)]
            gap = gap.lstrip("たるだ").rstrip("「『")
            quoted = all(self.text[n.start - 1 : n.start] in ("「", "『") for n in filler)
            if len(filler) > 1 and not quoted and (len(gap) <= 1 or self.s.cues.type_of_noun(gap)):
                # (AIチップ「Trainium」と「Inferentia」: a quoted list is introduced as one.)
                # "「ChatGPT」を開発した米オープンAIとソフトバンク": the clause describes the
                # name it stands right before, not the whole list.
                filler = filler[:1]
            if (
                not filler
                and phrase_head.text in self.s.cues.measure_nouns
                and phrase_head.head.i != phrase_head.i
            ):
                # "70Bモデルは「GPT-4」を上回るスコアを記録した": the score is the subject's.
                owner = phrase_head.head
                filler = [n for n, m in self.args.get(owner.i, []) if m in ("が", "は", "も")]
                # ("ベンチマーク「X」では": a では-phrase is where it was measured, not who)
                filler = filler or self._sentence_topic(
                    before=clause.i, exclude=set(), markers=("は",)
                )
                if not filler and self.s.previous_topic is not None:
                    filler, via = [self.s.previous_topic], "previous"
            if not filler and re.match(
                r"(?:で、|で|だ|である|です|。)", self.text[self._end(phrase_head) :]
            ):
                # "xAIはマスク氏が率いる新会社で": a described noun that is the predicate of
                # the sentence's topic stands for the topic.
                filler = self._sentence_topic(before=clause.i, exclude=set())
        elif (
            self._continuative(clause)
            and self.text.startswith("、", self._clause_end(clause))
            and (chained := self._next_relative(clause)) is not None
        ):
            # "ミナセ技研が開発し、ハヤブサ電機が販売する「Kiri」": coordinated relative
            # clauses describe the same head.
            filler, via = self._named(self._phrase_head(chained.head)), "relative"
        elif (named := self._name_after_adnominal(clause)) is not None:
            # "「Kiri-7B」を手がけるミナセ技研は": a clause in its adnominal form written right
            # before a name describes it, though the parse made the clause a sentence.
            filler, via = [named], "relative"
        elif self._is_cleft(clause):
            filler, via = self._cleft_focus(clause), "cleft"
        if filler and via == "relative" and not passive:
            present, roles = self._main_clause_subject(clause, present, filler, roles)
        if filler:
            role = gap_role()
            out += [ProtoArgument(n, role, via, 0.05) for n in filler if n.token not in taken]
            # An ambiguous filler ("ga|wo": 公開したのは「A」) may be the object: keep looking
            # for a subject, and let the patterns' classes choose.
            roles |= set(role.split("|")) - ({"ga"} if "|" in role else set())
            taken |= {n.token for n in filler}
        if (
            subject == "ga"
            and "ga" in roles
            and event.lemma_ in _INVESTING
            and not {"ni", "wo", "round", "stake", "to"} & roles
            and self.s.previous_topic is not None
            and self.s.previous_topic.hint == "Organization"
            and self.s.previous_topic.token not in taken
            and self._quote_of(clause.idx) is None
        ):
            # "Mistral AIは…。米Microsoftや米NVIDIAなども出資をしている": investors named, the
            # company they invest in left out is the one the text is about.
            out.append(ProtoArgument(self.s.previous_topic, "ni", "previous", 0.2))
        if subject in roles:
            opener = self._headline_opener()
            if (
                opener is not None
                and "wo" not in roles
                and not passive
                and not receiving
                and opener.token not in taken
            ):
                # "AIモデル「Llama 3.3 Swallow」、東京科学大などのチームが公開": with a subject
                # of its own, the headline's opening name is what was done.
                out.append(ProtoArgument(opener, "wo", "topic", 0.1))
            return out
        inherited = self._chained_subjects(clause)
        if inherited:
            out += [
                ProtoArgument(n, subject, "chain", 0.05) for n in inherited if n.token not in taken
            ]
            return out
        topic = self._sentence_topic(before=clause.i, exclude=taken)
        if topic:
            out += [ProtoArgument(n, subject, "topic", 0.1) for n in topic]
            return out
        if (
            self.s.previous_topic is not None
            and not passive  # a passive leaves its agent unknown more often than not
            and self._quote_of(clause.idx) is None
            and self.s.previous_topic.key not in {a.name.key for a in present}
        ):
            out.append(ProtoArgument(self.s.previous_topic, subject, "previous", 0.2))
        return out

    def _continuative(self, clause: Token) -> bool:
        """``…を取得し、``: the predicate's last word is in its continuative form (連用形),
        which no relative clause ends in, whatever the parse calls it."""
        last = clause
        for token in self.doc[clause.i + 1 :]:
            if token.head.i != clause.i or token.dep_ not in ("aux", "cop"):
                break
            last = token
        return any("連用形" in form for form in last.morph.get("Inflection"))

    def _chain_head(self, clause: Token) -> Token | None:
        """The predicate a continuative clause (``…し、``, ``…して、``) leads on to: its head in
        the parse, or, when the parse hung it elsewhere, the next main predicate."""
        head = clause.head
        if clause.dep_ in ("advcl", "conj") and head.i > clause.i:
            return head
        end = self._clause_end(clause)
        if not self.text.startswith(("、", "て、", "で、"), end):
            return None
        if clause.dep_ == "acl" and not self._continuative(clause):
            return None  # a relative clause (…を開発した、新しい会社) leads on to no verb
        for token in self.doc[clause.i + 1 :]:
            if is_predicate(token) and token.dep_ in ("ROOT", "advcl", "conj", "ccomp"):
                return token
        return None

    def _main_clause_subject(
        self,
        clause: Token,
        present: list[ProtoArgument],
        filler: list[Placed],
        roles: set[str],
    ) -> tuple[list[ProtoArgument], set[str]]:
        """``Microsoftが…を開発するOpenAIに出資``: a が-subject written before the relative
        clause's object, of the same kind as the clause's head, is the main clause's subject;
        the head is the relative clause's."""
        subjects = {a.name.token: a for a in present if a.role == "ga" and a.via == "tree"}
        objects = [a for a in present if a.role == "wo"]
        if len(subjects) != 1 or not filler or not objects:
            return present, roles
        subject = next(iter(subjects.values()))
        if subject.name.key in {f.key for f in filler}:
            return present, roles
        if subject.name.hint is None or subject.name.hint != filler[0].hint:
            return present, roles
        if subject.name.start > min(o.name.start for o in objects):
            return present, roles
        present[:] = [a for a in present if a.name.token != subject.name.token]  # the caller's
        return present, roles - {"ga"}

    def _results(self, clause: Token, present: list[ProtoArgument]) -> list[ProtoArgument]:
        """``Xをファインチューニングし、「Y」を開発した``: what the clause this one leads to
        makes is the result of this one (a derived model, a trained model)."""
        head = self._chain_head(clause)
        if head is None:
            return []
        taken = {a.name.token for a in present}
        out = []
        for position in (head, *[c for c in head.children if c.dep_ == "obj"]):
            for name, marker in self.args.get(position.i, []):
                if marker == "を" and name.token not in taken:
                    out.append(ProtoArgument(name, "result", "chain", 0.05))
            if position is not head:
                out += [
                    ProtoArgument(n, "result", "chain", 0.05)
                    for n in self.possessors.get(position.i, [])
                    if n.token not in taken
                ]
        return out

    def _linear_subject(self, clause: Token, taken: set[int]) -> Placed | None:
        """``米Salesforceが2021年に買収した…``: the が-marked name right before the verb, with
        no comma or other verb between, is its subject even where the parse hung it elsewhere."""
        for name in sorted(self.by_token.values(), key=lambda p: -p.start):
            if name.token >= clause.i or name.token in taken:
                continue
            _, end = self._anchor(name)
            between = self.doc[name.token + 1 : clause.i]
            if "、" in self.text[end : clause.idx] or any(
                is_predicate(t) and t.i != clause.i for t in between
            ):
                return None
            if surface_marker(self.text, end) == "が":
                # "XがYを開発するZに出資": with an object between, X is the main clause's
                # unless the clause describes the topic ("XがCEOを務めるYは").
                if "を" not in self.text[end + 1 : clause.idx] or self._modifies_topic(clause):
                    return name
                return None
            return None
        return None

    def _speakers(self, clause: Token, present: list[ProtoArgument]) -> list[ProtoArgument]:
        """``リサ・ホルト氏は…Xが勝者になるとみている``: whoever thinks or says the clause is its
        speaker (stance patterns read the view from there)."""
        current = clause
        quote = self._quote_of(clause.idx)
        for _ in range(4):
            head = current.head
            end = self._clause_end(current)
            if quote is not None and end <= quote[1]:
                # 「Xは脅威」「勝者はY」などと記した: what is said is reported after the quotes
                after = re.match(r"(?:」?「[^「」]*」)*」?(?:など)?", self.text[end:])
                end += after.end() if after else 0
                reporter = self._token_at(end + 1)
                if self.text.startswith(("と", "との"), end) and reporter is not None:
                    head = reporter if is_predicate(reporter) else reporter.head
            if head.i == current.i:
                return []
            quoted = self.text.startswith(("と", "との", "ように", "ことを", "ことも", "こと"), end)
            if quoted and (head.lemma_ in _THINKING or head.text in _THINKING):
                taken = {a.name.token for a in present}
                speakers = self._direct_subjects(head) or self._sentence_topic(
                    before=head.i, exclude=taken
                )
                modified = self._modified_noun(head)
                if not speakers and modified is not None:
                    # "…と記されたGoogleの内部文書": the document speaks for its owner.
                    document = self._phrase_head(modified)
                    speakers = self._compound_possessors(document) or self._named(document)
                return [
                    ProtoArgument(n, "speaker", "speaker", 0.0)
                    for n in speakers
                    if n.token not in taken
                ]
            if head.lemma_ in _NOMINALIZERS or head.lemma_ in ("見方", "考え", "認識", "見解"):
                current = head
                continue
            if not is_predicate(current) and is_predicate(head):
                current = head  # "Xの一人勝ちが続くと予想": the noun's clause is what is said
                continue
            return []
        return []

    def _chained_objects(self, clause: Token, present: list[ProtoArgument]) -> list[ProtoArgument]:
        """``カナエ技研の全株式を取得し、完全子会社化した``: a verb with no object of its own
        acts on the object of the clause chained before it."""
        if any(a.name and set(a.role.split("|")) & {"wo", "ni"} for a in present):
            return []
        if any(
            c.dep_ == "obj" or any(g.dep_ == "case" and g.text == "を" for g in c.children)
            for c in clause.children
        ):
            return []  # "同社を退社し、自身の会社を設立した": an object of its own, unnamed
        for child in clause.children:
            chained = self._chain_head(child) if child.i < clause.i else None
            # (continuative only: "…を買収したと発表した" reports, it does not share objects)
            if (
                is_predicate(child)
                and chained is not None
                and chained.i == clause.i
                and self._continuative(child)
            ):
                # ("Xの株式を取得して連結子会社化する": the company whose shares were bought is
                # what the second verb makes a subsidiary.)
                objects = [
                    name
                    for position in (child, *[c for c in child.children if c.dep_ == "obj"])
                    for name, marker in self.args.get(position.i, [])
                    if marker in ("を", "STAKE")
                ]
                return [ProtoArgument(n, "wo", "chain", 0.05) for n in objects]
        return []

    def _round_owners(self, clause: Token, present: list[ProtoArgument]) -> list[ProtoArgument]:
        """``Xが実施した増資で…出資した``, ``XのシリーズBラウンドに出資``: the company whose
        funding round it is receives the investment; ``Xが主導するラウンドで…調達した``: the
        lead is an investor; ``同ラウンドには…も名を連ねた``: the round the text spoke of.
        ``「InstructGPT」の開発で採用された``: what is being developed is what adopts it."""
        roles = {r for a in present for r in a.role.split("|")}
        out = []
        for child in clause.children:
            if child.i in self.by_token:
                continue
            label = _ROUND_LABEL.fullmatch(self._compound_text(child)) is not None
            if (any(child.text.endswith(r) for r in _ROUNDS) or label) and "round" not in roles:
                for grandchild in child.children:
                    if grandchild.dep_ != "acl":
                        continue
                    subjects = [n for n, m in self.args.get(grandchild.i, []) if m in ("が", "は")]
                    leads = grandchild.lemma_ in _LEAD_VERBS or grandchild.text in _LEAD_VERBS
                    out += [
                        ProtoArgument(n, "kara" if leads else "round", "round", 0.05)
                        for n in subjects
                    ]
                owners = list(self.possessors.get(child.i, []))
                # ("シリーズFには…も参加した": a bare series label is the round the text is on)
                if (
                    not owners
                    and self.s.previous_round is not None
                    and (self._anaphoric(child) or label)
                ):
                    out.append(ProtoArgument(self.s.previous_round, "round", "previous", 0.15))
                out += [ProtoArgument(n, "round", "round", 0.05) for n in owners]
            elif (
                child.lemma_ in _PURPOSE_EVENTS
                and "ga" not in roles
                and surface_marker(self.text, child.idx + len(child.text))
                in ("で", "では", "に", "には")
            ):
                owners = list(self.possessors.get(child.i, []))
                for grandchild in child.children:
                    if grandchild.dep_ == "acl":
                        owners += [
                            n for n, m in self.args.get(grandchild.i, []) if m in ("が", "は")
                        ]
                out += [ProtoArgument(n, "ga", "round", 0.05) for n in owners]
        if (
            not out
            and clause.lemma_ in ("参加", "名を連ねる", "参画", "応じる")
            and not {"round", "ni", "wo", "to"} & roles
            and "ga" in roles
            and self.s.previous_round is not None
            and self.s.previous_round.key not in {a.name.key for a in present}
        ):
            # "…資金を調達した。その他、A、B…なども参加する": joining the round spoken of
            out.append(ProtoArgument(self.s.previous_round, "round", "previous", 0.15))
        return out

    def _anaphoric(self, noun: Token) -> bool:
        """``同ラウンド``, ``このラウンド``, ``今回の増資``: a noun pointing back in the text."""
        before = self.text[max(0, noun.idx - 3) : noun.idx]
        return noun.text.startswith(_ANAPHOR_PREFIXES) or before.endswith(
            (*_ANAPHOR_PREFIXES, "今回の")
        )

    def _modifies_topic(self, clause: Token) -> bool:
        if not self._is_relative(clause):
            return False
        head = self._named(self._phrase_head(clause.head))
        return any(surface_marker(self.text, self._anchor(n)[1]) in ("は", "では") for n in head)

    def _next_relative(self, clause: Token) -> Token | None:
        """The next predicate after a continuative clause, when it is a relative clause."""
        for token in self.doc[clause.i + 1 :]:
            if is_predicate(token) and token.i != clause.i:
                return token if token.dep_ == "acl" and self._is_relative(token) else None
        return None

    def _name_after_adnominal(self, clause: Token) -> Placed | None:
        """The name written right after ``clause`` when the clause ends in its adnominal
        form (連体形) and the parse did not hang it on anything to its right."""
        if clause.head.i > clause.i:
            return None
        last = clause
        for token in self.doc[clause.i + 1 :]:
            if token.head.i != clause.i or token.dep_ not in ("aux", "cop"):
                break
            last = token
        if not any("連体形" in form for form in last.morph.get("Inflection")):
            return None
        end = last.idx + len(last.text)
        start = end + (1 if self.text[end : end + 1] in ("「", "『") else 0)
        return next((p for p in self.by_token.values() if p.start == start), None)

    def _is_relative(self, clause: Token) -> bool:
        head = clause.head
        if head.i == clause.i or head.i < clause.i:
            return False
        if clause.dep_ == "acl" or head.lemma_ in _FORMAL_NOUNS:
            return True
        end = self._clause_end(clause)
        if (
            self.doc[clause.i + 1 : clause.i + 3]
            and self.text[end - 2 : end] in ("ほど", "ような")
            and (self.text.startswith("の", end) and head.pos_ in ("NOUN", "PROPN"))
        ):
            return True  # "LLaMAをしのぐほどの性能": an adnominal clause through ほど/ような
        marker = surface_marker(self.text, end)
        return marker == "" and head.pos_ in ("NOUN", "PROPN") and clause.dep_ not in ("advcl",)

    def _reported_clause(self, anchor: Token, governor: Token) -> Token:
        """``Gemini Ultraが…GPT-4を超えたとされる``: a subject the parse hung on the verb
        of hearsay belongs to the reported clause after it, when that clause has none."""
        for child in governor.children:
            if child.dep_ not in ("advcl", "ccomp") or not anchor.i < child.i < governor.i:
                continue
            if self._trigger(child) is None:
                continue
            if not _REPORTED.match(self.text, self._clause_end(child)):
                continue
            if any(m in ("が", "は") for _, m in self.args.get(child.i, [])):
                continue
            return child
        return governor

    def _clause_end(self, clause: Token) -> int:
        """End of the predicate with its auxiliaries (開発|し|て|いる)."""
        end = clause.idx + len(clause.text)
        for token in self.doc[clause.i + 1 :]:
            if token.idx != end or token.pos_ not in ("AUX", "SCONJ", "PART", "VERB"):
                break
            if token.pos_ in ("VERB", "SCONJ") and token.lemma_ not in (
                "いる",
                "てる",
                "て",
                "ある",
                "おる",
                "しまう",
            ):
                break
            end = token.idx + len(token.text)
        return end

    def _is_cleft(self, clause: Token) -> bool:
        """``…を開発したのは、Xだ``: the clause is nominalized by の and made the topic."""
        return clause.head.i != clause.i and self.text.startswith(
            ("のは", "のが"), self._clause_end(clause)
        )

    def _cleft_focus(self, clause: Token) -> list[Placed]:
        head = clause.head
        named = self._named(head)
        for group in self.carried.values():  # "公開したのは、「A」のほか…「C」の3モデル"
            if any(n in group for n in named):
                return list(group)
        if named:
            return named
        for child in head.children:
            if child.i in self.by_token and child.i > clause.i:
                return list(self.group_of.get(child.i, [self.by_token[child.i]]))
        return []

    def _direct_subjects(self, predicate: Token) -> list[Placed]:
        found = []
        for name, marker in self.args.get(predicate.i, []):
            if (
                marker in ("による", "によって", "により")
                and predicate.pos_ == "VERB"
                and not is_passive(predicate)
            ):
                continue  # "規制当局による審査を経て": the agent of the noun, not of 経る
            if active_role(marker, passive=is_passive(predicate)) == "ga":
                found.append(name)
        for child in predicate.children:
            if child.dep_ == "obj" and self._trigger(child) is None:
                continue
            for name, marker in self.args.get(child.i, []):
                if marker in ("は", "が") and child.dep_ in ("obj", "nsubj"):
                    found.append(name)
        return found

    def _chained_subjects(self, clause: Token) -> list[Placed]:
        """The subject of the clause this one is chained to, reported by or nominalized in."""
        # "…を調達し、NVIDIAも出資に加わった": a subject written after this clause is the
        # later clause's own; only one written before it spans both.
        start = clause.left_edge.idx
        chained = self._chain_head(clause)
        if chained is not None:
            subjects = [n for n in self._direct_subjects(chained) if n.start < start]
            if not subjects and self._is_relative(chained):
                # "「LaMDA」を開発してしのぎを削ろうとするGoogle": the chain ends in a relative
                # clause, whose head is the subject of every clause in it.
                subjects = self._named(chained.head)
            if subjects:
                return subjects
        current = clause
        for _ in range(4):
            head = current.head
            if head.i == current.i:
                break
            if current.dep_ in ("advcl", "conj", "ccomp", "xcomp", "csubj") or (
                current.dep_ == "acl" and head.lemma_ in _NOMINALIZERS
            ):
                target = head
                if head.lemma_ in _NOMINALIZERS and head.head.i != head.i:
                    target = head.head
                subjects = [n for n in self._direct_subjects(target) if n.start < start]
                if subjects:
                    return subjects
                current = target
                continue
            if head.lemma_ in _NOMINALIZERS and current.dep_ in ("acl", "nmod"):
                current = head
                continue
            break
        for child in clause.children:
            if child.dep_ in ("advcl", "conj") and is_predicate(child):
                subjects = self._direct_subjects(child)
                if subjects:
                    return subjects
        return []

    def _quote_of(self, offset: int) -> tuple[int, int] | None:
        """The 「…」 span that contains ``offset`` (speech is a discourse of its own)."""
        for start, end in self.quotes:
            if start < offset < end:
                return start, end
        return None

    def _model_after(self, token: Token, exclude: set[int]) -> Placed | None:
        for name in sorted(self.by_token.values(), key=lambda p: p.start):
            if (
                name.token > token.i
                and name.token not in exclude
                and name.hint in ("AIModel", "Product")
            ):
                return name
        return None

    def _preceding_subject(self, token: Token, exclude: set[int]) -> Placed | None:
        scope = self._quote_of(token.idx)
        for name in sorted(self.by_token.values(), key=lambda p: -p.start):
            if (
                name.token >= token.i
                or name.token in exclude
                or self._quote_of(name.start) != scope
            ):
                continue
            _, end = self._anchor(name)
            if surface_marker(self.text, end) in ("が", "は") and name.hint != "Person":
                return name
        return None

    def _sentence_topic(
        self, *, before: int, exclude: set[int], markers: tuple[str, ...] = ("は", "では")
    ) -> list[Placed]:
        scope = self._quote_of(self.doc[before].idx) if before < len(self.doc) else None
        for name in sorted(self.by_token.values(), key=lambda p: p.start):
            if name.token >= before or name.token in exclude:
                continue
            if self._quote_of(name.start) != scope:
                continue
            anchor, end = self._anchor(name)
            # ("ミナセ技研は、…を開始した": a topic the parse left as a fragment of its own,
            # with the sentence's predicate after it, is still the topic)
            fragment = anchor.head.i == anchor.i and any(
                t.dep_ == "ROOT" and t.i > anchor.i and is_predicate(t) for t in self.doc
            )
            if surface_marker(self.text, end) in markers and (
                anchor.head.i != anchor.i or fragment
            ):
                return list(self.group_of.get(name.token, [name]))
            if self._headline_subject(name):
                return [name]
        return []

    def _headline_predicate(self, event: Token) -> bool:
        """``…「EvoLLM-JP」を公開``, ``仏Mistral AIと複数年の提携``: a headline ends a phrase
        on an event noun that takes an object, and it reads as the verb."""
        end = event.idx + len(event.text)
        if self.text[end : end + 1] not in _HEADLINE_ENDS or event.pos_ not in ("NOUN", "VERB"):
            return False
        markers = {m for _, m in self.args.get(event.i, [])}
        return bool(markers & {"を", "と", "が", "に", "から"})

    def _headline_opener(self) -> Placed | None:
        first = min(self.by_token.values(), key=lambda p: p.start, default=None)
        return first if first is not None and self._headline_subject(first) else None

    def _headline_subject(self, name: Placed) -> bool:
        """``Sakana AI、新手法を発表``: a headline opens with its subject and a comma."""
        return self._opens_headline(name) and len(self.group_of.get(name.token, [name])) == 1

    def _opens_headline(self, name: Placed) -> bool:
        """The name opens a headline (a line with no full stop) and a comma follows it."""
        opening = self.text[: name.start].strip().rstrip("「『")
        opening = re.sub(
            r"^[【\[][^】\]]{0,20}[】\]]\s*", "", opening
        )  # 【ITニュース解説】, [速報]
        if self.s.cues.type_of_noun(opening):
            opening = ""  # "AIモデル「Llama 3.3 Swallow」、…"
        return (
            "。" not in self.text
            and (opening == "" or opening in self.s.cues.country_prefixes)
            and self.text[name.unit_end :].lstrip("」』").startswith("、")
        )

    # ------------------------------------------------------------------ blocking
    def _ended(self, clause: Token) -> bool:
        """A past-tense clause with a time it lasted until (``2025年まで…在籍した``)."""
        end = self._clause_end(clause)
        if self.text[end - 1 : end] != "た" and not self._continuative(clause):
            return False  # ("…まで在籍し、…務めた後": a chain of past clauses)
        for child in clause.children:
            if not any(g.text == "まで" for g in child.children):
                continue
            written = self.text[max(0, child.idx - 8) : child.idx + len(child.text)]
            if re.search(r"(?:\d{4}年|\d{1,2}月|昨年|前年|先月|当時)$", written):
                return True
        return False

    def _blocked(self, event: Token, clause: Token, parties: set[int] = frozenset()) -> str | None:
        if is_negated(clause) or (clause is not event and is_negated(event)):
            return "negated"
        if clause is event and _NOUN_NEGATION.match(self.text, self._end(event)):
            return "negated"  # "両社は提携関係にはない", "出資ではなく"
        if re.match(r"(?:た|る|だ)?か?どうか", self.text[self._clause_end(clause) :]):
            return "hedged"  # "…を超えたかどうかは分かっていない"
        if (
            clause.dep_ == "acl"
            and clause.head.text in self.s.cues.measure_nouns
            and is_negated(clause.head.head)
        ):
            return "negated"  # "…を上回るスコアを記録できなかった"
        if self._ended(clause):
            return "past"  # "2009年から2025年まで在籍した": a tie that ended is a past one
        for position in (event, clause):
            for child in position.children:
                # "元OpenAI サツケヴァー氏、…設立": 元 before another name is that name's.
                # ("元セールスフォースCEOのX氏": it is, when that name is a party to the frame.)
                before_name = child.i + 1 in self.by_token and child.i + 1 != position.i
                # 元/前/旧 are prefixes: they make the noun they are written on a former one
                # ("アラメダ・リサーチの元CEO キャロライン・エリソン氏などから資金調達" is no
                # former fund-raising); かつて, 以前 date a whole clause.
                between = self.doc[child.i + 1 : position.i]
                compound = all(
                    t.pos_ in ("NOUN", "PROPN")
                    and t.i not in self.by_token
                    and _glued(self.doc, t.i - 1)
                    for t in between
                ) and _glued(self.doc, position.i - 1)  # 元AI部門トップ: one compound
                prefix = child.text in ("元", "前", "旧") and not compound and not before_name
                if (
                    (child.text in _FORMER or child.lemma_ in _FORMER)
                    and not prefix
                    and (not before_name or child.i + 1 in parties)
                ):
                    # かつて, 以前 date the clause: a past tie is a former one, a past event
                    # still happened (the patterns' relations decide).
                    return "past" if child.text in _PAST else "former"
            if position.i > 0 and self.doc[position.i - 1].text in ("元", "前", "旧"):
                return "former"
        current = clause
        through_quote = False
        for _ in range(5):
            head = current.head
            if head.i == current.i:
                break
            if current.i in self.by_token or (
                current is not clause
                and not is_predicate(current)
                and self._trigger(current) is None
                and current.lemma_ not in _NOMINALIZERS
                and current.dep_ in ("nsubj", "obl", "iobj", "dislocated")
            ):
                break  # a participant of the governing verb, not what it says or plans
            end = self._clause_end(current)
            if (
                is_predicate(current)
                and self.text.startswith("、", end)
                and re.search(
                    r"(?:て|で)(?:おり|いて|いるが|きており)$", self.text[current.idx : end]
                )
            ):
                # "「X」の開発と提供を行っており、今後も…強化していく予定": a state the
                # sentence asserts before it turns to plans is no plan.
                break
            marks = {c.lemma_ for c in current.children if c.dep_ in ("mark", "case")}
            if "と" in marks or "との" in marks or head.lemma_ in _NOMINALIZERS:
                through_quote = True
            reason = _BLOCKERS.get(head.lemma_) or _BLOCKERS.get(head.text)
            if (
                reason is not None
                and head.lemma_ not in _REPORTERS
                and (reason != "reported" or through_quote or current.dep_ in ("acl", "ccomp"))
            ):
                return reason
            found = self.s.triggers.noun_trigger(head.text) if head.pos_ == "NOUN" else None
            if found is None:
                suffix = next((s for s in _BLOCKING_SUFFIXES if head.text.endswith(s)), None)
                if suffix and head.text != suffix:
                    return _BLOCKING_SUFFIXES[suffix]
            if through_quote and is_negated(head):
                return "negated"
            if head.dep_ == "ROOT":
                break
            current = head
        return None


def _unique(arguments: list[ProtoArgument]) -> list[ProtoArgument]:
    seen: set[tuple[int, str, str]] = set()
    out = []
    for argument in arguments:
        key = (argument.name.token, argument.name.key, argument.role)  # 両社: one token, two names
        if key not in seen:
            seen.add(key)
            out.append(argument)
    return out
