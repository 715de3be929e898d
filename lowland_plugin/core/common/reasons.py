"""The one reason type: every verdict is explained by a list of reasons, each naming the
rule, the clause of the policy text (RULES.md ids), where a locally set number comes from,
the measured value, the threshold and whether the condition is met (None: not tested).

``reasons_json`` is the one serialiser of a list of reasons (identification, legacy land
and every check write their ``reasons`` field with it); ``reason_column`` builds the same
text for many rows at once from JSON-text columns (the identification of 100k parcels),
and a test holds the two to the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

#: Key order of a serialised reason (then ``extra`` in its own order).
KEYS = ("rule", "clause", "kind", "source", "value", "threshold", "met")


@dataclass(frozen=True)
class Reason:
    """One tested (or untestable) condition behind a verdict."""

    rule: str
    clause: str
    value: Any = None
    threshold: Any = None
    met: bool | None = None
    kind: str | None = None  # identification: exclusion | criterion | exemption
    source: str | None = None  # profile source of a locally set number
    extra: Mapping[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The reason as a JSON object: optional keys (kind, source, extras) only when set."""
        out: dict[str, Any] = {"rule": self.rule, "clause": self.clause}
        if self.kind is not None:
            out["kind"] = self.kind
        if self.source is not None:
            out["source"] = self.source
        out |= {"value": self.value, "threshold": self.threshold, "met": self.met}
        return out | {k: v for k, v in self.extra.items() if v is not None}


def reason(rule: str, clause: str, value: Any, threshold: Any, met: bool | None, **extra) -> Reason:
    """A :class:`Reason` with keyword extras (``None`` extras are left out)."""
    kind = extra.pop("kind", None)
    source = extra.pop("source", None)
    return Reason(rule, clause, value, threshold, met, kind, source, extra)


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def reasons_json(items: Iterable[Reason | Mapping[str, Any]]) -> str:
    """The ``reasons`` field: a JSON list of reasons (compact, UTF-8 text kept)."""
    return _dumps([r.as_dict() if isinstance(r, Reason) else dict(r) for r in items])


def reason_column(
    rule: str,
    clause: str,
    kind: str | None,
    value: np.ndarray,
    threshold: np.ndarray,
    met: np.ndarray,
    rows: np.ndarray,
    n: int,
    source: str | None = None,
) -> np.ndarray:
    """Serialised reasons of one rule for many rows at once: ``value`` and ``threshold``
    are JSON texts per row, ``met`` booleans; rows not in ``rows`` get None. The text of
    each row is exactly :func:`reasons_json`'s item for the same :class:`Reason`."""
    item = np.full(n, None, dtype=object)
    if rows.size:
        head = "{" + _dumps("rule") + ":" + _dumps(rule) + "," + _dumps("clause") + ":"
        head += _dumps(clause) + ("," + _dumps("kind") + ":" + _dumps(kind) if kind else "")
        head += "," + _dumps("source") + ":" + _dumps(source) if source is not None else ""
        met_text = np.where(met[rows], ',"met":true}', ',"met":false}').astype(object)
        v = np.asarray(value, dtype=object)[rows]
        t = np.asarray(threshold, dtype=object)[rows]
        # one string per row (not one temporary array per concatenation)
        item[rows] = [
            f'{head},"value":{a},"threshold":{b}{c}'
            for a, b, c in zip(v.tolist(), t.tolist(), met_text.tolist(), strict=True)
        ]
    return item


def join_reason_columns(columns: list[np.ndarray], n: int) -> np.ndarray:
    """Per row, the JSON list of the non-None items of ``columns`` (see :func:`reason_column`)."""
    if not columns:
        return np.full(n, "[]", dtype=object)
    return np.array(
        [
            "[" + ",".join([i for i in row if i is not None]) + "]"
            for row in zip(*columns, strict=True)
        ],
        dtype=object,
    )
