"""Benchmark: the live metrics of the 绘制再开发单元 tool (core/units/live_metrics.py) per
edit on the 100 000-parcel benchmark district — can they follow the mouse?

Usage: bash scripts/run bench-unit-metrics [--parcels 100000] [--edits 300]

The district (scripts/generate_district.py, cached in $LOWLAND_BENCH_CACHE) has roads,
a boundary and parcels; its blocks come from ``delineate_blocks`` (core, with the
parcels, which get their ``block_id``). The parcels get a seeded 低效 verdict (30 %,
type drawn from the five types) since the benchmark times the metrics, not the
identification. Timed:

(a) ``prepare_district`` once (arrays, eroded blocks, STRtrees) — what the tool does when
    it is activated or a layer changes;
(b) ``unit_metrics`` per edit: a unit outline around the district centre (the bounding
    box, 2 m out, of the blocks whose centroid is within ``--radius`` m; the generated
    blocks are ~6 ha, so the default 400 m gives some 50–100 ha) with the last corner
    following a "mouse" path of ``--edits`` positions across blocks and roads — the
    rubber band the tool measures on every mouse move. Median, p95 and max latency.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import shapely

sys.path.append(str(Path(__file__).resolve().parent))
from common import district, measure, start_qgis  # noqa: E402

TYPES = ["industrial", "village", "commercial_residential", "facility", "other"]


def load(n: int):
    """Blocks and parcels (with block_id and a seeded verdict) of the cached district."""
    from lowland_bench.lowland_plugin.bridge.ogr_io import read_ogr_layer
    from lowland_bench.lowland_plugin.core.units.blocks import delineate_blocks

    path = str(district(n))
    roads = read_ogr_layer(path, "roads")
    boundary = read_ogr_layer(path, "boundary")
    parcels = read_ogr_layer(path, "parcels")
    _, result = measure(
        "delineate_blocks (set-up, not timed per edit)",
        lambda: delineate_blocks(roads, boundary, parcels),
    )
    parcels = result.parcels if result.parcels is not None else parcels
    rng = np.random.default_rng(20261203)
    low = rng.random(len(parcels)) < 0.3
    parcels = parcels.copy()
    parcels["verdict"] = np.where(low, "lowland", "efficient")
    parcels["lowland_type"] = np.where(low, rng.choice(TYPES, len(parcels)), None)
    return result.blocks, parcels


def mouse_outlines(blocks, edits: int, radius: float) -> list:
    """The rubber band at every mouse position: an outline whose last corner moves."""
    geoms = np.asarray(blocks.geometry.values, dtype=object)
    centre = shapely.centroid(shapely.union_all(shapely.envelope(geoms)))
    near = geoms[shapely.distance(shapely.centroid(geoms), centre) < radius]
    x0, y0, x1, y1 = shapely.total_bounds(near)
    x0, y0, x1, y1 = x0 - 2, y0 - 2, x1 + 2, y1 + 2
    fixed = [(x0, y0), (x1, y0), (x1, y1)]
    out = []
    for t in np.linspace(0.0, 1.0, edits):
        # the last corner sweeps from the far corner outwards across the next blocks
        hover = (x0 - 300.0 * t, y1 + 300.0 * np.sin(np.pi * t))
        out.append(shapely.Polygon([*fixed, hover]))
    return out


def time_tool_preparation(blocks, parcels) -> None:
    """What the tool does once on activation: the blocks and parcels layers (GeoPackage)
    read through the bridge and prepared (gui/unit_metrics_panel.LiveDistrict)."""
    import tempfile

    from qgis.core import QgsVectorLayer

    from lowland_bench.lowland_plugin.bridge.ogr_io import write_ogr_layer
    from lowland_bench.lowland_plugin.gui.unit_metrics_panel import LiveDistrict

    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "district.gpkg")
        keep = ["parcel_id", "block_id", "verdict", "lowland_type", "area_m2", "gfa"]
        write_ogr_layer(blocks[["block_id", "geometry"]], path, "blocks")
        write_ogr_layer(parcels[[c for c in keep if c in parcels.columns] + ["geometry"]],
                        path, "parcels")  # fmt: skip
        live = LiveDistrict()
        live.set_layers(
            QgsVectorLayer(f"{path}|layername=blocks", "blocks", "ogr"),
            QgsVectorLayer(f"{path}|layername=parcels", "parcels", "ogr"),
        )
        measure("the tool's LiveDistrict: read both layers + prepare", live.prepared)


def tool_path_latencies(prepared, outlines) -> np.ndarray:
    """Per edit as in UnitMapTool.measure: the rubber band's QgsGeometry to shapely,
    then unit_metrics (the panel's redraw, a QLabel text, is not timed)."""
    from qgis.core import QgsGeometry

    from lowland_bench.lowland_plugin.bridge.layers import shapely_geometry
    from lowland_bench.lowland_plugin.core.units.live_metrics import unit_metrics

    bands = [QgsGeometry.fromWkt(o.wkt) for o in outlines]
    out = []
    for band in bands:
        start = time.perf_counter()
        unit_metrics(prepared, shapely_geometry(band))
        out.append((time.perf_counter() - start) * 1000.0)
    return np.array(out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parcels", type=int, default=100_000)
    parser.add_argument("--edits", type=int, default=300)
    parser.add_argument("--radius", type=float, default=400.0)
    args = parser.parse_args(argv)
    start_qgis()
    from lowland_bench.lowland_plugin.core.units.live_metrics import (
        prepare_district,
        unit_metrics,
    )

    load_avg = os.getloadavg()
    print(f"cores: {os.cpu_count()}   load average: {load_avg[0]:.2f} {load_avg[1]:.2f}")
    blocks, parcels = load(args.parcels)
    print(f"  district: {len(parcels)} parcels, {len(blocks)} blocks", flush=True)
    _, prepared = measure("prepare_district (once)", lambda: prepare_district(blocks, parcels))
    time_tool_preparation(blocks, parcels)
    outlines = mouse_outlines(blocks, args.edits, args.radius)
    unit_metrics(prepared, outlines[0])  # warm-up
    latencies, wholes, partials, parcel_counts = [], [], [], []
    for outline in outlines:
        start = time.perf_counter()
        m = unit_metrics(prepared, outline)
        latencies.append((time.perf_counter() - start) * 1000.0)
        wholes.append(len(m.whole_blocks))
        partials.append(len(m.partial_blocks))
        parcel_counts.append(m.parcel_count)
    lat = np.array(latencies)
    tool_lat = tool_path_latencies(prepared, outlines)
    print(
        f"  unit_metrics per edit ({len(lat)} edits, {min(wholes)}–{max(wholes)} whole and "
        f"{min(partials)}–{max(partials)} partly taken blocks, "
        f"{statistics.median(wholes):.0f} whole blocks median, "
        f"{statistics.median(parcel_counts):.0f} parcels median)"
    )
    print(
        f"    median {np.median(lat):.1f} ms   p95 {np.percentile(lat, 95):.1f} ms   "
        f"max {lat.max():.1f} ms",
        flush=True,
    )
    print(
        f"  the tool's path per edit (QgsGeometry → shapely, then unit_metrics)\n"
        f"    median {np.median(tool_lat):.1f} ms   p95 {np.percentile(tool_lat, 95):.1f} ms   "
        f"max {tool_lat.max():.1f} ms",
        flush=True,
    )
    load_avg = os.getloadavg()
    print(f"load average after: {load_avg[0]:.2f} {load_avg[1]:.2f} {load_avg[2]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
