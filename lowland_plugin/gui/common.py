"""Pieces the plugin's docks share: keyboard shortcuts that win over the QGIS main
window's own, and zooming the map canvas to a feature.

QGIS's menu bar also owns Alt+C (Pro&cessing), Alt+R (&Raster) and Alt+O (Vect&or): two
active shortcuts make Qt alternate between them. While the focus is in the dock, the
event filter claims the key first (ShortcutOverride) and fires the dock's shortcut, so
the menu does not open instead.
"""

from __future__ import annotations

from collections.abc import Callable

from qgis.core import QgsCoordinateTransform, QgsCsException, QgsProject, QgsVectorLayer
from qgis.gui import QgsMapCanvas
from qgis.PyQt.QtCore import QEvent, QObject, Qt
from qgis.PyQt.QtGui import QKeySequence
from qgis.PyQt.QtWidgets import QShortcut, QWidget


class DockShortcuts(QObject):
    """Shortcuts on ``dock`` (context: the dock and its children), by key sequence."""

    def __init__(self, dock: QWidget) -> None:
        super().__init__(dock)
        self.dock = dock
        self.shortcuts: dict[str, QShortcut] = {}
        self._by_key: dict[int, QShortcut] = {}
        self._swallow_key: int | None = None

    def add(self, sequence: str, slot: Callable[[], object]) -> QShortcut:
        """A shortcut for ``sequence`` (e.g. ``"Alt+C"``) calling ``slot``."""
        keys = QKeySequence(sequence)
        shortcut = QShortcut(keys, self.dock)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)
        self.shortcuts[sequence] = shortcut
        self._by_key[keys[0]] = shortcut
        return shortcut

    def claim_keys(self) -> None:
        """Filter the key events of the dock and all its children (call after ``add``)."""
        for widget in [self.dock, *self.dock.findChildren(QWidget)]:
            widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            modifiers = int(event.modifiers()) & ~int(Qt.KeyboardModifier.KeypadModifier)
            combined = int(event.key()) | modifiers
            shortcut = self._by_key.get(combined)
            if shortcut is not None and shortcut.isEnabled():
                if kind == QEvent.Type.ShortcutOverride:
                    event.accept()
                    self._swallow_key = combined
                    shortcut.activated.emit()
                    return True
                if self._swallow_key == combined:
                    if kind == QEvent.Type.KeyRelease:
                        self._swallow_key = None
                    return True
        return super().eventFilter(watched, event)


def zoom_to_feature(canvas: QgsMapCanvas, layer: QgsVectorLayer, fid: int) -> None:
    """Zoom the canvas to feature ``fid`` of ``layer`` with its neighbours, and flash it."""
    feature = layer.getFeature(fid)
    if not feature.hasGeometry():
        return
    rect = feature.geometry().boundingBox()
    destination = canvas.mapSettings().destinationCrs()
    if destination.isValid() and destination != layer.crs():
        transform = QgsCoordinateTransform(layer.crs(), destination, QgsProject.instance())
        try:
            rect = transform.transformBoundingBox(rect)
        except QgsCsException:
            return
    size = max(rect.width(), rect.height(), 50.0)
    rect.grow(size * 1.2)  # the neighbours too: a parcel is judged in its setting
    canvas.setExtent(rect)
    canvas.refresh()
    canvas.flashFeatureIds(layer, [fid])
