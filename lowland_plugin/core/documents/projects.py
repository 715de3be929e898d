"""The project checks of a 实施方案: every project of the template checked once by the
functions the check algorithms call (FAR Y-4, land price Y-14/Y-15/N-9, mixed use Y-10,
scattered land Y-7), each project in its unit (:func:`~..units.membership.unit_membership`),
and the rows of the document's project tables."""

from __future__ import annotations

from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd

from ..checks.far import far_check
from ..checks.land_price import land_price
from ..checks.mixed_use import mixed_use
from ..checks.scattered import scattered_check
from ..common.mapping import template_frame
from ..common.profiles import Profile
from ..common.values import as_date, as_float, as_text, plain
from ..units.membership import unit_membership


def assign_projects(units: gpd.GeoDataFrame, projects: gpd.GeoDataFrame) -> pd.Series:
    """The unit of every project (index of ``projects``): its ``unit_id`` when that names
    a unit, else the unit it overlaps most (ties: the smaller ``unit_id``), else None
    (:func:`~..units.membership.unit_membership`, Y-3)."""
    return unit_membership(projects, units)


@dataclass
class ProjectChecks:
    """The project checks of all projects, computed once (row order of ``projects``)."""

    projects: gpd.GeoDataFrame
    unit_of: pd.Series
    far: pd.DataFrame
    price: pd.DataFrame
    mixed: pd.DataFrame
    mixed_uses: pd.DataFrame
    scattered: pd.DataFrame | None = None
    warnings: list[str] = field(default_factory=list)

    def rows_of(self, unit_id: str) -> np.ndarray:
        """Positions of the projects of ``unit_id``."""
        return np.flatnonzero(self.unit_of.to_numpy(dtype=object) == unit_id)


def project_checks(
    projects: gpd.GeoDataFrame,
    units: gpd.GeoDataFrame,
    pieces: gpd.GeoDataFrame | None = None,
    zones: gpd.GeoDataFrame | None = None,
    label: str = "projects",
    profile: Profile | None = None,
) -> ProjectChecks:
    """FAR (Y-4), land price (Y-14, Y-15, N-9), mixed use (Y-10) and, with ``pieces``,
    scattered land (Y-7) of every project, and each project's unit, with the local values
    of ``profile`` (the document's rule profile; default profile when None) as the check
    algorithms take them. Input problems are raised as by the check algorithms
    (:class:`LowlandInputError`)."""
    projects = template_frame(projects, "projects", None, ("project_id",), label)
    projects = projects.reset_index(drop=True)
    if pieces is not None:
        pieces = template_frame(pieces, "pieces", None, ("project_id", "piece_id"), "pieces")
        pieces = pieces.reset_index(drop=True)
    if zones is not None:
        zones = template_frame(zones, "zones", None, ("project_id",), "zones")
        zones = zones.reset_index(drop=True)
    unit_of = assign_projects(units, projects)
    warnings = []
    outside = [str(p) for p, u in zip(projects["project_id"], unit_of, strict=True) if u is None]
    if outside:
        warnings.append(
            f"项目 {outside} 不属于任何单元（unit_id 为空且与单元无重叠），未写入实施方案 / "
            f"projects {outside} belong to no unit and are left out"
        )
    mixed = mixed_use(projects, zones, label, "zones", profile)
    far = far_check(projects, label, profile)
    price = land_price(projects, label, profile)
    scattered = None
    if pieces is not None:
        scattered_result = scattered_check(projects, pieces, label, "pieces", profile)
        scattered = scattered_result.table
        warnings += scattered_result.warnings
    return ProjectChecks(
        projects=projects,
        unit_of=unit_of,
        far=far.table,
        price=price.table,
        mixed=mixed.table,
        mixed_uses=mixed.extra,
        scattered=scattered,
        warnings=list(dict.fromkeys(warnings + far.warnings + price.warnings + mixed.warnings)),
    )


def project_head(projects: pd.DataFrame, i: int) -> dict:
    """Id and name of the project in row ``i`` (the first columns of every project table)."""
    name = projects["project_name"].iloc[i] if "project_name" in projects.columns else None
    return {"project_id": as_text(projects["project_id"].iloc[i]), "project_name": as_text(name)}


def far_rows_of(checks: ProjectChecks, rows: np.ndarray) -> list[dict]:
    p, t = checks.projects, checks.far
    out = []
    for i in rows:
        public = plain(p["public_project"].iloc[i]) if "public_project" in p.columns else None
        out.append(
            {
                **project_head(p, i),
                "public_project": bool(public) if public is not None else False,
                "area_m2": float(t["area_m2"].iloc[i]),
                "far_max": as_float(p["far_max"].iloc[i]) if "far_max" in p.columns else None,
                "gfa_proposed": as_float(p["gfa_proposed"].iloc[i]),
                "gfa_counted": as_float(t["gfa_counted"].iloc[i]),
                "gfa_allowed": as_float(t["gfa_allowed"].iloc[i]),
                "gfa_margin": as_float(t["gfa_margin"].iloc[i]),
                "far_counted": as_float(t["far_counted"].iloc[i]),
                "far_pass": plain(t["far_pass"].iloc[i]),
            }
        )
    return out


def price_rows_of(checks: ProjectChecks, rows: np.ndarray) -> list[dict]:
    p, t = checks.projects, checks.price
    out = []
    for i in rows:
        out.append(
            {
                **project_head(p, i),
                "computed": as_float(t["price_due"].iloc[i]) is not None,
                "price_due": as_float(t["price_due"].iloc[i]),
                "first_amount": as_float(t["first_amount"].iloc[i]),
                "first_due_date": as_date(t["first_due_date"].iloc[i]),
                "rest_amount": as_float(t["rest_amount"].iloc[i]),
                "final_due_date": as_date(t["final_due_date"].iloc[i]),
                "due_date": as_date(t["due_date"].iloc[i]),
                "price_status": as_text(t["price_status"].iloc[i]),
                "area_m2": as_float(t["area_m2"].iloc[i]),
                "value_new": as_float(p["value_new"].iloc[i]) if "value_new" in p.columns else None,
                "redevelopment_mode": as_text(p["redevelopment_mode"].iloc[i])
                if "redevelopment_mode" in p.columns
                else None,
                "price_due_from": as_date(t["price_due_from"].iloc[i]),
                "alt_price": as_float(t["alt_price"].iloc[i]),
                "alt_price_market": as_float(t["alt_price_market"].iloc[i]),
                "transition_end": as_date(t["transition_end"].iloc[i]),
                "price_pass": plain(t["price_pass"].iloc[i]),
            }
        )
    return out


_MIX_BASIS_LABELS = {"zones": "功能分区面积", "gfa": "计容建筑面积"}


def mixed_rows_of(checks: ProjectChecks, rows: np.ndarray) -> list[dict]:
    t, uses = checks.mixed, checks.mixed_uses
    out = []
    for i in rows:
        pid = str(t["project_id"].iloc[i])
        basis = as_text(t["mix_basis"].iloc[i])
        mine = uses[uses["project_id"] == pid] if len(uses) else uses
        out.append(
            {
                "project_id": pid,
                "basis": basis,
                "basis_label": _MIX_BASIS_LABELS.get(basis, "—") if basis is not None else "—",
                "main_use": as_text(t["main_use"].iloc[i]),
                "main_use_name": as_text(t["main_use_name"].iloc[i]),
                "main_share": as_float(t["main_share"].iloc[i]),
                "tied_uses": as_text(t["tied_uses"].iloc[i]),
                "combined_unit_price": as_float(t["combined_unit_price"].iloc[i]),
                "combined_price": as_float(t["combined_price"].iloc[i]),
                "uses": [
                    {
                        "use_code": as_text(u.use_code),
                        "use_name": as_text(u.use_name),
                        "share": as_float(u.use_share),
                        "is_main": bool(u.is_main_use),
                        "lease_years": as_float(u.lease_years),
                        "lease_capped": bool(u.lease_capped),
                        "unit_price": as_float(u.unit_price),
                    }
                    for u in mine.itertuples(index=False)
                ],
            }
        )
    return out


def scattered_rows_of(checks: ProjectChecks, rows: np.ndarray) -> list[dict] | None:
    if checks.scattered is None:
        return None
    t = checks.scattered
    return [
        {
            "project_id": as_text(t["project_id"].iloc[i]),
            "total_area_m2": as_float(t["total_area_m2"].iloc[i]),
            "count": int(t["scattered_count"].iloc[i]),
            "area_m2": as_float(t["scattered_area_m2"].iloc[i]),
            "share": as_float(t["scattered_share"].iloc[i]),
            "max_piece_m2": as_float(t["scattered_max_piece_m2"].iloc[i]),
            "passed": plain(t["scattered_pass"].iloc[i]),
        }
        for i in rows
    ]
