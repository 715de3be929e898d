"""``lowland:progressstats`` 进展统计 — thin wrapper around
:func:`lowland_plugin.core.database.progress.progress_statistics`."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterString,
)

from ..lowland_plugin.core.common.fields import round_for_output
from ..lowland_plugin.core.database.progress import checked_areas, progress_statistics
from .base import LowlandAlgorithm


class ProgressStatisticsAlgorithm(LowlandAlgorithm):
    """Counts and areas of low-efficiency land by type, district, unit and status."""

    PARCELS = "PARCELS"
    PERIOD = "PERIOD"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "progressstats"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("低效用地再开发进展统计")

    def group(self) -> str:
        return self.tr("上图入库")

    def groupId(self) -> str:  # noqa: N802 (QGIS API)
        return "database"

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr(
            "<p>为半年度进展报告（自然资发〔2023〕171号 三（二）；银川实施意见（二））统计低效用地的宗数与面积（亩、公顷）："
            "按低效类型（核查后的最终类型）、行政区（admin_code）、再开发单元（unit_id）和进展状态"
            "（redevelopment_status：identified 已认定、planned 已纳入实施方案、under_way 实施中、completed 已完成；"
            "缺失时计为已认定）。输入为低效用地认定结果；输出为长表，可在文档与电子表格中透视。</p>"
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.PARCELS,
                self.tr("低效用地认定结果"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.PERIOD, self.tr("统计期（如 2025年上半年）"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("进展统计表"), QgsProcessing.SourceType.TypeVector
            )
        )

    def compute(self, parameters, context, feedback) -> dict:
        # geometry is not used (areas come from area_m2 where present): not checked
        parcels = self.read_layer(parameters, self.PARCELS, context, None, check_geometry=False)
        self.require_projected(parcels, self.tr("低效用地认定结果"))
        area, warnings = checked_areas(parcels, parcels.geometry.area.to_numpy())
        for warning in warnings:
            feedback.pushWarning(warning)
        parcels = parcels.assign(area_m2=area.to_numpy())
        table = progress_statistics(parcels.drop(columns="geometry"))
        period = self.parameterAsString(parameters, self.PERIOD, context)
        if period:
            table.insert(0, "period", period)
        table = round_for_output(table)  # the log line below reads the rounded figures
        dest = self.write_table(parameters, self.OUTPUT, context, table, feedback)
        total = table[(table["dimension"] == "total") & (table["status"] == "all")].iloc[0]
        feedback.pushInfo(
            self.tr("低效用地 {0} 宗，{1:.2f} 亩。").format(
                int(total["parcel_count"]), total["area_mu"]
            )
        )
        return {self.OUTPUT: dest}
