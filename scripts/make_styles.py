"""Build the bundled QGIS styles (.qml) with PyQGIS, so they stay reproducible.

Run: ``bash scripts/run styles`` (writes resources/styles/identifyparcels_{zh,en}.qml and
buildunits_{zh,en}.qml, blocks.qml).
Each style is a categorised renderer on the identification result (low-efficiency
type where the verdict is low-efficiency, else the verdict), labelled from
resources/codes/value_maps.csv; value maps and aliases are set by the algorithms.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CATEGORY_EXPRESSION = 'CASE WHEN "verdict" = \'lowland\' THEN "lowland_type" ELSE "verdict" END'
#: Category value → colour; labels come from resources/codes/value_maps.csv.
COLOURS = {
    "industrial": "#d7301f",
    "village": "#fc8d59",
    "commercial_residential": "#e7298a",
    "facility": "#7570b3",
    "other": "#a6761d",
    "not_lowland": "#d9f0d3",
    "excluded": "#bdbdbd",
}


def _labels(language: str) -> dict[str, str]:
    import csv

    with (ROOT / "resources" / "codes" / "value_maps.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    key = "zh" if language == "zh" else "en"
    labels = {r["value"]: r[key] for r in rows if r["field"] == "lowland_type"}
    labels.update({r["value"]: r[key] for r in rows if r["field"] == "verdict"})
    return labels


def build(language: str) -> Path:
    from qgis.core import (
        QgsCategorizedSymbolRenderer,
        QgsFillSymbol,
        QgsMapLayer,
        QgsRendererCategory,
        QgsVectorLayer,
    )

    layer = QgsVectorLayer(
        "MultiPolygon?crs=EPSG:4544&field=lowland_type:string&field=verdict:string", "s", "memory"
    )
    labels = _labels(language)
    categories = []
    for value, colour in COLOURS.items():
        symbol = QgsFillSymbol.createSimple(
            {"color": colour, "outline_color": "#4d4d4d", "outline_width": "0.2"}
        )
        categories.append(QgsRendererCategory(value, symbol, labels[value]))
    layer.setRenderer(QgsCategorizedSymbolRenderer(CATEGORY_EXPRESSION, categories))
    out = ROOT / "resources" / "styles" / f"identifyparcels_{language}.qml"
    message, ok = layer.saveNamedStyle(str(out), QgsMapLayer.Symbology)
    if not ok:
        raise SystemExit(message)
    return out


#: buildunits: unit fill by 实施时序 (phase); no phase = outline only. Labels from value_maps.csv.
PHASE_COLOURS = {"near": "#1a9850", "mid": "#fee08b", "far": "#91bfdb"}


def build_units(language: str) -> Path:
    """Units (lowland:buildunits): filled by phase, thick outline, labelled with unit_id."""
    import csv

    from qgis.core import (
        QgsCategorizedSymbolRenderer,
        QgsFillSymbol,
        QgsMapLayer,
        QgsPalLayerSettings,
        QgsRendererCategory,
        QgsTextBufferSettings,
        QgsTextFormat,
        QgsVectorLayer,
        QgsVectorLayerSimpleLabeling,
    )
    from qgis.PyQt.QtGui import QColor, QFont

    layer = QgsVectorLayer(
        "MultiPolygon?crs=EPSG:4544&field=unit_id:string&field=phase:string", "u", "memory"
    )
    with (ROOT / "resources" / "codes" / "value_maps.csv").open(encoding="utf-8") as fh:
        key = "zh" if language == "zh" else "en"
        labels = {r["value"]: r[key] for r in csv.DictReader(fh) if r["field"] == "phase"}
    outline = {"outline_color": "#542788", "outline_width": "0.8"}

    def translucent(colour: str) -> str:  # "r,g,b,a": "#rrggbbaa" would read as #aarrggbb
        c = QColor(colour)
        return f"{c.red()},{c.green()},{c.blue()},90"

    categories = [
        QgsRendererCategory(
            value,
            QgsFillSymbol.createSimple({"color": translucent(colour), **outline}),
            labels[value],
        )
        for value, colour in PHASE_COLOURS.items()
    ]
    unset = {"zh": "未定时序", "en": "No phase"}[language]
    categories.append(
        QgsRendererCategory(None, QgsFillSymbol.createSimple({"style": "no", **outline}), unset)
    )
    layer.setRenderer(QgsCategorizedSymbolRenderer("phase", categories))
    settings = QgsPalLayerSettings()
    settings.fieldName = "unit_id"
    settings.placement = QgsPalLayerSettings.OverPoint
    text = QgsTextFormat()
    text.setFont(QFont("Noto Sans CJK SC"))  # fonts-noto-cjk (scripts/setup.sh)
    text.setSize(11)
    text.setColor(QColor("#542788"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(1.0)
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    out = ROOT / "resources" / "styles" / f"buildunits_{language}.qml"
    message, ok = layer.saveNamedStyle(str(out), QgsMapLayer.Symbology | QgsMapLayer.Labeling)
    if not ok:
        raise SystemExit(message)
    return out


def build_blocks() -> Path:
    """Blocks (lowland:delineateblocks): outline only, labelled with block_id (any language)."""
    from qgis.core import (
        QgsFillSymbol,
        QgsMapLayer,
        QgsPalLayerSettings,
        QgsSingleSymbolRenderer,
        QgsTextBufferSettings,
        QgsTextFormat,
        QgsVectorLayer,
        QgsVectorLayerSimpleLabeling,
    )
    from qgis.PyQt.QtGui import QColor, QFont

    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4544&field=block_id:string", "b", "memory")
    symbol = QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": "#636363", "outline_width": "0.4"}
    )
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    settings = QgsPalLayerSettings()
    settings.fieldName = "block_id"
    settings.placement = QgsPalLayerSettings.OverPoint
    text = QgsTextFormat()
    text.setFont(QFont("Noto Sans CJK SC"))  # fonts-noto-cjk (scripts/setup.sh)
    text.setSize(8)
    text.setColor(QColor("#252525"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    out = ROOT / "resources" / "styles" / "blocks.qml"
    message, ok = layer.saveNamedStyle(str(out), QgsMapLayer.Symbology | QgsMapLayer.Labeling)
    if not ok:
        raise SystemExit(message)
    return out


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_HASH_SEED", "0")  # reproducible attribute order in the .qml
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    for language in ("zh", "en"):
        print(f"[styles] {build(language)}")
        print(f"[styles] {build_units(language)}")
    print(f"[styles] {build_blocks()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
