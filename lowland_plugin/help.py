"""Help where people look: the user guide rendered to HTML (``docs/guide/html/``, made
by ``scripts/guide_html.py`` and shipped in the ZIP), opened from every algorithm's
``helpUrl()``, the plugin's 使用手册 menu entry and each dock's 帮助 button."""

from __future__ import annotations

from pathlib import Path

from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QToolButton, QWidget

from .core.common.resources import PLUGIN_ROOT
from .i18n import language, tr

#: Folder of the rendered guide.
HTML = PLUGIN_ROOT / "docs" / "guide" / "html"

#: Dock / tool → (page, anchor) of the guide section that explains it.
DOCK_PAGES = {
    "review": ("README.html", "review-dock"),
    "plan": ("README.html", "plan-dock"),
    "scenarios": ("README.html", "scenario-dock"),
    "units": ("README.html", "unit-tool"),
    "install": ("install_zh.html", "安装依赖一键可离线"),
}


def guide_page(page: str = "README.html") -> Path:
    """Path of a rendered guide page."""
    return HTML / page


def guide_url(page: str = "README.html", anchor: str = "") -> str:
    """``file://`` URL of a guide page, with ``#anchor`` when given."""
    url = QUrl.fromLocalFile(str(guide_page(page)))
    if anchor:
        url.setFragment(anchor)
    return url.toString()


def algorithm_help_url(name: str, lang: str | None = None) -> str:
    """The reference section of algorithm ``name`` (English page in an English QGIS)."""
    page = "reference_en.html" if (lang or language()) == "en" else "reference_zh.html"
    return guide_url(page, name)


def open_guide(page: str = "README.html", anchor: str = "") -> bool:
    """Open a guide page in the system's browser."""
    return QDesktopServices.openUrl(QUrl(guide_url(page, anchor)))


def help_button(parent: QWidget, dock: str) -> QToolButton:
    """A 帮助 button that opens the guide section of ``dock`` (a key of DOCK_PAGES)."""
    page, anchor = DOCK_PAGES[dock]
    button = QToolButton(parent)
    button.setObjectName(f"lowland_help_{dock}")
    button.setText(tr("帮助"))
    button.setToolTip(tr("打开使用手册中本功能的说明"))
    button.clicked.connect(lambda _=False: open_guide(page, anchor))
    return button


def how_to_text(dock: str) -> str:
    """The short 「怎么用」 line shown at the top of a dock."""
    texts = {
        "review": tr(
            "怎么用：选择认定结果图层 → 在列表中选中一宗地 → 查看理由与指标 → "
            "确认、否定或改判并写明意见。"
        ),
        "plan": tr(
            "怎么用：选择单元、宗地、项目图层 → 勾选单元 → 选择模板和输出文件夹 → "
            "「预览」或「生成」。"
        ),
        "scenarios": tr(
            "怎么用：选择单元和项目图层 → 打开方案库 → 新建或复制方案 → 在地图上选地块，"
            "设置方式、用途、容积率 → 看比选表与图表。"
        ),
    }
    return texts.get(dock, "")


def attach_help(dock: QWidget, key: str) -> None:
    """Put the 「怎么用」 line and the 帮助 button at the top of ``dock``'s main layout
    (the docks' forms name it ``mainLayout``); once per dock."""
    from qgis.PyQt.QtWidgets import QHBoxLayout, QLabel

    if dock.findChild(QToolButton, f"lowland_help_{key}") is not None:
        return
    row = QHBoxLayout()
    label = QLabel(how_to_text(key), dock)
    label.setObjectName(f"lowland_howto_{key}")
    label.setWordWrap(True)
    row.addWidget(label, 1)
    row.addWidget(help_button(dock, key))
    dock.mainLayout.insertLayout(0, row)
