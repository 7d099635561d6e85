"""drafter mine never overwrites a template the writer edited (fingerprints in a manifest)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from drafter.cli import app
from drafter.mine import write_templates
from drafter.templates import list_templates, mined_dir

V1 = {"yi-nested": "{#- name = \"一\" -#}\n第一版\n"}
V2 = {"yi-nested": "{#- name = \"一\" -#}\n第二版\n"}


def test_unedited_mined_template_is_updated(tmp_path: Path) -> None:
    [first] = write_templates(V1, tmp_path)
    assert first.status == "new"
    [again] = write_templates(V1, tmp_path)
    assert again.status == "unchanged"
    [second] = write_templates(V2, tmp_path)
    assert second.status == "updated" and second.path == tmp_path / "yi-nested.md.j2"
    assert second.path.read_text("utf-8") == V2["yi-nested"]
    assert sorted(p.name for p in tmp_path.glob("*.md.j2")) == ["yi-nested.md.j2"]


def test_edited_template_is_kept_and_the_new_one_written_beside(tmp_path: Path) -> None:
    write_templates(V1, tmp_path)
    mine = tmp_path / "yi-nested.md.j2"
    mine.write_text(V1["yi-nested"] + "写稿人加的一段\n", "utf-8")
    edited = mine.read_bytes()
    [w] = write_templates(V2, tmp_path)
    assert w.status == "beside" and w.kept == mine
    assert mine.read_bytes() == edited
    assert w.path == tmp_path / "yi-nested-new.md.j2"
    assert w.path.read_text("utf-8") == V2["yi-nested"]
    # the beside file is mine's own: the next mining updates it, the edited file still stays
    [w3] = write_templates(V1, tmp_path)
    assert w3.path == tmp_path / "yi-nested-new.md.j2" and mine.read_bytes() == edited
    # an edited beside file is kept too
    w3.path.write_text("改过\n", "utf-8")
    [w4] = write_templates(V2, tmp_path)
    assert w4.path.name == "yi-nested-new2.md.j2" and w3.path.read_text("utf-8") == "改过\n"


def test_hand_written_template_of_the_same_id_is_kept(tmp_path: Path) -> None:
    own = tmp_path / "yi-nested.md.j2"
    own.write_text("我自己的模板\n", "utf-8")
    [w] = write_templates(V1, tmp_path)
    assert w.status == "beside" and own.read_text("utf-8") == "我自己的模板\n"


def test_force_replaces_an_edited_template_after_a_backup(tmp_path: Path) -> None:
    own = tmp_path / "yi-nested.md.j2"
    own.write_text("我自己的模板\n", "utf-8")
    [w] = write_templates(V1, tmp_path, force=True)
    assert w.status == "forced" and w.path == own
    assert own.read_text("utf-8") == V1["yi-nested"]
    assert w.backup is not None and w.backup.read_text("utf-8") == "我自己的模板\n"


def test_no_temp_files_left(tmp_path: Path) -> None:
    write_templates(V1, tmp_path)
    write_templates(V2, tmp_path)
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def test_mine_cli_keeps_the_writers_templates(drafter_home: Path) -> None:
    """Default output is data/mined, not data/templates where the writer keeps templates."""
    runner = CliRunner()
    bundled = list_templates()[0]
    own = drafter_home / "data" / "templates" / bundled.path.name
    own.parent.mkdir(parents=True)
    own.write_text(bundled.source_text + "\n写稿人的修改\n", "utf-8")
    before = own.read_bytes()
    res = runner.invoke(app, ["mine", "--bundled"])
    assert res.exit_code == 0, res.output
    assert own.read_bytes() == before
    assert (mined_dir() / own.name).is_file()
    # the writer's own template still wins over the mined one of the same id
    assert next(t for t in list_templates() if t.id == bundled.id).path == own
    # an edit in the mined folder is kept, and the CLI says so
    mined = sorted(mined_dir().glob("*.md.j2"))[-1]
    mined.write_text(mined.read_text("utf-8") + "\n改过\n", "utf-8")
    res = runner.invoke(app, ["mine", "--bundled"])
    assert res.exit_code == 0
    assert mined.read_text("utf-8").endswith("\n改过\n")
    assert f"{mined.name} 生成后被修改过，已保留不动" in res.output
    assert mined.name.replace(".md.j2", "-new.md.j2") in res.output


def test_written_templates_keep_the_usual_file_mode(tmp_path: Path) -> None:
    import os

    [w] = write_templates(V1, tmp_path)
    umask = os.umask(0)
    os.umask(umask)
    assert w.path.stat().st_mode & 0o777 == 0o666 & ~umask
    w.path.chmod(0o640)
    write_templates(V2, tmp_path)
    assert w.path.stat().st_mode & 0o777 == 0o640
