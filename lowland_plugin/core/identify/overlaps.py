"""Overlapping footprints and parcels (issue 21 item 12): found once, named in warnings,
and handled so that nothing is counted twice.

- Buildings with identical footprints (``shapely.equals``) are one building digitised
  twice: the first (input order) is counted, the others are left out of every indicator
  and named.
- Other overlapping buildings are distinct records (e.g. a tower drawn over its podium, or
  a double digitising with different outlines): building density takes the union of the
  footprints on a parcel (ground covered once); each building's GFA still counts (it is
  that building's recorded floor area), and the pairs are named so the planner can check.
- Overlapping parcels are named with the overlap area; a building lying in the overlap
  shares its GFA between them by footprint area, never more than once in total.

Pairs whose overlap is below :data:`OVERLAP_MIN_M2` are float noise along shared edges.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from ..common.notices import PARCEL_PAIRS, shown, tally
from ..common.overlay import self_overlap_areas

#: Overlaps smaller than this are noise along shared edges (m², the output precision).
OVERLAP_MIN_M2 = 0.01


@dataclass(frozen=True)
class Pairs:
    """Overlapping pairs ``(first, second)`` (first < second) and their overlap area."""

    first: np.ndarray
    second: np.ndarray
    area: np.ndarray


def overlapping_pairs(geoms: np.ndarray) -> Pairs:
    """Pairs of one layer's polygons whose interiors overlap by more than OVERLAP_MIN_M2."""
    geoms = np.asarray(geoms, dtype=object)
    if len(geoms) < 2:
        empty = np.array([], dtype="int64")
        return Pairs(empty, empty, np.array([], dtype="float64"))
    i, j, area = self_overlap_areas(geoms.copy())
    keep = area > OVERLAP_MIN_M2  # j < i already
    return Pairs(j[keep], i[keep], area[keep])


def _pair_names(ids: np.ndarray, pairs: Pairs, with_area: bool = True) -> list[str]:
    """``a×b`` (with the overlap area) for every pair."""
    return [
        f"{ids[a]}×{ids[b]}" + (f" {s:.2f} m²" if with_area else "")
        for a, b, s in zip(pairs.first, pairs.second, pairs.area, strict=True)
    ]


def _pair_keys(labels: np.ndarray | None, pairs: Pairs) -> list[tuple]:
    """The pairs' keys for merging tiles' warnings (positions, or ``labels`` of them)."""
    first = pairs.first if labels is None else labels[pairs.first]
    second = pairs.second if labels is None else labels[pairs.second]
    return list(zip(first.tolist(), second.tolist(), strict=True))


def split_duplicates(geoms: np.ndarray, pairs: Pairs) -> tuple[Pairs, Pairs]:
    """``pairs`` split into those with identical footprints (the second of each is a
    duplicate) and the other overlaps."""
    geoms = np.asarray(geoms, dtype=object)
    same = shapely.equals(geoms[pairs.first], geoms[pairs.second]).astype(bool)
    return (
        Pairs(pairs.first[same], pairs.second[same], pairs.area[same]),
        Pairs(pairs.first[~same], pairs.second[~same], pairs.area[~same]),
    )


def building_overlap_warnings(
    ids: np.ndarray, duplicates: Pairs, others: Pairs, labels: np.ndarray | None = None
) -> list[str]:
    """One warning per kind: duplicates counted once, other overlaps named (tallies keyed
    by the buildings' ``labels``, their positions without)."""
    out: list[str] = []
    if len(duplicates.first):
        names = _pair_names(ids, duplicates, False)
        out.append(
            tally("building_duplicates", duplicates_text, _pair_keys(labels, duplicates), names)
        )
    if len(others.first):
        names = _pair_names(ids, others)
        out.append(
            tally("building_overlaps", building_overlaps_text, _pair_keys(labels, others), names)
        )
    return out


def duplicates_text(names: list[str]) -> str:
    return (
        f"{len(names)} 栋建筑与另一栋图形完全相同（重复绘制），只计一次（保留前者）："
        f"{shown(names)}。 / {len(names)} buildings have the very "
        f"footprint of another (duplicates), counted once (the first kept): {shown(names)}."
    )


def building_overlaps_text(names: list[str]) -> str:
    return (
        f"{len(names)} 对建筑轮廓重叠：建筑密度按轮廓并集计算（占地只计一次），建筑面积"
        f"各自计入，请核对是否重复绘制：{shown(names)}。 / {len(names)} pairs of "
        f"building footprints overlap: density uses the union of the footprints (ground "
        f"counted once), each building's GFA counts; check for double digitising: "
        f"{shown(names)}."
    )


def parcel_overlap_warning(ids: np.ndarray, pairs: Pairs, labels: np.ndarray) -> list[str]:
    """The overlapping parcels, named with their overlap area: a tally of the pairs keyed
    by the parcels' index ``labels``, each pair in label order (a tile's rows are not in
    the layer's order)."""
    if not len(pairs.first):
        return []
    swap = labels[pairs.first] > labels[pairs.second]
    first = np.where(swap, pairs.second, pairs.first)
    second = np.where(swap, pairs.first, pairs.second)
    ordered = Pairs(first, second, pairs.area)
    names = _pair_names(ids, ordered)
    keys = _pair_keys(labels, ordered)
    return [tally("parcel_overlaps", parcel_overlaps_text, keys, names, PARCEL_PAIRS)]


def parcel_overlaps_text(names: list[str]) -> str:
    return (
        f"{len(names)} 对宗地相互重叠（面积统计会重复计算重叠部分，请修正宗地图层）；重叠部分上的"
        f"建筑面积按占地面积在两宗地之间分摊，只计一次：{shown(names)}。 / {len(names)} "
        f"pairs of parcels overlap (area totals count the overlap twice: fix the parcels); a "
        f"building's GFA in the overlap is shared between them by footprint, counted once: "
        f"{shown(names)}."
    )


def union_footprints(
    parcel_geoms: np.ndarray,
    building_geoms: np.ndarray,
    p_idx: np.ndarray,
    b_idx: np.ndarray,
    overlapping: np.ndarray,
    footprint: np.ndarray,
) -> np.ndarray:
    """``footprint`` per parcel with the ground under overlapping buildings counted once:
    on every parcel holding two or more of the ``overlapping`` buildings the footprint is
    the area of the union of the buildings' parts on it (other parcels unchanged)."""
    flagged = overlapping[b_idx]
    counts = np.bincount(p_idx[flagged], minlength=len(parcel_geoms))
    out = footprint.copy()
    for p in np.flatnonzero(counts >= 2):
        mine = building_geoms[b_idx[p_idx == p]]
        parts = shapely.intersection(mine, parcel_geoms[p])
        out[p] = float(shapely.area(shapely.union_all(parts)))
    return out


def shared_gfa_share(
    b_idx: np.ndarray, overlap: np.ndarray, footprint_total: np.ndarray
) -> np.ndarray:
    """Share of its building's GFA each (parcel, building) pair gets: its footprint part /
    the building's footprint, or / the sum of its parts where overlapping parcels make
    that sum larger (so that a building's GFA is never counted more than once)."""
    parts = np.bincount(b_idx, weights=overlap, minlength=len(footprint_total))
    denominator = np.where(
        parts > footprint_total * (1 + 1e-9), parts, footprint_total
    )  # float noise along shared edges leaves non-overlapping parcels exactly as before
    return overlap / denominator[b_idx]
