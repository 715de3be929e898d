"""Area overlay of two polygon layers, vectorised: which pieces overlap and by how much.

One STRtree query of bounding boxes; pairs whose bounding boxes overlap with zero area
(neighbours) are dropped at once; where one bounding box contains the other, a piece covered by its target (most buildings in their parcel)
or covering it (most parcels in their 三调 patch) needs no clipping; only the rest is
clipped, in threads (a pair that merely touches clips to area 0 and is dropped: a
``touches`` test first cost more than it saved, since after the bounding-box test
almost every remaining pair overlaps). A layer against itself
(:func:`self_overlap_areas`) tests each unordered pair once and never a polygon with
itself.
"""

from __future__ import annotations

import numpy as np
import shapely

from .parallel import chunked


def _intersection_area(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return shapely.area(shapely.intersection(a, b))


def overlap_areas(
    targets: np.ndarray, pieces: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (target index, piece index, overlap area) with positive overlap area.

    Both arrays are prepared in place (shapely.prepare: no change to the geometry).
    """
    tree = shapely.STRtree(targets)
    p_idx, t_idx = tree.query(pieces)  # bounding boxes only: see _pair_areas
    return _pair_areas(targets, pieces, t_idx, p_idx)


def self_overlap_areas(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (i, j, overlap area) with j < i of one layer's polygons with positive
    overlap area: each unordered pair once, no polygon with itself (what
    ``overlap_areas(geoms, geoms)`` gives for j < i, without its self-pairs' cost)."""
    tree = shapely.STRtree(geoms)
    p_idx, t_idx = tree.query(geoms)  # bounding boxes only: see _pair_areas
    lower = p_idx < t_idx
    return _pair_areas(geoms, geoms, t_idx[lower], p_idx[lower])


def _pair_areas(
    targets: np.ndarray, pieces: np.ndarray, t_idx: np.ndarray, p_idx: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The candidate pairs (target index, piece index) with their positive overlap area.

    The candidates are the tree's bounding-box pairs, not pairs tested to intersect: a
    positive overlap area implies intersecting, and the exact ``intersects`` of every
    candidate cost more (buildings × parcels: 3.3 s → 1.9 s of CPU at 100k parcels)
    than the few extra pairs whose boxes overlap with an area but whose polygons do not
    (clipped to area 0 and dropped). Same pairs, same order, same areas."""
    # neighbours sharing an edge intersect with zero area; their bounding boxes overlap
    # with zero area too: drop them before any exact test (~80 % of parcel/三调 pairs)
    tb, pb = shapely.bounds(targets)[t_idx], shapely.bounds(pieces)[p_idx]
    width = np.minimum(tb[:, 2], pb[:, 2]) - np.maximum(tb[:, 0], pb[:, 0])
    height = np.minimum(tb[:, 3], pb[:, 3]) - np.maximum(tb[:, 1], pb[:, 1])
    boxed = (width > 0) & (height > 0)
    p_idx, t_idx, tb, pb = p_idx[boxed], t_idx[boxed], tb[boxed], pb[boxed]
    if p_idx.size == 0:
        empty = np.array([], dtype="int64")
        return empty, empty, np.array([], dtype="float64")
    a, b = targets[t_idx], pieces[p_idx]
    overlap = np.zeros(p_idx.size)
    done = _same_polygons(a, b, tb, pb)
    overlap[done] = shapely.area(b[done])
    # one geometry can only cover the other if its bounding box contains the other's
    for outer, inner, ob, ib, own in ((a, b, tb, pb, targets), (b, a, pb, tb, pieces)):
        maybe = np.flatnonzero(
            ~done
            & (ob[:, 0] <= ib[:, 0])
            & (ob[:, 1] <= ib[:, 1])
            & (ob[:, 2] >= ib[:, 2])
            & (ob[:, 3] >= ib[:, 3])
        )
        if maybe.size:
            shapely.prepare(own)
            # one thread: a GEOS prepared geometry builds its indexes lazily, unlocked,
            # so two threads querying the same patch at once can crash (not chunked)
            covered = maybe[shapely.covers(outer[maybe], inner[maybe])]
            overlap[covered] = shapely.area(inner[covered])
            done[covered] = True
    cut = np.flatnonzero(~done)
    if cut.size:
        overlap[cut] = chunked(_intersection_area, a[cut], b[cut])
    keep = overlap > 0
    return t_idx[keep], p_idx[keep], overlap[keep]


def _same_polygons(a: np.ndarray, b: np.ndarray, ab: np.ndarray, bb: np.ndarray) -> np.ndarray:
    """Pairs whose two geometries are one polygon with the very same vertices (a parcel
    and its 三调 patch or plan parcel, one a MultiPolygon of one part): each covers the
    other, so the overlap is the piece's area. A prepared ``covers`` of two coincident
    boundaries takes the slow path of a full relate (~15 µs a pair); comparing the
    vertices costs nothing. Other pairs (vertices in another order …) are left to
    ``covers``."""
    same = (ab == bb).all(axis=1)
    idx = np.flatnonzero(same)
    if idx.size:
        one = (shapely.get_num_geometries(a[idx]) == 1) & (shapely.get_num_geometries(b[idx]) == 1)
        idx = idx[one]
        equal = shapely.equals_exact(
            shapely.get_geometry(a[idx], 0), shapely.get_geometry(b[idx], 0), tolerance=0.0
        )
        same[:] = False
        same[idx[equal]] = True
    return same


def dominant_by_area(
    target_count: int, t_idx: np.ndarray, labels: np.ndarray, areas: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Per target, the label with the largest summed overlap and its summed area.

    Labels are any hashable values (codes); targets without overlap get None / 0. Equal
    areas (to 1e-6 m²) go to the label first in text order (e.g. 0508 before 0601): the
    same label whatever order the features come in (a tiled run reads them in another).
    """
    if t_idx.size == 0:
        return np.full(target_count, None, dtype=object), np.zeros(target_count)
    codes, uniques = _factorize(labels)
    key = t_idx.astype("int64") * len(uniques) + codes
    ukey, inverse = np.unique(key, return_inverse=True)
    summed = np.bincount(inverse, weights=areas)
    tgt, lab = ukey // len(uniques), ukey % len(uniques)
    order = _largest_first(tgt, lab, summed, uniques)
    first = order[np.r_[True, tgt[order][1:] != tgt[order][:-1]]]
    best = np.full(target_count, None, dtype=object)
    best_area = np.zeros(target_count)
    best[tgt[first]] = np.asarray(uniques, dtype=object)[lab[first]]
    best_area[tgt[first]] = summed[first]
    return best, best_area


def summed_by_label(
    t_idx: np.ndarray, labels: np.ndarray, areas: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(target index, label, summed area) for every target/label pair, sorted by target
    and then by area, largest first (equal areas in the labels' text order)."""
    if t_idx.size == 0:
        return t_idx, np.array([], dtype=object), np.array([], dtype="float64")
    codes, uniques = _factorize(labels)
    key = t_idx.astype("int64") * len(uniques) + codes
    ukey, inverse = np.unique(key, return_inverse=True)
    summed = np.bincount(inverse, weights=areas)
    tgt, lab = ukey // len(uniques), ukey % len(uniques)
    order = _largest_first(tgt, lab, summed, uniques)
    return tgt[order], np.asarray(uniques, dtype=object)[lab[order]], summed[order]


def _largest_first(tgt: np.ndarray, lab: np.ndarray, summed: np.ndarray, uniques: list):
    """The order by target, then summed area (largest first, compared to 1e-6 m²: the
    same pieces summed in another order differ in the last bits), then the label's text
    (independent of the order the features came in)."""
    text_rank = np.argsort(np.argsort(np.array([str(u) for u in uniques], dtype=object)))
    return np.lexsort((text_rank[lab], -np.round(summed, 6), tgt))


def _factorize(labels: np.ndarray) -> tuple[np.ndarray, list]:
    import pandas as pd

    codes, uniques = pd.factorize(np.asarray(labels, dtype=object), use_na_sentinel=False)
    return codes.astype("int64"), list(uniques)
