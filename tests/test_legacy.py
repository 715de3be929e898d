"""历史遗留用地认定 (Y-9, N-14): every branch, the date boundaries, missing data reported."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest

from lowland_under_test.lowland_plugin.core.identify.legacy import (
    classify_legacy_land,
)

D = dt.date


def frame(rows):
    cols = ["lawful_approval", "occupied_date", "erdiao_construction", "plan_conforming", "dlbm"]
    data = pd.DataFrame(rows, columns=cols)
    for flag in ("lawful_approval", "erdiao_construction", "plan_conforming"):
        data[flag] = data[flag].astype("boolean")
    return data


@pytest.mark.parametrize(
    ("row", "expected", "failed"),
    [
        # on the cut-off day, construction in both surveys, plan-conforming → regular
        ([False, D(2009, 12, 31), True, True, "0601"], "regular", None),
        # one day later → expropriation (land class at occupation needed, reported missing);
        # 二调 flag unknown: a 2010 occupation cannot be 二调 construction land (E3 L3, below)
        ([False, D(2010, 1, 1), None, True, "0601"], "expropriation", "2010"),
        ([False, D(1998, 4, 1), False, True, "0601"], "undecided", "2nd survey"),
        ([False, D(1998, 4, 1), True, False, "0601"], "undecided", "not plan-conforming"),
        ([False, D(1998, 4, 1), True, True, "0103"], "undecided", "3rd survey"),
        ([False, D(1998, 4, 1), None, True, "0601"], "undecided", "construction_in_erdiao"),
        ([False, D(1998, 4, 1), True, None, "0601"], "undecided", "plan_conforming"),
        ([False, None, True, True, "0601"], "undecided", "occupied_date missing"),
        ([None, D(1998, 4, 1), True, True, "0601"], "undecided", "lawful_approval missing"),
        ([True, D(1998, 4, 1), True, True, "0601"], None, None),
    ],
)
def test_every_branch(row, expected, failed):
    out = classify_legacy_land(frame([row])).iloc[0]
    assert out["legacy_class"] == expected
    if failed is None:
        assert out["legacy_failed"] is None
    else:
        assert failed in out["legacy_failed"]
    items = json.loads(out["legacy_reasons"])
    assert items and all(i["clause"] == "Y-9" for i in items)


def test_land_class_at_occupation_is_reported_when_given():
    data = frame([[False, D(2014, 8, 1), None, None, "0601"]])
    data["occupied_dlbm"] = ["0103"]
    out = classify_legacy_land(data).iloc[0]
    assert out["legacy_class"] == "expropriation" and out["legacy_failed"] is None
    assert out["occupation_year"] == 2014
    item = [i for i in json.loads(out["legacy_reasons"]) if i["rule"] == "land_class_at_occupation"]
    assert item[0]["value"] == "0103" and item[0]["threshold"] == "2014 年土地变更调查"


def test_survey_category_overrides_the_parcels_own_class():
    data = frame([[False, D(2005, 1, 1), True, True, "0601"]])
    out = classify_legacy_land(data, pd.Series(["agricultural"])).iloc[0]
    assert out["legacy_class"] == "undecided" and "3rd survey" in out["legacy_failed"]


#: the generator's intent for the sample's unapproved parcels (scripts/district/sample.py)
SAMPLE = {
    "P0037": "regular",  # 2006-05-20, both surveys, plan-conforming
    "P0038": "expropriation",  # 2014-08-01
    "P0040": "undecided",  # no date
    "P0041": "regular",  # exactly 2009-12-31
    # exactly 2010-01-01: Y-9 sends it to expropriation by its occupation date alone; its
    # 二调 construction flag contradicts the date and is named in legacy_failed (E3 L3)
    "P0042": "expropriation",
    "P0043": "undecided",  # 二调 not construction
    "P0044": "undecided",  # not plan-conforming
    "P0045": "undecided",  # 二调 flag null
    "P0064": "regular",  # collective enterprise, 1998-04-01
    "P0169": "expropriation",  # homestead occupied 2011-07-01
    "P0425": "expropriation",  # sheds on farmland, 2016-05-10
}


def test_sample_district_through_processing(lowland_provider, sample_gpkg):
    import processing

    res = processing.run(
        "lowland:legacyland",
        {
            "PARCELS": f"{sample_gpkg}|layername=parcels",
            "LANDSURVEY": f"{sample_gpkg}|layername=landsurvey",
            "OUTPUT": "TEMPORARY_OUTPUT",
            "SUMMARY": "TEMPORARY_OUTPUT",
        },
    )
    feats = {f["parcel_id"]: f for f in res["OUTPUT"].getFeatures()}
    assert len(feats) == 437  # every parcel is in the output
    got = {pid: feats[pid]["legacy_class"] for pid in SAMPLE}
    assert got == SAMPLE
    unapproved = [f for f in feats.values() if f["lawful_approval"] is False]
    assert {f["parcel_id"] for f in unapproved} == set(SAMPLE)
    in_scope = [f for f in feats.values() if f["legacy_class"]]
    assert len(in_scope) == len(SAMPLE)
    counts = {f["legacy_class"]: f["parcel_count"] for f in res["SUMMARY"].getFeatures()}
    assert counts == {"regular": 3, "expropriation": 4, "undecided": 4, "not_applicable": 426}
    assert "相互矛盾" in feats["P0042"]["legacy_failed"]


def test_legacy_by_area_with_a_profile_cutoff(lowland_provider, tmp_path):
    import shapely
    from check_helpers import memory_layer

    import processing

    # a 100 m × 150 m parcel cut at y = 76.5 into 0601 (100 × 76.5 = 7650 m²) and 0103
    # (100 × 73.5 = 7350 m²); occupied 2010-03-01, profile cut-off 2010-06-30 → the earlier
    # (常态化管理) branch: 7650 m² regular, 7350 m² undecided (三调 farmland; Y-9, E3 L4)
    x0, y0 = 607_000.0, 4_262_000.0
    box = shapely.box(x0, y0, x0 + 100, y0 + 150)
    parcels = memory_layer(
        "Polygon",
        "field=parcel_id:string&field=dlbm:string&field=lawful_approval:boolean"
        "&field=occupied_date:date&field=erdiao_construction:boolean"
        "&field=plan_conforming:boolean",
        [(["P1", "0601", False, "2010-03-01", True, True], box)],
    )
    patches = memory_layer(
        "Polygon",
        "field=dlbm:string",
        [
            (["0601"], shapely.box(x0 - 10, y0 - 10, x0 + 110, y0 + 76.5)),
            (["0103"], shapely.box(x0 - 10, y0 + 76.5, x0 + 110, y0 + 160)),
        ],
    )
    root = Path(__file__).resolve().parents[1]
    data = json.loads((root / "resources/profiles/default.json").read_text(encoding="utf-8"))
    data["id"] = "test_cutoff"
    data["local"]["legacy_cutoff"]["value"] = "2010-06-30"
    profile = tmp_path / "test_cutoff.json"
    profile.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    res = processing.run(
        "lowland:legacyland",
        {
            "PARCELS": parcels,
            "LANDSURVEY": patches,
            "PROFILE": str(profile),
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    feat = next(res["OUTPUT"].getFeatures())
    assert feat["legacy_class"] == "regular"
    assert feat["regular_m2"] == pytest.approx(7650.0)
    assert feat["undecided_m2"] == pytest.approx(7350.0)
    assert feat["construction_m2"] == pytest.approx(7650.0)
    assert feat["agricultural_m2"] == pytest.approx(7350.0)
