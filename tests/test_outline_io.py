"""Outline file format and the write rules: atomic, no silent overwrite, backups."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.errors import DrafterError, InputError, OutlineError, WriteRefused
from drafter.outline import io
from drafter.outline.model import Outline, normalize_path, parse_outline

FIXTURE = Path(__file__).parent / "fixtures" / "outline_hand.md"


def test_fixture_round_trips_byte_for_byte() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    outline = parse_outline(text)
    assert outline.template == "san-dian" and outline.seed == 7 and outline.closing == 2
    assert outline.variables["meeting"] == "全市安全生产工作会议"
    assert outline.body.startswith("# 在全市安全生产工作会议上的讲话\n")
    assert outline.to_text() == text


_keys = st.text(alphabet="abc_.12一二：:\"' ", min_size=1, max_size=6)
_vals = st.text(max_size=12).filter(lambda s: "\r" not in s and "\n" not in s)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(_keys, _vals, max_size=4), st.integers(0, 2**31),
       st.dictionaries(st.sampled_from(["1", "2.1", "10"]), st.integers(0, 99)))
def test_front_matter_round_trips(variables, seed, section_seeds) -> None:
    o = Outline(template="t:1 \"x\"", seed=seed, body="# 题\n\n## 一、甲\n", variables=variables,
                section_seeds=section_seeds, fingerprints={"1": "ab"}, closing=1, version="0.1.0")
    back = parse_outline(o.to_text())
    assert (back.template, back.seed, back.variables, back.section_seeds, back.fingerprints,
            back.closing, back.body) == (o.template, seed, variables, section_seeds, {"1": "ab"},
                                         1, o.body)


def test_front_matter_is_yaml_readable_by_a_plain_yaml_reader() -> None:
    yaml = pytest.importorskip("yaml")
    text = FIXTURE.read_text(encoding="utf-8")
    data = yaml.safe_load(text.split("---\n")[1])
    assert data["variables"]["org"] == "市安委会" and data["seed"] == 7


def test_crlf_outline_keeps_its_line_endings() -> None:
    text = FIXTURE.read_text(encoding="utf-8").replace("\n", "\r\n")
    outline = parse_outline(text)
    assert "\r" not in outline.body
    assert outline.to_text().encode() == text.encode()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# 只是一个标题\n", "不是 drafter 提纲"),
        ("---\ntemplate: \"a\"\nseed: 1\n", "没有结束"),
        ("---\ntitle: x\n---\n", "缺少 template"),
        ("---\ntemplate: \"a\"\nseed: 1\nvariables: {\"a\": \n---\n", "无法读取"),
        ("---\ntemplate: \"a\"\nseed: x\n---\n", "不是整数"),
    ],
)
def test_not_an_outline(text: str, message: str) -> None:
    with pytest.raises(OutlineError, match=message):
        parse_outline(text, "x.md")


@pytest.mark.parametrize(
    ("raw", "path"),
    [("2", "2"), ("2.1", "2.1"), ("二", "2"), ("二、", "2"), ("二.一", "2.1"), ("十二", "12"),
     ("（三）", "3"), ("3．2", "3.2"), ("第二", "2")],
)
def test_section_paths(raw: str, path: str) -> None:
    assert normalize_path(raw) == path


def test_write_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    io.write_atomic(target, "一")
    with pytest.raises(WriteRefused, match="--force"):
        io.write_atomic(target, "二")
    assert target.read_text(encoding="utf-8") == "一"
    io.write_atomic(target, "二", force=True)
    assert target.read_text(encoding="utf-8") == "二"


def test_interrupted_write_leaves_old_file_and_no_temp(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.md"
    target.write_text("旧内容", encoding="utf-8")

    def crash(fd: int) -> None:
        raise KeyboardInterrupt  # as if the user pressed Ctrl-C mid-write

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(KeyboardInterrupt):
        io.write_atomic(target, "新内容" * 1000, force=True)
    assert target.read_text(encoding="utf-8") == "旧内容"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]


def test_failed_rename_leaves_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.md"
    target.write_text("旧内容", encoding="utf-8")

    def no_space(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_space)
    with pytest.raises(DrafterError, match="原文件未改动"):
        io.write_atomic(target, "新内容", force=True)
    assert target.read_text(encoding="utf-8") == "旧内容"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_write_creates_folders_and_temp_lives_next_to_target(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    seen = []
    real = os.replace

    def spy(src: str, dst: str) -> None:
        seen.append(Path(src).parent)
        real(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    target = tmp_path / "drafts" / "新.md"
    io.write_atomic(target, "内容")
    assert seen == [target.parent] and target.read_text(encoding="utf-8") == "内容"


def test_backups_are_never_reused(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    target.write_text("x", encoding="utf-8")
    first = io.write_backup(target, "第一版")
    second = io.write_backup(target, "第二版")
    assert (first.name, second.name) == ("a.md.bak", "a.md.bak2")
    assert first.read_text(encoding="utf-8") == "第一版"


@pytest.mark.parametrize("make", ["missing", "dir", "binary"])
def test_read_errors(tmp_path: Path, make: str) -> None:
    path = tmp_path / "o.md"
    if make == "dir":
        path.mkdir()
    elif make == "binary":
        path.write_bytes(b"\xff\xfe\x00garbage\x81")
    with pytest.raises(InputError) as info:
        io.read_outline(path)
    assert str(path) in str(info.value)
