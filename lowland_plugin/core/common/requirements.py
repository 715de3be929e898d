"""Which fields each rule of an algorithm needs, checked in one place (issue 21 item 10).

Every algorithm with rules declares, next to its rules, a table rule → :class:`Need`.
:func:`check_rule_fields` reads it against the fields a layer really has: a field a
*required* rule cannot do without refuses the run, naming the field and what to do; a
field only an *optional* rule needs disables that rule with one warning naming the field
and the rules it disables. A field that is present but empty on a feature is that
feature's unknown value: the rule is not tested there (never "met").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .errors import LowlandInputError


@dataclass(frozen=True)
class Need:
    """The fields one rule reads (``fields``: all of them; ``any_of``: one suffices)."""

    fields: tuple[str, ...]
    required: bool = False
    any_of: bool = False
    #: A layer that supplies the fields instead (e.g. LANDSURVEY for the land class).
    unless_layer: str | None = None
    #: What the user can do, when the field is required (Chinese / English).
    remedy: str = "请补充该字段或用字段映射指定 / add the field or map it with FIELD_MAP"

    def missing(self, columns: set[str]) -> tuple[str, ...]:
        """The fields of this rule the layer lacks (for ``any_of``: all, if none is there)."""
        absent = tuple(f for f in self.fields if f not in columns)
        if self.any_of:
            return absent if len(absent) == len(self.fields) else ()
        return absent


def check_rule_fields(
    columns: Iterable[str],
    needs: Mapping[str, Need],
    label: str,
    layers: Iterable[str] = (),
) -> list[str]:
    """Refuse a layer missing a field a required rule needs; return one warning per missing
    field that disables optional rules (``layers``: the optional layers given)."""
    present, given = set(columns), set(layers)
    disabled: dict[str, list[str]] = {}
    for rule, need in needs.items():
        if need.unless_layer is not None and need.unless_layer in given:
            continue
        missing = need.missing(present)
        if not missing:
            continue
        if need.required:
            shown = " / ".join(missing) if need.any_of else ", ".join(missing)
            also = f"（或给出 {need.unless_layer} 图层）" if need.unless_layer else ""
            also_en = f" (or give the {need.unless_layer} layer)" if need.unless_layer else ""
            raise LowlandInputError(
                f"{label}: 缺少规则 {rule} 必需的字段 {shown}{also}，无法判定。"
                f"{need.remedy.split(' / ')[0]}。 / missing field {shown}, which rule {rule} "
                f"needs{also_en}: {need.remedy.split(' / ')[-1]}."
            )
        key = " / ".join(missing) if need.any_of else ", ".join(missing)
        disabled.setdefault(key, []).append(rule)
    return [
        f"{label}: 缺少字段 {fields}，以下规则不检验：{', '.join(rules)}。"
        f" / missing field {fields}: rules not tested: {', '.join(rules)}."
        for fields, rules in disabled.items()
    ]
