"""The one atomic file write: a temp file in the target's folder, fsync, then os.replace.

An interrupted run (disk full, Ctrl-C) leaves either the old file or the new one, never half
of one, and an existing file is replaced only when the caller says `force`.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from drafter.errors import InputError, WriteRefused


def write_atomic(path: str | Path, data: str | bytes, *, force: bool = False,
                 noun: str = "提纲") -> Path:
    """Write `data` (text is written as UTF-8) to `path`; `noun` names the file in messages."""
    target = Path(path)
    if target.exists() and not force:
        raise WriteRefused("文件已存在；加 --force 覆盖", target)
    if target.is_dir():
        raise WriteRefused(f"这是一个文件夹，不能写成{noun}", target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"无法创建文件夹：{exc.strerror or exc}", target.parent) from None
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            os.chmod(tmp_name, target.stat().st_mode & 0o7777)
        else:  # mkstemp makes 0600: a new file gets the mode any new file would (0644)
            os.chmod(tmp_name, 0o666 & ~_umask())
        os.replace(tmp_name, target)
    except BaseException as exc:
        # whatever went wrong, the old file is untouched: drop the temp
        Path(tmp_name).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise InputError(f"无法写入（原文件未改动）：{exc.strerror or exc}", target) from None
        raise
    return target


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
