"""Cleaning of text: punctuation, pinyin, t2s, damaged spans, placeholders, noise lines."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.corpus import clean_text, find_placeholders, is_garbled
from drafter.corpus.noise import line_reason
from drafter.corpus.punct import normalize_punct


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("第一,切实提高政治站位,,以更加坚定", "第一，切实提高政治站位，以更加坚定"),
        ("中组部,、省委组织部", "中组部、省委组织部"),
        ("重要手段,。相信", "重要手段。相信"),
        ("(一)请先洗手", "（一）请先洗手"),
        ("早餐:7:00~9:00", "早餐：7:00~9:00"),
        ("很难写?以下是", "很难写？以下是"),
        ("不能松懈!各级", "不能松懈！各级"),
        ("防控;二是", "防控；二是"),
        ("XX,要统筹做好", "XX，要统筹做好"),
        ("共计1,000元", "共计1,000元"),
        ("hello, world", "hello, world"),
        ("做到 “一竿子抓到底”", "做到“一竿子抓到底”"),
        ("２０２０年", "2020年"),
        ("……", "……"),
    ],
)
def test_normalize_punct(raw: str, expected: str) -> None:
    assert normalize_punct(raw) == expected


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("當(dāng)前位置", "当前位置"),
        ("會(huì)議上的講話", "会议上的讲话"),
        ("意味著任務", "意味着任务"),
        ("著名的著作", "著名的著作"),
        ("學習,、工作", "学习、工作"),
        ("同志们：\n\n今天", "同志们：\n\n今天"),
        ("  首尾空白\u3000 ", "首尾空白"),
    ],
)
def test_clean_text(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_question_mark_before_a_literary_word_is_kept() -> None:
    assert clean_text("怎么办?砥砺前行") == "怎么办？砥砺前行"


def test_broken_pinyin_becomes_a_marked_damaged_spot() -> None:
    out = clean_text("會議書面?zhèn)鬟_(dá)了中組部")
    assert "zhèn" not in out and "dá" not in out
    assert "\ufffd" in out
    assert is_garbled(out)


@pytest.mark.parametrize(
    "sentence,garbled",
    [
        ("前面，会议书面\ufffd鬟_了中组部。", True),
        ("私用区字符\ue1ef在这里。", True),
        ("防控工ぷ？。", True),
        ("白钃簟倍？", True),
        ("区领导孙靓靓在分会场收听收看。", False),
        ("要坚定信心，同舟共济，科学防治，精准施策。", False),
        ("不担当谁担当？", False),
        ("全国各族人民砥砺前行，运筹帷幄，憧憬未来。", False),
        ("怎么办?砥砺前行。", False),
    ],
)
def test_is_garbled(sentence: str, garbled: bool) -> None:
    assert is_garbled(sentence) is garbled


@pytest.mark.parametrize(
    "text,expected",
    [
        ("省委书记XX、省长XX专门召开会议", ["XX", "XX"]),
        ("特别是××、××等周边地区", ["××", "××"]),
        ("卫健委主任***汇报", ["***"]),
        ("x区、x市、市交通运输局", ["x", "x"]),
        ("在深入学习了___在2020年", ["___"]),
        ("使用n95口罩和qq工作群", []),
    ],
)
def test_find_placeholders(text: str, expected: list[str]) -> None:
    assert find_placeholders(text) == expected


@pytest.mark.parametrize(
    "line,reason",
    [
        ("当前位置：网站首页 >> 作文 >> 讲话精神", "导航"),
        ("格式：DOC 上传日期：2022-12-08 14:11:11", "元数据"),
        ("时间：2023-01-09 作者：储xy", "元数据"),
        ("欧美成人永久免费_A级毛片免看在线_国产无码，亚洲色大片，麻豆", "垃圾广告"),
        ("全文阅读已结束，如果需要下载本文请点击", "付费下载提示"),
        ("微信扫码支付", "付费下载提示"),
        ("本文档由某某网收集整理，更多优质范文文档请移步某某网站内查找", "收集声明"),
        ("回复 支持 反对", "论坛界面"),
        ("使用道具 举报", "论坛界面"),
        ("小黑屋|手机版|Archiver|某某论坛（苏ICP备09067823号）", "论坛界面"),
        ("以下是小编为大家收集的优秀范文，欢迎大家分享阅读。", "编者导语"),
        ("这是习近平在调研。新华社记者刘彬/摄", "图片说明"),
        ("......", "无文字"),
        ("打印本页 关闭窗口", "页面按钮"),
        ("【打印】【关闭】", "页面按钮"),
        ("上一页 1 2 3 下一页", "分页导航"),
        ("原文链接：http://example.com/a.html", "链接"),
        ("浏览次数：123", "元数据"),
        ("责任编辑：王某", "元数据"),
        ("（2022年10月16日）", "署名日期"),
        ("习 近 平", "署名日期"),
        ("一、充分认清形势，切实增强疫情防控工作紧迫感和责任感", None),
        ("同志们：", None),
        ("组长：", None),
        ("时间：20xx年xx月xx日上午8:30分", None),
    ],
)
def test_line_reason(line: str, reason: str | None) -> None:
    assert line_reason(line) == reason


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_clean_text_never_raises_and_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


CHINESE_ISH = st.text(
    alphabet=st.sampled_from(list("當前會議講話的一二三、，,。.:：;?!()（）XxX×*_ āáǎà\ufffd疫情防控鬟钃簟")),
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(CHINESE_ISH)
def test_clean_text_idempotent_on_chinese_like_text(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


@settings(max_examples=100, deadline=None)
@given(st.lists(CHINESE_ISH, max_size=20))
def test_clean_page_never_raises(lines: list[str]) -> None:
    from drafter.corpus.reader import clean_page

    speeches, dropped, _ = clean_page(lines, "x.txt")
    for speech in speeches:
        assert speech.paragraphs and all(speech.paragraphs)
        for span in speech.sources:
            assert 1 <= span.start_line <= span.end_line <= len(lines)
        assert all(any(f in p for p in speech.paragraphs) for f in speech.flagged)
    assert all(1 <= d.line <= len(lines) for d in dropped)
