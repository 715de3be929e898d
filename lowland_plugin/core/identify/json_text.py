"""The identification's per-parcel JSON text (the ``value`` and ``threshold`` of each
reason): numbers, strings, booleans and objects written once per distinct value,
vectorised over all parcels."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd


def json_numbers(values, digits: int = 4) -> np.ndarray:
    """Numbers as JSON text (rounded; ``1.0`` stays ``1.0``), NaN/NA as null — vectorised."""
    arr = pd.to_numeric(pd.Series(values), errors="coerce").astype("float64").to_numpy()
    # format each distinct value once: thresholds are mostly one value repeated
    distinct, inverse = np.unique(np.round(arr, digits), return_inverse=True)
    text = distinct.astype(str).astype(object)
    text[np.isnan(distinct)] = "null"
    return text[inverse]


def json_strings(values) -> np.ndarray:
    """Strings as JSON text (escaped once per distinct value), None/NaN as null."""
    codes_, uniques = pd.factorize(pd.Series(values, dtype=object))
    quoted = [json.dumps(str(u), ensure_ascii=False) for u in uniques]
    return np.array([*quoted, "null"], dtype=object)[codes_]


def json_const(text: str, n: int) -> np.ndarray:
    """The same JSON text for every parcel."""
    return np.full(n, text, dtype=object)


def json_bools(values) -> np.ndarray:
    """Booleans as JSON text, unknown as null."""
    s = pd.Series(values, dtype="boolean")
    out = np.where(s.fillna(False).to_numpy(dtype=bool), "true", "false").astype(object)
    out[s.isna().to_numpy()] = "null"
    return out


def json_object(parts: dict[str, np.ndarray]) -> np.ndarray:
    """``{"k": v, …}`` per row from JSON-text columns (at least one)."""
    heads = [f'"{key}":' for key in parts]
    columns = [np.asarray(text, dtype=object).tolist() for text in parts.values()]
    out = np.empty(len(columns[0]), dtype=object)  # one string per row, built once
    out[:] = [
        "{" + ",".join(map(str.__add__, heads, row)) + "}" for row in zip(*columns, strict=True)
    ]
    return out
