"""Training: skeletons -> PhraseBook (pure; uses jieba through tokenize.py, so build time only)."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from statistics import median

import markovify

from drafter.model import Section, Skeleton
from drafter.phrases.book import Clause, ParallelGroup, PhraseBook, TopicInfo, Unit
from drafter.phrases.facts import FACT_SLOTS, mask_names, mask_numbers
from drafter.phrases.form import WEB_RESIDUE, balanced
from drafter.phrases.tokenize import Tokenizer, mine_genre_terms
from drafter.phrases.topicwords import shipped_words

CLAUSE_MARKS = ("，", "；", "：")
END_MARKS = ("。", "！", "？")
_SENT_RE = re.compile(r"[^。！？]*[。！？]?")
_ENUM_LEAD = re.compile(
    r"^(?:[一二三四五六七八九十]+是|[一二三四五六七八九十]+要|第[一二三四五六七八九十]+[，、]?"
    r"|首先|其次|再次|最后|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]|[一二三四五六七八九十]+、)"
)
_TRANSITION_RE = re.compile(r"讲几点|几点意见|强调几点|谈几点|讲[三四五两]点|几点要求|几个问题")
_HALF = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"})
_GENERIC = frozenset("工作 问题 建设 发展 加强 落实 推进 全面 坚持 党员 干部 群众 人民 责任".split())
MIN_ROLE_POOL = 12


def is_garbled(sentence: str) -> bool:
    """The corpus part's garble test when present; a conservative local test otherwise."""
    try:
        from drafter.corpus import is_garbled as corpus_is_garbled
    except ImportError:
        corpus_is_garbled = None  # type: ignore[assignment]
    if corpus_is_garbled is not None and corpus_is_garbled(sentence):
        return True
    return bool(
        re.search(r"[?？�]|[a-zāáǎàēéěèīíǐìōóǒòūúǔù]{2,}|[×*＊]|(?<![A-Za-z])[xX](?![A-Za-z])", sentence)
    )


def normalise(text: str) -> str:
    text = text.translate(_HALF).replace(" ", "").replace("\u3000", "")
    return re.sub(r"([，、；：])\1+", r"\1", text)


def sentences_of(paragraph: str) -> list[str]:
    return [s for s in _SENT_RE.findall(normalise(paragraph)) if s.strip()]


class _Trainer:
    def __init__(self, tok: Tokenizer, flagged: set[str]) -> None:
        self.tok = tok
        self.flagged = flagged
        self.flags: dict[str, Counter[str]] = {}  # word -> part-of-speech counts, for grammar

    def tokens(self, text: str, names: bool = True) -> list[str]:
        """Tokens with fact slots; names are not masked in headings, where jieba's name tags
        are mostly false (强化显政 -> 显政 as a person)."""
        tagged = self.tok.pos(mask_numbers(text))
        for w, f in tagged:
            self.flags.setdefault(w, Counter())[f] += 1
        return mask_names(tagged) if names else [w for w, _ in tagged]

    def unit(self, text: str, source: int, heading: bool = False) -> Unit | None:
        """Cut a clean line into clauses; None for flagged, garbled or noisy lines."""
        text = normalise(text).strip()
        if not text or text in self.flagged or is_garbled(text) or WEB_RESIDUE.search(text):
            return None
        if not balanced(text) or len(text) < (4 if heading else 8) or len(text) > 160:
            return None
        clauses: list[Clause] = []
        current: list[str] = []
        depth = 0
        for tok in self.tokens(text, names=not heading):
            depth += tok.count("“") + tok.count("（") - tok.count("”") - tok.count("）")
            if depth == 0 and tok in CLAUSE_MARKS + END_MARKS:
                if current:
                    clauses.append((current, tok))
                current = []
            else:
                current.append(tok)
        if current:
            clauses.append((current, ""))
        cleaned: list[Clause] = []
        for toks, mark in clauses:
            joined = "".join(toks)
            m = _ENUM_LEAD.match(joined)
            if m:  # an inline enumerator (一是, 首先) would be misnumbered once recombined
                rest = joined[m.end():].lstrip("，、")
                if not rest:
                    continue
                toks = self.tokens(rest, names=not heading)
            cleaned.append((toks, mark))
        return Unit(source, cleaned) if cleaned else None


def _role_of(path: list[Section]) -> str | None:
    return path[0].role if path else None


def _walk_paths(sections: list[Section], parents: list[Section]) -> Iterable[list[Section]]:
    for s in sections:
        here = parents + [s]
        yield here
        yield from _walk_paths(s.children, here)


def _general_rarity(tok: Tokenizer, ch: str) -> float:
    return math.log(tok.general_total / (tok.general_frequency(ch) + 1))


def _mine_topic(tok: Tokenizer, titles: list[list[str]], units: list[Unit],
                extra_field: frozenset[str] | None = None) -> TopicInfo:
    """Corpus topic = most widespread title token far commoner here than in general Chinese;
    leak words = tokens carrying the topic's rare characters or a word of the corpus-topic
    vocabulary (mined against general government text, see topicwords.py)."""
    counts: Counter[str] = Counter()
    for u in units:
        counts.update({t for c, _ in u.clauses for t in c})
    total = sum(counts.values()) or 1
    gtotal = tok.general_total

    def specificity(w: str) -> float:
        return math.log((counts[w] + 1) / total) - math.log((tok.general_frequency(w) + 1) / gtotal)

    title_counts: Counter[str] = Counter(t for toks in titles for t in set(toks))
    candidates = [w for w, c in title_counts.items() if len(w) >= 2 and specificity(w) > 4.0]
    corpus_topic = max(candidates, key=lambda w: (title_counts[w], len(w)), default="")
    rare = {ch for ch in corpus_topic if _general_rarity(tok, ch) > 12.0}
    field = shipped_words() if extra_field is None else extra_field
    leak = sorted(
        w for w in counts
        if len(w) >= 2 and w not in FACT_SLOTS.values()
        and (rare & set(w) or any(t in w for t in field))
    )
    swap = sorted(w for w in counts if corpus_topic and corpus_topic in w and len(w) <= 8)
    # the field words themselves too: a runtime check matches them inside clause text, where
    # jieba left an unknown term in single characters (首|诊)
    leak = sorted(set(leak) | {w for w in field if len(w) >= 2})
    leak = [w for w in leak if w not in swap]
    return TopicInfo(corpus_topic=corpus_topic, swap=swap, leak=leak)


def _groups(skeletons: list[Skeleton], tok: Tokenizer) -> dict[int, list[ParallelGroup]]:
    groups: dict[int, list[ParallelGroup]] = {}

    def visit(children: list[Section], level: int) -> None:
        heads = [c.text for c in children if c.text and not is_garbled(c.text)]
        if len(heads) >= 2:
            toks = [tok.cut(h) for h in heads]
            first = {t[0] for t in toks if t}
            lead = first.pop() if len(first) == 1 else None
            clauses = Counter(1 + sum(h.count(m) for m in CLAUSE_MARKS) for h in heads)
            groups.setdefault(min(level, 3), []).append(
                ParallelGroup(lead, clauses.most_common(1)[0][0], int(median(map(len, heads))))
            )
        for c in children:
            visit(c.children, level + 1)

    for sk in skeletons:
        visit(sk.sections, 1)
    return groups


def build_phrasebook(
    skeletons: list[Skeleton], flagged: Iterable[str] = (), meta: dict[str, str] | None = None,
    jobs: int = 1,
) -> PhraseBook:
    """Compile the phrase models from parsed speeches (pure: no store, no disk).

    `jobs` > 1 segments and tags documents in that many processes; the book is the same.
    """
    texts = []
    for sk in skeletons:
        parts = [sk.title or ""] + sk.opening_paragraphs + sk.closing_paragraphs
        for s in sk.walk():
            parts += [s.text] + s.body
        texts.append("\n".join(normalise(p) for p in parts))
    terms = mine_genre_terms(texts, jobs=jobs)
    tok = Tokenizer(terms)
    if jobs > 1:  # perf (issue 7): tag every line up front in parallel; unit() then looks up
        tok.prime((mask_numbers(normalise(t).strip()) for t in _tagged_lines(skeletons)), jobs)
    tr = _Trainer(tok, set(flagged))
    pools: dict[str, list[Unit]] = {}
    novelty: list[tuple[list[str], int]] = []

    def add(key: str, text: str, src: int, heading: bool = False) -> None:
        unit = tr.unit(text, src, heading)
        if unit is not None:
            pools.setdefault(key, []).append(unit)

    transitions: Counter[str] = Counter()
    salutations: Counter[str] = Counter()
    titles: list[list[str]] = []
    for src, sk in enumerate(skeletons):
        if sk.title:
            titles.append(tok.cut(normalise(sk.title)))
        if sk.salutation:
            salutations[normalise(sk.salutation)] += 1
        for para in sk.opening_paragraphs:
            for sent in sentences_of(para):
                if _TRANSITION_RE.search(sent) or (sk.transition and sent == sk.transition):
                    transitions[sent] += 1
                else:
                    add("opening", sent, src)
        for para in sk.closing_paragraphs:
            for sent in sentences_of(para):
                add("closing", sent, src)
        for path in _walk_paths(sk.sections, []):
            sec, role = path[-1], _role_of(path)
            level = min(sec.level, 3)
            add(f"heading/{level}", sec.text, src, heading=True)
            if role:
                add(f"heading/{level}/{role}", sec.text, src, heading=True)
            for para in sec.body:
                for sent in sentences_of(para):
                    add("body", sent, src)
                    if role:
                        add(f"body/{role}", sent, src)
        if sk.transition:
            transitions[normalise(sk.transition)] += 1
    pools = {k: v for k, v in pools.items() if k.count("/") < 2 or len(v) >= MIN_ROLE_POOL}
    pools["heading/extra"] = _heading_like_clauses(pools)
    seen: set[str] = set()
    for units in pools.values():
        for u in units:
            if u.text not in seen:
                seen.add(u.text)
                novelty.append(([t for c, p in u.clauses for t in c + ([p] if p else [])], u.source))
    topic = _mine_topic(tok, titles, [u for v in pools.values() for u in v])
    formulas = sorted(
        {f for f in (_formula(t, topic.corpus_topic) for t in transitions)
         if "{topic}" in f and len(f) <= 40 and not re.search(r"[*＊×]|刚才|〔", f)}
    ) or ["下面，我就做好{topic}工作讲几点意见。"]
    lengths: dict[int, tuple[int, int]] = {}
    for level in (1, 2, 3):
        lens = sorted(len(u.text) for u in pools.get(f"heading/{level}", []))
        if len(lens) >= 5:
            lengths[level] = (lens[len(lens) // 20], lens[-1 - len(lens) // 20])
        else:
            lengths[level] = lengths.get(level - 1, (4, 30))
    chains = {}
    for key, units in pools.items():
        runs = [[c[0][0] for c in u.clauses if c[0]] for u in units]
        if any(runs):
            chains[key] = markovify.Chain([r for r in runs if r], 1).to_json()
    return PhraseBook(
        pools=pools,
        chains=chains,
        groups=_groups(skeletons, tok),
        lengths=lengths,
        topic=topic,
        transitions=formulas[:8],
        salutations=[s for s, _ in salutations.most_common()] or ["同志们："],
        novelty_sentences=[n[0] for n in novelty],
        novelty_sources=[n[1] for n in novelty],
        terms=terms,
        meta=dict(meta or {}),
        verb_kin=_verb_kin(pools),
        source_titles=[sk.title or f"第{i + 1}篇" for i, sk in enumerate(skeletons)],
        verbs=sorted(w for w, f in tr.flags.items() if f.most_common(1)[0][0] in ("v", "vd", "vi", "l")),
        verbal_nouns=sorted(w for w, f in tr.flags.items() if f.most_common(1)[0][0] == "vn"),
        adverbs=sorted(w for w, f in tr.flags.items() if f.most_common(1)[0][0] in ("d", "ad")),
    )


def _tagged_lines(skeletons: list[Skeleton]) -> Iterable[str]:
    """The lines build_phrasebook POS-tags: framing and body sentences, and headings."""
    for sk in skeletons:
        for para in sk.opening_paragraphs + sk.closing_paragraphs:
            yield from sentences_of(para)
        for s in sk.walk():
            yield s.text
            for para in s.body:
                yield from sentences_of(para)


def _verb_kin(pools: dict[str, list[Unit]], min_shared: int = 2) -> dict[str, list[str]]:
    """Lead verbs that take the same objects somewhere in the corpus (加强 ~ 强化: both 管理,
    监测): a heading may swap one for the other, so verb and object still fit."""
    leads = {u.clauses[0][0][0] for k, v in pools.items() if k.startswith("heading/")
             for u in v if u.clauses and u.clauses[0][0]}
    leads -= {"要", "各项"}
    objects: dict[str, set[str]] = {}
    for key, units in pools.items():
        if not key.startswith("heading/"):
            continue  # imperative heading clauses only: bodies pair verbs too loosely
        for u in units:
            for toks, _ in u.clauses:
                for a, b in zip(toks, toks[1:]):
                    if a in leads and len(b) >= 2 and b not in _GENERIC and b not in leads:
                        objects.setdefault(a, set()).add(b)
    kin: dict[str, list[str]] = {}
    for a in sorted(objects):
        near = [b for b in sorted(objects) if b != a and len(objects[a] & objects[b]) >= min_shared]
        if near:
            kin[a] = near
    return kin


def _heading_like_clauses(pools: dict[str, list[Unit]]) -> list[Unit]:
    """Body clauses that open with a word real headings open with (加强…, 严格落实…): run-in
    points in all but name, and more material for short headings."""
    leads = Counter(
        u.clauses[0][0][0] for k, v in pools.items() if k.startswith("heading/")
        for u in v if u.clauses and u.clauses[0][0]
    )
    lead_words = {w for w, c in leads.items() if c >= 2 and len(w) >= 2}
    out: list[Unit] = []
    seen: set[str] = set()
    for u in pools.get("body", []) + pools.get("opening", []):
        for toks, _ in u.clauses:
            text = "".join(toks)
            if (toks and toks[0] in lead_words and 4 <= len(text) <= 14 and text not in seen
                    and not text.endswith("的") and "〔" not in text and balanced(text)):
                seen.add(text)
                out.append(Unit(u.source, [(list(toks), "")]))
    return out


def _formula(sentence: str, corpus_topic: str) -> str:
    """A transition line with its topic and place made into slots."""
    s = normalise(sentence)
    if corpus_topic:
        s = s.replace(corpus_topic, "{topic}")
    s = re.sub(r"全[市县区省镇乡]", "{org}", s)
    return mask_numbers(s)
