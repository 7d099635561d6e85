"""Template files: find them, read the TOML metadata in their leading Jinja comment.

A template is `<id>.md.j2`. Its first block is a Jinja comment `{#- … -#}` holding TOML:
name, description, shape, parts, sources, count and `[[variables]]` (key, prompt, default,
ask_when). Bundled templates ship with drafter; `drafter mine` writes into
`data_dir()/mined`; the writer's own templates live in `data_dir()/templates`; more folders
can be passed in. A later folder shadows an earlier one for the same id
(extra_dirs > user > mined > bundled).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter.errors import DrafterWarning, TemplateError
from drafter.tomlcache import loads_toml

SUFFIX = ".md.j2"
ASK_WHEN = ("always", "missing", "never")  # always prompt / only if not given / use default
_HEAD = re.compile(r"\A\ufeff?\s*\{#-?(?P<body>.*?)-?#\}", re.S)
_TOML_LINE = re.compile(r"at line (\d+)")


@dataclass(frozen=True)
class TemplateVar:
    """A variable the template asks the writer for (`drafter new` prompts with `prompt`)."""

    key: str
    prompt: str
    default: str = ""
    ask_when: str = "missing"


@dataclass
class TemplateInfo:
    """One template: its metadata and where it is."""

    id: str
    name: str
    description: str
    shape: str
    sources: list[str]
    count: int
    variables: list[TemplateVar]
    path: Path
    source_text: str
    parts: list[str] = field(default_factory=list)  # framing parts: salutation, opening, ...
    roles: list[str] = field(default_factory=list)  # role of each top-level point
    kind: str = "讲话"  # the genre it drafts: 部署讲话, 表态发言, 主持词, 致辞 …

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary (used by `drafter templates --json`)."""
        return {
            "id": self.id,
            "name": self.name,
            "description": self.description,
            "shape": self.shape,
            "parts": self.parts,
            "roles": self.roles,
            "kind": self.kind,
            "sources": self.sources,
            "count": self.count,
            "variables": [vars(v) for v in self.variables],
            "path": str(self.path),
        }


def template_id(path: Path) -> str:
    """The id of a template file: its name without `.md.j2`."""
    name = path.name
    return name[: -len(SUFFIX)] if name.endswith(SUFFIX) else path.stem


def _line_of(text: str, key: str, default: int) -> int:
    m = re.search(rf"^\s*{re.escape(key)}\s*=", text, re.M)
    return text.count("\n", 0, m.start()) + 1 if m else default


def _str(meta: dict[str, Any], key: str, text: str, path: Path, required: bool = False) -> str:
    value = meta.get(key, "")
    if (required and not value) or not isinstance(value, str):
        raise TemplateError(f"元数据 {key} 须为非空字符串", path, _line_of(text, key, 1))
    return value


def load_template(path: str | Path) -> TemplateInfo:
    """Read one template file and its metadata; TemplateError (file:line) when malformed."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(f"无法读取模板：{exc}", path) from None
    m = _HEAD.match(text)
    if m is None:
        raise TemplateError("模板开头缺少元数据注释 {#- … -#}", path, 1)
    first_line = text.count("\n", 0, m.start("body")) + 1
    try:
        meta = loads_toml(m.group("body"))
    except ValueError as exc:  # tomllib.TOMLDecodeError
        found = _TOML_LINE.search(str(exc))
        if found:
            line = first_line + int(found.group(1)) - 1
        else:  # "at end of document": point at the last line of the metadata
            line = first_line + m.group("body").rstrip().count("\n")
        raise TemplateError(f"元数据不是合法的 TOML：{exc}", path, line) from None
    variables: list[TemplateVar] = []
    for k, item in enumerate(meta.get("variables", [])):
        line = _line_of(text, "key", first_line)
        if not isinstance(item, dict) or not isinstance(item.get("key"), str):
            raise TemplateError(f"第 {k + 1} 个变量缺少 key", path, line)
        ask = item.get("ask_when", "missing")
        if ask not in ASK_WHEN:
            raise TemplateError(
                f"变量 {item['key']} 的 ask_when 须为 {'/'.join(ASK_WHEN)}，而不是 {ask!r}",
                path,
                _line_of(text, "ask_when", line),
            )
        variables.append(
            TemplateVar(item["key"], str(item.get("prompt", item["key"])), str(item.get("default", "")), ask)
        )
    sources = meta.get("sources", [])
    count = meta.get("count", len(sources) if isinstance(sources, list) else 0)
    parts = meta.get("parts", [])
    roles = meta.get("roles", [])
    for key, value in (("sources", sources), ("parts", parts), ("roles", roles)):
        if not isinstance(value, list):
            raise TemplateError(f"元数据 {key} 须为列表", path, _line_of(text, key, first_line))
    if not isinstance(count, int):
        raise TemplateError("元数据 count 须为整数", path, _line_of(text, "count", first_line))
    return TemplateInfo(
        id=template_id(path),
        name=_str(meta, "name", text, path, required=True),
        description=_str(meta, "description", text, path),
        shape=_str(meta, "shape", text, path),
        sources=[str(s) for s in sources],
        count=count,
        variables=variables,
        path=path,
        source_text=text,
        parts=[str(p) for p in parts],
        roles=[str(r) for r in roles],
        kind=_str(meta, "kind", text, path) or "讲话",
    )


def mined_dir() -> Path:
    """Where `drafter mine` writes by default: apart from the writer's own templates."""
    from drafter.paths import data_dir

    return data_dir() / "mined"


def template_dirs(extra_dirs: tuple[str | Path, ...] | list[str | Path] = ()) -> list[Path]:
    """Folders searched for templates, lowest precedence first."""
    from drafter.data import bundled_dir
    from drafter.paths import data_dir

    dirs: list[Path] = []
    try:
        dirs.append(bundled_dir("templates"))
    except FileNotFoundError:
        pass
    dirs.append(mined_dir())
    dirs.append(data_dir() / "templates")
    dirs.extend(Path(d) for d in extra_dirs)
    return dirs


def list_templates(extra_dirs: tuple[str | Path, ...] | list[str | Path] = ()) -> list[TemplateInfo]:
    """Every template found (bundled, user, extra folders), one per id, sorted by id.

    A template that cannot be read (bad metadata, not UTF-8) is left out with a
    DrafterWarning naming its file and line, so one broken file does not hide the others.
    """
    import warnings

    found: dict[str, Path] = {}
    for folder in template_dirs(extra_dirs):
        if folder.is_dir():
            for path in sorted(folder.glob("*" + SUFFIX)):
                found[template_id(path)] = path
    infos = []
    for k in sorted(found):
        try:
            infos.append(load_template(found[k]))
        except TemplateError as exc:
            warnings.warn(DrafterWarning(f"已跳过这个模板：{exc.message}", exc.path, exc.line), stacklevel=2)
    return infos


def get_template(id_or_path: str | Path, extra_dirs: tuple[str | Path, ...] | list[str | Path] = ()) -> TemplateInfo:
    """A template by id, or by the path of a `.md.j2` file."""
    candidate = Path(id_or_path)
    if str(id_or_path).endswith(".j2") or candidate.is_file():
        if not candidate.is_file():
            raise TemplateError("模板文件不存在", candidate)
        return load_template(candidate)
    for folder in reversed(template_dirs(extra_dirs)):
        path = folder / f"{id_or_path}{SUFFIX}"
        if path.is_file():
            return load_template(path)
    ids = [t.id for t in list_templates(extra_dirs)]
    raise TemplateError(f"没有模板 {id_or_path!r}；可用的模板：{'、'.join(ids) or '（无）'}")
