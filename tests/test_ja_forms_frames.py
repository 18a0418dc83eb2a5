"""Case frames of unseen Japanese news (issue 8: relations whose two names the graph has),
each on sentences of our own with invented names, as in tests/test_ja_forms.py: a form
must give its fact, a near miss must stay silent, a known gap is a strict xfail.

These are shapes of lists and clauses, whatever the verb: a list closed by a class noun
(AやBといった投資会社から), a list whose members carry modifiers of their own (A、大阪の
投資会社であるB、C傘下のDなどから), a relative clause with two が-subjects, and a clause
with a subject of its own that no topic may fill.
"""

from __future__ import annotations

from tests.test_ja_forms import Triple, case, form_tests, relations_of  # noqa: F401 (fixture)

# --------------------------------------------------------------------------------------
# 71. A list closed by といった/などの and a class noun carries the case written after the
#     noun, a case written in kana too (…といった投資会社から, …といった企業と提携).
# --------------------------------------------------------------------------------------
FORM_71_READS = [
    case(
        "71-kara-after-class-noun",
        "ハヤブサ電機は、オルカテックやサクラ通信といった大手から出資を受けた。",
        ("サクラ通信", "investedIn", "ハヤブサ電機"),
    ),
    case(
        "71-kara-after-class-noun-first-member",
        "ハヤブサ電機は、オルカテックやサクラ通信といった大手から出資を受けた。",
        ("オルカテック", "investedIn", "ハヤブサ電機"),
    ),
    case(
        "71-to-after-class-noun-then-event",
        "ミナセ技研は、オルカテックやサクラ通信などの企業と業務提携を結んだ。",
        ("ミナセ技研", "partneredWith", "サクラ通信"),
    ),
]
FORM_71_SILENT = [
    case(
        "71-negated",
        "ミナセ技研は、オルカテックやサクラ通信といった企業とは提携しなかった。",
        ("ミナセ技研", "partneredWith", "サクラ通信"),
    ),
]

# --------------------------------------------------------------------------------------
# 72. A list whose members carry modifiers of their own (a possessor, an apposition, a
#     relative clause, X傘下), closed by など/といった/ら: the case after the tail is every
#     member's; a name inside a modifier is no member. Without a tail, only や joins.
# --------------------------------------------------------------------------------------
_FUNDED = (
    "ハヤブサ電機は、オルカテック、京都の投資会社であるサクラ通信、さらには鈴木一郎氏が"
    "設立したミナセ技研などから資金を調達した。"
)
_BEATEN = (
    "「Kiri-2」は、オルカテックの「Sora-7B」や、サクラ通信傘下の「Umi-3」といった"
    "既存のモデルを上回った。"
)
FORM_72_READS = [
    case("72-apposition-member", _FUNDED, ("サクラ通信", "investedIn", "ハヤブサ電機")),
    case("72-relative-clause-member", _FUNDED, ("ミナセ技研", "investedIn", "ハヤブサ電機")),
    case("72-possessor-member", _BEATEN, ("kiri-2", "outperforms", "sora-7b")),
    case("72-subsidiary-member", _BEATEN, ("kiri-2", "outperforms", "umi-3")),
    case(
        "72-people-with-ra",
        "ミナセ技研は、オルカテック出身の鈴木一郎氏や、音声認識の論文で知られる研究者の"
        "山田花子氏らが昨年設立した。",
        ("山田花子", "founded", "ミナセ技研"),
    ),
]
_HELD = "ハヤブサ電機は、対話AI「Kiri」や、鈴木一郎氏が買収したSNSの「Umi」を傘下に持つ。"
FORM_72_READS += [
    case("72-ya-without-tail-first", _HELD, ("ハヤブサ電機", "owns", "kiri")),
    case("72-ya-without-tail-last", _HELD, ("ハヤブサ電機", "owns", "umi")),
]
FORM_72_SILENT = [
    case("72-name-inside-modifier-is-no-member", _HELD, ("ハヤブサ電機", "owns", "鈴木一郎")),
    case("72-modifier-subject-stays-its-own", _HELD, ("kiri", "acquired", "umi")),
    case("72-modifier-name-is-no-member", _FUNDED, ("鈴木一郎", "investedIn", "ハヤブサ電機")),
    case("72-possessor-stays-its-own", _BEATEN, ("オルカテック", "developed", "umi-3")),
    case(
        "72-clause-before-comma-is-no-list",
        "ハヤブサ電機は、オルカテックと提携し、サクラ通信の子会社であるミナセ技研などに出資した。",
        ("ハヤブサ電機", "investedIn", "オルカテック"),
    ),
]

# --------------------------------------------------------------------------------------
# 73. A relative clause the parse gave two が-subjects: the nearer is its own, the farther
#     is the subject of the predicate the described noun is an argument of.
# --------------------------------------------------------------------------------------
FORM_73_READS = [
    case(
        "73-farther-ga-is-main-subject",
        "ハヤブサ電機がオルカテック、さらには鈴木一郎氏が代表を務めるサクラ通信などから"
        "資金を調達した。",
        ("サクラ通信", "investedIn", "ハヤブサ電機"),
    ),
    case(
        "73-acquirer-before-relative-clause",
        "ミナセ技研が山田花子氏がCEOを務めるオルカテックを買収した。",
        ("ミナセ技研", "acquired", "オルカテック"),
    ),
]
FORM_73_SILENT = [
    case(
        "73-nearer-ga-is-no-acquirer",
        "ミナセ技研が山田花子氏がCEOを務めるオルカテックを買収した。",
        ("山田花子", "acquired", "オルカテック"),
    ),
]

# --------------------------------------------------------------------------------------
# 74. A clause with a が-subject of its own that is no name (誰もが, 多くの開発者が) takes
#     no subject from a topic; "…できるよう(に)" is the goal a clause is for, no event.
# --------------------------------------------------------------------------------------
FORM_74_READS = [
    case(
        "74-purpose-clause-leaves-main-verb",
        "ハヤブサ電機は、社員が業務で使えるよう、対話AI「Kiri」を導入した。",
        ("ハヤブサ電機", "uses", "kiri"),
    ),
]
FORM_74_SILENT = [
    case(
        "74-mission-with-own-subject",
        "ミナセ技研は東京の企業だ。同社の目標は、誰もが対話AI「Kiri」を手軽に利用できるように"
        "することだ。",
        ("ミナセ技研", "uses", "kiri"),
    ),
    case(
        "74-other-users-subject",
        "ミナセ技研は新しいサービスを始めた。多くの開発者が対話AI「Kiri」を活用している。",
        ("ミナセ技研", "uses", "kiri"),
    ),
    case(
        "74-goal-no-event",
        "ハヤブサ電機は、対話AI「Kiri」を利用できるよう、準備を進めている。",
        ("ハヤブサ電機", "uses", "kiri"),
    ),
]

# --------------------------------------------------------------------------------------
# 75. A list in apposition to a class noun that is a name of its own (XやYといったLLM,
#     …といったオープンな日本語データ) takes that noun's case; a tail cut inside a long noun
#     ends with the noun.
# --------------------------------------------------------------------------------------
FORM_75_READS = [
    case(
        "75-list-before-concept-name",
        "ハヤブサ電機は、「Kiri」や「Umi」といった大規模言語モデル(LLM)を業務に導入した。",
        ("ハヤブサ電機", "uses", "kiri"),
    ),
    case(
        "75-list-before-long-data-noun",
        "Sora-7BはWikipediaやCommon Crawlといったオープンな日本語データを学習した。",
        ("sora-7b", "trainedOn", "common-crawl"),
    ),
]
FORM_75_SILENT = [
    case(
        "75-negated",
        "ハヤブサ電機は、「Kiri」や「Umi」といった大規模言語モデル(LLM)を導入していない。",
        ("ハヤブサ電機", "uses", "kiri"),
    ),
]

# --------------------------------------------------------------------------------------
# 76. より as the formal agent of a passive (Xより公開された, Xより提供されている); より
#     after a name with an active verb compares.
# --------------------------------------------------------------------------------------
FORM_76_READS = [
    case(
        "76-yori-agent-relative",
        "当社のモデルは、昨年ミナセ技研より公開された「Sora-8B」を基にしている。",
        ("ミナセ技研", "developed", "sora-8b"),
    ),
    case(
        "76-yori-agent-main-clause",
        "「Sora-8B」は、オルカテックより一般公開された。",
        ("オルカテック", "developed", "sora-8b"),
    ),
]
FORM_76_SILENT = [
    case(
        "76-yori-comparison",
        "「Sora-8B」は、オルカテックの「Umi-3」より高い性能を示した。",
        ("オルカテック", "developed", "sora-8b"),
    ),
]

# --------------------------------------------------------------------------------------
# 77. Releasing verbs of the thesaurus: オープンソース化, 一般提供 (a model made open, a
#     service made generally available, is released by its maker).
# --------------------------------------------------------------------------------------
FORM_77_READS = [
    case(
        "77-open-sourced-relative",
        "サクラ通信がオープンソース化した「Umi-3」は、多くの開発者に使われている。",
        ("サクラ通信", "developed", "umi-3"),
    ),
    case(
        "77-open-sourced-main",
        "ミナセ技研は、大規模言語モデル「Sora-8B」をオープンソース化した。",
        ("ミナセ技研", "developed", "sora-8b"),
    ),
]
FORM_77_SILENT = [
    case(
        "77-open-source-planned",
        "ミナセ技研は、大規模言語モデル「Sora-8B」をオープンソース化する計画を明らかにした。",
        ("ミナセ技研", "developed", "sora-8b"),
    ),
]

# --------------------------------------------------------------------------------------
# 78. Text spaced between words (machine-set news: "Google の「 Gemma 3 」"): a possessor
#     written with の and spaces before a name is still that name's, no list member.
# --------------------------------------------------------------------------------------
_SPACED = (
    "「 Kiri-2 」は、オルカテック の「 Sora-7B 」や ハヤブサ電機 の「 Umi-3B 」といった"
    "モデルを上回った。"
)
FORM_78_READS = [
    case("78-spaced-possessor-member", _SPACED, ("kiri-2", "outperforms", "sora-7b")),
    case("78-spaced-possessor-owns", _SPACED, ("ハヤブサ電機", "developed", "umi-3b")),
]
FORM_78_SILENT = [
    case("78-spaced-owner-is-no-rival", _SPACED, ("kiri-2", "outperforms", "ハヤブサ電機")),
    case("78-spaced-first-model-is-no-owner", _SPACED, ("sora-7b", "developed", "umi-3b")),
]

# --------------------------------------------------------------------------------------
# 79. A name glued before a relational noun, with a space in spaced text (Tovrin AI
#     共同創業者) or before a trigger written in two words (…共同創業者・COO): the noun's
#     company.
# --------------------------------------------------------------------------------------
FORM_79_READS = [
    case(
        "79-spaced-glued-founder",
        "Tovrin AI 共同創業者の山田花子氏は声明で述べた。",
        ("山田花子", "founded", "tovrin-ai"),
    ),
]
FORM_79_SILENT = [
    case(
        "79-spaced-glued-origin-is-no-founding",
        "Tovrin AI 出身の山田花子氏は声明で述べた。",
        ("山田花子", "founded", "tovrin-ai"),
    ),
]

# --------------------------------------------------------------------------------------
# 80. A topic written as a company's officer (XのY社長は, XのY最高経営責任者(CEO)は) acts
#     for the company: the company is the party to a corporate act with no subject; the
#     officer's own moves (移籍) stay the person's.
# --------------------------------------------------------------------------------------
FORM_80_READS = [
    case(
        "80-officer-announces-partnership",
        "ハヤブサ電機の鈴木一郎社長は3日、ミナセ技研との資本業務提携を発表した会見で語った。",
        ("ハヤブサ電機", "partneredWith", "ミナセ技研"),
    ),
    case(
        "80-officer-with-parenthesised-title",
        "オルカテックの山田花子最高経営責任者(CEO)は、ミナセ技研を買収すると発表した。",
        ("オルカテック", "acquired", "ミナセ技研"),
    ),
]
FORM_80_SILENT = [
    case(
        "80-officer-moves-alone",
        "ハヤブサ電機の鈴木一郎社長は、オルカテックに移籍した。",
        ("ハヤブサ電機", "worksFor", "オルカテック"),
    ),
    case(
        "80-officer-plan-is-no-fact",
        "ハヤブサ電機の鈴木一郎社長は、ミナセ技研との提携を検討していないと述べた。",
        ("ハヤブサ電機", "partneredWith", "ミナセ技研"),
    ),
]

READS = [
    *FORM_71_READS,
    *FORM_72_READS,
    *FORM_73_READS,
    *FORM_74_READS,
    *FORM_75_READS,
    *FORM_76_READS,
    *FORM_77_READS,
    *FORM_78_READS,
    *FORM_79_READS,
    *FORM_80_READS,
]
SILENT = [
    *FORM_71_SILENT,
    *FORM_72_SILENT,
    *FORM_73_SILENT,
    *FORM_74_SILENT,
    *FORM_75_SILENT,
    *FORM_76_SILENT,
    *FORM_77_SILENT,
    *FORM_78_SILENT,
    *FORM_79_SILENT,
    *FORM_80_SILENT,
]


test_form_is_read, test_near_miss_stays_silent = form_tests(READS, SILENT)
