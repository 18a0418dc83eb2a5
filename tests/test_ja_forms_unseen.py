"""Forms the Japanese reader learnt from unseen news (batches 6 and 7 of the blind articles),
each on sentences of our own with invented names, as in tests/test_ja_forms.py: a form
must give its fact, a near miss must stay silent, a known gap is a strict xfail.
"""

from __future__ import annotations

from tests.test_ja_forms import Triple, case, form_tests, relations_of  # noqa: F401 (fixture)

# --------------------------------------------------------------------------------------
# 41. A receiving verb (Xから出資を受ける) whose receiver the sentence leaves out: the
#     receiver is the company the text is about, found like a left-out subject.
# --------------------------------------------------------------------------------------
FORM_41_READS = [
    case(
        "41-receiver-left-out",
        "ミナセ技研は東京の新興企業。きのう、米半導体大手「オルカテック」から出資を受けることに"
        "なったと発表した。",
        ("オルカテック", "investedIn", "ミナセ技研"),
    ),
]
FORM_41_SILENT = [
    case(
        "41-receiver-is-not-the-giver",
        "ミナセ技研は東京の新興企業。きのう、米半導体大手「オルカテック」から出資を受けることに"
        "なったと発表した。",
        ("ミナセ技研", "investedIn", "オルカテック"),
    ),
]

# --------------------------------------------------------------------------------------
# 42. A company, a dot and a person with a title (トヨタ・豊田章男社長, Sakana AI・伊藤錬COO):
#     two names, the person works there. Two titles joined by 兼 end the name.
# --------------------------------------------------------------------------------------
FORM_42_READS = [
    case(
        "42-kanji-company-dot-person",
        "ハヤブサ電機・鈴木一郎社長は「協業を急ぐ」と述べた。",
        ("鈴木一郎", "worksFor", "ハヤブサ電機"),
    ),
    case(
        "42-latin-company-dot-person",
        "Tovrin AI・佐藤花子最高執行責任者は記者会見で述べた。",
        ("佐藤花子", "worksFor", "tovrin-ai"),
    ),
    case(
        "42-two-titles",
        "ハヤブサ電機の鈴木一郎会長兼社長は述べた。",
        ("鈴木一郎", "worksFor", "ハヤブサ電機"),
    ),
]

# --------------------------------------------------------------------------------------
# 43. An aside after a person naming an organization, with or without a title
#     (鈴木一郎氏（ミナセ技研CEO）, 山田花子教授（アオバ大学）): where the person works.
# --------------------------------------------------------------------------------------
FORM_43_READS = [
    case(
        "43-aside-company-and-title",
        "鈴木一郎氏（ミナセ技研CEO）は、生成AIの普及について講演した。",
        ("鈴木一郎", "worksFor", "ミナセ技研"),
    ),
    case(
        "43-aside-university",
        "山田花子教授（アオバ大学）は、新しい学習手法を発表した。",
        ("山田花子", "worksFor", "アオバ大学"),
    ),
]

# --------------------------------------------------------------------------------------
# 44. A short name defined in an aside (株式会社X（以下、Y社）) names X from then on.
# --------------------------------------------------------------------------------------
FORM_44_READS = [
    case(
        "44-defined-short-name",
        "当社は、株式会社ミナセラボ（以下、ミナセ社）と業務提携した。ミナセ社は、画像生成AI"
        "「Kiri」を開発している。",
        ("ミナセラボ", "developed", "kiri"),
    ),
]

# --------------------------------------------------------------------------------------
# 45. Shares bought and then control (Xの株式を取得して連結子会社化する): one acquisition.
# --------------------------------------------------------------------------------------
FORM_45_READS = [
    case(
        "45-shares-then-subsidiary",
        "ミズホ社は、アオバ技研の株式を取得して連結子会社化することを決議した。",
        ("ミズホ", "acquired", "アオバ技研"),
    ),
]
FORM_45_SILENT = [
    case(
        "45-no-investment-beside-it",
        "ミズホ社は、アオバ技研の株式を取得して連結子会社化することを決議した。",
        ("ミズホ", "investedIn", "アオバ技研"),
    ),
]

# --------------------------------------------------------------------------------------
# 46. A city acting with companies (A、B、横浜市は…と連携) is a party; a city as a place is not.
# --------------------------------------------------------------------------------------
FORM_46_READS = [
    case(
        "46-city-in-a-list-of-parties",
        "ハヤブサ電機、アオバ技研、横浜市は、ミナセ技研と連携すると発表した。",
        ("横浜市", "partneredWith", "ミナセ技研"),
    ),
]
FORM_46_SILENT = [
    case(
        "46-city-as-a-place",
        "ハヤブサ電機は、横浜市に新しい開発拠点を置くと発表した。",
        ("ハヤブサ電機", "partneredWith", "横浜市"),
    ),
]

# --------------------------------------------------------------------------------------
# 47. One sentence is one piece of class evidence: a company that fine-tunes a model in
#     one sentence (read by three overlapping frames) and releases it in another stays a
#     company.
# --------------------------------------------------------------------------------------
_PICASSO = (
    "画像生成サービスを運営するAoba Pixは、「Kiri」を無償公開した。Kiriは、モエギ技研が開発"
    "する「Orca XL」をベースにAoba Pixが追加学習をし、イラストに特化した画像生成モデルだ。"
)
FORM_47_READS = [
    case("47-company-stays-a-company", _PICASSO, ("aoba-pix", "developed", "kiri")),
    case("47-the-model-is-built-on-its-base", _PICASSO, ("kiri", "basedOn", "orca-xl")),
]
FORM_47_SILENT = [
    case("47-the-company-is-no-model", _PICASSO, ("aoba-pix", "fineTunedFrom", "orca-xl")),
]

# --------------------------------------------------------------------------------------
# 48. A title with a modifier (チーフサイエンティスト) is a title; the one appointed to it
#     (XをYのTITLEに任命) holds it at Y.
# --------------------------------------------------------------------------------------
FORM_48_READS = [
    case(
        "48-appointed-to-a-title",
        "ミズホ社は、鈴木一郎氏をアオバ研究所のチーフサイエンティストに任命した。",
        ("鈴木一郎", "worksFor", "アオバ研究所"),
    ),
]
FORM_48_SILENT = [
    case(
        "48-modifier-is-no-person",
        "ミズホ社は、鈴木一郎氏をアオバ研究所のチーフサイエンティストに任命した。",
        ("チーフ", "worksFor", "アオバ研究所"),
    ),
]

# --------------------------------------------------------------------------------------
# 49. Hiring verbs (雇い入れる, 登用) and a counted list of people (A氏、B氏、C氏の3人).
# --------------------------------------------------------------------------------------
FORM_49_READS = [
    case(
        "49-hired-from-a-rival",
        "ミズホ社は、アオバ技研からTom Hale氏を雇い入れた。",
        ("tom-hale", "worksFor", "ミズホ"),
    ),
    case(
        "49-counted-people",
        "ミズホ社は、Tom Hale氏、Ann Lee氏、Bo Chen氏の3人を起用した。",
        ("bo-chen", "worksFor", "ミズホ"),
    ),
]

# --------------------------------------------------------------------------------------
# 50. Comparisons: より / と比べて mark what is compared with; a word of degree on a measure
#     (高い性能, 性能が高い) compares whose measure it is; Xの性能を上回る compares X.
# --------------------------------------------------------------------------------------
FORM_50_READS = [
    case(
        "50-yori", "「Aoba-7B」は「Kiri-2」より優れている。", ("aoba-7b", "outperforms", "kiri-2")
    ),
    case(
        "50-to-kurabete-measure",
        "「Aoba-7B」は、「Kiri-2」と比べて高い性能を示した。",
        ("aoba-7b", "outperforms", "kiri-2"),
    ),
    case(
        "50-measure-of-the-object",
        "「Aoba-7B」が「Kiri-2」の性能を初めて上回った。",
        ("aoba-7b", "outperforms", "kiri-2"),
    ),
]
FORM_50_SILENT = [
    case(
        "50-good-at-is-no-comparison",
        "「Aoba-7B」は特に「推論能力」に優れている。",
        ("aoba-7b", "outperforms", "推論能力"),
    ),
    case(
        "50-a-place-is-not-beaten",
        "「Aoba-7B」は「Orca Arena」において「Kiri-2」を上回った。",
        ("aoba-7b", "outperforms", "orca-arena"),
    ),
    case(
        "50-degree-without-comparison",
        "「Aoba-7B」は高い性能を示した。「Kiri-2」も公開された。",
        ("aoba-7b", "outperforms", "kiri-2"),
    ),
]

# --------------------------------------------------------------------------------------
# 51. Chinese company names: a kanji word glossed with its reading (京選(ジンシュエン)),
#     之 inside a name, the core name written later without city and ending.
# --------------------------------------------------------------------------------------
FORM_51_READS = [
    case(
        "51-glossed-kanji-name",
        "中国の通販最大手の京選(ジンシュエン)は、AIスタートアップの上海星河科技を買収した。",
        ("京選", "acquired", "上海星河科技"),
    ),
    case(
        "51-core-name-later",
        "北京星河之光科技は中国のAIスタートアップ。星河之光は4月、深セン雲帆科技を買収した。",
        ("北京星河之光科技", "acquired", "深セン雲帆科技"),
    ),
]

# --------------------------------------------------------------------------------------
# 52. 株式会社 after a particle opens the name after it; a katakana type word goes on a
#     katakana name; a company-name ending inside the run ends the name.
# --------------------------------------------------------------------------------------
FORM_52_READS = [
    case(
        "52-kabushiki-after-a-particle",
        "画像生成AIモデル「Kiri」を株式会社オルカエンジンが公開した。",
        ("オルカエンジン", "developed", "kiri"),
    ),
    case(
        "52-ending-inside-the-run",
        "新潟県に本社を置く株式会社越後生成AI研究所と、株式会社ミナセ技研が協定を締結した。",
        ("越後生成ai研究所", "partneredWith", "ミナセ技研"),
    ),
]

# --------------------------------------------------------------------------------------
# 53. A list of possessed names stops at a member with its own possessor
#     (AのX、Y、BのZ: Z is B's, not A's).
# --------------------------------------------------------------------------------------
FORM_53_SILENT = [
    case(
        "53-member-with-its-own-possessor",
        "有名なモデルとしてミズホ社の「Kiri-1」や「Kiri-2」、アオバ技研の「Orca 2」がある。",
        ("ミズホ", "developed", "orca-2"),
    ),
]

# --------------------------------------------------------------------------------------
# 54. A katakana name glossed with its Latin spelling (マヌス（Manus）) is a name; a katakana
#     word after a company type noun and の (ベンチャーキャピタルのベンチマーク) names the
#     company even when the dictionary knows it as a common word.
# --------------------------------------------------------------------------------------
FORM_54_READS = [
    case(
        "54-katakana-with-latin-gloss",
        "米IT大手ハヤブサ電機が、中国発のAIスタートアップ、ヴォルナ（Volna）を買収する。",
        ("ハヤブサ電機", "acquired", "ヴォルナ"),
    ),
    case(
        "54-common-word-after-type-noun",
        "ミナセ技研は、米ベンチャーキャピタルのパイロットが主導するラウンドで資金を調達した。",
        ("パイロット", "investedIn", "ミナセ技研"),
    ),
]

# --------------------------------------------------------------------------------------
# 55. Naming constructions: 「X」と呼ばれる/と名付けた NOUN passes the noun's case to X (a
#     noun ending in kana too, 仕組み); a Latin name spaced before 社 (OpenAI 社) is a
#     company; 「Xシリーズ」 names the model X.
# --------------------------------------------------------------------------------------
FORM_55_READS = [
    case(
        "55-yobareru-noun",
        "ミナセ技研は「Sparse Gate」と呼ばれる仕組みを採用した。",
        ("ミナセ技研", "uses", "sparse-gate"),
    ),
    case(
        "55-nazuketa-noun",
        "ミナセ技研は、「Kiri」と名付けた新モデルを公開した。",
        ("ミナセ技研", "developed", "kiri"),
    ),
    case(
        "55-spaced-sha-and-series",
        "性能は、Orvik 社の「Nami 2シリーズ」に匹敵する。",
        ("orvik", "developed", "nami-2"),
    ),
]

# --------------------------------------------------------------------------------------
# 56. Investors named, the company left out: the company the text is about (出資をしている),
#     the round the text spoke of (…なども参加する), a list carried by a noun before から.
# --------------------------------------------------------------------------------------
FORM_56_READS = [
    case(
        "56-investors-of-the-topic",
        "ミナセ技研はフランスの新興企業だ。その将来性から、米オルカ社やハヤブサ電機なども出資を"
        "している。",
        ("ハヤブサ電機", "investedIn", "ミナセ技研"),
    ),
    case(
        "56-joining-the-round-spoken-of",
        "ミナセ技研は、新たに100億円を調達したと発表した。その他、ハヤブサ電機やアオバ工業なども"
        "参加する。",
        ("アオバ工業", "investedIn", "ミナセ技研"),
    ),
    case(
        "56-list-before-kara",
        "ミナセ技研は東京の新興企業。ハヤブサ電機やアオバ工業など日米の企業から約45億円を調達した。",
        ("アオバ工業", "investedIn", "ミナセ技研"),
    ),
]
FORM_56_SILENT = [
    case(
        "56-named-object-stays",
        "ミナセ技研はフランスの新興企業だ。米オルカ社は、ハヤブサ電機に出資している。",
        ("オルカ", "investedIn", "ミナセ技研"),
    ),
]

# --------------------------------------------------------------------------------------
# 57. Posts joined by で (Xの共同創業者でCEOのY氏) are both Y's at X; a base named in the
#     continuative (Xをベースモデルとし、…).
# --------------------------------------------------------------------------------------
FORM_57_READS = [
    case(
        "57-founder-de-ceo-founded",
        "テラ社の共同創業者で最高経営責任者の山田太郎氏は、記者会見で方針を語った。",
        ("山田太郎", "founded", "テラ"),
    ),
    case(
        "57-founder-de-ceo-works",
        "テラ社の共同創業者で最高経営責任者の山田太郎氏は、記者会見で方針を語った。",
        ("山田太郎", "worksFor", "テラ"),
    ),
    case(
        "57-base-model-toshi",
        "「Hoshi-13B」は、「Orca-2」をベースモデルとし、日本語データで追加学習を行ったモデルだ。",
        ("hoshi-13b", "basedOn", "orca-2"),
    ),
]

# --------------------------------------------------------------------------------------
# 58. A model's training data (Xの学習データには…が含まれる, Xの学習データに…を使った):
#     what the data noun holds is what X is trained on; the model is no data source.
# --------------------------------------------------------------------------------------
FORM_58_READS = [
    case(
        "58-training-data-includes",
        "大規模言語モデル「Kiri」の学習データには、日本語コーパス「MinaseText」が含まれる。",
        ("kiri", "trainedOn", "minasetext"),
    ),
    case(
        "58-training-data-used",
        "ミナセ技研は、大規模言語モデル「Kiri」の学習データに「MinaseText」を使った。",
        ("kiri", "trainedOn", "minasetext"),
    ),
]

# --------------------------------------------------------------------------------------
# 59. A training stage beyond pretraining names the method a model is made by
#     (Xに継続事前学習を行った「Y」, 「Y」は…をもとに事後学習を行った, Yの開発では…追加学習した):
#     the model uses that technique. Plain pretraining and fine-tuning name no technique
#     (every model is pretrained; fineTunedFrom states the fine-tuning), a plan states
#     nothing, and a company doing the stage is no model using it.
# --------------------------------------------------------------------------------------
FORM_59_READS = [
    case(
        "59-relative-head-made-by-continued-pretraining",
        "ミナセ技研は、大規模言語モデル「Orca-2」に日本語データで継続事前学習を行った「Kiri-7B」"
        "を公開した。",
        ("kiri-7b", "uses", "continued-pretraining"),
    ),
    case(
        "59-topic-post-trained",
        "大規模言語モデル「Tamago-3B」は、「Nami-2」をもとに事後学習を行ったモデルだ。",
        ("tamago-3b", "uses", "post-training"),
    ),
    case(
        "59-topic-made-from-a-named-base",
        "Hikariは、ハヤブサ電機が開発する画像生成モデル「Kumo-XL」をベースにミナセ技研が追加学習を"
        "し、風景画に特化した画像生成モデルだ。",
        ("hikari", "uses", "additional-training"),
    ),
    case(
        "59-scene-set-by-an-earlier-chained-clause",
        # (the previous sentence's subject is no nearer than the work's owner; 8×8B is one name)
        "ミナセ技研は新たな大規模言語モデルを発表した。Kiri-8×8Bの開発では、80億パラメータの"
        "モデルを8つに複製し、それぞれが連携して動作するように追加学習した。",
        ("kiri-8%C3%978b", "uses", "additional-training"),
    ),
    case(
        "59-in-the-development-of",
        "大規模言語モデル「Hotaru」の開発では、8つのモデルを連携させるように追加学習した。",
        ("hotaru", "uses", "additional-training"),
    ),
]
FORM_59_SILENT = [
    case(
        "59-company-of-the-previous-sentence-is-no-user",
        "ミナセ技研は新たな大規模言語モデルを発表した。Kiri-8×8Bの開発では、80億パラメータの"
        "モデルを8つに複製し、それぞれが連携して動作するように追加学習した。",
        ("ミナセ技研", "uses", "additional-training"),
    ),
    case(
        "59-base-model-is-not-the-user",
        "ミナセ技研は、大規模言語モデル「Orca-2」に日本語データで継続事前学習を行った「Kiri-7B」"
        "を公開した。",
        ("orca-2", "uses", "continued-pretraining"),
    ),
    case(
        "59-plain-pretraining-names-no-technique",
        "ミナセ技研は、大規模言語モデル「Kiri-9B」の事前学習を行った。",
        ("kiri-9b", "uses", "pretraining"),
    ),
    case(
        "59-fine-tuning-is-the-lineage",
        "ミナセ技研は、大規模言語モデル「Orca-3」をファインチューニングして「Kiri-3」を開発した。",
        ("kiri-3", "uses", "fine-tuning"),
    ),
    case(
        "59-planned-stage",
        "大規模言語モデル「Kiri-4」の継続事前学習は来年に行う計画だ。",
        ("kiri-4", "uses", "continued-pretraining"),
    ),
    case(
        "59-company-merely-mentions-the-stage",
        "ハヤブサ電機は、事後学習の研究に力を入れている。",
        ("ハヤブサ電機", "uses", "post-training"),
    ),
    case(
        "59-company-doing-the-stage-is-no-model-user",
        "ミナセ技研は、大規模言語モデル「Orca-2」に日本語データで継続事前学習を行った「Kiri-7B」"
        "を公開した。",
        ("ミナセ技研", "uses", "continued-pretraining"),
    ),
]

# --------------------------------------------------------------------------------------
# 60. The stage a technique is used in: Xの事後学習では…Yを用いた, Xの事後学習で用いたY —
#     X, whose training it is, uses Y (the relative head Y is what is used, not the user).
# --------------------------------------------------------------------------------------
FORM_60_READS = [
    case(
        "60-stage-de-wa",
        "対話モデル「Sorami」の事後学習では、SFTとDPOを用いた。",
        ("sorami", "uses", "dpo"),
    ),
    case(
        "60-stage-in-relative-clause",
        "大規模言語モデル「Mizuchi」の事後学習で用いたLoRAは、高い効果を示した。",
        ("mizuchi", "uses", "lora"),
    ),
]
FORM_60_SILENT = [
    case(
        "60-joint-development-is-no-partner",
        "ハヤブサ電機とミナセ技研は、新しい画像認識技術の開発に共同で取り組む。",
        ("ハヤブサ電機", "uses", "ミナセ技研"),
    ),
]

# --------------------------------------------------------------------------------------
# 61. A model carrying out a method (「Y」を行う/施す) uses it; said of a company or
#     reported by one, it is not the model's use.
# --------------------------------------------------------------------------------------
FORM_61_READS = [
    case(
        "61-model-performs-technique",
        "推論モデル「Kagerou」は、回答の前に「思考の連鎖」を行う。",
        ("kagerou", "uses", "chain-of-thought"),
    ),
]
FORM_61_SILENT = [
    case(
        "61-company-performs-is-no-model-use",
        "ハヤブサ電機は、製品の評価を行う。",
        ("ハヤブサ電機", "uses", "製品"),
    ),
]

# --------------------------------------------------------------------------------------
# 62. A passive verb of using with で names the user (「X」で使われているトークナイザー「Y」,
#     XやZで採用されている「Y」); a passive of another verb with で names a place or a channel.
# --------------------------------------------------------------------------------------
FORM_62_READS = [
    case(
        "62-used-in-models",
        "また、「Kiri-2」および「Nami-3」で使われているトークナイザー「tama_tok」も公開された。",
        ("nami-3", "uses", "tama_tok"),
    ),
    case(
        "62-adopted-at-companies",
        "ハヤブサ電機やミナセ技研で採用されている対話AI「QuillChat」は好評だ。",
        ("ミナセ技研", "uses", "quillchat"),
    ),
]
FORM_62_SILENT = [
    case(
        "62-published-on-is-no-use",
        "Hugging Faceで公開されている「Kiri-2」は、誰でも使える。",
        ("hugging-face", "uses", "kiri-2"),
    ),
]

# --------------------------------------------------------------------------------------
# 63. What a technique rests on and what works with what: a product working with a model
#     (XはYと連携する) uses it, companies that 連携 are partners; what a technique supports
#     (Yは…Xを支える技術だ) uses it; 「Y」というアプローチ types Y a technique, and a footnote
#     mark (「Y※2」) is no part of a name.
# --------------------------------------------------------------------------------------
FORM_63_READS = [
    case(
        "63-product-works-with-model",
        "音声アシスタント「Koemi」は、ミナセ技研の対話AI「QuillChat」と連携する。",
        ("koemi", "uses", "quillchat"),
    ),
    case(
        "63-technique-supports-product",
        "注意機構は現在、対話AI「QuillChat」のような人気のAI製品を支える技術だ。",
        ("quillchat", "uses", "attention-mechanism"),
    ),
    case(
        "63-to-iu-approach",
        "大規模言語モデル「Kiri」の開発では、「Deep Fold」というモデル拡張アプローチを"
        "組み合わせた。",
        ("kiri", "uses", "deep-fold"),
    ),
    case(
        "63-footnote-mark",
        "大規模言語モデル「Kiri」は、「Deep Fold※3」と呼ばれる手法を採用した。",
        ("kiri", "uses", "deep-fold"),
    ),
]
FORM_63_READS += [
    case(
        "63-core-technique-apposition",
        "大規模言語モデル「Kiri」の中核技術であるMoEは、効率が高い。",
        ("kiri", "uses", "mixture-of-experts"),
    ),
    case(
        "63-at-the-core-cleft",
        "大規模言語モデル「Kiri」の中核にあるのは、MoEアーキテクチャだ。",
        ("kiri", "uses", "mixture-of-experts"),
    ),
]
FORM_63_READS += [
    case(
        "63-what-a-service-lets-one-use",
        "誰でも対話AI「QuillChat」を利用できるサービス「Koemi」が始まった。",
        ("koemi", "uses", "quillchat"),
        gap="a relative clause in the potential form (利用できる) says what a thing can do and "
        "is blocked as an ability, for uses too (reading it cost a wrong triple on the batches)",
    ),
    case(
        "63-technique-glued-to-its-type-noun",
        "推論モデル「Kagerou」に導入された強化学習アルゴリズムは、効果が高い。",
        ("kagerou", "uses", "reinforcement-learning"),
    ),
]
FORM_63_READS += [
    case(
        "63-plan-of-a-later-clause-with-its-own-subject",
        "音声アシスタント「Koemi」は、対話AI「QuillChat」と連携し、年末には「QuillChat 2」が"
        "「Koemi」に搭載される予定である。",
        ("koemi", "uses", "quillchat"),
    ),
]
FORM_63_SILENT = [
    case(
        "63-plan-of-the-same-subject-covers-the-chain",
        "ハヤブサ電機はミナセ技研と提携し、来年に新製品を発売する予定だ。",
        ("ハヤブサ電機", "partneredWith", "ミナセ技研"),
    ),
    case(
        "63-the-later-clause-stays-planned",
        "音声アシスタント「Koemi」は、対話AI「QuillChat」と連携し、年末には「QuillChat 2」が"
        "「Koemi」に搭載される予定である。",
        ("koemi", "uses", "quillchat-2"),
    ),
    case(
        "63-what-a-thing-can-do-is-no-event",
        "鈴木一郎氏は、画像を再構築できる技術「Hikari」を基に、新しい手法を考案した。",
        ("鈴木一郎", "developed", "hikari"),
    ),
    case(
        "63-glued-to-another-noun-is-no-mention",
        "ミナセ技研は、オープンソースコミュニティの対話AI「QuillChat」を導入した。",
        ("ミナセ技研", "uses", "open-source"),
    ),
    case(
        "63-core-business-is-no-technique",
        "ハヤブサ電機の中核事業は、対話AI「QuillChat」だ。",
        ("ハヤブサ電機", "uses", "quillchat"),
    ),
    case(
        "63-companies-working-together-are-partners",
        "ハヤブサ電機は、ミナセ技研と連携する。",
        ("ハヤブサ電機", "uses", "ミナセ技研"),
    ),
]

FORM_57_SILENT = [
    case(
        "57-renyokei-comma-is-no-relative-clause",
        "ハヤブサ電機は、ミナセ技研と組み、「Kiri」を活用したサービスを始めた。",
        ("kiri", "partneredWith", "ミナセ技研"),
    ),
]

READS = [
    *FORM_41_READS,
    *FORM_42_READS,
    *FORM_43_READS,
    *FORM_44_READS,
    *FORM_45_READS,
    *FORM_46_READS,
    *FORM_47_READS,
    *FORM_48_READS,
    *FORM_49_READS,
    *FORM_50_READS,
    *FORM_51_READS,
    *FORM_52_READS,
    *FORM_54_READS,
    *FORM_55_READS,
    *FORM_56_READS,
    *FORM_57_READS,
    *FORM_58_READS,
    *FORM_59_READS,
    *FORM_60_READS,
    *FORM_61_READS,
    *FORM_62_READS,
    *FORM_63_READS,
]
SILENT = [
    *FORM_41_SILENT,
    *FORM_45_SILENT,
    *FORM_46_SILENT,
    *FORM_47_SILENT,
    *FORM_48_SILENT,
    *FORM_50_SILENT,
    *FORM_53_SILENT,
    *FORM_56_SILENT,
    *FORM_57_SILENT,
    *FORM_59_SILENT,
    *FORM_60_SILENT,
    *FORM_61_SILENT,
    *FORM_62_SILENT,
    *FORM_63_SILENT,
]


test_form_is_read, test_near_miss_stays_silent = form_tests(READS, SILENT)
