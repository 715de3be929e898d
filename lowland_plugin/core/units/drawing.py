"""Rules of the 绘制再开发单元 map tool that need no QGIS: the next unit id to offer,
whether a typed unit id may be used, and whether a drawn outline is a usable unit.

Unit ids follow the units contract (docs/dev/contracts.md, ``lowland:buildunits``):
``DY01``, ``DY02``, … The redevelopment unit itself is the Y-3 「单元+街坊」 unit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import shapely
from shapely.geometry.base import BaseGeometry
from shapely.validation import explain_validity

#: Prefix and minimum number of digits of suggested unit ids (contracts.md: DY01, …).
UNIT_ID_PREFIX = "DY"
UNIT_ID_DIGITS = 2
#: Fewest distinct corners a unit outline can have.
MIN_VERTICES = 3

_NUMBERED = re.compile(rf"^{UNIT_ID_PREFIX}(\d+)$", re.IGNORECASE)


def _clean(unit_id) -> str:
    return "" if unit_id is None else str(unit_id).strip()


def suggest_unit_id(existing: Iterable) -> str:
    """The id after the highest ``DY<n>`` among ``existing`` (``DY01`` when there is none):
    gaps left by deleted units are not refilled, so an id once used is not reissued
    to a different area within the same layer's lifetime."""
    numbers = [int(m.group(1)) for m in (_NUMBERED.match(_clean(v)) for v in existing) if m]
    return f"{UNIT_ID_PREFIX}{max(numbers, default=0) + 1:0{UNIT_ID_DIGITS}d}"


def unit_id_problem(unit_id, existing: Iterable, own=None) -> str | None:
    """Why ``unit_id`` cannot be used in a layer holding ``existing`` ids, or None.

    ``'empty'`` for a blank id; ``'duplicate'`` when another unit has it (compared
    without surrounding spaces and case: ``dy01`` and ``DY01 `` are the same unit in a
    report). ``own`` is the edited unit's current id, which it may keep.
    """
    key = _clean(unit_id).casefold()
    if not key:
        return "empty"
    others = [_clean(v).casefold() for v in existing]
    if own is not None:
        own_key = _clean(own).casefold()
        if own_key in others:
            others.remove(own_key)  # the edited unit itself, once
    return "duplicate" if key in others else None


def distinct_vertex_count(geometry: BaseGeometry) -> int:
    """Distinct corners of the exterior ring(s) (the closing point not counted twice)."""
    if geometry is None or geometry.is_empty:
        return 0
    polygons = getattr(geometry, "geoms", [geometry])
    coords = {tuple(c) for p in polygons for c in shapely.get_coordinates(p.exterior)}
    return len(coords)


def outline_problem(geometry: BaseGeometry | None) -> tuple[str, str] | None:
    """Why a drawn outline cannot be a unit, as (code, detail), or None when it can.

    Codes: ``'too_few_vertices'`` (fewer than :data:`MIN_VERTICES` distinct corners),
    ``'not_polygon'``, ``'zero_area'`` (all corners on one line), ``'self_intersection'``
    / ``'invalid'`` (detail: GEOS's reason with the location).
    """
    if geometry is None or geometry.is_empty:
        return ("too_few_vertices", "0")
    if geometry.geom_type not in ("Polygon", "MultiPolygon"):
        return ("not_polygon", geometry.geom_type)
    count = distinct_vertex_count(geometry)
    if count < MIN_VERTICES:
        return ("too_few_vertices", str(count))
    if geometry.convex_hull.area <= 0:  # all corners on one line
        return ("zero_area", "0")
    if not geometry.is_valid:
        reason = explain_validity(geometry)
        code = "self_intersection" if "self-intersection" in reason.lower() else "invalid"
        return (code, reason)
    return None
