"""The lines of an outline (.md written by `drafter new`) and of a real speech.

Lines are what a reader weighs one at a time: the title, every heading (its numbering marker
stripped) and every body sentence (split after 。！？). Front matter is not text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Numbering markers of the genre, at the start of a heading or a sentence.
MARKER_RE = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[0-9０-９]+[.．、](?![0-9０-９])\s*|"
    r"[（(][0-9０-９]+[）)]|第[一二三四五六七八九十]+[，,、:：]?|[一二三四五六七八九十]+[要是][，,:：]?|"
    r"(?:首先|其次|再次|最后)[，,:：])"
)
SENTENCE_END_RE = re.compile(r"(?<=[。！？!?])")
PLACEHOLDER_RE = re.compile(r"〔[^〔〕]*〕")
TEMPLATE_RESIDUE = ("{{", "}}", "{%", "%}")
VARIABLE_RE = re.compile(r'^\s+"?([^":]+)"?:\s*"?(.*?)"?\s*$')


@dataclass(frozen=True)
class Line:
    text: str  # marker stripped, end punctuation kept
    kind: str  # "title" | "heading" | "sentence"
    level: int = 0  # heading level: 1 for ## (一、), 2 for ###, …; 0 otherwise
    marker: str = ""  # the stripped numbering marker, if any


def strip_marker(text: str) -> tuple[str, str]:
    m = MARKER_RE.match(text)
    return (text[m.end() :].lstrip(), m.group(0)) if m else (text, "")


def split_sentences(paragraph: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END_RE.split(paragraph) if s.strip()]


def body_of(markdown: str) -> str:
    """The Markdown after its front matter (a leading `---` … `---` block), if any."""
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 4)
        if end != -1:
            return markdown[end + 5 :]
    return markdown


def front_variables(markdown: str) -> dict[str, str]:
    """The `variables:` block of the front matter (meeting, org, speaker, topic, date …)."""
    head = markdown[: len(markdown) - len(body_of(markdown))]
    found: dict[str, str] = {}
    inside = False
    for raw in head.splitlines():
        if raw.startswith("variables:"):
            inside = True
        elif inside and raw.startswith((" ", "\t")):
            m = VARIABLE_RE.match(raw)
            if m:
                found[m.group(1)] = m.group(2)
        else:
            inside = False
    return found


def outline_lines(markdown: str) -> list[Line]:
    """Title, headings and body sentences of an outline, in order."""
    lines: list[Line] = []
    for raw in body_of(markdown).splitlines():
        raw = raw.strip()
        if not raw:
            continue
        if raw.startswith("#"):
            hashes = len(raw) - len(raw.lstrip("#"))
            text, marker = strip_marker(raw[hashes:].strip())
            if hashes == 1:
                lines.append(Line(text, "title"))
            else:
                lines.append(Line(text, "heading", hashes - 1, marker))
            continue
        for sentence in split_sentences(raw):
            text, marker = strip_marker(sentence)
            lines.append(Line(text, "sentence", 0, marker))
    return lines


def speech_lines(title: str | None, paragraphs: list[str]) -> list[Line]:
    """Lines of a real speech: its title and every sentence of its paragraphs."""
    lines = [Line(title.replace("\n", ""), "title")] if title else []
    for paragraph in paragraphs:
        for sentence in split_sentences(paragraph):
            text, marker = strip_marker(sentence)
            if text:
                lines.append(Line(text, "sentence", 0, marker))
    return lines


def is_placeholder_only(text: str) -> bool:
    return not PLACEHOLDER_RE.sub("", text).strip(" 。，；：！？")


def form_problems(markdown: str) -> dict[str, int]:
    """Headings with two markers, template syntax left over, headings/sentences repeated."""
    body = body_of(markdown)
    lines = outline_lines(markdown)
    double = sum(
        1 for ln in lines if ln.kind == "heading" and ln.marker and strip_marker(ln.text)[1]
    )
    residue = sum(body.count(token) for token in TEMPLATE_RESIDUE)
    seen: dict[tuple[str, str], int] = {}
    for ln in lines:
        if ln.kind != "title" and not is_placeholder_only(ln.text):
            key = (ln.kind, ln.text.rstrip("。！？!?"))
            seen[key] = seen.get(key, 0) + 1
    repeated_headings = sum(n - 1 for (kind, _), n in seen.items() if kind == "heading" and n > 1)
    repeated_sentences = sum(n - 1 for (kind, _), n in seen.items() if kind == "sentence" and n > 1)
    return {
        "double_marker": double,
        "template_residue": residue,
        "repeated_heading": repeated_headings,
        "repeated_sentence": repeated_sentences,
    }


def placeholder_counts(markdown: str) -> dict[str, int]:
    """〔待写…〕 slots (no sentence could be written) and other 〔…〕 fill-ins (facts to supply)."""
    found = PLACEHOLDER_RE.findall(body_of(markdown))
    todo = sum(1 for p in found if p.startswith("〔待写"))
    return {"todo": todo, "fill_in": len(found) - todo}
