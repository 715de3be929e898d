"""实施方案 (implementation plan) of a redevelopment unit: the one context both document
templates (DOCX and HTML) are rendered from (Y-3, N-1, N-3, N-5).

Y-3 asks for a 实施方案 per unit stating "规模体量、开发强度、用途方向及资金平衡方案" and the
实施时序; N-3/N-5 ask for a funding balance planned over the city and a phased,
rolling implementation. :func:`build_unit_context` collects, for one unit:

- ``unit``: the ``lowland:buildunits`` row (areas, phase, blocks, 低效 area by type);
- ``parcels``: its low-efficiency parcels (final verdict/type after review where
  present) with the criteria that were met, as readable lines
  (:func:`lowland_plugin.core.identify.review.reason_lines`);
- ``legacy``: the ``lowland:legacyland`` classes of its parcels (Y-9, N-14);
- ``far``, ``mixed_use``, ``scattered``, ``land_price``: the rows of the project checks
  for the unit's projects, computed by the very functions the check algorithms call
  (:func:`~lowland_plugin.core.checks.price.far_check`,
  :func:`~lowland_plugin.core.checks.price.scattered_check`,
  :func:`~lowland_plugin.core.checks.price.land_price`,
  :func:`~lowland_plugin.core.checks.plan.mixed_use`), so the document shows the same
  numbers as ``lowland:farcheck`` & co.;
- ``funding``: the 资金平衡 of :func:`funding_balance` (costs: compensation, demolition,
  infrastructure, public facilities; revenues: land price, transferred floor area;
  balance; phasing 近期/中期/远期) with the unit rates of the profile's ``funding``
  section (local standards: example values until the city sets them);
- ``facilities``: the public-facility land of the unit by category;
- ``clauses``: the policy clauses applied, from ``resources/codes/plan_clauses.csv``;
- ``maps``: the unit map and atlas paths given by the caller (None: 图件待生成).

A project belongs to the unit named by its ``unit_id``, else to the unit it overlaps
most (:func:`assign_projects`). Money is in 元 in the context; the template filters
(:data:`FILTERS`) print 万元, 亩, m² and percentages for Chinese documents.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..checks.far import far_check
from ..checks.land_price import land_price
from ..checks.mixed_use import mixed_use
from ..checks.scattered import scattered_check
from ..common.errors import LowlandInputError
from ..common.fields import value_label
from ..common.mapping import template_frame
from ..common.measures import M2_PER_MU
from ..common.profiles import Profile
from ..common.resources import resource_path
from ..identify.review import reason_lines
from ..units.redevelopment import effective_type, effective_verdict, parcel_areas

#: Phases of 实施时序 (Y-3 "先易后难、分步推进"), in order; ``None`` = not yet set.
PHASES = ("near", "mid", "far")
PHASE_LABELS = {"near": "近期", "mid": "中期", "far": "远期", None: "时序待定"}
#: Chinese phase names accepted on input as well (buildunits refuses anything else).
_PHASE_ALIASES = {"近期": "near", "中期": "mid", "远期": "far"}
#: Unit field with the floor area transferred out of the unit (m², optional; N-1
#: 跨空间单元统筹): sold elsewhere, it is a revenue of this unit's balance.
TRANSFER_FIELD = "gfa_transferred"
#: Text shown where a map is not there yet.
NO_MAP_TEXT = "图件待生成"

_CENT = Decimal("0.01")


# ------------------------------------------------------------------ formatting filters


def _missing(value) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def fmt_number(value, digits: int = 2) -> str:
    """``12345.678`` → ``12,345.68``; missing → ``—``."""
    if _missing(value):
        return "—"
    return f"{float(value):,.{int(digits)}f}"


def fmt_wan(yuan, digits: int = 2) -> str:
    """元 → 万元 (``1234567`` → ``123.46``)."""
    return "—" if _missing(yuan) else fmt_number(float(yuan) / 10000.0, digits)


def fmt_mu(area_m2, digits: int = 2) -> str:
    """m² → 亩 (1 亩 = 10000/15 m²)."""
    return "—" if _missing(area_m2) else fmt_number(float(area_m2) / M2_PER_MU, digits)


def fmt_percent(share, digits: int = 2) -> str:
    """``0.1234`` → ``12.34%``."""
    return "—" if _missing(share) else f"{float(share) * 100:.{int(digits)}f}%"


def fmt_date(value) -> str:
    """A date as ``2025年2月28日``; missing → ``—``."""
    if _missing(value):
        return "—"
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        value = value.date()
    return f"{value.year}年{value.month}月{value.day}日"


def fmt_yes_no(value) -> str:
    return "—" if _missing(value) else ("是" if bool(value) else "否")


def fmt_pass(value) -> str:
    return "—" if _missing(value) else ("符合" if bool(value) else "不符合")


#: Jinja filters of both templates: ``{{ unit.area_m2 | m2 }}``, ``{{ x | wan }}``…
FILTERS = {
    "num": fmt_number,
    "m2": fmt_number,
    "wan": fmt_wan,
    "mu": fmt_mu,
    "pct": fmt_percent,
    "date_zh": fmt_date,
    "yesno": fmt_yes_no,
    "passfail": fmt_pass,
}


# ------------------------------------------------------------------ plain values


def _plain(value):
    """A cell as a plain Python value for the templates (NaN/NA → None)."""
    if _missing(value):
        return None
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value


def _text(value) -> str | None:
    value = _plain(value)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _float(value) -> float | None:
    value = _plain(value)
    if value is None:
        return None
    try:
        out = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(out) else out


def _json(value, default):
    text = _text(value)
    if text is None:
        return default
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return default


def normalise_phase(value) -> str | None:
    """``near``/``mid``/``far`` (or 近期/中期/远期) → the code; anything else → None."""
    text = _text(value)
    if text is None:
        return None
    return text if text in PHASES else _PHASE_ALIASES.get(text)


# ------------------------------------------------------------------ clauses


@lru_cache(maxsize=1)
def plan_clauses() -> dict[str, dict[str, str]]:
    """Clause id → {clause, title_zh, title_en, text_zh, source} (plan_clauses.csv)."""
    with resource_path("codes", "plan_clauses.csv").open(encoding="utf-8", newline="") as fh:
        return {row["clause"]: row for row in csv.DictReader(fh)}


def _clause_sort_key(clause: str) -> tuple[int, int]:
    kind, _, number = clause.partition("-")
    return (0 if kind == "Y" else 1, int(number) if number.isdigit() else 0)


def clauses_applied(ids: Iterable[str]) -> list[dict[str, str]]:
    """The clauses ``ids`` (Y before N, by number) with their title and short text."""
    table = plan_clauses()
    out = []
    for clause in sorted(set(ids), key=_clause_sort_key):
        row = table.get(clause)
        if row is not None:
            out.append(
                {
                    "id": clause,
                    "title": row["title_zh"],
                    "text": row["text_zh"],
                    "source": row["source"],
                }
            )
    return out


# ------------------------------------------------------------------ projects → units


def assign_projects(units: gpd.GeoDataFrame, projects: gpd.GeoDataFrame) -> pd.Series:
    """The unit of every project (index of ``projects``): its ``unit_id`` when that names
    a unit, else the unit it overlaps most (ties: the smaller ``unit_id``), else None."""
    unit_ids = [str(u) for u in units["unit_id"]]
    known = set(unit_ids)
    geoms = np.asarray(units.geometry.values, dtype=object)
    given = (
        [_text(v) for v in projects["unit_id"]]
        if "unit_id" in projects.columns
        else [None] * len(projects)
    )
    out = []
    for own, geom in zip(given, np.asarray(projects.geometry.values, dtype=object), strict=True):
        if own is not None and own in known:
            out.append(own)
            continue
        if geom is None or shapely.is_empty(geom):
            out.append(None)
            continue
        overlap = shapely.area(shapely.intersection(geoms, geom))
        ranked = sorted((-a, u) for a, u in zip(overlap, unit_ids, strict=True) if a > 0)
        out.append(ranked[0][1] if ranked else None)
    return pd.Series(out, index=projects.index, dtype=object)


@dataclass
class ProjectChecks:
    """The project checks of all projects, computed once (row order of ``projects``)."""

    projects: gpd.GeoDataFrame
    unit_of: pd.Series
    far: pd.DataFrame
    price: pd.DataFrame
    mixed: pd.DataFrame
    mixed_uses: pd.DataFrame
    scattered: pd.DataFrame | None = None
    warnings: list[str] = field(default_factory=list)

    def rows_of(self, unit_id: str) -> np.ndarray:
        """Positions of the projects of ``unit_id``."""
        return np.flatnonzero(self.unit_of.to_numpy(dtype=object) == unit_id)


def project_checks(
    projects: gpd.GeoDataFrame,
    units: gpd.GeoDataFrame,
    pieces: gpd.GeoDataFrame | None = None,
    zones: gpd.GeoDataFrame | None = None,
    label: str = "projects",
) -> ProjectChecks:
    """FAR (Y-4), land price (Y-14, Y-15, N-9), mixed use (Y-10) and, with ``pieces``,
    scattered land (Y-7) of every project, and each project's unit. Input problems are
    raised as by the check algorithms (:class:`LowlandInputError`)."""
    projects = template_frame(projects, "projects", None, ("project_id",), label)
    projects = projects.reset_index(drop=True)
    if pieces is not None:
        pieces = template_frame(pieces, "pieces", None, ("project_id", "piece_id"), "pieces")
        pieces = pieces.reset_index(drop=True)
    if zones is not None:
        zones = template_frame(zones, "zones", None, ("project_id",), "zones")
        zones = zones.reset_index(drop=True)
    unit_of = assign_projects(units, projects)
    warnings = []
    outside = [str(p) for p, u in zip(projects["project_id"], unit_of, strict=True) if u is None]
    if outside:
        warnings.append(
            f"项目 {outside} 不属于任何单元（unit_id 为空且与单元无重叠），未写入实施方案 / "
            f"projects {outside} belong to no unit and are left out"
        )
    mixed = mixed_use(projects, zones, label, "zones")
    scattered = None
    if pieces is not None:
        scattered = scattered_check(projects, pieces, label, "pieces").table
    return ProjectChecks(
        projects=projects,
        unit_of=unit_of,
        far=far_check(projects, label).table,
        price=land_price(projects, label).table,
        mixed=mixed.table,
        mixed_uses=mixed.extra,
        scattered=scattered,
        warnings=warnings + list(mixed.warnings),
    )


# ------------------------------------------------------------------ funding balance


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
    value = Decimal(repr(float(quantity))) * Decimal(repr(float(rate)))
    return float(value.quantize(_CENT, rounding=ROUND_HALF_UP))


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
) -> dict:
    """资金平衡 of a unit (Y-3, N-3, N-5).

    Costs: compensation and demolition = existing floor area of the unit's low-efficiency
    parcels × rate; infrastructure = low-efficiency land area × rate; public facilities
    = public-facility land of the unit × rate. Revenues: land price = the instalments of
    the land price check (``payments``: (project_id, amount 元, due date)); transferred
    floor area × rate. Each item is rounded to the cent; totals add the items;
    ``balance = revenue_total − cost_total``.

    Phasing: costs fall in the unit's phase (``None``: 时序待定); a payment in the phase
    containing its due date's year (no date: the unit's phase), the transfer revenue in
    the unit's phase. Rows near, mid, far (and 时序待定 when used) with cost, revenue,
    balance and the cumulative balance.
    """
    costs = [
        _line("compensation", "征收（收储）补偿", "低效地块现状建筑面积", lowland_gfa_m2, "m²",
              rates.compensation_per_m2_gfa, "元/m²", rates.sources["compensation_per_m2_gfa"]),
        _line("demolition", "拆除", "低效地块现状建筑面积", lowland_gfa_m2, "m²",
              rates.demolition_per_m2_gfa, "元/m²", rates.sources["demolition_per_m2_gfa"]),
        _line("infrastructure", "基础设施建设", "低效用地面积", lowland_area_m2, "m²",
              rates.infrastructure_per_m2_land, "元/m²", rates.sources["infrastructure_per_m2_land"]),
        _line("facilities", "公共服务设施建设", "公共设施用地面积", facility_area_m2, "m²",
              rates.facility_per_m2_land, "元/m²", rates.sources["facility_per_m2_land"]),
    ]  # fmt: skip
    payments = [(pid, float(a), d) for pid, a, d in payments if not _missing(a)]
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
    ]  # fmt: skip
    cost_total = _sum(c["amount"] for c in costs)
    revenue_total = _sum(r["amount"] for r in revenues)

    by_phase: dict[str | None, list[float]] = {p: [0.0, 0.0] for p in PHASES}
    by_phase.setdefault(phase, [0.0, 0.0])
    by_phase[phase][0] = cost_total
    by_phase[phase][1] = _sum([by_phase[phase][1], revenues[1]["amount"]])
    for _pid, value, due in payments:
        target = phase if due is None else phase_of_year(due.year, rates.phase_years)
        by_phase.setdefault(target, [0.0, 0.0])
        by_phase[target][1] = _sum([by_phase[target][1], value])
    rows, cumulative = [], 0.0
    for key in [*PHASES, None]:
        if key not in by_phase:
            continue
        cost, revenue = by_phase[key]
        balance = _sum([revenue, -cost])
        cumulative = _sum([cumulative, balance])
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
    balance = _sum([revenue_total, -cost_total])
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
        "sources": sorted(set(rates.sources.values())),
    }


def _line(item, label, basis, quantity, quantity_unit, rate, rate_unit, source) -> dict:
    quantity = 0.0 if _missing(quantity) else float(quantity)
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


def _sum(values: Iterable[float]) -> float:
    """Exact decimal sum of cent amounts, as a float with two decimals."""
    total = sum((Decimal(repr(float(v))) for v in values), Decimal(0))
    return float(total.quantize(_CENT, rounding=ROUND_HALF_UP))


# ------------------------------------------------------------------ parcels and legacy


def _unit_mask(frame: gpd.GeoDataFrame, unit_id: str, unit_geom) -> np.ndarray:
    """Rows of ``frame`` in the unit: by ``unit_id`` when the frame has it, else by the
    representative point inside the unit's polygon."""
    if "unit_id" in frame.columns:
        return np.array([_text(v) == unit_id for v in frame["unit_id"]], dtype=bool)
    if unit_geom is None or len(frame) == 0:
        return np.zeros(len(frame), dtype=bool)
    points = shapely.point_on_surface(np.asarray(frame.geometry.values, dtype=object))
    return np.asarray(shapely.contains(unit_geom, points), dtype=bool)


def _column(frame: pd.DataFrame, name: str) -> list:
    return list(frame[name]) if name in frame.columns else [None] * len(frame)


def lowland_parcels(parcels: gpd.GeoDataFrame) -> list[dict]:
    """The low-efficiency parcels of ``parcels`` (final verdict after review where
    present), sorted by ``parcel_id``, each with its type and the criteria met."""
    if parcels is None or len(parcels) == 0:
        return []
    verdict = effective_verdict(parcels).to_numpy(dtype=object)
    kind = effective_type(parcels).to_numpy(dtype=object)
    area = parcel_areas(parcels)
    rows = []
    for i, (pid, owner, reasons, gfa, far, status, note) in enumerate(
        zip(
            _column(parcels, "parcel_id"),
            _column(parcels, "owner"),
            _column(parcels, "reasons"),
            _column(parcels, "gfa"),
            _column(parcels, "far"),
            _column(parcels, "review_status"),
            _column(parcels, "review_note"),
            strict=True,
        )
    ):
        if verdict[i] != "lowland":
            continue
        lines = [
            line for k, met, line in reason_lines(_text(reasons)) if met and k in ("criterion", "")
        ]
        status = _text(status)
        rows.append(
            {
                "parcel_id": _text(pid),
                "owner": _text(owner),
                "type": _text(kind[i]),
                "type_label": value_label("lowland_type", str(kind[i]), "zh")
                if _text(kind[i])
                else "—",
                "area_m2": float(area[i]),
                "area_mu": float(area[i]) / M2_PER_MU,
                "gfa": _float(gfa),
                "far": _float(far),
                "reasons": lines,
                "review": value_label("review_status", status, "zh")
                if status not in (None, "pending")
                else None,
                "review_note": _text(note),
            }
        )
    rows.sort(key=lambda r: str(r["parcel_id"]))
    return rows


def legacy_rows(legacy: gpd.GeoDataFrame) -> list[dict]:
    """Parcels of a ``lowland:legacyland`` output that have a legacy class."""
    rows = []
    area = parcel_areas(legacy) if len(legacy) else np.array([])
    for i, (pid, owner, cls, year, failed) in enumerate(
        zip(
            _column(legacy, "parcel_id"),
            _column(legacy, "owner"),
            _column(legacy, "legacy_class"),
            _column(legacy, "occupation_year"),
            _column(legacy, "legacy_failed"),
            strict=True,
        )
    ):
        cls = _text(cls)
        if cls is None:
            continue
        rows.append(
            {
                "parcel_id": _text(pid),
                "owner": _text(owner),
                "legacy_class": cls,
                "label": value_label("legacy_class", cls, "zh"),
                "occupation_year": None if _plain(year) is None else int(_plain(year)),
                "failed": _text(failed),
                "area_m2": float(area[i]),
            }
        )
    rows.sort(key=lambda r: str(r["parcel_id"]))
    return rows


def _legacy_summary(rows: list[dict]) -> list[dict]:
    out = []
    for cls in ("regular", "expropriation", "undecided"):
        mine = [r for r in rows if r["legacy_class"] == cls]
        if mine:
            out.append(
                {
                    "legacy_class": cls,
                    "label": value_label("legacy_class", cls, "zh"),
                    "count": len(mine),
                    "area_m2": float(sum(r["area_m2"] for r in mine)),
                }
            )
    return out


# ------------------------------------------------------------------ project rows


def _project_head(projects: pd.DataFrame, i: int) -> dict:
    """Id and name of the project in row ``i`` (the first columns of every project table)."""
    name = projects["project_name"].iloc[i] if "project_name" in projects.columns else None
    return {"project_id": _text(projects["project_id"].iloc[i]), "project_name": _text(name)}


def _far_rows(checks: ProjectChecks, rows: np.ndarray) -> list[dict]:
    p, t = checks.projects, checks.far
    out = []
    for i in rows:
        public = _plain(p["public_project"].iloc[i]) if "public_project" in p.columns else None
        out.append(
            {
                **_project_head(p, i),
                "public_project": bool(public) if public is not None else False,
                "area_m2": float(t["area_m2"].iloc[i]),
                "far_max": _float(p["far_max"].iloc[i]) if "far_max" in p.columns else None,
                "gfa_proposed": _float(p["gfa_proposed"].iloc[i]),
                "gfa_counted": _float(t["gfa_counted"].iloc[i]),
                "gfa_allowed": _float(t["gfa_allowed"].iloc[i]),
                "gfa_margin": _float(t["gfa_margin"].iloc[i]),
                "far_counted": _float(t["far_counted"].iloc[i]),
                "far_pass": _plain(t["far_pass"].iloc[i]),
            }
        )
    return out


def _price_rows(checks: ProjectChecks, rows: np.ndarray) -> list[dict]:
    p, t = checks.projects, checks.price
    out = []
    for i in rows:
        out.append(
            {
                **_project_head(p, i),
                "computed": _float(t["price_due"].iloc[i]) is not None,
                "price_due": _float(t["price_due"].iloc[i]),
                "first_amount": _float(t["first_amount"].iloc[i]),
                "first_due_date": _plain(t["first_due_date"].iloc[i]),
                "rest_amount": _float(t["rest_amount"].iloc[i]),
                "final_due_date": _plain(t["final_due_date"].iloc[i]),
                "alt_price": _float(t["alt_price"].iloc[i]),
                "transition_end": _plain(t["transition_end"].iloc[i]),
                "price_pass": _plain(t["price_pass"].iloc[i]),
            }
        )
    return out


def _mixed_rows(checks: ProjectChecks, rows: np.ndarray) -> list[dict]:
    t, uses = checks.mixed, checks.mixed_uses
    out = []
    for i in rows:
        pid = str(t["project_id"].iloc[i])
        mine = uses[uses["project_id"] == pid] if len(uses) else uses
        out.append(
            {
                "project_id": pid,
                "basis": _text(t["mix_basis"].iloc[i]),
                "basis_label": {"zones": "功能分区面积", "gfa": "计容建筑面积"}.get(
                    _text(t["mix_basis"].iloc[i]), "—"
                ),
                "main_use": _text(t["main_use"].iloc[i]),
                "main_use_name": _text(t["main_use_name"].iloc[i]),
                "main_share": _float(t["main_share"].iloc[i]),
                "tied_uses": _text(t["tied_uses"].iloc[i]),
                "combined_unit_price": _float(t["combined_unit_price"].iloc[i]),
                "combined_price": _float(t["combined_price"].iloc[i]),
                "uses": [
                    {
                        "use_code": _text(u.use_code),
                        "use_name": _text(u.use_name),
                        "share": _float(u.use_share),
                        "is_main": bool(u.is_main_use),
                        "lease_years": _float(u.lease_years),
                        "lease_capped": bool(u.lease_capped),
                        "unit_price": _float(u.unit_price),
                    }
                    for u in mine.itertuples(index=False)
                ],
            }
        )
    return out


def _scattered_rows(checks: ProjectChecks, rows: np.ndarray) -> list[dict] | None:
    if checks.scattered is None:
        return None
    t = checks.scattered
    return [
        {
            "project_id": _text(t["project_id"].iloc[i]),
            "total_area_m2": _float(t["total_area_m2"].iloc[i]),
            "count": int(t["scattered_count"].iloc[i]),
            "area_m2": _float(t["scattered_area_m2"].iloc[i]),
            "share": _float(t["scattered_share"].iloc[i]),
            "max_piece_m2": _float(t["scattered_max_piece_m2"].iloc[i]),
            "passed": _plain(t["scattered_pass"].iloc[i]),
        }
        for i in rows
    ]


# ------------------------------------------------------------------ the unit


_TYPE_FIELDS = (
    ("industrial", "lowland_industrial_m2"),
    ("village", "lowland_village_m2"),
    ("commercial_residential", "lowland_commercial_residential_m2"),
    ("facility", "lowland_facility_m2"),
    ("other", "lowland_other_m2"),
)


@lru_cache(maxsize=1)
def _facility_labels() -> dict[str, str]:
    with resource_path("codes", "public_facilities.csv").open(encoding="utf-8") as fh:
        return {r["category"]: r["label_zh"] for r in csv.DictReader(fh) if r["category"]}


def _unit_overview(unit: Mapping) -> dict:
    get = unit.get
    phase = normalise_phase(get("phase"))
    area = _float(get("area_m2"))
    by_type = []
    for kind, name in _TYPE_FIELDS:
        value = _float(get(name))
        if value:
            by_type.append(
                {
                    "type": kind,
                    "label": value_label("lowland_type", kind, "zh"),
                    "area_m2": value,
                    "share": value / area if area else None,
                }
            )
    blocks = _json(get("block_ids"), [])
    return {
        "unit_id": str(get("unit_id")),
        "unit_name": _text(get("unit_name")),
        "title": " ".join(t for t in (str(get("unit_id")), _text(get("unit_name"))) if t),
        "phase": phase,
        "phase_label": PHASE_LABELS[phase],
        "notes": _text(get("notes")),
        "source": _text(get("source")),
        "source_label": value_label("source", _text(get("source")), "zh")
        if _text(get("source"))
        else None,
        "block_ids": [str(b) for b in blocks] if isinstance(blocks, list) else [],
        "block_count": _plain(get("block_count")),
        "parcel_count": _plain(get("parcel_count")),
        "area_m2": area,
        "area_mu": area / M2_PER_MU if area is not None else None,
        "lowland_count": _plain(get("lowland_count")),
        "lowland_area_m2": _float(get("lowland_area_m2")),
        "lowland_share": _float(get("lowland_share")),
        "lowland_by_type": by_type,
        "gfa_existing": _float(get("gfa_existing")),
        "gfa_capacity": _float(get("gfa_capacity")),
        "scattered_count": _plain(get("scattered_count")),
        "scattered_area_m2": _float(get("scattered_area_m2")),
        "facility_area_m2": _float(get("facility_area_m2")),
        "gfa_transferred": _float(get(TRANSFER_FIELD)),
    }


def _facilities(unit: Mapping) -> list[dict]:
    data = _json(unit.get("facilities"), {})
    labels = _facility_labels()
    if not isinstance(data, dict):
        return []
    return [
        {"category": k, "label": labels.get(k, k), "area_m2": float(v)}
        for k, v in sorted(data.items(), key=lambda kv: (-float(kv[1]), kv[0]))
        if _float(v) is not None
    ]


def _map_src(path: str | None, base_dir: str | Path | None) -> str | None:
    """How the HTML refers to an image: relative to the document's folder when it lies
    below it, else a file URI."""
    if not path:
        return None
    target = Path(path).resolve()
    if base_dir is not None:
        try:
            return target.relative_to(Path(base_dir).resolve()).as_posix()
        except ValueError:
            pass
    return target.as_uri()


def build_unit_context(
    unit: Mapping,
    parcels: gpd.GeoDataFrame | None,
    projects: gpd.GeoDataFrame | None,
    legacy: gpd.GeoDataFrame | None,
    profile: Profile,
    *,
    checks: ProjectChecks | None = None,
    pieces: gpd.GeoDataFrame | None = None,
    zones: gpd.GeoDataFrame | None = None,
    map_path: str | None = None,
    atlas_path: str | None = None,
    base_dir: str | Path | None = None,
    generated: dt.date | None = None,
) -> dict:
    """The context of one unit's 实施方案 (keys: module docstring).

    ``unit``: a row of the ``lowland:buildunits`` output (a Series or dict, with its
    ``geometry`` when parcels/legacy have no ``unit_id``). ``parcels``: parcels with
    ``unit_id`` (identification fields). ``projects``/``pieces``/``zones``: the project
    template; give ``checks`` (:func:`project_checks` over all units) when documents are
    made for several units, else the projects are checked here and those named for or
    overlapping this unit are its own. ``map_path``/``atlas_path``: images/PDF made by
    the caller (None: 图件待生成); ``base_dir``: the folder of the HTML file.
    """
    overview = _unit_overview(unit)
    unit_id = overview["unit_id"]
    geom = unit.get("geometry")
    rates = funding_rates(profile)
    warnings: list[str] = []
    clauses = {"Y-3", "N-1", "N-3", "N-5"}

    if checks is None and projects is not None and len(projects):
        one = gpd.GeoDataFrame(
            {"unit_id": [unit_id]}, geometry=[geom], crs=getattr(projects, "crs", None)
        )
        checks = project_checks(projects, one, pieces, zones)
    rows = checks.rows_of(unit_id) if checks is not None else np.array([], dtype=int)
    if checks is not None:
        warnings += checks.warnings

    parcel_rows, lowland_gfa = [], None
    if parcels is not None:
        clauses |= {"Y-1", "N-12"}
        mine = parcels[_unit_mask(parcels, unit_id, geom)]
        parcel_rows = lowland_parcels(mine)
        known = [r["gfa"] for r in parcel_rows if r["gfa"] is not None]
        lowland_gfa = float(sum(known))
        if len(known) < len(parcel_rows):
            warnings.append(
                f"单元 {unit_id}：{len(parcel_rows) - len(known)} 宗低效地块缺少建筑面积 gfa，"
                "补偿与拆除费用未计入 / parcels without gfa: not in the compensation cost"
            )
    gfa_basis = "低效地块现状建筑面积"
    if lowland_gfa is None:
        lowland_gfa = overview["gfa_existing"] or 0.0
        gfa_basis = "单元现状总建筑面积（未提供宗地图层）"
        warnings.append(
            f"单元 {unit_id}：未提供宗地图层，补偿与拆除按单元现状总建筑面积估算 / no parcels: "
            "compensation and demolition use the unit's whole existing floor area"
        )

    legacy_list = None
    if legacy is not None:
        clauses |= {"Y-9", "N-14"}
        legacy_list = legacy_rows(legacy[_unit_mask(legacy, unit_id, geom)])

    far_rows = price_rows = mixed_rows = []
    scattered_rows = None
    if checks is not None:
        far_rows = _far_rows(checks, rows)
        price_rows = _price_rows(checks, rows)
        mixed_rows = _mixed_rows(checks, rows)
        scattered_rows = _scattered_rows(checks, rows)
        if len(rows):
            clauses |= {"Y-4", "Y-10", "N-8", "Y-14", "Y-15"}
            if any(r["alt_price"] is not None for r in price_rows):
                clauses.add("N-9")
            if scattered_rows is not None:
                clauses |= {"Y-7", "N-4", "N-10"}
    if overview["scattered_count"]:
        clauses |= {"Y-7", "N-4"}
    facilities = _facilities(unit)

    payments = []
    for r in price_rows:
        if r["computed"]:
            payments.append((r["project_id"], r["first_amount"], r["first_due_date"]))
            payments.append((r["project_id"], r["rest_amount"], r["final_due_date"]))
    funding = funding_balance(
        lowland_gfa_m2=lowland_gfa,
        lowland_area_m2=overview["lowland_area_m2"] or 0.0,
        facility_area_m2=overview["facility_area_m2"] or 0.0,
        transferred_gfa_m2=overview["gfa_transferred"] or 0.0,
        payments=payments,
        phase=overview["phase"],
        rates=rates,
    )
    for line in funding["costs"][:2]:
        line["basis"] = gfa_basis
    funding["transfer_given"] = overview["gfa_transferred"] is not None

    return {
        "document": {
            "title": f"{overview['title']} 实施方案",
            "generated": generated or dt.date.today(),
            "profile": profile.label,
            "profile_name": profile.name,
        },
        "unit": overview,
        "parcels": parcel_rows,
        "parcels_given": parcels is not None,
        "parcel_totals": {
            "count": len(parcel_rows),
            "area_m2": float(sum(r["area_m2"] for r in parcel_rows)),
            "gfa": lowland_gfa,
        },
        "legacy": None
        if legacy_list is None
        else {"rows": legacy_list, "summary": _legacy_summary(legacy_list)},
        "projects_given": checks is not None,
        "far": far_rows,
        "mixed_use": mixed_rows,
        "scattered": scattered_rows,
        "land_price": price_rows,
        "land_price_total": _sum(r["price_due"] for r in price_rows if r["computed"]),
        "funding": funding,
        "facilities": facilities,
        "facility_total": float(sum(f["area_m2"] for f in facilities)),
        "clauses": clauses_applied(clauses),
        "maps": {
            "unit_map": map_path,
            "unit_map_src": _map_src(map_path, base_dir),
            "atlas": atlas_path,
            "atlas_src": _map_src(atlas_path, base_dir),
            "missing_text": NO_MAP_TEXT,
        },
        "warnings": warnings,
    }
