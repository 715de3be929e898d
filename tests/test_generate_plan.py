"""lowland:generateplan on the sample district chain (identifyparcels → blocks →
buildunits, legacyland, the sample projects): one DOCX/HTML/PDF per unit whose numbers
are those of the checks, maps from the review layout, template errors and cancel
leaving no file."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

ROOT = Path(__file__).resolve().parents[1]
PROJECTS = ROOT / "resources" / "sample" / "sample_projects.gpkg"
UNITS = ("DY01", "DY02", "DY03", "DY04")


@pytest.fixture(scope="module")
def chain(sample_units_chain) -> dict:
    """identifyparcels → delineateblocks → buildunits with the four drawn sample units;
    legacyland on the sample parcels (tests/conftest.py)."""
    return sample_units_chain


def params(chain, folder: Path, **extra) -> dict:
    out = {
        "UNITS": chain["units"],
        "PARCELS": chain["parcels"],
        "PROJECTS": f"{PROJECTS}|layername=projects",
        "LEGACY": chain["legacy"],
        "PROFILE": "yinchuan",
        "FORMATS": [0, 1, 2],
        "OUTPUT_FOLDER": str(folder),
        "DOCUMENTS": "TEMPORARY_OUTPUT",
    }
    out.update(extra)
    return out


@pytest.fixture(scope="module")
def generated(chain, tmp_path_factory) -> dict:
    import processing

    folder = tmp_path_factory.mktemp("generateplan_out")
    results = processing.run("lowland:generateplan", params(chain, folder))
    return {"folder": folder, "results": results}


def files_in(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def docx_tables(path: Path) -> list[list[list[str]]]:
    import docx

    return [[[c.text for c in row.cells] for row in t.rows] for t in docx.Document(path).tables]


def table_with(tables, header: str):
    return next(t for t in tables if t[0][0] == header or header in t[0])


def test_one_document_per_unit_and_format_with_maps_and_atlas(generated):
    folder = generated["folder"]
    names = files_in(folder)
    for unit in UNITS:
        for ext in ("docx", "html", "pdf"):
            assert f"{unit}_实施方案.{ext}" in names, names
        assert f"maps/map_{unit}.png" in names
    assert "实施方案图集.pdf" in names
    assert not [n for n in names if "partial" in n or n.startswith(".")], names
    assert not [p for p in folder.iterdir() if p.name.startswith(".lowland-plan-")]
    table = generated["results"]["DOCUMENTS"]
    rows = [(f["unit_id"], f["format"], f["path"]) for f in table.getFeatures()]
    assert len(rows) == 4 * 3 + 4 + 1
    assert ("DY02", "docx", str(folder / "DY02_实施方案.docx")) in rows
    assert all(Path(p).is_file() for _, _, p in rows)


def test_docx_numbers_equal_the_check_outputs(generated, chain):
    """FAR, land price and mixed-use rows of DY02 read back from the DOCX equal
    far_check / land_price / mixed_use on the sample projects (PRJ01 and PRJ03 lie in
    DY02 by overlap; the sample projects have no unit_id)."""
    from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer
    from lowland_under_test.lowland_plugin.core.checks.far import far_check
    from lowland_under_test.lowland_plugin.core.checks.land_price import land_price
    from lowland_under_test.lowland_plugin.core.checks.mixed_use import mixed_use
    from lowland_under_test.lowland_plugin.core.common.mapping import template_frame

    projects = template_frame(
        read_ogr_layer(str(PROJECTS), "projects"), "projects", None, ("project_id",)
    ).reset_index(drop=True)
    zones = read_ogr_layer(str(PROJECTS), "zones").reset_index(drop=True)
    far = far_check(projects).table
    price = land_price(projects).table
    tables = docx_tables(generated["folder"] / "DY02_实施方案.docx")

    far_rows = table_with(tables, "计容建筑面积（m²）")[1:]
    assert [r[0].split()[0] for r in far_rows] == ["PRJ01", "PRJ03"]
    for row, i in zip(far_rows, (0, 2), strict=True):
        assert row[3] == f"{far['gfa_counted'][i]:,.2f}"
        assert row[4] == f"{far['gfa_allowed'][i]:,.2f}"
        assert row[6] == f"{far['far_counted'][i]:.4f}"
    assert far_rows[0][4] == "70,630.80"  # 1.8 × 38406 + 1500 handed over (Y-4)
    assert far_rows[1][7] == "符合"  # public project: uncapped

    price_rows = table_with(tables, "补缴地价（万元）")
    prj01 = price_rows[1]
    assert prj01[1] == f"{price['price_due'][0] / 10000:,.2f}" == "1,515.00"
    assert prj01[2] == prj01[4] == "757.50"  # 50 % / 50 % (Y-15)
    assert prj01[3] == "2025年2月28日"  # 31 Jan + 1 month → 28 Feb
    assert prj01[5] == "2027年1月31日"
    assert price_rows[2][1] == "未核算"  # PRJ03: no appraisal
    mixed = mixed_use(projects, template_frame(zones, "zones")).table
    uses = table_with(tables, "计算依据")
    assert uses[1][2].startswith("100101") and uses[1][3] == f"{mixed['main_share'][0]:.2%}"

    # DY03 holds PRJ02 with its two zones (shares from zone areas, Y-10)
    tables3 = docx_tables(generated["folder"] / "DY03_实施方案.docx")
    uses3 = table_with(tables3, "计算依据")[1:]
    extra = mixed_use(projects, template_frame(zones, "zones")).extra
    prj02 = extra[extra["project_id"] == "PRJ02"]
    assert [r[3] for r in uses3] == [f"{s:.2%}" for s in prj02["use_share"]]
    assert uses3[0][1] == "功能分区面积"


def test_docx_overview_and_funding_from_the_units_output(generated, chain):
    """Unit overview = the buildunits row; compensation = Σ gfa of the unit's 低效
    parcels × 3000 元/m² (example rate of the profile); revenue = PRJ01's land price."""
    units = {f["unit_id"]: f for f in QgsVectorLayer(chain["units"], "u", "ogr").getFeatures()}
    parcels = QgsVectorLayer(chain["parcels"], "p", "ogr")
    tables = docx_tables(generated["folder"] / "DY02_实施方案.docx")
    overview = dict((r[0], r[1]) for r in tables[0])
    u = units["DY02"]
    assert overview["单元编号"] == "DY02"
    assert (
        overview["单元面积"] == f"{u['area_m2']:,.2f} m²（{u['area_m2'] / (10000 / 15):,.2f} 亩）"
    )
    assert overview["实施时序"] == "中期"
    assert overview["低效用地"].startswith(
        f"{u['lowland_count']} 宗，{u['lowland_area_m2']:,.2f} m²"
    )

    verdict = "final_verdict" if parcels.fields().indexOf("final_verdict") >= 0 else "verdict"
    gfa = sum(
        (f["gfa"] or 0.0)
        for f in parcels.getFeatures()
        if f["unit_id"] == "DY02" and f[verdict] == "lowland"
    )
    costs = table_with(tables, "测算基数")
    compensation = costs[1]
    assert compensation[0] == "征收（收储）补偿"
    # Y-3 / N-3 / N-5 (issue 16): the sample's projects are 原权利人改造 (redevelopment_mode
    # owner), so no 收储 compensation or demolition is charged against their land price:
    # acquired share 0 % of the low-efficiency floor area → 0 m², 0.00 万元
    assert "收储项目用地占比 0.00%" in compensation[1] and gfa > 0
    assert compensation[1].endswith("0.00 m²") and compensation[3] == "0.00"
    facilities = costs[4]
    assert facilities[3] == f"{round(u['facility_area_m2'] * 2000, 2) / 10000:,.2f}"
    revenues = [t for t in tables if t[0][0] == "项目" and t[1][0].startswith("补缴地价")][0]
    assert revenues[1][3] == "1,515.00"
    balance = table_with(tables, "资金平衡（收入 − 支出，万元）")
    total_cost = sum(
        round(q * r, 2)
        for q, r in (
            (u["lowland_area_m2"], 300),  # works only: no 收储 costs (owner mode)
            (u["facility_area_m2"], 2000),
        )
    )
    assert balance[0][1] == f"{(15_150_000 - total_cost) / 10000:,.2f}"
    facilities_rows = table_with(tables, "设施类别")[1:-1]
    given = json.loads(u["facilities"])
    assert len(facilities_rows) == len(given)


def pdf_text(pdf: Path) -> str:
    """The PDF's text as a search finds it: not normalised (with Noto Sans CJK, Qt's PDF
    writer mapped 方 to the Kangxi radical ⽅ U+2F45, and a search for 实施方案 failed)."""
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert not any("\u2e80" <= ch <= "\u2fdf" for ch in text), "radicals in the PDF text"
    return text


def test_html_has_the_map_and_the_pdf_is_readable_chinese(generated, tmp_path):
    folder = generated["folder"]
    html = (folder / "DY02_实施方案.html").read_text(encoding="utf-8")
    assert 'src="maps/map_DY02.png"' in html
    assert "WenQuanYi Zen Hei" in html
    pdf = folder / "DY02_实施方案.pdf"
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")
    text = pdf_text(pdf)
    assert "DY02 东南物流与设施更新单元 实施方案" in text
    for words in ("资金平衡", "一、单元概况", "补缴地价与缴款计划", "意见征求意见稿", "附图"):
        assert words in text, words
    assert "1,515.00" in text and "757.50" in text  # digits keep their Unicode mapping
    png = tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(png)], check=True
    )
    assert list(tmp_path.glob("page*.png"))


def test_preview_of_one_unit_html_only(chain, tmp_path):
    import processing

    processing.run(
        "lowland:generateplan",
        params(chain, tmp_path, UNIT_IDS="DY03", FORMATS=[1], MAPS=False, DOCUMENTS=None),
    )
    assert files_in(tmp_path) == ["DY03_实施方案.html"]
    html = (tmp_path / "DY03_实施方案.html").read_text(encoding="utf-8")
    assert "图件待生成" in html
    assert "中部商住更新单元" in html and "时序待定" in html


@pytest.mark.parametrize(
    ("source", "line", "error"),
    [
        ("<p>\n{{ ''.__class__.__mro__ }}\n</p>", 2, "SecurityError"),
        ("<p>{{ ''.__class__ }}</p>", 1, "SecurityError"),
        ("<p>\n\n{% for p in parcels %}\n</p>", 3, "TemplateSyntaxError"),
        ("<p>{{ unit.unit_id }}</p>\n<p>{{ unit.no_such_field }}</p>", 2, "UndefinedError"),
    ],
)
def test_a_broken_html_template_names_file_and_line_and_writes_nothing(
    chain, tmp_path, source, line, error
):
    import processing

    template = tmp_path / "本局模板.html"
    template.write_text(source, encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(QgsProcessingException) as info:
        processing.run(
            "lowland:generateplan",
            params(chain, out, TEMPLATE_HTML=str(template), MAPS=False, DOCUMENTS=None),
        )
    message = str(info.value)
    assert str(template) in message and f"第 {line} 行" in message and error in message
    assert files_in(out) == [] if out.exists() else True


def test_a_broken_docx_template_writes_nothing(chain, tmp_path):
    import docx

    import processing

    document = docx.Document()
    document.add_paragraph("{{ unit.unit_id }}")
    document.add_paragraph("{{ ''.__class__.__mro__ }}")
    template = tmp_path / "坏模板.docx"
    document.save(template)
    out = tmp_path / "out"
    with pytest.raises(QgsProcessingException) as info:
        processing.run(
            "lowland:generateplan",
            params(chain, out, TEMPLATE_DOCX=str(template), FORMATS=[0, 1], MAPS=False),
        )
    message = str(info.value)
    assert str(template) in message and "SecurityError" in message and "第 " in message
    assert files_in(out) == []


class CancelAfter(QgsProcessingFeedback):
    """Cancels once the progress passes ``at`` % (after the first units are written)."""

    def __init__(self, at: float) -> None:
        super().__init__()
        self.at = at
        self.connect_progress = self.progressChanged.connect(self._check)

    def _check(self, value: float) -> None:
        if value >= self.at and not self.isCanceled():
            self.cancel()


def test_cancel_between_units_leaves_no_file(chain, tmp_path):
    import processing

    (tmp_path / "earlier.txt").write_text("kept", encoding="utf-8")
    feedback = CancelAfter(60)  # documents run from 40 % to 100 %: after DY01 or DY02
    with pytest.raises(QgsProcessingException, match="取消"):
        processing.run(
            "lowland:generateplan",
            params(chain, tmp_path, FORMATS=[0, 1], MAPS=False, DOCUMENTS=None),
            feedback=feedback,
        )
    assert feedback.isCanceled()
    assert files_in(tmp_path) == ["earlier.txt"]


def test_unknown_unit_and_missing_funding_are_explained(chain, tmp_path):
    import processing

    with pytest.raises(QgsProcessingException, match="DY09"):
        processing.run("lowland:generateplan", params(chain, tmp_path, UNIT_IDS="DY01,DY09"))
    data = json.loads((ROOT / "resources" / "profiles" / "default.json").read_text("utf-8"))
    del data["funding"]
    profile = tmp_path / "old_profile.json"
    profile.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="funding"):
        processing.run("lowland:generateplan", params(chain, tmp_path, PROFILE=str(profile)))
    assert files_in(tmp_path) == ["old_profile.json"]


def test_the_documents_list_the_parcels_buildunits_counted(chain):
    """Parcels without the unit_id buildunits wrote: the document finds the same ones by
    the one membership rule (block, else largest overlap; Y-3)."""
    from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer
    from lowland_under_test.lowland_plugin.core.common.profiles import load_profile
    from lowland_under_test.lowland_plugin.core.documents.plan import build_unit_context
    from lowland_under_test.lowland_plugin.core.identify.review import final_verdict

    units = read_ogr_layer(chain["units"]).reset_index(drop=True)
    parcels = read_ogr_layer(chain["parcels"]).reset_index(drop=True)
    blind = parcels.drop(columns="unit_id")
    lowland = final_verdict(parcels) == "lowland"
    for _, unit in units.iterrows():
        counted = sorted(
            parcels.loc[lowland & (parcels["unit_id"] == unit["unit_id"]), "parcel_id"]
        )
        ctx = build_unit_context(unit, blind, None, None, load_profile("default"), units=units)
        assert [p["parcel_id"] for p in ctx["parcels"]] == counted
        assert len(counted) == unit["lowland_count"]
