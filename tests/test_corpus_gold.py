"""The seeds against the hand-checked gold: pieces, titles, kinds, spans, clean text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafter.corpus import is_garbled, load_file, open_store
from drafter.corpus.garble import split_sentences
from drafter.corpus.noise import line_reason
from drafter.corpus.punct import normalize_punct
from drafter.model import Speech

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
NOISE_SNIPPETS = [
    "当前位置", "上传日期", "小编", "下载此文档", "付费", "扫码支付", "<image>", "data:image",
    "本文档由", "收集整理", "回复 支持", "使用道具", "Powered by", "登录", "以下是", "毛片",
    "你可能感兴趣", "相关范文推荐", "热门文档", "新华社记者", "剖析材料最新",
]


@pytest.fixture(scope="module")
def stored() -> list[Speech]:
    return open_store().speeches(kind=None)


def _norm(title: str | None) -> str | None:
    return None if title is None else normalize_punct(title)


def _matches(speech: Speech, piece: dict) -> bool:
    return any(
        Path(s.path).name == piece["file"]
        and (s.start_line, s.end_line) == (piece["start_line"], piece["end_line"])
        for s in speech.sources
    )


def test_every_gold_piece_is_found_with_title_kind_and_span(gold: list[dict], stored: list[Speech]) -> None:
    for piece in gold:
        found = [s for s in stored if _matches(s, piece)]
        assert len(found) == 1, f"{piece['file']} #{piece['index']} not found"
        speech = found[0]
        assert speech.kind == piece["kind"], piece
        assert speech.title == _norm(piece["title"]), piece


def test_no_extra_pieces_and_duplicates_share_one_piece(gold: list[dict], stored: list[Speech]) -> None:
    for speech in stored:
        for span in speech.sources:
            assert any(
                Path(span.path).name == p["file"] and (span.start_line, span.end_line) == (p["start_line"], p["end_line"])
                for p in gold
            ), f"extra piece {speech.title} {span}"
    merged = [s for s in stored if len(s.sources) > 1]
    assert len(merged) == 1
    assert len(stored) == len(gold) - 1
    assert {Path(s.path).name for s in merged[0].sources} == {"003_8365b2b985bd8c5c.txt"}


def test_stored_text_is_clean(stored: list[Speech]) -> None:
    import opencc

    t2s = opencc.OpenCC("t2s")
    for speech in stored:
        text = speech.text
        assert not re.search(f"[{TONED}]", text), speech.title
        assert t2s.convert(text) == text, speech.title
        assert not re.search("[\u4e00-\u9fff],[\u4e00-\u9fff]", text), speech.title
        for para in speech.paragraphs:
            assert para.strip() == para and para, speech.title
            assert line_reason(para) is None, para
            for snippet in NOISE_SNIPPETS:
                assert snippet not in para, (snippet, para[:40])


def test_every_damaged_span_is_flagged(stored: list[Speech]) -> None:
    damaged = re.compile("[\ufffd\ue000-\uf8ff\u3040-\u30ff]|[?？][A-Za-z]")
    total = 0
    for speech in stored:
        for para in speech.paragraphs:
            for sentence in split_sentences(para):
                if damaged.search(sentence):
                    assert sentence in speech.flagged, sentence
                    total += 1
        assert all(any(s in p for p in speech.paragraphs) for s in speech.flagged)
        assert len(set(speech.flagged)) == len(speech.flagged)
    assert total >= 30  # 000 is full of mojibake; all of it must be caught


def test_clean_sentences_are_not_flagged(stored: list[Speech]) -> None:
    speech = next(s for s in stored if s.title == "县长在疫情防控安排部署会上的讲话提纲")
    assert speech.flagged == []
    assert not any(is_garbled(s) for p in speech.paragraphs for s in split_sentences(p))


def test_the_garbled_heading_line_is_flagged(stored: list[Speech]) -> None:
    piece = next(s for s in stored if s.sources[0].start_line == 95 and "000_" in s.sources[0].path)
    heading = next(p for p in piece.paragraphs if p.startswith("三要强化进口冷链"))
    assert split_sentences(heading)[0] in piece.flagged


def test_placeholders_are_kept(stored: list[Speech]) -> None:
    text = "\n".join(s.text for s in stored)
    for mark in ("XX", "××", "***", "x市", "xx"):
        assert mark in text


def test_paragraphs_are_source_lines(gold: list[dict], stored: list[Speech]) -> None:
    speech = next(s for s in stored if s.title == "县长在疫情防控安排部署会上的讲话提纲")
    assert speech.paragraphs[0] == "按照会议安排，下面我就全县疫情防控工作讲几点意见："
    assert speech.paragraphs[1].startswith("一、提高认识")
    assert len(speech.paragraphs) == 9


def test_no_gold_line_is_taken_for_noise(gold: list[dict]) -> None:
    for piece in gold:
        lines = [piece["title"], piece["salutation"], piece["opening"], piece["closing"]]
        lines += [h["marker"] + h["text"] for h in piece["headings"]]
        for line in filter(None, lines):
            assert line_reason(normalize_punct(line)) is None, line


def _gbk_copy(src: Path, dst: Path) -> Path:
    text = src.read_text(encoding="utf-8").replace("\xa0", " ")
    try:
        data = text.encode("gbk")
    except UnicodeEncodeError:  # private-use mojibake has no GBK code: use its superset
        data = text.encode("gb18030")
    dst.write_bytes(data)
    return dst


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_gbk_copy_cleans_to_the_same_pieces(name: str, tmp_path: Path) -> None:
    utf8 = tmp_path / "utf8.txt"
    utf8.write_text((SEEDS / name).read_text(encoding="utf-8").replace("\xa0", " "), encoding="utf-8")
    gbk = _gbk_copy(SEEDS / name, tmp_path / "gbk.txt")
    a, b = load_file(utf8), load_file(gbk)
    assert [(s.title, s.kind, s.paragraphs, s.flagged) for s in a] == [
        (s.title, s.kind, s.paragraphs, s.flagged) for s in b
    ]
    assert [[(x.start_line, x.end_line) for x in s.sources] for s in a] == [
        [(x.start_line, x.end_line) for x in s.sources] for s in b
    ]
    original = load_file(SEEDS / name)
    assert [s.paragraphs for s in original] == [s.paragraphs for s in a]
