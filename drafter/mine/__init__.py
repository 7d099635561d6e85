"""Mining: group speech skeletons by shape and write one Jinja template per family."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.mine.group import Family, Member, group_families
from drafter.mine.shape import describe_tree, parse_shape, parts_of, shape_of
from drafter.mine.write import WrittenTemplate, render_template, template_id, write_templates
from drafter.model import Speech
from drafter.structure import parse_skeleton

if TYPE_CHECKING:
    from drafter.templates import TemplateInfo

__all__ = [
    "Family", "MineReport", "describe_tree", "mine_corpus", "mine_families", "mine_templates",
    "mine_to_dir", "parse_shape",
    "parts_of", "shape_of", "write_templates", "WrittenTemplate",
]


def _member(speech: Speech) -> Member:
    src = speech.sources[0] if speech.sources else None
    key = (Path(src.path).name if src else "", src.start_line if src else 0, speech.title or "")
    return Member(speech, parse_skeleton(speech), key)


def mine_families(speeches: Iterable[Speech]) -> list[Family]:
    """Families of the speeches (kind "speech", at least two top-level points), per genre."""
    members = [_member(s) for s in speeches if s.kind == "speech"]
    members = [m for m in members if len(m.skeleton.sections) >= 2]
    return group_families(members)


def mine_templates(speeches: Iterable[Speech]) -> dict[str, str]:
    """Template id -> template text, one per family (deterministic)."""
    out: dict[str, str] = {}
    for fam in mine_families(speeches):
        tid = template_id(fam)
        if tid in out:  # two families with the same key cannot happen, but keep ids unique
            tid = f"{tid}-{len(out) + 1}"
        out[tid] = render_template(fam)
    return out


def mine_to_dir(speeches: Iterable[Speech], out_dir: str | Path) -> list[Path]:
    """Mine `speeches` and write the templates into `out_dir` (never over an edited file:
    see write_templates); the path each template was written to."""
    return [w.path for w in write_templates(mine_templates(speeches), Path(out_dir))]


@dataclass(frozen=True)
class MineReport:
    """What mine_corpus did: how many speeches it mined, where it wrote, what each write did
    (WrittenTemplate: kept or backed-up files) and each template as written."""

    speeches: int
    out_dir: Path
    written: list[WrittenTemplate]
    templates: list[TemplateInfo]


def mine_corpus(out_dir: str | Path | None = None, *, bundled: bool = False,
                force: bool = False) -> MineReport:
    """Mine the corpus store (or only the bundled seeds, to regenerate the repository's
    templates/) into `out_dir` (default: data_dir()/mined). Edited templates are kept, and
    the new one written beside, unless `force` (then backed up first). DrafterError when
    no two speeches share a shape."""
    from drafter.errors import DrafterError
    from drafter.templates import load_template, mined_dir

    if bundled:
        from drafter.corpus import bundled_speeches

        speeches = bundled_speeches()
    else:
        from drafter.corpus import open_store

        speeches = open_store().speeches()
    out = Path(out_dir) if out_dir is not None else mined_dir()
    texts = mine_templates(speeches)
    if not texts:
        raise DrafterError("语料中没有两篇以上结构相同的讲话稿，未生成模板")
    n_speech = sum(1 for s in speeches if s.kind == "speech")
    written = write_templates(texts, out, force=force)
    return MineReport(n_speech, out, written, [load_template(w.path) for w in written])
