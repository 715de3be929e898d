"""core.units.provenance: what the unit statistics were counted from, and when they are
older than the review or than the units' outlines (issue 17 item 2)."""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import pandas as pd
from shapely.geometry import box

from lowland_under_test.lowland_plugin.core.units.provenance import (
    ReviewState,
    outline_messages,
    provenance_columns,
    review_messages,
    review_state,
    units_record,
)


def parcels(statuses, times) -> pd.DataFrame:
    return pd.DataFrame({"review_status": statuses, "reviewed_at": times})


def test_review_state_counts_decisions_and_the_latest_time():
    frame = parcels(
        ["pending", "confirmed", None, "rejected", "overridden"],
        [None, "2026-03-01T09:00:00", None, "2026-03-02T10:00:00", "2026-02-28T08:00:00"],
    )
    # 3 decided (pending and NULL are not); latest of the three times is 03-02 10:00
    assert review_state(frame) == ReviewState(3, "2026-03-02T10:00:00")
    assert review_state(pd.DataFrame({"verdict": ["lowland"]})) is None


def test_provenance_columns_round_trip_through_units_record():
    frame = parcels(["confirmed", "pending"], ["2026-03-01T09:00:00", None])
    columns = provenance_columns(
        2, frame, {"parcels": "/d/id.gpkg|layername=id", "blocks": "/d/b.gpkg"},
        now=dt.datetime(2026, 3, 5, 12, 0, 0, 123),
    )  # fmt: skip
    units = pd.concat([pd.DataFrame({"unit_id": ["DY01", "DY02"]}), columns], axis=1)
    record = units_record(units)
    assert record is not None
    assert record.counted_at == "2026-03-05T12:00:00"
    assert record.parcels_source == "/d/id.gpkg|layername=id" and record.plan_source is None
    assert record.state == ReviewState(1, "2026-03-01T09:00:00")
    assert units_record(pd.DataFrame({"unit_id": ["DY01"]})) is None


def record_of(decided: int, latest: str | None):
    frame = parcels(["confirmed"] * decided + ["pending"], [latest] * decided + [None])
    columns = provenance_columns(1, frame, {"parcels": "/d/id.gpkg"})
    return units_record(pd.concat([pd.DataFrame({"unit_id": ["DY01"]}), columns], axis=1))


def test_a_decision_after_the_count_is_refused_naming_both_states():
    record = record_of(2, "2026-03-01T09:00:00")
    now = parcels(
        ["confirmed", "confirmed", "rejected"],
        ["2026-03-01T09:00:00"] * 2 + ["2026-03-04T16:20:00"],
    )
    refusals, warnings = review_messages(record, "单元", now, "认定结果")
    assert warnings == []
    assert refusals and refusals[0].startswith(
        "单元：单元统计早于核查——统计时宗地图层 认定结果 2 宗已核查，最近决定 "
        "2026-03-01 09:00:00，现在 3 宗已核查，最近决定 2026-03-04 16:20:00。"
    )
    # the same decisions: nothing to say
    same = parcels(["confirmed", "confirmed"], ["2026-03-01T09:00:00"] * 2)
    assert review_messages(record, "单元", same, "认定结果") == ([], [])


def test_a_reset_decision_makes_the_count_stale_too():
    record = record_of(2, "2026-03-01T09:00:00")
    # one decision reset to pending: 1 decided, same latest time → stale
    now = parcels(["confirmed", "pending"], ["2026-03-01T09:00:00", None])
    refusals, _ = review_messages(record, "单元", now, "认定结果")
    assert len(refusals) == 1 and "现在 1 宗已核查" in refusals[0]


def test_a_parcel_copy_older_than_the_reviewed_layer_is_refused():
    record = record_of(1, "2026-03-01T09:00:00")
    copy = parcels(["confirmed"], ["2026-03-01T09:00:00"])  # as counted
    source_now = parcels(["confirmed", "rejected"], ["2026-03-01T09:00:00", "2026-03-03T11:00:00"])
    refusals, _ = review_messages(
        record, "单元", copy, "parcels_in_units", source_now, "/d/id.gpkg"
    )
    assert len(refusals) == 1
    assert refusals[0].startswith(
        "parcels_in_units：宗地图层早于核查——其 1 宗已核查，最近决定 2026-03-01 09:00:00，"
        "而单元统计所用的认定结果 /d/id.gpkg 现在 2 宗已核查，最近决定 2026-03-03 11:00:00。"
    )


def test_units_without_a_record_are_a_warning_not_a_refusal():
    refusals, warnings = review_messages(None, "手绘单元", parcels(["pending"], [None]), "宗地")
    assert refusals == []
    assert warnings[0].startswith("手绘单元：单元图层没有记录其统计所用的宗地图层和核查时间")


def test_redrawn_and_uncounted_units_are_refused():
    units = gpd.GeoDataFrame(
        {"unit_id": ["DY01", "DY02", "DY03"], "area_m2": [10000.0, None, 10000.0]},
        # DY01 100 × 100 = 10,000 m² as counted; DY03 redrawn to 100 × 101 = 10,100 m²
        geometry=[box(0, 0, 100, 100), box(200, 0, 300, 100), box(400, 0, 500, 101)],
    )
    lines = outline_messages(units, "单元图层")
    assert len(lines) == 2
    assert lines[0].startswith("单元图层：单元 DY02 没有单元统计（绘制或修改后未统计）")
    assert lines[1].startswith(
        "单元图层：单元 DY03 的边界在统计后已修改（现面积 10,100.00 m²，统计时 10,000.00 m²）"
    )
    # 0.4 m² off is within the 0.5 m² tolerance (a GeoPackage round trip changes nothing)
    units.loc[2, "area_m2"] = 10099.6
    assert len(outline_messages(units, "单元图层")) == 1
