"""Build the bundled 实施方案 DOCX template ``resources/templates/implementation_plan.docx``
(a docxtpl template) with python-docx, reproducibly.

    .venv/bin/python scripts/make_templates.py

The template uses the context of ``lowland_plugin/core/documents/plan.py`` and the
filters of ``FILTERS`` there (``m2``, ``mu``, ``wan``, ``pct``, ``num``, ``date_zh``,
``passfail``); table rows repeat with ``{%tr for … %}``, optional parts with
``{%p if … %}``, and the unit map is ``{{ unit_map_image }}``, a placeholder string the
renderer replaces by the picture (None: the text ``maps.missing_text``, 图件待生成). A
bureau can edit the wording in Word; keep the Jinja2 tags each inside one run of text
(type them in one go).

The core properties carry a fixed date so that the file only changes when this
script changes.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a script: its helpers

from docx_parts import (  # noqa: E402
    add_contents,
    add_footer,
    field_table,
    loop_table,
    missing,
    para,
    set_page,
    set_styles,
    update_fields_on_open,
)

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "resources" / "templates" / "implementation_plan.docx"
FIXED_DATE = dt.datetime(2025, 1, 1)
#: 二、现状分析 tables: (key of ``status_quo``, heading, first column).
STATUS_QUO_TABLES = (
    ("land_use", "（一）土地利用现状（三调地类）", "地类"),
    ("building_age", "（二）建筑年代", "最早建成年代"),
    ("far", "（三）开发强度（容积率）", "容积率"),
    ("density", "（四）建筑密度", "建筑密度"),
    ("tenure", "（五）土地权属", "权属性质"),
)
#: 十一、保障措施 (template text; a bureau rewrites it in Word).
SAFEGUARDS = (
    "（一）组织保障：成立由区人民政府牵头、自然资源等部门参加的单元实施工作组，统筹推进认定、规划、"
    "供地与监管。",
    "（二）政策保障：严格执行低效用地再开发政策，认定、规划调整、补缴地价与供地均按规定程序办理，"
    "依法公开。",
    "（三）资金保障：按资金平衡方案落实资金来源，在全市域、分区域统筹平衡，专款专用。",
    "（四）监督管理：将单元纳入低效用地数据库动态监管，按实施时序开展评估，对未按约定开发的依法处置。",
)


def overview_chapter(doc) -> None:
    """一、单元概况: the unit table and the 低效 area by type."""
    doc.add_heading("（一）基本情况", level=2)
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
                "不超过 5 亩的低效地块（零星用地候选）",
                '{{ unit.scattered_count if unit.scattered_count is not none else "—" }} 宗，'
                "{{ unit.scattered_area_m2 | m2 }} m²",
            ),
            ("公共设施用地", "{{ unit.facility_area_m2 | m2 }} m²"),
            ("备注", '{{ unit.notes or "—" }}'),
        ],
    )
    para(doc, "{%p if unit.lowland_by_type %}")
    doc.add_heading("（二）低效用地分类型面积", level=2)
    loop_table(
        doc,
        ["类型", "面积（m²）", "面积（亩）", "占单元面积"],
        ["{{ t.label }}", "{{ t.area_m2 | m2 }}", "{{ t.area_m2 | mu }}", "{{ t.share | pct }}"],
        ["for t in unit.lowland_by_type"],
        numeric=(1, 2, 3),
    )
    para(doc, "{%p endif %}")


def status_quo_chapter(doc) -> None:
    """二、现状分析: land use, building age, FAR, density, tenure (``status_quo``)."""
    para(doc, "{%p if status_quo.missing %}")
    missing(doc, "{{ status_quo.missing }}")
    para(doc, "{%p else %}")
    para(
        doc,
        "单元内宗地 {{ status_quo.parcel_count }} 宗，面积 {{ status_quo.area_m2 | m2 }} m²"
        "{% if status_quo.owner_count is not none %}，涉及权利人 {{ status_quo.owner_count }} 个"
        "{% endif %}{% if status_quo.danger.count is not none %}；有 C、D 级危险建筑的宗地 "
        "{{ status_quo.danger.count }} 宗，面积 {{ status_quo.danger.area_m2 | m2 }} m²{% endif %}。",
    )
    for key, title, head in STATUS_QUO_TABLES:
        doc.add_heading(title, level=2)
        loop_table(
            doc,
            [head, "宗数", "面积（m²）", "面积（亩）", "占宗地面积"],
            [
                "{{ r.label }}",
                "{{ r.count }}",
                "{{ r.area_m2 | m2 }}",
                "{{ r.area_m2 | mu }}",
                "{{ r.share | pct }}",
            ],  # fmt: skip
            [f"for r in status_quo.{key}"],
            numeric=(1, 2, 3, 4),
        )
    para(doc, "{%p endif %}")


def identification_chapter(doc) -> None:
    """三、低效用地认定: the list with reasons and review outcome, the pending profile values."""
    para(doc, "{%p if not parcels_given %}")
    missing(doc, "未提供宗地图层（低效用地认定结果）。")
    para(doc, "{%p elif parcels %}")
    para(
        doc,
        "单元内认定低效用地 {{ parcel_totals.count }} 宗，面积 {{ parcel_totals.area_m2 | m2 }} m²"
        "（{{ parcel_totals.area_m2 | mu }} 亩）；认定依据与核查结论见下表。",
    )
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


def legacy_chapter(doc) -> None:
    """四、历史遗留用地."""
    para(doc, "{%p if legacy is none %}")
    missing(doc, "未提供历史遗留用地认定结果。")
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


def planning_chapter(doc) -> None:
    """五、规划方案: capacity, public facilities, the projects' FAR, mixed use, scattered land."""
    doc.add_heading("（一）规划用途与建设规模", level=2)
    para(
        doc,
        "单元规划建筑容量 {{ unit.gfa_capacity | m2 }} m²，现状建筑面积 {{ unit.gfa_existing | m2 }} m²；"
        "规划用途与开发强度以控制性详细规划为准，各项目的容积率核定见下文。",
    )
    doc.add_heading("（二）公共服务设施配置", level=2)
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
    para(doc, "{%p if not projects_given %}")
    missing(doc, "未提供再开发项目图层，项目规划指标待补充。")
    para(doc, "{%p elif not far %}")
    para(doc, "单元内暂无再开发项目。")
    para(doc, "{%p else %}")
    doc.add_heading("（三）项目容积率核定（Y-4）", level=2)
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
    doc.add_heading("（四）混合用地用途比例（Y-10）", level=2)
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
    doc.add_heading("（五）零星用地（Y-7）", level=2)
    para(doc, "{%p if scattered is none %}")
    missing(doc, "未提供零星用地地块图层。")
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


def implementation_chapter(doc) -> None:
    """六、实施主体、方式与供地方式 per project, and the 补缴地价."""
    doc.add_heading("（一）实施主体与实施方式", level=2)
    para(doc, "{%p if implementation.missing %}")
    missing(doc, "{{ implementation.missing }}")
    para(doc, "{%p else %}")
    loop_table(
        doc,
        ["项目", "土地使用权人", "实施主体", "实施方式", "供地方式"],
        [
            '{{ r.project_id }} {{ r.project_name or "" }}',
            '{{ r.land_user or "—" }}',
            "{{ r.subject }}",
            "{{ r.method }}",
            "{{ r.supply }}",
        ],  # fmt: skip
        ["for r in implementation.rows"],
    )
    para(doc, "{%p endif %}")
    doc.add_heading("（二）补缴地价与缴款计划", level=2)
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


def compensation_chapter(doc) -> None:
    """七、补偿安置: the projects' compensation fields, else a marked placeholder."""
    para(doc, "{%p if compensation.missing %}")
    missing(doc, "{{ compensation.missing }}")
    para(doc, "补偿安置方案应依法制定，明确补偿方式、标准与安置房源，充分征求权利人意见后报批。")
    para(doc, "{%p else %}")
    para(doc, "{%p for r in compensation.rows %}")
    para(
        doc,
        "{{ r.project_id }}：{% for c in compensation.columns %}{{ c }} "
        '{{ r["values"][loop.index0] }}{% if not loop.last %}；{% endif %}{% endfor %}。',
    )
    para(doc, "{%p endfor %}")
    para(doc, "{%p endif %}")


def funding_chapter(doc) -> None:
    """八、资金平衡: costs, revenues, balance and phasing."""
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


def timing_chapter(doc) -> None:
    """九、实施时序: the unit's phase and the land-price deadlines."""
    para(doc, "本单元实施时序：{{ timing.phase_label }}。")
    para(doc, "{%p if timing.deadlines %}")
    loop_table(
        doc,
        ["项目", "节点", "日期"],
        ["{{ d.project_id }}", "{{ d.label }}", "{{ d.date | date_zh }}"],
        ["for d in timing.deadlines"],
    )
    para(doc, "{%p else %}")
    para(doc, "单元内项目暂无地价缴款节点。")
    para(doc, "{%p endif %}")


def scenario_table(doc) -> None:
    """The comparison table: a column per scenario (``{%tc for %}``), a row per
    indicator (``{%tr for %}``), the best value shaded and marked ★."""
    head = [
        "指标",
        "单位",
        "{%tc for c in scenarios.columns %}",
        "{{ c }}",
        "{%tc endfor %}",
        "依据",
    ]
    body = ["{{ r.label }}", "{{ r.unit }}", "{%tc for cell in r.cells %}",
            "{% cellbg cell.bg %}{{ cell.text }}", "{%tc endfor %}", "{{ r.clause }}"]  # fmt: skip
    table = doc.add_table(rows=1, cols=len(head))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, head, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    table.add_row().cells[0].text = "{%tr for r in scenarios.rows %}"
    for cell, text in zip(table.add_row().cells, body, strict=True):
        cell.text = text
    table.add_row().cells[0].text = "{%tr endfor %}"


def scenarios_chapter(doc) -> None:
    """十、方案比选: the chosen scenario, the comparison table, failed checks, charts."""
    para(doc, "{%p if scenarios.missing %}")
    para(doc, "{{ scenarios.missing }}")
    para(doc, "{%p else %}")
    para(
        doc,
        "本单元编制比选方案 {{ scenarios.count }} 个，按现行政策逐一核算（容积率 Y-4、零星用地 Y-7、"
        "混合用地 Y-10、用途变更 Y-11、补缴地价 Y-14/Y-15、资金平衡 N-3）。{% if scenarios.chosen %}"
        "本实施方案按选定方案「{{ scenarios.chosen.name }}」（{{ scenarios.chosen.scenario_id }}）"
        "编制。{% else %}尚未选定方案。{% endif %}",
    )
    doc.add_heading("（一）方案指标对比", level=2)
    scenario_table(doc)
    para(doc, "★ 为该项指标的最优值；“未知”表示缺少数据，未按 0 计。", size=8.5)
    doc.add_heading("（二）未通过的核查", level=2)
    para(doc, "{%p for f in scenarios.failures %}")
    para(doc, "{%p if f.checks %}")
    para(doc, "{{ f.scenario }}：")
    para(doc, "{%p for i in f.checks %}")
    para(doc, "　　{{ i.check }}（{{ i.clause }}，{{ i.project_id }}）：{{ i.text }}", size=9)
    para(doc, "{%p endfor %}")
    para(doc, "{%p else %}")
    para(doc, "{{ f.scenario }}：各项核查均通过。")
    para(doc, "{%p endif %}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p if scenarios.charts %}")
    doc.add_heading("（三）方案比选图", level=2)
    para(doc, "{%p for ch in scenarios.charts %}")
    para(doc, "{{ ch.image }}", center=True)
    para(doc, "图 {{ loop.index }}　{{ ch.title }}", center=True, size=9)
    para(doc, "{%p endfor %}")
    para(doc, "{%p endif %}")
    para(doc, "{%p endif %}")


def safeguards_chapter(doc) -> None:
    """十一、保障措施: template text a bureau edits."""
    for text in SAFEGUARDS:
        para(doc, text)


def figures_chapter(doc) -> None:
    """附图: the unit map (InlineImage) and the list of figures."""
    para(doc, "{%p if unit_map_image %}")
    para(doc, "{{ unit_map_image }}", center=True)
    para(doc, '附图 1　{{ unit.unit_id }} {{ unit.unit_name or "" }} 单元图', center=True, size=9)
    para(doc, "{%p else %}")
    para(doc, "{{ maps.missing_text }}")
    para(doc, "{%p endif %}")
    loop_table(
        doc,
        ["图件", "状态"],
        ["{{ f.name }}", "{{ f.status }}"],
        ["for f in figure_list"],
    )


def tables_chapter(doc) -> None:
    """附表: the policy clauses and the notes of the run."""
    doc.add_heading("附表 1　政策依据", level=2)
    loop_table(
        doc,
        ["条款", "要点", "内容"],
        ["{{ c.id }}", "{{ c.title }}", "{{ c.text }}"],
        ["for c in clauses"],
    )
    para(doc, "{%p if warnings %}")
    doc.add_heading("附表 2　生成说明", level=2)
    para(doc, "{%p for w in warnings %}")
    para(doc, "{{ w }}", size=8.5)
    para(doc, "{%p endfor %}")
    para(doc, "{%p endif %}")


#: Chapter key → its builder, in the document's order (keys: ``chapters`` of the context).
CHAPTER_BUILDERS = {
    "overview": overview_chapter,
    "status_quo": status_quo_chapter,
    "identification": identification_chapter,
    "legacy": legacy_chapter,
    "planning": planning_chapter,
    "implementation": implementation_chapter,
    "compensation": compensation_chapter,
    "funding": funding_chapter,
    "timing": timing_chapter,
    "scenarios": scenarios_chapter,
    "safeguards": safeguards_chapter,
    "figures": figures_chapter,
    "tables": tables_chapter,
}


def cover(doc) -> None:
    """封面 (``chapters.cover``; without it a title line) and 目录 (``chapters.contents``)."""
    para(doc, "{%p if chapters.cover %}")
    for _ in range(6):
        doc.add_paragraph()
    doc.add_paragraph("{{ document.title }}", style="Title")
    para(doc, "（送审稿）", center=True, size=12)
    for _ in range(6):
        doc.add_paragraph()
    for line in (
        '单　　元：{{ unit.unit_id }} {{ unit.unit_name or "" }}',
        '编制单位：{{ document.compiler or "（待填写）" }}',
        "编制日期：{{ document.generated | date_zh }}",
        "规则档案：{{ document.profile_words }}",
    ):
        para(doc, line, center=True, size=12)
    doc.add_page_break()
    para(doc, "{%p else %}")
    doc.add_paragraph("{{ document.title }}", style="Title")
    para(
        doc,
        "编制日期：{{ document.generated | date_zh }}　规则档案：{{ document.profile_words }}",
        center=True,
        size=9,
    )
    para(doc, "{%p endif %}")
    para(doc, "{%p if chapters.contents %}")
    add_contents(doc)
    doc.add_page_break()
    para(doc, "{%p endif %}")


def build() -> Document:
    doc = Document()
    set_styles(doc)
    set_page(doc)
    add_footer(doc)
    update_fields_on_open(doc)
    props = doc.core_properties
    props.title = "实施方案"
    props.author = "Lowland 低效用地再开发"
    props.created = props.modified = FIXED_DATE
    props.revision = 1
    cover(doc)
    for key, builder in CHAPTER_BUILDERS.items():
        para(doc, "{%p if chapters." + key + " %}")
        doc.add_heading("{{ chapter_titles." + key + " }}", level=1)
        builder(doc)
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
