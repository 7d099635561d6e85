"""`drafter export`: an outline to a GB/T 9704 .docx or plain text (thin layer over drafter.export)."""

from __future__ import annotations

from pathlib import Path

import click

from drafter.cli import app
from drafter.cli._zh import PATH, argument, option


@app.command(
    "export",
    help="把提纲导出为 Word 文档（按 GB/T 9704-2012 公文格式排版）或纯文本。"
    "待补内容（〔数据待补〕、〔待写：…〕等）在 .docx 中以黄色标出，并在标准错误中列出。"
    "排版（字体、字号、页边距等）可在配置文件夹的 export.toml 中修改。",
)
@argument("file", type=PATH, metavar="FILE", help="要导出的提纲文件（drafter new 生成的 .md）。")
@option("--to", help="导出格式：docx 或 txt（默认按 -o 的扩展名，否则为 docx）。")
@option("-o", "--output", type=PATH, help="输出文件（默认与提纲同名、同文件夹）。")
@option("--force", is_flag=True, help="输出文件已存在时覆盖。")
def export_command(file: Path, to: str | None, output: Path | None, force: bool) -> None:
    """把提纲导出为 .docx 或 .txt。"""
    from drafter.export import export_outline, profile_path
    from drafter.paths import config_dir

    result = export_outline(file, to=to, out=output, force=force)
    click.echo(f"已导出：{result.path}")
    if result.format == "docx":
        where = profile_path()
        if where is None:
            click.echo(f"排版：GB/T 9704-2012 默认格式（可在 {config_dir() / 'export.toml'} 中修改）")
        else:
            click.echo(f"排版：{where}")
    if result.placeholders:
        mark = "，已在文档中用黄色标出" if result.format == "docx" else ""
        click.echo(f"注意：还有 {len(result.placeholders)} 处待补内容{mark}：", err=True)
        for item in result.placeholders:
            click.echo(f"  {file}:{item.line}: {item.text}", err=True)
