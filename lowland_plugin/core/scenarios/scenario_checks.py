"""The existing project checks run on one scenario's projects (方案比选, issue 23 item
3): FAR (Y-4, :func:`~..checks.far.far_check`), scattered land (Y-7,
:func:`~..checks.scattered.scattered_check`, with pieces), mixed use (Y-10,
:func:`~..checks.mixed_use.mixed_use`), use-change path (Y-11,
:func:`~..checks.use_change.use_change_table`), land price (Y-14/15, N-9,
:func:`~..checks.land_price.land_price`) and, with a 控规 layer, the capacity envelope.
No rule is re-implemented here: each verdict is the check's own, and a failed check is
named with the clause and reason sentence of the check's ``reasons``."""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd

from ..checks.far import far_check
from ..checks.land_price import land_price
from ..checks.mixed_use import mixed_use
from ..checks.scattered import scattered_check
from ..checks.use_change import use_change_table
from ..common.errors import split_bilingual
from ..common.mapping import template_frame
from ..common.profiles import Profile
from ..common.reason_text import reason_items
from ..common.values import as_text, texts
from .check_sentences import check_sentence
from .comparison import FailedCheck


@dataclass
class ScenarioChecks:
    """The check tables of one scenario (row order of ``projects``); ``scattered`` and
    ``capacity`` are None when not run (no pieces / no 控规 layer or no envelope)."""

    projects: gpd.GeoDataFrame
    far: pd.DataFrame
    price: pd.DataFrame
    mixed: pd.DataFrame
    mixed_uses: pd.DataFrame
    use_change: pd.DataFrame
    scattered: pd.DataFrame | None = None
    capacity: pd.DataFrame | None = None
    warnings: list[str] = field(default_factory=list)


def related_rows(frame: gpd.GeoDataFrame | None, scenario_id: str, project_ids: list[str]):
    """The pieces or zones of a scenario: those of its projects, and — when the layer has
    a ``scenario_id`` field — only those of this scenario or of none (shared by all)."""
    if frame is None:
        return None
    mine = pd.Series(texts(frame, "project_id"), index=frame.index).isin(project_ids)
    if "scenario_id" in frame.columns:
        sid = pd.Series(texts(frame, "scenario_id"), index=frame.index)
        mine &= sid.isna() | sid.eq(scenario_id)
    return frame[mine.to_numpy()].reset_index(drop=True)


def capacity_function() -> Callable | None:
    """``capacity_envelope`` of :mod:`.capacity` (issue 23 item 1) when that module is
    there, else None (the capacity rows stay unknown: 未测算)."""
    try:
        module = importlib.import_module(f"{__package__}.capacity")
    except ImportError:
        return None
    return getattr(module, "capacity_envelope", None)


def run_checks(
    projects: gpd.GeoDataFrame,
    scenario_id: str,
    profile: Profile,
    *,
    pieces: gpd.GeoDataFrame | None = None,
    zones: gpd.GeoDataFrame | None = None,
    controls: gpd.GeoDataFrame | None = None,
    reference: dt.date | None = None,
) -> ScenarioChecks:
    """Every check of one scenario's ``projects`` (canonical template fields), with the
    profile's local values; input problems raise :class:`LowlandInputError` naming the
    scenario's projects as the check algorithms do."""
    label = f"方案 {scenario_id}"
    projects = template_frame(projects, "projects", None, ("project_id",), label)
    projects = projects.reset_index(drop=True)
    ids = [str(p) for p in texts(projects, "project_id")]
    mine_pieces = related_rows(pieces, scenario_id, ids)
    mine_zones = related_rows(zones, scenario_id, ids)
    far = far_check(projects, label, profile)
    price = land_price(projects, label, profile, reference)
    mixed = mixed_use(projects, mine_zones, label, "zones", profile)
    change = use_change_table(projects, None, profile)
    warnings = far.warnings + price.warnings + mixed.warnings
    scattered = None
    if mine_pieces is not None and len(mine_pieces):
        result = scattered_check(projects, mine_pieces, label, "pieces", profile)
        scattered, warnings = result.table, warnings + result.warnings
    capacity = None
    envelope = capacity_function()
    if controls is not None and envelope is not None:
        found = envelope(projects, controls, profile, label=label)
        warnings += list(found.attrs.get("warnings", []))
        capacity = pd.DataFrame(found).reset_index(drop=True)
    return ScenarioChecks(
        projects, far.table, price.table, mixed.table, _frame(mixed.extra), change, scattered, capacity,
        list(dict.fromkeys(warnings)),
    )  # fmt: skip


# ------------------------------------------------------------------ failed checks


def failed_sentences(reasons: object, clauses: tuple[str, ...] | None = None) -> list[dict]:
    """The items of a ``reasons`` value that failed (``met`` false), of ``clauses`` when
    given, each with its clause and its sentence in Chinese and English."""
    out = []
    for item in reason_items(reasons):
        if item.get("met") is not False:
            continue
        if clauses is not None and item.get("clause") not in clauses:
            continue
        out.append(
            {
                "clause": str(item.get("clause") or ""),
                "zh": check_sentence(item, "zh"),
                "en": check_sentence(item, "en"),
            }
        )
    return out


def verdict_failures(
    check: str, clause: str, table: pd.DataFrame, verdict: str, ids: list[str]
) -> list[FailedCheck]:
    """One :class:`FailedCheck` per failed reason of every project whose ``verdict``
    column is false (a project failing without a failed reason: one with ``clause``)."""
    out: list[FailedCheck] = []
    for i, pid in enumerate(ids):
        passed = table[verdict].iloc[i]
        if passed is pd.NA or passed is None or bool(passed):
            continue
        found = failed_sentences(table["reasons"].iloc[i])
        if not found:
            zh = f"项目 {pid} 未通过{check}核查。"
            found = [{"clause": clause, "zh": zh, "en": f"project {pid} fails the {check} check."}]
        out += [FailedCheck(check, f["clause"] or clause, pid, f["zh"], f["en"]) for f in found]
    return out


def mixed_failures(table: pd.DataFrame, ids: list[str]) -> list[FailedCheck]:
    """Y-10: a project with a use off the positive/negative list (``uses_not_allowed``),
    named with the list's failed reason."""
    out: list[FailedCheck] = []
    for i, pid in enumerate(ids):
        if as_text(table["uses_not_allowed"].iloc[i]) is None:
            continue
        for f in failed_sentences(table["reasons"].iloc[i], ("Y-10",)):
            out.append(FailedCheck("mixed_use", f["clause"], pid, f["zh"], f["en"]))
    return out


def use_change_failures(table: pd.DataFrame, ids: list[str]) -> list[FailedCheck]:
    """Y-11: a listed use switch whose preconditions fail (``failed_conditions``), named
    with the check's own ``decided_by`` sentence."""
    out: list[FailedCheck] = []
    for i, pid in enumerate(ids):
        if as_text(table["failed_conditions"].iloc[i]) is None:
            continue
        zh, en = split_bilingual(str(table["decided_by"].iloc[i]))
        out.append(FailedCheck("use_change", "Y-11", pid, zh, en))
    return out


def capacity_failures(checks: ScenarioChecks, ids: list[str]) -> list[FailedCheck]:
    """A project whose counted floor area (the FAR check's ``gfa_counted``) exceeds its
    capacity (the envelope's ``capacity_m2``; an uncapped public project or an unknown
    capacity never fails), named with the binding limit (Y-3: the 控规's intensity)."""
    table = checks.capacity
    if table is None or "capacity_m2" not in table.columns:
        return []
    counted = checks.far["gfa_counted"].to_numpy(dtype=float)
    capacity = pd.to_numeric(table["capacity_m2"], errors="coerce").to_numpy(dtype=float)
    out: list[FailedCheck] = []
    for i, pid in enumerate(ids):
        cap, gfa = capacity[i], counted[i]
        if pd.isna(cap) or pd.isna(gfa) or gfa <= cap + 1e-6:
            continue
        binding = as_text(table["binding_limit"].iloc[i]) or "—"
        zh = (f"开发容量〔银川实施意见（三）〕：项目 {pid} 计容建筑面积 {gfa:,.2f} m² 超过开发容量 "
              f"{cap:,.2f} m²（控制因素：{binding}），不满足此项。")  # fmt: skip
        en = (f"Development capacity [Y-3]: project {pid}'s counted floor area {gfa:,.2f} m² "
              f"exceeds its capacity {cap:,.2f} m² (binding: {binding}); not met.")  # fmt: skip
        out.append(FailedCheck("capacity", "Y-3", pid, zh, en))
    return out


def scenario_failures(checks: ScenarioChecks) -> list[FailedCheck]:
    """Every failed check of a scenario, in the order FAR, scattered land, mixed use,
    use change, land price, capacity."""
    ids = [str(p) for p in texts(checks.projects, "project_id")]
    out = verdict_failures("far", "Y-4", checks.far, "far_pass", ids)
    if checks.scattered is not None:
        out += verdict_failures("scattered", "Y-7", checks.scattered, "scattered_pass", ids)
    out += mixed_failures(checks.mixed, ids)
    out += use_change_failures(checks.use_change, ids)
    out += verdict_failures("land_price", "Y-14", checks.price, "price_pass", ids)
    out += capacity_failures(checks, ids)
    return out


def _frame(table: pd.DataFrame | None) -> pd.DataFrame:
    """``table``, or an empty frame for a check that gave none."""
    return table if table is not None else pd.DataFrame()
