"""Plumbing shared by the project-template checks (``farcheck``, ``landprice``,
``usechange``, ``scatteredland``, ``mixeduse``, ``statusquocheck``,
``buildingconversion``): :class:`ProjectTemplateMixin` reads the template layers in
canonical names; the functions refuse unused field-map entries, join a core result to
the project features and log the verdicts. Rules live in :mod:`lowland_plugin.core.checks`."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
)

from ..lowland_plugin.core.common.conservation import check_geometry_kept, check_ids_accounted
from ..lowland_plugin.core.common.frames import geodataframe
from ..lowland_plugin.core.common.mapping import (
    check_template_field_map,
    parse_field_map,
    require_map_entries_used,
    template_frame,
)
from ..lowland_plugin.i18n import tr
from .base import field_map_parameter


class ProjectTemplateMixin:
    """The readers of the project-template checks (a mixin of :class:`LowlandAlgorithm`
    subclasses): ``PROJECTS`` and the other template layers in canonical field names,
    through the algorithm's ``FIELD_MAP``."""

    PROJECTS = "PROJECTS"
    OUTPUT = "OUTPUT"
    PROFILE = "PROFILE"

    def add_projects_parameters(self, output_label: str) -> None:
        """``PROJECTS`` (the template's project polygons), ``FIELD_MAP``, ``PROFILE`` (the
        local numbers: Y-4 categories, Y-14 classes, Y-15 instalments…) and the ``OUTPUT``
        sink: the parameters of the checks that read the projects layer only."""
        polygon = [QgsProcessing.SourceType.TypeVectorPolygon]
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.PROJECTS, tr("项目图层"), polygon)
        )
        self.addParameter(field_map_parameter())
        self.add_profile_parameter(self.PROFILE, optional=True)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, output_label, QgsProcessing.SourceType.TypeVectorPolygon
            )
        )

    def read_projects(self, parameters, context, refuse_empty: bool = False):
        """The ``PROJECTS`` layer in canonical template fields and its CRS, for the checks
        that read the projects layer only; an unused field-map entry is refused, and with
        ``refuse_empty`` an empty layer too."""
        explicit = self.read_field_map(parameters, context, ("projects",))
        projects = self.read_template_layer(
            parameters, self.PROJECTS, context, "projects", explicit, tr("项目图层")
        )
        if refuse_empty:
            refuse_empty_projects(projects)
        refuse_unused_map_entries(explicit, {"projects": projects})
        return projects, self.input_crs(self.PROJECTS)

    def read_field_map(self, parameters, context, layers) -> dict[str, str]:
        """The ``FIELD_MAP`` entries, each naming one of the template ``layers``."""
        explicit = parse_field_map(self.parameterAsString(parameters, self.FIELD_MAP, context))
        check_template_field_map(explicit, layers)
        return explicit

    def read_template_layer(
        self, parameters, name, context, layer, explicit, label, crs_of=None
    ) -> gpd.GeoDataFrame:
        """The source parameter ``name`` in canonical template fields (``project_id``
        required), refused in a geographic CRS; in the CRS of the input ``crs_of`` when
        given."""
        gdf = self.read_layer(parameters, name, context, None, crs_of=crs_of)
        self.require_projected(gdf, label)
        required = ("project_id", "piece_id") if layer == "pieces" else ("project_id",)
        gdf = template_frame(gdf, layer, explicit, required, label)
        mapping = gdf.attrs.get("template_mapping", {})
        gdf = gdf.reset_index(drop=True)
        gdf.attrs["template_mapping"] = mapping
        return gdf


def refuse_empty_projects(projects: gpd.GeoDataFrame) -> None:
    """A check that reports per project has nothing to do without projects: say so."""
    if projects.empty:
        raise QgsProcessingException(
            tr("项目图层没有要素。") + " / the projects layer has no features."
        )


def refuse_unused_map_entries(explicit, layers: dict) -> None:
    """A field-map entry no input layer used is a typo: say so instead of ignoring it.
    ``layers``: template layer name → frame read by :meth:`ProjectTemplateMixin.read_template_layer`."""
    mappings = {name: gdf.attrs.get("template_mapping", {}) for name, gdf in layers.items()}
    require_map_entries_used(explicit, mappings)


def joined_output(projects, table: pd.DataFrame):
    """Project attributes followed by the computed columns (``reasons`` last), with the
    project geometry. A computed column replaces an input column of the same name."""
    attributes = projects.drop(columns=[projects.geometry.name])
    computed = table.drop(columns=[c for c in ("project_id",) if c in table and c in attributes])
    attributes = attributes.drop(columns=[c for c in computed if c in attributes])
    joined = pd.concat([attributes.reset_index(drop=True), computed.reset_index(drop=True)], axis=1)
    order = ["project_id"] + [c for c in joined.columns if c not in ("project_id", "reasons")]
    order += ["reasons"]
    out = geodataframe(joined[order], np.asarray(projects.geometry.values), projects.crs)
    # conservation: one row per project, ids kept, geometry unchanged (issue 11)
    check_ids_accounted(projects["project_id"].tolist(), out["project_id"].tolist(), "projects")
    check_geometry_kept(projects.geometry.values, out.geometry.values, "projects")
    return out


def log_verdicts(feedback, ids, verdicts, label_pass: str, label_fail: str) -> None:
    """One line per verdict group: how many projects passed, which failed or are unknown."""
    values = [None if pd.isna(v) else bool(v) for v in verdicts]
    passed = [i for i, v in zip(ids, values, strict=True) if v is True]
    failed = [i for i, v in zip(ids, values, strict=True) if v is False]
    unknown = [i for i, v in zip(ids, values, strict=True) if v is not True and v is not False]
    feedback.pushInfo(label_pass.format(len(passed)))
    if failed:
        feedback.pushWarning(label_fail.format(len(failed), ", ".join(map(str, failed))))
    if unknown:
        feedback.pushInfo(
            tr("{0} 个项目无法判定（见 reasons）：{1}").format(
                len(unknown), ", ".join(map(str, unknown))
            )
        )
