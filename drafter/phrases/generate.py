"""Generation: new lines by recombining real clauses of one slot kind (no jieba needed).

A line is built clause by clause: the first clause opens a real line of the pool, each next
clause closes or continues another real line; the choice favours clauses that share content
words with the first one and whose lead word follows the previous clause's lead word in the
pool's clause chain (a markovify Chain whose states are clause lead words). Every candidate is
checked for form and novelty; after the allowed tries the caller gets None (never a copy).
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from drafter.phrases.book import ParallelGroup, PhraseBook, Unit
from drafter.phrases.checks import _doubled, _echoes, _repeats, _stutters
from drafter.phrases.form import heading_problems, sentence_problems
from drafter.phrases.genre import (
    _ADVERBS,
    _BAD_LATER,
    _CLOSING_FORMULAS,
    _HEADING_ADVERBS,
    _REPORTED,
    _STOP,
    FRAMED,
    GenreMixin,
    _Clause,
)
from drafter.phrases.grammar import (
    ACT,
    FOLLOWS,
    OPENERS,
    PURPOSE,
    STATE,
    ClauseTyper,
    counts_points,
)
from drafter.phrases.novelty import NoveltyIndex, NoveltyLimits

_CLAUSE_MARKS = ("，", "；", "：")
SHARES = 6
SMALL_POOL = 60  # openers a role's body pool needs to stand alone
ELIDED = 0.9  # share of body sentences drawn as one real sentence with a clause left out
NEAR = 2  # how many sentences away a "neighbouring" clause may come from
LOCAL = 1.0  # how often a sentence continues with a neighbouring clause
_MEETING_RE = re.compile(r"召开(?:了)?[^，。；]{2,40}?(?:会议|会(?!议))")
# Clauses that lean on a neighbour they would lose in recombination.
_BAD_FIRST = re.compile(
    r"^(?:但|而|并|同时|因此|所以|从而|这|其|此|对此|也|还|又|特别是|尤其|如果|若|一旦|只要|即使|虽然|尽管)"
    r"|[的时后前中]$|^[“”]"
)
# The opening's second sentence sets the situation; the closing's middle one charges people.
_OPENING_LEAD = re.compile(
    r"^(?:当前|目前|近期|近来|今年以来|从当前|[^，]{0,8}形势|我们一定要|大家要|各级各部门要|必须清醒)"
)
_CLOSING_STARTS = ("各级", "各地", "各部门", "各单位", "希望大家", "大家要", "我们要", "全体", "广大")
VO_SHARE = 0.8  # share of one-clause points drawn from real verb-object pairs
COORDINATE = 0.95  # 1 - how often a short point coordinates two objects (加强物资调配和市场供应)
_CLOSING_LEAD = re.compile(r"^(?:各级|各地|各部门|各单位|希望大家|大家要|我们要|全体|广大)")



@dataclass
class _Pool:
    firsts: list[_Clause]
    mids: list[_Clause]
    lasts: list[_Clause]
    singles: list[_Clause]  # one-clause lines (most short headings)
    leads: frozenset[str]  # words that open two or more one-clause lines (强化, 加强, 切实 …)
    modifiers: frozenset[str]  # leads seen before another lead (切实, 坚决, 进一步): not verbs
    words: list[frozenset[str]]  # content words of each unit, for coherence
    chain: dict[str, dict[str, int]]
    closers: frozenset[str] = frozenset()  # words that most often open a closing clause (确保…)
    real_units: int = 1 << 30  # units at or past this index are heading-like body clauses


class Generator(GenreMixin):
    """Draws headings and sentences from a PhraseBook, for one topic."""

    def __init__(self, book: PhraseBook, topic: str = "", limits: NoveltyLimits | None = None):
        self.book = book
        self.limits = limits or NoveltyLimits()
        corpus_topic = book.topic.corpus_topic
        self.topic = topic or corpus_topic
        self.swapping = bool(corpus_topic) and self.topic != corpus_topic
        self._leak = frozenset(book.topic.leak) if self.swapping else frozenset()
        self._swap = frozenset(book.topic.swap)
        words = sorted(self._leak, key=len, reverse=True)
        self._leak_re = re.compile("|".join(map(re.escape, words))) if words else None
        self.index = NoveltyIndex(book.novelty_sentences, book.novelty_sources)
        self._pools: dict[str, _Pool] = {}
        self.typer = ClauseTyper(book.verbs, book.adverbs, book.verbal_nouns)
        self._terms = frozenset(book.terms) - self._leak
        self._pairs: set[tuple[str, str]] | None = None
        self._df: dict[str, int] | None = None

    def pairs(self) -> set[tuple[str, str]]:
        """Adjacent token pairs of every real line: a verb keeps an object it was seen with."""
        if self._pairs is None:
            self._pairs = {(a, b) for units in self.book.pools.values() for u in units
                           for toks, _ in u.clauses for a, b in zip(toks, toks[1:])}
        return self._pairs

    # ---- pools -------------------------------------------------------------------------
    def _pool(self, key: str) -> _Pool:
        if key not in self._pools:
            self._pools[key] = self._make_pool(self.book.pool(key), self.book.chains.get(key))
        return self._pools[key]

    def _verb_de(self, tokens: list[str]) -> bool:
        """True when 的 follows a clause's first verb with no object between (着力补齐的短板)."""
        first = True
        for a, b in zip(tokens, tokens[1:]):
            if a in _CLAUSE_MARKS:
                first = True
            elif self.typer.is_verb(a) and first:
                if b == "的":
                    return True
                first = False
        return False

    def _leaks(self, toks: list[str] | tuple[str, ...]) -> bool:
        """True when a clause carries a corpus-topic word outside the swapped topic name."""
        if self._leak_re is None:
            return False
        return bool(self._leak_re.search("".join(t for t in toks if t not in self._swap)))

    def _unsafe(self, toks: list[str] | tuple[str, ...]) -> bool:
        """A clause never to reuse: empty, naming a masked person, or carrying the corpus topic."""
        return not toks or "〔人名待补〕" in toks or self._leaks(toks)

    def _make_pool(self, units: list[Unit], chain_json: str | None) -> _Pool:
        pool = _Pool([], [], [], [], frozenset(), frozenset(), [], {})
        for i, u in enumerate(units):
            pool.words.append(frozenset(
                t for c, _ in u.clauses for t in c if len(t) >= 2 and t not in _STOP
            ))
            n = len(u.clauses)
            if any(m == "：" for _, m in u.clauses[:-1]):
                continue  # "…：一是…" lines do not recombine
            for j, (toks, mark) in enumerate(u.clauses):
                if self._unsafe(toks):
                    continue
                if not self.generic(toks):
                    continue  # specific to one speech: reads as a foreign detail elsewhere
                text = "".join(toks)
                if (_BAD_FIRST if j == 0 else _BAD_LATER).search(text):
                    continue
                if n > 1 and len(text) < (4 if j in (0, n - 1) else 3):
                    continue
                if _REPORTED.search(text) or len(re.sub(r"〔[^〕]*〕", "", text)) < 4:
                    continue  # reported speech, or a clause that is mostly fact slots
                c = _Clause(tuple(toks), mark, i, u.source, self.typer.kind(toks), j)
                if n == 1:
                    pool.singles.append(c)
                elif j == 0:
                    pool.firsts.append(c)
                elif j == n - 1:
                    pool.lasts.append(c)
                else:
                    pool.mids.append(c)
        closing_leads = Counter(c.tokens[0] for c in pool.lasts)
        pool.closers = frozenset(w for w, _ in closing_leads.most_common(15))
        firsts = Counter(c.tokens[0] for c in pool.singles)
        pool.leads = frozenset(w for w, k in firsts.items() if k >= 2)
        pool.modifiers = frozenset(
            c.tokens[k] for c in pool.singles for k in range(len(c.tokens) - 1)
            if c.tokens[k] in pool.leads and c.tokens[k + 1] in pool.leads
        )
        if chain_json:
            for state, nexts in json.loads(chain_json):
                pool.chain[state[0]] = nexts
        return pool

    def _merged(self, *keys: str) -> _Pool:
        """One pool over several kinds (real headings + heading-like body clauses)."""
        name = "+".join(keys)
        if name not in self._pools:
            units = [u for k in keys for u in self.book.pool(k)]
            pool = self._make_pool(units, self.book.chains.get(keys[0]))
            pool.real_units = len(self.book.pool(keys[0]))
            # heading-like body clauses may also open a two-clause heading
            extra = [c for c in pool.singles if c.unit >= pool.real_units]
            pool.firsts += extra
            # …and close one when they state an action or a goal (确保社会大局和谐稳定)
            pool.lasts += [c for c in extra if c.kind in (ACT, PURPOSE)]
            self._pools[name] = pool
        return self._pools[name]

    def pool_key(self, kind: str, role: str | None) -> str:
        """The role's own pool when it is big enough, else the kind's pool."""
        if role and f"{kind}/{role}" in self.book.pools:
            return f"{kind}/{role}"
        return kind

    # ---- output helpers ----------------------------------------------------------------
    def _surface(self, tokens: list[str]) -> str:
        if not self.swapping:
            return "".join(tokens)
        corpus_topic = self.book.topic.corpus_topic
        return "".join(t.replace(corpus_topic, self.topic) if t in self._swap else t for t in tokens)

    def _novel(self, tokens: list[str]) -> bool:
        return self.index.passes(tokens, self.limits)

    # ---- clause recombination ----------------------------------------------------------
    def _pick(self, rng: random.Random, options: list[_Clause], prev: _Clause,
              used: set[int], words: frozenset[str], chain: dict[str, dict[str, int]],
              closers: frozenset[str] = frozenset(), topical: bool = False,
              local: bool = False) -> _Clause | None:
        options = [c for c in options if c.unit not in used]
        if not options:
            return None
        # Units are stored in reading order: a clause from a neighbouring sentence of the same
        # passage keeps the subject and the situation, so the joined line still makes sense.
        near = [c for c in options if c.source == prev.source and abs(c.unit - prev.unit) <= NEAR]
        related = [c for c in options if words.intersection(c.tokens)]
        if near and local and rng.random() < LOCAL:
            options = near
        elif local:  # a sentence stays on its subject: a far clause must share a content word
            options = related
            if not options:
                return None
        elif related and rng.random() < 0.85:
            options = related
        follows = chain.get(prev.tokens[0], {})
        weights = [
            1.0 + 6.0 * bool(words.intersection(c.tokens)) + 2.0 * (c.tokens[0] in follows)
            + 2.0 * (c.source == prev.source) + 3.0 * (c.tokens[0] in closers)
            + 8.0 * (topical and bool(self._swap.intersection(c.tokens)))
            for c in options
        ]
        return rng.choices(options, weights)[0]

    def _combine(self, rng: random.Random, pool: _Pool, n: int, lead: str | None,
                 end: str, first_re: re.Pattern[str] | None = None,
                 part: Callable[[int], bool] | None = None) -> list[str] | None:
        """One candidate of n clauses as tokens (marks included), or None."""
        sentence = end == "。"
        if sentence:
            return self._sentence_tokens(rng, pool, n, first_re, part)
        firsts = [c for c in pool.firsts if (lead is None or c.tokens[0] == lead)
                  and (part is None or part(c.unit))
                  and (c.kind in (ACT, PURPOSE) or "上" in c.tokens)]
        if first_re is not None:
            firsts = [c for c in firsts if first_re.search("".join(c.tokens))] or firsts
        if not firsts:
            return None
        first = rng.choice(firsts)
        chosen = [first]
        used = {first.unit}
        words = pool.words[first.unit]
        for i in range(1, n):
            last = i == n - 1
            options = pool.lasts if last else (pool.mids or pool.lasts)
            prev = chosen[-1]
            if sentence:  # only the joins real sentences make (grammar.py)
                options = [c for c in options if c.kind in FOLLOWS.get(prev.kind, ())
                           and (c.kind != STATE or (c.source == prev.source
                                                    and abs(c.unit - prev.unit) <= NEAR))]
            else:  # a heading's later clause is an action or a goal
                options = [c for c in options if c.kind in (ACT, PURPOSE)]
            if sentence and last:  # a goal closes a sentence best: 确保…, 全力…, 努力…
                options = [c for c in options if c.kind == PURPOSE] or options
            # a heading's last clause reads best as the goal, naming the topic (…疫情防控工作)
            nxt = self._pick(rng, options, chosen[-1], used, words, pool.chain,
                             pool.closers if last else frozenset(),
                             topical=last, local=bool(end))
            if nxt is None:
                return None
            chosen.append(nxt)
            used.add(nxt.unit)
        if sentence and all(c.kind == STATE for c in chosen):
            return None  # a sentence needs someone to act, not only statements
        tokens: list[str] = []
        for i, c in enumerate(chosen):
            tokens += list(c.tokens)
            if i < n - 1:
                tokens.append(c.mark if c.mark in _CLAUSE_MARKS else "，")
            elif end:
                tokens.append(end)
        return tokens

    def _next_in_unit(self, pool: _Pool, c: _Clause) -> _Clause | None:
        """The clause that follows `c` in its own real sentence, when the pool kept it."""
        index = pool.__dict__.setdefault("_by_pos", {})
        if not index:
            for x in pool.firsts + pool.mids + pool.lasts:
                index[(x.unit, x.pos)] = x
        return index.get((c.unit, c.pos + 1))

    def _sentence_tokens(self, rng: random.Random, pool: _Pool, n: int,
                         first_re: re.Pattern[str] | None = None,
                         part: Callable[[int], bool] | None = None) -> list[str] | None:
        """A sentence of n clauses: [subject+要 | action] + [action] + [purpose].

        Each later clause either continues its own real sentence (the next clause of the same
        line) or comes from a line that shares a content word (the object) with the clauses so
        far; a goal from elsewhere (确保…) must share a word or name the topic in the genre's
        own words, so 做好煤电油气供应 is never closed by 切实保障自身安全.
        """
        if first_re is None and rng.random() < FRAMED:
            return self._frame_tokens(rng, n)
        firsts = [c for c in pool.firsts if c.kind in OPENERS and (part is None or part(c.unit))]
        if first_re is not None:
            firsts = [c for c in firsts if first_re.search("".join(c.tokens))] or firsts
        if not firsts:
            return None
        chosen = [rng.choice(firsts)]
        used = {chosen[0].unit}
        for i in range(1, n):
            last = i == n - 1
            prev = chosen[-1]
            allowed = FOLLOWS.get(prev.kind, frozenset())
            own = self._next_in_unit(pool, prev) if prev.unit == chosen[0].unit or i > 1 else None
            own = own if own is not None and own.kind in allowed else None
            if prev.kind == STATE or (own is not None and rng.random() < 0.5):
                if own is None:
                    return None  # a statement is continued only by its own sentence
                chosen.append(own)
                continue
            words = self._content(chosen)
            options = pool.lasts if last else (pool.mids or pool.lasts)
            scored: list[tuple[_Clause, float]] = []
            for c in options:
                if c.unit in used or c.kind not in allowed or c.kind == STATE:
                    continue
                shared = len(words.intersection(c.tokens))
                topical = bool(self._swap.intersection(c.tokens))
                if not shared and not (c.kind == PURPOSE and topical and self.generic(c.tokens, 4)):
                    continue
                weight = 1.0 + 3.0 * shared + 4.0 * topical + 4.0 * (last and c.kind == PURPOSE)
                scored.append((c, weight))
            if not scored:
                if own is None:
                    return None
                chosen.append(own)
                continue
            nxt = rng.choices([c for c, _ in scored], [w for _, w in scored])[0]
            chosen.append(nxt)
            used.add(nxt.unit)
        if all(c.kind == STATE for c in chosen):
            return None
        tokens: list[str] = []
        for i, c in enumerate(chosen):
            tokens += list(c.tokens)
            tokens.append(c.mark if i < n - 1 and c.mark in _CLAUSE_MARKS else ("，" if i < n - 1 else "。"))
        return tokens

    def _recombine_single(self, rng: random.Random, pool: _Pool, lead: str | None,
                          part: Callable[[int], bool] | None = None) -> list[str] | None:
        """A one-clause heading: the lead words (强化, 切实加强 …) of one real heading + the
        object of another that also opens with lead words, so verb meets object."""

        # perf (issue 7): the verb/object split of every single is fixed per pool, so it is
        # computed once per pool (_verb_splits) instead of on every draw; same draws, same output.
        ended = self._verb_splits(pool)
        heads = [(c, k) for c, k in ended + self._act_splits(pool)
                 if (lead is None or c.tokens[0] == lead)
                 and all(t in _ADVERBS for t in c.tokens[: k - 1])]
        # any single may give its object: the verb keeps an object it was seen with (pairs)
        tails = [(c, k) for c, k in ended + self._act_splits(pool) if part is None or part(c.unit)]
        if not heads or not tails:
            return None
        head, hk = rng.choice(heads)
        verb = head.tokens[hk - 1]
        kin = set(self.book.verb_kin.get(verb, ())) | {verb}
        pairs = self.pairs()
        tails = [(t, k) for t, k in tails if t.unit != head.unit and t.tokens[k - 1] in kin
                 and (verb, t.tokens[k]) in pairs and t.tokens[k] not in pool.leads
                 and self.generic(t.tokens[k:])]
        if not tails:
            return None
        tail, tk = rng.choice(tails)
        tokens = list(head.tokens[:hk]) + list(tail.tokens[tk:])
        topic = self.book.topic.corpus_topic
        obj = tail.tokens[tk:]
        if (topic and len(obj) == 1 and obj[0] in self._modifiable() and topic not in obj[0]
                and rng.random() < 0.5):
            # the topic as the object's modifier, as real points name their field (压实疫情防控
            # 责任): only for objects the corpus itself writes after its topic
            tokens = list(head.tokens[:hk]) + [topic] + list(obj)
            if self._novel(tokens):
                return tokens
            tokens = list(head.tokens[:hk]) + list(obj)
        if not self._novel(tokens) and tokens[0] not in _ADVERBS:
            # a real point with the genre's own adverb (切实压紧压实责任, 持续强化督导检查)
            adverbs = [a for a in _HEADING_ADVERBS if (a, tokens[0]) in pairs]
            if adverbs:
                return [rng.choice(adverbs)] + tokens
        if rng.random() < COORDINATE:
            return tokens
        # verb + short object is mostly a copy of a real heading: coordinate two objects the
        # verb was seen with (强化监测预警和源头管理), as real headings do (加强物资调配和市场供应);
        # always, so sibling headings keep one length
        short = [(t, k) for t, k in tails if len("".join(t.tokens[k:])) <= 6
                 and "和" not in t.tokens[k:] and not set(t.tokens[k:]) & set(tail.tokens[tk:])]
        if not short or len("".join(tail.tokens[tk:])) > 6:
            return tokens
        other, ok = rng.choice(short)
        return tokens + ["和"] + list(other.tokens[ok:])

    def _verb_splits(self, pool: _Pool) -> list[tuple[_Clause, int]]:
        """(single, where its object starts) for the singles of `pool` whose lead words end
        on a verb, in pool order. Memoised per pool (perf, issue 7)."""
        memo = self.__dict__.setdefault("_verb_split_memo", {})
        hit = memo.get(id(pool))
        if hit is not None and hit[0] is pool:
            return hit[1]
        stops = pool.modifiers | _ADVERBS
        out: list[tuple[_Clause, int]] = []
        for c in pool.singles:
            k = 0
            while k < len(c.tokens) - 1 and (c.tokens[k] in pool.leads or c.tokens[k] in _ADVERBS):
                k += 1
            if k > 0 and c.tokens[k - 1] not in stops:
                out.append((c, k))
        memo[id(pool)] = (pool, out)
        return out

    # ---- public draws ------------------------------------------------------------------
    def heading(self, rng: random.Random, level: int, role: str | None = None,
                group: ParallelGroup | None = None, share: tuple[int, int] | None = None,
                avoid: frozenset[str] = frozenset(), tries: int = 240,
                headings: frozenset[str] = frozenset()) -> str | None:
        """A heading of `level` (text only, no marker); parallel to siblings when `group`.

        `share` = (salt, index): siblings draw their key clause from disjoint shares of the
        pool (a partition chosen by the parent's salt), so two siblings never coincide.
        """
        level = min(level, 3)
        part = None
        if share is not None:
            salt, index = share
            part = lambda unit: (unit * 7919 + salt) % SHARES == index % SHARES  # noqa: E731
        pools = [self._pool(self.pool_key(f"heading/{level}", role)), self._pool(f"heading/{level}")]
        if level > 1:
            pools.append(self._pool(f"heading/{level - 1}"))
        pools.append(self._merged(f"heading/{level}", "heading/extra"))
        lo, hi = self.book.lengths.get(level, (4, 30))
        # Relax step by step: lead, clause count, length and share -> clause count and length
        # -> clause count only (siblings stay parallel by clause count to the end).
        stages = [(True, 0.15, True), (False, 0.15, True), (False, 0.15, False),
                  (False, 0.3, False), (False, None, False), (None, None, False)]
        per_stage = max(1, tries // len(stages))
        for stage, (with_lead, spread, shared) in enumerate(stages):
            for pool in pools:
                if not (pool.firsts or pool.singles):
                    continue
                for _ in range((per_stage if with_lead is not None else 4 * per_stage) // len(pools) + 1):
                    lead = group.lead if group and with_lead else None
                    if with_lead is None:  # last resort: a one-clause point over a fallback
                        n = 1 if pool.singles else 2
                    else:
                        n = group.clauses if group else rng.choice([1, 2, 2] if pool.singles else [2])
                    use = part if shared else None
                    if n == 1:
                        tokens = (self._vo_heading(rng, lead, use) if rng.random() < VO_SHARE
                                  else None) or self._recombine_single(rng, pool, lead, use)
                    elif n == 2 and rng.random() < VO_SHARE / 2:
                        tokens = self._vo_pair(rng, lead, use)
                    else:
                        tokens = self._combine(rng, pool, n, lead, "", None, use)
                    if (not tokens or _doubled(tokens) or self._verb_de(tokens)
                            or not self._novel(tokens)):
                        continue
                    text = self._surface(tokens)
                    if (group and spread is not None and with_lead is not None
                            and abs(len(text) - group.length) > spread * group.length):
                        continue
                    if heading_problems(text, (lo, hi)) or _repeats(text, avoid):
                        continue
                    if _echoes(text, headings, self.topic, 4 if stage < 4 else 6):
                        continue
                    return text
        return None

    def sentence(self, rng: random.Random, kind: str, role: str | None = None,
                 avoid: frozenset[str] = frozenset(), tries: int = 200) -> str | None:
        """A body / opening / closing sentence ending in 。, or None."""
        first_re = {"opening": _OPENING_LEAD, "closing": _CLOSING_LEAD}.get(kind)
        keys = [self.pool_key(kind, role)] + (["body"] if kind != "body" or role else [])
        if len(keys) == 2 and kind == "body" and len(self._pool(keys[0]).firsts) < SMALL_POOL:
            rng.shuffle(keys)  # a role pool thinned by the topic filter would repeat itself
        for key in keys:
            pool = self._pool(key)
            if not pool.firsts:
                continue
            for _ in range(tries if kind == "closing" else tries // len(keys)):
                n = rng.choice((2, 2, 3) if first_re else (2, 2, 2, 3))
                # for another topic few real sentences are generic enough to keep: try fewer
                if kind == "body" and rng.random() < (ELIDED / 3 if self.swapping else ELIDED):
                    tokens = self._elided(rng, key)
                else:
                    tokens = self._combine(rng, pool, n, None, "。", first_re)
                if not tokens or not self._novel(tokens):
                    continue
                text = self._surface(tokens)
                if sentence_problems(text) or not 14 <= len(text) <= 110 or _repeats(text, avoid):
                    continue
                if _stutters(text) or counts_points(text) or _echoes(text, avoid, self.topic, 6):
                    continue
                if kind == "closing" and not text.startswith(_CLOSING_STARTS):
                    continue
                if kind == "opening" and not _OPENING_LEAD.search(text):
                    continue
                return text
        if kind != "opening":  # a thin pool: the genre's frame, charging someone (各级各部门要…)
            for _ in range(tries):
                tokens = self._frame_tokens(rng, rng.choice((2, 3)), charge=kind == "closing",
                                            strict=False)
                if not tokens or not self._novel(tokens):
                    continue
                text = self._surface(tokens)
                if kind == "closing" and not text.startswith(_CLOSING_STARTS):
                    continue
                if (not _repeats(text, avoid)
                        and not _stutters(text) and not _echoes(text, avoid, self.topic, 6)):
                    return text
        if kind == "closing":  # the genre's stock charge, when every clause is spent
            options = [f.format(topic=self.topic) for f in _CLOSING_FORMULAS]
            options = [o for o in options if not _repeats(o, avoid)]
            if options:
                return rng.choice(options)
        return None

    def _elided(self, rng: random.Random, key: str) -> list[str] | None:
        """A real sentence of three or more clauses with a middle clause left out.

        Blind readers rated clauses joined across sentences low (a measure tacked onto an
        unrelated stock ending); clauses of one sentence belong together, and leaving one out
        (plus the novelty check) keeps the line from copying its source.
        """
        units = [u for u in self.book.pool(key) if len(u.clauses) >= 3]
        if not units:
            return None
        clauses = rng.choice(units).clauses
        if any(m == "：" for _, m in clauses[:-1]):
            return None
        drop = {rng.randrange(1, len(clauses) - 1)}
        if len(clauses) >= 5 and rng.random() < 0.5:
            drop.add(rng.randrange(1, len(clauses) - 1))
        keep = [c for i, c in enumerate(clauses) if i not in drop]
        tokens: list[str] = []
        for i, (toks, mark) in enumerate(keep):
            text = "".join(toks)
            if self._unsafe(toks):
                return None
            if self.swapping and not self.generic(toks):
                return None
            if i > 0 and _BAD_LATER.search(text):
                return None
            tokens += list(toks)
            tokens.append(mark if i < len(keep) - 1 and mark in _CLAUSE_MARKS else "。")
        return tokens

    def fill_meeting(self, text: str, meeting: str) -> str:
        """Name the user's meeting where a real opening names its own."""
        return _MEETING_RE.sub(lambda m: "召开" + meeting, text, count=1) if meeting else text
