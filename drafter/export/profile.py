"""The .docx layout profile: GB/T 9704-2012 defaults, overridable by one user file.

Offices differ in fonts and details, so every size, font and style name the exporter uses
lives here. A user's ``export.toml`` (or ``export.json``) in ``drafter.paths.config_dir()``
is merged over the defaults key by key; unknown keys are errors so typos do not pass silently.
"""

from __future__ import annotations

import copy
import json
import sys
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from drafter.errors import InputError

PROFILE_NAMES = ("export.toml", "export.json")

#: The paragraph roles the exporter lays out, in the order they are documented.
ROLES = ("title", "speaker", "date", "salutation", "body", "heading1", "heading2", "heading3",
         "page_number")

ALIGNMENTS = ("left", "center", "right", "justify")

DEFAULTS: dict[str, Any] = {
    "page": {
        "width_mm": 210.0,  # A4
        "height_mm": 297.0,
        "margin_top_mm": 37.0,
        "margin_bottom_mm": 35.0,
        "margin_left_mm": 28.0,
        "margin_right_mm": 26.0,
        "footer_distance_mm": 22.0,
        "line_spacing_pt": 28.95,  # fixed ("exactly") line spacing: the grid pitch, 22 a page
        # the document grid (文档网格) of GB/T 9704 7.1: 22 lines of 28 characters per page;
        # 0 for either leaves the grid out
        "lines_per_page": 22.0,
        "chars_per_line": 28.0,
    },
    "page_number": {
        "prefix": "— ",
        "suffix": " —",
        "outer_side": True,  # odd pages right, even pages left; False: always centred
        "side_indent_chars": 1.0,  # 单页码居右空一字，双页码居左空一字
    },
    "highlight": {"color": "yellow"},
    "styles": {
        "title": {
            "name": "公文标题",
            "font": "方正小标宋简体",
            "latin_font": "Times New Roman",
            "size_pt": 22.0,
            "bold": False,
            "align": "center",
            "first_line_chars": 0.0,
            "space_after_lines": 1.0,
            "outline_level": None,
        },
        # Under the title of a speech: the speaker, then the date in parentheses, both centred
        # in 3号楷体, with a blank line before the text.
        "speaker": {
            "name": "公文讲话人",
            "font": "楷体_GB2312",
            "latin_font": "Times New Roman",
            "size_pt": 16.0,
            "bold": False,
            "align": "center",
            "first_line_chars": 0.0,
            "space_after_lines": 0.0,
            "outline_level": None,
        },
        "date": {
            "name": "公文讲话日期",
            "font": "楷体_GB2312",
            "latin_font": "Times New Roman",
            "size_pt": 16.0,
            "bold": False,
            "align": "center",
            "first_line_chars": 0.0,
            "space_after_lines": 1.0,
            "outline_level": None,
        },
        "salutation": {
            # 称呼 is written flush left (居左顶格), like 主送机关 in GB/T 9704 7.3.3.
            "name": "公文称呼",
            "font": "仿宋_GB2312",
            "latin_font": "Times New Roman",
            "size_pt": 16.0,
            "bold": False,
            "align": "justify",
            "first_line_chars": 0.0,
            "space_after_lines": 0.0,
            "outline_level": None,
        },
        "body": {
            "name": "公文正文",
            "font": "仿宋_GB2312",
            "latin_font": "Times New Roman",
            "size_pt": 16.0,
            "bold": False,
            "align": "justify",
            "first_line_chars": 2.0,
            "space_after_lines": 0.0,
            "outline_level": None,
        },
        "heading1": {
            "name": "公文一级标题",
            "font": "黑体",
            "latin_font": "Times New Roman",
            "size_pt": 16.0,
            "bold": False,
            "align": "justify",
            "first_line_chars": 2.0,
            "space_after_lines": 0.0,
            "outline_level": 1,
        },
        "heading2": {
            "name": "公文二级标题",
            "font": "楷体_GB2312",
            "latin_font": "Times New Roman",
            "size_pt": 16.0,
            "bold": False,
            "align": "justify",
            "first_line_chars": 2.0,
            "space_after_lines": 0.0,
            "outline_level": 2,
        },
        "heading3": {
            "name": "公文三级标题",
            "font": "仿宋_GB2312",
            "latin_font": "Times New Roman",
            "size_pt": 16.0,
            "bold": True,
            "align": "justify",
            "first_line_chars": 2.0,
            "space_after_lines": 0.0,
            "outline_level": 3,
        },
        "page_number": {
            "name": "公文页码",
            "font": "宋体",
            "latin_font": "宋体",
            "size_pt": 14.0,
            "bold": False,
            "align": "right",
            "first_line_chars": 0.0,
            "space_after_lines": 0.0,
            "outline_level": None,
        },
    },
}


@dataclass(frozen=True)
class TextStyle:
    """How one kind of paragraph looks: a named Word paragraph style."""

    name: str
    font: str  # East Asian font (w:eastAsia)
    latin_font: str  # w:ascii / w:hAnsi
    size_pt: float
    bold: bool
    align: str
    first_line_chars: float  # first-line indent in characters of this style's size
    space_after_lines: float  # space after, in lines of the fixed line spacing
    outline_level: int | None  # 1..9 shows in Word's navigation pane; None for body text


@dataclass(frozen=True)
class LayoutProfile:
    """Everything the .docx writer needs to know about the page and the paragraphs."""

    page: dict[str, float]
    page_number: dict[str, Any]
    highlight_color: str
    styles: dict[str, TextStyle]
    source: str  # "defaults" or the path of the user file merged over them


def profile_path() -> Path | None:
    """The user's profile file in the config folder, if there is one."""
    from drafter.paths import config_dir

    for name in PROFILE_NAMES:
        candidate = config_dir() / name
        if candidate.is_file():
            return candidate
    return None


def default_profile() -> LayoutProfile:
    """The GB/T 9704-2012 layout, untouched by any user file."""
    return _build(copy.deepcopy(DEFAULTS), "defaults")


def load_profile(path: Path | None = None) -> LayoutProfile:
    """The defaults with the user's profile (``path`` or the config-folder file) merged over."""
    path = path if path is not None else profile_path()
    if path is None:
        return default_profile()
    data = _read(path)
    merged = copy.deepcopy(DEFAULTS)
    _merge(merged, data, path, "")
    return _build(merged, str(path))


def defaults_toml() -> str:
    """The default profile as TOML text, a starting point for a user's ``export.toml``."""
    lines: list[str] = []

    def value(v: Any) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (int, float)):
            return repr(v)
        return json.dumps(v, ensure_ascii=False)

    for key in ("page", "page_number", "highlight"):
        lines.append(f"[{key}]")
        lines += [f"{k} = {value(v)}" for k, v in DEFAULTS[key].items()]
        lines.append("")
    for role in ROLES:
        lines.append(f"[styles.{role}]")
        for k, v in DEFAULTS["styles"][role].items():
            if v is None:
                lines.append(f"# {k} = 1   (not set: no outline level)")
            else:
                lines.append(f"{k} = {value(v)}")
        lines.append("")
    return "\n".join(lines)


def _read(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"无法读取排版配置：{exc.strerror}", path) from None
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(raw.decode("utf-8-sig"))
        else:
            if sys.version_info >= (3, 11):
                import tomllib
            else:  # pragma: no cover - Python 3.10
                import tomli as tomllib
            data = tomllib.loads(raw.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"排版配置格式错误：{exc}", path) from None
    if not isinstance(data, dict):
        raise InputError("排版配置应是一个键值表", path)
    return data


def _merge(base: dict[str, Any], override: dict[str, Any], path: Path, where: str) -> None:
    for key, new in override.items():
        dotted = f"{where}{key}"
        if key not in base:
            valid = "、".join(base)
            raise InputError(f"排版配置中有未知的键 {dotted}（可用：{valid}）", path)
        old = base[key]
        if isinstance(old, dict):
            if not isinstance(new, dict):
                raise InputError(f"排版配置中 {dotted} 应是一个表", path)
            _merge(old, new, path, dotted + ".")
        else:
            base[key] = _check_value(dotted, old, new, path)


def _check_value(dotted: str, old: Any, new: Any, path: Path) -> Any:
    key = dotted.rsplit(".", 1)[-1]
    if key == "outline_level":
        if new is not None and (isinstance(new, bool) or new not in range(1, 10)):
            raise InputError(f"排版配置中 {dotted} 应是 1 到 9 的整数", path)
        return new
    if isinstance(old, bool):
        if not isinstance(new, bool):
            raise InputError(f"排版配置中 {dotted} 应是 true 或 false", path)
        return new
    if isinstance(old, float):
        if isinstance(new, bool) or not isinstance(new, (int, float)) or new < 0:
            raise InputError(f"排版配置中 {dotted} 应是非负数", path)
        return float(new)
    if not isinstance(new, str) or (key != "prefix" and key != "suffix" and not new.strip()):
        raise InputError(f"排版配置中 {dotted} 应是文字", path)
    if key == "align" and new not in ALIGNMENTS:
        raise InputError(f"排版配置中 {dotted} 应是 {'、'.join(ALIGNMENTS)} 之一", path)
    return new


def _build(data: dict[str, Any], source: str) -> LayoutProfile:
    names = [f.name for f in fields(TextStyle)]
    styles = {role: TextStyle(**{k: data["styles"][role][k] for k in names}) for role in ROLES}
    return LayoutProfile(
        page=dict(data["page"]),
        page_number=dict(data["page_number"]),
        highlight_color=data["highlight"]["color"],
        styles=styles,
        source=source,
    )
