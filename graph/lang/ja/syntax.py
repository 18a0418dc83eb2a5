"""Small pure helpers over GiNZA tokens and the surface: case markers, roles, voice,
negation, predicates.

Case particles are read from the surface right after a name's written unit: Japanese
writes them there without exception, while the parse attaches them to whichever token
it took for the phrase's head (the type noun in ``モデル「FLUX.1」を``, the suffix in
``Helix Vision社を``). Roles are the active-voice case frame: a passive or a receiving
verb (``Xから出資を受けた``) is undone here, so that patterns are written once.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "BASIS_MARKERS",
    "COMPARISON_MARKERS",
    "LIGHT_VERBS",
    "RECEIVING_VERBS",
    "ROLES",
    "TITLE_VERBS",
    "active_role",
    "is_negated",
    "is_passive",
    "is_predicate",
    "surface_marker",
]

#: Every role a Japanese frame argument may have (see data/patterns.yaml).
ROLES = frozenset(
    {
        "ga",
        "wo",
        "ni",
        "to",
        "kara",
        "de",
        "as",
        "poss",
        "prefix",
        "head",
        "basis",
        "with",
        "speaker",
        "result",
        "about",
        "data",
        "stake",  # the company a share of which is bought (Xの株を取得): set by the frames
        "source",  # who reports a fact (Xによると): read by no pattern
        "round",  # the company whose funding round the clause is about (Xの増資, 同ラウンド)
        "than",  # what something is compared with (Xより, Xと比べて): read by comparisons
        "trainee",  # the model whose training data the noun is (Xの学習データ): set by the frames
        "method",  # the technique a training event's word names (継続事前学習): set by the reader
    }
)

#: Markers of what something is based on (Xを基に, Xをベースに, Xに基づき): role "basis".
BASIS_MARKERS: tuple[str, ...] = (
    "を基に",
    "をもとに",
    "を元に",
    "をベースに",
    "を基盤に",
    "を基盤と",
    "を土台に",
    "をベースと",
    "に基づき",
    "に基づいて",
    "に基づく",
    # "「Orca-2」を基盤モデルとして構築": the base named as such
    "を基盤モデルとして",
    "をベースモデルとして",
    "をベースとして",
    "を基盤として",
    "を土台として",
    "をもととして",
    # (the continuative form: "「Llama 2」をベースモデルとし、…")
    "を基盤モデルとし",
    "をベースモデルとし",
    "をベースとし",
    "を基盤とし",
    "を土台とし",
)

#: A funding round's label (シリーズF, シードラウンド): never a name; bare, it is the round the
#: text is about.
ROUND_LABEL = re.compile(r"(?:プレ)?シリーズ[A-ZＡ-Ｚ]\d?(?:ラウンド)?|シード(?:ラウンド)?")

#: Markers of what something is compared with: "「Llama 2」より優れる", "GPT-4と比べて".
COMPARISON_MARKERS: tuple[str, ...] = (
    "と比べて",
    "に比べて",
    "と比較して",
    "に比較して",
    "と比べ",
    "に比べ",
    "よりも",
    "より",
)

_MARKERS = (
    "においては",
    "において",
    "における",
    "によると",
    "によれば",
    "を通じて",
    "を通じ",
    "を介して",
    "を経由して",
    "経由で",
    "について",
    "に関して",
    "をめぐって",
    "をめぐり",
    "によって",
    "により",
    "による",
    "に対して",
    "に対する",
    "に対し",
    "として",
    "とともに",
    "と共に",
    *BASIS_MARKERS,
    *COMPARISON_MARKERS,
    "からの",
    "からは",
    "からも",
    "から",
    "への",
    "へは",
    "へ",
    "との",
    "とは",
    "とも",
    "では",
    "には",
    "にも",
    "をも",
    "と",
    "に",
    "が",
    "は",
    "を",
    "も",
    "の",
    "や",
    "で",
    "、",
)
_SKIP = re.compile(
    r"[ \u3000]?[」』]*(?:など|等|ら)?[ \u3000]?"
)  # "Stability AI Japan は": spaced Latin
_MARKER = re.compile("|".join(re.escape(m) for m in _MARKERS))

_ROLE_OF_MARKER: dict[str, str] = {
    **dict.fromkeys(("が", "は", "も", "こそ"), "ga"),
    **dict.fromkeys(("では",), "ga|de"),
    **dict.fromkeys(("を", "をも"), "wo"),
    **dict.fromkeys(
        ("に", "へ", "に対して", "に対する", "に対し", "への", "には", "にも", "へは"), "ni"
    ),
    **dict.fromkeys(("と", "との", "とは", "とも"), "to"),
    **dict.fromkeys(("から", "からの", "からは", "からも"), "kara"),
    **dict.fromkeys(("によって", "により", "による"), "agent"),
    "で": "de",
    # "「Chatbot Arena」において上回った": where, not to whom.
    **dict.fromkeys(("において", "においては", "における"), "de"),
    # "ロイター通信によると": who reports it, no party to what is reported.
    **dict.fromkeys(("によると", "によれば"), "source"),
    # "Azureを通じて提供": the channel a thing is offered or done through, like で.
    **dict.fromkeys(("を通じて", "を通じ", "を介して", "を経由して", "経由で"), "de"),
    "として": "as",
    **dict.fromkeys(COMPARISON_MARKERS, "than"),
    **dict.fromkeys(("について", "に関して", "をめぐって", "をめぐり"), "about"),
    "DATA": "data",  # set by the frame builder for "Xのデータに/で/を…"
    "STAKE": "stake",  # set by the frame builder for "Xの株式を…" (not 全株式, 過半数)
    "ROUND": "round",  # set by the frame builder for "Xの資金調達ラウンドに…"
    "TRAINEE": "trainee",  # set by the frame builder for "Xの学習データに…" (X a model)
    "の": "poss",
    **dict.fromkeys(("とともに", "と共に"), "with"),
    **dict.fromkeys(BASIS_MARKERS, "basis"),
}

#: Verbs that carry an event noun as their object: 開発を行う, 出資を実施, 提携を結ぶ.
LIGHT_VERBS = frozenset(
    {
        "行う",
        "する",
        "実施",
        "進める",
        "完了",
        "実行",
        "開始",
        "始める",
        "発表",
        "結ぶ",
        "締結",
        "受ける",
        "得る",
        "受け入れる",
        "獲得",
        "果たす",
        "決める",
        "決定",
        "図る",
        "強化",
        "拡大",
        "深める",
        "明らか",
        "表明",
        "着手",
        "担う",
        "手掛ける",
        "手がける",
        "成立",
        "合意",
        "完了する",
        "終える",
        "乗り出す",
        "踏み切る",
        "施す",
        "主導",
        "主催",
        "加える",
        "実現",
        "約束",
        "確約",
        "繰り広げる",
        "携わる",  # 執筆に携わる, 開発に携わる: take part in the event
        "関わる",
        "取り組む",
        "築く",
        "構築",
        "陥る",
        "突入",
    }
)
#: With these the giver is marked から and the receiver is the subject (出資を受ける).
RECEIVING_VERBS = frozenset({"受ける", "得る", "受け入れる", "獲得", "集める"})
#: Verbs that make a title a person's position: CEOを務める, CEOに就く.
TITLE_VERBS = frozenset({"務める", "就く", "就任", "なる", "兼務", "兼任", "務め", "在任"})


def surface_marker(text: str, end: int) -> str:
    """The case particle(s) written right after ``text[:end]`` ("" when none)."""
    position = _SKIP.match(text, end)
    start = position.end() if position else end
    match = _MARKER.match(text, start)
    return match.group(0) if match else ""


def active_role(marker: str, *, passive: bool = False, receiving: bool = False) -> str | None:
    """The active-voice role of a marker: ``は`` -> ga, ``によって`` -> ga, passive ``は`` -> wo."""
    if passive and marker == "より":
        # "Xより公開された", "Xより提供されている": the formal agent of a passive (a passive
        # compares nothing: "Xより高い" is no passive).
        return "ga"
    role = _ROLE_OF_MARKER.get(marker)
    if role is None:
        return None
    if role == "agent":
        return "ga"  # a passive's agent, or the agent of a nominal event (XによるYの買収)
    if passive:
        # から stays: the source of a derivation (Xからファインチューニングされた) or the
        # judge of a stance verb (Xから…と評された), which patterns name as such.
        return {"ga": "wo", "ni": "ga", "ga|de": "wo"}.get(role, role)
    if receiving:
        return {"kara": "ga", "ga": "ni", "ga|de": "ni"}.get(role, role)
    return role


def is_passive(verb: Token) -> bool:
    return any(
        c.dep_ == "aux" and c.lemma_ in ("れる", "られる") and c.i > verb.i for c in verb.children
    )


def is_negated(predicate: Token) -> bool:
    """しない, せず, ません, ではない: the predicate itself is denied."""
    return any(
        c.dep_ in ("aux", "fixed", "cop") and c.lemma_ in ("ない", "ず", "ぬ", "ん", "無い")
        for c in predicate.children
        if c.i > predicate.i
    )


def is_predicate(token: Token) -> bool:
    """A verb or adjective, a noun with する/だ, or a verbal noun ending its sentence
    with its arguments (体言止め: ``X氏がAnthropicへの移籍を表明。``)."""
    return (
        token.pos_ in ("VERB", "ADJ")
        or (
            token.pos_ in ("NOUN", "PROPN")
            and any(
                c.dep_ in ("aux", "cop") and c.lemma_ in ("する", "だ", "です", "である")
                for c in token.children
            )
        )
        or (
            token.dep_ == "ROOT"
            and token.tag_.endswith("サ変可能")
            and any(c.dep_ in ("obj", "nsubj") for c in token.children)
        )
    )
