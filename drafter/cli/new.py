"""`drafter new`: choose a template, answer its prompts, write a new outline."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer

from drafter.cli import app

STANDARD_VARS = ("meeting", "org", "speaker", "topic", "date")
# Chinese names a writer may type for the standard variables with --var.
ALIASES = {"会议": "meeting", "会议名称": "meeting", "单位": "org", "主办单位": "org",
           "讲话人": "speaker", "主题": "topic", "讲话主题": "topic", "日期": "date",
           "讲话日期": "date"}


@app.command("new")
def new(
    template_id: str | None = typer.Option(None, "--template", "-t", help="模板 ID（见 drafter templates）。"),
    topic: str | None = typer.Option(None, "--topic", help="讲话主题，例如 安全生产。"),
    var: list[str] = typer.Option([], "--var", help="变量 KEY=VALUE，可重复；KEY 可以写变量名或中文提示名。"),
    seed: int | None = typer.Option(None, "--seed", help="随机种子（默认随机，记录在提纲头部）。"),
    output: Path | None = typer.Option(None, "--output", "-o", help="输出文件（默认 drafts/<日期>-<主题>.md）。"),
    no_input: bool = typer.Option(False, "--no-input", help="不提问，全部使用默认值（标准输入不是终端时也是如此）。"),
    force: bool = typer.Option(False, "--force", help="输出文件已存在时覆盖。"),
    ref: list[Path] = typer.Option([], "--ref", help="参考文件（上级通知、工作方案、会议通知、报告，.txt 或 .docx），可重复；要点优先取自其中的任务和措施。"),
) -> None:
    """起草一份新提纲：选择模板，回答几个问题，写出 Markdown 提纲。"""
    from drafter.cli._progress import load_phrasebook_with_progress
    from drafter.errors import InputError, WriteRefused
    from drafter.outline.generate import (
        build_outline,
        check_variable,
        closing_from_source,
        default_output,
        default_template,
        free_path,
        renderer_for,
        summarize,
    )
    from drafter.outline.io import write_atomic
    from drafter.outline.regen import random_seed
    from drafter.templates import get_template, list_templates
    from drafter.topics.refs import read_references

    interactive = not no_input and sys.stdin.isatty()
    references = read_references(ref)  # before any question: a bad file is said at once
    if output is not None and output.exists() and not force:
        # before any question: answers are never typed in vain
        raise WriteRefused("文件已存在；加 --force 覆盖，或用 -o 指定别的文件", output)
    if template_id is None:
        templates = list_templates()
        if not templates:
            raise InputError("没有可用的模板；先运行 drafter mine")
        default_id = default_template(templates).id
        template_id = _choose_template(templates, default_id) if interactive else default_id
    template = get_template(template_id)

    given = _parse_vars(var, template)
    if topic is not None:
        given["topic"] = topic
    for key, value in given.items():
        check_variable(key, value)
    variables = _ask_variables(template, given, interactive)

    out = output or free_path(Path(default_output(variables.get("topic") or template.name)))
    if out.exists() and not force:
        raise WriteRefused("文件已存在；加 --force 覆盖，或用 -o 指定别的文件", out)
    seed = random_seed() if seed is None else seed
    load_phrasebook_with_progress()
    render = renderer_for(template, variables, seed, references)
    # A template given as a file path is recorded by path, so regen finds it again.
    recorded = template.id if template_id == template.id else str(Path(template.path).resolve())
    outline = build_outline(recorded, variables, seed, render,
                            closing=closing_from_source(template))
    if references:
        # recorded so regen draws on them again, and check --sources can name them
        outline.extra["references"] = {str(Path(r.path).resolve()): r.sha256 for r in references}
    write_atomic(out, outline.to_text(), force=force)
    notice = topic_notice(template, variables, references)
    if notice:
        typer.echo(notice, err=True)

    typer.echo(f"已写出提纲：{out}")
    typer.echo(f"模板 {template.id}（{template.name}），种子 {seed}；{summarize(outline).describe()}")
    typer.echo("下一步：")
    typer.echo(f"  编辑提纲      ${{EDITOR:-vi}} {out}")
    typer.echo(f"  重写第二部分  drafter regen {out} 2")
    typer.echo(f"  重新编号      drafter fmt {out}")
    typer.echo(f"  检查          drafter check {out}")
    typer.echo(f"  导出 Word     drafter export {out}")


def topic_notice(template: Any, variables: dict[str, str], references: list[Any]) -> str | None:
    """One line when drafter knows too little of the topic (what was searched, what to add)."""
    from drafter.render import effective_variables, topic_material
    from drafter.topics import gap_notice

    topic = effective_variables(template, variables).get("topic", "")
    if not topic:
        return None
    material, _ = topic_material(topic, references)
    return gap_notice(material, references)


CANCELLED = "已取消，没有写出任何文件。"


def _ask(question: Any) -> Any:
    """A questionary answer; Ctrl-C (or Ctrl-D) says so in Chinese and exits 130."""
    try:
        answer = question.unsafe_ask()
    except (KeyboardInterrupt, EOFError):
        answer = None
    if answer is None:
        typer.echo("\n" + CANCELLED, err=True)
        raise typer.Exit(code=130)
    return answer


def _choose_template(templates: list[Any], default_id: str) -> str:
    """Arrow-key list of templates, starting on the default `--no-input` would take; each line
    is the id, the name, the shape and the number of source speeches, fitted to the terminal."""
    import shutil

    import questionary

    columns = shutil.get_terminal_size((100, 24)).columns
    choices = [questionary.Choice(title=line, value=t.id)
               for t, line in zip(templates, menu_lines(templates, columns - 4))]
    answer = _ask(questionary.select("选择模板：", choices=choices, default=default_id,
                                     instruction="（↑↓ 选择，回车确认，Ctrl-C 取消）",
                                     show_description=False))
    return str(answer)


def menu_lines(templates: list[Any], columns: int) -> list[str]:
    """One line per template: id, name, source speeches, shape; at most `columns` wide."""
    from drafter.outline.generate import shape_preview

    id_width = max(len(t.id) for t in templates)
    name_width = max(display_width(t.name) for t in templates)
    previews = [shape_preview(t) for t in templates]
    common = "开场 → 过渡 → "  # what every speech template starts with says nothing: left out
    if all(p.startswith(common) for p in previews):
        previews = [p[len(common):] for p in previews]
    lines = []
    for t, preview in zip(templates, previews):
        pad = " " * (name_width - display_width(t.name))
        lines.append(fit(f"{t.id:<{id_width}}  {t.name}{pad}  {t.count} 篇  {preview}", columns))
    return lines


def display_width(text: str) -> int:
    """Terminal columns `text` takes: CJK characters and full-width punctuation take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def fit(text: str, columns: int) -> str:
    """`text` cut to `columns` terminal columns, ending in … when cut."""
    if display_width(text) <= columns:
        return text
    out, used = [], 0
    for ch in text:
        w = display_width(ch)
        if used + w > columns - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def _parse_vars(pairs: list[str], template: Any) -> dict[str, str]:
    """--var KEY=VALUE pairs; KEY may be a variable's key or its Chinese prompt."""
    from drafter.errors import InputError

    by_name = {k: k for k in STANDARD_VARS}
    by_name.update(ALIASES)
    for v in template.variables:
        prompt = v.prompt.rstrip("：:？?")
        for name in (v.key, v.prompt, prompt, _short(v.prompt)):
            by_name[name] = v.key
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise InputError(f"--var 应写成 KEY=VALUE：{pair}")
        if key.strip() not in by_name:
            names = "、".join(f"{v.key}（{_short(v.prompt)}）" for v in template.variables)
            raise InputError(f"模板 {template.id} 没有变量“{key}”；可用：{names}")
        out[by_name[key.strip()]] = value.strip()
    return out


def _short(prompt: str) -> str:
    """A prompt without its hint in brackets: 主办单位（如××市委） -> 主办单位."""
    import re

    return re.sub(r"[（(].*?[）)]", "", prompt).rstrip("：:？?").strip()


def _default(var: Any, interactive: bool) -> str:
    """The template's default; a date the writer is asked for defaults to today.

    Without prompts the template's default stays (often 〔日期待补〕), so the same command and
    seed give the same outline on any day.
    """
    from drafter.outline.generate import today
    from drafter.text import FACT_SLOT

    default = str(var.default or "")
    if var.key == "date" and (default in ("", "today", "今天")
                              or (interactive and FACT_SLOT.fullmatch(default))):
        return today()
    return default


def _ask_variables(template: Any, given: dict[str, str], interactive: bool) -> dict[str, str]:
    """Values of the template's declared variables: given ones, then answers or defaults.

    ask_when (templates.ASK_WHEN): "always" prompts even when given on the command line (the
    given value becomes the default), "missing" only when not given, "never" takes the default.
    No default is put in the input box: the prompt shows it and an empty answer keeps it.
    """
    from drafter.render import effective_variables
    from drafter.text import FACT_SLOT

    answers = dict(given)
    # Topic and organisation are asked first: a meeting the writer has not named follows them
    # (市安委会安全生产工作会议).
    first = {"topic": 0, "org": 1}
    ordered = sorted(template.variables, key=lambda v: first.get(v.key, 2))
    for var in ordered:
        ask = interactive and (var.ask_when == "always"
                               or (var.ask_when == "missing" and var.key not in given))
        default = given.get(var.key, _default(var, ask))
        if var.key == "meeting" and "meeting" not in given:
            default = effective_variables(template, answers)["meeting"]
        if ask:
            import questionary

            from drafter.outline.generate import clean_variable

            # The default is shown, not typed into the box: Enter takes it, typing replaces it.
            placeholder = bool(FACT_SLOT.fullmatch(default))
            if placeholder:
                hint = "（可留空，稍后补）"
            elif default:
                hint = f"（回车即用：{default}）"
            else:
                hint = ""
            reply = _ask(questionary.text(f"{var.prompt.rstrip('：:')}{hint}："))
            answers[var.key] = clean_variable(str(reply)) or default
        else:
            answers[var.key] = default
    return effective_variables(template, answers)
