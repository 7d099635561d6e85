"""Near fields of a seldom-named topic (drafter.topics.near): the terms the documents say with it."""

from __future__ import annotations

from collections.abc import Sequence

from topics_support import filler, phrase

from drafter.topics.knowledge import Knowledge
from drafter.topics.material import Phrase
from drafter.topics.near import near_terms

# 防汛 is said with 物资, 预案 and 调度; 物资 and 预案 are both said with 应急 (the emergency work a
# flood speech is about), 调度 with 电网 and nothing of the others
ASSOCIATIONS = {
    "防汛": ("调度", "物资", "预案"),
    "物资": ("储备", "应急", "装备"),
    "预案": ("应急", "演练", "启动"),
    "调度": ("电网", "电力", "运行"),
}
NAMING = [phrase(f"{verb}/应急/物资{i}", "应急 储备") for i, verb in enumerate(("储备", "调拨", "管好"))] \
    + [phrase(f"{verb}/应急/预案{i}", "应急 演练") for i, verb in enumerate(("完善", "启动", "修订"))] \
    + [phrase(f"加强/电网/调度{i}", "电网 电力") for i in range(3)]


def _knowledge(extra: Sequence[Phrase] = ()) -> Knowledge:
    return Knowledge(list(extra) + NAMING + filler(), ASSOCIATIONS)


def test_terms_said_in_each_others_company_are_a_near_field() -> None:
    assert near_terms(_knowledge(), ("防汛",)) == ["物资", "预案"]


def test_the_writers_corpus_saying_a_term_often_does_not_make_it_every_fields() -> None:
    # the bundled epidemic speeches say 应急物资 in forty clauses: 物资 is still a near field of 防汛,
    # counted in the official documents' formulations
    speeches = [phrase(f"做好/应急/物资{i}/保障", "疫情 物资 储备", source="corpus") for i in range(40)]
    assert near_terms(_knowledge(speeches), ("防汛",)) == ["物资", "预案"]


def test_a_term_linked_only_through_a_term_that_is_no_near_field_is_not_one() -> None:
    # 委员会 of 禁毒 shares 居民 with 社区 only, and 社区 names too many phrases to be a field
    assert "委员会" not in near_terms(Knowledge.bundled(), ("禁毒",))
