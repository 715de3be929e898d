"""Tables that end up in a spreadsheet (issue 21 item 3): a text cell starting with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula to Excel and
LibreOffice (``=HYPERLINK(…)``, ``=cmd|' /C calc'!A0``), so an owner name or a review
note typed by anyone could run when the exported CSV/XLSX is opened.

:func:`escape_text_cells` — the one escaping rule of every CSV/XLSX the plugin writes
(the review log, and any algorithm output written to ``.csv``/``.xlsx``/``.ods``):
such a text cell gets a leading ``'`` (shown as text, not evaluated). Numbers stay
numbers, and so does text that is just a number (``-12.5``): only text that a
spreadsheet would evaluate is changed. Full-width ``＝＋－＠`` (typed by Chinese input
methods, turned into formulas by some Excel versions) are escaped too.
"""

from __future__ import annotations

import os
import re
from typing import Any

import pandas as pd

#: First characters that make a spreadsheet cell a formula (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
#: Text that is a plain number, which a spreadsheet reads as that number (no formula).
_PLAIN_NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")
#: File types opened by spreadsheets.
SPREADSHEET_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xls", ".ods")


def escape_cell(value: Any) -> Any:
    """``value``, with a leading ``'`` when it is text a spreadsheet would evaluate."""
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and not _PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


def escape_text_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells are escaped by :func:`escape_cell` (numeric,
    boolean, date and geometry columns are left as they are)."""
    out = frame.copy()
    geometry = getattr(frame, "_geometry_column_name", None)
    for name in out.columns:
        if name == geometry:
            continue
        column = out[name]
        if pd.api.types.is_object_dtype(column) or pd.api.types.is_string_dtype(column):
            out[name] = column.map(escape_cell, na_action="ignore")
    return out


def is_spreadsheet(destination: str | os.PathLike | None) -> bool:
    """True when an output destination is a file a spreadsheet opens (``x.csv``,
    ``x.xlsx|layername=t``, ``ogr:…`` excluded)."""
    if not destination:
        return False
    path = str(destination).split("|")[0].strip().lower()
    return path.endswith(SPREADSHEET_SUFFIXES)
