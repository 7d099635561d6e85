"""Render an outline body from a template: sandboxed Jinja + slot functions (see slots.py)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from types import CodeType
from typing import TYPE_CHECKING, Any

from jinja2 import TemplateError as JinjaTemplateError
from jinja2 import TemplateSyntaxError, nodes
from jinja2.sandbox import SecurityError

from drafter.errors import TemplateError
from drafter.render.env import SLOT_NAMES, LimitedSandbox, make_environment
from drafter.render.slots import Slots, place_form

if TYPE_CHECKING:
    from drafter.phrases.book import PhraseBook
    from drafter.templates import TemplateInfo
    from drafter.topics import CorpusFrame
    from drafter.topics.material import TopicMaterial
    from drafter.topics.refs import Reference

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


# names Jinja itself defines inside loops, macros and call blocks
_JINJA_NAMES = {"loop", "caller", "varargs", "kwargs"}


def _check_names(ast: nodes.Template, known: set[str], path: str) -> None:
    """Unknown slots or variables, caught before rendering, with their line. Names the
    template defines itself (set, for, macro and its parameters) are known."""
    defined = {n.name for n in ast.find_all(nodes.Name) if n.ctx in ("store", "param")}
    defined |= {m.name for m in ast.find_all(nodes.Macro)} | _JINJA_NAMES
    for node in ast.find_all(nodes.Name):
        if node.ctx == "load" and node.name not in known and node.name not in defined:
            raise TemplateError(f"模板使用了未知的槽位或变量：{node.name}", path, node.lineno)


def render_outline(
    template: TemplateInfo,
    variables: Mapping[str, str],
    seed: int,
    section_seeds: Mapping[str, int] | None = None,
    *,
    book: PhraseBook | None = None,
    avoid: Iterable[str] = (),
    material: TopicMaterial | None = None,
    frame: CorpusFrame | None = None,
    refs: Sequence[Reference] = (),
    only: str | None = None,
    placed: Mapping[str, str] | None = None,
) -> str:
    """The Markdown body of an outline (no front matter), byte-identical for equal inputs.

    `avoid` holds headings (without marker) and sentences already in the writer's document:
    regen passes the text around the section it redraws, so the new text repeats none of it.
    `only` ("2.1"): draw text for that section alone; the rest keeps its shape but no text.
    `placed` (with `only`): the document's headings around that section, by template path.
    `material` and `frame` (from topic_material) are the topic's phrases; `refs` the reference
    documents they are searched in first.
    """
    if material is not None and frame is not None:
        values = effective_variables(template, variables, frame.corpus_topic)
        return render_with(template, values, seed, material, frame, section_seeds, avoid, only, placed)
    if material is None and book is None:
        # the topic's material names the corpus's own topic too, so a warm run needs no
        # phrase book (a template without a topic default falls back to the corpus's)
        topic = effective_variables(template, variables).get("topic", "")
        if topic:
            material, frame = topic_material(topic, refs)
            values = effective_variables(template, variables, frame.corpus_topic)
            return render_with(template, values, seed, material, frame, section_seeds, avoid,
                               only, placed)
    from drafter.phrases.cache import load_phrasebook
    from drafter.topics import CorpusFrame

    book = book if book is not None else load_phrasebook()
    values = effective_variables(template, variables, book.topic.corpus_topic)
    if material is None:
        material, _ = topic_material(values.get("topic", ""), refs, book)
    return render_with(template, values, seed, material, CorpusFrame.of_book(book), section_seeds,
                       avoid, only, placed)


def topic_material(topic: str, refs: Sequence[Reference] = (), book: PhraseBook | None = None
                   ) -> tuple[TopicMaterial, CorpusFrame]:
    """The material of a topic from the references, the writer's corpus and the bundled data."""
    from drafter.topics import corpus_phrases_path, material_for

    if book is not None:
        from drafter.phrases.cache import book_key

        key = book_key(book)
        if corpus_phrases_path(key).exists():  # trained with the book: no store needed
            return material_for(topic, key, None, refs, book)
    from drafter.phrases.cache import known_cache_key, remember_cache_key

    known = known_cache_key()
    if known is not None:  # the store is as it was: its key without opening it
        return material_for(topic, known, None, refs, book)
    from drafter.corpus import open_store

    store = open_store()
    return material_for(topic, remember_cache_key(store), store, refs, book)


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
        place = place_form(values.get("org", ""))
        values["meeting"] = f"{place}{topic}工作会议".replace("工作工作", "工作")
    return values


def _fixed_levels(ast: nodes.Template) -> list[Any] | None:
    """The level of every heading() call, in order, when the template fixes its headings (none
    in a loop or branch, every level a constant); None otherwise."""
    for block in list(ast.find_all(nodes.For)) + list(ast.find_all(nodes.If)):
        for call in block.find_all(nodes.Call):
            if isinstance(call.node, nodes.Name) and call.node.name == "heading":
                return None
    args = [call.args[0] for call in ast.find_all(nodes.Call)
            if isinstance(call.node, nodes.Name) and call.node.name == "heading" and call.args]
    if not all(isinstance(arg, nodes.Const) for arg in args):
        return None
    return [arg.value for arg in args if isinstance(arg, nodes.Const)]


def level1_points(ast: nodes.Template) -> int | None:
    """How many level-1 points the template writes, when it fixes them (no loop or branch
    around a level-1 heading); None when the count depends on data."""
    levels = _fixed_levels(ast)
    return (sum(1 for level in levels if level == 1) or None) if levels is not None else None


def point_children(ast: nodes.Template) -> tuple[int, ...]:
    """How many level-2 headings each level-1 point has, in order, when the template fixes
    them (no heading in a loop or branch, constant levels); () otherwise."""
    levels = _fixed_levels(ast)
    if levels is None or not all(isinstance(level, int) for level in levels):
        return ()
    children: list[int] = []
    for level in levels:
        if level == 1:
            children.append(0)
        elif level == 2 and children:
            children[-1] += 1
    return tuple(children)


def slot_calls(ast: nodes.Template) -> tuple[int, int]:
    """How many headings and body sentences the template asks for (loops counted once)."""
    heads = bodies = 0
    for call in ast.find_all(nodes.Call):
        if not isinstance(call.node, nodes.Name):
            continue
        if call.node.name == "heading":
            heads += 1
        elif call.node.name == "body":
            n = call.args[1] if len(call.args) > 1 else None
            bodies += int(n.value) if isinstance(n, nodes.Const) and isinstance(n.value, int) else 1
    return heads, bodies


def _worded(slot: Callable[..., str]) -> Callable[..., str]:
    """A slot whose text says 工作 once where the topic already ends in it (征兵工作 + 工作会议)."""

    def call(*args: Any, **kwargs: Any) -> str:
        return slot(*args, **kwargs).replace("工作工作", "工作")

    return call


def render_with(template: TemplateInfo, values: dict[str, str], seed: int,
                material: TopicMaterial, frame: CorpusFrame,
                section_seeds: Mapping[str, int] | None = None, avoid: Iterable[str] = (),
                only: str | None = None, placed: Mapping[str, str] | None = None) -> str:
    """Render with the topic's material and the corpus frame. `only` ("2.1") draws text for
    that section alone (regen): the rest keeps its shape but no text."""
    if only is not None:
        from drafter.render.focus import focused

        slots: Slots = focused(only)(values, seed, section_seeds, material=material, frame=frame)
    else:
        slots = Slots(values, seed, section_seeds, material=material, frame=frame)
    slots.kind = str(getattr(template, "kind", "讲话") or "讲话")
    slots.avoid(avoid, placed)
    env = make_environment({name: _worded(getattr(slots, name)) for name in SLOT_NAMES}, values)
    filename = str(template.path)
    try:
        points, calls, code = _compiled(env, template, set(values) | set(SLOT_NAMES))
    except TemplateSyntaxError as exc:
        raise TemplateError(f"模板语法错误：{exc.message}", filename, exc.lineno) from None
    slots.begin(points, *calls)
    compiled = env.template_class.from_code(env, code, env.globals, None)
    try:
        env.start()  # the time budget counts from here
        text = compiled.render()
    except (JinjaTemplateError, SecurityError, ValueError, TypeError, ArithmeticError, LookupError,
            RecursionError, MemoryError) as exc:
        line = _template_line(exc, filename)
        if isinstance(exc, RecursionError):
            message = "模板递归过深"
        elif isinstance(exc, MemoryError):
            message = "模板生成的内容过大，内存不足"
        else:
            message = str(exc) or type(exc).__name__
        raise TemplateError(f"模板无法渲染：{message[:200]}", filename, line) from None
    return _tidy(text)


COMPILED_FORMAT = "2"  # bump when what _compiled stores changes


def _compiled(env: LimitedSandbox, template: TemplateInfo, known: set[str]
              ) -> tuple[int | None, tuple[int, int, tuple[int, ...]], CodeType]:
    """The template's level-1 point count, slot calls and compiled code, checked for unknown
    names. Parsing and compiling cost a warm `drafter new` as much as its own imports, so the
    result is kept in the cache folder, as Jinja's bytecode cache does (marshal), keyed by the
    source, the names known to it and everything that shapes the code."""
    import hashlib
    import marshal
    import sys

    import jinja2

    from drafter import __version__
    from drafter.paths import cache_dir
    from drafter.render import env as env_module

    filename = str(template.path)
    generator = Path(env_module.__file__).stat()  # the sandbox's code generator lives there
    raw = "\0".join([COMPILED_FORMAT, __version__, jinja2.__version__,
                      sys.implementation.cache_tag or "", str(generator.st_size),
                      str(generator.st_mtime_ns), template.id, filename, *sorted(known),
                      template.source_text])
    path = cache_dir() / "compiled" / f"{hashlib.sha256(raw.encode()).hexdigest()[:24]}.bin"
    try:
        points, heads, bodies, children, code = marshal.loads(path.read_bytes())
        if isinstance(code, CodeType):
            return points, (heads, bodies, tuple(children)), code
    except (OSError, ValueError, EOFError, TypeError):
        pass
    ast = env.parse(template.source_text, name=template.id, filename=filename)
    _check_names(ast, known, filename)
    points, calls = level1_points(ast), (*slot_calls(ast), point_children(ast))
    code = env.compile(ast, name=template.id, filename=filename)
    from drafter.atomic import write_bytes_atomic

    with contextlib.suppress(OSError):  # a read-only cache folder: compile again next time
        write_bytes_atomic(path, marshal.dumps((points, *calls, code)))
    return points, calls, code


def _tidy(text: str) -> str:
    """Collapse runs of blank lines; end with exactly one newline."""
    lines = [ln.rstrip() for ln in text.splitlines()]
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    return "\n".join(out).strip("\n") + "\n"


__all__ = ["effective_variables", "render_outline"]

