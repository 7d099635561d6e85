"""`drafter check`: what a writer must fix before an outline is done, with line numbers.

Structure (numbering gaps, mixed marker families, skipped levels, empty sections) and text
(leftover template syntax, fallback placeholders, fact slots, unfilled variables).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from drafter.outline._markers import NOT_NUMBERED, ORDINAL_PREFIX
from drafter.outline.fmt import expected_markers, level_families, transition_count
from drafter.outline.model import SectionSpan, headings, section_tree, walk
from drafter.text import CONTROL, FACT_SLOT, FALLBACK, SENTENCE_SPLIT

TEMPLATE_SYNTAX = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")
# A blank left for a name or number: ×× / ＸＸ / XX (not inside an ASCII word) / ＿＿ / ___
BLANK = re.compile(r"[×Ｘ]{2,}|(?<![A-Za-z])XX+(?![A-Za-z])|＿{2,}|_{3,}")


@dataclass(frozen=True, order=True)
class Problem:
    """One finding: a 1-based file line, a short kind and a message for the writer."""

    line: int
    kind: str
    message: str

    def format(self, path: str) -> str:
        return f"{path}:{self.line}: {self.kind}：{self.message}"


def check_body(body: str, *, offset: int = 0, closing: int = 0) -> list[Problem]:
    """Every problem in a body; `offset` = file lines before the body (front matter)."""
    lines = body.split("\n")
    problems: list[Problem] = []
    problems += _numbering(lines, offset)
    transition = transition_count(lines)
    if transition is not None:
        index, match, points = transition
        problems.append(Problem(
            index + 1 + offset, "要点数不符",
            f"过渡语说“{match.group('n')}点”，正文有 {points} 个一级要点（drafter fmt 可改正）"))
    problems += _levels(section_tree(body, closing), offset)
    problems += _empty(lines, section_tree(body, closing), offset)
    for i, line in enumerate(lines):
        n = i + 1 + offset
        for m in TEMPLATE_SYNTAX.finditer(line):
            problems.append(Problem(n, "模板语法残留", f"“{m.group(0)}”出现在正文中"))
        for m in FALLBACK.finditer(line):
            problems.append(Problem(n, "待写占位", f"{m.group(0)}：短语模型没能生成这一句"))
        for m in FACT_SLOT.finditer(line):
            problems.append(Problem(n, "事实待补", f"{m.group(0)}：请填入真实信息"))
        for m in BLANK.finditer(line):
            problems.append(Problem(n, "变量未填", f"“{m.group(0)}”是空着的名称或数字"))
    return sorted(set(problems))


def check_variables(variables: dict[str, str], front_text: str) -> list[Problem]:
    """Variables left empty or at a placeholder default (〔单位待补〕, ××), at their front
    matter line: regen draws from them, so an unfilled one comes back in every redrawn part."""
    problems = []
    front_lines = front_text.split("\n")
    for key, value in variables.items():
        value = str(value).strip()
        line = next((i + 1 for i, text in enumerate(front_lines)
                     if re.match(rf'^\s+"?{re.escape(key)}"?\s*:', text)), 1)
        if CONTROL.search(value):
            problems.append(Problem(line, "变量有误",
                                    f"变量 {key} 含有换行或控制字符：{value!r}，应是一行文字"))
            continue
        if value and not FACT_SLOT.search(value) and not BLANK.search(value):
            continue
        what = "没有值" if not value else f"仍是占位“{value}”"
        problems.append(Problem(line, "变量未填", f"变量 {key} {what}"))
    return problems


def _numbering(lines: list[str], offset: int) -> list[Problem]:
    heads = headings(lines)
    families = level_families(heads)
    problems = []
    for h, want in zip(heads, expected_markers(heads)):
        n = h.index + 1 + offset
        if h.marker is None or h.marker.family in NOT_NUMBERED:
            problems.append(Problem(n, "编号缺失", f"标题没有编号，应为“{want}”"))
        elif h.marker.family != families[h.level] and not h.marker.family.startswith(
                ORDINAL_PREFIX):
            problems.append(Problem(n, "编号混用",
                                    f"“{h.marker.text}”与本级其他标题的编号体系不同，应为“{want}”"))
        elif h.marker.text != want:
            problems.append(Problem(n, "编号不连续", f"“{h.marker.text}”应为“{want}”"))
    return problems


def _levels(spans: list[SectionSpan], offset: int, parent_level: int = 0) -> list[Problem]:
    problems = []
    for s in spans:
        if s.level > parent_level + 1:
            where = "提纲开头" if parent_level == 0 else f"第 {parent_level} 级标题下"
            problems.append(Problem(
                s.start + 1 + offset, "层级跳跃",
                f"{'#' * (s.level + 1)} 标题直接出现在{where}，缺少第 {parent_level + 1} 级"))
        problems += _levels(s.children, offset, s.level)
    return problems


def _empty(lines: list[str], spans: list[SectionSpan], offset: int) -> list[Problem]:
    problems = []
    for s in walk(spans):
        if s.children:
            continue
        if not any(lines[i].strip() for i in range(s.start + 1, s.end)):
            problems.append(Problem(s.start + 1 + offset, "空的部分", f"第 {s.path} 部分只有标题，没有内容"))
    return problems


def body_sentences(body: str, offset: int = 0) -> list[tuple[int, str]]:
    """(file line, sentence) for every heading and body sentence; the `#` title is left out."""
    from drafter.outline._markers import split_marker

    out = []
    for i, line in enumerate(body.split("\n")):
        text = line.strip()
        if not text or text.startswith("# ") or text == "#":
            continue
        if text.startswith("#"):
            text = split_marker(text.lstrip("#").strip())[2]
        out += [(i + 1 + offset, s.strip()) for s in SENTENCE_SPLIT.split(text) if s.strip()]
    return out


def source_report(body: str, offset: int = 0) -> list[tuple[int, Any]]:
    """(file line, drafter.phrases Overlap) per sentence: overlap ratio and closest speech.

    Tokenises with jieba through drafter.phrases.overlap, so it is only run on request.
    """
    from drafter.phrases import explain, load_phrasebook

    pairs = body_sentences(body, offset)
    overlaps = explain([s for _, s in pairs], load_phrasebook())
    return [(line, o) for (line, _), o in zip(pairs, overlaps)]
