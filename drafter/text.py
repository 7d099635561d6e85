"""Small text handling shared by every part: sentence and clause splitting, placeholders."""

from __future__ import annotations

import re

# A sentence ends at 。！？ (and ；, which closes a full clause of a speech's task list).
SENTENCE_END = "。！？；"
SENTENCE_SPLIT = re.compile(r"(?<=[。！？；!?;])")
# A clause ends at ，；：、 as well (、 is kept inside clauses: it joins parallel objects).
CLAUSE_SPLIT = re.compile(r"[，,；;：:。！？!?]")

# What a drafted outline leaves for the writer: 〔待写：…〕 where nothing could be drawn, and
# 〔数据待补〕 / 〔日期待补〕 / … where a fact of the writer's own belongs.
FALLBACK_PREFIX = "〔待写："
FALLBACK = re.compile(r"〔待写[：:][^〔〕]*〕")
FACT_SLOT = re.compile(r"〔[^〔〕]*待补〕")
PLACEHOLDER = re.compile(f"{FALLBACK.pattern}|{FACT_SLOT.pattern}")
# Line breaks, tabs and other control characters: a variable is one line of running text.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
