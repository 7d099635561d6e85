"""Quality bench: drafter's clause recombination vs a naive word-level markovify baseline.

50 outlines (every template x seeds x topics 疫情防控/安全生产/乡村振兴), same structure for both
systems; prints verbatim copies, share over the overlap limit, heading-form pass rate, sibling
length spread, topic leak, fallbacks, and one sample outline.  Run: python bench/quality.py
[--extra DIR ...] (extra training text, e.g. corpus-extra gwr-national, to measure its effect).
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from drafter.phrases import Generator, NoveltyIndex, NoveltyLimits, PhraseBook  # noqa: E402
from drafter.phrases.form import heading_problems  # noqa: E402
from drafter.phrases.generate import _MEETING_RE  # noqa: E402
from drafter.phrases.text import ChineseText  # noqa: E402
from drafter.phrases.tokenize import Tokenizer  # noqa: E402
from drafter.render import _values, render_with  # noqa: E402

TOPICS = ("疫情防控", "安全生产", "乡村振兴")
LEAK_WORDS = ("疫情", "核酸", "隔离", "病毒", "新冠", "肺炎", "确诊", "防疫", "抗疫", "疫苗", "口罩",
              "感染", "流调", "消杀", "阳性", "封控", "发热", "病例")
HEADING_RE = re.compile(r"^(#{2,4}) (.*)$")
MARKER_RE = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\. |第[一二三四五六七八九十]+，|"
                       r"[一二三四五六七八九十]+[要是]|（\d+）)")


class BaselineGenerator:
    """One markovify model (state 2, jieba tokens) over every corpus sentence; same slots."""

    def __init__(self, book: PhraseBook, topic: str, model: ChineseText) -> None:
        self.book, self.model = book, model
        self.topic = topic or book.topic.corpus_topic

    def _line(self, rng: random.Random) -> str | None:
        s = self.model.make_sentence_with(rng, tries=50)
        return s.replace(self.book.topic.corpus_topic, self.topic) if s else None

    def heading(self, rng, level, role=None, group=None, share=None, avoid=frozenset(), tries=0):  # type: ignore[no-untyped-def]
        s = self._line(rng)
        return s.rstrip("。！？；") if s else None

    def sentence(self, rng, kind, role=None, avoid=frozenset(), tries=0):  # type: ignore[no-untyped-def]
        return self._line(rng)

    def fill_meeting(self, text: str, meeting: str) -> str:
        return _MEETING_RE.sub(lambda m: "召开" + meeting, text, count=1) if meeting else text


def outline_lines(text: str) -> tuple[list[tuple[int, str, str]], list[str]]:
    """(level, parent path, heading text without marker) and body sentences of one outline."""
    heads: list[tuple[int, str, str]] = []
    sents: list[str] = []
    counters: list[int] = []
    for line in text.splitlines():
        m = HEADING_RE.match(line)
        if m:
            level = len(m.group(1)) - 1
            del counters[level:]
            counters += [0] * (level - len(counters))
            counters[level - 1] += 1
            heads.append((level, ".".join(map(str, counters[: level - 1])), MARKER_RE.sub("", m.group(2))))
        elif line and not line.startswith("# ") and line != "同志们：":
            sents += [s for s in re.findall(r"[^。！？：]+[。！？：]", line)]
    return heads, sents


def measure(outlines: list[tuple[str, str]], book: PhraseBook, tok: Tokenizer) -> dict[str, float]:
    index = NoveltyIndex(book.novelty_sentences)
    limits = NoveltyLimits()
    corpus_topic = book.topic.corpus_topic
    lines, form_ok, form_n, spreads, leak, leak_n, fallbacks, parallel = [], 0, 0, [], 0, 0, 0, []
    for topic, text in outlines:
        heads, sents = outline_lines(text)
        for level, _, h in heads:
            if "〔待写" in h:
                fallbacks += 1
                continue
            form_n += 1
            form_ok += not heading_problems(h, book.lengths.get(min(level, 3), (4, 30)))
        groups: dict[tuple[int, str], list[str]] = {}
        for level, parent, h in heads:
            if "〔待写" not in h:
                groups.setdefault((level, parent), []).append(h)
        for sib in groups.values():
            if len(sib) >= 2:
                lens = [len(x) for x in sib]
                spreads.append(max(lens) / min(lens))
                leads = {tok.cut(x)[0] for x in sib}
                clauses = {len(re.split("[，；：]", x)) for x in sib}
                parallel.append(len(leads) == 1 or len(clauses) == 1)
        body = [s for s in sents if "〔待写" not in s]
        fallbacks += len(sents) - len(body)
        all_lines = [h for _, _, h in heads if "〔待写" not in h] + body
        if topic != corpus_topic:
            leak_n += len(all_lines)
            leak += sum(any(w in x for w in LEAK_WORDS) for x in all_lines)
        lines += [x.replace(topic, corpus_topic) for x in all_lines]
    verbatim = sum(index.is_verbatim(x) for x in lines)
    over = 0
    for x in lines:
        toks = tok.cut(x)
        if index.longest_run(toks) > limits.allowed_run(len(toks)):
            over += 1
    return {
        "lines": len(lines),
        "verbatim copies": verbatim,
        "share over overlap limit": over / max(1, len(lines)),
        "heading-form pass rate": form_ok / max(1, form_n),
        "sibling groups within ±30%": sum(s <= 1.3 / 0.7 and s <= 1.6 for s in spreads) / max(1, len(spreads)),
        "median sibling max/min length": statistics.median(spreads) if spreads else 0.0,
        "sibling groups parallel (lead or clause count)": sum(parallel) / max(1, len(parallel)),
        "topic leak (other topics)": leak / max(1, leak_n),
        "fallback placeholders": fallbacks,
    }


def corpus_sentences(book: PhraseBook) -> str:
    return "\n".join(u.text for units in book.pools.values() for u in units)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--outlines", type=int, default=50)
    parser.add_argument("--sample", default="")
    args = parser.parse_args()
    from drafter.phrases import load_phrasebook
    from drafter.templates import list_templates

    book = load_phrasebook()
    templates = list_templates()
    tok = Tokenizer(book.terms)
    baseline_model = ChineseText(corpus_sentences(book), 2, tokenizer=tok, retain_original=True)
    runs = list(itertools.islice(
        ((t, topic, seed) for seed in itertools.count(1) for t in templates for topic in TOPICS),
        args.outlines,
    ))
    results = {}
    samples = {}
    for name in ("drafter", "baseline"):
        outlines = []
        for template, topic, seed in runs:
            values = _values(template, {"topic": topic, "meeting": f"全县{topic}工作会议",
                                        "org": "某县"}, book)
            gen = (Generator(book, topic) if name == "drafter"
                   else BaselineGenerator(book, topic, baseline_model))
            text = render_with(template, values, seed, gen)  # type: ignore[arg-type]
            outlines.append((topic, text))
            samples.setdefault(name, text if topic == "安全生产" else None) or samples.update({name: text}) if topic == "安全生产" and samples.get(name) is None else None
        results[name] = measure(outlines, book, tok)
    keys = list(results["drafter"])
    print(f"{'metric':48} {'drafter':>10} {'baseline':>10}")
    for k in keys:
        a, b = results["drafter"][k], results["baseline"][k]
        fmt = (lambda v: f"{v:10.1%}") if isinstance(a, float) and "median" not in k else (lambda v: f"{v:10}")
        print(f"{k:48} {fmt(a)} {fmt(b)}")
    print(f"\n{len(runs)} outlines, {len(templates)} templates, topics {'/'.join(TOPICS)}\n")
    print("--- sample (drafter, 安全生产) ---")
    print(samples["drafter"])
    print("--- sample (baseline, 安全生产) ---")
    print(samples["baseline"])


if __name__ == "__main__":
    main()
