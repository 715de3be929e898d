"""``lowland:landprice`` 补缴地价与缴款计划 — thin wrapper around
:func:`lowland_plugin.core.checks.land_price.land_price`."""

from __future__ import annotations

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
    """Land price difference, instalments, N-9 alternative and Y-15 transition per project."""

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
            "<p>逐项目核算补缴地价与缴款计划（银川实施意见（十四）、（十五），自然资发〔2023〕171号 第9、11项）。</p>"
            "<ul><li>补缴地价 price_due = 新条件地价 value_new − （原条件地价 value_old + 拆除附着物残值 residual_value），"
            "不低于 0（不退还）；残值仅在原用途 old_land_class 为工业、仓储、文化、科研且涉及拆除（demolition）时计入，"
            "否则不计并在 reasons 中说明（十四）；</li>"
            "<li>新旧条件须为同一估价基准日：valuation_date_new 与 valuation_date_old 不同时 price_pass 为假，"
            "缺一则无法核对（price_pass 为空）；</li>"
            "<li>分期缴纳（十五）：签订合同后 {1} 个月内缴纳 {0}（first_amount，到期日 first_due_date = contract_date + {1} 个月），"
            "其余 {2} 年内缴清（rest_amount，final_due_date = contract_date + {2} 年）；目标月份无对应日取该月最后一日"
            "（《民法典》第二百零二条），不顺延节假日。金额四舍五入到 0.01 元，首期取 {0} 向上进位到分，"
            "余款 = 应缴 − 首期，两者之和恰等于应缴；</li>"
            "<li>第9项替代算法 alt_price = 公示地价 benchmark_price × 比例 benchmark_ratio × 用地面积 − "
            "（土地整理、移交公益性用地或建筑、配建设施扣减），不低于 0，与 price_due 并列给出；</li>"
            "<li>过渡期（十五）：新产业新业态利用存量房屋按原用途使用 {3} 年，transition_end = transition_start + {3} 年"
            "（起始日不计入，到期年对应日为最后一日，《民法典》第二百零一、二百零二条）。</li></ul>"
            "<p>只填写 value_new、value_old 之一、金额为负、公示地价比例不在 0–1 之间或 old_land_class 无法识别时报错并列出项目；"
            "二者均未填写的项目（如公益项目）不核算地价，在 reasons 中说明。</p>"
        ).format(f"{FIRST_SHARE:.0%}", FIRST_DUE_MONTHS, FINAL_DUE_YEARS, TRANSITION_YEARS)

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        self.add_projects_parameters(self.tr("补缴地价与缴款计划"))

    def compute(self, parameters, context, feedback) -> dict:
        projects, crs = self.read_projects(parameters, context)
        feedback.setProgress(30)
        self.check_canceled(feedback)
        result = land_price(projects, self.tr("项目图层"))
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
