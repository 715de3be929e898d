"""What a planner sets once and finds again next time, in QGIS's settings (QgsSettings,
the user profile's QGIS3.ini): the reviewer's name, the plans' output folder, the rule
profile and the two plan templates.

The review dock and the plan dock already keep the reviewer (``lowland/reviewer``) and
the output folder (``lowland/plan_output_folder``) under these keys; the profile and
the templates are restored into the plan dock and saved when changed
(:func:`remember_plan_choices`, wired by the plugin). The algorithms' PROFILE default
stays ``default``: a value saved in one QGIS must not change what ``qgis_process`` batch
runs, the bundled models or the generated reference compute.
"""

from __future__ import annotations

from qgis.core import QgsSettings

#: Setting → key in QgsSettings.
KEYS = {
    "reviewer": "lowland/reviewer",
    "output_folder": "lowland/plan_output_folder",
    "profile": "lowland/profile",
    "template_docx": "lowland/template_docx",
    "template_html": "lowland/template_html",
}


def saved(name: str, default: str = "") -> str:
    """The saved value of setting ``name`` (a key of KEYS), else ``default``."""
    value = QgsSettings().value(KEYS[name], default, type=str)
    return value or default


def save(name: str, value: str) -> None:
    """Remember ``value`` for setting ``name``."""
    QgsSettings().setValue(KEYS[name], value)


def remember_plan_choices(dock) -> None:
    """Restore the saved profile and templates into the plan dock (fields left empty by
    the dock) and save them whenever the planner changes them."""
    profile = saved("profile")
    if profile:
        dock.profileCombo.setCurrentText(profile)
    for name, widget in (
        ("template_docx", dock.docxTemplate),
        ("template_html", dock.htmlTemplate),
    ):
        if saved(name) and not widget.filePath():
            widget.setFilePath(saved(name))
        widget.fileChanged.connect(lambda path, n=name: save(n, path))
    dock.profileCombo.currentTextChanged.connect(lambda text: save("profile", text.strip()))
