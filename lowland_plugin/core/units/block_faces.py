"""Blocks face by face (issue 20): ``region − reserve`` without the union of the whole
road reserve.

The connected road edges (with a width) and the boundary edges are polygonised into
faces; a block lies in one face, so ``region − reserve = ⋃ (face − reserve parts that
reach into the face)``. Most of a face's rim is taken off at once by one vectorised
inward buffer of the face by ``h``, the smallest radius of the reserve parts anchored on
its rim (its bounding roads' half-widths, the junction discs at its corners): the band
within ``h`` of the rim lies inside those parts (a convex corner is covered by its two
strips, a reflex one by its junction disc), so eroding it changes nothing. Only the
parts that still reach into the eroded face (wider bounding roads, a neighbour's strip
at a junction, a bridge inside the face) are subtracted, vectorised in rounds (the k-th
part of every face in one call); a face with many such parts (the one along the
boundary) takes the union of its parts once. A face touching the boundary is not eroded
(no road along its boundary side). The reserve is the region less the pieces (disjoint,
so one multipolygon and one difference).

:func:`blocks_by_union` is the plain ``region − union(reserve)``; the equality tests
compare the two.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from .road_network import Network, polygon_parts

#: A face with more parts than this reaching into it takes their union once.
_ROUNDS = 16
#: Pieces below this area are erosion noise (arc chords), not blocks.
NOISE_M2 = 1e-6
#: A part is anchored on a face's rim when its anchor lies this close to it (noded coordinates).
_ON_RIM_M = 1e-6


@dataclass
class ReserveParts:
    """The connected road reserve as parts: flat-capped strips, then junction discs."""

    geoms: np.ndarray
    radius: np.ndarray  # half-width of a strip, radius of a disc
    anchor: np.ndarray  # a strip's edge midpoint, a disc's centre


def reserve_parts(net: Network, strips_of: np.ndarray, discs: np.ndarray) -> ReserveParts:
    """Strips of the edges ``strips_of`` (their order in ``road_reserve``) and ``discs``."""
    strips = shapely.buffer(net.edges[strips_of], net.width[strips_of] / 2, cap_style="flat")
    mid = shapely.line_interpolate_point(net.edges[strips_of], 0.5, normalized=True)
    centre = shapely.centroid(discs) if len(discs) else np.array([], dtype=object)
    return ReserveParts(
        np.concatenate([strips, discs]),
        np.concatenate([net.width[strips_of] / 2, shapely.minimum_bounding_radius(discs)]),
        np.concatenate([mid, centre]),
    )


def blocks_by_union(region, parts: ReserveParts) -> tuple[np.ndarray, object]:
    """``region − union(parts)`` exploded, and the reserve inside the region."""
    reserve_net = shapely.union_all(parts.geoms)
    pieces = polygon_parts(shapely.difference(region, reserve_net))
    return pieces, shapely.intersection(region, reserve_net)


def faces_of(net: Network, separating: np.ndarray, region) -> np.ndarray:
    """The faces of the ``separating`` edges that lie inside ``region``."""
    faces = shapely.get_parts(shapely.polygonize(net.edges[separating]))
    if len(faces) == 0:
        return faces
    shapely.prepare(region)
    return faces[shapely.contains_properly(region, shapely.point_on_surface(faces))]


def rim_radius(
    faces: np.ndarray, parts: ReserveParts, f_idx: np.ndarray, r_idx: np.ndarray, rings
) -> tuple[np.ndarray, np.ndarray]:
    """Per face, the smallest radius of the parts anchored on its rim (0 where the face
    touches the boundary, no reserve along that side, or has no anchored part); and per
    pair (face, part) whether the part is anchored on the face's rim."""
    rims = shapely.boundary(faces)
    on = shapely.dwithin(rims[f_idx], parts.anchor[r_idx], _ON_RIM_M)
    h = np.full(len(faces), np.inf)
    np.minimum.at(h, f_idx[on], parts.radius[r_idx[on]])
    h[~np.isfinite(h)] = 0.0
    h[shapely.intersects(faces, shapely.multilinestrings(rings))] = 0.0
    return h, on


def reaching(
    eroded: np.ndarray,
    parts: ReserveParts,
    f_idx: np.ndarray,
    r_idx: np.ndarray,
    in_band: np.ndarray,
) -> np.ndarray:
    """Per pair (face, part), whether the part reaches into the eroded face. A part
    anchored on the rim no wider than the erosion (``in_band``) lies in the band taken
    off (at most touching what is left); the others are tested by bounding box, then
    exactly against the prepared eroded faces."""
    fb, pb = shapely.bounds(eroded)[f_idx], shapely.bounds(parts.geoms)[r_idx]
    boxed = (fb[:, 0] <= pb[:, 2]) & (pb[:, 0] <= fb[:, 2])
    boxed &= (fb[:, 1] <= pb[:, 3]) & (pb[:, 1] <= fb[:, 3])
    test = np.flatnonzero(~in_band & boxed)
    shapely.prepare(eroded)
    out = np.zeros(len(f_idx), dtype=bool)
    out[test] = shapely.intersects(eroded[f_idx[test]], parts.geoms[r_idx[test]])
    return out


def reserve_in_region(region, pieces: np.ndarray, faces: np.ndarray, blocks: np.ndarray):
    """The region less the pieces (disjoint: one multipolygon, one difference); where
    the pieces do not make a valid multipolygon, the coverage union of the faces' reserve.
    The difference of two valid polygons is valid (GEOS OverlayNG), so only a difference
    with an invalid multipolygon is checked (the reserve has a hole per block: checking
    it costs as much as computing it)."""
    try:
        together = shapely.multipolygons(pieces)
        reserve = shapely.difference(region, together)
        if shapely.is_valid(together) and shapely.is_valid(region) or shapely.is_valid(reserve):
            return reserve
    except shapely.errors.GEOSException:
        pass
    return shapely.coverage_union_all(shapely.difference(faces, blocks))


def subtract_grouped(
    faces: np.ndarray, geoms: np.ndarray, f_idx: np.ndarray, r_idx: np.ndarray
) -> np.ndarray:
    """``faces[f] − ⋃ geoms[r]`` over the pairs (f, r), vectorised in rounds."""
    out = faces.copy()
    if len(f_idx) == 0:
        return out
    order = np.argsort(f_idx, kind="stable")
    f_idx, r_idx = f_idx[order], r_idx[order]
    counts = np.bincount(f_idx, minlength=len(faces))
    pos = np.arange(len(f_idx)) - (np.cumsum(counts) - counts)[f_idx]
    many = counts > _ROUNDS
    for f in np.flatnonzero(many):
        out[f] = shapely.difference(out[f], shapely.union_all(geoms[r_idx[f_idx == f]]))
    few = ~many[f_idx]
    for k in range(min(_ROUNDS, int(counts.max()))):
        sel = few & (pos == k)
        out[f_idx[sel]] = shapely.difference(out[f_idx[sel]], geoms[r_idx[sel]])
    return out


def blocks_by_face(
    region, net: Network, separating: np.ndarray, parts: ReserveParts, rings: np.ndarray
) -> tuple[np.ndarray, object]:
    """``region − union(parts)`` exploded (as :func:`blocks_by_union`, up to float noise),
    and the reserve inside the region (the region less the pieces)."""
    faces = faces_of(net, separating, region)
    f_idx, r_idx = shapely.STRtree(parts.geoms).query(faces, predicate="intersects")
    h, on = rim_radius(faces, parts, f_idx, r_idx, rings)
    eroded = faces.copy()
    shrink = h > 0
    eroded[shrink] = shapely.buffer(faces[shrink], -h[shrink], quad_segs=8)
    in_band = on & (parts.radius[r_idx] <= h[f_idx] + _ON_RIM_M)
    reach = reaching(eroded, parts, f_idx, r_idx, in_band)
    blocks = subtract_grouped(eroded, parts.geoms, f_idx[reach], r_idx[reach])
    pieces = polygon_parts(blocks)
    pieces = pieces[shapely.area(pieces) > NOISE_M2]
    return pieces, reserve_in_region(region, pieces, faces, blocks)
