"""Real pages in (issue 12, issue 14 item 2): no speech text is dropped with the chrome around
it, run-on and hard-wrapped lines come back, several speeches in one file become several
pieces, and genres. Made-up pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter.cli import app
from drafter.corpus.kind import genre_of
from drafter.corpus.reader import clean_page

runner = CliRunner()
BODY = "经县政府研究决定，今天召开全县安全生产工作会议，主要任务是部署当前安全生产工作。"


def test_a_blurb_sharing_a_line_with_the_speech_is_cut_out_of_the_line() -> None:
    lines = ["在全县安全生产工作会议上的讲话",
             "下面是小编为大家整理的县长在全县安全生产会议上讲话【优秀范文】，供大家参考。同志们：" + BODY,
             "一、提高认识。要切实加强领导。"]
    speeches, dropped, _ = clean_page(lines, "p.txt")
    assert speeches[0].paragraphs[0] == "同志们：" + BODY
    assert [(d.line, d.reason) for d in dropped] == [(2, "编者导语")]
    assert dropped[0].text.startswith("下面是小编")


def test_site_inserts_inside_a_line_are_cut() -> None:
    lines = ["在全县工作会议上的讲话", "同志们：", BODY + "……（某某网省略257字，正式会员可完整阅读）……要抓好落实。",
             "（未完，全文共1662字，当前显示422字）"]
    speeches, dropped, _ = clean_page(lines, "p.txt")
    assert speeches[0].paragraphs[1] == BODY + "要抓好落实。"
    assert {d.reason for d in dropped} == {"页面插入"}


def test_a_line_of_chrome_only_is_still_dropped_whole() -> None:
    speeches, dropped, _ = clean_page(["在全县工作会议上的讲话", "同志们：", BODY,
                                       "预览结束，免费获取全文或定制代笔此类文章，请扫码联系老师！"], "p.txt")
    assert speeches[0].paragraphs == ["同志们：", BODY]
    assert dropped[0].line == 4


def test_viewer_chunk_numbers_and_a_glued_title() -> None:
    first = "1、在全县防汛工作会议上的讲话同志们：" + BODY * 4 + "我们要进一步"
    second = "2、压实防汛责任，确保安全度汛。下面，我讲两点意见。"
    speeches, dropped, _ = clean_page([first, second, "一、提高认识", "要加强领导。"], "p.txt")
    assert speeches[0].title == "在全县防汛工作会议上的讲话"
    assert speeches[0].paragraphs[0] == "同志们：" + BODY * 4 + "我们要进一步压实防汛责任，确保安全度汛。下面，我讲两点意见。"
    assert [d.text for d in dropped if d.reason == "分块编号"] == ["1、", "2、"]


def test_hard_wrapped_lines_are_joined() -> None:
    text = "各位同志，" + BODY * 6  # no wrap falls right after a 。
    wrapped = [text[i : i + 30] for i in range(0, len(text), 30)]
    speeches, _, _ = clean_page(["在全县工作会议上的讲话", "同志们："] + wrapped + ["一、提高认识", "要加强领导。"], "p.txt")
    assert speeches[0].paragraphs[:2] == ["同志们：", text]


def _speech(topic: str, closing: str) -> list[str]:
    return [f"在全县{topic}工作会议上的讲话", "同志们：", f"今天召开全县{topic}工作会议，研究部署{topic}工作。",
            f"一、提高{topic}认识", f"各地要把{topic}摆上重要议程，切实加强组织领导。",
            f"二、狠抓{topic}落实", f"各部门要细化{topic}措施，确保各项任务落地见效。", closing]


def test_three_speeches_in_one_text_file_are_three_pieces(tmp_path: Path) -> None:
    lines = _speech("防汛", "我就讲这些。谢谢大家！") + _speech("森林防火", "谢谢大家！") + _speech("食品安全", "同志们，让我们共同努力。")
    speeches, _, _ = clean_page(lines, "p.txt")
    assert [(s.title, s.sources[0].start_line, s.sources[0].end_line) for s in speeches] == [
        ("在全县防汛工作会议上的讲话", 1, 8), ("在全县森林防火工作会议上的讲话", 9, 16),
        ("在全县食品安全工作会议上的讲话", 17, 24)]
    path = tmp_path / "合集.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = runner.invoke(app, ["corpus", "add", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["pieces"] == 3


def test_speeches_without_titles_split_after_a_closing() -> None:
    lines = _speech("防汛", "我就讲这些。")[1:] + _speech("森林防火", "谢谢大家！")[1:]
    speeches, _, _ = clean_page(lines, "p.txt")
    assert [(s.sources[0].start_line, s.sources[0].end_line) for s in speeches] == [(1, 7), (8, 14)]


def test_a_file_without_speech_names_the_line_most_like_one(tmp_path: Path) -> None:
    path = tmp_path / "噪声.txt"
    path.write_text("首页 | 范文网\n以下是小编为大家收集的优秀范文，欢迎大家分享阅读。\n上一页 1 2 下一页\n", encoding="utf-8")
    result = runner.invoke(app, ["corpus", "add", str(path)])
    assert result.exit_code == 1
    err = [line for line in result.output.splitlines() if line.startswith("错误")]
    assert len(err) == 1 and f"{path}:2" in err[0] and "编者导语" in err[0]
    assert "Traceback" not in result.output


def test_add_explain_shows_each_removed_line_and_stores_nothing(tmp_path: Path) -> None:
    path = tmp_path / "页面.txt"
    path.write_text("当前位置：首页 >> 讲话\n在全县工作会议上的讲话\n同志们：\n" + BODY + "\n浏览次数：123\n", encoding="utf-8")
    result = runner.invoke(app, ["corpus", "add", "--explain", str(path)])
    assert result.exit_code == 0, result.output
    assert "第1行 去掉（导航）：当前位置：首页 >> 讲话" in result.output
    assert "第5行 去掉（元数据）：浏览次数：123" in result.output
    listed = runner.invoke(app, ["corpus", "list", "--no-bundled", "--json"])
    assert json.loads(listed.output) == []


@pytest.mark.parametrize(
    ("title", "paragraphs", "kind", "genre"),
    [
        ("在全镇乡村振兴推进会上的表态发言", ["各位领导、同志们：", "我代表镇党委表态如下。"], "speech", "表态发言"),
        ("开工仪式主持词", ["各位领导、同志们：", "现在开会。"], "speech", "主持词"),
        (None, ["同志们：", "今天会议议程有三项。下面进行会议第一项，请某某同志通报情况。大家欢迎。"
                "下面进行会议第二项，请某某同志讲话。"], "speech", "主持词"),
        ("在座谈会上的致辞", ["尊敬的各位来宾："], "speech", "致辞"),
        ("在全市工作推进会上的讲话提纲", ["一、提高认识"], "speech", "提纲"),
        ("在全市抗疫总结表彰大会上的讲话", ["同志们："], "speech", "总结表彰讲话"),
        ("在创建文明城市动员大会上的讲话", ["同志们："], "speech", "动员讲话"),
        ("在全县乡村振兴推进会上的讲话", ["同志们："], "speech", "推进讲话"),
        ("在全县安全生产工作会议上的讲话", ["同志们："], "speech", "部署讲话"),
        ("防汛应急预案", ["一、总则"], "plan", "方案"),
        ("关于做好防汛工作的通知", ["特此通知。"], "notice", None),
    ],
)
def test_genres(title: str | None, paragraphs: list[str], kind: str, genre: str | None) -> None:
    assert genre_of(title, paragraphs, kind) == genre


def test_list_and_stats_show_genres(tmp_path: Path) -> None:
    path = tmp_path / "表态.txt"
    path.write_text("在全镇乡村振兴推进会上的表态发言\n各位领导、同志们：\n我代表镇党委表态。我们将压实责任，"
                    "请各位领导放心。\n一、压实责任\n我们一定抓好落实。\n", encoding="utf-8")
    assert runner.invoke(app, ["corpus", "add", str(path)]).exit_code == 0
    listed = runner.invoke(app, ["corpus", "list", "--no-bundled"])
    assert "表态发言" in listed.output
    stats = runner.invoke(app, ["corpus", "stats", "--no-bundled", "--json"])
    assert json.loads(stats.output)["by_genre"] == {"表态发言": 1}


def test_the_duplicate_index_finds_what_a_full_scan_finds() -> None:
    import random

    from drafter.corpus.dedup import PrintIndex, find_duplicate, fingerprint

    rng = random.Random(5)
    words = ["压实责任", "排查隐患", "加强领导", "狠抓落实", "强化督查", "完善机制", "提升能力", "守住底线",
             "防汛抗旱", "森林防火", "乡村振兴", "营商环境", "生态保护", "安全生产", "食品安全", "文明创建"]
    texts = ["，".join(rng.choice(words) for _ in range(40)) + "。" for _ in range(60)]
    texts += [t[:-1] + "，要抓好落实。" for t in texts[:20]]  # near-duplicates of the first twenty
    index = PrintIndex()
    plain: list[tuple[int, frozenset[int]]] = []
    for k, text in enumerate(texts):
        fp = fingerprint(text)
        assert find_duplicate(fp, index) == find_duplicate(fp, plain), k
        index[k] = fp
        plain.append((k, fp))
    assert sum(find_duplicate(fingerprint(t), PrintIndex(plain[:60])) is not None for t in texts[60:]) == 20
