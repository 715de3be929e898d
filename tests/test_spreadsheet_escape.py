"""CSV/XLSX exports escape text cells a spreadsheet would evaluate (issue 21 item 3):
the review log and any algorithm output written to .csv/.xlsx; numbers stay numbers."""

from __future__ import annotations

import csv

import pandas as pd
import pytest
from qgis.core import QgsVectorLayer
from test_processing import memory_layer

from lowland_under_test.lowland_plugin.core.common.spreadsheet import (
    escape_cell,
    escape_text_cells,
    is_spreadsheet,
)
from lowland_under_test.lowland_plugin.core.identify.review import write_review_log

ATTACKS = [
    '=HYPERLINK("http://evil","点我")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "＝1+1",
]


@pytest.mark.parametrize("text", ATTACKS)
def test_formula_text_gets_a_quote(text):
    assert escape_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["甲厂", "A=B", "", "-5", "+3.25", "-1.5e3", -12.5, 7, None])
def test_other_values_are_left_alone(value):
    assert escape_cell(value) == value


def test_only_text_columns_change():
    frame = pd.DataFrame(
        {"owner": ["=1+1", "甲厂", None], "area_m2": [-12.5, 3.0, float("nan")], "n": [-1, 2, 3]}
    )
    out = escape_text_cells(frame)
    assert out["owner"].tolist()[:2] == ["'=1+1", "甲厂"] and out["owner"][2] is None
    assert out["area_m2"].dtype == float and out["area_m2"][0] == -12.5  # a number, not "'-12.5"
    assert out["n"].tolist() == [-1, 2, 3]
    assert frame["owner"][0] == "=1+1"  # the input frame is not changed


def test_spreadsheet_destinations():
    assert is_spreadsheet("/out/x.csv") and is_spreadsheet("/out/X.XLSX|layername=t")
    assert is_spreadsheet("/out/x.ods")
    assert not is_spreadsheet("/out/x.gpkg") and not is_spreadsheet(None)
    assert not is_spreadsheet("memory:") and not is_spreadsheet("postgres://x")


def test_the_review_log_escapes_notes_and_owners(tmp_path):
    table = pd.DataFrame(
        {
            "parcel_id": ["-P1"],
            "owner": [ATTACKS[0]],
            "verdict": ["lowland"],
            "lowland_type": ["industrial"],
            "review_status": ["confirmed"],
            "final_verdict": ["lowland"],
            "final_type": ["industrial"],
            "review_note": ["@SUM(A1:A9)"],
            "reviewer": ["-5"],
            "reviewed_at": ["2025-07-01T09:30:15"],
            "verdict_changed": [False],
        }
    )
    path = tmp_path / "log.csv"
    assert write_review_log(table, path, "zh") == 1
    with path.open(encoding="utf-8-sig", newline="") as fh:
        row = next(csv.DictReader(fh))
    assert row["宗地编号"] == "'-P1"
    assert row["权利人"] == "'" + ATTACKS[0]
    assert row["核查意见"] == "'@SUM(A1:A9)"
    assert row["核查人"] == "-5"  # a plain number stays as typed


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_algorithm_outputs_to_spreadsheets_are_escaped(lowland_provider, tmp_path, suffix):
    import processing

    parcels = memory_layer(
        [
            (["=P1", ATTACKS[1]], "POLYGON((0 0,10 0,10 10,0 10,0 0))"),
            (["P2", "乙村"], "POLYGON((20 0,30 0,30 20,20 20,20 0))"),
        ],
        fields="parcel_id:string&field=owner:string",
    )
    out = tmp_path / f"ind{suffix}"
    processing.run("lowland:parcelindicators", {"PARCELS": parcels, "OUTPUT": str(out)})
    written = QgsVectorLayer(str(out), "w", "ogr")
    assert written.isValid()
    rows = {f["parcel_id"]: f for f in written.getFeatures()}
    assert set(rows) == {"'=P1", "P2"}
    assert rows["'=P1"]["owner"] == "'" + ATTACKS[1]
    assert rows["P2"]["owner"] == "乙村"
    # 10 m × 10 m and 10 m × 20 m: areas stay numbers
    areas = sorted(float(f["area_m2"]) for f in rows.values())
    assert areas == [100.0, 200.0]
    gpkg = tmp_path / "ind.gpkg"  # a GeoPackage keeps the text as it is
    processing.run("lowland:parcelindicators", {"PARCELS": parcels, "OUTPUT": str(gpkg)})
    kept = {f["parcel_id"] for f in QgsVectorLayer(str(gpkg), "g", "ogr").getFeatures()}
    assert kept == {"=P1", "P2"}
