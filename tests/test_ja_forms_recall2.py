"""Forms chosen by how often their failures recur across all studied Japanese batches (not
by the newest batch), each on sentences of our own with invented names, as in
tests/test_ja_forms.py: a form must give its fact, a near miss must stay silent.
"""

from __future__ import annotations

from tests.test_ja_forms import Triple, case, form_tests, relations_of  # noqa: F401 (fixture)

# --------------------------------------------------------------------------------------
# 81. A headline that opens with its subject and a comma and ends on an event noun with a
#     name glued before it (アリババ、新型AI「Qwen-X」発表; Xと Y、「Z」公開): the noun is the
#     verb and the glued name its object; subjects joined by と open it together.
# --------------------------------------------------------------------------------------
FORM_81_READS = [
    case(
        "81-glued-name-released",
        "オルカテック、新型推論AI「Kiri-Max」発表 最高水準の性能",
        ("オルカテック", "developed", "kiri-max"),
    ),
    case(
        "81-two-subjects-joined-by-to",
        "ミナセ技研とアオバ大学、日本語に強いLLM「Tsuki」公開",
        ("アオバ大学", "developed", "tsuki"),
    ),
    case(
        "81-two-subjects-first",
        "ミナセ技研とアオバ大学、日本語に強いLLM「Tsuki」公開",
        ("ミナセ技研", "developed", "tsuki"),
    ),
    case(
        "81-glued-company-bought",
        "米オルカテック、ミナセ技研買収",
        ("オルカテック", "acquired", "ミナセ技研"),
    ),
]
FORM_81_SILENT = [
    case(
        "81-release-put-off",
        "ミナセ技研、新型LLM「Tsuki」公開を見送り",
        ("ミナセ技研", "developed", "tsuki"),
    ),
    case(
        "81-glued-name-is-not-the-doer",
        "米オルカテック、ミナセ技研買収",
        ("ミナセ技研", "acquired", "オルカテック"),
    ),
]

# --------------------------------------------------------------------------------------
# 82. A tuned-model noun naming its method (Xの日本語継続事前学習モデル「Y」, Xの追加学習版
#     「Y」): Y uses that method as well as being tuned from X.
# --------------------------------------------------------------------------------------
FORM_82_READS = [
    case(
        "82-continued-pretraining-model",
        "オルカテック、「Kiri 2」の日本語継続事前学習モデル「Aoi 7B」を公開",
        ("aoi-7b", "uses", "continued-pretraining"),
    ),
    case(
        "82-additional-training-edition",
        "ミナセ技研は、「Hoshi-3」の追加学習版「Tsuki」を公開した。",
        ("tsuki", "uses", "additional-training"),
    ),
]
FORM_82_SILENT = [
    case(
        "82-plain-japanese-edition-names-no-method",
        "「Kiri 2」の日本語版モデル「Aoi 7B」を試す",
        ("aoi-7b", "uses", "continued-pretraining"),
    ),
    case(
        "82-base-does-not-use-the-method",
        "オルカテック、「Kiri 2」の日本語継続事前学習モデル「Aoi 7B」を公開",
        ("kiri-2", "uses", "continued-pretraining"),
    ),
]

# --------------------------------------------------------------------------------------
# 83. A katakana company name with a katakana company-name ending (…システムズ, …・コンピュー
#     ティング, …・ホールディングス) is written later without it (シスコ, アーム): the same
#     company. A short core (two characters) names nothing.
# --------------------------------------------------------------------------------------
FORM_83_READS = [
    case(
        "83-short-name-has-an-officer",
        "ミナセ技研は、米オルカ・コンピューティングを買収すると発表した。"
        "オルカの山田太郎社長は歓迎した。",
        ("山田太郎", "worksFor", "オルカ-コンピューティング"),
    ),
    case(
        "83-short-name-made-a-product",
        "米ハヤテシステムズとミナセ技研が提携した。"
        "ハヤテが3月から提供を始めた新サービス「Kaze Guard」が中心となる。",
        ("ハヤテシステムズ", "developed", "kaze-guard"),
    ),
]
FORM_83_SILENT = [
    case(
        "83-other-company-is-not-the-short-name",
        "米ハヤテシステムズとミナセ技研が提携した。"
        "ミナセ技研が3月から提供を始めた新サービス「Kaze Guard」が中心となる。",
        ("ハヤテシステムズ", "developed", "kaze-guard"),
    ),
]

READS = [*FORM_81_READS, *FORM_82_READS, *FORM_83_READS]
SILENT = [*FORM_81_SILENT, *FORM_82_SILENT, *FORM_83_SILENT]


test_form_is_read, test_near_miss_stays_silent = form_tests(READS, SILENT)
