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

from drafter.atomic import write_bytes_atomic
from drafter.errors import DrafterError, os_reason
from drafter.mine.group import Family, Member
from drafter.mine.shape import PART_NAMES, parts_of, shape_of
from drafter.model import Section
from drafter.structure.markers import format_marker

SLUG = {
    "cn_dun": "yi", "cn_paren": "kuohao", "arabic_dot": "shuzi", "arabic_paren": "kuohao-shuzi",
    "circled": "quan", "di": "diyi", "yishi": "yishi", "yiyao": "yiyao", "sequence": "shouxian",
    "label": "biaoqian", "placeholder": "zhanwei",
}
_MEETING = re.compile(r"在(.{2,30}?会议?)上")
_TOPIC_TAIL = re.compile(r"(工作)?(视频|电视电话|专题|推进|部署|安排部署|领导小组|指挥部)*(会议|会)$")
HEADING_HASHES = {1: "##", 2: "###", 3: "####", 4: "#####"}
# Genre groups other than 讲话: id prefix, and the salutation their speakers use.
GENRE_SLUG = {"表态发言": "biaotai", "主持词": "zhuchi", "致辞": "zhici"}
GENRE_SALUTATION = {"表态发言": "尊敬的各位领导、同志们：", "主持词": "各位领导、同志们：",
                    "致辞": "尊敬的各位领导、各位来宾，女士们、先生们："}
# A 主持词's points are agenda items: each becomes the genre's own wording of that step.
_AGENDA_ITEMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), text) for p, text in (
        (r"表态", "请〔单位待补〕作表态发言"), (r"讲话|致辞|作重要|指示", "请〔领导待补〕同志讲话"),
        (r"发言|交流", "请〔单位待补〕作交流发言"), (r"宣读|表彰|颁发|颁奖", "宣读表彰决定并颁奖"),
        (r"通报|介绍|汇报|报告", "请〔部门待补〕通报工作情况"), (r"传达|学习", "传达学习上级会议精神"),
        (r"审议|通过|表决|选举", "审议通过有关事项"), (r"签订|签署", "签订目标责任书"),
        (r"部署|安排", "安排部署下一步工作"),
    )
]


def agenda_item(text: str) -> str | None:
    """The genre's wording of an agenda step ("请〔领导待补〕同志讲话"), None if not one."""
    return next((item for rx, item in _AGENDA_ITEMS if rx.search(text)), None)


def template_id(family: Family) -> str:
    tid = f"{SLUG.get(family.top, family.top)}-{'nested' if family.nested else 'flat'}"
    prefix = GENRE_SLUG.get(family.genre)
    return f"{prefix}-{tid}" if prefix else tid


def template_name(family: Family) -> str:
    first = format_marker(family.top, 1).rstrip("，,：")
    noun = "讲话提纲" if family.kind == "提纲" else family.kind  # the kind shows in every menu
    return f"“{first}”{'统领分项式' if family.nested else '并列要点式'}{noun}"


def _source_label(m: Member) -> str:
    title = m.speech.title or "（无标题）"
    return f"{title}（{m.key[0]}:{m.key[1]}）" if m.key[0] else title


def corpus_defaults(members: list[Member]) -> tuple[str, str]:
    """(meeting, topic) defaults: the most common meeting named in the sources' titles."""
    meetings: Counter[str] = Counter()
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
    return f"语料中{len(family.members)}篇{family.kind}的结构：{framing}，{text}。"


def _majority_parts(members: list[Member]) -> list[str]:
    """Framing parts most sources have. Every template greets and closes: sources cut off
    before their closing (most archived pages) get the corpus's closing at render time."""
    counts = Counter(p for m in members for p in parts_of(m.skeleton))
    always = ("salutation", "opening", "closing")
    return [p for p in PART_NAMES if p in always or 2 * counts[p] >= len(members)]


def _agenda_run(sections: list[Section]) -> set[int]:
    """Indexes of the level-1 points of a 主持词 that are agenda steps."""
    return {k for k, s in enumerate(sections) if agenda_item(s.text)}


def _sections(lines: list[str], sections: list[Section], role: str | None,
              agenda: frozenset[int] | set[int] = frozenset()) -> None:
    counters: dict[str, int] = {}
    for k, s in enumerate(sections):
        if k in agenda:  # an agenda step: numbered in its own series, in the genre's words
            counters[s.family] = counters.get(s.family, 0) + 1 if k - 1 in agenda else 1
            lines.append(f"## {format_marker(s.family, counters[s.family])}{agenda_item(s.text)}")
            lines.append("")
            continue
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
    agenda = _agenda_run(skel.sections) if family.genre == "主持词" else set()
    roles = ["会议议程" if k in agenda else s.role for k, s in enumerate(skel.sections)]
    variables = [
        ("meeting", "会议名称", meeting, "always"),
        ("org", "主办单位（如××市委、××县人民政府）", "〔单位待补〕", "always"),
        ("topic", "讲话主题", topic, "always"),
        ("speaker", "讲话人及职务", "〔人名待补〕", "missing"),
        ("date", "讲话日期", "〔日期待补〕", "missing"),
    ]
    meta = [
        f"name = {_toml(template_name(family))}",
        f"kind = {_toml(family.kind)}",
        f"description = {_toml(_description(family, parts))}",
        f"shape = {_toml(shape_of(skel))}",
        f"parts = {_toml(parts)}",
        f"roles = {_toml(roles)}",
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
        if part == "salutation" and family.genre in GENRE_SALUTATION:
            lines += [GENRE_SALUTATION[family.genre], ""]
        elif part in parts:
            lines += [f"{{{{ {part}() }}}}", ""]
    _sections(lines, skel.sections, None, agenda)
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
