"""QGIS feature sources <-> GeoDataFrames.

Read: any feature source (layer, Processing source with selection or filter,
PostGIS, memory) through ``getFeatures()`` → WKB → ``shapely.from_wkb``, with
attributes typed by their QGIS field type and nulls kept. A plain GeoPackage
layer with no filter and no reprojection takes the columnar fast path of
:mod:`lowland_plugin.bridge.ogr_io` (about 14x faster, DESIGN.md).

Write: a GeoDataFrame → :class:`QgsFields` (types from the pandas dtypes) →
features added to a sink in batches with progress and cancel.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProviderRegistry,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QVariant

from ..core.common.frames import geodataframe
from ..core.common.mapping import template_fields
from . import field_types
from .ogr_io import read_ogr_layer

#: Features per ``addFeatures`` call when writing a sink.
_WRITE_BATCH = 5000


# --------------------------------------------------------------------------- read


def python_value(value):
    """A QGIS attribute value as a plain Python value (NULL → None, QDate → date)."""
    if value is None or value == NULL:
        return None
    if isinstance(value, QDateTime):
        return value.toPyDateTime() if value.isValid() else None
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    if isinstance(value, QTime):
        return value.toPyTime() if value.isValid() else None
    if isinstance(value, QVariant):
        return None if value.isNull() else value.value()
    return value


def _typed_column(values: list, qfield: QgsField) -> pd.Series:
    """Column typed by the QGIS field type, with nulls kept."""
    vtype = qfield.type()
    if vtype == field_types.BOOL:
        return pd.Series(pd.array(values, dtype="boolean"))
    if vtype in field_types.INTEGERS:
        return pd.Series(pd.array(values, dtype="Int64"))
    if vtype == field_types.DOUBLE:
        return pd.Series(np.array([np.nan if v is None else v for v in values], dtype="float64"))
    return pd.Series(values, dtype=object)


def source_file(layer: QgsVectorLayer) -> Path | None:
    """The file a layer reads (None for a database or memory layer)."""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path = parts.get("path")
    return Path(path) if path else None


def _fast_path_file(source) -> tuple[str, str] | None:
    """(path, layer name) when ``source`` is a whole, unfiltered GeoPackage layer
    without unsaved edits."""
    if not isinstance(source, QgsVectorLayer) or source.providerType() != "ogr":
        return None
    if source.subsetString() or source.isModified():
        return None  # a filter or unsaved edits (the edit buffer): read through QGIS
    parts = QgsProviderRegistry.instance().decodeUri("ogr", source.source())
    path = parts.get("path", "")
    if not path.lower().endswith(".gpkg") or not os.path.isfile(path):
        return None
    layer_name = parts.get("layerName") or None
    if layer_name is None:
        return None if source.dataProvider().subLayerCount() > 1 else (path, "")
    return path, layer_name


def source_to_gdf(
    source,
    fields: Iterable[str] | None = None,
    dest_crs: QgsCoordinateReferenceSystem | None = None,
    context=None,
    feedback=None,
    bounds: tuple[float, float, float, float] | None = None,
) -> gpd.GeoDataFrame:
    """Read a layer or feature source into a GeoDataFrame indexed by feature id.

    ``fields`` limits the attributes read (those absent from the source are
    ignored: callers check for required fields with a clear message). With
    ``dest_crs`` the geometries are transformed by QGIS on the way. ``bounds``: only
    the features whose bounding box meets that rectangle (in ``dest_crs`` when given;
    the provider's spatial index), for a tile of ``core.common.tiles``.
    """
    src_fields = source.fields()
    names = [f.name() for f in src_fields]
    wanted = names if fields is None else [f for f in names if f in set(fields)]
    crs = source.sourceCrs() if not isinstance(source, QgsVectorLayer) else source.crs()
    same_crs = dest_crs is None or not dest_crs.isValid() or dest_crs == crs
    wkb_type = source.wkbType()
    plain = not (
        QgsWkbTypes.isCurvedType(wkb_type)
        or QgsWkbTypes.hasZ(wkb_type)
        or QgsWkbTypes.hasM(wkb_type)
    )
    fast = _fast_path_file(source) if same_crs and plain else None
    if fast is not None:
        path, layer_name = fast
        gdf = read_ogr_layer(path, layer_name or None, columns=wanted, bounds=bounds)
        if feedback is not None:
            feedback.setProgress(100)
        return gdf

    request = QgsFeatureRequest()
    request.setSubsetOfAttributes([src_fields.indexOf(f) for f in wanted])
    if bounds is not None:  # in the destination CRS when one is set (QgsFeatureRequest)
        request.setFilterRect(QgsRectangle(*bounds))
    out_crs = crs
    if dest_crs is not None and not same_crs:
        ctx = context.transformContext() if context is not None else None
        if ctx is not None:
            request.setDestinationCrs(dest_crs, ctx)
        else:
            from qgis.core import QgsProject

            request.setDestinationCrs(dest_crs, QgsProject.instance().transformContext())
        out_crs = dest_crs
    total = source.featureCount() if source.featureCount() >= 0 else 0
    step = 100.0 / total if total else 0
    idx = [src_fields.indexOf(f) for f in wanted]
    fids: list[int] = []
    wkbs: list = []
    columns: list[list] = [[] for _ in wanted]
    curved: list[int] = []
    dropped_zm: list[int] = []
    for i, feat in enumerate(source.getFeatures(request)):
        if feedback is not None and i % 1000 == 0:
            if feedback.isCanceled():
                break
            feedback.setProgress(i * step)
        fids.append(feat.id())
        geom = feat.geometry()
        if not plain and not geom.isNull():
            geom, was_curved, had_zm = _linear_2d(geom)
            if was_curved:
                curved.append(feat.id())
            if had_zm:
                dropped_zm.append(feat.id())
        wkbs.append(bytes(geom.asWkb()) if not geom.isNull() else None)
        attrs = feat.attributes()
        for col, j in zip(columns, idx, strict=True):
            col.append(python_value(attrs[j]))
    data = {
        name: _typed_column(col, src_fields.field(name))
        for name, col in zip(wanted, columns, strict=True)
    }
    geoms = shapely.from_wkb(np.array(wkbs, dtype=object)) if wkbs else np.array([], dtype=object)
    gdf = geodataframe(
        pd.DataFrame(data, index=range(len(fids))),
        geoms,
        _crs_wkt(out_crs),
        pd.Index(np.array(fids, dtype="int64"), name="fid"),
    )
    gdf.attrs["geometry_repairs"] = {"segmentized": curved, "dropped_zm": dropped_zm}
    return gdf


def shapely_geometry(geometry: QgsGeometry):
    """A QGIS geometry as a shapely one, linear and 2D (None for a null geometry)."""
    if geometry.isNull():
        return None
    linear, _curved, _zm = _linear_2d(geometry)
    return shapely.from_wkb(bytes(linear.asWkb()))


def _linear_2d(geom: QgsGeometry) -> tuple[QgsGeometry, bool, bool]:
    """``geom`` with curves replaced by straight segments (at most 1° of arc per segment,
    the QGIS default) and Z/M values dropped; whether it had curves, whether Z or M."""
    geom = QgsGeometry(geom)
    wkb_type = geom.wkbType()
    was_curved = geom.constGet().hasCurvedSegments()
    had_zm = QgsWkbTypes.hasZ(wkb_type) or QgsWkbTypes.hasM(wkb_type)
    if QgsWkbTypes.isCurvedType(wkb_type):  # also a MultiSurface of plain polygons
        geom.convertToStraightSegment()
    if had_zm:
        geom.get().dropZValue()
        geom.get().dropMValue()
    return geom, was_curved, had_zm


def _crs_wkt(crs: QgsCoordinateReferenceSystem | None) -> str | None:
    if crs is None or not crs.isValid():
        return None
    auth = crs.authid()
    if auth.upper().startswith("EPSG:"):
        return auth
    return crs.toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT_PREFERRED)


# -------------------------------------------------------------------------- write


def _qvariant_type(series: pd.Series) -> Any:
    dtype = series.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return field_types.BOOL
    if pd.api.types.is_integer_dtype(dtype):
        return field_types.LONG
    if pd.api.types.is_float_dtype(dtype):
        return field_types.DOUBLE
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return field_types.DATETIME
    sample = next((v for v in series if v is not None and v is not pd.NA and v == v), None)
    if isinstance(sample, (bool, np.bool_)):
        return field_types.BOOL
    if isinstance(sample, dt.datetime):
        return field_types.DATETIME
    if isinstance(sample, dt.date):
        return field_types.DATE
    if isinstance(sample, (int, np.integer)):
        return field_types.LONG
    if isinstance(sample, (float, np.floating)):
        return field_types.DOUBLE
    return field_types.STRING


def gdf_fields(gdf: pd.DataFrame, aliases: Mapping[str, str] | None = None) -> QgsFields:
    """QgsFields for a (Geo)DataFrame's attribute columns, with aliases set."""
    fields = QgsFields()
    geom_name = gdf.geometry.name if isinstance(gdf, gpd.GeoDataFrame) else None
    for col in gdf.columns:
        if col == geom_name:
            continue
        qfield = QgsField(str(col), _qvariant_type(gdf[col]))
        if aliases and col in aliases:
            qfield.setAlias(aliases[col])
        fields.append(qfield)
    return fields


def gdf_wkb_type(gdf: gpd.GeoDataFrame) -> int:
    """The sink geometry type: multi when any feature is multi (QGIS promotes singles)."""
    types = set(gdf.geometry.dropna().geom_type.unique())
    if not types:
        return (
            QgsWkbTypes.Type.NoGeometry
            if gdf.geometry.isna().all() and len(gdf)
            else (QgsWkbTypes.Type.Unknown)
        )
    if types <= {"Polygon", "MultiPolygon"}:
        return (
            QgsWkbTypes.Type.MultiPolygon if "MultiPolygon" in types else QgsWkbTypes.Type.Polygon
        )
    if types <= {"LineString", "MultiLineString"}:
        return (
            QgsWkbTypes.Type.MultiLineString
            if "MultiLineString" in types
            else QgsWkbTypes.Type.LineString
        )
    if types <= {"Point", "MultiPoint"}:
        return QgsWkbTypes.Type.MultiPoint if "MultiPoint" in types else QgsWkbTypes.Type.Point
    return QgsWkbTypes.Type.Unknown


def attribute_value(value):
    """A pandas/numpy value as a QGIS attribute value (None, NaN, NA → NULL)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return NULL
    if isinstance(value, (float, np.floating)):
        return NULL if np.isnan(value) else float(value)
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, pd.Timestamp):
        return QDateTime(value.to_pydatetime())
    if isinstance(value, dt.datetime):
        return QDateTime(value)
    if isinstance(value, dt.date):
        return QDate(value.year, value.month, value.day)
    return value


def write_gdf_to_sink(gdf: gpd.GeoDataFrame, sink, fields: QgsFields, feedback=None) -> int:
    """Add every row of ``gdf`` to ``sink`` (columns in ``fields`` order). Returns the count.

    Stops early, returning the count written so far, when the user cancels.
    """
    names = [fields.at(i).name() for i in range(fields.count())]
    columns = [gdf[name].tolist() for name in names]
    geoms = (
        np.asarray(gdf.geometry.values, dtype=object) if isinstance(gdf, gpd.GeoDataFrame) else None
    )
    wkbs = shapely.to_wkb(geoms, flavor="iso") if geoms is not None and len(geoms) else None
    n = len(gdf)
    batch: list[QgsFeature] = []
    written = 0
    for row in range(n):
        feat = QgsFeature(fields)
        feat.setAttributes([attribute_value(col[row]) for col in columns])
        if wkbs is not None and wkbs[row] is not None:
            geom = QgsGeometry()
            geom.fromWkb(wkbs[row])
            feat.setGeometry(geom)
        batch.append(feat)
        if len(batch) >= _WRITE_BATCH or row == n - 1:
            if not sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert):
                raise RuntimeError(f"写出失败 / writing features failed: {sink.lastError()}")
            written += len(batch)
            batch = []
            if feedback is not None:
                if feedback.isCanceled():
                    return written
                feedback.setProgress(100.0 * written / n)
    return written


# ----------------------------------------------------------------- layer roles


def field_names(layer) -> set[str]:
    """The field names of a vector layer (empty for anything else)."""
    return set(layer.fields().names()) if isinstance(layer, QgsVectorLayer) else set()


def is_polygon_layer(layer) -> bool:
    """A valid polygon vector layer."""
    return (
        isinstance(layer, QgsVectorLayer)
        and layer.isValid()
        and layer.geometryType() == QgsWkbTypes.GeometryType.PolygonGeometry
    )


def is_units_layer(layer) -> bool:
    """A polygon layer of redevelopment units (a lowland:buildunits output or drawn): it
    has ``unit_id`` and is not a blocks, parcels or projects layer (those carry a
    ``unit_id`` too once buildunits has run, or name the unit of a project)."""
    names = field_names(layer)
    return (
        is_polygon_layer(layer)
        and "unit_id" in names
        and not names & {"block_id", "parcel_id", "project_id"}
    )


def is_blocks_layer(layer) -> bool:
    """A polygon layer with ``block_id`` that is not a parcels layer."""
    names = field_names(layer)
    return is_polygon_layer(layer) and "block_id" in names and "parcel_id" not in names


#: Fields a project check (lowland:farcheck, scatteredland, …) adds to the project
#: template: a layer with them is a check output, not the projects layer.
_CHECK_RESULT_FIELDS = frozenset({"reasons", "far_pass", "gfa_counted"})


def _template_share(names: set[str], layer_name: str) -> int:
    """How many fields of the project template layer ``layer_name`` ``names`` carries."""
    return len(names & set(template_fields(layer_name)))


def is_projects_layer(layer) -> bool:
    """The projects layer of the project template: polygons with ``project_id`` and at
    least two more template fields of ``projects``, and no check result (``reasons``…)."""
    names = field_names(layer)
    return (
        is_polygon_layer(layer)
        and "project_id" in names
        and "piece_id" not in names
        and _template_share(names - {"project_id"}, "projects") >= 2
        and not names & _CHECK_RESULT_FIELDS
    )


def is_pieces_layer(layer) -> bool:
    """The scattered-land pieces of the project template (``project_id`` and ``piece_id``)."""
    names = field_names(layer)
    return is_polygon_layer(layer) and {"project_id", "piece_id"} <= names


def is_zones_layer(layer) -> bool:
    """The functional zones of the project template: ``project_id`` and ``use_code``
    and nothing else of the template (no project or piece fields)."""
    names = field_names(layer)
    others = (names & set(template_fields("projects"))) - set(template_fields("zones"))
    return (
        is_polygon_layer(layer)
        and {"project_id", "use_code"} <= names
        and "piece_id" not in names
        and not others
    )


def is_legacy_layer(layer) -> bool:
    """A lowland:legacyland output (``parcel_id`` and ``legacy_class``)."""
    names = field_names(layer)
    return is_polygon_layer(layer) and {"parcel_id", "legacy_class"} <= names


def is_controls_layer(layer) -> bool:
    """A 控规 layer (the capacity envelope's limits): polygons with ``far_max`` and a plan
    key (``plan_id`` or ``plan_code``), and no project, parcel or unit id."""
    names = field_names(layer)
    return (
        is_polygon_layer(layer)
        and "far_max" in names
        and bool(names & {"plan_id", "plan_code"})
        and not names & {"project_id", "parcel_id", "unit_id"}
    )


def is_identification_output(layer) -> bool:
    """A lowland:identifyparcels output (or the buildunits copy of it, with ``unit_id``):
    ``parcel_id``, ``verdict`` and ``lowland_type``."""
    names = field_names(layer)
    return is_polygon_layer(layer) and {"parcel_id", "verdict", "lowland_type"} <= names
