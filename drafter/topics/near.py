"""Near topics: the terms the documents say with a topic, for a topic the formulations seldom name.

防汛 is named by hardly any bundled formulation, but the documents say 防洪, 河道 with it in the
same sentences, and those name phrases of their own (保障防洪安全, 加强河道管理). The associations
are counts mined at build time (drafter.topics.harvest.associations, ``_data/associations.tsv``);
here they are read and filtered down to the names of near fields.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from drafter.data import read_data_lines
from drafter.topics.material import BROAD

if TYPE_CHECKING:
    from drafter.topics.knowledge import Knowledge

NEAR_KEYS = 4  # terms associated with a seldom-named topic that find its material
NEAR_NAMING = 3  # phrases such a term must name
NEAR_NAMING_MOST = 12  # and may name at most: a word naming many (交通) is a field of its own or of all


@lru_cache(maxsize=1)
def bundled_associations() -> dict[str, tuple[str, ...]]:
    """The bundled term associations (drafter/_data/associations.tsv, by drafter.topics.build)."""
    found: dict[str, tuple[str, ...]] = {}
    try:
        for line in read_data_lines("associations.tsv"):
            term, _, rest = line.partition("\t")
            found[term] = tuple(rest.split())
    except FileNotFoundError:
        pass
    return found


def near_terms(knowledge: Knowledge, keys: Sequence[str]) -> list[str]:
    """The terms most associated with the topic's keys that are a near field's name: specific
    (not every field's word), naming a few phrases, and in the topic's company or in the company
    of another such term said with it (物资 and 预案 of 防汛 are both said with 应急: the emergency
    work a flood speech is about). A term whose associates share none with those is said with
    the topic but lives elsewhere (委员会 of 禁毒, linked to 社区 only, which is no near field)."""
    associations = knowledge.associations
    # how widely a term is used is counted in the official documents' formulations, which the
    # writer's corpus does not move (a corpus of epidemic speeches says 物资 in forty clauses)
    bundled = [p for p in knowledge.phrases if p.source == "bundled"]
    near: list[str] = []
    for key in keys:
        said = associations.get(key, ())
        fields = [t for t in said if t not in near and not knowledge.generic(t)
                  and not any(t in k or k in t for k in keys)
                  and sum(1 for p in bundled if t in p.words or t in p.context) <= BROAD
                  and NEAR_NAMING <= knowledge.naming(t, bundled=True) <= NEAR_NAMING_MOST]
        for term in fields:
            own = set(associations.get(term, ()))
            if key in own or own & set(said) or any(
                    own & set(associations.get(other, ())) for other in fields if other != term):
                near.append(term)
    return near[:NEAR_KEYS]
