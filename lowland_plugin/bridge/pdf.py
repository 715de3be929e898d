"""HTML to PDF through Qt (QTextDocument → QPdfWriter, A4): the 实施方案's PDF needs
nothing beyond what QGIS already loads.

``QTextDocument.print_`` prints a document that has a page size as it is: no page
numbers, and Qt's HTML importer ignores ``page-break-after: avoid``, so a heading can be
left alone at a page end. :func:`html_to_pdf` therefore paginates itself:

- the text area is the A4 page inside the margins less a footer band, where each page
  gets 「第 X 页 共 Y 页」 (:func:`page_footer`);
- a heading (or a figure) whose following content (a paragraph's first line, or a table's header
  and first data row) would start on the next page gets a page break before it
  (:func:`keep_headings_with_next`, repeated until the layout is stable), so no heading
  ends a page;
- long cells wrap (``nowrap`` is dropped; at word boundaries, else anywhere), so a
  table fits the text width (Qt sizes the columns from their content);
- the contents list (``<li>`` items naming the ``<h2>`` headings) gets each chapter's
  page number (:func:`number_contents`);
- a table cell's padding given in pt (``td { padding: 2pt 4pt }``) is rewritten in px
  (:func:`cell_padding_in_pixels`): Qt's CSS reads a padding in pt as 0, and a
  right-aligned number then touches the cell border;
- tables repeat their header rows on each page: Qt does this for
  ``QTextTableFormat.headerRowCount``, which its HTML importer sets from ``<thead>``;
  :func:`repeat_table_headers` also marks a table whose first row is all ``<th>``
  cells (a bureau template without ``<thead>``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from qgis.PyQt.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from qgis.PyQt.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
    QTextTable,
)

#: Font of the PDF (installed by scripts/setup.sh: fonts-wqy-zenhei). Not Noto Sans CJK:
#: Qt's PDF writer maps glyphs Noto shares with Kangxi radicals to the radical (方 is
#: extracted as ⽅ U+2F45), so a search for 实施方案 in the PDF found nothing.
PDF_FONT = "WenQuanYi Zen Hei"
#: Page margins (mm) and the footer band at the bottom of the text area (mm).
MARGIN_MM = 18.0
FOOTER_MM = 9.0
#: Resolution of the layout (dots per inch of the PDF device).
RESOLUTION = 150
#: The character standing for an image in a QTextDocument block.
OBJECT_CHARACTER = "\ufffc"
#: Passes of :func:`keep_headings_with_next` (each moves at least one heading).
MAX_PASSES = 40
#: CSS pixels per point (96 px and 72 pt to the inch).
PX_PER_PT = 96 / 72
#: A rule of a style sheet (selectors, declarations) and a cell's style attribute.
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_CELL_STYLE = re.compile(r"(<t[dh]\b[^>]*\bstyle\s*=\s*)(\"[^\"]*\"|'[^']*')", re.IGNORECASE)
_CELL_SELECTOR = re.compile(r"(^|[\s,>+~])t[dh]\b", re.IGNORECASE)
_PADDING = re.compile(r"(padding(?:-(?:top|right|bottom|left))?\s*:)([^;]*)", re.IGNORECASE)
_POINTS = re.compile(r"(\d*\.?\d+)\s*pt\b", re.IGNORECASE)


def page_footer(page: int, pages: int) -> str:
    """「第 3 页 共 12 页」."""
    return f"第 {page} 页 共 {pages} 页"


def html_to_pdf(html: str, path: str | os.PathLike, base_dir: str | os.PathLike, title: str) -> str:
    """The HTML document printed to an A4 PDF with Qt, with page numbers, repeated
    table headers and no heading alone at a page end.

    The default font is :data:`PDF_FONT` drawn without OpenType shaping: with shaping,
    Qt's PDF writer can lose the Unicode mapping of a CJK font's digits (the PDF text
    would read "DY" for "DY01"); CJK and Latin text need no shaping.
    """
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    writer.setPageMargins(margins, QPageLayout.Unit.Millimeter)
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("Lowland 低效用地再开发")
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    footer = FOOTER_MM / 25.4 * RESOLUTION
    document = QTextDocument()
    # lay the text out on the PDF device itself, so that point sizes are true sizes
    document.documentLayout().setPaintDevice(writer)
    document.setPageSize(QSizeF(area.width(), area.height() - footer))
    font = QFont(PDF_FONT, 10)
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    document.setDefaultFont(font)
    # a cell without a break opportunity (a long number, a path) wraps anywhere
    # rather than running off the page
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(option)
    document.setBaseUrl(QUrl.fromLocalFile(str(Path(base_dir).resolve()) + os.sep))
    document.setHtml(cell_padding_in_pixels(html))
    allow_wrapping(document)
    repeat_table_headers(document)
    keep_headings_with_next(document)
    number_contents(document)
    paint_pages(document, writer, footer, font)
    del writer  # finishes the file
    return str(path)


def paint_pages(document: QTextDocument, writer: QPdfWriter, footer: float, font: QFont) -> None:
    """Each page of ``document`` on ``writer``, with its footer 「第 X 页 共 Y 页」."""
    page = document.pageSize()
    pages = document.pageCount()
    footer_font = QFont(font)
    footer_font.setPointSizeF(9)
    painter = QPainter(writer)
    try:
        for index in range(pages):
            if index:
                writer.newPage()
            clip = QRectF(0, index * page.height(), page.width(), page.height())
            painter.save()
            painter.translate(0, -clip.top())
            painter.setClipRect(clip)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = clip
            document.documentLayout().draw(painter, context)
            painter.restore()
            painter.setFont(footer_font)
            band = QRectF(0, page.height(), page.width(), footer)
            painter.drawText(
                band,
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                page_footer(index + 1, pages),
            )
    finally:
        painter.end()


def cell_padding_in_pixels(html: str) -> str:
    """``html`` with the paddings of table cells (style sheet rules whose selector names
    ``td`` or ``th``, and ``style`` attributes of ``<td>``/``<th>``) given in pt rewritten
    in px, which Qt reads (it reads pt as 0): ``2pt 4pt`` → ``2.67px 5.33px``. Other
    paddings and lengths are left as they are."""

    def points(declarations: str) -> str:
        def to_pixels(match: re.Match[str]) -> str:
            return f"{float(match.group(1)) * PX_PER_PT:.2f}".rstrip("0").rstrip(".") + "px"

        return _PADDING.sub(lambda m: m.group(1) + _POINTS.sub(to_pixels, m.group(2)), declarations)

    def rule(match: re.Match[str]) -> str:
        if _CELL_SELECTOR.search(match.group(1)) is None:
            return match.group(0)
        return f"{match.group(1)}{{{points(match.group(2))}}}"

    def sheet(match: re.Match[str]) -> str:
        return match.group(1) + _CSS_RULE.sub(rule, match.group(2)) + match.group(3)

    html = re.sub(r"(<style[^>]*>)(.*?)(</style>)", sheet, html, flags=re.IGNORECASE | re.DOTALL)
    return _CELL_STYLE.sub(lambda m: m.group(1) + points(m.group(2)), html)


def allow_wrapping(document: QTextDocument) -> int:
    """Let every line wrap: ``white-space: nowrap`` (a block's non-breakable lines) is
    how a table gets wider than the page and is cut at its right edge; returns how
    many blocks had it."""
    changed = 0
    block = document.begin()
    while block.isValid():
        if block.blockFormat().nonBreakableLines():
            fmt = QTextBlockFormat()
            fmt.setNonBreakableLines(False)
            QTextCursor(block).mergeBlockFormat(fmt)
            changed += 1
        block = block.next()
    return changed


def number_contents(document: QTextDocument) -> int:
    """Page numbers in the table of contents: a list item whose text is the text of a
    later ``<h2>`` gets 「　……　N」 (its page); returns how many items got one.

    Run after the pagination is final; the added text does not change the pages (a
    contents line stays one line)."""
    document.pageCount()
    height = document.pageSize().height()
    pages: dict[str, tuple[int, int]] = {}
    block = document.begin()
    while block.isValid():
        if is_heading(block) and block.blockFormat().headingLevel() == 2:
            page = int(_block_top(document, block) // height) + 1
            pages.setdefault(block.text().strip(), (block.position(), page))
        block = block.next()
    numbered = 0
    block = document.begin()
    while block.isValid():
        found = pages.get(block.text().strip()) if block.textList() is not None else None
        if found is not None and found[0] > block.position():
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.insertText(f"　……　{found[1]}")
            numbered += 1
        block = block.next()
    return numbered


def repeat_table_headers(document: QTextDocument) -> int:
    """Mark the first row of each table as a header row repeated on each page where
    the template did not (``<thead>``) and the row is made of ``<th>`` cells (bold);
    returns the number of tables marked."""
    marked = 0
    for table in document_tables(document):
        fmt = table.format()
        if fmt.headerRowCount() > 0 or table.rows() < 2:
            continue
        cells = [table.cellAt(0, c) for c in range(table.columns())]
        if all(
            cell.firstCursorPosition().charFormat().fontWeight() >= QFont.Weight.Bold
            for cell in cells
        ):
            fmt.setHeaderRowCount(1)
            table.setFormat(fmt)
            marked += 1
    return marked


def document_tables(document: QTextDocument) -> list[QTextTable]:
    """Every table of ``document`` (nested ones included)."""
    tables: list[QTextTable] = []
    block = document.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None and all(t is not table for t in tables):
            tables.append(table)
        block = block.next()
    return tables


def is_heading(block: QTextBlock) -> bool:
    """A block of an ``<h1>``…``<h6>`` element (not inside a table)."""
    return block.blockFormat().headingLevel() > 0 and QTextCursor(block).currentTable() is None


def is_figure(block: QTextBlock) -> bool:
    """A block holding only images (a figure, kept with its caption below)."""
    text = block.text().strip()
    return (
        bool(text) and set(text) == {OBJECT_CHARACTER} and QTextCursor(block).currentTable() is None
    )


def keeps_with_next(block: QTextBlock) -> bool:
    """Headings and figures stay on the page of what follows them."""
    return is_heading(block) or is_figure(block)


def keep_headings_with_next(document: QTextDocument) -> int:
    """Page breaks before headings that would otherwise end a page; returns how many.

    A heading (or a run of headings such as 「二、…」 then 「（一）…」) is kept on the
    page of what follows it: the first line of the next paragraph, or for a table its
    header row and first data row. A heading already starting a page is left alone
    (its content does not fit a page anyway)."""
    moved = 0
    for _ in range(MAX_PASSES):
        orphan = first_orphan_heading(document)
        if orphan is None:
            return moved
        fmt = QTextBlockFormat()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        QTextCursor(orphan).mergeBlockFormat(fmt)
        moved += 1
    return moved


def first_orphan_heading(document: QTextDocument) -> QTextBlock | None:
    """The first heading or figure (of a run of them, e.g. 「附图」 then the map) whose
    next content (a paragraph's first line, a table's first data row, a figure's
    caption) starts on a later page, or None."""
    document.pageCount()  # lays the whole document out
    height = document.pageSize().height()
    block = document.begin()
    while block.isValid():
        if not keeps_with_next(block):
            block = block.next()
            continue
        start = block
        while block.isValid() and (keeps_with_next(block) or not block.text().strip()):
            block = block.next()
        if not block.isValid():
            return None
        first_page = int(_block_top(document, start) // height)
        ends_page = int(_content_bottom(document, block) // height) > first_page
        if ends_page and not _already_breaks(start):
            return start
    return None


def _already_breaks(block: QTextBlock) -> bool:
    return bool(
        block.blockFormat().pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
    )


def _block_top(document: QTextDocument, block: QTextBlock) -> float:
    rect = document.documentLayout().blockBoundingRect(block)
    line = block.layout().lineAt(0) if block.layout().lineCount() else None
    return rect.top() + (line.y() if line is not None else 0.0)


def _content_bottom(document: QTextDocument, block: QTextBlock) -> float:
    """Bottom of what must share the page with a heading: the first line of ``block``,
    or if ``block`` opens a table, the first line of its first data row."""
    table = QTextCursor(block).currentTable()
    if table is not None:
        row = min(table.format().headerRowCount(), table.rows() - 1)
        bottom = 0.0
        for column in range(table.columns()):
            cell_block = table.cellAt(row, column).firstCursorPosition().block()
            bottom = max(bottom, _first_line_bottom(document, cell_block))
        return bottom
    return _first_line_bottom(document, block)


def _first_line_bottom(document: QTextDocument, block: QTextBlock) -> float:
    rect = document.documentLayout().blockBoundingRect(block)
    layout = block.layout()
    if layout.lineCount() == 0:
        return rect.bottom()
    line = layout.lineAt(0)
    return rect.top() + line.y() + line.height()
