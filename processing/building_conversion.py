"""``lowland:buildingconversion`` 存量建筑功能转换 — thin wrapper around
:func:`lowland_plugin.core.use_change.conversion_table`."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterString,
)

from ..lowland_plugin.core.checks_price import template_frame
from ..lowland_plugin.core.profiles import bundled_profiles, load_profile
from ..lowland_plugin.core.use_change import conversion_table
from .base import LowlandAlgorithm
from .project_checks import field_map_parameter, read_field_map, write_table


class BuildingConversionAlgorithm(LowlandAlgorithm):
    """Eligibility of a building or floor for function conversion (Y-12, N-11)."""

    CONVERSION = "CONVERSION"
    PROFILE = "PROFILE"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "buildingconversion"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("存量建筑功能转换")

    def group(self) -> str:
        return self.tr("再开发政策核算")

    def groupId(self) -> str:  # noqa: N802 (QGIS API)
        return "checks"

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr(
            "<p>逐幢（栋）或楼层核查存量建筑功能转换的条件（银川实施意见（十二），自然资发〔2023〕171号 第11项）："
            "原土地使用权人申请、履行出让合同、不变更土地使用权人、不改动主体结构、高度、层数且不新增建筑面积、"
            "无违法建设、无预告登记、查封登记、异议登记、未纳入征收范围、无法院或仲裁机构的物权变动生效文书。</p>"
            "<p>条件均满足且拟转换功能在规则档案的正面清单内、转换面积比例不超过上限（含等于）→ 视同符合详细规划"
            "（eligible_plan_conforming，出具联合审查意见）；超出清单或比例 → 依法办理用途变更（formal_use_change）；"
            "有条件不满足 → not_eligible（failed_conditions 写明）；资料缺失 → missing。历史建筑、文保单位及历史文化"
            "保护区域内建筑另须遵守保护规定（heritage_rules）。</p>"
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.CONVERSION, self.tr("功能转换申报表（幢或层）"), [QgsProcessing.TypeVector]
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.PROFILE,
                self.tr("规则档案（内置 {0}，或 JSON 文件路径）").format(
                    "/".join(bundled_profiles())
                ),
                defaultValue="default",
            )
        )
        self.addParameter(field_map_parameter())
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("功能转换核查结果"), QgsProcessing.TypeVector
            )
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        profile = self.run_core(
            load_profile, self.parameterAsString(parameters, self.PROFILE, context) or "default"
        )
        explicit = read_field_map(self, parameters, context, ("conversion",))
        units = self.read_layer(parameters, self.CONVERSION, context, None)
        label = self.tr("功能转换申报表（幢或层）")
        units = self.run_core(template_frame, units, "conversion", explicit, ("unit_ref",), label)
        params = profile.conversion.params
        feedback.pushInfo(self.tr("规则档案：{0}（{1}）").format(profile.label, profile.name))
        table = self.run_core(
            conversion_table,
            units.drop(columns="geometry"),
            params["positive_list"],
            float(params["max_ratio"]),
        )
        table.insert(0, "unit_ref", units["unit_ref"].to_numpy())
        if "project_id" in units.columns:
            table.insert(1, "project_id", units["project_id"].to_numpy())
        table["profile_id"] = profile.id
        table["profile_version"] = profile.version
        for ref, status in zip(table["unit_ref"], table["conversion_status"], strict=True):
            feedback.pushInfo(f"  {ref}: {status}")
        return {self.OUTPUT: write_table(self, parameters, self.OUTPUT, context, table)}
