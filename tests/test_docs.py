"""Every command has Chinese help text and is documented in the README (sqlite-utils style)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from drafter.cli import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
CJK = re.compile(r"[\u4e00-\u9fff]")


def _commands() -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []

    def visit(prefix: str, cmd: click.Command) -> None:
        if isinstance(cmd, click.Group):
            for name, sub in cmd.commands.items():
                visit(f"{prefix} {name}".strip(), sub)
        if prefix:
            found.append((prefix, cmd))

    visit("", app)
    return found


COMMANDS = _commands()


def test_there_are_commands() -> None:
    names = {name for name, _ in COMMANDS}
    assert {"new", "check", "fmt", "regen"} <= names


@pytest.mark.parametrize("name,cmd", COMMANDS, ids=[n for n, _ in COMMANDS])
def test_command_has_chinese_help(name: str, cmd: Any) -> None:
    assert cmd.help and CJK.search(cmd.help), f"`drafter {name}` has no Chinese help text"
    result = CliRunner().invoke(app, [*name.split(), "--help"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("name", [n for n, _ in COMMANDS])
def test_command_is_in_readme(name: str) -> None:
    assert f"drafter {name}" in README, f"`drafter {name}` is not documented in README.md"


def test_readme_quick_start_is_two_commands() -> None:
    assert "make draft" in README and "make test" in README


# click's own words; none may reach a user
ENGLISH = ("Usage", "Options", "Arguments", "Commands", "Show this message", "[OPTIONS]",
           "COMMAND", "[ARGS]", "required", "default:", "Error", "<str>", "<int>", "<path>", "list[")


@pytest.mark.parametrize("name", ["", *(n for n, _ in COMMANDS)])
def test_help_page_is_chinese(name: str) -> None:
    result = CliRunner().invoke(app, [*name.split(), "-h"])
    assert result.exit_code == 0, result.output
    page = result.output
    assert page.startswith(f"用法：{' '.join(['drafter', *name.split()])} [选项]"), page
    assert "\n选项：\n" in page and "  -h, --help" in page and "显示帮助并退出。" in page
    assert [w for w in ENGLISH if w in page] == [], page


def test_help_sections_and_command_order() -> None:
    root = CliRunner().invoke(app, ["-h"]).output
    assert root.startswith("用法：drafter [选项] 命令 [参数]...\n")
    listed = re.findall(r"^  (\w+)  ", root.split("命令：\n")[1], re.M)
    # the commands in the order they were added, the groups after them
    assert listed == ["regen", "fmt", "check", "export", "new", "parse", "mine", "corpus", "templates"]
    # the first column is measured as a terminal shows it: a Chinese character is two columns
    new = CliRunner().invoke(app, ["new", "-h"]).output
    rows = [r for r in new.split("选项：\n")[1].splitlines() if r.startswith("  -")]

    def column(row: str) -> int:  # where the description starts, in terminal columns
        at = re.search(r"\S  +(?=\S)", row)
        assert at is not None, row
        return sum(2 if "\u4e00" <= c <= "\u9fff" else 1 for c in row[: at.end()])

    assert len(rows) >= 5 and len({column(r) for r in rows}) == 1, rows  # --force / -t, --template <文本>
    regen = CliRunner().invoke(app, ["regen", "-h"]).output
    assert regen.startswith("用法：drafter regen [选项] {file} {section}\n")
    assert "参数：\n  file <路径>" in regen and "  [必填]" in regen
    assert regen.index("参数：") < regen.index("选项：")
    build = CliRunner().invoke(app, ["corpus", "build", "-h"]).output
    assert "-j, --jobs <整数>  " in build and "[默认：1]" in build


@pytest.mark.parametrize(("args", "line"), [
    (["corpus", "show", "abc"], "参数 piece_id 的值无效：“abc”不是整数（用 drafter corpus show -h 查看用法）"),
    (["new", "--seed", "x"], "选项 --seed 的值无效：“x”不是整数（用 drafter new -h 查看用法）"),
    (["corpus", "add", "-j", "1.5", "x"], "选项 --jobs/-j 的值无效：“1.5”不是整数（用 drafter corpus add -h 查看用法）"),
    (["regen"], "缺少参数 file（用 drafter regen -h 查看用法）"),
    (["corpus", "add"], "缺少参数 paths（用 drafter corpus add -h 查看用法）"),
    (["new", "--bogus"], "没有选项 --bogus（用 drafter new -h 查看用法）"),
    (["new", "--tem", "x"], "没有选项 --tem，是不是 --template、--ref？（用 drafter new -h 查看用法）"),
    (["new", "--seed"], "选项 --seed 缺少值（用 drafter new -h 查看用法）"),
    (["templates", "--dir"], "选项 --dir 缺少值（用 drafter templates -h 查看用法）"),
    (["new", "--force=1"], "选项 --force 不带值（用 drafter new -h 查看用法）"),
    (["check", "a", "b", "c"], "多余的参数：b c（用 drafter check -h 查看用法）"),
    (["bogus"], "没有这个命令：bogus（用 drafter -h 查看用法）"),
    (["corpus", "bogus"], "没有这个命令：bogus（用 drafter corpus -h 查看用法）"),
    (["--bogus"], "没有选项 --bogus（用 drafter -h 查看用法）"),
])
def test_usage_error_is_one_chinese_line(args: list[str], line: str) -> None:
    result = CliRunner().invoke(app, args)
    assert (result.exit_code, result.stderr, result.stdout) == (2, f"错误：{line}\n", "")


@pytest.mark.parametrize("args", [[], ["corpus"]])
def test_no_arguments_is_the_help_on_stderr(args: list[str]) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"用法：{' '.join(['drafter', *args])} [选项] 命令 [参数]...\n")
    assert "命令：\n" in result.stderr


def test_templates_without_a_command_lists_them() -> None:
    result = CliRunner().invoke(app, ["templates"])
    assert result.exit_code == 0 and "yi-nested" in result.stdout


def test_version() -> None:
    from drafter import __version__

    result = CliRunner().invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, f"drafter {__version__}\n")
