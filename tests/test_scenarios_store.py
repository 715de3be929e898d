"""The scenario store (issue 23 item 2): create a store from the sample projects' fields,
add, copy, choose, touch and delete scenarios, read the two layers back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lowland_under_test.lowland_plugin.bridge import scenario_store as store
from lowland_under_test.lowland_plugin.bridge.ogr_io import list_ogr_layers, read_ogr_layer
from lowland_under_test.lowland_plugin.core.common.errors import LowlandInputError

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample" / "sample_projects.gpkg"
NOW = dt.datetime(2026, 3, 1, 9, 30, 15, 123)


def test_store_round_trip(tmp_path):
    projects = read_ogr_layer(str(SAMPLE), "projects").reset_index(drop=True)
    path = store.default_store_path(tmp_path / "units.gpkg")
    assert Path(path).name == "units_scenarios.gpkg"
    store.create_store(path, projects)
    assert sorted(list_ogr_layers(path)) == ["scenario_projects", "scenarios"]
    assert store.read_scenarios(path).empty and store.read_scenario_projects(path).empty
    with pytest.raises(LowlandInputError, match="方案库已存在"):
        store.create_store(path, projects)

    mine = projects[projects["project_id"].isin(["PRJ01", "PRJ03"])]
    a = store.add_scenario(path, mine, "DY02", "方案A", "规划科", NOW)
    b = store.copy_scenario(path, a, "方案B", "张三", NOW + dt.timedelta(hours=1))
    assert (a, b) == ("DY02-A", "DY02-B")
    scenarios, rows = store.read_store(path)
    assert scenarios["scenario_id"].tolist() == ["DY02-A", "DY02-B"]
    assert scenarios["created"].tolist() == ["2026-03-01T09:30:15", "2026-03-01T10:30:15"]
    assert scenarios["chosen"].tolist() == [False, False]
    # every project field kept: PRJ01's FAR cap, handover JSON, dates and booleans
    b_rows = rows[rows["scenario_id"] == "DY02-B"].set_index("project_id")
    assert b_rows.loc["PRJ01", "far_max"] == 1.8
    assert b_rows.loc["PRJ01", "handover_by_category"] == projects.loc[0, "handover_by_category"]
    assert b_rows.loc["PRJ01", "contract_date"] == projects.loc[0, "contract_date"]
    assert bool(b_rows.loc["PRJ03", "public_project"]) is True
    assert b_rows.loc["PRJ01", "unit_id"] == "DY02"
    assert rows.geometry.area.round(1).tolist() == [38406.0, 55638.0] * 2

    store.mark_chosen(path, b)
    store.mark_chosen(path, a)  # only one chosen per unit: A replaces B
    assert store.read_scenarios(path)["chosen"].tolist() == [True, False]
    store.touch_scenario(path, b, dt.datetime(2026, 3, 2, 8, 0))
    assert store.read_scenarios(path)["changed"].tolist()[1] == "2026-03-02T08:00:00"

    store.delete_scenario(path, a)
    scenarios, rows = store.read_store(path)
    assert scenarios["scenario_id"].tolist() == ["DY02-B"]
    assert rows["scenario_id"].unique().tolist() == ["DY02-B"] and len(rows) == 2
    # the freed letter is taken again by the next scenario of the unit
    assert store.add_scenario(path, mine, "DY02", "方案C", None, NOW) == "DY02-A"
    with pytest.raises(LowlandInputError, match="没有方案"):
        store.delete_scenario(path, "DY09-A")
    bad = mine.assign(redevelopment_mode="拍卖")
    with pytest.raises(LowlandInputError, match="再开发方式无法识别"):
        store.add_scenario(path, bad, "DY02", "坏方案", None, NOW)
    assert store.scenario_ids(path, "DY02") == ["DY02-B", "DY02-A"]


def test_store_from_an_empty_template_has_the_fields(tmp_path):
    projects = read_ogr_layer(str(SAMPLE), "projects").reset_index(drop=True)
    path = store.create_store(str(tmp_path / "s.gpkg"), projects.iloc[:0])
    rows = store.read_scenario_projects(path)
    assert rows.empty  # the placeholder row that typed the fields is gone
    assert {"project_id", "far_max", "scenario_id", "phase"} <= set(rows.columns)
