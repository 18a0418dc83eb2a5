"""The words and written forms the Japanese frame builder reads: word sets, regexes and two
tiny helpers on written text.

Every part of the builder (:mod:`graph.lang.ja.frames` and the modules of this package)
imports them from here and nothing else defines any, so a word list is changed in one
place and the data flows one way: words -> records -> the builder's parts -> frames.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.lang.ja.syntax import BASIS_MARKERS

if TYPE_CHECKING:
    from spacy.tokens import Doc

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
#: Verbs of using whose passive names the user with で ("「Kiri」で使われているトークナイザー
#: 「Tama」", "ハヤブサ電機で採用されている「Kiri」"): where a thing is used is what uses it.
_USED_AT = frozenset({"使用", "利用", "活用", "採用", "使う", "用いる", "導入", "搭載"})

#: The stages of training a model after its pretraining ("Xの事後学習で用いたSFT": X is
#: what the method is used for).
_TRAINING_STAGES = frozenset(
    {"事後学習", "継続事前学習", "追加学習", "ファインチューニング", "微調整"}
)
_PURPOSE_EVENTS = frozenset(
    {
        "開発",
        "学習",
        "訓練",
        "構築",
        "設計",
        "事前学習",
        "トレーニング",
        *_TRAINING_STAGES,
    }
)


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
    "-",  # (a dash, as the cleaned text writes it: "「X」公開–「Y」の能力拡張")
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
_LIST_OPENING = (
    r"[」』]?(?:など|等|といった|という|と呼ばれる|と名付けた|と名付けられた|と命名した|と称する"
    r"|のような|をはじめとする|、?その他|、?ほか)(?:の)?(?!から|まで|より|へ|も)"
)
# The class noun after the list ends before a case written in kana ("…といった著名VCから",
# "…などの企業まで"): a letter of the noun is no start of から/まで/より.
_NOUN_LETTER = r"(?:(?!から|まで|より)[^\s、。はがをにのでとや「」])"
_LIST_NOUN = (
    rf"{_NOUN_LETTER}{{0,10}}"
    r"(?:の(?:(?!から|まで|より)[^\s、。はがをにのでとやも「」]){1,8}(?=[はがもをにで]|から))?"
)
_LIST_TAIL = re.compile(
    _LIST_OPENING
    # "…等の日本語と英語データ": the noun after the list may have coordinated modifiers
    + rf"(?:{_NOUN_LETTER}{{1,6}}[とや](?={_NOUN_LETTER}{{1,10}}))?"
    + _LIST_NOUN
)
# The same tail without coordinated modifiers: "…といった企業と提携": と after the class noun
# is the case of the list when an event word follows it (see attach._list_tail).
_LIST_TAIL_PLAIN = re.compile(_LIST_OPENING + _LIST_NOUN)
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
