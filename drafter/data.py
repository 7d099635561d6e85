"""The one loader for package data (word lists, topic knowledge): works from a wheel and a checkout."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path


def data_path(name: str) -> Path:
    """Path of a bundled data file in ``drafter/_data``."""
    return Path(str(resources.files("drafter") / "_data" / name))


def read_data_lines(name: str) -> Iterator[str]:
    """The data lines of a bundled file: comments (#) and blank lines left out."""
    with data_path(name).open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line
