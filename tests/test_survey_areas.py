"""Issue 16 item 3: identification and 历史遗留用地 work by 三调 piece, not by the dominant
class (Y-1, N-12, Y-9, N-14; audit E3 L3, L4, L5, L9). Areas computed by hand."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from lowland_under_test.lowland_plugin.core.common import codes
from lowland_under_test.lowland_plugin.core.common.profiles import load_profile
from lowland_under_test.lowland_plugin.core.identify.identification import (
    current_use_from_survey,
    identify_parcels,
)
from lowland_under_test.lowland_plugin.core.identify.legacy import classify_legacy_land
from lowland_under_test.lowland_plugin.core.identify.survey_areas import (
    with_own_class_fallback,
)

CRS = "EPSG:4544"
X0, Y0 = 607_000.0, 4_262_000.0
D = dt.date


def parcel(dlbm: str = "0601") -> gpd.GeoDataFrame:
    """One 100 m × 150 m parcel = 15 000 m², no buildings (FAR 0 < 1: a lowland candidate)."""
    frame = pd.DataFrame(
        {
            "parcel_id": ["P1"],
            "dlbm": [dlbm],
            "supply_status": ["supplied"],
            "idle": pd.array([False], dtype="boolean"),
            "disputed": pd.array([False], dtype="boolean"),
            "operating": pd.array([False], dtype="boolean"),
            "above_scale": pd.array([False], dtype="boolean"),
            "years_operating": pd.array([10], dtype="Int64"),
            "lawful_approval": pd.array([False], dtype="boolean"),
            "occupied_date": [D(2005, 6, 1)],
            "erdiao_construction": pd.array([True], dtype="boolean"),
            "plan_conforming": pd.array([True], dtype="boolean"),
        }
    )
    return gpd.GeoDataFrame(frame, geometry=[shapely.box(X0, Y0, X0 + 100, Y0 + 150)], crs=CRS)


def survey(split_y: float, lower: str, upper: str) -> gpd.GeoDataFrame:
    """Two patches cutting the parcel at height ``split_y`` (patches overhang the parcel)."""
    geoms = [
        shapely.box(X0 - 10, Y0 - 10, X0 + 110, Y0 + split_y),
        shapely.box(X0 - 10, Y0 + split_y, X0 + 110, Y0 + 160),
    ]
    return gpd.GeoDataFrame({"dlbm": [lower, upper]}, geometry=geoms, crs=CRS)


def identify(parcels, patches):
    return identify_parcels(
        parcels, load_profile("default"), landsurvey=patches, reference_date=D(2025, 6, 30)
    ).table.iloc[0]


# ------------------------------------------------------------------ identification


def test_51_49_only_the_construction_part_is_lowland():
    # 0601 below y = 76.5: 100 × 76.5 = 7650 m² (51 %); 0103 above: 100 × 73.5 = 7350 m²
    row = identify(parcel(), survey(76.5, "0601", "0103"))
    assert row["construction_m2"] == pytest.approx(7650.0)
    assert row["agricultural_m2"] == pytest.approx(7350.0)
    assert row["unused_m2"] == 0.0 and row["unsurveyed_m2"] == pytest.approx(0.0)
    assert row["current_dlbm"] == "0601" and row["current_type"] == "industrial"
    assert row["verdict"] == "lowland"
    assert row["candidate_area_m2"] == pytest.approx(7650.0)
    assert row["lowland_area_m2"] == pytest.approx(7650.0)  # not 15 000: farmland stays out
    item = [i for i in json.loads(row["reasons"]) if i["rule"] == "construction_part_area"][0]
    assert item["value"]["construction"] == pytest.approx(7650.0)
    assert item["value"]["agricultural"] == pytest.approx(7350.0)


def test_49_51_mirror_keeps_its_construction_part():
    # 0601 below y = 73.5: 100 × 73.5 = 7350 m² (49 %); 0103 above: 7650 m² (dominant)
    row = identify(parcel(), survey(73.5, "0601", "0103"))
    assert row["current_dlbm"] == "0103"  # the dominant class is still reported
    assert row["land_category"] == "agricultural"
    assert row["verdict"] == "lowland"  # not excluded: it has a construction part
    assert row["current_type"] == "industrial"  # the type of its construction part (0601)
    assert row["lowland_area_m2"] == pytest.approx(7350.0)


def test_ten_percent_construction_keeps_its_1500_m2():
    # 0601 below y = 15: 100 × 15 = 1500 m² (10 %); 0103 above: 100 × 135 = 13 500 m²
    row = identify(parcel(), survey(15.0, "0601", "0103"))
    assert row["construction_m2"] == pytest.approx(1500.0)
    assert row["agricultural_m2"] == pytest.approx(13500.0)
    assert row["verdict"] == "lowland"
    assert row["candidate_area_m2"] == pytest.approx(1500.0)
    assert row["lowland_area_m2"] == pytest.approx(1500.0)


def test_all_farmland_is_excluded_with_no_candidate_area():
    row = identify(parcel(), survey(75.0, "0103", "0101"))
    assert row["verdict"] == "excluded"
    assert row["candidate_area_m2"] == 0.0 and row["lowland_area_m2"] == 0.0


def test_without_survey_the_whole_parcel_is_in_its_own_class():
    row = identify_parcels(parcel(), load_profile("default"), reference_date=D(2025, 6, 30))
    row = row.table.iloc[0]
    assert row["construction_m2"] == pytest.approx(15000.0)  # 100 × 150
    assert np.isnan(row["unsurveyed_m2"])  # not measured, not 0
    assert row["lowland_area_m2"] == pytest.approx(15000.0)


# ------------------------------------------------------------------ legacy land


def legacy(parcels, patches, profile=None):
    geoms = np.asarray(parcels.geometry.values)
    area = shapely.area(geoms)
    use = current_use_from_survey(geoms, area, patches)
    own = parcels["dlbm"].reset_index(drop=True)
    codes_ = pd.Series(use.dlbm, dtype=object).where(pd.notna(use.dlbm), own)
    areas = with_own_class_fallback(use.areas, own, area)
    areas["parcel_m2"] = area
    table = classify_legacy_land(
        parcels.drop(columns="geometry"), codes.land_category(codes_), codes_, areas, profile
    )
    return table.iloc[0], areas.iloc[0]


def test_legacy_51_49_only_the_construction_part_is_regular():
    # E3 L4: 7650 m² 0601 (regular: before 2009-12-31, both surveys, plan) and 7350 m²
    # 0103 (三调 not construction → undecided); before the fix all 15 000 m² were regular
    row, _ = legacy(parcel(), survey(76.5, "0601", "0103"))
    assert row["regular_m2"] == pytest.approx(7650.0)
    assert row["undecided_m2"] == pytest.approx(7350.0)
    assert row["expropriation_m2"] == 0.0
    assert row["legacy_class"] == "regular"  # 7650 > 7350: the class of the largest area
    assert "7350.00 m²" in row["legacy_failed"] and "3rd survey" in row["legacy_failed"]


def test_legacy_49_51_mirror():
    # E3 L5: 7350 m² 0601 regular, 7650 m² 0103 undecided → class undecided, 7350 m² regular
    row, _ = legacy(parcel(), survey(73.5, "0601", "0103"))
    assert row["regular_m2"] == pytest.approx(7350.0)
    assert row["undecided_m2"] == pytest.approx(7650.0)
    assert row["legacy_class"] == "undecided"


def test_legacy_post_cutoff_whole_parcel_is_expropriation():
    parcels = parcel()
    parcels["occupied_date"] = [D(2014, 8, 1)]
    parcels["erdiao_construction"] = pd.array([False], dtype="boolean")
    row, _ = legacy(parcels, survey(76.5, "0601", "0103"))
    # 7650 + 7350 = 15 000 m², all occupied after the cut-off
    assert row["expropriation_m2"] == pytest.approx(15000.0)
    assert row["legacy_class"] == "expropriation"


def test_legacy_occupied_2012_but_erdiao_construction_is_flagged_expropriation():
    # E3 L3: 二调 time point 2009-12-31; a 2012 occupation cannot be 二调 construction land.
    # Y-9 goes by the occupation date alone after 2010-01-01 (expropriation by the class at
    # occupation), so the class stays and the contradiction is named for checking
    parcels = parcel()
    parcels["occupied_date"] = [D(2012, 3, 1)]
    row, _ = legacy(parcels, survey(150.0, "0601", "0601"))
    assert row["legacy_class"] == "expropriation"
    assert row["expropriation_m2"] == pytest.approx(15000.0)
    assert "二调标准时点" in row["legacy_failed"] and "相互矛盾" in row["legacy_failed"]
    rules = [i["rule"] for i in json.loads(row["legacy_reasons"])]
    assert "erdiao_consistent_with_occupation" in rules


def test_no_patch_both_algorithms_fall_back_to_the_parcels_dlbm():
    # E3 L9: the only patch lies 1 km away; the parcel's own dlbm 0601 decides, in both
    far = gpd.GeoDataFrame(
        {"dlbm": ["0103"]}, geometry=[shapely.box(X0 + 1000, Y0, X0 + 1100, Y0 + 100)], crs=CRS
    )
    row, areas = legacy(parcel("0601"), far)
    assert areas["construction_m2"] == pytest.approx(15000.0)
    assert areas["unsurveyed_m2"] == pytest.approx(15000.0)  # reported: no patch covers it
    assert row["legacy_class"] == "regular" and row["regular_m2"] == pytest.approx(15000.0)
    ident = identify(parcel("0601"), far)
    assert ident["current_dlbm"] == "0601" and ident["verdict"] == "lowland"
    assert ident["lowland_area_m2"] == pytest.approx(15000.0)


def test_cutoff_comes_from_the_profile(tmp_path: Path):
    # a city profile with cut-off 2010-06-30 moves a 2010-03-01 occupation to the earlier
    # (常态化管理) branch; with the default cut-off 2009-12-31 it is expropriation
    parcels = parcel()
    parcels["occupied_date"] = [D(2010, 3, 1)]
    parcels["erdiao_construction"] = pd.array([None], dtype="boolean")
    patches = survey(150.0, "0601", "0601")
    row, _ = legacy(parcels, patches)
    assert row["legacy_class"] == "expropriation"
    custom = _profile_with_cutoff(tmp_path, "2010-06-30")
    row, _ = legacy(parcels, patches, custom)
    assert row["legacy_class"] != "expropriation"
    item = [i for i in json.loads(row["legacy_reasons"]) if i["rule"].startswith("occupied")][0]
    assert item["threshold"] == "2010-06-30" and item["met"] is True
    assert item["source"] == custom.cite("legacy_cutoff")
    # judged by the earlier conditions: the 二调 flag is unknown → undecided, reported
    assert row["legacy_class"] == "undecided" and "construction_in_erdiao" in row["legacy_failed"]
    parcels["erdiao_construction"] = pd.array([True], dtype="boolean")
    row, _ = legacy(parcels, patches, custom)
    assert row["legacy_class"] == "regular"  # the city's cut-off covers it
    assert row["regular_m2"] == pytest.approx(15000.0)


def _profile_with_cutoff(tmp_path: Path, day: str):
    from lowland_under_test.lowland_plugin.core.common import profiles

    base = Path(profiles.__file__).resolve().parents[3] / "resources" / "profiles"
    data = json.loads((base / "default.json").read_text(encoding="utf-8"))
    data["id"] = "test_cutoff"
    data["local"]["legacy_cutoff"]["value"] = day
    path = tmp_path / "test_cutoff.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return profiles.load_profile(path)


def test_unit_statistics_sum_the_construction_part():
    from lowland_under_test.lowland_plugin.core.units.statistics import unit_statistics

    # the 51/49 parcel: identified lowland on its 7650 m² construction part; one unit of
    # 200 m × 200 m = 40 000 m² around it → lowland area 7650 m², share 7650 / 40 000
    table = identify(parcel(), survey(76.5, "0601", "0103"))
    parcels = parcel()
    for name in ("verdict", "lowland_type", "candidate_area_m2"):
        parcels[name] = [table[name]]
    unit = np.array([shapely.box(X0 - 50, Y0 - 25, X0 + 150, Y0 + 175)], dtype=object)
    stats, _ = unit_statistics(unit, parcels, np.array([0]), None)
    assert stats["lowland_area_m2"].iloc[0] == pytest.approx(7650.0)
    assert stats["lowland_industrial_m2"].iloc[0] == pytest.approx(7650.0)
    assert stats["lowland_share"].iloc[0] == pytest.approx(7650.0 / 40000.0)


def test_legacy_reads_the_areas_of_an_identification_output():
    from lowland_under_test.lowland_plugin.core.identify.legacy import areas_from_fields

    # identification output of the 51/49 parcel (7650 m² construction, 7350 m² farmland)
    table = identify(parcel(), survey(76.5, "0601", "0103"))
    parcels = parcel().drop(columns="geometry")
    for name in ("land_category", "construction_m2", "agricultural_m2", "unused_m2"):
        parcels[name] = [table[name]]
    areas = areas_from_fields(parcels, np.array([15000.0]))  # 100 × 150
    row = classify_legacy_land(parcels, parcels["land_category"], None, areas).iloc[0]
    assert row["regular_m2"] == pytest.approx(7650.0)
    assert row["undecided_m2"] == pytest.approx(7350.0)
    parcels.loc[0, "unused_m2"] = None  # unknown is never 0: no areas, whole parcel
    assert areas_from_fields(parcels, np.array([15000.0])) is None


def test_summary_counts_only_the_construction_part_as_lowland_area():
    from lowland_under_test.lowland_plugin.core.identify.identification import summarize

    table = identify_parcels(
        parcel(),
        load_profile("default"),
        landsurvey=survey(76.5, "0601", "0103"),
        reference_date=D(2025, 6, 30),
    ).table
    s = summarize(table).set_index(["verdict", "current_type"])
    # area 15 000 m² = 22.5 亩; low-efficiency part 7650 m² = 7650 × 15 / 10 000 = 11.475 亩
    assert s.loc[("lowland", "all"), "area_mu"] == pytest.approx(22.5)
    assert s.loc[("lowland", "all"), "lowland_area_mu"] == pytest.approx(11.475)
