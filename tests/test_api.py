"""The library gives the same power as the commands, through `drafter`'s declared entry points."""

from __future__ import annotations

import subprocess
import sys

import pytest

import drafter


def test_every_public_name_resolves() -> None:
    """Each declared name is the function or class of that name (a stale _LAZY entry pointing
    at a renamed function, or at a module attribute of another kind, fails here)."""
    assert drafter.__version__ and isinstance(drafter.__version__, str)
    for name in drafter.__all__:
        if name == "__version__":
            continue
        obj = getattr(drafter, name)
        assert callable(obj) and obj.__name__ == name, name
    with pytest.raises(AttributeError):
        drafter.no_such_entry_point  # noqa: B018


def test_import_drafter_is_cheap() -> None:
    code = "import sys, drafter; print(sorted(m for m in ('jieba', 'opencc', 'jinja2', 'markovify', 'docx') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_library_pipeline_without_the_cli() -> None:
    speeches = drafter.open_store().speeches(kind="speech")
    assert len(speeches) >= 10
    skeletons = [drafter.parse_skeleton(s) for s in speeches]
    assert sum(len(sk.sections) for sk in skeletons) > 50
    template = drafter.get_template("yi-nested")
    variables = {"topic": "安全生产", "meeting": "全市安全生产工作会议"}
    body = drafter.render_outline(template, variables, seed=7)
    assert body.startswith("# ") and "安全生产" in body
    assert body == drafter.render_outline(template, variables, seed=7)
    # the only problems a fresh outline may have are the facts left for the writer to fill
    kinds = {p.kind for p in drafter.check_body(body)}
    assert kinds <= {"事实待补"}, kinds


def test_new_outline_is_the_command_as_a_library_call(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """What `drafter new --no-input` does, without the CLI: the same file for the same seed."""
    from click.testing import CliRunner

    from drafter.cli import app

    done = drafter.new_outline(topic="安全生产", variables={"单位": "市安委会"}, seed=3,
                               output=tmp_path / "lib.md")
    assert done.path == tmp_path / "lib.md" and done.seed == 3
    assert done.outline.variables["org"] == "市安委会"
    assert done.outline.variables["meeting"] == "市安委会安全生产工作会议"
    result = CliRunner().invoke(app, ["new", "--no-input", "--topic", "安全生产", "--var", "单位=市安委会",
                                      "--seed", "3", "-o", str(tmp_path / "cli.md")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "cli.md").read_text(encoding="utf-8") == done.path.read_text(encoding="utf-8")
    assert f"模板 {done.template.id}（{done.template.name}），种子 3；{done.summary.describe()}" in result.output


def test_asked_variables_follow_the_library_policy() -> None:
    """ask is called in the library's order (topic, org first) with the default shown; an
    empty answer keeps the default, and the unnamed meeting follows the answers."""
    from drafter.outline.new import fill_variables

    template = drafter.get_template("yi-nested")
    asked: list[str] = []

    def ask(question) -> str:  # type: ignore[no-untyped-def]
        asked.append(question.key)
        return {"topic": "防汛", "org": "县防指"}.get(question.key, "")

    values = fill_variables(template, {}, ask)
    assert asked[:2] == ["topic", "org"] and "meeting" in asked
    assert values["topic"] == "防汛" and values["meeting"] == "县防指防汛工作会议"
    assert fill_variables(template, {"topic": "防汛"}) == fill_variables(template, {"topic": "防汛"}, None)


def test_check_file_reports_what_check_prints(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = drafter.new_outline(seed=1, output=tmp_path / "o.md").path
    report = drafter.check_file(out)
    assert report.sources is None
    assert {p.kind for p in report.problems} <= {"事实待补", "变量未填"}
    assert drafter.renumber_file(out) == []  # a fresh outline is numbered already
