"""补缴地价与缴款计划 (Y-13, Y-14, Y-15, N-9, N-11) per project of the project template
(``projects`` layer in canonical fields).

Y-13: no land price for lifts or care facilities on existing estate land
(``y13_exempt_kind`` lift / care); old factories turned non-profit where the 划拨用地目录
allows (``allocation_eligible``) → 划拨, no 出让 price. Y-14: the price due is the new-use
value minus the old-use value, both at the same base date, never below 0; the residual
value of demolished structures counts into the old value when the use of industrial,
warehouse, cultural, research land "等" (profile ``residual_classes``) actually changes;
an unlisted class is reported (met None), not silently dropped. Y-15 / N-11: during the
national 5-year transition nothing is due (``price_due_from`` = its end); instalments
only "经申请" (``instalment_requested``), with the profile's share, months and years;
otherwise the whole amount is due on the contract date. N-9: two separate alternatives,
(a) 公示地价 × ratio × area and (b) market value − 整理/移交/配建/多地块联动 costs.

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
from ..common.profiles import Profile, load_profile
from ..common.reasons import Reason, reason, reasons_json
from ..common.values import dates, flags, is_known, numbers, rounded, texts
from .common import (
    CheckResult,
    planimetric_areas,
    project_ids,
    raise_problems,
    redevelopment_mode,
)
from .land_price_reasons import (
    NO_APPRAISAL,
    TRANSITION_YEARS,
    lump_item,
    market_item,
    ratio_item,
    same_date_reason,
    transition_item,
    y13_item,
)

#: Y-15 instalments of the bundled default profile (the profile's ``instalment_*`` values
#: are what the check uses; these are for help texts only).
FIRST_SHARE = Decimal("0.5")
FIRST_DUE_MONTHS = 1
FINAL_DUE_YEARS = 2
#: Y-13 exemptions: lift (加装电梯) / care (养老托育) on existing estate land; none.
Y13_KINDS = {
    "lift": "lift",
    "电梯": "lift",
    "加装电梯": "lift",
    "增设电梯": "lift",
    "care": "care",
    "养老托育": "care",
    "养老": "care",
    "托育": "care",
    "none": "none",
    "无": "none",
}

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
    "commercial": "commercial",
    "商业": "commercial",
    "商业服务业": "commercial",
    "residential": "residential",
    "住宅": "residential",
    "居住": "residential",
    "public": "public",
    "公共管理与公共服务": "public",
    "other": "other",
    "其他": "other",
}
_DEDUCTIONS = (
    "deduction_preparation",
    "deduction_handover",
    "deduction_facilities",
    "linkage_cost",
)
_COLUMNS = tuple(
    "price_due price_status price_due_from due_date first_amount first_due_date rest_amount "
    "final_due_date residual_counted alt_price alt_price_ratio alt_price_market transition_end "
    "price_pass reasons".split()
)
#: ``price_status`` texts.
STATUS_TRANSITION = "过渡期内暂不补缴"
STATUS_LUMP = "一次性缴清"
STATUS_INSTALMENTS = "分期缴纳"
STATUS_NONE_DUE = "无需补缴"
STATUS_Y13 = "不增收土地价款"
STATUS_ALLOCATION = "划拨供地，不收出让价款"
STATUS_NOT_COMPUTED = "未核算"
STATUS_PUBLIC_SALE = "收储后公开出让，不适用补缴地价"


# ------------------------------------------------------------------ rules


def payment_schedule(
    contract_date: dt.date, months: int = FIRST_DUE_MONTHS, years: int = FINAL_DUE_YEARS
) -> tuple[dt.date, dt.date]:
    """(first_due_date, final_due_date): contract + ``months``, contract + ``years`` (Y-15)."""
    return add_months(contract_date, months), add_years(contract_date, years)


def transition_end(start: dt.date) -> dt.date:
    """End of the N-11 / Y-15 5-year transition: ``start`` + 5 years (the start day is not
    counted and the period ends on the corresponding day, 《民法典》第二百零一、二百零二条);
    the price is due from this day on."""
    return add_years(start, TRANSITION_YEARS)


def in_transition(start: dt.date | None, reference: dt.date) -> bool:
    """N-11 / Y-15: ``reference`` lies in [start, start + 5 years): 暂不补缴土地价款."""
    return start is not None and start <= reference < transition_end(start)


def price_difference(value_new: float, value_old: float, residual: float = 0.0) -> int:
    """Y-14 price due in cents: new − (old + residual), never below 0."""
    due = money(value_new) - (money(value_old) + money(residual))
    return max(0, to_cents(due))


def instalments(due_cents: int, share: float | Decimal = FIRST_SHARE) -> tuple[int, int]:
    """(first, rest) in cents: the first ``share`` rounded half up to the cent (so it is
    never less than the share), the rest = due − first, so first + rest = due (Y-15)."""
    first = to_cents(Decimal(due_cents) * Decimal(str(share)) / 100)
    return first, due_cents - first


def ratio_alternative(benchmark_price: float, benchmark_ratio: float, area_m2: float) -> int:
    """N-9 (a) in cents: 公示地价 × ratio × area — no deductions (those belong to (b))."""
    return to_cents(money(benchmark_price) * money(benchmark_ratio) * money(area_m2))


def market_alternative(market_value: float, costs: Iterable[float] = ()) -> int:
    """N-9 (b) in cents: market value − 土地整理、移交公益性用地或建筑、配建设施、多地块联动
    costs, not below 0."""
    net = money(market_value) - sum((money(c) for c in costs), Decimal(0))
    return max(0, to_cents(net))


def use_changes(
    old_class: str | None,
    new_class: str | None,
    old_code: str | None = None,
    new_code: str | None = None,
) -> bool | None:
    """Y-14 "变更…土地用途": the classes differ (``other`` on both sides cannot tell), else
    the 2023 use codes differ; None when neither pair is known."""
    if old_class is not None and new_class is not None:
        if old_class == new_class == "other":
            return None
        return old_class != new_class
    if old_code is not None and new_code is not None:
        return old_code.strip() != new_code.strip()
    return None


def residual_counts(
    old_land_class: str | None,
    demolition: bool | None,
    use_changed: bool | None = True,
    classes: Iterable[str] = ("industrial", "warehouse", "cultural", "research"),
) -> bool | None:
    """Y-14: the residual value of demolished structures counts when the use of land of the
    listed classes "等" changes and structures are demolished. False: no demolition or no
    use change; None: unknown, or a class outside the list that "等" may cover (to confirm)."""
    if demolition is False or use_changed is False:
        return False
    if demolition is None or use_changed is None:
        return None
    return True if old_land_class in set(classes) else None


# ------------------------------------------------------------------ input


def _old_class(raw: str | None) -> str | None:
    """A land class (``old_land_class`` / ``new_land_class``) as its code."""
    return None if raw is None else _OLD_CLASS.get(raw.lower(), _OLD_CLASS.get(raw))


def _y13_kind(raw: str | None) -> str | None:
    """``y13_exempt_kind`` as lift / care / none."""
    return None if raw is None else Y13_KINDS.get(raw.lower(), Y13_KINDS.get(raw))


def _input_problems(pid: str, values: dict[str, float], raw: dict[str, str | None]) -> list[str]:
    """Input errors of one project: one appraisal without the other, negative amounts, a
    benchmark ratio outside 0–1 or without its price, an unknown class or Y-13 kind."""
    problems = []
    new, old, bench, ratio = (values[n] for n in ("value_new", "value_old", "bench", "ratio"))
    if is_known(new) != is_known(old):
        name = "value_old" if is_known(new) else "value_new"
        problems.append(
            f"项目 {pid}：{name} 为空（新旧条件地价须同时填写）/ project {pid}: {name} is "
            "empty; give both values, or neither when no price is due"
        )
    for name in (
        "value_new",
        "value_old",
        "residual_value",
        "benchmark_price",
        "market_value",
        *_DEDUCTIONS,
    ):
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
    for name in ("old_land_class", "new_land_class"):
        if raw[name] is not None and _old_class(raw[name]) is None:
            problems.append(
                f"项目 {pid}：{name} {raw[name]!r} 无法识别；可用 {sorted(set(_OLD_CLASS))} / "
                f"project {pid}: {name} {raw[name]!r} is not one of "
                f"{sorted(set(_OLD_CLASS.values()))}"
            )
    if raw["y13_exempt_kind"] is not None and _y13_kind(raw["y13_exempt_kind"]) is None:
        problems.append(
            f"项目 {pid}：y13_exempt_kind {raw['y13_exempt_kind']!r} 无法识别；可用 lift（加装电梯）、"
            f"care（养老托育）、none / project {pid}: y13_exempt_kind must be lift, care or none"
        )
    return problems


def land_price(
    projects: gpd.GeoDataFrame,
    label: str = "projects",
    profile: Profile | None = None,
    reference: dt.date | None = None,
) -> CheckResult:
    """补缴地价与缴款计划 per project (Y-13, Y-14, Y-15, N-9, N-11).

    ``price_due = value_new − (value_old + residual_value)``, not below 0 (residual only
    where :func:`residual_counts` is true); different valuation dates → ``price_pass``
    false, a missing one → null. ``reference`` (default today) inside the transition
    [``transition_start``, ``transition_end``) → ``price_due`` 0, ``price_status``
    过渡期内暂不补缴, ``price_due_from`` = ``transition_end``, no instalments. Y-13
    exemption or 划拨 → 0 with its status. Otherwise the whole amount is due on
    ``due_date`` = ``contract_date``, or, when ``instalment_requested``, ``first_amount``
    by ``first_due_date`` and ``rest_amount`` by ``final_due_date`` (profile
    ``instalment_*``). ``alt_price_ratio`` / ``alt_price_market`` (N-9 a, b; ``alt_price``
    = a). A project with neither value gets no price (nulls, a reason); one value without
    the other is an input error. Non-adopted profile values used are warned once.
    """
    profile = profile or load_profile("default")
    reference = reference or dt.date.today()
    ids = project_ids(projects, label)
    area = planimetric_areas(projects, label, "project_id")
    values = {
        "value_new": numbers(projects, "value_new"),
        "value_old": numbers(projects, "value_old"),
        "residual_value": numbers(projects, "residual_value"),
        "bench": numbers(projects, "benchmark_price"),
        "ratio": numbers(projects, "benchmark_ratio"),
        "market_value": numbers(projects, "market_value"),
    } | {n: numbers(projects, n) for n in _DEDUCTIONS}
    raw = {
        n: texts(projects, n)
        for n in ("old_land_class", "new_land_class", "old_use_code", "new_use_code")
    }
    raw["y13_exempt_kind"] = texts(projects, "y13_exempt_kind")
    raw["redevelopment_mode"] = texts(projects, "redevelopment_mode")
    flag = {
        n: flags(projects, n) for n in ("demolition", "instalment_requested", "allocation_eligible")
    }
    day = {
        n: dates(projects, n)
        for n in ("valuation_date_new", "valuation_date_old", "contract_date", "transition_start")
    }

    problems: list[str] = []
    for i, pid in enumerate(ids):
        problems += _input_problems(
            pid, {k: v[i] for k, v in values.items()}, {k: v[i] for k, v in raw.items()}
        )
    raise_problems(problems, f"{label}: 补缴地价输入有误 / land price input errors")

    terms = _Terms(profile, reference)
    out: dict[str, list] = {k: [] for k in _COLUMNS}
    for i in range(len(ids)):
        row = _price_row(
            terms,
            i,
            area[i],
            {k: v[i] for k, v in values.items()},
            {k: v[i] for k, v in raw.items()},
            {k: v[i] for k, v in flag.items()},
            {k: v[i] for k, v in day.items()},
        )
        for k, v in row.items():
            out[k].append(v)
    table = pd.DataFrame({"area_m2": area})
    for k in _COLUMNS:
        if k in ("price_pass", "residual_counted"):
            table[k] = pd.array(out[k], dtype="boolean")
        elif k in ("price_status", "reasons") or k.endswith(("_date", "_from", "_end")):
            table[k] = pd.Series(out[k], dtype=object)
        else:
            table[k] = np.array(out[k], dtype="float64")
    return CheckResult(table, warnings=terms.warnings(ids, out))


class _Terms:
    """The profile's local numbers a run uses, and which of them it used."""

    def __init__(self, profile: Profile, reference: dt.date) -> None:
        self.profile = profile
        self.reference = reference
        self.share = Decimal(str(profile.value("instalment_first_share")))
        self.months = int(profile.value("instalment_first_months"))
        self.years = int(profile.value("instalment_final_years"))
        self.classes = tuple(profile.value("residual_classes"))
        self.used: set[str] = set()
        self.undecided: list[int] = []

    def warnings(self, ids: list[str], out: dict[str, list]) -> list[str]:
        """One warning per non-adopted value used, and one for undecided residuals."""
        order = [
            "residual_classes",
            "instalment_first_share",
            "instalment_first_months",
            "instalment_final_years",
        ]
        found = self.profile.pending([n for n in order if n in self.used])
        notes = [
            f"补缴地价使用了未正式采用的地方取值 / non-adopted local value used: {p}" for p in found
        ]
        if self.undecided:
            names = [ids[i] for i in self.undecided]
            notes.append(
                f"项目 {names}：拆除附着物残值是否计入待确认（Y-14“等”类别、用途是否改变或是否拆除"
                "未明），price_due 暂未扣除残值 / residual value undecided (Y-14): price_due "
                "does not deduct it yet"
            )
        return notes


# ------------------------------------------------------------------ reasons


def _residual_reason(
    old_class, new_class, use_changed, demolition, residual, counted, terms: _Terms
) -> Reason:
    """Y-14: whether the residual value of demolished structures counts."""
    if counted:
        note = "附着物剩余价值计入原用途剩余年期土地价值 / residual value added to the old value"
    elif counted is False:
        note = (
            "不计残值：仅经批准变更列举类别用地用途且涉及拆除时计入（未拆除或用途未改变）/ "
            "residual value ignored: counted only for a use change with demolition"
        )
    else:
        note = (
            "待确认：原用途不在列举类别（工业、仓储、文化、科研等），或用途是否改变、是否拆除未填写；"
            "若属“等”类且改变用途并拆除，残值应计入；price_due 暂未扣除 / undecided: a class the "
            "list's “等” may cover, or use change / demolition unknown; price_due does not deduct it"
        )
    return reason(
        "residual_value_counted",
        "Y-14",
        {
            "old_land_class": old_class,
            "new_land_class": new_class,
            "use_changed": use_changed,
            "demolition": demolition,
            "residual_value": rounded(residual),
        },
        {"old_land_class": list(terms.classes), "use_changed": True, "demolition": True},
        counted,
        source=terms.profile.cite("residual_classes"),
        note=note,
    )


def _difference_items(terms: _Terms, val: dict, raw: dict, flag: dict, day: dict):
    """Y-14 price difference with its reasons: (items, due in cents, residual counted,
    same-valuation-date verdict or None when a date is missing)."""
    old_class, new_class = _old_class(raw["old_land_class"]), _old_class(raw["new_land_class"])
    changed = use_changes(old_class, new_class, raw["old_use_code"], raw["new_use_code"])
    counted = residual_counts(old_class, flag["demolition"], changed, terms.classes)
    residual = val["residual_value"] if is_known(val["residual_value"]) else 0.0
    terms.used.add("residual_classes")
    items = [
        _residual_reason(
            old_class, new_class, changed, flag["demolition"], residual, counted, terms
        )
    ]
    used_residual = residual if counted else 0.0
    new, old = val["value_new"], val["value_old"]
    raw_diff = money(new) - (money(old) + money(used_residual))
    due = price_difference(new, old, used_residual)
    items.append(
        reason(
            "price_difference",
            "Y-14",
            rounded(float(raw_diff)),
            0,
            None,
            value_new=rounded(new),
            value_old=rounded(old),
            residual_value=rounded(used_residual),
            price_due=rounded(yuan(due)),
            note=(
                "新条件地价不高于原条件：不补缴（差额不退还）/ new value not above the old: "
                "nothing due (no refund)"
                if raw_diff <= 0
                else None
            ),
        )
    )
    same_date, passed = same_date_reason(day["valuation_date_new"], day["valuation_date_old"])
    items.append(same_date)
    return items, due, counted, passed


def _schedule_item(terms: _Terms, contract, first, rest, first_date, final_date) -> Reason:
    """Y-15 instalments "经申请": the profile's share within its months, the rest within
    its years of the contract."""
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
        {"first_share": float(terms.share), "months": terms.months, "years": terms.years},
        None,
        source="；".join(
            dict.fromkeys(
                terms.profile.cite(n)
                for n in (
                    "instalment_first_share",
                    "instalment_first_months",
                    "instalment_final_years",
                )
            )
        ),
        note=f"经申请分期：签订合同后 {terms.months} 个月内缴纳 {float(terms.share):.0%}，其余 "
        f"{terms.years} 年内缴清；无对应日取月末日"
        + (
            ""
            if contract is not None
            else "；合同签订日缺失，未排缴款日期 / contract_date missing: no due dates"
        ),
    )


def _alternatives(area, val: dict) -> tuple[int | None, int | None, list[Reason]]:
    """N-9 (a) and (b), each where its inputs are given."""
    items: list[Reason] = []
    alt_a = alt_b = None
    if is_known(val["bench"]) and is_known(val["ratio"]):
        alt_a = ratio_alternative(val["bench"], val["ratio"], area)
        items.append(ratio_item(alt_a, val["bench"], val["ratio"], area))
    costs = [val[n] if is_known(val[n]) else 0.0 for n in _DEDUCTIONS]
    given = any(is_known(val[n]) for n in _DEDUCTIONS)
    if is_known(val["market_value"]) or given:
        if is_known(val["market_value"]):
            alt_b = market_alternative(val["market_value"], costs)
        items.append(market_item(alt_b, val["market_value"], costs))
    return alt_a, alt_b, items


def _public_sale_row(area, val: dict) -> dict:
    """Y-14 prices the difference where land is 经批准以协议方式出让 to its holder; land the
    government acquires (收储) is sold again in public (招拍挂), so no 补缴地价 is computed
    (price_due null, not 0). N-9's alternatives are still reported."""
    alt_a, alt_b, alt_items = _alternatives(area, val)
    items = [
        reason(
            "price_difference",
            "Y-14",
            "acquisition",
            "agreement",
            None,
            note="再开发方式为收储后出让：公开出让，不按协议出让补缴地价（Y-14 适用于经批准以协议方式"
            "出让的土地）/ acquired and sold in public: no price difference (Y-14 prices land "
            "transferred by agreement)",
        ),
        *alt_items,
    ]
    empty = dict.fromkeys(_COLUMNS)
    return empty | {
        "price_status": STATUS_PUBLIC_SALE,
        "alt_price": yuan(alt_a),
        "alt_price_ratio": yuan(alt_a),
        "alt_price_market": yuan(alt_b),
        "reasons": reasons_json(items),
    }


def _price_row(
    terms: _Terms, index: int, area, val: dict, raw: dict, flag: dict, day: dict
) -> dict:
    """One project's price due, status, payments, alternatives and transition."""
    if redevelopment_mode(raw["redevelopment_mode"]) == "acquisition":
        return _public_sale_row(area, val)
    if not (is_known(val["value_new"]) or is_known(val["value_old"])):
        items, due, counted, passed = [NO_APPRAISAL], None, None, None
    else:
        items, due, counted, passed = _difference_items(terms, val, raw, flag, day)
    if counted is None and due is not None and val["residual_value"] > 0:
        terms.undecided.append(index)
    status = STATUS_NOT_COMPUTED if due is None else None
    start, contract = day["transition_start"], day["contract_date"]
    end = due_from = None
    if start is not None:
        end = transition_end(start)
        due_from = end
        inside = in_transition(start, terms.reference)
        items.append(transition_item(start, end, terms.reference, inside))
        if inside:
            status = STATUS_TRANSITION
    exempt = y13_item(_y13_kind(raw["y13_exempt_kind"]), flag["allocation_eligible"])
    if exempt is not None and status != STATUS_TRANSITION:
        items.append(exempt)
        status = STATUS_Y13 if exempt.rule == "y13_no_land_price" else STATUS_ALLOCATION
    first = rest = first_date = final_date = due_date = None
    if status in (STATUS_TRANSITION, STATUS_Y13, STATUS_ALLOCATION):
        due = 0  # nothing due now (N-11 transition) or at all (Y-13)
    elif due is not None and due == 0:
        status = STATUS_NONE_DUE
    elif due is not None and flag["instalment_requested"]:
        status = STATUS_INSTALMENTS
        terms.used |= {
            "instalment_first_share",
            "instalment_first_months",
            "instalment_final_years",
        }
        first, rest = instalments(due, terms.share)
        if contract is not None:
            first_date, final_date = payment_schedule(contract, terms.months, terms.years)
        due_date = final_date
        items.append(_schedule_item(terms, contract, first, rest, first_date, final_date))
    elif due is not None:
        status = STATUS_LUMP
        due_date = contract
        items.append(lump_item(contract, due, flag["instalment_requested"]))
    alt_a, alt_b, alt_items = _alternatives(area, val)
    items += alt_items
    return {
        "price_due": yuan(due),
        "price_status": status,
        "price_due_from": due_from,
        "due_date": due_date,
        "first_amount": yuan(first),
        "first_due_date": first_date,
        "rest_amount": yuan(rest),
        "final_due_date": final_date,
        "residual_counted": counted,
        "alt_price": yuan(alt_a),
        "alt_price_ratio": yuan(alt_a),
        "alt_price_market": yuan(alt_b),
        "transition_end": end,
        "price_pass": passed,
        "reasons": reasons_json(items),
    }
