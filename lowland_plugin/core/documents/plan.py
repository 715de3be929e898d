"""实施方案 (implementation plan) of a redevelopment unit: the one context both document
templates (DOCX and HTML) are rendered from (Y-3, N-1, N-3, N-5).

Y-3 asks for a 实施方案 per unit stating "规模体量、开发强度、用途方向及资金平衡方案" and the
实施时序; N-3/N-5 ask for a funding balance planned over the city and a phased,
rolling implementation. :func:`build_unit_context` collects, for one unit:

- ``unit``: the ``lowland:buildunits`` row (areas, phase, blocks, 低效 area by type);
- ``parcels``: its low-efficiency parcels (final verdict/type after review where
  present) with the criteria that were met, as readable lines
  (:func:`lowland_plugin.core.common.reason_text.reason_sentences`);
- ``profile_pending``: the identification values of the rule profile (criteria,
  exemptions and their ``local`` numbers) that are pending or local choices, each
  ``name = value（source）``, so the document shows none without saying so;
- ``legacy``: the ``lowland:legacyland`` classes of its parcels (Y-9, N-14);
- ``far``, ``mixed_use``, ``scattered``, ``land_price``: the rows of the project checks
  for the unit's projects, computed by the very functions the check algorithms call
  (:func:`~lowland_plugin.core.checks.far.far_check`,
  :func:`~lowland_plugin.core.checks.scattered.scattered_check`,
  :func:`~lowland_plugin.core.checks.land_price.land_price`,
  :func:`~lowland_plugin.core.checks.mixed_use.mixed_use`), so the document shows the same
  numbers as ``lowland:farcheck`` & co.;
- ``funding``: the 资金平衡 of :func:`funding_balance` (costs: compensation, demolition,
  infrastructure, public facilities; revenues: land price, transferred floor area;
  balance; phasing 近期/中期/远期) with the unit rates of the profile's ``funding``
  section (local standards: example values until the city sets them);
- ``facilities``: the public-facility land of the unit by category;
- ``clauses``: the policy clauses applied, from ``resources/codes/plan_clauses.csv``;
- ``maps``: the unit map and atlas paths given by the caller (None: 图件待生成);
- ``chapters`` (switches, all on) and ``chapter_titles``, ``status_quo``,
  ``implementation``, ``compensation``, ``timing``: the chapters of
  :mod:`.chapters` (a section with ``missing`` says what input it lacks);
- ``document.compiler``: 编制单位 (None: the cover leaves it to be filled in).
- ``review``: the review state of the unit's parcels (decided, pending, changed since
  review, latest decision, when the unit was counted; None without review fields).

A project belongs to the unit named by its ``unit_id``, else to the unit it overlaps
most (:func:`~.projects.assign_projects`); parcels and legacy parcels by the same rule
(:func:`~..units.membership.unit_membership`), so a document lists the parcels
``lowland:buildunits`` counted. Money is in 元 in the context; the template filters
(:data:`~.formatting.FILTERS`) print 万元, 亩, m² and percentages for Chinese documents.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from ..common.errors import split_bilingual
from ..common.fields import value_label
from ..common.measures import M2_PER_MU
from ..common.profile_labels import pending_in_words
from ..common.profiles import Profile
from ..common.reason_text import reason_sentences
from ..common.resources import resource_path
from ..common.values import as_float, as_json, as_text, is_known, plain
from ..identify.review import final_type, final_verdict
from ..scenarios.comparison import Comparison
from ..units.membership import unit_membership
from ..units.statistics import parcel_areas
from .chapters import (
    CHAPTERS,
    chapter_switches,
    compensation_section,
    figure_list,
    implementation_section,
    status_quo_section,
    timing_section,
)
from .funding import (
    PHASE_LABELS,
    cent_sum,
    funding_rates,
    funding_section,
    normalise_phase,
)
from .projects import (
    ProjectChecks,
    far_rows_of,
    mixed_rows_of,
    price_rows_of,
    project_checks,
    scattered_rows_of,
)
from .scenarios import scenario_section

#: Unit field with the floor area transferred out of the unit (m², optional; N-1
#: 跨空间单元统筹): sold elsewhere, it is a revenue of this unit's balance.
TRANSFER_FIELD = "gfa_transferred"
#: Text shown where a map is not there yet.
NO_MAP_TEXT = "图件待生成"


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


# ------------------------------------------------------------------ parcels and legacy


def _column(frame: pd.DataFrame, name: str) -> list:
    return list(frame[name]) if name in frame.columns else [None] * len(frame)


def lowland_parcels(parcels: gpd.GeoDataFrame) -> list[dict]:
    """The low-efficiency parcels of ``parcels`` (final verdict after review where
    present), sorted by ``parcel_id``, each with its type and the criteria met."""
    if parcels is None or len(parcels) == 0:
        return []
    verdict = final_verdict(parcels)
    kind = final_type(parcels)
    area = parcel_areas(parcels)
    rows = []
    for i, (pid, owner, reasons, gfa, far, status, note, changed) in enumerate(
        zip(
            _column(parcels, "parcel_id"),
            _column(parcels, "owner"),
            _column(parcels, "reasons"),
            _column(parcels, "gfa"),
            _column(parcels, "far"),
            _column(parcels, "review_status"),
            _column(parcels, "review_note"),
            _column(parcels, "verdict_changed"),
            strict=True,
        )
    ):
        if verdict[i] != "lowland":
            continue
        lines = reason_sentences(as_text(reasons), kinds=("criterion", ""), met_only=True)
        status = as_text(status)
        rows.append(
            {
                "parcel_id": as_text(pid),
                "owner": as_text(owner),
                "type": as_text(kind[i]),
                "type_label": value_label("lowland_type", str(kind[i]), "zh")
                if as_text(kind[i])
                else "—",
                "area_m2": float(area[i]),
                "area_mu": float(area[i]) / M2_PER_MU,
                "gfa": as_float(gfa),
                "far": as_float(far),
                "reasons": lines,
                "review": review_text(status, changed),
                "changed": status not in (None, "pending") and is_known(changed) and bool(changed),
                "review_note": as_text(note),
            }
        )
    rows.sort(key=lambda r: str(r["parcel_id"]))
    return rows


def review_text(status: str | None, changed) -> str | None:
    """The review state a parcel list prints (None: not reviewed); a decision made on a
    computed verdict that has changed since says so (issue 17: never silent)."""
    if status in (None, "pending"):
        return None
    text = value_label("review_status", status, "zh")
    if is_known(changed) and bool(changed):
        text += "（⚠ 核查后计算结论已变化，待复核）"
    return text


def review_summary(members: pd.DataFrame, unit: Mapping) -> dict | None:
    """The review state of the unit's parcels for the document: decided, pending and
    changed-since-review counts, the latest decision and when the unit statistics were
    counted (None: the parcels have no review fields — unknown, not 0)."""
    if "review_status" not in members.columns:
        return None
    status = members["review_status"].map(as_text).fillna("pending")
    decided = status != "pending"
    changed = (
        members["verdict_changed"].map(lambda v: is_known(v) and bool(v))
        if ("verdict_changed" in members.columns)
        else pd.Series(False, index=members.index)
    )
    times = [as_text(t) for t in _column(members[decided], "reviewed_at")]
    known_times = [t for t in times if t is not None]
    return {
        "decided": int(decided.sum()),
        "pending": int((~decided).sum()),
        "changed": int((changed & decided).sum()),
        "latest": max(known_times).replace("T", " ") if known_times else None,
        "counted_at": (as_text(unit.get("counted_at")) or "").replace("T", " ") or None,
    }


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
        cls = as_text(cls)
        if cls is None:
            continue
        rows.append(
            {
                "parcel_id": as_text(pid),
                "owner": as_text(owner),
                "legacy_class": cls,
                "label": value_label("legacy_class", cls, "zh"),
                "occupation_year": None if plain(year) is None else int(plain(year)),
                "failed": chinese_items(as_text(failed)),
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


def unit_overview(unit: Mapping) -> dict:
    """The statistics of a unit (a ``lowland:buildunits`` row) the 实施方案 prints and the
    funding balance reads (also the 方案比选 evaluation's, so both read them alike)."""
    get = unit.get
    phase = normalise_phase(get("phase"))
    area = as_float(get("area_m2"))
    by_type = []
    for kind, name in _TYPE_FIELDS:
        value = as_float(get(name))
        if value:
            by_type.append(
                {
                    "type": kind,
                    "label": value_label("lowland_type", kind, "zh"),
                    "area_m2": value,
                    "share": value / area if area else None,
                }
            )
    blocks = as_json(get("block_ids"), [])
    source = as_text(get("source"))
    return {
        "unit_id": str(get("unit_id")),
        "unit_name": as_text(get("unit_name")),
        "title": " ".join(t for t in (str(get("unit_id")), as_text(get("unit_name"))) if t),
        "phase": phase,
        "phase_label": PHASE_LABELS[phase],
        "notes": as_text(get("notes")),
        "source": source,
        "source_label": value_label("source", source, "zh") if source else None,
        "block_ids": [str(b) for b in blocks] if isinstance(blocks, list) else [],
        "block_count": plain(get("block_count")),
        "parcel_count": plain(get("parcel_count")),
        "area_m2": area,
        "area_mu": area / M2_PER_MU if area is not None else None,
        "lowland_count": plain(get("lowland_count")),
        "lowland_area_m2": as_float(get("lowland_area_m2")),
        "lowland_share": as_float(get("lowland_share")),
        "lowland_by_type": by_type,
        "gfa_existing": as_float(get("gfa_existing")),
        "gfa_capacity": as_float(get("gfa_capacity")),
        "scattered_count": plain(get("scattered_count")),
        "scattered_area_m2": as_float(get("scattered_area_m2")),
        "facility_area_m2": as_float(get("facility_area_m2")),
        "gfa_transferred": as_float(get(TRANSFER_FIELD)),
    }


def _facilities(unit: Mapping) -> list[dict]:
    data = as_json(unit.get("facilities"), {})
    labels = _facility_labels()
    if not isinstance(data, dict):
        return []
    return [
        {"category": k, "label": labels.get(k, k), "area_m2": float(v)}
        for k, v in sorted(data.items(), key=lambda kv: (-float(kv[1]), kv[0]))
        if as_float(v) is not None
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


def unit_members(
    frame: gpd.GeoDataFrame, unit_id: str, units: gpd.GeoDataFrame
) -> gpd.GeoDataFrame:
    """The rows of ``frame`` that belong to ``unit_id`` (Y-3, :func:`unit_membership`)."""
    if len(frame) == 0:
        return frame
    return frame[(unit_membership(frame, units) == unit_id).to_numpy()]


def units_for_membership(
    unit: Mapping, units: gpd.GeoDataFrame | None, *frames: pd.DataFrame | None
) -> gpd.GeoDataFrame:
    """``units`` (all units of the run) when given; else this unit, and every other
    ``unit_id`` the parcels name taken as a unit of the same run (without geometry)."""
    if units is not None:
        return units
    unit_id = str(unit.get("unit_id"))
    others = sorted(
        {u for f in frames if f is not None for u in _column(f, "unit_id") if as_text(u)}
        - {unit_id},
        key=str,
    )
    return gpd.GeoDataFrame(
        {
            "unit_id": [unit_id, *(as_text(u) for u in others)],
            "block_ids": [unit.get("block_ids"), *([None] * len(others))],
        },
        geometry=[unit.get("geometry"), *([None] * len(others))],
    )


def unit_project_checks(
    unit_id: str,
    geom,
    projects: gpd.GeoDataFrame | None,
    checks: ProjectChecks | None,
    pieces: gpd.GeoDataFrame | None,
    zones: gpd.GeoDataFrame | None,
    profile: Profile | None = None,
) -> tuple[ProjectChecks | None, np.ndarray]:
    """The project checks (computed here for this unit alone, with ``profile``, when not
    given) and the positions of this unit's projects."""
    if checks is None and projects is not None and len(projects):
        one = gpd.GeoDataFrame(
            {"unit_id": [unit_id]}, geometry=[geom], crs=getattr(projects, "crs", None)
        )
        checks = project_checks(projects, one, pieces, zones, profile=profile)
    rows = checks.rows_of(unit_id) if checks is not None else np.array([], dtype=int)
    return checks, rows


def unit_project_rows(
    checks: ProjectChecks | None, rows: np.ndarray, projects: gpd.GeoDataFrame | None
) -> pd.DataFrame | None:
    """The unit's projects (None: no project layer given)."""
    if checks is not None:
        return checks.projects.iloc[rows]
    return None if projects is None else projects.iloc[0:0]


def parcels_section(
    parcels: gpd.GeoDataFrame | None, unit_id: str, units: gpd.GeoDataFrame, unit: Mapping
) -> tuple[list[dict], float | None, list[str], dict | None]:
    """低效地块 of the unit, the Σ of their existing floor area (None without parcels),
    the warning on parcels without ``gfa`` and the review state (:func:`review_summary`)."""
    if parcels is None:
        return [], None, [], None
    members = unit_members(parcels, unit_id, units)
    rows = lowland_parcels(members)
    known = [r["gfa"] for r in rows if r["gfa"] is not None]
    warnings = []
    if len(known) < len(rows):
        warnings.append(
            f"单元 {unit_id}：{len(rows) - len(known)} 宗低效地块缺少建筑面积 gfa，"
            "补偿与拆除费用未计入 / parcels without gfa: not in the compensation cost"
        )
    return rows, float(sum(known)), warnings, review_summary(members, unit)


def compensation_basis(
    lowland_gfa: float | None, overview: dict, unit_id: str
) -> tuple[float, str, list[str]]:
    """The floor area the compensation and demolition costs are computed on, its label,
    and the warning when the unit's whole existing floor area stands in for it."""
    if lowland_gfa is not None:
        return lowland_gfa, "低效地块现状建筑面积", []
    return (
        overview["gfa_existing"] or 0.0,
        "单元现状总建筑面积（未提供宗地图层）",
        [
            f"单元 {unit_id}：未提供宗地图层，补偿与拆除按单元现状总建筑面积估算 / no parcels: "
            "compensation and demolition use the unit's whole existing floor area"
        ],
    )


def unit_compensation_basis(
    unit: Mapping,
    parcels: gpd.GeoDataFrame | None,
    units: gpd.GeoDataFrame | None = None,
    legacy: gpd.GeoDataFrame | None = None,
) -> tuple[float, str, list[str]]:
    """The floor area 八、资金平衡 computes compensation and demolition on, for ``unit``
    (a ``lowland:buildunits`` row): the Σ existing floor area of its 低效地块 when the
    parcels are given, else the unit's whole existing floor area (with the warning).
    The 方案比选 evaluation takes the same basis, so both chapters agree (Y-3)."""
    unit_id = str(unit.get("unit_id"))
    known_units = units_for_membership(unit, units, parcels, legacy)
    _, lowland_gfa, warnings, _ = parcels_section(parcels, unit_id, known_units, unit)
    gfa, label, more = compensation_basis(lowland_gfa, unit_overview(unit), unit_id)
    return gfa, label, warnings + more


def project_sections(checks: ProjectChecks | None, rows: np.ndarray) -> tuple[dict, set[str]]:
    """The FAR, land price, mixed-use and scattered-land rows of the unit's projects,
    and the clauses they apply."""
    sections: dict[str, Any] = {"far": [], "land_price": [], "mixed_use": [], "scattered": None}
    clauses: set[str] = set()
    if checks is None:
        return sections, clauses
    sections = {
        "far": far_rows_of(checks, rows),
        "land_price": price_rows_of(checks, rows),
        "mixed_use": mixed_rows_of(checks, rows),
        "scattered": scattered_rows_of(checks, rows),
    }
    if len(rows):
        clauses |= {"Y-4", "Y-10", "N-8", "Y-14", "Y-15"}
        if any(r["alt_price"] is not None for r in sections["land_price"]):
            clauses.add("N-9")
        if sections["scattered"] is not None:
            clauses |= {"Y-7", "N-4", "N-10"}
    return sections, clauses


def maps_section(map_path: str | None, atlas_path: str | None, base_dir: str | Path | None) -> dict:
    """The unit map and atlas paths, as the HTML refers to them."""
    return {
        "unit_map": map_path,
        "unit_map_src": _map_src(map_path, base_dir),
        "atlas": atlas_path,
        "atlas_src": _map_src(atlas_path, base_dir),
        "missing_text": NO_MAP_TEXT,
    }


#: ``local`` values the identification uses (Y-1).
IDENTIFY_LOCALS = ("danger_basis", "dangerous_grades", "same_industry_tax_reference")


def profile_in_words(profile: Profile) -> str:
    """The rule profile as the document names it: 「默认认定标准（1.1.0 版）」 (the
    ``id@version`` label belongs to the document properties, not to its text)."""
    return f"{profile.name}（{profile.version} 版）"


def chinese_text(message: str) -> str:
    """The Chinese part of a bilingual 「中文 / English」 message (a Chinese document
    prints no English)."""
    return split_bilingual(message)[0]


def chinese_items(text: str | None, separator: str = "; ") -> str | None:
    """The Chinese part of each bilingual item of ``text`` (items joined by
    ``separator``, as ``legacy_failed``), joined by 「；」."""
    if not text:
        return None
    return "；".join(chinese_text(item) for item in text.split(separator))


def identification_pending(profile: Profile) -> list[str]:
    """「规则 · 参数 = 值（来源 · 待定）」 in words of the enabled criteria and exemptions
    and of the identification's ``local`` values whose source is not adopted."""
    rules = [r for r in [*profile.rules.values(), *profile.exemptions.values()] if r.enabled]
    return pending_in_words(profile, rules, list(IDENTIFY_LOCALS))


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
    units: gpd.GeoDataFrame | None = None,
    compiler: str | None = None,
    comparison: Comparison | None = None,
    scenario_charts: Mapping[str, str] | None = None,
    scenario_store: bool = False,
) -> dict:
    """The context of one unit's 实施方案 (keys: module docstring).

    ``unit``: a row of the ``lowland:buildunits`` output (a Series or dict, with its
    ``geometry`` when parcels/legacy have no ``unit_id``). ``parcels``: parcels with
    ``unit_id`` (identification fields). ``projects``/``pieces``/``zones``: the project
    template; give ``checks`` (:func:`project_checks` over all units) when documents are
    made for several units, else the projects are checked here and those named for or
    overlapping this unit are its own. ``units``: all units of the run, for the
    membership of parcels (:func:`unit_membership`); without it, this unit and the
    other ``unit_id`` the parcels name. ``map_path``/``atlas_path``: images/PDF made by
    the caller (None: 图件待生成); ``base_dir``: the folder of the HTML file.
    ``comparison``: the unit's scenarios (:func:`~..scenarios.evaluate.evaluate_scenarios`)
    with ``scenario_charts`` (chart key → PNG) for 十、方案比选; ``scenario_store``:
    whether a scenario store was given (the section then says the unit has none).
    """
    overview = unit_overview(unit)
    unit_id = overview["unit_id"]
    rates = funding_rates(profile)
    clauses = {"Y-3", "N-1", "N-3", "N-5"}
    known_units = units_for_membership(unit, units, parcels, legacy)

    checks, rows = unit_project_checks(
        unit_id, unit.get("geometry"), projects, checks, pieces, zones, profile
    )
    warnings = list(checks.warnings) if checks is not None else []
    parcel_rows, lowland_gfa, parcel_warnings, review = parcels_section(
        parcels, unit_id, known_units, unit
    )
    warnings += parcel_warnings
    if parcels is not None:
        clauses |= {"Y-1", "N-12"}
    gfa, gfa_basis, basis_warnings = compensation_basis(lowland_gfa, overview, unit_id)
    warnings += basis_warnings

    legacy_list = None
    if legacy is not None:
        clauses |= {"Y-9", "N-14"}
        legacy_list = legacy_rows(unit_members(legacy, unit_id, known_units))

    sections, project_clauses = project_sections(checks, rows)
    clauses |= project_clauses
    # the unit's small low-efficiency parcels (≤ 5 亩) are only candidates: Y-7 / N-4 are
    # cited where the scattered-land check ran on the projects' pieces (project_sections)
    facilities = _facilities(unit)
    price_rows = sections["land_price"]
    funding = funding_section(overview, price_rows, gfa, gfa_basis, rates)
    unit_projects = unit_project_rows(checks, rows, projects)
    maps = maps_section(map_path, atlas_path, base_dir)

    return {
        "document": {
            "title": f"{overview['title']} 实施方案",
            "generated": generated or dt.date.today(),
            "profile": profile.label,
            "profile_name": profile.name,
            "profile_words": profile_in_words(profile),
            "compiler": compiler or None,
        },
        "unit": overview,
        "parcels": parcel_rows,
        "parcels_given": parcels is not None,
        "review": review,
        "profile_pending": identification_pending(profile),
        "parcel_totals": {
            "count": len(parcel_rows),
            "area_m2": float(sum(r["area_m2"] for r in parcel_rows)),
            "gfa": gfa,
        },
        "legacy": None
        if legacy_list is None
        else {"rows": legacy_list, "summary": _legacy_summary(legacy_list)},
        "projects_given": checks is not None,
        **sections,
        "land_price_total": cent_sum(r["price_due"] for r in price_rows if r["computed"]),
        "funding": funding,
        "facilities": facilities,
        "facility_total": float(sum(f["area_m2"] for f in facilities)),
        "clauses": clauses_applied(clauses),
        "maps": maps,
        "figure_list": figure_list(maps),
        "warnings": [chinese_text(w) for w in warnings],
        "chapters": chapter_switches(),
        "chapter_titles": dict(CHAPTERS),
        "status_quo": status_quo_section(
            None if parcels is None else unit_members(parcels, unit_id, known_units)
        ),
        "implementation": implementation_section(unit_projects),
        "compensation": compensation_section(unit_projects),
        "timing": timing_section(overview, funding, price_rows),
        "scenarios": scenario_section(
            comparison, scenario_charts, base_dir, store_given=scenario_store
        ),
    }
