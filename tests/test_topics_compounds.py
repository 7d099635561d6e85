"""What is never a topic's own: other fields' names holding its word (主题教育 holds 教育), and the words a
document is issued in (印发, 指导意见)."""

from __future__ import annotations

from topics_support import filler, phrase

from drafter.topics.knowledge import Knowledge
from drafter.topics.names import other_fields


def test_a_campaign_holding_the_topics_name_is_another_fields() -> None:
    school = [phrase("推进/义务/教育/优质/均衡/发展", "教育 学校 义务教育 学前教育"),
              phrase("提高/学前/教育/质量", "教育 学前教育 学校 幼儿园"),
              phrase("深化/教育/教学/改革", "教育 学校 教学 课程")]
    campaign = [phrase("巩固/拓展/主题/教育/成果", "教育 学校 主题教育 党员"),
                phrase("扎实/开展/党纪/学习/教育", "教育 党纪 学校 党员")]
    unrelated = filler()
    knowledge = Knowledge(school + campaign + unrelated)
    texts = {p.text for _, p in knowledge.for_topic("教育").phrases}
    assert {p.text for p in school} <= texts and not texts & {p.text for p in campaign}
    # the campaign's own field keeps them
    assert {p.text for p in campaign} & {p.text for _, p in knowledge.for_topic("党纪学习教育").phrases}


def test_other_fields_are_those_holding_a_name_and_not_held_by_one() -> None:
    assert "主题教育" in other_fields(("教育",)) and "生态文明" in other_fields(("文明城市创建",), ("文明", "城市"))
    assert "国防教育" not in other_fields(("国防动员",), ("国防", "动员"))  # a part alone bars nothing
    assert "党纪学习教育" not in other_fields(("党纪学习教育",))  # the topic's own name
    assert other_fields(("安全生产",)) == ()


def test_the_words_a_document_is_issued_in_are_no_topics_vocabulary() -> None:
    # a ministry's 指导意见 on one field (印发, 各省) said around its phrases made 意见各省 an ecology term
    phrases = [phrase(f"加强/生态/环境/保护{i}", "生态环境保护 生态环境 指导意见 意见各省 印发 大气污染") for i in range(6)]
    unrelated = filler()
    vocabulary = Knowledge(phrases + unrelated).for_topic("生态环境保护").vocabulary
    assert "大气污染" in vocabulary and not {"指导意见", "意见各省", "印发"} & set(vocabulary)
