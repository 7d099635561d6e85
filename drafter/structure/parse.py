"""Parse one clean Speech into a Skeleton: framing parts and a tree of numbered sections.

Rules (DESIGN.md, numbering): a heading is a numbered item at the start of a paragraph; its
text runs to the first 。/！/？ and the rest of the paragraph is its run-in body. Levels are
relative to the document: the first family is level 1; a new family nests under the open
heading when that heading stands alone (no run-in body) or is a shallower numbered family,
and otherwise starts a new series at the same level. Enumerations inside a paragraph, and
lists introduced by "…：" whose items end in "；", are body patterns, not headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.model import Section, Skeleton, Speech
from drafter.structure.markers import INLINE, RANK, SEQUENCE_LAST, MarkerMatch, match_marker
from drafter.structure.roles import assign_roles
from drafter.structure.segment import heading_end, segment

_END = "。！？!?"
_SALUTATION = re.compile(
    r"^(?:(?:同志们|各位[^，,。：:]{0,20}|尊敬的[^。：:]{0,40}|女士们[、，,]先生们|朋友们|老师们[、，,]同学们"
    r"|[^，,。：:！]{0,10}(?:干部群众|群众朋友们|父老乡亲们?|代表们|同学们))"
    r"(?:[，,、](?:[^，,。：:！]{1,10}们|大家好)){0,3}[：:!！]|志们[：:]$|同志们(?=[今刚这在]))"
)
_TRANSITION = re.compile(
    r"(下面|接下来|借此机会|现在)[，,]?.{0,30}?(讲|谈|提|强调).{0,6}?(几|两|三|四|五|六)(点|个方面|条)"
    r"|(讲|谈|提|强调)(几|两|三|四|五|六)(点|个方面|条)(意见|看法|要求)"
    r"|我再强调|讲几点意见|谈几点"
)
_CLOSING_START = re.compile(
    r"^(同志们[，,!！]|最后[，,]|最后强调|最后[，,]?我|我就讲(这些|到这里)|我的讲话|谢谢|以上就是|总之[，,])"
)
_WRAP_UP = re.compile(r"希望大家|让我们|共同努力|而努力奋斗|而不懈奋斗|贡献力量|奋力谱写|再立新功")
_AGENDA = re.compile(
    r"(会议|大会)?(进行|开始)?第[一二三四五六七八九十]+项|现在(进行|请|开会)|下面[，,]?(请|进行)"
    r"|^请.{1,30}(讲话|发言|致辞)"
)
_INLINE_ENUM = re.compile(r"(?:^|[：:；;，,。])\s*((?:[一二三四五六七八九十]{1,2}(?:是|要))|第[一二三四五六七八九十]{1,2}[，,]|首先|其次)")
# "…下列…：", "…包括…：", "第十条 …：" introduce an enumeration of provisions (laws, rules)
_LEGAL_LEAD = re.compile(r"下列|包括|之一|^第[一二三四五六七八九十百零]+条")
_PLACEHOLDER_TITLE = re.compile(r"[\s\u3000]+")
_BARE_MARKER = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、]|第[一二三四五六七八九十]{1,3}[，,、])$"
)


@dataclass
class _Candidate:
    index: int  # paragraph index
    match: MarkerMatch
    text: str
    runin: str  # body text after the heading, in the same paragraph
    family: str  # may differ from match.family (placeholder takes its series' family)


def first_sentence(paragraph: str) -> str:
    """The paragraph up to and including its first 。！？ (the whole paragraph if none)."""
    for i, ch in enumerate(paragraph):
        if ch in _END:
            return paragraph[: i + 1]
    return paragraph


def _split_heading(rest: str) -> tuple[str, str]:
    """Heading text up to the first 。/！/？ (without it), or where the next sentence starts
    when the heading lost its 。, and the run-in body after it."""
    end, body = heading_end(rest)
    return rest[:end].strip(), rest[body:].strip()


def _same_as_title(paragraph: str, title: str | None) -> bool:
    if not title or any(ch in paragraph for ch in "。，,；"):
        return False
    a = _PLACEHOLDER_TITLE.sub("", paragraph)
    b = _PLACEHOLDER_TITLE.sub("", title)
    if a == b or a.startswith(b) or b.startswith(a):
        return True
    common = len(set(a) & set(b))
    return len(a) <= len(b) + 8 and common >= 0.8 * max(len(set(a)), 1)


def _candidates(paras: list[str], start: int) -> list[_Candidate]:
    found: list[_Candidate] = []
    for i in range(start, len(paras)):
        m = match_marker(paras[i])
        if m is None:
            continue
        text, runin = _split_heading(m.rest)
        found.append(_Candidate(i, m, text, runin, m.family))
    return _filter(found, paras)


def _is_list_run(run: list[_Candidate], paras: list[str]) -> bool:
    """Items of a list introduced by "…：" and ending in "；": an enumeration, not headings."""
    first = run[0].index
    if first == 0 or run[0].match.n != 1:
        return False
    lead = paras[first - 1].rstrip()
    if not lead.endswith(("：", ":")) or match_marker(lead) is not None:
        return False
    if any(c.index != first + k for k, c in enumerate(run)):
        return False
    if _LEGAL_LEAD.search(lead):
        return True
    items = [paras[c.index].rstrip() for c in run]
    semi = sum(1 for s in items[:-1] if s.endswith(("；", ";", "，", ",")))
    return len(items) >= 2 and semi >= max(1, len(items) - 1) // 2 + (len(items) - 1) % 2


def _filter(found: list[_Candidate], paras: list[str]) -> list[_Candidate]:
    seq_starts = sum(1 for c in found if c.family == "sequence" and c.match.n in (1, 2, 3))
    kept: list[_Candidate] = []
    for k, c in enumerate(found):
        fam = c.family
        if fam == "sequence":
            if seq_starts < 2:
                continue
            if c.match.n == SEQUENCE_LAST and not (kept and kept[-1].family == "sequence"):
                continue
        if fam == "placeholder":
            prev = kept[-1] if kept else None
            nxt = found[k + 1] if k + 1 < len(found) else None
            if not (prev and nxt and prev.family == nxt.family and nxt.match.n - prev.match.n == 2):
                continue
            c.family = prev.family
        kept.append(c)
    # drop "…：" lists of "；" items (laws, plans): runs of one family with consecutive paragraphs
    out: list[_Candidate] = []
    k = 0
    while k < len(kept):
        j = k + 1
        while (
            j < len(kept)
            and kept[j].family == kept[k].family
            and kept[j].index == kept[j - 1].index + 1
            and kept[j].match.n == kept[j - 1].match.n + 1
        ):
            j += 1
        run = kept[k:j]
        if not _is_list_run(run, paras):
            out.extend(run)
        k = j
    return out


def _standalone(c: _Candidate) -> bool:
    return not c.runin


def _assign_levels(cands: list[_Candidate]) -> list[int]:
    """Level of each heading, relative to the document (see module docstring)."""
    stack: list[tuple[str, int, bool]] = []  # (family, level, standalone)
    levels: list[int] = []
    for c in cands:
        fam = c.family
        pos = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == fam), None)
        if pos is not None:
            level = stack[pos][1]
            del stack[pos:]
        elif not stack:
            level = 1
        else:
            top_fam, top_level, top_alone = stack[-1]
            new_inline, top_inline = fam in INLINE, top_fam in INLINE
            if top_alone and not (fam == "cn_dun" and top_inline):
                level = top_level + 1
            elif not new_inline and not top_inline:
                level = top_level + 1 if RANK[fam] > RANK[top_fam] else top_level
            elif new_inline and not top_inline:
                level = top_level + 1
            elif new_inline and top_inline:
                level = top_level  # a new inline series after a run-in point: same level
            else:  # numbered family after a run-in inline point: under the nearest shallower one
                parent = next(
                    (s for s in reversed(stack) if s[0] in RANK and RANK[s[0]] < RANK[fam]), None
                )
                level = parent[1] + 1 if parent else top_level
            while stack and stack[-1][1] >= level:
                stack.pop()
        stack.append((fam, level, _standalone(c)))
        levels.append(level)
    return levels


def _body_patterns(paragraph: str) -> list[str]:
    """Inline enumerations (…：一是…；二是…) in a body paragraph, as "一是…二是…"."""
    hits = [m.group(1).rstrip("，,") for m in _INLINE_ENUM.finditer(paragraph)]
    return ["…".join(hits)] if len(hits) >= 2 else []


def _closing_start(paras: list[str], after: int, heading_idx: set[int], n_body_last: int) -> int | None:
    for i in range(after + 1, len(paras)):
        if i not in heading_idx and _CLOSING_START.match(paras[i]):
            return i
    last = len(paras) - 1
    if last > after + 1 and last not in heading_idx and n_body_last >= 2 and _WRAP_UP.search(paras[last]):
        return last
    return None


def _join_bare_markers(paras: list[str]) -> list[str]:
    """A marker alone on its line ("一、" then the point on the next line) joins that line."""
    out: list[str] = []
    k = 0
    while k < len(paras):
        p = paras[k]
        if _BARE_MARKER.match(p) and k + 1 < len(paras) and match_marker(paras[k + 1]) is None:
            out.append(p + paras[k + 1])
            k += 2
            continue
        out.append(p)
        k += 1
    return out


def parse_skeleton(speech: Speech) -> Skeleton:
    """The skeleton of one clean speech (pure: no files, no store)."""
    paras = segment(_join_bare_markers([p.strip() for p in speech.paragraphs if p and p.strip()]))
    skel = Skeleton(title=speech.title, kind=speech.kind, genre=speech.genre)
    i = 0
    while i < len(paras) and i < 3 and _same_as_title(paras[i], speech.title):
        i += 1
    if i < len(paras):
        m = _SALUTATION.match(paras[i])
        if m and (len(paras[i]) <= 60 or not m.group(0).endswith(("!", "！"))):
            skel.salutation = m.group(0)
            rest = paras[i][m.end():].strip()
            if rest:
                paras[i] = rest
            else:
                i += 1
    cands = _candidates(paras, i)
    first_heading = cands[0].index if cands else len(paras)
    heading_idx = {c.index for c in cands}

    skel.opening_paragraphs = paras[i:first_heading]
    for p in skel.opening_paragraphs:
        if _AGENDA.search(p) and len(p) <= 80:
            skel.agenda.append(p)
    if skel.opening_paragraphs:
        skel.opening = first_sentence(skel.opening_paragraphs[0])
        for p in skel.opening_paragraphs:
            m = _TRANSITION.search(p)
            if m:
                start = max(p.rfind(ch, 0, m.start()) for ch in "。！？；") + 1
                skel.transition = first_sentence(p[start:])
                break

    levels = _assign_levels(cands)
    last_idx = cands[-1].index if cands else len(paras) - 1
    n_body_last = 0
    if cands:
        n_body_last = sum(1 for j in range(last_idx + 1, len(paras)) if j not in heading_idx)
        n_body_last += 1 if cands[-1].runin else 0
    close_at = _closing_start(paras, last_idx, heading_idx, n_body_last) if cands else None
    end = close_at if close_at is not None else len(paras)
    if close_at is not None:
        skel.closing_paragraphs = paras[close_at:]
        skel.closing = "\n".join(skel.closing_paragraphs)  # the whole closing, every sentence

    stack: list[Section] = []
    by_index = {c.index: (c, lv) for c, lv in zip(cands, levels)}
    for j in range(first_heading, end):
        para = paras[j]
        if j in by_index:
            c, lv = by_index[j]
            sec = Section(level=lv, marker=c.match.marker, family=c.family, text=c.text)
            if c.runin:
                sec.body.append(c.runin)
                skel.body_patterns.extend(_body_patterns(c.runin))
            while stack and stack[-1].level >= lv:
                stack.pop()
            (stack[-1].children if stack else skel.sections).append(sec)
            stack.append(sec)
        else:
            if stack:
                stack[-1].body.append(para)
            if _AGENDA.search(para) and len(para) <= 80:
                skel.agenda.append(para)
            skel.body_patterns.extend(_body_patterns(para))
    for p in skel.opening_paragraphs:
        skel.body_patterns.extend(_body_patterns(p))
    assign_roles(skel.sections)
    return skel
