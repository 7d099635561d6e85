"""Numbering markers of the speech genre: recognise them at a paragraph start, and write them.

A *family* is a numbering style ("cn_dun" 一、, "cn_paren" （一）, ...). Levels are not fixed per
family (that is decided per document in `parse`), but numbered families have a usual depth
order, `RANK`, used when a new family appears under another.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

CN_DIGITS = "零一二三四五六七八九"
_CN = "[一二三四五六七八九十]{1,3}"

_NUMERALS = frozenset("一二三四五六七八九十")

# family -> regex on the paragraph start (group "n" is the number), in the order tried, and the
# characters a paragraph can start with for it to match at all: a pattern is compiled the first
# time a paragraph could match it (compiling all of them costs as much as a warm `drafter new`
# spends on its own code), and most paragraphs rule most families out by their first character.
_SOURCES: list[tuple[str, str, Callable[[str], bool]]] = [
    ("cn_paren", rf"^(?:[（(]\s*(?P<n>{_CN})\s*[)）]|(?P<n2>{_CN})[)）])\s*",
     lambda c: c in "（(" or c in _NUMERALS),
    ("arabic_paren", r"^(?:[（(]\s*(?P<n>\d{1,2})\s*[)）]|(?P<n2>\d{1,2})[)）](?![\d%]))\s*",
     lambda c: c in "（(" or c.isdecimal()),
    ("circled", r"^(?P<n>[①-⑳])\s*", lambda c: "①" <= c <= "⑳"),
    ("cn_dun", rf"^(?P<n>{_CN})\s*(?:[、．]|\.(?![\d.．]))\s*", lambda c: c in _NUMERALS),
    ("arabic_dot", r"^(?:(?P<n>\d{1,2})\s*[.．、](?![\d.．%])|(?P<n2>[⒈-⒛]))\s*",
     lambda c: c.isdecimal() or "⒈" <= c <= "⒛"),
    ("di_item", rf"^(?P<n>第{_CN}(?:个|句|条|项|点)?(?:问题|方面|句话|要求|意见|体会|任务|关系|变化|特点|原则|坚持|目标))\s*[，,、：:]\s*",
     lambda c: c == "第"),
    ("di", rf"^第(?P<n>{_CN})(?:\s*[，,、：:]|(?=是))\s*", lambda c: c == "第"),
    ("qiyi", rf"^其(?P<n>{_CN})\s*[，,、：:]\s*", lambda c: c == "其"),
    ("yishi", rf"^(?P<n>{_CN})是(?![否非])\s*", lambda c: c in _NUMERALS),
    ("yiyao", rf"^(?P<n>{_CN})要(?![求素点件])\s*", lambda c: c in _NUMERALS),
    ("sequence", r"^(?P<n>首先|其次|再次|最后)(?:\s*[，,：:]\s*|(?=要|是|[\u4e00-\u9fff]))",
     lambda c: c in "首其再最"),
    ("label", rf"^(?P<label>[\u4e00-\u9fff]{{1,5}}[^\W\d之统唯第其一二三四五六七八九十])(?P<n>{_CN})\s*[:：]\s*",
     lambda c: "\u4e00" <= c <= "\u9fff"),
    ("placeholder", r"^(?P<n>XX|xx|X|x|××|×)\s*[，,、]\s*", lambda c: c in "Xx×"),
]
_COMPILED: dict[str, re.Pattern[str]] = {}


def _pattern(family: str, source: str) -> re.Pattern[str]:
    found = _COMPILED.get(family)
    if found is None:
        found = _COMPILED[family] = re.compile(source)
    return found


FAMILIES: tuple[str, ...] = tuple(name for name, _, _ in _SOURCES)

# Usual depth of the numbered families (一、 → （一） → 1. → （1） → ①).
RANK: dict[str, int] = {"cn_dun": 0, "cn_paren": 1, "arabic_dot": 2, "arabic_paren": 3, "circled": 4}
# Families written inline, at the start of a running sentence.
INLINE: frozenset[str] = frozenset(
    {"di", "di_item", "qiyi", "yishi", "yiyao", "sequence", "label", "placeholder"})

FAMILY_NAMES: dict[str, str] = {
    "cn_dun": "一、",
    "cn_paren": "（一）",
    "arabic_dot": "1.",
    "arabic_paren": "（1）",
    "circled": "①",
    "di": "第一，",
    "di_item": "第一个方面：",
    "qiyi": "其一，",
    "yishi": "一是",
    "yiyao": "一要",
    "sequence": "首先/其次/最后",
    "label": "要点一：",
    "placeholder": "XX，",
}

_SEQUENCE_WORDS = ("首先", "其次", "再次")


@functools.cache
def _numeral_range() -> re.Pattern[str]:
    """"一、二月份", "一、二楼": a range of numbers after 一、, not a point."""
    return re.compile(r"^[一二三四五六七八九十]+(?:[、，]|月|季度?|年级|楼|层|号|等)")


SEQUENCE_LAST = 99  # the value of 最后: always the last of its series


@dataclass(frozen=True)
class MarkerMatch:
    """A marker found at the start of a paragraph."""

    family: str
    n: int  # its number (1-based); 0 for a placeholder marker
    marker: str  # exactly as written, including trailing punctuation (spaces stripped)
    rest: str  # the paragraph after the marker


def cn_to_int(text: str) -> int:
    """Chinese numeral 一..九十九 to int."""
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (CN_DIGITS.index(tens) if tens else 1) * 10 + (CN_DIGITS.index(ones) if ones else 0)
    return CN_DIGITS.index(text)


def parse_cn_number(text: str) -> int | None:
    """一..九十九 -> int; None when `text` is not such a numeral."""
    if not text or len(text) > 3 or any(ch not in "一二三四五六七八九十" for ch in text):
        return None
    try:
        return cn_to_int(text)
    except ValueError:
        return None


def int_to_cn(n: int) -> str:
    """int 1..99 to a Chinese numeral (一, 十, 十二, 二十一), as markers number their points."""
    if n <= 0 or n >= 100:
        raise ValueError(f"number out of range: {n}")
    return cn_counting(n)


def cn_counting(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 105 -> 一百零五 (Word's chineseCounting)."""
    if n <= 0:
        return "〇" if n == 0 else str(n)
    if n >= 10000:
        return str(n)
    digits = [int(d) for d in str(n)]
    units = ["", "十", "百", "千"]
    out = ""
    zero = False
    for i, d in enumerate(digits):
        unit = units[len(digits) - 1 - i]
        if d == 0:
            zero = True
            continue
        if zero and out:
            out += "零"
        zero = False
        out += CN_DIGITS[d] + unit
    if 10 <= n < 20:
        out = out[1:]  # 十二, not 一十二
    return out


@functools.cache
def _di_item() -> re.Pattern[str]:
    return re.compile(rf"^第(?P<n>{_CN})")



def _number(family: str, raw: str) -> int:
    if family == "arabic_dot" and "⒈" <= raw <= "⒛":
        return ord(raw) - ord("⒈") + 1
    if family in ("arabic_dot", "arabic_paren"):
        return int(raw)
    if family == "di_item":
        m = _di_item().match(raw)
        return cn_to_int(m.group("n")) if m else 0
    if family == "circled":
        return ord(raw) - ord("①") + 1
    if family == "sequence":
        return SEQUENCE_LAST if raw == "最后" else _SEQUENCE_WORDS.index(raw) + 1
    if family == "placeholder":
        return 0
    return cn_to_int(raw)


def match_marker(paragraph: str) -> MarkerMatch | None:
    """The numbering marker at the start of `paragraph`, or None.

    >>> match_marker("（一）细致摸排底数。").marker
    '（一）'
    """
    text = paragraph.lstrip()
    first = text[:1]
    for family, source, could_start in _SOURCES:
        if not first or not could_start(first):
            continue
        m = _pattern(family, source).match(text)
        if m is None:
            continue
        rest = text[m.end():]
        if not rest.strip() and family not in ("label",):
            continue  # a bare number is not a heading
        if family == "cn_dun" and (
            (m.group(0).rstrip()[-1] == "．" and rest[:1].isdigit()) or _numeral_range().match(rest)
        ):
            continue  # "一、二月份", "一、二楼": a range of numbers, not a point
        raw = m.group("n") or (m.groupdict().get("n2") or "")
        try:
            n = _number(family, raw)
        except ValueError:
            continue
        if family != "placeholder" and n == 0:
            continue
        return MarkerMatch(family, n, re.sub(r"\s+", "", m.group(0)), rest.strip())
    return None


# How each family writes number n: {cn} its Chinese numeral, {n} its digits.
_FORMATS: dict[str, str] = {
    "cn_dun": "{cn}、", "cn_paren": "（{cn}）", "arabic_dot": "{n}.", "arabic_paren": "（{n}）",
    "di": "第{cn}，", "di_item": "第{cn}个方面：", "qiyi": "其{cn}，", "yishi": "{cn}是", "yiyao": "{cn}要",
    "label": "要点{cn}：",
}


def format_marker(family: str, n: int) -> str:
    """The canonical (full-width) marker of number `n` in `family`: ("cn_dun", 2) -> "二、"."""
    if family not in FAMILY_NAMES:
        raise ValueError(f"unknown marker family: {family}")
    if family == "circled":
        if not 1 <= n <= 20:
            raise ValueError(f"number out of range: {n}")
        return chr(ord("①") + n - 1)
    if family == "sequence":
        return ("首先，", "其次，", "再次，")[n - 1] if n <= 3 else "最后，"
    pattern = _FORMATS.get(family)
    if pattern is None:  # the placeholder family: no number of its own
        return "XX，"
    return pattern.format(cn=int_to_cn(n) if "{cn}" in pattern else "", n=n)
