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
            "<ul><li>计容建筑面积 gfa_counted = 拟建总建筑面积 gfa_proposed − 加装电梯、楼梯、公共走廊、"
            "无障碍、保温等附属设施面积 gfa_addon：仅在既有住宅上（existing_housing = 是）不计容，"
            "否则计入并在 reasons 中说明；</li>"
            "<li>允许建筑面积 gfa_allowed = 规划容积率上限 far_max × 项目用地面积 area_m2（投影坐标系平面面积）"
            "+ 补齐面积 gfa_compensated：无偿移交面积 gfa_handover 中，handover_by_category（JSON {{类别: 平方米}}）"
            "所列、且在规则档案 handover_categories 清单内的类别，× handover_factor（规则档案，注明来源）；"
            "清单外的类别（原文为“等”）列出但不补齐，类别未填写的不补齐（“类别未填写，未补齐”），并警告；"
            "各类之和须等于 gfa_handover；</li>"
            "<li>gfa_margin = gfa_allowed − gfa_counted；far_pass：计容面积不超过允许面积即通过（相等通过）；</li>"
            "<li>公益项目（public_project：市政基础设施、公共服务设施、公共安全设施）仅当 no_harm_neighbours、"
            "no_harm_traffic、no_harm_buildings（不影响周边居住环境、交通出行及既有建筑安全）均记录为是时"
            "不受规划容积率限制，其中商业开发类经营性部分 gfa_commercial 仍按规划容积率核定；任一为否按规划容积率核定；"
            "未记录的不作检验（reasons 中 met 为空），超出规划容积率时 far_pass 为空。</li></ul>"
            "<p>gfa_addon、gfa_handover 为空按 0 计；非公益项目 far_max 为空、gfa_proposed 为空或按类别面积"
            "不符时报错并列出项目。reasons 字段以 JSON 列出条款、数值、阈值、是否满足与规则档案来源；"
            "使用待定或本地取值时运行警告一次。</p>"
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        self.add_projects_parameters(self.tr("容积率核定结果"))

    def compute(self, parameters, context, feedback) -> dict:
        projects, crs = self.read_projects(parameters, context)
        feedback.setProgress(30)
        self.check_canceled(feedback)
        profile = self.read_profile(parameters, context, self.PROFILE)
        result = far_check(projects, self.tr("项目图层"), profile)
        for line in result.warnings:
            feedback.pushWarning(line)
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
