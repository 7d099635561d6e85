"""Helpers shared by the topic knowledge tests: phrases as the tests state them."""

from __future__ import annotations

from drafter.topics.knowledge import Phrase


def phrase(text: str, context: str, docs: int = 2, source: str = "bundled") -> Phrase:
    """A phrase split on "/" (the test states the segmentation it means) with its context terms."""
    return Phrase(tuple(text.split("/")), docs, tuple(context.split()), source)


def filler(n: int = 1500) -> list[Phrase]:
    """Unrelated phrases, enough that the genre's common words count as generic."""
    return [phrase(f"推进/项目{i}/建设", f"项目{i} 建设") for i in range(n)]
