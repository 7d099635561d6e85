"""Commands of the structure part: parse, mine, templates (thin layer over the library)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from drafter.cli import app
from drafter.cli._zh import PATH, argument, option
from drafter.model import Skeleton


def _skeleton_lines(skel: Skeleton) -> list[str]:
    """A readable view of one skeleton (title, framing parts, indented headings)."""
    lines = [f"【{skel.title or '（无标题）'}】（{skel.genre or skel.kind}）"]
    for label, value in (("称呼", skel.salutation), ("开场", skel.opening), ("过渡", skel.transition)):
        if value:
            lines.append(f"  {label}：{value}")
    for section in skel.walk():
        role = f"  〔{section.role}〕" if section.role else ""
        lines.append(f"  {'  ' * section.level}{section.marker}{section.text}{role}")
    if skel.closing:
        lines.append("  结尾：" + skel.closing.replace("\n", "\n        "))
    return lines


@app.command("parse")
@argument("file", type=PATH, help="要解析的讲话稿文件（.txt/.docx，UTF-8 或 GBK 均可）。")
@option("--json", "as_json", is_flag=True, help="输出 JSON（字段与金标准文件相同）。")
def parse_cmd(file: Path, as_json: bool) -> None:
    """解析文件中的每一篇文稿，打印其结构骨架（标题、称呼、开场、各级标题、结尾）。"""
    from drafter.corpus import load_file
    from drafter.structure import parse_skeleton

    skeletons = [parse_skeleton(s) for s in load_file(file)]
    if as_json:
        click.echo(json.dumps([s.to_gold_dict() for s in skeletons], ensure_ascii=False, indent=2))
        return
    for k, skel in enumerate(skeletons):
        if k:
            click.echo("")
        click.echo("\n".join(_skeleton_lines(skel)))


@app.command("mine")
@option("-o", "--output", type=PATH, help="模板写入的文件夹（默认：用户数据目录下的 templates/）。")
@option("--bundled", is_flag=True,
        help="只挖掘随包语料（seeds/），不读语料库；用于重新生成仓库里的 templates/："
        "drafter mine --bundled -o templates")
@option("--force", is_flag=True,
        help="覆盖生成后被修改过的模板（原文件先备份为 .bak）；默认保留修改过的模板，新模板写在旁边。")
def mine_cmd(output: Path | None, bundled: bool, force: bool) -> None:
    """按结构把语料库中的讲话稿归为若干类，每类写出一个 Jinja 模板（同一语料，输出逐字节相同）。"""
    from drafter.mine import mine_corpus
    from drafter.mine.shape import shape_preview

    report = mine_corpus(output, bundled=bundled, force=force)
    click.echo(f"已从 {report.speeches} 篇讲话稿挖掘出 {len(report.written)} 个模板，写入 {report.out_dir}：")
    for info in report.templates:
        preview = shape_preview(info.shape, info.roles, info.parts)
        click.echo(f"  {info.id}  {info.name}  {preview}  （{info.count} 篇）")
    for w in report.written:
        if w.kept is not None:
            click.echo(f"注意：{w.kept} 生成后被修改过，已保留不动；新挖掘的模板写入 {w.path.name}", err=True)
        if w.backup is not None:
            click.echo(f"注意：{w.path} 生成后被修改过，已按 --force 覆盖；原文件备份为 {w.backup}", err=True)


@app.group("templates", invoke_without_command=True, no_args_is_help=False,
           help="列出或查看讲话稿模板（内置模板、挖掘出的用户模板）。")
@option("--json", "as_json", is_flag=True, help="输出 JSON。")
@option("--dir", "extra", type=PATH, multiple=True, help="另外查找模板的文件夹（可重复）。")
@click.pass_context
def templates_cmd(ctx: click.Context, as_json: bool, extra: tuple[Path, ...]) -> None:
    """列出可用的模板：编号、名称、结构、来源篇数。"""
    ctx.obj = {"extra": tuple(extra)}
    if ctx.invoked_subcommand is not None:
        return
    from drafter.templates import list_templates

    infos = list_templates(tuple(extra))
    if as_json:
        click.echo(json.dumps([t.to_dict() for t in infos], ensure_ascii=False, indent=2))
        return
    if not infos:
        click.echo("没有找到模板。可运行 drafter mine 从语料挖掘。")
        return
    from drafter.mine.shape import shape_preview

    for t in infos:
        click.echo(f"{t.id}  {t.name}")
        click.echo(f"    文体：{t.kind}    结构：{shape_preview(t.shape, t.roles, t.parts)}    来源：{t.count} 篇")


@templates_cmd.command("show")
@argument("template", help="模板编号，或 .md.j2 模板文件路径。")
@click.pass_context
def templates_show(ctx: click.Context, template: str) -> None:
    """显示一个模板的说明、结构树、来源和变量。"""
    from drafter.mine.shape import shape_preview, shape_tree
    from drafter.templates import get_template

    extra = (ctx.obj or {}).get("extra", ())
    t = get_template(template, extra)
    click.echo(f"{t.id}  {t.name}")
    click.echo(f"文体：{t.kind}")
    if t.description:
        click.echo(t.description)
    click.echo(f"文件：{t.path}")
    click.echo(f"结构：{shape_preview(t.shape, t.roles, t.parts)}（{t.shape}）")
    click.echo("  （标题）")
    for line in shape_tree(t.shape, t.roles):
        click.echo("  " + line)
    click.echo(f"来源（{t.count} 篇）：")
    for s in t.sources:
        click.echo(f"  - {s}")
    if t.variables:
        click.echo("变量：")
        for v in t.variables:
            click.echo(f"  {v.key}：{v.prompt}（默认：{v.default}）")

