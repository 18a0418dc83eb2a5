"""Candidate names and the classes their cues and roles earn (sentences of our own)."""

from __future__ import annotations

import pytest

from graph.lang.ja.text import clean_sentence, fold_width


def entities(read_facts, text: str) -> dict[str, tuple[str, str]]:
    """Every label of every entity -> (class, key)."""
    facts = read_facts(text)
    out = {}
    for entity in facts.entities:
        for label in (*entity.pref_labels, *entity.alt_labels):
            out[label.text] = (entity.entity_class, entity.key)
    return out


@pytest.mark.parametrize(
    ("text", "surface", "entity_class"),
    [
        ("Zorbix社は新モデルを公開した。", "Zorbix", "Organization"),
        ("楽天グループは決算を発表した。", "楽天グループ", "Organization"),
        ("株式会社ツバキ・データは新サービスを公開した。", "ツバキ・データ", "Organization"),
        ("サム・アルトマン氏が登壇した。", "サム・アルトマン", "Person"),
        ("NVIDIAのジェンスン・フアンCEOが登壇した。", "ジェンスン・フアン", "Person"),
        ("大規模言語モデル「Falcon」が注目を集めた。", "Falcon", "AIModel"),
        ("拡張機能「PromptHub」が人気だ。", "PromptHub", "Product"),
        ("AIスタートアップ・Zephirus AIが資金を調達した。", "Zephirus AI", "Organization"),
        ("新たに「Qwen-72B」が登場した。", "Qwen-72B", "AIModel"),
        ("グーグルは検索を改良した。", "グーグル", "Organization"),
        ("霧ヶ峰ソリューションズは新製品を発表した。", "霧ヶ峰ソリューションズ", "Organization"),
        ("ゲーム大手の米Brightforgeは黒字を確保した。", "Brightforge", "Organization"),
        ("東京大学と理化学研究所が連携する。", "理化学研究所", "Organization"),
        ("この数字はミカゲ・タイムズが報じた。", "ミカゲ・タイムズ", "Organization"),
        ("その件は英ハヤテ通信が伝えた。", "ハヤテ通信", "Organization"),
        ("台湾の富士康科技集団なども参加する。", "富士康科技集団", "Organization"),
    ],
)
def test_cues_find_and_type_names(read_facts, text, surface, entity_class) -> None:
    assert entities(read_facts, text)[surface][0] == entity_class


def test_a_role_types_a_name_no_cue_marks(read_facts) -> None:
    """An unknown agent of an acquisition of a company is a company; so is the acquired."""
    found = entities(read_facts, "蒼穹テクノロジは、スタートアップのQuorvex社を買収した。")
    assert found["蒼穹テクノロジ"][0] == "Organization"
    found = entities(read_facts, "Torvanaは、画像認識のNexilisを買収した。")
    assert found["Torvana"][0] == found["Nexilis"][0] == "Organization"


def test_gazetteer_gives_one_key_in_every_script(read_facts) -> None:
    found = entities(
        read_facts, "メタとMetaとMeta社は同じ会社だとされる。Metaは新モデルを発表した。"
    )
    assert found["メタ"][1] == found["Meta"][1] == "meta"


def test_a_group_and_its_operating_company_stay_apart(read_facts) -> None:
    found = entities(read_facts, "ソフトバンクグループとソフトバンクは別の会社だ。両社は提携した。")
    assert found["ソフトバンクグループ"][1] != found["ソフトバンク"][1]


def test_size_variant_is_its_own_entity(read_facts) -> None:
    found = entities(read_facts, "Metaは「LLaMA-65B」を公開した。LLaMA-65BはLLaMAの一種だ。")
    assert found["LLaMA-65B"] == ("AIModel", "llama-65b")
    assert found["LLaMA"][1] == "llama"


def test_generic_words_and_english_lines_are_not_names(read_facts) -> None:
    found = entities(read_facts, "AIの研究が進む。企業は新しいモデルを開発した。")
    assert "AI" not in found and "企業" not in found and "モデル" not in found


def test_a_core_role_types_a_name_when_the_other_end_is_left_out(read_facts) -> None:
    found = entities(
        read_facts, "今年に入ってからも画像検索のZorvexやボット基盤のQuillaを買収した。"
    )
    assert found["Zorvex"][0] == found["Quilla"][0] == "Organization"
    # で, と, から say too little alone: the place a training ran is no dataset
    assert "Zorvexクラスター" not in entities(
        read_facts, "事前学習は内製のZorvexクラスターで行われた。"
    )


def test_a_quoted_bare_size_is_no_name(read_facts) -> None:
    assert "7B" not in entities(read_facts, "「7B」はパラメータ数が70億のモデルとなる。")


def test_a_headline_tag_does_not_hide_the_headline_subject(read_facts) -> None:
    facts = read_facts(
        "【ITニュース解説】ハヤブサ電機、Kite-13Bに日本語で追加学習を施したLLMを公開"
    )
    # the company is the headline's subject, not a list member beside the base model
    assert not [r for r in facts.relations if r.object == "ハヤブサ電機"]
    assert "ハヤブサ電機" in {e.key for e in facts.entities}


def test_latin_names_listed_with_middle_dots_are_each_a_name(read_facts) -> None:
    found = entities(
        read_facts, "ハヤブサ電機は、Zorb・Quilla・Vantix Netなどの基盤モデルを公開してきた。"
    )
    assert {found[n][0] for n in ("Zorb", "Quilla", "Vantix Net")} == {"AIModel"}
    # one dot may belong to a name
    assert "DALL・E 2" in entities(read_facts, "OpenAIは画像生成AI「DALL・E 2」を公開した。")


def test_a_quoted_kana_name_with_a_version_is_a_model(read_facts) -> None:
    found = entities(
        read_facts, "ハヤブサ電機は昨年の「ツバメ3.5」に続き、「ツバメ・パス2.0」を発表した。"
    )
    assert found["ツバメ3.5"][0] == found["ツバメ・パス2.0"][0] == "AIModel"


def test_a_known_name_with_a_sequel_number_is_its_own_entity(read_facts) -> None:
    found = entities(
        read_facts,
        "ソフトバンクグループは新ファンド「ソフトバンク・ビジョン・ファンド2」の設立を発表した。"
        "2017年に設立した「ソフトバンク・ビジョン・ファンド」に続く。",
    )
    assert (
        found["ソフトバンク・ビジョン・ファンド2"][1]
        != found["ソフトバンク・ビジョン・ファンド"][1]
    )


def test_an_untyped_name_stays_out(read_facts) -> None:
    assert "Zorble" not in entities(read_facts, "昨日Zorbleについて話した。")


def test_compounds_and_type_noun_uses_are_not_names(read_facts) -> None:
    found = entities(
        read_facts, "オープンソースコミュニティが画像生成AIを使う。Metaは「Lumen」を公開した。"
    )
    assert "オープンソース" not in found
    assert "生成AI" not in found


def test_copula_predicate_types_the_topic(read_facts) -> None:
    found = entities(read_facts, "「Phi-3-mini」は38億のパラメーターを持つ小型言語モデルだ。")
    assert found["Phi-3-mini"][0] == "AIModel"


def test_bracketed_readings_and_aliases_name_the_same_entity(read_facts) -> None:
    facts = read_facts(
        "Zorbix社は大規模言語モデル「Quillon（クイロン）」を公開した。クイロンは話題になった。"
    )
    by_key = {e.key: e for e in facts.entities}
    assert "クイロン" in {label.text for label in by_key["quillon"].alt_labels}
    assert by_key["quillon"].mention_count == 3


def test_a_list_ending_in_a_counter_types_its_members(read_facts) -> None:
    found = entities(read_facts, "QuxとZorbとVantiの3社は業務提携した。")
    assert {found[n][0] for n in ("Qux", "Zorb", "Vanti")} == {"Organization"}


def test_a_count_of_a_type_noun_types_the_names_before_it(read_facts) -> None:
    found = entities(
        read_facts, "ハヤブサ電機の「ソフィア・ローレン」「マリア・カラス」の両システムを採用した。"
    )
    assert {found[n][0] for n in ("ソフィア・ローレン", "マリア・カラス")} == {"Product"}


def test_descriptions_in_apposition_are_not_names(read_facts) -> None:
    found = entities(
        read_facts, "ビジネスチャットの米Slacklyは、買収された。Acme社がSlacklyを買収した。"
    )
    assert "ビジネスチャット" not in found
    assert found["Slackly"][0] == "Organization"


def test_an_event_word_in_the_gazetteer_is_not_a_technique_name(read_facts) -> None:
    found = entities(
        read_facts, "Zorbix社は「Qux-7B」を微調整し、新モデル「Qux-7B-Chat」を開発した。"
    )
    assert "微調整" not in found


def test_fold_width_keeps_offsets() -> None:
    text = "ＧＰＴ－４を使う"
    assert len(fold_width(text)) == len(text)
    assert fold_width(text).startswith("GPT-4")


def test_asides_are_taken_out_and_mapped_back() -> None:
    original = "株式会社ミヤコ（本社：京都市、社長：鳥羽一郎）は、「Miya-1」を公開した。"
    clean = clean_sentence(original)
    assert clean.text == "株式会社ミヤコは、「Miya-1」を公開した。"
    assert [a.text for a in clean.asides] == ["本社:京都市、社長:鳥羽一郎"]  # width-folded
    start = clean.text.index("Miya-1")
    first, last = clean.original_span(start, start + len("Miya-1"))
    assert original[first:last] == "Miya-1"
