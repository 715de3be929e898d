"""Translations: every user-visible string has an English translation, and the plugin's
translator switches the interface language."""

from __future__ import annotations

from pathlib import Path

from qgis.PyQt.QtCore import QCoreApplication

ROOT = Path(__file__).resolve().parents[1]


def _i18n_tool():
    from lowland_under_test.scripts import i18n  # scripts/: a namespace package

    return i18n


def test_every_tr_string_has_an_english_translation():
    tool = _i18n_tool()
    strings = tool.extract_strings()
    assert "地块指标计算" in strings  # the extractor sees self.tr(...) and tr(...)
    assert tool.missing_translations("en") == []


def test_english_translator_switches_language(qgis_app):
    from lowland_under_test.lowland_plugin.i18n import tr
    from lowland_under_test.lowland_plugin.plugin import load_translator

    assert tr("地块指标计算") == "地块指标计算"
    translator = load_translator("en_US")
    assert translator is not None
    try:
        assert tr("地块指标计算") == "Parcel indicators"
        assert tr("共 {0} 宗地，{1} 栋建筑。").format(3, 9) == "3 parcels, 9 buildings."
    finally:
        QCoreApplication.removeTranslator(translator)
    assert tr("地块指标计算") == "地块指标计算"


def test_unknown_locale_has_no_translator(qgis_app):
    from lowland_under_test.lowland_plugin.plugin import load_translator

    assert load_translator("xx_YY") is None
