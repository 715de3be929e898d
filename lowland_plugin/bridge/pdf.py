"""HTML to PDF through Qt (QTextDocument → QPdfWriter, A4): the 实施方案's PDF needs
nothing beyond what QGIS already loads."""

from __future__ import annotations

import os
from pathlib import Path

from qgis.PyQt.QtCore import QMarginsF, QSizeF, QUrl
from qgis.PyQt.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

#: Font of the PDF (installed by scripts/setup.sh: fonts-wqy-zenhei). Not Noto Sans CJK:
#: Qt's PDF writer maps glyphs Noto shares with Kangxi radicals to the radical (方 is
#: extracted as ⽅ U+2F45), so a search for 实施方案 in the PDF found nothing.
PDF_FONT = "WenQuanYi Zen Hei"


def html_to_pdf(html: str, path: str | os.PathLike, base_dir: str | os.PathLike, title: str) -> str:
    """The HTML document printed to an A4 PDF with Qt (QTextDocument → QPdfWriter).

    The default font is :data:`PDF_FONT` drawn without OpenType shaping: with shaping,
    Qt's PDF writer can lose the Unicode mapping of a CJK font's digits (the PDF text
    would read "DY" for "DY01"); CJK and Latin text need no shaping.
    """
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)
    writer.setResolution(150)
    writer.setTitle(title)
    writer.setCreator("Lowland 低效用地再开发")
    document = QTextDocument()
    # lay the text out on the PDF device itself, so that point sizes are true sizes
    document.documentLayout().setPaintDevice(writer)
    document.setPageSize(QSizeF(writer.pageLayout().paintRectPixels(writer.resolution()).size()))
    font = QFont(PDF_FONT, 10)
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    document.setDefaultFont(font)
    document.setBaseUrl(QUrl.fromLocalFile(str(Path(base_dir).resolve()) + os.sep))
    document.setHtml(html)
    document.print_(writer)
    del writer  # finishes the file
    return str(path)
