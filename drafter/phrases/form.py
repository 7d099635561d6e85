"""Heading form: does a generated heading look like a real heading of its level?"""

from __future__ import annotations

import re

# A numbering marker anywhere inside the text (一、 （一） 1. 第一， 一是 一要 ①).
MARKER_INSIDE = re.compile(
    r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|(?<![\d.])\d+[.．、](?!\d)"
    r"|第[一二三四五六七八九十]+[，,、]|^[一二三四五六七八九十][是要]|[①-⑳]"
)
# Procedural asides and framing that belong to the speaker, never to a heading.
PROCEDURAL = re.compile(
    r"在此|强调几点|讲几点|几点意见|几点要求|以下几点|下面|我讲|我再|同志们|谢谢|讲话|会议议程|"
    r"最后|首先|其次|总之|综上|如下|以下|这里"
)
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


def heading_problems(text: str, length_range: tuple[int, int]) -> list[str]:
    """Why `text` fails as a heading (empty when it passes)."""
    problems = []
    lo, hi = length_range
    if not lo <= len(text) <= hi:
        problems.append(f"长度{len(text)}不在{lo}-{hi}")
    if MARKER_INSIDE.search(text):
        problems.append("含编号")
    if PROCEDURAL.search(text):
        problems.append("程序性插语")
    if not balanced(text):
        problems.append("引号或括号不配对")
    if WEB_RESIDUE.search(text):
        problems.append("网页残留")
    if text.endswith(("，", "、", "：", "；")) or text.startswith(("，", "、", "。")):
        problems.append("标点残缺")
    if "〔" in text:
        problems.append("含待补项")
    return problems


def sentence_problems(text: str) -> list[str]:
    """Light form check for body sentences: balanced marks, no web residue or markers."""
    problems = []
    if not balanced(text):
        problems.append("引号或括号不配对")
    if WEB_RESIDUE.search(text):
        problems.append("网页残留")
    if MARKER_INSIDE.search(text):
        problems.append("含编号")
    return problems
