"""Line checks shared by heading and sentence generation: repeats, echoes, stutters."""

from __future__ import annotations

import re

_CLAUSE_MARKS = ("，", "；", "：")


def _clauses_of(text: str) -> list[str]:
    return [c for c in re.split(r"[，；：。！？]", text) if len(c) >= 4]


def _stutters(text: str) -> bool:
    """True when two clauses of one line say the same words twice (守土有责…守土有责)."""
    parts = _clauses_of(text)
    for i, a in enumerate(parts):
        grams = {a[k : k + 4] for k in range(len(a) - 3)}
        if any(g in b for b in parts[i + 1 :] for g in grams):
            return True
    return False


def _repeats(text: str, avoid: frozenset[str]) -> bool:
    """True when the line, or one of its clauses, is already in the outline."""
    if text in avoid:
        return True
    seen = {c for line in avoid for c in _clauses_of(line)}
    return any(c in seen for c in _clauses_of(text))


def _echoes(text: str, avoid: frozenset[str], topic: str, k: int = 6) -> bool:
    """True when a clause of `text` shares k characters (the topic counted as one) with a
    clause already in the outline: two headings ending 扎实推动各项…措施落地落实 read as one."""
    def grams(line: str) -> set[str]:
        out: set[str] = set()
        for c in _clauses_of(line.replace(topic, "◎") if topic else line):
            out |= {c[i : i + k] for i in range(len(c) - k + 1)}
        return out

    mine = grams(text)
    return any(mine & grams(line) for line in avoid)


def _doubled(tokens: list[str]) -> bool:
    """True when two clauses of one heading repeat a word (加大…力度，加大…; 维护…，做好维护…)."""
    seen: set[str] = set()
    current: set[str] = set()
    for tok in tokens + ["，"]:
        if tok in _CLAUSE_MARKS:
            if seen & current:
                return True
            seen |= current
            current = set()
        elif len(tok) >= 2 and not tok.startswith("〔"):
            current.add(tok)
    return False
