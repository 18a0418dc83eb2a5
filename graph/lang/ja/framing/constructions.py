"""Construction frames: what names say by how they are written, not by a trigger word.

``Xの「Y」`` (``@possessive``, ``@affiliation``, ``@tuned``), ``自社の「Y」``, a title
glued to a name (``松尾豊教授``), subjects acting together (``@jointly``, ``共同で``), and
arguments shared between frames built from trigger words (posts joined by 兼, event
nouns joined by と). They run after every trigger's frame is built (``build``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from graph.lang.ja.framing.records import Placed, ProtoArgument, ProtoFrame, _State
from graph.lang.ja.framing.words import _OWN, _QUALIFIER_SUFFIXES
from graph.lang.ja.syntax import is_predicate


class _Constructions(_State):
    """Frames of constructions rather than of trigger words, and arguments shared between frames."""

    def _share_coordinated_events(self, frames: list[ProtoFrame]) -> list[ProtoFrame]:
        """``「Fugaku-LLM」の開発と提供を行っており``: event nouns joined by と/や share
        their doer and what they are of (the parse gives each only one of them)."""
        by_token = {}
        for frame in frames:
            token = self._token_at(frame.start)
            if token is not None:
                by_token[token.i] = frame
        out = {id(f): f for f in frames}
        for i, first in by_token.items():
            token = self.doc[i]
            joined = any(c.dep_ == "case" and c.text in ("と", "や") for c in token.children)
            second = by_token.get(token.head.i)
            if not joined or second is None or token.head.i == i:
                continue
            if token.pos_ != "NOUN" or token.head.pos_ != "NOUN" or is_predicate(token):
                continue  # "…を買収したと発表した": a quoted clause, not a coordinated noun
            a, b = out[id(first)], out[id(second)]
            for receiver, giver, roles in ((a, b, ("ga",)), (b, a, ("poss", "wo"))):
                have = {r for arg in receiver.arguments for r in arg.role.split("|")}
                if have & set(roles):
                    continue
                shared = tuple(
                    replace(arg, via="chain", penalty=max(arg.penalty, 0.05))
                    for arg in giver.arguments
                    if arg.role in roles
                )
                if shared:
                    out[id(receiver)] = replace(receiver, arguments=(*receiver.arguments, *shared))
                    a, b = out[id(first)], out[id(second)]
        return [out[id(f)] for f in frames]

    def _share_joint_titles(self, frames: list[ProtoFrame]) -> list[ProtoFrame]:
        """``ミナセ技研の共同創業者兼CEOだ``, ``…の共同創業者でCEOのY氏``: two posts joined
        by 兼 (or で, であり) are held by the same person at the same company; the parse gives
        the holder to the last one and the company to the first, so each takes the other's."""
        by_start = {f.start: f for f in frames}
        shared: dict[int, list[ProtoArgument]] = {}  # frame index -> arguments it gains
        index = {id(f): i for i, f in enumerate(frames)}
        for frame in frames:
            joiner = re.match(r"兼|であり、?|で(?!は)", self.text[frame.end :])
            after = by_start.get(frame.end + len(joiner.group(0))) if joiner else None
            if after is None or (after.trigger != "@title" and joiner.group(0) != "兼"):
                continue  # (で joins posts only when a title follows: 創業者でCEO)
            for giver, taker in ((after, frame), (frame, after)):
                held = {(a.name.token, a.role) for a in taker.arguments}
                roles = ("ga", "head", "poss") if taker is frame else ("poss",)
                shared.setdefault(index[id(taker)], []).extend(
                    a
                    for a in giver.arguments
                    if a.role in roles
                    and (a.name.token, a.role) not in held
                    and not (a.role == "ga" and any(r == "head" for _, r in held))
                )
        return [
            replace(f, arguments=(*f.arguments, *shared[i])) if shared.get(i) else f
            for i, f in enumerate(frames)
        ]

    def _joint_actors(self, frames: list[ProtoFrame]) -> list[ProtoFrame]:
        """``AとBは共同で…を開発``, ``A、B、Cの3社が協力して``: subjects said to act
        together (共同で, 協力して, 連携して, 手を組んで) are partners, whatever they do."""
        out = []
        for frame in frames:
            if frame.clause < 0:
                continue
            clause = self.doc[frame.clause]
            joint = any(
                re.match(
                    r"(?:共同|協力|連携|協業|提携)(?:で|して|し|の上)", self.text[c.idx : c.idx + 4]
                )
                or self.text.startswith("手を組んで", c.idx)
                for c in clause.subtree
                if c.i < clause.i and c.head.i == clause.i
            )
            subjects = [a for a in frame.arguments if a.role == "ga" and a.via in ("tree", "topic")]
            if joint and len({a.name.key for a in subjects}) >= 2:
                out.append(
                    ProtoFrame(
                        "@jointly",
                        frame.start,
                        frame.end,
                        tuple(subjects),
                        frame.blocked,
                        frame.clause,
                    )
                )
        return out

    def _possessives(self) -> list[ProtoFrame]:
        """``Quillion AIのチャットボット「QuillChat」``: a name owned by the name before の."""
        out = []
        for head_i, owners in self.possessors.items():
            head = self.doc[head_i]
            if head_i in self.paired:
                owned = self._paired_run(self.paired[head_i])  # not the whole list
            else:
                owned = [n for n in self._named(head) if n not in owners]
            # "エヌビディアのクロード向け技術": a name glued to 向け/用 qualifies the noun after
            # it, which is what the possessor has.
            owned = [
                n
                for n in owned
                if not self.text[n.unit_end :].lstrip("」』").startswith(_QUALIFIER_SUFFIXES)
            ]
            # "OpenAIのGPT-3.5やGPT-4、GoogleのPaLM 2": a list member with a possessor of its
            # own is not the first one's, nor is the company that possessor is.
            own_possessor = {
                n.token
                for n in owned
                for p in self.by_token.values()
                if p not in owners and self.text[p.unit_end : n.start].rstrip("「『") == "の"
            }
            owned = [n for n in owned if n.token not in own_possessor]
            hints = {n.hint for n in owned}
            if len(owned) > 1 and "Organization" in hints and hints & {"AIModel", "Product"}:
                owned = [n for n in owned if n.hint != "Organization"]
            if not owned:
                continue
            arguments = [ProtoArgument(n, "poss") for n in owners]
            arguments += [ProtoArgument(n, "head") for n in owned]
            out.append(
                ProtoFrame("@possessive", head.idx, head.idx + len(head.text), tuple(arguments))
            )
            # "OpenAIのGreg Brockman氏": a name right after Xの, with no noun between them to
            # say what X is to it, belongs to X (the patterns' classes decide: a person works
            # there); "OpenAIの共同創業者X氏" says more and is read through its title.
            for name in owned:
                tuned = self._tuned_from(name, owners)
                if tuned is not None:
                    pair = (ProtoArgument(name, "ga"), ProtoArgument(tuned, "wo"))
                    out.append(ProtoFrame("@tuned", name.start, name.end, pair))
                direct = [o for o in owners if self.text[o.unit_end : name.start] == "の"]
                # ("米紙Xの同氏へのインタビュー": a person referred back to was placed where
                # first named; a name before の then owns the event noun, not the person.)
                if direct and not name.reference:
                    affiliation = (ProtoArgument(name, "head"), ProtoArgument(direct[0], "poss"))
                    out.append(ProtoFrame("@affiliation", name.start, name.end, affiliation))
        return out

    def _tuned_from(self, name: Placed, owners: list[Placed]) -> Placed | None:
        """``Llama 2の日本語継続事前学習モデル「Youri 7B」``: a model called the tuned model
        of another (a fine-tuning word in the noun between them) is tuned from it."""
        words = [w for w in self.s.triggers.tuning if not w.startswith("@") and len(w) > 1]
        for owner in owners:
            between = self.text[owner.unit_end : name.start]
            match = re.fullmatch(
                r"[」』]?\s?の([^、。「」『』はがを]{2,20}?)(?:モデル|版)[「『]?", between
            )
            if match and any(w in match.group(1) for w in words):
                return owner
        return None

    def _paired_run(self, owned: Placed) -> list[Placed]:
        """``NVIDIAの「A」「B」の両システム``: the name after the possessor and the names
        listed right after it, up to the next name that has a possessor of its own."""
        group = sorted(self.group_of.get(owned.token, [owned]), key=lambda n: n.start)
        run = []
        for member in group:
            if member.start < owned.start:
                continue
            if run and self._anchor(member)[0].i in self.paired:
                break
            run.append(member)
        return run or [owned]

    def _own_names(self) -> list[ProtoFrame]:
        """``アンソロピックは自前の対話型生成AI「クロード」``: 自社の, 自前の say the name is
        the subject's own."""
        out = []
        for name in self.s.names:
            if not _OWN.search(self.text[: name.start]):
                continue
            owners = self._sentence_topic(before=name.token, exclude={name.token})
            if owners:
                arguments = (
                    ProtoArgument(name, "head"),
                    *(ProtoArgument(o, "poss", "topic", 0.1) for o in owners),
                )
                out.append(ProtoFrame("@possessive", name.start, name.end, arguments))
        return out

    def _glued_titles(self) -> list[ProtoFrame]:
        """``東京大学の松尾豊教授``: a title written as the name's own suffix."""
        out = []
        for name in self.s.names:
            suffix = self.text[name.end : name.unit_end]
            if not suffix or suffix not in self.s.triggers.titles:
                continue
            owners = self.possessors.get(name.token, [])
            if owners:
                arguments = (
                    ProtoArgument(name, "head"),
                    *(ProtoArgument(o, "poss") for o in owners),
                )
                out.append(
                    ProtoFrame("@title", name.end, name.unit_end, arguments, None, name.token)
                )
        return out
