"""Compose an outline's points from a topic's own phrases, framed in the genre's voice.

The substance (what is to be done) comes from the topic's phrases (drafter.topics.knowledge);
the frames (提高政治站位，… / 各级各部门要…，… / 加强组织领导，…) are genre wording of drafter's
own, in ``drafter/_data/frames.toml``, the same for every topic. A level-1 task point is built on
one *anchor* phrase; its sub-points and its body sentences draw the phrases nearest to that
anchor (the same context terms), so a point's parts belong to it. No phrase is used twice; the
保障 point's duty and stock guarantees are drafter.topics.guarantee's, the speech frame's aim, tasks
and whole work drafter.topics.framing's.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from drafter.topics.framing import Framing
from drafter.topics.guarantee import Guarantees
from drafter.topics.ledger import Ledger
from drafter.topics.material import Phrase, TopicMaterial
from drafter.topics.reading import Reading
from drafter.topics.wording import (
    ANSWERABLE,
    GOAL,
    GUARANTEE,
    RECOGNISE,
    SIBLING_SPREAD,
    TASK,
    Frames,
    heads_no_task,
    shares_subject,
    with_topic,
    within,
)

CLOSE = 0.5  # a task's sub-point is at least this close to its point (share of the closest one's)
UMBRELLA = 3  # a task point with this many sub-points is headed by a phrase of the whole field


@dataclass
class Composer:
    """The state of one outline's points: which phrases are used, which anchor each point has."""

    material: TopicMaterial
    frames: Frames
    anchors: dict[str, Phrase] = field(default_factory=dict)
    sibling_len: dict[str, int] = field(default_factory=dict)
    closing_goal: str | None = None
    first_work: Phrase | None = None  # the field's whole work, set aside for a first point with no aim
    closing_task: str | None = None
    children: dict[str, int] = field(default_factory=dict)  # level-1 path -> its sub-points
    heads_left: int = 0
    bodies_left: int = 0
    last_subject: str = ""  # the plain subject of the last body sentence (要 / 我们要)
    said_heads: dict[str, str] = field(default_factory=dict)  # path -> the heading said there

    def __post_init__(self) -> None:
        self.read = Reading(self.material)
        self.ledger = Ledger(self.material, self.frames, self.read)
        self.guarantees = Guarantees(self.material, self.frames, self.read, self.ledger)
        self.framing = Framing(self.material, self.read, self.ledger, self.guarantees)

    def avoid(self, line: str) -> None:
        """A line already in the document (regen passes them): see Ledger.avoid and
        Guarantees.seen (a guarantee sentence of the part redrawn names the tasks set there)."""
        self.ledger.avoid(line)
        self.guarantees.seen(line, [p for _, p in self.material.phrases if p.text in line])

    def place(self, path: str, text: str) -> None:
        """A heading the document holds at `path` (regen redraws a part beside it): said there,
        with the phrase it says as its anchor, so sub-points keep to their point, siblings off
        each other's subjects and guarantees to the tasks the document sets, as in a full render."""
        self.said_heads[path] = text
        said = [p for _, p in self.material.phrases if p.text in text]
        if said:
            self.anchors[path] = max(said, key=lambda p: len(p.text))
        self.guarantees.place(path, text)

    def plan(self, heads: int, bodies: int) -> None:
        """How many headings and body sentences the outline asks for: phrases are rationed so the
        last point gets its share, headings first."""
        self.heads_left, self.bodies_left = heads, bodies

    def _per_sentence(self) -> int:
        if not self.bodies_left:
            return 3
        free = len(self.ledger.unused_phrases()) - self.heads_left
        return max(1, min(3, free // self.bodies_left))

    def reserve_closing(self, rng: random.Random, first_point: bool = False) -> None:
        """Choose the closing's goal before any point, so the closing does not depend on them: an
        aim of the field, else its whole work (同志们，全面推进乡村振兴，任务艰巨、责任重大), else
        one group's aim before the plain charge. With `first_point` (the outline writes a 认识
        point), its aim is set aside for it first (the closing says the field's other whole aim),
        or the field's whole work when the topic has no aim."""
        if first_point and not self.framing.reserve_first_aim(rng):  # set aside before the turn and the closing take it
            self.first_work = self.framing.field_phrase(rng)
            if self.first_work is not None:
                self.ledger.take(self.first_work)
        self.closing_goal = self.framing.goal(rng) or self.framing.field_work(rng) \
            or self.framing.goal(rng, common=False)
        tasks = self.framing.tasks(rng, 1)
        self.closing_task = tasks[0] if tasks else None

    def reserve_guarantee(self, rng: random.Random, subpoints: int = 0) -> None:
        """Set aside the 保障 point's duty and stock guarantees before the tasks (Guarantees.reserve)."""
        self.guarantees.reserve(rng, subpoints)

    # ---- choosing phrases ----------------------------------------------------------------
    def _near(self, anchor: Phrase | None, pool: list[tuple[float, Phrase]],
              close: float = 0.0) -> list[tuple[float, Phrase]]:
        """The pool ordered by closeness to the anchor (shared context terms), then topic score;
        with `close`, only those at least that share of the closest one's closeness (while any)."""
        if anchor is None:
            return pool
        ranked = self.read.closeness(anchor, pool)
        if close and ranked:
            best = ranked[0][0]
            ranked = [r for r in ranked if r[0] >= close * best] or ranked
        return [sp for _, sp in ranked]

    # ---- headings --------------------------------------------------------------------------
    def heading(self, rng: random.Random, level: int, role: str, path: str) -> str | None:
        """The heading of the point at `path`; a subject said once per outline (责任) is not the
        subject of a second heading (严格落实岗位安全责任 after 落实安全生产责任制)."""
        with self.ledger.choosing_heading():
            text = self._choose_heading(rng, level, role, path)
        if text:
            self.said_heads[path] = text
            self.ledger.headed(text, self.anchors.get(path))
            anchor = self.anchors.get(path)
            if role == TASK and anchor is not None and anchor.text in text:
                self.guarantees.headed_task(anchor)
        return text

    def _choose_heading(self, rng: random.Random, level: int, role: str, path: str) -> str | None:
        self.heads_left = max(0, self.heads_left - 1)
        if level == 1:
            return self._top_heading(rng, role, path)
        parent_path = path.rsplit(".", 1)[0]
        parent = self.anchors.get(parent_path) if "." in path else None
        if role == GUARANTEE:
            # the duty set aside for the 保障 point is the first of its guarantees, then the stock
            # points completed in the topic's words (set aside with it: reserve_guarantee)
            aside = self.guarantees.set_aside(path, self.children.get(parent_path, 0) >= 2, self.anchors)
            if aside is not None:
                return aside

        def fits(p: Phrase) -> bool:  # a reference's task heads a point however long it is
            return self.read.headable(p) or (p.source == "ref" and self.read.substantive(p) and self.read.heading_like(p))

        whole = self.ledger.free(lambda p: fits(p) and self.read.own(p)) or self.ledger.free(fits)
        pool = self.read.upper(whole)
        if role == GUARANTEE:
            duty = [sp for sp in pool if ANSWERABLE.search(sp[1].text) and self.read.own(sp[1])]
            if not duty:
                # no duty of this topic's own left: the genre's (加强组织领导) says it, unless a
                # heading above already said the same words, completed by a phrase of the topic
                # on its subject when there is one (强化宣传引导，增强全社会的安全生产意识)
                over = [t for q, t in self.said_heads.items() if q == parent_path or q.startswith(parent_path + ".")]
                point, duty = self.guarantees.stock_or_phrases(rng, path, over, self.children.get(parent_path, 1), pool)
                if point is not None:
                    return self.guarantees.completed(rng, point, path, self.anchors)
            pool = duty
        elif role == TASK:
            # a sub-point is one task of its point: not a goal (维护人民群众生命财产安全), nor while others
            # are left the topic's own name (推进实施乡村振兴战略 is wider than any point), how the work
            # is secured (开展安全生产宣传教育 is the 保障 point's) or a principle (坚持生态优先、绿色发展)
            upper, every = ([sp for sp in half if not heads_no_task(sp[1].text)] for half in (pool, whole))
            tasks = self.guarantees.unsecured(upper) or self.guarantees.unsecured(every) \
                or upper or every  # the lower half before a goal
            def narrow(sps: list[tuple[float, Phrase]]) -> list[tuple[float, Phrase]]:
                return [sp for sp in sps if not any(k in sp[1].text for k in self.material.keys)]
            # the topic's own name (推动优化营商环境精准施策) while a task of the lower half is left
            pool = narrow(tasks) or narrow(self.guarantees.unsecured(every)) or tasks or pool
            # nor its point's words with one more (提高安全生产技术水平 under 提高安全生产水平), nor a
            # sibling's subject in other words (化解各类矛盾 beside 加强矛盾纠纷排查化解): from the lower half if need be
            said = [a for q, a in self.anchors.items() if q.startswith(parent_path + ".")]

            def other(sps: list[tuple[float, Phrase]]) -> list[tuple[float, Phrase]]:
                return [sp for sp in sps if not any(self.read.covers(a, sp[1]) for a in said) and (
                    parent is None or not (within(parent.text, sp[1].text) or within(sp[1].text, parent.text)))]
            pool = other(pool) or other(every) or other(
                [sp for sp in self.ledger.free(fits) if not heads_no_task(sp[1].text)]) or pool
        first = self.sibling_len.get(parent_path)
        if first:
            # siblings read as a set (排比): lengths near the first one's, when the pool allows
            near = [sp for sp in pool if abs(len(sp[1].text) - first) <= SIBLING_SPREAD * first]
            pool = near or pool
        # a sub-point is one of its point's own subject: among the closest to it, not the pool's tail,
        # and a task's, on a subject its siblings have not said in other words (提高突发事件应对能力
        # beside 建立应急反应和处置机制)
        ranked = self._near(parent, pool, close=CLOSE if role == TASK else 0.0)
        if role == TASK:
            siblings = [a for q, a in self.anchors.items() if q.rsplit(".", 1)[0] == parent_path and q != path]
            ranked = self.read.apart_from(ranked, siblings)
        p = self.ledger.pick(rng, ranked, top=5)
        if p is None:
            return None
        self.anchors[path] = p
        self.sibling_len.setdefault(parent_path, len(p.text))
        return self.ledger.take(p)

    def _top_heading(self, rng: random.Random, role: str, path: str) -> str | None:
        if role in (RECOGNISE, GUARANTEE):
            # the first and last points: the genre's lead with the topic's goal or duty, else its
            # stock words with the topic; their bodies and sub-points carry the topic's phrases
            frames = self.frames.recognise_headings if role == RECOGNISE else self.frames.guarantee_headings
            over_several = role == GUARANTEE and self.children.get(path, 0) >= 2
            if over_several:
                # over several guarantees the genre's umbrella, the topic's duty the first of them (a duty
                # over 强化资金保障 was struck); not one saying a guarantee below (强化组织保障/加强组织领导)
                below = [stock for stock, _ in self.guarantees.completions]
                apart = [f for f in frames if not any(shares_subject(b, f) for b in below)]
                return with_topic(self.material.topic, self.ledger.frame(rng, apart or frames))
            if role == GUARANTEE and self.guarantees.duty is not None:
                anchor: Phrase | None = self.guarantees.take_duty()  # set aside before the tasks
            else:
                # the first point: the topic's goal, the field's whole aim on its weightiest words
                # (坚决打好污染防治攻坚战, not 保障生态环境监测数据质量); the 保障 point: its duty (a goal
                # after a guarantee's lead says two things: 强化组织保障，巩固脱贫成果)
                if role == RECOGNISE:
                    aside = self.framing.first_aim
                    anchor_pool = [(1.0, aside)] if aside is not None and not self.ledger.taken(aside.text) \
                        else self.framing.first_aims()
                else:
                    anchor_pool = self.ledger.free(lambda p: bool(ANSWERABLE.search(p.text)) and self.read.own(p))
                anchor = self.ledger.pick(rng, anchor_pool, top=6) if anchor_pool else None
            if anchor is None and role == RECOGNISE and self.first_work is not None:
                # no aim of the whole field: its whole work, set aside for it (提高政治站位，深入推进安全生产
                #治本攻坚); one only naming the topic in a verb (持续加强党风廉政建设) restates the meeting's
                # name: the genre's own first point says it (切实增强做好…工作的责任感使命感)
                work = self.first_work.text
                leads = [lead for lead in self.frames.recognise_leads(work) if not self.read.echoes(lead, work)]
                if self.read.names_only(self.first_work):
                    self.anchors[path] = self.first_work
                    leads = []
                if leads:
                    self.anchors[path] = self.first_work
                    return f"{self.ledger.fresh(rng, leads) or self.ledger.frame(rng, leads)}，{work}"
            if anchor is None:
                return with_topic(self.material.topic, self.ledger.frame(rng, frames))
            self.anchors[path] = anchor  # the body draws near it
            # the genre's lead with it (提高政治站位，牢牢守住安全生产底线); a lead said above in other
            # words may be said again (the leads are few)
            own_leads = self.frames.recognise_leads(anchor.text) if role == RECOGNISE else self.frames.leads[role]
            leads = [lead for lead in own_leads if not self.read.echoes(lead, anchor.text)]
            lead = (self.ledger.fresh(rng, leads) or self.ledger.frame(rng, leads)) if leads else None
            if lead is None or len(anchor.text) > 14 or not self.read.substantive(anchor):
                return with_topic(self.material.topic, self.ledger.frame(rng, frames))
            if role == RECOGNISE:
                return self.frames.first_heading(lead, self.ledger.take(anchor))
            return f"{lead}，{self.ledger.take(anchor)}"
        if self.children.get(path, 0) >= UMBRELLA:
            umbrella = self.framing.umbrella(rng, self.heads_left)  # over several sub-points, heading them all
            if umbrella is not None:
                self.anchors[path], text = umbrella
                return text
            if self.frames.task_headings and self.material.known \
                    and not any(p.source == "ref" for _, p in self.ledger.unused_phrases()):
                # no phrase of the whole field: the genre's umbrella, not one task its sub-points
                # would not belong to (a topic with too little material keeps its own phrases)
                return with_topic(self.material.topic, self.ledger.frame(rng, list(self.frames.task_headings)))
        # a task point opens a new subject: the best free phrase far from earlier anchors
        found = (
            self.ledger.free(lambda p: not heads_no_task(p.text) and self.read.substantive(p)
                             and self.read.heading_like(p) and self.read.own(p))
            or self.ledger.free(lambda p: not heads_no_task(p.text) and self.read.substantive(p)
                                and self.read.heading_like(p))
            # the topic's tasks all said: a goal of its own (坚决遏制重特大事故) still heads a point
            or self.ledger.free(lambda p: self.read.substantive(p) and self.read.heading_like(p))
            # and then one that names the topic in a line of its own (深入推进党风廉政建设)
            or self.ledger.free(lambda p: self.read.heading_like(p) and any(k in p.text for k in self.material.keys)
                          and not p.text.endswith("工作") and len(p.text) > max(map(len, self.material.keys), default=0) + 2))
        found = self.guarantees.unsecured(found) or found  # a task, not its guarantee
        pool = self.framing.apart(self.read.upper(found), self.anchors)
        p = self.ledger.pick(rng, self.framing.supported(pool[:12]), top=6)
        if p is None:
            return None
        self.anchors[path] = p
        text = self.ledger.take(p)
        # a second phrase of the same subject, when one is close enough, makes the point's
        # two clauses (提高农业综合生产能力，稳定粮食播种面积); a stock lead never does
        mates = self.framing.mates(p)
        # a second clause only while the topic has phrases to spare for the headings still to come
        spare = len(pool) > 2 * self.heads_left
        mate = self.ledger.pick(rng, mates, top=3) if len(text) <= 11 and p.source != "ref" and spare else None
        if mate is not None and rng.random() < 0.6:
            # the heading's own task (not its goal clause), before its anchor is the pair
            self.guarantees.headed_task(mate if GOAL.match(p.text) else p)
            other = self.ledger.take(mate)
            # the point is about both its clauses: its sub-points may be near either
            self.anchors[path] = Phrase(p.words + mate.words, p.docs, tuple(dict.fromkeys(p.context + mate.context)),
                                        p.source, p.origin, p.slot)
            return f"{other}，{text}" if GOAL.match(text) else f"{text}，{other}"
        # or the genre's lead says how the task is to be done (坚持问题导向，深化安全生产专项整治),
        # now and then: a lead before every point reads as a formula
        if len(text) <= 12 and p.source != "ref" and rng.random() < 0.5:
            leads = self.framing.task_leads(text)
            lead = self.ledger.fresh(rng, leads) if leads else None
            if lead is not None:
                return f"{lead}，{text}"
        return text

    # ---- bodies ----------------------------------------------------------------------------
    def body_sentence(self, rng: random.Random, role: str, path: str, first: bool = True) -> str | None:
        """One sentence for the point at `path`: its subject, one to three phrases near the
        point's anchor, and sometimes the genre's purpose clause. A sentence after the first
        is written only when the topic has something to say in it (`first` False)."""
        anchor = self.anchors.get(path) or self.anchors.get(path.split(".")[0])
        # the references' tasks go to headings first: a body takes one only when more are left than headings
        unused = self.ledger.unused_phrases()
        refs_left = sum(1 for _, p in unused if p.source == "ref")
        spare = refs_left > self.heads_left
        def fits(p: Phrase) -> bool:
            # nor a clause whose object was in the sentence around it (及时进行处理)
            return p.slot != "heading" and (p.source != "ref" or spare) and self.read.complete(p)

        fitting = [sp for sp in unused if fits(sp[1])]
        said = [sp for sp in fitting if self.read.substantive(sp[1])]
        # a phrase with a subject of its own first, in the topic's own words (严格食品药品安全监管 is
        # its neighbour's); one only naming the topic (加强安全生产监管) when nothing else is left,
        # never in a 保障 body (its frames name the topic already); never one saying nothing
        # (完善相关机制). The field's margin only opens a task's body that has nothing else.
        margin = first and role != GUARANTEE
        keys = self.material.keys
        naming = [sp for sp in fitting if not self.read.substantive(sp[1])
                  and any(k in sp[1].text for k in keys)] if first else []
        stock = None
        if role == GUARANTEE:  # a 保障 body says a guarantee (Guarantees.body_phrases)
            stock, (said, naming) = self.guarantees.body_phrases(
                path, self.anchors, self.children.get(path, 0) >= 2, (said, naming))
        naming = self.ledger.among(naming, lambda p: role != GUARANTEE or not self.read.names_only(p))
        pool = self._near(anchor, self.ledger.among(said, self.read.own)
                          or (self.ledger.among(said) if margin else []) or naming)
        # phrases a task heading can take are kept for the headings to come while there are no more
        # of them than headings, counted clause by clause (a body can say a longer clause or a goal;
        # a task heading cannot)
        room = self.ledger.spare_headings(unused, self.heads_left)

        def kept(pool: list[tuple[float, Phrase]]) -> list[tuple[float, Phrase]]:
            return [sp for sp in pool if not self.ledger.heads_a_task(sp[1])]

        if room <= 0:
            # a phrase only naming the topic opens a sentence before a task a heading still needs
            pool = kept(pool) or kept(self._near(anchor, naming)) or (pool if first else [])
        clauses = []
        copied = False  # a clause of the writer's corpus, which alone after 要 may be its sentence
        want = min(rng.choice((1, 2, 2, 3)), self._per_sentence())
        self.bodies_left = max(0, self.bodies_left - 1)
        for _ in range(want):
            p = self.ledger.pick(rng, pool, top=4)
            if p is None:
                break
            room -= self.ledger.heads_a_task(p)
            copied = copied or p.source == "corpus"
            clauses.append(self.ledger.take(p))
            pool = [sp for sp in pool if sp[1] is not p and not self.ledger.taken(sp[1].text)]
            if room <= 0:
                pool = kept(pool)
        if not clauses:
            if role == GUARANTEE and first:
                return self.guarantees.stock_sentence(rng, stock)
            if role == TASK and first:  # nothing left to say: the point's own task carried into the work
                return self.framing.task_sentence(rng, self.said_heads.get(path, ""))
            return None
        # a goal (确保…/坚决…) closes the sentence, it does not open it
        clauses.sort(key=lambda c: bool(GOAL.match(c)))
        # a role's own frame once each; when all are said, the plain subjects below (the same
        # stock sentence in two guarantee points reads as padding)
        frame = None
        if role == RECOGNISE:
            frame = self.ledger.fresh(rng, self.frames.recognise_bodies)
        elif role == GUARANTEE:
            frame = self.ledger.fresh(rng, self.frames.guarantee_bodies)
        if frame is None:
            # a plain subject (要 / 各级各部门要) repeats as speeches repeat it, not in two sentences
            # in a row (我们要…。我们要…。); a framed one (要坚持问题导向，) is said once
            subjects = [x for x in self.frames.subjects if "，" not in x or not self.ledger.said_before(x)]
            subject = rng.choice([x for x in subjects if x != self.last_subject] or subjects or self.frames.subjects[:1])
            self.last_subject = subject
            if "，" in subject:
                self.ledger.said(subject, line=False)
            frame = subject + "{clauses}"
            # optional, once each; but a corpus clause alone is never the whole sentence (要严格落实
            # 常态化疫情防控要求 was the corpus's own, word for word): it takes one said before if need be
            if len(clauses) == 1 and copied:
                # a purpose not said yet, else another phrase; a purpose again only in the first
                # sentence of a point, which has nothing else to say
                purpose: str | None = self.ledger.fresh(rng, self.frames.purposes)
                mate = self.ledger.pick(rng, pool, top=4) if purpose is None else None
                if mate is not None:
                    clauses = sorted([*clauses, self.ledger.take(mate)], key=lambda c: bool(GOAL.match(c)))
                elif purpose is None:
                    if not first:
                        return None
                    purpose = self.ledger.frame(rng, self.frames.purposes)
            else:
                purpose = self.ledger.fresh(rng, self.frames.purposes) \
                    if len(clauses) < 3 and not GOAL.match(clauses[-1]) and rng.random() < 0.5 else None
            if purpose is not None:
                frame += "，" + purpose
            frame += "。"
        return with_topic(self.material.topic, frame.replace("{clauses}", "，".join(clauses)))
