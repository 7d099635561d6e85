"""Tricky parses, table-driven: the input paragraphs and the expected headings side by side."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.model import Speech
from drafter.structure import parse_skeleton, role_of


def headings(paragraphs: list[str], title: str | None = "在全市工作会议上的讲话") -> list[tuple]:
    skel = parse_skeleton(Speech(title, "speech", paragraphs))
    return [(s.level, s.marker, s.text) for s in skel.walk()]


CASES = [
    pytest.param(
        ["一、提高认识", "（一）细致摸排底数。一要全面排查，二要逐户登记。", "（二）严格管控措施。"],
        [(1, "一、", "提高认识"), (2, "（一）", "细致摸排底数"), (2, "（二）", "严格管控措施")],
        id="run-in heading up to the first 。",
    ),
    pytest.param(
        ["要抓好三项工作：一是强化排查；二是严格管控；三是做好救治。", "一要加强组织领导。各级要负总责。"],
        [(1, "一要", "加强组织领导")],
        id="mid-paragraph 一是 is body, 一要 at paragraph start is a heading",
    ),
    pytest.param(
        ["第一，提高政治站位", "正文。", "第二，发挥组织优势", "一要推动班子落实。正文。", "二要推动干部下沉。正文。",
         "第三，强化履职担当"],
        [(1, "第一，", "提高政治站位"), (1, "第二，", "发挥组织优势"), (2, "一要", "推动班子落实"),
         (2, "二要", "推动干部下沉"), (1, "第三，", "强化履职担当")],
        id="第一 at level 1, 一要 nests under a stand-alone 第二",
    ),
    pytest.param(
        ["一是组织有力。正文。", "二是开展有序。正文。", "生命重于泰山。", "第一，压实责任。正文。", "第二，落实举措。正文。"],
        [(1, "一是", "组织有力"), (1, "二是", "开展有序"), (1, "第一，", "压实责任"), (1, "第二，", "落实举措")],
        id="a new inline series after run-in points stays at the same level",
    ),
    pytest.param(
        ["一、总体要求", "（一）工作目标。正文。", "1.严禁提前复课", "2.做好宣传解释", "（1）全员摸排", "二、保障措施"],
        [(1, "一、", "总体要求"), (2, "（一）", "工作目标"), (3, "1.", "严禁提前复课"),
         (3, "2.", "做好宣传解释"), (4, "（1）", "全员摸排"), (1, "二、", "保障措施")],
        id="numbered families nest in their usual order",
    ),
    pytest.param(
        ["（一）当前形势", "一、依靠政策和科学，加快农业发展", "二、调整工业结构", "（二）发展前景"],
        [(1, "（一）", "当前形势"), (2, "一、", "依靠政策和科学，加快农业发展"), (2, "二、", "调整工业结构"),
         (1, "（二）", "发展前景")],
        id="levels are relative to the document, not fixed per family",
    ),
    pytest.param(
        ["第十条　有下列情形之一的，不予登记：", "（一）申请材料不齐全的；", "（二）不符合法定条件的；",
         "（三）法律、法规规定的其他情形。"],
        [],
        id="a list after …： with ； items is an enumeration, not headings",
    ),
    pytest.param(
        ["一、", "国家在过渡时期的总任务", "正文。"],
        [(1, "一、", "国家在过渡时期的总任务")],
        id="a bare marker line joins the next line",
    ),
    pytest.param(
        ["第五，要加快疫苗接种。正文。", "XX，要统筹做好防汛防疫。正文。", "第七，要有序做好开学准备。正文。"],
        [(1, "第五，", "要加快疫苗接种"), (1, "XX，", "要统筹做好防汛防疫"), (1, "第七，", "要有序做好开学准备")],
        id="a placeholder marker inside a series is a point",
    ),
    pytest.param(
        ["首先要坚定信心，不要被困难吓倒。", "第一，积极推动复工复产。"],
        [(1, "第一，", "积极推动复工复产")],
        id="a lone 首先 is prose",
    ),
    pytest.param(
        ["首先，统一思想。正文。", "其次，压实责任。正文。", "最后，严明纪律。正文。"],
        [(1, "首先，", "统一思想"), (1, "其次，", "压实责任"), (1, "最后，", "严明纪律")],
        id="首先/其次/最后 as a series",
    ),
    pytest.param(
        ["方式一:线上订餐", "方式二:快餐盒用餐"],
        [(1, "方式一:", "线上订餐"), (1, "方式二:", "快餐盒用餐")],
        id="label markers",
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), CASES)
def test_headings(paragraphs: list[str], expected: list[tuple]) -> None:
    assert headings(paragraphs) == expected


def test_framing_parts() -> None:
    paras = [
        "在全市工作会议上的讲话",  # the title repeated on the page
        "同志们：",
        "今天召开全市工作会议，主要任务是部署当前工作。刚才，几位同志作了发言。",
        "下面，我讲三点意见。",
        "一、充分认识形势",
        "正文。",
        "二、抓好重点任务",
        "正文一是…二是…。",
        "同志们，任务艰巨。让我们共同努力。",
        "谢谢大家。",
    ]
    skel = parse_skeleton(Speech("在全市工作会议上的讲话", "speech", paras))
    assert skel.salutation == "同志们："
    assert skel.opening == "今天召开全市工作会议，主要任务是部署当前工作。"
    assert skel.transition == "下面，我讲三点意见。"
    assert [s.marker for s in skel.sections] == ["一、", "二、"]
    assert skel.closing == "同志们，任务艰巨。让我们共同努力。\n谢谢大家。"  # the whole closing (issue 12)
    assert skel.closing_paragraphs == ["同志们，任务艰巨。让我们共同努力。", "谢谢大家。"]
    assert skel.sections[1].body == ["正文一是…二是…。"]
    assert skel.sections[0].role == "形势认识"


@pytest.mark.parametrize(
    ("paragraphs", "closing"),
    [
        (["一、思想不能放松", "正文。", "二、防控不能马虎", "正文。", "最后，我再强调一点，抓好工作是任务。", "同志们，加油。"],
         "最后，我再强调一点，抓好工作是任务。\n同志们，加油。"),
        (["一要思想上再警醒。正文。", "二要行动上再发力。正文。", "我就讲这些。"], "我就讲这些。"),
        (["一、氛围不能减弱", "正文。", "常态化防控是重大任务。希望大家各司其职。"],
         "常态化防控是重大任务。希望大家各司其职。"),
        (["一、氛围不能减弱", "正文。", "正文二。"], None),
    ],
)
def test_closing(paragraphs: list[str], closing: str | None) -> None:
    assert parse_skeleton(Speech(None, "speech", paragraphs)).closing == closing


def test_agenda_and_body_patterns() -> None:
    paras = ["下面，会议进行第一项，由卫健委主任汇报工作。", "会议进行第二项，请市长讲话。",
             "一要做好宣传。各单位要做到：一是早发现；二是早报告；三是早隔离。"]
    skel = parse_skeleton(Speech(None, "speech", paras))
    assert len(skel.agenda) == 2
    assert "一是…二是…三是" in skel.body_patterns


@pytest.mark.parametrize(
    ("text", "role", "word"),
    [
        ("充分认清形势，切实增强紧迫感和责任感", "形势认识", "认清"),
        ("疫情防控组织有力，成效明显", "成绩总结", "成效"),
        ("理论学习还需加强", "问题剖析", "还需"),
        ("加强组织领导，严明纪律作风", "保障要求", "组织领导"),
        ("严格管控措施", "任务措施", "措施"),
    ],
)
def test_roles(text: str, role: str, word: str) -> None:
    got, words = role_of(text)
    assert got == role and word in words


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="一二三要是第，。、（）()1.：；同志们最后首先其次XX方式正文", max_size=30), max_size=12))
def test_never_crashes_and_is_deterministic(paragraphs: list[str]) -> None:
    a = parse_skeleton(Speech(None, "speech", paragraphs))
    b = parse_skeleton(Speech(None, "speech", paragraphs))
    assert a == b
    for s in a.walk():
        assert s.level >= 1 and s.marker
