"""The one loader for package data: word lists and topic knowledge (``drafter/_data``), and the
bundled seed pages and templates. Works from a wheel and from a source checkout."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

# drafter is installed as files (a wheel unpacked in site-packages, or a source checkout): its
# data is beside this module (importlib.resources would cost a few ms of imports per command)
_PACKAGE = Path(__file__).resolve().parent


def bundled_dir(name: str) -> Path:
    """A folder shipped with drafter: "seeds" (the bundled corpus) or "templates".

    A wheel carries them in the package as ``drafter/_bundled/<name>`` (pyproject.toml's
    force-include); a source checkout (editable install, tests) keeps them at the top of the
    repository, beside the package, where writers and `drafter mine --bundled` edit them.
    """
    package = _PACKAGE
    for folder in (package / "_bundled" / name, package.parent / name):
        if folder.is_dir():
            return folder
    raise FileNotFoundError(f"bundled folder {name!r} is missing from this installation")


def data_path(name: str) -> Path:
    """Path of a bundled data file in ``drafter/_data``."""
    return _PACKAGE / "_data" / name


def read_data_lines(name: str) -> Iterator[str]:
    """The data lines of a bundled file: comments (#) and blank lines left out."""
    return (line for _, line in read_data_records(name))


def read_data_records(name: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of a bundled file's data lines, for errors naming the line."""
    with data_path(name).open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield number, line
