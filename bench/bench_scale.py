"""Benchmark: ``lowland:identifyparcels`` in spatial tiles on a very large district
(issue 20 item 2: 1M parcels / 3M buildings / 1M 三调 patches in ≤ 120 s and ≤ 3 GB).

Usage: bash scripts/run bench-scale [--sizes 1000000] [--tile 100000]

Per size: the district is generated once by scripts/generate_district.py in a separate
process and cached (``LOWLAND_BENCH_CACHE``, default /tmp/lowland-bench, outside the
repository); then one in-process ``processing.run`` of identifyparcels (buildings, 三调,
plan) writing a GeoPackage, with per stage its wall seconds and the peak resident set
reached during that stage (VmHWM reset when the stage starts): the parcels' read, the
per-tile spatial-index reads of the other layers, the per-tile identification, the
per-tile append to the output and the final swap. No untiled run at these sizes (it
needs about 11 GB at 1M parcels).
"""

from __future__ import annotations

import argparse
import importlib
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))
from common import CACHE, ROOT, peak_mb, reset_peak, start_qgis  # noqa: E402

PACKAGE = "lowland_bench"
#: (stage, module under the bench package, attribute, class or None); none nests in another
STAGES = (
    (
        "read parcels (GeoPackage → GeoDataFrame)",
        "processing.base",
        "read_layer",
        "LowlandAlgorithm",
    ),
    (
        "tile reads (spatial index, buildings/三调/plan)",
        "lowland_plugin.core.common.tiles",
        "select_touching",
        None,
    ),
    ("halo (neighbouring parcels)", "lowland_plugin.core.common.tiles", "halo", None),
    ("identification per tile", "lowland_plugin.core.identify.tiled", "identify_parcels", None),
    ("write per tile (append)", "lowland_plugin.bridge.outputs", "append", "GpkgTileWriter"),
    ("finish (style, swap into place)", "processing.base", "finish_tiles", "LowlandAlgorithm"),
)


def district(n: int) -> Path:
    """The cached district of ``n`` parcels, generated in a child process."""
    path = CACHE / f"district_{n}.gpkg"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        partial = path.with_suffix(".partial.gpkg")
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "scripts" / "generate_district.py"),
                "--parcels",
                str(n),
                "--out",
                str(partial),
            ],
            check=True,
        )
        partial.rename(path)
        print(f"  generated {path} in {time.perf_counter() - start:.1f} s", flush=True)
    return path


def wrapped(func, label: str, seconds: dict, peaks: dict):
    def wrapper(*args, **kwargs):
        reset_peak()
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            seconds[label] += time.perf_counter() - start
            peaks[label] = max(peaks[label], peak_mb())

    return wrapper


def run(processing, gpkg: Path, tile: int) -> None:
    seconds: dict[str, float] = defaultdict(float)
    peaks: dict[str, float] = defaultdict(float)
    undo = []
    for label, module_name, attr, cls in STAGES:
        owner = importlib.import_module(f"{PACKAGE}.{module_name}")
        if cls is not None:
            owner = getattr(owner, cls)
        original = owner.__dict__[attr] if cls else getattr(owner, attr)
        setattr(owner, attr, wrapped(original, label, seconds, peaks))
        undo.append((owner, attr, original))
    os.environ["LOWLAND_TILE_PARCELS"] = str(tile)
    source = f"{gpkg}|layername="
    try:
        with tempfile.TemporaryDirectory() as tmp:
            params = {
                "PARCELS": source + "parcels",
                "BUILDINGS": source + "buildings",
                "LANDSURVEY": source + "landsurvey",
                "PLAN": source + "plan",
                "REFERENCE_DATE": "2025-06-30",
                "OUTPUT": str(Path(tmp) / "identified.gpkg"),
            }
            reset_peak()
            start = time.perf_counter()
            processing.run("lowland:identifyparcels", params)
            total = time.perf_counter() - start
            overall = max(peak_mb(), *peaks.values())
    finally:
        for owner, attr, original in reversed(undo):
            setattr(owner, attr, original)
    print(f"  {'stage':<50} {'seconds':>8} {'peak RSS MB':>12}")
    for label, *_ in STAGES:
        print(f"  {label:<50} {seconds[label]:8.1f} {peaks[label]:12.0f}")
    print(f"  {'other (mapping, summary, …)':<50} {total - sum(seconds.values()):8.1f}")
    print(f"  {'total in-process':<50} {total:8.1f} {overall:12.0f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000])
    parser.add_argument("--tile", type=int, default=100_000)
    args = parser.parse_args()
    paths = {n: district(n) for n in args.sizes}
    _app, _provider, processing = start_qgis()
    for n, gpkg in paths.items():
        print(f"identifyparcels, {n} parcels, tiles of {args.tile}:", flush=True)
        run(processing, gpkg, args.tile)


if __name__ == "__main__":
    main()
