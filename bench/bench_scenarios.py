"""Benchmark: 方案评估比选 (core/scenarios/evaluate.py) as the 方案比选 dock calls it after
each edit — can the comparison follow the planner?

Usage: bash scripts/run bench-scenarios [--runs 5] [--projects 200]

Timed, median of ``--runs`` (after one warm-up call, which imports and caches nothing
the timed calls could reuse except Python's own module state):

(a) the sample store (``sample_scenarios.gpkg``, unit DY02: two scenarios of two
    projects) with its pieces, the sample zones, the district's 控规 layer and unit
    statistics — as ``lowland:evaluatescenarios`` and the demo run it: the full call,
    and the live call after one scenario is edited (``only=[that scenario]`` with the
    dock's ``cache``);
(b) a generated unit of ``--projects`` projects (a grid of 60 m × 60 m lots, 10 m
    apart, in EPSG:4544 near the sample, every other one 收储, one 控规 row per ten
    lots) in two scenarios that differ in FAR: the full call and the live call.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))
from common import ROOT, start_qgis  # noqa: E402

SAMPLE = ROOT / "resources" / "sample"
#: DY02's statistics as buildunits writes them (only what the funding balance reads).
UNIT_STATS = {"unit_id": "DY02", "phase": "near", "gfa_existing": 20000.0,
              "lowland_area_m2": 60000.0, "facility_area_m2": 2000.0, "gfa_transferred": 0.0}  # fmt: skip


def median_seconds(func, runs: int) -> float:
    """The median wall time of ``runs`` calls of ``func`` (after one warm-up call)."""
    func()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def sample_inputs() -> dict:
    """The sample store and the layers the demo gives evaluatescenarios."""
    from lowland_bench.lowland_plugin.bridge.ogr_io import read_ogr_layer
    from lowland_bench.lowland_plugin.bridge.scenario_store import read_store

    scenarios, projects = read_store(str(SAMPLE / "sample_scenarios.gpkg"))
    controls = read_ogr_layer(str(SAMPLE / "sample_district.gpkg"), "plan")
    controls = controls.rename(columns={"density_max": "coverage_max"})
    return {
        "scenarios": scenarios,
        "scenario_projects": projects,
        "pieces": read_ogr_layer(str(SAMPLE / "sample_scenarios.gpkg"), "scenario_pieces"),
        "zones": read_ogr_layer(str(SAMPLE / "sample_projects.gpkg"), "zones"),
        "capacity": controls,
        "unit_id": "DY02",
        "unit": UNIT_STATS,
    }


def generated_inputs(n: int) -> dict:
    """A unit ``U200`` of ``n`` projects in two scenarios (A: FAR 1.5, B: FAR 2.2 on
    every lot), with one 控规 row (FAR 2.0, 60 m, coverage 0.4) per ten lots."""
    import geopandas as gpd
    import pandas as pd
    from shapely.geometry import MultiPolygon, box

    x0, y0, side, gap, per_row = 607000.0, 4255000.0, 60.0, 10.0, 20
    lots = []
    for i in range(n):
        x = x0 + (i % per_row) * (side + gap)
        y = y0 + (i // per_row) * (side + gap)
        lots.append(MultiPolygon([box(x, y, x + side, y + side)]))
    rows, geoms = [], []
    for sid, far in (("U200-A", 1.5), ("U200-B", 2.2)):
        for i in range(n):
            rows.append({
                "scenario_id": sid, "unit_id": "U200", "project_id": f"P{i + 1:03d}",
                "far_max": 2.0, "gfa_proposed": far * side * side, "gfa_handover": 0.0,
                "redevelopment_mode": "acquisition" if i % 2 else "owner",
                "old_use_code": "100101", "new_use_code": "100101",
                "phase": "一期" if i < n / 2 else "二期",
            })  # fmt: skip
            geoms.append(lots[i])
    projects = gpd.GeoDataFrame(pd.DataFrame(rows), geometry=geoms, crs="EPSG:4544")
    controls = []
    for k in range(0, n, 10):
        x = x0 + (k % per_row) * (side + gap)
        y = y0 + (k // per_row) * (side + gap)
        controls.append({"plan_id": f"K{k // 10 + 1:03d}", "plan_code": "100101",
                         "far_max": 2.0, "height_max": 60.0, "coverage_max": 0.4,
                         "geometry": box(x - 5, y - 5, x + 10 * (side + gap) - 5,
                                         y + side + 5)})  # fmt: skip
    scenarios = pd.DataFrame([
        {"scenario_id": sid, "unit_id": "U200", "name": name, "author": "bench",
         "created": "2026-03-01T09:00:00", "changed": "2026-03-01T09:00:00", "notes": None,
         "chosen": sid.endswith("A")}
        for sid, name in (("U200-A", "方案A"), ("U200-B", "方案B"))
    ])  # fmt: skip
    unit = {**UNIT_STATS, "unit_id": "U200", "lowland_area_m2": n * side * side}
    return {
        "scenarios": scenarios,
        "scenario_projects": projects,
        "pieces": None,
        "zones": None,
        "capacity": gpd.GeoDataFrame(controls, crs="EPSG:4544"),
        "unit_id": "U200",
        "unit": unit,
    }


def time_case(label: str, inputs: dict, runs: int) -> tuple[float, float]:
    """(full call, live call after editing one scenario) median seconds, printed."""
    import datetime as dt

    from lowland_bench.lowland_plugin.core.common.profiles import load_profile
    from lowland_bench.lowland_plugin.core.scenarios.evaluate import evaluate_scenarios

    profile = load_profile("default")
    kwargs = {k: v for k, v in inputs.items() if k not in ("scenarios", "scenario_projects")}
    kwargs["reference"] = dt.date(2026, 3, 1)
    scenarios, projects = inputs["scenarios"], inputs["scenario_projects"]
    edited = str(scenarios["scenario_id"].iloc[-1])
    cache: dict = {}

    def full():
        return evaluate_scenarios(scenarios, projects, profile, **kwargs)

    def live():
        return evaluate_scenarios(scenarios, projects, profile, only=[edited], cache=cache,
                                  **kwargs)  # fmt: skip

    comparison = full()
    assert live() == comparison  # the live call gives the full call's comparison
    n = len(projects)
    whole = median_seconds(full, runs)
    one = median_seconds(live, runs)
    print(f"  {label}: {len(scenarios)} scenarios, {n} scenario projects", flush=True)
    print(f"    full evaluation             median {whole * 1000:8.1f} ms", flush=True)
    print(f"    one scenario edited (only=) median {one * 1000:8.1f} ms", flush=True)
    return whole, one


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--projects", type=int, default=200)
    args = parser.parse_args(argv)
    start_qgis()
    print(f"evaluate_scenarios, median of {args.runs} runs", flush=True)
    time_case("sample DY02", sample_inputs(), args.runs)
    time_case(f"generated unit, {args.projects} projects", generated_inputs(args.projects),
              args.runs)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
