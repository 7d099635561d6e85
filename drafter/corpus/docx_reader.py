""".docx speeches -> text lines, with Word's automatic list numbering written out as markers.

A speech typed in Word often numbers its points with the list feature, so "一、" is not in
the text at all: it lives in numbering.xml. We render it back (一、 （一） 1. （1）) so the
corpus reader and the parser see the same lines as in a text page. An old binary .doc can
be converted with LibreOffice headless when it is installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafter.errors import InputError
from drafter.structure.markers import cn_counting

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = {W + "del", W + "moveFrom", W + "txbxContent", _MC_FALLBACK, W + "instrText"}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CN_DIGITS = "〇一二三四五六七八九"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

CONVERT_HINT = (
    "是旧版 Word（.doc）文件，请先另存为 .docx（Word/WPS：文件→另存为→.docx；"
    "或 soffice --headless --convert-to docx 文件名.doc）"
)


def read_docx_lines(path: str | Path) -> list[str]:
    """Paragraphs of the document body in order (tables cell by cell), numbering rendered.

    Empty paragraphs are dropped; a manual line break splits a paragraph into two lines.
    """
    path = Path(path)
    document = _open(path)
    numbering = _Numbering(document)
    lines: list[str] = []
    for p in _body_paragraphs(document.element.body):
        text = _paragraph_text(p)
        marker = numbering.marker(p)
        for i, part in enumerate(text.split("\n")):
            part = part.strip()
            if i == 0 and marker:
                part = marker + part
            if part:
                lines.append(part)
    return lines


def convert_doc(path: str | Path, outdir: str | Path) -> Path:
    """Convert a binary .doc to .docx in `outdir` with LibreOffice headless; the new path.

    InputError (with how to convert by hand) when LibreOffice is not installed or fails.
    """
    path = Path(path)
    _check_word_file(path)
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise InputError(CONVERT_HINT, path)
    outdir = Path(outdir)
    profile = Path(tempfile.mkdtemp(prefix="drafter-office-"))
    try:
        done = subprocess.run(
            [office, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
             "--convert-to", "docx", "--outdir", str(outdir), str(path)],
            capture_output=True, timeout=180, check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        raise InputError(CONVERT_HINT + "（LibreOffice 自动转换失败）", path) from None
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    converted = outdir / (path.stem + ".docx")
    if done.returncode != 0 or not converted.is_file():
        raise InputError(CONVERT_HINT + "（LibreOffice 自动转换失败）", path)
    return converted


def _read_head(path: Path, size: int) -> bytes:
    """The first `size` bytes of a file, or a one-line InputError naming it."""
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except FileNotFoundError:
        raise InputError("文件不存在", path) from None
    except OSError as exc:
        raise InputError(f"无法读取：{exc.strerror}", path) from None


def _check_word_file(path: Path) -> None:
    """A .doc is a Word binary, or RTF/HTML/MHT saved under that name; anything else would
    be imported by LibreOffice as plain text and come out as garbage."""
    head = _read_head(path, 512)
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(_OLE_MAGIC) or text.startswith((b"{\\rtf", b"<", b"mime-version")):
        return
    raise InputError("不是 Word 文件（既不是 .doc 也不是 .docx）", path)


def read_doc_lines(path: str | Path) -> list[str]:
    """Lines of a binary .doc, through a LibreOffice conversion in a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="drafter-doc-") as tmp:
        lines = read_docx_lines(convert_doc(path, tmp))
    if not lines:
        raise InputError(CONVERT_HINT + "（LibreOffice 转换后没有文字）", path)
    return lines


def _open(path: Path) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    head = _read_head(path, 8)
    if head == _OLE_MAGIC:
        raise InputError(CONVERT_HINT, path)
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"不是有效的 .docx 文件（{type(exc).__name__}）", path) from None
    except Exception as exc:  # lxml syntax errors and the like from a damaged package
        raise InputError(f".docx 文件已损坏，无法解析（{type(exc).__name__}）", path) from None


def _body_paragraphs(container: Any) -> list[Any]:
    """w:p elements in reading order, descending into tables, content controls, customXml."""
    out: list[Any] = []
    for child in container:
        tag = child.tag
        if tag == W + "p":
            out.append(child)
        elif tag in (W + "tbl", W + "tr", W + "tc", W + "sdt", W + "sdtContent",
                     W + "customXml", W + "ins", W + "moveTo"):
            out.extend(_body_paragraphs(child))
    return out


def _paragraph_text(p: Any) -> str:
    """Visible text of one paragraph: inserted text kept, deleted text and field codes not."""
    parts: list[str] = []

    def visit(element: Any) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == W + "t":
                parts.append(child.text or "")
            elif tag == W + "tab":
                parts.append(" ")
            elif tag in (W + "br", W + "cr"):
                if child.get(W + "type") not in ("page", "column"):
                    parts.append("\n")
            elif tag == W + "noBreakHyphen":
                parts.append("-")
            elif tag != W + "pPr":
                visit(child)

    visit(p)
    return "".join(parts)


@dataclass
class _Level:
    fmt: str
    text: str
    start: int
    legal: bool


class _Numbering:
    """Word's list definitions, with running counters per list instance (w:num)."""

    def __init__(self, document: Any) -> None:
        self._levels: dict[str, dict[int, _Level]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._style_num: dict[str, tuple[str, int]] = {}
        self._load(document)

    def _load(self, document: Any) -> None:
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            root = None
        if root is not None:
            abstract = {a.get(W + "abstractNumId"): a for a in root.findall(W + "abstractNum")}
            for num in root.findall(W + "num"):
                num_id = num.get(W + "numId")
                ref = num.find(W + "abstractNumId")
                definition = abstract.get(ref.get(W + "val")) if ref is not None else None
                if num_id is None or definition is None:
                    continue
                definition = self._follow_link(definition, root, abstract)
                levels = {int(lvl.get(W + "ilvl", "0")): _read_level(lvl)
                          for lvl in definition.findall(W + "lvl")}
                for override in num.findall(W + "lvlOverride"):
                    ilvl = int(override.get(W + "ilvl", "0"))
                    lvl = override.find(W + "lvl")
                    if lvl is not None:
                        levels[ilvl] = _read_level(lvl)
                    start = override.find(W + "startOverride")
                    if start is not None and ilvl in levels:
                        levels[ilvl].start = _int(start.get(W + "val"), 1)
                self._levels[num_id] = levels
        for style in document.styles.element.findall(W + "style"):
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                num_id, style_ilvl = _num_pr(num_pr)
                if num_id:
                    self._style_num[style.get(W + "styleId")] = (num_id, style_ilvl or 0)
        self._style_base = {
            s.get(W + "styleId"): s.find(W + "basedOn").get(W + "val")
            for s in document.styles.element.findall(W + "style")
            if s.find(W + "basedOn") is not None
        }

    @staticmethod
    def _follow_link(definition: Any, root: Any, abstract: dict[str, Any]) -> Any:
        """An abstractNum that only points at a numbering style: use the linked definition."""
        link = definition.find(W + "numStyleLink")
        if link is None:
            return definition
        name = link.get(W + "val")
        for candidate in abstract.values():
            style_link = candidate.find(W + "styleLink")
            if style_link is not None and style_link.get(W + "val") == name:
                return candidate
        return definition

    def marker(self, p: Any) -> str:
        """The rendered marker of paragraph `p`, advancing the counters; "" when unnumbered."""
        num_id, ilvl = None, None
        num_pr = p.find(f"{W}pPr/{W}numPr")
        if num_pr is not None:
            num_id, ilvl = _num_pr(num_pr)
        if num_id is None:
            style = p.find(f"{W}pPr/{W}pStyle")
            style_id = style.get(W + "val") if style is not None else None
            seen = set()
            while style_id and style_id not in seen:
                seen.add(style_id)
                if style_id in self._style_num:
                    num_id, style_ilvl = self._style_num[style_id]
                    ilvl = ilvl if ilvl is not None else style_ilvl
                    break
                style_id = self._style_base.get(style_id)
        if not num_id or num_id == "0" or num_id not in self._levels:
            return ""
        ilvl = ilvl or 0
        levels = self._levels[num_id]
        if ilvl not in levels:
            return ""
        counters = self._counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        return _render(levels, counters, ilvl)


def _num_pr(num_pr: Any) -> tuple[str | None, int | None]:
    num = num_pr.find(W + "numId")
    lvl = num_pr.find(W + "ilvl")
    num_id = num.get(W + "val") if num is not None else None
    ilvl = _int(lvl.get(W + "val"), 0) if lvl is not None else None
    return num_id, ilvl


def _read_level(lvl: Any) -> _Level:
    fmt = lvl.find(W + "numFmt")
    text = lvl.find(W + "lvlText")
    start = lvl.find(W + "start")
    return _Level(
        fmt=fmt.get(W + "val", "decimal") if fmt is not None else "decimal",
        text=text.get(W + "val", "") if text is not None else "",
        start=_int(start.get(W + "val"), 1) if start is not None else 1,
        legal=lvl.find(W + "isLgl") is not None,
    )


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _render(levels: dict[int, _Level], counters: dict[int, int], ilvl: int) -> str:
    level = levels[ilvl]
    if level.fmt in ("bullet", "none"):
        return ""

    def number(match: re.Match[str]) -> str:
        k = int(match.group(1)) - 1
        if k not in levels:
            return ""
        value = counters.get(k, levels[k].start)
        fmt = "decimal" if level.legal else levels[k].fmt
        return format_number(value, fmt)

    marker = re.sub(r"%([1-9])", number, level.text)
    return _normalise_marker(marker)


def _normalise_marker(marker: str) -> str:
    """Markers the way Chinese text writes them: （一） not (一), 一、 not 一. ."""
    marker = marker.strip()
    marker = re.sub(r"^\((.+)\)$", r"（\1）", marker)
    marker = re.sub(r"^(.+)\)$", r"\1）", marker)
    marker = re.sub(r"^([〇一二三四五六七八九十百千]+)[.．]$", r"\1、", marker)
    marker = marker.replace("．", ".")
    return marker


def format_number(n: int, fmt: str) -> str:
    """A counter value in one of Word's number formats (w:numFmt)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
               "taiwaneseCounting", "ideographTraditional_counting"):
        return cn_counting(n)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt == "chineseLegalSimplified":
        return cn_counting(n).translate(str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟"))
    if fmt == "ideographTraditional":
        return _STEMS[(n - 1) % 10]
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else str(n)
    if fmt == "decimalFullWidth":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman.lower() if fmt == "lowerRoman" else roman
    return str(n)


def _roman(n: int) -> str:
    table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
             (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, letters in table:
        while n >= value:
            out += letters
            n -= value
    return out
