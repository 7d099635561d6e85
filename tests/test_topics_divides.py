"""Divides written about together (城乡): a topic on one side takes nothing of the other side alone."""

from __future__ import annotations

import pytest
from topics_support import filler, phrase

from drafter.topics.divides import across, divides, far_sides
from drafter.topics.knowledge import Knowledge

# one report paragraph's phrases: the countryside and the towns side by side, as the reports write them
PARAGRAPH = "乡村振兴 城乡融合 农村 城镇化 农民 城市"
RURAL = [phrase("发展/新型/农村/集体/经济", PARAGRAPH), phrase("促进/农民/持续/增收", PARAGRAPH),
         phrase("建设/宜居/宜业/和美/乡村", PARAGRAPH)]
SHARED = [phrase("促进/城乡/融合/发展", PARAGRAPH)]
URBAN = [phrase("扎实/推进/新型/城镇化", PARAGRAPH), phrase("深化/城市/更新", PARAGRAPH)]
NAMED = [phrase(f"推进/乡村/振兴{i}", PARAGRAPH) for i in range(3)]


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    unrelated = filler()
    return Knowledge(RURAL + SHARED + URBAN + NAMED + unrelated)


def test_the_countrysides_topic_takes_the_shared_work_and_not_the_towns(knowledge: Knowledge) -> None:
    texts = {p.text for _, p in knowledge.for_topic("乡村振兴").phrases}
    assert {p.text for p in RURAL + SHARED} <= texts
    assert not texts & {p.text for p in URBAN}


def test_a_topic_on_neither_side_is_not_held_to_one() -> None:
    assert far_sides(("安全生产",)) == ()
    assert far_sides(("城乡农贸市场建设",)) == ()  # a name saying a word of both sides (城乡) is on neither
    assert far_sides(("农民工工资支付",)) == ()
    assert [s.ranking for s in far_sides(("文明城市创建",))] == [False]  # keeps off the countryside only


@pytest.mark.parametrize("names, text, out", [
    (("乡村振兴",), "扎实推进新型城镇化", True),
    (("乡村振兴",), "促进城乡融合发展", False),
    (("乡村振兴",), "加快农业转移人口市民化", False),  # a word of each side: shared
    (("文明城市创建", "文明城市"), "繁荣乡村文化", True),
    (("文明城市创建", "文明城市"), "培育文明乡风", True),
    (("文明城市创建", "文明城市"), "提升城市功能品质", False),
    (("粮食安全",), "有序推进城市更新", True),
])
def test_a_phrase_of_the_far_side_alone_is_another_fields(names: tuple[str, ...], text: str, out: bool) -> None:
    assert across(text, far_sides(names)) is out


def test_a_phrase_naming_its_topics_side_ranks_above_one_naming_neither() -> None:
    # 壮大县域经济 is said in 乡村振兴's paragraphs, as often as its tasks, but names neither the
    # countryside nor the towns: below 促进农民持续增收 and 发展新型农村集体经济, which name the countryside
    around = PARAGRAPH + " 县域 县域经济"
    rural = [phrase("/".join(p.words), around) for p in RURAL]
    neither = [phrase("壮大/县域/经济", around), phrase("推动/县域/经济/高质量/发展", around)]
    unrelated = filler()
    material = Knowledge(neither + rural + NAMED + unrelated).for_topic("乡村振兴")
    ranked = [p.text for _, p in material.phrases]
    assert {p.text for p in neither} <= set(ranked) and "县域" in material.vocabulary
    assert max(ranked.index(p.text) for p in rural) < min(ranked.index(p.text) for p in neither)


def test_every_divide_has_two_sides() -> None:
    assert divides()
    for d in divides():
        assert all(d.sides) and not set(d.sides[0]) & set(d.sides[1])


@pytest.mark.parametrize("names, text, out", [
    # the river regulations that say 防洪 say 水质 and 水电站 in the same sentences
    (("防汛",), "改善河道水质", True),
    (("防汛",), "建设水力发电站", True),
    (("防汛",), "保障防洪安全", False),
    (("防汛",), "加强河道管理", False),  # names neither: not barred
    # and among the other emergencies
    (("防汛",), "做好地震应急救援工作", True),
    (("防汛",), "防止事故扩大", True),
    (("防汛",), "及时启动应急预案", False),
    (("防汛",), "实施立体绿化", True),  # the greening regulations say 防汛 beside it
    (("水污染防治",), "保障防洪安全", True),
    # forest fires are not fire safety in town
    (("森林防火",), "做好消防安全工作", True),
    (("森林防火",), "普及家庭防火知识", True),
    (("森林防火",), "加强森林消防队伍建设", False),  # a word of each side: shared
    (("消防安全",), "建立森林防火责任制", True),
    # clean government is not the rest of the government's own work, said in its paragraph
    (("党风廉政建设", "党风廉政"), "规范审计行为", True),
    (("党风廉政建设", "党风廉政"), "推进法治政府建设", True),
    (("党风廉政建设", "党风廉政"), "深化廉洁政府建设", False),
    (("审计工作",), "保持惩治腐败高压态势", True),
])
def test_floods_forest_fires_and_clean_government_keep_off_their_neighbours(names: tuple[str, ...], text: str, out: bool) -> None:
    assert across(text, far_sides(names)) is out


@pytest.mark.parametrize("names, text, out", [
    # the ministry's documents on its own enforcement reform say the field's words around them
    (("生态环境保护",), "高效统筹行政执法资源", True),
    (("生态环境保护",), "优化执法方式", True),
    (("生态环境保护",), "建立执法事项目录", True),
    (("生态环境保护",), "加强生态环境执法队伍建设", False),  # the field's own word: shared
    (("生态环境保护",), "改善水环境质量", False),
    (("大气污染防治",), "完善执法机制", True),
    # 营商环境 says 环境, no word of the field's side: its 行政执法公示 is its own
    (("优化营商环境",), "落实行政执法公示制度", False),
])
def test_ecology_keeps_off_the_administrations_enforcement_reform(names: tuple[str, ...], text: str, out: bool) -> None:
    assert across(text, far_sides(names)) is out
