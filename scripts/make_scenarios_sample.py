"""Write ``resources/sample/sample_scenarios.gpkg``: a scenario store (方案库, issue 23)
for unit DY02 of the sample (``.venv/bin/python scripts/make_scenarios_sample.py``;
deterministic).

DY02 holds the sample projects PRJ01 (纺织厂片区产业升级) and PRJ03 (第十中学扩建)
(:func:`~lowland_plugin.core.units.membership.unit_membership`). Two scenarios:

- ``DY02-A`` 方案A 原权利人改造 (chosen): the sample plan, both projects 原权利人改造,
  PRJ01 in 近期, PRJ03 in 中期; PRJ01's scattered pieces without S2 — S1 alone stays
  within the 5 亩 piece and 10 % share limits (Y-7);
- ``DY02-B`` 方案B 收储提容: PRJ01 收储 and raised to 80 000 m² — above its Y-4 cap
  (1.8 × area + 1 500 m² handover = 70 630.8 m²) — with all three sample pieces (S2:
  3 500 m² > 5 亩, the share 17 % > 10 %, Y-7).

Layers: ``scenarios``, ``scenario_projects`` (the store of
:mod:`lowland_plugin.bridge.scenario_store`) and ``scenario_pieces`` (the sample pieces
with ``scenario_id``: the PIECES input of ``lowland:evaluatescenarios``).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample"
OUT = SAMPLE / "sample_scenarios.gpkg"
UNIT = "DY02"
CREATED = dt.datetime(2026, 3, 2, 9, 0)
#: PRJ01's proposed floor area in scenario B (its Y-4 cap is 70 630.8 m²).
B_GFA_PRJ01 = 80000.0


def main() -> int:
    sys.path.append(str(ROOT))  # appended, never first: ROOT/processing must not shadow QGIS's
    import pandas as pd

    from lowland_plugin.bridge import scenario_store as store
    from lowland_plugin.bridge.ogr_io import read_ogr_layer, write_ogr_layer
    from lowland_plugin.core.scenarios.model import unit_projects
    from lowland_plugin.core.units.membership import unit_membership

    projects_path = str(SAMPLE / "sample_projects.gpkg")
    projects = read_ogr_layer(projects_path, "projects").reset_index(drop=True)
    units = read_ogr_layer(str(SAMPLE / "sample_units.gpkg"), "units")
    mine = unit_projects(projects, UNIT, unit_membership(projects, units)).copy()
    mine["redevelopment_mode"] = "owner"
    mine["phase"] = mine["project_id"].map({"PRJ01": "近期", "PRJ03": "中期"})

    if OUT.exists():
        os.remove(OUT)
    store.create_store(str(OUT), projects)
    a = store.add_scenario(str(OUT), mine, UNIT, "方案A 原权利人改造", "规划科", CREATED,
                           notes="按现行项目方案，原权利人自行改造")  # fmt: skip
    b = store.copy_scenario(str(OUT), a, "方案B 收储提容", "规划科", CREATED + dt.timedelta(days=1),
                            notes="纺织厂片区收储后提高开发强度")  # fmt: skip
    store.mark_chosen(str(OUT), a)
    _edit_b(str(OUT), b, read_ogr_layer, write_ogr_layer)

    pieces = read_ogr_layer(projects_path, "pieces").reset_index(drop=True)
    per_scenario = [
        pieces[pieces["piece_id"] != "S2"].assign(scenario_id=a),
        pieces.assign(scenario_id=b),
    ]
    frame = pd.concat(per_scenario, ignore_index=True).set_crs(pieces.crs, allow_override=True)
    write_ogr_layer(frame, str(OUT), "scenario_pieces", geometry_type="Polygon")
    print(f"wrote {OUT.relative_to(ROOT)}: {a}, {b} of unit {UNIT}")
    return 0


def _edit_b(path: str, b: str, read_ogr_layer, write_ogr_layer) -> None:
    """Scenario B: PRJ01 收储 and above its Y-4 cap (an edit as the dock makes it)."""
    from osgeo import ogr

    ds = ogr.Open(path, update=1)
    layer = ds.GetLayerByName("scenario_projects")
    for feature in list(layer):
        if feature.GetField("scenario_id") == b and feature.GetField("project_id") == "PRJ01":
            feature.SetField("gfa_proposed", B_GFA_PRJ01)
            feature.SetField("redevelopment_mode", "acquisition")
            layer.SetFeature(feature)
    del layer, ds


if __name__ == "__main__":
    raise SystemExit(main())
