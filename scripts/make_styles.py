"""Build the bundled QGIS styles (.qml) with PyQGIS, so they stay reproducible.

Run: ``bash scripts/run styles`` (writes resources/styles/identifyparcels_{zh,en}.qml).
Each style: a categorised renderer on the identification result (low-efficiency
type where the verdict is low-efficiency, else the verdict) and value maps so the
attribute table reads 低效类型 = 低效工业(物流仓储).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CATEGORY_EXPRESSION = 'CASE WHEN "verdict" = \'lowland\' THEN "lowland_type" ELSE "verdict" END'
CATEGORIES = (  # value, colour, zh, en
    ("industrial", "#d7301f", "低效工业(物流仓储)", "Low-efficiency industrial (logistics)"),
    ("village", "#fc8d59", "低效村庄", "Low-efficiency village"),
    ("commercial_residential", "#e7298a", "低效商住", "Low-efficiency commercial/residential"),
    ("facility", "#7570b3", "低效设施", "Low-efficiency facility"),
    ("other", "#a6761d", "其他低效", "Other low-efficiency"),
    ("not_lowland", "#d9f0d3", "非低效用地", "Not low-efficiency"),
    ("excluded", "#bdbdbd", "不纳入(排除)", "Excluded"),
)
VALUE_MAPS = {
    "lowland_type": [(c[0], c[2], c[3]) for c in CATEGORIES[:5]],
    "current_type": [
        (
            c[0],
            c[2].replace("低效", "").replace("其他", "其他") or c[2],
            c[3].replace("Low-efficiency ", "").capitalize(),
        )
        for c in CATEGORIES[:5]
    ],
    "verdict": [
        ("lowland", "低效用地", "Low-efficiency land"),
        ("not_lowland", "非低效用地", "Not low-efficiency"),
        ("excluded", "不纳入(排除)", "Excluded"),
    ],
    "review_status": [
        ("pending", "待核查", "Pending"),
        ("confirmed", "已确认", "Confirmed"),
        ("rejected", "已否定", "Rejected"),
        ("overridden", "已改判", "Overridden"),
    ],
    "land_category": [
        ("construction", "建设用地", "Construction land"),
        ("agricultural", "农用地", "Agricultural land"),
        ("unused", "未利用地", "Unused land"),
    ],
    "tenure": [
        ("granted", "出让", "Granted"),
        ("allocated", "划拨", "Allocated"),
        ("collective", "集体", "Collective"),
    ],
    "supply_status": [
        ("supplied", "已供", "Supplied"),
        ("approved_unsupplied", "批而未供", "Approved, unsupplied"),
    ],
}


def build(language: str) -> Path:
    from qgis.core import (
        QgsCategorizedSymbolRenderer,
        QgsEditorWidgetSetup,
        QgsFillSymbol,
        QgsRendererCategory,
        QgsVectorLayer,
    )

    fields = "&".join(f"field={name}:string" for name in VALUE_MAPS)
    layer = QgsVectorLayer(f"MultiPolygon?crs=EPSG:4544&{fields}", "style", "memory")
    label = 2 if language == "zh" else 3
    categories = []
    for row in CATEGORIES:
        symbol = QgsFillSymbol.createSimple(
            {"color": row[1], "outline_color": "#4d4d4d", "outline_width": "0.2"}
        )
        categories.append(QgsRendererCategory(row[0], symbol, row[label]))
    layer.setRenderer(QgsCategorizedSymbolRenderer(CATEGORY_EXPRESSION, categories))
    for name, rows in VALUE_MAPS.items():
        idx = layer.fields().indexOf(name)
        pairs = [
            {text: value} for value, zh, en in rows for text in [zh if language == "zh" else en]
        ]
        layer.setEditorWidgetSetup(idx, QgsEditorWidgetSetup("ValueMap", {"map": pairs}))
    out = ROOT / "resources" / "styles" / f"identifyparcels_{language}.qml"
    message, ok = layer.saveNamedStyle(str(out))
    if not ok:
        raise SystemExit(message)
    return out


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    for language in ("zh", "en"):
        print(f"[styles] {build(language)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
