"""A sign of life during long work (rebuilding the phrase models): a rich progress line on a
terminal, nothing at all when stderr is not one (pipes, CI, tests)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def with_progress(label: str, work: Callable[[], T]) -> T:
    """Run `work`, showing `label`, a spinner and the time so far on a terminal's stderr."""
    if not sys.stderr.isatty():
        return work()
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
               TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        progress.add_task(label, total=None)
        return work()


def phrasebook_stale() -> bool:
    """True when the next phrase-book load will retrain the models (corpus changed, no cache)."""
    from drafter.corpus import open_store
    from drafter.phrases.cache import cache_path

    return not cache_path(open_store()).exists()


def load_phrasebook_with_progress() -> None:
    """Load (and when needed rebuild) the phrase models, with progress on a terminal; the
    book is memoised, so the caller's next load_phrasebook() returns it at once."""
    from drafter.phrases.cache import load_phrasebook

    if sys.stderr.isatty() and phrasebook_stale():
        with_progress("正在重建短语模型（首次使用或语料有变化）…", load_phrasebook)
