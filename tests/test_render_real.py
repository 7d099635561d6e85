"""Each bundled template, rendered from the real bundled corpus, parses back to its own shape."""

from __future__ import annotations

import re

import pytest

from drafter.model import Speech
from drafter.mine.shape import shape_of
from drafter.phrases import load_phrasebook
from drafter.render import render_outline
from drafter.structure import parse_skeleton
from drafter.templates import list_templates

TEMPLATES = list_templates()


@pytest.fixture(scope="module")
def book():  # type: ignore[no-untyped-def]
    return load_phrasebook()


@pytest.mark.parametrize("template", TEMPLATES, ids=[t.id for t in TEMPLATES])
@pytest.mark.parametrize("seed", [1, 7])
def test_outline_parses_back_to_template_shape(book, template, seed) -> None:  # type: ignore[no-untyped-def]
    text = render_outline(template, {"topic": "安全生产"}, seed, book=book)
    lines = [re.sub(r"^#+ ", "", ln) for ln in text.splitlines() if ln.strip()]
    skeleton = parse_skeleton(Speech(title=lines[0], kind="speech", paragraphs=lines[1:]))
    assert shape_of(skeleton) == template.shape
    points = len(re.findall(r"^## ", text, flags=re.M))
    transition = next(ln for ln in lines if re.search(r"[几一二两三四五六七八九十]+点", ln))
    assert "几点" in transition or "一二两三四五六七八九十"[points] in transition or (
        points == 2 and "两点" in transition)
    assert "新冠" not in lines[0] and "疫情" not in lines[0]


@pytest.mark.parametrize("template", TEMPLATES, ids=[t.id for t in TEMPLATES])
def test_frame_names_the_meeting_and_topic(book, template) -> None:  # type: ignore[no-untyped-def]
    """The default meeting follows the topic; the opening names it; no clause is said twice
    across headings; the close rallies on the topic."""
    text = render_outline(template, {"topic": "安全生产"}, 3, book=book)
    lines = [ln for ln in text.splitlines() if ln.strip()]
    assert lines[0] == "# 在安全生产工作会议上的讲话"
    opening = next(ln for ln in lines if ln.startswith(("今天", "这次", "召开这次")))
    assert "安全生产工作会议" in opening and "等" in opening  # the meeting, the topic's own tasks
    heads = [re.sub(r"^#+ \S+?[、，要]|^#+ （.）", "", ln) for ln in lines if ln.startswith("##")]
    clauses = [c for h in heads for c in re.split("[，；]", h) if len(c) >= 4]
    assert len(clauses) == len(set(clauses)), heads
    if "closing" in getattr(template, "parts", []) or "{{ closing" in template.source_text:
        assert lines[-1].startswith("同志们，") and "安全生产" in lines[-1]
        assert lines[-1].endswith(("。", "！"))


def test_meeting_given_by_user_is_kept(book) -> None:  # type: ignore[no-untyped-def]
    template = next(t for t in TEMPLATES if t.id == "diyi-flat")
    text = render_outline(template, {"topic": "安全生产", "meeting": "全市安全生产工作会议"}, 2,
                          book=book)
    assert text.startswith("# 在全市安全生产工作会议上的讲话\n")


@pytest.mark.parametrize("template", TEMPLATES, ids=[t.id for t in TEMPLATES])
def test_frame_is_generic_for_another_topic(template) -> None:  # type: ignore[no-untyped-def]
    """The opening's tasks and the transition name the topic, never the corpus's season or
    business; seeds give different points."""
    texts = [render_outline(template, {"topic": "乡村振兴"}, seed) for seed in (1, 2, 3)]
    for text in texts:
        opening = next(ln for ln in text.splitlines() if ln.startswith(("今天", "这次", "召开这次")))
        assert "乡村振兴工作会议" in opening and "等" in opening, opening  # its meeting, its tasks
        assert not re.search(r"今冬明春|春节|受灾|学校", text), text
        assert "〔待写" not in text
    assert len({t.split("\n## ", 1)[1] for t in texts}) == 3


def test_transition_for_an_unknown_topic_leaves_out_the_corpus_season(book) -> None:  # type: ignore[no-untyped-def]
    """With no material to name the work, the transition is one of the corpus's formulas, but
    never one tied to the corpus's own season or occasion (今冬明春)."""
    assert any("今冬明春" in t for t in book.transitions)  # the corpus does have such a formula
    template = next(t for t in TEMPLATES if t.id == "yi-nested")
    turns = set()
    for seed in range(12):
        text = render_outline(template, {"topic": "航天器在轨维修"}, seed, book=book)
        turns.add(next(ln for ln in text.splitlines() if re.search("点(?:意见|要求)", ln)))
    assert len(turns) >= 2 and all("航天器在轨维修" in t for t in turns), turns
    assert not [t for t in turns if "今冬明春" in t or "春节" in t]


def test_successive_seeds_close_in_successive_frames() -> None:
    """Six drafts on one topic (seeds 1–6) end in six different closing frames: the genre's frames
    turn with the seed (drafter.topics.wording.variant), they are not drawn at random."""
    template = next(t for t in TEMPLATES if t.id == "yi-nested")
    endings = set()
    for seed in range(1, 7):
        text = render_outline(template, {"topic": "安全生产"}, seed)
        last = [ln for ln in text.splitlines() if ln.strip()][-1]
        assert last.startswith("同志们，"), last
        endings.add(last[-6:])
    assert len(endings) == 6, endings


def test_variant_turns_through_every_option() -> None:
    from drafter.topics.wording import Draw, variant

    options = ["甲", "乙", "丙", "丁"]
    turned = [variant(Draw(0, turn), options, "安全生产") for turn in range(4)]
    assert sorted(turned) == sorted(options)
    # the topic sets where the turn starts: another topic's seed 1 need not say the same frame
    starts = {variant(Draw(0, 1), options, topic) for topic in ("安全生产", "防汛", "乡村振兴", "教育", "信访")}
    assert len(starts) > 1


def test_no_verb_stands_before_the_openings_tasks() -> None:
    """The opening's {tasks} are verb phrases (推进安全生产治本攻坚): 推动推进… reads wrong, so each
    opening introduces them with 对 or 把."""
    from drafter.topics.wording import Frames

    for opening in Frames.load().speech["opening"]:
        assert re.search(r"[对把]\{tasks\}", opening), opening
    # the turn to the points likewise: 就/围绕/结合 before its task (就抓好完善就业优先政策 reads wrong)
    speech = Frames.load().speech
    for transition in speech["transition"] + speech["transition_tasks"]:
        assert re.search(r"(?:就|围绕|结合)\{task\}", transition), transition


@pytest.mark.parametrize("topic", ["安全生产", "稳就业", "防汛"])
def test_the_turn_to_the_points_never_announces_one_task_alone(topic: str) -> None:
    """下面，就推进安全生产治本攻坚，我讲三点意见 names the whole work; a single task is named only as
    one of several (围绕加强河道防护等重点工作), never as what the speech is about."""
    from drafter.topics.knowledge import Knowledge
    from drafter.topics.wording import Frames

    speech = Frames.load().speech
    as_whole = [re.escape(t).replace(r"\{task\}", "(.+)").replace(r"\{count\}", "[一两二三四五六七八九十]")
                for t in speech["transition"]]
    from drafter.topics.framing import WHOLE_DOCS
    from drafter.topics.reading import Reading

    material = Knowledge.bundled().for_topic(topic)
    read = Reading(material)
    by_text = {p.text: p for _, p in material.phrases}
    template = next(t for t in TEMPLATES if t.id == "yi-nested")
    for seed in range(1, 5):
        text = render_outline(template, {"topic": topic}, seed)
        turn = next(ln for ln in text.splitlines() if ln.startswith("下面"))
        whole = [m.group(1) for m in (re.fullmatch(p, turn) for p in as_whole) if m]
        if whole and "等" not in whole[0]:  # 就保持行洪畅通等几项重点任务 names one of several
            p = by_text[whole[0]]  # the field's name in a verb, or its standard wording
            assert any(k in p.text for k in material.keys), turn
            assert p.docs >= WHOLE_DOCS or read.names_only(p), turn
        else:
            assert "等" in turn or f"{topic}工作" in turn or f"{topic}各项" in turn, turn


def test_a_redrawn_section_leaves_the_frame_around_it_silent() -> None:
    """regen draws only inside its section: the opening and the turn to the points of a focused
    render take no phrase (they are not written), so they cannot starve the section redrawn."""
    from drafter.topics.knowledge import Knowledge

    phrases = [p.text for _, p in Knowledge.bundled().for_topic("安全生产").phrases]
    template = next(t for t in TEMPLATES if t.id == "yi-nested")
    for seed in (1, 2, 3):
        text = render_outline(template, {"topic": "安全生产"}, seed, only="2")
        lines = text.splitlines()
        opening = next(ln for ln in lines if ln.startswith(("今天", "这次", "召开这次")))
        turn = next(ln for ln in lines if re.search(r"[几一二两三四五六七八九十]+点(?:意见|要求)", ln))
        assert "〔待写" in opening, opening
        assert not [p for p in phrases if p in opening or p in turn], (opening, turn)


def test_the_frame_names_the_meetings_tasks_not_the_nations() -> None:
    """The opening and the turn to the points list this meeting's tasks: 下面，围绕建设国际一流营商环境
    等重点工作 names a province's ambition, not a county's work."""
    from drafter.topics.wording import heads_no_task

    template = next(t for t in TEMPLATES if t.id == "yi-nested")
    national = ("国际一流", "强省", "气候变化")
    for seed in range(1, 11):
        text = render_outline(template, {"topic": "优化营商环境"}, seed)
        frame = [ln for ln in text.splitlines() if ln.startswith(("下面", "今天", "召开这次"))]
        assert frame, text
        assert not [ln for ln in frame if any(w in ln for w in national)], frame
    assert heads_no_task("建设国际一流营商环境")
