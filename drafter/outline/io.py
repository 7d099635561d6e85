"""Reading and writing outline files: no silent overwrite (drafter.atomic), backups."""

from __future__ import annotations

from pathlib import Path

from drafter.atomic import write_atomic
from drafter.errors import InputError, OutlineError
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
