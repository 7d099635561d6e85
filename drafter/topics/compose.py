"""Compose an outline's points from a topic's own phrases, framed in the genre's voice.

The substance (what is to be done) comes from the topic's phrases (drafter.topics.knowledge);
the frames (提高政治站位，… / 各级各部门要…，… / 加强组织领导，…) are genre wording of drafter's
own, in ``drafter/_data/frames.toml``, the same for every topic. A level-1 task point is built on
one *anchor* phrase; its sub-points and its body sentences draw the phrases nearest to that
anchor (the same context terms), so a point's parts belong to it. No phrase is used twice.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from functools import lru_cache

from drafter.data import data_path
from drafter.topics.knowledge import Phrase, TopicMaterial

RECOGNISE, TASK, GUARANTEE = "形势认识", "任务措施", "保障要求"
GOAL = re.compile(r"^(?:坚决|确保|守住|牢牢|守牢|筑牢|严防|遏制|杜绝|防止|防范|保障|维护|巩固|持续巩固|坚决守住)")
DUTY = re.compile(r"责任|考核|督查|督导|问责|监督|组织领导|领导|队伍|作风|执法|监管|协同|联动|机制|保障")
_ADVERB = re.compile(r"^(?:深入|持续|全面|扎实|切实|大力|积极|着力|进一步|加快|坚决|不断|全力|统筹|严格|有效|努力)")


@lru_cache(maxsize=8192)
def _core_grams(text: str) -> frozenset[str]:
    """Character bigrams of a phrase without its leading adverb: what it is about."""
    core = _ADVERB.sub("", text)
    return frozenset(core[i:i + 2] for i in range(len(core) - 1))


@dataclass(frozen=True)
class Frames:
    """Genre wording: heading leads per role, sentence subjects and sentence frames."""

    leads: dict[str, list[str]]
    subjects: list[str]
    recognise_bodies: list[str]
    guarantee_bodies: list[str]
    guarantee_points: list[str]
    purposes: list[str]
    guarantee_sentences: list[str]

    @classmethod
    def load(cls) -> Frames:
        import tomllib

        data = tomllib.loads(data_path("frames.toml").read_text(encoding="utf-8"))
        return cls(data["leads"], data["subjects"], data["recognise_bodies"],
                   data["guarantee_bodies"], data["guarantee_points"], data["purposes"],
                   data["guarantee_sentences"])


@dataclass
class Composer:
    """The state of one outline's points: which phrases are used, which anchor each point has."""

    material: TopicMaterial
    frames: Frames
    used: set[str] = field(default_factory=set)
    blocked: set[str] = field(default_factory=set)
    anchors: dict[str, Phrase] = field(default_factory=dict)
    closing_goal: str | None = None
    closing_task: str | None = None
    heads_left: int = 0
    bodies_left: int = 0

    def plan(self, heads: int, bodies: int) -> None:
        """How many headings and body sentences the outline will ask for: phrases are rationed
        so the last point gets its share, and headings always come first."""
        self.heads_left, self.bodies_left = heads, bodies

    def _per_sentence(self) -> int:
        if not self.bodies_left:
            return 3
        free = len(self._free()) - self.heads_left
        return max(1, min(3, free // self.bodies_left))

    def _frame(self, rng: random.Random, frames: list[str]) -> str:
        """A frame not used yet in this outline (they are few: each is worth saying once)."""
        fresh = [f for f in frames if f not in self.used]
        frame = rng.choice(fresh or frames)
        self.used.add(frame)
        return frame

    def reserve_closing(self, rng: random.Random) -> None:
        """Choose the closing's goal before any point, so the closing does not depend on them."""
        self.closing_goal = self.goal(rng)
        tasks = self.tasks(rng, 1)
        self.closing_task = tasks[0] if tasks else None

    def avoid(self, line: str) -> None:
        """A line already in the document: none of its phrases is used again."""
        for _, p in self.material.phrases:
            if p.text in line:
                self._mark(p.text)

    # ---- choosing phrases ----------------------------------------------------------------
    def _free(self, pred=None) -> list[tuple[float, Phrase]]:  # type: ignore[no-untyped-def]
        return [(s, p) for s, p in self.material.phrases
                if not self._taken(p.text) and (pred is None or pred(p))]

    def _substantive(self, p: Phrase) -> bool:
        """More than the topic's name in a genre verb (做好安全生产工作 names, it does not say)."""
        text = p.text
        for k in self.material.keys:
            text = text.replace(k, "")
        return len(_ADVERB.sub("", text)) >= 5 or text == p.text

    def _taken(self, text: str) -> bool:
        """Used already, or saying what a used phrase says (遏制重特大事故 / 坚决遏制重特大事故发生)."""
        return text in self.used or text in self.blocked

    def _mark(self, text: str) -> None:
        """Use a phrase: it, and every phrase of the material that says the same, are taken."""
        self.used.add(text)
        grams = _core_grams(text)
        if not grams:
            return
        for _, p in self.material.phrases:
            other = _core_grams(p.text)
            if other and len(grams & other) >= 0.6 * min(len(grams), len(other)):
                self.blocked.add(p.text)

    def _take(self, p: Phrase) -> str:
        self._mark(p.text)
        return p.text

    def _pick(self, rng: random.Random, pool: list[tuple[float, Phrase]], top: int = 12) -> Phrase | None:
        if not pool:
            return None
        head = pool[:top]
        weights = [s * (1.5 if p.slot == "heading" else 1.0) for s, p in head]
        return rng.choices([p for _, p in head], weights=weights, k=1)[0]

    def _near(self, anchor: Phrase | None, pool: list[tuple[float, Phrase]]) -> list[tuple[float, Phrase]]:
        """The pool ordered by closeness to the anchor (shared context terms), then topic score."""
        if anchor is None:
            return pool
        ctx = set(anchor.context) | set(anchor.words)
        vocab = self.material.vocabulary

        def closeness(sp: tuple[float, Phrase]) -> float:
            s, p = sp
            shared = (set(p.context) | set(p.words)) & ctx
            return s * (0.3 + sum(vocab.get(t, 0.05) for t in shared))

        return sorted(pool, key=lambda sp: (-closeness(sp), sp[1].text))

    # ---- headings --------------------------------------------------------------------------
    def heading(self, rng: random.Random, level: int, role: str, path: str) -> str | None:
        self.heads_left = max(0, self.heads_left - 1)
        parent = self.anchors.get(path.rsplit(".", 1)[0]) if "." in path else None
        if level == 1:
            return self._top_heading(rng, role, path)
        pool = self._free(lambda p: len(p.text) <= 14 and self._substantive(p))
        if role == GUARANTEE:
            duty = [sp for sp in pool if DUTY.search(sp[1].text)]
            if not duty:
                # no duty of this topic's own left: the genre's (加强组织领导) says it
                point = self._frame(rng, self.frames.guarantee_points)
                return point
            pool = duty
        p = self._pick(rng, self._near(parent, pool), top=5)
        if p is None:
            return None
        self.anchors[path] = p
        return self._take(p)

    def _top_heading(self, rng: random.Random, role: str, path: str) -> str | None:
        leads = self.frames.leads[role]
        good = self._substantive
        if role == RECOGNISE:
            pool = self._free(lambda p: bool(GOAL.match(p.text)) and good(p)) or self._free(good)
        elif role == GUARANTEE:
            pool = self._free(lambda p: (bool(DUTY.search(p.text)) or bool(GOAL.match(p.text))) and good(p))
            pool = pool or self._free(good)
        else:
            # a task point opens a new subject: the best free phrase far from earlier anchors
            pool = self._free(lambda p: not GOAL.match(p.text) and good(p))
            pool = self._apart(pool)
        p = self._pick(rng, pool, top=6)
        if p is None:
            return None
        self.anchors[path] = p
        text = self._take(p)
        lead = rng.choice([x for x in leads if x not in self.used] or leads)
        if role == TASK and len(text) <= 10 and rng.random() < 0.5:
            # two phrases of one subject read as one point (压实企业主体责任，推动隐患动态清零)
            mate = self._pick(rng, self._near(p, self._free(lambda q: len(q.text) <= 10)), top=3)
            if mate is not None:
                return f"{self._take(mate)}，{text}" if GOAL.match(text) else f"{text}，{self._take(mate)}"
        self.used.add(lead)
        return f"{lead}，{text}"

    def _apart(self, pool: list[tuple[float, Phrase]]) -> list[tuple[float, Phrase]]:
        """Prefer phrases sharing little with the anchors of earlier points (new subject)."""
        taken = set()
        for a in self.anchors.values():
            taken |= set(a.context[:6]) | set(a.words)

        def distance(sp: tuple[float, Phrase]) -> float:
            s, p = sp
            overlap = len((set(p.context[:6]) | set(p.words)) & taken)
            return s / (1 + overlap)

        return sorted(pool, key=lambda sp: (-distance(sp), sp[1].text))

    # ---- bodies ----------------------------------------------------------------------------
    def body_sentence(self, rng: random.Random, role: str, path: str) -> str | None:
        """One sentence for the point at `path`: its subject, one to three phrases near the
        point's anchor, and sometimes the genre's purpose clause."""
        anchor = self.anchors.get(path) or self.anchors.get(path.split(".")[0])
        pool = self._near(anchor, self._free(lambda p: p.slot != "heading"))
        clauses = []
        want = min(rng.choice((1, 2, 2, 3)), self._per_sentence())
        self.bodies_left = max(0, self.bodies_left - 1)
        for _ in range(want):
            p = self._pick(rng, pool, top=4)
            if p is None:
                break
            clauses.append(self._take(p))
            pool = [sp for sp in pool if sp[1] is not p and not self._taken(sp[1].text)]
        if not clauses:
            if role == GUARANTEE and any(f not in self.used for f in self.frames.guarantee_sentences):
                return self._frame(rng, self.frames.guarantee_sentences)
            return None
        # a goal (确保…/坚决…) closes the sentence, it does not open it
        clauses.sort(key=lambda c: bool(GOAL.match(c)))
        if role == RECOGNISE:
            frame = self._frame(rng, self.frames.recognise_bodies)
        elif role == GUARANTEE:
            frame = self._frame(rng, self.frames.guarantee_bodies)
        else:
            frame = rng.choice(self.frames.subjects) + "{clauses}"
            if len(clauses) < 3 and not GOAL.match(clauses[-1]) and rng.random() < 0.5:
                frame += "，" + self._frame(rng, self.frames.purposes)
            frame += "。"
        return frame.replace("{clauses}", "，".join(clauses)).replace("{topic}", self.material.topic)

    def goal(self, rng: random.Random) -> str | None:
        p = self._pick(rng, self._free(lambda q: bool(GOAL.match(q.text))), top=6)
        return self._take(p) if p else None

    def tasks(self, rng: random.Random, n: int = 2) -> list[str]:
        out = []
        for _ in range(n):
            p = self._pick(rng, self._free(lambda q: not GOAL.match(q.text) and len(q.text) <= 10), top=8)
            if p is not None:
                out.append(self._take(p))
        return out
