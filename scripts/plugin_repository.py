"""The ``plugins.xml`` of an internal QGIS plugin repository (standard library only).

A bureau puts ``plugins.xml`` and the plugin ZIP on any web or file server and adds the
XML's address in QGIS (插件 → 管理并安装插件 → 设置 → 添加插件源). The format is the one
QGIS's plugin installer reads (``pyplugin_installer/installer_data.py``,
``Repositories.xmlDownloaded``): ``<plugins>`` with one ``<pyqgis_plugin name=…
version=…>`` per plugin. Two details of that reader shape what is written here:

* the installer names the plugin after ``file_name`` up to its first dot, and installs
  it into ``python/plugins/<that name>``: ``file_name`` is ``lowland.<version>.zip``
  (``lowland-0.1.0.zip`` would make the key ``lowland-0``, and the installer would
  report the plugin as "disappeared" after unzipping ``lowland/``);
* ``download_url`` is used as it stands (``QUrl(download_url)``, never resolved against
  the repository's address): it is ``<base URL>/<ZIP name>``, with the base URL given
  by the bureau (``--base-url http://gis.example/plugins/``) or, by default, the
  ``file://`` URL of the folder the ZIP is written to.
"""

from __future__ import annotations

import configparser
from pathlib import Path
from xml.etree import ElementTree

#: metadata.txt key → element of ``<pyqgis_plugin>`` (the rest are computed).
METADATA_ELEMENTS = (
    ("description", "description"),
    ("about", "about"),
    ("qgisMinimumVersion", "qgis_minimum_version"),
    ("qgisMaximumVersion", "qgis_maximum_version"),
    ("homepage", "homepage"),
    ("author", "author_name"),
    ("email", "author_email"),
    ("tracker", "tracker"),
    ("repository", "repository"),
    ("tags", "tags"),
    ("category", "category"),
    ("changelog", "changelog"),
    ("experimental", "experimental"),
    ("deprecated", "deprecated"),
    ("server", "server"),
)


def repository_file_name(folder: str, version: str) -> str:
    """``<folder>.<version>.zip``: the installer's plugin key is the part before the dot."""
    return f"{folder}.{version}.zip"


def download_url(base_url: str, zip_name: str) -> str:
    """``base_url`` joined with the ZIP's name (one slash between them)."""
    return base_url.rstrip("/") + "/" + zip_name


def repository_xml(
    meta: configparser.SectionProxy,
    folder: str,
    zip_name: str,
    base_url: str,
    date: str,
    uploaded_by: str = "",
) -> str:
    """The text of ``plugins.xml`` for one plugin (``date``: ISO 8601, e.g. the commit's)."""
    version = meta.get("version", "").strip()
    root = ElementTree.Element("plugins")
    plugin = ElementTree.SubElement(
        root,
        "pyqgis_plugin",
        name=meta.get("name", folder).strip(),
        version=version,
        plugin_id=folder,
    )

    def add(tag: str, text: str) -> None:
        ElementTree.SubElement(plugin, tag).text = text

    for key, tag in METADATA_ELEMENTS:
        value = meta.get(key, "").strip()
        if value:
            add(tag, value)
    add("version", version)
    add("file_name", repository_file_name(folder, version))
    add("download_url", download_url(base_url, zip_name))
    add("uploaded_by", uploaded_by or meta.get("author", "").strip())
    add("create_date", date)
    add("update_date", date)
    add("trusted", "False")
    ElementTree.indent(root)
    body = ElementTree.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def write_repository(
    zip_path: Path,
    meta: configparser.SectionProxy,
    folder: str,
    date: str,
    base_url: str | None = None,
) -> Path:
    """Write ``plugins.xml`` next to ``zip_path``; its path."""
    base = base_url or zip_path.parent.resolve().as_uri()
    xml = repository_xml(meta, folder, zip_path.name, base, date)
    out = zip_path.parent / "plugins.xml"
    out.write_text(xml, encoding="utf-8")
    return out
