"""The 实施方案 DOCX through real Word features, read back with python-docx for every
sample unit: header rows repeated on long tables, headings kept with the next
paragraph, 「第 X 页 共 Y 页」 from PAGE/NUMPAGES fields in the footer, a TOC field,
column widths from the content, and no field name, English sentence or ``id@version``
in the Chinese text (the profile label is in the document properties)."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from check_helpers import generate_sample_plans
from docx.oxml.ns import qn

from lowland_under_test.lowland_plugin.core.documents.docx_layout import text_weight

ROOT = Path(__file__).resolve().parents[1]
UNITS = ("DY01", "DY02", "DY03", "DY04")
#: An ASCII field name (area_m2, parcel_id, gfa_transferred) or a ``key=value`` pair.
FIELD_NAME = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b|\b[A-Za-z_]+=")
#: An English sentence: four Latin words in a row.
ENGLISH = re.compile(r"[A-Za-z]{2,}(?:[ ,:;]+[A-Za-z]{2,}){3,}")
#: A profile label ``default@1.1.0``.
VERSION_LABEL = re.compile(r"\w+@\d+(?:\.\d+)+")
#: A table of more rows than this may run over a page.
LONG_TABLE_ROWS = 5
REASON_HEADER = "认定理由"


@pytest.fixture(scope="module")
def documents(sample_units_chain, tmp_path_factory) -> dict[str, docx.document.Document]:
    folder = generate_sample_plans(sample_units_chain, tmp_path_factory.mktemp("plan_docx"), [0])
    return {u: docx.Document(folder / f"{u}_实施方案.docx") for u in UNITS}


def instructions(element) -> list[str]:
    """The field instructions (``PAGE``, ``TOC \\o …``) inside ``element``."""
    return [(t.text or "").strip() for t in element.iter(qn("w:instrText"))]


def is_header_repeated(row) -> bool:
    tr_pr = row._tr.trPr
    if tr_pr is None:
        return False
    flag = tr_pr.find(qn("w:tblHeader"))
    return flag is not None and flag.get(qn("w:val"), "true") in ("true", "1", "on")


def cell_texts(document, skip_header: str | None = None):
    """(table index, header, text) of every cell, leaving out the column headed
    ``skip_header``."""
    for index, table in enumerate(document.tables):
        headers = [c.text for c in table.rows[0].cells]
        for row in table.rows:
            for header, cell in zip(headers, row.cells, strict=False):
                if header != skip_header:
                    yield index, header, cell.text


@pytest.mark.parametrize("unit_id", UNITS)
def test_long_tables_repeat_their_header_row(documents, unit_id):
    long_tables = [t for t in documents[unit_id].tables if len(t.rows) > LONG_TABLE_ROWS]
    assert long_tables
    for table in long_tables:
        first = table.rows[0].cells[0].text
        if first in ("单元编号",):  # the 单元概况 label/value table has no header row
            continue
        assert is_header_repeated(table.rows[0]), first
        assert not any(is_header_repeated(r) for r in table.rows[1:])


@pytest.mark.parametrize("unit_id", UNITS)
def test_headings_keep_with_next(documents, unit_id):
    headings = [p for p in documents[unit_id].paragraphs if p.style.name.startswith("Heading")]
    assert len(headings) >= 8
    for paragraph in headings:
        own = paragraph.paragraph_format.keep_with_next
        assert own if own is not None else paragraph.style.paragraph_format.keep_with_next


@pytest.mark.parametrize("unit_id", UNITS)
def test_page_numbers_and_contents_are_word_fields(documents, unit_id):
    document = documents[unit_id]
    footer = document.sections[0].footer
    assert instructions(footer._element) == ["PAGE", "NUMPAGES"]
    text = footer.paragraphs[0].text
    assert text.startswith("第 ") and " 页 共 " in text and text.endswith(" 页")
    toc = [i for i in instructions(document.element.body) if i.startswith("TOC")]
    assert toc == ['TOC \\o "1-2" \\h \\z \\u']
    update = document.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"


def test_columns_are_as_wide_as_their_content(documents):
    parcels = next(t for t in documents["DY04"].tables if t.rows[0].cells[0].text == "宗地编号")
    widths = [c.w for c in parcels._tbl.tblGrid.gridCol_lst]
    headers = [c.text for c in parcels.rows[0].cells]
    assert len(set(widths)) > 1  # not 7 equal columns
    reason, pid = widths[headers.index(REASON_HEADER)], widths[headers.index("宗地编号")]
    assert reason > 2 * pid
    # the text width: A4 210 mm − 2 × 25 mm = 160 mm = 160 / 25.4 × 1440 = 9071 twips
    assert abs(sum(widths) - 9071 * 635) <= len(widths) * 635
    # weights: 「宁夏银川…有限公司」 is longer than any parcel id
    assert text_weight("宗地编号") == 8 and text_weight("P0003") == 5


@pytest.mark.parametrize("unit_id", UNITS)
def test_no_field_name_english_or_version_label_in_the_text(documents, unit_id):
    document = documents[unit_id]
    for index, header, text in cell_texts(document, skip_header=REASON_HEADER):
        assert not FIELD_NAME.search(text), (index, header, text)
        assert not ENGLISH.search(text), (index, header, text)
        assert not VERSION_LABEL.search(text), (index, header, text)
    for paragraph in document.paragraphs:
        assert not VERSION_LABEL.search(paragraph.text), paragraph.text
        assert not ENGLISH.search(paragraph.text), paragraph.text
    profile_lines = [p.text for p in document.paragraphs if p.text.startswith("规则档案：")]
    assert profile_lines and all(line.endswith("版）") for line in profile_lines)
    assert VERSION_LABEL.fullmatch(document.core_properties.keywords)


def test_no_field_name_in_the_reasons(documents):
    for index, header, text in cell_texts(documents["DY04"]):
        if header == REASON_HEADER:
            assert not FIELD_NAME.search(text), (index, text)


#: The chapters a reviewer expects, in order (issue 18).
CHAPTER_HEADINGS = [
    "一、单元概况", "二、现状分析", "三、低效用地认定", "四、历史遗留用地", "五、规划方案",
    "六、实施主体、方式与供地方式", "七、补偿安置", "八、资金平衡", "九、实施时序",
    "十、方案比选", "十一、保障措施", "附图", "附表",
]  # fmt: skip


@pytest.mark.parametrize("unit_id", UNITS)
def test_every_chapter_is_there_in_order_after_cover_and_contents(documents, unit_id):
    document = documents[unit_id]
    level1 = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert level1 == CHAPTER_HEADINGS
    texts = [p.text for p in document.paragraphs]
    assert texts.index("目　录") < texts.index("一、单元概况")
    assert any(t.startswith("编制单位：") for t in texts[: texts.index("目　录")])
    # the sample projects have no compensation fields: the chapter says what is missing
    compensation = texts[texts.index("七、补偿安置") + 1]
    assert compensation.startswith("本章待补充：项目图层未填写补偿安置信息")


def test_the_compiler_is_printed_on_the_cover(sample_units_chain, tmp_path):
    folder = generate_sample_plans(
        sample_units_chain,
        tmp_path,
        [0, 1],
        UNIT_IDS="DY03",
        COMPILER="银川市自然资源局",
        MAPS=False,
    )
    document = docx.Document(folder / "DY03_实施方案.docx")
    assert "编制单位：银川市自然资源局" in [p.text for p in document.paragraphs]
    assert "编制单位：银川市自然资源局" in (folder / "DY03_实施方案.html").read_text("utf-8")
