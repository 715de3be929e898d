"""The reason items of the land-price check (Y-13, Y-14, Y-15, N-9, N-11) that need no
run state: same base date, lump sum, the two N-9 alternatives, the transition and the
Y-13 exemptions (see :mod:`.land_price`)."""

from __future__ import annotations

import datetime as dt

from ..common.money import yuan
from ..common.reasons import Reason, reason
from ..common.values import is_known, rounded

#: N-11 (自然资发〔2023〕171号 第11项, national; Y-15 repeats it): 5-year transition of new
#: industries in existing buildings — original use, no use change, no land price.
TRANSITION_YEARS = 5


def same_date_reason(date_new, date_old) -> tuple[Reason, bool | None]:
    """Y-14: both values appraised at the same base date (None: a date is missing)."""
    if date_new is not None and date_old is not None:
        same = date_new == date_old
        note = (
            None
            if same
            else "新旧条件地价须为同一估价基准日 / both values must be appraised at the same base date"
        )
        item = reason(
            "same_valuation_date",
            "Y-14",
            date_new.isoformat(),
            date_old.isoformat(),
            same,
            note=note,
        )
        return item, same
    item = reason(
        "same_valuation_date",
        "Y-14",
        None if date_new is None else date_new.isoformat(),
        None if date_old is None else date_old.isoformat(),
        None,
        note="估价基准日缺失，无法核对是否同一基准日 / a valuation date is missing: "
        "the same base date cannot be verified",
    )
    return item, None


def lump_item(contract, due: int, requested: bool | None) -> Reason:
    """Y-15: without an application for instalments the whole price is due at once."""
    return reason(
        "lump_sum",
        "Y-15",
        {
            "price_due": rounded(yuan(due)),
            "due_date": None if contract is None else contract.isoformat(),
        },
        {"instalment_requested": True},
        None,
        instalment_requested=requested,
        note="未申请分期（分期须“经申请”）：于签订出让合同时一次性缴清，缴款日取合同签订日"
        + ("" if contract is not None else "（合同签订日缺失，缴款日待定）")
        + " / no instalments applied for: the whole price is due on the contract date",
    )


def ratio_item(alt: int, bench, ratio, area) -> Reason:
    """N-9 (a): a share of the 公示地价, reported beside the price due."""
    return reason(
        "benchmark_ratio_alternative",
        "N-9",
        rounded(yuan(alt)),
        None,
        None,
        benchmark_price=rounded(bench),
        benchmark_ratio=rounded(ratio, 6),
        area_m2=rounded(area),
        note="（一）公示地价×比例×用地面积，不扣减任何成本（扣减属市场价值口径）；与地价差额并列供决策 / "
        "published price × ratio × area, no deductions; reported beside price_due",
    )


def market_item(alt: int | None, market, costs: list[float]) -> Reason:
    """N-9 (b): market value minus the costs, kept apart from (a)."""
    return reason(
        "market_value_alternative",
        "N-9",
        None if alt is None else rounded(yuan(alt)),
        None,
        None,
        market_value=None if not is_known(market) else rounded(market),
        costs={
            "preparation": rounded(costs[0]),
            "handover": rounded(costs[1]),
            "facilities": rounded(costs[2]),
            "linkage": rounded(costs[3]),
        },
        note="（二）市场评估价值−土地整理、移交公益性用地或建筑、配建设施、多地块联动改造成本，"
        "不低于 0；与公示地价比例口径分列"
        + ("" if is_known(market) else "；未填写 market_value，无法核算 / market_value missing")
        + " / market value minus costs, kept apart from the ratio approach",
    )


def transition_item(start: dt.date, end: dt.date, reference: dt.date, inside: bool) -> Reason:
    """N-11 / Y-15: the 5-year transition of new industries in existing buildings."""
    return reason(
        "transition_period",
        "N-11",
        start.isoformat(),
        end.isoformat(),
        None,
        years=TRANSITION_YEARS,
        reference_date=reference.isoformat(),
        in_transition=inside,
        price_due_from=end.isoformat(),
        note="新产业新业态利用存量房屋：按原用途和权利类型使用 5 年（自然资发〔2023〕171号 第11项，"
        "银川实施意见（十五）），暂不变更用途、不补缴地价；期满日 = 起始日 + 5 年（《民法典》第二百零一、"
        "二百零二条），自期满日起补缴"
        + ("；基准日在过渡期内：暂不补缴" if inside else "")
        + " / 5-year transition with the original use; price due from its end",
    )


def y13_item(kind: str | None, allocation: bool | None) -> Reason | None:
    """Y-13: lifts / care facilities on estate land pay no land price; old factories turned
    non-profit facilities in the 划拨用地目录 may be supplied by 划拨."""
    if kind in ("lift", "care"):
        label = "增设电梯" if kind == "lift" else "养老托育等服务设施"
        return reason(
            "y13_no_land_price",
            "Y-13",
            kind,
            ["lift", "care"],
            True,
            note=f"利用住宅小区空地及拆违腾退土地{label}，可不增收土地价款 / no land price",
        )
    if allocation:
        return reason(
            "y13_allocation",
            "Y-13",
            True,
            True,
            True,
            note="老旧厂房改建非营利性设施且符合《划拨用地目录》：经批准按划拨方式供地，不收出让价款 / "
            "划拨 supply: no 出让 price",
        )
    return None


NO_APPRAISAL = reason(
    "price_difference",
    "Y-14",
    None,
    None,
    None,
    note="未填写新旧条件地价：不核算补缴地价（如公益项目或过渡期内）/ no appraisal "
    "given: no price difference computed",
)
