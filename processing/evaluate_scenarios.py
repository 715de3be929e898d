"""``lowland:evaluatescenarios`` 方案评估比选 — thin wrapper around
:func:`lowland_plugin.core.scenarios.evaluate.evaluate_scenarios`: the scenarios of a
unit (or of every unit) through the existing checks, side by side."""

from __future__ import annotations

import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..lowland_plugin.bridge.scenario_xlsx import write_comparison_xlsx
from ..lowland_plugin.core.common.values import texts
from ..lowland_plugin.core.documents.plan import unit_compensation_basis
from ..lowland_plugin.core.scenarios.comparison import Comparison, comparison_table, failures_frame
from ..lowland_plugin.core.scenarios.evaluate import evaluate_scenarios
from ..lowland_plugin.i18n import language
from .base import LowlandAlgorithm
from .project_checks import ProjectTemplateMixin


class EvaluateScenariosAlgorithm(ProjectTemplateMixin, LowlandAlgorithm):
    """Each scenario of a unit through the checks (Y-4, Y-7, Y-10, Y-11, Y-14/15, N-9),
    the funding balance and the capacity envelope; one comparison table."""

    SCENARIOS = "SCENARIOS"
    SCENARIO_PROJECTS = "SCENARIO_PROJECTS"
    PIECES = "PIECES"
    ZONES = "ZONES"
    CONTROLS = "CONTROLS"
    UNITS = "UNITS"
    PARCELS = "PARCELS"
    UNIT = "UNIT"
    PROFILE = "PROFILE"
    OUTPUT = "OUTPUT"
    FAILURES = "FAILURES"
    XLSX = "XLSX"

    def name(self) -> str:
        return "evaluatescenarios"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("方案评估比选")

    def group(self) -> str:
        return self.tr("再开发政策核算")

    def groupId(self) -> str:  # noqa: N802 (QGIS API)
        return "checks"

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr(
            "<p>把一个再开发单元的多个方案（方案库的 scenarios 表与 scenario_projects 图层）逐一用现有核算"
            "检验并并列比较：容积率核定（银川实施意见（四））、零星用地（（七），提供零星用地图层时）、混合用地"
            "（（十））、用途转换路径（（十一））、补缴地价（（十四）（十五），自然资发〔2023〕171号 第9项）、"
            "按再开发方式的资金平衡（（三），提供单元统计时）与开发容量（提供控规图层时）。</p>"
            "<ul><li>比选表每个指标一行、每个方案一列（列名为方案编号）：规划总建筑面积、综合容积率、无偿移交面积、"
            "开发容量及使用率与余量、盘活用地面积（收储、原权利人改造、联合的项目用地；保留不计）、补缴地价、"
            "资金收入、支出与平衡（万元）、未通过核查项数；best 列出该行最优的方案（并列的都列出，未知值不参与）。"
            "资金缺口在日志中提示（实施方案应说明资金平衡方案，（三）），不计为未通过核查。"
            "无法计算的值为空（未知），不作 0。</li>"
            "<li>提供低效地块图层（identifyparcels 或 buildunits 的地块输出）时，收储的补偿与拆除按本单元"
            "低效地块的现状建筑面积计，与实施方案第八章的资金平衡一致；不提供则按单元现状总建筑面积估算"
            "（日志提示）。</li>"
            "<li>未通过核查表逐条列出方案、核查、条款、项目与核查自身的理由。</li>"
            "<li>零星用地与功能分区按 project_id 归属项目；带 scenario_id 字段时只用于该方案（空值为各方案共用）。"
            "单元编号 UNIT 为空时比较所有单元。</li></ul>"
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        polygon = [QgsProcessing.SourceType.TypeVectorPolygon]
        table = [QgsProcessing.SourceType.TypeVector]
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.SCENARIOS, self.tr("方案表"), table)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SCENARIO_PROJECTS, self.tr("方案项目图层"), polygon
            )
        )
        for key, label in (
            (self.PIECES, self.tr("零星用地图层")),
            (self.ZONES, self.tr("功能分区图层")),
            (self.CONTROLS, self.tr("控规图层（开发容量）")),
            (self.UNITS, self.tr("再开发单元图层（资金平衡用单元统计）")),
            (self.PARCELS, self.tr("低效地块图层（补偿按其现状建筑面积，同实施方案第八章）")),
        ):
            self.addParameter(
                QgsProcessingParameterFeatureSource(key, label, polygon, optional=True)
            )
        self.addParameter(
            QgsProcessingParameterString(
                self.UNIT, self.tr("单元编号（空：所有单元）"), optional=True
            )
        )
        self.add_profile_parameter(self.PROFILE, optional=True)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("方案比选表"), QgsProcessing.SourceType.TypeVector
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.FAILURES,
                self.tr("未通过核查表"),
                QgsProcessing.SourceType.TypeVector,
                optional=True,
                createByDefault=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.XLSX, self.tr("比选表（XLSX）"), self.tr("Excel (*.xlsx)"), optional=True,
                createByDefault=False,
            )
        )  # fmt: skip

    def _optional_template(self, parameters, context, key, layer, label):
        """An optional template layer (pieces, zones) in canonical fields, or None."""
        if parameters.get(key) in (None, ""):
            return None
        return self.read_template_layer(
            parameters, key, context, layer, {}, label, crs_of=self.SCENARIO_PROJECTS
        )

    def _optional_layer(self, parameters, context, key):
        if parameters.get(key) in (None, ""):
            return None
        return self.read_layer(parameters, key, context, None, crs_of=self.SCENARIO_PROJECTS)

    def compute(self, parameters, context, feedback) -> dict:
        scenarios = self.read_layer(parameters, self.SCENARIOS, context, None, check_geometry=False)
        scenarios = pd.DataFrame(scenarios.drop(columns=scenarios.geometry.name))
        projects = self.read_template_layer(parameters, self.SCENARIO_PROJECTS, context,
                                            "projects", {}, self.tr("方案项目图层"))  # fmt: skip
        pieces = self._optional_template(parameters, context, self.PIECES, "pieces",
                                         self.tr("零星用地图层"))  # fmt: skip
        zones = self._optional_template(parameters, context, self.ZONES, "zones",
                                        self.tr("功能分区图层"))  # fmt: skip
        controls = self._optional_layer(parameters, context, self.CONTROLS)
        units = self._optional_layer(parameters, context, self.UNITS)
        parcels = self._optional_layer(parameters, context, self.PARCELS)
        profile = self.read_profile(parameters, context, self.PROFILE)
        feedback.setProgress(20)
        wanted = (self.parameterAsString(parameters, self.UNIT, context) or "").strip()
        unit_ids = [wanted] if wanted else list(dict.fromkeys(
            u for u in texts(scenarios, "unit_id") if u is not None))  # fmt: skip
        if not unit_ids:
            raise QgsProcessingException(self.tr("方案表没有方案。") + " / no scenario.")
        comparisons = []
        for i, unit_id in enumerate(unit_ids):
            self.check_canceled(feedback)
            unit = unit_row(units, unit_id)
            comparison = evaluate_scenarios(
                scenarios, projects, profile, unit_id=unit_id, pieces=pieces, zones=zones,
                capacity=controls, unit=unit,
                compensation=compensation_of(unit, parcels, units),
            )  # fmt: skip
            self._log(feedback, comparison)
            comparisons.append(comparison)
            feedback.setProgress(20 + 60 * (i + 1) / len(unit_ids))
        return self._write(parameters, context, feedback, comparisons)

    def _write(self, parameters, context, feedback, comparisons: list[Comparison]) -> dict:
        lang = language()
        table = pd.concat([comparison_table(c, lang) for c in comparisons], ignore_index=True)
        failed = pd.concat(
            [failures_frame(c, lang).assign(unit_id=c.unit_id) for c in comparisons],
            ignore_index=True,
        )
        failed = failed[["unit_id", *[c for c in failed.columns if c != "unit_id"]]]
        failed = failed.rename(columns={"scenario": "scenario_name", "check": "check_name"})
        results = {self.OUTPUT: self.write_table(parameters, self.OUTPUT, context, table)}
        if parameters.get(self.FAILURES) not in (None, ""):
            results[self.FAILURES] = self.write_table(parameters, self.FAILURES, context, failed)
        path = self.parameterAsFileOutput(parameters, self.XLSX, context)
        if path:
            write_comparison_xlsx(comparisons, path, lang)
            results[self.XLSX] = path
        feedback.setProgress(100)
        return results

    def _log(self, feedback, c: Comparison) -> None:
        """The run log: per scenario, the failed checks with their clause."""
        feedback.pushInfo(
            self.tr("单元 {0}：比较 {1} 个方案。").format(c.unit_id, len(c.scenarios))
        )
        for note in c.notes:
            feedback.pushWarning(note)
        for sid in c.scenario_ids():
            failed = c.failures.get(sid, ())
            if not failed:
                feedback.pushInfo(self.tr("方案 {0}：各项核查均通过。").format(sid))
                continue
            feedback.pushWarning(self.tr("方案 {0}：{1} 项未通过核查。").format(sid, len(failed)))
            for f in failed:
                text = f.text_zh if language() == "zh" else f.text_en
                feedback.pushWarning(f"  [{f.clause}] {f.project_id or '—'}: {text}")


def unit_row(units, unit_id: str) -> dict | None:
    """The row of ``unit_id`` in the units layer (its statistics), or None."""
    if units is None or "unit_id" not in units.columns:
        return None
    ids = pd.Series(texts(units, "unit_id"), index=units.index)
    found = units[ids.eq(unit_id).to_numpy()]
    return None if found.empty else dict(found.drop(columns=found.geometry.name).iloc[0])


def compensation_of(unit: dict | None, parcels, units) -> tuple[float, str] | None:
    """The floor area 八、资金平衡 computes the unit's compensation on (its 低效地块 in
    ``parcels``, :func:`unit_compensation_basis`), or None without parcels or units."""
    if unit is None or parcels is None or units is None:
        return None
    gfa, label, _ = unit_compensation_basis(unit, parcels, units)
    return gfa, label
