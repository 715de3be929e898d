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


def cli_args(algorithm: str, sample: Path, output, layers=("parcels", "buildings"), *extra):
    """``qgis_process run lowland:<algorithm>`` with the sample's ``layers`` as inputs."""
    inputs = [f"{name.upper()}={sample}|layername={name}" for name in layers]
    return [QGIS_PROCESS, "run", f"lowland:{algorithm}", "--", *inputs, *extra, f"OUTPUT={output}"]


def indicators_cli(env, sample: Path, output: str) -> subprocess.CompletedProcess:
    """``qgis_process run lowland:parcelindicators`` on the sample into ``output``."""
    return subprocess.run(
        cli_args("parcelindicators", sample, output),
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


# ------------------------------------------------- cancel, kill, two writers (items 5, 6)


class Feedback:
    """A run's feedback: ``on_write`` is called once the first rows are written (the
    user cancels then, or another run finishes first)."""

    def __init__(self, on_write=None, cancel: bool = False) -> None:
        self.on_write = on_write
        self.cancel = cancel
        self.cancelled = False

    def setProgress(self, value: float) -> None:  # noqa: N802 (QGIS API)
        if value > 0 and self.on_write is not None:
            self.on_write()
            self.on_write = None
        if value > 0 and self.cancel:
            self.cancelled = True

    def isCanceled(self) -> bool:  # noqa: N802 (QGIS API)
        return self.cancelled

    def pushInfo(self, text: str) -> None:  # noqa: N802 (QGIS API)
        pass

    pushWarning = pushInfo  # noqa: N815 (QGIS API)


def write(destination: str, ids: list[str], feedback=None) -> str:
    """identifyparcels' write_output of one square per id into ``destination``."""
    import geopandas as gpd
    from qgis.core import (
        QgsApplication,
        QgsCoordinateReferenceSystem,
        QgsProcessingContext,
    )
    from shapely.geometry import box

    alg = QgsApplication.processingRegistry().createAlgorithmById("lowland:identifyparcels")
    gdf = gpd.GeoDataFrame(
        {"parcel_id": ids}, geometry=[box(i, 0, i + 1, 1) for i in range(len(ids))], crs=4544
    )
    return alg.write_output(
        {"OUTPUT": destination},
        "OUTPUT",
        QgsProcessingContext(),
        feedback or Feedback(),
        gdf,
        QgsCoordinateReferenceSystem("EPSG:4544"),
    )


def ids_in(path: Path) -> list[str]:
    from osgeo import ogr

    dataset = ogr.Open(str(path))
    layer = dataset.GetLayer(0)
    return sorted(f.GetField("parcel_id") for f in layer)


def partials(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".partial-" in p.name)


@pytest.mark.parametrize("name", ["result.shp", "result.gpkg", "result.geojson"])
def test_a_cancelled_rerun_keeps_the_earlier_result(lowland_provider, tmp_path, name):
    """The earlier result (A, B) survives a re-run (C, D, E) cancelled while writing; the
    shapefile sink used to overwrite it in place and then keep the partial file."""
    from qgis.core import QgsProcessingException

    target = tmp_path / name
    write(str(target), ["A", "B"])
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(QgsProcessingException, match="已取消"):
        write(str(target), ["C", "D", "E"], Feedback(cancel=True))
    assert ids_in(target) == ["A", "B"]
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no partial file left
    write(str(target), ["C", "D", "E"])  # not cancelled: replaced, the check above can fail
    assert ids_in(target) == ["C", "D", "E"]


@pytest.mark.parametrize("name", ["new.shp", "new.gpkg"])
def test_two_writers_to_one_new_file_one_wins(lowland_provider, tmp_path, name):
    """Run 2 finishes writing ``name`` while run 1 is still writing it (both started when
    it did not exist): run 1 is refused with a message, run 2's rows stay, once."""
    from qgis.core import QgsProcessingException

    target = tmp_path / name

    def other_run_finishes() -> None:
        write(str(target), ["X", "Y"])

    with pytest.raises(QgsProcessingException, match="另一个运行已先写出.*another run"):
        write(str(target), ["A", "B", "C"], Feedback(on_write=other_run_finishes))
    assert ids_in(target) == ["X", "Y"]
    assert partials(tmp_path) == []


def dead_pid() -> int:
    """The id of a process that has ended."""
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


def test_stale_partial_files_of_dead_processes_are_removed(lowland_provider, tmp_path):
    """Partial files whose process is gone (killed with SIGKILL, a crash) are removed by
    the next run into that folder; those of a running process and other files are not."""
    import os

    dead, alive = dead_pid(), os.getppid()
    stale = [
        f"result.partial-{dead}.gpkg",
        f"roads.partial-{dead}.shp",
        f"roads.partial-{dead}.dbf",
    ]
    kept = [f"other.partial-{alive}.gpkg", ".partial-12345678.pdf", "notes.txt"]
    for name in stale + kept:
        (tmp_path / name).write_text("x")
    write(str(tmp_path / "result.gpkg"), ["A"])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*kept, "result.gpkg"])


def start_cli(env, sample: Path, output: Path) -> subprocess.Popen:
    return subprocess.Popen(
        cli_args("parcelindicators", sample, output),  # no reasons: a shapefile is fine
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@pytest.mark.slow
@pytest.mark.parametrize("name", ["killed.gpkg", "killed.shp"])
def test_sigterm_during_a_rerun_leaves_no_partial_file(qgis_env, sample_gpkg, tmp_path, name):
    """``qgis_process`` killed with SIGTERM once its partial file appears: the partial file
    is removed by the process as it ends, and the earlier result is intact."""
    import signal
    import time

    target = tmp_path / name
    first = start_cli(qgis_env, sample_gpkg, target)
    assert first.wait(timeout=RUN_TIMEOUT_S) == 0
    earlier = ids_in(target)
    assert len(earlier) == 437
    proc = start_cli(qgis_env, sample_gpkg, target)
    seen: list[str] = []
    deadline = time.monotonic() + RUN_TIMEOUT_S
    while not seen and proc.poll() is None and time.monotonic() < deadline:
        seen = partials(tmp_path)
        time.sleep(0.002)
    assert seen, "the re-run wrote no partial file beside the target"
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) != 0
    assert partials(tmp_path) == []
    assert ids_in(target) == earlier


def test_a_table_output_in_a_geopackage_is_named_after_the_file(lowland_provider, tmp_path):
    """The staged table keeps the target's layer name, not ``summary.partial-<pid>-<n>``."""
    import pandas as pd
    from osgeo import ogr
    from qgis.core import QgsApplication, QgsProcessingContext

    alg = QgsApplication.processingRegistry().createAlgorithmById("lowland:identifyparcels")
    target = tmp_path / "summary.gpkg"
    table = pd.DataFrame({"parcel_id": ["A", "B"], "n": [1, 2]})
    alg.write_table({"OUTPUT": str(target)}, "OUTPUT", QgsProcessingContext(), table, Feedback())
    dataset = ogr.Open(str(target))
    names = [dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())]
    rows = dataset.GetLayer(0).GetFeatureCount()
    dataset = None
    assert names == ["summary"] and rows == 2
    assert partials(tmp_path) == []
