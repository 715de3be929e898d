"""Field dictionary: Chinese and English aliases of every canonical field.

Read once from ``resources/codes/fields.csv`` (the one place aliases live).
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from .resources import resource_path


@lru_cache(maxsize=1)
def _field_table() -> dict[str, dict[str, str]]:
    path: Path = resource_path("codes", "fields.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["field"]: row for row in csv.DictReader(fh)}


def field_aliases(fields, language: str = "zh") -> dict[str, str]:
    """Alias of each known field among ``fields`` in ``language`` ('zh' or 'en')."""
    table = _field_table()
    key = "alias_en" if language.startswith("en") else "alias_zh"
    return {f: table[f][key] for f in fields if f in table and table[f][key]}


def field_units(fields) -> dict[str, str]:
    """Unit of each known field among ``fields`` that has one (m², 亩, 万元/亩, 年 …)."""
    table = _field_table()
    return {f: table[f]["unit"] for f in fields if f in table and table[f]["unit"]}


@lru_cache(maxsize=1)
def _value_table() -> dict[str, list[dict[str, str]]]:
    path: Path = resource_path("codes", "value_maps.csv")
    out: dict[str, list[dict[str, str]]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(row["field"], []).append(row)
    return out


def value_maps(fields, language: str = "zh") -> dict[str, list[tuple[str, str]]]:
    """Coded values of the known fields among ``fields``: field → [(value, label)]."""
    table = _value_table()
    key = "en" if language.startswith("en") else "zh"
    return {f: [(r["value"], r[key]) for r in table[f]] for f in fields if f in table}


def value_label(field: str, value: str, language: str = "zh") -> str:
    """The label of one coded value (the value itself when unknown)."""
    return dict(value_maps([field], language).get(field, [])).get(value, value)


def round_for_output(frame):
    """A copy of ``frame`` with measured values rounded as fields.csv says (``decimals``):
    m² to 0.01, 亩, FAR and shares to 0.0001. The core computes unrounded; outputs
    round once, here, so a planner reads 28.2855 亩, not 28.285500000000003."""
    table = _field_table()
    out = frame.copy()
    for name in frame.columns:
        decimals = table.get(name, {}).get("decimals") or ""
        if decimals and str(out[name].dtype).startswith("float"):
            out[name] = out[name].round(int(decimals))
    return out


#: Text fields that can exceed a shapefile's 254-byte text limit (``reasons``: the JSON
#: list of clauses, values and thresholds, up to ~1,400 characters).
LONG_TEXT_FIELDS = ("reasons",)
#: The longest text a shapefile (dBase) field holds, in bytes.
DBF_TEXT_BYTES = 254


def fields_too_long_for_dbf(frame, encoding: str = "utf-8") -> list[str]:
    """The columns of ``frame`` a shapefile would cut: the long-text fields it carries,
    and any other text column with a value over 254 bytes in ``encoding``."""
    found = [name for name in LONG_TEXT_FIELDS if name in frame.columns]
    for name in frame.columns:
        if name in found or str(frame[name].dtype) not in ("object", "string"):
            continue
        for value in frame[name]:
            if isinstance(value, str) and len(value.encode(encoding, "replace")) > DBF_TEXT_BYTES:
                found.append(name)
                break
    return found
