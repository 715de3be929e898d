"""A failed item of a project check's ``reasons`` as a sentence (方案比选, issue 23): the
check rule's name (the identification's ``rules.csv`` does not list the project-check
rules, so :func:`~..common.reason_text.reason_sentence` would call them 「其他认定条件」),
the clause in words, what was measured against what, and the outcome."""

from __future__ import annotations

from collections.abc import Mapping

from ..common.reason_format import clause_name
from ..common.reason_text import generic_body, outcome, reason_sentence

#: Rule id → (中文, English) names of the project-check rules a scenario can fail.
CHECK_RULE_TITLES = {
    "gfa_counted_within_allowed": ("计容建筑面积不超过核定上限", "counted floor area within the cap"),
    "gfa_handover_compensated": ("无偿移交面积补偿", "handover compensated"),
    "commercial_part_within_planned_far": ("经营性部分不超过规划容积率",
                                           "commercial part within the planned FAR"),
    "public_project_uncapped": ("公益性项目不受容积率限制的条件", "public project uncapped"),
    "scattered_piece_max_5_mu": ("零星用地单宗不超过上限", "scattered piece within the limit"),
    "scattered_share_max_10_percent": ("零星用地占比不超过上限", "scattered share within the limit"),
    "scattered_adjacent_to_project": ("零星用地与项目用地相邻", "scattered piece adjacent"),
    "scattered_not_commercial_housing": ("零星用地不用于商品住宅", "not commercial housing"),
    "same_valuation_date": ("新旧评估基准日一致", "same valuation date"),
    "use_not_on_negative_list": ("用途不在负面清单", "use not on the negative list"),
    "use_on_positive_list": ("用途在正面清单内", "use on the positive list"),
}  # fmt: skip


def check_sentence(item: Mapping, lang: str = "zh") -> str:
    """``item`` (one reason of a project check) as a sentence; a rule without a name here
    as :func:`reason_sentence` words it."""
    titles = CHECK_RULE_TITLES.get(str(item.get("rule")))
    if titles is None:
        return reason_sentence(dict(item), lang)
    zh = lang == "zh"
    title = titles[0] if zh else titles[1]
    clause = clause_name(item.get("clause"), lang)
    if clause:
        title = f"{title}〔{clause}〕" if zh else f"{title} [{clause}]"
    body = generic_body(dict(item), lang, True)
    if zh:
        return f"{title}：{body}，{outcome(dict(item), lang)}。"
    return f"{title}: {body}; {outcome(dict(item), lang)}."
