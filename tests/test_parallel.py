"""Several drafter processes at once on one DRAFTER_HOME: one writer, the others wait and reuse.

Bounded: 8 processes per step, on this machine only, each step under a few minutes. Four
already outnumber the cores of a small machine, but with the store's lock removed four caught
it in only some runs and eight in every one: the extra start-up cost buys a check that fails.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_corpus_store import SPEECH

from drafter.cli import app

N = 8


def _run_all(home: Path, commands: list[list[str]]) -> list[subprocess.CompletedProcess[str]]:
    env = dict(os.environ, DRAFTER_HOME=str(home))
    procs = [
        subprocess.Popen([sys.executable, "-m", "drafter", *cmd], env=env, cwd=home,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for cmd in commands
    ]
    out = []
    for cmd, p in zip(commands, procs):
        stdout, stderr = p.communicate(timeout=300)
        out.append(subprocess.CompletedProcess(cmd, p.returncode, stdout, stderr))
    return out


def _variant(i: int) -> str:
    """The same speech with one sentence changed: a near-duplicate of the others."""
    return SPEECH.replace("部署下一阶段工作", f"部署下一阶段第{'一二三四五六七八'[i]}批工作")


@pytest.mark.cold_home
def test_parallel_adds_then_parallel_news(drafter_home: Path) -> None:
    files = []
    for i in range(N):
        f = drafter_home / f"稿{i}.txt"
        f.write_text(_variant(i), encoding="utf-8")
        files.append(f)
    # fresh home: every process finds no store, no seeds ingested, no phrase models
    added = _run_all(drafter_home, [["corpus", "add", str(f)] for f in files])
    for r in added:
        assert r.returncode == 0, r.stderr
        assert "Traceback" not in r.stderr
    stats = CliRunner().invoke(app, ["corpus", "stats", "--json"])  # the check needs no process
    assert stats.exit_code == 0, stats.output
    data = json.loads(stats.stdout)
    # 21 seed pieces + one speech; the other files are merged near-duplicates of it
    assert data["pieces"] == 22, data
    assert data["sources"] == 5 + N

    made = _run_all(drafter_home, [
        ["new", "--no-input", "-t", "yi-nested", "--seed", "3", "-o", f"d{i}.md"] for i in range(N)
    ])
    for r in made:
        assert r.returncode == 0, r.stderr
        assert "Traceback" not in r.stderr
    cache = drafter_home / "cache"
    assert len(list(cache.glob("phrasebook-*.json"))) == 1
    assert not [p for p in cache.iterdir() if p.name.endswith(".tmp")]
    texts = {(drafter_home / f"d{i}.md").read_text("utf-8") for i in range(N)}
    assert len(texts) == 1  # same template and seed: the same outline from the same models
