"""CLI of the structure part: parse, mine, templates (through click's CliRunner)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter.cli import app

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
runner = CliRunner()


@pytest.mark.parametrize("args", [["parse"], ["mine"], ["templates"], ["templates", "show"]])
def test_help_is_chinese(args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--help"])
    assert result.exit_code == 0
    assert re.search(r"[\u4e00-\u9fff]{4,}", result.output)


def test_parse_json_has_gold_fields() -> None:
    result = runner.invoke(app, ["parse", str(SEEDS / "002_00151814fb90a969.txt"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [d["title"] for d in data] == ["县长在疫情防控安排部署会上的讲话提纲"]
    heads = [(h["level"], h["marker"], h["text"]) for h in data[0]["headings"]]
    assert heads[2] == (2, "（一）", "细致摸排底数")
    assert set(data[0]) == {"title", "kind", "salutation", "opening", "transition", "headings", "closing"}


def test_parse_text_shows_tree() -> None:
    result = runner.invoke(app, ["parse", str(SEEDS / "002_00151814fb90a969.txt")])
    assert result.exit_code == 0
    assert "一、提高认识" in result.output and "    （一）细致摸排底数" in result.output


def test_parse_missing_file_is_one_line_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["parse", str(tmp_path / "无此文件.txt")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output


def test_templates_list_and_show() -> None:
    result = runner.invoke(app, ["templates", "--json"])
    assert result.exit_code == 0
    ids = [t["id"] for t in json.loads(result.output)]
    assert "yi-nested" in ids
    shown = runner.invoke(app, ["templates", "show", "yi-nested"])
    assert shown.exit_code == 0
    assert "├─ 一、" in shown.output and "来源" in shown.output
    bad = runner.invoke(app, ["templates", "show", "nope"])
    assert bad.exit_code == 1
    assert "yi-nested" in bad.output


def test_mine_bundled_into_folder(tmp_path: Path) -> None:
    result = runner.invoke(app, ["mine", "--bundled", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in tmp_path.glob("*.md.j2"))
    repo = sorted(p.name for p in (SEEDS.parent / "templates").glob("*.md.j2"))
    assert files == repo
    listed = runner.invoke(app, ["templates", "--dir", str(tmp_path)])
    assert "yi-nested" in listed.output
