"""The phrase book: novelty against the corpus, fact masks, the corpus frame, explain."""

from __future__ import annotations

import pytest
from phrases_support import load_skeletons

from drafter.phrases import FACT_SLOTS, NoveltyIndex, NoveltyLimits, PhraseBook, build_phrasebook
from drafter.phrases.facts import mask_names, mask_numbers
from drafter.phrases.form import balanced


@pytest.fixture(scope="session")
def book() -> PhraseBook:
    return build_phrasebook(load_skeletons())


# ---- novelty ---------------------------------------------------------------------------
CORPUS = [list("ABCDEFGHIJ"), ["坚持", "人民", "至上", "，", "生命", "至上", "。"]]


@pytest.mark.parametrize(
    ("tokens", "run"),
    [
        (list("XYZ"), 0),
        (list("XABCY"), 3),
        (list("ABCDEFGHIJ"), 10),
        (["坚持", "生命", "至上"], 2),
        (["人民", "至上", "，", "生命"], 4),
    ],
)
def test_longest_run(tokens: list[str], run: int) -> None:
    assert NoveltyIndex(CORPUS).longest_run(tokens) == run


@pytest.mark.parametrize(
    ("limits", "tokens", "allowed"),
    [
        (NoveltyLimits(), 10, 7),
        (NoveltyLimits(), 40, 15),  # max_tokens caps a long line
        (NoveltyLimits(ratio=0.5, max_tokens=8), 10, 5),
        (NoveltyLimits(), 1, 1),  # never below one token
    ],
)
def test_novelty_limits_are_settings(limits: NoveltyLimits, tokens: int, allowed: int) -> None:
    assert limits.allowed_run(tokens) == allowed


def test_verbatim_ignores_the_end_mark() -> None:
    idx = NoveltyIndex(CORPUS)
    assert idx.is_verbatim("人民至上，生命至上。") and idx.is_verbatim("生命至上")
    assert not idx.is_verbatim("人民至上，健康至上。")


def test_closest_names_the_source() -> None:
    idx = NoveltyIndex(CORPUS, sources=[7, 9])
    ratio, run, source = idx.closest(["生命", "至上", "X"])
    assert (run, source) == (2, 9) and ratio == pytest.approx(2 / 3)


def test_balanced() -> None:
    assert balanced("“外防输入、内防反弹”总策略")
    assert not balanced("“外防输入”）")


# ---- facts -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("截至1月26日24时，累计报告2744例", "截至〔日期待补〕，累计报告〔数据待补〕"),
        ("2022年春节前后", "〔日期待补〕春节前后"),
        ("召开第5次会议", "召开第〔数据待补〕会议"),
        ("坚持人民至上", "坚持人民至上"),
    ],
)
def test_mask_numbers(raw: str, masked: str) -> None:
    assert mask_numbers(raw) == masked


@pytest.mark.parametrize(
    ("tagged", "masked"),
    [
        ([("市委书记", "n"), ("朱立凡", "nr"), ("强调", "v")], ["市委书记", "〔人名待补〕", "强调"]),
        ([("师生", "nr"), ("普及", "ns")], ["师生", "普及"]),  # jieba's false name tags
        ([("湖北", "ns"), ("定西市", "ns"), ("各县区", "ns")], ["〔地名待补〕", "各县区"]),
        ([("习近平", "nrfg"), ("总书记", "n")], ["习近平", "总书记"]),
    ],
)
def test_mask_names(tagged: list[tuple[str, str]], masked: list[str]) -> None:
    assert mask_names(tagged) == masked


def test_no_digits_or_names_survive_training(book: PhraseBook) -> None:
    lines = ["".join(toks) for toks in book.novelty_sentences]
    assert len(lines) >= 200
    assert not [ln for ln in lines if any(ch.isdigit() for ch in ln)]
    # a place counts as a name with its suffix (定西市); bare 定西 is left, as jieba's tags are noisy
    assert not [ln for ln in lines if "定西市" in ln]
    assert any(FACT_SLOTS["data"] in ln for ln in lines)  # the figures were there: masked
    assert any(FACT_SLOTS["person"] in ln for ln in lines)


# ---- the corpus frame ------------------------------------------------------------------
def test_corpus_frame_is_mined(book: PhraseBook) -> None:
    assert book.topic.corpus_topic == "疫情防控"
    assert book.salutations[0] == "同志们："
    assert book.transitions and all("{topic}" in t for t in book.transitions)
    assert not [t for t in book.transitions if "疫情防控" in t]


def test_json_round_trip(book: PhraseBook) -> None:
    assert PhraseBook.from_dict(book.to_dict()) == book


def test_explain_names_closest_speech(book: PhraseBook) -> None:
    from drafter.phrases import explain

    real = "".join(next(s for s in book.novelty_sentences if len(s) >= 12 and "〔" not in "".join(s)))
    rows = explain([real, "今天天气很好，我们去公园散步。"], book)
    assert rows[0].over_limit and rows[0].ratio > 0.9 and rows[0].source in book.source_titles
    assert not rows[1].over_limit and rows[1].ratio < 0.5
