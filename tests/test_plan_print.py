"""Print quality of the 实施方案 PDF, checked on the PDF itself (poppler's
``pdftotext -bbox-layout``): no text crosses the right or bottom margin, every page
carries 「第 X 页 共 Y 页」, no heading is the last line of its page, and long tables
repeat their header row. For every sample unit (lowland:generateplan on the sample
chain) and for a synthetic unit of 300 low-efficiency parcels."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pytest
from check_helpers import generate_sample_plans
from shapely.geometry import box

from lowland_under_test.lowland_plugin.bridge.pdf import (
    FOOTER_MM,
    MARGIN_MM,
    cell_padding_in_pixels,
    html_to_pdf,
)
from lowland_under_test.lowland_plugin.core.common.profiles import load_profile
from lowland_under_test.lowland_plugin.core.documents.plan import build_unit_context
from lowland_under_test.lowland_plugin.core.documents.render import (
    load_html_template,
    render_html,
)

ROOT = Path(__file__).resolve().parents[1]
UNITS = ("DY01", "DY02", "DY03", "DY04")
#: A4 in PDF points, the margin in points (18 mm = 18 / 25.4 × 72 = 51.02 pt).
PAGE_W, PAGE_H = 595.28, 841.89
MARGIN_PT = MARGIN_MM / 25.4 * 72
#: Rounding of poppler's boxes (glyph boxes may pass the pen position by a hair).
TOLERANCE_PT = 1.0
#: A line this tall (pt) is a heading: headings are ≥ 12 pt (box ≈ 1.44 × size =
#: 17.3 pt), body text ≤ 10.5 pt (box 15.1 pt).
HEADING_BOX_PT = 16.5

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")


@dataclass
class Line:
    text: str
    x_max: float
    y_min: float
    y_max: float

    @property
    def height(self) -> float:
        return self.y_max - self.y_min


def pdf_pages(pdf: Path) -> list[list[Line]]:
    """Text lines of each page of ``pdf`` with their boxes (pt, origin top left)."""
    out = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    root = ET.fromstring(out)
    pages = []
    for page in root.iter(f"{{{ns['x']}}}page"):
        lines = []
        for line in page.iter(f"{{{ns['x']}}}line"):
            words = [w.text or "" for w in line.iter(f"{{{ns['x']}}}word")]
            lines.append(
                Line(
                    " ".join(words),
                    float(line.get("xMax")),
                    float(line.get("yMin")),
                    float(line.get("yMax")),
                )
            )
        pages.append(sorted(lines, key=lambda ln: (ln.y_max, ln.x_max)))
    return pages


def print_defects(pdf: Path) -> list[str]:
    """What is wrong with the printed ``pdf`` (empty: nothing)."""
    return page_defects(pdf_pages(pdf))


def page_defects(pages: list[list[Line]]) -> list[str]:
    """Text across the right/bottom margin or in the footer band, a page without its
    「第 X 页 共 Y 页」, a heading as the last line of a page (but the last page)."""
    defects = []
    right, bottom = PAGE_W - MARGIN_PT + TOLERANCE_PT, PAGE_H - MARGIN_PT + TOLERANCE_PT
    for number, lines in enumerate(pages, start=1):
        for line in lines:
            if line.x_max > right or line.y_max > bottom:
                defects.append(f"p{number}: 「{line.text}」 crosses the margin")
        footer = f"第 {number} 页 共 {len(pages)} 页"
        if not lines or lines[-1].text != footer:
            defects.append(f"p{number}: no 「{footer}」 at the page foot")
            continue
        # the footer band is below the text area: 9 mm above the bottom margin
        text_bottom = PAGE_H - MARGIN_PT - FOOTER_MM / 25.4 * 72 + TOLERANCE_PT
        body = [ln for ln in lines[:-1]]
        for line in body:
            if line.y_max > text_bottom:
                defects.append(f"p{number}: 「{line.text}」 in the footer band")
        if body and body[-1].height >= HEADING_BOX_PT and number < len(pages):
            defects.append(f"p{number}: heading 「{body[-1].text}」 ends the page")
    return defects


def header_repeats(pdf: Path, header: str) -> int:
    """On how many pages a line ``header`` (a table header cell) is."""
    return sum(any(ln.text == header for ln in page) for page in pdf_pages(pdf))


# ------------------------------------------------------------------ sample units


@pytest.fixture(scope="module")
def sample_pdfs(sample_units_chain, tmp_path_factory) -> Path:
    folder = generate_sample_plans(sample_units_chain, tmp_path_factory.mktemp("plan_print"), [2])
    return folder


@pytest.mark.parametrize("unit_id", UNITS)
def test_every_sample_unit_prints_within_the_page(sample_pdfs, unit_id):
    pdf = sample_pdfs / f"{unit_id}_实施方案.pdf"
    assert pdf.is_file()
    assert print_defects(pdf) == []


@pytest.mark.parametrize("unit_id", UNITS)
def test_the_contents_give_each_chapter_its_page(sample_pdfs, unit_id):
    pdf = sample_pdfs / f"{unit_id}_实施方案.pdf"
    contents = subprocess.run(
        ["pdftotext", "-layout", "-f", "2", "-l", "2", str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    entries = re.findall(r"(\S+)\s*……\s*(\d+)", contents)
    assert len(entries) == 13  # 一 … 十一 (十 方案比选, issue 23), 附图, 附表
    pages = pdf_pages(pdf)
    for title, number in entries:
        page = pages[int(number) - 1]
        assert any(ln.text.replace(" ", "") == title for ln in page), (title, number)


#: The chapter headings of the 实施方案 (一 … 十一), in order.
CHAPTER_NUMBERS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一")
#: Least room (pt) between a right-aligned number and its cell's right border: the
#: template pads cells by 5 px = 5 / 96 in = 3.75 pt (measured 3.0 pt: the border's own
#: width and the pixel grid); with the padding in pt, which Qt reads as 0, -0.6 pt.
NUMBER_GAP_PT = 2.0
#: Resolution (dpi) the page is rasterised at to find the border.
RASTER_DPI = 150


@pytest.mark.parametrize("unit_id", UNITS)
def test_every_chapter_heading_is_in_the_body(sample_pdfs, unit_id):
    """Each chapter 一 … 十一 has its heading after the contents, in order (a layout
    change once lost chapters 四 to 七 of DY01)."""
    pdf = sample_pdfs / f"{unit_id}_实施方案.pdf"
    body = [ln.text.replace(" ", "") for page in pdf_pages(pdf)[2:] for ln in page]
    found = [m.group(1) for t in body if (m := re.fullmatch(r"([一二三四五六七八九十]+)、\S+", t))]
    assert found == list(CHAPTER_NUMBERS)


def border_gap(pdf: Path, word: str, tmp_path: Path) -> float:
    """Room (pt) between the end of ``word`` (poppler's box) and the first dark pixel to
    its right, found on the page rasterised at :data:`RASTER_DPI`, one point above the
    box bottom (below the digits' baseline: only a vertical border is dark there)."""
    from qgis.PyQt.QtGui import QImage

    bbox = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    box = r'xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<'
    for number, page in enumerate(bbox.split("<page ")[1:], start=1):
        hit = next((w for w in re.findall(box, page) if w[2] == word), None)
        if hit is None:
            continue
        subprocess.run(["pdftoppm", "-r", str(RASTER_DPI), "-gray", "-png", "-f", str(number),
                        "-l", str(number), str(pdf), str(tmp_path / "page")], check=True)  # fmt: skip
        image = QImage(str(next(tmp_path.glob("page*.png"))))
        scale = RASTER_DPI / 72
        row = round((float(hit[1]) - 1.0) * scale)
        x = int((float(hit[0]) - 3.0) * scale)  # inside the last digit's cell
        while x < image.width() and image.pixel(x, row) & 0xFF > 160:
            x += 1
        return x / scale - float(hit[0])
    raise AssertionError(f"{word} is not in {pdf}")


def test_a_number_of_the_funding_table_keeps_off_the_border(sample_pdfs, tmp_path):
    """八、资金平衡 of DY02: 基础设施建设 1,152.18 万元 (38,406 m² × 300 元/m²), right-aligned
    in the last column, has the cell padding before the table's right border."""
    gap = border_gap(sample_pdfs / "DY02_实施方案.pdf", "1,152.18", tmp_path)
    assert gap > NUMBER_GAP_PT, gap


def test_the_long_parcel_list_repeats_its_header(sample_pdfs):
    pdf = sample_pdfs / "DY04_实施方案.pdf"
    pages = pdf_pages(pdf)
    # DY04 lists 134 parcels: the list takes several pages, each opens with its header
    listing = [i for i, page in enumerate(pages) if any(ln.text.startswith("P0") for ln in page)]
    assert len(listing) >= 4
    assert header_repeats(pdf, "宗地编号") >= len(listing)


# ------------------------------------------------------------------ 300 parcels


def unit_of_300_parcels() -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """A unit 20 × 15 parcels of 30 m × 20 m (600 m² each), every one 低效工业 with two
    reasons, every third with a long owner name."""
    crs = "EPSG:4544"
    unit = gpd.GeoDataFrame(
        {
            "unit_id": ["DY300"],
            "unit_name": ["三百宗试验单元"],
            "phase": ["near"],
            "area_m2": [180_000.0],  # 600 × 300
            "parcel_count": [300],
            "lowland_count": [300],
            "lowland_area_m2": [180_000.0],
            "lowland_share": [1.0],
        },
        geometry=[box(0, 0, 600, 300)],
        crs=crs,
    )
    reasons = json.dumps(
        [
            {"rule": "far_below_min", "kind": "criterion", "clause": "Y-1", "value": 0.35,
             "threshold": 0.8, "met": True},
            {"rule": "coverage_below_min", "kind": "criterion", "clause": "Y-1", "value": 0.2,
             "threshold": 0.3, "met": True},
        ]
    )  # fmt: skip
    rows = range(300)
    parcels = gpd.GeoDataFrame(
        {
            "parcel_id": [f"Q{i:04d}" for i in rows],
            "owner": [
                "宁夏某某新材料科技股份有限公司第二分公司" if i % 3 == 0 else f"权利人{i}"
                for i in rows
            ],
            "unit_id": ["DY300"] * 300,
            "verdict": ["lowland"] * 300,
            "lowland_type": ["industrial"] * 300,
            "reasons": [reasons] * 300,
            "area_m2": [600.0] * 300,
            "gfa": [210.0] * 300,
            "far": [0.35] * 300,
        },
        geometry=[
            box(30 * (i % 20), 20 * (i // 20), 30 * (i % 20) + 30, 20 * (i // 20) + 20)
            for i in rows
        ],  # fmt: skip
        crs=crs,
    )
    return unit, parcels


def test_a_unit_of_300_parcels_prints_within_the_page(tmp_path):
    unit, parcels = unit_of_300_parcels()
    ctx = build_unit_context(
        unit.iloc[0], parcels, None, None, load_profile("default"), generated=dt.date(2025, 7, 1)
    )
    assert len(ctx["parcels"]) == 300
    pdf = tmp_path / "DY300.pdf"
    html_to_pdf(render_html(load_html_template(), ctx), pdf, tmp_path, "DY300")
    assert print_defects(pdf) == []
    pages = pdf_pages(pdf)
    listing = [i for i, page in enumerate(pages) if any(ln.text.startswith("Q0") for ln in page)]
    assert len(listing) >= 10  # 300 rows of two reason lines do not fit 9 pages
    assert header_repeats(pdf, "宗地编号") >= len(listing)


def test_the_checks_see_a_lone_heading_and_a_missing_page_number():
    """The page checks can fail (boxes in pt as poppler gives them)."""
    foot = [Line("第 1 页 共 2 页", 320.0, 780.0, 790.0)]
    ok = [Line("正文", 200.0, 700.0, 715.1), *foot]
    assert page_defects([ok, [Line("第 2 页 共 2 页", 320.0, 780.0, 790.0)]]) == []
    heading = [Line("五、补缴地价与缴款计划", 200.0, 700.0, 718.7), *foot]
    assert page_defects([heading, [Line("第 2 页 共 2 页", 320, 780, 790)]]) == [
        "p1: heading 「五、补缴地价与缴款计划」 ends the page"
    ]
    assert page_defects([ok[:1]]) == ["p1: no 「第 1 页 共 1 页」 at the page foot"]
    wide = [Line("占 18.02", 560.0, 100.0, 111.5), *foot]
    assert page_defects([wide, [Line("第 2 页 共 2 页", 320, 780, 790)]]) == [
        "p1: 「占 18.02」 crosses the margin"
    ]


def test_cell_paddings_in_points_are_given_to_qt_in_pixels():
    # 2 pt = 2 × 96 / 72 = 2.67 px, 4 pt = 5.33 px, 6 pt = 8 px; other paddings as they are
    html = (
        "<style>th, td { padding: 2pt 4pt; font-size: 9pt } ul { padding-left: 12pt }"
        " thead { display: table-header-group }</style>"
        '<table><tr><td style="padding-right: 6pt">1</td></tr></table><p style="padding: 4pt">'
    )
    assert cell_padding_in_pixels(html) == (
        "<style>th, td { padding: 2.67px 5.33px; font-size: 9pt } ul { padding-left: 12pt }"
        " thead { display: table-header-group }</style>"
        '<table><tr><td style="padding-right: 8px">1</td></tr></table><p style="padding: 4pt">'
    )


def test_a_bureau_template_padding_cells_in_points_keeps_numbers_off_the_border(tmp_path):
    """A bureau's template written with ``td { padding: 2pt 4pt }`` (the bundled template
    before it moved to px): Qt alone reads the padding as 0, leaving 3.35 pt between a
    right-aligned number and the next cell's text (the borders and the table's own
    spacing); through html_to_pdf 4 pt more on each side: measured 10.55 pt."""
    html = (
        "<html><head><style>th, td { border: 1px solid #666; padding: 2pt 4pt; }"
        " td.n { text-align: right; }</style></head><body>"
        '<table border="1" cellspacing="0" width="100%"><tr><th>金额</th><th>依据</th></tr>'
        '<tr><td class="n">1,515.00</td><td>Y-4</td></tr></table></body></html>'
    )
    pdf = Path(html_to_pdf(html, tmp_path / "points.pdf", tmp_path, "points"))
    bbox = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    words = {w[2]: w for w in re.findall(r'xMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)<',
                                         re.sub(r'yMin="[\d.]+" ', "", bbox))}  # fmt: skip
    assert "1,515.00" in words and "Y-4" in words, sorted(words)
    # the padding alone is 4 + 4 = 8 pt (10.55 pt measured with the borders); 3.35 pt without
    gap = float(words["Y-4"][0]) - float(words["1,515.00"][1])
    assert gap > 6.0, gap


def test_a_cell_that_cannot_wrap_is_clipped_by_qt_but_not_by_html_to_pdf(tmp_path):
    """A ``nowrap`` cell (how the 单元概况 table was cut in every unit, 「占 18.02」):
    QTextDocument.print_ runs it off the page; html_to_pdf wraps it and numbers its
    pages."""
    from qgis.PyQt.QtCore import QMarginsF, QSizeF
    from qgis.PyQt.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

    cell = "3 宗，41,532.00 m²（62.30 亩），占 18.02%；" * 6
    html = "<html><body><h2>一、单元概况</h2><table border=1><tr><th>低效用地</th>"
    html += f'<td style="white-space: nowrap">{cell}</td></tr></table></body></html>'
    plain = tmp_path / "plain.pdf"
    writer = QPdfWriter(str(plain))
    writer.setPageSize(QPageSize(QPageSize.A4))
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    writer.setPageMargins(margins, QPageLayout.Millimeter)
    writer.setResolution(150)
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setPageSize(QSizeF(writer.pageLayout().paintRectPixels(writer.resolution()).size()))
    document.setHtml(html)
    document.print_(writer)
    del writer
    defects = print_defects(plain)
    assert any("crosses the margin" in d for d in defects)
    assert "p1: no 「第 1 页 共 1 页」 at the page foot" in defects

    fixed = tmp_path / "fixed.pdf"
    html_to_pdf(html, fixed, tmp_path, "wide")
    assert print_defects(fixed) == []


# ------------------------------------------------------------------ the unit map


def printed_images(pdf: Path) -> list[tuple[int, float]]:
    """(page, printed width in mm) of each image of ``pdf`` (poppler's pdfimages)."""
    out = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    rows = []
    for line in out.splitlines()[2:]:
        cols = line.split()
        if len(cols) > 13 and cols[2] == "image":
            rows.append((int(cols[0]), int(cols[3]) / float(cols[12]) * 25.4))
    return rows


@pytest.mark.parametrize("unit_id", UNITS)
def test_the_unit_map_is_printed_at_the_size_it_was_made_for(sample_pdfs, unit_id):
    """The map is a 160 mm page of its own (scale bar true on paper): 160 / 25.4 × 150
    dpi = 944.9 → 944 px, printed 944 px at 150 ppi = 159.85 mm."""
    images = printed_images(sample_pdfs / f"{unit_id}_实施方案.pdf")
    assert len(images) == 1
    assert abs(images[0][1] - 160.0) < 1.0
    png = sample_pdfs / "maps" / f"map_{unit_id}.png"
    from qgis.PyQt.QtGui import QImage

    assert QImage(str(png)).width() == 944


def test_the_document_map_layout_has_no_sheet_furniture_and_readable_type():
    from qgis.core import QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLegendStyle, QgsProject

    from lowland_under_test.lowland_plugin.bridge.layouts import (
        PAGE_MAP_WIDTH_MM,
        PAGE_TEMPLATE,
        load_review_layout,
    )

    layout = load_review_layout(QgsProject(), PAGE_TEMPLATE)
    page = layout.pageCollection().page(0).pageSize()
    assert (page.width(), page.height()) == (PAGE_MAP_WIDTH_MM, 215.0)
    labels = [i for i in layout.items() if isinstance(i, QgsLayoutItemLabel)]
    assert labels and not any("atlas_featurenumber" in i.text() for i in labels)
    assert all(i.font().pointSizeF() >= 7.0 for i in labels)
    legend = next(i for i in layout.items() if isinstance(i, QgsLayoutItemLegend))
    for style in (QgsLegendStyle.Title, QgsLegendStyle.Group, QgsLegendStyle.SymbolLabel):
        assert legend.style(style).font().pointSizeF() >= 7.0
