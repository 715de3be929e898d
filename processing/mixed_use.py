"""``lowland:mixeduse`` 混合用地核算 — thin wrapper around
:func:`lowland_plugin.core.checks.mixed_use.mixed_use`."""

from __future__ import annotations

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
)

from ..lowland_plugin.core.checks.mixed_use import lease_terms, mixed_use
from ..lowland_plugin.core.common.frames import geodataframe
from ..lowland_plugin.i18n import language
from .base import LowlandAlgorithm, field_map_parameter
from .project_checks import (
    ProjectTemplateMixin,
    joined_output,
    refuse_empty_projects,
    refuse_unused_map_entries,
)


def lease_terms_text(lang: str) -> str:
    """The statutory maximum lease terms of ``lease_terms.csv`` in words, for the help
    ("居住用地 07 为 70 年，…"), so that the help never restates a number of the table."""
    parts = []
    for row in lease_terms():
        if lang == "en":
            words = [
                row["name_en"].lower(),
                " and ".join(row["prefixes"]),
                f"{row['max_years']} years",
            ]
        else:
            words = [row["name_zh"], "、".join(row["prefixes"]), f"为 {row['max_years']} 年"]
        parts.append(" ".join(w for w in words if w))
    return ("; " if lang == "en" else "，").join(parts)


class MixedUseAlgorithm(ProjectTemplateMixin, LowlandAlgorithm):
    """Y-10, N-8: use shares, main use, lease term per use, combined start price."""

    ZONES = "ZONES"
    USES = "USES"
    PROFILE = "PROFILE"

    def name(self) -> str:
        return "mixeduse"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("混合用地核算")

    def group(self) -> str:
        return self.tr("再开发政策核算")

    def groupId(self) -> str:  # noqa: N802 (QGIS API)
        return "checks"

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr(
            "<p>核算混合用地的用途比例、主要用途、分用途出让年限和综合出让起始价（银川实施意见（十），"
            "自然资发〔2023〕171号 第8项）。每个项目输出一行，另可输出每个项目每种用途一行的明细表。</p>"
            "<ul><li>用途比例：项目有功能分区（ZONES，字段 project_id、use_code）时，= 各用途功能分区面积（裁剪到"
            "项目用地）/ 项目总用地面积，未被分区覆盖的用地单列（uncovered_m2），不计入任何用途；"
            "无法划分功能分区的，= 各用途计容建筑面积 / 计容总建筑面积（gfa_by_use，JSON {{用途代码: 平方米}}）。"
            "用途代码为用地用海分类（2023）代码。</li>"
            "<li>主要用途：比例最大的用途；多个用途比例相等（差值不超过 1e-9）时 main_use 留空，main_use_tie = 是，"
            "tied_uses 列出并列用途，由审批确定。</li>"
            "<li>出让年限：按用途分别设定（lease_years_by_use），不得超过该用途法定最高年限（《城镇国有土地使用权出让和"
            "转让暂行条例》第十二条，按用途代码前缀查 lease_terms.csv：{0}）；超过的按最高年限核定并说明理由，"
            "未拟定的取最高年限。0702 城镇社区服务设施、0704 农村社区服务设施虽列于居住用地下，但非住宅，"
            "按教育、科技、文化、卫生、体育用地核定（50 年）。</li>"
            "<li>正负面清单：规则档案 PROFILE 的 mixed_use_positive / mixed_use_negative（用途代码或前缀，"
            "默认为空，本地取值）；负面清单内或非空正面清单外的用途列于 uses_not_allowed 并警告。</li>"
            "<li>综合出让起始价：分用途评估后综合核算，combined_unit_price = Σ 用途比例 × 该用途评估单价"
            "（price_by_use，元/平方米土地），combined_price = combined_unit_price × 用地面积（元）；"
            "缺少任一用途单价时不计算并说明；未被功能分区覆盖的用地不计价，运行时警告并写明项目与未计价面积。</li></ul>"
        ).format(lease_terms_text(language()))

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        polygon = [QgsProcessing.SourceType.TypeVectorPolygon]
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.PROJECTS, self.tr("项目图层"), polygon)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ZONES, self.tr("功能分区图层"), polygon, optional=True
            )
        )
        self.addParameter(field_map_parameter())
        self.add_profile_parameter(self.PROFILE, optional=True)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("混合用地核算结果"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.USES,
                self.tr("分用途明细表"),
                QgsProcessing.SourceType.TypeVector,
                optional=True,
                createByDefault=True,
            )
        )

    def compute(self, parameters, context, feedback) -> dict:
        explicit = self.read_field_map(parameters, context, ("projects", "zones"))
        projects = self.read_template_layer(
            parameters, self.PROJECTS, context, "projects", explicit, self.tr("项目图层")
        )
        crs = self.input_crs(self.PROJECTS)
        refuse_empty_projects(projects)
        layers = {"projects": projects}
        feedback.setProgress(20)
        self.check_canceled(feedback)
        zones = None
        if parameters.get(self.ZONES) not in (None, ""):
            zones = self.read_template_layer(
                parameters,
                self.ZONES,
                context,
                "zones",
                explicit,
                self.tr("功能分区图层"),
                crs_of=self.PROJECTS,
            )
            layers["zones"] = zones
        refuse_unused_map_entries(explicit, layers)
        feedback.setProgress(40)
        self.check_canceled(feedback)
        profile = self.read_profile(parameters, context, self.PROFILE)
        result = mixed_use(
            projects, zones, self.tr("项目图层"), self.tr("功能分区图层"), profile=profile
        )
        for line in result.warnings:
            feedback.pushWarning(line)
        self._log(feedback, result.table)
        feedback.setProgress(60)
        self.check_canceled(feedback)
        out = joined_output(projects, result.table)
        dest = self.write_output(
            parameters, self.OUTPUT, context, feedback, out, crs, style="mixeduse"
        )
        results = {self.OUTPUT: dest}
        if parameters.get(self.USES) not in (None, ""):
            uses = result.extra
            if len(uses):
                uses = geodataframe(uses, np.full(len(uses), None, dtype=object))
                results[self.USES] = self.write_output(
                    parameters, self.USES, context, feedback, uses, QgsCoordinateReferenceSystem()
                )
            else:  # no project has a use: an empty table (a sink without geometry)
                results[self.USES] = self.write_table(parameters, self.USES, context, uses)
        feedback.setProgress(100)
        return results

    def _log(self, feedback, table) -> None:
        for row in table.itertuples(index=False):
            if _true(row.main_use_tie):
                feedback.pushWarning(
                    self.tr("项目 {0} 多个用途比例并列最大（{1}），主要用途留空。").format(
                        row.project_id, row.tied_uses
                    )
                )
            elif isinstance(row.main_use, str):
                feedback.pushInfo(
                    self.tr("项目 {0} 主要用途 {1}（比例 {2:.4f}）。").format(
                        row.project_id, row.main_use, row.main_share
                    )
                )
            if _true(row.lease_capped):
                feedback.pushWarning(
                    self.tr(
                        "项目 {0} 的拟定出让年限超过法定最高年限，已按最高年限核定：{1}"
                    ).format(row.project_id, row.lease_terms)
                )


def _true(flag) -> bool:
    """A nullable boolean cell (numpy bool, pandas NA) as a plain truth value."""
    return flag is not None and not pd.isna(flag) and bool(flag)
