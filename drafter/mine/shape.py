"""The shape of a skeleton: numbering families and counts per level, as one canonical string.

`shape_of` gives e.g. "cn_dun×3[-,yiyao×4,yiyao×2]": three 一、 points, the second with four
一要 sub-points, the third with two. Runs of a family restart with " + " ("yishi×4 + di×5").
The same string is stored in a template's metadata, so the parse of a rendered outline can be
compared with the template it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.model import Section, Skeleton
from drafter.structure.markers import FAMILY_NAMES, match_marker

PART_NAMES = {"salutation": "称呼", "opening": "开场", "transition": "过渡", "closing": "结尾"}


@dataclass
class ShapeNode:
    """One heading in a shape tree: its family, role and children."""

    family: str
    role: str | None = None
    children: list[ShapeNode] = field(default_factory=list)


def _number(section: Section) -> int:
    m = match_marker(section.marker + (section.text or "x"))
    return m.n if m else 0


def _runs(sections: list[Section]) -> list[list[Section]]:
    runs: list[list[Section]] = []
    for s in sections:
        if runs and runs[-1][-1].family == s.family and _number(s) != 1:
            runs[-1].append(s)
        else:
            runs.append([s])
    return runs


def _shape(sections: list[Section]) -> str:
    parts = []
    for run in _runs(sections):
        text = f"{run[0].family}×{len(run)}"
        if any(s.children for s in run):
            text += "[" + ",".join(_shape(s.children) if s.children else "-" for s in run) + "]"
        parts.append(text)
    return " + ".join(parts)


def shape_of(skeleton: Skeleton) -> str:
    """Canonical shape string of the heading tree ("" when there are no headings)."""
    return _shape(skeleton.sections)


def parts_of(skeleton: Skeleton) -> list[str]:
    """The framing parts present, in document order."""
    return [p for p in PART_NAMES if getattr(skeleton, p)]


def run_count(skeleton: Skeleton) -> int:
    """How many numbering runs the top level has (1 = one clean series)."""
    return len(_runs(skeleton.sections))


def parse_shape(shape: str) -> list[ShapeNode]:
    """The tree of a shape string (inverse of `shape_of`, without roles)."""
    nodes, rest = _parse_level(shape.replace(" ", ""), 0)
    if rest != len(shape.replace(" ", "")):
        raise ValueError(f"bad shape string: {shape!r}")
    return nodes


_RUN = re.compile(r"([a-z_]+)×(\d+)")


def _parse_level(s: str, i: int) -> tuple[list[ShapeNode], int]:
    nodes: list[ShapeNode] = []
    while True:
        m = _RUN.match(s, i)
        if m is None:
            raise ValueError(f"bad shape string at {i}: {s!r}")
        run = [ShapeNode(m.group(1)) for _ in range(int(m.group(2)))]
        i = m.end()
        if i < len(s) and s[i] == "[":
            i += 1
            for k, node in enumerate(run):
                if s[i] == "-":
                    i += 1
                else:
                    node.children, i = _parse_level(s, i)
                sep = "," if k < len(run) - 1 else "]"
                if s[i] != sep:
                    raise ValueError(f"bad shape string at {i}: {s!r}")
                i += 1
        nodes.extend(run)
        if i < len(s) and s[i] == "+":
            i += 1
            continue
        return nodes, i


def describe_tree(nodes: list[ShapeNode], roles: list[str] | None = None, indent: str = "") -> list[str]:
    """Readable lines of a shape tree: "├─ 一、 形势认识" etc."""
    from drafter.structure.markers import format_marker

    lines: list[str] = []
    counters: dict[str, int] = {}
    prev = None
    for k, node in enumerate(nodes):
        counters[node.family] = counters.get(node.family, 0) + 1 if prev == node.family else 1
        prev = node.family
        try:
            marker = format_marker(node.family, counters[node.family])
        except ValueError:
            marker = FAMILY_NAMES.get(node.family, node.family)
        last = k == len(nodes) - 1
        role = roles[k] if roles and k < len(roles) else node.role
        lines.append(f"{indent}{'└─' if last else '├─'} {marker}{'  ' + role if role else ''}")
        lines.extend(describe_tree(node.children, None, indent + ("   " if last else "│  ")))
    return lines
