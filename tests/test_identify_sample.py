"""The sample district through ``lowland:identifyparcels``: verdicts match a table written
by hand from the generator's intent (the docstring of scripts/district/sample.py) and the
default profile's rules."""

from __future__ import annotations

import json

import pytest
from qgis.core import QgsVectorLayer

REFERENCE = "2025-06-30"

#: parcel → (verdict, low-efficiency type or None, the rule that decides, met?)
#: Reasoning, default profile, 三调 layer given, no plan layer:
EXPECTED = {
    # 0601, FAR 1.9 ≥ 1.0 (industry 39, GB/T 4754-2017 = 2002 40 → 1.0 in the 2008 table),
    # coverage 0.48, tax 85: nothing met (and 规上)
    "P0001": ("not_lowland", None, "far_below_min", False),
    # tax 8.0 = exactly 40 % of the industry-30 mean 20.0: "below" is strict
    "P0008": ("not_lowland", None, "tax_below_industry_share", False),
    # 0508, three of four warehouses C/D: 危旧库房 ≥ 50 %
    "P0015": ("lowland", "industrial", "dangerous_buildings", True),
    # 0508, C/D share exactly 0.5: "≥ 50 %" is inclusive
    "P0016": ("lowland", "industrial", "dangerous_buildings", True),
    # 0508 modern, grade A: the industrial FAR minimum does not apply to logistics
    "P0017": ("not_lowland", None, "dangerous_buildings", False),
    # FAR exactly 1.0, industry 34 (2017 通用设备 = 2002 35) whose 2008 minimum is 0.7
    "P0021": ("not_lowland", None, "far_below_min", False),
    # FAR 0.4 < 1.0 but operating 2 years (< 3): exempt
    "P0022": ("not_lowland", None, "young_enterprise", True),
    # FAR 0.5 but 规上企业: exempt
    "P0023": ("not_lowland", None, "above_scale", True),
    # FAR 0.35, tax 1.8, all C/D
    "P0024": ("lowland", "industrial", "dangerous_buildings", True),
    # 停产
    "P0025": ("lowland", "industrial", "stopped_operation", True),
    # industry 26: 2008 minimum 0.6 ≤ FAR 0.75
    "P0026": ("not_lowland", None, "far_below_min", False),
    "P0027": ("not_lowland", None, "dangerous_buildings", False),
    "P0028": ("not_lowland", None, "dangerous_buildings", False),
    "P0029": ("not_lowland", None, "dangerous_buildings", False),
    # C/D share of GFA ≥ 0.6
    "P0030": ("lowland", "industrial", "dangerous_buildings", True),
    # tax 1.0, far below 40 % of the industry-33 mean
    "P0031": ("lowland", "industrial", "tax_below_industry_share", True),
    "P0032": ("excluded", None, "disputed", True),
    # parcel with a hole: FAR 0.39 < 1.0 (industry 15)
    "P0034": ("lowland", "industrial", "far_below_min", True),
    # no building at all: FAR 0 (a buildings layer is given: measured); operating for 11
    # years, so not suspected idle land despite FAR 0 since 2012
    "P0047": ("lowland", "industrial", "far_below_min", True),
    # 05H1 market built 1990-94, FAR 0.6
    "P0050": ("lowland", "commercial_residential", "old_residential_low_far", True),
    # granted 2020-06-18, only a site office: 2 calendar years passed (2022-06-18), FAR < 0.1
    # → suspected 闲置 (《闲置土地处置办法》第二条), excluded pending review, no longer 低效
    # (issue 16, audit item 8)
    "P0053": ("excluded", None, "suspected_idle", True),
    "P0055": ("lowland", "commercial_residential", "old_residential_low_far", True),
    # built in 2000, not before 2000
    "P0056": ("not_lowland", None, "old_residential_low_far", False),
    "P0057": ("lowland", "commercial_residential", "dangerous_buildings", True),
    "P0059": ("not_lowland", None, "old_residential_low_far", False),
    "P0134": ("excluded", None, "disputed", True),
    "P0383": ("excluded", None, "approved_unsupplied", True),
    "P0384": ("excluded", None, "idle", True),
    "P0385": ("excluded", None, "idle", True),
    "P0386": ("excluded", None, "non_construction_land", True),
    "P0423": ("excluded", None, "non_construction_land", True),
    "P0424": ("excluded", None, "non_construction_land", True),
    "P0433": ("excluded", None, "approved_unsupplied", True),
}


@pytest.fixture(scope="module")
def result(lowland_provider, sample_gpkg, tmp_path_factory):
    import processing

    out = tmp_path_factory.mktemp("identify") / "identified.gpkg"
    res = processing.run(
        "lowland:identifyparcels",
        {
            "PARCELS": f"{sample_gpkg}|layername=parcels",
            "BUILDINGS": f"{sample_gpkg}|layername=buildings",
            "LANDSURVEY": f"{sample_gpkg}|layername=landsurvey",
            "PROFILE": "default",
            "REFERENCE_DATE": REFERENCE,
            "OUTPUT": str(out),
            "SUMMARY": "TEMPORARY_OUTPUT",
        },
    )
    layer = QgsVectorLayer(res["OUTPUT"], "identified", "ogr")
    assert layer.isValid()
    return layer, res["SUMMARY"]


def test_every_sample_parcel_is_in_the_output(result, sample_gpkg):
    layer, _ = result
    parcels = QgsVectorLayer(f"{sample_gpkg}|layername=parcels", "p", "ogr")
    assert sorted(f["parcel_id"] for f in layer.getFeatures()) == sorted(
        f["parcel_id"] for f in parcels.getFeatures()
    )


@pytest.mark.parametrize("parcel_id", sorted(EXPECTED))
def test_verdicts_match_the_generators_intent(result, parcel_id):
    layer, _ = result
    verdict, kind, rule, met = EXPECTED[parcel_id]
    (feat,) = [f for f in layer.getFeatures() if f["parcel_id"] == parcel_id]
    assert feat["verdict"] == verdict
    assert (feat["lowland_type"] or None) == kind
    reasons = {r["rule"]: r for r in json.loads(feat["reasons"])}
    assert reasons[rule]["met"] is met
    assert feat["profile_id"] == "default" and feat["review_status"] == "pending"


def test_summary_adds_up(result):
    layer, summary = result
    rows = list(summary.getFeatures())
    total = [r for r in rows if r["verdict"] == "all"][0]
    assert total["parcel_count"] == layer.featureCount()
    parts = [r for r in rows if r["verdict"] != "all" and r["current_type"] == "all"]
    assert sum(r["parcel_count"] for r in parts) == layer.featureCount()
    assert sum(r["area_ha"] for r in parts) == pytest.approx(total["area_ha"])
    assert total["area_mu"] == pytest.approx(total["area_ha"] * 15)


def test_style_and_value_maps_come_with_the_file(result):
    layer, _ = result
    # issue 17: one rule-based style, filled by the reviewed outcome, outlined by the
    # review state
    renderer = layer.renderer()
    assert renderer.type() == "RuleRenderer"
    labels = [r.label() for r in renderer.rootRule().descendants()]
    assert any(
        label in ("低效工业(物流仓储)", "Low-efficiency industrial (logistics)") for label in labels
    ), labels
    setup = layer.editorWidgetSetup(layer.fields().indexOf("lowland_type"))
    assert setup.type() == "ValueMap"


def test_plan_layer_adds_the_use_conformity_check(lowland_provider, sample_gpkg):
    import processing

    res = processing.run(
        "lowland:identifyparcels",
        {
            "PARCELS": f"{sample_gpkg}|layername=parcels",
            "BUILDINGS": f"{sample_gpkg}|layername=buildings",
            "LANDSURVEY": f"{sample_gpkg}|layername=landsurvey",
            "PLAN": f"{sample_gpkg}|layername=plan",
            "REFERENCE_DATE": REFERENCE,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    feats = {f["parcel_id"]: f for f in res["OUTPUT"].getFeatures()}
    # P0026 (industrial, FAR fine) lies in a block planned 0901 商业: 用途不合理 (N-12)
    r = {x["rule"]: x for x in json.loads(feats["P0026"]["reasons"])}
    assert feats["P0026"]["plan_code"] == "0901"
    assert r["use_not_conforming"]["met"] is True and r["use_not_conforming"]["clause"] == "N-12"
    assert feats["P0026"]["verdict"] == "lowland"
    # P0001 lies under 100101 一类工业: conforming
    r = {x["rule"]: x for x in json.loads(feats["P0001"]["reasons"])}
    assert r["use_not_conforming"]["met"] is False
