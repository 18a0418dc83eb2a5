"""Each relation pattern on short sentences of our own, with negatives.

None of these sentences comes from the seed or the dev articles: they check that a
mechanism carries over to text it was not written for.
"""

from __future__ import annotations

import pytest

from graph.errors import ResourceFileError
from graph.lang.ja.patterns import load_patterns, parse_patterns
from tests.conftest import triples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # developed: が/を, relative clauses both ways, passive agent, gapped coordination
        (
            "Anthropicは2024年3月4日、大規模言語モデル「Claude 3」を発表した。",
            ("anthropic", "developed", "claude-3"),
        ),
        (
            "Databricks社が開発したオープンモデル「DBRX」は高い性能を示した。",
            ("databricks", "developed", "dbrx"),
        ),
        ("「Gemini」を開発するGoogleは検索にも力を入れる。", ("google", "developed", "gemini")),
        (
            "「Falcon-40B」はTII社によって開発された。",
            ("technology-innovation-institute", "developed", "falcon-40b"),
        ),
        (
            "OpenAIが「GPT-4」を、Anthropicが「Claude」を発表した。",
            ("anthropic", "developed", "claude"),
        ),
        ("Alibaba社の言語モデル「Qwen-72B」が話題だ。", ("alibaba", "developed", "qwen-72b")),
        # investment, acquisition, partnership, founding, employment
        (
            "米Amazonは、AIスタートアップのAnthropicに最大40億ドルを出資すると発表した。",
            ("amazon", "investedIn", "anthropic"),
        ),
        ("ソフトバンクグループは英Arm社を買収した。", ("softbank-group", "acquired", "arm")),
        ("Microsoftは先月、Mistral AI社と提携した。", ("microsoft", "partneredWith", "mistral-ai")),
        (
            "イリヤ・サツケバー氏らが2015年にOpenAIを設立した。",
            ("ilya-sutskever", "founded", "openai"),
        ),
        (
            "NVIDIAのジェンスン・フアンCEOは新しいGPUを披露した。",
            ("jensen-huang", "worksFor", "nvidia"),
        ),
        (
            "サム・アルトマン氏はOpenAIのCEOを務めている。",
            ("sam-altman", "worksFor", "openai"),
        ),
        # lineage
        (
            "「Zephyr-7B」はMistral-7Bをファインチューニングしたモデルだ。",
            ("zephyr-7b", "fineTunedFrom", "mistral-7b"),
        ),
        (
            "ELYZA社はLlama 2をベースに日本語モデル「ELYZA-japanese-Llama-2-7b」を開発した。",
            ("elyza-japanese-llama-2-7b", "basedOn", "llama-2"),
        ),
        (
            "GPT-4oはGPT-4の改良版だ。ChatGPTではGPT-4oを利用している。",
            ("chatgpt", "uses", "gpt-4o"),
        ),
        # received investment, training data (active and passive)
        ("Anthropicは、Googleから20億ドルの出資を受けた。", ("google", "investedIn", "anthropic")),
        (
            "「Orca 2」は合成データセット「OrcaMath」のデータで学習された。",
            ("orca-2", "trainedOn", "orcamath"),
        ),
        (
            "「Koala-13B」はLLaMAをベースに、対話データセット「HC3」のデータを用いて学習したモデルだ。",
            ("koala-13b", "trainedOn", "hc3"),
        ),
        # ownership, role-typed names, chained and relative-clause subjects
        ("Googleは傘下のDeepMindが開発した「Gemini」を公開した。", ("google", "owns", "deepmind")),
        ("SB Intuitionsはソフトバンクの子会社だ。", ("softbank", "owns", "sb-intuitions")),
        ("富士通とNECは生成AI分野で提携すると発表した。", ("fujitsu", "partneredWith", "nec")),
        (
            "ソニーグループと東京大学は、共同研究を行うと発表した。",
            ("sony-group", "partneredWith", "university-of-tokyo"),
        ),
        (
            "xAIはイーロン・マスク氏が2023年に設立したAI企業だ。",
            ("elon-musk", "founded", "xai"),
        ),
        (
            "Amazonは、Anthropicへの出資額を80億ドルに引き上げた。",
            ("amazon", "investedIn", "anthropic"),
        ),
        (
            "Stability AIのCEOだったエマド・モスターク氏が辞任した。",
            ("emad-mostaque", "worksFor", "stability-ai"),
        ),
        (
            "Metaの「Llama 3」は、Mistral AIの「Mixtral」を上回る性能を示した。",
            ("llama-3", "outperforms", "mixtral"),
        ),
        ("NECは2023年7月、大規模言語モデル「cotomi」を発表した。", ("nec", "developed", "cotomi")),
        (
            "Googleの研究者らは2017年、論文「Attention Is All You Need」を発表した。",
            ("attention-is-all-you-need", "authoredBy", "google"),
        ),
        # lists, roles and references met in longer articles
        (
            "Amazonが独自に開発したAIチップ「Trainium」と「Inferentia」が使われる。",
            ("amazon", "developed", "inferentia"),
        ),
        (
            "Zeta社は設立された。現在はアラン・ボーン氏がCEO、クララ・デイ氏がプレジデントを務める。",
            ("クララ-デイ", "worksFor", "zeta"),
        ),
        (
            "曽根岡侑也氏が代表取締役CEOを務めるAIスタートアップ、株式会社ELYZAは新モデルを発表した。",
            ("曽根岡侑也", "worksFor", "elyza"),
        ),
        (
            "Zeta社は「Qux-70B」と「Qux-8B」を公開した。70Bモデルは「GPT-4」を上回った。",
            ("qux-70b", "outperforms", "gpt-4"),
        ),
        ("Zeta社は2024年3月にKDDI社の連結子会社となった。", ("kddi", "owns", "zeta")),
        (
            "Zeta社は新サービス「Quxa」を作った。同社は「Quxa」のベータ版も公開した。",
            ("zeta", "developed", "quxa"),
        ),
        (
            "OpenAIの対抗馬と目されるMistral AI社が資金を調達した。",
            ("mistral-ai", "competesWith", "openai"),
        ),
        (
            "ジョーンズ氏は、論文「Attention Is All You Need」の共著者の1人として知られる。",
            ("attention-is-all-you-need", "authoredBy", "ジョーンズ"),
        ),
        (
            "Google DeepMindを率いるデミス・ハサビス氏が受賞した。",
            ("demis-hassabis", "worksFor", "deepmind"),
        ),
        (
            "イリヤ・サツケバー氏はOpenAIに所属していた。",
            ("ilya-sutskever", "worksFor", "openai"),
        ),
        # rivals, stances
        (
            "GoogleとMicrosoftは検索市場で激しく競争している。",
            ("google", "competesWith", "microsoft"),
        ),
        (
            "Appleは、GoogleやAmazonといったライバル企業を追う。",
            ("amazon", "competesWith", "apple"),
        ),
        (
            "Microsoftの幹部は「オープンソースは脅威だ」と語った。",
            ("microsoft", "viewsAsThreat", "open-source"),
        ),
    ],
)
def test_pattern_yields_relation(read_facts, text, expected) -> None:
    assert expected in triples(read_facts(text))


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # the organization is not the developer of something it merely uses
        ("Microsoftは「ChatGPT」を社内で利用している。", ("microsoft", "developed", "chatgpt")),
        # a negated stance is no stance
        (
            "Googleは「オープンソースは脅威ではない」と述べた。",
            ("google", "viewsAsThreat", "open-source"),
        ),
        # investing in is not partnering
        ("Amazonは、Anthropicに40億ドルを出資した。", ("amazon", "partneredWith", "anthropic")),
        # two companies in one sentence are not rivals without a cue
        ("GoogleとMicrosoftは同じ日に決算を発表した。", ("google", "competesWith", "microsoft")),
        # a subsidiary cue needs the subsidiary noun between the names
        ("SB IntuitionsはソフトバンクとAIを研究する。", ("softbank", "owns", "sb-intuitions")),
        # a passive's own topic is what was acted on, not the agent
        (
            "Googleは「オープンソースは脅威」と述べた。次に「Vicuna-13B」が公開された。",
            ("google", "developed", "vicuna-13b"),
        ),
        # a model is not compared with its own family
        ("「Claude 3 Opus」は「Claude 3」を上回る。", ("claude-3-opus", "outperforms", "claude-3")),
        # a model mentioned near a company is not owned by it
        ("Metaの研究者は「GPT-4」を評価した。", ("meta", "owns", "gpt-4")),
    ],
)
def test_pattern_does_not_overreach(read_facts, text, unexpected) -> None:
    assert unexpected not in triples(read_facts(text))


def test_size_variant_links_to_family(read_facts) -> None:
    facts = read_facts("LLaMAの後、LLaMA-65Bも公開された。")
    assert ("llama-65b", "variantOf", "llama") in triples(facts)


def test_anaphor_resolves_to_the_last_named_model(read_facts) -> None:
    facts = read_facts("Metaは「Llama 3」を公開した。同モデルを基に「Llama 3 Swallow」が作られた。")
    assert ("llama-3-swallow", "basedOn", "llama-3") in triples(facts)


def test_evidence_merges_across_sentences(read_facts) -> None:
    facts = read_facts(
        "Microsoftは「Copilot」を開発した。Microsoftが「Copilot」を開発したのは昨年だ。"
    )
    relation = next(r for r in facts.relations if r.predicate == "developed")
    assert len(relation.evidence) == 2
    assert relation.confidence > max(e.confidence for e in relation.evidence)


PATTERN = (
    "patterns:\n  - {{id: x, relation: r, triggers: [a], subject: {subject}, "
    "object: {{role: wo, classes: [Person]}}}}"
)


def test_shipped_patterns_load() -> None:
    patterns = load_patterns()
    assert {p.relation for p in patterns} >= {
        "developed",
        "investedIn",
        "partneredWith",
        "fineTunedFrom",
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("patterns: 1", "'patterns' list"),
        ("patterns:\n  - {id: x}", "missing 'relation'"),
        (PATTERN.format(subject="{role: zz, classes: [Person]}"), "needs a role"),
        (PATTERN.format(subject="{role: ga, classes: [Planet]}"), "contract classes"),
    ],
)
def test_malformed_patterns_say_what_is_wrong(text, message) -> None:
    with pytest.raises(ResourceFileError, match=message):
        parse_patterns(text, "p.yaml")
