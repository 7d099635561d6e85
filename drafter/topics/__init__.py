"""Topics: what each speech and phrase is about, and the material of one speech's topic.

``material_for(topic, refs, store)`` gathers the phrases of a topic from the reference documents,
the writer's corpus and the bundled formulations (drafter.topics.knowledge), and caches the result
per topic, corpus and reference set, so a warm ``drafter new`` reads one small JSON file.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafter.topics.material import Phrase, TopicMaterial

CORPUS_FORMAT = "6"  # bump when the corpus phrases change meaning
FORMAT = "17"  # bump when the material's layout or its selection changes meaning
_MEMO: dict[str, tuple[TopicMaterial, CorpusFrame]] = {}


@dataclass(frozen=True)
class CorpusFrame:
    """What a render takes from the writer's corpus besides topic phrases: its salutations,
    its transition formulas (下面，我就{topic}工作讲几点意见), and the corpus's own topic."""

    salutations: tuple[str, ...]
    transitions: tuple[str, ...]
    corpus_topic: str

    def to_dict(self) -> dict[str, Any]:
        return {"salutations": list(self.salutations), "transitions": list(self.transitions),
                "corpus_topic": self.corpus_topic}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> CorpusFrame:
        return cls(tuple(d["salutations"]), tuple(d["transitions"]), str(d["corpus_topic"]))

    @classmethod
    def of_book(cls, book: Any) -> CorpusFrame:
        return cls(tuple(book.salutations), tuple(book.transitions), str(book.topic.corpus_topic))


def _phrase_to_list(p: Phrase) -> list[Any]:
    return [list(p.words), p.docs, list(p.context), p.source, p.origin, p.slot]


def _phrase_from_list(d: list[Any]) -> Phrase:
    return Phrase(tuple(d[0]), int(d[1]), tuple(d[2]), str(d[3]), str(d[4]), str(d[5]))


def material_to_dict(m: TopicMaterial) -> dict[str, Any]:
    return {"topic": m.topic, "keys": list(m.keys), "vocabulary": m.vocabulary,
            "phrases": [[s, _phrase_to_list(p)] for s, p in m.phrases]}


def material_from_dict(d: dict[str, Any]) -> TopicMaterial:
    return TopicMaterial(str(d["topic"]), tuple(d["keys"]), dict(d["vocabulary"]),
                         [(float(s), _phrase_from_list(p)) for s, p in d["phrases"]])


@functools.cache
def _bundled_hash() -> str:
    """The content hash of every bundled file a topic's material is built from (the formulations,
    their associations and the word lists they are read through). The files are megabytes, so
    the hash is kept in the cache folder against their stamps."""
    from drafter.data import data_path
    from drafter.paths import file_stamp, keep, recall

    names = ("formulations.tsv", "associations.tsv", "superseded.tsv", "divides.tsv", "compounds.txt",
             "document_words.txt", "politics_words.txt", "political_names.txt", "joint_names.tsv",
             "action_words.txt", "empty_words.txt")
    paths = [data_path(name) for name in names]
    stamp = [file_stamp(path) for path in paths]
    digest = recall("bundled-hash.json", stamp)
    if isinstance(digest, str):
        return digest
    h = hashlib.sha256()
    for path in paths:
        if path.exists():
            h.update(path.read_bytes())
    digest = h.hexdigest()[:12]
    keep("bundled-hash.json", stamp, digest)
    return digest


def corpus_phrases_path(corpus_key: str) -> Path:
    from drafter.paths import cache_dir

    return cache_dir() / f"topicphrases-{corpus_key}-{CORPUS_FORMAT}.json"


def load_corpus_phrases(store: Any, corpus_key: str, parse: Any = None) -> list[Phrase]:
    """The writer's corpus as phrases: from the cache, or harvested now (cold path: jieba).

    Training (drafter.phrases.cache) builds them with the phrase book, so a warm run only reads.
    """
    path = corpus_phrases_path(corpus_key)
    try:
        return [_phrase_from_list(d) for d in json.loads(path.read_text(encoding="utf-8"))]
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        pass
    from drafter.phrases.tokenize import Tokenizer
    from drafter.topics.corpus import corpus_phrases

    if parse is None:
        from drafter.structure import parse_skeleton as parse
    tok = Tokenizer()
    try:
        speeches = store.speeches(kind=None)
    except TypeError:
        speeches = store.speeches()
    pieces = [(s, parse(s)) for s in speeches]
    phrases = corpus_phrases(pieces, tok.cut, tok.tag_of)
    _write_json(path, [_phrase_to_list(p) for p in phrases])
    for old in path.parent.glob("topicphrases-*.json"):
        if old != path:
            old.unlink(missing_ok=True)
    return phrases


def material_for(topic: str, corpus_key: str, store: Any = None, refs: Sequence[Any] = (),
                 book: Any = None) -> tuple[TopicMaterial, CorpusFrame]:
    """The topic's material and the corpus frame, cached per (topic, corpus, references,
    bundled data, format): a warm run reads one small JSON file and no phrase book."""
    from drafter.paths import cache_dir

    ref_ids = "|".join(sorted(r.sha256 for r in refs))
    raw = f"{FORMAT}|{topic}|{corpus_key}|{ref_ids}|{_bundled_hash()}"
    path = cache_dir() / "topics" / f"{hashlib.sha256(raw.encode()).hexdigest()[:20]}.json"
    if str(path) in _MEMO:
        return _MEMO[str(path)]
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        found = material_from_dict(data["material"]), CorpusFrame.from_dict(data["frame"])
        _MEMO[str(path)] = found
        return found
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        pass
    if store is None and (book is None or not corpus_phrases_path(corpus_key).exists()):
        from drafter.corpus import open_store

        store = open_store()
    if book is None:
        from drafter.phrases.cache import load_phrasebook

        book = load_phrasebook(store)
    frame = CorpusFrame.of_book(book)
    extra = load_corpus_phrases(store, corpus_key)
    if refs:
        from drafter.phrases.tokenize import Tokenizer
        from drafter.topics.refs import reference_phrases

        tok = Tokenizer()
        for ref in refs:
            extra = reference_phrases(ref, tok.cut, tok.tag_of) + extra
    from drafter.topics.knowledge import Knowledge  # a cold build only: warm runs read the cache

    material = Knowledge.bundled().extended(extra).for_topic(topic)
    _write_json(path, {"material": material_to_dict(material), "frame": frame.to_dict()})
    _MEMO[str(path)] = (material, frame)
    return material, frame


def gap_notice(material: TopicMaterial, refs: Sequence[Any] = ()) -> str | None:
    """One line for the writer when drafter knows too little of the topic, else None."""
    searched = "参考文件、" if refs else ""
    if material.thin:
        return (f"提示：在{searched}语料库和内置的政府文件知识里直接说到“{material.topic}”的内容很少"
                f"（{len(material)} 条相关内容里只有 {material.named} 条点到这一主题），要点取自相近的内容，请逐条核对；"
                "可用 drafter corpus add 加入这一主题的讲话稿，或用 drafter new --ref 文件 提供上级通知、工作方案后再生成。")
    if material.known:
        return None
    return (f"提示：在{searched}语料库和内置的政府文件知识里只找到 {len(material)} 条关于“{material.topic}”的内容，"
            "缺少的要点写成了〔待写：…〕；可用 drafter corpus add 加入这一主题的讲话稿，"
            "或用 drafter new --ref 文件 提供上级通知、工作方案后再生成。")


def _write_json(path: Path, data: Any) -> None:
    """Write atomically under a unique temp name (parallel runs may build the same file)."""
    from drafter.atomic import write_bytes_atomic

    write_bytes_atomic(path, json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8"))


def __getattr__(name: str) -> Any:
    """``drafter.topics.Knowledge`` without importing it on every run (a warm run reads the cache)."""
    if name == "Knowledge":
        from drafter.topics.knowledge import Knowledge

        return Knowledge
    raise AttributeError(name)


__all__ = ["CorpusFrame", "Knowledge", "Phrase", "TopicMaterial", "gap_notice", "material_for"]
