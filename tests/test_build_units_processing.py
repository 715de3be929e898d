"""``lowland:buildunits`` through Processing and ``qgis_process``: parameters, outputs,
aliases, errors, cancel — on a 2 × 2 grid of 100 m blocks with 20 m roads."""

from __future__ import annotations

import json
import subprocess

import geopandas as gpd
import pytest
from shapely.geometry import box

from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer, write_ogr_layer

CRS = "EPSG:4544"
QGIS_PROCESS = "/usr/bin/qgis_process.bin"


def grid_layers() -> dict[str, gpd.GeoDataFrame]:
    """JF001 (NW) JF002 (NE) / JF003 (SW) JF004 (SE); one parcel per block half."""
    blocks = gpd.GeoDataFrame(
        {"block_id": ["JF001", "JF002", "JF003", "JF004"]},
        geometry=[
            box(0, 120, 100, 220),
            box(120, 120, 220, 220),
            box(0, 0, 100, 100),
            box(120, 0, 220, 100),
        ],
        crs=CRS,
    )
    rows = []
    for bid, geom in zip(blocks["block_id"], blocks.geometry, strict=True):
        x0, y0 = geom.bounds[:2]
        rows.append(
            (f"{bid}-W", bid, "lowland", "industrial", 1000.0, box(x0, y0, x0 + 50, y0 + 100))
        )
        rows.append(
            (f"{bid}-E", bid, "not_lowland", None, 2000.0, box(x0 + 50, y0, x0 + 100, y0 + 100))
        )
    parcels = gpd.GeoDataFrame(
        {
            "parcel_id": [r[0] for r in rows],
            "block_id": [r[1] for r in rows],
            "verdict": [r[2] for r in rows],
            "lowland_type": [r[3] for r in rows],
            "gfa": [r[4] for r in rows],
            "area_m2": [5000.0] * len(rows),
        },
        geometry=[r[5] for r in rows],
        crs=CRS,
    )
    plan = gpd.GeoDataFrame(
        {"plan_id": ["K1", "K2"], "plan_code": ["0804", "0701"], "far_max": [1.0, 2.5]},
        geometry=[box(0, 120, 50, 220), box(50, 120, 100, 220)],
        crs=CRS,
    )
    units = gpd.GeoDataFrame(
        {"unit_id": ["U1", "U2"], "unit_name": ["北", "半"], "phase": ["near", None]},
        geometry=[box(-10, 110, 230, 230), box(120, 0, 170, 100)],  # U2 covers half of JF004
        crs=CRS,
    )
    plan_units = gpd.GeoDataFrame(
        {"DYBH": ["KG1", "KG2"]},
        geometry=[box(-10, 110, 230, 230), box(-10, -10, 230, 110)],
        crs=CRS,
    )
    return {
        "blocks": blocks,
        "parcels": parcels,
        "plan": plan,
        "units": units,
        "plan_units": plan_units,
    }


#: The grid is drawn near the origin and written at 银川 in EPSG:4544: coordinates outside
#: a CRS's area of use are refused (issue 21 item 11).
YINCHUAN = (607_000.0, 4_262_000.0)


def at_yinchuan(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    return gdf.set_geometry(gdf.geometry.translate(*YINCHUAN))


@pytest.fixture(scope="module")
def grid_gpkg(tmp_path_factory):
    path = tmp_path_factory.mktemp("units") / "grid.gpkg"
    layers = {name: at_yinchuan(gdf) for name, gdf in grid_layers().items()}
    for name, gdf in layers.items():
        write_ogr_layer(gdf, str(path), name)
    write_ogr_layer(layers["blocks"].to_crs("EPSG:4490"), str(path), "blocks_geographic")
    write_ogr_layer(layers["blocks"].drop(columns="block_id"), str(path), "blocks_noid")
    return path


def layer(path, name):
    return f"{path}|layername={name}"


def features(qgs_layer, key="unit_id"):
    return {f[key]: f for f in qgs_layer.getFeatures()}


def test_buildunits_drawn_units(lowland_provider, grid_gpkg, tmp_path):
    from qgis.core import QgsVectorLayer

    import processing

    res = processing.run(
        "lowland:buildunits",
        {
            "BLOCKS": layer(grid_gpkg, "blocks"),
            "PARCELS": layer(grid_gpkg, "parcels"),
            "PLAN": layer(grid_gpkg, "plan"),
            "MODE": 0,
            "UNITS": layer(grid_gpkg, "units"),
            "SNAP_TOLERANCE": 5.0,
            "OUTPUT": str(tmp_path / "units.gpkg"),
            "BLOCKS_OUTPUT": "TEMPORARY_OUTPUT",
            "PARCELS_OUTPUT": "TEMPORARY_OUTPUT",
            "CONFLICTS": "TEMPORARY_OUTPUT",
        },
    )
    out = QgsVectorLayer(res["OUTPUT"], "units", "ogr")
    units = features(out)
    assert list(units) == ["U1"]  # U2 covers no whole block
    u1 = units["U1"]
    assert json.loads(u1["block_ids"]) == ["JF001", "JF002"]
    assert (u1["area_m2"], u1["parcel_count"], u1["lowland_count"]) == (20000.0, 4, 2)
    assert (u1["lowland_area_m2"], u1["lowland_share"], u1["lowland_industrial_m2"]) == (
        10000.0,
        0.5,
        10000.0,
    )
    assert u1["gfa_existing"] == 6000.0
    assert u1["gfa_capacity"] == 1.0 * 5000 + 2.5 * 5000
    assert json.loads(u1["facilities"]) == {"education": 5000.0}
    assert u1["phase"] == "near" and u1["source"] == "drawn"
    assert u1["scattered_count"] == 0  # 5000 m² parcels are above 5 亩
    blocks = features(res["BLOCKS_OUTPUT"], "block_id")
    from qgis.core import NULL

    assert blocks["JF001"]["unit_id"] == "U1" and blocks["JF004"]["unit_id"] in (None, NULL)
    parcels = features(res["PARCELS_OUTPUT"], "parcel_id")
    assert len(parcels) == 8 and parcels["JF002-E"]["unit_id"] == "U1"
    conflicts = sorted((f["conflict"], f["unit_id"]) for f in res["CONFLICTS"].getFeatures())
    assert conflicts == [("block_partly_covered", "U2"), ("unit_without_blocks", "U2")]
    from lowland_under_test.lowland_plugin.i18n import language

    expected = {"zh": "低效用地占比", "en": "Low-efficiency share"}[language()]
    assert out.attributeAlias(out.fields().indexOf("lowland_share")) == expected


def test_buildunits_plan_units_and_auto(lowland_provider, grid_gpkg):
    import processing

    common = {
        "BLOCKS": layer(grid_gpkg, "blocks"),
        "PARCELS": layer(grid_gpkg, "parcels"),
        "OUTPUT": "TEMPORARY_OUTPUT",
    }
    res = processing.run(
        "lowland:buildunits",
        common
        | {"MODE": 1, "PLAN_UNITS": layer(grid_gpkg, "plan_units"), "PLAN_UNIT_ID_FIELD": "DYBH"},
    )
    units = features(res["OUTPUT"])
    assert json.loads(units["KG1"]["block_ids"]) == ["JF001", "JF002"]
    assert json.loads(units["KG2"]["block_ids"]) == ["JF003", "JF004"]
    # auto: every block has share 0.5; target 2 ha → two units of two blocks, north first
    res = processing.run(
        "lowland:buildunits",
        common
        | {"MODE": 2, "TARGET_AREA": 2.0, "MIN_LOWLAND_SHARE": 0.5, "ADJACENCY_DISTANCE": 25.0},
    )
    units = features(res["OUTPUT"])
    assert json.loads(units["DY01"]["block_ids"]) == ["JF001", "JF002"]
    assert json.loads(units["DY02"]["block_ids"]) == ["JF003", "JF004"]
    assert units["DY01"]["source"] == "auto"


@pytest.mark.parametrize(
    "params, message",
    [
        ({"MODE": 0}, "UNITS"),
        ({"MODE": 1}, "PLAN_UNITS"),
        ({"MODE": 1, "PLAN_UNITS": "plan_units"}, "unit_id"),  # no id field given, no unit_id
        ({"MODE": 2, "BLOCKS": "blocks_noid"}, "block_id"),
        ({"MODE": 2, "BLOCKS": "blocks_geographic"}, "EPSG:45"),
    ],
)
def test_buildunits_errors(lowland_provider, grid_gpkg, params, message):
    from qgis.core import QgsProcessingException

    import processing

    full = {"BLOCKS": "blocks", "PARCELS": "parcels", "OUTPUT": "TEMPORARY_OUTPUT"} | params
    full = {
        k: layer(grid_gpkg, v) if k in ("BLOCKS", "PARCELS", "PLAN_UNITS") else v
        for k, v in full.items()
    }
    with pytest.raises(QgsProcessingException, match=message):
        processing.run("lowland:buildunits", full)


def test_buildunits_cancelled_leaves_no_output(lowland_provider, grid_gpkg, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    import processing

    feedback = QgsProcessingFeedback()
    feedback.cancel()
    dest = tmp_path / "units.gpkg"
    with pytest.raises(QgsProcessingException):
        processing.run(
            "lowland:buildunits",
            {
                "BLOCKS": layer(grid_gpkg, "blocks"),
                "PARCELS": layer(grid_gpkg, "parcels"),
                "MODE": 2,
                "OUTPUT": str(dest),
            },
            feedback=feedback,
        )
    assert not dest.exists()


def test_buildunits_is_in_the_provider_and_menu(lowland_provider):
    from lowland_under_test.lowland_plugin.plugin import MENU_ALGORITHMS
    from lowland_under_test.processing.provider import ALGORITHMS

    names = [cls().name() for cls in ALGORITHMS]
    assert "buildunits" in names and "lowland:buildunits" in MENU_ALGORITHMS
    alg = lowland_provider.algorithm("buildunits")
    assert "（三）" in alg.shortHelpString() and "（七）" in alg.shortHelpString()


def test_buildunits_in_qgis_process(qgis_env, grid_gpkg, tmp_path):
    dest, conflicts = tmp_path / "units.gpkg", tmp_path / "conflicts.gpkg"
    out = subprocess.run(
        [
            QGIS_PROCESS,
            "run",
            "lowland:buildunits",
            "--json",
            "--",
            f"BLOCKS={layer(grid_gpkg, 'blocks')}",
            f"PARCELS={layer(grid_gpkg, 'parcels')}",
            f"PLAN={layer(grid_gpkg, 'plan')}",
            "MODE=0",
            f"UNITS={layer(grid_gpkg, 'units')}",
            f"OUTPUT={dest}",
            f"CONFLICTS={conflicts}",
        ],
        env=qgis_env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    units = read_ogr_layer(str(dest)).set_index("unit_id")
    assert list(units.index) == ["U1"]
    assert units.loc["U1", "gfa_capacity"] == 17500.0
    assert units.loc["U1", "lowland_share"] == 0.5
    assert len(read_ogr_layer(str(conflicts))) == 2
    # aliases and the units style are stored as the GeoPackage's default style
    from osgeo import ogr

    ds = ogr.Open(str(dest))
    styles = ds.GetLayerByName("layer_styles")
    qml = next(iter(styles)).GetField("styleQML")
    assert 'fieldName="unit_id"' in qml and "phase" in qml


# ============================================================== sample district


def _root():
    from pathlib import Path

    return Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def sample_run(lowland_provider, sample_gpkg, tmp_path_factory):
    """The sample identified (default profile) and blocks made from the 控规 parcels
    (plan_id LTnn-mm: the plan parcels tile each block between the road reserves)."""
    import processing

    folder = tmp_path_factory.mktemp("sample_units")
    identified = folder / "identified.gpkg"
    processing.run(
        "lowland:identifyparcels",
        {
            "PARCELS": f"{sample_gpkg}|layername=parcels",
            "BUILDINGS": f"{sample_gpkg}|layername=buildings",
            "LANDSURVEY": f"{sample_gpkg}|layername=landsurvey",
            "PROFILE": "default",
            "REFERENCE_DATE": "2025-06-30",
            "OUTPUT": str(identified),
        },
    )
    plan = read_ogr_layer(str(sample_gpkg), "plan")
    plan["block_id"] = plan["plan_id"].str[:4]
    blocks = plan.dissolve(by="block_id", as_index=False)[["block_id", "geometry"]]
    write_ogr_layer(blocks, str(folder / "blocks.gpkg"), "blocks")
    return {
        "identified": str(identified),
        "blocks": f"{folder / 'blocks.gpkg'}|layername=blocks",
        "plan": f"{sample_gpkg}|layername=plan",
        "units": f"{_root() / 'resources' / 'sample' / 'sample_units.gpkg'}|layername=units",
        "plan_units": (
            f"{_root() / 'resources' / 'sample' / 'sample_units.gpkg'}|layername=plan_units"
        ),
    }


def test_sample_drawn_units(sample_run):
    import processing

    res = processing.run(
        "lowland:buildunits",
        {
            "BLOCKS": sample_run["blocks"],
            "PARCELS": sample_run["identified"],
            "PLAN": sample_run["plan"],
            "MODE": 0,
            "UNITS": sample_run["units"],
            "OUTPUT": "TEMPORARY_OUTPUT",
            "PARCELS_OUTPUT": "TEMPORARY_OUTPUT",
            "CONFLICTS": "TEMPORARY_OUTPUT",
        },
    )
    units = features(res["OUTPUT"])
    assert {u: json.loads(f["block_ids"]) for u, f in units.items()} == {
        "DY01": ["LT01", "LT02"],
        "DY02": ["LT04", "LT05"],
        "DY03": ["LT08", "LT09"],
        "DY04": ["LT11", "LT12"],
    }
    # DY01: LT01 337 × 343 m and LT02 335 × 343 m, both 一类工业 at FAR 2.0
    assert units["DY01"]["area_m2"] == 230496.0
    assert units["DY01"]["gfa_capacity"] == (115591 + 114905) * 2.0
    # DY02: LT04-01 343 × 171 (FAR 2), LT04-02 343 × 172 (3), 0804 281 × 171 (1.2), 0806 281 × 172 (1.8)
    assert units["DY02"]["gfa_capacity"] == 438952.8
    assert json.loads(units["DY02"]["facilities"]) == {"education": 48051.0, "health": 48332.0}
    assert units["DY01"]["phase"] == "near" and units["DY03"]["unit_name"] == "中部商住更新单元"
    assert res["CONFLICTS"].featureCount() == 0
    # every parcel accounted for; a unit's counts are its parcels'
    parcels = list(res["PARCELS_OUTPUT"].getFeatures())
    assert len(parcels) == 437
    for uid, unit in units.items():
        mine = [p for p in parcels if p["unit_id"] == uid]
        low = [p for p in mine if p["verdict"] == "lowland"]
        assert unit["parcel_count"] == len(mine) > 0
        assert unit["lowland_count"] == len(low)
        assert unit["lowland_area_m2"] == pytest.approx(sum(p["area_m2"] for p in low), abs=0.01)
    assert units["DY01"]["lowland_count"] > 0  # the industrial south-west has 低效 land


def test_sample_plan_units(sample_run):
    import processing

    res = processing.run(
        "lowland:buildunits",
        {
            "BLOCKS": sample_run["blocks"],
            "PARCELS": sample_run["identified"],
            "MODE": 1,
            "PLAN_UNITS": sample_run["plan_units"],
            "PLAN_UNIT_ID_FIELD": "kgdy_id",
            "OUTPUT": "TEMPORARY_OUTPUT",
            "BLOCKS_OUTPUT": "TEMPORARY_OUTPUT",
            "CONFLICTS": "TEMPORARY_OUTPUT",
        },
    )
    units = features(res["OUTPUT"])
    assert json.loads(units["YC-JF-01"]["block_ids"]) == ["LT01", "LT02"]
    assert json.loads(units["YC-JF-02"]["block_ids"]) == ["LT03", "LT04", "LT05"]
    assert units["YC-JF-03"]["block_count"] == 12
    assert units["YC-JF-01"]["unit_name"] == "金凤工业控规单元"
    assert res["CONFLICTS"].featureCount() == 0
    assert all(f["unit_id"] for f in res["BLOCKS_OUTPUT"].getFeatures())


def test_sample_chain_delineateblocks_to_buildunits(lowland_provider, sample_gpkg, sample_run):
    """Roads → blocks → units: the drawn sample units pick the same blocks as above."""
    import processing

    if lowland_provider.algorithm("delineateblocks") is None:
        pytest.skip("lowland:delineateblocks is not registered yet")
    blocks = processing.run(
        "lowland:delineateblocks",
        {
            "ROADS": f"{sample_gpkg}|layername=roads",
            "BOUNDARY": f"{sample_gpkg}|layername=boundary",
            "PARCELS": sample_run["identified"],
            "OUTPUT": "TEMPORARY_OUTPUT",
            "PARCELS_OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    res = processing.run(
        "lowland:buildunits",
        {
            "BLOCKS": blocks["OUTPUT"],
            "PARCELS": blocks["PARCELS_OUTPUT"],
            "PLAN": sample_run["plan"],
            "MODE": 0,
            "UNITS": sample_run["units"],
            "OUTPUT": "TEMPORARY_OUTPUT",
            "CONFLICTS": "TEMPORARY_OUTPUT",
        },
    )
    units = features(res["OUTPUT"])
    assert sorted(units) == ["DY01", "DY02", "DY03", "DY04"]
    assert [units[u]["block_count"] for u in sorted(units)] == [2, 2, 2, 2]
    assert units["DY01"]["area_m2"] == pytest.approx(230496.0, rel=1e-3)
    assert units["DY02"]["area_m2"] == pytest.approx(214032.0, rel=1e-3)
    assert units["DY01"]["gfa_capacity"] == pytest.approx(460992.0, rel=1e-3)
    assert res["CONFLICTS"].featureCount() == 0


def test_no_unit_formed_gives_empty_polygon_outputs(lowland_provider, grid_gpkg, tmp_path):
    """Nothing reaches the minimum share: the units output is empty but still a polygon
    layer (memory and GeoPackage), and the run says so."""
    from qgis.core import QgsVectorLayer, QgsWkbTypes

    import processing

    for dest in ("TEMPORARY_OUTPUT", str(tmp_path / "none.gpkg")):
        res = processing.run(
            "lowland:buildunits",
            {
                "BLOCKS": layer(grid_gpkg, "blocks"),
                "PARCELS": layer(grid_gpkg, "parcels"),
                "MODE": 2,
                "MIN_LOWLAND_SHARE": 0.9,
                "OUTPUT": dest,
            },
        )
        out = res["OUTPUT"]
        out = out if isinstance(out, QgsVectorLayer) else QgsVectorLayer(out, "u", "ogr")
        assert out.featureCount() == 0
        assert QgsWkbTypes.geometryType(out.wkbType()) == QgsWkbTypes.PolygonGeometry
        assert "lowland_share" in out.fields().names()
