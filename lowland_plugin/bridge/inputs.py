"""Reading an algorithm's input: a QGIS source as a GeoDataFrame, with what was repaired
on the way (curves, Z/M) said, shapefile limits (10-character field names, text without
its code page) pointed out, and unusable geometries refused naming the features."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping

import geopandas as gpd
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingException,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from ..core.common.errors import LowlandInputError
from ..core.common.text_encoding import require_decoded_text
from ..core.common.validation import require_valid_geometries
from ..i18n import tr
from .layers import source_to_gdf
from .ogr_io import read_ogr_layer

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

#: The longest field name a shapefile (dBase) keeps.
DBF_NAME_LENGTH = 10


def is_shapefile(source) -> bool:
    """True for a layer read from a shapefile or a lone .dbf (dBase limits apply)."""
    layer = source if isinstance(source, QgsVectorLayer) else None
    storage = layer.dataProvider().storageType().lower() if layer is not None else ""
    return "shapefile" in storage or "dbf" in storage


def id_field_of(gdf: gpd.GeoDataFrame) -> str | None:
    return next((f for f in ID_FIELDS if f in gdf.columns), None)


def accepts_only_geometries(definition) -> bool:
    """True for a source parameter that accepts only points, lines or polygons (no tables)."""
    types = set(definition.dataTypes()) if hasattr(definition, "dataTypes") else set()
    spatial = {
        QgsProcessing.SourceType.TypeVectorPoint,
        QgsProcessing.SourceType.TypeVectorLine,
        QgsProcessing.SourceType.TypeVectorPolygon,
    }
    return bool(types) and types <= spatial


def read_source(
    source,
    label: str,
    fields: Iterable[str] | None = None,
    dest_crs: QgsCoordinateReferenceSystem | None = None,
    context=None,
    feedback=None,
    check_geometry: bool = True,
    restore_cut: bool = False,
) -> tuple[gpd.GeoDataFrame, list[str]]:
    """``source`` as a GeoDataFrame (see :func:`source_to_gdf`) and the field names a
    shapefile may have cut to 10 characters. Repairs and cut names are reported to
    ``feedback``; shapefile text read without its code page and (``check_geometry``)
    null, empty or invalid geometries are refused naming the features (issue 11).
    ``restore_cut``: the ``fields`` a shapefile cut to 10 characters are read under
    their cut names and renamed back (said in the log); an ambiguous cut is refused."""
    renames: dict[str, str] = {}
    if restore_cut and fields is not None and is_shapefile(source):
        fields = list(fields)
        renames = cut_name_renames(source.fields().names(), fields, label)
        fields += list(renames)
    gdf = source_to_gdf(
        source, fields=fields, dest_crs=dest_crs, context=context, feedback=feedback
    )
    if renames:
        gdf = gdf.rename(columns=renames)
        report_restored_names(renames, label, feedback)
    report_repairs(gdf, label, feedback)
    cut = cut_field_names(source, gdf)
    warn_cut_field_names(cut, label, feedback)
    if is_shapefile(source):  # GBK text read without its code page (issue 11)
        require_decoded_text(gdf, label, id_field_of(gdf))
    if check_geometry:
        require_valid_geometries(gdf, label, id_field_of(gdf))
    return gdf, cut


def source_reader(
    source,
    label: str,
    fields: Iterable[str] | None = None,
    dest_crs: QgsCoordinateReferenceSystem | None = None,
    frame_crs=None,
    context=None,
) -> Callable[[tuple[float, float, float, float]], gpd.GeoDataFrame]:
    """A ``core.common.tiles.LayerReader`` over ``source``: the features whose bounding
    box meets a tile's rectangle, read through the provider's spatial index (reprojected
    to ``dest_crs`` on the way, the frame carrying ``frame_crs``), invalid geometries
    refused as :func:`read_source` does. The layer is never in memory as a whole."""
    wanted = list(fields) if fields is not None else None

    def read(bounds: tuple[float, float, float, float]) -> gpd.GeoDataFrame:
        gdf = source_to_gdf(source, wanted, dest_crs, context, None, bounds=bounds)
        if frame_crs is not None:
            gdf = gdf.set_crs(frame_crs, allow_override=True)
        require_valid_geometries(gdf, label, id_field_of(gdf))
        return gdf

    count = source.featureCount()  # the layer's size (core.identify.tiled.layer_size)
    read.count = count if count >= 0 else None
    return read


def cut_name_renames(source_names, wanted, label: str) -> dict[str, str]:
    """{cut name: full name} for the ``wanted`` fields longer than 10 characters that a
    shapefile lacks and whose first 10 characters it has (``review_sta`` →
    ``review_status``). Two wanted fields cut to one name are refused (which is which?)."""
    present = set(source_names)
    by_cut: dict[str, list[str]] = {}
    for name in wanted:
        if len(name) > DBF_NAME_LENGTH and name not in present:
            by_cut.setdefault(name[:DBF_NAME_LENGTH], []).append(name)
    renames = {}
    for cut, names in by_cut.items():
        if cut not in present:
            continue
        if len(names) > 1:
            raise QgsProcessingException(
                tr(
                    "{0}：Shapefile 字段 {1} 可能是 {2} 中任一个被截断，无法区分；请改用 GeoPackage。"
                ).format(label, cut, ", ".join(names))
                + f" / {label}: the shapefile field {cut} may be any of {', '.join(names)}"
                " cut to 10 characters; use a GeoPackage."
            )
        renames[cut] = names[0]
    return renames


def report_restored_names(renames: Mapping[str, str], label: str, feedback) -> None:
    """Say which cut shapefile field names were read as which fields."""
    if feedback is None:
        return
    pairs = ", ".join(f"{cut} → {full}" for cut, full in renames.items())
    feedback.pushInfo(
        tr("{0}：Shapefile 截断的字段名已按完整字段读取：{1}").format(label, pairs)
        + f" / {label}: cut shapefile field names read as: {pairs}"
    )


def report_repairs(gdf: gpd.GeoDataFrame, label: str, feedback) -> None:
    """Say which features were repaired on reading (curves segmentized, Z/M dropped)."""
    repairs = gdf.attrs.get("geometry_repairs") or {}
    if feedback is None:
        return
    id_field = id_field_of(gdf)
    for key, text in (
        (
            "segmentized",
            tr("{0}：{1} 个要素含曲线（圆弧），已按每段不超过 1° 折线化后计算：{2}")
            + " / {1} curved features were segmentized (1° per segment): {2}",
        ),
        (
            "dropped_zm",
            tr("{0}：{1} 个要素带 Z/M 值，已舍去，按平面计算：{2}")
            + " / {1} features had Z/M values, dropped (planar measures): {2}",
        ),
    ):
        fids = repairs.get(key) or []
        if fids:
            ids = gdf.loc[fids, id_field] if id_field else pd.Series(fids)
            shown = ", ".join(str(v) for v in list(ids)[:10]) + (" …" if len(ids) > 10 else "")
            feedback.pushWarning(text.format(label, len(fids), shown))


def cut_field_names(source, gdf: gpd.GeoDataFrame) -> list[str]:
    """The fields of a shapefile source whose names may have been cut: a shapefile
    (dBase) keeps 10 characters, so contract_date arrives as contract_d."""
    if not is_shapefile(source):
        return []
    return [c for c in gdf.columns if c != gdf.geometry.name and len(c) == DBF_NAME_LENGTH]


def warn_cut_field_names(cut: list[str], label: str, feedback) -> None:
    """Say that the fields ``cut`` may be cut names that are then not recognised, and
    the fix."""
    if cut and feedback is not None:
        feedback.pushWarning(
            tr(
                "{0}：Shapefile 字段名最长 10 个字符，字段 {1} 可能被截断而未被识别；"
                "请用字段映射指定（如 contract_date=contract_d）或改用 GeoPackage。"
            ).format(label, ", ".join(cut))
            + f" / shapefile field names are cut to 10 characters: {', '.join(cut)} may be "
            "truncated names; map them with FIELD_MAP or use a GeoPackage."
        )


def cut_name_hint(message: str, cut: set[str]) -> str:
    """What to map when ``message`` names fields whose first 10 characters are one of the
    ``cut`` fields of a shapefile input (``gfa_proposed`` read as ``gfa_propos``); else ''."""
    names = re.findall(r"[A-Za-z][A-Za-z0-9_]{10,}", message)
    pairs = sorted({(n, n[:DBF_NAME_LENGTH]) for n in names if n[:DBF_NAME_LENGTH] in cut})
    if not pairs:
        return ""
    listing = ", ".join(f"{full} → {short}" for full, short in pairs)
    mapping = "; ".join(f"{full}={short}" for full, short in pairs)
    return "\n" + (
        tr(
            "（Shapefile 把字段名截断为 10 个字符：{0}；请用字段映射 {1} 指定，或改用 GeoPackage。）"
        )
        + " (the shapefile cut field names to 10 characters: {0}; map them with FIELD_MAP "
        "{1} or use a GeoPackage.)"
    ).format(listing, mapping)


def file_layer(source: str) -> tuple[str, str]:
    """(absolute path, layer name) of an OGR data source string, to compare sources."""
    parts = QgsProviderRegistry.instance().decodeUri("ogr", source)
    path = parts.get("path", "") or source
    return os.path.abspath(path), str(parts.get("layerName") or "")


def review_fields_of(source: str) -> pd.DataFrame | None:
    """The review fields (``review_status``, ``reviewed_at``) of the file layer ``source``
    as it is now; None when it is no readable file layer with review fields (a units
    layer records the reviewed layer it was counted from, core.units.provenance)."""
    path, name = file_layer(source)
    if not os.path.isfile(path):
        return None
    try:
        frame = read_ogr_layer(path, name or None, columns=["review_status", "reviewed_at"])
    except (LowlandInputError, RuntimeError, KeyError, ValueError):
        return None
    return frame if "review_status" in frame.columns else None


def cut_fields_of(layer, names: Iterable[str]) -> list[str]:
    """``full → cut`` for the ``names`` a shapefile layer lacks but holds cut to 10
    characters (``review_status → review_sta``); [] for any other layer."""
    if not is_shapefile(layer):
        return []
    present = set(layer.fields().names())
    return [
        f"{name} → {name[:DBF_NAME_LENGTH]}"
        for name in names
        if name not in present and name[:DBF_NAME_LENGTH] in present
    ]
