"""The words of a reason sentence (``reason_text``): the comparison that actually holds
between two numbers, numbers shown so that the shown digits keep that comparison, land
classes by name and code, and a reason's ``source`` citation in the reader's language.

Nothing here reads the rule a reason belongs to: the relation is decided from the two
numbers (relative tolerance 1e-9, as the identification compares), never taken from the
rule's operator, so a sentence can never state an inequality that is false.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from . import codes

#: Relative tolerance under which two numbers are equal (as ``identify.criteria``).
EPS = 1e-9

#: Relation words by kind of quantity: "<", "=", ">" → (zh, en). Levels (FAR, shares,
#: money), amounts (areas, years of operation) and calendar years.
WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "level": {"<": ("低于", "below"), "=": ("等于", "equal to"), ">": ("高于", "above")},
    "amount": {"<": ("小于", "less than"), "=": ("等于", "equal to"), ">": ("大于", "more than")},
    "year": {"<": ("早于", "before"), "=": ("不早于", "not before"), ">": ("晚于", "after")},
}

#: Every relation word a sentence may use and the relation it states (tests parse with it).
RELATION_OF_WORD = {
    "不早于": ">=",
    "低于": "<",
    "等于": "=",
    "高于": ">",
    "小于": "<",
    "大于": ">",
    "早于": "<",
    "晚于": ">",
}


def english(lang: str) -> bool:
    """Whether ``lang`` asks for English (``en``, ``en_US`` …); anything else is Chinese."""
    return str(lang or "").lower().startswith("en")


def pick(lang: str, zh: str, en: str) -> str:
    """``zh`` or ``en`` by ``lang``."""
    return en if english(lang) else zh


def number(value: object) -> float | None:
    """A finite number from a reason's value (bools and text are not numbers)."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        out = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return out if math.isfinite(out) else None


def relation(value: float, threshold: float) -> str:
    """``"<"``, ``"="`` or ``">"``: how ``value`` compares with ``threshold`` (equal up to
    the relative tolerance :data:`EPS`)."""
    if abs(value - threshold) <= EPS * max(1.0, abs(threshold)):
        return "="
    return "<" if value < threshold else ">"


def _shown(x: float, digits: int, grouped: bool) -> str:
    return f"{x:,.{digits}f}" if grouped else f"{x:.{digits}f}"


def shown_pair(
    value: float, threshold: float, digits: int = 2, scale: float = 1.0, grouped: bool = False
) -> tuple[str, str, str]:
    """(value text, threshold text, relation) with at least ``digits`` decimals, more
    where fewer would show two different numbers as equal (0.2999 and 0.30 → 0.2999,
    0.3000): the shown numbers keep the relation of the measured ones. ``scale``: 100
    for percentages."""
    rel = relation(value, threshold)
    a, b = value * scale, threshold * scale
    d = digits
    while d < 9:
        ra, rb = round(a, d), round(b, d)
        if ("=" if ra == rb else "<" if ra < rb else ">") == rel:
            break
        d += 1
    return _shown(a, d, grouped), _shown(b, d, grouped), rel


def plain_number(x: float, digits: int = 2, grouped: bool = False) -> str:
    """A number alone: integral values without decimals, else ``digits`` decimals."""
    if float(x).is_integer():
        return f"{int(x):,d}" if grouped else str(int(x))
    return _shown(x, digits, grouped)


def with_unit(text: str, unit: str) -> str:
    """``34.79%``, ``1.80 万元/亩``, ``0.35`` (no unit)."""
    if not unit:
        return text
    return text + unit if unit == "%" else f"{text} {unit}"


def word(rel: str, kind: str, lang: str) -> str:
    """The relation word of ``rel`` for a quantity of ``kind`` (:data:`WORDS`)."""
    zh, en = WORDS[kind][rel]
    return pick(lang, zh, en)


# ------------------------------------------------------------------- code names


def _name(table, code: str) -> str | None:
    try:
        name = table.at[code, "name"]
    except KeyError:
        return None
    return None if name is None else str(name)


def sandiao_name(code: object) -> str:
    """A 三调 class as 「工业用地(0601)」 (the code alone when the table lacks it)."""
    text = codes.normalize_dlbm(code) or str(code)
    name = _name(codes.sandiao_table(), text)
    return f"{name}({text})" if name else text


def landuse_name(code: object) -> str:
    """A 用地用海分类 (2023) class as 「商业用地(0901)」."""
    text = codes.normalize_landuse_code(code) or str(code)
    name = _name(codes.landuse_table(), text)
    return f"{name}({text})" if name else text


def czcsxm_name(code: object) -> str:
    """A 城镇村属性码 as 「城市(201)」."""
    text = codes.normalize_czcsxm(code) or str(code)
    name = _name(codes.czcsxm_table(), text)
    return f"{name}({text})" if name else text


def listed(names: Iterable[str], lang: str) -> str:
    """Names joined as a reader lists them (「、」 / ", ")."""
    return pick(lang, "、", ", ").join(names)


# -------------------------------------------------------------------- citations

#: A profile source key or a field name (``min_far``, ``jinhua_draft``): never shown.
_KEY = re.compile(r"^[a-z][a-z0-9_]*$")


def _part(text: str, lang: str) -> str | None:
    """One citation in ``lang``: bilingual 「中文 / English」 texts give their half; a
    ``min_far (key)`` fallback or a bare key gives nothing (the item's own citation
    names the source)."""
    halves = [h.strip() for h in text.split(" / ")]
    chosen = halves[1] if english(lang) and len(halves) > 1 else halves[0]
    chosen = re.sub(r"^[a-z][a-z0-9_]*\s*\(([^()]*)\)$", r"\1", chosen)
    chosen = re.sub(r"^[a-z][a-z0-9_]* · ", pick(lang, "规则档案 · ", "rule profile · "), chosen)
    if not chosen or _KEY.match(chosen):
        return None
    return chosen


def citation(*sources: object, lang: str = "zh") -> str | None:
    """The distinct citations of ``sources`` (texts joined by 「；」), in ``lang``: None
    when there is none."""
    parts: dict[str, None] = {}
    for source in sources:
        if not isinstance(source, str):
            continue
        for raw in source.split("；"):
            part = _part(raw.strip(), lang)
            if part:
                parts[part] = None
    return pick(lang, "；", "; ").join(parts) or None


_CN_DIGITS = "零一二三四五六七八九"


def chinese_ordinal(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 23 → 二十三 (n in 1..99)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN_DIGITS[tens] + "十")
    return head + (_CN_DIGITS[ones] if ones else "")


def clause_name(clause: object, lang: str = "zh") -> str | None:
    """A clause id in words: ``Y-4`` → 银川实施意见（四）, ``N-12`` → 自然资发〔2023〕171号
    第12项 (English: Yinchuan opinions (4), MNR notice 2023-171 item 12); None for an
    id of another form."""
    match = re.fullmatch(r"([YN])-(\d{1,2})", str(clause or "").strip())
    if match is None or int(match.group(2)) == 0:
        return None
    n = int(match.group(2))
    if match.group(1) == "Y":
        return pick(lang, f"银川实施意见（{chinese_ordinal(n)}）", f"Yinchuan opinions ({n})")
    return pick(lang, f"自然资发〔2023〕171号 第{n}项", f"MNR notice 2023-171 item {n}")
