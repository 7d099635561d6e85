"""Interactive `drafter new` in a real pseudo-terminal: arrow keys to pick a template."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from drafter.outline.generate import today
from drafter.outline.model import parse_outline
from drafter.templates import list_templates

pexpect = pytest.importorskip("pexpect")

DOWN = "\x1b[B"
CLEAR_LINE = "\x15"  # Ctrl-U: empty the input box before typing


pytestmark = pytest.mark.usefixtures("warm_home")


def spawn(tmp_path: Path, *args: str):
    env = dict(os.environ, TERM="xterm", COLUMNS="200", LINES="40")
    child = pexpect.spawn(sys.executable, ["-m", "drafter", "new", *args], cwd=str(tmp_path),
                          env=env, encoding="utf-8", timeout=90, dimensions=(40, 200))
    return child


def test_choose_second_template_with_arrow_keys(tmp_path: Path) -> None:
    templates = list_templates()
    assert len(templates) >= 2
    chosen = templates[1]
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
    assert child.exitstatus != 0
    assert not (tmp_path / "out.md").exists()
