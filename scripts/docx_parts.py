"""Building blocks of the 实施方案 DOCX template (python-docx), used by
scripts/make_templates.py: styles, page, footer with PAGE/NUMPAGES fields, the TOC
field, paragraphs, loop tables with a repeated header row, label/value tables."""

from __future__ import annotations

from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

BODY_FONT, HEADING_FONT, LATIN_FONT = "宋体", "黑体", "Times New Roman"
#: The children of w:settings after w:updateFields, in schema order.
SETTINGS_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
    "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
    "listSeparator",
)  # fmt: skip


def _fonts(style_or_run, east_asia: str, size: float | None = None, bold=None) -> None:
    font = style_or_run.font
    font.name = LATIN_FONT
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    r_pr = style_or_run.element.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = r_pr.makeelement(qn("w:rFonts"), {})
        r_pr.append(fonts)
    fonts.set(qn("w:eastAsia"), east_asia)


def set_styles(doc) -> None:
    _fonts(doc.styles["Normal"], BODY_FONT, 10.5)
    for name, size in (("Title", 18), ("Heading 1", 14), ("Heading 2", 12)):
        style = doc.styles[name]
        _fonts(style, HEADING_FONT, size, bold=True)
        style.font.color.rgb = RGBColor(0, 0, 0)
    doc.styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for name in ("Title", "Heading 1", "Heading 2"):
        # a heading never ends a page: Word keeps it with the next paragraph
        doc.styles[name].paragraph_format.keep_with_next = True


def _field(paragraph, instruction: str, placeholder: str = "1") -> None:
    """A Word field (``PAGE``, ``NUMPAGES``, ``TOC …``) as begin/instr/separate/result/end
    runs; Word (and LibreOffice) compute it when the document is opened or printed."""

    def run_with(child) -> None:
        run = paragraph.add_run()
        run._r.append(child)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    paragraph.add_run(placeholder)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def add_footer(doc) -> None:
    """「第 X 页 共 Y 页」 centred in the footer, with PAGE and NUMPAGES fields."""
    footer = doc.sections[0].footer
    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("第 ")
    _field(paragraph, "PAGE")
    paragraph.add_run(" 页 共 ")
    _field(paragraph, "NUMPAGES")
    paragraph.add_run(" 页")
    for run in paragraph.runs:
        run.font.size = Pt(9)


def update_fields_on_open(doc) -> None:
    """``w:updateFields``: Word fills the table of contents and page numbers on opening."""
    settings = doc.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    # CT_Settings is a sequence: updateFields comes before these (ECMA-376 17.15.1.78)
    later = [settings.find(qn(f"w:{name}")) for name in SETTINGS_AFTER_UPDATE_FIELDS]
    first = next((e for e in later if e is not None), None)
    if first is None:
        settings.append(update)
    else:
        first.addprevious(update)


def add_contents(doc) -> None:
    """目录: a TOC field over the headings of levels 1–2 (Word fills it on opening)."""
    title = para(doc, "目　录", center=True, size=14)
    title.runs[0].bold = True
    title.paragraph_format.keep_with_next = True
    _field(
        doc.add_paragraph(), 'TOC \\o "1-2" \\h \\z \\u', "（打开文档时更新目录：右键 → 更新域）"
    )


def set_page(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(25))
    section.top_margin, section.bottom_margin = Mm(25), Mm(20)


def para(doc, text: str, style: str | None = None, center: bool = False, size=None):
    p = doc.add_paragraph(style=style)
    run = p.add_run(text)
    if size is not None:
        run.font.size = Pt(size)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def _cell(cell, text: str, bold: bool = False, right: bool = False) -> None:
    cell.text = ""
    p = cell.paragraphs[0]
    run = p.add_run(text)
    run.font.size = Pt(9)
    run.bold = bold
    if right:
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _shade(cell, fill: str = "E8E8E8") -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = tc_pr.makeelement(qn("w:shd"), {qn("w:val"): "clear", qn("w:fill"): fill})
    tc_pr.append(shd)


def loop_table(doc, headers, cells, loops, totals=None, numeric=()):
    """A table: header row, one ``{%tr for … %}`` row per loop, the repeated row of
    ``cells``, the ``{%tr endfor %}`` rows, and an optional static totals row."""
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _cell(cell, text, bold=True)
        _shade(cell)
    _repeat_header(table.rows[0])
    for loop in loops:
        row = table.add_row().cells
        _cell(row[0], "{%tr " + loop + " %}")
    row = table.add_row().cells
    for i, (cell, text) in enumerate(zip(row, cells, strict=True)):
        _cell(cell, text, right=i in numeric)
    for _ in loops:
        _cell(table.add_row().cells[0], "{%tr endfor %}")
    if totals is not None:
        row = table.add_row().cells
        for i, (cell, text) in enumerate(zip(row, totals, strict=True)):
            _cell(cell, text, bold=True, right=i in numeric)
    return table


def _repeat_header(row) -> None:
    """The row is the table's header: Word repeats it at the top of each page."""
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def field_table(doc, rows) -> None:
    """A two-column label/value table (static rows)."""
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        _cell(cells[0], label, bold=True)
        _shade(cells[0])
        _cell(cells[1], value)


def missing(doc, text: str) -> None:
    """「本章待补充：…」 in dark red: a missing input is shown, never silently left out."""
    p = doc.add_paragraph()
    run = p.add_run("本章待补充：" + text)
    run.font.color.rgb = RGBColor(0x8A, 0, 0)
