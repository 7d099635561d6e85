"""PhraseBook: what training keeps of the corpus, as plain data that round-trips through JSON.

A render takes the corpus frame from it (salutations, transition formulas, the corpus's own
topic; see drafter.topics.CorpusFrame); ``drafter check --sources`` compares a writer's
sentences with its lines (drafter.phrases.overlap). Nothing here imports jieba.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class TopicInfo:
    """The corpus's own topic (疫情防控): what a render on another topic names instead."""

    corpus_topic: str


@dataclass
class PhraseBook:
    """The corpus frame and the corpus's lines, compiled once from the skeletons and cached."""

    topic: TopicInfo
    transitions: list[str]  # formulas with {topic} {org}
    salutations: list[str]
    novelty_sentences: list[list[str]]  # every clean line as tokens, fact slots masked
    novelty_sources: list[int]  # index of each line's speech
    terms: list[str] = field(default_factory=list)  # genre terms jieba must keep whole
    meta: dict[str, str] = field(default_factory=dict)
    source_titles: list[str] = field(default_factory=list)  # speech title per source index

    def to_dict(self) -> dict[str, Any]:
        return {
            "meta": self.meta,
            "topic": {"corpus_topic": self.topic.corpus_topic},
            "transitions": self.transitions,
            "salutations": self.salutations,
            "novelty": {"sentences": [" ".join(s) for s in self.novelty_sentences],
                        "sources": self.novelty_sources},
            "terms": self.terms,
            "source_titles": self.source_titles,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PhraseBook:
        return cls(
            topic=TopicInfo(str(d["topic"]["corpus_topic"])),
            transitions=list(d["transitions"]),
            salutations=list(d["salutations"]),
            novelty_sentences=[s.split(" ") if s else [] for s in d["novelty"]["sentences"]],
            novelty_sources=list(d["novelty"]["sources"]),
            terms=list(d.get("terms", [])),
            meta=dict(d.get("meta", {})),
            source_titles=list(d.get("source_titles", [])),
        )

    @classmethod
    def load(cls, path: Path) -> PhraseBook:
        return cls.from_dict(json.loads(path.read_text("utf-8")))
