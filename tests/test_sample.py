"""The bundled sample district: reproducible from its generator, in 银川's CRS, and its
edge cases give the indicators computed by hand from the generator's design."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely

from lowland_under_test.lowland_plugin.bridge.ogr_io import list_ogr_layers, read_ogr_layer
from lowland_under_test.lowland_plugin.core.identify.indicators import (
    compute_parcel_indicators,
)

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ("boundary", "roads", "parcels", "buildings", "landsurvey", "plan")


@pytest.fixture(scope="module")
def generator():
    from lowland_under_test.scripts import generate_district  # a namespace package

    return generate_district


@pytest.fixture(scope="module")
def sample(sample_gpkg):
    return {name: read_ogr_layer(str(sample_gpkg), name) for name in LAYERS}


def test_layers_crs_and_size(sample_gpkg, sample):
    assert set(LAYERS) <= set(list_ogr_layers(str(sample_gpkg)))
    for name in LAYERS:
        assert sample[name].crs.to_epsg() == 4544, name
        assert shapely.is_valid(np.asarray(sample[name].geometry.values)).all(), name
    area_km2 = sample["boundary"].area.sum() / 1e6
    assert 2.0 <= area_km2 <= 4.0
    x, y = sample["boundary"].geometry.iloc[0].centroid.coords[0]
    assert 590_000 < x < 625_000 and 4_250_000 < y < 4_275_000  # 银川, CM 105E


def test_bundled_file_is_the_generator_output(generator, sample):
    fresh = generator.generate_district(None)
    for name in LAYERS:
        got, want = sample[name], fresh[name]
        assert len(got) == len(want), name
        assert list(got.columns) == list(want.columns), name
        assert shapely.equals(
            np.asarray(got.geometry.values), np.asarray(want.geometry.values)
        ).all(), name
    cols = ["parcel_id", "owner", "dlbm", "tax_per_mu", "idle", "lawful_approval"]
    got = sample["parcels"][cols].reset_index(drop=True).astype(object)
    want = fresh["parcels"][cols].reset_index(drop=True).astype(object)
    pd.testing.assert_frame_equal(got.where(got.notna(), None), want.where(want.notna(), None))


def test_generator_case_table_holds_on_the_file(generator, sample):
    generator.check_sample_cases(sample)


@pytest.fixture(scope="module")
def indicators(sample):
    parcels = sample["parcels"]
    table = compute_parcel_indicators(parcels, sample["buildings"]).table
    return table.set_index(parcels["parcel_id"])


def test_far_exactly_one(indicators):
    # P0021: 120 m x 170 m = 20400 m²; one building 100 m x 102 m x 2 floors = 20400 m².
    assert indicators.loc["P0021", "area_m2"] == pytest.approx(20400)
    assert indicators.loc["P0021", "far"] == pytest.approx(1.0, abs=1e-9)


def test_danger_share_exactly_half(indicators):
    # P0016: two identical warehouses, one grade C, one grade B.
    assert indicators.loc["P0016", "danger_cd_share"] == pytest.approx(0.5, abs=1e-9)


def test_parcel_without_buildings(indicators):
    row = indicators.loc["P0047"]
    assert row.building_count == 0 and row.far == 0 and pd.isna(row.oldest_year)


def test_null_floors_and_null_gfa(indicators, sample):
    b = sample["buildings"]
    assert b["floors"].isna().sum() == 2 and b["gfa"].isna().sum() == 2
    assert indicators.loc["P0033", "gfa_unknown_count"] == 0  # each has the other field
    assert indicators.loc["P0040", "gfa_unknown_count"] == 1  # both null: never guessed


def test_straddling_buildings_split_between_neighbours(indicators, sample):
    parcels = sample["parcels"].set_index("parcel_id")
    b = sample["buildings"]
    pair = parcels.loc[["P0004", "P0005"]].geometry
    straddler = b[b.intersects(pair.iloc[0]) & b.intersects(pair.iloc[1])]
    straddler = straddler[straddler.intersection(pair.iloc[0]).area > 0]
    assert len(straddler) == 1
    geom = straddler.geometry.iloc[0]
    parts = [geom.intersection(g).area for g in pair]
    assert sum(parts) == pytest.approx(geom.area)
    assert all(p > 0 for p in parts)
    count = indicators.loc[["P0004", "P0005"], "building_count"]
    # the straddler counts on both parcels
    inside = [int((b.within(g)).sum()) for g in pair]
    assert count.tolist() == [inside[0] + 1, inside[1] + 1]
