"""markovify for Chinese: a Text subclass that splits words with jieba and joins without spaces.

Used for the word-level models drafter measures itself against (bench/quality.py): the naive
baseline (one model over every sentence) and per-slot word chains. Build-time only.
"""

from __future__ import annotations

import random
import re
from typing import Any

import markovify

from drafter.phrases.form import WEB_RESIDUE, balanced

_SENTENCES = re.compile(r"[^。！？；]+[。！？；]?")


class ChineseText(markovify.Text):
    """markovify.Text with Chinese word split/join, sentence split on 。！？；, and an input
    filter that admits “” and （） but rejects flagged, garbled or web-noise sentences."""

    def __init__(self, input_text: str, state_size: int = 2, *, tokenizer: Any = None,
                 flagged: frozenset[str] = frozenset(), **kwargs: Any) -> None:
        if tokenizer is None:
            from drafter.phrases.tokenize import Tokenizer

            tokenizer = Tokenizer()
        self._tokenizer = tokenizer
        self._flagged = flagged
        super().__init__(input_text, state_size=state_size, **kwargs)

    def sentence_split(self, text: str) -> list[str]:
        return [s.strip() for s in _SENTENCES.findall(text) if s.strip()]

    def word_split(self, sentence: str) -> list[str]:
        return self._tokenizer.cut(sentence)

    def word_join(self, words: list[str]) -> str:
        return "".join(words)

    def test_sentence_input(self, sentence: str) -> bool:
        if sentence in self._flagged or WEB_RESIDUE.search(sentence) or not balanced(sentence):
            return False
        return bool(re.search(r"[\u4e00-\u9fff]", sentence))

    def make_sentence_with(self, rng: random.Random, **kwargs: Any) -> str | None:
        """make_sentence with a private RNG (markovify itself draws from the global one)."""
        state = random.getstate()
        random.seed(rng.random())
        try:
            return self.make_sentence(**kwargs)
        finally:
            random.setstate(state)
