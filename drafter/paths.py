"""Where drafter writes its own files: the corpus store, caches, settings.

`DRAFTER_HOME` moves every folder drafter writes (data, cache, config); otherwise they
follow platformdirs. Bundled data is read through drafter.data.
"""

from __future__ import annotations

import os
from pathlib import Path

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

