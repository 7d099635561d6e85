"""Phrase models: new headings and sentences in the genre's voice, recombined from real clauses.

Training (`build_phrasebook`) is pure and imports jieba; loading a cached book and generating
from it (`load_phrasebook`, `Generator`) never does. Names are imported on first use, so a
module that needs one of them does not load the others.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_WHERE = {
    "ParallelGroup": "book", "PhraseBook": "book", "TopicInfo": "book", "Unit": "book",
    "load_phrasebook": "cache", "rebuild_phrasebook": "cache",
    "FACT_SLOTS": "facts", "FALLBACK_PREFIX": "facts",
    "PLACEHOLDER_RE": "facts", "Generator": "generate", "NoveltyIndex": "novelty",
    "NoveltyLimits": "novelty", "explain": "overlap", "build_phrasebook": "build",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"drafter.phrases.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'drafter.phrases' has no attribute {name!r}")


__all__ = sorted(_WHERE)
