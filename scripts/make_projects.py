"""Build the project template and the sample district's projects (`bash scripts/run projects`).

- ``resources/templates/project_template.gpkg``: empty layers ``projects``, ``pieces``,
  ``zones`` (polygons) and ``statusquo``, ``conversion`` (tables), fields from
  ``resources/codes/project_fields.csv``, each layer with a default style that gives
  Chinese aliases and an attribute form (check boxes, date pickers, value lists,
  multi-line JSON) — a planner copies the file and fills it in QGIS.
- ``resources/sample/sample_projects.gpkg``: the same layers filled with three projects
  on the sample district (industrial renewal with scattered pieces and a land-price
  case; old-housing renewal with mixed use, status-quo items and add-on lifts; a
  public school extension), used by the tests and the demo.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "resources" / "templates" / "project_template.gpkg"
SAMPLE = ROOT / "resources" / "sample" / "sample_projects.gpkg"
DISTRICT = ROOT / "resources" / "sample" / "sample_district.gpkg"
GEOMETRY_LAYERS = ("projects", "pieces", "zones")
LAYERS = ("projects", "pieces", "zones", "statusquo", "conversion")
VALUE_LISTS = {
    "swap_side": [("out", "调出"), ("in", "调入")],
    "old_land_class": [
        ("industrial", "工业"),
        ("warehouse", "仓储"),
        ("cultural", "文化"),
        ("research", "科研"),
        ("other", "其他"),
    ],
}


def spec() -> dict[str, list[dict[str, str]]]:
    with (ROOT / "resources" / "codes" / "project_fields.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return {layer: [r for r in rows if r["layer"] == layer] for layer in LAYERS}


def _frame(layer: str, rows: list[dict], geoms=None):
    import geopandas as gpd
    import pandas as pd

    fields = spec()[layer]
    data = {}
    for f in fields:
        values = [r.get(f["field"]) for r in rows]
        kind = f["type"]
        if kind == "real":
            data[f["field"]] = pd.array(
                [None if v is None else float(v) for v in values], dtype="Float64"
            ).astype("float64")
        elif kind == "bool":
            data[f["field"]] = pd.array(values, dtype="boolean")
        elif kind == "json":
            data[f["field"]] = pd.Series(
                [None if v is None else json.dumps(v, ensure_ascii=False) for v in values],
                dtype=object,
            )
        elif kind == "date":
            data[f["field"]] = pd.Series(values, dtype=object)
        else:
            data[f["field"]] = pd.Series(values, dtype=object)
    frame = pd.DataFrame(data)
    if layer in GEOMETRY_LAYERS:
        return gpd.GeoDataFrame(frame, geometry=list(geoms or []), crs="EPSG:4544")
    return gpd.GeoDataFrame(frame, geometry=[None] * len(frame), crs="EPSG:4544")


def sample_rows():
    """Three projects on the sample district (geometries from its parcels)."""
    import shapely

    from lowland_plugin.bridge.ogr_io import read_ogr_layer

    parcels = read_ogr_layer(str(DISTRICT), "parcels").set_index("parcel_id")
    geom = parcels.geometry

    def union(*ids):
        return shapely.union_all([geom[i] for i in ids])

    d = dt.date
    prj1 = union("P0024", "P0025")
    prj2 = geom["P0055"]
    prj3 = geom["P0027"]
    projects = [
        dict(
            project_id="PRJ01",
            project_name="纺织厂片区产业升级",
            land_user="银川凤城纺织有限责任公司",
            far_max=1.8,
            gfa_proposed=round(prj1.area * 1.8 + 1500, 2),
            gfa_addon=0.0,
            gfa_handover=1500.0,
            handover_by_category={"education": 1000.0, "community": 500.0},
            public_project=False,
            use_code="100101",
            gfa_by_use={"100101": round(prj1.area * 1.8, 2)},
            lease_years_by_use={"100101": 50},
            price_by_use={"100101": 420.0},
            old_use_code="100102",
            new_use_code="100101",
            same_land_user=True,
            mandatory_controls_kept=True,
            no_public_harm=True,
            same_planning_conditions=True,
            contract_date=d(2025, 1, 31),
            value_new=38_600_000.0,
            value_old=21_300_000.0,
            valuation_date_new=d(2024, 12, 31),
            valuation_date_old=d(2024, 12, 31),
            old_land_class="industrial",
            demolition=True,
            residual_value=2_150_000.0,
            benchmark_price=1250.0,
            benchmark_ratio=0.4,
            deduction_preparation=300_000.0,
            deduction_handover=450_000.0,
            deduction_facilities=120_000.0,
            # Y-15 / N-11: a project paying its price by contract is past any transition
            # (during it nothing is due), so PRJ01 has no transition_start; it applies for
            # instalments (Y-15 "经申请")
            instalment_requested=True,
            redevelopment_mode="owner",
        ),
        dict(
            project_id="PRJ02",
            project_name="老旧小区综合整治与沿街商业",
            land_user="金凤区住建局",
            far_max=1.6,
            gfa_proposed=round(prj2.area * 1.5, 2),
            gfa_addon=860.0,
            existing_housing=True,
            gfa_handover=0.0,
            public_project=False,
            gfa_by_use={"0701": round(prj2.area * 1.1, 2), "0901": round(prj2.area * 0.4, 2)},
            lease_years_by_use={"0701": 70, "0901": 45},
            price_by_use={"0701": 2600.0, "0901": 3100.0},
            old_use_code="0701",
            new_use_code="0701",
            same_land_user=True,
            mandatory_controls_kept=True,
            no_public_harm=True,
            same_planning_conditions=True,
            contract_date=d(2024, 8, 31),
            value_new=12_400_000.0,
            value_old=11_900_000.0,
            valuation_date_new=d(2024, 6, 30),
            valuation_date_old=d(2024, 6, 30),
            old_land_class="other",
            demolition=False,
            instalment_requested=True,
            redevelopment_mode="owner",
        ),
        dict(
            project_id="PRJ03",
            project_name="第十中学扩建",
            land_user="银川市教育局",
            far_max=1.2,
            gfa_proposed=round(prj3.area * 1.9, 2),
            gfa_addon=0.0,
            gfa_handover=0.0,
            public_project=True,
            no_harm_neighbours=True,
            no_harm_traffic=True,
            no_harm_buildings=True,
            gfa_commercial=0.0,
            gfa_by_use={"0804": round(prj3.area * 1.9, 2)},
            old_use_code="0804",
            new_use_code="0804",
            same_land_user=True,
            mandatory_controls_kept=True,
            no_public_harm=True,
            same_planning_conditions=True,
        ),
    ]
    minx, miny, maxx, maxy = prj1.bounds
    # scattered pieces east of PRJ01: 3000 m² (≤ 5 亩) and 3500 m² (> 5 亩), two 宗 side by
    # side (their own 宗地代码, so counted apart, Y-7 单宗); a swap pair
    pieces = [
        (
            dict(
                project_id="PRJ01",
                piece_id="S1",
                parcel_code="640106003012",
                scattered=True,
                value=1_200_000.0,
            ),
            shapely.box(maxx, miny, maxx + 30, miny + 100),
        ),
        (
            dict(
                project_id="PRJ01",
                piece_id="S2",
                parcel_code="640106003013",
                scattered=True,
                swap_group="G1",
                swap_side="in",
                value=1_400_000.0,
            ),
            shapely.box(maxx, miny + 100, maxx + 35, miny + 200),
        ),
        (
            dict(
                project_id="PRJ01",
                piece_id="S3",
                scattered=False,
                swap_group="G1",
                swap_side="out",
                value=1_350_000.0,
            ),
            shapely.box(minx - 36, miny, minx, miny + 100),
        ),
    ]
    zx0, zy0, zx1, zy1 = prj2.bounds
    cut = zy0 + (zy1 - zy0) * 0.7
    zones = [
        (
            dict(project_id="PRJ02", use_code="0701"),
            prj2.intersection(shapely.box(zx0, zy0, zx1, cut)),
        ),
        (
            dict(project_id="PRJ02", use_code="0901"),
            prj2.intersection(shapely.box(zx0, cut, zx1, zy1)),
        ),
    ]
    statusquo = [
        dict(
            project_id="PRJ02",
            item="setback",
            norm_value=10.0,
            current_value=6.0,
            proposed_value=6.0,
            consulted=True,
            joint_review=True,
        ),
        dict(
            project_id="PRJ02",
            item="density",
            norm_value=0.30,
            current_value=0.42,
            proposed_value=0.40,
            consulted=True,
            joint_review=False,
        ),
        dict(
            project_id="PRJ02",
            item="green_ratio",
            norm_value=0.30,
            current_value=0.18,
            proposed_value=0.15,
            consulted=False,
            joint_review=False,
        ),
        dict(
            project_id="PRJ02",
            item="parking",
            norm_value=120.0,
            current_value=40.0,
            proposed_value=130.0,
            consulted=False,
            joint_review=False,
        ),
        dict(
            project_id="PRJ02",
            item="fire",
            norm_value=1.0,
            current_value=0.0,
            proposed_value=1.0,
            consulted=False,
            joint_review=False,
        ),
    ]
    conversion = [
        dict(
            unit_ref="PRJ01-B1",
            project_id="PRJ01",
            applicant_is_user=True,
            contract_honoured=True,
            user_unchanged=True,
            structure_changed=False,
            height_changed=False,
            gfa_added=0.0,
            illegal=False,
            advance_notice=False,
            seized=False,
            objection=False,
            in_expropriation_area=False,
            court_ruling=False,
            heritage=False,
            new_function="0901",
            gfa=1200.0,
            total_gfa=4800.0,
        ),
        dict(
            unit_ref="PRJ01-B2-F1",
            project_id="PRJ01",
            applicant_is_user=True,
            contract_honoured=True,
            user_unchanged=True,
            structure_changed=False,
            height_changed=False,
            gfa_added=250.0,
            illegal=False,
            advance_notice=False,
            seized=False,
            objection=False,
            in_expropriation_area=False,
            court_ruling=False,
            heritage=False,
            new_function="0806",
            gfa=600.0,
            total_gfa=2400.0,
        ),
    ]
    return {
        "projects": _frame("projects", projects, [prj1, prj2, prj3]),
        "pieces": _frame("pieces", [p for p, _ in pieces], [g for _, g in pieces]),
        "zones": _frame("zones", [z for z, _ in zones], [g for _, g in zones]),
        "statusquo": _frame("statusquo", statusquo),
        "conversion": _frame("conversion", conversion),
    }


def empty_rows():
    return {layer: _frame(layer, []) for layer in LAYERS}


def write(path: Path, frames) -> None:
    from lowland_plugin.bridge.ogr_io import write_ogr_layer
    from lowland_plugin.core.common.fields import field_aliases  # noqa: F401 (package import check)

    for i, layer in enumerate(LAYERS):
        frame = frames[layer]
        if layer not in GEOMETRY_LAYERS:
            frame = frame.drop(columns="geometry")
            import geopandas as gpd

            frame = gpd.GeoDataFrame(frame, geometry=[None] * len(frame))
        write_ogr_layer(
            frame,
            str(path),
            layer,
            overwrite_file=i == 0,
            geometry_type="MultiPolygon" if layer in GEOMETRY_LAYERS else "None",
        )
    style(path)


def style(path: Path) -> None:
    """Aliases and an attribute form (editor widgets) as each layer's default style."""
    from qgis.core import QgsEditorWidgetSetup, QgsVectorLayer

    for layer_name, fields in spec().items():
        layer = QgsVectorLayer(f"{path}|layername={layer_name}", layer_name, "ogr")
        if not layer.isValid():
            raise SystemExit(f"cannot open {path}|{layer_name}")
        names = layer.fields()
        for f in fields:
            idx = names.indexOf(f["field"])
            if idx < 0:
                continue
            layer.setFieldAlias(idx, f["alias_zh"] + (f" ({f['unit']})" if f["unit"] else ""))
            kind = f["type"]
            if kind == "bool":
                setup = QgsEditorWidgetSetup("CheckBox", {"CheckedState": "", "UncheckedState": ""})
            elif kind == "date":
                setup = QgsEditorWidgetSetup(
                    "DateTime",
                    {
                        "field_format": "yyyy-MM-dd",
                        "display_format": "yyyy-MM-dd",
                        "calendar_popup": True,
                        "allow_null": True,
                    },
                )
            elif kind == "json":
                setup = QgsEditorWidgetSetup("TextEdit", {"IsMultiline": True, "UseHtml": False})
            elif f["field"] in VALUE_LISTS:
                setup = QgsEditorWidgetSetup(
                    "ValueMap",
                    {"map": [{label: value} for value, label in VALUE_LISTS[f["field"]]]},
                )
            elif f["field"] == "item":
                from lowland_plugin.core.common.profiles import load_profile

                rows = load_profile("default").value("statusquo_items")  # Y-5 items
                items = [(r["item"], r["name_zh"]) for r in rows]
                setup = QgsEditorWidgetSetup(
                    "ValueMap", {"map": [{label: value} for value, label in items]}
                )
            else:
                continue
            layer.setEditorWidgetSetup(idx, setup)
        layer.saveStyleToDatabase(layer_name, "Lowland project template form", True, "")
        del layer


def main(argv=None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.append(str(ROOT))  # appended, never first: ROOT/processing must not shadow QGIS's
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    write(TEMPLATE, empty_rows())
    print(f"[projects] {TEMPLATE}")
    write(SAMPLE, sample_rows())
    print(f"[projects] {SAMPLE}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
