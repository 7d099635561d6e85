"""Round trip: outline -> .docx -> corpus reader -> parser gives the same headings, same levels."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from drafter.export import export_outline
from drafter.export.blocks import outline_blocks

from drafter import corpus, structure

OUTLINE = (Path(__file__).parent / "fixtures" / "export_outline.md").read_text(encoding="utf-8")


LONG_OUTLINE = """---
drafter: "0.1.0"
template: "work-meeting"
seed: 11
---
# 在全县乡村振兴工作推进会上的讲话

同志们：

今天召开全县乡村振兴工作推进会，主要是总结前一阶段工作，安排部署下一步任务。

## 一、肯定成绩，坚定做好乡村振兴工作的信心

过去一年，全县上下认真贯彻落实上级决策部署，各项工作取得明显成效。

### （一）产业发展势头良好

特色产业规模不断扩大，农民收入持续增加〔数据待补〕。

### （二）乡村面貌明显改善

人居环境整治扎实推进，村容村貌焕然一新。

## 二、突出重点，全力推动各项任务落地见效

### （一）抓好产业振兴

#### 1. 做强特色产业

要立足资源禀赋，培育壮大特色主导产业。

#### 2. 完善联农带农机制

要健全利益联结机制，让农民更多分享产业增值收益。

### （二）抓好人才振兴

要引导各类人才投身乡村振兴〔待写：人才举措〕。

## 三、强化保障，确保乡村振兴各项工作落到实处

各级各部门要切实扛起责任，形成工作合力。

同志们，乡村振兴任务艰巨、使命光荣。让我们奋发有为，推动全县乡村振兴工作再上新台阶！
"""


def _outline_headings(text: str) -> list[tuple[int, str]]:
    body = text.split("---", 2)[2]
    return [(b.level, b.text.replace(" ", "")) for b in outline_blocks(body) if b.level]


def _parsed_headings(path: Path) -> list[tuple[int, str]]:
    speeches = corpus.load_file(path)
    assert len(speeches) == 1, [s.title for s in speeches]
    skeleton = structure.parse_skeleton(speeches[0])
    return [(s.level, (s.marker + s.text).replace(" ", "")) for s in skeleton.walk()]


@pytest.mark.parametrize("text", [OUTLINE, LONG_OUTLINE], ids=["short", "long"])
def test_exported_docx_parses_to_the_same_headings(tmp_path: Path, text: str) -> None:
    outline = tmp_path / "提纲.md"
    outline.write_text(text, encoding="utf-8")
    exported = export_outline(outline).path
    expected = _outline_headings(text)
    assert len(expected) >= 4
    assert _parsed_headings(exported) == expected
    speech = corpus.load_file(exported)[0]
    title = re.search(r"^# (.+)$", text, re.M).group(1)
    assert speech.title == title


def test_word_list_numbering_parses_to_levels(tmp_path: Path) -> None:
    """A speech whose 一、（一） come from Word's list feature, not from typed text."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="77">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum>'
    )
    first_num = numbering.find("{%s}num" % abstract.nsmap["w"])
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="77">'
                               '<w:abstractNumId w:val="77"/></w:num>'))
    document.add_paragraph("在全县乡村振兴工作推进会上的讲话", style="Title")
    document.add_paragraph("同志们：")
    document.add_paragraph("今天召开全县乡村振兴工作推进会，安排部署下一步任务。")
    document.add_paragraph("下面，我讲几点意见。")
    expected = []
    for text, level in [("肯定成绩，坚定信心", 0), ("产业发展势头良好", 1),
                        ("乡村面貌明显改善", 1), ("突出重点，狠抓落实", 0),
                        ("抓好产业振兴", 1), ("强化保障，压实责任", 0)]:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="77"/></w:numPr>'))
        document.add_paragraph("各级各部门要切实扛起责任，形成工作合力，确保各项任务落到实处。")
        expected.append(level + 1)
    document.add_paragraph("同志们，让我们奋发有为，推动全县乡村振兴工作再上新台阶！")
    path = tmp_path / "讲话.docx"
    document.save(str(path))
    headings = _parsed_headings(path)
    assert [level for level, _ in headings] == expected
    assert headings[0][1] == "一、肯定成绩，坚定信心"
    assert headings[2][1] == "（二）乡村面貌明显改善"
    assert headings[5][1] == "三、强化保障，压实责任"


def test_outline_from_drafter_new_round_trips(tmp_path: Path) -> None:
    """A real outline, as `drafter new` writes it, survives .docx and the parser."""
    from click.testing import CliRunner

    from drafter.cli import app

    outline = tmp_path / "新提纲.md"
    made = CliRunner().invoke(app, ["new", "--no-input", "-t", "yi-nested", "--seed", "7",
                                    "--topic", "安全生产", "-o", str(outline)])
    assert made.exit_code == 0, made.output
    text = outline.read_text(encoding="utf-8")
    exported = export_outline(outline).path
    expected = _outline_headings(text)
    assert {level for level, _ in expected} >= {1, 2}
    assert _parsed_headings(exported) == expected
