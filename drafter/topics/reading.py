"""What each phrase of one topic's material says, worked out once per outline: whether it
names a subject of its own, whether it is in the topic's own words or at its margin, whether a
heading can name it, and how close it is to another phrase. Composition (drafter.topics.compose)
asks these questions thousands of times per outline; nothing here depends on what is used.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field

from drafter.topics.material import Phrase, TopicMaterial
from drafter.topics.wording import (
    ADVERB,
    DANGLING,
    EMPTY,
    SAME,
    VERB,
    gist,
    gist_pairs,
    headless,
    within,
)

RESTATES = 0.6  # share of character pairs two clauses of one heading share when they say one thing
# a term said around this share of the topic's phrases is the field's own air (农村, 乡村 of 乡村振兴),
# not a subject two phrases have in common
COMMON_SHARE = 0.1
MATE_SHARED = 3  # the uncommon terms two phrases share when they are one subject (a heading's two clauses)


def _listed_verbs(text: str) -> bool:
    """A regulation's list of duties: two-character verbs joined by 、 (督促、检查安全生产工作)."""
    return len(text) >= 6 and text[2] == "、" and "、" not in text[:2]


@dataclass
class Reading:
    """Questions about the phrases of one topic's material, with their answers cached."""

    material: TopicMaterial
    _subjects: dict[str, frozenset[str]] = field(default_factory=dict)
    _word_sets: dict[str, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict)
    _answers: dict[tuple[str, str], tuple[bool, bool, bool, bool]] = field(default_factory=dict)
    _closeness: dict[tuple[str, str, float], float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        keys = self.material.keys
        scores = sorted(s for s, _ in self.material.phrases)
        self.median = scores[len(scores) // 2] if scores else 0.0  # the material's median score
        # the weight of the topic's median vocabulary term: a phrase whose subject words all
        # weigh less is at the margin of the field (食品药品 beside 安全生产; 隐患 is above it)
        weights = sorted(self.material.vocabulary.values())
        self.vocab_median = weights[len(weights) // 2] if weights else 0.0
        self._strong = frozenset(t for t, w in self.material.vocabulary.items()
                                 if w >= self.vocab_median and len(t) >= 2 and t not in EMPTY)
        # what each phrase says, worked out once: every use compares it with all the others
        self._cores = [(p.text, gist(p.text, keys), gist_pairs(p.text, keys))
                       for _, p in self.material.phrases]
        self._headless = [headless(core) for _, core, _ in self._cores]  # (saying_the_same)
        self._naming_only = frozenset(text for text, _, grams in self._cores if not grams)
        # in how many of the topic's phrases each term is said (its words or their sentences)
        said = Counter(t for _, p in self.material.phrases for t in set(p.context) | set(p.words))
        everywhere = max(4.0, COMMON_SHARE * len(self.material.phrases))  # a small field: in 4 of them
        self._common = frozenset(t for t, n in said.items() if n >= everywhere)
        self._by_gram: dict[str, list[int]] = {}
        for i, (_, _, grams) in enumerate(self._cores):
            for g in grams:
                self._by_gram.setdefault(g, []).append(i)

    def saying_the_same(self, text: str) -> Collection[str]:
        """The material's phrases that say what `text` says (促进农民增收 / 促进农民持续增收)."""
        keys = self.material.keys
        grams = gist_pairs(text, keys)
        if not grams:
            # a phrase that only names the topic (持续优化营商环境) says what every other such
            # phrase says (进一步优化营商环境): one of them per outline
            return self._naming_only

        core = gist(text, keys)
        # only phrases sharing a character pair with it can say the same (inverted index)
        overlap: Counter[int] = Counter(i for g in grams for i in self._by_gram.get(g, ()))
        same = []
        short = headless(core)
        for i, shared in overlap.items():
            other_text, other_core, other = self._cores[i]
            if short == self._headless[i] != other_core or short == other_core != core:
                # the same subject under another empty head (完善国防动员体系 / 提高国防动员能力)
                same.append(other_text)
                continue
            smaller = min(len(grams), len(other))
            # a core of one character pair (管理 of 加强安全生产管理) is the same only as a core
            # of at most two that holds it (落实安全生产责任 / 落实全员安全生产责任)
            if (shared >= SAME * smaller if smaller >= 2 else shared and max(len(grams), len(other)) <= 2) \
                    or (shared and (within(core, other_core) or within(other_core, core))):
                same.append(other_text)
        return same

    def names_only(self, p: Phrase) -> bool:
        """The phrase only names the topic in a genre verb (加强安全生产, 持续优化营商环境)."""
        return p.text in self._naming_only

    def upper(self, pool: list[tuple[float, Phrase]]) -> list[tuple[float, Phrase]]:
        """The pool's phrases of the topic's core (the upper half of the material), if any."""
        strong = [sp for sp in pool if sp[0] >= self.median]
        return strong or pool

    def _flags(self, p: Phrase) -> tuple[bool, bool, bool, bool]:
        """(complete, substantive, heading-like, own) of `p`, worked out once per text and source:
        composition asks them of every free phrase at every draw."""
        key = (p.text, p.source)
        found = self._answers.get(key)
        if found is None:
            # a regulation's list of duties (督促、检查安全生产工作) is no speech's clause either
            complete = not DANGLING.search(p.text) and not _listed_verbs(p.text)
            heading_like = complete and not (p.source == "corpus" and len(p.text) > 12)
            found = self._answers[key] = (complete, self._has_substance(p), heading_like, self._own(p))
        return found

    def headable(self, p: Phrase) -> bool:
        """Short enough for a heading (14 characters), with a subject of its own, a heading's kind."""
        if len(p.text) > 14:
            return False
        flags = self._flags(p)
        return flags[1] and flags[2]

    def heading_like(self, p: Phrase) -> bool:
        """A task a heading can name: not one whose object is left to the sentence around it
        (督促生产经营单位落实, 及时进行处理), nor a regulation's list of duties (督促、检查安全生产工作),
        nor a clause of the writer's corpus longer than a formulation (a heading of its own words
        would be a line of the corpus copied)."""
        return self._flags(p)[2]

    def complete(self, p: Phrase) -> bool:
        """A clause that says its object, not one left to the sentence around it (及时进行处理),
        and not a regulation's list of duties (督促、检查安全生产工作)."""
        return self._flags(p)[0]

    def own(self, p: Phrase) -> bool:
        """Named by the topic, or saying a word of its own vocabulary with some weight: a heading
        says what the speech is about (努力办好人民满意的教育, found beside 廉政 in one report's
        paragraph, is only the margin of the field)."""
        return self._flags(p)[3]

    def _own(self, p: Phrase) -> bool:
        # the writer gave the reference for this speech: its tasks are its own; a phrase naming
        # the topic is; and one saying a weighty term of its vocabulary, also inside a longer word
        # (腐败 of 惩治腐败) or as a part of the topic's name (廉政 of 防控廉政风险)
        if p.source == "ref" or any(k in p.text for k in self.material.keys):
            return True
        strong = self._strong
        return any(w[i:j] in strong for w in p.words[1:] for i in range(len(w) - 1)
                   for j in range(i + 2, len(w) + 1))

    def substantive(self, p: Phrase) -> bool:
        """More than the topic's name in a genre verb (做好安全生产工作 names, it does not say),
        and a subject of its own (完善相关机制 says nothing)."""
        return self._flags(p)[1]

    def _has_substance(self, p: Phrase) -> bool:
        # what follows the verb, after an adverb before it too (不断增强发展内生动力: 增强 is its verb)
        words = p.words[1:] if len(p.words) > 2 and ADVERB.fullmatch(p.words[0]) and VERB.fullmatch(p.words[1]) \
            else p.words
        rest = "".join(words[1:])
        for k in self.material.keys:
            rest = rest.replace(k, "")
        for w in sorted(EMPTY, key=len, reverse=True):
            rest = rest.replace(w, "")
        if len(rest.strip("的和与及、")) < 2:
            return False
        text = p.text
        for k in self.material.keys:
            text = text.replace(k, "")
        return len(ADVERB.sub("", text)) >= 5 or text == p.text

    def closeness(self, anchor: Phrase, pool: list[tuple[float, Phrase]]
                   ) -> list[tuple[float, tuple[float, Phrase]]]:
        """(closeness to the anchor, phrase) for the pool's better half, closest first."""
        # the better half of the topic's phrases first: the tail is where other fields creep in
        pool = self.upper(pool)
        ctx = set(anchor.context) | set(anchor.words)
        vocab = self.material.vocabulary
        # the point's own subject words (耕地, 粮食 of 严守耕地红线，稳定粮食播种面积): a sub-point
        # saying one of them, or said where one was, is the point's own
        own = self.subject_words(anchor)

        anchor_context = set(anchor.context)
        memo = self._closeness

        def close(sp: tuple[float, Phrase]) -> float:
            s, p = sp
            key = (anchor.text, p.text, s)  # a point's sub-points and bodies ask about one anchor
            found = memo.get(key)
            if found is None:
                words, context = self.sets(p)
                shared = (context | words) & ctx
                said = len(own & words) + 0.5 * len(own & context) \
                    + 0.5 * len(self.subject_words(p) & anchor_context)
                found = memo[key] = s * (0.3 + sum(vocab.get(t, 0.05) for t in shared) + said)
            return found

        scored = [(close(sp), sp) for sp in pool]
        return sorted(scored, key=lambda r: (-r[0], r[1][1].text))

    def weight(self, p: Phrase) -> float:
        """How central a phrase's subject is to the field: its weightiest subject word's weight."""
        vocab = self.material.vocabulary
        return max((vocab.get(w, 0.0) for w in self.subject_words(p)), default=0.0)

    def breadth(self, p: Phrase, others: list[Phrase]) -> int:
        """How many of `others` were said in sentences like the phrase's (two context terms in
        common): the field's whole work (推进安全生产治本攻坚) is said beside many of its tasks."""
        context = self.sets(p)[1]
        return sum(1 for q in others if len(self.sets(q)[1] & context) >= 2)

    def sets(self, p: Phrase) -> tuple[frozenset[str], frozenset[str]]:
        """A phrase's words and context terms as sets, made once."""
        found = self._word_sets.get(p.text)
        if found is None:
            found = self._word_sets[p.text] = (frozenset(p.words), frozenset(p.context))
        return found

    @property
    def common(self) -> frozenset[str]:
        """The terms said around so many of the topic's phrases that they are the field's air."""
        return self._common

    def uncommon(self, p: Phrase) -> frozenset[str]:
        """A phrase's words and context terms the rest of the field does not say everywhere."""
        words, context = self.sets(p)
        return (words | context) - self._common

    def one_subject(self, one: Phrase, other: Phrase) -> bool:
        """Two phrases about one subject: they share terms the rest of the field does not say
        everywhere (强化耕地保护 / 遏制耕地“非农化”; not 推进农村移风易俗 / 创新乡村振兴投融资机制,
        which share only 农村, 乡村, 振兴)."""
        return len(self.uncommon(one) & self.uncommon(other)) >= MATE_SHARED

    def apart_from(self, ranked: list[tuple[float, Phrase]], siblings: list[Phrase]) -> list[tuple[float, Phrase]]:
        """The ranked pool without the phrases on a sibling's subject (one_subject), while others
        are left."""
        apart = [sp for sp in ranked if not any(self.one_subject(sp[1], a) for a in siblings)]
        return apart or ranked

    def subject_words(self, p: Phrase) -> frozenset[str]:
        """The words of a phrase that say what it is about: not its verb, the topic's name or
        the genre's empty nouns."""
        found = self._subjects.get(p.text)
        if found is None:
            keys = self.material.keys
            found = self._subjects[p.text] = frozenset(
                w for w in p.words[1:] if len(w) >= 2 and w not in EMPTY and not VERB.match(w)
                and not any(w in k or k in w for k in keys))
        return found

    def covers(self, one: Phrase, other: Phrase) -> bool:
        """One phrase's subject says all the other's, or the other way round: each subject word of
        the narrower inside one of the wider's (矛盾 of 化解各类矛盾 in 矛盾纠纷 of 加强矛盾纠纷排查化解);
        深化危化品专项整治 and 开展道路交通专项整治 share words, not their whole subject."""
        a, b = self.subject_words(one), self.subject_words(other)
        if not a or not b:
            return False
        return all(any(w in x for x in b) for w in a) or all(any(w in x for x in a) for w in b)

    @staticmethod
    def restates(one: str, other: str) -> bool:
        """Two clauses mostly of the same characters (全面贯彻国家的教育方针 / 全面贯彻党的教育方针):
        one heading's two clauses would say one thing twice."""
        a, b = ({t[i:i + 2] for i in range(len(t) - 1)} for t in (one, other))
        return bool(a and b) and len(a & b) >= RESTATES * min(len(a), len(b))

    def echoes(self, lead: str, text: str) -> bool:
        """A lead that says what the phrase says (压实工作责任 / 压实安全生产责任), or says one of
        its words again (狠抓工作落实，落实管护责任)."""
        mine = gist_pairs(lead)
        if len(mine & gist_pairs(text, self.material.keys)) >= 0.5 * len(mine):
            return True
        return any(lead[i:i + 2] in text for i in range(2, len(lead) - 1, 2))
