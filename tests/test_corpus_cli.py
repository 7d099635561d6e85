"""`drafter corpus …` as a user runs it (CliRunner, JSON shapes scripts rely on)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from drafter.cli import app

runner = CliRunner()
SPEECH = "在全市防汛工作会议上的讲话\n同志们：\n今天召开会议,部署防汛工作。\n一、提高认识\n要切实加强领导。\n"


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_list_json_shape() -> None:
    code, out = _run("corpus", "list", "--json")
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 21
    for row in rows:
        assert {"id", "title", "kind", "sources", "chars"} <= set(row)
        assert all({"path", "start_line", "end_line"} <= set(s) for s in row["sources"])
    assert any(len(r["sources"]) == 2 for r in rows)


def test_show_json_shape() -> None:
    code, out = _run("corpus", "show", "7", "--json")
    assert code == 0
    data = json.loads(out)
    assert {"id", "title", "kind", "text", "flagged"} <= set(data)
    assert data["title"] == "县长在疫情防控安排部署会上的讲话提纲"
    assert data["text"].split("\n")[1].startswith("一、")
    assert "××" in data["placeholders"]


def test_stats_json_shape() -> None:
    code, out = _run("corpus", "stats", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["by_kind"]["speech"] == 12
    for key in ("chars", "flagged_sentences", "duplicates_merged", "noise_lines_dropped"):
        assert isinstance(data[key], int)


def test_add_folder_list_rm(tmp_path: Path) -> None:
    folder = tmp_path / "稿子"
    folder.mkdir()
    (folder / "a.txt").write_text(SPEECH, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"")
    code, out = _run("corpus", "add", str(folder))
    assert code == 1  # one file failed, the other was added
    assert "已添加" in out
    code, out = _run("corpus", "list", "--no-bundled", "--json")
    [row] = json.loads(out)
    assert row["title"] == "在全市防汛工作会议上的讲话"
    code, out = _run("corpus", "show", str(row["id"]))
    assert code == 0 and "今天召开会议，部署防汛工作。" in out
    code, out = _run("corpus", "rm", str(folder / "a.txt"))
    assert code == 0
    code, out = _run("corpus", "list", "--no-bundled", "--json")
    assert json.loads(out) == []


def test_show_unknown_id_is_one_line_error() -> None:
    code, out = _run("corpus", "show", "9999")
    assert code == 1
    assert "没有编号" in out


def test_human_readable_outputs() -> None:
    code, out = _run("corpus", "stats")
    assert code == 0 and "文稿 21 篇" in out and "去除噪声行" in out
    code, out = _run("corpus", "list")
    assert code == 0 and "县长在疫情防控安排部署会上的讲话提纲" in out
