"""The chapters of the 实施方案 beyond the checks (core, no QGIS): 现状分析 by hand,
实施主体 / 补偿安置 from the project fields or a marked placeholder, 实施时序, the
chapter switches, and a template turning a chapter off."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from lowland_under_test.lowland_plugin.core.documents import chapters as ch
from lowland_under_test.lowland_plugin.core.documents.render import sandbox_environment


def parcels() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "parcel_id": ["A", "B", "C", "D"],
            "area_m2": [1000.0, 3000.0, 4000.0, 2000.0],  # Σ 10 000 m²
            "current_dlbm": ["0601", "0601", "05", None],
            "oldest_year": ["1985", "1995", "2015", None],
            "far": [0.3, 0.8, 2.5, None],
            "building_density": [0.1, 0.35, 0.5, 0.25],
            "tenure": ["granted", "granted", "allocated", None],
            "danger_cd_share": [0.0, 0.4, None, 0.0],
            "owner": ["甲", "甲", "乙", None],
        }
    )


def test_status_quo_by_hand():
    s = ch.status_quo_section(parcels())
    assert s["missing"] is None and s["parcel_count"] == 4 and s["area_m2"] == 10_000.0
    land = {r["label"]: (r["count"], r["area_m2"], r["share"]) for r in s["land_use"]}
    # 0601 工业用地: A + B = 4000 m², 40 %; 05 商业服务业用地: C 4000 m²; D unknown 2000 m²
    assert land["工业用地（0601）"] == (2, 4000.0, 0.4)
    assert land["商业服务业用地（05）"] == (1, 4000.0, 0.4)
    assert land["未知"] == (1, 2000.0, 0.2)
    assert [r["label"] for r in s["land_use"]][-1] == "未知"  # unknown last, never 0
    age = {r["label"]: r["area_m2"] for r in s["building_age"]}
    assert age == {"1990 年以前": 1000.0, "1990—1999 年": 3000.0, "2010 年及以后": 4000.0,
                   "未知": 2000.0}  # fmt: skip
    far = [(r["label"], r["count"]) for r in s["far"]]  # in band order, unknown last
    assert far == [("＜0.5", 1), ("0.5～1.0", 1), ("≥2.0", 1), ("未知", 1)]
    # land use by area, largest first (0601 and 05 tie at 4000 m²: first seen first)
    assert [r["label"] for r in s["land_use"]][:2] == ["工业用地（0601）", "商业服务业用地（05）"]
    density = {r["label"]: r["area_m2"] for r in s["density"]}
    # 0.1 → <20 %; 0.25 → 20–30 %; 0.35 → 30–40 %; 0.5 → ≥40 %
    assert density == {"＜20%": 1000.0, "20%～30%": 2000.0, "30%～40%": 3000.0, "≥40%": 4000.0}
    tenure = {r["label"]: r["area_m2"] for r in s["tenure"]}
    assert tenure == {"出让": 4000.0, "划拨": 4000.0, "未知": 2000.0}
    # C/D buildings: only B has a share > 0 (C's share is unknown, not 0)
    assert s["danger"] == {"count": 1, "area_m2": 3000.0}
    assert s["owner_count"] == 2


def test_status_quo_says_what_is_missing():
    assert ch.status_quo_section(None)["missing"].startswith("未提供宗地图层")
    assert ch.status_quo_section(parcels().iloc[0:0])["missing"] == "单元内没有宗地。"


def test_implementation_and_compensation_from_project_fields():
    projects = pd.DataFrame(
        {
            "project_id": ["PRJ1", "PRJ2", "PRJ3"],
            "redevelopment_mode": ["acquisition", "原权利人改造", None],
            "land_user": ["甲公司", "乙公司", None],
        }
    )
    rows = ch.implementation_section(projects)["rows"]
    assert [r["supply"] for r in rows] == [
        "收储后依法公开出让",
        "补缴地价后协议出让或变更合同",
        "—",
    ]
    assert rows[1]["subject"] == "原土地权利人"
    assert rows[2]["subject"].startswith("未填写")
    assert ch.implementation_section(None)["missing"].startswith("未提供项目图层")
    placeholder = ch.compensation_section(projects)
    assert placeholder["missing"].startswith("项目图层未填写补偿安置信息（补偿方式、安置方式")
    given = ch.compensation_section(
        projects.assign(compensation_mode=["货币补偿", None, "产权置换"], households=[12, 0, 3.0])
    )
    assert given["missing"] is None and given["columns"] == ["补偿方式", "涉及户数"]
    assert [r["values"] for r in given["rows"]] == [
        ["货币补偿", "12"],
        ["—", "0"],
        ["产权置换", "3"],
    ]


def test_timing_lists_the_deadlines_in_date_order():
    price = [
        {"project_id": "P2", "first_due_date": None, "final_due_date": None,
         "due_date": dt.date(2026, 3, 1)},
        {"project_id": "P1", "first_due_date": dt.date(2025, 2, 28),
         "final_due_date": dt.date(2027, 1, 31), "due_date": None},
    ]  # fmt: skip
    timing = ch.timing_section({"phase_label": "近期"}, {"phasing": [{"label": "近期"}]}, price)
    assert [(d["project_id"], d["label"]) for d in timing["deadlines"]] == [
        ("P1", "首期地价缴款截止"), ("P2", "地价缴清截止"), ("P1", "地价缴清截止"),
    ]  # fmt: skip
    assert timing["phase_label"] == "近期" and timing["phases"] == [{"label": "近期"}]


def test_every_chapter_is_on_by_default_and_a_template_turns_one_off():
    switches = ch.chapter_switches()
    assert list(switches) == list(ch.CHAPTERS) and all(switches.values())
    assert ch.chapter_switches({"compensation": False, "nonsense": False})["compensation"] is False
    env = sandbox_environment()
    template = env.from_string(
        "{% set chapters = dict(chapters, compensation=false) %}"
        "{% for k, t in chapter_titles.items() if chapters[k] %}{{ t }}|{% endfor %}"
    )
    text = template.render(chapters=switches, chapter_titles=ch.CHAPTERS)
    assert "七、补偿安置" not in text and "八、资金平衡" in text


def test_the_figure_list_names_what_is_still_to_be_drawn():
    figures = ch.figure_list(
        {"unit_map": "maps/DY01.png", "atlas": None, "missing_text": "图件待生成"}
    )
    assert figures[0]["status"] == "已附"
    assert [f["status"] for f in figures[1:]] == ["图件待生成"] * 4
