"""The review meeting's minutes (会议纪要) from a reviewed layer, written as CSV or XLSX.

The table is :func:`core.identify.minutes.meeting_minutes`; this module reads the layer
(edit buffer included: unsaved decisions of the meeting are in the minutes) and writes
the file. XLSX goes through GDAL/OGR's XLSX driver (no openpyxl needed): numbers stay
numbers, text stays text (already escaped against formula injection).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd
from osgeo import ogr
from qgis.core import QgsFeatureRequest, QgsVectorLayer

from ..core.identify.minutes import meeting_minutes
from ..core.identify.review import LOG_COLUMNS
from .layers import python_value

#: Fields the minutes read besides the review log's.
MINUTES_FIELDS = (*LOG_COLUMNS, "unit_id", "area_m2", "area_mu", "reasons")


def minutes_source(layer: QgsVectorLayer, unit_of: Mapping[int, str] | None = None) -> pd.DataFrame:
    """The layer's attributes the minutes need (edit buffer included); ``unit_of``
    (feature id → unit id) fills ``unit_id`` for a layer without that field."""
    fields = layer.fields()
    names = [n for n in MINUTES_FIELDS if fields.indexOf(n) >= 0]
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes(names, fields)
    rows = []
    for feature in layer.getFeatures(request):
        row = {n: python_value(feature[n]) for n in names}
        if "unit_id" not in row and unit_of is not None:
            row["unit_id"] = unit_of.get(feature.id())
        rows.append(row)
    return pd.DataFrame(rows)


def write_minutes(
    layer: QgsVectorLayer,
    path: str | Path,
    language: str = "zh",
    unit_of: Mapping[int, str] | None = None,
) -> int:
    """Write the minutes of ``layer``'s decided parcels to ``path`` (.csv: UTF-8 with BOM
    for Excel; .xlsx: a workbook with one sheet). Returns the number of rows."""
    table = meeting_minutes(minutes_source(layer, unit_of), language)
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        write_xlsx(table, path, "核查纪要" if not language.startswith("en") else "Minutes")
    else:
        table.to_csv(path, index=False, encoding="utf-8-sig")
    return len(table)


def write_xlsx(table: pd.DataFrame, path: Path, sheet: str) -> None:
    """``table`` as one XLSX sheet (:func:`write_xlsx_sheets`). Replaces ``path``."""
    write_xlsx_sheets({sheet: table}, path)


def write_xlsx_sheets(sheets: Mapping[str, pd.DataFrame], path: Path) -> None:
    """Each table of ``sheets`` (sheet name → table) as one XLSX sheet (OGR's XLSX
    driver): float columns as numbers, the rest as text; empty cells for unknown values.
    Replaces ``path``."""
    driver = ogr.GetDriverByName("XLSX")
    if driver is None:
        raise OSError("GDAL has no XLSX driver")
    if path.exists():
        path.unlink()
    source = driver.CreateDataSource(str(path))
    if source is None:
        raise OSError(f"cannot create {path}")
    for sheet, table in sheets.items():
        out = source.CreateLayer(sheet, geom_type=ogr.wkbNone)
        numeric = [pd.api.types.is_float_dtype(table[c]) for c in table.columns]
        for name, is_number in zip(table.columns, numeric, strict=True):
            out.CreateField(ogr.FieldDefn(str(name), ogr.OFTReal if is_number else ogr.OFTString))
        for values in table.itertuples(index=False):
            feature = ogr.Feature(out.GetLayerDefn())
            for i, (value, is_number) in enumerate(zip(values, numeric, strict=True)):
                if value is None or (is_number and pd.isna(value)):
                    continue
                feature.SetField(i, float(value) if is_number else str(value))
            out.CreateFeature(feature)
    source = None  # closes and writes the workbook
