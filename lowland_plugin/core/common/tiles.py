"""Spatial tiles of parcels: bounded memory at any size (issue 20 item 2).

The algorithms that take parcels measure each parcel against the features that touch
it (buildings, 三调 patches, plan parcels). So the parcels can be processed a tile at a
time:

- the parcels are cut into compact tiles of ``size`` parcels by splitting their
  bounding-box centres at the median again and again (:func:`parcel_tiles`), so that a
  tile's bounding box, by which the layers are read, holds little more than its parcels;
- a tile reads only the features that intersect its parcels (:func:`select_touching`): a
  feature straddling a tile edge goes to every tile whose parcels it touches, and each
  parcel only counts its intersection with itself, so the per-parcel results equal the
  untiled run's;
- what compares parcels with each other needs the neighbours as context (the *halo*,
  :func:`halo`): a building's GFA is shared among all the parcels it lies on
  (``overlaps.shared_gfa_share``) and overlapping parcels are found pairwise, so the
  parcels of other tiles that touch the tile's parcels or its buildings are processed
  with it, and their rows dropped (each parcel is emitted once, by its own tile);
- what aggregates over the whole layer (the same-industry mean 亩均税收) is computed
  once before the tiles (``criteria.industry_tax_totals``).

The layers are read through a :data:`LayerReader` (features whose bounding box meets a
rectangle, in input order): an in-memory frame here (:func:`frame_reader`), a spatially
filtered read of the source in the bridge, a partition in the cluster command.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

#: Parcels per tile when an algorithm tiles; a layer of at most this many is not tiled.
DEFAULT_TILE_SIZE = 100_000

#: (xmin, ymin, xmax, ymax)
Bounds = tuple[float, float, float, float]
#: The features of a layer whose bounding box meets ``bounds``, in input order.
LayerReader = Callable[[Bounds], gpd.GeoDataFrame]


@dataclass(frozen=True)
class Tile:
    """One tile: the positions of its own parcels (emitted) and of its halo parcels
    (context only), both sorted, in the parcels' input order."""

    number: int
    own: np.ndarray
    halo: np.ndarray

    @property
    def positions(self) -> np.ndarray:
        """Own and halo parcels together, in input order (what the tile processes)."""
        return np.union1d(self.own, self.halo)


def parcel_tiles(geoms: np.ndarray, size: int) -> list[np.ndarray]:
    """The parcels cut into compact tiles of ``size`` parcels (the last ones fewer): the
    bounding-box centres split at the median of their longer side, again and again (a
    k-d partition), so that each tile's bounding box, by which the layers are read,
    holds little beyond its parcels. Each tile's positions sorted (input order). One tile
    when ``size`` covers them all."""
    n = len(geoms)
    if n <= size:
        return [np.arange(n)]
    box = shapely.bounds(np.asarray(geoms, dtype=object))
    centre = np.column_stack([(box[:, 0] + box[:, 2]) / 2, (box[:, 1] + box[:, 3]) / 2])
    tiles: list[np.ndarray] = []
    pending = [np.arange(n)]
    while pending:
        idx = pending.pop()
        if len(idx) <= size:
            tiles.append(np.sort(idx))
            continue
        xy = centre[idx]
        axis = int(np.ptp(xy[:, 1]) > np.ptp(xy[:, 0]))
        left = (-(-len(idx) // size) // 2) * size  # whole tiles on the lower side
        order = np.argpartition(xy[:, axis], left - 1)
        pending += [idx[order[left:]], idx[order[:left]]]
    return tiles


def tile_numbers(geoms: np.ndarray, size: int) -> np.ndarray:
    """The tile of every parcel (same tiles as :func:`parcel_tiles`)."""
    out = np.zeros(len(geoms), dtype="int64")
    for number, own in enumerate(parcel_tiles(geoms, size)):
        out[own] = number
    return out


def bounds_of(geoms: np.ndarray) -> Bounds:
    """The bounding rectangle of ``geoms``."""
    xmin, ymin, xmax, ymax = shapely.total_bounds(np.asarray(geoms, dtype=object))
    return float(xmin), float(ymin), float(xmax), float(ymax)


def touching(tree: shapely.STRtree, geoms: np.ndarray) -> np.ndarray:
    """Sorted positions of the tree's geometries that intersect any of ``geoms``."""
    if len(geoms) == 0:
        return np.array([], dtype="int64")
    pairs = tree.query(np.asarray(geoms, dtype=object), predicate="intersects")
    return np.unique(pairs[1])


def select_touching(read: LayerReader, geoms: np.ndarray) -> gpd.GeoDataFrame:
    """The features of a layer that intersect any of ``geoms`` (a tile's parcels), in
    input order: read by the bounding box, then kept when they really intersect."""
    candidates = read(bounds_of(geoms))
    if len(candidates) == 0:
        return candidates
    tree = shapely.STRtree(np.asarray(geoms, dtype=object))
    pairs = tree.query(np.asarray(candidates.geometry.values, dtype=object), predicate="intersects")
    return candidates.iloc[np.unique(pairs[0])]


def halo(
    parcel_tree: shapely.STRtree, own: np.ndarray, own_geoms: np.ndarray, context: np.ndarray
) -> np.ndarray:
    """Sorted positions of the parcels outside ``own`` that intersect the tile's parcels
    (overlap checks) or any of ``context`` (the tile's buildings, whose GFA is shared
    among every parcel they lie on)."""
    near = touching(parcel_tree, np.concatenate([own_geoms, np.asarray(context, dtype=object)]))
    return np.setdiff1d(near, own, assume_unique=True)


def frame_reader(gdf: gpd.GeoDataFrame) -> LayerReader:
    """A reader over a frame in memory: the rows whose bounding box meets the rectangle,
    in the frame's order."""
    tree = shapely.STRtree(np.asarray(gdf.geometry.values, dtype=object))

    def read(bounds: Bounds) -> gpd.GeoDataFrame:
        return gdf.iloc[np.sort(tree.query(shapely.box(*bounds)))]

    read.count = len(gdf)  # type: ignore[attr-defined]  # the layer's size (tiled.layer_size)
    return read


@dataclass
class TileInput:
    """What one tile processes: its parcels (own then halo rows, input order kept within
    each) with the original index, and the layers' features that touch its own parcels."""

    tile: Tile
    parcels: gpd.GeoDataFrame
    layers: dict[str, gpd.GeoDataFrame | None]

    @property
    def own_index(self):
        """The index labels of the tile's own parcels (the rows to emit)."""
        return self.parcels.index[: len(self.tile.own)]


def tile_inputs(
    parcels: gpd.GeoDataFrame,
    readers: Mapping[str, LayerReader | None],
    size: int,
    halo_layers: tuple[str, ...] = ("buildings",),
) -> Iterator[TileInput]:
    """The tiles of ``parcels`` one after the other, each with the features it needs
    (``readers``: None for a layer not given). Parcels of other tiles that touch the
    tile's parcels or the features of ``halo_layers`` come as halo rows after the own
    rows. One tile only (no halo) when ``size`` covers all parcels."""
    geoms = np.asarray(parcels.geometry.values, dtype=object)
    tiles = parcel_tiles(geoms, size)
    tree = shapely.STRtree(geoms) if len(tiles) > 1 else None
    for number, own in enumerate(tiles):
        own_geoms = geoms[own]
        layers = {
            key: (select_touching(read, own_geoms) if read is not None and len(own) else None)
            for key, read in readers.items()
        }
        around = np.array([], dtype="int64")
        if tree is not None:
            given = [layers.get(k) for k in halo_layers]
            context = [np.asarray(g.geometry.values) for g in given if g is not None]
            extra = np.concatenate(context) if context else np.array([], dtype=object)
            around = halo(tree, own, own_geoms, extra)
        tile = Tile(number, own, around)
        rows = parcels.iloc[np.concatenate([own, around])]
        yield TileInput(tile, rows, layers)
        # the overlays prepare the parcels' geometries (GEOS indexes kept on the shared
        # shapely objects, ~2 KB a parcel): released, or memory grows tile after tile
        shapely.destroy_prepared(geoms[tile.positions])


def tile_from_sources(
    number: int,
    own: gpd.GeoDataFrame,
    read_parcels: LayerReader,
    readers: Mapping[str, LayerReader | None],
    id_field: str = "parcel_id",
    halo_layers: tuple[str, ...] = ("buildings",),
) -> TileInput:
    """One tile where nothing but its own parcels is at hand (a cluster worker): the
    features touching them and the halo parcels are read from the sources by bounding
    box; the halo is told from the tile's own parcels by ``id_field`` (unique)."""
    own_geoms = np.asarray(own.geometry.values, dtype=object)
    layers = {
        key: (select_touching(read, own_geoms) if read is not None and len(own) else None)
        for key, read in readers.items()
    }
    given = [layers.get(k) for k in halo_layers]
    context = [np.asarray(g.geometry.values) for g in given if g is not None]
    near = np.concatenate([own_geoms, *context]) if len(own) else own_geoms
    around = read_parcels(bounds_of(near)) if len(own) else own.iloc[:0]
    around = around[~around[id_field].isin(own[id_field])]
    if len(around):
        tree = shapely.STRtree(np.asarray(around.geometry.values, dtype=object))
        around = around.iloc[touching(tree, near)]
    own_pos = np.arange(len(own))
    tile = Tile(number, own_pos, np.arange(len(own), len(own) + len(around)))
    rows = (
        own
        if not len(around)
        else gpd.GeoDataFrame(
            pd.concat([own, around[own.columns.intersection(around.columns)]]),
            geometry=own.geometry.name,
            crs=own.crs,
        )
    )
    return TileInput(tile, rows, layers)


def tile_count(n: int, size: int) -> int:
    """How many tiles ``n`` parcels make."""
    return max(1, -(-n // size))
