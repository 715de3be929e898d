"""Per-unit statistics of redevelopment units (Y-3, N-1, N-3): area, 低效 count, area and
share by type (the verdict and type after review, :func:`~..identify.review.final_verdict`),
existing GFA, planned GFA capacity, scattered pieces (Y-7) and public-facility land by
category (module doc of :mod:`.redevelopment`).
"""

from __future__ import annotations

import csv
import json
from functools import lru_cache

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..checks.common import within
from ..checks.scattered import SCATTERED_PIECE_MAX_M2
from ..common.errors import LowlandInputError
from ..common.measures import m2_to_mu
from ..common.overlay import overlap_areas
from ..common.resources import resource_path
from ..identify.review import final_type, final_verdict
from .membership import largest_overlap

#: Low-efficiency types (DESIGN.md ``lowland_type``) → their area field.
TYPE_FIELDS = {
    "industrial": "lowland_industrial_m2",
    "village": "lowland_village_m2",
    "commercial_residential": "lowland_commercial_residential_m2",
    "facility": "lowland_facility_m2",
    "other": "lowland_other_m2",
}


# ------------------------------------------------------------------ code table


@lru_cache(maxsize=1)
def facility_categories() -> dict[str, str]:
    """``plan_code`` prefix → facility category ('' = not a facility), from
    ``resources/codes/public_facilities.csv``."""
    with resource_path("codes", "public_facilities.csv").open(encoding="utf-8") as fh:
        return {row["code"]: row["category"] for row in csv.DictReader(fh)}


def facility_category(plan_code) -> str | None:
    """The facility category of a 2023 plan code by its longest listed prefix (None if none)."""
    if plan_code is None or (isinstance(plan_code, float) and np.isnan(plan_code)):
        return None
    code = str(plan_code).strip()
    table = facility_categories()
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]] or None
    return None


# ------------------------------------------------------------------ parcels


def measure(parcels: pd.DataFrame, name: str) -> np.ndarray:
    """Column ``name`` (an area or GFA) as floats, unknown → NaN; a negative or infinite
    value is refused naming the parcels (issue 21 item 13), never summed into a unit."""
    values = pd.to_numeric(parcels[name], errors="coerce").to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        bad = ~np.isnan(values) & (~np.isfinite(values) | (values < 0))
    if bad.any():
        ids = (
            parcels["parcel_id"].astype(str).to_numpy(dtype=object)
            if "parcel_id" in parcels.columns
            else np.array([f"#{i + 1}" for i in range(len(parcels))], dtype=object)
        )
        shown = ", ".join(
            f"{i}={v:g}" for i, v in zip(ids[bad][:10], values[bad][:10], strict=True)
        )
        raise LowlandInputError(
            f"宗地图层: 字段 {name} 有 {int(bad.sum())} 个负值或无穷值：{shown}；面积与建筑面积须为不小于 0 "
            f"的有限数。 / parcels: field {name} has {int(bad.sum())} negative or infinite values: "
            f"{shown}; areas and GFA are finite numbers ≥ 0."
        )
    return values


def parcel_areas(parcels: gpd.GeoDataFrame) -> np.ndarray:
    """A parcel's ``area_m2`` where present and not null, else its polygon area."""
    geom_area = shapely.area(np.asarray(parcels.geometry.values, dtype=object))
    if "area_m2" not in parcels.columns:
        return geom_area
    given = measure(parcels, "area_m2")
    return np.where(np.isnan(given), geom_area, given)


def lowland_parcel_areas(parcels: gpd.GeoDataFrame) -> np.ndarray:
    """The area a parcel's low-efficiency verdict applies to: its 三调 construction part
    (``candidate_area_m2`` of the identification, issue 16: a parcel partly farmland puts
    only its construction part into the low-efficiency area) where present and not null,
    else :func:`parcel_areas`."""
    whole = parcel_areas(parcels)
    if "candidate_area_m2" not in parcels.columns:
        return whole
    part = measure(parcels, "candidate_area_m2")
    return np.where(np.isnan(part), whole, part)


def is_scattered(areas: np.ndarray) -> np.ndarray:
    """A low-efficiency parcel of at most 5 亩 (inclusive, up to float noise): a 零星用地
    *candidate* for the unit statistics; whether it is 零星 (Y-7) is the scattered check's."""
    return np.array([within(a, SCATTERED_PIECE_MAX_M2) for a in areas], dtype=bool)


# ------------------------------------------------------------------ statistics


def unit_statistics(
    unit_geoms: np.ndarray,
    parcels: gpd.GeoDataFrame,
    parcel_unit: np.ndarray,
    plan: gpd.GeoDataFrame | None,
) -> tuple[pd.DataFrame, list[str]]:
    """Per-unit figures (rows in unit order) and warnings (see module doc)."""
    n = len(unit_geoms)
    warnings: list[str] = []
    area = shapely.area(unit_geoms)
    stats = pd.DataFrame({"area_m2": area, "area_mu": m2_to_mu(area)})
    assigned = parcel_unit >= 0
    unit_of = parcel_unit[assigned]
    p_area = parcel_areas(parcels)[assigned]
    low_area = lowland_parcel_areas(parcels)[assigned]
    verdict = final_verdict(parcels)[assigned]
    kind = final_type(parcels)[assigned]
    low = verdict == "lowland"
    stats["parcel_count"] = np.bincount(unit_of, minlength=n)
    stats["lowland_count"] = np.bincount(unit_of[low], minlength=n)
    stats["lowland_area_m2"] = np.bincount(unit_of[low], weights=low_area[low], minlength=n)
    stats["lowland_share"] = np.divide(
        stats["lowland_area_m2"].to_numpy(), area, out=np.zeros(n), where=area > 0
    )
    unknown_type = low & ~np.isin(kind, list(TYPE_FIELDS))
    if unknown_type.any():
        ids = (
            parcels["parcel_id"].to_numpy(dtype=object)[assigned][unknown_type]
            if ("parcel_id" in parcels.columns)
            else parcels.index.to_numpy()[assigned][unknown_type]
        )
        warnings.append(
            f"{int(unknown_type.sum())} 宗低效用地没有可识别的低效类型，计入其他低效：{list(ids)[:10]}"
            f" / {int(unknown_type.sum())} low-efficiency parcels have no known type; counted "
            f"as other: {list(ids)[:10]}"
        )
    kind = np.where(unknown_type, "other", kind)
    for name, column in TYPE_FIELDS.items():
        mask = low & (kind == name)
        stats[column] = np.bincount(unit_of[mask], weights=low_area[mask], minlength=n)
    if "gfa" in parcels.columns:
        gfa = measure(parcels, "gfa")[assigned]
        known = ~np.isnan(gfa)
        total = np.bincount(unit_of[known], weights=gfa[known], minlength=n)
        has = np.bincount(unit_of[known], minlength=n) > 0
        stats["gfa_existing"] = np.where(has, total, np.nan)
    else:
        stats["gfa_existing"] = np.nan
        warnings.append("宗地没有 gfa 字段，现状建筑面积为空 / parcels have no gfa field")
    scattered = low & is_scattered(p_area)
    stats["scattered_count"] = np.bincount(unit_of[scattered], minlength=n)
    stats["scattered_area_m2"] = np.bincount(
        unit_of[scattered], weights=p_area[scattered], minlength=n
    )
    capacity, facilities, plan_warnings = plan_figures(unit_geoms, plan)
    warnings += plan_warnings
    stats["gfa_capacity"] = capacity
    stats["facilities"] = [
        json.dumps({k: round(v, 2) for k, v in f.items()}, ensure_ascii=False) for f in facilities
    ]
    stats["facility_area_m2"] = [float(sum(f.values())) for f in facilities]
    if plan is None:
        stats["facilities"] = None
        stats["facility_area_m2"] = np.nan
    return stats, warnings


def plan_figures(
    unit_geoms: np.ndarray, plan: gpd.GeoDataFrame | None
) -> tuple[np.ndarray, list[dict[str, float]], list[str]]:
    """Planned GFA capacity (Σ far_max × area inside) and facility area by category per unit."""
    n = len(unit_geoms)
    if plan is None:
        return np.full(n, np.nan), [{} for _ in range(n)], []
    warnings: list[str] = []
    plan_geoms = np.asarray(plan.geometry.values, dtype=object)
    far = (
        pd.to_numeric(plan["far_max"], errors="coerce").to_numpy(dtype=float)
        if "far_max" in plan.columns
        else np.full(len(plan), np.nan)
    )
    codes = plan["plan_code"].tolist() if "plan_code" in plan.columns else [None] * len(plan)
    categories = [facility_category(c) for c in codes]
    t_idx, p_idx, areas = overlap_areas(unit_geoms.copy(), plan_geoms.copy())
    capacity = np.full(n, np.nan)
    facilities: list[dict[str, float]] = [{} for _ in range(n)]
    no_far: set[int] = set()
    for t, p, a in zip(t_idx.tolist(), p_idx.tolist(), areas.tolist(), strict=True):
        if np.isnan(far[p]):
            no_far.add(p)
        else:
            capacity[t] = (0.0 if np.isnan(capacity[t]) else capacity[t]) + far[p] * a
        cat = categories[p]
        if cat:
            facilities[t][cat] = facilities[t].get(cat, 0.0) + a
    order = {c: i for i, c in enumerate(dict.fromkeys(facility_categories().values()))}
    facilities = [dict(sorted(f.items(), key=lambda kv: order[kv[0]])) for f in facilities]
    if no_far:
        ids = (
            plan["plan_id"].to_numpy(dtype=object)[sorted(no_far)]
            if "plan_id" in plan.columns
            else sorted(no_far)
        )
        warnings.append(
            f"{len(no_far)} 个控规地块没有 far_max，不计入规划建筑规模：{list(ids)[:10]} / "
            f"{len(no_far)} plan parcels have no far_max and add nothing to the capacity"
        )
    return capacity, facilities, warnings


def block_lowland_areas(
    parcels: gpd.GeoDataFrame, by_block: np.ndarray, block_geoms: np.ndarray
) -> np.ndarray:
    """Low-efficiency parcel area per block (parcels without ``block_id`` by largest overlap)."""
    block_of = by_block.copy()
    missing = block_of < 0
    if missing.any():
        block_of[missing] = largest_overlap(
            block_geoms, np.asarray(parcels.geometry.values, dtype=object)[missing]
        )
    low = (final_verdict(parcels) == "lowland") & (block_of >= 0)
    return np.bincount(
        block_of[low], weights=parcel_areas(parcels)[low], minlength=len(block_geoms)
    )
