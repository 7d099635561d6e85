"""Reference documents for one speech (``drafter new --ref``): the tasks they set, as phrases.

A reference is the superior's notice, a work plan, a meeting notice or a report (.txt, .docx).
Its numbered headings and the lead sentences of its paragraphs state its tasks; each clause of
them becomes a phrase of trust "ref" that remembers its file and line, so ``drafter check
--sources`` can name the reference of every line drawn from it. Figures, dates and names stay
only inside the clause that states them: nothing is invented around them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from drafter.errors import InputError
from drafter.text import CLAUSE_SPLIT, SENTENCE_SPLIT
from drafter.topics.harvest import content_terms, is_phrase
from drafter.topics.material import Phrase

MAX_REF_CHARS = 20


@dataclass(frozen=True)
class Reference:
    """One reference file: where it is, its hash (recorded in the outline), its lines."""

    path: str
    sha256: str
    lines: tuple[str, ...]


def read_reference(path: str | Path) -> Reference:
    """Read a .txt (any encoding drafter reads) or .docx reference; InputError naming the file."""
    p = Path(path)
    if not p.is_file():
        raise InputError("找不到参考文件", p)
    data = p.read_bytes()
    if p.suffix.lower() == ".docx":
        from drafter.corpus.docx_reader import read_docx_lines

        lines = read_docx_lines(p)
    else:
        from drafter.corpus.decode import read_raw

        lines = read_raw(p).lines
    from drafter.corpus import clean_text

    cleaned = tuple(clean_text(line).strip() for line in lines)
    if not any(cleaned):
        raise InputError("参考文件里没有文字", p)
    return Reference(str(p), hashlib.sha256(data).hexdigest(), cleaned)


def read_references(paths: Sequence[str | Path]) -> list[Reference]:
    """Read several references; InputError names the first file that cannot be read."""
    return [read_reference(p) for p in paths]


def recorded_references(recorded: object, base: Path | None = None) -> list[Reference]:
    """The references an outline's front matter records ({path: sha256}), read again for regen.

    A missing file is an error naming it; a changed file is read as it is now (the writer
    updated the notice), which the caller may tell the writer.
    """
    if not isinstance(recorded, dict):
        return []
    refs = []
    for path in recorded:
        p = Path(str(path))
        if not p.is_absolute() and base is not None and not p.exists():
            p = base / p
        refs.append(read_reference(p))
    return refs


def _shown(path: str) -> str:
    """A path as the writer would type it: relative to the current folder when inside it."""
    import os

    rel = os.path.relpath(path)
    return rel if not rel.startswith("..") else path


def trace(sentence: str, refs: list[Reference], min_chars: int = 5) -> list[str]:
    """Where in the references a sentence's clauses come from ("file:line"), in order."""
    found: list[str] = []
    for clause in CLAUSE_SPLIT.split(sentence):
        clause = clause.strip().lstrip("#").strip()
        if len(clause) < min_chars:
            continue
        for ref in refs:
            for number, line in enumerate(ref.lines, start=1):
                if clause in line:
                    where = f"{_shown(ref.path)}:{number}"
                    if where not in found:
                        found.append(where)
                    break
    return found


def reference_phrases(ref: Reference, cut: Callable[[str], list[str]],
                      tag_of: Callable[[str], str]) -> list[Phrase]:
    """The task clauses of a reference: from its headings first, then its paragraphs."""
    from drafter.structure.markers import match_marker

    out: dict[str, Phrase] = {}
    for number, line in enumerate(ref.lines, start=1):
        if not line:
            continue
        m = match_marker(line)
        text = m.rest if m else line
        sentences = [s for s in SENTENCE_SPLIT.split(text) if s.strip()]
        for k, sentence in enumerate(sentences):
            slot = "heading" if (m is not None and k == 0) else "body"
            clauses = [c.strip() for c in CLAUSE_SPLIT.split(sentence) if c.strip()]
            cuts = [cut(c) for c in clauses]
            terms: set[str] = set()
            for words in cuts:
                terms |= content_terms(words, tag_of)
            for clause, words in zip(clauses, cuts):
                if not is_phrase(clause, words, tag_of, MAX_REF_CHARS, facts=True):
                    continue
                if clause not in out or (slot == "heading" and out[clause].slot != "heading"):
                    context = tuple(sorted(terms - set(words)))[:24]
                    out[clause] = Phrase(tuple(words), 1, context, "ref", f"{ref.path}:{number}", slot)
    return list(out.values())
