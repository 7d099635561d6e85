"""Templates per genre (issue 12): 表态发言 and 主持词 get their own, every template greets and
closes, and every bundled and mined template renders with a salutation and a 结尾."""

from __future__ import annotations

from pathlib import Path

import pytest
from phrases_support import load_skeletons, load_template

from drafter.mine import mine_families, mine_templates, mine_to_dir
from drafter.model import Speech
from drafter.phrases import PhraseBook, build_phrasebook
from drafter.render import render_outline
from drafter.structure import parse_skeleton
from drafter.templates import load_template as load_info

REPO = Path(__file__).resolve().parent.parent
VARS = {"meeting": "全县乡村振兴工作推进会", "org": "某县", "topic": "乡村振兴", "speaker": "", "date": ""}


def _pledge(k: int) -> Speech:
    return Speech(f"在全镇第{k}次工作推进会上的表态发言", "speech", [
        "各位领导、同志们：", "刚才，各位领导作了重要讲话，我代表镇党委作表态发言。",
        "一、提高政治站位，坚决扛起主体责任", "我们将把各项任务摆在突出位置。",
        "二、聚焦重点任务，确保各项工作落地见效", "我们一定细化措施，请各位领导放心。",
        "三、强化作风建设，以实干实绩兑现承诺", "我们坚决做到令行禁止。",
    ], genre="表态发言")


def _host() -> Speech:
    return Speech("全县安全生产工作会议主持词", "speech", [
        "各位领导、同志们：", "今天召开全县安全生产工作会议，会议议程有三项：",
        "一、请县应急管理局通报全县安全生产情况", "二、请各乡镇作表态发言", "三、请县长作重要讲话",
        "下面进行会议第一项。", "同志们，会议到此结束，散会。",
    ], genre="主持词")


@pytest.fixture(scope="module")
def book() -> PhraseBook:
    return build_phrasebook(load_skeletons())


def test_each_genre_has_its_own_family() -> None:
    families = mine_families([_pledge(1), _host()])
    assert sorted((f.genre, f.kind) for f in families) == [("主持词", "主持词"), ("表态发言", "表态发言")]
    texts = mine_templates([_pledge(1), _pledge(2), _host()])
    assert set(texts) == {"biaotai-yi-flat", "zhuchi-yi-flat"}
    assert 'kind = "表态发言"' in texts["biaotai-yi-flat"] and "“一、”并列要点式表态发言" in texts["biaotai-yi-flat"]
    host = texts["zhuchi-yi-flat"]
    # a 主持词's points are agenda steps, in the genre's words, not the source's
    assert "## 一、请〔部门待补〕通报工作情况" in host and "## 三、请〔领导待补〕同志讲话" in host
    assert "应急管理局" not in host.split("-#}", 1)[1]


def test_speeches_of_the_same_shape_but_other_genres_stay_apart() -> None:
    speech = Speech("在全县工作会议上的讲话", "speech", ["同志们：", "今天召开会议。", "一、认清形势",
                    "正文。", "二、抓好落实", "正文。", "三、强化保障", "正文。"], genre="部署讲话")
    families = mine_families([speech, speech, _pledge(1), _pledge(2)])
    assert sorted(f.genre for f in families) == ["表态发言", "讲话"]


def _rendered_frame(book: PhraseBook, source_text: str, path: Path) -> tuple[str | None, str | None]:
    text = render_outline(load_template(path, source_text), VARS, 3, book=book)
    lines = [line.lstrip("#").strip() for line in text.splitlines() if line.strip()]
    skel = parse_skeleton(Speech(lines[0], "speech", lines[1:]))
    return skel.salutation, skel.closing


def test_every_bundled_template_renders_a_salutation_and_a_closing(book: PhraseBook) -> None:
    paths = sorted((REPO / "templates").glob("*.md.j2"))
    assert paths
    for path in paths:
        info = load_info(path)
        assert {"salutation", "closing"} <= set(info.parts), path.name
        salutation, closing = _rendered_frame(book, info.source_text, path)
        assert salutation and closing, path.name


def test_every_mined_template_renders_a_salutation_and_a_closing(book: PhraseBook, tmp_path: Path) -> None:
    for path in mine_to_dir([_pledge(1), _pledge(2), _host()], tmp_path):
        salutation, closing = _rendered_frame(book, path.read_text(encoding="utf-8"), path)
        assert salutation and salutation.endswith("：") and closing, path.name
