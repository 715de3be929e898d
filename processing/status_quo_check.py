"""``lowland:statusquocheck`` 按现状条件核定 — thin wrapper around
:func:`lowland_plugin.core.checks.status_quo.status_quo_check`."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
)

from ..lowland_plugin.core.checks.status_quo import status_quo_check
from ..lowland_plugin.core.common.frames import geodataframe
from ..lowland_plugin.core.common.mapping import template_frame
from .base import LowlandAlgorithm, field_map_parameter
from .project_checks import ProjectTemplateMixin, refuse_unused_map_entries


class StatusQuoCheckAlgorithm(ProjectTemplateMixin, LowlandAlgorithm):
    """Y-5: indicators that cannot meet the current norm may not fall below the current
    condition; safety, fire and environmental norms are never relaxed."""

    STATUSQUO = "STATUSQUO"
    SUMMARY = "SUMMARY"

    def name(self) -> str:
        return "statusquocheck"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("按现状条件核定")

    def group(self) -> str:
        return self.tr("再开发政策核算")

    def groupId(self) -> str:  # noqa: N802 (QGIS API)
        return "checks"

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr(
            "<p>按现状条件核定原址新建、改（扩）建及翻新项目的技术指标（银川实施意见（五））。"
            "输入现状指标表（每个项目每项指标一行：item、norm_value 现行标准值、current_value 现状值、"
            "proposed_value 方案值、consulted 已征询利害关系人意见、publicized 已公示、joint_review 已联合审查），"
            "可为无几何的属性表。</p>"
            "<ul><li>meets_norm：方案值按该指标的较优方向达到现行标准（higher：方案值 ≥ 标准值；lower：方案值 ≤ 标准值，"
            "如面宽的标准为最大连续展开面宽；指标及方向取规则档案 PROFILE 的 statusquo_items，含等于）→ pass；</li>"
            "<li>第一层：退距、面宽、密度、日照、绿地率、停车位等可按现状管控的指标未达标时，以不低于现状为底线："
            "方案值不低于现状值（higher：≥ 现状；lower：≤ 现状）→ pass_not_worse，无需另行程序；</li>"
            "<li>第二层：低于现状的，须征询利害关系人意见、公示并经行业主管部门联合审查论证后合理核定"
            "（needs_consultation = 是）：consulted、publicized 与 joint_review 均为是 → pass_joint_review"
            "（记录联合审查的核定结果），否则 fail；</li>"
            "<li>安全、消防、环保指标（fire、safety、environment）不得降低：未达标即 fail，不论是否不低于现状；</li>"
            "<li>核定所需数值为空 → missing，sq_missing_fields 写明缺少的字段，不作推测。</li></ul>"
            "<p>item 可填代码或中文名称（如 setback 或 退距），未知指标报错并列出可用指标。输出每行一条核定结果"
            "（sq_status、sq_pass、reasons），汇总表每个项目一行：全部指标是否通过（sq_all_pass）、"
            "未通过、经联合审查核定、缺值的指标。给出项目图层时带入项目名称与项目用地图形。</p>"
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.STATUSQUO, self.tr("现状指标表"), [QgsProcessing.SourceType.TypeVector]
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.PROJECTS,
                self.tr("项目图层"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(field_map_parameter())
        self.add_profile_parameter(self.PROFILE, optional=True)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("按现状条件核定结果"), QgsProcessing.SourceType.TypeVector
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.SUMMARY,
                self.tr("按现状条件核定项目汇总"),
                QgsProcessing.SourceType.TypeVector,
                optional=True,
                createByDefault=True,
            )
        )

    def compute(self, parameters, context, feedback) -> dict:
        explicit = self.read_field_map(parameters, context, ("statusquo", "projects"))
        label = self.tr("现状指标表")
        table = self.read_layer(parameters, self.STATUSQUO, context, None)
        if table.empty:
            raise QgsProcessingException(
                self.tr("现状指标表没有记录。") + " / the status-quo table has no rows."
            )
        table = template_frame(table, "statusquo", explicit, ("project_id", "item"), label)
        feedback.setProgress(20)
        self.check_canceled(feedback)
        projects, crs = None, QgsCoordinateReferenceSystem()
        layers = {"statusquo": table}
        if parameters.get(self.PROJECTS) not in (None, ""):
            projects = self.read_template_layer(
                parameters, self.PROJECTS, context, "projects", explicit, self.tr("项目图层")
            )
            crs = self.input_crs(self.PROJECTS)
            layers["projects"] = projects
        refuse_unused_map_entries(explicit, layers)
        feedback.setProgress(40)
        self.check_canceled(feedback)
        profile = self.read_profile(parameters, context, self.PROFILE)
        result = status_quo_check(table, projects, label, self.tr("项目图层"), profile)
        for line in result.info:
            feedback.pushInfo(line)
        for line in result.warnings:
            feedback.pushWarning(line)
        self._log(feedback, result.table, result.extra)
        feedback.setProgress(60)
        self.check_canceled(feedback)
        rows = geodataframe(result.table, np.full(len(result.table), None, dtype=object))
        self.check_accounted(table, rows, "project_id", self.displayName(), same_geometry=False)
        dest = self.write_output(
            parameters, self.OUTPUT, context, feedback, rows, QgsCoordinateReferenceSystem()
        )
        results = {self.OUTPUT: dest}
        if parameters.get(self.SUMMARY) not in (None, ""):
            summary = result.extra
            if projects is None:
                summary = geodataframe(summary, np.full(len(summary), None, dtype=object))
            results[self.SUMMARY] = self.write_output(
                parameters, self.SUMMARY, context, feedback, summary, crs
            )
        feedback.setProgress(100)
        return results

    def _log(self, feedback, rows, summary) -> None:
        counts = rows["sq_status"].value_counts()
        feedback.pushInfo(
            self.tr(
                "核定 {0} 项指标：通过 {1}，不低于现状 {2}，经联合审查合理核定 {3}，"
                "未通过 {4}，缺值 {5}。"
            ).format(
                len(rows),
                int(counts.get("pass", 0)),
                int(counts.get("pass_not_worse", 0)),
                int(counts.get("pass_joint_review", 0)),
                int(counts.get("fail", 0)),
                int(counts.get("missing", 0)),
            )
        )
        for row in summary.itertuples(index=False):
            if row.sq_project_status == "fail":
                feedback.pushWarning(
                    self.tr("项目 {0} 未通过的指标：{1}").format(row.project_id, row.sq_fail_items)
                )
            if row.sq_review_items:
                feedback.pushInfo(
                    self.tr("项目 {0} 经征询意见、公示及联合审查合理核定的指标：{1}").format(
                        row.project_id, row.sq_review_items
                    )
                )
            if row.sq_missing_items:
                feedback.pushWarning(
                    self.tr("项目 {0} 缺少核定数值的指标：{1}").format(
                        row.project_id, row.sq_missing_items
                    )
                )
