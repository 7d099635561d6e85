"""`drafter new`: choose a template, answer its prompts, write a new outline."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from drafter.cli import app
from drafter.cli._zh import INT, PATH, option


@app.command("new")
@option("--template", "-t", "template_id", help="模板 ID（见 drafter templates）。")
@option("--topic", help="讲话主题，例如 安全生产。")
@option("--var", multiple=True, help="变量 KEY=VALUE，可重复；KEY 可以写变量名或中文提示名。")
@option("--seed", type=INT, help="随机种子（默认随机，记录在提纲头部）。")
@option("--output", "-o", type=PATH, help="输出文件（默认 drafts/<日期>-<主题>.md）。")
@option("--no-input", is_flag=True, help="不提问，全部使用默认值（标准输入不是终端时也是如此）。")
@option("--force", is_flag=True, help="输出文件已存在时覆盖。")
@option("--ref", type=PATH, multiple=True, help="参考文件（上级通知、工作方案、会议通知、报告，.txt 或 .docx），可重复；要点优先取自其中的任务和措施。")
def new(template_id: str | None, topic: str | None, var: tuple[str, ...], seed: int | None,
        output: Path | None, no_input: bool, force: bool, ref: tuple[Path, ...]) -> None:
    """起草一份新提纲：选择模板，回答几个问题，写出 Markdown 提纲。"""
    from drafter.cli._progress import with_progress
    from drafter.outline.new import new_outline

    interactive = not no_input and sys.stdin.isatty()
    result = new_outline(
        template_id, topic=topic, variables=list(var), seed=seed, output=output, force=force,
        refs=list(ref),
        choose_template=_choose_template if interactive else None,
        ask=_ask_question if interactive else None,
        long_work=with_progress if sys.stderr.isatty() else None,
    )
    if result.notice:
        click.echo(result.notice, err=True)
    out, template = result.path, result.template
    click.echo(f"已写出提纲：{out}")
    click.echo(f"模板 {template.id}（{template.name}），种子 {result.seed}；{result.summary.describe()}")
    click.echo("下一步：")
    click.echo(f"  编辑提纲      ${{EDITOR:-vi}} {out}")
    click.echo(f"  重写第二部分  drafter regen {out} 2")
    click.echo(f"  重新编号      drafter fmt {out}")
    click.echo(f"  检查          drafter check {out}")
    click.echo(f"  导出 Word     drafter export {out}")


CANCELLED = "已取消，没有写出任何文件。"


def _ask(question: Any) -> Any:
    """A questionary answer; Ctrl-C (or Ctrl-D) says so in Chinese and exits 130."""
    try:
        answer = question.unsafe_ask()
    except (KeyboardInterrupt, EOFError):
        answer = None
    if answer is None:
        click.echo("\n" + CANCELLED, err=True)
        raise click.exceptions.Exit(130)
    return answer


def _ask_question(question: Any) -> str:
    """One variable's prompt; the library decides which are asked and keeps the default."""
    import questionary

    return str(_ask(questionary.text(question.text)))


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
