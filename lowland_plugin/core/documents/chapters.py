"""The chapters of the 实施方案 a reviewer expects (issue 18) beyond the checks'
numbers: 二 现状分析, 六 实施主体、方式与供地方式, 七 补偿安置, 九 实施时序, and the
switches of every chapter.

Each section is computed from what the context already has (the unit's parcels with
their identification fields, the unit's projects, the funding phases, the land price
due dates). A section whose inputs are missing says what is missing (``missing``)
instead of vanishing: a document for a review meeting shows the gap.

:data:`CHAPTERS` are the chapter switches of the templates (``chapters.<key>``), all
on by default; a template turns one off with
``{% set chapters = dict(chapters, compensation=false) %}`` at its top.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from ..common.codes import sandiao_table
from ..common.fields import value_label
from ..common.values import as_float, as_text

#: Chapter key → title, in the order of the document (Y-3: 规模体量、开发强度、用途方向、
#: 资金平衡方案、实施时序; N-1, N-5).
CHAPTERS: dict[str, str] = {
    "cover": "封面",
    "contents": "目录",
    "overview": "一、单元概况",
    "status_quo": "二、现状分析",
    "identification": "三、低效用地认定",
    "legacy": "四、历史遗留用地",
    "planning": "五、规划方案",
    "implementation": "六、实施主体、方式与供地方式",
    "compensation": "七、补偿安置",
    "funding": "八、资金平衡",
    "timing": "九、实施时序",
    "scenarios": "十、方案比选",
    "safeguards": "十一、保障措施",
    "figures": "附图",
    "tables": "附表",
}
#: Bands of the status-quo distributions: (upper bound, label); the last is open.
FAR_BANDS = ((0.5, "＜0.5"), (1.0, "0.5～1.0"), (2.0, "1.0～2.0"), (np.inf, "≥2.0"))
DENSITY_BANDS = ((0.2, "＜20%"), (0.3, "20%～30%"), (0.4, "30%～40%"), (np.inf, "≥40%"))
AGE_BANDS = ((1990, "1990 年以前"), (2000, "1990—1999 年"), (2010, "2000—2009 年"),
             (np.inf, "2010 年及以后"))  # fmt: skip
UNKNOWN_LABEL = "未知"
#: ``redevelopment_mode`` → (实施主体, 实施方式, 供地方式) (Y-3, N-3, N-5).
MODE_TEXT = {
    "acquisition": ("政府（土地储备机构）", "收储后整体再开发", "收储后依法公开出让"),
    "owner": ("原土地权利人", "原权利人自主改造", "补缴地价后协议出让或变更合同"),
    "joint": ("原土地权利人与市场主体联合", "联合改造", "按联合改造协议，依法办理供地"),
}
MODE_ALIASES = {"收储": "acquisition", "原权利人改造": "owner", "联合": "joint"}
#: Optional project fields of 补偿安置 (when given, the chapter lists them).
COMPENSATION_FIELDS = {
    "compensation_mode": "补偿方式",
    "resettlement_mode": "安置方式",
    "resettlement_gfa": "安置建筑面积（m²）",
    "households": "涉及户数",
}


def chapter_switches(overrides: Mapping[str, bool] | None = None) -> dict[str, bool]:
    """Every chapter on, unless ``overrides`` turns it off."""
    switches = dict.fromkeys(CHAPTERS, True)
    for key, value in (overrides or {}).items():
        if key in switches:
            switches[key] = bool(value)
    return switches


# ------------------------------------------------------------------ 二 现状分析


def status_quo_section(members: pd.DataFrame | None) -> dict:
    """现状分析 of the unit's parcels: land use by 三调 class, building age, C/D-grade
    (danger) buildings, FAR and density distribution, tenure and owners."""
    if members is None:
        return {"missing": "未提供宗地图层，无法分析土地利用、建筑与权属现状。"}
    if len(members) == 0:
        return {"missing": "单元内没有宗地。"}
    area = _numbers(members, "area_m2").fillna(0.0)
    total = float(area.sum())
    return {
        "missing": None,
        "parcel_count": len(members),
        "area_m2": total,
        "land_use": group_rows(_land_use_labels(members), area, total),
        "building_age": group_rows(
            band_labels(_numbers(members, "oldest_year"), AGE_BANDS), area, total, _order(AGE_BANDS)
        ),
        "far": group_rows(
            band_labels(_numbers(members, "far"), FAR_BANDS), area, total, _order(FAR_BANDS)
        ),
        "density": group_rows(
            band_labels(_numbers(members, "building_density"), DENSITY_BANDS),
            area,
            total,
            _order(DENSITY_BANDS),
        ),
        "tenure": group_rows(_coded_labels(members, "tenure"), area, total),
        "danger": _danger(members, area),
        "owner_count": int(members["owner"].dropna().nunique())
        if "owner" in members.columns
        else None,
    }


def _order(bands: Iterable[tuple[float, str]]) -> list[str]:
    return [label for _, label in bands]


def _numbers(frame: pd.DataFrame, name: str) -> pd.Series:
    if name not in frame.columns:
        return pd.Series(np.nan, index=frame.index, dtype=float)
    return pd.to_numeric(frame[name], errors="coerce").astype(float)


def band_labels(values: pd.Series, bands: Iterable[tuple[float, str]]) -> pd.Series:
    """The band label of each value (``UNKNOWN_LABEL`` for a missing one)."""
    out = pd.Series(UNKNOWN_LABEL, index=values.index, dtype=object)
    lower = -np.inf
    for upper, label in bands:
        out[(values >= lower) & (values < upper)] = label
        lower = upper
    return out


def group_rows(
    labels: pd.Series, area: pd.Series, total: float, order: Iterable[str] | None = None
) -> list[dict]:
    """Count, area and share of the unit's parcel area per label: in the ``order`` of
    the bands, else by area (largest first); unknown last."""
    rows = []
    for label in pd.unique(labels):
        mask = labels == label
        size = float(area[mask].sum())
        rows.append(
            {
                "label": label,
                "count": int(mask.sum()),
                "area_m2": size,
                "share": size / total if total > 0 else None,
            }
        )
    rank = {label: i for i, label in enumerate(order or [])}
    rows.sort(
        key=lambda r: (
            r["label"] == UNKNOWN_LABEL,
            rank.get(r["label"], len(rank)) if order else -r["area_m2"],
        )
    )
    return rows


def _land_use_labels(members: pd.DataFrame) -> pd.Series:
    """「商服用地（05）」: the 三调 class of ``current_dlbm`` (else ``dlbm``) by name and
    code."""
    column = "current_dlbm" if "current_dlbm" in members.columns else "dlbm"
    if column not in members.columns:
        return pd.Series(UNKNOWN_LABEL, index=members.index, dtype=object)
    names = sandiao_table()["name"].to_dict()
    return members[column].map(
        lambda code: UNKNOWN_LABEL if as_text(code) is None else _class_label(str(code), names)
    )


def _class_label(code: str, names: Mapping[str, str]) -> str:
    name = names.get(code) or names.get(code[:2])
    return f"{name}（{code}）" if name else f"地类 {code}"


def _coded_labels(members: pd.DataFrame, field: str) -> pd.Series:
    if field not in members.columns:
        return pd.Series(UNKNOWN_LABEL, index=members.index, dtype=object)
    return members[field].map(
        lambda v: UNKNOWN_LABEL if as_text(v) is None else value_label(field, str(v), "zh")
    )


def _danger(members: pd.DataFrame, area: pd.Series) -> dict:
    """Parcels with C/D-grade (dangerous) buildings: count and area; None where no
    parcel has the share."""
    share = _numbers(members, "danger_cd_share")
    if share.isna().all():
        return {"count": None, "area_m2": None}
    mask = share > 0
    return {"count": int(mask.sum()), "area_m2": float(area[mask].sum())}


# ------------------------------------------------------------------ 六 实施主体 / 七 补偿安置


def implementation_section(projects: pd.DataFrame | None) -> dict:
    """Per project: 实施主体, 实施方式, 供地方式 from ``redevelopment_mode`` and the land
    user; a project without a mode says so."""
    if projects is None:
        return {
            "missing": "未提供项目图层，实施主体、实施方式与供地方式待项目确定后补充。",
            "rows": [],
        }
    if len(projects) == 0:
        return {"missing": "单元内暂无再开发项目，实施主体与方式待项目确定后补充。", "rows": []}
    rows = []
    for i in range(len(projects)):
        row = projects.iloc[i]
        raw = as_text(row.get("redevelopment_mode"))
        mode = MODE_ALIASES.get(raw or "", raw)
        subject, method, supply = MODE_TEXT.get(mode or "", (None, None, None))
        rows.append(
            {
                "project_id": as_text(row.get("project_id")),
                "project_name": as_text(row.get("project_name")),
                "land_user": as_text(row.get("land_user")),
                "subject": subject or "未填写（项目图层「再开发方式」为空）",
                "method": method or "—",
                "supply": supply or "—",
            }
        )
    return {"missing": None, "rows": rows}


def compensation_section(projects: pd.DataFrame | None) -> dict:
    """补偿安置 from the projects' compensation fields (:data:`COMPENSATION_FIELDS`);
    without them a marked placeholder names the fields to fill."""
    fields = [f for f in COMPENSATION_FIELDS if projects is not None and f in projects.columns]
    needed = "、".join(COMPENSATION_FIELDS.values())
    if not fields or projects is None or len(projects) == 0:
        return {
            "missing": f"项目图层未填写补偿安置信息（{needed}）。",
            "columns": [],
            "rows": [],
        }
    rows = []
    for i in range(len(projects)):
        row = projects.iloc[i]
        values = [_compensation_value(row.get(f)) for f in fields]
        rows.append({"project_id": as_text(row.get("project_id")), "values": values})
    return {"missing": None, "columns": [COMPENSATION_FIELDS[f] for f in fields], "rows": rows}


def _compensation_value(value) -> str:
    number = as_float(value) if not isinstance(value, str) else None
    if number is not None:
        return f"{number:,.2f}" if number != int(number) else f"{int(number):,}"
    return as_text(value) or "—"


# ------------------------------------------------------------------ 九 实施时序


def timing_section(overview: Mapping, funding: Mapping, land_price: list[dict]) -> dict:
    """实施时序: the unit's phase, the phases of the funding plan and the land-price
    payment deadlines of its projects, in date order."""
    deadlines = []
    for r in land_price:
        for label, date in (("首期地价缴款截止", r.get("first_due_date")),
                            ("地价缴清截止", r.get("final_due_date") or r.get("due_date"))):  # fmt: skip
            if date is not None:
                deadlines.append({"project_id": r["project_id"], "label": label, "date": date})
    deadlines.sort(key=lambda d: (d["date"], d["project_id"] or ""))
    return {
        "phase_label": overview.get("phase_label"),
        "phases": list(funding.get("phasing", [])),
        "deadlines": deadlines,
    }


# ------------------------------------------------------------------ 附图


def figure_list(maps: Mapping) -> list[dict]:
    """The figures of 附图 a reviewer expects, each with what there is: the unit map
    (made with the document), the review atlas, the others still to be drawn."""
    waiting = maps.get("missing_text") or "图件待生成"
    return [
        {
            "name": "附图 1　单元图（规划/单元图）",
            "status": "已附" if maps.get("unit_map") else waiting,
        },
        {"name": "区位图", "status": waiting},
        {"name": "现状图", "status": waiting},
        {"name": "认定结果图", "status": "见审查图集" if maps.get("atlas") else waiting},
        {"name": "实施时序图", "status": waiting},
    ]
