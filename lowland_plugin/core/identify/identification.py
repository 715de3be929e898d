"""低效用地认定: which stock construction land is low-efficiency, of which type, and why.

Order of the judgement for every parcel (Y-1, N-12, N-13):
1. current use: the dominant 三调 class by area where a LANDSURVEY layer is given
   (all class shares kept), else the parcel's own ``dlbm``; its 三大类 and its
   type come from the code tables (``core.codes``);
2. exclusions (Y-1: candidates are 权属清晰、不存在争议 stock construction land; 批而未供
   and 闲置 land is not included): non-construction land, approved but unsupplied,
   idle, disputed → ``verdict = excluded``;
3. criteria of the rule profile (thresholds and their sources live in the profile;
   what each rule measures is defined once, here) → met by any → low-efficiency,
   unless 4. an exemption of the profile applies (e.g. 规上企业) → not low-efficiency.

Every check actually made is written to ``reasons`` as
``{rule, clause, value, threshold, met}``, for every parcel whatever its verdict.
Comparisons are exact up to a relative tolerance of 1e-9, so a value equal to a
threshold lands on the side the rule states (``<`` or ``≥``) despite float noise.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd

from ..common import codes
from ..common.areas import ellipsoidal_area
from ..common.measures import m2_to_hectare, m2_to_mu
from ..common.overlay import dominant_by_area, overlap_areas, summed_by_label
from ..common.profiles import Profile
from .indicators import compute_parcel_indicators
from .review import empty_review_columns

#: Relative tolerance of threshold comparisons.
_EPS = 1e-9


ProgressCallback = Callable[[float], None]


@dataclass
class Check:
    """One rule applied to all parcels: where it was tested, where met, and the numbers."""

    rule: str
    clause: str
    kind: str  # "exclusion" | "criterion" | "exemption"
    tested: np.ndarray
    met: np.ndarray
    value: np.ndarray  # JSON text per parcel
    threshold: np.ndarray  # JSON text per parcel


@dataclass
class IdentifyResult:
    """Per-parcel table (parcels' index), summary table and what the run noticed."""

    table: pd.DataFrame
    summary: pd.DataFrame
    warnings: list[str] = field(default_factory=list)


# ----------------------------------------------------------------- JSON helpers


def _json_numbers(values, digits: int = 4) -> np.ndarray:
    """Numbers as JSON text (rounded; ``1.0`` stays ``1.0``), NaN/NA as null — vectorised."""
    arr = pd.to_numeric(pd.Series(values), errors="coerce").astype("float64").to_numpy()
    # format each distinct value once: thresholds are mostly one value repeated
    distinct, inverse = np.unique(np.round(arr, digits), return_inverse=True)
    text = distinct.astype(str).astype(object)
    text[np.isnan(distinct)] = "null"
    return text[inverse]


def _json_strings(values) -> np.ndarray:
    """Strings as JSON text (escaped once per distinct value), None/NaN as null."""
    codes_, uniques = pd.factorize(pd.Series(values, dtype=object))
    quoted = [json.dumps(str(u), ensure_ascii=False) for u in uniques]
    return np.array([*quoted, "null"], dtype=object)[codes_]


def _json_const(text: str, n: int) -> np.ndarray:
    return np.full(n, text, dtype=object)


def _json_bools(values) -> np.ndarray:
    s = pd.Series(values, dtype="boolean")
    out = np.where(s.fillna(False).to_numpy(dtype=bool), "true", "false").astype(object)
    out[s.isna().to_numpy()] = "null"
    return out


def _json_object(parts: dict[str, np.ndarray]) -> np.ndarray:
    """``{"k": v, …}`` per row from JSON-text columns."""
    out = None
    for key, text in parts.items():
        piece = f'"{key}":' + np.asarray(text, dtype=object)
        out = piece if out is None else out + ("," + piece)
    return "{" + out + "}"


def _lt(value: np.ndarray, threshold) -> np.ndarray:
    """value < threshold, exact up to the relative tolerance (NaN → False)."""
    thr = np.asarray(threshold, dtype=float)
    return value < thr - _EPS * np.maximum(1.0, np.abs(thr))


def _ge(value: np.ndarray, threshold) -> np.ndarray:
    """value ≥ threshold, exact up to the relative tolerance (NaN → False)."""
    thr = np.asarray(threshold, dtype=float)
    return value >= thr - _EPS * np.maximum(1.0, np.abs(thr))


def _per_distinct(series: pd.Series, func) -> np.ndarray:
    """``func`` of every value, computed once per distinct value (None stays None)."""
    codes_, uniques = pd.factorize(series.astype(object))
    return np.array([func(u) for u in uniques] + [None], dtype=object)[codes_]


def _normalize(series: pd.Series) -> pd.Series:
    """Land class codes in table form (``05h1`` → ``05H1``, 601 → ``0601``)."""
    series = series.reset_index(drop=True)
    codes_, uniques = pd.factorize(series.astype(object))
    table = np.array([codes.normalize_dlbm(u) for u in uniques] + [None], dtype=object)
    return pd.Series(table[codes_], dtype=object)


def _num(frame: pd.DataFrame, name: str) -> np.ndarray:
    if name not in frame.columns:
        return np.full(len(frame), np.nan)
    return pd.to_numeric(frame[name], errors="coerce").astype("float64").to_numpy(na_value=np.nan)


def _flag(frame: pd.DataFrame, name: str) -> pd.Series:
    """A boolean column as pandas ``boolean`` (nulls kept); all-null when absent."""
    if name not in frame.columns:
        return pd.Series(pd.array([pd.NA] * len(frame), dtype="boolean"))
    return pd.Series(frame[name].astype("boolean").array)


# ---------------------------------------------------------- current use & plan


@dataclass
class CurrentUse:
    dlbm: np.ndarray  # effective current class per parcel
    shares: pd.Series  # JSON {code: share} (三调) or null
    czcsxm: np.ndarray


def current_use_from_survey(
    parcel_geoms: np.ndarray, parcel_area: np.ndarray, survey: gpd.GeoDataFrame
) -> CurrentUse:
    """Dominant 三调 class by overlap area, all class shares, and the dominant patch's CZCSXM."""
    n = len(parcel_geoms)
    t_idx, s_idx, area = overlap_areas(parcel_geoms, np.asarray(survey.geometry.values))
    classes = _normalize(survey["dlbm"]).to_numpy(dtype=object)[s_idx]
    dominant, _ = dominant_by_area(n, t_idx, classes, area)
    czcs = survey["czcsxm"] if "czcsxm" in survey.columns else pd.Series([None] * len(survey))
    czcs = czcs.astype(object).where(czcs.notna(), None).to_numpy()[s_idx]
    dominant_czcs, _ = dominant_by_area(n, t_idx, czcs, area)
    tgt, label, summed = summed_by_label(t_idx, classes, area)
    share = summed / np.where(parcel_area[tgt] > 0, parcel_area[tgt], np.nan)
    piece = _json_strings(label) + (":" + _json_numbers(share) + ",")
    starts = np.flatnonzero(np.r_[True, tgt[1:] != tgt[:-1]]) if tgt.size else tgt
    shares = pd.Series([None] * n, dtype=object)
    if tgt.size:
        joined = np.add.reduceat(piece, starts)  # pieces are sorted by parcel
        shares.iloc[tgt[starts]] = ["{" + j[:-1] + "}" for j in joined]
    return CurrentUse(dominant, shares, dominant_czcs)


def dominant_plan_code(parcel_geoms: np.ndarray, plan: gpd.GeoDataFrame) -> np.ndarray:
    """The planned use (``plan_code``) covering most of each parcel; None where none."""
    t_idx, p_idx, area = overlap_areas(parcel_geoms, np.asarray(plan.geometry.values))
    labels = plan["plan_code"].astype(object).where(plan["plan_code"].notna(), None).to_numpy()
    best, _ = dominant_by_area(len(parcel_geoms), t_idx, labels[p_idx], area)
    return best


def industry_tax_mean(
    industry: pd.Series, tax: np.ndarray, area_mu: np.ndarray, min_peers: int
) -> tuple[np.ndarray, np.ndarray]:
    """Same-industry average 亩均税收 per parcel (Σ tax × 亩 / Σ 亩 over the parcels of
    the industry with a tax value) and the number of those peers."""
    ok = industry.notna().to_numpy() & ~np.isnan(tax) & (area_mu > 0)
    frame = pd.DataFrame({"ind": industry.to_numpy(), "taxmu": tax * area_mu, "mu": area_mu})[ok]
    grouped = frame.groupby("ind").agg(taxmu=("taxmu", "sum"), mu=("mu", "sum"), n=("mu", "size"))
    mean = (grouped["taxmu"] / grouped["mu"]).where(grouped["n"] >= min_peers)
    per_parcel = industry.map(mean).astype("float64").to_numpy()
    peers = industry.map(grouped["n"]).fillna(0).astype("int64").to_numpy()
    return per_parcel, peers


# --------------------------------------------------------------------- checks


def _check(rule, clause, kind, tested, met, value, threshold) -> Check:
    tested = np.asarray(tested, dtype=bool)
    return Check(rule, clause, kind, tested, np.asarray(met, dtype=bool) & tested, value, threshold)


def _number_check(rule, kind, tested, compare, value: np.ndarray, threshold) -> Check:
    """``rule`` comparing a measured number with its threshold (``compare``: :func:`_lt` or
    :func:`_ge`), tested where ``tested`` holds and the number is known."""
    threshold = np.broadcast_to(np.asarray(threshold, dtype="float64"), value.shape)
    return _check(
        rule.id,
        rule.clause,
        kind,
        tested & ~np.isnan(value),
        compare(value, threshold),
        _json_numbers(value),
        _json_numbers(threshold),
    )


def exclusion_checks(frame: pd.DataFrame, category: pd.Series) -> list[Check]:
    """Y-1 / N-12: what is not a candidate at all."""
    n = len(frame)
    every = np.ones(n, dtype=bool)
    cat = category.to_numpy(dtype=object)
    supply = frame["supply_status"] if "supply_status" in frame.columns else pd.Series([None] * n)
    checks = [
        _check(
            "non_construction_land",
            "Y-1",
            "exclusion",
            every,
            np.array([c != "construction" for c in cat]),
            _json_strings(cat),
            _json_const('"construction"', n),
        ),
        _check(
            "approved_unsupplied",
            "Y-1",
            "exclusion",
            supply.notna().to_numpy(),
            (supply == "approved_unsupplied").to_numpy(dtype=bool),
            _json_strings(supply.to_numpy(dtype=object)),
            _json_const('"supplied"', n),
        ),
    ]
    if "current_dlbm" in frame.columns:  # say so where a code was not recognised
        unknown = codes.unknown_code_mask(frame["current_dlbm"])
        checks.append(
            _check(
                "unknown_land_code",
                "Y-1",
                "exclusion",
                unknown,
                unknown,
                _json_strings(frame["current_dlbm"].to_numpy(dtype=object)),
                _json_const("null", n),
            )
        )
    for rule in ("idle", "disputed"):
        flag = _flag(frame, rule)
        checks.append(
            _check(
                rule,
                "Y-1",
                "exclusion",
                flag.notna().to_numpy(),
                flag.fillna(False).to_numpy(dtype=bool),
                _json_bools(flag),
                _json_const("false", n),
            )
        )
    return checks


def _applies(rule, current_type: np.ndarray, current_codes: np.ndarray) -> np.ndarray:
    """Where ``rule`` is tested: enabled, for its types, not on its ``skip_dlbm`` classes."""
    skip = np.isin(current_codes, list(rule.params.get("skip_dlbm", [])))
    return np.isin(current_type, rule.applies_to) & rule.enabled & ~skip


def criterion_checks(
    frame: pd.DataFrame,
    current_type: np.ndarray,
    profile: Profile,
    reference_date: dt.date,
    plan_code: np.ndarray | None,
    czcsxm: np.ndarray | None,
) -> list[Check]:
    """The profile's criteria, each defined here once (see module docstring)."""
    n = len(frame)
    far = _num(frame, "far")
    checks: list[Check] = []

    current_codes = frame["current_dlbm"].to_numpy(dtype=object)

    def applies(rule) -> np.ndarray:
        return _applies(rule, current_type, current_codes)

    r = profile.rules["far_below_min"]
    industry = frame["industry_code"] if "industry_code" in frame.columns else pd.Series([None] * n)
    industry = industry.astype(object).where(industry.notna(), None).reset_index(drop=True)
    by_industry = industry.map(r.params["min_far_by_industry"]).astype("float64").to_numpy()
    thr = np.where(np.isnan(by_industry), r.params["min_far"], by_industry)
    checks.append(_number_check(r, "criterion", applies(r), _lt, far, thr))

    r = profile.rules["coverage_below_min"]
    density = _num(frame, "building_density")
    checks.append(_number_check(r, "criterion", applies(r), _lt, density, r.params["min_coverage"]))

    tax = _num(frame, "tax_per_mu")
    r = profile.rules["tax_below_min"]
    minimum = r.params["min_tax_per_mu"]
    thr = np.full(n, np.nan if minimum is None else float(minimum))
    checks.append(_number_check(r, "criterion", applies(r) & ~np.isnan(thr), _lt, tax, thr))

    r = profile.rules["tax_below_industry_share"]
    mean, peers = industry_tax_mean(
        industry, tax, _num(frame, "area_mu"), int(r.params["min_peers"])
    )
    thr = r.params["share"] * mean
    checks.append(
        _check(
            r.id,
            r.clause,
            "criterion",
            applies(r) & ~np.isnan(tax) & ~np.isnan(thr),
            _lt(tax, thr),
            _json_numbers(tax),
            _json_object(
                {
                    "share": _json_numbers(np.full(n, r.params["share"])),
                    "industry_mean": _json_numbers(mean),
                    "peers": _json_numbers(peers),
                    "value": _json_numbers(thr),
                }
            ),
        )
    )

    r = profile.rules["dangerous_buildings"]
    danger = _num(frame, "danger_cd_share")
    checks.append(_number_check(r, "criterion", applies(r), _ge, danger, r.params["min_share"]))

    r = profile.rules["old_residential_low_far"]
    newest = _num(frame, "newest_year")
    before, max_far = r.params["built_before"], r.params["max_far"]
    checks.append(
        _check(
            r.id,
            r.clause,
            "criterion",
            applies(r) & ~np.isnan(newest) & ~np.isnan(far),
            _lt(newest, before) & _lt(far, max_far),
            _json_object({"newest_year": _json_numbers(newest), "far": _json_numbers(far)}),
            _json_object(
                {
                    "built_before": _json_numbers(np.full(n, before)),
                    "max_far": _json_numbers(np.full(n, max_far)),
                }
            ),
        )
    )

    r = profile.rules["stopped_operation"]
    operating = _flag(frame, "operating")
    checks.append(
        _check(
            r.id,
            r.clause,
            "criterion",
            applies(r) & operating.notna().to_numpy(),
            (operating == False).fillna(False).to_numpy(dtype=bool),  # noqa: E712
            _json_bools(operating),
            _json_const("true", n),
        )
    )

    r = profile.rules["stalled_development"]
    contract = frame["contract_date"] if "contract_date" in frame.columns else pd.Series([None] * n)
    contract = pd.to_datetime(contract.reset_index(drop=True), errors="coerce")
    years = float(r.params["years"])
    elapsed = (pd.Timestamp(reference_date) - contract).dt.days.to_numpy(dtype=float) / 365.2425
    due = contract.notna().to_numpy()
    checks.append(
        _check(
            r.id,
            r.clause,
            "criterion",
            applies(r) & due & ~np.isnan(far),
            _ge(elapsed, years) & _lt(far, r.params["max_far"]),
            _json_object(
                {"years_since_contract": _json_numbers(elapsed, 2), "far": _json_numbers(far)}
            ),
            _json_object(
                {
                    "years": _json_numbers(np.full(n, years)),
                    "max_far": _json_numbers(np.full(n, r.params["max_far"])),
                }
            ),
        )
    )

    r = profile.rules["use_not_conforming"]
    if plan_code is not None:
        current = codes.to_landuse_2023(pd.Series(frame["current_dlbm"].to_numpy()))
        current_l1 = _per_distinct(current["landuse_code"], codes.landuse_level1)
        plan_l1 = _per_distinct(pd.Series(plan_code, dtype=object), codes.landuse_level1)
        ignored = np.isin(plan_l1.astype(str), list(r.params["ignore_plan_codes"]))
        tested = applies(r) & pd.notna(current_l1) & pd.notna(plan_l1) & ~ignored
        checks.append(
            _check(
                r.id,
                r.clause,
                "criterion",
                tested,
                current_l1 != plan_l1,
                _json_strings(current["landuse_code"].to_numpy(dtype=object)),
                _json_strings(plan_code),
            )
        )

    r = profile.rules["urban_village"]
    if czcsxm is not None:
        attr = pd.Series(czcsxm, dtype=object)
        base = attr.str[:3]
        checks.append(
            _check(
                r.id,
                r.clause,
                "criterion",
                applies(r) & attr.notna().to_numpy(),
                base.isin(list(r.params["urban_czcsxm"])).to_numpy(dtype=bool),
                _json_strings(attr.to_numpy()),
                _json_const(json.dumps(list(r.params["urban_czcsxm"])), n),
            )
        )
    return checks


def exemption_checks(
    frame: pd.DataFrame, current_type: np.ndarray, profile: Profile
) -> list[Check]:
    """The profile's exemptions (e.g. 规上企业, 投产不满 3 年)."""
    n = len(frame)
    checks = []

    current_codes = frame["current_dlbm"].to_numpy(dtype=object)

    def applies(rule) -> np.ndarray:
        return _applies(rule, current_type, current_codes)

    r = profile.exemptions["above_scale"]
    flag = _flag(frame, "above_scale")
    checks.append(
        _check(
            r.id,
            r.clause,
            "exemption",
            applies(r) & flag.notna().to_numpy(),
            flag.fillna(False).to_numpy(dtype=bool),
            _json_bools(flag),
            _json_const("true", n),
        )
    )
    r = profile.exemptions["young_enterprise"]
    years = _num(frame, "years_operating")
    checks.append(_number_check(r, "exemption", applies(r), _lt, years, r.params["min_years"]))
    r = profile.exemptions["strategic_industry"]
    listed = list(r.params["industry_codes"])
    if listed:
        industry = (
            frame["industry_code"] if "industry_code" in frame.columns else pd.Series([None] * n)
        )
        industry = industry.reset_index(drop=True)
        checks.append(
            _check(
                r.id,
                r.clause,
                "exemption",
                applies(r) & industry.notna().to_numpy(),
                industry.isin(listed).to_numpy(dtype=bool),
                _json_strings(industry.to_numpy()),
                _json_const(json.dumps(listed), n),
            )
        )
    return checks


def reasons_json(checks: list[Check], n: int) -> np.ndarray:
    """JSON list of ``{rule, clause, kind, value, threshold, met}`` for the checks tested.

    Each check's items are built on its tested rows only (numpy object arrays), then
    every row's items are joined once: ~10x faster than row-wise ``json.dumps``.
    """
    columns = []
    for c in checks:
        rows = np.flatnonzero(c.tested)
        item = np.full(n, None, dtype=object)
        if rows.size:
            head = f'{{"rule":"{c.rule}","clause":"{c.clause}","kind":"{c.kind}","value":'
            met = np.where(c.met[rows], ',"met":true}', ',"met":false}').astype(object)
            value = np.asarray(c.value, dtype=object)[rows]
            threshold = np.asarray(c.threshold, dtype=object)[rows]
            item[rows] = head + value + (',"threshold":' + threshold + met)
        columns.append(item)
    return (
        np.array(
            [
                "[" + ",".join([i for i in row if i is not None]) + "]"
                for row in zip(*columns, strict=True)
            ],
            dtype=object,
        )
        if columns
        else np.full(n, "[]", dtype=object)
    )


# ----------------------------------------------------------------- the whole


def identify_parcels(
    parcels: gpd.GeoDataFrame,
    profile: Profile,
    buildings: gpd.GeoDataFrame | None = None,
    landsurvey: gpd.GeoDataFrame | None = None,
    plan: gpd.GeoDataFrame | None = None,
    reference_date: dt.date | None = None,
    progress: ProgressCallback | None = None,
) -> IdentifyResult:
    """Identify low-efficiency land; parcels and optional layers in canonical field names
    (see ``core.mapping``) and one projected CRS. One output row per parcel, same index."""
    report = progress or (lambda _p: None)
    reference_date = reference_date or dt.date.today()
    ind = compute_parcel_indicators(parcels, buildings, progress=lambda p: report(0.4 * p))
    n = len(parcels)
    frame = pd.concat(
        [
            parcels.drop(columns=parcels.geometry.name).reset_index(drop=True),
            ind.table.reset_index(drop=True),
        ],
        axis=1,
    )
    frame = frame.loc[:, ~frame.columns.duplicated(keep="last")]
    geoms = np.asarray(parcels.geometry.values, dtype=object)
    area = frame["area_m2"].to_numpy()
    warnings = list(ind.warnings)

    own = _normalize(frame["dlbm"]) if "dlbm" in frame.columns else pd.Series([None] * n)
    shares = pd.Series([None] * n, dtype=object)
    czcsxm = None
    if landsurvey is not None:
        use = current_use_from_survey(geoms, area, landsurvey)
        current = pd.Series(use.dlbm, dtype=object).where(pd.notna(use.dlbm), own.to_numpy())
        shares, czcsxm = use.shares, use.czcsxm
        outside = int(pd.isna(use.dlbm).sum())
        if outside:
            warnings.append(
                f"{outside} 宗地不与任何三调图斑相交，现状地类取宗地自身 dlbm。 / {outside} parcels "
                "overlap no 三调 patch; their own dlbm is used."
            )
    else:
        current = own
    report(60)
    frame["current_dlbm"] = current.to_numpy(dtype=object)
    ids = frame["parcel_id"] if "parcel_id" in frame.columns else pd.Series(range(1, n + 1))
    count, listed = codes.unknown_code_listing(ids, frame["current_dlbm"])
    if count:
        warnings.append(
            f"{count} 宗地的现状地类代码不在三调分类表中（未识别），按非建设用地排除：{listed}。"
            f" / {count} parcels have land class codes not in the 三调 table (not recognised), "
            f"excluded as unknown land: {listed}."
        )
    if landsurvey is not None and "dlbm" in frame.columns:  # the parcels' own, overridden
        count, listed = codes.unknown_code_listing(ids, frame["dlbm"])
        if count:
            warnings.append(
                f"宗地图层 {count} 宗地的 dlbm 不在三调分类表中（未识别；现状地类取自三调图斑）：{listed}。"
                f" / {count} parcels have a dlbm not in the 三调 table (not recognised; the "
                f"current use is taken from the 三调 patches): {listed}."
            )
    category = codes.land_category(frame["current_dlbm"]).reset_index(drop=True)
    current_type = codes.lowland_type_of(frame["current_dlbm"]).to_numpy(dtype=object)
    plan_code = dominant_plan_code(geoms, plan) if plan is not None else None
    report(75)

    exclusions = exclusion_checks(frame, category)
    criteria = criterion_checks(frame, current_type, profile, reference_date, plan_code, czcsxm)
    exemptions = exemption_checks(frame, current_type, profile)
    excluded = np.logical_or.reduce([c.met for c in exclusions])
    met_any = np.logical_or.reduce([c.met for c in criteria]) if criteria else np.zeros(n, bool)
    exempt = np.logical_or.reduce([c.met for c in exemptions]) if exemptions else np.zeros(n, bool)
    verdict = np.where(excluded, "excluded", np.where(met_any & ~exempt, "lowland", "not_lowland"))
    report(85)

    out = pd.DataFrame(index=parcels.index)
    for name in ind.table.columns:
        out[name] = ind.table[name].to_numpy()
    out["ellipsoid_area_m2"] = ellipsoidal_area(geoms, parcels.crs) if parcels.crs else np.nan
    out["current_dlbm"] = frame["current_dlbm"].to_numpy(dtype=object)
    out["land_category"] = category.to_numpy(dtype=object)
    out["survey_shares"] = shares.to_numpy(dtype=object)
    out["czcsxm"] = czcsxm if czcsxm is not None else np.full(n, None, dtype=object)
    out["plan_code"] = plan_code if plan_code is not None else np.full(n, None, dtype=object)
    out["current_type"] = current_type
    out["lowland_type"] = np.where(verdict == "lowland", current_type, None)
    out["verdict"] = verdict
    out["reasons"] = reasons_json(exclusions + criteria + exemptions, n)
    out["criteria_met"] = (
        np.sum([c.met for c in criteria], axis=0).astype("int64") if criteria else 0
    )
    review = empty_review_columns(verdict, out["lowland_type"].to_numpy(dtype=object))
    for name in review.columns:
        out[name] = review[name].to_numpy()
    out["profile_id"] = profile.id
    out["profile_version"] = profile.version
    report(95)
    summary = summarize(out)
    report(100)
    return IdentifyResult(out, summary, warnings)


def summarize(table: pd.DataFrame) -> pd.DataFrame:
    """Count and area (亩, 公顷) by verdict and current type, with totals per verdict."""
    frame = pd.DataFrame(
        {
            "verdict": table["verdict"].to_numpy(),
            "current_type": table["current_type"].fillna("—").to_numpy(),
            "area_m2": table["area_m2"].to_numpy(),
        }
    )
    rows = []
    for (verdict, kind), group in frame.groupby(["verdict", "current_type"], sort=True):
        rows.append((verdict, kind, len(group), group["area_m2"].sum()))
    for verdict, group in frame.groupby("verdict", sort=True):
        rows.append((verdict, "all", len(group), group["area_m2"].sum()))
    rows.append(("all", "all", len(frame), frame["area_m2"].sum()))
    out = pd.DataFrame(rows, columns=["verdict", "current_type", "parcel_count", "area_m2"])
    out["area_mu"] = m2_to_mu(out["area_m2"])
    out["area_ha"] = m2_to_hectare(out["area_m2"])
    return out.drop(columns="area_m2")
