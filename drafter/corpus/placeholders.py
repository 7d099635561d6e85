"""Placeholders of the genre (XX, ××, ***, x市, ___): kept in the text, and listed."""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(
    r"(?<![A-Za-z])(?:[Xx]{2,}|[Xx](?=[\u4e00-\u9fff])(?<![A-Za-z][Xx]))"
    r"|×{1,}|\*{2,}|(?<![A-Za-z0-9])\*(?=[\u4e00-\u9fff])|_{2,}|(?<=[\u4e00-\u9fff，、])_(?![A-Za-z0-9])"
    r"|〔[^〔〕]{1,8}待补〕|〇{2,}|□{1,}"
)


def find_placeholders(text: str) -> list[str]:
    """Every placeholder in the text, in order (e.g. ["XX", "××", "***", "x"])."""
    return [m.group(0) for m in _PLACEHOLDER.finditer(text)]
