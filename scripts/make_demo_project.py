"""A QGIS project over the demo outputs (run by scripts/demo.py): the identification
result, blocks, units and roads with their styles, and the A3 review atlas in the
project's layouts — open ``output/demo/lowland_demo.qgz`` in QGIS and print.

Usage: python scripts/make_demo_project.py <demo output folder>
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


#: Check outputs of the demo added to the project (file stem, layer name).
CHECK_LAYERS = (
    ("check_far", "容积率核定"),
    ("check_scattered", "零星用地核查"),
    ("check_landprice", "补缴地价核算"),
    ("check_usechange", "用途转变核定"),
    ("check_mixeduse", "混合用地核算"),
)

#: Inputs of the 实施方案 (the plan dock recognises each by its fields, issue 17): the
#: legacy-land result and the project template layers the demo chain ran on.
PLAN_INPUT_LAYERS = (
    ("legacy_land.gpkg", None, "历史遗留用地认定"),
    ("sample_projects.gpkg", "projects", "再开发项目"),
    ("sample_projects.gpkg", "pieces", "零星用地地块"),
    ("sample_projects.gpkg", "zones", "功能分区"),
)


def plan_input_source(out: Path, file: str, layer: str | None) -> str:
    """The source of a plan input: demo outputs in ``out``, the project template layers
    in resources/sample."""
    folder = out if layer is None else ROOT / "resources" / "sample"
    return str(folder / file) + (f"|layername={layer}" if layer else "")


def build(out: Path) -> Path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from qgis_standalone import start_qgis

    app, provider, _ = start_qgis("lowland_demo_project", load_models=False)
    from lowland_demo_project.lowland_plugin.bridge.layouts import add_review_layout
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsVectorLayer

    project = QgsProject.instance()
    sample = ROOT / "resources" / "sample" / "sample_district.gpkg"
    layers = [
        # GeoPackage outputs carry their style and Chinese aliases as the default style
        (out / "identified_parcels.gpkg", "低效用地认定结果"),
        (out / "blocks.gpkg", "街坊"),
        (f"{sample}|layername=roads", "道路"),
        (out / "units.gpkg", "再开发单元"),
    ]
    loaded = []
    for source, name in layers:
        layer = QgsVectorLayer(str(source), name, "ogr")
        if not layer.isValid():
            raise SystemExit(f"[demo] cannot open {source}")
        loaded.append(layer)
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:4544"))
    project.addMapLayers(loaded)
    # drawing order: units on top of roads on top of blocks on top of parcels
    root = project.layerTreeRoot()
    for position, layer in enumerate(reversed(loaded)):
        node = root.findLayer(layer.id())
        clone = node.clone()
        root.insertChildNode(position, clone)
        root.removeChildNode(node)
    add_review_layout(project, loaded[-1])
    # the project checks, styled by verdict, in a group switched off (the atlas above
    # follows the visible layers only): tick one to see it at the meeting
    group = root.insertGroup(0, "项目核算")
    for name, title in CHECK_LAYERS:
        layer = QgsVectorLayer(str(out / f"{name}.gpkg"), title, "ogr")
        if not layer.isValid():
            raise SystemExit(f"[demo] cannot open {out / name}.gpkg")
        project.addMapLayer(layer, False)
        group.addLayer(layer)
    group.setItemVisibilityCheckedRecursive(False)
    inputs = root.insertGroup(1, "实施方案输入")
    for file, layer_name, title in PLAN_INPUT_LAYERS:
        source = plan_input_source(out, file, layer_name)
        layer = QgsVectorLayer(source, title, "ogr")
        if not layer.isValid():
            raise SystemExit(f"[demo] cannot open {source}")
        project.addMapLayer(layer, False)
        inputs.addLayer(layer)
    inputs.setItemVisibilityCheckedRecursive(False)
    # the buildings of the district, for the review dock's 建筑 tab (switched off)
    buildings = QgsVectorLayer(f"{sample}|layername=buildings", "建筑", "ogr")
    if not buildings.isValid():
        raise SystemExit(f"[demo] cannot open {sample}|layername=buildings")
    project.addMapLayer(buildings, False)
    root.insertLayer(2, buildings).setItemVisibilityChecked(False)
    target = out / "lowland_demo.qgz"
    project.setTitle("低效用地再开发 示例区")
    if not project.write(str(target)):
        raise SystemExit(f"[demo] cannot write {target}: {project.error()}")
    project.clear()
    return target


if __name__ == "__main__":
    print(f"[demo] wrote {build(Path(sys.argv[1]))} (open it in QGIS: layers, styles, atlas)")
