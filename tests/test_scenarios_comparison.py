"""方案比选 result shape (issue 23): the best value per indicator row (ties all marked,
unknown never best, no best without a direction) and the comparison table."""

from __future__ import annotations

from lowland_under_test.lowland_plugin.core.scenarios.comparison import (
    Comparison,
    FailedCheck,
    IndicatorRow,
    best_scenarios,
    comparison_frame,
    display_frame,
    failures_frame,
    with_best,
)


def test_best_by_direction_ties_and_unknown():
    values = {"A": 10.0, "B": 12.0, "C": None, "D": 12.0}
    # higher: 12 is the largest, held by B and D (tie); C unknown never best
    assert best_scenarios(values, "higher") == ("B", "D")
    # lower: 10 (A); C's unknown is not 0 and so not the smallest
    assert best_scenarios(values, "lower") == ("A",)
    assert best_scenarios(values, None) == ()
    assert best_scenarios({"A": None, "B": None}, "higher") == ()
    assert best_scenarios({"A": float("nan"), "B": -1.0}, "higher") == ("B",)


def _comparison():
    rows = (
        with_best(
            IndicatorRow(
                "gfa_total_m2",
                "总建筑面积",
                "total GFA",
                "m²",
                None,
                {"U01-A": 1000.0, "U01-B": 1500.0},
            )
        ),
        with_best(
            IndicatorRow(
                "failed_checks",
                "未通过的审查",
                "failed checks",
                "项",
                "lower",
                {"U01-A": 0.0, "U01-B": 1.0},
            )
        ),
        with_best(
            IndicatorRow(
                "capacity_headroom_m2",
                "容量余量",
                "capacity headroom",
                "m²",
                "higher",
                {"U01-A": None, "U01-B": None},
            )
        ),
    )
    failure = FailedCheck("far", "Y-4", "P2", "容积率超过上限。", "FAR above the cap.")
    return Comparison(
        "U01",
        ({"scenario_id": "U01-A", "name": "方案A"}, {"scenario_id": "U01-B", "name": "方案B"}),
        rows,
        {"U01-A": (), "U01-B": (failure,)},
    )


def test_comparison_frame_marks_best_and_keeps_unknown():
    c = _comparison()
    frame = comparison_frame(c)
    assert list(frame.columns) == ["指标", "单位", "方案A", "方案B", "最优", "依据"]
    assert frame["最优"].tolist() == ["", "方案A", ""]
    assert frame["方案B"].tolist()[:2] == [1500.0, 1.0]
    assert frame["方案A"].tolist()[2] is None  # unknown stays unknown, not 0
    shown = display_frame(c, "en")
    assert shown["方案A"].tolist() == ["1,000", "0", "unknown"]
    assert c.row("failed_checks").best == ("U01-A",)
    failed = failures_frame(c)
    assert failed.to_dict("records") == [
        {
            "scenario_id": "U01-B",
            "scenario": "方案B",
            "check": "far",
            "clause": "Y-4",
            "project_id": "P2",
            "reason": "容积率超过上限。",
        }
    ]
