"""十、方案比选 of the 实施方案 (issue 23 item 4): the comparison table with the same
numbers as the Comparison, the best value marked, failed checks with their clause, the
charts, and the chosen scenario named — in the HTML, the DOCX and the PDF."""

from __future__ import annotations

import re
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

#: Least room (pt) between a right-aligned value and the next cell's text in the PDF: the
#: padding 5 px + 5 px = 10 / 96 in = 7.5 pt (measured 7.92 pt; without it 0.72 pt, the
#: borders alone).
GAP_PT = 6.0


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
    # padded inline: the PDF (Qt) takes a cell's padding only from its style attribute
    pad = 'style="padding-left: 5px; padding-right: 5px"'
    assert f'<td class="n best" nowrap {pad}>15,000 ★</td>' in html
    assert f'<td class="n" nowrap {pad}>未知</td>' in html
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
    # the right-aligned value keeps off the cell border: Qt pads a PDF cell only from
    # its style attribute (the template's padding-left/right: 5px); without it 「★」 ran
    # into the border before 「Y-4」
    bbox = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    words = re.findall(
        r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', bbox
    )
    star = next(w for w in words if w[3] == "★")
    clause = next(w for w in words if w[3] == "Y-4" and abs(float(w[1]) - float(star[1])) < 3)
    gap = float(clause[0]) - float(star[2])
    assert gap > GAP_PT, gap


def test_generateplan_with_a_store_has_the_chapter_with_the_evaluation_numbers(
    sample_units_chain, tmp_path
):
    """lowland:generateplan on the sample with a store of two DY02 scenarios (the plan,
    and a copy whose PRJ03 is 收储 at FAR 2.0, chosen) and the 控规 layer (CONTROLS):
    the DOCX and the PDF hold the table of evaluate_scenarios with that capacity, number
    for number (the capacity rows filled, not 未知), and name the chosen scenario."""
    import datetime as dt

    from check_helpers import SAMPLE_PROJECTS, generate_sample_plans
    from osgeo import ogr

    from lowland_under_test.lowland_plugin.bridge import scenario_store
    from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer
    from lowland_under_test.lowland_plugin.core.documents.projects import assign_projects
    from lowland_under_test.lowland_plugin.core.scenarios.evaluate import evaluate_scenarios

    units = read_ogr_layer(sample_units_chain["units"].split("|")[0])
    projects = read_ogr_layer(str(SAMPLE_PROJECTS), "projects")
    mine = projects[assign_projects(units, projects).reindex(projects.index) == "DY02"]
    store = str(tmp_path / "units_scenarios.gpkg")
    scenario_store.create_store(store, projects)
    now = dt.datetime(2025, 6, 1, 9, 0)
    scenario_store.add_scenario(store, mine, "DY02", "现行方案", "张工", now)
    scenario_store.copy_scenario(store, "DY02-A", "收储提容方案", "张工", now)
    ds = ogr.Open(store, update=1)
    layer = ds.GetLayerByName("scenario_projects")
    for feature in list(layer):
        if (
            feature.GetField("scenario_id") == "DY02-B"
            and feature.GetField("project_id") == "PRJ03"
        ):
            area = feature.GetGeometryRef().GetArea()
            feature.SetField("redevelopment_mode", "acquisition")
            feature.SetField("gfa_proposed", round(2.0 * area, 1))
            feature.SetField("gfa_by_use", None)
            layer.SetFeature(feature)
    del layer, ds
    scenario_store.mark_chosen(store, "DY02-B")

    controls_path = SAMPLE_PROJECTS.parent / "sample_district.gpkg"
    folder = generate_sample_plans(sample_units_chain, tmp_path / "plans", [0, 2],
                                   SCENARIOS=store, UNIT_IDS="DY02,DY01", MAPS=False,
                                   CONTROLS=f"{controls_path}|layername=plan")  # fmt: skip
    table, stored = scenario_store.read_store(store)
    unit = units[units["unit_id"] == "DY02"].iloc[0].to_dict()
    pieces = read_ogr_layer(str(SAMPLE_PROJECTS), "pieces")
    zones = read_ogr_layer(str(SAMPLE_PROJECTS), "zones")
    parcels = read_ogr_layer(sample_units_chain["parcels"].split("|")[0])
    legacy = read_ogr_layer(sample_units_chain["legacy"].split("|")[0])
    # 八、资金平衡 computes compensation on the unit's 低效地块; the comparison must too
    gfa, basis, _ = pd_.unit_compensation_basis(unit, parcels, units, legacy)
    assert basis == "低效地块现状建筑面积" and gfa > 0
    expected = evaluate_scenarios(table, stored, load_profile("yinchuan"), unit_id="DY02",
                                  pieces=pieces, zones=zones, unit=unit,
                                  compensation=(gfa, basis),
                                  capacity=read_ogr_layer(str(controls_path), "plan"))  # fmt: skip
    capacity = expected.row("capacity_m2").values
    assert all(v is not None and v > 0 for v in capacity.values()), capacity
    rows = [
        [r.label_zh, r.unit or "—"]
        + [value_text(r.values[s]) + (" ★" if s in r.best else "") for s in ("DY02-A", "DY02-B")]
        + [r.clause or "—"]
        for r in expected.rows
    ]

    document = docx.Document(folder / "DY02_实施方案.docx")
    table_ = next(t for t in document.tables if t.rows[0].cells[0].text == "指标")
    cells = [[c.text for c in r.cells] for r in table_.rows]
    assert cells[0] == ["指标", "单位", "现行方案", "收储提容方案", "依据"]
    assert cells[1:] == rows
    # the chosen scenario's balance in the comparison is chapter 八's balance
    balance = value_text(expected.row("funding_balance_wan").values["DY02-B"])
    funding = next(t for t in document.tables
                   if any("资金平衡" in c.text for r in t.rows for c in r.cells)
                   and t is not table_)  # fmt: skip
    assert any(balance in c.text for r in funding.rows for c in r.cells), balance
    texts = "\n".join(p.text for p in document.paragraphs)
    assert "本实施方案按选定方案「收储提容方案」（DY02-B）编制" in texts
    assert len(document.inline_shapes) == 3  # the charts (no unit map: MAPS off)
    # the document describes the chosen scenario: in 六、实施主体 PRJ03 is 收储 (the plan
    # leaves its mode empty)
    subjects = next(t for t in document.tables
                    if [c.text for c in t.rows[0].cells][2:3] == ["实施主体"])  # fmt: skip
    rows_ = {r.cells[0].text.split()[0]: [c.text for c in r.cells] for r in subjects.rows[1:]}
    assert "政府（土地储备机构）" in rows_["PRJ03"]
    # a unit without scenarios says so
    other = docx.Document(folder / "DY01_实施方案.docx")
    assert any("没有本单元的方案" in p.text for p in other.paragraphs)

    text = subprocess.run(
        ["pdftotext", "-layout", str(folder / "DY02_实施方案.pdf"), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    flat = re.sub(r"\s+", "", text)  # lines wrap anywhere in Chinese text
    assert "十、方案比选" in flat and "选定方案「收储提容方案」（DY02-B）编制" in flat
    gfa = expected.row("gfa_total_m2").values
    line = next(ln for ln in text.splitlines() if "规划总建筑面积" in ln)
    assert value_text(gfa["DY02-A"]) in line and value_text(gfa["DY02-B"]) in line


def test_generateplan_checks_the_scenarios_on_the_stores_own_pieces(sample_units_chain, tmp_path):
    """The sample store carries each scenario's scattered pieces (scenario_pieces): the
    chapter checks Y-7 on them, as lowland:evaluatescenarios and the dock do — 方案A
    passes every check, 方案B fails Y-4 and Y-7 on PRJ01 (the plan's pieces, PIECES,
    would fail A on Y-7 too); with CONTROLS the capacity rows are numbers."""
    from check_helpers import SAMPLE_PROJECTS, generate_sample_plans

    store = tmp_path / "store.gpkg"
    shutil.copy(SAMPLE_PROJECTS.parent / "sample_scenarios.gpkg", store)
    controls = f"{SAMPLE_PROJECTS.parent / 'sample_district.gpkg'}|layername=plan"
    folder = generate_sample_plans(sample_units_chain, tmp_path / "plans", [1],
                                   SCENARIOS=str(store), CONTROLS=controls, UNIT_IDS="DY02",
                                   MAPS=False)  # fmt: skip
    html = (folder / "DY02_实施方案.html").read_text(encoding="utf-8")
    chapter = html[html.index("十、方案比选") :]
    assert "方案A 原权利人改造：各项核查均通过" in chapter
    failed = re.findall(r"<li>[^<（]*（(Y-\d+)，(PRJ\d+)）", chapter)
    assert sorted(set(failed)) == [("Y-4", "PRJ01"), ("Y-7", "PRJ01")]
    row = re.search(r"开发容量（受控规限制的项目）</td>(.*?)</tr>", chapter).group(1)
    assert "未知" not in row and "116,718" in row  # PRJ01 under the 控规 (as the dock shows)
