"""``lowland:compareversions`` 年度更新对比 — thin wrapper around
:func:`lowland_plugin.core.database.compare.compare_versions`.

Two versions of the 低效用地 database (or of two identification outputs) →
one row per feature of either version with its change kind (added, removed,
geometry and/or attributes changed, renumbered, unchanged), the ids on both
sides, the areas and their change, the fields that changed (old → new), and an
optional summary table by change kind. Matched by id, with a geometric fallback
(mutual overlap share) for features whose id changed or is missing; the rules
are in the core module's docstring. NEW is reprojected to OLD's CRS, which must
be projected in metres.
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ..lowland_plugin.bridge.feedback import ScaledFeedback
from ..lowland_plugin.core.common.conservation import check_ids_accounted
from ..lowland_plugin.core.common.fields import value_label
from ..lowland_plugin.core.database.compare import compare_versions
from ..lowland_plugin.i18n import language
from .base import LowlandAlgorithm


class CompareVersionsAlgorithm(LowlandAlgorithm):
    """Added / removed / changed features between two versions of a polygon database."""

    OLD = "OLD"
    NEW = "NEW"
    ID_FIELD = "ID_FIELD"
    COMPARE_FIELDS = "COMPARE_FIELDS"
    MATCH_OVERLAP = "MATCH_OVERLAP"
    GEOMETRY_TOLERANCE = "GEOMETRY_TOLERANCE"
    OUTPUT = "OUTPUT"
    SUMMARY = "SUMMARY"

    def name(self) -> str:
        return "compareversions"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("年度更新对比")

    def group(self) -> str:
        return self.tr("上图入库")

    def groupId(self) -> str:  # noqa: N802 (QGIS API)
        return "database"

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr(
            "<p>对比低效用地数据库（或两次认定结果）的两个版本，逐宗列出新增、删除、图形变化（含面积变化）、"
            "属性变化（变化字段及旧值→新值）、重新编号与未变化，并按变化类型汇总宗数与面积"
            "（银川实施意见（二）建立年度更新机制、自然资发〔2023〕171号 第12项 上图入库）。</p>"
            "<p>1. 匹配：先按编号字段（默认 parcel_id，按文本比较，忽略首尾空格）；"
            "编号只在一个版本中出现或为空的要素再按图形匹配：重叠面积同时达到新、旧两个图形面积的"
            "“最小重叠比例”（默认 0.9）即为同一宗地，一对一、重叠最大者优先；"
            "因此一宗地分割为两半（各 50%）不会被强行匹配，而是报为删除 + 新增。"
            "按图形匹配且编号不同的记为重新编号（renumbered = 是）。同一版本内编号重复时拒绝运行并列出重复编号。</p>"
            "<p>2. 图形变化：新旧图形对称差面积大于“图形容差”（默认 0.01 平方米）。"
            "area_change_m2 = 新面积 − 旧面积（新增为 +新面积，删除为 −旧面积）。</p>"
            "<p>3. 属性变化：对比字段默认取两个版本共有的全部字段，不含编号字段和易变字段"
            "（fid、ogc_fid、objectid、shape_area、shape_length、shape_leng、area_m2、area_mu、"
            "ellipsoid_area_m2、reviewed_at、verdict_changed）；在“对比字段”中列出则照样对比。"
            "数值按 1e-9 相对误差比较，空值只等于空值，日期按日期比较，文本须完全一致。</p>"
            "<p>输出几何为新版本图形（删除的为旧版本图形），并带该版本的属性；"
            "变化类型：added 新增、removed 删除、geometry_and_attributes_changed 图形和属性变化、"
            "geometry_changed 图形变化、attributes_changed 属性变化、renumbered 重新编号、unchanged 未变化。"
            "两个图层须为投影坐标系（米），新版本重投影到旧版本的坐标系。</p>"
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        polygon = [QgsProcessing.SourceType.TypeVectorPolygon]
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.OLD, self.tr("旧版本（上一年度）"), polygon)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.NEW, self.tr("新版本（本年度）"), polygon)
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.ID_FIELD,
                self.tr("编号字段（默认 parcel_id）"),
                defaultValue="parcel_id",
                parentLayerParameterName=self.OLD,
                optional=True,  # QGIS 3.22 refuses an omitted field value despite its default
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.COMPARE_FIELDS,
                self.tr("对比字段（默认：两个版本共有的字段，易变字段除外）"),
                parentLayerParameterName=self.OLD,
                allowMultiple=True,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MATCH_OVERLAP,
                self.tr("图形匹配的最小重叠比例（占新、旧两个图形面积）"),
                type=QgsProcessingParameterNumber.Type.Double,
                defaultValue=0.9,
                minValue=0.01,
                maxValue=1.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.GEOMETRY_TOLERANCE,
                self.tr("图形容差（对称差面积，平方米）"),
                type=QgsProcessingParameterNumber.Type.Double,
                defaultValue=0.01,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("年度更新对比结果"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.SUMMARY,
                self.tr("变化汇总表"),
                QgsProcessing.SourceType.TypeVector,
                optional=True,
            )
        )

    def compute(self, parameters, context, feedback) -> dict:
        id_fields = self.parameterAsFields(parameters, self.ID_FIELD, context)
        id_field = id_fields[0] if id_fields else "parcel_id"
        compare_fields = self.parameterAsFields(parameters, self.COMPARE_FIELDS, context) or None
        overlap = self.parameterAsDouble(parameters, self.MATCH_OVERLAP, context)
        tolerance = self.parameterAsDouble(parameters, self.GEOMETRY_TOLERANCE, context)

        old = self.read_layer(parameters, self.OLD, context, ScaledFeedback(feedback, 0, 15))
        crs = self.input_crs(self.OLD)
        self.require_projected(old, self.tr("旧版本"))
        self.check_canceled(feedback)
        new = self.read_layer(
            parameters, self.NEW, context, ScaledFeedback(feedback, 15, 15), crs_of=self.OLD
        )
        feedback.pushInfo(
            self.tr("旧版本 {0} 个要素，新版本 {1} 个要素；编号字段 {2}。").format(
                len(old), len(new), id_field
            )
        )
        self.check_canceled(feedback)

        result = compare_versions(
            old,
            new,
            id_field=id_field,
            compare_fields=compare_fields,
            match_overlap=overlap,
            geometry_tolerance=tolerance,
            progress=lambda p: feedback.setProgress(30 + 0.4 * p),
        )
        for warning in result.warnings:
            feedback.pushWarning(warning)
        feedback.pushInfo(self.tr("对比字段：{0}").format(", ".join(result.fields) or "—"))
        self._log_summary(result.summary, feedback)
        self.check_canceled(feedback)

        for frame, column in ((old, "old_id"), (new, "new_id")):  # every feature of both versions
            if id_field not in frame.columns or column not in result.table.columns:
                continue
            check_ids_accounted(  # ids are matched and written without white space
                frame[id_field].dropna().astype(str).str.strip().tolist(),
                result.table[column].dropna().astype(str).tolist(),
                self.displayName(),
            )
        dest = self.write_output(
            parameters,
            self.OUTPUT,
            context,
            ScaledFeedback(feedback, 70, 25),
            result.table,
            crs,
            style="compareversions",
        )
        results = {self.OUTPUT: dest}
        if parameters.get(self.SUMMARY) not in (None, ""):
            results[self.SUMMARY] = self.write_table(
                parameters, self.SUMMARY, context, result.summary
            )
        feedback.setProgress(100)
        return results

    def _log_summary(self, summary, feedback) -> None:
        feedback.pushInfo(self.tr("变化汇总（宗数，其中重新编号，面积变化 平方米）："))
        lang = language()
        for row in summary.itertuples(index=False):
            label = value_label("change", row.change, lang)
            feedback.pushInfo(
                f"  {row.parcel_count:>7} {row.renumbered_count:>5} "
                f"{row.area_change_m2:>14.2f}  {label}"
            )
