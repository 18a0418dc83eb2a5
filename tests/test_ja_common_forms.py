"""Common sentence forms of Japanese business news, written for this test from our own
knowledge of the language (no article, matrix or seed sentence), with invented names:
one case per form of each relation (active, passive, relative clause on either end,
nominalisation, light verb, cleft, apposition, suffix, title). It is the reader's check
against the forms news uses most, as tests/test_ja_forms.py is against the forms it was
taught. A form not read yet is a strict xfail that says so."""

from __future__ import annotations

import pytest

from tests.test_ja_forms import Triple, case, holds, relations_of  # noqa: F401 (fixture)

READS = [
    case(
        "01-worksFor",
        "ミナセ技研社長の鈴木一郎氏は、記者会見で方針を説明した。",
        ("鈴木一郎", "worksFor", "ミナセ技研"),
    ),
    case(
        "02-worksFor",
        "鈴木一郎氏はハヤブサ電機のCEOに就任した。",
        ("鈴木一郎", "worksFor", "ハヤブサ電機"),
    ),
    case(
        "03-worksFor",
        "ハヤブサ電機を率いる鈴木一郎社長は、協業に意欲を示した。",
        ("鈴木一郎", "worksFor", "ハヤブサ電機"),
    ),
    case(
        "04-worksFor",
        "ハヤブサ電機に入社した佐藤花子氏は、開発部門を統括する。",
        ("佐藤花子", "worksFor", "ハヤブサ電機"),
    ),
    case(
        "05-founded",
        "ハヤブサ電機の創業者である佐藤花子氏は、新会社を設立した。",
        ("佐藤花子", "founded", "ハヤブサ電機"),
    ),
    case(
        "06-founded",
        "佐藤花子氏が2015年に設立したミナセ技研は、AIモデルを開発している。",
        ("佐藤花子", "founded", "ミナセ技研"),
    ),
    case(
        "07-founded",
        "ミナセ技研は、佐藤花子氏らが2019年に創業したスタートアップだ。",
        ("佐藤花子", "founded", "ミナセ技研"),
    ),
    case(
        "08-investedIn",
        "ミナセ技研は、ハヤブサ電機などから10億円を調達した。",
        ("ハヤブサ電機", "investedIn", "ミナセ技研"),
    ),
    case(
        "09-investedIn",
        "ミナセ技研の資金調達ラウンドには、ハヤブサ電機も参加した。",
        ("ハヤブサ電機", "investedIn", "ミナセ技研"),
    ),
    case(
        "10-investedIn",
        "ハヤブサ電機は、ミナセ技研の株式の10%を取得した。",
        ("ハヤブサ電機", "investedIn", "ミナセ技研"),
    ),
    case(
        "11-investedIn",
        "ハヤブサ電機がミナセ技研に30億円を出資することで合意した。",
        ("ハヤブサ電機", "investedIn", "ミナセ技研"),
    ),
    case(
        "12-acquired",
        "ハヤブサ電機によるミナセ技研の買収が完了した。",
        ("ハヤブサ電機", "acquired", "ミナセ技研"),
    ),
    case(
        "13-acquired",
        "ハヤブサ電機に買収されたミナセ技研は、新モデルを発表した。",
        ("ハヤブサ電機", "acquired", "ミナセ技研"),
    ),
    case(
        "14-owns",
        "ミナセ技研はハヤブサ電機の完全子会社となる。",
        ("ハヤブサ電機", "owns", "ミナセ技研"),
    ),
    case(
        "15-owns",
        "ハヤブサ電機傘下のミナセ技研は、新モデルを公開した。",
        ("ハヤブサ電機", "owns", "ミナセ技研"),
    ),
    case(
        "16-developed",
        "大規模言語モデル「Kiri-7B」を手がけるミナセ技研は、上場を目指す。",
        ("ミナセ技研", "developed", "kiri-7b"),
    ),
    case(
        "17-developed",
        "「Kiri-7B」はミナセ技研製の言語モデルだ。",
        ("ミナセ技研", "developed", "kiri-7b"),
    ),
    case(
        "18-developed",
        "ミナセ技研は1日、大規模言語モデル「Kiri-7B」を発表した。",
        ("ミナセ技研", "developed", "kiri-7b"),
    ),
    case(
        "19-partneredWith",
        "ミナセ技研とハヤブサ電機は、生成AI分野で提携した。",
        ("ミナセ技研", "partneredWith", "ハヤブサ電機"),
    ),
    case(
        "20-partneredWith",
        "ミナセ技研はハヤブサ電機と資本業務提携を結んだ。",
        ("ミナセ技研", "partneredWith", "ハヤブサ電機"),
    ),
    case(
        "21-partneredWith",
        "ミナセ技研とハヤブサ電機の提携により、開発が加速する。",
        ("ミナセ技研", "partneredWith", "ハヤブサ電機"),
    ),
    case(
        "22-partneredWith",
        "ミナセ技研はハヤブサ電機と組んで、新サービスを始める。",
        ("ミナセ技研", "partneredWith", "ハヤブサ電機"),
    ),
    case(
        "23-competesWith",
        "ミナセ技研の「Kiri-7B」は、オルカ社の「Orca-2」に対抗するモデルだ。",
        ("kiri-7b", "competesWith", "orca-2"),
    ),
    case(
        "24-competesWith",
        "ミナセ技研のライバルであるハヤブサ電機は、新モデルを投入した。",
        ("ハヤブサ電機", "competesWith", "ミナセ技研"),
    ),
    case(
        "25-basedOn",
        "「Kiri-7B」は「Orca-2」をベースに開発された。",
        ("kiri-7b", "basedOn", "orca-2"),
    ),
    case(
        "26-fineTunedFrom",
        "ミナセ技研は「Orca-2」を追加学習した「Kiri-7B」を公開した。",
        ("kiri-7b", "fineTunedFrom", "orca-2"),
    ),
    case(
        "27-fineTunedFrom",
        "「Orca-2」をファインチューニングしたモデル「Kiri-7B」が公開された。",
        ("kiri-7b", "fineTunedFrom", "orca-2"),
    ),
    case(
        "28-fineTunedFrom",
        "「Kiri-7B」は「Orca-2」を日本語データで継続事前学習したモデルだ。",
        ("kiri-7b", "fineTunedFrom", "orca-2"),
    ),
    case(
        "29-trainedOn",
        "「Kiri-7B」は、日本語コーパス「MinaseText」で学習された。",
        ("kiri-7b", "trainedOn", "minasetext"),
    ),
    case(
        "30-trainedOn",
        "ミナセ技研は「MinaseText」を学習データに用いて「Kiri-7B」を開発した。",
        ("kiri-7b", "trainedOn", "minasetext"),
        gap="X used as training data for the model the next clause builds: no trainedOn",
    ),
    case(
        "31-outperforms",
        "「Kiri-7B」は、「Orca-2」を上回る性能を示した。",
        ("kiri-7b", "outperforms", "orca-2"),
    ),
    case(
        "32-outperforms",
        "「Kiri-7B」はベンチマークで「Orca-2」を凌駕した。",
        ("kiri-7b", "outperforms", "orca-2"),
    ),
    case(
        "33-outperforms",
        "「Kiri-7B」のスコアは「Orca-2」を上回った。",
        ("kiri-7b", "outperforms", "orca-2"),
    ),
    case(
        "34-uses",
        "ミナセ技研は「Kiri-7B」の開発に「Orca-2」を利用した。",
        ("ミナセ技研", "uses", "orca-2"),
    ),
    case(
        "35-uses",
        "ハヤブサ電機は、自社サービスにミナセ技研の「Kiri-7B」を採用した。",
        ("ハヤブサ電機", "uses", "kiri-7b"),
    ),
    case(
        "36-variantOf",
        "「Kiri-7B」は「Kiri」シリーズの最新版だ。",
        ("kiri-7b", "variantOf", "kiri"),
    ),
    case(
        "37-authoredBy",
        "論文「Deep Orca」は、佐藤花子氏らが執筆した。",
        ("deep-orca", "authoredBy", "佐藤花子"),
    ),
    case(
        "38-viewsAsThreat",
        "ハヤブサ電機は、オープンソースAIを脅威と見なしている。",
        ("ハヤブサ電機", "viewsAsThreat", "オープンソースai"),
    ),
    case(
        "39-competesWith",
        "ミナセ技研は米オルカ社と競合している。",
        ("ミナセ技研", "competesWith", "オルカ"),
    ),
    case(
        "40-acquired",
        "米オルカ社は、ミナセ技研の全株式を取得し、完全子会社化した。",
        ("オルカ", "acquired", "ミナセ技研"),
    ),
    case(
        "41-investedIn",
        "ミナセ技研は、米オルカ社から出資を受けた。",
        ("オルカ", "investedIn", "ミナセ技研"),
    ),
    case(
        "42-investedIn",
        "ミナセ技研には、ハヤブサ電機やオルカ社が出資している。",
        ("オルカ", "investedIn", "ミナセ技研"),
    ),
    case(
        "43-founded",
        "鈴木一郎氏は、ミナセ技研の共同創業者兼CEOだ。",
        ("鈴木一郎", "founded", "ミナセ技研"),
    ),
    case(
        "44-worksFor",
        "ミナセ技研は、元ハヤブサ電機の鈴木一郎氏がCEOを務める。",
        ("鈴木一郎", "worksFor", "ミナセ技研"),
    ),
    case(
        "46-acquired",
        "ミナセ技研は、米オルカ社に買収された。",
        ("オルカ", "acquired", "ミナセ技研"),
    ),
    case(
        "47-acquired",
        "米オルカ社がミナセ技研を約500億円で買収することが分かった。",
        ("オルカ", "acquired", "ミナセ技研"),
    ),
    case(
        "48-acquired",
        "ミナセ技研の買収を発表したのは米オルカ社だ。",
        ("オルカ", "acquired", "ミナセ技研"),
    ),
    case(
        "49-acquired",
        "米オルカ社は、ミナセ技研を傘下に収めた。",
        ("オルカ", "acquired", "ミナセ技研"),
    ),
    case(
        "50-acquired",
        "米オルカ社は、ミナセ技研の買収で合意した。",
        ("オルカ", "acquired", "ミナセ技研"),
    ),
    case(
        "51-investedIn",
        "ミナセ技研は、米オルカ社の出資を受け入れた。",
        ("オルカ", "investedIn", "ミナセ技研"),
    ),
    case(
        "52-investedIn",
        "米オルカ社は、ミナセ技研への出資を決めた。",
        ("オルカ", "investedIn", "ミナセ技研"),
    ),
    case(
        "53-investedIn",
        "米オルカ社のミナセ技研への出資額は100億円に上る。",
        ("オルカ", "investedIn", "ミナセ技研"),
    ),
    case(
        "54-investedIn",
        "ミナセ技研は、シリーズBラウンドで米オルカ社などから50億円を調達したと発表した。",
        ("オルカ", "investedIn", "ミナセ技研"),
    ),
    case(
        "55-investedIn",
        "ミナセ技研に出資する米オルカ社は、提携も検討している。",
        ("オルカ", "investedIn", "ミナセ技研"),
    ),
    case(
        "56-partneredWith",
        "ミナセ技研と米オルカ社は、業務提携契約を締結したと発表した。",
        ("ミナセ技研", "partneredWith", "オルカ"),
    ),
    case(
        "57-partneredWith",
        "ミナセ技研は、米オルカ社と戦略的パートナーシップを結んだ。",
        ("ミナセ技研", "partneredWith", "オルカ"),
    ),
    case(
        "58-partneredWith",
        "ミナセ技研は、米オルカ社と共同で新モデルを開発する。",
        ("ミナセ技研", "partneredWith", "オルカ"),
    ),
    case(
        "59-partneredWith",
        "ミナセ技研は、米オルカ社との協業を強化する。",
        ("ミナセ技研", "partneredWith", "オルカ"),
    ),
    case(
        "60-developed",
        "「Kiri-7B」は、ミナセ技研によって開発された。",
        ("ミナセ技研", "developed", "kiri-7b"),
    ),
    case(
        "61-developed",
        "ミナセ技研が開発を進める「Kiri-7B」は、来月公開される。",
        ("ミナセ技研", "developed", "kiri-7b"),
    ),
    case(
        "62-developed",
        "ミナセ技研は、新たな言語モデル「Kiri-7B」の提供を開始した。",
        ("ミナセ技研", "developed", "kiri-7b"),
    ),
    case(
        "63-developed",
        "ミナセ技研の新モデル「Kiri-7B」は、日本語に強い。",
        ("ミナセ技研", "developed", "kiri-7b"),
    ),
    case(
        "64-developed",
        "「Kiri-7B」の開発元であるミナセ技研は、東京の企業だ。",
        ("ミナセ技研", "developed", "kiri-7b"),
    ),
    case(
        "65-developed",
        "ミナセ技研は、「Kiri-7B」と「Kiri-13B」を公開した。",
        ("ミナセ技研", "developed", "kiri-13b"),
    ),
    case(
        "66-developed",
        "「Kiri-7B」を開発したのは、ミナセ技研だ。",
        ("ミナセ技研", "developed", "kiri-7b"),
    ),
    case(
        "67-worksFor",
        "鈴木一郎氏は、米オルカ社の最高技術責任者を務める。",
        ("鈴木一郎", "worksFor", "オルカ"),
    ),
    case(
        "68-worksFor",
        "米オルカ社は、鈴木一郎氏を新CEOに迎えた。",
        ("鈴木一郎", "worksFor", "オルカ"),
    ),
    case(
        "69-worksFor",
        "米オルカ社で研究責任者を務める鈴木一郎氏は、取材に応じた。",
        ("鈴木一郎", "worksFor", "オルカ"),
    ),
    case(
        "70-worksFor",
        "米オルカ社に移籍した鈴木一郎氏は、新チームを率いる。",
        ("鈴木一郎", "worksFor", "オルカ"),
    ),
    case(
        "71-worksFor",
        "米オルカ社の鈴木一郎CEOは、記者会見で語った。",
        ("鈴木一郎", "worksFor", "オルカ"),
    ),
    case(
        "72-founded",
        "鈴木一郎氏は2018年、米オルカ社を共同で創業した。",
        ("鈴木一郎", "founded", "オルカ"),
    ),
    case(
        "73-founded",
        "米オルカ社は、鈴木一郎氏と佐藤花子氏が設立した。",
        ("佐藤花子", "founded", "オルカ"),
    ),
    case(
        "74-founded",
        "米オルカ社の創業者、鈴木一郎氏は、上場を否定した。",
        ("鈴木一郎", "founded", "オルカ"),
    ),
    case(
        "75-basedOn",
        "「Kiri-7B」は、「Orca-2」から派生したモデルだ。",
        ("kiri-7b", "basedOn", "orca-2"),
    ),
    case(
        "76-basedOn",
        "「Kiri-7B」は、米オルカ社の「Orca-2」をもとに開発された。",
        ("kiri-7b", "basedOn", "orca-2"),
    ),
    case(
        "77-fineTunedFrom",
        "「Kiri-7B」は、「Orca-2」に日本語の追加学習を施したモデルだ。",
        ("kiri-7b", "fineTunedFrom", "orca-2"),
    ),
    case(
        "78-basedOn",
        "ミナセ技研は、「Orca-2」を基盤モデルとして「Kiri-7B」を構築した。",
        ("kiri-7b", "basedOn", "orca-2"),
    ),
    case(
        "79-trainedOn",
        "「Kiri-7B」は、ウィキペディアなどのデータで学習した。",
        ("kiri-7b", "trainedOn", "wikipedia"),
    ),
    case(
        "80-trainedOn",
        "「Kiri-7B」の学習には、「MinaseText」が使われた。",
        ("kiri-7b", "trainedOn", "minasetext"),
    ),
    case(
        "81-outperforms",
        "「Kiri-7B」は、複数のベンチマークで「Orca-2」を上回った。",
        ("kiri-7b", "outperforms", "orca-2"),
    ),
    case(
        "82-outperforms",
        "「Kiri-7B」は、「Orca-2」に匹敵する性能を持ち、一部では上回る。",
        ("kiri-7b", "outperforms", "orca-2"),
        gap="the comparison's object sits in the first of two chained clauses",
    ),
    case(
        "83-competesWith",
        "米オルカ社は、ミナセ技研を最大の競合と位置付けている。",
        ("オルカ", "competesWith", "ミナセ技研"),
        gap="the idiom's noun is split by a modifier (最大の競合と位置付ける)",
    ),
    case(
        "84-competesWith",
        "ミナセ技研は、米オルカ社の「Orca-2」と競合する。",
        ("ミナセ技研", "competesWith", "orca-2"),
        gap="rivals of different kinds (a company and a model) are not read",
    ),
    case(
        "85-uses",
        "ミナセ技研は、米オルカ社の「Orca-2」を自社サービスに組み込んだ。",
        ("ミナセ技研", "uses", "orca-2"),
    ),
    case(
        "88-acquired",
        "ハヤブサ電機は、AIスタートアップのミナセ技研を買収した。",
        ("ハヤブサ電機", "acquired", "ミナセ技研"),
    ),
    case(
        "89-acquired",
        "ハヤブサ電機は同日、ミナセ技研の買収を完了したと明らかにした。",
        ("ハヤブサ電機", "acquired", "ミナセ技研"),
    ),
    case(
        "90-acquired",
        "ハヤブサ電機は、ミナセ技研を完全子会社にすると発表した。",
        ("ハヤブサ電機", "acquired", "ミナセ技研"),
    ),
    case(
        "91-acquired",
        "ハヤブサ電機が買収したミナセ技研は、画像生成AIを手がける。",
        ("ハヤブサ電機", "acquired", "ミナセ技研"),
    ),
    case(
        "92-owns",
        "ミナセ技研は、ハヤブサ電機のグループ会社だ。",
        ("ハヤブサ電機", "owns", "ミナセ技研"),
    ),
    case(
        "93-owns",
        "ハヤブサ電機は、子会社のミナセ技研を通じて新事業を始める。",
        ("ハヤブサ電機", "owns", "ミナセ技研"),
    ),
    case(
        "94-investedIn",
        "ハヤブサ電機は、ミナセ技研に追加出資した。",
        ("ハヤブサ電機", "investedIn", "ミナセ技研"),
    ),
    case(
        "95-investedIn",
        "ミナセ技研は、ハヤブサ電機を引受先とする第三者割当増資を実施した。",
        ("ハヤブサ電機", "investedIn", "ミナセ技研"),
        gap="the allottee of a share issue (Xを引受先とする増資) is not read as an investor",
    ),
    case(
        "96-investedIn",
        "ミナセ技研の主要株主には、ハヤブサ電機が名を連ねる。",
        ("ハヤブサ電機", "investedIn", "ミナセ技研"),
    ),
    case(
        "97-investedIn",
        "ミナセ技研は、ハヤブサ電機が主導したラウンドで資金を調達した。",
        ("ハヤブサ電機", "investedIn", "ミナセ技研"),
    ),
    case(
        "98-partneredWith",
        "ミナセ技研は、ハヤブサ電機と共同開発した「Kiri-7B」を公開した。",
        ("ミナセ技研", "partneredWith", "ハヤブサ電機"),
    ),
    case(
        "99-partneredWith",
        "ミナセ技研とハヤブサ電機が協力して、新モデルを開発した。",
        ("ミナセ技研", "partneredWith", "ハヤブサ電機"),
    ),
    case(
        "100-partneredWith",
        "ミナセ技研は、ハヤブサ電機と協定を結び、共同研究を始める。",
        ("ミナセ技研", "partneredWith", "ハヤブサ電機"),
    ),
    case(
        "101-partneredWith",
        "ミナセ技研は、ハヤブサ電機と手を組んだ。",
        ("ミナセ技研", "partneredWith", "ハヤブサ電機"),
    ),
    case(
        "102-developed",
        "ミナセ技研は、新しい画像生成AI「Kiri」をリリースした。",
        ("ミナセ技研", "developed", "kiri"),
    ),
    case(
        "103-developed",
        "ミナセ技研は、独自のLLM「Kiri」を構築した。",
        ("ミナセ技研", "developed", "kiri"),
    ),
    case(
        "104-developed",
        "「Kiri」は、ミナセ技研が提供する生成AIサービスだ。",
        ("ミナセ技研", "developed", "kiri"),
    ),
    case(
        "105-developed",
        "ミナセ技研が公開した「Kiri」は、商用利用が可能だ。",
        ("ミナセ技研", "developed", "kiri"),
    ),
    case(
        "106-developed",
        "ミナセ技研は、「Kiri」の新版を投入した。",
        ("ミナセ技研", "developed", "kiri"),
        gap="a new edition of a model (Xの新版を投入) is not read as developing X",
    ),
    case(
        "107-developed",
        "「Kiri」は、ミナセ技研の研究チームが開発した。",
        ("ミナセ技研", "developed", "kiri"),
    ),
    case(
        "108-worksFor",
        "ミナセ技研の研究者である佐藤花子氏は、論文を発表した。",
        ("佐藤花子", "worksFor", "ミナセ技研"),
    ),
    case(
        "109-worksFor",
        "佐藤花子氏は今年4月、ミナセ技研に加わった。",
        ("佐藤花子", "worksFor", "ミナセ技研"),
    ),
    case(
        "110-worksFor",
        "ミナセ技研は、佐藤花子氏を最高技術責任者として迎え入れた。",
        ("佐藤花子", "worksFor", "ミナセ技研"),
    ),
    case(
        "111-worksFor",
        "ミナセ技研の佐藤花子代表取締役は「成長を続ける」と語った。",
        ("佐藤花子", "worksFor", "ミナセ技研"),
    ),
    case(
        "112-worksFor",
        "ミナセ技研で働く佐藤花子氏は、新モデルの開発を担当した。",
        ("佐藤花子", "worksFor", "ミナセ技研"),
    ),
    case(
        "113-founded",
        "佐藤花子氏は、ミナセ技研を創業した。",
        ("佐藤花子", "founded", "ミナセ技研"),
    ),
    case(
        "114-founded",
        "ミナセ技研の創業者・佐藤花子氏は、上場を目指す。",
        ("佐藤花子", "founded", "ミナセ技研"),
    ),
    case(
        "115-founded",
        "ミナセ技研を立ち上げた佐藤花子氏は、元研究者だ。",
        ("佐藤花子", "founded", "ミナセ技研"),
    ),
    case(
        "116-founded",
        "佐藤花子氏らが設立したミナセ技研は、急成長している。",
        ("佐藤花子", "founded", "ミナセ技研"),
    ),
    case(
        "117-basedOn",
        "「Kiri」は、「Orca-2」を改良したモデルだ。",
        ("kiri", "basedOn", "orca-2"),
    ),
    case(
        "118-fineTunedFrom",
        "「Kiri」は、「Orca-2」を日本語向けに微調整したモデルだ。",
        ("kiri", "fineTunedFrom", "orca-2"),
    ),
    case(
        "119-variantOf",
        "「Kiri」は、「Orca-2」の日本語版だ。",
        ("kiri", "variantOf", "orca-2"),
    ),
    case(
        "120-variantOf",
        "「Kiri」は、「Orca-2」の軽量版にあたる。",
        ("kiri", "variantOf", "orca-2"),
        gap="a relational noun before にあたる gets no holder",
    ),
    case(
        "121-trainedOn",
        "「Kiri」は、日本語のウェブテキスト「MinaseCorpus」で事前学習された。",
        ("kiri", "trainedOn", "minasecorpus"),
        gap="neither name has a class cue in the sentence",
    ),
    case(
        "122-outperforms",
        "「Kiri」は、「Orca-2」よりも高いスコアを記録した。",
        ("kiri", "outperforms", "orca-2"),
    ),
    case(
        "123-outperforms",
        "「Kiri」は、「Orca-2」を大きく上回った。",
        ("kiri", "outperforms", "orca-2"),
    ),
    case(
        "124-outperforms",
        "「Kiri」は、「Orca-2」を打ち負かした。",
        ("kiri", "outperforms", "orca-2"),
    ),
    case(
        "125-uses",
        "ミナセ技研は、「Orca-2」を活用して「Kiri」を開発した。",
        ("ミナセ技研", "uses", "orca-2"),
    ),
    case(
        "126-uses",
        "ミナセ技研は、米オルカ社のクラウドを利用している。",
        ("ミナセ技研", "uses", "オルカ"),
        gap="using a company's product named by a common noun (Xのクラウド)",
    ),
    case(
        "127-viewsAsThreat",
        "ハヤブサ電機は、オープンソースAIの台頭に危機感を抱いている。",
        ("ハヤブサ電機", "viewsAsThreat", "オープンソースai"),
        gap="the threat is behind an event noun (Xの台頭に)",
    ),
    case(
        "128-viewsAsThreat",
        "ハヤブサ電機は、ミナセ技研を脅威とみている。",
        ("ハヤブサ電機", "viewsAsThreat", "ミナセ技研"),
    ),
    case(
        "129-competesWith",
        "ミナセ技研は、ハヤブサ電機と激しい競争を繰り広げている。",
        ("ミナセ技研", "competesWith", "ハヤブサ電機"),
    ),
    case(
        "c01-investedIn",
        "ミナセ技研は東京のAIスタートアップだ。同社は1日、ハヤブサ電機から20億円を調達したと発表した。",
        ("ハヤブサ電機", "investedIn", "ミナセ技研"),
    ),
    case(
        "c02-basedOn",
        "ミナセ技研は1日、新モデル「Kiri」を発表した。同モデルは「Orca-2」をベースにしている。",
        ("kiri", "basedOn", "orca-2"),
    ),
    case(
        "c03-investedIn",
        "ハヤブサ電機が出資したのは、ミナセ技研だ。",
        ("ハヤブサ電機", "investedIn", "ミナセ技研"),
    ),
    case(
        "c04-acquired",
        "ミナセ技研を買収したのは、米オルカ社だった。",
        ("オルカ", "acquired", "ミナセ技研"),
    ),
    case(
        "c05-partneredWith",
        "ミナセ技研とハヤブサ電機、アオバ工業の3社は、共同で新会社を設立した。",
        ("アオバ工業", "partneredWith", "ミナセ技研"),
    ),
    case(
        "c06-investedIn",
        "米オルカ社は、ミナセ技研とハヤブサ電機に出資した。",
        ("オルカ", "investedIn", "ハヤブサ電機"),
    ),
    case(
        "c07-investedIn",
        "米オルカ社とハヤブサ電機は、ミナセ技研に出資した。",
        ("ハヤブサ電機", "investedIn", "ミナセ技研"),
    ),
    case(
        "c08-developed",
        "ミナセ技研は、「Kiri」と「Kiri-Pro」の2モデルを開発した。",
        ("ミナセ技研", "developed", "kiri-pro"),
    ),
    case(
        "c09-developed",
        "米オルカ社は2023年、ミナセ技研を設立し、翌年には「Kiri」を公開した。",
        ("オルカ", "developed", "kiri"),
    ),
    case(
        "c10-founded",
        "鈴木一郎氏は、ハヤブサ電機を退社した後、ミナセ技研を創業した。",
        ("鈴木一郎", "founded", "ミナセ技研"),
    ),
    case(
        "c11-founded",
        "ミナセ技研は、2019年に鈴木一郎氏と佐藤花子氏によって設立された。",
        ("佐藤花子", "founded", "ミナセ技研"),
    ),
    case(
        "c12-worksFor",
        "ミナセ技研（本社：東京都港区、代表取締役：鈴木一郎）は、新サービスを開始した。",
        ("鈴木一郎", "worksFor", "ミナセ技研"),
    ),
    case(
        "c13-worksFor",
        "ミナセ技研の鈴木一郎社長によると、新モデルは来春公開する。",
        ("鈴木一郎", "worksFor", "ミナセ技研"),
    ),
    case(
        "c14-outperforms",
        "「Kiri」について、ミナセ技研は「Orca-2」を上回る性能だと説明した。",
        ("kiri", "outperforms", "orca-2"),
        gap="a comparison said in a reported clause about a theme (Xについて…と説明)",
    ),
    case(
        "c15-partneredWith",
        "ミナセ技研は、画像生成AI「Kiri」の開発で米オルカ社と提携した。",
        ("ミナセ技研", "partneredWith", "オルカ"),
    ),
    case(
        "c16-acquired",
        "米オルカ社がミナセ技研を買収へ",
        ("オルカ", "acquired", "ミナセ技研"),
    ),
    case(
        "c17-partneredWith",
        "ミナセ技研、米オルカ社と資本提携",
        ("ミナセ技研", "partneredWith", "オルカ"),
    ),
    case(
        "c18-developed",
        "ミナセ技研、国産LLM「Kiri」を公開",
        ("ミナセ技研", "developed", "kiri"),
    ),
    case(
        "c19-investedIn",
        "米オルカ社、ミナセ技研に100億円出資",
        ("オルカ", "investedIn", "ミナセ技研"),
    ),
    case(
        "c20-acquired",
        "ミナセ技研は、ハヤブサ電機の子会社であるアオバ工業を買収した。",
        ("ミナセ技研", "acquired", "アオバ工業"),
    ),
    case(
        "c21-owns",
        "ミナセ技研は、ハヤブサ電機の子会社であるアオバ工業を買収した。",
        ("ハヤブサ電機", "owns", "アオバ工業"),
    ),
    case(
        "c22-developed",
        "ミナセ技研が開発し、ハヤブサ電機が販売する「Kiri」は好調だ。",
        ("ミナセ技研", "developed", "kiri"),
    ),
    case(
        "c23-developed",
        "「Kiri」は、ミナセ技研とハヤブサ電機が共同開発した。",
        ("ハヤブサ電機", "developed", "kiri"),
    ),
    case(
        "c24-worksFor",
        "鈴木一郎氏が率いるミナセ技研は、新たな資金調達を実施した。",
        ("鈴木一郎", "worksFor", "ミナセ技研"),
    ),
    case(
        "n01-acquired",
        "独ヴァイスナーは、ミナセ技研を買収した。",
        ("ヴァイスナー", "acquired", "ミナセ技研"),
    ),
    case(
        "n02-developed",
        "仏ミストラ・ラボは、大規模言語モデル「Lune-8B」を公開した。",
        ("ミストラ-ラボ", "developed", "lune-8b"),
    ),
    case(
        "n03-partneredWith",
        "韓国のハンビット電子は、ミナセ技研と提携した。",
        ("ハンビット電子", "partneredWith", "ミナセ技研"),
    ),
    case(
        "n04-investedIn",
        "インドのサルヴァAIは、米オルカ社から出資を受けた。",
        ("オルカ", "investedIn", "サルヴァai"),
    ),
    case(
        "n05-investedIn",
        "米新興企業アルトラ・ロボティクスは、資金調達を発表した。ハヤブサ電機などが出資した。",
        ("ハヤブサ電機", "investedIn", "アルトラ-ロボティクス"),
    ),
    case(
        "n06-developed",
        "英スタートアップのディープ・シーカーは、モデル「Sekai」を開発した。",
        ("ディープ-シーカー", "developed", "sekai"),
    ),
    case(
        "n07-developed",
        "スタートアップのキボウは、新モデル「Hoshi」を発表した。",
        ("キボウ", "developed", "hoshi"),
    ),
    case(
        "n08-developed",
        "AIチップ「Raiden」を開発したアオバ半導体は、上場を申請した。",
        ("アオバ半導体", "developed", "raiden"),
    ),
    case(
        "n09-developed",
        "ミナセ技研は、新モデルを発表した。モデル名は「Takane」。",
        ("ミナセ技研", "developed", "takane"),
    ),
    case(
        "n10-worksFor",
        "ハヤブサ電機のエレナ・ヴァルガ最高経営責任者（CEO）は、買収を発表した。",
        ("エレナ-ヴァルガ", "worksFor", "ハヤブサ電機"),
    ),
    case(
        "n11-worksFor",
        "ミナセ技研の田中CTOは、新モデルについて説明した。",
        ("田中", "worksFor", "ミナセ技研"),
    ),
    case(
        "n12-worksFor",
        "サム・オルトン氏が率いるオルカ社は、新モデルを公開した。",
        ("サム-オルトン", "worksFor", "オルカ"),
    ),
    case(
        "n13-investedIn",
        "クラウド大手の米スカイネストは、ミナセ技研に出資した。",
        ("スカイネスト", "investedIn", "ミナセ技研"),
    ),
    case(
        "n14-partneredWith",
        "ミナセ技研は、NTTハヤブサと資本業務提携を結んだ。",
        ("ミナセ技研", "partneredWith", "nttハヤブサ"),
    ),
    case(
        "n15-developed",
        "東京大学発スタートアップのミナセ技研は、「Kiri」を公開した。",
        ("ミナセ技研", "developed", "kiri"),
    ),
    case(
        "n16-partneredWith",
        "ミナセ技研は、国立研究開発法人アオバ研究所と共同研究を始めた。",
        ("ミナセ技研", "partneredWith", "アオバ研究所"),
    ),
    case(
        "n17-owns",
        "ミナセ技研は、ハヤブサ・ホールディングスの傘下に入った。",
        ("ハヤブサ-ホールディングス", "owns", "ミナセ技研"),
    ),
    case(
        "n18-developed",
        "中国のテンセイ科技は、大規模言語モデル「Tensei-70B」を発表した。",
        ("テンセイ科技", "developed", "tensei-70b"),
    ),
    case(
        "n19-worksFor",
        "米オルカ・AIのCEOであるジョン・パーカー氏は、投資を発表した。",
        ("ジョン-パーカー", "worksFor", "オルカ-ai"),
    ),
    case(
        "n20-partneredWith",
        "ハヤブサ電機は、オランダのヴェーラと提携した。",
        ("ハヤブサ電機", "partneredWith", "ヴェーラ"),
    ),
    case(
        "n21-investedIn",
        "ミナセ技研は、シンガポールのセレスタ・キャピタルから資金を調達した。",
        ("セレスタ-キャピタル", "investedIn", "ミナセ技研"),
    ),
    case(
        "n22-developed",
        "「Kiri」は、アオバ大学の研究チームが開発した。",
        ("アオバ大学", "developed", "kiri"),
    ),
    case(
        "n23-founded",
        "ハヤブサ電機とミナセ技研は、合弁会社「ハヤミナ」を設立した。",
        ("ハヤブサ電機", "founded", "ハヤミナ"),
    ),
    case(
        "n24-owns",
        "ミナセ技研の親会社であるハヤブサ電機は、増資を決めた。",
        ("ハヤブサ電機", "owns", "ミナセ技研"),
    ),
]
SILENT = [
    case(
        "c-silent-01-founded",
        "ミナセ技研は、米オルカ社から独立したエンジニアらが立ち上げた。",
        ("ミナセ技研", "founded", "オルカ"),
    ),
    case(
        "c-silent-02-partneredWith",
        "ミナセ技研は、米オルカ社との提携を否定した。",
        ("ミナセ技研", "partneredWith", "オルカ"),
    ),
    case(
        "c-silent-03-investedIn",
        "ミナセ技研は、米オルカ社への出資を検討している。",
        ("ミナセ技研", "investedIn", "オルカ"),
    ),
    case(
        "c-silent-04-acquired",
        "ミナセ技研は、米オルカ社を買収しない方針だ。",
        ("ミナセ技研", "acquired", "オルカ"),
    ),
    case(
        "c-silent-05-worksFor",
        "元ミナセ技研の鈴木一郎氏は、ハヤブサ電機に入社した。",
        ("鈴木一郎", "worksFor", "ミナセ技研"),
    ),
    case(
        "silent-01-acquired",
        "ハヤブサ電機は、ミナセ技研を約3億ドルで買収する計画だ。",
        ("ハヤブサ電機", "acquired", "ミナセ技研"),
    ),
    case(
        "silent-02-partneredWith",
        "ミナセ技研は、ハヤブサ電機との提携を解消した。",
        ("ミナセ技研", "partneredWith", "ハヤブサ電機"),
    ),
]


@pytest.mark.parametrize(("text", "triple"), READS)
def test_common_form_is_read(relations_of, text: str, triple: Triple) -> None:  # noqa: F811
    found = relations_of(text)
    assert holds(triple, found), f"read instead: {sorted(found)}"


@pytest.mark.parametrize(("text", "triple"), SILENT)
def test_plan_or_ended_tie_stays_silent(relations_of, text: str, triple: Triple) -> None:  # noqa: F811
    found = relations_of(text)
    assert not holds(triple, found), f"read: {sorted(found)}"
