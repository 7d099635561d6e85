"""Blind reading of whole outlines: drafter's headings next to real speeches' headings.

  sheet OUT_DIR   for each topic, one outline written by `drafter new` (its headings, with
                  levels) and the headings of real speeches on the same topic from
                  ../shared/dev-archive/annotations.json, shuffled and labelled A, B, C…;
                  writes OUT_DIR/sheet.md (the reader's brief and the outlines),
                  OUT_DIR/ratings.tsv (to fill in) and the key apart (--key, default
                  OUT_DIR.key.tsv, beside the folder, not in it)
  score RATINGS KEY
                  kept / rewrite / discarded % of headings and mean 1–5 score per source
                  (drafter vs real) and per topic

Markers are rewritten by level (一、 /（一）/ 1.) and real headings go through drafter's
public `clean_text` (simplified characters, full-width punctuation), so neither the marker
family nor the page's damage tells the reader which outline is which. Titles are not shown.
Sheets are written outside the repository: they hold third-party headings.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from statistics import mean

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from measures.lines import outline_lines  # noqa: E402

REPO = HERE.parent
ARCHIVE = REPO.parent / "shared" / "dev-archive"
DEFAULT_TOPICS = "安全生产,乡村振兴,优化营商环境,防汛,生态环境保护,党风廉政建设"
NUMERALS = "一二三四五六七八九十"
RATINGS = {
    "keep": "keep",
    "k": "keep",
    "留": "keep",
    "保留": "keep",
    "rewrite": "rewrite",
    "r": "rewrite",
    "改": "rewrite",
    "改写": "rewrite",
    "discard": "discard",
    "d": "discard",
    "弃": "discard",
    "删": "discard",
    "删除": "discard",
}
BRIEF = """# 盲读评分表：讲话稿提纲

请以县市机关资深写稿人的眼光读下面的提纲。每组是同一主题的几份提纲，只给出各级标题
（编号已统一改写，标题不显示），来源不告诉你。

- 每个标题：在 ratings.tsv 的 rating 列填 keep（原样或稍改即可留用）、rewrite（意思可取，要重写）
  或 discard（不能用：不是这个主题的事、空话、与上级标题无关、重复）。
- 每份提纲：在它自己那一行（编号只有字母，如 `A`）填 1–5 分，“我会不会从这份提纲开始写”：
  5 直接用，4 小改，3 有骨架可用，2 大部分要换，1 不能用。
- 有的提纲只有开头部分（原稿截断），只按已有的标题评分，不因篇幅短扣分。
"""


def level_marker(level: int, index: int) -> str:
    n = NUMERALS[index] if index < len(NUMERALS) else str(index + 1)
    return {1: f"{n}、", 2: f"（{n}）"}.get(level, f"{index + 1}.")


def labels(count: int) -> list[str]:
    out = []
    for i in range(count):
        label, k = "", i
        while True:
            label = chr(ord("A") + k % 26) + label
            k = k // 26 - 1
            if k < 0:
                break
        out.append(label)
    return out


def generated_headings(
    drafter: str,
    home: Path,
    topic: str,
    seed: int,
    template: str | None,
    extra: list[str],
    out: Path,
) -> list[tuple[int, str]]:
    args = [
        drafter,
        "new",
        "--no-input",
        "--topic",
        topic,
        "--seed",
        str(seed),
        "-o",
        str(out),
        "--force",
    ]
    if template:
        args += ["-t", template]
    done = subprocess.run(
        args + extra,
        check=False,
        env=dict(os.environ, DRAFTER_HOME=str(home)),
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    if done.returncode:
        raise SystemExit(f"drafter new failed for {topic}: {done.stderr.strip()}")
    text = out.read_text(encoding="utf-8")
    return [(ln.level, ln.text) for ln in outline_lines(text) if ln.kind == "heading"]


def real_outlines(topic: str, limit: int) -> list[tuple[str, list[tuple[int, str]]]]:
    """Headings of the archive's real speeches on `topic`, the fullest first."""
    from drafter import clean_text

    notes = json.loads((ARCHIVE / "annotations.json").read_text(encoding="utf-8"))
    found = []
    for note in notes:
        if note["topic"] != topic and not (topic in note["topic"] or note["topic"] in topic):
            continue
        heads = [
            (h["level"], clean_text(h["text"].replace("\n", "")).strip()) for h in note["headings"]
        ]
        heads = [(lv, t) for lv, t in heads if len(t) >= 4]
        seen, unique = set(), []
        for lv, t in heads:  # a page's outline block repeats its headings in the body
            if t not in seen:
                seen.add(t)
                unique.append((lv, t))
        if len(unique) >= 2:
            found.append((note["file"], unique))
    found.sort(key=lambda item: (-len(item[1]), item[0]))
    return found[:limit]


def write_sheet(args) -> int:
    out_dir = args.out_dir.resolve()
    if REPO in out_dir.parents or out_dir == REPO:
        raise SystemExit(
            "blind sheets hold third-party headings: write them outside the repository"
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    key_path = (args.key or out_dir.with_name(out_dir.name + ".key.tsv")).resolve()
    if out_dir in key_path.parents:
        raise SystemExit("the key must not be inside the reader's folder")
    rng = random.Random(args.shuffle_seed)
    items = []  # (topic, source, detail, headings)
    with tempfile.TemporaryDirectory(prefix="drafter-blind-") as tmp:
        home = args.home or Path(tmp) / "home"
        for topic in [t.strip() for t in args.topics.split(",") if t.strip()]:
            real = real_outlines(topic, args.references)
            if not real:
                print(
                    f"skipped {topic}: no real speech with headings in the archive", file=sys.stderr
                )
                continue
            heads = generated_headings(
                args.drafter,
                home,
                topic,
                args.seed,
                args.template,
                args.extra.split() if args.extra else [],
                Path(tmp) / f"{topic}.md",
            )
            group = [
                (
                    topic,
                    "drafter",
                    f"drafter new --topic {topic} --seed {args.seed}"
                    + (f" -t {args.template}" if args.template else "")
                    + (f" {args.extra}" if args.extra else ""),
                    heads,
                )
            ]
            group += [(topic, "real", file, h) for file, h in real]
            rng.shuffle(group)
            items += group
    if args.cut:
        items = [(t, src, d, h[: args.cut]) for t, src, d, h in items]
    names = labels(len(items))
    sheet = [BRIEF]
    rows = [("id", "topic", "text", "rating")]
    current = None
    for label, (topic, _, _, heads) in zip(names, items):
        if topic != current:
            sheet.append(f"\n## 主题：{topic}\n")
            current = topic
        sheet.append(f"\n### 提纲 {label}\n")
        rows.append((label, topic, "（整份提纲 1–5 分）", ""))
        counters: dict[int, int] = defaultdict(int)
        for number, (level, text) in enumerate(heads, 1):
            for deeper in [k for k in counters if k > level]:
                counters[deeper] = 0
            marker = level_marker(level, counters[level])
            counters[level] += 1
            sheet.append(f"{'  ' * (level - 1)}- `{label}.{number}` {marker}{text}")
            rows.append((f"{label}.{number}", topic, text, ""))
    (out_dir / "sheet.md").write_text("\n".join(sheet) + "\n", encoding="utf-8")
    with open(out_dir / "ratings.tsv", "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter="\t").writerows(rows)
    with open(key_path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t")
        writer.writerow(("id", "topic", "source", "detail", "headings"))
        for label, (topic, source, detail, heads) in zip(names, items):
            writer.writerow((label, topic, source, detail, len(heads)))
    print(
        f"sheet: {out_dir / 'sheet.md'}\nratings to fill: {out_dir / 'ratings.tsv'}\nkey (keep apart): {key_path}"
    )
    print(
        f"{len(items)} outlines on {len({i[0] for i in items})} topics, "
        f"{sum(len(i[3]) for i in items)} headings"
    )
    return 0


def read_tsv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def tally(ratings: list[dict[str, str]], key: list[dict[str, str]]) -> dict[str, dict]:
    """Per source and per (source, topic): heading ratings and outline scores."""
    source = {row["id"]: (row["source"], row["topic"]) for row in key}
    groups: dict[str, dict] = defaultdict(
        lambda: {"keep": 0, "rewrite": 0, "discard": 0, "scores": []}
    )
    problems = []
    for row in ratings:
        ident, value = row["id"].strip(), (row.get("rating") or "").strip()
        label = ident.split(".")[0]
        if label not in source:
            problems.append(f"{ident}: not in the key")
            continue
        if not value:
            problems.append(f"{ident}: no rating")
            continue
        src, topic = source[label]
        for name in (src, f"{src} / {topic}"):
            if "." in ident:
                if value.lower() not in RATINGS:
                    problems.append(f"{ident}: rating {value!r} is not keep/rewrite/discard")
                    break
                groups[name][RATINGS[value.lower()]] += 1
            else:
                try:
                    score = float(value)
                except ValueError:
                    problems.append(f"{ident}: score {value!r} is not 1–5")
                    break
                groups[name]["scores"].append(score)
    result = {}
    for name, g in sorted(groups.items()):
        n = g["keep"] + g["rewrite"] + g["discard"]
        result[name] = {
            "headings": n,
            "kept": g["keep"] / n if n else None,
            "rewrite": g["rewrite"] / n if n else None,
            "discarded": g["discard"] / n if n else None,
            "outlines": len(g["scores"]),
            "mean_score": mean(g["scores"]) if g["scores"] else None,
        }
    result["_problems"] = problems  # type: ignore[assignment]
    return result


def score(args) -> int:
    result = tally(read_tsv(args.ratings), read_tsv(args.key_file))
    problems = result.pop("_problems")
    print(
        f"{'source':<28}{'headings':>9}{'kept':>8}{'rewrite':>9}{'discard':>9}{'outlines':>9}{'mean':>6}"
    )

    def pct(v):
        return "     -" if v is None else f"{100 * v:5.0f}%"

    for name, r in result.items():
        mean_score = "   -" if r["mean_score"] is None else f"{r['mean_score']:.1f}"
        print(
            f"{name:<{28 - sum(1 for c in name if ord(c) > 0x2E80)}}{r['headings']:>9}{pct(r['kept']):>8}"
            f"{pct(r['rewrite']):>9}{pct(r['discarded']):>9}{r['outlines']:>9}{mean_score:>6}"
        )
    for p in problems:
        print(f"warning: {p}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Blind reading of whole outlines (sheet / score).")
    sub = parser.add_subparsers(dest="command")
    s = sub.add_parser("sheet", help="write a blind-reading sheet outside the repository")
    s.add_argument("out_dir", type=Path)
    s.add_argument(
        "--key", type=Path, help="where the key goes (default: OUT_DIR.key.tsv beside the folder)"
    )
    s.add_argument(
        "--topics", default=DEFAULT_TOPICS, help=f"comma-separated (default {DEFAULT_TOPICS})"
    )
    s.add_argument("--seed", type=int, default=1)
    s.add_argument("--template", help="template id (default: drafter's default)")
    s.add_argument(
        "--extra", default="", help="more `drafter new` arguments, e.g. '--ref notice.txt'"
    )
    s.add_argument("--references", type=int, default=2, help="real speeches per topic (default 2)")
    s.add_argument(
        "--cut",
        type=int,
        default=0,
        help="show only each outline's first N headings (default: whole outlines)",
    )
    s.add_argument("--shuffle-seed", type=int, default=11)
    s.add_argument("--home", type=Path, help="DRAFTER_HOME to use (default: a fresh one)")
    s.add_argument("--drafter", default=str(REPO / ".venv" / "bin" / "drafter"))
    c = sub.add_parser("score", help="kept / discarded %% and mean score per source")
    c.add_argument("ratings", type=Path)
    c.add_argument("key_file", type=Path)
    args = parser.parse_args(argv)
    if args.command == "sheet":
        return write_sheet(args)
    if args.command == "score":
        return score(args)
    parser.print_help()  # `make bench` runs every script without arguments: nothing to do
    return 0


if __name__ == "__main__":
    sys.exit(main())
