"""Field mapping: the field names users really have (三调, Chinese, any case), explicit
``canonical=actual`` mappings, and the coded values normalised to canonical form."""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from lowland_under_test.lowland_plugin.core.common.errors import LowlandInputError
from lowland_under_test.lowland_plugin.core.common.mapping import (
    canonical_frame,
    parse_field_map,
    require_map_entries_used,
    resolve_fields,
)

CRS = "EPSG:4544"


def frame(columns: dict, index=None) -> gpd.GeoDataFrame:
    """One 10 m square per row, side by side along x."""
    n = len(next(iter(columns.values())))
    geoms = [shapely.box(i * 20, 0, i * 20 + 10, 10) for i in range(n)]
    return gpd.GeoDataFrame(pd.DataFrame(columns, index=index), geometry=geoms, crs=CRS)


def values(series: pd.Series) -> list:
    """Values with every kind of null as None (pd.NA, NaN, None)."""
    return [None if pd.isna(v) else v for v in series.tolist()]


# ------------------------------------------------------------------ parse_field_map


def test_parse_field_map():
    assert parse_field_map("dlbm=DLBM; parcel_id=宗地代码") == {
        "dlbm": "DLBM",
        "parcel_id": "宗地代码",
    }


@pytest.mark.parametrize(
    "text",
    [
        "dlbm=DLBM；parcel_id=宗地代码；owner=权利人",
        "dlbm=DLBM，parcel_id=宗地代码，owner=权利人",
        "dlbm=DLBM,parcel_id=宗地代码;owner=权利人",
        "  dlbm = DLBM ；parcel_id= 宗地代码 ，owner =权利人 ; ",
    ],
)
def test_parse_field_map_separators(text):
    assert parse_field_map(text) == {"dlbm": "DLBM", "parcel_id": "宗地代码", "owner": "权利人"}


@pytest.mark.parametrize("text", ["", None, "  ", " ; ；，"])
def test_parse_field_map_empty(text):
    assert parse_field_map(text) == {}


def test_parse_field_map_part_without_equals():
    with pytest.raises(LowlandInputError) as exc:
        parse_field_map("dlbm=DLBM; parcel_id")
    message = str(exc.value)
    assert "'parcel_id'" in message
    assert "canonical=actual" in message
    assert "标准字段=实际字段" in message


# ------------------------------------------------------------------ resolve_fields


def test_resolve_canonical_names():
    columns = ["parcel_id", "dlbm", "tenure", "idle", "tax_per_mu", "geometry"]
    assert resolve_fields(columns, "parcels") == {
        "parcel_id": "parcel_id",
        "dlbm": "dlbm",
        "tenure": "tenure",
        "idle": "idle",
        "tax_per_mu": "tax_per_mu",
    }


def test_resolve_sandiao_landsurvey_names():
    columns = ["BSM", "DLBM", "DLMC", "TBMJ", "CZCSXM", "QSDWMC", "KCXS", "geometry"]
    assert resolve_fields(columns, "landsurvey") == {
        "dlbm": "DLBM",
        "dlmc": "DLMC",
        "czcsxm": "CZCSXM",
        "tbmj": "TBMJ",
        "qsdwmc": "QSDWMC",
        "tbbh": "BSM",
    }


def test_resolve_chinese_parcel_names():
    columns = ["宗地代码", "地类编码", "权利人", "是否闲置", "亩均税收", "备注"]
    assert resolve_fields(columns, "parcels") == {
        "parcel_id": "宗地代码",
        "dlbm": "地类编码",
        "owner": "权利人",
        "idle": "是否闲置",
        "tax_per_mu": "亩均税收",
    }


def test_resolve_is_case_insensitive():
    assert resolve_fields(["dlbm", "Tbmj"], "landsurvey") == {"dlbm": "dlbm", "tbmj": "Tbmj"}
    assert resolve_fields(["DLBM"], "landsurvey") == {"dlbm": "DLBM"}
    assert resolve_fields(["zddm", "Dlbm", "IDLE"], "parcels") == {
        "parcel_id": "zddm",
        "dlbm": "Dlbm",
        "idle": "IDLE",
    }


def test_explicit_mapping_wins_over_candidates():
    # DLBM is a candidate for dlbm; the user says the current class is in XZDL2023
    assert resolve_fields(["DLBM", "XZDL2023"], "parcels", {"dlbm": "XZDL2023"}) == {
        "dlbm": "XZDL2023"
    }
    # even over a column with the canonical name itself
    assert resolve_fields(["dlbm", "DLBM_NEW"], "parcels", {"dlbm": "DLBM_NEW"}) == {
        "dlbm": "DLBM_NEW"
    }


def test_explicit_mapping_for_another_layer_is_ignored():
    # one field map serves every layer: plan_code belongs to the plan layer
    found = resolve_fields(["ZDDM", "DLBM"], "parcels", {"plan_code": "YDDM"}, ("parcel_id",))
    assert found == {"parcel_id": "ZDDM", "dlbm": "DLBM"}


def test_explicit_mapping_to_missing_field():
    with pytest.raises(LowlandInputError) as exc:
        resolve_fields(["DLBM", "ZDDM", "geometry"], "parcels", {"dlbm": "XZDL"}, label="宗地图层")
    message = str(exc.value)
    assert message.startswith("宗地图层:")
    assert "dlbm=XZDL" in message
    assert "'XZDL' is not in the layer" in message
    assert "['DLBM', 'ZDDM']" in message  # the layer's own fields, without geometry


def test_missing_required_field_lists_candidates_and_fields():
    with pytest.raises(LowlandInputError) as exc:
        resolve_fields(["FID", "NAME", "geometry"], "landsurvey", required=("dlbm",))
    message = str(exc.value)
    assert message.startswith("landsurvey:")
    assert "missing required fields ['dlbm']" in message
    assert "looked for dlbm: ['dlbm', 'DLBM', '地类编码']" in message
    assert "the layer has ['FID', 'NAME']" in message
    assert "dlbm=YOUR_FIELD" in message


def test_missing_required_fields_all_named():
    with pytest.raises(LowlandInputError) as exc:
        resolve_fields(["DLBM"], "plan", required=("plan_code",), label="规划图层")
    message = str(exc.value)
    assert message.startswith("规划图层:")
    assert "['plan_code']" in message
    assert "'YDDM'" in message and "'规划用途'" in message and "'用地性质'" in message
    assert "['DLBM']" in message

    with pytest.raises(LowlandInputError) as exc:
        resolve_fields(["FOO"], "parcels", required=("parcel_id", "dlbm"))
    message = str(exc.value)
    assert "missing required fields ['parcel_id', 'dlbm']" in message
    assert "parcel_id: ['parcel_id', 'ZDDM', '宗地代码'" in message
    assert "dlbm: ['dlbm', 'DLBM', '地类编码', 'XZDL', '现状地类', 'TDYT']" in message


def test_required_field_found_by_explicit_mapping():
    found = resolve_fields(["编号"], "parcels", {"parcel_id": "编号"}, ("parcel_id",))
    assert found == {"parcel_id": "编号"}


# ------------------------------------------------------------------ canonical_frame


def test_canonical_frame_renames_without_touching_input():
    gdf = frame(
        {
            "宗地代码": ["Z1", "Z2"],
            "DLBM": ["0601", "0508"],
            "SFXZ": ["是", "否"],
            "备注": ["甲", None],
        }
    )
    before = gdf.copy()
    out, mapping = canonical_frame(gdf, "parcels")
    assert mapping == {"parcel_id": "宗地代码", "dlbm": "DLBM", "idle": "SFXZ"}
    assert isinstance(out, gpd.GeoDataFrame)
    assert out.crs == gdf.crs
    assert out.geometry.equals(gdf.geometry)
    assert values(out["parcel_id"]) == ["Z1", "Z2"]
    assert values(out["dlbm"]) == ["0601", "0508"]
    assert values(out["idle"]) == [True, False]
    # the input frame is as it was
    pd.testing.assert_frame_equal(gdf, before)
    assert list(gdf.columns) == ["宗地代码", "DLBM", "SFXZ", "备注", "geometry"]
    assert "idle" not in gdf.columns


@pytest.mark.parametrize(
    "raw, expected",
    [
        (
            ["是", "否", "Y", "N", "y", "n", "1", "0", "true", "false", "TRUE", " 是 ", None],
            [True, False, True, False, True, False, True, False, True, False, True, True, None],
        ),
        ([1, 0, None], [True, False, None]),
        ([1.0, 0.0, np.nan], [True, False, None]),
        ([True, False, None], [True, False, None]),
        ([True, False, True], [True, False, True]),
    ],
)
def test_booleans(raw, expected):
    gdf = frame({"ZDDM": [f"Z{i}" for i in range(len(raw))], "SFXZ": raw})
    out, _ = canonical_frame(gdf, "parcels")
    assert out["idle"].dtype == "boolean"
    assert values(out["idle"]) == expected
    assert out["idle"].isna().sum() == expected.count(None)


def test_tenure_and_supply():
    gdf = frame(
        {
            "ZDDM": ["Z1", "Z2", "Z3", "Z4", "Z5"],
            "QLXZ": ["出让", "划拨", "集体", "国有出让", None],
            "GDZT": ["已供", "批而未供", "已供应", "已批未供", None],
        }
    )
    out, mapping = canonical_frame(gdf, "parcels")
    assert mapping["tenure"] == "QLXZ"
    assert mapping["supply_status"] == "GDZT"
    assert values(out["tenure"]) == ["granted", "allocated", "collective", "granted", None]
    assert values(out["supply_status"]) == [
        "supplied",
        "approved_unsupplied",
        "supplied",
        "approved_unsupplied",
        None,
    ]


def test_canonical_tenure_values_any_case():
    gdf = frame({"tenure": ["granted", "Allocated", "COLLECTIVE"]})
    out, _ = canonical_frame(gdf, "parcels")
    assert values(out["tenure"]) == ["granted", "allocated", "collective"]


def test_dates():
    gdf = frame(
        {
            "ZDDM": [f"Z{i}" for i in range(7)],
            "HTQDRQ": [
                "2009-12-31",
                "2009/12/31",
                "20091231",
                dt.date(2009, 12, 31),
                dt.datetime(2009, 12, 31, 8, 30),
                pd.Timestamp("2009-12-31"),
                None,
            ],
        }
    )
    out, mapping = canonical_frame(gdf, "parcels")
    assert mapping["contract_date"] == "HTQDRQ"
    day = dt.date(2009, 12, 31)
    assert values(out["contract_date"]) == [day, day, day, day, day, day, None]
    assert all(type(v) is dt.date for v in out["contract_date"].iloc[:6])


def test_numbers_from_strings():
    gdf = frame(
        {
            "ZDDM": ["Z1", "Z2", "Z3", "Z4"],
            "MJSS": ["12.5", "", None, " 3 "],
            "TCNX": ["3", "", None, "12"],
        }
    )
    out, _ = canonical_frame(gdf, "parcels")
    assert out["tax_per_mu"].dtype == np.float64
    assert out["tax_per_mu"].iloc[0] == 12.5
    assert np.isnan(out["tax_per_mu"].iloc[1])
    assert np.isnan(out["tax_per_mu"].iloc[2])
    assert out["tax_per_mu"].iloc[3] == 3.0
    assert out["years_operating"].dtype == "Int64"
    assert values(out["years_operating"]) == [3, None, None, 12]


def test_codes_and_strings_are_trimmed_text():
    gdf = frame({"ZDDM": [1001, 1002, 1003], "DLBM": [" 0601 ", "", None]})
    out, _ = canonical_frame(gdf, "parcels")
    assert values(out["parcel_id"]) == ["1001", "1002", "1003"]
    assert values(out["dlbm"]) == ["0601", None, None]


@pytest.mark.parametrize(
    "column, raw, bad, allowed",
    [
        ("SFXZ", ["是", "maybe"], "['maybe']", "是/否、true/false、1/0"),
        ("QLXZ", ["出让", "租赁"], "['租赁']", "'划拨'"),
        ("GDZT", ["已供", "未知"], "['未知']", "'批而未供'"),
        ("MJSS", ["1", "abc"], "['abc']", "a number"),
        ("HTQDRQ", ["2009-12-31", "yesterday"], "['yesterday']", "YYYY-MM-DD"),
        # issue 21 item 13: non-finite numbers, negative measures, years past 9999
        ("MJSS", ["1", "inf"], "['inf']", "finite"),
        ("MJSS", ["1", "-Infinity"], "['-Infinity']", "finite"),
        ("MJSS", ["1", "nan"], "['nan']", "a number"),
        ("MJSS", [12.5, -120.0], "['-120.0']", "≥ 0"),
        ("TCNX", [3, -2], "['-2']", "≥ 0"),
        ("HTQDRQ", ["2009-12-31", "10000-01-01"], "['10000-01-01']", "YYYY-MM-DD"),
    ],
)
def test_unreadable_values_are_named(column, raw, bad, allowed):
    gdf = frame({"ZDDM": ["Z1", "Z2"], column: raw})
    with pytest.raises(LowlandInputError) as exc:
        canonical_frame(gdf, "parcels", label="宗地图层")
    message = str(exc.value)
    assert message.startswith("宗地图层:")
    assert f"field {column} has 1 values that cannot be read {bad}" in message
    assert allowed in message.split("allowed:", 1)[1]


def test_unreadable_values_counted_and_listed():
    gdf = frame({"ZDDM": ["Z1", "Z2", "Z3", "Z4"], "SFXZ": ["maybe", "是", "perhaps", "maybe"]})
    with pytest.raises(LowlandInputError) as exc:
        canonical_frame(gdf, "parcels")
    message = str(exc.value)
    assert "field SFXZ has 3 values that cannot be read ['maybe', 'perhaps']" in message


@pytest.mark.parametrize("raw", [["3", "3.5"], [3.0, 3.5]])
def test_non_integer_in_int_field_is_named(raw):
    gdf = frame({"ZDDM": ["Z1", "Z2"], "TCNX": raw})
    with pytest.raises(LowlandInputError, match="TCNX"):
        canonical_frame(gdf, "parcels")


def test_other_columns_kept_unchanged():
    gdf = frame(
        {
            "ZDDM": ["Z1", "Z2", "Z3"],
            "备注": ["甲", None, "丙"],
            "AREA": [1.5, 2.5, np.nan],
            "N": pd.array([1, None, 3], dtype="Int64"),
        }
    )
    out, mapping = canonical_frame(gdf, "parcels")
    assert mapping == {"parcel_id": "ZDDM"}
    for column in ("备注", "AREA", "N"):
        pd.testing.assert_series_equal(out[column], gdf[column])


def test_mapped_values_win_over_canonical_named_column():
    gdf = frame(
        {
            "ZDDM": ["Z1", "Z2"],
            "dlbm": ["0601", "0601"],
            "XZDL2023": ["0702", "0508"],
            "idle": ["否", "否"],
            "是否闲置_核": ["是", "否"],
        }
    )
    out, mapping = canonical_frame(gdf, "parcels", {"dlbm": "XZDL2023", "idle": "是否闲置_核"})
    assert mapping["dlbm"] == "XZDL2023"
    assert mapping["idle"] == "是否闲置_核"
    assert list(out.columns).count("dlbm") == 1
    assert list(out.columns).count("idle") == 1
    assert values(out["dlbm"]) == ["0702", "0508"]
    assert values(out["idle"]) == [True, False]
    # the input still has its own values
    assert gdf["dlbm"].tolist() == ["0601", "0601"]
    assert gdf["idle"].tolist() == ["否", "否"]


def test_values_follow_rows_with_any_index():
    gdf = frame({"ZDDM": ["Z1", "Z2", "Z3"], "SFXZ": ["否", "是", None]}, index=[30, 10, 20])
    out, _ = canonical_frame(gdf, "parcels")
    assert list(out.index) == [30, 10, 20]
    assert out.loc[10, "idle"]
    assert not out.loc[30, "idle"]
    assert out.loc[20, "idle"] is pd.NA
    assert out.loc[10, "parcel_id"] == "Z2"


def test_canonical_frame_missing_required_field():
    gdf = frame({"NAME": ["a"]})
    with pytest.raises(LowlandInputError) as exc:
        canonical_frame(gdf, "parcels", required=("parcel_id",), label="宗地图层")
    message = str(exc.value)
    assert message.startswith("宗地图层:")
    assert "missing required fields ['parcel_id']" in message
    assert "the layer has ['NAME']" in message


def test_blank_yes_no_cell_is_unknown_not_false():
    gdf = frame({"ZDDM": ["Z1", "Z2", "Z3"], "SFGS": ["是", "", "否"]})
    out, _ = canonical_frame(gdf, "parcels")
    assert out["above_scale"].isna().tolist() == [False, True, False]
    assert bool(out["above_scale"].iloc[0]) and not bool(out["above_scale"].iloc[2])


def test_explicit_map_matches_the_actual_name_in_any_case():
    assert resolve_fields(["DLBM"], "parcels", {"dlbm": "dlbm"}) == {"dlbm": "DLBM"}


def test_exact_canonical_column_beats_a_candidate():
    assert resolve_fields(["dlbm", "DLBM"], "parcels")["dlbm"] == "dlbm"


def test_one_field_map_serves_several_layers():
    # parcels keep their class in XZDL; the 三调 layer has DLBM: one map, non-strict use
    explicit = {"dlbm": "XZDL"}
    assert resolve_fields(["XZDL"], "parcels", explicit, strict=False) == {"dlbm": "XZDL"}
    assert resolve_fields(["DLBM"], "landsurvey", explicit, strict=False)["dlbm"] == "DLBM"
    # a layer prefix pins an entry to one layer, strictly
    with pytest.raises(LowlandInputError, match="XZDL"):
        resolve_fields(["DLBM"], "landsurvey", {"landsurvey.dlbm": "XZDL"}, strict=False)


def test_misspelt_canonical_name_in_a_field_map_is_refused():
    from lowland_under_test.lowland_plugin.core.common.mapping import check_field_map

    check_field_map({"dlbm": "X", "parcels.tax_per_mu": "Y"}, ["parcels", "landsurvey"])
    with pytest.raises(LowlandInputError, match="dlmb"):
        check_field_map({"dlmb": "DLBM"}, ["parcels", "landsurvey"])
    with pytest.raises(LowlandInputError, match="buildings.dlbm"):
        check_field_map({"buildings.dlbm": "DLBM"}, ["parcels", "buildings"])


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("2009/1/5", "2009-01-05"), ("2009年12月31日", "2009-12-31"), ("2010.1.1", "2010-01-01")],
)
def test_dates_in_the_forms_offices_write(raw, expected):
    gdf = frame({"ZDDM": ["Z1"], "HTQDRQ": [raw]})
    out, _ = canonical_frame(gdf, "parcels")
    assert out["contract_date"].iloc[0].isoformat() == expected


def test_unused_field_map_entries_are_refused_in_map_order():
    """One check for every algorithm (identification layers and the project template): an
    entry whose column no layer used is named, in the order the user wrote the map; an
    entry for one layer (``landsurvey.dlbm``) counts only where that layer used it."""
    mappings = {"parcels": {"parcel_id": "ZDDM", "dlbm": "DLBM"}, "landsurvey": {"dlbm": "XZDL"}}
    require_map_entries_used({"parcel_id": "zddm", "landsurvey.dlbm": "XZDL"}, mappings)
    explicit = {"tax_per_mu": "SS", "parcel_id": "ZDDM", "parcels.dlbm": "XZDL"}
    with pytest.raises(LowlandInputError) as err:
        require_map_entries_used(explicit, mappings)
    assert "['tax_per_mu=SS', 'parcels.dlbm=XZDL']" in str(err.value)
    assert err.value.en.startswith("field map entries ['tax_per_mu=SS', 'parcels.dlbm=XZDL']")
