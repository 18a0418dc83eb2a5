"""Typed values in Japanese sentences: parameter counts, training costs, relative quality.

The parsers at the top are small pure functions over strings (``parse_number("130億")``).
:class:`ValueReader` attaches a value to the model it describes by the forms Japanese
writes such values in, each a small pattern over the sentence and its names:

* parameter counts: ``Xのパラメータ数は130億``, ``Xは3140億のパラメータを持つ``,
  ``38億パラメータの軽量モデル「X」``, ``パラメータ数130億の…「X」``, ``Xは1兆2千億パラメータの
  言語モデルだ``, a total ``…個のパラメータのうち``, a size in figures before a model noun
  (``33Bの日本語LLM「X」``), a size in the name;
* training costs: ``Xの学習にかかった費用は約300ドル``, ``85ドルほどの計算費用で学習させた「X」``
  (never a funding round, a price or a valuation);
* relative quality: ``Xは「Y」の92%の品質``, ``Xの性能はYの約9割``, ``Y比で95%の…「X」``,
  ``Yを100%とした場合…Xは92%``.

Release dates are read from the frames instead (a date that dates a release verb whose
object is the model; :mod:`graph.lang.ja.reader`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from graph.canonical import size_of
from graph.lang.ja.text import fold_width

__all__ = [
    "DATE",
    "NameView",
    "Value",
    "ValueReader",
    "parse_date",
    "parse_money_usd",
    "parse_number",
    "parse_percent",
]

_UNITS = {"万": 10**4, "億": 10**8, "兆": 10**12}
_SMALL_UNITS = {"千": 1000, "百": 100}
_NUMBER = r"\d+(?:[,，]\d{3})*(?:\.\d+)?"
_SCALE_FACTORS = {"k": 10**3, "m": 10**6, "b": 10**9, "t": 10**12}
_SIZE_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*([BbMmKkTt])(?![A-Za-z])")


def parse_number(text: str) -> Decimal | None:
    """Japanese and Latin numerals: ``130億`` -> 13000000000, ``1兆3000億``, ``1,000``, ``13B``."""
    value = fold_width(text).strip().replace(",", "").replace("，", "")
    size = _SIZE_NUMBER.fullmatch(value)
    if size:
        number, unit = size.groups()
        return Decimal(round(float(number) * _SCALE_FACTORS[unit.lower()])) or None
    if not re.fullmatch(r"(?:\d+(?:\.\d+)?[千百]?[兆億万]?)+", value):
        return None
    total = Decimal(0)
    for number, small, unit in re.findall(r"(\d+(?:\.\d+)?)([千百]?)([兆億万]?)", value):
        factor = _SMALL_UNITS.get(small, 1) * (_UNITS[unit] if unit else 1)
        total += Decimal(number) * factor  # "1兆2千億": 1兆 + 2 x 1000 x 1億
    return total


_MONEY = re.compile(
    rf"(?:(?:US)?\$\s*(?P<pre>{_NUMBER}[兆億万]?)|(?P<num>(?:{_NUMBER}[兆億万]?)+)\s*(?:米ドル|ドル|USドル))"
)


def parse_money_usd(text: str) -> Decimal | None:
    """US-dollar amounts: ``100ドル``, ``1000万ドル``, ``$300``, ``300米ドル``; others -> None."""
    match = _MONEY.fullmatch(fold_width(text).strip())
    if not match:
        return None
    return parse_number(match.group("pre") or match.group("num"))


def parse_percent(text: str) -> Decimal | None:
    """``92%`` -> 0.92, ``9割`` -> 0.9."""
    value = fold_width(text).strip()
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*[%％]", value)
    if match:
        return Decimal(match.group(1)) / 100
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*割", value)
    return Decimal(match.group(1)) / 10 if match else None


DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})年(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?)?"
    # "2023/5/17", "2024.03.21": a full date in figures
    r"|(?P<fy>(?:19|20)\d{2})(?P<sep>[/.])(?P<fm>\d{1,2})(?P=sep)(?P<fd>\d{1,2})(?!\d)"
)


def parse_date(text: str) -> tuple[str, str] | None:
    """``2024年3月21日`` -> ("2024-03-21", "date"); ``2023年3月`` -> ("2023-03", "gYearMonth")."""
    match = DATE.fullmatch(fold_width(text).strip())
    if not match:
        return None
    if match.group("fy"):
        year, month, day = match.group("fy"), match.group("fm"), match.group("fd")
        if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
            return None
        return f"{year}-{int(month):02d}-{int(day):02d}", "date"
    year, month, day = match.group("y"), match.group("m"), match.group("d")
    if day:
        return f"{year}-{int(month):02d}-{int(day):02d}", "date"
    if month:
        return f"{year}-{int(month):02d}", "gYearMonth"
    return year, "gYear"


@dataclass(frozen=True)
class NameView:
    """A name as the value rules see it: clean-text offsets and its class so far."""

    start: int
    end: int  # end of its written unit (closing quote included)
    surface: str
    key: str
    canonical: str
    entity_class: str | None


@dataclass(frozen=True)
class Value:
    subject: NameView
    property: str
    value: int | Decimal | str
    datatype: str
    raw_text: str
    method: str
    confidence: float
    span: tuple[int, int]  # clean-text offsets of the value
    unit: str | None = None
    baseline: NameView | None = None


_COUNT = (
    rf"(?:約|およそ|最大)?"
    rf"(?P<num>\d+(?:\.\d+)?[BMT](?![A-Za-z])|(?:{_NUMBER}[千百]?[兆億万]?)+)(?:個)?"
)
_PARAMS = r"(?:パラメーター|パラメータ)"
_PARAMETER_FORMS = (
    # Xのパラメータ数は130億 / Xは…パラメータ規模が7B
    ("of", re.compile(rf"{_PARAMS}(?:数|規模|のサイズ|の数)?(?:は|が|:|：)\s*{_COUNT}")),
    # 3140億のパラメータを持つ / 38億パラメータの…「X」
    ("count", re.compile(rf"{_COUNT}の?{_PARAMS}")),
    # パラメータ数130億の…「X」
    ("leading", re.compile(rf"{_PARAMS}(?:数|規模)\s*{_COUNT}(?=の|を|で)")),
    # 33Bの日本語LLM「X」, Xは33Bモデルだ: a size in figures before a model noun
    (
        "sized",
        re.compile(
            r"(?P<num>\d+(?:\.\d+)?[BMT])(?![A-Za-z])の?"
            r"(?:日本語|英語|多言語|大規模|小型|軽量|汎用|オープン)?"
            r"(?=大規模言語モデル|言語モデル|LLM|SLM|モデル)"
        ),
    ),
)
# A total of which a part follows (…個のパラメータのうち、…) describes the clause's topic.
_TOPIC_AFTER = re.compile(r"のうち")
_OF_MODEL_NOUN = re.compile(
    r"の(?:[^。、「」]{0,8}?)(?:大規模言語モデル|言語モデル|LLM|SLM|モデル)"
)
_PARAMS_RE = re.compile(_PARAMS)
# A count that ends its clause as its predicate: …パラメータだ/である/で、/となっている/。
_PREDICATE_END = re.compile(
    r"(?:規模)?(?:だ|で|です|である|となる|となっ|となり|になる|になっ|に上る|に達する|、|。|$)"
)
_TRAINED = re.compile(r"ドルで(?:学習|訓練|トレーニング|開発)")
_MONEY_IN_TEXT = re.compile(
    rf"(?:(?:US)?\$\s*{_NUMBER}[兆億万]?|(?:{_NUMBER}[兆億万]?)+\s*(?:米ドル|ドル))"
)
_COST_WORDS = re.compile(
    r"(?:学習|訓練|トレーニング|開発|計算)(?:に|の)?(?:かかった|要した|かけた|必要な)?(?:費用|コスト)|(?:計算|学習|訓練)(?:費用|コスト)"
)
_NOT_COST = re.compile(
    r"月額|価格|料金|売上|評価額|出資|投資|調達|買収|時価総額|収益|資金|利用料|年収|報酬"
)
_PERCENT = r"(?:約|およそ)?(?P<pct>\d+(?:\.\d+)?\s*[%％]|\d+(?:\.\d+)?\s*割)"
_QUALITY_NOUNS = r"(?:品質|性能|精度|スコア|水準|能力|回答精度|正答率|性能水準)"
# Xは「Y」の92%の品質に達した / Xの性能はYの約9割に相当する / XがYの8割程度の性能を示した
_OF_BASELINE = re.compile(
    rf"^[」』]?の{_PERCENT}(?:程度|前後|ほど)?(?:の{_QUALITY_NOUNS}|に(?:達|相当|到達|迫)|を(?:達成|記録|実現))"
)
# 「Y」比で95%の回答精度を持つ…「X」
_RATIO_TO = re.compile(rf"^[」』]?比で?{_PERCENT}")
_MODEL_CLASSES = ("AIModel", "Product")


class ValueReader:
    """Reads the values of one sentence; keeps the last model named, for the next one."""

    def __init__(self) -> None:
        self.last_model: NameView | None = None

    def read(self, text: str, names: list[NameView]) -> list[Value]:
        text = fold_width(text)
        models = [n for n in names if n.entity_class in _MODEL_CLASSES]
        out: list[Value] = []
        out += self._sizes_in_names(models)
        out += self._parameters(text, models)
        out += self._costs(text, models)
        out += self._quality(text, names)
        if models:
            self.last_model = models[-1]
        return out

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def _before(models: list[NameView], position: int) -> NameView | None:
        earlier = [m for m in models if m.end <= position]
        return earlier[-1] if earlier else None

    @staticmethod
    def _after(
        models: list[NameView], text: str, position: int, limit: int = 30, clause: bool = False
    ) -> NameView | None:
        """The first model named after ``position`` in the noun phrase the value modifies
        (``clause``: through a relative clause, ``…を持つ小型モデル「X」``)."""
        stops = r"[。、は]" if clause else r"[。、はがを]"
        for model in models:
            gap = text[position : model.start]
            if model.start >= position and len(gap) <= limit and not re.search(stops, gap):
                return model
        return None

    @staticmethod
    def _subject_right_before(models: list[NameView], text: str, position: int) -> NameView | None:
        """The model whose は/が/も the value follows at once (``Xは70億パラメータ``)."""
        for model in models:
            if model.end <= position and re.fullmatch(
                r"[」』]?(?:は|が|も)、?\s*", text[model.end : position]
            ):
                return model
        return None

    @staticmethod
    def _topic(models: list[NameView], text: str, position: int) -> NameView | None:
        for model in models:
            if model.end <= position and re.match(r"[」』]?(?:は|が|も)", text[model.end :]):
                return model
        return None

    # ------------------------------------------------------------------ parameters
    def _sizes_in_names(self, models: list[NameView]) -> list[Value]:
        out = []
        for model in models:
            size = size_of(model.canonical)
            if size:
                out.append(
                    Value(
                        model,
                        "parameterCount",
                        size,
                        "integer",
                        model.surface,
                        "attribute:parameter-count/name",
                        0.9,
                        (model.start, model.end),
                    )
                )
        return out

    def _parameters(self, text: str, models: list[NameView]) -> list[Value]:
        out = []
        for form, regex in _PARAMETER_FORMS:
            for match in regex.finditer(text):
                value = parse_number(match.group("num"))
                if value is None or value < 10**6:
                    continue
                owner = None
                if form == "of":
                    owner = self._before(models, match.start())
                    if owner is not None and not re.fullmatch(
                        r"[」』]?(?:の|は、?|が)", text[owner.end : match.start()]
                    ):
                        owner = self._topic(models, text, match.start()) or owner
                elif form == "sized":
                    owner = self._sized_owner(models, text, match)
                else:
                    after = text[match.end() :]
                    owner = (
                        self._after(models, text, match.end()) if after.startswith("の") else None
                    )
                    if owner is None and _TOPIC_AFTER.match(after):
                        owner = self._topic(models, text, match.start())
                    noun = _OF_MODEL_NOUN.match(after)
                    if owner is None and noun and _PREDICATE_END.match(after[noun.end() :]):
                        # "Xは1兆2千億パラメーターの言語モデルだ": the topic is that model
                        owner = self._subject_right_before(models, text, match.start())
                    if owner is None and re.match(
                        r"を(?:持つ|持ち|備える|備え|有する|誇る)", after
                    ):
                        owner = self._topic(models, text, match.start()) or self._before(
                            models, match.start()
                        )
                    if owner is None and _PREDICATE_END.match(after):
                        # "GPT-3は1750億パラメータであるが": the count is what the topic is.
                        owner = self._subject_right_before(models, text, match.start())
                if owner is None:
                    continue
                out.append(
                    Value(
                        owner,
                        "parameterCount",
                        int(value),
                        "integer",
                        match.group(0),
                        f"attribute:parameter-count/{form}",
                        0.8,
                        match.span("num"),
                    )
                )
        return out

    def _sized_owner(
        self, models: list[NameView], text: str, match: re.Match[str]
    ) -> NameView | None:
        """The model a "33Bの日本語LLM" phrase is: the name the noun leads to, or the topic
        when the phrase is the predicate (``Xは33BのLLMだ``)."""
        noun = re.match(r"(?:大規模言語モデル|言語モデル|LLM|SLM|モデル)", text[match.end() :])
        end = match.end() + (noun.end() if noun else 0)
        owner = self._after(models, text, end, limit=2)
        if owner is None and _PREDICATE_END.match(text[end:]):
            owner = self._subject_right_before(models, text, match.start())
        return owner

    # ------------------------------------------------------------------ costs
    def _costs(self, text: str, models: list[NameView]) -> list[Value]:
        if _NOT_COST.search(text) or not (
            _COST_WORDS.search(text) or _PARAMS_RE.search(text) or _TRAINED.search(text)
        ):
            return []
        out = []
        for match in _MONEY_IN_TEXT.finditer(text):
            value = parse_money_usd(match.group(0))
            if value is None:
                continue
            before, after = text[: match.start()], text[match.end() :]
            owner = None
            words = _COST_WORDS.search(before[-25:])
            if words:  # Xの学習にかかった費用は約300ドル
                owner = self._before(models, match.start())
            elif re.match(
                r"(?:ほど|程度|前後|以下|未満)?の(?:計算|学習|訓練)?(?:費用|コスト)で", after
            ):
                owner = self._after(models, text, match.end(), limit=40, clause=True)
            elif re.match(r"(?:ほど|程度)?で(?:学習|訓練|トレーニング|開発)", after):
                # "「TinyLlama-1.1B」は300ドルで学習できた"
                owner = self._topic(models, text, match.start())
            elif re.match(rf"と{_COUNT}の?{_PARAMS}で", after):
                # "Vicuna-13Bは100ドルと130億のパラメーターで": the cost and the size it took
                owner = self._before(models, match.start())
                if owner is not None and not re.fullmatch(
                    r"[」』]?(?:は|が)(?:わずか|たった|約)?", text[owner.end : match.start()]
                ):
                    owner = None
            if owner is None:
                continue
            out.append(
                Value(
                    owner,
                    "trainingCost",
                    value,
                    "decimal",
                    match.group(0),
                    "attribute:cost",
                    0.75,
                    match.span(),
                    unit="USD",
                )
            )
        return out

    # ------------------------------------------------------------------ relative quality
    def _quality(self, text: str, names: list[NameView]) -> list[Value]:
        models = [n for n in names if n.entity_class in _MODEL_CLASSES or n.entity_class is None]
        out: list[Value] = []
        # "Yを100%とした場合…Xは92%": the baseline is named as such, the models after it are rated.
        baseline = next(
            (
                m
                for m in models
                if re.match(r"[」』]?(?:を|が)100\s*[%％]\s*と(?:した|する|して)", text[m.end :])
            ),
            None,
        )
        if baseline is not None:
            out.append(
                Value(
                    baseline,
                    "relativeQuality",
                    Decimal("1.0"),
                    "decimal",
                    "100%",
                    "attribute:relative-quality/baseline",
                    0.7,
                    (baseline.start, baseline.end),
                    baseline=baseline,
                )
            )
            for model in models:
                if model.start <= baseline.start:
                    continue
                match = re.match(
                    rf"[」』]?(?:が|は|の{_QUALITY_NOUNS}(?:は|が))\s*{_PERCENT}", text[model.end :]
                )
                if match:
                    out.append(self._rated(model, baseline, match, model.end))
        for base in models:
            rest = text[base.end :]
            match = _OF_BASELINE.match(rest)
            if match:
                subject = self._rated_subject(text, models, base)
                if subject is not None:
                    out.append(self._rated(subject, base, match, base.end))
                continue
            match = _RATIO_TO.match(rest)
            if match:
                others = [m for m in models if m is not base]
                subject = self._after(others, text, base.end + match.end(), limit=40, clause=True)
                if subject is not None:
                    out.append(self._rated(subject, base, match, base.end))
        return out

    @staticmethod
    def _rated_subject(text: str, models: list[NameView], base: NameView) -> NameView | None:
        """The model compared with ``base``: the topic or subject before it in the sentence."""
        for model in models:
            if model is base or model.end > base.start:
                continue
            between = text[model.end : base.start]
            if re.match(rf"[」』]?(?:は|が|の{_QUALITY_NOUNS}(?:は|が))", between):
                return model
        return None

    @staticmethod
    def _rated(model: NameView, base: NameView, match: re.Match[str], offset: int) -> Value:
        value = parse_percent(match.group("pct"))
        assert value is not None
        start, end = offset + match.start("pct"), offset + match.end("pct")
        return Value(
            model,
            "relativeQuality",
            value,
            "decimal",
            match.group("pct"),
            "attribute:relative-quality",
            0.8,
            (start, end),
            baseline=base,
        )
