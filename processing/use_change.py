"""``lowland:usechange`` 用途转变路径 — thin wrapper around
:func:`lowland_plugin.core.checks.use_change.use_change_table`."""

from __future__ import annotations

from ..lowland_plugin.core.checks.use_change import use_change_table, use_change_warnings
from ..lowland_plugin.core.common.validation import require_unique_ids
from .base import LowlandAlgorithm
from .project_checks import ProjectTemplateMixin, joined_output


class UseChangeAlgorithm(ProjectTemplateMixin, LowlandAlgorithm):
    """详细规划动态维护 vs 用途变更手续, with the condition that decided (Y-11)."""

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
            "<p>逐项目判定土地用途转变的办理路径（银川实施意见（十一））。</p>"
            "<ul><li>新用途（混合用地取主用途）与原用途代码相同 → 按原用途管理（original_use）；</li>"
            "<li>建设用地二级类不变仅三级类转换（如 100101 → 100102）、经营性用地调整为公益性用地"
            "（两类代码及依据见 resources/codes/use_character.csv）、一类工业与一类物流仓储用地互调"
            "（100101 ↔ 110101），且不突破详细规划强制性管控、不损害公共利益和相邻权利人合法权益、"
            "不改变用地主体和规划设计条件（mandatory_controls_kept、no_public_harm、same_land_user、"
            "same_planning_conditions 均为是）→ 详细规划动态维护（dynamic_maintenance）；</li>"
            "<li>可走动态维护的转换类型取自规则档案 PROFILE 的 use_switches（原文为“等”，reasons 注明来源）；</li>"
            "<li>其他 → 依法办理用途变更手续（formal_change）。</li></ul>"
            "<p>前提条件为空时不作推测：不能走动态维护，missing_conditions 写明缺少的字段；decided_by 写明"
            "起决定作用的条件（转换类型 switch_type，或不满足、缺失的前提）。land_management 按二级类比较"
            "主用途与原用途：一致按原用途管理，否则办理土地用途变更手续。用途代码为 2023 用地用海分类代码，"
            "须到二级类或三级类；未知代码、只填一个代码报错并列出项目；两个代码都未填写的项目不判定。</p>"
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        self.add_projects_parameters(self.tr("用途转变路径结果"))

    def compute(self, parameters, context, feedback) -> dict:
        projects, crs = self.read_projects(parameters, context, refuse_empty=True)
        require_unique_ids(projects, "project_id", self.tr("项目图层"))
        feedback.setProgress(20)
        self.check_canceled(feedback)
        profile = self.read_profile(parameters, context, self.PROFILE)
        for line in use_change_warnings(profile):
            feedback.pushWarning(line)
        table = use_change_table(
            projects.drop(columns=projects.geometry.name),
            progress=lambda p: feedback.setProgress(20 + 0.4 * p),
            profile=profile,
        )
        self.check_canceled(feedback)
        self._log(feedback, projects["project_id"].tolist(), table)
        out = joined_output(projects, table)
        dest = self.write_output(
            parameters, self.OUTPUT, context, feedback, out, crs, style="usechange"
        )
        feedback.setProgress(100)
        return {self.OUTPUT: dest}

    def _log(self, feedback, ids, table) -> None:
        counts = table["usechange_pathway"].value_counts()
        feedback.pushInfo(
            self.tr(
                "{0} 个项目：按原用途管理 {1}，详细规划动态维护 {2}，办理用途变更手续 {3}，未填写用途 {4}。"
            ).format(
                len(table),
                int(counts.get("original_use", 0)),
                int(counts.get("dynamic_maintenance", 0)),
                int(counts.get("formal_change", 0)),
                int(table["usechange_pathway"].isna().sum()),
            )
        )
        for pid, pathway, why, missing in zip(
            ids,
            table["usechange_pathway"],
            table["decided_by"],
            table["missing_conditions"],
            strict=True,
        ):
            line = f"  {pid}: {pathway} — {why}"
            if pathway == "formal_change" and missing:  # a flag left empty decided
                feedback.pushWarning(line)
            else:
                feedback.pushInfo(line)
