"""The readable HTML summary of a database QC run (上图入库成果质检报告).

Standard library only (``html.escape`` on every value): title, date, inputs,
standard and profile versions, a table rule → count → pass/fail naming every rule,
the first ``max_errors`` defects with their feature ids, and the field standard.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

import pandas as pd

from .qc import OVERLAP_MIN_AREA, RULES, QcResult
from .standard import Standard

TITLE = "上图入库成果质检报告"
_STATUS = {
    "pass": ("通过", "pass"),
    "fail": ("不通过", "fail"),
    "warning": ("警告", "warn"),
    "not_run": ("未检查（未提供三调图层）", "skip"),
}
_SEVERITY = {"error": "错误", "warning": "警告"}
_TYPES = {"string": "字符串", "int": "整数", "real": "浮点", "date": "日期"}

_CSS = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 1.6em; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
td.num { text-align: right; }
.verdict { font-size: 1.3em; font-weight: bold; padding: 0.4em 0.8em; display: inline-block; }
.pass { color: #1a7f37; } .fail { color: #c62828; } .warn { color: #b26a00; } .skip { color: #777; }
.verdict.pass { background: #e6f4ea; } .verdict.fail { background: #fdecea; }
"""


@dataclass(frozen=True)
class ReportInfo:
    """What the run was: inputs, options and where the database went."""

    input_layer: str
    landsurvey_layer: str | None
    output: str | None  # None: not written (the reason is in ``output_note``)
    output_format: str  # "GeoPackage" or "ESRI Shapefile"
    encoding: str
    only_lowland: bool
    admin_code: str | None  # None: from the input's admin_code field
    sliver_area: float
    area_tolerance: float
    layer_name: str | None = None
    output_note: str = ""


def report_facts(info: ReportInfo, db: pd.DataFrame, standard: Standard) -> dict[str, str]:
    """The 基本信息 lines of the report: label → text."""
    lowland = int((db["SFDX"] == "是").sum()) if "SFDX" in db.columns else 0
    mj = pd.to_numeric(db.get("MJ"), errors="coerce").sum() if "MJ" in db.columns else 0.0
    mu = pd.to_numeric(db.get("MJM"), errors="coerce").sum() if "MJM" in db.columns else 0.0
    profiles = sorted({str(v) for v in db["RDBZ"].dropna()}) if "RDBZ" in db.columns else []
    dates = sorted({str(v) for v in db["RKSJ"].dropna()}) if "RKSJ" in db.columns else []
    fmt = info.output_format
    if info.output_format == "GeoPackage":
        fmt += f"（图层 {info.layer_name}）" if info.layer_name else ""
    else:
        fmt += f"（编码 {info.encoding}，已写 .cpg）"
    return {
        "输入(认定成果)": info.input_layer,
        "三调图层": info.landsurvey_layer or "未提供（三调一致性规则未检查）",
        "导出范围": "仅最终结论为低效用地的宗地" if info.only_lowland else "全部宗地（SFDX 是/否）",
        "行政区代码": info.admin_code or "取自输入的 admin_code 字段",
        "成果文件": info.output or f"未写出：{info.output_note}",
        "格式": fmt,
        "字段标准": standard.label,
        "规则档案(认定标准)": "、".join(profiles) or "—",
        "入库时间": "、".join(dates) or "—",
        "记录数": f"{len(db)}（其中低效用地 {lowland}）",
        "面积合计": f"{mj:.2f} 平方米（{mu:.4f} 亩）",
        "碎片阈值": f"{info.sliver_area:g} 平方米",
        "三调面积容差": f"{100 * info.area_tolerance:g}%（相对于图斑面积）",
        "重叠计入下限": f"{OVERLAP_MIN_AREA:g} 平方米",
    }


def _cell(value: object, cls: str = "") -> str:
    text = "" if value is None or value != value else str(value)  # NaN → empty
    attr = f' class="{cls}"' if cls else ""
    return f"<td{attr}>{escape(text)}</td>"


def render_html(
    result: QcResult,
    info: ReportInfo,
    db: pd.DataFrame,
    standard: Standard,
    max_errors: int = 200,
    now: dt.datetime | None = None,
) -> str:
    """The report as one HTML document (UTF-8)."""
    meta = report_facts(info, db, standard)
    now = (now or dt.datetime.now()).replace(microsecond=0)
    verdict, cls = ("通过", "pass") if result.passed else ("不通过", "fail")
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{escape(TITLE)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{escape(TITLE)}</h1>",
        f"<p>质检时间：{escape(now.isoformat(sep=' '))}</p>",
        f'<p class="verdict {cls}">质检结论：{verdict}</p>',
        f"<p>错误 {result.error_count} 处，警告 {result.warning_count} 处。"
        "有错误即不通过；警告须核实，不影响结论。质检只报告问题，不作任何修改。</p>",
        "<h2>基本信息</h2><table>",
    ]
    for label, value in meta.items():
        out.append(f"<tr><th>{escape(str(label))}</th>{_cell(value)}</tr>")
    out.append("</table>")

    out.append("<h2>质检规则与结果</h2><table>")
    out.append("<tr><th>序号</th><th>规则</th><th>编号</th><th>级别</th><th>说明</th>")
    out.append("<th>数量</th><th>结果</th></tr>")
    described = {r.id: r.description for r in RULES}
    for i, row in enumerate(result.summary.itertuples(index=False), start=1):
        label, status_cls = _STATUS[row.status]
        out.append(
            "<tr>"
            + _cell(i, "num")
            + _cell(row.name_zh)
            + _cell(row.rule)
            + _cell(_SEVERITY[row.severity])
            + _cell(described.get(row.rule, ""))
            + _cell(row.count if row.checked else "—", "num")
            + _cell(label, status_cls)
            + "</tr>"
        )
    out.append("</table>")

    total = len(result.errors)
    out.append("<h2>问题清单</h2>")
    if total == 0:
        out.append("<p>未发现问题。</p>")
    else:
        shown = min(total, max_errors)
        note = f"共 {total} 条" + (
            f"，以下列出前 {shown} 条；完整清单见质检错误图层。" if shown < total else "。"
        )
        out.append(f"<p>{escape(note)}</p><table>")
        out.append(
            "<tr><th>序号</th><th>规则</th><th>级别</th><th>图斑编号</th><th>宗地编号</th>"
            "<th>相关图斑</th><th>记录</th><th>字段</th><th>说明</th></tr>"
        )
        for i, row in enumerate(result.errors.head(shown).itertuples(index=False), start=1):
            sev_cls = "fail" if row.severity == "error" else "warn"
            out.append(
                "<tr>"
                + _cell(i, "num")
                + _cell(f"{row.rule_name}（{row.rule}）")
                + _cell(_SEVERITY[row.severity], sev_cls)
                + _cell(row.feature_id)
                + _cell(row.parcel_id)
                + _cell(row.related_id)
                + _cell(row.row_number, "num")
                + _cell(row.field_name)
                + _cell(row.message)
                + "</tr>"
            )
        out.append("</table>")

    out.append(f"<h2>字段标准 {escape(standard.label)}</h2><table>")
    out.append(
        "<tr><th>字段</th><th>名称</th><th>类型</th><th>长度</th><th>小数</th><th>必填</th>"
        "<th>值域</th><th>来源</th><th>说明</th></tr>"
    )
    for spec in standard.fields:
        required = {"true": "是", "false": "否"}.get(spec.required, spec.required[3:] + " 时")
        out.append(
            "<tr>"
            + _cell(spec.name)
            + _cell(spec.alias_zh)
            + _cell(_TYPES[spec.type])
            + _cell(spec.width, "num")
            + _cell(spec.precision if spec.type == "real" else "", "num")
            + _cell(required)
            + _cell(spec.domain)
            + _cell(spec.source)
            + _cell(spec.description)
            + "</tr>"
        )
    out.append("</table></body></html>")
    return "\n".join(out) + "\n"
