"""The `--ref` scenario: a reference section, whether headings carry its tasks, invented facts.

- `pick_section`: from provincial work reports (read at run time, never stored), the paragraph
  with the most distinct terms of the topic, plus its neighbours in the same numbered section
  that are also about the topic.
- `carries_task`: a heading carries a task of the reference when both share a run of 4+
  characters with real content left once genre words and topic names are taken out
  (高质量推进耕地占补平衡 → 耕地占补平衡), or a verb–object pair of the reference whose
  verb is not a genre word (推广+再生稻) appears in the heading in that order.
- `invented_facts`: figures, dates and person-like names in the outline that appear neither
  in the reference nor in the writer's variables.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .vocab import Topic, Vocabulary, normalise

SECTION_HEAD_RE = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
CJK_RUN_RE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]+")
NUMBER_RE = re.compile(r"[0-9][0-9.]*")
CN_DATE_RE = re.compile(
    r"[〇零一二三四五六七八九]{4}年|[一二三四五六七八九十]+月[一二三四五六七八九十]+日"
)
CN_AMOUNT_RE = re.compile(
    r"[一二三四五六七八九十两百千]+(?:亿元|万元|万亩|万人|万户|公里|个百分点|人次)"
)
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡余杜叶苏"
    "魏吕丁沈姚卢姜崔钟谭陆汪范廖贾夏韦付邹孟熊秦邱尹薛闫段雷侯陶黎贺顾毛郝龚邵钱严覃戴莫汤"
)
TITLES = "同志|书记|市长|县长|区长|省长|主任|局长|部长|乡长|镇长|厅长|委员"
NAME_RE = re.compile(rf"[{SURNAMES}][\u4e00-\u9fff]{{1,2}}(?={TITLES})")
NOT_NAME_CHARS = set("部委局级员长书记府办党体位们")
MIN_SHARED = 4
MIN_CONTENT = 2


@dataclass(frozen=True)
class Section:
    source: str  # file name
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


def topic_score(paragraph: str, topic: Topic, vocab: Vocabulary) -> int:
    return len({m.text for m in vocab.matches(paragraph, topic) if m.kind == "own"})


def pick_section(
    reports: Iterable[tuple[str, str]], topic: Topic, vocab: Vocabulary, max_chars: int = 1500
) -> Section | None:
    """The best paragraph on `topic` across (name, text) reports, with on-topic neighbours."""
    best: tuple[int, str, int, list[str]] | None = None
    for name, text in reports:
        paragraphs = [p.strip() for p in text.splitlines() if p.strip()]
        for i, paragraph in enumerate(paragraphs):
            score = topic_score(paragraph, topic, vocab)
            has_alias = any(
                m.kind == "alias"
                for m in vocab.matches(paragraph, topic)
                if m.text not in vocab.generic
            )
            if (has_alias or score >= 4) and (best is None or score > best[0]):
                best = (score, name, i, paragraphs)
    if best is None or best[0] < 3:
        return None
    _, name, i, paragraphs = best
    chosen = [paragraphs[i]]
    j = i + 1
    while (
        j < len(paragraphs)
        and not SECTION_HEAD_RE.match(paragraphs[j])
        and topic_score(paragraphs[j], topic, vocab) >= 3
        and len("".join(chosen)) < max_chars
    ):
        chosen.append(paragraphs[j])
        j += 1
    return Section(name, tuple(chosen))


def content_left(piece: str, topic: Topic, vocab: Vocabulary) -> bool:
    """Is there real content in `piece` once genre words and topic names are taken out?"""
    text = normalise(piece)
    keep = [bool(CJK_RUN_RE.fullmatch(ch)) for ch in text]
    for start, word in vocab.segments(text):
        kind = vocab.classify(word, topic).kind
        if kind in ("generic", "alias") or any(word in t.aliases for t in vocab.topics.values()):
            for k in range(start, start + len(word)):
                keep[k] = False
        elif kind in ("own", "leak"):
            return True
    run = best = 0
    for flag in keep:
        run = run + 1 if flag else 0
        best = max(best, run)
    return best >= MIN_CONTENT


def shared_runs(heading: str, reference: str, minimum: int = MIN_SHARED) -> list[str]:
    """Maximal runs of ≥ `minimum` characters of `heading` that occur in `reference`."""
    ref = normalise(reference)
    runs = []
    for h in CJK_RUN_RE.findall(normalise(heading)):  # punctuation ends a run
        i = 0
        while i < len(h):
            j = i
            while j < len(h) and h[i : j + 1] in ref:
                j += 1
            if j - i >= minimum:
                runs.append(h[i:j])
                i = j
            else:
                i += 1
    return runs


VerbObject = tuple[str, str]


def verb_objects(
    reference: str, tag: Callable[[str], list[tuple[str, str]]], topic: Topic, vocab: Vocabulary
) -> set[VerbObject]:
    """(verb, noun) pairs of the reference, adjacent or one word apart, with a content noun."""
    pairs: set[VerbObject] = set()
    for clause in re.split(r"[，。；：、！？,;:\s]+", reference):
        tokens = tag(clause)
        for k, (word, flag) in enumerate(tokens):
            if not flag.startswith("v") or len(word) < 2 or word in vocab.generic:
                continue
            for word2, flag2 in tokens[k + 1 : k + 3]:
                if flag2.startswith("n") and len(word2) >= 2 and content_left(word2, topic, vocab):
                    pairs.add((word, word2))
    return pairs


def carries_task(
    heading: str,
    reference: str,
    topic: Topic,
    vocab: Vocabulary,
    pairs: set[VerbObject] = frozenset(),
) -> bool:
    if any(content_left(run, topic, vocab) for run in shared_runs(heading, reference)):
        return True
    h = normalise(heading)
    for verb, noun in pairs:
        v = h.find(verb)
        if v != -1 and h.find(noun, v + len(verb)) != -1:
            return True
    return False


def fact_tokens(text: str) -> list[str]:
    """Figures, dates and person-like names (surname + 1–2 characters + a title) in `text`."""
    text = normalise(text)
    found = [m.group(0).rstrip(".") for m in NUMBER_RE.finditer(text)]
    found += CN_DATE_RE.findall(text) + CN_AMOUNT_RE.findall(text)
    found += [m.group(0) for m in NAME_RE.finditer(text) if not NOT_NAME_CHARS & set(m.group(0))]
    return found


def invented_facts(outline_text: str, allowed: Iterable[str]) -> list[str]:
    """Fact tokens of the outline found in none of the `allowed` texts (reference, variables)."""
    pool = "\n".join(normalise(a) for a in allowed)
    return [tok for tok in fact_tokens(outline_text) if tok not in pool]


def read_reports(folder: Path) -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]
