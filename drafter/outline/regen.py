"""Redraw one section of an outline and splice it in, leaving every other body byte alone.

The section is found by its position in the file as it is now (the user may have inserted or
deleted points). Which template section it was generated from is decided by its fingerprint:
an untouched section matches the fingerprint recorded for some template path, usually its own.
"""

from __future__ import annotations

import re
import secrets
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


def locate_origin(outline: Outline, span: SectionSpan, current_fp: str) -> str | None:
    """The template path whose recorded fingerprint the section still has, or None if edited."""
    if outline.fingerprints.get(span.path) == current_fp:
        return span.path
    depth = span.path.count(".")
    for path, fp in outline.fingerprints.items():
        if fp == current_fp and path.count(".") == depth:
            return path
    return None


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
    origin = locate_origin(outline, span, fingerprint(lines, span))
    edited = origin is None
    if edited and not force:
        raise WriteRefused(
            f"第 {path} 部分在生成后被修改过，重新生成会丢掉这些修改；"
            "确认要重新生成请加 --force（原文件会先备份）",
            source, outline.front_lines + span.start + 1)
    origin = origin or path
    new_seed = random_seed() if seed is None else seed

    seeds = {p: s for p, s in outline.section_seeds.items()
             if p != origin and not p.startswith(origin + ".")}
    seeds[origin] = new_seed
    around = lines[:span.start] + lines[span.end:]
    fresh = render(seeds, avoid=_written(around)).split("\n")
    fresh_spans = section_tree("\n".join(fresh), outline.closing)
    new_span = find_span(fresh_spans, origin)
    if new_span is None:
        raise OutlineError(f"模板“{outline.template}”中没有第 {origin} 部分，无法重新生成", source)

    new_lines = _fit(fresh[new_span.start:new_span.end], new_span, span)
    old_text = "\n".join(lines[span.start:span.end])
    body = "\n".join(lines[:span.start] + new_lines + lines[span.end:])

    prints = {p: f for p, f in outline.fingerprints.items()
              if p != origin and not p.startswith(origin + ".")}
    for s in walk([new_span]):
        prints[s.path] = fingerprint(fresh, s)
    updated = replace(outline, body=body, section_seeds=seeds, fingerprints=prints)
    return RegenResult(updated, path, origin, new_seed, edited, old_text)


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
    if current.heading.marker is not None:
        first = headings(out)[0]
        hashes = "#" * (current.level + 1)
        out[first.index] = f"{hashes} {current.heading.marker.text}{current.heading.sep}{first.text}"
    return out
