"""Run inside QGIS desktop by scripts/screenshot.py (``qgis --code``): not part of the plugin."""

import os

import qgis.utils
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QPoint, QTimer
from qgis.PyQt.QtWidgets import QApplication

iface = qgis.utils.iface
qgis.utils.loadPlugin("lowland")
qgis.utils.startPlugin("lowland")
sample = os.environ["LOWLAND_SAMPLE"]
for name in ("parcels", "buildings", "roads"):
    layer = QgsVectorLayer(f"{sample}|layername={name}", name, "ogr")
    QgsProject.instance().addMapLayer(layer)
iface.mainWindow().showMaximized()


def open_menu():
    plugin = qgis.utils.plugins["lowland"]
    bar = iface.mainWindow().menuBar()
    for action in bar.actions():
        if action.menu() is iface.pluginMenu():
            bar.setActiveAction(action)
    for action in iface.pluginMenu().actions():
        if action.menu() is not None and action.text() == plugin.menu_title:
            iface.pluginMenu().setActiveAction(action)
            action.menu().popup(
                iface.pluginMenu().mapToGlobal(QPoint(iface.pluginMenu().width(), 0))
            )
    iface.mapCanvas().zoomToFullExtent()
    QTimer.singleShot(2500, grab)


def grab():
    screen = QApplication.primaryScreen()
    screen.grabWindow(0).save(os.environ["LOWLAND_SHOT_OUT"])
    QTimer.singleShot(200, QApplication.instance().quit)


QTimer.singleShot(4000, open_menu)
