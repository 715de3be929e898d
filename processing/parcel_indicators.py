"""``lowland:parcelindicators`` 地块指标计算 — thin wrapper around
:func:`lowland_plugin.core.identify.indicators.compute_parcel_indicators`."""

from __future__ import annotations

import numpy as np
import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
)

from ..lowland_plugin.bridge.feedback import ScaledFeedback
from ..lowland_plugin.core.common.frames import geodataframe
from ..lowland_plugin.core.common.tiles import tile_count, tile_inputs
from ..lowland_plugin.core.identify.indicators import (
    INDICATOR_FIELDS,
    compute_parcel_indicators,
)
from ..lowland_plugin.core.identify.tiled import (
    buildings_outside,
    indicators_frame,
    indicators_tile,
    layer_size,
    merged_warnings,
)
from .base import LowlandAlgorithm, tile_size

#: Buildings fields the indicators use.
_BUILDING_FIELDS = ("building_id", "gfa", "floors", "year_built", "danger_grade")


class ParcelIndicatorsAlgorithm(LowlandAlgorithm):
    """Area, floor area, FAR, density, building age and danger share per parcel."""

    PARCELS = "PARCELS"
    BUILDINGS = "BUILDINGS"
    PROFILE = "PROFILE"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "parcelindicators"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("地块指标计算")

    def group(self) -> str:
        return self.tr("低效用地认定")

    def groupId(self) -> str:  # noqa: N802 (QGIS API)
        return "identification"

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr(
            "<p>按宗地计算面积（平方米、亩）、建筑面积、容积率、建筑密度、建筑栋数、最早建成年份、"
            "危房占比（口径与等级取规则档案 danger_basis、dangerous_grades，默认按建筑面积、C/D 级）。这些是低效用地认定（银川实施意见（一），自然资发〔2023〕171号 第12项）"
            "所用的现状指标。</p>"
            "<p>跨越两宗地的建筑按裁切后的占地比例分别计入；建筑面积取字段 gfa，为空时取占地×层数，"
            "两者都为空时不计入并在 gfa_unknown_count 中标明。未提供建筑图层时建筑指标为空（未知，"
            "不按 0 计）。</p>"
            "<p>宗地图层必须使用以米为单位的投影坐标系（如 CGCS2000 3度带 EPSG:4544）；"
            "地理坐标系会被拒绝并提示应使用的坐标系。建筑图层坐标系不同时自动转换到宗地坐标系。</p>"
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.PARCELS, self.tr("宗地图层"), [QgsProcessing.SourceType.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BUILDINGS,
                self.tr("建筑图层"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.add_profile_parameter(self.PROFILE, optional=True)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("地块指标"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )

    def compute(self, parameters, context, feedback) -> dict:
        feedback.pushInfo(self.tr("读取宗地…"))
        parcels = self.read_layer(parameters, self.PARCELS, context, None)
        crs = self.input_crs(self.PARCELS)
        self.require_projected(parcels, self.tr("宗地图层"))
        feedback.setProgress(5)
        self.check_canceled(feedback)
        if len(parcels) > tile_size():
            return self._compute_tiled(parameters, context, feedback, parcels, crs)
        feedback.pushInfo(self.tr("读取建筑…"))
        buildings = self.read_layer(
            parameters, self.BUILDINGS, context, None, fields=_BUILDING_FIELDS, crs_of=self.PARCELS
        )
        feedback.setProgress(15)
        self.check_canceled(feedback)

        profile = self.read_profile(parameters, context)
        result = compute_parcel_indicators(
            parcels,
            buildings,
            progress=lambda p: feedback.setProgress(15 + 0.55 * p),
            danger_basis=profile.value("danger_basis"),
            dangerous_grades=profile.value("dangerous_grades"),
        )
        pending = profile.pending(["danger_basis", "dangerous_grades"])
        if pending:
            feedback.pushWarning(
                self.tr("档案数值未采用（待确认）：{0}").format("；".join(pending))
            )
        for warning in result.warnings:
            feedback.pushWarning(warning)
        self.check_canceled(feedback)

        shadowed = [f for f in INDICATOR_FIELDS if f in parcels.columns]
        if shadowed:
            feedback.pushWarning(
                self.tr("输入字段 {0} 与指标同名，已由计算结果替换。").format(", ".join(shadowed))
            )
        attributes = parcels.drop(columns=[*shadowed, parcels.geometry.name])
        out = geodataframe(
            pd.concat([attributes, result.table], axis=1),
            np.asarray(parcels.geometry.values),
            parcels.crs,
        )
        feedback.pushInfo(
            self.tr("共 {0} 宗地，{1} 栋建筑。").format(
                len(parcels), 0 if buildings is None else len(buildings)
            )
        )
        self.check_accounted(parcels, out, "parcel_id", self.displayName())
        dest = self.write_output(
            parameters, self.OUTPUT, context, ScaledFeedback(feedback, 70, 30), out, crs
        )
        return {self.OUTPUT: dest}

    def _compute_tiled(self, parameters, context, feedback, parcels, crs) -> dict:
        """Bounded memory (issue 20 item 2): the parcels in spatial tiles, each with the
        buildings touching it read from the layer's spatial index, written as it comes;
        the same rows as the untiled run (``core.identify.tiled``)."""
        size = tile_size()
        count = tile_count(len(parcels), size)
        feedback.pushInfo(
            self.tr("宗地 {0} 宗，按空间分块处理（每块 {1} 宗，共 {2} 块）。").format(
                len(parcels), size, count
            )
        )
        read = self.layer_reader(
            parameters, self.BUILDINGS, context, _BUILDING_FIELDS, crs_of=self.PARCELS
        )
        profile = self.read_profile(parameters, context)
        options = {
            "danger_basis": profile.value("danger_basis"),
            "dangerous_grades": profile.value("dangerous_grades"),
        }
        warnings: list[list[str]] = []
        touched: list = []

        def frames():
            for done, item in enumerate(tile_inputs(parcels, {"buildings": read}, size)):
                self.check_canceled(feedback)
                result = indicators_tile(item, **options)
                own = parcels.loc[result.table.index]
                out = indicators_frame(own, result.table)
                self.check_accounted(own, out, "parcel_id", self.displayName())
                warnings.append(result.warnings)
                touched.append(result.touched)
                feedback.setProgress(5 + 90 * (done + 1) / count)
                yield out

        dest = self.write_tiles(parameters, self.OUTPUT, context, feedback, frames(), crs)
        outside = buildings_outside(layer_size(read), touched)
        for warning in merged_warnings(warnings, outside):
            feedback.pushWarning(warning)
        shadowed = [f for f in INDICATOR_FIELDS if f in parcels.columns]
        if shadowed:
            feedback.pushWarning(
                self.tr("输入字段 {0} 与指标同名，已由计算结果替换。").format(", ".join(shadowed))
            )
        return {self.OUTPUT: dest}
