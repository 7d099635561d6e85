"""The parser against the hand-checked gold skeletons of the seed pages (issue 4, done-when).

Headings match when their markers agree (after punctuation normalisation: the corpus part
turns "," into "，") and one text starts with the other (gold repairs three headings whose
body was glued on without punctuation). Precision/recall/level accuracy are printed (-s).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.structure import parse_skeleton

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

_PUNCT = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"})


def norm(text: str | None) -> str:
    return (text or "").translate(_PUNCT).replace(" ", "")


def same_heading(g: dict, p: dict) -> bool:
    if norm(g["marker"]) != norm(p["marker"]):
        return False
    a, b = norm(g["text"]), norm(p["text"])
    return a == b or a.startswith(b) or b.startswith(a)


def align(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """Longest common subsequence of matching headings, as (gold index, pred index) pairs."""
    n, m = len(gold), len(pred)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if same_heading(gold[i], pred[j]):
                table[i][j] = table[i + 1][j + 1] + 1
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if same_heading(gold[i], pred[j]):
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


@pytest.fixture(scope="module")
def parsed() -> dict[tuple[str, int], dict]:
    """(seed file name, start line) -> skeleton dict, for every piece the corpus part finds."""
    from drafter.corpus import load_file

    out: dict[tuple[str, int], dict] = {}
    for path in sorted(SEEDS.glob("*.txt")):
        for speech in load_file(path):
            d = parse_skeleton(speech).to_gold_dict()
            for span in speech.sources:  # a de-duplicated piece stands for each of its copies
                out[(Path(span.path).name, span.start_line)] = d
    return out


def test_gold_figures(gold: list[dict], parsed: dict[tuple[str, int], dict]) -> None:
    tp = n_gold = n_pred = level_ok = 0
    framing = {"salutation": [0, 0], "opening": [0, 0], "closing": [0, 0]}
    for g in gold:
        p = parsed.get((g["file"], g["start_line"]))
        assert p is not None, f"corpus did not find piece {g['file']}:{g['start_line']}"
        pairs = align(g["headings"], p["headings"])
        tp += len(pairs)
        n_gold += len(g["headings"])
        n_pred += len(p["headings"])
        level_ok += sum(g["headings"][i]["level"] == p["headings"][j]["level"] for i, j in pairs)
        for key, counts in framing.items():
            if g[key]:
                counts[1] += 1
                counts[0] += bool(p[key]) and norm(p[key])[:12] == norm(g[key])[:12]
    precision, recall, level = tp / n_pred, tp / n_gold, level_ok / tp
    print(
        f"\n[gold] headings: precision {precision:.3f} recall {recall:.3f} "
        f"level accuracy {level:.3f} (gold {n_gold}, parsed {n_pred}, matched {tp})"
    )
    for key, (found, total) in framing.items():
        print(f"[gold] {key}: {found}/{total} found")
    assert precision >= 0.95
    assert recall >= 0.95
    assert level >= 0.95
    for key, (found, total) in framing.items():
        assert found == total, key
