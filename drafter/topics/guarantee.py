"""The 保障 point of an outline: the topic's duty set aside for it, its stock guarantees completed
in the topic's own words (强化宣传引导，增强全社会的安全生产意识), and what their bodies say.

Used by composition (drafter.topics.compose), which owns the outline's ledger and anchors.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from drafter.topics.ledger import Ledger
from drafter.topics.material import Phrase, TopicMaterial
from drafter.topics.reading import Reading
from drafter.topics.wording import ANSWERABLE, GOAL, Frames, shares_subject

ECHO = 6  # characters of a stock sentence's fixed words that, said above, make it a repeat
_PIECES = re.compile(r"\{tasks?\}|[，。、]")  # a stock sentence's fixed pieces, around its slots
_OPENER = re.compile(r"^(?:各级党委政府|各级领导干部|各有关部门|各相关部门|各级各部门|各地各有关部门|我们)?要把?")


@dataclass
class Guarantees:
    """The 保障 point's state in one outline: its duty, its stock points and the tasks above."""

    material: TopicMaterial
    frames: Frames
    read: Reading
    ledger: Ledger
    duty: Phrase | None = None  # the topic's own duty, set aside before the tasks take it
    completions: list[tuple[str, Phrase]] = field(default_factory=list)  # stock points' second clauses
    stock_of: dict[str, str] = field(default_factory=dict)  # path -> the stock point heading it
    tasks_headed: list[Phrase] = field(default_factory=list)  # the task phrases headings said, in order
    _referenced: set[str] = field(default_factory=set)  # those a guarantee sentence named again
    _framed: set[str] = field(default_factory=set)  # the {task} frames said (with whichever task)
    _fitting: list[str] | None = None
    _cues: re.Pattern[str] | None = None

    def reserve(self, rng: random.Random, subpoints: int = 0) -> None:
        """Set aside the topic's duty (落实全员安全生产责任制) for the last point's heading: the
        task points come first and would otherwise use every duty up."""
        # only a duty in the topic's own words (严格食品药品安全监管 is a neighbour's duty) that
        # says who answers for the work (a field's enforcement is a task); it will head a point,
        # so a subject headings said above is left out
        read, ledger = self.read, self.ledger
        with ledger.choosing_heading():
            pool = ledger.free(lambda p: bool(ANSWERABLE.search(p.text)) and read.headable(p)
                               and not GOAL.match(p.text) and read.own(p))
        self.duty = ledger.pick(rng, pool, top=6)
        if self.duty is not None:
            ledger.mark(self.duty.text)
            ledger.headed(self.duty.text)  # the task points do not say its subject (责任) before it
        if subpoints >= 2:
            # the 保障 point's sub-points are the stock guarantees this field speaks of, completed
            # by phrases in the topic's own words (强化宣传引导，增强全社会的安全生产意识), set
            # aside before the tasks use them
            points = list(self.fitting_points())
            rng.shuffle(points)
            for point in points:
                if len(self.completions) >= subpoints - (self.duty is not None):
                    break
                if any(w in point for w in ledger.once_said) or (
                        self.duty is not None and shares_subject(point, self.duty.text)):
                    continue  # the duty says 责任 (队伍) already: not 压实工作责任 (加强队伍建设) under it
                mate = ledger.pick(rng, self.completing(point), top=4)
                if mate is not None:
                    ledger.mark(mate.text)
                    self.completions.append((point, mate))
            self.completions.sort(key=lambda pm: self.rank(pm[0]))  # 加强组织领导 before 加强统筹协调

    def place(self, path: str, text: str) -> None:
        """A heading the document holds at `path` (regen): a stock point there keeps the order."""
        stock = next((pt for pt in self.frames.guarantee_points if text.startswith(pt)), None)
        if stock is not None:
            self.stock_of[path] = stock

    def rank(self, point: str) -> int:
        """A stock point's place among the guarantees as speeches order them (frames.toml's
        guarantee_points: 组织领导, 责任, 统筹协调, 督查考核 … 作风, 纪律)."""
        points = self.frames.guarantee_points
        return points.index(point) if point in points else len(points)

    def stock_or_phrases(self, rng: random.Random, path: str, over: Sequence[str], siblings: int,
                         pool: list[tuple[float, Phrase]]) -> tuple[str | None, list[tuple[float, Phrase]]]:
        """(a stock point, or the phrases to choose from instead) for the 保障 sub-point at `path`:
        a stock point of this field (next_point); once they are all said, a phrase of the topic
        saying a guarantee, else another field's stock point, else any phrase of the `pool` (a
        task of the field under a 保障 point reads worse than either)."""
        point = self.next_point(rng, path, over, siblings)
        if point is not None:
            return point, []
        guarding = [sp for sp in pool if self.says_guarantee(sp[1])]
        if guarding:
            return None, guarding
        point = self.next_point(rng, path, over, siblings, any_field=True)
        return point, [] if point is not None else pool

    def next_point(self, rng: random.Random, path: str, over: Sequence[str], siblings: int,
                   any_field: bool = False) -> str | None:
        """The stock point heading the 保障 sub-point at `path` (one of `siblings`): of this field
        (with `any_field`, of any), saying no subject of the headings `over` it nor a task heading's
        (队伍 after 监管力量建设), and in the order speeches give them, with room kept for the
        sub-points still to come."""
        parent = path.rsplit(".", 1)[0]
        said = [s for q, s in self.stock_of.items() if q.startswith(parent + ".")]
        last = max((self.rank(s) for s in said), default=-1)

        def fit(points: list[str]) -> list[str]:
            return self.ledger.unsaid([x for x in points if not any(shares_subject(x, t) for t in over)
                                       and not self.cued_by_tasks(x)])

        points = fit(self.frames.guarantee_points if any_field else self.fitting_points())
        # out of order rather than none: a topic phrase in a stock point's place reads worse
        options = sorted([x for x in points if self.rank(x) > last] or points, key=self.rank)
        left = siblings - int(path.rsplit(".", 1)[1])
        return self.ledger.fresh(rng, options[: max(1, len(options) - left)])

    def cued_by_tasks(self, point: str) -> bool:
        """A task heading said one of the stock point's cue words (加强安全生产监管力量建设:
        加强队伍建设 would say it again)."""
        cues = self.frames.guarantee_cues.get(point, ())
        return any(c in p.text for p in self.tasks_headed for c in cues)

    def set_aside(self, path: str, over_several: bool, anchors: dict[str, Phrase]) -> str | None:
        """The heading of a 保障 sub-point from what was set aside: the duty first (when the point
        has several guarantees), then the completed stock points; None when nothing is left."""
        if self.duty is not None and over_several:
            anchors[path], self.duty = self.duty, None
            return anchors[path].text
        # set aside before the tasks: one a task heading has since said (队伍 after 监管力量建设), or the
        # document says already (regen), gives way to the stock points chosen at the heading
        self.completions = [(s, m) for s, m in self.completions if not self.cued_by_tasks(s) and self.ledger.unsaid([s])]
        if self.completions:
            stock, mate = self.completions.pop(0)
            self.ledger.said(stock)
            self.stock_of[path] = stock
            anchors[path] = mate
            return f"{stock}，{mate.text}"
        return None

    def fitting_points(self) -> list[str]:
        """The stock guarantee points this field speaks of (see Frames.fitting_points)."""
        if self._fitting is None:
            self._fitting = self.frames.fitting_points(self.material.vocabulary)
        return self._fitting

    def completing(self, point: str) -> list[tuple[float, Phrase]]:
        """Free phrases of the topic that say one of a stock guarantee point's cue words."""
        cues = self.frames.guarantee_cues.get(point, ())
        read = self.read
        return self.ledger.free(lambda p: len(p.text) <= 12 and any(c in p.text for c in cues)
                                and read.substantive(p) and read.heading_like(p) and read.own(p)
                                and not GOAL.match(p.text) and not read.echoes(point, p.text))

    def completed(self, rng: random.Random, point: str, path: str, anchors: dict[str, Phrase]) -> str:
        """A stock guarantee point with a phrase of the topic saying one of its cue words as its
        second clause, or the point alone when the topic has none."""
        self.stock_of[path] = point
        mate = self.ledger.pick(rng, self.completing(point), top=4)
        if mate is None:
            return point
        anchors[path] = mate  # its body draws near it
        return f"{point}，{self.ledger.take(mate)}"

    def take_duty(self) -> Phrase | None:
        """The duty set aside, for the 保障 point's own heading (it is then no sub-point's)."""
        duty, self.duty = self.duty, None
        return duty

    def seen(self, line: str, phrases: list[Phrase]) -> None:
        """A line already in the document (regen): a heading's tasks may be named again by a
        guarantee sentence; a task a sentence there names already is not named twice."""
        heading = not line.endswith(("。", "！", "？"))
        for p in phrases:
            if heading and not GOAL.match(p.text) and not ANSWERABLE.search(p.text):
                self.headed_task(p)
            elif not heading:
                self._referenced.add(p.text)

    def headed_task(self, anchor: Phrase) -> None:
        """A task heading was said: a guarantee sentence may name it again (sentence)."""
        self.tasks_headed.append(anchor)

    def says_guarantee(self, p: Phrase, cues: Sequence[str] = ()) -> bool:
        """The phrase says a guarantee (who answers for the work, a stock guarantee's cue word),
        or, with `cues`, one of those words."""
        if cues:
            return any(c in p.text for c in cues)
        if self._cues is None:
            words = sorted({c for cs in self.frames.guarantee_cues.values() for c in cs if c})
            self._cues = re.compile("|".join(map(re.escape, words)) if words else r"(?!)")
        return bool(ANSWERABLE.search(p.text) or self._cues.search(p.text))

    def secures(self, p: Phrase) -> bool:
        """The phrase says how the work is secured (宣传, 投入, 考核…: frames.guarantee_words), not
        a task of it: it belongs under the 保障 point."""
        return any(w in p.text for w in self.frames.guarantee_words)

    def unsecured(self, pool: list[tuple[float, Phrase]]) -> list[tuple[float, Phrase]]:
        """The pool's tasks: its phrases that do not say how the work is secured (secures)."""
        return [sp for sp in pool if not self.secures(sp[1])]

    def stock_point(self, path: str, anchors: dict[str, Phrase]) -> str | None:
        """The stock guarantee point a 保障 sub-point says: the one heading it, or the one whose
        cue words its duty says (落实管护责任: 压实工作责任)."""
        if "." not in path:
            return None
        if path in self.stock_of:
            return self.stock_of[path]
        anchor = anchors.get(path)
        if anchor is None:
            return None
        return next((pt for pt in self.frames.guarantee_points
                     if any(c in anchor.text for c in self.frames.guarantee_cues.get(pt, ()))), None)

    def body_phrases(self, path: str, anchors: dict[str, Phrase], over_several: bool,
                     pools: tuple[list[tuple[float, Phrase]], ...]
                     ) -> tuple[str | None, tuple[list[tuple[float, Phrase]], ...]]:
        """(the stock point a 保障 body is under, `pools` kept to what it may say). A 保障 heading's
        body says how the work is led, answered for and checked (加大安全生产投入), not another
        task of the field (推进高标准农田建设 under 加强组织领导); under a stock point, what that
        point is about (强化资金保障: 投入, 资金). The umbrella over several guarantees (强化工作
        保障，确保各项任务落到实处) says a guarantee too (a new task there, 要加强督查检查，推进城乡供水
        一体化，…, is a stray); its stock sentences name the tasks it secures."""
        stock = self.stock_point(path, anchors)
        if "." not in path and over_several:
            return stock, tuple([sp for sp in pool if self.says_guarantee(sp[1])] for pool in pools)
        cues = self.frames.guarantee_cues.get(stock, ()) if stock else ()
        return stock, tuple([sp for sp in pool if self.says_guarantee(sp[1], cues)] for pool in pools)

    def stock_sentence(self, rng: random.Random, stock: str | None) -> str | None:
        """A whole stock sentence for a 保障 body with no phrase of the topic's own: its stock
        point's own (强化资金保障: 要把…所需经费纳入财政预算), else the genre's."""
        own = (self.frames.point_sentences or {}).get(stock, []) if stock else []
        return self._sentence(rng, own) or self._sentence(rng, self.frames.guarantee_sentences)

    def _echoed(self, sentence: str) -> bool:
        """A stock sentence whose fixed words (six characters running) a line so far says; its
        subject (各级党委政府要) is not of its fixed words: many sentences open with it."""
        fixed = [c for c in (_OPENER.sub("", piece) for piece in _PIECES.split(sentence)) if len(c) >= ECHO]
        return any(c[i:i + ECHO] in line for c in fixed for i in range(len(c) - ECHO + 1)
                   for line in self.ledger.seen)

    def _sentence(self, rng: random.Random, sentences: list[str]) -> str | None:
        """One of `sentences`, of a task a heading above named when one is left for it
        (要把开展安全生产专项整治纳入年度目标考核): the same sentence in every topic's outline says
        nothing of this one."""
        read = self.read
        # nor one whose fixed words a line above said (各级党委政府要把…摆上重要议事日程 twice)
        sentences = [f for f in sentences if not self._echoed(f)] or sentences
        # the field's weightiest tasks are the ones a guarantee is said of (not the margin's)
        tasks = sorted((p for p in self.tasks_headed if p.text not in self._referenced and len(p.text) <= 12
                        and not GOAL.match(p.text) and not read.names_only(p) and read.own(p)),
                       key=lambda p: (-read.weight(p), p.text))
        with_task = [f for f in sentences if ("{task}" in f or ("{tasks}" in f and len(tasks) >= 2))
                     and f not in self._framed]
        if tasks and with_task:
            # the task first, then a sentence of it not said yet (the filled sentence is what is
            # said; its frame is not said again with another task either); {tasks} says two
            chosen = [p.text for p in rng.sample(tasks[:3], min(2, len(tasks)))]
            filled = {f.replace("{task}", chosen[0]).replace("{tasks}", "、".join(chosen)): f for f in with_task}
            sentence = self.ledger.fresh(rng, list(filled))
            if sentence is not None:
                self._referenced.update(t for t in chosen if t in sentence)
                self._framed.add(filled[sentence])
                return sentence
        return self.ledger.fresh(rng, [f for f in sentences if "{task" not in f])
