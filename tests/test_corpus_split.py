"""Splitting pages into pieces, table-driven on small made-up pages."""

from __future__ import annotations

import pytest

from drafter.corpus.reader import clean_page

BODY = "今天召开会议，主要任务是部署工作。"
OTHER = "防汛形势严峻复杂，各地要立即行动起来。"


@pytest.mark.parametrize(
    "lines,expected",
    [
        # 篇一/篇二 suffixes
        (["某某会议上的讲话篇一", BODY, "一、提高认识", "某某会议上的讲话篇二", OTHER,
          "二、狠抓落实"], [("某某会议上的讲话篇一", 1, 3), ("某某会议上的讲话篇二", 4, 6)]),
        # 第一篇：prefix, the prefix is dropped from the title
        (["第一篇：在全县大会上的讲话", BODY, "第二篇：在全市大会上的讲话", OTHER],
         [("在全县大会上的讲话", 1, 2), ("在全市大会上的讲话", 3, 4)]),
        # an ordinal label on its own line: the next line is the title
        (["【篇一】", "在全县大会上的讲话", BODY, "【篇二】", "在全市大会上的讲话", OTHER],
         [("在全县大会上的讲话", 2, 3), ("在全市大会上的讲话", 5, 6)]),
        # numbered repeats of one stem, with the page title before them
        (["优秀交流发言材料汇编", "", "优秀交流发言材料汇编一", BODY, "优秀交流发言材料汇编二", OTHER],
         [("优秀交流发言材料汇编一", 3, 4), ("优秀交流发言材料汇编二", 5, 6)]),
        # a single piece: the first title-like line is the title
        (["在全县大会上的讲话", "同志们：", BODY], [("在全县大会上的讲话", 1, 3)]),
        # a main title, a subtitle and a byline
        (["团结奋斗", "——在全县大会上的讲话", "（2022年10月16日）", "同志们：", BODY],
         [("团结奋斗——在全县大会上的讲话", 1, 5)]),
        # no title at all
        (["同志们：", BODY], [(None, 1, 2)]),
    ],
)
def test_split(lines: list[str], expected: list[tuple[str | None, int, int]]) -> None:
    speeches, _, _ = clean_page(lines, "p.txt")
    got = [(s.title, s.sources[0].start_line, s.sources[0].end_line) for s in speeches]
    assert got == expected


def test_title_repeated_under_the_title_is_dropped() -> None:
    lines = ["第一篇：在全县大会上的讲话", "在全县大会上的讲话范文", "同志们：", BODY, "第二篇：另一篇讲话", OTHER]
    speeches, dropped, _ = clean_page(lines, "p.txt")
    assert speeches[0].paragraphs == ["同志们：", BODY]
    assert any(d.reason == "重复标题" and d.line == 2 for d in dropped)


def test_trailing_site_tag_ends_a_piece() -> None:
    tag = "个人剖析材料精选范文"
    lines = ["第一段文字。" + tag, "", "另一篇的正文，说的是别的事情。" + tag]
    speeches, dropped, _ = clean_page(lines, "p.txt")
    assert [s.paragraphs for s in speeches] == [["第一段文字。"], ["另一篇的正文，说的是别的事情。"]]
    assert [d.reason for d in dropped] == ["页尾标签", "页尾标签"]


def test_near_duplicate_pieces_merge_with_both_sources() -> None:
    text = "各级各部门要高度重视疫情防控工作，切实落实属地责任，严格落实各项防控措施，确保人民群众生命安全。"
    lines = ["在某某会议上的讲话篇一", text, "要加强领导。", "在某某会议上的讲话篇二", text, "要加强领导。", "我就讲这些。"]
    speeches, _, merged = clean_page(lines, "p.txt")
    assert merged == 1 and len(speeches) == 1
    assert [(s.start_line, s.end_line) for s in speeches[0].sources] == [(1, 3), (4, 7)]
    assert speeches[0].paragraphs[-1] == "我就讲这些。"  # the fuller copy is kept
