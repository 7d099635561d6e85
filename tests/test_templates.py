"""Template metadata: bundled templates parse; errors name the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.errors import TemplateError
from drafter.mine import parse_shape
from drafter.templates import ASK_WHEN, get_template, list_templates, load_template

GOOD = """{#-
name = "测试模板"
description = "一句话说明"
shape = "cn_dun×2"
parts = ["opening"]
count = 2
sources = ["甲", "乙"]

[[variables]]
key = "meeting"
prompt = "会议名称"
default = "全市工作会议"
ask_when = "always"
-#}
# {{ title() }}
"""


def test_bundled_templates_parse() -> None:
    infos = list_templates()
    assert len(infos) >= 3
    for t in infos:
        assert t.name and t.description and t.count >= 2 and len(t.sources) == t.count
        assert parse_shape(t.shape)
        keys = [v.key for v in t.variables]
        assert {"meeting", "org", "topic"} <= set(keys)
        assert all(v.ask_when in ASK_WHEN and v.prompt for v in t.variables)
        assert get_template(t.id).path == t.path


def test_unknown_id_lists_valid_ids() -> None:
    with pytest.raises(TemplateError) as err:
        get_template("no-such-template")
    for t in list_templates():
        assert t.id in str(err.value)


def test_user_dir_shadows_bundled(tmp_path: Path) -> None:
    bundled = list_templates()[0]
    (tmp_path / f"{bundled.id}.md.j2").write_text(GOOD, encoding="utf-8")
    (tmp_path / "mine.md.j2").write_text(GOOD, encoding="utf-8")
    infos = {t.id: t for t in list_templates([tmp_path])}
    assert infos[bundled.id].name == "测试模板"
    assert infos["mine"].variables[0].default == "全市工作会议"
    assert get_template(str(tmp_path / "mine.md.j2")).id == "mine"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("# 没有元数据\n", 1, "元数据注释"),
        ('{#-\nname = "甲"\nshape = [\n-#}\n', 3, "TOML"),
        ('{#-\ndescription = "甲"\n-#}\n', 1, "name"),
        ('{#-\nname = "甲"\n\n[[variables]]\nkey = "x"\nask_when = "sometimes"\n-#}\n', 6, "ask_when"),
        ('{#-\nname = "甲"\ncount = "两"\n-#}\n', 3, "count"),
    ],
)
def test_bad_metadata_names_file_and_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = tmp_path / "bad.md.j2"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TemplateError) as err:
        load_template(path)
    assert f"bad.md.j2:{line}" in str(err.value)
    assert words in str(err.value)
