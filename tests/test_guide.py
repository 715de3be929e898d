"""The generated parts of the user guide are in step with the plugin."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "guide"


def _tool():
    spec = importlib.util.spec_from_file_location("make_guide", ROOT / "scripts" / "make_guide.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_guide"] = module
    spec.loader.exec_module(module)
    return module


def test_generated_guide_files_are_up_to_date(lowland_provider):
    files = _tool().generated_files(lowland_provider)
    assert set(files) == {"reference_zh.md", "reference_en.md", "fields_zh.md"}
    for name, content in files.items():
        stored = (GUIDE / name).read_text(encoding="utf-8")
        assert stored == content, f"docs/guide/{name} is stale: run `bash scripts/run guide`"


def test_reference_covers_every_algorithm_in_both_languages(lowland_provider):
    files = _tool().generated_files(lowland_provider)
    for alg in lowland_provider.algorithms():
        assert f"`{alg.id()}`" in files["reference_zh.md"]
        assert f"`{alg.id()}`" in files["reference_en.md"]
    assert "## 低效用地认定 — `lowland:identifyparcels`" in files["reference_zh.md"]
    assert (
        "## Low-efficiency land identification — `lowland:identifyparcels`"
        in (files["reference_en.md"])
    )
    assert "| `PARCELS` |" in files["reference_en.md"]


def test_html_help_becomes_markdown():
    tool = _tool()
    text = tool.html_to_markdown("<p>甲 <b>乙</b></p><ul><li>一</li><li>二 &lt; 3</li></ul>")
    assert text == "甲 **乙**\n\n- 一\n- 二 < 3"


def test_guide_links_resolve():
    """Relative links in the hand-written guide point at files that exist."""
    import re

    guide = GUIDE / "README.md"
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", guide.read_text(encoding="utf-8")):
        assert (guide.parent / target).exists(), target
