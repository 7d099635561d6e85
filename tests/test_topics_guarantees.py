"""The 保障 point's sub-points: in the order speeches give them, none a task heading said, and no
heading ending on the words another heading ended on."""

from __future__ import annotations

import random

from topics_support import phrase

from drafter.topics.compose import GUARANTEE, Composer, Frames
from drafter.topics.knowledge import TopicMaterial

TASKS = [phrase("推动/重大/事故/隐患/动态/清零", "安全生产 隐患 事故"), phrase("加强/安全/生产/监管/力量/建设", "安全生产 监管 力量"),
         phrase("深化/危化品/专项/整治", "安全生产 危化品 隐患")]


def _composer(vocabulary: dict[str, float]) -> Composer:
    material = TopicMaterial("安全生产", ("安全生产",), vocabulary, [(2.0, p) for p in TASKS])
    composer = Composer(material, Frames.load())
    composer.plan(6, 0)
    composer.children = {"2": 3, "3": 3}
    return composer


def test_the_stock_guarantees_come_in_the_order_speeches_give_them() -> None:
    order = Frames.load().guarantee_points
    for seed in range(16):
        composer = _composer({"隐患": 1.0, "事故": 0.9})
        rng = random.Random(seed)
        heads = [composer.heading(rng, 2, GUARANTEE, f"3.{i}") for i in (1, 2, 3)]
        stock = [next(pt for pt in order if h and h.startswith(pt)) for h in heads]
        assert stock == sorted(stock, key=order.index) and len(set(stock)) == 3, heads


def test_a_stock_guarantee_a_task_heading_said_is_not_said_again() -> None:
    # （一）加强安全生产监管力量建设 above: 加强队伍建设 (队伍, 力量) would say it again
    for seed in range(16):
        composer = _composer({"队伍": 1.0, "力量": 1.0, "隐患": 0.5})
        assert "加强队伍建设" in composer.guarantees.fitting_points()
        rng = random.Random(seed)
        composer.guarantees.headed_task(TASKS[1])
        heads = [composer.heading(rng, 2, GUARANTEE, f"3.{i}") for i in (1, 2, 3)]
        assert not any(h and h.startswith("加强队伍建设") for h in heads), heads


def test_a_frame_ending_on_the_words_a_heading_above_ended_on_is_not_said() -> None:
    ledger = _composer({"隐患": 1.0}).ledger
    frames = ["夯实工作保障，推动{topic}各项措施落地见效", "强化工作保障，确保各项任务落到实处"]
    assert ledger.unsaid(frames) == frames
    ledger.headed("坚持问题导向，推动安全生产工作落地见效")
    assert ledger.unsaid(frames) == frames[1:]


def test_with_the_fields_stock_points_said_a_guarantee_sub_point_takes_another_not_a_task() -> None:
    # regen of a 保障 point beside a writer's point that already says the field's stock guarantees:
    # 二要提高本质安全水平 (a task) was written under 二、夯实工作保障……
    points = Frames.load().guarantee_points
    for seed in range(8):
        composer = _composer({"隐患": 1.0, "事故": 0.9})
        for said in composer.guarantees.fitting_points():
            composer.avoid(said)
        for task in TASKS[::2]:  # the task points above said these
            composer.avoid(task.text)
        heads = [composer.heading(random.Random(seed), 2, GUARANTEE, f"3.{i}") for i in (1, 2)]
        # the topic's phrase saying a guarantee (监管力量: 队伍) first, then another field's stock point
        assert heads[0] == TASKS[1].text and heads[1] and any(heads[1].startswith(pt) for pt in points), heads
