"""资金平衡 of a redevelopment unit (Y-3, N-3, N-5): the unit rates of a profile's
``funding`` section, the phases of 实施时序 and the balance by phase; money in 元,
each item rounded half up to the cent."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from ..checks.common import redevelopment_mode
from ..common.errors import LowlandInputError, split_bilingual
from ..common.money import money, to_cents, yuan
from ..common.profiles import Profile
from ..common.values import as_text, is_known

#: Phases of 实施时序 (Y-3 "先易后难、分步推进"), in order; ``None`` = not yet set.
PHASES = ("near", "mid", "far")
PHASE_LABELS = {"near": "近期", "mid": "中期", "far": "远期", None: "时序待定"}
#: Chinese phase names accepted on input as well (buildunits refuses anything else).
_PHASE_ALIASES = {"近期": "near", "中期": "mid", "远期": "far"}


def normalise_phase(value) -> str | None:
    """``near``/``mid``/``far`` (or 近期/中期/远期) → the code; anything else → None."""
    text = as_text(value)
    if text is None:
        return None
    return text if text in PHASES else _PHASE_ALIASES.get(text)


@dataclass(frozen=True)
class FundingRates:
    """Unit rates (元) and phase years of a profile's ``funding`` section, with sources."""

    compensation_per_m2_gfa: float
    demolition_per_m2_gfa: float
    infrastructure_per_m2_land: float
    facility_per_m2_land: float
    transfer_price_per_m2_gfa: float
    phase_years: dict[str, tuple[int, int]]
    sources: dict[str, str]
    clause: str = "Y-3"


def funding_rates(profile: Profile) -> FundingRates:
    """The ``funding`` section of ``profile``; a profile without one is refused."""
    rule = profile.funding
    if rule is None:
        raise LowlandInputError(
            f"规则档案 {profile.label} 没有 funding（资金平衡单价）部分；请按内置档案 default.json "
            f"补充 / rule profile {profile.label} has no 'funding' section (unit rates of the "
            "funding balance); add one as in the bundled default.json"
        )
    p = rule.params
    years = {k: (int(v[0]), int(v[1])) for k, v in p["phase_years"].items()}
    bad = [k for k in PHASES if years[k][0] > years[k][1]]
    order = [years[k] for k in PHASES]
    if bad or any(a[1] >= b[0] for a, b in zip(order, order[1:], strict=False)):
        raise LowlandInputError(
            f"规则档案 {profile.label}: funding.phase_years {years} 应为依次衔接、起不晚于止的年份 / "
            "phase years must be ordered near < mid < far, each start ≤ end"
        )
    texts = {k: profile.sources.get(v, v) for k, v in rule.sources.items()}
    return FundingRates(
        compensation_per_m2_gfa=float(p["compensation_per_m2_gfa"]),
        demolition_per_m2_gfa=float(p["demolition_per_m2_gfa"]),
        infrastructure_per_m2_land=float(p["infrastructure_per_m2_land"]),
        facility_per_m2_land=float(p["facility_per_m2_land"]),
        transfer_price_per_m2_gfa=float(p["transfer_price_per_m2_gfa"]),
        phase_years=years,
        sources=texts,
        clause=rule.clause,
    )


def amount(quantity: float, rate: float) -> float:
    """``quantity × rate`` in 元, rounded half up to the cent (exact decimals)."""
    return yuan(to_cents(money(quantity) * money(rate)))


def phase_of_year(year: int, phase_years: Mapping[str, tuple[int, int]]) -> str:
    """The phase whose years contain ``year``; before the near term → near, after the
    far term → far, in a gap → the next phase."""
    for phase in PHASES:
        if year <= phase_years[phase][1]:
            return phase
    return "far"


def funding_balance(
    *,
    lowland_gfa_m2: float,
    lowland_area_m2: float,
    facility_area_m2: float,
    transferred_gfa_m2: float,
    payments: Iterable[tuple[str, float, dt.date | None]],
    phase: str | None,
    rates: FundingRates,
    acquired_share: float = 1.0,
    sales: Iterable[tuple[str, float | None]] = (),
) -> dict:
    """资金平衡 of a unit (Y-3, N-3, N-5).

    Costs: compensation and demolition = existing floor area of the unit's low-efficiency
    parcels × rate; infrastructure = low-efficiency land area × rate; public facilities
    = public-facility land of the unit × rate. Revenues: land price = the instalments of
    the land price check (``payments``: (project_id, amount 元, due date)); transferred
    floor area × rate. Each item is rounded to the cent; totals add the items;
    ``balance = revenue_total − cost_total``.

    Modes (Y-3, N-3, N-5): compensation and demolition are costs of 收储 only, on
    ``acquired_share`` of the low-efficiency floor area (0 when every project is
    原权利人改造); ``sales`` are the 出让 revenues (new-conditions land value) of the
    acquired projects, whose 补缴地价 is not in ``payments`` — so no mode's costs meet
    the other mode's revenue; the unit total is the sum.

    Phasing: costs fall in the unit's phase (``None``: 时序待定); a payment in the phase
    containing its due date's year (no date: the unit's phase), the transfer revenue in
    the unit's phase. Rows near, mid, far (and 时序待定 when used) with cost, revenue,
    balance and the cumulative balance.
    """
    acquired = float(
        money(lowland_gfa_m2 if is_known(lowland_gfa_m2) else 0.0) * money(acquired_share)
    )
    costs = [
        _line("compensation", "征收（收储）补偿", "低效地块现状建筑面积", acquired, "m²",
              rates.compensation_per_m2_gfa, "元/m²", rates.sources["compensation_per_m2_gfa"]),
        _line("demolition", "拆除", "低效地块现状建筑面积", acquired, "m²",
              rates.demolition_per_m2_gfa, "元/m²", rates.sources["demolition_per_m2_gfa"]),
        _line("infrastructure", "基础设施建设", "低效用地面积", lowland_area_m2, "m²",
              rates.infrastructure_per_m2_land, "元/m²", rates.sources["infrastructure_per_m2_land"]),
        _line("facilities", "公共服务设施建设", "公共设施用地面积", facility_area_m2, "m²",
              rates.facility_per_m2_land, "元/m²", rates.sources["facility_per_m2_land"]),
    ]  # fmt: skip
    payments = [(pid, float(a), d) for pid, a, d in payments if is_known(a)]
    sold = [(pid, float(a)) for pid, a in sales if a is not None and is_known(a)]
    price_total = float(sum(Decimal(repr(a)) for _, a, _ in payments))
    revenues = [
        {
            "item": "land_price",
            "label": "补缴地价（土地出让收入）",
            "basis": "项目补缴地价核算（Y-14、Y-15）",
            "quantity": len({pid for pid, _, _ in payments}),
            "quantity_unit": "个项目",
            "rate": None,
            "rate_unit": None,
            "amount": price_total,
            "source": "lowland:landprice",
        },
        _line("transfer", "转移建筑面积收入", "转移（异地统筹）建筑面积", transferred_gfa_m2, "m²",
              rates.transfer_price_per_m2_gfa, "元/m²", rates.sources["transfer_price_per_m2_gfa"]),
        {
            "item": "sale",
            "label": "收储地块出让收入",
            "basis": "收储项目新条件土地价值（Y-3、N-5）",
            "quantity": len(sold),
            "quantity_unit": "个项目",
            "rate": None,
            "rate_unit": None,
            "amount": cent_sum(a for _, a in sold),
            "source": "value_new",
        },
    ]  # fmt: skip
    cost_total = cent_sum(c["amount"] for c in costs)
    revenue_total = cent_sum(r["amount"] for r in revenues)

    by_phase: dict[str | None, list[float]] = {p: [0.0, 0.0] for p in PHASES}
    by_phase.setdefault(phase, [0.0, 0.0])
    by_phase[phase][0] = cost_total
    by_phase[phase][1] = cent_sum(
        [by_phase[phase][1], revenues[1]["amount"], revenues[2]["amount"]]
    )
    for _pid, value, due in payments:
        target = phase if due is None else phase_of_year(due.year, rates.phase_years)
        by_phase.setdefault(target, [0.0, 0.0])
        by_phase[target][1] = cent_sum([by_phase[target][1], value])
    rows, cumulative = [], 0.0
    for key in [*PHASES, None]:
        if key not in by_phase:
            continue
        cost, revenue = by_phase[key]
        balance = cent_sum([revenue, -cost])
        cumulative = cent_sum([cumulative, balance])
        years = rates.phase_years.get(key) if key is not None else None
        rows.append(
            {
                "phase": key,
                "label": PHASE_LABELS[key],
                "years": f"{years[0]}–{years[1]}年" if years else "—",
                "cost": cost,
                "revenue": revenue,
                "balance": balance,
                "cumulative": cumulative,
                "is_unit_phase": key == phase,
            }
        )
    balance = cent_sum([revenue_total, -cost_total])
    return {
        "costs": costs,
        "revenues": revenues,
        "cost_total": cost_total,
        "revenue_total": revenue_total,
        "balance": balance,
        "balanced": balance >= 0,
        "ratio": revenue_total / cost_total if cost_total > 0 else None,
        "phasing": rows,
        "clause": rates.clause,
        # the document is Chinese: the Chinese part of bilingual sources
        "sources": sorted({split_bilingual(s)[0] for s in rates.sources.values()}),
    }


def _line(item, label, basis, quantity, quantity_unit, rate, rate_unit, source) -> dict:
    quantity = 0.0 if not is_known(quantity) else float(quantity)
    return {
        "item": item,
        "label": label,
        "basis": basis,
        "quantity": quantity,
        "quantity_unit": quantity_unit,
        "rate": rate,
        "rate_unit": rate_unit,
        "amount": amount(quantity, rate),
        "source": source,
    }


def cent_sum(values: Iterable[float]) -> float:
    """Exact decimal sum of cent amounts, as a float with two decimals."""
    return yuan(to_cents(sum((money(v) for v in values), Decimal(0))))


def funding_modes(
    price_rows: list[dict],
) -> tuple[float, list[tuple[str, float | None]], list[dict]]:
    """Split the unit's projects by ``redevelopment_mode``: (share of the projects' land
    that is acquired — 收储 and 联合 projects — of the projects with a mode, 出让
    revenues (value_new) of those projects, the rows whose 补缴地价 is revenue — 原权利人
    改造 ones). No mode on any project (or no project): the unit is taken as 收储 then
    出让 — share 1, no 补缴地价; the caller estimates the 出让 revenue."""
    modes = [redevelopment_mode(r.get("redevelopment_mode")) for r in price_rows]
    if not any(modes):
        return 1.0, [], []
    area = {"acquired": 0.0, "all": 0.0}
    sales: list[tuple[str, float | None]] = []
    owners: list[dict] = []
    for r, mode in zip(price_rows, modes, strict=True):
        size = r.get("area_m2") or 0.0
        if mode is None:
            continue
        area["all"] += size
        if mode in ("acquisition", "joint"):
            area["acquired"] += size
            sales.append((r["project_id"], r.get("value_new")))
        else:
            owners.append(r)
    share = area["acquired"] / area["all"] if area["all"] > 0 else 0.0
    return share, sales, owners


def funding_section(
    overview: dict, price_rows: list[dict], gfa: float, gfa_basis: str, rates: FundingRates
) -> dict:
    """资金平衡 of the unit: 收储 projects bring compensation and demolition costs and
    their 出让 revenue, 原权利人改造 projects their land price (Y-3, N-3, N-5)."""
    share, sales, owners = funding_modes(price_rows)
    estimated = not sales and not owners
    if estimated:
        sales = [("—", _sale_estimate(overview, rates))]
    payments = []
    for r in owners:
        if not r["computed"]:
            continue
        if r["first_amount"] is not None:  # Y-15 instalments, applied for
            payments.append((r["project_id"], r["first_amount"], r["first_due_date"]))
            payments.append((r["project_id"], r["rest_amount"], r["final_due_date"]))
        else:  # the whole amount on the contract date (0 inside the N-11 transition)
            payments.append((r["project_id"], r["price_due"], r["due_date"]))
    funding = funding_balance(
        lowland_gfa_m2=gfa,
        lowland_area_m2=overview["lowland_area_m2"] or 0.0,
        facility_area_m2=overview["facility_area_m2"] or 0.0,
        transferred_gfa_m2=overview["gfa_transferred"] or 0.0,
        payments=payments,
        phase=overview["phase"],
        rates=rates,
        acquired_share=share,
        sales=sales,
    )
    for line in funding["costs"][:2]:
        line["basis"] = gfa_basis + (f" × 收储项目用地占比 {share:.2%}" if share < 1 else "")
    funding["transfer_given"] = overview["gfa_transferred"] is not None
    funding["acquired_share"] = share
    if estimated:
        sale = funding["revenues"][2]
        sale["basis"] = (
            "未填写再开发方式：按收储后出让估算 = 规划建筑面积 × 低效用地占比 × 转移建筑面积单价"
        )
        sale["quantity"], sale["source"] = 1, rates.sources["transfer_price_per_m2_gfa"]
    return funding


def _sale_estimate(overview: dict, rates: FundingRates) -> float | None:
    """出让 revenue of a unit acquired as a whole (Y-3, N-5): planned floor area
    (``gfa_capacity``) × low-efficiency share × the profile's floor-area price; None
    when the capacity is unknown."""
    capacity, share = overview.get("gfa_capacity"), overview.get("lowland_share")
    if capacity is None:
        return None
    gfa = capacity * (share if share is not None else 1.0)
    return round(gfa * rates.transfer_price_per_m2_gfa, 2)
