"""The plugin loads under any folder name, registers its provider, menu and toolbar,
and unloads cleanly (so Plugin Reloader works)."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path
from unittest import mock

import pytest
from qgis.core import QgsApplication

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def plugin_module(tmp_path, qgis_app, qgis_processing, load_plugin_copy):
    """A copy of the plugin in a folder with another name (as a zip install would give)."""
    existing = QgsApplication.processingRegistry().providerById("lowland")
    if existing is not None:  # registered by other tests: take it out while this test runs
        QgsApplication.processingRegistry().removeProvider(existing)
    yield load_plugin_copy(tmp_path, "lowland_master_copy")
    for name in [m for m in sys.modules if m.startswith("lowland_master_copy")]:
        del sys.modules[name]


def test_metadata_declares_provider_and_minimum_version():
    text = (ROOT / "metadata.txt").read_text(encoding="utf-8")
    for line in ("qgisMinimumVersion=3.22", "hasProcessingProvider=yes", "icon=", "tracker="):
        assert line in text
    assert "低效用地再开发" in text


def test_load_menu_toolbar_provider_unload_and_reload(plugin_module, qgis_iface):
    registry = QgsApplication.processingRegistry()
    from qgis.PyQt.QtWidgets import QMenu

    help_menu = QMenu()  # pytest-qgis's iface has no real 帮助 → 插件 menu
    for _round in range(2):  # a second round is what a plugin reload does
        with (
            mock.patch.object(qgis_iface, "pluginHelpMenu", return_value=help_menu),
            mock.patch.object(qgis_iface, "addPluginToMenu") as add_menu,
            mock.patch.object(qgis_iface, "removePluginMenu") as remove_menu,
            mock.patch.object(qgis_iface, "addDockWidget") as add_dock,
            mock.patch.object(qgis_iface, "removeDockWidget") as remove_dock,
        ):
            plugin = plugin_module.classFactory(qgis_iface)
            plugin.initGui()
            provider = registry.providerById("lowland")
            assert provider is not None
            assert registry.algorithmById("lowland:parcelindicators") is not None
            menus = {call.args[0] for call in add_menu.call_args_list}
            assert menus == {"低效用地再开发"}
            titles = [call.args[1].text() for call in add_menu.call_args_list]
            assert "地块指标计算" in titles
            assert [a.text() for a in plugin.toolbar.actions()][0] == "地块指标计算"
            # 地块核查: a checkable action in menu and toolbar that shows/hides the dock
            review = [a for a in plugin.actions if a.objectName() == "lowland_review"]
            assert len(review) == 1 and review[0].isCheckable()
            assert review[0].text() == "地块核查" and "地块核查" in titles
            assert review[0] in plugin.toolbar.actions()
            review[0].setChecked(True)
            dock = plugin.review_dock
            assert dock is not None and not dock.isHidden()
            assert add_dock.call_args.args[1] is dock
            assert dock.windowTitle() == "地块核查"
            review[0].setChecked(False)
            assert dock.isHidden()
            review[0].setChecked(True)
            assert not dock.isHidden() and plugin.review_dock is dock
            dock.close()  # the dock's own close button unchecks the action
            assert not review[0].isChecked()
            review[0].setChecked(True)
            # 绘制再开发单元: a checkable map-tool action in menu and toolbar
            unit = [a for a in plugin.actions if a.objectName() == "lowland_draw_unit"]
            assert len(unit) == 1 and unit[0].isCheckable() and "绘制再开发单元" in titles
            assert unit[0] in plugin.toolbar.actions()
            # 使用手册: in the plugin's menu and in QGIS's 帮助 → 插件 menu; the guide exists
            guide = [a for a in plugin.actions if a.objectName() == "lowland_guide"]
            assert len(guide) == 1 and "使用手册" in titles
            assert guide[0] in help_menu.actions()
            assert plugin_module.lowland_plugin.plugin.guide_path().is_file()
            # every algorithm of the provider except the bundled models is in the menu
            algorithms = {a.id() for a in provider.algorithms() if a.groupId() != "models"}
            assert algorithms <= set(plugin_module.lowland_plugin.plugin.MENU_ALGORITHMS)
            plugin.unload()
            assert help_menu.actions() == []
            remove_dock.assert_called_once_with(dock)
            assert plugin.review_dock is None
            assert registry.providerById("lowland") is None
            assert remove_menu.call_count == add_menu.call_count
            assert plugin.actions == []


def test_init_processing_alone_registers_provider(plugin_module, qgis_iface):
    """What qgis_process does: initProcessing without initGui."""
    plugin = plugin_module.classFactory(qgis_iface)
    plugin.initProcessing()
    plugin.initProcessing()  # idempotent
    assert QgsApplication.processingRegistry().providerById("lowland") is not None
    plugin.unload()
    assert QgsApplication.processingRegistry().providerById("lowland") is None


def test_missing_packages_load_a_stub_that_says_what_to_install(plugin_module, qgis_iface):
    """A planner's QGIS with Debian's shapely 1.8 and no geopandas: no traceback, no
    provider, one message naming the packages and the install command."""
    from qgis.gui import QgsMessageBar
    from qgis.PyQt.QtWidgets import QPushButton

    deps = importlib.import_module(f"{plugin_module.__name__}.lowland_plugin.dependencies")
    problems = ["shapely 1.8.5: 需要 / needs ≥ 2.0, < 2.1", "geopandas: 未安装 / not installed"]
    registry = QgsApplication.processingRegistry()
    bar = QgsMessageBar()
    with (
        mock.patch.object(deps, "missing_requirements", return_value=problems),
        mock.patch.object(qgis_iface, "messageBar", return_value=bar),
    ):
        plugin = plugin_module.classFactory(qgis_iface)
        plugin.initGui()
        assert registry.providerById("lowland") is None
        item = bar.currentItem()
        text = item.text()
        assert "shapely 1.8.5" in text and "geopandas" in text and "pip install" in text
        # the message offers 「安装依赖」, which opens the installer dialog
        button = item.findChild(QPushButton, "lowland_install_dependencies")
        assert button is not None and button.text() == "安装依赖"
        button.click()
        assert plugin.dialog is not None and plugin.dialog.isVisible()
        assert "shapely 1.8.5" in plugin.dialog.problemsLabel.text()
        plugin.unload()


def test_requirement_versions_are_checked(monkeypatch):
    import importlib.metadata

    from lowland_under_test.lowland_plugin import dependencies

    assert dependencies.missing_requirements() == []  # this environment is complete
    versions = {"shapely": "2.1.0", "geopandas": "0.14.4"}
    real = importlib.metadata.version
    monkeypatch.setattr(
        importlib.metadata, "version", lambda name: versions.get(name) or real(name)
    )
    assert dependencies.missing_requirements() == ["shapely 2.1.0: 需要 / needs ≥ 2.0, < 2.1"]
    versions["shapely"] = "1.8.5"
    assert dependencies.missing_requirements() == ["shapely 1.8.5: 需要 / needs ≥ 2.0, < 2.1"]
