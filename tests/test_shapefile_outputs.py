"""Shapefile limits (issue 21 item 8): text over 254 bytes (``reasons``, up to ~1,400
characters) is never cut silently, the output is refused as a shapefile with a message
to use GeoPackage; field names the shapefile cut to 10 characters are read back as
PREVIOUS, and the review dock refuses such a layer with a message."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from osgeo import gdal
from qgis.core import QgsProcessingException, QgsProject, QgsVectorLayer

REFERENCE_DATE = "2025-06-30"


def identify(sample: Path, output: str, previous: str | None = None) -> dict:
    import processing

    params = {
        "PARCELS": f"{sample}|layername=parcels",
        "BUILDINGS": f"{sample}|layername=buildings",
        "LANDSURVEY": f"{sample}|layername=landsurvey",
        "REFERENCE_DATE": REFERENCE_DATE,
        "OUTPUT": output,
    }
    if previous is not None:
        params["PREVIOUS"] = previous
    return processing.run("lowland:identifyparcels", params)


@pytest.fixture(scope="module")
def identified(tmp_path_factory, lowland_provider, sample_gpkg) -> Path:
    out = tmp_path_factory.mktemp("shp") / "identified.gpkg"
    identify(sample_gpkg, str(out))
    return out


def test_text_over_254_bytes_is_found():
    from lowland_under_test.lowland_plugin.core.common.fields import fields_too_long_for_dbf

    # "低" is 3 bytes in UTF-8: 84 × 3 = 252 ≤ 254 fits, 85 × 3 = 255 does not
    frame = pd.DataFrame({"note": ["低" * 84], "remark": ["低" * 85], "n": [1]})
    assert fields_too_long_for_dbf(frame) == ["remark"]
    # reasons is refused whatever its length (up to ~1,400 characters)
    assert fields_too_long_for_dbf(frame.assign(reasons=["[]"])) == ["reasons", "remark"]


@pytest.mark.parametrize("name", ["identified.shp", "identified.dbf"])
def test_identification_into_a_shapefile_is_refused(lowland_provider, sample_gpkg, tmp_path, name):
    """reasons (JSON up to ~1,400 characters) would be cut to 254 bytes by the shapefile
    sink without a word; now the run is refused saying to use GeoPackage, nothing written."""
    with pytest.raises(QgsProcessingException, match="reasons.*GeoPackage"):
        identify(sample_gpkg, str(tmp_path / name))
    assert list(tmp_path.iterdir()) == []


def decide_in_gpkg(path: Path, parcel_id: str) -> None:
    """A saved review decision on ``parcel_id`` (as the review dock writes it)."""
    from osgeo import ogr

    dataset = ogr.Open(str(path), 1)  # OGR: the GeoPackage triggers need its functions
    dataset.ExecuteSQL(
        "UPDATE identified SET review_status = 'rejected', reviewer = '张工', "
        "review_note = '已整改', reviewed_verdict = CASE WHEN verdict = 'lowland' AND "
        "lowland_type IS NOT NULL THEN 'lowland:' || lowland_type ELSE verdict END, "
        "final_verdict = 'not_lowland', final_type = NULL "
        f"WHERE parcel_id = '{parcel_id}'"
    )
    dataset = None


def as_shapefile(path: Path, folder: Path) -> Path:
    """The result saved as a shapefile (QGIS/OGR cut names: review_status → review_sta)."""
    shp = folder / "previous.shp"
    gdal.VectorTranslate(str(shp), str(path), layerCreationOptions=["ENCODING=UTF-8"])
    return shp


def test_a_shapefile_previous_result_keeps_its_decisions(
    lowland_provider, identified, sample_gpkg, tmp_path
):
    """PREVIOUS saved as a shapefile (review_sta, reviewer, review_not, final_verd…):
    the decision on P0024 is carried over; it used to be refused (no review_status)."""
    from osgeo import ogr

    reviewed = tmp_path / "reviewed.gpkg"
    reviewed.write_bytes(identified.read_bytes())
    decide_in_gpkg(reviewed, "P0024")
    shp = as_shapefile(reviewed, tmp_path)
    dataset = ogr.Open(str(shp))  # kept while its layer is read
    names = [d.GetName() for d in dataset.GetLayer(0).schema]
    dataset = None
    assert "review_sta" in names and "review_status" not in names  # cut indeed
    out = tmp_path / "rerun.gpkg"
    identify(sample_gpkg, str(out), previous=str(shp))
    con = sqlite3.connect(out)
    row = con.execute(
        "SELECT review_status, reviewer, review_note, final_verdict FROM rerun "
        "WHERE parcel_id = 'P0024'"
    ).fetchone()
    pending = con.execute("SELECT count(*) FROM rerun WHERE review_status = 'pending'").fetchone()[
        0
    ]
    con.close()
    assert row == ("rejected", "张工", "已整改", "not_lowland")
    assert pending == 437 - 1


def test_the_review_dock_refuses_a_shapefile_with_cut_names(
    qgis_iface, qgis_new_project, identified, tmp_path
):
    from lowland_under_test.lowland_plugin.gui.review_dock import ReviewDock

    layer = QgsVectorLayer(str(as_shapefile(identified, tmp_path)), "上次结果", "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    dock = ReviewDock(qgis_iface)
    try:
        assert not dock.set_layer(layer)
        message = dock.message_text()
        assert "Shapefile" in message and "review_status → review_sta" in message
        assert "GeoPackage" in message
    finally:
        dock.unload()
        dock.deleteLater()
