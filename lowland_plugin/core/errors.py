"""Errors the domain core raises for bad input; wrappers turn them into user messages."""

from __future__ import annotations


class LowlandInputError(ValueError):
    """Input the user must fix (bilingual message says what to fix)."""
