"""Word segmentation: the only module that imports jieba (build time only, never on a warm run).

Genre terms (联防联控, 压实责任, 落细落实 …) are mined from the corpus and added to a private
jieba Tokenizer so they are never cut apart; fact masks (〔数据待补〕…) are kept whole too.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

import jieba
import jieba.posseg

from drafter.jobs import parallel_map
from drafter.phrases.facts import FACT_SLOTS

jieba.setLogLevel(logging.WARNING)

_CJK4 = re.compile(r"(?=([\u4e00-\u9fff]{4}))")
# Characters that almost never sit inside a fixed four-character genre term.
_STOP_CHARS = set("的了是在和与及等要把对为从将就也都而并或被让向于以之其这那我你他她它们个")


_BASE: jieba.Tokenizer | None = None


def _jieba() -> jieba.Tokenizer:
    """A fresh private tokenizer; the dictionary is loaded once per process and copied."""
    global _BASE
    if _BASE is None:
        _BASE = jieba.Tokenizer()
        _BASE.initialize()
    tok = jieba.Tokenizer()
    tok.FREQ = dict(_BASE.FREQ)
    tok.total = _BASE.total
    tok.initialized = True
    return tok


def mine_genre_terms(
    texts: Iterable[str], min_count: int = 3, min_docs: int = 2, cohesion: float = 0.3,
    jobs: int = 1,
) -> list[str]:
    """Four-character spans that recur across documents and that plain jieba cuts apart.

    A span qualifies when its halves rarely occur apart from each other (cohesion: the span's
    count over the more frequent half's count), jieba's cuts fall on both of its edges nearly
    every time (it behaves as a unit in context) and jieba splits it inside (not yet a word).
    """
    docs = list(texts)
    joined = "\n".join(docs)
    tok = _jieba()
    counts: Counter[str] = Counter()
    doc_sets: dict[str, set[int]] = defaultdict(set)
    for i, doc in enumerate(docs):
        for m in _CJK4.finditer(doc):
            gram = m.group(1)
            if _STOP_CHARS.intersection(gram) or gram[0] in "上下" or gram[-1] in "新再":
                continue
            counts[gram] += 1
            doc_sets[gram].add(i)
    # How often each half occurs: one pass over the text instead of a scan per candidate
    # (quadratic on a large corpus). Two different characters cannot overlap themselves, so
    # the window count equals str.count's; a doubled pair (常常) keeps str.count.
    pairs = Counter(joined[i:i + 2] for i in range(len(joined) - 1))

    def occurrences(half: str) -> int:
        return joined.count(half) if half[0] == half[1] else pairs[half]

    wanted = {
        g
        for g, c in counts.items()
        if c >= min_count
        and len(doc_sets[g]) >= min_docs
        and c >= cohesion * max(occurrences(g[:2]), occurrences(g[2:]))
    }
    aligned: Counter[str] = Counter()
    split_inside: set[str] = set()

    def edges(doc: str) -> tuple[Counter[str], set[str]]:
        """Where jieba's cuts fall around each wanted span of one document."""
        here: Counter[str] = Counter()
        inside: set[str] = set()
        bounds = {0}
        pos = 0
        for w in tok.cut(doc, HMM=False):
            pos += len(w)
            bounds.add(pos)
        for m in _CJK4.finditer(doc):
            gram = m.group(1)
            if gram not in wanted:
                continue
            start = m.start()
            if start in bounds and start + 4 in bounds:
                here[gram] += 1
                if any(start + k in bounds for k in (1, 2, 3)):
                    inside.add(gram)
        return here, inside

    for here, inside in parallel_map(edges, docs, jobs, size=len(joined)):
        aligned.update(here)
        split_inside |= inside
    return sorted(g for g in split_inside if aligned[g] >= 0.8 * counts[g])


def _pos_tokenizer(tok: jieba.Tokenizer) -> jieba.posseg.POSTokenizer:
    """A POS tagger over `tok` that shares the word-tag table jieba.posseg loaded on import.

    POSTokenizer() re-reads the whole dictionary for its tags (~1 s); for the default
    dictionary that table is the one jieba.posseg.dt already holds, and tagging only reads it.
    """
    shared = jieba.posseg.dt
    if tok.dictionary != shared.tokenizer.dictionary or tok.user_word_tag_tab:
        return jieba.posseg.POSTokenizer(tok)
    pos = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    pos.tokenizer = tok
    pos.word_tag_tab = shared.word_tag_tab
    return pos


class Tokenizer:
    """jieba with the genre terms and fact masks as whole words."""

    def __init__(self, terms: Iterable[str] = ()) -> None:
        self._tok = _jieba()
        for term in list(terms) + list(FACT_SLOTS.values()):
            self._tok.add_word(term, freq=2000)
        self._pos = _pos_tokenizer(self._tok)
        self._tagged: dict[str, list[tuple[str, str]]] = {}

    def cut(self, text: str) -> list[str]:
        """Tokens of one sentence or clause, without whitespace tokens."""
        return [w for w in self._tok.cut(text, HMM=True) if w.strip()]

    def pos(self, text: str) -> list[tuple[str, str]]:
        """(word, part-of-speech flag) pairs; used to find person, place and unit names.

        Memoised: training tags the same line for several pools (body and body/<role>).
        """
        tagged = self._tagged.get(text)
        if tagged is None:
            tagged = self._tagged[text] = self._pos_now(text)
        return list(tagged)

    def _pos_now(self, text: str) -> list[tuple[str, str]]:
        return [(p.word, p.flag) for p in self._pos.cut(text) if p.word.strip()]

    def prime(self, texts: Iterable[str], jobs: int = 1) -> None:
        """Tag many lines at once over `jobs` processes, so later pos() calls are lookups.

        Tagging is deterministic, so the result is the same as tagging each line on demand.
        """
        todo = sorted({t for t in texts if t not in self._tagged})
        size = sum(map(len, todo))
        for text, tagged in zip(todo, parallel_map(self._pos_now, todo, jobs, size=size)):
            self._tagged[text] = tagged

    def tag_of(self, word: str) -> str:
        """The part-of-speech flag jieba's dictionary gives a word ("" when unknown): no tagging run."""
        return str(self._pos.word_tag_tab.get(word, ""))

    def general_frequency(self, word: str) -> int:
        """How common a word is in jieba's general dictionary (0 when unknown)."""
        return int(self._tok.FREQ.get(word, 0))

    @property
    def general_total(self) -> int:
        return int(self._tok.total)
