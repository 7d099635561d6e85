"""Bad input and damaged state a user can meet: one line naming the file, never a traceback."""

from __future__ import annotations

import sqlite3
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter.cli import app
from drafter.corpus import load_file, open_store
from drafter.corpus.store import store_path
from drafter.errors import DrafterWarning, StoreError
from drafter.templates import list_templates

runner = CliRunner()
SPEECH = "在全市防汛工作会议上的讲话\n同志们：\n今天召开会议，部署防汛工作。\n一、提高认识\n要切实加强领导。\n"


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def _one_error_line(out: str, *words: str) -> str:
    lines = [ln for ln in out.splitlines() if ln.startswith("错误：")]
    assert len(lines) == 1, out
    assert "Traceback" not in out and len(lines[0]) < 200, out
    for w in words:
        assert w in lines[0], out
    return lines[0]


# -- unusable folders ---------------------------------------------------------------------
@pytest.mark.cold_home
def test_unwritable_cache_folder(drafter_home: Path) -> None:
    (drafter_home / "cache").write_text("不是文件夹")  # as unusable as a folder without write access
    code, out = _run("corpus", "build")
    assert code == 1
    _one_error_line(out, str(drafter_home / "cache"))
    code, out = _run("new", "--no-input", "-o", str(drafter_home / "a.md"))
    assert code == 1
    _one_error_line(out, str(drafter_home / "cache"))


def test_permission_denied_on_the_cache_folder(drafter_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As a user without write access meets it (the tests may run as root, so simulated)."""
    cache = drafter_home / "cache"
    real_mkdir = Path.mkdir

    def mkdir(self: Path, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        if self == cache or cache in self.parents:
            raise PermissionError(13, "Permission denied", str(self))
        real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", mkdir)
    code, out = _run("corpus", "build")
    assert code == 1
    _one_error_line(out, str(cache), "没有读写权限")


@pytest.mark.cold_home
def test_unwritable_data_folder(drafter_home: Path) -> None:
    (drafter_home / "data").write_text("不是文件夹")
    for args in (["corpus", "list"], ["corpus", "build"], ["new", "--no-input", "-o", str(drafter_home / "a.md")]):
        code, out = _run(*args)
        assert code == 1
        _one_error_line(out, str(drafter_home / "data"))


# -- damaged store ------------------------------------------------------------------------
def _damage(sql: str) -> None:
    open_store().close()
    with sqlite3.connect(store_path()) as db:
        db.execute(sql)


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE pieces SET flagged='[\"缺了引号' WHERE id=3",  # JSONDecodeError
        "UPDATE pieces SET text=CAST(x'e5b7a5ff' || randomblob(600) AS TEXT) WHERE id=3",  # not UTF-8
        "UPDATE pieces SET title=CAST(x'ff' AS TEXT) WHERE id=3",
    ],
)
def test_flipped_bytes_in_the_store(sql: str) -> None:
    _damage(sql)
    for args in (["corpus", "list"], ["corpus", "stats"], ["corpus", "show", "3"]):
        code, out = _run(*args)  # a command that does not read the damaged column still works
        assert code in (0, 1) and "Traceback" not in out
    assert code == 1
    _one_error_line(out, str(store_path()), "损坏")


@pytest.mark.parametrize("cmd", ["show", "rm"])
def test_huge_piece_id(cmd: str) -> None:
    code, out = _run("corpus", cmd, "9" * 40)
    assert code == 1
    _one_error_line(out, "没有编号")


def test_truncated_store_is_rebuilt_and_says_so() -> None:
    open_store().close()
    store_path().write_bytes(b"")
    code, out = _run("corpus", "stats", "--json")
    assert code == 0
    assert "注意：" in out and "0 字节" in out and str(store_path()) in out
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        open_store().close()  # rebuilt now: no more warnings


# -- corpus add -----------------------------------------------------------------------------
def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "空文件夹"
    empty.mkdir()
    (empty / "图片.png").write_bytes(b"\x89PNG")
    code, out = _run("corpus", "add", str(empty))
    assert code == 1
    _one_error_line(out, str(empty), "没有可添加的文稿")


def test_unreadable_folder_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder without read permission (simulated: the tests may run as root)."""
    import os

    locked = tmp_path / "别人的文件夹"
    locked.mkdir()
    (locked / "a.txt").write_text(SPEECH, "utf-8")
    real_scandir, real_listdir = os.scandir, os.listdir

    def deny(real):  # type: ignore[no-untyped-def]
        def inner(path=".", *a):  # type: ignore[no-untyped-def]
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return real(path, *a)
        return inner

    monkeypatch.setattr(os, "scandir", deny(real_scandir))
    monkeypatch.setattr(os, "listdir", deny(real_listdir))
    code, out = _run("corpus", "add", str(locked))
    assert code == 1
    _one_error_line(out, str(locked), "无法读取文件夹：没有读写权限")


def test_docx_renamed_doc_is_read_by_content(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    for line in SPEECH.splitlines():
        d.add_paragraph(line)
    path = tmp_path / "讲话.doc"
    d.save(str(path))
    [speech] = load_file(path)
    assert speech.title == "在全市防汛工作会议上的讲话"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "讲话.txt"
    path.write_bytes(SPEECH.encode(encoding))
    [speech] = load_file(path)
    assert speech.title == "在全市防汛工作会议上的讲话"


def test_binary_is_still_binary(tmp_path: Path) -> None:
    import random

    path = tmp_path / "x.txt"
    rng = random.Random(3)
    path.write_bytes(bytes(rng.randrange(256) for _ in range(4000)))
    code, out = _run("corpus", "add", str(path))
    assert code == 1 and "二进制" in out


# -- templates ------------------------------------------------------------------------------
def test_one_bad_template_does_not_hide_the_others(drafter_home: Path) -> None:
    folder = drafter_home / "data" / "templates"
    folder.mkdir(parents=True)
    bad = folder / "zz-bad.md.j2"
    bad.write_text("{#-\nname = \"坏模板\"\ncount = \"三\"\n-#}\n# {{ title() }}\n", "utf-8")
    with pytest.warns(DrafterWarning, match="count"):
        ids = [t.id for t in list_templates()]
    assert "zz-bad" not in ids and len(ids) >= 3
    code, out = _run("templates")
    assert code == 0
    assert f"注意：{bad}:3: 已跳过这个模板" in out
    assert ids[0] in out


def test_store_error_is_not_a_traceback_for_library_users() -> None:
    _damage("UPDATE pieces SET flagged='{' WHERE id=1")
    with pytest.raises(StoreError, match="损坏"):
        open_store().speeches(kind=None)


def test_any_os_error_reaching_the_cli_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """The safety net: a file problem the library did not foresee still names the file."""
    from drafter.corpus.store import CorpusStore

    def stats(self):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied", "/某处/文件")

    monkeypatch.setattr(CorpusStore, "stats", stats)
    code, out = _run("corpus", "stats")
    assert code == 1
    _one_error_line(out, "/某处/文件", "没有读写权限")
