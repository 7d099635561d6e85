"""`drafter regen` end to end on outlines written by `drafter new` (real templates, render)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter.cli import app
from drafter.outline.model import find_span, fingerprints, parse_outline, section_tree


pytestmark = pytest.mark.usefixtures("warm_home")


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture(scope="module", params=["yi-nested", "diyi-flat"])
def written(request: pytest.FixtureRequest, trained_home: Path,
            tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The outline `drafter new` writes for the template, made once per module."""
    home = tmp_path_factory.mktemp("outline-home")
    shutil.copytree(trained_home, home, dirs_exist_ok=True)
    out = home / "提纲.md"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DRAFTER_HOME", str(home))
        result = invoke("new", "-t", request.param, "--seed", "7", "-o", str(out), "--topic", "安全生产")
    assert result.exit_code == 0, result.output
    return out.read_bytes()


@pytest.fixture
def outline_file(written: bytes, tmp_path: Path) -> Path:
    """A fresh copy of that outline for the test to change."""
    out = tmp_path / "提纲.md"
    out.write_bytes(written)
    return out


def body_outside(path: Path, section: str) -> tuple[list[str], list[str], list[str]]:
    """(lines before, the section's lines, lines after) of the body as it is now."""
    outline = parse_outline(path.read_text(encoding="utf-8"))
    lines = outline.body.split("\n")
    span = find_span(section_tree(outline.body, outline.closing), section)
    assert span is not None
    return lines[: span.start], lines[span.start:span.end], lines[span.end:]


@pytest.mark.parametrize("section", ["2", "二", "1", "last"])
def test_regen_changes_only_that_section(outline_file: Path, section: str) -> None:
    outline = parse_outline(outline_file.read_text(encoding="utf-8"))
    if section == "last":
        section = section_tree(outline.body, outline.closing)[-1].path
    path = "2" if section == "二" else section
    before, old, after = body_outside(outline_file, path)
    result = invoke("regen", str(outline_file), section, "--seed", "99")
    assert result.exit_code == 0, result.output
    before2, new, after2 = body_outside(outline_file, path)
    assert (before2, after2) == (before, after)  # every other body byte unchanged
    assert new != old and new[0].startswith(old[0].split()[0][:3])
    updated = parse_outline(outline_file.read_text(encoding="utf-8"))
    # the seed recorded is the one whose text was kept: 99, or the next one tried when 99 left a
    # 〔待写〕 (the rest of the document already holds what the topic has), which regen says
    used = int(re.search(r"种子 (\d+)：", result.output).group(1))  # type: ignore[union-attr]
    assert updated.section_seeds == {path: used}
    assert used == 99 or f"改用了种子 {used}" in result.output, result.output
    assert updated.fingerprints == fingerprints(updated.body, updated.closing)
    assert (updated.template, updated.seed, updated.variables) == (
        outline.template, outline.seed, outline.variables)
    # Regenerating again is allowed: the section is as generated.
    assert invoke("regen", str(outline_file), path).exit_code == 0


def test_regen_is_deterministic_for_a_seed(outline_file: Path) -> None:
    copy = outline_file.with_name("副本.md")
    copy.write_bytes(outline_file.read_bytes())
    for path in (outline_file, copy):
        assert invoke("regen", str(path), "2", "--seed", "5").exit_code == 0
    assert copy.read_bytes() == outline_file.read_bytes()


def test_edited_section_refused_then_forced_with_backup(outline_file: Path) -> None:
    text = outline_file.read_text(encoding="utf-8")
    _, old, _ = body_outside(outline_file, "2")
    edited_line = next(x for x in old[1:] if x.strip())
    text = text.replace(edited_line, "这一段是我自己改写的。", 1)
    outline_file.write_text(text, encoding="utf-8")

    refused = invoke("regen", str(outline_file), "2")
    assert refused.exit_code == 1
    assert "--force" in refused.output and refused.output.strip().count("\n") == 0
    assert outline_file.read_text(encoding="utf-8") == text

    forced = invoke("regen", str(outline_file), "2", "--force", "--seed", "3")
    assert forced.exit_code == 0, forced.output
    backup = outline_file.with_name(outline_file.name + ".bak")
    assert backup.read_text(encoding="utf-8") == text
    assert str(backup) in forced.output
    assert "这一段是我自己改写的。" not in outline_file.read_text(encoding="utf-8")


def test_edits_in_other_sections_do_not_block_and_survive(outline_file: Path) -> None:
    text = outline_file.read_text(encoding="utf-8")
    _, first, _ = body_outside(outline_file, "1")
    line = next(x for x in first[1:] if x.strip())
    text = text.replace(line, line + "（我补充的一句。）", 1)
    outline_file.write_text(text, encoding="utf-8")
    before, _, after = body_outside(outline_file, "2")
    assert invoke("regen", str(outline_file), "2", "--seed", "8").exit_code == 0
    assert body_outside(outline_file, "2")[0] == before
    assert body_outside(outline_file, "2")[2] == after
    assert "（我补充的一句。）" in outline_file.read_text(encoding="utf-8")


def test_after_deleting_a_point_regen_finds_it_by_position(outline_file: Path) -> None:
    text = outline_file.read_text(encoding="utf-8")
    _, first, _ = body_outside(outline_file, "1")
    outline_file.write_text(text.replace("\n".join(first) + "\n\n", "", 1), encoding="utf-8")
    before, old, after = body_outside(outline_file, "1")  # was point 2
    result = invoke("regen", str(outline_file), "1", "--seed", "4")
    assert result.exit_code == 0, result.output
    assert "模板第 2 部分" in result.output
    before2, new, after2 = body_outside(outline_file, "1")
    assert (before2, after2) == (before, after) and new != old
    assert new[0].split()[1][:2] == old[0].split()[1][:2]  # keeps the heading's own marker
    assert parse_outline(outline_file.read_text(encoding="utf-8")).section_seeds == {"2": 4}


@pytest.mark.parametrize("section", ["9", "1.7", "x"])
def test_bad_section_is_one_line(outline_file: Path, section: str) -> None:
    text = outline_file.read_text(encoding="utf-8")
    result = invoke("regen", str(outline_file), section)
    assert result.exit_code == 1 and result.output.strip().count("\n") == 0
    assert outline_file.read_text(encoding="utf-8") == text


def test_regen_missing_file_and_non_outline(tmp_path: Path) -> None:
    missing = invoke("regen", str(tmp_path / "无.md"), "1")
    assert missing.exit_code == 1 and "文件不存在" in missing.output
    plain = tmp_path / "plain.md"
    plain.write_text("## 一、甲\n\n正文。\n", encoding="utf-8")
    result = invoke("regen", str(plain), "1")
    assert result.exit_code == 1 and "不是 drafter 提纲" in result.output
    assert result.output.strip().count("\n") == 0


def test_fresh_outline_checks_clean_except_fact_slots(outline_file: Path) -> None:
    result = invoke("check", str(outline_file))
    kinds = {line.split(": ")[1].split("：")[0] for line in result.output.splitlines()
             if line.startswith(str(outline_file))}
    assert kinds <= {"事实待补", "待写占位", "变量未填"}, result.output
    assert result.exit_code == (1 if kinds else 0)


def test_check_sources_lists_each_sentence_and_flags_a_copied_one(tmp_path: Path) -> None:
    from drafter.phrases import load_phrasebook

    out = tmp_path / "o.md"
    assert invoke("new", "-t", "yiyao-flat", "--seed", "2", "-o", str(out)).exit_code == 0
    book = load_phrasebook()
    copied = next("".join(t) for t in book.novelty_sentences
                  if len(t) >= 12 and "".join(t).endswith("。") and "〔" not in "".join(t))
    text = out.read_text(encoding="utf-8")
    first_body = next(i for i, x in enumerate(text.split("\n")) if x.startswith("## ")) + 3
    lines = text.split("\n")
    lines[first_body - 1] = lines[first_body - 1] + copied
    out.write_text("\n".join(lines), encoding="utf-8")
    result = invoke("check", "--sources", str(out))
    assert result.exit_code == 1, result.output
    assert f"{out}:{first_body}: 与语料重合过多：" in result.output
    listed = [x for x in result.output.splitlines() if "%" in x and "｜" in x]
    assert len(listed) >= 8 and any(copied in x and "超过重合上限" in x for x in listed)


def test_subsection_then_parent_then_an_added_point(tmp_path: Path) -> None:
    """regen 2.1 then regen 2 is not refused; a point the writer added is redrawn (--force)
    like its siblings, and the points around it stay untouched."""
    outline_file = tmp_path / "提纲.md"
    made = invoke("new", "-t", "yi-nested", "--seed", "7", "-o", str(outline_file), "--topic", "安全生产")
    assert made.exit_code == 0, made.output
    assert invoke("regen", str(outline_file), "2.1", "--seed", "1").exit_code == 0
    second = invoke("regen", str(outline_file), "2", "--seed", "2")
    assert second.exit_code == 0, second.output
    text = outline_file.read_text(encoding="utf-8")
    outline = parse_outline(text)
    spans = section_tree(outline.body, outline.closing)
    lines = outline.body.split("\n")
    at = spans[-1].end
    added = lines[:at] + ["", "## 加强安全宣传教育", "", "我自己写的一段。"] + lines[at:]
    outline_file.write_text(text.replace(outline.body, "\n".join(added)), encoding="utf-8")
    last = str(len(spans) + 1)
    assert invoke("regen", str(outline_file), last).exit_code == 1
    forced = invoke("regen", str(outline_file), last, "--force", "--seed", "3")
    assert forced.exit_code == 0, forced.output
    body = parse_outline(outline_file.read_text(encoding="utf-8")).body
    assert "我自己写的一段。" not in body and "〔待写" not in body
    assert f"\n## {'一二三四五'[len(spans)]}、" in body  # numbered by its place, not the model's
    for path in [str(i) for i in range(1, len(spans) + 2)]:
        assert invoke("regen", str(outline_file), path, "--seed", "4").exit_code == 0, path
