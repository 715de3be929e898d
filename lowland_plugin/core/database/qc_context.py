"""What the 质检 rules (:mod:`.qc`) read and how they report: the :class:`QcContext`
(the database, its standard, the options and the intermediate results rules share)
and the error rows every rule returns (row position, field, message, related row,
geometry)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..common.overlay import overlap_areas
from .standard import Standard

T = TypeVar("T")

#: Overlaps smaller than this (m²) are numerical noise of shared edges, not defects.
OVERLAP_MIN_AREA = 0.01


@dataclass
class QcContext:
    """What the rules read: the database, its standard and the options."""

    db: gpd.GeoDataFrame
    standard: Standard
    landsurvey: gpd.GeoDataFrame | None = None
    sliver_area: float = 1.0
    area_tolerance: float = 0.001
    encoding: str = "UTF-8"
    overlap_min_area: float = OVERLAP_MIN_AREA
    _cache: dict = field(default_factory=dict)

    @property
    def n(self) -> int:
        return len(self.db)

    @property
    def geoms(self) -> np.ndarray:
        return np.asarray(self.db.geometry.values, dtype=object)

    def column(self, name: str) -> pd.Series:
        if name in self.db.columns:
            return self.db[name].reset_index(drop=True)
        return pd.Series([None] * self.n, dtype=object)

    def distinct(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """(code per row, distinct values) of a field; code -1 where it holds no value
        (null or blank text). Rules judge each distinct value once."""
        key = ("distinct", name)
        if key not in self._cache:
            codes_, uniques = pd.factorize(
                self.column(name).to_numpy(dtype=object), use_na_sentinel=True
            )
            uniques = np.asarray(uniques, dtype=object)
            blank = np.array([isinstance(v, str) and not v.strip() for v in uniques], dtype=bool)
            if blank.any():
                codes_ = np.where(np.isin(codes_, np.flatnonzero(blank)), -1, codes_)
            self._cache[key] = (codes_, uniques)
        return self._cache[key]

    def present(self, name: str) -> np.ndarray:
        """Rows where the field holds a value (not null, not blank text)."""
        return self.distinct(name)[0] >= 0

    def valid_geometry(self) -> np.ndarray:
        """Rows with a non-empty, valid (multi)polygon."""
        if "valid" not in self._cache:
            geoms = self.geoms
            ok = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
            ok &= np.isin(shapely.get_type_id(geoms), (3, 6))
            ok[ok] = shapely.is_valid(geoms[ok])
            self._cache["valid"] = ok
        return self._cache["valid"]

    @property
    def survey(self) -> gpd.GeoDataFrame:
        """The 三调 patches (only the rules that need them run, see ``needs_landsurvey``)."""
        if self.landsurvey is None:
            raise ValueError("this rule needs the 三调 layer (landsurvey)")
        return self.landsurvey

    def cached(self, key: object, compute: Callable[[], T]) -> T:
        """``compute()`` once per context and ``key`` (rules share their intermediate results)."""
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    def survey_overlay(self):
        """(valid row positions, parcel index, survey index, overlap area), computed once."""
        if "overlay" not in self._cache:
            rows = np.flatnonzero(self.valid_geometry())
            survey = np.asarray(self.survey.geometry.values, dtype=object)
            t_idx, s_idx, area = overlap_areas(self.geoms[rows].copy(), survey.copy())
            self._cache["overlay"] = (rows, rows[t_idx], s_idx, area)
        return self._cache["overlay"]


def error_rows(rows, messages, field_name=None, geoms=None, related=None) -> pd.DataFrame:
    """Error rows of one rule: row positions, field, message, related row, geometry."""
    rows = np.asarray(rows, dtype="int64")
    size = len(rows)
    fields = field_name if isinstance(field_name, list | np.ndarray) else [field_name] * size
    return pd.DataFrame(
        {
            "row": rows,
            "field_name": np.asarray(fields, dtype=object),
            "message": np.asarray(list(messages), dtype=object),
            "related_row": (
                np.asarray(related, dtype="float64")
                if related is not None
                else np.full(size, np.nan)
            ),
            "geometry": np.asarray(geoms, dtype=object)
            if geoms is not None
            else np.full(size, None),
        }
    )


def no_errors() -> pd.DataFrame:
    """The error rows of a rule that found nothing."""
    return error_rows([], [])


def concat_errors(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """The error rows of several parts of a rule, in order."""
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True) if parts else no_errors()


def fmt(value: float, digits: int = 2) -> str:
    """A number in a message, with ``digits`` decimals."""
    return f"{value:.{digits}f}"
