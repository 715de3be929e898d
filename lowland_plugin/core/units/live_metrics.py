"""Live figures of a unit being drawn (绘制再开发单元, Y-3 「单元+街坊」): what the outline
takes while it changes, fast enough to follow the mouse on a 100 000-parcel district.

:func:`prepare_district` is run once per blocks/parcels layer: arrays of the block and
parcel figures, the blocks shrunk by the snapping tolerance, a ``shapely.STRtree`` over
the blocks and one over the parcels that no block holds, and the parcels of every block
(CSR order). :func:`unit_metrics` is run per edit: one tree query of the outline and
vectorised intersections of the few blocks it meets; no union, no overlay of parcels.

The block rule is the one of ``lowland:buildunits`` for drawn units
(:func:`.assignment.assign_blocks_to_drawn`): a block is taken whole when, shrunk by the
tolerance, it lies within the outline (a block thinner than twice the tolerance: when
at least half of it is covered); a block the outline reaches deeper than the tolerance
into without taking it is *partly taken* — ``lowland:buildunits`` leaves it out and
reports ``block_partly_covered``. Parcels belong to the unit by :func:`.membership.
unit_membership` (Y-3) for one unit: those of its whole blocks by ``block_id``, and a
parcel without a known ``block_id`` when it overlaps the whole blocks. The unit area is
the area of its whole blocks (the unit outline ``lowland:buildunits`` writes is their
union). The figures on save come from :func:`.statistics.unit_statistics`, the function
of ``lowland:buildunits`` (:func:`saved_unit_statistics`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from ..common.measures import m2_to_hectare, m2_to_mu
from ..common.values import as_text
from ..identify.review import final_type, final_verdict
from .redevelopment import DEFAULT_SNAP_TOLERANCE, UNIT_FIELDS
from .statistics import (
    TYPE_FIELDS,
    is_scattered,
    lowland_parcel_areas,
    parcel_areas,
    unit_statistics,
)

#: Not known to the tool: the unit's own attributes (the form's) and what needs the 控规.
_NOT_SAVED = ("unit_id", "unit_name", "phase", "notes", "gfa_capacity", "facilities",
              "facility_area_m2")  # fmt: skip
#: Fields :func:`saved_unit_statistics` fills: those of ``lowland:buildunits`` the tool
#: can know without the 控规 layer (capacity and facilities stay unknown).
SAVED_FIELDS = tuple(name for name in UNIT_FIELDS if name not in _NOT_SAVED)


@dataclass
class PreparedDistrict:
    """Blocks and parcels as arrays, with their spatial indexes (:func:`prepare_district`)."""

    block_ids: list[str]
    block_geoms: np.ndarray
    block_area: np.ndarray
    block_eroded: np.ndarray
    block_thin: np.ndarray
    block_tree: shapely.STRtree
    tolerance: float
    parcels: gpd.GeoDataFrame | None
    #: parcel indices sorted by block, and where each block's run starts (len = blocks + 1)
    block_parcels: np.ndarray
    block_starts: np.ndarray
    #: parcels whose block_id names no block, and the tree over their geometries
    loose: np.ndarray
    loose_tree: shapely.STRtree
    parcel_geoms: np.ndarray
    low_area: np.ndarray
    low: np.ndarray
    kind: np.ndarray
    gfa: np.ndarray
    scattered: np.ndarray
    scattered_area: np.ndarray


@dataclass(frozen=True)
class PartialBlock:
    """A block the outline reaches into without taking it whole."""

    block_id: str
    covered_m2: float
    share: float
    #: how far the outline must move to take the block: the largest distance from the
    #: part of the block left outside to the outline (m)
    deviation_m: float


@dataclass
class UnitMetrics:
    """What an outline takes (:func:`unit_metrics`); None: unknown (no parcels layer)."""

    outline_area_m2: float
    area_m2: float
    whole_blocks: list[str]
    partial_blocks: list[PartialBlock]
    parcel_index: np.ndarray
    parcel_count: int | None
    lowland_count: int | None
    lowland_area_m2: float | None
    lowland_by_type: dict[str, float] = field(default_factory=dict)
    gfa_existing: float | None = None
    scattered_count: int | None = None
    scattered_area_m2: float | None = None

    @property
    def area_ha(self) -> float:
        return float(m2_to_hectare(self.area_m2))

    @property
    def area_mu(self) -> float:
        return float(m2_to_mu(self.area_m2))

    @property
    def lowland_share(self) -> float | None:
        """低效 area over the unit area (None: no whole block, or no parcels layer)."""
        if self.lowland_area_m2 is None or self.area_m2 <= 0:
            return None
        return self.lowland_area_m2 / self.area_m2

    def type_shares(self) -> dict[str, float]:
        """低效 area of each type over the unit area (types with area only)."""
        if self.area_m2 <= 0:
            return {}
        return {k: v / self.area_m2 for k, v in self.lowland_by_type.items() if v > 0}

    def closest_miss(self) -> PartialBlock | None:
        """The partly taken block the outline covers most (ties: smaller block_id)."""
        if not self.partial_blocks:
            return None
        return min(self.partial_blocks, key=lambda p: (-p.share, p.block_id))


# ------------------------------------------------------------------ preparation


def prepare_district(
    blocks: gpd.GeoDataFrame,
    parcels: gpd.GeoDataFrame | None,
    tolerance: float = DEFAULT_SNAP_TOLERANCE,
) -> PreparedDistrict:
    """Arrays and spatial indexes of ``blocks`` (``block_id``) and ``parcels`` (an
    identification result; None: parcel figures unknown), built once per layer."""
    block_ids = [as_text(b) or str(i) for i, b in enumerate(_column(blocks, "block_id"))]
    block_geoms = np.asarray(blocks.geometry.values, dtype=object)
    eroded = shapely.buffer(block_geoms, -tolerance) if tolerance > 0 else block_geoms
    shapely.prepare(eroded)
    frame = parcels if parcels is not None else gpd.GeoDataFrame(geometry=[])
    position = {b: i for i, b in enumerate(block_ids)}
    of_block = np.array(
        [position.get(as_text(b) or "", -1) for b in _column(frame, "block_id")], dtype="int64"
    )
    parcel_geoms = np.asarray(frame.geometry.values, dtype=object)
    inside = np.flatnonzero(of_block >= 0)
    order = inside[np.argsort(of_block[inside], kind="stable")]
    starts = np.searchsorted(of_block[order], np.arange(len(block_ids) + 1))
    loose = np.flatnonzero(of_block < 0)
    low = final_verdict(frame) == "lowland" if len(frame) else np.zeros(0, dtype=bool)
    kind = np.asarray(final_type(frame), dtype=object) if len(frame) else np.zeros(0, object)
    kind = np.where(low & ~np.isin(kind, list(TYPE_FIELDS)), "other", kind)
    area = parcel_areas(frame) if len(frame) else np.zeros(0)
    gfa = (
        pd.to_numeric(frame["gfa"], errors="coerce").to_numpy(dtype=float)
        if "gfa" in frame.columns
        else np.full(len(frame), np.nan)
    )
    return PreparedDistrict(
        block_ids=block_ids,
        block_geoms=block_geoms,
        block_area=shapely.area(block_geoms),
        block_eroded=eroded,
        block_thin=shapely.is_empty(eroded),
        block_tree=shapely.STRtree(block_geoms),
        tolerance=tolerance,
        parcels=parcels,
        block_parcels=order,
        block_starts=starts,
        loose=loose,
        loose_tree=shapely.STRtree(parcel_geoms[loose]),
        parcel_geoms=parcel_geoms,
        low_area=lowland_parcel_areas(frame) if len(frame) else np.zeros(0),
        low=low,
        kind=kind,
        gfa=gfa,
        scattered=low & is_scattered(area),
        scattered_area=area,
    )


def _column(frame: pd.DataFrame, name: str) -> list:
    return frame[name].tolist() if name in frame.columns else [None] * len(frame)


# ------------------------------------------------------------------ per edit


def unit_metrics(district: PreparedDistrict, outline: BaseGeometry | None) -> UnitMetrics:
    """Y-3: the whole and partly taken blocks of ``outline`` and the figures of the unit
    they make (module doc). Pure; ``district`` is not changed."""
    whole, partial = taken_blocks(district, outline)
    area = float(district.block_area[whole].sum())
    outline_area = 0.0 if outline is None or outline.is_empty else float(outline.area)
    members = unit_parcels(district, whole)
    if district.parcels is None:
        return UnitMetrics(outline_area, area, [district.block_ids[b] for b in whole], partial,
                           members, None, None, None)  # fmt: skip
    low = members[district.low[members]]
    kinds = district.kind[low]
    by_type = {name: float(district.low_area[low][kinds == name].sum()) for name in TYPE_FIELDS}
    gfa = district.gfa[members]
    known = ~np.isnan(gfa)
    scattered = members[district.scattered[members]]
    return UnitMetrics(
        outline_area_m2=outline_area,
        area_m2=area,
        whole_blocks=[district.block_ids[b] for b in whole],
        partial_blocks=partial,
        parcel_index=members,
        parcel_count=int(members.size),
        lowland_count=int(low.size),
        lowland_area_m2=float(district.low_area[low].sum()),
        lowland_by_type=by_type,
        gfa_existing=float(gfa[known].sum()) if known.any() else None,
        scattered_count=int(scattered.size),
        scattered_area_m2=float(district.scattered_area[scattered].sum()),
    )


def taken_blocks(
    district: PreparedDistrict, outline: BaseGeometry | None
) -> tuple[np.ndarray, list[PartialBlock]]:
    """Indices of the blocks ``outline`` takes whole (sorted by block_id) and the blocks
    it reaches into deeper than the tolerance without taking them."""
    none = np.array([], dtype="int64")
    if outline is None or outline.is_empty or not outline.is_valid:
        return none, []
    shapely.prepare(outline)
    cand = district.block_tree.query(outline, predicate="intersects")
    if cand.size == 0:
        return none, []
    geoms = district.block_geoms[cand]
    covered = shapely.area(shapely.intersection(geoms, outline))
    thin = district.block_thin[cand]
    eroded = district.block_eroded[cand]
    member = np.where(
        thin, covered >= 0.5 * district.block_area[cand], shapely.within(eroded, outline)
    )
    deep = ~thin & ~member
    deep[deep] = shapely.area(shapely.intersection(eroded[deep], outline)) > 0
    whole = cand[member]
    whole = whole[np.argsort([district.block_ids[b] for b in whole], kind="stable")]
    partial = [
        PartialBlock(
            block_id=district.block_ids[b],
            covered_m2=float(c),
            share=float(c / district.block_area[b]),
            deviation_m=outside_depth(district.block_geoms[b], outline),
        )
        for b, c in zip(cand[deep].tolist(), covered[deep].tolist(), strict=True)
    ]
    return whole, sorted(partial, key=lambda p: p.block_id)


def outside_depth(block: BaseGeometry, outline: BaseGeometry) -> float:
    """The largest distance from the part of ``block`` outside ``outline`` to the outline."""
    outside = shapely.difference(block, outline)
    if outside.is_empty:
        return 0.0
    corners = shapely.points(shapely.get_coordinates(outside))
    return float(shapely.distance(corners, outline).max())


def unit_parcels(district: PreparedDistrict, whole: np.ndarray) -> np.ndarray:
    """Indices (sorted) of the parcels of a unit made of the blocks ``whole`` (Y-3, one
    unit: by block_id, else when the parcel overlaps the blocks)."""
    starts = district.block_starts
    runs = [district.block_parcels[starts[b] : starts[b + 1]] for b in whole.tolist()]
    by_block = np.concatenate(runs) if runs else np.array([], dtype="int64")
    if whole.size == 0 or district.loose.size == 0:
        return np.sort(by_block)
    blocks = district.block_geoms[whole]
    b_idx, l_idx = district.loose_tree.query(blocks, predicate="intersects")
    pieces = district.parcel_geoms[district.loose[l_idx]]
    overlap = shapely.area(shapely.intersection(blocks[b_idx], pieces)) > 0
    return np.sort(np.concatenate([by_block, np.unique(district.loose[l_idx[overlap]])]))


# ------------------------------------------------------------------ on save


def saved_unit_statistics(district: PreparedDistrict, outline: BaseGeometry) -> dict:
    """The :data:`SAVED_FIELDS` of the unit ``outline`` makes, by
    :func:`.statistics.unit_statistics` (the function of ``lowland:buildunits``) on the
    union of its whole blocks; parcel figures None when there is no parcels layer."""
    whole, _ = taken_blocks(district, outline)
    geom = shapely.union_all(district.block_geoms[whole]) if whole.size else outline
    ids = sorted(district.block_ids[b] for b in whole.tolist())
    out: dict = {"source": "drawn", "block_ids": json.dumps(ids), "block_count": len(ids)}
    parcels = district.parcels
    members = unit_parcels(district, whole)
    frame = parcels.iloc[members] if parcels is not None else gpd.GeoDataFrame(geometry=[])
    stats, _ = unit_statistics(
        np.array([geom], dtype=object), frame, np.zeros(len(frame), dtype="int64"), None
    )
    row = stats.iloc[0]
    for name in SAVED_FIELDS[3:]:
        value = row[name]
        out[name] = None if pd.isna(value) else value.item() if hasattr(value, "item") else value
    if parcels is None:
        for name in SAVED_FIELDS[3:]:
            if name not in ("area_m2", "area_mu"):
                out[name] = None
    return out
