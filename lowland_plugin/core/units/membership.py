"""Which redevelopment unit a parcel belongs to — the one rule (Y-3 "单元+街坊"), used by
``lowland:buildunits`` and by the 实施方案 alike, so that a document lists the parcels
the unit statistics counted (:func:`unit_membership`).
"""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..common.overlay import overlap_areas
from ..common.values import as_json, as_text, texts
from .assignment import conflict_record


def unit_membership(
    parcels: gpd.GeoDataFrame,
    units: gpd.GeoDataFrame,
    blocks: pd.DataFrame | None = None,
) -> pd.Series:
    """Y-3: the ``unit_id`` of every row of ``parcels`` (on its index; None: no unit).

    1. its own ``unit_id`` when that names one of ``units`` (the ``lowland:buildunits``
       parcels output, where this very rule wrote it; a project's unit);
    2. else the unit of its block, when its ``block_id`` names a block that is in a
       unit: the ``unit_id`` of ``blocks`` (the buildunits blocks output) when given,
       else the unit whose ``block_ids`` list it;
    3. else the unit it overlaps most (ties: the smaller ``unit_id``); None when it
       overlaps no unit.
    """
    unit_ids = [as_text(u) for u in units["unit_id"]]
    known = {u for u in unit_ids if u is not None}
    out = np.array([u if u in known else None for u in texts(parcels, "unit_id")], dtype=object)
    of_block = block_units(units, blocks, known)
    for i, block in enumerate(texts(parcels, "block_id")):
        if out[i] is None and block is not None:
            out[i] = of_block.get(block)
    rest = np.flatnonzero([u is None for u in out])
    if rest.size and known:
        geoms = np.asarray(parcels.geometry.values, dtype=object)[rest]
        unit_geoms = np.asarray(units.geometry.values, dtype=object)
        best = largest_overlap(unit_geoms, geoms, unit_ids)
        out[rest] = [None if b < 0 else unit_ids[b] for b in best]
    return pd.Series(out, index=parcels.index, dtype=object)


def block_units(
    units: pd.DataFrame, blocks: pd.DataFrame | None, known: set[str]
) -> dict[str, str]:
    """``block_id`` → ``unit_id`` of the blocks in a unit: from ``blocks`` (``block_id``,
    ``unit_id``) when given, else from the units' ``block_ids`` (JSON lists)."""
    if blocks is not None:
        pairs = zip(texts(blocks, "block_id"), texts(blocks, "unit_id"), strict=True)
        return {b: u for b, u in pairs if b is not None and u in known}
    out: dict[str, str] = {}
    for unit, listed in zip(texts(units, "unit_id"), texts(units, "block_ids"), strict=True):
        members = as_json(listed, [])
        if unit in known and isinstance(members, list):
            out.update({str(b): unit for b in members})
    return out


def largest_overlap(
    targets: np.ndarray, pieces: np.ndarray, keys: Sequence | None = None
) -> np.ndarray:
    """Index of the target each piece overlaps most (-1: none); ties go to the target
    with the smaller key (``keys``, default: the target index)."""
    if len(targets) == 0 or len(pieces) == 0:
        return np.full(len(pieces), -1, dtype="int64")
    t_idx, p_idx, areas = overlap_areas(targets.copy(), pieces.copy())
    out = np.full(len(pieces), -1, dtype="int64")
    if t_idx.size == 0:
        return out
    rank = np.arange(len(targets)) if keys is None else _ranks(keys)
    order = np.lexsort((rank[t_idx], -areas, p_idx))
    first = order[np.r_[True, p_idx[order][1:] != p_idx[order][:-1]]]
    out[p_idx[first]] = t_idx[first]
    return out


def _ranks(keys: Sequence) -> np.ndarray:
    """Position of every key in the sorted keys (None last)."""
    order = sorted(range(len(keys)), key=lambda i: (keys[i] is None, str(keys[i])))
    rank = np.empty(len(keys), dtype="int64")
    rank[order] = np.arange(len(keys))
    return rank


def parcel_blocks(
    parcels: gpd.GeoDataFrame, block_geoms: np.ndarray, block_ids: Sequence[str]
) -> tuple[np.ndarray, list[int]]:
    """Block index of every parcel by its ``block_id`` (-1: none / unknown), and the
    positions of parcels whose ``block_id`` names no block."""
    position = {bid: i for i, bid in enumerate(block_ids)}
    out = np.full(len(parcels), -1, dtype="int64")
    unknown: list[int] = []
    if "block_id" in parcels.columns:
        for i, value in enumerate(parcels["block_id"].map(as_text)):
            if value is None:
                continue
            if value in position:
                out[i] = position[value]
            else:
                unknown.append(i)
    return out, unknown


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
            conflict_record(
                "parcel_split",
                f"宗地 {parcel_ids[i]} 跨多个单元（{text}），归入 {home}",
                unit_id=home,
                parcel_id=parcel_ids[i],
                others=others,
                area=sum(pieces[u] for u in others),
            )
        )
    return out
