"""Clause types, the joins they allow, and the corpus-topic word list."""

from __future__ import annotations

from collections import Counter

import pytest

from drafter.phrases.grammar import ACT, FOLLOWS, OTHER, PURPOSE, STATE, SUBJ_ACT, ClauseTyper
from drafter.phrases.topicwords import contrast, shipped_words

TYPER = ClauseTyper(verbs=["加强", "发挥", "落实", "监测", "确保", "造成", "变化", "增强"],
                    adverbs=["切实", "进一步", "必将", "不断", "主动"], verbal_nouns=["管理"])


@pytest.mark.parametrize(
    ("tokens", "kind"),
    [
        (["各级", "党员干部", "要", "发挥", "先锋", "作用"], SUBJ_ACT),
        (["加强", "宣传", "引导"], ACT),
        (["要", "切实", "加强", "管理"], ACT),
        (["主动", "管理", "到位"], ACT),  # a verbal noun acts after an adverb
        (["管理", "到位"], OTHER),  # no verb: never a clause of its own
        (["确保", "社会", "稳定"], PURPOSE),
        (["形势", "不断", "变化"], STATE),
        (["从", "我县", "工作", "看"], OTHER),  # a context frame
        (["必将", "造成", "严重", "后果"], STATE),  # a prediction, not an action
        (["尤其", "要", "做好", "以下", "工作"], OTHER),  # leans on a list to come
        (["统筹", "兼顾", "之", "谋"], OTHER),
        (["加强", "和"], OTHER),  # dangling
    ],
)
def test_clause_kinds(tokens: list[str], kind: str) -> None:
    assert TYPER.kind(tokens) == kind


def test_joins_follow_real_sentences() -> None:
    assert PURPOSE in FOLLOWS[SUBJ_ACT] and ACT in FOLLOWS[ACT]
    assert STATE not in FOLLOWS[ACT]  # 我们要密切监测经济运行状况，回旋余地大
    assert SUBJ_ACT not in FOLLOWS[ACT]  # no new subject halfway through an action


def test_contrast_keeps_field_words_not_genre_words() -> None:
    corpus = Counter({"核酸": 30, "落实": 300, "隔离": 20, "工作": 900})
    background = Counter({"核酸": 0, "落实": 3000, "隔离": 1, "工作": 20000})
    words = [w for w, _ in contrast(corpus, background)]
    assert words[:2] == ["核酸", "隔离"] and "落实" not in words and "工作" not in words


def test_shipped_list_is_mined_and_credited() -> None:
    words = shipped_words()
    assert {"核酸", "疫情", "确诊"} <= words
    assert not {"落实", "工作", "加强", "安全生产"} & words
    from importlib import resources

    text = (resources.files("drafter.phrases") / "data" / "corpus_topic_words.txt").read_text("utf-8")
    assert "Chinese Wikisource" in text and "aldohemsn/chinese-political-corpora" in text
