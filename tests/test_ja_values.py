"""Typed attribute parsers, and the rules that attach values to entities."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graph.lang.ja.values import parse_date, parse_money_usd, parse_number, parse_percent


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("130億", 13_000_000_000),
        ("70億", 7_000_000_000),
        ("1兆3000億", 1_300_000_000_000),
        ("5400億", 540_000_000_000),
        ("1,000", 1000),
        ("１３０億", 13_000_000_000),  # full-width digits
        ("13B", 13_000_000_000),
        ("1兆2千億", 1_200_000_000_000),
        ("3千万", 30_000_000),
        ("数十億", None),  # vague amounts are not numbers
        ("abc", None),
    ],
)
def test_parse_number(text, value) -> None:
    assert parse_number(text) == (Decimal(value) if value is not None else None)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("100ドル", Decimal(100)),
        ("1000万ドル", Decimal(10_000_000)),
        ("$300", Decimal(300)),
        ("300米ドル", Decimal(300)),
        ("1,200ドル", Decimal(1200)),
        ("100円", None),  # not US dollars
        ("100", None),
    ],
)
def test_parse_money_usd(text, value) -> None:
    assert parse_money_usd(text) == value


def test_parse_percent() -> None:
    assert parse_percent("92%") == Decimal("0.92")
    assert parse_percent("７６％") == Decimal("0.76")
    assert parse_percent("92") is None


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("2024年3月21日", ("2024-03-21", "date")),
        ("2023年01月24日", ("2023-01-24", "date")),
        ("2023年3月", ("2023-03", "gYearMonth")),
        ("2022年", ("2022", "gYear")),
        ("3月21日", None),  # no year: not a date we can type
    ],
)
def test_parse_date(text, parsed) -> None:
    assert parse_date(text) == parsed


def attributes(facts) -> set[tuple[str, str, str]]:
    return {(a.subject, a.property, str(a.value)) for a in facts.attributes}


def test_parameter_count_from_text_and_name(read_facts) -> None:
    facts = read_facts("Alibaba社の言語モデル「Qwen-72B」は720億のパラメータを持つ。")
    assert ("qwen-72b", "parameterCount", "72000000000") in attributes(facts)


@pytest.mark.parametrize(
    ("text", "subject", "value"),
    [
        ("ヒノデ研究所の「Kaede-2」は340億パラメータであるが、軽い。", "kaede-2", "34000000000"),
        ("モデル「Suzu」は約80億パラメータとなっている。", "suzu", "8000000000"),
        ("「Kaede-2」が120億パラメータで、「Suzu」は30億パラメータだ。", "suzu", "3000000000"),
    ],
)
def test_parameter_count_as_the_predicate_of_its_topic(read_facts, text, subject, value) -> None:
    assert (subject, "parameterCount", value) in attributes(read_facts(text))


def test_parameter_count_needs_a_model_owner(read_facts) -> None:
    facts = read_facts("私たちは5400億のパラメーターで運用している。")
    assert not [a for a in facts.attributes if a.property == "parameterCount"]


def test_cost_is_read_for_a_model_and_not_for_an_investment(read_facts) -> None:
    cost = read_facts("「TinyLlama-1.1B」は300ドルで学習できた。")
    assert ("tinyllama-1.1b", "trainingCost", "300") in attributes(cost)
    invest = read_facts("Microsoftは「Phi-3」に関連してOpenAIに100億ドルを投資した。")
    assert not [a for a in invest.attributes if a.property == "trainingCost"]


def test_relative_quality_keeps_the_baseline(read_facts) -> None:
    facts = read_facts("GPT-4を100%とした場合、「Mixtral-8x7B」が85%、「Gemma-7B」は70%だった。")
    found = attributes(facts)
    assert ("mixtral-8x7b", "relativeQuality", "0.85") in found
    assert ("gemma-7b", "relativeQuality", "0.7") in found
    quality = next(
        a for a in facts.attributes if a.subject == "gemma-7b" and a.property == "relativeQuality"
    )
    assert quality.baseline == "gpt-4"


def test_release_date_binds_to_the_release_verb(read_facts) -> None:
    facts = read_facts("Anthropicは2024年3月4日、大規模言語モデル「Claude 3」を発表した。")
    assert ("claude-3", "releaseDate", "2024-03-04") in attributes(facts)
    ranged = read_facts("2022年から2023年にかけて、OpenAIが「GPT-4」を発表した。")
    assert not [a for a in ranged.attributes if a.property == "releaseDate"]


def test_release_date_carries_to_a_cleft_in_the_next_sentence(read_facts) -> None:
    facts = read_facts(
        "サイバーエージェントは2024年7月1日、新しいモデルを公開した。公開したのは「CyberAgentLM3-22B」だ。"
    )
    assert ("cyberagentlm3-22b", "releaseDate", "2024-07-01") in attributes(facts)


# --------------------------------------------------------------------------------------
# Relative dates (tests/test_ja_forms.py, form 9): 同日, 同年9月 and a bare 3月3日 take
# what they lack from the last full date before them; 同日から公開 is a release, a period
# (…から…まで) is not. Invented names, wording of our own.
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "subject", "date"),
    [
        pytest.param(
            "ハヤブサ電機は2024年5月10日、新工場の稼働を発表した。"
            "同日、Tovrin AIは「Kite-13B」を公開した。",
            "kite-13b",
            "2024-05-10",
            id="same-day-other-company",
        ),
        pytest.param(
            "ミカゲ技研は2022年10月4日に設立された。同日、最初のモデル「Hotaru-7B」をリリースした。",
            "hotaru-7b",
            "2022-10-04",
            id="same-day-after-founding",
        ),
        pytest.param(
            "モエギ技研は2023年2月に「Nami-1」を発表した。同年9月には後継の「Nami-2」を公開した。",
            "nami-2",
            "2023-09",
            id="same-year-month",
        ),
        pytest.param(
            "Larchmere Forgeは2021年3月に設立された。同年11月、同社は「Beacon-3B」を公開した。",
            "beacon-3b",
            "2021-11",
            id="same-year-month-fronted",
        ),
        pytest.param(
            "Fennick Labsは2022年4月に設立された。2023年6月2日に初の製品を発表した。"
            "同年10月には「Scrivo-2」を公開した。",
            "scrivo-2",
            "2023-10",
            id="same-year-is-the-last-year",
        ),
        pytest.param(
            "モエギ技研は2025年1月20日に新体制を発表した。3月3日には画像モデル「Kagerou-XL」を公開した。",
            "kagerou-xl",
            "2025-03-03",
            id="month-day-takes-the-year",
        ),
        pytest.param(
            "モエギ技研は2023年11月1日に設立された。2024年1月15日に資金調達を発表した。3月3日には「Nami-3」を公開した。",
            "nami-3",
            "2024-03-03",
            id="month-day-takes-the-last-year",
        ),
        pytest.param(
            "Northwind AIは2024年8月1日に新戦略を発表した。「Tamago-3B」は同日から公開されている。",
            "tamago-3b",
            "2024-08-01",
            id="released-from-the-same-day",
        ),
    ],
)
def test_relative_date_is_a_release_date(read_facts, text, subject, date) -> None:
    assert (subject, "releaseDate", date) in attributes(read_facts(text))


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        pytest.param(
            "Tovrin AIは2024年6月1日に計画を発表した。"
            "「Kite-13B」は6月10日から6月30日まで試験公開された。",
            "kite-13b",
            id="period-of-days",
        ),
        pytest.param(
            "ミカゲ技研は2022年に設立された。「Hotaru-7B」は同年9月から12月まで限定公開された。",
            "hotaru-7b",
            id="period-of-months",
        ),
        pytest.param(
            "同日、Tovrin AIは「Kite-13B」を公開した。", "kite-13b", id="same-day-of-nothing"
        ),
        pytest.param(
            "モエギ技研は2023年2月に「Nami-1」を発表した。同年9月には後継の「Nami-2」の公開を延期した。",
            "nami-2",
            id="postponed",
        ),
        pytest.param(
            "モエギ技研は2024年5月10日、計画を発表した。同日から「Nami-3」の公開を延期する。",
            "nami-3",
            id="postponed-from-the-same-day",
        ),
    ],
)
def test_relative_date_without_a_release_stays_silent(read_facts, text, subject) -> None:
    found = {a for a in read_facts(text).attributes if a.property == "releaseDate"}
    assert not [a for a in found if a.subject == subject], sorted(str(a.value) for a in found)


def test_release_date_of_a_release_noun(read_facts) -> None:
    """``「X」は、2023年5月の公開から…``: the date of a release noun dates the model that is
    the sentence's topic."""
    facts = read_facts("対話AI「Hoshimi」は、2023年5月の公開から半年で利用者が倍増した。")
    assert ("hoshimi", "releaseDate", "2023-05") in attributes(facts)


def test_date_in_figures_is_a_date() -> None:
    assert parse_date("2023/5/17") == ("2023-05-17", "date")
    assert parse_date("2024.03.21") == ("2024-03-21", "date")
    assert parse_date("2023/13/40") is None


@pytest.mark.parametrize(
    ("text", "subject", "value"),
    [
        # a count with a kanji thousand inside a larger unit
        (
            "ヒノデ研究所の「Kaede-3」は1兆2千億パラメーターの言語モデルだ。",
            "kaede-3",
            "1200000000000",
        ),
        # an aside in brackets between the count and its verb
        (
            "「Kaede-3」は2兆個のパラメータ(1トークンあたり400億個がアクティブ)を持つ。",
            "kaede-3",
            "2000000000000",
        ),
        # a total of which only part is active
        (
            "「Suzu-2」は約5000億個のパラメータのうち、約300億個のパラメータのみを使う。",
            "suzu-2",
            "500000000000",
        ),
        # a size in figures before a model noun, without the word パラメータ
        ("ヒノデ研究所は、33Bの日本語LLM「Tsumugi」を公開した。", "tsumugi", "33000000000"),
        ("「Tsumugi」は33Bの日本語LLMだ。", "tsumugi", "33000000000"),
    ],
)
def test_parameter_count_forms_of_news(read_facts, text, subject, value) -> None:
    assert (subject, "parameterCount", value) in attributes(read_facts(text))


def test_a_size_before_a_model_noun_needs_a_size_unit(read_facts) -> None:
    facts = read_facts("ヒノデ研究所は、33の日本語LLM「Tsumugi」を比べた。")
    assert not [a for a in facts.attributes if a.property == "parameterCount"]
    spent = read_facts("ヒノデ研究所は、33B円のLLM「Tsumugi」への投資を決めた。")
    assert not [a for a in spent.attributes if a.property == "parameterCount"]
