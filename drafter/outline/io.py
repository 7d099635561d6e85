"""Reading and writing outline files: atomic writes, no silent overwrite, backups.

Every write goes to a temporary file in the target's own folder and is then renamed over the
target with os.replace, so an interrupted run leaves either the old file or the new one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from drafter.errors import DrafterError, InputError, OutlineError, WriteRefused
from drafter.outline.model import Outline, parse_outline


def read_text(path: str | Path) -> str:
    """The text of a user's file (UTF-8, with or without BOM), or a one-line InputError."""
    p = Path(path)
    if not p.exists():
        raise InputError("文件不存在", p)
    if p.is_dir():
        raise InputError("这是一个文件夹，不是提纲文件", p)
    try:
        return p.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"不是 UTF-8 文本（第 {exc.start} 字节无法解码）", p) from None
    except OSError as exc:
        raise InputError(f"无法读取：{exc.strerror}", p) from None


def read_outline(path: str | Path) -> Outline:
    """Read and parse an outline file (InputError / OutlineError on failure)."""
    return parse_outline(read_text(path), str(path))


def write_atomic(path: str | Path, text: str, *, force: bool = False) -> Path:
    """Write `text` to `path` atomically. Refuses to replace an existing file unless `force`."""
    target = Path(path)
    if target.exists() and not force:
        raise WriteRefused("文件已存在；加 --force 覆盖", target)
    if target.is_dir():
        raise WriteRefused("这是一个文件夹，不能写成提纲", target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DrafterError(f"无法创建文件夹：{exc.strerror or exc}", target.parent) from None
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            os.chmod(tmp_name, target.stat().st_mode & 0o7777)
        else:  # mkstemp makes 0600: a new outline gets the mode any new file would (0644)
            os.chmod(tmp_name, 0o666 & ~_umask())
        os.replace(tmp_name, target)
    except BaseException as exc:
        # Whatever went wrong (disk full, Ctrl-C), the old file is untouched: drop the temp.
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise DrafterError(f"无法写入（原文件未改动）：{exc.strerror or exc}", target) from None
        raise
    return target


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def backup_path(path: str | Path) -> Path:
    """A free backup name next to `path`: name.md.bak, then name.md.bak2, ... (never reused)."""
    p = Path(path)
    candidate = p.with_name(p.name + ".bak")
    n = 2
    while candidate.exists():
        candidate = p.with_name(f"{p.name}.bak{n}")
        n += 1
    return candidate


def write_backup(path: str | Path, text: str) -> Path:
    """Keep `text` (the file before a forced change) in a new backup file next to `path`."""
    return write_atomic(backup_path(path), text)


def read_document(path: str | Path) -> tuple[Outline | None, str, str]:
    """(outline or None, text before the body, body) for fmt and check.

    A drafter outline keeps its front matter bytes as they are; a plain Markdown outline with
    `##` headings and no front matter is accepted too, so hand-written outlines can be checked.
    """
    text = read_text(path)
    if text.lstrip("\ufeff").startswith("---"):
        outline = parse_outline(text, str(path))
        newline = outline.newline
        parts = text.split(newline)
        head = newline.join(parts[: outline.front_lines]) + newline
        return outline, head, text[len(head):].replace("\r\n", "\n")
    if not any(line.startswith("##") for line in text.splitlines()):
        raise OutlineError("不是 drafter 提纲（没有提纲头部，也没有 ## 标题）", path, 1)
    return None, "", text.replace("\r\n", "\n")
