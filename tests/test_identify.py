"""低效用地认定, hand-computed: every criterion at its threshold (equal, just below, just
above), every exclusion and exemption, type per 三调 class family, composite codes,
a parcel straddling two 三调 classes, parcels without buildings."""

from __future__ import annotations

import datetime as dt
import json

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
import shapely.affinity

from lowland_under_test.lowland_plugin.core.common.profiles import load_profile
from lowland_under_test.lowland_plugin.core.identify.identification import (
    identify_parcels,
)

CRS = "EPSG:4544"
REFERENCE = dt.date(2025, 6, 30)
SIDE = 100.0  # every test parcel is 100 m x 100 m = 10000 m² = 15 亩


def parcel_rows(rows: list[dict]) -> gpd.GeoDataFrame:
    """One 100 m square per row, side by side along x; defaults of a plain, supplied,
    operating industrial parcel; each row overrides what it tests."""
    base = {
        "parcel_id": None,
        "dlbm": "0601",
        "owner": "银川某实业有限公司",
        "tenure": "granted",
        "supply_status": "supplied",
        "idle": False,
        "disputed": False,
        "industry_code": None,
        "tax_per_mu": None,
        "years_operating": 10,
        "above_scale": False,
        "operating": True,
        "contract_date": None,
    }
    data = [{**base, "parcel_id": f"T{i}", **row} for i, row in enumerate(rows)]
    frame = pd.DataFrame(data)
    for flag in ("idle", "disputed", "above_scale", "operating"):
        frame[flag] = frame[flag].astype("boolean")
    frame["years_operating"] = frame["years_operating"].astype("Int64")
    frame["tax_per_mu"] = frame["tax_per_mu"].astype("float64")
    geoms = [shapely.box(i * 200, 0, i * 200 + SIDE, SIDE) for i in range(len(rows))]
    return gpd.GeoDataFrame(frame, geometry=geoms, crs=CRS)


def building_for(
    index: int, gfa: float, coverage: float = 0.4, grade: str = "A", year: int = 2010
) -> dict:
    """A building on test parcel ``index`` with the given GFA and footprint share."""
    width = SIDE * coverage
    x0 = index * 200
    return {
        "geometry": shapely.box(x0, 0, x0 + width, SIDE),
        "gfa": gfa,
        "floors": None,
        "year_built": year,
        "danger_grade": grade,
    }


def buildings_frame(rows: list[dict]) -> gpd.GeoDataFrame:
    frame = pd.DataFrame([{k: v for k, v in r.items() if k != "geometry"} for r in rows])
    frame["floors"] = frame["floors"].astype("Int64")
    frame["year_built"] = frame["year_built"].astype("Int64")
    return gpd.GeoDataFrame(frame, geometry=[r["geometry"] for r in rows], crs=CRS)


#: Test geometries are drawn near the origin and moved to 银川 (EPSG:4544) here.
OFFSET = (607_000.0, 4_262_000.0)


def at_yinchuan(gdf):
    if gdf is None:
        return None
    return gdf.set_geometry(gdf.geometry.translate(*OFFSET))


def identify(parcels, buildings=None, profile="default", **layers):
    return identify_parcels(
        at_yinchuan(parcels),
        load_profile(profile),
        buildings=at_yinchuan(buildings),
        reference_date=REFERENCE,
        **{k: at_yinchuan(v) for k, v in layers.items()},
    ).table


def reason(table: pd.DataFrame, row: int, rule: str) -> dict | None:
    items = [r for r in json.loads(table["reasons"].iloc[row]) if r["rule"] == rule]
    assert len(items) <= 1
    return items[0] if items else None


# ------------------------------------------------------------------ criteria


def test_far_below_industry_minimum_at_the_threshold():
    # industry 13 → minimum 1.0 (《工业项目建设用地控制指标》2008); GFA / 10000 m².
    # The threshold is now an object (Y-1, issue 16: the reason names the code as read,
    # the table row and its source); its "value" is the number it was before.
    parcels = parcel_rows([{"industry_code": "13"}] * 3)
    b = buildings_frame([building_for(0, 10000), building_for(1, 9999), building_for(2, 10001)])
    t = identify(parcels, b)
    for row, far, met in ((0, 1.0, False), (1, 0.9999, True), (2, 1.0001, False)):
        r = reason(t, row, "far_below_min")
        assert r["value"] == pytest.approx(far) and r["threshold"]["value"] == 1.0
        assert r["met"] is met and r["clause"] == "Y-1"
    assert t["verdict"].tolist() == ["not_lowland", "lowland", "not_lowland"]
    assert t["lowland_type"].tolist() == [None, "industrial", None]


def test_industry_table_before_type_minimum():
    # 26 → 0.6 in the 2008 table; 99 is not in the table → type minimum 1.0 (金华).
    parcels = parcel_rows([{"industry_code": "26"}, {"industry_code": "99"}])
    b = buildings_frame([building_for(0, 7500), building_for(1, 7500)])
    t = identify(parcels, b)
    # (threshold object: see test_far_below_industry_minimum_at_the_threshold)
    assert reason(t, 0, "far_below_min")["threshold"]["value"] == 0.6
    assert reason(t, 0, "far_below_min")["met"] is False
    assert reason(t, 1, "far_below_min")["threshold"]["value"] == 1.0
    assert reason(t, 1, "far_below_min")["met"] is True


def test_building_coverage_at_30_percent():
    parcels = parcel_rows([{"industry_code": "13"}] * 3)
    b = buildings_frame(
        [building_for(i, 12000, coverage=c) for i, c in enumerate((0.30, 0.29, 0.31))]
    )
    t = identify(parcels, b)
    assert [reason(t, i, "coverage_below_min")["met"] for i in range(3)] == [False, True, False]


def test_building_coverage_counts_structures_and_yards():
    # 建筑系数 (工业项目建设用地控制指标) = (buildings + structures + yards) / site area.
    # Parcel 100 × 100 = 10000 m², building 25 × 100 = 2500 m² footprint (density 0.25 <
    # 0.30; GFA 12500 → FAR 1.25 ≥ 1.0); with 400 m² of tanks and 100 m² of yard:
    # (2500 + 400 + 100) / 10000 = 0.30 → not below the minimum 0.30 (inclusive)
    parcels = parcel_rows([{"industry_code": "13"}, {"industry_code": "13"}])
    parcels["structure_area_m2"] = [400.0, None]
    parcels["yard_area_m2"] = [100.0, None]
    buildings = buildings_frame([building_for(i, 12500, coverage=0.25) for i in (0, 1)])
    t = identify(parcels, buildings)
    first, second = reason(t, 0, "coverage_below_min"), reason(t, 1, "coverage_below_min")
    assert (first["value"], first["met"]) == (0.3, False)
    assert (second["value"], second["met"]) == (0.25, True)  # empty fields add nothing


def test_tax_below_40_percent_of_same_industry_mean():
    # industry 30: equal areas, taxes 12, 8, 25, 35 → mean 20 → threshold 8.0 (strict <).
    # industry 31: taxes 7.99, 20, 20, 32 → mean 20 → 7.99 < 8 met.
    # industry 32: only two parcels → fewer than min_peers 3 → not tested.
    taxes = [
        ("30", 12),
        ("30", 8),
        ("30", 25),
        ("30", 35),
        ("31", 7.99),
        ("31", 20),
        ("31", 20),
        ("31", 32),
        ("32", 1),
        ("32", 50),
    ]
    parcels = parcel_rows([{"industry_code": c, "tax_per_mu": v} for c, v in taxes])
    b = buildings_frame([building_for(i, 15000) for i in range(len(taxes))])
    t = identify(parcels, b)
    r = reason(t, 1, "tax_below_industry_share")
    assert r["value"] == 8 and r["threshold"]["value"] == pytest.approx(8.0)
    assert r["threshold"]["industry_mean"] == pytest.approx(20.0) and r["met"] is False
    assert reason(t, 4, "tax_below_industry_share")["met"] is True
    assert reason(t, 0, "tax_below_industry_share")["met"] is False
    assert reason(t, 8, "tax_below_industry_share") is None
    assert t["verdict"].iloc[1] == "not_lowland" and t["verdict"].iloc[4] == "lowland"


def test_absolute_tax_minimum_is_off_until_a_profile_sets_it(tmp_path):
    parcels = parcel_rows([{"industry_code": "13", "tax_per_mu": 0.5}])
    b = buildings_frame([building_for(0, 15000)])
    assert reason(identify(parcels, b), 0, "tax_below_min") is None
    data = json.loads(
        load_profile("default").path and open(load_profile("default").path, encoding="utf-8").read()
    )
    data["rules"]["tax_below_min"]["enabled"] = True
    data["rules"]["tax_below_min"]["params"]["min_tax_per_mu"]["value"] = 0.5
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    r = reason(identify(parcels, b, profile=str(path)), 0, "tax_below_min")
    assert r["threshold"] == 0.5 and r["met"] is False  # 0.5 is not below 0.5


def test_danger_share_at_50_percent_inclusive():
    # each parcel: a C/D building and an A building; share of GFA in C/D.
    rows, parcels_spec = [], []
    for i, (cd, ok) in enumerate(((5000, 5000), (4900, 5100), (5100, 4900))):
        x0 = i * 200
        rows.append(
            {
                "geometry": shapely.box(x0, 0, x0 + 20, SIDE),
                "gfa": cd,
                "floors": None,
                "year_built": 1990,
                "danger_grade": "C",
            }
        )
        rows.append(
            {
                "geometry": shapely.box(x0 + 30, 0, x0 + 50, SIDE),
                "gfa": ok,
                "floors": None,
                "year_built": 2010,
                "danger_grade": "A",
            }
        )
        parcels_spec.append({"industry_code": "13"})
    t = identify(parcel_rows(parcels_spec), buildings_frame(rows))
    assert [reason(t, i, "dangerous_buildings")["met"] for i in range(3)] == [True, False, True]
    assert reason(t, 0, "dangerous_buildings")["value"] == 0.5


def test_old_residential_with_low_far():
    # 0701 城镇住宅: newest building before 2000 AND FAR < 1.0.
    spec = [(1999, 9900), (2000, 9900), (1999, 10000)]
    parcels = parcel_rows([{"dlbm": "0701"}] * 3)
    b = buildings_frame([building_for(i, g, year=y) for i, (y, g) in enumerate(spec)])
    t = identify(parcels, b)
    assert [reason(t, i, "old_residential_low_far")["met"] for i in range(3)] == [
        True,
        False,
        False,
    ]
    assert t["lowland_type"].iloc[0] == "commercial_residential"
    assert reason(t, 0, "far_below_min") is None  # an industrial rule: not tested on housing


def test_stopped_operation():
    parcels = parcel_rows(
        [{"industry_code": "13", "operating": False}, {"industry_code": "13", "operating": None}]
    )
    b = buildings_frame([building_for(0, 15000), building_for(1, 15000)])
    t = identify(parcels, b)
    assert reason(t, 0, "stopped_operation")["met"] is True
    assert reason(t, 1, "stopped_operation") is None  # unknown: not tested, not guessed
    assert t["verdict"].tolist() == ["lowland", "not_lowland"]


def test_stalled_development_two_years_after_contract():
    # reference 2025-06-30; 2 calendar years after the contract (anniversary counting, as
    # checks/land_price): 2023-06-29 + 2 y = 2025-06-29 ≤ 2025-06-30 → reached;
    # 2023-07-01 + 2 y = 2025-07-01 > 2025-06-30 → not yet. FAR = 500 / 10000 = 0.05 < 0.1.
    # Y-1 leaves 闲置 land out (《闲置土地处置办法》第二条): the parcel is excluded as suspected
    # idle pending review (rule suspected_idle), no longer 低效 (issue 16, audit item 8).
    dates = [dt.date(2023, 6, 29), dt.date(2023, 7, 1), dt.date(2022, 1, 1)]
    # operating unknown (nothing runs on land not yet developed)
    rows = [{"dlbm": "05H1", "contract_date": d, "operating": None} for d in dates]
    parcels = parcel_rows(rows)
    b = buildings_frame([building_for(0, 500), building_for(1, 500), building_for(2, 1000)])
    t = identify(parcels, b)
    met = [reason(t, i, "suspected_idle")["met"] for i in range(3)]
    assert met == [True, False, False]  # the third has FAR 0.1, not below 0.1
    assert reason(t, 0, "suspected_idle")["kind"] == "exclusion"
    assert "待核查" in reason(t, 0, "suspected_idle")["note"]
    assert reason(t, 0, "stalled_development") is None  # not a criterion of 低效 any more
    assert t["verdict"].tolist() == ["excluded", "not_lowland", "not_lowland"]


def _stalled_on(start: dict, reference: dt.date) -> tuple[str, dict]:
    parcels = parcel_rows([{"dlbm": "05H1", "operating": None, **start}])
    b = buildings_frame([building_for(0, 500)])  # FAR 0.05 < 0.1
    t = identify_parcels(
        at_yinchuan(parcels),
        load_profile("default"),
        buildings=at_yinchuan(b),
        reference_date=reference,
    ).table
    return t["verdict"].iloc[0], reason(t, 0, "suspected_idle")


@pytest.mark.parametrize(
    ("start", "reference", "verdict"),
    [
        # 2021-05-01 + 2 calendar years = 2023-05-01: the day before is not yet
        (dt.date(2021, 5, 1), dt.date(2023, 4, 30), "not_lowland"),
        (dt.date(2021, 5, 1), dt.date(2023, 5, 1), "excluded"),
        # 2020-02-29 + 2 years = 2022-02-28 (no 29 Feb in 2022; 《民法典》第二百零二条)
        (dt.date(2020, 2, 29), dt.date(2022, 2, 27), "not_lowland"),
        (dt.date(2020, 2, 29), dt.date(2022, 2, 28), "excluded"),
    ],
)
def test_stalled_counts_calendar_anniversaries(start, reference, verdict):
    got, r = _stalled_on({"contract_date": start}, reference)
    assert got == verdict
    assert r["met"] is (verdict == "excluded")
    assert r["value"]["start_from"] == "contract_date"


def test_an_operating_enterprise_is_not_suspected_idle():
    # 2021-05-01 + 2 y = 2023-05-01 reached, FAR 0.05 < 0.1, but operating: land in use, not
    # 未动工开发 → no suspected_idle; commercial 05H1 has no other criterion met
    got, r = _stalled_on(
        {"contract_date": dt.date(2021, 5, 1), "operating": True}, dt.date(2024, 1, 1)
    )
    assert got == "not_lowland" and r is None


def test_stalled_counts_from_the_agreed_start_date_when_given():
    # contract 2021-01-10, agreed start 2021-05-01 → due 2023-05-01 (not 2023-01-10)
    start = {"contract_date": dt.date(2021, 1, 10), "agreed_start_date": dt.date(2021, 5, 1)}
    got, r = _stalled_on(start, dt.date(2023, 4, 30))
    assert got == "not_lowland" and r["value"]["start_from"] == "agreed_start_date"
    assert r["value"]["due_date"] == "2023-05-01"
    got, r = _stalled_on(start, dt.date(2023, 5, 1))
    assert got == "excluded" and r["met"] is True


# ------------------------------------------------------- exclusions, exemptions


@pytest.mark.parametrize(
    ("override", "rule"),
    [
        ({"supply_status": "approved_unsupplied"}, "approved_unsupplied"),
        ({"idle": True}, "idle"),
        ({"disputed": True}, "disputed"),
        ({"dlbm": "0103"}, "non_construction_land"),
        ({"owner": None}, "owner_unknown"),  # Y-1 权属清晰 / N-13 主体明确
        ({"owner": "  "}, "owner_unknown"),
    ],
)
def test_exclusions(override, rule):
    parcels = parcel_rows([{"industry_code": "13", **override}])
    t = identify(parcels, None)  # no buildings: FAR 0 would make it low-efficiency
    assert t["verdict"].iloc[0] == "excluded"
    assert t["lowland_type"].iloc[0] is None
    assert reason(t, 0, rule)["met"] is True


def test_without_an_owner_field_ownership_is_not_tested_and_warned_once():
    # Y-1 / N-13: no owner column at all → the rule is not tested (never "met"), one warning
    parcels = parcel_rows([{"industry_code": "13"}, {"industry_code": "13"}]).drop(columns="owner")
    result = identify_parcels(
        at_yinchuan(parcels), load_profile("default"), reference_date=REFERENCE
    )
    assert result.table["verdict"].tolist() == ["not_lowland", "not_lowland"]
    assert reason(result.table, 0, "owner_unknown")["met"] is None
    assert len([w for w in result.warnings if "owner" in w and "权属清晰" in w]) == 1


def test_exemptions_above_scale_and_young_enterprise():
    parcels = parcel_rows(
        [
            {"industry_code": "13", "above_scale": True},
            {"industry_code": "13", "years_operating": 2},
            {"industry_code": "13", "years_operating": 3},
        ]
    )
    b = buildings_frame([building_for(i, 5000) for i in range(3)])  # FAR 0.5 < 1.0
    t = identify(parcels, b)
    assert [reason(t, i, "far_below_min")["met"] for i in range(3)] == [True, True, True]
    assert reason(t, 0, "above_scale")["met"] is True
    assert reason(t, 1, "young_enterprise")["met"] is True
    assert reason(t, 2, "young_enterprise")["met"] is False
    assert t["verdict"].tolist() == ["not_lowland", "not_lowland", "lowland"]


def _two_buildings(index: int, gfa_d: float, gfa_a: float) -> list[dict]:
    """A D-grade and an A-grade building side by side on test parcel ``index`` (each 20 %
    of the parcel's footprint: density 0.4 ≥ 0.3)."""
    d = building_for(index, gfa_d, coverage=0.2, grade="D")
    a = building_for(index, gfa_a, coverage=0.2, grade="A")
    a["geometry"] = shapely.affinity.translate(a["geometry"], SIDE * 0.5, 0)
    return [d, a]


def test_exemptions_exempt_only_the_criteria_they_name():
    # issue 16 / audit item 7: 规上企业 etc. are spared the efficiency criteria (exempts of
    # the profile), never 建筑危旧. All parcels industry 13 (FAR minimum 1.0), 规上.
    # row 0: D 2500 + A 2500 m² → FAR 5000/10000 = 0.5 < 1.0 (exempted), danger share
    #        2500 / 5000 = 0.50 ≥ 0.5 → lowland by dangerous_buildings;
    # row 1: D 2499 + A 2501 → share 0.4998 < 0.5, FAR 0.5 exempted → not_lowland;
    # row 2 (audit E1 A5): one D building, 100 % → lowland although 规上.
    parcels = parcel_rows([{"industry_code": "13", "above_scale": True}] * 3)
    b = buildings_frame(
        [
            *_two_buildings(0, 2500, 2500),
            *_two_buildings(1, 2499, 2501),
            building_for(2, 5000, grade="D"),
        ]
    )
    t = identify(parcels, b)
    assert [reason(t, i, "far_below_min")["met"] for i in range(3)] == [True, True, True]
    assert [reason(t, i, "dangerous_buildings")["met"] for i in range(3)] == [True, False, True]
    assert reason(t, 0, "dangerous_buildings")["value"] == pytest.approx(0.5)
    assert reason(t, 1, "dangerous_buildings")["value"] == pytest.approx(0.4998)
    assert t["verdict"].tolist() == ["lowland", "not_lowland", "lowland"]


def test_exemption_exempts_what_a_user_profile_lists(tmp_path):
    # a city that exempts 规上企业 from 建筑危旧 as well says so in exempts: row 2 above
    # (100 % D, FAR 0.5) is then not_lowland
    data = json.loads(open(load_profile("default").path, encoding="utf-8").read())
    exempts = data["exemptions"]["above_scale"]["params"]["exempts"]["value"]
    data["exemptions"]["above_scale"]["params"]["exempts"]["value"] = [
        *exempts,
        "dangerous_buildings",
    ]
    path = tmp_path / "exempt_all.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    parcels = parcel_rows([{"industry_code": "13", "above_scale": True}])
    t = identify(parcels, buildings_frame([building_for(0, 5000, grade="D")]), profile=str(path))
    assert t["verdict"].tolist() == ["not_lowland"]


def test_danger_share_by_building_count_from_the_profile(tmp_path):
    # audit E1 A10: D 100 m² + A 12250 m² on one parcel (industry 13, FAR 1.235 ≥ 1.0).
    # floor area (default): 100 / 12350 = 0.0081 < 0.5 → not_lowland;
    # building count (profile local danger_basis): 1 D of 2 = 0.5 ≥ 0.5 → lowland.
    data = json.loads(open(load_profile("default").path, encoding="utf-8").read())
    data["local"]["danger_basis"]["value"] = "building_count"
    path = tmp_path / "by_count.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    parcels = parcel_rows([{"industry_code": "13"}])
    b = buildings_frame(_two_buildings(0, 100, 12250))
    by_area = identify(parcels, b)
    assert reason(by_area, 0, "dangerous_buildings")["value"] == pytest.approx(0.0081)
    assert by_area["verdict"].tolist() == ["not_lowland"]
    by_count = identify(parcels, b, profile=str(path))
    r = reason(by_count, 0, "dangerous_buildings")
    assert r["value"] == 0.5 and r["met"] is True
    assert "本插件默认取值" in r["source"]  # danger_basis is a local choice, cited
    assert by_count["verdict"].tolist() == ["lowland"]


def test_no_buildings_layer_leaves_building_criteria_untested():
    # issue 16 / audit item 1: industrial parcel (industry 13), no BUILDINGS layer → FAR
    # unknown, far_below_min and coverage_below_min not tested (met null, reason says why),
    # verdict from the other criteria only: tax not given → not_lowland.
    # With a BUILDINGS layer holding no building on the parcel: FAR 0 / 10000 = 0 < 1.0 →
    # lowland (a measurement).
    parcels = parcel_rows([{"industry_code": "13"}, {"industry_code": "13", "operating": False}])
    result = identify_parcels(
        at_yinchuan(parcels), load_profile("default"), reference_date=REFERENCE
    )
    t = result.table
    assert t["far"].isna().all() and t["building_density"].isna().all()
    for rule in ("far_below_min", "coverage_below_min", "dangerous_buildings"):
        r = reason(t, 0, rule)
        assert r["met"] is None and r["value"] is None and "未提供建筑图层" in r["note"], rule
    assert reason(t, 0, "far_below_min")["threshold"]["value"] == 1.0
    assert t["verdict"].tolist() == ["not_lowland", "lowland"]  # row 1: stopped operation
    assert len([w for w in result.warnings if "未提供建筑图层" in w]) == 1
    elsewhere = buildings_frame([building_for(5, 1000)])  # on no test parcel
    t = identify(parcels.iloc[:1], elsewhere)
    assert t["far"].tolist() == [0.0]
    assert reason(t, 0, "far_below_min")["met"] is True
    assert t["verdict"].tolist() == ["lowland"]


def test_pending_values_are_warned_once_naming_each():
    # the yinchuan profile takes its thresholds from other cities (pending): one warning
    # naming e.g. far_below_min.min_far (tested: FAR 0.5)
    parcels = parcel_rows([{"industry_code": "13"}])
    b = buildings_frame([building_for(0, 5000)])
    result = identify_parcels(
        at_yinchuan(parcels),
        load_profile("yinchuan"),
        buildings=at_yinchuan(b),
        reference_date=REFERENCE,
    )
    pending = [w for w in result.warnings if "未采用" in w]
    assert len(pending) == 1
    assert "far_below_min.min_far" in pending[0]
    result = identify_parcels(
        at_yinchuan(parcels),
        load_profile("default"),
        buildings=at_yinchuan(b),
        reference_date=REFERENCE,
    )
    pending = [w for w in result.warnings if "未采用" in w]
    # default: danger_basis (local choice) was used; min_peers (local choice) was not — no
    # parcel has a tax value, so tax_below_industry_share was tested nowhere
    assert len(pending) == 1 and "danger_basis = floor_area" in pending[0]
    assert "min_peers" not in pending[0]


def test_same_industry_tax_mean_from_the_profile_reference(tmp_path):
    # reference 13 → 20 万元/亩, share 0.4 → threshold 8.0: tax 7.99 < 8 met, 8.0 not met;
    # without the reference: 2 peers < min_peers 3 → no mean, not tested.
    parcels = parcel_rows(
        [{"industry_code": "13", "tax_per_mu": 7.99}, {"industry_code": "13", "tax_per_mu": 8.0}]
    )
    b = buildings_frame([building_for(0, 15000), building_for(1, 15000)])  # FAR 1.5
    assert reason(identify(parcels, b), 0, "tax_below_industry_share") is None
    data = json.loads(open(load_profile("default").path, encoding="utf-8").read())
    data["local"]["same_industry_tax_reference"]["value"] = {"13": 20.0}
    path = tmp_path / "ref.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    t = identify(parcels, b, profile=str(path))
    r0, r1 = (reason(t, i, "tax_below_industry_share") for i in range(2))
    assert r0["threshold"]["value"] == pytest.approx(8.0)
    assert r0["threshold"]["mean_from"] == "profile_reference"
    assert (r0["met"], r1["met"]) == (True, False)
    assert t["verdict"].tolist() == ["lowland", "not_lowland"]


# ------------------------------------------------------------- type mapping


@pytest.mark.parametrize(
    ("dlbm", "kind"),
    [
        ("0601", "industrial"),
        ("0508", "industrial"),
        ("0702", "village"),
        ("0701", "commercial_residential"),
        ("05H1", "commercial_residential"),
        ("05h1", "commercial_residential"),
        ("08H1", "facility"),
        ("08H2", "facility"),
        ("0809", "facility"),
    ],
)
def test_type_by_current_use(dlbm, kind):
    t = identify(parcel_rows([{"dlbm": dlbm}]), None)
    assert t["current_type"].iloc[0] == kind
    assert t["land_category"].iloc[0] == "construction"


@pytest.mark.parametrize("dlbm", ["0101", "0103", "0201", "1006", "1202"])
def test_agricultural_classes_are_excluded(dlbm):
    t = identify(parcel_rows([{"dlbm": dlbm}]), None)
    assert t["land_category"].iloc[0] == "agricultural"
    assert t["verdict"].iloc[0] == "excluded"


def test_parcel_straddling_two_survey_classes():
    # 60 % of the parcel lies in a 0601 patch, 40 % in a 0508 patch.
    parcels = parcel_rows([{"dlbm": None, "industry_code": "13"}])
    survey = gpd.GeoDataFrame(
        {"dlbm": ["0601", "0508"], "czcsxm": ["201A", "201"]},
        geometry=[shapely.box(0, 0, 60, 100), shapely.box(60, 0, 200, 100)],
        crs=CRS,
    )
    t = identify(parcels, None, landsurvey=survey)
    assert t["current_dlbm"].iloc[0] == "0601"
    assert json.loads(t["survey_shares"].iloc[0]) == {"0601": 0.6, "0508": 0.4}
    assert t["czcsxm"].iloc[0] == "201A"
    assert t["current_type"].iloc[0] == "industrial"


def test_survey_class_overrides_the_parcels_own_code():
    parcels = parcel_rows([{"dlbm": "0601"}])
    survey = gpd.GeoDataFrame(
        {"dlbm": ["0103"], "czcsxm": [None]}, geometry=[shapely.box(-10, -10, 110, 110)], crs=CRS
    )
    t = identify(parcels, None, landsurvey=survey)
    assert t["current_dlbm"].iloc[0] == "0103" and t["verdict"].iloc[0] == "excluded"


def test_urban_village_by_czcsxm():
    parcels = parcel_rows([{"dlbm": "0702"}, {"dlbm": "0702"}])
    survey = gpd.GeoDataFrame(
        {"dlbm": ["0702", "0702"], "czcsxm": ["201", "203"]},
        geometry=[shapely.box(-1, -1, 101, 101), shapely.box(199, -1, 301, 101)],
        crs=CRS,
    )
    b = buildings_frame([building_for(0, 15000), building_for(1, 15000)])
    t = identify(parcels, b, landsurvey=survey)
    assert reason(t, 0, "urban_village")["met"] is True
    assert reason(t, 1, "urban_village")["met"] is False
    assert t["lowland_type"].tolist() == ["village", None]


def test_use_not_conforming_to_the_plan():
    # industrial (三调 0601 → 用地用海 10 工矿) under residential plan (0701) → 用途不合理.
    parcels = parcel_rows([{"industry_code": "13"}, {"industry_code": "13"}])
    plan = gpd.GeoDataFrame(
        {"plan_code": ["0701", "100101"]},
        geometry=[shapely.box(-1, -1, 101, 101), shapely.box(199, -1, 301, 101)],
        crs=CRS,
    )
    b = buildings_frame([building_for(0, 15000), building_for(1, 15000)])
    t = identify(parcels, b, plan=plan)
    r0, r1 = reason(t, 0, "use_not_conforming"), reason(t, 1, "use_not_conforming")
    assert r0["met"] is True and r0["threshold"] == "0701" and r0["clause"] == "N-12"
    assert r1["met"] is False
    assert t["plan_code"].tolist() == ["0701", "100101"]


# ------------------------------------------------------------------- output


def test_every_parcel_is_explained_and_recorded():
    parcels = parcel_rows([{"industry_code": "13"}, {"dlbm": "0701"}, {"idle": True}])
    b = buildings_frame([building_for(0, 15000), building_for(1, 25000)])
    t = identify(parcels, b)
    assert len(t) == 3 and t.index.equals(parcels.index)
    for row in range(3):
        items = json.loads(t["reasons"].iloc[row])
        assert items, "every parcel carries its reasons"
        for item in items:
            # issue 16: a rule reading profile numbers cites their source beside the clause
            assert set(item) - {"source"} == {"rule", "clause", "kind", "value", "threshold", "met"}
            if item["kind"] != "exclusion" and item["rule"] != "stopped_operation":
                assert item["source"], item
            assert item["clause"][:2] in ("Y-", "N-")
    assert t["review_status"].unique().tolist() == ["pending"]
    assert t["profile_id"].unique().tolist() == ["default"]
    assert t["profile_version"].unique().tolist() == ["1.2.0"]
    # 1 亩 = 10000/15 m²; ellipsoidal area slightly below the Gauss-Kruger plane area
    assert t["area_mu"].iloc[0] == pytest.approx(15.0)
    # (银川 lies ≈107 km east of CM 105E: the plane area is ≈1.00028x the ellipsoidal)
    assert t["ellipsoid_area_m2"].iloc[0] / t["area_m2"].iloc[0] == pytest.approx(
        1 / 1.00028, rel=2e-5
    )


def test_summary_counts_and_areas():
    parcels = parcel_rows([{"industry_code": "13"}, {"industry_code": "13"}, {"idle": True}])
    b = buildings_frame([building_for(1, 15000)])
    result = identify_parcels(
        at_yinchuan(parcels),
        load_profile("default"),
        buildings=at_yinchuan(b),
        reference_date=REFERENCE,
    )
    s = result.summary.set_index(["verdict", "current_type"])
    assert s.loc[("lowland", "industrial"), "parcel_count"] == 1
    assert s.loc[("excluded", "all"), "area_mu"] == pytest.approx(15.0)
    assert s.loc[("all", "all"), "parcel_count"] == 3
    assert s.loc[("all", "all"), "area_ha"] == pytest.approx(3.0)


def test_yinchuan_profile_marks_pending_values():
    profile = load_profile("yinchuan")
    assert profile.rules["far_below_min"].sources["min_far"] == "yinchuan_pending"
    assert "yinchuan_pending" in profile.sources
    t = identify(parcel_rows([{"industry_code": "13"}]), None, profile="yinchuan")
    assert t["profile_id"].iloc[0] == "yinchuan"


def test_inputs_are_not_modified():
    parcels = parcel_rows([{"industry_code": "13"}])
    before = parcels.copy()
    identify(parcels, None)
    pd.testing.assert_frame_equal(parcels, before)
    assert not np.any(parcels.columns.isin(["verdict", "reasons"]))


def test_logistics_is_judged_by_its_warehouses_not_by_the_industrial_far():
    # 0508 物流仓储: skip_dlbm of far_below_min / coverage_below_min (金华: 危旧库房 ≥ 50 %).
    parcels = parcel_rows([{"dlbm": "0508"}, {"dlbm": "0508"}])
    b = buildings_frame([building_for(0, 3000, grade="A"), building_for(1, 3000, grade="D")])
    t = identify(parcels, b)
    assert reason(t, 0, "far_below_min") is None and reason(t, 0, "coverage_below_min") is None
    assert t["verdict"].tolist() == ["not_lowland", "lowland"]
    assert t["lowland_type"].iloc[1] == "industrial"


def test_strategic_industry_exemption_from_a_user_profile(tmp_path):
    data = json.loads(open(load_profile("default").path, encoding="utf-8").read())
    data["exemptions"]["strategic_industry"]["params"]["industry_codes"]["value"] = ["39"]
    path = tmp_path / "strategic.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    parcels = parcel_rows([{"industry_code": "39"}, {"industry_code": "13"}])
    # FAR 5000 / 10000 = 0.5, below both minimums (0.7 for 39, 1.0 for 13); issue 16: no
    # longer "no buildings → FAR 0", which is now unknown and not tested
    b = buildings_frame([building_for(0, 5000), building_for(1, 5000)])
    t = identify(parcels, b, profile=str(path))
    assert reason(t, 0, "strategic_industry")["met"] is True
    assert reason(t, 1, "strategic_industry")["met"] is False
    assert t["verdict"].tolist() == ["not_lowland", "lowland"]
    # the bundled default lists no strategic industry: the check is not made at all
    assert reason(identify(parcels, b), 0, "strategic_industry") is None


@pytest.mark.parametrize(("dlbm", "kind"), [("0810A", "facility"), ("08H2A", "facility")])
def test_three_level_composite_codes(dlbm, kind):
    t = identify(parcel_rows([{"dlbm": dlbm}]), None)
    assert t["land_category"].iloc[0] == "construction"
    assert t["current_type"].iloc[0] == kind
    assert t["current_dlbm"].iloc[0] == dlbm


def test_unknown_code_is_excluded_and_reported():
    parcels = parcel_rows([{"dlbm": "9999"}])
    result = identify_parcels(
        at_yinchuan(parcels), load_profile("default"), reference_date=REFERENCE
    )
    assert result.table["verdict"].iloc[0] == "excluded"
    assert any("9999" in w for w in result.warnings)


def test_a_profile_rule_no_function_measures_is_an_input_error():
    import dataclasses

    from lowland_under_test.lowland_plugin.core.common.errors import LowlandInputError

    profile = load_profile("default")
    extra = dataclasses.replace(profile.rules["far_below_min"], id="far_below_dream")
    odd = dataclasses.replace(profile, rules={**profile.rules, "far_below_dream": extra})
    with pytest.raises(LowlandInputError, match="far_below_dream"):
        identify_parcels(at_yinchuan(parcel_rows([{}])), odd, reference_date=REFERENCE)


def test_reasons_built_in_row_blocks_equal_one_block(monkeypatch):
    """Issue 20: the reasons are built REASON_ROWS parcels at a time; blocks of 2 over 5
    parcels (2 + 2 + 1) give every parcel the text of one block, including a met note
    (the idle parcel), an untested note (no buildings) and a blank owner."""
    from lowland_under_test.lowland_plugin.core.identify import identification

    parcels = parcel_rows(
        [{}, {"idle": True}, {"owner": " "}, {"dlbm": "0101"}, {"contract_date": None}]
    )
    whole = identify(parcels)["reasons"].tolist()
    monkeypatch.setattr(identification, "REASON_ROWS", 2)
    blocks = identify(parcels)["reasons"].tolist()
    assert blocks == whole
    table = identify(parcels)  # still in blocks of 2: each parcel keeps its own items
    assert reason(table, 1, "idle")["met"] is True and reason(table, 0, "idle")["met"] is False
    assert reason(table, 2, "owner_unknown")["met"] is True
    assert reason(table, 4, "far_below_min")["met"] is None  # untested: no buildings, a note
    assert "note" in reason(table, 4, "far_below_min")
    assert reason(table, 3, "far_below_min") is None  # farmland: excluded before the criteria
