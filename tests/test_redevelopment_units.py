"""Core of ``lowland:buildunits`` (Y-3): units from drawn polygons, plan units or automatic
grouping of blocks, and their statistics — hand-computed on small grids.

The grid: 3 × 3 square blocks of 100 m separated by 20 m road reserves, row 0 in the
north; block (r, c) spans x 120c … 120c + 100, y 120(2 − r) … + 100; ids JF001 … JF009
north-west → south-east.
"""

from __future__ import annotations

import json

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from shapely.geometry import box

from lowland_under_test.lowland_plugin.core.checks.scattered import SCATTERED_PIECE_MAX_M2
from lowland_under_test.lowland_plugin.core.common.errors import LowlandInputError
from lowland_under_test.lowland_plugin.core.units.assignment import group_blocks, new_unit_ids
from lowland_under_test.lowland_plugin.core.units.membership import unit_membership
from lowland_under_test.lowland_plugin.core.units.redevelopment import UNIT_FIELDS, build_units
from lowland_under_test.lowland_plugin.core.units.statistics import (
    facility_category,
    is_scattered,
    parcel_areas,
)

CRS = "EPSG:4544"
FIVE_MU_HEIGHT = 200.0 / 3.0  # 50 m × 66.67 m = 3333.33 m² = 5 亩


def block_box(r: int, c: int):
    x, y = 120 * c, 120 * (2 - r)
    return box(x, y, x + 100, y + 100)


def grid_blocks(extra: dict[str, object] | None = None) -> gpd.GeoDataFrame:
    ids = [f"JF{i + 1:03d}" for i in range(9)]
    geoms = [block_box(r, c) for r in range(3) for c in range(3)]
    for bid, geom in (extra or {}).items():
        ids.append(bid)
        geoms.append(geom)
    return gpd.GeoDataFrame({"block_id": ids, "block_name": ids}, geometry=geoms, crs=CRS)


def parcels_frame(rows) -> gpd.GeoDataFrame:
    """rows: (parcel_id, geometry, verdict, lowland_type, final_verdict, final_type, gfa)."""
    cols = [
        "parcel_id",
        "geometry",
        "verdict",
        "lowland_type",
        "final_verdict",
        "final_type",
        "gfa",
    ]
    frame = pd.DataFrame(rows, columns=cols)
    frame["gfa"] = frame["gfa"].astype(float)
    gdf = gpd.GeoDataFrame(frame, geometry="geometry", crs=CRS)
    gdf["area_m2"] = gdf.geometry.area
    return gdf


def grid_parcels() -> gpd.GeoDataFrame:
    h = FIVE_MU_HEIGHT
    return parcels_frame(
        [
            # JF001 (x 0–100, y 240–340)
            ("P01", box(0, 240, 50, 340), "lowland", "industrial", None, None, 2000),
            ("P02", box(50, 240, 100, 340), "not_lowland", None, None, None, 8000),
            # JF002 (x 120–220, y 240–340): P03 overturned on review, P04 retyped, 5 亩 exactly
            ("P03", box(120, 240, 170, 340), "lowland", "industrial", "not_lowland", None, 1000),
            (
                "P04",
                box(170, 240, 220, 240 + h),
                "lowland",
                "village",
                None,
                "commercial_residential",
                None,
            ),
            ("P05", box(170, 240 + h, 220, 340), "lowland", "other", None, None, 500),
            # JF003
            ("P09", box(240, 240, 340, 340), "not_lowland", None, None, None, 4000),
            # JF005 (x 120–220, y 120–220): P06 just above 5 亩
            ("P06", box(120, 120, 170, 120 + h + 0.002), "lowland", "industrial", None, None, 700),
            ("P07", box(170, 120, 220, 220), "not_lowland", None, None, None, 300),
            ("P08", box(120, 120 + h + 0.002, 170, 220), "lowland", "facility", None, None, None),
        ]
    )


def grid_plan() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "plan_id": ["PL1", "PL2", "PL3", "PL4", "PL5"],
            "plan_code": ["100101", "080403", "1401", "1305", "1402"],
            "far_max": [2.0, 1.0, 0.1, 0.5, None],
        },
        geometry=[
            box(-10, 230, 110, 350),  # JF001 and road reserve: 10000 m² inside the unit
            box(120, 240, 170, 340),
            box(170, 240, 220, 340),
            box(120, 120, 170, 220),
            box(170, 120, 220, 220),
        ],
        crs=CRS,
    )


def drawn_units() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "unit_id": ["A1", None, "C3", "B4"],
            "unit_name": ["一号单元", "二号", None, "四号"],
            "phase": ["近期", "mid", None, "far"],
            "notes": ["试点", None, None, None],
            "other": [1, 2, 3, 4],
        },
        geometry=[
            box(-10, 230, 230, 350),  # along road centre lines around JF001 + JF002
            box(123, 123, 217, 217),  # 3 m inside JF005 (tolerance 5 m)
            box(240, 0, 290, 100),  # half of JF009 only
            box(110, 230, 350, 350),  # JF002 again (tie with A1) and JF003
        ],
        crs=CRS,
    )


@pytest.fixture(scope="module")
def drawn_result():
    return build_units(
        grid_blocks(),
        grid_parcels(),
        "drawn",
        units=drawn_units(),
        plan=grid_plan(),
        snap_tolerance=5.0,
    )


def by_id(frame, key="unit_id"):
    return frame.set_index(key)


def test_drawn_units_follow_block_edges(drawn_result):
    units = by_id(drawn_result.units)
    assert list(drawn_result.units["unit_id"]) == ["A1", "B4", "DY01"]  # C3 has no whole block
    assert list(drawn_result.units.columns[:-1]) == list(UNIT_FIELDS)
    assert json.loads(units.loc["A1", "block_ids"]) == ["JF001", "JF002"]
    assert json.loads(units.loc["DY01", "block_ids"]) == ["JF005"]
    assert json.loads(units.loc["B4", "block_ids"]) == ["JF003"]
    # the unit is the union of its blocks, not the drawn polygon
    assert units.loc["A1", "area_m2"] == pytest.approx(20000.0)
    assert units.loc["A1", "area_mu"] == pytest.approx(30.0)
    assert units.loc["DY01", "area_m2"] == pytest.approx(10000.0)
    a1 = drawn_result.units.set_index("unit_id").geometry["A1"]
    assert a1.geom_type == "MultiPolygon" and a1.equals(
        shapely.union_all([block_box(0, 0), block_box(0, 1)])
    )
    assert (units.loc["A1", "phase"], units.loc["DY01", "phase"], units.loc["B4", "phase"]) == (
        "near",
        "mid",
        "far",
    )
    assert units.loc["A1", "unit_name"] == "一号单元" and units.loc["A1", "notes"] == "试点"
    assert set(drawn_result.units["source"]) == {"drawn"}
    assert "other" not in drawn_result.units.columns
    blocks = by_id(drawn_result.blocks, "block_id")["unit_id"]
    assert blocks.to_dict() == {
        "JF001": "A1",
        "JF002": "A1",
        "JF003": "B4",
        "JF004": None,
        "JF005": "DY01",
        "JF006": None,
        "JF007": None,
        "JF008": None,
        "JF009": None,
    }


def test_drawn_unit_statistics(drawn_result):
    a1 = by_id(drawn_result.units).loc["A1"]
    assert (a1["block_count"], a1["parcel_count"], a1["lowland_count"]) == (2, 5, 3)
    # P01 5000 industrial + P04 3333.33 commercial_residential (final_type) + P05 1666.67 other;
    # P03 is overturned by its final verdict
    assert a1["lowland_area_m2"] == pytest.approx(10000.0)
    assert a1["lowland_share"] == pytest.approx(0.5)
    assert a1["lowland_industrial_m2"] == pytest.approx(5000.0)
    assert a1["lowland_village_m2"] == 0.0
    assert a1["lowland_commercial_residential_m2"] == pytest.approx(10000 / 3)
    assert a1["lowland_facility_m2"] == 0.0
    assert a1["lowland_other_m2"] == pytest.approx(5000 / 3)
    assert a1["gfa_existing"] == pytest.approx(11500.0)  # P04's unknown gfa adds nothing
    # PL1 2.0 × 10000 (only the part inside the unit) + PL2 1.0 × 5000 + PL3 0.1 × 5000
    assert a1["gfa_capacity"] == pytest.approx(25500.0)
    # P04 exactly 5 亩 (inclusive) and P05
    assert (a1["scattered_count"], a1["scattered_area_m2"]) == (2, pytest.approx(5000.0))
    assert json.loads(a1["facilities"]) == {"education": 5000.0, "park": 5000.0}
    assert a1["facility_area_m2"] == pytest.approx(10000.0)

    dy = by_id(drawn_result.units).loc["DY01"]
    assert (dy["parcel_count"], dy["lowland_count"]) == (3, 2)
    assert dy["lowland_industrial_m2"] == pytest.approx(50 * (FIVE_MU_HEIGHT + 0.002))
    # P06 is 0.1 m² above 5 亩: only P08 is scattered
    assert dy["scattered_count"] == 1
    assert dy["scattered_area_m2"] == pytest.approx(50 * (100 - FIVE_MU_HEIGHT - 0.002))
    assert dy["gfa_existing"] == pytest.approx(1000.0)
    assert dy["gfa_capacity"] == pytest.approx(2500.0)  # PL5 has no far_max
    assert json.loads(dy["facilities"]) == {"utility": 5000.0}  # 1402 防护绿地 is not one
    assert any("far_max" in w and "PL5" in w for w in drawn_result.warnings)

    b4 = by_id(drawn_result.units).loc["B4"]
    assert (b4["lowland_count"], b4["lowland_share"], b4["gfa_existing"]) == (0, 0.0, 4000.0)
    assert json.loads(b4["facilities"]) == {} and b4["facility_area_m2"] == 0.0


def test_drawn_conflicts(drawn_result):
    c = drawn_result.conflicts
    assert list(c.columns) == [
        "conflict",
        "unit_id",
        "block_id",
        "parcel_id",
        "other_unit_ids",
        "area_m2",
        "reason",
    ]
    rows = {(r.conflict, r.unit_id, r.block_id) for r in c.itertuples()}
    assert rows == {
        ("block_claimed_twice", "A1", "JF002"),  # equal cover: the smaller id wins
        ("block_partly_covered", "C3", "JF009"),
        ("unit_without_blocks", "C3", None),
    }
    twice = c[c["conflict"] == "block_claimed_twice"].iloc[0]
    assert json.loads(twice["other_unit_ids"]) == ["B4"]
    partly = c[c["conflict"] == "block_partly_covered"].iloc[0]
    assert partly["area_m2"] == pytest.approx(5000.0)


def test_parcels_get_the_unit_of_their_block(drawn_result):
    parcels = by_id(drawn_result.parcels, "parcel_id")["unit_id"]
    assert parcels["P01"] == "A1" and parcels["P05"] == "A1" and parcels["P09"] == "B4"
    assert parcels["P06"] == "DY01"
    assert len(drawn_result.parcels) == 9  # every input parcel, input fields kept
    assert "final_type" in drawn_result.parcels.columns


def test_snap_tolerance_decides_membership():
    """3 m inside the block: in with 5 m, out (and reported) with 2 m."""
    parcels = grid_parcels()
    unit = gpd.GeoDataFrame({"unit_id": ["U"]}, geometry=[box(123, 123, 217, 217)], crs=CRS)
    inside = build_units(grid_blocks(), parcels, "drawn", units=unit, snap_tolerance=5.0)
    assert list(inside.units["block_count"]) == [1]
    out = build_units(grid_blocks(), parcels, "drawn", units=unit, snap_tolerance=2.0)
    assert len(out.units) == 0
    assert set(out.conflicts["conflict"]) == {"block_partly_covered", "unit_without_blocks"}
    assert out.blocks["unit_id"].isna().all() and out.parcels["unit_id"].isna().all()


def test_plan_unit_mode():
    blocks = grid_blocks({"JF010": box(1000, 0, 1100, 100)})
    plan_units = gpd.GeoDataFrame(
        {"DYBH": ["KG-01", "KG-01", "KG-02", "KG-02"], "phase": [None, None, "远期", "远期"]},
        geometry=[
            box(-10, -10, 350, 110),
            box(-10, 110, 260, 230),
            box(-10, 230, 350, 350),
            box(260, 110, 350, 230),
        ],
        crs=CRS,
    )
    res = build_units(
        blocks, grid_parcels(), "plan_unit", plan_units=plan_units, plan_unit_id_field="DYBH"
    )
    units = by_id(res.units)
    assert list(res.units["unit_id"]) == ["KG-01", "KG-02"]
    assert json.loads(units.loc["KG-01", "block_ids"]) == [
        "JF004",
        "JF005",
        "JF007",
        "JF008",
        "JF009",
    ]
    # JF006: 2000 m² in KG-01, 8000 m² in KG-02
    assert json.loads(units.loc["KG-02", "block_ids"]) == ["JF001", "JF002", "JF003", "JF006"]
    assert units.loc["KG-02", "phase"] == "far" and units.loc["KG-01", "phase"] is None
    assert set(res.units["source"]) == {"plan_unit"}
    assert units.loc["KG-02", "area_m2"] == pytest.approx(40000.0)
    assert units.loc["KG-02", "gfa_capacity"] is None or np.isnan(
        units.loc["KG-02", "gfa_capacity"]
    )
    c = res.conflicts
    split = c[c["conflict"] == "block_split_by_plan_units"]
    assert list(split["block_id"]) == ["JF006"] and split.iloc[0]["area_m2"] == pytest.approx(2000)
    assert json.loads(split.iloc[0]["other_unit_ids"]) == ["KG-01"]
    outside = c[c["conflict"] == "block_outside_plan_units"]
    assert list(outside["block_id"]) == ["JF010"]
    assert res.blocks.set_index("block_id")["unit_id"]["JF010"] is None


def auto_parcels(lowland: dict[str, float]) -> gpd.GeoDataFrame:
    """One low-efficiency parcel of the given area in the south-west of each listed block."""
    rows = []
    for i in range(9):
        bid = f"JF{i + 1:03d}"
        x0, y0 = 120 * (i % 3), 120 * (2 - i // 3)
        low = lowland.get(bid, 0.0)
        if low:
            rows.append(
                (
                    f"L{bid}",
                    box(x0, y0, x0 + 100, y0 + low / 100),
                    "lowland",
                    "industrial",
                    None,
                    None,
                    0,
                )
            )
        if low < 10000:
            rows.append(
                (
                    f"N{bid}",
                    box(x0, y0 + low / 100, x0 + 100, y0 + 100),
                    "not_lowland",
                    None,
                    None,
                    None,
                    0,
                )
            )
    gdf = parcels_frame(rows)
    gdf["block_id"] = [p[1:] for p in gdf["parcel_id"]]
    return gdf


def test_auto_grouping_by_target_area_and_share():
    parcels = auto_parcels({"JF002": 6000, "JF004": 2000, "JF005": 9000, "JF009": 4000})
    res = build_units(
        grid_blocks(),
        parcels,
        "auto",
        target_area_ha=3.0,
        min_lowland_share=0.3,
        adjacency_distance=25.0,  # across the 20 m roads, not diagonally (28.3 m)
    )
    units = by_id(res.units)
    # seed JF005 (9000) takes JF002 (share 0.6), then JF004 (0.2): 3 ha reached
    assert json.loads(units.loc["DY01", "block_ids"]) == ["JF002", "JF004", "JF005"]
    assert units.loc["DY01", "lowland_share"] == pytest.approx(17000 / 30000)
    # seed JF009 (4000) alone: adding a neighbour without 低效 land would drop it to 0.2
    assert json.loads(units.loc["DY02", "block_ids"]) == ["JF009"]
    assert units.loc["DY02", "unit_name"] == "再开发单元02"
    assert len(res.units) == 2 and set(res.units["source"]) == {"auto"}
    assert res.conflicts.empty
    # a higher minimum share: JF009 (0.4) forms no unit
    strict = build_units(
        grid_blocks(),
        parcels,
        "auto",
        target_area_ha=3.0,
        min_lowland_share=0.5,
        adjacency_distance=25.0,
    )
    assert list(strict.units["unit_id"]) == ["DY01"]


def test_group_blocks_is_deterministic_on_ties():
    # four equal blocks in a row, equal 低效 area: the first block seeds, neighbours in order
    areas = np.full(4, 100.0)
    low = np.full(4, 50.0)
    neighbours = [{1}, {0, 2}, {1, 3}, {2}]
    assert group_blocks(areas, low, neighbours, 200.0, 0.3) == [[0, 1], [2, 3]]
    assert group_blocks(areas, np.zeros(4), neighbours, 200.0, 0.0) == []


def test_parcel_split_and_unknown_block():
    blocks = grid_blocks()
    parcels = parcels_frame(
        [
            (
                "S1",
                box(50, 200, 100, 260),
                "lowland",
                "industrial",
                None,
                None,
                10,
            ),  # JF001 + JF004
            ("S2", box(0, 120, 40, 160), "not_lowland", None, None, None, 10),
            ("S3", box(0, 240, 40, 280), "not_lowland", None, None, None, 10),
        ]
    )
    parcels["block_id"] = ["JF001", "JF999", None]
    units = gpd.GeoDataFrame(
        {"unit_id": ["N", "S"]},
        geometry=[box(-10, 230, 110, 350), box(-10, 110, 110, 230)],
        crs=CRS,
    )
    res = build_units(blocks, parcels, "drawn", units=units, snap_tolerance=5.0)
    p = res.parcels.set_index("parcel_id")["unit_id"]
    # S1 by its block_id; S2 names an unknown block: largest overlap; S3 null block_id: overlap
    assert p.to_dict() == {"S1": "N", "S2": "S", "S3": "N"}
    c = res.conflicts
    split = c[c["conflict"] == "parcel_split"].iloc[0]
    assert (split["parcel_id"], split["unit_id"]) == ("S1", "N")
    assert json.loads(split["other_unit_ids"]) == ["S"] and split["area_m2"] == pytest.approx(1000)
    assert list(c[c["conflict"] == "parcel_unknown_block"]["parcel_id"]) == ["S2"]
    # a unit's parcels: S1 whole (its area_m2) in N
    assert by_id(res.units).loc["N", "lowland_area_m2"] == pytest.approx(3000.0)


def test_generated_ids_follow_space_not_input_order():
    units = gpd.GeoDataFrame(
        {"unit_id": [None, None, "DY01"]},
        geometry=[block_box(2, 2).buffer(3), block_box(0, 0).buffer(3), block_box(1, 1).buffer(3)],
        crs=CRS,
    )
    first = build_units(grid_blocks(), grid_parcels(), "drawn", units=units)
    shuffled = build_units(
        grid_blocks().iloc[::-1], grid_parcels().iloc[::-1], "drawn", units=units.iloc[::-1]
    )
    for res in (first, shuffled):
        blocks = res.blocks.set_index("block_id")["unit_id"]
        assert (blocks["JF001"], blocks["JF005"], blocks["JF009"]) == ("DY02", "DY01", "DY03")
    pd.testing.assert_frame_equal(
        pd.DataFrame(first.units.drop(columns="geometry")),
        pd.DataFrame(shuffled.units.drop(columns="geometry")),
    )
    assert new_unit_ids(3, {"DY02"}) == ["DY01", "DY03", "DY04"]


def test_facility_categories_from_the_code_table():
    assert facility_category("080403") == "education"
    assert facility_category("0806") == "health"
    assert facility_category("08") == "public_service"
    assert facility_category("1305") == "utility"
    assert facility_category("120803") == "parking"
    assert facility_category("1207") is None  # roads are not a facility
    assert facility_category("1402") is None  # protective green: listed as not counted
    assert facility_category("0901") is None
    assert facility_category(None) is None


def test_scattered_limit_is_five_mu_inclusive():
    assert SCATTERED_PIECE_MAX_M2 == pytest.approx(10000 / 15 * 5)
    assert list(is_scattered(np.array([10000 / 3, 10000 / 3 + 0.01, 1.0]))) == [True, False, True]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"mode": "drawn"}, "UNITS"),
        ({"mode": "plan_unit"}, "PLAN_UNITS"),
        ({"mode": "plan_unit", "plan_units": "PU", "plan_unit_id_field": "nope"}, "nope"),
        ({"mode": "drawn", "units": "DUP"}, "duplicate unit_id"),
        ({"mode": "drawn", "units": "DUPCASE"}, r"\['DY01', 'dy01 '\]|\['DY01', 'dy01'\]"),
        ({"mode": "drawn", "units": "BADPHASE"}, "soon"),
        ({"mode": "auto", "target_area_ha": 0}, "target area"),
    ],
)
def test_input_errors(kwargs, message):
    layers = {
        "PU": gpd.GeoDataFrame({"DYBH": ["K"]}, geometry=[box(0, 0, 400, 400)], crs=CRS),
        "DUP": gpd.GeoDataFrame({"unit_id": ["X", "X"]}, geometry=[box(0, 0, 1, 1)] * 2, crs=CRS),
        "DUPCASE": gpd.GeoDataFrame(
            {"unit_id": ["DY01", "dy01 "]}, geometry=[box(0, 0, 1, 1)] * 2, crs=CRS
        ),
        "BADPHASE": gpd.GeoDataFrame(
            {"unit_id": ["X"], "phase": ["soon"]}, geometry=[box(0, 0, 1, 1)], crs=CRS
        ),
    }
    kwargs = {k: layers.get(v, v) if isinstance(v, str) else v for k, v in kwargs.items()}
    mode = kwargs.pop("mode")
    with pytest.raises(LowlandInputError, match=message):
        build_units(grid_blocks(), grid_parcels(), mode, **kwargs)


def test_block_and_parcel_input_errors():
    blocks = grid_blocks()
    with pytest.raises(LowlandInputError, match="block_id"):
        build_units(blocks.drop(columns="block_id"), grid_parcels(), "auto")
    with pytest.raises(LowlandInputError, match="no blocks"):
        build_units(blocks.iloc[:0], grid_parcels(), "auto")
    dup = blocks.assign(block_id=["JF001"] * 9)
    with pytest.raises(LowlandInputError, match="duplicate block_id"):
        build_units(dup, grid_parcels(), "auto")
    with pytest.raises(LowlandInputError, match="verdict"):
        build_units(blocks, grid_parcels().drop(columns="verdict"), "auto")


# ============================================================== sample district, core chain


@pytest.fixture(scope="module")
def sample_blocks(sample_gpkg):
    """delineate_blocks (core) on the sample roads, with the parcels' block_id; parcels get
    a stand-in verdict: industrial 三调 codes (06…) are 低效."""
    from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer
    from lowland_under_test.lowland_plugin.core.units.blocks import delineate_blocks

    read = lambda name: read_ogr_layer(str(sample_gpkg), name)  # noqa: E731
    result = delineate_blocks(read("roads"), read("boundary"), read("parcels"))
    parcels = result.parcels
    industrial = parcels["dlbm"].astype(str).str.startswith("06")
    parcels["verdict"] = np.where(industrial, "lowland", "not_lowland")
    parcels["lowland_type"] = np.where(industrial, "industrial", None)
    return result.blocks, parcels


def test_sample_chain_drawn_units(sample_blocks):
    from pathlib import Path

    from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer

    blocks, parcels = sample_blocks
    units_file = Path(__file__).resolve().parents[1] / "resources" / "sample" / "sample_units.gpkg"
    res = build_units(blocks, parcels, "drawn", units=read_ogr_layer(str(units_file), "units"))
    units = by_id(res.units)
    assert list(units.index) == ["DY01", "DY02", "DY03", "DY04"]
    assert list(units["block_count"]) == [2, 2, 2, 2]
    # DY01: the blocks between 阅海大街, 正源北街, 长城西路 and 丰庆路 (337 + 335 m × 343 m)
    assert units.loc["DY01", "area_m2"] == pytest.approx(230496.0, rel=1e-3)
    assert res.conflicts.empty
    assert units["parcel_count"].sum() == res.parcels["unit_id"].notna().sum()


def test_sample_chain_automatic_units_are_disjoint_and_reach_the_share(sample_blocks):
    blocks, parcels = sample_blocks
    kwargs = {"target_area_ha": 40.0, "min_lowland_share": 0.2, "adjacency_distance": 30.0}
    res = build_units(blocks, parcels, "auto", **kwargs)
    again = build_units(blocks.iloc[::-1], parcels.iloc[::-1], "auto", **kwargs)
    assert len(res.units) >= 1
    assert list(res.units["unit_id"]) == [f"DY{i + 1:02d}" for i in range(len(res.units))]
    pd.testing.assert_frame_equal(
        pd.DataFrame(res.units.drop(columns="geometry")),
        pd.DataFrame(again.units.drop(columns="geometry")),
    )
    members = [b for ids in res.units["block_ids"] for b in json.loads(ids)]
    assert len(members) == len(set(members))  # every block in at most one unit
    assert (res.units["lowland_share"] >= 0.2 - 1e-12).all()
    areas = blocks.set_index("block_id").geometry.area
    for row in res.units.itertuples():
        assert row.area_m2 == pytest.approx(areas[json.loads(row.block_ids)].sum())


# ------------------------------------------------------------------ one membership rule (Y-3)


def two_units() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"unit_id": ["B", "A"], "block_ids": ['["JF002"]', '["JF001"]']},
        geometry=[box(100, 0, 200, 100), box(0, 0, 100, 100)],
        crs=CRS,
    )


def test_a_parcel_straddling_two_units_goes_to_the_larger_overlap():
    parcels = gpd.GeoDataFrame(
        {"parcel_id": ["P1", "P2", "P3", "P4"]},
        geometry=[
            box(60, 0, 180, 50),
            box(20, 0, 120, 50),
            box(50, 0, 150, 50),
            box(300, 0, 310, 5),
        ],
        crs=CRS,
    )
    # P3: equal overlap → the smaller unit_id; P4 overlaps no unit
    assert unit_membership(parcels, two_units()).tolist() == ["B", "A", "A", None]


def test_a_parcel_goes_to_the_unit_of_its_block_before_the_overlap():
    parcels = gpd.GeoDataFrame(
        {"parcel_id": ["P1", "P2", "P3"], "block_id": ["JF001", "JF999", None]},
        geometry=[box(60, 0, 180, 50)] * 3,  # mostly in B
        crs=CRS,
    )
    units = two_units()
    assert unit_membership(parcels, units).tolist() == ["A", "B", "B"]
    blocks = pd.DataFrame({"block_id": ["JF001", "JF002"], "unit_id": ["A", "B"]})
    assert unit_membership(parcels, units, blocks).tolist() == ["A", "B", "B"]
    # an own unit_id naming a unit comes first (the buildunits parcels output)
    named = parcels.assign(unit_id=["B", None, "ZZ"])
    assert unit_membership(named, units).tolist() == ["B", "B", "B"]


def test_build_units_puts_a_parcel_in_the_unit_of_its_block():
    """JF001 in A1, JF002 in B4: a parcel of JF001 reaching mostly into JF002 stays in A1."""
    parcels = grid_parcels()
    parcels.loc[0, "geometry"] = box(90, 240, 170, 340)  # 10 m in JF001, 50 m in JF002
    parcels["block_id"] = [None] * len(parcels)
    parcels.loc[0, "block_id"] = "JF001"
    units = gpd.GeoDataFrame(
        {"unit_id": ["A1", "B4"]},
        geometry=[box(-10, 230, 110, 350), box(110, 230, 230, 350)],
        crs=CRS,
    )
    res = build_units(grid_blocks(), parcels, "drawn", units=units, snap_tolerance=5.0)
    assert res.parcels.set_index("parcel_id")["unit_id"]["P01"] == "A1"
    without = build_units(
        grid_blocks(), parcels.drop(columns="block_id"), "drawn", units=units, snap_tolerance=5.0
    )
    assert without.parcels.set_index("parcel_id")["unit_id"]["P01"] == "B4"


def test_negative_or_infinite_parcel_figures_are_refused_naming_the_parcel():
    # issue 21 item 13: a unit's areas are sums; -500 m² would silently shrink them
    parcels = gpd.GeoDataFrame(
        {"parcel_id": ["A", "B"], "area_m2": [1200.0, -500.0]},
        geometry=[shapely.box(0, 0, 10, 10), shapely.box(10, 0, 20, 10)],
        crs="EPSG:4544",
    )
    with pytest.raises(LowlandInputError, match="B=-500"):
        parcel_areas(parcels)
    # an empty area is the polygon's: 10 × 10 = 100 m²
    parcels["area_m2"] = [1200.0, None]
    assert parcel_areas(parcels).tolist() == [1200.0, 100.0]
