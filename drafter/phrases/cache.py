"""The compiled phrase book on disk: JSON in cache_dir(), keyed by corpus hash + version.

A warm load reads JSON only (no jieba, no training); a changed corpus gives a new key, so
the book is rebuilt automatically after `drafter corpus add`. Parallel processes build it
once: the builder holds a lock on `phrasebook.lock`, the others wait, then read its file;
the file is written through a uniquely named temporary file, so readers never see half.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from drafter._version import __version__
from drafter.atomic import lock_exclusive, write_bytes_atomic
from drafter.errors import DrafterError, os_reason
from drafter.model import Skeleton, Speech
from drafter.paths import cache_dir

if TYPE_CHECKING:  # a warm `drafter new` needs the cache key, not the book
    from drafter.phrases.book import PhraseBook

FORMAT = "8"  # bump when the PhraseBook layout or the training changes meaning
_MEMO: dict[str, PhraseBook] = {}
LOCK_WAIT = 600.0  # seconds to wait for another process building the same models


class SpeechSource(Protocol):
    """What load_phrasebook needs from a corpus store."""

    def content_hash(self) -> str: ...
    def speeches(self, kind: str = ...) -> list[Speech]: ...


def cache_key(store: SpeechSource) -> str:
    return _key(store.content_hash(), __version__, FORMAT)


# SQLite's own count of committed transactions, in the database header (file format, offset 24)
_CHANGE_COUNTER = slice(24, 28)


def _store_stamp() -> list[Any] | None:
    """What says the store file is as it was: SQLite's file change counter (every committed
    write in rollback-journal mode bumps it), size and mtime, with drafter's version and the
    bundled seeds' stamps. None while a journal is left (a write in progress or cut off)."""
    from drafter.corpus.files import bundled_files, store_path
    from drafter.paths import file_stamp

    db = store_path()
    if db.with_name(db.name + "-journal").exists() or db.with_name(db.name + "-wal").exists():
        return None
    try:
        with db.open("rb") as fh:
            header = fh.read(100)
    except OSError:
        return None
    if len(header) < 100 or header[18] != 1 or header[19] != 1:
        return None  # not a rollback-journal database: in WAL mode the counter stands still
    return [header[_CHANGE_COUNTER].hex(), file_stamp(db), __version__, FORMAT,
            [file_stamp(f) for f in bundled_files()]]


_KEY_MEMO = "corpus-key.json"


def known_cache_key() -> str | None:
    """The store's cache key as it was last worked out, while the store file is unchanged since:
    a warm `drafter new` needs neither sqlite nor a pass over every stored speech."""
    from drafter.paths import recall

    stamp = _store_stamp()
    key = recall(_KEY_MEMO, stamp) if stamp is not None else None
    return key if isinstance(key, str) else None


def remember_cache_key(store: SpeechSource) -> str:
    """The store's cache key, kept against the store file's stamp (see known_cache_key)."""
    from drafter.paths import keep

    before = _store_stamp()
    key = cache_key(store)
    # another process may commit while the key is worked out: kept only if nothing changed
    if before is not None and _store_stamp() == before:
        keep(_KEY_MEMO, before, key)
    return key


def book_key(book: PhraseBook) -> str:
    """The cache key of the corpus a book was trained on (the same as cache_key of its store)."""
    meta = book.meta
    return _key(str(meta.get("corpus_hash", "")), str(meta.get("drafter_version", "")),
                str(meta.get("format", "")))


def _key(corpus_hash: str, version: str, fmt: str) -> str:
    raw = f"{corpus_hash}|{version}|{fmt}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]


def cache_path(store: SpeechSource) -> Path:
    return cache_dir() / f"phrasebook-{cache_key(store)}.json"


def load_phrasebook(
    store: SpeechSource | None = None,
    *,
    parse: Callable[[Speech], Skeleton] | None = None,
    jobs: int = 1,
    rebuild: bool = False,
) -> PhraseBook:
    """The phrase book for the corpus store: from the cache, or trained and cached now.

    `rebuild` trains even when a cached book exists (`drafter corpus build`); `jobs` > 1
    trains over that many processes (same book, byte for byte).
    """
    if store is None:
        from drafter.corpus import open_store

        store = open_store()
    path = cache_path(store)
    key = str(path)
    if key in _MEMO and path.exists() and not rebuild:
        return _MEMO[key]
    if not rebuild:
        book = _load(path)
        if book is not None:
            _MEMO[key] = book
            return book
    with _build_lock(path.parent):
        # another process may have built it while this one waited for the lock
        book = None if rebuild else _load(path)
        if book is None:
            book = _train(store, parse, jobs)
            _save(book, path)
            # the corpus's phrases for the topic search are trained with the book (jieba is
            # loaded now), under the same lock
            from drafter.topics import load_corpus_phrases

            load_corpus_phrases(store, cache_key(store), parse)
    _MEMO[key] = book
    return book


def rebuild_phrasebook(store: SpeechSource | None = None, *, jobs: int = 1
                       ) -> tuple[PhraseBook, Path]:
    """Retrain the phrase book of the store now (`drafter corpus build`); the book and the
    cache file it was written to."""
    if store is None:
        from drafter.corpus import open_store

        store = open_store()
    return load_phrasebook(store, jobs=jobs, rebuild=True), cache_path(store)


def _load(path: Path) -> PhraseBook | None:
    """The cached book, or None when there is none or it is damaged or outdated."""
    try:
        from drafter.phrases.book import PhraseBook

        return PhraseBook.load(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise DrafterError(f"无法读取短语模型缓存：{os_reason(exc)}", path) from None
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None  # a damaged or outdated cache file is rebuilt


def _save(book: PhraseBook, path: Path) -> None:
    data = json.dumps(book.to_dict(), ensure_ascii=False, sort_keys=True).encode("utf-8")
    try:
        write_bytes_atomic(path, data)
        for old in path.parent.glob("phrasebook-*.json"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:
        raise DrafterError(f"无法写入短语模型缓存：{os_reason(exc)}", path) from None


@contextlib.contextmanager
def _build_lock(folder: Path) -> Iterator[None]:
    """An exclusive lock on `folder`/phrasebook.lock: one process trains, the others wait."""
    lock_path = folder / "phrasebook.lock"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fh = open(lock_path, "a+b")
    except OSError as exc:
        raise DrafterError(f"无法写入缓存文件夹：{os_reason(exc)}", folder) from None
    try:
        if not lock_exclusive(fh, LOCK_WAIT):
            raise DrafterError("另一个 drafter 进程正在训练短语模型，等待超时，请稍后再试", lock_path)
        yield
    finally:
        fh.close()  # closing the file releases the lock


def _train(
    store: SpeechSource, parse: Callable[[Speech], Skeleton] | None, jobs: int = 1
) -> PhraseBook:
    if parse is None:
        from drafter.structure import parse_skeleton

        parse = parse_skeleton
    from drafter.phrases.build import build_phrasebook  # imports jieba: cold path only

    speeches = store.speeches(kind="speech")
    from drafter.jobs import parallel_map

    skeletons = parallel_map(parse, speeches, jobs, size=sum(len(s.text) for s in speeches))
    flagged = {f for s in speeches for f in s.flagged}
    meta: dict[str, Any] = {
        "corpus_hash": store.content_hash(),
        "drafter_version": __version__,
        "format": FORMAT,
        "speeches": str(len(speeches)),
    }
    return build_phrasebook(skeletons, flagged, meta=meta, jobs=jobs)
