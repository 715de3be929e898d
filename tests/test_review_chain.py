"""Issue 17 items 1–2: review decisions reach the units, the documents and the maps, and
stale units or parcels are refused — on the sample, through the real chain.

1. identify the sample in-process and decide four parcels of unit DY01 (reject,
   re-classify a low-efficiency parcel, confirm, re-classify a non-low-efficiency one);
2. re-run ``lowland:fullchain`` in ``qgis_process`` with that result as PREVIOUS;
3. read back: decisions kept, unit statistics, DOCX/HTML lists, and the pixel colour at
   each decided parcel's centroid on the unit map PNG;
4. stale inputs: a decision after the count, a redrawn unit, an uncounted unit.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer
from lowland_under_test.lowland_plugin.core.identify.review import decide
from lowland_under_test.scripts import demo
from lowland_under_test.scripts.make_styles import COLOURS

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample"
QGIS_PROCESS = "/usr/bin/qgis_process.bin"


def _write_decisions(path: str, decisions: dict[str, dict]) -> None:
    """Write review field values parcel_id → {field: value} as the review dock does
    (the layer's edit buffer, then commit)."""
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(path, "reviewed", "ogr")
    assert layer.isValid(), path
    fields = layer.fields()
    layer.startEditing()
    for feature in layer.getFeatures():
        values = decisions.get(feature["parcel_id"])
        for name, value in (values or {}).items():
            assert layer.changeAttributeValue(feature.id(), fields.indexOf(name), value)
    assert layer.commitChanges(), layer.commitErrors()


def _choose(identified: str) -> dict[str, dict]:
    """Four parcels of DY01 and what is decided on each (decision field values)."""
    import geopandas as gpd

    parcels = read_ogr_layer(identified)
    units = read_ogr_layer(str(SAMPLE / "sample_units.gpkg"), "units")
    dy01 = units[units["unit_id"] == "DY01"].geometry.iloc[0]
    inside = parcels[gpd.GeoSeries(parcels.geometry).representative_point().within(dy01)]
    inside = inside.sort_values("parcel_id")
    low = inside[inside["verdict"] == "lowland"]
    not_low = inside[inside["verdict"] == "not_lowland"]
    assert len(low) >= 3 and len(not_low) >= 1
    at = dt.datetime(2026, 3, 1, 9, 0, 0)
    out = {}
    first, second, third = low.iloc[0], low.iloc[1], low.iloc[2]
    out[first.parcel_id] = decide(
        "reject", "lowland", first.lowland_type, "王工", "现场核实已复产", now=at
    ).values
    new_type = (
        "commercial_residential" if second.lowland_type != "commercial_residential" else "village"
    )
    out[second.parcel_id] = decide(
        "override", "lowland", second.lowland_type, "王工", "实为商住", new_type,
        now=at + dt.timedelta(minutes=1),
    ).values  # fmt: skip
    out[third.parcel_id] = decide(
        "confirm", "lowland", third.lowland_type, "李工", now=at + dt.timedelta(minutes=2)
    ).values
    other = not_low.iloc[0]
    out[other.parcel_id] = decide(
        "override", "not_lowland", None, "李工", "厂房闲置", "industrial",
        now=at + dt.timedelta(minutes=3),
    ).values  # fmt: skip
    return out


@pytest.fixture(scope="module")
def reviewed_chain(lowland_provider, qgis_env, tmp_path_factory):
    import processing

    folder = tmp_path_factory.mktemp("review_chain")
    district = SAMPLE / "sample_district.gpkg"
    previous = str(folder / "previous.gpkg")
    processing.run(
        "lowland:identifyparcels",
        {
            "PARCELS": f"{district}|layername=parcels",
            "BUILDINGS": f"{district}|layername=buildings",
            "LANDSURVEY": f"{district}|layername=landsurvey",
            "PLAN": f"{district}|layername=plan",
            "PROFILE": "default",
            "REFERENCE_DATE": "2025-06-30",
            "OUTPUT": previous,
        },
    )
    decisions = _choose(previous)
    _write_decisions(previous, decisions)
    out = folder / "rerun"
    out.mkdir()
    proc = subprocess.run(
        [
            QGIS_PROCESS, "run", "lowland:fullchain", "--json", "--",
            *demo.chain_arguments(out), f"previous={previous}",
        ],
        env=qgis_env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return out, decisions


def test_rerun_with_previous_keeps_every_decision(reviewed_chain):
    out, decisions = reviewed_chain
    identified = read_ogr_layer(str(out / "identified_parcels.gpkg")).set_index("parcel_id")
    decided = identified[identified["review_status"] != "pending"]
    assert len(decided) == len(decisions) == 4  # reject, 2 × override, confirm
    for pid, values in decisions.items():
        row = identified.loc[pid]
        for name in ("review_status", "final_verdict", "final_type", "reviewer", "reviewed_at"):
            assert row[name] == values[name] or (row[name] is None and values[name] is None), (
                pid,
                name,
            )


def test_units_count_the_reviewed_outcome_and_record_the_review(reviewed_chain):
    out, decisions = reviewed_chain
    units = read_ogr_layer(str(out / "units.gpkg")).set_index("unit_id")
    parcels = read_ogr_layer(str(out / "parcels_in_units.gpkg"))
    dy01 = parcels[parcels["unit_id"] == "DY01"]
    final = dy01["final_verdict"].fillna(dy01["verdict"])
    computed_low = int((dy01["verdict"] == "lowland").sum())
    # reject one, re-classify one non-low-efficiency parcel → same count, other parcels
    assert int((final == "lowland").sum()) == computed_low
    assert units.loc["DY01", "lowland_count"] == int((final == "lowland").sum())
    low_area = dy01.loc[final == "lowland", "area_m2"].sum()
    assert units.loc["DY01", "lowland_area_m2"] == pytest.approx(low_area, abs=0.05)
    rejected = next(p for p, v in decisions.items() if v["review_status"] == "rejected")
    assert rejected in set(dy01["parcel_id"])
    assert units.loc["DY01", "decisions_n"] == 4
    assert units.loc["DY01", "decided_until"] == "2026-03-01T09:03:00"  # the last decision
    assert units.loc["DY01", "parcels_source"].startswith(str(out / "identified_parcels.gpkg"))


def _document_text(path: Path) -> str:
    with zipfile.ZipFile(path) as docx:
        return docx.read("word/document.xml").decode("utf-8")


def test_documents_list_the_reviewed_outcome(reviewed_chain):
    out, decisions = reviewed_chain
    html = (out / "plans" / "DY01_实施方案.html").read_text(encoding="utf-8")
    docx = _document_text(out / "plans" / "DY01_实施方案.docx")
    for text in (html, docx):
        for pid, values in decisions.items():
            if values["final_verdict"] == "lowland":
                assert pid in text, pid
            else:  # the rejected parcel is not in the 低效用地清单
                assert pid not in text, pid
        assert "已改判" in text and "已确认" in text
        assert "商住" in text or "村庄" in text


def _colour_at(image, x: float, y: float) -> tuple[int, int, int]:
    """The most frequent colour of the 5 × 5 pixels around (x, y)."""
    from collections import Counter

    seen = Counter()
    for dx in range(-2, 3):
        for dy in range(-2, 3):
            c = image.pixelColor(int(round(x)) + dx, int(round(y)) + dy)
            seen[(c.red(), c.green(), c.blue())] += 1
    return seen.most_common(1)[0][0]


def test_unit_map_colours_each_decided_parcel_by_its_final_outcome(reviewed_chain):
    from qgis.PyQt.QtGui import QColor, QImage

    from lowland_under_test.lowland_plugin.bridge.layouts import PAGE_TEMPLATE, unit_map_frame

    out, decisions = reviewed_chain
    image = QImage(str(out / "plans" / "maps" / "map_DY01.png"))
    assert not image.isNull()
    # the documents' unit map is the page-sized layout (issue 18), not the A3 review sheet
    extent, (left, top, width, height) = unit_map_frame(
        f"{out / 'units.gpkg'}", "DY01", dpi=150, template=PAGE_TEMPLATE
    )
    parcels = read_ogr_layer(str(out / "identified_parcels.gpkg")).set_index("parcel_id")
    for pid, values in decisions.items():
        geom = parcels.loc[pid].geometry
        point = geom.centroid if geom.contains(geom.centroid) else geom.representative_point()
        x = left + (point.x - extent.xMinimum()) / extent.width() * width
        y = top + (extent.yMaximum() - point.y) / extent.height() * height
        final = values["final_type"] if values["final_verdict"] == "lowland" else "not_lowland"
        expected = QColor(COLOURS[final])
        got = _colour_at(image, x, y)
        assert got == (expected.red(), expected.green(), expected.blue()), (pid, final, got)


# ------------------------------------------------------------------------- staleness


@pytest.fixture
def stale_copy(reviewed_chain, tmp_path):
    """The chain's units, parcels and reviewed layer copied, the units recording the copy."""
    from qgis.core import QgsVectorLayer

    out, decisions = reviewed_chain
    for name in ("identified_parcels.gpkg", "units.gpkg", "parcels_in_units.gpkg"):
        shutil.copy(out / name, tmp_path / name)
    units = QgsVectorLayer(str(tmp_path / "units.gpkg"), "units", "ogr")
    index = units.fields().indexOf("parcels_source")
    units.startEditing()
    for feature in units.getFeatures():
        units.changeAttributeValue(feature.id(), index, str(tmp_path / "identified_parcels.gpkg"))
    assert units.commitChanges()
    return tmp_path, out, decisions


def _plan(units: str, parcels: str, out: Path, unit_ids: str = "DY01") -> dict:
    import processing

    return processing.run(
        "lowland:generateplan",
        {
            "UNITS": units,
            "PARCELS": parcels,
            "UNIT_IDS": unit_ids,
            "FORMATS": [1],  # HTML
            "MAPS": False,
            "OUTPUT_FOLDER": str(out),
        },
    )


def test_generateplan_refuses_units_and_parcels_older_than_the_review(stale_copy):
    from qgis.core import QgsProcessingException

    import processing

    folder, chain_out, decisions = stale_copy
    confirmed = next(p for p, v in decisions.items() if v["review_status"] == "confirmed")
    later = decide(
        "reject", "lowland", None, "赵工", "复核后否定", now=dt.datetime(2026, 3, 2, 15, 30)
    ).values
    _write_decisions(str(folder / "identified_parcels.gpkg"), {confirmed: later})
    units = str(folder / "units.gpkg")
    # the parcels copy made by the count is older than the review of the reviewed layer
    with pytest.raises(QgsProcessingException) as err:
        _plan(units, str(folder / "parcels_in_units.gpkg"), folder / "p1")
    text = str(err.value)
    assert "宗地图层早于核查" in text
    assert str(folder / "identified_parcels.gpkg") in text
    assert "4 宗已核查，最近决定 2026-03-01 09:03:00" in text  # the copy
    assert "4 宗已核查，最近决定 2026-03-02 15:30:00" in text  # the reviewed layer now
    assert "lowland:refreshunits" in text
    # the reviewed layer itself: the units were counted before its last decision
    with pytest.raises(QgsProcessingException, match="单元统计早于核查"):
        _plan(units, str(folder / "identified_parcels.gpkg"), folder / "p2")

    # one algorithm brings the statistics up to date, from the recorded layers
    res = processing.run(
        "lowland:refreshunits",
        {
            "UNITS": units,
            "OUTPUT": str(folder / "units2.gpkg"),
            "PARCELS_OUTPUT": str(folder / "parcels2.gpkg"),
        },
    )
    refreshed = read_ogr_layer(res["OUTPUT"]).set_index("unit_id")
    before = read_ogr_layer(units).set_index("unit_id")
    assert refreshed.loc["DY01", "decided_until"] == "2026-03-02T15:30:00"
    # one more rejected parcel in DY01: one fewer 低效 parcel
    assert refreshed.loc["DY01", "lowland_count"] == before.loc["DY01", "lowland_count"] - 1
    _plan(res["OUTPUT"], res["PARCELS_OUTPUT"], folder / "p3")
    html = (folder / "p3" / "DY01_实施方案.html").read_text(encoding="utf-8")
    assert confirmed not in html
    assert chain_out.is_dir()


def test_generateplan_refuses_redrawn_and_uncounted_units(stale_copy):
    from qgis.core import QgsGeometry, QgsProcessingException, QgsVectorLayer

    folder, _, _ = stale_copy
    units = QgsVectorLayer(str(folder / "units.gpkg"), "单元图层", "ogr")
    by_id = {f["unit_id"]: f for f in units.getFeatures()}
    units.startEditing()
    geom = QgsGeometry(by_id["DY01"].geometry())
    counted = geom.area()
    moved = geom.buffer(-2.0, 4)  # the outline drawn 2 m inside: another area
    units.changeGeometry(by_id["DY01"].id(), moved)
    units.changeAttributeValue(
        by_id["DY02"].id(), units.fields().indexOf("area_m2"), None
    )  # a unit drawn after the count has no statistics
    assert units.commitChanges()
    with pytest.raises(QgsProcessingException) as err:
        _plan(
            str(folder / "units.gpkg"), str(folder / "parcels_in_units.gpkg"), folder / "p4",
            "DY01,DY02",
        )  # fmt: skip
    text = str(err.value)
    assert "单元 DY02 没有单元统计" in text
    assert (
        f"单元 DY01 的边界在统计后已修改（现面积 {moved.area():,.2f} m²，统计时 "
        f"{counted:,.2f} m²）" in text
    )
    assert "lowland:refreshunits" in text
    # a document for an untouched unit is refused too: a redrawn or new unit changes
    # which unit a parcel belongs to
    with pytest.raises(QgsProcessingException, match="单元 DY02 没有单元统计"):
        _plan(
            str(folder / "units.gpkg"), str(folder / "parcels_in_units.gpkg"), folder / "p5", "DY03"
        )


def test_buildunits_warns_when_the_parcels_are_older_than_the_reviewed_layer(stale_copy):
    from qgis.core import QgsProcessingFeedback

    import processing

    folder, chain_out, decisions = stale_copy

    class Warnings(QgsProcessingFeedback):
        lines: list[str] = []

        def pushWarning(self, text):  # noqa: N802 (QGIS API)
            self.lines.append(text)
            super().pushWarning(text)

    params = {
        "BLOCKS": str(chain_out / "blocks.gpkg"),
        "PARCELS": str(folder / "parcels_in_units.gpkg"),
        "MODE": 0,
        "UNITS": str(folder / "units.gpkg"),
        "OUTPUT": "TEMPORARY_OUTPUT",
    }
    quiet = Warnings()
    processing.run("lowland:buildunits", params, feedback=quiet)
    assert not [line for line in quiet.lines if "早于核查" in line]  # nothing decided since
    overridden = next(p for p, v in decisions.items() if v["review_status"] == "overridden")
    _write_decisions(
        str(folder / "identified_parcels.gpkg"),
        {overridden: decide("reset", "lowland", "industrial", "").values},
    )
    feedback = Warnings()
    feedback.lines = []
    processing.run("lowland:buildunits", params, feedback=feedback)
    (line,) = [line for line in feedback.lines if "早于核查" in line]
    # one decision reset: 3 decided in the reviewed layer, 4 in the copy
    assert line.startswith("parcels_in_units：宗地图层早于核查——其 4 宗已核查")
    assert f"认定结果 {folder / 'identified_parcels.gpkg'} 现在 3 宗已核查" in line


def test_refreshed_statistics_are_written_into_the_units_layer_undoably(stale_copy):
    """A dock's 「更新单元统计」: refreshunits to a temporary layer, then its statistics
    into the layer on the canvas (bridge.unit_refresh), one undo step."""
    from qgis.core import QgsVectorLayer

    import processing
    from lowland_under_test.lowland_plugin.bridge.unit_refresh import apply_unit_statistics

    folder, _, decisions = stale_copy
    confirmed = next(p for p, v in decisions.items() if v["review_status"] == "confirmed")
    later = decide(
        "reject", "lowland", None, "赵工", "复核后否定", now=dt.datetime(2026, 3, 2, 15, 30)
    )
    _write_decisions(str(folder / "identified_parcels.gpkg"), {confirmed: later.values})
    res = processing.run(
        "lowland:refreshunits",
        {"UNITS": str(folder / "units.gpkg"), "OUTPUT": str(folder / "recount.gpkg")},
    )
    recount = read_ogr_layer(res["OUTPUT"])
    layer = QgsVectorLayer(str(folder / "units.gpkg"), "units", "ogr")
    before = {f["unit_id"]: f["lowland_count"] for f in layer.getFeatures()}
    updated, cleared = apply_unit_statistics(layer, recount)
    assert (updated, cleared) == (4, [])
    after = {f["unit_id"]: (f["lowland_count"], f["decided_until"]) for f in layer.getFeatures()}
    # DY01 lost the parcel rejected after the count; the others are unchanged
    assert after["DY01"] == (before["DY01"] - 1, "2026-03-02T15:30:00")
    assert after["DY03"][0] == before["DY03"]
    assert layer.undoStack().count() == 1
    layer.undoStack().undo()
    assert {f["unit_id"]: f["lowland_count"] for f in layer.getFeatures()} == before
    layer.undoStack().redo()
    assert layer.commitChanges()
    # the units are now up to date: generateplan accepts them with the reviewed layer
    _plan(str(folder / "units.gpkg"), str(folder / "identified_parcels.gpkg"), folder / "p6")
    assert confirmed not in (folder / "p6" / "DY01_实施方案.html").read_text(encoding="utf-8")


def test_plan_dock_refresh_button_recounts_the_units_layer(stale_copy, qgis_iface):
    """The plan dock's 「更新单元统计」: after a decision made later than the count, one
    click recounts the units on the canvas from the reviewed parcels (one undo step)."""
    from qgis.core import QgsProject, QgsVectorLayer

    from lowland_under_test.lowland_plugin.gui.plan_dock import PlanDock

    folder, _, decisions = stale_copy
    confirmed = next(p for p, v in decisions.items() if v["review_status"] == "confirmed")
    later = decide(
        "reject", "lowland", None, "赵工", "复核后否定", now=dt.datetime(2026, 3, 2, 15, 30)
    )
    _write_decisions(str(folder / "identified_parcels.gpkg"), {confirmed: later.values})
    units = QgsVectorLayer(str(folder / "units.gpkg"), "再开发单元", "ogr")
    parcels = QgsVectorLayer(str(folder / "identified_parcels.gpkg"), "认定结果", "ogr")
    QgsProject.instance().addMapLayers([units, parcels])
    dock = PlanDock(qgis_iface)
    try:
        assert dock.set_units_layer(units), dock.message_text()
        dock.parcelsCombo.setLayer(parcels)
        before = {f["unit_id"]: f["lowland_count"] for f in units.getFeatures()}
        assert dock.refresh_units() == (4, [])
        assert "更新 4 个单元" in dock.message_text()
        after = {f["unit_id"]: f["lowland_count"] for f in units.getFeatures()}
        assert after["DY01"] == before["DY01"] - 1  # the parcel rejected after the count
        assert units.undoStack().count() == 1
        units.undoStack().undo()
        assert {f["unit_id"]: f["lowland_count"] for f in units.getFeatures()} == before
    finally:
        units.rollBack()
        dock.unload()
        dock.deleteLater()
        QgsProject.instance().removeMapLayers([units.id(), parcels.id()])
