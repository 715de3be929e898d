"""Build the bundled print layout templates (.qpt) with PyQGIS, so they stay reproducible.

Run: ``bash scripts/run layouts`` (or ``QT_QPA_PLATFORM=offscreen .venv/bin/python
scripts/make_layouts.py``); writes ``resources/layouts/review_a3.qpt``.

``review_a3``: A3 landscape for review meetings (评审会), one page per redevelopment
unit through the atlas: title with the unit id and name, the unit map (atlas-driven,
unit extent with a 10 % margin), a locator map of the district, a key table of unit
statistics, a legend, a metric scale bar, a north arrow (QGIS's bundled SVG), the data
source and the date. Texts are Chinese and set in "Noto Sans CJK SC" (Debian
fonts-noto-cjk). The template holds no layers: ``lowland_plugin/bridge/layouts.py``
loads it into a project of its own, binds the units (atlas coverage) and the other
layers, and exports. Item ids (:data:`ITEM_IDS`) are what the exporter looks up.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "layouts" / "review_a3.qpt"
#: The unit map of the 实施方案: made for the page it is printed on.
OUT_PAGE = ROOT / "resources" / "layouts" / "unit_page.qpt"

FONT = "WenQuanYi Zen Hei"  # searchable PDF text (see processing/generate_plan.py)
#: Item ids the exporter relies on.
ITEM_IDS = (
    "title",
    "subtitle",
    "main_map",
    "locator_map",
    "key_table",
    "legend",
    "scalebar",
    "scale_text",
    "north_arrow",
    "source",
)
#: North arrow: QGIS's bundled SVG (stored in the template by its name under the SVG paths).
NORTH_ARROW = "arrows/NorthArrow_02.svg"

TITLE = '低效用地再开发单元 [% "unit_id" %] 实施方案图'
SUBTITLE = "[% coalesce(\"unit_name\", '') %]"
SOURCE = (
    "数据来源：[% coalesce(@lowland_data_source, '低效用地认定、再开发单元划定成果') %]\n"
    "坐标系：[% @project_crs %]    制图日期：[% format_date(now(),'yyyy年MM月dd日') %]"
    "    第 [% @atlas_featurenumber %] / [% @atlas_totalfeatures %] 页"
)
SCALE_TEXT = "比例尺 1:[% format_number(map_get(item_variables('main_map'), 'map_scale'), 0) %]"
#: Key table rows: label, expression on the atlas unit (fields of lowland:buildunits).
KEY_ROWS = (
    ("单元编号", '"unit_id"'),
    (
        "单元面积",
        "format_number(\"area_m2\" / 10000, 2) || ' 公顷（' || "
        "format_number(\"area_mu\", 2) || ' 亩）'",
    ),
    ("低效用地面积", "format_number(\"lowland_area_m2\" / 10000, 2) || ' 公顷'"),
    ("低效用地占比", "format_number(\"lowland_share\" * 100, 1) || ' %'"),
    ("低效用地宗数", "to_string(\"lowland_count\") || ' 宗'"),
    ("实施时序", "PHASE"),  # CASE built from resources/codes/value_maps.csv
)

# page geometry (mm): A3 landscape
PAGE_W, PAGE_H = 420.0, 297.0
MARGIN = 10.0
PANEL_X = 318.0
PANEL_W = PAGE_W - MARGIN - PANEL_X


def phase_expression() -> str:
    """CASE over the ``phase`` codes with their Chinese labels (value_maps.csv)."""
    import csv

    with (ROOT / "resources" / "codes" / "value_maps.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["field"] == "phase"]
    cases = " ".join(f"WHEN \"phase\" = '{r['value']}' THEN '{r['zh']}'" for r in rows)
    return f"CASE {cases} ELSE '未定' END"


def _font(size: float, bold: bool = False):
    from qgis.PyQt.QtGui import QFont

    font = QFont(FONT)
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def _text_format(size: float, bold: bool = False):
    from qgis.core import QgsTextFormat
    from qgis.PyQt.QtGui import QColor

    fmt = QgsTextFormat()
    fmt.setFont(_font(size, bold))
    fmt.setSize(size)
    fmt.setColor(QColor("#000000"))
    return fmt


def _place(item, x: float, y: float, w: float, h: float) -> None:
    from qgis.core import QgsLayoutPoint, QgsLayoutSize, QgsUnitTypes

    item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
    item.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutMillimeters))


def _label(layout, item_id: str, text: str, size: float, bold: bool, geometry, align=None):
    from qgis.core import QgsLayoutItemLabel
    from qgis.PyQt.QtCore import Qt

    label = QgsLayoutItemLabel(layout)
    label.setId(item_id)
    label.setText(text)
    label.setFont(_font(size, bold))
    label.setHAlign(align if align is not None else Qt.AlignLeft)
    label.setVAlign(Qt.AlignVCenter)
    layout.addLayoutItem(label)
    _place(label, *geometry)
    return label


def _north_arrow(layout, main, geometry) -> None:
    """QGIS's north arrow SVG on a white background, following ``main``."""
    from qgis.core import QgsLayoutItemPicture
    from qgis.PyQt.QtGui import QColor

    north = QgsLayoutItemPicture(layout)
    north.setId("north_arrow")
    north.setPicturePath(f"/usr/share/qgis/svg/{NORTH_ARROW}")
    north.setLinkedMap(main)
    north.setNorthMode(QgsLayoutItemPicture.GridNorth)
    north.setBackgroundEnabled(True)
    north.setBackgroundColor(QColor(255, 255, 255, 200))
    layout.addLayoutItem(north)
    _place(north, *geometry)


def _locator(layout, main, geometry) -> None:
    """The locator map with the extent of ``main`` drawn in red (layers bound at export)."""
    from qgis.core import QgsFillSymbol, QgsLayoutItemMap, QgsLayoutItemMapOverview
    from qgis.PyQt.QtGui import QColor

    locator = QgsLayoutItemMap(layout)
    locator.setId("locator_map")
    locator.setFrameEnabled(True)
    locator.setBackgroundColor(QColor("#ffffff"))
    layout.addLayoutItem(locator)
    _place(locator, *geometry)
    overview = QgsLayoutItemMapOverview("本图范围", locator)
    overview.setLinkedMap(main)
    overview.setFrameSymbol(
        QgsFillSymbol.createSimple(
            {"color": "255,0,0,25", "outline_color": "#d00000", "outline_width": "0.4"}
        )
    )
    locator.overviews().addOverview(overview)


def _scalebar(layout, main, geometry, widths, segments: int, height: float, size: float) -> None:
    """A metre scale bar of ``main`` (「米」), ``widths`` (min, max) mm, text ``size`` pt."""
    from qgis.core import QgsLayoutItemScaleBar, QgsScaleBarSettings, QgsUnitTypes

    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setId("scalebar")
    scalebar.setStyle("Single Box")
    scalebar.setLinkedMap(main)
    scalebar.setUnits(QgsUnitTypes.DistanceMeters)
    scalebar.setUnitLabel("米")
    scalebar.setMapUnitsPerScaleBarUnit(1.0)
    scalebar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFitWidth)
    scalebar.setMinimumBarWidth(widths[0])
    scalebar.setMaximumBarWidth(widths[1])
    scalebar.setNumberOfSegments(segments)
    scalebar.setNumberOfSegmentsLeft(0)
    scalebar.setHeight(height)
    scalebar.setTextFormat(_text_format(size))
    layout.addLayoutItem(scalebar)
    _place(scalebar, *geometry)


def build(project):
    """The review layout (A3 landscape) in ``project`` (layers are bound at export)."""
    from qgis.core import (
        QgsFillSymbol,
        QgsLayoutFrame,
        QgsLayoutItemLegend,
        QgsLayoutItemManualTable,
        QgsLayoutItemMap,
        QgsLayoutItemPage,
        QgsLayoutItemShape,
        QgsLegendStyle,
        QgsPrintLayout,
        QgsProperty,
        QgsTableCell,
    )
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QColor

    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName("低效用地再开发单元评审图（A3横向）")
    page = layout.pageCollection().page(0)
    page.setPageSize("A3", QgsLayoutItemPage.Landscape)

    # outer frame of the sheet
    border = QgsLayoutItemShape(layout)
    border.setShapeType(QgsLayoutItemShape.Rectangle)
    border.setId("sheet_border")
    border.setSymbol(
        QgsFillSymbol.createSimple(
            {"color": "0,0,0,0", "outline_color": "#000000", "outline_width": "0.6"}
        )
    )
    layout.addLayoutItem(border)
    _place(border, MARGIN - 4, MARGIN - 4, PAGE_W - 2 * MARGIN + 8, PAGE_H - 2 * MARGIN + 8)

    _label(layout, "title", TITLE, 22, True, (MARGIN, MARGIN - 2, 300, 13), Qt.AlignLeft)
    _label(layout, "subtitle", SUBTITLE, 13, False, (MARGIN, MARGIN + 11, 300, 8), Qt.AlignLeft)

    map_y = MARGIN + 21
    main = QgsLayoutItemMap(layout)
    main.setId("main_map")
    main.setFrameEnabled(True)
    main.setFrameStrokeWidth(QgsLayoutMeasurement(0.4))
    main.setAtlasDriven(True)
    main.setAtlasScalingMode(QgsLayoutItemMap.Auto)  # unit extent + margin
    main.setAtlasMargin(0.10)
    main.setBackgroundColor(QColor("#ffffff"))
    layout.addLayoutItem(main)
    _place(main, MARGIN, map_y, PANEL_X - MARGIN - 6, PAGE_H - MARGIN - map_y)

    _north_arrow(layout, main, (PANEL_X - 6 - 18, map_y + 3, 14, 20))

    # right panel: key table, locator map, legend, scale, source
    y = map_y
    _label(layout, "key_title", "单元概况", 12, True, (PANEL_X, y, PANEL_W, 7))
    y += 8
    table = QgsLayoutItemManualTable.create(layout)
    rows = []
    for caption, expression in KEY_ROWS:
        if expression == "PHASE":
            expression = phase_expression()
        rows.append([QgsTableCell(caption), QgsTableCell(QgsProperty.fromExpression(expression))])
    table.setTableContents(rows)
    table.setContentTextFormat(_text_format(10))
    table.setHeaderTextFormat(_text_format(10, True))
    table.setIncludeTableHeader(False)
    table.setGridStrokeWidth(0.2)
    table.setCellMargin(1.2)
    table.setColumnWidths([26.0, PANEL_W - 26.0 - 2 * 1.2 * 2])
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    frame.setId("key_table")
    table.addFrame(frame)
    _place(frame, PANEL_X, y, PANEL_W, 48)
    y += 52

    _label(layout, "locator_title", "区位", 12, True, (PANEL_X, y, PANEL_W, 7))
    y += 8
    _locator(layout, main, (PANEL_X, y, PANEL_W, 56))
    y += 60

    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle("图例")
    legend.setLinkedMap(main)
    legend.setLegendFilterByMapEnabled(True)
    legend.setResizeToContents(False)
    legend.setStyleFont(QgsLegendStyle.Title, _font(12, True))
    legend.setStyleFont(QgsLegendStyle.Group, _font(10, True))
    legend.setStyleFont(QgsLegendStyle.Subgroup, _font(10, True))
    legend.setStyleFont(QgsLegendStyle.SymbolLabel, _font(9))
    legend.setSymbolWidth(8)
    legend.setSymbolHeight(4.5)
    layout.addLayoutItem(legend)
    legend_h = PAGE_H - MARGIN - 36 - y
    _place(legend, PANEL_X, y, PANEL_W, legend_h)
    y += legend_h + 2

    _scalebar(layout, main, (PANEL_X, y, PANEL_W, 12), (40, 70), 4, 2.5, 9)
    y += 13
    _label(layout, "scale_text", SCALE_TEXT, 9, False, (PANEL_X, y, PANEL_W, 6))

    _label(
        layout,
        "source",
        SOURCE,
        8,
        False,
        (PANEL_X, PAGE_H - MARGIN - 14, PANEL_W, 14),
    )
    return layout


# unit map of the 实施方案 (mm): printed 160 mm wide (the DOCX text width; the PDF prints
# it at the same width), so its scale bar and scale are true on paper
DOC_W, DOC_H = 160.0, 215.0
DOC_MAP_H = 158.0
#: Smallest type on the document map (pt): legend entries, scale bar, source.
DOC_MIN_PT = 7.5
DOC_SOURCE = (
    "数据来源：[% coalesce(@lowland_data_source, '低效用地认定、再开发单元划定成果') %]"
    "　坐标系：[% @project_crs %]　制图日期：[% format_date(now(),'yyyy年MM月dd日') %]"
)
#: Item ids the exporter binds in the document map (no key table, no page counter).
PAGE_ITEM_IDS = ("main_map", "locator_map", "legend", "scalebar", "scale_text", "north_arrow")


def build_page(project):
    """The unit map of the 实施方案 (160 × 215 mm portrait): map, north arrow, legend
    (≥ 7.5 pt), scale bar and scale, locator, source; no sheet furniture (no page
    counter, no key table: the document has them)."""
    from qgis.core import (
        QgsLayoutItemLegend,
        QgsLayoutItemMap,
        QgsLayoutSize,
        QgsLegendStyle,
        QgsPrintLayout,
        QgsUnitTypes,
    )
    from qgis.PyQt.QtGui import QColor

    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName("实施方案单元图（160 毫米宽）")
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(DOC_W, DOC_H, QgsUnitTypes.LayoutMillimeters))

    main = QgsLayoutItemMap(layout)
    main.setId("main_map")
    main.setFrameEnabled(True)
    main.setFrameStrokeWidth(QgsLayoutMeasurement(0.3))
    main.setAtlasDriven(True)
    main.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    main.setAtlasMargin(0.08)
    main.setBackgroundColor(QColor("#ffffff"))
    layout.addLayoutItem(main)
    _place(main, 0.3, 0.3, DOC_W - 0.6, DOC_MAP_H)

    _north_arrow(layout, main, (DOC_W - 14, 3, 10, 14))

    y = DOC_MAP_H + 3
    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle("图例")
    legend.setLinkedMap(main)
    legend.setLegendFilterByMapEnabled(True)
    legend.setResizeToContents(False)
    legend.setColumnCount(2)
    legend.setSplitLayer(True)
    legend.setStyleFont(QgsLegendStyle.Title, _font(10, True))
    legend.setStyleFont(QgsLegendStyle.Group, _font(8.5, True))
    legend.setStyleFont(QgsLegendStyle.Subgroup, _font(8.5, True))
    legend.setStyleFont(QgsLegendStyle.SymbolLabel, _font(DOC_MIN_PT))
    legend.setSymbolWidth(6)
    legend.setSymbolHeight(3.5)
    layout.addLayoutItem(legend)
    _place(legend, 0, y, 104, DOC_H - y - 6)

    _locator(layout, main, (108, y, DOC_W - 108.3, 30))

    _scalebar(layout, main, (108, y + 32, DOC_W - 108, 9), (25, 42), 2, 2, DOC_MIN_PT)
    _label(layout, "scale_text", SCALE_TEXT, DOC_MIN_PT, False, (108, y + 41, DOC_W - 108, 5))
    _label(layout, "source", DOC_SOURCE, DOC_MIN_PT, False, (0, DOC_H - 5.5, DOC_W, 5))
    return layout


def QgsLayoutMeasurement(value: float):  # noqa: N802 (mirrors the QGIS class)
    from qgis.core import QgsLayoutMeasurement as Measurement
    from qgis.core import QgsUnitTypes

    return Measurement(value, QgsUnitTypes.LayoutMillimeters)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication, QgsProject, QgsReadWriteContext

    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject()
    layout = build(project)
    missing = [i for i in ITEM_IDS if layout.itemById(i) is None]
    if missing:
        raise SystemExit(f"layout items missing: {missing}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    if not layout.saveAsTemplate(str(OUT), QgsReadWriteContext()):
        raise SystemExit(f"could not write {OUT}")
    print(f"[layouts] {OUT}")
    page = build_page(project)
    missing = [i for i in PAGE_ITEM_IDS if page.itemById(i) is None]
    if missing:
        raise SystemExit(f"document map items missing: {missing}")
    if not page.saveAsTemplate(str(OUT_PAGE), QgsReadWriteContext()):
        raise SystemExit(f"could not write {OUT_PAGE}")
    print(f"[layouts] {OUT_PAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
