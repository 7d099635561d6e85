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
