"""Atomic file writes: a temp file in the target's folder, fsync, then os.replace.

An interrupted run (disk full, Ctrl-C, kill -9) leaves either the old file or the new one,
never half of one. `write_bytes_atomic` is the raw write (caches, mined templates: OSError for
the caller); `write_atomic` is the write of a user's file: no silent overwrite, one-line errors.
`lock_exclusive` lets one process write a shared file (the store, a cache) while others wait.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import IO

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
    try:
        write_bytes_atomic(target, raw)
    except OSError as exc:
        raise InputError(f"无法写入（原文件未改动）：{exc.strerror or exc}", target) from None
    return target


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a uniquely named temporary file in the same folder,
    renamed over `path`: readers and a kill -9 see the old file or the new one, and
    parallel writers never share a temporary name. Raises OSError (the caller names the file).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(path))  # mkstemp makes 0600; keep the file's or the usual mode
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def lock_exclusive(fh: IO[bytes], wait: float) -> bool:
    """Take an exclusive lock on an open file, waiting up to `wait` seconds; False when another
    process still holds it then. Closing the file releases the lock. Without fcntl (Windows)
    it returns True at once: unique temp names and SQLite's own locking still hold there."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return True
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.05)
