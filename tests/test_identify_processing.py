"""``lowland:identifyparcels`` as a planner meets it: the field names offices really
have, a field map, and clear messages for what must be fixed."""

from __future__ import annotations

import json

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsVectorLayer

X0, Y0 = 607_000, 4_262_000


def layer(fields: str, rows: list[tuple[list, str]], crs: str = "EPSG:4544"):
    lyr = QgsVectorLayer(f"Polygon?crs={crs}&{fields}", "l", "memory")
    feats = []
    for attrs, wkt in rows:
        f = QgsFeature(lyr.fields())
        f.setAttributes(attrs)
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    assert lyr.dataProvider().addFeatures(feats)[0]
    return lyr


def square(i: int, size: float = 100.0) -> str:
    x = X0 + i * 200
    return f"POLYGON(({x} {Y0},{x + size} {Y0},{x + size} {Y0 + size},{x} {Y0 + size},{x} {Y0}))"


def run(**params):
    import processing

    defaults = {"REFERENCE_DATE": "2025-06-30", "OUTPUT": "TEMPORARY_OUTPUT"}
    return processing.run("lowland:identifyparcels", {**defaults, **params})


def by_id(result, key="parcel_id"):
    return {f[key]: f for f in result["OUTPUT"].getFeatures()}


def buildings_elsewhere():
    """A BUILDINGS layer whose one building stands on no test parcel: FAR 0 is measured
    (issue 16: without any BUILDINGS layer FAR is unknown and not tested)."""
    return layer("field=building_id:string&field=gfa:double", [(["B9", 100.0], square(20, 10.0))])


def test_office_field_names_and_values_are_recognised(lowland_provider):
    # 宗地代码 / DLBM / 是否闲置 (是/否) / 权利性质 (出让): no field map needed
    parcels = layer(
        "field=宗地代码:string&field=DLBM:string&field=是否闲置:string&field=权利性质:string",
        [(["Z1", "0601", "否", "出让"], square(0)), (["Z2", "0601", "是", "出让"], square(1))],
    )
    out = by_id(run(PARCELS=parcels, BUILDINGS=buildings_elsewhere()))
    assert out["Z1"]["verdict"] == "lowland"  # no building on it: FAR 0 < 1.0
    assert out["Z2"]["verdict"] == "excluded"
    reasons = {r["rule"]: r for r in json.loads(out["Z2"]["reasons"])}
    assert reasons["idle"]["met"] is True
    assert out["Z1"]["宗地代码"] == "Z1"  # the office's own fields stay beside the canonical ones


def test_one_field_map_for_parcels_and_survey(lowland_provider):
    parcels = layer("field=parcel_id:string&field=XZDL:string", [(["P1", "0103"], square(0))])
    survey = layer(
        "field=DLBM:string&field=CZCSXM:string",
        [(["0601", "201A"], square(0, 120).replace(f"{X0} ", f"{X0 - 10} "))],
    )
    out = by_id(run(PARCELS=parcels, LANDSURVEY=survey, FIELD_MAP="dlbm=XZDL"))
    # the 三调 class (0601 construction) decides over the parcel's own 0103
    assert out["P1"]["current_dlbm"] == "0601"
    assert out["P1"]["land_category"] == "construction"


def test_missing_id_field_names_the_candidates(lowland_provider):
    parcels = layer("field=name:string&field=DLBM:string", [(["x", "0601"], square(0))])
    with pytest.raises(QgsProcessingException) as err:
        run(PARCELS=parcels)
    message = str(err.value)
    assert "parcel_id" in message and "ZDDM" in message and "name" in message


@pytest.mark.parametrize(
    ("params", "needle"),
    [
        ({"PROFILE": "/nonexistent/profile.json"}, "default"),
        ({"FIELD_MAP": "dlmb=DLBM"}, "dlmb"),
        ({"FIELD_MAP": "dlbm"}, "canonical=actual"),
        ({"FIELD_MAP": "dlbm=NOPE"}, "NOPE"),
    ],
)
def test_bad_parameters_say_what_to_fix(lowland_provider, params, needle):
    parcels = layer("field=parcel_id:string&field=dlbm:string", [(["P1", "0601"], square(0))])
    with pytest.raises(QgsProcessingException, match=needle):
        run(PARCELS=parcels, **params)


def test_bad_value_is_named(lowland_provider):
    parcels = layer(
        "field=parcel_id:string&field=dlbm:string&field=idle:string",
        [(["P1", "0601", "maybe"], square(0))],
    )
    with pytest.raises(QgsProcessingException, match="maybe"):
        run(PARCELS=parcels)


def test_geographic_crs_is_refused(lowland_provider):
    wkt = "POLYGON((106.2 38.4,106.21 38.4,106.21 38.41,106.2 38.41,106.2 38.4))"
    parcels = layer(
        "field=parcel_id:string&field=dlbm:string", [(["P1", "0601"], wkt)], crs="EPSG:4490"
    )
    with pytest.raises(QgsProcessingException, match="EPSG:4544"):
        run(PARCELS=parcels)


def test_user_profile_file_is_recorded(lowland_provider, tmp_path):
    from lowland_under_test.lowland_plugin.core.common.profiles import PROFILE_DIR

    data = json.loads((PROFILE_DIR / "default.json").read_text(encoding="utf-8"))
    data["id"], data["version"] = "my_city", "2.1.0"
    data["rules"]["far_below_min"]["params"]["min_far"]["value"] = 0.0  # nothing is below 0
    data["rules"]["coverage_below_min"]["enabled"] = False
    path = tmp_path / "my_city.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    parcels = layer("field=parcel_id:string&field=dlbm:string", [(["P1", "0601"], square(0))])
    out = by_id(run(PARCELS=parcels, PROFILE=str(path)))
    assert out["P1"]["profile_id"] == "my_city" and out["P1"]["profile_version"] == "2.1.0"
    assert out["P1"]["verdict"] == "not_lowland"


def test_rerun_keeps_decisions_and_flags_changed_verdicts(lowland_provider, tmp_path):
    from lowland_under_test.lowland_plugin.core.common.profiles import PROFILE_DIR
    from lowland_under_test.lowland_plugin.core.identify.review import decide

    parcels = layer(
        "field=parcel_id:string&field=dlbm:string&field=industry_code:string",
        [(["P1", "0601", "13"], square(0)), (["P2", "0601", "13"], square(1))],
    )
    elsewhere = buildings_elsewhere()
    first = run(PARCELS=parcels, BUILDINGS=elsewhere, OUTPUT=str(tmp_path / "first.gpkg"))["OUTPUT"]
    reviewed = QgsVectorLayer(first, "first", "ogr")
    assert {f["verdict"] for f in reviewed.getFeatures()} == {"lowland"}  # no building: FAR 0
    reviewed.startEditing()
    fields = reviewed.fields()
    for feat in reviewed.getFeatures():
        values = decide("confirm", feat["verdict"], feat["lowland_type"], "张工").values
        for name, value in values.items():
            reviewed.changeAttributeValue(feat.id(), fields.indexOf(name), value)
    assert reviewed.commitChanges()

    # a city profile under which an empty industrial parcel is no longer low-efficiency
    data = json.loads((PROFILE_DIR / "default.json").read_text(encoding="utf-8"))
    data["rules"]["far_below_min"]["enabled"] = False
    data["rules"]["coverage_below_min"]["enabled"] = False
    profile = tmp_path / "lenient.json"
    profile.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    more = layer(
        "field=parcel_id:string&field=dlbm:string&field=industry_code:string",
        [(["P1", "0601", "13"], square(0)), (["P3", "0601", "13"], square(2))],
    )
    second = by_id(run(PARCELS=more, BUILDINGS=elsewhere, PREVIOUS=first, PROFILE=str(profile)))
    assert second["P1"]["verdict"] == "not_lowland"
    assert second["P1"]["review_status"] == "confirmed"  # the planner's decision is kept
    assert second["P1"]["reviewer"] == "张工"
    assert second["P1"]["verdict_changed"] is True or second["P1"]["verdict_changed"] == 1
    assert second["P1"]["final_verdict"] == "lowland"  # final stays what was decided
    assert second["P3"]["review_status"] == "pending"
    assert not second["P3"]["verdict_changed"]


def test_parcelindicators_without_buildings_writes_null_far(lowland_provider, tmp_path):
    # issue 16: no BUILDINGS layer → FAR and density unknown (NULL in the output), never 0;
    # with a layer whose building stands elsewhere → FAR 0 / 10000 m² = 0 (measured)
    from qgis.core import NULL

    import processing

    parcels = layer("field=parcel_id:string", [(["P1"], square(0))])
    res = processing.run(
        "lowland:parcelindicators", {"PARCELS": parcels, "OUTPUT": str(tmp_path / "a.gpkg")}
    )
    (feat,) = QgsVectorLayer(res["OUTPUT"], "a", "ogr").getFeatures()
    assert feat["far"] in (None, NULL) and feat["building_density"] in (None, NULL)
    assert feat["area_m2"] == pytest.approx(10000)
    res = processing.run(
        "lowland:parcelindicators",
        {
            "PARCELS": parcels,
            "BUILDINGS": buildings_elsewhere(),
            "OUTPUT": str(tmp_path / "b.gpkg"),
        },
    )
    (feat,) = QgsVectorLayer(res["OUTPUT"], "b", "ogr").getFeatures()
    assert feat["far"] == 0 and feat["building_density"] == 0
