"""A topic's names: the topic as the writer said it, its core without the genre's affixes
(优化营商环境 → 营商环境), the field after a one-character verb (稳就业 → 就业), and its parts
(the words of the core the phrases know: 食品 of 食品安全), which help find a rarely named topic.

Used by drafter.topics.knowledge, whose phrases and statistics the names are checked against.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from drafter.data import read_data_lines
from drafter.topics.wording import action_words, current_names

if TYPE_CHECKING:
    from drafter.topics.knowledge import Knowledge

FIELD_NAMED = 8  # a word naming this many phrases names a field (稳就业's 就业)
VERB_NAMED = 5  # a field named with one verb in this many phrases, and in most of those naming it,
# is called by the two together (优化营商环境 of 营商环境)
_TOPIC_AFFIX = re.compile(r"^(?:全面|持续|深入|进一步|着力|大力|扎实|切实|加快|加强|推进|推动|深化|优化|做好|抓好|"
                          r"开展|实施|强化|坚持|建设)|(?:工作|建设|行动|攻坚|创建)$")
_ONE_CHAR_VERBS = frozenset("稳保促防")


def topic_names(knowledge: Knowledge, topic: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the topic's names: itself and its core without genre affixes, its known parts)."""
    topic = topic.strip()
    names = [topic] if topic else []
    core = topic
    for _ in range(3):
        core = _TOPIC_AFFIX.sub("", core)
    if core and core != topic and len(core) >= 2:
        names.append(core)
    # a one-character verb before a field the phrases often name (稳就业, 保就业): the field
    # is the topic's name, unless a word of every field (发展 of 促发展, 安全 of 保安全)
    rest = core[1:]
    if core[:1] in _ONE_CHAR_VERBS and len(rest) >= 2 and not knowledge.generic(rest) \
            and knowledge.naming(rest) >= FIELD_NAMED:
        names.append(rest)
    # the field as its phrases call it with their verb: 营商环境 is 优化营商环境 in six of the
    # eleven phrases naming it, so 推动优化营商环境精准施策 says nothing more than the topic
    if names and names[-1] == topic:
        names += _verb_named(knowledge, topic)
    # the name as it is said now, where the data's wording was brought up to date (乡村全面振兴)
    names += [n for name in list(names) for n in current_names(name) if n not in names]
    # the field named together with a neighbour (食品药品安全 of 食品安全, drafter/_data/joint_names.tsv)
    names += [n for name in list(names) for n in _joint_names().get(name, ()) if n not in names]
    # the longest first: the words a name masks (优化营商环境) are masked before its core's
    names.sort(key=len, reverse=True)
    verbs = action_words()
    parts = [w for w in _segment(core, knowledge.vocabulary)
             if len(w) >= 2 and not knowledge.generic(w) and w not in names and w not in verbs]
    return tuple(names), tuple(dict.fromkeys(parts))


def _verb_named(knowledge: Knowledge, core: str) -> list[str]:
    before: Counter[str] = Counter()
    naming = [p.text for p in knowledge.phrases if core in p.text]
    for text in naming:
        i = text.find(core)
        before.update(text[i - n:i] for n in (2, 3) if i >= n)
    return [verb + core for verb, n in before.most_common(1)
            if n >= VERB_NAMED and 2 * n >= len(naming) and _TOPIC_AFFIX.fullmatch(verb)]


@lru_cache(maxsize=1)
def _joint_names() -> dict[str, tuple[str, ...]]:
    out = {}
    for line in read_data_lines("joint_names.tsv"):
        name, _, joint = line.partition("\t")
        out[name.strip()] = tuple(joint.split())
    return out


@lru_cache(maxsize=1)
def _compounds() -> tuple[tuple[str, tuple[str, ...]], ...]:
    out = []
    for line in read_data_lines("compounds.txt"):
        name, _, words = line.partition("\t")
        out.append((name.strip(), tuple(words.split())))
    return tuple(out)


def other_fields(names: Sequence[str], parts: Sequence[str] = ()) -> tuple[str, ...]:
    """The longer names of other fields' work that hold one of the topic's names, or one of its
    parts where the data says so (drafter/_data/compounds.txt: 主题教育 for 教育, 生态文明 for
    文明城市创建), unless a name of the topic holds them (生态文明建设)."""
    return tuple(c for c, barred in _compounds()
                 if (any(n in c for n in names) or any(p in barred for p in parts))
                 and not any(c in n for n in names))


def _segment(text: str, vocabulary: frozenset[str]) -> list[str]:
    """Forward longest match against the phrases' own vocabulary (no tokenizer needed),
    in words shorter than the text itself (its parts)."""
    out, i = [], 0
    while i < len(text):
        for j in range(min(len(text), i + 8, i + len(text) - 1), i, -1):
            if text[i:j] in vocabulary or j == i + 1:
                out.append(text[i:j])
                i = j
                break
    return out
