"""The compiled phrase models on disk: JSON in cache_dir(), keyed by corpus hash + version.

A warm load reads JSON only (no jieba, no training); a changed corpus gives a new key, so
the book is rebuilt automatically after `drafter corpus add`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from drafter._version import __version__
from drafter.model import Skeleton, Speech
from drafter.paths import cache_dir
from drafter.phrases.book import PhraseBook

FORMAT = "7"  # bump when the PhraseBook layout or the training changes meaning
_MEMO: dict[str, PhraseBook] = {}


class SpeechSource(Protocol):
    """What load_phrasebook needs from a corpus store."""

    def content_hash(self) -> str: ...
    def speeches(self, kind: str = ...) -> list[Speech]: ...


def cache_key(store: SpeechSource) -> str:
    return _key(store.content_hash(), __version__, FORMAT)


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
    if path.exists() and not rebuild:
        try:
            book = PhraseBook.load(path)
            _MEMO[key] = book
            return book
        except (ValueError, KeyError, TypeError, IndexError):
            pass  # a damaged or outdated cache file is rebuilt below
    book = _train(store, parse, jobs)
    for old in path.parent.glob("phrasebook-*.json"):
        old.unlink(missing_ok=True)
    book.save(path)
    # the corpus's phrases for the topic search are trained with the book (jieba is loaded now)
    from drafter.topics import load_corpus_phrases

    load_corpus_phrases(store, cache_key(store), parse)
    _MEMO[key] = book
    return book


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
