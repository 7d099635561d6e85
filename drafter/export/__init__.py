"""Export an outline to a GB/T 9704 .docx or to plain text.

`export_outline` reads the outline, lays it out with the user's layout profile, and writes
the result atomically; it refuses nothing but reports every placeholder still to be filled.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from drafter.atomic import write_atomic
from drafter.errors import InputError, WriteRefused
from drafter.export.blocks import Block, Placeholder, placeholders, read_outline_blocks
from drafter.export.profile import LayoutProfile, default_profile, load_profile, profile_path

__all__ = [
    "FORMATS",
    "Block",
    "ExportResult",
    "LayoutProfile",
    "Placeholder",
    "default_profile",
    "export_outline",
    "load_profile",
    "profile_path",
    "write_atomic",
]

FORMATS = ("docx", "txt")


@dataclass(frozen=True)
class ExportResult:
    """Where the export went and the placeholders the writer still has to fill."""

    path: Path
    format: str
    placeholders: list[Placeholder]
    profile_source: str


def export_outline(
    source: Path,
    to: str | None = None,
    out: Path | None = None,
    force: bool = False,
    profile: LayoutProfile | None = None,
) -> ExportResult:
    """Write `source` (an outline .md) as .docx or .txt next to it, or to `out`.

    The format is `to`, else the suffix of `out`, else docx.
    """
    source = Path(source)
    fmt = _choose_format(to, out, source)
    target = Path(out) if out is not None else source.with_suffix(f".{fmt}")
    blocks = read_outline_blocks(source)
    if target.exists() and target.resolve() == source.resolve():
        raise WriteRefused("导出文件不能覆盖提纲本身，请用 -o 另选文件名", target)
    if target.exists() and not force:
        raise WriteRefused("文件已存在；加 --force 覆盖", target)
    if fmt == "docx":
        from drafter.export.docx import docx_bytes

        layout = profile if profile is not None else load_profile()
        data = docx_bytes(blocks, layout)
        source_of_profile = layout.source
    else:
        from drafter.export.txt import render_txt

        data = render_txt(blocks).encode("utf-8")
        source_of_profile = "none"
    write_atomic(target, data, force=force, noun="导出文件")
    return ExportResult(target, fmt, placeholders(blocks), source_of_profile)


def _choose_format(to: str | None, out: Path | None, source: Path) -> str:
    if to is not None:
        fmt = to.lower().lstrip(".")
        if fmt not in FORMATS:
            valid = "、".join(FORMATS)
            raise InputError(f"不支持的导出格式 {to!r}（可用：{valid}）", source)
        suffix = Path(out).suffix.lower().lstrip(".") if out is not None else ""
        if suffix in FORMATS and suffix != fmt:
            raise InputError(f"导出格式 {fmt} 与输出文件的扩展名 .{suffix} 不一致", out)
        return fmt
    if out is not None and Path(out).suffix.lower().lstrip(".") in FORMATS:
        return Path(out).suffix.lower().lstrip(".")
    return "docx"
