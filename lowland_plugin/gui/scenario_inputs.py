"""What the 方案比选 dock evaluates besides the store (issue 23), and which scenarios an
edit touched, so that a re-evaluation after an edit redoes only those
(:func:`~..core.scenarios.evaluate.evaluate_scenarios` with ``only=`` and ``cache=``).

- The other inputs: the scenarios' pieces and zones (the store's, else those beside the
  plan's projects), the 控规 layer
  (capacity), the unit's row of the units layer and the floor area 八、资金平衡
  computes compensation on (the unit's 低效地块). Each is read once and kept until its
  layer changes.
- The cache: the last result of each scenario. It holds for one set of those inputs
  and of the profile: :meth:`EvaluationInputs.clear` empties it (every scenario is
  evaluated again) whenever one of them, the unit or the store changes.
- The edits: every change of the scenario parcels' layer (attribute, geometry, feature
  added or deleted — also when the undo stack replays or reverts a command) names its
  feature; :class:`ScenarioEdits` maps it to its ``scenario_id`` and collects the
  scenarios to evaluate again (an undo of an edit made in another scenario names that
  scenario, not the one shown).
"""

from __future__ import annotations

from typing import Any

from qgis.core import QgsVectorLayer

from ..bridge.layers import source_file
from ..bridge.ogr_io import list_ogr_layers, read_ogr_layer
from ..core.documents.plan import unit_compensation_basis
from . import scenario_layers as store


class ScenarioEdits:
    """The scenarios the edits of the ``scenario_projects`` layer touched since the last
    evaluation; ``None`` = unknown (evaluate them all)."""

    def __init__(self) -> None:
        self.layer: QgsVectorLayer | None = None
        self.owner: dict[int, str] = {}  # feature id -> scenario_id
        self.touched: set[str] | None = None

    def watch(self, layer: QgsVectorLayer, changed) -> None:
        """Follow ``layer``'s edits; ``changed()`` is called after each one."""
        self.layer = layer
        self.reindex()
        self.touched = None

        def attribute(fid: int, index: int, _value: Any) -> None:
            if layer.fields().at(index).name() == "scenario_id":  # moved: old and new
                self._touch(self.owner.pop(fid, None))
            self._touch(self._scenario_of(fid))
            changed()

        def feature(fid: int, *_args) -> None:
            self._touch(self._scenario_of(fid))
            changed()

        def deleted(fid: int) -> None:
            self._touch(self.owner.pop(fid, None))
            changed()

        layer.attributeValueChanged.connect(attribute)
        layer.geometryChanged.connect(feature)
        layer.featureAdded.connect(feature)
        layer.featureDeleted.connect(deleted)
        layer.afterCommitChanges.connect(self.reindex)  # saved: new feature ids
        layer.undoStack().indexChanged.connect(lambda _i: changed())

    def reindex(self) -> None:
        """Map every feature of the layer to its scenario."""
        layer = self.layer
        self.owner = {} if layer is None else {
            f.id(): str(f["scenario_id"]) for f in layer.getFeatures()}  # fmt: skip

    def _scenario_of(self, fid: int) -> str | None:
        if fid not in self.owner and self.layer is not None:
            feature = self.layer.getFeature(fid)
            if feature.isValid():
                self.owner[fid] = str(feature["scenario_id"])
        return self.owner.get(fid)

    def _touch(self, scenario_id: str | None) -> None:
        """Note ``scenario_id`` as edited; an edit whose scenario is not known makes
        every scenario due."""
        if self.touched is None:
            return
        if scenario_id is None:
            self.touched = None
            return
        self.touched.add(scenario_id)

    def take(self) -> set[str] | None:
        """The scenarios to evaluate again (None: all), and start collecting anew."""
        touched, self.touched = self.touched, set()
        return touched

    def forget(self) -> None:
        """Every scenario due (after the cache was cleared)."""
        self.touched = None


class EvaluationInputs:
    """The dock's inputs besides the store, each read once, and the result cache that
    holds for them (module docstring)."""

    def __init__(self, dock) -> None:
        self.dock = dock
        self.cache: dict = {}
        self.edits = ScenarioEdits()
        self._siblings: dict[str, object] = {}
        self._basis: dict[tuple, tuple[float, str]] = {}
        self._controls: tuple[str, object] | None = None

    def clear(self, *_args) -> None:
        """Forget every result and what was read (an input changed)."""
        self.cache.clear()
        self.edits.forget()
        self._siblings.clear()
        self._basis.clear()
        self._controls = None

    def only(self) -> set[str] | None:
        """The scenarios an evaluation must redo now (None: all)."""
        return self.edits.take()

    def sibling(self, name: str):
        """The scenarios' ``name`` (pieces, zones): the store's ``scenario_<name>`` layer
        when it has one (by ``scenario_id`` and ``project_id``: each scenario its own,
        as lowland:evaluatescenarios is given them), else layer ``name`` of the plan's
        projects GeoPackage (by ``project_id``), or None."""
        if name not in self._siblings:
            plan = self.dock.projectsCombo.currentLayer()
            sources = [(self.dock.store_path, f"scenario_{name}"),
                       (source_file(plan) if plan is not None else None, name)]  # fmt: skip
            found = None
            for path, layer in sources:
                if path is not None and str(path).lower().endswith(".gpkg") and path.exists():
                    if layer in list_ogr_layers(str(path)):
                        found = read_ogr_layer(str(path), layer)
                        break
            self._siblings[name] = found
        return self._siblings[name]

    def controls(self):
        """The 控规 layer's rows (the capacity envelope's limits), or None."""
        layer = self.dock.controlsCombo.currentLayer()
        if layer is None:
            return None
        if self._controls is None or self._controls[0] != layer.id():
            self._controls = (layer.id(), store.layer_frame(layer))
        return self._controls[1]

    def unit_row(self) -> dict | None:
        """The current unit's row of the units layer (None: no layer or no such unit)."""
        layer, unit = self.dock.unitsCombo.currentLayer(), self.dock.current_unit()
        if layer is None or unit is None:
            return None
        for feature in layer.getFeatures():
            if str(feature["unit_id"]) == unit:
                row = dict(zip(layer.fields().names(), feature.attributes(), strict=True))
                return {k: (None if v is None or str(v) == "NULL" else v) for k, v in row.items()}
        return None

    def compensation(self) -> tuple[float, str] | None:
        """The floor area 八、资金平衡 computes compensation on for the current unit (its
        低效地块 in the parcels layer, :func:`unit_compensation_basis`), so the dock's
        funding is the document's; None without a parcels layer."""
        parcels, unit = self.dock.parcelsCombo.currentLayer(), self.unit_row()
        units = self.dock.unitsCombo.currentLayer()
        if parcels is None or unit is None or units is None:
            return None
        key = (parcels.id(), units.id(), unit.get("unit_id"))
        if key not in self._basis:
            gfa, label, _ = unit_compensation_basis(
                unit, store.layer_frame(parcels), store.layer_frame(units)
            )
            self._basis[key] = (gfa, label)
        return self._basis[key]
