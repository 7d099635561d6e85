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
    (not every field's word), in each other's company (a term whose own associates share none
    with the topic's is said with it but lives elsewhere: 委员会 of 禁毒), naming a few phrases."""
    associations = knowledge.associations
    bundled = [p for p in knowledge.phrases if p.source == "bundled"]
    near: list[str] = []
    for key in keys:
        said = associations.get(key, ())
        for term in said:
            # how widely a term is used is counted in the official documents' formulations: the
            # epidemic speeches of the bundled corpus say 物资 forty times, which makes it no word of all
            if term in near or knowledge.generic(term) or any(term in k or k in term for k in keys) \
                    or sum(1 for p in bundled if term in p.words or term in p.context) > BROAD:
                continue
            own = set(associations.get(term, ()))
            # in the topic's company, or in the company of another term said with it (物资 and 预案
            # of 防汛 are both said with 应急: the emergency work a flood speech is about)
            if key not in own and not own & set(said) and not any(
                    own & set(associations.get(other, ())) for other in said if other != term):
                continue
            if NEAR_NAMING <= knowledge.naming(term, bundled=True) <= NEAR_NAMING_MOST:
                near.append(term)
    return near[:NEAR_KEYS]
