"""Interactive `drafter new` in a real pseudo-terminal: arrow keys to pick a template."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from drafter.outline.generate import default_template, today
from drafter.outline.model import parse_outline
from drafter.templates import list_templates

pexpect = pytest.importorskip("pexpect")

DOWN = "\x1b[B"
CLEAR_LINE = "\x15"  # Ctrl-U: empty the input box before typing


pytestmark = pytest.mark.usefixtures("warm_home")


def spawn(tmp_path: Path, *args: str):
    # pexpect is no terminal emulator: it never answers prompt_toolkit's cursor-position
    # request, and prompt_toolkit then waits a second for the answer at the end of every
    # prompt. A real terminal answers at once, so tell prompt_toolkit not to ask.
    env = dict(os.environ, TERM="xterm", COLUMNS="200", LINES="40", PROMPT_TOOLKIT_NO_CPR="1")
    child = pexpect.spawn(sys.executable, ["-m", "drafter", "new", *args], cwd=str(tmp_path),
                          env=env, encoding="utf-8", timeout=90, dimensions=(40, 200))
    return child


def test_choose_second_template_with_arrow_keys(tmp_path: Path) -> None:
    templates = list_templates()
    assert len(templates) >= 2
    default = default_template(templates)
    chosen = templates[(templates.index(default) + 1) % len(templates)]
    child = spawn(tmp_path, "-o", "out.md", "--seed", "5")
    try:
        child.expect("选择模板")
        child.expect_exact(templates[-1].name)  # the whole menu is drawn
        child.send(DOWN)
        child.send("\r")
        asked = [v for v in chosen.variables if v.ask_when in ("always", "missing")]
        # topic and organisation come first: the meeting's default follows them
        asked.sort(key=lambda v: {"topic": 0, "org": 1}.get(v.key, 2))
        answers = {}
        for var in asked:
            child.expect_exact(var.prompt.rstrip("：:"))
            if var.key == "meeting":
                child.send(CLEAR_LINE + "全市安全生产工作会议\r")
                answers["meeting"] = "全市安全生产工作会议"
            else:
                child.send("\r")  # accept the default
        child.expect_exact("已写出提纲：out.md")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0, child.before
    outline = parse_outline((tmp_path / "out.md").read_text(encoding="utf-8"))
    assert outline.template == chosen.id and outline.seed == 5
    for key, value in answers.items():
        assert outline.variables[key] == value
    if any(v.key == "date" for v in asked):
        assert outline.variables["date"] == today()
    assert set(outline.variables) == {v.key for v in chosen.variables}


def test_ctrl_c_at_the_menu_writes_nothing(tmp_path: Path) -> None:
    child = spawn(tmp_path, "-o", "out.md")
    try:
        child.expect("选择模板")
        child.sendcontrol("c")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 130
    assert "已取消，没有写出任何文件。" in child.before
    assert "Cancelled" not in child.before
    assert not (tmp_path / "out.md").exists()


def test_menu_is_chinese_and_starts_on_the_default(tmp_path: Path) -> None:
    """The hint is Chinese; Enter at once takes the template --no-input takes."""
    import io

    templates = list_templates()
    seen = io.StringIO()
    child = spawn(tmp_path, "-o", "out.md", "--seed", "1")
    child.logfile_read = seen
    try:
        child.expect_exact("（↑↓ 选择")
        child.expect_exact(templates[-1].id)
        child.send("\r")
        child.expect("讲话主题")
        child.sendcontrol("c")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    shown = seen.getvalue()
    assert "Use arrow keys" not in shown and "Cancelled" not in shown
    assert all(t.id in shown for t in templates)
    assert f"选择模板： \x1b[0m\x1b[0;38;5;67m{default_template(templates).id}" in shown or \
        f"选择模板： {default_template(templates).id}" in re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown)


def test_menu_lines_show_ids_and_fit_the_terminal() -> None:
    from drafter.cli.new import display_width, menu_lines

    templates = list_templates()
    for columns in (60, 76, 120):
        lines = menu_lines(templates, columns)
        assert all(display_width(line) <= columns for line in lines), lines
        assert all(line.startswith(t.id) for t, line in zip(templates, lines))
    wide = menu_lines(templates, 200)
    assert all(f"{t.count} 篇" in line for t, line in zip(templates, wide))


def test_default_is_shown_enter_takes_it_and_typing_replaces_it(tmp_path: Path) -> None:
    """Answering 安全生产 to 讲话主题 gives 安全生产, not the default with 安全生产 appended."""
    child = spawn(tmp_path, "-o", "out.md", "--seed", "2", "-t", "yi-nested")
    try:
        child.expect_exact("讲话主题（回车即用：疫情防控）")
        child.send("安全生产\r")
        child.expect_exact("主办单位")
        child.send("\r")
        child.expect_exact("会议名称（回车即用：安全生产工作会议）")
        child.send("\r")
        child.expect_exact("讲话人")
        child.send("张明\r")
        child.expect_exact("讲话日期")
        child.send("\r")
        child.expect_exact("已写出提纲：out.md")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    outline = parse_outline((tmp_path / "out.md").read_text(encoding="utf-8"))
    assert outline.variables["topic"] == "安全生产"
    assert outline.variables["meeting"] == "安全生产工作会议"
    assert outline.variables["speaker"] == "张明"
    assert outline.variables["date"] == today()
    assert "（" + today() + "）" in outline.body


def test_existing_output_is_refused_before_any_question(tmp_path: Path) -> None:
    (tmp_path / "out.md").write_text("我的稿子", encoding="utf-8")
    child = spawn(tmp_path, "-o", "out.md")
    try:
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 1
    assert "文件已存在" in child.before and "选择模板" not in child.before
    assert (tmp_path / "out.md").read_text(encoding="utf-8") == "我的稿子"
