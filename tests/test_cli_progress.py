"""Long work shows progress on a terminal, and nothing extra when output is not a terminal."""

from __future__ import annotations

import sys

import pytest

from drafter.cli._progress import with_progress

pexpect = pytest.importorskip("pexpect")


def test_progress_is_shown_on_a_terminal() -> None:
    code = ("import time; from drafter.cli._progress import with_progress; "
            "print(with_progress('正在重建短语模型…', lambda: time.sleep(0.3) or '完成'))")
    child = pexpect.spawn(sys.executable, ["-c", code], encoding="utf-8", timeout=60,
                          env={"TERM": "xterm", "PATH": "/usr/bin:/bin"}, dimensions=(24, 100))
    try:
        child.expect_exact("正在重建短语模型…")
        child.expect_exact("完成")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0


def test_nothing_extra_when_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    assert with_progress("正在重建短语模型…", lambda: 42) == 42
    out, err = capsys.readouterr()
    assert out == "" and err == ""
