"""The inputs of the plan dock: which project layer plays which role of
``lowland:generateplan`` (recognised by its fields, :mod:`bridge.layers`), and which
chapters of the 实施方案 stay empty for the inputs chosen (asked before generating,
named in the result message).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from qgis.core import QgsProject, QgsVectorLayer

from ..bridge.layers import (
    field_names,
    is_controls_layer,
    is_identification_output,
    is_legacy_layer,
    is_pieces_layer,
    is_projects_layer,
    is_units_layer,
    is_zones_layer,
    source_file,
)
from ..i18n import tr

#: generateplan parameter → the rule recognising its layer.
ROLE_RULES: dict[str, Callable[[object], bool]] = {
    "UNITS": is_units_layer,
    "PARCELS": is_identification_output,
    "PROJECTS": is_projects_layer,
    "PIECES": is_pieces_layer,
    "ZONES": is_zones_layer,
    "LEGACY": is_legacy_layer,
    "CONTROLS": is_controls_layer,
}


def input_texts() -> dict[str, tuple[str, str]]:
    """generateplan parameter → (label, tooltip) of the plan dock's combo choosing it."""
    return {
        "PARCELS": (tr("宗地图层"), tr("带 unit_id 的低效用地认定结果（buildunits 的宗地输出）")),
        "PROJECTS": (tr("项目图层"), tr("再开发项目（项目模板）：容积率、地价等核算的依据")),
        "PIECES": (tr("零星用地"), tr("项目模板的零星用地地块图层（pieces）；留空时读取项目图层所在 GeoPackage 的 pieces")),
        "ZONES": (tr("功能分区"), tr("项目模板的功能分区图层（zones）；留空时读取项目图层所在 GeoPackage 的 zones")),
        "LEGACY": (tr("历史遗留"), tr("可选：历史遗留用地认定（lowland:legacyland）的输出")),
        "CONTROLS": (tr("控规图层"), tr("可选：控规图层，单元图层旁有方案库时，方案比选一章的开发容量按其测算")),
    }  # fmt: skip


def _parcels_rank(layer) -> int:
    """Parcels: the identification output itself (the layer the review dock decides on,
    no ``block_id``) before the buildunits copy made before the review."""
    return 1 if "block_id" in field_names(layer) else 0


def project_layers() -> list[QgsVectorLayer]:
    """The valid vector layers of the project, in layer-tree order (the order the user
    sees), then any layer not in the tree."""
    project = QgsProject.instance()
    ordered = [
        node.layer() for node in project.layerTreeRoot().findLayers() if node.layer() is not None
    ]
    seen = {layer.id() for layer in ordered}
    ordered += [lyr for lid, lyr in project.mapLayers().items() if lid not in seen]
    return [lyr for lyr in ordered if isinstance(lyr, QgsVectorLayer) and lyr.isValid()]


def layer_for_role(role: str, layers: Iterable | None = None) -> QgsVectorLayer | None:
    """The first layer of the project whose fields fit ``role`` (a generateplan parameter
    name); for PARCELS the identification output before the buildunits copy."""
    rule = ROLE_RULES[role]
    found = [lyr for lyr in (project_layers() if layers is None else layers) if rule(lyr)]
    if role == "PARCELS":
        found.sort(key=_parcels_rank)
    return found[0] if found else None


def role_problem(role: str, layer) -> str | None:
    """Why ``layer`` cannot play ``role`` (None when it can, or when no layer is chosen)."""
    if layer is None or ROLE_RULES[role](layer):
        return None
    needs = {
        "UNITS": tr("需要 unit_id 字段的单元面图层"),
        "PARCELS": tr("需要低效用地认定结果（parcel_id、verdict、lowland_type）"),
        "PROJECTS": tr("需要项目模板的项目图层（project_id 等字段，不是核算结果）"),
        "PIECES": tr("需要项目模板的零星用地图层（project_id、piece_id）"),
        "ZONES": tr("需要项目模板的功能分区图层（project_id、use_code）"),
        "LEGACY": tr("需要历史遗留用地认定结果（legacy_class）"),
        "CONTROLS": tr("需要控规图层（far_max 及 plan_id 或 plan_code）"),
    }[role]
    return tr("图层「{0}」不适用：{1}。").format(layer.name(), needs)


def has_sibling_layer(layer, name: str) -> bool:
    """Whether the GeoPackage of ``layer`` holds a layer ``name`` (generateplan reads
    ``pieces`` and ``zones`` from the projects' GeoPackage when they are not given)."""
    path = source_file(layer) if layer is not None else None
    if path is None or path.suffix.lower() != ".gpkg":
        return False
    sibling = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    return sibling.isValid() and sibling.fields().indexOf("project_id") >= 0


@dataclass(frozen=True)
class MissingPart:
    """A chapter (or section) of the 实施方案 left empty by a missing input."""

    role: str
    chapter: str
    consequence: str

    def text(self) -> str:
        return tr("{0}：{1}").format(self.chapter, self.consequence)


def missing_parts(chosen: dict) -> list[MissingPart]:
    """The chapters the documents will lack for the chosen layers (role → layer or None)."""
    parts: list[MissingPart] = []
    projects = chosen.get("PROJECTS")
    if chosen.get("PARCELS") is None:
        parts.append(
            MissingPart(
                "PARCELS",
                tr("二、低效用地清单"),
                tr("无宗地图层，清单为空，资金平衡按单元现状总建筑面积估算"),
            )
        )
    if chosen.get("LEGACY") is None:
        parts.append(MissingPart("LEGACY", tr("三、历史遗留用地"), tr("无历史遗留用地认定结果")))
    if projects is None:
        parts.append(
            MissingPart(
                "PROJECTS",
                tr("四、再开发项目规划指标；五、补缴地价与缴款计划"),
                tr("无项目图层，容积率、混合用地、零星用地和补缴地价均不核算"),
            )
        )
        return parts
    if chosen.get("PIECES") is None and not has_sibling_layer(projects, "pieces"):
        parts.append(
            MissingPart("PIECES", tr("四（三）零星用地"), tr("无零星用地图层，不核查零星用地"))
        )
    if chosen.get("ZONES") is None and not has_sibling_layer(projects, "zones"):
        parts.append(
            MissingPart(
                "ZONES",
                tr("四（二）混合用地用途比例"),
                tr("无功能分区图层，用途比例按计容建筑面积计算"),
            )
        )
    return parts


def missing_summary(parts: list[MissingPart]) -> str:
    """The missing chapters as one line each (for the question and the result)."""
    return "\n".join(f"• {p.text()}" for p in parts)
