"""The words of the speech's frame around its points that come from the topic: the closing's
aim, the tasks the opening names, the field's whole work the turn to the points announces.

Used by composition (drafter.topics.compose), which owns the outline's ledger; the 保障 point's
guarantees are told apart (drafter.topics.guarantee) so a guarantee is never named as a task.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from drafter.topics.guarantee import Guarantees
from drafter.topics.ledger import Ledger
from drafter.topics.material import Phrase, TopicMaterial
from drafter.topics.reading import Reading
from drafter.topics.wording import (
    DUTY,
    GOAL,
    action_words,
    carried_out,
    heads_no_task,
    names_a_campaign,
    names_a_group,
)

AIM_DOCS = 3  # a bundled goal said in this many documents is the field's aim before one group's
WIDE = 0.6  # said beside this share of the tasks the widest phrase of the field is said beside
WHOLE_DOCS = 5  # a phrase naming the topic in this many documents is the field's standard wording
SUPPORT = 3  # phrases near a task point's subject it needs for its sub-points and body
NEARER = 1.5  # an aim this many times nearer the topic than the other is the first point's
FIRST_AIMS = 2  # the weightiest aims the first point chooses from (a third is one part of the field: 遏制耕地“非农化”)


@dataclass
class Framing:
    """The topic's words for the frame of one outline, drawn from its ledger."""

    material: TopicMaterial
    read: Reading
    ledger: Ledger
    guarantees: Guarantees
    first_aim: Phrase | None = None  # the first point's aim, chosen before the closing's (Composer.reserve_closing)

    def field_phrases(self, longer_by: int) -> list[tuple[float, Phrase]]:
        """The free phrases naming the topic's field as a whole, not a goal, a duty or a guarantee
        of it (加大安全生产投入 secures tasks), at least `longer_by` characters longer than its name."""
        keys = self.material.keys
        least = max(map(len, keys), default=0) + longer_by
        return self.ledger.free(lambda p: any(k in p.text for k in keys) and self.read.heading_like(p)
                                and not heads_no_task(p.text) and not DUTY.search(p.text)
                                and not self.guarantees.says_guarantee(p)
                                and not p.text.endswith("工作") and least <= len(p.text) <= 13)

    def whole_field(self, p: Phrase) -> bool:
        """The phrase says the field's whole work, not one measure or one part of it: the field
        itself is its object (全面推进乡村振兴, 持续打造一流营商环境: the topic's name last, or followed
        by a word of the whole field: 提高食品安全水平), or the name is followed by the field's
        standard wording of a measure (said in many documents: 开展安全生产专项整治). 普及食品安全
        知识 is one measure, 促进煤矿安全生产 and 促进残疾人就业 one part of the field."""
        frames = self.guarantees.frames
        for key in self.material.keys:
            at = p.text.rfind(key)
            if at < 0:
                continue
            after = p.text[at + len(key):]
            if after and after not in frames.whole_heads and (
                    p.docs < WHOLE_DOCS or any(after.endswith(w) for w in frames.part_heads)):
                continue
            # before the name, only verbs and the words of the whole field (持续打造一流…)
            before = p.text[:at]
            # (the first word is the phrase's verb: phrases open with one)
            verbs = action_words()
            for i, word in enumerate(p.words):
                if not before.startswith(word) or (i and word not in verbs and word not in frames.whole_before):
                    break
                before = before[len(word):]
            if not before:
                return True
        return False

    def field_phrase(self, rng: random.Random) -> Phrase | None:
        """The topic's whole work for the frame (下面，就深入推进安全生产治本攻坚，我讲三点意见; the
        first point or the closing without an aim): the field's name in a verb or its standard
        wording (said in many documents), never one measure of it (就普及食品安全知识 announces a
        speech on that measure alone)."""
        field = self.field_phrases(2)
        # and said beside many of its tasks (完善就业服务, said in nine documents, beside few)
        free = [q for _, q in self.ledger.free(self.read.substantive)]
        breadth = {sp[1].text: self.read.breadth(sp[1], free) for sp in field}
        wide = WIDE * max(breadth.values(), default=0)
        pool = [sp for sp in field if (sp[1].docs >= WHOLE_DOCS or self.read.names_only(sp[1]))
                and breadth[sp[1].text] >= wide]
        return self.ledger.pick(rng, sorted(pool, key=lambda sp: (-sp[1].docs, sp[1].text))[:3], top=3)

    def field_work(self, rng: random.Random) -> str | None:
        """The field's whole work (field_phrase), said."""
        p = self.field_phrase(rng)
        return self.ledger.take(p) if p else None

    def goal(self, rng: random.Random, common: bool = True) -> str | None:
        """A goal of the topic's own for the frame around the points (the closing's charge): on
        the field's weightier words (维护古都风貌 is a river law's, not 防汛's); never another
        field's goal (None: the closing says its plain charge). With `common`, only one said in
        several documents (保障残疾人就业 is one group's: the field's whole work closes first)."""
        own = self.aims()
        firsts = self.first_aims()
        # the field's whole aim is the first point's (Composer._top_heading): the closing says another, or
        # its plain charge (读者 struck 提高政治站位，维护生物多样性 once 打好污染防治攻坚战 was taken)
        best = self.first_aim or next((p for _, p in firsts), None)
        if best is not None:
            first = {best.text, *self.read.saying_the_same(best.text)}
            own = [sp for sp in own if sp[1].text not in first]
        if common:
            own = self._common(own)
        keys = self.material.keys
        field_wide = [sp for sp in own if not names_a_group(sp[1].words, keys)]  # the field's, not one group's
        if common and not field_wide:
            return None
        own = field_wide or own
        weighty = [sp for sp in own if self.read.weight(sp[1]) >= self.read.vocab_median]
        # the field's other whole aim before one part's (持续巩固拓展脱贫攻坚成果 beside 确保国家粮食安全,
        # before 遏制耕地“非农化”)
        whole = [sp for sp in firsts if sp in weighty]
        pool = whole or weighty or own
        p = self.ledger.pick(rng, pool, top=10)
        return self.ledger.take(p) if p else None

    def task_sentence(self, rng: random.Random, heading: str) -> str | None:
        """A task point's body when the topic has nothing left to say in it: the genre carries the
        point's own task into the work (要把深化廉洁政府建设作为一项重点工作，……), not 〔待写〕 under
        a heading that says what is to be done. Each frame once per outline."""
        task = heading.split("，")[-1]
        frames = [f for f in self.guarantees.frames.task_sentences if not self.ledger.said_before(f)]
        if not task or not frames:
            return None
        frame = rng.choice(frames)
        self.ledger.said(frame, line=False)
        return frame.replace("{task}", task)

    def aims(self) -> list[tuple[float, Phrase]]:
        """The topic's own free goals (not that the work be done: 确保各项要求落细落实到位)."""
        keys = self.material.keys
        # nor one year's study campaign (巩固拓展主题教育成果 is no 廉政 aim)
        return self.ledger.free(lambda q: bool(GOAL.match(q.text)) and self.read.substantive(q) and self.read.own(q)
                                and not carried_out(q.text) and not names_a_campaign(q.text, keys))

    def reserve_first_aim(self, rng: random.Random) -> bool:
        """Set aside the first point's aim before the closing chooses its own: of the field's two
        weightiest, the one far nearer the topic (坚决打赢疫情防控这场硬仗, not 确保人员安全有序
        流动), else either (确保国家粮食安全 / 持续巩固拓展脱贫攻坚成果). False when there is none."""
        aims = sorted(self.first_aims(), key=lambda sp: -sp[0])
        if aims:
            clear = len(aims) == 1 or aims[0][0] >= NEARER * aims[1][0]
            self.first_aim = aims[0][1] if clear else self.ledger.pick(rng, aims, top=2)
        return bool(aims)

    def first_aims(self) -> list[tuple[float, Phrase]]:
        """The first point's goals: the field's whole aim on its weightiest words (深入打好污染防治
        攻坚战, not 保障生态环境监测数据质量), one said in several documents before one group's
        (保障劳动者合法权益 before 保障残疾人就业, said in two), the writer's always."""
        goals = [sp for sp in self.aims() if self.read.weight(sp[1]) >= self.read.vocab_median]
        keys = self.material.keys
        goals = [sp for sp in goals if not names_a_group(sp[1].words, keys)] or goals  # the field's, not one group's
        # as weighty, the one more documents say first: the standard wording (深入打好污染防治攻坚战,
        # said in 25, before 坚决打好…, said in 7)
        # and one said in two documents only is those documents' wording, not the field's aim (维护经营
        # 主体合法权益 opened 优化营商环境 too narrowly, four readers said): the field's whole work then
        return sorted(self._common(goals),
                      key=lambda sp: (-self.read.weight(sp[1]), -sp[1].docs, sp[1].text))[:FIRST_AIMS]

    @staticmethod
    def _common(goals: list[tuple[float, Phrase]]) -> list[tuple[float, Phrase]]:
        """The goals the writer gave, or said in several documents."""
        return [sp for sp in goals if sp[1].source != "bundled" or sp[1].docs >= AIM_DOCS]

    def tasks(self, rng: random.Random, n: int = 2) -> list[str]:
        """Short tasks of the topic's own, if any, for the frame (opening list, transition)."""
        out = []
        for _ in range(n):
            short = self.ledger.free(lambda q: not GOAL.match(q.text) and len(q.text) <= 10)
            # the meeting's own tasks: not a principle or the nation's (建设国际一流营商环境)
            own = [sp for sp in short if self.read.own(sp[1]) and self.read.substantive(sp[1])
                   and not heads_no_task(sp[1].text)]
            pool = self.guarantees.unsecured(own) or own or short
            p = self.ledger.pick(rng, pool, top=8)
            if p is not None:
                out.append(self.ledger.take(p))
        return out

    # ---- a task point's subject ----------------------------------------------------------------
    def supported(self, pool: list[tuple[float, Phrase]]) -> list[tuple[float, Phrase]]:
        """The candidates for a task point whose subject other free phrases say too (its
        sub-points and body will be about it), while any; the pool as it is otherwise."""
        free = [self.read.sets(q) for _, q in self.ledger.free(self.read.substantive)]

        def support(p: Phrase) -> int:
            # on its own subject, not the field's air (实施绿色采购 is backed by 绿色 everywhere, by
            # nothing on 采购): a subject all of the field's air is backed by it
            own = self.read.subject_words(p)
            own = (own - self.read.common) or own
            return sum(1 for words, context in free if own & (words | context)) - 1  # itself

        backed = [sp for sp in pool if support(sp[1]) >= SUPPORT]
        return backed or pool

    @staticmethod
    def apart(pool: list[tuple[float, Phrase]], anchors: dict[str, Phrase]) -> list[tuple[float, Phrase]]:
        """Prefer phrases sharing little with the anchors of earlier points (a new subject)."""
        taken: set[str] = set()
        for a in anchors.values():
            taken |= set(a.context[:6]) | set(a.words)

        def distance(sp: tuple[float, Phrase]) -> float:
            s, p = sp
            overlap = len((set(p.context[:6]) | set(p.words)) & taken)
            return s / (1 + overlap)

        return sorted(pool, key=lambda sp: (-distance(sp), sp[1].text))

    def mates(self, p: Phrase) -> list[tuple[float, Phrase]]:
        """The free phrases that can be a task heading's second clause: of its subject (one_subject),
        a heading's kind, no guarantee, not its own words again (全面贯彻国家的/党的教育方针), closest first."""
        free = self.ledger.free(lambda q: len(q.text) <= 11 and self.read.substantive(q) and self.read.heading_like(q)
                                and not self.guarantees.secures(q))
        return [sp for _, sp in self.read.closeness(p, free)
                if self.read.one_subject(sp[1], p) and not self.read.restates(sp[1].text, p.text)]

    def task_leads(self, task: str) -> list[str]:
        """The genre's leads that fit `task` (Frames.task_leads) and do not echo its words."""
        return [lead for lead in self.guarantees.frames.task_leads(task) if not self.read.echoes(lead, task)]

    def umbrella(self, rng: random.Random, heads_left: int) -> tuple[Phrase, str] | None:
        """(its anchor, its heading) for a task point with several sub-points: the genre's lead with
        a phrase naming the topic's whole field (突出工作重点，深入推进安全生产治本攻坚), not one task
        its sub-points would not belong to. None when the topic has no such phrase left."""
        if any(p.source == "ref" for _, p in self.ledger.unused_phrases()):
            return None  # the writer's reference: its own tasks head the points
        # the field's phrase is one more the sub-points cannot use: only with phrases to spare
        if len(self.ledger.free(self.read.headable)) < heads_left + 2:
            return None
        # the field's whole work (推进安全生产治本攻坚) is said where many of its tasks are; one measure
        # naming the field (完善安全生产管理制度) shares its sentences with few
        # (and the whole field: 普及食品安全知识 over four tasks of food safety is one of them)
        free = [q for _, q in self.ledger.free(self.read.substantive)]
        whole = [sp for sp in self.field_phrases(4) if self.whole_field(sp[1])]
        # (as broad, the one more documents say is the field's standard wording: 全面推进乡村振兴)
        pool = sorted(whole, key=lambda sp: (-self.read.breadth(sp[1], free), -sp[1].docs, sp[1].text))
        p = self.ledger.pick(rng, pool[:3], top=3)
        if p is None:
            return None
        leads = self.task_leads(p.text)
        lead = (self.ledger.fresh(rng, leads) or self.ledger.frame(rng, leads)) if leads else None
        if lead is None:
            return None
        return p, f"{lead}，{self.ledger.take(p)}"
