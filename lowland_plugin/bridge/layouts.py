"""Unit maps from the review print layout (``resources/layouts/review_a3.qpt``).

QGIS-side and thin: the layout is built by ``scripts/make_layouts.py``; this module
loads it into a project of its own (never the user's project, so it works headless in
``qgis_process`` and pytest), binds the layers and runs the atlas over the units:

- :func:`export_unit_maps` — one PNG per unit (the maps in the 实施方案 documents);
- :func:`export_atlas_pdf` — one PDF, a page per unit sorted by ``unit_id``
  (the review-meeting print, Y-3 / N-3).

``units_layer`` is the ``lowland:buildunits`` output (``unit_id`` required; the key
table reads ``unit_name``, ``area_m2``, ``area_mu``, ``lowland_area_m2``,
``lowland_share``, ``lowland_count``, ``phase``). ``layers`` are the other layers to
draw: a parcels layer with ``verdict``/``lowland_type`` (identifyparcels output) gets
the bundled 低效用地 style, blocks (``block_id`` without ``parcel_id``) and roads (lines)
get plain styles; any other layer keeps its own style. Layers may be given as
``QgsVectorLayer`` or as a data source string. They are cloned: the inputs are not
changed.

Call from one thread, the one that runs the algorithm (the project and layout of the
export are created there; generateplan runs in a background task, issue 21).
Cancelling (``feedback.isCanceled()``) raises :class:`QgsProcessingException` and
leaves no file of the call behind.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from osgeo import gdal
from qgis.core import (
    QgsExpressionContextUtils,
    QgsFeedback,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutTable,
    QgsLegendStyle,
    QgsLineSymbol,
    QgsMapLayer,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsProcessingException,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsRenderContext,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

from ..core.common.resources import resource_path
from ..i18n import tr
from .outputs import cancelled_error
from .pdf import PDF_FONT
from .plan_files import safe_file_part

#: The bundled review layout (A3 landscape).
TEMPLATE = resource_path("layouts", "review_a3.qpt")
#: The unit map of the 实施方案 (160 × 215 mm portrait, printed 160 mm wide: its scale
#: bar and scale are true on paper; legend ≥ 7.5 pt; no page counter).
PAGE_TEMPLATE = resource_path("layouts", "unit_page.qpt")
#: Printed width of the :data:`PAGE_TEMPLATE` map (mm).
PAGE_MAP_WIDTH_MM = 160
#: Resolution of the unit images for the documents (A3 page → 2480 × 1754 px).
PNG_DPI = 150
#: Resolution of raster parts of the PDF.
PDF_DPI = 200
#: The layout's texts are Chinese: so are the legend entries.
STYLE_PARCELS = resource_path("styles", "identifyparcels_zh.qml")
#: Map item ids in the template (scripts/make_layouts.py).
MAIN_MAP, LOCATOR_MAP, LEGEND, SCALEBAR, NORTH_ARROW = (
    "main_map",
    "locator_map",
    "legend",
    "scalebar",
    "north_arrow",
)

LayerLike = QgsVectorLayer | str


# ----------------------------------------------------------------------------- public


def export_unit_maps(
    units_layer: LayerLike,
    layers: Sequence[LayerLike],
    out_dir: str | os.PathLike,
    feedback=None,
    *,
    unit_ids: Iterable[str] | None = None,
    dpi: int = PNG_DPI,
    template: str | os.PathLike = TEMPLATE,
) -> dict[str, str]:
    """One PNG per unit (the whole page of ``template``: the A3 review sheet, or
    :data:`PAGE_TEMPLATE` for a document) in ``out_dir`` as ``map_<unit_id>.png``;
    returns ``{unit_id: path}`` in unit order.

    ``unit_ids`` limits the export to those units (default: all). ``feedback`` (a
    QgsFeedback or anything with ``setProgress``/``isCanceled``) gets 0–100 % over
    the units; cancelling removes the images written by this call and raises.
    """
    sheet = _ReviewSheet(units_layer, layers, unit_ids, template)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    atlas = sheet.layout.atlas()
    written: dict[str, str] = {}
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = dpi
    exporter = QgsLayoutExporter(sheet.layout)
    try:
        if not atlas.beginRender():
            raise QgsProcessingException(_no_units_message())
        total = atlas.count()
        for index in range(total):
            if feedback is not None and feedback.isCanceled():
                raise cancelled_error()
            if not atlas.seekTo(index):
                raise QgsProcessingException(
                    tr("单元图导出失败：无法定位第 {0} 个单元。").format(index + 1)
                    + f" / unit map export failed at unit {index + 1}."
                )
            unit_id = str(sheet.layout.reportContext().feature()["unit_id"])
            path = out / f"map_{safe_file_part(unit_id)}.png"
            partial = path.with_name(path.stem + ".partial.png")
            gdal.PushErrorHandler("CPLQuietErrorHandler")  # QGIS tries to georeference
            try:  # the PNG in place, which GDAL's PNG driver refuses (harmless, noisy)
                result = exporter.exportToImage(str(partial), settings)
            finally:
                gdal.PopErrorHandler()
            if result != QgsLayoutExporter.ExportResult.Success or not partial.is_file():
                partial.unlink(missing_ok=True)
                raise QgsProcessingException(
                    tr("单元 {0} 的图片写入失败：{1}").format(unit_id, path)
                    + f" / could not write the map of unit {unit_id}: {path}"
                )
            os.replace(partial, path)
            written[unit_id] = str(path)
            if feedback is not None:
                feedback.setProgress(100.0 * (index + 1) / total)
    except BaseException:
        for done in written.values():
            Path(done).unlink(missing_ok=True)
        raise
    finally:
        atlas.endRender()
        sheet.close()
    return written


def export_atlas_pdf(
    units_layer: LayerLike,
    layers: Sequence[LayerLike],
    pdf_path: str | os.PathLike,
    feedback=None,
    *,
    unit_ids: Iterable[str] | None = None,
) -> str:
    """One PDF with a review page per unit, sorted by ``unit_id``; returns its path.

    Written to a temporary file beside ``pdf_path`` and moved into place when
    complete: a failure or cancel leaves no (partial) PDF.
    """
    sheet = _ReviewSheet(units_layer, layers, unit_ids)
    target = Path(pdf_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(suffix=".pdf", prefix=".partial-", dir=target.parent)
    os.close(handle)
    inner = _bridge(feedback)
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = PDF_DPI
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = False
    settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText  # searchable PDF
    try:
        if sheet.layout.atlas().updateFeatures() == 0:
            raise QgsProcessingException(_no_units_message())
        result, error = QgsLayoutExporter.exportToPdf(
            sheet.layout.atlas(), partial, settings, inner
        )
        if inner.isCanceled() or (feedback is not None and feedback.isCanceled()):
            raise cancelled_error()
        if result != QgsLayoutExporter.ExportResult.Success:
            raise QgsProcessingException(
                tr("图集 PDF 导出失败：{0}").format(error or target)
                + f" / atlas PDF export failed: {error or target}"
            )
        os.replace(partial, target)
    finally:
        Path(partial).unlink(missing_ok=True)
        sheet.close()
    if feedback is not None:
        feedback.setProgress(100.0)
    return str(target)


def unit_map_frame(
    units_layer: LayerLike,
    unit_id: str,
    dpi: int = PNG_DPI,
    template: str | os.PathLike = TEMPLATE,
) -> tuple[QgsRectangle, tuple[float, float, float, float]]:
    """Where the map of ``unit_id`` lies on its page as :func:`export_unit_maps` draws
    it with ``template``: (map extent in the layer CRS, (left, top, width, height) of the
    map frame in pixels of a ``dpi`` image) — to find a feature on the exported PNG."""
    sheet = _ReviewSheet(units_layer, [], [unit_id], template)
    atlas = sheet.layout.atlas()
    try:
        if not atlas.beginRender() or not atlas.seekTo(0):
            raise QgsProcessingException(_no_units_message())
        main = _item(sheet.layout, MAIN_MAP, QgsLayoutItemMap)
        extent = QgsRectangle(main.extent())
        pos, rect = main.pagePos(), main.rect()
        scale = dpi / 25.4  # layout units are mm
        frame = (pos.x() * scale, pos.y() * scale, rect.width() * scale, rect.height() * scale)
    finally:
        atlas.endRender()
        sheet.close()
    return extent, frame


def load_review_layout(project: QgsProject, template: str | os.PathLike = TEMPLATE):
    """The review layout read from ``template`` into ``project`` (not added to it)."""
    document = QDomDocument()
    text = Path(template).read_text(encoding="utf-8")
    if not document.setContent(text):
        raise QgsProcessingException(
            tr("打印模板无法读取：{0}").format(template) + f" / unreadable layout: {template}"
        )
    layout = QgsPrintLayout(project)
    items, ok = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not ok or not items:
        raise QgsProcessingException(
            tr("打印模板无法读取：{0}").format(template) + f" / unreadable layout: {template}"
        )
    layout.setName(Path(template).stem)
    return layout


def add_review_layout(project: QgsProject, units: QgsVectorLayer) -> QgsPrintLayout:
    """The review layout added to ``project``'s layouts for editing and printing in QGIS:
    an atlas over ``units`` (sorted by unit_id) whose main map and legend follow the
    project's visible layers and their own styles. Returns the layout (named
    「再开发单元评审图集」, numbered when that name is taken)."""
    _require_unit_id(units)
    layout = load_review_layout(project)
    searchable_text(layout)
    manager = project.layoutManager()
    base = tr("再开发单元评审图集")
    name, number = base, 1
    while manager.layoutByName(name) is not None:
        number += 1
        name = f"{base} {number}"
    layout.setName(name)
    atlas = _bind_atlas(layout, units)
    main = _item(layout, MAIN_MAP, QgsLayoutItemMap)
    main.setKeepLayerSet(False)  # the project's visible layers, as the planner set them
    _bind_maps(layout, main, units, [units])
    legend = _item(layout, LEGEND, QgsLayoutItemLegend)
    legend.setLinkedMap(main)
    legend.setAutoUpdateModel(True)
    atlas.updateFeatures()
    if not manager.addLayout(layout):
        raise QgsProcessingException(
            tr("无法把布局加入工程：{0}").format(name) + f" / cannot add the layout {name}"
        )
    return layout


def unshaped(font: QFont) -> QFont:
    """``font`` drawn without OpenType shaping: with shaping, Qt's PDF writer gives the
    digits of Noto Sans CJK no Unicode mapping ("DY01" is found as "DY"); CJK and Latin
    text need no shaping."""
    font = QFont(font)
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return font


def searchable_text(layout) -> None:
    """Every text item of ``layout`` set :func:`unshaped` (the font strategy is not kept
    in the .qpt), so the exported PDF's text is found and copied as printed."""
    for item in layout.items():
        if isinstance(item, QgsLayoutItemLabel):
            item.setFont(unshaped(item.font()))
        elif isinstance(item, QgsLayoutItemLegend):
            for style in (
                QgsLegendStyle.Style.Title,
                QgsLegendStyle.Style.Group,
                QgsLegendStyle.Style.Subgroup,
                QgsLegendStyle.Style.SymbolLabel,
            ):
                item.setStyleFont(style, unshaped(item.style(style).font()))
        elif isinstance(item, QgsLayoutItemScaleBar):
            item.setTextFormat(_unshaped_format(item.textFormat()))
    for frame in layout.multiFrames():
        if isinstance(frame, QgsLayoutTable):
            frame.setContentTextFormat(_unshaped_format(frame.contentTextFormat()))
            frame.setHeaderTextFormat(_unshaped_format(frame.headerTextFormat()))


def _unshaped_format(fmt: QgsTextFormat) -> QgsTextFormat:
    fmt = QgsTextFormat(fmt)
    fmt.setFont(unshaped(fmt.font()))
    return fmt


# ----------------------------------------------------------------------------- sheet


def _require_unit_id(units: QgsVectorLayer | None) -> QgsVectorLayer:
    """``units`` when it is a layer with a unit_id field (else a clear error)."""
    if units is None or units.fields().indexOf("unit_id") < 0:
        name = units.name() if units is not None else ""
        raise QgsProcessingException(
            tr(
                "单元图层「{0}」缺少 unit_id 字段：请使用再开发单元划定（lowland:buildunits）的输出。"
            ).format(name)
            + f" / the units layer {name!r} has no unit_id field: use the output of "
            "lowland:buildunits."
        )
    return units


def _bind_atlas(layout, units: QgsVectorLayer):
    """The layout's atlas over ``units``, a page per unit sorted and named by unit_id."""
    atlas = layout.atlas()
    atlas.setCoverageLayer(units)
    atlas.setEnabled(True)
    atlas.setHideCoverage(False)
    atlas.setSortFeatures(True)
    atlas.setSortExpression('"unit_id"')
    atlas.setSortAscending(True)
    atlas.setPageNameExpression('"unit_id"')
    return atlas


def _bind_maps(layout, main: QgsLayoutItemMap, units: QgsVectorLayer, locator_layers) -> None:
    """The main map follows the atlas; the locator map shows ``locator_layers`` over all
    units with the main map's extent; scale bar and north arrow follow the main map."""
    main.setCrs(units.crs())
    main.setAtlasDriven(True)
    _zoom(main, _extent(units))
    locator = _item(layout, LOCATOR_MAP, QgsLayoutItemMap)
    locator.setLayers(list(locator_layers))
    locator.setKeepLayerSet(True)
    locator.setCrs(units.crs())
    extent = _extent(units)
    extent.scale(1.08)
    _zoom(locator, extent)
    for overview in locator.overviews().asList():
        overview.setLinkedMap(main)
    _item(layout, SCALEBAR, QgsLayoutItemScaleBar).setLinkedMap(main)
    _item(layout, NORTH_ARROW, QgsLayoutItemPicture).setLinkedMap(main)


class _ReviewSheet:
    """The review layout in a project of its own with clones of the layers bound."""

    def __init__(
        self,
        units_layer: LayerLike,
        layers: Sequence[LayerLike],
        unit_ids: Iterable[str] | None,
        template: str | os.PathLike = TEMPLATE,
    ) -> None:
        units = _require_unit_id(_as_layer(units_layer, tr("再开发单元")))
        self.project = QgsProject()
        self.project.setCrs(units.crs())
        self.units = _clone(units)
        self.units.setName(tr("再开发单元"))
        _style_units(self.units)
        others = [_as_layer(layer, None) for layer in layers or ()]
        self.others = [_styled_clone(layer) for layer in others if layer is not None]
        # drawing order: units on top, then lines, then blocks, then parcels and the rest
        ordered: list[QgsVectorLayer] = [self.units, *sorted(self.others, key=_draw_rank)]
        self.project.addMapLayers(ordered, False)
        source = QgsExpressionContextUtils.projectScope(QgsProject.instance()).variable(
            "lowland_data_source"
        )
        if source:  # the user's wording of the data source (project variable)
            QgsExpressionContextUtils.setProjectVariable(
                self.project, "lowland_data_source", str(source)
            )
        self.layout = load_review_layout(self.project, template)
        searchable_text(self.layout)
        self._bind(ordered, unit_ids)

    def _bind(self, ordered: list[QgsVectorLayer], unit_ids: Iterable[str] | None) -> None:
        layout = self.layout
        atlas = _bind_atlas(layout, self.units)
        if unit_ids is not None:
            wanted = sorted({str(u) for u in unit_ids})
            quoted = ", ".join("'" + u.replace("'", "''") + "'" for u in wanted)
            atlas.setFilterFeatures(True)
            atlas.setFilterExpression(f'"unit_id" IN ({quoted})' if wanted else "FALSE")
        main = _item(layout, MAIN_MAP, QgsLayoutItemMap)
        main.setLayers(ordered)
        main.setKeepLayerSet(True)
        context_layers = [self.units] + [
            layer for layer in self.others if _role(layer) in ("roads", "blocks")
        ]
        _bind_maps(layout, main, self.units, context_layers)
        legend = _item(layout, LEGEND, QgsLayoutItemLegend)
        legend.setLinkedMap(main)
        legend.setAutoUpdateModel(False)
        root = legend.model().rootGroup()
        root.removeAllChildren()
        for layer in ordered:
            root.addLayer(layer)
        # two columns: the parcels' outcome and review-state entries fit the panel
        legend.setColumnCount(2)
        legend.setSplitLayer(True)
        legend.updateLegend()

    def close(self) -> None:
        """Release the clones (file handles) now rather than at garbage collection."""
        self.project.removeAllMapLayers()


def _item(layout, item_id: str, kind):
    item = layout.itemById(item_id)
    if not isinstance(item, kind):
        raise QgsProcessingException(
            tr("打印模板缺少图元「{0}」。").format(item_id)
            + f" / the layout template has no item {item_id!r}."
        )
    return item


def _zoom(item: QgsLayoutItemMap, extent: QgsRectangle) -> None:
    """Show ``extent`` in the map item keeping the item's size (``zoomToExtent`` does
    nothing while the item's extent is still empty, as after loading the template)."""
    size = item.sizeWithUnits()
    if item.extent().isEmpty():
        item.setExtent(extent)
        item.attemptResize(size)
    item.zoomToExtent(extent)


def _extent(layer: QgsVectorLayer) -> QgsRectangle:
    layer.updateExtents()
    return QgsRectangle(layer.extent())


def _as_layer(layer: LayerLike | None, name: str | None) -> QgsVectorLayer | None:
    if layer is None:
        return None
    if isinstance(layer, QgsVectorLayer):
        result = layer
    else:
        source = str(layer)
        result = QgsVectorLayer(source, name or Path(source.split("|")[0]).stem, "ogr")
    if not result.isValid():
        raise QgsProcessingException(
            tr("图层无法打开：{0}").format(result.source())
            + f" / cannot open layer: {result.source()}"
        )
    return result


# ----------------------------------------------------------------------------- styles


def _role(layer: QgsVectorLayer) -> str | None:
    names = set(layer.fields().names())
    geometry = layer.geometryType()
    if geometry == QgsWkbTypes.GeometryType.LineGeometry:
        return "roads"
    if geometry != QgsWkbTypes.GeometryType.PolygonGeometry:
        return None
    if {"verdict", "lowland_type"} <= names:
        return "parcels"
    if "block_id" in names and "parcel_id" not in names:  # delineateblocks / buildunits
        return "blocks"
    if "parcel_id" in names:
        return "raw_parcels"
    return None


#: Drawing order of the sheet's layers by role (lower draws on top); other layers last.
_DRAW_RANK = {"roads": 0, "blocks": 1, "parcels": 2, "raw_parcels": 2}


def _draw_rank(layer: QgsVectorLayer) -> int:
    role = _role(layer)
    return _DRAW_RANK.get(role, 3) if role is not None else 3


def _clone(layer: QgsVectorLayer) -> QgsVectorLayer:
    """A copy of ``layer`` for the sheet's own project (QGIS's clone() never fails for a
    valid vector layer; the stubs type it Optional)."""
    clone = layer.clone()
    if clone is None:
        raise QgsProcessingException(f"cannot copy layer {layer.name()}")
    return clone


def _styled_clone(layer: QgsVectorLayer) -> QgsVectorLayer:
    clone = _clone(layer)
    role = _role(layer)
    if role == "parcels":
        clone.setName(tr("低效用地认定"))
        if not _import_style(clone, STYLE_PARCELS):
            clone.setRenderer(QgsSingleSymbolRenderer(_fill("#ffffff", "#666666", 0.15)))
    elif role == "raw_parcels":
        clone.setName(tr("宗地"))
        clone.setRenderer(QgsSingleSymbolRenderer(_fill("#f4f1ea", "#8c8c8c", 0.15)))
    elif role == "blocks":
        clone.setName(tr("街坊"))
        symbol = _fill("0,0,0,0", "#1f4e9a", 0.35)
        symbol.symbolLayer(0).setStrokeStyle(_dash())
        clone.setRenderer(QgsSingleSymbolRenderer(symbol))
    elif role == "roads":
        clone.setName(tr("道路"))
        clone.setRenderer(
            QgsSingleSymbolRenderer(
                QgsLineSymbol.createSimple({"line_color": "#7f7f7f", "line_width": "0.5"})
            )
        )
    clone.setLabelsEnabled(False)
    return clone


def _import_style(layer: QgsVectorLayer, qml: Path) -> bool:
    """Apply the symbology of ``qml`` (``loadNamedStyle`` would prefer the style a
    GeoPackage stores for the layer, as the Lowland outputs do)."""
    document = QDomDocument()
    if not document.setContent(qml.read_text(encoding="utf-8")):
        return False
    ok, _error = layer.importNamedStyle(document, categories=QgsMapLayer.StyleCategory.Symbology)
    return bool(ok)


def _fill(colour: str, outline: str, width: float) -> QgsFillSymbol:
    symbol = QgsFillSymbol.createSimple(
        {"color": colour, "outline_color": outline, "outline_width": str(width)}
    )
    assert symbol is not None  # createSimple returns a symbol for any property map
    return symbol


def _dash():
    from qgis.PyQt.QtCore import Qt

    return Qt.PenStyle.DashLine


def _style_units(layer: QgsVectorLayer) -> None:
    """The atlas unit drawn with a thick red outline, the other units thin and dashed,
    every unit labelled with its id."""
    root = QgsRuleBasedRenderer.Rule(None)
    current = QgsRuleBasedRenderer.Rule(
        _fill("0,0,0,0", "#d00000", 0.9), 0, 0, "@atlas_featureid = $id", tr("本单元")
    )
    other_symbol = _fill("0,0,0,0", "#d00000", 0.35)
    other_symbol.symbolLayer(0).setStrokeStyle(_dash())
    others = QgsRuleBasedRenderer.Rule(other_symbol, 0, 0, "ELSE", tr("其他单元"))
    root.appendChild(current)
    root.appendChild(others)
    layer.setRenderer(QgsRuleBasedRenderer(root))
    settings = QgsPalLayerSettings()
    settings.fieldName = "unit_id"
    settings.placement = QgsPalLayerSettings.Placement.OverPoint
    text = QgsTextFormat()
    font = unshaped(QFont(PDF_FONT))
    font.setBold(True)
    text.setFont(font)
    text.setSize(11)
    text.setColor(QColor("#b00000"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(1.0)
    buffer.setColor(QColor("#ffffff"))
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


# ----------------------------------------------------------------------------- feedback


def _bridge(feedback) -> QgsFeedback:
    """A QgsFeedback for QGIS's atlas exporter that reports progress to ``feedback`` and
    is cancelled when ``feedback`` is (checked at each page)."""
    inner = QgsFeedback()
    if feedback is None:
        return inner

    def forward(value: float) -> None:
        if feedback.isCanceled():
            inner.cancel()
        feedback.setProgress(value)

    inner.progressChanged.connect(forward)
    if isinstance(feedback, QgsFeedback):
        feedback.canceled.connect(inner.cancel)
        if feedback.isCanceled():
            inner.cancel()
    inner._lowland_forward = forward  # keep the slot alive with the feedback
    return inner


def _no_units_message() -> str:
    return tr("没有可出图的再开发单元：单元图层为空或所选单元不存在。") + (
        " / no redevelopment unit to map: the units layer is empty or the chosen units "
        "do not exist."
    )


__all__ = [
    "PNG_DPI",
    "TEMPLATE",
    "export_atlas_pdf",
    "export_unit_maps",
    "load_review_layout",
    "safe_file_part",
    "unit_map_frame",
]
