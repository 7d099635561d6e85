"""Line form: which corpus lines are clean enough to train on (balanced marks, no web residue)."""

from __future__ import annotations

import re

WEB_RESIDUE = re.compile(
    r"https?|www|\.com|点击|回复|楼主|发表于|复制链接|登录|注册|QQ|[A-Za-z]{2,}|[|【】<>#@_=]|\?|�"
)
PAIRS: tuple[tuple[str, str], ...] = (
    ("“", "”"), ("（", "）"), ("《", "》"), ("‘", "’"), ("(", ")"), ("「", "」"), ("【", "】"),
)


def balanced(text: str) -> bool:
    """Every opening quote or bracket is closed, in order."""
    stack: list[str] = []
    closers = {b: a for a, b in PAIRS}
    openers = {a for a, _ in PAIRS}
    for ch in text:
        if ch in openers:
            stack.append(ch)
        elif ch in closers:
            if not stack or stack.pop() != closers[ch]:
                return False
    return not stack and text.count('"') % 2 == 0
