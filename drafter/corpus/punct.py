"""Punctuation normalisation: half-width marks in Chinese context become full-width, and
scrape artifacts (",," ",、" ",。") are repaired."""

from __future__ import annotations

import re

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Chinese punctuation and quotes count as "Chinese context" too.
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】〔〕…—·「」『』"
_CTX = f"[{CJK}{CJK_PUNCT}]"

_FULLWIDTH = {
    ",": "，",
    ";": "；",
    "?": "？",
    "!": "！",
}

# A half-width mark touching a Chinese character (on either side) is Chinese punctuation.
_MARK_BEFORE = re.compile(f"(?<={_CTX})[,;?!]")
_MARK_AFTER = re.compile(f"[,;?!](?={_CTX})")
# A colon after a Chinese character, unless it sits inside a time such as 7:00.
_COLON = re.compile(f"(?<={_CTX}):|(?<![0-9]):(?={_CTX})")
# Parentheses: a pair whose content or neighbourhood is Chinese.
_PAREN = re.compile(r"\(([^()\n]{0,40})\)")
# Injected commas right before another mark: ",、" ",。" ",," ...
_COMMA_BEFORE_MARK = re.compile("，+(?=[、，。；：？！”」』）》])")
_MARK_RUNS = re.compile("([、；：])\\1+")
_SPACE_NEAR_CJK_PUNCT = re.compile(f"[ \t]+(?=[{CJK_PUNCT}])|(?<=[{CJK_PUNCT}])[ \t]+")
_FW_ALNUM = {c: chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}
_FW_ALNUM.update({c: chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})
_FW_ALNUM.update({c: chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})
_HAS_CJK = re.compile(f"[{CJK}]")
_ASCII_MARK = re.compile(r"[,;?!:()]")


def _paren(match: re.Match[str]) -> str:
    inner = match.group(1)
    start, end = match.span()
    text = match.string
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    chinese = (
        _HAS_CJK.search(inner)
        or re.match(_CTX, before or "a")
        or re.match(_CTX, after or "a")
        or (start == 0 and inner.strip().isdigit())
    )
    return f"（{inner}）" if chinese else match.group(0)


def normalize_punct(line: str) -> str:
    """Full-width punctuation in Chinese context, scrape artifacts repaired (one line)."""
    if not line:
        return line
    line = line.translate(_FW_ALNUM)
    for _ in range(3 if _ASCII_MARK.search(line) else 0):  # a mark can become Chinese context for its neighbour
        new = _MARK_BEFORE.sub(lambda m: _FULLWIDTH[m.group(0)], line)
        new = _MARK_AFTER.sub(lambda m: _FULLWIDTH[m.group(0)], new)
        new = _COLON.sub("：", new)
        new = _PAREN.sub(_paren, new)
        if new == line:
            break
        line = new
    line = _SPACE_NEAR_CJK_PUNCT.sub("", line)
    line = _COMMA_BEFORE_MARK.sub("", line)
    line = re.sub("，{2,}", "，", line)
    line = _MARK_RUNS.sub(r"\1", line)
    line = re.sub("。{2}(?!。)", "。", line)  # "。。" is a slip; "。。。" an ellipsis
    return line
