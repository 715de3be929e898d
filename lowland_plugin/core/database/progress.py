"""Progress statistics for the half-yearly reports (N 三(二); Y-2 上图入库 and 年度更新).

From the low-efficiency parcels (final verdict after review, else the computed
one): counts and areas by type, by district, by unit and by redevelopment status
(``identified`` 已认定, ``planned`` 已纳入实施方案, ``under_way`` 实施中, ``completed``
已完成). The status lives in the canonical field ``redevelopment_status``; a
low-efficiency parcel without one counts as ``identified``. One long table
(dimension, key, status, count, 亩, 公顷) that documents and spreadsheets can pivot.
"""

from __future__ import annotations

import pandas as pd

from ..common.errors import LowlandInputError
from ..common.measures import m2_to_hectare, m2_to_mu
from ..identify.review import final_type, final_verdict

STATUSES = ("identified", "planned", "under_way", "completed")
#: Dimensions of the table and the field each groups by.
DIMENSIONS = {"type": "final_type", "district": "admin_code", "unit": "unit_id"}


def lowland_parcels(table: pd.DataFrame) -> pd.DataFrame:
    """The low-efficiency parcels with their final type and redevelopment status."""
    if "verdict" not in table.columns:
        raise LowlandInputError(
            "输入不是低效用地认定结果（缺少 verdict 字段） / the input is not an identification "
            "result (no verdict field)"
        )
    verdict = final_verdict(table)
    kind = final_type(table)
    out = table.assign(final_type=kind)[verdict == "lowland"].copy()
    status = out.get("redevelopment_status", pd.Series(index=out.index, dtype=object))
    status = status.where(status.notna(), "identified")
    bad = sorted(set(status) - set(STATUSES))
    if bad:
        raise LowlandInputError(
            f"redevelopment_status 含未知取值 {bad}；允许：{list(STATUSES)} / unknown values {bad}; "
            f"allowed: {list(STATUSES)}"
        )
    out["redevelopment_status"] = status
    return out


def progress_statistics(table: pd.DataFrame) -> pd.DataFrame:
    """Long table: dimension, key, status, parcel_count, area_mu, area_ha (plus totals).

    Needs ``area_m2``; the district and unit dimensions appear when their fields do.
    """
    if "area_m2" in table.columns:
        area = pd.to_numeric(table["area_m2"], errors="coerce")
        bad = table["area_m2"].notna() & area.isna()
        if bad.any():
            ids = table["parcel_id"] if "parcel_id" in table.columns else table.index.to_series()
            shown = [
                f"{i}={v}" for i, v in zip(ids[bad][:5], table["area_m2"][bad][:5], strict=True)
            ]
            raise LowlandInputError(
                f"字段 area_m2 有 {int(bad.sum())} 个值不是数值 {shown}，请改为平方米数值。"
                f" / field area_m2 has {int(bad.sum())} values that are no numbers {shown}."
            )
        table = table.assign(area_m2=area.astype("float64"))
    parcels = lowland_parcels(table)
    if "area_m2" not in parcels.columns:
        raise LowlandInputError("缺少面积字段 area_m2 / the input has no area_m2 field")
    rows = []
    for dimension, field in DIMENSIONS.items():
        if field not in parcels.columns:
            continue
        keys = parcels[field].astype(object).where(parcels[field].notna(), "—")
        for (key, status), part in parcels.groupby([keys, "redevelopment_status"], sort=True):
            rows.append((dimension, str(key), status, len(part), part["area_m2"].sum()))
    # dimension "total": by status alone, then everything
    for status, part in parcels.groupby("redevelopment_status", sort=True):
        rows.append(("total", "all", status, len(part), part["area_m2"].sum()))
    rows.append(("total", "all", "all", len(parcels), parcels["area_m2"].sum()))
    out = pd.DataFrame(rows, columns=["dimension", "key", "status", "parcel_count", "area_m2"])
    out["area_mu"] = m2_to_mu(out["area_m2"])
    out["area_ha"] = m2_to_hectare(out["area_m2"])
    return out.drop(columns="area_m2")
