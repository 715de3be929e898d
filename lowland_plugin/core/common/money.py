"""Money in exact decimals: input amounts are read as the decimal their float shows
(0.1 → 0.1, not 0.1000000000000000055…) and rounded half up to 0.01 元 once, as whole
cents.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

#: One cent (0.01 元), the quantum amounts are rounded to.
CENT = Decimal("0.01")


def money(value: float) -> Decimal:
    """An input amount as an exact decimal (its shortest float repr: 0.1 → 0.1)."""
    return Decimal(repr(float(value)))


def to_cents(amount: Decimal) -> int:
    """Round half up to 0.01 元, as whole cents."""
    return int(amount.quantize(CENT, rounding=ROUND_HALF_UP) * 100)


def yuan(cents: int | None) -> float:
    """Whole cents as 元 (a float); None → NaN (unknown stays unknown)."""
    return float("nan") if cents is None else cents / 100
