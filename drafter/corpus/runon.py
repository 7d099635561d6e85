"""Undo what copying does to a page's lines before it is split into pieces: a document
viewer's chunk numbers (1、…2、… at the start of each chunk, cutting sentences in two), a
title wrapped over two lines, and a title glued to the salutation on one run-on line."""

from __future__ import annotations

import re
from collections import Counter

from drafter.corpus.noise import Dropped

# The genre noun a speech title ends with (after site suffixes are cut off).
GENRE_TITLE = re.compile(
    r"(讲话|讲话稿|讲话提纲|讲稿|发言|发言稿|发言材料|致辞|主持词|主持讲话|讲话文稿|动员讲话|串词|提纲)$"
)
SALUTATION = re.compile(
    r"(?:尊敬的[^：:。！，,]{1,40}(?:[，,、][^：:。！]{1,30})?|各位领导、同志们|各位[^，,。：:！]{1,20}"
    r"(?:[，,、][^：:。！]{1,20})?|同志们|女士们、先生们|朋友们)[：:]"
)
_TERMINAL = "。！？!?”"
_CHUNK = re.compile(r"^(\d{1,3})、")


def _chunk_numbers(rows: list[tuple[int, str]], dropped: list[Dropped]) -> list[tuple[int, str]]:
    """Rows that start "N、" with N = 1, 2, 3… where each chunk after the first continues the
    sentence the chunk before it broke off: the numbers are a viewer's, not the speech's."""
    nums = [(i, int(m.group(1))) for i, (_, t) in enumerate(rows) if (m := _CHUNK.match(t))]
    if len(nums) < 2 or [n for _, n in nums] != list(range(1, len(nums) + 1)):
        return rows
    idx = [i for i, _ in nums]
    for a, b in zip(idx, idx[1:]):
        if b != a + 1 or len(rows[a][1]) < 150 or rows[a][1][-1] in _TERMINAL:
            return rows
    out = rows[: idx[0]]
    for k, i in enumerate(idx):
        no, text = rows[i]
        marker = _CHUNK.match(text).group(0)  # type: ignore[union-attr]
        dropped.append(Dropped(no, marker, "分块编号"))
        text = text[len(marker):]
        if k:
            prev_no, prev = out.pop()
            out.append((prev_no, prev + text))
        else:
            out.append((no, text))
    return out + rows[idx[-1] + 1:]


def _wrap_width(rows: list[tuple[int, str]]) -> int | None:
    """The width a page was hard-wrapped at (most lines that long), or None."""
    lens = Counter(len(t) for _, t in rows if len(t) >= 12)
    if not lens:
        return None
    width = max(lens, key=lambda n: (lens[n] + lens[n - 1] + lens[n + 1], n))
    full = [t for _, t in rows if abs(len(t) - width) <= 1]
    open_ended = sum(1 for t in full if t[-1] not in "。！？!?”")
    # many lines of one width, most of them stopping mid-sentence: a wrapped page
    if 16 <= width <= 90 and len(full) >= max(6, 0.4 * sum(lens.values())) and open_ended >= 0.6 * len(full):
        return width
    return None


def _join_wrapped(rows: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Lines of a hard-wrapped page joined back into paragraphs: a full-width line that
    does not end a sentence continues on the next line."""
    width = _wrap_width(rows)
    if width is None:
        return rows
    out: list[tuple[int, str]] = []
    carry = False
    for no, text in rows:
        if carry and out:
            prev_no, prev = out.pop()
            out.append((prev_no, prev + text))
        else:
            out.append((no, text))
        carry = len(text) >= 0.85 * width and text[-1] not in "。！？!?：:"
    return out


def _title_prefix(text: str) -> int | None:
    """Where the salutation starts in a run-on first line that begins with the title."""
    m = SALUTATION.search(text, 0, 160)
    if m is None or m.start() < 4 or any(ch in text[: m.start()] for ch in "。！？"):
        return None
    return m.start()


_GLUED_TITLE = re.compile(
    r"^(?:\d{4}年)?[^。！？，,；：:]{0,20}?在[^。！？；：:]{2,40}?(?:会|会议|大会|仪式|典礼|班|活动)上的?"
    r"(?:讲话|发言|致辞|主持词)(?:稿|文稿|材料)?(?=[在今同各尊根按这当近])"
)


def unglue_rows(rows: list[tuple[int, str]], dropped: list[Dropped]) -> list[tuple[int, str]]:
    """Rows with chunk numbers removed, a wrapped title joined, a glued title split off."""
    rows = _join_wrapped(_chunk_numbers(rows, dropped))
    out: list[tuple[int, str]] = []
    for k, (no, text) in enumerate(rows):
        if k < 6 and len(text) > 40:
            at = _title_prefix(text)
            glued = _GLUED_TITLE.match(text) if at is None and k < 3 else None
            if glued is not None and len(text) - glued.end() >= 40:
                at = glued.end()
            if at is not None:
                out.append((no, text[:at].strip()))
                out.append((no, text[at:].strip()))
                continue
        if (
            out and k < 8 and len(text) <= 12 and GENRE_TITLE.search(text)
            and len(out[-1][1]) <= 60 and not GENRE_TITLE.search(out[-1][1])
            and not re.search("[。！？，；：【】\\[\\]]", out[-1][1] + text)
            and not text.startswith(("在", "关于")) and len(out[-1][1]) >= 6
        ):
            prev_no, prev = out.pop()
            out.append((prev_no, prev + text))
            continue
        out.append((no, text))
    return out
