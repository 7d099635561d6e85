"""A new outline file, as `drafter new` writes it: the template, the variables, the file.

The policy lives here so that a library user gets what the command gives: the default
template, the names a writer may give a variable (会议, 主题 …), which variables are asked and
in which order, their defaults (a date asked for is today), the file name, the references
recorded for regen. Asking itself is the caller's: `choose_template` and `ask` are called
only when given (the CLI passes questionary prompts on a terminal, nothing otherwise).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from drafter.outline.generate import Summary
    from drafter.outline.model import Outline
    from drafter.templates import TemplateInfo, TemplateVar

T = TypeVar("T")
# Runs long work (retraining the phrase models) with a label, e.g. under a progress spinner.
LongWork = Callable[[str, Callable[[], Any]], Any]

STANDARD_VARS = ("meeting", "org", "speaker", "topic", "date")
# Chinese names a writer may give the standard variables (--var 会议=…).
ALIASES = {"会议": "meeting", "会议名称": "meeting", "单位": "org", "主办单位": "org",
           "讲话人": "speaker", "主题": "topic", "讲话主题": "topic", "日期": "date",
           "讲话日期": "date"}
# Topic and organisation are asked first: a meeting the writer has not named follows them
# (市安委会安全生产工作会议).
ASK_ORDER = {"topic": 0, "org": 1}
REBUILD_LABEL = "正在重建短语模型（首次使用或语料有变化）…"
_EXISTS = "文件已存在；加 --force 覆盖，或用 -o 指定别的文件"


@dataclass(frozen=True)
class Question:
    """One prompt for a variable: its key, the template's prompt and the default an empty
    answer keeps. The default is shown in the question, never typed into the input box."""

    key: str
    prompt: str
    default: str

    @property
    def hint(self) -> str:
        from drafter.text import FACT_SLOT

        if FACT_SLOT.fullmatch(self.default):
            return "（可留空，稍后补）"
        return f"（回车即用：{self.default}）" if self.default else ""

    @property
    def text(self) -> str:
        """The question as shown: 讲话主题（回车即用：疫情防控）："""
        return f"{self.prompt.rstrip('：:')}{self.hint}："


@dataclass(frozen=True)
class NewOutline:
    """What new_outline wrote: the file, the template and seed used, the outline, and a
    notice for the writer when drafter knows too little of the topic (else None)."""

    path: Path
    template: TemplateInfo
    seed: int
    outline: Outline
    notice: str | None

    @property
    def summary(self) -> Summary:
        from drafter.outline.generate import summarize

        return summarize(self.outline)


def short_prompt(prompt: str) -> str:
    """A prompt without its hint in brackets: 主办单位（如××市委） -> 主办单位."""
    import re

    return re.sub(r"[（(].*?[）)]", "", prompt).rstrip("：:？?").strip()


def parse_variables(items: Mapping[str, str] | Iterable[str],
                    template: TemplateInfo) -> dict[str, str]:
    """Variables given by key, alias or the template's Chinese prompt ({"会议": …}), or as
    KEY=VALUE strings (--var), keyed by variable; InputError for an unknown name."""
    from drafter.errors import InputError

    by_name = {k: k for k in STANDARD_VARS}
    by_name.update(ALIASES)
    for v in template.variables:
        prompt = v.prompt.rstrip("：:？?")
        for name in (v.key, v.prompt, prompt, short_prompt(v.prompt)):
            by_name[name] = v.key
    if isinstance(items, Mapping):
        pairs = list(items.items())
    else:
        pairs = []
        for item in items:
            key, sep, value = item.partition("=")
            if not sep:
                raise InputError(f"--var 应写成 KEY=VALUE：{item}")
            pairs.append((key, value))
    out: dict[str, str] = {}
    for key, value in pairs:
        if key.strip() not in by_name:
            names = "、".join(f"{v.key}（{short_prompt(v.prompt)}）" for v in template.variables)
            raise InputError(f"模板 {template.id} 没有变量“{key}”；可用：{names}")
        out[by_name[key.strip()]] = str(value).strip()
    return out


def variable_default(var: TemplateVar, asked: bool) -> str:
    """The template's default; a date the writer is asked for defaults to today.

    Without prompts the template's default stays (often 〔日期待补〕), so the same command and
    seed give the same outline on any day.
    """
    from drafter.text import FACT_SLOT

    default = str(var.default or "")
    if var.key == "date" and (default in ("", "today", "今天")
                              or (asked and FACT_SLOT.fullmatch(default))):
        from drafter.outline.generate import today

        return today()
    return default


def fill_variables(template: TemplateInfo, given: Mapping[str, str],
                   ask: Callable[[Question], str] | None = None) -> dict[str, str]:
    """Values of the template's declared variables: given ones, then answers or defaults.

    Without `ask` nothing is asked. With it, ask_when (templates.ASK_WHEN) decides: "always"
    asks even when given (the given value becomes the default), "missing" only when not
    given, "never" takes the default. An empty answer keeps the default.
    """
    from drafter.render import effective_variables

    answers = dict(given)
    for var in sorted(template.variables, key=lambda v: ASK_ORDER.get(v.key, 2)):
        asked = ask is not None and (var.ask_when == "always"
                                     or (var.ask_when == "missing" and var.key not in given))
        default = given.get(var.key, variable_default(var, asked))
        if var.key == "meeting" and "meeting" not in given:
            default = effective_variables(template, answers)["meeting"]
        if asked:
            from drafter.outline.generate import clean_variable

            assert ask is not None
            answers[var.key] = clean_variable(str(ask(Question(var.key, var.prompt, default)))) or default
        else:
            answers[var.key] = default
    return effective_variables(template, answers)


def prepare_models(long_work: LongWork | None) -> None:
    """Retrain the phrase models now, under `long_work`, when the next render would
    (no cache for this corpus); the book is memoised, so the render then finds it."""
    if long_work is None:
        return
    from drafter.corpus import open_store
    from drafter.phrases.cache import cache_path, load_phrasebook

    if not cache_path(open_store()).exists():
        long_work(REBUILD_LABEL, load_phrasebook)


def new_outline(
    template: str | Path | None = None,
    *,
    topic: str | None = None,
    variables: Mapping[str, str] | Iterable[str] = (),
    seed: int | None = None,
    output: str | Path | None = None,
    force: bool = False,
    refs: Sequence[str | Path] = (),
    choose_template: Callable[[list[TemplateInfo], str], str] | None = None,
    ask: Callable[[Question], str] | None = None,
    long_work: LongWork | None = None,
) -> NewOutline:
    """Draft a new outline and write it (default drafts/<date>-<topic>.md, never over a file
    unless `force`). `template` is an id or a .md.j2 path (default: the shape most corpus
    speeches have, or `choose_template(templates, default_id)`); `variables` as for
    parse_variables; `refs` the reference documents whose tasks come first."""
    from drafter.errors import InputError, WriteRefused
    from drafter.outline import generate
    from drafter.outline.io import write_atomic
    from drafter.outline.regen import random_seed
    from drafter.templates import get_template, list_templates

    # before any question: a bad reference or an existing file is said at once
    references: list[Any] = []
    if refs:
        from drafter.topics.refs import read_references

        references = read_references(refs)
    out = Path(output) if output is not None else None
    if out is not None and out.exists() and not force:
        raise WriteRefused(_EXISTS, out)
    if template is None:
        templates = list_templates()
        if not templates:
            raise InputError("没有可用的模板；先运行 drafter mine")
        default_id = generate.default_template(templates).id
        template = choose_template(templates, default_id) if choose_template else default_id
    info = get_template(template)

    given = parse_variables(variables, info)
    if topic is not None:
        given["topic"] = topic
    if "topic" in given and not given["topic"].strip():
        del given["topic"]  # a blank topic (--topic "") means none given: the template's own
    for key, value in given.items():
        generate.check_variable(key, value)
    values = fill_variables(info, given, ask)

    if out is None:
        out = generate.free_path(Path(generate.default_output(values.get("topic") or info.name)))
    if out.exists() and not force:
        raise WriteRefused(_EXISTS, out)
    seed = random_seed() if seed is None else seed
    prepare_models(long_work)
    material, frame = generate.topic_material_of(info, values, references)
    render = generate.renderer_for(info, values, seed, references, material=material, frame=frame)
    # A template given as a file path is recorded by path, so regen finds it again.
    recorded = info.id if str(template) == info.id else str(Path(info.path).resolve())
    outline = generate.build_outline(recorded, values, seed, render,
                                     closing=generate.closing_from_source(info))
    if references:
        # recorded so regen draws on them again, and check --sources can name them
        outline.extra["references"] = {str(Path(r.path).resolve()): r.sha256 for r in references}
    write_atomic(out, outline.to_text(), force=force)
    notice = None
    if material is not None:
        from drafter.topics import gap_notice

        notice = gap_notice(material, references)
    return NewOutline(out, info, seed, outline, notice)


__all__ = ["ALIASES", "NewOutline", "Question", "STANDARD_VARS", "fill_variables", "new_outline",
           "parse_variables", "prepare_models", "variable_default"]
