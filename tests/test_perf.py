"""Performance changes keep behaviour: --jobs gives the same store and models as one process,
a warm `drafter new` stays free of heavy imports, and the fast paths compute what the slow
ones did."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import NamedTuple

import pytest
from click.testing import CliRunner

from drafter.cli import app

REPO = Path(__file__).resolve().parent.parent
HEAVY = ("jieba", "questionary", "prompt_toolkit", "opencc", "charset_normalizer", "docx", "pydantic",
         "typer")


class Build(NamedTuple):
    home: Path
    store_hash: str
    model: bytes
    output: str  # what the command printed


@pytest.fixture(scope="module")
def built(trained_home: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[int, Build]:
    """A serial build (the session's trained home, built with one process) and a build by
    `drafter corpus build --jobs 2` in an empty home, by number of processes.

    The second runs in this process, with the size threshold at 0 so --jobs 2 really forks
    on the seeds.
    """
    from drafter.corpus.store import open_store

    def store_hash(home: Path) -> str:
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("DRAFTER_HOME", str(home))
            store = open_store()
            digest = store.content_hash()
            store.close()
        return digest

    def model_bytes(home: Path) -> bytes:
        (model,) = (home / "cache").glob("phrasebook-*.json")
        return model.read_bytes()

    serial = tmp_path_factory.mktemp("jobs1")
    shutil.copytree(trained_home, serial, dirs_exist_ok=True)
    parallel = tmp_path_factory.mktemp("jobs2")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DRAFTER_HOME", str(parallel))
        mp.setattr("drafter.jobs.MIN_PARALLEL_CHARS", 0)
        done = CliRunner().invoke(app, ["corpus", "build", "--jobs", "2"])
    assert done.exit_code == 0, done.output
    return {1: Build(serial, store_hash(serial), model_bytes(serial), ""),
            2: Build(parallel, store_hash(parallel), model_bytes(parallel), done.output)}


def test_jobs_really_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    import drafter.jobs as jobs_mod

    monkeypatch.setattr(jobs_mod, "MIN_PARALLEL_CHARS", 0)
    def slow_pid(_: int) -> int:
        time.sleep(0.05)  # long enough that both workers take chunks
        return os.getpid()

    pids = set(jobs_mod.parallel_map(slow_pid, list(range(16)), 2))
    assert len(pids) == 2 and os.getpid() not in pids
    # below the threshold the work stays in this process
    monkeypatch.setattr(jobs_mod, "MIN_PARALLEL_CHARS", 100)
    assert set(jobs_mod.parallel_map(lambda _: os.getpid(), list(range(16)), 2, size=10)) == {os.getpid()}


def test_cli_corpus_build_writes_the_same_model(built: dict[int, Build]) -> None:
    assert "已重建短语模型" in built[2].output and "2 个进程" in built[2].output
    assert len(list((built[2].home / "cache").glob("phrasebook-*.json"))) == 1
    assert built[2].model == built[1].model


def test_jobs_two_gives_byte_identical_store_and_models(built: dict[int, Build]) -> None:
    assert built[1].store_hash == built[2].store_hash
    assert built[1].model == built[2].model
    assert len(built[1].model) > 10_000


def test_warm_new_imports_nothing_heavy(built: dict[int, Build], tmp_path: Path) -> None:
    home = built[2].home
    out = tmp_path / "o.md"
    env = dict(os.environ, DRAFTER_HOME=str(home))
    cmd = [sys.executable, "-X", "importtime", "-m", "drafter", "new", "--no-input", "--seed", "5",
           "-o", str(out)]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=REPO, check=True)
    imported = {m.group(1).split(".")[0]
                for m in re.finditer(r"^import time:.*\|\s*(\S+)\s*$", done.stderr, re.M)}
    assert "drafter" in imported and "jinja2" in imported  # the trace is real
    assert not imported & set(HEAVY), imported & set(HEAVY)
    assert out.read_text(encoding="utf-8").startswith("---")
    # the model cache was used as is: no retraining happened
    assert len(list((home / "cache").glob("phrasebook-*.json"))) == 1


# what the command line used to be built on: typer (~85 ms to import) and the pydantic it
# runs every value through (~0.2 s); click, which replaced both, must not bring them back
NOT_THE_CLI = ("typer", "pydantic", "pydantic_core")
_PROBE = """
import json, sys
from drafter.cli import main
sys.argv, code = ["drafter", *sys.argv[1:]], None
try:
    main()
except SystemExit as exc:
    code = exc.code
print(json.dumps({"exit": code, "modules": sorted({m.split(".")[0] for m in sys.modules})}))
"""


def test_new_in_a_process_never_imports_typer_or_pydantic(drafter_home: Path,
                                                          tmp_path: Path) -> None:
    out = tmp_path / "o.md"
    env = dict(os.environ, DRAFTER_HOME=str(drafter_home))
    done = subprocess.run([sys.executable, "-c", _PROBE, "new", "--no-input", "--seed", "5",
                           "-o", str(out)], env=env, capture_output=True, text=True, cwd=tmp_path,
                          check=True)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["exit"] in (0, None), done.stderr
    assert out.read_text(encoding="utf-8").startswith("---")  # the command really ran
    modules = set(report["modules"])
    assert {"click", "jinja2", "drafter"} <= modules  # the probe sees what was imported
    assert not modules & set(NOT_THE_CLI), sorted(modules & set(NOT_THE_CLI))


# drafter's own modules a warm `new` or `regen` has no use for: checking, renumbering, parsing
# speeches, reading references, de-duplication, the phrase book itself, prompts and progress
NOT_FOR_DRAFTING = (
    "drafter.outline.check", "drafter.outline.fmt", "drafter.structure.parse",
    "drafter.structure.segment", "drafter.topics.refs", "drafter.topics.harvest",
    "drafter.corpus.dedup", "drafter.phrases.book", "drafter.phrases.facts", "drafter.jobs",
    "drafter.mine", "rich", "markovify", "multiprocessing",
)


def _imported(cmd: list[str], home: Path, cwd: Path) -> set[str]:
    """Every module (and each of its parent packages) a command's process imports."""
    env = dict(os.environ, DRAFTER_HOME=str(home))
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "drafter", *cmd], env=env,
                          capture_output=True, text=True, cwd=cwd, check=True)
    names = {m.group(1) for m in re.finditer(r"^import time:.*\|\s*(\S+)\s*$", done.stderr, re.M)}
    return {".".join(n.split(".")[:k]) for n in names for k in range(1, n.count(".") + 2)}


def test_warm_new_and_regen_import_only_what_drafting_needs(drafter_home: Path,
                                                           tmp_path: Path) -> None:
    """Lazy imports are the start-up time of a warm `new`: a module pulled in again fails."""
    out = tmp_path / "o.md"
    new = _imported(["new", "--no-input", "--topic", "安全生产", "--seed", "5", "-o", str(out)],
                    drafter_home, tmp_path)
    assert "drafter.render" in new and "jinja2" in new  # the trace is real
    assert not new & set(NOT_FOR_DRAFTING + HEAVY), sorted(new & set(NOT_FOR_DRAFTING + HEAVY))
    regen = _imported(["regen", str(out), "2", "--seed", "3"], drafter_home, tmp_path)
    assert "drafter.outline.regen" in regen
    assert not regen & set(NOT_FOR_DRAFTING + HEAVY), sorted(regen & set(NOT_FOR_DRAFTING + HEAVY))


def test_a_second_new_opens_no_store_and_parses_no_toml(drafter_home: Path, tmp_path: Path) -> None:
    """Once a run has worked out the store's key and parsed the templates and frames, the next
    `new` reads them back: no sqlite, no tomllib, no importlib.resources."""
    _imported(["new", "--no-input", "--seed", "5", "-o", str(tmp_path / "a.md")], drafter_home, tmp_path)
    second = _imported(["new", "--no-input", "--seed", "6", "-o", str(tmp_path / "b.md")], drafter_home, tmp_path)
    assert "drafter.render" in second  # the trace is real
    slow = {"sqlite3", "tomllib", "importlib.resources"}  # (jinja2 imports tempfile itself)
    assert not second & slow, sorted(second & slow)


def test_the_stores_key_is_known_only_while_the_store_is_unchanged(drafter_home: Path,
                                                                    tmp_path: Path) -> None:
    from drafter.corpus import open_store
    from drafter.phrases.cache import cache_key, known_cache_key, remember_cache_key

    store = open_store()
    key = remember_cache_key(store)
    assert key == cache_key(store) and known_cache_key() == key
    speech = tmp_path / "讲话.txt"
    speech.write_text("在全市安全生产工作会议上的讲话\n同志们：\n今天召开会议，部署安全生产工作。\n"
                      "一、提高认识\n要认清形势，压实责任。\n二、狠抓落实\n要排查隐患，严格执法。\n",
                      encoding="utf-8")
    store.add([speech])
    store.close()
    assert known_cache_key() is None  # SQLite's change counter moved: the key is worked out again
    store = open_store()
    assert remember_cache_key(store) != key and known_cache_key() == cache_key(store)
    store.close()


def test_a_store_changed_while_its_key_is_worked_out_is_not_remembered(drafter_home: Path, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # another process commits a speech between reading the store and saving its key: the key
    # of the old corpus is not kept against the new store file
    from drafter.corpus import open_store
    from drafter.phrases import cache as cache_mod

    store = open_store()
    speech = tmp_path / "讲话.txt"
    speech.write_text("在全市防汛工作会议上的讲话\n同志们：\n今天召开会议，部署防汛工作。\n"
                      "一、提高认识\n要认清形势，压实责任。\n二、狠抓落实\n要加固病险水库，做好应急值守。\n",
                      encoding="utf-8")
    real = cache_mod.cache_key

    def key_then_commit(s):  # type: ignore[no-untyped-def]
        key = real(s)
        other = open_store()
        other.add([speech])
        other.close()
        return key

    monkeypatch.setattr(cache_mod, "cache_key", key_then_commit)
    stale = cache_mod.remember_cache_key(store)
    monkeypatch.setattr(cache_mod, "cache_key", real)
    assert cache_mod.known_cache_key() != stale
    store.close()


def test_a_store_in_wal_mode_is_always_opened(drafter_home: Path) -> None:
    # in WAL mode SQLite's change counter stands still: the stamp cannot vouch for the store
    import sqlite3

    from drafter.corpus import open_store
    from drafter.corpus.files import store_path
    from drafter.phrases.cache import known_cache_key, remember_cache_key

    store = open_store()
    remember_cache_key(store)
    assert known_cache_key() is not None  # the trace is real: a rollback-journal store is vouched for
    store.close()
    db = sqlite3.connect(store_path())
    db.execute("PRAGMA journal_mode=WAL")
    db.close()
    store = open_store()
    remember_cache_key(store)
    store.close()
    assert known_cache_key() is None


def test_same_seed_same_outline_across_processes(built: dict[int, Build], tmp_path: Path) -> None:
    texts = []
    for jobs in (1, 2):
        out = tmp_path / f"o{jobs}.md"
        env = dict(os.environ, DRAFTER_HOME=str(built[jobs].home))
        subprocess.run([sys.executable, "-m", "drafter", "new", "--no-input", "--seed", "11",
                        "-o", str(out)], env=env, check=True, capture_output=True, cwd=REPO)
        texts.append(out.read_bytes())
    assert texts[0] == texts[1]


def test_parallel_map_keeps_order_and_runs_closures(monkeypatch: pytest.MonkeyPatch) -> None:
    from drafter.jobs import parallel_map

    monkeypatch.setattr("drafter.jobs.MIN_PARALLEL_CHARS", 0)
    offset = 7
    items = list(range(40))
    assert parallel_map(lambda x: x * x + offset, items, 2) == [x * x + offset for x in items]
    assert parallel_map(str, items[:3], 2) == ["0", "1", "2"]  # too few: runs in process


def _reference_terms(docs: list[str]) -> list[str]:
    """mine_genre_terms as first written (str.count per candidate), for comparison."""
    from drafter.phrases import tokenize as tk

    joined = "\n".join(docs)
    tok = tk._jieba()
    counts: Counter[str] = Counter()
    doc_sets: dict[str, set[int]] = defaultdict(set)
    for i, doc in enumerate(docs):
        for m in tk._CJK4.finditer(doc):
            gram = m.group(1)
            if tk._STOP_CHARS.intersection(gram) or gram[0] in "上下" or gram[-1] in "新再":
                continue
            counts[gram] += 1
            doc_sets[gram].add(i)
    wanted = {g for g, c in counts.items() if c >= 3 and len(doc_sets[g]) >= 2
              and c >= 0.3 * max(joined.count(g[:2]), joined.count(g[2:]))}
    aligned: Counter[str] = Counter()
    inside: set[str] = set()
    for doc in docs:
        bounds, pos = {0}, 0
        for w in tok.cut(doc, HMM=False):
            pos += len(w)
            bounds.add(pos)
        for m in tk._CJK4.finditer(doc):
            gram, start = m.group(1), m.start()
            if gram in wanted and start in bounds and start + 4 in bounds:
                aligned[gram] += 1
                if any(start + k in bounds for k in (1, 2, 3)):
                    inside.add(gram)
    return sorted(g for g in inside if aligned[g] >= 0.8 * counts[g])


def test_genre_terms_same_as_reference_serial_and_parallel() -> None:
    from drafter.phrases.tokenize import mine_genre_terms

    docs = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((REPO / "seeds").glob("*.txt"))]
    docs += ["常常常常联防联控压实责任", "联防联控要常常抓，压实责任常常讲", "联防联控，压实责任，落细落实"]
    expected = _reference_terms(docs)
    assert expected  # the seeds do contain genre terms
    assert mine_genre_terms(docs) == expected
    import drafter.jobs

    drafter.jobs.MIN_PARALLEL_CHARS, saved = 0, drafter.jobs.MIN_PARALLEL_CHARS
    try:
        assert mine_genre_terms(docs, jobs=2) == expected
    finally:
        drafter.jobs.MIN_PARALLEL_CHARS = saved


def test_corpus_add_jobs_matches_serial(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from drafter.corpus.store import open_store

    files = sorted((REPO / "seeds").glob("*.txt"))
    folder = tmp_path / "in"
    folder.mkdir()
    for f in files:  # the seeds again under other names: parallel reads, then dedup merges
        (folder / f"copy-{f.name}").write_text(f.read_text("utf-8") + "\n同志们：\n", "utf-8")
    (folder / "bad.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    monkeypatch.setattr("drafter.jobs.MIN_PARALLEL_CHARS", 0)
    results = {}
    for jobs in (1, 2):
        monkeypatch.setenv("DRAFTER_HOME", str(tmp_path / f"home{jobs}"))
        store = open_store(jobs=jobs)
        added = store.add([folder], jobs=jobs)
        results[jobs] = ([(Path(r.path).name, r.status, r.pieces, r.merged, r.dropped, r.error)
                          for r in added], store.content_hash(), store.rows())
        store.close()
    assert results[1] == results[2]
    assert any(status == "error" for _, status, *_ in results[2][0])
