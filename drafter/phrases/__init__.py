"""Phrase models: new headings and sentences in the genre's voice, recombined from real clauses.

Training (`build_phrasebook`) is pure and imports jieba; loading a cached book and generating
from it (`load_phrasebook`, `Generator`) never does.
"""

from __future__ import annotations

from drafter.phrases.book import ParallelGroup, PhraseBook, TopicInfo, Unit
from drafter.phrases.cache import load_phrasebook
from drafter.phrases.facts import FACT_SLOTS, FALLBACK_PREFIX, PLACEHOLDER_RE
from drafter.phrases.generate import Generator
from drafter.phrases.novelty import NoveltyIndex, NoveltyLimits


def explain(*args, **kwargs):  # type: ignore[no-untyped-def]
    """Per-sentence overlap with the corpus (lazy import: it tokenises, so it loads jieba)."""
    from drafter.phrases.overlap import explain as run

    return run(*args, **kwargs)


def build_phrasebook(*args, **kwargs) -> PhraseBook:  # type: ignore[no-untyped-def]
    """Train a PhraseBook from skeletons (lazy import: keeps jieba off the warm path)."""
    from drafter.phrases.build import build_phrasebook as build

    return build(*args, **kwargs)


__all__ = [
    "FACT_SLOTS",
    "FALLBACK_PREFIX",
    "PLACEHOLDER_RE",
    "Generator",
    "NoveltyIndex",
    "NoveltyLimits",
    "ParallelGroup",
    "PhraseBook",
    "TopicInfo",
    "Unit",
    "build_phrasebook",
    "explain",
    "load_phrasebook",
]
