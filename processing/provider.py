"""The ``lowland`` Processing provider."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..lowland_plugin.core.common.resources import resource_path
from ..lowland_plugin.i18n import tr
from .build_units import BuildUnitsAlgorithm
from .building_conversion import BuildingConversionAlgorithm
from .capacity_envelope import CapacityEnvelopeAlgorithm
from .compare_versions import CompareVersionsAlgorithm
from .delineate_blocks import DelineateBlocksAlgorithm
from .evaluate_scenarios import EvaluateScenariosAlgorithm
from .export_database import ExportDatabaseAlgorithm
from .far_check import FarCheckAlgorithm
from .generate_plan import GeneratePlanAlgorithm
from .identify_parcels import IdentifyParcelsAlgorithm
from .land_price import LandPriceAlgorithm
from .legacy_land import LegacyLandAlgorithm
from .mixed_use import MixedUseAlgorithm
from .parcel_indicators import ParcelIndicatorsAlgorithm
from .progress_statistics import ProgressStatisticsAlgorithm
from .refresh_units import RefreshUnitsAlgorithm
from .scattered_land import ScatteredLandAlgorithm
from .status_quo_check import StatusQuoCheckAlgorithm
from .use_change import UseChangeAlgorithm

#: Algorithm classes, in toolbox order.
ALGORITHMS = (
    ParcelIndicatorsAlgorithm,
    IdentifyParcelsAlgorithm,
    LegacyLandAlgorithm,
    ExportDatabaseAlgorithm,
    CompareVersionsAlgorithm,
    ProgressStatisticsAlgorithm,
    DelineateBlocksAlgorithm,
    BuildUnitsAlgorithm,
    RefreshUnitsAlgorithm,
    FarCheckAlgorithm,
    CapacityEnvelopeAlgorithm,
    StatusQuoCheckAlgorithm,
    ScatteredLandAlgorithm,
    MixedUseAlgorithm,
    UseChangeAlgorithm,
    BuildingConversionAlgorithm,
    LandPriceAlgorithm,
    EvaluateScenariosAlgorithm,
    GeneratePlanAlgorithm,
)


class LowlandProvider(QgsProcessingProvider):
    """低效用地再开发 algorithms, and the bundled models (``resources/models``)."""

    def __init__(self, load_models: bool = True) -> None:
        super().__init__()
        self.load_models = load_models

    def id(self) -> str:
        return "lowland"

    def name(self) -> str:
        return tr("低效用地再开发")

    def longName(self) -> str:
        return tr("低效用地再开发 Lowland")

    def icon(self) -> QIcon:
        return QIcon(str(resource_path("icons", "lowland.svg")))

    def svgIconPath(self) -> str:
        return str(resource_path("icons", "lowland.svg"))

    def loadAlgorithms(self) -> None:
        for cls in ALGORITHMS:
            self.addAlgorithm(cls())
        if self.load_models:  # after the algorithms: the models' children are these
            from .models import bundled_models

            for model in bundled_models():
                self.addAlgorithm(model)
