"""``lowland:scatteredland`` 零星用地核查 — thin wrapper around
:func:`lowland_plugin.core.checks.scattered.scattered_check`."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
)

from ..lowland_plugin.core.checks.scattered import (
    SCATTERED_PIECE_MAX_M2,
    SCATTERED_PIECE_MAX_MU,
    SCATTERED_SHARE_MAX,
    scattered_check,
)
from .base import LowlandAlgorithm, field_map_parameter
from .project_checks import (
    ProjectTemplateMixin,
    joined_output,
    log_verdicts,
    refuse_unused_map_entries,
)


class ScatteredLandAlgorithm(ProjectTemplateMixin, LowlandAlgorithm):
    """Scattered pieces per project (Y-7, N-4) and swap balance (N-10)."""

    PIECES = "PIECES"
    SWAPS = "SWAPS"

    def name(self) -> str:
        return "scatteredland"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("零星用地核查")

    def group(self) -> str:
        return self.tr("再开发政策核算")

    def groupId(self) -> str:  # noqa: N802 (QGIS API)
        return "checks"

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr(
            "<p>核查再开发项目归并的零星建设用地（边角地、夹心地、插花地）（银川实施意见（七），"
            "自然资发〔2023〕171号 第4、10项）。每个项目输出一行：</p>"
            "<ul><li>total_area_m2 = 项目用地图形面积（投影坐标系平面面积）；scattered_area_m2 = 该项目标记为"
            "零星用地（scattered）的地块面积之和；scattered_share = 二者之比；</li>"
            "<li>scattered_pass：每宗零星用地不超过 {0} 亩（10000/15×{0} ≈ {1} 平方米）且累计不超过项目总用地面积的"
            " {2}（均含等于；默认规则档案的取值，以所选规则档案 PROFILE 的 scattered_piece_max_mu、scattered_share_max"
            "为准，reasons 注明来源）；相接（共边或重叠）的零星地块合为一宗计面积，除非两者均填宗地代码 parcel_code 且不同；reasons 列出超限宗的地块编号（A+B）及其面积（平方米、亩）。文件表述为“原则上”，超限情形需另行审批。</li>"
            "<li>第4项（零星地块与相邻产业地块一并供应，商品住宅除外）：每宗零星用地须位于项目用地内或与其相接"
            "（间距不超过规则档案 scattered_adjacent_max_m 米，含等于）→ scattered_adjacent；项目用途 use_code"
            "（未填时取 new_use_code）为 0701 城镇住宅（商品住宅）的不符合 → scattered_use_eligible = 否；"
            "未填写用途的不作核查并警告。二者均计入 scattered_pass。</li>"
            "<li>未标记零星用地的地块不计入任何指标，在日志中列出；project_id 在项目图层中不存在的地块报错。</li></ul>"
            "<p>置换（第10项“面积相近或价值相当”）：按 swap_group 分组，swap_side 为 out（调出）或 in（调入），"
            "置换表 SWAPS 给出调出、调入面积与评估价值（value）及其差值（调入 − 调出）和比值（调入 / 调出）。"
            "文件未规定“相近”“相当”的数值标准，本工具只报告数值，由审批判断。</p>"
        ).format(
            f"{SCATTERED_PIECE_MAX_MU:g}",
            f"{SCATTERED_PIECE_MAX_M2:.2f}",
            f"{SCATTERED_SHARE_MAX:.0%}",
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        polygon = [QgsProcessing.SourceType.TypeVectorPolygon]
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.PROJECTS, self.tr("项目图层"), polygon)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.PIECES, self.tr("零星用地地块图层"), polygon)
        )
        self.addParameter(field_map_parameter())
        self.add_profile_parameter("PROFILE", optional=True)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("零星用地核查结果"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.SWAPS,
                self.tr("置换面积与价值对比表"),
                QgsProcessing.SourceType.TypeVector,
                optional=True,
                createByDefault=True,
            )
        )

    def compute(self, parameters, context, feedback) -> dict:
        explicit = self.read_field_map(parameters, context, ("projects", "pieces"))
        projects = self.read_template_layer(
            parameters, self.PROJECTS, context, "projects", explicit, self.tr("项目图层")
        )
        crs = self.input_crs(self.PROJECTS)
        feedback.setProgress(20)
        self.check_canceled(feedback)
        pieces = self.read_template_layer(
            parameters,
            self.PIECES,
            context,
            "pieces",
            explicit,
            self.tr("零星用地地块图层"),
            crs_of=self.PROJECTS,
        )
        refuse_unused_map_entries(explicit, {"projects": projects, "pieces": pieces})
        feedback.setProgress(40)
        self.check_canceled(feedback)
        profile = self.read_profile(parameters, context, "PROFILE")
        result = scattered_check(
            projects,
            pieces,
            self.tr("项目图层"),
            self.tr("零星用地地块图层"),
            profile,
        )
        for line in result.info:
            feedback.pushInfo(line)
        for line in result.warnings:
            feedback.pushWarning(line)
        log_verdicts(
            feedback,
            result.table["project_id"],
            result.table["scattered_pass"],
            self.tr("零星用地核查通过 {0} 个项目。"),
            self.tr(
                "{0} 个项目的零星用地未通过（单宗 {2} 亩、累计 {3}、相邻或商品住宅除外）：{1}"
            ).format(
                "{0}",
                "{1}",
                f"{float(profile.value('scattered_piece_max_mu')):g}",
                f"{float(profile.value('scattered_share_max')):.0%}",
            ),
        )
        feedback.pushInfo(self.tr("置换组 {0} 个。").format(len(result.extra)))
        feedback.setProgress(60)
        self.check_canceled(feedback)
        out = joined_output(projects, result.table)
        dest = self.write_output(
            parameters, self.OUTPUT, context, feedback, out, crs, style="scatteredland"
        )
        results = {self.OUTPUT: dest}
        if parameters.get(self.SWAPS) not in (None, ""):
            results[self.SWAPS] = self.write_table(parameters, self.SWAPS, context, result.extra)
        return results
