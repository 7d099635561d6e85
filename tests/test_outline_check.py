"""check: each problem kind, reported at its file line; exit 0 only when clean."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.cli import app
from drafter.outline.check import check_body
from drafter.outline.fmt import renumber

FIXTURE = Path(__file__).parent / "fixtures" / "outline_hand.md"
CLEAN = FIXTURE.read_text(encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    return text.split("\n").index(next(x for x in text.split("\n") if needle in x)) + 1


def run(tmp_path: Path, text: str):
    path = tmp_path / "o.md"
    path.write_text(text, encoding="utf-8")
    return path, CliRunner().invoke(app, ["check", str(path)])


def test_clean_outline_exits_zero(tmp_path: Path) -> None:
    path, result = run(tmp_path, CLEAN)
    assert result.exit_code == 0, result.output
    assert "没有发现问题" in result.output


@pytest.mark.parametrize(
    ("old", "new", "needle", "kind"),
    [
        ("## 二、突出", "## 四、突出", "## 四、突出", "编号不连续"),
        ("### （二）抓好重点", "### 2. 抓好重点", "### 2. 抓好重点", "编号混用"),
        ("### （一）压实", "### 压实", "### 压实", "编号缺失"),
        ("### （一）抓好隐患", "#### 1. 抓好隐患", "#### 1. 抓好隐患", "层级跳跃"),
        ("要持续开展明查暗访。", "", "### （二）加强督导检查", "空的部分"),
        ("各级各部门要切实扛起责任。", "各级{{ org }}要扛起责任。", "{{ org }}", "模板语法残留"),
        ("各级各部门要切实扛起责任。", "{% if x %}责任{% endif %}", "{% if", "模板语法残留"),
        ("要持续开展明查暗访。", "〔待写：保障要求〕", "〔待写", "待写占位"),
        ("风险隐患依然不少。", "截至〔日期待补〕，共排查〔数据待补〕处。", "〔日期待补〕", "事实待补"),
        ("今天召开全市", "今天召开××市", "××市", "变量未填"),
        ('"org": "市安委会"', '"org": ""', '"org"', "变量未填"),
        ('"org": "市安委会"', '"org": "〔单位待补〕"', '"org"', "变量未填"),
    ],
)
def test_each_problem_kind_with_line(tmp_path: Path, old: str, new: str, needle: str,
                                     kind: str) -> None:
    assert old in CLEAN
    text = CLEAN.replace(old, new, 1)
    path, result = run(tmp_path, text)
    assert result.exit_code == 1, result.output
    expected = f"{path}:{line_of(text, needle)}: {kind}："
    assert expected in result.output, result.output
    assert "共 " in result.output


def test_a_line_break_in_a_variable_is_reported() -> None:
    from drafter.outline.check import check_variables

    front = '---\nvariables:\n  "topic": "安全\\n生产"\n  "org": "市安委会"\n---\n'
    problems = check_variables({"topic": "安全\n生产", "org": "市安委会"}, front)
    assert [(p.line, p.kind) for p in problems] == [(3, "变量有误")]


def test_transition_count_that_no_longer_matches_is_reported() -> None:
    body = "# 讲话\n\n下面，我强调七点意见：\n\n## 第一，甲\n\n正文。\n\n## 第二，乙\n\n正文。\n"
    problems = check_body(body, offset=4)
    assert [(p.line, p.kind) for p in problems] == [(7, "要点数不符")]
    assert "七点" in problems[0].message and "2 个一级要点" in problems[0].message
    assert check_body(body.replace("七点", "两点")) == []


def test_numbering_gap_reports_every_wrong_line() -> None:
    body = "# 题\n\n## 一、甲\n\n正文。\n\n## 三、乙\n\n正文。\n\n## 四、丙\n\n正文。\n"
    problems = check_body(body, offset=10)
    assert [(p.line, p.kind) for p in problems] == [(17, "编号不连续"), (21, "编号不连续")]


def test_last_section_is_empty_when_only_the_closing_follows() -> None:
    body = "## 一、甲\n\n正文。\n\n## 二、乙\n\n同志们，结尾。\n"
    assert [p.kind for p in check_body(body, closing=1)] == ["空的部分"]
    assert check_body(body, closing=0) == []


def test_two_problems_on_one_line_are_both_reported() -> None:
    body = "## 一、甲\n\n〔数据待补〕和〔待写：正文〕。\n"
    assert sorted(p.kind for p in check_body(body)) == ["事实待补", "待写占位"]


def test_plain_markdown_without_front_matter_is_checked(tmp_path: Path) -> None:
    path, result = run(tmp_path, "# 题\n\n## 一、甲\n\n正文。\n\n## 三、乙\n\n正文。\n")
    assert result.exit_code == 1
    assert f"{path}:7: 编号不连续" in result.output


def test_not_an_outline_is_one_line_error(tmp_path: Path) -> None:
    path, result = run(tmp_path, "---\ntitle: 别的文件\n---\n正文\n")
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert "不是 drafter 提纲" in result.output


_line = st.one_of(
    st.tuples(st.integers(2, 5), st.sampled_from(["一、", "（三）", "(二)", "4.", "第二，", "三要", "",
                                                   "①", "XX，"]),
              st.text(alphabet="甲乙丙要点工作是", min_size=1, max_size=5)),
    st.text(alphabet="正文。{}%#〔〕待补写：×", max_size=10),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_line, max_size=14))
def test_after_fmt_no_numbering_problem_is_left(items) -> None:
    lines = [f"{'#' * h[0]} {h[1]}{h[2]}" if isinstance(h, tuple) else h for h in items]
    body, _ = renumber("\n".join(lines))
    kinds = {p.kind for p in check_body(body)}
    assert not kinds & {"编号不连续", "编号混用", "编号缺失"}, body
