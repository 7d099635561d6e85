"""Write one template family as a plain, readable Jinja template with TOML metadata.

Everything here is deterministic: the same families give byte-identical text.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from drafter.errors import DrafterError, os_reason
from drafter.mine.group import Family, Member
from drafter.mine.shape import PART_NAMES, parts_of, shape_of
from drafter.model import Section
from drafter.paths import write_bytes_atomic
from drafter.structure.markers import format_marker

SLUG = {
    "cn_dun": "yi", "cn_paren": "kuohao", "arabic_dot": "shuzi", "arabic_paren": "kuohao-shuzi",
    "circled": "quan", "di": "diyi", "yishi": "yishi", "yiyao": "yiyao", "sequence": "shouxian",
    "label": "biaoqian", "placeholder": "zhanwei",
}
_MEETING = re.compile(r"在(.{2,30}?会议?)上")
_TOPIC_TAIL = re.compile(r"(工作)?(视频|电视电话|专题|推进|部署|安排部署|领导小组|指挥部)*(会议|会)$")
HEADING_HASHES = {1: "##", 2: "###", 3: "####", 4: "#####"}


def template_id(family: Family) -> str:
    return f"{SLUG.get(family.top, family.top)}-{'nested' if family.nested else 'flat'}"


def template_name(family: Family) -> str:
    first = format_marker(family.top, 1).rstrip("，,：")
    return f"“{first}”{'统领分项式' if family.nested else '并列要点式'}讲话"


def _source_label(m: Member) -> str:
    title = m.speech.title or "（无标题）"
    return f"{title}（{m.key[0]}:{m.key[1]}）" if m.key[0] else title


def corpus_defaults(members: list[Member]) -> tuple[str, str]:
    """(meeting, topic) defaults: the most common meeting named in the sources' titles."""
    meetings = Counter()
    for m in members:
        found = _MEETING.search(m.speech.title or "")
        if found:
            name = re.sub(r"^(20\d\d年|全[市县区省]|[xX×]+)", "", found.group(1))
            meetings[name] += 1
    if not meetings:
        return "全市工作会议", "当前重点工作"
    meeting = min(meetings, key=lambda k: (-meetings[k], k))
    topic = _TOPIC_TAIL.sub("", meeting) or meeting
    return meeting, topic


def _toml(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _description(family: Family, parts: list[str]) -> str:
    secs = family.medoid.skeleton.sections
    roles = "→".join(dict.fromkeys(s.role or "任务措施" for s in secs))
    sub = [i + 1 for i, s in enumerate(secs) if s.children]
    text = f"{len(secs)}个要点（{roles}）"
    if sub:
        child = secs[sub[0] - 1].children[0].family
        text += f"，第{'、'.join(map(str, sub))}点下分“{format_marker(child, 1).rstrip('，,')}”小点"
    framing = "、".join(PART_NAMES[p] for p in parts)
    return f"语料中{len(family.members)}篇讲话的结构：{framing}，{text}。"


def _majority_parts(members: list[Member]) -> list[str]:
    counts = Counter(p for m in members for p in parts_of(m.skeleton))
    return [p for p in PART_NAMES if p == "opening" or 2 * counts[p] >= len(members)]


def _sections(lines: list[str], sections: list[Section], role: str | None) -> None:
    for s in sections:
        r = s.role or role or "任务措施"
        lines.append(f'{HEADING_HASHES.get(s.level, "#####")} {{{{ heading({s.level}, "{r}", "{s.family}") }}}}')
        lines.append("")
        lines.append(f'{{{{ body("{r}", {1 if s.children else 2}) }}}}')
        lines.append("")
        _sections(lines, s.children, r)


def render_template(family: Family) -> str:
    """The full text of the template for `family`."""
    medoid = family.medoid
    skel = medoid.skeleton
    parts = _majority_parts(family.members)
    meeting, topic = corpus_defaults(family.members)
    variables = [
        ("meeting", "会议名称", meeting, "always"),
        ("org", "主办单位（如××市委、××县人民政府）", "〔单位待补〕", "always"),
        ("topic", "讲话主题", topic, "always"),
        ("speaker", "讲话人及职务", "〔人名待补〕", "missing"),
        ("date", "讲话日期", "〔日期待补〕", "missing"),
    ]
    meta = [
        f"name = {_toml(template_name(family))}",
        f"description = {_toml(_description(family, parts))}",
        f"shape = {_toml(shape_of(skel))}",
        f"parts = {_toml(parts)}",
        f"roles = {_toml([s.role for s in skel.sections])}",
        f"count = {len(family.members)}",
        "sources = [",
        *[f"    {_toml(_source_label(m))}," for m in family.members],
        "]",
        f"model = {_toml(_source_label(medoid))}",
    ]
    for key, prompt, default, ask in variables:
        meta += ["", "[[variables]]", f"key = {_toml(key)}", f"prompt = {_toml(prompt)}",
                 f"default = {_toml(default)}", f"ask_when = {_toml(ask)}"]
    lines = ["{#-", "# drafter 模板：由 drafter mine 从语料挖掘生成，可直接修改。", *meta, "-#}",
             "# {{ title() }}", ""]
    for part in ("salutation", "opening", "transition"):
        if part in parts:
            lines += [f"{{{{ {part}() }}}}", ""]
    _sections(lines, skel.sections, None)
    if "closing" in parts:
        lines += ["{{ closing(1) }}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


MANIFEST = ".drafter-mine.json"  # file name -> SHA-256 of the bytes mine last wrote there


@dataclass
class WrittenTemplate:
    """What writing one mined template did.

    status: "new" (no file before), "unchanged", "updated" (replaced a file mine wrote and
    nobody edited since), "forced" (replaced an edited file after backing it up to `backup`),
    "beside" (the file at `kept` was edited, so it stays and the new one is at `path`).
    """

    id: str
    path: Path
    status: str
    kept: Path | None = None
    backup: Path | None = None


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_manifest(out_dir: Path) -> dict[str, str]:
    try:
        data = json.loads((out_dir / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _free_backup(path: Path) -> Path:
    candidate, n = path.with_name(path.name + ".bak"), 2
    while candidate.exists():
        candidate, n = path.with_name(f"{path.name}.bak{n}"), n + 1
    return candidate


def write_templates(texts: dict[str, str], out_dir: Path, *, force: bool = False) -> list[WrittenTemplate]:
    """Write `<id>.md.j2` files atomically, never over a file the writer edited.

    The folder's manifest records a hash of what mine wrote. A file whose bytes differ from
    its recorded hash (or that mine never wrote) was edited or hand-made: it is kept and the
    new template goes beside it as `<id>-new.md.j2` (then -new2, ...), unless `force`, which
    first copies it to `<name>.bak`. Raises DrafterError naming the file when a write fails.
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DrafterError(f"无法创建模板文件夹：{os_reason(exc)}", out_dir) from None
    manifest = _read_manifest(out_dir)
    results = []
    for tid in sorted(texts):
        data = texts[tid].encode("utf-8")
        name, n, kept = f"{tid}.md.j2", 1, None
        while True:
            path = out_dir / name
            try:
                old = path.read_bytes() if path.exists() else None
            except OSError as exc:
                raise DrafterError(f"无法读取模板：{os_reason(exc)}", path) from None
            if old is None or old == data or manifest.get(name) == _sha(old) or (force and kept is None):
                break
            kept = kept or path
            n += 1
            name = f"{tid}-new.md.j2" if n == 2 else f"{tid}-new{n - 1}.md.j2"
        status = "new" if old is None else "unchanged" if old == data else "updated"
        backup = None
        try:
            if old is not None and old != data and manifest.get(name) != _sha(old):
                backup = _free_backup(path)  # only with force: an edited file is copied first
                write_bytes_atomic(backup, old)
                status = "forced"
            if old != data:
                write_bytes_atomic(path, data)
        except OSError as exc:
            raise DrafterError(f"无法写入模板：{os_reason(exc)}", path) from None
        if kept is not None:
            status = "beside"
        manifest[name] = _sha(data)
        results.append(WrittenTemplate(tid, path, status, kept, backup))
    try:
        text = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
        write_bytes_atomic(out_dir / MANIFEST, text.encode("utf-8"))
    except OSError as exc:
        raise DrafterError(f"无法写入：{os_reason(exc)}", out_dir / MANIFEST) from None
    return results
