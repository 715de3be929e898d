"""The provider in ``qgis_process`` (a separate QGIS process, as a bureau's batch would run it)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QGIS_PROCESS = "/usr/bin/qgis_process.bin"  # the /usr/bin/qgis_process wrapper fails on Debian

pytestmark = pytest.mark.skipif(not Path(QGIS_PROCESS).exists(), reason="QGIS not installed")


def _run(env, *args, timeout=300):
    return subprocess.run(
        [QGIS_PROCESS, *args], env=env, capture_output=True, text=True, timeout=timeout
    )


def test_list_shows_the_lowland_provider(qgis_env):
    out = _run(qgis_env, "list")
    assert out.returncode == 0, out.stderr
    assert "lowland:parcelindicators" in out.stdout


def test_parcelindicators_runs_on_the_sample(qgis_env, sample_gpkg, tmp_path):
    dest = tmp_path / "ind.gpkg"
    out = _run(
        qgis_env,
        "run",
        "lowland:parcelindicators",
        "--json",
        "--",
        f"PARCELS={sample_gpkg}|layername=parcels",
        f"BUILDINGS={sample_gpkg}|layername=buildings",
        f"OUTPUT={dest}",
    )
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    result = json.loads(out.stdout[out.stdout.index("{") :])
    assert Path(result["results"]["OUTPUT"].split("|")[0]) == dest
    sys.path.append(str(ROOT))
    from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer

    parcels = read_ogr_layer(str(sample_gpkg), "parcels")
    ind = read_ogr_layer(str(dest))
    assert sorted(ind["parcel_id"]) == sorted(parcels["parcel_id"])
    assert (ind["area_m2"] > 0).all()


def test_geographic_input_fails_with_a_message(qgis_env, tmp_path):
    layer = tmp_path / "geo.geojson"
    layer.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"parcel_id": "G1"},
                        "geometry": {
                            "type": "Polygon",
                            "coordinates": [
                                [[106.2, 38.4], [106.21, 38.4], [106.21, 38.41], [106.2, 38.4]]
                            ],
                        },
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    out = _run(
        qgis_env,
        "run",
        "lowland:parcelindicators",
        "--",
        f"PARCELS={layer}",
        f"OUTPUT={tmp_path / 'x.gpkg'}",
    )
    assert out.returncode != 0
    assert "EPSG:4544" in out.stdout + out.stderr
    assert not (tmp_path / "x.gpkg").exists()


def test_identifyparcels_runs_on_the_sample(qgis_env, sample_gpkg, tmp_path):
    dest = tmp_path / "identified.gpkg"
    out = _run(
        qgis_env,
        "run",
        "lowland:identifyparcels",
        "--json",
        "--",
        f"PARCELS={sample_gpkg}|layername=parcels",
        f"BUILDINGS={sample_gpkg}|layername=buildings",
        f"LANDSURVEY={sample_gpkg}|layername=landsurvey",
        f"PLAN={sample_gpkg}|layername=plan",
        "PROFILE=yinchuan",
        "REFERENCE_DATE=2025-06-30",
        f"OUTPUT={dest}",
    )
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer

    parcels = read_ogr_layer(str(sample_gpkg), "parcels")
    result = read_ogr_layer(str(dest))
    assert sorted(result["parcel_id"]) == sorted(parcels["parcel_id"])
    assert set(result["verdict"]) == {"lowland", "not_lowland", "excluded"}
    assert (result["profile_id"] == "yinchuan").all()
    assert result["reasons"].str.startswith("[").all()


def test_identifyparcels_bad_profile_fails_with_a_message(qgis_env, sample_gpkg, tmp_path):
    profile = tmp_path / "broken.json"
    profile.write_text('{"id": "x", "version": "1"}', encoding="utf-8")
    out = _run(
        qgis_env,
        "run",
        "lowland:identifyparcels",
        "--",
        f"PARCELS={sample_gpkg}|layername=parcels",
        f"PROFILE={profile}",
        f"OUTPUT={tmp_path / 'x.gpkg'}",
    )
    assert out.returncode != 0
    assert "version" in out.stdout + out.stderr
    assert not (tmp_path / "x.gpkg").exists()


@pytest.mark.parametrize(
    ("algorithm", "inputs"),
    [
        ("lowland:usechange", ["PROJECTS={sample}|layername=projects"]),
        ("lowland:buildingconversion", ["CONVERSION={sample}|layername=conversion"]),
    ],
)
def test_use_checks_run_on_the_sample_projects(qgis_env, tmp_path, algorithm, inputs):
    sample = ROOT / "resources" / "sample" / "sample_projects.gpkg"
    dest = tmp_path / "out.gpkg"
    args = [a.format(sample=sample) for a in inputs]
    out = _run(qgis_env, "run", algorithm, "--", *args, f"OUTPUT={dest}")
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer

    result = read_ogr_layer(str(dest))
    assert len(result) >= 2 and result["reasons"].str.startswith("[").all()
