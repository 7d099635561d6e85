"""Redraw one section of an outline and splice it in, leaving every other body byte alone.

The section is found by its position in the file as it is now (the user may have inserted or
deleted points). Which template section it was generated from is decided by its fingerprint:
an untouched section matches the fingerprint recorded for some template path, usually its own.
An edited or added section is drawn from the template section at its place (its parent's
model, same position, else the last sibling), and recorded under a key of its own ("3+1")
when that template section still stands elsewhere in the file. Only the section itself is
drawn (render's `only`), so the rest of the template costs nothing and uses up no lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from drafter.errors import OutlineError, WriteRefused
from drafter.outline.model import (
    Outline,
    SectionSpan,
    find_span,
    fingerprint,
    headings,
    normalize_path,
    path_key,
    section_tree,
    walk,
)

# Renders the whole body for the outline's template, variables and seed, given section seeds
# and (optionally) the lines already in the document, which the new text must not repeat.
Renderer = Callable[..., str]
_SENTENCE = re.compile(r"[^。！？]+[。！？]")


@dataclass
class RegenResult:
    """What regen did: the new outline, the section it replaced and where it came from."""

    outline: Outline
    path: str  # the section's path in the file as it is now
    origin: str  # the template path it was redrawn from
    seed: int
    edited: bool  # the user had changed the section (only possible with force)
    old_text: str  # the section's lines before the change


def random_seed() -> int:
    """A fresh seed, small enough to type back on the command line."""
    import secrets  # only when no seed is given: most runs (and every test) give one

    return secrets.randbelow(1_000_000)


def closing_lines(body: str, alternative: str) -> int:
    """How many non-blank lines at the end of `body` are the closing.

    `alternative` is the same outline rendered with the last top-level section redrawn; the
    lines both end with, after the last heading, do not belong to that section.
    """
    a, b = body.split("\n"), alternative.split("\n")
    last = max((h.index for h in headings(a)), default=len(a))
    last_b = max((h.index for h in headings(b)), default=len(b))
    a_tail = [x for x in a[last + 1:] if x.strip()]
    b_tail = [x for x in b[last_b + 1:] if x.strip()]
    n = 0
    while n < min(len(a_tail), len(b_tail)) and a_tail[-1 - n] == b_tail[-1 - n]:
        n += 1
    return n


def last_top_path(body: str) -> str | None:
    """Path of the last level-1 section of a body ("3"), or None without sections."""
    spans = section_tree(body)
    return spans[-1].path if spans else None


NOWHERE = "0.0"
FALLBACK_MARK = "〔待写"  # what a slot writes when it found no line (drafter.phrases.facts)
FALLBACK_TRIES = 3  # a focus no section has: a render that only lays out the template's shape


def locate_origin(outline: Outline, span: SectionSpan, current_fp: str) -> str | None:
    """The recorded key whose fingerprint the section still has, or None if edited."""
    if outline.fingerprints.get(span.path) == current_fp:
        return span.path
    depth = span.path.count(".")
    for path, fp in outline.fingerprints.items():
        if fp == current_fp and path.count(".") == depth:
            return path
    return None


def identify(outline: Outline, spans: list[SectionSpan], lines: list[str]) -> dict[str, str | None]:
    """Current path -> the recorded key of every untouched section (None: edited or added).

    A key is a template path ("2.1"), or "2+1" for a point the writer added and had drawn
    after the template's point 2. No key names two sections.
    """
    out: dict[str, str | None] = {}
    taken: set[str] = set()
    for s in walk(spans):
        key = locate_origin(outline, s, fingerprint(lines, s))
        if key in taken:
            key = None
        if key is not None:
            taken.add(key)
        out[s.path] = key
    return out


def _base(key: str) -> str:
    """The template path a record key was drawn from: "2+1.3" -> "2.3"."""
    return re.sub(r"\+\d+", "", key)


def _parent(path: str) -> str:
    return path.rsplit(".", 1)[0] if "." in path else ""


class _Models:
    """Which template section each current section is drawn from (see `model`)."""

    def __init__(self, spans: list[SectionSpan], ident: dict[str, str | None],
                 shape: list[str]) -> None:
        self.ident = ident
        self.by_path = {s.path: s for s in walk(spans)}
        self.shape = sorted(set(shape), key=path_key)
        self.children: dict[str, list[str]] = {p: [] for p in ["", *self.shape]}
        for p in self.shape:
            self.children.setdefault(_parent(p), []).append(p)

    def model(self, path: str) -> str | None:
        """An untouched section's own template path; an edited or added one's by its place:
        the template child of its parent's model at the same position (the last one when
        there are more points now), else a template point of the same depth."""
        key = self.ident.get(path)
        if key is not None and _base(key) in self.shape:
            return _base(key)
        span = self.by_path[path]
        parent = self._parent_model(_parent(path))
        pos = int(path.rsplit(".", 1)[-1])
        options = self.children.get(parent, []) if parent is not None else []
        if options:
            return options[min(pos, len(options)) - 1]
        depth = span.path.count(".")
        same = [p for p in self.shape if p.count(".") == depth and not self.children[p]]
        same = same or [p for p in self.shape if p.count(".") == depth]
        if same:
            return same[min(pos, len(same)) - 1]
        leaves = [p for p in self.shape if not self.children[p]]
        return max(leaves, key=lambda p: p.count("."), default=None)

    def _parent_model(self, path: str) -> str | None:
        if path == "":
            return ""
        key = self.ident.get(path)
        if key is not None and _base(key) in self.shape:
            return _base(key)
        # an edited parent is known by its untouched children (2.1, 2.2 under it: it is 2)
        kids = [self.ident.get(c.path) for c in self.by_path[path].children]
        parents = [_parent(_base(k)) for k in kids if k is not None and _parent(_base(k))]
        if parents:
            best = max(set(parents), key=parents.count)
            if best in self.shape:
                return best
        return self.model(path)


def _shape(outline: Outline, render: Renderer) -> list[str]:
    """The template's section paths: those recorded at generation, else a text-less render."""
    recorded = [p for p in outline.fingerprints if "+" not in p and path_key(p) != (10**6,)]
    if recorded:
        return recorded
    laid_out = section_tree(render(outline.section_seeds, only=NOWHERE), outline.closing)
    return [s.path for s in walk(laid_out)]


def regen_section(
    outline: Outline,
    section: str,
    render: Renderer,
    *,
    seed: int | None = None,
    force: bool = False,
    source: str | None = None,
) -> RegenResult:
    """Redraw `section` ("2", "2.1", "二") of `outline` with `render`; see module docstring."""
    path = normalize_path(section, source)
    lines = outline.body.split("\n")
    spans = section_tree(outline.body, outline.closing)
    span = find_span(spans, path)
    if span is None:
        have = "、".join(s.path for s in walk(spans)) or "无"
        raise OutlineError(f"提纲中没有第 {path} 部分（现有：{have}）", source)
    ident = identify(outline, spans, lines)
    key = ident[path]
    edited = key is None
    if edited and not force:
        raise WriteRefused(
            f"第 {path} 部分在生成后被修改过，重新生成会丢掉这些修改；"
            "确认要重新生成请加 --force（原文件会先备份）",
            source, outline.front_lines + span.start + 1)
    new_seed = random_seed() if seed is None else seed
    models = _Models(spans, ident, _shape(outline, render))
    origin = models.model(path)
    if origin is None:
        raise OutlineError(f"模板“{outline.template}”中没有要点，无法重新生成第 {path} 部分",
                           source)
    if key is None:
        # an edited point takes its model's key, unless another point still holds it
        taken = {k for k in ident.values() if k is not None}
        key = origin
        n = 1
        while key in taken:
            key, n = f"{origin}+{n}", n + 1

    def outside(p: str, root: str) -> bool:
        return p != root and not p.startswith(root + ".")

    around = _written(lines[:span.start] + lines[span.end:])
    beside = _placed(spans, span, models, origin)
    # the part's own text is what the writer asked to have redrawn: a new draw says something
    # else while the pools allow, and only when every such draw leaves a gap may it say it again
    before = [line for line in _written(lines[span.start:span.end]) if line not in around]
    requested = new_seed
    best: tuple[int, int, list[str], SectionSpan] | None = None
    for attempt in range(2 * FALLBACK_TRIES):
        # a draw that left a 〔待写：…〕 (the document already holds what its pools had) is
        # drawn again with the next seed; the seed recorded is the one whose text is kept
        n = attempt % FALLBACK_TRIES
        trial = requested if n == 0 else (requested + n * 7919) % 1_000_000
        draw_seeds = {p: s for p, s in outline.section_seeds.items() if outside(p, origin)}
        draw_seeds[origin] = trial
        avoid = around + before if attempt < FALLBACK_TRIES else around
        fresh = render(draw_seeds, avoid=avoid, only=origin, placed=beside).split("\n")
        drawn = find_span(section_tree("\n".join(fresh), outline.closing), origin)
        if drawn is None:
            raise OutlineError(f"模板“{outline.template}”中没有第 {origin} 部分，无法重新生成",
                               source)
        gaps = sum(line.count(FALLBACK_MARK) for line in fresh[drawn.start:drawn.end])
        if best is None or gaps < best[0]:
            best = (gaps, trial, fresh, drawn)
        if gaps == 0:
            break
    assert best is not None
    _gaps, new_seed, fresh, new_span = best

    new_lines = _fit(fresh[new_span.start:new_span.end], new_span, span)
    old_text = "\n".join(lines[span.start:span.end])
    body = "\n".join(lines[:span.start] + new_lines + lines[span.end:])

    seeds = {p: s for p, s in outline.section_seeds.items() if outside(p, key)}
    seeds[key] = new_seed
    prints = {p: f for p, f in outline.fingerprints.items() if outside(p, key)}
    out_lines = body.split("\n")
    placed = find_span(section_tree(body, outline.closing), path)
    assert placed is not None  # the section was replaced where it stood
    for drawn, now in zip(walk([new_span]), walk([placed])):
        prints[key + drawn.path[len(origin):]] = fingerprint(out_lines, now)
    # the points around it changed only by the redrawn text: an untouched one stays untouched
    up = _parent(path)
    while up:
        if ident.get(up) is not None:
            prints[str(ident[up])] = fingerprint(out_lines, find_span(section_tree(
                body, outline.closing), up))  # type: ignore[arg-type]
        up = _parent(up)
    updated = replace(outline, body=body, section_seeds=seeds, fingerprints=prints)
    return RegenResult(updated, path, origin, new_seed, edited, old_text)


def _placed(spans: list[SectionSpan], span: SectionSpan, models: _Models, origin: str) -> dict[str, str]:
    """The document's headings outside the part redrawn, by the template path each is drawn
    from. A path two headings share goes to the part's own ancestors first, then to the untouched
    points, then in order; the heading that loses it (a point the writer added) and everything
    under it are kept under a key no template path starts with ("+3"), never under the part's."""
    inside = {s.path for s in walk([span])}
    ancestors = {span.path.rsplit(".", k)[0] for k in range(1, span.path.count(".") + 1)}
    around = [s for s in walk(spans) if s.path not in inside]

    def rank(s: SectionSpan) -> tuple[int, tuple[int, ...]]:
        first = 0 if s.path in ancestors else 1 if models.ident.get(s.path) is not None else 2
        return first, path_key(s.path)

    keys: dict[str, str] = {}
    for s in sorted(around, key=rank):
        model = models.model(s.path)
        if model is None:
            continue
        taken = model in keys.values() or model == origin or model.startswith(origin + ".")
        keys[s.path] = f"+{s.path}" if taken else model
    out: dict[str, str] = {}
    for s in around:  # in document order: under a displaced point, displaced too
        key = keys.get(s.path)
        parent = s.path.rsplit(".", 1)[0] if "." in s.path else ""
        if key is not None and parent and keys.get(parent, "").startswith("+"):
            key = keys[s.path] = f"+{s.path}"
        text = s.heading.text.strip()
        if key is not None and text:
            out[key] = text
    return out


def _written(lines: list[str]) -> list[str]:
    """Headings (without # or marker) and sentences of the document around a section."""
    from drafter.outline._markers import split_marker

    out: list[str] = []
    for line in lines:
        text = line.strip()
        if text.startswith("#"):
            out.append(split_marker(text.lstrip("#").strip())[2])
        elif text:
            out += _SENTENCE.findall(text)
    return out


def _fit(new_lines: list[str], new_span: SectionSpan, current: SectionSpan) -> list[str]:
    """Give the redrawn section the current heading's marker and level.

    The template numbers the section by its template position; in the file it may sit
    elsewhere now, and the user's numbering of the point itself is kept.
    """
    out = list(new_lines)
    shift = current.level - new_span.level
    if shift:
        for h in headings(out):
            out[h.index] = "#" * max(2, len(h.hashes) + shift) + out[h.index][len(h.hashes):]
    first = headings(out)[0]
    hashes = "#" * (current.level + 1)
    if current.heading.marker is not None:
        out[first.index] = f"{hashes} {current.heading.marker.text}{current.heading.sep}{first.text}"
    elif first.marker is not None:
        # a point the writer wrote without a number: the template's family, numbered by place
        from drafter.outline._markers import format_marker

        marker = format_marker(first.marker.family, int(current.path.rsplit(".", 1)[-1]))
        out[first.index] = f"{hashes} {marker}{first.sep}{first.text}"
    return out
