"""Generate docs/guide/template_zh.md: the 实施方案 template's chapter blocks, filters
and every context variable with an example value, from the context of the sample
unit DY02 (sample_units.gpkg, sample_projects.gpkg, two example parcels).

    .venv/bin/python scripts/make_template_guide.py

tests/test_template_guide.py checks that the stored page equals what this script
writes, so a variable added to the context shows up here or fails the test.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "guide" / "template_zh.md"
SAMPLE = ROOT / "resources" / "sample"
#: Longest example value printed.
EXAMPLE_CHARS = 48

#: What the main variables mean (the others are listed with their example only).
DESCRIPTIONS = {
    "document": "文档信息",
    "document.title": "文档标题",
    "document.generated": "编制日期（用 date_zh 过滤器）",
    "document.profile_words": "规则档案（文字，含版本）",
    "document.profile": "规则档案编号@版本（仅供文档属性，不宜印在正文）",
    "document.compiler": "编制单位（未填写时为空，封面印「（待填写）」）",
    "unit": "单元概况（lowland:buildunits 的单元字段）",
    "parcels": "认定的低效用地清单，每宗一行",
    "parcels[].reasons": "认定理由，每条一句",
    "parcel_totals": "低效用地合计",
    "profile_pending": "规则档案中待定或本地取值的条目",
    "legacy": "历史遗留用地（未提供时为空，模板印「本章待补充」）",
    "far": "项目容积率核定（Y-4）",
    "mixed_use": "混合用地用途比例（Y-10）",
    "scattered": "零星用地（Y-7；未提供地块图层时为空）",
    "land_price": "补缴地价与缴款计划",
    "funding": "资金平衡（元；用 wan 过滤器印万元）",
    "facilities": "公共服务设施用地",
    "clauses": "引用的政策条款",
    "maps": "单元图与审查图集",
    "figure_list": "附图清单及其状态",
    "warnings": "生成说明（中文）",
    "chapters": "各章开关（默认全部开启）",
    "chapter_titles": "各章标题",
    "status_quo": "现状分析（missing 非空时说明缺少的输入）",
    "implementation": "实施主体、方式与供地方式（每个项目一行）",
    "compensation": "补偿安置（项目图层有补偿字段时列出，否则 missing 说明）",
    "timing": "实施时序与地价缴款节点",
}
#: What a variable of this last name means, wherever it is.
LEAF_DESCRIPTIONS = {
    "unit_id": "单元编号", "unit_name": "单元名称", "project_id": "项目编号",
    "project_name": "项目名称", "parcel_id": "宗地编号", "owner": "权利人",
    "area_m2": "面积（m²）", "area_mu": "面积（亩）", "label": "名称", "count": "宗数",
    "share": "比例（用 pct 过滤器）", "phase_label": "实施时序（近期/中期/远期）",
    "missing": "缺少输入时的说明（为空表示输入齐全）", "gfa": "建筑面积（m²）",
    "far": "容积率", "amount": "金额（元）", "rate": "单价（元）", "status": "状态",
    "name": "名称", "rows": "各行", "type_label": "低效类型", "review": "核查结论",
}  # fmt: skip
FILTERS_ZH = {
    "num": "数字，千分位，默认两位小数：{{ x | num(4) }}",
    "m2": "面积（m²），千分位两位小数",
    "wan": "元 → 万元",
    "mu": "m² → 亩",
    "pct": "比例 → 百分数",
    "date_zh": "日期 → 2025年7月1日",
    "yesno": "是 / 否",
    "passfail": "符合 / 不符合",
}


def plugin_module(name: str) -> ModuleType:
    """``lowland_plugin.<name>`` of this checkout: through the package this script was
    imported from (tests: ``lowland_under_test``), else the root loaded as a package."""
    package = __package__.rpartition(".")[0] if __package__ else ""
    if not package:
        package = "lowland_guide_root"
        if package not in sys.modules:
            spec = importlib.util.spec_from_file_location(
                package, ROOT / "__init__.py", submodule_search_locations=[str(ROOT)]
            )
            module = importlib.util.module_from_spec(spec)
            sys.modules[package] = module
    return importlib.import_module(f"{package}.lowland_plugin.{name}")


def sample_context() -> dict:
    """The context of sample unit DY02 with the sample projects and two parcels."""
    import geopandas as gpd
    from shapely.geometry import box

    ogr_io = plugin_module("bridge.ogr_io")
    plan = plugin_module("core.documents.plan")
    projects_mod = plugin_module("core.documents.projects")
    profiles = plugin_module("core.common.profiles")
    projects_path = str(SAMPLE / "sample_projects.gpkg")
    projects = ogr_io.read_ogr_layer(projects_path, "projects").reset_index(drop=True)
    pieces = ogr_io.read_ogr_layer(projects_path, "pieces").reset_index(drop=True)
    zones = ogr_io.read_ogr_layer(projects_path, "zones").reset_index(drop=True)
    units = ogr_io.read_ogr_layer(str(SAMPLE / "sample_units.gpkg"), "units")
    units = units.reset_index(drop=True)
    checks = projects_mod.project_checks(projects, units, pieces, zones)
    reasons = json.dumps(
        [{"rule": "far_below_min", "kind": "criterion", "clause": "Y-1", "value": 0.35,
          "threshold": 0.8, "met": True}]
    )  # fmt: skip
    parcels = gpd.GeoDataFrame(
        {
            "parcel_id": ["P0101", "P0102"],
            "owner": ["宁夏某物流有限公司", "某村集体"],
            "unit_id": ["DY02", "DY02"],
            "verdict": ["lowland", "not_lowland"],
            "lowland_type": ["industrial", None],
            "reasons": [reasons, "[]"],
            "area_m2": [6000.0, 4000.0],
            "gfa": [2100.0, 3000.0],
            "far": [0.35, 0.75],
            "building_density": [0.28, 0.41],
            "current_dlbm": ["0601", "0702"],
            "oldest_year": ["1996", "2004"],
            "tenure": ["granted", "collective"],
            "danger_cd_share": [0.0, 0.2],
        },
        geometry=[box(0, 0, 60, 100), box(60, 0, 100, 100)],
        crs=units.crs,
    )
    return plan.build_unit_context(
        units.iloc[1],
        parcels,
        None,
        None,
        profiles.load_profile("yinchuan"),
        checks=checks,
        generated=dt.date(2025, 7, 1),
    )


def example(value) -> str:
    """A short printable example of ``value``."""
    if isinstance(value, dt.date):
        text = value.isoformat()
    elif isinstance(value, float):
        text = f"{value:.4f}".rstrip("0").rstrip(".")
    else:
        text = str(value)
    text = text.replace("|", "/").replace("\n", " ")
    return text if len(text) <= EXAMPLE_CHARS else text[: EXAMPLE_CHARS - 1] + "…"


def variables(value, path: str = "") -> list[tuple[str, str]]:
    """(dotted path, example) of every variable under ``value``: a dict's keys, a
    list's first item as ``name[]``."""
    if isinstance(value, dict):
        out = [(path, "")] if path else []
        for key, item in value.items():
            out += variables(item, f"{path}.{key}" if path else str(key))
        return out
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return [(path, f"列表，{len(value)} 项"), *variables(value[0], path + "[]")]
        return [(path, example(value[0]) if value else "列表（可为空）")]
    return [(path, "空（None）" if value is None else example(value))]


def guide_text(context: dict) -> str:
    chapters = plugin_module("core.documents.chapters")
    lines = [
        "# 实施方案模板说明",
        "",
        "<!-- 由 scripts/make_template_guide.py 生成，请勿手工修改 -->",
        "",
        "实施方案由两个模板生成：`resources/templates/implementation_plan.docx`（Word，"
        "docxtpl）和 `implementation_plan.html.j2`（HTML，PDF 由它排版）。自然资源局可以复制"
        "其中一个，在 Word 或文本编辑器中修改措辞、增删章节，然后在「实施方案生成」面板"
        "（或 `lowland:generateplan` 的 模板 参数）中选用自己的模板，无需改代码。",
        "",
        "模板在沙箱中运行：变量写错（如 `{{ unit.area_m3 }}`）时不会印出空白，而是拒绝生成，"
        "提示模板文件、行号和未定义的变量名。Word 模板中每个 `{{ … }}` 或 `{% … %}` 标签"
        "须在一次输入中完成（不要在标签中间改字体）。",
        "",
        "页面效果见 [实施方案页面截图](#页面截图)。",
        "",
        "## 章节块与开关",
        "",
        "每章由 `{% if chapters.<键> %} … {% endif %}` 包住（Word 模板中为 `{%p if … %}` 段落），"
        "默认全部开启。关闭一章：在模板开头加入",
        "",
        "```",
        "{% set chapters = dict(chapters, compensation=false) %}",
        "```",
        "",
        "| 键 | 章节 |",
        "|---|---|",
    ]
    lines += [f"| `{key}` | {title} |" for key, title in chapters.CHAPTERS.items()]
    lines += [
        "",
        "缺少输入的章节不会消失：`status_quo.missing`、`implementation.missing`、"
        "`compensation.missing` 等非空时，模板印「本章待补充：……」说明缺少什么。",
        "",
        "## 过滤器",
        "",
        "| 过滤器 | 作用 |",
        "|---|---|",
    ]
    lines += [f"| `{name}` | {text} |" for name, text in FILTERS_ZH.items()]
    lines += [
        "",
        "## 变量",
        "",
        "示例值取自示例单元 DY02（示例项目与两宗示例宗地；示例单元未经 lowland:buildunits "
        "统计，面积等统计值为空，模板印「—」）。列表写作 `名称[]`，"
        "在模板中用 `{% for p in parcels %}{{ p.parcel_id }}{% endfor %}` 取各项。",
        "",
        "| 变量 | 说明 | 示例值 |",
        "|---|---|---|",
    ]
    for path, value in variables(context):
        leaf = path.rpartition(".")[2].removesuffix("[]")
        text = DESCRIPTIONS.get(path) or LEAF_DESCRIPTIONS.get(leaf, "")
        lines.append(f"| `{path}` | {text} | {value} |")
    lines += [
        "",
        "## 页面截图",
        "",
        "示例单元 DY01 的实施方案 PDF（`bash scripts/run demo` 生成）：",
        "",
    ]
    for name, caption in SCREENSHOTS:
        lines.append(f"![{caption}](../screenshots/{name})")
        lines.append("")
    return "\n".join(lines)


#: Page images of DY01's PDF in docs/screenshots (scripts/make_plan_screenshots.py).
SCREENSHOTS = (
    ("plan_DY01_cover.png", "封面"),
    ("plan_DY01_overview.png", "一、单元概况"),
    ("plan_DY01_lowland_list.png", "三、低效用地认定（清单）"),
    ("plan_DY01_funding.png", "八、资金平衡"),
    ("plan_DY01_figures.png", "附图"),
)


def main(argv: list[str] | None = None) -> int:
    target = Path(argv[0]) if argv else TARGET
    target.write_text(guide_text(sample_context()), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
