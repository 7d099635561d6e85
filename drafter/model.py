"""The plain dataclasses the parts pass to each other (see DESIGN.md, data flow).

corpus  -> Speech    (clean text of one piece, with provenance)
structure -> Skeleton (the shape of one speech: framing parts and a tree of Sections)
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceSpan:
    """Where a piece came from: a file and its 1-based inclusive line span."""

    path: str
    start_line: int
    end_line: int


@dataclass
class Speech:
    """One clean piece of the corpus (a speech, or a plan/notice/report kept for reference).

    `paragraphs` is the clean simplified text, one paragraph per item. `flagged` holds the
    sentences (exact substrings of paragraphs) that contain garbled spans: they are kept for
    reading but must never be used for training or templates.
    """

    title: str | None
    kind: str
    paragraphs: list[str]
    flagged: list[str] = field(default_factory=list)
    sources: list[SourceSpan] = field(default_factory=list)
    id: int | None = None
    genre: str | None = None  # 部署讲话, 表态发言, 主持词, 致辞, 提纲, 方案 … (drafter.corpus.kind)

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass
class Section:
    """A numbered point of a speech and everything under it."""

    level: int  # 1 = the document's top numbered family
    marker: str  # exactly as written: "一、", "（一）", "第一，", "一要", "1." ...
    family: str  # marker family id, see drafter.structure.markers
    text: str  # heading text after the marker, up to the first 。/！ (without it)
    body: list[str] = field(default_factory=list)  # body paragraphs (run-in body first)
    children: list[Section] = field(default_factory=list)
    role: str | None = None  # for level-1 sections: 形势认识, 任务措施, ...
    role_words: list[str] = field(default_factory=list)  # the words that decided the role


@dataclass
class Skeleton:
    """The shape of one speech, with the text at each node."""

    title: str | None
    kind: str
    salutation: str | None = None
    opening: str | None = None  # first sentence of the body
    opening_paragraphs: list[str] = field(default_factory=list)
    transition: str | None = None  # 下面，我讲几点意见 ...
    sections: list[Section] = field(default_factory=list)
    closing: str | None = None  # the whole closing (its paragraphs joined by line breaks)
    closing_paragraphs: list[str] = field(default_factory=list)
    agenda: list[str] = field(default_factory=list)  # 主持词: 会议进行第一项…
    body_patterns: list[str] = field(default_factory=list)  # inline enumerations (一是…二是…)
    genre: str | None = None  # the speech's genre (部署讲话, 表态发言, 主持词 …), from the Speech

    def walk(self) -> list[Section]:
        """Every section, depth first, in document order."""
        out: list[Section] = []

        def visit(sections: list[Section]) -> None:
            for s in sections:
                out.append(s)
                visit(s.children)

        visit(self.sections)
        return out

    def to_gold_dict(self) -> dict:
        """The JSON shape of `drafter parse --json` (same fields as the gold file)."""
        return {
            "title": self.title,
            "kind": self.kind,
            "salutation": self.salutation,
            "opening": self.opening,
            "transition": self.transition,
            "headings": [
                {"level": s.level, "marker": s.marker, "text": s.text, "role": s.role}
                for s in self.walk()
            ],
            "closing": self.closing,
        }
