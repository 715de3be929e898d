"""docs/guide/template_zh.md lists every variable of the 实施方案 context with an
example value, and the bundled templates use no variable the context lacks."""

from __future__ import annotations

from pathlib import Path

import jinja2.meta

from lowland_under_test.lowland_plugin.core.documents.chapters import CHAPTERS
from lowland_under_test.lowland_plugin.core.documents.render import (
    DEFAULT_HTML,
    sandbox_environment,
)

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "guide" / "template_zh.md"


def _tool():
    from lowland_under_test.scripts import make_template_guide

    return make_template_guide


def test_the_template_guide_is_up_to_date():
    tool = _tool()
    text = tool.guide_text(tool.sample_context())
    assert GUIDE.read_text(encoding="utf-8") == text, (
        "docs/guide/template_zh.md is stale: run python scripts/make_template_guide.py"
    )


def test_the_guide_documents_every_context_key_and_chapter():
    tool = _tool()
    context = tool.sample_context()
    text = GUIDE.read_text(encoding="utf-8")
    for key in context:
        assert f"| `{key}` |" in text, key
    for key in CHAPTERS:
        assert f"| `{key}` | {CHAPTERS[key]} |" in text
    # nested keys too: the funding rows and the status-quo tables
    assert "| `funding.costs[].amount` | 金额（元） |" in text
    assert "| `status_quo.land_use[].label` |" in text


def test_the_bundled_html_template_uses_only_context_variables():
    context = _tool().sample_context()
    env = sandbox_environment()
    source = DEFAULT_HTML.read_text(encoding="utf-8")
    used = jinja2.meta.find_undeclared_variables(env.parse(source))
    assert used <= set(context), used - set(context)


def test_the_guide_links_its_page_images():
    text = GUIDE.read_text(encoding="utf-8")
    for name, _ in _tool().SCREENSHOTS:
        assert f"](../screenshots/{name})" in text
        assert (ROOT / "docs" / "screenshots" / name).is_file(), name
