"""Hand-written topic vocabularies (bench/vocab/*.txt) and a forward-maximum matcher over them.

A line is matched once, left to right, taking the longest known string at each position
(forward maximum matching, as in Chinese word segmentation), so 安全生产 is read as the topic
word before 安全, and 粮食安全 as a 乡村振兴 term rather than as the word 安全.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

VOCAB_DIR = Path(__file__).resolve().parent.parent / "vocab"
GENERIC_FILE = "_generic.txt"


@dataclass(frozen=True)
class Topic:
    """One field of work: its name, the words that are the topic itself, and its subject terms."""

    id: str
    name: str
    aliases: frozenset[str]
    terms: frozenset[str]


@dataclass(frozen=True)
class Match:
    """One matched span: the string, where it starts, and what it is for the topic asked about."""

    text: str
    start: int
    kind: str  # "own" | "alias" | "generic" | "leak" | "neutral"
    owners: tuple[str, ...] = ()  # for "leak": the topics whose specific word this is


def normalise(text: str) -> str:
    """NFKC (full-width letters and digits become ASCII) and no whitespace."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def parse_topic(text: str, source: str = "<text>") -> Topic:
    """Read one vocabulary file: `name = …`, `id = …`, `aliases = a、b`, then one term a line."""
    fields: dict[str, str] = {}
    terms: set[str] = set()
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if "=" in line:
            key, _, value = line.partition("=")
            key = key.strip()
            if key not in ("name", "id", "aliases"):
                raise ValueError(f"{source}:{number}: unknown field {key!r}")
            fields[key] = value.strip()
        else:
            terms.add(normalise(line))
    for key in ("name", "id"):
        if key not in fields:
            raise ValueError(f"{source}: missing `{key} = …`")
    aliases = {
        normalise(a) for a in fields.get("aliases", "").replace(",", "、").split("、") if a.strip()
    }
    aliases.add(normalise(fields["name"]))
    return Topic(fields["id"], fields["name"], frozenset(aliases), frozenset(terms - aliases))


def parse_generic(text: str) -> frozenset[str]:
    return frozenset(
        normalise(w) for raw in text.splitlines() if (w := raw.split("#", 1)[0].strip())
    )


@dataclass
class Vocabulary:
    """Every topic's vocabulary plus the genre words that count for no topic."""

    topics: dict[str, Topic]
    generic: frozenset[str]
    _lexicon: set[str] = field(default_factory=set, repr=False)
    _longest: int = 0

    def __post_init__(self) -> None:
        for topic in self.topics.values():
            self._lexicon |= topic.terms | topic.aliases
        self._lexicon |= self.generic
        self._longest = max((len(w) for w in self._lexicon), default=0)

    def get(self, key: str) -> Topic:
        """A topic by id, name or alias."""
        if key in self.topics:
            return self.topics[key]
        norm = normalise(key)
        for topic in self.topics.values():
            if norm == topic.name or norm in topic.aliases:
                return topic
        raise KeyError(key)

    def segments(self, line: str) -> list[tuple[int, str]]:
        """Forward maximum matching: (start, string) of each known string in `line`."""
        text = normalise(line)
        found, i = [], 0
        while i < len(text):
            for length in range(min(self._longest, len(text) - i), 0, -1):
                piece = text[i : i + length]
                if piece in self._lexicon:
                    found.append((i, piece))
                    i += length
                    break
            else:
                i += 1
        return found

    def classify(self, word: str, topic: Topic) -> Match:
        if word in self.generic:
            return Match(word, 0, "generic")
        if word in topic.aliases:
            return Match(word, 0, "alias")
        if word in topic.terms:
            return Match(word, 0, "own")
        owners = tuple(
            sorted(
                t.id
                for t in self.topics.values()
                if t.id != topic.id and (word in t.terms or word in t.aliases)
            )
        )
        return Match(word, 0, "leak", owners) if owners else Match(word, 0, "neutral")

    def matches(self, line: str, topic: Topic) -> list[Match]:
        """Every known string in `line`, classified for an outline on `topic`."""
        out = []
        for start, word in self.segments(line):
            m = self.classify(word, topic)
            out.append(Match(m.text, start, m.kind, m.owners))
        return out

    def mask_aliases(self, line: str, mark: str = "◇") -> str:
        """The line with every topic's name and aliases replaced by `mark` (for swap detection)."""
        text = normalise(line)
        aliases = set().union(*(t.aliases for t in self.topics.values()))
        pieces, last = [], 0
        for start, word in self.segments(text):
            if word in aliases:
                pieces.append(text[last:start] + mark)
                last = start + len(word)
        pieces.append(text[last:])
        return "".join(pieces)


def load_vocabulary(folder: Path = VOCAB_DIR) -> Vocabulary:
    """Read every `<id>.txt` in `folder` and its `_generic.txt`."""
    topics = {}
    for path in sorted(folder.glob("*.txt")):
        if path.name == GENERIC_FILE:
            continue
        topic = parse_topic(path.read_text(encoding="utf-8"), str(path))
        topics[topic.id] = topic
    generic_path = folder / GENERIC_FILE
    generic = (
        parse_generic(generic_path.read_text(encoding="utf-8"))
        if generic_path.exists()
        else frozenset()
    )
    return Vocabulary(topics, generic)
