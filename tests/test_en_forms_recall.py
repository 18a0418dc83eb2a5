"""Forms met among the missed facts of unseen news (en batches 10 and 11), each on
invented sentences with other names, verbs and orders: a fronted gerund as the subject
of "be" ("Also taking part in the round were A and B"), a definite round left to the
company that raised money ("Tarn Capital joined the round"), a title tagged a verb
between two names ("… and Tarnwick co-founder Omar Pell"), the maker of a name
compounded with a type or series noun ("the Wren-3 series from Pellory Labs"), and the
company whose unit a person leads ("runs Pellory's AI division"), the names a plural
event noun lists ("made several acquisitions, including A and B"), and the subject of a
clause "with $5 million in funding". Negatives must state nothing."""

from __future__ import annotations

from tests.en_helpers import form_tests

POSITIVE = [
    # a fronted gerund phrase is the clause's subject: the noun phrase after "be" is its own
    (
        "Quillon raised $20 million in a Series A round. Also taking part in the round were "
        "Vexo Capital and Tarn Ventures.",
        {("vexo-capital", "investedIn", "quillon"), ("tarn-ventures", "investedIn", "quillon")},
    ),
    (
        "Brisklabs closed a $9 million seed round on Monday. Leading the round was Harrow "
        "Partners.",
        {("harrow-partners", "investedIn", "brisklabs")},
    ),
    # a definite round with no owner of its own is the one the last raiser raised
    (
        "Orvane raised $40 million last week. Kestrel Capital joined the round.",
        {("kestrel-capital", "investedIn", "orvane")},
    ),
    (
        "Tessiva secured $12 million from backers. Marrow Ventures led the financing.",
        {("marrow-ventures", "investedIn", "tessiva")},
    ),
    # a title the parser tags a verb between two names: the name after holds it at the
    # name before
    (
        "Quillon raised $5 million from Ada Voss, the head of Pellory AI, and Tarnwick "
        "co-founder Omar Pell.",
        {("omar-pell", "founded", "tarnwick")},
    ),
    (
        "Backers include Harrow Ventures, the fund run by Ada Voss, and Brisklabs founder "
        "Lena Ostrik.",
        {("lena-ostrik", "founded", "brisklabs")},
    ),
    # the name compounded with a type or series noun is what its "from" made
    (
        "Open models spread fast, such as the Wren-3 series from Pellory Labs and the "
        "Kestrel-2 family from Tarnwick AI.",
        {("pellory-labs", "developed", "wren-3")},
    ),
    (
        "It builds on open chatbots, such as the Tansy app from Brisk Labs, and the Kestrel "
        "model from Tarnwick AI.",
        {("brisk-labs", "developed", "tansy"), ("tarnwick-ai", "developed", "kestrel")},
    ),
    # the names a plural event noun lists are the events' other ends (in its one role)
    (
        "Since 2019 Harlix has completed four acquisitions, including Quillon and Dorvex.",
        {("harlix", "acquired", "quillon"), ("harlix", "acquired", "dorvex")},
    ),
    (
        "Pellory made several investments last year, including Quillon and Dorvex.",
        {("pellory", "investedIn", "quillon"), ("pellory", "investedIn", "dorvex")},
    ),
    # a clause's subject "with" a sum of a round raised it (a later "the round" is its)
    (
        "Vexo emerged from stealth with $5 million in funding led by Harrow Partners. Also "
        "joining the round was Tarn Ventures.",
        {("harrow-partners", "investedIn", "vexo"), ("tarn-ventures", "investedIn", "vexo")},
    ),
    # what a parent company holds is a company
    (
        "Critics noted that Quillbook parent Harlix released its Wren model last year.",
        {("harlix", "owns", "quillbook")},
    ),
    (
        "Analysts expect Vexo, the parent company of Talkly and Pictly, to report strong sales.",
        {("vexo", "owns", "talkly"), ("vexo", "owns", "pictly")},
    ),
    # the company of a later title in the tree's coordination is the first title's too
    (
        "Speaking on Tuesday, Omar Pell, co-founder and former chief scientist of "
        "Tarnwick, praised the new chips.",
        {("omar-pell", "founded", "tarnwick")},
    ),
    (
        "Lena Ostrik, founder and onetime president of Harrow Labs, declined to comment.",
        {("lena-ostrik", "founded", "harrow-labs")},
    ),
    # a bare title after "Name," that the parser made the name's conjunct describes it
    (
        "Dara Quist, co-founder and former chief operating officer of Velloq Labs, joined "
        "the board.",
        {("dara-quist", "founded", "velloq-labs")},
    ),
    # a model made "using" or "with" a technique uses it (the clause's noun is the model)
    (
        "Reviewers liked Sorvin-7B, a small model designed using Direct Preference "
        "Optimization, more than its rivals.",
        {("sorvin-7b", "uses", "dpo")},
    ),
    (
        "Tallis-7B is a decoder-only model that was trained using Direct Preference Optimization.",
        {("tallis-7b", "uses", "dpo")},
    ),
    (
        "Tarnwick said Wren-2 was fine-tuned with Direct Preference Optimization.",
        {("wren-2", "uses", "dpo")},
    ),
    # a group a participle puts in an event includes its participants
    (
        "Quillon raised $20 million. Firms taking part in the Quillon round include Vexo "
        "Capital, Tarn Ventures and Brisk Partners.",
        {
            ("vexo-capital", "investedIn", "quillon"),
            ("tarn-ventures", "investedIn", "quillon"),
            ("brisk-partners", "investedIn", "quillon"),
        },
    ),
    # the company named before a round raised it
    (
        "Brisk Partners led the Orvane round.",
        {("brisk-partners", "investedIn", "orvane")},
    ),
    # a verb the parser read as a plural noun, the sentence's root: the name before is
    # the subject, the noun's prepositions the verb's
    ("Tarnis Capital invests in Quillon Labs.", {("tarnis-capital", "investedIn", "quillon-labs")}),
    (
        "Vexo AI partners with Dorvex Systems on chips.",
        {("dorvex-systems", "partneredWith", "vexo-ai")},
    ),
    # who leads a company's unit works for the company
    (
        "Ada Voss, who now runs Pellory's AI division, spoke on Monday.",
        {("ada-voss", "worksFor", "pellory")},
    ),
    # ", who" after a name stands for that name, wherever the parser hung the clause
    (
        "The board praised two engineers and chief scientist Ada Voss, who now runs "
        "Pellory's robotics unit.",
        {("ada-voss", "worksFor", "pellory")},
    ),
    (
        "Tarnwick's cloud group is led by Omar Pell.",
        {("omar-pell", "worksFor", "tarnwick")},
    ),
    (
        "Omar Pell oversees Vexo Systems' data-center team.",
        {("omar-pell", "worksFor", "vexo-systems")},
    ),
]

NEGATIVE = [
    # the inverted subject of a verb of no relation, and a negated one
    (
        "Quillon raised $20 million in a Series A round. Not joining the round was Harrow "
        "Partners.",
        ("harrow-partners", "investedIn"),
    ),
    # a unit led by no one stated, and a negated lead
    ("Ada Voss does not lead Pellory's research group.", ("ada-voss", "worksFor")),
    # a former title between two names is over: no present tie
    (
        "Quillon hired Ada Voss and former Tarnwick chief executive Omar Pell.",
        ("omar-pell", "worksFor", "tarnwick"),
    ),
    # a noun of deals is bought or partnered with: no one reading; none made
    ("Vexo made several deals this year, including Quillon and Dorvex.", ("vexo",)),
    ("Pellory made no investments last year, including Quillon.", ("pellory", "investedIn")),
    ("Tarnis Capital never invests in Quillon Labs.", ("tarnis-capital", "investedIn")),
    (
        "Quillon raised $20 million. Firms left out of the Quillon round include Vexo Capital.",
        ("vexo-capital", "investedIn"),
    ),
    # the former title stays former; a title with its own company keeps it
    (
        "Speaking on Tuesday, Omar Pell, co-founder and former chief scientist of "
        "Tarnwick, praised the new chips.",
        ("omar-pell", "worksFor", "tarnwick"),
    ),
    (
        "Ada Voss, co-founder of Pellory and CEO of Vexo Labs, spoke.",
        ("ada-voss", "founded", "vexo-labs"),
    ),
    (
        "Sorvin-7B is a model that Pellory trained without using Direct Preference Optimization.",
        ("sorvin-7b", "uses"),
    ),
    # a former parent holds it no more
    ("Talkly's former parent company, Harlix, kept no stake.", ("harlix", "owns")),
    # "from" after a noun with no name before it names no maker
    ("The startup bought chips from Pellory Labs.", ("pellory-labs", "developed")),
]


read, test_reads_the_form, test_states_nothing_it_does_not_say = form_tests(POSITIVE, NEGATIVE)
