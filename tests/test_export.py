"""drafter export: the .docx read back with python-docx, paragraph by paragraph; .txt; CLI."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt

from drafter.cli import app
from drafter.errors import InputError, WriteRefused
from drafter.export import default_profile, export_outline, load_profile, write_atomic
from drafter.export.blocks import outline_blocks
from drafter.export.profile import defaults_toml

OUTLINE = (Path(__file__).parent / "fixtures" / "export_outline.md").read_text(encoding="utf-8")

# (paragraph text, style role) in document order
EXPECTED = [
    ("在全市安全生产工作会议上的讲话", "title"),
    ("同志们：", "salutation"),
    ("今天召开全市安全生产工作会议，主要任务是总结工作、部署任务。", "body"),
    ("一、提高政治站位，深刻认识安全生产的重要意义", "heading1"),
    ("过去一年，事故起数同比下降〔数据待补〕，形势总体平稳。", "body"),
    ("（一）坚持人民至上、生命至上", "heading2"),
    ("1. 重点行业领域风险依然突出", "heading3"),
    ("〔待写：风险描述〕", "body"),
    ("二、突出重点，扎实推进专项整治", "heading1"),
    ("同志们，让我们推动全市安全生产形势持续稳定向好！", "body"),
]

# role: (East Asian font, size pt, bold, alignment, first-line indent pt)
LOOK = {
    "title": ("方正小标宋简体", 22, False, WD_ALIGN_PARAGRAPH.CENTER, 0),
    "salutation": ("仿宋_GB2312", 16, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 0),
    "body": ("仿宋_GB2312", 16, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 32),
    "heading1": ("黑体", 16, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 32),
    "heading2": ("楷体_GB2312", 16, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 32),
    "heading3": ("仿宋_GB2312", 16, True, WD_ALIGN_PARAGRAPH.JUSTIFY, 32),
}


def _styles_of(paragraph):  # the paragraph's style, then its base styles
    style = paragraph.style
    while style is not None:
        yield style
        style = style.base_style


def _effective(paragraph, read):
    """The first value set along the style chain (paragraphs carry no direct formatting)."""
    for style in _styles_of(paragraph):
        value = read(style)
        if value is not None:
            return value
    return None


def _font_attr(style, attr):
    rpr = style.element.rPr
    if rpr is None or rpr.rFonts is None:
        return None
    return rpr.rFonts.get(qn(f"w:{attr}"))


@pytest.fixture
def outline(tmp_path: Path) -> Path:
    path = tmp_path / "提纲.md"
    path.write_text(OUTLINE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory):
    """The fixture outline exported once and read back: the tests that take it only read it."""
    path = tmp_path_factory.mktemp("export") / "提纲.md"
    path.write_text(OUTLINE, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:  # an empty home: no writer's profile
        mp.setenv("DRAFTER_HOME", str(tmp_path_factory.mktemp("export-home")))
        result = export_outline(path)
    assert result.path == path.with_suffix(".docx")
    return docx.Document(str(result.path))


def test_paragraphs_in_order_with_their_styles(exported) -> None:
    texts = [p.text for p in exported.paragraphs]
    assert texts == [text for text, _ in EXPECTED]
    names = [p.style.name for p in exported.paragraphs]
    profile = load_profile()
    assert names == [profile.styles[role].name for _, role in EXPECTED]


@pytest.mark.parametrize("index", range(len(EXPECTED)))
def test_each_paragraph_looks_like_gbt9704(exported, index: int) -> None:
    paragraph = exported.paragraphs[index]
    role = EXPECTED[index][1]
    east_asian, size, bold, align, indent = LOOK[role]
    assert _effective(paragraph, lambda s: _font_attr(s, "eastAsia")) == east_asian
    assert _effective(paragraph, lambda s: _font_attr(s, "ascii")) == "Times New Roman"
    assert _effective(paragraph, lambda s: _font_attr(s, "hAnsi")) == "Times New Roman"
    assert _effective(paragraph, lambda s: _font_attr(s, "hint")) == "eastAsia"  # “” in 仿宋
    assert _effective(paragraph, lambda s: s.font.size) == Pt(size)
    assert _effective(paragraph, lambda s: s.font.bold) is bold
    assert _effective(paragraph, lambda s: s.paragraph_format.alignment) == align
    assert _effective(paragraph, lambda s: s.paragraph_format.first_line_indent) == Pt(indent)
    fmt = lambda s: s.paragraph_format  # noqa: E731
    assert _effective(paragraph, lambda s: fmt(s).line_spacing_rule) == WD_LINE_SPACING.EXACTLY
    assert _effective(paragraph, lambda s: fmt(s).line_spacing) == Pt(28.95)  # the grid pitch
    assert _effective(paragraph, lambda s: fmt(s).space_before) == Pt(0)
    # no direct formatting that would hide the style from the writer
    assert paragraph.paragraph_format.first_line_indent is None
    assert all(run.font.name is None and run.font.size is None for run in paragraph.runs)


def test_indent_is_two_characters_for_word_and_wps(exported) -> None:
    body = next(p for p in exported.paragraphs if p.style.name == "公文正文")
    ind = body.style.element.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "200"
    assert ind.get(qn("w:firstLine")) == "640"  # 2 x 16 pt in twips


def test_headings_have_outline_levels_and_no_theme_fonts(exported) -> None:
    levels = {}
    for style in exported.styles:
        rpr = getattr(style.element, "rPr", None)
        if style.name.startswith("公文") and rpr is not None:
            for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme"):
                assert rpr.rFonts.get(qn(f"w:{theme}")) is None, style.name
        ppr = getattr(style.element, "pPr", None)
        level = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
        if level is not None and style.name.startswith("公文"):
            levels[style.name] = level.get(qn("w:val"))
    assert levels == {"公文一级标题": "0", "公文二级标题": "1", "公文三级标题": "2"}
    fonts = exported.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert fonts.get(qn("w:eastAsiaTheme")) is None


def test_page_is_a4_with_gbt9704_margins(exported) -> None:
    section = exported.sections[0]
    for value, mm in [
        (section.page_width, 210), (section.page_height, 297), (section.top_margin, 37),
        (section.bottom_margin, 35), (section.left_margin, 28), (section.right_margin, 26),
    ]:
        assert value.mm == pytest.approx(mm, abs=0.05)


def test_document_grid_is_22_lines_of_28_characters(exported) -> None:
    """GB/T 9704 7.1: a page holds 22 lines of 28 characters of 3号 type."""
    section = exported.sections[0]
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid is not None and grid.get(qn("w:type")) == "lines"
    width_pt = (section.page_width - section.left_margin - section.right_margin) / 12700
    height_pt = (section.page_height - section.top_margin - section.bottom_margin) / 12700
    pitch_pt = int(grid.get(qn("w:linePitch"))) / 20
    assert int(height_pt // pitch_pt) == 22
    for paragraph in exported.paragraphs:
        if paragraph.style.name == "公文标题":
            continue
        spacing = _effective(paragraph, lambda s: s.paragraph_format.line_spacing)
        assert int(height_pt // spacing.pt) == 22, paragraph.text
        condensed = _effective(paragraph, lambda s: s.element.rPr.find(qn("w:spacing")).get(
            qn("w:val")) if s.element.rPr is not None and s.element.rPr.find(
            qn("w:spacing")) is not None else None)
        char_pt = 16 + int(condensed) / 20
        assert int(width_pt // char_pt) == 28, paragraph.text


TITLED = """---
template: "yi-nested"
seed: 1
variables:
  "speaker": "张明 市长"
  "date": "2026年11月25日"
---
# 在全市安全生产工作会议上的讲话

张明 市长

（2026年11月25日）

同志们：

今天召开全市安全生产工作会议。

## 一、提高政治站位
"""


def test_speaker_and_date_under_the_title(tmp_path: Path) -> None:
    """A speech carries the speaker, then the date in parentheses, centred under its title."""
    path = tmp_path / "讲话.md"
    path.write_text(TITLED, encoding="utf-8")
    document = docx.Document(str(export_outline(path).path))
    paragraphs = document.paragraphs
    assert [p.text for p in paragraphs[:4]] == [
        "在全市安全生产工作会议上的讲话", "张明 市长", "（2026年11月25日）", "同志们："]
    profile = load_profile()
    assert [p.style.name for p in paragraphs[1:4]] == [
        profile.styles["speaker"].name, profile.styles["date"].name,
        profile.styles["salutation"].name]
    for p in paragraphs[1:3]:
        assert _effective(p, lambda s: s.paragraph_format.alignment) == WD_ALIGN_PARAGRAPH.CENTER
        assert _effective(p, lambda s: _font_attr(s, "eastAsia")) == "楷体_GB2312"
    text = export_outline(path, to="txt").path.read_text(encoding="utf-8")
    assert text.startswith("在全市安全生产工作会议上的讲话\n\n张明 市长\n（2026年11月25日）\n\n同志们：\n")


def _field_parts(paragraph) -> tuple[str, str, str]:
    """(text before the field, the field instruction, text after the field's end)."""
    before, instr, after, state = [], [], [], "before"
    for run in paragraph._p.iter(qn("w:r")):
        for child in run:
            if child.tag == qn("w:fldChar"):
                kind = child.get(qn("w:fldCharType"))
                state = {"begin": "instr", "separate": "result", "end": "after"}[kind]
            elif child.tag == qn("w:instrText"):
                instr.append(child.text)
            elif child.tag == qn("w:t") and state in ("before", "after"):
                (before if state == "before" else after).append(child.text)
    return "".join(before), "".join(instr).strip(), "".join(after)


def test_page_numbers_on_the_outer_side(exported) -> None:
    section = exported.sections[0]
    assert exported.settings.odd_and_even_pages_header_footer is True
    odd = section.footer.paragraphs[0]
    even = section.even_page_footer.paragraphs[0]
    assert _field_parts(odd) == ("— ", "PAGE", " —")
    assert _field_parts(even) == ("— ", "PAGE", " —")
    assert odd.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert even.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert odd.paragraph_format.right_indent == Pt(14)  # 单页码居右空一字
    assert even.paragraph_format.left_indent == Pt(14)
    for footer_paragraph in (odd, even):
        assert footer_paragraph.style.name == "公文页码"
        assert _font_attr(footer_paragraph.style, "eastAsia") == "宋体"
        assert _font_attr(footer_paragraph.style, "ascii") == "宋体"
        assert footer_paragraph.style.font.size == Pt(14)


def test_placeholders_are_highlighted_and_listed(outline: Path) -> None:
    result = export_outline(outline)
    assert [(p.line, p.text) for p in result.placeholders] == [
        (15, "〔数据待补〕"), (21, "〔待写：风险描述〕")
    ]
    document = docx.Document(str(result.path))
    highlighted = [r.text for p in document.paragraphs for r in p.runs
                   if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]
    assert highlighted == ["〔数据待补〕", "〔待写：风险描述〕"]
    plain = [r for p in document.paragraphs for r in p.runs if r.text not in highlighted]
    assert plain and all(r.font.highlight_color is None for r in plain)


def test_user_profile_overrides_defaults(outline: Path, drafter_home: Path) -> None:
    config = drafter_home / "config"
    config.mkdir(parents=True)
    (config / "export.toml").write_text(
        '[page]\nmargin_left_mm = 30\n[styles.body]\nfont = "仿宋"\nname = "正文"\n'
        '[styles.heading1]\nbold = true\n', encoding="utf-8")
    document = docx.Document(str(export_outline(outline).path))
    body = document.paragraphs[2]
    assert body.style.name == "正文"
    assert _font_attr(body.style, "eastAsia") == "仿宋"
    assert document.paragraphs[3].style.font.bold is True
    assert document.sections[0].left_margin.mm == pytest.approx(30, abs=0.05)
    assert document.sections[0].top_margin.mm == pytest.approx(37, abs=0.05)  # default kept


def test_json_profile_is_read_too(drafter_home: Path) -> None:
    config = drafter_home / "config"
    config.mkdir(parents=True)
    (config / "export.json").write_text(json.dumps({"styles": {"title": {"size_pt": 20}}}))
    profile = load_profile()
    assert profile.styles["title"].size_pt == 20.0
    assert profile.source.endswith("export.json")


def test_defaults_toml_is_a_complete_profile(tmp_path: Path) -> None:
    path = tmp_path / "export.toml"
    path.write_text(defaults_toml(), encoding="utf-8")
    loaded = load_profile(path)
    assert loaded.styles == default_profile().styles
    assert loaded.page == default_profile().page
    assert loaded.page_number == default_profile().page_number


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[page]\nmargin_top = 30\n", "未知的键 page.margin_top"),
        ("[styles.body]\nsize_pt = \"三号\"\n", "styles.body.size_pt 应是非负数"),
        ("[styles.body]\nalign = \"middle\"\n", "styles.body.align 应是"),
        ("[styles]\nbody = 3\n", "styles.body 应是一个表"),
        ("[page\n", "排版配置格式错误"),
        ("[styles.outline_level]\n", "未知的键 styles.outline_level"),
    ],
)
def test_bad_profile_is_one_error_naming_the_file(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "export.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_profile(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)


def test_txt_writes_numbering_out_without_markdown(outline: Path) -> None:
    result = export_outline(outline, to="txt")
    text = result.path.read_text(encoding="utf-8")
    assert text == (
        "在全市安全生产工作会议上的讲话\n\n同志们：\n"
        "　　今天召开全市安全生产工作会议，主要任务是总结工作、部署任务。\n"
        "　　一、提高政治站位，深刻认识安全生产的重要意义\n"
        "　　过去一年，事故起数同比下降〔数据待补〕，形势总体平稳。\n"
        "　　（一）坚持人民至上、生命至上\n"
        "　　1. 重点行业领域风险依然突出\n"
        "　　〔待写：风险描述〕\n"
        "　　二、突出重点，扎实推进专项整治\n"
        "　　同志们，让我们推动全市安全生产形势持续稳定向好！\n"
    )
    assert "#" not in text


@pytest.mark.parametrize(
    ("body", "roles"),
    [
        ("# 题\n\n同志们：\n\n正文。", ["title", "salutation", "body"]),
        ("# 题\n\n各位代表、同志们：\n\n## 一、甲", ["title", "salutation", "heading1"]),
        ("# 题\n\n今天我们开会：一是总结，二是部署。", ["title", "body"]),
        ("# 题\n\n## 一、甲\n\n同志们：", ["title", "heading1", "body"]),
        ("# 题\n\n##### （1）小点", ["title", "body"]),
        ("# **题**\n<!-- note -->\n正文", ["title", "body"]),
        ("# 题\n\n张明\n\n（〔日期待补〕）\n\n同志们：", ["title", "speaker", "date", "salutation"]),
        ("# 题\n\n（2026年1月5日）\n\n正文。", ["title", "date", "body"]),
        ("# 题\n\n张明\n\n正文。", ["title", "body", "body"]),
    ],
)
def test_blocks_roles(body: str, roles: list[str]) -> None:
    assert [b.role for b in outline_blocks(body)] == roles


def test_blocks_keep_file_line_numbers() -> None:
    blocks = outline_blocks("# 题\n\n<!-- a\nb -->\n正文〔人名待补〕", first_line=5)
    assert [(b.role, b.line) for b in blocks] == [("title", 5), ("body", 9)]
    assert blocks[1].placeholders == ["〔人名待补〕"]


def test_never_overwrites_without_force(outline: Path) -> None:
    target = outline.with_suffix(".docx")
    target.write_bytes(b"old")
    with pytest.raises(WriteRefused):
        export_outline(outline)
    assert target.read_bytes() == b"old"
    export_outline(outline, force=True)
    assert docx.Document(str(target)).paragraphs[0].text == EXPECTED[0][0]
    with pytest.raises(WriteRefused):
        export_outline(outline, to="txt", out=outline, force=True)  # never the outline itself
    assert sorted(p.name for p in outline.parent.iterdir()) == ["提纲.docx", "提纲.md"]


def test_atomic_write_keeps_old_file_on_failure(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "a.docx"
    target.write_bytes(b"old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("drafter.atomic.os.replace", broken_replace)
    with pytest.raises(InputError) as info:
        write_atomic(target, b"new", force=True)
    assert str(target) in str(info.value)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]  # no temp file left


runner = CliRunner()


def test_cli_exports_and_lists_placeholders_on_stderr(outline: Path) -> None:
    result = runner.invoke(app, ["export", str(outline)])
    assert result.exit_code == 0, result.output
    assert f"已导出：{outline.with_suffix('.docx')}" in result.stdout
    assert "还有 2 处待补内容" in result.stderr
    assert f"{outline}:15: 〔数据待补〕" in result.stderr
    assert f"{outline}:21: 〔待写：风险描述〕" in result.stderr
    assert "待补" not in result.stdout

    again = runner.invoke(app, ["export", str(outline)])
    assert again.exit_code == 1
    assert again.stderr.strip().count("\n") == 0
    assert "文件已存在" in again.stderr and str(outline.with_suffix(".docx")) in again.stderr
    assert runner.invoke(app, ["export", str(outline), "--force"]).exit_code == 0


def test_cli_txt_by_option_or_suffix(outline: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "稿.txt"
    result = runner.invoke(app, ["export", str(outline), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("在全市安全生产工作会议上的讲话\n")
    result = runner.invoke(app, ["export", str(outline), "--to", "txt"])
    assert result.exit_code == 0
    assert outline.with_suffix(".txt").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "pdf"], "不支持的导出格式"),
        (["-o", "{dir}"], "文件夹"),
        (["--to", "txt", "-o", "{dir}/x.docx"], "不一致"),
    ],
)
def test_cli_errors_are_one_line(outline: Path, args: list[str], message: str) -> None:
    args = [a.replace("{dir}", str(outline.parent)) for a in args]
    result = runner.invoke(app, ["export", str(outline), *args, "--force"])
    assert result.exit_code == 1
    assert message in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert "Traceback" not in result.output


def test_cli_missing_or_not_an_outline(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", str(tmp_path / "无.md")])
    assert result.exit_code == 1 and "文件不存在" in result.stderr
    plain = tmp_path / "随笔.md"
    plain.write_text("只是一段文字。\n", encoding="utf-8")
    result = runner.invoke(app, ["export", str(plain)])
    assert result.exit_code == 1 and str(plain) in result.stderr


def test_cli_help_is_chinese() -> None:
    result = runner.invoke(app, ["export", "--help"])
    assert result.exit_code == 0
    assert "GB/T 9704" in result.stdout and "--force" in result.stdout


def test_style_ids_are_ascii_and_names_must_be_unique(outline: Path, drafter_home: Path) -> None:
    document = docx.Document(str(export_outline(outline).path))
    ids = {p.style.style_id for p in document.paragraphs}
    assert ids == {"DrafterTitle", "DrafterSalutation", "DrafterBody", "DrafterHeading1",
                   "DrafterHeading2", "DrafterHeading3"}
    config = drafter_home / "config"
    config.mkdir(parents=True)
    profile = config / "export.toml"
    profile.write_text('[styles.heading1]\nname = "公文正文"\n', encoding="utf-8")
    result = runner.invoke(app, ["export", str(outline), "--force"])
    assert result.exit_code == 1
    assert "重名" in result.stderr and str(profile) in result.stderr
