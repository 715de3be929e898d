"""A hand-made :class:`Comparison` of two scenarios for the chart, chapter and dock
tests (the evaluation itself is tested in test_scenarios_evaluate)."""

from __future__ import annotations

from lowland_under_test.lowland_plugin.core.scenarios.comparison import (
    Comparison,
    FailedCheck,
    IndicatorRow,
    with_best,
)


def two_scenarios() -> Comparison:
    """U01: 方案A (chosen, passes) and 方案B (FAR fails on P2, funding unknown)."""
    rows = (
        IndicatorRow("gfa_total_m2", "总建筑面积", "total GFA", "m²", "higher",
                     {"U01-A": 12000.0, "U01-B": 15000.0}, "Y-4"),
        IndicatorRow("funding_balance_wan", "资金平衡", "funding balance", "万元", "higher",
                     {"U01-A": -300.0, "U01-B": None}, "N-3"),
        IndicatorRow("failed_checks", "未通过核查数", "failed checks", "项", "lower",
                     {"U01-A": 0.0, "U01-B": 1.0}),
    )  # fmt: skip
    return Comparison(
        "U01",
        (
            {"scenario_id": "U01-A", "name": "方案A", "chosen": True},
            {"scenario_id": "U01-B", "name": "方案B", "chosen": False},
        ),
        tuple(with_best(r) for r in rows),
        {
            "U01-A": (),
            "U01-B": (
                FailedCheck("far", "Y-4", "P2", "容积率 3.20 超过上限 2.50", "FAR 3.20 over 2.50"),
            ),
        },  # fmt: skip
        {
            "gfa_by_use": {"U01-A": {"0901": 8000.0, "0701": 4000.0}, "U01-B": {"0901": 15000.0}},
            "funding": {"U01-A": {"income": 500.0, "cost": 800.0, "balance": -300.0}, "U01-B": {}},
            "resolved_by_phase": {
                "U01-A": {"近期": 3000.0, "远期": 2000.0},
                "U01-B": {"近期": 5000.0},
            },  # fmt: skip
        },
    )
