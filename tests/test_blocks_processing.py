"""``lowland:delineateblocks`` 街坊划分 through processing.run and qgis_process: the sample
district (19 blocks, every parcel assigned), its outputs, bad input and cancelling."""

from __future__ import annotations

import json
import sqlite3
import subprocess

import pytest

from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer

QGIS_PROCESS = "/usr/bin/qgis_process.bin"


class Feedback:
    """Collects warnings; cancels once ``cancel_at`` progress is reached."""

    def __new__(cls, cancel_at=None):
        from qgis.core import QgsProcessingFeedback

        class _Feedback(QgsProcessingFeedback):
            def __init__(self) -> None:
                super().__init__()
                self.warnings: list[str] = []

            def pushWarning(self, text):
                self.warnings.append(text)
                super().pushWarning(text)

            def setProgress(self, value):
                super().setProgress(value)
                if cancel_at is not None and value >= cancel_at:
                    self.cancel()

        return _Feedback()


def sample_params(sample_gpkg, **extra):
    params = {
        "ROADS": f"{sample_gpkg}|layername=roads",
        "BOUNDARY": f"{sample_gpkg}|layername=boundary",
        "OUTPUT": "TEMPORARY_OUTPUT",
    }
    params.update(extra)
    return params


def test_registered_with_contract_parameters(lowland_provider):
    alg = lowland_provider.algorithm("delineateblocks")
    assert alg is not None
    names = [p.name() for p in alg.parameterDefinitions()]
    for key in (
        "ROADS",
        "WIDTH_FIELD",
        "GRADE_FIELD",
        "BOUNDARY",
        "PARCELS",
        "MIN_AREA",
        "TOLERANCE",
        "OUTPUT",
        "ROAD_RESERVE",
        "REMOVED",
        "PARCELS_OUTPUT",
    ):
        assert key in names
    assert alg.parameterDefinition("MIN_AREA").defaultValue() == 2000.0
    assert alg.parameterDefinition("TOLERANCE").defaultValue() == 2.0
    assert alg.parameterDefinition("WIDTH_FIELD").defaultValue() == "width"
    from lowland_under_test.processing.provider import ALGORITHMS

    order = [cls.__name__ for cls in ALGORITHMS]
    assert order.index("DelineateBlocksAlgorithm") == order.index("ProgressStatisticsAlgorithm") + 1


def test_sample_district(lowland_provider, sample_gpkg, tmp_path):
    import processing

    feedback = Feedback()
    res = processing.run(
        "lowland:delineateblocks",
        sample_params(
            sample_gpkg,
            PARCELS=f"{sample_gpkg}|layername=parcels",
            ROAD_RESERVE="TEMPORARY_OUTPUT",
            REMOVED="TEMPORARY_OUTPUT",
            PARCELS_OUTPUT=str(tmp_path / "parcels.gpkg"),
        ),
        feedback=feedback,
    )
    blocks = res["OUTPUT"]
    ids = [f["block_id"] for f in blocks.getFeatures()]
    assert ids == [f"JF{i:03d}" for i in range(1, 20)]
    assert blocks.fields().names()[:5] == [
        "block_id",
        "block_name",
        "area_m2",
        "area_mu",
        "parcel_count",
    ]
    block_area = sum(f["area_m2"] for f in blocks.getFeatures())
    reserve = sum(f["area_m2"] for f in res["ROAD_RESERVE"].getFeatures())
    assert res["REMOVED"].featureCount() == 0
    boundary = read_ogr_layer(str(sample_gpkg), "boundary").area.sum()
    assert block_area + reserve == pytest.approx(boundary, abs=0.05)  # rounded to 0.01 m²
    parcels = read_ogr_layer(str(tmp_path / "parcels.gpkg"))
    assert len(parcels) == 437 and parcels["block_id"].notna().all()
    assert sum(f["parcel_count"] for f in blocks.getFeatures()) == 437
    # the two sample roads without a width are named in the log
    assert any("R004" in w and "R008" in w for w in feedback.warnings)


def test_missing_width_and_grade_fields_are_refused(lowland_provider, sample_gpkg):
    from qgis.core import QgsProcessingException

    import processing

    with pytest.raises(QgsProcessingException, match="neither the width field"):
        processing.run(
            "lowland:delineateblocks",
            sample_params(sample_gpkg, WIDTH_FIELD="breite", GRADE_FIELD="klasse"),
        )


def test_geographic_boundary_is_refused(lowland_provider, sample_gpkg):
    from qgis.core import QgsProcessingException

    import processing

    wgs84 = processing.run(
        "native:reprojectlayer",
        {
            "INPUT": f"{sample_gpkg}|layername=boundary",
            "TARGET_CRS": "EPSG:4490",
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )["OUTPUT"]
    with pytest.raises(QgsProcessingException, match="4544"):
        processing.run("lowland:delineateblocks", sample_params(sample_gpkg, BOUNDARY=wgs84))


def test_cancel_leaves_no_output(lowland_provider, sample_gpkg, tmp_path):
    from qgis.core import QgsProcessingException

    import processing

    dest = tmp_path / "blocks.gpkg"
    with pytest.raises(QgsProcessingException, match="cancel"):
        processing.run(
            "lowland:delineateblocks",
            sample_params(sample_gpkg, OUTPUT=str(dest)),
            feedback=Feedback(cancel_at=30),
        )
    assert not dest.exists()


@pytest.mark.slow
def test_sample_in_qgis_process(qgis_env, sample_gpkg, tmp_path):
    out = {k: tmp_path / f"{k.lower()}.gpkg" for k in ("OUTPUT", "ROAD_RESERVE", "REMOVED")}
    run = subprocess.run(
        [
            QGIS_PROCESS,
            "run",
            "lowland:delineateblocks",
            "--json",
            "--",
            f"ROADS={sample_gpkg}|layername=roads",
            f"BOUNDARY={sample_gpkg}|layername=boundary",
            f"PARCELS={sample_gpkg}|layername=parcels",
            "MIN_AREA=2000",
            *(f"{k}={v}" for k, v in out.items()),
            f"PARCELS_OUTPUT={tmp_path / 'parcels.gpkg'}",
        ],
        env=qgis_env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    result = json.loads(run.stdout[run.stdout.index("{") :])
    assert set(result["results"]) >= {"OUTPUT", "ROAD_RESERVE", "REMOVED", "PARCELS_OUTPUT"}
    blocks = read_ogr_layer(str(out["OUTPUT"]))
    assert len(blocks) == 19 and blocks["block_id"].iloc[0] == "JF001"
    assert read_ogr_layer(str(tmp_path / "parcels.gpkg"))["block_id"].notna().sum() == 437
    with sqlite3.connect(out["OUTPUT"]) as db:  # style with the block_id label stored
        (qml,) = db.execute("SELECT styleQML FROM layer_styles").fetchone()
    assert "block_id" in qml and ("街坊编号" in qml or "Block ID" in qml)
