"""What the unit statistics were made from, and whether they are older than the review.

``lowland:buildunits`` (and ``lowland:refreshunits``) write, on every unit, the layers
they counted (``parcels_source``, ``blocks_source``, ``plan_source``: data source
strings), when (``counted_at``) and the review state of the parcels they counted
(``decisions_n``: parcels with a decision; ``decided_until``: time of the latest
decision). Later, :func:`stale_units` compares this record with the parcels a
document is made from, and with the reviewed layer the units were counted from as it
is now: a decision made, changed or reset after the count, or a unit outline drawn
after it, makes the statistics stale — the planner is told which layer, and to run
``lowland:refreshunits`` (刷新单元统计).

Pure: layers are GeoDataFrames; the bridge reads the recorded source again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely

from ..common.values import as_text, is_known

#: Provenance fields of a units layer (after the statistics of UNIT_FIELDS).
PROVENANCE_FIELDS = (
    "counted_at",
    "parcels_source",
    "blocks_source",
    "plan_source",
    "decisions_n",
    "decided_until",
)
#: A unit outline differs from the one counted when its area differs from ``area_m2`` by
#: more than this (m²): a GeoPackage round trip keeps coordinates exactly; the unit tool
#: redraws by whole metres at least.
OUTLINE_AREA_TOLERANCE_M2 = 0.5
#: What the user runs to bring the statistics up to date.
REFRESH = "lowland:refreshunits（刷新单元统计）"


@dataclass(frozen=True)
class ReviewState:
    """Review state of a parcels layer: parcels with a decision and the latest decision
    time (ISO text, None: no decision). ``None`` as a whole: the layer has no review
    fields."""

    decided: int
    latest: str | None

    def describe_zh(self) -> str:
        when = (self.latest or "—").replace("T", " ")
        return f"{self.decided} 宗已核查，最近决定 {when}"

    def describe_en(self) -> str:
        when = (self.latest or "—").replace("T", " ")
        return f"{self.decided} parcels decided, last decision {when}"


def review_state(parcels: pd.DataFrame) -> ReviewState | None:
    """The review state of an identification output (None: it has no ``review_status``)."""
    if "review_status" not in parcels.columns:
        return None
    status = parcels["review_status"].map(as_text)
    decided = status.notna().to_numpy() & (status.to_numpy(dtype=object) != "pending")
    times = []
    if "reviewed_at" in parcels.columns:
        times = [t for t in parcels["reviewed_at"][decided].map(as_text) if t is not None]
    return ReviewState(int(decided.sum()), max(times) if times else None)


def provenance_columns(
    n_units: int,
    parcels: pd.DataFrame,
    sources: dict[str, str | None],
    now: dt.datetime | None = None,
) -> pd.DataFrame:
    """The provenance fields for ``n_units`` units counted from ``parcels``; ``sources``
    maps ``parcels``/``blocks``/``plan`` to the data source of each input (None: unset)."""
    state = review_state(parcels)
    stamp = (now or dt.datetime.now()).replace(microsecond=0).isoformat()
    return pd.DataFrame(
        {
            "counted_at": [stamp] * n_units,
            "parcels_source": [sources.get("parcels")] * n_units,
            "blocks_source": [sources.get("blocks")] * n_units,
            "plan_source": [sources.get("plan")] * n_units,
            "decisions_n": pd.array([None if state is None else state.decided] * n_units, "Int64"),
            "decided_until": [None if state is None else state.latest] * n_units,
        }
    )


@dataclass(frozen=True)
class UnitsRecord:
    """The provenance a units layer carries (the first unit's; buildunits writes one
    record on every unit)."""

    counted_at: str | None
    parcels_source: str | None
    blocks_source: str | None
    plan_source: str | None
    state: ReviewState | None


def units_record(units: pd.DataFrame) -> UnitsRecord | None:
    """The recorded provenance (None: the layer has no ``counted_at`` field, e.g. drawn
    by hand or made before provenance was recorded, or no unit has been counted)."""
    if "counted_at" not in units.columns:
        return None
    counted = units[units["counted_at"].map(as_text).notna()]
    if len(counted) == 0:
        return None
    row = counted.iloc[0]

    def text(name: str) -> str | None:
        return as_text(row[name]) if name in counted.columns else None

    n = pd.to_numeric(pd.Series([row.get("decisions_n")]), errors="coerce").iloc[0]
    state = ReviewState(int(n), text("decided_until")) if np.isfinite(n) else None
    return UnitsRecord(
        text("counted_at"), text("parcels_source"), text("blocks_source"), text("plan_source"),
        state,
    )  # fmt: skip


def uncounted_units(units: pd.DataFrame) -> list[str]:
    """Units without statistics (no ``area_m2``/``counted_at``): drawn or redrawn after
    the last count."""
    if "area_m2" not in units.columns:
        return sorted(str(u) for u in units["unit_id"])
    missing = ~units["area_m2"].map(is_known).to_numpy(dtype=bool)
    if "counted_at" in units.columns:
        missing |= units["counted_at"].map(as_text).isna().to_numpy()
    return sorted(str(u) for u in units["unit_id"][missing])


def redrawn_units(units) -> list[tuple[str, float, float]]:
    """Counted units whose outline changed since the count: (unit_id, area now, area
    counted) where the polygon area differs from ``area_m2`` by more than
    :data:`OUTLINE_AREA_TOLERANCE_M2`."""
    if "area_m2" not in units.columns:
        return []
    counted = pd.to_numeric(units["area_m2"], errors="coerce").to_numpy(dtype=float)
    now = shapely.area(np.asarray(units.geometry.values, dtype=object))
    out = []
    for unit, a_now, a_counted in zip(units["unit_id"], now, counted, strict=True):
        if np.isfinite(a_counted) and abs(a_now - a_counted) > OUTLINE_AREA_TOLERANCE_M2:
            out.append((str(unit), float(a_now), float(a_counted)))
    return out


def outline_messages(units, label: str) -> list[str]:
    """Refusals for units that were never counted or were redrawn after the count."""
    out = []
    missing = uncounted_units(units)
    if missing:
        out.append(
            f"{label}：单元 {', '.join(missing)} 没有单元统计（绘制或修改后未统计），单元面积、"
            f"低效用地面积和资金测算将缺失或为 0。请先运行 {REFRESH}。 / {label}: units "
            f"{', '.join(missing)} have no statistics (drawn or edited after the last count); "
            "run lowland:refreshunits first."
        )
    for unit, a_now, a_counted in redrawn_units(units):
        out.append(
            f"{label}：单元 {unit} 的边界在统计后已修改（现面积 {a_now:,.2f} m²，统计时 "
            f"{a_counted:,.2f} m²），单元统计已过时。请先运行 {REFRESH}。 / {label}: the "
            f"outline of unit {unit} changed after it was counted (area now {a_now:,.2f} m², "
            f"counted {a_counted:,.2f} m²); run lowland:refreshunits first."
        )
    return out


def review_messages(
    record: UnitsRecord | None,
    units_label: str,
    parcels: pd.DataFrame,
    parcels_label: str,
    source_now: pd.DataFrame | None = None,
    source_label: str | None = None,
) -> tuple[list[str], list[str]]:
    """(refusals, warnings) comparing the review state the units were counted on with
    ``parcels`` (the layer the document lists) and with ``source_now`` (the reviewed
    layer the units were counted from, read again now; None: same as ``parcels`` or
    not readable)."""
    refusals: list[str] = []
    warnings: list[str] = []
    given = review_state(parcels)
    if record is None:
        warnings.append(
            f"{units_label}：单元图层没有记录其统计所用的宗地图层和核查时间（手绘或旧版结果），"
            f"无法判断单元统计是否早于核查；建议运行 {REFRESH}。 / {units_label}: the units "
            "layer does not record what it was counted from; cannot tell whether it is older "
            "than the review; run lowland:refreshunits."
        )
    elif given is not None and (counted := record.state or ReviewState(0, None)) != given:
        refusals.append(
            f"{units_label}：单元统计早于核查——统计时宗地图层 {parcels_label} "
            f"{counted.describe_zh()}，现在 {given.describe_zh()}。请先运行 {REFRESH}。"
            f" / {units_label}: the unit statistics are older than the review of "
            f"{parcels_label} (counted with {counted.describe_en()}, now "
            f"{given.describe_en()}); run lowland:refreshunits first."
        )
    if source_now is not None:
        older = older_copy_message(parcels, parcels_label, source_now, source_label or "")
        refusals += [older] if older else []
    return refusals, warnings


def older_copy_message(
    parcels: pd.DataFrame, parcels_label: str, source_now: pd.DataFrame, source_label: str
) -> str | None:
    """The parcels are a copy (buildunits' parcels output) whose decisions differ from
    the reviewed layer the units were counted from, as that layer is now (None: same)."""
    given, now = review_state(parcels), review_state(source_now)
    if given is None or now is None or given == now:
        return None
    return (
        f"{parcels_label}：宗地图层早于核查——其 {given.describe_zh()}，而单元统计所用的"
        f"认定结果 {source_label} 现在 {now.describe_zh()}。请先运行 {REFRESH}，"
        f"再用其宗地输出。 / {parcels_label} is older than the review of "
        f"{source_label} ({given.describe_en()} here, {now.describe_en()} there); run "
        "lowland:refreshunits and use its parcels output."
    )
