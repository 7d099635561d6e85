"""The SQLite corpus store: bundled seeds, add/remove, duplicates, errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.corpus import load_file, open_store
from drafter.corpus.store import store_path
from drafter.errors import InputError, StoreError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SPEECH = """在全县安全生产工作会议上的讲话

同志们：
今天召开这次会议，主要任务是分析当前形势，部署下一阶段工作。
一、提高认识，切实增强安全生产的责任感
安全生产事关人民群众生命财产安全，各级各部门要高度重视。
二、突出重点，扎实开展隐患排查整治
要盯住重点行业、重点领域，做到排查不留死角。
同志们，做好安全生产工作责任重大，我们要扎实工作，确保全县安全形势稳定。
"""


def _snapshot(store) -> tuple:  # type: ignore[no-untyped-def]
    return (store.rows(), store.stats(), store.content_hash(), store.dropped_lines())


def test_bundled_seeds_are_present_without_add() -> None:
    store = open_store()
    stats = store.stats()
    assert stats["pieces"] == 21 and stats["sources"] == 5
    assert stats["by_kind"] == {"other": 1, "plan": 4, "report": 4, "speech": 12}
    assert stats["duplicates_merged"] == 1
    assert stats["noise_lines_dropped"] > 50
    assert stats["flagged_sentences"] > 30
    assert len(store.speeches()) == 12
    assert store_path().is_file()


def test_reopening_does_not_ingest_twice() -> None:
    first = open_store()
    h = first.content_hash()
    first.close()
    again = open_store()
    assert again.content_hash() == h and again.stats()["pieces"] == 21


def test_add_user_file_and_leave_bundled_out(tmp_path: Path) -> None:
    f = tmp_path / "讲话.txt"
    f.write_text(SPEECH, encoding="utf-8")
    store = open_store()
    before = store.content_hash()
    [res] = store.add([f])
    assert res.status == "added" and res.pieces == 1
    assert store.content_hash() != before
    mine = open_store(include_bundled=False)
    [row] = mine.rows()
    assert row["title"] == "在全县安全生产工作会议上的讲话" and row["kind"] == "speech"
    assert row["sources"] == [{"path": str(f.resolve()), "start_line": 1, "end_line": 9}]
    shown = mine.describe(row["id"])
    assert shown["text"].split("\n")[0] == "同志们："
    assert [s.title for s in mine.speeches()] == ["在全县安全生产工作会议上的讲话"]
    # adding the same file again changes nothing
    [again] = store.add([f])
    assert again.status == "unchanged"
    # removing its only piece forgets the file, so it can be added again
    store.remove(row["id"])
    assert open_store(include_bundled=False).stats()["sources"] == 0
    [back] = store.add([f])
    assert back.status == "added"


def test_add_then_remove_leaves_store_as_it_was(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(SPEECH, encoding="utf-8")
    store = open_store()
    before = _snapshot(store)
    store.add([f])
    store.remove(str(f))
    assert _snapshot(store) == before


def test_duplicate_of_a_seed_is_recorded_as_a_second_source(tmp_path: Path) -> None:
    src = SEEDS / "003_8365b2b985bd8c5c.txt"
    copy = tmp_path / "copy.txt"
    copy.write_bytes(src.read_text(encoding="utf-8").encode("gbk"))
    store = open_store()
    before = store.stats()["pieces"]
    [res] = store.add([copy])
    assert res.status == "added" and res.pieces == 0 and res.merged == 5
    assert store.stats()["pieces"] == before
    piece = next(s for s in store.speeches() if s.title == "新冠肺炎疫情防控工作会议上的讲话")
    assert len(piece.sources) == 4


def test_bad_files_are_reported_and_others_still_added(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(SPEECH, encoding="utf-8")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    store = open_store()
    before = store.stats()["sources"]
    results = {Path(r.path).name: r for r in store.add([binary, empty, good])}
    assert results["bin.txt"].status == "error" and "bin.txt" in (results["bin.txt"].error or "")
    assert results["empty.txt"].status == "error" and "空" in (results["empty.txt"].error or "")
    assert results["good.txt"].status == "added"
    assert store.stats()["sources"] == before + 1


@pytest.mark.parametrize(
    "name,data,words",
    [
        ("x.bin", b"\x00\x01\x02\x03binary", "二进制"),
        ("x.txt", b"", "空"),
        ("x.doc", b"\xd0\xcf\x11\xe0", "docx"),
    ],
)
def test_load_file_errors_name_the_file(tmp_path: Path, name: str, data: bytes, words: str) -> None:
    f = tmp_path / name
    f.write_bytes(data)
    with pytest.raises(InputError) as err:
        load_file(f)
    assert name in str(err.value) and words in str(err.value)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="不存在"):
        load_file(tmp_path / "nope.txt")


def test_big5_file_is_read(tmp_path: Path) -> None:
    f = tmp_path / "big5.txt"
    f.write_bytes("在全縣工作會議上的講話\n同志們：\n今天召開這次會議，部署當前工作。".encode("big5"))
    [speech] = load_file(f)
    assert speech.title == "在全县工作会议上的讲话"
    assert speech.paragraphs == ["同志们：", "今天召开这次会议，部署当前工作。"]


def test_corrupt_database_is_never_recreated() -> None:
    path = store_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    junk = b"this is not a database" * 100
    path.write_bytes(junk)
    with pytest.raises(StoreError, match="损坏"):
        open_store()
    assert path.read_bytes() == junk


@pytest.mark.cold_home
def test_foreign_sqlite_file_is_refused() -> None:
    path = store_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE mine (x)")
    with pytest.raises(StoreError, match="不是 drafter 的语料库"):
        open_store()


def test_locked_database_gives_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    open_store().close()
    locker = sqlite3.connect(store_path())
    locker.execute("BEGIN EXCLUSIVE")
    # the store waits two seconds for a lock before it gives up; the giving up is what counts
    connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **kw: connect(*a, **{**kw, "timeout": 0.05}))
    try:
        f = tmp_path / "a.txt"
        f.write_text(SPEECH, encoding="utf-8")
        with pytest.raises(StoreError, match="锁定"):
            open_store().add([f])
    finally:
        locker.rollback()
        locker.close()


def test_remove_piece_and_unknown_id() -> None:
    store = open_store()
    sid = store.rows()[0]["id"]
    store.remove(sid)
    assert all(r["id"] != sid for r in store.rows())
    store.close()
    store = open_store()  # a removed seed piece does not come back on the next open
    assert all(r["id"] != sid for r in store.rows()) and len(store.rows()) == 20
    with pytest.raises(StoreError, match="没有编号"):
        store.remove(99999)
    with pytest.raises(StoreError, match="没有编号"):
        store.get(99999)


LINES = st.lists(
    st.sampled_from([
        "在某某会议上的讲话", "同志们：", "一、提高认识", "要切实加强领导，落实责任。",
        "二、狠抓落实", "回复 支持 反对", "当前位置：首页 >> 讲话", "", "（一）细致摸排底数。",
        "今天召开会议,主要任务是部署工作。", "XX，要统筹做好防汛防疫。", "篇一", "第二篇：在某某会议上的讲话",
    ]),
    min_size=1,
    max_size=25,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=LINES)
def test_property_add_then_remove_restores_store(tmp_path: Path, lines: list[str]) -> None:
    f = tmp_path / "prop.txt"
    f.write_text("\n".join(lines), encoding="utf-8")
    store = open_store()
    before = _snapshot(store)
    [res] = store.add([f])
    if res.status == "added":
        store.remove(str(f))
    assert _snapshot(store) == before
    store.close()
