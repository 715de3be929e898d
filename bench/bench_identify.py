"""Benchmark: ``lowland:identifyparcels`` end to end in ``qgis_process``, and against the
QGIS native chain doing the same overlays and aggregations in one QGIS process.

Usage: bash scripts/run bench-identify [--sizes 10000 100000] [--skip-native]
       [--skip-qgis-process] [--runs 3]

Per district size: (a) wall time of ``qgis_process.bin run lowland:identifyparcels``
with parcels, buildings, 三调 patches and plan parcels (QGIS start-up included) and
that process's peak RSS; (b) the same algorithm through ``processing.run`` in this
process; (c) the native chain: the indicator chain of bench/common.py plus the C/D
floor-area share, parcels × 三调 patches and parcels × plan parcels overlays
(native:intersection → field calculator → statistics by categories per parcel and
class); the ratio (c)/(b). The native chain stops at the per-class sums: picking the
dominant class and evaluating the rules would only add to its time.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))
from common import (  # noqa: E402
    LAST_CPU,
    calc,
    district,
    join,
    measure,
    native_indicator_chain,
    peak_mb,
    reset_peak,
    start_qgis,
    sum_by,
    timed_qgis_process,
)
from stages import stage_rows, stage_timer  # noqa: E402


def layers(gpkg: Path) -> dict[str, str]:
    return {
        "PARCELS": f"{gpkg}|layername=parcels",
        "BUILDINGS": f"{gpkg}|layername=buildings",
        "LANDSURVEY": f"{gpkg}|layername=landsurvey",
        "PLAN": f"{gpkg}|layername=plan",
    }


def run_qgis_process(gpkg: Path, out: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one qgis_process run."""
    args = [f"{k}={v}" for k, v in layers(gpkg).items()]
    seconds, peak, _ = timed_qgis_process(
        "lowland:identifyparcels", [*args, "REFERENCE_DATE=2025-06-30", f"OUTPUT={out}"]
    )
    return seconds, peak


def native_chain(processing, gpkg: Path):
    pieces, out = native_indicator_chain(processing, gpkg)
    pieces = calc(
        processing, pieces, "cd_gfa", "if(\"danger_grade\" in ('C', 'D'), \"part_gfa\", 0)"
    )
    out = join(processing, out, sum_by(processing, pieces, "cd_gfa", ["parcel_id"]), "cd_")
    parcels = f"{gpkg}|layername=parcels"
    for layer, field in (("landsurvey", "dlbm"), ("plan", "plan_code")):
        cut = processing.run(
            "native:intersection",
            {
                "INPUT": parcels,
                "OVERLAY": f"{gpkg}|layername={layer}",
                "INPUT_FIELDS": ["parcel_id"],
                "OVERLAY_FIELDS": [field],
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )["OUTPUT"]
        cut = calc(processing, cut, "part_area", "$area")
        sum_by(processing, cut, "part_area", ["parcel_id", field])
    return out


def in_process_stages(processing, gpkg: Path, runs: int) -> float:
    """``runs`` in-process runs with each stage timed; prints every run and the table of
    medians; returns the median total seconds."""
    import statistics

    stages, totals, peaks, cpus = [], [], [], []
    for i in range(runs):
        with tempfile.TemporaryDirectory() as tmp, stage_timer("lowland_bench") as sink:
            out = str(Path(tmp) / "identified.gpkg")
            params = {**layers(gpkg), "REFERENCE_DATE": "2025-06-30", "OUTPUT": out}
            reset_peak()
            seconds, _ = measure(
                f"lowland:identifyparcels (processing.run) #{i + 1}",
                lambda params=params: processing.run("lowland:identifyparcels", params),
            )
            peaks.append(peak_mb())
            cpus.append(LAST_CPU[0])
        stages.append(dict(sink))
        totals.append(seconds)
    print(
        f"  stages, median of {runs} runs (peak RSS median {statistics.median(peaks):.0f} MB, "
        f"CPU median {statistics.median(cpus):.2f} s):"
    )
    for label, secs in stage_rows(stages, totals):
        print(f"    {label:<46} {secs:7.2f} s", flush=True)
    return statistics.median(totals)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--skip-native", action="store_true")
    parser.add_argument("--skip-qgis-process", action="store_true")
    parser.add_argument("--runs", type=int, default=3, help="in-process runs (median)")
    args = parser.parse_args(argv)
    load = os.getloadavg()
    print(f"cores: {os.cpu_count()}   load average: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    results = {}
    for n in args.sizes:
        gpkg = district(n)
        if args.skip_qgis_process:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            seconds, peak = run_qgis_process(gpkg, Path(tmp) / "identified.gpkg")
        results[n] = (seconds, peak)
    _app, _provider, processing = start_qgis()
    for n in args.sizes:
        gpkg = district(n)
        print(f"\n== district of {n} parcels ==", flush=True)
        if n in results:
            seconds, peak = results[n]
            print(
                f"  {'qgis_process run lowland:identifyparcels':<48} {seconds:8.2f} s   "
                f"peak RSS {peak:8.0f} MB",
                flush=True,
            )
        ours = in_process_stages(processing, gpkg, args.runs)
        if args.skip_native:
            continue
        native, _ = measure(
            "QGIS native chain (memory outputs)", lambda: native_chain(processing, gpkg)
        )
        print(f"  ratio native / lowland: {native / ours:.1f}x", flush=True)
    load = os.getloadavg()
    print(f"load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
