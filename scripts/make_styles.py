"""Build the bundled QGIS styles (.qml) with PyQGIS, so they stay reproducible.

Run: ``bash scripts/run styles`` (writes resources/styles/identifyparcels_{zh,en}.qml,
buildunits_{zh,en}.qml, blocks.qml, the project checks' farcheck/scatteredland/landprice/
usechange/mixeduse_{zh,en}.qml, compareversions_{zh,en}.qml and
capacityenvelope_{zh,en}.qml).
Category and legend labels come from resources/codes/value_maps.csv; value maps and
aliases are set by the algorithms.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: The outcome after review (核查后结论): the planner's decision (``final_verdict`` /
#: ``final_type``) where there is one, else the computed one — the rule of
#: core.identify.review.final_verdict/final_type. ``attribute($currentfeature, …)`` is NULL
#: on a layer without review fields (then the computed verdict is drawn).
FINAL_VERDICT = "coalesce(nullif(attribute($currentfeature, 'final_verdict'), ''), \"verdict\")"
FINAL_TYPE = "coalesce(nullif(attribute($currentfeature, 'final_type'), ''), \"lowland_type\")"
CATEGORY_EXPRESSION = (
    f"CASE WHEN {FINAL_VERDICT} = 'lowland' THEN {FINAL_TYPE} ELSE {FINAL_VERDICT} END"
)
STATUS = "coalesce(attribute($currentfeature, 'review_status'), 'pending')"
CHANGED = (
    f"coalesce(attribute($currentfeature, 'verdict_changed'), false) AND {STATUS} <> 'pending'"
)
#: Review state marks (outlines over the fills, so the fill at a parcel's centre is its
#: final outcome): (value_maps review_status value or "changed", filter, outline colour,
#: width mm, dashed). Pending parcels keep the thin grey outline of the fill.
REVIEW_MARKS = (
    ("changed", CHANGED, "#ff7f00", 0.9, True),
    ("confirmed", f"{STATUS} = 'confirmed' AND NOT ({CHANGED})", "#1b7837", 0.6, False),
    ("rejected", f"{STATUS} = 'rejected' AND NOT ({CHANGED})", "#000000", 0.8, True),
    ("overridden", f"{STATUS} = 'overridden' AND NOT ({CHANGED})", "#2166ac", 0.8, False),
)
#: Legend headings of the two rule groups, and the label of the "changed" mark.
STYLE_TEXT = {
    "zh": {
        "outcome": "认定结果（核查后结论）",
        "review": "核查状态（边线）",
        "pending": "待核查（细灰边）",
        "changed": "结论已变化，待复核",
    },
    "en": {
        "outcome": "Outcome after review",
        "review": "Review state (outline)",
        "pending": "Pending (thin grey outline)",
        "changed": "Verdict changed: re-check",
    },
}
#: Category value → colour; labels come from resources/codes/value_maps.csv.
COLOURS = {
    "industrial": "#d7301f",
    "village": "#fc8d59",
    "commercial_residential": "#e7298a",
    "facility": "#7570b3",
    "other": "#a6761d",
    "not_lowland": "#d9f0d3",
    "excluded": "#bdbdbd",
}


def _value_labels(field: str, language: str) -> dict[str, str]:
    """value → label of ``field`` in resources/codes/value_maps.csv."""
    import csv

    with (ROOT / "resources" / "codes" / "value_maps.csv").open(encoding="utf-8") as fh:
        key = "zh" if language == "zh" else "en"
        return {r["value"]: r[key] for r in csv.DictReader(fh) if r["field"] == field}


def _label(
    layer, text: str, size: float, colour: str, buffer_size: float, expression: bool = False
) -> None:
    """Label every feature with the field (or expression) ``text`` over its centre,
    Noto Sans CJK (fonts-noto-cjk, scripts/setup.sh) with a white buffer."""
    from qgis.core import (
        QgsPalLayerSettings,
        QgsTextBufferSettings,
        QgsTextFormat,
        QgsVectorLayerSimpleLabeling,
    )
    from qgis.PyQt.QtGui import QColor, QFont

    settings = QgsPalLayerSettings()
    settings.fieldName = text
    settings.isExpression = expression
    settings.placement = QgsPalLayerSettings.OverPoint
    fmt = QgsTextFormat()
    fmt.setFont(QFont("Noto Sans CJK SC"))
    fmt.setSize(size)
    fmt.setColor(QColor(colour))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(buffer_size)
    fmt.setBuffer(buffer)
    settings.setFormat(fmt)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def _save(layer, name: str, with_labels: bool) -> Path:
    """Write ``resources/styles/<name>.qml`` (symbology, and labels when asked)."""
    from qgis.core import QgsMapLayer

    out = ROOT / "resources" / "styles" / f"{name}.qml"
    categories = QgsMapLayer.Symbology | (QgsMapLayer.Labeling if with_labels else 0)
    message, ok = layer.saveNamedStyle(str(out), QgsMapLayer.StyleCategories(categories))
    if not ok:
        raise SystemExit(message)
    # rule-based renderers key their rules with random UUIDs: number them instead, so that
    # the same script writes the same file
    keys: dict[str, str] = {}

    def numbered(match: re.Match) -> str:
        uuid = keys.setdefault(match.group(1), f"{{00000000-0000-0000-0000-{len(keys):012d}}}")
        return f'key="{uuid}"'

    text = out.read_text(encoding="utf-8")
    out.write_text(re.sub(r'key="(\{[0-9a-f-]{36}\})"', numbered, text), encoding="utf-8")
    return out


def build(language: str) -> Path:
    """Identification result coloured by the outcome after review (the low-efficiency
    type where the final verdict is low-efficiency, else the final verdict), with the
    review state marked by the outline (confirmed / rejected / re-classified / changed
    since review; pending: plain). Both groups are in the legend."""
    from qgis.core import QgsFillSymbol, QgsRuleBasedRenderer, QgsVectorLayer
    from qgis.PyQt.QtCore import Qt

    fields = "".join(
        f"&field={name}:string"
        for name in ("lowland_type", "verdict", "final_verdict", "final_type", "review_status")
    )
    layer = QgsVectorLayer(
        f"MultiPolygon?crs=EPSG:4544{fields}&field=verdict_changed:boolean", "s", "memory"
    )
    text = STYLE_TEXT[language]
    labels = {**_value_labels("lowland_type", language), **_value_labels("verdict", language)}
    status_labels = _value_labels("review_status", language)
    root = QgsRuleBasedRenderer.Rule(None)
    outcome = QgsRuleBasedRenderer.Rule(None, 0, 0, "", text["outcome"])
    for value, colour in COLOURS.items():
        symbol = QgsFillSymbol.createSimple(
            {"color": colour, "outline_color": "#4d4d4d", "outline_width": "0.2"}
        )
        rule = f"{CATEGORY_EXPRESSION} = '{value}'"
        outcome.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, rule, labels[value]))
    review = QgsRuleBasedRenderer.Rule(None, 0, 0, "", text["review"])
    pending = QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": "#4d4d4d", "outline_width": "0.2"}
    )
    review.appendChild(
        QgsRuleBasedRenderer.Rule(pending, 0, 0, f"{STATUS} = 'pending'", text["pending"])
    )
    for value, expression, colour, width, dashed in REVIEW_MARKS:
        symbol = QgsFillSymbol.createSimple(
            {"style": "no", "outline_color": colour, "outline_width": str(width)}
        )
        if dashed:
            symbol.symbolLayer(0).setStrokeStyle(Qt.DashLine)
        symbol.symbolLayer(0).setRenderingPass(1)  # over every parcel's fill
        label = text["changed"] if value == "changed" else status_labels[value]
        review.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, expression, label))
    root.appendChild(outcome)
    root.appendChild(review)
    renderer = QgsRuleBasedRenderer(root)
    renderer.setUsingSymbolLevels(True)
    layer.setRenderer(renderer)
    return _save(layer, f"identifyparcels_{language}", with_labels=False)


def _translucent(colour: str, alpha: int) -> str:
    """ "r,g,b,a" for a symbol property ("#rrggbbaa" would read as #aarrggbb)."""
    from qgis.PyQt.QtGui import QColor

    c = QColor(colour)
    return f"{c.red()},{c.green()},{c.blue()},{alpha}"


#: buildunits: unit fill by 实施时序 (phase); no phase = outline only. Labels from value_maps.csv.
PHASE_COLOURS = {"near": "#1a9850", "mid": "#fee08b", "far": "#91bfdb"}


def build_units(language: str) -> Path:
    """Units (lowland:buildunits): filled by phase, thick outline, labelled with unit_id."""
    from qgis.core import (
        QgsCategorizedSymbolRenderer,
        QgsFillSymbol,
        QgsRendererCategory,
        QgsVectorLayer,
    )

    layer = QgsVectorLayer(
        "MultiPolygon?crs=EPSG:4544&field=unit_id:string&field=phase:string", "u", "memory"
    )
    labels = _value_labels("phase", language)
    outline = {"outline_color": "#542788", "outline_width": "0.8"}

    categories = [
        QgsRendererCategory(
            value,
            QgsFillSymbol.createSimple({"color": _translucent(colour, 90), **outline}),
            labels[value],
        )
        for value, colour in PHASE_COLOURS.items()
    ]
    unset = {"zh": "未定时序", "en": "No phase"}[language]
    categories.append(
        QgsRendererCategory(None, QgsFillSymbol.createSimple({"style": "no", **outline}), unset)
    )
    layer.setRenderer(QgsCategorizedSymbolRenderer("phase", categories))
    _label(layer, "unit_id", 11, "#542788", 1.0)
    return _save(layer, f"buildunits_{language}", with_labels=True)


#: Project checks with one pass field: style name (the algorithm id) → field.
PASS_FIELDS = {"farcheck": "far_pass", "scatteredland": "scattered_pass", "landprice": "price_pass"}
#: (rule label zh, en, colour, expression on the pass field {f}); NULL: not computed.
PASS_RULES = (
    ("通过", "Passed", "#006837", '"{f}" IS NOT NULL AND "{f}"'),
    ("不通过", "Failed", "#a50026", '"{f}" IS NOT NULL AND NOT "{f}"'),
    ("未核算", "Not computed", "#525252", '"{f}" IS NULL'),
)
#: Categorised outputs: style name → (field, value → colour); labels from value_maps.csv.
CATEGORY_STYLES = {
    "usechange": (
        "usechange_pathway",
        {"original_use": "#006837", "dynamic_maintenance": "#b35806", "formal_change": "#542788"},
    ),
    "compareversions": (
        "change",
        {
            "added": "#1a9850",
            "removed": "#d73027",
            "geometry_and_attributes_changed": "#762a83",
            "geometry_changed": "#f46d43",
            "attributes_changed": "#4575b4",
            "renumbered": "#fee08b",
            "unchanged": "#f0f0f0",
        },
    ),
    # 开发容量测算 (issue 23): the limit that binds each parcel
    "capacityenvelope": ("binding_limit", {"far": "#2166ac", "height": "#b2182b"}),
}
#: The legend entry of an empty category value, where it means more than "not decided".
UNSET_LABELS = {
    "capacityenvelope": {"zh": "容量未知或不受限（公益项目）", "en": "Unknown or uncapped (public)"}
}
#: Label of every project-check style: the project's name, else its id.
PROJECT_LABEL = 'coalesce("project_name", "project_id")'


def _label_projects(layer, colour: str = "#252525") -> None:
    """Label each project with its name (or id), 9 pt."""
    _label(layer, PROJECT_LABEL, 9, colour, 0.8, expression=True)


def _hatched(colour: str) -> dict[str, str]:
    """A project over the parcels: diagonal hatch and a thick outline in ``colour``, so
    that the parcels' own colours stay readable below."""
    return {"color": colour, "style": "b_diagonal", "outline_color": colour, "outline_width": "1.2"}


def _project_layer(fields: str):
    from qgis.core import QgsVectorLayer

    uri = f"MultiPolygon?crs=EPSG:4544&field=project_id:string&field=project_name:string{fields}"
    return QgsVectorLayer(uri, "p", "memory")


def build_pass_fail(name: str, field: str, language: str) -> Path:
    """A project check (farcheck, scatteredland, landprice): green passed, red failed,
    grey not computed (NULL), labelled with the project."""
    from qgis.core import QgsFillSymbol, QgsRuleBasedRenderer

    layer = _project_layer(f"&field={field}:boolean")
    root = QgsRuleBasedRenderer.Rule(None)
    for label_zh, label_en, colour, expression in PASS_RULES:
        symbol = QgsFillSymbol.createSimple(_hatched(colour))
        label = label_zh if language == "zh" else label_en
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, expression.format(f=field), label))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    _label_projects(layer)
    return _save(layer, f"{name}_{language}", with_labels=True)


def build_categories(name: str, field: str, colours: dict[str, str], language: str) -> Path:
    """A categorised output (usechange by pathway, compareversions by change), labels
    from value_maps.csv; usechange is labelled with the project."""
    from qgis.core import (
        QgsCategorizedSymbolRenderer,
        QgsFillSymbol,
        QgsRendererCategory,
        QgsVectorLayer,
    )

    labels = _value_labels(field, language)
    projects = name != "compareversions"  # project outlines drawn over the parcels

    def fill(colour: str) -> dict[str, str]:
        if projects:  # as the pass/fail checks
            return _hatched(colour)
        return {"color": colour, "outline_color": "#4d4d4d", "outline_width": "0.3"}

    if projects:
        layer = _project_layer(f"&field={field}:string")
    else:
        layer = QgsVectorLayer(f"MultiPolygon?crs=EPSG:4544&field={field}:string", "c", "memory")
    categories = [
        QgsRendererCategory(
            value,
            QgsFillSymbol.createSimple(fill(colour)),
            labels[value],
        )
        for value, colour in colours.items()
    ]
    unset = UNSET_LABELS.get(name, {"zh": "未核定", "en": "Not decided"})[language]
    categories.append(
        QgsRendererCategory(
            None,
            QgsFillSymbol.createSimple(fill("#525252" if projects else "#bdbdbd")),
            unset,
        )
    )
    layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))
    if projects:
        _label_projects(layer)
    return _save(layer, f"{name}_{language}", with_labels=projects)


def build_projects(name: str, language: str) -> Path:
    """Project outlines labelled with the project (mixeduse: its verdicts are per use)."""
    from qgis.core import QgsFillSymbol, QgsSingleSymbolRenderer

    layer = _project_layer("")
    symbol = QgsFillSymbol.createSimple(
        {"color": "255,255,191,120", "outline_color": "#d95f02", "outline_width": "0.6"}
    )
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    _label_projects(layer, "#7f2704")
    return _save(layer, f"{name}_{language}", with_labels=True)


def build_blocks() -> Path:
    """Blocks (lowland:delineateblocks): outline only, labelled with block_id (any language)."""
    from qgis.core import QgsFillSymbol, QgsSingleSymbolRenderer, QgsVectorLayer

    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4544&field=block_id:string", "b", "memory")
    symbol = QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": "#636363", "outline_width": "0.4"}
    )
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    _label(layer, "block_id", 8, "#252525", 0.8)
    return _save(layer, "blocks", with_labels=True)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_HASH_SEED", "0")  # reproducible attribute order in the .qml
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    for language in ("zh", "en"):
        print(f"[styles] {build(language)}")
        print(f"[styles] {build_units(language)}")
        for name, field in PASS_FIELDS.items():
            print(f"[styles] {build_pass_fail(name, field, language)}")
        for name, (field, colours) in CATEGORY_STYLES.items():
            print(f"[styles] {build_categories(name, field, colours, language)}")
        print(f"[styles] {build_projects('mixeduse', language)}")
    print(f"[styles] {build_blocks()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
