"""``lowland:farcheck`` 容积率核定 — thin wrapper around
:func:`lowland_plugin.core.checks.far.far_check`."""

from __future__ import annotations

from ..lowland_plugin.core.checks.far import far_check
from .base import LowlandAlgorithm
from .project_checks import ProjectTemplateMixin, joined_output, log_verdicts


class FarCheckAlgorithm(ProjectTemplateMixin, LowlandAlgorithm):
    """Counted vs allowed floor area per project (Y-4, N-1)."""

    def name(self) -> str:
        return "farcheck"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("容积率核定")

    def group(self) -> str:
        return self.tr("再开发政策核算")

    def groupId(self) -> str:  # noqa: N802 (QGIS API)
        return "checks"

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr(
            "<p>逐项目核定计容建筑面积是否在允许范围内（银川实施意见（四），自然资发〔2023〕171号 第1项）。</p>"
            "<ul><li>计容建筑面积 gfa_counted = 拟建总建筑面积 gfa_proposed − 既有住宅加装电梯、楼梯、公共走廊、"
            "无障碍、保温等附属设施面积 gfa_addon（不计容）；</li>"
            "<li>允许建筑面积 gfa_allowed = 规划容积率上限 far_max × 项目用地面积 area_m2（投影坐标系平面面积）"
            "+ 无偿移交政府的公益性设施和公共开放空间面积 gfa_handover（按贡献建筑面积 1:1 补齐）；"
            "填写 handover_by_category（JSON：education、health、elderly、community、utility、open_space）时，"
            "各类之和须等于 gfa_handover；</li>"
            "<li>gfa_margin = gfa_allowed − gfa_counted；far_pass：计容面积不超过允许面积即通过（相等通过）；</li>"
            "<li>公益项目（public_project：市政基础设施、公共服务设施、公共安全设施，不含经营性项目）不受规划容积率限制，"
            "far_pass 为真并注明前提：不影响周边居住环境、交通出行及既有建筑安全。</li></ul>"
            "<p>gfa_addon、gfa_handover 为空按 0 计；非公益项目 far_max 为空、gfa_proposed 为空或按类别面积"
            "不符时报错并列出项目。reasons 字段以 JSON 列出条款、数值、阈值与是否满足。</p>"
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        self.add_projects_parameters(self.tr("容积率核定结果"))

    def compute(self, parameters, context, feedback) -> dict:
        projects, crs = self.read_projects(parameters, context)
        feedback.setProgress(30)
        self.check_canceled(feedback)
        result = far_check(projects, self.tr("项目图层"))
        log_verdicts(
            feedback,
            projects["project_id"],
            result.table["far_pass"],
            self.tr("容积率核定通过（含公益项目）{0} 个项目。"),
            self.tr("{0} 个项目计容建筑面积超出允许面积：{1}"),
        )
        feedback.setProgress(60)
        self.check_canceled(feedback)
        out = joined_output(projects, result.table)
        dest = self.write_output(
            parameters, self.OUTPUT, context, feedback, out, crs, style="farcheck"
        )
        return {self.OUTPUT: dest}
