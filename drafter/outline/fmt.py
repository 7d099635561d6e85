"""Renumber an outline's headings after the user inserted, deleted or reordered points.

Each level keeps the marker family the document uses most at that level; a heading written
without a marker gets the right one. Only heading lines whose marker changes are touched, so
running fmt twice changes nothing the second time.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from drafter.outline._markers import (
    DEFAULT_FAMILY_BY_LEVEL,
    NOT_NUMBERED,
    ORDINAL_PREFIX,
    count_word,
    format_marker,
    split_marker,
)
from drafter.outline.model import Heading, headings

# The count a transition announces: 讲三点意见 / 强调七点要求 (几点 says no number: left alone).
POINT_COUNT = re.compile(r"(?P<n>[一二两三四五六七八九十]{1,3})(?=点(?:意见|要求|看法|建议|体会|想法|认识))")


@dataclass(frozen=True)
class Change:
    """One heading line fmt rewrote (line is 1-based within the body)."""

    line: int
    old: str
    new: str


def level_families(heads: list[Heading]) -> dict[int, str]:
    """The marker family of each level: the most used one there, else a default not used above."""
    counts: dict[int, Counter[str]] = {}
    for h in heads:
        counts.setdefault(h.level, Counter())
        if h.marker is not None and h.marker.family not in NOT_NUMBERED and not _own(h):
            counts[h.level][h.marker.family] += 1
    families: dict[int, str] = {}
    for level in sorted(counts):
        if counts[level]:
            # most_common keeps first-seen order among ties (Counter preserves insertion order)
            families[level] = counts[level].most_common(1)[0][0]
    for level in sorted(counts):
        if level not in families:
            used = set(families.values())
            candidates = [DEFAULT_FAMILY_BY_LEVEL.get(level, "arabic_paren")]
            candidates += [f for f in DEFAULT_FAMILY_BY_LEVEL.values() if f not in candidates]
            families[level] = next((f for f in candidates if f not in used), candidates[0])
    return families


def _own(h: Heading) -> bool:
    """A heading numbered in a form of its own (第五部分): renumbered in that form."""
    return h.marker is not None and h.marker.family.startswith(ORDINAL_PREFIX)


def _level_seps(heads: list[Heading]) -> dict[tuple[int, str], str]:
    """The spacing after the marker each (level, family) uses most in the document."""
    seps: dict[tuple[int, str], Counter[str]] = {}
    for h in heads:
        if h.marker is not None:
            seps.setdefault((h.level, h.marker.family), Counter())[h.sep] += 1
    return {key: c.most_common(1)[0][0] for key, c in seps.items()}


def expected_markers(heads: list[Heading]) -> list[str]:
    """The marker each heading should carry, in order: numbered per parent, from 1."""
    families = level_families(heads)
    counters: dict[int, int] = {}
    out = []
    for h in heads:
        for deeper in [lvl for lvl in counters if lvl > h.level]:
            del counters[deeper]
        counters[h.level] = counters.get(h.level, 0) + 1
        family = h.marker.family if _own(h) else families[h.level]  # type: ignore[union-attr]
        out.append(format_marker(family, counters[h.level]))
    return out


def renumber(body: str) -> tuple[str, list[Change]]:
    """The body with every heading renumbered, and the list of lines that changed."""
    lines = body.split("\n")
    heads = headings(lines)
    seps = _level_seps(heads)
    families = level_families(heads)
    changes = []
    for h, marker in zip(heads, expected_markers(heads)):
        if h.marker is not None and h.marker.text == marker:
            continue
        old = lines[h.index]
        family = h.marker.family if _own(h) else families[h.level]  # type: ignore[union-attr]
        if h.marker is not None and h.marker.family == family:
            sep = h.sep  # the writer's spacing stays as long as the family does
        else:  # 3. 突出重点 -> 二、突出重点: the new family's spacing, not the old one's
            sep = seps.get((h.level, family), " " if marker[-1] in ".．" else "")
        prefix = old[: len(old) - len(old.lstrip("#"))] + " "
        # An inline marker can fuse with the text (二要 + 点… reads as 二要点): then a space
        # keeps them apart; a heading that still would not read back is left for check.
        fitting = [s for s in (sep, " ") if _reads_back(marker, s, h.text)]
        if not fitting:
            continue
        new = f"{prefix}{marker}{fitting[0]}{h.text}"
        if new != old:
            lines[h.index] = new
            changes.append(Change(h.index + 1, old, new))
    transition = transition_count(lines)
    if transition is not None:
        index, match, points = transition
        old = lines[index]
        new = old[: match.start()] + count_word(points) + old[match.end():]
        lines[index] = new
        changes.append(Change(index + 1, old, new))
        changes.sort(key=lambda c: c.line)
    return "\n".join(lines), changes


def transition_count(lines: list[str]) -> tuple[int, re.Match[str], int] | None:
    """(line index, the count's match, points there are) when the transition before the first
    point announces a number of points the outline no longer has (讲七点意见 over five)."""
    heads = headings(lines)
    if not heads:
        return None
    points = sum(1 for h in heads if h.level == 1)
    for index in range(heads[0].index):
        if lines[index].lstrip().startswith("#"):
            continue
        match = POINT_COUNT.search(lines[index])
        if match is not None and 0 < points < 100:
            if match.group("n") == count_word(points):
                return None
            return index, match, points
    return None


def _reads_back(marker: str, sep: str, text: str) -> bool:
    found, _sep, rest = split_marker(f"{marker}{sep}{text}")
    return found is not None and found.text == marker.rstrip() and rest == text
