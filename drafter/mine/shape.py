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


def shape_preview(shape: str, roles: list[str] | None = None, parts: list[str] | None = None) -> str:
    """One readable line for a writer: 开场 → 过渡 → 3点(形势认识/任务措施/保障要求) 各4小点 → 结尾.

    Falls back to the raw shape string when it cannot be parsed (a hand-written template).
    """
    try:
        nodes = parse_shape(shape)
    except ValueError:
        return shape
    grouped: list[list[str]] = []
    for role in roles or []:
        if grouped and grouped[-1][0] == role:
            grouped[-1].append(role)
        else:
            grouped.append([role])
    role_text = "/".join(g[0] if len(g) == 1 else f"{g[0]}×{len(g)}" for g in grouped)
    points = f"{len(nodes)}点" + (f"({role_text})" if role_text else "")
    kids = [len(n.children) for n in nodes]
    if kids and kids[0] and all(k == kids[0] for k in kids):
        points += f" 各{kids[0]}小点"
    elif any(kids):
        points += " " + "、".join(f"第{i + 1}点{k}小点" for i, k in enumerate(kids) if k)
    parts = list(parts or [])
    before = [PART_NAMES.get(p, p) for p in parts if p != "closing"]
    after = [PART_NAMES["closing"]] if "closing" in parts else []
    return " → ".join(before + [points] + after)


def shape_tree(shape: str, roles: list[str] | None = None) -> list[str]:
    """describe_tree of a template's shape string; [] when it has none or it is malformed
    (a hand-written template's metadata), so showing the template never fails on it."""
    try:
        return describe_tree(parse_shape(shape), roles) if shape else []
    except ValueError:
        return []
