"""Styles of the project checks' outputs (``resources/styles/<algorithm>_<zh|en>.qml``,
built by ``scripts/make_styles.py``): a GeoPackage output opens with its style, every
project falls in the legend entry its verdict says, and the labels name the project."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_PROJECTS = ROOT / "resources" / "sample" / "sample_projects.gpkg"
STYLES = ROOT / "resources" / "styles"

#: algorithm → (extra inputs, the field the legend follows)
CHECKS = {
    "farcheck": ({}, "far_pass"),
    "scatteredland": ({"PIECES": f"{SAMPLE_PROJECTS}|layername=pieces"}, "scattered_pass"),
    "landprice": ({}, "price_pass"),
    "usechange": ({}, "usechange_pathway"),
    "mixeduse": ({"ZONES": f"{SAMPLE_PROJECTS}|layername=zones"}, None),
}
PASS_LABELS = {
    "zh": {True: "通过", False: "不通过", None: "未核算"},
    "en": {True: "Passed", False: "Failed", None: "Not computed"},
}
PATHWAY_LABELS = {
    "zh": {
        "original_use": "按原用途管理",
        "dynamic_maintenance": "详细规划动态维护",
        "formal_change": "办理用途变更手续",
        None: "未核定",
    },
    "en": {
        "original_use": "Managed as the original use",
        "dynamic_maintenance": "Dynamic maintenance of the detailed plan",
        "formal_change": "Formal change of use",
        None: "Not decided",
    },
}
#: The sample's verdicts (hand-checked in test_checks_price / test_checks_plan): PRJ01's
#: scattered pieces exceed the limits, PRJ03 has no price appraisal, PRJ01 switches
#: 100102 → 100101 (a listed level-3 switch), PRJ02 and PRJ03 keep their use.
SAMPLE_VERDICTS = {
    "farcheck": {"PRJ01": True, "PRJ02": True, "PRJ03": True},
    "scatteredland": {"PRJ01": False, "PRJ02": True, "PRJ03": True},
    "landprice": {"PRJ01": True, "PRJ02": True, "PRJ03": None},
}


def _legend_labels(layer) -> set[str]:
    return {item.label() for item in layer.renderer().legendSymbolItems()}


def _legend_label(layer, feature) -> str:
    """The legend entry ``feature`` is drawn with (the one rule or category it matches)."""
    from qgis.core import QgsRenderContext

    renderer = layer.renderer().clone()
    context = QgsRenderContext()
    expressions = layer.createExpressionContext()
    expressions.setFeature(feature)
    context.setExpressionContext(expressions)
    renderer.startRender(context, layer.fields())
    try:
        keys = renderer.legendKeysForFeature(feature, context)
    finally:
        renderer.stopRender(context)
    labels = {item.ruleKey(): item.label() for item in renderer.legendSymbolItems()}
    entries = [labels[key] for key in keys if key in labels]  # not the rule tree's root
    assert len(entries) == 1, (feature.attributes(), entries)
    return entries[0]


@pytest.mark.parametrize("alg", sorted(CHECKS))
def test_check_output_opens_with_its_style(lowland_provider, tmp_path, alg):
    from qgis.core import NULL, QgsVectorLayer

    import processing

    extra, field = CHECKS[alg]
    out = tmp_path / f"{alg}.gpkg"
    processing.run(
        f"lowland:{alg}",
        {"PROJECTS": f"{SAMPLE_PROJECTS}|layername=projects", **extra, "OUTPUT": str(out)},
    )
    layer = QgsVectorLayer(str(out), alg, "ogr")  # loads the style stored in the file
    assert layer.isValid() and layer.featureCount() == 3
    assert layer.labelsEnabled()
    label = layer.labeling().settings()
    assert label.isExpression and "project_name" in label.fieldName
    features = list(layer.getFeatures())
    chinese = any(re.search("[\u4e00-\u9fff]", label) for label in _legend_labels(layer))
    language = "zh" if chinese else "en"
    if field is None:  # mixeduse: outlines, one legend entry
        assert layer.renderer().type() == "singleSymbol"
        return
    drawn = {}
    for feature in features:
        value = feature[field]
        value = None if value == NULL else value
        drawn[feature["project_id"]] = _legend_label(layer, feature)
        if field.endswith("_pass"):
            assert layer.renderer().type() == "RuleRenderer"
            assert drawn[feature["project_id"]] == PASS_LABELS[language][value]
        else:
            assert layer.renderer().type() == "categorizedSymbol"
            assert drawn[feature["project_id"]] == PATHWAY_LABELS[language][value]
    if alg in SAMPLE_VERDICTS:
        labels = PASS_LABELS[language]
        assert drawn == {p: labels[v] for p, v in SAMPLE_VERDICTS[alg].items()}


def test_every_style_exists_in_both_languages_and_has_no_random_keys():
    for alg in (*CHECKS, "compareversions"):
        for language in ("zh", "en"):
            qml = STYLES / f"{alg}_{language}.qml"
            assert qml.is_file(), qml
            keys = re.findall(r'key="\{([0-9a-f-]{36})\}"', qml.read_text(encoding="utf-8"))
            assert all(k.startswith("00000000-0000-0000-0000-") for k in keys), qml
    english = (STYLES / "farcheck_en.qml").read_text(encoding="utf-8")
    assert 'label="Failed"' in english and 'label="不通过"' not in english
