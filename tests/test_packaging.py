"""The wheel carries the bundled corpus and templates, and works from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from drafter import paths

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(REPO)],
        check=True,
        capture_output=True,
    )
    (whl,) = out.glob("drafter-*.whl")
    return whl


def test_wheel_ships_seeds_and_templates(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for seed in (REPO / "seeds").iterdir():
        assert f"drafter/_bundled/seeds/{seed.name}" in names
    templates = sorted(p.name for p in (REPO / "templates").glob("*.md.j2"))
    assert templates, "the repository has no bundled templates"
    for name in templates:
        assert f"drafter/_bundled/templates/{name}" in names
    assert "drafter/py.typed" in names


def test_installed_wheel_runs_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site), "DRAFTER_HOME": str(tmp_path / "home")}
    probe = (
        "import drafter, drafter.data as p, pathlib;"
        "print(drafter.__file__);"
        "print(p.bundled_dir('seeds'));"
        "print(len(list(p.bundled_dir('seeds').glob('*.txt'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=elsewhere, env=env, check=True, capture_output=True, text=True
    ).stdout.split("\n")
    assert out[0].startswith(str(site))
    assert out[1].startswith(str(site))
    assert int(out[2]) == len(list((REPO / "seeds").glob("*.txt")))
    helped = subprocess.run(
        [sys.executable, "-m", "drafter", "--help"], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert helped.returncode == 0, helped.stderr
    assert "讲话稿" in helped.stdout
    assert list(elsewhere.iterdir()) == [], "drafter wrote into the current folder"


def test_seeds_are_byte_identical_to_shared() -> None:
    shared = REPO.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not present")
    for src in shared.iterdir():
        assert (REPO / "seeds" / src.name).read_bytes() == src.read_bytes()


def test_drafter_home_moves_every_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFTER_HOME", str(tmp_path))
    for folder in (paths.data_dir(), paths.cache_dir(), paths.config_dir()):
        assert tmp_path in folder.parents
    monkeypatch.delenv("DRAFTER_HOME")
    assert tmp_path not in paths.data_dir().parents


def test_python_dash_m_and_console_script_agree() -> None:
    via_module = subprocess.run(
        [sys.executable, "-m", "drafter", "--version"], capture_output=True, text=True, check=True
    ).stdout
    script = Path(sys.executable).parent / "drafter"
    via_script = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=True).stdout
    assert via_module == via_script
    assert via_module.startswith("drafter ")
