"""The genre's wording that composition works with: the roles of the points, the patterns that
tell a goal, a duty or a dangling clause, what a phrase *says* once its adverb, verb and the
topic's name are left out (two phrases saying the same are never both used), and the frames of
``drafter/_data/frames.toml``.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from drafter.data import data_path, read_data_lines
from drafter.topics.material import Phrase

# Words that open a task although jieba's dictionary does not tag them as verbs or adverbs.
_ACTION_WORDS = frozenset("深化 着力 有力 精准 新建 大力发展 全力 加力 奋力 聚力 统筹 强化 提速 提质 稳步 有序 高效 "
                          "纵深 系统 一体 协同 常态化 全链条 源头 依法 从严 严格 坚决 牢牢 全方位 多措并举".split())


@lru_cache(maxsize=1)
def action_words() -> frozenset[str]:
    """The genre's task-opening verbs and adverbs (drafter/_data/action_words.txt): the harvest
    keeps a clause opened by one, composition reads them as no subject of a phrase."""
    return frozenset(read_data_lines("action_words.txt")) | _ACTION_WORDS


@lru_cache(maxsize=1)
def _groups() -> tuple[str, ...]:
    return tuple(read_data_lines("groups.txt"))


def names_a_group(words: Sequence[str], keys: Sequence[str] = ()) -> bool:
    """The phrase is about one group of people the field serves (drafter/_data/groups.txt), as
    whole words (农民工 is not in 农民/工资性/收入), unless the topic is that group's field
    (未成年人保护: its aims all name 未成年人)."""
    text = "".join(words)
    bounds = {0}
    for w in words:
        bounds.add(max(bounds) + len(w))
    for g in _groups():
        if any(g in k or k in g for k in keys):
            continue
        at = text.find(g)
        while at >= 0:
            if at in bounds and at + len(g) in bounds:
                return True
            at = text.find(g, at + 1)
    return False


RECOGNISE, TASK, GUARANTEE = "形势认识", "任务措施", "保障要求"
# a goal says what is to be kept or prevented (确保…, 守住…, 遏制…); 坚决/牢牢/切实/深入 only stress the
# verb after them: 坚决遏制重特大事故 is a goal, 坚决查处腐败案件 a task
GOAL = re.compile(r"^(?:坚决|牢牢|切实|深入)?(?:确保|守住|守牢|筑牢|严防|遏制|杜绝|防止|防范|保障|维护|巩固|持续巩固|打赢|打好)")
# a principle says how the work is done (坚持生态优先、绿色发展, 坚持精准扶贫), a mindset what to hold
# (树立大食物观): a body says it; a task heading names a task
PRINCIPLE = re.compile(r"^(?:始终|毫不动摇地?)?坚持|^(?:牢固)?树立.*(?:观|理念|意识|思维)$")
# the nation's, a province's or the world's work, not a county's or a city's (积极应对气候变化, 加快建设农业强省,
# 推进要素市场化配置改革, the state's 普查): a body may say it, a task heading of a local speech does not
_NATIONAL = re.compile(r"气候变化|国际一流|一带一路|要素市场化配置|人类命运|国家战略|(?<![加增])强省|"
                       r"(?:灾害|经济|人口|农业|污染源)普查")


_CARRIED_OUT = re.compile(r"(?:到位|落实|落地|见效|实效)$")


def carried_out(text: str) -> bool:
    """A goal that the work be done (确保各项要求落细落实到位, 确保及时到位): no aim of a field."""
    return bool(_CARRIED_OUT.search(text))


# a figure to raise (提高农村自来水普及率, 提高森林覆盖率): the aim of a task, not one; an efficiency
# (提高执法效率) is how the work is done better, said of a task
_RATE = re.compile(r"^(?:提高|提升|降低)\S*(?<!效)率$")


def heads_no_task(text: str) -> bool:
    """A goal, a principle, a figure to reach or the nation's work: what a task heading is not
    (while the topic has tasks left)."""
    return bool(GOAL.match(text) or PRINCIPLE.match(text) or _RATE.match(text) or _NATIONAL.search(text))


PREVENT = re.compile(r"^(?:坚决|切实|牢牢)?(?:防|遏制|守住|守牢|严防|杜绝|筑牢|严守|坚守)")
# a duty the 保障 point can say: who answers for the work and how it is checked, not how a field is
# enforced (规范涉企执法, 加强安全生产监管 are tasks: readers strike them under 保障)
_ANSWERABLE = "责任 考核 督查 督导 问责 组织领导 队伍建设 作风 人才支撑 要素保障 投入保障 铁军".split()
ANSWERABLE = re.compile("|".join(_ANSWERABLE))
# any duty, a field's enforcement and cooperation too: no umbrella over a point's tasks
DUTY = re.compile("|".join(_ANSWERABLE + "监督 执法 监管 协同 联动".split()))
# words that name no subject: a phrase of nothing else besides its verb is empty (相关, 机制, 效能)
EMPTY = frozenset(w for line in read_data_lines("empty_words.txt") for w in line.split())
SAME = 0.7  # share of a phrase's character pairs another has when they say the same thing
SIBLING_SPREAD = 0.3  # siblings' headings stay within this much of the first one's length
DANGLING = re.compile(r"(?:落实|执行|实施|推进|开展|处理|解决|负责|监督|进行|配合)$")
ADVERB = re.compile(r"^(?:深入|持续|全面|扎实|切实|大力|积极|着力|进一步|加快|坚决|不断|全力|统筹|严格|有效|努力|依法)")
# one oversight said three ways, closing the phrase (加强安全生产管理 / 监督管理 / 监管 / 监督管理工作
# say the same; 落实监管责任 and 落实管理责任 do not)
_OVERSIGHT = re.compile(r"(?:监督管理|监管|管理)(?:工作)?$")
# a closing head that names no subject of its own (完善国防动员体系 / 加强国防动员建设 / 提高国防动员
# 能力: one mobilisation). 工作 is not one: 加强应急救援工作 is the whole of 应急救援, not one task of it
_HEAD = re.compile(r"(?:建设|体系|能力|意识|观念|措施|水平|机制|制度|体制)$")


# verbs that open a task without saying what it is about (推动绿色发展 / 推进绿色发展 say the same)
VERB = re.compile(r"^(?:推动|推进|加强|强化|加快|促进|深化|完善|健全|提升|提高|实施|开展|落实|坚持|构建|打造|"
                   r"优化|做好|抓好|狠抓|严格|规范|建立|建立健全|增强|注重|突出|聚焦|"
                   r"遏制|防止|防范|严防|杜绝|确保|守住|守牢|筑牢|防范遏制|坚决遏制)")
# and verbs that are nouns too (发展改革, 保护区, 保障房): the first word of a phrase only, not one
# coordinated with the next (保障和改善民生), and never a subject word's test (Reading.subject_words)
_OPENING_VERB = re.compile(r"^(?:发展|壮大|培育|维护|保护|保障)(?![和与及、区房])")  # 发展多种形式规模经营
# the stress a form says itself (坚决扛起…, 切实增强…): not said again by the goal it holds
_STRESS = re.compile(r"^(?:坚决|切实)")


@lru_cache(maxsize=1)
def _campaigns() -> tuple[str, ...]:
    return tuple(read_data_lines("campaigns.txt"))


def names_a_campaign(text: str, keys: Sequence[str] = ()) -> bool:
    """The phrase names one year's study campaign of the Party (巩固拓展主题教育成果,
    drafter/_data/campaigns.txt), unless the topic is that campaign: no field's aim."""
    return any(c in text and not any(c in k for k in keys) for c in _campaigns())


@lru_cache(maxsize=16384)
def gist(text: str, keys: tuple[str, ...] = ()) -> str:
    """A phrase without its leading adverb and verb, the topic's own name marked |: what it
    says (every phrase of 疫情防控 shares 疫情防控; that makes none of them alike). A closing 监管,
    监督管理 or 管理工作 reads as 管理: one oversight however it is worded."""
    core = ADVERB.sub("", text)
    # a goal's 发生 (遏制重特大事故发生) adds nothing to what it says
    first = VERB.sub("", core)
    first = first if first != core else _OPENING_VERB.sub("", core)
    stripped = VERB.sub("", first).removesuffix("发生")  # 防范遏制… : both verbs
    if len(stripped) >= 3:  # 推进改革 keeps its verb: 改革 alone would match every reform
        core = stripped
    for k in keys:
        core = core.replace(k, "|")
    # the particle says nothing (储备必要的物资 reads in 储备必要救急物资)
    return _OVERSIGHT.sub("管理", core.replace("的", ""))


def headless(core: str) -> str:
    """A gist without the closing head that names no subject of its own (国防动员 of 国防动员体系
    and 国防动员能力); the gist itself when too little would be left (队伍建设: 队伍 is every team)."""
    short = _HEAD.sub("", core)
    return short if len(short) >= 4 else core


@lru_cache(maxsize=16384)
def gist_pairs(text: str, keys: tuple[str, ...] = ()) -> frozenset[str]:
    """Character bigrams of a phrase's gist (gist)."""
    core = gist(text, keys)
    return frozenset(core[i:i + 2] for i in range(len(core) - 1) if "|" not in core[i:i + 2])


_NO_SUBJECT = re.compile("加强|强化|压实|夯实|健全|完善|工作|建设|机制")  # what every stock guarantee says


def shares_subject(point: str, heading: str) -> bool:
    """A stock guarantee point says its umbrella's subject again (加强组织领导 under 强化组织保障，…;
    强化资金保障 under 强化工作保障，…): a character pair of the point's first clause, the genre's verbs
    and empty heads cut out (压实工作责任 and 夯实工作保障 share 实工 only across them), is in the
    heading's first clause."""
    lead, over = (_NO_SUBJECT.sub("|", t.split("，")[0]) for t in (point, heading))
    return any("|" not in lead[i:i + 2] and lead[i:i + 2] in over for i in range(len(lead) - 1))


def within(short: str, long: str) -> bool:
    """`short` read out of `long` in order, with words left out (农民增收 in 农民持续增收)."""
    if len(short) < 4 or len(short) >= len(long):
        return False
    chars = iter(long)
    return all(c in chars for c in short)


@dataclass(frozen=True)
class Frames:
    """Genre wording: heading leads per role, sentence subjects and sentence frames."""

    leads: dict[str, list[str]]
    subjects: list[str]
    recognise_bodies: list[str]
    guarantee_bodies: list[str]
    guarantee_points: list[str]
    guarantee_cues: dict[str, list[str]]  # stock point -> the words a topic phrase completing it says
    purposes: list[str]
    guarantee_sentences: list[str]
    recognise_headings: list[str]
    guarantee_headings: list[str]
    speech: dict[str, tuple[str, ...]]  # the frame around the points: opening, transition, closing
    said_once: tuple[str, ...] = ()  # subjects one heading per outline says (责任)
    goal_leads: dict[str, list[str]] | None = None  # "prevent" / "achieve" -> the first point's leads
    point_sentences: dict[str, list[str]] | None = None  # stock point -> its own whole sentences
    task_headings: tuple[str, ...] = ()  # a task point over several sub-points, the topic naming no field-wide phrase
    guarantee_words: tuple[str, ...] = ()  # words of how the work is secured: not a task's
    lead_fits: dict[str, tuple[str, ...]] = field(default_factory=dict)  # task lead -> the words of the tasks it leads
    whole_heads: tuple[str, ...] = ()  # words after the topic's name in a phrase of its whole field (水平)
    whole_before: tuple[str, ...] = ()  # and before it (一流)
    achieve_forms: dict[str, str] = field(default_factory=dict)  # achieve lead -> its first heading with {goal}
    part_heads: tuple[str, ...] = ()  # words after the name that make one measure however often said (条件)
    task_sentences: tuple[str, ...] = ()  # a task body's whole sentence carrying its own task ({task})

    def recognise_leads(self, goal: str) -> list[str]:
        """The first point's leads for its goal: vigilance before a goal that prevents, commitment
        before one that achieves."""
        if not self.goal_leads:
            return self.leads[RECOGNISE]
        return self.goal_leads["prevent" if PREVENT.match(goal) else "achieve"]

    def first_heading(self, lead: str, goal: str) -> str:
        """The first point's heading: the lead and its goal; an achieving goal in its lead's form
        (扛牢政治责任，以更高标准维护市场主体合法权益)."""
        form = self.achieve_forms.get(lead) if not PREVENT.match(goal) else None
        # (one 的 to a heading: 切实增强保障残疾人的劳动权利的责任感 reads as a knot; a goal that the
        # work be done, 确保各项要求落细落实到位, is no duty of its own to be aware of)
        if form is None or ("的" in goal and "的" in form) or carried_out(goal):
            return f"{lead}，{goal}"
        # the form says how firmly: 坚决扛起打好污染防治攻坚战的政治责任, not 坚决扛起坚决打好…
        return form.replace("{goal}", _STRESS.sub("", goal))

    def task_leads(self, task: str) -> list[str]:
        """The task point leads that fit `task`: those saying how such a task is done (坚持问题导向
        before an 整治, 强化改革创新 before a 改革), and those that fit any task (突出工作重点)."""
        return [lead for lead in self.leads[TASK]
                if lead not in self.lead_fits or any(w in task for w in self.lead_fits[lead])]

    def fitting_points(self, vocabulary: dict[str, float]) -> list[str]:
        """The stock guarantee points a field speaks of (党风廉政建设: 纪律, 作风, 监督 — not
        资金保障): those whose cue words its 150 weightiest terms weigh most, half of them."""
        top = sorted(vocabulary.items(), key=lambda tw: -tw[1])[:150]
        weight = {point: sum(w for term, w in top if any(c in term for c in self.guarantee_cues.get(point, ())))
                  for point in self.guarantee_points}
        ranked = sorted(self.guarantee_points, key=lambda pt: -weight[pt])
        return ranked[: max(len(ranked) // 2, 1)]

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> Frames:
        """The bundled frames, read once per process (every render and regen draw asks)."""
        from drafter.tomlcache import loads_toml

        data = loads_toml(data_path("frames.toml").read_text(encoding="utf-8"))
        return cls(data["leads"], data["subjects"], data["recognise_bodies"],
                   data["guarantee_bodies"], data["guarantee_points"], data["guarantee_cues"], data["purposes"],
                   data["guarantee_sentences"], data["recognise_headings"],
                   data["guarantee_headings"], {name: tuple(said) for name, said in data["speech"].items()}, tuple(data.get("said_once", ())),
                   data.get("goal_leads"), data.get("guarantee_point_sentences"),
                   tuple(data.get("task_headings", ())), tuple(data.get("guarantee_words", ())),
                   {lead: tuple(words) for lead, words in data.get("lead_fits", {}).items()},
                   tuple(data.get("whole_heads", ())), tuple(data.get("whole_before", ())),
                   dict(data.get("achieve_forms", {})), tuple(data.get("part_heads", ())),
                   tuple(data.get("task_sentences", ())))


class Draw(random.Random):
    """The randomness of one draw of an outline, knowing the seed it was drawn for (`turn`): the
    genre's frames turn with it (variant), so successive seeds say successive variants and six
    drafts on one topic do not open, close or sum up alike."""

    def __init__(self, x: int, turn: int) -> None:
        super().__init__(x)
        self.turn = turn


def variant(rng: random.Random, options: Sequence[str], topic: str, among: Sequence[str] = ()) -> str:
    """One of `options` (the frames of `among` still fitting, when given): with a Draw, the one
    its seed's turn comes to, where all the frames and the topic fix the first seed's; else a
    random one."""
    if not isinstance(rng, Draw):
        return rng.choice(options)
    start = zlib.crc32("|".join((topic, *(among or options))).encode("utf-8"))
    return options[(rng.turn + start) % len(options)]


def with_topic(topic: str, frame: str) -> str:
    """A stock frame with the speech's topic: 工作 said once after a topic ending in it
    (推动征兵工作取得实效, 确保征兵各项工作有序推进)."""
    core = topic[:-2] if topic.endswith("工作") and len(topic) > 2 else topic
    return frame.replace("{topic}工作", core + "工作").replace("{topic}各项", core + "各项").replace("{topic}", topic)


_TITLED = re.compile(r"《[^》]*》")


@lru_cache(maxsize=1)
def _superseded() -> tuple[tuple[str, str | None], ...]:
    """(old words, current words or None), "/"-joined (drafter/_data/superseded.tsv)."""
    out = []
    for line in read_data_lines("superseded.tsv"):
        old, new = line.split("\t")
        out.append(("/".join(old.split()), None if new == "-" else "/".join(new.split())))
    return tuple(out)


def current_words(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """A phrase's words in today's official wording (激发市场主体活力: 激发经营主体活力); None when
    it says what is said no more (坚持精准扶贫), or old wording its words do not cut as the table
    does (then it cannot be said anew). A name in 《》 is the name it was given."""
    text = _TITLED.sub("", "".join(words))
    joined = f"/{'/'.join(words)}/"
    for old, new in _superseded():
        if old.replace("/", "") not in text:
            continue
        if new is None or f"/{old}/" not in joined:
            return None
        joined = joined.replace(f"/{old}/", f"/{new}/")
        text = _TITLED.sub("", joined.replace("/", ""))
    return tuple(joined.strip("/").split("/"))


def current_terms(terms: tuple[str, ...]) -> tuple[str, ...]:
    """Context terms in today's wording (市场主体活力: 经营主体活力), so a phrase said anew is
    found where its old wording was; what is said no more stays: it still finds its field."""
    out = []
    for term in terms:
        for old, new in _superseded():
            if new is not None:
                term = term.replace(old.replace("/", ""), new.replace("/", ""))
        out.append(term)
    return tuple(dict.fromkeys(out))


def current_names(name: str) -> tuple[str, ...]:
    """What a topic's name is called now when its old wording held it (乡村振兴 of 实施乡村振兴战略:
    乡村全面振兴; 市场主体: 经营主体): the shortest current wording of a table row saying it."""
    found: dict[str, None] = {}
    verbs = action_words()
    for old, new in _superseded():
        if new is None or name not in old.replace("/", ""):
            continue
        words = new.split("/")
        while len(words) > 1 and words[0] in verbs:  # the task's verb is no part of the name
            words = words[1:]
        found.setdefault("".join(words), None)
    shortest = sorted(found, key=len)[:1]
    return tuple(n for n in shortest if n != name)


def in_current_wording(p: Phrase) -> Phrase:
    """The phrase in today's official wording (激发经营主体活力, not 激发市场主体活力), or marked
    dated when what it says is said no more (坚持精准扶贫): its words still find its field."""
    if p.dated:  # it is never written; its context still finds the field, in today's terms
        context = current_terms(p.context)
        return p if context == p.context else replace(p, context=context)
    words, context = current_words(p.words), current_terms(p.context)
    if words == p.words and context == p.context:
        return p
    return replace(p, words=words, context=context) if words is not None else replace(p, context=context, dated=True)


@lru_cache(maxsize=1)
def _document_words() -> tuple[tuple[str, ...], frozenset[str]]:
    return tuple(read_data_lines("document_words.txt")), frozenset(read_data_lines("politics_words.txt"))


def every_fields(term: str) -> bool:
    """A term of how a document is issued (印发, 指导意见, 各省: held anywhere in it), or of the
    politics every report says (决策部署, 总书记: the whole term), which is no topic's vocabulary
    (drafter/_data/document_words.txt, politics_words.txt)."""
    issuing, politics = _document_words()
    return term in politics or any(w in term for w in issuing)
