"""The corpus: scraped speech pages in, clean de-duplicated pieces out, kept in SQLite.

Heavy dependencies (OpenCC, charset-normalizer, python-docx) load lazily, on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from drafter.corpus.store import CorpusStore

__all__ = [
    "CorpusStore",
    "bundled_speeches",
    "clean_text",
    "expand_paths",
    "explain_file",
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


def open_store(include_bundled: bool = True, jobs: int = 1) -> CorpusStore:
    """Open (creating if needed) the corpus store in data_dir(); the bundled seeds are
    ingested on first open (cleaned in `jobs` processes; 0 = every core). StoreError when
    the database is corrupt or locked."""
    from drafter.corpus.store import open_store as _open

    if jobs != 1:
        from drafter.jobs import resolve_jobs

        jobs = resolve_jobs(jobs)
    return _open(include_bundled=include_bundled, jobs=jobs)


def bundled_speeches() -> list[Any]:
    """The bundled seed pages cleaned and split, file by file, without a store (no
    de-duplication across files): what `drafter mine --bundled` mines."""
    from drafter.corpus.store import bundled_files

    return [s for path in bundled_files() for s in load_file(path)]


def expand_paths(items: Any) -> list[Any]:
    """Files named, plus the text/.docx files inside folders named (sorted, no hidden); a
    folder with none stays in the list, so adding it is reported as an error."""
    from drafter.corpus.store import expand_paths as _expand

    return _expand(items)


def explain_file(path: Any) -> tuple[list[Any], list[Any]]:
    """What cleaning does to one file, without storing it: its pieces (Speech) and every
    removed line or fragment (Dropped: line, reason, text)."""
    from drafter.corpus.reader import explain_page

    return explain_page(path)


def __getattr__(name: str) -> Any:
    if name == "CorpusStore":
        from drafter.corpus.store import CorpusStore

        return CorpusStore
    raise AttributeError(name)
