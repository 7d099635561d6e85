"""Phrases of the writer's own corpus: the clauses of every speech and document, with what they are about.

Each clause keeps the content terms of its sentence and of its piece's title as context, so the
topic search (drafter.topics.knowledge) finds the speeches on a topic by their title, meeting
name and content words alike. Heading clauses are marked: they are the best material for points.
Flagged (garbled) sentences and clauses with figures are never used.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from drafter.model import Section, Skeleton, Speech
from drafter.text import CLAUSE_SPLIT, SENTENCE_SPLIT
from drafter.topics.harvest import content_terms, is_phrase, names_someone
from drafter.topics.material import Phrase

MAX_CORPUS_CHARS = 16
# who is asked, before the task itself (一是 / 要 / 各乡镇要 / 各级各部门必须): the task is what follows
_SPEAKER = re.compile(r"^(?:[一二三四五六七八九十]是(?:要(?![求点素害]))?|首先|其次|再次|最后|同时|还要|必须|务必|"
                      r"(?:[^，。、]{1,8}?(?<![主重需只必不想还纪])(?:要|必须|务必)|要)(?![求点素害]))?")
# Words of a speech's title that name the occasion, not the subject (在全县××工作会议上的讲话).
_TITLE_FRAME = frozenset("会议 讲话 讲话稿 发言 表态 动员 部署 推进会 大会 致辞 主持词 提纲 范文 全文 工作会议 电视电话会议 "
                         "全县 全市 全区 全省 全镇 全乡 领导 同志 书记 县长 市长 区长 镇长 主任 局长 精神 上的 "
                         "专题 会上 暨 启动 座谈会 汇报 工作 2024 2023 2022 2021 2020".split())


def corpus_phrases(pieces: Iterable[tuple[Speech, Skeleton]], cut: Callable[[str], list[str]],
                   tag_of: Callable[[str], str]) -> list[Phrase]:
    """Clause phrases of the pieces; the same clause in two pieces is kept once, with both counts."""
    found: dict[str, Phrase] = {}
    for speech, skeleton in pieces:
        title_terms = {t for t in content_terms(cut(speech.title or ""), tag_of)
                       if not any(w in t for w in _TITLE_FRAME)}
        flagged = set(speech.flagged)
        origin = _origin(speech)
        for text, slot in _lines(skeleton):
            for sentence in SENTENCE_SPLIT.split(text):
                if not sentence or any(f in sentence or sentence in f for f in flagged):
                    continue
                clauses = [c for c in (_SPEAKER.sub("", c.strip()) for c in CLAUSE_SPLIT.split(sentence)) if c]
                cuts = [cut(c) for c in clauses]
                terms: set[str] = set()
                for words in cuts:
                    terms |= content_terms(words, tag_of)
                for clause, words in zip(clauses, cuts):
                    if not is_phrase(clause, words, tag_of, MAX_CORPUS_CHARS) or names_someone(words, tag_of):
                        continue
                    old = found.get(clause)
                    # its sentence's terms, then what the piece is about (its title's), while
                    # room is left: a short clause is known by its piece, a long one by itself
                    # (统筹做好防汛防疫 in an epidemic speech does not make 防汛 an epidemic word)
                    context = tuple(dict.fromkeys([*sorted(terms - set(words)), *sorted(title_terms)]))[:24]
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
