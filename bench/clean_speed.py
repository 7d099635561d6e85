"""Cleaning throughput of the corpus reader (decode → clean → split → kind → flag → dedup).

Reports pieces/s and MB/s on the bundled seeds and, when ../shared/corpus-extra exists, on a
bounded sample of it (gwr-national + cpc-congress, ~4 MB), next to the time jieba needs to
segment the same text (the corpus rebuild budget is 1.5× jieba), and the time of a full
store build of the seeds. Usage: python bench/clean_speed.py [--reps N]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXTRA = REPO.parent / "shared" / "corpus-extra"
EXTRA_SAMPLE = ("gwr-national", "cpc-congress")


def _files() -> list[tuple[str, list[Path]]]:
    from drafter.data import bundled_dir

    sets = [("seeds (bundled)", sorted(bundled_dir("seeds").glob("*.txt")))]
    if EXTRA.is_dir():
        sample = [f for sub in EXTRA_SAMPLE for f in sorted((EXTRA / sub).glob("*.txt"))]
        if sample:
            sets.append(("corpus-extra " + "+".join(EXTRA_SAMPLE), sample))
    return sets


def _clean(files: list[Path], reps: int) -> tuple[float, int]:
    from drafter.corpus.reader import read_page

    pieces = 0
    started = time.perf_counter()
    for _ in range(reps):
        pieces = sum(len(read_page(f).speeches) for f in files)
    return (time.perf_counter() - started) / reps, pieces


def _jieba(files: list[Path]) -> float:
    import jieba  # bench only: the comparison the rebuild budget is stated against

    jieba.setLogLevel(60)
    jieba.initialize()
    text = "\n".join(f.read_text(encoding="utf-8", errors="replace") for f in files)
    started = time.perf_counter()
    for _ in jieba.cut(text):
        pass
    return time.perf_counter() - started


def _store_build() -> float:
    with tempfile.TemporaryDirectory() as home:
        os.environ["DRAFTER_HOME"] = home
        from drafter.corpus import open_store

        started = time.perf_counter()
        open_store().close()
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reps", type=int, default=10, help="repetitions on the seeds")
    args = parser.parse_args()
    from drafter.corpus.normalize import clean_text

    clean_text("預熱")  # load OpenCC once, outside the timings
    rows = []
    for name, files in _files():
        mb = sum(f.stat().st_size for f in files) / 1e6
        reps = args.reps if mb < 1 else 1
        seconds, pieces = _clean(files, reps)
        jieba_s = _jieba(files)
        rows.append((name, len(files), mb, pieces, seconds, jieba_s))
    header = f"{'corpus':<40} {'files':>5} {'MB':>6} {'pieces':>6} {'clean s':>8} {'pieces/s':>9} {'MB/s':>6} {'jieba s':>8} {'clean/jieba':>11}"
    print(header)
    print("-" * len(header))
    for name, n, mb, pieces, s, js in rows:
        print(f"{name:<40} {n:>5} {mb:>6.2f} {pieces:>6} {s:>8.3f} {pieces / s:>9.1f} {mb / s:>6.2f} {js:>8.3f} {s / js:>11.2f}")
    print(f"\nfull store build of the bundled seeds (fresh DRAFTER_HOME): {_store_build():.3f} s")


if __name__ == "__main__":
    main()
