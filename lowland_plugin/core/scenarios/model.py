"""The scenario data model (方案, issue 23 item 2): a scenario is a named copy of a
unit's projects that the planner edits. A scenario store holds two tables:

- ``scenarios`` (no geometry): :data:`SCENARIO_FIELDS` — ``scenario_id``, ``unit_id``,
  ``name``, ``author``, ``created``/``changed`` (ISO datetime text), ``notes``,
  ``chosen`` (the plan the 实施方案 describes; at most one per unit);
- ``scenario_projects``: every field of the project template's ``projects`` layer plus
  ``scenario_id`` and ``phase``.

Here: building a scenario from a unit's projects, copying one (new id, new times) and
the validation of both tables (a mode the checks do not read, two chosen scenarios of
one unit → :class:`LowlandInputError`). Pure: no file is touched."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import geopandas as gpd
import pandas as pd

from ..checks.common import REDEVELOPMENT_MODES
from ..common.errors import LowlandInputError
from ..common.values import as_text, texts

#: The fields of the ``scenarios`` table, in order.
SCENARIO_FIELDS = ("scenario_id", "unit_id", "name", "author", "created", "changed", "notes",
                   "chosen")  # fmt: skip
#: The fields a scenario adds to the projects' own.
PROJECT_EXTRA_FIELDS = ("scenario_id", "phase")
#: ``redevelopment_mode`` values of a project the scenario keeps as it is (保留): no
#: redevelopment, so no 低效 area resolved and no funding line (the checks read no mode).
RETAIN_MODES = frozenset({"retain", "保留"})
#: The layer names of a scenario store.
SCENARIOS_LAYER = "scenarios"
SCENARIO_PROJECTS_LAYER = "scenario_projects"


def iso_time(now: dt.datetime) -> str:
    """``now`` as the stored ISO text (to the second)."""
    return now.replace(microsecond=0).isoformat()


def next_scenario_id(unit_id: str, taken: Iterable[str]) -> str:
    """The first free id ``<unit>-A``, ``<unit>-B`` … ``<unit>-Z``, then ``<unit>-27`` …"""
    used = {str(t) for t in taken}
    letters = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    for suffix in [*letters, *(str(n) for n in range(27, 10_000))]:
        candidate = f"{unit_id}-{suffix}"
        if candidate not in used:
            return candidate
    raise LowlandInputError(f"单元 {unit_id} 的方案过多 / too many scenarios for unit {unit_id}")


def scenario_row(
    scenario_id: str, unit_id: str, name: str, author: str | None, now: dt.datetime,
    notes: str | None = None, chosen: bool = False,
) -> dict:  # fmt: skip
    """One row of the ``scenarios`` table, created and changed ``now``."""
    stamp = iso_time(now)
    return {"scenario_id": scenario_id, "unit_id": unit_id, "name": name, "author": author,
            "created": stamp, "changed": stamp, "notes": notes, "chosen": chosen}  # fmt: skip


def unit_projects(projects: gpd.GeoDataFrame, unit_id: str, unit_of: pd.Series | None = None):
    """The projects of ``unit_id``: those whose ``unit_id`` names it, or — ``unit_of``
    given (the unit of each project, e.g. from
    :func:`~..units.membership.unit_membership`) — those assigned to it."""
    if unit_of is not None:
        mask = unit_of.reindex(projects.index).to_numpy(dtype=object) == unit_id
    else:
        mask = pd.Series(texts(projects, "unit_id"), index=projects.index).eq(unit_id).to_numpy()
    return projects[mask]


def scenario_from_projects(
    projects: gpd.GeoDataFrame,
    unit_id: str,
    name: str,
    author: str | None,
    now: dt.datetime,
    *,
    scenario_id: str | None = None,
    taken: Iterable[str] = (),
    phase: str | None = None,
    notes: str | None = None,
) -> tuple[dict, gpd.GeoDataFrame]:
    """A new scenario of ``unit_id`` from ``projects`` (the unit's projects, already
    selected — :func:`unit_projects`): its ``scenarios`` row and its projects (every
    field kept, ``unit_id`` set, ``scenario_id`` and ``phase`` added — an existing
    ``phase`` field is kept, else ``phase``). The id is ``scenario_id`` or the next free
    one after ``taken``. Input problems → :class:`LowlandInputError`."""
    sid = scenario_id or next_scenario_id(unit_id, taken)
    check_new_id(sid)
    if sid in set(map(str, taken)):
        raise LowlandInputError(f"方案编号 {sid} 已存在 / scenario id {sid} already exists")
    rows = projects.copy()
    rows["unit_id"] = unit_id
    rows["scenario_id"] = sid
    if "phase" not in rows.columns:
        rows["phase"] = phase
    rows = rows.reset_index(drop=True)
    check_modes(rows)
    return scenario_row(sid, unit_id, name, author, now, notes), rows


def copy_scenario(
    scenarios: pd.DataFrame,
    scenario_projects: gpd.GeoDataFrame,
    source_id: str,
    name: str,
    author: str | None,
    now: dt.datetime,
    *,
    scenario_id: str | None = None,
    notes: str | None = None,
) -> tuple[dict, gpd.GeoDataFrame]:
    """A copy of scenario ``source_id``: a new ``scenarios`` row (new id — ``scenario_id``
    or the next free one of its unit — ``name``, ``author``, created and changed ``now``,
    ``notes`` or else the source's, not chosen) and a copy of its projects under the new
    id."""
    source = scenario_record(scenarios, source_id)
    unit_id = str(source["unit_id"])
    taken = texts(scenarios, "scenario_id")
    sid = scenario_id or next_scenario_id(unit_id, [t for t in taken if t])
    check_new_id(sid)
    if sid in taken:
        raise LowlandInputError(f"方案编号 {sid} 已存在 / scenario id {sid} already exists")
    rows = projects_of(scenario_projects, source_id).copy()
    rows["scenario_id"] = sid
    row = scenario_row(sid, unit_id, name, author, now, notes or as_text(source.get("notes")))
    return row, rows.reset_index(drop=True)


def scenario_record(scenarios: pd.DataFrame, scenario_id: str) -> dict:
    """The ``scenarios`` row of ``scenario_id`` as a dict (refused when absent)."""
    found = scenarios[pd.Series(texts(scenarios, "scenario_id"), index=scenarios.index).eq(
        scenario_id)]  # fmt: skip
    if found.empty:
        raise LowlandInputError(f"没有方案 {scenario_id} / no scenario {scenario_id!r}")
    return dict(found.iloc[0])


def projects_of(scenario_projects: gpd.GeoDataFrame, scenario_id: str) -> gpd.GeoDataFrame:
    """The projects of one scenario (row order kept)."""
    ids = pd.Series(texts(scenario_projects, "scenario_id"), index=scenario_projects.index)
    return scenario_projects[ids.eq(scenario_id).to_numpy()]


def unknown_modes(projects: pd.DataFrame) -> list[tuple[str, str]]:
    """(project id, value) of every ``redevelopment_mode`` the checks do not read (not
    收储/原权利人改造/联合 in any of their spellings, nor 保留)."""
    known = set(REDEVELOPMENT_MODES) | RETAIN_MODES
    ids = texts(projects, "project_id")
    return [
        (str(pid), mode)
        for pid, mode in zip(ids, texts(projects, "redevelopment_mode"), strict=True)
        if mode is not None and mode not in known
    ]


def check_modes(projects: pd.DataFrame) -> None:
    """Refuse a ``redevelopment_mode`` the checks would not read (it would silently count
    as no mode)."""
    bad = unknown_modes(projects)
    if bad:
        listed = "、".join(f"{p}（{m}）" for p, m in bad)
        raise LowlandInputError(
            f"再开发方式无法识别：{listed}；应为 收储、原权利人改造、联合 或 保留 / unknown "
            f"redevelopment_mode: {bad}; use acquisition (收储), owner (原权利人改造), joint "
            "(联合) or retain (保留)"
        )


def is_chosen(value: object) -> bool:
    """A ``chosen`` cell as a bool (null, 0, "false" → False)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return False
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "是")
    return bool(value)


def check_chosen(scenarios: pd.DataFrame) -> None:
    """At most one chosen scenario per unit (the one plan the 实施方案 describes)."""
    chosen: dict[str, list[str]] = {}
    for sid, unit, flag in zip(
        texts(scenarios, "scenario_id"), texts(scenarios, "unit_id"),
        scenarios.get("chosen", pd.Series([None] * len(scenarios))), strict=True,
    ):  # fmt: skip
        if is_chosen(flag):
            chosen.setdefault(str(unit), []).append(str(sid))
    double = {u: s for u, s in chosen.items() if len(s) > 1}
    if double:
        listed = "；".join(f"单元 {u}：{'、'.join(s)}" for u, s in double.items())
        raise LowlandInputError(
            f"每个单元最多选定一个方案，以下单元选定了多个：{listed} / at most one chosen "
            f"scenario per unit; several are chosen: {double}"
        )


def check_scenario_ids(scenarios: pd.DataFrame, scenario_projects: pd.DataFrame) -> None:
    """Every scenario id present, unique, and every project's ``scenario_id`` a scenario
    of the table."""
    ids = texts(scenarios, "scenario_id")
    empty = [i + 1 for i, sid in enumerate(ids) if sid is None]
    repeated = sorted({str(i) for i in ids if i is not None and ids.count(i) > 1})
    if empty or repeated:
        raise LowlandInputError(
            f"方案表的 scenario_id 有空值（第 {empty} 行）或重复（{repeated}），每个方案须有唯一编号 / "
            f"scenario_id is empty (rows {empty}) or repeated ({repeated}) in the scenarios "
            "table; give each scenario its own id"
        )
    orphans = sorted({s for s in texts(scenario_projects, "scenario_id")} - set(ids), key=str)
    if orphans:
        raise LowlandInputError(
            f"方案项目引用了不存在的方案 {orphans} / scenario projects name unknown "
            f"scenarios {orphans}"
        )


def validate_store(scenarios: pd.DataFrame, scenario_projects: pd.DataFrame) -> None:
    """The checks of a scenario store: ids (:func:`check_scenario_ids`), modes
    (:func:`check_modes`) and the chosen scenarios (:func:`check_chosen`)."""
    missing = [f"scenarios.{f}" for f in ("scenario_id", "unit_id") if f not in scenarios.columns]
    missing += [f"scenario_projects.{f}" for f in ("scenario_id", "project_id")
                if f not in scenario_projects.columns]  # fmt: skip
    if missing:
        raise LowlandInputError(
            f"方案数据缺少字段 {missing}（方案表 scenarios 需 scenario_id、unit_id；方案项目图层 "
            f"scenario_projects 需 scenario_id、project_id） / scenario data lacks {missing} "
            "(the scenarios table needs scenario_id and unit_id, the scenario_projects layer "
            "scenario_id and project_id)"
        )
    check_scenario_ids(scenarios, scenario_projects)
    check_modes(scenario_projects)
    check_chosen(scenarios)


_ID_PATTERN = re.compile(r"^[^\s/\\]+$")


def check_new_id(scenario_id: str) -> None:
    """A scenario id is text without spaces or slashes (it names files and columns)."""
    if not _ID_PATTERN.match(scenario_id):
        raise LowlandInputError(
            f"方案编号 {scenario_id!r} 不能含空格或斜杠 / scenario id {scenario_id!r} may not "
            "contain spaces or slashes"
        )
