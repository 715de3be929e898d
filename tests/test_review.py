"""Review decisions, carry-over across re-runs, readable reasons and the review log (core)."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from lowland_under_test.lowland_plugin.core.common.errors import LowlandInputError
from lowland_under_test.lowland_plugin.core.identify.review import (
    carry_over,
    decide,
    empty_review_columns,
    missing_identification_fields,
    reason_lines,
    write_review_log,
)

NOW = dt.datetime(2025, 7, 1, 9, 30, 15, 123456)


def test_confirm_keeps_the_computed_result_and_stamps_the_decision():
    d = decide("confirm", "lowland", "industrial", " 张工 ", now=NOW).values
    assert d["review_status"] == "confirmed"
    assert d["final_verdict"] == "lowland" and d["final_type"] == "industrial"
    assert d["reviewer"] == "张工" and d["reviewed_at"] == "2025-07-01T09:30:15"
    assert d["reviewed_verdict"] == "lowland:industrial"
    assert d["review_note"] is None


def test_reject_needs_a_reason_and_a_lowland_verdict():
    with pytest.raises(LowlandInputError, match="reason"):
        decide("reject", "lowland", "industrial", "张工", note="  ")
    with pytest.raises(LowlandInputError, match="override"):
        decide("reject", "not_lowland", None, "张工", note="现场核实")
    d = decide("reject", "lowland", "industrial", "张工", note="已于2024年技改", now=NOW).values
    assert d["review_status"] == "rejected"
    assert d["final_verdict"] == "not_lowland" and d["final_type"] is None
    assert d["review_note"] == "已于2024年技改"


def test_override_needs_a_reason_and_a_type():
    with pytest.raises(LowlandInputError, match="type"):
        decide("override", "not_lowland", None, "张工", note="城中村", new_type=None)
    with pytest.raises(LowlandInputError, match="reason"):
        decide("override", "not_lowland", None, "张工", note="", new_type="village")
    d = decide("override", "not_lowland", None, "张工", note="城中村", new_type="village").values
    assert d["review_status"] == "overridden"
    assert (d["final_verdict"], d["final_type"], d["review_type"]) == (
        "lowland",
        "village",
        "village",
    )
    assert d["reviewed_verdict"] == "not_lowland"


def test_a_decision_needs_a_reviewer_and_reset_clears_it():
    with pytest.raises(LowlandInputError, match="reviewer"):
        decide("confirm", "lowland", "industrial", "")
    d = decide("reset", "lowland", "industrial", "").values
    assert d["review_status"] == "pending" and d["reviewer"] is None
    assert d["final_verdict"] == "lowland" and d["final_type"] == "industrial"
    with pytest.raises(LowlandInputError, match="allowed"):
        decide("approve", "lowland", "industrial", "张工")


def _previous(rows):
    cols = [
        "parcel_id",
        "review_status",
        "review_type",
        "review_note",
        "reviewer",
        "reviewed_at",
        "reviewed_verdict",
        "final_verdict",
        "final_type",
    ]
    return pd.DataFrame(rows, columns=cols)


def test_carry_over_keeps_decisions_by_id_and_flags_changed_verdicts():
    new = pd.DataFrame(
        {
            "parcel_id": ["A", "B", "C", "D"],
            "verdict": ["lowland", "not_lowland", "lowland", "lowland"],
            "lowland_type": ["industrial", None, "village", "industrial"],
        }
    )
    previous = _previous(
        [
            # A: confirmed on the same result → kept, not changed
            [
                "A",
                "confirmed",
                None,
                None,
                "张工",
                "2025-01-02T10:00:00",
                "lowland:industrial",
                "lowland",
                "industrial",
            ],
            # B: was lowland when rejected, now not_lowland → kept, flagged
            [
                "B",
                "rejected",
                None,
                "技改",
                "李工",
                "2025-01-02T10:05:00",
                "lowland:industrial",
                "not_lowland",
                None,
            ],
            # C: pending before → fresh
            ["C", "pending", None, None, None, None, None, "lowland", "village"],
            # E: decided, but gone from the new run
            [
                "E",
                "confirmed",
                None,
                None,
                "张工",
                "2025-01-02T10:09:00",
                "not_lowland",
                "not_lowland",
                None,
            ],
        ]
    )
    review, counts = carry_over(new, previous)
    assert review["review_status"].tolist() == ["confirmed", "rejected", "pending", "pending"]
    assert review["verdict_changed"].tolist() == [False, True, False, False]
    assert review["final_verdict"].tolist() == ["lowland", "not_lowland", "lowland", "lowland"]
    assert review["reviewer"].tolist()[:2] == ["张工", "李工"]
    # new: only D (C was in the previous result, pending: not new — issue 17 item 5)
    assert counts == {
        "kept": 2,
        "changed": 1,
        "new": 1,
        "dropped": 1,
        "changed_ids": ["B"],
        "dropped_ids": ["E"],
    }


def test_carry_over_refuses_duplicate_decided_ids():
    new = pd.DataFrame({"parcel_id": ["A"], "verdict": ["lowland"], "lowland_type": ["other"]})
    previous = _previous(
        [["A", "confirmed", None, None, "x", "t", "lowland:other", "lowland", "other"]] * 2
    )
    with pytest.raises(LowlandInputError, match="A"):
        carry_over(new, previous)


def test_fresh_review_columns():
    frame = empty_review_columns(["lowland", "excluded"], ["facility", None])
    assert frame["review_status"].tolist() == ["pending", "pending"]
    assert frame["final_type"].tolist() == ["facility", None]
    assert frame["verdict_changed"].tolist() == [False, False]


def test_identification_layer_detection():
    assert "reasons" in missing_identification_fields(["parcel_id", "verdict"])
    fields = [
        "parcel_id",
        "verdict",
        "lowland_type",
        "reasons",
        "review_status",
        "review_type",
        "review_note",
        "reviewer",
        "reviewed_at",
        "reviewed_verdict",
        "verdict_changed",
        "final_verdict",
        "final_type",
    ]
    assert missing_identification_fields(fields) == []


def test_reasons_read_as_lines():
    reasons = json.dumps(
        [
            {
                "rule": "far_below_min",
                "clause": "Y-1",
                "kind": "criterion",
                "value": 0.35,
                "threshold": 1.0,
                "met": True,
            },
            {
                "rule": "idle",
                "clause": "Y-1",
                "kind": "exclusion",
                "value": False,
                "threshold": False,
                "met": False,
            },
            {
                "rule": "dangerous_buildings",
                "clause": "Y-1",
                "kind": "criterion",
                "value": 0.2,
                "threshold": 0.5,
                "met": False,
            },
        ]
    )
    lines = reason_lines(reasons, "zh")
    assert [k for k, _, _ in lines] == ["exclusion", "criterion", "criterion"]
    # sentences of core.common.reason_text (issue 18): 0.35 < 1.00 and 20 % < 50 % (the old
    # line printed the rule's operator, 「0.2 ≥ 0.5 → 不满足」, a false inequality)
    assert lines[1] == (
        "criterion",
        True,
        "容积率低于下限〔银川实施意见（一）〕：容积率 0.35，低于下限 1.00，满足此项，属低效用地情形。",
    )
    assert lines[2][2] == (
        "C/D级危房面积占比〔银川实施意见（一）〕：C/D级危房面积占比 20.00%，低于下限 50.00%，不满足此项。"
    )
    assert reason_lines(reasons, "en")[1][2] == (
        "FAR below the minimum [Yinchuan opinions (1)]: FAR 0.35 is below the minimum 1.00; met: low-efficiency."
    )
    with pytest.raises(LowlandInputError):
        reason_lines("[{", "zh")


def test_review_log_has_one_row_per_decision(tmp_path):
    table = pd.DataFrame(
        {
            "parcel_id": ["A", "B"],
            "owner": ["甲厂", "乙村"],
            "verdict": ["lowland", "not_lowland"],
            "lowland_type": ["industrial", None],
            "review_status": ["confirmed", "pending"],
            "final_verdict": ["lowland", "not_lowland"],
            "final_type": ["industrial", None],
            "review_note": ["现场核实", None],
            "reviewer": ["张工", None],
            "reviewed_at": ["2025-07-01T09:30:15", None],
            "verdict_changed": [False, False],
        }
    )
    path = tmp_path / "log.csv"
    assert write_review_log(table, path, "zh") == 1
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the Chinese right
    log = pd.read_csv(path, encoding="utf-8-sig")
    assert log.loc[0, "宗地编号"] == "A"
    assert log.loc[0, "核查状态"] == "已确认"
    assert log.loc[0, "最终低效类型"] == "低效工业(物流仓储)"


def test_a_decision_is_refused_when_someone_else_changed_the_parcel_since_loading():
    from lowland_under_test.lowland_plugin.core.identify.review import (
        ReviewConflictError,
        check_decision_unchanged,
        commit_conflict_message,
    )

    loaded = {f: None for f in ("review_type", "review_note", "reviewer", "reviewed_at")}
    loaded |= {"review_status": "pending", "final_verdict": "lowland", "verdict_changed": False}
    mine = decide("reject", "lowland", "industrial", "李工", "仍在生产", now=NOW).values
    theirs = decide("confirm", "lowland", "industrial", "张工", now=NOW).values
    check_decision_unchanged("P0015", loaded, dict(loaded))  # nobody changed it
    # NULL, NaN and '' are the same 'no value'; verdict_changed is no decision field
    check_decision_unchanged(
        "P0015", loaded, loaded | {"review_note": "", "reviewer": float("nan")}
    )
    check_decision_unchanged("P0015", loaded, loaded | {"verdict_changed": True})
    # what this reviewer wrote in an open database transaction is no conflict
    check_decision_unchanged("P0015", loaded, dict(mine), own=mine)
    with pytest.raises(ReviewConflictError) as err:
        check_decision_unchanged("P0015", loaded, dict(theirs), own=mine)
    assert str(err.value).startswith(
        "宗地 P0015 的核查决定在您载入后已被他人修改（张工，2025-07-01 09:30:15：已确认）。"
    )
    assert "(张工, 2025-07-01 09:30:15: Confirmed)" in str(err.value)
    assert isinstance(err.value, LowlandInputError)
    message = commit_conflict_message(["P0024", "P0015"])
    assert "P0015, P0024" in message and " / " in message


def test_meeting_minutes_read_as_words():
    """Issue 17 item 5: the minutes have areas in m² and 亩, verdicts and decisions in
    words, 是/否 instead of True/False, the time to the minute, an unknown area left
    empty (never 0), and a note that starts like a formula escaped."""
    from lowland_under_test.lowland_plugin.core.identify.minutes import meeting_minutes

    table = pd.DataFrame(
        {
            "parcel_id": ["P2", "P1", "P3"],
            "owner": ["乙厂", "甲厂", "丙厂"],
            "unit_id": ["DY02", "DY01", "DY01"],
            "area_m2": [6666.7, None, 1000.0],
            "area_mu": [10.0, None, 1.5],  # 6,666.7 m² / 666.67 = 10.0 亩
            "verdict": ["lowland", "lowland", "lowland"],
            "lowland_type": ["industrial", "village", "industrial"],
            "reasons": [None, None, None],
            "review_status": ["rejected", "confirmed", "pending"],
            "final_verdict": ["not_lowland", "lowland", "lowland"],
            "final_type": [None, "village", "industrial"],
            "review_note": ["=1+1", None, None],
            "reviewer": ["张工", "李工", None],
            "reviewed_at": ["2026-12-03T07:29:46", "2026-12-03T08:01:00", None],
            "verdict_changed": [False, True, False],
        }
    )
    minutes = meeting_minutes(table)
    assert minutes["宗地编号"].tolist() == ["P1", "P2"]  # by unit, P3 pending left out
    p1, p2 = minutes.to_dict("records")
    assert p2["面积（平方米）"] == 6666.7 and p2["面积（亩）"] == 10.0
    assert pd.isna(p1["面积（平方米）"]) and pd.isna(p1["面积（亩）"])  # unknown, not 0
    assert (
        p1["认定结论"] == "低效用地 · 低效村庄"
        and p2["认定结论"] == "低效用地 · 低效工业(物流仓储)"
    )
    assert p2["核查决定"] == "已否定" and p2["核查后结论"] == "非低效用地"
    assert p2["核查意见"] == "'=1+1"
    assert p2["核查时间"] == "2026-12-03 07:29"
    assert (p1["认定结论已变化"], p2["认定结论已变化"]) == ("是", "否")
    english = meeting_minutes(table, "en")
    assert list(english.columns)[:3] == ["Parcel", "Owner", "Unit"]
    assert english["Verdict changed since"].tolist() == ["Yes", "No"]
