"""``lowland:delineateblocks`` 街坊划分 — thin wrapper around
:func:`lowland_plugin.core.units.blocks.delineate_blocks`."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..lowland_plugin.bridge import layers as qgis_bridge
from ..lowland_plugin.bridge.feedback import ScaledFeedback
from ..lowland_plugin.core.common.fields import field_aliases
from ..lowland_plugin.core.units import blocks as core
from ..lowland_plugin.i18n import language
from .base import LowlandAlgorithm


class DelineateBlocksAlgorithm(LowlandAlgorithm):
    """Blocks bounded by road red lines (Y-3 单元+街坊), parcels assigned to blocks."""

    ROADS = "ROADS"
    WIDTH_FIELD = "WIDTH_FIELD"
    GRADE_FIELD = "GRADE_FIELD"
    BOUNDARY = "BOUNDARY"
    PARCELS = "PARCELS"
    MIN_AREA = "MIN_AREA"
    MIN_WIDTH = "MIN_WIDTH"
    TOLERANCE = "TOLERANCE"
    OUTPUT = "OUTPUT"
    ROAD_RESERVE = "ROAD_RESERVE"
    REMOVED = "REMOVED"
    PARCELS_OUTPUT = "PARCELS_OUTPUT"

    def name(self) -> str:
        return "delineateblocks"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("街坊划分")

    def group(self) -> str:
        return self.tr("单元与街坊")

    def groupId(self) -> str:  # noqa: N802 (QGIS API)
        return "units"

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr(
            "<p>按道路红线划分街坊，为“单元+街坊”管控（银川实施意见（三），自然资发〔2023〕171号 第1、3项）"
            "提供街坊底图，并把宗地归入街坊。</p>"
            "<ul><li>道路用地 = 道路中心线按红线宽度一半作平头缓冲（不向路端延伸）；宽度取宽度字段，"
            "为空时按道路等级（快速路/主干路/次干路/支路，或 expressway/arterial/secondary/branch）取"
            " resources/codes/road_widths.csv 的默认宽度（GB 50220-95），并在日志中列出这些道路；"
            "既无宽度又无可识别等级的道路报错。</li>"
            "<li>街坊 = 范围减去道路用地后的各个部分。道路端点在容差内接近另一道路端点、另一道路的红线"
            "（画到相交道路红线处、画入红线或略短于红线）或范围边界的，先连接到其中心线或边界；"
            "冲出不超过容差的截除；尽端路只切入街坊，不把街坊分开（会分开时从尽端截短，并列出道路）。</li>"
            "<li>面积小于最小面积或等效宽度（同面积同周长矩形的短边）小于最小宽度的碎片（如双幅路中间的"
            "分隔带、环岛中心岛、范围切出的边角）不作为街坊，输出到“剔除的碎片”并注明面积和原因。</li>"
            "<li>街坊编号 JF001…按自北向南分行、每行自西向东排列，名称 街坊001…；街坊互不重叠，"
            "街坊 + 道路用地 + 剔除碎片的面积等于范围面积（每次运行都核对）。</li>"
            "<li>宗地归入重叠面积最大的街坊，并给出位于道路用地、剔除碎片和范围以外的面积。</li></ul>"
            "<p>各图层须使用以米为单位的投影坐标系（以范围图层的坐标系计算，其他图层自动转换）。</p>"
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        polygon = [QgsProcessing.SourceType.TypeVectorPolygon]
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ROADS, self.tr("道路中心线图层"), [QgsProcessing.SourceType.TypeVectorLine]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.WIDTH_FIELD,
                self.tr("红线宽度字段（米）"),
                defaultValue="width",
                parentLayerParameterName=self.ROADS,
                type=QgsProcessingParameterField.DataType.Any,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.GRADE_FIELD,
                self.tr("道路等级字段"),
                defaultValue="grade",
                parentLayerParameterName=self.ROADS,
                type=QgsProcessingParameterField.DataType.Any,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.BOUNDARY, self.tr("范围图层"), polygon)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.PARCELS, self.tr("宗地图层"), polygon, optional=True
            )
        )
        for key, label, default in (
            (self.MIN_AREA, self.tr("街坊最小面积（平方米）"), core.DEFAULT_MIN_AREA_M2),
            (self.MIN_WIDTH, self.tr("街坊最小等效宽度（米）"), core.DEFAULT_MIN_WIDTH_M),
            (self.TOLERANCE, self.tr("端点连接容差（米）"), core.DEFAULT_TOLERANCE_M),
        ):
            self.addParameter(
                QgsProcessingParameterNumber(
                    key,
                    label,
                    type=QgsProcessingParameterNumber.Type.Double,
                    defaultValue=default,
                    minValue=0.0,
                )
            )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("街坊"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        for key, label in (
            (self.ROAD_RESERVE, self.tr("道路用地")),
            (self.REMOVED, self.tr("剔除的碎片")),
            (self.PARCELS_OUTPUT, self.tr("宗地（含所属街坊）")),
        ):
            self.addParameter(
                QgsProcessingParameterFeatureSink(
                    key,
                    label,
                    QgsProcessing.SourceType.TypeVectorPolygon,
                    optional=True,
                    createByDefault=key != self.PARCELS_OUTPUT,
                )
            )

    def _field(self, parameters, key, context) -> str | None:
        value = self.parameterAsString(parameters, key, context)
        return value or None

    def compute(self, parameters, context, feedback) -> dict:
        boundary = self.read_layer(parameters, self.BOUNDARY, context, feedback)
        crs = self.input_crs(self.BOUNDARY)
        self.require_projected(boundary, self.tr("范围图层"))
        roads = self.read_layer(parameters, self.ROADS, context, feedback, crs_of=self.BOUNDARY)
        parcels = self.read_layer(parameters, self.PARCELS, context, feedback, crs_of=self.BOUNDARY)
        feedback.setProgress(10)
        self.check_canceled(feedback)

        step = ScaledFeedback(feedback, 10, 70)

        def progress(value: float) -> None:
            self.check_canceled(feedback)
            step.setProgress(value)

        result = core.delineate_blocks(
            roads,
            boundary,
            parcels,
            width_field=self._field(parameters, self.WIDTH_FIELD, context),
            grade_field=self._field(parameters, self.GRADE_FIELD, context),
            min_area=self.parameterAsDouble(parameters, self.MIN_AREA, context),
            min_width=self.parameterAsDouble(parameters, self.MIN_WIDTH, context),
            tolerance=self.parameterAsDouble(parameters, self.TOLERANCE, context),
            progress=progress,
        )
        for line in result.info:
            feedback.pushInfo(line)
        for line in result.warnings:
            feedback.pushWarning(line)
        self.check_canceled(feedback)

        results = {
            self.OUTPUT: self.write_output(
                parameters, self.OUTPUT, context, feedback, result.blocks, crs, style="blocks"
            )
        }
        optional = (
            (self.ROAD_RESERVE, result.reserve),
            (self.REMOVED, result.removed),
            (self.PARCELS_OUTPUT, result.parcels),
        )
        for key, gdf in optional:
            if gdf is None or parameters.get(key) in (None, ""):
                continue
            self.check_canceled(feedback)
            if gdf.empty:  # no geometry to take the layer type from
                results[key] = self._write_empty(parameters, key, context, gdf, crs)
            else:
                results[key] = self.write_output(parameters, key, context, feedback, gdf, crs)
        return results

    def _write_empty(self, parameters, key, context, gdf, crs) -> str:
        """An empty polygon layer with the output's fields (e.g. no fragment removed)."""
        fields = qgis_bridge.gdf_fields(gdf, field_aliases(gdf.columns, language()))
        sink, dest = self.parameterAsSink(
            parameters, key, context, fields, QgsWkbTypes.Type.MultiPolygon, crs
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, key))
        del sink
        return dest
