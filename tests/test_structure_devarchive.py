"""The parser on real pasted speeches (issue 12, done-when): ../shared/dev-archive's 66 pages
and their hand annotations, through the whole pipeline (clean, split, parse), scored by
bench/parse_eval.py; and the seeds' gold through the same scorer. Skips when ../shared is absent.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from drafter.structure.score import Scores, align, same_heading, score

REPO = Path(__file__).resolve().parent.parent
DEV = REPO.parent / "shared" / "dev-archive"
GOLD = REPO.parent / "shared" / "gold" / "seeds-skeletons.json"
FLOOR = 0.97  # heading P/R/F1, level accuracy and level-1 F1 on the dev archive
GOLD_FLOOR = 0.99


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("parse_eval", REPO / "bench" / "parse_eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def dev_scores() -> tuple[Scores, list[str], tuple[int, int]]:
    if not (DEV / "annotations.json").exists():
        pytest.skip("../shared/dev-archive is not present")
    return _bench().eval_dev_archive(DEV)  # type: ignore[no-any-return]


def test_dev_archive_figures(dev_scores: tuple[Scores, list[str], tuple[int, int]]) -> None:
    scores, rejected, (salutations, annotated) = dev_scores
    figures = scores.figures()
    print(f"\n[dev-archive] {figures} salutations {salutations}/{annotated}")
    assert rejected == [], f"pages rejected: {rejected}"
    assert scores.gold == sum(len(n["headings"]) for n in json.loads(
        (DEV / "annotations.json").read_text(encoding="utf-8")))
    for name, value in figures.items():
        assert value >= FLOOR, (name, value, scores.misses)
    assert salutations >= 0.9 * annotated


def test_seeds_gold_figures() -> None:
    if not GOLD.exists():
        pytest.skip("../shared/gold is not present")
    scores = _bench().eval_gold(GOLD, REPO / "seeds")
    for name, value in scores.figures().items():
        assert value >= GOLD_FLOOR, (name, value, scores.misses)


@pytest.mark.parametrize(
    ("gold", "pred", "same"),
    [
        ({"marker": "第一,", "text": "提高站位"}, {"marker": "第一，", "text": "提高站位"}, True),
        ({"marker": "(一)", "text": "压实责任"}, {"marker": "（一）", "text": "压实责任"}, True),
        # a heading glued to its body: the parse may run a little long, never short
        ({"marker": "一、", "text": "端正思想认识"}, {"marker": "一、", "text": "端正思想认识思想"}, True),
        ({"marker": "一、", "text": "端正思想认识"}, {"marker": "一、", "text": "端正思想认识思想是行动的指南"}, False),
        ({"marker": "一、", "text": "端正思想认识"}, {"marker": "一、", "text": "端正思想"}, True),
        ({"marker": "一、", "text": "端正思想认识"}, {"marker": "二、", "text": "端正思想认识"}, False),
        ({"marker": "一、", "text": "端正思想认识"}, {"marker": "一、", "text": ""}, False),
    ],
)
def test_same_heading(gold: dict, pred: dict, same: bool) -> None:
    assert same_heading(gold, pred) is same


def test_scores_count_levels_and_misses() -> None:
    gold = [{"level": 1, "marker": "一、", "text": "认清形势"}, {"level": 2, "marker": "一是", "text": "抓落实"},
            {"level": 1, "marker": "二、", "text": "强化保障"}]
    pred = [{"level": 1, "marker": "一、", "text": "认清形势"}, {"level": 1, "marker": "一是", "text": "抓落实"},
            {"level": 1, "marker": "三、", "text": "别的"}]
    assert align(gold, pred) == [(0, 0), (1, 1)]
    s = score([("doc", gold, pred)])
    assert (s.matched, s.level_ok, s.gold1, s.pred1, s.matched1) == (2, 1, 2, 3, 1)
    assert round(s.level1_f1, 3) == round(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2), 3)
    assert len(s.misses) == 3  # one missed, one extra, one wrong level
