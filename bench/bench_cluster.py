"""Benchmark: the province command on a local Dask cluster (issue 20 item 4).

Usage: bash scripts/run bench-cluster [--sizes 200000] [--workers 2] [--tile 50000]

Runs ``python -m lowland_plugin.cli identify`` on the cached generated district (see
bench_scale.py; parcels, buildings, 三调 patches and plan parcels read from its
GeoPackage by each task through the R-tree) on a LocalCluster of ``--workers`` worker
processes of one thread, writing GeoParquet parts; prints the wall time, the client's
and each worker's peak resident set (the command reports them).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))
from bench_scale import district  # noqa: E402
from common import ROOT  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--tile", type=int, default=50_000)
    args = parser.parse_args()
    for n in args.sizes:
        gpkg = district(n)
        with tempfile.TemporaryDirectory() as tmp:
            command = [
                sys.executable, "-m", "lowland_plugin.cli", "identify",
                "--parcels", f"{gpkg}:parcels", "--buildings", f"{gpkg}:buildings",
                "--landsurvey", f"{gpkg}:landsurvey", "--plan", f"{gpkg}:plan",
                "--reference-date", "2025-06-30", "--out", str(Path(tmp) / "out.parquet"),
                "--workers", str(args.workers), "--tile", str(args.tile),
            ]  # fmt: skip
            print(f"cli identify, {n} parcels, {args.workers} workers, tiles of {args.tile}:")
            start = time.perf_counter()
            proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
            seconds = time.perf_counter() - start
            if proc.returncode != 0:
                raise SystemExit(proc.stderr[-3000:])
            for line in proc.stdout.splitlines():
                print("  " + line)
            print(f"  wall time with Python and cluster start-up: {seconds:.1f} s", flush=True)


if __name__ == "__main__":
    main()
