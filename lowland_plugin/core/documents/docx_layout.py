"""Print layout of a rendered 实施方案 DOCX (python-docx, after docxtpl): column widths
from the content of each table and the document properties.

Word gives a python-docx table equal columns (a 7-column parcel list: 7 × 2.29 cm, the
认定理由 as narrow as the 宗地编号). :func:`fit_table_columns` sets each table's grid
and cell widths from the text the rendered rows hold (a character of CJK text counts
as two of Latin text, long text is capped so that it wraps instead of taking the page)
over the text width of the section, with a fixed table layout so that Word keeps them.

The rule profile's ``id@version`` is metadata: :func:`set_document_properties` puts it
into the core properties (subject, keywords), where the printed text names the
profile in words.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

#: Twentieths of a point per EMU (python-docx lengths are EMU; Word widths are twips).
EMU_PER_TWIP = 635
#: A column's weight: its longest text in half-width characters, within these bounds
#: (a column of long text is capped and wraps; a column of short codes keeps room).
MIN_WEIGHT, MAX_WEIGHT = 5, 40


def text_weight(text: str) -> int:
    """Width of ``text`` in half-width characters (CJK and full-width count two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def column_weights(table) -> list[float]:
    """Per grid column of ``table``: the longest line of its single-column cells in
    half-width characters, within [:data:`MIN_WEIGHT`, :data:`MAX_WEIGHT`]."""
    columns = len(table._tbl.tblGrid.gridCol_lst)
    weights = [float(MIN_WEIGHT)] * columns
    for tr in table._tbl.tr_lst:
        column = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            if span == 1 and column < columns:
                text = "".join(t.text or "" for t in tc.iter(_qn("w:t")))
                longest = max((text_weight(line) for line in text.splitlines()), default=0)
                weights[column] = max(weights[column], float(min(longest, MAX_WEIGHT)))
            column += span
    return weights


def fit_table_columns(document) -> int:
    """Set the column widths of every table of ``document`` from its content over the
    text width of the first section; returns the number of tables."""
    section = document.sections[0]
    text_width = int(
        (section.page_width - section.left_margin - section.right_margin) / EMU_PER_TWIP
    )
    for table in document.tables:
        match_grid(table)
        weights = column_weights(table)
        total = sum(weights)
        widths = [int(text_width * w / total) for w in weights]
        _apply_widths(table, widths)
    return len(document.tables)


def match_grid(table) -> None:
    """Give the table's grid as many columns as its widest row has cells: a column loop
    (``{%tc for %}``, the 方案比选 table: one column per scenario) changes the number of
    cells, not the grid the template was built with."""
    from copy import deepcopy

    tbl = table._tbl
    grid = tbl.tblGrid
    columns = grid.gridCol_lst
    wanted = max((sum(tc.grid_span for tc in tr.tc_lst) for tr in tbl.tr_lst), default=0)
    if not columns or wanted == len(columns) or wanted == 0:
        return
    for extra in columns[wanted:]:
        grid.remove(extra)
    for _ in range(wanted - len(columns)):
        grid.append(deepcopy(columns[-1]))


def _apply_widths(table, widths: list[int]) -> None:
    from docx.shared import Twips

    tbl = table._tbl
    table.autofit = False  # w:tblLayout fixed: Word keeps the widths
    _table_width(tbl.tblPr, sum(widths))
    for grid_col, width in zip(tbl.tblGrid.gridCol_lst, widths, strict=False):
        grid_col.w = Twips(width)
    for tr in tbl.tr_lst:
        column = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            tc.width = Twips(sum(widths[column : column + span]))
            column += span


def _table_width(tbl_pr, width: int) -> None:
    """``w:tblW`` in twips, in its place in the schema's order of ``w:tblPr``."""
    from docx.oxml import OxmlElement

    element = tbl_pr.find(_qn("w:tblW"))
    if element is None:
        element = OxmlElement("w:tblW")
        tbl_pr.insert_element_before(element, *_AFTER_TBLW)
    element.set(_qn("w:w"), str(width))
    element.set(_qn("w:type"), "dxa")


#: The children of ``w:tblPr`` that come after ``w:tblW`` (ECMA-376 CT_TblPr).
_AFTER_TBLW = (
    "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout",
    "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange",
)  # fmt: skip


def set_document_properties(document, context: Mapping) -> None:
    """Title, subject and keywords of the DOCX: the rule profile ``id@version`` is kept
    here (the document text names the profile in words)."""
    info = context.get("document", {})
    props = document.core_properties
    if info.get("title"):
        props.title = str(info["title"])
    if info.get("profile"):
        props.subject = f"实施方案 · 规则档案 {info['profile']}"
        props.keywords = str(info["profile"])


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)
