"""The genre's generic material: what an outline on another topic may be made of.

A clause travels to another topic only when every content word of it is used in several
speeches of the corpus (压紧压实责任, 加强组织领导), never one speech's business (受灾学校,
煤电油气) or season (今冬明春). From that material come frame sentences ([各地各部门要] +
[action] + [goal naming the topic]), one- and two-clause points built on verb-object pairs
the corpus really has, and the opening's tasks. Mixed into Generator (generate.py).
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from drafter.phrases.grammar import ACT, MODALS, OTHER, PURPOSE, SUBJ_ACT, ClauseTyper

if TYPE_CHECKING:
    from drafter.phrases.book import PhraseBook
    from drafter.phrases.generate import _Pool

_STOP = frozenset("的 了 和 与 及 要 把 对 为 在 是 等 将 并 中 上 下 工作 进一步 切实 坚决 全面 加强".split())
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_BAD_LATER = re.compile(r"^(?:但|而且|否则|这|其|此|也|都|的|我们|各级|全县|全市|如果|对于)|的$")
# Adverbs that open headings but need a verb after them (切实加强, 坚决打赢).
_ADVERBS = frozenset("切实 坚决 全力 持续 进一步 全面 着力 扎实 深入 认真 努力 积极 不断 始终 更加 立即 要".split())
_HEADING_ADVERBS = ("切实", "持续", "全面", "进一步", "扎实", "着力", "不断", "全力")
# The verbs a point opens with (加强…, 压实…, 健全…); 作出, 引起, 确保 state or aim, not charge.
_POINT_VERBS = frozenset(
    "加强 强化 做好 抓好 抓实 落实 压实 压紧 严格 完善 健全 建立 提升 提高 维护 突出 坚持 制定 加大 "
    "推进 推动 筑牢 守牢 织密 统筹 优化 细化 深化 规范 保持 保障 开展 组织 配强 夯实 巩固 增强".split()
)
_GOAL_FORMULAS = (
    "确保 {topic} 各项 措施 落到实处", "确保 {topic} 工作 取得 实效", "推动 {topic} 工作 不断 取得 新 成效",
    "确保 {topic} 形势 持续 稳定", "坚决 守住 {topic} 底线", "切实 把 {topic} 责任 落到实处",
    "为 {topic} 工作 提供 坚强 保障", "确保 {topic} 各项 任务 落地 见效",
)
_CLOSING_FORMULAS = (
    "各级各部门要切实扛起{topic}责任，以钉钉子精神抓好各项工作落实。",
    "各地各部门要把思想和行动统一到会议部署上来，确保{topic}各项任务落地见效。",
    "各级党委政府要坚持守土有责、守土尽责，推动{topic}工作取得新的成效。",
)
_GOAL_LEADS = frozenset("确保 切实 全力 努力 坚决 真正 为 做到 全面".split())
# The parts of 主要任务是… in real openings (传达…部署要求，通报…形势，安排部署…工作), topic slotted.
_TASK_LEARN = ("传达学习上级关于{topic}工作的部署要求", "认真学习贯彻上级关于{topic}工作的决策部署",
               "传达贯彻上级{topic}工作会议精神", "传达上级关于{topic}工作的部署要求")
_TASK_REVIEW = ("通报当前{topic}形势", "总结前一阶段{topic}工作", "分析当前{topic}面临的形势",
                "通报近期{topic}工作情况")
_TASK_PLAN = ("安排部署下一步{topic}工作", "研究部署当前和今后一个时期{topic}重点任务",
              "对{topic}工作再安排、再部署", "动员各方面力量抓好{topic}各项工作落实")
# Verbs that take the same objects in the genre (加强组织领导 / 强化组织领导).
_TWINS = {"加强": ("强化",), "强化": ("加强",), "抓好": ("抓实", "做好"), "做好": ("抓好",),
          "落实": ("压实", "抓好"), "压实": ("落实",)}
# Reported speech ("…指出，") and news narrative belong to the one speech they came from.
_REPORTED = re.compile(r"(?:指出|强调|表示|说|提出|要求|认为)$|〔(?:人名|地名)待补〕(?:表示|强调|指出|说)")
# Seasons, occasions and other fields' business belong to the speech they came from (春节期间,
# 今冬明春, 受灾学校, 金融支持): never carried to another topic.
OCCASION = re.compile(r"春节|今冬明春|冬春|元旦|国庆|中秋|端午|清明|五一|节日|节假日|节前|节后|假期|寒假|暑假"
                       r"|汛期|两会|年关|岁末|年底|开学|复工|复产|受灾|灾区|小康|脱贫|外交|金融|消费|学校|学生"
                       r"|师生|校园|医院|医疗|患者|病人|企业用工|煤电油|菜篮子|六稳|自身安全|应急联动|战时|自我健康|国家治理|防范引领|农村地区"
                       r"|统筹兼顾|长期战斗|处置协同|身体健康|这次|按照规范|推进担当作为")
# Other fields a speech may name in passing (…严格落实安全生产责任): foreign to another topic.
_FIELDS = ("安全生产", "乡村振兴", "脱贫攻坚", "扫黑除恶", "环境保护", "生态环保", "森林防火", "防汛")
# Who is charged in the genre (各级各部门要…): with the corpus's own subjects, these open a
# sentence whose action is a generic clause of the corpus.
_SUBJECTS = ("各级各部门", "各地各部门", "各级党委政府", "各有关部门", "各地", "我们")
# A clause used for another topic must be the genre's own: every content word of it occurs in
# at least this many speeches of the corpus (or is a mined genre term).
GENERIC_DF = 3
FRAMED = 0.5  # share of body sentences built on the genre frame when the topic is not the corpus's


@dataclass(frozen=True)
class _Clause:
    tokens: tuple[str, ...]
    mark: str
    unit: int  # index of the unit in its pool
    source: int
    kind: str = OTHER  # grammar.py clause type
    pos: int = 0  # index of the clause in its unit: the next one continues the same thought


class GenreMixin:
    """Generic-material draws for Generator (which provides the attributes below)."""

    book: PhraseBook
    typer: ClauseTyper
    topic: str
    swapping: bool
    _swap: frozenset[str]
    _terms: frozenset[str]
    _df: dict[str, int] | None

    if TYPE_CHECKING:  # provided by Generator
        def pairs(self) -> set[tuple[str, str]]: ...
        def _leaks(self, toks: list[str] | tuple[str, ...]) -> bool: ...
        def _novel(self, tokens: list[str]) -> bool: ...

    def doc_freq(self) -> dict[str, int]:
        """How many speeches of the corpus use each token."""
        if self._df is None:
            seen: dict[str, set[int]] = {}
            for units in self.book.pools.values():
                for u in units:
                    for toks, _ in u.clauses:
                        for t in toks:
                            seen.setdefault(t, set()).add(u.source)
            self._df = {t: len(v) for t, v in seen.items()}
        return self._df

    def generic(self, toks: list[str] | tuple[str, ...], df_min: int = GENERIC_DF) -> bool:
        """True when every content word of a clause is used in several speeches (or is a genre
        term or the topic): 压紧压实责任 travels to any topic, 受灾学校 belongs to one speech."""
        memo = self.__dict__.setdefault("_generic_seen", {})
        key = (tuple(toks), df_min)
        if key not in memo:
            memo[key] = self._generic(toks, df_min)
        return memo[key]

    def _generic(self, toks: list[str] | tuple[str, ...], df_min: int) -> bool:
        df = self.doc_freq()
        terms = self._terms
        for t in toks:
            if len(t) < 2 or t in self._swap or t in terms or not _HAN.fullmatch(t):
                continue
            if df.get(t, 0) < df_min:
                return False
        text = "".join(toks)
        return not OCCASION.search(text) and not any(
            f in text and f not in self.topic for f in _FIELDS)

    def _generic_clauses(self) -> tuple[list[_Clause], list[_Clause], list[str]]:
        """Actions and goals (short, the genre's own words) from every pool, and the subjects
        that charge people (各地、各部门): the material a frame sentence is made of."""
        memo = self.__dict__.get("_generic_memo")
        if memo is not None:
            return memo
        acts: list[_Clause] = []
        goals: list[_Clause] = []
        subjects = list(_SUBJECTS)
        seen: set[str] = set()
        leads = Counter(u.clauses[0][0][0][:2] for k, v in self.book.pools.items()
                        if k.startswith("heading/") for u in v if u.clauses and u.clauses[0][0])
        leads = Counter({w: c for w, c in leads.items() if c >= 2 and w not in _ADVERBS})
        for key in sorted(self.book.pools):
            for u in self.book.pools[key]:
                for j, (toks, _) in enumerate(u.clauses):
                    text = "".join(toks)
                    if (text in seen or not 4 <= len(text) <= 18 or "〔" in text
                            or self._leaks(toks) or not self.generic(toks)
                            or _BAD_LATER.search(text) or _REPORTED.search(text)):
                        continue
                    seen.add(text)
                    kind = self.typer.kind(toks)
                    if kind == SUBJ_ACT:
                        k = next(k for k, t in enumerate(toks) if t in MODALS)
                        subject = "".join(toks[:k])
                        if 2 <= len(subject) <= 8 and subject not in subjects:
                            subjects.append(subject)
                        continue
                    verb = toks[1] if toks[0] == "要" and len(toks) > 1 else toks[0]
                    if kind == ACT and verb[:2] not in leads:
                        continue  # 加强…, 严格落实…: the verbs real points open with
                    if kind not in (ACT, PURPOSE) or (kind == PURPOSE and (
                            len(text) < 8 or toks[0] not in _GOAL_LEADS)):
                        continue  # 进一步强化… is one more action, not the goal
                    c = _Clause(tuple(toks), "，", -1 - len(acts) - len(goals), u.source, kind, j)
                    (goals if kind == PURPOSE else acts).append(c)
        topic = self.book.topic.corpus_topic
        if topic:  # the genre's own goals, naming the topic (确保…各项措施落到实处)
            for k, formula in enumerate(_GOAL_FORMULAS):
                goals.append(_Clause(tuple(topic if t == "{topic}" else t for t in formula.split()), "，", -10_000 - k, -1, PURPOSE, 0))
        self.__dict__["_generic_memo"] = (acts, goals, subjects)
        return acts, goals, subjects

    def _frame_tokens(self, rng: random.Random, n: int, charge: bool = False,
                      strict: bool = True) -> list[str] | None:
        """[各地各部门要]+[action]+[action sharing its object]+[goal naming the topic];
        `charge`: always name who is charged (a closing's 各级各部门要…)."""
        acts, goals, subjects = self._generic_clauses()
        if not acts or not goals:
            return None
        first = rng.choice(acts)
        body = list(first.tokens[1:] if first.tokens[0] == "要" else first.tokens)
        lead = rng.choice(subjects if charge else subjects + ["", ""])
        tokens = ([lead] if lead else []) + ["要"] + body
        chosen = [first]
        if n >= 3 and rng.random() < 0.5:  # a plain two-clause line reads best
            words = self._content(chosen)
            twins = {first.tokens[0], *_TWINS.get(first.tokens[0], ())}
            near = [c for c in acts if c is not first and words.intersection(c.tokens)
                    and c.tokens[0] not in twins and c.tokens[-1] != first.tokens[-1]]
            short = [c for c in acts if c is not first and len("".join(c.tokens)) <= 8
                     and c.tokens[0] not in twins]
            pool = near or (short if len("".join(first.tokens)) <= 8 else [])
            if pool:
                nxt = rng.choice(pool)
                chosen.append(nxt)
                tokens += ["，"] + list(nxt.tokens[1:] if nxt.tokens[0] == "要" else nxt.tokens)
        words = self._content(chosen)
        said = {t for c in chosen for t in c.tokens if len(t) >= 2}
        goals = [c for c in goals if not said.intersection(c.tokens)]  # 强化…，进一步强化…
        # a goal names the topic or shares the action's object: 确保社会和谐稳定 after any
        # action reads as a stock phrase pasted on
        if strict:
            goals = [c for c in goals if self._swap.intersection(c.tokens)
                     or words.intersection(c.tokens)] or goals
        if not goals:
            return None
        weights = [1.0 + 10.0 * bool(self._swap.intersection(c.tokens))
                   + 3.0 * bool(words.intersection(c.tokens)) for c in goals]
        goal = rng.choices(goals, weights)[0]
        return tokens + ["，"] + list(goal.tokens) + ["。"]

    def _content(self, clauses: list[_Clause]) -> frozenset[str]:
        """The things clauses talk about (objects, not verbs or adverbs): what a joined
        clause must share with the ones before it."""
        return frozenset(t for c in clauses for t in c.tokens
                         if len(t) >= 2 and t not in _STOP and not t.startswith("〔")
                         and t not in _ADVERBS and t not in self.typer.adverbs
                         and not self.typer.is_verb(t) and t not in self._swap)

    def _verb_objects(self) -> list[tuple[str, tuple[str, ...], int, int]]:
        """(verb, object, unit, source) for every clause that is just a verb and its object
        (强化|统一监管, 压实|工作责任), generic when the topic is another: the collocations a
        short point is made of, each really seen together."""
        memo = self.__dict__.get("_vo_memo")
        if memo is not None:
            return memo
        out: dict[tuple[str, tuple[str, ...]], tuple[int, int]] = {}
        for key in sorted(self.book.pools):
            for i, u in enumerate(self.book.pools[key]):
                for toks, _ in u.clauses:
                    t = list(toks)
                    while t and (t[0] in MODALS or t[0] in _ADVERBS) and not self.typer.is_verb(t[0]):
                        t = t[1:]
                    if len(t) < 2 or t[0] not in _POINT_VERBS:
                        continue
                    obj = tuple(t[1:])
                    text = "".join(obj)
                    if (not 2 <= len(text) <= 7 or not all(_HAN.fullmatch(x) for x in obj)
                            or self.typer.is_verb(obj[0]) or obj[0] in _ADVERBS
                            or obj[-1] in ("的", "了", "中", "上") or self._leaks(t)
                            or not self.generic(t, GENERIC_DF if self.swapping else 2)
                            or obj[0] in MODALS or obj[0].startswith("落")):
                        continue
                    out.setdefault((t[0], obj), (i, u.source))
        memo = [(v, o, i, src) for (v, o), (i, src) in sorted(out.items())]
        self.__dict__["_vo_memo"] = memo
        return memo

    def _vo_heading(self, rng: random.Random, lead: str | None,
                    part: Callable[[int], bool] | None = None) -> list[str] | None:
        """A one-clause point from a verb-object pair the corpus really has: with one of the
        genre's adverbs (切实压紧压实责任), its topic (压实安全生产责任) or its twin verb
        (加强|强化); never a verb with an object it was not seen with."""
        pairs = self.pairs()
        vos = [x for x in self._verb_objects() if part is None or part(x[2])]
        if lead is not None:
            vos = [x for x in vos if x[0] == lead or lead in _ADVERBS or x[0] in _TWINS.get(lead, ())]
        if not vos:
            return None
        verb, obj, _, _ = rng.choice(vos)
        topic = self.book.topic.corpus_topic
        forms: list[list[str]] = []
        if topic and topic not in obj and (obj[0] in self._modifiable()
                                           or (len(obj) > 1 and (topic, obj[0]) in pairs)):
            forms += [[verb, topic, *obj]] * 2
        forms += [[a, verb, *obj] for a in _HEADING_ADVERBS
                  if (a, verb) in pairs or a in ("切实", "进一步")]
        forms += [[twin, *obj] for twin in _TWINS.get(verb, ())]
        forms = [f for f in forms if self._novel(f)]
        if lead is not None:  # siblings share their lead word (一要加强… 二要加强…)
            forms = [f for f in forms if f[0] == lead]
        return rng.choice(forms) if forms else None

    def _vo_pair(self, rng: random.Random, lead: str | None,
                 part: Callable[[int], bool] | None = None) -> list[str] | None:
        """Two real verb-object pairs as a two-clause point (加强组织领导，压实工作责任), the
        second naming the topic when the corpus writes its object after its own topic."""
        vos = self._verb_objects()
        firsts = [x for x in vos if (part is None or part(x[2]))
                  and (lead is None or x[0] == lead or x[0] in _TWINS.get(lead, ()))]
        if not firsts:
            return None
        v1, o1, _, _ = rng.choice(firsts)
        seconds = [x for x in vos if x[0] != v1 and not set(x[1]) & set(o1)
                   and x[0] not in _TWINS.get(v1, ())]
        if not seconds:
            return None
        v2, o2, _, _ = rng.choice(seconds)
        topic = self.book.topic.corpus_topic
        second = [v2, *o2]
        if topic and topic not in o2 and o2[0] in self._modifiable() and rng.random() < 0.5:
            second = [v2, topic, *o2]
        return [v1, *o1, "，", *second]

    def _modifiable(self) -> frozenset[str]:
        """Nouns the corpus writes after its own topic (疫情防控责任, 疫情防控措施)."""
        memo = self.__dict__.get("_modifiable_memo")
        if memo is None:
            topic = self.book.topic.corpus_topic
            memo = frozenset(b for a, b in self.pairs()
                             if a == topic and len(b) >= 2 and _HAN.fullmatch(b) and b != "工作")
            self.__dict__["_modifiable_memo"] = memo
        return memo

    def _act_splits(self, pool: _Pool) -> list[tuple[_Clause, int]]:
        """(action, where its object starts) for the generic actions of every pool (加强组织领导
        -> 组织领导): more objects a heading verb was seen with, in the genre's own words."""
        memo = self.__dict__.setdefault("_act_split_memo", {})
        if id(pool) not in memo:
            out: list[tuple[_Clause, int]] = []
            for c in self._generic_clauses()[0]:
                toks = c.tokens[1:] if c.tokens[0] == "要" else c.tokens
                k = 0
                while k < len(toks) - 1 and (toks[k] in pool.leads or toks[k] in _ADVERBS):
                    k += 1
                if k > 0 and len("".join(toks[k:])) <= 8:
                    out.append((_Clause(toks, c.mark, c.unit, c.source, c.kind, c.pos), k))
            memo[id(pool)] = out
        return memo[id(pool)]

    def tasks(self, rng: random.Random, avoid: frozenset[str] = frozenset()) -> list[str]:
        """What the meeting is for, in the order real openings give it (传达学习… / 通报… /
        总结… / 部署…), with the topic named; never one speech's own season or business."""
        topic = self.topic
        out = [rng.choice(_TASK_LEARN).format(topic=topic)]
        if rng.random() < 0.6:
            out.append(rng.choice(_TASK_REVIEW).format(topic=topic))
        out.append(rng.choice(_TASK_PLAN).format(topic=topic))
        return [t for t in out if t not in avoid]
