"""Y-10 正负面清单 of mixed use: "土地用途以正负面清单形式进行管控" (银川实施意见（十）).
The lists are the profile's local values ``mixed_use_positive`` / ``mixed_use_negative``
(2023 use codes or their prefixes; empty by default, a local choice)."""

from __future__ import annotations

from collections.abc import Mapping

from ..common.profiles import Profile
from ..common.reasons import Reason, reason


def use_lists(profile: Profile) -> dict[str, tuple[tuple[str, ...], str]]:
    """Y-10 正负面清单: {"positive" | "negative": (code prefixes, citation)} from the
    profile's local lists ``mixed_use_positive`` / ``mixed_use_negative``."""
    return {
        kind: (tuple(str(c) for c in profile.value(name)), profile.cite(name))
        for kind, name in (("positive", "mixed_use_positive"), ("negative", "mixed_use_negative"))
    }


def listed(code: str, prefixes: tuple[str, ...]) -> bool:
    return any(code.startswith(p) for p in prefixes)


def list_reasons(
    order: list[str], lists: Mapping[str, tuple[tuple[str, ...], str]]
) -> tuple[list[str], list[Reason]]:
    """Y-10 正负面清单: the uses on the negative list or, when the positive list is not
    empty, off it, and the reasons (one per list in use)."""
    negative, neg_source = lists["negative"]
    positive, pos_source = lists["positive"]
    items, bad = [], []
    if negative:
        hits = [u for u in order if listed(u, negative)]
        bad += hits
        items.append(
            reason(
                "use_not_on_negative_list",
                "Y-10",
                hits or None,
                list(negative),
                not hits,
                source=neg_source,
                note="土地用途以正负面清单形式进行管控：负面清单内的用途不得混合 / uses on the "
                "negative list are not allowed",
            )
        )
    if positive:
        off = [u for u in order if not listed(u, positive)]
        bad += [u for u in off if u not in bad]
        items.append(
            reason(
                "use_on_positive_list",
                "Y-10",
                off or None,
                list(positive),
                not off,
                source=pos_source,
                note="正面清单外的用途须报告 / uses off the positive list are reported",
            )
        )
    return bad, items
