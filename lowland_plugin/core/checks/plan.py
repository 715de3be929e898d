"""Plan checks: 按现状条件核定 (Y-5) and 混合用地核算 (Y-10, N-8).

Input is the project template (``resources/codes/project_fields.csv``: layers
``statusquo``, ``projects``, ``zones``) in canonical fields, as
:func:`lowland_plugin.core.checks.price.template_frame` gives it. The code tables
``statusquo_items.csv`` (which direction of an item is better, which items are never
relaxed) and ``lease_terms.csv`` (legal maximum lease term per use category,
《城镇国有土地使用权出让和转让暂行条例》第十二条) are read once by the loaders below;
no number of theirs is written here. Every verdict carries ``reasons``: a JSON list
of ``{rule, clause, value, threshold, met}`` (``met`` null where a fact is only
reported).

Conventions fixed here:

- comparisons are exact up to a relative 1e-9 (a value on its limit is on the side
  the rule states);
- Y-5, per row (project × item): ``meets_norm`` = the proposed value meets the current
  norm in the item's better direction (higher: proposed ≥ norm; lower: proposed ≤
  norm) → ``pass``. Otherwise a relaxable item passes only when the proposed value is
  not worse than the current condition (higher: proposed ≥ current; lower: proposed ≤
  current), and always ``needs_consultation`` (Y-5: 征询利害关系人意见、公示、联合审查):
  ``pass_not_worse`` once ``consulted`` and ``joint_review`` are both recorded true,
  ``conditional_needs_review`` until then. Safety, fire and environmental items are
  never relaxed: below the norm → ``fail`` whatever the current condition. A value the
  verdict needs that is null → ``missing`` (never guessed);
- Y-10 shares: from functional zones (zone area clipped to the project / the project's
  land area; land no zone covers is reported, not shared out) where the project has
  zones, else from ``gfa_by_use`` (use's FAR-counted floor area / their total). The
  largest share is the main use; shares equal up to 1e-9 are a tie: ``main_use`` is
  left empty, ``main_use_tie`` true and ``tied_uses`` lists them (the text names the
  largest share, the tool does not pick between equals);
- lease term per use: the proposal, capped at the legal maximum of the use's category
  (longest matching code prefix of ``lease_terms.csv``, else its ``other`` row); a
  missing proposal gives the maximum;
- start price (Y-10 "分项评估后综合核算"): ``combined_unit_price`` = Σ share_u ×
  price_u (元/m² of land), ``combined_price`` = combined_unit_price × area_m2 (元). With
  zone shares that is Σ zone area_u × price_u: land no zone covers is not priced.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Mapping
from functools import lru_cache

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..common import codes
from ..common.errors import LowlandInputError
from ..common.resources import resource_path
from .common import (
    CheckResult,
    _flags,
    _item,
    _num,
    _project_ids,
    _r,
    _raise_problems,
    _reasons,
    _texts,
    planimetric_areas,
    within,
)

#: Shares closer than this are equal (main-use tie).
TIE_TOLERANCE = 1e-9

#: Row verdicts of the status-quo check, most to least favourable.
SQ_STATUSES = ("pass", "pass_not_worse", "conditional_needs_review", "fail", "missing")
#: Project verdict when a project of PROJECTS has no status-quo rows.
SQ_NO_ITEMS = "no_items"

#: Zone overlaps (m²) between different uses of one project at or above which the
#: zones are refused (smaller slivers are reported as a warning).
ZONE_OVERLAP_ERROR_M2 = 1.0


# ------------------------------------------------------------------ code tables


def _read_csv(name: str) -> list[dict[str, str]]:
    with resource_path("codes", name).open(encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


@lru_cache(maxsize=1)
def statusquo_items() -> dict[str, dict]:
    """``statusquo_items.csv``: item → {better ('higher'|'lower'), relaxable (bool),
    name_zh, name_en, source}."""
    out = {}
    for row in _read_csv("statusquo_items.csv"):
        better, relaxable = row["better"].lower(), row["relaxable"].lower()
        if better not in ("higher", "lower") or relaxable not in ("true", "false"):
            raise ValueError(
                f"statusquo_items.csv: item {row['item']!r}: better must be higher|lower and "
                "relaxable true|false"
            )
        out[row["item"]] = {
            "better": better,
            "relaxable": relaxable == "true",
            "name_zh": row["name_zh"],
            "name_en": row["name_en"],
            "source": row["source"],
        }
    return out


@lru_cache(maxsize=1)
def lease_terms() -> tuple[dict, ...]:
    """``lease_terms.csv`` rows: {category, max_years (int), name_zh, name_en, prefixes
    (tuple of 2023 code prefixes; empty for the fall-back row), source}. Exactly one row
    has no prefixes (综合或者其他用地)."""
    out = []
    for row in _read_csv("lease_terms.csv"):
        prefixes = tuple(p.strip() for p in row["use_codes"].split("|") if p.strip())
        out.append(
            {
                "category": row["category"],
                "max_years": int(row["max_years"]),
                "name_zh": row["name_zh"],
                "name_en": row["name_en"],
                "prefixes": prefixes,
                "source": row["source"],
            }
        )
    if sum(1 for r in out if not r["prefixes"]) != 1:
        raise ValueError("lease_terms.csv: exactly one row (other) must have empty use_codes")
    return tuple(out)


def lease_category(code: str) -> dict:
    """The ``lease_terms.csv`` row of a 2023 use code: the longest matching prefix, else
    the row without prefixes (综合或者其他用地)."""
    best, length = None, -1
    for row in lease_terms():
        for prefix in row["prefixes"]:
            if code.startswith(prefix) and len(prefix) > length:
                best, length = row, len(prefix)
    return best or next(r for r in lease_terms() if not r["prefixes"])


def _use_name(code: str) -> str | None:
    table = codes.landuse_table()
    return table.at[code, "name"] if code in table.index else None


# ------------------------------------------------------------------ comparisons


def at_least(value: float, limit: float) -> bool:
    """``value ≥ limit``, exact up to a relative 1e-9."""
    return within(limit, value)


def at_most(value: float, limit: float) -> bool:
    """``value ≤ limit``, exact up to a relative 1e-9."""
    return within(value, limit)


def _better_or_equal(better: str, value: float, reference: float) -> bool:
    return at_least(value, reference) if better == "higher" else at_most(value, reference)


def _known(x) -> bool:
    return x is not None and not (isinstance(x, float) and math.isnan(x))


# ------------------------------------------------------------------ status quo (Y-5)

_VALUE_FIELDS = ("norm_value", "current_value", "proposed_value")


def item_code(raw: str | None) -> str | None:
    """Canonical item of a ``statusquo.item`` value: the item code or its Chinese name
    (``退距`` → ``setback``), case-insensitive; None when unknown."""
    if raw is None:
        return None
    text = str(raw).strip().lower()
    for code, row in statusquo_items().items():
        if text in (code.lower(), row["name_zh"].lower()):
            return code
    return None


def judge_item(
    item: str,
    norm: float | None,
    current: float | None,
    proposed: float | None,
    consulted: bool | None = None,
    joint_review: bool | None = None,
) -> dict:
    """Y-5 verdict of one project × item (module docstring): ``meets_norm``,
    ``not_worse``, ``needs_consultation``, ``sq_pass``, ``sq_status``,
    ``sq_missing_fields`` and the ``reasons`` items."""
    spec = statusquo_items()[item]
    better, relaxable = spec["better"], spec["relaxable"]
    sign = "≥" if better == "higher" else "≤"
    out = {
        "meets_norm": None,
        "not_worse": None,
        "needs_consultation": None,
        "sq_pass": None,
        "sq_status": None,
        "sq_missing_fields": None,
    }
    items: list[dict] = []
    missing = [n for n, v in (("norm_value", norm), ("proposed_value", proposed)) if not _known(v)]
    if missing:
        return _missing(out, items, missing)
    meets = _better_or_equal(better, proposed, norm)
    out["meets_norm"] = meets
    items.append(
        _item(
            "meets_current_norm",
            "Y-5",
            _r(proposed, 4),
            _r(norm, 4),
            meets,
            better=better,
            comparison=f"proposed {sign} norm",
        )
    )
    if meets:
        out.update(needs_consultation=False, sq_pass=True, sq_status="pass")
        if _known(current):
            out["not_worse"] = _better_or_equal(better, proposed, current)
        return out | {"reasons": items}
    if not relaxable:
        items.append(
            _item(
                "never_relaxed",
                "Y-5",
                item,
                None,
                False,
                note="安全生产、消防救援、生态环保等强制性规范不得降低，不按现状条件放宽 / safety, "
                "fire and environmental norms are never relaxed to the current condition",
            )
        )
        out.update(needs_consultation=False, sq_pass=False, sq_status="fail")
        if _known(current):
            out["not_worse"] = _better_or_equal(better, proposed, current)
        return out | {"reasons": items}
    if not _known(current):
        return _missing(out, items, ["current_value"])
    not_worse = _better_or_equal(better, proposed, current)
    out.update(not_worse=not_worse, needs_consultation=True)
    items.append(
        _item(
            "not_worse_than_current",
            "Y-5",
            _r(proposed, 4),
            _r(current, 4),
            not_worse,
            better=better,
            comparison=f"proposed {sign} current",
            note="无法达到现行规范的指标以不低于现状条件为底线 / an item that cannot meet the "
            "current norm may not fall below the current condition",
        )
    )
    done = consulted is True and joint_review is True
    review = _item(
        "consultation_and_joint_review",
        "Y-5",
        {"consulted": consulted, "joint_review": joint_review},
        {"consulted": True, "joint_review": True},
        done,
        note="征询利害关系人意见并公示，经行业主管部门联合审查论证 / stakeholder consultation, "
        "publicity and joint review by the competent departments",
    )
    if not not_worse:
        if done:
            review["note"] += (
                "；低于现状条件的“合理核定”须由联合审查决定，本工具不放宽 / going below the "
                "current condition is for the joint review to decide, not relaxed here"
            )
        items.append(review)
        out.update(sq_pass=False, sq_status="fail")
        return out | {"reasons": items}
    items.append(review)
    out.update(sq_pass=True, sq_status="pass_not_worse" if done else "conditional_needs_review")
    return out | {"reasons": items}


def _missing(out: dict, items: list[dict], missing: list[str]) -> dict:
    items.append(
        _item(
            "values_present",
            "Y-5",
            {"missing": missing},
            list(_VALUE_FIELDS),
            False,
            note="核定所需数值为空，不作推测 / a value the verdict needs is empty: not guessed",
        )
    )
    out.update(sq_status="missing", sq_missing_fields=",".join(missing))
    return out | {"reasons": items}


def status_quo_check(
    statusquo: pd.DataFrame,
    projects: gpd.GeoDataFrame | None = None,
    label: str = "statusquo",
    projects_label: str = "projects",
) -> CheckResult:
    """按现状条件核定 (Y-5): ``table`` one row per input row (project × item), ``extra``
    one row per project (the projects of ``projects`` in their order, else the project_ids
    of ``statusquo`` in order of appearance; ``extra`` keeps a ``geometry`` column when
    ``projects`` is given)."""
    absent = [f for f in ("project_id", "item", *_VALUE_FIELDS) if f not in statusquo.columns]
    if absent:
        raise LowlandInputError(
            f"{label}: 缺少字段 {absent}（项目模板 statusquo 图层）；现有字段 "
            f"{[c for c in statusquo.columns if c != 'geometry']} / missing fields {absent} "
            "of the template layer statusquo"
        )
    pids = _texts(statusquo, "project_id")
    raw_items = _texts(statusquo, "item")
    problems = []
    empty = [i + 1 for i, p in enumerate(pids) if p is None]
    if empty:
        problems.append(f"第 {empty} 行的 project_id 为空 / rows {empty} have an empty project_id")
    item_codes = [item_code(v) for v in raw_items]
    unknown = sorted({str(v) for v, c in zip(raw_items, item_codes, strict=True) if c is None})
    if unknown:
        allowed = [f"{k} {v['name_zh']}" for k, v in statusquo_items().items()]
        problems.append(
            f"未知指标 {unknown}；可用：{allowed}（statusquo_items.csv）/ unknown items "
            f"{unknown}; allowed: {list(statusquo_items())} or their Chinese names"
        )
    keys = [(p, c) for p, c in zip(pids, item_codes, strict=True) if p is not None and c]
    dup = sorted({f"{p}/{c}" for p, c in keys if keys.count((p, c)) > 1})
    if dup:
        problems.append(
            f"同一项目的指标重复 {dup}；每个项目每项指标一行 / items repeated within a project "
            f"{dup}: one row per project and item"
        )
    names: dict[str, str | None] = {}
    project_order: list[str] = []
    if projects is not None:
        project_order = _project_ids(projects, projects_label)
        names = dict(zip(project_order, _texts(projects, "project_name"), strict=True))
        orphans = sorted({p for p in pids if p is not None and p not in names})
        if orphans:
            problems.append(
                f"project_id {orphans} 在{projects_label}中不存在 / project_id {orphans} match "
                "no project"
            )
    _raise_problems(problems, f"{label}: 按现状条件核定输入有误 / status-quo check input errors")

    values = {n: _num(statusquo, n) for n in _VALUE_FIELDS}
    consulted, joint = _flags(statusquo, "consulted"), _flags(statusquo, "joint_review")
    rows = []
    for i, (pid, item) in enumerate(zip(pids, item_codes, strict=True)):
        norm, cur, prop = (values[n][i] for n in _VALUE_FIELDS)
        verdict = judge_item(item, norm, cur, prop, consulted[i], joint[i])
        spec = statusquo_items()[item]
        row = {"project_id": pid}
        if projects is not None:
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
            "joint_review": joint[i],
        }
        row |= {k: v for k, v in verdict.items() if k != "reasons"}
        row["reasons"] = _reasons(verdict["reasons"])
        rows.append(row)
    table = _typed(pd.DataFrame(rows, columns=_sq_columns(projects is not None)))
    if projects is None:
        project_order = list(dict.fromkeys(p for p in pids))
    summary = _sq_summary(table, project_order, names if projects is not None else None)
    info = []
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
    return CheckResult(table, summary, info)


_BOOL_COLUMNS = (
    "relaxable",
    "consulted",
    "joint_review",
    "meets_norm",
    "not_worse",
    "needs_consultation",
    "sq_pass",
    "sq_all_pass",
    "main_use_tie",
    "lease_capped",
    "is_main_use",
)


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    for name in frame.columns:
        if name in _BOOL_COLUMNS:
            frame[name] = pd.array(
                [None if v is None or v is pd.NA else bool(v) for v in frame[name]],
                dtype="boolean",
            )
    return frame


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
        "joint_review",
        "meets_norm",
        "not_worse",
        "needs_consultation",
        "sq_pass",
        "sq_status",
        "sq_missing_fields",
        "reasons",
    ]


def _sq_summary(table: pd.DataFrame, order: list[str], names: Mapping | None) -> pd.DataFrame:
    """Per project: counts, the items failing / needing review / missing, ``sq_all_pass``
    (false when any item fails, null when none fails but one is missing, else true) and
    ``sq_project_status`` (fail > missing > conditional_needs_review > pass)."""
    rows = []
    for pid in order:
        mine = table[table["project_id"] == pid]
        status = dict(zip(mine["item"], mine["sq_status"], strict=True))

        def having(*wanted, status=status):
            return [i for i, s in status.items() if s in wanted]

        fail, missing = having("fail"), having("missing")
        review = having("conditional_needs_review")
        if not status:
            overall, all_pass = SQ_NO_ITEMS, None
        elif fail:
            overall, all_pass = "fail", False
        elif missing:
            overall, all_pass = "missing", None
        elif review:
            overall, all_pass = "conditional_needs_review", True
        else:
            overall, all_pass = "pass", True
        items = [
            _item(
                f"statusquo_{row.item}",
                "Y-5",
                _r(row.proposed_value, 4),
                _r(row.norm_value, 4),
                None if pd.isna(row.sq_pass) else bool(row.sq_pass),
                status=row.sq_status,
            )
            for row in mine.itertuples(index=False)
        ]
        row = {"project_id": pid}
        if names is not None:
            row["project_name"] = names.get(pid)
        row |= {
            "sq_item_count": len(status),
            "sq_pass_count": len(having("pass", "pass_not_worse", "conditional_needs_review")),
            "sq_all_pass": all_pass,
            "sq_project_status": overall,
            "sq_fail_items": ",".join(fail) or None,
            "sq_review_items": ",".join(review) or None,
            "sq_missing_items": ",".join(missing) or None,
            "reasons": _reasons(items),
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
    return _typed(pd.DataFrame(rows, columns=columns))


# ------------------------------------------------------------------ mixed use (Y-10, N-8)


def parse_use_json(text: str | None, what: str, positive: bool = False) -> dict[str, float]:
    """A ``{2023 use code: number}`` JSON text as {normalised code: float}; ``{}`` for
    empty. Raises ValueError saying what is wrong (not JSON, not an object, a value that
    is no number ≥ 0 (> 0 with ``positive``), a code unknown to the 2023 table, a code
    given twice)."""
    if text is None or not str(text).strip():
        return {}
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"{what} 不是 JSON / {what} is not JSON ({err.msg})") from err
    if not isinstance(data, dict):
        raise ValueError(f"{what} 应为 JSON 对象 {{用途代码: 数值}} / must be a JSON object")
    out: dict[str, float] = {}
    for key, value in data.items():
        code = codes.normalize_landuse_code(key)
        if code is None or codes.unknown_codes([code], "landuse_2023"):
            raise ValueError(
                f"{what} 的用途代码 {key!r} 不在用地用海分类（2023）中 / {what}: {key!r} is no "
                "code of the 2023 land-use classification"
            )
        if code in out:
            raise ValueError(f"{what} 的用途代码 {code} 重复 / {what}: code {code} given twice")
        ok = not isinstance(value, bool) and isinstance(value, (int, float))
        ok = ok and math.isfinite(value) and (value > 0 if positive else value >= 0)
        if not ok:
            bound = "> 0" if positive else "≥ 0"
            raise ValueError(
                f"{what} 中 {key} 的值应为数值 {bound} / {what}: {key} must be {bound}"
            )
        out[code] = float(value)
    return out


def main_use_of(shares: Mapping[str, float]) -> tuple[str | None, list[str]]:
    """(main use, tied uses): the use with the largest share; when several share the
    largest value (within :data:`TIE_TOLERANCE`) the main use is None and all of them are
    listed (sorted by code). No shares → (None, [])."""
    if not shares:
        return None, []
    top = max(shares.values())
    tied = sorted(c for c, s in shares.items() if top - s <= TIE_TOLERANCE)
    return (tied[0], []) if len(tied) == 1 else (None, tied)


def lease_term(code: str, proposed: float | None) -> dict:
    """Lease term of one use: {lease_category, lease_max, lease_proposed, lease_years,
    lease_capped, item (reason)}. Proposal above the category's legal maximum → the
    maximum (capped); no proposal → the maximum."""
    row = lease_category(code)
    cap = row["max_years"]
    if proposed is None:
        years, capped, met = float(cap), False, None
        note = "未拟定出让年限，取法定最高年限 / no proposal: the legal maximum"
    elif at_most(proposed, cap):
        years, capped, met, note = proposed, False, True, None
    else:
        years, capped, met = float(cap), True, False
        note = "超过法定最高出让年限，按最高年限核定 / above the legal maximum: capped"
    return {
        "lease_category": row["category"],
        "lease_max": float(cap),
        "lease_proposed": proposed,
        "lease_years": years,
        "lease_capped": capped,
        "item": _item(
            "lease_term_within_legal_max",
            "Y-10",
            _r(proposed),
            cap,
            met,
            use_code=code,
            category=row["category"],
            lease_years=_r(years),
            source=row["source"],
            note=note,
        ),
    }


def _zone_areas(
    project_geom, zone_geoms: list, zone_uses: list[str], pid: str
) -> tuple[dict[str, float], float, float, float, list[str]]:
    """Per use: area of its zones clipped to the project (union per use, so a use's own
    overlapping zones count once). Returns (areas, covered area, outside area, overlap
    between different uses, warnings)."""
    project_geom = _valid(project_geom)
    geoms = [_valid(g) for g in zone_geoms]
    clipped_by_use: dict[str, object] = {}
    for use in dict.fromkeys(zone_uses):
        mine = [g for g, u in zip(geoms, zone_uses, strict=True) if u == use]
        clipped_by_use[use] = shapely.intersection(shapely.union_all(mine), project_geom)
    areas = {u: float(shapely.area(g)) for u, g in clipped_by_use.items()}
    union = shapely.union_all(geoms)
    covered = float(shapely.area(shapely.intersection(union, project_geom)))
    outside = float(shapely.area(shapely.difference(union, project_geom)))
    overlap = sum(areas.values()) - covered
    warnings = []
    if overlap >= ZONE_OVERLAP_ERROR_M2:
        raise LowlandInputError(
            f"项目 {pid}：不同用途的功能分区重叠 {overlap:.2f} m²，无法确定各用途面积 / project "
            f"{pid}: zones of different uses overlap by {overlap:.2f} m²; fix the zones"
        )
    if overlap > 1e-6:
        warnings.append(
            f"项目 {pid}：不同用途的功能分区有 {overlap:.4f} m² 细小重叠 / project {pid}: zones "
            f"of different uses overlap by {overlap:.4f} m²"
        )
    return areas, covered, outside, max(overlap, 0.0), warnings


def _valid(geom):
    return geom if shapely.is_valid(geom) else shapely.make_valid(geom)


def mixed_use(
    projects: gpd.GeoDataFrame,
    zones: gpd.GeoDataFrame | None = None,
    label: str = "projects",
    zones_label: str = "zones",
) -> CheckResult:
    """混合用地核算 per project (Y-10, N-8): ``table`` one row per project, ``extra`` one
    row per project and use. Rules: module docstring."""
    ids = _project_ids(projects, label)
    area = planimetric_areas(projects, label, "project_id")
    problems: list[str] = []
    parsed: dict[str, list[dict[str, float]]] = {}
    for name, positive in (
        ("gfa_by_use", False),
        ("lease_years_by_use", True),
        ("price_by_use", False),
    ):
        texts = _texts(projects, name)
        values = []
        for pid, text in zip(ids, texts, strict=True):
            try:
                values.append(parse_use_json(text, name, positive))
            except ValueError as err:
                problems.append(f"项目 {pid}：{err} / project {pid}")
                values.append({})
        parsed[name] = values
    for pid, a in zip(ids, area, strict=True):
        if a <= 0:
            problems.append(f"项目 {pid}：用地面积为 0 / project {pid}: land area is 0")

    zone_of: dict[str, list[int]] = {}
    zone_codes: list[str | None] = []
    zone_geoms = np.array([], dtype=object)
    if zones is not None and len(zones):
        for needed in ("project_id", "use_code"):
            if needed not in zones.columns:
                raise LowlandInputError(
                    f"{zones_label}: 缺少字段 {needed}（项目模板 zones 图层）/ missing field {needed}"
                )
        zpids = _texts(zones, "project_id")
        raw = _texts(zones, "use_code")
        zone_codes = [codes.normalize_landuse_code(c) for c in raw]
        fids = [str(f) for f in zones.index]
        for j, (zp, zc) in enumerate(zip(zpids, zone_codes, strict=True)):
            if zp is None or zc is None:
                problems.append(
                    f"{zones_label} 第 {j + 1} 个要素（fid {fids[j]}）：project_id 或 use_code 为空 / "
                    f"feature {j + 1} (fid {fids[j]}): project_id or use_code is empty"
                )
            elif zp not in ids:
                problems.append(
                    f"{zones_label} 第 {j + 1} 个要素：project_id {zp} 在项目图层中不存在 / feature "
                    f"{j + 1}: project_id {zp} matches no project"
                )
            else:
                zone_of.setdefault(zp, []).append(j)
        bad = codes.unknown_codes([c for c in zone_codes if c is not None], "landuse_2023")
        if bad:
            problems.append(
                f"{zones_label}: use_code {bad} 不在用地用海分类（2023）中 / use_code {bad} are no "
                "codes of the 2023 land-use classification"
            )
        zone_geoms = np.asarray(zones.geometry.values, dtype=object)
        empty = shapely.is_missing(zone_geoms) | shapely.is_empty(zone_geoms)
        if empty.any():
            problems.append(
                f"{zones_label}: 第 {[int(j) + 1 for j in np.flatnonzero(empty)]} 个要素没有图形 / "
                "features without geometry"
            )
    _raise_problems(problems, f"{label}: 混合用地核算输入有误 / mixed-use input errors")

    project_geoms = np.asarray(projects.geometry.values, dtype=object)
    rows, use_rows, warnings = [], [], []
    for i, pid in enumerate(ids):
        zone_idx = zone_of.get(pid, [])
        zone_data = None
        if zone_idx:
            zone_data = _zone_areas(
                project_geoms[i],
                [zone_geoms[j] for j in zone_idx],
                [zone_codes[j] for j in zone_idx],
                pid,
            )
            warnings += zone_data[4]
        row, per_use = _mixed_row(
            pid,
            float(area[i]),
            zone_data,
            parsed["gfa_by_use"][i],
            parsed["lease_years_by_use"][i],
            parsed["price_by_use"][i],
        )
        if row["mix_basis"] is None:
            warnings.append(
                f"项目 {pid}：既无功能分区也无 gfa_by_use，无法计算用途比例 / project {pid}: "
                "neither zones nor gfa_by_use: no use shares"
            )
        rows.append(row)
        use_rows += per_use
    table = _typed(pd.DataFrame(rows, columns=_MIXED_COLUMNS))
    extra = _typed(pd.DataFrame(use_rows, columns=_USE_COLUMNS))
    return CheckResult(table, extra, [], warnings)


_MIXED_COLUMNS = [
    "project_id",
    "area_m2",
    "mix_basis",
    "mix_use_count",
    "main_use",
    "main_use_name",
    "main_share",
    "main_use_tie",
    "tied_uses",
    "use_shares",
    "zoned_area_m2",
    "uncovered_m2",
    "uncovered_share",
    "lease_terms",
    "lease_capped",
    "combined_unit_price",
    "combined_price",
    "reasons",
]
_USE_COLUMNS = [
    "project_id",
    "use_code",
    "use_name",
    "use_area_m2",
    "use_gfa",
    "use_share",
    "is_main_use",
    "lease_category",
    "lease_max",
    "lease_proposed",
    "lease_years",
    "lease_capped",
    "unit_price",
    "price_part",
]


def _mixed_row(pid, area, zone_data, gfa, lease, price) -> tuple[dict, list[dict]]:
    items: list[dict] = []
    zoned = uncovered = None
    use_area: dict[str, float] = {}
    if zone_data is not None:
        use_area, covered, outside, _overlap, _ = zone_data
        basis = "zones"
        shares = {u: a / area for u, a in use_area.items()}
        zoned, uncovered = covered, max(area - covered, 0.0)
        items.append(
            _item(
                "use_shares_from_zones",
                "Y-10",
                {u: _r(s, 6) for u, s in shares.items()},
                None,
                None,
                zone_area_m2={u: _r(a) for u, a in use_area.items()},
                area_m2=_r(area),
                note="各用途功能分区面积（裁剪到项目用地）/ 总用地面积 / zone area of each use "
                "(clipped to the project) / total land area",
            )
        )
        if uncovered > 1e-6:
            items.append(
                _item(
                    "land_not_zoned",
                    "Y-10",
                    _r(uncovered),
                    0,
                    None,
                    share=_r(uncovered / area, 6),
                    note="未被功能分区覆盖的用地不计入任何用途（也不计价）/ land no zone covers "
                    "belongs to no use and is not priced",
                )
            )
        if outside > 1e-6:
            items.append(
                _item(
                    "zones_outside_project",
                    "Y-10",
                    _r(outside),
                    0,
                    None,
                    note="功能分区超出项目用地的部分已裁除 / zone parts outside the project land "
                    "are clipped off",
                )
            )
        if gfa:
            items.append(
                _item(
                    "gfa_shares_not_used",
                    "Y-10",
                    None,
                    None,
                    None,
                    note="已划分功能分区，按分区面积确定比例，gfa_by_use 仅供参考 / zones given: "
                    "gfa_by_use is not used for the shares",
                )
            )
    elif gfa and sum(gfa.values()) > 0:
        basis = "gfa"
        total = sum(gfa.values())
        shares = {u: g / total for u, g in gfa.items()}
        items.append(
            _item(
                "use_shares_from_gfa",
                "Y-10",
                {u: _r(s, 6) for u, s in shares.items()},
                None,
                None,
                gfa_by_use={u: _r(g) for u, g in gfa.items()},
                gfa_total=_r(total),
                note="无法划分功能分区：各用途计容建筑面积 / 计容总建筑面积 / no zones: FAR-counted "
                "floor area of each use / total FAR-counted floor area",
            )
        )
    else:
        basis, shares = None, {}
        items.append(
            _item(
                "use_shares",
                "Y-10",
                None,
                None,
                None,
                note="既无功能分区也无 gfa_by_use（或其合计为 0），无法计算用途比例 / neither zones "
                "nor a positive gfa_by_use: no shares",
            )
        )
    main, tied = main_use_of(shares)
    if shares:
        items.append(
            _item(
                "main_use_largest_share",
                "Y-10",
                main,
                _r(max(shares.values()), 6),
                None if tied else True,
                tied_uses=tied or None,
                note=(
                    "多个用途比例并列最大，主要用途留空，待审批确定 / several uses share the largest "
                    "share: main use left empty for the approval to decide"
                    if tied
                    else None
                ),
            )
        )
    order = sorted(shares, key=lambda u: (-shares[u], u))
    terms = {u: lease_term(u, lease.get(u)) for u in order}
    items += [t["item"] for t in terms.values()]
    extra_lease = sorted(set(lease) - set(shares))
    if extra_lease:
        items.append(
            _item(
                "lease_for_absent_use",
                "Y-10",
                extra_lease,
                None,
                None,
                note="lease_years_by_use 中的用途不在本项目用途比例中，已忽略 / uses with a lease term "
                "but no share: ignored",
            )
        )
    no_price = [u for u in order if u not in price]
    unit_price = total_price = None
    if shares and not no_price:
        unit_price = sum(shares[u] * price[u] for u in order)
        total_price = unit_price * area
    if shares:
        items.append(
            _item(
                "combined_start_price",
                "Y-10",
                _r(total_price),
                None,
                None,
                unit_price=_r(unit_price),
                price_by_use={u: _r(price[u]) for u in order if u in price},
                formula="Σ(share_u × price_u) × area_m2",
                missing_price=no_price or None,
                note=(
                    f"缺少用途 {no_price} 的评估单价，不综合计算 / no appraised price for {no_price}:"
                    " no combined price"
                    if no_price
                    else "分用途评估后按用途比例综合 / per-use appraisal combined by share"
                ),
            )
        )
    row = {
        "project_id": pid,
        "area_m2": area,
        "mix_basis": basis,
        "mix_use_count": len(shares),
        "main_use": main,
        "main_use_name": None if main is None else _use_name(main),
        "main_share": max(shares.values()) if shares else math.nan,
        "main_use_tie": (bool(tied) if shares else None),
        "tied_uses": ",".join(tied) or None,
        "use_shares": json.dumps({u: _r(shares[u], 6) for u in order}) if shares else None,
        "zoned_area_m2": math.nan if zoned is None else zoned,
        "uncovered_m2": math.nan if uncovered is None else uncovered,
        "uncovered_share": math.nan if uncovered is None else uncovered / area,
        "lease_terms": (
            json.dumps({u: _r(t["lease_years"]) for u, t in terms.items()}) if terms else None
        ),
        "lease_capped": any(t["lease_capped"] for t in terms.values()) if terms else None,
        "combined_unit_price": math.nan if unit_price is None else unit_price,
        "combined_price": math.nan if total_price is None else total_price,
        "reasons": _reasons(items),
    }
    per_use = [
        {
            "project_id": pid,
            "use_code": u,
            "use_name": _use_name(u),
            "use_area_m2": use_area.get(u, math.nan),
            "use_gfa": gfa.get(u, math.nan),
            "use_share": shares[u],
            "is_main_use": u == main,
            "lease_category": terms[u]["lease_category"],
            "lease_max": terms[u]["lease_max"],
            "lease_proposed": math.nan if lease.get(u) is None else lease[u],
            "lease_years": terms[u]["lease_years"],
            "lease_capped": terms[u]["lease_capped"],
            "unit_price": price.get(u, math.nan),
            "price_part": shares[u] * price[u] * area if u in price else math.nan,
        }
        for u in order
    ]
    return row, per_use
