"""The identification style (resources/styles/identifyparcels_*.qml, scripts/make_styles.py)
colours by the outcome after review and marks the review state (issue 17 item 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lowland_under_test.scripts.make_styles import COLOURS

ROOT = Path(__file__).resolve().parents[1]
REVIEW = "&field=final_verdict:string&field=final_type:string&field=review_status:string"


def _layer(with_review: bool, rows: list[list]):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    uri = "MultiPolygon?crs=EPSG:4544&field=verdict:string&field=lowland_type:string"
    if with_review:
        uri += REVIEW + "&field=verdict_changed:boolean"
    layer = QgsVectorLayer(uri, "p", "memory")
    features = []
    for i, row in enumerate(rows):
        feature = QgsFeature(layer.fields())
        feature.setAttributes(row)
        feature.setGeometry(QgsGeometry.fromWkt(f"MultiPolygon((({i} 0,{i} 1,{i + 1} 1,{i} 0)))"))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def _symbols(layer, language: str = "zh") -> list[list[tuple[str, str, float]]]:
    """(fill colour or "none", outline colour, outline width) of each symbol of each feature."""
    from qgis.core import QgsExpressionContextUtils, QgsRenderContext

    message, ok = layer.loadNamedStyle(
        str(ROOT / "resources/styles" / f"identifyparcels_{language}.qml")
    )
    assert ok, message
    renderer = layer.renderer()
    context = QgsRenderContext()
    context.expressionContext().appendScopes(
        QgsExpressionContextUtils.globalProjectLayerScopes(layer)
    )
    renderer.startRender(context, layer.fields())
    out = []
    for feature in layer.getFeatures():
        context.expressionContext().setFeature(feature)
        row = []
        for symbol in renderer.symbolsForFeature(feature, context):
            fill = symbol.symbolLayer(0)
            brush = fill.brushStyle()
            from qgis.PyQt.QtCore import Qt

            row.append(
                (
                    "none" if brush == Qt.NoBrush else fill.color().name(),
                    fill.strokeColor().name(),
                    round(fill.strokeWidth(), 2),
                )
            )
        out.append(row)
    renderer.stopRender(context)
    return out


def test_fill_is_the_final_outcome_and_the_outline_the_review_state(qgis_app):
    rows = [
        # verdict, lowland_type, final_verdict, final_type, review_status, verdict_changed
        ["lowland", "industrial", "lowland", "industrial", "pending", False],
        ["lowland", "industrial", "not_lowland", None, "rejected", False],
        ["lowland", "industrial", "lowland", "commercial_residential", "overridden", False],
        ["not_lowland", None, "lowland", "village", "overridden", False],
        ["lowland", "village", "lowland", "village", "confirmed", False],
        ["not_lowland", None, "lowland", "industrial", "confirmed", True],
    ]
    symbols = _symbols(_layer(True, rows))
    fills = [[s[0] for s in row if s[0] != "none"] for row in symbols]
    assert fills == [
        [COLOURS["industrial"]],
        [COLOURS["not_lowland"]],  # rejected: no longer red
        [COLOURS["commercial_residential"]],
        [COLOURS["village"]],
        [COLOURS["village"]],
        [COLOURS["industrial"]],
    ]
    marks = [[s[1:] for s in row if s[0] == "none"] for row in symbols]
    assert marks == [
        [("#4d4d4d", 0.2)],  # pending: the thin grey outline
        [("#000000", 0.8)],  # rejected
        [("#2166ac", 0.8)],  # re-classified
        [("#2166ac", 0.8)],
        [("#1b7837", 0.6)],  # confirmed
        [("#ff7f00", 0.9)],  # confirmed, but the computed verdict changed since: orange
    ]


def test_a_layer_without_review_fields_is_coloured_by_the_computed_verdict(qgis_app):
    symbols = _symbols(_layer(False, [["lowland", "village"], ["excluded", None]]))
    assert [row[0][0] for row in symbols] == [COLOURS["village"], COLOURS["excluded"]]


@pytest.mark.parametrize(
    "language, words",
    [
        ("zh", ["认定结果（核查后结论", "核查状态（边线）", "已否定", "已改判", "待复核"]),
        ("en", ["Outcome after review", "Review state (outline)", "Rejected", "re-check"]),
    ],
)
def test_the_legend_says_it_shows_the_reviewed_outcome_and_the_review_state(
    qgis_app, language, words
):
    layer = _layer(True, [])
    _symbols(layer, language)
    labels = [item.label() for item in layer.renderer().legendSymbolItems()]
    for word in words:
        assert any(word in label for label in labels), (word, labels)
