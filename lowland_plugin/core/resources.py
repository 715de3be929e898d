"""Locate files under the plugin's ``resources/`` folder, whatever the plugin folder is named."""

from __future__ import annotations

from pathlib import Path

#: The plugin root (the folder holding metadata.txt).
PLUGIN_ROOT = Path(__file__).resolve().parents[2]


def resource_path(*parts: str) -> Path:
    """Path of a file under ``resources/``."""
    return PLUGIN_ROOT.joinpath("resources", *parts)
