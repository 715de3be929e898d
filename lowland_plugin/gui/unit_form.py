"""再开发单元 layers and their attribute form: which layer of the project holds units or
blocks, a new units layer (GeoPackage or memory) with aliases and the phase value map,
the attribute form (unit id, name, phase, notes) and choosing the layer to draw into."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsField,
    QgsFields,
    QgsMapLayer,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt import uic
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget

from ..bridge import field_types
from ..bridge.layers import field_names, is_blocks_layer, is_units_layer, python_value
from ..bridge.styles import apply_style_and_aliases, save_default_style
from ..core.common.fields import field_aliases, value_maps
from ..core.common.resources import PLUGIN_ROOT
from ..core.units.drawing import unit_id_problem
from ..core.units.live_metrics import SAVED_FIELDS
from ..i18n import language, tr

FORM_CLASS, _BASE = uic.loadUiType(str(PLUGIN_ROOT / "forms" / "unit_form.ui"))

#: Fields of a units layer (the ``UNITS`` input of lowland:buildunits, contracts.md).
UNIT_FIELDS = ("unit_id", "unit_name", "phase", "notes")
#: Phase codes in the order the form offers them (labels: resources/codes/value_maps.csv).
PHASES = ("near", "mid", "far")


# ----------------------------------------------------------------------------- layers


def find_units_layer(active=None, project: QgsProject | None = None) -> QgsVectorLayer | None:
    """The active layer when it is a units layer, else the first units layer of the project."""
    if is_units_layer(active):
        return active
    project = project or QgsProject.instance()
    return next((lyr for lyr in _ordered_layers(project) if is_units_layer(lyr)), None)


def find_blocks_layer(project: QgsProject | None = None) -> QgsVectorLayer | None:
    """The first blocks layer of the project (a layer without ``unit_id`` preferred)."""
    project = project or QgsProject.instance()
    blocks = [lyr for lyr in _ordered_layers(project) if is_blocks_layer(lyr)]
    plain = [lyr for lyr in blocks if "unit_id" not in field_names(lyr)]
    return (plain or blocks or [None])[0]


def _ordered_layers(project: QgsProject) -> list[QgsMapLayer]:
    """Layers in layer-tree order (top first), then any not in the tree."""
    in_tree = [n.layer() for n in project.layerTreeRoot().findLayers() if n.layer() is not None]
    rest = [lyr for lyr in project.mapLayers().values() if lyr not in in_tree]
    return in_tree + rest


def units_fields() -> QgsFields:
    """The four fields of a units layer."""
    fields = QgsFields()
    fields.append(QgsField("unit_id", field_types.STRING, "string", 32))
    fields.append(QgsField("unit_name", field_types.STRING, "string", 100))
    fields.append(QgsField("phase", field_types.STRING, "string", 8))
    fields.append(QgsField("notes", field_types.STRING, "string", 500))
    return fields


def create_units_layer(
    crs: QgsCoordinateReferenceSystem, path: str | Path | None = None, name: str | None = None
) -> QgsVectorLayer:
    """A new, empty units layer in ``crs`` with Chinese (or English) aliases and the phase
    value map: a GeoPackage layer ``units`` at ``path`` (written there, with its aliases as
    default style), or a memory layer when ``path`` is None. Not added to the project."""
    name = name or tr("再开发单元")
    fields = units_fields()
    if path is None:
        layer = QgsVectorLayer("MultiPolygon", name, "memory")
        layer.setCrs(crs)
        layer.dataProvider().addAttributes(fields.toList())
        layer.updateFields()
    else:
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = "units"
        writer = QgsVectorFileWriter.create(
            str(path),
            fields,
            QgsWkbTypes.Type.MultiPolygon,
            crs,
            QgsProject.instance().transformContext(),
            options,
        )
        if writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
            raise OSError(writer.errorMessage())
        del writer  # closes the file
        layer = QgsVectorLayer(f"{path}|layername=units", name, "ogr")
    if not layer.isValid():
        raise OSError(tr("无法创建再开发单元图层：") + str(path))
    apply_style_and_aliases(layer, field_aliases(UNIT_FIELDS, language()))
    if path is not None:
        save_default_style(layer, "units")
    return layer


#: Types of the statistics fields the tool writes (core/units/live_metrics.SAVED_FIELDS).
_TEXT_STATISTICS = ("source", "block_ids")
_COUNT_STATISTICS = ("block_count", "parcel_count", "lowland_count", "scattered_count")


def statistics_field(name: str) -> QgsField:
    if name in _TEXT_STATISTICS:
        return QgsField(name, field_types.STRING, "string", 2000 if name == "block_ids" else 16)
    if name in _COUNT_STATISTICS:
        return QgsField(name, field_types.INT, "integer")
    return QgsField(name, field_types.DOUBLE, "double", 20, 6)


def add_statistics_fields(layer: QgsVectorLayer) -> list[str]:
    """Add to ``layer`` (in edit mode: part of the current edit command) the statistics
    fields it lacks, with their aliases; returns the names added."""
    names = field_names(layer)
    added = [n for n in SAVED_FIELDS if n not in names]
    aliases = field_aliases(added, language())
    for name in added:
        field = statistics_field(name)
        field.setAlias(aliases.get(name, ""))
        layer.addAttribute(field)
    return added


# ----------------------------------------------------------------------------- form


def attribute_text(value) -> str:
    """An attribute as text ('' for NULL)."""
    value = python_value(value)
    return "" if value is None else str(value)


class UnitForm(QDialog, FORM_CLASS):
    """再开发单元属性: unit id (unique in the layer), name, phase, notes."""

    def __init__(
        self,
        existing_ids,
        values: dict | None = None,
        own_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.existing_ids = list(existing_ids)
        self.own_id = own_id
        self.setWindowTitle(tr("再开发单元属性"))
        self.unitIdLabel.setText(tr("单元编号"))
        self.unitNameLabel.setText(tr("单元名称"))
        self.phaseLabel.setText(tr("实施时序"))
        self.notesLabel.setText(tr("备注"))
        self.unitIdEdit.setToolTip(tr("图层内唯一，如 DY01"))
        self.phaseCombo.addItem(tr("未定"), None)
        labels = dict(value_maps(["phase"], language()).get("phase", []))
        for code in PHASES:
            self.phaseCombo.addItem(labels.get(code, code), code)
        self.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(tr("确定"))
        self.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        self.buttonBox.accepted.connect(self.accept)
        self.buttonBox.rejected.connect(self.reject)
        self.messageLabel.setStyleSheet("color: #b42318;")
        self.set_values(values or {})

    def set_values(self, values: dict) -> None:
        self.unitIdEdit.setText(attribute_text(values.get("unit_id")))
        self.unitNameEdit.setText(attribute_text(values.get("unit_name")))
        index = self.phaseCombo.findData(attribute_text(values.get("phase")) or None)
        self.phaseCombo.setCurrentIndex(max(index, 0))
        self.notesEdit.setPlainText(attribute_text(values.get("notes")))
        self.unitIdEdit.selectAll()

    def values(self) -> dict:
        """The form's attributes (empty texts as None)."""
        return {
            "unit_id": self.unitIdEdit.text().strip() or None,
            "unit_name": self.unitNameEdit.text().strip() or None,
            "phase": self.phaseCombo.currentData(),
            "notes": self.notesEdit.toPlainText().strip() or None,
        }

    def problem(self) -> str:
        """What keeps the form from being accepted ('' when nothing)."""
        unit_id = self.unitIdEdit.text()
        code = unit_id_problem(unit_id, self.existing_ids, self.own_id)
        if code == "empty":
            return tr("请填写单元编号。")
        if code == "duplicate":
            return tr("单元编号 {id} 已被图层中另一个单元使用。").format(id=unit_id.strip())
        return ""

    def accept(self) -> None:
        message = self.problem()
        self.messageLabel.setText(message)
        if message:
            self.unitIdEdit.setFocus()
            self.unitIdEdit.selectAll()
            return
        super().accept()


# ----------------------------------------------------------------------------- plugin glue


def choose_units_layer(iface) -> QgsVectorLayer | None:
    """The units layer to draw into: the active/first one of the project, else (asked)
    a new one — a GeoPackage the user names, or a temporary layer — added to the project."""
    layer = find_units_layer(iface.activeLayer())
    if layer is not None:
        return layer
    box = QMessageBox(iface.mainWindow())
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("绘制再开发单元"))
    box.setText(tr("项目中没有再开发单元图层（含 unit_id 的面图层）。新建一个？"))
    gpkg = box.addButton(tr("新建 GeoPackage…"), QMessageBox.ButtonRole.AcceptRole)
    memory = box.addButton(tr("临时图层"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    crs = QgsProject.instance().crs()
    if clicked is memory:
        layer = create_units_layer(crs)
    elif clicked is gpkg:
        from qgis.PyQt.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(
            iface.mainWindow(), tr("新建再开发单元图层"), "units.gpkg", "GeoPackage (*.gpkg)"
        )
        if not path:
            return None
        if not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        layer = create_units_layer(crs, path)
    else:
        return None
    QgsProject.instance().addMapLayer(layer)
    iface.setActiveLayer(layer)
    return layer
