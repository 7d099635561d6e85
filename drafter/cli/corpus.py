"""`drafter corpus …`: add, list, show, stats and remove pieces of the corpus store."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from drafter.cli import app
from drafter.cli._zh import INT, PATH, argument, option


@app.group("corpus", no_args_is_help=True,
           help="管理语料库：添加、查看、统计、删除讲话稿（内置种子语料默认包含在内）。")
def corpus_app() -> None:
    """The `drafter corpus` group."""


LONG_WORK_BYTES = 1_000_000  # a file this big takes seconds: show progress even for one file
KIND_NAMES = {"speech": "讲话", "plan": "方案", "notice": "通知", "report": "报告", "other": "其他"}
_NO_BUNDLED = option("--no-bundled", is_flag=True, help="不包含内置种子语料，只看自己添加的文稿。")
_JSON = option("--json", "as_json", is_flag=True, help="以 JSON 输出（字段稳定，便于脚本使用）。")
_JOBS = option("--jobs", "-j", type=INT, default=1, show_default=True,
               help="并行进程数（0 = 全部 CPU 核）；结果与单进程逐字节相同。")


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))


def _open(no_bundled: bool) -> Any:
    from drafter.corpus import open_store

    return open_store(include_bundled=not no_bundled)


@corpus_app.command("add")
@argument("paths", type=PATH, nargs=-1, required=True,
          help="要添加的文件或文件夹（.txt/.md/.docx，UTF-8、GBK 或 Big5）。")
@_JSON
@_JOBS
@option("--build", is_flag=True, help="添加后立即重建短语模型（否则在下一次 drafter new 时自动重建）。")
@option("--explain", is_flag=True, help="不入库，只显示每个文件被去掉的每一行（或行内片段）及原因、切出的文稿。")
def add(paths: tuple[Path, ...], as_json: bool, jobs: int, build: bool, explain: bool) -> None:
    """清洗、切分、去重后把文稿加入语料库；同一文件重复添加不会有变化。"""
    from drafter.corpus import expand_paths, open_store
    from drafter.jobs import resolve_jobs

    if explain:
        _explain(expand_paths(paths), as_json)
        return

    jobs = resolve_jobs(jobs)
    store = open_store(jobs=jobs)
    files = expand_paths(paths)
    size = sum(f.stat().st_size for f in files if f.is_file())
    if (len(files) > 3 or size > LONG_WORK_BYTES) and not as_json and sys.stderr.isatty():
        from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                   TextColumn("{task.completed}/{task.total} 个文件"), TimeElapsedColumn())
        with Progress(*columns, transient=True) as progress:
            task = progress.add_task("正在添加", total=len(files))

            def step(f: Path) -> None:  # called as each file starts: name it, count the done
                done = progress.tasks[0].completed + (1 if progress.tasks[0].description != "正在添加" else 0)
                progress.update(task, description=f"正在清洗、切分：{f.name}", completed=done)

            results = store.add(files, on_file=step, jobs=jobs)
    else:
        results = store.add(files, jobs=jobs)
    failed = [r for r in results if r.status == "error"]
    if as_json:
        _echo_json([
            {"path": r.path, "status": r.status, "pieces": r.pieces, "merged": r.merged,
             "dropped": r.dropped, "piece_ids": r.piece_ids, "error": r.error}
            for r in results
        ])
    else:
        for r in results:
            if r.status == "added":
                click.echo(f"已添加：{r.path}（新文稿 {r.pieces} 篇，合并重复 {r.merged} 篇，去除噪声行 {r.dropped} 行）")
            elif r.status == "unchanged":
                click.echo(f"已在语料库中，未改动：{r.path}")
        for r in failed:
            click.echo(f"错误：{r.error}", err=True)
        added = sum(r.status == "added" for r in results)
        click.echo(f"共处理 {len(results)} 个文件：添加 {added} 个，失败 {len(failed)} 个。")
    if build:
        _build_models(store, jobs, quiet=as_json)
    if failed:
        raise click.exceptions.Exit(1)


def _explain(files: list[Path], as_json: bool) -> None:
    from drafter.corpus import explain_file
    from drafter.errors import DrafterError

    out: list[dict[str, Any]] = []
    failed = False
    for f in files:
        try:
            speeches, dropped = explain_file(f)
        except DrafterError as exc:
            click.echo(f"错误：{exc}", err=True)
            failed = True
            continue
        out.append({
            "path": str(f),
            "pieces": [{"title": s.title, "kind": s.kind, "genre": s.genre,
                        "start_line": s.sources[0].start_line, "end_line": s.sources[0].end_line}
                       for s in speeches],
            "removed": [{"line": d.line, "reason": d.reason, "text": d.text} for d in dropped],
        })
    if as_json:
        _echo_json(out)
    else:
        for item in out:
            click.echo(f"# {item['path']}")
            for d in item["removed"]:
                click.echo(f"  第{d['line']}行 去掉（{d['reason']}）：{d['text']}")
            for p in item["pieces"]:
                click.echo(f"  文稿 第{p['start_line']}-{p['end_line']}行  {p['genre'] or KIND_NAMES.get(p['kind'], p['kind'])}  "
                           f"{p['title'] or '（无标题）'}")
            if not item["pieces"]:
                click.echo("  没有切出文稿")
    if failed:
        raise click.exceptions.Exit(1)


@corpus_app.command("build")
@_JOBS
def build_cmd(jobs: int) -> None:
    """立即重建短语模型（语料库变动后，下一次 drafter new 本会自动重建）；--jobs 并行。"""
    from drafter.corpus import open_store
    from drafter.jobs import resolve_jobs

    jobs = resolve_jobs(jobs)
    _build_models(open_store(jobs=jobs), jobs)


def _build_models(store: Any, jobs: int, quiet: bool = False) -> None:
    from drafter.cli._progress import with_progress
    from drafter.phrases import rebuild_phrasebook

    book, path = with_progress("正在重建短语模型…", lambda: rebuild_phrasebook(store, jobs=jobs))
    if not quiet:
        click.echo(f"已重建短语模型：{path}（{book.meta.get('speeches', '?')} 篇讲话，"
                   f"{jobs} 个进程）")


@corpus_app.command("list")
@_NO_BUNDLED
@_JSON
def list_pieces(no_bundled: bool, as_json: bool) -> None:
    """列出语料库中的文稿：编号、类型、字数、标题和来源。"""
    rows = _open(no_bundled).rows()
    if as_json:
        _echo_json(rows)
        return
    for r in rows:
        src = r["sources"][0]
        more = f" 等{len(r['sources'])}处" if len(r["sources"]) > 1 else ""
        where = f"{Path(src['path']).name}:{src['start_line']}-{src['end_line']}{more}"
        flag = f" 乱码句{r['flagged']}" if r["flagged"] else ""
        label = (r["genre"] or KIND_NAMES.get(r["kind"], r["kind"])).ljust(6, "\u3000")
        click.echo(f"{r['id']:>4}  {label}{r['chars']:>6}字{flag}  "
                   f"{r['title'] or '（无标题）'}  [{where}]")
    if not rows:
        click.echo("语料库是空的。用 drafter corpus add 文件… 添加文稿。")


@corpus_app.command("show")
@argument("piece_id", type=INT, help="文稿编号（见 drafter corpus list）。")
@_JSON
def show(piece_id: int, as_json: bool) -> None:
    """显示一篇文稿的清洗后全文、来源、占位符和被标记的乱码句。"""
    info = _open(False).describe(piece_id)
    if as_json:
        _echo_json(info)
        return
    click.echo(f"# {info['title'] or '（无标题）'}")
    kind = KIND_NAMES.get(info["kind"], info["kind"])
    genre = f"（{info['genre']}）" if info.get("genre") and info["genre"] != kind else ""
    click.echo(f"编号 {info['id']}，类型 {kind}{genre}，{info['chars']} 字")
    for s in info["sources"]:
        click.echo(f"来源：{s['path']} 第 {s['start_line']}-{s['end_line']} 行")
    if info["placeholders"]:
        click.echo("占位符：" + "、".join(info["placeholders"]))
    click.echo("")
    click.echo(info["text"])
    if info["flagged"]:
        click.echo("")
        click.echo(f"含乱码、不用于训练的句子（{len(info['flagged'])} 句）：")
        for s in info["flagged"]:
            click.echo(f"  · {s}")


@corpus_app.command("stats")
@_NO_BUNDLED
@_JSON
def stats(no_bundled: bool, as_json: bool) -> None:
    """统计：各类文稿篇数、字数、乱码句、合并的重复稿、去除的噪声行。"""
    data = _open(no_bundled).stats()
    if as_json:
        _echo_json(data)
        return
    kinds = "，".join(f"{KIND_NAMES.get(k, k)} {n}" for k, n in data["by_kind"].items()) or "无"
    click.echo(f"文稿 {data['pieces']} 篇（{kinds}），来自 {data['sources']} 个文件")
    if data.get("by_genre"):
        click.echo("细分类别：" + "，".join(f"{g} {n}" for g, n in data["by_genre"].items()))
    click.echo(f"正文 {data['chars']} 字；乱码句 {data['flagged_sentences']} 句（已标记，不用于训练）")
    click.echo(f"合并重复稿 {data['duplicates_merged']} 篇；去除噪声行 {data['noise_lines_dropped']} 行")
    for reason, n in sorted(data["dropped_by_reason"].items(), key=lambda kv: -kv[1]):
        click.echo(f"  {reason}：{n}")


@corpus_app.command("rm")
@argument("target", help="文稿编号，或已添加文件的路径（删除该文件的全部文稿）。")
def rm(target: str) -> None:
    """从语料库删除一篇文稿（按编号）或一个文件的全部文稿（按路径）。"""
    done = _open(False).remove(int(target) if target.isdigit() else target)
    n = len(done["removed_pieces"])
    if target.isdigit():
        click.echo(f"已删除文稿 {target}：{done.get('title') or '（无标题）'}")
    else:
        click.echo(f"已删除文件 {target} 的记录（删除文稿 {n} 篇）")
