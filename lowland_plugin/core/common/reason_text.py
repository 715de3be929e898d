"""Reasons as sentences for people: one function, :func:`reason_sentence`, turns one reason
item (``reasons``: rule, clause, kind, source, value, threshold, met, note) into a
sentence — 「建筑系数低于下限：建筑系数 34.79%，高于下限 30.00%（依据：工业项目建设用地
控制指标 2008），不满足此项。」 — and :func:`reasons_paragraph` joins a parcel's reasons.
The review dock, the database's 认定依据 and the 实施方案 all use them.

A sentence names the rule in words (``rules.csv``), land classes by name and code
(「工业用地(0601)」), numbers with their unit (%, 万元/亩, 年, m², 亩), the threshold with
the citation of its source, the comparison that actually holds between the two numbers
(decided from the numbers, :func:`reason_format.relation`) and the outcome: 满足此项
(属低效用地情形 / 不纳入认定 / 予以豁免), 不满足此项 or 未检验 with the reason. Chinese
sentences carry no English, field names or version strings; ``lang="en"`` gives the same
sentence in English. A rule this module does not know gets a generic sentence.
Phrases shared by the rules are in ``reason_phrases``, the words of relations, numbers,
codes and citations in ``reason_format``, the Y-9 legacy rules in ``reason_legacy``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from . import codes
from .fields import value_label
from .reason_format import (
    citation,
    clause_name,
    czcsxm_name,
    english,
    landuse_name,
    listed,
    number,
    pick,
    plain_number,
    with_unit,
)
from .reason_legacy import LEGACY_BODIES
from .reason_phrases import (
    AREA_NAMES,
    Body,
    Item,
    area_text,
    as_dict,
    basis,
    compare,
    flag_body,
    registrar,
    rounded_note,
)
from .resources import resource_path

#: Sentence bodies by rule id (identification rules here, Y-9 legacy rules added below).
BODIES: dict[str, Body] = {}
_body = registrar(BODIES)

#: Identification kinds in the order a reader meets them.
KIND_ORDER = {"exclusion": 0, "criterion": 1, "exemption": 2}


@cache
def _rules() -> dict[str, dict[str, str]]:
    with resource_path("codes", "rules.csv").open(encoding="utf-8", newline="") as fh:
        return {row["rule"]: row for row in csv.DictReader(fh)}


def rule_title(rule: object, lang: str = "zh") -> str:
    """The rule's name in words (``rules.csv``); an unknown rule: 「其他认定条件」."""
    row = _rules().get(str(rule)) if rule is not None else None
    if row is None:
        return pick(lang, "其他认定条件", "Other condition")
    return row["name_en"] if english(lang) else row["name_zh"]


# ------------------------------------------------------------------- exclusions


@_body("non_construction_land")
def _non_construction(item: Item, lang: str, cite: bool) -> str:
    value = item.get("value")
    if value is None:
        return pick(
            lang,
            "现状地类未能归入建设用地、农用地或未利用地",
            "current class in no land category",
        )
    label = value_label("land_category", str(value), "en" if english(lang) else "zh")
    return pick(lang, f"现状地类属{label}", f"current land is {label}")


@_body("unknown_land_code")
def _unknown_code(item: Item, lang: str, cite: bool) -> str:
    code = item.get("value")
    return pick(
        lang,
        f"现状地类代码 {code} 不在三调分类表中（未识别）",
        f"land class code {code} is not in the 三调 table (not recognised)",
    )


@_body("approved_unsupplied")
def _unsupplied(item: Item, lang: str, cite: bool) -> str:
    label = value_label("supply_status", str(item.get("value")), "en" if english(lang) else "zh")
    return pick(lang, f"供地状态为{label}", f"supply status: {label}")


BODIES["idle"] = flag_body(
    ("登记为闲置土地", "registered as idle land"),
    ("未登记为闲置土地", "not registered as idle land"),
    ("是否闲置未知", "idle unknown"),
)


BODIES["disputed"] = flag_body(
    ("权属存在争议", "ownership disputed"),
    ("权属无争议", "ownership undisputed"),
    ("权属是否有争议未知", "dispute unknown"),
)


@_body("missing_land_class")
def _missing_class(item: Item, lang: str, cite: bool) -> str:
    """No dlbm and no 三调 patch: the land class cannot be judged."""
    return pick(
        lang,
        "宗地未填地类编码，且无三调图斑覆盖，无法判断现状地类",
        "no land class code and no patch",
    )


@_body("owner_unknown")
def _owner_unknown(item: Item, lang: str, cite: bool) -> str:
    """Y-1 权属清晰 / N-13 主体明确: the holder as recorded, or that none is."""
    owner = item.get("value")
    if item.get("met") is None:
        return pick(
            lang, "宗地图层无权利人字段，权利人未核查", "no owner field: holder not checked"
        )
    if owner is None:
        return pick(lang, "未登记权利人，权属主体不明", "no holder recorded")
    return pick(lang, f"权利人为{owner}", f"holder: {owner}")


@_body("construction_part_area")
def _construction_part(item: Item, lang: str, cite: bool) -> str:
    areas = as_dict(item.get("value"))
    others = [
        f"{pick(lang, *AREA_NAMES[k])} {area_text(float(areas[k]), lang)}"
        for k in AREA_NAMES
        if number(areas.get(k)) not in (None, 0.0)
    ]
    built = compare(
        pick(lang, "建设用地部分", "construction part"),
        areas.get("construction"),
        0.0,
        lang,
        "m²",
        kind="amount",
        grouped=True,
    )
    head = pick(lang, "按三调图斑，宗地内", "by the 三调 patches, the parcel has ")
    if not others:
        return pick(lang, "按三调图斑，", "by the 三调 patches, ") + built
    return head + listed(others, lang) + pick(lang, "；", "; ") + built


@_body("suspected_idle", "stalled_development")
def _suspected_idle(item: Item, lang: str, cite: bool) -> str:
    value, limit = as_dict(item.get("value")), as_dict(item.get("threshold"))
    start = value.get("start_date")
    start_from = value.get("start_from")
    start_name = (
        pick(lang, "约定开工日", "agreed start")
        if start_from == "agreed_start_date"
        else pick(lang, "合同签订日", "contract date")
    )
    years = number(limit.get("years"))
    span = plain_number(years, 1) if years is not None else "—"
    far = compare(
        pick(lang, "容积率", "FAR"), value.get("far"), limit.get("max_far"), lang,
        bound=("上限", "maximum"),
    )  # fmt: skip
    if start is None:
        dated = pick(lang, "开工或签约日期未知", "start date unknown")
    else:
        dated = pick(
            lang,
            f"{start_name} {start}，满 {span} 年之日为 {value.get('due_date')}",
            f"{start_name} {start}, {span} years reached on {value.get('due_date')}",
        )
    return dated + pick(lang, "；", "; ") + far + basis(lang, cite, item.get("source"))


# --------------------------------------------------------------------- criteria


def _number_rule(
    subject: tuple[str, str], bound: tuple[str, str], unit: str, scale: float, tested: str
) -> Body:
    """The body of a rule comparing its value with a plain number (``tested``: "<" when
    met means below, ">=" when met means at least)."""

    def body(item: Item, lang: str, cite: bool) -> str:
        value, threshold = item.get("value"), item.get("threshold")
        text = compare(pick(lang, *subject), value, threshold, lang, unit, bound, scale=scale)
        text += rounded_note(value, threshold, item.get("met"), tested, lang)
        return text + basis(lang, cite, item.get("source"))

    return body


BODIES["coverage_below_min"] = _number_rule(
    ("建筑系数", "building coverage"), ("下限", "minimum"), "%", 100.0, "<"
)
BODIES["tax_below_min"] = _number_rule(
    ("亩均税收", "tax per mu"), ("下限", "minimum"), "万元/亩", 1.0, "<"
)
BODIES["dangerous_buildings"] = _number_rule(
    ("C/D级危房面积占比", "C/D-grade share"), ("下限", "minimum"), "%", 100.0, ">="
)


@_body("far_below_min")
def _far(item: Item, lang: str, cite: bool) -> str:
    limit = item.get("threshold")
    parts = as_dict(limit)
    threshold = parts.get("value") if parts else limit
    text = compare(
        pick(lang, "容积率", "FAR"), item.get("value"), threshold, lang, bound=("下限", "minimum")
    )
    text += rounded_note(item.get("value"), threshold, item.get("met"), "<", lang)
    industry = parts.get("industry")
    row_source = parts.get("source")
    details: list[str] = []
    if not cite:
        return text
    if isinstance(industry, str) and industry.strip():
        written = industry.split(" → ")[0].split("：")[0].strip()
        details.append(pick(lang, f"行业代码 {written}", f"industry code {written}"))
    row = citation(row_source, lang=lang)
    if parts and row_source is not None and row is None:  # the general minimum
        details.append(pick(lang, "一般下限", "general minimum"))
    if row:
        details.append(pick(lang, f"按{row}", f"per {row}"))
    cited = citation(item.get("source"), lang=lang) if not row else None
    if cited:
        details.append(pick(lang, f"依据：{cited}", f"source: {cited}"))
    if not details:
        return text
    return text + pick(lang, f"（{'；'.join(details)}）", f" ({'; '.join(details)})")


@_body("tax_below_industry_share")
def _tax_share(item: Item, lang: str, cite: bool) -> str:
    limit = as_dict(item.get("threshold"))
    unit = "万元/亩"
    text = compare(
        pick(lang, "亩均税收", "tax per mu"), item.get("value"), limit.get("value"), lang, unit
    )
    text += rounded_note(item.get("value"), limit.get("value"), item.get("met"), "<", lang)
    share, mean = number(limit.get("share")), number(limit.get("industry_mean"))
    if not cite:
        return text
    if share is None or mean is None:
        return text + basis(lang, cite, item.get("source"))
    pct = plain_number(share * 100, 2)
    mean_text = with_unit(f"{mean:,.2f}", unit)
    if limit.get("mean_from") == "profile_reference":
        whence = pick(lang, "同行业均值取自规则档案", "mean from the rule profile")
    else:
        peers = number(limit.get("peers"))
        count = plain_number(peers) if peers is not None else "—"
        whence = pick(
            lang, f"同行业均值按本次输入的 {count} 宗同行业宗地计算",
            f"mean of the {count} same-industry parcels loaded",
        )  # fmt: skip
    source = item.get("source")
    parts = [p for p in str(source or "").split("；") if not p.startswith("同行业均值按输入图层")]
    cited = citation("；".join(parts), lang=lang)
    if english(lang):
        extra = f" ({pct}% of the same-industry mean {mean_text}; {whence}"
        return text + extra + (f"; source: {cited})" if cited else ")")
    extra = f"（同行业亩均税收平均 {mean_text} 的 {pct}%，{whence}"
    return text + extra + (f"；依据：{cited}）" if cited else "）")


@_body("old_residential_low_far")
def _old_residential(item: Item, lang: str, cite: bool) -> str:
    value, limit = as_dict(item.get("value")), as_dict(item.get("threshold"))
    before = number(limit.get("built_before"))
    if number(value.get("newest_year")) is None and before is not None:
        year = pick(
            lang, f"最新建筑建成年份未知（标准：{before:.0f} 年以前建成）",
            f"newest building year unknown (threshold: built before {before:.0f})",
        )  # fmt: skip
    else:
        year = compare(
            pick(lang, "最新建筑建成于", "newest building built in"),
            value.get("newest_year"), before, lang, pick(lang, "年", ""), digits=0, kind="year",
        )  # fmt: skip
    far = compare(
        pick(lang, "容积率", "FAR"), value.get("far"), limit.get("max_far"), lang,
        bound=("上限", "maximum"),
    )  # fmt: skip
    return year + pick(lang, "；", "; ") + far + basis(lang, cite, item.get("source"))


BODIES["stopped_operation"] = flag_body(
    ("企业正常生产经营", "the enterprise operates"),
    ("企业已停产", "the enterprise has stopped"),
    ("经营状况未知", "operation unknown"),
    cited=True,
)


@_body("use_not_conforming")
def _use(item: Item, lang: str, cite: bool) -> str:
    current, planned = item.get("value"), item.get("threshold")
    if current is None or planned is None:
        return pick(lang, "现状或规划用途未知", "current or planned use unknown")
    a, b = codes.landuse_level1(current), codes.landuse_level1(planned)
    head = pick(
        lang, f"现状用途 {landuse_name(current)}，规划用途 {landuse_name(planned)}",
        f"current use {landuse_name(current)}, planned use {landuse_name(planned)}",
    )  # fmt: skip
    if a is None or b is None:
        same = pick(lang, "一级类无法比较", "first-level classes not comparable")
    elif a == b:
        same = pick(
            lang, f"一级类相同，均为 {landuse_name(a)}", f"same first-level class {landuse_name(a)}"
        )
    else:
        same = pick(
            lang, f"一级类不同（{landuse_name(a)} 与 {landuse_name(b)}）",
            f"different first-level classes ({landuse_name(a)} vs {landuse_name(b)})",
        )  # fmt: skip
    return head + pick(lang, "，", ", ") + same + basis(lang, cite, item.get("source"))


def _in_list(value: object, options: Iterable[object], width: int | None = None) -> bool:
    text = str(value)
    return any(text[:width] == str(o) if width else text == str(o) for o in options)


@_body("urban_village")
def _urban_village(item: Item, lang: str, cite: bool) -> str:
    value, options = item.get("value"), list(item.get("threshold") or [])
    names = listed([czcsxm_name(o) for o in options], lang)
    inside = value is not None and _in_list(value, options, 3)
    shown = czcsxm_name(value) if value is not None else "—"
    zh = f"城镇村属性码为 {shown}，{'属于' if inside else '不属于'} {names}"
    en = f"town/village attribute {shown} is {'one of' if inside else 'not one of'} {names}"
    return pick(lang, zh, en) + basis(lang, cite, item.get("source"))


# ------------------------------------------------------------------- exemptions


BODIES["above_scale"] = flag_body(
    ("规模以上企业", "above-scale enterprise"),
    ("非规模以上企业", "not an above-scale enterprise"),
    ("是否规上企业未知", "scale unknown"),
    cited=True,
)


@_body("young_enterprise")
def _young(item: Item, lang: str, cite: bool) -> str:
    v, t = number(item.get("value")), number(item.get("threshold"))
    digits = 0 if all(x is None or x.is_integer() for x in (v, t)) else 1
    text = compare(
        pick(lang, "投产", "operating for"), v, t, lang, "年",
        digits=digits, kind="amount",
    )  # fmt: skip
    text += rounded_note(v, t, item.get("met"), "<", lang)
    return text + basis(lang, cite, item.get("source"))


@_body("strategic_industry")
def _strategic(item: Item, lang: str, cite: bool) -> str:
    value, options = item.get("value"), list(item.get("threshold") or [])
    inside = value is not None and _in_list(value, options)
    zh = f"行业代码 {value}，{'属于' if inside else '不属于'}战略性新兴产业目录（{listed(map(str, options), lang)}）"
    en = f"industry code {value} is {'' if inside else 'not '}in the strategic list ({listed(map(str, options), lang)})"
    return pick(lang, zh, en) + basis(lang, cite, item.get("source"))


# --------------------------------------------------------------------- generic


def _generic_value(value: object, lang: str) -> str:
    if isinstance(value, bool):
        return pick(lang, "是" if value else "否", "yes" if value else "no")
    if isinstance(value, Mapping | list):
        return "—"  # keys are field names: never shown
    n = number(value)
    if n is not None:
        return plain_number(n, 2, grouped=True)
    return "—" if value is None else str(value)


def generic_body(item: Item, lang: str, cite: bool) -> str:
    """A rule this module has no words for: value and threshold (numbers compared), else
    only what can be said without field names."""
    v, t = number(item.get("value")), number(item.get("threshold"))
    if v is not None and t is not None:
        text = compare(pick(lang, "测得值", "measured"), v, t, lang, bound=("标准", "threshold"))
    else:
        text = pick(
            lang, f"测得 {_generic_value(item.get('value'), lang)}，标准 {_generic_value(item.get('threshold'), lang)}",
            f"measured {_generic_value(item.get('value'), lang)}, threshold {_generic_value(item.get('threshold'), lang)}",
        )  # fmt: skip
    return text + basis(lang, cite, item.get("source"))


# ------------------------------------------------------------------ the sentence


def _note(text: object, lang: str) -> str | None:
    """A reason's note in ``lang`` (bilingual 「中文 / English」 notes give their half),
    without a trailing 「未检验」 the outcome says anyway."""
    if not isinstance(text, str) or not text.strip():
        return None
    halves = [h.strip() for h in text.split(" / ", 1)]
    out = halves[1] if english(lang) and len(halves) > 1 else halves[0]
    for tail in ("，未检验", ", not tested"):
        out = out.removesuffix(tail)
    return out


def outcome(item: Item, lang: str = "zh") -> str:
    """满足此项（属低效用地情形 / 不纳入低效用地认定 / 予以豁免）、不满足此项 or 未检验：原因."""
    met = item.get("met")
    note = _note(item.get("note"), lang)
    if met is None:
        why = note or pick(lang, "缺少所需数据", "data missing")
        return pick(lang, f"未检验：{why}", f"not tested: {why}")
    if not met:
        return pick(lang, "不满足此项", "not met")
    kind = item.get("kind")
    zh, en = {
        "criterion": ("满足此项，属低效用地情形", "met: low-efficiency"),
        "exclusion": ("满足此项，不纳入低效用地认定", "met: not a candidate"),
        "exemption": ("满足此项，予以豁免", "met: exempt"),
    }.get(str(kind), ("满足此项", "met"))
    text = pick(lang, zh, en)
    return text + pick(lang, f"：{note}", f": {note}") if note else text


BODIES.update(LEGACY_BODIES)


def reason_sentence(item: Item, lang: str = "zh", cite: bool = True, brief: bool = False) -> str:
    """One reason as a sentence: rule name, what was measured against what (the relation
    that holds, units) with the threshold's source and details, and the outcome.
    ``cite`` False: without the parenthesised source and details; ``brief``: that and
    without the outcome (a phrase for a list whose heading states the outcome)."""
    body = BODIES.get(str(item.get("rule")), generic_body)(item, lang, cite and not brief)
    title = rule_title(item.get("rule"), lang)
    clause = clause_name(item.get("clause"), lang) if cite and not brief else None
    if clause:  # the clause the rule comes from, in words (「〔银川实施意见（一）〕」)
        title = pick(lang, f"{title}〔{clause}〕", f"{title} [{clause}]")
    if brief:
        return pick(lang, f"{title}：{body}", f"{title}: {body}")
    if english(lang):
        return f"{title}: {body}; {outcome(item, lang)}."
    return f"{title}：{body}，{outcome(item, lang)}。"


def reason_items(reasons: object) -> list[dict[str, Any]]:
    """The items of a ``reasons`` value (JSON text or a list); ValueError when the text is
    not a JSON list of objects."""
    if reasons is None or reasons == "":
        return []
    items = json.loads(reasons) if isinstance(reasons, str | bytes) else reasons
    if not isinstance(items, list) or not all(isinstance(i, Mapping) for i in items):
        raise ValueError("reasons is not a JSON list of objects")
    return [dict(i) for i in items]


def reason_sentences(
    reasons: object,
    lang: str = "zh",
    kinds: Iterable[str | None] | None = None,
    met_only: bool = False,
    cite: bool = True,
    brief: bool = False,
) -> list[str]:
    """The sentences (:func:`reason_sentence`) of a parcel's reasons of ``kinds`` (all when
    None; ``None`` or "" in it: items without a kind), only the met ones with
    ``met_only``, in reading order: exclusions, criteria, exemptions, met first."""
    items = reason_items(reasons)
    wanted = None if kinds is None else {k or "" for k in kinds}
    items = [
        i for i in items
        if (wanted is None or (i.get("kind") or "") in wanted)
        and (not met_only or i.get("met") is True)
    ]  # fmt: skip
    items.sort(key=lambda i: (KIND_ORDER.get(str(i.get("kind")), 3), i.get("met") is not True))
    return [reason_sentence(i, lang, cite, brief) for i in items]


def reasons_paragraph(
    reasons: object,
    lang: str = "zh",
    kinds: Iterable[str] | None = None,
    met_only: bool = False,
    cite: bool = True,
    brief: bool = False,
    max_bytes: int | None = None,
) -> str:
    """A parcel's reasons as one paragraph: the sentences of the items of ``kinds`` (all
    when None), only the met ones with ``met_only``, in reading order (exclusions,
    criteria, exemptions; met first). ``brief``: phrases without outcome nor source
    joined by 「；」 (:func:`reason_sentence`). ``max_bytes``: whole sentences while they
    fit in that many UTF-8 bytes, then 「另有 N 项未列出」."""
    parts = reason_sentences(reasons, lang, kinds, met_only, cite, brief)
    if brief:
        joiner, end = pick(lang, "；", "; "), pick(lang, "。", ".")
    else:
        joiner, end = pick(lang, "", " "), ""

    def text(shown: list[str], left: int = 0) -> str:
        more = pick(lang, f"另有 {left} 项未列出", f"{left} more not listed")
        more += "" if brief else pick(lang, "。", ".")
        return joiner.join([*shown, more] if left else shown) + (end if shown or left else "")

    def fits(shown: list[str], left: int) -> bool:
        return max_bytes is None or len(text(shown, left).encode("utf-8")) <= max_bytes

    shown: list[str] = []
    for k, part in enumerate(parts):
        if not fits([*shown, part], len(parts) - k - 1):
            return text(shown, len(parts) - k)
        shown.append(part)
    return text(shown)
