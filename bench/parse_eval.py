"""Heading precision/recall/F1, level accuracy and level-1 F1 of the structure parser, on the
seeds' gold (../shared/gold/seeds-skeletons.json) and on ../shared/dev-archive (hand
annotations in its annotations.json). Reads the third-party files at run time; prints figures.

    .venv/bin/python bench/parse_eval.py [--misses]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
GOLD = SHARED / "gold" / "seeds-skeletons.json"
DEV = SHARED / "dev-archive"
sys.path.insert(0, str(REPO))

from drafter.corpus import clean_text  # noqa: E402
from drafter.corpus.reader import read_page  # noqa: E402
from drafter.errors import DrafterError  # noqa: E402
from drafter.structure import parse_skeleton  # noqa: E402
from drafter.structure.score import Scores, score  # noqa: E402


def eval_gold(path: Path = GOLD, seeds: Path = REPO / "seeds") -> Scores:
    """The parser on every piece of the seed pages, against the hand-checked gold."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    parsed: dict[tuple[str, int], list[dict]] = {}
    for page in sorted(seeds.glob("*.txt")):
        for speech in read_page(page).speeches:
            heads = parse_skeleton(speech).to_gold_dict()["headings"]
            for span in speech.sources:
                parsed[(Path(span.path).name, span.start_line)] = heads
    return score((f"{g['file']}:{g['start_line']}", g["headings"],
                  parsed.get((g["file"], g["start_line"]), [])) for g in gold)


def _clean_heading(h: dict) -> dict:
    return {"level": h["level"], "marker": clean_text(h["marker"]),
            "text": clean_text(h["text"].replace("\n", ""))}


def eval_dev_archive(root: Path = DEV) -> tuple[Scores, list[str], tuple[int, int]]:
    """The whole pipeline (clean, split, parse) on each dev-archive file, against its
    annotations; also the files rejected as having no speech, and (salutations found,
    salutations annotated)."""
    notes = json.loads((root / "annotations.json").read_text(encoding="utf-8"))
    rejected: list[str] = []
    docs = []
    salutes = [0, 0]
    for note in notes:
        try:
            speeches = read_page(root / note["file"]).speeches
        except DrafterError:
            rejected.append(note["file"])
            speeches = []
        skels = [parse_skeleton(s) for s in speeches]
        pred = [h for sk in skels for h in sk.to_gold_dict()["headings"]]
        docs.append((note["file"], [_clean_heading(h) for h in note["headings"]], pred))
        if note["salutation"]:
            salutes[1] += 1
            salutes[0] += any(sk.salutation for sk in skels)
    return score(docs), rejected, (salutes[0], salutes[1])


def _line(name: str, s: Scores) -> str:
    f = s.figures()
    return (f"{name}: P {f['precision']:.3f}  R {f['recall']:.3f}  F1 {f['f1']:.3f}  "
            f"level acc {f['level_accuracy']:.3f}  level-1 F1 {f['level1_f1']:.3f}  "
            f"(gold {s.gold}, parsed {s.pred}, matched {s.matched})")


def main(argv: list[str]) -> int:
    show = "--misses" in argv
    if GOLD.exists():
        g = eval_gold()
        print(_line("seeds gold ", g))
        if show:
            for doc, what in g.misses:
                print(f"  {doc}  {what}")
    else:
        print("seeds gold: ../shared/gold absent, skipped")
    if (DEV / "annotations.json").exists():
        d, rejected, (found, total) = eval_dev_archive()
        print(_line("dev-archive", d))
        print(f"dev-archive: salutations found {found}/{total}")
        print(f"dev-archive: pages rejected {len(rejected)}" + (f" ({', '.join(rejected)})" if rejected else ""))
        if show:
            for doc, what in d.misses:
                print(f"  {doc}  {what}")
    else:
        print("dev-archive: ../shared/dev-archive absent, skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
