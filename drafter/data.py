"""The one loader for package data: word lists and topic knowledge (``drafter/_data``), and the
bundled seed pages and templates. Works from a wheel and from a source checkout."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
    with data_path(name).open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line


_TOML_MEMO: dict[str, dict[str, Any]] | None = None
_TOML_KEEP = 256  # parses kept in the cache file (templates, frames: a handful in practice)


def _toml_cache() -> Path:
    from drafter.paths import cache_dir

    return cache_dir() / "toml.json"


def _saved_parses() -> dict[str, dict[str, Any]]:
    global _TOML_MEMO
    if _TOML_MEMO is None:
        import json

        try:
            saved = json.loads(_toml_cache().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            saved = {}
        _TOML_MEMO = saved if isinstance(saved, dict) else {}
    return _TOML_MEMO


def loads_toml(text: str) -> dict[str, Any]:
    """TOML text parsed, through the parses of earlier runs (cache_dir()/toml.json, by the text's
    hash): a warm `drafter new` reads its templates' metadata and its frames without importing
    tomllib. Raises ValueError (tomllib.TOMLDecodeError) when the text is not TOML."""
    import hashlib
    import json

    key = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
    saved = _saved_parses()
    found = saved.get(key)
    if isinstance(found, dict):
        return found
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib

    data = tomllib.loads(text)
    try:
        raw = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):
        return data  # a date or time in it: JSON cannot keep it, parse it each time
    if json.loads(raw) != data:
        return data
    saved[key] = data
    while len(saved) > _TOML_KEEP:
        del saved[next(iter(saved))]
    from drafter.atomic import write_bytes_atomic

    try:
        write_bytes_atomic(_toml_cache(), json.dumps(saved, ensure_ascii=False).encode("utf-8"))
    except OSError:
        pass  # a read-only cache folder: parse again next time
    return data
