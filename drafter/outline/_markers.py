"""Heading markers as fmt/check/regen need them, on top of `drafter.structure.markers`.

structure owns the genre's marker families; this adapter adds what an editor of Markdown
headings needs on top: the marker exactly as written, and the spacing after it (kept by fmt).
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.structure import markers as _structure

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


def split_marker(heading: str) -> tuple[Marker | None, str, str]:
    """Split heading text into (marker or None, whitespace after it, rest of the text)."""
    text = heading.lstrip()
    found = _structure.match_marker(text)
    if found is None or not text.endswith(found.rest):
        return None, "", heading
    raw = text[: len(text) - len(found.rest)]
    marker = raw.rstrip()
    return Marker(marker, found.family, found.n), raw[len(marker):], found.rest


def format_marker(family: str, n: int) -> str:
    """The n-th marker (1-based) of `family`, falling back to 一、 for unknown families."""
    try:
        return _structure.format_marker(family, n)
    except ValueError:
        return _structure.format_marker("cn_dun", n)


def parse_cn_number(text: str) -> int | None:
    """一..九十九 -> int; None when `text` is not such a numeral."""
    if not text or len(text) > 3 or any(ch not in "一二三四五六七八九十" for ch in text):
        return None
    try:
        return _structure.cn_to_int(text)
    except ValueError:
        return None
