"""Benchmark: ``lowland:parcelindicators`` against the QGIS native chain, in one QGIS process.

Usage: bash scripts/run bench [--sizes 10000 100000] [--skip-native]

For each generated district size it prints wall time and peak resident memory of
(a) the Lowland algorithm end to end through ``processing.run`` (GeoPackage in,
GeoPackage out), (b) its core step alone, (c) the fastest QGIS-native chain that
computes the same GFA / FAR / density per parcel (field calculator →
native:intersection → field calculator → qgis:statisticsbycategories ×2 →
native:joinattributestable ×2 → field calculator), and the ratio (c)/(a).
Peak memory is the process's VmHWM, reset before each step (/proc/self/clear_refs).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "lowland_bench"
CACHE = Path(os.environ.get("LOWLAND_BENCH_CACHE", Path(tempfile.gettempdir()) / "lowland-bench"))


def _load_package():
    spec = importlib.util.spec_from_file_location(
        PACKAGE, ROOT / "__init__.py", submodule_search_locations=[str(ROOT)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[PACKAGE] = module
    spec.loader.exec_module(module)


def _generator():
    spec = importlib.util.spec_from_file_location(
        "generate_district", ROOT / "scripts" / "generate_district.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _reset_peak() -> None:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(label: str, func):
    _reset_peak()
    start = time.perf_counter()
    out = func()
    seconds = time.perf_counter() - start
    peak = _peak_mb()
    print(f"  {label:<44} {seconds:8.2f} s   peak RSS {peak:8.0f} MB", flush=True)
    return seconds, out


def district(n: int) -> Path:
    """The cached generated district of about ``n`` parcels."""
    path = CACHE / f"district_{n}.gpkg"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        gen = _generator()
        start = time.perf_counter()
        gen.main(["--parcels", str(n), "--out", str(path)])
        print(f"  generated {path} in {time.perf_counter() - start:.1f} s", flush=True)
    return path


def native_chain(gpkg: Path) -> object:
    """GFA, FAR and density per parcel with QGIS native algorithms only."""
    import processing

    parcels = f"{gpkg}|layername=parcels"
    buildings = f"{gpkg}|layername=buildings"
    tmp = "TEMPORARY_OUTPUT"
    b = processing.run(
        "native:fieldcalculator",
        {
            "INPUT": buildings,
            "FIELD_NAME": "b_area",
            "FIELD_TYPE": 0,
            "FIELD_LENGTH": 20,
            "FIELD_PRECISION": 6,
            "FORMULA": "$area",
            "OUTPUT": tmp,
        },
    )["OUTPUT"]
    b = processing.run(
        "native:fieldcalculator",
        {
            "INPUT": b,
            "FIELD_NAME": "b_gfa",
            "FIELD_TYPE": 0,
            "FIELD_LENGTH": 20,
            "FIELD_PRECISION": 6,
            "FORMULA": 'coalesce("gfa", "b_area" * "floors")',
            "OUTPUT": tmp,
        },
    )["OUTPUT"]
    pieces = processing.run(
        "native:intersection",
        {
            "INPUT": b,
            "OVERLAY": parcels,
            "INPUT_FIELDS": ["b_area", "b_gfa"],
            "OVERLAY_FIELDS": ["parcel_id"],
            "OUTPUT": tmp,
        },
    )["OUTPUT"]
    pieces = processing.run(
        "native:fieldcalculator",
        {
            "INPUT": pieces,
            "FIELD_NAME": "part_area",
            "FIELD_TYPE": 0,
            "FIELD_LENGTH": 20,
            "FIELD_PRECISION": 6,
            "FORMULA": "$area",
            "OUTPUT": tmp,
        },
    )["OUTPUT"]
    pieces = processing.run(
        "native:fieldcalculator",
        {
            "INPUT": pieces,
            "FIELD_NAME": "part_gfa",
            "FIELD_TYPE": 0,
            "FIELD_LENGTH": 20,
            "FIELD_PRECISION": 6,
            "FORMULA": '"b_gfa" * "part_area" / "b_area"',
            "OUTPUT": tmp,
        },
    )["OUTPUT"]
    out = parcels
    for value, prefix in (("part_gfa", "gfa_"), ("part_area", "fp_")):
        stats = processing.run(
            "qgis:statisticsbycategories",
            {
                "INPUT": pieces,
                "VALUES_FIELD_NAME": value,
                "CATEGORIES_FIELD_NAME": ["parcel_id"],
                "OUTPUT": tmp,
            },
        )["OUTPUT"]
        out = processing.run(
            "native:joinattributestable",
            {
                "INPUT": out,
                "FIELD": "parcel_id",
                "INPUT_2": stats,
                "FIELD_2": "parcel_id",
                "FIELDS_TO_COPY": ["sum"],
                "METHOD": 1,
                "PREFIX": prefix,
                "OUTPUT": tmp,
            },
        )["OUTPUT"]
    return processing.run(
        "native:fieldcalculator",
        {
            "INPUT": out,
            "FIELD_NAME": "far",
            "FIELD_TYPE": 0,
            "FIELD_LENGTH": 20,
            "FIELD_PRECISION": 6,
            "FORMULA": 'coalesce("gfa_sum", 0) / $area',
            "OUTPUT": tmp,
        },
    )["OUTPUT"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--skip-native", action="store_true")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path[:] = [p for p in sys.path if p not in ("", ".") and Path(p).resolve() != ROOT]
    sys.path.append("/usr/share/qgis/python/plugins")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    _load_package()
    import processing
    from lowland_bench.lowland_plugin.core.indicators import compute_parcel_indicators
    from lowland_bench.lowland_plugin.ogr_io import read_ogr_layer
    from lowland_bench.processing.provider import LowlandProvider

    provider = LowlandProvider()  # keep a reference: the registry holds only the C++ side
    if not QgsApplication.processingRegistry().addProvider(provider):
        raise SystemExit("could not register the lowland provider")
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
        native, _ = measure("QGIS native chain (memory outputs)", lambda: native_chain(gpkg))
        print(f"  ratio native / lowland: {native / ours:.1f}x", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
