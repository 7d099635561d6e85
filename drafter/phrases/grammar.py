"""Clause types and the orders real sentences join them in (no jieba: uses the book's verb list).

A recombined sentence reads as one thought when each clause continues the one before it the
way real sentences do: a subject with 要 (各级各部门要加强…) or a bare action (加强…) opens,
actions follow actions, a purpose (确保…, 坚决…) closes; a statement (当前形势严峻) may open and
be followed by a new subject with 要. A context frame (从…看, 在…中) or a statement after an
action (…，回旋余地大) never joins a clause from another sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

SUBJ_ACT = "subject"  # 各级党员干部要发挥先锋模范作用
ACT = "action"  # 加强宣传引导 / 要抓好… / 切实加强…
PURPOSE = "purpose"  # 确保社会大局稳定 / 坚决防止…
STATE = "statement"  # 当前形势依然严峻
OTHER = "other"  # context frames, fragments: never recombined

MODALS = frozenset("要 必须 务必 一定要 应 应当 需要 要求 坚持".split())
PURPOSE_LEADS = frozenset(
    "确保 做到 力争 推动 促进 防止 严防 避免 坚决 切实 全力 努力 为 让 使 以 不断 持续 着力 "
    "真正 始终 牢牢 奋力 全面 进一步".split()
)
# Leads that open an action though jieba may tag them otherwise (把…落实到…, 严格…).
ACTION_LEADS = frozenset("把 严格 认真 及时 加快 加大 狠抓 抓好 抓实 做好 强化 加强 落实 统筹".split())
_CONTEXT = re.compile(
    r"^(?:从|在|对|随着|面对|针对|根据|按照|依据|截至|经过|通过|自|当|由于|因为|鉴于|越是|为了)"
    r"|(?:看|来看|中|下|上|以来|方面|之后|以后|期间|时|前|后|里)$"
)
# Predictions, negations and copulas state a fact; they never continue someone's action.
_STATEMENT = re.compile(
    r"^(?:还|也|都|就|才|仍|尚)?(?:有|将|不会|不能|不是|必将|将会|可能|没有|未|已经|已|正在|仍然|依然|尚未)|是"
)
# Clauses that lean on something outside the sentence: a list to come (以下工作), the other
# half of 越是…越要, a list item (统筹兼顾之谋).
_LEANS = re.compile(r"以下|如下|下列|一旦|如果|假如|只要|即使|^越|^更要|之[\u4e00-\u9fff]$|^(?:同时|此外|另外|其中)")
_DANGLING = re.compile(r"(?:的|到|和|与|及|、|在|对|把|将|被|等|并|或|而|以及|就是|是)$")
_COUNT_REF = re.compile(r"[一二两三四五六七八九十几]+(?:点|个方面)(?:意见|要求|建议)?")
# What may follow a clause of each type inside one sentence.
FOLLOWS: dict[str, frozenset[str]] = {
    SUBJ_ACT: frozenset({ACT, PURPOSE}),
    ACT: frozenset({ACT, PURPOSE}),
    PURPOSE: frozenset({ACT, PURPOSE}),
    STATE: frozenset({SUBJ_ACT, STATE}),
}
OPENERS = frozenset({SUBJ_ACT, ACT, STATE})


class ClauseTyper:
    """Types one clause (a token list) from the book's verb and adverb lists."""

    def __init__(self, verbs: Sequence[str], adverbs: Sequence[str],
                 verbal_nouns: Sequence[str] = ()) -> None:
        self.verbs = frozenset(verbs) | ACTION_LEADS
        self.adverbs = frozenset(adverbs) | PURPOSE_LEADS
        self.verbal_nouns = frozenset(verbal_nouns)  # 管理, 排查: a verb only after 要/切实

    def is_verb(self, tok: str, after_adverb: bool = False) -> bool:
        """A verb, or a genre term built on one (切实加强 -> 加强, 压实责任 -> 压实)."""
        if after_adverb and tok in self.verbal_nouns:
            return True
        return tok in self.verbs or (len(tok) >= 4 and (tok[-2:] in self.verbs
                                                         or tok[:2] in self.verbs))

    def _acts_from(self, toks: Sequence[str], k: int) -> bool:
        """True when, from position k, modals and adverbs lead to a verb."""
        start = k
        while k < len(toks) and (toks[k] in MODALS
                                 or (toks[k] in self.adverbs and not self.is_verb(toks[k]))):
            k += 1
        return k < len(toks) and self.is_verb(toks[k], after_adverb=k > start)

    def kind(self, tokens: Sequence[str]) -> str:
        toks = [t for t in tokens if t.strip()]
        text = "".join(toks)
        if (not toks or _DANGLING.search(text) or _CONTEXT.search(text) or len(text) < 4
                or _LEANS.search(text)):
            return OTHER
        if _STATEMENT.search(text) and "是" in toks or _STATEMENT.match(text) or "了" in toks:
            return STATE if any(self.is_verb(t) for t in toks) else OTHER
        if toks[0] in PURPOSE_LEADS and self._acts_from(toks, 0):
            return PURPOSE
        if toks[0] in MODALS or self.is_verb(toks[0]) or toks[0] in self.adverbs:
            return ACT if self._acts_from(toks, 0) else OTHER
        for k in range(1, min(6, len(toks) - 1)):
            if toks[k] in MODALS and not self.is_verb(toks[k - 1]):
                return SUBJ_ACT if self._acts_from(toks, k + 1) else OTHER
        if any(self.is_verb(t) for t in toks) or any(t in self.adverbs for t in toks[1:]):
            return STATE
        return OTHER


def counts_points(text: str) -> bool:
    """True when a line announces a number of points (讲三点意见): only the frame may do so."""
    return bool(_COUNT_REF.search(text))
