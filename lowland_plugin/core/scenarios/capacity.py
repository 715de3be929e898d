"""开发容量测算: the capacity envelope of every parcel under the 控规 (Y-3, Y-4).

Each parcel is assigned to the 控规 row (``controls``: ``far_max``, ``height_max``,
``coverage_max`` or ``density_max``, ``plan_id``/``plan_code``/``plan_name``) it overlaps
most. Its usable floor area is the smallest of the limits that apply, each in one function
and cited to the plan row it comes from:

* ``far``: planned FAR maximum × land area (Y-3: the unit's intensity is the 控规's);
* ``height``: storeys within the height limit (height ÷ storey height, rounded down) ×
  coverage maximum × land area. The storey height per use is the profile value
  ``storey_height_m`` (longest 用地用海 code prefix, else ``default``), or the caller's
  table, consulted first. The use is the parcel's own (``new_use_code``, else
  ``use_code``) unless it disagrees with its 控规 row's ``plan_code`` (neither a subclass
  of the other): then the 控规 governs, its use is read, and the reason and a warning
  name both codes — as a ``far_max`` recorded on the parcel is named, never used.

A limit whose control is missing (no 控规 row, or the field empty) is unknown (None, not
0) and the reason says why; the known limits still bind. The floor area handed over free
for the listed public categories is added on top (Y-4 按贡献建筑面积补齐, computed by
:func:`..checks.far.compensated_handover`). A public project whose Y-4 conditions are all
recorded true is not limited by the planned FAR: its capacity is None, ``capped`` False,
with the conditions cited (:func:`..checks.far.public_conditions`).

``binding_limit`` names the smallest known limit; ``headroom_m2`` is the distance from it
to the next known limit (None when fewer than two are known). :func:`unit_capacity`
(module ``unit_totals``) adds the parcels up per unit: capacity by use and the headroom
over today's floor area.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd

from ..checks.common import EPS, planimetric_areas, raise_problems
from ..checks.far import (
    NO_HARM_FIELDS,
    compensated_handover,
    handover_categories,
    public_conditions,
)
from ..common.crs import require_projected_metres
from ..common.errors import LowlandInputError
from ..common.profiles import Profile
from ..common.reasons import Reason, reason, reasons_json
from ..common.values import flags, numbers, rounded, texts
from ..units.membership import largest_overlap
from .unit_totals import unit_capacity

#: ``unit_capacity`` is part of this module's contract (issue 23: spec23.md).
__all__ = ["capacity_envelope", "unit_capacity"]

#: The limits, in the order a tie is named (the first binds).
LIMITS = ("far", "height")
#: 控规 fields giving the coverage maximum (建筑密度上限), the first present is read.
COVERAGE_FIELDS = ("coverage_max", "density_max")
#: 控规 fields cited as the plan a limit comes from.
PLAN_FIELDS = ("plan_id", "plan_code", "plan_name")
#: Parcel fields naming its id, the first present is used.
ID_FIELDS = ("project_id", "parcel_id")
#: Where a parcel's use (for the storey height) is read: planned, then current use.
USE_FIELDS = ("new_use_code", "use_code")
#: The columns :func:`capacity_envelope` adds to the parcels.
ENVELOPE_COLUMNS = (
    "area_m2",
    "control_id",
    "capacity_use",
    "storey_height_m",
    "storeys_max",
    "limit_far_m2",
    "limit_height_m2",
    "handover_bonus_m2",
    "capacity_m2",
    "binding_limit",
    "headroom_m2",
    "capped",
    "reasons",
)


# ------------------------------------------------------------------ the limits


def far_limit(far_max: np.ndarray, area_m2: np.ndarray) -> np.ndarray:
    """Y-3 planned intensity: FAR maximum × land area (NaN where the FAR is unknown)."""
    return far_max * area_m2


def storeys_within(height_max: np.ndarray, storey_height_m: np.ndarray) -> np.ndarray:
    """Whole storeys under the height limit: ⌊height ÷ storey height⌋ (a storey ending on
    the limit counts, up to a relative 1e-9)."""
    return np.floor(height_max / storey_height_m * (1 + EPS))


def height_limit(storeys: np.ndarray, coverage_max: np.ndarray, area_m2: np.ndarray) -> np.ndarray:
    """Y-3 planned building scale: storeys × coverage maximum × land area (NaN where the
    height or the coverage is unknown)."""
    return storeys * coverage_max * area_m2


def binding_limit(limits: Mapping[str, float]) -> tuple[str | None, float | None, float | None]:
    """(name, value, headroom to the next) of the smallest known limit; ties go to the
    first in ``LIMITS``; headroom None with fewer than two known limits."""
    known = sorted(
        ((v, LIMITS.index(k), k) for k, v in limits.items() if not math.isnan(v)),
    )
    if not known:
        return None, None, None
    value, _, name = known[0]
    headroom = known[1][0] - value if len(known) > 1 else None
    return name, value, headroom


# ------------------------------------------------------------------ storey height


def parse_storey_heights(text: str | None) -> dict[str, float] | None:
    """A storey-height parameter: ``3.2`` (every use) or ``07=3.0; 09=4.5; default=3.5``
    (用地用海 code prefixes) → {key: m}; None when empty; a bad entry raises
    :class:`LowlandInputError` naming it."""
    if text is None or not str(text).strip():
        return None
    out: dict[str, float] = {}
    for part in str(text).replace("；", ";").replace("，", ";").replace(",", ";").split(";"):
        part = part.strip()
        if not part:
            continue
        key, _, value = part.rpartition("=")
        key = key.strip() or "default"
        try:
            metres = float(value)
        except ValueError:
            metres = math.nan
        if not math.isfinite(metres) or metres <= 0 or metres > 20:
            raise LowlandInputError(
                f"层高参数“{part}”无效：应为 0–20 米的数值，如 3.2 或 07=3.0; 09=4.5 / storey "
                f"height “{part}” is invalid: a number of metres (0–20), e.g. 3.2 or 07=3.0; 09=4.5"
            )
        out[key] = metres
    return out or None


def storey_height_of(use: str | None, table: Mapping[str, float]) -> float | None:
    """The storey height of ``use`` in ``table``: the longest code prefix, else
    ``default``; None when neither."""
    if use:
        for n in range(len(use), 1, -1):
            if use[:n] in table:
                return float(table[use[:n]])
    return float(table["default"]) if "default" in table else None


def storey_heights(
    uses: Sequence[str | None], profile: Profile, given: Mapping[str, float] | None
) -> tuple[np.ndarray, list[str]]:
    """Storey height (m) and its source per use: the ``given`` table first (its
    ``default`` covers every use it does not name), else the profile's ``storey_height_m``."""
    table = profile.value("storey_height_m")
    cite = f"storey_height_m（{profile.cite('storey_height_m')}）"
    heights, sources = [], []
    for use in uses:
        mine = storey_height_of(use, given) if given else None
        chosen = mine if mine is not None else storey_height_of(use, table)
        heights.append(math.nan if chosen is None else chosen)
        sources.append("参数 / parameter" if mine is not None else cite)
    return np.asarray(heights, dtype="float64"), sources


# ------------------------------------------------------------------ the 控规 rows


def control_rows(parcel_geoms: np.ndarray, controls: gpd.GeoDataFrame) -> np.ndarray:
    """Index of the 控规 row covering most of each parcel (-1: none); ties go to the
    smaller ``plan_id``."""
    keys = texts(controls, "plan_id") if "plan_id" in controls.columns else None
    return largest_overlap(np.asarray(controls.geometry.values, dtype=object), parcel_geoms, keys)


def coverage_field(controls: pd.DataFrame) -> str | None:
    """The 控规 field holding the coverage maximum (``coverage_max``, else ``density_max``)."""
    return next((f for f in COVERAGE_FIELDS if f in controls.columns), None)


def control_values(controls: gpd.GeoDataFrame, label: str) -> dict[str, np.ndarray]:
    """``far_max``, ``height_max``, ``coverage_max`` of every 控规 row (NaN: unknown or
    no such field); ``far_max`` missing as a field, a negative value or a coverage above 1
    raise :class:`LowlandInputError` naming the rows."""
    if "far_max" not in controls.columns:
        raise LowlandInputError(
            f"{label}: 缺少字段 far_max（规划容积率上限）。请用字段映射指定。 / the 控规 layer "
            "has no far_max field (planned FAR maximum); map it with the field map."
        )
    cov = coverage_field(controls)
    values = {
        "far_max": numbers(controls, "far_max"),
        "height_max": numbers(controls, "height_max"),
        "coverage_max": numbers(controls, cov) if cov else np.full(len(controls), np.nan),
    }
    ids = [p or str(i + 1) for i, p in enumerate(texts(controls, "plan_id"))]
    problems = [
        f"控规 {ids[i]}：{name} = {v[i]:g} 为负数 / plan row {ids[i]}: {name} is negative"
        for name, v in values.items()
        for i in np.flatnonzero(v < 0)
    ]
    problems += [
        f"控规 {ids[i]}：{cov} = {values['coverage_max'][i]:g} 大于 1（建筑密度应为 0–1 的比例，"
        f"如 0.35）/ plan row {ids[i]}: {cov} above 1 (a share 0–1, e.g. 0.35)"
        for i in np.flatnonzero(values["coverage_max"] > 1)
    ]
    raise_problems(problems, f"{label}: 控规指标有误 / 控规 values invalid")
    return values


def plan_citations(controls: pd.DataFrame) -> list[dict[str, str | None]]:
    """The plan document each 控规 row's limits come from: its ``plan_id``/``plan_code``/
    ``plan_name`` (the fields the layer has)."""
    columns = {f: texts(controls, f) for f in PLAN_FIELDS if f in controls.columns}
    return [{f: v[r] for f, v in columns.items()} for r in range(len(controls))]


# ------------------------------------------------------------------ reasons


def far_reason(
    limit: float, far_max: float, area: float, plan: dict | None, own_far_max: float = math.nan
) -> Reason:
    """Y-3 the planned-FAR limit of one parcel, cited to its 控规 row; a different
    ``far_max`` recorded on the parcel itself (a project's planning condition) is named,
    not used."""
    if plan is None:
        note = "无控规地块覆盖，容积率上限未知 / no 控规 row covers the parcel: FAR limit unknown"
    elif math.isnan(far_max):
        note = "控规 far_max 为空，容积率上限未知 / 控规 far_max empty: FAR limit unknown"
    else:
        note = "规划容积率上限 × 用地面积 / planned FAR maximum × land area"
    differs = not math.isnan(own_far_max) and (
        math.isnan(far_max) or not math.isclose(own_far_max, far_max, rel_tol=EPS)
    )
    if differs:
        note += (
            f"；地块自身记录的 far_max {own_far_max:g} 未用于测算（以控规为准），请核对 / the "
            f"parcel's own far_max {own_far_max:g} is not used (the 控规 is); to be checked"
        )
    return reason(
        "capacity_far_limit",
        "Y-3",
        rounded(limit),
        rounded(far_max, 4),
        None,
        area_m2=rounded(area),
        parcel_far_max=rounded(own_far_max, 4) if differs else None,
        plan=plan,
        note=note,
    )


def far_max_differences(
    ids: list[str], own: np.ndarray, planned: np.ndarray, has: np.ndarray
) -> list[str]:
    """``id（地块 a ≠ 控规 b）`` of every parcel whose own ``far_max`` differs from its
    控规 row's (both known)."""
    known = has & ~np.isnan(own) & ~np.isnan(planned)
    out = []
    for i in np.flatnonzero(known):
        if not math.isclose(own[i], planned[i], rel_tol=EPS):
            out.append(f"{ids[i]}（{own[i]:g} ≠ {planned[i]:g}）")
    return out


def height_reason(
    limit: float,
    values: dict[str, float],
    storey_source: str,
    plan: dict | None,
    coverage_name: str | None,
) -> Reason:
    """Y-3 the height limit of one parcel: storeys × coverage × area, cited."""
    missing = [n for n in ("height_max", "coverage_max") if math.isnan(values[n])]
    if plan is None:
        note = "无控规地块覆盖，高度限制未知 / no 控规 row covers the parcel: height limit unknown"
    elif missing:
        note = (
            f"控规 {'、'.join(coverage_name or n if n == 'coverage_max' else n for n in missing)}"
            f" 为空或无此字段，高度限制未知 / 控规 {missing} empty or absent: height limit unknown"
        )
    else:
        note = (
            "⌊建筑高度上限 ÷ 层高⌋ 层 × 建筑密度上限 × 用地面积 / ⌊height limit ÷ storey "
            "height⌋ storeys × coverage maximum × land area"
        )
    return reason(
        "capacity_height_limit",
        "Y-3",
        rounded(limit),
        {
            "height_max": rounded(values["height_max"]),
            "storey_height_m": rounded(values["storey_height_m"]),
            "storeys": None if math.isnan(values["storeys"]) else int(values["storeys"]),
            "coverage_max": rounded(values["coverage_max"], 4),
        },
        None,
        storey_height_source=storey_source,
        coverage_field=coverage_name,
        plan=plan,
        note=note,
    )


def capacity_reason(
    capacity: float | None, binding: str | None, headroom: float | None, bonus: float
) -> Reason:
    """Y-3/Y-4 the envelope: the binding limit plus the handover compensation."""
    if binding is None:
        note = "无已知限制，开发容量未知 / no limit known: capacity unknown"
    else:
        note = (
            f"取最小的已知限制（{binding}）+ 移交补齐面积 {bonus:g} m² / the smallest known "
            f"limit ({binding}) + compensated handover {bonus:g} m²"
        )
        if headroom is None:
            note += "；无第二项已知限制，余量未知 / no second known limit: headroom unknown"
    return reason(
        "capacity_envelope",
        "Y-3",
        rounded(capacity),
        binding,
        None,
        headroom_m2=rounded(headroom),
        handover_bonus_m2=rounded(bonus),
        note=note,
    )


# ------------------------------------------------------------------ per parcel


def parcel_ids(parcels: pd.DataFrame) -> tuple[str, list[str]]:
    """(field, ids) of the parcels: ``project_id`` or ``parcel_id`` (row number where
    empty or absent)."""
    field = next((f for f in ID_FIELDS if f in parcels.columns), "")
    values = texts(parcels, field) if field else [None] * len(parcels)
    return field or "row", [v or str(i + 1) for i, v in enumerate(values)]


def handover_bonuses(
    parcels: pd.DataFrame, ids: list[str], profile: Profile, label: str
) -> tuple[np.ndarray, list[Reason | None]]:
    """Y-4 compensated handover per parcel (0 and no reason where none is handed over);
    a broken ``handover_by_category`` raises naming the parcel."""
    handover = np.nan_to_num(numbers(parcels, "gfa_handover"), nan=0.0)
    cats_text = texts(parcels, "handover_by_category")
    bonus = np.zeros(len(parcels))
    items: list[Reason | None] = [None] * len(parcels)
    problems = []
    for i in np.flatnonzero(handover > 0):
        try:
            cats = handover_categories(cats_text[i])
        except ValueError as err:
            problems.append(f"{ids[i]}：handover_by_category {err}")
            continue
        bonus[i], items[i] = compensated_handover(float(handover[i]), cats, profile)
    raise_problems(problems, f"{label}: 移交面积有误 / handover input errors")
    return bonus, items


def uncapped_public(parcels: pd.DataFrame) -> list[tuple[bool | None, Reason] | None]:
    """Y-4 per parcel: (conditions met, reason) of a public project, None otherwise."""
    public = flags(parcels, "public_project")
    no_harm = {f: flags(parcels, f) for f in NO_HARM_FIELDS}
    return [
        public_conditions({f: no_harm[f][i] for f in NO_HARM_FIELDS}) if public[i] else None
        for i in range(len(parcels))
    ]


def own_uses(parcels: pd.DataFrame) -> list[str | None]:
    """Each parcel's own use: ``new_use_code`` (planned), else ``use_code``."""
    uses = [texts(parcels, f) for f in USE_FIELDS]
    return [next((u[i] for u in uses if u[i]), None) for i in range(len(parcels))]


def uses_agree(own: str, planned: str) -> bool:
    """Two 用地用海 codes agree when one is the other or a subclass of it (``0701`` in
    ``07``)."""
    return own.startswith(planned) or planned.startswith(own)


def use_conflicts(
    parcels: pd.DataFrame, controls: pd.DataFrame, rows: np.ndarray
) -> list[tuple[str, str] | None]:
    """Per parcel: (its own use, its 控规 row's ``plan_code``) when both are known and
    they do not agree (:func:`uses_agree`), else None."""
    planned = texts(controls, "plan_code")
    out: list[tuple[str, str] | None] = []
    for own, r in zip(own_uses(parcels), rows, strict=True):
        plan = planned[r] if r >= 0 else None
        out.append((own, plan) if own and plan and not uses_agree(own, plan) else None)
    return out


def capacity_uses(parcels: pd.DataFrame, controls: pd.DataFrame, rows: np.ndarray) -> list:
    """The use each parcel's storey height is read for (Y-3: the 控规 governs): the
    planned use (``plan_code``) of its 控规 row when the parcel's own use
    (``new_use_code``, else ``use_code``) is another (:func:`use_conflicts`), else the
    parcel's own (it may be the finer code), else the 控规 row's."""
    planned = texts(controls, "plan_code")
    conflicts = use_conflicts(parcels, controls, rows)
    return [
        conflict[1] if conflict else own or (planned[r] if r >= 0 else None)
        for own, r, conflict in zip(own_uses(parcels), rows, conflicts, strict=True)
    ]


def use_conflict_note(own: str, planned: str) -> str:
    """The storey-height source note of a parcel whose use differs from its 控规 row's."""
    return (f"；项目用途 {own} 与控规用途 {planned} 不同，按控规用途取层高（以控规为准），请核对 / "
            f"the parcel's use {own} differs from the 控规's {planned}: the 控规's is used; to be "
            "checked")  # fmt: skip


def use_differences(ids: list[str], conflicts: Sequence[tuple[str, str] | None]) -> list[str]:
    """``id（地块用途 a ≠ 控规 b）`` of every parcel whose use differs from its 控规 row's."""
    return [f"{ids[i]}（{c[0]} ≠ {c[1]}）" for i, c in enumerate(conflicts) if c]


@dataclass(frozen=True)
class ParcelLimits:
    """The limits of every parcel, arrays in parcel order (NaN: unknown)."""

    area: np.ndarray
    rows: np.ndarray  # 控规 row of each parcel (-1: none)
    controls: dict[str, np.ndarray]  # far_max, height_max, coverage_max of that row
    uses: list[str | None]
    storey: np.ndarray
    storey_sources: list[str]
    storeys: np.ndarray
    limits: dict[str, np.ndarray]  # "far", "height" → m²
    #: per parcel (own use, 控规 use) when they differ (:func:`use_conflicts`), else None
    conflicts: tuple[tuple[str, str] | None, ...] = ()


def parcel_limits(
    parcels: gpd.GeoDataFrame,
    controls: gpd.GeoDataFrame,
    profile: Profile,
    storey_height_m: Mapping[str, float] | None,
    labels: tuple[str, str],
) -> ParcelLimits:
    """Y-3 each parcel's 控规 row (largest overlap) and the limits it sets."""
    label, controls_label = labels
    area = planimetric_areas(parcels, label, next((f for f in ID_FIELDS if f in parcels), ""))
    values = control_values(controls, controls_label)
    rows = control_rows(np.asarray(parcels.geometry.values, dtype=object), controls)
    has = rows >= 0
    pick = {
        n: np.where(has, v[np.maximum(rows, 0)] if len(v) else np.nan, np.nan)
        for n, v in values.items()
    }
    uses = capacity_uses(parcels, controls, rows)
    conflicts = tuple(use_conflicts(parcels, controls, rows))
    storey, sources = storey_heights(uses, profile, storey_height_m)
    sources = [
        s + use_conflict_note(*c) if c else s for s, c in zip(sources, conflicts, strict=True)
    ]
    storeys = storeys_within(pick["height_max"], storey)
    limits = {
        "far": far_limit(pick["far_max"], area),
        "height": height_limit(storeys, pick["coverage_max"], area),
    }
    return ParcelLimits(area, rows, pick, uses, storey, sources, storeys, limits, conflicts)


def envelope_row(
    i: int,
    lim: ParcelLimits,
    plan: dict | None,
    handover: tuple[float, Reason | None],
    public: tuple[bool | None, Reason] | None,
    own_far_max: float,
    coverage_name: str | None,
) -> dict:
    """The envelope columns of parcel ``i``: the smallest known limit + the handover,
    or uncapped (Y-4 public project), with the cited reasons."""
    binding, least, headroom = binding_limit({k: float(v[i]) for k, v in lim.limits.items()})
    bonus, handover_item = handover
    uncapped = public is not None and public[0] is True
    capacity = None if uncapped or least is None else least + bonus
    here = {n: float(v[i]) for n, v in lim.controls.items()} | {
        "storey_height_m": float(lim.storey[i]),
        "storeys": float(lim.storeys[i]),
    }
    items = [
        far_reason(
            float(lim.limits["far"][i]), here["far_max"], float(lim.area[i]), plan, own_far_max
        ),
        height_reason(
            float(lim.limits["height"][i]), here, lim.storey_sources[i], plan, coverage_name
        ),
    ]
    items += [handover_item] if handover_item is not None else []
    items += [public[1]] if public is not None else []
    items.append(capacity_reason(capacity, None if uncapped else binding, headroom, bonus))
    return {
        "area_m2": float(lim.area[i]),
        "control_id": plan.get("plan_id") if plan else None,
        "capacity_use": lim.uses[i],
        "storey_height_m": float(lim.storey[i]),
        "storeys_max": lim.storeys[i],
        "limit_far_m2": lim.limits["far"][i],
        "limit_height_m2": lim.limits["height"][i],
        "handover_bonus_m2": bonus,
        "capacity_m2": capacity,
        "binding_limit": None if uncapped else binding,
        "headroom_m2": None if uncapped else headroom,
        "capped": not uncapped,
        "reasons": reasons_json(items),
    }


def capacity_envelope(
    parcels: gpd.GeoDataFrame,
    controls: gpd.GeoDataFrame,
    profile: Profile,
    *,
    storey_height_m: Mapping[str, float] | None = None,
    label: str = "parcels",
    controls_label: str = "控规",
) -> gpd.GeoDataFrame:
    """The parcels with the envelope columns (``ENVELOPE_COLUMNS``; rules: module doc),
    same index; ``attrs["warnings"]`` lists what a run should warn about. Parcels and
    controls in one projected CRS."""
    require_projected_metres(parcels.crs, label)
    if controls.crs is not None and parcels.crs is not None and controls.crs != parcels.crs:
        raise LowlandInputError(
            f"{controls_label}: 坐标系与 {label} 不同，请先重投影。 / the 控规 layer's CRS differs "
            f"from {label}'s; reproject it first."
        )
    _, ids = parcel_ids(parcels)
    lim = parcel_limits(parcels, controls, profile, storey_height_m, (label, controls_label))
    bonus, handover_items = handover_bonuses(parcels, ids, profile, label)
    own = numbers(parcels, "far_max")
    public = uncapped_public(parcels)
    coverage_name = coverage_field(controls)
    citations = plan_citations(controls)
    rows = [
        envelope_row(
            i,
            lim,
            citations[r] if r >= 0 else None,
            (float(bonus[i]), handover_items[i]),
            public[i],
            float(own[i]),
            coverage_name,
        )
        for i, r in enumerate(lim.rows)
    ]
    table = pd.DataFrame(rows, index=parcels.index, columns=list(ENVELOPE_COLUMNS))
    for name in ("storeys_max", "limit_far_m2", "limit_height_m2", "capacity_m2", "headroom_m2"):
        table[name] = pd.to_numeric(table[name], errors="coerce").astype("float64")
    kept = parcels.drop(columns=[c for c in ENVELOPE_COLUMNS if c in parcels.columns])
    out = gpd.GeoDataFrame(
        pd.concat([kept, table], axis=1), geometry=parcels.geometry.name, crs=parcels.crs
    )
    has = lim.rows >= 0
    out.attrs["warnings"] = envelope_warnings(
        ids, has, coverage_name, controls, profile, storey_height_m, bonus
    )
    differ = far_max_differences(ids, own, lim.controls["far_max"], has)
    if differ:
        out.attrs["warnings"].append(
            f"{len(differ)} 个地块自身的 far_max 与控规不同，按控规测算：{'、'.join(differ[:10])} / "
            f"{len(differ)} parcels record a far_max other than their 控规 row's; the 控规 is used"
        )
    other_use = use_differences(ids, lim.conflicts)
    if other_use:
        out.attrs["warnings"].append(
            f"{len(other_use)} 个地块的规划用途与控规用途不同，按控规用途测算（以控规为准）："
            f"{'、'.join(other_use[:10])} / {len(other_use)} parcels plan a use other than their "
            "控规 row's; the 控规's use is used"
        )
    return out


def envelope_warnings(
    ids: list[str],
    has: np.ndarray,
    coverage_name: str | None,
    controls: pd.DataFrame,
    profile: Profile,
    storey_height_m: Mapping[str, float] | None,
    bonus: np.ndarray,
) -> list[str]:
    """What a run should say: parcels outside the 控规, absent control fields, values not
    adopted."""
    out = []
    outside = [ids[i] for i in np.flatnonzero(~has)]
    if outside:
        out.append(
            f"{len(outside)} 个地块无控规覆盖，限制未知：{outside[:10]} / {len(outside)} parcels "
            f"have no 控规 row: limits unknown"
        )
    absent = [f for f in ("height_max",) if f not in controls.columns]
    absent += [] if coverage_name else ["coverage_max/density_max"]
    if absent:
        out.append(
            f"控规图层无字段 {absent}：高度限制未知 / 控规 layer lacks {absent}: height limit unknown"
        )
    names = [] if storey_height_m and "default" in storey_height_m else ["storey_height_m"]
    names += ["handover_categories", "handover_factor"] if (bonus > 0).any() else []
    pending = profile.pending(names)
    if pending:
        out.append("开发容量测算使用未经采用的取值 / values not adopted: " + "；".join(pending))
    return out
