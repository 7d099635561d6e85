"""regen: redraw one section, every other body byte unchanged; refuse edited sections."""

from __future__ import annotations

import hashlib
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.errors import OutlineError, WriteRefused
from drafter.outline.generate import build_outline
from drafter.outline.model import find_span, fingerprints, parse_outline, section_tree
from drafter.outline.regen import closing_lines, regen_section

CN = "一二三四五六七八九"


def fake_render(seed: int):
    """A stand-in for render_outline with its seeding contract: a section's words depend on
    (seed, path), or on section_seeds for the path or an ancestor; the number of children too."""

    def render(section_seeds: dict[str, int], avoid=(), only=None, placed=None) -> str:  # type: ignore[no-untyped-def]
        def word(path: str) -> str:
            parts = path.split(".")
            key: tuple = (seed, path)
            for k in range(len(parts), 0, -1):
                if ".".join(parts[:k]) in section_seeds:
                    key = (section_seeds[".".join(parts[:k])], path)
                    break
            return hashlib.md5(repr(key).encode()).hexdigest()[:6]

        lines = ["# 在测试会议上的讲话", "", "同志们：", "", "今天召开会议。", ""]
        for i in range(1, 4):
            lines += [f"## {CN[i - 1]}、要点{word(str(i))}", "", f"正文{word(str(i))}。", ""]
            for j in range(1, 2 + int(word(str(i)), 16) % 2 + 1):
                p = f"{i}.{j}"
                lines += [f"### （{CN[j - 1]}）小点{word(p)}", "", f"小点正文{word(p)}。", ""]
        lines += ["同志们，任务艰巨。", "", "谢谢大家！", ""]
        return "\n".join(lines)

    return render


@pytest.fixture
def outline():
    return build_outline("fake", {"topic": "测试"}, 7, fake_render(7))


def _outside(body: str, span) -> tuple[list[str], list[str]]:
    lines = body.split("\n")
    return lines[: span.start], lines[span.end:]


def test_build_records_closing_and_fingerprints(outline) -> None:
    assert outline.closing == 2
    assert set(outline.fingerprints) >= {"1", "2", "3", "1.1", "1.2"}
    assert outline.fingerprints == fingerprints(outline.body, 2)


def test_regen_changes_only_that_section(outline) -> None:
    before = outline.body
    span = find_span(section_tree(before, 2), "2")
    result = regen_section(outline, "2", fake_render(7), seed=99)
    after = result.outline.body
    new_span = find_span(section_tree(after, 2), "2")
    head_b, tail_b = _outside(before, span)
    head_a, tail_a = _outside(after, new_span)
    assert head_a == head_b and tail_a == tail_b
    assert after != before
    assert result.outline.section_seeds == {"2": 99}
    assert result.outline.fingerprints == fingerprints(after, 2)
    assert result.origin == "2" and not result.edited
    # Same seed again: the section is unedited, so regen is allowed and reproduces it.
    again = regen_section(result.outline, "二", fake_render(7), seed=99)
    assert again.outline.body == after


def test_regen_last_section_keeps_closing(outline) -> None:
    result = regen_section(outline, "3", fake_render(7), seed=5)
    assert result.outline.body.endswith("同志们，任务艰巨。\n\n谢谢大家！\n")
    assert result.outline.body.split("\n")[:find_span(section_tree(outline.body, 2), "3").start] \
        == outline.body.split("\n")[:find_span(section_tree(outline.body, 2), "3").start]


def test_regen_subsection(outline) -> None:
    span = find_span(section_tree(outline.body, 2), "1.2")
    result = regen_section(outline, "1.2", fake_render(7), seed=3)
    new_span = find_span(section_tree(result.outline.body, 2), "1.2")
    assert _outside(outline.body, span) == _outside(result.outline.body, new_span)
    assert result.outline.body.split("\n")[new_span.start].startswith("### （二）小点")
    assert result.outline.section_seeds == {"1.2": 3}


def test_edited_section_is_refused_then_forced(outline) -> None:
    edited = outline.body.replace("## 二、要点", "## 二、我改过的要点", 1)
    o = parse_outline(outline.to_text().replace(outline.body, edited))
    with pytest.raises(WriteRefused, match="--force"):
        regen_section(o, "2", fake_render(7), seed=1)
    result = regen_section(o, "2", fake_render(7), seed=1, force=True)
    assert result.edited and "我改过的要点" in result.old_text
    assert "我改过的要点" not in result.outline.body


def test_edits_elsewhere_survive_byte_for_byte(outline) -> None:
    lines = outline.body.split("\n")
    span1 = find_span(section_tree(outline.body, 2), "1")
    lines[span1.start + 2] = "我自己重写的一段话，  带两个空格。  "
    o = parse_outline(outline.to_text().replace(outline.body, "\n".join(lines)))
    result = regen_section(o, "2", fake_render(7), seed=42)
    assert "我自己重写的一段话，  带两个空格。  \n" in result.outline.body
    assert result.outline.body.split("\n")[: span1.end] == lines[: span1.end]


def test_section_found_by_position_after_delete(outline) -> None:
    lines = outline.body.split("\n")
    spans = section_tree(outline.body, 2)
    s1, s2 = spans[0], spans[1]
    body = "\n".join(lines[: s1.start] + lines[s2.start:])  # the user deleted point 一
    o = parse_outline(outline.to_text().replace(outline.body, body))
    result = regen_section(o, "1", fake_render(7), seed=8)
    assert result.origin == "2"  # recognised by its fingerprint as the template's point 2
    first = find_span(section_tree(result.outline.body, 2), "1")
    heading = result.outline.body.split("\n")[first.start]
    assert heading.startswith("## 二、要点")  # the user's own marker is kept until fmt
    assert result.outline.section_seeds == {"2": 8}


def _with_body(outline, body: str):
    return parse_outline(outline.to_text().replace(outline.body, body))


def test_added_point_is_redrawn_like_its_siblings(outline) -> None:
    body = outline.body.replace("同志们，任务艰巨。", "## 四、我加的一点\n\n我写的内容。\n\n同志们，任务艰巨。")
    o = _with_body(outline, body)
    with pytest.raises(WriteRefused):
        regen_section(o, "4", fake_render(7))
    result = regen_section(o, "4", fake_render(7), seed=5, force=True)
    assert result.origin == "3"  # drawn as the last template point is
    lines = result.outline.body.split("\n")
    span = find_span(section_tree(result.outline.body, 2), "4")
    assert lines[span.start].startswith("## 四、要点") and "我加的一点" not in result.outline.body
    assert result.outline.body.endswith("同志们，任务艰巨。\n\n谢谢大家！\n")
    # the template's own point 3 keeps its record: it is still untouched, and so is point 4
    assert result.outline.fingerprints["3"] == outline.fingerprints["3"]
    assert "3" not in result.outline.section_seeds
    again = regen_section(result.outline, "4", fake_render(7), seed=6)
    assert not again.edited
    assert not regen_section(again.outline, "3", fake_render(7), seed=6).edited


def test_added_point_after_a_deleted_one_leaves_the_others_untouched(outline) -> None:
    """Delete point 1, add a point at the end, redraw it: points 1 and 2 stay untouched."""
    spans = section_tree(outline.body, 2)
    lines = outline.body.split("\n")
    body = "\n".join(lines[: spans[0].start] + lines[spans[1].start:])
    body = body.replace("同志们，任务艰巨。", "## 加强宣传\n\n我写的内容。\n\n同志们，任务艰巨。")
    o = _with_body(outline, body)
    added = regen_section(o, "3", fake_render(7), seed=2, force=True)
    for path in ("1", "2", "3"):
        assert not regen_section(added.outline, path, fake_render(7), seed=9).edited, path


def test_renamed_subpoint_after_reorder_is_redrawn_from_its_template_place(outline) -> None:
    """Point 1 deleted, so the file's 1.2 is the template's 2.2; renamed, then forced."""
    spans = section_tree(outline.body, 2)
    lines = outline.body.split("\n")
    body = "\n".join(lines[: spans[0].start] + lines[spans[1].start:])
    sub = find_span(section_tree(body, 2), "1.2")
    blines = body.split("\n")
    blines[sub.start] = "### （二）我改了名字"
    o = _with_body(outline, "\n".join(blines))
    with pytest.raises(WriteRefused):
        regen_section(o, "1.2", fake_render(7))
    result = regen_section(o, "1.2", fake_render(7), seed=3, force=True)
    assert result.origin == "2.2"
    assert "我改了名字" not in result.outline.body
    assert result.outline.section_seeds == {"2.2": 3}
    assert not regen_section(result.outline, "1.1", fake_render(7), seed=1).edited


def test_subsection_then_its_parent(outline) -> None:
    """regen 2.1 then regen 2: the parent changed only by a redraw is not hand-edited."""
    first = regen_section(outline, "2.1", fake_render(7), seed=11)
    second = regen_section(first.outline, "2", fake_render(7), seed=12)
    assert not second.edited and second.outline.section_seeds == {"2": 12}


@pytest.mark.parametrize("bad", ["9", "1.9", "abc", "0", "二.九"])
def test_bad_paths(outline, bad: str) -> None:
    with pytest.raises(OutlineError):
        regen_section(outline, bad, fake_render(7))


def test_closing_lines_counts_common_tail() -> None:
    a = "## 一、甲\n\n正文甲。\n\n结尾一。\n\n结尾二。\n"
    b = "## 一、乙\n\n正文乙。\n\n结尾一。\n\n结尾二。\n"
    assert closing_lines(a, b) == 2
    assert closing_lines(a, a.replace("结尾二", "别的")) == 0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(target=st.sampled_from(["1", "2", "3", "1.1", "2.2", "3.1"]),
       edited=st.sampled_from(["1", "2", "3"]), seed=st.integers(0, 10**6),
       extra=st.text(alphabet="改写的句子。 ", min_size=1, max_size=12))
def test_regen_never_touches_bytes_outside_the_section(outline, target: str, edited: str,
                                                       seed: int, extra: str) -> None:
    if target.split(".")[0] == edited:
        return
    lines = outline.body.split("\n")
    span = find_span(section_tree(outline.body, 2), edited)
    lines.insert(span.end, "\n" + extra)  # the user adds a paragraph to another point
    o = parse_outline(outline.to_text().replace(outline.body, "\n".join(lines)))
    before = find_span(section_tree(o.body, 2), target)
    result = regen_section(o, target, fake_render(7), seed=seed)
    after = find_span(section_tree(result.outline.body, 2), target)
    assert _outside(o.body, before) == _outside(result.outline.body, after)


def test_reordered_points_are_redrawn_from_their_own_template_section(outline) -> None:
    lines = outline.body.split("\n")
    s1, s2, s3 = section_tree(outline.body, 2)
    swapped = lines[: s2.start] + lines[s3.start:s3.end] + [""] + lines[s2.start:s2.end] \
        + lines[s3.end:]
    o = parse_outline(outline.to_text().replace(outline.body, "\n".join(swapped)))
    result = regen_section(o, "2", fake_render(7), seed=4)
    assert result.origin == "3"
    heading = result.outline.body.split("\n")[find_span(section_tree(result.outline.body, 2), "2").start]
    assert heading.startswith("## 三、要点")
    assert find_span(section_tree(result.outline.body, 2), "3").heading.text == s2.heading.text


@pytest.mark.usefixtures("warm_home")
def test_regen_repeats_nothing_already_in_the_document() -> None:
    """The redrawn point draws no heading or sentence that stands elsewhere in the file."""
    from drafter.outline.generate import closing_from_source, renderer_for
    from drafter.templates import get_template

    template = get_template("yi-nested")
    variables = {"topic": "安全生产", "org": "某县"}
    render = renderer_for(template, variables, 7)
    outline = build_outline(template.id, variables, 7, render, closing=closing_from_source(template))
    for seed in range(5):
        result = regen_section(outline, "2.2", render, seed=seed)
        lines = result.outline.body.split("\n")
        span = find_span(section_tree(result.outline.body, result.outline.closing), "2.2")
        inside = "\n".join(lines[span.start:span.end])
        outside = lines[: span.start] + lines[span.end:]
        texts = [h.split(None, 1)[-1] for h in outside if h.startswith("#")]
        heading = lines[span.start].split(None, 1)[-1]
        assert heading[2:] not in {t[2:] for t in texts}, heading  # 二要X vs 一要X
        for sentence in re.findall(r"[^。！？]+[。！？]", inside):
            assert all(sentence not in line for line in outside), sentence


@pytest.mark.usefixtures("warm_home")
def test_regen_leaves_no_fallback_placeholder() -> None:
    """Redrawing points again and again (2, then 3 forced) never leaves 〔待写：…〕."""
    from drafter.outline.generate import closing_from_source, renderer_for
    from drafter.templates import get_template

    template = get_template("yi-nested")
    variables = {"topic": "乡村振兴"}
    render = renderer_for(template, variables, 3)
    outline = build_outline(template.id, variables, 3, render, closing=closing_from_source(template))
    assert "〔待写" not in outline.body
    for seed in (1, 2, 3):
        outline = regen_section(outline, "2", render, seed=seed).outline
        outline = regen_section(outline, "3", render, seed=seed, force=True).outline
        assert "〔待写" not in outline.body, seed


def test_a_redrawn_point_does_not_repeat_the_stock_sentences_of_the_others(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # the stock frames (各级党委政府要把…摆上重要议事日程，… / 要坚持问题导向，… / …，形成工作合力)
    # are said once per outline, also when one part is redrawn beside parts that already said them
    from click.testing import CliRunner

    from drafter.cli import app
    from drafter.topics.compose import Frames

    out = tmp_path / "o.md"
    runner = CliRunner()
    assert runner.invoke(app, ["new", "--no-input", "-t", "yi-nested", "--seed", "7", "--topic", "安全生产",
                               "-o", str(out)]).exit_code == 0
    frames = Frames.load()
    fixed = [x.strip("，。").replace("{topic}", "安全生产") for f in frames.guarantee_bodies
             for x in f.split("{clauses}") if len(x.strip("，。")) >= 6]
    fixed += frames.purposes + [x.rstrip("，") for x in frames.subjects if "，" in x]
    for part, seed in [(p, s) for p in ("3.2", "2.3", "2") for s in ("1", "2", "3", "4")]:
        result = runner.invoke(app, ["regen", str(out), part, "--seed", seed, "--force"])
        assert result.exit_code == 0, result.output
        body = out.read_text(encoding="utf-8")
        assert all(body.count(x) <= 1 for x in fixed), [x for x in fixed if body.count(x) > 1]


def test_regen_tells_the_render_the_headings_around_the_part_by_template_path(outline) -> None:
    # the rules that keep a sub-point to its point and off its siblings' subjects read the
    # headings by path: regen hands over those of the document, the redrawn part's left out
    told: list[dict[str, str]] = []
    render = fake_render(7)

    def spy(section_seeds, avoid=(), only=None, placed=None):  # type: ignore[no-untyped-def]
        if only is not None:
            told.append(dict(placed or {}))
        return render(section_seeds, avoid, only, placed)

    body = outline.body.split("\n")
    heads = {s.path: s.heading.text for s in _walk(section_tree(outline.body, 2))}
    regen_section(outline, "1.2", spy, seed=3)
    assert told and told[0] == {p: t for p, t in heads.items() if p != "1.2"}
    # a point the writer added after 1.2 is drawn from 1.2's template place: it is said
    # beside the part, under a path of its own, never as the part being redrawn
    span = find_span(section_tree(outline.body, 2), "1.2")
    added = body[:span.end] + ["", "### （三）写稿人加的小点", "", "写稿人的话。"] + body[span.end:]
    edited = parse_outline(outline.to_text().replace(outline.body, "\n".join(added)))
    told.clear()
    regen_section(edited, "1.2", spy, seed=3)
    assert "写稿人加的小点" in told[0].values()
    assert all(not (p == "1.2" or p.startswith("1.2.")) for p in told[0])
    # a point the writer added before 二 takes 二's place by position: the part redrawn under the
    # old 二 (now 三) still has 二's heading as its parent, and the added point is no parent of it
    at = find_span(section_tree(outline.body, 2), "2").start
    added = body[:at] + ["## 写稿人加的要点", "", "写稿人的话。", ""] + body[at:]
    edited = parse_outline(outline.to_text().replace(outline.body, "\n".join(added)))
    told.clear()
    regen_section(edited, "3.1", spy, seed=3)
    assert told[0]["2"] == heads["2"] and told[0]["+2"] == "写稿人加的要点"


def _walk(spans):  # type: ignore[no-untyped-def]
    for s in spans:
        yield s
        yield from _walk(s.children)


def test_a_redrawn_part_says_something_else_while_the_material_allows(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # a writer redraws a point because its text will not do: the same heading back is no redraw
    from click.testing import CliRunner

    from drafter.cli import app

    out = tmp_path / "o.md"
    runner = CliRunner()
    assert runner.invoke(app, ["new", "--no-input", "-t", "yi-nested", "--seed", "5", "--topic", "安全生产",
                               "-o", str(out)]).exit_code == 0
    for seed in ("1", "2", "3"):
        before = parse_outline(out.read_text(encoding="utf-8"))
        old = before.body.split("\n")[find_span(section_tree(before.body, before.closing), "2.2").start]
        assert runner.invoke(app, ["regen", str(out), "2.2", "--seed", seed, "--force"]).exit_code == 0
        after = parse_outline(out.read_text(encoding="utf-8"))
        new = after.body.split("\n")[find_span(section_tree(after.body, after.closing), "2.2").start]
        assert new != old, new
