"""十、方案比选 of the 实施方案 (issue 23 item 4): the unit's scenarios side by side — the
comparison table of :func:`~..scenarios.comparison.comparison_frame` (indicators with
units, one column per scenario, the best value per row marked ★), the failed checks
of each scenario with their clause, the charts (:mod:`..scenarios.charts`), and the
chosen scenario (``chosen``) named as the plan the document describes.

The numbers are those of :func:`~..scenarios.evaluate.evaluate_scenarios` (the dock
and ``lowland:evaluatescenarios`` show the same), formatted by :func:`value_text`; an
unknown value is 「未知」, never 0. Without a scenario store the section says so
(``missing``) instead of vanishing.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..common.values import as_text
from ..scenarios.comparison import Comparison, IndicatorRow, scenario_label

#: How an unknown value is printed (never 0).
UNKNOWN_TEXT = "未知"
#: Marker of the best value of a row.
BEST_MARK = "★"
#: Cell shading (DOCX ``cellbg``) of the best value and of the others.
BEST_SHADE, PLAIN_SHADE = "E2EFDA", "FFFFFF"
#: Text of the section without a scenario store.
NO_STORE_TEXT = (
    "未提供方案库（方案比选 GeoPackage），本实施方案按项目图层的现行方案编制，未作方案比选。"
)
NO_SCENARIO_TEXT = "方案库中没有本单元的方案，未作方案比选。"
#: Check key → its name in the document.
CHECK_NAMES = {
    "far": "容积率核定",
    "scattered": "零星用地",
    "mixed_use": "混合用地",
    "use_change": "用途变更路径",
    "land_price": "补缴地价",
    "capacity": "开发容量",
    "funding": "资金平衡",
}


def value_text(value: float | None) -> str:
    """A value as the document prints it: thousands separated, two decimals (none for a
    whole number); 「未知」 for an unknown value."""
    if value is None or value != value:  # NaN
        return UNKNOWN_TEXT
    number = float(value)
    return f"{number:,.0f}" if number == int(number) else f"{number:,.2f}"


def chosen_scenario(c: Comparison) -> dict | None:
    """The scenario marked ``chosen`` (the plan the document describes), or None."""
    for scenario in c.scenarios:
        if _is_true(scenario.get("chosen")):
            return scenario
    return None


def _is_true(value) -> bool:
    text = as_text(value)
    return text is not None and text.lower() in ("1", "true", "yes", "是")


def table_row(row: IndicatorRow, ids: list[str]) -> dict:
    """One row of the table: label, unit, clause and a cell per scenario (text, best)."""
    cells = []
    for sid in ids:
        best = sid in row.best
        text = value_text(row.values.get(sid))
        cells.append(
            {
                "text": f"{text} {BEST_MARK}" if best else text,
                "best": best,
                "bg": BEST_SHADE if best else PLAIN_SHADE,
            }
        )
    return {"label": row.label_zh, "unit": row.unit or "—", "clause": row.clause or "—",
            "cells": cells}  # fmt: skip


def failure_rows(c: Comparison) -> list[dict]:
    """Per scenario its failed checks (check name, clause, project, reason)."""
    out = []
    for scenario in c.scenarios:
        sid = str(scenario["scenario_id"])
        items = [
            {
                "check": CHECK_NAMES.get(f.check, f.check),
                "clause": f.clause,
                "project_id": f.project_id or "全方案",
                "text": f.text_zh,
            }
            for f in c.failures.get(sid, ())
        ]
        out.append({"scenario": scenario_label(scenario), "checks": items})
    return out


def chart_rows(charts: Mapping[str, str] | None, base_dir: str | Path | None) -> list[dict]:
    """The chart images (key → PNG path) with their title and the path the HTML uses
    (relative to ``base_dir``)."""
    from ..scenarios.charts import CHART_TITLES

    rows = []
    for key, title in CHART_TITLES.items():
        path = (charts or {}).get(key)
        if path:
            src = Path(path)
            if base_dir is not None:
                try:
                    src = src.relative_to(base_dir)
                except ValueError:
                    pass
            rows.append(
                {"key": key, "title": title, "path": str(path), "src": src.as_posix(),
                 "image": None}  # DOCX: the picture's placeholder (render.docx_values)
            )  # fmt: skip
    return rows


def scenario_section(
    comparison: Comparison | None,
    charts: Mapping[str, str] | None = None,
    base_dir: str | Path | None = None,
    *,
    store_given: bool | None = None,
) -> dict:
    """The 方案比选 section of the context (keys: ``missing``, ``chosen``, ``columns``,
    ``rows``, ``failures``, ``charts``, ``count``). ``charts``: chart key → PNG path
    (:func:`~..scenarios.charts.write_charts`); ``store_given``: whether a store was
    read (default: whether there is a comparison)."""
    empty: dict[str, Any] = {
        "chosen": None,
        "columns": [],
        "rows": [],
        "failures": [],
        "charts": [],
        "count": 0,
    }
    if comparison is None:
        given = store_given if store_given is not None else False
        return {**empty, "missing": NO_SCENARIO_TEXT if given else NO_STORE_TEXT}
    if not comparison.scenarios:
        return {**empty, "missing": NO_SCENARIO_TEXT}
    ids = comparison.scenario_ids()
    chosen = chosen_scenario(comparison)
    return {
        "missing": None,
        "count": len(ids),
        "chosen": None
        if chosen is None
        else {"scenario_id": str(chosen["scenario_id"]), "name": scenario_label(chosen)},
        "columns": [scenario_label(s) for s in comparison.scenarios],
        "rows": [table_row(row, ids) for row in comparison.rows],
        "failures": failure_rows(comparison),
        "charts": chart_rows(charts, base_dir),
    }
