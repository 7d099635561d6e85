"""Every command has Chinese help text and is documented in the README (sqlite-utils style)."""

from __future__ import annotations

import re
from typing import Any
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from drafter.cli import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
CJK = re.compile(r"[\u4e00-\u9fff]")


def _commands() -> list[tuple[str, Any]]:
    root = typer.main.get_command(app)
    found: list[tuple[str, Any]] = []

    def visit(prefix: str, cmd: Any) -> None:
        # typer may vendor click, so groups are recognised by their sub-commands
        if hasattr(cmd, "commands"):
            for name, sub in cmd.commands.items():
                visit(f"{prefix} {name}".strip(), sub)
        if prefix:
            found.append((prefix, cmd))

    visit("", root)
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
