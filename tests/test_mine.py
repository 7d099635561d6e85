"""Mining: families from the bundled corpus, deterministic output, shapes from real speeches."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.mine import mine_families, mine_templates, mine_to_dir, parse_shape, shape_of
from drafter.model import Section, Skeleton, Speech
from drafter.structure import parse_skeleton
from drafter.templates import load_template

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seed_speeches() -> list[Speech]:
    from drafter.corpus import load_file
    from drafter.data import bundled_dir

    return [s for p in sorted(bundled_dir("seeds").glob("*.txt")) for s in load_file(p)]


def test_families_cover_the_corpus(seed_speeches: list[Speech]) -> None:
    families = mine_families(seed_speeches)
    assert 3 <= len(families) <= 8
    assert all(len(f.members) >= 2 for f in families)
    # every family's template shape is the shape of one real speech in it
    for f in families:
        shapes = {shape_of(m.skeleton) for m in f.members}
        assert shape_of(f.medoid.skeleton) in shapes


def test_mining_twice_is_byte_identical(seed_speeches: list[Speech], tmp_path: Path) -> None:
    a = mine_to_dir(seed_speeches, tmp_path / "a")
    b = mine_to_dir(list(reversed(seed_speeches)), tmp_path / "b")
    assert [p.name for p in a] == [p.name for p in b]
    for pa, pb in zip(a, b):
        assert pa.read_bytes() == pb.read_bytes()


def test_bundled_templates_are_the_mined_ones(seed_speeches: list[Speech]) -> None:
    """templates/ must be regenerated with `drafter mine --bundled -o templates` when this fails."""
    mined = mine_templates(seed_speeches)
    bundled = {p.name[: -len(".md.j2")]: p.read_text(encoding="utf-8") for p in (REPO / "templates").glob("*.md.j2")}
    assert set(mined) <= set(bundled)
    for tid, text in mined.items():
        assert bundled[tid] == text, tid


def test_template_shape_matches_its_model_speech(seed_speeches: list[Speech], tmp_path: Path) -> None:
    for path in mine_to_dir(seed_speeches, tmp_path):
        info = load_template(path)
        assert info.count == len(info.sources) >= 2
        assert "opening" in info.parts
        tree = parse_shape(info.shape)
        assert len(tree) == len(info.roles)
        body = info.source_text.split("-#}", 1)[1]
        assert body.count("{{ heading(1,") == len(tree)
        assert body.startswith("\n# {{ title() }}") or body.startswith("# {{ title() }}")


@pytest.mark.parametrize(
    "shape",
    ["yiyao×4", "cn_dun×3[-,yiyao×4,yiyao×2]", "cn_dun×2[-,cn_paren×3[arabic_dot×2,-,-]]", "yishi×4 + di×5"],
)
def test_shape_string_round_trip(shape: str) -> None:
    def build(nodes) -> list[Section]:  # type: ignore[no-untyped-def]
        out, counts = [], {}
        from drafter.structure.markers import format_marker

        prev = None
        for node in nodes:
            counts[node.family] = counts.get(node.family, 0) + 1 if prev == node.family else 1
            prev = node.family
            out.append(Section(1, format_marker(node.family, counts[node.family]), node.family, "x",
                               children=build(node.children)))
        return out

    skel = Skeleton(title=None, kind="speech", sections=build(parse_shape(shape)))
    assert shape_of(skel) == shape


def test_too_small_corpus_gives_no_family() -> None:
    one = Speech("在会议上的讲话", "speech", ["一、认清形势", "正文。", "二、抓好落实", "正文。"])
    assert mine_templates([one]) == {}
    assert shape_of(parse_skeleton(one)) == "cn_dun×2"


def _fake_render(source_text: str) -> list[str]:
    """Render a template with stand-in slot functions and return its paragraphs.

    Stand-ins emit fixed genre text, so this checks the template's layout and the parser
    together; the real phrase models are tested by the render part.
    """
    import jinja2

    from drafter.structure.markers import format_marker

    counters: dict[int, int] = {}

    def heading(level: int, role: str, family: str) -> str:
        counters[level] = counters.get(level, 0) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        return format_marker(family, counters[level]) + "加强组织领导"

    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    text = env.from_string(source_text).render(
        title=lambda: "在全市工作会议上的讲话",
        salutation=lambda: "同志们：",
        opening=lambda: "今天召开全市工作会议，主要任务是部署工作。",
        transition=lambda: "下面，我讲几点意见。",
        heading=heading,
        body=lambda role, n=1: "要抓好落实。" * n,
        closing=lambda n=1: "同志们，让我们共同努力。",
        meeting="全市工作会议", org="市委", speaker="张三", topic="疫情防控", date="2026年1月",
    )
    return [line.lstrip("#").strip() for line in text.splitlines() if line.strip()]


def test_template_layout_parses_back_to_its_shape(seed_speeches: list[Speech]) -> None:
    from drafter.mine import parts_of

    for tid, source in mine_templates(seed_speeches).items():
        paragraphs = _fake_render(source)
        assert paragraphs[0] == "在全市工作会议上的讲话"
        skel = parse_skeleton(Speech(paragraphs[0], "speech", paragraphs[1:]))
        info_shape = next(l for l in source.splitlines() if l.startswith("shape = "))
        assert f'shape = "{shape_of(skel)}"' == info_shape, tid
        parts_line = next(l for l in source.splitlines() if l.startswith("parts = "))
        assert parts_line == "parts = [" + ", ".join(f'"{p}"' for p in parts_of(skel)) + "]", tid
