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
from osgeo import ogr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingUtils,
    QgsProviderRegistry,
    QgsWkbTypes,
)

from ..core.common.fields import field_aliases, fields_too_long_for_dbf
from ..i18n import language, tr
from .layers import gdf_fields, gdf_wkb_type, write_gdf_to_sink
from .ogr_io import write_ogr_layer
from .staging import (
    POSTGRES,
    drop_table,
    forget_partial,
    postgres_parts,
    remove_files,
    stage_file,
    stage_postgres,
    swap_file_into_place,
    swap_table_into_place,
)
from .styles import persist_style


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
    existed = os.path.exists(path)
    partial = stage_file(path)
    try:
        write_ogr_layer(
            gdf, partial, Path(path).stem, overwrite_file=True, geometry_type=geometry_type
        )
        feedback.setProgress(80)
        persist_style(partial, aliases, style)
        if feedback.isCanceled():
            raise cancelled_error()
        swap_file_into_place(partial, path, existed)
    finally:
        remove_files(partial)
        forget_partial(partial)
    feedback.setProgress(100)
    return path


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


def file_of(destination: str | None) -> str | None:
    """The file behind an output destination (None for memory layers and databases)."""
    if not destination or destination.startswith(("memory:", "postgres:", "ogr:")):
        return None
    path = QgsProviderRegistry.instance().decodeUri("ogr", destination).get("path", "")
    return path or None


def is_shapefile_destination(destination: str | None) -> bool:
    """True for an output written as a shapefile (``.shp``, or a lone ``.dbf`` table)."""
    path = file_of(destination) or ""
    return path.lower().endswith((".shp", ".dbf"))


def refuse_shapefile_cutting_text(destination: str | None, frame, label: str) -> None:
    """A shapefile keeps 254 bytes of text: an output carrying longer text (``reasons``)
    is refused as a shapefile, never cut silently; the message says to use GeoPackage."""
    if not is_shapefile_destination(destination):
        return
    long_fields = fields_too_long_for_dbf(frame)
    if long_fields:
        names = ", ".join(long_fields)
        raise QgsProcessingException(
            tr(
                "输出“{0}”含长文本字段 {1}（可达 1400 字），Shapefile 每个文本字段最多 254 "
                "字节，会被截断：请改用 GeoPackage（.gpkg）或 PostGIS 输出。"
            ).format(label, names)
            + f" / output {label} carries long text ({names}); a shapefile keeps 254 bytes"
            " per text field and would cut it: write a GeoPackage (.gpkg) or PostGIS instead."
        )


def remove_dataset(path: str) -> None:
    """Delete a file output (with a shapefile's side files)."""
    remove_files(path)


def name_gpkg_layer_after(partial: str, target: str) -> None:
    """A partial GeoPackage's one layer is named after the partial file; rename it after
    the target (``out``, not ``out.partial-<pid>-<n>``) before it is moved into place."""
    if not target.lower().endswith(".gpkg"):
        return
    dataset = ogr.Open(partial, 1)
    if dataset is None or dataset.GetLayerCount() != 1:
        return
    old, new = dataset.GetLayer(0).GetName(), Path(target).stem
    if old != new:
        dataset.ExecuteSQL(f'ALTER TABLE "{old}" RENAME TO "{new}"')
    dataset = None


class StagedSink:
    """A feature sink on a partial file or table beside the destination, swapped into
    place by :meth:`finish` only when complete (bridge/staging.py); memory layers and
    layers inside an existing GeoPackage are written directly."""

    def __init__(self, alg, parameters, name, context, fields, wkb_type, crs) -> None:
        self.alg, self.parameters, self.name, self.context = alg, parameters, name, context
        self.destination = alg.parameterAsOutputLayer(parameters, name, context)
        self.target = file_of(self.destination)
        self.staged: str | None = None
        self.existed = False
        if self.target is not None and "|" not in self.destination:
            self.existed = os.path.exists(self.target)
            self.staged = stage_file(self.target)
            staged_destination = self.staged
        elif self.destination and self.destination.startswith(POSTGRES):
            staged_destination, self.existed = stage_postgres(self.destination)
            self.staged = staged_destination
        if self.staged is None:
            self.sink, self.dest_id = alg.parameterAsSink(
                parameters, name, context, fields, wkb_type, crs
            )
        else:
            self.sink, _ = QgsProcessingUtils.createFeatureSink(
                staged_destination, context, fields, wkb_type, crs
            )
            self.dest_id = self.destination
        if self.sink is None:
            self.abort()
            raise QgsProcessingException(alg.invalidSinkError(parameters, name))

    def close(self) -> None:
        if self.sink is not None:
            self.sink.flushBuffer()
            self.sink = None  # closes the file or connection

    def abort(self) -> None:
        """Remove the partial output (the earlier result stays)."""
        self.sink = None
        if self.staged is None:
            return
        if self.destination and not self.destination.startswith(POSTGRES):
            remove_files(self.staged)
        else:
            _parsed, schema, table = postgres_parts(self.staged)
            drop_table(self.destination, schema, table)
        forget_partial(self.staged)

    def finish(self) -> str:
        """Swap the complete output into place; returns its destination id."""
        self.close()
        if self.staged is None:
            return self.dest_id
        try:
            if self.target is not None:
                name_gpkg_layer_after(self.staged, self.target)
                swap_file_into_place(self.staged, self.target, self.existed)
            else:
                swap_table_into_place(self.destination, self.staged, self.existed)
        except BaseException:
            self.abort()
            raise
        forget_partial(self.staged)
        load_on_completion(self.alg, self.parameters, self.name, self.context, self.dest_id)
        return self.dest_id


def write_table_sink(alg, parameters: dict, name: str, context, table, feedback) -> str:
    """Write a table without geometry (already rounded) to the sink parameter ``name`` of
    ``alg``; returns its destination id. A cancelled run leaves no partial output and
    the earlier one intact."""
    fields = gdf_fields(table, field_aliases(table.columns, language()))
    staged = StagedSink(
        alg,
        parameters,
        name,
        context,
        fields,
        QgsWkbTypes.Type.NoGeometry,
        QgsCoordinateReferenceSystem(),
    )
    return _write_and_finish(staged, table, fields, feedback)


def write_feature_sink(
    alg, parameters, name, context, feedback, gdf, crs, aliases, geometry_type=None
) -> str:
    """Write ``gdf`` to any other destination of the sink parameter ``name`` of ``alg``
    (memory, shapefile, database…) through a QGIS feature sink; returns its id. A
    cancelled run leaves no partial file or table, and the earlier output intact."""
    fields = gdf_fields(gdf, aliases)
    wkb = WKB_TYPES[geometry_type] if geometry_type else gdf_wkb_type(gdf)
    staged = StagedSink(alg, parameters, name, context, fields, wkb, crs)
    return _write_and_finish(staged, gdf, fields, feedback)


def _write_and_finish(staged: StagedSink, frame, fields, feedback) -> str:
    try:
        written = write_gdf_to_sink(frame, staged.sink, fields, feedback)
        staged.close()
        if (feedback is not None and feedback.isCanceled()) or written != len(frame):
            raise cancelled_error()
    except BaseException:
        staged.abort()  # never leave a partial output behind as if complete
        raise
    return staged.finish()


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


class GpkgTileWriter:
    """A new GeoPackage file output written tile by tile (``core.common.tiles``): every
    tile appended to the staged file beside the target, swapped into place by
    :meth:`finish` only when all tiles are in (a cancelled run leaves nothing)."""

    def __init__(self, path: str, geometry_type: str | None = None) -> None:
        self.path = path
        self.existed = os.path.exists(path)
        self.partial = stage_file(path)
        self.geometry_type = geometry_type
        self.rows = 0

    def append(self, gdf: gpd.GeoDataFrame) -> None:
        """Add one tile's rows (the first tile creates the layer). An input's ``fid``
        column is not written: the feature ids run 1..n over the tiles."""
        write_ogr_layer(
            gdf.drop(columns=[c for c in gdf.columns if str(c).lower() == "fid"]),
            self.partial,
            Path(self.path).stem,
            overwrite_file=self.rows == 0,
            geometry_type=self.geometry_type,
            append=self.rows > 0,
        )
        self.rows += len(gdf)

    def finish(self, aliases: Mapping[str, str], style: str | None) -> str:
        """The style and aliases stored, the file moved into place; returns its path."""
        try:
            persist_style(self.partial, aliases, style)
            swap_file_into_place(self.partial, self.path, self.existed)
        finally:
            self.discard()
        return self.path

    def discard(self) -> None:
        """Remove the staged file (after :meth:`finish`, or on failure / cancel)."""
        remove_files(self.partial)
        forget_partial(self.partial)
