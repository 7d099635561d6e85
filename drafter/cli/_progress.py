"""A sign of life during long work (rebuilding the phrase models): a rich progress line on a
terminal, nothing at all when stderr is not one (pipes, CI, tests). Commands pass
`with_progress` to the library as its `long_work` hook."""

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
