"""Write ``resources/sample/sample_units.gpkg``: units for ``lowland:buildunits`` on the
sample district (``.venv/bin/python scripts/make_units_sample.py``; deterministic).

- ``units``: four hand-drawn redevelopment units (再开发单元), drawn along the road
  centre lines of ``sample_district.gpkg|roads`` as a planner snapping to the roads
  would; fields ``unit_id``, ``unit_name``, ``phase``, ``notes`` (the units contract,
  docs/dev/contracts.md) — for MODE 0.
- ``plan_units``: three 控规单元 bounded by 正源北街 (R007) and 丰庆路 (R002), clipped to
  the district boundary; fields ``kgdy_id``, ``unit_name`` — for MODE 1 with
  ``PLAN_UNIT_ID_FIELD=kgdy_id``.

The existing sample files are not touched.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DISTRICT = ROOT / "resources" / "sample" / "sample_district.gpkg"
OUT = ROOT / "resources" / "sample" / "sample_units.gpkg"
CRS = "EPSG:4544"

# road centre lines of the sample district (roads layer)
X_R005, X_R007, X_R008, X_R009, X_R010 = 606400.0, 607128.0, 607520.0, 607880.0, 608200.0
Y_R001, Y_R002 = 4261850.0, 4262230.0


def y_r003(x: float) -> float:
    """兴源路 (R003) runs from (606340, 4262590) to (608260, 4262620)."""
    return 4262590.0 + 30.0 * (x - 606340.0) / 1920.0


def y_r004(x: float) -> float:
    """凤翔路 (R004) is straight at y = 4262980."""
    return 4262980.0


def units_frame():
    import geopandas as gpd
    from shapely.geometry import Polygon, box

    def band(x0: float, x1: float, lower, upper) -> Polygon:
        """Between two vertical centre lines and two (possibly sloping) horizontal ones."""
        return Polygon([(x0, lower(x0)), (x1, lower(x1)), (x1, upper(x1)), (x0, upper(x0))])

    rows = [
        (
            "DY01",
            "西南工业片区改造单元",
            "near",
            "工业用地提容增效",
            box(X_R005, Y_R001, X_R007, Y_R002),
        ),
        ("DY02", "东南物流与设施更新单元", "mid", None, box(X_R008, Y_R001, X_R010, Y_R002)),
        (
            "DY03",
            "中部商住更新单元",
            None,
            "时序待定",
            band(X_R007, X_R009, lambda x: Y_R002, y_r003),
        ),
        ("DY04", "西北老旧住区更新单元", "far", None, band(X_R005, X_R007, y_r003, y_r004)),
    ]
    return gpd.GeoDataFrame(
        {
            "unit_id": [r[0] for r in rows],
            "unit_name": [r[1] for r in rows],
            "phase": [r[2] for r in rows],
            "notes": [r[3] for r in rows],
        },
        geometry=[r[4] for r in rows],
        crs=CRS,
    )


def plan_units_frame(boundary):
    import geopandas as gpd
    import shapely
    from shapely.geometry import box

    parts = [
        ("YC-JF-01", "金凤工业控规单元", box(X_R005, Y_R001, X_R007, Y_R002)),
        ("YC-JF-02", "金凤东南控规单元", box(X_R007, Y_R001, X_R010, Y_R002)),
        ("YC-JF-03", "金凤北部控规单元", box(X_R005, Y_R002, X_R010, 4263400.0)),
    ]
    return gpd.GeoDataFrame(
        {"kgdy_id": [p[0] for p in parts], "unit_name": [p[1] for p in parts]},
        geometry=[shapely.intersection(p[2], boundary) for p in parts],
        crs=CRS,
    )


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.append(str(ROOT))  # appended, never first: ROOT/processing must not shadow QGIS's
    import shapely

    from lowland_plugin.bridge.ogr_io import read_ogr_layer, write_ogr_layer

    boundary = shapely.union_all(read_ogr_layer(str(DISTRICT), "boundary").geometry.values)
    write_ogr_layer(units_frame(), str(OUT), "units", overwrite_file=True, geometry_type="Polygon")
    write_ogr_layer(plan_units_frame(boundary), str(OUT), "plan_units", geometry_type="Polygon")
    print(f"[units] {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
