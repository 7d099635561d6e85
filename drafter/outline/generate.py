"""Make a new Outline from a template, and the renderer regen uses to redraw sections."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafter._version import __version__
from drafter.outline.model import Outline, fingerprints, section_tree, walk
from drafter.outline.regen import Renderer, closing_lines, last_top_path


def topic_material_of(template: Any, variables: dict[str, str],
                      refs: Sequence[Any] = ()) -> tuple[Any, Any]:
    """(material, corpus frame) of the topic a render of these variables is about, or
    (None, None) when the template has no topic."""
    from drafter.render import effective_variables, topic_material

    topic = effective_variables(template, variables).get("topic", "")
    return topic_material(topic, refs) if topic else (None, None)


def renderer_for(template: Any, variables: dict[str, str], seed: int,
                 refs: Sequence[Any] = (), *, material: Any = None, frame: Any = None) -> Renderer:
    """A Renderer over drafter.render.render_outline for one template, variables and seed.

    The topic's material (topic_material_of, unless given) is found once and shared by every
    render of this renderer (regen and the closing probe render more than once).
    """
    from drafter.render import render_outline

    if material is None:
        material, frame = topic_material_of(template, variables, refs)

    def render(section_seeds: dict[str, int], avoid: Iterable[str] = (),
               only: str | None = None, placed: Mapping[str, str] | None = None) -> str:
        return render_outline(template, dict(variables), seed, section_seeds=section_seeds or None,
                              avoid=avoid, material=material, frame=frame, refs=refs, only=only,
                              placed=placed)

    return render


def closing_from_source(template: Any) -> int | None:
    """How many lines of closing a template writes after its last point, read from its source.

    Exact when the tail after the last heading is plain: one output line per `{{ ... }}` or
    literal line (render drops blank lines). None when the tail has Jinja statements or
    comments: then only a probe render can tell.
    """
    source = str(getattr(template, "source_text", "") or "")
    lines = source.split("\n")
    heads = [i for i, ln in enumerate(lines) if re.match(r"#{2,6}[ \t]", ln)]
    if not source or not heads:
        return None
    tail = [ln for ln in lines[heads[-1] + 1:] if ln.strip()]
    if any("{%" in ln or "{#" in ln for ln in tail):
        return None
    first = next((i for i, ln in enumerate(tail) if "closing(" in ln), None)
    return 0 if first is None else len(tail) - first


def build_outline(template_id: str, variables: dict[str, str], seed: int,
                  render: Renderer, *, closing: int | None = None) -> Outline:
    """Render a body and record what regen needs: seed, variables, fingerprints, closing size.

    The closing (lines after the last point that belong to no section) is `closing` when the
    caller knows it (closing_from_source); otherwise it is found by rendering three times more
    with the last point redrawn: the lines all versions end with are the closing.
    """
    body = with_title_block(render({}), variables)
    if not body.endswith("\n"):
        body += "\n"
    last = last_top_path(body)
    if last is None:
        closing = 0
    elif closing is None:
        # three redraws: one alone may end its last point with the same stock sentence
        closing = min(closing_lines(body, render({last: seed + k})) for k in (1, 2, 3))
    return Outline(
        template=template_id,
        seed=seed,
        body=body,
        variables=dict(variables),
        fingerprints=fingerprints(body, closing),
        closing=closing,
        version=__version__,
    )


def title_block(variables: dict[str, str]) -> list[str]:
    """The lines a speech carries under its title: the speaker, then the date in parentheses
    (张明 / （2026年11月25日）). A value left at its 〔…待补〕 default stays visible there."""
    speaker = (variables.get("speaker") or "").strip()
    date = (variables.get("date") or "").strip()
    lines = [speaker] if speaker else []
    if date:
        lines.append(date if date.startswith(("（", "(")) else f"（{date}）")
    return lines


def with_title_block(body: str, variables: dict[str, str]) -> str:
    """`body` with the title block as paragraphs right after its `#` title line."""
    block = title_block(variables)
    lines = body.split("\n")
    at = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
    if not block or at is None:
        return body
    insert: list[str] = []
    for line in block:
        insert += ["", line]
    return "\n".join(lines[: at + 1] + insert + lines[at + 1:])


@dataclass(frozen=True)
class Summary:
    """What `new` tells the writer about the outline it wrote."""

    points_by_level: tuple[int, ...]  # (3, 12) = 3 top-level points, 12 second-level ones
    characters: int  # Chinese text characters of the body, markup left out

    def describe(self) -> str:
        names = ("一级要点", "二级要点", "三级要点", "四级要点", "五级要点")
        parts = [f"{n} 个{names[min(i, 4)]}" for i, n in enumerate(self.points_by_level) if n]
        return f"{'，'.join(parts) or '没有要点'}，共 {self.characters} 字"


def summarize(outline: Outline) -> Summary:
    """Count points per level and the characters a reader would see."""
    spans = walk(section_tree(outline.body, outline.closing))
    depth = max((s.level for s in spans), default=0)
    counts = tuple(sum(1 for s in spans if s.level == lvl) for lvl in range(1, depth + 1))
    text = re.sub(r"(?m)^#+\s*", "", outline.body)
    return Summary(counts, len(re.sub(r"\s", "", text)))


def today() -> str:
    """Today in the genre's date format: 2026年11月25日."""
    d = _dt.date.today()
    return f"{d.year}年{d.month}月{d.day}日"


def slugify(text: str, limit: int = 24) -> str:
    """A file-name-safe slug that keeps Chinese: '安全生产 工作会议' -> '安全生产-工作会议'."""
    slug = re.sub(r"[^\w\u4e00-\u9fff]+", "-", text).strip("-_")
    return slug[:limit].rstrip("-_") or "提纲"


def default_output(topic: str) -> str:
    """drafts/<date>-<slug>.md relative to the current folder."""
    return f"drafts/{_dt.date.today().isoformat()}-{slugify(topic)}.md"


def free_path(path: Path) -> Path:
    """`path`, or the first of name-2.md, name-3.md … that does not exist yet."""
    n = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate


def default_template(templates: list[Any]) -> Any:
    """The template `new` takes when none is named, in the menu and without prompts alike:
    the shape most corpus speeches have (ties: the first id)."""
    return max(sorted(templates, key=lambda t: t.id), key=lambda t: t.count)




def clean_variable(value: str) -> str:
    """An answer typed or pasted at a prompt, as one line: control characters become spaces."""
    from drafter.text import CONTROL

    return re.sub(r"\s+", " ", CONTROL.sub(" ", value)).strip()


def check_variable(key: str, value: str) -> None:
    """InputError when a value given on the command line holds a line break or control character."""
    from drafter.errors import InputError
    from drafter.text import CONTROL

    found = CONTROL.search(value)
    if found is not None:
        raise InputError(f"变量 {key} 的值含有换行或控制字符（{found.group(0)!r}）：{value!r}；"
                         "每个变量只能是一行文字")


__all__ = [
    "Summary", "build_outline", "check_variable", "clean_variable", "default_output",
    "default_template", "free_path", "renderer_for", "slugify", "summarize", "today",
    "topic_material_of",
]


def shape_preview(template: Any) -> str:
    """One line for the template menu: 开场 → 过渡 → 3点(形势认识/任务措施/保障要求) 第2点4小点… → 结尾."""
    from drafter.mine.shape import shape_preview as preview

    return preview(template.shape, template.roles, template.parts)
