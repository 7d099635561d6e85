"""The phrase book: what training keeps of the writer's corpus (its frame, its own topic, its
lines as tokens), the fact slots lines are masked with, and novelty against the corpus.

Training (`build_phrasebook`) is pure and imports jieba; loading a cached book
(`load_phrasebook`) never does. Names are imported on first use, so a module that needs one
of them does not load the others.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_WHERE = {
    "PhraseBook": "book", "TopicInfo": "book", "load_phrasebook": "cache",
    "FACT_SLOTS": "facts", "FALLBACK_PREFIX": "facts", "NoveltyIndex": "novelty",
    "NoveltyLimits": "novelty", "Overlap": "overlap", "explain": "overlap",
    "build_phrasebook": "build", "rebuild_phrasebook": "cache",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"drafter.phrases.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'drafter.phrases' has no attribute {name!r}")


__all__ = sorted(_WHERE)
