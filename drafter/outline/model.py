"""The Outline: a Markdown file with a front matter block, read and written as plain text.

Front matter is a YAML subset that needs no YAML library: `key: <JSON value>` per line, or a
key with an empty value followed by indented `"key": <JSON value>` lines (a block mapping).
Both are valid YAML, so any YAML tool reads it too. The body is what render_outline produced,
possibly edited by the user; sections are found from its `##`..`######` headings.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field

from drafter.errors import OutlineError
from drafter.outline._markers import Marker, split_marker

FENCE = "---"
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")


@dataclass
class Outline:
    """One outline: what generated it (front matter) and its Markdown body."""

    template: str
    seed: int
    body: str
    variables: dict[str, str] = field(default_factory=dict)
    section_seeds: dict[str, int] = field(default_factory=dict)
    fingerprints: dict[str, str] = field(default_factory=dict)
    closing: int = 0  # how many non-blank lines at the end of the body are the closing
    version: str = ""
    extra: dict[str, object] = field(default_factory=dict)  # unknown keys, kept on rewrite
    newline: str = "\n"
    front_lines: int = 0  # lines taken by the front matter (body line 1 = file line this+1)

    def to_text(self) -> str:
        """The whole file: front matter then body, with the file's own line ending."""
        nl = self.newline
        lines = [FENCE, f"drafter: {_dump(self.version)}", f"template: {_dump(self.template)}",
                 f"seed: {_dump(self.seed)}"]
        lines += _block("variables", self.variables)
        lines += _block("section_seeds", dict(sorted(self.section_seeds.items(),
                                                     key=lambda kv: path_key(kv[0]))))
        lines.append(f"closing: {_dump(self.closing)}")
        lines += _block("fingerprints", dict(sorted(self.fingerprints.items(),
                                                    key=lambda kv: path_key(kv[0]))))
        lines += [f"{k}: {_dump(v)}" for k, v in self.extra.items()]
        lines.append(FENCE)
        body = self.body if nl == "\n" else self.body.replace("\r\n", "\n").replace("\n", nl)
        return nl.join(lines) + nl + body


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _block(key: str, mapping: dict) -> list[str]:
    if not mapping:
        return [f"{key}: {{}}"]
    return [f"{key}:"] + [f"  {_dump(str(k))}: {_dump(v)}" for k, v in mapping.items()]


def _load(raw: str, path: str | None, line: int) -> object:
    raw = raw.strip()
    if raw == "":
        return ""
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        if raw[0] in "{[\"":
            raise OutlineError(f"无法读取提纲头部的值：{raw}", path, line) from None
        return raw  # a plain YAML scalar, e.g. a hand-edited `topic: 安全生产`


def parse_outline(text: str, path: str | None = None) -> Outline:
    """Read an outline file's text. OutlineError when it has no drafter front matter."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    if not lines or lines[0].lstrip("\ufeff").strip() != FENCE:
        raise OutlineError("不是 drafter 提纲（文件开头没有 --- 提纲头部）", path, 1)
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE)
    except StopIteration:
        raise OutlineError("提纲头部没有结束的 --- 行", path, 1) from None
    meta: dict[str, object] = {}
    current: dict[str, object] | None = None
    for i in range(1, end):
        line, lineno = lines[i], i + 1
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0] in " \t":
            if current is None:
                raise OutlineError("提纲头部缩进行不属于任何键", path, lineno)
            key, value = _split_pair(line.strip(), path, lineno)
            current[str(_load(key, path, lineno))] = _load(value, path, lineno)
            continue
        key, value = _split_pair(line, path, lineno)
        if value.strip() == "":
            current = {}
            meta[key] = current
        else:
            current = None
            meta[key] = _load(value, path, lineno)
    if "template" not in meta or "seed" not in meta:
        raise OutlineError("不是 drafter 提纲（头部缺少 template 或 seed）", path, 1)
    try:
        seed = int(meta.pop("seed"))  # type: ignore[call-overload]
        closing = int(meta.pop("closing", 0) or 0)  # type: ignore[call-overload]
        seeds = {str(k): int(v) for k, v in _mapping(meta.pop("section_seeds", {})).items()}
    except (TypeError, ValueError):
        raise OutlineError("提纲头部的 seed/closing/section_seeds 不是整数", path, 1) from None
    return Outline(
        template=str(meta.pop("template")),
        seed=seed,
        body=newline.join(lines[end + 1:]).replace("\r\n", "\n"),
        variables={str(k): str(v) for k, v in _mapping(meta.pop("variables", {})).items()},
        section_seeds=seeds,
        fingerprints={str(k): str(v) for k, v in _mapping(meta.pop("fingerprints", {})).items()},
        closing=closing,
        version=str(meta.pop("drafter", "")),
        extra=meta,
        newline=newline,
        front_lines=end + 1,
    )


def _split_pair(line: str, path: str | None, lineno: int) -> tuple[str, str]:
    # Keys may be JSON strings ("2.1": ...), so split at the first ':' outside quotes.
    if line.startswith('"'):
        m = re.match(r'^("(?:[^"\\]|\\.)*")\s*:(.*)$', line)
    else:
        m = re.match(r"^([^:]+):(.*)$", line)
    if not m:
        raise OutlineError(f"提纲头部这一行不是“键: 值”：{line.strip()}", path, lineno)
    return m.group(1).strip(), m.group(2)


def _mapping(value: object) -> dict:
    return value if isinstance(value, dict) else {}


# ---------------------------------------------------------------- sections of the body


@dataclass
class Heading:
    """A Markdown heading line of the body (level 1 = `##`, the document's top points)."""

    index: int  # 0-based line index in the body
    hashes: str
    marker: Marker | None
    sep: str  # whitespace between marker and text, kept by fmt
    text: str

    @property
    def level(self) -> int:
        return len(self.hashes) - 1


@dataclass
class SectionSpan:
    """A section as it sits in the body now: lines [start, end) and its children."""

    path: str
    heading: Heading
    start: int
    end: int  # exclusive; trailing blank lines and the closing are left out
    children: list[SectionSpan] = field(default_factory=list)

    @property
    def level(self) -> int:
        return self.heading.level


def headings(body_lines: list[str]) -> list[Heading]:
    """Every heading of level >= 1 (`##` and deeper), in order; the `#` title is not one."""
    out = []
    for i, line in enumerate(body_lines):
        m = _HEADING.match(line)
        if m and len(m.group(1)) >= 2:
            marker, sep, text = split_marker(m.group(2))
            out.append(Heading(i, m.group(1), marker, sep, text))
    return out


def body_end(body_lines: list[str], closing: int) -> int:
    """Line index where the closing starts: its `closing` non-blank lines belong to no section."""
    end = len(body_lines)
    last_heading = max((h.index for h in headings(body_lines)), default=-1)
    for _ in range(closing):
        while end > last_heading + 1 and not body_lines[end - 1].strip():
            end -= 1
        if end > last_heading + 1:
            end -= 1
    return end


def section_tree(body: str, closing: int = 0) -> list[SectionSpan]:
    """The sections of a body by position: paths "1", "2", "2.1" count headings as they are."""
    lines = body.split("\n")
    limit = body_end(lines, closing)
    roots: list[SectionSpan] = []
    stack: list[SectionSpan] = []
    all_heads = headings(lines)
    for k, h in enumerate(all_heads):
        while stack and stack[-1].level >= h.level:
            stack.pop()
        siblings = stack[-1].children if stack else roots
        prefix = stack[-1].path + "." if stack else ""
        nxt = next((o.index for o in all_heads[k + 1:] if o.level <= h.level), limit)
        end = max(min(nxt, limit), h.index + 1)
        while end > h.index + 1 and not lines[end - 1].strip():
            end -= 1
        span = SectionSpan(f"{prefix}{len(siblings) + 1}", h, h.index, end)
        siblings.append(span)
        stack.append(span)
    return roots


def walk(spans: list[SectionSpan]) -> list[SectionSpan]:
    """Every section, depth first, in document order."""
    out: list[SectionSpan] = []
    for s in spans:
        out.append(s)
        out.extend(walk(s.children))
    return out


def fingerprint(body_lines: list[str], span: SectionSpan) -> str:
    """A short hash of what the user would see as the section's content.

    Markers are left out (fmt renumbering is not an edit) and so are blank lines and
    trailing spaces, so only a change of words counts as the user having edited the section.
    """
    parts = []
    for i in range(span.start, span.end):
        line = body_lines[i].rstrip()
        if not line.strip():
            continue
        m = _HEADING.match(line)
        if m and len(m.group(1)) >= 2:
            line = m.group(1) + " " + split_marker(m.group(2))[2]
        parts.append(line)
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


def fingerprints(body: str, closing: int = 0) -> dict[str, str]:
    """Fingerprint of every section of a body, keyed by path."""
    lines = body.split("\n")
    return {s.path: fingerprint(lines, s) for s in walk(section_tree(body, closing))}


def path_key(path: str) -> tuple[int, ...]:
    """Sort key for paths: "2.10" after "2.9"."""
    try:
        return tuple(int(p) for p in path.split("."))
    except ValueError:
        return (10**6,)


def normalize_path(raw: str, path: str | None = None) -> str:
    """"2", "2.1", "二", "二.1", "二、", "（一）"-style parts -> "2", "2.1"."""
    from drafter.outline._markers import parse_cn_number

    parts = []
    for part in re.split(r"[.．。/]", raw.strip()):
        part = part.strip().strip("、，,（）() 第")
        if part.isdigit():
            n = int(part)
        else:
            n = parse_cn_number(part) or 0
        if n <= 0:
            raise OutlineError(f"部分编号“{raw}”无效，应写成 2、2.1 或 二 这样的形式", path)
        parts.append(str(n))
    return ".".join(parts)


def find_span(spans: list[SectionSpan], path: str) -> SectionSpan | None:
    """The section at `path` by position in the current body, or None."""
    for s in walk(spans):
        if s.path == path:
            return s
    return None
