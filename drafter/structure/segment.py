"""Cut run-on text into paragraphs before parsing: pages that lost their line breaks carry a
whole speech, or a heading glued to the paragraphs around it, on one line.

A numbered point (一、 （一） 1. 第一， 第一个方面： 其一，) starts inside a paragraph when it
follows a sentence end, a blank, or a "…讲三点意见：" cue, and fits the document's numbering
(its number follows the one before, or a cue or a parent heading announces a new series).
Lists inside a sentence (…：一是…；二是…) never start a point. Where a heading was glued to
its body without a 。, `heading_end` finds where the next sentence starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.structure.markers import MarkerMatch, match_marker

# Families that may start a point in the middle of a run-on paragraph.
POINT_FAMILIES = frozenset({"cn_dun", "cn_paren", "arabic_dot", "arabic_paren", "di", "di_item", "qiyi"})
# Inline series that count as points only right after their heading, in run-on text.
SERIES_FAMILIES = frozenset({"yishi", "yiyao"})
_SUB_FAMILIES = SERIES_FAMILIES | {"cn_paren", "arabic_dot", "arabic_paren", "di", "di_item"}

_END = "。！？!?"
_MARKER_FIRST = set("一二三四五六七八九十（(第其0123456789⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑")
# "下面，我讲三点意见：", "从四个方面作表态发言", "强调几点": a series of points follows.
CUE = re.compile(
    r"(讲|谈|提|强调|作|说|汇报|表态|重申|明确)[^。！？]{0,12}?([几两三四五六七八九十\d]+)"
    r"(点|个方面|方面|条|句话|个问题|项)|以下|如下[：:]|几点(意见|要求|看法|体会)|表态发言|目录|提纲"
    r"|(讲|谈|提|强调|重申)[^。！？]{0,10}?(意见|要求|看法|体会)[：:]$"
)
_SALUTATION = re.compile(
    r"(?:各位领导、同志们|同志们|各位同志|尊敬的[^：:。！]{1,40}|各位[^，,。：:！]{1,20}|女士们、先生们|朋友们)[：:]"
)
# Words that open a sentence and never sit inside a heading: where a heading lost its 。,
# the first of these marks the start of the body.
_OPENER = re.compile(
    r"近几?年来|近年以来|(?:今|去|明)年以来|年初以来|入[汛冬夏]以来|多年来|长期以来|一直以来|一年来"
    r"|过去的一年|习近平|总书记|党的十[一二三四五六七八九]|党中央[、，]|据统计|据了解|众所周知"
    r"|实践证明|事实证明|\d{1,2}月[\dxX×]{0,2}日?[，,]|(?:当前|目前|今天|刚才|同时|近期|(?:今|去|前)年)[，,]"
    r"|从\S{2,12}看来?[，,]|在\S{2,14}(?:领导|指导|关心|支持)下[，,]|据(?:不完全|初步)?统计|截至|到20\d\d年(?:底|末)?[，,]"
    r"|总的来看|总体来看"
)
# A closing glued to the last point's body: "…值班值守。同志们，让我们…".
_CLOSING_CUT = re.compile(r"(?<=[。！？!?])(?=同志们[，,！!]|最后[，,]我|我就讲(?:这些|到这里))")
_VERB = re.compile(r"是|作为|事关|关系到")
_MAX_HEADING = 50


@dataclass(frozen=True)
class _Start:
    para: int
    pos: int
    match: MarkerMatch
    glued: bool = False  # no sentence end or blank before it


def _spaces_break(paragraph: str) -> bool:
    """True when blanks in this paragraph separate paragraphs (not a wrapped line's junk)."""
    spaces = [m.start() for m in re.finditer(r"\s", paragraph)]
    if not spaces:
        return False
    after_end = sum(1 for k in spaces if k and paragraph[k - 1] in "。！？：:；;”")
    return 2 * after_end >= len(spaces)


def heading_end(rest: str, runon: bool = False, spaces: bool = False) -> tuple[int, int]:
    """(end of the heading text, start of its body) in `rest`, the text after a marker.

    The heading runs to the first 。/！/？; where none closes it soon, it ends at a blank (when
    blanks break paragraphs), at a sub-point glued to it (…统一思想一要…), or where a sentence
    opener (近年来，习近平…) or a subject taken up from the heading (…思想认识|思想是…) begins.
    """
    stop = next((i for i, ch in enumerate(rest) if ch in _END), len(rest))
    body = stop + 1 if stop < len(rest) else stop
    cut = stop
    if spaces:
        m = re.search(r"\s+(?=\S)", rest[:stop])
        if m and m.start() >= 4:
            cut, body = m.start(), m.end()
    if runon:
        for k in range(4, min(cut, 60)):
            if rest[k] in _MARKER_FIRST and rest[k - 1] not in "，、；：,;:“（(":
                sub = match_marker(rest[k:])
                if sub is not None and sub.family in _SUB_FAMILIES and sub.n == 1:
                    return k, k
    region = rest[:cut]
    if not spaces and len(region) > 40:
        m = re.search(r"\s+(?=[\u4e00-\u9fff“])", region)
        if m and m.start() >= 8:
            cut, body = m.start(), m.end()
            region = rest[:cut]
    if runon or len(region) > 20:
        m = _OPENER.search(region, 4)
        while m is not None and region[m.start() - 1] in "，、；：,;:":
            m = _OPENER.search(region, m.start() + 1)
        if m is not None:
            return m.start(), m.start()
    for v in _VERB.finditer(region, 6):
        for s in range(max(4, v.start() - 4), v.start() - 1):
            if region[s : s + 2] in region[:s] and region[s - 1] not in "，、；：,;:":
                return s, s
    if runon and len(region) > 24:
        verb = _VERB.search(region, 8)
        if verb is not None and region[verb.start() - 1] not in "，、；：,;:“":
            return verb.start(), verb.start()
    if len(region) > 60 and cut == stop and runon:
        commas = [i for i, ch in enumerate(region[:_MAX_HEADING]) if ch in "，,；;"]
        if commas and commas[-1] >= 20:
            return commas[-1], commas[-1] + 1
    return cut, body


def _point_starts(paras: list[str]) -> list[_Start]:
    """Numbered points that begin inside a paragraph and fit the document's numbering."""
    found: list[_Start] = []
    for i, p in enumerate(paras):
        if len(p) < 12:
            m = match_marker(p)
            if m is not None:
                found.append(_Start(i, 0, m))
            continue
        for k, ch in enumerate(p):
            if ch not in _MARKER_FIRST:
                continue
            before = p[k - 1] if k else ""
            glued = bool(k) and not (before in _END or before.isspace() or before in "：:")
            m = match_marker(p[k:])
            if m is None or (k and m.family not in POINT_FAMILIES) or (glued and m.n < 2):
                continue
            if before and before in "：:" and not CUE.search(p[max(0, k - 60) : k]):
                continue  # a list inside a sentence
            found.append(_Start(i, k, m, glued))
    kept: list[_Start] = []
    last: dict[str, int] = {}
    for j, s in enumerate(found):
        fam, n = s.match.family, s.match.n
        if s.pos == 0:
            last[fam] = n
            kept.append(s)
            continue
        p = paras[s.para]
        if s.glued:  # short headings run together (一、认清形势二、突出重点…): the next number, close by
            prev = kept[-1] if kept else None
            ok = (prev is not None and prev.para == s.para and prev.match.family == fam
                  and prev.match.n == n - 1 and s.pos - prev.pos <= 40
                  and not any(ch in _END for ch in p[prev.pos : s.pos]))
            if ok:
                last[fam] = n
                kept.append(s)
            continue
        ok = last.get(fam) == n - 1 if n > 1 else (
            fam == "cn_dun" and p[s.pos - 1] not in "：:"
            or bool(CUE.search(p[max(0, s.pos - 80) : s.pos]))
            or any(o.match.family == fam and o.match.n == 2 for o in found[j + 1 :])
            or bool(kept) and kept[-1].match.family != fam
        )
        if ok:
            last[fam] = n
            kept.append(s)
    return [s for s in kept if s.pos > 0]


def _split_point(piece: str, spaces: bool) -> list[str]:
    """A point cut out of run-on text: its heading, then its body; an inline series that
    directly follows the heading (…。一是…。二是…) becomes points of their own."""
    m = match_marker(piece)
    if m is None:
        return [piece]
    head_len = len(piece) - len(piece.lstrip()) + len(m.marker)
    rest = piece[head_len:].lstrip()
    end, body_at = heading_end(rest, runon=True, spaces=spaces)
    out = [piece[: len(piece) - len(rest)] + rest[:end].rstrip()]
    body = rest[body_at:].strip()
    if not body:
        return out
    sub = match_marker(body)
    if sub is not None and sub.family in SERIES_FAMILIES and sub.n == 1:
        cuts = [0]
        n = 1
        for k in range(1, len(body)):
            if body[k - 1] in _END:
                nxt = match_marker(body[k:])
                if nxt is not None and nxt.family == sub.family and nxt.n == n + 1:
                    cuts.append(k)
                    n += 1
        for a, b in zip(cuts, cuts[1:] + [len(body)]):
            out.extend(_split_point(body[a:b], spaces))
        return out
    out.extend(x for x in _CLOSING_CUT.split(body) if x)
    return out


def _split_salutation(p: str) -> list[str]:
    """A salutation on a run-on line comes apart from the title before it and the text after
    it ("…上的讲话同志们：今天…")."""
    m = _SALUTATION.search(p, 0, 120)
    if m is None or any(ch in p[: m.start()] for ch in "。！？"):
        return [p]
    parts = [p[: m.start()].strip(), m.group(0), p[m.end() :].strip()]
    return [x for x in parts if x]


def segment(paras: list[str]) -> list[str]:
    """Paragraphs with run-on text cut at its points (unchanged when nothing is run-on).

    Cutting is repeated until nothing changes: a sub-point found glued to its heading
    ("…火灾隐患（一）抓好…") starts a series whose next items can then be found."""
    for _ in range(4):
        out = _segment_once(paras)
        if out == paras:
            break
        paras = out
    return paras


def _segment_once(paras: list[str]) -> list[str]:
    for k in range(min(3, len(paras))):
        if len(paras[k]) > 60:
            parts = _split_salutation(paras[k])
            if len(parts) > 1:
                paras = paras[:k] + parts + paras[k + 1 :]
                break
    starts = _point_starts(paras)
    if not starts:
        return paras
    by_para: dict[int, list[int]] = {}
    for s in starts:
        by_para.setdefault(s.para, []).append(s.pos)
    out: list[str] = []
    for i, p in enumerate(paras):
        cuts = by_para.get(i)
        if not cuts:
            out.append(p)
            continue
        spaces = _spaces_break(p)
        bounds = [0] + cuts + [len(p)]
        for a, b in zip(bounds, bounds[1:]):
            piece = p[a:b].strip()
            if not piece:
                continue
            if a == 0 and match_marker(piece) is None:
                out.append(piece)
            else:
                out.extend(_split_point(piece, spaces))
    return out
