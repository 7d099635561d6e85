"""Score parsed headings against hand annotations: precision, recall, F1, level accuracy and
level-1 F1 (pure: lists of heading dicts in, figures out; the caller reads the files).

Two headings match when their markers agree after punctuation and width normalisation, and
one text starts with the other (annotators and the parser may differ on where a heading glued
to its body ends); the shorter text must keep at least half of the longer one. Headings are
aligned in document order (longest common subsequence), so each matches at most once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

_PUNCT = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？",
                        ".": "．", "。": "。"})
_SPACE = re.compile(r"\s+")


def norm(text: str | None) -> str:
    """Punctuation to full width, no blanks or line breaks."""
    return _SPACE.sub("", (text or "").translate(_PUNCT))


def same_heading(gold: dict, pred: dict) -> bool:
    """True when two heading dicts ({"marker", "text"}) name the same heading."""
    if norm(gold["marker"]).rstrip("，：、．") != norm(pred["marker"]).rstrip("，：、．"):
        return False
    a, b = norm(gold["text"]), norm(pred["text"])
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return bool(short) and long_.startswith(short) and 2 * len(short) >= len(long_)


def align(gold: Sequence[dict], pred: Sequence[dict],
          same: Callable[[dict, dict], bool] = same_heading) -> list[tuple[int, int]]:
    """Longest common subsequence of matching headings, as (gold index, pred index) pairs."""
    n, m = len(gold), len(pred)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if same(gold[i], pred[j]):
                table[i][j] = table[i + 1][j + 1] + 1
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if same(gold[i], pred[j]) and table[i][j] == table[i + 1][j + 1] + 1:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    """Counts over many documents, and the figures derived from them."""

    gold: int = 0
    pred: int = 0
    matched: int = 0
    level_ok: int = 0
    gold1: int = 0  # level-1 headings in the gold
    pred1: int = 0  # level-1 headings parsed
    matched1: int = 0  # matched pairs that are level 1 on both sides
    misses: list[tuple[str, str]] = field(default_factory=list)  # (document, what went wrong)

    def add(self, doc: str, gold: Sequence[dict], pred: Sequence[dict]) -> None:
        """Count one document's headings."""
        pairs = align(gold, pred)
        self.gold += len(gold)
        self.pred += len(pred)
        self.matched += len(pairs)
        self.level_ok += sum(gold[i]["level"] == pred[j]["level"] for i, j in pairs)
        self.gold1 += sum(h["level"] == 1 for h in gold)
        self.pred1 += sum(h["level"] == 1 for h in pred)
        self.matched1 += sum(gold[i]["level"] == 1 and pred[j]["level"] == 1 for i, j in pairs)
        got_gold = {i for i, _ in pairs}
        got_pred = {j for _, j in pairs}
        for i, h in enumerate(gold):
            if i not in got_gold:
                self.misses.append((doc, f"漏 L{h['level']} {h['marker']}{h['text']}"))
        for j, h in enumerate(pred):
            if j not in got_pred:
                self.misses.append((doc, f"多 L{h['level']} {h['marker']}{h['text']}"))
        for i, j in pairs:
            if gold[i]["level"] != pred[j]["level"]:
                self.misses.append(
                    (doc, f"级 L{gold[i]['level']}→L{pred[j]['level']} {gold[i]['marker']}{gold[i]['text']}"))

    @property
    def precision(self) -> float:
        return self.matched / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def level_accuracy(self) -> float:
        return self.level_ok / self.matched if self.matched else 1.0

    @property
    def level1_f1(self) -> float:
        p = self.matched1 / self.pred1 if self.pred1 else 1.0
        r = self.matched1 / self.gold1 if self.gold1 else 1.0
        return _f1(p, r)

    def figures(self) -> dict[str, float]:
        """The five figures, rounded to 3 places."""
        return {k: round(v, 3) for k, v in (
            ("precision", self.precision), ("recall", self.recall), ("f1", self.f1),
            ("level_accuracy", self.level_accuracy), ("level1_f1", self.level1_f1))}


def score(docs: Iterable[tuple[str, Sequence[dict], Sequence[dict]]]) -> Scores:
    """Scores over (document name, gold headings, parsed headings) triples."""
    out = Scores()
    for doc, gold, pred in docs:
        out.add(doc, gold, pred)
    return out
