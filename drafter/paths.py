"""Where drafter writes its own files: the corpus store, caches, settings.

`DRAFTER_HOME` moves every folder drafter writes (data, cache, config); otherwise they
follow platformdirs. Bundled data is read through drafter.data.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

APP_NAME = "drafter"


def _home() -> Path | None:
    value = os.environ.get("DRAFTER_HOME")
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    """Folder for the corpus store."""
    home = _home()
    if home is not None:
        return home / "data"
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Folder for compiled phrase models and other rebuildable caches."""
    home = _home()
    if home is not None:
        return home / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """Folder for user settings (e.g. the .docx layout profile)."""
    home = _home()
    if home is not None:
        return home / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))



def file_stamp(path: Path) -> list[Any]:
    """What says a file is as it was: its path, size and modification time (size None: missing)."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return [str(path), None]
    return [str(path), stat.st_size, stat.st_mtime_ns]


def recall(name: str, stamp: Any) -> Any:
    """A value kept in the cache folder under `name` (see keep) while `stamp` is the one it was
    kept against; None otherwise (never kept, changed since, unreadable)."""
    import json

    try:
        saved = json.loads((cache_dir() / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(saved, dict) or saved.get("stamp") != stamp:
        return None
    return saved.get("value")


def keep(name: str, stamp: Any, value: Any) -> None:
    """Keep a value worked out from files in the cache folder, against their stamp, so the next
    run reads it instead of working it out again (a read-only folder: worked out again)."""
    import json

    from drafter.atomic import write_bytes_atomic

    try:
        write_bytes_atomic(cache_dir() / name, json.dumps({"stamp": stamp, "value": value}).encode("utf-8"))
    except OSError:
        pass
