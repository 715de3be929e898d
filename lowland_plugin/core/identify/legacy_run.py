"""历史遗留用地 of a parcel layer with an optional 三调 layer: the areas per 三调 class
measured, the parcels classified (``legacy.classify_legacy_land``) and the output rows
(the parcels' attributes and the classification), one parcel at a time independent of
the others, so that the layer can be cut into tiles (``common.tiles``). Used by
``lowland:legacyland`` and the cluster command."""

from __future__ import annotations

from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..common import codes
from ..common.frames import geodataframe
from ..common.profiles import Profile
from .identification import current_use_from_survey
from .legacy import areas_from_fields, classify_legacy_land, legacy_warnings, unknown_code_warning
from .survey_areas import AREA_FIELDS, with_own_class_fallback


@dataclass
class LegacyRun:
    """The output rows (parcels' index) and what the run noticed."""

    table: gpd.GeoDataFrame
    warnings: list[str] = field(default_factory=list)


def legacy_land(
    parcels: gpd.GeoDataFrame, survey: gpd.GeoDataFrame | None, profile: Profile
) -> LegacyRun:
    """Y-9: the parcels (canonical fields) classified, judged by 三调 piece where a
    ``survey`` layer (canonical fields) is given or the parcels carry an identification's
    areas per 三调 class; a parcel no patch touches takes its own dlbm (E3 L9)."""
    geoms = np.asarray(parcels.geometry.values)
    parcel_m2 = shapely.area(geoms)
    category = survey_codes = areas = None
    if survey is not None:
        use = current_use_from_survey(geoms, parcel_m2, survey)
        own = (
            parcels["dlbm"].reset_index(drop=True)
            if "dlbm" in parcels.columns
            else pd.Series([None] * len(parcels), dtype=object)
        )
        survey_codes = pd.Series(use.dlbm, dtype=object).where(pd.notna(use.dlbm), own)
        category = codes.land_category(survey_codes)
        areas = with_own_class_fallback(use.areas, own, parcel_m2)
        areas["parcel_m2"] = parcel_m2
    elif "land_category" in parcels.columns:
        category = parcels["land_category"].reset_index(drop=True)
        # an identification output: judge by its areas per 三调 class
        areas = areas_from_fields(parcels.reset_index(drop=True), parcel_m2)
    table = classify_legacy_land(parcels, category, survey_codes, areas, profile)
    warnings = list(legacy_warnings(profile))
    if areas is not None:
        for name in AREA_FIELDS:
            if name in areas.columns:
                table[name] = areas[name].to_numpy(dtype=float)
    if survey_codes is None and category is None and "dlbm" in parcels.columns:
        survey_codes = parcels["dlbm"].reset_index(drop=True)
    if survey_codes is not None:
        warning = unknown_code_warning(parcels["parcel_id"].reset_index(drop=True), survey_codes)
        if warning:
            warnings.append(warning)
    attributes = parcels.drop(columns=[parcels.geometry.name])
    attributes = attributes.drop(columns=[c for c in table if c in attributes])
    out = geodataframe(
        pd.concat([attributes.reset_index(drop=True), table], axis=1), geoms, parcels.crs
    )
    out.index = parcels.index
    return LegacyRun(out, warnings)
