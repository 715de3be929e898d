"""Help where people look: the guide rendered to HTML (scripts/guide_html.py) is up to
date, its links resolve, every algorithm's helpUrl() and each dock's 帮助 button open an
existing page at an existing anchor (lowland_plugin/help.py)."""

from __future__ import annotations

import re
from pathlib import Path
from unittest import mock
from urllib.parse import unquote, urlsplit

import pytest
from qgis.PyQt.QtWidgets import QLabel, QToolButton, QVBoxLayout, QWidget

from lowland_under_test.lowland_plugin import help as lowland_help
from lowland_under_test.processing.provider import ALGORITHMS
from lowland_under_test.scripts import guide_html

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "docs" / "guide" / "html"


def _ids(page: Path) -> set[str]:
    return set(re.findall(r'id="([^"]+)"', page.read_text(encoding="utf-8")))


def _resolve(url: str) -> tuple[Path, str]:
    parts = urlsplit(url)
    assert parts.scheme == "file", url
    return Path(unquote(parts.path)), unquote(parts.fragment)


def test_rendered_guide_is_up_to_date():
    files = guide_html.rendered_files()
    assert set(files) == {p.name for p in HTML.glob("*.html")}
    for name, text in files.items():
        stored = (HTML / name).read_text(encoding="utf-8")
        assert stored == text, f"docs/guide/html/{name} is stale: run `bash scripts/run guide`"
    # one page per Markdown page, plus the index
    assert len(files) == len(list((ROOT / "docs" / "guide").glob("*.md"))) + 1


def test_markdown_rendering_of_the_constructs_the_guide_uses():
    body, headings = guide_html.markdown_to_html(
        "## 4. 流程模型与批处理（qgis_process）\n\n"
        "1. 第一 `a<b`\n   续行\n   - 子项 [链接](reference_zh.md#x)\n\n"
        '![图](../screenshots/a.png)\n\n3. <a id="step"></a>**第三**\n\n'
        "| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n\n## 地块指标 — `lowland:parcelindicators`\n"
    )
    assert headings[0][:2] == (2, "4-流程模型与批处理qgis_process")  # GitHub's id
    assert (
        '<ol>\n<li>第一 <code>a&lt;b</code> 续行<ul>\n<li>子项 <a href="reference_zh.html#x">'
        in body
    )
    assert '<img src="../../screenshots/a.png" alt="图">' in body
    assert '<ol start="3">\n<li><a id="step"></a><strong>第三</strong></li>' in body
    assert "<tr><th>甲</th><th>乙</th></tr>\n<tr><td>1</td><td>2</td></tr>" in body
    assert '<a id="parcelindicators"></a>' in body


def test_links_in_the_rendered_guide_resolve():
    for page in HTML.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r'(?:href|src)="([^"]+)"', text):
            if re.match(r"^[a-z]+:", target):
                continue
            path, _, anchor = target.partition("#")
            file = (page.parent / path) if path else page
            assert file.exists(), (page.name, target)
            if anchor and file.suffix == ".html":
                assert anchor in _ids(file), (page.name, target)


def test_every_algorithm_help_opens_its_reference_section():
    for cls in ALGORITHMS:
        alg = cls()
        for lang, page in (("zh", "reference_zh.html"), ("en", "reference_en.html")):
            path, anchor = _resolve(lowland_help.algorithm_help_url(alg.name(), lang))
            assert path == HTML / page and anchor == alg.name()
            assert anchor in _ids(path), (alg.name(), page)
        assert alg.helpUrl() == lowland_help.algorithm_help_url(alg.name())


def test_dock_help_button_and_how_to_line_open_the_guide_section():
    for key, anchor in (("review", "review-dock"), ("plan", "plan-dock")):
        dock = QWidget()
        dock.mainLayout = QVBoxLayout(dock)
        lowland_help.attach_help(dock, key)
        lowland_help.attach_help(dock, key)  # once only
        buttons = dock.findChildren(QToolButton, f"lowland_help_{key}")
        assert len(buttons) == 1 and buttons[0].text() == "帮助"
        how_to = dock.findChild(QLabel, f"lowland_howto_{key}")
        assert how_to.text().startswith("怎么用：")
        with mock.patch.object(lowland_help.QDesktopServices, "openUrl") as opened:
            buttons[0].click()
        path, fragment = _resolve(opened.call_args.args[0].toString())
        assert path == HTML / "README.html" and fragment == anchor
        assert anchor in _ids(path)


def test_the_plugin_puts_help_in_both_docks(qgis_iface, clean_plan_settings):
    from lowland_under_test.lowland_plugin.plugin import LowlandPlugin

    plugin = LowlandPlugin(qgis_iface)
    try:
        plugin.show_review_dock(True)
        plugin.show_plan_dock(True)
        for dock, key in ((plugin.review_dock, "review"), (plugin.plan_dock, "plan")):
            assert dock.findChild(QToolButton, f"lowland_help_{key}") is not None, key
            assert dock.findChild(QLabel, f"lowland_howto_{key}").text().startswith("怎么用")
        # the plan dock's profile is saved when changed (lowland_plugin/settings.py)
        plugin.plan_dock.profileCombo.setCurrentText("yinchuan")
        from qgis.core import QgsSettings

        assert QgsSettings().value("lowland/profile") == "yinchuan"
    finally:
        plugin.unload()


@pytest.fixture
def clean_plan_settings():
    from qgis.core import QgsSettings

    before = QgsSettings().value("lowland/profile")
    yield
    if before is None:
        QgsSettings().remove("lowland/profile")
    else:
        QgsSettings().setValue("lowland/profile", before)
