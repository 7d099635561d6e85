"""Topic knowledge: which phrases belong to a topic named at run time.

Phrases come from three sources, in this order of trust: the reference documents given for this
speech (``--ref``), the writer's corpus (speeches and documents on the topic), and the bundled
formulations harvested from public-domain official documents (drafter.topics.build). A topic is
any string: its key terms are found in the phrases' own vocabulary (longest match, no tokenizer
at run time), widened by the context terms of the phrases that name it (pseudo-relevance
feedback), so 防汛 reaches 防汛抗旱 and 防灾减灾 and 营商环境 reaches 政务服务 without a list.

Leak control is the same rule for every topic: a phrase whose specific words (the rare ones, not
the genre's common verbs and nouns) do not belong to this topic's vocabulary is never used.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cached_property
from typing import Any

from drafter.data import read_data_lines
from drafter.topics.divides import Bars, off_side
from drafter.topics.harvest import names_a_place, rejected
from drafter.topics.material import BROAD, Phrase, TopicMaterial, dedupe
from drafter.topics.names import topic_names
from drafter.topics.near import bundled_associations, near_terms
from drafter.topics.wording import EMPTY, action_words, every_fields, in_current_wording

__all__ = ["Knowledge", "Phrase", "TopicMaterial", "bundled_associations"]

TRUST = {"ref": 3.0, "corpus": 1.6, "bundled": 1.0}
# Words so common across phrases of every topic that they say nothing about the subject.
GENERIC_SHARE = 0.012
UBIQUITOUS = 0.05  # a term around this share of all phrases says nothing of a topic
MIN_LIFT = 2.0  # how much more often a term must occur around the topic than elsewhere
FEEDBACK = (0.8, 0.6)  # weight of the seeds each feedback round adds
FEEDBACK_SEEDS = 150  # phrases each feedback round adds as seeds
MIN_NAMED = 8  # below this many phrases naming the topic, its parts are searched too
NEAR_BELOW = 12  # below this many, the near fields' names too (drafter.topics.near)
PASSING = 0.1  # a piece naming the topic in fewer of its phrases than this mentions it in passing
TOP_CONTEXT = 30  # the best context scores that set the bar for the rest
CONTEXT_SHARE = 0.22  # a phrase's context must speak of the topic this much (share of the best)
PERIPHERY = 0.4  # weight of phrases whose words are not all of the topic's own vocabulary
BROAD_NAMED = 6  # the same, for a word beside the topic's own name, unless its uses are one field's
ONE_FIELD = 0.35  # share of a word's phrases sharing a context term when they are one field's
NEAR_WEIGHT = 0.5  # the weight of the phrases they find, beside those naming the topic
AFFINITY_SHARE = 0.4  # the other phrases using a specific word must be this much on the topic
IN_PASSING = 0.3  # a bundled phrase naming the topic in surroundings this far below the bar is another field's
ANCHORED = 2.5  # a phrase said this far above the bar (share of it), with a word of the topic's own
OFF_SIDE = 0.5  # weight of a phrase of a topic on one side of a divide that names not its side (divides)


class Knowledge:
    """All phrases drafter can draw on, and the statistics that tell topics apart."""

    def __init__(self, phrases: Sequence[Phrase], associations: Mapping[str, Sequence[str]] | None = None,
                 *, bundled: bool = False) -> None:
        self.phrases = list(phrases)
        self._associations = associations
        self._bundled = bundled  # the bundled term associations are read when first needed
        self._fields: dict[str, bool] = {}  # word -> its phrases are one field's (_one_field)

    @classmethod
    def bundled(cls) -> Knowledge:
        knowledge = cls.from_lines(read_data_lines("formulations.tsv"))
        knowledge._bundled = True
        return knowledge

    @cached_property
    def associations(self) -> Mapping[str, Sequence[str]]:
        """For a term, the terms the documents say with it most (防汛: 抗旱, 防洪, 汛期…)."""
        if self._associations is not None:
            return self._associations
        return bundled_associations() if self._bundled else {}

    def naming(self, term: str, bundled: bool = False) -> int:
        """How many phrases say `term` in their text (with `bundled`, of the official documents'
        formulations only: a measure the writer's corpus does not move)."""
        return sum(1 for p in self.phrases if term in p.text and (not bundled or p.source == "bundled"))

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> Knowledge:
        """Formulations written by drafter.topics.build (words, documents, context terms)."""
        opens = action_words()

        phrases = []
        for line in lines:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            words, docs, context, *mark = line.split("\t")
            text = words.replace(" ", "")
            # (data built before a place entered the harvest's list still holds it: 首都)
            if rejected(text) or names_a_place(text) or words.split(" ", 1)[0] not in opens:
                continue
            phrases.append(in_current_wording(Phrase(tuple(words.split(" ")), int(docs), tuple(context.split(" ")),
                                           dated=mark == ["dated"])))
        return cls(phrases)

    def extended(self, extra: Iterable[Phrase]) -> Knowledge:
        """These phrases first (the writer's corpus in today's wording; a reference as it says it)."""
        # the corpus phrases cached before a rule of the harvest changed are read by today's rules
        extra = [in_current_wording(p) if p.source == "corpus" else p for p in extra
                 if p.source != "corpus" or not rejected(p.text)]
        return Knowledge(extra + self.phrases, self._associations, bundled=self._bundled)

    def _share(self, terms: Callable[[Phrase], set[str]]) -> dict[str, float]:
        counts: Counter[str] = Counter()
        for p in self.phrases:
            counts.update(terms(p))
        n = max(1, len(self.phrases))
        return {w: c / n for w, c in counts.items()}

    @cached_property
    def word_share(self) -> dict[str, float]:
        """In what share of phrases each word occurs (text or context)."""
        return self._share(lambda p: set(p.words) | set(p.context))

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        return frozenset(self.word_share)

    @cached_property
    def text_share(self) -> dict[str, float]:
        """In what share of phrases each word occurs in the phrase itself."""
        return self._share(lambda p: set(p.words))

    def generic(self, word: str) -> bool:
        """A word of the genre's common stock (加强, 建设, 机制), not of any one subject."""
        return len(word) < 2 or word in action_words() or self.text_share.get(word, 0.0) >= GENERIC_SHARE

    def keys_of(self, topic: str) -> tuple[str, ...]:
        """The topic's key terms: the topic, its core without genre affixes, its known words."""
        names, parts = self.names_of(topic)
        return tuple(dict.fromkeys(names + parts))

    def names_of(self, topic: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(the topic's names: itself and its core without genre affixes, its known parts)."""
        return topic_names(self, topic)

    def for_topic(self, topic: str, limit: int = 400) -> TopicMaterial:
        """The topic's phrases, best first: named by the topic or used where it is discussed."""
        keys, parts = self.names_of(topic)
        if not keys:
            return TopicMaterial(topic, (), {})
        # the topic's own name (and its core) names it; its parts (文明 of 文明城市创建) only
        # help to find its material when the name itself is rare
        base = self._named(keys, 1.0)
        if sum(1 for _, p in base if any(k in p.text for k in keys)) < MIN_NAMED and parts:
            # a rare name is found through its subjects (信访维稳: 信访, 维稳; 党风廉政建设: 廉政),
            # never through its verbs (创建 of 文明城市创建), and only through parts that speak of
            # one field together (维修 of 航天器在轨维修 alone leads to road repairs)
            base += self._named(self._coherent(parts), 0.5)
        if sum(1 for _, p in base if any(k in p.text for k in keys)) < NEAR_BELOW:
            # a topic the formulations seldom name is found through the terms the documents say
            # with it (防汛: 防洪, 防灾减灾), those that name phrases of their own
            near = near_terms(self, keys)
            if near:
                base += self._named(near, NEAR_WEIGHT)
        if not base:
            return TopicMaterial(topic, keys, {})  # nothing names the topic: say so
        # the writer's pieces that mention the topic only in passing (统筹做好防汛防疫 in an
        # epidemic speech) do not say what its words are: their phrases are material, not seeds
        base = self._on_topic_pieces(base, keys)
        bars = Bars.of(keys, parts)
        vocabulary = self._vocabulary(base, keys)
        if len(vocabulary) <= len(keys):
            return TopicMaterial(topic, keys, vocabulary)
        # the phrases used where those terms are used widen the vocabulary (pseudo-relevance
        # feedback), each round's new seeds weighing less than the last
        # the terms said around the field's phrases, also those too light for its vocabulary
        # (空气质量, 固体废物 of 生态环境保护): a phrase on them is no phrase of its margin
        around: set[str] = set()
        for round_weight in FEEDBACK:
            ranked = sorted(self._admitted(keys, vocabulary, bars=bars), key=lambda sp: (-sp[0], sp[1].text))
            ranked = ranked[:FEEDBACK_SEEDS]
            top = ranked[0][0] if ranked else 1.0
            seeds = base + [(round_weight * c / top * TRUST[p.source], p) for c, p in ranked]
            vocabulary = self._vocabulary(seeds, keys, around)
        scored = []
        for c, p, named, specific in self._admitted(keys, vocabulary, detail=True, bars=bars):
            if p.dated:
                continue  # its words found the field; the wording is no longer said (加强行政监察)
            text_score = sum(vocabulary.get(w, 0.0) for w in specific) / math.sqrt(len(specific) or 1)
            # a phrase that only names the topic (做好安全生产工作) frames; one with its own
            # subject matter (推动重大事故隐患动态清零) is what a point is built on
            s = (0.5 if named else 0.0) + (0.3 if specific else -0.2) + c + text_score
            s *= TRUST[p.source] * (1 + 0.1 * math.log(p.docs + 1))
            if not named and any(vocabulary.get(w, 0.0) <= 0.0 and w not in around and w not in EMPTY
                                 for w in specific):
                # admitted on its other uses only, not on this topic's own vocabulary: the
                # margin of the field, where neighbours creep in; it ranks below the core
                s *= PERIPHERY
            if not named and off_side(p.text, bars.sides):
                # 乡村振兴's tasks say 农村, 农业, 乡村: 统筹城乡社会救助体系 and 壮大县域经济 are said
                # beside them in the reports, and rank below them
                s *= OFF_SIDE
            if s > 0:
                scored.append((round(s, 4), p))
        scored.sort(key=lambda sp: (-sp[0], sp[1].text))
        # terms in one order however the sets above iterated (a cached material is read back sorted)
        return TopicMaterial(topic, keys, dict(sorted(vocabulary.items())), dedupe(scored)[:limit])

    def _admitted(self, keys: Sequence[str], vocabulary: dict[str, float], detail: bool = False,
                  bars: Bars | None = None) -> list[Any]:
        """The phrases on the topic: named by it, or used where it is discussed, and with no
        specific word at home elsewhere (the one rule of leak control). Each with its context
        score relative to the phrases that name the topic."""
        ctx = self._context_scores(vocabulary)
        best = sorted(ctx.values(), reverse=True)[:TOP_CONTEXT]
        threshold = CONTEXT_SHARE * (sum(best) / len(best) if best else 1.0)
        affinity = self._affinity(ctx)
        bars = bars or Bars()
        out: list[Any] = []
        for i, p in enumerate(self.phrases):
            named = any(k in p.text for k in keys)
            c = ctx.get(i, 0.0)
            if p.source == "ref" and (named or c >= 0.3 * threshold):
                # the writer gave this reference for this speech: any of its tasks that
                # touches the topic is material, whatever else the reference is about
                out.append((max(c, threshold) / (4 * threshold), p, named, []) if detail
                           else (max(c, threshold), p))
                continue
            if not named and c < threshold or bars.exclude(p.text):
                continue
            if named and p.source == "bundled" and c < IN_PASSING * threshold:
                # the topic's name inside another field's wording, said where that field is
                # (开展消防宣传教育, 开展保密宣传教育 for 教育): the documents around it are not on the topic
                continue
            specific = [w for w in p.words if not self.generic(w) and not any(w in k for k in keys)]
            if not specific and not named:
                continue  # nothing but genre words: framing, not substance
            # a phrase naming the topic (开展安全生产宣传教育) is its own unless one of its words is
            # at home in one other field (防疫 of 统筹做好防汛防疫): a word several fields use
            # (宣传教育, 技能, 力量) is no other field's
            # a formulation said where the topic is said most, on a word of its own (事故隐患 of
            # 推动重大事故隐患动态清零), is the topic's: its rarer words (清零, 动态) are its wording.
            # Not a writer's clause (a small corpus is all rare words), and in the final pass only:
            # such phrases do not widen the vocabulary they were admitted on.
            anchored = detail and p.source == "bundled" and c >= ANCHORED * threshold \
                and any(vocabulary.get(w, 0.0) > 0.0 for w in specific)
            if any(self._foreign(w, vocabulary, affinity, c, named, threshold, anchored) for w in specific):
                continue
            out.append((c / (4 * threshold), p, named, specific) if detail else (c, p))
        return out

    def _foreign(self, word: str, vocabulary: dict[str, float], affinity: dict[str, tuple[float, int]],
                 c: float, named: bool, threshold: float, anchored: bool = False) -> bool:
        """A word of the phrase at home in another field: not in the topic's vocabulary, its other
        uses off the topic, and used in few phrases (a phrase naming the topic: or in one field's);
        a few uses are no field's home when the phrase is `anchored` on the topic."""
        if vocabulary.get(word, 0.0) > 0.0 or _others(affinity, word, c) >= AFFINITY_SHARE * threshold:
            return False
        uses = affinity.get(word, (0.0, 0))[1]
        if named and uses >= BROAD_NAMED:
            return self._one_field(word)
        return uses < BROAD and not anchored

    def _one_field(self, word: str) -> bool:
        """Whether the phrases using `word` are said in one field's sentences: most of them share
        a context term (防疫: 疫情), where a word of many fields (宣传教育) shares none so widely."""
        found = self._fields.get(word)
        if found is None:
            uses = [p for p in self.phrases if word in p.words]
            common: Counter[str] = Counter(t for p in uses for t in set(p.context)
                                           if t != word and word not in t and not self.generic(t))
            top = common.most_common(1)
            found = self._fields[word] = bool(top) and top[0][1] >= ONE_FIELD * len(uses)
        return found

    @cached_property
    def _piece_sizes(self) -> Counter[str]:
        return Counter(_piece(p) for p in self.phrases if p.source != "bundled")

    def _on_topic_pieces(self, base: list[tuple[float, Phrase]], keys: Sequence[str]
                         ) -> list[tuple[float, Phrase]]:
        """The seeds, without those of corpus pieces where the topic is named in passing
        (fewer than PASSING of their phrases): bundled formulations always stay."""
        naming = Counter(_piece(p) for _, p in base if p.source != "bundled" and any(k in p.text for k in keys))
        about = {piece for piece, n in naming.items()
                 if n >= 3 or n >= PASSING * self._piece_sizes[piece]}
        kept = [(w, p) for w, p in base if p.source == "bundled" or _piece(p) in about]
        return kept or base

    def _coherent(self, parts: Sequence[str]) -> list[str]:
        """The parts of a name that are used in one field: several phrases each, and (when the
        name has more than one part) sharing context terms with another part."""
        around: dict[str, set[str]] = {}
        used: dict[str, int] = {}
        for part in parts:
            ctx: set[str] = set()
            n = 0
            for p in self.phrases:
                if part in p.text:
                    n += 1
                    ctx.update(p.context)
            used[part] = n
            if n >= 3:
                around[part] = ctx
        if len(parts) == 1 or (len(parts) == 2 and len(around) == 1 and min(used.values()) == 0):
            # one subject, the other part unknown to the data (维稳 of 信访维稳): only a
            # subject the data knows well speaks for the whole name
            return [part for part in around if used[part] >= MIN_NAMED]
        keep = []
        for part, ctx in around.items():
            for other, octx in around.items():
                if other != part and len(ctx & octx) >= 0.15 * min(len(ctx), len(octx)):
                    keep.append(part)
                    break
        return keep

    def _named(self, keys: Sequence[str], weight: float,
               every: bool = False) -> list[tuple[float, Phrase]]:
        """Phrases naming a key (all the keys, with `every`), or with it among their context
        terms (less weight)."""
        found = all if every else any
        out = []
        for p in self.phrases:
            w = weight if found(k in p.text for k in keys) else (
                0.4 * weight if found(k in p.context for k in keys) else 0.0)
            if w:
                out.append((w * TRUST[p.source], p))
        return out

    def _context_scores(self, vocabulary: dict[str, float]) -> dict[int, float]:
        """How much each phrase's surroundings speak of the topic (index -> score, zeros left out)."""
        out = {}
        for i, p in enumerate(self.phrases):
            if p.context:
                c = sum(vocabulary.get(t, 0.0) for t in p.context) / math.sqrt(len(p.context))
                if c > 0:
                    out[i] = c
        return out

    def _affinity(self, ctx: dict[int, float]) -> dict[str, tuple[float, int]]:
        """For each specific word: the summed topic score of the phrases using it, and how many."""
        total: defaultdict[str, float] = defaultdict(float)
        count: Counter[str] = Counter()
        for i, p in enumerate(self.phrases):
            c = ctx.get(i, 0.0)
            for w in set(p.words):
                if not self.generic(w):
                    total[w] += c
                    count[w] += 1
        return {w: (total[w], count[w]) for w in count}

    def _vocabulary(self, seeds: Sequence[tuple[float, Phrase]], keys: Sequence[str],
                    around: set[str] | None = None) -> dict[str, float]:
        """Terms far more frequent around the seeds than in all phrases (lift), weighted by use;
        `around` (when given) is filled with every such term, also those too light to keep."""
        if around is not None:
            around.clear()
        weight: defaultdict[str, float] = defaultdict(float)
        total = sum(w for w, _ in seeds)
        if not total:
            return {}
        # a term the writer's pieces alone bring needs two of them, or one that names the topic
        # in two of its clauses: one sentence of a 乡村振兴 speech naming 生态环境保护 in passing
        # does not make its 后富 an ecology word
        naming = Counter(_piece(p) for p in {p for _, p in seeds}
                         if p.source == "corpus" and any(k in p.text for k in keys))
        vouched: defaultdict[str, set[str]] = defaultdict(set)
        for w, p in seeds:
            piece = _piece(p) if p.source == "corpus" else ""
            votes = (piece, piece + "#") if not piece or naming[piece] >= 2 else (piece,)
            for term in set(p.context) | set(p.words):
                if not self.generic(term) and self.word_share.get(term, 0.0) < UBIQUITOUS:
                    weight[term] += w
                    vouched[term].update(votes)
        vocab = {}
        for term, w in weight.items():
            if len(vouched[term]) < 2 or every_fields(term):
                continue
            share = w / total
            lift = share / max(self.word_share.get(term, 0.0), 1e-6)
            if lift >= MIN_LIFT and w >= 0.2:
                vocab[term] = share * math.log(lift)
                if around is not None:
                    around.add(term)
        if not vocab:
            return {k: 1.0 for k in keys}
        top = max(vocab.values())
        vocabulary = {t: round(v / top, 4) for t, v in vocab.items() if v / top >= 0.01}
        for k in keys:
            vocabulary[k] = 1.0
        return vocabulary


def _piece(p: Phrase) -> str:
    """The file a corpus or reference phrase came from (its origin without the line)."""
    return p.origin.rsplit(":", 1)[0]


def _others(affinity: dict[str, tuple[float, int]], word: str, own: float) -> float:
    """How on-topic the *other* phrases using `word` are: none when no other phrase uses it
    (收费公路, in one report's list beside 营商环境, is vouched for by nothing else)."""
    total, count = affinity.get(word, (0.0, 0))
    if count <= 1:
        return 0.0
    return (total - own) / (count - 1)
