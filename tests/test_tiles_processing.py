"""``lowland:identifyparcels`` in spatial tiles (issue 20 item 2): the sample district
read tile by tile from its GeoPackage and written tile by tile equals the untiled run."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer


def identify(sample_gpkg, out, monkeypatch, tile: int | None):
    import processing

    if tile is None:
        monkeypatch.delenv("LOWLAND_TILE_PARCELS", raising=False)
    else:
        monkeypatch.setenv("LOWLAND_TILE_PARCELS", str(tile))
    district = f"{sample_gpkg}|layername="
    return processing.run(
        "lowland:identifyparcels",
        {
            "PARCELS": district + "parcels",
            "BUILDINGS": district + "buildings",
            "LANDSURVEY": district + "landsurvey",
            "PLAN": district + "plan",
            "PROFILE": "yinchuan",
            "REFERENCE_DATE": "2025-06-30",
            "OUTPUT": out,
            "SUMMARY": "TEMPORARY_OUTPUT",
        },
    )


def summary_rows(layer) -> list[tuple]:
    return sorted(tuple(f.attributes()) for f in layer.getFeatures())


def test_tiled_run_equals_untiled(lowland_provider, sample_gpkg, tmp_path, monkeypatch):
    whole = identify(sample_gpkg, str(tmp_path / "whole.gpkg"), monkeypatch, None)
    # 437 parcels in tiles of 25: ceil(437 / 25) = 18 tiles written one after the other
    tiled = identify(sample_gpkg, str(tmp_path / "tiled.gpkg"), monkeypatch, 25)
    want = read_ogr_layer(whole["OUTPUT"]).set_index("parcel_id")
    got = read_ogr_layer(tiled["OUTPUT"]).set_index("parcel_id").loc[want.index]
    assert len(got) == len(want) == 437
    assert list(got.columns) == list(want.columns)
    for name in want.columns:
        if name == "geometry":
            assert got.geometry.geom_equals_exact(want.geometry, 0).all()
        elif pd.api.types.is_float_dtype(want[name]):
            np.testing.assert_allclose(got[name], want[name], rtol=1e-9, err_msg=name)
        else:
            assert got[name].tolist() == want[name].tolist(), name
    assert summary_rows(tiled["SUMMARY"]) == summary_rows(whole["SUMMARY"])


def test_tiled_run_to_a_memory_layer(lowland_provider, sample_gpkg, monkeypatch):
    tiled = identify(sample_gpkg, "TEMPORARY_OUTPUT", monkeypatch, 100)
    # 437 parcels in tiles of 100: 5 tiles gathered, then written once
    assert tiled["OUTPUT"].featureCount() == 437
    ids = [f["parcel_id"] for f in tiled["OUTPUT"].getFeatures()]
    assert len(set(ids)) == 437


def read_sorted(path: str) -> pd.DataFrame:
    return read_ogr_layer(path).set_index("parcel_id").sort_index()


def assert_same_layers(got: pd.DataFrame, want: pd.DataFrame) -> None:
    assert list(got.columns) == list(want.columns)
    assert list(got.index) == list(want.index)
    for name in want.columns:
        if name == "geometry":
            assert got.geometry.geom_equals_exact(want.geometry, 0).all()
        elif pd.api.types.is_float_dtype(want[name]):
            np.testing.assert_allclose(got[name], want[name], rtol=1e-9, err_msg=name)
        else:
            assert got[name].tolist() == want[name].tolist(), name


@pytest.mark.parametrize(
    ("alg", "layers"),
    [("parcelindicators", ("buildings",)), ("legacyland", ("landsurvey",))],
)
def test_tiled_indicators_and_legacy_equal_untiled(
    lowland_provider, sample_gpkg, tmp_path, monkeypatch, alg, layers
):
    import processing

    district = f"{sample_gpkg}|layername="
    params = {"PARCELS": district + "parcels"}
    params |= {k.upper(): district + k for k in layers}
    outputs = {}
    for tile in (None, 30):  # 437 parcels in tiles of 30: 15 tiles
        if tile is None:
            monkeypatch.delenv("LOWLAND_TILE_PARCELS", raising=False)
        else:
            monkeypatch.setenv("LOWLAND_TILE_PARCELS", str(tile))
        out = str(tmp_path / f"{alg}_{tile}.gpkg")
        outputs[tile] = processing.run(f"lowland:{alg}", {**params, "OUTPUT": out})["OUTPUT"]
    assert_same_layers(read_sorted(outputs[30]), read_sorted(outputs[None]))


def test_cancel_between_tiles_leaves_no_output(
    lowland_provider, sample_gpkg, tmp_path, monkeypatch
):
    """Progress moves per tile; cancelling once a few tiles are written stops the run
    and the staged file is removed (nothing at the destination, no partial file)."""
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    class CancelAt(QgsProcessingFeedback):
        def __init__(self) -> None:
            super().__init__()
            self.seen: list[float] = []

        def setProgress(self, value):
            super().setProgress(value)
            self.seen.append(value)
            if 30 <= value < 100:  # in the tiles (the read reports 100 first)
                self.cancel()

    feedback = CancelAt()
    dest = tmp_path / "tiled.gpkg"
    import processing

    monkeypatch.setenv("LOWLAND_TILE_PARCELS", "25")
    district = f"{sample_gpkg}|layername="
    with pytest.raises(QgsProcessingException) as err:
        processing.run(
            "lowland:identifyparcels",
            {
                "PARCELS": district + "parcels",
                "BUILDINGS": district + "buildings",
                "REFERENCE_DATE": "2025-06-30",
                "OUTPUT": str(dest),
            },
            feedback=feedback,
        )
    # 18 tiles from 5 % to 95 %: 5 + 90 × k / 18 after tile k (10, 15, … 30 after the
    # 5th), so progress stepped between and the run stopped before the last tile
    assert any(5 < v < 30 for v in feedback.seen), (feedback.seen, str(err.value))
    assert "cancel" in str(err.value)
    assert max(v for v in feedback.seen if v != 100) == 30  # no tile after the 5th
    assert not dest.exists()
    assert list(tmp_path.iterdir()) == []
