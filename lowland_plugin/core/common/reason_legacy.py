"""The words of the Y-9 historical legacy land reasons (``lowland:legacyland``'s
``legacy_reasons``): lawful approval, occupation before the cut-off, the 二调/三调 classes,
plan conformity and the areas by legacy class (see ``reason_text``)."""

from __future__ import annotations

from .fields import value_label
from .reason_format import english, listed, number, pick, sandiao_name
from .reason_phrases import Body, Item, area_text, as_dict, basis, flag, flag_body, registrar

#: Sentence bodies of the legacy rules, by rule id.
LEGACY_BODIES: dict[str, Body] = {}
_body = registrar(LEGACY_BODIES)


LEGACY_BODIES["no_lawful_approval"] = flag_body(
    ("有合法用地手续", "lawful approval given"),
    ("无合法用地手续", "no lawful approval"),
    ("是否有合法用地手续未知", "approval unknown"),
)


def _date_relation(value: str, limit: str, lang: str) -> str:
    """「2005-03-01，早于 2009-12-31」: ISO dates compared as text (same format)."""
    rel = "=" if value == limit else "<" if value < limit else ">"
    w = pick(lang, *{"<": ("早于", "before"), "=": ("即为", "on"), ">": ("晚于", "after")}[rel])
    return pick(lang, f"{value}，{w}截止时点 {limit}", f"{value}, {w} the cut-off {limit}")


@_body("occupied_on_or_before_cutoff")
def _occupied(item: Item, lang: str, cite: bool) -> str:
    value, limit = item.get("value"), item.get("threshold")
    if not isinstance(value, str) or not isinstance(limit, str):
        return pick(
            lang,
            f"实际占用时间未知（截止时点 {limit}）",
            f"occupation date unknown (cut-off {limit})",
        )
    text = pick(lang, "实际占用时间 ", "occupied on ") + _date_relation(value, limit, lang)
    return text + basis(lang, cite, item.get("source"))


@_body("erdiao_consistent_with_occupation")
def _erdiao_consistent(item: Item, lang: str, cite: bool) -> str:
    when = as_dict(item.get("value")).get("occupied_date", "—")
    return pick(
        lang, f"占用时间 {when} 晚于二调标准时点，但二调为建设用地，相互矛盾，请核实",
        f"occupied on {when}, after the 2nd survey's time point, yet construction land in it",
    )  # fmt: skip


@_body("land_class_at_occupation")
def _class_then(item: Item, lang: str, cite: bool) -> str:
    value, survey = item.get("value"), str(item.get("threshold") or "")
    survey = survey.split(" / ")[0]
    if value is None:
        return pick(
            lang, f"缺少{survey}地类", f"land class of the change survey missing ({survey})"
        )
    return pick(lang, f"{survey}地类为 {sandiao_name(value)}", f"class then: {sandiao_name(value)}")


@_body("construction_in_erdiao", "construction_in_sandiao", "plan_conforming")
def _legacy_flag(item: Item, lang: str, cite: bool) -> str:
    rule = str(item.get("rule"))
    if rule == "plan_conforming":
        yes, no = ("符合国土空间规划", "plan-conforming"), ("不符合国土空间规划", "not conforming")
        unknown = ("是否符合国土空间规划未知", "conformity unknown")
    else:
        survey = (
            pick(lang, "二调", "2nd survey")
            if "erdiao" in rule
            else pick(lang, "三调", "3rd survey")
        )
        yes = (f"{survey}为建设用地", f"construction land in the {survey}")
        no = (f"{survey}非建设用地", f"not construction land in the {survey}")
        unknown = (f"{survey}地类未知", f"class in the {survey} unknown")
        code = item.get("unknown_code")
        if code is not None:
            unknown = (
                f"三调地类代码 {code} 不在三调分类表中（未识别）",
                f"code {code} not recognised",
            )
    return flag(item, lang, yes, no, unknown)


@_body("area_by_legacy_class")
def _legacy_areas(item: Item, lang: str, cite: bool) -> str:
    areas = as_dict(item.get("value"))
    code = "en" if english(lang) else "zh"
    shown = [
        f"{value_label('legacy_class', k, code)} {area_text(float(v), lang)}"
        for k, v in areas.items()
        if number(v)
    ]
    main = value_label("legacy_class", str(item.get("threshold")), code)
    return pick(
        lang, f"宗地内{listed(shown, lang)}，按面积最大者归为{main}",
        f"{listed(shown, lang)}; classed by the largest as {main}",
    )  # fmt: skip
