"""Occasion words: seasons, holidays and one speech's own business (今冬明春, 春节, 受灾学校).

A line of the corpus that names one belongs to the speech it came from, so a render on another
topic leaves it out (the transition formulas of the corpus frame). The words are package data
(``drafter/_data/occasion_words.txt``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafter.data import read_data_lines


@lru_cache(maxsize=1)
def occasion_pattern() -> re.Pattern[str]:
    """A pattern matching any occasion word inside a line."""
    return re.compile("|".join(re.escape(w.strip()) for w in read_data_lines("occasion_words.txt")
                               if w.strip()))
