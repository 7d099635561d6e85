"""PhraseBook: the compiled phrase models, as plain data that round-trips through JSON.

A *unit* is one real line (heading, sentence) cut into clauses at ，；：; each clause is a token
list plus its closing mark. Pools of units are kept per slot kind ("heading/1",
"heading/1/任务措施", "body/任务措施", "opening", "closing"); generation recombines clauses of one
pool (see generate.py). Nothing here imports jieba.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Clause = tuple[list[str], str]  # (tokens, closing mark: "，" "；" "：" "。" or "")


@dataclass
class Unit:
    """One real line, cut into clauses; `source` is the index of its speech in the corpus."""

    source: int
    clauses: list[Clause]

    @property
    def text(self) -> str:
        return "".join("".join(t) + p for t, p in self.clauses)

    def to_list(self) -> list[Any]:
        return [self.source, [[t, p] for t, p in self.clauses]]

    @classmethod
    def from_list(cls, data: list[Any]) -> Unit:
        return cls(int(data[0]), [(list(t), str(p)) for t, p in data[1]])


@dataclass
class ParallelGroup:
    """The form real sibling headings share: a common lead token and/or clause count."""

    lead: str | None
    clauses: int
    length: int  # median length in characters


@dataclass
class TopicInfo:
    """The corpus's own topic (疫情防控), words swapped for the user's topic, words that leak."""

    corpus_topic: str
    swap: list[str] = field(default_factory=list)
    leak: list[str] = field(default_factory=list)


@dataclass
class PhraseBook:
    """Everything generation needs, compiled once from the skeletons and cached as JSON."""

    pools: dict[str, list[Unit]]
    chains: dict[str, str]  # pool -> markovify.Chain JSON over clause keys
    groups: dict[int, list[ParallelGroup]]
    lengths: dict[int, tuple[int, int]]
    topic: TopicInfo
    transitions: list[str]  # formulas with {topic} {org}
    salutations: list[str]
    novelty_sentences: list[list[str]]
    novelty_sources: list[int]
    terms: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    verb_kin: dict[str, list[str]] = field(default_factory=dict)  # 加强 -> [强化, 严格 …]
    source_titles: list[str] = field(default_factory=list)  # speech title per source index
    verbs: list[str] = field(default_factory=list)  # words jieba tags as verbs (grammar.py)
    adverbs: list[str] = field(default_factory=list)
    verbal_nouns: list[str] = field(default_factory=list)  # 管理, 排查: verbs after 要/加强

    def pool(self, key: str) -> list[Unit]:
        return self.pools.get(key, [])

    def to_dict(self) -> dict[str, Any]:
        return {
            "meta": self.meta,
            "pools": {k: [u.to_list() for u in v] for k, v in self.pools.items()},
            "chains": self.chains,
            "groups": {
                str(k): [[g.lead, g.clauses, g.length] for g in v] for k, v in self.groups.items()
            },
            "lengths": {str(k): list(v) for k, v in self.lengths.items()},
            "topic": {
                "corpus_topic": self.topic.corpus_topic,
                "swap": self.topic.swap,
                "leak": self.topic.leak,
            },
            "transitions": self.transitions,
            "salutations": self.salutations,
            "novelty": {"sentences": [" ".join(s) for s in self.novelty_sentences],
                        "sources": self.novelty_sources},
            "terms": self.terms,
            "verb_kin": self.verb_kin,
            "source_titles": self.source_titles,
            "verbs": self.verbs,
            "adverbs": self.adverbs,
            "verbal_nouns": self.verbal_nouns,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PhraseBook:
        return cls(
            pools={k: [Unit.from_list(u) for u in v] for k, v in d["pools"].items()},
            chains=dict(d["chains"]),
            groups={
                int(k): [ParallelGroup(g[0], int(g[1]), int(g[2])) for g in v]
                for k, v in d["groups"].items()
            },
            lengths={int(k): (int(v[0]), int(v[1])) for k, v in d["lengths"].items()},
            topic=TopicInfo(**d["topic"]),
            transitions=list(d["transitions"]),
            salutations=list(d["salutations"]),
            novelty_sentences=[s.split(" ") if s else [] for s in d["novelty"]["sentences"]],
            novelty_sources=list(d["novelty"]["sources"]),
            terms=list(d.get("terms", [])),
            meta=dict(d.get("meta", {})),
            verb_kin={k: list(v) for k, v in d.get("verb_kin", {}).items()},
            source_titles=list(d.get("source_titles", [])),
            verbs=list(d.get("verbs", [])),
            adverbs=list(d.get("adverbs", [])),
            verbal_nouns=list(d.get("verbal_nouns", [])),
        )

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True), "utf-8")
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path) -> PhraseBook:
        return cls.from_dict(json.loads(path.read_text("utf-8")))
