"""Benchmark: ``lowland:parcelindicators`` against the QGIS native chain, in one QGIS process.

Usage: bash scripts/run bench [--sizes 10000 100000] [--skip-native]

For each generated district size it prints wall time and peak resident memory of
(a) the Lowland algorithm end to end through ``processing.run`` (GeoPackage in,
GeoPackage out), (b) its read and core steps alone, (c) the fastest QGIS-native
chain that computes the same GFA / FAR / density per parcel (bench/common.py),
and the ratio (c)/(a). Peak memory is the process's VmHWM, reset before each step.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))
from common import district, measure, native_indicator_chain, start_qgis  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--skip-native", action="store_true")
    args = parser.parse_args(argv)
    _app, _provider, processing = start_qgis()
    from lowland_bench.lowland_plugin.bridge.ogr_io import read_ogr_layer
    from lowland_bench.lowland_plugin.core.identify.indicators import (
        compute_parcel_indicators,
    )

    print(f"cores: {os.cpu_count()}", flush=True)
    for n in args.sizes:
        gpkg = district(n)
        parcels = read_ogr_layer(str(gpkg), "parcels")
        buildings = read_ogr_layer(str(gpkg), "buildings")
        print(f"\n== {len(parcels)} parcels, {len(buildings)} buildings ==", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            ours, _ = measure(
                "lowland:parcelindicators (gpkg in/out)",
                lambda tmp=tmp: processing.run(
                    "lowland:parcelindicators",
                    {
                        "PARCELS": f"{gpkg}|layername=parcels",
                        "BUILDINGS": f"{gpkg}|layername=buildings",
                        "OUTPUT": str(Path(tmp) / "ind.gpkg"),
                    },
                ),
            )
        measure(
            "  of which read (OGR columnar)",
            lambda: (read_ogr_layer(str(gpkg), "parcels"), read_ogr_layer(str(gpkg), "buildings")),
        )
        measure(
            "  of which core (shapely 2)", lambda: compute_parcel_indicators(parcels, buildings)
        )
        if args.skip_native:
            continue
        native, _ = measure(
            "QGIS native chain (memory outputs)", lambda: native_indicator_chain(processing, gpkg)
        )
        print(f"  ratio native / lowland: {native / ours:.1f}x", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
