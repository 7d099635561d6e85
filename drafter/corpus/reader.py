"""From a file to clean pieces: decode -> clean lines -> drop noise -> split -> kind ->
flag garbled sentences -> merge duplicates within the page."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from drafter.corpus.decode import read_raw
from drafter.corpus.dedup import PrintIndex, find_duplicate, fingerprint
from drafter.corpus.garble import flagged_sentences
from drafter.corpus.kind import classify, genre_of
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
    prints = PrintIndex()
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
        kind = classify(piece.title, paragraphs)
        speeches.append(
            Speech(
                title=piece.title,
                kind=kind,
                paragraphs=paragraphs,
                flagged=flagged_sentences(paragraphs),
                sources=[span],
                genre=genre_of(piece.title, paragraphs, kind),
            )
        )
        prints[len(speeches) - 1] = fp
    dropped.sort(key=lambda d: d.line)
    return speeches, dropped, merged


_SPEECHY = re.compile(r"同志们|各位|会议|讲话|我们|要|工作|[。，]")


def most_speechlike(dropped: list[Dropped]) -> Dropped | None:
    """The dropped line that looks most like speech text (longest, most sentence-like)."""
    def weight(d: Dropped) -> tuple[int, int]:
        return (len(_SPEECHY.findall(d.text)), len(d.text))

    return max(dropped, key=weight) if dropped else None


def read_page(path: str | Path, source: str | None = None) -> Page:
    """Read and clean one file. `source` is the path recorded in SourceSpan (default: as given)."""
    raw = read_raw(path)
    speeches, dropped, merged = clean_page(raw.lines, source or str(path))
    if not speeches:
        best = most_speechlike(dropped)
        if best is None:
            raise InputError("文件里没有找到正文（只有空行）", path)
        shown = best.text if len(best.text) <= 40 else best.text[:40] + "…"
        raise InputError(
            f"文件里没有找到讲话正文：最像正文的是这一行「{shown}」，它被当作“{best.reason}”去掉了"
            "（用 drafter corpus add --explain 查看每一行的处理）", path, best.line)
    return Page(raw.path, raw.encoding, raw.sha256, speeches, dropped, merged)


def explain_page(path: str | Path) -> tuple[list[Speech], list[Dropped]]:
    """What cleaning does to one file, without storing it: its pieces and every removed line
    (or fragment of a line) with the reason."""
    raw = read_raw(path)
    speeches, dropped, _ = clean_page(raw.lines, str(path))
    return speeches, dropped


def load_file(path: str | Path) -> list[Speech]:
    """Decode, clean, split and classify one file (no store). Line spans are 1-based lines
    of the original file; InputError for binary, empty or undecodable files."""
    return read_page(path).speeches
