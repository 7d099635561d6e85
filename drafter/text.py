"""Small text handling shared by every part: sentence and clause splitting."""

from __future__ import annotations

import re

# A sentence ends at 。！？ (and ；, which closes a full clause of a speech's task list).
SENTENCE_END = "。！？；"
SENTENCE_SPLIT = re.compile(r"(?<=[。！？；!?;])")
# A clause ends at ，；：、 as well (、 is kept inside clauses: it joins parallel objects).
CLAUSE_SPLIT = re.compile(r"[，,；;：:。！？!?]")
