"""Novelty explained: per sentence, its overlap with the corpus and the speech it is closest to.

For `drafter check --sources FILE`. Tokenises the writer's text, so it imports jieba (that
command is not on the warm path of `drafter new`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.phrases.book import PhraseBook
from drafter.phrases.facts import mask_numbers
from drafter.phrases.novelty import NoveltyIndex, NoveltyLimits


@dataclass(frozen=True)
class Overlap:
    """How much of one sentence a single corpus sentence shares, and which speech that is."""

    sentence: str
    ratio: float  # shared run / sentence length, in tokens
    run: int  # shared run in tokens
    source: str | None  # title of the closest speech
    over_limit: bool


def explain(sentences: list[str], book: PhraseBook,
            limits: NoveltyLimits | None = None) -> list[Overlap]:
    """One Overlap per sentence, in order (fact slots and placeholders are ignored)."""
    from drafter.phrases.tokenize import Tokenizer

    limits = limits or NoveltyLimits()
    tok = Tokenizer(book.terms)
    index = NoveltyIndex(book.novelty_sentences, book.novelty_sources)
    out = []
    for sentence in sentences:
        text = re.sub(r"〔[^〕]*〕", "", mask_numbers(sentence))
        tokens = tok.cut(text)
        ratio, run, src = index.closest(tokens)
        title = book.source_titles[src] if src is not None and src < len(book.source_titles) else None
        over = bool(tokens) and (index.is_verbatim(text) or run > limits.allowed_run(len(tokens)))
        out.append(Overlap(sentence, ratio, run, title, over))
    return out
