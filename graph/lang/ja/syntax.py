"""Small pure helpers over GiNZA tokens: case markers, roles, voice, negation.

They read one token and its children and return plain values, in the spirit of GiNZA's
own span helpers; the relation reader builds predicate-argument structures from them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "LIGHT_VERBS",
    "RECEIVING_VERBS",
    "ROLE_OF_MARKER",
    "argument_role",
    "case_marker",
    "is_coordination",
    "is_passive",
    "is_predicate",
    "joins",
    "negated",
    "quoted_clause",
]

RECEIVING_VERBS = frozenset({"受ける", "得る", "受け入れる", "獲得"})
LIGHT_VERBS = frozenset(
    {"行う", "する", "実施", "結ぶ", "締結", "発表", "受ける", "進める", "図る"}
)
# "と" joins names only when another name follows at once ("AとBが"); otherwise it marks a
# partner ("Bと提携"), so it is handled by the linear check, not listed here.
_COORDINATORS = (
    "や",
    "など",
    "などの",
    "といった",
    "のような",
    "をはじめ",
    "、",
    "及び",
    "および",
)


def case_marker(token: Token) -> str:
    """Case particles after a noun, joined: "が", "に対して", "による", "を基に"."""
    parts: list[tuple[int, str]] = []
    for child in token.children:
        if (
            child.i > token.i
            and child.dep_ in ("case", "mark")
            and child.pos_ in ("ADP", "SCONJ", "PART")
            and not child.tag_.startswith("接尾辞")  # 的 in 進化的モデル is part of the noun
        ):
            parts.append((child.i, child.text))
            parts.extend((g.i, g.text) for g in child.children if g.dep_ == "fixed")
    # "Xを基に" / "Xをベースに": the noun 基 is the head of X, carrying に.
    marker = "".join(text for _, text in sorted(parts))
    for particle in ("などの", "など"):  # "AやBなどを" carries を
        if marker.startswith(particle) and len(marker) > len(particle) and marker != "などの":
            marker = marker[len(particle) :]
    head = token.head
    if marker == "を" and head.lemma_ in ("基", "もと", "ベース", "元") and head.i > token.i:
        return "を基に"
    return marker


def is_coordination(marker: str) -> bool:
    return (
        marker == "" or marker in _COORDINATORS or marker.endswith(("など", "などの", "といった"))
    )


def negated(predicate: Token) -> bool:
    """True when the predicate (or the light verb carrying it) is negated: しない, せず."""
    carriers = [predicate]
    if predicate.dep_ == "obj" and predicate.head.lemma_ in LIGHT_VERBS:
        carriers.append(predicate.head)
    return any(
        c.dep_ in ("aux", "fixed") and c.lemma_ in ("ない", "ず", "ぬ", "ん")
        for p in carriers
        for c in p.children
    )


def quoted_clause(clause: Token) -> bool:
    """A clause reported with と (…と発表した) is what was said, not a chained action."""
    return any(c.dep_ in ("case", "mark") and c.lemma_ == "と" for c in clause.children)


def joins(marker: str) -> bool:
    """Markers that can join a name to the next one in a coordination."""
    return marker == "と" or is_coordination(marker)


#: Case marker -> (role in the active voice, role in the passive voice).
ROLE_OF_MARKER: dict[str, tuple[str, str]] = {
    **dict.fromkeys(("が", "は", "も", "では", "がは"), ("ga", "wo")),
    **dict.fromkeys(("を", "をも"), ("wo", "wo")),
    **dict.fromkeys(("による", "によって", "により"), ("agent", "ga")),
    **dict.fromkeys(
        (
            "に",
            "へ",
            "に対し",
            "に対して",
            "に対する",
            "への",
            "と",
            "との",
            "とは",
            "とも",
            "にも",
        ),
        ("ni", "ni"),
    ),
    **dict.fromkeys(("から", "からの"), ("kara", "kara")),
    **dict.fromkeys(("で", "を使って", "を用いて"), ("de", "de")),
}


def argument_role(marker: str, passive: bool) -> str | None:
    """The role a case marker gives its noun, after undoing the passive (see ROLE_OF_MARKER)."""
    if marker == "を基に" or marker.startswith(("をもと", "をベース", "に基づ", "を元")):
        return "basis"
    roles = ROLE_OF_MARKER.get(marker)
    if roles is None:
        return None
    return roles[1] if passive else roles[0]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lemma_ in ("れる", "られる") for c in verb.children)


def is_predicate(token: Token) -> bool:
    return token.pos_ in ("VERB", "ADJ") or (
        token.pos_ == "NOUN"
        and any(
            c.dep_ in ("aux", "cop") and c.lemma_ in ("する", "だ", "です") for c in token.children
        )
    )
