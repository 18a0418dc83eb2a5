"""The Japanese reader's constructions, each on sentences of our own with invented names.

A generalization check: every form the reader was taught is tried on wordings and names
it was not written for (katakana, kanji and Latin; none from the seed, the dev articles
or ../shared/eval). Each form has sentences that must give a fact and, where the form has
one, a near miss that must stay silent. A case the reader does not handle yet is kept as
a strict xfail whose reason says what it reads instead, so the gap stays on record and
the day it is closed the suite says so. Release dates (form 9) are attributes: they are
in tests/test_ja_values.py.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import triples

Triple = tuple[str, str, str]

#: Relations stored with their two ends in either order.
SYMMETRIC = frozenset({"partneredWith", "competesWith"})


def case(case_id: str, text: str, triple: Triple, gap: str | None = None):
    """One sentence and one triple; ``gap`` (what the reader does instead) makes a strict
    xfail, so a gap that closes turns the case red until the mark is removed."""
    marks = () if gap is None else pytest.mark.xfail(reason=gap, strict=True)
    return pytest.param(text, triple, marks=marks, id=case_id)


def holds(triple: Triple, found: set[Triple]) -> bool:
    subject, predicate, obj = triple
    if predicate in SYMMETRIC:
        return triple in found or (obj, predicate, subject) in found
    return triple in found


def form_tests(reads: list, silent: list) -> tuple[Callable[..., None], Callable[..., None]]:
    """The two tests of a form file: each form is read, each near miss stays silent.

    A form file binds them to its own case lists (``test_form_is_read,
    test_near_miss_stays_silent = form_tests(READS, SILENT)``) and imports
    ``relations_of`` for the fixture."""

    @pytest.mark.parametrize(("text", "triple"), reads)
    def test_form_is_read(relations_of, text: str, triple: Triple) -> None:
        found = relations_of(text)
        assert holds(triple, found), f"read instead: {sorted(found)}"

    @pytest.mark.parametrize(("text", "triple"), silent)
    def test_near_miss_stays_silent(relations_of, text: str, triple: Triple) -> None:
        found = relations_of(text)
        assert not holds(triple, found), f"read: {sorted(found)}"

    return test_form_is_read, test_near_miss_stays_silent


@pytest.fixture(scope="module")
def relations_of(read_facts) -> Callable[[str], set[Triple]]:
    """The relation triples of a text, read once per text (many cases share a sentence)."""
    seen: dict[str, set[Triple]] = {}

    def _relations(text: str) -> set[Triple]:
        if text not in seen:
            seen[text] = triples(read_facts(text))
        return seen[text]

    return _relations


# --------------------------------------------------------------------------------------
# 1. Headlines: the subject, a comma, then phrases separated by spaces
#    (「X、新モデル「Y」を発表 性能はZ超え」), and a headline that opens with the object
#    (「AIモデル「Y」、Xなどのチームが公開」).
# --------------------------------------------------------------------------------------
HEADLINE_KANJI = (
    "ハヤブサ電機、新モデル「Korin-7B」を発表 性能はVeyra-2超え\n同社は今夏から法人向けに提供する。"
)
HEADLINE_LATIN = "Quenby Robotics、対話AI「Mirai-Chat 2」を公開 精度はQuorra-13B超え"
HEADLINE_QUOTED = "モエギ技研、新モデル「Nami-3」を公開 日本語性能は「Tamago-7B」超え"
NO_COMPARISON = "the …超え phrase after the space gives nothing; read only "

FORM_1_READS = [
    case("01-headline-kanji-developed", HEADLINE_KANJI, ("ハヤブサ電機", "developed", "korin-7b")),
    case(
        "01-headline-kanji-outperforms",
        HEADLINE_KANJI,
        ("korin-7b", "outperforms", "veyra-2"),
        gap=NO_COMPARISON + "(ハヤブサ電機, developed, korin-7b)",
    ),
    case(
        "01-headline-latin-developed",
        HEADLINE_LATIN,
        ("quenby-robotics", "developed", "mirai-chat-2"),
    ),
    case(
        "01-headline-latin-outperforms",
        HEADLINE_LATIN,
        ("mirai-chat-2", "outperforms", "quorra-13b"),
        gap=NO_COMPARISON + "(quenby-robotics, developed, mirai-chat-2)",
    ),
    case("01-headline-quoted-developed", HEADLINE_QUOTED, ("モエギ技研", "developed", "nami-3")),
    case(
        "01-headline-quoted-outperforms",
        HEADLINE_QUOTED,
        ("nami-3", "outperforms", "tamago-7b"),
        gap=NO_COMPARISON + "(モエギ技研, developed, nami-3)",
    ),
    case(
        "01-headline-object-first-kanji",
        "画像生成モデル「Kagerou-XL」、モエギ技研などのチームが公開",
        ("モエギ技研", "developed", "kagerou-xl"),
    ),
    case(
        "01-headline-object-first-latin",
        "言語モデル「Tamago-3B」、Northwind AIなどの研究チームが公開",
        ("northwind-ai", "developed", "tamago-3b"),
    ),
]
FORM_1_SILENT = [
    # falling short of a model is no outperforming
    case(
        "01-headline-falls-short",
        "ハヤブサ電機、新モデル「Korin-9B」を発表 性能はVeyra-2に及ばず",
        ("korin-9b", "outperforms", "veyra-2"),
    ),
]

# --------------------------------------------------------------------------------------
# 2. Fund-raising rounds: the lead investor (Aが主導するシリーズBラウンドで調達),
#    participants (同ラウンドにはBやCも参加した / 名を連ねた), joiners
#    (…を調達し、DやEも出資に加わった) and sources (Fなどから…を調達).
# --------------------------------------------------------------------------------------
ROUND_NAMED = (
    "ミカゲ技研は朱鷺キャピタルが主導するラウンドで12億円を調達した。"
    "同ラウンドには夕凪通信とThistle Capitalも名を連ねた。"
)
ROUND_JOINED = (
    "Tovrin AIは新たにシリーズBで4000万ドルを調達した。"
    "同ラウンドにはSaltmarsh Partnersや丸星銀行も参加した。"
)
JOINERS_KANJI = "ミカゲ技研は20億円を調達し、朱鷺キャピタルや夕凪通信も出資に加わった。"
JOINERS_LATIN = "Tovrin AIは3000万ドルを調達し、Thistle CapitalやBrisco Capitalも出資に加わった。"
LED_SERIES_A = "Fennick LabsはCedar Venturesが主導したシリーズAで800万ドルを調達した。"

FORM_2_READS = [
    case(
        "02-lead-kanji-series-round",
        "ハヤブサ電機はヒスイキャピタルが主導するシリーズBラウンドで50億円を調達した。",
        ("ヒスイキャピタル", "investedIn", "ハヤブサ電機"),
        gap="read nothing (the Latin lead in the same frame, 02-lead-latin-series-round, is read)",
    ),
    case(
        "02-lead-latin-series-round",
        "Tovrin AIはCedar Venturesが主導するシリーズAラウンドで3000万ドルを調達した。",
        ("cedar-ventures", "investedIn", "tovrin-ai"),
    ),
    case(
        "02-lead-series-without-round",
        LED_SERIES_A,
        ("cedar-ventures", "investedIn", "fennick-labs"),
    ),
    case("02-lead-plain-round", ROUND_NAMED, ("朱鷺キャピタル", "investedIn", "ミカゲ技研")),
    case("02-listed-kanji", ROUND_NAMED, ("夕凪通信", "investedIn", "ミカゲ技研")),
    case("02-listed-latin", ROUND_NAMED, ("thistle-capital", "investedIn", "ミカゲ技研")),
    case("02-participant-latin", ROUND_JOINED, ("saltmarsh-partners", "investedIn", "tovrin-ai")),
    case("02-participant-kanji", ROUND_JOINED, ("丸星銀行", "investedIn", "tovrin-ai")),
    case("02-joiner-kanji-first", JOINERS_KANJI, ("朱鷺キャピタル", "investedIn", "ミカゲ技研")),
    case("02-joiner-kanji-second", JOINERS_KANJI, ("夕凪通信", "investedIn", "ミカゲ技研")),
    case("02-joiner-latin-first", JOINERS_LATIN, ("thistle-capital", "investedIn", "tovrin-ai")),
    case("02-joiner-latin-second", JOINERS_LATIN, ("brisco-capital", "investedIn", "tovrin-ai")),
    case(
        "02-source-kanji",
        "ミカゲ技研は丸星銀行などから30億円超を調達した。",
        ("丸星銀行", "investedIn", "ミカゲ技研"),
    ),
    case(
        "02-source-latin",
        "Tovrin AIはBrisco Capitalなどから1億ドル超を調達した。",
        ("brisco-capital", "investedIn", "tovrin-ai"),
    ),
]
FORM_2_SILENT = [
    # the round is not the company raising money
    case(
        "02-round-is-no-company",
        LED_SERIES_A,
        ("cedar-ventures", "investedIn", "シリーズa"),
    ),
    # negated participation, a planned raise, a raise under consideration
    case(
        "02-negated-participant",
        "ミカゲ技研は12億円を調達した。同ラウンドには朱鷺キャピタルは参加しなかった。",
        ("朱鷺キャピタル", "investedIn", "ミカゲ技研"),
    ),
    case(
        "02-planned-raise",
        "ハヤブサ電機は来年、ヒスイキャピタルなどから100億円を調達する計画だ。",
        ("ヒスイキャピタル", "investedIn", "ハヤブサ電機"),
    ),
    case(
        "02-considered-raise",
        "ミカゲ技研は朱鷺キャピタルからの資金調達を検討している。",
        ("朱鷺キャピタル", "investedIn", "ミカゲ技研"),
    ),
]

# --------------------------------------------------------------------------------------
# 3. A left-out subject taken from an earlier topic that can do the act: a person topic
#    in between is skipped for a company's act such as 調達.
# --------------------------------------------------------------------------------------
FORM_3_READS = [
    case(
        "03-raise-kanji",
        "ハヤブサ電機は京都の電機メーカーだ。社長の蒼井美咲氏は技術者出身だ。"
        "2023年にはヒスイキャピタルから10億円を調達した。",
        ("ヒスイキャピタル", "investedIn", "ハヤブサ電機"),
    ),
    case(
        "03-raise-latin",
        "Quenby Roboticsは工場向けロボットを作る。CTOのNina Rowe氏は元研究者だ。"
        "同年、Brisco Capitalから800万ドルを調達した。",
        ("brisco-capital", "investedIn", "quenby-robotics"),
    ),
    case(
        "03-raise-from-several",
        "ミカゲ技研は名古屋の新興企業だ。創業者の黒田健氏は大学教員でもある。"
        "同年、ヒスイキャピタルなどから5億円を調達した。",
        ("ヒスイキャピタル", "investedIn", "ミカゲ技研"),
    ),
    case(
        "03-received-investment",
        "夕凪通信は通信会社だ。社長の黒田健氏は元官僚だ。昨年、丸星銀行から出資を受けた。",
        ("丸星銀行", "investedIn", "夕凪通信"),
        gap="出資を受けた finds no subject past the person: read only (黒田健, worksFor, 夕凪通信)",
    ),
]
FORM_3_SILENT = [
    # with only a person before it, a company's act has no subject to take
    case(
        "03-person-topic-only",
        "黒田健氏は大学教員だ。同年、ヒスイキャピタルから5億円を調達した。",
        ("ヒスイキャピタル", "investedIn", "黒田健"),
    ),
]

# --------------------------------------------------------------------------------------
# 4. People and posts: a family name after the full name (Park氏), titles as topics
#    (CEOはA氏、CTOはB氏が務める), joiners (C氏もCOOとして加わった), and
#    「XはY氏が率いる新会社で」.
# --------------------------------------------------------------------------------------
TITLES_KANJI = "ハヤブサ電機は2020年に設立された。CEOは蒼井美咲氏、CTOは黒田健氏が務める。"
TITLES_LATIN = "Larchmere Forge社は新体制を発表した。CEOはMaya Lin氏、COOはTom Brannock氏が務める。"
TITLES_BARE = "Larchmere Forgeは新体制を発表した。CEOはMaya Lin氏、COOはTom Brannock氏が務める。"

FORM_4_READS = [
    case(
        "04-family-name-latin-ga",
        "Tovrin AIはEthan Cole氏らが2021年に設立した。Cole氏がCEOを務める。",
        ("ethan-cole", "worksFor", "tovrin-ai"),
    ),
    case(
        "04-family-name-latin-topic",
        "Fennick LabsはNina Rowe氏が2022年に立ち上げた。Rowe氏はCEOとして同社を率いる。",
        ("nina-rowe", "worksFor", "fennick-labs"),
    ),
    case(
        "04-family-name-kanji-ga",
        "蒼井美咲氏はミカゲ技研を創業した。現在は蒼井氏が同社の社長を務める。",
        ("蒼井美咲", "worksFor", "ミカゲ技研"),
    ),
    case(
        "04-family-name-kanji-topic",
        "仁科真由氏はモエギ技研の創業者だ。仁科氏は同社のCEOを務めている。",
        ("仁科真由", "worksFor", "モエギ技研"),
    ),
    case("04-title-topic-kanji-first", TITLES_KANJI, ("蒼井美咲", "worksFor", "ハヤブサ電機")),
    case("04-title-topic-kanji-second", TITLES_KANJI, ("黒田健", "worksFor", "ハヤブサ電機")),
    case("04-title-topic-latin-first", TITLES_LATIN, ("maya-lin", "worksFor", "larchmere-forge")),
    case(
        "04-title-topic-latin-second", TITLES_LATIN, ("tom-brannock", "worksFor", "larchmere-forge")
    ),
    case(
        "04-title-topic-bare-latin-company",
        TITLES_BARE,
        ("maya-lin", "worksFor", "larchmere-forge"),
        gap="read nothing: 'Larchmere Forgeは' without 社 is not found as an entity",
    ),
    case(
        "04-joins-as-latin",
        "Tovrin AIは新たな経営体制を発表した。Maya Lin氏もCOOとして加わった。",
        ("maya-lin", "worksFor", "tovrin-ai"),
    ),
    case(
        "04-joins-as-kanji",
        "モエギ技研は役員人事を発表した。仁科真由氏もCFOとして加わった。",
        ("仁科真由", "worksFor", "モエギ技研"),
    ),
    case(
        "04-led-new-company-kanji",
        "ミカゲ技研は、黒田健氏が率いる新会社で、ロボット向けAIを開発する。",
        ("黒田健", "worksFor", "ミカゲ技研"),
    ),
    case(
        "04-led-new-company-latin",
        "Larchmere Forge社は、Maya Lin氏が率いる新会社で、推論基盤を開発する。",
        ("maya-lin", "worksFor", "larchmere-forge"),
    ),
]
FORM_4_SILENT = [
    # declining a post is not holding it
    case(
        "04-declined-post",
        "Tovrin AIは新たな経営体制を発表した。Maya Lin氏はCOOとしての参加を辞退した。",
        ("maya-lin", "worksFor", "tovrin-ai"),
        gap="declining (辞退) is read as taking the post: (maya-lin, worksFor, tovrin-ai)",
    ),
]

# --------------------------------------------------------------------------------------
# 5. Distributive coordination: 「AはXとYを、BはZをそれぞれ…」 pairs each subject with
#    its own objects only.
# --------------------------------------------------------------------------------------
SPLIT_ACQUIRED = (
    "ハヤブサ電機はミカゲ技研とモエギ技研を、Tovrin AIはFennick Labsをそれぞれ買収した。"
)
SPLIT_ACQUIRED_2 = (
    "夕凪通信はイナホ量子社とミカゲ技研を、Gantry DynamicsはFennick Labsをそれぞれ買収した。"
)
SPLIT_DEVELOPED = (
    "Northwind AIは「Tamago-3B」と「Tamago-7B」を、モエギ技研は「Kagerou-XL」をそれぞれ公開した。"
)
SPLIT_DEVELOPED_LATIN = (
    "Larchmere Forgeは「Beacon-3B」と「Beacon-8B」を、Tovrin AIは「Kite-13B」をそれぞれ発表した。"
)
SPLIT_INVESTED = (
    "ヒスイキャピタルはミカゲ技研に、Thistle CapitalはTovrin AIとFennick Labsにそれぞれ出資した。"
)
SPLIT_ACQUIRED_3 = (
    "丸星銀行は夕凪通信とイナホ量子社を、Brisco CapitalはQuenby Roboticsをそれぞれ買収した。"
)
SPLIT_INVESTED_2 = (
    "ヒスイキャピタルはモエギ技研に、Cedar VenturesはFennick Labsとミカゲ技研にそれぞれ出資した。"
)
SPLIT_DEVELOPED_2 = (
    "Quenby Roboticsは「Dorsa Arm」を、モエギ技研は「Nami-2」と「Nami-3」をそれぞれ発表した。"
)
SPLIT_DEVELOPED_2_READ = (
    "「Dorsa Arm」 is not found and quenby-robotics takes the later objects: read "
    "(quenby-robotics, developed, nami-2), (quenby-robotics, developed, nami-3) beside "
    "(モエギ技研, developed, nami-2), (モエギ技研, developed, nami-3)"
)
SPLIT_DEVELOPED_READ = (
    "read (northwind-ai, developed, kagerou-xl) and (モエギ技研, developed, kagerou-xl), "
    "nothing for the Tamago models"
)

FORM_5_READS = [
    case("05-acquired-a-x", SPLIT_ACQUIRED, ("ハヤブサ電機", "acquired", "ミカゲ技研")),
    case("05-acquired-a-y", SPLIT_ACQUIRED, ("ハヤブサ電機", "acquired", "モエギ技研")),
    case("05-acquired-b-z", SPLIT_ACQUIRED, ("tovrin-ai", "acquired", "fennick-labs")),
    case("05-acquired-2-a-x", SPLIT_ACQUIRED_2, ("夕凪通信", "acquired", "イナホ量子")),
    case("05-acquired-2-a-y", SPLIT_ACQUIRED_2, ("夕凪通信", "acquired", "ミカゲ技研")),
    case("05-acquired-2-b-z", SPLIT_ACQUIRED_2, ("gantry-dynamics", "acquired", "fennick-labs")),
    case(
        "05-developed-a-x",
        SPLIT_DEVELOPED,
        ("northwind-ai", "developed", "tamago-3b"),
        gap=SPLIT_DEVELOPED_READ,
    ),
    case(
        "05-developed-a-y",
        SPLIT_DEVELOPED,
        ("northwind-ai", "developed", "tamago-7b"),
        gap=SPLIT_DEVELOPED_READ,
    ),
    case("05-developed-b-z", SPLIT_DEVELOPED, ("モエギ技研", "developed", "kagerou-xl")),
    case(
        "05-developed-latin-a-x",
        SPLIT_DEVELOPED_LATIN,
        ("larchmere-forge", "developed", "beacon-3b"),
    ),
    case(
        "05-developed-latin-a-y",
        SPLIT_DEVELOPED_LATIN,
        ("larchmere-forge", "developed", "beacon-8b"),
    ),
    case("05-developed-latin-b-z", SPLIT_DEVELOPED_LATIN, ("tovrin-ai", "developed", "kite-13b")),
    case("05-invested-a-x", SPLIT_INVESTED, ("ヒスイキャピタル", "investedIn", "ミカゲ技研")),
    case("05-invested-b-y", SPLIT_INVESTED, ("thistle-capital", "investedIn", "tovrin-ai")),
    case("05-invested-b-z", SPLIT_INVESTED, ("thistle-capital", "investedIn", "fennick-labs")),
    case("05-acquired-3-a-x", SPLIT_ACQUIRED_3, ("丸星銀行", "acquired", "夕凪通信")),
    case("05-acquired-3-a-y", SPLIT_ACQUIRED_3, ("丸星銀行", "acquired", "イナホ量子")),
    case("05-acquired-3-b-z", SPLIT_ACQUIRED_3, ("brisco-capital", "acquired", "quenby-robotics")),
    case("05-invested-2-a-x", SPLIT_INVESTED_2, ("ヒスイキャピタル", "investedIn", "モエギ技研")),
    case("05-invested-2-b-y", SPLIT_INVESTED_2, ("cedar-ventures", "investedIn", "fennick-labs")),
    case("05-invested-2-b-z", SPLIT_INVESTED_2, ("cedar-ventures", "investedIn", "ミカゲ技研")),
    case(
        "05-developed-2-a-x",
        SPLIT_DEVELOPED_2,
        ("quenby-robotics", "developed", "dorsa-arm"),
        gap=SPLIT_DEVELOPED_2_READ,
    ),
    case("05-developed-2-b-y", SPLIT_DEVELOPED_2, ("モエギ技研", "developed", "nami-2")),
    case("05-developed-2-b-z", SPLIT_DEVELOPED_2, ("モエギ技研", "developed", "nami-3")),
]
FORM_5_SILENT = [
    case("05-acquired-no-b-x", SPLIT_ACQUIRED, ("tovrin-ai", "acquired", "ミカゲ技研")),
    case("05-acquired-no-b-y", SPLIT_ACQUIRED, ("tovrin-ai", "acquired", "モエギ技研")),
    case("05-acquired-no-a-z", SPLIT_ACQUIRED, ("ハヤブサ電機", "acquired", "fennick-labs")),
    case("05-acquired-2-no-b-x", SPLIT_ACQUIRED_2, ("gantry-dynamics", "acquired", "イナホ量子")),
    case("05-acquired-2-no-a-z", SPLIT_ACQUIRED_2, ("夕凪通信", "acquired", "fennick-labs")),
    case(
        "05-developed-no-a-z",
        SPLIT_DEVELOPED,
        ("northwind-ai", "developed", "kagerou-xl"),
        gap=SPLIT_DEVELOPED_READ,
    ),
    case("05-developed-no-b-x", SPLIT_DEVELOPED, ("モエギ技研", "developed", "tamago-3b")),
    case(
        "05-developed-latin-no-a-z",
        SPLIT_DEVELOPED_LATIN,
        ("larchmere-forge", "developed", "kite-13b"),
    ),
    case(
        "05-developed-latin-no-b-x",
        SPLIT_DEVELOPED_LATIN,
        ("tovrin-ai", "developed", "beacon-3b"),
    ),
    case("05-invested-no-b-x", SPLIT_INVESTED, ("thistle-capital", "investedIn", "ミカゲ技研")),
    case("05-invested-no-a-y", SPLIT_INVESTED, ("ヒスイキャピタル", "investedIn", "tovrin-ai")),
    case("05-acquired-3-no-b-x", SPLIT_ACQUIRED_3, ("brisco-capital", "acquired", "夕凪通信")),
    case("05-acquired-3-no-a-z", SPLIT_ACQUIRED_3, ("丸星銀行", "acquired", "quenby-robotics")),
    case("05-invested-2-no-b-x", SPLIT_INVESTED_2, ("cedar-ventures", "investedIn", "モエギ技研")),
    case(
        "05-invested-2-no-a-y", SPLIT_INVESTED_2, ("ヒスイキャピタル", "investedIn", "fennick-labs")
    ),
    case(
        "05-developed-2-no-a-y",
        SPLIT_DEVELOPED_2,
        ("quenby-robotics", "developed", "nami-2"),
        gap=SPLIT_DEVELOPED_2_READ,
    ),
    case(
        "05-developed-2-no-a-z",
        SPLIT_DEVELOPED_2,
        ("quenby-robotics", "developed", "nami-3"),
        gap=SPLIT_DEVELOPED_2_READ,
    ),
]

# --------------------------------------------------------------------------------------
# 6. 自社の / 自前の: the subject's own product is its development. A name glued to
#    向け/用 is what the product is for, not the possessor's product.
# --------------------------------------------------------------------------------------
FORM_6_READS = [
    case(
        "06-jisha-kanji",
        "ハヤブサ電機は自社の対話AI「Hibiki」を家電に搭載した。",
        ("ハヤブサ電機", "developed", "hibiki"),
    ),
    case(
        "06-jimae-latin",
        "Tovrin AIは自前の言語モデル「Kite-13B」を社内で運用している。",
        ("tovrin-ai", "developed", "kite-13b"),
    ),
    case(
        "06-jisha-spaced-name",
        "夕凪通信は自社の翻訳エンジン「Yuzuki Net」を店舗で使っている。",
        ("夕凪通信", "developed", "yuzuki-net"),
    ),
]
FORM_6_SILENT = [
    case(
        "06-muke-company",
        "ハヤブサ電機のTovrin AI向けチップが出荷された。",
        ("ハヤブサ電機", "developed", "tovrin-ai"),
    ),
    case(
        "06-muke-quoted-model",
        "ミカゲ技研の「Tamago-7B」向け調整ツールが公開された。",
        ("ミカゲ技研", "developed", "tamago-7b"),
    ),
    case(
        "06-you-quoted-model",
        "夕凪通信の「Kite-13B」用の推論基盤が稼働した。",
        ("夕凪通信", "developed", "kite-13b"),
    ),
]

# --------------------------------------------------------------------------------------
# 7. Coordinated relational nouns (「AのオーナーかつBのCEOであるC氏」) and owners of
#    relational predicates (「Aの最大の出資者であるB」, 「Aは最大の出資者であるBに…」).
# --------------------------------------------------------------------------------------
OWNER_AND_CEO = "イナホ量子社のオーナーかつTovrin AIのCEOであるEthan Cole氏が講演した。"
PRESIDENT_AND_DIRECTOR = "モエギ技研の社長かつミカゲ技研の取締役である仁科真由氏が会見を開いた。"
OWNER_AND_CHAIR = "ハヤブサ電機のオーナーであり夕凪通信の会長でもある蒼井美咲氏が登壇した。"

FORM_7_READS = [
    case("07-katsu-owner", OWNER_AND_CEO, ("ethan-cole", "owns", "イナホ量子")),
    case("07-katsu-ceo", OWNER_AND_CEO, ("ethan-cole", "worksFor", "tovrin-ai")),
    case("07-katsu-two-posts-a", PRESIDENT_AND_DIRECTOR, ("仁科真由", "worksFor", "モエギ技研")),
    case("07-katsu-two-posts-b", PRESIDENT_AND_DIRECTOR, ("仁科真由", "worksFor", "ミカゲ技研")),
    case("07-deari-owner", OWNER_AND_CHAIR, ("蒼井美咲", "owns", "ハヤブサ電機")),
    case(
        "07-deari-chair",
        OWNER_AND_CHAIR,
        ("蒼井美咲", "worksFor", "夕凪通信"),
        gap="「…であり…でもある」 keeps only the first noun: read (蒼井美咲, owns, ハヤブサ電機)",
    ),
    case(
        "07-largest-investor-possessive",
        "ミカゲ技研の最大の出資者であるヒスイキャピタルは、追加出資を決めた。",
        ("ヒスイキャピタル", "investedIn", "ミカゲ技研"),
    ),
    case(
        "07-largest-investor-topic",
        "Fennick Labsは最大の出資者であるCedar Venturesに事業を売却した。",
        ("cedar-ventures", "investedIn", "fennick-labs"),
    ),
]
FORM_7_SILENT = [
    # a customer is no employee, and no investor
    case(
        "07-customer-is-no-post",
        "イナホ量子社のオーナーかつTovrin AIの顧客であるEthan Cole氏が講演した。",
        ("ethan-cole", "worksFor", "tovrin-ai"),
    ),
    case(
        "07-largest-customer-is-no-investor",
        "ミカゲ技研の最大の顧客である夕凪通信は、契約を更新した。",
        ("夕凪通信", "investedIn", "ミカゲ技研"),
    ),
]

# --------------------------------------------------------------------------------------
# 8. Derived model names: "Foo 3 Bar" (Bar an own word) is basedOn "Foo 3"; an edition
#    word or a size ("Foo 3 Pro", "Foo 3 70B", "… Instruct") makes a variantOf; only the
#    longest family counts. 「Llama系のX」 naming. A product named after its maker was
#    developed by it.
# --------------------------------------------------------------------------------------
DERIVED = "Northwind AIは「Tamago 3」を公開した。その後、「Tamago 3 Hikari」も登場した。"
EDITIONS = (
    "Northwind AIは「Tamago 3」を公開した。続いて「Tamago 3 Pro」と「Tamago 3 70B」も公開した。"
)
LONGEST = (
    "Tovrin AIは「Kite 2」と「Kite 2 Kinsale」を発表した。さらに「Kite 2 Kinsale 7B」も公開した。"
)

FORM_8_READS = [
    case("08-own-word-based-on", DERIVED, ("tamago-3-hikari", "basedOn", "tamago-3")),
    case("08-own-word-based-on-2", LONGEST, ("kite-2-kinsale", "basedOn", "kite-2")),
    case("08-edition-word", EDITIONS, ("tamago-3-pro", "variantOf", "tamago-3")),
    case("08-size-word", EDITIONS, ("tamago-3-70b", "variantOf", "tamago-3")),
    case(
        "08-instruct-word",
        "モエギ技研の「Kumiho 4」が話題だ。指示追従版の「Kumiho 4 Instruct」も同時に公開された。",
        ("kumiho-4-instruct", "variantOf", "kumiho-4"),
    ),
    case("08-longest-family", LONGEST, ("kite-2-kinsale-7b", "variantOf", "kite-2-kinsale")),
    case(
        "08-kei-naming",
        "「Tamago 3」系の新モデル「Hotaru-7B」をミカゲ技研が公開した。",
        ("hotaru-7b", "basedOn", "tamago-3"),
        gap="…系 gives no lineage: read only (ミカゲ技研, developed, hotaru-7b)",
    ),
    case(
        "08-named-after-maker-kanji",
        "ハヤブサ電機は京都の電機メーカーだ。"
        "クラウドサービス「ハヤブサ電機 Cloud」の利用者は100万人を超えた。",
        ("ハヤブサ電機", "developed", "ハヤブサ電機-cloud"),
    ),
    case(
        "08-named-after-maker-latin",
        "Tovrin AIはロンドンの企業だ。対話アプリ「Tovrin AI Chat」の利用者が増えている。",
        ("tovrin-ai", "developed", "tovrin-ai-chat"),
    ),
]
FORM_8_SILENT = [
    case("08-not-variant-of-shorter", LONGEST, ("kite-2-kinsale-7b", "variantOf", "kite-2")),
    case("08-not-based-on-shorter", LONGEST, ("kite-2-kinsale-7b", "basedOn", "kite-2")),
    case("08-edition-is-no-derivation", EDITIONS, ("tamago-3-pro", "basedOn", "tamago-3")),
]

# --------------------------------------------------------------------------------------
# 10. Measure nouns: 「Xは「A」や「B」を上回るスコアを記録した」 compares X with A and B.
# --------------------------------------------------------------------------------------
SCORE_LIST = "「Kite-13B」は「Tamago-7B」や「Nami-2」を上回るスコアを記録した。"
RATE_LIST = (
    "Tovrin AIの「Kite-13B」は、数学の試験で「Hotaru-7B」と「Kagerou-XL」を上回る正答率を記録した。"
)

FORM_10_READS = [
    case("10-score-ya-a", SCORE_LIST, ("kite-13b", "outperforms", "tamago-7b")),
    case("10-score-ya-b", SCORE_LIST, ("kite-13b", "outperforms", "nami-2")),
    case("10-rate-to-a", RATE_LIST, ("kite-13b", "outperforms", "hotaru-7b")),
    case("10-rate-to-b", RATE_LIST, ("kite-13b", "outperforms", "kagerou-xl")),
    case(
        "10-shinogu-seiseki",
        "モエギ技研の「Nami-2」は、「Tamago-7B」をしのぐ成績を収めた。",
        ("nami-2", "outperforms", "tamago-7b"),
    ),
]
FORM_10_SILENT = [
    case(
        "10-falls-below",
        "「Kite-13B」は「Tamago-7B」を下回るスコアにとどまった。",
        ("kite-13b", "outperforms", "tamago-7b"),
    ),
    case(
        "10-could-not-record",
        "「Nami-2」は「Hotaru-7B」を上回るスコアを記録できなかった。",
        ("nami-2", "outperforms", "hotaru-7b"),
    ),
]

# --------------------------------------------------------------------------------------
# 11. 両社 stands for the two companies just named; noun negation (提携関係にはない)
#     stays silent.
# --------------------------------------------------------------------------------------
FORM_11_READS = [
    case(
        "11-ryosha-in-the-sentence",
        "ハヤブサ電機のミカゲ技研への出資は、両社の提携の一環だ。",
        ("ハヤブサ電機", "partneredWith", "ミカゲ技研"),
    ),
    case(
        "11-ryosha-next-sentence",
        "Tovrin AIはFennick Labsに出資した。両社は業務提携も結んだ。",
        ("tovrin-ai", "partneredWith", "fennick-labs"),
    ),
    case(
        "11-ryosha-after-received",
        "モエギ技研は夕凪通信から出資を受けた。両社は昨年から提携している。",
        ("モエギ技研", "partneredWith", "夕凪通信"),
    ),
    case(
        "11-ryosha-deepen",
        "モエギ技研は夕凪通信から出資を受けた。両社は提携を深める方針だ。",
        ("モエギ技研", "partneredWith", "夕凪通信"),
        gap="提携を深める方針 gives no partnership: read only (夕凪通信, investedIn, モエギ技研)",
    ),
]
FORM_11_SILENT = [
    case(
        "11-noun-negation",
        "ミカゲ技研はモエギ技研の株式を保有するが、両社は提携関係にはない。",
        ("ミカゲ技研", "partneredWith", "モエギ技研"),
    ),
    case(
        "11-verb-negation",
        "Tovrin AIはFennick Labsの株式を取得した。ただし両社は提携していない。",
        ("tovrin-ai", "partneredWith", "fennick-labs"),
    ),
]

# --------------------------------------------------------------------------------------
# 12. Reported clauses: 「XがYを超えたとされる」 and its kin.
# --------------------------------------------------------------------------------------
FORM_12_READS = [
    case(
        "12-to-sareru",
        "「Kite-13B」が「Tamago-7B」を超えたとされる。",
        ("kite-13b", "outperforms", "tamago-7b"),
    ),
    case(
        "12-to-hojirareru",
        "モエギ技研の「Nami-2」は、推論性能で「Hotaru-7B」を上回ったと報じられている。",
        ("nami-2", "outperforms", "hotaru-7b"),
    ),
    case(
        "12-to-sarete-iru",
        "業界では、「Kagerou-XL」が「Beacon-3B」を凌駕したとされている。",
        ("kagerou-xl", "outperforms", "beacon-3b"),
    ),
]
FORM_12_SILENT = [
    case(
        "12-unknown-whether",
        "「Nami-2」が「Kagerou-XL」を超えたかどうかは分かっていない。",
        ("nami-2", "outperforms", "kagerou-xl"),
    ),
    case(
        "12-denied-report",
        "「Kite-13B」が「Hotaru-7B」を超えたとの見方は否定された。",
        ("kite-13b", "outperforms", "hotaru-7b"),
        gap="…との見方は否定された is read as a fact: (kite-13b, outperforms, hotaru-7b)",
    ),
]

# --------------------------------------------------------------------------------------
# 13. 携わる / 関わる carry their event noun: 「論文「P」の執筆に携わったA氏」.
# --------------------------------------------------------------------------------------
FORM_13_READS = [
    case(
        "13-tazusawatta-relative",
        "論文「Sparse Lanterns」の執筆に携わった蒼井美咲氏は、現在ミカゲ技研に在籍する。",
        ("sparse-lanterns", "authoredBy", "蒼井美咲"),
    ),
    case(
        "13-kakawatta-predicate",
        "黒田健氏は論文「Quiet Gradients」の執筆に関わった。",
        ("quiet-gradients", "authoredBy", "黒田健"),
    ),
    case(
        "13-tazusawatte-iru-latin",
        "Maya Lin氏は、論文「Folding Mirrors」の執筆にも携わっている。",
        ("folding-mirrors", "authoredBy", "maya-lin"),
    ),
]
FORM_13_SILENT = [
    case(
        "13-review-is-no-authorship",
        "論文「Quiet Gradients」の査読に携わった黒田健氏が講演した。",
        ("quiet-gradients", "authoredBy", "黒田健"),
    ),
    case(
        "13-translation-is-no-authorship",
        "Maya Lin氏は論文「Folding Mirrors」の翻訳に関わった。",
        ("folding-mirrors", "authoredBy", "maya-lin"),
    ),
]

# --------------------------------------------------------------------------------------
# 14. Organization units pass their company through (「AのAI研究所のB所長」); an
#     occupation (研究者である…) names no employer.
# --------------------------------------------------------------------------------------
FORM_14_READS = [
    case(
        "14-institute-director-kanji",
        "ハヤブサ電機のAI研究所の蒼井美咲所長は、新モデルを紹介した。",
        ("蒼井美咲", "worksFor", "ハヤブサ電機"),
    ),
    case(
        "14-institute-director-latin",
        "Tovrin AIの言語研究所のMaya Lin所長が登壇した。",
        ("maya-lin", "worksFor", "tovrin-ai"),
        gap="read nothing: 'Maya Lin所長' is typed Organization, as is 言語研究所",
    ),
    case(
        "14-division-head-kanji",
        "モエギ技研の基礎研究部門の黒田健部長が講演した。",
        ("黒田健", "worksFor", "モエギ技研"),
    ),
    case(
        "14-center-head-kanji",
        "モエギ技研の基礎研究センターの黒田健センター長が講演した。",
        ("黒田健", "worksFor", "モエギ技研"),
        gap="read nothing: 基礎研究センター is an Organization and 黒田健 is not found",
    ),
    case(
        "14-division-head-latin",
        "Tovrin AIのロボティクス部門のMaya Lin部長が登壇した。",
        ("maya-lin", "worksFor", "tovrin-ai"),
    ),
]
FORM_14_SILENT = [
    case(
        "14-occupation-kanji",
        "モエギ技研は新モデルを公開した。研究者である黒田健氏もこのモデルを評価した。",
        ("黒田健", "worksFor", "モエギ技研"),
    ),
    case(
        "14-occupation-latin",
        "Tovrin AIは新製品を発表した。エンジニアであるTom Brannock氏も製品を試した。",
        ("tom-brannock", "worksFor", "tovrin-ai"),
    ),
]

# --------------------------------------------------------------------------------------
# 15. 元: 「元A CEOのB氏」 is no current post; 「元Aのエンジニア、B氏が…を設立した」
#     still founds.
# --------------------------------------------------------------------------------------
FORMER_FOUNDER_KANJI = "元ハヤブサ電機のエンジニア、黒田健氏が新会社「ミカゲ技研」を設立した。"
FORMER_FOUNDER_LATIN = (
    "元Tovrin AIの研究者、Maya Lin氏がスタートアップ「Larchmere Forge」を立ち上げた。"
)

FORM_15_READS = [
    case("15-former-founds-kanji", FORMER_FOUNDER_KANJI, ("黒田健", "founded", "ミカゲ技研")),
    case(
        "15-former-founds-latin", FORMER_FOUNDER_LATIN, ("maya-lin", "founded", "larchmere-forge")
    ),
]
FORM_15_SILENT = [
    case(
        "15-former-ceo-kanji",
        "元ハヤブサ電機CEOの蒼井美咲氏が講演した。",
        ("蒼井美咲", "worksFor", "ハヤブサ電機"),
    ),
    case(
        "15-former-ceo-latin",
        "元Tovrin AI CEOのTom Brannock氏は新著を出版した。",
        ("tom-brannock", "worksFor", "tovrin-ai"),
    ),
    case("15-former-no-post-kanji", FORMER_FOUNDER_KANJI, ("黒田健", "worksFor", "ハヤブサ電機")),
    case("15-former-no-post-latin", FORMER_FOUNDER_LATIN, ("maya-lin", "worksFor", "tovrin-ai")),
]

# --------------------------------------------------------------------------------------
# 16. Channels (「Xを通じて提供」: X is no object) and sources (「Aによると」: A is no party).
# --------------------------------------------------------------------------------------
CHANNEL_LATIN = "Tovrin AIは「Kite-13B」を、Bexley Cloudを通じて提供する。"
CHANNEL_KANJI = "ハヤブサ電機は対話AI「Hibiki」を夕凪通信のアプリを通じて提供している。"
SOURCE_KANJI = "丸星銀行によると、モエギ技研はCedar Venturesから出資を受けた。"
SOURCE_LATIN = "業界紙Tech Harborによると、Cedar VenturesはTovrin AIに出資した。"

FORM_16_READS = [
    case("16-channel-keeps-object-latin", CHANNEL_LATIN, ("tovrin-ai", "developed", "kite-13b")),
    case("16-channel-keeps-object-kanji", CHANNEL_KANJI, ("ハヤブサ電機", "developed", "hibiki")),
    case(
        "16-source-keeps-fact-kanji", SOURCE_KANJI, ("cedar-ventures", "investedIn", "モエギ技研")
    ),
    case("16-source-keeps-fact-latin", SOURCE_LATIN, ("cedar-ventures", "investedIn", "tovrin-ai")),
]
FORM_16_SILENT = [
    case("16-channel-is-no-object", CHANNEL_LATIN, ("tovrin-ai", "developed", "bexley-cloud")),
    case(
        "16-channel-only",
        "Tovrin AIはBexley Cloudを通じて推論サービスを提供する。",
        ("tovrin-ai", "developed", "bexley-cloud"),
    ),
    case("16-channel-owner-is-no-maker", CHANNEL_KANJI, ("夕凪通信", "developed", "hibiki")),
    case("16-source-is-no-investor", SOURCE_KANJI, ("丸星銀行", "investedIn", "モエギ技研")),
    case(
        "16-source-of-a-raise",
        "ヒスイキャピタルによると、ミカゲ技研は30億円を調達した。",
        ("ヒスイキャピタル", "investedIn", "ミカゲ技研"),
    ),
]

# --------------------------------------------------------------------------------------
# 17. Spaced Latin names take their particle: 「Foo Labs は「Bar」をリリースした」.
# --------------------------------------------------------------------------------------
FORM_17_READS = [
    case(
        "17-spaced-wa",
        "Larchmere Forge は「Beacon」をリリースした。",
        ("larchmere-forge", "developed", "beacon"),
    ),
    case(
        "17-spaced-ga-model",
        "Gantry Dynamics が新モデル「Comet-2」を発表した。",
        ("gantry-dynamics", "developed", "comet-2"),
    ),
    case(
        "17-spaced-ga-product",
        "Fennick Labs が「Scrivo」を発表した。",
        ("fennick-labs", "developed", "scrivo"),
    ),
    case(
        "17-spaced-to-coordination",
        "Fennick Labs と Larchmere Forge は提携した。",
        ("fennick-labs", "partneredWith", "larchmere-forge"),
    ),
]
FORM_17_SILENT = [
    case(
        "17-release-called-off",
        "Larchmere Forge は「Beacon」のリリースを見送った。",
        ("larchmere-forge", "developed", "beacon"),
    ),
]

# --------------------------------------------------------------------------------------
# 18. Owner + type noun + name (「AのクラウドサービスB」), and pairs in a list
#     (「Aの「X」やBの「Y」」: A–X and B–Y only).
# --------------------------------------------------------------------------------------
PAIRS_YA = "ハヤブサ電機の「Korin-7B」やTovrin AIの「Kite-13B」が候補に挙がった。"
PAIRS_TO = "モエギ技研の「Nami-2」とNorthwind AIの「Tamago-7B」を比較した。"
PAIRS_UNTYPED = "ハヤブサ電機の「Hibiki」やTovrin AIの「Kite-13B」が候補に挙がった。"
PAIRS_UNTYPED_READ = (
    "read only (ハヤブサ電機, developed, kite-13b); Hibiki and Tovrin AI are not found"
)

FORM_18_READS = [
    case(
        "18-owner-type-name-kanji",
        "ハヤブサ電機のクラウドサービスHayabusa Driveは法人に人気だ。",
        ("ハヤブサ電機", "developed", "hayabusa-drive"),
    ),
    case(
        "18-owner-type-name-latin",
        "Tovrin AIの画像生成ツールPixelwindが公開された。",
        ("tovrin-ai", "developed", "pixelwind"),
    ),
    case("18-pairs-ya-a-x", PAIRS_YA, ("ハヤブサ電機", "developed", "korin-7b")),
    case(
        "18-pairs-ya-b-y",
        PAIRS_YA,
        ("tovrin-ai", "developed", "kite-13b"),
    ),
    case("18-pairs-to-a-x", PAIRS_TO, ("モエギ技研", "developed", "nami-2")),
    case(
        "18-pairs-to-b-y",
        PAIRS_TO,
        ("northwind-ai", "developed", "tamago-7b"),
    ),
    case(
        "18-pairs-untyped-a-x",
        PAIRS_UNTYPED,
        ("ハヤブサ電機", "developed", "hibiki"),
        gap=PAIRS_UNTYPED_READ,
    ),
    case(
        "18-pairs-untyped-b-y",
        PAIRS_UNTYPED,
        ("tovrin-ai", "developed", "kite-13b"),
    ),
]
FORM_18_SILENT = [
    case(
        "18-pairs-ya-no-a-y",
        PAIRS_YA,
        ("ハヤブサ電機", "developed", "kite-13b"),
    ),
    case("18-pairs-ya-no-b-x", PAIRS_YA, ("tovrin-ai", "developed", "korin-7b")),
    case("18-pairs-to-no-a-y", PAIRS_TO, ("モエギ技研", "developed", "tamago-7b")),
    case("18-pairs-to-no-b-x", PAIRS_TO, ("northwind-ai", "developed", "nami-2")),
    case(
        "18-pairs-untyped-no-a-y",
        PAIRS_UNTYPED,
        ("ハヤブサ電機", "developed", "kite-13b"),
    ),
]

# --------------------------------------------------------------------------------------
# 19. Affiliation: a person named right after Xの belongs to X (OpenAIのGreg Brockman氏),
#     unless the sentence hires or moves them (ディープマインドのスレイマン氏起用).
# --------------------------------------------------------------------------------------
FORM_19_READS = [
    case(
        "19-affiliation-latin",
        "ミカゲ技研のNora Vance氏が、新しい研究方針を説明した。",
        ("nora-vance", "worksFor", "ミカゲ技研"),
    ),
    case(
        "19-affiliation-kanji",
        "8日、Tovrin AIの仁科真由氏は講演で事業計画を語った。",
        ("仁科真由", "worksFor", "tovrin-ai"),
    ),
]
FORM_19_SILENT = [
    case(
        "19-affiliation-hired-away",
        "ヒノデ電機、ミカゲ技研のNora Vance氏を起用",
        ("nora-vance", "worksFor", "ミカゲ技研"),
    ),
    case(
        "19-affiliation-through-title",
        "ミカゲ技研の元社長、Nora Vance氏が講演した。",
        ("nora-vance", "worksFor", "ミカゲ技研"),
    ),
]

# --------------------------------------------------------------------------------------
# 20. The subject of a verb whose object is an event noun: the parse hangs a が-subject
#     on the name that follows it, or the sentence ends on the verbal noun (体言止め).
# --------------------------------------------------------------------------------------
FORM_20_READS = [
    case(
        "20-subject-on-next-name",
        "モエギ技研がハヤブサ電機の買収を表明した。",
        ("モエギ技研", "acquired", "ハヤブサ電機"),
    ),
    case(
        "20-noun-ending-sentence",
        "同日、Nora Vance氏がTovrin AIへの移籍を表明。",
        ("nora-vance", "worksFor", "tovrin-ai"),
    ),
]

# --------------------------------------------------------------------------------------
# 21. A time word glued before a name is no part of it (その後アルトマン氏, 今のところX).
# --------------------------------------------------------------------------------------
FORM_21_READS = [
    case(
        "21-time-word-before-person",
        "その後ヴァンス氏はミカゲ技研に入社した。",
        ("ヴァンス", "worksFor", "ミカゲ技研"),
    ),
    case(
        "21-time-word-before-latin",
        "今のところTovrin AIは「Kite-13B」を開発している。",
        ("tovrin-ai", "developed", "kite-13b"),
    ),
]

# --------------------------------------------------------------------------------------
# 22. Yを[relational noun]として: Y is the subject's rival, partner, subsidiary.
# --------------------------------------------------------------------------------------
FORM_22_READS = [
    case(
        "22-as-rival",
        "モエギ技研は年次報告書で、AIスタートアップTovrin AIを競合企業として挙げた。",
        ("モエギ技研", "competesWith", "tovrin-ai"),
    ),
]

# --------------------------------------------------------------------------------------
# 23. Verbal nouns joined by ・ share their arguments (製造・販売する「X」).
# --------------------------------------------------------------------------------------
FORM_23_READS = [
    case(
        "23-conjoined-relative",
        "ハヤブサ電機が開発・販売する「Korin-7B」は好調だ。",
        ("ハヤブサ電機", "developed", "korin-7b"),
    ),
]

# --------------------------------------------------------------------------------------
# 24. A clause dated in the past (以前, かつて): an event still happened, a tie is former.
# --------------------------------------------------------------------------------------
FORM_24_READS = [
    case(
        "24-past-investment",
        "Tovrin AIは以前、シリーズAの資金調達ラウンドで、ハヤブサ電機などから資金調達を行った。",
        ("ハヤブサ電機", "investedIn", "tovrin-ai"),
    ),
    case(
        "24-past-acquisition",
        "モエギ技研はかつてハヤブサ電機を買収した。",
        ("モエギ技研", "acquired", "ハヤブサ電機"),
    ),
    case(
        "24-round-members-in-quote",
        '"Tovrin AIは以前、シリーズBラウンドで資金を調達した。このラウンドには、'
        'ハヤブサ電機、モエギ技研も参加した。"',
        ("モエギ技研", "investedIn", "tovrin-ai"),
    ),
]
FORM_24_SILENT = [
    case(
        "24-past-tie",
        "仁科真由氏は以前、モエギ技研に勤めていた。",
        ("仁科真由", "worksFor", "モエギ技研"),
    ),
    case(
        "24-past-partnership",
        "モエギ技研はかつてハヤブサ電機と提携していた。",
        ("モエギ技研", "partneredWith", "ハヤブサ電機"),
    ),
]

# --------------------------------------------------------------------------------------
# 25. A partnership with one party named, done by no one in the sentence, is the company
#     the text is about's (この開発は…との共同研究の一環で行われた); a legal form written in
#     several words (国立研究開発法人) is no part of the name.
# --------------------------------------------------------------------------------------
FORM_25_READS = [
    case(
        "25-partner-of-discourse",
        "ハヤブサ電機は新モデルを公開した。この開発は国立研究開発法人モエギ技研との共同研究の"
        "一環で行われた。",
        ("ハヤブサ電機", "partneredWith", "モエギ技研"),
    ),
]
FORM_25_SILENT = [
    case(
        "25-rival-needs-its-subject",
        "ハヤブサ電機は新モデルを公開した。モエギ技研が販売する「Kite」と直接競合していた。",
        ("ハヤブサ電機", "competesWith", "kite"),
    ),
]

# --------------------------------------------------------------------------------------
# 26. A list carried by the noun after 等の/などの, with coordinated modifiers before it
#     (X, Y等の日本語と英語のデータ), and a data noun making its members training data.
# --------------------------------------------------------------------------------------
FORM_26_READS = [
    case(
        "26-list-coordinated-modifiers",
        "「Kite-13B」の事前学習にはKotoba Corpus, OpenTexts等の日本語と英語のデータを利用した。",
        ("kite-13b", "trainedOn", "opentexts"),
    ),
    case(
        "26-list-data-noun-training-topic",
        "「Kite-13B」は新しいモデルだ。継続事前学習はKotoba Corpus, OpenTexts(一部を除く)"
        "等の日本語と英語データを利用し、約1000億トークンで行われた。",
        ("kite-13b", "trainedOn", "kotoba-corpus"),
    ),
]

# --------------------------------------------------------------------------------------
# 27. A name owning the title after it is no member of the list before it
#     (A氏、Quora CEOのB氏: Quora is the company, not one more person).
# --------------------------------------------------------------------------------------
FORM_27_READS = [
    case(
        "27-title-owner-after-list",
        "取締役会には、元財務長官の仁科真由氏、Tovrin CEOのNora Vance氏が加わる。",
        ("nora-vance", "worksFor", "tovrin"),
    ),
]

# --------------------------------------------------------------------------------------
# 28. A continuative clause shares its object with the verb it leads on to
#     (Yの全株式を取得し、完全子会社化した), unless that verb has an object of its own or the
#     clause is reported (…を買収したと発表した); triggers written in three words.
# --------------------------------------------------------------------------------------
FORM_28_READS = [
    case(
        "28-chained-object",
        "モエギ技研は、ハヤブサ電機の全株式を取得し、完全子会社化した。",
        ("モエギ技研", "owns", "ハヤブサ電機"),
    ),
    case(
        "28-split-person-suffix",
        "囲碁AI「Kaede」は、プロ棋士の仁科真由九段との三番勝負に勝利を収めた。",
        ("kaede", "outperforms", "仁科真由"),
    ),
]
FORM_28_SILENT = [
    case(
        "28-chained-own-object",
        "仁科真由氏は2021年にモエギ技研を退社し、自身の会社を設立した。",
        ("仁科真由", "founded", "モエギ技研"),
    ),
    case(
        "28-reported-no-object",
        "モエギ技研は、AI企業ハヤブサ電機を買収したと発表した。",
        ("モエギ技研", "founded", "ハヤブサ電機"),
    ),
]

# --------------------------------------------------------------------------------------
# 29. Idioms whose noun the tokenizer splits (提携|相手に選ぶ) and kana verbs that only look
#     like idioms (まとめる is no ま+と+める), in clefts.
# --------------------------------------------------------------------------------------
FORM_29_READS = [
    case(
        "29-split-idiom-noun-cleft",
        "モエギ技研が新たな提携相手に選んだのは、台湾のTovrin社だった。",
        ("モエギ技研", "partneredWith", "tovrin"),
    ),
    case(
        "29-kana-verb-cleft",
        "業界の動向を調べた「AI導入白書2026」をまとめたのは、調査会社のカスミ総研だ。",
        ("ai導入白書2026", "authoredBy", "カスミ総研"),
    ),
]

# --------------------------------------------------------------------------------------
# 30. について marks the theme of the predicate a chain of clauses ends in, and による
#     inside a clause is its noun's agent, not the subject of the chain.
# --------------------------------------------------------------------------------------
FORM_30_READS = [
    case(
        "30-about-through-chain",
        "モエギ技研は、昨年合意を発表していた米Tovrinについて、当局による審査を経て、"
        "約10億ドルでの買収を完了した。",
        ("モエギ技研", "acquired", "tovrin"),
    ),
]
FORM_30_SILENT = [
    case(
        "30-agent-of-noun-is-no-subject",
        "モエギ技研は、米Tovrinについて、ハヤブサ電機による審査を経て、買収を完了した。",
        ("ハヤブサ電機", "acquired", "tovrin"),
    ),
]

# --------------------------------------------------------------------------------------
# 31. A company known for a product made it (「X」で知られるY, 知られる = passive 知る).
# --------------------------------------------------------------------------------------
FORM_31_READS = [
    case(
        "31-known-for",
        "対話AI「Kite」で知られる米Tovrinは新モデルを発表した。",
        ("tovrin", "developed", "kite"),
    ),
]

# --------------------------------------------------------------------------------------
# 32. A sentence's theme (Xをめぐっては) is what an event in it with no object is about;
#     making something with another company (Yと共同開発) is working with it, while
#     companies each releasing their own model are no partners.
# --------------------------------------------------------------------------------------
FORM_32_READS = [
    case(
        "32-sentence-theme",
        "Tovrinをめぐっては、今年4月、モエギ技研が約10億ドルの追加出資を発表するなど、"
        "関係が深まっている。",
        ("モエギ技研", "investedIn", "tovrin"),
    ),
    case(
        "32-co-developed",
        "ハヤブサ電機は30日、カナダのスタートアップ、Tovrinと共同開発したLLMの提供を始めた。",
        ("ハヤブサ電機", "partneredWith", "tovrin"),
    ),
]
FORM_32_SILENT = [
    case(
        "32-each-their-own",
        "Tovrinが「Kite」を、モエギ技研が「Nami」を発表するなど、開発競争が激化した。",
        ("tovrin", "partneredWith", "モエギ技研"),
    ),
]

# --------------------------------------------------------------------------------------
# 33. A bare Latin family name names the one person of the text it belongs to
#     (Alexandr Wang … Wang は); business relations are partnerships (Yとの商業関係).
# --------------------------------------------------------------------------------------
FORM_33_READS = [
    case(
        "33-bare-family-name",
        "モエギ技研はCEOのNora Vance氏を招いた。Vance は Tovrin に移籍する。",
        ("nora-vance", "worksFor", "tovrin"),
    ),
    case(
        "33-business-relation",
        "Tovrin は独立性を維持しながら モエギ技研 との商業関係を大幅に拡大する。",
        ("tovrin", "partneredWith", "モエギ技研"),
    ),
]

# --------------------------------------------------------------------------------------
# 34. A model called the tuned model of another (Xの日本語継続事前学習モデル「Y」).
# --------------------------------------------------------------------------------------
FORM_34_READS = [
    case(
        "34-tuned-model-of",
        "ハヤブサ電機、Tovrinの言語モデル「Kite-13B」の日本語追加学習モデル「Suzu 13B」を公開",
        ("suzu-13b", "fineTunedFrom", "kite-13b"),
    ),
]
FORM_34_SILENT = [
    case(
        "34-plain-possessive",
        "ハヤブサ電機、Tovrinの言語モデル「Kite-13B」の軽量モデル「Suzu 13B」を公開",
        ("suzu-13b", "fineTunedFrom", "kite-13b"),
    ),
]

# --------------------------------------------------------------------------------------
# 35. Shares bought are an investment (Xの株を取得, 49%), control is an acquisition or
#     ownership (全株式, 過半数, 約9割).
# --------------------------------------------------------------------------------------
FORM_35_READS = [
    case(
        "35-shares-bought",
        "ハヤブサ電機は、Tovrinの株を1株あたり87ドルで取得した。",
        ("ハヤブサ電機", "investedIn", "tovrin"),
    ),
    case(
        "35-minority-percent",
        "モエギ技研は、Tovrinの株式の49%を取得した。",
        ("モエギ技研", "investedIn", "tovrin"),
    ),
    case(
        "35-majority-held",
        "モエギ技研は、英半導体設計大手Tovrinの株式の約9割を保有している。",
        ("モエギ技研", "owns", "tovrin"),
    ),
]
FORM_35_SILENT = [
    case(
        "35-shares-are-no-acquisition",
        "ハヤブサ電機は、Tovrinの株を1株あたり87ドルで取得した。",
        ("ハヤブサ電機", "acquired", "tovrin"),
    ),
]

# --------------------------------------------------------------------------------------
# 36. 日本X is X's Japanese company; 同社 after a subject of the same sentence is it.
# --------------------------------------------------------------------------------------
FORM_36_READS = [
    case(
        "36-japan-subsidiary-and-same-sentence-anaphor",
        "日本IBMとハヤブサ電機は協業を発表した。同日、日本IBMが開催したイベントで同社の"
        "仁科真由社長は意気込みを語った。",
        ("仁科真由", "worksFor", "日本ibm"),
    ),
]

# --------------------------------------------------------------------------------------
# 37. Coordinated event nouns share their doer and object (Xの開発と提供を行っており), and a
#     state asserted before the sentence turns to plans is no plan (…ており、今後も…予定).
# --------------------------------------------------------------------------------------
FORM_37_READS = [
    case(
        "37-coordinated-events-before-plan",
        "ハヤブサ電機は、日本語能力に優れた「Kite-13B」の開発と提供を行っており、今後も"
        "特化型LLMの開発を強化していく予定である。",
        ("ハヤブサ電機", "developed", "kite-13b"),
    ),
]
FORM_37_SILENT = [
    case(
        "37-plan-stays-a-plan",
        "ハヤブサ電機は、今後「Kite-13B」の開発を強化していく予定である。",
        ("ハヤブサ電機", "developed", "kite-13b"),
    ),
]

# --------------------------------------------------------------------------------------
# 38. が marks the subject of the nearest clause: a relative clause's verb with no subject
#     of its own (X氏がCEOを務める…Yは), unless a comma sets the subject apart (Xが、…).
# --------------------------------------------------------------------------------------
FORM_38_READS = [
    case(
        "38-subject-of-relative-clause",
        "仁科真由氏が代表取締役CEOを務める東京大学発のAIスタートアップ、株式会社モエギは"
        "6月26日、新モデル「Kite」を開発したと発表した。",
        ("仁科真由", "worksFor", "モエギ"),
    ),
    case(
        "38-main-subject-keeps-its-verb",
        "仁科真由氏が代表取締役CEOを務める東京大学発のAIスタートアップ、株式会社モエギは"
        "6月26日、新モデル「Kite」を開発したと発表した。",
        ("モエギ", "developed", "kite"),
    ),
]
FORM_38_SILENT = [
    case(
        "38-comma-sets-the-subject-apart",
        "自動車メーカーのハヤブサ電機が、自動運転AIを開発するTovrinへの出資を検討している。",
        ("ハヤブサ電機", "developed", "tovrin"),
    ),
]

# --------------------------------------------------------------------------------------
# 39. A list ending in a member that is no name (A、B、神戸市は) carries its case to all; a
#     dictionary proper noun with a company ending is a company (川崎重工業); 日本 before a
#     known company names its Japanese company (日本マイクロソフト).
# --------------------------------------------------------------------------------------
FORM_39_READS = [
    case(
        "39-list-ending-in-a-city",
        "川崎重工業、ハヤブサ電機、神戸市は13日、日本マイクロソフトと連携し、開発拠点を置くと"
        "発表した。",
        ("川崎重工業", "partneredWith", "日本マイクロソフト"),
    ),
]
FORM_39_SILENT = [
    case(
        "39-parent-is-not-the-subsidiary",
        "ハヤブサ電機は13日、日本マイクロソフトと連携すると発表した。",
        ("ハヤブサ電機", "partneredWith", "microsoft"),
    ),
]

# --------------------------------------------------------------------------------------
# 40. Topics each with their own count are parallel subjects (Aは21社、Bが10社を買収した).
# --------------------------------------------------------------------------------------
FORM_40_SILENT = [
    case(
        "40-parallel-counted-topics",
        "同時期においてモエギ技研は21社、ハヤブサ電機は18社、Tovrinが10社を買収した。",
        ("tovrin", "acquired", "モエギ技研"),
    ),
]

READS = [
    *FORM_1_READS,
    *FORM_2_READS,
    *FORM_3_READS,
    *FORM_4_READS,
    *FORM_5_READS,
    *FORM_6_READS,
    *FORM_7_READS,
    *FORM_8_READS,
    *FORM_10_READS,
    *FORM_11_READS,
    *FORM_12_READS,
    *FORM_13_READS,
    *FORM_14_READS,
    *FORM_15_READS,
    *FORM_16_READS,
    *FORM_17_READS,
    *FORM_18_READS,
    *FORM_19_READS,
    *FORM_20_READS,
    *FORM_21_READS,
    *FORM_22_READS,
    *FORM_23_READS,
    *FORM_24_READS,
    *FORM_25_READS,
    *FORM_26_READS,
    *FORM_27_READS,
    *FORM_28_READS,
    *FORM_29_READS,
    *FORM_30_READS,
    *FORM_31_READS,
    *FORM_32_READS,
    *FORM_33_READS,
    *FORM_34_READS,
    *FORM_35_READS,
    *FORM_36_READS,
    *FORM_37_READS,
    *FORM_38_READS,
    *FORM_39_READS,
]
SILENT = [
    *FORM_1_SILENT,
    *FORM_2_SILENT,
    *FORM_3_SILENT,
    *FORM_4_SILENT,
    *FORM_5_SILENT,
    *FORM_6_SILENT,
    *FORM_7_SILENT,
    *FORM_8_SILENT,
    *FORM_10_SILENT,
    *FORM_11_SILENT,
    *FORM_12_SILENT,
    *FORM_13_SILENT,
    *FORM_14_SILENT,
    *FORM_15_SILENT,
    *FORM_16_SILENT,
    *FORM_17_SILENT,
    *FORM_18_SILENT,
    *FORM_19_SILENT,
    *FORM_24_SILENT,
    *FORM_25_SILENT,
    *FORM_28_SILENT,
    *FORM_30_SILENT,
    *FORM_32_SILENT,
    *FORM_34_SILENT,
    *FORM_35_SILENT,
    *FORM_37_SILENT,
    *FORM_38_SILENT,
    *FORM_39_SILENT,
    *FORM_40_SILENT,
]


test_form_is_read, test_near_miss_stays_silent = form_tests(READS, SILENT)
