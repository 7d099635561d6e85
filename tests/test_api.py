"""The library gives the same power as the commands, through `drafter`'s declared entry points."""

from __future__ import annotations

import subprocess
import sys

import drafter


def test_every_public_name_resolves() -> None:
    for name in drafter.__all__:
        assert getattr(drafter, name) is not None, name


def test_import_drafter_is_cheap() -> None:
    code = "import sys, drafter; print(sorted(m for m in ('jieba', 'opencc', 'jinja2', 'markovify', 'docx') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_library_pipeline_without_the_cli() -> None:
    speeches = drafter.open_store().speeches(kind="speech")
    assert len(speeches) >= 10
    skeletons = [drafter.parse_skeleton(s) for s in speeches]
    assert sum(len(sk.sections) for sk in skeletons) > 50
    template = drafter.get_template("yi-nested")
    variables = {"topic": "安全生产", "meeting": "全市安全生产工作会议"}
    body = drafter.render_outline(template, variables, seed=7)
    assert body.startswith("# ") and "安全生产" in body
    assert body == drafter.render_outline(template, variables, seed=7)
    # the only problems a fresh outline may have are the facts left for the writer to fill
    kinds = {p.kind for p in drafter.check_body(body)}
    assert kinds <= {"事实待补"}, kinds
