"""Where the corpus lives on disk: the store's database file and the bundled seed pages.

Apart from drafter.corpus.store so that a warm `drafter new`, which only checks that the store
is unchanged (drafter.phrases.cache.known_cache_key), imports no sqlite.
"""

from __future__ import annotations

from pathlib import Path

from drafter import paths
from drafter.data import bundled_dir

STORE_NAME = "corpus.sqlite3"
TEXT_SUFFIXES = {".txt", ".text", ".md", ".docx", ".doc"}


def store_path() -> Path:
    """Where the corpus database lives."""
    return paths.data_dir() / STORE_NAME


def bundled_files() -> list[Path]:
    """The bundled seed pages, in the order they are stored ([] when not installed)."""
    try:
        folder = bundled_dir("seeds")
    except FileNotFoundError:
        return []
    return [f for f in sorted(folder.iterdir())
            if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES]
