"""Benchmark: the 方案比选 dock's re-evaluation after an edit (issue 23) — can it follow
the planner's edits?

Usage: bash scripts/run bench-scenario-dock [--edits 20] [--scenarios 2]

The sample's unit DY02 (sample_units.gpkg, sample_projects.gpkg copied to a temporary
folder; the 控规 layer of sample_district.gpkg chosen, so the capacity envelope runs): a
store beside the units, the plan as scenario A and ``--scenarios − 1`` copies. Each
edit sets the FAR of PRJ03 in the last scenario through the dock (one edit command in
the layer's edit buffer); timed per edit:

(a) the whole step as the planner sees it — ``set_far`` (the edit command) and the
    queued re-evaluation with the table, failed checks and (not shown: charts tab
    closed) no charts; the dock re-evaluates only the edited scenario (``only=``, its
    cache holds the others);
(b) ``evaluate_scenarios`` alone on the edit buffer's frames, every scenario (the dock
    before the cache);
(c) the same with the dock's ``only=``/``cache=`` (one scenario evaluated);
(d) the three charts, drawn when the charts tab is shown.

Median, p95 and max of each.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))
from common import ROOT, start_qgis  # noqa: E402


def stats(label: str, seconds: list[float]) -> None:
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    print(
        f"  {label:<52} median {statistics.median(ordered) * 1000:7.1f} ms   "
        f"p95 {p95 * 1000:7.1f} ms   max {ordered[-1] * 1000:7.1f} ms",
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--scenarios", type=int, default=2)
    args = parser.parse_args(argv)
    app, _provider, _processing = start_qgis(gui=True)
    from qgis.core import QgsProject, QgsVectorLayer
    from qgis.PyQt.QtCore import QCoreApplication

    from lowland_bench.lowland_plugin.core.common.profiles import load_profile
    from lowland_bench.lowland_plugin.core.scenarios.charts import chart_images
    from lowland_bench.lowland_plugin.core.scenarios.evaluate import evaluate_scenarios
    from lowland_bench.lowland_plugin.gui import scenario_layers as store
    from lowland_bench.lowland_plugin.gui.scenario_dock import ScenarioDock

    work = Path(tempfile.mkdtemp(prefix="lowland-bench-scenarios-"))
    for name in ("sample_units.gpkg", "sample_projects.gpkg"):
        shutil.copy(ROOT / "resources" / "sample" / name, work / name)
    units = QgsVectorLayer(f"{work / 'sample_units.gpkg'}|layername=units", "units", "ogr")
    projects = QgsVectorLayer(f"{work / 'sample_projects.gpkg'}|layername=projects", "p", "ogr")
    QgsProject.instance().addMapLayers([units, projects])
    dock = ScenarioDock(None)
    dock.projectsCombo.setLayer(projects)
    dock.set_units_layer(units)
    controls = QgsVectorLayer(
        f"{ROOT / 'resources' / 'sample' / 'sample_district.gpkg'}|layername=plan", "plan", "ogr"
    )
    QgsProject.instance().addMapLayer(controls)
    dock.controlsCombo.setLayer(controls)
    dock.open_store()
    dock.unitCombo.setCurrentText("DY02")
    dock.new_scenario("A")
    for k in range(args.scenarios - 1):
        dock.copy_current(f"copy {k + 1}")
    QCoreApplication.processEvents()
    layer = dock.projects_layer
    target = [f.id() for f in layer.getFeatures()
              if f["scenario_id"] == dock.current_scenario() and f["project_id"] == "PRJ03"]  # fmt: skip
    layer.selectByIds(target)
    print(f"unit DY02, {args.scenarios} scenarios, {layer.featureCount()} scenario parcels, "
          f"{args.edits} edits", flush=True)  # fmt: skip

    steps, evaluations, cached, charts = [], [], [], []
    profile = load_profile("default")
    for i in range(args.edits):
        far = 1.0 + 0.1 * (i % 10)
        start = time.perf_counter()
        dock.set_far(far)
        QCoreApplication.processEvents()  # the queued re-evaluation and table
        steps.append(time.perf_counter() - start)
        table, frame = store.table_frame(dock.scenarios_layer), store.layer_frame(layer)
        inputs = dict(unit_id="DY02", pieces=dock.inputs.sibling("pieces"),
                      zones=dock.inputs.sibling("zones"), unit=dock.inputs.unit_row(),
                      capacity=dock.inputs.controls())  # fmt: skip
        start = time.perf_counter()
        comparison = evaluate_scenarios(table, frame, profile, **inputs)
        evaluations.append(time.perf_counter() - start)
        cache = dict(dock.inputs.cache)
        start = time.perf_counter()
        live = evaluate_scenarios(table, frame, profile, only=[dock.current_scenario()],
                                  cache=cache, **inputs)  # fmt: skip
        cached.append(time.perf_counter() - start)
        assert [r.values for r in live.rows] == [r.values for r in comparison.rows]
        assert [r.values for r in dock.comparison.rows] == [r.values for r in comparison.rows]
        start = time.perf_counter()
        chart_images(comparison)
        charts.append(time.perf_counter() - start)
    stats("(a) edit + re-evaluation + table (as in the dock)", steps)
    stats("(b) evaluate_scenarios, every scenario", evaluations)
    stats("(c) evaluate_scenarios, the edited one (only=, cache=)", cached)
    stats("(d) the three charts", charts)
    print(f"  evaluations run by the dock: {dock.evaluations}", flush=True)
    dock.unload()
    del dock
    shutil.rmtree(work, ignore_errors=True)
    app.exitQgis()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
