"""Outline Markdown -> a flat list of laid-out paragraphs (title, salutation, headings, body).

Both writers (.docx and .txt) take these blocks, so they agree on what a paragraph is.
Fact slots (〔数据待补〕 …) and fallback placeholders (〔待写：…〕) are found here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from drafter.errors import OutlineError

# the placeholders `drafter check` reports: fact slots 〔…待补〕, fallbacks 〔待写：…〕
from drafter.text import PLACEHOLDER as PLACEHOLDER_RE

_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_EMPHASIS_RE = re.compile(r"(\*\*|__)(.+?)\1")
_SALUTATION_MAX = 40


@dataclass(frozen=True)
class Placeholder:
    """One placeholder left in the outline, with the outline line it is on."""

    line: int
    text: str


@dataclass
class Block:
    """One paragraph of the exported document."""

    role: str  # a profile role: title, salutation, body, heading1..heading3
    text: str
    line: int  # 1-based line in the outline file
    level: int = 0  # heading level (1..), 0 for other paragraphs
    placeholders: list[str] = field(default_factory=list)


def read_outline_blocks(path: Path) -> list[Block]:
    """Read an outline file (drafter.outline reads it) and lay out its body as blocks."""
    from drafter.outline.io import read_document

    _outline, head, body = read_document(path)
    blocks = outline_blocks(body, first_line=head.count("\n") + 1)
    if not blocks:
        raise OutlineError("提纲是空的，没有可导出的内容", path)
    return blocks


def outline_blocks(body: str, first_line: int = 1) -> list[Block]:
    """Blocks of a Markdown outline body; each non-blank line is one paragraph."""
    body = _COMMENT_RE.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    blocks: list[Block] = []
    for offset, raw in enumerate(body.split("\n")):
        line = raw.strip()
        if not line:
            continue
        number = first_line + offset
        heading = _HEADING_RE.match(line)
        if heading:
            depth = len(heading.group(1))
            text = _plain(heading.group(2))
            if not text:
                continue
            if depth == 1:
                blocks.append(Block("title", text, number))
            elif depth <= 4:
                blocks.append(Block(f"heading{depth - 1}", text, number, level=depth - 1))
            else:  # (1)-level points and below are laid out as body text, as GB/T 9704 does
                blocks.append(Block("body", text, number, level=depth - 1))
            continue
        text = _plain(line)
        if text:
            blocks.append(Block("body", text, number))
    _mark_title_block(blocks)
    _mark_salutation(blocks)
    for block in blocks:
        block.placeholders = PLACEHOLDER_RE.findall(block.text)
    return blocks


def placeholders(blocks: list[Block]) -> list[Placeholder]:
    """Every placeholder in document order, with its outline line."""
    return [Placeholder(b.line, p) for b in blocks for p in b.placeholders]


def _plain(text: str) -> str:
    """Markdown inline markup a writer may add by hand, removed; the words kept."""
    text = _EMPHASIS_RE.sub(r"\2", text)
    if text.startswith("> "):
        text = text[2:]
    return text.strip()


_DATE_LINE = re.compile(r"^[（(][^（）()]*(?:年|月|日|待补)[^（）()]*[）)]$")
_SPEAKER_MAX = 30


def _mark_title_block(blocks: list[Block]) -> None:
    """Under the title: the speaker's name, then the date in parentheses （2026年11月25日）."""
    if len(blocks) < 2 or blocks[0].role != "title":
        return
    first = blocks[1]
    if first.role != "body" or first.level:
        return
    if _DATE_LINE.match(first.text):
        first.role = "date"
        return
    second = blocks[2] if len(blocks) > 2 else None
    short = len(first.text) <= _SPEAKER_MAX and not re.search(r"[。！？：:；]", first.text)
    if short and second is not None and second.role == "body" and _DATE_LINE.match(second.text):
        first.role, second.role = "speaker", "date"


def _mark_salutation(blocks: list[Block]) -> None:
    """The first short line ending in a colon, before any heading, is the 称呼 (同志们：)."""
    for block in blocks:
        if block.role in ("title", "speaker", "date"):
            continue
        if block.role != "body" or block.level:
            return
        text = block.text
        if len(text) <= _SALUTATION_MAX and text.endswith(("：", ":")) and "。" not in text:
            block.role = "salutation"
        return
