"""会议纪要: the table of a review meeting's decisions, as a planner reads it.

One row per decided parcel: id, owner, unit, area (m² and 亩), the computed verdict and
type in words, the reasons as sentences (:func:`core.common.reason_text.reasons_paragraph`),
the decision, the result after review, reviewer, note and decision time — no codes, no
True/False. Text cells a spreadsheet would evaluate are escaped
(:func:`core.common.spreadsheet.escape_text_cells`) before any writer sees them.
"""

from __future__ import annotations

import pandas as pd

from ..common.fields import value_label
from ..common.reason_text import reasons_paragraph
from ..common.spreadsheet import escape_text_cells
from ..common.values import as_text, is_known

#: Column key → (Chinese, English) heading, in the order of the minutes.
MINUTES_COLUMNS: dict[str, tuple[str, str]] = {
    "parcel_id": ("宗地编号", "Parcel"),
    "owner": ("权利人", "Owner"),
    "unit_id": ("单元", "Unit"),
    "area_m2": ("面积（平方米）", "Area (m²)"),
    "area_mu": ("面积（亩）", "Area (mu)"),
    "computed": ("认定结论", "Computed verdict"),
    "reasons": ("认定理由", "Reasons"),
    "review_status": ("核查决定", "Decision"),
    "final": ("核查后结论", "Result after review"),
    "review_note": ("核查意见", "Note"),
    "reviewer": ("核查人", "Reviewer"),
    "reviewed_at": ("核查时间", "Decided at"),
    "verdict_changed": ("认定结论已变化", "Verdict changed since"),
}


def verdict_words(verdict, lowland_type, language: str = "zh") -> str | None:
    """「低效用地 · 低效工业」: the verdict and, for a low-efficiency one, its type."""
    verdict = as_text(verdict)
    if verdict is None:
        return None
    text = value_label("verdict", verdict, language)
    kind = as_text(lowland_type)
    if verdict == "lowland" and kind is not None:
        text += " · " + value_label("lowland_type", kind, language)
    return text


def decision_time(value) -> str | None:
    """An ISO decision stamp as 「2026-12-03 07:29」 (minutes, no 'T')."""
    text = as_text(value)
    if text is None:
        return None
    return text.replace("T", " ")[:16]


def yes_no(value, language: str = "zh") -> str:
    """是 / 否 (Yes / No) for a flag; unknown counts as no flag raised."""
    flag = bool(value) if is_known(value) else False
    if language.startswith("en"):
        return "Yes" if flag else "No"
    return "是" if flag else "否"


def _number(value) -> float | None:
    return float(value) if is_known(value) else None


def _row(record: dict, language: str) -> dict:
    status = as_text(record.get("review_status")) or "pending"
    return {
        "parcel_id": as_text(record.get("parcel_id")),
        "owner": as_text(record.get("owner")),
        "unit_id": as_text(record.get("unit_id")),
        "area_m2": _number(record.get("area_m2")),
        "area_mu": _number(record.get("area_mu")),
        "computed": verdict_words(record.get("verdict"), record.get("lowland_type"), language),
        "reasons": reasons_paragraph(record.get("reasons"), language, met_only=True) or None,
        "review_status": value_label("review_status", status, language),
        "final": verdict_words(record.get("final_verdict"), record.get("final_type"), language),
        "review_note": as_text(record.get("review_note")),
        "reviewer": as_text(record.get("reviewer")),
        "reviewed_at": decision_time(record.get("reviewed_at")),
        "verdict_changed": yes_no(record.get("verdict_changed"), language),
    }


def meeting_minutes(table: pd.DataFrame, language: str = "zh") -> pd.DataFrame:
    """The minutes of the decided parcels of ``table`` (review fields of an
    identification output; ``unit_id``, ``area_m2``, ``area_mu``, ``owner`` and
    ``reasons`` where present), sorted by unit then parcel, headings in ``language``,
    text cells escaped against formula injection."""
    status = table.get("review_status", pd.Series(["pending"] * len(table), index=table.index))
    decided = table[status.fillna("pending") != "pending"]
    rows = [_row(record, language) for record in decided.to_dict("records")]
    frame = pd.DataFrame(rows, columns=list(MINUTES_COLUMNS))
    frame = frame.sort_values(["unit_id", "parcel_id"], na_position="last", kind="stable")
    headings = {
        k: (zh if not language.startswith("en") else en) for k, (zh, en) in MINUTES_COLUMNS.items()
    }
    return escape_text_cells(frame.reset_index(drop=True)).rename(columns=headings)
