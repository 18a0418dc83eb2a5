"""Forms of Japanese names that unseen news writes and the tokenizer cuts (issue 8: entity
recall), each on sentences of our own with invented names: the name must be found whole
and typed, and a look-alike of the same shape must stay no name.
"""

from __future__ import annotations

import pytest

from tests.test_ja_forms import Triple, case, form_tests, relations_of  # noqa: F401 (fixture)
from tests.test_ja_names import entities

# --------------------------------------------------------------------------------------
# N1. A katakana name glued to its version in Latin letters and digits (クロード3.5 Sonnet,
#     ギャラクシーS24): one name, a model's or a product's. A katakana counting word before
#     a number (バージョン2.0, レベル4) names nothing.
# --------------------------------------------------------------------------------------
FORM_N1_NAMES = [
    ("ミナセ技研はカグラ3.5 Liteを公開した。", "カグラ3.5 Lite", "AIModel"),
    ("新しいホタルネX9は来月に発売される予定だ。", "ホタルネX9", "AIModel"),
    ("比較では、ソラミチ2.1がもっとも速かった。", "ソラミチ2.1", "AIModel"),
]
FORM_N1_NOT_NAMES = [
    ("今回のバージョン2.0では画面が変わった。", "バージョン2.0"),
    ("同社はレベル4 Proの自動運転を目指す。", "レベル4 Pro"),
]
FORM_N1_READS = [
    case(
        "N1-katakana-name-and-version",
        "ヤマビコ電機はカグラ4.2 Turboを発表した。",
        ("ヤマビコ電機", "developed", "カグラ4.2-turbo"),
    ),
]

# --------------------------------------------------------------------------------------
# N2. A newspaper or magazine written with 紙 / 誌 (英紙X, 経済誌「X」, 「X」紙): the word is
#     a type noun of a news organization, so what it introduces is one.
# --------------------------------------------------------------------------------------
FORM_N2_NAMES = [
    ("仏紙リュミエール・デュ・ソワールによると、交渉は続く。", "リュミエール・デュ・ソワール"),
    ("業界誌「テックウェーブ」は新製品を取り上げた。", "テックウェーブ"),
    ("米「デイリー・ハーバー」紙が最初に伝えた。", "デイリー・ハーバー"),
]

# --------------------------------------------------------------------------------------
# N3. A country prefix glued to a katakana name (独ヴァルトハイム・メディエン): a company, as
#     with a Latin name (米Waymo); a place (仏パリ) stays no name.
# --------------------------------------------------------------------------------------
FORM_N3_NAMES = [
    ("きのう、独ヴァルトハイム・メディエンが新会社を設けた。", "ヴァルトハイム・メディエン"),
    ("英クロウフォード・アナリティカは調査結果を公表した。", "クロウフォード・アナリティカ"),
]
FORM_N3_NOT_NAMES = [("会議は仏パリで開かれた。", "パリ")]

# --------------------------------------------------------------------------------------
# N4. A title the tokenizer writes in two words after a person's name (上席|研究員,
#     特任|教授): it ends the name, and the person works where the title is held.
# --------------------------------------------------------------------------------------
FORM_N4_READS = [
    case(
        "N4-two-word-title",
        "ヤマビコ電機のマリア・ロッシ上席研究員は新手法を説明した。",
        ("マリア-ロッシ", "worksFor", "ヤマビコ電機"),
    ),
]
FORM_N4_NAMES = [
    ("同研究所のヨハン・ベルク主席研究員が登壇した。", "ヨハン・ベルク", "Person"),
]
FORM_N4_SILENT = [
    case(
        "N4-title-alone-names-no-one",
        "ヤマビコ電機の上席研究員は新手法を説明した。",
        ("上席研究員", "worksFor", "ヤマビコ電機"),
    ),
]

# --------------------------------------------------------------------------------------
# N5. A name opening the sentence is not quoted (the empty slice before offset 0 is "in"
#     every string): its cues after it count, as for a name anywhere else.
# --------------------------------------------------------------------------------------
FORM_N5_NAMES = [
    ("Quillfeedによると、ミナセ技研は新工場を建てる。", "Quillfeed", "Organization"),
    ("Daily Orbitによれば、交渉は来月まとまる。", "Daily Orbit", "Organization"),
]

# --------------------------------------------------------------------------------------
# N7. A press release's aside after a company and its legal form (Xグループ株式会社
#     （代表取締役社長：Y Z）): the titled person works for the company even when the name's
#     unit did not take in 株式会社 (a name ending like a type noun, グループ).
# --------------------------------------------------------------------------------------
FORM_N7_READS = [
    case(
        "N7-aside-after-legal-form",
        "アオバグループ株式会社（代表取締役社長：桐生 大和、以下「アオバ」）は、新会社を設立した。",
        ("桐生大和", "worksFor", "アオバグループ"),
    ),
]
FORM_N7_SILENT = [
    case(
        "N7-aside-with-no-title",
        "アオバグループ株式会社（本社：仙台市、以下「アオバ」）は、桐生大和と新会社を設立した。",
        ("桐生大和", "worksFor", "アオバグループ"),
    ),
]

# --------------------------------------------------------------------------------------
# N8. Common nouns, a middle dot and a Latin-script name (エンジン開発元・X, メガバンク・X): a
#     description in apposition, then the name; the description is no part of it.
# --------------------------------------------------------------------------------------
FORM_N8_READS = [
    case(
        "N8-description-dot-name",
        "ハヤテ電機は、翻訳エンジン開発元・Lexora Systemsの買収を発表した。",
        ("ハヤテ電機", "acquired", "lexora-systems"),
    ),
]
FORM_N8_SILENT = [
    case(
        "N8-description-is-no-name",
        "ハヤテ電機は、翻訳エンジン開発元・Lexora Systemsの買収を発表した。",
        ("ハヤテ電機", "acquired", "翻訳エンジン開発元-lexora-systems"),
    ),
]


@pytest.mark.parametrize(
    ("text", "surface", "entity_class"),
    [*FORM_N1_NAMES, *FORM_N4_NAMES, *FORM_N5_NAMES],
)
def test_name_is_found_whole_and_typed(read_facts, text, surface, entity_class) -> None:
    found = entities(read_facts, text)
    assert found.get(surface, (None,))[0] == entity_class, f"found instead: {sorted(found)}"


@pytest.mark.parametrize(("text", "surface"), [*FORM_N2_NAMES, *FORM_N3_NAMES])
def test_news_and_country_cues_make_an_organization(read_facts, text, surface) -> None:
    found = entities(read_facts, text)
    assert found.get(surface, (None,))[0] == "Organization", f"found instead: {sorted(found)}"


@pytest.mark.parametrize(("text", "surface"), [*FORM_N1_NOT_NAMES, *FORM_N3_NOT_NAMES])
def test_look_alike_is_no_name(read_facts, text, surface) -> None:
    assert surface not in entities(read_facts, text)


test_form_is_read, test_near_miss_stays_silent = form_tests(
    [*FORM_N1_READS, *FORM_N4_READS, *FORM_N7_READS, *FORM_N8_READS],
    [*FORM_N4_SILENT, *FORM_N7_SILENT, *FORM_N8_SILENT],
)
