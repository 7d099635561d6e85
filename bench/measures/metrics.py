"""Per-outline and per-topic figures: on-topic, leak, swap, distinct, placeholders, form.

Definitions (each over lines as read by `lines.outline_lines`):
- on-topic: share of lines with at least one of the topic's own terms (its name/aliases,
  and genre words, not counted);
- leak: share of lines with a word specific to another topic (in another topic's vocabulary
  or aliases, not in this topic's, not a genre word);
- swap: share of lines that any outline of another topic (any template or seed) also has
  once every topic's name/aliases are masked (same frame, only the topic word changed;
  identical lines count too, they are the degenerate case); swap_headings over headings only,
  swap_points over the lines from the first heading on (title, opening, transition left out);
- distinct: distinct lines / lines, pooled over all of a topic's outlines (seeds, templates);
  distinct_points over the lines from the first heading on (the title, the speaker and date
  placeholders and the salutation are one in every outline on a topic: they alone cap the
  figure over all lines near 87%);
- restated: share of the points' clauses (from the first heading on, split at ，。；、, each
  sentence's subject (各级各部门要) and clauses naming tasks said above (A、B等工作摆上重要
  议事日程, 要把<a heading>作为重中之重) left out, every topic's name masked) of which an earlier clause
  of the same outline has SAME_SHARE of the character pairs (发展多种形式规模经营 after
  推进多种形式适度规模经营: one point said twice); pairs the genre says on most topics (推进,
  工作) are not counted, nor clauses with fewer than three pairs left.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from statistics import mean

from .lines import Line, form_problems, outline_lines, placeholder_counts
from .vocab import Topic, Vocabulary


@dataclass
class LineReading:
    line: Line
    own: list[str]
    leaks: list[tuple[str, tuple[str, ...]]]

    @property
    def on_topic(self) -> bool:
        return bool(self.own)

    @property
    def leaked(self) -> bool:
        return bool(self.leaks)


def read_line(line: Line, topic: Topic, vocab: Vocabulary) -> LineReading:
    matches = vocab.matches(line.text, topic)
    return LineReading(
        line,
        [m.text for m in matches if m.kind == "own"],
        [(m.text, m.owners) for m in matches if m.kind == "leak"],
    )


@dataclass
class OutlineReading:
    """One outline on one topic, read line by line."""

    topic: str
    template: str
    seed: int
    markdown: str
    lines: list[LineReading] = field(default_factory=list)
    placeholders: dict[str, int] = field(default_factory=dict)
    form: dict[str, int] = field(default_factory=dict)

    @classmethod
    def read(
        cls, markdown: str, topic: Topic, vocab: Vocabulary, template: str = "", seed: int = 0
    ) -> OutlineReading:
        readings = [read_line(ln, topic, vocab) for ln in outline_lines(markdown)]
        return cls(
            topic.id,
            template,
            seed,
            markdown,
            readings,
            placeholder_counts(markdown),
            form_problems(markdown),
        )

    def first_point(self) -> int:
        """Index of the first heading: title, opening and transition come before it."""
        return next(
            (k for k, r in enumerate(self.lines) if r.line.kind == "heading"), len(self.lines)
        )

    def masked(self, vocab: Vocabulary) -> list[str]:
        return [vocab.mask_aliases(r.line.text) for r in self.lines]


SAME_SHARE = 0.6  # share of a clause's character pairs an earlier clause has when it says it again
STOCK_SHARE = 0.5  # a pair said on this share of the topics is the genre's (推进, 工作), not a subject
_CLAUSE = re.compile(r"[，。；！？：,.;!?:]")
# a clause listing tasks (A、B等工作摆上重要议事日程, 在A、B等重点任务上…) refers back to them: the
# genre says so on purpose; so does one that names a heading said above as the object of a
# preposition (要把严守耕地红线作为重中之重, 要围绕X，各司其职, 要对X实行挂图作战, 要以X为突破口)
# or as what it qualifies (要按照X的需要, 优先保障X的资金需求, 总结X中的好做法)
_LISTED = re.compile(r"等(?:工作|重点任务|任务)")
_BACK_OPENS = ("把", "围绕", "按照", "在", "对", "以")
_QUALIFIES = ("的", "中")
# the sentence's subject (各级各部门要, 我们要, 要): the genre's, not what the sentence says; not the
# 要 of 要素, 要求
_SUBJECT = re.compile(r"^(?:各级党委政府|各级党委和政府|各级领导干部|各地各有关部门|各级各部门|各有关部门|各相关部门|"
                      r"各地|各部门|我们|大家)?要(?![素求点])")


def point_clauses(outline: OutlineReading, vocab: Vocabulary) -> list[str]:
    """The clauses of an outline's points, subjects and back-references left out, topic names
    masked."""
    out: list[str] = []
    headed: list[str] = []  # the clauses of the headings so far
    for r in outline.lines[outline.first_point():]:
        text = vocab.mask_aliases(r.line.text)
        if r.line.kind == "sentence":
            text = _SUBJECT.sub("", text, count=1)
        clauses = [c for c in _CLAUSE.split(text) if c]
        for c in clauses:
            back = _LISTED.search(c) or any(
                h in c and (c.startswith(_BACK_OPENS) or any(h + q in c for q in _QUALIFIES)) for h in headed)
            if not back:
                out += [piece for piece in c.split("、") if len(piece) >= 4]
        if r.line.kind == "heading":
            headed += [c for c in clauses if len(c) >= 4]
    return out


def pairs(clause: str) -> set[str]:
    return {clause[i:i + 2] for i in range(len(clause) - 1) if "◇" not in clause[i:i + 2]}


def stock_pairs(readings: list[OutlineReading], vocab: Vocabulary) -> set[str]:
    """Character pairs said in the outlines of most topics: the genre's own wording."""
    topics: dict[str, set[str]] = {}
    for o in readings:
        found = topics.setdefault(o.topic, set())
        for c in point_clauses(o, vocab):
            found |= pairs(c)
    counts = Counter(pair for found in topics.values() for pair in found)
    return {pair for pair, n in counts.items() if n >= max(2, STOCK_SHARE * len(topics))}


def restated_flags(outline: OutlineReading, stock: set[str], vocab: Vocabulary) -> list[bool]:
    """Per clause of the outline's points: does an earlier clause say most of what it says?"""
    said: list[set[str]] = []
    flags = []
    for c in point_clauses(outline, vocab):
        mine = pairs(c) - stock
        if len(mine) >= 3:
            flags.append(any(len(mine & e) >= SAME_SHARE * len(mine) for e in said))
            said.append(mine)
    return flags


def share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def swap_flags(
    outline: OutlineReading, others: list[OutlineReading], vocab: Vocabulary
) -> list[bool]:
    """Per line of `outline`: does another topic's outline (same template, seed) have it masked?"""
    seen: set[str] = set()
    for other in others:
        seen.update(other.masked(vocab))
    return [m in seen for m in outline.masked(vocab)]


def topic_figures(outlines: list[OutlineReading], swaps: dict[int, list[bool]],
                  restated: dict[int, list[bool]] | None = None) -> dict:
    """Aggregate one topic's outlines. `swaps` maps id(outline) to its per-line swap flags,
    `restated` to its per-clause restated flags (restated_flags)."""
    readings = [r for o in outlines for r in o.lines]
    n = len(readings)
    headings = [r for r in readings if r.line.kind == "heading"]
    swap_all = [f for o in outlines for f in swaps.get(id(o), [])]
    swap_heads = [
        f
        for o in outlines
        for r, f in zip(o.lines, swaps.get(id(o), []))
        if r.line.kind == "heading"
    ]
    swap_points = [
        f for o in outlines for k, f in enumerate(swaps.get(id(o), [])) if k >= o.first_point()
    ]
    texts = [r.line.text for r in readings]
    points = [r.line.text for o in outlines for k, r in enumerate(o.lines) if k >= o.first_point()]
    again = [f for o in outlines for f in (restated or {}).get(id(o), [])]
    leak_terms = Counter(term for r in readings for term, _ in r.leaks)
    leak_topics = Counter(owner for r in readings for _, owners in r.leaks for owner in owners)
    own_terms = Counter(t for r in readings for t in r.own)
    form = Counter()
    for o in outlines:
        form.update(o.form)
    return {
        "outlines": len(outlines),
        "lines": n,
        "on_topic": share(sum(r.on_topic for r in readings), n),
        "on_topic_headings": share(sum(r.on_topic for r in headings), len(headings)),
        "leak": share(sum(r.leaked for r in readings), n),
        "swap": share(sum(swap_all), len(swap_all)) if swap_all else None,
        "swap_headings": share(sum(swap_heads), len(swap_heads)) if swap_heads else None,
        "swap_points": share(sum(swap_points), len(swap_points)) if swap_points else None,
        "distinct": share(len(set(texts)), len(texts)),
        "distinct_points": share(len(set(points)), len(points)) if points else None,
        "restated": share(sum(again), len(again)) if again else None,
        "todo_per_outline": mean(o.placeholders["todo"] for o in outlines) if outlines else 0.0,
        "fill_in_per_outline": mean(o.placeholders["fill_in"] for o in outlines)
        if outlines
        else 0.0,
        "form": dict(form),
        "outlines_with_form_problem": sum(1 for o in outlines if any(o.form.values())),
        "top_leaks": leak_terms.most_common(8),
        "leak_topics": leak_topics.most_common(5),
        "top_own_terms": own_terms.most_common(8),
    }


def lines_figures(readings: list[LineReading]) -> dict:
    """On-topic and leak for a plain list of lines (real speeches)."""
    n = len(readings)
    return {
        "lines": n,
        "on_topic": share(sum(r.on_topic for r in readings), n),
        "leak": share(sum(r.leaked for r in readings), n),
        "top_leaks": Counter(t for r in readings for t, _ in r.leaks).most_common(8),
        "top_own_terms": Counter(t for r in readings for t in r.own).most_common(8),
    }


def overall(
    per_topic: dict[str, dict],
    keys=(
        "on_topic",
        "leak",
        "swap",
        "swap_points",
        "swap_headings",
        "distinct",
        "distinct_points",
        "restated",
        "todo_per_outline",
    ),
) -> dict:
    """Mean, min and max across topics of each figure."""
    out = {}
    for key in keys:
        values = [f[key] for f in per_topic.values() if f.get(key) is not None]
        if values:
            out[key] = {"mean": mean(values), "min": min(values), "max": max(values)}
    return out
