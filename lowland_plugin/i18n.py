"""Translation helpers: every user-visible string goes through :func:`tr`."""

from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings

#: Translation context used in i18n/*.ts.
CONTEXT = "Lowland"


def tr(text: str) -> str:
    """Translate ``text`` (source strings are Chinese; English comes from i18n/lowland_en.qm)."""
    return QCoreApplication.translate(CONTEXT, text)


def user_locale() -> str:
    """The QGIS user locale, e.g. 'zh_CN' or 'en_US'."""
    override = QSettings().value("locale/overrideFlag", False, type=bool)
    locale = QSettings().value("locale/userLocale", "") if override else ""
    return locale or QLocale.system().name()


def language() -> str:
    """'zh' or 'en': the language for field aliases and messages."""
    return "zh" if user_locale().lower().startswith("zh") else "en"
