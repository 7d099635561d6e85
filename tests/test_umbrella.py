"""A point over several tasks is headed by the field's whole work; a stock guarantee sentence is
not narrower than what it says, nor said twice; a corpus clause is never a sentence alone."""

from __future__ import annotations

import random

import pytest

from drafter.topics.compose import GUARANTEE, TASK, Composer, Frames
from drafter.topics.knowledge import Phrase, TopicMaterial


def _p(text: str, context: str, docs: int = 2, source: str = "bundled") -> Phrase:
    return Phrase(tuple(text.split("/")), docs, tuple(context.split()), source)


def _composer(material: TopicMaterial, heads: int, children: dict[str, int] | None = None) -> Composer:
    composer = Composer(material, Frames.load())
    composer.plan(heads, 0)
    composer.children = dict(children or {})
    return composer


FOOD_TASKS = [_p(f"抽检/{obj}/{n}", "食品安全 抽检 监管 餐饮 农药")
              for obj in ("农药残留", "餐饮后厨", "校园食堂", "冷链食品") for n in ("批次", "样品", "环节")]


def _food(*field: Phrase) -> TopicMaterial:
    vocabulary = {"食品安全": 1.0, "抽检": 0.8, "监管": 0.6, "餐饮": 0.6, "农药": 0.5}
    return TopicMaterial("食品安全", ("食品安全",), vocabulary, [(3.0, p) for p in field] + [(1.0, p) for p in FOOD_TASKS])


@pytest.mark.parametrize("text, docs, whole", [
    ("提高/食品安全/水平", 2, True),  # the field itself, at its level
    ("实施/食品安全/战略", 2, True),
    ("持续/打造/一流/食品安全", 2, True),  # only the verbs and a word of the whole field before it
    ("普及/食品安全/知识", 4, False),  # one measure of the field
    ("建立/食品安全/追溯/体系", 2, False),
    ("开展/食品安全/专项/整治", 5, True),  # the field's standard wording of a measure: many documents
    ("促进/校园/食品安全", 9, False),  # one part of the field, however often said
])
def test_a_phrase_of_the_whole_field_has_the_field_as_its_object(text: str, docs: int, whole: bool) -> None:
    composer = _composer(_food(), 6)
    assert composer.framing.whole_field(_p(text, "食品安全 监管", docs)) is whole


def test_a_point_over_several_tasks_is_not_headed_by_one_measure() -> None:
    # readers struck 聚焦目标任务，普及食品安全知识 over 监管执法, 应急处置, 专项整治: one measure
    # heading others it does not hold. The measure is said beside most tasks (the widest phrase),
    # and still never heads them; the field's whole work does
    measure = _p("普及/食品安全/知识", "食品安全 抽检 监管 餐饮 农药", docs=4)
    level = _p("提高/食品安全/水平", "食品安全 抽检 监管 餐饮", docs=2)
    said = set()
    for seed in range(12):
        heading = _composer(_food(measure, level), 6, {"2": 4}).heading(random.Random(seed), 1, TASK, "2")
        assert heading is not None and "普及食品安全知识" not in heading, heading
        said.add(heading.split("，")[-1])
    assert "提高食品安全水平" in said, said
    # with only the measure, the genre's umbrella with the topic
    stock = {h.replace("{topic}", "食品安全") for h in Frames.load().task_headings}
    for seed in range(6):
        heading = _composer(_food(measure), 6, {"2": 4}).heading(random.Random(seed), 1, TASK, "2")
        assert heading in stock, heading


def _guarantee_composer(tasks: list[Phrase], seed: int) -> tuple[Composer, random.Random, list[str]]:
    vocabulary = {"安全生产": 1.0, "隐患": 1.0, "事故": 0.8, "危化品": 0.8, "消防": 0.8}
    material = TopicMaterial("安全生产", ("安全生产",), vocabulary, [(2.0, p) for p in tasks])
    composer = _composer(material, 4, {"2": 3, "3": 2})
    rng = random.Random(seed)
    heads = [composer.heading(rng, 2, TASK, f"2.{i}") for i in (1, 2, 3)]
    assert all(heads), heads
    return composer, rng, [h for h in heads if h]


SAFETY_TASKS = [_p("排查/整治/事故/隐患", "安全生产 隐患 事故"), _p("深化/危化品/专项/整治", "安全生产 危化品 隐患"),
                _p("加强/消防/安全/管理", "安全生产 消防 隐患"), _p("推进/燃气/管网/改造", "安全生产 燃气 隐患")]


def test_the_party_committees_agenda_holds_more_than_one_task() -> None:
    # 各级党委政府要把提升科技保安能力摆上重要议事日程: the agenda holds the field's work, not
    # one sub-task; the sentence names two of the tasks the speech set
    said = 0
    for seed in range(30):
        composer, rng, heads = _guarantee_composer(SAFETY_TASKS, seed)
        composer.guarantees.stock_of["3.1"] = "加强组织领导"
        body = composer.body_sentence(rng, GUARANTEE, "3.1", first=True)
        assert body is not None
        if "摆上重要议事日程" in body:
            said += 1
            assert sum(1 for h in heads if h in body) == 2 and "等工作" in body, (heads, body)
    assert said, "the agenda sentence is one of the point's own"


def test_a_stock_sentence_does_not_say_again_what_a_line_above_said() -> None:
    # 各级党委政府要把优化营商环境工作摆上重要议事日程，… over the point, then the same agenda
    # under its first sub-point
    for seed in range(20):
        composer, rng, _ = _guarantee_composer(SAFETY_TASKS, seed)
        composer.ledger.said("各级党委政府要把安全生产工作摆上重要议事日程，")
        composer.guarantees.stock_of["3.1"] = "加强组织领导"
        body = composer.body_sentence(rng, GUARANTEE, "3.1", first=True)
        assert body is not None and "摆上重要议事日程" not in body, body


def test_a_clause_of_the_corpus_is_never_a_sentence_alone() -> None:
    # 要严格落实常态化疫情防控要求 was one of the corpus's own sentences, word for word: a corpus
    # clause alone after a plain subject can be its sentence, so drafter's own words go with it
    clauses = [_p(f"严格/落实/{obj}/要求", "安全生产 隐患 事故", source="corpus")
               for obj in ("常态化", "防护", "巡查", "值守", "报告", "登记")]
    vocabulary = {"安全生产": 1.0, "隐患": 1.0, "事故": 0.8, "常态化": 0.5}
    material = TopicMaterial("安全生产", ("安全生产",), vocabulary, [(1.0, p) for p in clauses])
    texts = {p.text for p in clauses}
    for seed in range(20):
        composer = Composer(material, Frames.load())
        composer.plan(0, 6)
        composer.anchors["2"] = clauses[0]
        body = composer.body_sentence(random.Random(seed), TASK, "2.1", first=True)
        assert body is not None
        rest = body.rstrip("。")
        for subject in sorted(Frames.load().subjects, key=len, reverse=True):
            if rest.startswith(subject):
                rest = rest[len(subject):]
                break
        assert rest not in texts, body
