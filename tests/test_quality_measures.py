"""bench/measures: the quality instrument's own definitions, on tiny hand-made outlines.

The outlines and vocabularies here are written for these tests (no corpus text). Each case
states the figure a reader would count by hand.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

from measures.lines import form_problems, outline_lines, placeholder_counts, strip_marker  # noqa: E402
from measures.metrics import (  # noqa: E402
    OutlineReading,
    point_clauses,
    restated_flags,
    stock_pairs,
    swap_flags,
    topic_figures,
)
from measures.reference import carries_task, invented_facts, pick_section  # noqa: E402
from measures.vocab import Vocabulary, load_vocabulary, parse_generic, parse_topic  # noqa: E402

SAFETY = """name = 安全生产
id = anquan
aliases = 安全生产、安全
隐患
排查整治
企业主体责任
危化品
应急救援
"""
RURAL = """name = 乡村振兴
id = xiangcun
aliases = 乡村振兴
粮食安全
高标准农田
和美乡村
耕地占补平衡
"""
EPIDEMIC = """name = 疫情防控
id = yiqing
aliases = 疫情防控、疫情
核酸检测
应急救援
"""
GENERIC = "工作\n加强\n组织领导\n安全\n推进\n高质量\n扎实推进\n"


@pytest.fixture
def vocab() -> Vocabulary:
    topics = {t.id: t for t in (parse_topic(SAFETY), parse_topic(RURAL), parse_topic(EPIDEMIC))}
    return Vocabulary(topics, parse_generic(GENERIC))


def outline(*body: str) -> str:
    front = '---\ntemplate: "t"\nseed: 1\nvariables:\n  "topic": "x"\n---\n'
    return front + "\n\n".join(body) + "\n"


SAFETY_OUTLINE = outline(
    "# 在安全生产工作会议上的讲话",
    "## 一、深入开展隐患排查整治",
    "要压实企业主体责任。要加强组织领导。",
    "## 二、抓好安全生产各项工作",
    "要做好核酸检测。",
)
RURAL_OUTLINE = outline(
    "# 在乡村振兴工作会议上的讲话",
    "## 一、守住粮食安全底线",
    "要加强组织领导。",
    "## 二、抓好乡村振兴各项工作",
    "要建设和美乡村。",
)


def test_lines_are_title_headings_and_sentences_without_front_matter():
    lines = outline_lines(SAFETY_OUTLINE)
    assert [(ln.kind, ln.level, ln.text) for ln in lines] == [
        ("title", 0, "在安全生产工作会议上的讲话"),
        ("heading", 1, "深入开展隐患排查整治"),
        ("sentence", 0, "要压实企业主体责任。"),
        ("sentence", 0, "要加强组织领导。"),
        ("heading", 1, "抓好安全生产各项工作"),
        ("sentence", 0, "要做好核酸检测。"),
    ]


@pytest.mark.parametrize(
    "text, rest, marker",
    [
        ("一、提高认识", "提高认识", "一、"),
        ("（二）压实责任", "压实责任", "（二）"),
        ("(三)压实责任", "压实责任", "(三)"),
        ("1. 排查隐患", "排查隐患", "1. "),
        ("第一，要高度重视", "要高度重视", "第一，"),
        ("一要强化监测", "强化监测", "一要"),
        ("1.5亿元用于改造", "1.5亿元用于改造", ""),  # a figure, not a marker
        ("要加强领导", "要加强领导", ""),
    ],
)
def test_strip_marker(text, rest, marker):
    assert strip_marker(text) == (rest, marker)


def test_longest_match_reads_the_topic_word_before_the_generic_word(vocab):
    rural = vocab.topics["xiangcun"]
    kinds = [(m.text, m.kind) for m in vocab.matches("加强粮食安全和安全生产", rural)]
    assert kinds == [("加强", "generic"), ("粮食安全", "own"), ("安全生产", "leak")]


def test_on_topic_counts_own_terms_not_the_topic_word(vocab):
    o = OutlineReading.read(SAFETY_OUTLINE, vocab.topics["anquan"], vocab)
    assert [r.on_topic for r in o.lines] == [False, True, True, False, False, False]
    figures = topic_figures([o], {})
    assert figures["on_topic"] == pytest.approx(2 / 6)
    assert figures["on_topic_headings"] == pytest.approx(1 / 2)


def test_leak_is_another_topics_specific_word_only(vocab):
    o = OutlineReading.read(SAFETY_OUTLINE, vocab.topics["anquan"], vocab)
    assert [r.leaks for r in o.lines if r.leaked] == [[("核酸检测", ("yiqing",))]]
    # 应急救援 is in both 安全生产 and 疫情防控: no leak for either
    shared = OutlineReading.read(outline("要做好应急救援。"), vocab.topics["yiqing"], vocab)
    assert not any(r.leaked for r in shared.lines)
    # but it leaks into a topic that does not have it
    rural = OutlineReading.read(outline("要做好应急救援。"), vocab.topics["xiangcun"], vocab)
    assert rural.lines[0].leaks == [("应急救援", ("anquan", "yiqing"))]


def test_swap_finds_the_same_frame_with_only_the_topic_word_changed(vocab):
    a = OutlineReading.read(SAFETY_OUTLINE, vocab.topics["anquan"], vocab, "t", 1)
    b = OutlineReading.read(RURAL_OUTLINE, vocab.topics["xiangcun"], vocab, "t", 1)
    flags = swap_flags(a, [b], vocab)
    # title (topic word changed), 要加强组织领导 (identical), 抓好X各项工作 (topic word changed)
    assert flags == [True, False, False, True, True, False]
    figures = topic_figures([a], {id(a): flags})
    assert figures["swap"] == pytest.approx(3 / 6)
    assert figures["swap_headings"] == pytest.approx(1 / 2)
    assert figures["swap_points"] == pytest.approx(2 / 5)  # the title is left out


def test_distinct_pools_the_topics_outlines(vocab):
    a = OutlineReading.read(SAFETY_OUTLINE, vocab.topics["anquan"], vocab, "t", 1)
    b = OutlineReading.read(SAFETY_OUTLINE, vocab.topics["anquan"], vocab, "t", 2)
    assert topic_figures([a, b], {})["distinct"] == pytest.approx(0.5)
    assert topic_figures([a], {})["distinct"] == 1.0
    # over the points only: the title (the same in both) is left out, the rest is said twice
    assert topic_figures([a, b], {})["distinct_points"] == pytest.approx(0.5)
    c = OutlineReading.read(SAFETY_OUTLINE.replace("要加强组织领导。", "要强化安全生产督查。"), vocab.topics["anquan"], vocab, "t", 3)
    figures = topic_figures([a, c], {})
    assert figures["distinct_points"] == pytest.approx(6 / 10)  # 一、… 要压实… 二、… 要做好… twice; the two others once
    assert figures["distinct"] == pytest.approx(7 / 12)


def test_restated_is_an_earlier_clause_saying_most_of_it_again(vocab):
    text = outline(
        "# 在乡村振兴工作会议上的讲话",
        "## 一、推进多种形式适度规模经营",
        "各级各部门要发展多种形式规模经营，建设和美乡村。",
        "### 一要发展新型农村集体经济",
        "要把推进多种形式适度规模经营作为重中之重。我们要守住粮食安全底线、加强组织领导。",
    )
    o = OutlineReading.read(text, vocab.topics["xiangcun"], vocab, "t", 1)
    # the subject (各级各部门要) is left out; a clause naming a task said above (把…作为…) refers
    # back on purpose and is not a clause of its own; 、 parts are clauses
    assert point_clauses(o, vocab) == [
        "推进多种形式适度规模经营", "发展多种形式规模经营", "建设和美乡村", "发展新型农村集体经济",
        "守住粮食安全底线", "加强组织领导",
    ]
    # only the genre's subjects are subjects (not the 要 of 要素, 重要), and a 把 clause not naming
    # a heading above is a clause of its own
    other_text = outline("# 在乡村振兴工作会议上的讲话", "## 一、守住粮食安全底线",
                         "落实要素保障，加强重要民生工程。要把耕地保护责任落实到每个乡镇。")
    other_o = OutlineReading.read(other_text, vocab.topics["xiangcun"], vocab, "t", 1)
    assert point_clauses(other_o, vocab) == ["守住粮食安全底线", "落实要素保障", "加强重要民生工程", "把耕地保护责任落实到每个乡镇"]
    # a heading named as a preposition's object (对…, 以…) or as what a clause qualifies (…的, …中)
    # is referred to; the same heading said as a clause's own work is said again
    back_text = outline("# 在乡村振兴工作会议上的讲话", "## 一、推进高标准农田建设",
                        "要对推进高标准农田建设实行挂图作战。要优先保障推进高标准农田建设的资金需求。",
                        "要总结推进高标准农田建设中的好做法。要深入推进高标准农田建设。")
    back_o = OutlineReading.read(back_text, vocab.topics["xiangcun"], vocab, "t", 1)
    assert point_clauses(back_o, vocab) == ["推进高标准农田建设", "深入推进高标准农田建设"]
    # 发展多种形式规模经营: 6 of its 9 character pairs are in the heading above it
    assert restated_flags(o, set(), vocab) == [False, True, False, False, False, False]
    # pairs said on most topics are the genre's, no subject: here the other topic's outline says
    # 守住粮食安全底线, 建设和美乡村 and 加强组织领导 too, so those three clauses have too few
    # pairs left to count, and the two about 规模经营 still say one thing twice
    other = OutlineReading.read(RURAL_OUTLINE.replace("乡村振兴", "安全生产"), vocab.topics["anquan"], vocab, "t", 1)
    stock = stock_pairs([o, other], vocab)
    assert {"加强", "组织", "领导", "和美"} <= stock and "规模" not in stock
    assert restated_flags(o, stock, vocab) == [False, True, False]
    figures = topic_figures([o], {}, {id(o): restated_flags(o, set(), vocab)})
    assert figures["restated"] == pytest.approx(1 / 6)


def test_placeholders_split_todo_from_fill_ins():
    text = outline("# 在〔单位待补〕会议上的讲话", "〔待写：任务措施〕", "投入〔数据待补〕万元。")
    assert placeholder_counts(text) == {"todo": 1, "fill_in": 2}


def test_form_problems():
    text = outline(
        "# 题目",
        "## 一、一要加强领导",
        "{{ topic }}工作。",
        "## 二、压实责任",
        "要压实责任。",
        "要压实责任。",
        "## 三、压实责任",
        "〔待写：任务措施〕",
        "〔待写：任务措施〕",
    )
    assert form_problems(text) == {
        "double_marker": 1,
        "template_residue": 2,
        "repeated_heading": 1,
        "repeated_sentence": 1,
    }
    assert form_problems(SAFETY_OUTLINE) == {
        "double_marker": 0,
        "template_residue": 0,
        "repeated_heading": 0,
        "repeated_sentence": 0,
    }


REFERENCE = "加大力度强农惠农。严格耕地占补平衡管理，新建高标准农田120万亩。扎实推进乡村振兴。"


def test_a_heading_carries_a_task_when_it_shares_content_not_frames(vocab):
    rural = vocab.topics["xiangcun"]
    assert carries_task("高质量推进耕地占补平衡", REFERENCE, rural, vocab)
    assert not carries_task("扎实推进乡村振兴", REFERENCE, rural, vocab)  # topic word + frame only
    assert not carries_task("守住粮食安全底线", REFERENCE, rural, vocab)  # not in the reference
    # a run across punctuation is not a shared task (联动，加强工作 is two clauses' debris)
    assert not carries_task("强化联动，加强工作", "要联动，加强工作。", rural, vocab)
    assert (
        carries_task("抓好田间管理", "加强田间管理", rural, vocab, pairs={("抓好", "田间管理")})
        is True
    )


def test_invented_facts_are_those_in_neither_reference_nor_variables():
    text = "新建高标准农田120万亩，投入3亿元。王建国同志要抓好落实。"
    assert invented_facts(text, [REFERENCE]) == ["3", "王建国"]
    assert invented_facts(text, [REFERENCE, "3亿元", "王建国 副市长"]) == []
    assert invented_facts("各级领导干部同志们要抓好落实。", []) == []


def test_pick_section_takes_the_paragraph_with_most_topic_terms(vocab):
    reports = [
        ("a.txt", "（一）总体要求。\n推进乡村振兴，建设和美乡村。\n其他工作。"),
        (
            "b.txt",
            (
                "（五）乡村振兴。\n严格耕地占补平衡，建设高标准农田，守住粮食安全，建设和美乡村。\n"
                "（六）安全生产。\n排查整治隐患。"
            ),
        ),
    ]
    section = pick_section(reports, vocab.topics["xiangcun"], vocab)
    assert section is not None and section.source == "b.txt"
    assert section.paragraphs == ("严格耕地占补平衡，建设高标准农田，守住粮食安全，建设和美乡村。",)


def test_shipped_vocabularies_are_usable():
    shipped = load_vocabulary()
    assert len(shipped.topics) >= 12
    for topic in shipped.topics.values():
        assert 40 <= len(topic.terms) <= 120, topic.id
        assert topic.name in topic.aliases
        # a term that is also a genre word would never count: the list would be lying
        assert not topic.terms & shipped.generic, (topic.id, sorted(topic.terms & shipped.generic))


def test_blind_labels_and_tally():
    import blind

    assert blind.labels(28)[:3] == ["A", "B", "C"] and blind.labels(28)[25:] == ["Z", "AA", "AB"]
    key = [
        {"id": "A", "topic": "防汛", "source": "drafter"},
        {"id": "B", "topic": "防汛", "source": "real"},
    ]
    ratings = [
        {"id": "A", "rating": "2"},
        {"id": "A.1", "rating": "keep"},
        {"id": "A.2", "rating": "弃"},
        {"id": "A.3", "rating": "rewrite"},
        {"id": "A.4", "rating": "discard"},
        {"id": "B", "rating": "4"},
        {"id": "B.1", "rating": "keep"},
        {"id": "B.2", "rating": "maybe"},
    ]
    result = blind.tally(ratings, key)
    assert result["drafter"]["kept"] == pytest.approx(0.25)
    assert result["drafter"]["discarded"] == pytest.approx(0.5)
    assert result["drafter"]["mean_score"] == 2.0
    assert result["real"]["headings"] == 1 and result["real"]["mean_score"] == 4.0
    assert result["_problems"] == ["B.2: rating 'maybe' is not keep/rewrite/discard"]


def test_front_variables_are_the_variables_block_only():
    from measures.lines import front_variables

    text = (
        '---\ntemplate: "t"\nseed: 3\nvariables:\n  "org": "某县"\n  "date": "2026年5月1日"\n'
        'closing: 0\nfingerprints:\n  "1": "385c1102562d096f"\n---\n# 在某县会议上的讲话\n'
    )
    assert front_variables(text) == {"org": "某县", "date": "2026年5月1日"}


def test_numbering_markers_are_not_figures(vocab):
    o = OutlineReading.read(
        outline("## 1. 压实责任", "## 2. 排查隐患", "投入3亿元。"), vocab.topics["anquan"], vocab
    )
    assert invented_facts("\n".join(r.line.text for r in o.lines), []) == ["3"]
