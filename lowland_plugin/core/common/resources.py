"""Locate files under the plugin's ``resources/`` folder, whatever the plugin folder is named."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

#: The plugin root (the folder holding metadata.txt).
PLUGIN_ROOT = Path(__file__).resolve().parents[3]


def resource_path(*parts: str) -> Path:
    """Path of a file under ``resources/``."""
    return PLUGIN_ROOT.joinpath("resources", *parts)


@cache
def rows_by_layer(name: str) -> dict[str, list[dict[str, str]]]:
    """Rows of the code table ``resources/codes/<name>`` (UTF-8 CSV with a ``layer``
    column), grouped by layer, in file order. Cached: do not modify the result."""
    out: dict[str, list[dict[str, str]]] = {}
    with resource_path("codes", name).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(row["layer"], []).append(row)
    return out
