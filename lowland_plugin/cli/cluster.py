"""The tiles on a Dask cluster: one task per tile of parcels, each reading its own
features and halo (``tiles.tile_from_sources``) and running the core on them.

- the client reads the parcels, cuts them into compact tiles (``tiles.parcel_tiles``)
  and ships each task its own parcels; the same-industry tax totals of the whole layer
  are computed once on the client;
- GeoPackage and PostGIS layers are read by each task through OGR's spatial filter;
  a GeoParquet layer is opened with dask-geopandas, its parts' extents computed on the
  cluster, and each task is given only the parts that meet its tile (a province's layers
  are best stored as spatially sorted parts, e.g. ``dask_geopandas`` ``spatial_shuffle``);
- each task writes its own rows (a GeoParquet part, or appended to the PostGIS table;
  the first tile runs first: it creates the table, its column types are the parts') and
  returns only its warnings and the labels of the buildings it read, so a worker never
  holds the rows of the tiles it has done (each would be ~150 MB at 50 000 parcels).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import dask
import dask_geopandas
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from distributed import Client, LocalCluster

from ..core.common.fields import round_for_output
from ..core.common.mapping import canonical_frame
from ..core.common.notices import owned_by_tile
from ..core.common.profiles import Profile
from ..core.common.tiles import Bounds, frame_reader, tile_from_sources
from ..core.identify.legacy_run import legacy_land
from ..core.identify.tiled import (
    identify_tile,
    indicators_frame,
    indicators_tile,
    output_frame,
)
from .sources import Source, write_postgis_part

#: canonical layer kind → the fields required in it
REQUIRED = {"parcels": ("parcel_id",), "landsurvey": ("dlbm",), "plan": ("plan_code",)}


@dataclass(frozen=True)
class Spec:
    """How a task reads a layer: its source, kind (for the field map), the field map and,
    for GeoParquet, an empty frame of its columns (when no part meets the tile)."""

    source: Source
    kind: str
    field_map: dict
    empty: gpd.GeoDataFrame | None = None


@dataclass(frozen=True)
class Layer:
    """A layer on the client: its :class:`Spec` and, for GeoParquet, its parts
    (dask-geopandas partitions) with their extents."""

    spec: Spec
    parts: object = None  # dask_geopandas.GeoDataFrame of a GeoParquet source
    extents: np.ndarray | None = None  # (n_parts,) shapely geometries


def connect(
    workers: int, scheduler: str | None, threads: int = 1, processes: bool = True
) -> Client:
    """A client of ``scheduler``, or of a new local cluster of ``workers`` (processes,
    or threads of this process when ``processes`` is False: tests)."""
    if scheduler:
        return Client(scheduler)
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=threads,
        processes=processes,
        dashboard_address=None,
    )
    return Client(cluster)


def open_layer(source: Source, kind: str, field_map: dict) -> Layer:
    """The layer; for GeoParquet its parts and their extents (computed on the cluster)."""
    if source.kind != "parquet":
        return Layer(Spec(source, kind, field_map))
    parts = dask_geopandas.read_parquet(source.path)
    extents = parts.map_partitions(
        lambda df: gpd.GeoSeries([shapely.box(*df.total_bounds)] if len(df) else [None]),
        meta=gpd.GeoSeries([], dtype="geometry"),
    ).compute()
    spec = Spec(source, kind, field_map, parts._meta)
    return Layer(spec, parts, np.asarray(extents.values, dtype=object))


def layer_reads(layer: Layer, bounds: Bounds):
    """What a task needs to read ``layer`` for the tile ``bounds``: None (read the source
    through OGR) or the list of the GeoParquet parts meeting it (dask computes them
    first, on the workers)."""
    if layer.parts is None:
        return None
    box = shapely.box(*bounds)
    meets = [i for i, e in enumerate(layer.extents) if e is not None and e.intersects(box)]
    return [layer.parts.partitions[i] for i in meets]


def reader(spec: Spec, reads) -> Callable[[Bounds], gpd.GeoDataFrame]:
    """Inside a task: the LayerReader of the layer, in canonical field names."""
    if reads is None:
        raw = spec.source.read
    else:
        parts = [p for p in reads if len(p)]
        whole = private_geometries(pd.concat(parts)) if parts else spec.empty
        raw = frame_reader(gpd.GeoDataFrame(whole, geometry=whole.geometry.name))

    def read(bounds: Bounds) -> gpd.GeoDataFrame:
        gdf = raw(bounds)
        required = REQUIRED.get(spec.kind, ())
        gdf, _ = canonical_frame(gdf, spec.kind, spec.field_map, required, spec.kind, False)
        return gdf

    return read


def private_geometries(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """``frame`` with its own shapely objects (a WKB round trip: exact). The overlays
    prepare geometries in place, and GEOS prepared geometries are not thread-safe:
    tasks running as threads of one worker (``--threads``, ``--no-processes``) would
    otherwise prepare and release the very objects of a GeoParquet part or tile they
    share — a crash (seen as a segfault in ``covers``)."""
    geoms = np.asarray(frame.geometry.values, dtype=object)
    copy = shapely.from_wkb(shapely.to_wkb(geoms, include_srid=False))
    return frame.set_geometry(gpd.GeoSeries(copy, index=frame.index, crs=frame.crs))


def tile_bounds(own: gpd.GeoDataFrame, margin: float) -> Bounds:
    """The tile's parcels' bounding box grown by ``margin`` (the reach of the features
    that touch them: the largest building or patch seen on the client is not known, so a
    generous margin is given and the task reads exactly by intersection)."""
    xmin, ymin, xmax, ymax = own.total_bounds
    return (xmin - margin, ymin - margin, xmax + margin, ymax + margin)


def run_tile(
    command: str,
    number: int,
    own: gpd.GeoDataFrame,
    parcels: Spec,
    parcel_reads,
    layers: dict[str, Spec],
    reads: dict,
    options: dict,
) -> tuple[gpd.GeoDataFrame, list[str], np.ndarray | None]:
    """One task: the tile's features and halo read, the core run; its output rows,
    warnings and the labels of the buildings it read (``tiled.buildings_outside``).
    The tile's parcels are the task's own objects (:func:`private_geometries`), freed
    with the task."""
    own = private_geometries(own)
    readers = {k: reader(layers[k], reads[k]) for k in layers}
    item = tile_from_sources(number, own, reader(parcels, parcel_reads), readers)
    if command == "identify":
        result = identify_tile(
            item, options["profile"], options["reference_date"], options["totals"]
        )
        out = output_frame(own, result.table.set_axis(own.index))
    elif command == "legacy":
        run = legacy_land(item.parcels, item.layers.get("landsurvey"), options["profile"])
        warnings = owned_by_tile(run.warnings, item.parcels.index, len(own))
        return round_for_output(run.table.iloc[: len(own)]), warnings, None
    else:
        result = indicators_tile(item, **options["indicators"])
        out = indicators_frame(own, result.table.set_axis(own.index))
    return round_for_output(out), result.warnings, result.touched


def tile_tasks(
    command: str,
    tiles: list[gpd.GeoDataFrame],
    parcels: Layer,
    layers: dict[str, Layer],
    options: dict,
    margin: float,
) -> list[tuple]:
    """The arguments of :func:`run_tile` for each tile (in tile order). A layer feature
    that touches a tile's parcels lies in a GeoParquet part meeting their bounding box;
    the halo parcels are looked for ``margin`` metres further."""
    tasks = []
    for number, own in enumerate(tiles):
        bounds = tuple(float(v) for v in own.total_bounds)
        reads = {k: layer_reads(v, bounds) for k, v in layers.items()}
        grown = tile_bounds(own, margin)
        specs = {k: v.spec for k, v in layers.items()}
        args = (command, number, own, parcels.spec, layer_reads(parcels, grown), specs, reads)
        tasks.append((*args, options))
    return tasks


def run_and_write(write: Callable, args: tuple) -> tuple[list[str], np.ndarray | None, object]:
    """One task: :func:`run_tile`, its rows written by the worker (``write``, e.g. a part
    file) and dropped: the worker keeps only the warnings, the labels of the buildings
    read and what ``write`` returns, never the rows of its tiles until the end. The
    geometries the overlays prepared are the task's own copies (:func:`run_tile`), so
    the worker's copy of the task's argument holds no GEOS index (~2 KB a parcel)."""
    rows, warnings, touched = run_tile(*args)
    written = write(rows, args[1])
    return warnings, touched, written


def parquet_schema(sample: gpd.GeoDataFrame):
    """The Arrow schema of the output parts from one tile's rows: every part gets the
    same column types (a column empty in that tile is text)."""
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    buffer = io.BytesIO()
    sample.to_parquet(buffer, index=False)  # the GeoParquet schema with its "geo" metadata
    schema = pq.read_schema(io.BytesIO(buffer.getvalue()))
    metadata = schema.metadata
    for i, field in enumerate(schema):
        if pa.types.is_null(field.type):
            schema = schema.set(i, pa.field(field.name, pa.string()))
    return schema.with_metadata(metadata)


def parquet_part(path: str, schema, rows: gpd.GeoDataFrame, number: int):
    """One tile's rows as the part ``part.<number>.parquet`` of the GeoParquet folder
    ``path``, in ``schema`` (None: the schema of these rows, returned for the others)."""
    import os

    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = schema if schema is not None else parquet_schema(rows)
    os.makedirs(path, exist_ok=True)
    table = pa.Table.from_pandas(rows.to_wkb(), schema=schema, preserve_index=False)
    pq.write_table(table, os.path.join(path, f"part.{number}.parquet"))
    return schema


def write_parquet(tasks: list[tuple], path: str) -> tuple[list[list[str]], list]:
    """The tiles' rows as GeoParquet parts (one per tile, ``part.<tile>.parquet``) written
    by the workers; the first tile first (its column types are the parts'). Returns the
    warnings of each tile and the labels of the buildings each read."""
    import shutil

    shutil.rmtree(path, ignore_errors=True)
    first = dask.delayed(run_and_write)(partial(parquet_part, path, None), tasks[0])
    warnings, touched, schema = first.compute()
    write = partial(parquet_part, path, schema)
    rest = dask.compute(*[dask.delayed(run_and_write)(write, t) for t in tasks[1:]])
    return [warnings, *[r[0] for r in rest]], [touched, *[r[1] for r in rest]]


def write_postgis(tasks: list[tuple], target: Source) -> tuple[list[list[str]], list]:
    """The first tile creates the table, the others append (each task writes its own
    rows); returns the warnings of each tile and the labels of the buildings each read."""
    scratch = tempfile.mkdtemp(prefix="lowland-cli-")
    create = partial(postgis_part, target, True, scratch)
    warnings, touched, _ = dask.delayed(run_and_write)(create, tasks[0]).compute()
    append = partial(postgis_part, target, False, scratch)
    rest = dask.compute(*[dask.delayed(run_and_write)(append, t) for t in tasks[1:]])
    return [warnings, *[r[0] for r in rest]], [touched, *[r[1] for r in rest]]


def postgis_part(target: Source, first: bool, scratch: str, rows, _number: int) -> None:
    write_postgis_part(rows, target, first, scratch)


def identify_options(profile: Profile, reference: dt.date, totals) -> dict:
    return {"profile": profile, "reference_date": reference, "totals": totals}
