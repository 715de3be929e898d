"""``lowland:landprice`` 补缴地价与缴款计划 — thin wrapper around
:func:`lowland_plugin.core.checks.land_price.land_price`."""

from __future__ import annotations

import datetime as dt

from qgis.core import QgsProcessingParameterDateTime

from ..lowland_plugin.core.checks.land_price import (
    FINAL_DUE_YEARS,
    FIRST_DUE_MONTHS,
    FIRST_SHARE,
    TRANSITION_YEARS,
    land_price,
)
from .base import LowlandAlgorithm
from .project_checks import ProjectTemplateMixin, joined_output, log_verdicts


class LandPriceAlgorithm(ProjectTemplateMixin, LowlandAlgorithm):
    """Land price difference, payments, N-9 alternatives, Y-13 and the N-11 transition."""

    REFERENCE_DATE = "REFERENCE_DATE"

    def name(self) -> str:
        return "landprice"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("补缴地价与缴款计划")

    def group(self) -> str:
        return self.tr("再开发政策核算")

    def groupId(self) -> str:  # noqa: N802 (QGIS API)
        return "checks"

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr(
            "<p>逐项目核算补缴地价与缴款计划（银川实施意见（十三）、（十四）、（十五），自然资发〔2023〕171号 第9、11项）。</p>"
            "<ul><li>补缴地价 price_due = 新条件地价 value_new − （原条件地价 value_old + 拆除附着物残值 residual_value），"
            "不低于 0（不退还）；残值在经批准变更工业、仓储、文化、科研等用地（规则档案 residual_classes）用途"
            "（old_land_class 与 new_land_class 不同，或 old_use_code 与 new_use_code 不同）且涉及拆除时计入；"
            "未列举的类别或用途、拆除情况未填写时 residual_counted 为空（待确认，暂不扣除）并警告（十四）；</li>"
            "<li>新旧条件须为同一估价基准日：不同时 price_pass 为假，缺一则为空；</li><li>补缴地价适用于经批准以协议方式出让的土地（十四）：再开发方式 redevelopment_mode 为收储（acquisition）的项目公开出让，不核算补缴地价（price_due 为空，price_status 注明）；</li>"
            "<li>过渡期（第11项、（十五））：新产业新业态利用存量房屋按原用途使用 {3} 年，transition_end = "
            "transition_start + {3} 年；基准日（REFERENCE_DATE，默认今天）在过渡期内时暂不补缴"
            "（price_due 为 0，price_status“过渡期内暂不补缴”），自 price_due_from（期满日）起补缴；</li>"
            "<li>缴款（十五）：分期须经申请（instalment_requested）：签订合同后规则档案所定月数（默认 {1} 个月）内缴纳"
            "首期比例（默认 {0}），其余规则档案所定年数（默认 {2} 年）内缴清；未申请的于签订合同时一次性缴清，"
            "due_date = contract_date。目标月份无对应日取该月最后一日（《民法典》第二百零二条）；</li>"
            "<li>（十三）：y13_exempt_kind 为 lift（加装电梯）或 care（养老托育）时不增收土地价款；"
            "allocation_eligible 为真（老旧厂房改建非营利性设施且符合《划拨用地目录》）时按划拨供地，不收出让价款；</li>"
            "<li>第9项两种口径分列：alt_price_ratio（= alt_price）= 公示地价 × 比例 × 用地面积；"
            "alt_price_market = 市场评估价值 market_value − 土地整理、移交公益性用地或建筑、配建设施、"
            "多地块联动改造成本（linkage_cost），不低于 0。</li></ul>"
            "<p>只填写 value_new、value_old 之一、金额为负、公示地价比例不在 0–1 之间、类别或 y13_exempt_kind 无法识别时"
            "报错并列出项目；二者均未填写的项目（如公益项目）不核算地价，在 reasons 中说明。</p>"
        ).format(f"{FIRST_SHARE:.0%}", FIRST_DUE_MONTHS, FINAL_DUE_YEARS, TRANSITION_YEARS)

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        self.add_projects_parameters(self.tr("补缴地价与缴款计划"))
        self.addParameter(
            QgsProcessingParameterDateTime(
                self.REFERENCE_DATE,
                self.tr("核算基准日（默认今天）"),
                type=QgsProcessingParameterDateTime.Type.Date,
                optional=True,
            )
        )

    def compute(self, parameters, context, feedback) -> dict:
        projects, crs = self.read_projects(parameters, context)
        profile = self.read_profile(parameters, context, self.PROFILE)
        when = self.parameterAsDateTime(parameters, self.REFERENCE_DATE, context)
        reference = when.date().toPyDate() if when.isValid() else dt.date.today()
        feedback.pushInfo(
            self.tr("规则档案：{0}；核算基准日：{1}").format(profile.label, reference.isoformat())
        )
        feedback.setProgress(30)
        self.check_canceled(feedback)
        result = land_price(projects, self.tr("项目图层"), profile, reference)
        for warning in result.warnings:
            feedback.pushWarning(warning)
        log_verdicts(
            feedback,
            projects["project_id"],
            result.table["price_pass"],
            self.tr("补缴地价核算无问题 {0} 个项目。"),
            self.tr("{0} 个项目的新旧条件估价基准日不同（须为同一基准日）：{1}"),
        )
        total = result.table["price_due"].sum()
        feedback.pushInfo(self.tr("应补缴地价合计 {0:,.2f} 元。").format(total))
        feedback.setProgress(60)
        self.check_canceled(feedback)
        out = joined_output(projects, result.table)
        dest = self.write_output(
            parameters, self.OUTPUT, context, feedback, out, crs, style="landprice"
        )
        return {self.OUTPUT: dest}
