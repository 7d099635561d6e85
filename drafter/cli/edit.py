"""`drafter regen`, `drafter fmt`, `drafter check`: work on an outline the user is editing."""

from __future__ import annotations

from pathlib import Path

import typer

from drafter.cli import app


@app.command("regen")
def regen(
    file: Path = typer.Argument(..., help="提纲文件（drafter new 生成的 .md）。"),
    section: str = typer.Argument(..., help="要重新生成的部分：2、2.1 或 二（按文件中现在的位置）。"),
    seed: int | None = typer.Option(None, "--seed", help="新的随机种子（默认随机）。"),
    force: bool = typer.Option(False, "--force", help="即使这一部分被修改过也重新生成（先备份原文件）。"),
) -> None:
    """重新生成提纲中的一个部分（标题、正文和下级要点），其余内容一字不动。"""
    import sys

    from drafter.cli._progress import with_progress
    from drafter.outline.files import regen_file

    done = regen_file(file, section, seed=seed, force=force,
                      long_work=with_progress if sys.stderr.isatty() else None)
    result = done.result
    if done.backup is not None:
        typer.echo(f"第 {result.path} 部分曾被修改，原文件已备份到 {done.backup}")
    if seed is not None and result.seed != seed:
        typer.echo(f"种子 {seed} 写出的这一部分有句子没能生成（〔待写：…〕），改用了种子 {result.seed}")
    where = "" if result.origin == result.path else f"（模板第 {result.origin} 部分）"
    typer.echo(f"已重新生成第 {result.path} 部分{where}，种子 {result.seed}：{file}")


@app.command("fmt")
def fmt(
    file: Path = typer.Argument(..., help="提纲文件。"),
) -> None:
    """增删或调整要点后重新编号：每一级沿用文中的编号体系，没有编号的标题补上编号。"""
    from drafter.outline.files import renumber_file

    changes = renumber_file(file)
    if not changes:
        typer.echo(f"编号无需调整：{file}")
        return
    for change in changes:
        typer.echo(f"{file}:{change.line}: {change.old.strip()} → {change.new.strip()}")
    typer.echo(f"已重新编号 {len(changes)} 个标题：{file}")


@app.command("check")
def check(
    file: Path = typer.Argument(..., help="提纲文件。"),
    sources: bool = typer.Option(False, "--sources", help="逐句列出与语料的重合比例和最接近的讲话；超过重合上限的句子算作问题。"),
) -> None:
    """检查提纲：编号断档或混用、层级跳跃、空的部分、模板语法残留、待写占位、待补事实、未填变量。"""
    from drafter.outline.files import check_file

    report = check_file(file, sources=sources)
    if report.sources is not None:
        typer.echo("逐句来源（重合 = 与最接近的语料句子共有的最长片段占本句的比例；参考 = 取自哪份参考文件的哪一行）：")
        for s in report.sources:
            o = s.overlap
            flag = "  ← 超过重合上限" if o.over_limit else ""
            ref_note = f"  参考：{'、'.join(s.references)}" if s.references else ""
            typer.echo(f"{file}:{s.line}: {o.ratio:4.0%}  {o.source or '（无）'}｜{o.sentence}{flag}{ref_note}")
        typer.echo("")
    for problem in report.problems:
        typer.echo(problem.format(str(file)))
    if report.problems:
        typer.echo(f"共 {len(report.problems)} 个问题。")
        raise typer.Exit(code=1)
    typer.echo(f"没有发现问题：{file}")
