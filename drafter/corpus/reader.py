"""From a file to clean pieces: decode -> clean lines -> drop noise -> split -> kind ->
flag garbled sentences -> merge duplicates within the page."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from drafter.corpus.decode import read_raw
from drafter.corpus.dedup import fingerprint, find_duplicate
from drafter.corpus.garble import flagged_sentences
from drafter.corpus.kind import classify
from drafter.corpus.noise import Dropped, filter_noise
from drafter.corpus.normalize import clean_lines
from drafter.corpus.runon import unglue_rows
from drafter.corpus.split import split_pieces
from drafter.errors import InputError
from drafter.model import SourceSpan, Speech


@dataclass
class Page:
    """Everything learnt from one file: its pieces and why each other line was dropped."""

    path: Path
    encoding: str
    sha256: str
    speeches: list[Speech]
    dropped: list[Dropped] = field(default_factory=list)
    merged: int = 0  # pieces merged into an earlier one of the same page


def clean_page(lines: list[str], source: str) -> tuple[list[Speech], list[Dropped], int]:
    """Pure core of the reader: raw lines of one page -> (speeches, dropped lines, merges)."""
    flt = filter_noise(lines, clean_lines(lines))
    dropped = flt.dropped
    pieces = split_pieces(unglue_rows(flt.kept, dropped), flt.breaks, dropped)
    speeches: list[Speech] = []
    prints: list[tuple[int, frozenset[int]]] = []
    merged = 0
    for piece in pieces:
        paragraphs = [text for _, text in piece.rows]
        span = SourceSpan(source, piece.start_line, piece.end_line)
        fp = fingerprint("\n".join(paragraphs)) if len(pieces) > 1 else frozenset()
        dup = find_duplicate(fp, prints)
        if dup is not None:
            keep = speeches[dup]
            keep.sources.append(span)
            if len("".join(paragraphs)) > len(keep.text):  # keep the fuller text
                keep.paragraphs = paragraphs
                keep.flagged = flagged_sentences(paragraphs)
            merged += 1
            continue
        speeches.append(
            Speech(
                title=piece.title,
                kind=classify(piece.title, paragraphs),
                paragraphs=paragraphs,
                flagged=flagged_sentences(paragraphs),
                sources=[span],
            )
        )
        prints.append((len(speeches) - 1, fp))
    dropped.sort(key=lambda d: d.line)
    return speeches, dropped, merged


def read_page(path: str | Path, source: str | None = None) -> Page:
    """Read and clean one file. `source` is the path recorded in SourceSpan (default: as given)."""
    raw = read_raw(path)
    speeches, dropped, merged = clean_page(raw.lines, source or str(path))
    if not speeches:
        raise InputError("文件里没有找到正文（全部是网页噪声或空行）", path)
    return Page(raw.path, raw.encoding, raw.sha256, speeches, dropped, merged)


def load_file(path: str | Path) -> list[Speech]:
    """Decode, clean, split and classify one file (no store). Line spans are 1-based lines
    of the original file; InputError for binary, empty or undecodable files."""
    return read_page(path).speeches
