"""Tiles (issue 20 item 2): the tiled identification and indicators equal the untiled
run, column by column, on districts whose buildings and patches straddle tile edges."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
import shapely

from lowland_under_test.lowland_plugin.core.common.profiles import load_profile
from lowland_under_test.lowland_plugin.core.common.tiles import (
    frame_reader,
    parcel_tiles,
    tile_inputs,
)
from lowland_under_test.lowland_plugin.core.identify.identification import identify_parcels
from lowland_under_test.lowland_plugin.core.identify.indicators import compute_parcel_indicators
from lowland_under_test.lowland_plugin.core.identify.tiled import identify_tiled, indicators_tiled

DAY = dt.date(2025, 6, 30)


@pytest.fixture(scope="module")
def district():
    from lowland_under_test.scripts import generate_district  # a namespace package

    return generate_district.generate_district(2_000, seed=7)


@pytest.fixture(scope="module")
def sample():
    from lowland_under_test.scripts import generate_district

    return generate_district.generate_district(None)


def assert_same_table(got: pd.DataFrame, want: pd.DataFrame) -> None:
    assert list(got.columns) == list(want.columns)
    assert list(got.index) == list(want.index)
    for name in want.columns:
        a, b = got[name], want[name]
        if pd.api.types.is_float_dtype(b):
            np.testing.assert_allclose(
                a.to_numpy(float), b.to_numpy(float), rtol=1e-9, atol=1e-6, err_msg=name
            )
        else:
            assert (
                a.astype(object).where(a.notna(), None).tolist()
                == b.astype(object).where(b.notna(), None).tolist()
            ), name


def straddling(parcels, layer, size: int) -> int:
    """How many features of ``layer`` touch parcels of two or more tiles."""
    geoms = np.asarray(parcels.geometry.values, dtype=object)
    tile_of = np.zeros(len(geoms), dtype=int)
    for number, own in enumerate(parcel_tiles(geoms, size)):
        tile_of[own] = number
    tree = shapely.STRtree(geoms)
    f_idx, p_idx = tree.query(
        np.asarray(layer.geometry.values, dtype=object), predicate="intersects"
    )
    tiles = pd.DataFrame({"f": f_idx, "t": tile_of[p_idx]}).groupby("f")["t"].nunique()
    return int((tiles > 1).sum())


def test_tiles_cover_every_parcel_once_and_halo_is_outside(district):
    parcels = district["parcels"]
    seen = []
    for item in tile_inputs(parcels, {"buildings": frame_reader(district["buildings"])}, 300):
        assert len(np.intersect1d(item.tile.own, item.tile.halo)) == 0
        assert len(item.tile.halo) > 0  # neighbours of other tiles come as context
        seen.append(item.tile.own)
    # 2000 parcels in tiles of 300: ceil(2000 / 300) = 7 tiles
    assert len(seen) == 7
    assert sorted(np.concatenate(seen).tolist()) == list(range(2000))


@pytest.mark.parametrize("size", [150, 37])
def test_tiled_identification_equals_untiled(district, size):
    parcels = district["parcels"]
    layers = {k: district[k] for k in ("buildings", "landsurvey", "plan")}
    # the test means something only when features straddle tile edges
    assert straddling(parcels, layers["buildings"], size) > 50
    assert straddling(parcels, layers["landsurvey"], size) > 50
    profile = load_profile("default")
    want = identify_parcels(parcels, profile, reference_date=DAY, **layers)
    readers = {k: frame_reader(v) for k, v in layers.items()}
    got = identify_tiled(parcels, profile, readers, size, reference_date=DAY)
    assert_same_table(got.table, want.table)
    pd.testing.assert_frame_equal(got.summary, want.summary)


def test_tiled_identification_of_the_sample_with_its_edge_cases(sample):
    """The sample holds overlapping parcels, duplicate and overlapping buildings and the
    same-industry tax mean (a whole-layer aggregate): tiles of 25 parcels."""
    parcels = sample["parcels"]
    layers = {k: sample[k] for k in ("buildings", "landsurvey", "plan")}
    profile = load_profile("yinchuan")
    want = identify_parcels(parcels, profile, reference_date=DAY, **layers)
    readers = {k: frame_reader(v) for k, v in layers.items()}
    got = identify_tiled(parcels, profile, readers, 25, reference_date=DAY)
    assert_same_table(got.table, want.table)
    pd.testing.assert_frame_equal(got.summary, want.summary)


def test_tiled_indicators_equal_untiled(district):
    parcels, buildings = district["parcels"], district["buildings"]
    want = compute_parcel_indicators(parcels, buildings)
    got = indicators_tiled(parcels, frame_reader(buildings), 111)
    assert_same_table(got.table, want.table)


def test_building_in_the_overlap_of_parcels_of_two_tiles_counts_once():
    """Parcels A = [0,100]×[0,100] and B = [80,180]×[0,100] overlap on [80,100]; a
    building [85,95]×[40,50] (100 m², GFA 300) lies in the overlap. Its parts sum to
    200 m² > its 100 m² footprint, so each parcel gets 300 × 100 / 200 = 150 m² of GFA
    (far 150 / 10 000 = 0.015), in tiles of one parcel too: B is A's halo and vice versa."""
    import geopandas as gpd

    parcels = gpd.GeoDataFrame(
        {"parcel_id": ["A", "B", "C"]},
        geometry=[
            shapely.box(0, 0, 100, 100),
            shapely.box(80, 0, 180, 100),
            shapely.box(500, 0, 600, 100),
        ],
        crs=4544,
    )
    buildings = gpd.GeoDataFrame(
        {"building_id": ["b1"], "gfa": [300.0]}, geometry=[shapely.box(85, 40, 95, 50)], crs=4544
    )
    got = indicators_tiled(parcels, frame_reader(buildings), 1)
    assert got.table["gfa"].tolist() == [150.0, 150.0, 0.0]
    np.testing.assert_allclose(got.table["far"], [0.015, 0.015, 0.0])
    assert list(got.table.index) == [0, 1, 2]  # the halo rows are not emitted
    # the overlap is named once, though both tiles see it
    assert sum("A×B" in w for w in got.warnings) == 1
