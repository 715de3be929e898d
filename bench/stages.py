"""Per-stage wall time of one in-process ``lowland:identifyparcels`` run.

The stages are timed by wrapping, for the duration of one run, the functions the
algorithm calls (module attributes looked up at call time), so the algorithm itself is
unchanged. A stage's time is the sum of its calls' wall times; ``other`` is the rest
(field mapping, concatenation, summary, …).
"""

from __future__ import annotations

import importlib
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager

IDENT = "lowland_plugin.core.identify.identification"

#: (stage label, module under the bench package, attribute, class or None)
WRAPPED = (
    ("read (GeoPackage → GeoDataFrame)", "processing.base", "read_layer", "LowlandAlgorithm"),
    ("indicators + buildings overlay", IDENT, "compute_parcel_indicators", None),
    ("三调 overlay + areas by piece", IDENT, "current_use_from_survey", None),
    ("plan overlay", IDENT, "dominant_plan_code", None),
    ("criteria (exclusions, rules, exemptions)", IDENT, "exclusion_checks", None),
    ("criteria (exclusions, rules, exemptions)", IDENT, "criterion_checks", None),
    ("criteria (exclusions, rules, exemptions)", IDENT, "exemption_checks", None),
    ("criteria (exclusions, rules, exemptions)", IDENT, "lowland_met", None),
    ("criteria (exclusions, rules, exemptions)", IDENT, "pending_warnings", None),
    ("ellipsoidal area", IDENT, "ellipsoidal_area", None),
    ("reasons JSON", IDENT, "reason_texts", None),
    ("write (bulk GeoPackage)", "processing.base", "write_output", "LowlandAlgorithm"),
)


def _timed(func: Callable, label: str, sink: dict[str, float]) -> Callable:
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            sink[label] += time.perf_counter() - start

    return wrapper


@contextmanager
def stage_timer(package: str) -> Iterator[dict[str, float]]:
    """Within the block, the wrapped functions add their wall seconds to the dict."""
    sink: dict[str, float] = defaultdict(float)
    undo = []
    for label, module_name, attr, cls in WRAPPED:
        owner = importlib.import_module(f"{package}.{module_name}")
        if cls is not None:
            owner = getattr(owner, cls)
        original = owner.__dict__[attr] if cls else getattr(owner, attr)
        setattr(owner, attr, _timed(original, label, sink))
        undo.append((owner, attr, original))
    try:
        yield sink
    finally:
        for owner, attr, original in reversed(undo):
            setattr(owner, attr, original)


def stage_rows(runs: list[dict[str, float]], totals: list[float]) -> list[tuple[str, float]]:
    """(stage, median seconds) in pipeline order, with ``other`` and ``total``."""
    import statistics

    labels = list(dict.fromkeys(label for label, *_ in WRAPPED))
    rows = [(lab, statistics.median(r.get(lab, 0.0) for r in runs)) for lab in labels]
    others = [t - sum(r.values()) for r, t in zip(runs, totals, strict=True)]
    rows.append(("other (mapping, concat, summary, …)", statistics.median(others)))
    rows.append(("total in-process", statistics.median(totals)))
    return rows
