"""Blocks -> a .docx laid out after GB/T 9704-2012 (fonts, sizes, margins, page numbers).

Every look lives in named paragraph styles built from the layout profile, so a writer can
still restyle the document in Word; paragraphs carry no direct formatting except the
highlight on placeholders. Fonts are set for East Asian text (``w:eastAsia``) as well as
Latin, and theme fonts are removed because Word lets them win over explicit names.
"""

from __future__ import annotations

import io
from typing import Any

from drafter.errors import InputError
from drafter.export.blocks import PLACEHOLDER_RE, Block
from drafter.export.profile import LayoutProfile, TextStyle

_ALIGN = {"left": "LEFT", "center": "CENTER", "right": "RIGHT", "justify": "JUSTIFY"}
_THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def docx_bytes(blocks: list[Block], profile: LayoutProfile) -> bytes:
    """The finished .docx file as bytes (the caller writes it atomically)."""
    buffer = io.BytesIO()
    build_document(blocks, profile).save(buffer)
    return buffer.getvalue()


def build_document(blocks: list[Block], profile: LayoutProfile) -> Any:
    """A python-docx Document holding the blocks in the profile's layout."""
    import docx
    from docx.enum.text import WD_COLOR_INDEX

    highlight = getattr(WD_COLOR_INDEX, profile.highlight_color.upper(), None)
    if highlight is None or not isinstance(highlight, WD_COLOR_INDEX):
        raise InputError(f"未知的高亮颜色 {profile.highlight_color!r}", profile.source)

    document = docx.Document()
    _set_defaults(document, profile.styles["body"])
    styles = {role: _add_style(document, role, spec, profile)
              for role, spec in profile.styles.items()}
    _set_page(document, profile, styles["page_number"])

    title = next((b.text for b in blocks if b.role == "title"), None)
    if title:
        document.core_properties.title = title
    document.core_properties.language = "zh-CN"

    for block in blocks:
        paragraph = document.add_paragraph(style=styles[block.role])
        for piece, is_placeholder in _split_placeholders(block.text):
            run = paragraph.add_run(piece)
            if is_placeholder:
                run.font.highlight_color = highlight
    return document


def _split_placeholders(text: str) -> list[tuple[str, bool]]:
    """The text cut into runs, each placeholder a run of its own."""
    pieces: list[tuple[str, bool]] = []
    last = 0
    for match in PLACEHOLDER_RE.finditer(text):
        if match.start() > last:
            pieces.append((text[last : match.start()], False))
        pieces.append((match.group(0), True))
        last = match.end()
    if last < len(text):
        pieces.append((text[last:], False))
    return pieces


def _set_fonts(rpr: Any, east_asian: str, latin: str) -> None:
    """Name the font for every script slot and drop theme fonts, which override names."""
    from docx.oxml.ns import qn

    fonts = rpr.get_or_add_rFonts()
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    # “” — and other shared punctuation take the East Asian font, as Chinese text expects
    fonts.set(qn("w:hint"), "eastAsia")


def _set_defaults(document: Any, body: TextStyle) -> None:
    """Document defaults and Normal in the body font, so nothing falls back to Calibri."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    if rpr_default is not None:
        rpr = rpr_default.find(qn("w:rPr"))
        if rpr is not None:
            fonts = rpr.find(qn("w:rFonts"))
            if fonts is None:
                fonts = OxmlElement("w:rFonts")
                rpr.insert(0, fonts)
            for attr in _THEME_ATTRS:
                fonts.attrib.pop(qn(f"w:{attr}"), None)
            for attr, name in (("ascii", body.latin_font), ("hAnsi", body.latin_font),
                               ("cs", body.latin_font), ("eastAsia", body.font)):
                fonts.set(qn(f"w:{attr}"), name)
            lang = rpr.find(qn("w:lang"))
            if lang is None:
                lang = OxmlElement("w:lang")
                rpr.append(lang)
            lang.set(qn("w:eastAsia"), "zh-CN")
    normal = document.styles["Normal"]
    _set_fonts(normal.element.get_or_add_rPr(), body.font, body.latin_font)
    normal.font.size = Pt(body.size_pt)


def _add_style(document: Any, role: str, spec: TextStyle, profile: LayoutProfile) -> Any:
    """One named paragraph style from the profile, with an ASCII id Word is sure to accept."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_LINE_SPACING, WD_PARAGRAPH_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, Twips

    if spec.name in [s.name for s in document.styles]:
        raise InputError(f"样式名 {spec.name!r} 与 Word 内置样式或另一样式重名", profile.source)
    style = document.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = "Drafter" + role.title().replace("_", "")
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    _set_fonts(style.element.get_or_add_rPr(), spec.font, spec.latin_font)
    style.font.size = Pt(spec.size_pt)
    style.font.bold = spec.bold
    style.font.italic = False

    fmt = style.paragraph_format
    fmt.alignment = getattr(WD_PARAGRAPH_ALIGNMENT, _ALIGN[spec.align])
    fmt.space_before = Pt(0)
    line_pt = profile.page["line_spacing_pt"]
    fmt.space_after = Pt(line_pt * spec.space_after_lines)
    fmt.widow_control = False
    is_page_number = role == "page_number"
    if not is_page_number:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(line_pt)
    if spec.first_line_chars:
        # twips for every reader, plus the character count Word and WPS prefer
        fmt.first_line_indent = Twips(round(spec.first_line_chars * spec.size_pt * 20))
        ind = style.element.get_or_add_pPr().find(qn("w:ind"))
        ind.set(qn("w:firstLineChars"), str(round(spec.first_line_chars * 100)))
    else:
        fmt.first_line_indent = Twips(0)
    if spec.outline_level is not None:
        fmt.keep_with_next = True
        ppr = style.element.get_or_add_pPr()
        level = OxmlElement("w:outlineLvl")
        level.set(qn("w:val"), str(spec.outline_level - 1))
        ppr.append(level)
    return style


def _set_page(document: Any, profile: LayoutProfile, number_style: Any) -> None:
    """A4, the GB/T margins, and "— N —" page numbers on the outer side."""
    from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
    from docx.shared import Mm, Pt

    page = profile.page
    section = document.sections[0]
    section.page_width = Mm(page["width_mm"])
    section.page_height = Mm(page["height_mm"])
    section.top_margin = Mm(page["margin_top_mm"])
    section.bottom_margin = Mm(page["margin_bottom_mm"])
    section.left_margin = Mm(page["margin_left_mm"])
    section.right_margin = Mm(page["margin_right_mm"])
    section.footer_distance = Mm(page["footer_distance_mm"])

    _set_grid(document, section, page, profile.styles["body"].size_pt)

    numbers = profile.page_number
    spec = profile.styles["page_number"]
    side_indent = Pt(spec.size_pt * numbers["side_indent_chars"])
    outer = bool(numbers["outer_side"])
    document.settings.odd_and_even_pages_header_footer = outer
    footers = [(section.footer, "right")]
    if outer:
        footers.append((section.even_page_footer, "left"))
    for footer, side in footers:
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.style = number_style
        fmt = paragraph.paragraph_format
        if not outer:
            fmt.alignment = WD_PARAGRAPH_ALIGNMENT.CENTER
        elif side == "right":
            fmt.alignment = WD_PARAGRAPH_ALIGNMENT.RIGHT
            fmt.right_indent = side_indent
        else:
            fmt.alignment = WD_PARAGRAPH_ALIGNMENT.LEFT
            fmt.left_indent = side_indent
        _add_page_field(paragraph, numbers["prefix"], numbers["suffix"])


def grid_pitches(page: dict[str, float], body_pt: float) -> tuple[int, int] | None:
    """(line pitch in twips, character spacing in twentieths of a point) of the 22 × 28 grid,
    or None without a grid.

    28 characters of 3号 (16 pt) need 448 pt, more than the 156 mm type area holds: text of
    the body's size is condensed to width / 28 a character (what Word's character grid does,
    written so LibreOffice and WPS lay it out the same); the line pitch is the type area's
    height / 22. Both are rounded so the whole count always fits.
    """
    import math

    lines, chars = page.get("lines_per_page", 0), page.get("chars_per_line", 0)
    if not lines or not chars:
        return None
    mm = 72 / 25.4
    width = (page["width_mm"] - page["margin_left_mm"] - page["margin_right_mm"]) * mm
    height = (page["height_mm"] - page["margin_top_mm"] - page["margin_bottom_mm"]) * mm
    condense = min(0, math.floor((width / chars - body_pt) * 20))
    return math.floor(height / lines * 20), condense


def _set_grid(document: Any, section: Any, page: dict[str, float], body_pt: float) -> None:
    """The line grid in the section, and the character pitch on every style of body size."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    pitches = grid_pitches(page, body_pt)
    sect = section._sectPr
    grid = sect.find(qn("w:docGrid"))
    if pitches is None:
        if grid is not None:
            sect.remove(grid)
        return
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(pitches[0]))
    for attr in ("charSpace",):
        grid.attrib.pop(qn(f"w:{attr}"), None)
    if not pitches[1]:
        return
    for style in document.styles:
        size = getattr(getattr(style, "font", None), "size", None)
        if size is None or abs(size.pt - body_pt) > 0.01 or not style.style_id.startswith(
                "Drafter"):
            continue
        rpr = style.element.get_or_add_rPr()
        spacing = rpr.find(qn("w:spacing"))
        if spacing is None:
            spacing = OxmlElement("w:spacing")
            rpr.append(spacing)
        spacing.set(qn("w:val"), str(pitches[1]))


def _add_page_field(paragraph: Any, prefix: str, suffix: str) -> None:
    """prefix, a PAGE field (complex field: begin, instruction, separate, result, end), suffix."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    if prefix:
        paragraph.add_run(prefix)
    for kind in ("begin", "instr", "separate", "result", "end"):
        run = paragraph.add_run()
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = " PAGE "
            run._r.append(instr)
        elif kind == "result":
            run.text = "1"
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
    if suffix:
        paragraph.add_run(suffix)
