"""``lowland:refreshunits`` 刷新单元统计 — the unit statistics again, from the current
reviewed parcel layer and the units' current outlines (after a 核查会 or after drawing):
``lowland:buildunits`` in drawn mode on the units layer itself, with the parcel, block
and plan layers the units were counted from (core.units.provenance) unless given."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsVectorLayer,
)

from ..lowland_plugin.core.units import redevelopment as core
from ..lowland_plugin.core.units.provenance import units_record
from .build_units import BuildUnitsAlgorithm


class RefreshUnitsAlgorithm(BuildUnitsAlgorithm):
    """Recount the units (Y-3) from the reviewed parcels (final verdicts) and their outlines."""

    def name(self) -> str:
        return "refreshunits"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("刷新单元统计")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr(
            "<p>核查会后或修改单元边界后，按单元图层现有的边界和核查后的低效用地认定结果重新统计每个单元"
            "（低效用地按核查后的 final_verdict/final_type 计），并记录统计所用的图层与最近核查时间。"
            "宗地、街坊、控规图层不填时使用单元上次统计时记录的图层（单元字段 parcels_source、"
            "blocks_source、plan_source）。单元的编号、名称、时序、备注保留。"
            "生成实施方案时，如单元统计早于核查或单元边界已修改，会要求先运行本工具。</p>"
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        polygon = [QgsProcessing.SourceType.TypeVectorPolygon]
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.UNITS, self.tr("再开发单元（单元划定结果或手绘单元）"), polygon
            )
        )
        for key, label in (
            (self.PARCELS, self.tr("核查后的低效用地认定结果（不填：单元记录的图层）")),
            (self.BLOCKS, self.tr("街坊（不填：单元记录的图层）")),
            (self.PLAN, self.tr("控规地块（不填：单元记录的图层）")),
        ):
            self.addParameter(
                QgsProcessingParameterFeatureSource(key, label, polygon, optional=True)
            )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.SNAP_TOLERANCE,
                self.tr("吸附容差（米）"),
                type=QgsProcessingParameterNumber.Type.Double,
                defaultValue=core.DEFAULT_SNAP_TOLERANCE,
                minValue=0.0,
            )
        )
        self.add_outputs()

    def mode(self, parameters, context) -> str:
        return "drawn"

    def compute(self, parameters, context, feedback) -> dict:
        units = self.read_layer(parameters, self.UNITS, context, feedback, check_geometry=False)
        record = units_record(units) if units is not None else None
        recorded = {
            self.PARCELS: record.parcels_source if record else None,
            self.BLOCKS: record.blocks_source if record else None,
            self.PLAN: record.plan_source if record else None,
        }
        parameters = dict(parameters)
        for key, source in recorded.items():
            if parameters.get(key) not in (None, ""):
                continue
            if source is None:
                if key == self.PLAN:
                    continue
                raise QgsProcessingException(
                    self.tr("单元图层没有记录统计所用的{0}，请填写“{1}”。").format(
                        self._input_label(key), self._input_label(key)
                    )
                    + f" / the units layer does not record its {key} layer; set {key}."
                )
            if not QgsVectorLayer(source, key, "ogr").isValid():
                raise QgsProcessingException(
                    self.tr("单元上次统计所用的图层已无法打开：{0}，请填写“{1}”。").format(
                        source, self._input_label(key)
                    )
                    + f" / the {key} layer the units were counted from cannot be opened: "
                    f"{source}; set {key}."
                )
            feedback.pushInfo(
                self.tr("使用单元记录的图层：{0}").format(source) + f" / {key} from the units"
            )
            parameters[key] = source
        return super().compute(parameters, context, feedback)
