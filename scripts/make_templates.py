"""Build the bundled 实施方案 DOCX template ``resources/templates/implementation_plan.docx``
(a docxtpl template) with python-docx, reproducibly.

    .venv/bin/python scripts/make_templates.py

The template uses the context of ``lowland_plugin/core/documents/plan.py`` and the
filters of ``FILTERS`` there (``m2``, ``mu``, ``wan``, ``pct``, ``num``, ``date_zh``,
``passfail``); table rows repeat with ``{%tr for … %}``, optional parts with
``{%p if … %}``, and the unit map is the InlineImage ``unit_map_image`` (None: the
text ``maps.missing_text``, 图件待生成). A bureau can edit the wording in Word; keep
the Jinja2 tags each inside one run of text (type them in one go).

The core properties carry a fixed date so that the file only changes when this
script changes.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "resources" / "templates" / "implementation_plan.docx"
BODY_FONT, HEADING_FONT, LATIN_FONT = "宋体", "黑体", "Times New Roman"
FIXED_DATE = dt.datetime(2025, 1, 1)


def _fonts(style_or_run, east_asia: str, size: float | None = None, bold=None) -> None:
    font = style_or_run.font
    font.name = LATIN_FONT
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    r_pr = style_or_run.element.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = r_pr.makeelement(qn("w:rFonts"), {})
        r_pr.append(fonts)
    fonts.set(qn("w:eastAsia"), east_asia)


def _styles(doc) -> None:
    _fonts(doc.styles["Normal"], BODY_FONT, 10.5)
    for name, size in (("Title", 18), ("Heading 1", 14), ("Heading 2", 12)):
        style = doc.styles[name]
        _fonts(style, HEADING_FONT, size, bold=True)
        style.font.color.rgb = RGBColor(0, 0, 0)
    doc.styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for name in ("Title", "Heading 1", "Heading 2"):
        # a heading never ends a page: Word keeps it with the next paragraph
        doc.styles[name].paragraph_format.keep_with_next = True


def _field(paragraph, instruction: str, placeholder: str = "1") -> None:
    """A Word field (``PAGE``, ``NUMPAGES``, ``TOC …``) as begin/instr/separate/result/end
    runs; Word (and LibreOffice) compute it when the document is opened or printed."""

    def run_with(child) -> None:
        run = paragraph.add_run()
        run._r.append(child)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    paragraph.add_run(placeholder)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _footer(doc) -> None:
    """「第 X 页 共 Y 页」 centred in the footer, with PAGE and NUMPAGES fields."""
    footer = doc.sections[0].footer
    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("第 ")
    _field(paragraph, "PAGE")
    paragraph.add_run(" 页 共 ")
    _field(paragraph, "NUMPAGES")
    paragraph.add_run(" 页")
    for run in paragraph.runs:
        run.font.size = Pt(9)


def _update_fields_on_open(doc) -> None:
    """``w:updateFields``: Word fills the table of contents and page numbers on opening."""
    settings = doc.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


def _contents(doc) -> None:
    """目录: a TOC field over the headings of levels 1–2 (Word fills it on opening)."""
    title = para(doc, "目　录", center=True, size=14)
    title.runs[0].bold = True
    title.paragraph_format.keep_with_next = True
    _field(
        doc.add_paragraph(), 'TOC \\o "1-2" \\h \\z \\u', "（打开文档时更新目录：右键 → 更新域）"
    )


def _page(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(25))
    section.top_margin, section.bottom_margin = Mm(25), Mm(20)


def para(doc, text: str, style: str | None = None, center: bool = False, size=None):
    p = doc.add_paragraph(style=style)
    run = p.add_run(text)
    if size is not None:
        run.font.size = Pt(size)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def _cell(cell, text: str, bold: bool = False, right: bool = False) -> None:
    cell.text = ""
    p = cell.paragraphs[0]
    run = p.add_run(text)
    run.font.size = Pt(9)
    run.bold = bold
    if right:
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _shade(cell, fill: str = "E8E8E8") -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = tc_pr.makeelement(qn("w:shd"), {qn("w:val"): "clear", qn("w:fill"): fill})
    tc_pr.append(shd)


def loop_table(doc, headers, cells, loops, totals=None, numeric=()):
    """A table: header row, one ``{%tr for … %}`` row per loop, the repeated row of
    ``cells``, the ``{%tr endfor %}`` rows, and an optional static totals row."""
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _cell(cell, text, bold=True)
        _shade(cell)
    _repeat_header(table.rows[0])
    for loop in loops:
        row = table.add_row().cells
        _cell(row[0], "{%tr " + loop + " %}")
    row = table.add_row().cells
    for i, (cell, text) in enumerate(zip(row, cells, strict=True)):
        _cell(cell, text, right=i in numeric)
    for _ in loops:
        _cell(table.add_row().cells[0], "{%tr endfor %}")
    if totals is not None:
        row = table.add_row().cells
        for i, (cell, text) in enumerate(zip(row, totals, strict=True)):
            _cell(cell, text, bold=True, right=i in numeric)
    return table


def _repeat_header(row) -> None:
    """The row is the table's header: Word repeats it at the top of each page."""
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def field_table(doc, rows) -> None:
    """A two-column label/value table (static rows)."""
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        _cell(cells[0], label, bold=True)
        _shade(cells[0])
        _cell(cells[1], value)


def build() -> Document:
    doc = Document()
    _styles(doc)
    _page(doc)
    _footer(doc)
    _update_fields_on_open(doc)
    props = doc.core_properties
    props.title = "实施方案"
    props.author = "Lowland 低效用地再开发"
    props.created = props.modified = FIXED_DATE
    props.revision = 1

    doc.add_paragraph("{{ document.title }}", style="Title")
    para(
        doc,
        "编制日期：{{ document.generated | date_zh }}　规则档案：{{ document.profile_words }}",
        center=True,
        size=9,
    )
    _contents(doc)
    doc.add_page_break()

    doc.add_heading("一、单元概况", level=1)
    field_table(
        doc,
        [
            ("单元编号", "{{ unit.unit_id }}"),
            ("单元名称", '{{ unit.unit_name or "—" }}'),
            ("实施时序", "{{ unit.phase_label }}"),
            ("划定方式", '{{ unit.source_label or "—" }}'),
            (
                "街坊",
                '{{ unit.block_count if unit.block_count is not none else "—" }} 个：'
                '{{ unit.block_ids | join("、") or "—" }}',
            ),
            ("单元面积", "{{ unit.area_m2 | m2 }} m²（{{ unit.area_m2 | mu }} 亩）"),
            ("宗地数", '{{ unit.parcel_count if unit.parcel_count is not none else "—" }}'),
            (
                "低效用地",
                '{{ unit.lowland_count if unit.lowland_count is not none else "—" }} 宗，'
                "{{ unit.lowland_area_m2 | m2 }} m²（{{ unit.lowland_area_m2 | mu }} 亩），"
                "占单元面积 {{ unit.lowland_share | pct }}",
            ),
            ("现状建筑面积", "{{ unit.gfa_existing | m2 }} m²"),
            ("规划建筑容量", "{{ unit.gfa_capacity | m2 }} m²"),
            (
                "零星低效地块（≤5 亩）",
                '{{ unit.scattered_count if unit.scattered_count is not none else "—" }} 宗，'
                "{{ unit.scattered_area_m2 | m2 }} m²",
            ),
            ("公共设施用地", "{{ unit.facility_area_m2 | m2 }} m²"),
            ("备注", '{{ unit.notes or "—" }}'),
        ],
    )
    para(doc, "{%p if unit.lowland_by_type %}")
    doc.add_heading("低效用地分类型面积", level=2)
    loop_table(
        doc,
        ["类型", "面积（m²）", "面积（亩）", "占单元面积"],
        ["{{ t.label }}", "{{ t.area_m2 | m2 }}", "{{ t.area_m2 | mu }}", "{{ t.share | pct }}"],
        ["for t in unit.lowland_by_type"],
        numeric=(1, 2, 3),
    )
    para(doc, "{%p endif %}")

    doc.add_heading("二、低效用地清单", level=1)
    para(doc, "{%p if not parcels_given %}")
    para(doc, "未提供宗地图层。")
    para(doc, "{%p elif parcels %}")
    loop_table(
        doc,
        ["宗地编号", "权利人", "低效类型", "面积（m²）", "面积（亩）", "容积率", "认定理由"],
        [
            "{{ p.parcel_id }}",
            '{{ p.owner or "—" }}',
            "{{ p.type_label }}",
            "{{ p.area_m2 | m2 }}",
            "{{ p.area_m2 | mu }}",
            "{{ p.far | num(2) }}",
            '{{ p.reasons | join("；") or "（复核认定）" }}{% if p.review %}；复核：{{ p.review }}'
            "{% endif %}",
        ],
        ["for p in parcels"],
        totals=[
            "合计 {{ parcel_totals.count }} 宗",
            "",
            "",
            "{{ parcel_totals.area_m2 | m2 }}",
            "{{ parcel_totals.area_m2 | mu }}",
            "",
            "",
        ],
        numeric=(3, 4, 5),
    )
    para(doc, "{%p else %}")
    para(doc, "单元内无认定的低效用地。")
    para(doc, "{%p endif %}")
    para(doc, "{%p if parcels_given and profile_pending %}")
    para(
        doc,
        "认定所用规则档案「{{ document.profile_words }}」中，以下取值待定或为本地取值，"
        "须经本市确认后方可作为认定依据：",
        size=9,
    )
    para(doc, "{%p for v in profile_pending %}")
    para(doc, "{{ v }}", size=9)
    para(doc, "{%p endfor %}")
    para(doc, "{%p endif %}")

    doc.add_heading("三、历史遗留用地", level=1)
    para(doc, "{%p if legacy is none %}")
    para(doc, "未提供历史遗留用地认定结果（lowland:legacyland）。")
    para(doc, "{%p elif legacy.rows %}")
    loop_table(
        doc,
        ["处置方式", "宗数", "面积（m²）", "面积（亩）"],
        ["{{ s.label }}", "{{ s.count }}", "{{ s.area_m2 | m2 }}", "{{ s.area_m2 | mu }}"],
        ["for s in legacy.summary"],
        numeric=(1, 2, 3),
    )
    para(doc, "")
    loop_table(
        doc,
        ["宗地编号", "权利人", "处置方式", "占用年份", "面积（m²）", "未满足或缺少的条件"],
        [
            "{{ r.parcel_id }}",
            '{{ r.owner or "—" }}',
            "{{ r.label }}",
            '{{ r.occupation_year or "—" }}',
            "{{ r.area_m2 | m2 }}",
            '{{ r.failed or "—" }}',
        ],
        ["for r in legacy.rows"],
        numeric=(3, 4),
    )
    para(doc, "{%p else %}")
    para(doc, "单元内无历史遗留用地。")
    para(doc, "{%p endif %}")

    doc.add_heading("四、再开发项目规划指标", level=1)
    para(doc, "{%p if not projects_given %}")
    para(doc, "未提供项目图层。")
    para(doc, "{%p elif not far %}")
    para(doc, "单元内暂无再开发项目。")
    para(doc, "{%p else %}")
    doc.add_heading("（一）容积率核定（Y-4）", level=2)
    loop_table(
        doc,
        [
            "项目",
            "用地面积（m²）",
            "容积率上限",
            "计容建筑面积（m²）",
            "允许建筑面积（m²）",
            "余量（m²）",
            "核定容积率",
            "结论",
        ],  # fmt: skip
        [
            '{{ r.project_id }} {{ r.project_name or "" }}{% if r.public_project %}（公益项目）'
            "{% endif %}",
            "{{ r.area_m2 | m2 }}",
            "{{ r.far_max | num(2) }}",
            "{{ r.gfa_counted | m2 }}",
            "{{ r.gfa_allowed | m2 }}",
            "{{ r.gfa_margin | m2 }}",
            "{{ r.far_counted | num(4) }}",
            "{{ r.far_pass | passfail }}",
        ],
        ["for r in far"],
        numeric=(1, 2, 3, 4, 5, 6),
    )
    doc.add_heading("（二）混合用地用途比例（Y-10）", level=2)
    loop_table(
        doc,
        ["项目", "计算依据", "用途", "比例", "出让年限（年）", "评估单价（元/m²）"],
        [
            "{{ m.project_id }}",
            "{{ m.basis_label }}",
            '{{ u.use_code }} {{ u.use_name or "" }}{% if u.is_main %}（主要用途）{% endif %}',
            "{{ u.share | pct }}",
            "{{ u.lease_years | num(0) }}{% if u.lease_capped %}（已按法定上限）{% endif %}",
            "{{ u.unit_price | num(2) }}",
        ],
        ["for m in mixed_use", "for u in m.uses"],
        numeric=(3, 4, 5),
    )
    doc.add_heading("（三）零星用地（Y-7）", level=2)
    para(doc, "{%p if scattered is none %}")
    para(doc, "未提供零星用地地块图层（项目模板 pieces）。")
    para(doc, "{%p else %}")
    loop_table(
        doc,
        [
            "项目",
            "项目用地（m²）",
            "零星用地宗数",
            "零星用地面积（m²）",
            "占比",
            "最大单宗（亩）",
            "结论",
        ],  # fmt: skip
        [
            "{{ s.project_id }}",
            "{{ s.total_area_m2 | m2 }}",
            "{{ s.count }}",
            "{{ s.area_m2 | m2 }}",
            "{{ s.share | pct }}",
            "{{ s.max_piece_m2 | mu }}",
            "{{ s.passed | passfail }}",
        ],
        ["for s in scattered"],
        numeric=(1, 2, 3, 4, 5),
    )
    para(doc, "{%p endif %}")
    para(doc, "{%p endif %}")

    doc.add_heading("五、补缴地价与缴款计划", level=1)
    para(doc, "{%p if land_price %}")
    loop_table(
        doc,
        [
            "项目",
            "补缴地价（万元）",
            "首期 50%（万元）",
            "首期缴款截止",
            "余款（万元）",
            "余款缴清截止",
            "公示地价比例测算（万元）",
        ],  # fmt: skip
        [
            '{{ r.project_id }} {{ r.project_name or "" }}',
            "{% if r.computed %}{{ r.price_due | wan }}{% else %}未核算{% endif %}",
            "{{ r.first_amount | wan }}",
            "{{ r.first_due_date | date_zh }}",
            "{{ r.rest_amount | wan }}",
            "{{ r.final_due_date | date_zh }}",
            "{{ r.alt_price | wan }}",
        ],
        ["for r in land_price"],
        totals=["合计", "{{ land_price_total | wan }}", "", "", "", "", ""],
        numeric=(1, 2, 4, 6),
    )
    para(doc, "{%p else %}")
    para(doc, "单元内无需核算补缴地价的项目。")
    para(doc, "{%p endif %}")

    doc.add_heading("六、资金平衡", level=1)
    doc.add_heading("（一）支出", level=2)
    loop_table(
        doc,
        ["项目", "测算基数", "单价", "金额（万元）"],
        [
            "{{ c.label }}",
            "{{ c.basis }} {{ c.quantity | m2 }} {{ c.quantity_unit }}",
            "{{ c.rate | num(2) }} {{ c.rate_unit }}",
            "{{ c.amount | wan }}",
        ],
        ["for c in funding.costs"],
        totals=["支出合计", "", "", "{{ funding.cost_total | wan }}"],
        numeric=(3,),
    )
    doc.add_heading("（二）收入", level=2)
    loop_table(
        doc,
        ["项目", "测算基数", "单价", "金额（万元）"],
        [
            "{{ r.label }}",
            "{% if r.rate is none %}{{ r.basis }}，{{ r.quantity }} {{ r.quantity_unit }}"
            "{% else %}{{ r.basis }} {{ r.quantity | m2 }} {{ r.quantity_unit }}{% endif %}",
            "{% if r.rate is none %}—{% else %}{{ r.rate | num(2) }} {{ r.rate_unit }}{% endif %}",
            "{{ r.amount | wan }}",
        ],
        ["for r in funding.revenues"],
        totals=["收入合计", "", "", "{{ funding.revenue_total | wan }}"],
        numeric=(3,),
    )
    field_table(doc, [("资金平衡（收入 − 支出，万元）", "{{ funding.balance | wan }}")])
    para(
        doc,
        "{% if funding.balanced %}单元内收支可以平衡{% else %}单元内收支缺口 "
        "{{ (0 - funding.balance) | wan }} 万元，须在全市域、分区域统筹平衡（N-3），"
        "不得依赖单一地块增容{% endif %}。",
    )
    doc.add_heading("（三）分期实施与资金安排", level=2)
    loop_table(
        doc,
        ["时序", "年份", "支出（万元）", "收入（万元）", "当期平衡（万元）", "累计平衡（万元）"],
        [
            "{{ p.label }}{% if p.is_unit_phase %}（本单元）{% endif %}",
            "{{ p.years }}",
            "{{ p.cost | wan }}",
            "{{ p.revenue | wan }}",
            "{{ p.balance | wan }}",
            "{{ p.cumulative | wan }}",
        ],
        ["for p in funding.phasing"],
        numeric=(2, 3, 4, 5),
    )
    para(
        doc,
        '单价来源：{{ funding.sources | join("；") }}。支出计入本单元实施时序；补缴地价按缴款截止'
        "日期所在年份计入；{% if not funding.transfer_given %}单元未填写转移建筑面积"
        "，按 0 计；{% endif %}金额四舍五入到分后合计。",
        size=8.5,
    )

    doc.add_heading("七、公共服务设施配置", level=1)
    para(doc, "{%p if facilities %}")
    loop_table(
        doc,
        ["设施类别", "用地面积（m²）", "用地面积（亩）"],
        ["{{ f.label }}", "{{ f.area_m2 | m2 }}", "{{ f.area_m2 | mu }}"],
        ["for f in facilities"],
        totals=["合计", "{{ facility_total | m2 }}", "{{ facility_total | mu }}"],
        numeric=(1, 2),
    )
    para(doc, "{%p else %}")
    para(doc, "控规未在本单元安排新增公共服务设施用地（或未提供控规图层）。")
    para(doc, "{%p endif %}")

    doc.add_heading("八、政策依据", level=1)
    loop_table(
        doc,
        ["条款", "要点", "内容"],
        ["{{ c.id }}", "{{ c.title }}", "{{ c.text }}"],
        ["for c in clauses"],
    )

    doc.add_heading("附图", level=1)
    para(doc, "{%p if unit_map_image %}")
    para(doc, "{{ unit_map_image }}", center=True)
    para(doc, "{{ unit.unit_id }} 单元图", center=True, size=9)
    para(doc, "{%p else %}")
    para(doc, "{{ maps.missing_text }}")
    para(doc, "{%p endif %}")
    para(doc, "{%p if warnings %}")
    doc.add_heading("生成说明", level=2)
    para(doc, "{%p for w in warnings %}")
    para(doc, "{{ w }}", size=8.5)
    para(doc, "{%p endfor %}")
    para(doc, "{%p endif %}")
    return doc


def main(argv: list[str] | None = None) -> int:
    target = Path(argv[0]) if argv else TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    build().save(str(target))
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
