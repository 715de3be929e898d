"""Evaluation of a unit's scenarios (方案评估比选, issue 23 item 3): each scenario's
projects through the existing checks (:mod:`.scenario_checks`), the funding balance by
mode (:func:`~..documents.funding.funding_section`, as the 实施方案 computes it) and the
capacity envelope, turned into one :class:`~.comparison.Comparison`.

Indicators (values per scenario; ``None`` = unknown, never 0):

- ``gfa_total_m2`` 规划总建筑面积 = Σ ``gfa_proposed`` (unknown when one is missing);
- ``far`` 综合容积率 = Σ ``gfa_counted`` ÷ Σ ``area_m2`` of the FAR check (Y-4);
- ``handover_m2`` 无偿移交面积 = Σ ``gfa_handover`` (missing counts 0, as in Y-4);
- ``capacity_m2`` / ``capacity_used_pct`` / ``capacity_headroom_m2``: over the projects
  the envelope caps (an uncapped public project, Y-4, is left out and named in the
  notes): Σ ``capacity_m2``, Σ ``gfa_counted`` ÷ capacity × 100, capacity − Σ
  ``gfa_counted`` (unknown without a 控规 layer — 未测算 —, when a capped project's
  capacity is unknown, or when no project is capped);
- ``resolved_lowland_m2`` 盘活用地面积 = Σ area of the projects redeveloped (收储,
  原权利人改造, 联合; 保留 not) — the project land, which the template draws on the
  低效 land it redevelops (not intersected with the parcels) —, unknown when a project
  has no mode (Y-3);
- ``land_price_wan`` 补缴地价 = Σ ``price_due`` ÷ 10 000 (Y-14, Y-15); a project whose
  price is determined as not due (收储后出让, 划拨, Y-13, 过渡期) or kept (保留) adds 0, one 未核算
  (no valuation) makes the total unknown — a partial sum is never shown as the total;
- ``funding_income_wan`` / ``funding_cost_wan`` / ``funding_balance_wan``: the funding
  balance by mode ÷ 10 000 (Y-3, N-3, N-5; unknown without the unit's statistics);
- ``failed_checks`` 未通过核查项数 = the number of :class:`FailedCheck` (a funding
  deficit is a note, not a failed check: :func:`funding_deficit_notes`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd

from ..checks.common import redevelopment_mode
from ..checks.land_price import STATUS_NOT_COMPUTED
from ..checks.mixed_use import parse_use_json
from ..common.errors import LowlandInputError
from ..common.profiles import Profile
from ..common.values import as_text, is_known, numbers, texts
from ..documents.funding import PHASE_LABELS, funding_rates, funding_section, normalise_phase
from ..documents.plan import unit_overview
from ..documents.projects import ProjectChecks, price_rows_of
from .comparison import Comparison, FailedCheck, IndicatorRow, with_best
from .model import RETAIN_MODES, is_chosen, projects_of, validate_store
from .scenario_checks import ScenarioChecks, run_checks, scenario_failures

#: 元 per 万元.
YUAN_PER_WAN = 10_000.0
#: The compensation basis without the unit's parcels (as the 实施方案 labels it).
WHOLE_UNIT_BASIS = "单元现状总建筑面积（未提供宗地图层）"
#: The note when the whole unit's floor area stands in for the 低效地块's.
WHOLE_UNIT_NOTE = ("资金平衡的补偿与拆除按单元现状总建筑面积估算（未提供宗地图层）/ funding: "
                   "compensation and demolition on the unit's whole existing floor area (no "
                   "parcels given)")  # fmt: skip
#: What a phase without a value is called in the chart series.
NO_PHASE = "时序待定"
#: (key, 中文, English, unit, better, clause) of every indicator row, in display order.
INDICATORS = (
    ("gfa_total_m2", "规划总建筑面积", "total proposed floor area", "m²", None, None),
    ("far", "综合容积率（计容）", "FAR (counted)", "", None, "Y-4"),
    ("handover_m2", "无偿移交面积", "area handed over free of charge", "m²", "higher", "Y-4"),
    ("capacity_m2", "开发容量（受控规限制的项目）", "development capacity (capped projects)",
     "m²", None, "Y-3"),
    ("capacity_used_pct", "容量使用率", "capacity used", "%", None, "Y-3"),
    ("capacity_headroom_m2", "容量余量（容量 − 计容建筑面积）", "capacity headroom (capacity − "
     "counted floor area)", "m²", "higher", "Y-3"),
    ("resolved_lowland_m2", "盘活用地面积（再开发项目用地）", "land redeveloped (project land)", "m²",
     "higher", "Y-3"),
    ("land_price_wan", "补缴地价", "land price due", "万元", None, "Y-14"),
    ("funding_income_wan", "资金收入", "funding income", "万元", "higher", "Y-3"),
    ("funding_cost_wan", "资金支出", "funding cost", "万元", "lower", "Y-3"),
    ("funding_balance_wan", "资金平衡（收入−支出）", "funding balance (income − cost)", "万元",
     "higher", "Y-3"),
    ("failed_checks", "未通过核查项数", "failed checks", "项", "lower", None),
)  # fmt: skip


def _sum_known(values) -> float | None:
    """Σ of ``values``; None when one is unknown (or there is none)."""
    values = list(values)
    if not values or not all(is_known(v) for v in values):
        return None
    return float(sum(float(v) for v in values))


def _ratio(a: float | None, b: float | None, scale: float = 1.0) -> float | None:
    """``a ÷ b × scale``; None when either is unknown or ``b`` is 0."""
    return None if a is None or b is None or b == 0 else a / b * scale


def redeveloped(projects: pd.DataFrame) -> list[bool | None]:
    """Per project: True when redeveloped (收储 / 原权利人改造 / 联合), False when kept
    (保留), None when no mode is given."""
    out: list[bool | None] = []
    for raw in texts(projects, "redevelopment_mode"):
        if raw in RETAIN_MODES:
            out.append(False)
        else:
            out.append(True if redevelopment_mode(raw) is not None else None)
    return out


def resolved_areas(checks: ScenarioChecks) -> tuple[float | None, dict[str, float]]:
    """The 低效 area redeveloped (unknown when a project has no mode) and the area of the
    redeveloped projects by ``phase``."""
    done = redeveloped(checks.projects)
    area = checks.far["area_m2"].to_numpy(dtype=float)
    phases = texts(checks.projects, "phase")
    by_phase: dict[str, float] = {}
    for i, flag in enumerate(done):
        if flag:
            key = phase_label(phases[i])
            by_phase[key] = by_phase.get(key, 0.0) + float(area[i])
    total = None if any(f is None for f in done) else float(area[np.array(done, bool)].sum())
    return total, by_phase


def gfa_by_use(projects: pd.DataFrame) -> dict[str, float]:
    """Proposed floor area by use: ``gfa_by_use`` where given, else the whole
    ``gfa_proposed`` under ``new_use_code`` (or ``use_code``; "—" when neither)."""
    out: dict[str, float] = {}
    proposed = numbers(projects, "gfa_proposed")
    new_use, use = texts(projects, "new_use_code"), texts(projects, "use_code")
    for i, text in enumerate(texts(projects, "gfa_by_use")):
        try:
            parts = parse_use_json(text, "gfa_by_use")
        except ValueError:
            parts = {}  # the mixed-use check has refused such a value already
        if not parts and is_known(proposed[i]):
            parts = {new_use[i] or use[i] or "—": float(proposed[i])}
        for code, gfa in parts.items():
            out[code] = out.get(code, 0.0) + gfa
    return out


def funding_of(
    checks: ScenarioChecks,
    unit: Mapping | None,
    profile: Profile,
    compensation: tuple[float, str] | None = None,
) -> dict | None:
    """The funding balance of a scenario by mode, as the 实施方案 computes it
    (:func:`funding_section`: 收储 projects bring compensation, demolition and their 出让
    revenue, 原权利人改造 ones their land price); None when the unit's existing floor
    area or low-efficiency area is unknown (no unit row, or one without statistics).

    ``compensation``: the floor area compensation and demolition are computed on and its
    label (:func:`~..documents.plan.unit_compensation_basis`: the unit's 低效地块); without
    it the unit's whole existing floor area, as the 实施方案 does without parcels."""
    if unit is None:
        return None
    overview = unit_overview(unit)
    if overview["gfa_existing"] is None or overview["lowland_area_m2"] is None:
        return None
    unit_of = pd.Series([overview["unit_id"]] * len(checks.projects), dtype=object)
    as_document = ProjectChecks(checks.projects, unit_of, checks.far, checks.price,
                                checks.mixed, checks.mixed_uses)  # fmt: skip
    price_rows = price_rows_of(as_document, np.arange(len(checks.projects)))
    gfa, basis = compensation or (overview["gfa_existing"], WHOLE_UNIT_BASIS)
    return funding_section(overview, price_rows, gfa, basis, funding_rates(profile))


def capacity_totals(checks: ScenarioChecks) -> tuple[float | None, float | None]:
    """(Σ ``capacity_m2``, Σ ``gfa_counted``) of the projects the envelope caps; (None,
    None) when not computed, when a capped project's capacity is unknown or none is
    capped."""
    table = checks.capacity
    if table is None or "capacity_m2" not in table.columns:
        return None, None
    capped = np.array([bool(c) for c in table["capped"]], dtype=bool)
    if not capped.any():
        return None, None
    capacity = _sum_known(table["capacity_m2"][capped].tolist())
    counted = _sum_known(checks.far["gfa_counted"][capped].tolist())
    return (capacity, counted) if capacity is not None else (None, None)


def uncapped_notes(checks: ScenarioChecks, scenario_id: str) -> list[str]:
    """The projects left out of the capacity rows: public projects the planned FAR does
    not limit (Y-4)."""
    table = checks.capacity
    if table is None or "capped" not in table.columns:
        return []
    ids = [str(p) for p, c in zip(texts(checks.projects, "project_id"), table["capped"],
                                  strict=True) if not bool(c)]  # fmt: skip
    if not ids:
        return []
    return [f"方案 {scenario_id}：公益项目 {ids} 不受规划容积率限制（Y-4），未计入开发容量 / "
            f"scenario {scenario_id}: public projects {ids} are uncapped (Y-4) and left out of "
            "the capacity rows"]  # fmt: skip


def scenario_values(
    checks: ScenarioChecks, failures: list[FailedCheck], funding: dict | None
) -> dict[str, float | None]:
    """The indicator values of one scenario (module docstring)."""
    gfa = _sum_known(checks.projects.get("gfa_proposed", pd.Series(dtype=float)).tolist())
    area = float(checks.far["area_m2"].sum())
    capacity, capped_gfa = capacity_totals(checks)
    handover = np.nan_to_num(numbers(checks.projects, "gfa_handover"), nan=0.0)
    money = {} if funding is None else {
        "funding_income_wan": funding["revenue_total"] / YUAN_PER_WAN,
        "funding_cost_wan": funding["cost_total"] / YUAN_PER_WAN,
        "funding_balance_wan": funding["balance"] / YUAN_PER_WAN,
    }  # fmt: skip
    return {
        "gfa_total_m2": gfa,
        "far": _ratio(float(checks.far["gfa_counted"].sum()), area),
        "handover_m2": float(handover.sum()),
        "capacity_m2": capacity,
        "capacity_used_pct": _ratio(capped_gfa, capacity, 100.0),
        "capacity_headroom_m2": None
        if capacity is None or capped_gfa is None
        else capacity - capped_gfa,
        "resolved_lowland_m2": resolved_areas(checks)[0],
        "land_price_wan": land_price_total(checks),
        "funding_income_wan": money.get("funding_income_wan"),
        "funding_cost_wan": money.get("funding_cost_wan"),
        "funding_balance_wan": money.get("funding_balance_wan"),
        "failed_checks": float(len(failures)),
    }


def unpriced_projects(checks: ScenarioChecks) -> list[str]:
    """The projects whose land price is 未核算 (no valuation: neither due nor determined
    as not due, Y-14); a project kept as it is (保留) owes nothing and is not listed."""
    status = texts(checks.price, "price_status")
    ids = texts(checks.projects, "project_id")  # the price rows are the projects' rows
    kept = [flag is False for flag in redeveloped(checks.projects)]  # 保留: nothing is due
    return [str(p) for p, s, k in zip(ids, status, kept, strict=True)
            if s == STATUS_NOT_COMPUTED and not k]  # fmt: skip


def land_price_total(checks: ScenarioChecks) -> float | None:
    """Σ ``price_due`` in 万元 (Y-14, Y-15): a price determined as not due adds 0; None
    when a project's price is 未核算."""
    if unpriced_projects(checks):
        return None
    due = [float(v) for v in checks.price["price_due"] if is_known(v)]
    return sum(due) / YUAN_PER_WAN


def unpriced_notes(checks: ScenarioChecks, scenario_id: str) -> list[str]:
    """Why a scenario's 补缴地价 is unknown: its projects without a valuation."""
    ids = unpriced_projects(checks)
    if not ids:
        return []
    return [f"方案 {scenario_id}：项目 {ids} 未核算补缴地价（缺少评估地价），补缴地价合计记为未知"
            f"（Y-14）/ scenario {scenario_id}: no land price for {ids} (no valuation), so the "
            "total is unknown (Y-14)"]  # fmt: skip


def funding_deficit_notes(funding: dict | None, scenario_id: str) -> list[str]:
    """A funding balance below 0 as a warning naming the scenario and the amounts (Y-3).

    Y-3 asks the 实施方案 to state its 资金平衡方案; N-3 balances funding across the city
    rather than by one parcel's FAR and N-5 by 滚动开发 over the phases: none forbids one
    unit's deficit. So a deficit is shown, never counted as a failed check."""
    if funding is None or funding["balanced"]:
        return []
    income, cost = funding["revenue_total"] / YUAN_PER_WAN, funding["cost_total"] / YUAN_PER_WAN
    gap = -funding["balance"] / YUAN_PER_WAN
    clause = str(funding["clause"])
    return [f"方案 {scenario_id}：资金缺口 {gap:,.2f} 万元（收入 {income:,.2f} 万元，支出 "
            f"{cost:,.2f} 万元），实施方案应说明资金平衡方案（{clause}） / scenario "
            f"{scenario_id}: funding gap {gap:,.2f} (10 000 yuan; income {income:,.2f}, cost "
            f"{cost:,.2f}); the plan must state how it is balanced ({clause})"]  # fmt: skip


def unit_scenarios(scenarios: pd.DataFrame, unit_id: str) -> list[dict]:
    """The ``scenarios`` rows of ``unit_id`` in display order (as stored), as plain dicts
    (``chosen`` as bool)."""
    mine = scenarios[pd.Series(texts(scenarios, "unit_id"), index=scenarios.index).eq(unit_id)]
    if mine.empty:
        units = sorted({str(u) for u in texts(scenarios, "unit_id") if u is not None})
        raise LowlandInputError(f"单元 {unit_id} 没有方案（方案表中的单元：{units}） / unit "
                                f"{unit_id} has no scenario (units in the table: {units})")  # fmt: skip
    fields = ("scenario_id", "unit_id", "name", "author", "created", "changed", "notes")
    rows = []
    for record in mine.to_dict("records"):
        row: dict = {f: as_text(record.get(f)) for f in fields}
        row["chosen"] = is_chosen(record.get("chosen"))
        rows.append(row)
    return rows


@dataclass(frozen=True)
class ScenarioResult:
    """The evaluation of one scenario: its indicator values (by row key), failed checks,
    chart series (by series name; a series it has no data for is absent) and notes. What
    :func:`evaluate_scenarios` keeps in its ``cache`` (scenario id → result)."""

    scenario_id: str
    values: dict[str, float | None]
    failures: tuple[FailedCheck, ...]
    series: dict[str, dict[str, float]]
    notes: tuple[str, ...] = ()


def evaluate_scenario(
    scenario_projects: gpd.GeoDataFrame,
    scenario_id: str,
    profile: Profile,
    *,
    pieces: gpd.GeoDataFrame | None = None,
    zones: gpd.GeoDataFrame | None = None,
    capacity: gpd.GeoDataFrame | None = None,
    unit: Mapping | None = None,
    reference: dt.date | None = None,
    compensation: tuple[float, str] | None = None,
) -> ScenarioResult:
    """One scenario through the checks, the funding balance and the capacity envelope
    (the arguments as for :func:`evaluate_scenarios`; the store is not validated here)."""
    sid = scenario_id
    projects = projects_of(scenario_projects, sid)
    if projects.empty:
        raise LowlandInputError(
            f"方案 {sid} 没有项目：请在方案项目图层（scenario_projects）中加入其项目，或删除该方案 "
            f"/ scenario {sid} has no projects: add them to scenario_projects or delete it"
        )
    checks = run_checks(projects, sid, profile, pieces=pieces, zones=zones,
                        controls=capacity, reference=reference)  # fmt: skip
    funding = funding_of(checks, unit, profile, compensation)
    notes = checks.warnings + uncapped_notes(checks, sid) + funding_deficit_notes(funding, sid)
    notes += unpriced_notes(checks, sid)
    if funding is not None and compensation is None:
        notes.append(WHOLE_UNIT_NOTE)
    failed = scenario_failures(checks)
    series = {"gfa_by_use": gfa_by_use(checks.projects),
              "resolved_by_phase": resolved_areas(checks)[1]}  # fmt: skip
    if funding is not None:
        series["funding"] = {
            "income": funding["revenue_total"] / YUAN_PER_WAN,
            "cost": funding["cost_total"] / YUAN_PER_WAN,
            "balance": funding["balance"] / YUAN_PER_WAN,
        }
    values = scenario_values(checks, failed, funding)
    return ScenarioResult(sid, values, tuple(failed), series, tuple(notes))


def comparison_of(unit_id: str, rows: list[dict], results: Mapping[str, ScenarioResult]):
    """The :class:`Comparison` of the scenario ``rows`` (display order) from their
    results: values by row with the best marked, failures, series, notes (each once)."""
    values: dict[str, dict[str, float | None]] = {k[0]: {} for k in INDICATORS}
    series: dict[str, dict[str, dict[str, float]]] = {
        "gfa_by_use": {}, "funding": {}, "resolved_by_phase": {}}  # fmt: skip
    notes: list[str] = []
    for row in rows:
        result = results[row["scenario_id"]]
        for key in values:
            values[key][result.scenario_id] = result.values.get(key)
        for name, data in result.series.items():
            series[name][result.scenario_id] = data
        notes += result.notes
    notes += unknown_notes(values)
    indicator_rows = tuple(
        with_best(IndicatorRow(key, zh, en, unit_label, better, values[key], clause))
        for key, zh, en, unit_label, better, clause in INDICATORS
    )
    failures = {r["scenario_id"]: results[r["scenario_id"]].failures for r in rows}
    return Comparison(unit_id, tuple(rows), indicator_rows, failures, series,
                      tuple(dict.fromkeys(notes)))  # fmt: skip


def evaluate_scenarios(
    scenarios: pd.DataFrame,
    scenario_projects: gpd.GeoDataFrame,
    profile: Profile,
    *,
    unit_id: str,
    pieces: gpd.GeoDataFrame | None = None,
    zones: gpd.GeoDataFrame | None = None,
    capacity: gpd.GeoDataFrame | None = None,
    unit: Mapping | None = None,
    reference: dt.date | None = None,
    only: Iterable[str] | None = None,
    cache: MutableMapping[str, ScenarioResult] | None = None,
    compensation: tuple[float, str] | None = None,
) -> Comparison:
    """The scenarios of ``unit_id`` side by side (module docstring).

    ``scenarios``/``scenario_projects``: the two tables of a scenario store;
    ``pieces``/``zones``: the project template's pieces (scattered land, Y-7) and zones
    (mixed use, Y-10), by ``project_id`` (with a ``scenario_id`` field: per scenario);
    ``capacity``: the 控规 layer the capacity envelope reads (far_max, height_max,
    coverage_max…; None: 未测算); ``unit``: the unit's row of ``lowland:buildunits`` (its
    statistics feed the funding balance; None: funding unknown); ``reference``: the day
    the land price transition is judged on (today when None); ``compensation``: the
    floor area (m²) and label the funding's compensation is computed on (the unit's
    低效地块, :func:`~..documents.plan.unit_compensation_basis`; None: the unit's whole
    existing floor area, with a note). Input problems raise
    :class:`LowlandInputError`.

    Live use (the dock, after each edit): pass a ``cache`` (a dict the caller keeps,
    filled with each scenario's :class:`ScenarioResult`) and ``only`` = the scenarios
    edited since: those are evaluated again, the others taken from the cache (evaluated
    when absent), so the comparison is always whole and equal to a full call. A cache
    holds for one set of the other arguments (profile, pieces, zones, capacity, unit,
    reference, compensation): clear it when one of them changes. A scenario no longer in the table is
    dropped from it."""
    validate_store(scenarios, scenario_projects)
    rows = unit_scenarios(scenarios, unit_id)
    ids = [str(r["scenario_id"]) for r in rows]
    store: MutableMapping[str, ScenarioResult] = {} if cache is None else cache
    redo = set(ids) if only is None else {str(i) for i in only}
    for sid in ids:
        if sid in redo or sid not in store:
            store[sid] = evaluate_scenario(scenario_projects, sid, profile, pieces=pieces,
                                           zones=zones, capacity=capacity, unit=unit,
                                           reference=reference,
                                           compensation=compensation)  # fmt: skip
    gone = set(texts(scenarios, "scenario_id"))
    for sid in [s for s in store if s not in gone]:
        del store[sid]
    return comparison_of(unit_id, rows, store)


def unknown_notes(values: Mapping[str, Mapping[str, float | None]]) -> list[str]:
    """Why whole rows are unknown: the capacity not computed (no 控规 layer), the funding
    without the unit's statistics."""
    notes = []
    if all(v is None for v in values["capacity_m2"].values()):
        notes.append("开发容量未测算（未提供控规图层或无法测算）/ capacity not computed (no "
                     "控规 layer given, or it could not be computed)")  # fmt: skip
    if all(v is None for v in values["funding_balance_wan"].values()):
        notes.append("资金平衡未测算（未提供单元统计：现状建筑面积、低效用地面积）/ funding "
                      "balance not computed (no unit statistics)")  # fmt: skip
    return notes


def phase_label(phase: str | None) -> str:
    """A phase as the charts name it (近期/中期/远期 codes in words, free text kept)."""
    code = normalise_phase(phase)
    return PHASE_LABELS[code] if code is not None else (phase or NO_PHASE)
