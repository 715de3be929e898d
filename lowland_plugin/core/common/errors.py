"""Errors the domain core raises for bad input; wrappers turn them into user messages."""

from __future__ import annotations


class LowlandInputError(ValueError):
    """Input the user must fix (bilingual message says what to fix)."""


class LowlandInternalError(RuntimeError):
    """A defect of the plugin found by a self-check (e.g. conservation: a feature lost);
    the message says so and asks for a report, instead of writing a wrong output."""
