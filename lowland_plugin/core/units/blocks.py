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
   on its outer side. ``blocks = boundary − reserve``, exploded.
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

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.ops import substring

from ..common.errors import LowlandInputError
from ..common.measures import M2_PER_MU
from ..common.resources import resource_path
from ..common.validation import require_valid_geometries

ProgressCallback = Callable[[float], None]

#: Defaults of the algorithm's parameters (docs/dev/contracts.md); local choices.
DEFAULT_MIN_AREA_M2 = 2000.0
DEFAULT_MIN_WIDTH_M = 10.0
DEFAULT_TOLERANCE_M = 2.0

#: Numerical tolerances (not policy): relative area identity, point-on-line distance,
#: the overshoot that turns a snapped end into an exact crossing, the bisection depth.
AREA_IDENTITY_RTOL = 1e-6
_ON_LINE_M = 1e-6
_OVERSHOOT_M = 1e-3
_BISECT_STEPS = 10
#: Angles (radians) closer than this to a straight line count as straight.
_ANGLE_EPS = 1e-9
#: A piece of a block smaller than this (m²) is float noise, not a split.
_CRUMB_M2 = 1e-3

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
    return values.map(
        lambda v: names.get(str(v).strip().casefold()) if v is not None and pd.notna(v) else None
    )


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


# ------------------------------------------------------------------- network topology


def _endpoints(lines: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """All coordinates, the position of each line's first and last coordinate."""
    coords, index = shapely.get_coordinates(lines, return_index=True)
    counts = np.bincount(index, minlength=len(lines))
    last = np.cumsum(counts) - 1
    first = last - counts + 1
    return coords, first, last


def snap_road_ends(
    lines: np.ndarray, rings: np.ndarray, tolerance: float, widths: np.ndarray | None = None
) -> tuple[np.ndarray, int]:
    """Close near-misses of the centre lines and small gaps between red lines within
    ``tolerance``.

    Ends within the tolerance of each other are moved onto one point (the end of
    their cluster with the smallest x, then y: whatever the order of the roads). A
    still free end within the tolerance of another road's red line (distance to its
    centre line ≤ half its ``widths`` entry + tolerance) or of a boundary ring is
    extended onto that centre line or ring (the nearest red line first),
    ``_OVERSHOOT_M`` past it so that noding finds the crossing. Without ``widths``
    the roads count as lines. Returns the new lines and how many ends moved.
    """
    if tolerance <= 0 or len(lines) == 0:
        return lines, 0
    coords, first, last = _endpoints(lines)
    n = len(lines)
    end_pos = np.concatenate([first, last])  # endpoint k → coordinate row
    end_line = np.concatenate([np.arange(n), np.arange(n)])
    points = shapely.points(coords[end_pos])
    lengths = shapely.length(lines)

    # ends near ends: cluster, every end moves to its cluster's first end by (x, y)
    tree = shapely.STRtree(points)
    a, b = tree.query(points, predicate="dwithin", distance=tolerance)
    keep = (a != b) & ((end_line[a] != end_line[b]) | (lengths[end_line[a]] > 2 * tolerance))
    xy = coords[end_pos]
    by_xy = np.lexsort((xy[:, 1], xy[:, 0]))
    rank = np.empty_like(by_xy)
    rank[by_xy] = np.arange(len(by_xy))
    a, b = rank[a[keep]], rank[b[keep]]
    root = np.arange(len(points))
    for _ in range(len(points)):
        new = root.copy()
        np.minimum.at(new, a, root[b])
        new = new[new]
        if np.array_equal(new, root):
            break
        root = new
    root = by_xy[root[rank]]  # back from (x, y) ranks to ends
    target = coords[end_pos[root]]
    moved = int((np.abs(target - coords[end_pos]).sum(axis=1) > 0).sum())
    coords = coords.copy()
    coords[end_pos] = target
    index = np.repeat(np.arange(n), np.diff(np.append(first, len(coords))))
    lines = shapely.linestrings(coords, indices=index)

    # free ends near a red line or ring: extend onto the nearest one's centre line
    points = shapely.points(coords[end_pos])
    targets = np.concatenate([lines, rings])
    owner = np.concatenate([np.arange(n), np.full(len(rings), -1)])
    half = np.zeros(len(targets))
    if widths is not None:
        half[:n] = np.nan_to_num(np.asarray(widths, dtype=float)) / 2.0
    reach = tolerance + half.max(initial=0.0)
    a, b = shapely.STRtree(targets).query(points, predicate="dwithin", distance=reach)
    keep = owner[b] != end_line[a]
    a, b = a[keep], b[keep]
    dist = shapely.distance(points[a], targets[b])
    near = dist <= tolerance + half[b]
    a, b, dist = a[near], b[near], dist[near]
    if len(a):
        touching = np.zeros(len(points), dtype=bool)
        touching[a[dist == 0]] = True
        gap = np.maximum(dist - half[b], 0.0)  # to the red line; 0 inside the reserve
        order = np.lexsort((dist, gap, a))
        a, b, dist = a[order], b[order], dist[order]
        first_of = np.unique(a, return_index=True)[1]
        a, b, dist = a[first_of], b[first_of], dist[first_of]
        free = ~touching[a]
        a, b = a[free], b[free]
        if len(a):
            nearest = shapely.get_coordinates(shapely.shortest_line(points[a], targets[b])).reshape(
                -1, 2, 2
            )[:, 1]
            # 1 mm past the target along the road's own heading at that end (a heading
            # taken from the end to its nearest point is float noise when the end lies
            # on the target up to 1e-10 m but not exactly)
            inner = np.concatenate([first + 1, last - 1])[a]
            heading = coords[end_pos[a]] - coords[inner]
            length = np.hypot(heading[:, 0], heading[:, 1])
            ok = length > 0
            a, nearest, heading, length = a[ok], nearest[ok], heading[ok], length[ok]
            coords[end_pos[a]] = nearest + heading / length[:, None] * _OVERSHOOT_M
            moved += len(a)
            lines = shapely.linestrings(coords, indices=index)
    return lines, moved


@dataclass
class Network:
    """Noded road + boundary edges."""

    edges: np.ndarray  # LineStrings
    part: np.ndarray  # index into the road parts, -1 for boundary edges
    width: np.ndarray  # red-line width (0 for boundary edges)
    node_u: np.ndarray
    node_v: np.ndarray
    node_xy: np.ndarray


def network_edges(lines: np.ndarray, widths: np.ndarray, rings: np.ndarray) -> Network:
    """Node the road lines with the boundary rings; each edge gets the widest road it
    lies on, every vertex within ``_ON_LINE_M`` (boundary edges: part -1, width 0).

    Every vertex, not only the midpoint: a boundary edge that turns a corner of the
    boundary can have its midpoint on a road drawn along the next side, 1e-9 m off the
    boundary after a reprojection, and would take that road's width along both sides.
    """
    noded = shapely.node(shapely.multilinestrings(np.concatenate([lines, rings])))
    edges = shapely.get_parts(noded)
    edges = edges[shapely.length(edges) > 0]
    mid = shapely.line_interpolate_point(edges, 0.5, normalized=True)
    e, p = shapely.STRtree(lines).query(mid, predicate="dwithin", distance=_ON_LINE_M)
    if len(e):
        e, p = _on_line_pairs(edges, lines, e, p)
    width = np.zeros(len(edges))
    part = np.full(len(edges), -1)
    if len(e):
        order = np.lexsort((-widths[p], e))  # per edge, widest road first
        e, p = e[order], p[order]
        first = np.unique(e, return_index=True)[1]
        part[e[first]] = p[first]
        width[e[first]] = widths[p[first]]
    coords, first_c, last_c = _endpoints(edges)
    ends = np.concatenate([coords[first_c], coords[last_c]])
    node_xy, inverse = np.unique(ends, axis=0, return_inverse=True)
    inverse = inverse.ravel()
    m = len(edges)
    return Network(edges, part, width, inverse[:m], inverse[m:], node_xy)


def _on_line_pairs(
    edges: np.ndarray, lines: np.ndarray, e: np.ndarray, p: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The (edge, line) pairs whose every edge vertex lies within ``_ON_LINE_M`` of the line."""
    coords, index = shapely.get_coordinates(edges[e], return_index=True)
    dist = shapely.distance(shapely.points(coords), lines[p][index])
    farthest = np.zeros(len(e))
    np.maximum.at(farthest, index, dist)
    on = farthest <= _ON_LINE_M
    return e[on], p[on]


def dangling_edges(net: Network) -> np.ndarray:
    """True for edges on no cycle of the graph (iteratively pruned degree-1 ends)."""
    alive = np.ones(len(net.edges), dtype=bool)
    n_nodes = len(net.node_xy)
    while True:
        deg = np.bincount(net.node_u[alive], minlength=n_nodes) + np.bincount(
            net.node_v[alive], minlength=n_nodes
        )
        drop = alive & ((deg[net.node_u] == 1) | (deg[net.node_v] == 1))
        if not drop.any():
            return ~alive
        alive &= ~drop


def node_degrees(net: Network) -> np.ndarray:
    """Number of edge ends at each node (a closed ring counts twice)."""
    n_nodes = len(net.node_xy)
    return np.bincount(net.node_u, minlength=n_nodes) + np.bincount(net.node_v, minlength=n_nodes)


def junction_discs(net: Network, mask: np.ndarray) -> np.ndarray:
    """Discs where two or more ``mask`` road edges end and leave a notch, radius = the
    smallest half-width among them. Flat caps leave a notch only on the outer side of
    a bend: where the widest angle between consecutive edge ends exceeds 180°."""
    roads = np.flatnonzero(mask & (net.width > 0))
    if len(roads) == 0:
        return np.array([], dtype=object)
    coords, first, last = _endpoints(net.edges[roads])
    nodes = np.concatenate([net.node_u[roads], net.node_v[roads]])
    half = np.concatenate([net.width[roads], net.width[roads]]) / 2
    heading = np.concatenate([coords[first + 1] - coords[first], coords[last - 1] - coords[last]])
    angle = np.arctan2(heading[:, 1], heading[:, 0])
    order = np.lexsort((angle, nodes))
    nodes, angle, half = nodes[order], angle[order], half[order]
    start = np.flatnonzero(np.r_[True, nodes[1:] != nodes[:-1]])
    end = np.r_[start[1:], len(nodes)] - 1
    gap = np.diff(angle, append=np.nan)
    gap[end] = 2 * np.pi - (angle[end] - angle[start])  # wrap-around gap of each node
    widest = np.maximum.reduceat(gap, start)
    radius = np.minimum.reduceat(half, start)
    notch = (end > start) & (widest > np.pi + _ANGLE_EPS)
    return shapely.buffer(shapely.points(net.node_xy[nodes[start[notch]]]), radius[notch])


def road_reserve(net: Network, mask: np.ndarray) -> np.ndarray:
    """Flat-capped half-width buffers of the ``mask`` road edges (one per edge)."""
    roads = mask & (net.width > 0)
    return shapely.buffer(net.edges[roads], net.width[roads] / 2, cap_style="flat")


# ----------------------------------------------------------------------- dangles


def _pieces(geom) -> np.ndarray:
    parts = shapely.get_parts(geom)
    return parts[shapely.area(parts) > 0] if len(parts) else parts


def _splits(geom) -> bool:
    return int((shapely.area(shapely.get_parts(geom)) > _CRUMB_M2).sum()) > 1


def bite_dangles(
    blocks: np.ndarray, net: Network, dangling: np.ndarray, degree: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cut each dangling road edge's reserve from the block(s) it overlaps without
    splitting any block. Returns the new blocks (same order), the pieces cut off
    (reserve of the dangles) and the road parts whose dangling edges were cut back."""
    idx = np.flatnonzero(dangling & (net.width > 0))
    if len(idx) == 0 or len(blocks) == 0:
        return blocks, np.array([], dtype=object), np.array([], dtype=int)
    reserve = shapely.buffer(net.edges[idx], net.width[idx] / 2, cap_style="flat")
    d, b = shapely.STRtree(blocks).query(reserve, predicate="intersects")
    if len(d) == 0:  # dead ends outside every block (e.g. beyond the boundary)
        return blocks, np.array([], dtype=object), np.array([], dtype=int)
    out = blocks.copy()
    cut_back: list[int] = []
    changed: list[int] = []
    order = np.lexsort((d, b))
    d, b = d[order], b[order]
    starts = np.flatnonzero(np.r_[True, b[1:] != b[:-1]])
    for s, e in zip(starts, np.r_[starts[1:], len(b)], strict=True):
        block = blocks[b[s]]
        mine = d[s:e]
        whole = shapely.difference(block, shapely.union_all(reserve[mine]))
        changed.append(b[s])
        if not _splits(whole):
            out[b[s]] = whole
            continue
        # the slow path: one dangling edge at a time, in an order of their own (bounds,
        # length) so that the result does not depend on the order of the roads
        key = np.column_stack(
            [shapely.bounds(net.edges[idx[mine]]), shapely.length(net.edges[idx[mine]])]
        )
        for k in mine[np.lexsort(key.T[::-1])]:
            trial = shapely.difference(block, reserve[k])
            if _splits(trial):
                cut_back.append(int(net.part[idx[k]]))
                trial = _cut_back(block, net, idx[k], degree)
            block = trial
        out[b[s]] = block
    changed = np.array(changed, dtype=int)
    bites = shapely.difference(blocks[changed], out[changed])
    return out, bites, np.unique(np.array(cut_back, dtype=int))


def _cut_back(block, net: Network, edge: int, degree: np.ndarray):
    """``block`` minus the longest piece of ``edge``'s reserve, kept from its attached
    end, that leaves the block in one piece."""
    line = net.edges[edge]
    half = net.width[edge] / 2
    from_start = not (degree[net.node_u[edge]] == 1 and degree[net.node_v[edge]] != 1)
    length = line.length
    lo, hi, best = 0.0, 1.0, block
    for _ in range(_BISECT_STEPS):
        t = (lo + hi) / 2
        piece = (
            substring(line, 0, t * length)
            if from_start
            else substring(line, (1 - t) * length, length)
        )
        trial = shapely.difference(block, shapely.buffer(piece, half, cap_style="flat"))
        if _splits(trial):
            hi = t
        else:
            lo, best = t, trial
    return best


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
        area < min_area, "area_below_min", np.where(width < min_width, "narrow", None)
    ).astype(object)
    return reason, width


def spatial_order(geoms: np.ndarray, north: float) -> np.ndarray:
    """Order NW → SE: row bands of each representative point counted from ``north``
    (band height = median bounding-box height), then west → east, then north → south."""
    if len(geoms) == 0:
        return np.array([], dtype=int)
    rep = shapely.get_coordinates(shapely.point_on_surface(geoms))
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
        if (overlap > _CRUMB_M2).any():
            raise BlockInvariantError(f"{int((overlap > _CRUMB_M2).sum())} overlapping block pairs")
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
        if not value >= 0:
            raise LowlandInputError(f"参数 {name} 不能为负。 / {name} must not be negative.")
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
    reserve_parts = np.concatenate([road_reserve(net, connected), junction_discs(net, connected)])
    reserve_net = shapely.union_all(reserve_parts)
    report(55)
    pieces = _pieces(shapely.difference(region, reserve_net))
    report(65)
    pieces, bites, cut_back = bite_dangles(pieces, net, dangling, degree)
    if len(cut_back):
        names = widths["road"].to_numpy()[owner[cut_back]]
        warnings.append(
            f"{len(cut_back)} 条尽端路的红线用地会把街坊分开，已从尽端截短：{_listed(sorted(set(names)))}"
            f" / {len(cut_back)} dead-end roads would split a block; cut back from their free end."
        )
    pieces = _pieces(pieces)
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
        [shapely.intersection(region, reserve_net)]
        + ([shapely.union_all(bites)] if len(bites) else []),
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
