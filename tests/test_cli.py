"""The province command (issue 20 item 4): ``python -m lowland_plugin.cli`` on a Dask
cluster gives the rows of the Processing algorithm; dask never enters QGIS."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer

pytest.importorskip("dask_geopandas")  # requirements-cluster.txt

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ("parcels", "buildings", "landsurvey", "plan")


def assert_same_rows(got: pd.DataFrame, want: pd.DataFrame, atol: float = 0.0) -> None:
    got = got.set_index("parcel_id").loc[want["parcel_id"]]
    want = want.set_index("parcel_id")
    assert list(got.columns) == list(want.columns)
    for name in want.columns:
        if name == "geometry":
            assert got.geometry.geom_equals_exact(want.geometry, 0).all()
        elif numeric(got[name]) or numeric(want[name]):
            # a year is a float with NaN in memory, an integer field in a GeoPackage
            np.testing.assert_allclose(
                floats(got[name]), floats(want[name]), rtol=1e-9, atol=atol, err_msg=name
            )
        else:  # a GeoPackage is read back with its dates as ISO text
            assert texts(got[name]) == texts(want[name]), name


def numeric(series: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


def floats(series: pd.Series) -> np.ndarray:
    return pd.to_numeric(series.astype(object), errors="coerce").astype(float).to_numpy()


def texts(series: pd.Series) -> list:
    return [None if v is None or v is pd.NA or v != v else str(v) for v in series.astype(object)]


def cli(*args: str) -> dict:
    from lowland_under_test.lowland_plugin.cli.commands import arguments, run

    return run(arguments().parse_args(list(args)))


@pytest.fixture(scope="module")
def sample_parquet(sample_gpkg, tmp_path_factory) -> dict[str, str]:
    """The sample's layers as GeoParquet: parcels as one file, buildings in 4 parts (a
    folder), so that the tasks pick the parts meeting their tile."""
    folder = tmp_path_factory.mktemp("parquet")
    paths = {}
    for name in LAYERS:
        gdf = read_ogr_layer(str(sample_gpkg), name).reset_index(drop=True)
        if name == "buildings":
            (folder / name).mkdir()
            order = gdf.geometry.hilbert_distance().argsort().to_numpy()
            for i, part in enumerate(np.array_split(order, 4)):
                gdf.iloc[np.sort(part)].to_parquet(folder / name / f"part.{i}.parquet")
            paths[name] = str(folder / name)
        else:
            gdf.to_parquet(folder / f"{name}.parquet")
            paths[name] = str(folder / f"{name}.parquet")
    return paths


def test_cluster_identification_equals_the_algorithm(
    lowland_provider, sample_gpkg, sample_parquet, tmp_path
):
    import processing

    source = f"{sample_gpkg}|layername="
    want = processing.run(
        "lowland:identifyparcels",
        {
            **{k.upper(): source + k for k in LAYERS},
            "PROFILE": "yinchuan",
            "REFERENCE_DATE": "2025-06-30",
            "OUTPUT": str(tmp_path / "algorithm.gpkg"),
        },
    )["OUTPUT"]
    out = str(tmp_path / "cluster.parquet")
    # 437 parcels in tasks of 40: ceil(437 / 40) = 11 tiles on 2 local workers
    done = cli(
        "identify",
        *[a for k in LAYERS for a in (f"--{k}", sample_parquet[k])],
        "--profile", "yinchuan",
        "--reference-date", "2025-06-30",
        "--out", out,
        "--workers", "2",
        "--no-processes",
        "--tile", "40",
    )  # fmt: skip
    assert done["tiles"] == 11
    import geopandas as gpd

    got = gpd.read_parquet(out)
    assert len(got) == 437
    assert_same_rows(got, read_ogr_layer(want).reset_index(drop=True))
    # the warnings read as the untiled in-process run's: each once, counts over the layer
    # (1 building without gfa nor floors, 1 industrial parcel without an industry code)
    import datetime as dt

    from lowland_under_test.lowland_plugin.core.common.profiles import load_profile
    from lowland_under_test.lowland_plugin.core.identify.identification import identify_parcels

    frames = {k: read_ogr_layer(str(sample_gpkg), k) for k in LAYERS}
    untiled = identify_parcels(
        frames.pop("parcels"),
        load_profile("yinchuan"),
        **frames,
        reference_date=dt.date(2025, 6, 30),
    )
    assert done["warnings"] == untiled.warnings
    assert any(w.startswith("1 栋建筑的建筑面积和层数均为空") for w in done["warnings"])


def test_cluster_indicators_from_a_geopackage_equal_the_algorithm(
    lowland_provider, sample_gpkg, tmp_path
):
    import geopandas as gpd

    import processing

    want = processing.run(
        "lowland:parcelindicators",
        {
            "PARCELS": f"{sample_gpkg}|layername=parcels",
            "BUILDINGS": f"{sample_gpkg}|layername=buildings",
            "OUTPUT": str(tmp_path / "algorithm.gpkg"),
        },
    )["OUTPUT"]
    out = str(tmp_path / "cluster.parquet")
    cli(
        "indicators",
        "--parcels", f"{sample_gpkg}:parcels",
        "--buildings", f"{sample_gpkg}:buildings",
        "--out", out,
        "--workers", "2",
        "--no-processes",
        "--tile", "60",
    )  # fmt: skip
    assert_same_rows(gpd.read_parquet(out), read_ogr_layer(want).reset_index(drop=True))


def test_the_plugin_and_its_algorithms_never_import_dask(sample_gpkg, tmp_path):
    """In a fresh QGIS process: the plugin loaded and identifyparcels run (tiled, so the
    tiles module is used too), and no dask module is loaded."""
    script = textwrap.dedent(
        f"""
        import os, sys, importlib.util
        os.environ["LOWLAND_TILE_PARCELS"] = "100"
        spec = importlib.util.spec_from_file_location("qs", {str(ROOT / "scripts" / "qgis_standalone.py")!r})
        qs = importlib.util.module_from_spec(spec); spec.loader.exec_module(qs)
        app, provider, processing = qs.start_qgis("lowland_nodask", load_models=False)
        src = {str(sample_gpkg)!r} + "|layername="
        processing.run("lowland:identifyparcels", {{"PARCELS": src + "parcels",
            "BUILDINGS": src + "buildings", "REFERENCE_DATE": "2025-06-30",
            "OUTPUT": {str(tmp_path / "out.gpkg")!r}}})
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("dask", "distributed", "dask_geopandas"))
        print("LOADED", loaded)
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300
    )
    assert "LOADED []" in proc.stdout, proc.stdout[-2000:] + proc.stderr[-2000:]


def test_cluster_legacy_equals_the_algorithm(
    lowland_provider, sample_gpkg, sample_parquet, tmp_path
):
    import geopandas as gpd

    import processing

    want = processing.run(
        "lowland:legacyland",
        {
            "PARCELS": f"{sample_gpkg}|layername=parcels",
            "LANDSURVEY": f"{sample_gpkg}|layername=landsurvey",
            "PROFILE": "yinchuan",
            "OUTPUT": str(tmp_path / "algorithm.gpkg"),
        },
    )["OUTPUT"]
    out = str(tmp_path / "cluster.parquet")
    cli(
        "legacy",
        "--parcels", sample_parquet["parcels"],
        "--landsurvey", sample_parquet["landsurvey"],
        "--profile", "yinchuan",
        "--out", out,
        "--workers", "2",
        "--no-processes",
        "--tile", "50",
    )  # fmt: skip
    assert_same_rows(gpd.read_parquet(out), read_ogr_layer(want).reset_index(drop=True))


def test_cluster_identification_from_and_into_postgis(
    lowland_provider, postgis_server, sample_gpkg, tmp_path
):
    """The sample in a throw-away PostGIS: the command reads the four tables through
    OGR's spatial filter per task and appends every tile to a new table."""
    from osgeo import gdal

    import processing

    for name in LAYERS:
        options = gdal.VectorTranslateOptions(
            layers=[name],
            layerName=f"cli_{name}",
            accessMode="overwrite",
            layerCreationOptions=["GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=GIST"],
        )
        assert gdal.VectorTranslate(postgis_server.ogr(), str(sample_gpkg), options=options)
    want = processing.run(
        "lowland:identifyparcels",
        {
            **{k.upper(): f"{sample_gpkg}|layername={k}" for k in LAYERS},
            "REFERENCE_DATE": "2025-06-30",
            "OUTPUT": str(tmp_path / "algorithm.gpkg"),
        },
    )["OUTPUT"]
    pg = postgis_server.ogr()
    cli(
        "identify",
        *[a for k in LAYERS for a in (f"--{k}", f"{pg}:public.cli_{k}")],
        "--reference-date", "2025-06-30",
        "--out", f"{pg}:public.cli_identified",
        "--workers", "2",
        "--no-processes",
        "--tile", "100",
    )  # fmt: skip
    got = read_ogr_layer(pg, "public.cli_identified").reset_index(drop=True)
    assert len(got) == 437
    assert_same_rows(got, read_ogr_layer(want).reset_index(drop=True))


@pytest.fixture(scope="session")
def district_100k(tmp_path_factory) -> Path:
    """The 100k district of the issue (scripts/generate_district.py: 100 000 parcels,
    ~311k buildings, ~113k 三调 patches, ~9.5k plan parcels), written once per run (~16 s)."""
    path = tmp_path_factory.mktemp("district_100k") / "district.gpkg"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "generate_district.py"), "--parcels", "100000",
         "--out", str(path)],
        check=True, capture_output=True,
    )  # fmt: skip
    return path


def test_cluster_and_tiles_equal_the_algorithm_on_the_100k_district(
    lowland_provider, district_100k, tmp_path, monkeypatch
):
    """On the 100k district: the command on a local cluster of 2 worker processes (tiles
    of 30 000: ceil(100 000 / 30 000) = 4 tasks) and identifyparcels in tiles of 30 000
    (4 tiles) give the rows of identifyparcels untiled (100 000 ≤ the default tile of
    100 000), every column (generation ~15 s, the three runs ~75 s on the 2-core machine)."""
    import geopandas as gpd

    import processing

    source = f"{district_100k}|layername="
    params = {
        **{k.upper(): source + k for k in LAYERS},
        "PROFILE": "default",
        "REFERENCE_DATE": "2025-06-30",
    }
    monkeypatch.delenv("LOWLAND_TILE_PARCELS", raising=False)
    want = processing.run(
        "lowland:identifyparcels", {**params, "OUTPUT": str(tmp_path / "untiled.gpkg")}
    )["OUTPUT"]
    want = read_ogr_layer(want).reset_index(drop=True)
    assert len(want) == 100_000
    monkeypatch.setenv("LOWLAND_TILE_PARCELS", "30000")
    tiled = processing.run(
        "lowland:identifyparcels", {**params, "OUTPUT": str(tmp_path / "tiled.gpkg")}
    )["OUTPUT"]
    # outputs are rounded to 0.01 (fields.round_for_output): a value on a rounding edge
    # (1 ellipsoidal area in 100 000 here) may round the other way in another tile
    edge = 0.0100001
    assert_same_rows(read_ogr_layer(tiled).reset_index(drop=True), want, edge)
    out = str(tmp_path / "cluster.parquet")
    # in a process of its own, as run by hand: worker processes are not started from a
    # process holding QGIS (the in-process tests use threads, --no-processes)
    command = [
        sys.executable, "-m", "lowland_plugin.cli", "identify",
        *[a for k in LAYERS for a in (f"--{k}", f"{district_100k}:{k}")],
        "--profile", "default",
        "--reference-date", "2025-06-30",
        "--out", out,
        "--workers", "2",
        "--tile", "30000",
    ]  # fmt: skip
    done = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)
    assert "100000 parcels in 4 tiles" in done.stdout
    assert_same_rows(gpd.read_parquet(out), want, edge)
