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


def test_a_statement_is_continued_only_by_its_own_sentence() -> None:
    """安全生产形势不断变化，各有关单位要… joined two speeches; a sentence that opens with a
    statement of the book now goes on with a later clause of that same real line."""
    own = Generator(load_phrasebook())
    later: dict[str, set[str]] = {}
    statements: set[str] = set()
    for units in own.book.pools.values():
        for u in units:
            texts = ["".join(toks) for toks, _ in u.clauses]
            for i, (toks, _) in enumerate(u.clauses):
                later.setdefault(texts[i], set()).update(texts[i + 1:])
                if own.typer.kind(list(toks)) == STATE:
                    statements.add(texts[i])
    checked = 0
    for seed in range(120):
        line = own.sentence(random.Random(seed), "body")
        clauses = line.rstrip("。").split("，") if line else []
        if len(clauses) >= 2 and clauses[0] in statements:
            checked += 1
            assert clauses[1] in later[clauses[0]], line
    assert checked >= 5  # statements do open sentences: the check above is reached


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
