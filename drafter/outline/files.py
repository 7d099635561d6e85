"""regen, fmt and check on an outline file: read it, change or inspect it, write it back.

What `drafter regen|fmt|check FILE` do, as library calls: every write is atomic, a forced
change keeps a backup, and line numbers are the file's (front matter counted).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from drafter.outline.check import Problem
    from drafter.outline.fmt import Change
    from drafter.outline.new import LongWork
    from drafter.outline.regen import RegenResult


@dataclass(frozen=True)
class RegenFile:
    """What regen_file did: regen's result, and the backup of an edited section's file."""

    result: RegenResult
    backup: Path | None


def regen_file(file: str | Path, section: str, *, seed: int | None = None,
               force: bool = False, long_work: LongWork | None = None) -> RegenFile:
    """Redraw one section of an outline file in place (see regen_section); the references
    its front matter records are read again. An edited section needs `force` and is backed up."""
    from drafter.outline.generate import renderer_for
    from drafter.outline.io import read_text, write_atomic, write_backup
    from drafter.outline.model import parse_outline
    from drafter.outline.new import prepare_models
    from drafter.outline.regen import regen_section
    from drafter.templates import get_template

    original = read_text(file)
    outline = parse_outline(original, str(file))
    template = get_template(outline.template)
    prepare_models(long_work)
    refs: list[Any] = []
    if outline.extra.get("references"):
        from drafter.topics.refs import recorded_references

        refs = recorded_references(outline.extra.get("references"), Path(file).parent)
    render = renderer_for(template, outline.variables, outline.seed, refs)
    result = regen_section(outline, section, render, seed=seed, force=force, source=str(file))
    backup = write_backup(file, original) if result.edited else None
    write_atomic(file, result.outline.to_text(), force=True)
    return RegenFile(result, backup)


def renumber_file(file: str | Path) -> list[Change]:
    """Renumber an outline file's headings in place (see renumber); the changed headings,
    with file line numbers. Nothing is written when nothing changes."""
    from drafter.outline.fmt import renumber
    from drafter.outline.io import read_document, write_atomic

    outline, head, body = read_document(file)
    new_body, changes = renumber(body)
    if not changes:
        return []
    newline = outline.newline if outline is not None else _newline_of(Path(file))
    write_atomic(file, head + new_body.replace("\n", newline), force=True)
    offset = outline.front_lines if outline is not None else 0
    return [replace(change, line=change.line + offset) for change in changes]


@dataclass(frozen=True)
class SourceLine:
    """One sentence of `check --sources`: its file line, its overlap with the corpus
    (drafter.phrases Overlap) and the reference lines ("file:line") it comes from."""

    line: int
    overlap: Any
    references: list[str]


@dataclass(frozen=True)
class CheckReport:
    """What check_file found: problems in file order, and the per-sentence sources when asked."""

    problems: list[Problem]
    sources: list[SourceLine] | None = None


def check_file(file: str | Path, *, sources: bool = False) -> CheckReport:
    """Every problem of an outline file (structure, numbering, placeholders, variables); with
    `sources`, each sentence's overlap with the corpus and its reference, and a problem per
    sentence over the overlap limit."""
    from drafter.outline.check import Problem, check_body, check_variables, source_report
    from drafter.outline.io import read_document

    outline, head, body = read_document(file)
    offset = outline.front_lines if outline is not None else 0
    problems = check_body(body, offset=offset, closing=outline.closing if outline else 0)
    if outline is not None:
        problems = sorted(check_variables(outline.variables, head) + problems)
    if not sources:
        return CheckReport(problems)
    from drafter.topics.refs import recorded_references, trace

    refs = recorded_references(outline.extra.get("references"), Path(file).parent) if outline else []
    lines = []
    for line, o in source_report(body, offset):
        lines.append(SourceLine(line, o, trace(o.sentence, refs)))
        if o.over_limit:
            problems.append(Problem(line, "与语料重合过多",
                                    f"{o.ratio:.0%} 与《{o.source}》相同：{o.sentence}"))
    return CheckReport(sorted(problems), lines)


def _newline_of(file: Path) -> str:
    return "\r\n" if b"\r\n" in file.read_bytes() else "\n"


__all__ = ["CheckReport", "RegenFile", "SourceLine", "check_file", "regen_file", "renumber_file"]
