"""Training: skeletons -> PhraseBook (pure; uses jieba through tokenize.py, so build time only).

The book holds what a render and ``drafter check --sources`` take from the corpus: its
salutations and transition formulas, its own topic (疫情防控), and every clean line as tokens
with fact slots (〔数据待补〕 …), so a writer's sentence can be compared with the corpus.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator

from drafter.model import Skeleton
from drafter.phrases.book import PhraseBook, TopicInfo
from drafter.phrases.facts import mask_names, mask_numbers
from drafter.phrases.form import WEB_RESIDUE, balanced
from drafter.phrases.tokenize import Tokenizer, mine_genre_terms

CLAUSE_MARKS = ("，", "；", "：")
END_MARKS = ("。", "！", "？")
_SENT_RE = re.compile(r"[^。！？]*[。！？]?")
_ENUM_LEAD = re.compile(
    r"^(?:[一二三四五六七八九十]+是|[一二三四五六七八九十]+要|第[一二三四五六七八九十]+[，、]?"
    r"|首先|其次|再次|最后|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]|[一二三四五六七八九十]+、)"
)
_TRANSITION_RE = re.compile(r"讲几点|几点意见|强调几点|谈几点|讲[三四五两]点|几点要求|几个问题")
_HALF = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"})
_LOCAL_GARBLE = re.compile(
    r"[?？�]|[a-zāáǎàēéěèīíǐìōóǒòūúǔù]{2,}|[×*＊]|(?<![A-Za-z])[xX](?![A-Za-z])")


def is_garbled(sentence: str) -> bool:
    """The corpus part's garble test, or marks of damage a training line must not carry."""
    from drafter.corpus import is_garbled as corpus_is_garbled

    return corpus_is_garbled(sentence) or bool(_LOCAL_GARBLE.search(sentence))


def normalise(text: str) -> str:
    text = text.translate(_HALF).replace(" ", "").replace("\u3000", "")
    return re.sub(r"([，、；：])\1+", r"\1", text)


def sentences_of(paragraph: str) -> list[str]:
    return [s for s in _SENT_RE.findall(normalise(paragraph)) if s.strip()]


class _Trainer:
    def __init__(self, tok: Tokenizer, flagged: set[str]) -> None:
        self.tok = tok
        self.flagged = flagged

    def tokens(self, text: str, names: bool = True) -> list[str]:
        """Tokens with fact slots; names are not masked in headings, where jieba's name tags
        are mostly false (强化显政 -> 显政 as a person)."""
        tagged = self.tok.pos(mask_numbers(text))
        return mask_names(tagged) if names else [w for w, _ in tagged]

    def line(self, text: str, heading: bool = False) -> list[str] | None:
        """A clean line as tokens, its clause marks kept and inline enumerators (一是, 首先)
        left out; None for flagged, garbled or noisy lines."""
        text = normalise(text).strip()
        if not text or text in self.flagged or is_garbled(text) or WEB_RESIDUE.search(text):
            return None
        if not balanced(text) or len(text) < (4 if heading else 8) or len(text) > 160:
            return None
        out: list[str] = []
        for toks, mark in self._clauses(self.tokens(text, names=not heading)):
            joined = "".join(toks)
            m = _ENUM_LEAD.match(joined)
            if m:
                rest = joined[m.end():].lstrip("，、")
                if not rest:
                    continue
                toks = self.tokens(rest, names=not heading)
            out += toks + ([mark] if mark else [])
        return out or None

    @staticmethod
    def _clauses(tokens: list[str]) -> Iterator[tuple[list[str], str]]:
        """The tokens cut at clause and sentence marks outside quotes and brackets."""
        current: list[str] = []
        depth = 0
        for tok in tokens:
            depth += tok.count("“") + tok.count("（") - tok.count("”") - tok.count("）")
            if depth == 0 and tok in CLAUSE_MARKS + END_MARKS:
                if current:
                    yield current, tok
                current = []
            else:
                current.append(tok)
        if current:
            yield current, ""


def mine_corpus_topic(tok: Tokenizer, titles: list[list[str]], lines: list[list[str]]) -> str:
    """The corpus's own topic: the most widespread title token far commoner in the corpus's
    lines than in general Chinese (jieba's dictionary)."""
    counts: Counter[str] = Counter()
    for toks in lines:
        counts.update({t for t in toks if t not in CLAUSE_MARKS + END_MARKS})
    total = sum(counts.values()) or 1
    gtotal = tok.general_total

    def specificity(w: str) -> float:
        return math.log((counts[w] + 1) / total) - math.log((tok.general_frequency(w) + 1) / gtotal)

    title_counts: Counter[str] = Counter(t for toks in titles for t in set(toks))
    candidates = [w for w, c in title_counts.items() if len(w) >= 2 and specificity(w) > 4.0]
    return max(candidates, key=lambda w: (title_counts[w], len(w)), default="")


def _lines(sk: Skeleton) -> Iterator[tuple[str, str]]:
    """(kind, text) of every line of a speech: "opening", "transition", "closing", "heading",
    "body"."""
    for para in sk.opening_paragraphs:
        for sent in sentences_of(para):
            transition = _TRANSITION_RE.search(sent) or (sk.transition and sent == sk.transition)
            yield ("transition" if transition else "opening"), sent
    for para in sk.closing_paragraphs:
        for sent in sentences_of(para):
            yield "closing", sent
    for sec in sk.walk():
        yield "heading", sec.text
        for para in sec.body:
            for sent in sentences_of(para):
                yield "body", sent


def build_phrasebook(
    skeletons: list[Skeleton], flagged: Iterable[str] = (), meta: dict[str, str] | None = None,
    jobs: int = 1,
) -> PhraseBook:
    """Compile the phrase book from parsed speeches (pure: no store, no disk).

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
    if jobs > 1:  # perf (issue 7): tag every line up front in parallel; line() then looks up
        tok.prime((mask_numbers(normalise(t).strip()) for t in _tagged_lines(skeletons)), jobs)
    tr = _Trainer(tok, set(flagged))
    transitions: Counter[str] = Counter()
    salutations: Counter[str] = Counter()
    titles: list[list[str]] = []
    lines: list[list[str]] = []
    novelty: dict[str, tuple[list[str], int]] = {}
    for src, sk in enumerate(skeletons):
        if sk.title:
            titles.append(tok.cut(normalise(sk.title)))
        if sk.salutation:
            salutations[normalise(sk.salutation)] += 1
        if sk.transition:
            transitions[normalise(sk.transition)] += 1
        for kind, text in _lines(sk):
            if kind == "transition":
                transitions[text] += 1
                continue
            toks = tr.line(text, heading=kind == "heading")
            if toks is not None:
                lines.append(toks)
                novelty.setdefault("".join(toks), (toks, src))
    corpus_topic = mine_corpus_topic(tok, titles, lines)
    formulas = sorted(
        {f for f in (_formula(t, corpus_topic) for t in transitions)
         if "{topic}" in f and len(f) <= 40 and not re.search(r"[*＊×]|刚才|〔", f)}
    ) or ["下面，我就做好{topic}工作讲几点意见。"]
    return PhraseBook(
        topic=TopicInfo(corpus_topic=corpus_topic),
        transitions=formulas[:8],
        salutations=[s for s, _ in salutations.most_common()] or ["同志们："],
        novelty_sentences=[toks for toks, _ in novelty.values()],
        novelty_sources=[src for _, src in novelty.values()],
        terms=terms,
        meta=dict(meta or {}),
        source_titles=[sk.title or f"第{i + 1}篇" for i, sk in enumerate(skeletons)],
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


def _formula(sentence: str, corpus_topic: str) -> str:
    """A transition line with its topic and place made into slots."""
    s = normalise(sentence)
    if corpus_topic:
        s = s.replace(corpus_topic, "{topic}")
    s = re.sub(r"全[市县区省镇乡]", "{org}", s)
    return mask_numbers(s)
