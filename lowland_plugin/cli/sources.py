"""Where the command line reads and writes: GeoParquet (``*.parquet``, a file or a
folder of parts), a GeoPackage layer (``file.gpkg`` or ``file.gpkg:layer``) or a PostGIS
table (``PG:dbname=… host=… user=…:schema.table``, or ``postgresql://…#schema.table``).

A :class:`Source` is a plain picklable description: each Dask task opens it again and
reads only the features whose bounding box meets its tile, indexed by feature id (a
GeoParquet layer by the index stored in it: keep the layer's index when writing its parts,
as ``dask_geopandas`` does, so that a building read by two tiles is told as one) (the GeoPackage R-tree or
PostGIS's GiST index through OGR's spatial filter; for GeoParquet the parts whose
extent meets the tile, see ``cluster``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
from osgeo import gdal

from ..bridge.ogr_io import read_ogr_layer, write_ogr_layer
from ..core.common.errors import LowlandInputError

Bounds = tuple[float, float, float, float]


@dataclass(frozen=True)
class Source:
    """A layer to read or write: ``kind`` is ``parquet``, ``gpkg`` or ``postgis``;
    ``path`` the file, folder or OGR connection string; ``layer`` the layer or table."""

    kind: str
    path: str
    layer: str | None = None

    def read(self, bounds: Bounds | None = None) -> gpd.GeoDataFrame:
        """The features whose bounding box meets ``bounds`` (all when None)."""
        if self.kind == "parquet":
            gdf = gpd.read_parquet(self.path)
            if bounds is not None:
                gdf = gdf.iloc[gdf.sindex.query(_box(bounds))].sort_index()
            return gdf
        return read_ogr_layer(self.path, self.layer, bounds=bounds)  # indexed by fid

    def count(self) -> int:
        """How many features the layer holds (GeoParquet: from the parts' metadata)."""
        if self.kind == "parquet":
            import pyarrow.dataset as ds

            return int(ds.dataset(self.path, format="parquet").count_rows())
        from osgeo import ogr

        data = ogr.Open(self.path)
        layer = data.GetLayerByName(self.layer) if self.layer else data.GetLayer(0)
        return int(layer.GetFeatureCount())


def _box(bounds: Bounds):
    import shapely

    return shapely.box(*bounds)


def parse_source(text: str) -> Source:
    """The :class:`Source` a command-line argument names (see the module's docstring)."""
    if text.startswith("postgresql://") or text.startswith("postgres://"):
        uri, _, table = text.partition("#")
        if not table:
            raise LowlandInputError(
                f"PostGIS 须写明表名：{text}#schema.table / a PostGIS source needs #schema.table"
            )
        return Source("postgis", "PG:" + _libpq(uri), table)
    if text.startswith("PG:"):
        conn, sep, table = text.rpartition(":")
        if not sep or not table or conn == "PG":
            raise LowlandInputError(
                f"PostGIS 须写明表名：{text}:schema.table / a PostGIS source needs :schema.table"
            )
        return Source("postgis", conn, table)
    path, _, layer = text.partition(".gpkg:")
    if layer:
        return Source("gpkg", path + ".gpkg", layer)
    if text.lower().endswith(".gpkg"):
        return Source("gpkg", text, None)
    if text.lower().endswith(".parquet") or os.path.isdir(text):
        return Source("parquet", text, None)
    raise LowlandInputError(
        f"无法识别的数据源：{text}（支持 .parquet、.gpkg[:图层]、PG:… 或 postgresql://…#表）"
        f" / unknown source {text} (.parquet, .gpkg[:layer], PG:… or postgresql://…#table)"
    )


def _libpq(uri: str) -> str:
    """``postgresql://user:pw@host:port/db`` as the ``key=value`` string OGR takes."""
    from urllib.parse import urlparse

    parts = urlparse(uri)
    pairs = {
        "dbname": parts.path.lstrip("/"),
        "host": parts.hostname,
        "port": parts.port,
        "user": parts.username,
        "password": parts.password,
    }
    return " ".join(f"{k}={v}" for k, v in pairs.items() if v)


def write_postgis_part(gdf: gpd.GeoDataFrame, target: Source, first: bool, scratch: str) -> None:
    """One tile's rows into the PostGIS table (created by the first, ``first``), through
    a GeoPackage in ``scratch`` and OGR's COPY."""
    part = str(Path(scratch) / f"part-{os.getpid()}-{id(gdf)}.gpkg")
    write_ogr_layer(gdf, part, "part", overwrite_file=True)
    try:
        options = gdal.VectorTranslateOptions(
            layerName=target.layer,
            accessMode="overwrite" if first else "append",
            layerCreationOptions=["GEOMETRY_NAME=geom", "FID=fid"],
        )
        if gdal.VectorTranslate(target.path, part, options=options) is None:
            raise LowlandInputError(
                f"写入 PostGIS 失败 / cannot write PostGIS table {target.layer}"
            )
    finally:
        os.remove(part)
