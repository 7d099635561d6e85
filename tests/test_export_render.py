"""bench/render_docx.sh: an exported .docx becomes a PDF and PNG pages (needs LibreOffice)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from drafter.export import export_outline

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "render_docx.sh"

pytestmark = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftoppm") and shutil.which("pdftotext")),
    reason="LibreOffice or poppler-utils not installed",
)

OUTLINE = """---
template: "yi-nested"
seed: 1
---
# 在全市安全生产工作会议上的讲话

同志们：

今天召开全市安全生产工作会议，主要任务是总结工作、部署任务。

## 一、提高政治站位

### （一）坚持人民至上

要在〔日期待补〕前完成全面排查。
"""


# 28 characters a line and then some, so a paragraph of two of them fills whole lines
SENTENCE = "要深入开展安全生产月活动，推动安全知识进企业、进社区、进学校，切实提高全民安全意识和自救互救能力。"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    """The script's run on one exported outline, and its output folder. LibreOffice takes
    seconds to start, so one document serves every check: the outline's headings first, then
    enough body paragraphs that page 2 holds nothing but body text."""
    folder = tmp_path_factory.mktemp("render")
    outline = folder / "稿.md"
    outline.write_text(OUTLINE + "\n" + "\n\n".join(SENTENCE * 2 for _ in range(15)) + "\n",
                       encoding="utf-8")
    exported = export_outline(outline).path
    out = folder / "pages"
    done = subprocess.run(["bash", str(SCRIPT), str(exported), str(out), "30"],
                          capture_output=True, text=True, timeout=300, check=False)
    return done, out


def test_render_script_makes_pdf_and_png(rendered: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    done, out = rendered
    assert done.returncode == 0, done.stderr
    pdf = out / "稿.pdf"
    assert pdf.is_file()
    assert (out / "稿-1.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "在全市安全生产工作会议上的讲话" in text
    assert "（一）坚持人民至上" in text
    assert "—" in text.replace(" ", "").split("〔日期待补〕")[-1]  # the page number line
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    if "AR PL UKai" in subprocess.run(["fc-list"], capture_output=True, text=True).stdout:
        assert "UKai" in fonts  # 楷体_GB2312 mapped to a real 楷体 substitute


def test_render_script_usage_and_missing_file(tmp_path: Path) -> None:
    done = subprocess.run(["bash", str(SCRIPT)], capture_output=True, text=True, check=False)
    assert done.returncode == 2 and "用法" in done.stderr
    missing = tmp_path / "无.docx"
    done = subprocess.run(["bash", str(SCRIPT), str(missing)], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 1 and str(missing) in done.stderr


def test_rendered_page_holds_22_lines_of_28_characters(
        rendered: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    """GB/T 9704 7.1 as LibreOffice lays the .docx out: 28 characters a line, 22 lines a page."""
    done, out = rendered
    assert done.returncode == 0, done.stderr
    page2 = subprocess.run(["pdftotext", "-f", "2", "-l", "2", "-layout", str(out / "稿.pdf"), "-"],
                           capture_output=True, text=True, check=True).stdout
    lines = [re.sub(r"\s", "", line) for line in page2.split("\n")]
    text = [line for line in lines if line and "—" not in line]  # the page number left out
    assert len(text) == 22
    assert all(line in SENTENCE * 2 for line in text), text  # body text only
    widths = [len(line) for line in text]
    assert max(widths) == 28 and widths.count(28) >= 10  # every full line; 27 before the grid
