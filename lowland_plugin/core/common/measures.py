"""Units of measure used across Lowland (definitions, not policy thresholds)."""

from __future__ import annotations

#: 1 亩 (mu) in square metres: 1 公顷 = 15 亩, so 1 亩 = 10000 / 15 m².
M2_PER_MU: float = 10000.0 / 15.0
#: 1 公顷 (hectare) in square metres.
M2_PER_HECTARE: float = 10000.0


def m2_to_mu(area_m2):
    """Square metres to 亩 (works on scalars and numpy/pandas arrays)."""
    return area_m2 / M2_PER_MU


def m2_to_hectare(area_m2):
    """Square metres to 公顷."""
    return area_m2 / M2_PER_HECTARE
