"""Helpers shared by the phrases/render tests: fixture skeletons, a fake corpus store."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from types import SimpleNamespace

from drafter.model import Section, Skeleton, Speech

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SKELETONS_JSON = FIXTURES / "phrases_skeletons.json"
TEMPLATE = FIXTURES / "phrases_outline.md.j2"
# Words that would betray the corpus topic (疫情防控) in an outline about something else.
LEAK_WORDS = ("疫情", "核酸", "隔离", "病毒", "新冠", "肺炎", "确诊", "防疫", "抗疫", "疫苗", "口罩",
              "感染", "流调", "消杀", "阳性", "封控", "发热", "病例")


def _section(d: dict) -> Section:
    return Section(level=d["level"], marker=d["marker"], family="", text=d["text"],
                   body=list(d["body"]), children=[_section(c) for c in d["children"]])


def load_skeletons(limit: int | None = None) -> list[Skeleton]:
    data = json.loads(SKELETONS_JSON.read_text("utf-8"))[:limit]
    return [
        Skeleton(title=d["title"], kind="speech", salutation=d["salutation"],
                 opening_paragraphs=d["opening_paragraphs"],
                 closing_paragraphs=d["closing_paragraphs"],
                 sections=[_section(s) for s in d["sections"]])
        for d in data
    ]


class FakeStore:
    """The two store methods load_phrasebook uses, over fixture skeletons."""

    def __init__(self, skeletons: list[Skeleton], salt: str = "") -> None:
        self.skeletons = skeletons
        self.salt = salt

    def content_hash(self) -> str:
        titles = "|".join(s.title or "" for s in self.skeletons) + self.salt
        return hashlib.sha256(titles.encode()).hexdigest()

    def speeches(self, kind: str = "speech") -> list[Speech]:
        return [Speech(title=s.title, kind="speech", paragraphs=[], id=i)
                for i, s in enumerate(self.skeletons)]

    def parse(self, speech: Speech) -> Skeleton:
        return self.skeletons[speech.id or 0]


def load_template(path: Path = TEMPLATE, text: str | None = None) -> SimpleNamespace:
    """A TemplateInfo stand-in with the fields render_outline reads."""
    return SimpleNamespace(id=path.stem, name=path.stem, path=path, variables=[],
                           source_text=text if text is not None else path.read_text("utf-8"))
