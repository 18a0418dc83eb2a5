"""Forms that carry a participant from one sentence to the next (issue 8), each on
sentences of our own with invented names, as in tests/test_ja_forms.py: a form must give
its fact, a near miss must stay silent, a known gap is a strict xfail.

Japanese news names a participant once and then leaves it out: the next sentence's
subject, the company of a title or a founder's role, the model a score belongs to. What
is carried is the previous sentence's topic (は), or, when it has none, its theme
(Xについても), the name a noun-phrase line ends on, the name that owns its topic
(Xの特徴は), or its main clause's が/も-subject; a left-out subject takes the carried name
that can do the act (its class and the other end's class fit a pattern of the trigger).
"""

from __future__ import annotations

from tests.test_ja_forms import Triple, case, form_tests, relations_of  # noqa: F401 (fixture)

# --------------------------------------------------------------------------------------
# 60. A sentence with no topic carries its main clause's が/も-subject: the next sentence's
#     title without a company is at that company. Not a reporting outlet's, not the last
#     of a list of subjects.
# --------------------------------------------------------------------------------------
FORM_60_READS = [
    case(
        "60-main-subject-title",
        "ハヤブサ電機が、東京に新しい研究所を開設した。CEOの山本一郎氏が10日、SNSで発表した。",
        ("山本一郎", "worksFor", "ハヤブサ電機"),
    ),
    case(
        "60-main-subject-mo-anaphor",
        "提携先のアオバ商事もこの再編に賛同した。同社はミナセ技研の株式の20%を保有する。",
        ("アオバ商事", "investedIn", "ミナセ技研"),
    ),
]
FORM_60_SILENT = [
    case(
        "60-outlet-is-no-topic",
        "東邦経済新聞が、ハヤブサ電機の新工場について報じた。CEOの山本一郎氏は取材に応じた。",
        ("山本一郎", "worksFor", "東邦経済新聞"),
    ),
    case(
        "60-list-is-no-topic",
        "このラウンドには、ハヤブサ電機やアオバ商事も参加した。CEOの山本一郎氏が発表した。",
        ("山本一郎", "worksFor", "アオバ商事"),
    ),
]

# --------------------------------------------------------------------------------------
# 61. Investors named, the company they invest in left out: the company the text is
#     about. A noun glued before the event (AI投資) says what the investment is in.
# --------------------------------------------------------------------------------------
FORM_61_READS = [
    case(
        "61-investee-left-out",
        "ミナセ技研は東京のAIスタートアップだ。ハヤブサ電機が出資している。",
        ("ハヤブサ電機", "investedIn", "ミナセ技研"),
    ),
    case(
        "61-investee-left-out-list",
        "ミナセ技研は札幌の新興企業。アオバ商事や米ファンドのオルカ・キャピタルが出資している。",
        ("オルカ-キャピタル", "investedIn", "ミナセ技研"),
    ),
]
FORM_61_SILENT = [
    case(
        "61-field-investment",
        "ミナセ技研は東京のAIスタートアップだ。ハヤブサ電機も積極的にAI投資を行っている。",
        ("ハヤブサ電機", "investedIn", "ミナセ技研"),
    ),
]

# --------------------------------------------------------------------------------------
# 62. A founder's role or a title glued to a person, with no company named: at the
#     company the text is about. Not when the sentence names another company.
# --------------------------------------------------------------------------------------
FORM_62_READS = [
    case(
        "62-founder-role",
        "オルカ電機では春から幹部の退社が続いている。共同創業者の高橋健太氏は8月に退社した。",
        ("高橋健太", "founded", "オルカ電機"),
    ),
    case(
        "62-title-glued",
        "オルカ電機では春から幹部の退社が続いている。共同創業者の山本一郎社長は休暇を取得中だ。",
        ("山本一郎", "worksFor", "オルカ電機"),
    ),
]
FORM_62_SILENT = [
    case(
        "62-title-at-a-named-company",
        "ミナセ技研は新モデルを公開した。昨年アオバ商事で起きた山本一郎CEOの解任劇も話題になった。",
        ("山本一郎", "worksFor", "ミナセ技研"),
    ),
]

# --------------------------------------------------------------------------------------
# 63. What the text is about, said otherwise than by は: the name that owns the topic
#     (Xの特徴は), the theme (Xについても), the name a noun-phrase line ends on.
# --------------------------------------------------------------------------------------
FORM_63_READS = [
    case(
        "63-possessor-topic",
        "ミナセ技研は新モデル「Kiri-5」を公開した。Kiri-5の大きな特徴の1つは、高速な推論だ。"
        "Mixture of Expertsアーキテクチャを採用した。",
        ("kiri-5", "uses", "mixture-of-experts"),
    ),
    case(
        "63-noun-phrase-line",
        "世界を驚かせた新型AIモデル、「Sora-Lite」。その費用は安い。"
        "Mixture of Expertsと呼ばれる手法を用いた。",
        ("sora-lite", "uses", "mixture-of-experts"),
    ),
]

FORM_63_SILENT = [
    # a request to the reader states no fact, whatever the carried name (here the last
    # word of a line cut mid-sentence)
    case(
        "63-line-cut-mid-sentence-then-a-request",
        "ミナセ技研は新モデル「Kiri-5」を公開した。\n業務の用途で利用される場合は-Instruct\n"
        "とついているKiri-5-Instructを利用してください。",
        ("instruct", "uses", "kiri-5-instruct"),
    ),
    case(
        "63-a-request-to-the-reader-is-no-use",
        "ミナセ技研は新モデル「Kiri-5」を公開した。業務で使われる場合は-Pro\n"
        "とついているKiri-5-Proを利用してください。",
        ("ミナセ技研", "uses", "kiri-5-pro"),
    ),
]

# --------------------------------------------------------------------------------------
# 64. The left-out subject is the carried name that can do the act: a model compared with
#     a model is the model the company has just put out, not the company.
# --------------------------------------------------------------------------------------
FORM_64_READS = [
    case(
        "64-score-of-the-new-model",
        "ミナセ技研は新モデル「Kiri-5」を構築した。複数のベンチマークで「Veyra-2」を超えるスコアを"
        "獲得した。",
        ("kiri-5", "outperforms", "veyra-2"),
    ),
]
FORM_64_SILENT = [
    case(
        "64-company-does-not-outperform",
        "ミナセ技研は新モデル「Kiri-5」を構築した。複数のベンチマークで「Veyra-2」を超えるスコアを"
        "獲得した。",
        ("ミナセ技研", "outperforms", "veyra-2"),
    ),
]

# --------------------------------------------------------------------------------------
# 65. A model noun with a determiner (このモデル, 同モデル) for a model introduced without
#     that noun: the one the text is about or has just put out. Never a company.
# --------------------------------------------------------------------------------------
FORM_65_READS = [
    case(
        "65-this-model-after-topic",
        "「Sora-Lite」は100の言語に対応する。このモデルは「Veyra-2」をベースに開発された。",
        ("sora-lite", "basedOn", "veyra-2"),
    ),
    case(
        "65-same-model-after-release",
        "ミナセ技研は「Hibiki-3」を公開した。同モデルは「Veyra-2」をベースに開発された。",
        ("hibiki-3", "basedOn", "veyra-2"),
    ),
    # a model introduced as an LLM is a モデル too: the series just announced, not the model
    # an earlier line introduced as a モデル
    case(
        "65-this-model-is-the-llm-just-announced",
        "言語モデル「Hoshi-7B」を試してみる\n\nミナセ技研は6月に日本語LLM「Hoshi」シリーズを"
        "発表しました。\n\nこのモデルは「Kaze 3」シリーズをベースに開発されたモデルです。",
        ("hoshi", "basedOn", "kaze-3"),
    ),
]
FORM_65_SILENT = [
    case(
        "65-this-model-is-not-the-earlier-line",
        "言語モデル「Hoshi-7B」を試してみる\n\nミナセ技研は6月に日本語LLM「Hoshi」シリーズを"
        "発表しました。\n\nこのモデルは「Kaze 3」シリーズをベースに開発されたモデルです。",
        ("hoshi-7b", "basedOn", "kaze-3"),
    ),
    case(
        "65-this-model-is-no-company",
        "ミナセ技研は札幌の新興企業だ。このモデルは「Veyra-2」をベースに開発された。",
        ("ミナセ技研", "basedOn", "veyra-2"),
    ),
]

# --------------------------------------------------------------------------------------
# 66. Doers named and nothing done (AやBなどが導入した): what they take up is the model or
#     product the text is about. A company the text is about is no such object.
# --------------------------------------------------------------------------------------
FORM_66_READS = [
    case(
        "66-object-left-out",
        "「Kumo Enterprise」は法人向けのサービスだ。"
        "日本ではハヤブサ電機やアオバ商事などが導入した。",
        ("アオバ商事", "uses", "kumo-enterprise"),
    ),
]
FORM_66_SILENT = [
    case(
        "66-company-is-no-object",
        "ミナセ技研は札幌の新興企業だ。日本ではハヤブサ電機やアオバ商事などが導入した。",
        ("アオバ商事", "uses", "ミナセ技研"),
    ),
]

# --------------------------------------------------------------------------------------
# 67. A sentence with no topic whose predicate is a described noun (…と競合できる唯一の企業
#     とされる): the noun is the previous sentence's topic, when its type noun fits it.
# --------------------------------------------------------------------------------------
FORM_67_READS = [
    case(
        "67-described-predicate",
        "ミナセ技研は東京で2020年に創業された。大規模言語モデルの開発において、オルカ電機などと"
        "競合できる唯一の企業とされている。",
        ("ミナセ技研", "competesWith", "オルカ電機"),
    ),
]
FORM_67_SILENT = [
    case(
        "67-type-noun-of-another-class",
        "「Kiri-7」は高速な言語モデルだ。オルカ電機などと競合できる唯一の企業とされている。",
        ("kiri-7", "competesWith", "オルカ電機"),
    ),
]

# --------------------------------------------------------------------------------------
# 68. An event received from givers (Xからの出資を集める): the receiver is the verb's
#     subject, left out, the company the previous sentence spoke of; a receiver the
#     sentence names is the one.
# --------------------------------------------------------------------------------------
FORM_68_READS = [
    case(
        "68-receiver-left-out",
        "ミナセ技研は札幌の新興企業。画期的な技術を生み出し続け、ハヤブサ電機などからの出資を"
        "集めている。",
        ("ハヤブサ電機", "investedIn", "ミナセ技研"),
    ),
    case(
        "68-receiver-named",
        "ミナセ技研は札幌の新興企業。アオバ商事はハヤブサ電機などからの出資を集めている。",
        ("ハヤブサ電機", "investedIn", "アオバ商事"),
    ),
]
FORM_68_SILENT = [
    case(
        "68-receiver-is-the-named-one",
        "ミナセ技研は札幌の新興企業。アオバ商事はハヤブサ電機などからの出資を集めている。",
        ("ハヤブサ電機", "investedIn", "ミナセ技研"),
    ),
]

# --------------------------------------------------------------------------------------
# 69. A person's act toward a company left out, after a sentence about a person the text
#     has placed at a company (XのCEOのY氏は…。…に入社したZ氏も…): that company, not the
#     one spoken of before. A time with に (昨年11月に入社) is no company joined.
# --------------------------------------------------------------------------------------
FORM_69_READS = [
    case(
        "69-colleague-joins",
        "ミナセ技研はアオバ商事と提携した。アオバ商事CEOの山本一郎氏は会見で方針を示した。"
        "昨年11月に入社した高橋健太氏も同席した。",
        ("高橋健太", "worksFor", "アオバ商事"),
    ),
]
FORM_69_SILENT = [
    case(
        "69-colleague-not-at-the-earlier-company",
        "ミナセ技研はアオバ商事と提携した。アオバ商事CEOの山本一郎氏は会見で方針を示した。"
        "昨年11月に入社した高橋健太氏も同席した。",
        ("高橋健太", "worksFor", "ミナセ技研"),
    ),
]

# --------------------------------------------------------------------------------------
# 70. A line about a company's model or product (注目を集めるXの「Y」。): the company is
#     spoken of too, so the next sentence's title without a company is at it.
# --------------------------------------------------------------------------------------
FORM_70_READS = [
    case(
        "70-owner-of-the-line-model",
        "国産AIとして注目を集めるアオバ商事の「Kumo 2」。\n"
        "山本一郎社長は決算会見で「引き合いは多い」と述べた。",
        ("山本一郎", "worksFor", "アオバ商事"),
    ),
]
FORM_70_SILENT = [
    case(
        "70-title-at-a-named-company",
        "国産AIとして注目を集めるアオバ商事の「Kumo 2」。\n"
        "ミナセ技研の山本一郎社長は「脅威だ」と述べた。",
        ("山本一郎", "worksFor", "アオバ商事"),
    ),
]

READS = [
    *FORM_60_READS,
    *FORM_61_READS,
    *FORM_62_READS,
    *FORM_63_READS,
    *FORM_64_READS,
    *FORM_65_READS,
    *FORM_66_READS,
    *FORM_67_READS,
    *FORM_68_READS,
    *FORM_69_READS,
    *FORM_70_READS,
]
SILENT = [
    *FORM_60_SILENT,
    *FORM_61_SILENT,
    *FORM_62_SILENT,
    *FORM_63_SILENT,
    *FORM_64_SILENT,
    *FORM_65_SILENT,
    *FORM_66_SILENT,
    *FORM_67_SILENT,
    *FORM_68_SILENT,
    *FORM_69_SILENT,
    *FORM_70_SILENT,
]


test_form_is_read, test_near_miss_stays_silent = form_tests(READS, SILENT)
