"""`drafter regen`, `drafter fmt`, `drafter check`: work on an outline the user is editing."""

from __future__ import annotations

from pathlib import Path

import click

from drafter.cli import app
from drafter.cli._zh import INT, PATH, argument, option


@app.command("regen")
@argument("file", type=PATH, help="提纲文件（drafter new 生成的 .md）。")
@argument("section", help="要重新生成的部分：2、2.1 或 二（按文件中现在的位置）。")
@option("--seed", type=INT, help="新的随机种子（默认随机）。")
@option("--force", is_flag=True, help="即使这一部分被修改过也重新生成（先备份原文件）。")
def regen(file: Path, section: str, seed: int | None, force: bool) -> None:
    """重新生成提纲中的一个部分（标题、正文和下级要点），其余内容一字不动。"""
    import sys

    from drafter.cli._progress import with_progress
    from drafter.outline.files import regen_file

    done = regen_file(file, section, seed=seed, force=force,
                      long_work=with_progress if sys.stderr.isatty() else None)
    result = done.result
    if done.backup is not None:
        click.echo(f"第 {result.path} 部分曾被修改，原文件已备份到 {done.backup}")
    if seed is not None and result.seed != seed:
        click.echo(f"种子 {seed} 写出的这一部分有句子没能生成（〔待写：…〕），改用了种子 {result.seed}")
    where = "" if result.origin == result.path else f"（模板第 {result.origin} 部分）"
    click.echo(f"已重新生成第 {result.path} 部分{where}，种子 {result.seed}：{file}")


@app.command("fmt")
@argument("file", type=PATH, help="提纲文件。")
def fmt(file: Path) -> None:
    """增删或调整要点后重新编号：每一级沿用文中的编号体系，没有编号的标题补上编号。"""
    from drafter.outline.files import renumber_file

    changes = renumber_file(file)
    if not changes:
        click.echo(f"编号无需调整：{file}")
        return
    for change in changes:
        click.echo(f"{file}:{change.line}: {change.old.strip()} → {change.new.strip()}")
    click.echo(f"已重新编号 {len(changes)} 个标题：{file}")


@app.command("check")
@argument("file", type=PATH, help="提纲文件。")
@option("--sources", is_flag=True, help="逐句列出与语料的重合比例和最接近的讲话；超过重合上限的句子算作问题。")
def check(file: Path, sources: bool) -> None:
    """检查提纲：编号断档或混用、层级跳跃、空的部分、模板语法残留、待写占位、待补事实、未填变量。"""
    from drafter.outline.files import check_file

    report = check_file(file, sources=sources)
    if report.sources is not None:
        click.echo("逐句来源（重合 = 与最接近的语料句子共有的最长片段占本句的比例；参考 = 取自哪份参考文件的哪一行）：")
        for s in report.sources:
            o = s.overlap
            flag = "  ← 超过重合上限" if o.over_limit else ""
            ref_note = f"  参考：{'、'.join(s.references)}" if s.references else ""
            click.echo(f"{file}:{s.line}: {o.ratio:4.0%}  {o.source or '（无）'}｜{o.sentence}{flag}{ref_note}")
        click.echo("")
    for problem in report.problems:
        click.echo(problem.format(str(file)))
    if report.problems:
        click.echo(f"共 {len(report.problems)} 个问题。")
        raise click.exceptions.Exit(1)
    click.echo(f"没有发现问题：{file}")
