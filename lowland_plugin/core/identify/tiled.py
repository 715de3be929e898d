"""Identification and indicators of a parcel layer of any size, tile by tile
(issue 20 item 2; the partitioning is ``common.tiles``).

Each tile runs the very same :func:`identify_parcels` / :func:`compute_parcel_indicators`
on its own parcels plus their halo, with the features touching them; the halo's rows are
dropped, so every parcel comes out once with the value of the untiled run. The
same-industry tax mean is taken over the whole layer (``criteria.industry_tax_totals``).
Warnings are merged over the tiles into the untiled run's (``common.notices``): the
parcels' tallies kept from their own tile, the buildings outside every parcel counted once
from the buildings the tiles read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..common.frames import geodataframe
from ..common.measures import m2_to_mu
from ..common.notices import merge_warnings, owned_by_tile
from ..common.profiles import Profile
from ..common.tiles import LayerReader, Tile, TileInput, tile_count, tile_inputs
from ..common.values import numbers
from .criteria import industry_tax_totals
from .identification import IdentifyResult, identify_parcels, summarize
from .indicators import IndicatorResult, compute_parcel_indicators

#: identifyparcels' output: the verdict first (what a planner reads), the explanation last.
LEADING_FIELDS = (
    "parcel_id",
    "verdict",
    "lowland_type",
    "current_type",
    "criteria_met",
    "review_status",
    "area_m2",
    "area_mu",
    "far",
    "building_density",
    "danger_cd_share",
)
TRAILING_FIELDS = (
    "reasons",
    "review_type",
    "review_note",
    "reviewer",
    "reviewed_at",
    "reviewed_verdict",
    "profile_id",
    "profile_version",
)

#: Columns the summary needs, kept from every tile.
_SUMMARY_COLUMNS = ("verdict", "current_type", "area_m2", "lowland_area_m2")

ProgressCallback = Callable[[float], None]
CancelCheck = Callable[[], bool]


@dataclass
class TileResult:
    """One tile's output rows (its own parcels only, original index) and warnings."""

    tile: Tile
    table: pd.DataFrame
    warnings: list[str] = field(default_factory=list)
    #: the index labels of the buildings the tile read (those touching its parcels)
    touched: np.ndarray | None = None


def layer_industry_totals(parcels: gpd.GeoDataFrame) -> pd.DataFrame | None:
    """The whole layer's same-industry tax totals (None without ``industry_code``)."""
    if "industry_code" not in parcels.columns:
        return None
    area_mu = m2_to_mu(shapely.area(np.asarray(parcels.geometry.values, dtype=object)))
    tax = numbers(parcels.reset_index(drop=True), "tax_per_mu")
    return industry_tax_totals(parcels["industry_code"], tax, area_mu)


def identify_tiles(
    parcels: gpd.GeoDataFrame,
    profile: Profile,
    readers: Mapping[str, LayerReader | None],
    size: int,
    reference_date: dt.date | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> Iterator[TileResult]:
    """:func:`identify_parcels` tile by tile; ``readers`` keyed ``buildings``,
    ``landsurvey``, ``plan`` (None: not given). Stops between tiles when ``cancelled``."""
    totals = layer_industry_totals(parcels)
    count = tile_count(len(parcels), size)
    report = progress or (lambda _p: None)
    for done, item in enumerate(tile_inputs(parcels, readers, size)):
        if cancelled is not None and cancelled():
            return
        yield identify_tile(item, profile, reference_date, totals)
        report(100.0 * (done + 1) / count)


def identify_tile(
    item: TileInput,
    profile: Profile,
    reference_date: dt.date | None,
    totals: pd.DataFrame | None,
) -> TileResult:
    """:func:`identify_parcels` on one tile (own and halo parcels), the own rows kept."""
    result = identify_parcels(
        item.parcels,
        profile,
        buildings=item.layers.get("buildings"),
        landsurvey=item.layers.get("landsurvey"),
        plan=item.layers.get("plan"),
        reference_date=reference_date,
        industry_totals=totals,
        count_outside=True,
    )
    return tile_result(item, result.table, result.warnings)


def indicators_tile(item: TileInput, **options) -> TileResult:
    """:func:`compute_parcel_indicators` on one tile, the own rows kept."""
    result = compute_parcel_indicators(
        item.parcels, item.layers.get("buildings"), count_outside=True, **options
    )
    return tile_result(item, result.table, result.warnings)


def tile_result(item: TileInput, table: pd.DataFrame, warnings: list[str]) -> TileResult:
    """The tile's own rows, and its warnings about its own parcels only."""
    own = len(item.tile.own)
    mine = owned_by_tile(warnings, item.parcels.index, own)
    buildings = item.layers.get("buildings")
    touched = None if buildings is None else np.asarray(buildings.index)
    return TileResult(item.tile, table.iloc[:own], mine, touched)


def output_frame(parcels: gpd.GeoDataFrame, table: pd.DataFrame) -> gpd.GeoDataFrame:
    """identifyparcels' output rows: the parcels' attributes and the identification's
    columns (the verdict first, the explanation last), on the parcels' geometries."""
    attributes = parcels.drop(columns=[parcels.geometry.name])
    attributes = attributes.drop(columns=[c for c in table if c in attributes])
    joined = pd.concat([attributes, table], axis=1)
    first = [c for c in LEADING_FIELDS if c in joined.columns]
    last = [c for c in TRAILING_FIELDS if c in joined.columns]
    middle = [c for c in joined.columns if c not in first and c not in last]
    return geodataframe(
        joined[first + middle + last], np.asarray(parcels.geometry.values), parcels.crs
    )


def indicators_frame(parcels: gpd.GeoDataFrame, table: pd.DataFrame) -> gpd.GeoDataFrame:
    """parcelindicators' output rows: the parcels' attributes (those named like an
    indicator replaced) and the indicators, on the parcels' geometries."""
    shadowed = [f for f in table.columns if f in parcels.columns]
    attributes = parcels.drop(columns=[*shadowed, parcels.geometry.name])
    return geodataframe(
        pd.concat([attributes, table], axis=1), np.asarray(parcels.geometry.values), parcels.crs
    )


def merged_warnings(parts: list[list[str]], outside: int | None = None) -> list[str]:
    """The tiles' warnings as the untiled run's (``notices.merge_warnings``); ``outside``:
    how many buildings of the whole layer touch no parcel (:class:`TouchedBuildings`)."""
    sums = {"buildings_outside": outside} if outside is not None else None
    return merge_warnings(parts, sums)


def buildings_outside(total: int | None, touched: list[np.ndarray | None]) -> int | None:
    """How many buildings of the layer (``total`` of them; None: not known) touch no
    parcel: those the tiles read (``touched``: each tile's building labels) counted once
    and taken from the total."""
    if total is None:
        return None
    seen = [t for t in touched if t is not None]
    return total - (len(np.unique(np.concatenate(seen))) if seen else 0)


def layer_size(read: LayerReader | None) -> int | None:
    """How many features the reader's layer holds (its ``count``; None: not known)."""
    return getattr(read, "count", None)


def identify_tiled(
    parcels: gpd.GeoDataFrame,
    profile: Profile,
    readers: Mapping[str, LayerReader | None],
    size: int,
    reference_date: dt.date | None = None,
    progress: ProgressCallback | None = None,
) -> IdentifyResult:
    """All tiles' rows in the parcels' order with the summary of the whole layer (for a
    layer that fits in memory once identified; the algorithm writes tile by tile)."""
    results = list(identify_tiles(parcels, profile, readers, size, reference_date, progress))
    table = pd.concat([r.table for r in results]).loc[parcels.index]
    outside = buildings_outside(layer_size(readers.get("buildings")), [r.touched for r in results])
    warnings = merged_warnings([r.warnings for r in results], outside)
    return IdentifyResult(table, summarize(table), warnings)


def summary_rows(table: pd.DataFrame) -> pd.DataFrame:
    """The columns of a tile's rows the summary of the whole layer needs."""
    return table[[c for c in _SUMMARY_COLUMNS if c in table.columns]]


def indicators_tiled(
    parcels: gpd.GeoDataFrame,
    read_buildings: LayerReader | None,
    size: int,
    progress: ProgressCallback | None = None,
    **options,
) -> IndicatorResult:
    """:func:`compute_parcel_indicators` tile by tile (``options``: its keyword
    arguments), rows in the parcels' order."""
    tables, warnings, touched = [], [], []
    count = tile_count(len(parcels), size)
    for done, item in enumerate(tile_inputs(parcels, {"buildings": read_buildings}, size)):
        result = indicators_tile(item, **options)
        tables.append(result.table)
        warnings.append(result.warnings)
        touched.append(result.touched)
        if progress is not None:
            progress(100.0 * (done + 1) / count)
    return IndicatorResult(
        table=pd.concat(tables).loc[parcels.index],
        warnings=merged_warnings(warnings, buildings_outside(layer_size(read_buildings), touched)),
    )
