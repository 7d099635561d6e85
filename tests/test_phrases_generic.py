"""Another topic gets only the genre's generic material, joined in the orders real lines use."""

from __future__ import annotations

import random
import re

import pytest

from drafter.phrases import Generator, load_phrasebook
from drafter.phrases.genre import _GOAL_LEADS, _HAN, GENERIC_DF, OCCASION
from drafter.phrases.grammar import PURPOSE, STATE, SUBJ_ACT
from drafter.render import render_outline
from drafter.templates import list_templates

SEEDS = range(15)


@pytest.fixture(scope="module")
def gen() -> Generator:
    return Generator(load_phrasebook(), "乡村振兴")


def test_only_generic_clauses_travel_to_another_topic(gen: Generator) -> None:
    """Every content word of a pooled clause is used in several speeches (or is a genre term /
    the topic): 受灾学校 or 煤电油气, which live in one speech, never reach 乡村振兴."""
    df = gen.doc_freq()
    terms = set(gen.book.terms) | set(gen.book.topic.swap)
    pool = gen._pool("body")
    clauses = pool.firsts + pool.mids + pool.lasts + pool.singles
    assert len(clauses) >= 100
    for c in clauses:
        rare = [t for t in c.tokens if len(t) >= 2 and _HAN.fullmatch(t)
                and t not in terms and df.get(t, 0) < GENERIC_DF]
        assert not rare, "".join(c.tokens)
        assert not OCCASION.search("".join(c.tokens))
    assert not gen.generic(["要", "及时", "组织", "力量", "对", "受灾", "学校", "进行", "清理"])


def test_the_corpus_topic_keeps_its_own_material() -> None:
    own = Generator(load_phrasebook())
    other = Generator(load_phrasebook(), "乡村振兴")
    assert not own.swapping
    assert len(own._pool("body").firsts) > 2 * len(other._pool("body").firsts)


def test_frame_sentences_charge_act_and_aim(gen: Generator) -> None:
    """[各地各部门要]+[action]+[goal]: the goal never repeats the action's words and every
    sentence has one verb phrase per clause the genre allows after the one before."""
    made = 0
    for seed in SEEDS:
        tokens = gen._frame_tokens(random.Random(seed), 3)
        if tokens is None:
            continue
        made += 1
        text = gen._surface(tokens)
        clauses = [c for c in re.split("[，。]", text) if c]
        assert text.endswith("。") and 2 <= len(clauses) <= 3
        assert "要" in clauses[0]
        goal = tokens[len(tokens) - 1 - tokens[::-1].index("，") + 1:-1]
        assert gen.typer.kind(goal) == PURPOSE or goal[0] in _GOAL_LEADS | {"推动"}, text
        said = {t for t in tokens[: len(tokens) - len(goal) - 2] if len(t) >= 2}
        assert not said & set(goal), text
    assert made >= len(SEEDS) * 0.8


def test_a_statement_is_continued_only_by_its_own_sentence(gen: Generator) -> None:
    """安全生产形势不断变化，各有关单位要… joined two speeches; a statement now keeps its own
    next clause, and a clause from another line shares a content word with the ones before."""
    own = Generator(load_phrasebook())
    pool = own._pool("body")
    for seed in range(60):
        rng = random.Random(seed)
        firsts = [c for c in pool.firsts if c.kind == STATE]
        if not firsts:
            break
        tokens = own._sentence_tokens(rng, pool, 2)
        if tokens is None:
            continue
        text = "".join(tokens)
        start = next((c for c in pool.firsts if text.startswith("".join(c.tokens) + c.mark)), None)
        if start is not None and start.kind == STATE:
            nxt = own._next_in_unit(pool, start)
            assert nxt is not None and text[len("".join(start.tokens)) + 1:].startswith(
                "".join(nxt.tokens)), text


def test_headings_are_points_not_statements(gen: Generator) -> None:
    """No heading clause states a situation; a one-clause point is a verb with an object the
    corpus really gives it, possibly with an adverb or the topic."""
    pairs = {(v, "".join(o)) for v, o, _, _ in gen._verb_objects()}
    for seed in SEEDS:
        rng = random.Random(seed)
        for level in (1, 2):
            text = gen.heading(rng, level)
            assert text is not None
            for clause in text.split("，"):
                toks = [t for t in re.findall(r"[\u4e00-\u9fff“”、]+", clause)]
                assert gen.typer.kind(toks) not in (STATE, SUBJ_ACT) or "上" in clause, text
        tokens = gen._vo_heading(rng, None)
        if tokens:
            objects = {"".join(tokens[k:]) for k in range(1, len(tokens))}
            assert any((v, o) in pairs or (v, o.replace(gen.book.topic.corpus_topic, "", 1)) in pairs
                       for v in tokens[:2] for o in objects) or tokens[0] in ("强化", "加强", "抓好",
                                                                              "做好", "落实", "压实")


@pytest.mark.parametrize("template", list_templates(), ids=lambda t: t.id)
def test_frame_is_generic_for_another_topic(template) -> None:  # type: ignore[no-untyped-def]
    """The opening's tasks and the transition name the topic, never the corpus's season."""
    texts = [render_outline(template, {"topic": "乡村振兴"}, seed, book=load_phrasebook())
             for seed in (1, 2, 3)]
    for text in texts:
        opening = next(ln for ln in text.splitlines() if ln.startswith("今天"))
        assert "主要任务是：" in opening and "乡村振兴" in opening.split("主要任务是：")[1]
        assert not re.search(r"今冬明春|春节|受灾|学校", text), text
        assert "〔待写" not in text
    assert len({t.split("\n## ", 1)[1] for t in texts}) == 3  # seeds give different points
