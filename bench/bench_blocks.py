"""Benchmark: ``lowland:delineateblocks`` on a city-size road network (50 000 segments),
end to end in ``qgis_process`` and against the QGIS native chain in one QGIS process.

Usage: bash scripts/run bench-blocks [--segments 50000] [--skip-native] [--skip-qgis-process]
       [--runs 3]

The network (seeded, cached in $LOWLAND_BENCH_CACHE): a grid of ~150 m cells with every
node jittered by up to ±20 m, each grid edge one road segment with a red-line width of
12–50 m by grade; 5 % of the segments have no width (grade default), 1 % of the cells
get a 40 m dead end from the middle of a side; the boundary is the grid's bounding box
plus 50 m. Timed:

(a) ``qgis_process.bin run lowland:delineateblocks`` wall time (QGIS start-up and the
    GeoPackage reading/writing included) and its peak RSS;
(b) the same algorithm through ``processing.run`` in this process;
(c) the native chain on the same roads (widths already resolved into ``half_width``):
    ``native:buffer`` (flat caps, DISSOLVE=True) → ``native:difference`` from the
    boundary → ``native:multiparttosingleparts``; ratio (c)/(b). The native chain does
    not snap ends, treat dangles, remove slivers, number blocks or check the invariants.

(b) and (c) are run ``--runs`` times, alternating; the medians and their ratio are printed
(the machine is shared: single runs vary by 2x).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

sys.path.append(str(Path(__file__).resolve().parent))
from common import CACHE, LAST_CPU, measure, start_qgis, timed_qgis_process  # noqa: E402

SPACING_M = 150.0
JITTER_M = 20.0
#: grade → red-line width (m) of the generated roads
GRADES = {"arterial": (50.0, 40.0), "secondary": (30.0, 24.0), "branch": (16.0, 12.0)}


def network(segments: int, seed: int = 20250630) -> Path:
    """The cached GeoPackage (layers roads, boundary) of about ``segments`` road segments."""
    n = int(round((1 + np.sqrt(1 + 2 * segments)) / 2))  # 2·n·(n−1) grid edges
    path = CACHE / f"blocks_{segments}_{seed}.gpkg"
    if path.exists():
        return path
    from lowland_bench.lowland_plugin.bridge.ogr_io import write_ogr_layer

    rng = np.random.default_rng(seed)
    x0, y0 = 600000.0, 4250000.0  # EPSG:4544
    xs = x0 + np.arange(n) * SPACING_M
    ys = y0 + np.arange(n) * SPACING_M
    gx, gy = np.meshgrid(xs, ys)
    gx = gx + rng.uniform(-JITTER_M, JITTER_M, gx.shape)
    gy = gy + rng.uniform(-JITTER_M, JITTER_M, gy.shape)
    pts = np.stack([gx, gy], axis=-1)
    horizontal = np.stack([pts[:, :-1], pts[:, 1:]], axis=2).reshape(-1, 2, 2)
    vertical = np.stack([pts[:-1, :], pts[1:, :]], axis=2).reshape(-1, 2, 2)
    segs = np.concatenate([horizontal, vertical])
    # every 10th grid line is arterial, every 5th secondary, the rest branch
    h_line = np.repeat(np.arange(n), n - 1)
    v_line = np.tile(np.arange(n), n - 1)
    line_no = np.concatenate([h_line, v_line])
    grade = np.where(
        line_no % 10 == 0, "arterial", np.where(line_no % 5 == 0, "secondary", "branch")
    )
    width = np.array([rng.choice(GRADES[g]) for g in grade])
    width[rng.random(len(width)) < 0.05] = np.nan
    # dead ends: 40 m from the middle of 1 % of the horizontal segments, northwards
    pick = rng.choice(len(horizontal), size=len(horizontal) // 100, replace=False)
    mid = horizontal[pick].mean(axis=1)
    stubs = np.stack([mid, mid + [0.0, 40.0]], axis=1)
    lines = shapely.linestrings(np.concatenate([segs, stubs]))
    grade = np.concatenate([grade, np.full(len(stubs), "branch")]).astype(object)
    width = np.concatenate([width, np.full(len(stubs), 12.0)])
    default = {"arterial": 40.0, "secondary": 30.0, "branch": 15.0}  # road_widths.csv
    resolved = np.where(np.isnan(width), [default[g] for g in grade], width)
    roads = gpd.GeoDataFrame(
        {
            "road_id": [f"R{i:06d}" for i in range(len(lines))],
            "grade": grade,
            "width": width,
            "half_width": resolved / 2,  # for the native chain only
        },
        geometry=lines,
        crs="EPSG:4544",
    )
    b = shapely.bounds(shapely.union_all(lines))
    boundary = gpd.GeoDataFrame(
        {"name": ["bench"]},
        geometry=[shapely.box(b[0] - 50, b[1] - 50, b[2] + 50, b[3] + 50)],
        crs="EPSG:4544",
    )
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial.gpkg")
    write_ogr_layer(roads, str(partial), "roads", overwrite_file=True)
    write_ogr_layer(boundary, str(partial), "boundary")
    partial.rename(path)
    return path


def params(gpkg: Path, out: Path) -> dict[str, str]:
    return {
        "ROADS": f"{gpkg}|layername=roads",
        "BOUNDARY": f"{gpkg}|layername=boundary",
        "OUTPUT": str(out / "blocks.gpkg"),
        "ROAD_RESERVE": str(out / "reserve.gpkg"),
        "REMOVED": str(out / "removed.gpkg"),
    }


def run_qgis_process(gpkg: Path) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB) and the log of one qgis_process run."""
    with tempfile.TemporaryDirectory() as tmp:
        args = [f"{k}={v}" for k, v in params(gpkg, Path(tmp)).items()]
        return timed_qgis_process("lowland:delineateblocks", args)


def native_chain(processing, gpkg: Path):
    from qgis.core import QgsProperty

    reserve = processing.run(
        "native:buffer",
        {
            "INPUT": f"{gpkg}|layername=roads",
            "DISTANCE": QgsProperty.fromExpression('"half_width"'),
            "SEGMENTS": 8,
            "END_CAP_STYLE": 1,  # flat
            "JOIN_STYLE": 0,
            "MITER_LIMIT": 2,
            "DISSOLVE": True,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )["OUTPUT"]
    blocks = processing.run(
        "native:difference",
        {
            "INPUT": f"{gpkg}|layername=boundary",
            "OVERLAY": reserve,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )["OUTPUT"]
    return processing.run(
        "native:multiparttosingleparts", {"INPUT": blocks, "OUTPUT": "TEMPORARY_OUTPUT"}
    )["OUTPUT"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=50_000)
    parser.add_argument("--skip-native", action="store_true")
    parser.add_argument("--skip-qgis-process", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    _app, _provider, processing = start_qgis()
    gpkg = network(args.segments)
    from osgeo import ogr

    source = ogr.Open(str(gpkg))  # keep the data source alive while its layer is used
    n_roads = source.GetLayerByName("roads").GetFeatureCount()
    del source
    load = os.getloadavg()
    print(f"cores: {os.cpu_count()}   load average: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print(f"network: {gpkg}  ({n_roads} road segments)", flush=True)
    if not args.skip_qgis_process:
        seconds, peak, log = run_qgis_process(gpkg)
        print(
            f"  {'qgis_process run lowland:delineateblocks':<48} {seconds:8.2f} s   "
            f"peak RSS {peak:8.0f} MB",
            flush=True,
        )
        for line in log.splitlines():
            if "blocks, road reserve" in line:
                print("   ", line.strip())
    import statistics

    ours_runs, native_runs, ours_cpu, native_cpu = [], [], [], []
    for i in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            ours, res = measure(
                f"lowland:delineateblocks (processing.run) #{i + 1}",
                lambda tmp=tmp: processing.run("lowland:delineateblocks", params(gpkg, Path(tmp))),
            )
            from qgis.core import QgsVectorLayer

            count = QgsVectorLayer(res["OUTPUT"], "b", "ogr").featureCount()
        ours_runs.append(ours)
        ours_cpu.append(LAST_CPU[0])
        print(f"    {count} blocks", flush=True)
        if not args.skip_native:
            native, out = measure(
                f"QGIS native buffer+dissolve → difference → singleparts #{i + 1}",
                lambda: native_chain(processing, gpkg),
            )
            native_runs.append(native)
            native_cpu.append(LAST_CPU[0])
            print(f"    {out.featureCount()} pieces (no sliver removal)")
    ours = statistics.median(ours_runs)
    print(f"  median lowland:delineateblocks (processing.run): {ours:.2f} s", flush=True)
    if native_runs:
        native = statistics.median(native_runs)
        print(f"  median QGIS native chain: {native:.2f} s", flush=True)
        print(f"  ratio native / lowland (medians): {native / ours:.2f}x", flush=True)
        cpu_ours, cpu_native = statistics.median(ours_cpu), statistics.median(native_cpu)
        print(
            f"  CPU medians: lowland {cpu_ours:.2f} s, native {cpu_native:.2f} s, "
            f"ratio {cpu_native / cpu_ours:.2f}x",
            flush=True,
        )
    load = os.getloadavg()
    print(f"load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
