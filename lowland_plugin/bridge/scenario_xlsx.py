"""The comparison of scenarios (方案比选, issue 23) as an XLSX workbook: one sheet per
unit with the indicator rows (numbers stay numbers; an unknown value is an empty cell,
never 0) and one sheet of the failed checks. Text cells are escaped against formula
injection (:func:`~..core.common.spreadsheet.escape_text_cells`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ..core.common.spreadsheet import escape_text_cells
from ..core.scenarios.comparison import Comparison, comparison_frame, failures_frame
from .minutes import write_xlsx_sheets

#: Sheet names (at most 31 characters in a workbook).
SHEETS = {"zh": ("方案比选", "未通过核查"), "en": ("Comparison", "Failed checks")}


def comparison_sheet(c: Comparison, lang: str) -> pd.DataFrame:
    """:func:`comparison_frame` with the scenario columns as floats (NaN: unknown)."""
    frame = comparison_frame(c, lang)
    for column in frame.columns[2:-2]:
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype(float)
    return escape_text_cells(frame)


def write_comparison_xlsx(
    comparisons: Sequence[Comparison], path: str | Path, lang: str = "zh"
) -> str:
    """Write the comparisons to ``path`` (.xlsx): a sheet per unit (「方案比选 DY02」; the
    bare name for one unit) and the failed checks of all. Returns the path."""
    names = SHEETS["en" if lang.startswith("en") else "zh"]
    sheets: dict[str, pd.DataFrame] = {}
    for c in comparisons:
        title = names[0] if len(comparisons) == 1 else f"{names[0]} {c.unit_id}"
        sheets[title[:31]] = comparison_sheet(c, lang)
    failed = [failures_frame(c, lang).assign(unit_id=c.unit_id) for c in comparisons]
    sheets[names[1]] = escape_text_cells(pd.concat(failed, ignore_index=True))
    write_xlsx_sheets(sheets, Path(path))
    return str(path)
