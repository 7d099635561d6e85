"""Line-level cleaning for any Chinese text: pinyin annotations out, traditional to
simplified (OpenCC t2s), damaged spots marked, punctuation normalised."""

from __future__ import annotations

import re
from typing import Any

from drafter.corpus.garble import TONED, mark_garbled
from drafter.corpus.punct import normalize_punct

# "當(dāng)前" -> "當前": a parenthesised syllable with a tone mark, glued to the text before.
_PINYIN = re.compile(
    f"(?<=[^\\s(（])[(（]\\s?[a-zü{TONED}]*[{TONED}][a-zü{TONED}]*\\s?[)）]"
)
_WS = re.compile(r"[ \t\u00a0\u2002\u2003\u2009\u3000\u200b\ufeff]+")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
# OpenCC leaves 著 alone; outside the words where it is a real simplified 著 it is 着.
_ZHE = re.compile("(?<![显卓昭编名巨专原土论遗合译拙杰])著(?![名作称述书者录有])")
_converter: Any = None


def _t2s(text: str) -> str:
    global _converter
    if _converter is None:
        import opencc  # lazy: keeps `import drafter.corpus` light

        _converter = opencc.OpenCC("t2s")
    out: str = _converter.convert(text)
    if out != text:
        out = _ZHE.sub("着", out)
    return out


def strip_pinyin(line: str) -> str:
    """Remove pinyin annotations written after characters."""
    return _PINYIN.sub("", line)


def normalize_space(line: str) -> str:
    """One ASCII space for any run of blanks, none at the ends, no control characters."""
    return _WS.sub(" ", _CONTROL.sub("", line)).strip()


def clean_line(line: str) -> str:
    """One pass over one line: spaces, pinyin, t2s, damaged spots, punctuation."""
    line = normalize_space(line)
    if not line:
        return line
    line = strip_pinyin(line)
    line = _t2s(line)
    line = mark_garbled(line)
    line = normalize_punct(line)
    return normalize_space(line)


def clean_lines(lines: list[str]) -> list[str]:
    """Clean many lines with one OpenCC call (much faster than one call per line)."""
    pre = [strip_pinyin(normalize_space(x)) for x in lines]
    joined = _t2s("\n".join(pre))
    out = joined.split("\n")
    if len(out) != len(lines):  # OpenCC never changes newlines, but be safe
        return [clean_line(x) for x in lines]
    return [normalize_space(normalize_punct(mark_garbled(x))) for x in out]


def clean_text(text: str) -> str:
    """Clean arbitrary user text line by line; idempotent (repeats until nothing changes)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for _ in range(10):
        new = [clean_line(x) for x in lines]
        if new == lines:
            break
        lines = new
    return "\n".join(lines)
