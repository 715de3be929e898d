"""十、方案比选 of the 实施方案 (issue 23 item 4): the comparison table with the same
numbers as the Comparison, the best value marked, failed checks with their clause, the
charts, and the chosen scenario named — in the HTML, the DOCX and the PDF."""

from __future__ import annotations

import shutil
import subprocess

import docx
import pytest
from test_plan_document import synthetic

from lowland_under_test.lowland_plugin.core.common.profiles import load_profile
from lowland_under_test.lowland_plugin.core.documents import plan as pd_
from lowland_under_test.lowland_plugin.core.documents.render import (
    load_html_template,
    render_docx,
    render_html,
    write_atomic,
)
from lowland_under_test.lowland_plugin.core.documents.scenarios import (
    NO_STORE_TEXT,
    scenario_section,
    value_text,
)
from lowland_under_test.lowland_plugin.core.scenarios.charts import write_charts
from lowland_under_test.tests.scenario_helpers import two_scenarios


def context(tmp_path, comparison=None, charts=True):
    unit, parcels = synthetic()
    comparison = comparison or two_scenarios()
    paths = None
    if charts:
        paths = {k: str(p) for k, p in write_charts(comparison, tmp_path / "maps").items()}
    return pd_.build_unit_context(
        unit.iloc[0], parcels, None, None, load_profile("default"), base_dir=tmp_path,
        comparison=comparison, scenario_charts=paths, scenario_store=True,
    )  # fmt: skip


def test_values_print_as_the_document_prints_numbers():
    assert value_text(12000.0) == "12,000"
    assert value_text(-300.5) == "-300.50"
    assert value_text(None) == "未知"
    assert value_text(float("nan")) == "未知"


def test_the_section_has_the_comparison_numbers_best_marked_and_the_chosen_plan(tmp_path):
    section = context(tmp_path)["scenarios"]
    assert section["missing"] is None
    assert section["chosen"] == {"scenario_id": "U01-A", "name": "方案A"}
    assert section["columns"] == ["方案A", "方案B"]
    rows = {r["label"]: [c["text"] for c in r["cells"]] for r in section["rows"]}
    # 15000 > 12000 (higher is better); balance of B unknown, so A's −300 is the best known;
    # failed checks 0 < 1 (lower is better)
    assert rows == {
        "总建筑面积": ["12,000", "15,000 ★"],
        "资金平衡": ["-300 ★", "未知"],
        "未通过核查数": ["0 ★", "1"],
    }
    assert section["failures"][1]["checks"] == [
        {"check": "容积率核定", "clause": "Y-4", "project_id": "P2",
         "text": "容积率 3.20 超过上限 2.50"}
    ]  # fmt: skip
    assert [c["src"] for c in section["charts"]] == [
        "maps/gfa_by_use.png",
        "maps/funding.png",
        "maps/resolved_by_phase.png",
    ]


def test_without_a_store_the_chapter_says_so():
    assert scenario_section(None)["missing"] == NO_STORE_TEXT
    assert "没有本单元的方案" in scenario_section(None, store_given=True)["missing"]


def test_the_chapter_in_the_html(tmp_path):
    html = render_html(load_html_template(), context(tmp_path))
    assert "十、方案比选" in html
    assert "本实施方案按选定方案「方案A」（U01-A）编制" in html
    assert '<td class="n best">15,000 ★</td>' in html
    assert '<td class="n">未知</td>' in html
    assert "容积率核定（Y-4，P2）：容积率 3.20 超过上限 2.50" in html
    assert '<img src="maps/funding.png"' in html


def test_the_chapter_in_the_docx(tmp_path):
    ctx = context(tmp_path)
    path = write_atomic(tmp_path / "DY07.docx", render_docx(None, ctx))
    document = docx.Document(path)
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "指标")
    cells = [[c.text for c in r.cells] for r in table.rows]
    assert cells == [
        ["指标", "单位", "方案A", "方案B", "依据"],
        ["总建筑面积", "m²", "12,000", "15,000 ★", "Y-4"],
        ["资金平衡", "万元", "-300 ★", "未知", "N-3"],
        ["未通过核查数", "项", "0 ★", "1", "—"],
    ]
    # the grid follows the scenario columns (5), and the best cell is shaded
    assert len(table._tbl.tblGrid.gridCol_lst) == 5
    assert 'w:fill="E2EFDA"' in table.rows[1].cells[3]._tc.xml
    texts = [p.text for p in document.paragraphs]
    assert "十、方案比选" in texts
    assert any("本实施方案按选定方案「方案A」（U01-A）编制" in t for t in texts)
    assert any("容积率核定（Y-4，P2）" in t for t in texts)
    assert len(document.inline_shapes) == 3  # the three charts (no unit map here)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")
def test_the_chapter_in_the_pdf(qgis_app, tmp_path):
    from lowland_under_test.lowland_plugin.bridge.pdf import html_to_pdf

    ctx = context(tmp_path)
    pdf = tmp_path / "DY07.pdf"
    html_to_pdf(render_html(load_html_template(), ctx), pdf, tmp_path, "DY07")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "十、方案比选" in text
    assert "选定方案「方案A」" in text
    line = next(ln for ln in text.splitlines() if "总建筑面积" in ln)
    assert "12,000" in line and "15,000 ★" in line
