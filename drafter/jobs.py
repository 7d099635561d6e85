"""Run independent per-document work over several processes (`--jobs N`), results in order.

Workers are forked, so they inherit what the parent already loaded (jieba's dictionary, the
tokenizer with the corpus's genre terms) instead of loading it again; the work function is
never pickled, only the documents and the results are.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

_T = TypeVar("_T")
_R = TypeVar("_R")
# What forked workers run on: set just before the pool forks, so children inherit it (the
# loaded dictionary included) instead of loading jieba again.
_WORK: dict[str, Any] = {}


def _in_worker(chunk: tuple[str, list[Any]]) -> list[Any]:
    name, items = chunk
    return [_WORK[name](item) for item in items]


# Below this much text a pool costs more than it saves (forking a process that holds the
# jieba dictionary, pickling results back): measured on the ~44k-character bundled seeds.
MIN_PARALLEL_CHARS = 200_000


def parallel_map(fn: Callable[[_T], _R], items: Sequence[_T], jobs: int,
                 size: int | None = None) -> list[_R]:
    """[fn(x) for x in items], over `jobs` forked processes when that pays; same order.

    `size` is how much text the items hold: below MIN_PARALLEL_CHARS they run here. Workers
    are forked so they share the parent's loaded jieba dictionary; where fork is not
    available (Windows, macOS default) the work runs in this process.
    """
    small = size is not None and size < MIN_PARALLEL_CHARS
    if (jobs <= 1 or small or len(items) < 2 * jobs
            or "fork" not in multiprocessing.get_all_start_methods()):
        return [fn(x) for x in items]
    name = f"job{len(_WORK)}"
    _WORK[name] = fn
    step = -(-len(items) // (jobs * 4))  # a few chunks per worker evens out long documents
    chunks = [(name, list(items[i:i + step])) for i in range(0, len(items), step)]
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            return [r for part in pool.map(_in_worker, chunks) for r in part]
    finally:
        del _WORK[name]


def default_jobs() -> int:
    """The number of CPU cores this process may use (the default of `--jobs 0`)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def resolve_jobs(jobs: int) -> int:
    """`--jobs` as given, with 0 meaning every core."""
    return jobs if jobs > 0 else default_jobs()
