"""Progress statistics for the half-yearly reports (N 三(二); Y-2 上图入库 and 年度更新).

From the low-efficiency parcels (final verdict after review, else the computed
one): counts and areas by type, by district, by unit and by redevelopment status
(``identified`` 已认定, ``planned`` 已纳入实施方案, ``under_way`` 实施中, ``completed``
已完成). The status lives in the canonical field ``redevelopment_status``; a
low-efficiency parcel without one counts as ``identified``. One long table
(dimension, key, status, count, 亩, 公顷) that documents and spreadsheets can pivot.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..common.errors import LowlandInputError
from ..common.measures import m2_to_hectare, m2_to_mu
from ..identify.review import final_type, final_verdict

STATUSES = ("identified", "planned", "under_way", "completed")
#: The verdict codes of the identification (value_maps.csv ``verdict``/``final_verdict``).
VERDICTS = ("lowland", "not_lowland", "excluded")
_SHOWN = 10
#: Dimensions of the table and the field each groups by.
DIMENSIONS = {"type": "final_type", "district": "admin_code", "unit": "unit_id"}


def _ids(table: pd.DataFrame) -> pd.Series:
    """Parcel ids for messages; the row number (``#3``) where there is none."""
    rows = pd.Series([f"#{i + 1}" for i in range(len(table))], dtype=object)
    if "parcel_id" not in table.columns:
        return rows
    ids = table["parcel_id"].reset_index(drop=True).astype(object)
    return ids.where(ids.notna(), rows).astype(str)


def _listed(ids: pd.Series, values: pd.Series, mask: np.ndarray) -> str:
    shown = [f"{i}={v}" for i, v in zip(ids[mask][:_SHOWN], values[mask][:_SHOWN], strict=True)]
    more = f" … (+{int(mask.sum()) - _SHOWN})" if int(mask.sum()) > _SHOWN else ""
    return ", ".join(shown) + more


def require_known_verdicts(table: pd.DataFrame) -> None:
    """Refuse verdict codes other than :data:`VERDICTS` in ``verdict`` and ``final_verdict``
    (a blank decision is no decision), naming the parcels: an unknown code would silently
    leave a parcel out of the counts."""
    ids = _ids(table)
    for name in ("verdict", "final_verdict"):
        if name not in table.columns:
            continue
        values = table[name].astype(object).reset_index(drop=True)
        text = values.map(lambda v: None if v is None or v != v else str(v).strip() or None)
        bad = (text.notna() & ~text.isin(VERDICTS)).to_numpy()
        if name == "verdict":
            bad |= text.isna().to_numpy()  # the computed verdict is never empty
        if bad.any():
            raise LowlandInputError(
                f"字段 {name} 有 {int(bad.sum())} 个未知的认定结论（parcel_id=值，无编号时为行号）："
                f"{_listed(ids, values, bad)}；允许：{list(VERDICTS)}。 / field {name} has "
                f"{int(bad.sum())} unknown verdict codes (parcel_id=value, #row without id): "
                f"{_listed(ids, values, bad)}; allowed: {list(VERDICTS)}."
            )


def checked_areas(
    table: pd.DataFrame, geometry_area: np.ndarray | None = None
) -> tuple[pd.Series, list[str]]:
    """``area_m2`` per parcel (m², index 0..n-1) and what was done: an empty value is
    recomputed from the geometry (``geometry_area``, planar m²) and reported naming the
    parcels; a negative, non-finite or unrecoverable one is refused naming them."""
    ids = _ids(table)
    n = len(table)
    raw = (
        table["area_m2"].reset_index(drop=True)
        if "area_m2" in table.columns
        else pd.Series([None] * n, dtype=object)
    )
    area = pd.to_numeric(raw, errors="coerce").astype("float64")
    not_number = (raw.notna() & area.isna()).to_numpy()
    if not_number.any():
        raise LowlandInputError(
            f"字段 area_m2 有 {int(not_number.sum())} 个值不是数值 {_listed(ids, raw, not_number)}，"
            f"请改为平方米数值。 / field area_m2 has {int(not_number.sum())} values that are no "
            f"numbers {_listed(ids, raw, not_number)}."
        )
    wrong = (area.notna() & (~np.isfinite(area) | (area < 0))).to_numpy()
    if wrong.any():
        raise LowlandInputError(
            f"字段 area_m2 有 {int(wrong.sum())} 个负值或无穷值：{_listed(ids, raw, wrong)}；面积须为"
            f"不小于 0 的平方米数。 / field area_m2 has {int(wrong.sum())} negative or infinite "
            f"values: {_listed(ids, raw, wrong)}; an area is a finite number of m² ≥ 0."
        )
    empty = area.isna().to_numpy()
    if not empty.any():
        return area, []
    from_geometry = (
        pd.Series(geometry_area, dtype="float64")
        if geometry_area is not None
        else pd.Series(np.nan, index=area.index)
    )
    lost = empty & ~np.isfinite(from_geometry.to_numpy())
    if lost.any():
        raise LowlandInputError(
            f"{int(lost.sum())} 宗地 area_m2 为空且没有可用的几何，无法统计面积："
            f"{_listed(ids, raw, lost)}。 / {int(lost.sum())} parcels have no area_m2 and no "
            f"usable geometry: {_listed(ids, raw, lost)}."
        )
    area = area.where(~pd.Series(empty), from_geometry)
    if "area_m2" not in table.columns:
        return area, []
    named = ", ".join(ids[empty][:_SHOWN]) + (
        f" … (+{int(empty.sum()) - _SHOWN})" if int(empty.sum()) > _SHOWN else ""
    )
    return area, [
        f"{int(empty.sum())} 宗地 area_m2 为空，按几何面积重新计算：{named}。 / "
        f"{int(empty.sum())} parcels have no area_m2; recomputed from the geometry: {named}."
    ]


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
        area, _ = checked_areas(table)
        table = table.assign(area_m2=area.to_numpy())
    require_known_verdicts(table)
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
