"""街坊划分 (Y-3 "单元+街坊"): blocks bounded by road red lines.

Blocks are the study boundary minus the road reserve (道路红线用地): every road
centre line buffered by half its red-line width with flat caps. Plain shapely 2 /
geopandas, no QGIS. The steps, each one function below:

1. **Widths** (:func:`resolve_road_widths`): the width field, else the grade's
   default red-line width from ``resources/codes/road_widths.csv`` (GB 50220-95,
   with its source per row; grade given as key, Chinese or English label, e.g.
   ``branch`` / ``支路``). Defaults are reported (``width_source = default``); a road
   with neither width nor a known grade is an error naming the road.
2. **Near-misses and small gaps** (:func:`snap_road_ends`, ``tolerance``): road ends
   closer than the tolerance to another road end are merged; a free end closer than
   the tolerance to another road's red line (its centre line + half its width: a
   road digitised up to the cross road's red line, or stopping just short of it), or
   to the boundary, is extended onto that road's centre line (a 1 mm overshoot makes
   the crossing exact for the noding); overshoots no longer than the tolerance are
   dropped (:func:`network_edges`).
3. **Network** (:func:`network_edges`, :func:`dangling_edges`): roads and boundary
   rings are noded; an edge is *dangling* when it is not on a cycle of the
   road + boundary graph (iteratively pruned degree-1 ends: dead ends and the
   roads hanging from them). Only cycle edges can separate blocks.
4. **Road reserve** (:func:`road_reserve`): flat-capped half-width buffers of the
   cycle edges, plus a disc at every node where two or more of them end (radius =
   the smallest half-width there) so that a road bending at a vertex has no notch
   on its outer side. ``blocks = boundary − reserve``, exploded, computed face by
   face of the road network (``block_faces``: no union of the whole reserve).
5. **Dangles bite, never split** (:func:`bite_dangles`): the reserve of each
   dangling edge is cut from the block it lies in. Where that would split the block
   (the dead end's reserve reaches another road or the boundary although its centre
   line does not), the dangling edge is cut back from its free end until the block
   stays in one piece (bisection to 1/1024 of its length); these roads are reported.
6. **Slivers** (:func:`classify_fragments`): a piece smaller than ``min_area`` or
   narrower than ``min_width`` (the short side of the rectangle with the piece's
   area and perimeter) is not a block; it is returned in ``removed`` with its area
   and reason (a dual carriageway's median strip, a roundabout island below the
   minimum area, a corner cut off by the boundary).
7. **Ids** (:func:`spatial_order`): ``JF001``… by row bands (band height = the
   median height of the blocks' bounding boxes, counted from the boundary's north
   edge) of each block's representative point, then west → east.
8. **Parcels** (:func:`assign_parcels`): each parcel goes to the block it overlaps
   most (ties: the lower block id); ``road_reserve_m2`` = part inside the boundary
   not in any block nor in a removed piece, ``removed_m2`` = part in removed pieces,
   ``outside_m2`` = part outside the boundary.

The road reserve is returned as two rows: ``network`` (the connected roads' red
lines inside the boundary) and ``dead_end`` (what the dead ends bit off blocks).

Guarantees, checked on every run by :func:`check_block_invariants`: every block is
valid, no two blocks overlap, and area(blocks) + area(reserve) + area(removed) =
area(boundary) within ``AREA_IDENTITY_RTOL``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..common.errors import LowlandInputError
from ..common.measures import M2_PER_MU
from ..common.resources import resource_path
from ..common.validation import require_valid_geometries
from .block_faces import blocks_by_face, reserve_parts
from .road_network import (
    CRUMB_M2,
    bite_dangles,
    dangling_edges,
    junction_discs,
    network_edges,
    node_degrees,
    polygon_parts,
    snap_road_ends,
)

ProgressCallback = Callable[[float], None]

#: Defaults of the algorithm's parameters (docs/dev/contracts.md); local choices.
DEFAULT_MIN_AREA_M2 = 2000.0
DEFAULT_MIN_WIDTH_M = 10.0
DEFAULT_TOLERANCE_M = 2.0

#: Numerical tolerance (not policy): relative area identity of blocks, reserve and removed.
AREA_IDENTITY_RTOL = 1e-6
#: Plausibility limits (not policy, issue 21 item 13). The joining tolerance closes
#: digitising gaps; a gap wider than 50 m is a missing road, and a larger tolerance
#: joins roads across whole blocks (1e9 m made one block of the district).
MAX_TOLERANCE_M = 50.0
#: Wider than any urban red line (GB 50220-95 表7.2.1: at most 50 m; with side roads and
#: green belts rarely above 100 m): a width beyond is a unit or typing error (1e308 m).
MAX_ROAD_WIDTH_M = 300.0

#: Numerical tolerance (not policy): a node this close to the line through its
#: neighbours is overlay noise when blocks are numbered.
_COLLINEAR_M = 1e-7

WIDTH_SOURCES = ("field", "default")
REMOVED_REASONS = ("area_below_min", "narrow")


class BlockInvariantError(RuntimeError):
    """A guarantee of the delineation does not hold (a bug, not a user error)."""


@dataclass
class BlocksResult:
    """What :func:`delineate_blocks` computes."""

    blocks: gpd.GeoDataFrame
    reserve: gpd.GeoDataFrame
    removed: gpd.GeoDataFrame
    roads: pd.DataFrame
    parcels: gpd.GeoDataFrame | None = None
    info: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# ----------------------------------------------------------------------- road widths


@cache
def road_width_table() -> pd.DataFrame:
    """``resources/codes/road_widths.csv`` indexed by grade key."""
    table = pd.read_csv(resource_path("codes", "road_widths.csv"), dtype=str, encoding="utf-8")
    table["default_width_m"] = table["default_width_m"].astype(float)
    return table.set_index("grade", verify_integrity=True)


@cache
def _grade_names() -> dict[str, str]:
    """Every accepted spelling of a grade (key, Chinese, English; case-folded) → key."""
    names: dict[str, str] = {}
    for key, row in road_width_table().iterrows():
        for name in (key, row["label_zh"], row["label_en"]):
            names[str(name).strip().casefold()] = str(key)
    return names


def normalise_grades(values: pd.Series) -> pd.Series:
    """Grade keys of ``values`` (None where the value is empty or not in the table)."""
    names = _grade_names()
    # each distinct value once (a network has a handful of grades); missing → None
    codes_, uniques = pd.factorize(values.astype(object), use_na_sentinel=True)
    if not all(isinstance(v, str) for v in uniques):  # 1 and 1.0 would share one code
        codes_, uniques = np.arange(len(values)), values.to_numpy(dtype=object)
        codes_[pd.isna(values).to_numpy()] = -1
    keys = [names.get(str(v).strip().casefold()) for v in uniques] + [None]
    return pd.Series(np.array(keys, dtype=object)[codes_], index=values.index, dtype=object)


def road_labels(roads: pd.DataFrame, id_field: str | None) -> pd.Series:
    """How messages name each road: its id field, else its name, else its row number."""
    for col in (id_field, "road_id", "name"):
        if col and col in roads.columns:
            ids = roads[col].astype(object)
            fallback = pd.Series(  # the row number, saying that the id is empty
                [f"#{i + 1} ({col} = NULL)" for i in range(len(roads))], index=roads.index
            )
            return ids.where(ids.notna() & (ids.astype(str).str.strip() != ""), fallback).astype(
                str
            )
    return pd.Series([f"#{i + 1}" for i in range(len(roads))], index=roads.index)


def _listed(labels) -> str:
    labels = [str(v) for v in labels]
    shown = ", ".join(labels[:10])
    return shown + (f" … (+{len(labels) - 10})" if len(labels) > 10 else "")


def resolve_road_widths(
    roads: pd.DataFrame,
    width_field: str | None,
    grade_field: str | None,
    id_field: str | None = None,
) -> pd.DataFrame:
    """Per road: ``road`` (label), ``grade`` (key or None), ``width_m`` and
    ``width_source`` (``field`` | ``default``). Refuses a layer with neither field,
    unreadable or non-positive widths, and roads with neither width nor known grade."""
    has_width = bool(width_field) and width_field in roads.columns
    has_grade = bool(grade_field) and grade_field in roads.columns
    if not has_width and not has_grade:
        present = [c for c in roads.columns if c != getattr(roads, "_geometry_column_name", "")]
        raise LowlandInputError(
            f"道路图层既没有红线宽度字段 {width_field!r} 也没有道路等级字段 {grade_field!r}；"
            f"现有字段 {present}。请指定宽度字段或等级字段。 / The roads layer has neither the "
            f"width field {width_field!r} nor the grade field {grade_field!r} (fields: {present}); "
            "choose a width or a grade field."
        )
    labels = road_labels(roads, id_field)
    if has_width:
        raw = roads[width_field]
        width = pd.to_numeric(raw, errors="coerce").astype(float)
        blank = raw.isna() | (raw.astype(str).str.strip() == "")
        unreadable = width.isna() & ~blank
        if unreadable.any():
            shown = _listed(labels[unreadable] + "=" + raw[unreadable].astype(str))
            raise LowlandInputError(
                f"道路红线宽度（字段 {width_field}）不是数值：{shown}。请改为米数（如 12 而不是"
                f" “12米”）。 / road width (field {width_field}) is not a number: {shown}; "
                "enter metres."
            )
        bad = width.notna() & ~(width > 0)
        if bad.any():
            raise LowlandInputError(
                f"道路红线宽度须大于 0：{_listed(labels[bad])}。"
                f" / road width must be greater than 0: {_listed(labels[bad])}."
            )
        huge = width.notna() & ~(width <= MAX_ROAD_WIDTH_M)
        if huge.any():
            shown = _listed(labels[huge] + "=" + raw[huge].astype(str))
            raise LowlandInputError(
                f"道路红线宽度超过 {MAX_ROAD_WIDTH_M:g} 米，应是单位或录入错误：{shown}。"
                f" / road width above {MAX_ROAD_WIDTH_M:g} m (a unit or typing error): {shown}."
            )
    else:
        width = pd.Series(np.nan, index=roads.index)
    grade = (
        normalise_grades(roads[grade_field])
        if has_grade
        else pd.Series(None, index=roads.index, dtype=object)
    )
    default = grade.map(road_width_table()["default_width_m"]).astype(float)
    need_default = width.isna()
    unresolved = need_default & default.isna()
    if unresolved.any():
        known = ", ".join(f"{k}/{r['label_zh']}" for k, r in road_width_table().iterrows())
        raise LowlandInputError(
            f"道路既没有红线宽度也没有可识别的道路等级：{_listed(labels[unresolved])}。"
            f"请填写宽度（米）或等级（{known}）。 / roads with neither a width nor a known grade: "
            f"{_listed(labels[unresolved])}; enter a width (m) or a grade ({known})."
        )
    return pd.DataFrame(
        {
            "road": labels,
            "grade": grade,
            "width_m": width.where(~need_default, default),
            "width_source": np.where(need_default, "default", "field"),
        },
        index=roads.index,
    )


# --------------------------------------------------------------------- fragments


def equivalent_width(geoms: np.ndarray) -> np.ndarray:
    """Short side of the rectangle with the same area and perimeter (√area when no
    such rectangle exists, e.g. a disc): the exact width of a rectangular strip."""
    area = shapely.area(geoms)
    half_perimeter = shapely.length(geoms) / 2
    disc = half_perimeter**2 - 4 * area
    root = np.sqrt(np.clip(disc, 0, None))
    return np.where(disc >= 0, (half_perimeter - root) / 2, np.sqrt(area))


def classify_fragments(
    pieces: np.ndarray, min_area: float, min_width: float
) -> tuple[np.ndarray, np.ndarray]:
    """Reason a piece is not a block (None: it is one): ``area_below_min`` or
    ``narrow``; and each piece's equivalent width."""
    area = shapely.area(pieces)
    width = equivalent_width(pieces)
    reason = np.where(
        area < min_area,
        "area_below_min",
        np.where(width < min_width, "narrow", np.array(None, dtype=object)),
    ).astype(object)
    return reason, width


def spatial_order(geoms: np.ndarray, north: float) -> np.ndarray:
    """Order NW → SE: row bands of each representative point counted from ``north``
    (band height = median bounding-box height), then west → east, then north → south.

    The representative point is taken with the nodes that lie on a straight edge
    (within ``_COLLINEAR_M``: overlay noise, where another road's outline crossed) left
    out: it depends on the vertices, and such a node moved it by up to 30 m, so one
    block's number depended on how the reserve was subtracted (issue 20)."""
    if len(geoms) == 0:
        return np.array([], dtype=int)
    # normalised first: a ring's start, which simplify keeps, is then a corner
    plain = shapely.simplify(shapely.normalize(geoms), _COLLINEAR_M)
    rep = shapely.get_coordinates(shapely.point_on_surface(plain))
    bounds = shapely.bounds(geoms)
    band = float(np.median(bounds[:, 3] - bounds[:, 1]))
    row = np.floor((north - rep[:, 1]) / band) if band > 0 else np.zeros(len(geoms))
    return np.lexsort((-rep[:, 1], rep[:, 0], row))


def block_numbers(n: int) -> list[str]:
    """``001``, ``002``… (at least 3 digits, more when there are 1000+ blocks)."""
    digits = max(3, len(str(n)))
    return [str(i).zfill(digits) for i in range(1, n + 1)]


# ------------------------------------------------------------------------ parcels


def _overlap_pairs(geoms: np.ndarray, targets: np.ndarray) -> tuple[np.ndarray, ...]:
    if len(geoms) == 0 or len(targets) == 0:
        return np.array([], dtype=int), np.array([], dtype=int), np.array([])
    i, j = shapely.STRtree(targets).query(geoms, predicate="intersects")
    area = shapely.area(shapely.intersection(geoms[i], targets[j]))
    return i, j, area


def assign_parcels(
    parcels: gpd.GeoDataFrame,
    blocks: np.ndarray,
    block_ids: list[str],
    removed: np.ndarray,
    boundary,
) -> gpd.GeoDataFrame:
    """Every parcel with ``block_id`` (largest overlap; ties → lower id; None without
    overlap), ``block_overlap_m2``, ``road_reserve_m2``, ``removed_m2``, ``outside_m2``."""
    geoms = np.asarray(parcels.geometry.values, dtype=object)
    total = shapely.area(geoms)
    inside = shapely.area(shapely.intersection(geoms, boundary))
    i, j, area = _overlap_pairs(geoms, blocks)
    in_blocks = np.bincount(i, weights=area, minlength=len(geoms))
    best_block = np.full(len(geoms), -1)
    best_area = np.zeros(len(geoms))
    if len(i):
        order = np.lexsort((j, -area, i))
        i, j, area = i[order], j[order], area[order]
        first = np.unique(i, return_index=True)[1]
        positive = area[first] > 0
        best_block[i[first][positive]] = j[first][positive]
        best_area[i[first][positive]] = area[first][positive]
    ri, _, rarea = _overlap_pairs(geoms, removed)
    in_removed = np.bincount(ri, weights=rarea, minlength=len(geoms))
    out = parcels.copy()
    ids = np.array(block_ids + [None], dtype=object)
    out["block_id"] = ids[best_block]
    out["block_overlap_m2"] = best_area
    out["road_reserve_m2"] = np.clip(inside - in_blocks - in_removed, 0, None)
    out["removed_m2"] = in_removed
    out["outside_m2"] = np.clip(total - inside, 0, None)
    return out


# -------------------------------------------------------------------- guarantees


def check_block_invariants(
    blocks: np.ndarray, reserve_area: float, removed_area: float, boundary_area: float
) -> None:
    """Raise :class:`BlockInvariantError` unless every block is valid, no two blocks
    overlap and blocks + reserve + removed = boundary (relative ``AREA_IDENTITY_RTOL``)."""
    invalid = ~shapely.is_valid(blocks)
    if invalid.any():
        raise BlockInvariantError(f"{int(invalid.sum())} invalid blocks")
    # parts of a valid MultiPolygon never overlap (nor share an edge): one validity
    # check; only if it fails are the pairs measured (blocks touching along an edge
    # without overlapping are still fine)
    if not shapely.is_valid(shapely.multipolygons(blocks)):
        a, b = shapely.STRtree(blocks).query(blocks, predicate="intersects")
        pair = a < b
        overlap = shapely.area(shapely.intersection(blocks[a[pair]], blocks[b[pair]]))
        if (overlap > CRUMB_M2).any():
            raise BlockInvariantError(f"{int((overlap > CRUMB_M2).sum())} overlapping block pairs")
    total = float(shapely.area(blocks).sum()) + reserve_area + removed_area
    if abs(total - boundary_area) > AREA_IDENTITY_RTOL * boundary_area:
        raise BlockInvariantError(
            f"area identity fails: blocks + reserve + removed = {total:.3f} m², "
            f"boundary = {boundary_area:.3f} m²"
        )


# ------------------------------------------------------------------------- driver


def _line_parts(roads: gpd.GeoDataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Single lines of ``roads`` (multi-part roads exploded) and their road's row."""
    geoms = np.asarray(roads.geometry.values, dtype=object)
    parts, owner = shapely.get_parts(geoms, return_index=True)
    keep = (shapely.get_type_id(parts) == 1) & (shapely.length(parts) > 0)
    return parts[keep], owner[keep]


def boundary_rings(boundary) -> np.ndarray:
    """Exterior and interior rings of the dissolved boundary as LineStrings."""
    rings = shapely.get_rings(shapely.get_parts(boundary))
    coords, index = shapely.get_coordinates(rings, return_index=True)
    return shapely.linestrings(coords, indices=index)


def delineate_blocks(
    roads: gpd.GeoDataFrame,
    boundary: gpd.GeoDataFrame,
    parcels: gpd.GeoDataFrame | None = None,
    *,
    width_field: str | None = "width",
    grade_field: str | None = "grade",
    min_area: float = DEFAULT_MIN_AREA_M2,
    min_width: float = DEFAULT_MIN_WIDTH_M,
    tolerance: float = DEFAULT_TOLERANCE_M,
    id_field: str | None = None,
    progress: ProgressCallback | None = None,
) -> BlocksResult:
    """Blocks of ``boundary`` (dissolved) bounded by ``roads`` (see the module doc).

    All layers in one projected CRS in metres. ``progress`` gets 0–100; it may raise
    to cancel.
    """
    report = progress or (lambda _p: None)
    if len(roads) == 0:
        raise LowlandInputError("道路图层没有要素。 / The roads layer has no features.")
    if len(boundary) == 0:
        raise LowlandInputError("范围图层没有要素。 / The boundary layer has no features.")
    for name, value in (("min_area", min_area), ("min_width", min_width), ("tolerance", tolerance)):
        if not value >= 0 or not math.isfinite(value):
            raise LowlandInputError(
                f"参数 {name} 须为不小于 0 的有限数，现为 {value}。 / {name} must be a finite "
                f"number ≥ 0; got {value}."
            )
    if tolerance > MAX_TOLERANCE_M:
        raise LowlandInputError(
            f"端点连接容差 TOLERANCE = {tolerance:g} 米超出合理范围 0–{MAX_TOLERANCE_M:g} 米：它只用于"
            f"接上数字化误差造成的小缺口，过大会跨街坊连接道路。 / the joining tolerance TOLERANCE = "
            f"{tolerance:g} m is outside the sane range 0–{MAX_TOLERANCE_M:g} m: it closes "
            "digitising gaps; a larger one joins roads across blocks."
        )
    require_valid_geometries(boundary, "范围图层 boundary")
    widths = resolve_road_widths(roads, width_field, grade_field, id_field)
    info: list[str] = []
    warnings: list[str] = []
    if grade_field and grade_field in roads.columns:  # a grade not in road_widths.csv
        raw = roads[grade_field]
        unknown = raw.notna() & (raw.astype(str).str.strip() != "") & widths["grade"].isna()
        if unknown.any():
            shown = _listed(widths.loc[unknown, "road"] + "=" + raw[unknown].astype(str))
            warnings.append(
                f"{int(unknown.sum())} 条道路的等级（字段 {grade_field}）不在 road_widths.csv 中，"
                f"未识别：{shown}；有宽度的按宽度计。 / {int(unknown.sum())} roads have a grade "
                f"that is not in road_widths.csv (not recognised): {shown}; their width is used."
            )
    if width_field and width_field not in roads.columns:
        warnings.append(
            f"道路图层没有宽度字段 {width_field!r}，全部按道路等级默认宽度计。"
            f" / The roads layer has no width field {width_field!r}: grade defaults are used."
        )
    defaulted = widths["width_source"] == "default"
    if defaulted.any():
        listed = _listed(
            widths.loc[defaulted, "road"]
            + "="
            + widths.loc[defaulted, "width_m"].map("{:g}".format)
            + "m"
        )
        warnings.append(
            f"{int(defaulted.sum())} 条道路无红线宽度，按等级默认宽度（road_widths.csv）计：{listed}"
            f" / {int(defaulted.sum())} roads without a width use their grade's default: {listed}"
        )
    report(5)

    region = shapely.union_all(np.asarray(boundary.geometry.values, dtype=object))
    region_area = float(shapely.area(region))
    rings = boundary_rings(region)
    parts, owner = _line_parts(roads)
    shapely.prepare(region)
    # within the tolerance: a road drawn on the boundary edge and reprojected is not outside
    near = shapely.dwithin(parts, region, max(tolerance, 1e-6))
    outside = np.setdiff1d(np.arange(len(roads)), owner[near])
    if len(outside):
        info.append(
            f"{len(outside)} 条道路完全在范围以外，未参与划分。 / {len(outside)} roads lie wholly "
            "outside the boundary."
        )
    part_width = widths["width_m"].to_numpy(float)[owner]
    lines, moved = snap_road_ends(parts, rings, tolerance, part_width)
    if moved:
        info.append(
            f"{moved} 个道路端点在容差 {tolerance:g} 米内连接到相邻道路端点、道路红线或范围边界。"
            f" / {moved} road ends joined to a road end, a red line or the boundary within "
            f"{tolerance:g} m."
        )
    report(15)

    net = network_edges(lines, part_width, rings)
    degree = node_degrees(net)
    dangling = dangling_edges(net)
    free = (degree[net.node_u] == 1) | (degree[net.node_v] == 1)
    overshoot = dangling & free & (shapely.length(net.edges) <= tolerance)
    dangling &= ~overshoot
    report(25)

    connected = ~dangling & ~overshoot
    red_lines = reserve_parts(
        net, np.flatnonzero(connected & (net.width > 0)), junction_discs(net, connected)
    )
    report(40)
    separating = connected & ((net.width > 0) | (net.part < 0))
    pieces, reserve_net = blocks_by_face(region, net, separating, red_lines, rings)
    report(65)
    pieces, bites, cut_back = bite_dangles(pieces, net, dangling, degree)
    if len(cut_back):
        names = widths["road"].to_numpy()[owner[cut_back]]
        warnings.append(
            f"{len(cut_back)} 条尽端路的红线用地会把街坊分开，已从尽端截短：{_listed(sorted(set(names)))}"
            f" / {len(cut_back)} dead-end roads would split a block; cut back from their free end."
        )
    pieces = polygon_parts(pieces)
    report(75)

    reason, eq_width = classify_fragments(pieces, min_area, min_width)
    is_block = pd.isna(reason)
    kept = pieces[is_block]
    if len(kept) == 0:
        raise LowlandInputError(
            "范围内没有留下任何街坊（全部为道路用地或小于最小面积/宽度）。请检查道路宽度、范围和最小面积。"
            " / No block is left inside the boundary (all road reserve or below the minimum "
            "area/width); check road widths, the boundary and the minimum area."
        )
    # the network's reserve and the dead ends' bites, as two rows (disjoint; no union of
    # the whole network needed a second time)
    reserve_kind = ["network"] + (["dead_end"] if len(bites) else [])
    reserve = np.array(
        [reserve_net] + ([shapely.union_all(bites)] if len(bites) else []),
        dtype=object,
    )
    report(85)

    order = spatial_order(kept, float(shapely.bounds(region)[3]))
    kept = kept[order]
    numbers = block_numbers(len(kept))
    ids = [f"JF{n}" for n in numbers]
    removed_geoms = pieces[~is_block]
    removed_area = float(shapely.area(removed_geoms).sum())
    reserve_each = shapely.area(reserve)
    reserve_area = float(reserve_each.sum())
    check_block_invariants(kept, reserve_area, removed_area, region_area)

    crs = boundary.crs
    block_area = shapely.area(kept)
    blocks = gpd.GeoDataFrame(
        {
            "block_id": ids,
            "block_name": [f"街坊{n}" for n in numbers],
            "area_m2": block_area,
            "area_mu": block_area / M2_PER_MU,
            "parcel_count": np.zeros(len(kept), dtype=int),
        },
        geometry=gpd.GeoSeries(kept, crs=crs),
    )
    reserve_gdf = gpd.GeoDataFrame(
        {
            "reserve_kind": reserve_kind,
            "area_m2": reserve_each,
            "area_mu": reserve_each / M2_PER_MU,
        },
        geometry=gpd.GeoSeries(reserve, crs=crs),
    )
    removed_area_each = shapely.area(removed_geoms)
    removed = gpd.GeoDataFrame(
        {
            "removed_reason": reason[~is_block].astype(object),
            "area_m2": removed_area_each,
            "equivalent_width_m": eq_width[~is_block],
        },
        geometry=gpd.GeoSeries(removed_geoms, crs=crs),
    )
    info.append(
        f"街坊 {len(blocks)} 个，道路用地 {reserve_area:.2f} 平方米，剔除碎片 {len(removed)} 个"
        f"（{removed_area:.2f} 平方米）。 / {len(blocks)} blocks, road reserve {reserve_area:.2f} m², "
        f"{len(removed)} fragments removed ({removed_area:.2f} m²)."
    )

    parcels_out = None
    if parcels is not None:
        require_valid_geometries(parcels, "宗地图层 parcels", "parcel_id")
        parcels_out = assign_parcels(parcels, kept, ids, removed_geoms, region)
        counts = parcels_out["block_id"].value_counts()
        blocks["parcel_count"] = blocks["block_id"].map(counts).fillna(0).astype(int)
        unassigned = parcels_out["block_id"].isna()
        if unassigned.any():
            warnings.append(
                f"{int(unassigned.sum())} 宗地块不在任何街坊内（位于道路用地、剔除碎片或范围外）。"
                f" / {int(unassigned.sum())} parcels lie in no block."
            )
    report(100)
    return BlocksResult(blocks, reserve_gdf, removed, widths, parcels_out, info, warnings)
