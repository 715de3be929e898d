"""Translation helpers: every user-visible string goes through :func:`tr`."""

from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings

#: Translation context used in i18n/*.ts.
CONTEXT = "Lowland"


def tr(text: str) -> str:
    """Translate ``text`` (source strings are Chinese; English comes from i18n/lowland_en.qm)."""
    return QCoreApplication.translate(CONTEXT, text)


def user_locale() -> str:
    """The QGIS interface language, e.g. 'zh_CN', 'zh-Hans' or 'en_US'.

    ``QgsApplication.locale()`` follows ``qgis --lang`` and the user's override
    setting; the system locale is the fallback.
    """
    from qgis.core import QgsApplication

    locale = QgsApplication.locale() or ""
    if not locale:
        override = QSettings().value("locale/overrideFlag", False, type=bool)
        locale = QSettings().value("locale/userLocale", "") if override else ""
    return locale or QLocale.system().name()


def language() -> str:
    """'en' for an English interface, else 'zh' (the plugin's own language, also for
    'C' and locales without a translation), matching which translator is loaded."""
    return "en" if user_locale().lower().startswith("en") else "zh"
