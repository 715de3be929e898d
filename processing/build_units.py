"""``lowland:buildunits`` 再开发单元划定与统计 — thin wrapper around
:func:`lowland_plugin.core.units.redevelopment.build_units`."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ..lowland_plugin.bridge.inputs import file_layer, review_fields_of
from ..lowland_plugin.core.checks.scattered import SCATTERED_PIECE_MAX_MU
from ..lowland_plugin.core.units import redevelopment as core
from ..lowland_plugin.core.units.provenance import (
    older_copy_message,
    provenance_columns,
    units_record,
)
from .base import LowlandAlgorithm


class BuildUnitsAlgorithm(LowlandAlgorithm):
    """Redevelopment units made of blocks (Y-3) and their statistics."""

    BLOCKS = "BLOCKS"
    PARCELS = "PARCELS"
    PLAN = "PLAN"
    MODE = "MODE"
    UNITS = "UNITS"
    PLAN_UNITS = "PLAN_UNITS"
    PLAN_UNIT_ID_FIELD = "PLAN_UNIT_ID_FIELD"
    SNAP_TOLERANCE = "SNAP_TOLERANCE"
    TARGET_AREA = "TARGET_AREA"
    MIN_LOWLAND_SHARE = "MIN_LOWLAND_SHARE"
    ADJACENCY_DISTANCE = "ADJACENCY_DISTANCE"
    OUTPUT = "OUTPUT"
    BLOCKS_OUTPUT = "BLOCKS_OUTPUT"
    PARCELS_OUTPUT = "PARCELS_OUTPUT"
    CONFLICTS = "CONFLICTS"

    def name(self) -> str:
        return "buildunits"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("再开发单元划定与统计")

    def group(self) -> str:
        return self.tr("单元与街坊")

    def groupId(self) -> str:  # noqa: N802 (QGIS API)
        return "units"

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr(
            "<p>按“单元+街坊”管控（银川实施意见（三），自然资发〔2023〕171号 第1、3项）把街坊组成再开发单元，"
            "并统计每个单元。单元由整街坊组成，单元图形为其街坊的并集；每个街坊、每宗宗地至多属于一个单元。"
            "三种划定方式：</p>"
            "<ul><li>手绘单元：街坊向内缩进吸附容差后完全落在手绘图形内即归入该单元（手绘边线可切入街坊不超过容差）；"
            "被两个单元覆盖的街坊归覆盖面积大者；切入街坊超过容差但未覆盖的、没有任何街坊的单元均列入冲突表。"
            "单元字段 unit_id、unit_name、phase（near 近期/mid 中期/far 远期）、notes 保留，缺编号时按西北→东南编为 DY01…；</li>"
            "<li>控规单元：街坊归入重叠面积最大的控规单元（同编号的多个图形为一个单元）；跨单元超过容差或不在任何单元内的街坊列入冲突表；</li>"
            "<li>自动划分：相距不超过邻接距离（跨越道路红线）的街坊为相邻街坊；从低效用地面积最大的街坊起，"
            "依次并入自身低效占比最高、使单元面积更接近目标面积且单元低效占比不低于最低占比的相邻街坊；"
            "低效占比不足的单元不形成。</li></ul>"
            "<p>宗地按其 block_id 所在街坊归入单元，无 block_id 时按与单元的最大重叠归入；宗地缩进容差后仍跨两个单元的列入冲突表。"
            "每个单元统计：面积；低效用地宗数、面积、占比及分类型面积（优先采用核查后的 final_verdict/final_type）；"
            "现状建筑面积（gfa 之和）；规划建筑规模（控规地块 far_max × 单元内面积之和）；零星用地（单宗不超过 {0} 亩（含）"
            "的低效用地，银川实施意见（七））的宗数和面积；公共设施用地按类别的面积（控规 plan_code，"
            "resources/codes/public_facilities.csv）。</p>"
        ).format(f"{SCATTERED_PIECE_MAX_MU:g}")

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        polygon = [QgsProcessing.SourceType.TypeVectorPolygon]
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BLOCKS, self.tr("街坊（街坊划分结果）"), polygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.PARCELS, self.tr("低效用地认定结果（宗地）"), polygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.PLAN, self.tr("控规地块（plan_code、far_max）"), polygon, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.MODE,
                self.tr("单元划定方式"),
                options=[self.tr("手绘单元"), self.tr("控规单元"), self.tr("自动划分")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.UNITS, self.tr("手绘单元图层"), polygon, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.PLAN_UNITS, self.tr("控规单元图层"), polygon, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.PLAN_UNIT_ID_FIELD,
                self.tr("控规单元编号字段（默认 unit_id）"),
                parentLayerParameterName=self.PLAN_UNITS,
                optional=True,
            )
        )
        numbers = (
            (self.SNAP_TOLERANCE, self.tr("吸附容差（米）"), core.DEFAULT_SNAP_TOLERANCE, None),
            (
                self.TARGET_AREA,
                self.tr("自动划分目标面积（公顷）"),
                core.DEFAULT_TARGET_AREA_HA,
                None,
            ),
            (
                self.MIN_LOWLAND_SHARE,
                self.tr("自动划分低效用地最低占比（0–1）"),
                core.DEFAULT_MIN_LOWLAND_SHARE,
                1.0,
            ),
            (
                self.ADJACENCY_DISTANCE,
                self.tr("自动划分邻接距离（米，跨越道路）"),
                core.DEFAULT_ADJACENCY_DISTANCE,
                None,
            ),
        )
        for key, label, default, maximum in numbers:
            param = QgsProcessingParameterNumber(
                key,
                label,
                type=QgsProcessingParameterNumber.Type.Double,
                defaultValue=default,
                minValue=0.0,
            )
            if maximum is not None:
                param.setMaximum(maximum)
            self.addParameter(param)
        self.add_outputs()

    def add_outputs(self) -> None:
        """The units, and the blocks, parcels and conflicts (optional) outputs."""
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("再开发单元"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        for key, label, kind in (
            (
                self.BLOCKS_OUTPUT,
                self.tr("街坊（含单元编号）"),
                QgsProcessing.SourceType.TypeVectorPolygon,
            ),
            (
                self.PARCELS_OUTPUT,
                self.tr("宗地（含单元编号）"),
                QgsProcessing.SourceType.TypeVectorPolygon,
            ),
            (self.CONFLICTS, self.tr("单元划定冲突表"), QgsProcessing.SourceType.TypeVector),
        ):
            self.addParameter(
                QgsProcessingParameterFeatureSink(
                    key, label, kind, optional=True, createByDefault=True
                )
            )

    def mode(self, parameters, context) -> str:
        """The unit mode chosen (``drawn``, ``plan_unit``, ``auto``)."""
        return core.MODES[self.parameterAsEnum(parameters, self.MODE, context)]

    def source_of(self, parameters, key: str, context) -> str | None:
        """The data source of input ``key`` (path|layername=…), None when unset."""
        if parameters.get(key) in (None, ""):
            return None
        layer = self.parameterAsVectorLayer(parameters, key, context)
        return layer.source() if layer is not None else None

    def with_provenance(self, units, parcels, parameters, context):
        """The units with what they were counted from (core.units.provenance): the
        parcel, block and plan layers and the parcels' review state, now."""
        sources = {
            "parcels": self.source_of(parameters, self.PARCELS, context),
            "blocks": self.source_of(parameters, self.BLOCKS, context),
            "plan": self.source_of(parameters, self.PLAN, context),
        }
        record = provenance_columns(len(units), parcels, sources)
        record.index = units.index
        return units.join(record)

    def warn_older_parcels(self, parameters, context, feedback, layers) -> None:
        """Warn when the parcels are a copy (e.g. the parcels output of an earlier count)
        whose decisions differ from those of the reviewed layer the units record."""
        units, parcels = layers.get(self.UNITS), layers.get(self.PARCELS)
        record = units_record(units) if units is not None else None
        source = self.source_of(parameters, self.PARCELS, context)
        if record is None or not record.parcels_source or source is None:
            return
        if file_layer(record.parcels_source) == file_layer(source):
            return
        now = review_fields_of(record.parcels_source)
        layer = self.parameterAsVectorLayer(parameters, self.PARCELS, context)
        label = layer.name() if layer is not None else self.PARCELS
        if now is not None and parcels is not None:
            line = older_copy_message(parcels, label, now, record.parcels_source)
            if line:
                feedback.pushWarning(line)

    def compute(self, parameters, context, feedback) -> dict:
        mode = self.mode(parameters, context)
        if mode == "drawn" and parameters.get(self.UNITS) in (None, ""):
            raise QgsProcessingException(
                self.tr("手绘单元方式需要“手绘单元图层”。")
                + " / mode 0 (drawn units) needs the UNITS layer."
            )
        if mode == "plan_unit" and parameters.get(self.PLAN_UNITS) in (None, ""):
            raise QgsProcessingException(
                self.tr("控规单元方式需要“控规单元图层”。")
                + " / mode 1 (plan units) needs the PLAN_UNITS layer."
            )
        label_blocks = self.tr("街坊（街坊划分结果）")
        blocks = self.read_layer(parameters, self.BLOCKS, context, None)
        self.require_projected(blocks, label_blocks)
        crs = self.input_crs(self.BLOCKS)
        feedback.setProgress(10)
        layers = {}
        for step, key in enumerate((self.PARCELS, self.PLAN, self.UNITS, self.PLAN_UNITS)):
            self.check_canceled(feedback)
            skip = (key == self.UNITS and mode != "drawn") or (
                key == self.PLAN_UNITS and mode != "plan_unit"
            )
            layers[key] = (
                None
                if skip
                else self.read_layer(parameters, key, context, None, crs_of=self.BLOCKS)
            )
            feedback.setProgress(10 + 10 * (step + 1))
        self.warn_older_parcels(parameters, context, feedback, layers)
        id_fields = self.parameterAsFields(parameters, self.PLAN_UNIT_ID_FIELD, context)
        self.check_canceled(feedback)
        result = core.build_units(
            blocks,
            layers[self.PARCELS],
            mode,
            units=layers[self.UNITS],
            plan_units=layers[self.PLAN_UNITS],
            plan_unit_id_field=id_fields[0] if id_fields else "unit_id",
            plan=layers[self.PLAN],
            snap_tolerance=self.parameterAsDouble(parameters, self.SNAP_TOLERANCE, context),
            target_area_ha=self.parameterAsDouble(parameters, self.TARGET_AREA, context),
            min_lowland_share=self.parameterAsDouble(parameters, self.MIN_LOWLAND_SHARE, context),
            adjacency_distance=self.parameterAsDouble(parameters, self.ADJACENCY_DISTANCE, context),
            labels={
                "blocks": label_blocks,
                "parcels": self.tr("低效用地认定结果（宗地）"),
                "units": self.tr("手绘单元图层"),
                "plan_units": self.tr("控规单元图层"),
            },
        )
        feedback.setProgress(60)
        # every input block and parcel is one output row with its geometry (conservation)
        self.check_accounted(blocks, result.blocks, "block_id", label_blocks)
        self.check_accounted(
            layers[self.PARCELS], result.parcels, "parcel_id", self.tr("低效用地认定结果（宗地）")
        )
        for line in result.warnings:
            feedback.pushWarning(line)
        units = result.units
        feedback.pushInfo(
            self.tr("单元 {0} 个，含街坊 {1} 个（共 {2} 个），宗地 {3} 宗（共 {4} 宗）。").format(
                len(units),
                int(result.blocks["unit_id"].notna().sum()),
                len(result.blocks),
                int(result.parcels["unit_id"].notna().sum()),
                len(result.parcels),
            )
        )
        if len(units) == 0:
            feedback.pushWarning(self.tr("没有形成任何单元。") + " / no unit was formed.")
        if len(result.conflicts):
            feedback.pushWarning(
                self.tr("冲突 {0} 条，见单元划定冲突表：{1}").format(
                    len(result.conflicts),
                    "; ".join(result.conflicts["reason"].head(10)),
                )
            )
        self.check_canceled(feedback)
        units = self.with_provenance(units, layers[self.PARCELS], parameters, context)
        results = {
            self.OUTPUT: self.write_output(
                parameters, self.OUTPUT, context, feedback, units, crs, style="buildunits"
            )
        }
        for key, gdf, style in (
            (self.BLOCKS_OUTPUT, result.blocks, None),
            (self.PARCELS_OUTPUT, result.parcels, "identifyparcels"),
        ):
            self.check_canceled(feedback)
            if parameters.get(key) not in (None, ""):
                results[key] = self.write_output(
                    parameters, key, context, feedback, gdf, crs, style=style
                )
        if parameters.get(self.CONFLICTS) not in (None, ""):
            results[self.CONFLICTS] = self.write_table(
                parameters, self.CONFLICTS, context, result.conflicts, feedback
            )
        feedback.setProgress(100)
        return results
