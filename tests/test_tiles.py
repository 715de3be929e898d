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


@pytest.fixture(scope="module")
def flawed(district):
    """The district with what the warnings count, straddling tiles: 40 parcels without
    三调 patches (their own dlbm: 10 unknown codes, 10 empty), 12 industrial parcels
    without an industry code, 3 parcels grown by 4 m (overlapping their neighbours), 25
    buildings without gfa and floors, 6 drawn twice, 7 moved 100 km away (outside every
    parcel)."""
    import geopandas as gpd

    parcels = district["parcels"].copy()
    buildings = district["buildings"].copy()
    survey = district["landsurvey"]
    bare = np.arange(0, 2000, 50)  # 40 parcels spread over every tile
    tree = shapely.STRtree(np.asarray(survey.geometry.values, dtype=object))
    hit = np.unique(tree.query(parcels.geometry.values[bare], predicate="intersects")[1])
    survey = survey.drop(survey.index[hit])
    dlbm = parcels["dlbm"].astype(object)
    dlbm.iloc[bare[:10]] = "9x9"
    dlbm.iloc[bare[10:20]] = None
    parcels["dlbm"] = dlbm
    industrial = np.flatnonzero(parcels["industry_code"].notna().to_numpy())[:12]
    code = parcels["industry_code"].astype(object)
    code.iloc[industrial] = None
    parcels["industry_code"] = code
    grown = parcels.geometry.copy()
    grown.iloc[[5, 777, 1500]] = grown.iloc[[5, 777, 1500]].buffer(4.0, join_style="mitre")
    parcels = parcels.set_geometry(grown)
    blank = buildings.index[::250][:25]
    buildings.loc[blank, ["gfa", "floors"]] = np.nan
    far = buildings.iloc[100:107].copy()
    far["geometry"] = far.geometry.translate(100_000, 0)
    twice = buildings.iloc[300:306].copy()
    buildings = gpd.GeoDataFrame(
        pd.concat([buildings, twice, far], ignore_index=True), crs=buildings.crs
    )
    return {
        "parcels": parcels,
        "buildings": buildings,
        "landsurvey": survey,
        "plan": district["plan"],
    }


@pytest.mark.parametrize("size", [150, 37])
def test_tiled_warnings_read_as_the_untiled(flawed, size):
    """Each counted warning once, with the untiled count: not once per tile, nor counting
    halo parcels, and the buildings outside every parcel counted over the whole layer."""
    layers = {k: flawed[k] for k in ("buildings", "landsurvey", "plan")}
    profile = load_profile("default")
    want = identify_parcels(flawed["parcels"], profile, reference_date=DAY, **layers)
    readers = {k: frame_reader(v) for k, v in layers.items()}
    got = identify_tiled(flawed["parcels"], profile, readers, size, reference_date=DAY)
    assert got.warnings == want.warnings
    text = "\n".join(want.warnings)
    # 10 unknown own codes, 10 empty: the 20 parcels without 三调 among the 40 bare ones are
    # at least these; 25 blank buildings; 6 duplicates
    assert "10 宗地的现状地类代码不在三调分类表中" in text
    assert "10 宗地没有现状地类" in text
    assert "25 栋建筑的建筑面积和层数均为空" in text
    assert "6 栋建筑与另一栋图形完全相同" in text
    assert "对宗地相互重叠" in text
    buildings = np.asarray(flawed["buildings"].geometry.values, dtype=object)
    tree = shapely.STRtree(np.asarray(flawed["parcels"].geometry.values, dtype=object))
    inside = np.unique(tree.query(buildings, predicate="intersects")[0]).size
    outside = len(buildings) - inside  # the 7 moved away and those the generator left out
    assert outside >= 7
    assert f"{outside} 栋建筑不在任何宗地内" in text
    indicators = indicators_tiled(flawed["parcels"], frame_reader(flawed["buildings"]), size)
    assert (
        indicators.warnings
        == compute_parcel_indicators(*[flawed[k] for k in ("parcels", "buildings")]).warnings
    )
