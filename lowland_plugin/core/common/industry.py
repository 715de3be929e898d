"""Industry codes (《国民经济行业分类》GB/T 4754): normalising any written form to the 大类,
moving a 大类 between the 2017 and 2002 editions, and the industrial FAR minimum
(《工业项目建设用地控制指标》) of a parcel's code, with the table row it comes from.

The 2008 indicator table (国土资发〔2008〕24号) is keyed by GB/T 4754-2002 大类 codes;
enterprise data today carries GB/T 4754-2017 codes, whose manufacturing 大类 were
renumbered (2017 30 非金属矿物制品业 = 2002 31). The crosswalk is
``resources/codes/industry_2002_2017.csv`` and the 2008 table
``resources/codes/industrial_far_2008.csv`` (sources and verification status in the
README there). A code that cannot be read or mapped gets no table value: the caller takes
its general minimum and says so.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache

import pandas as pd

from .resources import resource_path

EDITION_2017 = "GB/T 4754-2017"
EDITION_2002 = "GB/T 4754-2002"
#: Editions a profile may name for its input codes or its indicator table.
EDITIONS = (EDITION_2017, EDITION_2002)
#: 门类 C (制造业) spans these 大类 in both editions.
_MANUFACTURING = range(13, 44)

_FORM = re.compile(r"^([A-Za-z])?\s*(\d{1,4})(?:\.0*)?$")


def _read(name: str) -> pd.DataFrame:
    frame = pd.read_csv(
        resource_path("codes", name), dtype=str, keep_default_na=False, encoding="utf-8"
    )
    return frame.apply(lambda col: col.str.strip())


@cache
def crosswalk_table() -> pd.DataFrame:
    """The 2002 ↔ 2017 manufacturing crosswalk (``industry_2002_2017.csv``)."""
    return _read("industry_2002_2017.csv")


@cache
def far_table_2008() -> pd.DataFrame:
    """The 2008 FAR minima by 2002 大类 (``industrial_far_2008.csv``), indexed by code."""
    return _read("industrial_far_2008.csv").set_index("code_2002")


@dataclass(frozen=True)
class IndustryCode:
    """A code as written, read: its 大类 and 中类 (None where the form is not a code)."""

    written: str
    division: str | None  # 大类, two digits
    group: str | None = None  # 中类, three digits, when given


def normalize(code: object) -> IndustryCode | None:
    """Read any written form of an industry code: ``39``, ``3911``, ``391``, ``C39``,
    ``C3911``, `` c39 ``, ``39.0`` (a float read from a file), the number 39 → 大类 "39".
    None for no value; ``division`` None when the text is not a code (letters other than
    one 门类 letter, more than 4 digits, or 门类 C with a 大类 outside 13–43)."""
    if code is None or (isinstance(code, float) and math.isnan(code)) or code is pd.NA:
        return None
    if isinstance(code, float) and code.is_integer():
        code = int(code)
    written = str(code).strip()
    if not written:
        return None
    match = _FORM.match(written)
    if match is None:
        return IndustryCode(written, None)
    letter, digits = match.group(1), match.group(2)
    if len(digits) == 1:  # a number that lost its leading zero (01–09)
        digits = "0" + digits
    division = digits[:2]
    if letter and letter.upper() == "C" and int(division) not in _MANUFACTURING:
        return IndustryCode(written, None)
    if letter and letter.upper() != "C" and int(division) in _MANUFACTURING:
        return IndustryCode(written, None)
    return IndustryCode(written, division, digits[:3] if len(digits) >= 3 else None)


@cache
def _to_2002() -> dict[str, tuple[str, ...]]:
    """2017 大类 or 中类 → the 2002 大类 it came from (several where 2017 merged them)."""
    out: dict[str, list[str]] = {}
    for row in crosswalk_table().itertuples():
        if row.code_2002:
            out.setdefault(row.code_2017, []).append(row.code_2002)
    for row in crosswalk_table().itertuples():  # a 中类 override's 大类 keeps its main source
        if row.code_2002 and len(row.code_2017) == 3 and row.relation == "merged":
            out.setdefault(row.code_2017[:2], []).append(row.code_2002)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


@cache
def _to_2017() -> dict[str, tuple[str, ...]]:
    """2002 大类 → the 2017 大类 it went to (several where 2017 split it)."""
    out: dict[str, list[str]] = {}
    for row in crosswalk_table().itertuples():
        if row.code_2002 and len(row.code_2017) == 2:
            out.setdefault(row.code_2002, []).append(row.code_2017)
    return {k: tuple(v) for k, v in out.items()}


def to_edition(code: IndustryCode, source: str, target: str) -> tuple[str, ...]:
    """The 大类 of ``target`` edition that ``code`` (in ``source`` edition) corresponds to:
    one for a clean match, several where the editions split or merged it (ambiguous),
    none where it has no counterpart. Outside manufacturing the 大类 is kept as is only
    when both editions are the same."""
    if code.division is None:
        return ()
    if source == target:
        return (code.division,)
    if source == EDITION_2017 and target == EDITION_2002:
        table = _to_2002()
        if code.group and code.group in table:  # a 中类 the crosswalk names decides
            return table[code.group]
        return table.get(code.division, ())
    if source == EDITION_2002 and target == EDITION_2017:
        return _to_2017().get(code.division, ())
    raise ValueError(f"unknown GB/T 4754 edition: {source!r} → {target!r}")


@dataclass
class FarMinima:
    """Per parcel: the table's minimum (NaN where none applies), what the code was read as
    (reason text), which table row it came from, and the codes no row covers."""

    minimum: list[float]
    industry: list[str | None]
    row_source: list[str | None]
    unmapped: list[str] = field(default_factory=list)


def _row_source(table_code: str, value: float, table_source: str) -> str:
    """The citation of one table row: the shipped 2008 row when the profile's value is
    the one shipped, else the profile's own source key."""
    shipped = far_table_2008()
    if table_code in shipped.index and float(shipped.at[table_code, "min_far"]) == value:
        return str(shipped.at[table_code, "source"])
    return f"{table_source} · 大类 {table_code}"


def far_minima(
    codes: Iterable[object],
    table: Mapping[str, float],
    code_edition: str,
    table_edition: str,
    table_source: str,
) -> FarMinima:
    """The FAR minimum of each code from ``table`` (keyed by ``table_edition`` 大类) for
    codes written in ``code_edition``. Where a code cannot be read, has no counterpart in
    the table's edition, maps to several 大类 with different minima, or is not in the
    table, the minimum is NaN, the text says why and the code is listed in ``unmapped``."""
    for edition in (code_edition, table_edition):
        if edition not in EDITIONS:
            raise ValueError(f"unknown GB/T 4754 edition {edition!r}; one of {EDITIONS}")
    memo: dict[object, tuple[float, str | None, str | None, bool]] = {}
    out = FarMinima([], [], [])
    unmapped: dict[str, None] = {}
    for raw in codes:
        key = raw if not isinstance(raw, float) or not math.isnan(raw) else None
        if key not in memo:
            memo[key] = _one(raw, table, code_edition, table_edition, table_source)
        minimum, text, source, missing = memo[key]
        out.minimum.append(minimum)
        out.industry.append(text)
        out.row_source.append(source)
        if missing and raw is not None and key is not None:
            unmapped[str(raw).strip()] = None
    out.unmapped = list(unmapped)
    return out


def _one(
    raw: object, table: Mapping[str, float], code_edition: str, table_edition: str, src: str
) -> tuple[float, str | None, str | None, bool]:
    """(minimum, text, row source, unmapped) of one written code."""
    code = normalize(raw)
    if code is None:
        return math.nan, None, None, False
    if code.division is None:
        return math.nan, f"{code.written}：不是 {code_edition} 行业代码 / not a code", None, True
    head = f"{code.written} → 大类 {code.division} ({code_edition}"
    targets = to_edition(code, code_edition, table_edition)
    via = "" if code_edition == table_edition else f" → {table_edition[-4:]}: "
    if not targets:
        return math.nan, f"{head}{via}无对应 / no counterpart)", None, True
    sep = via or ": "
    values = {t: table.get(t) for t in targets}
    known = {t: v for t, v in values.items() if v is not None}
    if len(known) < len(values) or len(set(known.values())) > 1:
        listed = "/".join(f"{t}={values[t] if values[t] is not None else '无'}" for t in targets)
        why = "不在表中 / not in the table" if not known else "多义 / ambiguous"
        return math.nan, f"{head}{sep}{listed}：{why})", None, True
    target = targets[0]
    value = float(known[target])
    text = f"{head}{via}{'/'.join(targets)})" if via else f"{head})"
    return value, text, _row_source(target, value, src), False
