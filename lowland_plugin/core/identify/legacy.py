"""历史遗留用地认定: construction land without lawful approval, by occupation date,
二调/三调 status and plan conformity (Y-9, N-14; RULES.md "Historical legacy land").

- occupied on or before 2009-12-31, construction land in **both** 二调 and 三调, and
  conforming to the spatial plan → ``regular`` (常态化管理, managed as construction land);
- occupied on or after 2010-01-01 → ``expropriation`` (征收/报批/供应 by the actual land
  class at the time of occupation: the 土地变更调查 of that year, ``occupied_dlbm``);
- anything else → ``undecided`` (待认定), naming the condition that failed or is missing.

The cut-off (2009-12-31 by default) is the profile's ``legacy_cutoff``, cited in the
reasons. Occupied after the 二调 time point (2009-12-31) yet flagged 二调 construction
land is a contradiction: the class stays ``expropriation`` (Y-9 goes by the occupation
date alone after 2010-01-01) and ``legacy_failed`` names the contradiction (audit E3 L3). With areas per 三调 class the
parcel is judged by piece (see :func:`classify_legacy_land`).

Missing dates or flags are reported per parcel, never guessed. Parcels with lawful
approval are out of scope (``legacy_class`` empty, reason given): every input
parcel is in the output.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..common import codes
from ..common.measures import m2_to_mu
from ..common.notices import PARCELS, shown, tally
from ..common.profiles import Profile
from ..common.reasons import Reason, reason, reasons_json
from ..common.values import as_text, dates, flag_series, is_known, plain

#: Default last day of occupation managed as construction land (Y-9 / N-14); a run
#: takes it from the profile (``legacy_cutoff``) when one is given.
CUTOFF = dt.date(2009, 12, 31)
#: 二调 standard time point (第二次全国土地调查 标准时点, a fact of the survey, not a city
#: number): land occupied after it cannot be construction land in 二调.
ERDIAO_DATE = dt.date(2009, 12, 31)
LEGACY_CLASSES = ("regular", "expropriation", "undecided")
#: ties between class areas go to the first of these (the more cautious class)
_TIE_ORDER = ("undecided", "expropriation", "regular")
AREA_FIELDS = ("regular_m2", "expropriation_m2", "undecided_m2")
CLAUSE = "Y-9"


def legacy_cutoff(profile: Profile | None) -> tuple[dt.date, str | None]:
    """(cut-off date, its citation) from the profile's ``legacy_cutoff`` (default: 2009-12-31,
    no citation)."""
    if profile is None:
        return CUTOFF, None
    raw = profile.value("legacy_cutoff")
    day = raw if isinstance(raw, dt.date) else dt.date.fromisoformat(str(raw))
    return day, profile.cite("legacy_cutoff")


def legacy_warnings(profile: Profile | None) -> list[str]:
    """The non-adopted profile values the run used (warned once)."""
    if profile is None:
        return []
    pending = profile.pending(["legacy_cutoff"])
    if not pending:
        return []
    return [
        "历史遗留用地认定使用了未正式采用的取值："
        + "；".join(pending)
        + " / legacy land classification used values not adopted: "
        + "; ".join(pending)
    ]


def areas_from_fields(parcels: pd.DataFrame, parcel_m2: np.ndarray) -> pd.DataFrame | None:
    """The areas by 三调 class already on the parcels (an identification output:
    ``construction_m2``, ``agricultural_m2``, ``unused_m2``), with ``parcel_m2``; None
    unless all three are there and known on every parcel (unknown is never 0)."""
    names = ("construction_m2", "agricultural_m2", "unused_m2")
    if not all(n in parcels.columns for n in names):
        return None
    out = pd.DataFrame(
        {n: pd.to_numeric(parcels[n], errors="coerce").to_numpy(dtype=float) for n in names}
    )
    if out.isna().to_numpy().any():
        return None
    out["parcel_m2"] = np.asarray(parcel_m2, dtype=float)
    return out


def _parts(
    areas: pd.DataFrame | None, sandiao: pd.Series, n: int
) -> list[list[tuple[bool | None, float]]]:
    """Per parcel, the (三调 construction?, area m²) parts judged separately: construction,
    non-construction (agricultural + unused), and the rest (no patch or no recognised
    class: 三调 status missing). Without areas: the whole parcel as one part of unknown
    area, with the parcel's 三调 status."""
    if areas is None:
        return [[(sandiao.iloc[i], float("nan"))] for i in range(n)]
    built = areas["construction_m2"].to_numpy(dtype=float)
    other = areas["agricultural_m2"].to_numpy(dtype=float) + areas["unused_m2"].to_numpy(
        dtype=float
    )
    total = areas["parcel_m2"].to_numpy(dtype=float)
    rest = np.clip(total - built - other, 0.0, None)
    rest[rest <= 1e-9 * np.abs(total)] = 0.0
    out = []
    for i in range(n):
        parts = [(v, a) for v, a in ((True, built[i]), (False, other[i]), (None, rest[i])) if a > 0]
        out.append(parts or [(None, 0.0)])
    return out


def classify_legacy_land(
    parcels: pd.DataFrame,
    survey_category: pd.Series | None = None,
    survey_codes: pd.Series | None = None,
    areas: pd.DataFrame | None = None,
    profile: Profile | None = None,
) -> pd.DataFrame:
    """Legacy class, areas per class and reasons per parcel (same row order, index 0..n-1).

    ``parcels`` in canonical fields: ``lawful_approval``, ``occupied_date`` (date),
    ``erdiao_construction``, ``plan_conforming``, optional ``occupied_dlbm``; the
    三调 status comes from ``survey_category`` ('construction'/… per parcel, e.g. the
    identification's ``land_category``) or else from the parcel's ``dlbm``.
    ``survey_codes``: the 三调 code behind each category (else the parcel's ``dlbm``): a
    code not in the 三调 table is named as not recognised in the reasons and in
    ``legacy_failed``.

    ``areas`` (``survey_areas`` fields plus ``parcel_m2``, one row per parcel): the parcel
    is then judged **by piece** (Y-9 / N-14 speak of construction land: only the part
    that is 三调 construction land can be 常态化管理; the non-construction part is not,
    whatever the dominant class): ``regular_m2``, ``expropriation_m2``, ``undecided_m2``
    are the areas of each class and ``legacy_class`` is the class of the largest area
    (ties: undecided, then expropriation — the more cautious), so the parcel's class
    never hides an area of another class. Without ``areas`` the whole parcel takes the
    class of its 三调 status and the area fields are null.

    ``profile``: the cut-off date (``legacy_cutoff``) and its citation in the reasons.
    """
    n = len(parcels)
    cutoff, source = legacy_cutoff(profile)
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
    rule = Rules(cutoff, source)
    parts = _parts(areas, sandiao, n)

    classes, reasons, failed, years = [], [], [], []
    by_class = {c: np.full(n, np.nan if areas is None else 0.0) for c in LEGACY_CLASSES}
    for i in range(n):
        day = occupied[i]
        judged = [
            (
                area,
                *rule.classify_one(
                    lawful.iloc[i],
                    day,
                    erdiao.iloc[i],
                    part,
                    conforming.iloc[i],
                    then_class.iloc[i],
                    survey_codes.iloc[i] if unknown[i] else None,
                ),
            )
            for part, area in parts[i]
        ]
        cls, items, missing = _combine(judged, by_class, i, areas is not None)
        classes.append(cls)
        reasons.append(reasons_json(items))
        failed.append("; ".join(missing) or None)
        years.append(day.year if day is not None else None)
    out = pd.DataFrame(
        {
            "legacy_class": pd.Series(classes, dtype=object),
            "occupation_year": pd.array(years, dtype="Int64"),
            "legacy_failed": pd.Series(failed, dtype=object),
            "legacy_reasons": pd.Series(reasons, dtype=object),
        }
    )
    for cls in LEGACY_CLASSES:
        out[f"{cls}_m2"] = by_class[cls]
    return out


def _combine(judged, by_class: dict, i: int, measured: bool):
    """One parcel's class, reasons and failed conditions from its judged parts
    ``(area, class, items, missing)``: areas summed per class, the class of the largest
    area, its part's reasons plus the areas per class, every part's failed conditions
    (those of a part of another class prefixed with its area)."""
    if judged[0][1] is None:  # lawful approval: out of scope, no area of any class
        return None, judged[0][2], judged[0][3]
    summed: dict[str, float] = {}
    for area, cls, _, _ in judged:
        summed[cls] = summed.get(cls, 0.0) + (area if measured else 1.0)
    if measured:
        for cls, area in summed.items():
            by_class[cls][i] = area
    best = max(_TIE_ORDER, key=lambda c: (summed.get(c, -1.0), -_TIE_ORDER.index(c)))
    main = next(j for j in judged if j[1] == best)
    items = list(main[2])
    missing: list[str] = []
    for area, cls, _, problems in judged:
        prefix = "" if cls == best or not measured else f"其中 {area:.2f} m² ({cls}): "
        missing.extend(prefix + p for p in problems if prefix + p not in missing)
    if measured and len(judged) > 1:
        items.append(
            _item(
                "area_by_legacy_class",
                {c: round(summed.get(c, 0.0), 2) for c in LEGACY_CLASSES},
                best,
                True,
            )
        )
    return best, items, missing


def _item(rule: str, value, threshold, met: bool | None, **extra) -> Reason:
    return reason(rule, CLAUSE, value, threshold, met, **extra)


@dataclass(frozen=True)
class Rules:
    """Y-9 with the cut-off date of the run and its citation."""

    cutoff: dt.date
    source: str | None = None

    def classify_one(
        self, lawful, occupied, erdiao, sandiao, conforming, then_class, unknown_code=None
    ) -> tuple[str | None, list[Reason], list[str]]:
        """(class, reason items, failed or missing conditions) for one parcel or part
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
            items.append(
                _item(
                    "occupied_on_or_before_cutoff",
                    None,
                    self.cutoff.isoformat(),
                    None,
                    source=self.source,
                )
            )
            return "undecided", items, ["缺少实际占用时间 occupied_date missing"]
        before = occupied <= self.cutoff
        items.append(
            _item(
                "occupied_on_or_before_cutoff",
                occupied.isoformat(),
                self.cutoff.isoformat(),
                before,
                source=self.source,
            )
        )
        flagged: list[str] = []
        if not before and occupied > ERDIAO_DATE and is_known(erdiao) and bool(erdiao):
            # occupied after the 二调 time point, yet construction land in 二调 (E3 L3): the
            # date or the flag is wrong. Y-9 sends land occupied after 2010-01-01 to
            # expropriation by the land class at occupation whatever 二调 says, so the class
            # stays; the contradiction is named for the survey team to check
            items.append(
                _item(
                    "erdiao_consistent_with_occupation",
                    {"occupied_date": occupied.isoformat(), "erdiao_construction": True},
                    f"二调标准时点 {ERDIAO_DATE.isoformat()} 之后占用的土地在二调中不应为建设用地",
                    False,
                )
            )
            flagged.append(
                f"占用时间 {occupied.isoformat()} 晚于二调标准时点 {ERDIAO_DATE.isoformat()}，"
                "但二调为建设用地，相互矛盾，请核实 / occupied after the 2nd survey's time "
                "point yet construction land in it: check the date or the flag"
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
            return "expropriation", items, flagged + missing
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
            if (
                not is_known(value)
                and rule == "construction_in_sandiao"
                and unknown_code is not None
            ):
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
    """Count (by ``legacy_class``) and area (亩) per legacy class, out-of-scope parcels
    as 'not_applicable'. Where a parcel's areas per class are measured (``regular_m2`` …),
    each class sums those areas (a parcel split between classes adds to each); else the
    parcel's whole area goes to its class."""
    cls = table["legacy_class"].fillna("not_applicable").to_numpy(dtype=object)
    area = np.asarray(area_m2, dtype=float)
    counts = pd.Series(cls).value_counts()
    measured = np.ones(len(cls), dtype=bool)
    for name in AREA_FIELDS:
        if name not in table.columns:
            measured[:] = False
            break
        measured &= table[name].notna().to_numpy()
    sums: dict[str, float] = {}
    for c in sorted(set(cls) | set(LEGACY_CLASSES)):
        whole = float(area[(cls == c) & ~(measured & (cls != "not_applicable"))].sum())
        split = float(table[f"{c}_m2"][measured].sum()) if c in LEGACY_CLASSES else 0.0
        sums[c] = whole + split
    rows = [
        (c, int(counts.get(c, 0)), sums[c]) for c in sorted(sums) if counts.get(c, 0) or sums[c] > 0
    ]
    out = pd.DataFrame(rows, columns=["legacy_class", "parcel_count", "area_m2"])
    out["area_mu"] = m2_to_mu(out["area_m2"])
    return out


def unknown_code_warning(ids: pd.Series, survey_codes: pd.Series) -> str | None:
    """The parcels whose 三调 code is not in the 三调 table, for the log (None: none); a
    tally of the parcels' rows (``common.notices``)."""
    values = pd.Series(list(survey_codes), dtype=object)
    mask = codes.unknown_code_mask(values)
    if not mask.any():
        return None
    names = [
        f"{i}={c}"
        for i, c in zip(pd.Series(list(ids), dtype=object)[mask], values[mask], strict=True)
    ]
    rows = np.flatnonzero(mask).tolist()
    return tally("legacy_unknown_code", legacy_unknown_text, rows, names, PARCELS)


def legacy_unknown_text(names: list[str]) -> str:
    return (
        f"{len(names)} 宗地的三调地类代码不在三调分类表中（未识别），按三调地类缺失处理：{shown(names)}。"
        f" / {len(names)} parcels have 三调 land class codes not in the table (not recognised), "
        f"treated as missing: {shown(names)}."
    )
