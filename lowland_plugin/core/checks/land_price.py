"""补缴地价与缴款计划 (Y-14, Y-15, N-9) per project of the project template
(``projects`` layer in canonical fields).

Y-14: the price due is the new-use value minus the old-use value (plus the residual
value of demolished structures on industrial, warehouse, cultural or research land),
never below 0, both appraised at the same base date. Y-15: 50 % within one month of
the contract, the rest within two years; new industries in existing buildings have a
5-year transition. N-9: the published-price alternative (benchmark price × ratio ×
area − deductions), reported beside the price due.

Money is computed in exact decimals and rounded half up to 0.01 元 once
(:mod:`..common.money`); instalments are whole cents with ``first + rest == due``.
Periods follow 《民法典》第二百零一、二百零二条 (:mod:`..common.calendar`); statutory
holidays are not applied. Every verdict carries ``reasons``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

import geopandas as gpd
import numpy as np
import pandas as pd

from ..common.calendar import add_months, add_years
from ..common.money import money, to_cents, yuan
from ..common.reasons import Reason, reason, reasons_json
from ..common.values import dates, flags, is_known, numbers, rounded, texts
from .common import CheckResult, planimetric_areas, project_ids, raise_problems

#: Y-14: old uses whose demolished structures' residual value counts into the old value.
RESIDUAL_CLASSES = ("industrial", "warehouse", "cultural", "research")
#: Y-15: instalments — 50 % within one month of the contract, the rest within two years.
FIRST_SHARE = Decimal("0.5")
FIRST_DUE_MONTHS = 1
FINAL_DUE_YEARS = 2
#: Y-15 / N-11: transition period of new industries in existing buildings.
TRANSITION_YEARS = 5

_OLD_CLASS = {
    "industrial": "industrial",
    "工业": "industrial",
    "工业用地": "industrial",
    "warehouse": "warehouse",
    "仓储": "warehouse",
    "物流仓储": "warehouse",
    "仓储用地": "warehouse",
    "cultural": "cultural",
    "文化": "cultural",
    "文化用地": "cultural",
    "research": "research",
    "科研": "research",
    "科研用地": "research",
    "other": "other",
    "其他": "other",
}
_DEDUCTIONS = ("deduction_preparation", "deduction_handover", "deduction_facilities")
_COLUMNS = (
    "price_due",
    "first_amount",
    "first_due_date",
    "rest_amount",
    "final_due_date",
    "residual_counted",
    "alt_price",
    "transition_end",
    "price_pass",
    "reasons",
)


# ------------------------------------------------------------------ rules


def payment_schedule(contract_date: dt.date) -> tuple[dt.date, dt.date]:
    """(first_due_date, final_due_date): contract + 1 month, contract + 2 years (Y-15)."""
    return add_months(contract_date, FIRST_DUE_MONTHS), add_years(contract_date, FINAL_DUE_YEARS)


def transition_end(start: dt.date) -> dt.date:
    """Last day of the Y-15 5-year transition: ``start`` + 5 years (the start day is not
    counted and the period ends on the corresponding day, 《民法典》第二百零一、二百零二条)."""
    return add_years(start, TRANSITION_YEARS)


def price_difference(value_new: float, value_old: float, residual: float = 0.0) -> int:
    """Y-14 price due in cents: new − (old + residual), never below 0."""
    due = money(value_new) - (money(value_old) + money(residual))
    return max(0, to_cents(due))


def instalments(due_cents: int) -> tuple[int, int]:
    """(first, rest) in cents: the first 50 % rounded half up to the cent (so it is never
    less than half), the rest = due − first, so first + rest = due exactly (Y-15)."""
    first = to_cents(Decimal(due_cents) * FIRST_SHARE / 100)
    return first, due_cents - first


def benchmark_alternative(
    benchmark_price: float,
    benchmark_ratio: float,
    area_m2: float,
    deductions: Iterable[float] = (),
) -> int:
    """N-9 alternative in cents: published price × ratio × area − deductions, not below 0."""
    gross = money(benchmark_price) * money(benchmark_ratio) * money(area_m2)
    return max(0, to_cents(gross - sum((money(d) for d in deductions), Decimal(0))))


def residual_counts(old_land_class: str | None, demolition: bool | None) -> bool:
    """Y-14: the residual value of demolished structures counts only on industrial,
    warehouse, cultural or research land, and only where structures are demolished."""
    return old_land_class in RESIDUAL_CLASSES and bool(demolition)


# ------------------------------------------------------------------ input


def _old_class(raw: str | None) -> str | None:
    """``old_land_class`` as industrial / warehouse / cultural / research / other."""
    return None if raw is None else _OLD_CLASS.get(raw.lower(), _OLD_CLASS.get(raw))


def _input_problems(pid: str, values: dict[str, float], raw_class: str | None) -> list[str]:
    """Input errors of one project: one appraisal without the other, negative amounts, a
    benchmark ratio outside 0–1 or without its price, an unknown old land class."""
    problems = []
    new, old, bench, ratio = (values[n] for n in ("value_new", "value_old", "bench", "ratio"))
    if is_known(new) != is_known(old):
        name = "value_old" if is_known(new) else "value_new"
        problems.append(
            f"项目 {pid}：{name} 为空（新旧条件地价须同时填写）/ project {pid}: {name} is "
            "empty; give both values, or neither when no price is due"
        )
    for name in ("value_new", "value_old", "residual_value", "benchmark_price", *_DEDUCTIONS):
        value = values["bench" if name == "benchmark_price" else name]
        if is_known(value) and value < 0:
            problems.append(f"项目 {pid}：{name} 为负数 / project {pid}: {name} is negative")
    if is_known(ratio) and not 0 <= ratio <= 1:
        problems.append(
            f"项目 {pid}：benchmark_ratio {ratio:g} 应在 0–1 之间（30% 写 0.3）/ project "
            f"{pid}: benchmark_ratio must lie in 0–1 (30 % = 0.3)"
        )
    if is_known(bench) != is_known(ratio):
        problems.append(
            f"项目 {pid}：N-9 公示地价核算须同时填写 benchmark_price 与 benchmark_ratio / "
            f"project {pid}: give both benchmark_price and benchmark_ratio, or neither"
        )
    if raw_class is not None and _old_class(raw_class) is None:
        problems.append(
            f"项目 {pid}：old_land_class {raw_class!r} 无法识别；可用 {sorted(set(_OLD_CLASS))} / "
            f"project {pid}: old_land_class {raw_class!r} is not one of "
            f"{sorted(set(_OLD_CLASS.values()))}"
        )
    return problems


def land_price(projects: gpd.GeoDataFrame, label: str = "projects") -> CheckResult:
    """补缴地价与缴款计划 per project (Y-14, Y-15, N-9).

    ``price_due = value_new − (value_old + residual_value)``, not below 0 (residual only
    where :func:`residual_counts`); different valuation dates → ``price_pass`` false.
    ``first_amount`` (50 %) by ``first_due_date`` = contract + 1 month, ``rest_amount`` by
    ``final_due_date`` = contract + 2 years. ``alt_price`` (N-9) where ``benchmark_price``
    and ``benchmark_ratio`` are given; ``transition_end`` (Y-15) where ``transition_start``
    is. ``price_pass`` is null when the valuation dates cannot be compared. A project with
    neither value (e.g. a public project, or one still in its transition) gets no price
    (nulls, a reason saying so); one value without the other is an input error.
    """
    ids = project_ids(projects, label)
    area = planimetric_areas(projects, label, "project_id")
    values = {
        "value_new": numbers(projects, "value_new"),
        "value_old": numbers(projects, "value_old"),
        "residual_value": numbers(projects, "residual_value"),
        "bench": numbers(projects, "benchmark_price"),
        "ratio": numbers(projects, "benchmark_ratio"),
    } | {n: numbers(projects, n) for n in _DEDUCTIONS}
    raw_class = texts(projects, "old_land_class")
    demolition = flags(projects, "demolition")
    date_new, date_old = (
        dates(projects, "valuation_date_new"),
        dates(projects, "valuation_date_old"),
    )
    contract = dates(projects, "contract_date")
    t_start = dates(projects, "transition_start")

    problems: list[str] = []
    for i, pid in enumerate(ids):
        problems += _input_problems(pid, {k: v[i] for k, v in values.items()}, raw_class[i])
    raise_problems(problems, f"{label}: 补缴地价输入有误 / land price input errors")

    out: dict[str, list] = {k: [] for k in _COLUMNS}
    for i in range(len(ids)):
        row = _price_row(
            area[i],
            values["value_new"][i],
            values["value_old"][i],
            values["residual_value"][i],
            _old_class(raw_class[i]),
            demolition[i],
            date_new[i],
            date_old[i],
            contract[i],
            t_start[i],
            values["bench"][i],
            values["ratio"][i],
            [values[n][i] for n in _DEDUCTIONS],
        )
        for k, v in row.items():
            out[k].append(v)
    return CheckResult(
        pd.DataFrame(
            {
                "area_m2": area,
                "price_due": np.array(out["price_due"], dtype="float64"),
                "first_amount": np.array(out["first_amount"], dtype="float64"),
                "first_due_date": pd.Series(out["first_due_date"], dtype=object),
                "rest_amount": np.array(out["rest_amount"], dtype="float64"),
                "final_due_date": pd.Series(out["final_due_date"], dtype=object),
                "residual_counted": pd.array(out["residual_counted"], dtype="boolean"),
                "alt_price": np.array(out["alt_price"], dtype="float64"),
                "transition_end": pd.Series(out["transition_end"], dtype=object),
                "price_pass": pd.array(out["price_pass"], dtype="boolean"),
                "reasons": pd.Series(out["reasons"], dtype=object),
            }
        )
    )


# ------------------------------------------------------------------ reasons


def _residual_reason(old_class, demolition, residual, counted: bool) -> Reason:
    """Y-14: whether the residual value of demolished structures counts."""
    return reason(
        "residual_value_counted",
        "Y-14",
        {
            "old_land_class": old_class,
            "demolition": demolition,
            "residual_value": rounded(residual),
        },
        {"old_land_class": list(RESIDUAL_CLASSES), "demolition": True},
        counted,
        note=(
            "附着物剩余价值计入原用途剩余年期土地价值 / residual value added to the old value"
            if counted
            else "不计残值：仅工业、仓储、文化、科研用地且涉及拆除时计入 / residual value "
            "ignored: counted only on industrial, warehouse, cultural or research land "
            "with demolition"
        ),
    )


def _same_date_reason(date_new, date_old) -> tuple[Reason, bool | None]:
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


def _difference_items(new, old, residual, old_class, demolition, date_new, date_old):
    """Y-14 price difference with its reasons: (items, due in cents, residual counted,
    same-valuation-date verdict or None when a date is missing)."""
    counted = residual_counts(old_class, demolition)
    residual = residual if is_known(residual) else 0.0
    items = [_residual_reason(old_class, demolition, residual, counted)]
    used_residual = residual if counted else 0.0
    raw = money(new) - (money(old) + money(used_residual))
    due = price_difference(new, old, used_residual)
    items.append(
        reason(
            "price_difference",
            "Y-14",
            rounded(float(raw)),
            0,
            None,
            value_new=rounded(new),
            value_old=rounded(old),
            residual_value=rounded(used_residual),
            price_due=rounded(yuan(due)),
            note=(
                "新条件地价不高于原条件：不补缴（差额不退还）/ new value not above the old: "
                "nothing due (no refund)"
                if raw <= 0
                else None
            ),
        )
    )
    same_date, passed = _same_date_reason(date_new, date_old)
    items.append(same_date)
    return items, due, counted, passed


def _schedule_item(contract, first, rest, first_date, final_date) -> Reason:
    """Y-15 instalments: 50 % within one month of the contract, the rest within two years."""
    return reason(
        "instalment_schedule",
        "Y-15",
        {
            "contract_date": None if contract is None else contract.isoformat(),
            "first_amount": rounded(yuan(first)),
            "first_due_date": None if first_date is None else first_date.isoformat(),
            "rest_amount": rounded(yuan(rest)),
            "final_due_date": None if final_date is None else final_date.isoformat(),
        },
        {
            "first_share": float(FIRST_SHARE),
            "months": FIRST_DUE_MONTHS,
            "years": FINAL_DUE_YEARS,
        },
        None,
        note="签订合同后一个月内缴纳 50%，其余两年内缴清；无对应日取月末日"
        + (
            ""
            if contract is not None
            else "；合同签订日缺失，未排缴款日期 / contract_date missing: no due dates"
        ),
    )


def _benchmark_item(alt: int, bench, ratio, area, used: list[float]) -> Reason:
    """N-9: the published-price alternative, reported beside the price due."""
    return reason(
        "benchmark_price_alternative",
        "N-9",
        rounded(yuan(alt)),
        None,
        None,
        benchmark_price=rounded(bench),
        benchmark_ratio=rounded(ratio, 6),
        area_m2=rounded(area),
        deductions={
            "preparation": rounded(used[0]),
            "handover": rounded(used[1]),
            "facilities": rounded(used[2]),
        },
        note="公示地价×比例×面积−土地整理、移交公益性用地或建筑、配建设施扣减，不低于 0；"
        "与地价差额并列供决策 / alternative, reported beside price_due",
    )


def _transition_item(start: dt.date, end: dt.date) -> Reason:
    """Y-15: the 5-year transition of new industries in existing buildings."""
    return reason(
        "transition_period",
        "Y-15",
        start.isoformat(),
        end.isoformat(),
        None,
        years=TRANSITION_YEARS,
        note="新产业新业态利用存量房屋：按原用途和权利类型使用 5 年，暂不变更用途、不补缴地价；"
        "期满日 = 起始日 + 5 年（起始日不计入，《民法典》第二百零一、二百零二条）/ "
        "5-year transition with the original use; ends on start + 5 years",
    )


_NO_APPRAISAL = reason(
    "price_difference",
    "Y-14",
    None,
    None,
    None,
    note="未填写新旧条件地价：不核算补缴地价（如公益项目或过渡期内）/ no appraisal "
    "given: no price difference computed",
)


def _price_row(
    area,
    new,
    old,
    residual,
    old_class,
    demolition,
    date_new,
    date_old,
    contract,
    t_start,
    bench,
    ratio,
    deductions,
) -> dict:
    """One project's price due, instalments, alternative and transition (Y-14, Y-15, N-9)."""
    if not (is_known(new) or is_known(old)):
        items, due, counted, passed = [_NO_APPRAISAL], None, None, None
    else:
        items, due, counted, passed = _difference_items(
            new, old, residual, old_class, demolition, date_new, date_old
        )
    first = rest = first_date = final_date = None
    if due is not None:
        first, rest = instalments(due)
        if contract is not None:
            first_date, final_date = payment_schedule(contract)
        items.append(_schedule_item(contract, first, rest, first_date, final_date))
    alt = None
    if is_known(bench) and is_known(ratio):
        used = [d if is_known(d) else 0.0 for d in deductions]
        alt = benchmark_alternative(bench, ratio, area, used)
        items.append(_benchmark_item(alt, bench, ratio, area, used))
    end = None
    if t_start is not None:
        end = transition_end(t_start)
        items.append(_transition_item(t_start, end))
    return {
        "price_due": yuan(due),
        "first_amount": yuan(first),
        "first_due_date": first_date,
        "rest_amount": yuan(rest),
        "final_due_date": final_date,
        "residual_counted": counted,
        "alt_price": yuan(alt),
        "transition_end": end,
        "price_pass": passed,
        "reasons": reasons_json(items),
    }
