"""One exception hierarchy: every error a user can see, with a message they can act on."""

from __future__ import annotations

from pathlib import Path


class DrafterError(Exception):
    """Base of every error drafter reports to the user (one line, no traceback)."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
            where += ": "
        return f"{where}{self.message}"


class InputError(DrafterError):
    """A file the user gave cannot be read (missing, binary, empty, undecodable)."""


class StoreError(DrafterError):
    """The corpus store is corrupt, locked or otherwise unusable."""


class TemplateError(DrafterError):
    """A template is missing, malformed, or calls an unknown slot."""


class OutlineError(DrafterError):
    """An outline file is not a drafter outline, or a section path does not exist."""


class WriteRefused(DrafterError):
    """A write would overwrite a file the user has not allowed us to replace."""


class DrafterWarning(UserWarning):
    """Something the user should know that did not stop the command (the CLI prints one
    line on stderr): a template skipped for bad metadata, a store that had to be rebuilt."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(DrafterError.__str__(self))  # type: ignore[arg-type]


def os_reason(exc: OSError) -> str:
    """Why a file operation failed, in words a user can act on (Chinese for common cases)."""
    import errno

    reasons = {
        errno.EACCES: "没有读写权限", errno.EPERM: "没有读写权限", errno.EROFS: "文件系统是只读的",
        errno.ENOSPC: "磁盘已满", errno.EEXIST: "已有同名文件挡住了这个文件夹",
        errno.ENOTDIR: "路径中有一项是文件而不是文件夹", errno.ENOENT: "文件或文件夹不存在",
        errno.EISDIR: "这是一个文件夹",
    }
    return reasons.get(exc.errno or -1, exc.strerror or str(exc))
