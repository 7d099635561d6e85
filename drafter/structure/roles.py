"""Roles of top-level sections (形势认识, 任务措施, ...), decided by cue words in the heading.

The cue lists were drawn from the headings of the corpus (seeds and the government work
reports): each role keeps the words that most often open or carry a heading of that kind.
A heading gets the role with the highest cue score; ties go to the role that its position
makes likely (first point: 形势认识, last point: 保障要求), then to 任务措施.
"""

from __future__ import annotations

from collections.abc import Sequence

from drafter.model import Section

DEFAULT_ROLE = "任务措施"

# role -> cue words with weights; longer, more specific cues weigh more.
ROLE_CUES: dict[str, dict[str, float]] = {
    "形势认识": {
        "认清": 2, "认识": 2, "形势": 2, "站位": 2, "紧迫感": 2, "责任感": 2, "警醒": 2,
        "思想": 1, "重要性": 2, "清醒": 2, "大局": 1, "意义": 1.5, "必要性": 2, "把握": 1,
        "放在首位": 1.5, "信心": 1, "政治责任": 1, "提高认识": 3, "统一思想": 3,
    },
    "成绩总结": {
        "成绩": 2.5, "成效": 2, "回顾": 2.5, "取得": 0.5, "有力": 1, "有序": 0.5, "良好": 0.5,
        "开局": 1.5, "进展": 1.5, "成就": 2.5, "过去": 1.5, "一年来": 2, "五年来": 2,
        "统筹推进": 1,
    },
    "问题剖析": {
        "问题": 2, "不足": 2.5, "差距": 2.5, "短板": 1.5, "还需": 2, "薄弱": 2, "不够": 2,
        "困难": 1.5, "挑战": 1.5, "风险": 1, "原因": 2, "剖析": 2.5, "方面": 0.5,
    },
    "保障要求": {
        "组织领导": 3, "保障": 2, "纪律": 2, "作风": 2, "督导": 2, "督查": 2, "考核": 2,
        "压实": 1.5, "责任追究": 2.5, "领导": 1, "担当": 1, "队伍": 1, "问责": 2, "监管": 1,
        "政治保证": 2.5, "落实": 1,
    },
    DEFAULT_ROLE: {
        "推进": 1, "强化": 1, "加强": 1, "做好": 0.5, "严格": 1, "完善": 1, "开展": 0.5,
        "措施": 1.5, "举措": 1.5, "重点": 1, "任务": 1, "全力": 0.5, "推动": 1,
        "健全": 1, "建设": 1, "宣传": 1, "引导": 1, "监测": 1, "救治": 1, "联防联控": 1,
    },
}
ROLES: tuple[str, ...] = tuple(ROLE_CUES)


def role_of(text: str, index: int = 0, total: int = 1) -> tuple[str, list[str]]:
    """The role of a heading `text` at position `index` of `total` level-1 points, with the cue
    words that decided it (empty when the role came from the default)."""
    scores: dict[str, float] = {}
    words: dict[str, list[str]] = {}
    for role, cues in ROLE_CUES.items():
        hit = [w for w in cues if w in text]
        # a short cue inside a longer matched cue of the same role does not count twice
        hit = [w for w in hit if not any(w != o and w in o for o in hit)]
        scores[role] = sum(cues[w] for w in hit)
        words[role] = hit
    best = max(scores.values())
    if best <= 0:
        return DEFAULT_ROLE, []
    tied = [r for r in ROLES if scores[r] == best]
    if len(tied) > 1:
        prefer = []
        if index == 0:
            prefer.append("形势认识")
        if index == total - 1 and total > 1:
            prefer.append("保障要求")
        prefer.append(DEFAULT_ROLE)
        for r in prefer:
            if r in tied:
                return r, sorted(words[r], key=text.index)
    role = tied[0]
    return role, sorted(words[role], key=text.index)


def assign_roles(sections: Sequence[Section]) -> None:
    """Set `role` and `role_words` on every level-1 section (in place)."""
    for i, section in enumerate(sections):
        section.role, section.role_words = role_of(section.text, i, len(sections))
