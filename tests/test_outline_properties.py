"""Properties of drafted outlines, through the public path (render_outline over the bundled
corpus): headings and sentences have the genre's form, no sentence copies the corpus, and no
figure, date or place of a corpus speech reaches the outline. The checks here are the tests'
own, not the generator's, so they can disagree with it."""

from __future__ import annotations

import re

import pytest

from drafter import list_templates, load_phrasebook, render_outline
from drafter.phrases import NoveltyIndex

TOPICS = ("安全生产", "乡村振兴", "防汛", "疫情防控")  # the last is the corpus's own topic
SEEDS = (1, 2)
# A numbering marker inside a line (一、 （一） 1. 第一， ①) or at a heading's start after its own.
MARKER = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|(?<![\d.])\d+[.．、](?!\d)"
                    r"|第[一二三四五六七八九十]+[，,、]|[①-⑳]")
OWN_MARKER = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+，"
                        r"|[一二三四五六七八九十]+[是要]|\d+\. )")
# Asides that belong to the speaker's frame, never to a point.
PROCEDURAL = re.compile(r"在此|几点意见|几点要求|下面|我讲|我再|同志们|谢谢|会议议程|总之|综上|如下|以下")
WEB = re.compile(r"https?|www|\.com|点击|回复|楼主|发表于|登录|注册|[A-Za-z]{2,}|[|【】<>#@_=]|�")
PAIRS = {"“": "”", "（": "）", "《": "》", "‘": "’"}
CORPUS_PLACES = ("湖北", "武汉", "定西")  # places the bundled speeches name
FIGURE = r"\d|[０-９]|[一二三四五六七八九十]+月|〔(?:数据|日期|人名|地名)待补〕"


def balanced(text: str) -> bool:
    stack: list[str] = []
    for ch in text:
        if ch in PAIRS:
            stack.append(ch)
        elif ch in PAIRS.values() and (not stack or PAIRS[stack.pop()] != ch):
            return False
    return not stack


def line_problems(text: str) -> list[str]:
    """What no line of an outline may have: a numbering marker inside, web residue, an
    unclosed quote or bracket."""
    checks = (("marker inside", bool(MARKER.search(text))), ("web residue", bool(WEB.search(text))),
              ("unbalanced", not balanced(text)))
    return [name for name, failed in checks if failed]


def heading_problems(text: str) -> list[str]:
    extra = (("length", not 4 <= len(text) <= 40), ("procedural", bool(PROCEDURAL.search(text))),
             ("dangling punctuation", text.endswith(("，", "、", "：", "；", "。"))
              or text.startswith(("，", "、", "。"))))
    return line_problems(text) + [name for name, failed in extra if failed]


def sentence_problems(text: str) -> list[str]:
    return line_problems(text) + ([] if text.endswith(("。", "！", "？", "：")) else ["no end mark"])


@pytest.fixture(scope="module")
def outlines() -> dict[str, list[str]]:
    """topic -> the bodies of every bundled template at two seeds."""
    return {topic: [render_outline(t, {"topic": topic}, seed) for t in list_templates()
                    for seed in SEEDS] for topic in TOPICS}


def headings(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        if line.startswith("## ") or line.startswith("### ") or line.startswith("#### "):
            out.append(OWN_MARKER.sub("", line.lstrip("#").strip(), count=1))
    return out


def sentences(text: str) -> list[str]:
    body = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return [s for ln in body for s in re.findall(r"[^。！？：]+[。！？：]", ln)]


@pytest.mark.parametrize("topic", TOPICS)
def test_headings_and_sentences_have_the_genre_form(outlines: dict[str, list[str]], topic: str) -> None:
    heads = [h for text in outlines[topic] for h in headings(text) if "〔待写" not in h]
    lines = [s for text in outlines[topic] for s in sentences(text) if "〔待写" not in s]
    assert len(heads) >= 20 and len(lines) >= 20
    bad = [(h, heading_problems(h)) for h in heads if heading_problems(h)]
    assert not bad, bad[:5]
    bad = [(s, sentence_problems(s)) for s in lines if sentence_problems(s)]
    assert not bad, bad[:5]


@pytest.mark.parametrize("topic", TOPICS)
def test_no_sentence_copies_the_corpus(outlines: dict[str, list[str]], topic: str) -> None:
    book = load_phrasebook()
    index = NoveltyIndex(book.novelty_sentences, book.novelty_sources)
    lines = [s for text in outlines[topic] for s in sentences(text) if len(s) >= 10]
    assert len(lines) >= 20
    real = "".join(max(book.novelty_sentences, key=len))
    assert index.is_verbatim(real)  # the check sees a copy when there is one
    copied = [s for s in lines if index.is_verbatim(s)]
    assert not copied, copied[:5]
    # a heading of more than one short clause is never a line of the corpus either; a single
    # short point may be the corpus's own wording (压紧压实责任, 加强隐患排查治理: the writer's
    # corpus is the first source of a topic's phrases, and such a point is a formulation)
    heads = [h for text in outlines[topic] for h in headings(text)
             if "〔待写" not in h and ("，" in h or len(h) > 12)]
    assert heads
    copied = [h for h in heads if index.is_verbatim(h)]
    assert not copied, copied[:5]


@pytest.mark.parametrize("topic", TOPICS)
def test_no_figure_date_or_place_of_the_corpus(outlines: dict[str, list[str]], topic: str) -> None:
    """Figures, dates and names are the writer's: a fresh outline has none the writer did not
    give (its markers aside), and names no place of the corpus's speeches."""
    for text in outlines[topic]:
        words = "\n".join(headings(text) + sentences(text))
        assert not re.search(FIGURE, words), words
        assert not [p for p in CORPUS_PLACES if p in words]


def test_the_writers_own_facts_are_kept() -> None:
    """The figure check above sees a figure in the text it reads: the writer's own, in the
    meeting's name, stands in the opening sentence."""
    template = next(t for t in list_templates() if t.id == "yi-nested")
    text = render_outline(template, {"topic": "安全生产", "meeting": "2026年全县安全生产工作会议"}, 1)
    assert [s for s in sentences(text) if re.search(FIGURE, s) and "2026年" in s]
