"""Shared plumbing of Lowland algorithms: reading sources, writing sinks, errors, aliases.

Algorithms stay thin: read inputs into GeoDataFrames, call one core function,
write the result. Core :class:`LowlandInputError` becomes a
:class:`QgsProcessingException` with the same bilingual message.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

import geopandas as gpd
import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterString,
    QgsProcessingUtils,
)
from qgis.PyQt.QtGui import QIcon

from ..lowland_plugin.bridge import layers as qgis_bridge
from ..lowland_plugin.bridge.outputs import (
    WKB_TYPES,
    cancelled_error,
    declared_geometry,
    file_of,
    id_field_of,
    is_shapefile,
    is_whole_gpkg_file,
    new_database_table,
    remove_dataset,
    write_gpkg_file,
)
from ..lowland_plugin.bridge.styles import AliasPostProcessor, persist_style
from ..lowland_plugin.core.common.conservation import check_geometry_kept, check_ids_accounted
from ..lowland_plugin.core.common.crs import require_projected_metres
from ..lowland_plugin.core.common.errors import LowlandInputError, LowlandInternalError
from ..lowland_plugin.core.common.fields import field_aliases, round_for_output
from ..lowland_plugin.core.common.profiles import Profile, bundled_profiles, load_profile
from ..lowland_plugin.core.common.resources import resource_path
from ..lowland_plugin.core.common.text_encoding import require_decoded_text
from ..lowland_plugin.core.common.validation import require_valid_geometries
from ..lowland_plugin.i18n import language, tr

#: The key of every algorithm's optional field-map parameter.
FIELD_MAP = "FIELD_MAP"


def field_map_parameter() -> QgsProcessingParameterString:
    """``FIELD_MAP``: ``standard=actual; …`` for inputs whose fields have other names."""
    return QgsProcessingParameterString(
        FIELD_MAP, tr("字段映射（标准字段=实际字段; …）"), optional=True
    )


class LowlandAlgorithm(QgsProcessingAlgorithm):
    """Base class: translation, grouping, icon and the read/write helpers."""

    FIELD_MAP = FIELD_MAP

    def tr(self, text: str) -> str:
        return tr(text)

    def createInstance(self):  # noqa: N802 (QGIS API)
        return type(self)()

    def icon(self) -> QIcon:
        return QIcon(str(resource_path("icons", "lowland.svg")))

    def processAlgorithm(self, parameters, context, feedback) -> dict:  # noqa: N802 (QGIS API)
        """The one error boundary of every algorithm: :meth:`compute` does the work, and a
        bad input (or a failed self-check) reported by the core becomes a
        QgsProcessingException with the same message; a field the message names that a
        shapefile cut to 10 characters is pointed out with its cut name."""
        try:
            return self.compute(parameters, context, feedback)
        except (LowlandInputError, LowlandInternalError) as err:
            raise QgsProcessingException(str(err) + self._cut_name_hint(str(err))) from err

    def compute(self, parameters, context, feedback) -> dict:
        """Read the inputs, call the core, write the outputs; returns the output ids."""
        raise NotImplementedError(f"{type(self).__name__}.compute")

    # ---------------------------------------------------------------- inputs

    def read_layer(
        self,
        parameters: dict,
        name: str,
        context: QgsProcessingContext,
        feedback,
        fields: Iterable[str] | None = None,
        crs_of: str | None = None,
        check_geometry: bool = True,
    ) -> gpd.GeoDataFrame | None:
        """The source parameter ``name`` as a GeoDataFrame (None when an optional input is unset).

        Whole GeoPackage layers are read on the columnar fast path; selections,
        feature limits, filters and other providers go through the QGIS provider.
        Curves are segmentized and Z/M values dropped, with a warning naming the
        features (issue 11). For a point/line/polygon source, null, empty and invalid
        geometries are refused naming the features to fix, unless ``check_geometry`` is
        False (an algorithm that reports them itself, or does not use the geometry).

        ``crs_of`` names an input read before (the main layer): the features are then
        reprojected by QGIS into its CRS on the way, and the frame carries the very CRS
        object of that input's frame, so that geopandas sees the two as one CRS.
        """
        value = parameters.get(name)
        if value is None or value == "":
            return None
        feedback = feedback if feedback is not None else getattr(self, "_feedback", None)
        whole_layer = not (
            isinstance(value, QgsProcessingFeatureSourceDefinition)
            and (value.selectedFeaturesOnly or value.featureLimit != -1)
        )
        layer = self.parameterAsVectorLayer(parameters, name, context) if whole_layer else None
        source = layer if layer is not None else self.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(
                self.tr("无法读取输入图层 {0}。").format(name) + f" / cannot read input {name}."
            )
        dest_crs = self.input_crs(crs_of) if crs_of is not None else None
        gdf = qgis_bridge.source_to_gdf(
            source, fields=fields, dest_crs=dest_crs, context=context, feedback=feedback
        )
        if crs_of is not None:
            gdf = gdf.set_crs(self._inputs[crs_of][1], allow_override=True)
        # the source's CRS (to write this input's results in) and its frame's CRS
        self._inputs = {**getattr(self, "_inputs", {}), name: (source.sourceCrs(), gdf.crs)}
        label = self._input_label(name)
        self._report_repairs(gdf, label, feedback)
        self._warn_truncated_names(source, gdf, label, feedback)
        if is_shapefile(source):  # GBK text read without its code page (issue 11)
            require_decoded_text(gdf, label, id_field_of(gdf))
        if check_geometry and self._needs_geometry(name):
            require_valid_geometries(gdf, label, id_field_of(gdf))
        return gdf

    def input_crs(self, name: str) -> QgsCoordinateReferenceSystem:
        """The CRS of the source parameter ``name`` as it was read by :meth:`read_layer`
        (before any ``crs_of`` reprojection): the CRS to write that input's results in."""
        read = getattr(self, "_inputs", {}).get(name)
        if read is None:
            raise LowlandInternalError(f"input_crs({name!r}) called before read_layer({name!r})")
        return read[0]

    def prepareAlgorithm(self, parameters, context, feedback) -> bool:  # noqa: N802 (QGIS API)
        """Keep the run's feedback so that input repairs are reported wherever inputs are read."""
        self._feedback = feedback
        return True

    def _input_label(self, name: str) -> str:
        definition = self.parameterDefinition(name)
        return f"{definition.description()} {name}" if definition is not None else name

    def _needs_geometry(self, name: str) -> bool:
        """True for a source that accepts only points, lines or polygons (not tables)."""
        definition = self.parameterDefinition(name)
        types = set(definition.dataTypes()) if hasattr(definition, "dataTypes") else set()
        spatial = {
            QgsProcessing.TypeVectorPoint,
            QgsProcessing.TypeVectorLine,
            QgsProcessing.TypeVectorPolygon,
        }
        return bool(types) and types <= spatial

    def _warn_truncated_names(self, source, gdf: gpd.GeoDataFrame, label: str, feedback) -> None:
        """A shapefile (dBase) cuts field names to 10 characters: contract_date arrives as
        contract_d and is then not recognised. Say so, naming the fields and the fix."""
        if not is_shapefile(source):
            return
        cut = [c for c in gdf.columns if c != gdf.geometry.name and len(c) == 10]
        self._cut_names = getattr(self, "_cut_names", set()) | set(cut)  # for error hints
        if cut and feedback is not None:
            feedback.pushWarning(
                self.tr(
                    "{0}：Shapefile 字段名最长 10 个字符，字段 {1} 可能被截断而未被识别；"
                    "请用字段映射指定（如 contract_date=contract_d）或改用 GeoPackage。"
                ).format(label, ", ".join(cut))
                + f" / shapefile field names are cut to 10 characters: {', '.join(cut)} may be "
                "truncated names; map them with FIELD_MAP or use a GeoPackage."
            )

    def _report_repairs(self, gdf: gpd.GeoDataFrame, label: str, feedback) -> None:
        """Say which features were repaired on reading (curves segmentized, Z/M dropped)."""
        repairs = gdf.attrs.get("geometry_repairs") or {}
        if feedback is None:
            return
        id_field = id_field_of(gdf)
        for key, text in (
            (
                "segmentized",
                self.tr("{0}：{1} 个要素含曲线（圆弧），已按每段不超过 1° 折线化后计算：{2}")
                + " / {1} curved features were segmentized (1° per segment): {2}",
            ),
            (
                "dropped_zm",
                self.tr("{0}：{1} 个要素带 Z/M 值，已舍去，按平面计算：{2}")
                + " / {1} features had Z/M values, dropped (planar measures): {2}",
            ),
        ):
            fids = repairs.get(key) or []
            if fids:
                ids = gdf.loc[fids, id_field] if id_field else pd.Series(fids)
                shown = ", ".join(str(v) for v in list(ids)[:10]) + (" …" if len(ids) > 10 else "")
                feedback.pushWarning(text.format(label, len(fids), shown))

    def add_profile_parameter(self, key: str = "PROFILE") -> None:
        """The rule-profile parameter: a bundled profile's id or the path of a JSON file."""
        self.addParameter(
            QgsProcessingParameterString(
                key,
                self.tr("规则档案（内置 {0}，或 JSON 文件路径）").format(
                    "/".join(bundled_profiles())
                ),
                defaultValue="default",
            )
        )

    def read_profile(self, parameters: dict, context, key: str = "PROFILE") -> Profile:
        """The rule profile chosen in ``key``, validated (errors name the key and value)."""
        return load_profile(self.parameterAsString(parameters, key, context) or "default")

    def require_projected(self, gdf: gpd.GeoDataFrame, label: str) -> None:
        """Refuse a geographic CRS, naming the CGCS2000 Gauss-Kruger CRS to use."""
        lon = None
        if len(gdf) and gdf.crs is not None and gdf.crs.is_geographic:
            lon = float(gdf.total_bounds[[0, 2]].mean())
        require_projected_metres(gdf.crs, label, lon)

    def _cut_name_hint(self, message: str) -> str:
        """What to map when ``message`` names fields whose first 10 characters are a field
        of a shapefile input (``gfa_proposed`` read as ``gfa_propos``); else ''."""
        cut = getattr(self, "_cut_names", set())
        names = re.findall(r"[A-Za-z][A-Za-z0-9_]{10,}", message)
        pairs = sorted({(n, n[:10]) for n in names if n[:10] in cut})
        if not pairs:
            return ""
        listing = ", ".join(f"{full} → {short}" for full, short in pairs)
        mapping = "; ".join(f"{full}={short}" for full, short in pairs)
        return "\n" + (
            self.tr(
                "（Shapefile 把字段名截断为 10 个字符：{0}；请用字段映射 {1} 指定，或改用 GeoPackage。）"
            )
            + " (the shapefile cut field names to 10 characters: {0}; map them with FIELD_MAP "
            "{1} or use a GeoPackage.)"
        ).format(listing, mapping)

    def check_accounted(
        self,
        inputs: gpd.GeoDataFrame,
        output: gpd.GeoDataFrame,
        id_field: str | None,
        label: str,
        same_geometry: bool = True,
    ) -> None:
        """Conservation check before writing: one output row per input feature with its id
        and (``same_geometry``) its geometry and area unchanged."""
        if id_field is not None and id_field in inputs.columns:
            check_ids_accounted(inputs[id_field].tolist(), output[id_field].tolist(), label)
        if same_geometry:
            check_geometry_kept(
                np.asarray(inputs.geometry.values),
                np.asarray(output.geometry.values),
                label,
            )
        elif len(inputs) != len(output):
            check_ids_accounted(range(len(inputs)), range(len(output)), label)

    # --------------------------------------------------------------- outputs

    def write_output(
        self,
        parameters: dict,
        name: str,
        context: QgsProcessingContext,
        feedback,
        gdf: gpd.GeoDataFrame,
        crs: QgsCoordinateReferenceSystem,
        style: str | None = None,
    ) -> str:
        """Write ``gdf`` to the sink parameter ``name`` with aliases; returns its destination id.

        A cancelled run raises instead of leaving a partial output that looks complete.
        """
        gdf = round_for_output(gdf)
        aliases = field_aliases(gdf.columns, language())
        destination = self.parameterAsOutputLayer(parameters, name, context)
        # an empty output takes the geometry type its parameter declares (no rows to tell)
        declared = (
            None
            if gdf.geometry.notna().any()
            else declared_geometry(self.parameterDefinition(name))
        )
        if is_whole_gpkg_file(destination):
            dest_id = write_gpkg_file(destination, gdf, aliases, style, feedback, declared)
            self._load_on_completion(parameters, name, context, dest_id)
        else:
            dest_id = self._write_sink(
                parameters, name, context, feedback, gdf, crs, aliases, declared
            )
            persist_style(dest_id, aliases, style)
        if context.willLoadLayerOnCompletion(dest_id):
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(
                AliasPostProcessor(aliases, style)
            )
        return dest_id

    def write_table(
        self, parameters: dict, name: str, context: QgsProcessingContext, table, feedback=None
    ) -> str:
        """Write a table without geometry (rounded, with aliases) to the sink parameter
        ``name``; returns its destination id."""
        table = round_for_output(table)
        fields = qgis_bridge.gdf_fields(table, field_aliases(table.columns, language()))
        target = file_of(self.parameterAsOutputLayer(parameters, name, context))
        existed = target is not None and os.path.exists(target)
        sink, dest = self.parameterAsSink(parameters, name, context, fields)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        feedback = feedback if feedback is not None else getattr(self, "_feedback", None)
        written = qgis_bridge.write_gdf_to_sink(table, sink, fields, feedback)
        del sink
        if (feedback is not None and feedback.isCanceled()) or written != len(table):
            if target is not None and not existed:
                remove_dataset(target)  # never leave a partial file behind as if complete
            raise self._cancelled()
        return dest

    def check_canceled(self, feedback) -> None:
        """Raise (no partial output is ever written) when the user has cancelled."""
        if feedback is not None and feedback.isCanceled():
            raise self._cancelled()

    def _cancelled(self) -> QgsProcessingException:
        return cancelled_error()

    def _load_on_completion(
        self, parameters: dict, name: str, context: QgsProcessingContext, dest_id: str
    ) -> None:
        """What parameterAsSink does for an output the user asked to open."""
        value = parameters.get(name)
        if isinstance(value, QgsProcessingOutputLayerDefinition) and value.destinationProject:
            layer_name = value.destinationName or self.parameterDefinition(name).description()
            details = QgsProcessingContext.LayerDetails(
                layer_name, value.destinationProject, name, QgsProcessingUtils.LayerHint.Vector
            )
            context.addLayerToLoadOnCompletion(dest_id, details)

    def _write_sink(
        self, parameters, name, context, feedback, gdf, crs, aliases, geometry_type=None
    ) -> str:
        """Any other destination (memory, shapefile, database…) through a QGIS feature sink."""
        fields = qgis_bridge.gdf_fields(gdf, aliases)
        destination = self.parameterAsOutputLayer(parameters, name, context)
        target = file_of(destination)
        existed = target is not None and os.path.exists(target)
        new_table = new_database_table(destination)
        sink, dest_id = self.parameterAsSink(
            parameters,
            name,
            context,
            fields,
            WKB_TYPES[geometry_type] if geometry_type else qgis_bridge.gdf_wkb_type(gdf),
            crs,
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        written = qgis_bridge.write_gdf_to_sink(gdf, sink, fields, feedback)
        sink.flushBuffer()
        del sink  # closes the file so its style can be stored
        if feedback.isCanceled() or written != len(gdf):
            if target is not None and not existed:
                remove_dataset(target)  # never leave a partial file behind as if complete
            if new_table is not None:
                connection, schema, table = new_table
                connection.dropVectorTable(schema, table)  # nor a partial database table
            raise self._cancelled()
        return dest_id


class ScaledFeedback:
    """Feedback proxy mapping 0–100 % of one step onto [start, start + span] of the run."""

    def __init__(self, feedback, start: float, span: float) -> None:
        self._fb, self._start, self._span = feedback, start, span

    def setProgress(self, value: float) -> None:  # noqa: N802 (QGIS API)
        self._fb.setProgress(self._start + self._span * value / 100.0)

    def isCanceled(self) -> bool:  # noqa: N802 (QGIS API)
        return self._fb.isCanceled()

    def pushInfo(self, text: str) -> None:  # noqa: N802 (QGIS API)
        self._fb.pushInfo(text)

    def pushWarning(self, text: str) -> None:  # noqa: N802 (QGIS API)
        self._fb.pushWarning(text)
