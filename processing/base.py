"""What every Lowland algorithm needs: its one error boundary, reading inputs, profiles,
the conservation check and writing outputs.

Algorithms stay thin: :meth:`LowlandAlgorithm.compute` reads inputs into GeoDataFrames,
calls the core and writes the result; a core :class:`LowlandInputError` becomes a
:class:`QgsProcessingException` with the same bilingual message. The QGIS adapters
behind these helpers live in ``lowland_plugin/bridge/`` (inputs, outputs, styles).
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
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
    QgsProcessingParameterVectorLayer,
)
from qgis.PyQt.QtGui import QIcon

from ..lowland_plugin.bridge.inputs import (
    accepts_only_geometries,
    cut_name_hint,
    read_source,
    source_reader,
)
from ..lowland_plugin.bridge.outputs import (
    GpkgTileWriter,
    cancelled_error,
    declared_geometry,
    is_whole_gpkg_file,
    load_on_completion,
    refuse_shapefile_cutting_text,
    write_feature_sink,
    write_gpkg_file,
    write_table_sink,
)
from ..lowland_plugin.bridge.overlap import (
    destination_dataset,
    refuse_output_on_input,
    source_dataset,
)
from ..lowland_plugin.bridge.styles import AliasPostProcessor, persist_style
from ..lowland_plugin.core.common.conservation import check_geometry_kept, check_ids_accounted
from ..lowland_plugin.core.common.crs import (
    require_ground_metres,
    require_projected_metres,
    require_within_area_of_use,
)
from ..lowland_plugin.core.common.errors import LowlandInputError, LowlandInternalError
from ..lowland_plugin.core.common.fields import field_aliases, round_for_output
from ..lowland_plugin.core.common.profiles import Profile, bundled_profiles, load_profile
from ..lowland_plugin.core.common.resources import resource_path
from ..lowland_plugin.core.common.spreadsheet import escape_text_cells, is_spreadsheet
from ..lowland_plugin.core.common.tiles import DEFAULT_TILE_SIZE, LayerReader, frame_reader
from ..lowland_plugin.help import algorithm_help_url
from ..lowland_plugin.i18n import language, tr


def output_folder_problem(folder: str) -> tuple[str, str] | None:
    """What is wrong with ``folder`` as the place of an output file (Chinese, English), or
    None when it exists, is a folder and can be written."""
    if not os.path.exists(folder):
        return "不存在", "does not exist"
    if not os.path.isdir(folder):
        return "不是文件夹", "is not a folder"
    if not os.access(folder, os.W_OK | os.X_OK):
        return "不可写（只读）", "cannot be written (read-only)"
    return None


def tile_size() -> int:
    """Parcels per tile: ``LOWLAND_TILE_PARCELS`` when set (tests, benchmarks), else
    ``tiles.DEFAULT_TILE_SIZE``; a layer of at most that many parcels is not tiled."""
    raw = os.environ.get("LOWLAND_TILE_PARCELS", "")
    return int(raw) if raw.strip().isdigit() and int(raw) > 0 else DEFAULT_TILE_SIZE


#: The key of every algorithm's optional field-map parameter.
FIELD_MAP = "FIELD_MAP"


def field_map_parameter() -> QgsProcessingParameterString:
    """``FIELD_MAP``: ``standard=actual; …`` for inputs whose fields have other names."""
    return QgsProcessingParameterString(
        FIELD_MAP, tr("字段映射（标准字段=实际字段; …）"), optional=True
    )


#: Parameters whose value is one input layer.
SOURCE_PARAMETERS = (
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterVectorLayer,
    QgsProcessingParameterMapLayer,
)
#: Destination parameters written as layers (the others are files or folders).
SINK_PARAMETERS = (QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination)


class LowlandAlgorithm(QgsProcessingAlgorithm):
    """Base class: translation, grouping, icon and the read/write helpers."""

    FIELD_MAP = FIELD_MAP
    #: True where the algorithm creates missing output folders itself (exportdatabase,
    #: generateplan): only the first existing folder above is checked.
    CREATES_OUTPUT_FOLDERS = False

    def tr(self, text: str) -> str:
        return tr(text)

    def createInstance(self):  # noqa: N802 (QGIS API)
        return type(self)()

    def icon(self) -> QIcon:
        return QIcon(str(resource_path("icons", "lowland.svg")))

    def helpUrl(self) -> str:  # noqa: N802 (QGIS API)
        """This algorithm's section of the rendered guide (the dialog's 帮助 button)."""
        return algorithm_help_url(self.name())

    def processAlgorithm(self, parameters, context, feedback) -> dict:  # noqa: N802 (QGIS API)
        """The one error boundary of every algorithm: :meth:`compute` does the work, and a
        bad input (or a failed self-check) reported by the core becomes a
        QgsProcessingException with the same message; a field the message names that a
        shapefile cut to 10 characters is pointed out with its cut name."""
        self.refuse_outputs_on_inputs(parameters, context)
        try:
            self.require_output_folders(parameters, context)
            return self.compute(parameters, context, feedback)
        except (LowlandInputError, LowlandInternalError) as err:
            hint = cut_name_hint(str(err), getattr(self, "_cut_names", set()))
            raise QgsProcessingException(str(err) + hint) from err

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API)
        """QGIS's own check, with a bilingual message naming the parameter and its value
        (e.g. a date past 9999, which QGIS cannot read)."""
        ok, message = super().checkParameterValues(parameters, context)
        if ok:
            return ok, message
        for definition in self.parameterDefinitions():
            name = definition.name()
            if not definition.checkValueIsAcceptable(parameters.get(name), context):
                value = parameters.get(name)
                return False, (
                    f"参数 {name}（{definition.description()}）的值 {value!r} 无效"
                    f"（日期须在 0001–9999 年之间，数值须在允许范围内）。 / invalid value {value!r} "
                    f"for parameter {name} ({definition.description()})."
                )
        return ok, message

    def require_output_folders(self, parameters: dict, context: QgsProcessingContext) -> None:
        """Refuse, before any work, an output file whose folder does not exist, is not a
        folder or cannot be written, naming the folder (issue 21 item 13)."""
        for definition in self.destinationParameterDefinitions():
            name = definition.name()
            value = parameters.get(name)
            if value in (None, ""):
                continue
            if isinstance(definition, QgsProcessingParameterFolderDestination):
                path = self.parameterAsFileOutput(parameters, name, context)
                folder = os.path.dirname(os.path.normpath(path)) if path else ""
            else:
                sink = (
                    self.parameterAsFileOutput(parameters, name, context)
                    if isinstance(definition, QgsProcessingParameterFileDestination)
                    else self.parameterAsOutputLayer(parameters, name, context)
                )
                path = (sink or "").split("|")[0]
                if not path or re.match(r"^[A-Za-z][A-Za-z0-9+.-]+:", path):
                    continue  # memory:, postgres:, ogr: … are no files
                folder = os.path.dirname(os.path.abspath(path))
            if self.CREATES_OUTPUT_FOLDERS:  # the first existing folder above must be usable
                while folder and not os.path.exists(folder) and os.path.dirname(folder) != folder:
                    folder = os.path.dirname(folder)
            problem = output_folder_problem(folder) if folder else None
            if problem is not None:
                zh, en = problem
                label = definition.description()
                raise LowlandInputError(
                    f"输出 {name}（{label}）：文件夹 {folder} {zh}。请选择已有且可写的文件夹。"
                    f" / output {name}: the folder {folder} {en}; choose an existing folder you "
                    "can write to."
                )

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
        restore_cut: bool = False,
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

        ``restore_cut``: ``fields`` a shapefile cut to 10 characters are read back under
        their full names (``review_sta`` → ``review_status``).
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
        label = self._input_label(name)
        if dest_crs is not None and not source.sourceCrs().isValid():
            require_projected_metres(None, label)  # cannot be reprojected: no CRS to start from
        check_geometry = check_geometry and accepts_only_geometries(self.parameterDefinition(name))
        gdf, cut = read_source(
            source, label, fields, dest_crs, context, feedback, check_geometry, restore_cut
        )
        if len(gdf) and gdf.crs is not None:  # coordinates where the declared CRS is used
            require_within_area_of_use(gdf.crs, gdf.total_bounds, label)
        if crs_of is not None:
            gdf = gdf.set_crs(self._inputs[crs_of][1], allow_override=True)
        # the source's CRS (to write this input's results in) and its frame's CRS
        self._inputs = {**getattr(self, "_inputs", {}), name: (source.sourceCrs(), gdf.crs)}
        self._cut_names = getattr(self, "_cut_names", set()) | set(cut)  # for error hints
        return gdf

    def layer_reader(
        self,
        parameters: dict,
        name: str,
        context: QgsProcessingContext,
        fields: Iterable[str] | None = None,
        crs_of: str | None = None,
    ) -> LayerReader | None:
        """The source parameter ``name`` read tile by tile (``core.common.tiles``): each
        call reads the features meeting a rectangle through the provider's spatial index
        (None when an optional input is unset). A selection or feature limit is read
        whole by :meth:`read_layer` and cut in memory."""
        value = parameters.get(name)
        if value is None or value == "":
            return None
        whole_layer = not (
            isinstance(value, QgsProcessingFeatureSourceDefinition)
            and (value.selectedFeaturesOnly or value.featureLimit != -1)
        )
        layer = self.parameterAsVectorLayer(parameters, name, context) if whole_layer else None
        if layer is None:
            gdf = self.read_layer(parameters, name, context, None, fields, crs_of)
            return frame_reader(gdf) if gdf is not None else None
        dest_crs = self.input_crs(crs_of) if crs_of is not None else None
        frame_crs = self._inputs[crs_of][1] if crs_of is not None else None
        label = self._input_label(name)
        return source_reader(layer, label, fields, dest_crs, frame_crs, context)

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

    def refuse_outputs_on_inputs(self, parameters: dict, context) -> None:
        """Refuse any sink or file output on top of any input layer (the same GeoPackage
        layer or file, shapefile or PostGIS table), naming both: before anything is read
        or written, by every algorithm."""
        refuse_output_on_input(
            self._input_datasets(parameters, context), self._output_datasets(parameters, context)
        )

    def _input_datasets(self, parameters, context) -> list:
        """(label, dataset) of every layer input that is set."""
        found = []
        for definition in self.parameterDefinitions():
            name = definition.name()
            if parameters.get(name) in (None, ""):
                continue
            if isinstance(definition, QgsProcessingParameterMultipleLayers):
                layers = self.parameterAsLayerList(parameters, name, context)
            elif isinstance(definition, SOURCE_PARAMETERS):
                layer = self.parameterAsLayer(parameters, name, context)
                layers = [layer] if layer is not None else []
            else:
                continue
            for layer in layers:
                dataset = source_dataset(layer.source(), layer.providerType())
                if dataset is not None:
                    found.append((self._input_label(name), dataset))
        return found

    def _output_datasets(self, parameters, context) -> list:
        """(label, dataset) of every sink and file output that is set."""
        found = []
        for definition in self.destinationParameterDefinitions():
            name = definition.name()
            if parameters.get(name) in (None, ""):
                continue
            if isinstance(definition, SINK_PARAMETERS):
                destination = self.parameterAsOutputLayer(parameters, name, context)
            else:
                destination = self.parameterAsFileOutput(parameters, name, context)
            dataset = destination_dataset(destination)
            if dataset is not None:
                found.append((self._input_label(name), dataset))
        return found

    def _input_label(self, name: str) -> str:
        definition = self.parameterDefinition(name)
        return f"{definition.description()} {name}" if definition is not None else name

    def add_profile_parameter(self, key: str = "PROFILE", optional: bool = False) -> None:
        """The rule-profile parameter: a bundled profile's id or the path of a JSON file
        (``optional``: left empty, the default profile; so that models made before an
        algorithm took a profile stay valid)."""
        self.addParameter(
            QgsProcessingParameterString(
                key,
                self.tr("规则档案（内置 {0}，或 JSON 文件路径）").format(
                    "/".join(bundled_profiles())
                ),
                defaultValue="default",
                optional=optional,
            )
        )

    def read_profile(self, parameters: dict, context, key: str = "PROFILE") -> Profile:
        """The rule profile chosen in ``key``, validated (errors name the key and value)."""
        return load_profile(self.parameterAsString(parameters, key, context) or "default")

    def require_projected(self, gdf: gpd.GeoDataFrame, label: str) -> None:
        """Refuse a missing or geographic CRS, naming the CGCS2000 Gauss-Kruger CRS to use,
        and a projected CRS whose metres are not ground metres (Web Mercator)."""
        lon = None
        if len(gdf) and gdf.crs is not None and gdf.crs.is_geographic:
            lon = float(gdf.total_bounds[[0, 2]].mean())
        require_projected_metres(gdf.crs, label, lon)
        if len(gdf):
            require_ground_metres(gdf.crs, gdf.total_bounds, label)

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
        refuse_shapefile_cutting_text(destination, gdf, self._input_label(name))
        if is_spreadsheet(destination):
            gdf = escape_text_cells(gdf)  # no formula from a cell's text (issue 21)
        # an empty output takes the geometry type its parameter declares (no rows to tell)
        declared = (
            None
            if gdf.geometry.notna().any()
            else declared_geometry(self.parameterDefinition(name))
        )
        if is_whole_gpkg_file(destination):
            dest_id = write_gpkg_file(destination, gdf, aliases, style, feedback, declared)
            load_on_completion(self, parameters, name, context, dest_id)
        else:
            dest_id = write_feature_sink(
                self, parameters, name, context, feedback, gdf, crs, aliases, declared
            )
            persist_style(dest_id, aliases, style)
        if context.willLoadLayerOnCompletion(dest_id):
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(
                AliasPostProcessor(aliases, style)
            )
        return dest_id

    def tile_writer(
        self, parameters: dict, name: str, context: QgsProcessingContext
    ) -> GpkgTileWriter | None:
        """A writer of the sink ``name`` tile by tile when it is a new GeoPackage file
        (None otherwise: the tiles are then gathered and written by :meth:`write_output`)."""
        destination = self.parameterAsOutputLayer(parameters, name, context)
        if not is_whole_gpkg_file(destination):
            return None
        return GpkgTileWriter(destination, declared_geometry(self.parameterDefinition(name)))

    def write_tiles(
        self,
        parameters: dict,
        name: str,
        context: QgsProcessingContext,
        feedback,
        frames: Iterable[gpd.GeoDataFrame],
        crs: QgsCoordinateReferenceSystem,
        style: str | None = None,
    ) -> str:
        """Write the sink ``name`` from ``frames`` (one per tile, ``core.common.tiles``):
        each appended to the staged GeoPackage as it comes (other sinks: gathered, then
        written by :meth:`write_output`); nothing is left if the run is cancelled."""
        writer = self.tile_writer(parameters, name, context)
        kept: list[gpd.GeoDataFrame] = []
        columns: list[str] = []
        try:
            for out in frames:
                columns = list(out.columns)
                if writer is not None:
                    writer.append(round_for_output(out))
                else:
                    kept.append(out)
            self.check_canceled(feedback)
            if writer is not None:
                return self.finish_tiles(parameters, name, context, writer, columns, style)
            return self.write_output(
                parameters, name, context, feedback, pd.concat(kept), crs, style=style
            )
        finally:
            if writer is not None:
                writer.discard()

    def finish_tiles(
        self,
        parameters: dict,
        name: str,
        context: QgsProcessingContext,
        writer: GpkgTileWriter,
        columns: Iterable[str],
        style: str | None = None,
    ) -> str:
        """The tiled GeoPackage moved into place with its aliases and style; loaded on
        completion like :meth:`write_output`'s outputs."""
        aliases = field_aliases(list(columns), language())
        dest_id = writer.finish(aliases, style)
        load_on_completion(self, parameters, name, context, dest_id)
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
        feedback = feedback if feedback is not None else getattr(self, "_feedback", None)
        destination = self.parameterAsOutputLayer(parameters, name, context)
        refuse_shapefile_cutting_text(destination, table, self._input_label(name))
        table = round_for_output(table)
        if is_spreadsheet(destination):
            table = escape_text_cells(table)  # no formula from a cell's text (issue 21)
        return write_table_sink(self, parameters, name, context, table, feedback)

    def check_canceled(self, feedback) -> None:
        """Raise (no partial output is ever written) when the user has cancelled."""
        if feedback is not None and feedback.isCanceled():
            raise cancelled_error()
