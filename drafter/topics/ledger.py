"""What one outline has said so far: the phrases used (and those saying the same), the frames
and subjects said, and the phrases still free for a draw. Composition (drafter.topics.compose)
draws through it; it knows nothing of the points' roles.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from drafter.topics.material import Phrase, TopicMaterial
from drafter.topics.reading import Reading
from drafter.topics.wording import Frames, gist_pairs, heads_no_task, variant


@dataclass
class Ledger:
    """The state of one outline's draws."""

    material: TopicMaterial
    frames: Frames
    read: Reading
    used: set[str] = field(default_factory=set)
    blocked: set[str] = field(default_factory=set)
    seen: list[str] = field(default_factory=list)  # lines said so far (frames are not repeated)
    once_said: set[str] = field(default_factory=set)  # subjects a heading said (frames.said_once)
    head_subjects: set[str] = field(default_factory=set)  # the subject words of the headings so far
    heads: list[str] = field(default_factory=list)  # the headings said so far
    heading: bool = False  # a heading is being chosen (the said-once subjects are left out)
    _unused: list[tuple[float, Phrase]] | None = None

    def frame(self, rng: random.Random, frames: list[str]) -> str:
        """A frame, fresh if one is left (else the least bad: frames may repeat)."""
        frame = self.fresh(rng, frames, repeat=True)
        assert frame is not None
        return frame

    def unsaid(self, frames: list[str]) -> list[str]:
        """The frames not used yet in this outline, nor said by a line already in the document."""
        return [f for f in frames if not self._frame_said(f) and not self.repeats_subject(f)]

    def _frame_said(self, f: str) -> bool:
        f = f.replace("{topic}", self.material.topic)
        if f in self.used:
            return True
        if "{" not in f and "，" in f and any(h.endswith(f[-4:]) for h in self.heads):
            return True  # a heading above ends on its words (推动防汛工作落地见效 / 推动防汛各项措施落地见效)
        if "{clauses}" in f:
            # a frame around clauses is said when a line already in the document carries
            # one of its fixed clauses (regen redraws one part beside parts that used it; a
            # heading's lead 坚持底线思维 is not said again by the body under it)
            fixed = [c for x in f.split("{clauses}") for c in re.split("[，。]", x) if len(c) >= 4]
            said = [c for line in self.seen for c in re.split("[，。；]", line) if len(c) >= 4]
            return any(c in line for c in fixed for line in self.seen) or any(c in x for c in said for x in fixed)
        # a stock point says what a line above says when they share most of their words
        # (凝聚工作合力 after 形成齐抓共管的工作合力)
        mine = gist_pairs(f.split("，")[0])
        return any(len(mine & gist_pairs(c)) >= 0.5 * len(mine)
                   for line in self.seen for c in re.split("[，。；]", line) if c)

    def fresh(self, rng: random.Random, frames: list[str], repeat: bool = False) -> str | None:
        """A frame not used yet in this outline (they are few: each is worth saying once),
        nor said by a line already in the document (regen passes them)."""
        topic = self.material.topic
        fresh = self.unsaid(frames)
        if not fresh and not repeat:
            return None
        frame = variant(rng, fresh or frames, topic, among=frames)
        self.used.add(frame.replace("{topic}", topic))
        self._unused = None
        self.seen.append(frame.replace("{topic}", topic).split("{clauses}")[0])
        return frame

    def said_before(self, words: str) -> bool:
        """Used in this outline, or in a line already in the document (regen passes them)."""
        words = words.rstrip("，")
        return words in self.used or words + "，" in self.used or any(words in line for line in self.seen)

    def avoid(self, line: str) -> None:
        """A line already in the document: none of its phrases is used again, and a heading's
        subjects are not the subject of another heading (regen redraws one part beside them)."""
        self.seen.append(line)
        heading = not line.endswith(("。", "！", "？"))
        if heading:
            self.headed(line)
        for _, p in self.material.phrases:
            if p.text in line:
                self.mark(p.text)
                if heading:
                    self.head_subjects |= self.read.subject_words(p)

    def headed(self, text: str, anchor: Phrase | None = None) -> None:
        """A heading (or a phrase set aside to head a point) said: its said-once subjects (责任)
        and its anchor's subject words are not the subject of another heading."""
        self.heads.append(text)
        self.once_said.update(w for w in self.frames.said_once if w in text)
        if anchor is not None and anchor.text in text:
            self.head_subjects |= self.read.subject_words(anchor)

    @contextmanager
    def choosing_heading(self) -> Iterator[None]:
        """While a heading is chosen, phrases on subjects headings said are left out (free)."""
        self.heading = True
        try:
            yield
        finally:
            self.heading = False

    def free(self, pred: Callable[[Phrase], bool] | None = None) -> list[tuple[float, Phrase]]:
        """Unused phrases that pass `pred`: the references' first while any is left (the
        writer gave them for this speech), then the rest."""
        return self.among(self.unused_phrases(), pred)

    def among(self, phrases: list[tuple[float, Phrase]], pred: Callable[[Phrase], bool] | None = None
               ) -> list[tuple[float, Phrase]]:
        """`free` over a list already drawn from the unused phrases."""
        free = [(s, p) for s, p in phrases if pred is None or pred(p)]
        if self.heading:
            # the writer's reference says what it says; the rest: no subject said once already
            # (责任), and one another heading named (强化耕地保护 / 严守耕地红线) only when nothing
            # else is left
            free = [sp for sp in free if sp[1].source == "ref" or not self.repeats_subject(sp[1].text)]
            fresh = [sp for sp in free if sp[1].source == "ref"
                     or not self.read.subject_words(sp[1]) & self.head_subjects]
            free = fresh or free
        own = [sp for sp in free if sp[1].source == "ref"]
        return own or free

    def unused_phrases(self) -> list[tuple[float, Phrase]]:
        """The material's phrases not taken yet, kept until the next one is taken."""
        if self._unused is None:
            self._unused = [(s, p) for s, p in self.material.phrases if not self.taken(p.text)]
        return self._unused

    def heads_a_task(self, p: Phrase) -> bool:
        """A phrase a task heading can take: the topic's own, not a goal nor a principle
        (维护人民群众生命财产安全, 坚持生态优先、绿色发展 head no task point), on a subject no
        heading said yet."""
        return self.read.headable(p) and self.read.own(p) and not heads_no_task(p.text) \
            and not any(w in p.text for w in self.once_said)

    def spare_headings(self, unused: list[tuple[float, Phrase]], than: int) -> int:
        """How many more phrases a task heading can take there are than `than` headings to come."""
        return sum(1 for _, p in unused if self.heads_a_task(p)) - than

    def taken(self, text: str) -> bool:
        """Used already, or saying what a used phrase says (遏制重特大事故 / 坚决遏制重特大事故发生)."""
        return text in self.used or text in self.blocked

    def mark(self, text: str) -> None:
        """Use a phrase: it, and every phrase of the material that says the same, are taken."""
        self.used.add(text)
        self.blocked.update(self.read.saying_the_same(text))  # 促进农民增收 / 促进农民持续增收
        self._unused = None

    def take(self, p: Phrase) -> str:
        self.mark(p.text)
        return p.text

    def pick(self, rng: random.Random, pool: list[tuple[float, Phrase]], top: int = 12) -> Phrase | None:
        if not pool:
            return None
        head = pool[:top]
        weights = [s * (1.5 if p.slot == "heading" else 1.0) for s, p in head]
        return rng.choices([p for _, p in head], weights=weights, k=1)[0]

    def repeats_subject(self, text: str) -> bool:
        """While a heading is chosen: a subject said once per outline, already said."""
        return self.heading and any(w in text for w in self.once_said)

    def said(self, words: str, line: bool = True) -> None:
        """Words of drafter's own (a stock point, a framed subject) said: never again; with `line`,
        a line of the document, which later frames are checked against."""
        self.used.add(words)
        if line:
            self.seen.append(words)
        self._unused = None
