"""Heading markers as fmt/check/regen need them, on top of `drafter.structure.markers`.

structure owns the genre's marker families; this adapter adds what an editor of Markdown
headings needs on top: the marker exactly as written, and the spacing after it (kept by fmt).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.structure import markers as _structure
from drafter.structure.markers import parse_cn_number

# The usual family at each depth when a level has no marker anywhere in the document.
DEFAULT_FAMILY_BY_LEVEL = {1: "cn_dun", 2: "cn_paren", 3: "arabic_dot", 4: "arabic_paren",
                           5: "circled"}
# Families that stand for "no real number here" (XX，): fmt replaces them, check reports them.
NOT_NUMBERED = frozenset({"placeholder"})


@dataclass(frozen=True)
class Marker:
    """A numbering marker found at the start of a heading."""

    text: str  # exactly as written, e.g. "（二）" or "(二)"
    family: str
    number: int


# 第五部分 / 第三章 / 第二方面: a heading numbered by itself, renumbered in its own form.
_ORDINAL = re.compile(r"^第(?P<n>[一二三四五六七八九十]{1,3})(?P<unit>部分|章|节|篇|讲|方面)")
ORDINAL_PREFIX = "ordinal:"  # family of such markers: "ordinal:部分"


def split_marker(heading: str) -> tuple[Marker | None, str, str]:
    """Split heading text into (marker or None, whitespace after it, rest of the text)."""
    text = heading.lstrip()
    ordinal = _ORDINAL.match(text)
    if ordinal is not None:
        rest = text[ordinal.end():]
        body = rest.lstrip()
        number = parse_cn_number(ordinal.group("n")) or 0
        if number:
            family = ORDINAL_PREFIX + ordinal.group("unit")
            return Marker(ordinal.group(0), family, number), rest[: len(rest) - len(body)], body
    found = _structure.match_marker(text)
    if found is None or not text.endswith(found.rest):
        return None, "", heading
    raw = text[: len(text) - len(found.rest)]
    marker = raw.rstrip()
    return Marker(marker, found.family, found.n), raw[len(marker):], found.rest


def format_marker(family: str, n: int) -> str:
    """The n-th marker (1-based) of `family`, falling back to 一、 for unknown families."""
    if family.startswith(ORDINAL_PREFIX):
        return f"第{_structure.int_to_cn(n)}{family[len(ORDINAL_PREFIX):]}"
    try:
        return _structure.format_marker(family, n)
    except ValueError:
        return _structure.format_marker("cn_dun", n)


def count_word(n: int) -> str:
    """How a speech says n points: 两点, 三点, 十二点 (the numeral before 点)."""
    return "两" if n == 2 else _structure.int_to_cn(n)
