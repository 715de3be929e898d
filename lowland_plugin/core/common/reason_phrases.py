"""Phrases the reason sentences are made of (``reason_text``, ``reason_legacy``): a
comparison of a measured number with its threshold (the relation that holds, units,
the threshold's name), a yes/no flag in words, an area in m² and 亩 and the
「（依据：…）」 citation. Each phrase is Chinese or, with ``lang="en"``, English."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .measures import m2_to_mu
from .reason_format import (
    citation,
    english,
    number,
    pick,
    plain_number,
    relation,
    shown_pair,
    with_unit,
    word,
)

Item = Mapping[str, Any]
#: A rule's sentence body: (item, lang, cite sources?) → text between title and outcome.
Body = Callable[[Item, str, bool], str]


def registrar(registry: dict[str, Body]) -> Callable[..., Callable[[Body], Body]]:
    """A decorator registering a body under one or more rule ids in ``registry``."""

    def rules(*ids: str) -> Callable[[Body], Body]:
        def register(func: Body) -> Body:
            for rule in ids:
                registry[rule] = func
            return func

        return register

    return rules


def basis(lang: str, cite: bool, *sources: object) -> str:
    """「（依据：…）」 for the sources, or nothing (``cite`` False, no source)."""
    text = citation(*sources, lang=lang) if cite else None
    if not text:
        return ""
    return pick(lang, f"（依据：{text}）", f" (source: {text})")


def compare(
    subject: str,
    value: object,
    threshold: object,
    lang: str,
    unit: str = "",
    bound: tuple[str, str] = ("", ""),
    digits: int = 2,
    scale: float = 1.0,
    kind: str = "level",
    grouped: bool = False,
) -> str:
    """「容积率 0.90，低于下限 1.00」: the measured number, the relation that holds and the
    threshold (``bound``: its name, e.g. 下限 / minimum). Unknown value: no relation."""
    v, t = number(value), number(threshold)
    name = pick(lang, *bound)
    unit = unit_text(unit, lang)
    if t is None:
        known = "—" if v is None else with_unit(plain_number(v * scale, digits), unit)
        return f"{subject} {known}"
    if v is None:
        shown = with_unit(
            f"{t * scale:,.{digits}f}" if grouped else f"{t * scale:.{digits}f}", unit
        )
        named = name or pick(lang, "标准", "threshold")
        return pick(lang, f"{subject}未知，{named} {shown}", f"{subject} unknown, {named} {shown}")
    vs, ts, rel = shown_pair(v, t, digits, scale, grouped)
    w = word(rel, kind, lang)
    if english(lang):
        named = f"the {name} " if name else ""
        return f"{subject} {with_unit(vs, unit)} is {w} {named}{with_unit(ts, unit)}"
    return f"{subject} {with_unit(vs, unit)}，{w}{name} {with_unit(ts, unit)}"


def rounded_note(value: object, threshold: object, met: object, tested: str, lang: str) -> str:
    """A note where the recorded numbers are equal (values are kept to 4 decimals) but the
    outcome says the measured value was below the threshold: a rule testing ``"<"`` met,
    or ``">="`` not met. Else nothing."""
    v, t = number(value), number(threshold)
    if v is None or t is None or met is None or relation(v, t) != "=":
        return ""
    if (tested == "<") != bool(met):
        return ""
    return pick(
        lang,
        "（记录值四舍五入后相等，未舍入的实测值略小）",
        " (equal as recorded; the unrounded value is slightly smaller)",
    )


#: Units in English sentences.
UNITS_EN = {"万元/亩": "10k CNY/mu", "年": "years", "亩": "mu", "万元": "10k CNY"}


def unit_text(unit: str, lang: str) -> str:
    return UNITS_EN.get(unit, unit) if english(lang) else unit


def as_dict(value: object) -> dict[str, Any]:
    return dict(value) if isinstance(value, Mapping) else {}


def flag(
    item: Item, lang: str, yes: tuple[str, str], no: tuple[str, str], unknown: tuple[str, str]
) -> str:
    value = item.get("value")
    return pick(lang, *(unknown if value is None else yes if value else no))


def flag_body(
    yes: tuple[str, str], no: tuple[str, str], unknown: tuple[str, str], cited: bool = False
) -> Body:
    """The body of a rule reading a yes/no value: its words for yes, no and unknown (zh,
    en), with the rule's source when ``cited``."""

    def body(item: Item, lang: str, cite: bool) -> str:
        text = flag(item, lang, yes, no, unknown)
        return text + basis(lang, cite, item.get("source")) if cited else text

    return body


AREA_NAMES = {
    "agricultural": ("农用地", "agricultural land"),
    "unused": ("未利用地", "unused land"),
    "unsurveyed": ("三调未覆盖部分", "part outside the 三调 patches"),
}


def area_text(m2: float, lang: str) -> str:
    return pick(
        lang, f"{m2:,.2f} m²（{m2_to_mu(m2):,.2f} 亩）", f"{m2:,.2f} m² ({m2_to_mu(m2):,.2f} mu)"
    )
