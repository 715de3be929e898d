"""What each identification rule measures (Y-1, N-12): the exclusions, then one function
per criterion and per exemption of a rule profile, registered under the profile's rule id.

The numbers (thresholds) and the clause of a rule come from the profile; what a rule
measures is defined here once. Every rule is applied to all parcels at once: a
:class:`Check` holds, per parcel, whether it was tested, whether it is met and the
measured value and threshold as JSON text (for the ``reasons`` field).
Comparisons are exact up to a relative tolerance of 1e-9, so a value equal to a
threshold lands on the side the rule states (``<`` or ``≥``) despite float noise.

Every reason carries ``source``: the citation of the profile values the rule used
(label and, unless adopted, its state). A criterion that needs a building indicator is
*not tested* where no BUILDINGS layer was given: its reason then says so (``met`` null,
``value`` null, ``note`` naming the missing layer); unknown is never read as 0.
An exemption exempts only the criteria its ``exempts`` lists (建筑危旧 and 用途不合理 are not
exempted by the bundled profiles). Stalled development is not a criterion of 低效: it
excludes the parcel as suspected 闲置 pending review (``suspected_idle``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, partial

import numpy as np
import pandas as pd

from ..common import codes, industry
from ..common.calendar import add_months
from ..common.errors import LowlandInputError
from ..common.notices import PARCELS, tally
from ..common.profiles import Profile, Rule
from ..common.values import flag_series, numbers
from .json_text import json_bools, json_const, json_numbers, json_object, json_strings

#: The note of a reason whose rule needs the buildings and no BUILDINGS layer was given.
NO_BUILDINGS_NOTE = "未提供建筑图层，未检验 / no buildings layer, not tested"

#: The note of a parcel excluded as suspected idle land (stalled development).
SUSPECTED_IDLE_NOTE = (
    "疑似闲置土地（《闲置土地处置办法》第二条），待核查 / suspected idle land, to be verified"
)


#: Relative tolerance of threshold comparisons.
_EPS = 1e-9


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
    source: str | None = None  # citation of the profile values used
    untested: np.ndarray | None = None  # where the rule applies but could not be tested
    untested_note: str = NO_BUILDINGS_NOTE
    met_note: str | None = None  # written on the reasons where the rule is met
    warnings: list[str] = field(default_factory=list)  # said once per run


def rule_source(
    profile: Profile | None, rule: Rule, params: tuple[str, ...] | None = None
) -> str | None:
    """The citation of the profile values ``rule`` uses (``params``; all when None), the
    distinct citations joined by "；"; None for a rule without numbers."""
    if profile is None:
        return None
    names = [k for k in rule.sources if params is None or k in params]
    cites = dict.fromkeys(profile.source(rule.sources[k]).citation() for k in names)
    return "；".join(cites) or None


# ------------------------------------------------------------------ comparisons


def below(value: np.ndarray, threshold) -> np.ndarray:
    """value < threshold, exact up to the relative tolerance (NaN → False)."""
    thr = np.asarray(threshold, dtype=float)
    return value < thr - _EPS * np.maximum(1.0, np.abs(thr))


def at_least(value: np.ndarray, threshold) -> np.ndarray:
    """value ≥ threshold, exact up to the relative tolerance (NaN → False)."""
    thr = np.asarray(threshold, dtype=float)
    return value >= thr - _EPS * np.maximum(1.0, np.abs(thr))


def _per_distinct(series: pd.Series, func) -> np.ndarray:
    """``func`` of every value, computed once per distinct value (None stays None)."""
    codes_, uniques = pd.factorize(series.astype(object))
    return np.array([func(u) for u in uniques] + [None], dtype=object)[codes_]


def new_check(
    rule, clause, kind, tested, met, value, threshold, source=None, untested=None
) -> Check:
    """A :class:`Check` of ``rule``: met only where tested."""
    tested = np.asarray(tested, dtype=bool)
    met = np.asarray(met, dtype=bool) & tested
    return Check(rule, clause, kind, tested, met, value, threshold, source, untested)


def _number_check(
    rule: Rule, kind, tested, compare, value: np.ndarray, threshold, source=None, untested=None
) -> Check:
    """``rule`` comparing a measured number with its threshold (``compare``: :func:`below`
    or :func:`at_least`), tested where ``tested`` holds and the number is known."""
    threshold = np.broadcast_to(np.asarray(threshold, dtype="float64"), value.shape)
    return new_check(
        rule.id,
        rule.clause,
        kind,
        tested & ~np.isnan(value),
        compare(value, threshold),
        json_numbers(value),
        json_numbers(threshold),
        source,
        untested,
    )


def _flag_check(
    rule: Rule, kind: str, tested: np.ndarray, flag: pd.Series, met, source=None
) -> Check:
    """``rule`` reading a yes/no field: tested where the flag is known, met where ``met``;
    the threshold is the flag value that keeps the parcel out of the rule (``true``)."""
    return new_check(
        rule.id,
        rule.clause,
        kind,
        tested & flag.notna().to_numpy(),
        met,
        json_bools(flag),
        json_const("true", len(flag)),
        source,
    )


def _listed_check(rule: Rule, kind: str, tested, values: pd.Series, listed, source=None) -> Check:
    """``rule`` met where ``values`` is one of ``listed`` (tested where known)."""
    return new_check(
        rule.id,
        rule.clause,
        kind,
        tested & values.notna().to_numpy(),
        values.isin(list(listed)).to_numpy(dtype=bool),
        json_strings(values.to_numpy()),
        json_const(json.dumps(list(listed)), len(values)),
        source,
    )


def industry_tax_totals(industry: pd.Series, tax: np.ndarray, area_mu: np.ndarray) -> pd.DataFrame:
    """Per industry code: Σ tax × 亩 (``taxmu``), Σ 亩 (``mu``) and the number of parcels
    (``n``) with a tax value; computed once over the whole layer when it is tiled."""
    industry = industry.astype(object).where(industry.notna(), None).reset_index(drop=True)
    ok = industry.notna().to_numpy() & ~np.isnan(tax) & (area_mu > 0)
    frame = pd.DataFrame({"ind": industry.to_numpy(), "taxmu": tax * area_mu, "mu": area_mu})[ok]
    return frame.groupby("ind").agg(taxmu=("taxmu", "sum"), mu=("mu", "sum"), n=("mu", "size"))


def industry_tax_mean(
    industry: pd.Series,
    tax: np.ndarray,
    area_mu: np.ndarray,
    min_peers: int,
    totals: pd.DataFrame | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Same-industry average 亩均税收 per parcel (Σ tax × 亩 / Σ 亩 over the parcels of
    the industry with a tax value) and the number of those peers; over ``totals``
    (:func:`industry_tax_totals` of the whole layer) when given, else over these parcels."""
    grouped = industry_tax_totals(industry, tax, area_mu) if totals is None else totals
    mean = (grouped["taxmu"] / grouped["mu"]).where(grouped["n"] >= min_peers)
    per_parcel = industry.map(mean).astype("float64").to_numpy()
    peers = industry.map(grouped["n"]).fillna(0).astype("int64").to_numpy()
    return per_parcel, peers


# ------------------------------------------------------------------ the parcels


@dataclass
class Parcels:
    """What the rules read: the parcels in canonical fields plus their indicators (index
    0..n-1, ``current_dlbm`` set), their current type, the reference date and the optional
    layers' results (dominant planned use, 三调 CZCSXM)."""

    frame: pd.DataFrame
    current_type: np.ndarray
    reference_date: dt.date
    plan_code: np.ndarray | None = None
    czcsxm: np.ndarray | None = None
    #: False when no BUILDINGS layer was given: building indicators are unknown.
    has_buildings: bool = True
    #: The profile of the run (set by :func:`criterion_checks`): citations, local values.
    profile: Profile | None = None
    #: What the rules noticed, for the run's warnings (each once).
    notes: list[str] = field(default_factory=list)
    #: Same-industry tax totals of the whole layer when it is processed in tiles.
    industry_totals: pd.DataFrame | None = None

    def cite(self, rule: Rule, *params: str) -> str | None:
        """The citation of ``rule``'s profile values (``params``; all when none given)."""
        return rule_source(self.profile, rule, params or None)

    def without_buildings(self, rule: Rule) -> np.ndarray:
        """Where ``rule`` applies but cannot be tested for want of a BUILDINGS layer."""
        return self.applies(rule) & (not self.has_buildings)

    @property
    def n(self) -> int:
        return len(self.frame)

    @cached_property
    def far(self) -> np.ndarray:
        return numbers(self.frame, "far")

    @cached_property
    def tax(self) -> np.ndarray:
        return numbers(self.frame, "tax_per_mu")

    @cached_property
    def industry(self) -> pd.Series:
        """The industry code per parcel (None where unknown), index 0..n-1."""
        frame = self.frame
        raw = frame["industry_code"] if "industry_code" in frame.columns else None
        industry = pd.Series([None] * self.n) if raw is None else raw
        return industry.astype(object).where(industry.notna(), None).reset_index(drop=True)

    def applies(self, rule: Rule) -> np.ndarray:
        """Where ``rule`` is tested: enabled, for its types, not on its ``skip_dlbm`` classes."""
        current_codes = self.frame["current_dlbm"].to_numpy(dtype=object)
        skip = np.isin(current_codes, list(rule.params.get("skip_dlbm", [])))
        return np.isin(self.current_type, rule.applies_to) & rule.enabled & ~skip


#: A criterion or exemption: its check on all parcels, or None where its layer is absent.
RuleCheck = Callable[[Rule, Parcels], Check | None]

#: The criteria and exemptions by profile rule id, in the order their reasons are written.
CRITERIA: dict[str, RuleCheck] = {}
EXEMPTIONS: dict[str, RuleCheck] = {}


def _registered(registry: dict[str, RuleCheck], rule_id: str) -> Callable[[RuleCheck], RuleCheck]:
    def register(func: RuleCheck) -> RuleCheck:
        registry[rule_id] = func
        return func

    return register


# --------------------------------------------------------------------- criteria


def _indicator_check(rule: Rule, p: Parcels, name: str, compare, param: str) -> Check:
    """Criterion ``rule`` comparing the parcels' building indicator ``name`` with the
    profile number ``param`` (``compare``: :func:`below` or :func:`at_least`); not tested,
    with a reason saying so, where no BUILDINGS layer was given."""
    value = numbers(p.frame, name)
    return _number_check(
        rule,
        "criterion",
        p.applies(rule),
        compare,
        value,
        rule.params[param],
        p.cite(rule, param),
        p.without_buildings(rule),
    )


@_registered(CRITERIA, "far_below_min")
def far_below_min(rule: Rule, p: Parcels) -> Check:
    """Y-1 利用粗放: FAR below the minimum of the parcel's industry in the indicator table
    (《工业项目建设用地控制指标》, by GB/T 4754 大类), else the general minimum.

    The code is read in any written form (``39``, ``3911``, ``C39``, ``39.0``) as its 大类
    in the profile's ``industry_code_edition`` and moved to the table's edition
    (``min_far_table_edition``) through the 2002 ↔ 2017 crosswalk. The threshold of the
    reason names the code as read, the table row and its source; a code no row covers
    gets the general ``min_far``, and the run warns once naming those codes. Not tested
    where FAR is unknown (no BUILDINGS layer)."""
    params = rule.params
    code_edition = params.get("industry_code_edition", industry.EDITION_2017)
    table_edition = params.get("min_far_table_edition", industry.EDITION_2002)
    table_source = rule.sources.get("min_far_by_industry", "min_far_by_industry")
    minima = industry.far_minima(
        p.industry, params["min_far_by_industry"], code_edition, table_edition, table_source
    )
    by_industry = np.asarray(minima.minimum, dtype="float64")
    general = float(params["min_far"])
    thr = np.where(np.isnan(by_industry), general, by_industry)
    general_source = f"min_far ({rule.sources.get('min_far', 'profile')})"
    applies = p.applies(rule)
    row_source = np.array(
        [s if s is not None else general_source for s in minima.row_source], dtype=object
    )
    check = new_check(
        rule.id,
        rule.clause,
        "criterion",
        applies & ~np.isnan(p.far),
        below(p.far, thr),
        json_numbers(p.far),
        json_object(
            {
                "value": json_numbers(thr),
                "industry": json_strings(minima.industry),
                "source": json_strings(row_source),
            }
        ),
        p.cite(rule, "min_far", "min_far_by_industry"),
        p.without_buildings(rule),
    )
    by_code = bool(params["min_far_by_industry"])  # {}: the city does not go by industry
    applied = _written_where(p.industry, applies)
    unmapped = [c for c in minima.unmapped if c in applied]
    general_text = (code_edition, table_edition, general, general_source)
    if unmapped and by_code:
        render = partial(unmapped_codes_text, *general_text)
        check.warnings.append(tally("unmapped_industry", render, unmapped, unmapped))
    no_code = applies & p.industry.isna().to_numpy()
    if no_code.any() and by_code:
        rows = np.flatnonzero(no_code).tolist()
        render = partial(no_code_text, general, general_source)
        check.warnings.append(tally("no_industry_code", render, rows, [""] * len(rows), PARCELS))
    return check


def _written_where(codes_: pd.Series, rows: np.ndarray) -> set[str]:
    """The stripped texts of ``codes_`` on ``rows`` (stripped once, not once per code)."""
    return set(codes_.astype(str).str.strip().to_numpy(dtype=object)[rows])


def unmapped_codes_text(
    code_edition: str, table_edition: str, general: float, general_source: str, codes_: list[str]
) -> str:
    listed = "、".join(codes_)
    return (
        f"行业代码 {listed} 无法按 {code_edition} 读取或对照到 {table_edition} 的容积率"
        f"控制指标表，按一般下限 {general:g}（{general_source}）认定。 / Industry codes "
        f"{listed} could not be read as {code_edition} or mapped to the {table_edition} "
        f"FAR table; the general minimum {general:g} ({general_source}) was used."
    )


def no_code_text(general: float, general_source: str, names: list[str]) -> str:
    return (
        f"{len(names)} 宗工业用地无行业代码，容积率按一般下限 {general:g}（{general_source}）"
        f"认定。 / {len(names)} industrial parcels have no industry code; the general FAR "
        f"minimum {general:g} ({general_source}) was used."
    )


@_registered(CRITERIA, "coverage_below_min")
def coverage_below_min(rule: Rule, p: Parcels) -> Check:
    """Y-1 利用粗放: 建筑系数 below the minimum. 建筑系数 as 《工业项目建设用地控制指标》
    defines it: (建筑物 + 构筑物占地 + 堆场) / 用地面积 — the buildings' footprint share
    (``building_density``) plus the parcel's ``structure_area_m2`` and ``yard_area_m2``
    where given (an empty one adds nothing: the buildings alone are then the measure)."""
    return _number_check(
        rule,
        "criterion",
        p.applies(rule),
        below,
        building_coverage(p.frame),
        rule.params["min_coverage"],
        p.cite(rule, "min_coverage"),
        p.without_buildings(rule),
    )


def building_coverage(frame: pd.DataFrame) -> np.ndarray:
    """建筑系数 per parcel: building_density + (structure_area_m2 + yard_area_m2) / area_m2
    (the two optional fields count 0 where empty); NaN where the density is unknown."""
    area = numbers(frame, "area_m2")
    extra = np.zeros(len(frame))
    for name in ("structure_area_m2", "yard_area_m2"):
        if name in frame.columns:
            extra = extra + np.nan_to_num(numbers(frame, name), nan=0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        added = np.where(area > 0, extra / area, 0.0)
    return numbers(frame, "building_density") + added


@_registered(CRITERIA, "tax_below_min")
def tax_below_min(rule: Rule, p: Parcels) -> Check:
    """Y-1 利用粗放: 亩均税收 below a fixed minimum (not tested while the profile sets none)."""
    minimum = rule.params["min_tax_per_mu"]
    thr = np.full(p.n, np.nan if minimum is None else float(minimum))
    tested = p.applies(rule) & ~np.isnan(thr)
    return _number_check(rule, "criterion", tested, below, p.tax, thr, p.cite(rule))


#: How the same-industry mean was obtained, in a reason's ``threshold``.
MEAN_FROM_REFERENCE = "profile_reference"
MEAN_FROM_LAYER = "loaded_layer"


def _reference_key(code: object) -> str | None:
    """The key of an industry code in the profile's reference table (大类, 2 digits)."""
    if code is None:
        return None
    text = str(code).strip().upper().lstrip("C") if str(code).strip() else ""
    return text[:2] if text[:2].isdigit() else None


@_registered(CRITERIA, "tax_below_industry_share")
def tax_below_industry_share(rule: Rule, p: Parcels) -> Check:
    """Y-1 利用粗放: 亩均税收 below a share of the same industry's average: the profile's
    ``same_industry_tax_reference`` where it lists the industry, else the mean computed
    from the loaded layer (enough peers); the reason says which."""
    area_mu = numbers(p.frame, "area_mu")
    mean, peers = industry_tax_mean(
        p.industry, p.tax, area_mu, int(rule.params["min_peers"]), p.industry_totals
    )
    table = {}
    if p.profile is not None and "same_industry_tax_reference" in p.profile.local:
        table = dict(p.profile.value("same_industry_tax_reference") or {})
    keys = _per_distinct(p.industry, _reference_key)
    ref = np.array([table.get(k, np.nan) if k is not None else np.nan for k in keys], dtype=float)
    from_ref = ~np.isnan(ref)
    mean = np.where(from_ref, ref, mean)
    thr = rule.params["share"] * mean
    tested = p.applies(rule) & ~np.isnan(p.tax) & ~np.isnan(thr)
    cites = [p.cite(rule, "share")]
    if (tested & from_ref).any():
        cites.append(p.profile.cite("same_industry_tax_reference") if p.profile else None)
        p.notes.append("same_industry_tax_reference")
    if (tested & ~from_ref).any():
        cites.append("同行业均值按输入图层计算 / computed from the loaded layer")
        p.notes.append("tax_mean_from_layer")
    return new_check(
        rule.id,
        rule.clause,
        "criterion",
        tested,
        below(p.tax, thr),
        json_numbers(p.tax),
        json_object(
            {
                "share": json_numbers(np.full(p.n, rule.params["share"])),
                "industry_mean": json_numbers(mean),
                "mean_from": json_strings(
                    np.where(from_ref, MEAN_FROM_REFERENCE, MEAN_FROM_LAYER).astype(object)
                ),
                "peers": json_numbers(np.where(from_ref, np.nan, peers)),
                "value": json_numbers(thr),
            }
        ),
        "；".join(c for c in cites if c),
    )


@_registered(CRITERIA, "dangerous_buildings")
def dangerous_buildings(rule: Rule, p: Parcels) -> Check:
    """Y-1 建筑危旧: the dangerous share of the buildings (profile ``danger_basis`` and
    ``dangerous_grades``, see ``indicators``) at least the minimum."""
    check = _indicator_check(rule, p, "danger_cd_share", at_least, "min_share")
    if p.profile is not None and p.has_buildings and rule.enabled:
        cites = [check.source, p.profile.cite("danger_basis"), p.profile.cite("dangerous_grades")]
        check.source = "；".join(dict.fromkeys(c for c in cites if c))
        p.notes.extend(["danger_basis", "dangerous_grades"])
    return check


@_registered(CRITERIA, "old_residential_low_far")
def old_residential_low_far(rule: Rule, p: Parcels) -> Check:
    """Y-1 利用粗放: newest building built before a year and FAR below a maximum (not
    tested without a BUILDINGS layer: both come from the buildings)."""
    newest = numbers(p.frame, "newest_year")
    before, max_far = rule.params["built_before"], rule.params["max_far"]
    return new_check(
        rule.id,
        rule.clause,
        "criterion",
        p.applies(rule) & ~np.isnan(newest) & ~np.isnan(p.far),
        below(newest, before) & below(p.far, max_far),
        json_object({"newest_year": json_numbers(newest), "far": json_numbers(p.far)}),
        json_object(
            {
                "built_before": json_numbers(np.full(p.n, before)),
                "max_far": json_numbers(np.full(p.n, max_far)),
            }
        ),
        p.cite(rule),
        p.without_buildings(rule),
    )


@_registered(CRITERIA, "stopped_operation")
def stopped_operation(rule: Rule, p: Parcels) -> Check:
    """Y-1 利用粗放: the enterprise on the parcel has stopped operating (停产)."""
    operating = flag_series(p.frame, "operating")
    stopped = (operating == False).fillna(False).to_numpy(dtype=bool)  # noqa: E712
    return _flag_check(rule, "criterion", p.applies(rule), operating, stopped, p.cite(rule))


def _dates(frame: pd.DataFrame, name: str) -> pd.Series:
    """A date column (unparsable or absent → NaT), index 0..n-1."""
    raw = frame[name] if name in frame.columns else pd.Series([None] * len(frame))
    return pd.to_datetime(raw.reset_index(drop=True), errors="coerce")


def years_later(start: pd.Series, years: float) -> pd.Series:
    """``start`` + ``years`` calendar years (anniversaries, 《民法典》第二百零一、二百零二条:
    29 Feb + 2 years = 28 Feb), NaT where ``start`` is unknown."""
    months = int(round(12 * years))
    # each distinct date once (a district has far fewer dates than parcels)
    codes_, uniques = pd.factorize(start)
    shifted = [pd.Timestamp(add_months(d.date(), months)) for d in uniques]
    table = pd.to_datetime(pd.Series(shifted + [pd.NaT], dtype=object)).astype("datetime64[ns]")
    return pd.Series(table.to_numpy()[codes_], index=start.index)  # code -1 (NaT) → last


@_registered(CRITERIA, "stalled_development")
def stalled_development(rule: Rule, p: Parcels) -> Check:
    """Y-1 开发停滞 → suspected 闲置: the reference date on or after the ``years``-th
    anniversary of the agreed start date (``agreed_start_date``; else the contract date,
    ``contract_date``) and FAR still below ``max_far``. Y-1 leaves 闲置 land out and
    《闲置土地处置办法》第二条 defines it, so such a parcel is *excluded pending review*
    (rule ``suspected_idle``), not 低效. Not tested where FAR is unknown, nor where the
    enterprise is recorded as operating (``operating`` true: the land is in use, so not
    未动工开发 in the sense of 第二条)."""
    agreed, signed = _dates(p.frame, "agreed_start_date"), _dates(p.frame, "contract_date")
    start = agreed.where(agreed.notna(), signed)
    basis = np.where(agreed.notna(), "agreed_start_date", "contract_date").astype(object)
    basis[start.isna().to_numpy()] = None
    years = float(rule.params["years"])
    due = years_later(start, years)
    reached = (due <= pd.Timestamp(p.reference_date)).fillna(False).to_numpy(dtype=bool)
    dated = start.notna().to_numpy()
    in_use = (flag_series(p.frame, "operating") == True).fillna(False).to_numpy(bool)  # noqa: E712
    dated &= ~in_use
    check = new_check(
        "suspected_idle",
        rule.clause,
        "exclusion",
        p.applies(rule) & dated & ~np.isnan(p.far),
        reached & below(p.far, rule.params["max_far"]),
        json_object(
            {
                "start_date": json_strings(start.dt.strftime("%Y-%m-%d").to_numpy(dtype=object)),
                "start_from": json_strings(basis),
                "due_date": json_strings(due.dt.strftime("%Y-%m-%d").to_numpy(dtype=object)),
                "far": json_numbers(p.far),
            }
        ),
        json_object(
            {
                "years": json_numbers(np.full(p.n, years)),
                "max_far": json_numbers(np.full(p.n, rule.params["max_far"])),
            }
        ),
        p.cite(rule),
        p.without_buildings(rule) & dated,
    )
    check.met_note = SUSPECTED_IDLE_NOTE
    return check


@_registered(CRITERIA, "use_not_conforming")
def use_not_conforming(rule: Rule, p: Parcels) -> Check | None:
    """N-12 用途不合理: the current use's 一级类 differs from the planned use's (only with a
    plan layer; planned classes listed in ``ignore_plan_codes`` are not tested)."""
    if p.plan_code is None:
        return None
    current = codes.to_landuse_2023(pd.Series(p.frame["current_dlbm"].to_numpy()))
    current_l1 = _per_distinct(current["landuse_code"], codes.landuse_level1)
    plan_l1 = _per_distinct(pd.Series(p.plan_code, dtype=object), codes.landuse_level1)
    ignored = np.isin(plan_l1.astype(str), list(rule.params["ignore_plan_codes"]))
    return new_check(
        rule.id,
        rule.clause,
        "criterion",
        p.applies(rule) & pd.notna(current_l1) & pd.notna(plan_l1) & ~ignored,
        current_l1 != plan_l1,
        json_strings(current["landuse_code"].to_numpy(dtype=object)),
        json_strings(p.plan_code),
        p.cite(rule),
    )


@_registered(CRITERIA, "urban_village")
def urban_village(rule: Rule, p: Parcels) -> Check | None:
    """Y-1 布局散乱: a village parcel whose dominant 三调 CZCSXM is urban (城中村; only with
    a 三调 layer)."""
    if p.czcsxm is None:
        return None
    attr = pd.Series(p.czcsxm, dtype=object)
    listed = list(rule.params["urban_czcsxm"])
    return new_check(
        rule.id,
        rule.clause,
        "criterion",
        p.applies(rule) & attr.notna().to_numpy(),
        attr.str[:3].isin(listed).to_numpy(dtype=bool),
        json_strings(attr.to_numpy()),
        json_const(json.dumps(listed), p.n),
        p.cite(rule),
    )


# ------------------------------------------------------------------- exemptions


@_registered(EXEMPTIONS, "above_scale")
def above_scale(rule: Rule, p: Parcels) -> Check:
    """Y-1: 规上企业 are not identified as low-efficiency."""
    flag = flag_series(p.frame, "above_scale")
    met = flag.fillna(False).to_numpy(bool)
    return _flag_check(rule, "exemption", p.applies(rule), flag, met, p.cite(rule))


@_registered(EXEMPTIONS, "young_enterprise")
def young_enterprise(rule: Rule, p: Parcels) -> Check:
    """Y-1: an enterprise operating fewer than ``min_years`` (投产不满 3 年) is exempt."""
    years = numbers(p.frame, "years_operating")
    return _number_check(
        rule, "exemption", p.applies(rule), below, years, rule.params["min_years"], p.cite(rule)
    )


@_registered(EXEMPTIONS, "strategic_industry")
def strategic_industry(rule: Rule, p: Parcels) -> Check | None:
    """Y-1: listed strategic industries are exempt (no check while the list is empty)."""
    listed = list(rule.params["industry_codes"])
    if not listed:
        return None
    frame = p.frame
    industry = frame["industry_code"] if "industry_code" in frame.columns else None
    industry = pd.Series([None] * p.n) if industry is None else industry
    return _listed_check(
        rule, "exemption", p.applies(rule), industry.reset_index(drop=True), listed, p.cite(rule)
    )


# ------------------------------------------------------------ profile → checks


def _rule_checks(
    rules: Mapping[str, Rule], registry: dict[str, RuleCheck], group: str, parcels: Parcels
) -> list[Check]:
    """The checks of a profile's ``rules``, in the registry's order; a rule id the profile
    has and no function measures (or the reverse) is an input error."""
    unknown = sorted(set(rules) - set(registry))
    missing = [rule_id for rule_id in registry if rule_id not in rules]
    if unknown or missing:
        raise LowlandInputError(
            f"规则档案的 {group} 与程序不符 / the profile's {group} do not match the rules "
            f"this version measures: unknown {unknown}, missing {missing}; "
            f"allowed: {list(registry)}"
        )
    checks = [measure(rules[rule_id], parcels) for rule_id, measure in registry.items()]
    return [c for c in checks if c is not None]


def criterion_checks(parcels: Parcels, profile: Profile) -> list[Check]:
    """The profile's criteria (any met and not exempted → low-efficiency); the stalled
    development check comes back as an exclusion (``kind``), see
    :func:`stalled_development`."""
    parcels.profile = profile
    return _rule_checks(profile.rules, CRITERIA, "rules", parcels)


def exemption_checks(parcels: Parcels, profile: Profile) -> list[Check]:
    """The profile's exemptions (e.g. 规上企业, 投产不满 3 年)."""
    return _rule_checks(profile.exemptions, EXEMPTIONS, "exemptions", parcels)
