"""``lowland:buildingconversion`` 存量建筑功能转换 — thin wrapper around
:func:`lowland_plugin.core.checks.conversion.conversion_table`."""

from __future__ import annotations

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
)

from ..lowland_plugin.core.checks.conversion import conversion_table, pending_standard
from ..lowland_plugin.core.common.frames import geodataframe
from ..lowland_plugin.core.common.mapping import template_fields, template_frame
from .base import LowlandAlgorithm, field_map_parameter
from .project_checks import ProjectTemplateMixin, refuse_unused_map_entries

#: Output column order: what a planner reads first, the explanation and profile last.
_LEADING = ("unit_ref", "project_id", "conversion_status", "failed_conditions")
_TRAILING = ("decided_by", "reasons", "profile_id", "profile_version")


class BuildingConversionAlgorithm(ProjectTemplateMixin, LowlandAlgorithm):
    """Eligibility of a building or floor for function conversion (Y-12, N-11)."""

    CONVERSION = "CONVERSION"
    PROFILE = "PROFILE"

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
            "<p>逐幢（栋）或楼层核查存量建筑功能转换（银川实施意见（十二），自然资发〔2023〕171号 第11项）。"
            "逐项核查并列出：原土地使用权人申请（applicant_is_user）、履行出让合同（contract_honoured）、"
            "不变更土地使用权人（user_unchanged）、不改动主体结构（structure_changed）、高度和层数"
            "（height_changed）、不新增建筑面积（gfa_added 须为 0）、无违法建设（illegal）、无预告登记"
            "（advance_notice）、查封登记（seized）、异议登记（objection）、未纳入征收范围"
            "（in_expropriation_area）、无人民法院或仲裁机构的不动产物权变动生效文书（court_ruling）。</p>"
            "<ul><li>条件均满足、拟转换功能（new_function，2023 用地用海代码）在规则档案正面清单内（代码或前缀）"
            "且转换面积占所在建筑总面积比例（gfa / total_gfa）不超过上限（含等于）→ 视同符合详细规划"
            "（eligible_plan_conforming），由自然资源部门联合出具审查意见；</li>"
            "<li>条件均满足但超出正面清单或比例 → 依法办理土地用途变更手续（formal_use_change）；</li>"
            "<li>规则档案的正面清单或比例上限来源未经采用（待定或本地取值，如比例 1.0 的占位值）时，"
            "条件均满足的单元记为 standard_pending（标准待定，不作结论），并警告一次；</li>"
            "<li>有条件不满足 → not_eligible，failed_conditions 写明；</li>"
            "<li>条件或核对所需数值为空 → missing，missing_conditions 写明字段，不作推测。</li></ul>"
            "<p>历史建筑、文保单位及历史文化保护区域内建筑（heritage 为是）另标 heritage_rules：须遵守历史文化"
            "遗产保护规定，不影响上述结论；heritage 为空时 heritage_rules 为空并列入 missing_conditions。"
            "输入可为表格或建筑图层（保留图形）；输出记录规则档案及版本。</p>"
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.CONVERSION,
                self.tr("功能转换申报表（幢或层）"),
                [QgsProcessing.SourceType.TypeVector],
            )
        )
        self.add_profile_parameter(self.PROFILE)
        self.addParameter(field_map_parameter())
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("功能转换核查结果"), QgsProcessing.SourceType.TypeVector
            )
        )

    def compute(self, parameters, context, feedback) -> dict:
        profile = self.read_profile(parameters, context, self.PROFILE)
        params = profile.conversion.params
        feedback.pushInfo(
            self.tr("规则档案：{0}（{1}）；正面清单 {2}，比例上限 {3}").format(
                profile.label, profile.name, ", ".join(params["positive_list"]), params["max_ratio"]
            )
        )
        explicit = self.read_field_map(parameters, context, ("conversion",))
        label = self.tr("功能转换申报表（幢或层）")
        units = self.read_layer(parameters, self.CONVERSION, context, None)
        if units.empty:
            raise QgsProcessingException(
                self.tr("功能转换申报表没有记录。") + " / the conversion table has no rows."
            )
        units = template_frame(units, "conversion", explicit, ("unit_ref",), label)
        refuse_unused_map_entries(explicit, {"conversion": units})
        absent = [
            f
            for f in template_fields("conversion")
            if f not in units.columns and f not in ("unit_ref", "project_id")
        ]
        if absent:
            feedback.pushWarning(
                self.tr("申报表没有字段 {0}：所有记录按缺失处理。").format(", ".join(absent))
            )
        units = units.reset_index(drop=True)
        feedback.setProgress(20)
        self.check_canceled(feedback)
        pending = pending_standard(profile)
        if pending:
            feedback.pushWarning(
                self.tr(
                    "正面清单或比例标准未经采用，符合条件的单元记为 standard_pending：{0}"
                ).format("；".join(pending))
            )
        table = conversion_table(
            units.drop(columns=units.geometry.name),
            params["positive_list"],
            params["max_ratio"],
            progress=lambda p: feedback.setProgress(20 + 0.4 * p),
            pending=pending,
        )
        self.check_canceled(feedback)
        table["profile_id"] = profile.id
        table["profile_version"] = profile.version
        self._log(feedback, units["unit_ref"].tolist(), table)

        attributes = units.drop(columns=[units.geometry.name])
        attributes = attributes.drop(columns=[c for c in table.columns if c in attributes])
        joined = pd.concat([attributes, table], axis=1)
        first = [c for c in _LEADING if c in joined.columns]
        last = [c for c in _TRAILING if c in joined.columns]
        middle = [c for c in joined.columns if c not in first and c not in last]
        geometry = np.asarray(units.geometry.values, dtype=object)
        has_geometry = bool(units.geometry.notna().any()) and not units.geometry.is_empty.all()
        if has_geometry:
            crs = self.input_crs(self.CONVERSION)
        else:
            geometry = np.full(len(units), None, dtype=object)
            crs = QgsCoordinateReferenceSystem()
        out = geodataframe(
            joined[first + middle + last], geometry, units.crs if has_geometry else None
        )
        self.check_accounted(units, out, "unit_ref", self.displayName(), has_geometry)
        dest = self.write_output(parameters, self.OUTPUT, context, feedback, out, crs)
        feedback.setProgress(100)
        return {self.OUTPUT: dest}

    def _log(self, feedback, refs, table) -> None:
        counts = table["conversion_status"].value_counts()
        feedback.pushInfo(
            self.tr(
                "{0} 个申报单元：视同符合详细规划 {1}，办理用途变更 {2}，标准待定 {6}，不符合转换条件 {3}，"
                "资料缺失 {4}；须遵守历史文化保护规定 {5}。"
            ).format(
                len(table),
                int(counts.get("eligible_plan_conforming", 0)),
                int(counts.get("formal_use_change", 0)),
                int(counts.get("not_eligible", 0)),
                int(counts.get("missing", 0)),
                int(table["heritage_rules"].fillna(False).sum()),
                int(counts.get("standard_pending", 0)),
            )
        )
        for ref, status, why in zip(
            refs, table["conversion_status"], table["decided_by"], strict=True
        ):
            line = f"  {ref}: {status} — {why}"
            if status in ("not_eligible", "missing"):
                feedback.pushWarning(line)
            else:
                feedback.pushInfo(line)
