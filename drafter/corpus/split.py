"""Split a cleaned page into pieces: 篇一/篇二…, 第一篇：…, 范文一, numbered repeats of one
title stem (…材料及收获一/二/三), and pieces ended by a trailing site tag."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from drafter.corpus.noise import Dropped
from drafter.corpus.runon import GENRE_TITLE, SALUTATION

NUM = "一二三四五六七八九十百零〇两"
_ORDINAL_PREFIX = re.compile(
    f"^[【\\[]?(?:第[{NUM}\\d]+篇|篇[{NUM}\\d]+|范文[{NUM}\\d]+)[】\\]]?\\s*[：:、.．]?\\s*(?P<title>.+)$"
)
# A line that is only an ordinal label ("【篇二】", "第三篇"): the next line is the title.
_ORDINAL_ONLY = re.compile(f"^[【\\[]?(?:第[{NUM}\\d]+篇|篇[{NUM}\\d]+|范文[{NUM}\\d]+)[】\\]]?[：:]?$")
_NUM_SUFFIX = re.compile(f"^(?P<stem>.{{4,60}}?)(?P<num>[{NUM}]+|\\d{{1,2}}|（[{NUM}\\d]+）)$")
# Heading markers never start a piece title.
_HEADING = re.compile(
    f"^(?:[{NUM}]+[、，,．.]|[（(][{NUM}\\d]+[)）]|\\d+[.、．]|第[{NUM}]+[，,、章节条]|[{NUM}]是|[{NUM}]要)"
)
_TITLE_STOP = re.compile("[。！？；;!?]|[：:]$")
_SALUTATION = re.compile(r"^(同志们|各位|尊敬的|老师们|同学们|朋友们)")


@dataclass
class Piece:
    """A piece of a page before classification: its title and its (line, text) rows."""

    title: str | None
    rows: list[tuple[int, str]] = field(default_factory=list)
    title_line: int | None = None

    @property
    def start_line(self) -> int:
        return self.title_line if self.title_line is not None else self.rows[0][0]

    @property
    def end_line(self) -> int:
        return self.rows[-1][0] if self.rows else self.start_line


def looks_like_title(text: str) -> bool:
    """Short, no sentence-ending mark, not a numbered heading, not a salutation."""
    return (
        2 <= len(text) <= 60
        and not _TITLE_STOP.search(text)
        and not _HEADING.match(text)
        and not _SALUTATION.match(text)
    )


def _repeat_titles(rows: list[tuple[int, str]]) -> set[int]:
    """Indexes of rows that are one stem with different numbers (≥ 2 numbers per stem)."""
    stems: dict[str, dict[str, int]] = {}
    for i, (_, text) in enumerate(rows):
        if not looks_like_title(text):
            continue
        m = _NUM_SUFFIX.match(text)
        if m and len(m.group("stem")) >= 6:
            stems.setdefault(m.group("stem"), {}).setdefault(m.group("num"), i)
    out: set[int] = set()
    for nums in stems.values():
        if len(nums) >= 2:
            out.update(nums.values())
    return out


_SITE_SUFFIX = re.compile(
    r"(?:\.docx?|\.pdf|\.txt|[（(](?:全文|范文|完整版?|精选|最新|word版|\d+篇|全文\d+字|\d+页[^）)]*)[^）)]{0,8}[）)]"
    r"|[-_|｜][^-_|｜]{0,12}(?:网|文库|范文)\S{0,6})+$"
)
_TITLE_LEAD = re.compile(r"^(?:\|?\s*标题[：:]|\d{1,3}(?=[在市县区乡镇省]))")
# The end of a speech: where a new speech may follow on the next line.
_CLOSING = re.compile(r"(谢谢(大家|各位)?[！!。]?|我就讲(这些|到这里)[。！]?|讲话完毕[。！]?|以上讲话[^。]*。)$")


_ORDINAL_TAIL = re.compile(f"(?:[（(][{NUM}\\d]{{1,3}}[)）]|之[{NUM}]{{1,3}}|[{NUM}]{{1,2}}|\\d{{1,3}})$")


def clean_title(text: str) -> str:
    """A title without the site's additions: "标题：", pipes, ".docx", "（全文）", a doubled title."""
    t = _TITLE_LEAD.sub("", text.strip()).strip(" |｜")
    t = _SITE_SUFFIX.sub("", t).strip(" |｜")
    half = len(t) // 2
    if len(t) % 2 == 0 and half >= 6 and t[:half] == t[half:]:
        t = t[:half]
    return t or text.strip()


def is_genre_title(text: str) -> bool:
    """A title that names a speech genre (…上的讲话, …表态发言, …主持词, …讲话提纲)."""
    t = _ORDINAL_TAIL.sub("", clean_title(text))
    return looks_like_title(t) and bool(GENRE_TITLE.search(t))


def _speech_starts(rows: list[tuple[int, str]]) -> list[int]:
    """Rows that open a new speech in a file of several: a speech title after the end of the
    speech before it, or before a salutation; a salutation right after a closing line."""
    out: list[int] = []
    body = 0  # rows of speech text since the last start
    for i in range(1, len(rows)):
        text, prev = rows[i][1], rows[i - 1][1]
        body += 0 if looks_like_title(prev) else (2 if len(prev) >= 200 else 1)
        if body < 2:
            continue
        nxt = rows[i + 1][1] if i + 1 < len(rows) else ""
        if is_genre_title(text):
            if SALUTATION.match(nxt) or _CLOSING.search(prev) or prev.endswith(("。", "！")) and (
                len(rows) > i + 1 and not _HEADING.match(nxt)
            ):
                out.append(i)
                body = 0
        elif SALUTATION.match(text) and _CLOSING.search(prev):
            out.append(i)
            body = 0
    return out


def _title_starts(rows: list[tuple[int, str]]) -> dict[int, str]:
    """Row index -> piece title for every row that opens a piece."""
    starts: dict[int, str] = {}
    for i, (_, text) in enumerate(rows):
        m = _ORDINAL_PREFIX.match(text)
        if m and len(text) <= 80 and not _TITLE_STOP.search(m.group("title")):
            starts[i] = m.group("title").strip()
    for i, (_, text) in enumerate(rows[:-1]):
        if _ORDINAL_ONLY.match(text) and looks_like_title(rows[i + 1][1]):
            starts[i] = ""  # the title is the next row
    for i in _repeat_titles(rows):
        starts.setdefault(i, rows[i][1])
    if not starts:
        for i in _speech_starts(rows):
            starts[i] = clean_title(rows[i][1]) if is_genre_title(rows[i][1]) else "\0"
    return starts


def _same_title(a: str, b: str) -> bool:
    strip = re.compile(r"(范文|全文|稿|精选|最新|\W)")
    a2, b2 = strip.sub("", a), strip.sub("", b)
    if not a2 or not b2:
        return False
    return a2 in b2 or b2 in a2 or SequenceMatcher(None, a2, b2).ratio() >= 0.8


def split_pieces(
    rows: list[tuple[int, str]], breaks: set[int], dropped: list[Dropped]
) -> list[Piece]:
    """Cut the kept rows of a page into pieces; page-title debris goes to `dropped`."""
    if not rows:
        return []
    starts = _title_starts(rows)
    pieces: list[Piece] = []
    current = Piece(title=None)
    for i, (no, text) in enumerate(rows):
        if i in starts and starts[i] == "\0":  # a new speech with no title: keep its first row
            pieces.append(current)
            current = Piece(title=None, rows=[(no, text)])
            continue
        if i in starts:
            pieces.append(current)
            current = Piece(title=starts[i] or None, title_line=no)
            if not starts[i]:
                dropped.append(Dropped(no, text, "篇序号"))
                current.title_line = None
            continue
        if current.title is not None and not current.rows and _same_title(current.title, text):
            dropped.append(Dropped(no, text, "重复标题"))
            continue
        current.rows.append((no, text))
        if no in breaks:
            pieces.append(current)
            current = Piece(title=None)
    pieces.append(current)
    out: list[Piece] = []
    multi = bool(starts) or bool(breaks)
    for k, piece in enumerate(pieces):
        if k == 0 or piece.title is None:
            _genre_title(piece, dropped)
        if piece.title is None and piece.rows and looks_like_title(piece.rows[0][1]):
            if len(piece.rows) > 1 or not multi:
                no, text = piece.rows.pop(0)
                piece.title, piece.title_line = text, no
        if piece.title is not None:
            _take_subtitle(piece)
        if not piece.rows:
            if piece.title is not None and k == 0 or piece.title_line is not None and multi:
                dropped.append(Dropped(piece.start_line, piece.title or "", "页面标题"))
            continue
        if k == 0 and multi and starts and _is_debris(piece):
            for no, line in ([(piece.title_line, piece.title)] if piece.title_line else []) + piece.rows:
                dropped.append(Dropped(no, line or "", "页面标题"))
            continue
        out.append(piece)
    return out


def _genre_title(piece: Piece, dropped: list[Dropped]) -> None:
    """A speech title among the first rows wins over page chrome before it ("返回", a site
    name): the chrome rows go to `dropped`, repeats of the title after it too."""
    head = ([(piece.title_line, piece.title)] if piece.title is not None else []) + piece.rows[:5]
    at = next((k for k, (_, t) in enumerate(head) if t and is_genre_title(t)), None)
    if at is None or (head[at][1] or "").startswith(("——", "—", "－－", "--")):
        return  # a "——在…上的讲话" subtitle: `_take_subtitle` joins it to the title
    if any(not looks_like_title(t or "") for _, t in head[:at]):
        return  # speech text before it: the title is elsewhere
    for no, t in head[:at]:
        dropped.append(Dropped(no or 0, t or "", "页面标题"))
    no, title = head[at]
    lead = 1 if piece.title is not None else 0
    piece.rows = piece.rows[at + 1 - lead:]
    piece.title, piece.title_line = clean_title(title or ""), no
    while piece.rows and looks_like_title(piece.rows[0][1]) and _same_title(piece.title, piece.rows[0][1]):
        dropped.append(Dropped(piece.rows[0][0], piece.rows[0][1], "重复标题"))
        piece.rows.pop(0)


def _take_subtitle(piece: Piece) -> None:
    """Join a "——在…上的讲话" subtitle (and a title line just before it) to the title."""
    dash = ("——", "—", "－－", "--")
    rows = piece.rows
    if len(rows) >= 2 and looks_like_title(rows[0][1]) and rows[1][1].startswith(dash):
        piece.title = f"{piece.title} {rows.pop(0)[1]}"
    if rows and rows[0][1].startswith(dash) and looks_like_title(rows[0][1].lstrip("—－- ")):
        piece.title = f"{piece.title}{rows.pop(0)[1]}"


def _is_debris(piece: Piece) -> bool:
    """Text before the first piece title that is only page headings, not a piece."""
    return all(looks_like_title(t) for _, t in piece.rows) and len(piece.rows) <= 3
