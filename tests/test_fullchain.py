"""The whole chain (model ``lowland:fullchain``) on the sample district through
``qgis_process``: every output exists and the outputs agree with each other."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import shapely

from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer
from lowland_under_test.scripts import demo

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample"
QGIS_PROCESS = "/usr/bin/qgis_process.bin"


# the chain's arguments are the demo's own (scripts/demo.py; scripts/: a namespace package)
LAYER_OUTPUTS = demo.LAYER_OUTPUTS
chain_arguments = demo.chain_arguments


@pytest.fixture(scope="module")
def chain(qgis_env, tmp_path_factory):
    out = tmp_path_factory.mktemp("fullchain")
    proc = subprocess.run(
        [QGIS_PROCESS, "run", "lowland:fullchain", "--json", "--", *chain_arguments(out)],
        env=qgis_env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    results = json.loads(proc.stdout[proc.stdout.index("{") :])["results"]
    return out, results


def test_every_output_exists(chain):
    out, results = chain
    for key, name in LAYER_OUTPUTS.items():
        assert Path(results[key]).resolve() == (out / name).resolve(), key
        assert (out / name).is_file(), key
    assert (out / "qc_report.html").is_file()
    assert (out / "plans").is_dir()


def test_every_parcel_is_in_every_parcel_output(chain):
    out, _ = chain
    ids = set(read_ogr_layer(str(SAMPLE / "sample_district.gpkg"), "parcels")["parcel_id"])
    assert len(ids) == 437
    names = ("parcel_indicators", "identified_parcels", "legacy_land")
    for name in (*names, "parcels_in_blocks", "parcels_in_units"):
        frame = read_ogr_layer(str(out / f"{name}.gpkg"))
        assert len(frame) == 437, name
        assert set(frame["parcel_id"]) == ids, name
    # the database holds exactly the low-efficiency parcels of the identification
    identified = read_ogr_layer(str(out / "identified_parcels.gpkg"))
    database = read_ogr_layer(str(out / "database.gpkg"))
    assert len(database) == int((identified["verdict"] == "lowland").sum()) > 0


def test_units_are_their_blocks(chain):
    out, _ = chain
    units = read_ogr_layer(str(out / "units.gpkg"))
    blocks = read_ogr_layer(str(out / "blocks.gpkg"))
    parcels = read_ogr_layer(str(out / "parcels_in_units.gpkg"))
    assert sorted(units["unit_id"]) == ["DY01", "DY02", "DY03", "DY04"]  # the drawn sample units
    by_id = blocks.set_index("block_id")
    claimed: list[str] = []
    for unit in units.itertuples():
        members = json.loads(unit.block_ids)
        claimed += members
        assert unit.block_count == len(members) > 0
        union = shapely.union_all(by_id.loc[members].geometry.values)
        # a unit is the union of its blocks (same area, nothing outside them)
        assert unit.geometry.area == pytest.approx(union.area, rel=1e-9)
        assert unit.area_m2 == pytest.approx(union.area, abs=0.01)
        assert shapely.symmetric_difference(unit.geometry, union).area < 1e-3
        inside = parcels[parcels["unit_id"] == unit.unit_id]
        assert unit.parcel_count == len(inside)
        low = inside[inside["verdict"] == "lowland"]
        assert unit.lowland_area_m2 == pytest.approx(low["area_m2"].sum(), abs=0.05)
    assert len(claimed) == len(set(claimed))  # no block in two units


def test_one_document_set_per_unit(chain):
    out, _ = chain
    units = sorted(read_ogr_layer(str(out / "units.gpkg"))["unit_id"])
    plans = out / "plans"
    for unit_id in units:
        for suffix in ("docx", "html", "pdf"):
            path = plans / f"{unit_id}_实施方案.{suffix}"
            assert path.is_file() and path.stat().st_size > 1000, path
    documents = read_ogr_layer(str(out / "documents.gpkg"))
    listed = documents[documents["format"].isin(["docx", "html", "pdf"])]
    assert sorted(set(listed["unit_id"])) == units
    assert len(listed) == 3 * len(units)
    assert all(Path(p).is_file() for p in documents["path"])
    # nothing half-written is left beside the documents
    assert not [p for p in plans.iterdir() if p.name.startswith(".")]
    # the document's land price equals the landprice check's (same core function)
    landprice = read_ogr_layer(str(out / "check_landprice.gpkg"))
    html = "".join((plans / f"{u}_实施方案.html").read_text(encoding="utf-8") for u in units)
    assert landprice["price_due"].notna().sum() >= 1
    for value in landprice["price_due"].dropna():
        assert f"{value / 10000:,.2f}" in html, value


def test_demo_project_opens_with_the_atlas(chain, qgis_env):
    """scripts/make_demo_project.py over the chain's outputs: a .qgz whose layers open and
    whose layouts hold the review atlas with a page per unit."""
    import sys

    from qgis.core import QgsProject

    out, _ = chain
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_demo_project.py"), str(out)],
        env=qgis_env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    project = QgsProject()
    assert project.read(str(out / "lowland_demo.qgz"))
    layers = {layer.name(): layer for layer in project.mapLayers().values()}
    checks = ["容积率核定", "零星用地核查", "补缴地价核算", "用途转变核定", "混合用地核算"]
    inputs = ["历史遗留用地认定", "再开发项目", "零星用地地块", "功能分区"]  # issue 17 item 3
    main = ["低效用地认定结果", "街坊", "道路", "再开发单元", "建筑"]
    assert sorted(layers) == sorted([*main, *checks, *inputs])
    assert all(layer.isValid() for layer in layers.values())
    assert layers["低效用地认定结果"].featureCount() == 437
    # the checks: in their own group, switched off, each opening with its verdict style
    group = project.layerTreeRoot().findGroup("项目核算")
    assert [node.name() for node in group.findLayers()] == checks
    assert not group.itemVisibilityChecked()
    assert layers["零星用地核查"].renderer().type() == "RuleRenderer"
    assert layers["用途转变核定"].renderer().type() == "categorizedSymbol"
    (layout,) = project.layoutManager().printLayouts()
    atlas = layout.atlas()
    assert atlas.enabled() and atlas.coverageLayer() is layers["再开发单元"]
    assert atlas.updateFeatures() == 4
    # the plan dock's roles, recognised by fields: every generateplan input of the demo,
    # the projects layer not a check output (all checks carry project_id)
    from lowland_under_test.lowland_plugin.gui.plan_inputs import layer_for_role, missing_parts

    expected = {
        "UNITS": "再开发单元",
        "PARCELS": "低效用地认定结果",
        "PROJECTS": "再开发项目",
        "PIECES": "零星用地地块",
        "ZONES": "功能分区",
        "LEGACY": "历史遗留用地认定",
    }
    chosen = {role: layer_for_role(role, layers.values()) for role in expected}
    assert {role: layer.name() for role, layer in chosen.items()} == expected
    assert missing_parts(chosen) == []
    project.clear()
