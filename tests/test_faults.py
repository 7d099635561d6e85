"""kill -9 in the middle of new / regen / fmt / corpus add: the old file or the new one,
never half of one, and the store still opens. Bounded: two kill points per command.

Only the killed runs are real processes; the runs that make the files and check the store
afterwards go through CliRunner in this process (each reads the disk afresh)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from test_corpus_store import SPEECH

from drafter.cli import app

DELAYS = (0.5, 1.0)  # seconds after start: during imports/loading, and during the work


def _drafter(home: Path, *args: str) -> Result:
    """A run that is not killed, in this process; `home` is the test's DRAFTER_HOME already."""
    assert os.environ["DRAFTER_HOME"] == str(home)
    return CliRunner().invoke(app, list(args))


def _killed(home: Path, delay: float, *args: str) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "drafter", *args], cwd=home,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=dict(os.environ, DRAFTER_HOME=str(home)))
    try:
        proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)


@pytest.fixture
def home(warm_home: Path) -> Path:
    return warm_home  # shared by the outline tests: the phrase models are built once per run


def _outline(home: Path, tmp_path: Path, name: str) -> Path:
    out = tmp_path / name
    r = _drafter(home, "new", "--no-input", "-t", "yi-nested", "--seed", "4", "-o", str(out))
    assert r.exit_code == 0, r.output
    return out


@pytest.mark.parametrize("command", ["new", "regen", "fmt"])
def test_kill_9_leaves_the_old_or_the_new_outline(home: Path, tmp_path: Path, command: str) -> None:
    target = _outline(home, tmp_path, "提纲.md")
    if command == "fmt":  # something to renumber
        target.write_text(target.read_text("utf-8").replace("## 二、", "## 五、", 1), "utf-8")
    old = target.read_bytes()
    args = {
        "new": ["new", "--no-input", "-t", "yi-nested", "--seed", "9", "-o", str(target), "--force"],
        "regen": ["regen", str(target), "2", "--seed", "9"],
        "fmt": ["fmt", str(target)],
    }[command]
    reference = tmp_path / "参照.md"
    reference.write_bytes(old)
    r = _drafter(home, *[str(reference) if a == str(target) else a for a in args])
    assert r.exit_code == 0, r.output
    new = reference.read_bytes()
    assert new != old
    for delay in DELAYS:
        target.write_bytes(old)
        _killed(home, delay, *args)
        assert target.read_bytes() in (old, new), delay


def test_kill_9_during_corpus_add_keeps_the_store(home: Path, tmp_path: Path) -> None:
    big = tmp_path / "多篇.txt"
    big.write_text("\n\n".join(SPEECH.replace("全县", f"第{i}县") for i in range(300)), "utf-8")
    before = _drafter(home, "corpus", "stats", "--json")
    assert before.exit_code == 0, before.output
    for delay in DELAYS:
        _killed(home, delay, "corpus", "add", str(big))
        after = _drafter(home, "corpus", "stats", "--json")
        assert after.exit_code == 0, after.output  # opens, not damaged
        listed = _drafter(home, "corpus", "list", "--json")
        assert listed.exit_code == 0
        added = str(big) in listed.stdout
        # all of the file or none of it: either way removing/adding again works
        if added:
            assert _drafter(home, "corpus", "rm", str(big)).exit_code == 0
    assert _drafter(home, "corpus", "stats", "--json").stdout == before.stdout
