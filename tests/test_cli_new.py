"""`drafter new` without a terminal: options, defaults, determinism, the write rules."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter.cli import app
from drafter.outline.model import fingerprints, parse_outline, section_tree
from drafter.templates import list_templates


pytestmark = pytest.mark.usefixtures("warm_home")


def new(*args: str):
    return CliRunner().invoke(app, ["new", *args])


def test_non_interactive_writes_outline_with_front_matter(tmp_path: Path) -> None:
    out = tmp_path / "o.md"
    result = new("--template", "yi-nested", "--seed", "7", "-o", str(out), "--topic", "安全生产",
                 "--var", "会议名称=全市安全生产工作会议", "--var", "org=市应急管理局")
    assert result.exit_code == 0, result.output
    outline = parse_outline(out.read_text(encoding="utf-8"))
    assert (outline.template, outline.seed) == ("yi-nested", 7)
    assert outline.variables["meeting"] == "全市安全生产工作会议"
    assert outline.variables["org"] == "市应急管理局"
    assert outline.variables["topic"] == "安全生产"
    assert outline.version
    assert outline.body.startswith("# ") and "全市安全生产工作会议" in outline.body
    assert outline.fingerprints == fingerprints(outline.body, outline.closing)
    assert [s.path for s in section_tree(outline.body, outline.closing)] == ["1", "2", "3"]
    assert f"已写出提纲：{out}" in result.output
    assert "3 个一级要点" in result.output and "字" in result.output
    assert f"drafter regen {out} 2" in result.output and f"drafter check {out}" in result.output


def test_same_seed_same_bytes_other_seed_differs(tmp_path: Path) -> None:
    paths = [tmp_path / f"{n}.md" for n in range(3)]
    for path, seed in zip(paths, ["11", "11", "12"]):
        assert new("-t", "yiyao-flat", "--seed", seed, "-o", str(path)).exit_code == 0
    assert paths[0].read_bytes() == paths[1].read_bytes()
    assert paths[0].read_bytes() != paths[2].read_bytes()


def test_closing_is_recorded_and_kept_out_of_the_last_point(tmp_path: Path) -> None:
    out = tmp_path / "o.md"
    assert new("-t", "diyi-flat", "--seed", "3", "-o", str(out)).exit_code == 0
    outline = parse_outline(out.read_text(encoding="utf-8"))
    assert outline.closing == 1
    lines = outline.body.rstrip("\n").split("\n")
    last = section_tree(outline.body, outline.closing)[-1]
    assert last.end < len(lines) and not lines[-1].startswith("#")


def test_default_seed_is_random_and_recorded(tmp_path: Path) -> None:
    seeds = set()
    for n in range(3):
        out = tmp_path / f"{n}.md"
        assert new("-t", "yiyao-flat", "-o", str(out)).exit_code == 0
        seeds.add(parse_outline(out.read_text(encoding="utf-8")).seed)
    assert len(seeds) > 1


def test_default_output_is_drafts_date_slug(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = new("-t", "yiyao-flat", "--seed", "1", "--topic", "乡村 振兴/工作")
    assert result.exit_code == 0, result.output
    expected = Path("drafts") / f"{dt.date.today().isoformat()}-乡村-振兴-工作.md"
    assert (tmp_path / expected).is_file()
    assert str(expected) in result.output


def test_default_template_and_no_input(tmp_path: Path) -> None:
    out = tmp_path / "o.md"
    result = new("--no-input", "--seed", "2", "-o", str(out))
    assert result.exit_code == 0, result.output
    most = max(list_templates(), key=lambda t: t.count).id
    assert parse_outline(out.read_text(encoding="utf-8")).template == most


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    out = tmp_path / "o.md"
    out.write_text("我的稿子", encoding="utf-8")
    result = new("-t", "yiyao-flat", "--seed", "1", "-o", str(out))
    assert result.exit_code == 1
    assert out.read_text(encoding="utf-8") == "我的稿子"
    assert result.output.strip().count("\n") == 0 and "--force" in result.output
    assert new("-t", "yiyao-flat", "--seed", "1", "-o", str(out), "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("---\n")


def test_failed_write_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "o.md"
    out.write_text("我的稿子", encoding="utf-8")

    real_replace = os.replace

    def disk_full(src: str, dst: str) -> None:
        if Path(dst) == out:  # only the outline's write fails, not the caches' before it
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", disk_full)
    result = new("-t", "yiyao-flat", "--seed", "1", "-o", str(out), "--force")
    assert result.exit_code == 1
    assert "原文件未改动" in result.output and result.output.strip().count("\n") == 0
    assert out.read_text(encoding="utf-8") == "我的稿子"
    assert [p.name for p in tmp_path.iterdir()] == ["o.md"]


def test_template_given_as_path_is_recorded_by_path(tmp_path: Path) -> None:
    source = next(t.path for t in list_templates() if t.id == "yiyao-flat")
    mine = tmp_path / "我的模板.md.j2"
    mine.write_text(Path(source).read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "o.md"
    assert new("-t", str(mine), "--seed", "1", "-o", str(out)).exit_code == 0
    assert parse_outline(out.read_text(encoding="utf-8")).template == str(mine.resolve())


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["-t", "no-such-template"], "yi-nested"),
        (["-t", "yiyao-flat", "--var", "nokey"], "KEY=VALUE"),
        (["-t", "yiyao-flat", "--var", "颜色=红"], "会议名称"),
    ],
)
def test_errors_are_one_line(tmp_path: Path, args: list[str], needle: str) -> None:
    result = new(*args, "-o", str(tmp_path / "o.md"))
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and needle in result.output
    assert not (tmp_path / "o.md").exists()


def test_closing_read_from_source_matches_a_probe_render() -> None:
    from drafter.outline.generate import build_outline, closing_from_source, renderer_for

    for template in list_templates():
        render = renderer_for(template, {}, 5)
        probed = build_outline(template.id, {}, 5, render).closing
        assert closing_from_source(template) == probed, template.id


def test_closing_from_source_gives_up_on_jinja_statements() -> None:
    from types import SimpleNamespace

    from drafter.outline.generate import closing_from_source

    plain = "{#- x -#}\n## {{ heading(1) }}\n\n{{ body('x') }}\n\n{{ closing(1) }}\n\n谢谢大家！\n"
    assert closing_from_source(SimpleNamespace(source_text=plain)) == 2
    assert closing_from_source(SimpleNamespace(source_text=plain.replace("谢谢大家！\n", ""))) == 1
    looped = plain.replace("{{ closing(1) }}", "{% for i in range(2) %}{{ closing() }}{% endfor %}")
    assert closing_from_source(SimpleNamespace(source_text=looped)) is None
    no_closing = "## {{ heading(1) }}\n\n{{ body('x') }}\n"
    assert closing_from_source(SimpleNamespace(source_text=no_closing)) == 0


def test_speaker_and_date_stand_under_the_title(tmp_path: Path) -> None:
    out = tmp_path / "o.md"
    result = new("--no-input", "-t", "yi-nested", "--seed", "3", "-o", str(out),
                 "--var", "speaker=张明 市长", "--var", "讲话日期=2026年11月25日")
    assert result.exit_code == 0, result.output
    lines = [ln for ln in parse_outline(out.read_text(encoding="utf-8")).body.split("\n") if ln]
    assert lines[0].startswith("# ") and lines[1:3] == ["张明 市长", "（2026年11月25日）"]


def test_new_files_get_the_usual_mode(tmp_path: Path) -> None:
    out = tmp_path / "o.md"
    old = os.umask(0o022)
    try:
        assert new("--no-input", "--seed", "1", "-o", str(out)).exit_code == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644


def test_default_output_taken_gets_a_free_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    first = new("--no-input", "--seed", "1", "--topic", "安全生产")
    second = new("--no-input", "--seed", "2", "--topic", "安全生产")
    assert first.exit_code == 0 and second.exit_code == 0, second.output
    name = f"drafts/{dt.date.today().isoformat()}-安全生产"
    assert f"已写出提纲：{name}.md" in first.output
    assert f"已写出提纲：{name}-2.md" in second.output
    assert parse_outline((tmp_path / f"{name}.md").read_text(encoding="utf-8")).seed == 1


@pytest.mark.parametrize("args", [["--topic", "安全\n生产"], ["--var", "org=市安\r委会"],
                                  ["--var", "speaker=张明\t市长"], ["--topic", "安全\x00生产"]])
def test_control_characters_in_variables_are_refused(tmp_path: Path, args: list[str]) -> None:
    result = new("--no-input", "-t", "yi-nested", "-o", str(tmp_path / "o.md"), *args)
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "控制字符" in result.output
    assert not (tmp_path / "o.md").exists()


@pytest.mark.parametrize(("args", "needle"), [
    (["--seed", "abc"], "选项 --seed 的值无效：“abc”不是整数"),
    (["--bogus"], "没有选项 --bogus"),
])
def test_usage_errors_are_one_chinese_line(tmp_path: Path, args: list[str], needle: str) -> None:
    result = new(*args, "-o", str(tmp_path / "o.md"))
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and needle in result.output
    assert "Usage" not in result.output and "Error" not in result.output


def test_ctrl_c_while_drafting_is_one_chinese_line(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("drafter.outline.generate.build_outline", interrupted)
    result = new("--no-input", "--seed", "1", "-o", str(tmp_path / "o.md"))
    assert result.exit_code == 130
    assert result.output.strip() == "已取消。"
    assert not (tmp_path / "o.md").exists()


@pytest.mark.parametrize("template", ["yi-nested", "diyi-flat", "yiyao-flat"])
def test_a_topic_ending_in_gongzuo_says_it_once(tmp_path: Path, template: str) -> None:
    # 征兵工作 + the genre's 做好…工作 / …工作会议 must not read 征兵工作工作
    out = tmp_path / "o.md"
    result = new("-t", template, "--seed", "2", "-o", str(out), "--topic", "征兵工作")
    assert result.exit_code == 0, result.output
    body = parse_outline(out.read_text(encoding="utf-8")).body
    assert "征兵工作" in body and "工作工作" not in body


@pytest.mark.parametrize("args", [["--topic", ""], ["--topic", "  "], ["--var", "topic="]])
def test_a_blank_topic_is_the_templates_own(tmp_path: Path, args: list[str]) -> None:
    # --topic "" once wrote the corpus's title over an outline of 〔待写〕 with no subject at all
    out = tmp_path / "o.md"
    result = new("--template", "yi-nested", "--seed", "7", "-o", str(out), *args)
    assert result.exit_code == 0, result.output
    outline = parse_outline(out.read_text(encoding="utf-8"))
    default = next(v.default for v in next(t for t in list_templates() if t.id == "yi-nested").variables
                   if v.key == "topic")
    assert outline.variables["topic"] == default
    assert "〔待写" not in outline.body and "做好工作" not in outline.body
