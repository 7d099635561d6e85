"""fmt: renumber after insert/delete/reorder, keep each level's family, idempotent."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.cli import app
from drafter.outline.fmt import renumber

FIXTURE = Path(__file__).parent / "fixtures" / "outline_hand.md"


def heads(body: str) -> list[str]:
    return [line for line in body.split("\n") if line.startswith("##")]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # a point deleted: 一、三、 -> 一、二、
        ("## 一、甲\n正文\n## 三、丙\n", "## 一、甲\n正文\n## 二、丙\n"),
        # reordered points, children restart under each parent
        ("## 二、乙\n### （二）b\n### （一）a\n## 一、甲\n### （三）c\n",
         "## 一、乙\n### （一）b\n### （二）a\n## 二、甲\n### （一）c\n"),
        # an inserted heading without a marker gets the level's marker
        ("## 一、甲\n## 新加的一点\n## 二、乙\n", "## 一、甲\n## 二、新加的一点\n## 三、乙\n"),
        ("## 一、甲\n### （一）a\n### 新小点\n", "## 一、甲\n### （一）a\n### （二）新小点\n"),
        # each level keeps the document's family, including inline ones and half-width spacing
        ("## 第一，甲\n## 第三，乙\n### 1. a\n### 3. b\n",
         "## 第一，甲\n## 第二，乙\n### 1. a\n### 2. b\n"),
        # a stray family at a level is brought into line with the majority
        ("## 一、甲\n## （二）乙\n## 三、丙\n", "## 一、甲\n## 二、乙\n## 三、丙\n"),
        # half-width (一) is rewritten in the canonical full-width form
        ("## 一、甲\n### (一)a\n### (三)b\n", "## 一、甲\n### （一）a\n### （二）b\n"),
        # a level with no markers anywhere gets the usual family for its depth
        ("## 甲\n### a\n#### x\n", "## 一、甲\n### （一）a\n#### 1. x\n"),
        # a marker of another family takes the new family's spacing: no stray space after 二、
        ("## 一、甲\n## 3. 突出重点\n## 三、乙\n", "## 一、甲\n## 二、突出重点\n## 三、乙\n"),
        # a heading numbered in a form of its own is renumbered in that form
        ("## 一、甲\n## 二、乙\n## 三、丙\n## 第五部分\n",
         "## 一、甲\n## 二、乙\n## 三、丙\n## 第四部分\n"),
        # the transition's count follows the points: two of seven deleted
        ("按照安排，我强调七点意见：\n\n## 第一，甲\n## 第三，乙\n",
         "按照安排，我强调两点意见：\n\n## 第一，甲\n## 第二，乙\n"),
    ],
)
def test_renumber_cases(before: str, after: str) -> None:
    body, changes = renumber(before)
    assert body == after
    assert renumber(body) == (body, [])  # idempotent
    assert [c.line for c in changes] == [
        i + 1 for i, (a, b) in enumerate(zip(before.split("\n"), after.split("\n"))) if a != b
    ]


def test_transition_without_a_number_is_left_alone() -> None:
    body = "下面，我讲几点意见。\n\n## 一、甲\n\n## 二、乙\n"
    assert renumber(body) == (body, [])


def test_body_lines_and_title_untouched() -> None:
    text = "# 一、标题不是要点\n\n三、正文里的编号不动\n\n## 二、甲\n\n1. 正文\n"
    body, _ = renumber(text)
    assert body == text.replace("## 二、甲", "## 一、甲")


_heading = st.tuples(
    st.integers(min_value=2, max_value=4),
    st.sampled_from(["一、", "三、", "（二）", "(五)", "2.", "7. ", "第三，", "", "二要"]),
    st.text(alphabet="甲乙丙丁要点工作", min_size=1, max_size=6),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_heading, st.text(alphabet="正文。，", max_size=8)), max_size=15))
def test_renumber_is_idempotent_and_only_touches_headings(items) -> None:
    lines = [f"{'#' * h[0]} {h[1]}{h[2]}" if isinstance(h, tuple) else h for h in items]
    once, _ = renumber("\n".join(lines))
    assert renumber(once) == (once, [])
    text = "\n".join(lines)
    assert [x for x in once.split("\n") if not x.startswith("#")] == [
        x for x in text.split("\n") if not x.startswith("#")
    ]


def test_fmt_command_renumbers_file_and_keeps_front_matter(tmp_path: Path) -> None:
    original = FIXTURE.read_text(encoding="utf-8")
    start = original.index("## 二、")
    end = original.index("## 三、")
    edited = original[:start] + original[end:]  # the user deleted point 二
    edited = edited.replace("### （二）加强督导检查", "### 加强督导检查\n\n### （二）新加一点")
    path = tmp_path / "o.md"
    path.write_text(edited, encoding="utf-8")
    result = CliRunner().invoke(app, ["fmt", str(path)])
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert text[: original.index("# 在")] == original[: original.index("# 在")]
    assert heads(text) == [
        "## 一、提高政治站位，切实增强做好安全生产工作的责任感",
        "### （一）深刻认识当前形势的复杂性",
        "### （二）深刻认识抓好安全生产的重要性",
        "## 二、强化组织保障，确保各项措施落地见效",
        "### （一）压实工作责任",
        "### （二）加强督导检查",
        "### （三）新加一点",
    ]
    assert f"{path}:" in result.output and "三、强化" in result.output
    again = CliRunner().invoke(app, ["fmt", str(path)])
    assert again.exit_code == 0 and "无需调整" in again.output
    assert path.read_text(encoding="utf-8") == text


def test_fmt_keeps_crlf(tmp_path: Path) -> None:
    path = tmp_path / "o.md"
    path.write_bytes("## 一、甲\r\n\r\n## 三、乙\r\n".encode())
    assert CliRunner().invoke(app, ["fmt", str(path)]).exit_code == 0
    assert path.read_bytes() == "## 一、甲\r\n\r\n## 二、乙\r\n".encode()


@pytest.mark.parametrize("content", [None, "just text, no headings\n"])
def test_fmt_errors_are_one_line(tmp_path: Path, content: str | None) -> None:
    path = tmp_path / "x.md"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(app, ["fmt", str(path)])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and str(path) in result.output
