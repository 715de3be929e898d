"""Writing outputs: the GeoPackage fast path, feature sinks, partial files and tables
left by a cancel.

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
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingUtils,
    QgsProviderConnectionException,
    QgsProviderRegistry,
    QgsWkbTypes,
)

from ..core.common.fields import field_aliases
from ..i18n import language, tr
from .layers import gdf_fields, gdf_wkb_type, write_gdf_to_sink
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
    QgsProcessing.SourceType.TypeVectorPolygon: "MultiPolygon",
    QgsProcessing.SourceType.TypeVectorLine: "MultiLineString",
    QgsProcessing.SourceType.TypeVectorPoint: "MultiPoint",
}
WKB_TYPES = {
    "MultiPolygon": QgsWkbTypes.Type.MultiPolygon,
    "MultiLineString": QgsWkbTypes.Type.MultiLineString,
    "MultiPoint": QgsWkbTypes.Type.MultiPoint,
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


def write_table_sink(alg, parameters: dict, name: str, context, table, feedback) -> str:
    """Write a table without geometry (already rounded) to the sink parameter ``name`` of
    ``alg``; returns its destination id. A cancelled run leaves no partial file."""
    fields = gdf_fields(table, field_aliases(table.columns, language()))
    target = file_of(alg.parameterAsOutputLayer(parameters, name, context))
    existed = target is not None and os.path.exists(target)
    sink, dest = alg.parameterAsSink(parameters, name, context, fields)
    if sink is None:
        raise QgsProcessingException(alg.invalidSinkError(parameters, name))
    written = write_gdf_to_sink(table, sink, fields, feedback)
    del sink
    if (feedback is not None and feedback.isCanceled()) or written != len(table):
        if target is not None and not existed:
            remove_dataset(target)  # never leave a partial file behind as if complete
        raise cancelled_error()
    return dest


def write_feature_sink(
    alg, parameters, name, context, feedback, gdf, crs, aliases, geometry_type=None
) -> str:
    """Write ``gdf`` to any other destination of the sink parameter ``name`` of ``alg``
    (memory, shapefile, database…) through a QGIS feature sink; returns its id. A
    cancelled run leaves no partial file or new database table."""
    fields = gdf_fields(gdf, aliases)
    destination = alg.parameterAsOutputLayer(parameters, name, context)
    target = file_of(destination)
    existed = target is not None and os.path.exists(target)
    new_table = new_database_table(destination)
    sink, dest_id = alg.parameterAsSink(
        parameters,
        name,
        context,
        fields,
        WKB_TYPES[geometry_type] if geometry_type else gdf_wkb_type(gdf),
        crs,
    )
    if sink is None:
        raise QgsProcessingException(alg.invalidSinkError(parameters, name))
    written = write_gdf_to_sink(gdf, sink, fields, feedback)
    sink.flushBuffer()
    del sink  # closes the file so its style can be stored
    if feedback.isCanceled() or written != len(gdf):
        if target is not None and not existed:
            remove_dataset(target)  # never leave a partial file behind as if complete
        if new_table is not None:
            connection, schema, table = new_table
            connection.dropVectorTable(schema, table)  # nor a partial database table
        raise cancelled_error()
    return dest_id


def load_on_completion(alg, parameters: dict, name: str, context, dest_id: str) -> None:
    """What parameterAsSink does for an output the user asked to open (the GeoPackage
    fast path writes without a sink)."""
    value = parameters.get(name)
    if isinstance(value, QgsProcessingOutputLayerDefinition) and value.destinationProject:
        layer_name = value.destinationName or alg.parameterDefinition(name).description()
        details = QgsProcessingContext.LayerDetails(
            layer_name, value.destinationProject, name, QgsProcessingUtils.LayerHint.Vector
        )
        context.addLayerToLoadOnCompletion(dest_id, details)
