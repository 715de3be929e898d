"""Live metrics of the 绘制再开发单元 tool (core/units/live_metrics.py), hand-computed.

Three 100 m × 100 m blocks in a row, 20 m roads between them:
JF001 x 0…100, JF002 x 120…220, JF003 x 240…340, all y 0…100 (10 000 m² each).
The outline x −2…280, y −2…102 takes JF001 and JF002 whole (their edges 2 m inside the
5 m tolerance) and 40 % of JF003 (x 240…280: 4 000 m²).
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import Polygon, box

from lowland_under_test.lowland_plugin.core.units.live_metrics import (
    prepare_district,
    saved_unit_statistics,
    unit_metrics,
)
from lowland_under_test.lowland_plugin.core.units.redevelopment import build_units

CRS = "EPSG:4544"
OUTLINE = box(-2, -2, 280, 102)


def blocks() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"block_id": ["JF001", "JF002", "JF003"]},
        geometry=[box(0, 0, 100, 100), box(120, 0, 220, 100), box(240, 0, 340, 100)],
        crs=CRS,
    )


def parcels() -> gpd.GeoDataFrame:
    rows = [
        # parcel_id, block_id, geometry, verdict, lowland_type, gfa
        ("A1", "JF001", box(0, 0, 50, 100), "lowland", "industrial", 4000.0),
        ("A2", "JF001", box(50, 0, 100, 100), "efficient", None, 6000.0),
        ("B1", "JF002", box(120, 0, 140, 100), "lowland", "commercial_residential", np.nan),
        ("B2", "JF002", box(140, 0, 220, 100), "lowland", "village", np.nan),
        ("C1", "JF003", box(240, 0, 340, 100), "lowland", "industrial", 9000.0),
        # no block_id: in the road only touching JF001/JF002 (out), and reaching 10 m
        # into JF001 (in: Y-3, a parcel without block goes to the unit it overlaps)
        ("R1", None, box(100, 0, 120, 10), "lowland", "other", 50.0),
        ("R2", None, box(90, 40, 110, 60), "efficient", None, 100.0),
    ]
    return gpd.GeoDataFrame(
        {
            "parcel_id": [r[0] for r in rows],
            "block_id": [r[1] for r in rows],
            "verdict": [r[3] for r in rows],
            "lowland_type": [r[4] for r in rows],
            "gfa": [r[5] for r in rows],
        },
        geometry=[r[2] for r in rows],
        crs=CRS,
    )


def test_two_whole_blocks_and_forty_percent_of_a_third():
    district = prepare_district(blocks(), parcels(), tolerance=5.0)
    m = unit_metrics(district, OUTLINE)
    assert m.whole_blocks == ["JF001", "JF002"]
    assert m.outline_area_m2 == pytest.approx(282 * 104)  # 29 328 m²
    assert m.area_m2 == pytest.approx(20000.0)  # two whole blocks
    assert m.area_ha == pytest.approx(2.0)
    assert m.area_mu == pytest.approx(30.0)  # 20 000 / 666.67
    [part] = m.partial_blocks
    assert part.block_id == "JF003"
    assert part.covered_m2 == pytest.approx(4000.0) and part.share == pytest.approx(0.4)
    assert part.deviation_m == pytest.approx(60.0)  # corner x 340 is 60 m beyond x 280
    # parcels A1, A2, B1, B2 by block_id, R2 by overlap (200 m²); R1 only touches
    assert sorted(district.parcels["parcel_id"].iloc[m.parcel_index]) == [
        "A1", "A2", "B1", "B2", "R2",
    ]  # fmt: skip
    assert m.parcel_count == 5 and m.lowland_count == 3
    assert m.lowland_area_m2 == pytest.approx(15000.0)  # 5 000 + 2 000 + 8 000
    assert m.lowland_share == pytest.approx(0.75)  # 15 000 / 20 000
    assert m.lowland_by_type["industrial"] == pytest.approx(5000.0)
    assert m.lowland_by_type["village"] == pytest.approx(8000.0)
    assert m.lowland_by_type["commercial_residential"] == pytest.approx(2000.0)
    assert m.type_shares() == pytest.approx(
        {"industrial": 0.25, "village": 0.40, "commercial_residential": 0.10}
    )
    assert m.gfa_existing == pytest.approx(10100.0)  # 4 000 + 6 000 + 100; B1, B2 unknown
    # ≤ 5 亩 (3 333.33 m²) low-efficiency: B1 (2 000 m²) only; A1 is 7.5 亩
    assert m.scattered_count == 1 and m.scattered_area_m2 == pytest.approx(2000.0)
    assert m.closest_miss() == part


def test_an_outline_with_no_whole_block_names_the_block_it_missed():
    district = prepare_district(blocks(), parcels(), tolerance=5.0)
    m = unit_metrics(district, box(230, -5, 300, 105))
    assert m.whole_blocks == [] and m.area_m2 == 0.0
    assert m.lowland_share is None  # unknown, not 0
    miss = m.closest_miss()
    assert miss.block_id == "JF003" and miss.share == pytest.approx(0.6)  # x 240…300
    assert miss.deviation_m == pytest.approx(40.0)  # 340 − 300


def test_a_block_with_a_bulging_edge_is_partly_taken_by_its_four_corners():
    # the audit's JF003: a middle vertex 15 m above the straight north edge
    bulge = Polygon([(0, 0), (100, 0), (100, 100), (50, 115), (0, 100)])
    frame = gpd.GeoDataFrame({"block_id": ["JF003"]}, geometry=[bulge], crs=CRS)
    m = unit_metrics(prepare_district(frame, None, 5.0), box(0, 0, 100, 100))
    assert m.whole_blocks == []
    [part] = m.partial_blocks
    assert part.share == pytest.approx(10000.0 / 10750.0)  # triangle 100 × 15 / 2 outside
    assert part.deviation_m == pytest.approx(15.0)
    assert m.parcel_count is None and m.lowland_area_m2 is None  # no parcels: unknown


def test_saved_statistics_equal_those_of_buildunits():
    district = prepare_district(blocks(), parcels(), tolerance=5.0)
    saved = saved_unit_statistics(district, OUTLINE)
    units = gpd.GeoDataFrame({"unit_id": ["DY01"]}, geometry=[OUTLINE], crs=CRS)
    built = build_units(blocks(), parcels(), "drawn", units=units, snap_tolerance=5.0)
    row = built.units.iloc[0]
    assert saved["block_ids"] == '["JF001", "JF002"]' and saved["block_count"] == 2
    assert saved["source"] == "drawn"
    for name in (
        "parcel_count", "area_m2", "area_mu", "lowland_count", "lowland_area_m2",
        "lowland_share", "lowland_industrial_m2", "lowland_village_m2", "gfa_existing",
        "scattered_count", "scattered_area_m2",
    ):  # fmt: skip
        assert saved[name] == pytest.approx(row[name]), name
    assert saved["area_m2"] == pytest.approx(20000.0) and saved["lowland_count"] == 3
    assert saved["lowland_share"] == pytest.approx(0.75)


def test_saved_statistics_without_parcels_keep_the_parcel_figures_unknown():
    saved = saved_unit_statistics(prepare_district(blocks(), None, 5.0), OUTLINE)
    assert saved["area_m2"] == pytest.approx(20000.0) and saved["block_count"] == 2
    assert saved["lowland_area_m2"] is None and saved["parcel_count"] is None
