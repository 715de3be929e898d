"""Code tables (resources/codes) and their look-ups (lowland_plugin.core.common.codes)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer
from lowland_under_test.lowland_plugin.core.common import codes
from lowland_under_test.lowland_plugin.core.common.resources import resource_path

SANDIAO_CSV = resource_path("codes", "sandiao_classes.csv")


@pytest.fixture(scope="module")
def sandiao():
    return codes.sandiao_table()


@pytest.fixture(scope="module")
def landuse():
    return codes.landuse_table()


@pytest.fixture(scope="module")
def crosswalk():
    return codes.crosswalk_table()


# ----------------------------------------------------------------------------- tables


def test_every_sandiao_code_has_exactly_one_row():
    raw = pd.read_csv(SANDIAO_CSV, dtype=str, keep_default_na=False)
    assert raw["code"].is_unique
    assert (raw["code"] == raw["code"].str.strip()).all()
    assert len(raw) == len(codes.sandiao_table())


def test_sandiao_table_shape(sandiao):
    assert {"name", "level", "parent", "category", "lowland_type", "note"} <= set(sandiao.columns)
    assert set(sandiao["level"]) == {1, 2, 3}
    assert set(sandiao["category"].dropna()) <= set(codes.CATEGORIES)
    assert set(sandiao["lowland_type"].dropna()) <= set(codes.LOWLAND_TYPES)
    assert sandiao["name"].notna().all() and sandiao["source"].notna().all()
    level1 = sandiao.index[sandiao["level"] == 1]
    assert sorted(level1) == [f"{i:02d}" for i in range(13)]  # 00 湿地 + 01-12
    for code, row in sandiao[sandiao["level"] > 1].iterrows():
        assert row["parent"] in sandiao.index, code
        assert sandiao.loc[row["parent"], "level"] == row["level"] - 1, code


def test_wetland_group_follows_the_sandiao_work_classification(sandiao):
    members = set(sandiao.index[sandiao["parent"] == "00"])
    assert members == {"0303", "0304", "0306", "0402", "0603", "1105", "1106", "1108"}
    assert sandiao.loc["0603", "category"] == "construction"  # 盐田
    assert sandiao.loc["1106", "category"] == "unused"
    assert sandiao.loc["0304", "category"] == "agricultural"


def test_lowland_type_only_on_construction_codes(sandiao):
    typed = sandiao[sandiao["lowland_type"].notna()]
    assert not typed.empty
    assert (typed["category"] == "construction").all(), typed.index[
        typed["category"] != "construction"
    ].tolist()


def test_every_construction_class_has_a_lowland_type(sandiao):
    leaves = sandiao[(sandiao["level"] > 1) & (sandiao["category"] == "construction")]
    assert leaves["lowland_type"].notna().all(), leaves.index[leaves["lowland_type"].isna()]


def test_three_big_categories(sandiao):
    cat = sandiao["category"]
    assert cat["1006"] == "agricultural"  # 农村道路
    assert cat["1202"] == "agricultural"  # 设施农用地
    assert cat["1109"] == "construction"  # 水工建筑用地
    assert cat["1201"] == "construction"  # 空闲地
    for code in ("05", "06", "07", "08", "09", "1001", "1002", "1003", "1004", "1005"):
        assert cat[code] == "construction", code
    for code in ("1007", "1008", "1009", "0601", "0602", "0701", "0702", "0809", "0810"):
        assert cat[code] == "construction", code
    for code in ("0101", "0102", "0103", "0201K", "1104A", "1203"):
        assert cat[code] == "agricultural", code
    for code in ("1101", "1102", "1110", "1204", "1207", "0404"):
        assert cat[code] == "unused", code
    for code in ("00", "04", "10", "11", "12"):  # mixed first-level classes
        assert cat[code] is None, code


def test_sandiao_specific_codes(sandiao):
    for code in ("05H1", "08H1", "08H2", "0810A", "08H2A", "0508"):
        assert code in sandiao.index, code
        assert sandiao.loc[code, "category"] == "construction", code
    assert sandiao.loc["05H1", "name"] == "商业服务业设施用地"
    assert sandiao.loc["0508", "name"] == "物流仓储用地"
    assert sandiao.loc["08H2A", "parent"] == "08H2"
    assert sandiao.loc["0810A", "parent"] == "0810"


def test_lowland_types(sandiao):
    lt = sandiao["lowland_type"]
    assert lt["0508"] == "industrial"
    assert lt["0601"] == "industrial"
    assert lt["0702"] == "village"
    assert lt["0701"] == "commercial_residential"
    assert lt["05H1"] == "commercial_residential"
    for code in ("0501", "0502", "0503", "0504", "0505", "0506", "0507"):
        assert lt[code] == "commercial_residential", code
    for code in ("08H1", "08H2", "0809", "1001", "1004", "1005", "1009", "1109"):
        assert lt[code] == "facility", code
    for code in ("0602", "09", "1201"):
        assert lt[code] == "other", code
        assert sandiao.loc[code, "note"], code  # the choice is explained
    assert lt["1006"] is None and lt["1202"] is None and lt["0101"] is None


def test_landuse_2023_levels(landuse):
    level1 = landuse.index[landuse["level"] == 1]
    assert sorted(level1) == [f"{i:02d}" for i in range(1, 25)]
    for code, row in landuse.iterrows():
        assert len(code) == 2 * row["level"], code
        if row["level"] > 1:
            assert row["parent"] == code[:-2], code
            assert row["parent"] in landuse.index, code
            assert landuse.loc[row["parent"], "level"] == row["level"] - 1, code
    assert landuse.loc["0701", "name"] == "城镇住宅用地"
    assert landuse.loc["0703", "name"] == "农村宅基地"
    assert landuse.loc["1001", "name"] == "工业用地"
    assert {"100101", "100102", "100103"} <= set(landuse.index[landuse["parent"] == "1001"])
    assert {"110101", "110102", "110103"} <= set(landuse.index[landuse["parent"] == "1101"])
    assert landuse.loc["1207", "name"] == "城镇村道路用地"
    assert landuse.loc["16", "name"] == "留白用地"


def test_every_level3_code_has_its_level2_parent(landuse):
    level3 = landuse[landuse["level"] == 3]
    assert len(level3) > 30
    for code, row in level3.iterrows():
        assert landuse.loc[row["parent"], "level"] == 2, code


def test_crosswalk_covers_every_sandiao_code(sandiao, crosswalk):
    assert set(crosswalk.index) == set(sandiao.index)
    construction = set(sandiao.index[sandiao["category"] == "construction"])
    assert construction <= set(crosswalk.index)


def test_crosswalk_targets_exist(landuse, crosswalk):
    targets = crosswalk["landuse_code"].dropna()
    missing = sorted(set(targets) - set(landuse.index))
    assert not missing, missing
    raw = pd.read_csv(
        resource_path("codes", "crosswalk_sandiao_to_2023.csv"), dtype=str, keep_default_na=False
    )
    assert set(raw["ambiguous"]) == {"true", "false"}


def test_crosswalk_flags_instead_of_guessing(crosswalk, landuse):
    ambiguous = crosswalk[crosswalk["ambiguous"]]
    assert len(ambiguous) >= 5
    assert ambiguous["note"].notna().all()  # candidates are listed
    # an ambiguous row never names a leaf: only a common parent (level 1 or 2) or nothing
    for code, target in ambiguous["landuse_code"].dropna().items():
        assert landuse.loc[target, "level"] < 3, code
    assert crosswalk.loc["05H1", "ambiguous"]
    assert crosswalk.loc["05H1", "landuse_code"] in ("09", None)
    assert crosswalk.loc["08H2", "ambiguous"]
    assert crosswalk.loc["0701", "landuse_code"] == "0701"
    assert not crosswalk.loc["0701", "ambiguous"]
    assert crosswalk.loc["0601", "landuse_code"] == "1001"
    assert not crosswalk.loc["0601", "ambiguous"]
    assert crosswalk.loc["0702", "landuse_code"] == "0703"
    assert crosswalk.loc["1006", "landuse_code"] == "0601"
    assert crosswalk.loc["1202", "landuse_code"] == "0602"
    assert crosswalk.loc["0810A", "landuse_code"] == "1403"


def test_czcsxm_codes():
    table = codes.czcsxm_table()
    for code, name in [
        ("201", "城市"),
        ("202", "建制镇"),
        ("203", "村庄"),
        ("204", "盐田及采矿用地"),
        ("205", "特殊用地"),
    ]:
        assert table.loc[code, "name"] == name
    for code in ("201A", "202A", "203A"):
        assert table.loc[code, "name"].endswith("独立工业用地")


def test_tables_are_copies():
    table = codes.sandiao_table()
    table.loc["0601", "category"] = "unused"
    assert codes.land_category(["0601"]).tolist() == ["construction"]


# ----------------------------------------------------------------------------- normalising


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("0601", "0601"),
        (" 0601 ", "0601"),
        ("05h1", "05H1"),
        ("\t08h2a\n", "08H2A"),
        (601, "0601"),
        (601.0, "0601"),
        ("601", "0601"),
        ("601.0", "0601"),
        (np.int64(1202), "1202"),
        (np.float64(702.0), "0702"),
        (1006, "1006"),
        (9, "09"),
        ("09", "09"),
        (None, None),
        (float("nan"), None),
        (np.nan, None),
        (np.float32("nan"), None),
        (pd.NA, None),
        ("", None),
        ("   ", None),
        ("xyz", "XYZ"),
    ],
)
def test_normalize_dlbm(raw, want):
    assert codes.normalize_dlbm(raw) == want


def test_normalize_other_code_kinds():
    assert codes.normalize_landuse_code(70101) == "070101"
    assert codes.normalize_landuse_code("701") == "0701"
    assert codes.normalize_landuse_code(" 100101 ") == "100101"
    assert codes.normalize_czcsxm("201a") == "201A"
    assert codes.normalize_czcsxm(201.0) == "201"
    assert codes.normalize_czcsxm(None) is None


# ----------------------------------------------------------------------------- look-ups

MIXED = pd.Series(
    ["0601", None, "05h1", 702, "9999", np.nan, "1006", "0601X", "0599", "", "10", "0508"],
    index=[10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21],
    name="dlbm",
)


def test_land_category_vectorised():
    got = codes.land_category(MIXED)
    assert list(got.index) == list(MIXED.index)
    assert got.tolist() == [
        "construction",
        None,
        "construction",
        "construction",
        None,  # unknown
        None,
        "agricultural",
        "construction",  # 0601X -> 0601
        "construction",  # 0599 -> 05
        None,
        None,  # 10 is mixed: found, no single category, no further fall-back
        "construction",
    ]
    assert codes.land_category([]).empty


def test_land_category_accepts_lists():
    assert codes.land_category(["1109", "1201", "1202", None]).tolist() == [
        "construction",
        "construction",
        "agricultural",
        None,
    ]
    with pytest.raises(TypeError):
        codes.land_category("0601")


def test_lowland_type_of_vectorised():
    got = codes.lowland_type_of(MIXED)
    assert list(got.index) == list(MIXED.index)
    assert got.tolist() == [
        "industrial",
        None,
        "commercial_residential",
        "village",
        None,
        None,
        None,  # 1006 is agricultural: '' -> None
        "industrial",
        None,  # 05 has no single type
        None,
        None,
        "industrial",
    ]
    values = [v for v in got.tolist() if v is not None]
    assert all(isinstance(v, str) and v for v in values)


def test_to_landuse_2023():
    got = codes.to_landuse_2023(MIXED)
    assert list(got.columns) == ["landuse_code", "ambiguous"]
    assert list(got.index) == list(MIXED.index)
    assert got.loc[10].tolist() == ["1001", False]
    assert bool(got.loc[12, "ambiguous"])  # 05H1
    assert got.loc[12, "landuse_code"] in ("09", None)
    assert got.loc[13].tolist() == ["0703", False]
    assert got.loc[14, "landuse_code"] is None and got.loc[14, "ambiguous"] is pd.NA
    assert got.loc[11, "landuse_code"] is None and got.loc[11, "ambiguous"] is pd.NA
    assert got.loc[16].tolist() == ["0601", False]
    assert got.loc[17].tolist() == ["1001", False]  # 0601X -> 0601
    assert str(got["ambiguous"].dtype) == "boolean"


def test_landuse_level1():
    assert codes.landuse_level1("100101") == "10"
    assert codes.landuse_level1("0703") == "07"
    assert codes.landuse_level1(70101) == "07"
    assert codes.landuse_level1("16") == "16"
    assert codes.landuse_level1("9999") is None
    assert codes.landuse_level1("0799") is None  # unknown code, even under a known class
    assert codes.landuse_level1(None) is None
    assert codes.landuse_level1(float("nan")) is None


def test_unknown_codes():
    assert codes.unknown_codes(MIXED) == ["9999"]
    assert codes.unknown_codes(["0601", "05h1", None, math.nan, "XX", "xx"]) == ["XX"]
    assert codes.unknown_codes(pd.Series(["100101", "0602", "0508", None]), "landuse_2023") == [
        "0508"
    ]
    assert codes.unknown_codes(["201", "201a", "206"], "czcsxm") == ["206"]
    with pytest.raises(ValueError):
        codes.unknown_codes(["0601"], "gb50137")


def test_large_series_is_fast_and_aligned():
    big = pd.Series(np.resize(np.array(["0601", "0702", None, "1006"], dtype=object), 400_000))
    got = codes.land_category(big)
    assert len(got) == len(big)
    assert got.iloc[:4].tolist() == ["construction", "construction", None, "agricultural"]


# ----------------------------------------------------------------------------- sample data


def test_sample_district_uses_known_codes(sample_gpkg):
    path = str(sample_gpkg)
    parcels = read_ogr_layer(path, "parcels")
    survey = read_ogr_layer(path, "landsurvey")
    plan = read_ogr_layer(path, "plan")
    assert codes.unknown_codes(parcels["dlbm"]) == []
    assert codes.unknown_codes(survey["dlbm"]) == []
    assert codes.unknown_codes(parcels["approved_use"], "landuse_2023") == []
    assert codes.unknown_codes(plan["plan_code"], "landuse_2023") == []
    assert codes.unknown_codes(survey["czcsxm"], "czcsxm") == []
    assert codes.land_category(parcels["dlbm"]).notna().all()
