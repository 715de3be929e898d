"""Re-running into an existing output (issue 21 items 4–6): a re-run replaces the layer
and its stored style without ever asking (``qgis_process`` and background tasks cannot
answer a dialog), a cancelled or killed re-run leaves the earlier result, and no
``*.partial-*`` file survives its process."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest

QGIS_PROCESS = "/usr/bin/qgis_process.bin"
#: A run of parcelindicators on the sample takes ~10 s; a modal dialog waits for ever.
RUN_TIMEOUT_S = 120

pytestmark = pytest.mark.skipif(not Path(QGIS_PROCESS).exists(), reason="QGIS not installed")


def indicators_cli(env, sample: Path, output: str) -> subprocess.CompletedProcess:
    """``qgis_process run lowland:parcelindicators`` on the sample into ``output``."""
    return subprocess.run(
        [
            QGIS_PROCESS,
            "run",
            "lowland:parcelindicators",
            "--",
            f"PARCELS={sample}|layername=parcels",
            f"BUILDINGS={sample}|layername=buildings",
            f"OUTPUT={output}",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
    )


def gpkg_rows(path: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_rerun_into_an_existing_geopackage_layer_does_not_hang(qgis_env, sample_gpkg, tmp_path):
    """Twice into the layer ``ind`` of an existing GeoPackage: the second run used to wait
    for ever on "a style named … already exists, overwrite?"; now it replaces the layer
    (437 parcels, not 874) and its one stored style."""
    target = tmp_path / "project.gpkg"
    target.write_bytes(sample_gpkg.read_bytes())  # a GeoPackage holding other layers
    output = f"ogr:dbname='{target}' table=\"ind\" (geom)"
    for run in (1, 2):
        out = indicators_cli(qgis_env, sample_gpkg, output)  # TimeoutExpired = the hang
        assert out.returncode == 0, f"run {run}: " + out.stdout[-2000:] + out.stderr[-2000:]
    assert gpkg_rows(target, "SELECT count(*) FROM ind") == [(437,)]
    assert gpkg_rows(target, "SELECT count(*) FROM parcels") == [(437,)]  # untouched
    styles = gpkg_rows(
        target, "SELECT styleName, useAsDefault FROM layer_styles WHERE f_table_name = 'ind'"
    )
    assert styles == [("output", 1)]
