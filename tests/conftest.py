"""Shared fixtures: every test gets its own DRAFTER_HOME, so no test touches real folders."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
GOLD_PATH = SHARED / "gold" / "seeds-skeletons.json"
SEEDS = REPO / "seeds"


def _train_home(home: Path) -> None:
    """Store the bundled corpus in `home` and train its phrase models."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DRAFTER_HOME", str(home))
        from drafter import get_template, load_phrasebook, render_outline

        load_phrasebook()
        # each topic's material is cached on its first render (about a second): warm the
        # default topic and the ones most tests draft
        template = get_template("yi-nested")
        for variables in ({}, {"topic": "安全生产"}, {"topic": "乡村振兴"}, {"topic": "防汛"}):
            render_outline(template, variables, seed=1)


@contextmanager
def _exclusive(lock_path: Path) -> Iterator[bool]:
    """Hold an exclusive lock on `lock_path`; yields False where there are no file locks."""
    try:
        import fcntl
    except ImportError:  # Windows
        yield False
        return
    with open(lock_path, "a+b") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield True
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def trained_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A DRAFTER_HOME with the bundled corpus stored and its phrase models trained, made once
    per session: training is the slow part of most tests, and its result is the same each time.

    Under pytest-xdist the workers share one: the first to take the lock trains it, the others
    wait for it. Tests never write to it; they get copies.
    """
    if os.environ.get("PYTEST_XDIST_WORKER") is not None:
        root = tmp_path_factory.getbasetemp().parent  # this run's folder, shared by the workers
        home, done = root / "trained-home", root / "trained-home.done"
        with _exclusive(root / "trained-home.lock") as locked:
            if locked:
                if not done.exists():
                    shutil.rmtree(home, ignore_errors=True)  # a worker that failed half-way
                    home.mkdir()
                    _train_home(home)
                    done.touch()
                return home
    home = tmp_path_factory.mktemp("trained-home")
    _train_home(home)
    return home


@pytest.fixture(autouse=True)
def drafter_home(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
                 monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test's own DRAFTER_HOME: a copy of the trained home, or an empty one for tests
    marked `cold_home` (first runs, training, the store's own bookkeeping)."""
    home = tmp_path_factory.mktemp("drafter-home")
    if request.node.get_closest_marker("cold_home") is None:
        shutil.copytree(request.getfixturevalue("trained_home"), home, dirs_exist_ok=True)
    monkeypatch.setenv("DRAFTER_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def gold() -> list[dict]:
    if not GOLD_PATH.exists():
        pytest.skip("../shared/gold is not present")
    return json.loads(GOLD_PATH.read_text(encoding="utf-8"))


@pytest.fixture
def warm_home(drafter_home: Path) -> Path:
    """The test's home, with the phrase models already trained (every home but a cold one)."""
    return drafter_home


# Files whose tests take seconds each (real processes, LibreOffice, a training) run first, so
# that under pytest-xdist the many short files even out the workers' ends. test_parallel
# starts from an empty home: one worker runs it while another trains the shared home.
SLOW_FIRST = ("test_parallel.py", "test_perf.py", "test_faults.py", "test_interactive_new.py",
              "test_export_render.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: i for i, name in enumerate(SLOW_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(SLOW_FIRST)))  # stable: same order otherwise


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "cold_home: the test starts from an empty DRAFTER_HOME")
