"""Markers: every family the genre uses, full- and half-width, with negatives side by side."""

from __future__ import annotations

import pytest

from drafter.structure.markers import FAMILIES, format_marker, int_to_cn, match_marker


@pytest.mark.parametrize(
    ("paragraph", "family", "n", "marker", "rest"),
    [
        ("一、充分认清形势", "cn_dun", 1, "一、", "充分认清形势"),
        ("十二、做好民生保障", "cn_dun", 12, "十二、", "做好民生保障"),
        ("二．严把关口", "cn_dun", 2, "二．", "严把关口"),
        ("（一）细致摸排底数。一要…", "cn_paren", 1, "（一）", "细致摸排底数。一要…"),
        ("(二) 严格管控措施", "cn_paren", 2, "(二)", "严格管控措施"),
        ("1.演习人员", "arabic_dot", 1, "1.", "演习人员"),
        ("2、控制组", "arabic_dot", 2, "2、", "控制组"),
        ("3．评价组", "arabic_dot", 3, "3．", "评价组"),
        ("（1）全员摸排", "arabic_paren", 1, "（1）", "全员摸排"),
        ("(2)全员报告", "arabic_paren", 2, "(2)", "全员报告"),
        ("第一，要扛稳防控政治责任。", "di", 1, "第一，", "要扛稳防控政治责任。"),
        ("第二,全力发挥组织优势", "di", 2, "第二,", "全力发挥组织优势"),
        ("第三、加强社会联防联控", "di", 3, "第三、", "加强社会联防联控"),
        ("一是强化源头管理。", "yishi", 1, "一是", "强化源头管理。"),
        ("五要强化纪律作风。", "yiyao", 5, "五要", "强化纪律作风。"),
        ("首先，要坚定信心", "sequence", 1, "首先，", "要坚定信心"),
        ("其次要加强协调", "sequence", 2, "其次", "要加强协调"),
        ("③加强宣传", "circled", 3, "③", "加强宣传"),
        ("方式一:线上订餐", "label", 1, "方式一:", "线上订餐"),
        ("演练流程二：", "label", 2, "演练流程二：", ""),
        ("XX，要统筹做好防汛防疫。", "placeholder", 0, "XX，", "要统筹做好防汛防疫。"),
    ],
)
def test_match_marker(paragraph: str, family: str, n: int, marker: str, rest: str) -> None:
    m = match_marker(paragraph)
    assert m is not None
    assert (m.family, m.n, m.marker, m.rest) == (family, n, marker, rest)


@pytest.mark.parametrize(
    "paragraph",
    [
        "一方面，总体形势向好。",  # 一方面 is prose
        "第一时间成立领导小组。",  # 第一时间
        "第三食堂一楼提供餐饮。",
        "第十条　下列行为应当禁止：",  # an article of a law, not a speech point
        "1.5亿元用于防疫。",  # a decimal
        "2020年1月17日下午，会议召开。",
        "1月17日下午，全市会议召开。",
        "一要求各单位落实。",  # 要求 is a verb
        "一、",  # a bare marker is not a heading by itself
        "统一：思想认识",  # 统一 is a word
        "同志们：",
        "一、二月份，全市经济平稳运行。",  # a range of months
        "一、二楼按指定位置就餐。",
    ],
)
def test_not_a_marker(paragraph: str) -> None:
    assert match_marker(paragraph) is None


@pytest.mark.parametrize(
    ("family", "n", "expected"),
    [
        ("cn_dun", 2, "二、"),
        ("cn_dun", 10, "十、"),
        ("cn_dun", 21, "二十一、"),
        ("cn_paren", 3, "（三）"),
        ("arabic_dot", 4, "4."),
        ("arabic_paren", 1, "（1）"),
        ("di", 1, "第一，"),
        ("yiyao", 2, "二要"),
        ("yishi", 3, "三是"),
        ("circled", 2, "②"),
        ("sequence", 2, "其次，"),
    ],
)
def test_format_marker(family: str, n: int, expected: str) -> None:
    assert format_marker(family, n) == expected


@pytest.mark.parametrize("family", [f for f in FAMILIES if f not in ("placeholder", "sequence")])
@pytest.mark.parametrize("n", [1, 2, 9, 11])
def test_format_then_match_round_trip(family: str, n: int) -> None:
    m = match_marker(format_marker(family, n) + "加强组织领导")
    assert m is not None and (m.family, m.n) == (family, n)


def test_format_marker_rejects_unknown() -> None:
    with pytest.raises(ValueError):
        format_marker("roman", 1)
    with pytest.raises(ValueError):
        int_to_cn(0)
