"""Settings a planner sets once persist in QgsSettings (lowland_plugin/settings.py): the
plan dock's profile and templates are restored and saved; the reviewer and the output
folder use the keys the docks already read."""

from __future__ import annotations

import pytest
from qgis.core import QgsSettings
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import QComboBox, QWidget

from lowland_under_test.lowland_plugin import settings
from lowland_under_test.lowland_plugin.gui import plan_dock, review_dock


@pytest.fixture
def clean_settings():
    keys = list(settings.KEYS.values())
    before = {key: QgsSettings().value(key) for key in keys}
    for key in keys:
        QgsSettings().remove(key)
    yield
    for key, value in before.items():
        if value is None:
            QgsSettings().remove(key)
        else:
            QgsSettings().setValue(key, value)


class FakePlanDock(QWidget):
    """The plan dock's three widgets remember_plan_choices touches."""

    def __init__(self) -> None:
        super().__init__()
        self.profileCombo = QComboBox(self)
        self.profileCombo.setEditable(True)
        self.profileCombo.addItems(["default", "yinchuan"])
        self.docxTemplate = QgsFileWidget(self)
        self.htmlTemplate = QgsFileWidget(self)


def test_the_docks_keys_are_the_settings_keys():
    assert settings.KEYS["reviewer"] == review_dock.REVIEWER_KEY
    assert settings.KEYS["output_folder"] == plan_dock.FOLDER_KEY


def test_plan_choices_are_saved_and_restored_in_the_next_session(clean_settings, tmp_path):
    first = FakePlanDock()
    settings.remember_plan_choices(first)
    assert first.profileCombo.currentText() == "default"  # nothing saved yet
    first.profileCombo.setCurrentText("yinchuan")
    docx = tmp_path / "局模板.docx"
    first.docxTemplate.setFilePath(str(docx))
    assert QgsSettings().value("lowland/profile") == "yinchuan"
    assert QgsSettings().value("lowland/template_docx") == str(docx)

    second = FakePlanDock()  # QGIS restarted: a new dock
    settings.remember_plan_choices(second)
    assert second.profileCombo.currentText() == "yinchuan"
    assert second.docxTemplate.filePath() == str(docx)
    assert second.htmlTemplate.filePath() == ""  # never set: the bundled template
    second.docxTemplate.setFilePath("")
    assert settings.saved("template_docx") == ""  # cleared stays cleared
