"""Writing outputs: the GeoPackage fast path, partial files and tables left by a cancel.

A run that is cancelled or fails never leaves a partial output behind as if complete:
a new GeoPackage is written to a temporary file beside the target and moved into place,
a new file or database table is removed again.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import geopandas as gpd
from qgis.core import (
    QgsDataSourceUri,
    QgsProcessing,
    QgsProcessingException,
    QgsProviderConnectionException,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..i18n import tr
from .ogr_io import write_ogr_layer
from .styles import POSTGRES, persist_style


def cancelled_error() -> QgsProcessingException:
    """The error a cancelled run raises: nothing partial is kept."""
    return QgsProcessingException(
        tr("已取消：输出不完整，未保留。") + " / cancelled: the partial output is discarded."
    )


def write_gpkg_file(
    path: str,
    gdf: gpd.GeoDataFrame,
    aliases: Mapping[str, str],
    style: str | None,
    feedback,
    geometry_type: str | None = None,
) -> str:
    """Fast path for a new GeoPackage file: bulk SQLite insert into a temporary file
    beside the target, moved into place only when complete."""
    partial = f"{path}.partial-{os.getpid()}.gpkg"
    try:
        write_ogr_layer(
            gdf, partial, Path(path).stem, overwrite_file=True, geometry_type=geometry_type
        )
        feedback.setProgress(80)
        persist_style(partial, aliases, style)
        if feedback.isCanceled():
            raise cancelled_error()
        os.replace(partial, path)
    finally:
        if os.path.exists(partial):
            os.remove(partial)
    feedback.setProgress(100)
    return path


#: Id fields that name a feature in messages, in order of preference (else the fid).
ID_FIELDS = (
    "parcel_id",
    "project_id",
    "piece_id",
    "building_id",
    "unit_ref",
    "unit_id",
    "block_id",
    "plan_id",
    "road_id",
    "tbbh",
    "BSM",
    "ZDDM",
    "宗地代码",
)


def is_shapefile(source) -> bool:
    """True for a layer read from a shapefile or a lone .dbf (dBase limits apply)."""
    layer = source if isinstance(source, QgsVectorLayer) else None
    storage = layer.dataProvider().storageType().lower() if layer is not None else ""
    return "shapefile" in storage or "dbf" in storage


def id_field_of(gdf: gpd.GeoDataFrame) -> str | None:
    return next((f for f in ID_FIELDS if f in gdf.columns), None)


def new_database_table(destination: str | None):
    """(connection, schema, table) of a ``postgres://…`` destination whose table does not
    exist yet (None otherwise): what to drop when the run is cancelled."""
    if not destination or not destination.startswith(POSTGRES):
        return None
    uri = destination[len(POSTGRES) :]
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    parsed = QgsDataSourceUri(uri)
    schema, table = parsed.schema() or "public", parsed.table()
    try:
        connection = metadata.createConnection(uri, {})
        if not table or connection.tableExists(schema, table):
            return None
    except QgsProviderConnectionException:
        return None
    return connection, schema, table


#: Sink parameter data type → the geometry type of an empty output.
DECLARED_GEOMETRY = {
    QgsProcessing.TypeVectorPolygon: "MultiPolygon",
    QgsProcessing.TypeVectorLine: "MultiLineString",
    QgsProcessing.TypeVectorPoint: "MultiPoint",
}
WKB_TYPES = {
    "MultiPolygon": QgsWkbTypes.MultiPolygon,
    "MultiLineString": QgsWkbTypes.MultiLineString,
    "MultiPoint": QgsWkbTypes.MultiPoint,
}


def declared_geometry(definition) -> str | None:
    """The geometry type a polygon/line/point sink parameter declares (None otherwise)."""
    if not hasattr(definition, "dataType"):
        return None
    return DECLARED_GEOMETRY.get(definition.dataType())


def is_whole_gpkg_file(destination: str | None) -> bool:
    """True for a plain ``….gpkg`` path (the whole file is the output, no layer name)."""
    return (
        destination is not None and destination.lower().endswith(".gpkg") and "|" not in destination
    )


#: Files that make up one shapefile besides the .shp itself.
SHAPEFILE_PARTS = (".shx", ".dbf", ".prj", ".cpg", ".qpj", ".qix", ".sbn", ".sbx")


def remove_dataset(path: str) -> None:
    """Delete a file output (with a shapefile's side files)."""
    base, ext = os.path.splitext(path)
    parts = [path] + ([base + e for e in SHAPEFILE_PARTS] if ext.lower() == ".shp" else [])
    for part in parts:
        if os.path.exists(part):
            os.remove(part)


def file_of(destination: str | None) -> str | None:
    """The file behind an output destination (None for memory layers and databases)."""
    if not destination or destination.startswith(("memory:", "postgres:", "ogr:")):
        return None
    path = QgsProviderRegistry.instance().decodeUri("ogr", destination).get("path", "")
    return path or None
