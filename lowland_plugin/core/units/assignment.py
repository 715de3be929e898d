"""Blocks into redevelopment units, the three ways of ``lowland:buildunits`` (Y-3):
drawn units, 控规单元 and the automatic grouping (module doc of :mod:`.redevelopment`),
with the unit attributes and the conflict records they report.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..common.errors import LowlandInputError
from ..common.overlay import dominant_by_area, overlap_areas
from ..common.validation import require_valid_geometries
from ..common.values import as_text

#: 实施时序 values (Y-3 "先易后难、分步推进"); Chinese labels are accepted on input.
PHASES = {"near": "near", "mid": "mid", "far": "far", "近期": "near", "中期": "mid", "远期": "far"}


# ------------------------------------------------------------------ helpers


def spatial_order(geoms: np.ndarray) -> np.ndarray:
    """Indices of ``geoms`` north-west → south-east: row bands (height = √ of the median
    area) of the representative point from the north, then west → east."""
    if len(geoms) == 0:
        return np.array([], dtype="int64")
    pts = shapely.point_on_surface(geoms)
    x, y = shapely.get_x(pts), shapely.get_y(pts)
    band = float(np.sqrt(np.median(shapely.area(geoms)))) or 1.0
    row = np.floor((y.max() - y) / band + 1e-9)
    return np.lexsort((x, row))


def new_unit_ids(count: int, used: set[str]) -> list[str]:
    """``DY01``, ``DY02``, … skipping ids already used (at least two digits)."""
    out: list[str] = []
    n = 0
    while len(out) < count:
        n += 1
        candidate = f"DY{n:02d}"
        if candidate not in used:
            out.append(candidate)
    return out


def conflict_record(
    kind: str, reason: str, unit_id=None, block_id=None, parcel_id=None, others=(), area=None
) -> dict:
    return {
        "conflict": kind,
        "unit_id": unit_id,
        "block_id": block_id,
        "parcel_id": parcel_id,
        "other_unit_ids": json.dumps(list(others), ensure_ascii=False) if others else None,
        "area_m2": None if area is None else float(area),
        "reason": reason,
    }


def unit_attributes(frame: pd.DataFrame, label: str) -> pd.DataFrame:
    """unit_name, phase (normalised), notes of unit polygons (null where absent)."""
    out = pd.DataFrame(index=frame.index)
    for name in ("unit_name", "notes"):
        out[name] = frame[name].map(as_text) if name in frame.columns else None
    phase = require_known_phases(frame, label)
    out["phase"] = [None if (text := as_text(p)) is None else PHASES[text] for p in phase]
    return out


def require_known_phases(frame: pd.DataFrame, label: str) -> pd.Series:
    """The ``phase`` texts of unit polygons (null where absent); refuses values other
    than near/mid/far (近期/中期/远期), naming the units."""
    phase = (
        frame["phase"].map(as_text)
        if "phase" in frame.columns
        else pd.Series(None, index=frame.index, dtype=object)
    )
    bad = sorted({p for p in phase.dropna() if p not in PHASES})
    if bad:
        units = (
            sorted(str(u) for u in frame.loc[phase.isin(bad), "unit_id"])
            if "unit_id" in frame.columns
            else []
        )
        raise LowlandInputError(
            f"{label}: 实施时序 phase 含未知取值 {bad}（单元 {units}）；允许 near/mid/far（近期/中期/远期）或空。"
            f" / unknown phase values {bad} (units {units}); allowed: near, mid, far (近期, 中期, "
            "远期) or empty."
        )
    return phase


# ------------------------------------------------------------------ (a) drawn units


def drawn_unit_table(units: gpd.GeoDataFrame, label: str) -> gpd.GeoDataFrame:
    """Drawn units with ``unit_id`` (given, or ``DY..`` in spatial order), attributes."""
    if len(units) == 0:
        raise LowlandInputError(f"{label}: 图层没有单元图形。 / the layer has no unit polygons.")
    id_field = "unit_id" if "unit_id" in units.columns else None
    require_valid_geometries(units, label, id_field)
    given = (
        units["unit_id"].map(as_text)
        if id_field
        else pd.Series(None, index=units.index, dtype=object)
    )
    # compared without case, as the 绘制再开发单元 tool does (core/units/drawing.py):
    # dy01 and DY01 would be two units in the layer but one in a report
    named = given.dropna()
    keys = named.str.casefold()
    dup = sorted(named[keys.duplicated(keep=False)].unique())
    if dup:
        raise LowlandInputError(
            f"{label}: unit_id 重复（不区分大小写）：{dup}。每个单元一个图形，请合并或改号。"
            f" / duplicate unit_id values (case-insensitive) {dup}: one polygon per unit; "
            "merge them or renumber."
        )
    out = gpd.GeoDataFrame(
        unit_attributes(units, label), geometry=units.geometry.values, crs=units.crs
    )
    out.insert(0, "unit_id", given.to_numpy(dtype=object))
    missing = np.flatnonzero(out["unit_id"].isna().to_numpy())
    if missing.size:
        geoms = np.asarray(out.geometry.values, dtype=object)[missing]
        order = missing[spatial_order(geoms)]
        ids = new_unit_ids(len(order), set(given.dropna()))
        out.loc[out.index[order], "unit_id"] = ids
    return out.reset_index(drop=True)


def assign_blocks_to_drawn(
    block_geoms: np.ndarray,
    block_ids: Sequence[str],
    units: gpd.GeoDataFrame,
    tolerance: float,
) -> tuple[np.ndarray, list[dict]]:
    """Unit index of every block (-1: none) and the conflicts (see module doc)."""
    unit_geoms = np.asarray(units.geometry.values, dtype=object)
    unit_ids = units["unit_id"].tolist()
    eroded = shapely.buffer(block_geoms, -tolerance) if tolerance > 0 else block_geoms
    thin = shapely.is_empty(eroded)
    tree = shapely.STRtree(unit_geoms)
    b_idx, u_idx = tree.query(block_geoms, predicate="intersects")
    block_area = shapely.area(block_geoms)
    covered = shapely.area(shapely.intersection(block_geoms[b_idx], unit_geoms[u_idx]))
    member = np.where(
        thin[b_idx],
        covered >= 0.5 * block_area[b_idx],
        shapely.within(eroded[b_idx], unit_geoms[u_idx]),
    )
    deep = ~thin[b_idx] & (shapely.area(shapely.intersection(eroded[b_idx], unit_geoms[u_idx])) > 0)
    assignment = np.full(len(block_geoms), -1, dtype="int64")
    conflicts: list[dict] = []
    for b in np.unique(b_idx[member]):
        rows = np.flatnonzero(member & (b_idx == b))
        ranked = sorted(rows, key=lambda r: (-round(covered[r], 6), unit_ids[u_idx[r]]))
        assignment[b] = u_idx[ranked[0]]
        if len(ranked) > 1:
            winner = unit_ids[u_idx[ranked[0]]]
            others = [unit_ids[u_idx[r]] for r in ranked[1:]]
            conflicts.append(
                conflict_record(
                    "block_claimed_twice",
                    f"街坊 {block_ids[b]} 被多个手绘单元覆盖（{winner}、{'、'.join(others)}），"
                    f"归入覆盖面积最大的 {winner}",
                    unit_id=winner,
                    block_id=block_ids[b],
                    others=others,
                    area=block_area[b],
                )
            )
    for r in np.flatnonzero(deep & ~member):
        b, u = b_idx[r], u_idx[r]
        conflicts.append(
            conflict_record(
                "block_partly_covered",
                f"手绘单元 {unit_ids[u]} 只覆盖街坊 {block_ids[b]} 的 {covered[r]:.2f} 平方米"
                f"（{covered[r] / block_area[b]:.1%}），超出吸附容差 {tolerance:g} 米，该街坊未归入此单元",
                unit_id=unit_ids[u],
                block_id=block_ids[b],
                area=covered[r],
            )
        )
    return assignment, conflicts


# ------------------------------------------------------------------ (b) plan units


def plan_unit_table(plan_units: gpd.GeoDataFrame, id_field: str, label: str) -> gpd.GeoDataFrame:
    """控规单元 dissolved by ``id_field`` (ids as text), with optional attributes."""
    if len(plan_units) == 0:
        raise LowlandInputError(f"{label}: 图层没有控规单元。 / the layer has no plan units.")
    if not id_field or id_field not in plan_units.columns:
        present = [c for c in plan_units.columns if c != plan_units.geometry.name]
        raise LowlandInputError(
            f"{label}: 找不到编号字段 {id_field!r}；现有字段 {present}。请在“控规单元编号字段”中选择。"
            f" / id field {id_field!r} not found; the layer has {present}. Choose the plan-unit id field."
        )
    require_valid_geometries(plan_units, label, id_field)
    ids = plan_units[id_field].map(as_text)
    if ids.isna().any():
        raise LowlandInputError(
            f"{label}: {int(ids.isna().sum())} 个控规单元的编号 {id_field} 为空。 / "
            f"{int(ids.isna().sum())} plan units have an empty {id_field}."
        )
    attrs = unit_attributes(plan_units, label)
    attrs["unit_id"] = ids.to_numpy(dtype=object)
    rows = []
    for uid, part in attrs.groupby("unit_id", sort=True):
        geom = shapely.union_all(
            np.asarray(plan_units.geometry.values, dtype=object)[
                plan_units.index.get_indexer(part.index)
            ]
        )
        first = part.iloc[0]
        rows.append((uid, first["unit_name"], first["phase"], first["notes"], geom))
    return gpd.GeoDataFrame(
        rows, columns=["unit_id", "unit_name", "phase", "notes", "geometry"], crs=plan_units.crs
    )


def assign_blocks_to_plan_units(
    block_geoms: np.ndarray,
    block_ids: Sequence[str],
    units: gpd.GeoDataFrame,
    tolerance: float,
) -> tuple[np.ndarray, list[dict]]:
    """Unit index of every block by largest overlap (-1: none), and the conflicts."""
    unit_geoms = np.asarray(units.geometry.values, dtype=object)
    unit_ids = units["unit_id"].tolist()
    t_idx, p_idx, areas = overlap_areas(unit_geoms.copy(), block_geoms.copy())
    best, _ = dominant_by_area(len(block_geoms), p_idx, t_idx, areas)
    assignment = np.array([-1 if b is None else int(b) for b in best], dtype="int64")
    conflicts: list[dict] = []
    eroded = shapely.buffer(block_geoms, -tolerance) if tolerance > 0 else block_geoms
    solid = ~shapely.is_empty(eroded)
    e_t, e_p, e_area = overlap_areas(unit_geoms.copy(), eroded[solid].copy())
    e_block = np.flatnonzero(solid)[e_p]
    for b in range(len(block_geoms)):
        if assignment[b] < 0:
            conflicts.append(
                conflict_record(
                    "block_outside_plan_units",
                    f"街坊 {block_ids[b]} 不在任何控规单元内，未归入单元",
                    block_id=block_ids[b],
                    area=shapely.area(block_geoms[b]),
                )
            )
            continue
        others = sorted({unit_ids[t] for t in e_t[e_block == b]} - {unit_ids[assignment[b]]})
        if others:
            outside = float(
                shapely.area(shapely.difference(block_geoms[b], unit_geoms[assignment[b]]))
            )
            conflicts.append(
                conflict_record(
                    "block_split_by_plan_units",
                    f"街坊 {block_ids[b]} 跨控规单元 {unit_ids[assignment[b]]}、{'、'.join(others)}"
                    f"（单元外 {outside:.2f} 平方米），按最大重叠归入 {unit_ids[assignment[b]]}",
                    unit_id=unit_ids[assignment[b]],
                    block_id=block_ids[b],
                    others=others,
                    area=outside,
                )
            )
    return assignment, conflicts


# ------------------------------------------------------------------ (c) automatic


def block_neighbours(block_geoms: np.ndarray, distance: float) -> list[set[int]]:
    """Per block, the other blocks at most ``distance`` away (across a road reserve)."""
    tree = shapely.STRtree(block_geoms)
    a, b = tree.query(block_geoms, predicate="dwithin", distance=distance)
    out: list[set[int]] = [set() for _ in range(len(block_geoms))]
    for i, j in zip(a.tolist(), b.tolist(), strict=True):
        if i != j:
            out[i].add(j)
    return out


def group_blocks(
    block_areas: np.ndarray,
    lowland_areas: np.ndarray,
    neighbours: Sequence[set[int]],
    target_area_m2: float,
    min_share: float,
) -> list[list[int]]:
    """Greedy growth of units (lists of block indices in the order taken; see module doc).

    Block indices stand for the block order: ties go to the smaller index.
    """
    n = len(block_areas)
    free = np.ones(n, dtype=bool)
    tried = np.zeros(n, dtype=bool)
    own_share = np.divide(lowland_areas, block_areas, out=np.zeros(n), where=block_areas > 0)
    units: list[list[int]] = []
    while True:
        seeds = np.flatnonzero(free & ~tried & (lowland_areas > 0))
        if seeds.size == 0:
            break
        seed = int(seeds[np.lexsort((seeds, -lowland_areas[seeds]))[0]])
        tried[seed] = True
        members, area, low = [seed], float(block_areas[seed]), float(lowland_areas[seed])
        while True:
            candidates = sorted(
                {c for m in members for c in neighbours[m] if free[c] and c not in members},
                key=lambda c: (-own_share[c], c),
            )
            chosen = None
            for c in candidates:
                new_area, new_low = area + block_areas[c], low + lowland_areas[c]
                closer = abs(new_area - target_area_m2) < abs(area - target_area_m2)
                if closer and new_low >= min_share * new_area * (1 - 1e-12):
                    chosen = c
                    break
            if chosen is None:
                break
            members.append(chosen)
            area += float(block_areas[chosen])
            low += float(lowland_areas[chosen])
        if area > 0 and low >= min_share * area * (1 - 1e-12):
            units.append(members)
            free[members] = False
    return units


def auto_unit_table(
    groups: list[list[int]], block_geoms: np.ndarray, crs
) -> tuple[gpd.GeoDataFrame, np.ndarray]:
    """Units of the automatic grouping, numbered ``DY01…`` north-west → south-east."""
    geoms = np.asarray([shapely.union_all(block_geoms[g]) for g in groups], dtype=object)
    order = spatial_order(geoms)
    ids = new_unit_ids(len(groups), set())
    assignment = np.full(len(block_geoms), -1, dtype="int64")
    rows = []
    for rank, g in enumerate(order):
        assignment[groups[g]] = rank
        rows.append((ids[rank], f"再开发单元{ids[rank][2:]}", None, None, geoms[g]))
    table = gpd.GeoDataFrame(
        rows, columns=["unit_id", "unit_name", "phase", "notes", "geometry"], crs=crs
    )
    return table, assignment
