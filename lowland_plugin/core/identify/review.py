"""Review of identified parcels (地块核查): decisions, their audit trail, readable reasons.

A planner confirms, rejects or overrides each computed verdict in front of
colleagues. The decision lives in the review fields of the identification
output; this module decides what a decision writes (pure: the dock writes it
through the layer's edit buffer, so undo/redo work), carries decisions over
when identification is run again (matched by ``parcel_id``, flagging parcels
whose computed verdict changed since), and turns reasons into readable lines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..common.codes import LOWLAND_TYPES
from ..common.errors import LowlandInputError
from ..common.fields import field_aliases, value_label
from ..common.reason_text import KIND_ORDER, reason_items, reason_sentence, rule_title
from ..common.spreadsheet import escape_text_cells
from ..common.values import as_text, is_known

#: Review statuses (``review_status``).
STATUSES = ("pending", "confirmed", "rejected", "overridden")
#: Decisions the dock offers.
ACTIONS = ("confirm", "reject", "override", "reset")

#: Review fields of an identification output, in order, with their pandas dtype.
REVIEW_FIELDS: dict[str, str] = {
    "review_status": "object",
    "review_type": "object",
    "review_note": "object",
    "reviewer": "object",
    "reviewed_at": "object",
    "reviewed_verdict": "object",
    "verdict_changed": "boolean",
    "final_verdict": "object",
    "final_type": "object",
}
#: Fields that mark a layer as an identification output.
IDENTIFICATION_FIELDS = ("parcel_id", "verdict", "lowland_type", "reasons", *REVIEW_FIELDS)


def missing_identification_fields(field_names) -> list[str]:
    """Fields an identification output must have and this layer lacks ([] if none)."""
    names = set(field_names)
    return [f for f in IDENTIFICATION_FIELDS if f not in names]


def empty_review_columns(verdict: np.ndarray, lowland_type: np.ndarray) -> pd.DataFrame:
    """Review columns of a fresh identification: pending; final = computed."""
    n = len(verdict)
    frame = pd.DataFrame(
        {name: pd.Series([None] * n, dtype=dtype) for name, dtype in REVIEW_FIELDS.items()}
    )
    frame["review_status"] = "pending"
    frame["verdict_changed"] = pd.array([False] * n, dtype="boolean")
    frame["final_verdict"] = np.asarray(verdict, dtype=object)
    frame["final_type"] = np.asarray(lowland_type, dtype=object)
    return frame


def final_verdict(frame: pd.DataFrame) -> np.ndarray:
    """The verdict after review (Y-1, N-12: 认定, then 核查): ``final_verdict`` where the
    planner's decision is there (not null, not blank), else the computed ``verdict``."""
    return _after_review(frame, "final_verdict", "verdict")


def final_type(frame: pd.DataFrame) -> np.ndarray:
    """The low-efficiency type after review: ``final_type`` where set (not null, not
    blank), else the computed ``lowland_type`` (None where the frame has neither)."""
    return _after_review(frame, "final_type", "lowland_type")


def _after_review(frame: pd.DataFrame, final: str, computed: str) -> np.ndarray:
    """Column ``final`` where known and not blank, else column ``computed`` (object)."""
    out = (
        frame[computed].astype(object).to_numpy()
        if computed in frame.columns
        else np.full(len(frame), None, dtype=object)
    )
    if final not in frame.columns:
        return out
    decided = frame[final].astype(object)
    blank = np.array([as_text(v) is None for v in decided], dtype=bool)
    return np.where(blank, out, decided.to_numpy())


@dataclass(frozen=True)
class Decision:
    """What a decision writes: field → value."""

    values: dict[str, object]


def decide(
    action: str,
    verdict: str,
    lowland_type: str | None,
    reviewer: str,
    note: str = "",
    new_type: str | None = None,
    now: dt.datetime | None = None,
) -> Decision:
    """The review field values for ``action`` on a parcel with this computed verdict.

    - ``confirm``: agree with the computed verdict (note optional);
    - ``reject``: a computed low-efficiency verdict is wrong → not low-efficiency
      (note required; only for ``verdict == 'lowland'``);
    - ``override``: the parcel is low-efficiency of ``new_type`` (note required);
    - ``reset``: back to pending, decision fields cleared.
    Raises :class:`LowlandInputError` saying what is missing.
    """
    if action not in ACTIONS:
        raise LowlandInputError(f"未知的核查操作 {action!r} / unknown action; allowed: {ACTIONS}")
    note = (note or "").strip()
    reviewer = (reviewer or "").strip()
    if action == "reset":
        return Decision(
            {
                "review_status": "pending",
                "review_type": None,
                "review_note": None,
                "reviewer": None,
                "reviewed_at": None,
                "reviewed_verdict": None,
                "verdict_changed": False,
                "final_verdict": verdict,
                "final_type": lowland_type,
            }
        )
    if not reviewer:
        raise LowlandInputError("请填写核查人。 / Enter the reviewer's name.")
    if action in ("reject", "override") and not note:
        raise LowlandInputError(
            "否定或改判须填写理由。 / A reason is required to reject or override."
        )
    if action == "reject" and verdict != "lowland":
        raise LowlandInputError(
            "只有认定为低效用地的宗地可以否定；要改为低效用地请用“改判”。 / Only a "
            "low-efficiency verdict can be rejected; use override to make a parcel low-efficiency."
        )
    if action == "override" and new_type not in LOWLAND_TYPES:
        raise LowlandInputError(
            f"改判须选择低效类型 / override needs a type, one of {LOWLAND_TYPES}"
        )
    status, final_verdict, final_type, review_type = {
        "confirm": ("confirmed", verdict, lowland_type, None),
        "reject": ("rejected", "not_lowland", None, None),
        "override": ("overridden", "lowland", new_type, new_type),
    }[action]
    stamp = (now or dt.datetime.now()).replace(microsecond=0).isoformat()
    return Decision(
        {
            "review_status": status,
            "review_type": review_type,
            "review_note": note or None,
            "reviewer": reviewer,
            "reviewed_at": stamp,
            "reviewed_verdict": _verdict_key(verdict, lowland_type),
            "verdict_changed": False,
            "final_verdict": final_verdict,
            "final_type": final_type,
        }
    )


def _verdict_key(verdict, lowland_type) -> str:
    """The computed result a decision was made on, e.g. ``lowland:industrial``."""
    if verdict == "lowland" and lowland_type:
        return f"lowland:{lowland_type}"
    return str(verdict)


# ------------------------------------------------------------ several reviewers

#: Fields a decision writes that show whether someone else decided a parcel meanwhile.
DECISION_FIELDS = tuple(f for f in REVIEW_FIELDS if f != "verdict_changed")


class ReviewConflictError(LowlandInputError):
    """Another reviewer changed a parcel's decision since this reviewer loaded it."""


def _stored_value(value):
    """A review field value for comparison: NULL, NaN and '' are all 'no value'."""
    if not is_known(value) or value == "":
        return None
    return str(value)


def _same_decision(a: Mapping, b: Mapping) -> bool:
    return all(_stored_value(a.get(f)) == _stored_value(b.get(f)) for f in DECISION_FIELDS)


def check_decision_unchanged(
    parcel_id: str,
    loaded: Mapping,
    stored: Mapping,
    own: Mapping | None = None,
) -> None:
    """Refuse to decide a parcel whose stored decision changed since it was loaded.

    ``loaded``: the review fields as the data source held them when the reviewer's
    list was (re)loaded; ``stored``: as the source holds them now; ``own``: what this
    reviewer wrote since (a database transaction shows it before it is committed).
    Several reviewers may work on one PostGIS table: a decision is only written on
    the state the reviewer saw, never over a colleague's decision made meanwhile.
    Raises :class:`ReviewConflictError` naming who decided what and when.
    """
    if _same_decision(stored, loaded) or (own is not None and _same_decision(stored, own)):
        return
    status = _stored_value(stored.get("review_status")) or "pending"
    who = _stored_value(stored.get("reviewer")) or "—"
    when = (_stored_value(stored.get("reviewed_at")) or "—").replace("T", " ")
    raise ReviewConflictError(
        f"宗地 {parcel_id} 的核查决定在您载入后已被他人修改（{who}，{when}："
        f"{value_label('review_status', status, 'zh')}）。为免覆盖他人的决定，本次决定未写入；"
        "列表已刷新，请查看其决定后再作决定。 / "
        f"Parcel {parcel_id} was decided by someone else since you loaded it ({who}, {when}: "
        f"{value_label('review_status', status, 'en')}). Your decision was not written so as "
        "not to overwrite theirs; the list has been refreshed: look at their decision and "
        "decide again."
    )


def commit_conflict_message(parcel_ids: list[str]) -> str:
    """What a reviewer is told when saving dropped decisions on parcels that someone else
    decided (and saved) first."""
    ids = ", ".join(sorted(str(p) for p in parcel_ids))
    return (
        f"保存时发现以下宗地已被他人先行核查并保存：{ids}。您对这些宗地的决定未保存，"
        "保留了对方的决定；请查看后再作决定。其余决定已保存。 / "
        f"These parcels were decided and saved by someone else first: {ids}. Your decisions "
        "on them were not saved (theirs are kept): look at them and decide again. Your other "
        "decisions were saved."
    )


def carry_over(new: pd.DataFrame, previous: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    """Review columns for a new identification (``parcel_id``, ``verdict``,
    ``lowland_type``), keeping the decisions of ``previous`` by ``parcel_id``.

    A kept decision whose computed result changed since is flagged
    (``verdict_changed``); its final result stays the planner's. Parcels without a
    previous decision are pending. Returns the columns and the report: counts kept,
    changed, new (parcels absent from ``previous``), dropped (decisions whose parcel is
    gone) and the parcel ids ``changed_ids`` and ``dropped_ids``.
    """
    out = empty_review_columns(new["verdict"].to_numpy(), new["lowland_type"].to_numpy())
    for column in ("parcel_id", "review_status"):
        if column not in previous.columns:
            raise LowlandInputError(
                f"上次的认定结果缺少字段 {column} / the previous result has no field {column}"
            )
    decided = previous[previous["review_status"].fillna("pending") != "pending"]
    dup = decided["parcel_id"][decided["parcel_id"].duplicated()]
    if len(dup):
        raise LowlandInputError(
            f"上次的认定结果中宗地编号重复：{sorted(set(dup.astype(str)))[:10]} / duplicate "
            "parcel ids in the previous result"
        )
    by_id = decided.set_index("parcel_id")
    ids = new["parcel_id"].reset_index(drop=True)
    hit = ids.isin(by_id.index).to_numpy()
    rows = by_id.reindex(ids[hit])
    for column in REVIEW_FIELDS:
        if column in rows.columns and column != "verdict_changed":
            values = rows[column].astype(object).where(rows[column].notna(), None).to_numpy()
            out.loc[hit, column] = values
    now_key = np.array(
        [_verdict_key(v, t) for v, t in zip(new["verdict"], new["lowland_type"], strict=True)],
        dtype=object,
    )
    changed = hit & (out["reviewed_verdict"].to_numpy(dtype=object) != now_key)
    out["verdict_changed"] = pd.array(changed, dtype="boolean")
    gone = by_id.index[~by_id.index.isin(ids)]
    counts = {
        "kept": int(hit.sum()),
        "changed": int(changed.sum()),
        # new: parcels the previous result did not have at all (not: without a decision)
        "new": int((~ids.isin(previous["parcel_id"])).sum()),
        "dropped": len(gone),
        "changed_ids": sorted(str(p) for p in ids[changed]),
        "dropped_ids": sorted(str(p) for p in gone),
    }
    return out, counts


# --------------------------------------------------------------- readable text


def rule_name(rule: str, language: str = "zh") -> str:
    """The rule's name in words (``rules.csv``)."""
    return rule_title(rule, language)


def reason_line(item: Mapping, language: str = "zh") -> str:
    """One reason as a sentence (:func:`core.common.reason_text.reason_sentence`):
    「建筑系数低于下限：建筑系数 34.79%，高于下限 30.00%（依据：…），不满足此项。」."""
    return reason_sentence(item, language)


def reason_lines(reasons_json: str | None, language: str = "zh") -> list[tuple[str, bool, str]]:
    """(kind, met, sentence) for each reason of a parcel; met first within a kind."""
    try:
        items = reason_items(reasons_json)
    except ValueError as err:
        raise LowlandInputError(
            f"reasons 字段不是有效的 JSON / reasons is not JSON: {err}"
        ) from err
    items = sorted(items, key=lambda i: (KIND_ORDER.get(str(i.get("kind")), 3), not i.get("met")))
    return [(i.get("kind", ""), bool(i.get("met")), reason_line(i, language)) for i in items]


# ------------------------------------------------------------------ the log


LOG_COLUMNS = (
    "parcel_id",
    "owner",
    "verdict",
    "lowland_type",
    "review_status",
    "final_verdict",
    "final_type",
    "review_note",
    "reviewer",
    "reviewed_at",
    "verdict_changed",
)


def review_log(
    table: pd.DataFrame, language: str = "zh", decided_only: bool = True
) -> pd.DataFrame:
    """The review log for the meeting minutes, with readable (translated) values."""
    frame = table.copy()
    if decided_only:
        frame = frame[frame["review_status"].fillna("pending") != "pending"]
    columns = [c for c in LOG_COLUMNS if c in frame.columns]
    out = frame[columns].copy()
    for field in ("verdict", "lowland_type", "review_status", "final_verdict", "final_type"):
        if field in out.columns:
            value_field = "lowland_type" if field == "final_type" else field
            value_field = "verdict" if field == "final_verdict" else value_field
            out[field] = out[field].map(
                lambda v, f=value_field: (
                    None if v is None or v != v else value_label(f, v, language)
                )
            )
    return out.rename(columns=field_aliases(columns, language))


def write_review_log(table: pd.DataFrame, path: str | Path, language: str = "zh") -> int:
    """Write the review log as CSV (UTF-8 with BOM: Excel opens Chinese correctly; text
    cells a spreadsheet would evaluate are escaped). Returns the number of rows written."""
    log = review_log(table, language)
    escape_text_cells(log).to_csv(path, index=False, encoding="utf-8-sig")
    return len(log)
