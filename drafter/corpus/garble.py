"""Damaged text: mojibake left by scrapers ("?zhèn)鬟_", U+FFFD, private-use characters).

Damaged spots are marked with U+FFFD during cleaning; `is_garbled` then recognises a
sentence that holds a marked spot or a cluster of characters outside everyday use.
"""

from __future__ import annotations

import re
from functools import lru_cache

REPLACEMENT = "\ufffd"
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# A pinyin annotation whose "(" was eaten by a broken byte: "?zhèn)".
_BROKEN_PINYIN = re.compile(f"\\?[a-zü{TONED}]*[{TONED}][a-zü{TONED}]*\\)?")
# Tone-marked letters glued to Chinese text are never real content.
_STRAY_PINYIN = re.compile(f"(?<=[\u4e00-\u9fff])[a-zü]*[{TONED}][a-zü{TONED}]*\\)?")
_PUA_KANA = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff\u3040-\u30ff\ufffd]")
_SENTENCE = re.compile(r"[^。！？!?\n]*(?:[。！？!?]+[”’」』）]*|$)")


@lru_cache(maxsize=8192)
def is_rare_char(ch: str) -> bool:
    """A CJK character outside GB2312 level 1 (the 3,755 everyday characters)."""
    if not ("\u3400" <= ch <= "\u9fff"):
        return False
    try:
        raw = ch.encode("gb2312")
    except UnicodeEncodeError:
        return True
    return raw[0] >= 0xD8


def _odd_near(text: str, i: int, width: int = 2) -> bool:
    """A character GB2312 lacks altogether (or kana, private use) within `width` of i."""
    for c in text[max(0, i - width) : i + width + 1]:
        if _PUA_KANA.match(c):
            return True
        if "\u3400" <= c <= "\u9fff":
            try:
                c.encode("gb2312")
            except UnicodeEncodeError:
                return True
    return False


def mark_garbled(line: str) -> str:
    """Replace damaged spots with U+FFFD (runs after pinyin removal and t2s)."""
    if "?" not in line and not _STRAY_PINYIN.search(line):
        return line
    line = _BROKEN_PINYIN.sub(REPLACEMENT, line)
    line = _STRAY_PINYIN.sub(REPLACEMENT, line)
    out = list(line)
    for i, ch in enumerate(line):
        if ch != "?":
            continue
        nxt = line[i + 1] if i + 1 < len(line) else ""
        prev = line[i - 1] if i else ""
        if not ("\u4e00" <= prev <= "\u9fff" or prev in "?，,、" or prev == REPLACEMENT):
            continue
        if nxt in "?!;；！？、，,。" and nxt or nxt.isascii() and nxt.isalpha():
            out[i] = REPLACEMENT
        elif _odd_near(line, i + 1):
            out[i] = REPLACEMENT
    return "".join(out)


_rare_re: re.Pattern[str] | None = None


def _rare_pattern() -> re.Pattern[str]:
    """One character class of every rare CJK character (built once, ~20 ms)."""
    global _rare_re
    if _rare_re is None:
        ranges: list[str] = []
        start = prev = -2
        for cp in range(0x3400, 0xA000):
            if is_rare_char(chr(cp)):
                if cp != prev + 1:
                    if start >= 0:
                        ranges.append(f"{chr(start)}-{chr(prev)}" if prev > start else chr(start))
                    start = cp
                prev = cp
        ranges.append(f"{chr(start)}-{chr(prev)}" if prev > start else chr(start))
        is_rare_char.cache_clear()
        _rare_re = re.compile("[" + "".join(ranges) + "]")
    return _rare_re


def _rare_cluster(sentence: str) -> bool:
    """Two different rare characters side by side, or three within four positions: typical
    of GBK/UTF-8 mojibake, but also of real literary words (砥砺, 憧憬), so this only
    counts next to other damage (see `flagged_sentences`)."""
    idx = [m.start() for m in _rare_pattern().finditer(sentence)]
    if len(idx) < 2:
        return False
    for a, b in zip(idx, idx[1:]):
        if b - a == 1 and sentence[a] != sentence[b]:
            return True
    return any(c - a <= 3 for a, c in zip(idx, idx[2:]))


def _outside_gb2312_pair(sentence: str) -> bool:
    """A character outside GB2312 altogether right next to another rare one (钃簟)."""
    for m in _rare_pattern().finditer(sentence):
        i = m.start()
        if i + 1 < len(sentence) and sentence[i] != sentence[i + 1] and is_rare_char(sentence[i + 1]):
            try:
                sentence[i : i + 2].encode("gb2312")
            except UnicodeEncodeError:
                return True
    return False


def is_garbled(sentence: str) -> bool:
    """True when the sentence holds a damaged span and must not feed any model: U+FFFD
    (how cleaning marks a damaged spot), private-use or kana characters in Chinese text,
    or two adjacent rare characters one of which GB2312 does not have at all."""
    return bool(_PUA_KANA.search(sentence)) or _outside_gb2312_pair(sentence)


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph, each an exact substring ending with its 。！？ mark."""
    return [s for s in _SENTENCE.findall(paragraph) if s.strip()]


def flagged_sentences(paragraphs: list[str]) -> list[str]:
    """The garbled sentences of a piece, in order, without repeats."""
    seen: dict[str, None] = {}
    for p in paragraphs:
        damaged = bool(_PUA_KANA.search(p))
        if not damaged and len(_rare_pattern().findall(p)) < 2:
            continue
        for s in split_sentences(p):
            # Mojibake comes in bursts: next to a marked spot, a rare cluster is damage too.
            if is_garbled(s) or damaged and _rare_cluster(s):
                seen.setdefault(s, None)
    return list(seen)
