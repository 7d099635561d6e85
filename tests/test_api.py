"""The library gives the same power as the commands, through `drafter`'s declared entry points."""

from __future__ import annotations

import subprocess
import sys

import pytest

import drafter


def test_every_public_name_resolves() -> None:
    """Each declared name is the function or class of that name (a stale _LAZY entry pointing
    at a renamed function, or at a module attribute of another kind, fails here)."""
    assert drafter.__version__ and isinstance(drafter.__version__, str)
    for name in drafter.__all__:
        if name == "__version__":
            continue
        obj = getattr(drafter, name)
        assert callable(obj) and obj.__name__ == name, name
    with pytest.raises(AttributeError):
        drafter.no_such_entry_point  # noqa: B018


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
