"""The compiled cache: warm runs read JSON without jieba; a changed corpus rebuilds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from phrases_support import FakeStore, load_skeletons

from drafter.phrases import cache as cache_mod
from drafter.phrases.cache import cache_path, load_phrasebook

WARM_SCRIPT = """
import sys
sys.path.insert(0, {tests!r})
from phrases_support import FakeStore, load_skeletons, load_template
from drafter.phrases.cache import load_phrasebook
from drafter.render import render_outline
store = FakeStore(load_skeletons(4))
book = load_phrasebook(store, parse=lambda s: (_ for _ in ()).throw(AssertionError("retrained")))
print(render_outline(load_template(), {{"topic": "安全生产"}}, 3, book=book)[:40])
"""


def test_cold_builds_then_warm_loads_without_jieba(drafter_home: Path) -> None:
    store = FakeStore(load_skeletons(4))
    book = load_phrasebook(store, parse=store.parse)
    path = cache_path(store)
    assert path.exists() and path.parent == drafter_home / "cache"
    assert json.loads(path.read_text("utf-8"))["meta"]["corpus_hash"] == store.content_hash()
    assert book.novelty_sentences and book.topic.corpus_topic == "疫情防控"
    tests_dir = str(Path(__file__).resolve().parent)
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", WARM_SCRIPT.format(tests=tests_dir)],
        capture_output=True, text=True, check=True,
        env={"DRAFTER_HOME": str(drafter_home), "PATH": "/usr/bin:/bin"},
    )
    imported = {line.split("|")[-1].strip() for line in proc.stderr.splitlines() if "|" in line}
    assert "drafter.render" in imported
    assert not any(name.split(".")[0] == "jieba" for name in imported)
    assert proc.stdout.startswith("# 在安全生产工作会议上的讲话")


def test_changed_corpus_invalidates(drafter_home: Path) -> None:
    calls: list[int] = []
    store = FakeStore(load_skeletons(3))

    def parse(speech):  # type: ignore[no-untyped-def]
        calls.append(1)
        return store.parse(speech)

    load_phrasebook(store, parse=parse)
    built = len(calls)
    cache_mod._MEMO.clear()
    load_phrasebook(store, parse=parse)
    assert len(calls) == built  # warm: nothing parsed or trained again
    grown = FakeStore(load_skeletons(4))
    load_phrasebook(grown, parse=grown.parse)
    assert cache_path(grown) != cache_path(store)
    assert cache_path(grown).exists() and not cache_path(store).exists()


def test_damaged_cache_is_rebuilt(drafter_home: Path) -> None:
    store = FakeStore(load_skeletons(3))
    load_phrasebook(store, parse=store.parse)
    cache_mod._MEMO.clear()
    cache_path(store).write_text("{not json", "utf-8")
    book = load_phrasebook(store, parse=store.parse)
    assert book.novelty_sentences and json.loads(cache_path(store).read_text("utf-8"))
