"""``lowland:exportdatabase`` 上图入库成果导出与质检: the field standard, the standardised
table, every QC rule with an injected error and a clean case, the GBK shapefile round
trip, and the sample district (clean → passes; a copy with injected defects → fails
listing exactly those defects)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from osgeo import gdal, ogr
from shapely.geometry import MultiPolygon, Polygon, box

from lowland_under_test.lowland_plugin.bridge.ogr_io import (
    read_ogr_layer,
    write_ogr_layer,
    write_shapefile,
)
from lowland_under_test.lowland_plugin.core.common.areas import ellipsoidal_area
from lowland_under_test.lowland_plugin.core.common.errors import LowlandInputError
from lowland_under_test.lowland_plugin.core.database.qc import RULES, run_qc
from lowland_under_test.lowland_plugin.core.database.qc_report import (
    ReportInfo,
    render_html,
)
from lowland_under_test.lowland_plugin.core.database.standard import (
    M2_PER_MU,
    load_standard,
    patch_numbers,
    round_half_up,
    standardize,
)

X0, Y0 = 607_000.0, 4_262_000.0
CRS = "EPSG:4544"
ADMIN = "640106"
REASONS = json.dumps(
    [
        {"rule": "far_below_min", "clause": "Y-1", "kind": "criterion", "value": 0.5,
         "threshold": 1.0, "met": True},
        {"rule": "dangerous_buildings", "clause": "Y-1", "kind": "criterion", "value": 0.0,
         "threshold": 0.5, "met": False},
    ],
    ensure_ascii=False,
)  # fmt: skip


# --------------------------------------------------------------------------- helpers


def with_areas(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Set area_m2 / ellipsoid_area_m2 from the geometry, rounded as the identification
    output does (a consistent edit)."""
    geoms = np.asarray(frame.geometry.values, dtype=object)
    frame = frame.copy()
    frame["area_m2"] = np.round(shapely.area(geoms), 2)
    frame["ellipsoid_area_m2"] = np.round(ellipsoidal_area(geoms, frame.crs), 2)
    return frame


def identified(n: int = 4, **overrides) -> gpd.GeoDataFrame:
    """A small identification output: ``n`` touching 100 × 100 m industrial parcels."""
    rows = []
    for i in range(n):
        rows.append(
            {
                "parcel_id": f"P{i + 1:03d}",
                "owner": f"宁夏银川第{i + 1}机械制造有限公司",
                "tenure": "granted",
                "verdict": "lowland",
                "lowland_type": "industrial",
                "current_type": "industrial",
                "current_dlbm": "0601",
                "czcsxm": "201A",
                "plan_code": "100101",
                "approved_use": "100101",
                "industry_code": "34",
                "far": 0.5,
                "building_density": 0.3,
                "tax_per_mu": 12.5,
                "review_status": "pending",
                "review_note": None,
                "final_verdict": "lowland",
                "final_type": "industrial",
                "reasons": REASONS,
                "profile_id": "default",
                "profile_version": "1.2.0",
            }
        )
    frame = pd.DataFrame(rows)
    for key, value in overrides.items():
        frame[key] = value
    geoms = [box(X0 + 100 * i, Y0, X0 + 100 * (i + 1), Y0 + 100) for i in range(n)]
    return with_areas(gpd.GeoDataFrame(frame, geometry=geoms, crs=CRS))


def survey(dlbm: str = "0601", holes=(), pieces=()) -> gpd.GeoDataFrame:
    """One 三调 patch covering the test parcels (minus ``holes``), plus extra ``pieces``
    ``(dlbm, geometry)`` cut out of it."""
    big = box(X0 - 500, Y0 - 500, X0 + 1500, Y0 + 600)
    for hole in holes:
        big = big.difference(hole)
    rows = [(dlbm, big.difference(shapely.union_all([g for _, g in pieces])) if pieces else big)]
    rows += list(pieces)
    return gpd.GeoDataFrame({"dlbm": [r[0] for r in rows]}, geometry=[r[1] for r in rows], crs=CRS)


@pytest.fixture(scope="module")
def standard():
    return load_standard()


def database(standard, frame=None, **kwargs) -> gpd.GeoDataFrame:
    frame = identified() if frame is None else frame
    return standardize(frame, standard, ADMIN, export_date=dt.date(2025, 6, 30), **kwargs)


@contextlib.contextmanager
def shape_encoding(value: str | None):
    """GDAL's global ``SHAPE_ENCODING`` for a block (QGIS sets it to "": no recoding)."""
    previous = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", value)
    try:
        yield
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", previous)


def read_back(path) -> gpd.GeoDataFrame:
    """A written database; a shapefile decoded by its .cpg (GDAL's default behaviour)."""
    with shape_encoding(None):
        return read_ogr_layer(str(path))


def found(result, severity: str | None = None) -> set[tuple[str, str]]:
    errors = result.errors
    if severity:
        errors = errors[errors["severity"] == severity]
    return set(zip(errors["rule"], errors["feature_id"], strict=True))


# --------------------------------------------------------------------------- standard


def test_standard_file_fields_fit_dbf_and_are_documented(standard):
    assert standard.id == "lowland_db_v1" and standard.version == "1"
    for spec in standard.fields:
        assert re.fullmatch(r"[A-Z][A-Z0-9_]{0,9}", spec.name), spec.name
        assert spec.alias_zh and spec.alias_en
    names = standard.names
    for key in ("TBBH", "XZQDM", "ZDDM", "SFDX", "XZDL", "XZYT", "GHYT", "PZYT", "CYLX",
                "RJL", "JZMD", "DJRKSJ", "MJ", "MJM", "TQMJ", "HCZT", "RDYJ", "RKSJ"):  # fmt: skip
        assert key in names
    assert standard.field("MJ").precision == 2 and standard.field("MJM").precision == 4
    readme = (Path(standard.path).parent / "README.md").read_text(encoding="utf-8")
    for name in names:
        assert f"`{name}`" in readme, f"{name} not documented in resources/standards/README.md"
    for rule in RULES:
        assert f"`{rule.id}`" in readme, f"rule {rule.id} not documented"


def test_broken_standard_is_refused_with_row_and_value(tmp_path):
    text = Path(load_standard().path).read_text(encoding="utf-8")
    bad = tmp_path / "broken_v2.csv"
    bad.write_text(text.replace("\nTBBH,", "\nTUBANBIANHAO,", 1), encoding="utf-8")
    with pytest.raises(LowlandInputError, match="TUBANBIANHAO"):
        load_standard(str(bad))
    bad.write_text(text.replace("codes:sandiao", "codes:nosuchtable"), encoding="utf-8")
    with pytest.raises(LowlandInputError, match="nosuchtable"):
        load_standard(str(bad))
    with pytest.raises(LowlandInputError, match="lowland_db_v1"):
        load_standard("no_such_standard")


def test_round_half_up_is_stated_rounding():
    assert round_half_up([2.675, 0.125, 1234.565, -2.5, np.nan], 2)[:4].tolist() == [
        2.68,
        0.13,
        1234.57,
        -2.5,
    ]
    assert np.isnan(round_half_up([np.nan], 2)[0])
    assert round_half_up([0.00005], 4)[0] == 0.0001  # np.round would give 0.0 (half to even)


# --------------------------------------------------------------------------- standardise


def test_patch_numbers_are_admin_code_plus_sequence_in_parcel_id_order():
    numbers = patch_numbers(["P3", "P1", None, "P2", "P1"], [ADMIN] * 5)
    assert numbers.tolist() == [
        "640106000004",  # P3
        "640106000001",  # P1 (first)
        "640106000005",  # no id: last
        "640106000003",  # P2
        "640106000002",  # P1 (second, input order)
    ]
    per_admin = patch_numbers(["A", "B", "C"], ["640106", "640105", "640106"])
    assert per_admin.tolist() == ["640106000001", "640105000001", "640106000002"]


def test_standardize_fields_ids_areas_and_grounds(standard):
    frame = identified(3)
    frame.loc[0, "area_m2"] = 1234.565  # half-up: 1234.57
    frame.loc[0, "geometry"] = None  # geometry plays no part in standardising
    db = database(standard, frame)
    assert list(db.columns[:-1]) == standard.names
    assert db["TBBH"].tolist() == ["640106000001", "640106000002", "640106000003"]
    assert db["TBBH"].is_unique and db["TBBH"].str.fullmatch(r"640106\d{6}").all()
    assert db["ZDDM"].tolist() == ["P001", "P002", "P003"]
    assert db.loc[0, "MJ"] == 1234.57
    assert db.loc[0, "MJM"] == round_half_up([1234.565 / M2_PER_MU], 4)[0] == 1.8518
    assert db.loc[1, "MJM"] == 15.0  # 10000 m²
    assert (db["SFDX"] == "是").all() and (db["DXLX"] == "industrial").all()
    # the met criterion in words (issue 18: reason_text's sentence, brief; it was the
    # rule name and clause, 「容积率低于下限(Y-1)」): 0.5 < 1.0
    assert db.loc[0, "RDYJ"] == "容积率低于下限：容积率 0.50，低于下限 1.00。"
    assert db.loc[0, "RDBZ"] == "default 1.2.0"
    assert db.loc[0, "RKSJ"] == dt.date(2025, 6, 30)
    assert db.loc[0, "QLR"] == "宁夏银川第1机械制造有限公司"


def test_grounds_fit_the_field_in_whole_sentences(standard):
    met = {"kind": "criterion", "met": True, "clause": "Y-1"}
    many = [
        {"rule": "far_below_min", "value": 0.35, "threshold": 1.0, **met},
        {"rule": "tax_below_min", "value": 1.8, "threshold": 10.0, **met},
        {"rule": "dangerous_buildings", "value": 1.0, "threshold": 0.5, **met},
        {"rule": "coverage_below_min", "value": 0.1, "threshold": 0.3, **met},
        {"rule": "stopped_operation", "value": False, "threshold": True, **met},
    ]
    frame = identified(2, reasons=json.dumps(many, ensure_ascii=False))
    frame.loc[1, "review_status"] = "overridden"
    db = database(standard, frame)
    for text in db["RDYJ"]:  # 254 bytes in UTF-8 (so also in GBK), whole phrases only
        assert len(text.encode("utf-8")) <= 254
        assert text.endswith("项未列出。") and "容积率 0.35，低于下限 1.00" in text
    assert db.loc[1, "RDYJ"].startswith("核查改判为低效用地(见核查意见)；容积率低于下限：")
    assert run_qc(db, standard, survey()).passed


def test_final_verdict_decides_and_falls_back_to_verdict(standard):
    frame = identified(4)
    frame["final_verdict"] = ["lowland", "not_lowland", None, None]
    frame["verdict"] = ["lowland", "lowland", "lowland", "not_lowland"]
    frame.loc[1, "review_status"] = "rejected"
    assert database(standard, frame)["ZDDM"].tolist() == ["P001", "P003"]
    everything = database(standard, frame, only_lowland=False)
    assert everything["SFDX"].tolist() == ["是", "否", "是", "否"]
    assert everything["DXLX"].tolist() == ["industrial", None, "industrial", None]
    assert everything.loc[1, "RDYJ"] == "核查否定(见核查意见)"
    assert run_qc(everything, standard, survey()).passed


def test_admin_code_from_field_or_refused(standard):
    frame = identified(2)
    with pytest.raises(LowlandInputError, match="admin_code"):
        standardize(frame, standard)
    frame["admin_code"] = ["640106", "640105"]
    assert standardize(frame, standard)["TBBH"].tolist() == ["640105000001", "640106000001"]
    with pytest.raises(LowlandInputError, match="6"):
        standardize(frame, standard, "64010")


def test_missing_identification_fields_are_named(standard):
    frame = identified(1).drop(columns=["current_dlbm", "owner"])
    with pytest.raises(LowlandInputError) as err:
        database(standard, frame)
    assert "current_dlbm" in str(err.value) and "owner" in str(err.value)


# --------------------------------------------------------------------------- QC rules


def test_clean_database_passes_every_rule(standard):
    result = run_qc(database(standard), standard, survey(), encoding="GBK")
    assert result.passed and result.error_count == 0 and result.warning_count == 0
    assert result.summary["rule"].tolist() == [r.id for r in RULES]
    assert (result.summary["status"] == "pass").all()
    assert len(result.errors) == 0


def test_rules_needing_landsurvey_are_listed_as_not_run(standard):
    result = run_qc(database(standard), standard, None)
    status = dict(zip(result.summary["rule"], result.summary["status"], strict=True))
    assert status["sandiao_area"] == status["sandiao_class"] == "not_run"
    assert status["required"] == "pass" and result.passed


def _tbbh(i: int) -> str:
    return f"640106{i:06d}"


def _set(db, row, field, value):
    db = db.copy()
    db.loc[row, field] = value
    return db


def _case_required(standard):
    db = _set(database(standard), 1, "QLR", None)
    return _set(db, 2, "DXLX", None), {("required", _tbbh(2)), ("required", _tbbh(3))}


def _case_domain(standard):
    db = database(standard)
    db = _set(db, 0, "XZDL", "9999")  # unknown code (construction_land/sandiao_class quiet)
    db = _set(db, 1, "PZYT", "1001X")
    db = _set(db, 2, "JZMD", 1.5)
    db = _set(db, 3, "XZDL", "601")  # not the canonical code 0601
    return db, {("domain", _tbbh(1)), ("domain", _tbbh(2)), ("domain", _tbbh(3)),
                ("domain", _tbbh(4))}  # fmt: skip


def _case_field_width(standard):
    # 40 Chinese characters: 80 bytes in GBK (fits 100), 120 in UTF-8 (does not)
    db = _set(database(standard), 0, "QLR", "宁" * 40)
    return _set(db, 1, "QLR", "宁" * 51), {("field_width", _tbbh(2))}


def _case_encoding(standard):
    return _set(database(standard), 2, "QLR", "宁夏𠮷祥有限公司"), {("encoding", _tbbh(3))}


def _case_duplicate_id(standard):
    frame = identified(3)
    frame = pd.concat([frame, frame.iloc[[1]]], ignore_index=True)  # P002 twice
    db = database(standard, frame)
    assert db["ZDDM"].tolist() == ["P001", "P002", "P002", "P003"]
    return db, {("duplicate_id", _tbbh(3))}


def _case_id_format(standard):
    db = _set(database(standard), 1, "TBBH", "640105000002")
    return _set(db, 3, "TBBH", "64010600004"), {
        ("id_format", "640105000002"),
        ("id_format", "64010600004"),
    }


def _case_invalid_geometry(standard):
    db = database(standard)
    bowtie = Polygon([(X0, Y0), (X0 + 100, Y0 + 100), (X0 + 100, Y0), (X0, Y0 + 100)])
    db = _set(db, 0, "geometry", bowtie)
    return _set(db, 2, "geometry", None), {("invalid_geometry", _tbbh(1)),
                                           ("invalid_geometry", _tbbh(3))}  # fmt: skip


def _case_multipart(standard):
    frame = identified(2)
    far = box(X0 + 500, Y0, X0 + 520, Y0 + 20)
    frame.loc[1, "geometry"] = MultiPolygon([frame.geometry[1], far])
    return database(standard, with_areas(frame)), {("multipart", _tbbh(2))}


def _case_sliver(standard):
    frame = identified(2)
    sliver = frame.iloc[[0]].copy()
    sliver["parcel_id"] = "P900"
    sliver["geometry"] = [box(X0 + 300, Y0, X0 + 300.5, Y0 + 1)]  # 0.5 m²
    frame = with_areas(pd.concat([frame, sliver], ignore_index=True))
    return database(standard, frame), {("sliver", _tbbh(3))}


def _case_overlap(standard):
    frame = identified(3)
    frame.loc[0, "geometry"] = box(X0, Y0, X0 + 105, Y0 + 100)  # 5 m into P002
    return database(standard, with_areas(frame)), {("overlap", _tbbh(1))}


def _case_area_sum(standard):
    db = database(standard)
    db = _set(db, 0, "MJ", db.loc[0, "MJ"] + 0.02)
    db = _set(db, 1, "MJM", db.loc[1, "MJM"] + 0.0002)
    db = _set(db, 2, "TQMJ", db.loc[2, "TQMJ"] - 0.5)
    return db, {("area_sum", _tbbh(1)), ("area_sum", _tbbh(2)), ("area_sum", _tbbh(3))}


CASES = {
    "required": _case_required,
    "domain": _case_domain,
    "field_width": _case_field_width,
    "encoding": _case_encoding,
    "duplicate_id": _case_duplicate_id,
    "id_format": _case_id_format,
    "invalid_geometry": _case_invalid_geometry,
    "multipart": _case_multipart,
    "sliver": _case_sliver,
    "overlap": _case_overlap,
    "area_sum": _case_area_sum,
}


@pytest.mark.parametrize("rule", list(CASES))
def test_each_rule_finds_exactly_its_injected_error(standard, rule):
    db, expected = CASES[rule](standard)
    encoding = "GBK" if rule in ("encoding", "field_width") else "UTF-8"
    result = run_qc(db, standard, survey(), encoding=encoding)
    assert found(result) == expected
    severity = {r.id: r.severity for r in RULES}[rule]
    assert set(result.errors["severity"]) == {severity}
    assert result.passed is (severity == "warning")
    status = dict(zip(result.summary["rule"], result.summary["status"], strict=True))
    assert status[rule] == ("fail" if severity == "error" else "warning")
    assert all(s == "pass" for r, s in status.items() if r != rule)


def test_width_and_encoding_depend_on_the_output_encoding(standard):
    db, _ = _case_field_width(standard)
    utf8 = run_qc(db, standard, survey(), encoding="UTF-8")
    assert found(utf8) == {("field_width", _tbbh(1)), ("field_width", _tbbh(2))}
    db, _ = _case_encoding(standard)
    assert run_qc(db, standard, survey(), encoding="UTF-8").passed


def test_duplicate_and_overlap_details(standard):
    db, _ = _case_duplicate_id(standard)
    row = run_qc(db, standard, survey()).errors.iloc[0]
    assert row["related_id"] == _tbbh(2) and row["parcel_id"] == "P002"
    assert row["field_name"] == "ZDDM" and row["row_number"] == 3
    db, _ = _case_overlap(standard)
    row = run_qc(db, standard, survey()).errors.iloc[0]
    assert row["related_id"] == _tbbh(2)
    assert row["geometry"].area == pytest.approx(500.0)  # the overlap itself
    assert "500.00" in row["message"]


def test_overlap_below_the_noise_floor_and_touching_parcels_pass(standard):
    frame = identified(2)
    frame.loc[0, "geometry"] = box(X0, Y0, X0 + 100.00005, Y0 + 100)  # 0.005 m²
    assert run_qc(database(standard, with_areas(frame)), standard, survey()).passed


def test_sliver_threshold_is_configurable_and_strict(standard):
    db, _ = _case_sliver(standard)
    assert found(run_qc(db, standard, survey(), sliver_area=0.5)) == set()  # 0.5 is not < 0.5
    assert found(run_qc(db, standard, survey(), sliver_area=0.0)) == set()
    assert found(run_qc(db, standard, survey(), sliver_area=0.51)) == {("sliver", _tbbh(3))}


def test_construction_land_rule(standard):
    db = _set(database(standard), 1, "XZDL", "0103")
    result = run_qc(db, standard, None)
    assert found(result) == {("construction_land", _tbbh(2))}
    assert "农用地" in result.errors.iloc[0]["message"]
    clean = run_qc(database(standard), standard, None)
    assert clean.passed and found(clean) == set()
    # a non-lowland record (SFDX 否) may be non-construction land
    db = _set(_set(db, 1, "SFDX", "否"), 1, "DXLX", None)
    assert run_qc(db, standard, None).passed


def test_sandiao_class_rule(standard):
    db = _set(database(standard), 2, "XZDL", "0602")  # a valid construction code ≠ 三调 0601
    result = run_qc(db, standard, survey())
    assert found(result) == {("sandiao_class", _tbbh(3))}
    assert "0601" in result.errors.iloc[0]["message"]
    assert run_qc(database(standard), standard, survey()).passed


def test_sandiao_area_rule_with_tolerance(standard):
    big_hole = box(X0 + 40, Y0 + 40, X0 + 50, Y0 + 50)  # 100 m² of 10000: 1 %
    small_hole = box(X0 + 140, Y0 + 40, X0 + 142, Y0 + 42)  # 4 m²: 0.04 %
    layer = survey(holes=[big_hole, small_hole])
    result = run_qc(database(standard), standard, layer)
    assert found(result) == {("sandiao_area", _tbbh(1))}
    assert result.errors.iloc[0]["geometry"].area == pytest.approx(100.0)
    assert found(run_qc(database(standard), standard, layer, area_tolerance=0.02)) == set()
    assert found(run_qc(database(standard), standard, layer, area_tolerance=0.0)) == {
        ("sandiao_area", _tbbh(1)),
        ("sandiao_area", _tbbh(2)),
    }


def test_sandiao_non_construction_is_a_warning(standard):
    farmland = box(X0 + 200, Y0, X0 + 230, Y0 + 100)  # 30 % of P003 on 0103
    result = run_qc(database(standard), standard, survey(pieces=[("0103", farmland)]))
    assert found(result) == {("sandiao_non_construction", _tbbh(3))}
    assert result.passed and result.warning_count == 1
    assert "0103 3000.00 m²" in result.errors.iloc[0]["message"]
    assert result.errors.iloc[0]["geometry"].area == pytest.approx(3000.0)


def test_invalid_input_options_are_refused(standard):
    with pytest.raises(LowlandInputError):
        run_qc(database(standard), standard, survey(), area_tolerance=1.5)
    with pytest.raises(LowlandInputError):
        run_qc(database(standard), standard, survey(), encoding="NO-SUCH-CODEC")


def test_html_report_names_every_rule_and_lists_errors(standard):
    db, _ = _case_overlap(standard)
    db.loc[0, "QLR"] = "<b>宁夏&公司</b>"
    result = run_qc(db, standard, survey())
    info = ReportInfo("ident.gpkg", "三调", "/tmp/db.gpkg", "GeoPackage", "UTF-8", True, ADMIN,
                      1.0, 0.001, "DXYDTB")  # fmt: skip
    html = render_html(result, info, db, standard, now=dt.datetime(2025, 7, 1, 9, 0))
    assert "<title>上图入库成果质检报告</title>" in html and "2025-07-01 09:00:00" in html
    assert "质检结论：不通过" in html and _tbbh(1) in html and _tbbh(2) in html
    for rule in RULES:
        assert f"<td>{rule.id}</td>" in html
    assert "lowland_db_v1 (v1)" in html and "default 1.2.0" in html
    assert "<b>宁夏" not in html  # values are escaped


# --------------------------------------------------------------------------- shapefile


@pytest.mark.parametrize("qgis_global", [None, ""], ids=["gdal-default", "as-in-qgis"])
def test_gbk_round_trip_of_chinese_attributes_through_shapefile(standard, tmp_path, qgis_global):
    frame = identified(3)
    frame["owner"] = [
        "宁夏银川贺兰乳业股份有限公司",
        "银川市金凤区良田镇集体经济组织",
        "宁夏·华夏（电缆）有限公司",
    ]
    frame["review_note"] = [None, "经现场核查，厂房已停用两年。", None]
    db = database(standard, frame)
    assert run_qc(db, standard, survey(), encoding="GBK").passed
    path = tmp_path / "dxyd.shp"
    fields = [(f.name, f.type, f.width, f.precision) for f in standard.fields]
    with shape_encoding(qgis_global):  # QGIS sets SHAPE_ENCODING="": must not matter
        write_shapefile(db, str(path), fields, "GBK")
    assert (tmp_path / "dxyd.cpg").read_text() == "GBK"
    raw = (tmp_path / "dxyd.dbf").read_bytes()
    assert "银川市金凤区良田镇集体经济组织".encode("gbk") in raw
    assert "银川市金凤区良田镇集体经济组织".encode() not in raw
    # read back through GDAL: with the encoding given, and from the .cpg
    for options, config in ((["ENCODING=GBK"], ""), ([], None)):
        with shape_encoding(config):
            ds = gdal.OpenEx(str(path), gdal.OF_VECTOR, open_options=options)
            layer = ds.GetLayer(0)
            defn = layer.GetLayerDefn()
            back = {f.GetField("ZDDM"): f for f in layer}
        names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
        assert names == standard.names and max(len(n) for n in names) <= 10
        for row in db.itertuples():
            assert back[row.ZDDM].GetField("QLR") == row.QLR
            assert back[row.ZDDM].GetField("SFDX") == "是"
            assert back[row.ZDDM].GetField("HCYJ") == row.HCYJ
            assert back[row.ZDDM].GetField("RDYJ") == row.RDYJ
            assert back[row.ZDDM].GetField("MJ") == row.MJ
        widths = {defn.GetFieldDefn(i).GetName(): defn.GetFieldDefn(i).GetWidth() for i in range(defn.GetFieldCount())}  # fmt: skip
        assert widths["QLR"] == 100 and widths["TBBH"] == 12 and widths["RDYJ"] == 254
        del back, layer, ds
    again = read_back(path)
    assert again["QLR"].tolist() == db["QLR"].tolist()
    assert run_qc(again, standard, survey(), encoding="GBK").passed


def test_shapefile_refuses_long_field_names(tmp_path):
    frame = identified(1)
    with pytest.raises(LowlandInputError, match="TOOLONGNAME"):
        write_shapefile(frame, str(tmp_path / "x.shp"), [("TOOLONGNAME", "string", 10, 0)])


# --------------------------------------------------------------------------- Processing


SAMPLE_WARNINGS = {("sandiao_non_construction", "P0038")}  # 49.84 % of it is 0102 水浇地


def run_export(**params):
    import processing

    defaults = {
        "ADMIN_CODE": ADMIN,
        "ERRORS": "TEMPORARY_OUTPUT",
        "EXPORT_DATE": "2025-06-30",
    }
    return processing.run("lowland:exportdatabase", {**defaults, **params})


def by_parcel(layer, severity=None) -> set[tuple[str, str]]:
    return {
        (f["rule"], f["parcel_id"])
        for f in layer.getFeatures()
        if severity is None or f["severity"] == severity
    }


@pytest.fixture(scope="module")
def sample_identified(lowland_provider, sample_gpkg, tmp_path_factory) -> Path:
    import processing

    out = tmp_path_factory.mktemp("export") / "identified.gpkg"
    g = str(sample_gpkg)
    processing.run(
        "lowland:identifyparcels",
        {
            "PARCELS": f"{g}|layername=parcels",
            "BUILDINGS": f"{g}|layername=buildings",
            "LANDSURVEY": f"{g}|layername=landsurvey",
            "REFERENCE_DATE": "2025-06-30",
            "OUTPUT": str(out),
        },
    )
    return out


@pytest.mark.parametrize(("fmt", "encoding", "name"), [(0, 0, "db.gpkg"), (1, 1, "db.shp")])
def test_sample_district_exports_and_passes_its_own_qc(
    lowland_provider, sample_gpkg, sample_identified, tmp_path, standard, fmt, encoding, name
):
    survey_uri = f"{sample_gpkg}|layername=landsurvey"
    result = run_export(
        PARCELS=str(sample_identified),
        LANDSURVEY=survey_uri,
        FORMAT=fmt,
        ENCODING=encoding,
        OUTPUT=str(tmp_path / name),
        REPORT=str(tmp_path / "report.html"),
    )
    assert result["QC_PASSED"] is True and result["ERROR_COUNT"] == 0
    assert result["WARNING_COUNT"] == 1
    assert by_parcel(result["ERRORS"]) == SAMPLE_WARNINGS
    assert result["OUTPUT"] == str(tmp_path / name)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "质检结论：通过" in html and "上图入库成果质检报告" in html
    # the written database, read back, passes the same QC
    db = read_back(result["OUTPUT"])
    identified_lowland = read_ogr_layer(str(sample_identified))
    lowland_ids = identified_lowland.loc[identified_lowland["verdict"] == "lowland", "parcel_id"]
    # 92: issue 16 excludes sample P0053 (no development 2 years after its 2020 contract) as
    # suspected 闲置 (Y-1 / 《闲置土地处置办法》第二条) instead of counting it 低效
    assert sorted(db["ZDDM"]) == sorted(lowland_ids) and len(db) == 92
    assert db["TBBH"].is_unique and db["TBBH"].str.fullmatch(r"640106\d{6}").all()
    owners = identified_lowland.set_index("parcel_id")["owner"]
    assert db["QLR"].tolist() == owners.loc[db["ZDDM"]].tolist()  # Chinese text intact
    survey_layer = read_ogr_layer(str(sample_gpkg), "landsurvey")
    back = run_qc(db, standard, survey_layer, encoding="GBK" if fmt else "UTF-8")
    assert back.error_count == 0 and found(back, "warning") == {
        ("sandiao_non_construction", db.loc[db["ZDDM"] == "P0038", "TBBH"].iloc[0])
    }
    if fmt == 1:
        assert (tmp_path / "db.cpg").read_text() == "GBK"
        assert not list(tmp_path.glob("*partial*"))
    else:
        from qgis.core import QgsVectorLayer

        layer = QgsVectorLayer(f"{result['OUTPUT']}|layername=DXYDTB", "db", "ogr")
        assert layer.isValid()
        fields = layer.fields()
        assert fields.field("SFDX").alias() == "是否低效"  # aliases kept as default style
        assert fields.field("MJM").alias() == "面积(亩)"


def _inject_defects(source: Path, sample_gpkg: Path, folder: Path) -> tuple[Path, Path]:
    """A copy of the identification output and of the 三调 layer with six defects."""
    parcels = read_ogr_layer(str(source)).reset_index(drop=True)
    crs = parcels.crs
    pos = {pid: i for i, pid in enumerate(parcels["parcel_id"])}

    def reareas(i):
        g = np.array([parcels.geometry[i]], dtype=object)
        parcels.loc[i, "area_m2"] = round(float(shapely.area(g)[0]), 2)
        parcels.loc[i, "ellipsoid_area_m2"] = round(float(ellipsoidal_area(g, crs)[0]), 2)

    # 1. a self-intersecting polygon (its stored areas left as they were)
    minx, miny, maxx, maxy = parcels.geometry[pos["P0024"]].bounds
    bowtie = Polygon([(minx, miny), (maxx, maxy), (maxx, miny), (minx, maxy)])
    parcels.loc[pos["P0024"], "geometry"] = MultiPolygon([bowtie])
    # 2. an unknown 现状地类 code
    parcels.loc[pos["P0030"], "current_dlbm"] = "9999"
    # 3. a sliver: a 0.5 × 0.5 m corner of P0003 made a parcel of its own
    a = pos["P0003"]
    minx, miny, _, _ = parcels.geometry[a].bounds
    corner = box(minx, miny, minx + 0.5, miny + 0.5)
    parcels.loc[a, "geometry"] = MultiPolygon([parcels.geometry[a].difference(corner)])
    reareas(a)
    sliver = parcels.iloc[[a]].copy()
    sliver["parcel_id"] = "P9001"
    sliver["geometry"] = [MultiPolygon([corner])]
    # 4. an overlap: P0039 reaches 3 m into its neighbour P0040
    b, c = pos["P0039"], pos["P0040"]
    strip = parcels.geometry[c].intersection(
        parcels.geometry[b].buffer(3, join_style=2, cap_style=3)
    )
    parcels.loc[b, "geometry"] = MultiPolygon([shapely.union_all([parcels.geometry[b], strip])])
    reareas(b)
    # 5. a duplicated parcel
    twice = parcels.iloc[[pos["P0015"]]].copy()
    parcels = pd.concat([parcels, sliver, twice], ignore_index=True)
    parcels = with_areas_row(parcels, len(parcels) - 2, crs)
    out_parcels = folder / "identified_defects.gpkg"
    write_ogr_layer(gpd.GeoDataFrame(parcels, crs=crs), str(out_parcels), "identified")
    # 6. a gap in the 三调 layer under P0047 (10 × 10 m: 0.9 % of it)
    layer = read_ogr_layer(str(sample_gpkg), "landsurvey").reset_index(drop=True)
    centre = parcels.geometry[pos["P0047"]].representative_point()
    hole = box(centre.x - 5, centre.y - 5, centre.x + 5, centre.y + 5)
    k = int(np.flatnonzero(shapely.contains(np.asarray(layer.geometry.values), hole))[0])
    layer.loc[k, "geometry"] = layer.geometry[k].difference(hole)
    out_survey = folder / "landsurvey_gap.gpkg"
    write_ogr_layer(layer, str(out_survey), "landsurvey")
    return out_parcels, out_survey


def with_areas_row(frame, i, crs):
    g = np.array([frame.geometry[i]], dtype=object)
    frame.loc[i, "area_m2"] = round(float(shapely.area(g)[0]), 2)
    frame.loc[i, "ellipsoid_area_m2"] = round(float(ellipsoidal_area(g, crs)[0]), 2)
    return frame


INJECTED = {
    ("invalid_geometry", "P0024"),
    ("domain", "P0030"),
    ("sliver", "P9001"),
    ("overlap", "P0039"),
    ("duplicate_id", "P0015"),
    ("sandiao_area", "P0047"),
}


@pytest.mark.parametrize(("fmt", "encoding"), [(0, 0), (1, 1)])
def test_sample_copy_with_injected_defects_fails_listing_exactly_them(
    lowland_provider, sample_gpkg, sample_identified, tmp_path, fmt, encoding
):
    parcels, landsurvey = _inject_defects(sample_identified, sample_gpkg, tmp_path)
    report = tmp_path / "report.html"
    result = run_export(
        PARCELS=str(parcels),
        LANDSURVEY=str(landsurvey),
        FORMAT=fmt,
        ENCODING=encoding,
        OUTPUT=str(tmp_path / ("db.gpkg", "db.shp")[fmt]),
        REPORT=str(report),
    )
    assert result["QC_PASSED"] is False
    assert result["ERROR_COUNT"] == len(INJECTED) and result["WARNING_COUNT"] == 1
    assert by_parcel(result["ERRORS"], "error") == INJECTED
    assert by_parcel(result["ERRORS"], "warning") == SAMPLE_WARNINGS
    errors = {f["rule"]: f for f in result["ERRORS"].getFeatures()}
    assert errors["overlap"]["message"].startswith("与第")
    overlap_related = errors["overlap"]["related_id"]
    db = read_back(result["OUTPUT"])  # written anyway, next to its failed report
    assert db.set_index("TBBH").loc[overlap_related, "ZDDM"] == "P0040"
    assert not errors["overlap"].geometry().isEmpty()
    assert errors["duplicate_id"]["related_id"] != errors["duplicate_id"]["feature_id"]
    html = report.read_text(encoding="utf-8")
    assert "质检结论：不通过" in html
    for rule, parcel in INJECTED:
        assert rule in html and parcel in html


def test_fail_on_errors_makes_the_run_fail(
    lowland_provider, sample_gpkg, sample_identified, tmp_path
):
    from qgis.core import QgsProcessingException

    parcels, landsurvey = _inject_defects(sample_identified, sample_gpkg, tmp_path)
    with pytest.raises(QgsProcessingException, match="质检不通过"):
        run_export(
            PARCELS=str(parcels),
            LANDSURVEY=str(landsurvey),
            OUTPUT=str(tmp_path / "db.gpkg"),
            REPORT=str(tmp_path / "report.html"),
            FAIL_ON_ERRORS=True,
        )
    assert (tmp_path / "report.html").exists()


def test_shapefile_is_not_written_when_values_do_not_fit(
    lowland_provider, sample_identified, tmp_path
):
    parcels = read_ogr_layer(str(sample_identified)).reset_index(drop=True)
    i = int(np.flatnonzero(parcels["parcel_id"] == "P0015")[0])
    parcels.loc[i, "owner"] = "宁夏" * 60  # 240 bytes in GBK > 100
    copy = tmp_path / "identified_long.gpkg"
    write_ogr_layer(parcels, str(copy), "identified")
    result = run_export(
        PARCELS=str(copy),
        FORMAT=1,
        ENCODING=1,
        OUTPUT=str(tmp_path / "db.shp"),
        REPORT=str(tmp_path / "r.html"),
    )
    assert result["QC_PASSED"] is False and "OUTPUT" not in result
    assert by_parcel(result["ERRORS"], "error") == {("field_width", "P0015")}
    assert not list(tmp_path.glob("db.*"))  # nothing truncated, nothing half-written
    assert "未写出" in (tmp_path / "r.html").read_text(encoding="utf-8")
    gpkg = run_export(PARCELS=str(copy), OUTPUT=str(tmp_path / "db.gpkg"),
                      REPORT=str(tmp_path / "r2.html"))  # fmt: skip
    assert read_ogr_layer(gpkg["OUTPUT"]).set_index("ZDDM").loc["P0015", "QLR"] == "宁夏" * 60


def test_bad_inputs_are_refused_with_clear_messages(
    lowland_provider, sample_gpkg, sample_identified, tmp_path
):
    from qgis.core import QgsProcessingException

    common = {"OUTPUT": str(tmp_path / "db.gpkg"), "REPORT": str(tmp_path / "r.html")}
    with pytest.raises(QgsProcessingException) as err:  # raw parcels: no identification
        run_export(PARCELS=f"{sample_gpkg}|layername=parcels", **common)
    assert "verdict" in str(err.value) and "current_dlbm" in str(err.value)
    with pytest.raises(QgsProcessingException, match="admin_code"):
        run_export(PARCELS=str(sample_identified), ADMIN_CODE="", **common)
    with pytest.raises(QgsProcessingException, match="6"):
        run_export(PARCELS=str(sample_identified), ADMIN_CODE="6401", **common)
    with pytest.raises(QgsProcessingException, match="覆盖"):
        run_export(
            PARCELS=str(sample_identified),
            OUTPUT=str(sample_identified),
            REPORT=str(tmp_path / "r.html"),
        )
    geographic = read_ogr_layer(str(sample_identified)).to_crs("EPSG:4490")
    path = tmp_path / "geographic.gpkg"
    write_ogr_layer(geographic, str(path), "identified")
    with pytest.raises(QgsProcessingException, match="4544"):
        run_export(PARCELS=str(path), **common)


def test_output_extension_follows_the_format(lowland_provider, sample_identified, tmp_path):
    result = run_export(
        PARCELS=str(sample_identified),
        FORMAT=1,
        OUTPUT=str(tmp_path / "db.gpkg"),
        REPORT=str(tmp_path / "r.html"),
    )
    assert result["OUTPUT"] == str(tmp_path / "db.shp")
    assert (tmp_path / "db.cpg").read_text() == "UTF-8"
    assert os.path.exists(result["OUTPUT"]) and not (tmp_path / "db.gpkg").exists()
    ds = ogr.Open(result["OUTPUT"])
    assert ds.GetLayer(0).GetFeatureCount() == 92  # P0053 suspected 闲置 (issue 16, Y-1)
    del ds


QGIS_PROCESS = "/usr/bin/qgis_process.bin"  # the /usr/bin/qgis_process wrapper fails on Debian


@pytest.mark.skipif(not Path(QGIS_PROCESS).exists(), reason="QGIS not installed")
def test_qgis_process_exit_status_says_pass_or_fail(
    lowland_provider, sample_gpkg, sample_identified, tmp_path
):
    import subprocess
    import sysconfig

    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "lowland").symlink_to(Path(__file__).resolve().parents[1])
    env = dict(os.environ)
    env.update(
        HOME=str(tmp_path),
        QGIS_PLUGINPATH=str(plugins),
        QT_QPA_PLATFORM="offscreen",
        PROJ_DATA="/usr/share/proj",
        PYTHONPATH=os.pathsep.join([sysconfig.get_paths()["purelib"], env.get("PYTHONPATH", "")]),
    )

    def qgis_process(*args):
        return subprocess.run(
            [QGIS_PROCESS, *args], env=env, capture_output=True, text=True, timeout=300
        )

    qgis_process("plugins", "enable", "lowland")  # exits 1 when already enabled
    defects, gap = _inject_defects(sample_identified, sample_gpkg, tmp_path)
    for parcels, landsurvey, passed in (
        (sample_identified, f"{sample_gpkg}|layername=landsurvey", True),
        (defects, gap, False),
    ):
        out = qgis_process(
            "--json", "run", "lowland:exportdatabase", "--",
            f"PARCELS={parcels}", f"LANDSURVEY={landsurvey}", f"ADMIN_CODE={ADMIN}",
            "FORMAT=1", "ENCODING=1", "FAIL_ON_ERRORS=true",
            f"OUTPUT={tmp_path / 'db.shp'}", f"ERRORS={tmp_path / 'errors.gpkg'}",
            f"REPORT={tmp_path / 'report.html'}",
        )  # fmt: skip
        assert (out.returncode == 0) is passed, out.stderr
        if passed:
            results = json.loads(out.stdout)["results"]
            assert results["QC_PASSED"] is True and results["ERROR_COUNT"] == 0
        else:
            assert "质检不通过" in out.stdout + out.stderr
        assert "质检结论：" + ("通过" if passed else "不通过") in (
            tmp_path / "report.html"
        ).read_text(encoding="utf-8")


# ----------------------------------------------- Y-2 使用状况, 改造开发潜力, 历史遗留用地


def test_use_state_from_idle_operating_and_buildings(standard):
    # Y-2 使用状况, tested in order: idle → 闲置; no building measured (count 0, FAR
    # known) and not operating → 空置; operating false → 停产; operating true → 在用.
    frame = identified(
        6,
        idle=[True, None, None, None, False, None],
        operating=[True, False, None, True, False, None],
        building_count=[3, 0, 0, 2, 4, 5],
        far=[0.5, 0.0, 0.0, 0.5, 0.5, 0.5],
    )
    db = database(standard, frame).set_index("ZDDM")
    assert db["SYZK"].to_dict() == {
        "P001": "闲置",  # idle wins over operating
        "P002": "空置",  # not operating, no building on it
        "P003": "空置",  # operating unknown, no building on it
        "P004": "在用",
        "P005": "停产",  # buildings, not operating
        "P006": None,  # buildings, operating unknown: not guessed
    }
    # no buildings layer (FAR unknown, count 0): not 空置 but unknown
    frame = identified(1, operating=[None], building_count=[0], far=[np.nan])
    assert database(standard, frame)["SYZK"].tolist() == [None]


def test_redevelopment_potential_is_the_far_headroom_and_unknown_stays_empty(standard):
    # Y-2 改造开发潜力 = max(far_max − far, 0) × area. The parcels are 100 × 100 m = 10000 m².
    frame = identified(4, far=[0.6, 2.5, 0.6, np.nan], far_max=[2.0, 2.0, np.nan, 2.0])
    db = database(standard, frame).set_index("ZDDM")
    assert db.loc["P001", "KFQL"] == pytest.approx((2.0 - 0.6) * 10000.0)  # 14000 m²
    assert db.loc["P001", "GHRJL"] == 2.0
    assert db.loc["P002", "KFQL"] == 0.0  # 2.5 ≥ 2.0: measured, no headroom
    assert np.isnan(db.loc["P003", "KFQL"])  # no planned FAR: unknown, not 0
    assert np.isnan(db.loc["P004", "KFQL"])  # no current FAR: unknown, not 0
    # a parcel layer without far_max at all: every KFQL empty
    assert database(standard)["KFQL"].isna().all()
    # boundary: far exactly far_max → 0; 0.0001 below over 10000 m² → 1 m²
    frame = identified(2, far=[1.2, 1.1999], far_max=[1.2, 1.2])
    assert database(standard, frame)["KFQL"].tolist() == pytest.approx([0.0, 1.0])


def test_legacy_class_and_area_matched_by_parcel_id(standard):
    frame = identified(4)
    legacy = pd.DataFrame(
        {
            "parcel_id": ["P002", "P001", "P003", "P999"],
            "legacy_class": ["regular", "expropriation", None, "undecided"],
        }
    )
    db = database(standard, frame, legacy=legacy).set_index("ZDDM")
    # P001: whole parcel (100 × 100 = 10000 m²) in its one class, 0 in the others
    assert db.loc["P001", "LSYLLB"] == "expropriation"
    assert db.loc["P001", ["LSYLMJ", "CTGLMJ", "ZSBPMJ", "DRDMJ"]].tolist() == [
        10000.0, 0.0, 10000.0, 0.0
    ]  # fmt: skip
    assert db.loc["P002", ["LSYLLB", "CTGLMJ"]].tolist() == ["regular", 10000.0]
    # P003 out of scope (lawful approval: no class), P004 not in LEGACY: all empty
    for pid in ("P003", "P004"):
        assert db.loc[pid, "LSYLLB"] is None and np.isnan(db.loc[pid, "LSYLMJ"])
    assert database(standard, frame, legacy=legacy).attrs["legacy_unmatched"] == 1
    # by 三调 piece: areas as given, LSYLMJ = 7650 + 0 + 2350 = 10000
    legacy = pd.DataFrame(
        {"parcel_id": ["P001"], "legacy_class": ["regular"], "regular_m2": [7650.0],
         "expropriation_m2": [0.0], "undecided_m2": [2350.0]}
    )  # fmt: skip
    row = database(standard, frame, legacy=legacy).set_index("ZDDM").loc["P001"]
    assert row[["LSYLMJ", "CTGLMJ", "ZSBPMJ", "DRDMJ"]].tolist() == [10000.0, 7650.0, 0.0, 2350.0]
    # without LEGACY: empty, never 0
    plain = database(standard, frame)
    assert plain["LSYLLB"].isna().all() and plain["LSYLMJ"].isna().all()
    twice = pd.DataFrame({"parcel_id": ["P001", "P001"], "legacy_class": ["regular"] * 2})
    with pytest.raises(LowlandInputError, match="P001"):
        database(standard, frame, legacy=twice)


def test_qc_rules_on_use_state_potential_and_legacy(standard):
    frame = identified(4, far=[0.6, 0.6, 0.6, 0.0], far_max=[2.0, 2.0, 2.0, 2.0],
                       operating=[True, True, True, False], building_count=[1, 1, 1, 0])  # fmt: skip
    legacy = pd.DataFrame({"parcel_id": ["P001", "P002"], "legacy_class": ["regular"] * 2})
    db = database(standard, frame, legacy=legacy)
    assert run_qc(db, standard).error_count == 0
    bad = db.copy()
    # KFQL = (2.0 − 0.6) × 10000 = 14000.00; the stored inputs' rounding allows
    # (0.00005 + 0.00005) × 10000 + 1.4 × 0.005 + 0.005 = 1.012 m²
    bad.loc[0, "KFQL"] = 14001.01  # 1.01 ≤ 1.012: passes
    bad.loc[1, "KFQL"] = 14001.02  # 1.02 > 1.012: fails
    bad.loc[2, "GHRJL"] = None  # KFQL kept though the planned FAR is unknown
    bad.loc[3, "RJL"] = 0.1  # 空置 with a FAR above 0
    bad.loc[1, "LSYLMJ"] = 9000.0  # ≠ 10000 + 0 + 0
    bad.loc[2, "CTGLMJ"] = 5.0  # an area without a class
    result = run_qc(bad, standard)
    tb = bad["TBBH"].tolist()
    assert found(result) == {
        ("potential", tb[1]), ("potential", tb[2]), ("use_state", tb[3]),
        ("legacy_area", tb[1]), ("legacy_area", tb[2]),
        ("potential", tb[3]),  # RJL 0.1: (2.0 − 0.1) × 10000 = 19000 ≠ 20000 stored
    }  # fmt: skip


def test_sample_export_with_legacy_fills_the_legacy_fields(
    lowland_provider, sample_gpkg, sample_identified, tmp_path, standard
):
    import processing

    legacy = tmp_path / "legacy.gpkg"
    processing.run(
        "lowland:legacyland",
        {
            "PARCELS": f"{sample_gpkg}|layername=parcels",
            "LANDSURVEY": f"{sample_gpkg}|layername=landsurvey",
            "OUTPUT": str(legacy),
            "SUMMARY": "TEMPORARY_OUTPUT",
        },
    )
    result = run_export(
        PARCELS=str(sample_identified),
        LEGACY=str(legacy),
        OUTPUT=str(tmp_path / "db.gpkg"),
        REPORT=str(tmp_path / "report.html"),
    )
    db = read_back(result["OUTPUT"]).set_index("ZDDM")
    classes = read_ogr_layer(str(legacy)).set_index("parcel_id")["legacy_class"]
    expected = classes.loc[db.index].where(classes.loc[db.index].notna(), None)
    assert db["LSYLLB"].where(db["LSYLLB"].notna(), None).tolist() == expected.tolist()
    has = db["LSYLLB"].notna()
    assert has.any()  # the sample has unapproved low-efficiency parcels
    # each classed parcel's legacy area is its whole area or its measured pieces
    assert (db.loc[has, "LSYLMJ"] <= db.loc[has, "MJ"] + 0.01).all()
    assert db.loc[~has, "LSYLMJ"].isna().all()
    assert result["ERROR_COUNT"] == 0
