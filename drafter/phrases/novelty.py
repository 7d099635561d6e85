"""Novelty: how much of a line the corpus already has, verbatim or in long runs of tokens.

Corpus sentences are kept as token lists; each distinct token is encoded as one character so
that "does any run of k tokens occur in the corpus" is a plain substring search in C.
"""

from __future__ import annotations

from dataclasses import dataclass

SEP = "\n"
_UNSEEN = "\U000f0000"  # a token the corpus never had: no run can pass through it


@dataclass(frozen=True)
class NoveltyLimits:
    """Both limits are settings: the shared run may cover at most `ratio` of the line's
    tokens and at most `max_tokens` tokens."""

    ratio: float = 0.7
    max_tokens: int = 15

    def allowed_run(self, n_tokens: int) -> int:
        return max(1, min(self.max_tokens, int(self.ratio * n_tokens)))


class NoveltyIndex:
    """Answers "longest token run shared with any corpus sentence" without jieba."""

    def __init__(self, sentences: list[list[str]], sources: list[int] | None = None) -> None:
        self._codes: dict[str, str] = {}
        encoded = [self._encode(toks, grow=True) for toks in sentences]
        self._blob = SEP + SEP.join(encoded) + SEP
        self._text = SEP + SEP.join("".join(t) for t in sentences) + SEP
        self._encoded = encoded
        self._sources = sources or list(range(len(sentences)))

    def _encode(self, tokens: list[str], grow: bool = False) -> str:
        out = []
        for tok in tokens:
            code = self._codes.get(tok)
            if code is None and grow:
                code = self._codes[tok] = chr(0x10000 + len(self._codes))
            out.append(code if code is not None else _UNSEEN)
        return "".join(out)

    def longest_run(self, tokens: list[str]) -> int:
        """Length in tokens of the longest contiguous run shared with one corpus sentence."""
        return _longest_run(self._encode(tokens), self._blob)

    def is_verbatim(self, text: str) -> bool:
        """True when the whole line (without its end mark) occurs inside a corpus sentence."""
        core = text.rstrip("。！？；，")
        return bool(core) and core in self._text

    def closest(self, tokens: list[str]) -> tuple[float, int, int | None]:
        """(overlap ratio, shared run in tokens, corpus source id) for `drafter check --sources`."""
        run = self.longest_run(tokens)
        if not tokens or run == 0:
            return 0.0, 0, None
        enc = self._encode(tokens)
        for i in range(len(enc) - run + 1):
            piece = enc[i : i + run]
            for j, sent in enumerate(self._encoded):
                if piece in sent:
                    return run / len(tokens), run, self._sources[j]
        return run / len(tokens), run, None


def _has_run(seq: str, k: int, blob: str) -> bool:
    """True when some run of `k` items of `seq` occurs in `blob`."""
    return k <= len(seq) and any(seq[i : i + k] in blob for i in range(len(seq) - k + 1))


def _longest_run(seq: str, blob: str) -> int:
    """Longest k such that some run of k items of `seq` occurs in `blob` (a run of k shared
    implies every shorter one, so binary search on k)."""
    lo, hi = 0, len(seq)
    while lo < hi:
        k = (lo + hi + 1) // 2
        if _has_run(seq, k, blob):
            lo = k
        else:
            hi = k - 1
    return lo
