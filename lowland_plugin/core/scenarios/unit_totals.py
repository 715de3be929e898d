"""开发容量测算 per unit: the capacity envelope of the parcels
(:func:`.capacity.capacity_envelope`) added up per redevelopment unit — capacity by use,
parcels unknown or uncapped (Y-4 public projects), and the headroom over today's floor
area. Unknown stays None: one parcel of unknown capacity makes the unit's total unknown.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence

import geopandas as gpd
import numpy as np
import pandas as pd

from ..common.values import numbers, rounded, texts
from ..units.membership import largest_overlap


def parcel_units(
    envelope: gpd.GeoDataFrame, units_or_unit_ids: gpd.GeoDataFrame | Sequence
) -> tuple[list[str | None], list[str]]:
    """(unit id per parcel, units in order): by largest overlap with a units layer
    (``unit_id``), or a sequence of unit ids aligned with the parcels."""
    if isinstance(units_or_unit_ids, gpd.GeoDataFrame):
        unit_ids = texts(units_or_unit_ids, "unit_id")
        geoms = np.asarray(units_or_unit_ids.geometry.values, dtype=object)
        idx = largest_overlap(geoms, np.asarray(envelope.geometry.values, dtype=object), unit_ids)
        return [unit_ids[i] if i >= 0 else None for i in idx], [u for u in unit_ids if u]
    given = pd.Series(list(units_or_unit_ids), dtype=object)
    of = texts(pd.DataFrame({"unit_id": given}), "unit_id")
    return of, sorted({u for u in of if u})


def today_gfa(
    units_or_unit_ids: gpd.GeoDataFrame | Sequence, gfa_today: Mapping[str, float] | None
) -> Mapping[str, float]:
    """Today's floor area per unit: ``gfa_today``, else the units layer's ``gfa_existing``."""
    if gfa_today is not None:
        return gfa_today
    if isinstance(units_or_unit_ids, gpd.GeoDataFrame) and "gfa_existing" in units_or_unit_ids:
        ids = texts(units_or_unit_ids, "unit_id")
        gfa = numbers(units_or_unit_ids, "gfa_existing")
        return {u: float(g) for u, g in zip(ids, gfa, strict=True) if u}
    return {}


def unit_capacity(
    envelope: gpd.GeoDataFrame,
    units_or_unit_ids: gpd.GeoDataFrame | Sequence,
    gfa_today: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Per unit: ``capacity_m2`` (Σ capped parcels; None when one of them is unknown),
    ``capacity_by_use`` (JSON {use: m², null: unknown}), parcel counts (capped, unknown,
    uncapped public), ``gfa_today_m2`` and ``headroom_m2`` = capacity − today's floor area
    (None when either is unknown), with a bilingual ``note``."""
    unit_of, units = parcel_units(envelope, units_or_unit_ids)
    today = today_gfa(units_or_unit_ids, gfa_today)
    capacity = envelope["capacity_m2"].to_numpy(dtype="float64")
    capped = envelope["capped"].to_numpy(dtype=bool)
    uses = [u or "未知" for u in envelope["capacity_use"].tolist()]
    rows = []
    for unit in units:
        mine = [i for i, u in enumerate(unit_of) if u == unit]
        counted = [i for i in mine if capped[i]]
        unknown = [i for i in counted if math.isnan(capacity[i])]
        by_use: dict[str, float | None] = {}
        for i in counted:
            prior = by_use.get(uses[i], 0.0)
            by_use[uses[i]] = (
                None if prior is None or math.isnan(capacity[i]) else prior + float(capacity[i])
            )
        total = None if unknown or not counted else float(np.sum(capacity[counted]))
        gfa = today.get(unit)
        gfa = None if gfa is None or math.isnan(gfa) else float(gfa)
        rows.append(
            {
                "unit_id": unit,
                "parcel_count": len(mine),
                "capacity_m2": total,
                "capacity_by_use": json.dumps(
                    {k: rounded(v) for k, v in sorted(by_use.items())}, ensure_ascii=False
                ),
                "unknown_count": len(unknown),
                "uncapped_count": len(mine) - len(counted),
                "gfa_today_m2": gfa,
                "headroom_m2": None if total is None or gfa is None else total - gfa,
                "note": unit_note(len(mine), len(unknown), len(mine) - len(counted), gfa),
            }
        )
    columns = [
        "unit_id",
        "parcel_count",
        "capacity_m2",
        "capacity_by_use",
        "unknown_count",
        "uncapped_count",
        "gfa_today_m2",
        "headroom_m2",
        "note",
    ]
    table = pd.DataFrame(rows, columns=columns)
    for name in ("capacity_m2", "gfa_today_m2", "headroom_m2"):
        table[name] = pd.to_numeric(table[name], errors="coerce").astype("float64")
    return table


def unit_note(parcels: int, unknown: int, uncapped: int, gfa: float | None) -> str | None:
    """Why a unit's figures are unknown or partial (None: nothing to say)."""
    parts = []
    if parcels == 0:
        parts.append("单元内无地块 / no parcel in the unit")
    if unknown:
        parts.append(
            f"{unknown} 个地块容量未知，合计未知 / {unknown} parcels unknown: total unknown"
        )
    if uncapped:
        parts.append(
            f"不含 {uncapped} 个不受规划容积率限制的公益项目（Y-4）/ excludes {uncapped} "
            "public projects not limited by the planned FAR (Y-4)"
        )
    if gfa is None:
        parts.append("现状建筑面积未知，余量未知 / today's floor area unknown: headroom unknown")
    return "；".join(parts) or None
