"""The generated parts of the user guide are in step with the plugin."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "guide"


def _tool():
    from lowland_under_test.scripts import make_guide  # scripts/: a namespace package

    return make_guide


def test_generated_guide_files_are_up_to_date(lowland_provider):
    files = _tool().generated_files(lowland_provider)
    assert set(files) == {"reference_zh.md", "reference_en.md", "fields_zh.md"}
    for name, content in files.items():
        stored = (GUIDE / name).read_text(encoding="utf-8")
        assert stored == content, f"docs/guide/{name} is stale: run `bash scripts/run guide`"


def test_reference_covers_every_algorithm_in_both_languages(lowland_provider):
    files = _tool().generated_files(lowland_provider)
    for alg in lowland_provider.algorithms():
        assert f"`{alg.id()}`" in files["reference_zh.md"]
        assert f"`{alg.id()}`" in files["reference_en.md"]
    assert "## 低效用地认定 — `lowland:identifyparcels`" in files["reference_zh.md"]
    assert (
        "## Low-efficiency land identification — `lowland:identifyparcels`"
        in (files["reference_en.md"])
    )
    assert "| `PARCELS` |" in files["reference_en.md"]


def test_html_help_becomes_markdown():
    tool = _tool()
    text = tool.html_to_markdown("<p>甲 <b>乙</b></p><ul><li>一</li><li>二 &lt; 3</li></ul>")
    assert text == "甲 **乙**\n\n- 一\n- 二 < 3"


def test_guide_links_resolve():
    """Relative links in the hand-written guide point at files that exist."""
    import re

    guide = GUIDE / "README.md"
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", guide.read_text(encoding="utf-8")):
        assert (guide.parent / target).exists(), target


def test_the_guide_threshold_example_works(lowland_provider, sample_gpkg, tmp_path):
    """Section 6 of the guide, step by step: copy default.json, register a source, set the
    industrial FAR minimum to 1.2 with no per-industry table, run the identification."""
    import json

    import processing
    from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer

    guide = (GUIDE / "README.md").read_text(encoding="utf-8")
    # the steps below are the guide's own words
    assert "`rules.far_below_min.params.min_far`" in guide
    assert '`{"value": 1.2, "source": "mycity_2026"}`' in guide
    assert "`min_far_by_industry.value` 改为 `{}`" in guide
    profile = json.loads((ROOT / "resources" / "profiles" / "default.json").read_text("utf-8"))
    profile["id"] = "mycity"
    profile["sources"]["mycity_2026"] = "某市低效用地认定标准（2026）第 3 条"
    params = profile["rules"]["far_below_min"]["params"]
    params["min_far"] = {"value": 1.2, "source": "mycity_2026"}
    params["min_far_by_industry"]["value"] = {}
    path = tmp_path / "mycity.json"
    path.write_text(json.dumps(profile, ensure_ascii=False), encoding="utf-8")
    out = processing.run(
        "lowland:identifyparcels",
        {
            "PARCELS": f"{sample_gpkg}|layername=parcels",
            "BUILDINGS": f"{sample_gpkg}|layername=buildings",
            "LANDSURVEY": f"{sample_gpkg}|layername=landsurvey",
            "PROFILE": str(path),
            "REFERENCE_DATE": "2025-06-30",
            "OUTPUT": str(tmp_path / "identified.gpkg"),
        },
    )["OUTPUT"]
    result = read_ogr_layer(out)
    assert set(result["profile_id"]) == {"mycity"}
    far_checks = [
        r
        for reasons in result["reasons"].dropna()
        for r in json.loads(reasons)
        if r["rule"] == "far_below_min"
    ]
    # the threshold is an object naming the industry row (Y-1, issue 16); its value is 1.2
    assert far_checks and {r["threshold"]["value"] for r in far_checks} == {1.2}
    # an industrial parcel with 1.0 <= FAR < 1.2 is now below the minimum
    assert any(r["met"] and 1.0 <= r["value"] < 1.2 for r in far_checks)
