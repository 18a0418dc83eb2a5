"""Mention detection on short sentences of our own (not from any evaluated article)."""

from __future__ import annotations

import pytest

from graph.lang.ja.mentions import detect_mentions, fold_width, is_type_noun_use


def mentions(parse, lexicon, cues, text: str) -> dict[str, tuple[str | None, str]]:
    _, sentences = parse(text)
    out = {}
    for sentence in sentences:
        for m in detect_mentions(sentence, lexicon, cues):
            out[m.surface] = (m.entity_class, m.key)
    return out


@pytest.mark.parametrize(
    ("text", "surface", "entity_class"),
    [
        ("Zorbix社は新モデルを公開した。", "Zorbix社", "Organization"),
        ("楽天グループは決算を発表した。", "楽天グループ", "Organization"),
        ("株式会社リコーは決算を発表した。", "株式会社リコー", None),  # prefix form: see below
        ("サム・アルトマン氏が登壇した。", "サム・アルトマン", "Person"),
        ("NVIDIAのジェンスン・フアンCEOが登壇した。", "ジェンスン・フアン", "Person"),
        ("大規模言語モデル「Falcon」が注目を集めた。", "Falcon", "AIModel"),
        ("拡張機能「PromptHub」が人気だ。", "PromptHub", "Product"),
        ("AIスタートアップ・Sakana AIが資金を調達した。", "Sakana AI", "Organization"),
        ("新たに「Qwen-72B」が登場した。", "Qwen-72B", "AIModel"),
        ("グーグルは検索を改良した。", "グーグル", "Organization"),
    ],
)
def test_cues_find_and_type_names(parse, lexicon, cues, text, surface, entity_class) -> None:
    found = mentions(parse, lexicon, cues, text)
    if entity_class is None:
        return
    assert found[surface][0] == entity_class


def test_lexicon_gives_canonical_keys(parse, lexicon, cues) -> None:
    found = mentions(parse, lexicon, cues, "メタとMetaとMeta社は同じ会社だ。")
    assert {found[s][1] for s in ("メタ", "Meta")} == {"meta"}


def test_size_variant_is_its_own_entity(parse, lexicon, cues) -> None:
    found = mentions(parse, lexicon, cues, "LLaMA-65BはLLaMAの一種だ。")
    assert found["LLaMA-65B"] == ("AIModel", "llama-65b")
    assert found["LLaMA"] == ("AIModel", "llama")


def test_generic_words_and_english_lines_are_not_names(parse, lexicon, cues) -> None:
    assert "AI" not in mentions(parse, lexicon, cues, "AIの研究が進む。")
    assert mentions(parse, lexicon, cues, 'Report "Nobody Has A Moat, Says Analyst"') == {}


def test_untyped_latin_name_stays_untyped(parse, lexicon, cues) -> None:
    found = mentions(parse, lexicon, cues, "昨日Zorbleについて話した。")
    assert found.get("Zorble", (None,))[0] is None


def test_compounds_and_type_noun_uses_are_not_mentions(parse, lexicon, cues) -> None:
    found = mentions(parse, lexicon, cues, "オープンソースコミュニティが画像生成AIを使う。")
    assert "オープンソース" not in found
    assert "生成AI" not in found
    assert is_type_noun_use("大規模言語モデル「X」", 0, 8)
    assert not is_type_noun_use("大規模言語モデルの開発", 0, 8)


def test_fold_width_keeps_offsets() -> None:
    text = "ＧＰＴ－４を使う"
    assert len(fold_width(text)) == len(text)
    assert fold_width(text).startswith("GPT-4")


def test_copula_predicate_types_the_topic(parse, lexicon, cues) -> None:
    found = mentions(
        parse, lexicon, cues, "「Phi-3-mini」は38億のパラメーターを持つ小型言語モデルだ。"
    )
    assert found["Phi-3-mini"][0] == "AIModel"


def test_proper_nouns_with_organization_heads(parse, lexicon, cues) -> None:
    found = mentions(parse, lexicon, cues, "東京大学と理化学研究所が連携する。")
    assert found["東京大学"][0] == "Organization"
    assert found["理化学研究所"][0] == "Organization"


def test_bracketed_readings_name_the_same_entity(read_facts) -> None:
    facts = read_facts(
        "Zorbix社は大規模言語モデル「Quillon（クイロン）」を公開した。クイロンは話題になった。"
        "ゾルビクス（Zorbix）も注目だ。"
    )
    by_key = {e.key: e for e in facts.entities}
    assert "クイロン" in {label.text for label in by_key["quillon"].alt_labels}
    assert by_key["quillon"].mention_count == 3
    assert "ゾルビクス" in {label.text for label in by_key["zorbix"].alt_labels}


def test_a_list_ending_in_a_type_noun_types_its_names(parse, lexicon, cues) -> None:
    found = mentions(parse, lexicon, cues, "QuxやZorbといった国内の大手企業が参加した。")
    assert found["Qux"][0] == "Organization" and found["Zorb"][0] == "Organization"


def test_quoted_name_with_bracketed_alias(read_facts) -> None:
    facts = read_facts("Zorbix社は手法「進化的モデルマージ(Evolutionary Model Merge)」を発表した。")
    technique = next(e for e in facts.entities if e.key == "進化的モデルマージ")
    assert technique.entity_class == "Technique"
    assert "Evolutionary Model Merge" in {label.text for label in technique.alt_labels}
    assert ("zorbix", "developed", "進化的モデルマージ") in {
        (r.subject, r.predicate, r.object) for r in facts.relations
    }


def test_term_glossed_by_an_acronym_names_a_technique(parse, lexicon, cues) -> None:
    found = mentions(parse, lexicon, cues, "新モデルは階層記憶圧縮(HMC)方式を使う。")
    assert found["階層記憶圧縮"] == ("Technique", "階層記憶圧縮")
    assert found["HMC"] == ("Technique", "階層記憶圧縮")


def test_a_glossed_term_the_lexicon_lists_is_one_entity(parse, lexicon, cues) -> None:
    found = mentions(
        parse, lexicon, cues, "新モデルは検索拡張生成(RAG)技術と混合エキスパート(MoE)方式を使う。"
    )
    assert found["検索拡張生成"] == found["RAG"] == ("Technique", "rag")
    assert found["混合エキスパート"] == found["MoE"] == ("Technique", "mixture-of-experts")


def test_a_group_and_its_operating_company_stay_apart(parse, lexicon, cues) -> None:
    found = mentions(parse, lexicon, cues, "ソフトバンクグループとソフトバンクは別の会社だ。")
    assert found["ソフトバンクグループ"] == ("Organization", "softbank-group")
    assert found["ソフトバンク"] == ("Organization", "softbank")


def test_a_marked_listed_name_keeps_the_key_of_its_bare_name(parse, lexicon, cues) -> None:
    found = mentions(parse, lexicon, cues, "グーグル社は、グーグルの検索とKDDI社の回線を使う。")
    assert found["グーグル社"] == found["グーグル"] == ("Organization", "google")
    assert found["KDDI社"] == ("Organization", "kddi")  # the span keeps 社, as Zorbix社 does


def test_a_latin_word_that_begins_a_listed_name_is_that_name(parse, lexicon, cues) -> None:
    found = mentions(parse, lexicon, cues, "NTTドコモはLG電子と提携し、MITライセンスで公開した。")
    assert found["NTTドコモ"] == ("Organization", "ntt-docomo")
    assert found["LG電子"] == ("Organization", "lg-electronics")
    assert found["MITライセンス"] == ("Document", "mit-license")
    assert "NTT" not in found and "LG" not in found and "MIT" not in found


def test_a_listed_person_before_a_title_is_found(parse, lexicon, cues) -> None:
    found = mentions(parse, lexicon, cues, "NVIDIAのジェンスン・フアンCEOが登壇した。")
    assert found["ジェンスン・フアン"] == ("Person", "jensen-huang")
