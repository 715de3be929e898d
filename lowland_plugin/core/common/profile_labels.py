"""Chinese names of the rule-profile values, for people: the meaning and clause of each
``local`` value and the name of each rule parameter. The profile JSON carries values and
sources only; the guide (docs/guide/rules_zh.md) and the documents read the names here."""

from __future__ import annotations

from typing import Any

from .profiles import Profile, Rule, short_value

#: Clause and Chinese meaning of each ``local`` value (the profile carries only the
#: value and its source).
LOCAL_MEANING: dict[str, tuple[str, str]] = {
    "legacy_cutoff": ("Y-9、N-14", "历史遗留用地：此日及以前占用可按建设用地常态化管理"),
    "scattered_piece_max_mu": ("Y-7", "零星用地单块面积上限（亩）"),
    "scattered_share_max": ("Y-7", "零星用地累计面积占项目用地面积的比例上限"),
    "scattered_adjacent_max_m": ("N-4", "零星用地与所并入项目用地相邻的距离容差（米）"),
    "instalment_first_share": ("Y-15", "分期缴纳土地价款：首付比例"),
    "instalment_first_months": ("Y-15", "分期缴纳：首付期限（月）"),
    "instalment_final_years": ("Y-15", "分期缴纳：余款缴清期限（年）"),
    "residual_classes": ("Y-14", "可计残值的原用途类别（及类似用途）"),
    "handover_categories": ("Y-4", "无偿移交公益设施的类别"),
    "handover_factor": ("Y-4", "移交公益设施建筑面积计入可建规模的系数"),
    "use_switches": ("Y-11", "用途转换情形开关"),
    "statusquo_items": (
        "Y-5",
        "按现状条件核定的指标、较优方向与是否可放宽（安全、消防、环保不得放宽）",
    ),
    "danger_basis": ("Y-1", "危旧建筑占比的计算基础（建筑面积或栋数）"),
    "dangerous_grades": ("Y-1", "计为危房的鉴定等级"),
    "mixed_use_positive": ("Y-10", "混合用地正面清单（允许混合的用途代码，空则不限）"),
    "mixed_use_negative": ("Y-10", "混合用地负面清单（不得混合的用途代码）"),
    "same_industry_tax_reference": ("Y-1", "同行业亩均税收参考表（空则取所载图层计算）"),
    "storey_height_m": (
        "Y-3",
        "开发容量测算：按用途的标准层高（米），把控规建筑高度上限折算为层数",
    ),
}

#: Chinese name of each rule parameter (``rules`` and ``exemptions`` of a profile).
PARAM_NAMES = {
    "min_far": "容积率下限",
    "min_far_by_industry": "分行业容积率下限",
    "min_far_table_edition": "容积率控制指标表的行业代码版本",
    "industry_code_edition": "输入行业代码的版本",
    "skip_dlbm": "不检验的地类",
    "min_coverage": "建筑系数下限",
    "min_tax_per_mu": "亩均税收下限（万元/亩）",
    "share": "占同行业平均的比例",
    "min_peers": "同行业平均的最少样本宗数",
    "min_share": "占比下限",
    "built_before": "建成年份早于",
    "max_far": "容积率上限",
    "years": "年限（年）",
    "ignore_plan_codes": "不检验的规划用途",
    "urban_czcsxm": "城镇村属性码",
    "exempts": "豁免的认定条件",
    "min_years": "投产年限下限（年）",
    "industry_codes": "行业代码",
}


#: Words for the coded values a profile holds (for documents).
VALUE_WORDS = {"floor_area": "按建筑面积", "building_count": "按栋数"}


def value_in_words(value: Any) -> str:
    """A profile value for a Chinese document: lists joined by 「、」, empty as 「（空）」,
    coded words in Chinese, tables of named rows by their names (:func:`short_value`)."""
    if value in (None, "", [], {}):
        return "（空）"
    if isinstance(value, list) and not any(isinstance(v, dict) for v in value):
        return "、".join(VALUE_WORDS.get(str(v), str(v)) for v in value)
    if isinstance(value, str):
        return VALUE_WORDS.get(value, value)
    return short_value(value)


def _rule_name(rule: Rule) -> str:
    from .reason_text import rule_title

    return rule_title(rule.id)


def param_in_words(profile: Profile, rule: Rule, name: str) -> str:
    """「合同签订后长期未建成 · 容积率上限 = 0.1（本插件默认取值 · 本地取值待确认）」."""
    label = PARAM_NAMES.get(name, name)
    value: Any = rule.params[name]
    source = profile.source(rule.sources[name]).citation()
    return f"{_rule_name(rule)} · {label} = {value_in_words(value)}（{source}）"


def local_in_words(profile: Profile, name: str) -> str:
    """「危旧建筑占比的计算基础（建筑面积或栋数） = floor_area（…）」 of a local value."""
    meaning = LOCAL_MEANING.get(name, ("", name))[1]
    local = profile.local[name]
    return f"{meaning} = {value_in_words(local.value)}（{local.source.citation()}）"


def pending_in_words(profile: Profile, rules: list[Rule], locals_: list[str]) -> list[str]:
    """The not-adopted parameters of ``rules`` and the not-adopted ``locals_``, in words."""
    out = [
        param_in_words(profile, rule, name)
        for rule in rules
        for name in profile.pending_param_names(rule)
    ]
    known = [n for n in locals_ if n in profile.local]
    return out + [local_in_words(profile, n) for n in profile.pending_locals(known)]
