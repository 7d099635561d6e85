"""Divides the documents write about together (the towns and the countryside: 城乡融合), read
from ``drafter/_data/divides.tsv``: a topic on one side takes no phrase about the other side alone.

乡村振兴's paragraphs in the provincial reports sit beside 新型城镇化 and 城市更新, so those words
are in its surroundings and pass every statistical test of belonging; a writer strikes them at
once. The sides are words, not statistics: a topic named by a word of one side (乡村 of 乡村振兴)
is on that side, and a phrase with words of the other side only is another field's. `Bars` holds
these with the other fields' names a topic's name is part of (主题教育 for 教育).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from drafter.data import data_path, read_data_records
from drafter.errors import DrafterError
from drafter.topics.names import other_fields

DATA = "divides.tsv"


@dataclass(frozen=True)
class Divide:
    sides: tuple[tuple[str, ...], tuple[str, ...]]
    both: tuple[str, ...]
    ranking: tuple[bool, bool]  # whether a topic on each side ranks phrases by naming its side


@dataclass(frozen=True)
class Side:
    """The side of a divide a topic is on: its own words, the far side's, those naming both."""

    own: tuple[str, ...]
    far: tuple[str, ...]
    both: tuple[str, ...]
    ranking: bool


@lru_cache(maxsize=1)
def divides() -> tuple[Divide, ...]:
    path = data_path(DATA)
    out = []
    for number, line in read_data_records(DATA):
        cols = line.split("\t")
        one, other = (tuple(c.split()) for c in cols[:2]) if len(cols) >= 2 else ((), ())
        if not one or not other or len(cols) > 4:
            raise DrafterError("每行应为：一方的词、另一方的词、两方共有的词、排序的一方（1 或 2）", path, number)
        ranks = cols[3].split() if len(cols) > 3 else []
        if any(r not in ("1", "2") for r in ranks):
            raise DrafterError(f"排序的一方只能写 1 或 2：{cols[3]}", path, number)
        both = tuple(cols[2].split()) if len(cols) > 2 else ()
        out.append(Divide((one, other), both, ("1" in ranks, "2" in ranks)))
    return tuple(out)


def _names(text: str, words: Sequence[str]) -> bool:
    return any(w in text for w in words)


def far_sides(names: Sequence[str]) -> tuple[Side, ...]:
    """For a topic with these names, each divide it is on one side of."""
    out = []
    for d in divides():
        if any(_names(n, d.both) for n in names):
            continue  # 农民工工资支付, 城乡社区治理: both sides' work
        near = [any(_names(n, side) for n in names) for side in d.sides]
        if near[0] != near[1]:
            own, far = (0, 1) if near[0] else (1, 0)
            out.append(Side(d.sides[own], d.sides[far], d.both, d.ranking[own]))
    return tuple(out)


def across(text: str, sides: Sequence[Side]) -> bool:
    """The phrase speaks of the far side of a divide only (深化城市更新 for 乡村振兴)."""
    return any(_names(text, s.far) and not _names(text, s.own + s.both) for s in sides)


def off_side(text: str, sides: Sequence[Side]) -> bool:
    """The phrase names none of the topic's own side where the topic's phrases are expected to
    (统筹城乡社会救助体系, 壮大县域经济 for 乡村振兴: said beside its tasks, about neither side)."""
    ranking = [s for s in sides if s.ranking]
    return bool(ranking) and not any(_names(text, s.own) for s in ranking)


@dataclass(frozen=True)
class Bars:
    """What a topic never takes, whatever its statistics say: phrases of the far side of a divide
    only, and phrases naming another field that holds its name (drafter.topics.names.other_fields)."""

    sides: tuple[Side, ...] = ()
    others: tuple[str, ...] = ()

    @classmethod
    def of(cls, names: Sequence[str], parts: Sequence[str] = ()) -> Bars:
        return cls(far_sides(names), other_fields(names, parts))

    def exclude(self, text: str) -> bool:
        return across(text, self.sides) or any(o in text for o in self.others)
