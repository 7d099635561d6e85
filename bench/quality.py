"""Topic substance of drafter's outlines, measured through the CLI only (issue 11).

Every outline is written by the real command, `drafter new --no-input --topic T -t TEMPLATE
--seed S -o F.md` with DRAFTER_HOME pointing at a fresh folder per scenario, then read back as
lines (title, headings, body sentences) and scored against hand-written vocabularies in
bench/vocab/ (see bench/measures/ for the definitions). Scenarios:

  out-of-box  a fresh home: the bundled corpus only
  archive     a fresh home plus ../shared/dev-archive as the writer's corpus (`drafter corpus
              add` + `drafter mine`); 防汛 and 生态环境保护 are held out of tuning and reported apart;
              the archive's own speeches are scored the same way ("real speeches")
  ref         `--ref FILE`, FILE being one 2025 provincial work report's section on the topic
              (../shared/corpus-extra/policy/gwr-provincial-2025, read at run time): share of
              level-1/2 headings carrying a task of the reference, facts not in the reference

Run: .venv/bin/python bench/quality.py [--scenario all] [--json out.json] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from measures.lines import front_variables, outline_lines, speech_lines  # noqa: E402
from measures.metrics import (  # noqa: E402
    OutlineReading,
    lines_figures,
    overall,
    read_line,
    restated_flags,
    share,
    stock_pairs,
    swap_flags,
    topic_figures,
)
from measures.reference import (  # noqa: E402
    carries_task,
    invented_facts,
    pick_section,
    read_reports,
    verb_objects,
)
from measures.vocab import Vocabulary, load_vocabulary  # noqa: E402

REPO = HERE.parent
SHARED = REPO.parent / "shared"
ARCHIVE = SHARED / "dev-archive"
REPORTS = SHARED / "corpus-extra" / "policy" / "gwr-provincial-2025"
TUNED = ("anquan", "xiangcun", "yingshang", "lianzheng")
HELD_OUT = ("fangxun", "shengtai")
REF_TOPICS = (
    "anquan",
    "xiangcun",
    "yingshang",
    "shengtai",
    "fangxun",
    "jiuye",
    "jiaoyu",
    "zhaoshang",
)


class Drafter:
    """The CLI in one DRAFTER_HOME."""

    def __init__(self, exe: str, home: Path, timeout: float) -> None:
        self.exe, self.home, self.timeout = exe, home, timeout
        home.mkdir(parents=True, exist_ok=True)

    def run(self, *args: str) -> subprocess.CompletedProcess:
        env = dict(os.environ, DRAFTER_HOME=str(self.home))
        try:
            return subprocess.run(
                [self.exe, *args],
                check=False,
                env=env,
                capture_output=True,
                text=True,
                timeout=self.timeout,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            return subprocess.CompletedProcess(
                [self.exe, *args], 124, "", f"timeout {self.timeout}s"
            )

    def templates(self) -> list[str]:
        out = self.run("templates").stdout
        return [m.group(1) for m in re.finditer(r"^(\S+)\s{2,}\S", out, re.MULTILINE)]

    def new(
        self, topic: str, template: str, seed: int, out: Path, extra: list[str]
    ) -> tuple[str | None, str]:
        done = self.run(
            "new",
            "--no-input",
            "--topic",
            topic,
            "-t",
            template,
            "--seed",
            str(seed),
            "-o",
            str(out),
            "--force",
            *extra,
        )
        if done.returncode or not out.exists():
            lines = (done.stderr or done.stdout).strip().splitlines()
            return None, lines[-1] if lines else f"exit {done.returncode}"
        return out.read_text(encoding="utf-8"), ""


def plan(
    topic_ids: list[str], templates: list[str], seeds: int, grid: bool
) -> list[tuple[str, str, int]]:
    """(topic, template, seed) runs: every template × seed, or seeds 1..N rotating templates."""
    runs = []
    for seed in range(1, seeds + 1):
        chosen = templates if grid else [templates[(seed - 1) % len(templates)]]
        runs += [(t, template, seed) for template in chosen for t in topic_ids]
    return runs


def generate(
    drafter: Drafter,
    vocab: Vocabulary,
    runs,
    out_dir: Path,
    jobs: int,
    extra_for=lambda topic_id: [],
) -> tuple[list[OutlineReading], list[dict]]:
    out_dir.mkdir(parents=True, exist_ok=True)

    def one(run):
        topic_id, template, seed = run
        path = out_dir / f"{topic_id}-{template}-{seed}.md"
        text, error = drafter.new(
            vocab.topics[topic_id].name, template, seed, path, extra_for(topic_id)
        )
        return run, text, error

    readings, failures = [], []
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for (topic_id, template, seed), text, error in pool.map(one, runs):
            if text is None:
                failures.append(
                    {"topic": topic_id, "template": template, "seed": seed, "error": error}
                )
            else:
                readings.append(
                    OutlineReading.read(text, vocab.topics[topic_id], vocab, template, seed)
                )
    return readings, failures


def score(vocab: Vocabulary, readings: list[OutlineReading], allowed_extra=lambda o: []) -> dict:
    """Per-topic figures, swap against every other topic's outlines (any template or seed: a
    frame drawn with another seed is still the same frame), invented facts."""
    by_topic: dict[str, list[OutlineReading]] = {}
    for o in readings:
        by_topic.setdefault(o.topic, []).append(o)
    swaps = {
        id(o): swap_flags(o, [x for t, xs in by_topic.items() if t != o.topic for x in xs], vocab)
        for o in readings
    }
    stock = stock_pairs(readings, vocab)
    restated = {id(o): restated_flags(o, stock, vocab) for o in readings}
    per_topic = {}
    for topic_id in vocab.topics:
        mine = [o for o in readings if o.topic == topic_id]
        if not mine:
            continue
        figures = topic_figures(mine, swaps, restated)
        facts = [
            f
            for o in mine
            for f in invented_facts(  # over lines: numbering markers (1. 2.) are not figures
                "\n".join(r.line.text for r in o.lines),
                [*front_variables(o.markdown).values(), *allowed_extra(o)],
            )
        ]
        figures["invented_facts"] = len(facts)
        figures["invented_examples"] = sorted(set(facts))[:6]
        per_topic[topic_id] = figures
    return per_topic


def real_speeches(vocab: Vocabulary) -> dict:
    """On-topic and leak of the dev-archive's own speeches, per topic folder."""
    import drafter  # public API: the same cleaning a writer's `corpus add` applies

    notes = {
        a["file"]: a for a in json.loads((ARCHIVE / "annotations.json").read_text(encoding="utf-8"))
    }
    result = {}
    with tempfile.TemporaryDirectory() as tmp:
        for folder in sorted(p for p in ARCHIVE.iterdir() if p.is_dir()):
            if folder.name not in vocab.topics:
                continue
            topic = vocab.topics[folder.name]
            readings = []
            for path in sorted(folder.glob("*.txt")):
                text = path.read_text(encoding="utf-8", errors="replace")
                for noise in notes.get(f"{folder.name}/{path.name}", {}).get("noise", []):
                    text = text.replace(noise, "\n")
                clean = Path(tmp) / f"{folder.name}-{path.name}"
                clean.write_text(text, encoding="utf-8")
                for speech in drafter.load_file(clean):
                    readings += [
                        read_line(ln, topic, vocab)
                        for ln in speech_lines(speech.title, speech.paragraphs)
                    ]
            result[folder.name] = lines_figures(readings)
    return result


def pct(value) -> str:
    return "   -  " if value is None else f"{100 * value:5.1f}%"


def print_table(title: str, per_topic: dict, vocab: Vocabulary, extra_cols=()) -> None:
    print(f"\n{title}")
    head = (
        f"{'topic':<14}{'n':>3}{'lines':>6}{'on-topic':>9}{'head-on':>8}{'leak':>7}{'swap':>7}"
        f"{'swap-p':>7}{'swap-h':>7}{'distinct':>9}{'dist-p':>7}{'restate':>8}{'待写/o':>7}{'〔〕/o':>7}{'form':>5}{'facts':>6}"
    )
    head += "".join(f"{name:>8}" for name, _ in extra_cols)
    print(head + "  top leaks")
    for topic_id, f in per_topic.items():
        form = sum(f["form"].values())
        row = (
            f"{vocab.topics[topic_id].name:<{14 - len(vocab.topics[topic_id].name)}}{f['outlines']:>3}"
            f"{f['lines']:>6}{pct(f['on_topic']):>9}{pct(f['on_topic_headings']):>8}{pct(f['leak']):>7}"
            f"{pct(f['swap']):>7}{pct(f['swap_points']):>7}{pct(f['swap_headings']):>7}{pct(f['distinct']):>9}"
            f"{pct(f.get('distinct_points')):>7}{pct(f.get('restated')):>8}{f['todo_per_outline']:>7.1f}{f['fill_in_per_outline']:>7.1f}{form:>5}{f['invented_facts']:>6}"
        )
        row += "".join(f"{pct(f.get(key)):>8}" for _, key in extra_cols)
        print(row + "  " + " ".join(f"{t}×{n}" for t, n in f["top_leaks"][:4]))


def print_overall(label: str, per_topic: dict) -> dict:
    summary = overall(per_topic)
    parts = [
        f"{key} mean {pct(v['mean']).strip()} min {pct(v['min']).strip()} max {pct(v['max']).strip()}"
        if key != "todo_per_outline"
        else f"待写/outline mean {v['mean']:.1f} max {v['max']:.1f}"
        for key, v in summary.items()
    ]
    print(f"  {label} ({len(per_topic)} topics): " + "; ".join(parts))
    return summary


def scenario_out_of_box(args, vocab, work: Path) -> dict:
    drafter = Drafter(args.drafter, work / "home-out-of-box", args.timeout)
    drafter.new(vocab.topics[args.topics[0]].name, drafter.templates()[0], 0, work / "warm.md", [])
    templates = drafter.templates()
    readings, failures = generate(
        drafter,
        vocab,
        plan(args.topics, templates, args.seeds, args.grid),
        work / "out-of-box",
        args.jobs,
    )
    per_topic = score(vocab, readings)
    print_table("== out-of-box (bundled corpus only)", per_topic, vocab)
    summary = print_overall("overall", per_topic)
    return {
        "templates": templates,
        "failures": failures,
        "topics": per_topic,
        "overall": summary,
        "_readings": readings,
    }


def scenario_archive(args, vocab, work: Path, real: dict) -> dict:
    drafter = Drafter(args.drafter, work / "home-archive", args.timeout)
    files = sorted(str(p) for p in ARCHIVE.glob("*/*.txt"))
    added = drafter.run("corpus", "add", *files)
    mined = drafter.run("mine")
    templates = drafter.templates()
    readings, failures = generate(
        drafter,
        vocab,
        plan(args.topics, templates, args.seeds, args.grid),
        work / "archive",
        args.jobs,
    )
    per_topic = score(vocab, readings)
    print_table("== archive (dev-archive added as the writer's corpus)", per_topic, vocab)
    groups = {
        "tuned": [t for t in TUNED if t in per_topic],
        "held-out": [t for t in HELD_OUT if t in per_topic],
    }
    groups["not in archive"] = [t for t in per_topic if t not in TUNED + HELD_OUT]
    summaries = {
        name: print_overall(name, {t: per_topic[t] for t in ids})
        for name, ids in groups.items()
        if ids
    }
    print("  archive topics, ours vs real speeches (on-topic / leak):")
    for t in TUNED + HELD_OUT:
        if t in per_topic and t in real:
            tag = "held-out" if t in HELD_OUT else "tuned"
            print(
                f"    {vocab.topics[t].name:<{12 - len(vocab.topics[t].name)}} {tag:<9}"
                f" ours {pct(per_topic[t]['on_topic'])} / {pct(per_topic[t]['leak'])}"
                f"   real {pct(real[t]['on_topic'])} / {pct(real[t]['leak'])}"
            )
    return {
        "corpus_add": (added.stdout or added.stderr).strip().splitlines()[-1:],
        "mine": (mined.stdout or mined.stderr).strip().splitlines()[:1],
        "templates": templates,
        "failures": failures,
        "topics": per_topic,
        "groups": summaries,
    }


def scenario_ref(
    args, vocab, work: Path, home: Path | None = None, previous: list[OutlineReading] = ()
) -> dict:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    # the out-of-box home is reused when it was warmed in this run: --ref adds nothing to it
    drafter = Drafter(args.drafter, home or work / "home-ref", args.timeout)
    reports = read_reports(REPORTS)
    refs = {}
    for topic_id in [t for t in REF_TOPICS if t in args.topics]:
        section = pick_section(reports, vocab.topics[topic_id], vocab)
        if section:
            path = work / f"ref-{topic_id}.txt"
            path.write_text(section.text + "\n", encoding="utf-8")
            refs[topic_id] = (path, section)
    templates = drafter.templates()
    runs = plan(list(refs), templates, args.seeds, args.grid)
    first = runs[0]
    probe, error = drafter.new(
        vocab.topics[first[0]].name,
        first[1],
        first[2],
        work / "probe.md",
        ["--ref", str(refs[first[0]][0])],
    )
    if probe is None:  # one refusal is enough to know: do not pay for every run
        readings, failures = (
            [],
            [{"topic": t, "template": m, "seed": s, "error": error} for t, m, s in runs],
        )
    else:
        readings, failures = generate(
            drafter, vocab, runs, work / "ref", args.jobs, lambda t: ["--ref", str(refs[t][0])]
        )
    control = not readings
    if control:  # the CLI does not take --ref (yet): measure the same outlines without it
        known = {(o.topic, o.template, o.seed): o for o in previous}
        if all(run in known for run in runs):  # same command, same seed: the same outline
            readings = [known[run] for run in runs]
        else:
            readings, _ = generate(drafter, vocab, runs, work / "ref-control", args.jobs)
    per_topic = score(vocab, readings, lambda o: [refs[o.topic][1].text])

    def tag(text: str) -> list[tuple[str, str]]:
        return [(w.word, w.flag) for w in jieba.posseg.lcut(text)]

    for topic_id, figures in per_topic.items():
        topic, ref_text = vocab.topics[topic_id], refs[topic_id][1].text
        pairs = verb_objects(ref_text, tag, topic, vocab)
        heads = [
            ln
            for o in readings
            if o.topic == topic_id
            for ln in outline_lines(o.markdown)
            if ln.kind == "heading" and ln.level <= 2
        ]
        carried = [h for h in heads if carries_task(h.text, ref_text, topic, vocab, pairs)]
        figures["task_headings"] = share(len(carried), len(heads))
        figures["task_examples"] = [h.text for h in carried[:3]]
        figures["reference"] = {
            "file": refs[topic_id][1].source,
            "chars": len(ref_text),
            "first": refs[topic_id][1].paragraphs[0][:40],
        }
    label = "control: same runs WITHOUT --ref (the CLI rejected it)" if control else "with --ref"
    print_table(f"== ref ({label})", per_topic, vocab, [("task-h", "task_headings")])
    if failures:
        print(f"  {len(failures)}/{len(runs)} runs with --ref failed: {failures[0]['error']}")
    summary = print_overall("overall", per_topic)
    tasks = [f["task_headings"] for f in per_topic.values()]
    if tasks:
        print(
            f"  level-1/2 headings carrying a task of the reference: mean {pct(sum(tasks) / len(tasks)).strip()}"
            f", min {pct(min(tasks)).strip()}; invented facts: {sum(f['invented_facts'] for f in per_topic.values())}"
        )
    return {
        "ref_accepted": not control,
        "failures": failures,
        "topics": per_topic,
        "overall": summary,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--scenario", choices=["out-of-box", "archive", "ref", "all"], default="all"
    )
    parser.add_argument("--seeds", type=int, default=6, help="seeds 1..N per topic (default 6)")
    parser.add_argument(
        "--grid",
        action="store_true",
        help="every template × every seed (default: seed N uses template N mod count)",
    )
    parser.add_argument(
        "--topics", default="", help="comma-separated topic ids (default: every vocabulary)"
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds per drafter call")
    parser.add_argument("--drafter", default=str(REPO / ".venv" / "bin" / "drafter"))
    parser.add_argument("--json", type=Path, help="write every figure to this file")
    parser.add_argument("--keep", type=Path, help="keep homes and outlines in this folder")
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # progress shows when piped to a file
    vocab = load_vocabulary()
    args.topics = [t.strip() for t in args.topics.split(",") if t.strip()] or list(vocab.topics)
    unknown = [t for t in args.topics if t not in vocab.topics]
    if unknown:
        parser.error(f"unknown topic ids: {', '.join(unknown)} (have: {', '.join(vocab.topics)})")
    started = time.perf_counter()
    result: dict = {
        "vocabulary": {t.id: {"name": t.name, "terms": len(t.terms)} for t in vocab.topics.values()}
    }
    with tempfile.TemporaryDirectory(prefix="drafter-quality-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        real = real_speeches(vocab) if ARCHIVE.exists() else {}
        if real:
            result["real_speeches"] = real
            print("real speeches of ../shared/dev-archive (on-topic / leak per topic):")
            for t, f in real.items():
                print(
                    f"  {vocab.topics[t].name:<{12 - len(vocab.topics[t].name)}} {f['lines']:>4} lines"
                    f"  on-topic {pct(f['on_topic'])}  leak {pct(f['leak'])}  "
                    + " ".join(f"{w}×{n}" for w, n in f["top_leaks"][:4])
                )
            print(
                "  mean on-topic "
                + pct(sum(f["on_topic"] for f in real.values()) / len(real)).strip()
            )
        if args.scenario in ("out-of-box", "all"):
            result["out-of-box"] = scenario_out_of_box(args, vocab, work)
        if args.scenario in ("archive", "all"):
            if ARCHIVE.exists():
                result["archive"] = scenario_archive(args, vocab, work, real)
            else:
                print("archive: ../shared/dev-archive is absent, skipped")
        if args.scenario in ("ref", "all"):
            if REPORTS.exists():
                home = work / "home-out-of-box" if "out-of-box" in result else None
                previous = result.get("out-of-box", {}).get("_readings", [])
                result["ref"] = scenario_ref(args, vocab, work, home, previous)
            else:
                print("ref: ../shared/corpus-extra/policy/gwr-provincial-2025 is absent, skipped")
    result["seconds"] = round(time.perf_counter() - started, 1)
    print(f"\n{result['seconds']} s")
    result.get("out-of-box", {}).pop("_readings", None)
    if args.json:
        args.json.write_text(
            json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
