"""Shared fixtures: every test gets its own DRAFTER_HOME, so no test touches real folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
GOLD_PATH = SHARED / "gold" / "seeds-skeletons.json"
SEEDS = REPO / "seeds"


@pytest.fixture(autouse=True)
def drafter_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("drafter-home")
    monkeypatch.setenv("DRAFTER_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def gold() -> list[dict]:
    if not GOLD_PATH.exists():
        pytest.skip("../shared/gold is not present")
    return json.loads(GOLD_PATH.read_text(encoding="utf-8"))


@pytest.fixture
def warm_home(drafter_home: Path, tmp_path_factory: pytest.TempPathFactory,
              monkeypatch: pytest.MonkeyPatch) -> Path:
    """One DRAFTER_HOME shared by the outline CLI tests, so the phrase models are built once."""
    home = tmp_path_factory.getbasetemp() / "outline-warm-home"
    home.mkdir(exist_ok=True)
    monkeypatch.setenv("DRAFTER_HOME", str(home))
    return home
