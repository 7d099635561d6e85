"""Render an outline body from a template: sandboxed Jinja + slot functions (see slots.py)."""

from __future__ import annotations


from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from jinja2 import TemplateError as JinjaTemplateError
from jinja2 import TemplateSyntaxError, nodes
from jinja2.sandbox import SecurityError

from drafter.errors import TemplateError
from drafter.render.env import SLOT_NAMES, make_environment
from drafter.render.slots import Slots

if TYPE_CHECKING:
    from drafter.phrases.book import PhraseBook
    from drafter.phrases.generate import Generator
    from drafter.templates import TemplateInfo

BASE_VARIABLES = ("meeting", "org", "speaker", "topic", "date")


def _template_line(exc: BaseException, filename: str) -> int | None:
    """The template line a runtime error happened on (Jinja maps frames to template lines)."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _check_names(ast: nodes.Template, known: set[str], path: str) -> None:
    """Unknown slots or variables, caught before rendering, with their line."""
    for node in ast.find_all(nodes.Name):
        if node.ctx == "load" and node.name not in known:
            assigned = {n.name for n in ast.find_all(nodes.Name) if n.ctx == "store"}
            if node.name not in assigned:
                raise TemplateError(f"模板使用了未知的槽位或变量：{node.name}", path, node.lineno)


def render_outline(
    template: TemplateInfo,
    variables: Mapping[str, str],
    seed: int,
    section_seeds: Mapping[str, int] | None = None,
    *,
    book: PhraseBook | None = None,
    avoid: Iterable[str] = (),
    only: str | None = None,
) -> str:
    """The Markdown body of an outline (no front matter), byte-identical for equal inputs.

    `avoid` holds headings (without marker) and sentences already in the writer's document:
    regen passes the text around the section it redraws, so the new text repeats none of it.
    `only` ("2.1"): draw text for that section alone; the rest keeps its shape but no text.
    """
    from drafter.phrases.cache import load_phrasebook
    from drafter.phrases.generate import Generator

    book = book if book is not None else load_phrasebook()
    values = effective_variables(template, variables, book.topic.corpus_topic)
    generator = Generator(book, values.get("topic", ""))
    return render_with(template, values, seed, generator, section_seeds, avoid, only)


def effective_variables(
    template: TemplateInfo, variables: Mapping[str, str], default_topic: str = ""
) -> dict[str, str]:
    """The values a render uses: the five base variables, the template's declared defaults,
    then the user's values; a meeting the user did not name follows the topic.

    `drafter new` records these in the outline's front matter, so the file says what it used.
    """
    values = {k: "" for k in BASE_VARIABLES}
    for var in getattr(template, "variables", []) or []:
        if not values.get(var.key):
            values[var.key] = str(var.default or "")
    defaults = dict(values)
    values.update({k: str(v) for k, v in variables.items()})
    topic = values.get("topic") or default_topic
    if values["meeting"] == defaults["meeting"] and topic not in values["meeting"]:
        # the template's default meeting names the corpus's topic (新冠肺炎疫情防控工作会议):
        # a meeting the user did not name follows the user's topic instead
        place = values.get("org", "")
        place = place if place and "待补" not in place else ""
        values["meeting"] = f"{place}{topic}工作会议".replace("工作工作", "工作")
    return values


def level1_points(ast: nodes.Template) -> int | None:
    """How many level-1 points the template writes, when it fixes them (no loop or branch
    around a level-1 heading); None when the count depends on data."""
    count = 0
    for call in ast.find_all(nodes.Call):
        if not (isinstance(call.node, nodes.Name) and call.node.name == "heading" and call.args):
            continue
        arg = call.args[0]
        if not isinstance(arg, nodes.Const) or arg.value != 1:
            if not isinstance(arg, nodes.Const):
                return None
            continue
        count += 1
    for block in list(ast.find_all(nodes.For)) + list(ast.find_all(nodes.If)):
        for call in block.find_all(nodes.Call):
            if isinstance(call.node, nodes.Name) and call.node.name == "heading":
                return None
    return count or None


def render_with(template: TemplateInfo, values: dict[str, str], seed: int, generator: Generator,
                section_seeds: Mapping[str, int] | None = None, avoid: Iterable[str] = (),
                only: str | None = None) -> str:
    """Render with a given line generator (drafter's, or a baseline being measured)."""
    if only is not None:
        from drafter.render.focus import focused

        slots: Slots = focused(only)(generator, values, seed, section_seeds)
    else:
        slots = Slots(generator, values, seed, section_seeds)
    slots.avoid(avoid)
    env = make_environment({name: getattr(slots, name) for name in SLOT_NAMES}, values)
    filename = str(template.path)
    try:
        ast = env.parse(template.source_text, name=template.id, filename=filename)
        _check_names(ast, set(values) | set(SLOT_NAMES), filename)
        slots.points = level1_points(ast)
        code = env.compile(ast, name=template.id, filename=filename)
        compiled = env.template_class.from_code(env, code, env.globals, None)
    except TemplateSyntaxError as exc:
        raise TemplateError(f"模板语法错误：{exc.message}", filename, exc.lineno) from None
    try:
        text = compiled.render()
    except (JinjaTemplateError, SecurityError, ValueError, TypeError) as exc:
        line = _template_line(exc, filename)
        raise TemplateError(f"模板无法渲染：{exc}", filename, line) from None
    return _tidy(text)


def _tidy(text: str) -> str:
    """Collapse runs of blank lines; end with exactly one newline."""
    lines = [ln.rstrip() for ln in text.splitlines()]
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    return "\n".join(out).strip("\n") + "\n"


__all__ = ["effective_variables", "render_outline"]

