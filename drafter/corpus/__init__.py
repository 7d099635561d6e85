"""The corpus: scraped speech pages in, clean de-duplicated pieces out, kept in SQLite.

Heavy dependencies (OpenCC, charset-normalizer, python-docx) load lazily, on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from drafter.corpus.store import CorpusStore

__all__ = [
    "CorpusStore",
    "clean_text",
    "find_placeholders",
    "is_garbled",
    "load_file",
    "open_store",
]


def load_file(path: Any) -> list[Any]:
    """Decode, clean, split and classify one file into Speech pieces (no store)."""
    from drafter.corpus.reader import load_file as _load

    return _load(path)


def clean_text(text: str) -> str:
    """Clean arbitrary text: pinyin annotations out, traditional -> simplified, damaged spots
    marked with U+FFFD, punctuation normalised. Idempotent; never raises on a str."""
    from drafter.corpus.normalize import clean_text as _clean

    return _clean(text)


def is_garbled(sentence: str) -> bool:
    """True when a sentence holds a damaged span (mojibake, U+FFFD, private-use characters)."""
    from drafter.corpus.garble import is_garbled as _is_garbled

    return _is_garbled(sentence)


def find_placeholders(text: str) -> list[str]:
    """The genre's placeholders in a text (XX, ××, ***, x市's x, ___), in order."""
    from drafter.corpus.placeholders import find_placeholders as _find

    return _find(text)


def open_store(include_bundled: bool = True) -> CorpusStore:
    """Open (creating if needed) the corpus store in data_dir(); the bundled seeds are
    ingested on first open. StoreError when the database is corrupt or locked."""
    from drafter.corpus.store import open_store as _open

    return _open(include_bundled=include_bundled)


def __getattr__(name: str) -> Any:
    if name == "CorpusStore":
        from drafter.corpus.store import CorpusStore

        return CorpusStore
    raise AttributeError(name)
