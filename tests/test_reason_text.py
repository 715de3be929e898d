"""Reasons as sentences (issue 18 item 3): every rule and outcome the identification of
the sample district writes is turned into a Chinese sentence whose stated comparison is
true of the two numbers it shows (read back by a parser here), with the right outcome,
no English words or field names; plus hand-written boundary cases."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer
from lowland_under_test.lowland_plugin.core.common.mapping import canonical_frame
from lowland_under_test.lowland_plugin.core.common.profiles import load_profile
from lowland_under_test.lowland_plugin.core.common.reason_format import RELATION_OF_WORD
from lowland_under_test.lowland_plugin.core.common.reason_text import (
    BODIES,
    reason_sentence,
    reason_sentences,
    reasons_paragraph,
)
from lowland_under_test.lowland_plugin.core.identify.criteria import CRITERIA, EXEMPTIONS
from lowland_under_test.lowland_plugin.core.identify.identification import identify_parcels

NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
RELATION = re.compile("|".join(sorted(RELATION_OF_WORD, key=len, reverse=True)))


def stated(sentence: str) -> list[tuple[float, str, float]]:
    """(left number, relation, right number) of every comparison the sentence states:
    the last number before a relation word and the first after it, in the text after
    the rule's name (up to the first 「：」)."""
    body = sentence.split("：", 1)[1]
    out = []
    for match in RELATION.finditer(body):
        before = NUMBER.findall(body[: match.start()])
        after = NUMBER.search(body[match.end() :])
        assert before and after, f"a comparison without its two numbers: {sentence}"
        left, right = (float(x.replace(",", "")) for x in (before[-1], after.group()))
        out.append((left, RELATION_OF_WORD[match.group()], right))
    return out


def holds(left: float, rel: str, right: float) -> bool:
    return {
        "<": left < right,
        "=": left == right,
        ">": left > right,
        ">=": left >= right,
    }[rel]


def check_sentence(item: dict, sentence: str) -> None:
    """The comparisons stated are true, the outcome is the item's, the text has no
    lowercase ASCII word (English, field names, profile keys) and names the rule."""
    for left, rel, right in stated(sentence):
        assert holds(left, rel, right), f"false comparison {left} {rel} {right}: {sentence}"
    if item.get("met") is None:
        assert "未检验：" in sentence and "满足此项" not in sentence, sentence
    elif item["met"]:
        assert "满足此项" in sentence and "不满足此项" not in sentence, sentence
    else:
        assert sentence.endswith("，不满足此项。"), sentence
    assert not re.search(r"[a-z]{2,}", sentence), f"English or a field name: {sentence}"
    assert "@" not in sentence and item["rule"] not in sentence
    assert sentence.endswith("。")


def test_the_parser_catches_a_false_comparison():
    # the audit's 「0.3479 < 0.3」 as a sentence would state it: the check must fail
    false = "建筑系数低于下限〔银川实施意见（一）〕：建筑系数 34.79%，低于下限 30.00%，不满足此项。"
    assert stated(false) == [(34.79, "<", 30.0)]
    with pytest.raises(AssertionError, match="false comparison"):
        check_sentence(item("coverage_below_min", 0.3479, 0.3, False), false)
    two = "老旧：最新建筑建成于 1,993 年，不早于 2,000 年；容积率 0.60，低于上限 1.00，满足此项。"
    assert stated(two) == [(1993.0, ">=", 2000.0), (0.6, "<", 1.0)]


# --------------------------------------------------------------- the sample district


@pytest.fixture(scope="module")
def sample_items(sample_gpkg) -> list[dict]:
    """Every reason item of the sample's identification with buildings and without
    (rules not tested), with and without the plan layer (use conformity), default profile."""
    layers = {}
    for name in ("parcels", "buildings", "landsurvey", "plan"):
        frame = read_ogr_layer(str(sample_gpkg), name)
        layers[name], _ = canonical_frame(frame, name, None, (), None, False)
    items = []
    for buildings, plan in ((layers["buildings"], None), (None, layers["plan"])):
        result = identify_parcels(
            layers["parcels"],
            load_profile("default"),
            buildings=buildings,
            landsurvey=layers["landsurvey"],
            plan=plan,
            reference_date=dt.date(2025, 6, 30),
        )
        for text in result.table["reasons"]:
            items.extend(json.loads(text))
    return items


def test_every_sample_reason_states_a_true_comparison(sample_items):
    checked = 0
    for item in sample_items:
        for sentence in (reason_sentence(item), reason_sentence(item, cite=False)):
            check_sentence(item, sentence)
        checked += 1
    assert checked == len(sample_items) > 1000


def test_the_sample_covers_every_rule_and_outcome(sample_items):
    seen = {(i["rule"], i["met"]) for i in sample_items}
    rules = {rule for rule, _ in seen}
    # all the identification writes on the sample (tax_below_min: no minimum set in the
    # default profile; strategic_industry: empty list; stalled development is written as
    # suspected_idle), each with its own words, not the generic sentence
    expected = (set(CRITERIA) | set(EXEMPTIONS)) - {
        "tax_below_min",
        "strategic_industry",
        "stalled_development",
    }
    expected |= {
        "non_construction_land",
        "approved_unsupplied",
        "idle",
        "disputed",
        "construction_part_area",
        "suspected_idle",
    }
    assert expected <= rules
    assert rules <= set(BODIES)
    assert {met for _, met in seen} == {True, False, None}
    # both outcomes of every criterion the sample can meet
    for rule in ("far_below_min", "coverage_below_min", "dangerous_buildings", "suspected_idle"):
        assert {(rule, True), (rule, False), (rule, None)} <= seen


def test_sample_numbers_are_the_items_numbers(sample_items):
    """The two numbers of a simple comparison are the item's value and threshold (as
    shown: percentages × 100, rounded to the digits shown)."""
    for item in sample_items:
        if item["rule"] not in ("coverage_below_min", "dangerous_buildings", "far_below_min"):
            continue
        if item["value"] is None:
            continue
        threshold = item["threshold"]
        threshold = threshold["value"] if isinstance(threshold, dict) else threshold
        scale = 1.0 if item["rule"] == "far_below_min" else 100.0
        ((left, _, right),) = stated(reason_sentence(item))
        assert left == pytest.approx(item["value"] * scale, abs=0.005)
        assert right == pytest.approx(threshold * scale, abs=0.005)


# ------------------------------------------------------------------ boundary cases


def item(rule: str, value, threshold, met, kind: str = "criterion", **extra) -> dict:
    return {"rule": rule, "clause": "Y-1", "kind": kind, "value": value,
            "threshold": threshold, "met": met, **extra}  # fmt: skip


COVERAGE_SOURCE = "工业项目建设用地控制指标 2008"


def test_the_audits_false_inequality_is_now_true():
    # P0024: coverage 0.3479 against the minimum 0.3 was printed 「0.3479 < 0.3 → 不满足」
    it = item("coverage_below_min", 0.3479, 0.3, False, source=COVERAGE_SOURCE)
    assert reason_sentence(it) == (
        "建筑系数低于下限〔银川实施意见（一）〕：建筑系数 34.79%，高于下限 30.00%"
        "（依据：工业项目建设用地控制指标 2008），不满足此项。"
    )


def test_value_equal_to_threshold_says_equal():
    # 0.5 ≥ 0.5 is met (danger share is inclusive); 1.0 < 1.0 is not (FAR is strict)
    danger = item("dangerous_buildings", 0.5, 0.5, True)
    assert reason_sentence(danger) == (
        "C/D级危房面积占比〔银川实施意见（一）〕：C/D级危房面积占比 50.00%，等于下限 50.00%，满足此项，属低效用地情形。"
    )
    far = item("far_below_min", 1.0, 1.0, False)
    assert (
        reason_sentence(far)
        == "容积率低于下限〔银川实施意见（一）〕：容积率 1.00，等于下限 1.00，不满足此项。"
    )
    for it in (danger, far):
        check_sentence(it, reason_sentence(it))


def test_close_numbers_get_the_digits_that_keep_them_apart():
    # 0.29999 < 0.3: at 2 decimals both read 30.00 %, so 3 are shown: 29.999 % < 30.000 %
    it = item("coverage_below_min", 0.29999, 0.3, True)
    sentence = reason_sentence(it)
    assert "建筑系数 29.999%，低于下限 30.000%" in sentence
    check_sentence(it, sentence)
    # equal up to the identification's tolerance (1e-9 relative): equal
    it = item("far_below_min", 1.0 - 1e-12, 1.0, False)
    assert "容积率 1.00，等于下限 1.00" in reason_sentence(it)


def test_recorded_equal_but_measured_below_says_so():
    # values are recorded to 4 decimals: a FAR of 0.99996 is written 1.0 and is below the
    # minimum 1.0 (met); the sentence states the recorded equality and why it is met
    it = item("far_below_min", 1.0, 1.0, True)
    assert reason_sentence(it) == (
        "容积率低于下限〔银川实施意见（一）〕：容积率 1.00，等于下限 1.00（记录值四舍五入后相等，未舍入的实测值略小），"
        "满足此项，属低效用地情形。"
    )
    check_sentence(it, reason_sentence(it))
    # a C/D share recorded as 0.5 but not met (≥ is inclusive): the unrounded share is smaller
    it = item("dangerous_buildings", 0.5, 0.5, False)
    assert "等于下限 50.00%（记录值四舍五入后相等，未舍入的实测值略小）" in reason_sentence(it)
    # consistent outcomes carry no note
    assert "记录值" not in reason_sentence(item("dangerous_buildings", 0.5, 0.5, True))
    assert "记录值" not in reason_sentence(item("far_below_min", 1.0, 1.0, False))


def test_null_value_states_no_comparison():
    it = item("coverage_below_min", None, 0.3, None)
    sentence = reason_sentence(it)
    assert (
        sentence
        == "建筑系数低于下限〔银川实施意见（一）〕：建筑系数未知，下限 30.00%，未检验：缺少所需数据。"
    )
    assert stated(sentence) == []


def test_no_buildings_layer_note():
    note = "未提供建筑图层，未检验 / no buildings layer, not tested"
    it = item("dangerous_buildings", None, 0.5, None, note=note)
    assert reason_sentence(it) == (
        "C/D级危房面积占比〔银川实施意见（一）〕：C/D级危房面积占比未知，下限 50.00%，未检验：未提供建筑图层。"
    )
    assert reason_sentence(it, "en").endswith("not tested: no buildings layer.")


def test_threshold_object_with_industry_and_its_source():
    row = {
        "value": 0.8,
        "industry": "17 → 大类 17 (GB/T 4754-2017 → 2002: 17)",
        "source": "工业项目建设用地控制指标 2008 · 行业代码 17",
    }
    it = item(
        "far_below_min", 0.3479, row, True, source="金华认定标准（征求意见稿）；" + COVERAGE_SOURCE
    )
    assert reason_sentence(it) == (
        "容积率低于下限〔银川实施意见（一）〕：容积率 0.35，低于下限 0.80（行业代码 17；按工业项目建设用地控制指标"
        " 2008 · 行业代码 17），满足此项，属低效用地情形。"
    )
    # no row for the code: the general minimum, its source key never shown
    general = dict(row, value=1.0, industry="99 → 大类 99 (GB/T 4754-2017 → 2002: 无对应 / no counterpart)",
                   source="min_far (jinhua_draft)")  # fmt: skip
    it = item("far_below_min", 1.2, general, False, source="金华认定标准（征求意见稿）")
    assert reason_sentence(it) == (
        "容积率低于下限〔银川实施意见（一）〕：容积率 1.20，高于下限 1.00（行业代码 99；一般下限；"
        "依据：金华认定标准（征求意见稿）），不满足此项。"
    )


def test_tax_share_states_the_computed_threshold():
    limit = {"share": 0.4, "industry_mean": 20.0, "mean_from": "profile_reference",
             "peers": None, "value": 8.0}  # fmt: skip
    # 8.0 = 40 % × 20.0: equal, so not below (P0008 in the sample)
    it = item("tax_below_industry_share", 8.0, limit, False, source="金华认定标准（征求意见稿）")
    assert reason_sentence(it) == (
        "亩均税收低于同行业平均的比例〔银川实施意见（一）〕：亩均税收 8.00 万元/亩，等于 8.00 万元/亩（同行业亩均税收平均"
        " 20.00 万元/亩 的 40%，同行业均值取自规则档案；依据：金华认定标准（征求意见稿）），"
        "不满足此项。"
    )


def test_codes_are_named():
    use = item("use_not_conforming", "1001", "0901", True)
    use["clause"] = "N-12"
    sentence = reason_sentence(use)
    assert "现状用途 工业用地(1001)，规划用途 商业用地(0901)" in sentence
    assert "一级类不同（工矿用地(10) 与 商业服务业用地(09)）" in sentence
    village = item("urban_village", "201A", ["201", "202"], True)
    assert "城镇村属性码为 城市独立工业用地(201A)，属于 城市(201)、建制镇(202)" in reason_sentence(
        village
    )


def test_every_kind_of_outcome():
    idle = (
        "疑似闲置土地（《闲置土地处置办法》第二条），待核查 / suspected idle land, to be verified"
    )
    cases = {
        "满足此项，不纳入低效用地认定。": item("disputed", True, False, True, "exclusion"),
        "满足此项，予以豁免。": item("young_enterprise", 2.0, 3.0, True, "exemption"),
        "满足此项，属低效用地情形。": item("stopped_operation", False, True, True),
        "不满足此项。": item("above_scale", False, True, False, "exemption"),
        "未检验：缺少所需数据。": item("tax_below_min", None, 10.0, None),
        "满足此项，不纳入低效用地认定：疑似闲置土地（《闲置土地处置办法》第二条），待核查。": item(
            "suspected_idle",
            {
                "start_date": "2020-06-18",
                "start_from": "contract_date",
                "due_date": "2022-06-18",
                "far": 0.0019,
            },
            {"years": 2.0, "max_far": 0.1},
            True,
            "exclusion",
            note=idle,
        ),  # fmt: skip
    }
    for ending, it in cases.items():
        sentence = reason_sentence(it)
        assert sentence.endswith(ending), sentence
        check_sentence(it, sentence)
    assert reason_sentence(cases["满足此项，予以豁免。"]) == (
        "投产不满规定年限(豁免)〔银川实施意见（一）〕：投产 2 年，小于 3 年，满足此项，予以豁免。"
    )


def test_rules_the_sample_does_not_write():
    # strategic industries (empty list in the default profile) and a fixed tax minimum
    listed = item("strategic_industry", "39", ["39", "40"], True, "exemption")
    assert reason_sentence(listed) == (
        "战略性新兴产业(豁免)〔银川实施意见（一）〕：行业代码 39，属于战略性新兴产业目录（39、40），满足此项，予以豁免。"
    )
    tax = item("tax_below_min", 12.5, 10.0, False, source="台州认定标准 2025")
    assert reason_sentence(tax) == (
        "亩均税收低于下限〔银川实施意见（一）〕：亩均税收 12.50 万元/亩，高于下限 10.00 万元/亩"
        "（依据：台州认定标准 2025），不满足此项。"
    )
    for it in (listed, tax):
        check_sentence(it, reason_sentence(it))


def test_unknown_rule_gets_a_generic_chinese_sentence():
    it = item("brand_new_rule", 3.5, 2.0, True, kind="criterion")
    assert reason_sentence(it) == (
        "其他认定条件〔银川实施意见（一）〕：测得值 3.50，高于标准 2.00，满足此项，属低效用地情形。"
    )
    nested = item("brand_new_rule", {"some_field": 1}, None, False)
    check_sentence(nested, reason_sentence(nested))


def test_legacy_rules_have_words():
    items = [
        {"rule": "no_lawful_approval", "clause": "Y-9", "value": False, "threshold": False,
         "met": True},
        {"rule": "occupied_on_or_before_cutoff", "clause": "Y-9", "value": "2005-03-01",
         "threshold": "2009-12-31", "met": True},
        {"rule": "construction_in_sandiao", "clause": "Y-9", "value": None, "threshold": True,
         "met": None, "unknown_code": "9999"},
    ]  # fmt: skip
    assert [reason_sentence(i) for i in items] == [
        "无合法用地手续〔银川实施意见（九）〕：无合法用地手续，满足此项。",
        "截止时点前实际占用〔银川实施意见（九）〕：实际占用时间 2005-03-01，早于截止时点 2009-12-31，满足此项。",
        "三调为建设用地〔银川实施意见（九）〕：三调地类代码 9999 不在三调分类表中（未识别），未检验：缺少所需数据。",
    ]


def test_english_from_the_same_function():
    it = item("coverage_below_min", 0.3479, 0.3, False, source=COVERAGE_SOURCE)
    assert reason_sentence(it, "en") == (
        "Building coverage below the minimum [Yinchuan opinions (1)]: building coverage 34.79% is above the minimum "
        "30.00% (source: 工业项目建设用地控制指标 2008); not met."
    )


def test_paragraph_order_filter_and_byte_budget():
    reasons = json.dumps(
        [
            item("above_scale", True, True, True, "exemption"),
            item("coverage_below_min", 0.4, 0.3, False),
            item("far_below_min", 0.5, 1.0, True),
            item("idle", False, False, False, "exclusion"),
        ],
        ensure_ascii=False,
    )
    assert reasons_paragraph(reasons) == (
        "闲置土地〔银川实施意见（一）〕：未登记为闲置土地，不满足此项。"
        "容积率低于下限〔银川实施意见（一）〕：容积率 0.50，低于下限 1.00，满足此项，属低效用地情形。"
        "建筑系数低于下限〔银川实施意见（一）〕：建筑系数 40.00%，高于下限 30.00%，不满足此项。"
        "规上企业(豁免)〔银川实施意见（一）〕：规模以上企业，满足此项，予以豁免。"
    )
    assert reason_sentences(reasons, kinds=("criterion",), met_only=True, brief=True) == [
        "容积率低于下限：容积率 0.50，低于下限 1.00"  # brief: no clause, no source
    ]
    # 「闲置土地：未登记为闲置土地；」 is 14 characters × 3 bytes = 42 bytes of UTF-8
    short = reasons_paragraph(reasons, brief=True, max_bytes=80)
    assert short == "闲置土地：未登记为闲置土地；另有 3 项未列出。"
    assert len(short.encode("utf-8")) <= 80
    assert reasons_paragraph("[]") == ""
    with pytest.raises(ValueError):
        reasons_paragraph('{"rule": 1}')
