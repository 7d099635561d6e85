""".docx import: paragraphs in order, Word list numbering written out as the parser's markers."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from drafter.corpus import docx_reader
from drafter.corpus.docx_reader import (
    cn_counting,
    convert_doc,
    format_number,
    read_doc_lines,
    read_docx_lines,
)
from drafter.errors import InputError

NUMBERED_DOC = Path(__file__).parent / "fixtures" / "numbered.doc"

# One list definition the way WPS/Word write Chinese official numbering.
LEVELS = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."),
          ("decimal", "（%4）")]


def _add_list(document, levels, abstract_id: int, num_id: int, start_override: int | None = None):
    numbering = document.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                         f"{lvls}</w:abstractNum>")
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    override = ""
    if start_override is not None:
        override = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start_override}"/>'
                    "</w:lvlOverride>")
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                               f'<w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'))


def _numbered(paragraph, num_id: int, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/>'
                         f'<w:numId w:val="{num_id}"/></w:numPr>'))


@pytest.fixture
def numbered_docx(tmp_path: Path) -> Path:
    document = docx.Document()
    _add_list(document, LEVELS, abstract_id=90, num_id=90)
    document.add_paragraph("关于做好安全生产工作的讲话", style="Title")
    document.add_paragraph("同志们：")
    document.add_paragraph("")  # empty paragraphs are dropped
    for text, level in [("提高政治站位", 0), ("坚持人民至上", 1), ("强化责任落实", 1),
                        ("压实企业主体责任", 2), ("把好源头", 3), ("突出重点", 0),
                        ("抓好隐患排查", 1)]:
        paragraph = document.add_paragraph(text, style="Heading 2" if level == 0 else None)
        _numbered(paragraph, 90, level)
        document.add_paragraph("要认真落实各项措施。")
    path = tmp_path / "讲话.docx"
    document.save(str(path))
    return path


def test_word_numbering_becomes_text_markers(numbered_docx: Path) -> None:
    assert read_docx_lines(numbered_docx) == [
        "关于做好安全生产工作的讲话",
        "同志们：",
        "一、提高政治站位", "要认真落实各项措施。",
        "（一）坚持人民至上", "要认真落实各项措施。",
        "（二）强化责任落实", "要认真落实各项措施。",
        "1.压实企业主体责任", "要认真落实各项措施。",
        "（1）把好源头", "要认真落实各项措施。",
        "二、突出重点", "要认真落实各项措施。",
        "（一）抓好隐患排查", "要认真落实各项措施。",  # deeper levels restart
    ]


def test_numbering_from_a_heading_style_and_start_override(tmp_path: Path) -> None:
    document = docx.Document()
    _add_list(document, [("chineseCounting", "(%1)")], abstract_id=91, num_id=91,
              start_override=3)
    style = document.styles["Heading 1"]
    style.element.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:numId w:val="91"/></w:numPr>'))
    document.add_paragraph("第一个标题", style="Heading 1")
    document.add_paragraph("第二个标题", style="Heading 1")
    path = tmp_path / "a.docx"
    document.save(str(path))
    assert read_docx_lines(path) == ["（三）第一个标题", "（四）第二个标题"]


def test_tables_breaks_and_tracked_changes(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("第一行")
    paragraph.add_run().add_break()
    paragraph.add_run("第二行")
    deleted = parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="a">'
                        "<w:r><w:delText>删掉的</w:delText></w:r></w:del>")
    inserted = parse_xml(f'<w:ins {nsdecls("w")} w:id="2" w:author="a">'
                         "<w:r><w:t>补上的</w:t></w:r></w:ins>")
    paragraph._p.append(deleted)
    paragraph._p.append(inserted)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "左格"
    table.cell(0, 1).text = "右格"
    document.add_paragraph("表后")
    path = tmp_path / "b.docx"
    document.save(str(path))
    assert read_docx_lines(path) == ["第一行", "第二行补上的", "左格", "右格", "表后"]


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [
        (1, "chineseCounting", "一"), (10, "chineseCounting", "十"),
        (12, "chineseCounting", "十二"), (20, "chineseCounting", "二十"),
        (105, "chineseCounting", "一百零五"), (3, "decimal", "3"),
        (2, "decimalEnclosedCircle", "②"), (3, "ideographTraditional", "丙"),
        (4, "chineseLegalSimplified", "肆"), (12, "decimalFullWidth", "１２"),
        (3, "lowerLetter", "c"), (4, "upperRoman", "IV"), (10, "ideographDigital", "一〇"),
    ],
)
def test_format_number(n: int, fmt: str, expected: str) -> None:
    assert format_number(n, fmt) == expected


def test_cn_counting_reads_back_through_the_parser_for_every_heading_number() -> None:
    from drafter.structure.markers import cn_to_int

    assert [cn_to_int(cn_counting(n)) for n in range(1, 100)] == list(range(1, 100))


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "〇"), (10, "十"), (12, "十二"), (20, "二十"), (100, "一百"), (105, "一百零五"),
     (110, "一百一十"), (1001, "一千零一"), (2020, "二千零二十"), (10000, "10000")],
)
def test_cn_counting_beyond_the_heading_numbers(n: int, expected: str) -> None:
    assert cn_counting(n) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("一、", "一、"), ("(一)", "（一）"), ("一.", "一、"), ("1.", "1."), ("1)", "1）"),
     ("(1)", "（1）"), ("1．", "1."), ("第一章", "第一章")],
)
def test_markers_written_the_chinese_way(raw: str, expected: str) -> None:
    assert docx_reader._normalise_marker(raw) == expected


def test_bad_files_are_input_errors(tmp_path: Path) -> None:
    missing = tmp_path / "无.docx"
    with pytest.raises(InputError, match="文件不存在"):
        read_docx_lines(missing)
    not_zip = tmp_path / "坏.docx"
    not_zip.write_bytes(b"not a zip at all")
    with pytest.raises(InputError, match="不是有效的 .docx") as info:
        read_docx_lines(not_zip)
    assert str(not_zip) in str(info.value)
    wrong_zip = tmp_path / "空.docx"
    with zipfile.ZipFile(wrong_zip, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(InputError):
        read_docx_lines(wrong_zip)
    ole = tmp_path / "旧.docx"  # a binary .doc renamed to .docx
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(InputError, match="另存为 .docx"):
        read_docx_lines(ole)


def test_doc_without_libreoffice_says_how_to_convert(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(docx_reader.shutil, "which", lambda name: None)
    doc = tmp_path / "旧.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(InputError, match="另存为 .docx") as info:
        convert_doc(doc, tmp_path)
    assert str(doc) in str(info.value)


def test_doc_conversion_failure_is_an_input_error(tmp_path: Path, monkeypatch) -> None:
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setattr(docx_reader.shutil, "which", lambda name: str(fake))
    doc = tmp_path / "旧.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(InputError, match="自动转换失败"):
        read_doc_lines(doc)


def test_doc_that_is_not_word_is_refused_before_conversion(tmp_path: Path) -> None:
    doc = tmp_path / "坏.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0")  # a truncated header: LibreOffice would read it as text
    with pytest.raises(InputError, match="不是 Word 文件") as info:
        read_doc_lines(doc)
    assert str(doc) in str(info.value)


def test_doc_that_converts_to_nothing_is_an_input_error(tmp_path: Path, monkeypatch) -> None:
    empty = tmp_path / "empty.docx"
    docx.Document().save(str(empty))
    monkeypatch.setattr(docx_reader, "convert_doc", lambda path, outdir: empty)
    doc = tmp_path / "空.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    with pytest.raises(InputError, match="没有文字"):
        read_doc_lines(doc)


@pytest.mark.skipif(docx_reader.shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_doc_is_converted_with_libreoffice() -> None:
    """tests/fixtures/numbered.doc is what LibreOffice 7.4 saves for the `numbered_docx`
    document (`soffice --headless --convert-to doc`): checked in, so the test starts LibreOffice
    once, for drafter's own conversion."""
    lines = read_doc_lines(NUMBERED_DOC)
    assert lines[0] == "关于做好安全生产工作的讲话"
    # LibreOffice's binary .doc keeps the list but writes 中文 counting as decimal (1、)
    from drafter.structure.markers import match_marker

    headings = [line for line in lines if line.endswith(("提高政治站位", "强化责任落实"))]
    assert len(headings) == 2
    assert all(match_marker(line) is not None for line in headings), headings
