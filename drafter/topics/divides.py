"""Divides the documents write about together (the towns and the countryside: 城乡融合), read
from ``drafter/_data/divides.tsv``: a topic on one side takes no phrase about the other side alone.

乡村振兴's paragraphs in the provincial reports sit beside 新型城镇化 and 城市更新, so those words
are in its surroundings and pass every statistical test of belonging; a writer strikes them at
once. The sides are words, not statistics: a topic named by a word of one side (乡村 of 乡村振兴)
is on that side, and a phrase with words of the other side only is another field's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from drafter.data import read_data_lines


@dataclass(frozen=True)
class Divide:
    sides: tuple[tuple[str, ...], tuple[str, ...]]
    both: tuple[str, ...]


@lru_cache(maxsize=1)
def divides() -> tuple[Divide, ...]:
    out = []
    for line in read_data_lines("divides.tsv"):
        one, other, *both = line.split("\t")
        out.append(Divide((tuple(one.split()), tuple(other.split())), tuple(both[0].split()) if both else ()))
    return tuple(out)


def _names(text: str, words: Sequence[str]) -> bool:
    return any(w in text for w in words)


@dataclass(frozen=True)
class Side:
    """The side of a divide a topic is on: its own words, the far side's, those naming both."""

    own: tuple[str, ...]
    far: tuple[str, ...]
    both: tuple[str, ...]


def far_sides(names: Sequence[str]) -> tuple[Side, ...]:
    """For a topic with these names, each divide it is on one side of."""
    out = []
    for d in divides():
        on = [_names(n, side) and not _names(n, d.both) for n in names for side in d.sides]
        near = [any(on[i::2]) for i in range(2)]
        if near[0] != near[1]:
            own, far = (0, 1) if near[0] else (1, 0)
            out.append(Side(d.sides[own], d.sides[far], d.both))
    return tuple(out)


def across(text: str, sides: Sequence[Side]) -> bool:
    """The phrase speaks of the far side of a divide only (深化城市更新 for 乡村振兴)."""
    return any(_names(text, s.far) and not _names(text, s.own + s.both) for s in sides)


def on_side(text: str, sides: Sequence[Side]) -> bool:
    """The phrase names the topic's own side of every divide it is on (促进农民持续增收 for
    乡村振兴; not 统筹城乡社会救助体系, whose 城乡 names both and whose subject is neither)."""
    return all(_names(text, s.own) for s in sides)
