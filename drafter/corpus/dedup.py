"""Near-duplicate detection: the same speech reposted under another title, or with a few
words changed, is one piece with several sources."""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable
from typing import Any

_KEEP = re.compile(r"[\u4e00-\u9fff]")
SHINGLE = 4
THRESHOLD = 0.8
SAMPLE = 4


def fingerprint(text: str) -> frozenset[int]:
    """Hashed 4-character shingles of the Chinese characters of a text (sampled)."""
    chars = "".join(_KEEP.findall(text))
    if len(chars) < SHINGLE:
        return frozenset({hash(chars)}) if chars else frozenset()
    last = len(chars) - SHINGLE + 1
    # A fixed sample (shingles whose first character code is a multiple of 4): the same
    # shingles in every text and every run, a quarter of the set work.
    sample = frozenset(hash(chars[i : i + SHINGLE]) for i in range(last) if not ord(chars[i]) % SAMPLE)
    if len(sample) >= 8:
        return sample
    return frozenset(hash(chars[i : i + SHINGLE]) for i in range(last))


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    """Share of the smaller set found in the larger: 1.0 when one text contains the other."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & large) / len(small)


def similarity(a: frozenset[int], b: frozenset[int]) -> float:
    """Jaccard similarity of two fingerprints."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def is_duplicate(a: frozenset[int], b: frozenset[int]) -> bool:
    """Near-identical: high Jaccard, or one is the other with a line or two more."""
    if not a or not b:
        return False
    ratio = min(len(a), len(b)) / max(len(a), len(b))
    if ratio < 0.6:  # neither test can pass: skip the set work
        return False
    return similarity(a, b) >= THRESHOLD or (ratio >= 0.6 and containment(a, b) >= 0.9)


SKETCH = 16  # a fingerprint's smallest hashes: near-duplicates share some of them
_CROWDED = 64  # a hash that many pieces share (a stock phrase) says nothing about duplicates


def _sketch(fp: frozenset[int]) -> list[int]:
    return heapq.nsmallest(SKETCH, fp)


class PrintIndex(dict[int, frozenset[int]]):
    """Fingerprints by key, with buckets on their smallest hashes, so that finding a
    duplicate among many pieces (a file of thousands of speeches) looks at a few, not all."""

    def __init__(self, items: Any = ()):
        super().__init__()
        self._buckets: dict[int, list[int]] = {}
        for key, fp in items.items() if isinstance(items, dict) else items:
            self[key] = fp

    def __setitem__(self, key: int, fp: frozenset[int]) -> None:
        if key in self:
            raise KeyError(f"fingerprint {key} already indexed")
        super().__setitem__(key, fp)
        for h in _sketch(fp):
            self._buckets.setdefault(h, []).append(key)

    def candidates(self, fp: frozenset[int]) -> list[int]:
        """Keys that may be duplicates of `fp`, in increasing order (keys are added in
        increasing order: store ids, piece indexes)."""
        keys: set[int] = set()
        for h in _sketch(fp):
            bucket = self._buckets.get(h, ())
            if len(bucket) <= _CROWDED:
                keys.update(bucket)
        return sorted(keys)


def find_duplicate(fp: frozenset[int], others: Iterable[tuple[int, frozenset[int]]] | PrintIndex) -> int | None:
    """Key of the first fingerprint in `others` that `fp` duplicates, or None."""
    if isinstance(others, PrintIndex):
        for key in others.candidates(fp):
            if is_duplicate(fp, others[key]):
                return key
        return None
    for key, other in others:
        if is_duplicate(fp, other):
            return key
    return None
