"""历史遗留用地认定: construction land without lawful approval, by occupation date,
二调/三调 status and plan conformity (Y-9, N-14; RULES.md "Historical legacy land").

- occupied on or before 2009-12-31, construction land in **both** 二调 and 三调, and
  conforming to the spatial plan → ``regular`` (常态化管理, managed as construction land);
- occupied on or after 2010-01-01 → ``expropriation`` (征收/报批/供应 by the actual land
  class at the time of occupation: the 土地变更调查 of that year, ``occupied_dlbm``);
- anything else → ``undecided`` (待认定), naming the condition that failed or is missing.

Missing dates or flags are reported per parcel, never guessed. Parcels with lawful
approval are out of scope (``legacy_class`` empty, reason given): every input
parcel is in the output.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ..common import codes
from ..common.measures import m2_to_mu
from ..common.reasons import Reason, reason, reasons_json
from ..common.values import as_text, dates, flag_series, is_known, plain

#: Last day of occupation that can be managed as construction land (Y-9 / N-14).
CUTOFF = dt.date(2009, 12, 31)
LEGACY_CLASSES = ("regular", "expropriation", "undecided")
CLAUSE = "Y-9"


def classify_legacy_land(
    parcels: pd.DataFrame,
    survey_category: pd.Series | None = None,
    survey_codes: pd.Series | None = None,
) -> pd.DataFrame:
    """Legacy class and reasons per parcel (same row order, index 0..n-1).

    ``parcels`` in canonical fields: ``lawful_approval``, ``occupied_date`` (date),
    ``erdiao_construction``, ``plan_conforming``, optional ``occupied_dlbm``; the
    三调 status comes from ``survey_category`` ('construction'/… per parcel, e.g. the
    identification's ``land_category``) or else from the parcel's ``dlbm``.
    ``survey_codes``: the 三调 code behind each category (else the parcel's ``dlbm``): a
    code not in the 三调 table is named as not recognised in the reasons and in
    ``legacy_failed``.
    """
    n = len(parcels)
    lawful = flag_series(parcels, "lawful_approval")
    occupied = dates(parcels, "occupied_date")
    erdiao = flag_series(parcels, "erdiao_construction")
    conforming = flag_series(parcels, "plan_conforming")
    dlbm = parcels["dlbm"] if "dlbm" in parcels.columns else pd.Series([None] * n)
    if survey_category is None:
        survey_category = codes.land_category(dlbm.reset_index(drop=True))
        survey_codes = dlbm
    survey_codes = (
        pd.Series([None] * n, dtype=object) if survey_codes is None else survey_codes
    ).reset_index(drop=True)
    unknown = codes.unknown_code_mask(survey_codes)
    sandiao = survey_category.reset_index(drop=True).map(
        lambda c: None if c is None or c != c else c == "construction"
    )
    then_class = (
        parcels["occupied_dlbm"].reset_index(drop=True)
        if "occupied_dlbm" in parcels.columns
        else pd.Series([None] * n, dtype=object)
    )

    classes, reasons, failed, years = [], [], [], []
    for i in range(n):
        day = occupied[i]
        cls, items, missing = _classify_one(
            lawful.iloc[i],
            day,
            erdiao.iloc[i],
            sandiao.iloc[i],
            conforming.iloc[i],
            then_class.iloc[i],
            survey_codes.iloc[i] if unknown[i] else None,
        )
        classes.append(cls)
        reasons.append(reasons_json(items))
        failed.append("; ".join(missing) or None)
        years.append(day.year if day is not None else None)
    return pd.DataFrame(
        {
            "legacy_class": pd.Series(classes, dtype=object),
            "occupation_year": pd.array(years, dtype="Int64"),
            "legacy_failed": pd.Series(failed, dtype=object),
            "legacy_reasons": pd.Series(reasons, dtype=object),
        }
    )


def _item(rule: str, value, threshold, met: bool | None, **extra) -> Reason:
    return reason(rule, CLAUSE, value, threshold, met, **extra)


def _classify_one(
    lawful, occupied, erdiao, sandiao, conforming, then_class, unknown_code=None
) -> tuple[str | None, list[Reason], list[str]]:
    """(class, reason items, failed or missing conditions) for one parcel
    (``unknown_code``: its 三调 code when that is not in the 三调 table)."""
    if not is_known(lawful):
        return (
            "undecided",
            [_item("no_lawful_approval", None, False, None)],
            ["缺少是否有合法用地手续 lawful_approval missing"],
        )
    if bool(lawful):
        return None, [_item("no_lawful_approval", True, False, False)], []
    items = [_item("no_lawful_approval", False, False, True)]
    if occupied is None:
        items.append(_item("occupied_on_or_before_2009_12_31", None, CUTOFF.isoformat(), None))
        return "undecided", items, ["缺少实际占用时间 occupied_date missing"]
    before = occupied <= CUTOFF
    items.append(
        _item("occupied_on_or_before_2009_12_31", occupied.isoformat(), CUTOFF.isoformat(), before)
    )
    if not before:
        known_class = as_text(then_class) is not None
        items.append(
            _item(
                "land_class_at_occupation",
                plain(then_class) if known_class else None,
                f"{occupied.year} 年土地变更调查",
                known_class or None,
            )
        )
        missing = (
            []
            if known_class
            else [
                f"须按 {occupied.year} 年土地变更调查地类报批，该地类缺失 / land class of the "
                f"{occupied.year} change survey missing"
            ]
        )
        return "expropriation", items, missing
    problems = []
    for rule, value, label in (
        (
            "construction_in_erdiao",
            erdiao,
            "二调非建设用地 not construction land in the 2nd survey",
        ),
        (
            "construction_in_sandiao",
            sandiao,
            "三调非建设用地 not construction land in the 3rd survey",
        ),
        ("plan_conforming", conforming, "不符合国土空间规划 not plan-conforming"),
    ):
        if not is_known(value) and rule == "construction_in_sandiao" and unknown_code is not None:
            items.append(_item(rule, None, True, None, unknown_code=str(unknown_code)))
            problems.append(
                f"三调地类代码 {unknown_code} 不在三调分类表中（未识别） / 三调 land class code "
                f"{unknown_code} not recognised"
            )
        elif not is_known(value):
            items.append(_item(rule, None, True, None))
            problems.append(f"{rule} 缺失 missing")
        else:
            items.append(_item(rule, bool(value), True, bool(value)))
            if not bool(value):
                problems.append(label)
    return ("undecided" if problems else "regular"), items, problems


def summarize_legacy(table: pd.DataFrame, area_m2: np.ndarray) -> pd.DataFrame:
    """Count and area (亩) per legacy class (out-of-scope parcels as 'not_applicable')."""
    frame = pd.DataFrame(
        {"legacy_class": table["legacy_class"].fillna("not_applicable"), "area_m2": area_m2}
    )
    out = frame.groupby("legacy_class", sort=True).agg(
        parcel_count=("area_m2", "size"), area_m2=("area_m2", "sum")
    )
    out["area_mu"] = m2_to_mu(out["area_m2"])
    return out.reset_index()


def unknown_code_warning(ids: pd.Series, survey_codes: pd.Series) -> str | None:
    """The parcels whose 三调 code is not in the 三调 table, for the log (None: none)."""
    count, listed = codes.unknown_code_listing(ids, survey_codes)
    if not count:
        return None
    return (
        f"{count} 宗地的三调地类代码不在三调分类表中（未识别），按三调地类缺失处理：{listed}。"
        f" / {count} parcels have 三调 land class codes not in the table (not recognised), "
        f"treated as missing: {listed}."
    )
