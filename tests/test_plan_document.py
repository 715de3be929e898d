"""The 实施方案 context and its rendering (core, no QGIS): numbers from the same check
functions, the funding balance by hand, formatting filters, escaping, the sandbox and
template errors with their line."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import docx
import geopandas as gpd
import pytest
from shapely.geometry import box

from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer
from lowland_under_test.lowland_plugin.core.checks.far import far_check
from lowland_under_test.lowland_plugin.core.checks.land_price import land_price
from lowland_under_test.lowland_plugin.core.checks.mixed_use import mixed_use
from lowland_under_test.lowland_plugin.core.checks.scattered import scattered_check
from lowland_under_test.lowland_plugin.core.common.errors import LowlandInputError
from lowland_under_test.lowland_plugin.core.common.mapping import template_frame
from lowland_under_test.lowland_plugin.core.common.profiles import (
    LocalValue,
    Source,
    load_profile,
)
from lowland_under_test.lowland_plugin.core.documents import formatting as fmt_
from lowland_under_test.lowland_plugin.core.documents import funding as funding_
from lowland_under_test.lowland_plugin.core.documents import plan as pd_
from lowland_under_test.lowland_plugin.core.documents import projects as projects_
from lowland_under_test.lowland_plugin.core.documents.render import (
    load_html_template,
    render_docx,
    render_html,
    write_atomic,
)

ROOT = Path(__file__).resolve().parents[1]
PROJECTS = str(ROOT / "resources" / "sample" / "sample_projects.gpkg")
UNITS = str(ROOT / "resources" / "sample" / "sample_units.gpkg")
CRS = "EPSG:4544"


@pytest.fixture(scope="module")
def sample():
    projects = read_ogr_layer(PROJECTS, "projects").reset_index(drop=True)
    pieces = read_ogr_layer(PROJECTS, "pieces").reset_index(drop=True)
    zones = read_ogr_layer(PROJECTS, "zones").reset_index(drop=True)
    units = read_ogr_layer(UNITS, "units").reset_index(drop=True)
    return projects, pieces, zones, units


def test_projects_go_to_their_unit_id_else_the_unit_they_overlap_most(sample):
    projects, _, _, units = sample
    assert projects_.assign_projects(units, projects).tolist() == ["DY02", "DY03", "DY02"]
    named = projects.copy()
    named.loc[1, "unit_id"] = "DY04"  # an explicit unit_id wins over the overlap
    named.loc[2, "unit_id"] = "DY99"  # an unknown one does not
    assert projects_.assign_projects(units, named).tolist() == ["DY02", "DY04", "DY02"]
    # equal overlap with two units: the smaller unit_id
    two = gpd.GeoDataFrame(
        {"unit_id": ["B", "A"]}, geometry=[box(0, 0, 10, 10), box(10, 0, 20, 10)], crs=CRS
    )
    one = gpd.GeoDataFrame({"project_id": ["P"]}, geometry=[box(5, 0, 15, 10)], crs=CRS)
    assert projects_.assign_projects(two, one).tolist() == ["A"]


def test_context_numbers_are_the_check_outputs(sample):
    projects, pieces, zones, units = sample
    frame = template_frame(projects, "projects", None, ("project_id",)).reset_index(drop=True)
    far = far_check(frame).table
    price = land_price(frame).table
    mixed = mixed_use(frame, template_frame(zones, "zones")).table
    scattered = scattered_check(frame, template_frame(pieces, "pieces")).table
    checks = projects_.project_checks(projects, units, pieces, zones)
    ctx = pd_.build_unit_context(
        units.iloc[1], None, None, None, load_profile("yinchuan"), checks=checks
    )
    assert [r["project_id"] for r in ctx["far"]] == ["PRJ01", "PRJ03"]
    for row, i in zip(ctx["far"], (0, 2), strict=True):
        assert row["gfa_counted"] == far["gfa_counted"][i]
        assert row["gfa_allowed"] == far["gfa_allowed"][i]
        assert row["far_pass"] == bool(far["far_pass"][i])
    prj01 = ctx["land_price"][0]
    assert prj01["price_due"] == price["price_due"][0] == 15_150_000.0  # 38.6M − (21.3M + 2.15M)
    assert prj01["first_amount"] == prj01["rest_amount"] == 7_575_000.0
    assert prj01["first_due_date"] == dt.date(2025, 2, 28)
    assert prj01["alt_price"] == price["alt_price"][0]
    assert not ctx["land_price"][1]["computed"]  # PRJ03 has no appraisal
    assert ctx["mixed_use"][0]["main_share"] == mixed["main_share"][0]
    assert [s["area_m2"] for s in ctx["scattered"]] == list(scattered["scattered_area_m2"][[0, 2]])
    assert ctx["scattered"][0]["passed"] is False  # S1 + S2 = 6500 m² > 10 % (Y-7)
    assert ctx["land_price_total"] == 15_150_000.0
    assert ctx["funding"]["revenues"][0]["amount"] == 15_150_000.0
    ids = [c["id"] for c in ctx["clauses"]]
    assert ids[:3] == ["Y-3", "Y-4", "Y-7"] and {"N-3", "N-9", "N-10"} <= set(ids)
    assert all(c["text"] for c in ctx["clauses"])


def test_the_documents_checks_take_the_documents_profile(sample):
    # issue 16: the 实施方案 checks the projects with its own rule profile, not the
    # default. PRJ01: S1 3000 m² + S2 3500 m² = 6500 m² of 38 406 m² = 16.9 %; default
    # (5 亩 = 3333.33 m², 10 %) fails; a city with 6 亩 (4000 m²) and 20 % passes
    projects, pieces, zones, units = sample
    profile = load_profile("default")
    src = Source("city", "某市零星用地办法", "某市办法", "adopted")
    local = dict(profile.local) | {
        "scattered_piece_max_mu": LocalValue("scattered_piece_max_mu", 6.0, src),
        "scattered_share_max": LocalValue("scattered_share_max", 0.2, src),
    }
    city = dataclasses.replace(profile, local=local)
    for prof, passed in ((profile, False), (city, True)):
        ctx = pd_.build_unit_context(
            units.iloc[1], None, projects, None, prof, pieces=pieces, zones=zones
        )
        assert ctx["scattered"][0]["project_id"] == "PRJ01"
        assert ctx["scattered"][0]["passed"] is passed


def test_funding_balance_by_hand():
    rates = funding_.funding_rates(load_profile("default"))
    result = funding_.funding_balance(
        lowland_gfa_m2=1000.0,
        lowland_area_m2=5000.0,
        facility_area_m2=800.0,
        transferred_gfa_m2=200.0,
        payments=[
            ("P1", 500_000.01, dt.date(2027, 7, 15)),  # near (2025–2027)
            ("P1", 500_000.00, dt.date(2029, 6, 15)),  # mid (2028–2030)
            ("P2", 10.0, None),  # no date: the unit's phase
        ],
        phase="near",
        rates=rates,
    )
    amounts = {c["item"]: c["amount"] for c in result["costs"] + result["revenues"]}
    assert amounts == {
        "compensation": 3_000_000.0,  # 1000 m² × 3000 元/m²
        "demolition": 100_000.0,  # 1000 × 100
        "infrastructure": 1_500_000.0,  # 5000 × 300
        "facilities": 1_600_000.0,  # 800 × 2000
        "land_price": 1_000_010.01,
        "transfer": 300_000.0,  # 200 × 1500
        "sale": 0.0,  # no 收储 project sold (Y-3, N-5)
    }
    assert result["cost_total"] == 6_200_000.0
    assert result["revenue_total"] == 1_300_010.01
    assert result["balance"] == -4_899_989.99 and not result["balanced"]
    rows = {r["phase"]: r for r in result["phasing"]}
    assert list(rows) == ["near", "mid", "far"]
    assert (rows["near"]["cost"], rows["near"]["revenue"]) == (6_200_000.0, 800_010.01)
    assert rows["near"]["cumulative"] == -5_399_989.99
    assert (rows["mid"]["revenue"], rows["mid"]["cumulative"]) == (500_000.0, -4_899_989.99)
    assert rows["far"]["cumulative"] == result["balance"]
    assert rows["near"]["years"] == "2025–2027年"
    # a unit without a phase: its costs under 时序待定, last
    open_ = funding_.funding_balance(
        lowland_gfa_m2=1.0,
        lowland_area_m2=0.0,
        facility_area_m2=0.0,
        transferred_gfa_m2=0.0,
        payments=[],
        phase=None,
        rates=rates,
    )
    assert [r["label"] for r in open_["phasing"]] == ["近期", "中期", "远期", "时序待定"]
    assert open_["phasing"][-1]["cost"] == 3100.0


def test_phase_of_a_due_year():
    years = {"near": (2025, 2027), "mid": (2028, 2030), "far": (2031, 2035)}
    got = [funding_.phase_of_year(y, years) for y in (2020, 2027, 2028, 2031, 2040)]
    assert got == ["near", "near", "mid", "far", "far"]


def test_a_profile_without_funding_is_refused():
    profile = dataclasses.replace(load_profile("default"), funding=None)
    with pytest.raises(LowlandInputError, match="funding"):
        funding_.funding_rates(profile)


def test_filters_print_chinese_document_units():
    assert fmt_.fmt_wan(15_150_000) == "1,515.00"
    assert fmt_.fmt_mu(10000 / 15 * 5) == "5.00"
    assert fmt_.fmt_number(70630.8) == "70,630.80"
    assert fmt_.fmt_percent(0.169237) == "16.92%"
    assert fmt_.fmt_date(dt.date(2027, 1, 31)) == "2027年1月31日"
    assert fmt_.fmt_pass(False) == "不符合" and fmt_.fmt_yes_no(True) == "是"
    assert fmt_.fmt_wan(None) == fmt_.fmt_number(float("nan")) == "—"


# ----------------------------------------------------------------- a synthetic unit


def synthetic(owner: str = "<script>alert(1)</script>"):
    """A unit shaped as the buildunits output (contracts.md) with two parcels, one 低效."""
    unit = gpd.GeoDataFrame(
        {
            "unit_id": ["DY07"],
            "unit_name": ["试验单元 & <b>"],
            "phase": ["mid"],
            "source": ["drawn"],
            "block_ids": [json.dumps(["JF001", "JF002"])],
            "block_count": [2],
            "parcel_count": [2],
            "area_m2": [20000.0],
            "area_mu": [30.0],
            "lowland_count": [1],
            "lowland_area_m2": [6000.0],
            "lowland_share": [0.3],
            "lowland_industrial_m2": [6000.0],
            "gfa_existing": [9000.0],
            "gfa_capacity": [40000.0],
            "scattered_count": [0],
            "scattered_area_m2": [0.0],
            "facilities": [json.dumps({"education": 1500.0, "park": 500.0})],
            "facility_area_m2": [2000.0],
            "gfa_transferred": [100.0],
        },
        geometry=[box(0, 0, 200, 100)],
        crs=CRS,
    )
    reasons = json.dumps(
        [
            {"rule": "far_below_min", "kind": "criterion", "clause": "Y-1", "value": 0.35,
             "threshold": 0.8, "met": True},
            {"rule": "coverage_below_min", "kind": "criterion", "clause": "Y-1", "value": 0.4,
             "threshold": 0.3, "met": False},
        ]
    )  # fmt: skip
    parcels = gpd.GeoDataFrame(
        {
            "parcel_id": ["P2", "P1"],
            "owner": ["其他", owner],
            "unit_id": ["DY07", "DY07"],
            "verdict": ["not_lowland", "lowland"],
            "lowland_type": [None, "industrial"],
            "reasons": ["[]", reasons],
            "area_m2": [14000.0, 6000.0],
            "gfa": [7000.0, 2000.0],
            "far": [0.5, 0.3333],
        },
        geometry=[box(60, 0, 200, 100), box(0, 0, 60, 100)],
        crs=CRS,
    )
    return unit, parcels


def test_synthetic_unit_context_and_html_escaping(tmp_path):
    unit, parcels = synthetic()
    ctx = pd_.build_unit_context(
        unit.iloc[0], parcels, None, None, load_profile("default"), generated=dt.date(2025, 7, 1)
    )
    assert [p["parcel_id"] for p in ctx["parcels"]] == ["P1"]
    # the met criterion as reason_text's sentence (issue 18; was 「[Y-1] 容积率低于下限:
    # 0.35 < 0.8 → 满足」): 0.35 < 0.80; the unmet coverage criterion is not listed
    assert ctx["parcels"][0]["reasons"] == [
        "容积率低于下限〔银川实施意见（一）〕：容积率 0.35，低于下限 0.80，满足此项，属低效用地情形。"
    ]
    assert ctx["parcel_totals"]["gfa"] == 2000.0
    costs = {c["item"]: c["amount"] for c in ctx["funding"]["costs"]}
    assert costs == {
        "compensation": 6_000_000.0,  # 2000 m² × 3000
        "demolition": 200_000.0,
        "infrastructure": 1_800_000.0,  # 6000 m² × 300
        "facilities": 4_000_000.0,  # 2000 m² × 2000
    }
    assert ctx["funding"]["revenues"][1]["amount"] == 150_000.0  # 100 m² × 1500
    # no project: the unit is 收储 then 出让 (Y-3, N-5), its sale estimated from the
    # planned floor area × low-efficiency share × 1500 元/m²: 40000 × 0.3 × 1500
    sale = ctx["funding"]["revenues"][2]["amount"]
    assert sale == 18_000_000.0
    assert ctx["funding"]["balance"] == 150_000.0 + sale - 12_000_000.0
    assert [f["label"] for f in ctx["facilities"]] == ["教育用地", "公园绿地"]
    assert ctx["unit"]["block_ids"] == ["JF001", "JF002"]
    assert ctx["maps"]["unit_map"] is None and ctx["projects_given"] is False

    html = render_html(load_html_template(), ctx)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html
    assert "试验单元 &amp; &lt;b&gt;" in html
    assert "图件待生成" in html and "2025年7月1日" in html
    assert "600.00" in html  # compensation 6,000,000 元 = 600.00 万元
    assert "中期（本单元）" in html


def test_synthetic_unit_docx_reads_back(tmp_path):
    unit, parcels = synthetic(owner="A&B <公司>")
    ctx = pd_.build_unit_context(unit.iloc[0], parcels, None, None, load_profile("default"))
    path = Path(write_atomic(tmp_path / "DY07.docx", render_docx(None, ctx)))
    document = docx.Document(path)
    tables = [[[c.text for c in r.cells] for r in t.rows] for t in document.tables]
    parcels_table = next(t for t in tables if t[0][0] == "宗地编号")
    assert parcels_table[1][:3] == ["P1", "A&B <公司>", "低效工业(物流仓储)"]
    assert parcels_table[1][3] == "6,000.00" and parcels_table[1][4] == "9.00"
    overview = dict((r[0], r[1]) for r in tables[0])
    assert overview["单元名称"] == "试验单元 & <b>" and overview["实施时序"] == "中期"
    assert overview["单元面积"] == "20,000.00 m²（30.00 亩）"
    texts = [p.text for p in document.paragraphs]
    assert "DY07 试验单元 & <b> 实施方案" in texts and "图件待生成" in texts
    assert not list(tmp_path.glob(".partial-*"))


def test_the_unit_map_goes_into_the_docx(tmp_path):
    from PIL import Image

    png = tmp_path / "map_DY07.png"
    Image.new("RGB", (400, 280), "white").save(png)
    unit, parcels = synthetic()
    ctx = pd_.build_unit_context(
        unit.iloc[0], parcels, None, None, load_profile("default"), map_path=str(png),
        base_dir=tmp_path,
    )  # fmt: skip
    assert ctx["maps"]["unit_map_src"] == "map_DY07.png"
    document = docx.Document(write_atomic(tmp_path / "m.docx", render_docx(None, ctx, str(png))))
    assert len(document.inline_shapes) == 1
    assert "图件待生成" not in [p.text for p in document.paragraphs]


@pytest.mark.parametrize(
    ("source", "line", "kind"),
    [
        ("{{ ''.__class__ }}", 1, "SecurityError"),
        ("ok\n{{ ''.__class__.__mro__[1].__subclasses__() }}", 2, "SecurityError"),
        ("{{ unit.unit_id }}\n{{ parcels.append(1) }}", 2, "SecurityError"),  # immutable
        ("a\nb\n{% if %}", 3, "TemplateSyntaxError"),
        ("{{ unit.unit_id }}\n\n{{ unit.no_such_field }}", 3, "UndefinedError"),
    ],
)
def test_broken_html_templates_name_file_and_line(tmp_path, source, line, kind):
    unit, parcels = synthetic()
    ctx = pd_.build_unit_context(unit.iloc[0], parcels, None, None, load_profile("default"))
    template = tmp_path / "模板.html"
    template.write_text(source, encoding="utf-8")
    with pytest.raises(LowlandInputError) as info:
        render_html(load_html_template(template), ctx)
    message = str(info.value)
    assert str(template) in message and f"第 {line} 行" in message and kind in message
    if kind == "UndefinedError":  # the variable is named
        assert "未定义的变量「no_such_field」" in message


def test_a_docx_template_error_names_the_paragraph(tmp_path):
    unit, parcels = synthetic()
    ctx = pd_.build_unit_context(unit.iloc[0], parcels, None, None, load_profile("default"))
    document = docx.Document()
    for text in ("标题 {{ unit.unit_id }}", "第二段", "金额 {{ funding.nope | wan }}"):
        document.add_paragraph(text)
    template = tmp_path / "本局.docx"
    document.save(template)
    with pytest.raises(LowlandInputError) as info:
        render_docx(template, ctx)
    message = str(info.value)
    assert str(template) in message and "UndefinedError" in message
    assert "金额 {{ funding.nope | wan }}" in message  # the paragraph's text
    assert "未定义的变量「nope」" in message
    template.write_bytes(b"not a zip")
    with pytest.raises(LowlandInputError, match="不是有效的 DOCX"):
        render_docx(template, ctx)


def test_docx_without_docxtpl_says_what_to_install(monkeypatch, tmp_path):
    import importlib.util

    from lowland_under_test.lowland_plugin.core.common.errors import LowlandInputError
    from lowland_under_test.lowland_plugin.core.documents import render as plan_render

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "docxtpl" else real(name, *a)
    )
    with pytest.raises(LowlandInputError, match=r"pip install docxtpl python-docx.*HTML/PDF"):
        plan_render.render_docx(None, {})


def test_funding_modes_keep_acquisition_and_owner_apart():
    """Y-3 / N-3 / N-5: 收储 costs meet 出让 revenue, 原权利人改造 brings its 补缴地价."""
    rates = funding_.funding_rates(load_profile("default"))
    rows = [
        # acquired: 3000 m² of project land, sold at its new-conditions value 9 000 000
        {"project_id": "A", "redevelopment_mode": "acquisition", "area_m2": 3000.0,
         "value_new": 9_000_000.0, "computed": True, "price_due": 4_000_000.0,
         "first_amount": None, "due_date": dt.date(2026, 1, 1)},
        # owner: 1000 m², pays 2 000 000 at once on its contract date
        {"project_id": "O", "redevelopment_mode": "owner", "area_m2": 1000.0,
         "value_new": 5_000_000.0, "computed": True, "price_due": 2_000_000.0,
         "first_amount": None, "due_date": dt.date(2026, 1, 1)},
    ]  # fmt: skip
    share, sales, owners = funding_.funding_modes(rows)
    assert share == 0.75  # 3000 / (3000 + 1000)
    assert sales == [("A", 9_000_000.0)] and [r["project_id"] for r in owners] == ["O"]
    overview = {"lowland_area_m2": 1000.0, "facility_area_m2": 0.0, "gfa_transferred": None,
                "phase": "near"}  # fmt: skip
    f = funding_.funding_section(overview, rows, 2000.0, "低效地块现状建筑面积", rates)
    amounts = {c["item"]: c["amount"] for c in f["costs"] + f["revenues"]}
    # compensation 2000 m² × 0.75 × 3000 = 4 500 000; demolition 1500 × 100 = 150 000;
    # infrastructure 1000 × 300 = 300 000; revenue: A's 出让 9 000 000 (not its 4 M price)
    # + O's 补缴地价 2 000 000 → balance 11 000 000 − 4 950 000 = 6 050 000
    assert (amounts["compensation"], amounts["demolition"]) == (4_500_000.0, 150_000.0)
    assert (amounts["sale"], amounts["land_price"]) == (9_000_000.0, 2_000_000.0)
    assert f["balance"] == 6_050_000.0
    # no mode on any project: the unit is 收储 then 出让 (no 补缴地价); the sale is
    # estimated: 20 000 m² planned × 0.5 low-efficiency share × 1500 元/m² = 15 000 000
    bare = [dict(r, redevelopment_mode=None) for r in rows]
    assert funding_.funding_modes(bare) == (1.0, [], [])
    f = funding_.funding_section(
        overview | {"gfa_capacity": 20_000.0, "lowland_share": 0.5}, bare, 2000.0, "x", rates
    )
    amounts = {c["item"]: c["amount"] for c in f["costs"] + f["revenues"]}
    assert (amounts["sale"], amounts["land_price"]) == (15_000_000.0, 0.0)
    assert amounts["compensation"] == 6_000_000.0  # 2000 m² × 3000, all acquired


def test_the_identification_chapter_lists_the_pending_values_of_the_profile(tmp_path):
    # issue 16: no pending value without saying so. default@1.2.0, by hand: the enabled
    # criteria's local choices tax_below_industry_share.min_peers,
    # stalled_development.max_far and use_not_conforming.ignore_plan_codes, plus the
    # local values danger_basis and same_industry_tax_reference (dangerous_grades is
    # JGJ 125-2016, adopted): 3 + 2 = 5
    unit, parcels = synthetic()
    ctx = pd_.build_unit_context(unit.iloc[0], parcels, None, None, load_profile("default"))
    pending = ctx["profile_pending"]
    assert len(pending) == 5
    # in words, no profile keys (issue 18: no field names in the Chinese document)
    danger = (
        "危旧建筑占比的计算基础（建筑面积或栋数） = 按建筑面积（本插件默认取值 · 本地取值待确认）"
    )
    assert danger in pending
    assert "合同签订后长期未建成 · 容积率上限 = 0.1（本插件默认取值 · 本地取值待确认）" in pending
    html = render_html(load_html_template(), ctx)
    assert "以下取值待定或为本地取值" in html and "危旧建筑占比的计算基础" in html
    document = docx.Document(write_atomic(tmp_path / "p.docx", render_docx(None, ctx)))
    texts = [p.text for p in document.paragraphs]
    assert danger in texts


def test_parcel_list_and_review_state_follow_the_review():
    """Issue 17: a decision on a verdict that changed since is flagged in the list, and
    the context says how many of the unit's parcels are decided, pending, changed."""
    parcels = gpd.GeoDataFrame(
        {
            "parcel_id": ["A", "B", "C", "D"],
            "verdict": ["lowland", "lowland", "not_lowland", "lowland"],
            "lowland_type": ["industrial", "industrial", None, "village"],
            "final_verdict": ["lowland", "not_lowland", "lowland", "lowland"],
            "final_type": ["industrial", None, "industrial", "village"],
            "review_status": ["confirmed", "rejected", "overridden", "pending"],
            "verdict_changed": [True, False, False, False],
            "reviewed_at": ["2026-03-01T09:00:00", "2026-03-02T10:00:00", None, None],
            "area_m2": [1000.0, 2000.0, 3000.0, 4000.0],
        },
        geometry=[box(i, 0, i + 1, 1) for i in range(4)],
    )
    rows = {r["parcel_id"]: r for r in pd_.lowland_parcels(parcels)}
    assert sorted(rows) == ["A", "C", "D"]  # B rejected
    assert (
        rows["A"]["review"] == "已确认（⚠ 核查后计算结论已变化，待复核）" and rows["A"]["changed"]
    )
    assert rows["C"]["review"] == "已改判" and not rows["C"]["changed"]
    assert rows["D"]["review"] is None
    summary = pd_.review_summary(parcels, {"counted_at": "2026-03-03T08:00:00"})
    # decided A, B, C; pending D; changed A; latest of the two times
    assert summary == {
        "decided": 3,
        "pending": 1,
        "changed": 1,
        "latest": "2026-03-02 10:00:00",
        "counted_at": "2026-03-03 08:00:00",
    }
    assert pd_.review_summary(parcels.drop(columns="review_status"), {}) is None
