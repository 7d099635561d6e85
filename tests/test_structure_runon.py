"""Headings in text as writers paste it (issue 12): run-on lines, headings glued to their body,
more marker families, lists inside a sentence that stay body text. Made-up speeches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.corpus.reader import clean_page
from drafter.model import Speech
from drafter.structure import match_marker, parse_skeleton
from drafter.structure.segment import heading_end, segment


def headings(lines: list[str]) -> list[tuple[int, str, str]]:
    speeches, _, _ = clean_page(lines, "p.txt")
    return [(h.level, h.marker, h.text) for s in speeches for h in parse_skeleton(s).walk()]


RUN_ON = (
    "在全县秋冬季森林防火工作会议上的讲话同志们：今天召开会议，主要任务是部署森林防火工作。"
    "下面，我讲三点意见：一、统一思想认识，压紧压实防火责任当前，全县已进入防火紧要期，各地要高度重视。"
    "二、突出工作重点，全面排查火灾隐患（一）抓好野外用火管控。各乡镇要严格落实野外用火审批制度。"
    "（二）抓好重点区域巡护。要加密巡查频次。三、强化组织保障，确保各项措施落地。要加强值班值守。"
    "同志们，森林防火责任重大，让我们共同努力。"
)


def test_a_whole_speech_on_one_line() -> None:
    speeches, _, _ = clean_page([RUN_ON], "p.txt")
    assert [s.title for s in speeches] == ["在全县秋冬季森林防火工作会议上的讲话"]
    skel = parse_skeleton(speeches[0])
    assert skel.salutation == "同志们："
    assert [(h.level, h.marker, h.text) for h in skel.walk()] == [
        (1, "一、", "统一思想认识，压紧压实防火责任"),
        (1, "二、", "突出工作重点，全面排查火灾隐患"),
        (2, "（一）", "抓好野外用火管控"),
        (2, "（二）", "抓好重点区域巡护"),
        (1, "三、", "强化组织保障，确保各项措施落地"),
    ]
    assert skel.sections[0].body == ["当前，全县已进入防火紧要期，各地要高度重视。"]
    assert skel.closing == "同志们，森林防火责任重大，让我们共同努力。"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # an inline series right after its heading, in run-on text, is the heading's points;
        # a list inside a sentence (…：一是…；二是…) stays body text
        (["同志们：", "今天召开会议。下面我讲两点意见。一、压实责任。一是压实属地责任。属地要守土有责。"
          "二是压实部门责任。部门要各司其职。二、强化保障。各级要加强领导，主要有三个问题："
          "一是认识不到位；二是措施不具体；三是落实不到位。我就讲这些。"],
         [(1, "一、", "压实责任"), (2, "一是", "压实属地责任"), (2, "二是", "压实部门责任"), (1, "二、", "强化保障")]),
        # blanks that stand for lost line breaks end the heading
        (["同志们： 今天召开会议，研究部署工作。 一、正视问题，压实工作责任 近年来，我县各级各部门做了大量工作。"
          " 二、理清思路，突出工作重点 当前，我们要抓住关键环节。"],
         [(1, "一、", "正视问题，压实工作责任"), (1, "二、", "理清思路，突出工作重点")]),
        # a sub-series glued to its heading without punctuation
        (["下面，我讲两点意见。一、提高站位，统一思想一要站位全局，充分认识重要性。全局要统筹。"
          "二要站位长远，充分认识紧迫性。长远要谋划。二、狠抓落实。要抓好督查。"],
         [(1, "一、", "提高站位，统一思想"), (2, "一要", "站位全局，充分认识重要性"),
          (2, "二要", "站位长远，充分认识紧迫性"), (1, "二、", "狠抓落实")]),
        # traditional characters with pinyin glosses inside the heading
        (["在全縣安全生產工作會議上的講話", "一、堅持問題導(dǎo)向，壓實(shí)工作責任", "各級要高度重視。",
          "二、強化督導(dǎo)檢查", "要加強督查。"],
         [(1, "一、", "坚持问题导向，压实工作责任"), (1, "二、", "强化督导检查")]),
        # 第一个问题，/ 其一，
        (["会议讲话", "第一个问题，关于形势", "当前形势严峻。", "其一，要看到成绩。", "成绩明显。",
          "其二，要看到问题。", "问题不少。", "第二个问题，关于任务", "任务艰巨。"],
         [(1, "第一个问题，", "关于形势"), (2, "其一，", "要看到成绩"), (2, "其二，", "要看到问题"),
          (1, "第二个问题，", "关于任务")]),
        # a page's own outline block, run together, then the body repeats the points
        (["在全县防汛工作会议上的讲话", "目录/提纲：一、认清形势强化领导二、突出重点加强防范", "同志们：",
          "今天召开会议。下面，我讲两点意见：一、认清形势强化领导。近年来气候多变。二、突出重点加强防范。要抓好水库安全。"],
         [(1, "一、", "认清形势强化领导"), (1, "二、", "突出重点加强防范")] * 2),
        # a clean page keeps "heading。一要…二要…" as the heading's run-in body (seeds' rule)
        (["会议讲话", "一、细致摸排底数。一要摸清人员。二要摸清场所。", "二、严格落实管控。要抓好落实。"],
         [(1, "一、", "细致摸排底数"), (1, "二、", "严格落实管控")]),
    ],
)
def test_run_on_and_glued_headings(lines: list[str], expected: list[tuple[int, str, str]]) -> None:
    assert headings(lines) == expected


@pytest.mark.parametrize(
    ("text", "family", "n"),
    [
        ("第一个方面：提高认识", "di_item", 1),
        ("第三句话：我们要团结", "di_item", 3),
        ("其二，要看到问题", "qiyi", 2),
        ("⒉强化督查", "arabic_dot", 2),
        ("二.压实责任", "cn_dun", 2),
        ("3)抓好落实", "arabic_paren", 3),
        ("（四）严格考核", "cn_paren", 4),
    ],
)
def test_more_marker_families(text: str, family: str, n: int) -> None:
    m = match_marker(text)
    assert m is not None and (m.family, m.n) == (family, n)


@pytest.mark.parametrize("text", ["1.5%的增长", "一、二月份降雨偏多", "3)", "其中，要看到"])
def test_not_markers(text: str) -> None:
    assert match_marker(text) is None


@pytest.mark.parametrize(
    ("rest", "heading"),
    [
        ("肯定成绩，坚定发展信心近年来，全县上下做了大量工作。", "肯定成绩，坚定发展信心"),
        ("提高站位，强化使命担当习近平总书记指出，要抓好落实。", "提高站位，强化使命担当"),
        ("端正思想认识思想是行动的先导。", "端正思想认识"),
        ("加强组织领导。各级要高度重视。", "加强组织领导"),
        ("安全生产是头等大事。", "安全生产是头等大事"),
    ],
)
def test_heading_ends_where_the_next_sentence_starts(rest: str, heading: str) -> None:
    end, _ = heading_end(rest, runon=True)
    assert rest[:end] == heading


_ALPHABET = "一二三四要是第个方面其（）()1.⒈：:，。；同志们下面我讲三点意见今年以来近年来思想认识加强领导正文 "


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=_ALPHABET, max_size=200), max_size=6))
def test_segmenting_run_on_text_only_cuts(paragraphs: list[str]) -> None:
    """Cutting run-on text never loses or reorders a character (a heading's closing 。 and
    blanks aside), and parsing it never crashes."""
    paras = [p.strip() for p in paragraphs if p.strip()]
    out = segment(paras)
    assert _letters("".join(out)) == _letters("".join(paras))
    parse_skeleton(Speech(None, "speech", paragraphs))


def _letters(text: str) -> str:
    return re.sub(r"[\s。！？!?]", "", text)
