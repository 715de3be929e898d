"""Hand-computed parcel indicators (core, no QGIS)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from lowland_under_test.lowland_plugin.core.common.errors import LowlandInputError
from lowland_under_test.lowland_plugin.core.identify.indicators import (
    building_gfa,
    compute_parcel_indicators,
    is_dangerous_grade,
)

CRS = "EPSG:4544"


def parcels_frame(rows):
    return gpd.GeoDataFrame(
        {"parcel_id": [r[0] for r in rows]}, geometry=[r[1] for r in rows], crs=CRS
    )


def buildings_frame(rows):
    cols = ["building_id", "floors", "gfa", "year_built", "danger_grade"]
    data = {c: [r[i] for r in rows] for i, c in enumerate(cols)}
    data["floors"] = pd.array(data["floors"], dtype="Int64")
    data["gfa"] = np.array([np.nan if v is None else v for v in data["gfa"]], dtype=float)
    data["year_built"] = pd.array(data["year_built"], dtype="Int64")
    return gpd.GeoDataFrame(data, geometry=[r[5] for r in rows], crs=CRS)


@pytest.fixture
def two_parcels():
    # P1: 100 m x 100 m = 10000 m² = 15 亩; P2 to its east, same size.
    return parcels_frame(
        [("P1", shapely.box(0, 0, 100, 100)), ("P2", shapely.box(100, 0, 200, 100))]
    )


def test_building_across_two_parcels_counts_by_clipped_share(two_parcels):
    # B1 20x10 wholly in P1, 3 floors -> 600 m² GFA, 200 m² footprint.
    # B2 spans x 80..120 (40x10 = 400 m² footprint), gfa 1200 given: half on each parcel.
    b = buildings_frame(
        [
            ("B1", 3, None, 1990, "C", shapely.box(10, 10, 30, 20)),
            ("B2", 3, 1200.0, 2005, "A", shapely.box(80, 50, 120, 60)),
        ]
    )
    t = compute_parcel_indicators(two_parcels, b).table
    p1, p2 = t.iloc[0], t.iloc[1]
    assert p1.area_m2 == pytest.approx(10000)
    assert p1.area_mu == pytest.approx(15.0)
    assert p1.gfa == pytest.approx(600 + 600)
    assert p1.far == pytest.approx(0.12)
    assert p1.building_density == pytest.approx((200 + 200) / 10000)
    assert p1.building_count == 2
    assert p1.oldest_year == 1990
    assert p1.newest_year == 2005
    assert p1.danger_cd_share == pytest.approx(600 / 1200)
    assert p2.gfa == pytest.approx(600)
    assert p2.building_density == pytest.approx(0.02)
    assert p2.building_count == 1
    assert p2.oldest_year == 2005
    assert p2.danger_cd_share == pytest.approx(0.0)


def test_parcel_without_buildings(two_parcels):
    b = buildings_frame([("B1", 2, None, 2000, "B", shapely.box(10, 10, 20, 20))])
    t = compute_parcel_indicators(two_parcels, b).table
    p2 = t.iloc[1]
    assert p2.gfa == 0 and p2.far == 0 and p2.building_density == 0
    assert p2.building_count == 0
    assert pd.isna(p2.oldest_year)
    assert pd.isna(p2.danger_cd_share)


def test_no_buildings_layer(two_parcels):
    # issue 16: without a BUILDINGS layer nothing about buildings is known — FAR, density
    # and counts are null (unknown is never 0), and the run warns once.
    result = compute_parcel_indicators(two_parcels, None)
    t = result.table
    for name in ("gfa", "far", "building_density", "building_count", "danger_cd_share"):
        assert t[name].isna().all(), name
    assert t.oldest_year.isna().all()
    assert t.area_m2.notna().all()
    assert len([w for w in result.warnings if "未提供建筑图层" in w]) == 1


def test_empty_buildings_layer_is_a_measurement(two_parcels):
    # a BUILDINGS layer with no building on the parcels: FAR 0 / area = 0 is measured
    b = buildings_frame([("B1", 2, None, 2000, "B", shapely.box(10, 10, 20, 20))]).iloc[:0]
    t = compute_parcel_indicators(two_parcels, b).table
    assert list(t.far) == [0.0, 0.0] and list(t.building_density) == [0.0, 0.0]


def test_danger_share_by_building_count_and_by_floor_area():
    # audit E1 A10: one parcel 100 x 100; building A: 10 x 10 x 1 floor = 100 m², grade D;
    # building B: 35 x 35 x 10 floors = 12250 m², grade B.
    # by floor area: 100 / (100 + 12250) = 0.0081; by count: 1 D of 2 buildings = 0.5.
    p = parcels_frame([("P1", shapely.box(0, 0, 100, 100))])
    b = buildings_frame(
        [
            ("A", 1, None, 1990, "D", shapely.box(10, 10, 20, 20)),
            ("B", 10, None, 1990, "B", shapely.box(50, 50, 85, 85)),
        ]
    )
    by_area = compute_parcel_indicators(p, b).table.danger_cd_share.iloc[0]
    assert by_area == pytest.approx(100 / 12350)
    by_count = compute_parcel_indicators(p, b, danger_basis="building_count").table
    assert by_count.danger_cd_share.iloc[0] == pytest.approx(0.5)
    # grades from the profile: counting only D, and counting B as well (1 + 1 of 2)
    only_b = compute_parcel_indicators(p, b, danger_basis="building_count", dangerous_grades=["b"])
    assert only_b.table.danger_cd_share.iloc[0] == pytest.approx(0.5)
    both = compute_parcel_indicators(
        p, b, danger_basis="building_count", dangerous_grades=["B", "D"]
    )
    assert both.table.danger_cd_share.iloc[0] == pytest.approx(1.0)


def test_building_count_counts_a_straddling_building_where_most_of_it_lies():
    # P1 = [0,100]², P2 = [100,200] x [0,100]. D-grade building x 90..120: 10 m on P1,
    # 20 m on P2 → counted on P2 only. P1 keeps its B-grade building: 0 / 1 = 0;
    # P2: 1 / 1 = 1.0. (By floor area P1 would get a share: 10x10 of D / …)
    p = parcels_frame([("P1", shapely.box(0, 0, 100, 100)), ("P2", shapely.box(100, 0, 200, 100))])
    b = buildings_frame(
        [
            ("A", 1, None, 1990, "B", shapely.box(10, 10, 20, 20)),
            ("D1", 1, None, 1990, "D", shapely.box(90, 10, 120, 20)),
        ]
    )
    t = compute_parcel_indicators(p, b, danger_basis="building_count").table
    assert t.danger_cd_share.tolist() == pytest.approx([0.0, 1.0])


def test_unknown_danger_basis_is_refused(two_parcels):
    with pytest.raises(LowlandInputError, match="danger_basis"):
        compute_parcel_indicators(two_parcels, None, danger_basis="volume")


def test_multipolygon_parcel_sums_its_parts():
    # two 50x50 parts = 5000 m²; one building of 10x10 x 2 floors in each part.
    mp = shapely.MultiPolygon([shapely.box(0, 0, 50, 50), shapely.box(100, 0, 150, 50)])
    p = parcels_frame([("M1", mp)])
    b = buildings_frame(
        [
            ("B1", 2, None, 1980, "D", shapely.box(10, 10, 20, 20)),
            ("B2", 2, None, 2010, "B", shapely.box(110, 10, 120, 20)),
        ]
    )
    t = compute_parcel_indicators(p, b).table.iloc[0]
    assert t.area_m2 == pytest.approx(5000)
    assert t.area_mu == pytest.approx(7.5)
    assert t.gfa == pytest.approx(400)
    assert t.far == pytest.approx(0.08)
    assert t.building_density == pytest.approx(200 / 5000)
    assert t.oldest_year == 1980
    assert t.danger_cd_share == pytest.approx(0.5)


def test_parcel_with_hole_excludes_building_in_the_hole():
    shell = [(0, 0), (100, 0), (100, 100), (0, 100)]
    hole = [(40, 40), (60, 40), (60, 60), (40, 60)]
    p = parcels_frame([("H1", shapely.Polygon(shell, [hole]))])
    b = buildings_frame(
        [
            ("IN_HOLE", 5, None, 1999, "D", shapely.box(45, 45, 55, 55)),
            ("ON_LAND", 1, None, 2001, "A", shapely.box(0, 0, 10, 10)),
        ]
    )
    r = compute_parcel_indicators(p, b)
    t = r.table.iloc[0]
    assert t.area_m2 == pytest.approx(10000 - 400)
    assert t.gfa == pytest.approx(100)
    assert t.building_count == 1
    assert r.buildings_outside == 1


def test_null_floors_use_gfa_else_unknown(two_parcels):
    # B1: floors null but gfa given -> 500; B2: floors and gfa null -> unknown, not guessed.
    b = buildings_frame(
        [
            ("B1", None, 500.0, 1995, "A", shapely.box(10, 10, 20, 20)),
            ("B2", None, None, 1970, "D", shapely.box(30, 30, 40, 40)),
        ]
    )
    r = compute_parcel_indicators(two_parcels, b)
    t = r.table.iloc[0]
    assert t.gfa == pytest.approx(500)
    assert t.far == pytest.approx(0.05)
    assert t.building_density == pytest.approx(200 / 10000)  # both footprints count
    assert t.building_count == 2
    assert t.gfa_unknown_count == 1
    assert t.danger_cd_share == pytest.approx(0.0)  # the D building's GFA is unknown
    assert r.buildings_gfa_unknown == 1
    assert any("gfa_unknown_count" in w for w in r.warnings)


def test_building_gfa_prefers_field_then_floors():
    b = buildings_frame(
        [
            ("A", 4, 999.0, 2000, "A", shapely.box(0, 0, 10, 10)),
            ("B", 4, None, 2000, "A", shapely.box(0, 0, 10, 10)),
            ("C", None, None, 2000, "A", shapely.box(0, 0, 10, 10)),
        ]
    )
    gfa = building_gfa(b)
    assert gfa[0] == 999.0 and gfa[1] == 400.0 and np.isnan(gfa[2])


def test_touching_building_does_not_count(two_parcels):
    # shares only the edge x=100 with P2.
    b = buildings_frame([("B1", 1, None, 2000, "A", shapely.box(90, 0, 100, 10))])
    t = compute_parcel_indicators(two_parcels, b).table
    assert t.building_count.tolist() == [1, 0]


def test_invalid_parcel_geometry_is_refused_by_id():
    bowtie = shapely.Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])
    p = parcels_frame([("OK", shapely.box(20, 0, 30, 10)), ("BOWTIE", bowtie)])
    with pytest.raises(LowlandInputError, match="BOWTIE"):
        compute_parcel_indicators(p, None)


def test_empty_geometry_is_refused_by_id():
    p = parcels_frame([("E1", shapely.Polygon()), ("OK", shapely.box(0, 0, 1, 1))])
    with pytest.raises(LowlandInputError, match="E1"):
        compute_parcel_indicators(p, None)


def test_buildings_without_gfa_or_floors_fields_are_refused(two_parcels):
    b = gpd.GeoDataFrame({"x": [1]}, geometry=[shapely.box(0, 0, 1, 1)], crs=CRS)
    with pytest.raises(LowlandInputError, match="gfa"):
        compute_parcel_indicators(two_parcels, b)


def test_inputs_are_not_modified(two_parcels):
    b = buildings_frame([("B1", 2, None, 2000, "C", shapely.box(90, 0, 110, 10))])
    before_p, before_b = two_parcels.copy(), b.copy()
    compute_parcel_indicators(two_parcels, b)
    pd.testing.assert_frame_equal(two_parcels, before_p)
    pd.testing.assert_frame_equal(b, before_b)


def test_danger_grades_are_read_leniently_and_nulls_are_not_dangerous(two_parcels):
    b = buildings_frame(
        [
            ("LOWER", 1, None, 2000, " c", shapely.box(0, 0, 10, 10)),  # 100 m² GFA
            ("UPPER", 1, None, 2000, "D", shapely.box(20, 0, 30, 10)),  # 100 m²
            ("NULL", 1, None, 2000, None, shapely.box(40, 0, 50, 10)),  # 100 m²
            ("B", 2, None, 2000, "B", shapely.box(60, 0, 70, 10)),  # 200 m²
        ]
    )
    t = compute_parcel_indicators(two_parcels, b).table.iloc[0]
    assert t.danger_cd_share == pytest.approx(200 / 500)


@pytest.mark.parametrize(
    ("grade", "dangerous"),
    [("C", True), ("D", True), (" c ", True), ("d", True), ("B", False), ("A", False),
     ("", False), (None, False), (float("nan"), False)],
)  # fmt: skip
def test_dangerous_grade_is_c_or_d_whatever_the_case(grade, dangerous):
    """One rule for the share (danger_cd_share) and the review dock's highlighting."""
    assert is_dangerous_grade(grade) is dangerous


# ------------------------------------------------ issue 21 item 12: overlapping footprints


def test_duplicate_building_is_counted_once_and_named(two_parcels):
    # B1 20x10 = 200 m², 3 floors → 600 m² GFA; B1b is the very same footprint digitised
    # twice: P1 keeps GFA 600 (FAR 0.06), density 200/10000 = 0.02, one building
    b = buildings_frame(
        [
            ("B1", 3, None, 1990, "C", shapely.box(10, 10, 30, 20)),
            ("B1b", 3, None, 1990, "C", shapely.box(10, 10, 30, 20)),
        ]
    )
    result = compute_parcel_indicators(two_parcels, b)
    p1 = result.table.iloc[0]
    assert p1.gfa == pytest.approx(600)
    assert p1.far == pytest.approx(0.06)
    assert p1.building_density == pytest.approx(0.02)
    assert p1.building_count == 1
    assert any("B1×B1b" in w and "只计一次" in w for w in result.warnings)


def test_overlapping_buildings_density_from_the_union_gfa_each(two_parcels):
    # B1 box(10,10,30,20) = 200 m², gfa 600; B2 box(20,10,40,20) = 200 m², gfa 400;
    # they overlap on box(20,10,30,20) = 100 m²: ground covered = 200 + 200 - 100 = 300 m²
    # → density 300/10000 = 0.03 (not 0.04); GFA 600 + 400 = 1000 → FAR 0.1, warned
    b = buildings_frame(
        [
            ("B1", None, 600.0, 2000, "A", shapely.box(10, 10, 30, 20)),
            ("B2", None, 400.0, 2001, "A", shapely.box(20, 10, 40, 20)),
        ]
    )
    result = compute_parcel_indicators(two_parcels, b)
    p1 = result.table.iloc[0]
    assert p1.building_density == pytest.approx(0.03)
    assert p1.gfa == pytest.approx(1000)
    assert p1.far == pytest.approx(0.1)
    assert p1.building_count == 2
    assert any("B1×B2 100.00 m²" in w for w in result.warnings)


def test_overlapping_parcels_are_named_and_share_a_building_once():
    # P1 box(0,0,100,100) and P2 box(50,0,150,100) overlap on 50x100 = 5000 m².
    # B1 box(60,40,80,60) = 400 m², gfa 800, lies wholly in the overlap: its parts on P1
    # and on P2 are 400 m² each (sum 800 > 400), so each parcel gets 400/800 = half:
    # GFA 400 on each (800 in total, not 1600); density stays the ground on each: 0.04
    parcels = parcels_frame(
        [("P1", shapely.box(0, 0, 100, 100)), ("P2", shapely.box(50, 0, 150, 100))]
    )
    b = buildings_frame([("B1", None, 800.0, 2000, "A", shapely.box(60, 40, 80, 60))])
    result = compute_parcel_indicators(parcels, b)
    t = result.table
    assert t["gfa"].tolist() == pytest.approx([400.0, 400.0])
    assert t["gfa"].sum() == pytest.approx(800.0)
    assert t["building_density"].tolist() == pytest.approx([0.04, 0.04])
    assert any("P1×P2 5000.00 m²" in w for w in result.warnings)


def test_touching_parcels_and_buildings_are_no_overlap(two_parcels):
    # P1 and P2 share the edge x = 100; B1 and B2 share the edge x = 30: nothing is
    # warned and the figures are the plain sums (B1 600 + B2 300 on P1, density 0.04)
    b = buildings_frame(
        [
            ("B1", None, 600.0, 2000, "A", shapely.box(10, 10, 30, 20)),
            ("B2", None, 300.0, 2000, "A", shapely.box(30, 10, 50, 20)),
        ]
    )
    result = compute_parcel_indicators(two_parcels, b)
    assert not any("重叠" in w or "重复" in w for w in result.warnings)
    assert result.table.iloc[0].gfa == pytest.approx(900)
    assert result.table.iloc[0].building_density == pytest.approx(0.04)
