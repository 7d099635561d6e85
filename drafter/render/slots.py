"""The slot functions a template may call, and how each draws its randomness.

Slots (call them in a template as ``{{ name(...) }}``):

- ``title()``: the speech title, from the meeting name (在××会议上的讲话).
- ``salutation()``: 同志们： (the corpus's most common salutation).
- ``opening()``: an opening sentence naming the meeting where real openings name theirs.
- ``transition()``: the turn to the points (下面，我就××工作讲几点意见：).
- ``heading(level, role, family)``: marker + text of the next point at ``level`` (1, 2, 3);
  numbering is automatic per level and restarts under a new parent; ``family`` is a marker
  family of drafter.structure.markers (cn_dun 一、, cn_paren （一）, arabic_dot 1. …);
  ``role`` (形势认识, 任务措施, …) picks the heading pool and the bodies beneath it.
- ``body(role, n=1)``: a paragraph of ``n`` sentences for the current point.
- ``closing(n=1)``: the closing paragraph.

Variables: ``meeting org speaker topic date`` and any the template declares.

Randomness: every draw inside section "2.1" uses a generator seeded by (seed, "2.1", what is
drawn), or by ``section_seeds[p]`` for the nearest p among "2.1", "2" that is given. The text
comes from the topic's material through a Composer (drafter.topics.compose); a draw that
finds nothing yields a visible 〔待写：…〕.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterable, Mapping

from drafter.text import FALLBACK_PREFIX
from drafter.topics import CorpusFrame
from drafter.topics.compose import GUARANTEE, RECOGNISE, TASK, Composer, Frames
from drafter.topics.material import TopicMaterial
from drafter.topics.wording import Draw, variant, with_topic

FRAME = "0"  # path of everything outside the numbered points
TITLE_BY_KIND = {"表态发言": "表态发言", "主持词": "主持词", "致辞": "致辞"}
_CN = "零一二三四五六七八九十"
_COUNT = re.compile(r"[一二两三四五六七八九十几]+(?=点)")


def cn_count(n: int) -> str:
    """Chinese count word for n points (两点, 三点, 十二点)."""
    if n == 2:
        return "两"
    if n <= 10:
        return _CN[n]
    return ("" if n < 20 else _CN[n // 10]) + "十" + (_CN[n % 10] if n % 10 else "")


def undouble(text: str) -> str:
    """Collapse a phrase written twice in a row (新冠肺炎新冠肺炎疫情 -> 新冠肺炎疫情)."""
    return re.sub(r"(.{2,}?)\1", r"\1", text)


def filled(value: str | None) -> str:
    """A variable the user filled (a 〔…待补〕 default counts as empty in running text)."""
    return "" if not value or "待补" in value else value


_PLACE = (("省", "全省"), ("自治区", "全区"), ("市", "全市"), ("州", "全州"), ("盟", "全盟"),
          ("县", "全县"), ("旗", "全旗"), ("区", "全区"), ("镇", "全镇"), ("乡", "全乡"), ("街道", "全街道"))


def place_form(org: str) -> str:
    """How a speech names the organisation's whole area in a meeting's name: 中共××县委 -> 全县,
    ××市人民政府 -> 全市; an organisation that is not a government (市安委会) keeps its name."""
    org = (org or "").strip()
    if not org or "待补" in org:
        return ""
    core = re.sub(r"^中共|(?:委员会|党委|人民政府|政府|委)$", "", org)
    if core != org or re.search(r"人民政府$|政府$|^中共", org):
        for suffix, whole in _PLACE:
            if core.endswith(suffix):
                return whole
    return org


def marker_for(family: str, n: int) -> str:
    """Marker text of number n in a family (the structure part owns the families)."""
    from drafter.structure.markers import format_marker

    marker = format_marker(family, n)
    return marker + " " if marker[-1:] in ".．" else marker


def fallback(what: str) -> str:
    return f"{FALLBACK_PREFIX}{what}〕"


class Slots:
    """The state of one render: counters, the current point, the seeded draws."""

    def __init__(self, variables: Mapping[str, str], seed: int,
                 section_seeds: Mapping[str, int] | None = None, points: int | None = None, *,
                 material: TopicMaterial, frame: CorpusFrame) -> None:
        self.frame = frame
        self.material = material
        self.composer = Composer(material, Frames.load())
        self.points = points  # level-1 points in the template, when the template fixes them
        self.vars = dict(variables)
        self.seed = seed
        self.section_seeds = dict(section_seeds or {})
        self.counters: list[int] = []  # counters[i] = number of level i+1 points so far
        self.path = FRAME
        self.roles: dict[str, str | None] = {}
        self.draws: dict[str, int] = {}
        self.topic = self.vars.get("topic") or self.frame.corpus_topic
        self.used: set[str] = set()  # lines already in this outline: never repeat one
        self.heads: set[str] = set()  # headings so far: no two may share a clause
        self.kind = "讲话"  # the template's genre (render sets it)

    def begin(self, points: int | None, heads: int, bodies: int, children: tuple[int, ...] = ()) -> None:
        """What the template will ask for: its level-1 points (when it fixes them), how many
        headings and body sentences, and how many sub-points each point has (when fixed); the
        last point's duty is set aside before any point."""
        self.points = points
        self.composer.plan(heads, bodies)
        self.composer.children = {str(i): n for i, n in enumerate(children, start=1)}
        if points and points >= 3 and self.writes(str(points)):
            self.composer.reserve_guarantee(self.rng(FRAME, "guarantee-duty"),
                                            children[points - 1] if len(children) >= points else 0)
        # the first point says the field's whole work when it has no aim: set aside only when
        # this render writes it as the 认识 point
        self.composer.reserve_closing(self.rng(FRAME, "closing-goal"),
                                      first_point=bool(points and points >= 3 and self.writes("1")))

    def writes(self, path: str) -> bool:
        """Whether this render writes the text of the point at `path` (every point; regen: one part)."""
        return True

    def avoid(self, lines: Iterable[str], placed: Mapping[str, str] | None = None) -> None:
        """Treat these lines as already written: sentences end in 。！？, the rest are headings.
        `placed` (regen): the document's headings around the part redrawn, by template path,
        so the part's points are chosen beside them as a full render would (Composer.place)."""
        for line in lines:
            self.used.add(line)
            self.composer.avoid(line)
            if not line.endswith(("。", "！", "？")):
                self.heads.add(line)
        for path, text in (placed or {}).items():
            self.composer.place(path, text)

    # ---- randomness --------------------------------------------------------------------
    def rng(self, path: str, purpose: str) -> random.Random:
        base: object = self.seed
        turn = self.seed
        parts = path.split(".")
        for k in range(len(parts), 0, -1):
            prefix = ".".join(parts[:k])
            if prefix in self.section_seeds:
                base = f"s{self.section_seeds[prefix]}@{prefix}"
                turn = self.section_seeds[prefix]
                break
        # the topic is part of every draw: one seed gives each topic its own wording, not the
        # same frames with another topic in them
        digest = hashlib.sha256(f"{base}|{self.topic}|{path}|{purpose}".encode()).digest()
        return Draw(int.from_bytes(digest[:8], "big"), turn)

    def _next_draw(self, purpose: str) -> random.Random:
        key = f"{self.path}|{purpose}"
        self.draws[key] = self.draws.get(key, 0) + 1
        return self.rng(self.path, f"{purpose}{self.draws[key]}")

    # ---- frame slots -------------------------------------------------------------------
    def title(self) -> str:
        """在<meeting>上的讲话 (表态发言, 主持词, 致辞 by the template's kind)."""
        return f"在{self.meeting()}上的{TITLE_BY_KIND.get(self.kind, '讲话')}"

    def meeting(self) -> str:
        """The meeting's name: the user's, else one named after the topic."""
        meeting = self.vars.get("meeting") or f"{place_form(self.vars.get('org', ''))}{self.topic}工作会议"
        return undouble(meeting.replace("工作工作", "工作"))

    def salutation(self) -> str:
        return self.frame.salutations[0] if self.frame.salutations else "同志们："

    def opening(self) -> str:
        """今天，我们召开<meeting>，主要任务是：…对<tasks>等重点工作作出安排部署。"""
        rng = self.rng(FRAME, "opening")
        tasks = self.composer.framing.tasks(rng, 2)
        work = "、".join(tasks) if tasks else fallback(f"{self.topic}重点工作")
        return self._said("opening", rng, meeting=self.meeting(), tasks=work)

    def transition(self) -> str:
        rng = self.rng(FRAME, "transition")
        count = cn_count(self.points) if self.points else "几"
        # the turn to the points names the whole work they are about (下面，就深化安全生产治本攻坚，
        # 我讲三点意见), as a speech's own transition does, or one task as one of several; never
        # one task alone (就发展新型农村集体经济 announces a speech on that task alone)
        work = self.composer.framing.field_work(rng)
        if work:
            return self._said("transition", rng, task=work, count=count)
        tasks = self.composer.framing.tasks(rng, 1) if self.material.known else []
        if tasks:
            return self._said("transition_tasks", rng, task=tasks[0], count=count)
        plain = self._said("transition_plain", rng, count="几")
        formulas = list(self.frame.transitions) or [plain]
        if self.topic != self.frame.corpus_topic:
            # a season or occasion (今冬明春) belongs to the corpus's own topic
            from drafter.phrases.occasions import occasion_pattern

            formulas = [f for f in formulas if not occasion_pattern().search(f)] or [plain]
        formula = rng.choice(formulas)
        org = filled(self.vars.get("org")) or "{org}"
        text = formula.replace("{topic}", self.topic).replace("{org}", org)
        text = text.replace("{org}", "")
        # the count the line announces must be the template's own number of points
        return _COUNT.sub(count, text)

    def closing(self, n: int = 1) -> str:
        """A rallying close on the topic: the charge, the call to act, the resolve (one
        paragraph; `n` stays in the signature because mined templates write closing(1))."""
        goal, task = self.composer.closing_goal, self.composer.closing_task
        rng = self.rng(FRAME, "closing")
        charge = self._said("charge", rng, goal=goal) if goal else self._said("charge_plain", rng)
        return self._said("closing", rng, charge=charge, resolve=f"{task}，" if task else "")

    def _said(self, name: str, rng: random.Random, **values: str) -> str:
        """One of the speech's frame sentences (frames.toml [speech], one of its variants) with
        its values; 工作 said once after a topic ending in it."""
        text = variant(rng, self.composer.frames.speech[name], self.topic)
        for key, value in values.items():
            text = text.replace("{" + key + "}", value)
        return with_topic(self.topic, text)

    # ---- points ------------------------------------------------------------------------
    def heading(self, level: int, role: str | None = None, family: str = "cn_dun") -> str:
        level = int(level)
        if level < 1 or level > len(self.counters) + 1:
            raise ValueError(f"heading level {level} cannot follow level {len(self.counters)}")
        del self.counters[level:]
        if len(self.counters) < level:
            self.counters.append(0)
        self.counters[level - 1] += 1
        n = self.counters[level - 1]
        self.path = ".".join(map(str, self.counters))
        top = self.path.split(".")[0]
        if level == 1:
            self.roles[top] = role or None
        role = role or self.roles.get(top)
        return marker_for(family, n) + self._topic_heading(level, role)

    def _point_role(self, role: str | None) -> str:
        """The role a point plays in the speech's logic: 认识 first, 保障 last, tasks between."""
        top = int(self.path.split(".")[0])
        if self.points and self.points >= 3:
            if top == 1:
                return RECOGNISE
            if top == self.points:
                return GUARANTEE
        return role if role in (RECOGNISE, TASK, GUARANTEE) else TASK

    def _topic_heading(self, level: int, role: str | None) -> str:
        rng = self.rng(self.path, "heading")
        text = self.composer.heading(rng, level, self._point_role(role), self.path)
        if text is None:
            return fallback(f"{self.topic}工作的重点任务")
        self.used.add(text)
        self.heads.add(text)
        return text

    def body(self, role: str | None = None, n: int = 1) -> str:
        role = role or self.roles.get(self.path.split(".")[0])
        rng = self._next_draw("body")
        if self.path == FRAME:
            return fallback("正文")
        role = self._point_role(role)
        out: list[str] = []
        for _ in range(int(n)):
            text = self.composer.body_sentence(rng, role, self.path, first=not out)
            if text is None:
                break
            self.used.add(text)
            out.append(text)
        return "".join(out) or fallback("正文")
