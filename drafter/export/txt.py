"""Blocks -> plain text for pasting into other systems: numbering written out, no Markdown."""

from __future__ import annotations

from drafter.export.blocks import Block

INDENT = "\u3000\u3000"  # two full-width spaces: the first-line indent of Chinese prose


def render_txt(blocks: list[Block]) -> str:
    """The title, a blank line, then one paragraph a line, indented as in print."""
    lines: list[str] = []
    for block in blocks:
        if block.role == "title":
            lines += [block.text, ""]
        elif block.role in ("speaker", "date"):
            lines.append(block.text)
            if block.role == "date":
                lines.append("")
        elif block.role == "salutation":
            lines.append(block.text)
        else:
            lines.append(INDENT + block.text)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
