"""Where drafter reads its bundled data and writes its own files.

`DRAFTER_HOME` moves every folder drafter writes (data, cache, config); otherwise they
follow platformdirs. Bundled seeds and templates are read through `bundled_dir`, which works
from an installed wheel and from a source checkout alike.
"""

from __future__ import annotations

import os
from importlib import resources
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


def bundled_dir(name: str) -> Path:
    """A folder of package data shipped with drafter: "seeds" or "templates".

    In a wheel they live in ``drafter/_bundled/<name>``; in a source checkout (editable
    install, tests) they are the top-level ``<name>/`` folders of the repository.
    """
    packaged = Path(str(resources.files("drafter"))) / "_bundled" / name
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"bundled folder {name!r} is missing from this installation")
