"""按现状条件核定 (Y-5) per project × item of the project template (``statusquo`` layer,
optionally with the ``projects`` layer, in canonical fields).

The rule profile's ``statusquo_items`` (local section, with its source) says which items
are judged, which direction of each is better and which are never relaxed; no number of
its is written here. Comparisons are
exact up to a relative 1e-9 (a value on its limit is on the side the rule states).

Y-5, per row: ``meets_norm`` = the proposed value meets the current norm in the item's
better direction (higher: proposed ≥ norm; lower: proposed ≤ norm, e.g. 面宽, whose norm
is a maximum continuous frontage) → ``pass``. Otherwise a relaxable item is judged in two
tiers (银川实施意见（五）):

* tier 1, 以不低于现状条件为底线: the proposed value is not worse than the current
  condition → ``pass_not_worse``; no procedure is required (``needs_consultation`` false);
* tier 2, 改造确有困难的项目 … 合理核定: going below the current condition needs
  征询相关利害关系人意见, 公示 and 行业主管部门联合审查论证 — with ``consulted``,
  ``publicized`` and ``joint_review`` all recorded true → ``pass_joint_review`` (the
  joint review's decision is recorded, not re-judged here), otherwise ``fail``.

Safety, fire and environmental items are never relaxed: below the norm → ``fail``
whatever the current condition or review. A value the verdict needs that is null →
``missing`` (never guessed). Every verdict carries ``reasons``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from ..common.errors import LowlandInputError
from ..common.profiles import Profile, load_profile
from ..common.reasons import Reason, reason, reasons_json
from ..common.values import flags, is_known, numbers, rounded, texts
from .common import (
    CheckResult,
    at_least,
    at_most,
    nullable_booleans,
    project_ids,
    raise_problems,
)

#: Row verdicts of the status-quo check, most to least favourable.
SQ_STATUSES = ("pass", "pass_not_worse", "pass_joint_review", "fail", "missing")
#: Project verdict when a project of PROJECTS has no status-quo rows.
SQ_NO_ITEMS = "no_items"

_VALUE_FIELDS = ("norm_value", "current_value", "proposed_value")
_BOOL_COLUMNS = (
    "relaxable",
    "consulted",
    "publicized",
    "joint_review",
    "meets_norm",
    "not_worse",
    "needs_consultation",
    "sq_pass",
    "sq_all_pass",
)


#: The item table of a profile: item → {better, relaxable, name_zh, name_en, note}.
ItemTable = dict[str, dict]


def statusquo_items(profile: Profile | None = None) -> ItemTable:
    """Y-5 items of ``profile`` (the default profile when None): its local value
    ``statusquo_items`` as item → {better ('higher'|'lower'), relaxable (bool), name_zh,
    name_en, note} (validated by the profile schema)."""
    profile = profile or load_profile("default")
    return {
        row["item"]: {
            "better": row["better"],
            "relaxable": bool(row["relaxable"]),
            "name_zh": row["name_zh"],
            "name_en": row["name_en"],
            "note": row.get("note", ""),
        }
        for row in profile.value("statusquo_items")
    }


def item_code(raw: str | None, items: ItemTable | None = None) -> str | None:
    """Canonical item of a ``statusquo.item`` value: the item code or its Chinese name
    (``退距`` → ``setback``), case-insensitive; None when unknown (``items``: the
    profile's table, default profile's when None)."""
    if raw is None:
        return None
    text = str(raw).strip().lower()
    for code, row in (items or statusquo_items()).items():
        if text in (code.lower(), row["name_zh"].lower()):
            return code
    return None


def better_or_equal(better: str, value: float, reference: float) -> bool:
    """``value`` is at least as good as ``reference`` in the ``better`` direction (Y-5)."""
    return at_least(value, reference) if better == "higher" else at_most(value, reference)


# ------------------------------------------------------------------ one item (Y-5)


def _values_missing(out: dict, items: list[Reason], missing: list[str]) -> dict:
    """Y-5: a value the verdict needs is empty → ``missing``, not guessed."""
    items.append(
        reason(
            "values_present",
            "Y-5",
            {"missing": missing},
            list(_VALUE_FIELDS),
            False,
            note="核定所需数值为空，不作推测 / a value the verdict needs is empty: not guessed",
        )
    )
    out.update(sq_status="missing", sq_missing_fields=",".join(missing))
    return out | {"reasons": [r.as_dict() for r in items]}


def _never_relaxed(item: str) -> Reason:
    """Y-5: safety, fire and environmental norms are never relaxed."""
    return reason(
        "never_relaxed",
        "Y-5",
        item,
        None,
        False,
        note="安全生产、消防救援、生态环保等强制性规范不得降低，不按现状条件放宽 / safety, "
        "fire and environmental norms are never relaxed to the current condition",
    )


def _review_reason(
    consulted: bool | None, publicized: bool | None, joint_review: bool | None, done: bool
) -> Reason:
    """Y-5 tier 2: going below the current condition may be 合理核定 only after
    consultation of the interested parties, publicity and joint review."""
    note = (
        "改造确有困难、低于现状条件的，须征询利害关系人意见、履行公示流程并经行业主管部门联合"
        "审查论证通过后方可合理核定 / going below the current condition needs stakeholder "
        "consultation, publicity and a joint review by the competent departments"
    )
    if done:
        note += "；已记录联合审查通过，按其核定 / the joint review is recorded as passed"
    return reason(
        "consultation_and_joint_review",
        "Y-5",
        {"consulted": consulted, "publicized": publicized, "joint_review": joint_review},
        {"consulted": True, "publicized": True, "joint_review": True},
        done,
        note=note,
    )


def judge_item(
    item: str,
    norm: float | None,
    current: float | None,
    proposed: float | None,
    consulted: bool | None = None,
    joint_review: bool | None = None,
    publicized: bool | None = None,
    table: ItemTable | None = None,
) -> dict:
    """Y-5 verdict of one project × item (module docstring): ``meets_norm``,
    ``not_worse``, ``needs_consultation``, ``sq_pass``, ``sq_status``,
    ``sq_missing_fields`` and the ``reasons`` items (dicts)."""
    spec = (table or statusquo_items())[item]
    better, relaxable = spec["better"], spec["relaxable"]
    sign = "≥" if better == "higher" else "≤"
    out: dict[str, Any] = {
        "meets_norm": None,
        "not_worse": None,
        "needs_consultation": None,
        "sq_pass": None,
        "sq_status": None,
        "sq_missing_fields": None,
    }
    items: list[Reason] = []
    missing = [
        n for n, v in (("norm_value", norm), ("proposed_value", proposed)) if not is_known(v)
    ]
    if missing:
        return _values_missing(out, items, missing)
    assert norm is not None and proposed is not None  # known: checked just above
    meets = better_or_equal(better, proposed, norm)
    out["meets_norm"] = meets
    items.append(
        reason(
            "meets_current_norm",
            "Y-5",
            rounded(proposed, 4),
            rounded(norm, 4),
            meets,
            better=better,
            comparison=f"proposed {sign} norm",
        )
    )
    if meets or not relaxable:
        if meets:
            out.update(needs_consultation=False, sq_pass=True, sq_status="pass")
        else:
            items.append(_never_relaxed(item))
            out.update(needs_consultation=False, sq_pass=False, sq_status="fail")
        if current is not None and is_known(current):
            out["not_worse"] = better_or_equal(better, proposed, current)
        return out | {"reasons": [r.as_dict() for r in items]}
    if current is None or not is_known(current):
        return _values_missing(out, items, ["current_value"])
    not_worse = better_or_equal(better, proposed, current)
    out.update(not_worse=not_worse, needs_consultation=not not_worse)
    items.append(
        reason(
            "not_worse_than_current",
            "Y-5",
            rounded(proposed, 4),
            rounded(current, 4),
            not_worse,
            better=better,
            comparison=f"proposed {sign} current",
            note="无法达到现行规范的指标以不低于现状条件为底线，无需另行程序 / an item that "
            "cannot meet the current norm is held to the current condition, with no procedure",
        )
    )
    if not_worse:
        out.update(sq_pass=True, sq_status="pass_not_worse")
    else:
        done = consulted is True and publicized is True and joint_review is True
        items.append(_review_reason(consulted, publicized, joint_review, done))
        out.update(sq_pass=done, sq_status="pass_joint_review" if done else "fail")
    return out | {"reasons": [r.as_dict() for r in items]}


# ------------------------------------------------------------------ the table


def _input_problems(
    statusquo: pd.DataFrame,
    pids: list[str | None],
    raw_items: list[str | None],
    item_codes: list[str | None],
    names: Mapping[str, str | None] | None,
    projects_label: str,
    items: ItemTable,
) -> list[str]:
    """Empty project ids, unknown items, items repeated within a project, rows of no
    project (when the projects are given)."""
    problems = []
    empty = [i + 1 for i, p in enumerate(pids) if p is None]
    if empty:
        problems.append(f"第 {empty} 行的 project_id 为空 / rows {empty} have an empty project_id")
    unknown = sorted({str(v) for v, c in zip(raw_items, item_codes, strict=True) if c is None})
    if unknown:
        allowed = [f"{k} {v['name_zh']}" for k, v in items.items()]
        problems.append(
            f"未知指标 {unknown}；可用：{allowed}（规则档案 statusquo_items）/ unknown items "
            f"{unknown}; allowed: {list(items)} or their Chinese names (profile statusquo_items)"
        )
    keys = [(p, c) for p, c in zip(pids, item_codes, strict=True) if p is not None and c]
    dup = sorted({f"{p}/{c}" for p, c in keys if keys.count((p, c)) > 1})
    if dup:
        problems.append(
            f"同一项目的指标重复 {dup}；每个项目每项指标一行 / items repeated within a project "
            f"{dup}: one row per project and item"
        )
    if names is not None:
        orphans = sorted({p for p in pids if p is not None and p not in names})
        if orphans:
            problems.append(
                f"project_id {orphans} 在{projects_label}中不存在 / project_id {orphans} match "
                "no project"
            )
    return problems


def publicity(
    statusquo: pd.DataFrame, consulted: list[bool | None]
) -> tuple[list[bool | None], str | None]:
    """Y-5 tier 2 公示 per row: the ``publicized`` field; a table without that field was
    made with the earlier template, whose ``consulted`` meant 已征求意见并公示
    (consultation and publicity together), so ``consulted`` stands for both (with a
    note). A ``publicized`` field left empty is not recorded (never guessed)."""
    if "publicized" in statusquo.columns:
        return flags(statusquo, "publicized"), None
    note = (
        "现状指标表没有 publicized 字段：按旧模板，consulted（已征求意见并公示）同时表示已公示 / "
        "no publicized field: consulted (earlier template: consulted and published) stands "
        "for the publicity too"
    )
    return list(consulted), note


def status_quo_check(
    statusquo: pd.DataFrame,
    projects: gpd.GeoDataFrame | None = None,
    label: str = "statusquo",
    projects_label: str = "projects",
    profile: Profile | None = None,
) -> CheckResult:
    """按现状条件核定 (Y-5): ``table`` one row per input row (project × item), ``extra``
    one row per project (the projects of ``projects`` in their order, else the project_ids
    of ``statusquo`` in order of appearance; ``extra`` keeps a ``geometry`` column when
    ``projects`` is given). ``profile``: its ``statusquo_items`` (default profile when
    None); a run on a non-adopted item table says so once in ``warnings``."""
    profile = profile or load_profile("default")
    items = statusquo_items(profile)
    absent = [f for f in ("project_id", "item", *_VALUE_FIELDS) if f not in statusquo.columns]
    if absent:
        raise LowlandInputError(
            f"{label}: 缺少字段 {absent}（项目模板 statusquo 图层）；现有字段 "
            f"{[c for c in statusquo.columns if c != 'geometry']} / missing fields {absent} "
            "of the template layer statusquo"
        )
    pids = texts(statusquo, "project_id")
    raw_items = texts(statusquo, "item")
    item_codes = [item_code(v, items) for v in raw_items]
    names: dict[str, str | None] | None = None
    project_order: list[str] = []
    if projects is not None:
        project_order = project_ids(projects, projects_label)
        names = dict(zip(project_order, texts(projects, "project_name"), strict=True))
    problems = _input_problems(statusquo, pids, raw_items, item_codes, names, projects_label, items)
    raise_problems(problems, f"{label}: 按现状条件核定输入有误 / status-quo check input errors")
    # all of them: empty project ids and unknown items were refused above
    known_pids = [p for p in pids if p is not None]
    known_items = [c for c in item_codes if c is not None]

    values = {n: numbers(statusquo, n) for n in _VALUE_FIELDS}
    consulted, joint = flags(statusquo, "consulted"), flags(statusquo, "joint_review")
    publicized, legacy_note = publicity(statusquo, consulted)
    rows = []
    for i, (pid, item) in enumerate(zip(known_pids, known_items, strict=True)):
        norm, cur, prop = (values[n][i] for n in _VALUE_FIELDS)
        verdict = judge_item(item, norm, cur, prop, consulted[i], joint[i], publicized[i], items)
        spec = items[item]
        row: dict[str, Any] = {"project_id": pid}
        if names is not None:
            row["project_name"] = names.get(pid)
        row |= {
            "item": item,
            "item_name": spec["name_zh"],
            "better": spec["better"],
            "relaxable": spec["relaxable"],
            "norm_value": norm,
            "current_value": cur,
            "proposed_value": prop,
            "consulted": consulted[i],
            "publicized": publicized[i],
            "joint_review": joint[i],
        }
        row |= {k: v for k, v in verdict.items() if k != "reasons"}
        row["reasons"] = reasons_json(verdict["reasons"])
        rows.append(row)
    table = nullable_booleans(
        pd.DataFrame(rows, columns=_sq_columns(names is not None)), _BOOL_COLUMNS
    )
    if projects is None:
        project_order = list(dict.fromkeys(p for p in known_pids))
    summary = _sq_summary(table, project_order, names)
    info = [legacy_note] if legacy_note else []
    if projects is not None:
        none = [p for p in project_order if p not in set(pids)]
        if none:
            info.append(
                f"以下项目没有现状指标行（{SQ_NO_ITEMS}）：{', '.join(none)} / projects without "
                f"status-quo rows: {', '.join(none)}"
            )
        summary = gpd.GeoDataFrame(
            summary, geometry=np.asarray(projects.geometry.values, dtype=object), crs=projects.crs
        )
    pending = profile.pending(("statusquo_items",))
    warnings = ["按现状条件核定的指标方向未经采用 / values not adopted: " + "；".join(pending)]
    return CheckResult(table, summary, info, warnings if pending and rows else [])


def _sq_columns(with_names: bool) -> list[str]:
    return [
        "project_id",
        *(["project_name"] if with_names else []),
        "item",
        "item_name",
        "better",
        "relaxable",
        "norm_value",
        "current_value",
        "proposed_value",
        "consulted",
        "publicized",
        "joint_review",
        "meets_norm",
        "not_worse",
        "needs_consultation",
        "sq_pass",
        "sq_status",
        "sq_missing_fields",
        "reasons",
    ]


def project_status(status: Mapping[str, str]) -> tuple[str, bool | None]:
    """Y-5 verdict of a project from its items' statuses: (``sq_project_status``,
    ``sq_all_pass``): fail > missing > pass_joint_review > pass; no items →
    ``no_items``."""
    wanted = set(status.values())
    if not status:
        return SQ_NO_ITEMS, None
    if "fail" in wanted:
        return "fail", False
    if "missing" in wanted:
        return "missing", None
    if "pass_joint_review" in wanted:
        return "pass_joint_review", True
    return "pass", True


def _sq_summary(table: pd.DataFrame, order: list[str], names: Mapping | None) -> pd.DataFrame:
    """Per project: counts, the items failing / needing review / missing, ``sq_all_pass``
    (false when any item fails, null when none fails but one is missing, else true) and
    ``sq_project_status`` (fail > missing > pass_joint_review > pass)."""
    rows = []
    for pid in order:
        mine = table[table["project_id"] == pid]
        status = dict(zip(mine["item"], mine["sq_status"], strict=True))

        def having(*wanted, status=status):
            return [i for i, s in status.items() if s in wanted]

        overall, all_pass = project_status(status)
        items = [
            reason(
                f"statusquo_{row.item}",
                "Y-5",
                rounded(row.proposed_value, 4),
                rounded(row.norm_value, 4),
                None if pd.isna(row.sq_pass) else bool(row.sq_pass),
                status=row.sq_status,
            )
            for row in mine.itertuples(index=False)
        ]
        row: dict[str, Any] = {"project_id": pid}
        if names is not None:
            row["project_name"] = names.get(pid)
        row |= {
            "sq_item_count": len(status),
            "sq_pass_count": len(having("pass", "pass_not_worse", "pass_joint_review")),
            "sq_all_pass": all_pass,
            "sq_project_status": overall,
            "sq_fail_items": ",".join(having("fail")) or None,
            "sq_review_items": ",".join(having("pass_joint_review")) or None,
            "sq_missing_items": ",".join(having("missing")) or None,
            "reasons": reasons_json(items),
        }
        rows.append(row)
    columns = [
        "project_id",
        *(["project_name"] if names is not None else []),
        "sq_item_count",
        "sq_pass_count",
        "sq_all_pass",
        "sq_project_status",
        "sq_fail_items",
        "sq_review_items",
        "sq_missing_items",
        "reasons",
    ]
    return nullable_booleans(pd.DataFrame(rows, columns=columns), _BOOL_COLUMNS)
