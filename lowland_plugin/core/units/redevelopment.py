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
limit of :mod:`..checks.scattered`); public-facility land by category
(``resources/codes/public_facilities.csv``, longest ``plan_code`` prefix);
``phase`` (实施时序, near/mid/far) set by the planner on the unit.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..common.errors import LowlandInputError
from ..common.validation import require_numbers, require_valid_geometries
from ..common.values import as_text
from .assignment import (
    assign_blocks_to_drawn,
    assign_blocks_to_plan_units,
    auto_unit_table,
    block_neighbours,
    conflict_record,
    drawn_unit_table,
    group_blocks,
    plan_unit_table,
)
from .membership import parcel_blocks, split_parcels, unit_membership
from .statistics import TYPE_FIELDS, block_lowland_areas, unit_statistics

MODES = ("drawn", "plan_unit", "auto")
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
    ids = blocks["block_id"].map(as_text)
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
    block_ids = blocks["block_id"].map(as_text).tolist()
    block_geoms = np.asarray(blocks.geometry.values, dtype=object)
    parcel_geoms = np.asarray(parcels.geometry.values, dtype=object)
    parcel_ids = (
        parcels["parcel_id"].map(as_text).tolist()
        if "parcel_id" in parcels.columns
        else [str(i) for i in parcels.index]
    )
    conflicts: list[dict] = []
    by_block, unknown = parcel_blocks(parcels, block_geoms, block_ids)
    for i in unknown:
        conflicts.append(
            conflict_record(
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
    kept_geoms, keep = [], []
    for u in range(len(table)):
        members = np.flatnonzero(assignment == u)
        if members.size == 0:
            conflicts.append(
                conflict_record(
                    "unit_without_blocks",
                    f"单元 {table['unit_id'].iloc[u]} 没有完整覆盖任何街坊，未输出",
                    unit_id=table["unit_id"].iloc[u],
                )
            )
            continue
        keep.append(u)
        kept_geoms.append(shapely.union_all(block_geoms[members]))
    remap = np.full(len(table) + 1, -1, dtype="int64")
    remap[keep] = np.arange(len(keep))
    block_unit = remap[assignment]  # -1 stays -1 (index -1 → the extra last slot)
    table = table.iloc[keep].reset_index(drop=True)
    unit_geoms = np.asarray(kept_geoms, dtype=object)

    parcel_unit = parcel_units(
        parcels, table["unit_id"].tolist(), unit_geoms, block_ids, block_unit
    )
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


def parcel_units(
    parcels: gpd.GeoDataFrame,
    unit_ids: list[str],
    unit_geoms: np.ndarray,
    block_ids: list[str],
    block_unit: np.ndarray,
) -> np.ndarray:
    """Unit index of every parcel (-1: none) by :func:`unit_membership` (Y-3); a
    ``unit_id`` the parcels carry from an earlier run is not looked at."""
    units = gpd.GeoDataFrame({"unit_id": unit_ids}, geometry=list(unit_geoms), crs=parcels.crs)
    blocks = pd.DataFrame(
        {"block_id": block_ids, "unit_id": [None if u < 0 else unit_ids[u] for u in block_unit]}
    )
    members = unit_membership(parcels.drop(columns="unit_id", errors="ignore"), units, blocks)
    position = {u: i for i, u in enumerate(unit_ids)}
    return np.array([-1 if u is None else position[u] for u in members], dtype="int64")
