"""Road network of the 街坊划分 (Y-3): the road centre lines noded with the boundary
rings, their near-misses closed, the dangling (dead-end) edges found, the red-line
reserve of the connected roads, and the bites the dead ends take out of blocks
(steps 2–5 of :mod:`.blocks`). Plain shapely 2, no QGIS.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely.ops import substring

#: Numerical tolerances (not policy): point-on-line distance, the overshoot that turns
#: a snapped end into an exact crossing, the bisection depth.
_ON_LINE_M = 1e-6
_OVERSHOOT_M = 1e-3
_BISECT_STEPS = 10
#: Angles (radians) closer than this to a straight line count as straight.
_ANGLE_EPS = 1e-9
#: A piece of a block smaller than this (m²) is float noise, not a split.
CRUMB_M2 = 1e-3


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


def polygon_parts(geom) -> np.ndarray:
    """The parts of ``geom`` with an area (empty parts dropped)."""
    parts = shapely.get_parts(geom)
    return parts[shapely.area(parts) > 0] if len(parts) else parts


def _splits(geom) -> bool:
    return int((shapely.area(shapely.get_parts(geom)) > CRUMB_M2).sum()) > 1


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
    rows = np.array(changed, dtype=int)
    bites = shapely.difference(blocks[rows], out[rows])
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
