"""``lowland:usechange`` 用途转变路径 — thin wrapper around
:func:`lowland_plugin.core.use_change.use_change_table`."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
)

from ..lowland_plugin.core.use_change import use_change_table
from .base import LowlandAlgorithm
from .project_checks import (
    field_map_parameter,
    joined_output,
    read_field_map,
    read_template_layer,
    refuse_unused_map_entries,
)


class UseChangeAlgorithm(LowlandAlgorithm):
    """详细规划动态维护 vs 用途变更手续, with the condition that decided (Y-11)."""

    PROJECTS = "PROJECTS"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "usechange"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("用途转变路径")

    def group(self) -> str:
        return self.tr("再开发政策核算")

    def groupId(self) -> str:  # noqa: N802 (QGIS API)
        return "checks"

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr(
            "<p>判定项目用途转变的办理路径（银川实施意见（十一））。在不突破详细规划强制性管控、不损害公共利益和相邻权利人"
            "合法权益、不改变用地主体和规划设计条件（mandatory_controls_kept、no_public_harm、same_land_user、"
            "same_planning_conditions 均为是）的前提下，以下情形可申请详细规划动态维护（dynamic_maintenance）："
            "建设用地二级类不变仅三级类转换；经营性用地调整为公益性用地（代码集见 use_character.csv）；"
            "一类工业（100101）与一类物流仓储（110101）互调。新用途与原用途相同 → 按原用途管理（original_use）；"
            "其他 → 依法办理用途变更手续（formal_change）。land_management 按二级类比较主用途与原用途；"
            "decided_by 写明起决定作用的条件，前提条件缺失时逐项写明，不作推测。</p>"
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.PROJECTS, self.tr("项目图层"), [QgsProcessing.TypeVectorPolygon]
            )
        )
        self.addParameter(field_map_parameter())
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("用途转变路径结果"), QgsProcessing.TypeVectorPolygon
            )
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        explicit = read_field_map(self, parameters, context, ("projects",))
        projects = read_template_layer(
            self, parameters, self.PROJECTS, context, "projects", explicit, self.tr("项目图层")
        )
        refuse_unused_map_entries(explicit, {"projects": projects})
        feedback.setProgress(30)
        table = self.run_core(use_change_table, projects.drop(columns="geometry"))
        for pid, pathway, why in zip(
            projects["project_id"], table["usechange_pathway"], table["decided_by"], strict=True
        ):
            feedback.pushInfo(f"  {pid}: {pathway} — {why}")
        out = joined_output(projects, table)
        crs = self.parameterAsSource(parameters, self.PROJECTS, context).sourceCrs()
        return {
            self.OUTPUT: self.write_output(parameters, self.OUTPUT, context, feedback, out, crs)
        }
