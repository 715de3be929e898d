"""Bad input the cores report themselves (issue 11): empty and duplicate ids, codes not in
the code tables (named in the log and in the reasons), text that is no number."""

from __future__ import annotations

import datetime as dt
import json

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from lowland_under_test.lowland_plugin.core.common import codes
from lowland_under_test.lowland_plugin.core.common.errors import LowlandInputError
from lowland_under_test.lowland_plugin.core.common.profiles import load_profile
from lowland_under_test.lowland_plugin.core.common.validation import require_unique_ids
from lowland_under_test.lowland_plugin.core.identify.identification import (
    identify_parcels,
)
from lowland_under_test.lowland_plugin.core.identify.legacy import (
    classify_legacy_land,
    unknown_code_warning,
)
from lowland_under_test.lowland_plugin.core.identify.review import reason_lines
from lowland_under_test.lowland_plugin.core.units import blocks as bk
from lowland_under_test.lowland_plugin.core.units.redevelopment import build_units

CRS = "EPSG:4544"
X0, Y0 = 607_000.0, 4_262_000.0


def squares(n: int, **columns) -> gpd.GeoDataFrame:
    geoms = [shapely.box(X0 + 200 * i, Y0, X0 + 200 * i + 100, Y0 + 100) for i in range(n)]
    return gpd.GeoDataFrame(columns, geometry=geoms, crs=CRS)


# ------------------------------------------------------------------------------ ids


def test_unique_ids_pass_and_a_missing_id_field_is_left_to_the_field_checks():
    require_unique_ids(pd.DataFrame({"parcel_id": ["P1", "P2", 3]}), "parcel_id", "宗地")
    require_unique_ids(pd.DataFrame({"other": [1, 1]}), "parcel_id", "宗地")


@pytest.mark.parametrize("empty", [None, float("nan"), "", "  "])
def test_empty_ids_are_refused_by_feature_number(empty):
    frame = pd.DataFrame({"parcel_id": ["P1", empty, "P3", empty]}, dtype=object)
    with pytest.raises(LowlandInputError, match=r"第 \[2, 4\] 个要素的 parcel_id 为空"):
        require_unique_ids(frame, "parcel_id", "宗地")


def test_duplicate_ids_are_refused_naming_them():
    frame = pd.DataFrame({"project_id": ["A", "B", "A", " B", "C"]})
    with pytest.raises(LowlandInputError) as err:
        require_unique_ids(frame, "project_id", "项目图层")
    assert "项目图层: project_id 有 2 个编号重复：A, B" in str(err.value)
    assert "2 duplicate values of project_id: A, B" in str(err.value)


# ------------------------------------------------------------------- unknown codes


def test_unknown_code_mask_and_listing():
    values = pd.Series(["0601", "9999", None, "08H2", "9999", "X1"], dtype=object)
    assert codes.unknown_code_mask(values).tolist() == [False, True, False, False, True, True]
    count, listed = codes.unknown_code_listing(["P1", "P2", "P3", "P4", "P5", "P6"], values)
    assert (count, listed) == (3, "P2=9999, P5=9999, P6=X1")
    assert codes.unknown_code_listing(["P1"], ["0601"]) == (0, "")


def test_identification_names_unknown_codes_in_the_log_and_the_reasons():
    parcels = squares(
        3,
        parcel_id=["T0", "T1", "T2"],
        dlbm=["0601", "9999", None],
        supply_status=["supplied"] * 3,
    )
    result = identify_parcels(parcels, load_profile("default"), reference_date=dt.date(2025, 6, 30))
    warning = next(w for w in result.warnings if "未识别" in w)
    assert "1 宗地的现状地类代码不在三调分类表中" in warning and "T1=9999" in warning
    table = result.table
    assert table["verdict"].tolist()[1] == "excluded"
    items = {i["rule"]: i for i in json.loads(table["reasons"].iloc[1])}
    assert items["unknown_land_code"] == {
        "rule": "unknown_land_code",
        "clause": "Y-1",
        "kind": "exclusion",
        "value": "9999",
        "threshold": None,
        "met": True,
    }
    # an unrecognised code's 三大类 is unknown: not tested as non-construction land (issue 21
    # item 10, a null value is never "met"); the parcel is excluded by unknown_land_code
    assert "non_construction_land" not in items
    # a known code and a missing one carry no such reason
    for row in (0, 2):
        assert "unknown_land_code" not in table["reasons"].iloc[row]
    lines = [line for _, _, line in reason_lines(table["reasons"].iloc[1])]
    assert any(
        line.startswith(
            "地类代码未识别（不在三调分类表中）〔银川实施意见（一）〕：现状地类代码 9999 不在三调分类表中"
        )
        for line in lines
    )


def test_legacy_land_says_the_survey_code_was_not_recognised():
    parcels = pd.DataFrame(
        {
            "lawful_approval": pd.array([False, False], dtype="boolean"),
            "occupied_date": [dt.date(1998, 4, 1)] * 2,
            "erdiao_construction": pd.array([True, True], dtype="boolean"),
            "plan_conforming": pd.array([True, True], dtype="boolean"),
            "dlbm": ["9999", "0601"],
        }
    )
    table = classify_legacy_land(parcels)
    assert table["legacy_class"].tolist() == ["undecided", "regular"]
    assert "三调地类代码 9999 不在三调分类表中（未识别）" in table["legacy_failed"].iloc[0]
    item = next(
        i
        for i in json.loads(table["legacy_reasons"].iloc[0])
        if i["rule"] == "construction_in_sandiao"
    )
    assert item["unknown_code"] == "9999" and item["met"] is None
    # the category given by the 三调 patches, with the codes behind it
    survey = pd.Series(["0601", "9999"], dtype=object)
    table = classify_legacy_land(parcels, codes.land_category(survey), survey)
    assert table["legacy_class"].tolist() == ["regular", "undecided"]
    warning = unknown_code_warning(pd.Series(["L1", "L2"]), survey)
    assert "1 宗地的三调地类代码不在三调分类表中（未识别）" in warning and "L2=9999" in warning
    assert unknown_code_warning(pd.Series(["L1"]), pd.Series(["0601"])) is None


def test_unknown_road_grade_is_warned_when_the_width_is_given():
    roads = gpd.GeoDataFrame(
        {"road_id": ["R1", "R2"], "width": [20.0, 20.0], "grade": ["9999", "branch"]},
        geometry=[
            shapely.LineString([(X0 + 100, Y0 - 10), (X0 + 100, Y0 + 310)]),
            shapely.LineString([(X0 - 10, Y0 + 150), (X0 + 310, Y0 + 150)]),
        ],
        crs=CRS,
    )
    boundary = gpd.GeoDataFrame(geometry=[shapely.box(X0, Y0, X0 + 300, Y0 + 300)], crs=CRS)
    result = bk.delineate_blocks(roads, boundary)
    warning = next(w for w in result.warnings if "未识别" in w)
    assert "R1=9999" in warning and "R2" not in warning
    assert len(result.blocks) == 4


# ---------------------------------------------------------------- text, not numbers


def test_road_width_that_is_no_number_is_refused_with_its_value():
    roads = gpd.GeoDataFrame(
        {"road_id": ["R1"], "width": ["12米"], "grade": ["branch"]},
        geometry=[shapely.LineString([(X0, Y0), (X0 + 100, Y0)])],
        crs=CRS,
    )
    with pytest.raises(LowlandInputError, match="R1=12米"):
        bk.resolve_road_widths(roads, "width", "grade")


def test_roads_without_id_are_named_by_row_saying_the_id_is_empty():
    roads = pd.DataFrame({"road_id": [None, "R2"], "width": [None, 9.0], "grade": [None, None]})
    with pytest.raises(LowlandInputError, match=r"#1 \(road_id = NULL\)"):
        bk.resolve_road_widths(roads, "width", "grade")


def test_units_refuse_gfa_and_far_that_are_no_numbers():
    blocks = squares(2, block_id=["JF001", "JF002"])
    parcels = squares(
        2,
        parcel_id=["P1", "P2"],
        verdict=["lowland", "not_lowland"],
        lowland_type=["industrial", None],
        gfa=pd.Series([1000.0, "12层"], dtype=object),
    )
    with pytest.raises(LowlandInputError, match=r"gfa.*P2=12层"):
        build_units(blocks, parcels, "auto")
    parcels["gfa"] = [1000.0, None]
    plan = squares(1, plan_id=["K1"], plan_code=["0701"], far_max=pd.Series(["2.5倍"]))
    with pytest.raises(LowlandInputError, match=r"far_max.*K1=2.5倍"):
        build_units(blocks, parcels, "auto", plan=plan)
    result = build_units(blocks, parcels, "auto", min_lowland_share=0.0)
    assert result.units["gfa_existing"].tolist() == [1000.0]
