"""Industrial FAR minimum by industry code (Y-1 利用粗放; issue 16 item 2), hand-checked.

Every test parcel is 100 m x 100 m = 10000 m², so FAR = GFA / 10000. Thresholds come
from the 2008 table (《工业项目建设用地控制指标》国土资发〔2008〕24号, keyed by
GB/T 4754-2002 大类; RULES.md: 1.0 for 13–16, 18, 19, 24, 30, 40–42; 0.8 for 17, 20–23,
28, 29; 0.7 for 27, 31, 34–37, 39, 43; 0.6 for 26, 32, 33; 0.5 for 25) through the
2017 → 2002 crosswalk (resources/codes/industry_2002_2017.csv) when the codes are
GB/T 4754-2017 (the default profile).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from lowland_under_test.lowland_plugin.core.common import industry
from lowland_under_test.lowland_plugin.core.common.profiles import load_profile
from lowland_under_test.lowland_plugin.core.identify.identification import identify_parcels

CRS = "EPSG:4544"
REFERENCE = dt.date(2025, 6, 30)
SIDE = 100.0
OFFSET = (607_000.0, 4_262_000.0)
ROOT = Path(__file__).resolve().parents[1]
PROFILES = ROOT / "resources" / "profiles"
CODES = ROOT / "resources" / "codes"


def parcels_with(codes: list, gfa: list[float]) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """One operating, supplied 0601 parcel per code (100 m squares along x), each with one
    building of the given GFA covering 40 % (coverage ≥ 30 %: only FAR can fire)."""
    n = len(codes)
    frame = pd.DataFrame(
        {
            "parcel_id": [f"T{i}" for i in range(n)],
            "dlbm": ["0601"] * n,
            "supply_status": ["supplied"] * n,
            "industry_code": pd.Series(codes, dtype=object),
            "operating": pd.Series([True] * n, dtype="boolean"),
            "years_operating": pd.Series([10] * n, dtype="Int64"),
        }
    )
    boxes = [shapely.box(i * 200, 0, i * 200 + SIDE, SIDE) for i in range(n)]
    parcels = gpd.GeoDataFrame(frame, geometry=boxes, crs=CRS)
    buildings = gpd.GeoDataFrame(
        {
            "gfa": gfa,
            "floors": pd.Series([None] * n, dtype="Int64"),
            "year_built": pd.Series([2010] * n, dtype="Int64"),
            "danger_grade": ["A"] * n,
        },
        geometry=[shapely.box(i * 200, 0, i * 200 + 40, SIDE) for i in range(n)],
        crs=CRS,
    )

    def move(g):
        return g.set_geometry(g.geometry.translate(*OFFSET))

    return move(parcels), move(buildings)


def run(codes: list, gfa: list[float], profile="default"):
    parcels, buildings = parcels_with(codes, gfa)
    prof = load_profile(profile)
    return identify_parcels(parcels, prof, buildings=buildings, reference_date=REFERENCE)


def far_reason(table: pd.DataFrame, row: int) -> dict:
    (item,) = [r for r in json.loads(table["reasons"].iloc[row]) if r["rule"] == "far_below_min"]
    return item


def edition_2002_profile(tmp_path: Path) -> Path:
    """The default profile with its input codes declared GB/T 4754-2002."""
    data = json.loads((PROFILES / "default.json").read_text(encoding="utf-8"))
    params = data["rules"]["far_below_min"]["params"]
    params["industry_code_edition"] = {"value": "GB/T 4754-2002", "source": "lowland_local_choice"}
    path = tmp_path / "ed2002.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# ------------------------------------------------------------------ normalising


@pytest.mark.parametrize(
    ("written", "division", "group"),
    [
        ("39", "39", None),
        ("3911", "39", "391"),
        ("391", "39", "391"),
        ("C39", "39", None),
        ("C3911", "39", "391"),
        (" c39 ", "39", None),
        ("39.0", "39", None),  # a float read from a file as text
        (39, "39", None),
        (39.0, "39", None),  # a float column
        (3911.0, "39", "391"),
        ("C 3911", "39", "391"),
        ("X39", None, None),  # 门类 X does not exist for 大类 39 (C is 13–43)
        ("C05", None, None),  # 05 is 门类 A, not C
        ("39111", None, None),  # more than 4 digits
        ("三九", None, None),
    ],
)
def test_normalize_any_written_form(written, division, group):
    code = industry.normalize(written)
    assert code is not None
    assert (code.division, code.group) == (division, group)


@pytest.mark.parametrize("empty", [None, float("nan"), "", "  ", pd.NA])
def test_normalize_no_value(empty):
    assert industry.normalize(empty) is None


# ------------------------------------------------------------------ code tables


def test_far_table_2008_is_the_profiles_table():
    # the shipped 2008 rows (each with its source) are exactly the bundled profiles' table
    with (CODES / "industrial_far_2008.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    shipped = {r["code_2002"]: float(r["min_far"]) for r in rows}
    assert all(r["source"].startswith("工业项目建设用地控制指标 2008") for r in rows)
    for name in ("default", "yinchuan"):
        assert load_profile(name).rules["far_below_min"].params["min_far_by_industry"] == shipped
    # 2002 manufacturing: 大类 13–43 without 38 (GB/T 4754-2002 has no 38) = 30 rows
    assert sorted(shipped) == [f"{c}" for c in range(13, 44) if c != 38]


def test_crosswalk_covers_every_manufacturing_division_of_both_editions():
    table = industry.crosswalk_table()
    # 2017: 13–43 (29 only through its 中类 291 / 292, which tell 2002 29 and 30 apart)
    assert sorted(set(table["code_2017"].str[:2])) == [str(c) for c in range(13, 44)]
    assert sorted(set(table["code_2002"]) - {""}) == [str(c) for c in range(13, 44) if c != 38]
    assert (table["source"].str.len() > 0).all()


@pytest.mark.parametrize(
    ("code_2017", "expected_2002"),
    [
        ("13", ("13",)),
        ("28", ("28",)),
        ("29", ("29", "30")),  # 橡胶和塑料制品业 merges 2002 29 橡胶 + 30 塑料
        ("291", ("29",)),
        ("292", ("30",)),
        ("30", ("31",)),  # 非金属矿物制品业
        ("34", ("35",)),  # 通用设备
        ("347", ("41",)),  # 文化、办公用机械 came from 2002 41
        ("36", ("37",)),  # 汽车 ← 交通运输设备
        ("37", ("37",)),
        ("38", ("39",)),  # 电气机械
        ("39", ("40",)),  # 计算机、通信和其他电子设备
        ("42", ("43",)),  # 废弃资源
        ("43", ()),  # 金属制品、机械和设备修理业: new in 2011, no 2002 大类
        ("99", ()),
    ],
)
def test_2017_to_2002(code_2017, expected_2002):
    code = industry.normalize(code_2017)
    assert industry.to_edition(code, industry.EDITION_2017, industry.EDITION_2002) == (
        expected_2002
    )


def test_2002_to_2017_split():
    code = industry.normalize("37")  # 2002 交通运输设备 → 2017 36 汽车 + 37 其他运输设备
    assert industry.to_edition(code, industry.EDITION_2002, industry.EDITION_2017) == ("36", "37")


# ------------------------------------------------------------ identification


def test_same_plant_written_four_ways_gets_one_threshold():
    # FAR 0.8 (GFA 8000 / 10000 m²). 2017 大类 39 (计算机、通信和其他电子设备) = 2002 40,
    # 2008 minimum 1.0 → 0.8 < 1.0 met, for every written form (audit E1 had 39 → 0.7
    # but 3911 / C39 → 1.0).
    codes = ["39", "3911", "C39", "C3911", " c39 ", 39.0]
    result = run(codes, [8000.0] * len(codes))
    t = result.table
    for row in range(len(codes)):
        r = far_reason(t, row)
        assert r["value"] == pytest.approx(0.8)
        assert r["threshold"]["value"] == 1.0
        assert "大类 39 (GB/T 4754-2017 → 2002: 40)" in r["threshold"]["industry"]
        assert r["threshold"]["source"] == "工业项目建设用地控制指标 2008 · 行业代码 40"
        assert r["met"] is True
    assert t["verdict"].tolist() == ["lowland"] * len(codes)
    assert not [w for w in result.warnings if "行业代码" in w]


def test_same_plant_as_2002_codes_gets_one_threshold(tmp_path):
    # the same four forms read as GB/T 4754-2002: 39 = 电气机械及器材, 2008 minimum 0.7;
    # FAR 0.8 ≥ 0.7 → not met, not lowland
    codes = ["39", "3911", "C39", "C3911"]
    t = run(codes, [8000.0] * 4, edition_2002_profile(tmp_path)).table
    for row in range(4):
        r = far_reason(t, row)
        assert r["threshold"]["value"] == 0.7 and r["met"] is False
        assert r["threshold"]["industry"].endswith("大类 39 (GB/T 4754-2002)")
        assert r["threshold"]["source"] == "工业项目建设用地控制指标 2008 · 行业代码 39"
    assert t["verdict"].tolist() == ["not_lowland"] * 4


def test_2017_code_30_is_2002_31_non_metallic_minerals():
    # 2017 30 非金属矿物制品业 = 2002 31 → 0.7 (was 1.0: audit E1 A4).
    # FAR 0.8 ≥ 0.7 → not lowland; at the boundary FAR 7000 / 10000 = 0.7 is not below
    # 0.7 (not met); 6999 / 10000 = 0.6999 < 0.7 (met).
    t = run(["30", "30", "30"], [8000.0, 7000.0, 6999.0]).table
    for row, far, met in ((0, 0.8, False), (1, 0.7, False), (2, 0.6999, True)):
        r = far_reason(t, row)
        assert r["value"] == pytest.approx(far)
        assert r["threshold"]["value"] == 0.7 and r["met"] is met
        assert "GB/T 4754-2017 → 2002: 31" in r["threshold"]["industry"]
    assert t["verdict"].tolist() == ["not_lowland", "not_lowland", "lowland"]


def test_2002_profile_reads_30_as_plastics(tmp_path):
    # a 2002-edition profile: 30 = 塑料制品业 → 1.0; FAR 0.8 < 1.0 met → lowland;
    # FAR exactly 1.0 (10000 / 10000) → not below
    t = run(["30", "30"], [8000.0, 10000.0], edition_2002_profile(tmp_path)).table
    assert [far_reason(t, i)["threshold"]["value"] for i in (0, 1)] == [1.0, 1.0]
    assert [far_reason(t, i)["met"] for i in (0, 1)] == [True, False]
    assert t["verdict"].tolist() == ["lowland", "not_lowland"]


def test_unknown_code_takes_the_general_minimum_and_warns_once():
    # 99 is no manufacturing 大类: no 2008 row → general min_far 1.0 (金华), said in the
    # reason and warned once though two parcels carry it; FAR 0.8 < 1.0 → met.
    result = run(["99", "99", "C30"], [8000.0, 8000.0, 8000.0])
    t = result.table
    for row in (0, 1):
        r = far_reason(t, row)
        assert r["threshold"]["value"] == 1.0 and r["met"] is True
        assert "无对应" in r["threshold"]["industry"]
        assert r["threshold"]["source"] == "min_far (jinhua_draft)"
    assert far_reason(t, 2)["threshold"]["value"] == 0.7  # C30 (2017) = 2002 31
    warned = [w for w in result.warnings if "行业代码" in w]
    assert len(warned) == 1 and "99" in warned[0] and "C30" not in warned[0]


def test_merged_2017_division_needs_its_group():
    # 2017 29 橡胶和塑料制品业 = 2002 29 (0.8) + 30 (1.0): ambiguous → general 1.0 with a
    # warning; 中类 291 橡胶 → 0.8 and 292 塑料 → 1.0. FAR 0.9: 0.9 < 1.0 met,
    # 0.9 ≥ 0.8 not met, 0.9 < 1.0 met.
    result = run(["29", "2911", "2921"], [9000.0] * 3)
    t = result.table
    assert [far_reason(t, i)["threshold"]["value"] for i in range(3)] == [1.0, 0.8, 1.0]
    assert [far_reason(t, i)["met"] for i in range(3)] == [True, False, True]
    assert "ambiguous" in far_reason(t, 0)["threshold"]["industry"]
    (warned,) = [w for w in result.warnings if "行业代码" in w]
    assert "29" in warned and "2911" not in warned


def test_no_code_is_said():
    # no industry code: general min_far 1.0, the reason has no industry text, and the run
    # says how many industrial parcels had none
    result = run([None], [8000.0])
    r = far_reason(result.table, 0)
    assert r["threshold"]["value"] == 1.0 and r["threshold"]["industry"] is None
    assert any("1 宗工业用地无行业代码" in w for w in result.warnings)


def test_far_minima_direct():
    table = load_profile("default").rules["far_below_min"].params["min_far_by_industry"]
    m = industry.far_minima(
        ["C3911", "30", "43", None], table, industry.EDITION_2017, industry.EDITION_2002, "x"
    )
    assert m.minimum[:2] == [1.0, 0.7]
    assert math.isnan(m.minimum[2]) and math.isnan(m.minimum[3])
    assert m.industry[0] == "C3911 → 大类 39 (GB/T 4754-2017 → 2002: 40)"
    assert m.unmapped == ["43"]


def test_city_without_industry_table_is_not_warned(tmp_path):
    # min_far_by_industry {} (the city does not go by industry): every parcel takes
    # min_far 1.0 and no per-code warning is given; FAR 0.8 < 1.0 met
    data = json.loads((PROFILES / "default.json").read_text(encoding="utf-8"))
    data["rules"]["far_below_min"]["params"]["min_far_by_industry"]["value"] = {}
    path = tmp_path / "flat.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run(["30", None], [8000.0, 8000.0], path)
    assert [far_reason(result.table, i)["threshold"]["value"] for i in (0, 1)] == [1.0, 1.0]
    assert [far_reason(result.table, i)["met"] for i in (0, 1)] == [True, True]
    assert not [w for w in result.warnings if "行业代码" in w]
