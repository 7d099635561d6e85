"""Phrases of the writer's own corpus: the clauses of every speech and document, with what they are about.

Each clause keeps the content terms of its sentence and of its piece's title as context, so the
topic search (drafter.topics.knowledge) finds the speeches on a topic by their title, meeting
name and content words alike. Heading clauses are marked: they are the best material for points.
Flagged (garbled) sentences and clauses with figures are never used.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from drafter.model import Section, Skeleton, Speech
from drafter.text import CLAUSE_SPLIT, SENTENCE_SPLIT
from drafter.topics.harvest import content_terms, is_phrase
from drafter.topics.knowledge import Phrase

MAX_CORPUS_CHARS = 16


def corpus_phrases(pieces: Iterable[tuple[Speech, Skeleton]], cut: Callable[[str], list[str]],
                   tag_of: Callable[[str], str]) -> list[Phrase]:
    """Clause phrases of the pieces; the same clause in two pieces is kept once, with both counts."""
    found: dict[str, Phrase] = {}
    for speech, skeleton in pieces:
        title_terms = content_terms(cut(speech.title or ""), tag_of)
        flagged = set(speech.flagged)
        origin = _origin(speech)
        for text, slot in _lines(skeleton):
            for sentence in SENTENCE_SPLIT.split(text):
                if not sentence or any(f in sentence or sentence in f for f in flagged):
                    continue
                clauses = [c.strip() for c in CLAUSE_SPLIT.split(sentence) if c.strip()]
                cuts = [cut(c) for c in clauses]
                terms = set(title_terms)
                for words in cuts:
                    terms |= content_terms(words, tag_of)
                for clause, words in zip(clauses, cuts):
                    if not is_phrase(clause, words, tag_of, MAX_CORPUS_CHARS):
                        continue
                    old = found.get(clause)
                    context = tuple(sorted(terms - set(words)))[:24]
                    if old is None or (slot == "heading" and old.slot != "heading"):
                        found[clause] = Phrase(tuple(words), 1 + (old.docs if old else 0), context,
                                               "corpus", origin, slot)
    return sorted(found.values(), key=lambda p: p.text)


def _origin(speech: Speech) -> str:
    if speech.sources:
        s = speech.sources[0]
        return f"{s.path}:{s.start_line}"
    return speech.title or ""


def _lines(skeleton: Skeleton) -> Iterable[tuple[str, str]]:
    def visit(sections: list[Section]) -> Iterable[tuple[str, str]]:
        for s in sections:
            yield s.text, "heading"
            for para in s.body:
                yield para, "body"
            yield from visit(s.children)

    for para in skeleton.opening_paragraphs:
        yield para, "body"
    yield from visit(skeleton.sections)
