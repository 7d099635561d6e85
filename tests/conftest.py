"""Shared fixtures: every test gets its own DRAFTER_HOME, so no test touches real folders."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
GOLD_PATH = SHARED / "gold" / "seeds-skeletons.json"
SEEDS = REPO / "seeds"


@pytest.fixture(scope="session")
def trained_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A DRAFTER_HOME with the bundled corpus stored and its phrase models trained, made once
    per session: training is the slow part of most tests, and its result is the same each time."""
    home = tmp_path_factory.mktemp("trained-home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DRAFTER_HOME", str(home))
        from drafter import get_template, load_phrasebook, render_outline

        load_phrasebook()
        # each topic's material is cached on its first render (about a second): warm the
        # default topic and the ones most tests draft
        template = get_template("yi-nested")
        for variables in ({}, {"topic": "安全生产"}, {"topic": "乡村振兴"}, {"topic": "防汛"}):
            render_outline(template, variables, seed=1)
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


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "cold_home: the test starts from an empty DRAFTER_HOME")
