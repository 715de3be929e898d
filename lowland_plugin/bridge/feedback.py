"""Feedback for one step of a longer run."""

from __future__ import annotations


class ScaledFeedback:
    """Feedback proxy mapping 0–100 % of one step onto [start, start + span] of the run."""

    def __init__(self, feedback, start: float, span: float) -> None:
        self._fb, self._start, self._span = feedback, start, span

    def setProgress(self, value: float) -> None:  # noqa: N802 (QGIS API)
        self._fb.setProgress(self._start + self._span * value / 100.0)

    def isCanceled(self) -> bool:  # noqa: N802 (QGIS API)
        return self._fb.isCanceled()

    def pushInfo(self, text: str) -> None:  # noqa: N802 (QGIS API)
        self._fb.pushInfo(text)

    def pushWarning(self, text: str) -> None:  # noqa: N802 (QGIS API)
        self._fb.pushWarning(text)
