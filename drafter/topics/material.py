"""The material of one topic: its phrases, each with the terms of the sentences it came from.

Built by drafter.topics.knowledge (which phrases belong to a topic), read by composition
(drafter.topics.compose) and cached per topic (drafter.topics).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

MIN_NAMED_OWN = 3  # below this many phrases naming the topic, its material is only its neighbours
BROAD = 30  # a word in this many phrases is used across fields: it marks no one field


@dataclass(frozen=True)
class Phrase:
    """One short phrase of a field, with the terms of the sentences it came from."""

    words: tuple[str, ...]
    docs: int
    context: tuple[str, ...]
    source: str = "bundled"  # "bundled", "corpus", or "ref"
    origin: str = ""  # for corpus and ref phrases: where it came from (file:line)
    slot: str = ""  # "heading" or "body" where the source says; "" for bundled formulations
    dated: bool = False  # no current document says it: it helps find a field, it is never written

    @cached_property
    def text(self) -> str:  # read thousands of times per outline: joined once
        return "".join(self.words)


@dataclass
class TopicMaterial:
    """The phrases of one topic, best first, with the topic's weighted vocabulary."""

    topic: str
    keys: tuple[str, ...]
    vocabulary: dict[str, float]
    phrases: list[tuple[float, Phrase]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.phrases)

    @property
    def known(self) -> bool:
        """Enough material of its own to write an outline's points."""
        return len(self.phrases) >= 12

    @property
    def named(self) -> int:
        """How many of its phrases name the topic itself (the rest were found around it)."""
        return sum(1 for _, p in self.phrases if any(k in p.text for k in self.keys))

    @property
    def thin(self) -> bool:
        """Enough phrases, but hardly any that name the topic: they come from its neighbourhood
        (the documents drafter knows say little of it), so the writer should check each point."""
        return self.known and self.named < MIN_NAMED_OWN


def dedupe(scored: list[tuple[float, Phrase]]) -> list[tuple[float, Phrase]]:
    """Keep one of the phrases that differ only by a leading adverb (深入推进… / 推进…)."""
    seen: set[str] = set()
    out = []
    for s, p in scored:
        core = p.text
        if core in seen:
            continue
        seen.add(core)
        for n in (2, 3):
            seen.add(core[n:])
        out.append((s, p))
    return out
