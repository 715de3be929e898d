"""``lowland:parcelindicators`` through processing.run (pytest-qgis)."""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

#: Test shapes are drawn near the origin and moved to 银川 in EPSG:4544: coordinates
#: outside a CRS's area of use are refused (issue 21 item 11).
YINCHUAN = (607_000.0, 4_262_000.0)


def memory_layer(wkt_rows, crs="EPSG:4544", fields="parcel_id:string"):
    layer = QgsVectorLayer(f"Polygon?crs={crs}&field={fields}", "p", "memory")
    feats = []
    for attrs, wkt in wkt_rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(attrs))
        geom = QgsGeometry.fromWkt(wkt)
        if crs == "EPSG:4544":
            geom.translate(*YINCHUAN)
        f.setGeometry(geom)
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def run(params):
    import processing

    return processing.run("lowland:parcelindicators", params)


def test_sample_district_every_parcel_gets_indicators(lowland_provider, sample_gpkg, tmp_path):
    out = tmp_path / "ind.gpkg"
    res = run(
        {
            "PARCELS": f"{sample_gpkg}|layername=parcels",
            "BUILDINGS": f"{sample_gpkg}|layername=buildings",
            "OUTPUT": str(out),
        }
    )
    parcels = QgsVectorLayer(f"{sample_gpkg}|layername=parcels", "p", "ogr")
    result = QgsVectorLayer(res["OUTPUT"], "r", "ogr")
    assert result.isValid()
    assert result.featureCount() == parcels.featureCount() > 0
    in_ids = sorted(f["parcel_id"] for f in parcels.getFeatures())
    out_ids = sorted(f["parcel_id"] for f in result.getFeatures())
    assert in_ids == out_ids
    names = result.fields().names()
    for f in ("area_m2", "area_mu", "gfa", "far", "building_density", "danger_cd_share"):
        assert f in names
    # the aliases are stored with the GeoPackage (default style) and come back on load
    from lowland_under_test.lowland_plugin.i18n import language

    expected = {"zh": "容积率", "en": "Floor area ratio"}[language()]
    assert result.attributeAlias(result.fields().indexOf("far")) == expected
    for feat in result.getFeatures():
        # outputs are rounded (m² to 0.01, 亩 to 0.0001: resources/codes/fields.csv)
        assert feat["area_mu"] == pytest.approx(feat["area_m2"] * 15 / 10000, abs=1e-4)
        assert feat["area_m2"] == round(feat["area_m2"], 2)


def test_memory_layers_and_hand_numbers(lowland_provider):
    parcels = memory_layer(
        [
            (["P1"], "POLYGON((0 0,100 0,100 100,0 100,0 0))"),
            (["P2"], "POLYGON((100 0,200 0,200 100,100 100,100 0))"),
        ]
    )
    buildings = memory_layer(
        [([3, None, 1990, "C"], "POLYGON((80 50,120 50,120 60,80 60,80 50))")],
        fields="floors:integer&field=gfa:double&field=year_built:integer&field=danger_grade:string",
    )
    res = run({"PARCELS": parcels, "BUILDINGS": buildings, "OUTPUT": "TEMPORARY_OUTPUT"})
    out = {f["parcel_id"]: f for f in res["OUTPUT"].getFeatures()}
    assert out["P1"]["gfa"] == pytest.approx(600)
    assert out["P2"]["far"] == pytest.approx(0.06)
    assert out["P2"]["danger_cd_share"] == pytest.approx(1.0)
    assert out["P1"]["oldest_year"] == 1990
    # the input layers are untouched
    assert parcels.fields().names() == ["parcel_id"]


def test_selected_features_only(lowland_provider):
    parcels = memory_layer(
        [
            (["P1"], "POLYGON((0 0,10 0,10 10,0 10,0 0))"),
            (["P2"], "POLYGON((20 0,30 0,30 10,20 10,20 0))"),
        ]
    )
    QgsProject.instance().addMapLayer(parcels)
    parcels.selectByIds([2])
    res = run(
        {
            "PARCELS": QgsProcessingFeatureSourceDefinition(parcels.id(), True),
            "OUTPUT": "TEMPORARY_OUTPUT",
        }
    )
    assert [f["parcel_id"] for f in res["OUTPUT"].getFeatures()] == ["P2"]


def test_geographic_crs_is_refused_with_the_crs_to_use(lowland_provider):
    parcels = memory_layer(
        [(["P1"], "POLYGON((106.2 38.4,106.21 38.4,106.21 38.41,106.2 38.41,106.2 38.4))")],
        crs="EPSG:4490",
    )
    with pytest.raises(QgsProcessingException, match="EPSG:4544"):
        run({"PARCELS": parcels, "OUTPUT": "TEMPORARY_OUTPUT"})


def test_invalid_geometry_is_refused_naming_the_parcel(lowland_provider):
    parcels = memory_layer([(["BOWTIE"], "POLYGON((0 0,10 10,10 0,0 10,0 0))")])
    with pytest.raises(QgsProcessingException, match="BOWTIE"):
        run({"PARCELS": parcels, "OUTPUT": "TEMPORARY_OUTPUT"})


class CancelWhenWriting(QgsProcessingFeedback):
    """Cancels as soon as the algorithm starts writing its output (progress > 70 %)."""

    def setProgress(self, progress):
        super().setProgress(progress)
        if progress > 70:
            self.cancel()


@pytest.mark.parametrize("name", ["cancelled.gpkg", "cancelled.shp"])
def test_cancel_while_writing_leaves_no_output_file(lowland_provider, tmp_path, name):
    import processing

    parcels = memory_layer(
        [
            (["P1"], "POLYGON((0 0,10 0,10 10,0 10,0 0))"),
            (["P2"], "POLYGON((20 0,30 0,30 10,20 10,20 0))"),
        ]
    )
    out = tmp_path / name
    with pytest.raises(QgsProcessingException, match="cancelled"):
        processing.run(
            "lowland:parcelindicators",
            {"PARCELS": parcels, "OUTPUT": str(out)},
            feedback=CancelWhenWriting(),
        )
    assert list(tmp_path.iterdir()) == []  # no partial file, no side files


def test_output_folder_problems_name_missing_file_and_read_only(tmp_path, monkeypatch):
    # issue 21 item 13: the folder of an output is checked before any work
    from lowland_under_test.processing import base

    assert base.output_folder_problem(str(tmp_path)) is None
    assert base.output_folder_problem(str(tmp_path / "nope"))[1] == "does not exist"
    (tmp_path / "f").write_text("x")
    assert base.output_folder_problem(str(tmp_path / "f"))[1] == "is not a folder"
    # root ignores permission bits: a folder the user cannot write is simulated
    monkeypatch.setattr(base.os, "access", lambda path, mode: False)
    assert base.output_folder_problem(str(tmp_path))[1] == "cannot be written (read-only)"


def test_read_only_output_folder_refused_naming_it(lowland_provider, tmp_path, monkeypatch):
    from pathlib import Path

    import processing

    ROOT = Path(__file__).resolve().parents[1]  # noqa: N806

    from lowland_under_test.processing import base

    target = tmp_path / "ro"
    target.mkdir()
    real_access = base.os.access
    monkeypatch.setattr(
        base.os, "access", lambda p, m: False if str(p) == str(target) else real_access(p, m)
    )
    with pytest.raises(QgsProcessingException, match=f"{target}.*只读"):
        processing.run(
            "lowland:usechange",
            {
                "PROJECTS": str(ROOT / "resources/sample/sample_projects.gpkg")
                + "|layername=projects",
                "OUTPUT": str(target / "out.gpkg"),
            },
        )
    assert not any(target.iterdir())
