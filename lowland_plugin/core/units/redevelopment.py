"""Redevelopment units (再开发单元) made of blocks (街坊), and their statistics (Y-3, N-1, N-3).

Y-3 asks for "单元+街坊" control: a unit is a group of whole blocks, tied to the
控规. Three ways to form units (``MODES``):

- ``drawn`` (手绘单元): the planner draws unit polygons. A block belongs to a drawn
  unit when the unit covers it up to the snapping tolerance: the block shrunk by
  the tolerance (``shapely.buffer(block, -tolerance)``) lies within the drawn
  polygon, i.e. the drawn edge may cut into the block by at most the tolerance.
  A block thinner than twice the tolerance (nothing left after shrinking) belongs
  to the unit covering at least half of it. A drawn polygon that reaches deeper
  than the tolerance into a block without covering it leaves the block out and is
  reported (``block_partly_covered``). A block covered by two drawn units goes to
  the one covering more of its area (ties: the smaller ``unit_id``), reported as
  ``block_claimed_twice``. The unit geometry is the union of its blocks, so units
  follow block edges whatever the drawing precision.
- ``plan_unit`` (控规单元): each block goes to the plan unit it overlaps most;
  features sharing an id form one unit. A block reaching deeper than the tolerance
  into another plan unit is reported (``block_split_by_plan_units``), a block in
  no plan unit too (``block_outside_plan_units``).
- ``auto`` (自动划分): contiguous blocks are grouped. Blocks are separated by road
  reserves, so two blocks are neighbours when they are at most
  ``adjacency_distance`` apart (default 30 m: across branch and secondary roads,
  not across 50–60 m arterials, which usually bound a unit). Deterministic greedy
  growth: the block with the most low-efficiency area not yet in a unit seeds a
  unit (ties: block_id order, never the row order); the unit then repeatedly takes
  the neighbouring free block with the highest own low-efficiency share (ties:
  block_id order) among those
  that bring the unit area closer to the target area and keep the unit's
  low-efficiency share ≥ the minimum; it stops when no block qualifies. A unit
  whose share is below the minimum is not formed (its seed is not tried again).
  Blocks without low-efficiency land never seed a unit.

Every block and parcel belongs to at most one unit. Parcels go to the unit of
their block (``block_id`` when the parcels carry it), else to the unit they
overlap most. A parcel whose area, shrunk by the tolerance, still overlaps two
units is reported (``parcel_split``); it stays in one unit.

Per-unit statistics: area (union of blocks); 低效 count, area and share by type
(``final_verdict``/``final_type`` where present and not null, else
``verdict``/``lowland_type``; a parcel's ``area_m2`` when present, else its
polygon area — so a unit's low-efficiency total is the identified parcels' total,
and a parcel reaching into the road reserve counts whole); existing GFA (Σ
``gfa``); planned GFA capacity (Σ ``far_max`` × area of each 控规 parcel inside
the unit); scattered pieces (low-efficiency parcels of at most 5 亩, Y-7, the
limit of :mod:`.checks_price`); public-facility land by category
(``resources/codes/public_facilities.csv``, longest ``plan_code`` prefix);
``phase`` (实施时序, near/mid/far) set by the planner on the unit.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..checks.common import within
from ..checks.scattered import SCATTERED_PIECE_MAX_M2
from ..common.errors import LowlandInputError
from ..common.measures import m2_to_mu
from ..common.overlay import dominant_by_area, overlap_areas
from ..common.resources import resource_path
from ..common.validation import require_numbers, require_valid_geometries

MODES = ("drawn", "plan_unit", "auto")
#: 实施时序 values (Y-3 "先易后难、分步推进"); Chinese labels are accepted on input.
PHASES = {"near": "near", "mid": "mid", "far": "far", "近期": "near", "中期": "mid", "远期": "far"}
#: Low-efficiency types (DESIGN.md ``lowland_type``) → their area field.
TYPE_FIELDS = {
    "industrial": "lowland_industrial_m2",
    "village": "lowland_village_m2",
    "commercial_residential": "lowland_commercial_residential_m2",
    "facility": "lowland_facility_m2",
    "other": "lowland_other_m2",
}
DEFAULT_SNAP_TOLERANCE = 5.0
DEFAULT_TARGET_AREA_HA = 20.0
DEFAULT_MIN_LOWLAND_SHARE = 0.3
DEFAULT_ADJACENCY_DISTANCE = 30.0
UNIT_FIELDS = (
    "unit_id",
    "unit_name",
    "phase",
    "notes",
    "source",
    "block_ids",
    "block_count",
    "parcel_count",
    "area_m2",
    "area_mu",
    "lowland_count",
    "lowland_area_m2",
    "lowland_share",
    *TYPE_FIELDS.values(),
    "gfa_existing",
    "gfa_capacity",
    "scattered_count",
    "scattered_area_m2",
    "facilities",
    "facility_area_m2",
)
CONFLICT_FIELDS = (
    "conflict",
    "unit_id",
    "block_id",
    "parcel_id",
    "other_unit_ids",
    "area_m2",
    "reason",
)


@dataclass
class UnitsResult:
    """Units, blocks and parcels with ``unit_id``, the conflicts, and log lines."""

    units: gpd.GeoDataFrame
    blocks: gpd.GeoDataFrame
    parcels: gpd.GeoDataFrame
    conflicts: pd.DataFrame
    warnings: list[str] = field(default_factory=list)


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


# ------------------------------------------------------------------ parcels' verdicts


def effective_verdict(parcels: pd.DataFrame) -> pd.Series:
    """``final_verdict`` where present and not null, else ``verdict``."""
    verdict = parcels["verdict"].astype(object)
    if "final_verdict" in parcels.columns:
        verdict = (
            parcels["final_verdict"].astype(object).where(parcels["final_verdict"].notna(), verdict)
        )
    return verdict


def effective_type(parcels: pd.DataFrame) -> pd.Series:
    """``final_type`` where present and not null, else ``lowland_type``."""
    kind = (
        parcels["lowland_type"].astype(object)
        if "lowland_type" in parcels.columns
        else pd.Series(None, index=parcels.index, dtype=object)
    )
    if "final_type" in parcels.columns:
        kind = parcels["final_type"].astype(object).where(parcels["final_type"].notna(), kind)
    return kind


def parcel_areas(parcels: gpd.GeoDataFrame) -> np.ndarray:
    """A parcel's ``area_m2`` where present and not null, else its polygon area."""
    geom_area = shapely.area(np.asarray(parcels.geometry.values, dtype=object))
    if "area_m2" not in parcels.columns:
        return geom_area
    given = pd.to_numeric(parcels["area_m2"], errors="coerce").to_numpy(dtype=float)
    return np.where(np.isnan(given), geom_area, given)


def is_scattered(areas: np.ndarray) -> np.ndarray:
    """Y-7: a piece of at most 5 亩 (inclusive, up to float noise)."""
    return np.array([within(a, SCATTERED_PIECE_MAX_M2) for a in areas], dtype=bool)


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
    out, n = [], 0
    while len(out) < count:
        n += 1
        candidate = f"DY{n:02d}"
        if candidate not in used:
            out.append(candidate)
    return out


def _text(value) -> str | None:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return None
    text = str(value).strip()
    return text or None


def _conflict(
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


def _unit_attributes(frame: pd.DataFrame, label: str) -> pd.DataFrame:
    """unit_name, phase (normalised), notes of unit polygons (null where absent)."""
    out = pd.DataFrame(index=frame.index)
    for name in ("unit_name", "notes"):
        out[name] = frame[name].map(_text) if name in frame.columns else None
    phase = require_known_phases(frame, label)
    out["phase"] = [None if _text(p) is None else PHASES[_text(p)] for p in phase]
    return out


def require_known_phases(frame: pd.DataFrame, label: str) -> pd.Series:
    """The ``phase`` texts of unit polygons (null where absent); refuses values other
    than near/mid/far (近期/中期/远期), naming the units."""
    phase = (
        frame["phase"].map(_text)
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


# ------------------------------------------------------------------ input checks


def check_blocks(blocks: gpd.GeoDataFrame, label: str) -> None:
    """Blocks need a unique, non-empty ``block_id`` and valid polygons."""
    if len(blocks) == 0:
        raise LowlandInputError(
            f"{label}: 图层没有街坊。请先运行“街坊划分”(lowland:delineateblocks)。"
            f" / the layer has no blocks; run lowland:delineateblocks first."
        )
    if "block_id" not in blocks.columns:
        present = [c for c in blocks.columns if c != blocks.geometry.name]
        raise LowlandInputError(
            f"{label}: 缺少字段 block_id（街坊划分 lowland:delineateblocks 的输出带有此字段）；现有字段 "
            f"{present}。 / no block_id field (the output of lowland:delineateblocks has it); "
            f"the layer has {present}."
        )
    ids = blocks["block_id"].map(_text)
    if ids.isna().any():
        raise LowlandInputError(
            f"{label}: {int(ids.isna().sum())} 个街坊的 block_id 为空。 / "
            f"{int(ids.isna().sum())} blocks have an empty block_id."
        )
    dup = sorted(ids[ids.duplicated()].unique())
    if dup:
        raise LowlandInputError(
            f"{label}: block_id 重复：{dup[:10]}。 / duplicate block_id values: {dup[:10]}."
        )
    require_valid_geometries(blocks, label, "block_id")


def check_parcels(parcels: gpd.GeoDataFrame, label: str) -> None:
    """Parcels must be an identification result (``verdict``) with valid polygons."""
    if "verdict" not in parcels.columns:
        raise LowlandInputError(
            f"{label}: 输入不是低效用地认定结果（缺少 verdict 字段），请先运行“低效用地认定”"
            f"(lowland:identifyparcels)。 / the input is not an identification result (no "
            f"verdict field); run lowland:identifyparcels first."
        )
    id_field = "parcel_id" if "parcel_id" in parcels.columns else None
    require_valid_geometries(parcels, label, id_field)
    for name in ("area_m2", "gfa"):
        require_numbers(parcels, name, label, id_field)


# ------------------------------------------------------------------ (a) drawn units


def drawn_unit_table(units: gpd.GeoDataFrame, label: str) -> gpd.GeoDataFrame:
    """Drawn units with ``unit_id`` (given, or ``DY..`` in spatial order), attributes."""
    if len(units) == 0:
        raise LowlandInputError(f"{label}: 图层没有单元图形。 / the layer has no unit polygons.")
    id_field = "unit_id" if "unit_id" in units.columns else None
    require_valid_geometries(units, label, id_field)
    given = (
        units["unit_id"].map(_text)
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
        _unit_attributes(units, label), geometry=units.geometry.values, crs=units.crs
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
                _conflict(
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
            _conflict(
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
    ids = plan_units[id_field].map(_text)
    if ids.isna().any():
        raise LowlandInputError(
            f"{label}: {int(ids.isna().sum())} 个控规单元的编号 {id_field} 为空。 / "
            f"{int(ids.isna().sum())} plan units have an empty {id_field}."
        )
    attrs = _unit_attributes(plan_units, label)
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
                _conflict(
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
                _conflict(
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


# ------------------------------------------------------------------ parcels


def parcel_blocks(
    parcels: gpd.GeoDataFrame, block_geoms: np.ndarray, block_ids: Sequence[str]
) -> tuple[np.ndarray, list[int]]:
    """Block index of every parcel by its ``block_id`` (-1: none / unknown), and the
    positions of parcels whose ``block_id`` names no block."""
    position = {bid: i for i, bid in enumerate(block_ids)}
    out = np.full(len(parcels), -1, dtype="int64")
    unknown: list[int] = []
    if "block_id" in parcels.columns:
        for i, value in enumerate(parcels["block_id"].map(_text)):
            if value is None:
                continue
            if value in position:
                out[i] = position[value]
            else:
                unknown.append(i)
    return out, unknown


def largest_overlap(targets: np.ndarray, pieces: np.ndarray) -> np.ndarray:
    """Index of the target each piece overlaps most (-1: none)."""
    if len(targets) == 0 or len(pieces) == 0:
        return np.full(len(pieces), -1, dtype="int64")
    t_idx, p_idx, areas = overlap_areas(targets.copy(), pieces.copy())
    best, _ = dominant_by_area(len(pieces), p_idx, t_idx, areas)
    return np.array([-1 if b is None else int(b) for b in best], dtype="int64")


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
    verdict = effective_verdict(parcels).to_numpy(dtype=object)[assigned]
    kind = effective_type(parcels).to_numpy(dtype=object)[assigned]
    low = verdict == "lowland"
    stats["parcel_count"] = np.bincount(unit_of, minlength=n)
    stats["lowland_count"] = np.bincount(unit_of[low], minlength=n)
    stats["lowland_area_m2"] = np.bincount(unit_of[low], weights=p_area[low], minlength=n)
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
        stats[column] = np.bincount(unit_of[mask], weights=p_area[mask], minlength=n)
    if "gfa" in parcels.columns:
        gfa = pd.to_numeric(parcels["gfa"], errors="coerce").to_numpy(dtype=float)[assigned]
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


# ------------------------------------------------------------------ the whole run


def build_units(
    blocks: gpd.GeoDataFrame,
    parcels: gpd.GeoDataFrame,
    mode: str,
    units: gpd.GeoDataFrame | None = None,
    plan_units: gpd.GeoDataFrame | None = None,
    plan_unit_id_field: str | None = None,
    plan: gpd.GeoDataFrame | None = None,
    snap_tolerance: float = DEFAULT_SNAP_TOLERANCE,
    target_area_ha: float = DEFAULT_TARGET_AREA_HA,
    min_lowland_share: float = DEFAULT_MIN_LOWLAND_SHARE,
    adjacency_distance: float = DEFAULT_ADJACENCY_DISTANCE,
    labels: Mapping[str, str] | None = None,
) -> UnitsResult:
    """Form units (``mode`` in :data:`MODES`), assign blocks and parcels, and compute the
    unit statistics. Inputs are not modified; all layers must share one projected CRS."""
    labels = {
        "blocks": "街坊",
        "parcels": "宗地",
        "units": "手绘单元",
        "plan_units": "控规单元",
    } | dict(labels or {})
    if mode not in MODES:
        raise LowlandInputError(f"未知的划定方式 {mode!r}；允许 {MODES} / unknown mode {mode!r}")
    check_blocks(blocks, labels["blocks"])
    check_parcels(parcels, labels["parcels"])
    if plan is not None:
        plan_id = "plan_id" if "plan_id" in plan.columns else None
        require_numbers(plan, "far_max", labels.get("plan", "控规地块"), plan_id)
    if snap_tolerance < 0 or adjacency_distance < 0:
        raise LowlandInputError("容差与距离不能为负 / tolerance and distance must not be negative")
    block_ids = blocks["block_id"].map(_text).tolist()
    block_geoms = np.asarray(blocks.geometry.values, dtype=object)
    parcel_geoms = np.asarray(parcels.geometry.values, dtype=object)
    parcel_ids = (
        parcels["parcel_id"].map(_text).tolist()
        if "parcel_id" in parcels.columns
        else [str(i) for i in parcels.index]
    )
    conflicts: list[dict] = []
    by_block, unknown = parcel_blocks(parcels, block_geoms, block_ids)
    for i in unknown:
        conflicts.append(
            _conflict(
                "parcel_unknown_block",
                f"宗地 {parcel_ids[i]} 的 block_id {parcels['block_id'].iloc[i]} 不在街坊图层中，"
                f"按最大重叠归入单元",
                parcel_id=parcel_ids[i],
            )
        )

    if mode == "drawn":
        if units is None:
            raise LowlandInputError(
                "手绘单元方式需要单元图层（UNITS）。 / mode 'drawn' needs the UNITS layer."
            )
        table = drawn_unit_table(units, labels["units"])
        assignment, found = assign_blocks_to_drawn(block_geoms, block_ids, table, snap_tolerance)
        source = "drawn"
    elif mode == "plan_unit":
        if plan_units is None:
            raise LowlandInputError(
                "控规单元方式需要控规单元图层（PLAN_UNITS）。 / mode 'plan_unit' needs the "
                "PLAN_UNITS layer."
            )
        table = plan_unit_table(plan_units, plan_unit_id_field or "", labels["plan_units"])
        assignment, found = assign_blocks_to_plan_units(
            block_geoms, block_ids, table, snap_tolerance
        )
        source = "plan_unit"
    else:
        if target_area_ha <= 0 or not 0 <= min_lowland_share <= 1:
            raise LowlandInputError(
                "目标面积须大于 0，低效用地最低占比须在 0–1 之间 / the target area must be "
                "positive and the minimum share between 0 and 1"
            )
        lowland_by_block = block_lowland_areas(parcels, by_block, block_geoms)
        # ties go to the smaller block_id whatever the row order of the layers
        rank = np.argsort(np.array(block_ids, dtype=object), kind="stable")
        groups = group_blocks(
            shapely.area(block_geoms[rank]),
            lowland_by_block[rank],
            block_neighbours(block_geoms[rank], adjacency_distance),
            target_area_ha * 10000.0,
            min_lowland_share,
        )
        groups = [[int(rank[i]) for i in group] for group in groups]
        table, assignment = auto_unit_table(groups, block_geoms, blocks.crs)
        found = []
        source = "auto"
    conflicts += found

    # unit geometries: union of their blocks; units without a block are dropped (reported)
    unit_geoms, keep = [], []
    for u in range(len(table)):
        members = np.flatnonzero(assignment == u)
        if members.size == 0:
            conflicts.append(
                _conflict(
                    "unit_without_blocks",
                    f"单元 {table['unit_id'].iloc[u]} 没有完整覆盖任何街坊，未输出",
                    unit_id=table["unit_id"].iloc[u],
                )
            )
            continue
        keep.append(u)
        unit_geoms.append(shapely.union_all(block_geoms[members]))
    remap = np.full(len(table) + 1, -1, dtype="int64")
    remap[keep] = np.arange(len(keep))
    block_unit = remap[assignment]  # -1 stays -1 (index -1 → the extra last slot)
    table = table.iloc[keep].reset_index(drop=True)
    unit_geoms = np.asarray(unit_geoms, dtype=object)

    parcel_unit = np.where(by_block >= 0, block_unit[np.maximum(by_block, 0)], -1)
    no_block = by_block < 0
    if no_block.any() and len(unit_geoms):
        parcel_unit[no_block] = largest_overlap(unit_geoms, parcel_geoms[no_block])
    conflicts += split_parcels(
        parcel_geoms, parcel_ids, parcel_unit, unit_geoms, table, snap_tolerance
    )

    stats, warnings = unit_statistics(unit_geoms, parcels, parcel_unit, plan)
    unit_ids = table["unit_id"].to_numpy(dtype=object)
    out = pd.DataFrame(
        {
            "unit_id": unit_ids,
            "unit_name": table["unit_name"].to_numpy(dtype=object),
            "phase": table["phase"].to_numpy(dtype=object),
            "notes": table["notes"].to_numpy(dtype=object),
            "source": source,
            "block_ids": [
                json.dumps(sorted(block_ids[b] for b in np.flatnonzero(block_unit == u)))
                for u in range(len(table))
            ],
            "block_count": np.bincount(block_unit[block_unit >= 0], minlength=len(table)),
        }
    )
    out = pd.concat([out, stats], axis=1)[list(UNIT_FIELDS)]
    units_out = gpd.GeoDataFrame(out, geometry=[_multi(g) for g in unit_geoms], crs=blocks.crs)
    units_out = units_out.sort_values("unit_id", kind="stable").reset_index(drop=True)

    blocks_out = blocks.copy()
    blocks_out["unit_id"] = [None if u < 0 else unit_ids[u] for u in block_unit]
    parcels_out = parcels.copy()
    parcels_out["unit_id"] = [None if u < 0 else unit_ids[u] for u in parcel_unit]
    conflicts_out = pd.DataFrame(conflicts, columns=list(CONFLICT_FIELDS))
    if len(conflicts_out):
        conflicts_out = conflicts_out.sort_values(
            ["conflict", "unit_id", "block_id", "parcel_id"], kind="stable", na_position="last"
        ).reset_index(drop=True)
    return UnitsResult(units_out, blocks_out, parcels_out, conflicts_out, warnings)


def _multi(geom):
    """Unit geometries are written as MultiPolygons (one geometry type per layer)."""
    if geom.geom_type == "Polygon":
        return shapely.MultiPolygon([geom])
    if geom.geom_type == "MultiPolygon":
        return geom
    polys = [g for g in shapely.get_parts(geom) if g.geom_type == "Polygon"]
    return shapely.MultiPolygon(polys)


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
    low = (effective_verdict(parcels).to_numpy(dtype=object) == "lowland") & (block_of >= 0)
    return np.bincount(
        block_of[low], weights=parcel_areas(parcels)[low], minlength=len(block_geoms)
    )


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


def split_parcels(
    parcel_geoms: np.ndarray,
    parcel_ids: Sequence[str],
    parcel_unit: np.ndarray,
    unit_geoms: np.ndarray,
    table: pd.DataFrame,
    tolerance: float,
) -> list[dict]:
    """Parcels whose area, shrunk by the tolerance, overlaps more than one unit."""
    if len(unit_geoms) == 0 or len(parcel_geoms) == 0:
        return []
    eroded = shapely.buffer(parcel_geoms, -tolerance) if tolerance > 0 else parcel_geoms
    solid = np.flatnonzero(~shapely.is_empty(eroded))
    t_idx, p_idx, _ = overlap_areas(unit_geoms.copy(), eroded[solid].copy())
    unit_ids = table["unit_id"].tolist()
    out = []
    for p in np.unique(p_idx):
        touched = sorted(set(t_idx[p_idx == p].tolist()))
        if len(touched) < 2:
            continue
        i = solid[p]
        pieces = {
            unit_ids[t]: float(shapely.area(shapely.intersection(parcel_geoms[i], unit_geoms[t])))
            for t in touched
        }
        home = unit_ids[parcel_unit[i]] if parcel_unit[i] >= 0 else None
        others = [u for u in sorted(pieces) if u != home]
        text = "、".join(f"{u} {a:.2f} 平方米" for u, a in sorted(pieces.items()))
        out.append(
            _conflict(
                "parcel_split",
                f"宗地 {parcel_ids[i]} 跨多个单元（{text}），归入 {home}",
                unit_id=home,
                parcel_id=parcel_ids[i],
                others=others,
                area=sum(pieces[u] for u in others),
            )
        )
    return out
