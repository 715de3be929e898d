"""The result of comparing a unit's scenarios (方案比选, issue 23 item 4): indicator rows
with units, the clause they come from and the best value per row marked; every failed
check named with its clause and the check's own reason sentence; chart series.

:class:`Comparison` is the one shape the dock, the charts, the XLSX export and the
实施方案 chapter read; :func:`comparison_frame` turns it into the table they show. No
rule lives here: the numbers come from :mod:`.evaluate`, which calls the checks."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

#: The ``better`` values of an indicator row (``None``: no best value is marked).
BETTER_HIGHER = "higher"
BETTER_LOWER = "lower"
#: How an unknown value is shown (never as 0).
UNKNOWN_ZH = "未知"
UNKNOWN_EN = "unknown"
#: The marker column of :func:`comparison_frame`.
BEST_COLUMN = {"zh": "最优", "en": "best"}
LABEL_COLUMN = {"zh": "指标", "en": "indicator"}
UNIT_COLUMN = {"zh": "单位", "en": "unit"}
CLAUSE_COLUMN = {"zh": "依据", "en": "clause"}


@dataclass(frozen=True)
class FailedCheck:
    """One failed check of a scenario: which check, the clause, the project (``None``
    for the whole scenario) and the check's own reason sentence."""

    check: str  # "far" | "scattered" | "mixed_use" | "use_change" | "land_price" | "capacity" | "funding"
    clause: str
    project_id: str | None
    text_zh: str
    text_en: str


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator across the scenarios. ``values``: scenario id → value, ``None`` =
    unknown (never 0); ``best``: the scenario ids holding the best value by ``better``
    (all of them on a tie; none when ``better`` is ``None`` or no value is known)."""

    key: str
    label_zh: str
    label_en: str
    unit: str
    better: str | None
    values: dict[str, float | None]
    clause: str | None = None
    best: tuple[str, ...] = ()


@dataclass(frozen=True)
class Comparison:
    """A unit's scenarios side by side. ``scenarios``: the ``scenarios`` rows in display
    order; ``failures``: scenario id → failed checks (empty tuple = all passed);
    ``series``: chart data — ``"gfa_by_use"`` {scenario: {use code: m²}}, ``"funding"``
    {scenario: {"income"|"cost"|"balance": 万元}}, ``"resolved_by_phase"`` {scenario:
    {phase: 低效 m² resolved}}; ``notes``: why rows are unknown (e.g. 开发容量未测算), the
    checks' warnings and each scenario's funding deficit (a note, never a failed check:
    Y-3 asks for a 资金平衡方案, it forbids no deficit)."""

    unit_id: str
    scenarios: tuple[dict, ...]
    rows: tuple[IndicatorRow, ...]
    failures: dict[str, tuple[FailedCheck, ...]]
    series: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)
    #: run notes, bilingual 「中文 / English」 (rows left unknown and why, check warnings,
    #: funding deficits)
    notes: tuple[str, ...] = ()

    def scenario_ids(self) -> list[str]:
        """The scenario ids in display order."""
        return [str(s["scenario_id"]) for s in self.scenarios]

    def row(self, key: str) -> IndicatorRow:
        """The indicator row ``key`` (KeyError when absent)."""
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(key)


def _known(value: Any) -> bool:
    """A value that counts: not ``None`` and not NaN."""
    return value is not None and not pd.isna(value)


def best_scenarios(values: dict[str, float | None], better: str | None) -> tuple[str, ...]:
    """The scenario ids holding the best value by ``better`` ("higher"/"lower"), all of
    them on a tie, in the order of ``values``; none when ``better`` is ``None`` or no value
    is known (an unknown value is never best)."""
    if better not in (BETTER_HIGHER, BETTER_LOWER):
        return ()
    known = {k: float(v) for k, v in values.items() if _known(v)}  # type: ignore[arg-type]
    if not known:
        return ()
    target = max(known.values()) if better == BETTER_HIGHER else min(known.values())
    return tuple(k for k, v in known.items() if v == target)


def with_best(row: IndicatorRow) -> IndicatorRow:
    """``row`` with :attr:`IndicatorRow.best` computed from its values."""
    return replace(row, best=best_scenarios(row.values, row.better))


def scenario_label(scenario: dict) -> str:
    """The column title of a scenario: its name, or its id when it has none."""
    name = scenario.get("name")
    return str(name) if _known(name) and str(name).strip() else str(scenario["scenario_id"])


def _column_titles(c: Comparison) -> list[str]:
    """One unique title per scenario (the name; the id appended when names repeat)."""
    titles = [scenario_label(s) for s in c.scenarios]
    return [
        f"{t} ({s['scenario_id']})" if titles.count(t) > 1 else t
        for t, s in zip(titles, c.scenarios, strict=True)
    ]


def comparison_frame(c: Comparison, lang: str = "zh") -> pd.DataFrame:
    """The comparison table: one row per indicator (label, unit, clause), one column per
    scenario (titled by its name) holding the value (``None`` where unknown — shown as
    "未知"/"unknown" by :func:`display_frame`), and a best column naming the scenarios that
    hold the best value ("" when no best is marked)."""
    titles = _column_titles(c)
    by_id = dict(zip(c.scenario_ids(), titles, strict=True))
    records = []
    for row in c.rows:
        record: dict[str, Any] = {
            LABEL_COLUMN[lang]: row.label_zh if lang == "zh" else row.label_en,
            UNIT_COLUMN[lang]: row.unit,
        }
        for sid, title in by_id.items():
            value = row.values.get(sid)
            record[title] = float(value) if _known(value) else None  # type: ignore[arg-type]
        record[BEST_COLUMN[lang]] = "、".join(by_id[s] for s in row.best if s in by_id)
        record[CLAUSE_COLUMN[lang]] = row.clause or ""
        records.append(record)
    columns = [LABEL_COLUMN[lang], UNIT_COLUMN[lang], *titles, BEST_COLUMN[lang]]
    columns.append(CLAUSE_COLUMN[lang])
    frame = pd.DataFrame.from_records(records, columns=columns)
    for title in titles:
        frame[title] = frame[title].astype(object).where(frame[title].notna(), None)
    return frame


def display_frame(c: Comparison, lang: str = "zh", digits: int = 2) -> pd.DataFrame:
    """:func:`comparison_frame` with the values as text: rounded to ``digits``, an unknown
    value as "未知"/"unknown" (never 0)."""
    frame = comparison_frame(c, lang)
    unknown = UNKNOWN_ZH if lang == "zh" else UNKNOWN_EN
    for title in _column_titles(c):
        frame[title] = [unknown if v is None else _number_text(v, digits) for v in frame[title]]
    return frame


def _number_text(value: float, digits: int) -> str:
    """``value`` with thousands separators and at most ``digits`` decimals (trailing
    zeros dropped)."""
    text = f"{float(value):,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def failures_frame(c: Comparison, lang: str = "zh") -> pd.DataFrame:
    """Every failed check, one row each: scenario id and name, check, clause, project and
    the check's reason sentence (in ``lang``)."""
    names = dict(zip(c.scenario_ids(), _column_titles(c), strict=True))
    records = [
        {
            "scenario_id": sid,
            "scenario": names.get(sid, sid),
            "check": f.check,
            "clause": f.clause,
            "project_id": f.project_id,
            "reason": f.text_zh if lang == "zh" else f.text_en,
        }
        for sid in c.scenario_ids()
        for f in c.failures.get(sid, ())
    ]
    columns = ["scenario_id", "scenario", "check", "clause", "project_id", "reason"]
    return pd.DataFrame.from_records(records, columns=columns)


def comparison_table(c: Comparison, lang: str = "zh") -> pd.DataFrame:
    """The comparison as a table with stable field names (a Processing output, read by
    models): ``unit_id``, ``indicator_key``, ``indicator`` (label in ``lang``),
    ``measure_unit``, ``clause``, one column per scenario **id** (float, NaN = unknown)
    and ``best`` (the best scenario ids, joined by ",")."""
    records = []
    for row in c.rows:
        record: dict[str, Any] = {
            "unit_id": c.unit_id,
            "indicator_key": row.key,
            "indicator": row.label_zh if lang == "zh" else row.label_en,
            "measure_unit": row.unit,
            "clause": row.clause,
        }
        for sid in c.scenario_ids():
            value = row.values.get(sid)
            record[sid] = float(value) if _known(value) else float("nan")  # type: ignore[arg-type]
        record["best"] = ",".join(row.best) or None
        records.append(record)
    return pd.DataFrame.from_records(records)
