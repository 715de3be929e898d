"""The decision area of the 地块核查 review dock: reviewer, note (核查意见), the type of
an override and the confirm / reject / override / reset buttons. What a decision
writes is :func:`core.identify.review.decide`'s; this is only the widgets."""

from __future__ import annotations

from collections.abc import Callable

from ..bridge.layers import python_value
from ..core.common.codes import LOWLAND_TYPES
from ..core.common.fields import value_label
from ..i18n import language, tr


def action_label(action: str) -> str:
    """A decision as the buttons and the undo history name it."""
    return {
        "confirm": tr("确认"),
        "reject": tr("否定"),
        "override": tr("改判"),
        "reset": tr("重置"),
    }[action]


def action_tip(action: str) -> str:
    """Tooltip of a decision button with a shortcut (``{0}``: the shortcut)."""
    return {
        "confirm": tr("确认计算的认定结论（{0}）"),
        "reject": tr("否定低效用地认定，改为非低效用地；须填写核查意见（{0}）"),
        "override": tr("改判为所选类型的低效用地；须填写核查意见（{0}）"),
    }[action]


class DecisionPanel:
    """The decision widgets of the dock's form (``reviewerEdit``, ``noteEdit``,
    ``overrideTypeCombo`` and the four buttons, by action)."""

    def __init__(self, form) -> None:
        self.form = form
        self.reviewerEdit = form.reviewerEdit
        self.noteEdit = form.noteEdit
        self.overrideTypeCombo = form.overrideTypeCombo
        self.buttons = {
            "confirm": form.confirmButton,
            "reject": form.rejectButton,
            "override": form.overrideButton,
            "reset": form.resetButton,
        }

    def setup(self) -> None:
        """Choices and texts, through tr()."""
        self.form.reviewerLabel.setText(tr("核查人"))
        self.reviewerEdit.setPlaceholderText(tr("姓名（会被记住）"))
        self.form.overrideTypeLabel.setText(tr("为"))
        self.overrideTypeCombo.clear()
        self.overrideTypeCombo.addItem(tr("（选择低效类型）"), None)
        for value in LOWLAND_TYPES:
            self.overrideTypeCombo.addItem(value_label("lowland_type", value, language()), value)
        self.overrideTypeCombo.setToolTip(tr("改判时宗地认定为此类型的低效用地"))
        self.form.noteLabel.setText(tr("核查意见"))
        self.noteEdit.setPlaceholderText(tr("否定、改判时必填"))
        for action, button in self.buttons.items():
            button.setText(action_label(action))
        self.buttons["reset"].setToolTip(tr("撤销该宗地的核查决定，恢复为待核查"))

    def connect(self, apply: Callable[[str], object]) -> None:
        """A click on a button calls ``apply(action)``."""
        for action, button in self.buttons.items():
            button.clicked.connect(lambda _checked=False, action=action: apply(action))

    def set_enabled(self, enabled: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(enabled)

    def show_inputs(self, feature) -> None:
        """The parcel's note and override type in the inputs (to edit a decision)."""
        self.noteEdit.setText(python_value(feature["review_note"]) or "")
        review_type = python_value(feature["review_type"])
        self.overrideTypeCombo.setCurrentIndex(max(self.overrideTypeCombo.findData(review_type), 0))

    def reviewer(self) -> str:
        return self.reviewerEdit.text().strip()

    def note(self) -> str:
        return self.noteEdit.text()

    def new_type(self, action: str) -> str | None:
        """The low-efficiency type an override decides (None for the other actions)."""
        return self.overrideTypeCombo.currentData() if action == "override" else None
