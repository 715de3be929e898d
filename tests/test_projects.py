"""The project template a planner fills in (fields, aliases, form) and the sample projects."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from qgis.core import QgsVectorLayer, QgsWkbTypes

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "resources" / "templates" / "project_template.gpkg"
SAMPLE = ROOT / "resources" / "sample" / "sample_projects.gpkg"


def spec():
    with (ROOT / "resources" / "codes" / "project_fields.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("path", [TEMPLATE, SAMPLE], ids=["template", "sample"])
@pytest.mark.parametrize("layer_name", ["projects", "pieces", "zones", "statusquo", "conversion"])
def test_layers_fields_aliases_and_form(qgis_app, path, layer_name):
    layer = QgsVectorLayer(f"{path}|layername={layer_name}", layer_name, "ogr")
    assert layer.isValid()
    fields = [r for r in spec() if r["layer"] == layer_name]
    names = layer.fields().names()
    for f in fields:
        assert f["field"] in names, f["field"]
        idx = names.index(f["field"])
        assert layer.attributeAlias(idx).startswith(f["alias_zh"])
        widget = layer.editorWidgetSetup(idx).type()
        if f["type"] == "bool":
            assert widget == "CheckBox", f["field"]
        if f["type"] == "date":
            assert widget == "DateTime", f["field"]
        if f["type"] == "json":
            assert widget == "TextEdit", f["field"]
    has_geometry = layer_name in ("projects", "pieces", "zones")
    assert (layer.wkbType() != QgsWkbTypes.NoGeometry) == has_geometry
    if path == TEMPLATE:
        assert layer.featureCount() == 0


def test_sample_projects_content(qgis_app):
    projects = QgsVectorLayer(f"{SAMPLE}|layername=projects", "p", "ogr")
    assert sorted(f["project_id"] for f in projects.getFeatures()) == ["PRJ01", "PRJ02", "PRJ03"]
    prj3 = [f for f in projects.getFeatures() if f["project_id"] == "PRJ03"][0]
    assert prj3["public_project"] is True
    pieces = QgsVectorLayer(f"{SAMPLE}|layername=pieces", "s", "ogr")
    areas = {f["piece_id"]: f.geometry().area() for f in pieces.getFeatures()}
    assert areas["S1"] == pytest.approx(3000.0) and areas["S2"] == pytest.approx(3500.0)
