"""Speed and scale (issue 7): whole-process timings, each as a ratio to a floor from the same run.

Figures (medians of --runs whole-process runs unless marked "1 run"):
  * `drafter new --no-input --seed N -o FILE` with a warm model cache, and `drafter --help`,
    against the import floor `python -c "import typer, jinja2, markovify"` (targets 2.0x, 1.5x);
  * rebuilding store + phrase models (`drafter corpus build --jobs J`, fresh DRAFTER_HOME) from
    the bundled seeds, and from the corpus-extra unit gwr-national + cpc-congress (not the
    43 MB laws folder: too slow for `make bench`), against a process that only makes jieba
    segment the same text (target 1.5x);
  * the scaling curve at 1x, 2x, 4x, 8x of a unit (default: the bundled seeds, copies varied
    by rotating the clauses of every sentence so neither dedup nor the tagging memo sees
    repeats): build time, peak RSS (largest process, wait4 ru_maxrss), model-cache size; a
    table and bench/scaling.png;
  * generation throughput: outlines per second in one process through the library.
Every run gets its own DRAFTER_HOME in a temporary folder. Usage: python bench/speed.py
[--runs N] [--jobs J] [--no-extra] [--scale-unit seeds|extra] [--sizes 1,2,4,8]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXTRA = REPO.parent / "shared" / "corpus-extra"
EXTRA_UNIT = ("gwr-national", "cpc-congress")
PY = sys.executable
_SCRIPT = Path(PY).with_name("drafter")
DRAFTER = [str(_SCRIPT)] if _SCRIPT.exists() else [PY, "-m", "drafter"]
FLOOR_IMPORT = [PY, "-c", "import typer, jinja2, markovify"]
# The rebuild floor: a process that loads jieba and segments the files' text, nothing else.
JIEBA_FLOOR = ("import sys, jieba\njieba.setLogLevel(60)\n"
               "text = '\\n'.join(open(p, encoding='utf-8', errors='replace').read() for p in sys.argv[1:])\n"
               "for _ in jieba.cut(text):\n    pass\n")
_TMP = Path(tempfile.mkdtemp(prefix="drafter-bench-"))


def run(cmd: list[str], home: Path | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS in MB (largest process of the tree) of one whole process."""
    env = dict(os.environ)
    env["DRAFTER_HOME"] = str(home or (_TMP / "home-default"))
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err}")
    return seconds, usage.ru_maxrss // 1024


def median_of(cmd: list[str], runs: int, home: Path | None = None) -> float:
    return statistics.median(run(cmd, home)[0] for _ in range(runs))


def fresh_home(name: str) -> Path:
    home = _TMP / name
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    return home


def line(label: str, value: float, floor: float, target: float | None, unit: str = "s") -> None:
    ratio = value / floor
    verdict = "" if target is None else (f"  target <= {target:.1f}x: " + ("met" if ratio <= target else "NOT met"))
    print(f"  {label:<52} {value:7.3f} {unit}   floor {floor:7.3f} {unit}   ratio {ratio:5.2f}x{verdict}",
          flush=True)


# ---- corpora ----------------------------------------------------------------------------
def seed_files() -> list[Path]:
    from drafter.data import bundled_dir

    return sorted(bundled_dir("seeds").glob("*.txt"))


def extra_files() -> list[Path]:
    return [f for sub in EXTRA_UNIT for f in sorted((EXTRA / sub).glob("*.txt"))]


def chars_of(files: list[Path]) -> int:
    return sum(len(f.read_text("utf-8", errors="replace")) for f in files)


_MARKS = "，；。！？,;!?"
_CLAUSES = re.compile(f"[^{_MARKS}]+[{_MARKS}]?")


# Genre synonyms swapped in the copies: new sentences and shingles, still ordinary text.
_SYNONYMS = [w.split("/") for w in (
    "工作/任务/事业/工作 加强/强化/加大/增强 推进/推动/促进/加快 落实/贯彻/执行/落地 全面/全力/切实/全面 "
    "坚持/坚定/始终/坚持 建设/构建/打造/建设 发展/进步/提升/发展 问题/难题/短板/问题 组织/部门/单位/组织 "
    "严格/从严/严肃/严格 提高/提升/增强/提高 群众/人民/百姓/群众 防控/防范/管控/防控 重要/关键/重大/重要 "
    "做好/抓好/办好/做好 确保/保证/保障/确保 责任/职责/使命/责任 各级/各地/各方/各级 进一步/更加/持续/进一步 "
    "疫情/风险/隐患/疫情 管理/治理/监管/管理 机制/制度/体系/机制 服务/保障/支持/服务 要求/部署/安排/要求"
).split()]
_SYN_RE = re.compile("|".join(sorted((a[0] for a in _SYNONYMS), key=len, reverse=True)))
_SYN = {a[0]: a[1:] for a in _SYNONYMS}


def varied(text: str, k: int) -> str:
    """Copy k of a text: genre words swapped for synonyms (which one depends on k and on the
    occurrence) and each sentence's clauses rotated by k, so dedup keeps the copies apart and
    the lines are new to the tagger; heading lines keep their marker, so structure parses."""
    count = iter(range(1 << 30))
    text = _SYN_RE.sub(
        lambda m: _SYN[m.group(0)][((next(count) * 2654435761 + k * 40503) >> 11) % 3], text)
    out = []
    for ln in text.split("\n"):
        parts = re.split(r"(?<=[。！？!?])", ln)
        new = []
        for sent in parts:
            clauses = _CLAUSES.findall(sent)
            if len(clauses) >= 2:
                marks = [c[-1] if c[-1] in _MARKS else "" for c in clauses]
                bodies = [c.rstrip(_MARKS) for c in clauses]
                r = k % len(bodies)
                bodies = bodies[r:] + bodies[:r]
                sent = "".join(b + m for b, m in zip(bodies, marks))
            new.append(sent)
        out.append("".join(new))
    return "\n".join(out)


def scaled_folder(unit: list[Path], copies: int, name: str) -> Path:
    """`copies` varied copies (k = 1..copies) of the unit files in one folder."""
    folder = _TMP / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for k in range(1, copies + 1):
        for f in unit:
            (folder / f"v{k}-{f.name}").write_text(varied(f.read_text("utf-8", errors="replace"), k), "utf-8")
    return folder


def stored_chars(home: Path) -> int:
    """Characters of speech pieces in the store (what the models are trained on)."""
    import sqlite3

    db = sqlite3.connect(home / "data" / "corpus.sqlite3")
    try:
        return int(db.execute("SELECT COALESCE(SUM(chars), 0) FROM pieces WHERE kind='speech'").fetchone()[0])
    finally:
        db.close()


def cache_mb(home: Path) -> float:
    return sum(p.stat().st_size for p in (home / "cache").glob("phrasebook-*")) / 1e6


# ---- figures ----------------------------------------------------------------------------
def cli_figures(runs: int) -> None:
    print("\n[1] command start-up (warm model cache), median of", runs, "runs", flush=True)
    home = fresh_home("warm")
    run(DRAFTER + ["corpus", "build", "--jobs", "2"], home)  # warm the store and model cache
    out = home / "outline.md"
    new = DRAFTER + ["new", "--no-input", "--seed", "7", "-o", str(out), "--force"]
    run(new, home)  # first run after the build: page cache, .pyc files
    floor = median_of(FLOOR_IMPORT, runs)
    line("drafter new --no-input --seed 7 -o FILE", median_of(new, runs, home), floor, 2.0)
    line("drafter --help", median_of(DRAFTER + ["--help"], runs, home), floor, 1.5)
    print(f"  (floor = python -c \"import typer, jinja2, markovify\")")


def rebuild_figures(runs: int, jobs: int, with_extra: bool) -> None:
    print(f"\n[2] rebuild store + phrase models, fresh DRAFTER_HOME", flush=True)
    seeds = seed_files()
    floor = median_of([PY, "-c", JIEBA_FLOOR] + [str(f) for f in seeds], runs)
    print(f"  bundled seeds: {len(seeds)} files, {chars_of(seeds):,} characters; median of {runs} runs")
    times = [run(DRAFTER + ["corpus", "build", "--jobs", str(jobs)], fresh_home("rb"))[0]
             for _ in range(runs)]
    line(f"drafter corpus build --jobs {jobs}", statistics.median(times), floor, 1.5)
    print("  (floor = a process that imports jieba and segments the same text; below 200k")
    print("   characters --jobs runs in one process, forking would cost more than it saves)")
    if not with_extra:
        return
    files = extra_files()
    if not files:
        print("  corpus-extra not found: skipped")
        return
    both = seeds + files
    print(f"  corpus-extra {'+'.join(EXTRA_UNIT)} + seeds: {len(both)} files, "
          f"{chars_of(both):,} characters; 1 run each (a run takes minutes)", flush=True)
    floor = run([PY, "-c", JIEBA_FLOOR] + [str(f) for f in both])[0]
    cmd = DRAFTER + ["corpus", "add", "--json", "--build", "--jobs", str(jobs)] + [str(EXTRA / s) for s in EXTRA_UNIT]
    seconds, rss = run(cmd, fresh_home("rbx"))
    line(f"drafter corpus add --build --jobs {jobs} (extra unit)", seconds, floor, 1.5)
    print(f"  peak RSS {rss} MB, model cache {cache_mb(_TMP / 'rbx'):.1f} MB")


def scaling(jobs: int, unit_name: str, sizes: list[int]) -> None:
    unit = seed_files() if unit_name == "seeds" else extra_files()
    print(f"\n[3] scaling: unit = {unit_name} ({len(unit)} files, {chars_of(unit):,} characters), "
          f"--jobs {jobs}, 1 run per size", flush=True)
    rows = []
    for size in sizes:
        home = fresh_home(f"scale{size}")
        if unit_name == "seeds":  # the seeds are the 1x; add varied copies for the rest
            cmd = DRAFTER + ["corpus", "build", "--jobs", str(jobs)]
            if size > 1:
                cmd = DRAFTER + ["corpus", "add", "--json", "--build", "--jobs", str(jobs),
                                 str(scaled_folder(unit, size - 1, f"copies{size}"))]
        else:
            folder = scaled_folder(unit, size - 1, f"copies{size}")
            for f in unit:
                shutil.copy(f, folder / f.name)
            cmd = DRAFTER + ["corpus", "add", "--json", "--build", "--jobs", str(jobs), str(folder)]
        seconds, rss = run(cmd, home)
        rows.append((size, seconds, rss, cache_mb(home), stored_chars(home)))
        print(f"  {size}x done: {seconds:.1f} s", flush=True)
    base = rows[0]
    print(f"\n  {'size':>5} {'speech chars':>12} {'build s':>8} {'peak MB':>8} {'cache MB':>9} "
          f"{'time/linear':>11} {'mem/linear':>10} {'marginal s/100k chars':>22}")
    prev = None
    for size, s, rss, mb, ch in rows:
        grow = ch / base[4]  # linear reference: the speech text actually stored (dedup may merge)
        # the cost of the text added since the previous size: flat = linear, rising = worse
        marginal = "" if prev is None else f"{(s - prev[0]) / ((ch - prev[1]) / 1e5):.2f}"
        print(f"  {size:>4}x {ch:>12,} {s:>8.2f} {rss:>8d} {mb:>9.2f} {s / (base[1] * grow):>10.2f}x "
              f"{rss / (base[2] * grow):>9.2f}x {marginal:>22}")
        prev = (s, ch)
    worst = max(s / (base[1] * ch / base[4]) for _, s, _, _, ch in rows)
    mem = max(r / (base[2] * ch / base[4]) for _, _, r, _, ch in rows)
    print(f"  growth: time at most {worst:.2f}x of linear, peak memory at most {mem:.2f}x of linear "
          f"(<= 1.00: no worse than linear in the stored speech text)")
    plot(rows, unit_name, jobs)
    breakdown(home, jobs)


def breakdown(home: Path, jobs: int) -> None:
    """Where the largest build spends its time: the same model build, in this process, timed
    per stage (store already filled by the run above)."""
    import json as _json

    code = f"""
import json, os, time
os.environ["DRAFTER_HOME"] = {str(home)!r}
T = time.perf_counter
marks = {{}}
def timed(mod, name):
    fn = getattr(mod, name)
    def wrapper(*a, **k):
        t = T(); r = fn(*a, **k); marks[name] = marks.get(name, 0) + T() - t; return r
    setattr(mod, name, wrapper)
t0 = T()
import drafter.phrases.tokenize as tk, drafter.phrases.build as bd
marks["import jieba + POS tag table"] = T() - t0
timed(bd, "mine_genre_terms"); timed(tk.Tokenizer, "prime"); timed(bd, "mine_corpus_topic")
from drafter.corpus.store import open_store
from drafter.phrases.cache import load_phrasebook
t = T(); store = open_store(); speeches = store.speeches(); marks["open store, read speeches"] = T() - t
from drafter.structure import parse_skeleton
t = T(); [parse_skeleton(s) for s in speeches]; marks["parse skeletons"] = T() - t
t = T(); load_phrasebook(store, jobs={jobs}, rebuild=True); total = T() - t
marks["train (all)"] = total
print(json.dumps(marks))
"""
    env = dict(os.environ, DRAFTER_HOME=str(home))
    done = subprocess.run([PY, "-c", code], env=env, capture_output=True, text=True, check=True)
    marks = _json.loads(done.stdout.strip().splitlines()[-1])
    total = marks.pop("train (all)")
    names = {"mine_genre_terms": "  jieba dictionary load + genre terms (cut)",
             "prime": "  POS tagging every line (jieba.posseg, HMM)",
             "mine_corpus_topic": "  corpus topic"}
    print(f"\n  where the largest build goes (--jobs {jobs}, one process, stages timed):")
    for key, value in marks.items():
        print(f"    {names.get(key, key):<48} {value:7.2f} s")
    rest = total - sum(v for k, v in marks.items() if k in names)
    print(f"    {'  rest of training (lines, novelty index)':<48} {rest:7.2f} s   (train total {total:.2f} s)")


def plot(rows: list[tuple[int, float, int, float, int]], unit_name: str, jobs: int) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    chars = [r[4] / 1000 for r in rows]
    fig, axes = plt.subplots(1, 3, figsize=(12, 3.6))
    for ax, idx, label in zip(axes, (1, 2, 3), ("build time (s)", "peak RSS (MB)", "model cache (MB)")):
        values = [r[idx] for r in rows]
        ax.plot(chars, values, "o-", label="measured")
        ax.plot(chars, [values[0] * c / chars[0] for c in chars], "--", color="grey",
                label="linear from 1x")
        ax.set_xlabel(f"speech text stored (k chars; {unit_name} x {', '.join(str(r[0]) for r in rows)})")
        ax.set_title(label)
        ax.set_ylim(bottom=0)
        ax.legend(fontsize=8)
    fig.suptitle(f"drafter rebuild scaling (--jobs {jobs})")
    fig.tight_layout()
    out = REPO / "bench" / "scaling.png"
    fig.savefig(out, dpi=100)
    print(f"  plot: {out.relative_to(REPO)}")


def throughput(count: int) -> None:
    """Outlines per second in one process, model already loaded (library calls only)."""
    print(f"\n[4] generation throughput (library, one process, {count} outlines)", flush=True)
    home = _TMP / "warm"
    os.environ["DRAFTER_HOME"] = str(home)
    from drafter.outline.generate import build_outline, closing_from_source, renderer_for
    from drafter.templates import list_templates

    templates = list_templates()
    renderer_for(templates[0], {}, 0)  # load the model once, outside the timing
    started = time.perf_counter()
    for i in range(count):
        t = templates[i % len(templates)]
        build_outline(t.id, {"topic": "安全生产"}, i, renderer_for(t, {"topic": "安全生产"}, i),
                      closing=closing_from_source(t))
    seconds = time.perf_counter() - started
    floor, _ = run(DRAFTER + ["new", "--no-input", "--seed", "1", "-o", str(home / "t.md"), "--force"], home)
    print(f"  {count / seconds:7.2f} outlines/s ({1000 * seconds / count:.0f} ms each) "
          f"vs one `drafter new` process {floor:.3f} s: {floor / (seconds / count):.1f}x faster per outline")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-extra", action="store_true", help="skip the corpus-extra rebuild")
    parser.add_argument("--scale-unit", choices=("seeds", "extra"), default="seeds")
    parser.add_argument("--sizes", default="1,2,4,8")
    parser.add_argument("--outlines", type=int, default=30)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    print(f"cores: {len(os.sched_getaffinity(0))}, python {sys.version.split()[0]}, DRAFTER_HOME under {_TMP}")
    try:
        cli_figures(args.runs)
        rebuild_figures(max(3, args.runs // 2), args.jobs, not args.no_extra)
        scaling(args.jobs, args.scale_unit, [int(s) for s in args.sizes.split(",")])
        throughput(args.outlines)
    finally:
        shutil.rmtree(_TMP, ignore_errors=True)


if __name__ == "__main__":
    main()
