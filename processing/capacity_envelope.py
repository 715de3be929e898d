"""``lowland:capacityenvelope`` 开发容量测算 — thin wrapper around
:func:`lowland_plugin.core.scenarios.capacity.capacity_envelope` and
:func:`~lowland_plugin.core.scenarios.capacity.unit_capacity`."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterString,
)

from ..lowland_plugin.core.common.frames import geodataframe
from ..lowland_plugin.core.common.mapping import (
    canonical_frame,
    check_field_map,
    parse_field_map,
    require_map_entries_used,
    template_frame,
)
from ..lowland_plugin.core.common.values import texts
from ..lowland_plugin.core.scenarios.capacity import (
    capacity_envelope,
    parse_storey_heights,
    unit_capacity,
)
from .base import LowlandAlgorithm, field_map_parameter


class CapacityEnvelopeAlgorithm(LowlandAlgorithm):
    """Usable floor area per parcel under the 控规 (Y-3) with the Y-4 handover on top,
    and per unit (capacity by use, headroom over today's floor area)."""

    PARCELS = "PARCELS"
    CONTROLS = "CONTROLS"
    UNITS = "UNITS"
    PROFILE = "PROFILE"
    STOREY_HEIGHT = "STOREY_HEIGHT"
    OUTPUT = "OUTPUT"
    UNIT_TABLE = "UNIT_TABLE"

    def name(self) -> str:
        return "capacityenvelope"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("开发容量测算")

    def group(self) -> str:
        return self.tr("再开发政策核算")

    def groupId(self) -> str:  # noqa: N802 (QGIS API)
        return "checks"

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr(
            "<p>逐地块测算控规允许的开发容量（可建建筑面积）（银川实施意见（三）（四））。每个地块归属于"
            "与其重叠面积最大的控规地块（CONTROLS：far_max 容积率上限、height_max 建筑高度上限、"
            "coverage_max 或 density_max 建筑密度上限、plan_id/plan_code/plan_name），取各项已知限制的最小值：</p>"
            "<ul><li>limit_far_m2 = far_max × 用地面积（投影坐标系平面面积）；</li>"
            "<li>limit_height_m2 = ⌊height_max ÷ 层高⌋ 层 × 建筑密度上限 × 用地面积；层高按用途（new_use_code，"
            "否则 use_code，否则控规 plan_code；地块用途与控规 plan_code 不一致（互不为其细类）时以控规为准，"
            "取控规用途并在日志与 reasons 中提示）取规则档案 storey_height_m（最长代码前缀，否则 default；"
            "本插件默认取值，须经地方确认），或参数 STOREY_HEIGHT（如 3.2，或 07=3.0; 09=4.5，优先于档案）；</li>"
            "<li>capacity_m2 = 最小的已知限制 + handover_bonus_m2（无偿移交公益设施建筑面积按贡献补齐，"
            "与容积率核定同一规则：handover_by_category 所列清单内类别 × handover_factor）；"
            "binding_limit 为起控制作用的限制（far 或 height），headroom_m2 为它与次一已知限制之差；</li>"
            "<li>公益项目（public_project）在 no_harm_neighbours、no_harm_traffic、no_harm_buildings 均记录为是时"
            "不受规划容积率限制：capacity_m2 为空，capped = 否；否则按限制测算。</li></ul>"
            "<p>无控规地块覆盖或控规字段为空时，该项限制为未知（空，不是 0），reasons 注明原因；"
            "控规图层缺少 far_max 字段、建筑密度大于 1（应为 0–1 的比例）或地理坐标系时报错。字段映射 FIELD_MAP "
            "用于控规图层（如 far_max=RJL; height_max=JZGD）。</p>"
            "<p>单元汇总 UNIT_TABLE（可选）：按再开发单元 UNITS（重叠面积最大）或地块的 unit_id 汇总 "
            "capacity_m2（受限地块之和，任一未知则为空）、capacity_by_use（分用途）、现状建筑面积 gfa_today_m2"
            "（单元图层的 gfa_existing）与余量 headroom_m2 = 开发容量 − 现状建筑面积。</p>"
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        polygon = [QgsProcessing.SourceType.TypeVectorPolygon]
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.PARCELS, self.tr("地块或项目图层"), polygon)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.CONTROLS,
                self.tr("控规地块（far_max、height_max、建筑密度、plan_code）"),
                polygon,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.UNITS, self.tr("再开发单元（可选）"), polygon, optional=True
            )
        )
        self.addParameter(field_map_parameter())
        self.add_profile_parameter(self.PROFILE, optional=True)
        self.addParameter(
            QgsProcessingParameterString(
                self.STOREY_HEIGHT,
                self.tr("层高（米，可选）：如 3.2，或 07=3.0; 09=4.5"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("开发容量测算结果"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.UNIT_TABLE,
                self.tr("单元开发容量汇总"),
                QgsProcessing.SourceType.TypeVector,
                optional=True,
                createByDefault=False,
            )
        )

    def compute(self, parameters, context, feedback) -> dict:
        explicit = parse_field_map(self.parameterAsString(parameters, self.FIELD_MAP, context))
        check_field_map(explicit, ("plan",))
        storey = parse_storey_heights(
            self.parameterAsString(parameters, self.STOREY_HEIGHT, context)
        )
        profile = self.read_profile(parameters, context, self.PROFILE)
        label = self.tr("地块或项目图层")
        parcels = self.read_layer(parameters, self.PARCELS, context, None)
        self.require_projected(parcels, label)
        parcels = template_frame(parcels, "projects", None, (), label)
        crs = self.input_crs(self.PARCELS)
        feedback.setProgress(10)
        self.check_canceled(feedback)
        controls = self.read_layer(parameters, self.CONTROLS, context, None, crs_of=self.PARCELS)
        controls, mapping = canonical_frame(
            controls, "plan", explicit, ("far_max",), self.tr("控规地块"), False
        )
        require_map_entries_used(explicit, {"plan": mapping})
        feedback.setProgress(25)
        self.check_canceled(feedback)
        envelope = capacity_envelope(
            parcels,
            controls,
            profile,
            storey_height_m=storey,
            label=label,
            controls_label=self.tr("控规地块"),
        )
        for line in envelope.attrs.get("warnings", []):
            feedback.pushWarning(line)
        self.log_envelope(feedback, envelope)
        feedback.setProgress(70)
        self.check_canceled(feedback)
        results = {
            self.OUTPUT: self.write_envelope(parameters, context, feedback, parcels, envelope, crs)
        }
        if parameters.get(self.UNIT_TABLE) not in (None, ""):
            table = self.unit_table(parameters, context, feedback, envelope)
            if table is not None:
                results[self.UNIT_TABLE] = self.write_table(
                    parameters, self.UNIT_TABLE, context, table, feedback
                )
        feedback.setProgress(100)
        return results

    def write_envelope(self, parameters, context, feedback, parcels, envelope, crs) -> str:
        """The parcels with the envelope columns, checked one row per parcel, geometry kept."""
        out = geodataframe(
            envelope.drop(columns=[envelope.geometry.name]),
            np.asarray(envelope.geometry.values),
            envelope.crs,
        )
        id_field = next((f for f in ("project_id", "parcel_id") if f in parcels.columns), None)
        self.check_accounted(parcels, out, id_field, self.displayName())
        return self.write_output(
            parameters, self.OUTPUT, context, feedback, out, crs, style="capacityenvelope"
        )

    def unit_table(self, parameters, context, feedback, envelope):
        """Per unit: by the UNITS layer when given, else the parcels' ``unit_id``; None
        (with a warning) when neither."""
        if parameters.get(self.UNITS) not in (None, ""):
            units = self.read_layer(parameters, self.UNITS, context, None, crs_of=self.PARCELS)
            if "unit_id" not in units.columns:
                feedback.pushWarning(
                    self.tr("再开发单元图层没有 unit_id 字段，未输出单元汇总。")
                    + " / the units layer has no unit_id field: no unit table."
                )
                return None
            return unit_capacity(envelope, units)
        ids = texts(envelope, "unit_id")
        if not any(ids):
            feedback.pushWarning(
                self.tr("未给出再开发单元图层，地块也没有 unit_id，未输出单元汇总。")
                + " / no units layer and no unit_id on the parcels: no unit table."
            )
            return None
        return unit_capacity(envelope, ids)

    def log_envelope(self, feedback, envelope) -> None:
        """One line: how many parcels each limit binds, how many are unknown or uncapped."""
        capped = envelope["capped"].astype(bool)
        unknown = capped & envelope["capacity_m2"].isna()
        counts = envelope.loc[capped & ~unknown, "binding_limit"].value_counts()
        feedback.pushInfo(
            self.tr(
                "容积率控制 {0} 个，高度控制 {1} 个，容量未知 {2} 个，不受限公益项目 {3} 个。"
            ).format(
                int(counts.get("far", 0)),
                int(counts.get("height", 0)),
                int(unknown.sum()),
                int((~capped).sum()),
            )
        )
